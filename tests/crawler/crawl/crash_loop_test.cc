// Crash-loop protection and the per-host request budget (issue 20, case 1 and "what to
// build"):
//
//  - A page whose processing kills the process used to be fetched and processed again by
//    every later run (its entry is marked seen only once handled), so the crawl never got
//    past it. Now the start of a page's processing is recorded durably before it is
//    parsed and cleared when it ends; a page with quarantine_after_runs unfinished starts
//    is quarantined: logged, counted, sent to the DLQ and skipped by later runs. The test
//    runs the crawl in a child process (this binary started again) N+1 times; a test publisher
//    SIGKILLs its own process when it is handed an event of the hostile page (the page is in flight
//    then, as when the HTML parser dies on it). The last run finishes, reports the page
//    quarantined, and every good page's events are delivered. Bystanders (pages in flight beside
//    the hostile one when it killed the process) are processed alone next time and are not
//    quarantined.
//  - A per-host request budget per run (crawl --once): once spent, the host's remaining
//    URLs are left for the next run, not marked done, and counted.
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
#include <string>
#include <thread>
#include <vector>

#include "crawler/cli/crawl_config.h"
#include "crawler/crawl/crawl_job.h"
#include "crawler/crawl/processing_gate.h"
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
using testing::Response;

// Fictional people and works (invented for this test).
const std::vector<std::pair<std::string, std::string>> kPeople = {
    {"Geum Ha-ram", "금하람"}, {"Dan Seo-ul", "단서울"}, {"Pi Na-rae", "피나래"},
    {"Yook Bit-na", "육빛나"}, {"Ryu Da-om", "류다옴"},  {"Cheon Ga-ram", "천가람"},
    {"So Ha-neul", "소하늘"},  {"Gong Ye-rin", "공예린"}};
const std::vector<std::pair<std::string, std::string>> kWorks = {
    {"Lantern Orchard", "등불 과수원"}, {"Quiet Harbor", "고요한 항구"},
    {"Tin Compass", "양철 나침반"},     {"Violet Ferry", "보랏빛 나룻배"},
    {"Salt Meadow", "소금 초원"},       {"Glass Pavilion", "유리 정자"},
    {"Ember Archive", "불씨 기록관"},   {"Velvet Quarry", "벨벳 채석장"}};

constexpr std::size_t kHostile = 3;  // the page that kills the process

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

std::string PagePath(std::size_t k) { return "/news/" + std::to_string(k) + ".html"; }

// Appends "event_id url" lines for events and "DLQ url message" lines for failures with
// write(2) (as durable against a crash as the spool). Kills its own process with SIGKILL
// when handed an event whose source URL ends with `kill_on` (the test's fault hook: the
// page is being processed then).
class FilePublisher : public EventPublisher {
 public:
  FilePublisher(const std::string& path, std::string kill_on = "")
      : fd_(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644)),
        kill_on_(std::move(kill_on)) {}
  ~FilePublisher() override {
    if (fd_ >= 0) ::close(fd_);
  }
  Status PublishEvent(const Event& event) override {
    const std::string url = event.sources.empty() ? std::string() : event.sources.back().url;
    if (!kill_on_.empty() && url.size() >= kill_on_.size() &&
        url.compare(url.size() - kill_on_.size(), kill_on_.size(), kill_on_) == 0) {
      ::kill(::getpid(), SIGKILL);
      while (true) ::pause();
    }
    return Append(event.event_id + " " + url + "\n");
  }
  Status PublishFailure(const std::string& url, const Status& error) override {
    return Append("DLQ " + url + " " + error.ToString() + "\n");
  }

 private:
  Status Append(const std::string& line) {
    std::lock_guard<std::mutex> lock(mu_);
    if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
      return Status(ErrorCode::kIo, "write");
    return Status();
  }
  int fd_;
  std::string kill_on_;
  std::mutex mu_;
};

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

CrawlJobOptions JobOptions() {
  CrawlJobOptions o = testing::LoopbackCrawlOptions(2);
  o.fetcher.max_in_flight_per_host = 4;
  o.quarantine_after_runs = 2;
  return o;
}

