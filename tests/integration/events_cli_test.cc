// `hallyu events` end to end: filters, ordering, table and JSON output, on SQLite
// and PostgreSQL stores filled through the Store API.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "crawler/store/learned_names_store.h"
#include "crawler/store/store.h"
#include "tests/support/child_process.h"
#include "tests/support/events.h"
#include "tests/support/paths.h"
#include "tests/support/schema_check.h"

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

// Issue 17: release and collab events next to casting and OST; `--person` follows one
// person across all four kinds, by any spelling the gazetteer or the learned names know.
class PersonHistoryCli : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("history");
    url_ = GetParam() ? testing::FreshPostgresUrl() : "sqlite:" + dir_ + "/e.db";
    ASSERT_FALSE(url_.empty());
    auto store = OpenStore(url_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<EventRecord> batch;
    auto add = [&](TestEvent t) {
      auto r = ParseEventRecord(testing::TestEventJson(t));
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      batch.push_back(*r);
    };
    TestEvent casting;  // Han Do-yoon acts (as the gazetteer writes him)
    casting.event_id = "c-han";
    casting.person = "Han Do-yoon";
    casting.person_native = "한도윤";
    casting.group = "";
    casting.crossover = false;
    casting.detected_at = "2026-11-01T10:00:00Z";
    add(casting);
    TestEvent ost = casting;  // ... sings an OST
    ost.event_id = "o-han";
    ost.type = "ost";
    ost.status = "released";
    ost.detected_at = "2026-11-02T10:00:00Z";
    add(ost);
    TestEvent release = casting;  // ... releases a single of his own
    release.event_id = "r-han";
    release.type = "release";
    release.status = "announced";
    release.title = "Night Letter";
    release.kind = "digital_single";
    release.crossover = true;
    release.detected_at = "2026-11-04T10:00:00Z";
    add(release);
    TestEvent collab;  // ... and joins a charity song, named third, without Hangul
    collab.event_id = "j-lanterns";
    collab.type = "collab";
    collab.status = "released";
    collab.people = {{"Seo Ha-rin", "서하린"}, {"Mira Vale", ""}, {"Han Do-yoon", ""}};
    collab.title = "Paper Lanterns";
    collab.cause = "children's hospital";
    collab.detected_at = "2026-11-03T10:00:00Z";
    add(collab);
    TestEvent other;  // someone else entirely
    other.event_id = "c-other";
    other.person = "Park Ji-an";
    other.group = "";
    other.detected_at = "2026-11-05T10:00:00Z";
    add(other);
    ASSERT_TRUE((*store)->WriteBatch(batch, {}, "g").ok());
    // A gazetteer that knows Han Do-yoon by another romanisation, and a learned-names
    // store that knows Mira Vale's Hangul name.
    std::filesystem::create_directories(dir_ + "/gaz");
    {
      std::ofstream g(dir_ + "/gaz/people.yaml");
      g << "actors:\n  - {name: Han Do-yoon, native: 한도윤, aliases: [Han Doyun]}\n";
      std::ofstream cfg(dir_ + "/hallyu.yaml");
      cfg << "state: {path: " << dir_ << "/state.db}\n"
          << "detect: {gazetteer: " << dir_ << "/gaz}\n";
    }
    auto names = LearnedNamesStore::Open(dir_ + "/state.db.names");
    ASSERT_TRUE(names.ok()) << names.status().ToString();
    LearnedFacts facts;
    facts.singer = true;
    facts.native = "미라 베일";
    ASSERT_TRUE(
        (*names)->Record("Mira Vale", facts, "https://a.test/1", "2026-11-01T00:00:00Z").ok());
  }

  std::vector<std::string> Ids(std::vector<std::string> args) {
    std::vector<std::string> argv = {testing::HallyuBinary(),
                                     "--config",
                                     dir_ + "/hallyu.yaml",
                                     "events",
                                     "--store",
                                     url_,
                                     "--json"};
    argv.insert(argv.end(), args.begin(), args.end());
    testing::ChildProcess p(argv, dir_);
    EXPECT_EQ(p.Wait(30s), 0) << p.Stderr();
    std::vector<std::string> ids;
    std::istringstream in(p.Stdout());
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      ids.push_back(j["event_id"]);
      const std::string type = j["type"];
      EXPECT_TRUE(testing::ValidatesAgainstSchema("schemas/" + type + ".json", {j.dump()}));
    }
    return ids;
  }

  std::string dir_, url_;
};

TEST_P(PersonHistoryCli, ListsReleaseAndCollabByType) {
  EXPECT_EQ(Ids({"--type", "release"}), (V{"r-han"}));
  EXPECT_EQ(Ids({"--type", "collab"}), (V{"j-lanterns"}));
  EXPECT_EQ(Ids({"--work", "lantern"}), (V{"j-lanterns"}));  // a collab's title
  EXPECT_EQ(Ids({"--type", "release", "--status", "released"}), V{});
}

TEST_P(PersonHistoryCli, PersonFollowsEveryKindNewestFirst) {
  const V all = {"r-han", "j-lanterns", "o-han", "c-han"};
  EXPECT_EQ(Ids({"--person", "Han Do-yoon"}), all);
  EXPECT_EQ(Ids({"--person", "한도윤"}), all);     // Hangul: the collab names him in English
  EXPECT_EQ(Ids({"--person", "Han Doyun"}), all);  // the gazetteer's other spelling
  EXPECT_EQ(Ids({"--person", "미라 베일"}), (V{"j-lanterns"}));  // learned Hangul name
  EXPECT_EQ(Ids({"--person", "seo ha"}), (V{"j-lanterns"}));     // any participant
  EXPECT_EQ(Ids({"--person", "Nobody Known"}), V{});
}

TEST_P(PersonHistoryCli, TableShowsTheNewKinds) {
  std::vector<std::string> argv = {testing::HallyuBinary(),
                                   "--config",
                                   dir_ + "/hallyu.yaml",
                                   "events",
                                   "--store",
                                   url_,
                                   "--person",
                                   "Han Do-yoon"};
  testing::ChildProcess p(argv, dir_);
  ASSERT_EQ(p.Wait(30s), 0) << p.Stderr();
  const std::string out = p.Stdout();
  EXPECT_NE(out.find("digital single 'Night Letter'"), std::string::npos) << out;
  EXPECT_NE(out.find("collab 'Paper Lanterns' for children's hospital"), std::string::npos) << out;
  EXPECT_NE(out.find("Seo Ha-rin, Mira Vale, Han Do-yoon"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Stores, PersonHistoryCli, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Postgres" : "Sqlite"; });

INSTANTIATE_TEST_SUITE_P(Stores, EventsCli, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Postgres" : "Sqlite"; });

}  // namespace
}  // namespace hallyu
