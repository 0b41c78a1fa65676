// Casting mechanisms of the thirteenth detection round (issue 14). Sentences are invented;
// the people are real names the gazetteer knows (facts), the titles are made up. Each test
// fails when its mechanism is removed.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "extractors/text/text.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
std::string Summary(const std::string& title, const std::string& text, const std::string& lang) {
  return hallyu::testing::DetectionSummary(title, text, lang);
}

// "편성은 검토 중": a review of the drama's time slot is no stage of the casting; the offer the
// network states stays in talks.
TEST(DetectorCast13, AReviewOfTheTimeSlotIsNoCastingStage) {
  EXPECT_EQ(Summary("",
                    "KBS 측은 5일 “김유정과 안효섭에게 ‘겨울 바다’ 출연 제안을 한 상태다”라고 "
                    "밝혔다. 이어 “현재 편성은 검토 중”이라는 입장을 전했다.",
                    "ko"),
            "casting Ahn Hyo-seop / 겨울 바다 (in_talks); casting Kim Yoo-jung / 겨울 바다 "
            "(in_talks)");
}

// "‘안녕? 겨울!’의 …": a Korean title in quotes holding a '?' and ending in '!' is one title; the
// sentence goes on past both marks.
TEST(DetectorCast13, AQuotedKoreanTitleWithTwoMarksIsOneTitle) {
  EXPECT_EQ(Summary("", "배우 김유미, 지승현이 ‘안녕? 겨울!’의 감초 2인방으로 캐스팅됐다.", "ko"),
            "casting Ji Seung-hyun / 안녕? 겨울! (confirmed); casting Kim Yoo-mi / 안녕? 겨울! "
            "(confirmed)");
}

// "'W'로 데뷔 4년 만에", "'W'를 통해 안방극장에 복귀한다": "debut with W" read as N years after
// the debut, and "through W" before a present or future predicate, name the news work.
TEST(DetectorCast13, ThroughTheNewWorkIsNoEarlierWork) {
  EXPECT_EQ(Summary("",
                    "한선화는 오는 가을 전파를 탈 KBS2 월화드라마 '겨울 바다'로 데뷔 4년 만에 "
                    "첫 주연을 맡게 됐다.",
                    "ko"),
            "casting Sunhwa / 겨울 바다 (confirmed)");
  EXPECT_EQ(
      Summary("", "배우 한선화가 KBS2 새 드라마 '겨울 바다'를 통해 안방극장에 복귀한다.", "ko"),
      "casting Sunhwa / 겨울 바다 (confirmed)");
}

// "캐스팅 제안한 적 없다", "제안을 받은 사실이 없다": an offer denied by the production or the
// agency is a denial, not talks.
TEST(DetectorCast13, AnOfferNeverMadeIsADenial) {
  EXPECT_EQ(Summary("",
                    "영화 '겨울 바다' 제작사 대표는 16일 “임시완 씨에게 캐스팅 제안한 적 없다”고 "
                    "밝혔다.",
                    "ko"),
            "casting Siwan / 겨울 바다 (denied)");
  EXPECT_EQ(Summary("",
                    "송혜교 소속사 관계자는 “영화 '겨울 바다' 측으로부터 캐스팅 제안을 받은 사실이 "
                    "없다”고 말했다.",
                    "ko"),
            "casting Song Hye-kyo / 겨울 바다 (denied)");
}

// "best known for starring in W1 and W2": a title joined to an earlier work by "and" (or ", and
// dramas like") is another earlier work; "positively reviewing her appearance in W3" names the
// news work.
TEST(DetectorCast13, ATitleListedWithAnEarlierWorkIsEarlierToo) {
  EXPECT_EQ(Summary("",
                    "Park Ji-hu, best known for starring in Night Ferry and Paper Crane, could "
                    "take her next lead soon. A rep for the actress told reporters she is "
                    "positively reviewing her appearance in “Winter Sea”.",
                    "en"),
            "casting Park Ji-hu / Winter Sea (reviewing)");
  EXPECT_EQ(Summary("",
                    "Park Seo-joon, who starred in the film Night Ferry, and dramas like Paper "
                    "Crane and Salt Road, is said to be in talks for his next project.",
                    "en"),
            "");
}