// One crawl --once of the sitemap at `sitemap_url` over the stores in `dir` (`sources_db`:
// the seen entries).
Result<CrawlSummary> RunCrawlOnce(const std::string& dir, const std::string& sitemap_url,
                                  Detector* detector, EventPublisher* publisher,
                                  CrawlJobOptions options, const std::string& sources_db) {
  auto state = CrawlStateStore::Open(dir + "/state.db");
  if (!state.ok()) return state.status();
  auto seen = SourceStateStore::Open(dir + "/" + sources_db);
  if (!seen.ok()) return seen.status();
  auto merge = EventMergeStore::Open(dir + "/merge.db");
  if (!merge.ok()) return merge.status();
  DocumentPipeline pipeline(detector, merge->get(), publisher);
  CrawlJob job(std::move(options), {testing::AnyAgeSource(SourceKind::kSitemap, sitemap_url)},
               &pipeline, state->get());
  job.set_source_state(seen->get());
  return job.RunOnce();
}

// The child run (this test binary started again, see tests/support/self_child.h):
// args are the store directory, the sitemap URL, the events file, the summary file and the
// path of the page whose event kills the process. Writes "quarantined skipped fetched" to
// the summary file when the run ends; exits 2 when the detector or the run fails.
int CrashLoopChild(const std::vector<std::string>& args) {
  if (args.size() != 5) return 2;
  const std::string& dir = args[0];
  auto detector = testing::LoadDetectorWithTestGazetteer(dir + "/child", kPeople, kWorks);
  if (!detector.ok()) return 2;
  FilePublisher publisher(args[2], args[4]);
  Result<CrawlSummary> s =
      RunCrawlOnce(dir, args[1], &*detector, &publisher, JobOptions(), "sources.db");
  if (!s.ok()) return 2;
  std::ofstream out(args[3]);
  out << s->pages_quarantined << " " << s->quarantined_skipped << " " << s->pages_fetched << "\n";
  out.close();
  return out ? 0 : 2;
}
const bool kCrashLoopChildRegistered =
    testing::RegisterSelfChild("crash-loop-run", &CrashLoopChild);

class CrashLoopTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("crash-loop-");
    std::filesystem::create_directories(dir_ + "/child");
    auto detector = testing::LoadDetectorWithTestGazetteer(dir_, kPeople, kWorks);
    ASSERT_TRUE(detector.ok()) << detector.status().ToString();
    detector_ = std::make_unique<Detector>(std::move(*detector));

    server_.Route("/robots.txt", Response::Text("User-agent: *\nAllow: /\n", "text/plain"));
    std::string urls;
    for (std::size_t k = 0; k < kPeople.size(); ++k) {
      urls += "<url><loc>" + server_.Url(PagePath(k)) +
              "</loc><lastmod>2026-11-20T09:00:00+09:00</lastmod></url>";
      server_.Route(PagePath(k), Response::Text(ArticlePage(k)));
    }
    server_.Route("/sitemap.xml",
                  Response::Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset "
                                 "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
                                     urls + "</urlset>",
                                 "application/xml"));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Result<CrawlSummary> RunOnce(EventPublisher* publisher, CrawlJobOptions options,
                               const std::string& sources_db = "sources.db") {
    return RunCrawlOnce(dir_, server_.Url("/sitemap.xml"), detector_.get(), publisher,
                        std::move(options), sources_db);
  }

  // Runs the crawl in a child process that SIGKILLs itself on the hostile page's event;
  // returns the child's wait status (-1 when it could not start, -2 when it hung). The
  // child writes its summary to `summary_path` when the run ends.
  int RunInChild(const std::string& events, const std::string& summary_path) {
    const pid_t pid = testing::StartSelfChild(
        "crash-loop-run",
        {dir_, server_.Url("/sitemap.xml"), events, summary_path, PagePath(kHostile)});
    if (pid < 0) return -1;
    int status = 0;
    // Bounded wait: a hung child fails the test instead of hanging it.
    const bool ended = testing::WaitFor([&] { return ::waitpid(pid, &status, WNOHANG) == pid; },
                                        std::chrono::seconds(120));
    if (!ended) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -2;
    }
    return status;
  }

  std::string dir_;
  HttpTestServer server_;
  std::unique_ptr<Detector> detector_;
};

