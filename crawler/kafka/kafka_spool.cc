#include "crawler/kafka/kafka_spool.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace hallyu {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kMagic = 0x31505348;  // "HSP1" little endian
constexpr size_t kHeaderBytes = 4 + 4 + 4 + 8;

void PutU32(std::string& out, uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 4);
}
void PutU64(std::string& out, uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 8);
}
uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
void PutBytes(std::string& out, const std::string& s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out += s;
}
void PutOptional(std::string& out, const std::optional<std::string>& s) {
  out.push_back(s ? 1 : 0);
  PutBytes(out, s ? *s : std::string());
}

// Bounds-checked reader over a payload.
class PayloadReader {
 public:
  PayloadReader(const char* p, size_t n) : p_(p), n_(n) {}
  bool U32(uint32_t* v) {
    if (n_ - pos_ < 4 || pos_ > n_) return false;
    *v = GetU32(p_ + pos_);
    pos_ += 4;
    return true;
  }
  bool Bytes(std::string* s) {
    uint32_t len;
    if (!U32(&len) || n_ - pos_ < len) return false;
    s->assign(p_ + pos_, len);
    pos_ += len;
    return true;
  }
  bool Optional(std::optional<std::string>* s) {
    if (pos_ >= n_) return false;
    bool has = p_[pos_++] != 0;
    std::string v;
    if (!Bytes(&v)) return false;
    if (has) {
      *s = std::move(v);
    } else {
      s->reset();
    }
    return true;
  }
  bool done() const { return pos_ == n_; }

 private:
  const char* p_;
  size_t n_;
  size_t pos_ = 0;
};

bool DecodePayload(const char* p, size_t n, SpoolRecord* r) {
  PayloadReader in(p, n);
  uint32_t count;
  if (!in.Bytes(&r->topic) || !in.Optional(&r->key) || !in.Optional(&r->value) || !in.U32(&count) ||
      count > n) {
    return false;
  }
  r->headers.clear();
  for (uint32_t i = 0; i < count; ++i) {
    std::string name;
    std::optional<std::string> value;
    if (!in.Bytes(&name) || !in.Optional(&value)) return false;
    r->headers.emplace_back(std::move(name), std::move(value));
  }
  return in.done();
}

uint32_t Crc(uint64_t seq, const char* payload, size_t n) {
  char s[8];
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>((seq >> (8 * i)) & 0xff);
  uLong c = crc32(0L, reinterpret_cast<const Bytef*>(s), 8);
  return static_cast<uint32_t>(
      crc32(c, reinterpret_cast<const Bytef*>(payload), static_cast<uInt>(n)));
}

// A full, valid record at `pos` of buf? Fills seq and total size.
bool ValidAt(const std::string& buf, size_t pos, uint32_t max_payload, uint64_t* seq,
             size_t* total) {
  if (buf.size() - pos < kHeaderBytes) return false;
  const char* h = buf.data() + pos;
  if (GetU32(h) != kMagic) return false;
  uint32_t len = GetU32(h + 4);
  if (len > max_payload || buf.size() - pos - kHeaderBytes < len) return false;
  uint64_t s = GetU64(h + 12);
  if (Crc(s, h + kHeaderBytes, len) != GetU32(h + 8)) return false;
  *seq = s;
  *total = kHeaderBytes + len;
  return true;
}

std::string SegmentName(uint64_t first_seq) {
  char b[32];
  snprintf(b, sizeof b, "%020" PRIu64 ".seg", first_seq);
  return b;
}

Status WriteAll(const SpoolOptions& options, int fd, const char* p, size_t n,
                const std::string& path) {
  while (n > 0) {
    ssize_t w = options.write_fn ? options.write_fn(fd, p, n) : write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return IoError("spool write " + path + ": " + strerror(errno));
    }
    if (w == 0) return IoError("spool write " + path + ": no progress");
    p += w;
    n -= static_cast<size_t>(w);
  }
  return Status::Ok();
}

// fsync of a directory, so a file created or renamed in it survives a power cut.
Status FsyncDir(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return IoError("spool: cannot open directory " + dir + ": " + strerror(errno));
  int rc = fsync(fd);
  int saved = errno;
  close(fd);
  if (rc != 0) return IoError("spool: fsync of directory " + dir + ": " + strerror(saved));
  return Status::Ok();
}

Status PreadAll(int fd, char* p, size_t n, uint64_t off, const std::string& path) {
  while (n > 0) {
    ssize_t r = pread(fd, p, n, static_cast<off_t>(off));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return IoError("spool read " + path + ": " + (r < 0 ? strerror(errno) : "short"));
    p += r;
    n -= static_cast<size_t>(r);
    off += static_cast<uint64_t>(r);
  }
  return Status::Ok();
}

}  // namespace

