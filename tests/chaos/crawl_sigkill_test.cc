// Crash checker (issue 19): `hallyu crawl --once` SIGKILLed at random moments, its broker
// killed and restarted under it, its disk full, must still deliver every planted
// announcement to Kafka and, through `hallyu sink`, to the store once it is run to
// completion.
//
// A loopback site of a few hundred article pages behind one news sitemap (every
// URL has an ETag and Last-Modified and answers 304 to them, as a static server
// does; pages answer after a random short delay, and a few answer 500 now and then);
// one page in three carries a casting or OST announcement about fictional people.
// The crawl runs against the real broker (HALLYU_KAFKA_BROKERS, started by
// scripts/kafka-local.sh, which the checker also uses to kill and restart it) with a
// 1 MiB spool. Each round draws its fault from a seeded generator: most rounds SIGKILL
// the crawl after a random number of requests; one in five kills the broker mid-run
// and restarts it (before or after the crawl is SIGKILLed, so the spool holds what the
// broker did not take); one in five runs the crawl on a full disk (every file capped at a
// random 16-512 KiB: writes fail with EFBIG, as with ENOSPC) and SIGKILLs it too
// (HALLYU_CHAOS_FULL_DISK=0 turns that off). The full disk found the last window: a version
// spooled, then its merge-state commit failed, and the next run published the same
// (event_id, version) again with new timestamps; versions are now committed pending before
// they are published (tests/crawler/crawl/pending_version_test.cc).
// Then the crawl runs to completion twice, with the broker up and room on the disk.
// The checker reads the topics and asserts: every planted announcement is there, no
// (event_id, version) came with two different payloads, every event is at version 1
// (nothing changes status here), nothing in the DLQ; then `hallyu sink` stores the
// topics in SQLite and every stored row must match them (tests/chaos/chaos_checks.h).
//
// Environment: HALLYU_CHAOS_SEED (default: drawn and printed, replay with it),
// HALLYU_CHAOS_KILLS (crawl SIGKILLs, default 6), HALLYU_CHAOS_PAGES (default 300),
// HALLYU_CHAOS_MAX_KILL_REQUESTS (a kill lands after 1..this many requests to the
// site, default 150), HALLYU_CHAOS_BROKER_FAULTS=0 (no broker kills: for a broker that
// scripts/kafka-local.sh does not run); the sitemap's lastmods move when a run ends
// before its kill.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
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

using testing::HttpTestServer;
using testing::RecordedRequest;
using testing::Response;

// Fictional names, invented for this checker: 10 x 10 people, 10 x 6 works.
const std::pair<const char*, const char*> kSurnames[] = {
    {"Pyo", "표"},  {"Tak", "탁"}, {"Yeo", "여"}, {"Gu", "구"}, {"Bong", "봉"},
    {"Seok", "석"}, {"Ma", "마"},  {"Eom", "엄"}, {"Ha", "하"}, {"Ok", "옥"}};
const std::pair<const char*, const char*> kGiven[] = {
    {"Dal-bi", "달비"}, {"Ru-an", "루안"},  {"Seul-ha", "슬하"}, {"Yun-sol", "윤솔"},
    {"Ga-on", "가온"},  {"Ha-rim", "하림"}, {"So-yul", "소율"},  {"Sae-ron", "새론"},
    {"Da-on", "다온"},  {"Bit-na", "빛나"}};
const std::pair<const char*, const char*> kWorkA[] = {
    {"Velvet", "벨벳"},  {"Paper", "종이"},     {"Copper", "구리"},  {"Silent", "고요한"},
    {"Crimson", "진홍"}, {"Hollow", "텅 빈"},   {"Amber", "호박색"}, {"Misty", "안개 낀"},
    {"Salt", "소금"},    {"Ninth", "아홉 번째"}};
const std::pair<const char*, const char*> kWorkB[] = {
    {"Lantern", "등불"},    {"Ferry", "나룻배"}, {"Atelier", "아틀리에"},
    {"Greenhouse", "온실"}, {"Signal", "신호"},  {"Alley", "골목"}};
const char* kNets[] = {"tvN", "JTBC", "KBS2", "SBS", "MBC", "Netflix"};

struct Planted {
  std::string type;  // casting | ost
  std::string person, person_native, work, work_native;
  std::string sentence, title, lang;
};

