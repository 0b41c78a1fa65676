// `hallyu events` end to end: filters, ordering, table and JSON output, on SQLite
// and PostgreSQL stores filled through the Store API.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "crawler/store/store.h"
#include "tests/support/child_process.h"
#include "tests/support/events.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;
using testing::TestEvent;

class EventsCli : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("events");
    url_ = GetParam() ? testing::FreshPostgresUrl() : "sqlite:" + dir_ + "/e.db";
    ASSERT_FALSE(url_.empty());
    auto store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<EventRecord> batch;
    auto add = [&](TestEvent t) { batch.push_back(*ParseEventRecord(testing::TestEventJson(t))); };
    TestEvent a;
    a.event_id = "c-a";
    a.person = "Kim Ji-won";
    a.group = "";
    a.crossover = false;
    a.work = "Queen of Tears";
    a.network = "tvN";
    a.detected_at = "2026-05-01T10:00:00Z";
    add(a);
    TestEvent b;
    b.event_id = "c-b";
    b.status = "rumored";
    b.detected_at = "2026-05-02T10:00:00Z";
    add(b);
    b.version = 2;
    b.status = "confirmed";
    b.detected_at = "2026-05-04T10:00:00Z";
    b.source_urls = {"https://x.example/1", "https://y.example/2"};
    add(b);
    TestEvent c;
    c.event_id = "o-c";
    c.type = "ost";
    c.status = "announced";
    c.person = "IU";
    c.group = "";
    c.crossover = false;
    c.work = "Queen of Tears";
    c.detected_at = "2026-05-03T10:00:00Z";
    add(c);
    // Recent enough for --since.
    TestEvent d;
    d.event_id = "c-recent";
    d.person = "Recent Person";
    d.detected_at = FormatRfc3339Utc(static_cast<int64_t>(std::time(nullptr)) - 3600);
    d.first_seen_at = d.detected_at;
    add(d);
    ASSERT_TRUE((*store)->WriteBatch(batch, {}, "g").ok());
  }

  std::string Run(std::vector<std::string> args, int want_rc = 0) {
    std::vector<std::string> argv = {testing::HallyuBinary(), "events", "--store", url_};
    argv.insert(argv.end(), args.begin(), args.end());
    testing::ChildProcess p(argv, dir_);
    EXPECT_EQ(p.Wait(30s), want_rc) << p.Stderr();
    return p.Stdout();
  }

  std::vector<std::string> Ids(std::vector<std::string> args) {
    args.push_back("--json");
    std::vector<std::string> ids;
    std::istringstream in(Run(args));
    for (std::string line; std::getline(in, line);) {
      ids.push_back(nlohmann::json::parse(line)["event_id"]);
    }
    return ids;
  }

  std::string dir_, url_;
};

using V = std::vector<std::string>;

TEST_P(EventsCli, FiltersAndOrdersNewestFirst) {
  EXPECT_EQ(Ids({}), (V{"c-recent", "c-b", "o-c", "c-a"}));
  EXPECT_EQ(Ids({"--type", "ost"}), (V{"o-c"}));
  EXPECT_EQ(Ids({"--status", "confirmed", "--type", "casting"}), (V{"c-recent", "c-b", "c-a"}));
  EXPECT_EQ(Ids({"--person", "eun-woo"}), (V{"c-b"}));
  EXPECT_EQ(Ids({"--work", "queen of"}), (V{"o-c", "c-a"}));
  EXPECT_EQ(Ids({"--crossover"}), (V{"c-recent", "c-b"}));  // o-c and c-a are not
  EXPECT_EQ(Ids({"--since", "7d"}), (V{"c-recent"}));
  EXPECT_EQ(Ids({"--crossover", "--work", "Queen"}), V{});
}

TEST_P(EventsCli, JsonCarriesFirstSeenAndSourceCount) {
  std::istringstream in(Run({"--person", "Cha", "--json"}));
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["version"], 2);
  EXPECT_EQ(j["status"], "confirmed");
  EXPECT_EQ(j["source_count"], 3);
  EXPECT_EQ(j["first_seen"], "2026-05-01T09:00:00Z");
  EXPECT_EQ(j["updated"], "2026-05-04T10:00:00Z");
}

TEST_P(EventsCli, PrintsReadableTable) {
  std::string out = Run({"--person", "Cha"});
  std::istringstream in(out);
  std::string header, row, rest;
  ASSERT_TRUE(std::getline(in, header));
  ASSERT_TRUE(std::getline(in, row));
  EXPECT_FALSE(std::getline(in, rest)) << out;
  EXPECT_EQ(header.rfind("UPDATED", 0), 0u) << out;
  EXPECT_NE(header.find("FIRST SEEN"), std::string::npos);
  EXPECT_NE(header.find("SOURCES"), std::string::npos);
  EXPECT_NE(row.find("2026-05-04 10:00"), std::string::npos) << row;
  EXPECT_NE(row.find("2026-05-01 09:00"), std::string::npos) << row;
  EXPECT_NE(row.find("CONFIRMED"), std::string::npos) << row;
  EXPECT_NE(row.find("Cha Eun-woo (ASTRO)"), std::string::npos) << row;
  EXPECT_NE(row.find("'Wonderful World' (MBC)"), std::string::npos) << row;
  EXPECT_NE(Run({"--person", "nobody"}).find("(no events)"), std::string::npos);
  Run({"--since", "soon"}, 2);
}

TEST_P(EventsCli, StoreComesFromConfigUnlessGivenOnTheCommandLine) {
  {
    std::ofstream cfg(dir_ + "/hallyu.yaml");
    cfg << "sink:\n  store: \"" << url_ << "\"\n";
    std::ofstream other(dir_ + "/other.yaml");
    other << "sink:\n  store: sqlite:" << dir_ << "/empty.db\n";
  }
  auto ids = [&](std::vector<std::string> argv) {
    testing::ChildProcess p(argv, dir_);
    EXPECT_EQ(p.Wait(30s), 0) << p.Stderr();
    V out;
    std::istringstream in(p.Stdout());
    for (std::string line; std::getline(in, line);) {
      out.push_back(nlohmann::json::parse(line)["event_id"]);
    }
    return out;
  };
  const std::string bin = testing::HallyuBinary();
  EXPECT_EQ(ids({bin, "--config", dir_ + "/hallyu.yaml", "events", "--json", "--type", "ost"}),
            V{"o-c"});
  // The command line wins over the file.
  EXPECT_EQ(ids({bin, "--config", dir_ + "/other.yaml", "events", "--json", "--store", url_,
                 "--type", "ost"}),
            V{"o-c"});
  EXPECT_EQ(ids({bin, "--config", dir_ + "/other.yaml", "events", "--json"}), V{});
  // A --config that does not exist is a usage error, not a silent default.
  testing::ChildProcess missing({bin, "--config", dir_ + "/nope.yaml", "events"}, dir_);
  EXPECT_EQ(missing.Wait(30s), 2);
  EXPECT_NE(missing.Stderr().find("nope.yaml"), std::string::npos) << missing.Stderr();
}

INSTANTIATE_TEST_SUITE_P(Stores, EventsCli, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Postgres" : "Sqlite"; });

}  // namespace
}  // namespace hallyu
