#include "crawler/kafka/kafka_spool.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

namespace fs = std::filesystem;

SpoolRecord Rec(int i) {
  SpoolRecord r;
  r.topic = "t";
  r.key = "k" + std::to_string(i);
  r.value = "{\"i\":" + std::to_string(i) + "}";
  r.headers = {{"hallyu.schema", "hallyu.casting/1"}, {"null", std::nullopt}};
  return r;
}

class KafkaSpoolTest : public ::testing::Test {
 protected:
  void SetUp() override { opts_.dir = testing::MakeTempDir("spool-test-"); }
  void TearDown() override { fs::remove_all(opts_.dir); }
  std::unique_ptr<KafkaSpool> Open() {
    auto s = KafkaSpool::Open(opts_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  std::vector<fs::path> Segments() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(opts_.dir)) {
      if (e.path().extension() == ".seg") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  SpoolOptions opts_;
};

TEST_F(KafkaSpoolTest, RoundTripsRecordsInOrderAndTrimsAfterAcks) {
  auto s = Open();
  ASSERT_TRUE(s);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(s->Append(Rec(i)).ok());
  EXPECT_EQ(s->pending(), 5u);
  auto got = s->PeekUnsent(100);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 5u);
  EXPECT_EQ((*got)[3].key, "k3");
  EXPECT_EQ((*got)[3].value, "{\"i\":3}");
  ASSERT_EQ((*got)[3].headers.size(), 2u);
  EXPECT_EQ((*got)[3].headers[0].second, "hallyu.casting/1");
  EXPECT_FALSE((*got)[3].headers[1].second.has_value());
  for (const auto& r : *got) s->MarkSent(r.seq);
  EXPECT_EQ(s->unsent(), 0u);
  s->Ack((*got)[1].seq);  // out of order: nothing trimmed below seq 1 yet
  EXPECT_EQ(s->pending(), 5u);
  s->Ack((*got)[0].seq);
  EXPECT_EQ(s->pending(), 3u);
  for (const auto& r : *got) s->Ack(r.seq);
  EXPECT_EQ(s->pending(), 0u);
}

TEST_F(KafkaSpoolTest, UnacknowledgedRecordsSurviveReopen) {
  {
    auto s = Open();
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(s->Append(Rec(i)).ok());
    auto got = s->PeekUnsent(2);
    for (const auto& r : *got) s->MarkSent(r.seq);
    s->Ack((*got)[0].seq);
    s->Ack((*got)[1].seq);
    ASSERT_TRUE(s->Sync().ok());
  }  // like a crash after Sync: the file and the acked mark are on disk
  auto s = Open();
  EXPECT_EQ(s->pending(), 2u);
  auto got = s->PeekUnsent(10);
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].key, "k2");
  EXPECT_EQ((*got)[1].key, "k3");
  // New appends continue after the old seqs.
  auto seq = s->Append(Rec(9));
  ASSERT_TRUE(seq.ok());
  EXPECT_GT(*seq, (*got)[1].seq);
}

TEST_F(KafkaSpoolTest, CorruptRecordIsReportedAndSkipped) {
  {
    auto s = Open();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(s->Append(Rec(i)).ok());
  }
  auto segs = Segments();
  ASSERT_EQ(segs.size(), 1u);
  std::string bytes = testing::ReadFileOrFail(segs[0]);
  size_t second = bytes.find("k1");  // inside the second record's payload
  ASSERT_NE(second, std::string::npos);
  bytes[second + 1] ^= 0x5a;  // flip bits: the CRC no longer matches
  std::ofstream(segs[0], std::ios::binary | std::ios::trunc) << bytes;

  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->corrupt_records(), 1u);
  auto got = s->PeekUnsent(10);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].key, "k0");
  EXPECT_EQ((*got)[1].key, "k2");
  for (const auto& r : *got) s->MarkSent(r.seq);
  for (const auto& r : *got) s->Ack(r.seq);
  EXPECT_EQ(s->pending(), 0u);  // the skipped seq does not block trimming
}

TEST_F(KafkaSpoolTest, GarbageAndTornTailNeverBreakOpen) {
  {
    auto s = Open();
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(s->Append(Rec(i)).ok());
  }
  auto segs = Segments();
  {
    std::ofstream out(segs[0], std::ios::binary | std::ios::app);
    out << "HSP1\x7f\x00";  // a torn header at the end
  }
  std::ofstream(fs::path(opts_.dir) / "00000000000000000000.seg", std::ios::binary)
      << std::string(100, '\xff');  // a whole segment of garbage
  auto s = Open();
  ASSERT_TRUE(s);
  auto got = s->PeekUnsent(10);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->size(), 2u);
}

TEST_F(KafkaSpoolTest, FullSpoolRefusesInsteadOfDropping) {
  opts_.max_bytes = 4096;
  opts_.segment_bytes = 1024;
  auto s = Open();
  int accepted = 0;
  Status last;
  for (int i = 0; i < 1000; ++i) {
    auto r = s->Append(Rec(i));
    if (!r.ok()) {
      last = r.status();
      break;
    }
    ++accepted;
  }
  EXPECT_EQ(last.code(), ErrorCode::kTooLarge) << last.ToString();
  EXPECT_GT(accepted, 10);
  EXPECT_LE(s->bytes(), opts_.max_bytes);
  // Acknowledge everything: closed segments are deleted and there is room again.
  while (s->unsent() > 0) {
    auto got = s->PeekUnsent(100);
    for (const auto& r : *got) {
      s->MarkSent(r.seq);
      s->Ack(r.seq);
    }
  }
  EXPECT_EQ(s->pending(), 0u);
  EXPECT_TRUE(s->Append(Rec(1)).ok());
  EXPECT_LT(s->bytes(), opts_.max_bytes);
}

