// Issue 19: nothing is marked done before the events it produced are accepted.
//
//  - Window 1 (validators before events): a crawl SIGKILLed while the entries of a
//    news sitemap are being processed must leave the sitemap (and the pages whose
//    events were not published) without stored validators, so the next run reads
//    them in full instead of getting 304 and losing the unprocessed entries.
//  - Window 2 (merge state before publishing): a version the publisher did not
//    accept is not committed to the merge state, and the page is not settled, so
//    the next run publishes it.
//
// The crash is real: the first run is a child process with its own stores on disk,
// whose publisher appends to a file (as the spool does) and then hangs inside
// PublishEvent; the test SIGKILLs it there. No Kafka here.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/crawl/crawl_job.h"
#include "crawler/fetch/crawl_state_store.h"
#include "crawler/sources/source_state_store.h"
#include "crawler/store/event_merge_store.h"
#include "extractors/detect/detector.h"
#include "tests/support/child_process.h"
#include "tests/support/http_test_server.h"
#include "tests/support/local_crawl.h"
#include "tests/support/paths.h"
#include "tests/support/self_child.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using testing::HttpTestServer;
using testing::RecordedRequest;
using testing::Response;

// Fictional people and works (invented for this test).
const std::vector<std::pair<std::string, std::string>> kPeople = {
    {"Pyo Dal-bi", "표달비"}, {"Tak Ru-an", "탁루안"},   {"Yeo Seul-ha", "여슬하"},
    {"Gu Yun-sol", "구윤솔"}, {"Bong Ga-on", "봉가온"},  {"Seok Dal-bi", "석달비"},
    {"Ma Ru-an", "마루안"},   {"Eom Seul-ha", "엄슬하"}, {"Ha Yun-sol", "하윤솔"},
    {"Ok Ga-on", "옥가온"},   {"Pyo Ru-an", "표루안"},   {"Tak Seul-ha", "탁슬하"}};
const std::vector<std::pair<std::string, std::string>> kWorks = {
    {"Velvet Lantern", "벨벳 등불"},     {"Paper Ferry", "종이 나룻배"},
    {"Copper Atelier", "구리 아틀리에"}, {"Silent Greenhouse", "고요한 온실"},
    {"Crimson Signal", "진홍 신호"},     {"Hollow Alley", "텅 빈 골목"},
    {"Amber Lantern", "호박색 등불"},    {"Misty Ferry", "안개 낀 나룻배"},
    {"Salt Atelier", "소금 아틀리에"},   {"Ninth Greenhouse", "아홉 번째 온실"},
    {"Velvet Signal", "벨벳 신호"},      {"Paper Alley", "종이 골목"}};

std::string ArticlePage(std::size_t k) {
  const std::string sentence =
      kPeople[k].first + " has been cast in tvN's new drama '" + kWorks[k].first + "'.";
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
         kPeople[k].first + " cast in tvN's '" + kWorks[k].first +
         "'</title></head><body><article><h1>" + kPeople[k].first + " joins '" + kWorks[k].first +
         "'</h1><p>Weekend ratings for variety programs rose slightly according to the survey "
         "firm.</p><p>" +
         sentence +
         "</p><p>Organizers said the photo exhibition would travel to Busan next spring.</p>"
         "</article></body></html>";
}

// Appends "event_id version" lines to a file with write(2), as durable against a
// SIGKILL as the spool. With `hang_after` > 0 the publish after that many hangs
// (the moment the crash lands); with `fail_ids`, those event ids are refused once.
class FilePublisher : public EventPublisher {
 public:
  explicit FilePublisher(const std::string& path, int hang_after = 0)
      : fd_(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644)), hang_after_(hang_after) {}
  ~FilePublisher() override {
    if (fd_ >= 0) ::close(fd_);
  }
  void FailOnce(const std::string& event_id) {
    std::lock_guard<std::mutex> lock(mu_);
    fail_once_.insert(event_id);
  }
  Status PublishEvent(const Event& event) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (fail_once_.erase(event.event_id) > 0) return Status(ErrorCode::kUnavailable, "refused");
      if (hang_after_ > 0 && published_ >= hang_after_) {
        while (true) ::pause();  // the SIGKILL lands here
      }
      published_++;
    }
    std::string line = event.event_id + " " + std::to_string(event.version) + "\n";
    if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      return Status(ErrorCode::kIo, "write");
    }
    return Status();
  }

 private:
  int fd_;
  int hang_after_;
  std::mutex mu_;
  int published_ = 0;
  std::set<std::string> fail_once_;
};

