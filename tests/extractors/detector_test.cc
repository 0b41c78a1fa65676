#include "extractors/detector.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "extractors/event_merger.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::SourcePath;

const Detector& TheDetector() {
  static const Detector* d = [] {
    auto r = Detector::Load(SourcePath("configs/rules"), SourcePath("configs/gazetteer"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new Detector(std::move(*r));
  }();
  return *d;
}

SourceRef Src(const std::string& url) {
  return SourceRef{url, "site.test", "t", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"};
}

std::vector<Detection> DetectIn(const std::string& title, const std::string& text,
                                const std::string& lang = "auto", const std::string& url = "u") {
  auto r = TheDetector().Detect(title, text, lang, Src(url));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<Detection>{};
}

TEST(Detector, EnglishAndKoreanReportsShareOneEventId) {
  auto en = DetectIn("ASTRO's Cha Eun-woo confirmed to star in MBC's 'Wonderful World'", "");
  auto ko = DetectIn("아스트로 차은우, '원더풀 월드' 출연 확정", "");
  ASSERT_EQ(en.size(), 1u);
  ASSERT_EQ(ko.size(), 1u);
  EXPECT_EQ(en[0].event_id, ko[0].event_id);
  EXPECT_EQ(ko[0].person.name, "Cha Eun-woo");
  EXPECT_EQ(ko[0].person.native, "차은우");
  EXPECT_EQ(ko[0].person.group, "ASTRO");
  EXPECT_TRUE(ko[0].crossover);
  EXPECT_EQ(ko[0].work.title, "Wonderful World");
  EXPECT_EQ(ko[0].evidence.lang, "ko");
}

TEST(Detector, RomanisationVariantsResolveToOnePerson) {
  for (const char* name : {"Cha Eun-woo", "Cha Eunwoo", "Cha Eun Woo"}) {
    auto d = DetectIn(std::string(name) + " confirmed to star in 'Wonderful World'", "");
    ASSERT_EQ(d.size(), 1u) << name;
    EXPECT_EQ(d[0].person.name, "Cha Eun-woo");
    EXPECT_TRUE(d[0].person.resolved);
  }
}

TEST(Detector, UnknownPeopleAreReportedUnresolved) {
  auto d = DetectIn("Rookie actress Seo Ji-an cast in 'Paper Crown'", "");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].person.name, "Seo Ji-an");
  EXPECT_FALSE(d[0].person.resolved);
  EXPECT_FALSE(d[0].crossover);
  EXPECT_FALSE(d[0].work.resolved);
}

TEST(Detector, MultiPersonCastingGivesOneEventEach) {
  auto en =
      DetectIn("Kim Ji-won, Park Bo-gum and Song Kang confirmed to star in tvN's 'Blue Hour'", "");
  ASSERT_EQ(en.size(), 3u);
  EXPECT_EQ(en[2].person.name, "Song Kang");
  auto ko = DetectIn("김지원·박보검·송강, '블루 아워' 출연 확정", "");
  ASSERT_EQ(ko.size(), 3u);
  EXPECT_NE(ko[0].event_id, ko[1].event_id);
}

TEST(Detector, StatusesInBothLanguages) {
  EXPECT_EQ(DetectIn("Suzy in talks to star in 'Genie'", "").at(0).status, "in_talks");
  EXPECT_EQ(DetectIn("수지, '지니' 출연 제안 받아", "").at(0).status, "in_talks");
  EXPECT_EQ(DetectIn("Suzy positively reviewing offer for 'Genie'", "").at(0).status, "reviewing");
  EXPECT_EQ(DetectIn("수지, '지니' 출연 긍정 검토", "").at(0).status, "reviewing");
  EXPECT_EQ(DetectIn("Suzy reportedly cast in 'Genie'", "").at(0).status, "rumored");
  EXPECT_EQ(DetectIn("수지가 '지니'에 출연할 것으로 알려졌다.", "").at(0).status, "rumored");
  EXPECT_EQ(DetectIn("Suzy's agency denies reports she will star in 'Genie'", "").at(0).status,
            "denied");
  EXPECT_EQ(DetectIn("수지 측 \"'지니' 출연 사실무근\"", "").at(0).status, "denied");
}

TEST(Detector, OstWithPartSongAndCrossover) {
  auto d = DetectIn("", "10CM가 '눈물의 여왕' OST Part.3 '그대만 보여요'를 발매했다.");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].type, EventType::kOst);
  EXPECT_EQ(d[0].status, "released");
  EXPECT_EQ(d[0].part, 3);
  EXPECT_EQ(d[0].song, "그대만 보여요");
  EXPECT_FALSE(d[0].crossover);  // a vocalist, neither idol nor actor
  auto actor = DetectIn("Park Bo-gum to sing OST for 'Moving'", "");
  ASSERT_EQ(actor.size(), 1u);
  EXPECT_TRUE(actor[0].crossover);  // an actor singing
  auto idol = DetectIn("태연이 tvN '선재 업고 튀어' OST 세 번째 주자로 나선다.", "");
  ASSERT_EQ(idol.size(), 1u);
  EXPECT_EQ(idol[0].part, 3);
  EXPECT_TRUE(idol[0].crossover);  // an idol singing
}