// Issue 19, window 8: a write that fails part-way (ENOSPC after half the frame) must not
// leave a torn record in the segment: the index would point before it and every later
// record would be read at the wrong offset (corrupt, skipped) in this run, and counted
// corrupt after a restart.
TEST_F(KafkaSpoolTest, PartialWriteIsCutBackSoNoLaterRecordIsLostOrCorrupt) {
  int calls = 0;
  opts_.write_fn = [&calls](int fd, const void* data, size_t size) -> ssize_t {
    ++calls;
    if (calls == 3) return write(fd, data, size / 2);  // the third append: half a frame...
    if (calls == 4) {                                  // ...then the disk is full
      errno = ENOSPC;
      return -1;
    }
    return write(fd, data, size);
  };
  {
    auto s = Open();
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->Append(Rec(0)).ok());
    ASSERT_TRUE(s->Append(Rec(1)).ok());
    auto failed = s->Append(Rec(2));
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().code(), ErrorCode::kIo) << failed.status().ToString();
    ASSERT_TRUE(s->Append(Rec(3)).ok());
    ASSERT_TRUE(s->Append(Rec(4)).ok());
    EXPECT_EQ(s->pending(), 4u);
    auto got = s->PeekUnsent(10);
    ASSERT_TRUE(got.ok());
    std::vector<std::optional<std::string>> keys;
    for (const auto& r : *got) keys.push_back(r.key);
    EXPECT_EQ(keys, (std::vector<std::optional<std::string>>{"k0", "k1", "k3", "k4"}));
    EXPECT_EQ(s->corrupt_records(), 0u);
  }
  opts_.write_fn = nullptr;
  auto s = Open();  // after a restart nothing is corrupt and nothing skipped
  ASSERT_TRUE(s);
  EXPECT_EQ(s->corrupt_records(), 0u);
  EXPECT_EQ(s->pending(), 4u);
  auto got = s->PeekUnsent(10);
  ASSERT_TRUE(got.ok());
  std::vector<std::optional<std::string>> keys;
  for (const auto& r : *got) keys.push_back(r.key);
  EXPECT_EQ(keys, (std::vector<std::optional<std::string>>{"k0", "k1", "k3", "k4"}));
}

// The same with the kernel doing it: a forked child appends under a file-size limit
// (RLIMIT_FSIZE, no root needed), so the write crossing the limit is cut short and the
// next one fails with EFBIG; then the limit is lifted and appends go on.
TEST_F(KafkaSpoolTest, FileSizeLimitMidRecordLeavesNoTornRecordBehind) {
  const std::string accepted_file = opts_.dir + "/accepted";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    auto opened = KafkaSpool::Open(opts_);
    if (!opened.ok()) _exit(10);
    KafkaSpool& s = **opened;
    struct rlimit unlimited;
    if (getrlimit(RLIMIT_FSIZE, &unlimited) != 0) _exit(11);
    struct rlimit small = unlimited;
    small.rlim_cur = 1001;
    if (setrlimit(RLIMIT_FSIZE, &small) != 0) _exit(11);
    int accepted = 0;
    while (accepted < 100 && s.Append(Rec(accepted)).ok()) ++accepted;
    if (accepted == 100) _exit(12);  // the limit never hit
    if (setrlimit(RLIMIT_FSIZE, &unlimited) != 0) _exit(11);
    for (int i = 100; i < 103; ++i) {
      if (!s.Append(Rec(i)).ok()) _exit(13);
    }
    auto got = s.PeekUnsent(1000);
    if (!got.ok() || got->size() != static_cast<size_t>(accepted) + 3) _exit(14);
    if (s.corrupt_records() != 0) _exit(15);
    std::ofstream(accepted_file) << accepted;
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0) << "child check failed (see the exit codes in the test)";
  int accepted = 0;
  std::ifstream(accepted_file) >> accepted;
  ASSERT_GT(accepted, 0);
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->corrupt_records(), 0u);
  EXPECT_EQ(s->pending(), static_cast<uint64_t>(accepted) + 3);
  auto got = s->PeekUnsent(1000);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), static_cast<size_t>(accepted) + 3);
  for (int i = 0; i < accepted; ++i) EXPECT_EQ((*got)[i].key, "k" + std::to_string(i));
  EXPECT_EQ(got->back().key, "k102");
}

// New segments and the `acked` rename are made durable: the mark is read back exactly,
// no temporary file is left behind.
TEST_F(KafkaSpoolTest, AckMarkIsWrittenWholeAndReadBack) {
  ASSERT_TRUE(KafkaSpool::WriteAckMark(opts_.dir, 42).ok());
  EXPECT_EQ(testing::ReadFileOrFail(fs::path(opts_.dir) / "acked"), "42\n");
  EXPECT_FALSE(fs::exists(fs::path(opts_.dir) / "acked.tmp"));
  EXPECT_FALSE(KafkaSpool::WriteAckMark(opts_.dir + "/missing", 1).ok());
}

}  // namespace
}  // namespace hallyu
