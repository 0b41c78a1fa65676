// The other crossovers (issue 17): an actor's own release and joint / charity projects,
// detected from the headline and lead with the shipped rules (configs/rules/release.*,
// collab.*) and gazetteer. Sentences are invented; people are facts from the shipped
// gazetteer, titles are made up. Each test fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>

#include "extractors/detect/evaluation.h"
#include "extractors/detect/music_projects.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// See hallyu::testing::MusicSummary.
std::string Music(const std::string& title, const std::string& text) {
  return hallyu::testing::MusicSummary(title, text);
}

const Event* First(const std::vector<Detection>& ds, EventType t) {
  for (const auto& d : ds) {
    if (d.type == t) return &d;
  }
  return nullptr;
}

TEST(MusicProjects, KoreanActorReleasesADigitalSingle) {
  EXPECT_EQ(Music("",
                  "배우 추영우가 디지털 싱글 '겨울 편지'를 발매한다. 음원은 오는 12일 오후 "
                  "6시 각종 음원 사이트에서 공개된다."),
            "release 추영우 / 겨울 편지 digital_single (announced)");
  // the more specific word wins; a first mini album is an EP
  EXPECT_EQ(Music("", "그룹 유키스 출신 배우 이준영이 첫 번째 미니앨범 '마지막 춤'을 발매한다."),
            "release 이준영 / 마지막 춤 ep (announced)");
}

TEST(MusicProjects, AReleaseIsAnActorsAndItsCrossover) {
  auto r = hallyu::testing::ShippedDetector().Detect(
      "", "배우 조병규가 오는 3일 첫 싱글 '바람이 분다면'을 발매한다.", "ko", SourceRef{});
  ASSERT_TRUE(r.ok());
  const Event* e = First(*r, EventType::kRelease);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->crossover);
  EXPECT_EQ(e->release_kind, "single");
  EXPECT_EQ(e->event_id.substr(0, 2), "r-");
  // a singer's or an idol's own single is no release of this kind
  EXPECT_EQ(Music("", "가수 성시경이 10월 말 디지털 싱글 '가을 편지'를 발매한다."), "");
  EXPECT_EQ(Music("", "그룹 인피니트 남우현이 두 번째 미니앨범 '파도'를 발표한다."), "");
}

TEST(MusicProjects, EnglishActorWithTheActorInTheLead) {
  EXPECT_EQ(Music("Jo Byung-gyu drops first single 'Don't Cry' this Saturday",
                  "The Sky Castle actor will release the ballad at 6 p.m. on all major music "
                  "sites, according to HB Entertainment."),
            "release Jo Byung-gyu / Don't Cry single (announced)");
  EXPECT_EQ(Music("",
                  "Actor Kim Seon-ho will release his first single, 'Why You', on May 6, his "
                  "agency announced."),
            "release Kim Seon-ho / Why You single (announced)");
}

TEST(MusicProjects, ReleasedOnlyWhenTheTextSaysItIsOut) {
  EXPECT_EQ(Music("",
                  "배우 홍소희가 지난 26일 첫 디지털 싱글 '레몬 빛'을 온라인 음원사이트를 통해 "
                  "발표했다."),
            "release 홍소희 / 레몬 빛 digital_single (released)");
  EXPECT_EQ(Music("",
                  "Extraordinary Attorney Woo actress Park Eun-bin has released her debut "
                  "digital single album 'Present'."),
            "release Park Eun-bin / Present digital_single (released)");
  // a teaser that is out says nothing of the song
  EXPECT_EQ(Music("",
                  "배우 조병규가 신곡 '바람의 노래' 티저 영상을 공개했다. 음원은 28일 "
                  "발매된다."),
            "release 조병규 / 바람의 노래  (announced)");
}

TEST(MusicProjects, AnActorInAMusicVideoOrSingingAnOstIsNoRelease) {
  EXPECT_EQ(Music("", "배우 현빈이 가수 김범수의 신곡 '그대의 하늘' 뮤직비디오에 출연한다."), "");
  EXPECT_EQ(Music("",
                  "Actor Hwang Jung-min appears in the music video for U-Know Yunho's new "
                  "single 'Thank U'."),
            "");
  EXPECT_EQ(Music("",
                  "배우 오승아가 출연 중인 드라마 '비밀과 거짓말'의 OST '지워져 가슴아'를 직접 "
                  "불렀다."),
            "");
}

TEST(MusicProjects, ADuetJoinsAnIdolAndAnActressInTextOrder) {
  EXPECT_EQ(Music("", "그룹 NCT 도영과 배우 김민하가 듀엣곡 '가을의 온도'를 함께 부른다."),
            "collab 도영 + 김민하 / 가을의 온도 [] (announced)");
  auto r = hallyu::testing::ShippedDetector().Detect(
      "NCT's Doyoung and actress Kim Min-ha to release duet 'Falling'",
      "The two will sing together on the autumn track.", "en", SourceRef{});
  ASSERT_TRUE(r.ok());
  const Event* e = First(*r, EventType::kCollab);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->people.size(), 2u);
  EXPECT_EQ(e->people[0].name, "Doyoung");
  EXPECT_EQ(e->title, "Falling");
  EXPECT_TRUE(e->crossover);  // an idol with an actress
  EXPECT_EQ(e->event_id.substr(0, 2), "j-");
  // a collab's participants make no release of their own
  EXPECT_EQ(First(*r, EventType::kRelease), nullptr);
}