// "won Best Actor", "the 60th Baeksang Arts Awards": an awards story is no casting news.
TEST(DetectorCast13, AnAwardsStoryIsNoCasting) {
  EXPECT_EQ(Summary("",
                    "Lee Je-hoon and Kim Tae-ri of the drama Winter Sea won Best Actor and Best "
                    "Actress at the Baeksang Arts Awards.",
                    "en"),
            "");
}

// "'W' 캐스팅 비화를 밝혔다": an actor telling how he was cast in his current drama is no casting
// news.
TEST(DetectorCast13, ACastingBackstoryIsNoCasting) {
  EXPECT_EQ(Summary("",
                    "배우 정웅인이 SBS 수목드라마 '겨울 바다' 캐스팅 비화를 밝혔다. 그는 \"감독이 "
                    "14회까지 출연해줘야겠다고 했다\"고 말했다.",
                    "ko"),
            "");
}

// English casting phrasings: "Joining the original cast will be A and B", "A and B are teaming
// up for W" (confirmed, not "up for" a role), "We have made an offer to A" (in talks), "The role
// of X will be played by A" (confirmed).
TEST(DetectorCast13, EnglishLineUpOfferAndRolePhrasings) {
  EXPECT_EQ(Summary("",
                    "The second season of “Winter Sea” has added two names. Joining the original "
                    "cast will be Kang Ha-neul and Yang Dong-geun, Netflix said on Monday.",
                    "en"),
            "casting Kang Ha-neul / Winter Sea (confirmed); casting Yang Dong-geun / Winter Sea "
            "(confirmed)");
  EXPECT_EQ(
      Summary("", "Oh Yeon-seo and Seo In-guk are teaming up for “Winter Sea”, a KBS2 series.",
              "en"),
      "casting Oh Yeon-seo / Winter Sea (confirmed); casting Seo In-guk / Winter Sea "
      "(confirmed)");
  EXPECT_EQ(Summary("",
                    "Song Joong-ki was offered a part in “Winter Sea.” “We have made an offer to "
                    "him and are waiting to hear back,” a producer said.",
                    "en"),
            "casting Song Joong-ki / Winter Sea (in_talks)");
  EXPECT_EQ(Summary("",
                    "Hyun Bin heads the cast of the film “Winter Sea.” The role of a retired "
                    "detective will be played by Yoo Ji-tae.",
                    "en"),
            "casting Hyun Bin / Winter Sea (confirmed); casting Yoo Ji-tae / Winter Sea "
            "(confirmed)");
}

// "his film debut with Blue Harbor", "will be starring in Blue Harbor", "approached to lead
// Blue Harbor": an unquoted title right after a casting verb and its preposition (a network
// before it is no part of it).
TEST(DetectorCast13, AnUnquotedTitleAfterACastingVerb) {
  EXPECT_EQ(Summary("",
                    "Kim Seon-ho is confirmed to make his film debut with Blue Harbor, a "
                    "period thriller. Go Ara and Kang Tae-joo will also be joining the cast.",
                    "en"),
            "casting Go Ara / Blue Harbor (confirmed); casting Kang Tae-joo / Blue Harbor "
            "(confirmed); casting Kim Seon-ho / Blue Harbor (confirmed)");
  EXPECT_EQ(Summary("",
                    "Lee Yoo-mi has reportedly been approached to lead Blue Harbor, a comedy "
                    "set in a fishing town.",
                    "en"),
            "casting Lee Yoo-mi / Blue Harbor (rumored)");
  EXPECT_EQ(
      Summary("", "Industry sources say Park Seo-joon will be starring in tvN Blue Harbor.", "en"),
      "casting Park Seo-joon / Blue Harbor (rumored)");
}

