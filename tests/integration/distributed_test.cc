// `hallyu crawl --distributed` end to end: separate `hallyu` worker processes, one real
// 3-broker Kafka cluster (scripts/kafka-local.sh start --brokers 3), and a test web of many
// host names that the workers' fetcher resolves to one loopback HttpTestServer.
//
// Environment:
//   HALLYU_DIST_KAFKA_BROKERS    bootstrap of the 3-broker cluster
//                                (default 127.0.0.1:25192,127.0.0.1:25202,127.0.0.1:25212)
//   HALLYU_DIST_KAFKA_BASE_PORT  its KAFKA_BASE_PORT for kill/start-node (default 25192)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/http_test_server.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/kafka_group_member.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;
using testing::ChildProcess;
using testing::HttpTestServer;
using testing::RecordedRequest;
using testing::Response;

constexpr int kHosts = 20;
constexpr int kPagesPerHost = 50;
constexpr int kHostDelayMs = 100;

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::string Brokers() {
  return EnvOr("HALLYU_DIST_KAFKA_BROKERS", "127.0.0.1:25192,127.0.0.1:25202,127.0.0.1:25212");
}

std::string HostName(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "site%02d.test", i);
  return buf;
}

int HostIndex(const std::string& host_header) {
  std::string h = host_header.substr(0, host_header.find(':'));
  if (h.size() < 6 || h.rfind("site", 0) != 0) return -1;
  return std::atoi(h.c_str() + 4);
}

std::string ArticlePage(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title +
         "</h1><div class=\"article-body\"><p>" + body +
         "</p><p>More details will be announced later, according to the production "
         "company.</p></div></article><footer>Copyright Test Outlet</footer></body></html>";
}

class DistributedCrawlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kafka_ = std::make_unique<testing::KafkaTestClient>(Brokers());
    ASSERT_TRUE(kafka_->Connect());
    // Just after the cluster starts, or after another test restarted one of its brokers, the
    // metadata can list fewer than three for a moment: ask again (bounded) before judging.
    for (int i = 0; i < 60 && kafka_->broker_count() < 3; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      ASSERT_TRUE(kafka_->Connect());
    }
    ASSERT_EQ(kafka_->broker_count(), 3) << "start: KAFKA_BASE_PORT=25192 "
                                            "scripts/kafka-local.sh start --brokers 3";
    dir_ = testing::MakeTempDir("dist-crawl-");
    for (const char* t :
         {"frontier", "state", "workers", "casting", "ost", "dlq", "docs", "detections", "merge"}) {
      topics_[t] = kafka_->UniqueTopicName(t);
      kafka_->DeleteAfterwards(topics_[t]);
    }
    group_ = kafka_->UniqueTopicName("group");
    BuildWeb();
    WriteConfig();
  }

  void TearDown() override {
    if (HasFailure()) {
      for (auto& [id, w] : workers_) {
        std::string err = w->Stderr();
        std::cerr << "---- " << id << " stderr (tail) ----\n"
                  << err.substr(err.size() > 6000 ? err.size() - 6000 : 0) << "\n";
      }
    }
    workers_.clear();  // SIGKILLs what is still running
    kafka_->DeleteCreatedTopics();
    std::filesystem::remove_all(dir_);
  }

  void BuildWeb() {
    server_.Route("/robots.txt",
                  Response::Text("User-agent: *\nDisallow: /private/\n", "text/plain"));
    server_.RouteHandler("/feed.xml", [this](const RecordedRequest& req) {
      int i = HostIndex(req.Header("Host"));
      std::string items;
      auto item = [&](int host, int page) {
        std::string url = server_.UrlFor(HostName(host), "/p" + std::to_string(page) + ".html");
        items += "<item><title>story " + std::to_string(page) + "</title><link>" + url +
                 "</link><guid>" + url +
                 "</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate>"
                 "</item>";
      };
      for (int p = 0; p < kPagesPerHost; ++p) item(i, p);
      item((i + 1) % kHosts, 0);  // a link to another host's page: routed to that host's owner
      return Response::Text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" +
                                HostName(i) + "</title><link>" + server_.UrlFor(HostName(i), "/") +
                                "</link>" + items + "</channel></rss>",
                            "application/rss+xml");
    });
    for (int p = 0; p < kPagesPerHost; ++p) {
      server_.RouteHandler(
          "/p" + std::to_string(p) + ".html", [this, p](const RecordedRequest& req) {
            int i = HostIndex(req.Header("Host"));
            if (page_fault_) {
              int nth = 0;
              {
                std::lock_guard<std::mutex> lock(served_mu_);
                nth = ++served_[{i, p}];
              }
              if (std::optional<Response> f = page_fault_(i, p, nth)) return *f;
            }
            Response r;
            if (p == 0) {  // one casting announcement per host, each about a different drama
              std::string work = "Wonderful World " + std::to_string(i + 1);
              r = Response::Text(ArticlePage(
                  "ASTRO's Cha Eun-woo in talks to star in MBC's '" + work + "'",
                  "ASTRO's Cha Eun-woo is in talks to star in MBC's new drama '" + work +
                      "'. His agency said he received an offer and is reviewing it."));
            } else {
              r = Response::Text(ArticlePage(
                  "Weekly music chart " + std::to_string(i) + "-" + std::to_string(p),
                  "The chart of the week saw several new entries and a few returning songs, "
                  "with streaming numbers rising across the board for the season."));
            }
            r.delay = page_delay_;
            return r;
          });
    }
  }

  void WriteConfig() { WriteConfigTo(config_ = dir_ + "/config.yaml", ""); }

  // Writes the test's config to `path`, with `distributed_extra` (indented YAML lines)
  // appended to its `distributed:` section.
  void WriteConfigTo(const std::string& path, const std::string& distributed_extra) {
    std::ofstream f(path);
    f << "sources:\n";
    for (int i = 0; i < kHosts; ++i) {
      f << "  - name: " << HostName(i)
        << "\n    kind: feed\n    url: " << server_.UrlFor(HostName(i), "/feed.xml")
        << "\n    lang: en\n    site: " << HostName(i) << "\n    interval: 1h\n";
    }
    f << extra_sources_;
    f << "state: {path: " << dir_ << "/state.db}\n"
      << "crawl: {respect_robots: true}\n"
      << "fetcher:\n  min_host_delay_ms: " << kHostDelayMs
      << "\n  max_in_flight_per_host: 1\n  allowed_cidrs: [\"127.0.0.0/8\"]\n"
      << "  retry: {max_attempts: 2, base_delay_ms: 100}\n  resolve:\n";
    for (int i = 0; i < kHosts; ++i) {
      f << "    - \"" << HostName(i) << ":" << server_.port() << ":127.0.0.1\"\n";
    }
    f << "kafka:\n  brokers: \"" << Brokers() << "\"\n  partitions: 3\n  replication_factor: 3\n"
      << kafka_extra_ << "  topics: {casting: " << topics_["casting"] << ", ost: " << topics_["ost"]
      << ", documents: " << topics_["docs"] << ", dlq: " << topics_["dlq"] << "}\n"
      << "distributed:\n  group_id: " << group_ << "\n  frontier_topic: " << topics_["frontier"]
      << "\n  state_topic: " << topics_["state"] << "\n  workers_topic: " << topics_["workers"]
      << "\n  detections_topic: " << topics_["detections"]
      << "\n  merge_state_topic: " << topics_["merge"]
      << "\n  partitions: 12\n  replication_factor: 3\n  commit_interval_ms: 200\n"
      << "  session_timeout_ms: 6000\n  transaction_timeout_ms: 10000\n"
      << "  host_queue_limit: " << host_queue_limit_ << "\n"
      << distributed_extra;
  }

  // Starts worker `id`; `distributed_extra` as in WriteConfigTo (a config of its own).
  void StartWorker(const std::string& id, const std::string& distributed_extra = "") {
    std::string wdir = dir_ + "/" + id;
    std::filesystem::create_directories(wdir);
    std::string config = config_;
    if (!distributed_extra.empty()) {
      config = wdir + "/config.yaml";
      WriteConfigTo(config, distributed_extra);
    }
    workers_[id] = std::make_unique<ChildProcess>(
        std::vector<std::string>{testing::HallyuBinary(), "--config", config, "--log-level", "info",
                                 "crawl", "--distributed", "--worker-id", id},
        wdir);
  }

  // The committed crawl state of every page URL (read_committed), by "<host><path>"; later
  // records of a URL replace earlier ones.
  std::map<std::string, nlohmann::json> CommittedPageStates() {
    std::map<std::string, nlohmann::json> out;
    for (const auto& r : kafka_->ReadAll(topics_["state"])) {
      auto j = nlohmann::json::parse(r.ValueOr(), nullptr, false);
      if (j.is_discarded()) continue;
      std::string url = j.value("url", "");
      size_t host_at = url.find("://");
      if (host_at == std::string::npos || url.find("/p", host_at + 3) == std::string::npos)
        continue;
      std::string rest = url.substr(host_at + 3);
      std::string host = rest.substr(0, rest.find(':'));
      std::string path = rest.substr(rest.find('/'));
      out[host + path] = j;
    }
    return out;
  }

  // Waits until `n` pages have a committed crawl state with a fetch time.
  bool WaitPageStates(size_t n, std::chrono::milliseconds timeout) {
    return testing::WaitFor(
        [&] {
          size_t done = 0;
          for (const auto& [k, j] : CommittedPageStates()) done += j.value("last_fetch_ms", 0) > 0;
          return done >= n;
        },
        timeout);
  }

  // Requests served for page `page` of host `host`.
  int Served(int host, int page) {
    std::lock_guard<std::mutex> lock(served_mu_);
    auto it = served_.find({host, page});
    return it == served_.end() ? 0 : it->second;
  }

  std::vector<RecordedRequest> PageRequests() const {
    std::vector<RecordedRequest> out;
    for (const RecordedRequest& r : server_.Requests()) {
      if (r.path.rfind("/p", 0) == 0) out.push_back(r);
    }
    return out;
  }

  // Distinct (host, page) pairs requested so far.
  size_t DistinctPages() const {
    std::set<std::pair<std::string, std::string>> seen;
    for (const RecordedRequest& r : PageRequests()) seen.insert({r.Header("Host"), r.path});
    return seen.size();
  }

  bool WaitAllPages(std::chrono::milliseconds timeout) {
    return testing::WaitFor([&] { return DistinctPages() >= size_t{kHosts} * kPagesPerHost; },
                            timeout);
  }

  bool WaitPages(size_t n, std::chrono::milliseconds timeout) {
    return testing::WaitFor([&] { return DistinctPages() >= n; }, timeout);
  }

  void StopWorkers() {
    for (auto& [id, w] : workers_) {
      if (w->Running()) w->Signal(SIGTERM);
    }
    for (auto& [id, w] : workers_) {
      if (!stopped_.count(id)) {
        int rc = w->Wait(90s);
        EXPECT_EQ(rc, 0) << id << " stderr:\n" << w->Stderr().substr(0, 20000);
      }
    }
  }

  // Counts of page fetches per (host, path).
  std::map<std::pair<std::string, std::string>, int> FetchCounts() const {
    std::map<std::pair<std::string, std::string>, int> counts;
    for (const RecordedRequest& r : PageRequests()) counts[{r.Header("Host"), r.path}]++;
    return counts;
  }

  // No host ever had two requests in flight at once (max_in_flight_per_host is 1), in
  // particular never one from each of two workers, and the host delay held. The delay is
  // kept between request STARTS at the client; the server sees ARRIVALS, which a new
  // connection or a busy 2-core machine (three JVM brokers, workers, other tests) pushes
  // back by tens of ms for one request, so the next looks early. Hence: a hand-over
  // between workers must be at least 90% of the delay apart (the new owner waits one full
  // delay), and each run of one worker's consecutive requests to a host must average at
  // least 90% of the delay per gap (40% for runs of 2-3, see below; a worker ignoring the
  // delay averages a few ms).
  void ExpectPolitenessHeld() {
    std::map<std::string, std::vector<RecordedRequest>> by_host;
    for (const RecordedRequest& r : server_.Requests()) by_host[r.Header("Host")].push_back(r);
    ASSERT_EQ(by_host.size(), size_t{kHosts});
    int cross_worker_overlaps = 0, short_gaps = 0;
    const auto ms = [](auto d) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
    };
    for (auto& [host, reqs] : by_host) {
      EXPECT_LE(HttpTestServer::MaxOverlap(reqs), 1) << host;
      size_t run_start = 0;
      for (size_t i = 0; i < reqs.size(); ++i) {
        for (size_t j = i + 1; j < reqs.size() && reqs[j].arrived < reqs[i].completed; ++j) {
          if (reqs[j].Header("User-Agent") != reqs[i].Header("User-Agent")) {
            cross_worker_overlaps++;
          }
        }
        if (i > 0 && reqs[i].Header("User-Agent") != reqs[i - 1].Header("User-Agent")) {
          run_start = i;
          if (ms(reqs[i].arrived - reqs[i - 1].arrived) < kHostDelayMs * 9 / 10) {
            short_gaps++;
            ADD_FAILURE() << host << ": hand-over " << reqs[i - 1].path << " ("
                          << reqs[i - 1].Header("User-Agent") << ") then " << reqs[i].path << " ("
                          << reqs[i].Header("User-Agent") << ") only "
                          << ms(reqs[i].arrived - reqs[i - 1].arrived) << " ms apart";
          }
        }
        const bool run_ends = i + 1 == reqs.size() ||
                              reqs[i + 1].Header("User-Agent") != reqs[i].Header("User-Agent");
        if (run_ends && i > run_start) {
          const auto mean_gap =
              ms(reqs[i].arrived - reqs[run_start].arrived) / static_cast<int64_t>(i - run_start);
          // A run of 2-3 requests often starts on a fresh connection after a hand-over,
          // whose set-up delays the first arrival: such short runs keep 40% of the
          // delay (a worker ignoring the delay averages a few ms), longer ones 90%.
          const size_t run_length = i - run_start + 1;
          const int64_t floor_ms = run_length >= 4 ? kHostDelayMs * 9 / 10 : kHostDelayMs * 4 / 10;
          if (mean_gap < floor_ms) {
            short_gaps++;
            ADD_FAILURE() << host << ": " << (i - run_start + 1) << " requests of "
                          << reqs[i].Header("User-Agent") << " averaged " << mean_gap
                          << " ms apart";
          }
        }
      }
    }
    EXPECT_EQ(cross_worker_overlaps, 0);
    EXPECT_EQ(short_gaps, 0);
  }

  // Waits until the casting topic holds at least `n` records (the owners of the detection
  // partitions publish them a transaction after the pages: wait before stopping workers).
  bool WaitEventRecords(size_t n, std::chrono::milliseconds timeout) {
    return testing::WaitFor([&] { return kafka_->ReadAll(topics_["casting"]).size() >= n; },
                            timeout);
  }

  // The casting records by event_id, then version: every payload seen for it.
  std::map<std::string, std::map<int, std::vector<nlohmann::json>>> CastingVersions() {
    std::map<std::string, std::map<int, std::vector<nlohmann::json>>> out;
    for (const auto& r : kafka_->ReadAll(topics_["casting"])) {
      auto j = nlohmann::json::parse(r.ValueOr(), nullptr, false);
      if (j.is_discarded()) continue;
      out[j.value("event_id", "")][j.value("version", 0)].push_back(j);
    }
    return out;
  }

  // Every event_id has versions 1..n, each exactly once, and `n_events` event_ids reached
  // `final_status` at their highest version.
  void ExpectVersionsOneOwner(size_t n_events, const std::string& final_status) {
    auto events = CastingVersions();
    EXPECT_EQ(events.size(), n_events);
    size_t final_reached = 0;
    for (const auto& [id, versions] : events) {
      int expect = 1;
      for (const auto& [v, payloads] : versions) {
        EXPECT_EQ(v, expect++) << id << ": versions not contiguous from 1";
        EXPECT_EQ(payloads.size(), 1u) << id << " v" << v << " published " << payloads.size()
                                       << " times: " << payloads.front().value("status", "")
                                       << " / " << payloads.back().value("status", "");
      }
      if (!versions.empty() &&
          versions.rbegin()->second.front().value("status", "") == final_status) {
        final_reached++;
      }
    }
    EXPECT_EQ(final_reached, n_events);
  }

  // Page `p1.html` of host i confirms the event that page `p0.html` of host i-1 reports
  // (the fixture's "in talks" story): one event, two outlets, two statuses.
  static std::string ConfirmationOf(int host) {
    const std::string work = "Wonderful World " + std::to_string(host + 1);
    return ArticlePage("ASTRO's Cha Eun-woo confirmed to star in MBC's '" + work + "'",
                       "ASTRO's Cha Eun-woo has been confirmed to star in MBC's new drama '" +
                           work + "'. His agency confirmed the casting on Monday.");
  }

  // Number of event_ids whose highest published version has `status`.
  size_t EventsAt(const std::string& status) {
    size_t n = 0;
    for (const auto& [id, versions] : CastingVersions()) {
      if (!versions.empty() && versions.rbegin()->second.front().value("status", "") == status) n++;
    }
    return n;
  }

  // The casting topic holds one record per (event_id, version), one event per host.
  void ExpectEventsExactlyOnce() {
    std::vector<testing::ConsumedRecord> got =
        kafka_->ReadAtLeast(topics_["casting"], size_t{kHosts}, 60s);
    std::map<std::pair<std::string, int>, int> versions;
    std::set<std::string> works;
    for (const auto& r : got) {
      auto j = nlohmann::json::parse(r.ValueOr(), nullptr, false);
      ASSERT_FALSE(j.is_discarded());
      versions[{j.value("event_id", ""), j.value("version", 0)}]++;
      if (j.contains("work")) works.insert(j["work"].value("title", ""));
    }
    for (const auto& [k, n] : versions) EXPECT_EQ(n, 1) << k.first << " v" << k.second;
    EXPECT_EQ(works.size(), size_t{kHosts});
    EXPECT_EQ(got.size(), size_t{kHosts});
  }

  // Sum of the workers' "N pages" summary lines is not needed: the server log is the truth.
  void ExpectEveryPageOnce() {
    auto counts = FetchCounts();
    EXPECT_EQ(counts.size(), size_t{kHosts} * kPagesPerHost);
    int dup = 0;
    for (const auto& [k, n] : counts) {
      if (n != 1) {
        dup++;
        std::string who;
        for (const RecordedRequest& r : PageRequests()) {
          if (r.Header("Host") == k.first && r.path == k.second) {
            std::string ua = r.Header("User-Agent");
            who += " " + ua.substr(ua.rfind('/') + 1) + "@" +
                   std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                      r.arrived.time_since_epoch())
                                      .count() %
                                  1000000);
          }
        }
        ADD_FAILURE() << k.first << k.second << " fetched " << n << " times:" << who;
      }
    }
    EXPECT_EQ(dup, 0);
  }

  std::unique_ptr<testing::KafkaTestClient> kafka_;
  HttpTestServer server_;
  std::string dir_, config_, group_;
  std::map<std::string, std::string> topics_;
  std::map<std::string, std::unique_ptr<ChildProcess>> workers_;
  std::set<std::string> stopped_;
  std::string extra_sources_;  // YAML list items appended to `sources:`
  std::string kafka_extra_;    // indented YAML lines appended to `kafka:`
  int host_queue_limit_ = 1000;
  std::chrono::milliseconds page_delay_ = 10ms;
  // Set before the crawl: (host, page, n-th request of it) -> an answer replacing the page.
  std::function<std::optional<Response>(int, int, int)> page_fault_;
  std::mutex served_mu_;
  std::map<std::pair<int, int>, int> served_;  // requests per (host, page), with page_fault_
};

