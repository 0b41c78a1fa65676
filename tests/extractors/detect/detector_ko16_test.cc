// Korean casting and OST mechanisms of the sixteenth detection round. Sentences are invented;
// the people are real names the gazetteer knows (facts), the titles are made up. Each test was
// seen failing on 225a270 before its change.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::KoSummary;
using hallyu::testing::PersonMentions;

// "각종 온라인 음원사이트를 통해 'W' OST를 공개한다": 통해 after a music site names where the
// song comes out, not the singer's earlier work; the drama stays the story's.
TEST(DetectorKo16, AMusicSiteIsWhereTheSongComesOut) {
  EXPECT_EQ(KoSummary("",
                      "가수 거미는 16일 정오 각종 온라인 음원사이트를 통해 '겨울 바다' OST "
                      "Part.3 '첫눈'을 공개한다."),
            "ost Gummy / 겨울 바다 (announced)");
}

// "A·B 등 배우 4인, 'W' 캐스팅" + a sentence listing all four + "라인업을 공개했다": the
// sentence that names every person of the headline and more is the line-up the nameless cue
// after it speaks of.
TEST(DetectorKo16, AFullLineUpAfterTheHeadlineIsTheCast) {
  EXPECT_EQ(KoSummary("김유정·안효섭 등 배우 4인, 넷플릭스 '겨울 바다' 캐스팅",
                      "넷플릭스가 김유정과 안효섭, 현빈, 장동건 등 배우 4인을 앞세워 새 시리즈 "
                      "'겨울 바다' 제작에 들어간다. 10일 넷플릭스 측은 새 시리즈 '겨울 바다'의 "
                      "배우 라인업을 공개했다."),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed); casting Hyun Bin / 겨울 바다 "
            "(confirmed); casting Jang Dong-gun / 겨울 바다 (confirmed); casting Kim Yoo-jung / "
            "겨울 바다 (confirmed)");
  // (a sentence telling the person's past with others, her topic, is no line-up)
  EXPECT_EQ(KoSummary("김유정, '겨울 바다' 주인공 낙점",
                      "김유정은 안효섭, 현빈과 같은 소속사다. 이번 작품에서는 해녀 역을 "
                      "맡는다."),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
}

// The same for OST runners: "'W' OST 바통 A가 잇는다" + "A, B가 이어받는다" + a nameless
// release sentence.
TEST(DetectorKo16, AFullOstLineUpAfterTheHeadlineSings) {
  EXPECT_EQ(KoSummary("'겨울 바다' OST 바통 거미가 잇는다",
                      "드라마 '겨울 바다' OST 바통을 가수 거미, 케이윌이 이어받는다. 두 사람이 "
                      "부른 OST가 오는 19일 차례로 발매된다."),
            "ost Gummy / 겨울 바다 (announced); ost K.Will / 겨울 바다 (announced)");
}

// "캐스팅된 A는 출연을 검토 중인 것으로 알려졌다": a report that tells the casting and the
// person's review of it puts the person at the review; the name with its topic particle is
// the sentence's subject, no co-star.
TEST(DetectorKo16, AReportedCastingStillUnderReviewIsAReview) {
  EXPECT_EQ(KoSummary("",
                      "영화 '겨울 바다'는 바닷가 마을에서 벌어지는 사건을 그린다. 여주인공으로 "
                      "캐스팅된 김유정은 출연을 검토 중인 것으로 알려졌다."),
            "casting Kim Yoo-jung / 겨울 바다 (reviewing)");
}

// "A의 출연이 백지화됐다": a casting scrapped is no casting.
TEST(DetectorKo16, AScrappedCastingIsNoCasting) {
  EXPECT_EQ(KoSummary("",
                      "최근 드라마 '겨울 바다'에 주인공으로 캐스팅된 김유정의 출연이 "
                      "백지화됐다."),
            "");
}