Planted Plant(int k) {
  Planted p;
  const auto& s = kSurnames[k % 10];
  const auto& g = kGiven[(k / 10) % 10];
  const auto& a = kWorkA[(k * 7) % 10];
  const auto& b = kWorkB[(k / 3) % 6];
  p.person = std::string(s.first) + " " + g.first;
  p.person_native = std::string(s.second) + g.second;
  p.work = std::string(a.first) + " " + b.first;
  p.work_native = std::string(a.second) + " " + b.second;
  const std::string net = kNets[k % 6];
  switch (k % 4) {
    case 0:
      p.type = "casting", p.lang = "en";
      p.sentence = p.person + " has been cast in " + net + "'s new drama '" + p.work + "'.";
      p.title = p.person + " cast in " + net + "'s '" + p.work + "'";
      break;
    case 1:
      p.type = "casting", p.lang = "ko";
      p.sentence = p.title = p.person_native + ", '" + p.work_native + "' 출연 확정";
      break;
    case 2:
      p.type = "ost", p.lang = "en";
      p.sentence = p.title = p.person + " to sing for " + net + "'s '" + p.work + "' OST";
      break;
    default:
      p.type = "ost", p.lang = "ko";
      p.sentence = p.title = p.person_native + ", '" + p.work_native + "' OST 가창";
      break;
  }
  return p;
}

std::string ArticleHtml(int n, const Planted* p) {
  const bool en = p != nullptr && p->lang == "en";
  std::string title = p ? p->title : "주말 문화 소식 " + std::to_string(n) + "호";
  std::string html = std::string("<!DOCTYPE html><html lang=\"") + (en ? "en" : "ko") +
                     "\"><head><meta charset=\"utf-8\"><title>" + title +
                     "</title></head><body><nav><a href=\"/\">home</a></nav><article><h1>" + title +
                     "</h1>";
  const char* filler_en = "Visitors filled the festival grounds in central Seoul until late.";
  const char* filler_ko = "지난 주말 서울 도심에서 열린 문화 축제에는 가족 단위 관람객이 몰렸다.";
  for (int j = 0; j < 4; ++j) {
    html += std::string("<p>") + (en ? filler_en : filler_ko) + "</p>";
    if (j == 1 && p != nullptr) html += "<p>" + p->sentence + "</p>";
  }
  return html + "</article><footer>Chaos Outlet</footer></body></html>";
}

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

class CrawlSigkillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(kafka_.Connect());
    dir_ = testing::MakeTempDir("chaos-crawl-");
    if (const char* s = std::getenv("HALLYU_CHAOS_SEED"); s && *s)
      seed_ = std::strtoull(s, nullptr, 10);
    if (seed_ == 0) seed_ = std::random_device{}() | 1u;
    std::cerr << "chaos seed: HALLYU_CHAOS_SEED=" << seed_ << "\n";
    rng_.seed(seed_);
    pages_ = EnvInt("HALLYU_CHAOS_PAGES", 300);
    casting_ = kafka_.CreateTopic("chaos.casting");
    ost_ = kafka_.CreateTopic("chaos.ost");
    const std::string docs = kafka_.UniqueTopicName("chaos.docs");
    dlq_ = kafka_.CreateTopic("chaos.dlq");

    // The site: a news sitemap of every page; one page in three planted.
    std::filesystem::create_directories(dir_ + "/gazetteer");
    std::ofstream gaz(dir_ + "/gazetteer/chaos.yaml");
    gaz << "# Fictional names of the crash checker (tests/chaos).\nactors:\n";
    std::string works_yaml;
    std::set<std::string> works_seen;
    std::vector<std::string> urls;
    for (int n = 0; n < pages_; ++n) {
      std::optional<Planted> p;
      if (n % 3 == 1) {
        p = Plant(n / 3);
        planted_.push_back(*p);
        gaz << "  - {name: " << p->person << ", native: " << p->person_native << "}\n";
        if (works_seen.insert(p->work).second) {
          works_yaml += "  - {title: " + p->work + ", native: " + p->work_native + "}\n";
        }
      }
      const std::string path = "/news/" + std::to_string(n) + ".html";
      urls.push_back("<url><loc>" + server_.Url(path) +
                     "</loc><lastmod>@</lastmod><news:news><news:publication><news:name>Chaos "
                     "Outlet</news:name>"
                     "<news:language>ko</news:language></news:publication>"
                     "<news:publication_date>2026-11-20T09:00:00+09:00</news:publication_date>"
                     "<news:title>article " +
                     std::to_string(n) + "</news:title></news:news></url>\n");
      Static(path, ArticleHtml(n, p ? &*p : nullptr), "text/html; charset=utf-8", true);
    }
    gaz << "works:\n" << works_yaml;
    gaz.close();
    entries_ = urls;
    server_.RouteHandler("/sitemap-news.xml", [this](const RecordedRequest& req) {
      const std::string body = SitemapBody();
      const std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
      if (req.Header("If-None-Match") == etag) {
        Response r = Response::Status(304);
        r.headers.emplace_back("ETag", etag);
        return r;
      }
      Response r = Response::Text(body, "application/xml");
      r.headers.emplace_back("ETag", etag);
      return r;
    });

    config_ = dir_ + "/crawl.yaml";
    std::ofstream(config_) << "sources:\n"
                           << "  - {name: chaos, kind: sitemap, url: '"
                           << server_.Url("/sitemap-news.xml")
                           << "', site: Chaos Outlet, lang: auto, horizon: 100000d}\n"
                           << "state: {path: '" << dir_ << "/state/state.db'}\n"
                           << "detect: {rules: '" << testing::SourcePath("configs/rules")
                           << "', gazetteer: '" << testing::SourcePath("configs/gazetteer")
                           << "', extra_gazetteer: ['" << dir_ << "/gazetteer']}\n"
                           << "crawl: {workers: 2, respect_robots: false}\n"
                           << "fetcher: {allowed_cidrs: [127.0.0.0/8], min_host_delay_ms: 0, "
                              "max_in_flight_per_host: 4}\n"
                           << "kafka:\n  brokers: '" << kafka_.brokers() << "'\n"
                           << "  create_topics: false\n"
                           << "  topics: {casting: " << casting_ << ", ost: " << ost_
                           << ", documents: " << docs << ", dlq: " << dlq_ << "}\n"
                           << "  spool: {dir: '" << dir_ << "/spool', max_mb: 1, segment_mb: 1}\n"
                           << "monitoring: {metrics_enabled: false}\n";
  }
  void TearDown() override {
    if (broker_down_) {  // a failed round left the broker dead: the next test needs it
      testing::BrokerNodeScript(kafka_.brokers(), 1, "start-node", 1, dir_ + "/broker-faults.log");
    }
    if (!HasFailure()) std::filesystem::remove_all(dir_);
    kafka_.DeleteCreatedTopics();
  }

  // A static file: ETag and Last-Modified, 304 to either; pages answer after a
  // random delay (5-30 ms) and 1 request in 50 gets a 503 (a
  // transient failure).
  void Static(const std::string& path, std::string body, std::string type, bool flaky) {
    const std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
    const std::string modified = "Fri, 20 Nov 2026 00:00:00 GMT";
    server_.RouteHandler(path,
                         [this, body, type, etag, modified, flaky](const RecordedRequest& req) {
                           int delay_ms = 0;
                           bool fail = false;
                           if (flaky) {
                             std::lock_guard<std::mutex> lock(rng_mu_);
                             delay_ms = std::uniform_int_distribution<int>(5, 30)(server_rng_);
                             fail = std::uniform_int_distribution<int>(0, 49)(server_rng_) == 0;
                           }
                           Response r;
                           if (fail) {
                             r = Response::Status(500);
                           } else if (req.Header("If-None-Match") == etag ||
                                      req.Header("If-Modified-Since") == modified) {
                             r = Response::Status(304);
                             r.headers.emplace_back("ETag", etag);
                           } else {
                             r = Response::Text(body, type);
                             r.headers.emplace_back("ETag", etag);
                             r.headers.emplace_back("Last-Modified", modified);
                           }
                           r.delay = std::chrono::milliseconds(delay_ms);
                           return r;
                         });
  }

  // The news sitemap; every entry's lastmod moves with generation_ (the site is
  // updated after a run that ended before its kill, so later runs have work again).
  std::string SitemapBody() const {
    const std::string lastmod =
        "2026-11-" + std::to_string(10 + generation_.load() % 18) + "T09:00:00+09:00";
    std::string body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "
        "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n";
    for (const std::string& e : entries_) {
      const std::size_t at = e.find('@');
      body += e.substr(0, at) + lastmod + e.substr(at + 1);
    }
    return body + "</urlset>\n";
  }

  std::vector<std::string> Argv() const {
    return {testing::HallyuBinary(), "--config", config_, "crawl", "--once"};
  }

  testing::KafkaTestClient kafka_;
  HttpTestServer server_;
  std::string dir_, config_, casting_, ost_, dlq_;
  uint64_t seed_ = 0;
  std::mt19937_64 rng_;
  std::mutex rng_mu_;
  std::mt19937 server_rng_{12345};
  int pages_ = 300;
  std::vector<Planted> planted_;
  std::vector<std::string> entries_;  // sitemap <url> elements, '@' for the lastmod
  std::atomic<int> generation_{0};
  bool broker_down_ = false;  // a broker fault killed it and it is not restarted yet
};