TEST_F(DistributedCrawlTest, ThreeWorkersFetchEveryPageOnceAndKeepHostsApart) {
  for (const char* id : {"w1", "w2", "w3"}) StartWorker(id);
  ASSERT_TRUE(WaitAllPages(180s)) << DistinctPages() << " pages; w1 stderr:\n"
                                  << workers_["w1"]->Stderr().substr(0, 20000);
  std::this_thread::sleep_for(1s);  // any late duplicate would show up now
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  ExpectEveryPageOnce();
  ExpectPolitenessHeld();
  ExpectEventsExactlyOnce();
  // Work was shared: every worker fetched pages.
  std::map<std::string, int> per_worker;
  for (const RecordedRequest& r : PageRequests()) per_worker[r.Header("User-Agent")]++;
  EXPECT_EQ(per_worker.size(), 3u);
}

// `hallyu status --distributed --json` while three workers crawl: three members whose
// partitions and hosts do not overlap, every partition owned by one of them.
TEST_F(DistributedCrawlTest, StatusShowsTheGroup) {
  for (const char* id : {"w1", "w2", "w3"}) StartWorker(id);
  ASSERT_TRUE(WaitPages(200, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);
  nlohmann::json st;
  bool stable = testing::WaitFor(
      [&] {
        ChildProcess status(
            {testing::HallyuBinary(), "--config", config_, "status", "--distributed", "--json"},
            dir_);
        if (status.Wait(30s) != 0) return false;
        st = nlohmann::json::parse(status.Stdout(), nullptr, false);
        if (!st.is_object() || st["workers"].size() != 3) return false;
        for (const auto& w : st["workers"]) {
          if (w["hosts"].empty()) return false;
        }
        return true;
      },
      60s);
  ASSERT_TRUE(stable) << st.dump();
  std::set<int> partitions;
  std::set<std::string> hosts, names;
  size_t host_count = 0;
  for (const auto& w : st["workers"]) {
    names.insert(w["worker"].get<std::string>());
    for (const auto& p : w["partitions"]) EXPECT_TRUE(partitions.insert(p.get<int>()).second);
    for (const auto& h : w["hosts"]) hosts.insert(h.get<std::string>());
    host_count += w["hosts"].size();
  }
  EXPECT_EQ(names, (std::set<std::string>{"w1", "w2", "w3"}));
  EXPECT_EQ(partitions.size(), 12u);
  EXPECT_EQ(hosts.size(), host_count) << "a host is owned by two workers: " << st.dump();
  EXPECT_TRUE(st.contains("total_lag"));
  StopWorkers();
}

// SIGKILL one worker mid-crawl: its partitions move to the others after the session
// timeout; they restore the crawl state and finish. Pages the dead worker had fetched in
// its open (aborted) transaction may be fetched again; events stay exactly once.
TEST_F(DistributedCrawlTest, KilledWorkerHostsAreFinishedByTheOthers) {
  for (const char* id : {"w1", "w2", "w3"}) StartWorker(id);
  ASSERT_TRUE(WaitPages(300, 120s)) << workers_["w2"]->Stderr().substr(0, 20000);
  workers_["w2"]->Signal(SIGKILL);
  EXPECT_EQ(workers_["w2"]->Wait(10s), 128 + SIGKILL);
  stopped_.insert("w2");
  ASSERT_TRUE(WaitAllPages(180s)) << DistinctPages() << " pages; w1 stderr:\n"
                                  << workers_["w1"]->Stderr().substr(0, 20000);
  std::this_thread::sleep_for(1s);
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  auto counts = FetchCounts();
  EXPECT_EQ(counts.size(), size_t{kHosts} * kPagesPerHost);
  int refetched = 0;
  for (const auto& [k, n] : counts) refetched += n - 1;
  // At most what w2 had in flight or done in its last open transaction: per host one
  // request per host delay during a commit interval, plus the one in flight.
  EXPECT_LE(refetched, kHosts * 4);
  ExpectPolitenessHeld();
  ExpectEventsExactlyOnce();
}

// A fourth worker joins mid-crawl: partitions rebalance (cooperatively), the crawl
// completes, every page still fetched exactly once and no host shared at any moment.
TEST_F(DistributedCrawlTest, FourthWorkerJoinsMidCrawl) {
  for (const char* id : {"w1", "w2", "w3"}) StartWorker(id);
  ASSERT_TRUE(WaitPages(300, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);
  StartWorker("w4");
  ASSERT_TRUE(WaitAllPages(180s)) << DistinctPages() << " pages; w4 stderr:\n"
                                  << workers_["w4"]->Stderr().substr(0, 20000);
  std::this_thread::sleep_for(1s);
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  ExpectEveryPageOnce();
  ExpectPolitenessHeld();
  ExpectEventsExactlyOnce();
  std::string w4 = workers_["w4"]->Stderr();
  EXPECT_NE(w4.find("assigned"), std::string::npos) << w4.substr(0, 20000);
}

// A broker is SIGKILLed mid-crawl (topics have replication factor 3, min ISR 2): the
// workers keep crawling and committing; the broker is restarted afterwards.
TEST_F(DistributedCrawlTest, WorkersContinueWhenABrokerDies) {
  const std::string base = EnvOr("HALLYU_DIST_KAFKA_BASE_PORT", "25192");
  const std::string script = testing::SourcePath("scripts/kafka-local.sh");
  for (const char* id : {"w1", "w2", "w3"}) StartWorker(id);
  ASSERT_TRUE(WaitPages(300, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);
  ASSERT_EQ(
      std::system(("KAFKA_BASE_PORT=" + base + " " + script + " kill 3 --brokers 3 >&2").c_str()),
      0);
  size_t at_kill = DistinctPages();
  // 150 s (it takes ~10 s): with the 120 s above this stays inside ctest's 300 s, so a
  // stall is reported here, with the workers' logs, and node 3 is restarted, instead of
  // ctest killing the test and leaving the next one a 2-broker cluster.
  // Done = every page fetched AND its crawl state committed (nothing left in flight), polled
  // with deadlines rather than a fixed settling sleep.
  bool done = WaitAllPages(150s) && WaitPageStates(size_t{kHosts} * kPagesPerHost, 60s);
  size_t after = DistinctPages();
  // Back to three brokers before anything below can fail or wait (stopping stuck workers
  // can take 90 s each).
  int restarted = std::system(
      ("KAFKA_BASE_PORT=" + base + " " + script + " start-node 3 --brokers 3 >&2").c_str());
  EXPECT_EQ(restarted, 0);
  // A broker failure can turn a worker's transactional producer fatal (INVALID_TXN_STATE):
  // the worker must replace it and go on, not exit.
  for (auto& [id, w] : workers_)
    EXPECT_TRUE(w->Running()) << id << " exited:\n" << w->Stderr().substr(0, 20000);
  StopWorkers();
  ASSERT_TRUE(done) << at_kill << " pages at the kill, " << after << " at the end; w1 stderr:\n"
                    << workers_["w1"]->Stderr().substr(0, 20000);
  EXPECT_GT(after, at_kill);
  auto counts = FetchCounts();
  EXPECT_EQ(counts.size(), size_t{kHosts} * kPagesPerHost);
  ExpectPolitenessHeld();
  ExpectEventsExactlyOnce();
}

// A worker and a broker die at the same moment (the broker leading most of the worker's
// crawl-state partitions). The survivors take the worker's partitions after its session
// times out; their restore readers, idle since their own assignment, may still name the dead
// broker as those partitions' leader. The restore must not wait for it: asking the dead
// leader for the partition's end (rd_kafka_query_watermark_offsets, librdkafka 2.0.2) kept
// the survivors inside the rebalance callback for minutes, until the broker came back,
// crawling nothing. They must finish the dead worker's hosts while the broker is still down.
TEST_F(DistributedCrawlTest, SurvivorsRestoreWhileTheDeadWorkersLeaderIsDown) {
  const std::string base = EnvOr("HALLYU_DIST_KAFKA_BASE_PORT", "25192");
  const std::string script = testing::SourcePath("scripts/kafka-local.sh");
  for (const char* id : {"w1", "w2", "w3"}) StartWorker(id);
  ASSERT_TRUE(WaitPages(100, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);
  // w3's frontier partitions (also its crawl-state partitions), from the group description.
  std::vector<int> w3_partitions;
  nlohmann::json st;
  ASSERT_TRUE(testing::WaitFor(
      [&] {
        ChildProcess status(
            {testing::HallyuBinary(), "--config", config_, "status", "--distributed", "--json"},
            dir_);
        if (status.Wait(30s) != 0) return false;
        st = nlohmann::json::parse(status.Stdout(), nullptr, false);
        if (!st.is_object() || st["workers"].size() != 3) return false;
        for (const auto& w : st["workers"]) {
          if (w.value("worker", "") != "w3") continue;
          w3_partitions.clear();
          for (const auto& p : w["partitions"]) w3_partitions.push_back(p.get<int>());
        }
        return !w3_partitions.empty();
      },
      60s))
      << st.dump();
  std::map<int32_t, int32_t> leaders = kafka_->PartitionLeaders(topics_["state"]);
  std::map<int, int> led;  // broker id -> how many of w3's state partitions it leads
  for (int p : w3_partitions) led[leaders[p]]++;
  int node = 0;
  for (const auto& [broker, n] : led) {
    if (node == 0 || n > led[node]) node = broker;
  }
  ASSERT_TRUE(node >= 1 && node <= 3) << "no leader known for w3's partitions: " << st.dump();
  workers_["w3"]->Signal(SIGKILL);
  ASSERT_EQ(std::system(("KAFKA_BASE_PORT=" + base + " " + script + " kill " +
                         std::to_string(node) + " --brokers 3 >&2")
                            .c_str()),
            0);
  EXPECT_EQ(workers_["w3"]->Wait(10s), 128 + SIGKILL);
  stopped_.insert("w3");
  const auto killed_at = std::chrono::steady_clock::now();
  // With the broker still down: every page fetched and its crawl state committed. It takes
  // ~20 s (the 6 s session timeout, the dead worker's open transaction aborted after 10 s);
  // the survivors stuck in the restore took minutes.
  bool done = WaitAllPages(75s) && WaitPageStates(size_t{kHosts} * kPagesPerHost, 30s);
  const auto took = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::steady_clock::now() - killed_at);
  size_t after = DistinctPages();
  int restarted = std::system(("KAFKA_BASE_PORT=" + base + " " + script + " start-node " +
                               std::to_string(node) + " --brokers 3 >&2")
                                  .c_str());
  EXPECT_EQ(restarted, 0);
  for (const char* id : {"w1", "w2"}) {
    EXPECT_TRUE(workers_[id]->Running()) << id << " exited:\n"
                                         << workers_[id]->Stderr().substr(0, 20000);
  }
  StopWorkers();
  ASSERT_TRUE(done) << after << " pages " << took.count() << " s after killing w3 (partitions "
                    << st.dump() << ") and broker " << node << "; w1 stderr:\n"
                    << workers_["w1"]->Stderr().substr(0, 20000);
  std::cerr << "crawl finished " << took.count() << " s after the kills\n";
  ExpectEventsExactlyOnce();
}

// Backpressure: with at most 10 URLs queued per host, each feed's 51 links overfill the
// queue; the worker pauses the host's partition instead of buffering, resumes it as the
// queue drains, and the crawl still fetches every page exactly once.
TEST_F(DistributedCrawlTest, FullHostQueuesPausePartitions) {
  host_queue_limit_ = 10;
  WriteConfig();
  for (const char* id : {"w1", "w2"}) StartWorker(id);
  ASSERT_TRUE(WaitAllPages(180s)) << DistinctPages() << " pages; w1 stderr:\n"
                                  << workers_["w1"]->Stderr().substr(0, 20000);
  std::this_thread::sleep_for(1s);
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  ExpectEveryPageOnce();
  ExpectEventsExactlyOnce();
  std::string logs = workers_["w1"]->Stderr() + workers_["w2"]->Stderr();
  EXPECT_NE(logs.find("paused partition"), std::string::npos);
  EXPECT_NE(logs.find("resumed partition"), std::string::npos);
}

// Issue 19, window 4: a page that answers 5xx is not recorded as crawled. The announcement
// page of site05 fails its first 3 requests (the fetcher tries twice per round): the worker
// fetches it again after a backoff and publishes its event. A page that always fails is
// fetched a bounded number of times (fetch_rounds x max_attempts = 3 x 2) and left without
// a crawl record; a 404 is final and recorded after one request.
TEST_F(DistributedCrawlTest, TransientFetchFailuresAreFetchedAgainNotRecordedAsCrawled) {
  page_fault_ = [](int host, int page, int nth) -> std::optional<Response> {
    if ((host == 5 && page == 0 && nth <= 3) || (host == 6 && page == 1)) {
      Response r = Response::Text("busy", "text/plain");
      r.status = 503;
      return r;
    }
    if (host == 7 && page == 2) {
      Response r = Response::Text("gone", "text/plain");
      r.status = 404;
      return r;
    }
    return std::nullopt;
  };
  StartWorker("w1");
  ASSERT_TRUE(WaitPages(50, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);  // topics exist
  const size_t all = size_t{kHosts} * kPagesPerHost;
  ASSERT_TRUE(WaitPageStates(all - 1, 180s)) << workers_["w1"]->Stderr().substr(0, 20000);
  // The always-failing page: its last round gives up (poll the log, then count requests).
  EXPECT_TRUE(testing::WaitFor(
      [&] {
        return workers_["w1"]->Stderr().find("still failing after 3 rounds") != std::string::npos;
      },
      60s));
  StopWorkers();
  EXPECT_EQ(Served(5, 0), 4);
  EXPECT_EQ(Served(6, 1), 6);
  EXPECT_EQ(Served(7, 2), 1);
  auto states = CommittedPageStates();
  EXPECT_EQ(states.count("site06.test/p1.html"), 0u) << states["site06.test/p1.html"].dump();
  EXPECT_EQ(states["site05.test/p0.html"].value("last_status", 0), 200);
  EXPECT_EQ(states["site07.test/p2.html"].value("last_status", 0), 404);
  ExpectEventsExactlyOnce();
}

// Issue 19, window 3: a worker stopped past its session timeout loses its assignment. The
// results it had fetched and not committed are redone (or fetched again), never taken for
// crawled: when the partitions come back to it, every page still gets a committed crawl
// state and every event is published once.
TEST_F(DistributedCrawlTest, LostAssignmentLosesNoFetchedPage) {
  page_delay_ = 150ms;  // most hosts have a request at the fetcher at any moment
  StartWorker("w1");
  ASSERT_TRUE(WaitPages(150, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);
  // SIGSTOP past the 6 s session timeout until the worker reports the lost assignment.
  bool lost = false;
  for (int round = 0; round < 3 && !lost; ++round) {
    workers_["w1"]->Signal(SIGSTOP);
    std::this_thread::sleep_for(8s);  // the fault itself: longer than session_timeout_ms
    workers_["w1"]->Signal(SIGCONT);
    lost = testing::WaitFor(
        [&] { return workers_["w1"]->Stderr().find(" lost partitions [") != std::string::npos; },
        20s);
  }
  ASSERT_TRUE(lost) << workers_["w1"]->Stderr().substr(0, 20000);
  ASSERT_TRUE(WaitPageStates(size_t{kHosts} * kPagesPerHost, 180s))
      << CommittedPageStates().size() << " page states; w1 stderr:\n"
      << workers_["w1"]->Stderr().substr(0, 30000);
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  ExpectEventsExactlyOnce();
}

// The partitions named by the first log line of `log` after `from` that contains `marker`
// and then " [" ... "]".
std::set<int> PartitionsLogged(const std::string& log, size_t from, const std::string& marker,
                               size_t* at) {
  std::set<int> out;
  size_t m = log.find(marker, from);
  if (m == std::string::npos) return out;
  size_t open = log.find('[', m), close = log.find(']', m);
  if (at != nullptr) *at = m;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::stringstream list(log.substr(open + 1, close - open - 1));
  std::string item;
  while (std::getline(list, item, ',')) {
    if (!item.empty()) out.insert(std::atoi(item.c_str()));
  }
  return out;
}

// Issue 19, window 6: the commit inside a revocation aborts (injected). The revoked
// partitions leave before the rewind: the worker redoes nothing of theirs (their next owner
// does), the crawl completes and every event is published once.
TEST_F(DistributedCrawlTest, AbortedRevocationRedoesNothingOfTheRevokedPartitions) {
  page_delay_ = 150ms;
  StartWorker("w1", "  test_faults: {abort_first_revoke_commit: true}\n");
  ASSERT_TRUE(WaitPages(100, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);
  StartWorker("w2");
  ASSERT_TRUE(testing::WaitFor(
      [&] {
        return workers_["w1"]->Stderr().find("test fault: aborting the commit") !=
               std::string::npos;
      },
      60s))
      << workers_["w1"]->Stderr().substr(0, 20000);
  ASSERT_TRUE(WaitPageStates(size_t{kHosts} * kPagesPerHost, 180s))
      << workers_["w1"]->Stderr().substr(0, 30000);
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  const std::string log = workers_["w1"]->Stderr();
  size_t fault_at = log.find("test fault: aborting the commit");
  // The revocation being committed is the last one logged before the fault.
  size_t releasing_at = log.rfind(" releasing partitions [", fault_at), rewound_at = 0;
  ASSERT_NE(releasing_at, std::string::npos) << log.substr(0, 30000);
  std::set<int> revoked = PartitionsLogged(log, releasing_at, " releasing partitions [", nullptr);
  std::set<int> replayed = PartitionsLogged(log, fault_at, "fetched URL(s) replayed", &rewound_at);
  ASSERT_FALSE(revoked.empty()) << log.substr(0, 30000);
  ASSERT_GT(rewound_at, fault_at) << log.substr(0, 30000);
  for (int p : replayed) EXPECT_EQ(revoked.count(p), 0u) << "partition " << p << " replayed";
  ExpectEventsExactlyOnce();
}

// A worker whose transactional producer turns fatal (as INVALID_TXN_STATE after a broker
// failure did in CI) replaces it and rewinds instead of exiting: the crawl completes,
// every page has a committed state and every event is published once.
TEST_F(DistributedCrawlTest, FatalTransactionalProducerIsReplaced) {
  StartWorker("w1", "  test_faults: {fatal_producer_after_commits: 15}\n");
  ASSERT_TRUE(WaitPages(50, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);  // topics exist
  ASSERT_TRUE(WaitPageStates(size_t{kHosts} * kPagesPerHost, 180s))
      << workers_["w1"]->Stderr().substr(0, 30000);
  EXPECT_TRUE(workers_["w1"]->Running());
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  EXPECT_NE(workers_["w1"]->Stderr().find("recreated the transactional producer"),
            std::string::npos);
  ExpectEventsExactlyOnce();
}

// A commit_transaction that times out (a test fault gives it 1 ms) goes on in the background
// and is resumed only by calling commit_transaction again (librdkafka's contract for its
// retriable errors). The worker used to call send_offsets_to_transaction again first, which
// fails while that commit is in progress: it then aborted the transaction, replaced the
// producer and redid the work. Now the commit completes: no abort, no new producer.
TEST_F(DistributedCrawlTest, TimedOutCommitIsResumedNotAborted) {
  StartWorker("w1", "  test_faults: {time_out_a_commit: true}\n");
  ASSERT_TRUE(WaitPages(50, 120s)) << workers_["w1"]->Stderr().substr(0, 20000);  // topics exist
  ASSERT_TRUE(WaitPageStates(size_t{kHosts} * kPagesPerHost, 180s))
      << workers_["w1"]->Stderr().substr(0, 30000);
  EXPECT_TRUE(WaitEventRecords(kHosts, 60s));
  StopWorkers();
  const std::string log = workers_["w1"]->Stderr();
  size_t fault = log.find("test fault: commit_transaction timed out");
  ASSERT_NE(fault, std::string::npos) << log.substr(0, 30000);
  EXPECT_NE(log.find("commit retried", fault), std::string::npos) << log.substr(fault, 20000);
  EXPECT_EQ(log.find("transaction aborted"), std::string::npos) << log.substr(fault, 20000);
  EXPECT_EQ(log.find("recreating the transactional producer"), std::string::npos)
      << log.substr(fault, 20000);
  ExpectEveryPageOnce();
  ExpectEventsExactlyOnce();
}

// Issue 19, window 5: one event reported by two outlets on hosts that different workers own,
// "in talks" on one and "confirmed" on the other. Its versions are made by one owner only:
// 1 then 2 (or 1 alone when the confirmation came first), never two payloads of version 1 (as
// when each worker merged in its own memory).
TEST_F(DistributedCrawlTest, TwoWorkersReportingOneEventGiveOneVersionSequence) {
  page_fault_ = [](int host, int page, int) -> std::optional<Response> {
    if (page != 1) return std::nullopt;
    return Response::Text(ConfirmationOf((host + kHosts - 1) % kHosts));
  };
  for (const char* id : {"w1", "w2"}) StartWorker(id);
  ASSERT_TRUE(WaitAllPages(180s)) << DistinctPages() << " pages; w1 stderr:\n"
                                  << workers_["w1"]->Stderr().substr(0, 20000);
  // Not fatal: when it times out, the checks below say why (a version published twice).
  EXPECT_TRUE(testing::WaitFor([&] { return EventsAt("confirmed") >= size_t{kHosts}; }, 60s))
      << EventsAt("confirmed") << " events confirmed";
  std::this_thread::sleep_for(1s);  // a late duplicate would show up now
  StopWorkers();
  std::map<std::string, int> per_worker;  // the pairs were split between the workers
  for (const RecordedRequest& r : PageRequests()) per_worker[r.Header("User-Agent")]++;
  EXPECT_EQ(per_worker.size(), 2u);
  ExpectVersionsOneOwner(kHosts, "confirmed");
}

// Issue 19, window 5: a worker SIGKILLed and started again continues each event's versions
// where the committed ones end (2 after 1), instead of starting again at 1.
TEST_F(DistributedCrawlTest, RestartedWorkerContinuesTheVersions) {
  StartWorker("w1");
  ASSERT_TRUE(WaitAllPages(180s)) << DistinctPages() << " pages";  // the topics exist by now
  ASSERT_TRUE(WaitEventRecords(kHosts, 60s)) << workers_["w1"]->Stderr().substr(0, 20000);
  workers_["w1"]->Signal(SIGKILL);
  EXPECT_EQ(workers_["w1"]->Wait(10s), 128 + SIGKILL);
  // A new source per host lists one page confirming the host's event.
  server_.RouteHandler("/confirm-feed.xml", [this](const RecordedRequest& req) {
    int i = HostIndex(req.Header("Host"));
    std::string url = server_.UrlFor(HostName(i), "/confirmed.html");
    return Response::Text(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>c</title>"
        "<item><title>confirmed</title><link>" +
            url + "</link><guid>" + url + "</guid></item></channel></rss>",
        "application/rss+xml");
  });
  server_.RouteHandler("/confirmed.html", [](const RecordedRequest& req) {
    return Response::Text(ConfirmationOf(HostIndex(req.Header("Host"))));
  });
  for (int i = 0; i < kHosts; ++i) {
    extra_sources_ += "  - name: " + HostName(i) + "-confirm\n    kind: feed\n    url: " +
                      server_.UrlFor(HostName(i), "/confirm-feed.xml") +
                      "\n    lang: en\n    site: " + HostName(i) + "\n    interval: 1h\n";
  }
  StartWorker("w1", "  restore_timeout_ms: 30000\n");
  EXPECT_TRUE(testing::WaitFor([&] { return EventsAt("confirmed") >= size_t{kHosts}; }, 90s))
      << EventsAt("confirmed") << " events confirmed; w1 stderr:\n"
      << workers_["w1"]->Stderr().substr(0, 20000);
  std::this_thread::sleep_for(1s);
  StopWorkers();
  ExpectVersionsOneOwner(kHosts, "confirmed");
  for (const auto& [id, versions] : CastingVersions()) {
    EXPECT_EQ(versions.size(), 2u) << id << ": 'in talks' then 'confirmed' are two versions";
  }
}

// librdkafka before 2.3.0 aborts when a cooperative-sticky consumer that has had its
// JoinGroup answered, but not yet its first SyncGroup, is destroyed (librdkafka issue 4312).
// A worker stopped in that window must still exit cleanly. The group's leader here is the
// test's own member, which never sends the assignment, so the worker waits in that window
// until it is stopped.
TEST_F(DistributedCrawlTest, WorkerStoppedBeforeItsFirstAssignmentExitsCleanly) {
  testing::KafkaGroupMember leader(Brokers(), group_, topics_["frontier"], 6s);
  ASSERT_EQ(leader.Connect(30s), "");
  testing::JoinGroupAnswer a = leader.Join(30s);
  ASSERT_EQ(a.error, 0);
  ASSERT_EQ(a.leader, a.member_id);
  ASSERT_EQ(leader.Sync(a.generation, a.member_ids, 30s), 0);

  kafka_extra_ = "  producer: {debug: cgrp}\n";  // reaches the worker's group consumer too
  WriteConfig();
  StartWorker("w1");
  // Heartbeats tell the leader when the worker joins; it joins again and, as long as the
  // answer lists only itself, completes that generation and waits for the next.
  ASSERT_TRUE(testing::WaitFor(
      [&] {
        int16_t hb = leader.Heartbeat(a.generation, 10s);
        if (hb == 0) return false;
        if (hb != 27) {  // 27: REBALANCE_IN_PROGRESS
          ADD_FAILURE() << "heartbeat: Kafka error " << hb;
          return true;
        }
        a = leader.Join(60s);
        if (a.error != 0) {
          ADD_FAILURE() << "join: Kafka error " << a.error;
          return true;
        }
        if (a.member_ids.size() >= 2) return true;
        EXPECT_EQ(leader.Sync(a.generation, a.member_ids, 30s), 0);
        return false;
      },
      120s));
  ASSERT_EQ(a.member_ids.size(), 2u);
  ASSERT_EQ(a.leader, a.member_id);
  // The worker got its JoinGroup answer and now waits for the assignment (SyncGroup).
  ASSERT_TRUE(testing::WaitFor(
      [&] { return workers_["w1"]->Stderr().find("-> wait-sync") != std::string::npos; }, 30s));
  workers_["w1"]->Signal(SIGTERM);
  int code = workers_["w1"]->Wait(120s);
  std::string err = workers_["w1"]->Stderr();
  EXPECT_EQ(code, 0) << err.substr(err.size() > 3000 ? err.size() - 3000 : 0);
  EXPECT_EQ(err.find("assignor_state"), std::string::npos);
}

}  // namespace
}  // namespace hallyu