// event_id -> versions published, from the publisher's file.
std::map<std::string, std::vector<int>> Published(const std::string& path) {
  std::map<std::string, std::vector<int>> out;
  std::ifstream in(path);
  std::string id;
  int version = 0;
  while (in >> id >> version) out[id].push_back(version);
  return out;
}

std::size_t Lines(const std::string& path) {
  std::ifstream in(path);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

CrawlJobOptions JobOptions() {
  CrawlJobOptions o = testing::LoopbackCrawlOptions(1);
  o.fetcher.max_in_flight_per_host = 4;
  return o;
}

// One `hallyu crawl --once` of the sitemap at `sitemap_url` over the stores in `dir`,
// publishing to `publisher`.
Result<CrawlSummary> RunCrawlOnce(const std::string& dir, const std::string& sitemap_url,
                                  Detector* detector, EventPublisher* publisher) {
  auto state = CrawlStateStore::Open(dir + "/state.db");  // put_batch 1: worst case
  if (!state.ok()) return state.status();
  auto seen = SourceStateStore::Open(dir + "/sources.db");
  if (!seen.ok()) return seen.status();
  auto merge = EventMergeStore::Open(dir + "/merge.db");
  if (!merge.ok()) return merge.status();
  DocumentPipeline pipeline(detector, merge->get(), publisher);
  CrawlJob job(JobOptions(), {testing::AnyAgeSource(SourceKind::kSitemap, sitemap_url)}, &pipeline,
               state->get());
  job.set_source_state(seen->get());
  return job.RunOnce();
}

// The first run, in a child process (this test binary started again, see
// tests/support/self_child.h): args are the store directory, the sitemap URL and the events
// file. Its fourth publish hangs until the test SIGKILLs it; exits 2 when the detector does
// not load and 3 when the run ends (neither is meant to happen).
int HangingRunChild(const std::vector<std::string>& args) {
  if (args.size() != 3) return 2;
  auto detector = testing::LoadDetectorWithTestGazetteer(args[0] + "/child", kPeople, kWorks);
  if (!detector.ok()) return 2;
  FilePublisher hanging(args[2], /*hang_after=*/3);
  (void)RunCrawlOnce(args[0], args[1], &*detector, &hanging);
  return 3;
}
const bool kHangingRunRegistered =
    testing::RegisterSelfChild("durability-hanging-run", &HangingRunChild);

class CrawlDurabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("crawl-durability-");
    std::filesystem::create_directories(dir_ + "/child");
    auto detector = testing::LoadDetectorWithTestGazetteer(dir_, kPeople, kWorks);
    ASSERT_TRUE(detector.ok()) << detector.status().ToString();
    detector_ = std::make_unique<Detector>(std::move(*detector));

    server_.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
    // Every URL has an ETag and answers 304 to it, like a static server.
    std::string urls;
    for (std::size_t k = 0; k < kPeople.size(); ++k) {
      const std::string path = "/news/" + std::to_string(k) + ".html";
      urls += "<url><loc>" + server_.Url(path) +
              "</loc><lastmod>2026-11-20T09:00:00+09:00</lastmod></url>";
      Conditional(path, ArticlePage(k), "text/html; charset=utf-8");
    }
    Conditional("/sitemap.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset "
                "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
                    urls + "</urlset>",
                "application/xml");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Conditional(const std::string& path, std::string body, std::string type) {
    const std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
    server_.RouteHandler(path, [this, path, body, type, etag](const RecordedRequest& req) {
      if (req.Header("If-None-Match") == etag) {
        std::lock_guard<std::mutex> lock(mu_);
        not_modified_[path]++;
        Response r = Response::Status(304);
        r.headers.emplace_back("ETag", etag);
        return r;
      }
      Response r = Response::Text(body, type);
      r.headers.emplace_back("ETag", etag);
      return r;
    });
  }

  // One `hallyu crawl --once` over the stores in dir_, publishing to `publisher`.
  void RunOnce(EventPublisher* publisher) {
    Result<CrawlSummary> summary =
        RunCrawlOnce(dir_, server_.Url("/sitemap.xml"), detector_.get(), publisher);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    summary_ = *summary;
  }

  int NotModified(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return not_modified_[path];
  }

  std::string dir_;
  HttpTestServer server_;
  std::unique_ptr<Detector> detector_;
  std::mutex mu_;
  std::map<std::string, int> not_modified_;
  CrawlSummary summary_;
};