TEST_F(CrashLoopTest, APageThatKillsTheProcessIsQuarantinedAfterNRuns) {
  const std::string events = dir_ + "/events.txt";
  const std::string summary = dir_ + "/summary.txt";
  const int n = JobOptions().quarantine_after_runs;
  // Runs 1..N die on the hostile page.
  for (int run = 1; run <= n; ++run) {
    const int status = RunInChild(events, summary);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "run " << run << " was meant to die on the hostile page; status " << status;
  }
  // Run N+1 quarantines it and finishes.
  const int status = RunInChild(events, summary);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "run " << n + 1 << " did not finish (status " << status << "): the crawl loops on "
      << "the page that kills it";
  uint64_t quarantined = 0, skipped = 0, fetched = 0;
  {
    std::ifstream in(summary);
    in >> quarantined >> skipped >> fetched;
  }
  EXPECT_EQ(quarantined, 1u);

  // Every good page's event was delivered (some perhaps twice: a page in flight when the
  // process died is processed again), none of the hostile page's.
  std::set<std::string> delivered_urls;
  std::vector<std::string> dlq;
  for (const std::string& line : Lines(events)) {
    if (line.rfind("DLQ ", 0) == 0) {
      dlq.push_back(line);
      continue;
    }
    delivered_urls.insert(line.substr(line.find(' ') + 1));
  }
  for (std::size_t k = 0; k < kPeople.size(); ++k) {
    EXPECT_EQ(delivered_urls.count(server_.Url(PagePath(k))), k == kHostile ? 0u : 1u) << k;
  }
  // The DLQ has the hostile page, once, with its reason.
  ASSERT_EQ(dlq.size(), 1u);
  EXPECT_NE(dlq[0].find(server_.Url(PagePath(kHostile))), std::string::npos) << dlq[0];
  EXPECT_NE(dlq[0].find("quarantined: processing did not finish in 2 earlier runs"),
            std::string::npos)
      << dlq[0];

  // The store knows it as quarantined; no good page is left with an unfinished start.
  {
    auto state = CrawlStateStore::Open(dir_ + "/state.db");
    ASSERT_TRUE(state.ok());
    for (std::size_t k = 0; k < kPeople.size(); ++k) {
      Result<ProcessingStart> p = (*state)->ProcessingOf(server_.Url(PagePath(k)));
      ASSERT_TRUE(p.ok());
      EXPECT_EQ(p->quarantined, k == kHostile) << k;
      if (k != kHostile) {
        EXPECT_EQ(p->unfinished_runs, 0) << k;
      }
    }
  }

  // A later run that finds the page listed again (its seen entries lost: a fresh source
  // state) skips it without fetching it; the other pages are processed as usual.
  const std::size_t hostile_fetches = server_.RequestsFor(PagePath(kHostile)).size();
  FilePublisher publisher(dir_ + "/events-later.txt", PagePath(kHostile));
  Result<CrawlSummary> later = RunOnce(&publisher, JobOptions(), "sources-fresh.db");
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(later->quarantined_skipped, 1u);
  EXPECT_EQ(later->pages_quarantined, 0u);
  EXPECT_EQ(later->pages_fetched, kPeople.size() - 1);
  EXPECT_EQ(server_.RequestsFor(PagePath(kHostile)).size(), hostile_fetches);
}

// The store's part alone: starts are counted until ended, quarantine sticks.
TEST(CrawlStateStoreProcessing, StartsCountUntilEndedAndQuarantineSticks) {
  auto store = CrawlStateStore::Open(":memory:");
  ASSERT_TRUE(store.ok());
  CrawlStateStore& s = **store;
  const std::string url = "https://news.example/a";
  EXPECT_EQ(s.ProcessingOf(url)->unfinished_runs, 0);
  ASSERT_TRUE(s.MarkProcessing(url).ok());
  ASSERT_TRUE(s.MarkProcessing(url).ok());
  EXPECT_EQ(s.ProcessingOf(url)->unfinished_runs, 2);
  ASSERT_TRUE(s.EndProcessing(url).ok());
  EXPECT_EQ(s.ProcessingOf(url)->unfinished_runs, 0);
  ASSERT_TRUE(s.Quarantine(url, "died twice").ok());
  ASSERT_TRUE(s.EndProcessing(url).ok());  // does not lift the quarantine
  Result<ProcessingStart> p = s.ProcessingOf(url);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->quarantined);
  EXPECT_EQ(p->reason, "died twice");
  Result<std::vector<std::string>> q = s.QuarantinedUrls(10);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(*q, std::vector<std::string>{url});
}