// "5인의 캐스팅 라인업을 10일 공개했다": the date between the line-up and its verb keeps the cue.
TEST(DetectorCast13, ADateBetweenTheLineUpAndItsVerb) {
  EXPECT_EQ(Summary("",
                    "감독의 신작 '겨울 바다'(가제)가 강하늘, 김영광까지 2인의 캐스팅 라인업을 10일 "
                    "공개했다.",
                    "ko"),
            "casting Kang Ha-neul / 겨울 바다 (confirmed); casting Kim Young-kwang / 겨울 바다 "
            "(confirmed)");
}

// "남주혁씨에게", "서예지씨에겐": the honorific 씨 before a particle is no part of the name.
TEST(DetectorCast13, TheHonorificSsiBeforeAParticle) {
  EXPECT_EQ(StripKoreanParticle("남주혁씨에게"), "남주혁");
  EXPECT_EQ(StripKoreanParticle("서예지씨에겐"), "서예지");
  EXPECT_EQ(StripKoreanParticle("남주혁씨"), "남주혁");
  EXPECT_EQ(
      Summary("",
              "MBC 측은 31일 “수지와 남주혁씨에게 ‘겨울 바다’ 드라마 출연 제안을 한 상태다”라고 "
              "밝혔다.",
              "ko"),
      "casting Nam Joo-hyuk / 겨울 바다 (in_talks); casting Suzy / 겨울 바다 (in_talks)");
}

// "'W'(이하 S) … 'S 시즌 2'": the short form of a variety show, and a season of it, are that show.
TEST(DetectorCast13, AShowsShortFormAndSeasonAreNoDrama) {
  EXPECT_EQ(
      Summary("",
              "SBS 주말예능프로그램 '일요일 밤 겨울 캠프'(이하 겨캠)의 시즌 2 출연진이 베일을 "
              "벗고 있다. 여기에 소녀시대의 윤아, 2PM의 택연이 '겨캠 시즌 2' 출연을 "
              "확정지었다.",
              "ko"),
      "");
}

// "다니엘 헤니까지": a name the gazetteer writes as one word, written as two, is that person (not
// two shorter stage names).
TEST(DetectorCast13, AKnownNameWrittenInTwoWords) {
  EXPECT_EQ(Summary("", "조인성, 다니엘 헤니까지 tvN 드라마 '겨울 바다'에 특별출연한다.", "ko"),
            "casting Daniel Henney / 겨울 바다 (confirmed); casting Jo In-sung / 겨울 바다 "
            "(confirmed)");
}

// "'기적' 임윤아, 새 영화 <겨울 바다>에 캐스팅": a title written only right before a name is the
// person's epithet when the story names another work; one the story also writes as a plain work
// stays the work.
TEST(DetectorCast13, ATitleBeforeANameIsItsEpithet) {
  EXPECT_EQ(Summary("", "'기적' 임윤아, 새 영화 <겨울 바다>에 캐스팅", "ko"),
            "casting YoonA / 겨울 바다 (confirmed)");
  EXPECT_EQ(Summary("[캐스팅 소식] ‘미칠이’ 최정원",
                    "‘미칠이’ 최정원이 새 영화에 나선다. 장규성 감독의 신작 <겨울 바다>에 캐스팅된 "
                    "것.",
                    "ko"),
            "casting Choi Jung-won / 겨울 바다 (confirmed)");
  EXPECT_EQ(Summary("'겨울 바다' 손석구, 특별출연 확정",
                    "배우 손석구가 '겨울 바다'에 특별출연한다. '봄날'에 이은 만남이다.", "ko"),
            "casting Son Suk-ku / 겨울 바다 (confirmed)");
}

// "전혜빈은 … 베테랑 사진기자인 오유경으로 분한다": a name right before (으)로 분하다 is the
// character, not a second person of the casting.
TEST(DetectorCast13, ANameBeforeBunhadaIsTheCharacter) {
  EXPECT_EQ(
      Summary("",
              "나무엑터스 관계자는 “전혜빈이 '겨울 바다'에 출연을 확정했다”고 밝혔다. 전혜빈은 "
              "베테랑 사진기자인 오유경으로 분한다.",
              "ko"),
      "casting Jeon Hye-bin / 겨울 바다 (confirmed)");
}

}  // namespace
}  // namespace hallyu
