#include "crawler/store/event_record.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "crawler/downstream/event_format.h"
#include "tests/support/events.h"

namespace hallyu {
namespace {

TEST(EventRecord, ParsesCastingEnvelope) {
  testing::TestEvent t;
  t.source_urls = {"https://a.example/1", "https://b.example/2"};
  auto r = ParseEventRecord(testing::TestEventJson(t));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->event_id, "c-test");
  EXPECT_EQ(r->person, "Cha Eun-woo");
  EXPECT_EQ(r->person_group, "ASTRO");
  EXPECT_EQ(r->work, "Wonderful World");
  EXPECT_TRUE(r->crossover);
  EXPECT_EQ(r->sources.size(), 2u);
  EXPECT_EQ(r->detected_at, 1777626720);  // 2026-05-01T09:12:00Z
}

TEST(EventRecord, ParsesOstEnvelope) {
  testing::TestEvent t;
  t.type = "ost";
  t.status = "released";
  t.person = "IU";
  auto r = ParseEventRecord(testing::TestEventJson(t));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->person, "IU");
  EXPECT_EQ(r->song, "Test Song");
}

TEST(EventRecord, ParsesReleaseEnvelope) {
  testing::TestEvent t;
  t.type = "release";
  t.status = "announced";
  t.person = "Han Do-yoon";
  t.person_native = "한도윤";
  t.group = "";
  t.title = "Night Letter";
  t.kind = "digital_single";
  auto r = ParseEventRecord(testing::TestEventJson(t));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->type, "release");
  EXPECT_EQ(r->person, "Han Do-yoon");
  EXPECT_EQ(r->person_native, "한도윤");
  ASSERT_EQ(r->people.size(), 1u);
  EXPECT_EQ(r->people[0].native, "한도윤");
  EXPECT_EQ(r->work, "");
  EXPECT_EQ(r->title, "Night Letter");
  EXPECT_EQ(r->release_kind, "digital_single");
  t.title = "";
  t.kind = "";
  auto bare = ParseEventRecord(testing::TestEventJson(t));
  ASSERT_TRUE(bare.ok()) << bare.status().ToString();
  EXPECT_EQ(bare->title, "");
  auto j = nlohmann::json::parse(testing::TestEventJson(t));
  j["kind"] = "mixtape";
  EXPECT_EQ(ParseEventRecord(j.dump()).status().code(), ErrorCode::kCorrupt);
  j["kind"] = nullptr;
  j["status"] = "confirmed";  // a casting status on a release
  EXPECT_FALSE(ParseEventRecord(j.dump()).ok());
  j["status"] = "released";
  j.erase("artist");
  EXPECT_NE(ParseEventRecord(j.dump()).status().message().find("artist"), std::string::npos);
}

TEST(EventRecord, ParsesCollabEnvelopeWithEveryParticipant) {
  testing::TestEvent t;
  t.type = "collab";
  t.status = "released";
  t.people = {{"Seo Ha-rin", "서하린"}, {"Han Do-yoon", "한도윤"}, {"Mira Vale", ""}};
  t.title = "Paper Lanterns";
  t.cause = "children's hospital";
  auto r = ParseEventRecord(testing::TestEventJson(t));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->type, "collab");
  ASSERT_EQ(r->people.size(), 3u);
  EXPECT_EQ(r->people[2].name, "Mira Vale");
  EXPECT_EQ(r->person, "Seo Ha-rin, Han Do-yoon, Mira Vale");
  EXPECT_EQ(r->person_native, "서하린, 한도윤");
  EXPECT_EQ(r->title, "Paper Lanterns");
  EXPECT_EQ(r->cause, "children's hospital");
  auto j = nlohmann::json::parse(testing::TestEventJson(t));
  j["people"] = nlohmann::json::array();
  EXPECT_EQ(ParseEventRecord(j.dump()).status().code(), ErrorCode::kCorrupt);
  j["people"] = {{{"native", "서하린"}}};  // a participant without a name
  EXPECT_EQ(ParseEventRecord(j.dump()).status().code(), ErrorCode::kCorrupt);
  j = nlohmann::json::parse(testing::TestEventJson(t));
  j["schema"] = "hallyu.release/1";
  EXPECT_FALSE(ParseEventRecord(j.dump()).ok());
}

// A casting in a project with no title yet has work.title null (issue 14): stored as "" and
// shown as "untitled drama (tvN)"; an OST still needs its title.
TEST(EventRecord, ParsesACastingWithoutAWorkTitle) {
  auto j = nlohmann::json::parse(testing::TestEventJson({}));
  j["work"] = {{"title", nullptr}, {"native", nullptr}, {"kind", "drama"}, {"network", "tvN"}};
  auto r = ParseEventRecord(j.dump());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->work, "");
  EXPECT_EQ(r->network, "tvN");
  EXPECT_NE(FormatEventLine(*r, 1).find("untitled drama (tvN)"), std::string::npos)
      << FormatEventLine(*r, 1);
  testing::TestEvent ost;
  ost.type = "ost";
  ost.status = "released";
  auto o = nlohmann::json::parse(testing::TestEventJson(ost));
  o["work"]["title"] = nullptr;
  EXPECT_EQ(ParseEventRecord(o.dump()).status().code(), ErrorCode::kCorrupt);
}

TEST(EventRecord, RejectsMalformed) {
  EXPECT_EQ(ParseEventRecord("not json").status().code(), ErrorCode::kParse);
  EXPECT_EQ(ParseEventRecord("[1,2]").status().code(), ErrorCode::kParse);
  auto good = nlohmann::json::parse(testing::TestEventJson({}));
  for (const char* field : {"event_id", "version", "status", "person", "work", "crossover",
                            "sources", "schema", "type"}) {
    auto j = good;
    j.erase(field);
    auto r = ParseEventRecord(j.dump());
    EXPECT_EQ(r.status().code(), ErrorCode::kCorrupt) << field;
    EXPECT_NE(r.status().message().find(field), std::string::npos) << r.status().ToString();
  }
  auto j = good;
  j["status"] = "released";  // an OST status on a casting event
  EXPECT_FALSE(ParseEventRecord(j.dump()).ok());
  j = good;
  j["version"] = 0;
  EXPECT_FALSE(ParseEventRecord(j.dump()).ok());
  j = good;
  j["schema"] = "hallyu.ost/1";
  EXPECT_FALSE(ParseEventRecord(j.dump()).ok());
}

TEST(EventRecord, ParsesTimestamps) {
  EXPECT_EQ(*ParseTimestamp("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*ParseTimestamp("1970-01-01T09:00:00+09:00"), 0);
  EXPECT_EQ(*ParseTimestamp("1970-01-01T00:00:01.250Z"), 1);
  EXPECT_EQ(*ParseTimestamp("1970-01-02"), 86400);
  EXPECT_FALSE(ParseTimestamp("yesterday").ok());
  EXPECT_FALSE(ParseTimestamp("2026-13-01T00:00:00Z").ok());
  EXPECT_EQ(FormatMinuteUtc(1777626720), "2026-05-01 09:12");
}

}  // namespace
}  // namespace hallyu