KafkaSpool::KafkaSpool(SpoolOptions options) : options_(std::move(options)) {}

KafkaSpool::~KafkaSpool() {
  if (fd_ >= 0) {
    (void)Sync();
    close(fd_);
  }
}

Result<std::unique_ptr<KafkaSpool>> KafkaSpool::Open(const SpoolOptions& options) {
  if (options.dir.empty()) return InvalidArgument("spool: empty dir");
  std::error_code ec;
  fs::create_directories(options.dir, ec);
  if (ec) return IoError("spool: cannot create " + options.dir + ": " + ec.message());
  std::unique_ptr<KafkaSpool> spool(new KafkaSpool(options));
  HALLYU_RETURN_IF_ERROR(spool->Recover());
  HALLYU_RETURN_IF_ERROR(spool->OpenNewSegment());
  return spool;
}

Status KafkaSpool::Recover() {
  uint64_t acked_mark = 0;
  {
    std::ifstream in(options_.dir + "/acked");
    if (in) in >> acked_mark;
  }
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(options_.dir, ec)) {
    if (e.path().extension() == ".seg") files.push_back(e.path().string());
  }
  if (ec) return IoError("spool: cannot list " + options_.dir + ": " + ec.message());
  std::sort(files.begin(), files.end());

  uint64_t max_seq = 0;
  uint64_t first_live = UINT64_MAX;
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError("spool: cannot read " + path);
    std::string buf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Segment seg;
    seg.path = path;
    seg.first_seq = UINT64_MAX;
    size_t pos = 0;
    uint64_t last_seq_here = 0;
    while (pos < buf.size()) {
      uint64_t seq;
      size_t total;
      if (ValidAt(buf, pos, options_.max_record_bytes, &seq, &total) && seq > last_seq_here) {
        last_seq_here = seq;
        max_seq = std::max(max_seq, seq);
        seg.first_seq = std::min(seg.first_seq, seq);
        if (seq >= acked_mark) {
          seg.index.emplace_back(seq, pos);
          first_live = std::min(first_live, seq);
        }
        pos += total;
        continue;
      }
      // Bad framing or CRC: resynchronise on the next valid record, if any.
      size_t next = pos + 1;
      for (; next < buf.size(); ++next) {
        uint64_t s2;
        size_t t2;
        if (static_cast<unsigned char>(buf[next]) == (kMagic & 0xff) &&
            ValidAt(buf, next, options_.max_record_bytes, &s2, &t2)) {
          break;
        }
      }
      if (next < buf.size()) {
        ++corrupt_records_;
        spdlog::error("spool: corrupt record in {} at offset {} ({} bytes skipped)", path, pos,
                      next - pos);
        pos = next;
      } else {
        spdlog::warn("spool: torn tail in {} at offset {} ({} bytes cut off)", path, pos,
                     buf.size() - pos);
        if (truncate(path.c_str(), static_cast<off_t>(pos)) != 0) {
          return IoError("spool: cannot truncate " + path + ": " + strerror(errno));
        }
        buf.resize(pos);
      }
    }
    seg.end_seq = last_seq_here + 1;
    seg.bytes = buf.size();
    if (seg.index.empty()) {
      fs::remove(path, ec);  // nothing left to deliver in it
      continue;
    }
    bytes_ += seg.bytes;
    segments_.push_back(std::move(seg));
  }
  next_seq_ = std::max<uint64_t>(max_seq + 1, std::max<uint64_t>(acked_mark, 1));
  acked_below_ = first_live == UINT64_MAX ? next_seq_ : first_live;
  next_unsent_ = acked_below_;
  persisted_acked_below_ = acked_below_;
  if (!segments_.empty()) {
    spdlog::info(
        "spool: {} record(s) from an earlier run to deliver ({} bytes, {} corrupt skipped)",
        next_seq_ - acked_below_, bytes_, corrupt_records_);
  }
  return Status::Ok();
}