TEST_F(CrawlDurabilityTest, SigkillDuringASitemapLosesNoEntry) {
  const std::string events = dir_ + "/events.txt";
  // Run 1, in a child: hangs publishing the 4th event, and is SIGKILLed there.
  const pid_t pid = testing::StartSelfChild("durability-hanging-run",
                                            {dir_, server_.Url("/sitemap.xml"), events});
  ASSERT_GE(pid, 0);
  const bool reached =
      testing::WaitFor([&] { return Lines(events) >= 3; }, std::chrono::seconds(60));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(reached) << "the first run published fewer than 3 events";
  ASSERT_TRUE(WIFSIGNALED(status));
  const std::size_t before = Lines(events);

  // Run 2 and 3 in this process, to completion.
  FilePublisher publisher(events);
  RunOnce(&publisher);
  RunOnce(&publisher);

  std::map<std::string, std::vector<int>> got = Published(events);
  EXPECT_EQ(got.size(), kPeople.size()) << before << " events before the kill";
  for (const auto& [id, versions] : got) {
    EXPECT_EQ(versions, std::vector<int>{1}) << id;
  }
  // The sitemap was read in full after the kill (its validators were not stored
  // while entries were unprocessed); only the last run got 304 for it.
  EXPECT_EQ(NotModified("/sitemap.xml"), 1);
}

TEST_F(CrawlDurabilityTest, AVersionThePublisherRefusedIsPublishedByTheNextRun) {
  const std::string events = dir_ + "/events.txt";
  FilePublisher publisher(events);
  // The event of page 5: find its id by detecting the page once.
  auto probe = detector_->Detect(
      "", kPeople[5].first + " has been cast in tvN's new drama '" + kWorks[5].first + "'.", "en",
      SourceRef{});
  ASSERT_TRUE(probe.ok());
  ASSERT_EQ(probe->size(), 1u);
  const std::string refused = (*probe)[0].event_id;
  publisher.FailOnce(refused);

  RunOnce(&publisher);
  EXPECT_EQ(summary_.pages_fetched, kPeople.size());
  EXPECT_EQ(summary_.documents, kPeople.size());
  std::map<std::string, std::vector<int>> got = Published(events);
  EXPECT_EQ(got.count(refused), 0u);
  EXPECT_EQ(got.size(), kPeople.size() - 1);
  {
    auto merge = EventMergeStore::Open(dir_ + "/merge.db");
    ASSERT_TRUE(merge.ok());
    // Kept pending: the next run sends exactly this version before planning anything.
    auto stored = (*merge)->GetPending(refused);
    ASSERT_TRUE(stored.ok());
    ASSERT_TRUE(stored->has_value()) << "the refused version is not kept pending";
    EXPECT_EQ((*stored)->version, 1);
  }

  RunOnce(&publisher);  // the refused page was not settled: fetched and published now
  got = Published(events);
  EXPECT_EQ(got.size(), kPeople.size());
  EXPECT_EQ(got[refused], std::vector<int>{1});
  for (const auto& [id, versions] : got) EXPECT_EQ(versions.size(), 1u) << id;
}

// The pipeline alone: a refused publish leaves the document unsettled and the planned
// version pending in the merge state, so the same document publishes that version 1
// afterwards (and nothing is marked published before the publisher accepted it).
TEST_F(CrawlDurabilityTest, PipelineMarksAVersionPublishedOnlyAfterThePublisherAccepted) {
  const std::string events = dir_ + "/events.txt";
  FilePublisher publisher(events);
  MemoryMergeState merge;
  DocumentPipeline pipeline(detector_.get(), &merge, &publisher);
  TextDocument doc{
      kPeople[0].first + " has been cast in tvN's new drama '" + kWorks[0].first + "'.", "", ""};
  PageOrigin origin;
  origin.url = "https://news.example/1";
  origin.lang = "en";
  auto probe = detector_->Detect("", doc.text, "en", SourceRef{});
  ASSERT_TRUE(probe.ok());
  ASSERT_EQ(probe->size(), 1u);
  publisher.FailOnce((*probe)[0].event_id);

  bool settled = true;
  auto first = pipeline.ProcessText(doc, origin, &settled);
  EXPECT_FALSE(first.ok());
  EXPECT_FALSE(settled);
  auto pending = merge.GetPending((*probe)[0].event_id);
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->has_value()) << "a refused version must stay pending";

  auto second = pipeline.ProcessText(doc, origin, &settled);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(settled);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].version, 1);
  EXPECT_EQ(merge.size(), 1u);
  pending = merge.GetPending((*probe)[0].event_id);
  ASSERT_TRUE(pending.ok());
  EXPECT_FALSE(pending->has_value());
}

}  // namespace
}  // namespace hallyu
