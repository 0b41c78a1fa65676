// Distributed crash-and-fault checker (issue 19): three `hallyu crawl --distributed` workers
// on the 3-broker cluster crawl a generated web while, at random moments, one of them is
// SIGKILLed (and started again) or SIGSTOPped past its session timeout (a lost assignment,
// then SIGCONT), or one of the three brokers is SIGKILLed and restarted a few seconds later
// (scripts/kafka-local.sh kill / start-node; topics have replication factor 3). Pages fail
// transiently (503) and answer slowly now and then; the web changes between rounds: announcements
// move from "in talks" to "confirmed" on other outlets (hosts that other workers may own), so
// versions move while workers die.
//
// At the end every worker runs until each planted event shows its final status, then the
// checker reads the event topics (read_committed) and asserts: every planted announcement
// present with its latest status, no (event_id, version) with two payloads, no version
// lower than one already seen for the event (records of an event_id are in one partition,
// in produce order), no version published twice, and nothing in the DLQ; then `hallyu sink`
// stores the event topics in SQLite and every stored row must match them
// (tests/chaos/chaos_checks.h).
//
// Environment: HALLYU_DIST_KAFKA_BROKERS (the 3-broker cluster, scripts/kafka-local.sh
// start --brokers 3), HALLYU_CHAOS_SEED (default: drawn and printed; replay with it),
// HALLYU_DIST_CHAOS_FAULTS (faults injected, default 20), HALLYU_DIST_CHAOS_HOSTS (default 8),
// HALLYU_DIST_CHAOS_BROKER_FAULTS=0 (no broker kills: for a cluster that
// scripts/kafka-local.sh does not run).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/chaos/chaos_checks.h"
#include "tests/support/child_process.h"
#include "tests/support/http_test_server.h"
#include "tests/support/kafka_fixture.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;
using testing::ChildProcess;
using testing::HttpTestServer;
using testing::RecordedRequest;
using testing::Response;

constexpr int kRounds = 3;
constexpr int kFillerPerHostRound = 12;
constexpr int kEventsPerHost = 4;
constexpr int kSessionTimeoutMs = 6000;

// Fictional names, invented for this checker.
const char* kSurnames[] = {"Pyo", "Tak", "Yeo", "Gu", "Bong", "Seok", "Ma", "Eom"};
const char* kGiven[] = {"Dal-bi", "Ru-an", "Seul-ha", "Yun-sol", "Ga-on", "Ha-rim"};
const char* kWorkA[] = {"Velvet", "Paper", "Copper", "Silent", "Crimson", "Hollow", "Amber"};
const char* kWorkB[] = {"Lantern", "Ferry", "Atelier", "Greenhouse", "Signal"};
const char* kNets[] = {"tvN", "JTBC", "KBS2", "SBS", "MBC"};

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoi(v) : fallback;
}

std::string HostName(int i) { return "chaos" + std::to_string(i) + ".test"; }

int HostIndex(const std::string& host_header) {
  std::string h = host_header.substr(0, host_header.find(':'));
  return h.rfind("chaos", 0) == 0 ? std::atoi(h.c_str() + 5) : -1;
}

// One planted event and its reports: "in talks" in round 0; "confirmed" on another host in
// round 1 (k % 4 == 0 or 1) or round 2 (k % 4 == 2); k % 4 == 0 is confirmed again by a third
// outlet in round 2 (a source added, no new version); k % 4 == 3 stays in talks.
struct Planted {
  std::string person, work, net;
  int confirm_round = -1;  // -1: never confirmed
  std::string FinalStatus() const { return confirm_round >= 0 ? "confirmed" : "in_talks"; }
};

struct Report {
  int host = 0;
  int round = 0;
  int event = 0;
  bool confirmed = false;
};

std::string Page(const std::string& title, const std::string& sentence) {
  const char* filler = "Visitors filled the festival grounds in central Seoul until late.";
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title +
         "</h1><p>" + filler + "</p><p>" + sentence + "</p><p>" + filler +
         "</p></article><footer>Chaos Outlet</footer></body></html>";
}

class DistributedChaosTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kafka_ = std::make_unique<testing::KafkaTestClient>(brokers_);
    ASSERT_TRUE(kafka_->Connect()) << "no broker at " << brokers_;
    for (int i = 0; i < 60 && kafka_->broker_count() < 3; ++i) {
      std::this_thread::sleep_for(500ms);
      ASSERT_TRUE(kafka_->Connect());
    }
    ASSERT_EQ(kafka_->broker_count(), 3) << "start: scripts/kafka-local.sh start --brokers 3";
    if (const char* s = std::getenv("HALLYU_CHAOS_SEED"); s && *s) {
      seed_ = std::strtoull(s, nullptr, 10);
    }
    if (seed_ == 0) seed_ = std::random_device{}() | 1u;
    std::cerr << "chaos seed: HALLYU_CHAOS_SEED=" << seed_ << "\n";
    rng_.seed(seed_);
    server_rng_.seed(seed_ ^ 0x9e3779b97f4a7c15ull);
    hosts_ = std::max(2, EnvInt("HALLYU_DIST_CHAOS_HOSTS", 8));
    dir_ = testing::MakeTempDir("dist-chaos-");
    for (const char* t :
         {"frontier", "state", "workers", "casting", "ost", "dlq", "docs", "detections", "merge"}) {
      topics_[t] = kafka_->UniqueTopicName(std::string("chaos.") + t);
      kafka_->DeleteAfterwards(topics_[t]);
    }
    group_ = kafka_->UniqueTopicName("chaos.group");
    Plant();
    BuildWeb();
    WriteConfig();
  }

  void TearDown() override {
    if (HasFailure()) {
      for (auto& [id, w] : workers_) {
        if (!w) continue;
        std::string err = w->Stderr();
        std::cerr << "---- " << id << " stderr (tail) ----\n"
                  << err.substr(err.size() > 4000 ? err.size() - 4000 : 0) << "\n";
      }
    }
    workers_.clear();
    if (broker_down_ > 0) {  // a failed fault left a broker dead: the next test needs it
      testing::BrokerNodeScript(brokers_, 3, "start-node", broker_down_, dir_ + "/brokers.log");
    }
    kafka_->DeleteCreatedTopics();
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }

  void Plant() {
    const int events = hosts_ * kEventsPerHost;
    std::ofstream gaz(
        (std::filesystem::create_directories(dir_ + "/gazetteer"), dir_ + "/gazetteer/chaos.yaml"));
    gaz << "# Fictional names of the distributed crash checker (tests/chaos).\nactors:\n";
    std::set<std::string> people, works;
    for (int k = 0; k < events; ++k) {
      Planted p;
      p.person = std::string(kSurnames[k % 8]) + " " + kGiven[(k / 8) % 6];
      p.work = std::string(kWorkA[k % 7]) + " " + kWorkB[(k / 7) % 5];
      p.net = kNets[k % 5];
      p.confirm_round = k % 4 == 3 ? -1 : (k % 4 == 2 ? 2 : 1);
      planted_.push_back(p);
      if (people.insert(p.person).second) gaz << "  - {name: " << p.person << "}\n";
      works.insert(p.work);
      reports_.push_back({k % hosts_, 0, k, false});
      if (p.confirm_round >= 0) reports_.push_back({(k + 1) % hosts_, p.confirm_round, k, true});
      if (k % 4 == 0) reports_.push_back({(k + 2) % hosts_, 2, k, true});
    }
    gaz << "works:\n";
    for (const std::string& w : works) gaz << "  - {title: " << w << "}\n";
  }

  // Each host: /feed.xml lists the pages of the rounds reached so far; its planted reports
  // and filler pages answer 503 one request in 12, after 5-40 ms.
  void BuildWeb() {
    server_.RouteHandler("/feed.xml", [this](const RecordedRequest& req) {
      const int h = HostIndex(req.Header("Host"));
      std::string items;
      auto item = [&](const std::string& path, const std::string& title) {
        const std::string url = server_.UrlFor(HostName(h), path);
        items += "<item><title>" + title + "</title><link>" + url + "</link><guid>" + url +
                 "</guid><pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>";
      };
      for (int r = 0; r <= round_.load(); ++r) {
        for (size_t i = 0; i < reports_.size(); ++i) {
          if (reports_[i].host == h && reports_[i].round == r) {
            item("/report" + std::to_string(i) + ".html", "report " + std::to_string(i));
          }
        }
        for (int f = 0; f < kFillerPerHostRound; ++f) {
          item("/r" + std::to_string(r) + "/fill" + std::to_string(f) + ".html", "weekly");
        }
      }
      return Response::Text("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" +
                                HostName(h) + "</title><link>" + server_.UrlFor(HostName(h), "/") +
                                "</link>" + items + "</channel></rss>",
                            "application/rss+xml");
    });
    for (size_t i = 0; i < reports_.size(); ++i) {
      server_.RouteHandler("/report" + std::to_string(i) + ".html",
                           [this, i](const RecordedRequest&) { return Flaky(ReportPage(i)); });
    }
    for (int r = 0; r < kRounds; ++r) {
      for (int f = 0; f < kFillerPerHostRound; ++f) {
        server_.RouteHandler(
            "/r" + std::to_string(r) + "/fill" + std::to_string(f) + ".html",
            [this, r, f](const RecordedRequest&) {
              return Flaky(Page("Weekly music chart " + std::to_string(r) + "-" + std::to_string(f),
                                "The chart of the week saw several new entries and a few "
                                "returning songs, with streaming numbers rising."));
            });
      }
    }
  }

  std::string ReportPage(size_t i) const {
    const Report& r = reports_[i];
    const Planted& p = planted_[r.event];
    if (r.confirmed) {
      return Page(p.person + " confirmed for " + p.net + "'s '" + p.work + "'",
                  p.person + " has been cast in " + p.net + "'s new drama '" + p.work + "'.");
    }
    return Page(p.person + " in talks for " + p.net + "'s '" + p.work + "'",
                p.person + " is in talks to star in " + p.net + "'s new drama '" + p.work + "'.");
  }

  Response Flaky(const std::string& html) {
    int delay_ms = 0;
    bool fail = false;
    {
      std::lock_guard<std::mutex> lock(rng_mu_);
      delay_ms = std::uniform_int_distribution<int>(5, 40)(server_rng_);
      fail = std::uniform_int_distribution<int>(0, 11)(server_rng_) == 0;
    }
    Response r = fail ? Response::Status(503) : Response::Text(html);
    r.delay = std::chrono::milliseconds(delay_ms);
    return r;
  }

  void WriteConfig() {
    config_ = dir_ + "/config.yaml";
    std::ofstream f(config_);
    f << "sources:\n";
    for (int i = 0; i < hosts_; ++i) {
      f << "  - {name: " << HostName(i) << ", kind: feed, url: '"
        << server_.UrlFor(HostName(i), "/feed.xml") << "', lang: en, site: " << HostName(i)
        << ", interval: 10s}\n";
    }
    f << "state: {path: " << dir_ << "/state.db}\n"
      << "detect: {rules: '" << testing::SourcePath("configs/rules") << "', gazetteer: '"
      << testing::SourcePath("configs/gazetteer") << "', extra_gazetteer: ['" << dir_
      << "/gazetteer']}\n"
      << "crawl: {respect_robots: false}\n"
      << "fetcher:\n  min_host_delay_ms: 20\n  max_in_flight_per_host: 2\n"
      << "  allowed_cidrs: [\"127.0.0.0/8\"]\n"
      << "  retry: {max_attempts: 2, base_delay_ms: 100}\n  resolve:\n";
    for (int i = 0; i < hosts_; ++i) {
      f << "    - \"" << HostName(i) << ":" << server_.port() << ":127.0.0.1\"\n";
    }
    f << "kafka:\n  brokers: \"" << brokers_ << "\"\n  partitions: 3\n  replication_factor: 3\n"
      << "  topics: {casting: " << topics_["casting"] << ", ost: " << topics_["ost"]
      << ", documents: " << topics_["docs"] << ", dlq: " << topics_["dlq"] << "}\n"
      << "distributed:\n  group_id: " << group_ << "\n  frontier_topic: " << topics_["frontier"]
      << "\n  state_topic: " << topics_["state"] << "\n  workers_topic: " << topics_["workers"]
      << "\n  detections_topic: " << topics_["detections"]
      << "\n  merge_state_topic: " << topics_["merge"]
      << "\n  partitions: 6\n  replication_factor: 3\n  commit_interval_ms: 200\n"
      << "  session_timeout_ms: " << kSessionTimeoutMs << "\n  transaction_timeout_ms: 10000\n"
      << "  reseed_seconds: 3\n  fetch_rounds: 3\n";
  }

  void StartWorker(const std::string& id) {
    const std::string wdir = dir_ + "/" + id;
    std::filesystem::create_directories(wdir);
    workers_[id] = std::make_unique<ChildProcess>(
        std::vector<std::string>{testing::HallyuBinary(), "--config", config_, "--log-level",
                                 "warn", "crawl", "--distributed", "--worker-id", id},
        wdir);
  }

  // The event records of both topics, read_committed, by event_id in partition order.
  std::map<std::string, std::vector<nlohmann::json>> EventsById(std::vector<std::string>* raw) {
    std::map<std::string, std::vector<nlohmann::json>> out;
    for (const std::string& topic : {topics_["casting"], topics_["ost"]}) {
      for (const testing::ConsumedRecord& rec : kafka_->ReadAll(topic)) {
        auto j = nlohmann::json::parse(rec.ValueOr("{}"), nullptr, false);
        if (j.is_discarded()) continue;
        out[j.value("event_id", "")].push_back(j);
        if (raw != nullptr) raw->push_back(rec.ValueOr());
      }
    }
    return out;
  }

  // Planted events whose highest published version shows their final status.
  size_t EventsAtFinalStatus() {
    std::map<std::pair<std::string, std::string>, std::string> latest;  // (person, work)
    std::map<std::pair<std::string, std::string>, int> top;
    for (const auto& [id, recs] : EventsById(nullptr)) {
      for (const nlohmann::json& j : recs) {
        const auto key =
            std::make_pair(j["person"].value("name", ""), j["work"].value("title", ""));
        if (j.value("version", 0) > top[key]) {
          top[key] = j.value("version", 0);
          latest[key] = j.value("status", "");
        }
      }
    }
    size_t n = 0;
    for (const Planted& p : planted_) n += latest[{p.person, p.work}] == p.FinalStatus();
    return n;
  }

  std::string brokers_ =
      EnvOr("HALLYU_DIST_KAFKA_BROKERS", "127.0.0.1:19192,127.0.0.1:19202,127.0.0.1:19212");
  std::unique_ptr<testing::KafkaTestClient> kafka_;
  HttpTestServer server_;
  std::string dir_, config_, group_;
  std::map<std::string, std::string> topics_;
  std::map<std::string, std::unique_ptr<ChildProcess>> workers_;
  uint64_t seed_ = 0;
  std::mt19937_64 rng_;
  std::mutex rng_mu_;
  std::mt19937_64 server_rng_;
  int hosts_ = 8;
  std::vector<Planted> planted_;
  std::vector<Report> reports_;
  std::atomic<int> round_{0};
  int broker_down_ = 0;  // the broker node a fault killed and did not restart yet
};