TEST(Detector, HardNegativesDoNotFire) {
  EXPECT_TRUE(
      DetectIn("Cha Eun-woo confirmed to appear on variety show 'Running Man'", "").empty());
  EXPECT_TRUE(DetectIn("IU releases sixth mini-album 'The Winning' with title track 'Shopper'", "")
                  .empty());
  EXPECT_TRUE(
      DetectIn("Kim Soo-hyun, who starred in 'Queen of Tears', to hold fan meeting", "").empty());
  EXPECT_TRUE(DetectIn("극 중 차은우는 '이수호' 역을 맡아 출연한다.", "").empty());
  EXPECT_TRUE(DetectIn("차은우가 예능 '런닝맨' 출연을 확정했다.", "").empty());
}

TEST(Detector, FindsAnnouncementInsideLongBody) {
  std::string body;
  for (int i = 0; i < 200; ++i) body += "The weather in Seoul was mild today and fans gathered. ";
  body += "Meanwhile, Lee Do-hyun lands lead role in Coupang Play series 'Grand Hotel'. ";
  for (int i = 0; i < 200; ++i) body += "Tickets sold out within minutes. ";
  auto d = DetectIn("Weekend news roundup", body, "en");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].person.name, "Lee Do-hyun");
  EXPECT_EQ(d[0].work.network, "Coupang Play");
}