Status KafkaSpool::OpenNewSegment() {
  if (fd_ >= 0) {
    if (fdatasync(fd_) != 0) return IoError(std::string("spool fsync: ") + strerror(errno));
    close(fd_);
    fd_ = -1;
    unsynced_ = 0;
  }
  // A closed segment that never got a record (its cut-back failed) would share the new
  // segment's name: drop it.
  if (!segments_.empty() && segments_.back().first_seq == next_seq_ &&
      segments_.back().end_seq == next_seq_) {
    if (unlink(segments_.back().path.c_str()) != 0 && errno != ENOENT) {
      return IoError("spool: cannot remove " + segments_.back().path + ": " + strerror(errno));
    }
    bytes_ -= segments_.back().bytes;
    segments_.pop_back();
  }
  Segment seg;
  seg.first_seq = next_seq_;
  seg.end_seq = next_seq_;
  seg.path = options_.dir + "/" + SegmentName(next_seq_);
  int fd = open(seg.path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("spool: cannot open " + seg.path + ": " + strerror(errno));
  Status dir_synced = FsyncDir(options_.dir);  // the new name must survive a power cut
  if (!dir_synced.ok()) {
    close(fd);
    return dir_synced;
  }
  fd_ = fd;
  struct stat st;
  seg.bytes = fstat(fd_, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  bytes_ += seg.bytes;
  segments_.push_back(std::move(seg));
  return Status::Ok();
}

void KafkaSpool::RollBackPartialAppend() {
  Segment& seg = segments_.back();
  if (fd_ < 0) return;
  if (ftruncate(fd_, static_cast<off_t>(seg.bytes)) == 0) return;
  spdlog::error(
      "spool: cannot cut {} back to {} bytes after a failed write: {}; it is closed and the "
      "next record starts a new segment",
      seg.path, seg.bytes, strerror(errno));
  (void)fdatasync(fd_);  // the whole records before the torn tail
  close(fd_);
  fd_ = -1;
  unsynced_ = 0;
}

Result<uint64_t> KafkaSpool::Append(const SpoolRecord& record) {
  const uint64_t seq = next_seq_;
  // One reusable buffer: header placeholder, then the payload encoded in place.
  frame_.clear();
  frame_.resize(kHeaderBytes);
  PutBytes(frame_, record.topic);
  PutOptional(frame_, record.key);
  PutOptional(frame_, record.value);
  PutU32(frame_, static_cast<uint32_t>(record.headers.size()));
  for (const auto& [name, value] : record.headers) {
    PutBytes(frame_, name);
    PutOptional(frame_, value);
  }
  const size_t payload_bytes = frame_.size() - kHeaderBytes;
  if (payload_bytes > options_.max_record_bytes) {
    return TooLarge("spool: record of " + std::to_string(payload_bytes) + " bytes exceeds " +
                    std::to_string(options_.max_record_bytes));
  }
  const size_t total = frame_.size();
  if (bytes_ + total > options_.max_bytes) {
    return TooLarge("spool full (" + std::to_string(bytes_) + " of " +
                    std::to_string(options_.max_bytes) + " bytes): pause until Kafka catches up");
  }
  if (fd_ < 0 ||
      (segments_.back().bytes > 0 && segments_.back().bytes + total > options_.segment_bytes)) {
    HALLYU_RETURN_IF_ERROR(OpenNewSegment());
  }
  std::string header;
  header.reserve(kHeaderBytes);
  PutU32(header, kMagic);
  PutU32(header, static_cast<uint32_t>(payload_bytes));
  PutU32(header, Crc(seq, frame_.data() + kHeaderBytes, payload_bytes));
  PutU64(header, seq);
  std::memcpy(frame_.data(), header.data(), kHeaderBytes);
  Segment& seg = segments_.back();
  Status written = WriteAll(options_, fd_, frame_.data(), frame_.size(), seg.path);
  if (!written.ok()) {
    // Part of the frame may be on disk: cut it off so the index stays aligned with the file
    // and the next record lands on a record boundary.
    RollBackPartialAppend();
    return written;
  }
  seg.index.emplace_back(seq, seg.bytes);
  seg.bytes += total;
  seg.end_seq = seq + 1;
  bytes_ += total;
  ++next_seq_;
  ++unsynced_;
  if (options_.fsync_every_records > 0 && unsynced_ >= options_.fsync_every_records) {
    if (fdatasync(fd_) != 0) return IoError(std::string("spool fsync: ") + strerror(errno));
    unsynced_ = 0;
  }
  if (frame_.capacity() > (1u << 20)) frame_ = std::string();  // do not pin a huge record
  return seq;
}

Result<std::vector<SpoolRecord>> KafkaSpool::PeekUnsent(size_t max_records) {
  std::vector<SpoolRecord> out;
  std::string buf;
  for (Segment& seg : segments_) {
    if (out.size() >= max_records) break;
    if (seg.end_seq <= next_unsent_) continue;
    auto it = std::lower_bound(seg.index.begin(), seg.index.end(),
                               std::make_pair(next_unsent_, uint64_t{0}));
    if (it == seg.index.end()) continue;
    int fd = open(seg.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return IoError("spool: cannot open " + seg.path + ": " + strerror(errno));
    Status st;
    for (; it != seg.index.end() && out.size() < max_records; ++it) {
      char h[kHeaderBytes];
      st = PreadAll(fd, h, kHeaderBytes, it->second, seg.path);
      if (!st.ok()) break;
      uint32_t len = GetU32(h + 4);
      if (len > options_.max_record_bytes) len = 0;
      buf.resize(len);
      st = PreadAll(fd, buf.data(), len, it->second + kHeaderBytes, seg.path);
      if (!st.ok()) break;
      SpoolRecord r;
      r.seq = GetU64(h + 12);
      if (r.seq != it->first || Crc(r.seq, buf.data(), len) != GetU32(h + 8) ||
          !DecodePayload(buf.data(), len, &r)) {
        // Went bad on disk after Open(): report it; MarkSent of a later seq skips it.
        ++corrupt_records_;
        spdlog::error("spool: corrupt record seq {} in {} skipped", it->first, seg.path);
        continue;
      }
      out.push_back(std::move(r));
    }
    close(fd);
    HALLYU_RETURN_IF_ERROR(st);
  }
  if (out.empty() && next_unsent_ < next_seq_) {  // only unreadable records remain
    while (next_unsent_ < next_seq_) {
      acked_window_.push_back(true);
      ++next_unsent_;
    }
    TrimAcked();
  }
  return out;
}

void KafkaSpool::MarkSent(uint64_t seq) {
  while (next_unsent_ < seq) {  // gaps: corrupt or skipped records
    acked_window_.push_back(true);
    ++next_unsent_;
  }
  if (next_unsent_ == seq) {
    acked_window_.push_back(false);
    ++next_unsent_;
  }
  TrimAcked();
}

void KafkaSpool::Ack(uint64_t seq) {
  if (seq < acked_below_ || seq >= next_unsent_) return;
  acked_window_[seq - acked_below_] = true;
  TrimAcked();
}

void KafkaSpool::RewindUnacked() {
  acked_window_.clear();
  next_unsent_ = acked_below_;
}

void KafkaSpool::TrimAcked() {
  while (!acked_window_.empty() && acked_window_.front()) {
    acked_window_.pop_front();
    ++acked_below_;
  }
  while (!segments_.empty()) {
    Segment& seg = segments_.front();
    while (!seg.index.empty() && seg.index.front().first < acked_below_) seg.index.pop_front();
    bool active = segments_.size() == 1;
    if (active || seg.end_seq > acked_below_) break;
    std::error_code ec;
    fs::remove(seg.path, ec);
    if (ec) spdlog::warn("spool: cannot remove {}: {}", seg.path, ec.message());
    bytes_ -= seg.bytes;
    segments_.pop_front();
  }
  // The active segment can be restarted once everything in it is acknowledged.
  if (segments_.size() == 1 && segments_.front().index.empty() &&
      segments_.front().bytes > options_.segment_bytes / 4 && next_unsent_ == next_seq_ &&
      acked_below_ == next_seq_) {
    Segment old = segments_.front();
    if (OpenNewSegment().ok()) {
      std::error_code ec;
      fs::remove(old.path, ec);
      bytes_ -= old.bytes;
      segments_.pop_front();
    }
  }
}

int KafkaSpool::SyncHandle() {
  if (fd_ < 0 || unsynced_ == 0) return -1;
  unsynced_ = 0;
  return dup(fd_);
}

std::optional<uint64_t> KafkaSpool::TakeAckMark() {
  if (acked_below_ == persisted_acked_below_) return std::nullopt;
  persisted_acked_below_ = acked_below_;
  return acked_below_;
}

Status KafkaSpool::Sync() {
  if (fd_ >= 0 && unsynced_ > 0) {
    if (fdatasync(fd_) != 0) return IoError(std::string("spool fsync: ") + strerror(errno));
    unsynced_ = 0;
  }
  return PersistAckMark();
}

Status KafkaSpool::PersistAckMark() {
  if (acked_below_ == persisted_acked_below_) return Status::Ok();
  HALLYU_RETURN_IF_ERROR(WriteAckMark(options_.dir, acked_below_));
  persisted_acked_below_ = acked_below_;
  return Status::Ok();
}

Status KafkaSpool::WriteAckMark(const std::string& dir, uint64_t mark) {
  const std::string tmp = dir + "/acked.tmp";
  const std::string text = std::to_string(mark) + "\n";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("spool: cannot write " + tmp + ": " + strerror(errno));
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            fdatasync(fd) == 0;
  int saved = errno;
  close(fd);
  if (!ok) return IoError("spool: cannot write " + tmp + ": " + strerror(saved));
  if (rename(tmp.c_str(), (dir + "/acked").c_str()) != 0) {
    return IoError(std::string("spool: rename acked: ") + strerror(errno));
  }
  return FsyncDir(dir);
}

}  // namespace hallyu