TEST_F(DistributedChaosTest, VersionsSurviveKilledAndStoppedWorkers) {
  const int faults = EnvInt("HALLYU_DIST_CHAOS_FAULTS", 20);
  const std::vector<std::string> ids = {"w1", "w2", "w3"};
  for (const std::string& id : ids) StartWorker(id);
  ASSERT_TRUE(testing::WaitFor([&] { return server_.RequestCount() > 0; }, 120s))
      << workers_["w1"]->Stderr();
  const bool broker_faults = EnvInt("HALLYU_DIST_CHAOS_BROKER_FAULTS", 1) != 0;
  int kills = 0, stops = 0, broker_kills = 0;
  for (int i = 0; i < faults; ++i) {
    if (i == faults / 3 || i == 2 * faults / 3) {
      round_++;
      std::cerr << "round " << round_.load() << " published\n";
    }
    // The moment: after 0.3-3 s (whatever the workers are doing then).
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(300, 3000)(rng_)));
    const std::string& id = ids[std::uniform_int_distribution<size_t>(0, ids.size() - 1)(rng_)];
    const bool stop = std::uniform_int_distribution<int>(0, 5)(rng_) == 0;
    const bool broker = broker_faults && std::uniform_int_distribution<int>(0, 5)(rng_) == 0;
    if (broker) {
      // A broker dies for 0.5-4 s (then its restart takes its own time), whatever the
      // workers are doing; one at a time, so every partition keeps an in-sync replica.
      const int node = std::uniform_int_distribution<int>(1, 3)(rng_);
      ASSERT_TRUE(testing::BrokerNodeScript(brokers_, 3, "kill", node, dir_ + "/brokers.log"));
      broker_down_ = node;
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(500, 4000)(rng_)));
      ASSERT_TRUE(
          testing::BrokerNodeScript(brokers_, 3, "start-node", node, dir_ + "/brokers.log"));
      broker_down_ = 0;
      broker_kills++;
      std::cerr << "fault " << i << ": SIGKILL broker " << node << ", restarted\n";
      continue;
    }
    ChildProcess& w = *workers_[id];
    if (!w.Running()) {
      ADD_FAILURE() << id << " exited by itself (rc " << w.Wait(1s) << "):\n" << w.Stderr();
      StartWorker(id);
      continue;
    }
    if (stop) {
      // A lost assignment: frozen past the session timeout (the fault itself, not a wait).
      w.Signal(SIGSTOP);
      std::this_thread::sleep_for(std::chrono::milliseconds(kSessionTimeoutMs + 2500));
      w.Signal(SIGCONT);
      stops++;
    } else {
      w.Signal(SIGKILL);
      EXPECT_EQ(w.Wait(10s), 128 + SIGKILL);
      StartWorker(id);  // same worker id: its transactional.id fences the dead one's
      kills++;
    }
    std::cerr << "fault " << i << ": " << (stop ? "SIGSTOP " : "SIGKILL ") << id << "\n";
  }
  round_ = kRounds - 1;
  for (const std::string& id : ids) {
    if (!workers_[id]->Running()) StartWorker(id);
  }
  const bool settled =
      testing::WaitFor([&] { return EventsAtFinalStatus() == planted_.size(); }, 300s);
  std::this_thread::sleep_for(2s);  // a late duplicate or regression would show up now
  for (const std::string& id : ids) workers_[id]->Signal(SIGTERM);
  for (const std::string& id : ids) {
    EXPECT_EQ(workers_[id]->Wait(90s), 0) << id << ":\n" << workers_[id]->Stderr();
  }

  std::vector<std::string> raw;
  auto events = EventsById(&raw);
  int conflicts = 0, regressions = 0, repeats = 0;
  for (const auto& [id, recs] : events) {
    std::map<int, std::string> payload;  // version -> its record
    int top = 0;
    for (const nlohmann::json& j : recs) {
      const int v = j.value("version", 0);
      const std::string text = j.dump();
      auto [it, inserted] = payload.emplace(v, text);
      if (!inserted) {
        if (it->second != text) {
          conflicts++;
          ADD_FAILURE() << "two payloads for " << id << " v" << v << ":\n"
                        << it->second << "\n"
                        << text;
        } else {
          repeats++;
        }
      }
      if (v < top) {
        regressions++;
        ADD_FAILURE() << id << ": v" << v << " after v" << top;
      }
      top = std::max(top, v);
    }
  }
  std::map<std::pair<std::string, std::string>, std::string> latest;
  std::map<std::pair<std::string, std::string>, int> top_version;
  for (const auto& [id, recs] : events) {
    for (const nlohmann::json& j : recs) {
      const auto key = std::make_pair(j["person"].value("name", ""), j["work"].value("title", ""));
      if (j.value("version", 0) > top_version[key]) {
        top_version[key] = j.value("version", 0);
        latest[key] = j.value("status", "");
      }
    }
  }
  int lost = 0;
  for (const Planted& p : planted_) {
    const std::string got = latest[{p.person, p.work}];
    if (got != p.FinalStatus()) {
      lost++;
      ADD_FAILURE() << p.person << " / " << p.work << ": latest status '" << got << "', planted '"
                    << p.FinalStatus() << "'";
    }
  }
  const size_t dlq = kafka_->ReadAll(topics_["dlq"]).size();
  // The store: `hallyu sink` into SQLite, every row compared with the topics.
  const testing::StoreCheckResult store =
      testing::CheckSinkStore(*kafka_, {topics_["casting"], topics_["ost"]}, topics_["dlq"], raw,
                              dir_, kafka_->UniqueTopicName("chaos.sink"));
  std::cerr << "distributed chaos seed " << seed_ << ": " << kills << " SIGKILLs, " << stops
            << " SIGSTOPs past the session timeout, " << broker_kills << " broker kills, "
            << planted_.size() << " planted events (" << reports_.size() << " reports), " << lost
            << " lost or stale, " << conflicts << " (event_id, version) with two payloads, "
            << regressions << " regressed versions, " << repeats << " repeated versions, "
            << raw.size() << " event records, " << dlq << " in the DLQ, " << server_.RequestCount()
            << " requests; store: " << store.versions - store.missing_versions << "/"
            << store.versions << " versions, " << store.missing_versions << " missing, "
            << store.payload_mismatch << " other payloads, " << store.stale_latest
            << " stale latest, " << store.extra_versions << " extra, " << store.sink_dlq
            << " sink DLQ\n";
  EXPECT_TRUE(settled) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(lost, 0) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(conflicts, 0) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(regressions, 0) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(repeats, 0) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(dlq, 0u);
  EXPECT_TRUE(store.sink_ok);
  EXPECT_EQ(store.missing_versions + store.payload_mismatch + store.stale_latest +
                store.extra_versions + store.sink_dlq,
            0)
      << "replay with HALLYU_CHAOS_SEED=" << seed_;
}

}  // namespace
}  // namespace hallyu