TEST_F(CrawlSigkillTest, EveryPlantedAnnouncementSurvivesRandomSigkills) {
  const int kills = EnvInt("HALLYU_CHAOS_KILLS", 6);
  const int max_kill = EnvInt("HALLYU_CHAOS_MAX_KILL_REQUESTS", 150);
  const bool broker_faults = EnvInt("HALLYU_CHAOS_BROKER_FAULTS", 1) != 0;
  const bool full_disk_faults = EnvInt("HALLYU_CHAOS_FULL_DISK", 1) != 0;
  const std::string broker_log = dir_ + "/broker-faults.log";
  int landed = 0;  // kills that hit a running crawl (not one that had already ended)
  int broker_kills = 0, full_disk_runs = 0;
  // Waits until `n` more requests reached the site (any phase of a run: the sitemap,
  // pages, retries), whatever the machine's speed, or the crawl ended.
  auto await_requests = [&](testing::ChildProcess& crawl, int n) {
    const std::size_t base = server_.RequestCount();
    testing::WaitFor(
        [&] {
          return server_.RequestCount() >= base + static_cast<std::size_t>(n) || !crawl.Running();
        },
        std::chrono::seconds(60));
  };
  // Until `kills` SIGKILLs landed on a running crawl (a run that ended first counts
  // as a round, not a kill), at most 3 x kills rounds.
  for (int i = 0; landed < kills && i < 3 * kills; ++i) {
    const int at = std::uniform_int_distribution<int>(1, max_kill)(rng_);
    const int fault = std::uniform_int_distribution<int>(0, 9)(rng_);
    const bool broker_outage = broker_faults && fault < 2;
    const bool full_disk = full_disk_faults && fault >= 2 && fault < 4;
    const long file_cap = std::uniform_int_distribution<long>(16, 512)(rng_) * 1024;
    const bool restart_before_kill = std::uniform_int_distribution<int>(0, 1)(rng_) == 1;
    testing::ChildProcess crawl(full_disk ? testing::OnFullDisk(Argv(), file_cap) : Argv(), dir_);
    full_disk_runs += full_disk;
    await_requests(crawl, at);
    std::string what = full_disk ? "full disk (" + std::to_string(file_cap / 1024) + " KiB), " : "";
    if (broker_outage) {
      // The broker dies under the running crawl, which goes on for a few more requests.
      ASSERT_TRUE(testing::BrokerNodeScript(kafka_.brokers(), 1, "kill", 1, broker_log));
      broker_down_ = true;
      broker_kills++;
      await_requests(crawl, std::uniform_int_distribution<int>(1, max_kill)(rng_));
      if (restart_before_kill) {
        ASSERT_TRUE(testing::BrokerNodeScript(kafka_.brokers(), 1, "start-node", 1, broker_log));
        broker_down_ = false;
      }
      what += restart_before_kill ? "broker killed and restarted, " : "broker killed, ";
    }
    if (crawl.Running()) {
      crawl.Signal(SIGKILL);
      ++landed;
    } else {
      generation_++;  // it finished first: the site changes under the next runs
    }
    const int rc = crawl.Wait(std::chrono::seconds(120));
    ASSERT_NE(rc, -1) << "crawl " << i << " did not end\n" << crawl.Stderr();
    if (broker_down_) {
      ASSERT_TRUE(testing::BrokerNodeScript(kafka_.brokers(), 1, "start-node", 1, broker_log));
      broker_down_ = false;
    }
    std::cerr << "round " << i << ": " << what << "kill after " << at << " requests, rc " << rc
              << "\n";
  }
  for (int i = 0; i < 2; ++i) {  // to completion
    testing::ChildProcess crawl(Argv(), dir_);
    const int rc = crawl.Wait(std::chrono::seconds(240));
    ASSERT_EQ(rc, 0) << "final crawl " << i << "\n" << crawl.Stderr();
    std::cerr << "final " << i << ": " << crawl.Stderr().substr(crawl.Stderr().rfind("crawl:"))
              << "\n";
  }

  std::vector<std::string> raw;                                 // every event record
  std::map<std::pair<std::string, int>, std::string> payloads;  // (event_id, version) -> value
  std::map<std::string, int> latest;                            // event_id -> highest version
  std::set<std::pair<std::string, std::string>> found;          // (type, person name)
  int conflicts = 0, regressions = 0;
  for (const std::string& topic : {casting_, ost_}) {
    for (const testing::ConsumedRecord& rec : kafka_.ReadAll(topic)) {
      auto j = nlohmann::json::parse(rec.ValueOr("{}"), nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << rec.ValueOr();
      raw.push_back(rec.ValueOr());
      const std::string id = j.value("event_id", "");
      const int version = j.value("version", 0);
      auto [it, inserted] = payloads.emplace(std::make_pair(id, version), rec.ValueOr());
      if (!inserted && it->second != rec.ValueOr()) {
        ++conflicts;
        ADD_FAILURE() << "two payloads for " << id << " v" << version << ":\n"
                      << it->second << "\n"
                      << rec.ValueOr();
      }
      int& top = latest[id];
      if (version < top) ++regressions;  // per partition, records are in produce order
      top = std::max(top, version);
      const std::string type = j.value("type", "");
      const nlohmann::json& who = type == "ost" ? j["artist"] : j["person"];
      if (who.is_object()) found.emplace(type, who.value("name", ""));
    }
  }
  int lost = 0;
  for (const Planted& p : planted_) {
    if (!found.count({p.type, p.person})) {
      ++lost;
      ADD_FAILURE() << "lost: " << p.type << " " << p.person << " / " << p.work << " (" << p.lang
                    << ")";
    }
  }
  for (const auto& [id, v] : latest) EXPECT_EQ(v, 1) << id;
  const size_t dlq = kafka_.ReadAll(dlq_).size();
  // The store: `hallyu sink` into SQLite, every row compared with the topics.
  const testing::StoreCheckResult store = testing::CheckSinkStore(
      kafka_, {casting_, ost_}, dlq_, raw, dir_, kafka_.UniqueTopicName("chaos.sink"));
  std::cerr << "chaos seed " << seed_ << ": " << landed << " crawl SIGKILLs, " << broker_kills
            << " broker kills, " << full_disk_runs << " runs on a full disk, " << planted_.size()
            << " planted, " << lost << " lost, " << conflicts
            << " (event_id, version) with two payloads, " << regressions << " regressed versions, "
            << payloads.size() << " distinct versions, " << dlq
            << " in the DLQ; store: " << store.versions - store.missing_versions << "/"
            << store.versions << " versions, " << store.missing_versions << " missing, "
            << store.payload_mismatch << " other payloads, " << store.stale_latest
            << " stale latest, " << store.extra_versions << " extra, " << store.sink_dlq
            << " sink DLQ\n";
  EXPECT_EQ(dlq, 0u) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_TRUE(store.sink_ok);
  EXPECT_EQ(store.missing_versions + store.payload_mismatch + store.stale_latest +
                store.extra_versions + store.sink_dlq,
            0)
      << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(landed, kills) << "the crawl ended before most kills: make it slower";
  EXPECT_EQ(lost, 0) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(conflicts, 0) << "replay with HALLYU_CHAOS_SEED=" << seed_;
  EXPECT_EQ(regressions, 0) << "replay with HALLYU_CHAOS_SEED=" << seed_;
}

}  // namespace
}  // namespace hallyu