// "A는 B가 출연을 확정한 드라마 'W'의 … 역을 맡았다": B, the subject of a clause modifying the
// work, is its cast before the news; the news is the sentence's subject A.
TEST(DetectorKo16, TheCastOfAClauseModifyingTheWorkIsBackground) {
  EXPECT_EQ(KoSummary("",
                      "김유정은 안효섭이 출연을 확정한 드라마 '겨울 바다'의 여주인공 역을 "
                      "맡았다."),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
}

// "차기작으로 'W'를 택했다", "'W' 출연을 알렸다": a choice of the next work and an appearance
// made known are castings (a next work still under review stays a review).
TEST(DetectorKo16, ANextWorkChosenOrAnAppearanceMadeKnownIsACasting) {
  EXPECT_EQ(KoSummary("", "배우 김유정이 차기작으로 영화 '겨울 바다'를 택했다."),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
  EXPECT_EQ(KoSummary("", "배우 안효섭이 tvN 새 드라마 '겨울 바다' 출연을 알렸다."),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed)");
  EXPECT_EQ(KoSummary("", "배우 김유정이 차기작으로 '겨울 바다' 출연을 검토하고 있다."),
            "casting Kim Yoo-jung / 겨울 바다 (reviewing)");
}

// "OST 라인업으로 A, B, C를 확정했다": the commas of a Korean list of singers split no clause;
// every name of the list sings.
TEST(DetectorKo16, EveryNameOfAnOstListSings) {
  EXPECT_EQ(KoSummary("", "'겨울 바다' 제작진은 OST 라인업으로 거미, 케이윌, 백현을 확정했다."),
            "ost Baekhyun / 겨울 바다 (announced); ost Gummy / 겨울 바다 (announced); ost "
            "K.Will / 겨울 바다 (announced)");
}

// "OST에 A, B, C 등이 이름을 올렸다", "OST 세 번째 주인공은 A다": a name put on the OST and the
// nth one it features are its singers.
TEST(DetectorKo16, ANamePutOnTheOstSings) {
  EXPECT_EQ(KoSummary("", "'겨울 바다' OST에는 거미, 케이윌 등 쟁쟁한 가수들이 이름을 올렸다."),
            "ost Gummy / 겨울 바다 (announced); ost K.Will / 겨울 바다 (announced)");
  EXPECT_EQ(KoSummary("", "'겨울 바다' OST 세 번째 주인공은 가수 거미다."),
            "ost Gummy / 겨울 바다 (announced)");
  // (a song that makes it onto a chart is no name put on the OST)
  EXPECT_EQ(KoSummary("",
                      "'겨울 바다' OST '첫눈'이 음원 차트에 이름을 올렸다. 이 곡은 거미가 "
                      "불렀다."),
            "");
}

// "블랙핑크 지수가 연인으로 등장한다": the member named right after the group fills its slot;
// the word after her is no second member.
TEST(DetectorKo16, TheWordAfterAGroupsMemberIsNoSecondMember) {
  EXPECT_EQ(PersonMentions("영화 '겨울 바다'에서 블랙핑크 지수가 연인으로 등장한다.", "ko"),
            (std::vector<std::string>{"지수"}));
}

// "일부만 선 공개됐다": 선 before 공개 is the prefix of 선공개 written apart, no one-syllable
// stage name.
TEST(DetectorKo16, SeonBeforeGonggaeIsNoName) {
  const std::vector<std::string> names =
      PersonMentions("세 번째 OST는 하이라이트 일부만 선 공개됐다.", "ko");
  EXPECT_EQ(std::count(names.begin(), names.end(), "선"), 0);
}

// "음원을 이날 오후 6시 공개했다", "OST를 10일 발표했다": a release told in the past tense, on
// the day of the news or a date, is out.
TEST(DetectorKo16, ASongPublishedThatDayIsOut) {
  EXPECT_EQ(KoSummary("",
                      "가수 거미는 드라마 '겨울 바다' OST '첫눈' 음원을 이날 오후 6시 "
                      "공개했다."),
            "ost Gummy / 겨울 바다 (released)");
  EXPECT_EQ(KoSummary("", "가수 거미가 드라마 '겨울 바다'의 OST를 10일 발표했다."),
            "ost Gummy / 겨울 바다 (released)");
}

// "드라마 'W'의 마지막 OST가 공개됐다. 'S'는 A가 부른 발라드다": one unknown title in a later
// sentence, tied neither to the OST nor to a drama noun, is the song of the drama the story
// named first (a title written before "OST" stays the work: "드라마 'W1' 2부 'W2' OST").
TEST(DetectorKo16, AnUnknownTitleInALaterSentenceIsTheSong) {
  EXPECT_EQ(KoSummary("",
                      "드라마 '겨울 바다'의 마지막 OST가 공개됐다. '첫눈'은 거미가 부른 "
                      "발라드다."),
            "ost Gummy / 겨울 바다 (released)");
  EXPECT_EQ(KoSummary("",
                      "드라마 '사계절 이야기' 2부 '첫눈' OST가 10일 발매된다. 그룹 엑소 백현이 "
                      "가창을 맡았다."),
            "ost Baekhyun / 첫눈 (announced)");
}

// "웹드라마 'W'": a title the text calls a drama is one, even when the gazetteer knows a variety
// show of that name (Korean kind nouns need no word boundary).
TEST(DetectorKo16, ATitleTheTextCallsADramaIsOne) {
  EXPECT_EQ(KoSummary("", "배우 김유정이 웹드라마 '런닝맨' 주인공으로 캐스팅됐다."),
            "casting Kim Yoo-jung / Running Man (confirmed)");
}

// Headline telegraphese: "A 'W' 출연…" is a casting; a music video appearance stays none, and
// so does "화제의 주인공이 됐다" (the talk of the town, no lead role).
TEST(DetectorKo16, HeadlineTelegraphese) {
  const std::string body = "자세한 내용은 추후 공개된다.";
  EXPECT_EQ(KoSummary("김유정 '겨울 바다' 출연…2년 만에", body),
            "casting Kim Yoo-jung / 겨울 바다 (confirmed)");
  EXPECT_EQ(KoSummary("", "배우 김유정이 드라마 '겨울 바다' 명장면으로 화제의 주인공이 됐다."), "");
  EXPECT_EQ(KoSummary("안효섭 '겨울 바다' 출연…3년 만에 안방 복귀", body),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed)");
  EXPECT_EQ(KoSummary("김유정, 가수 거미 신곡 뮤직비디오 출연", body), "");
}

// "출연 중인 A 역시 … 역에 캐스팅됐다": 역시 / 또한 after a bare three-syllable name stand
// where its particle would; the name is a person.
TEST(DetectorKo16, ANameBeforeYeoksiIsAPerson) {
  const std::vector<std::string> names =
      PersonMentions("드라마 '봄날의 기억'에 출연 중인 강하린 역시 여경 역에 캐스팅됐다.", "ko");
  EXPECT_EQ(std::count(names.begin(), names.end(), "강하린"), 1);
}

// "A도 'W'의 제작자로 나서는데, B가 출연을 검토 중이다": A's own clause makes A the maker; only
// B is cast.
TEST(DetectorKo16, TheMakerOfTheWorkIsNoCastMember) {
  EXPECT_EQ(KoSummary("",
                      "배우 정우성도 넷플릭스 새 시리즈 '겨울 바다'의 제작자로 나서는데, "
                      "김유정이 출연을 검토 중이다."),
            "casting Kim Yoo-jung / 겨울 바다 (reviewing)");
}

// "OST까지 직접 부른 배우는?": a headline asking which stars did something heads a roundup or
// a trivia piece; its examples are no news.
TEST(DetectorKo16, AHeadlineAskingWhichStarsIsARoundup) {
  EXPECT_EQ(
      KoSummary("OST까지 직접 부른 배우는?", "배우 김유정이 드라마 '겨울 바다' OST를 부른다."), "");
}

// "첫 주자로 나선 A의 'S'를 시작으로 여러 가수가 힘을 보태고 있다": in a later sentence the
// singer before 시작으로 opened the series; the news is the story's singer.
TEST(DetectorKo16, TheSingerWhoOpenedTheSeriesIsBackground) {
  EXPECT_EQ(KoSummary("",
                      "가수 케이윌이 드라마 '겨울 바다' OST Part.4를 부른다. 지난달 첫 주자로 "
                      "나선 거미의 '첫눈'을 시작으로 여러 가수가 힘을 보태고 있다."),
            "ost K.Will / 겨울 바다 (announced)");
}

}  // namespace
}  // namespace hallyu