TEST(MusicProjects, CharityAndCampaignSongsKeepTheirCause) {
  EXPECT_EQ(Music("",
                  "개그맨 표인봉과 가수 공휘, 조아영이 심장병 어린이를 돕기 위한 신곡 "
                  "'하나의 마음'을 7일 발표한다."),
            "collab 표인봉 + 공휘 + 조아영 / 하나의 마음 [심장병 어린이] (announced)");
  EXPECT_EQ(Music("",
                  "MC the Max, Rumble Fish and J-Walk have come together for a charity "
                  "single, 'Winter Hands', to help needy neighbors."),
            "collab MC the Max + Rumble Fish + J-Walk / Winter Hands [needy neighbors] "
            "(announced)");
}

TEST(MusicProjects, TheSongIsTheTitleNotTheProject) {
  EXPECT_EQ(Music("",
                  "가수 정동원과 프로미스나인 박지원이 '월드 피스 프로젝트'의 첫 주자로 나서 "
                  "신곡 '러브 액츄얼리'를 28일 발매한다."),
            "collab 정동원 + 박지원 / 러브 액츄얼리 [] (announced)");
}

TEST(MusicProjects, AReleasedCollab) {
  EXPECT_EQ(Music("", "레드벨벳 슬기와 가수 황치열이 컬래버레이션 곡 '온도 차이'를 21일 공개했다."),
            "collab 슬기 + 황치열 / 온도 차이 [] (released)");
}

TEST(MusicProjects, FashionCollaborationsAndTrendStoriesAreNoCollab) {
  EXPECT_EQ(Music("",
                  "배우 한소희와 그룹 블랙핑크 제니가 한 패션 브랜드와의 컬래버레이션 화보를 "
                  "공개했다."),
            "");
  EXPECT_EQ(Music("다시 콜라보 전성시대…듀엣으로 뭉친 가수들",
                  "가요계에 듀엣 열풍이 다시 불고 있다. 아이유와 슈가가 함께한 곡이 1위에 "
                  "올랐다."),
            "");
  // one artist's own single with proceeds donated is no collab
  EXPECT_EQ(Music("", "씨엔블루 정용화가 자작곡 '별의 노래' 수익금 전액을 기부하겠다고 전했다."),
            "");
}

TEST(MusicProjects, ExplainShowsCuesAndBindings) {
  DetectExplanation ex;
  auto r = hallyu::testing::ShippedDetector().Detect(
      "", "가수 존박과 배우 전미도가 듀엣곡 '밤새 서로 미루다'를 발표한다.", "ko", SourceRef{},
      &ex);
  ASSERT_TRUE(r.ok());
  std::string all;
  for (const auto& d : ex.decisions) all += d + "\n";
  EXPECT_NE(all.find("collab.ko.joint_song"), std::string::npos) << all;
  EXPECT_NE(all.find("collab: John Park + Jeon Mi-do"), std::string::npos) << all;
}

TEST(MusicProjects, CrossoverNeedsAnIdolAndAnActor) {
  Event e;
  e.type = EventType::kCollab;
  PersonRef singer, actor, idol;
  singer.name = "A";
  actor.name = "B";
  actor.actor = true;
  idol.name = "C";
  idol.learned.idol = true;
  e.people = {singer, actor};
  EXPECT_FALSE(IsCrossover(e));
  e.people.push_back(idol);
  EXPECT_TRUE(IsCrossover(e));
  // two idols, one of whom also acts, are no crossover
  PersonRef idol_actor = idol;
  idol_actor.actor = true;
  e.people = {idol, idol_actor};
  EXPECT_FALSE(IsCrossover(e));
  e.type = EventType::kCasting;
  EXPECT_FALSE(IsCrossover(e));
}

// `hallyu eval detect` scores release and collab: strict = type, artist / participant set
// (any order), title when labelled and status; loose = type and a shared person.
TEST(MusicProjectsEval, StrictAndLooseForReleaseAndCollab) {
  const std::string jsonl =
      R"({"id":"a","lang":"ko","title":"","text":"배우 추영우가 디지털 싱글 '겨울 편지'를 발매한다.","events":[{"type":"release","artist":"추영우","title":"겨울 편지","kind":"digital_single","status":"announced"}]})"
      "\n"
      R"({"id":"b","lang":"ko","title":"","text":"가수 존박과 배우 전미도가 듀엣곡 '밤새'를 발표한다.","events":[{"type":"collab","people":["전미도","존박"],"title":"밤새","cause":null,"status":"announced"}]})"
      "\n"
      R"({"id":"c","lang":"ko","title":"","text":"배우 홍소희가 첫 디지털 싱글 '레몬'을 발표한다.","events":[{"type":"release","artist":"홍소희","title":"레몬","kind":"digital_single","status":"released"}]})"
      "\n"
      R"({"id":"d","lang":"ko","title":"","text":"가수 존박과 배우 전미도가 듀엣곡 '밤새'를 발표한다.","events":[{"type":"collab","people":["전미도","존박","로꼬"],"title":"밤새","cause":null,"status":"announced"}]})"
      "\n";
  auto r = EvaluateDetector(hallyu::testing::ShippedDetector(), jsonl);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const EvalCounts& rel = r->by.at("type:release");
  const EvalCounts& col = r->by.at("type:collab");
  // a: strict hit; c: right artist, wrong status -> loose hit, strict miss + false alarm
  EXPECT_EQ(rel.tp, 1);
  EXPECT_EQ(rel.fn, 1);
  EXPECT_EQ(rel.fp, 1);
  EXPECT_EQ(rel.loose_tp, 2);
  // b: same participants in another order -> strict; d: a participant missing -> loose only
  EXPECT_EQ(col.tp, 1);
  EXPECT_EQ(col.fn, 1);
  EXPECT_EQ(col.loose_tp, 2);
  EXPECT_EQ(r->fields.at("kind").first, 1);
  EXPECT_EQ(r->fields.at("kind").second, 1);
}

}  // namespace
}  // namespace hallyu