TEST(Detector, RejectsUnknownLanguage) {
  auto r = TheDetector().Detect("t", "x", "fr", Src("u"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
}

TEST(Detector, PathologicalInputsStayBounded) {
  // No sentence breaks, 8 MiB (beyond max_text_bytes), trigger words everywhere.
  std::string huge;
  while (huge.size() < (8u << 20)) huge += "cast star OST 출연 캐스팅 'x' Aaaa Bbbb ";
  auto r = TheDetector().Detect("", huge, "auto", Src("u"));
  ASSERT_TRUE(r.ok());
  EXPECT_LE(r->size(), 64u);
  // Invalid UTF-8 around an announcement: evidence is valid UTF-8 and JSON dumps.
  std::string bad = "\xFF\xFE Cha Eun-woo confirmed to star in 'Wonderful World' \xC3(\xE2\x82";
  auto d = DetectIn(bad, bad);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NO_THROW((void)ToJson(d[0]).dump());
  // Deeply repeated quotes and separators cannot make RE2 backtrack.
  std::string quotes(1 << 20, '\'');
  EXPECT_TRUE(DetectIn(quotes, quotes, "en").empty());
  std::string commas;
  while (commas.size() < (1u << 20)) commas += "Kim, ";
  EXPECT_TRUE(DetectIn("", commas + " cast in", "en").empty());
}

TEST(EventJson, DocumentedShape) {
  auto d = DetectIn("ASTRO's Cha Eun-woo cast as Lee Su-ho in tvN's 'True Beauty'", "");
  ASSERT_EQ(d.size(), 1u);
  const auto j = ToJson(d[0]);
  EXPECT_EQ(j["schema"], "hallyu.casting/1");
  EXPECT_EQ(j["type"], "casting");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["status"], "confirmed");
  EXPECT_EQ(j["person"]["name"], "Cha Eun-woo");
  EXPECT_EQ(j["person"]["native"], "차은우");
  EXPECT_EQ(j["person"]["group"], "ASTRO");
  EXPECT_EQ(j["person"]["idol"], true);
  EXPECT_EQ(j["person"]["resolved"], true);
  EXPECT_EQ(j["work"]["title"], "True Beauty");
  EXPECT_EQ(j["work"]["native"], "여신강림");
  EXPECT_EQ(j["work"]["network"], "tvN");
  EXPECT_EQ(j["role"], "Lee Su-ho");
  EXPECT_EQ(j["crossover"], true);
  EXPECT_EQ(j["evidence"]["lang"], "en");
  EXPECT_EQ(j["sources"][0]["url"], "u");
  EXPECT_TRUE(j["event_id"].get<std::string>().rfind("c-", 0) == 0);
  EXPECT_TRUE(j.contains("first_seen_at") && j.contains("detected_at") && j.contains("confidence"));
  auto back = EventFromJson(j);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(ToJson(*back), j);
  auto ost = DetectIn("IU to sing OST for 'Queen of Tears'", "");
  ASSERT_EQ(ost.size(), 1u);
  const auto o = ToJson(ost[0]);
  EXPECT_EQ(o["schema"], "hallyu.ost/1");
  EXPECT_TRUE(o.contains("artist") && !o.contains("person"));
  EXPECT_TRUE(o.contains("song") && o.contains("part"));
}

TEST(EventMerger, SourcesAccumulateAndStatusChangesBumpVersion) {
  MemoryMergeState state;
  EventMerger merger(&state);
  auto talks = TheDetector().Detect("Cha Eun-woo in talks to star in 'Wonderful World'", "", "auto",
                                    Src("https://a.test/1"));
  ASSERT_TRUE(talks.ok() && talks->size() == 1);
  auto m1 = merger.Merge((*talks)[0]);
  ASSERT_TRUE(m1.ok());
  EXPECT_EQ(m1->kind, MergeKind::kNew);
  EXPECT_EQ(m1->event.version, 1);
  // Same facts from another outlet: a source, not a version.
  auto again = TheDetector().Detect("차은우, '원더풀 월드' 출연 제안 받아", "", "auto",
                                    Src("https://b.test/2"));
  ASSERT_TRUE(again.ok() && again->size() == 1);
  auto m2 = merger.Merge((*again)[0]);
  ASSERT_TRUE(m2.ok());
  EXPECT_EQ(m2->kind, MergeKind::kSourceAdded);
  EXPECT_FALSE(m2->publish());
  EXPECT_EQ(m2->event.version, 1);
  EXPECT_EQ(m2->event.sources.size(), 2u);
  // Exactly the same report again: nothing new.
  auto m3 = merger.Merge((*again)[0]);
  ASSERT_TRUE(m3.ok());
  EXPECT_EQ(m3->kind, MergeKind::kDuplicate);
  // Confirmed: version 2.
  auto conf = TheDetector().Detect("Cha Eun-woo confirmed to star in 'Wonderful World'", "", "auto",
                                   Src("https://c.test/3"));
  auto m4 = merger.Merge((*conf)[0]);
  ASSERT_TRUE(m4.ok());
  EXPECT_EQ(m4->kind, MergeKind::kNewVersion);
  EXPECT_EQ(m4->event.version, 2);
  EXPECT_EQ(m4->event.status, "confirmed");
  EXPECT_EQ(m4->event.first_seen_at, m1->event.first_seen_at);
  // A late "in talks" report does not downgrade.
  auto m5 = merger.Merge((*talks)[0]);
  ASSERT_TRUE(m5.ok());
  EXPECT_EQ(m5->event.status, "confirmed");
  EXPECT_EQ(m5->event.version, 2);
  // Denied: version 3.
  auto den = TheDetector().Detect("차은우 측 \"'원더풀 월드' 출연 사실무근\"", "", "auto",
                                  Src("https://d.test/4"));
  ASSERT_TRUE(den.ok() && den->size() == 1);
  auto m6 = merger.Merge((*den)[0]);
  ASSERT_TRUE(m6.ok());
  EXPECT_EQ(m6->event.status, "denied");
  EXPECT_EQ(m6->event.version, 3);
  EXPECT_EQ(m6->event.sources.size(), 4u);
  EXPECT_EQ(state.size(), 1u);
}

}  // namespace
}  // namespace hallyu