// A suspect page is processed alone: it waits for the pages in flight, and pages that
// come after it wait until it is done (so a crash during it blames nobody else).
TEST(ProcessingGateTest, AloneMeansNoOtherPageInFlight) {
  ProcessingGate gate;
  gate.EnterShared();  // a page in flight
  std::atomic<bool> suspect_in{false}, release{false}, later_in{false};
  std::thread suspect([&] {
    gate.EnterExclusive();
    suspect_in = true;
    testing::WaitFor([&] { return release.load(); }, std::chrono::seconds(30));
    gate.LeaveExclusive();
  });
  // Bounded waits for something that must not happen.
  EXPECT_FALSE(testing::WaitFor([&] { return suspect_in.load(); }, std::chrono::milliseconds(200)))
      << "the suspect started beside a page in flight";
  std::thread later([&] {
    gate.EnterShared();
    later_in = true;
    gate.LeaveShared();
  });
  EXPECT_FALSE(testing::WaitFor([&] { return later_in.load(); }, std::chrono::milliseconds(200)))
      << "a page started while a suspect waited to go alone";
  gate.LeaveShared();
  EXPECT_TRUE(testing::WaitFor([&] { return suspect_in.load(); }, std::chrono::seconds(30)));
  EXPECT_FALSE(testing::WaitFor([&] { return later_in.load(); }, std::chrono::milliseconds(200)))
      << "a page started beside the suspect";
  release = true;
  EXPECT_TRUE(testing::WaitFor([&] { return later_in.load(); }, std::chrono::seconds(30)));
  suspect.join();
  later.join();
}

class HostBudgetTest : public CrashLoopTest {};

// Budget 5 requests per host per run: the sitemap and 4 pages; the other 4 pages wait for
// the next run (counted, not marked done), which fetches exactly them.
TEST_F(HostBudgetTest, SpentBudgetLeavesTheRestForTheNextRun) {
  const std::string events = dir_ + "/events.txt";
  FilePublisher publisher(events);
  CrawlJobOptions options = JobOptions();
  options.max_requests_per_host = 5;
  Result<CrawlSummary> first = RunOnce(&publisher, options);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->pages_fetched, 4u);
  EXPECT_EQ(first->host_budget_deferred, kPeople.size() - 4);
  std::size_t page_requests = 0;
  for (std::size_t k = 0; k < kPeople.size(); ++k)
    page_requests += server_.RequestsFor(PagePath(k)).size();
  EXPECT_EQ(page_requests, 4u);

  Result<CrawlSummary> second = RunOnce(&publisher, options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->pages_fetched, kPeople.size() - 4);
  EXPECT_EQ(second->host_budget_deferred, 0u);
  EXPECT_EQ(second->entries_seen_before, 4u);
  // Every page fetched exactly once over the two runs, every event delivered.
  for (std::size_t k = 0; k < kPeople.size(); ++k)
    EXPECT_EQ(server_.RequestsFor(PagePath(k)).size(), 1u) << k;
  std::set<std::string> delivered;
  for (const std::string& line : Lines(events)) delivered.insert(line.substr(line.find(' ') + 1));
  EXPECT_EQ(delivered.size(), kPeople.size());
}

// The settings and their ranges (crawl.quarantine_after_runs 2..100,
// crawl.max_requests_per_host 0..100000000, crawl.results_queue_mb 1..4096).
TEST(CrashLoopSettings, ReadWithinTheirRanges) {
  const std::string dir = testing::MakeTempDir("crash-loop-config-");
  auto load = [&](const std::string& crawl) {
    const std::string path = dir + "/hallyu.yaml";
    std::ofstream(path) << "crawl: " << crawl << "\n";
    return LoadCrawlConfig(path);
  };
  Result<CrawlConfig> cfg =
      load("{quarantine_after_runs: 5, max_requests_per_host: 700, results_queue_mb: 32}");
  ASSERT_TRUE(cfg.ok()) << cfg.status().ToString();
  EXPECT_EQ(cfg->job.quarantine_after_runs, 5);
  EXPECT_EQ(cfg->job.max_requests_per_host, 700u);
  EXPECT_EQ(cfg->job.results_queue_bytes, std::size_t{32} << 20);
  Result<CrawlConfig> defaults = load("{}");
  ASSERT_TRUE(defaults.ok()) << defaults.status().ToString();
  EXPECT_EQ(defaults->job.quarantine_after_runs, 3);
  EXPECT_EQ(defaults->job.max_requests_per_host, 0u);
  for (const char* bad : {"{quarantine_after_runs: 1}", "{quarantine_after_runs: 101}",
                          "{max_requests_per_host: -1}", "{max_requests_per_host: 100000001}",
                          "{results_queue_mb: 0}", "{results_queue_mb: 4097}"}) {
    EXPECT_FALSE(load(bad).ok()) << bad;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hallyu
