// The network of a casting (detection-labels.md: "broadcaster or platform as written"): the
// form the text writes, the broadcaster before the genre noun, and the story's network when
// the work's own sentence names none. And the group of a person: only when the text ties the
// person to it, as written. Sentences are invented.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::vector<Detection> Detect(const std::string& title, const std::string& text,
                              const std::string& lang) {
  auto r = hallyu::testing::ShippedDetector().Detect(
      title, text, lang, SourceRef{"u", "site.test", "t", "", "2026-01-01T00:00:00Z"});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<Detection>{};
}

// "network" of the only casting, or "(n events)".
std::string Network(const std::string& title, const std::string& text, const std::string& lang) {
  const auto d = Detect(title, text, lang);
  if (d.size() != 1) return "(" + std::to_string(d.size()) + " events)";
  return d[0].work.network;
}

TEST(DetectorFields, TheBroadcasterBeforeTheGenreNounIsNotItsCableChannel) {
  // "MBC drama" is MBC's drama, not MBC Drama Net; "KBS drama" not the KBS Drama channel
  EXPECT_EQ(
      Network("", "Actor Kim Soo-hyun will star in the upcoming MBC drama Garden of Blue Night.",
              "en"),
      "MBC");
  EXPECT_EQ(
      Network("", "Actor Kim Soo-hyun will star in the new KBS drama Garden of Blue Night.", "en"),
      "KBS");
}

TEST(DetectorFields, TheNetworkIsKeptAsWrittenAndTheIdStaysOne) {
  const auto a = Detect("", "배우 김수현이 KBS 2TV 새 드라마 '푸른 밤의 정원'에 출연한다.", "ko");
  const auto b =
      Detect("", "배우 김수현이 KBS2 새 드라마 '푸른 밤의 정원'에 출연을 확정했다.", "ko");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].work.network, "KBS 2TV");
  EXPECT_EQ(b[0].work.network, "KBS2");
  EXPECT_EQ(a[0].event_id, b[0].event_id);
  // a particle is not part of the name
  EXPECT_EQ(
      Network("", "넷플릭스는 배우 김수현이 시리즈 '푸른 밤의 정원'에 출연한다고 밝혔다.", "ko"),
      "넷플릭스");
  // an untitled project's id is made of the network's gazetteer name, whatever the spelling
  const auto u1 = Detect("", "배우 김수현이 넷플릭스 새 시리즈(제목 미정) 출연을 확정했다.", "ko");
  const auto u2 = Detect("", "배우 김수현이 Netflix 새 시리즈(제목 미정) 출연을 확정했다.", "ko");
  ASSERT_EQ(u1.size(), 1u);
  ASSERT_EQ(u2.size(), 1u);
  EXPECT_EQ(u1[0].event_id, u2[0].event_id);
}

TEST(DetectorFields, TheStorysNetworkWhenTheWorksSentenceNamesNone) {
  EXPECT_EQ(Network("김수현, '푸른 밤의 정원' 주인공 낙점",
                    "배우 김수현이 드라마 '푸른 밤의 정원' 주인공으로 출연한다. tvN은 12일 이같이 "
                    "밝혔다.",
                    "ko"),
            "tvN");
  EXPECT_EQ(Network("Kim Soo-hyun joins Garden of Blue Night",
                    "Actor Kim Soo-hyun has been cast in the drama Garden of Blue Night. The "
                    "series will air on JTBC next spring.",
                    "en"),
            "JTBC");
}

// "group – only if the text ties the person to a group"; as written.
TEST(DetectorFields, AGroupOnlyWhenTheTextTiesThePersonToItAsWritten) {
  auto group = [](const std::string& title, const std::string& text, const std::string& lang) {
    const auto d = Detect(title, text, lang);
    return d.size() == 1 ? d[0].person.group : "(" + std::to_string(d.size()) + " events)";
  };
  // a member named alone: no group, still an idol
  const auto alone = Detect("", "차은우가 새 드라마 '푸른 밤의 정원'에 출연한다.", "ko");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].person.group, "");
  EXPECT_TRUE(alone[0].person.idol);
  // tied before or after the name, in another sentence of the story, in quotes
  EXPECT_EQ(group("", "Chani of SF9 joins the drama 'Blue Garden'.", "en"), "SF9");
  EXPECT_EQ(group("Girl’s Day’s Hyeri cast in 'Blue Garden'",
                  "Hyeri will play the lead in the film 'Blue Garden'.", "en"),
            "Girl’s Day");
  EXPECT_EQ(group("", "Hyeri (‘Girl’s Day’) is cast in the new movie 'Blue Garden'.", "en"),
            "Girl’s Day");
  EXPECT_EQ(group("", "그룹 아스트로 멤버 차은우가 새 드라마 '푸른 밤의 정원'에 출연한다.", "ko"),
            "아스트로");
}

// A real name the gazetteer holds for an idol (Super Junior's Sungmin is 이성민 too) names the
// actor of that name when the story calls the person an actor and never names the group.
TEST(DetectorFields, AnActorWithAnIdolsRealNameIsNotTheIdol) {
  const auto actor = Detect("", "배우 이성민이 새 드라마 '푸른 밤의 정원'에 출연한다.", "ko");
  ASSERT_EQ(actor.size(), 1u);
  EXPECT_FALSE(actor[0].person.idol);
  EXPECT_FALSE(actor[0].person.resolved);
  EXPECT_EQ(actor[0].person.name, "이성민");
  EXPECT_FALSE(actor[0].crossover);
  const auto en = Detect("", "Actor Lee Sung-min will star in the drama 'Blue Garden'.", "en");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_FALSE(en[0].person.idol);
  // with the group, or called a singer too, it is the idol
  const auto idol = Detect("", "슈퍼주니어 이성민이 새 드라마 '푸른 밤의 정원'에 출연한다.", "ko");
  ASSERT_EQ(idol.size(), 1u);
  EXPECT_TRUE(idol[0].person.idol);
  EXPECT_EQ(idol[0].person.name, "Sungmin");
}

TEST(DetectorFields, AnIdolsStageNameThatIsACompoundSurnameStartsALongerName) {
  // "Sunwoo" is an idol's stage name and a two-syllable surname (선우): followed by a
  // given name it is the start of another person's name, not the idol
  const auto d =
      Detect("", "Sunwoo Jung-a has been cast in the new tvN drama 'Blue Garden'.", "en");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].person.name, "Sunwoo Jung-a");
  EXPECT_FALSE(d[0].person.idol);
}

TEST(DetectorFields, AVerbalNounWithJungIsAStateNotAName) {
  // "진행중" looks like surname 진 + a given name; it is "in progress"
  const auto d = Detect("",
                        "제작사 관계자는 \"주인공 캐스팅을 신중하게 진행중이다\"라며 드라마 "
                        "'푸른 밤의 정원'은 내년 방송된다고 밝혔다.",
                        "ko");
  for (const auto& e : d) EXPECT_NE(e.person.name, "진행중");
  EXPECT_TRUE(d.empty());
}

}  // namespace
}  // namespace hallyu
