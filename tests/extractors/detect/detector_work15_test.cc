// Which work a story's people are bound to, fifteenth detection round. Sentences are invented;
// the people are real names the gazetteer knows (facts), the titles are made up. Each test but
// the guards fails when its mechanism is removed (checked on fb16a5c).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
constexpr auto Summary = &hallyu::testing::DetectionSummary;

// "시리즈 <W>가 … '역대급' 라인업을 꾸렸다": a one-word quote followed straight by a generic
// noun (라인업, 케미, 조합) praises that noun; the title the sentence introduces as a series is
// the work of everybody in the line-up, however near the praise stands to the cue.
TEST(DetectorWork15, PraiseBeforeAGenericNounLosesToTheIntroducedTitle) {
  EXPECT_EQ(Summary("",
                    "넷플릭스 시리즈 <푸른 계절>이 김유정, 안효섭에 이어 지승현까지 캐스팅하며 "
                    "'역대급' 라인업을 꾸렸다.",
                    "ko"),
            "casting Ji Seung-hyun / 푸른 계절 (confirmed)");  // (the two before 에 이어 were
                                                               // cast before: background)
  EXPECT_EQ(
      Summary("", "김유정과 안효섭이 영화 '겨울 바다'에서 '설렘' 케미를 예고하며 출연을 확정했다.",
              "ko"),
      "casting Ahn Hyo-seop / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
      "(confirmed)");
}

// "… 벌써 화제 모은 '넷플릭스 드라마'" over a lead that names "JTBC 드라마 'W'": a quote made of
// a platform and a kind noun is a phrase about a work; the lead's title is the work.
TEST(DetectorWork15, PlatformAndGenreQuoteLosesToTheLeadTitle) {
  EXPECT_EQ(Summary("두 배우 캐스팅 확정에 벌써 화제 모은 '넷플릭스 드라마'",
                    "내년 공개를 앞둔 JTBC 드라마 '겨울 바다'가 관심을 모으고 있다. 5일 JTBC 측은 "
                    "\"김유정과 안효섭의 출연을 확정했다\"고 전했다.",
                    "ko"),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
}

// Guard: with no title introduced as a work, a quote before 라인업 stays the story's work
// ("'W' 라인업" is that title's line-up).
TEST(DetectorWork15, AQuoteBeforeLineupStaysTheWorkWhenNothingElseIs) {
  EXPECT_EQ(Summary("", "'겨울 바다' 라인업이 공개됐다. 김유정과 안효섭이 출연을 확정했다.", "ko"),
            "casting Ahn Hyo-seop / 겨울 바다 (confirmed); casting Kim Yoo-jung / 겨울 바다 "
            "(confirmed)");
}

// "B, who also had a worldwide hit in W1, is offered …", "who recently earned praise for his
// movie W1": a relative clause telling a past success names an earlier
// work; the person's news is the story's work.
TEST(DetectorWork15, APastSuccessInARelativeClauseIsAnEarlierWork) {
  EXPECT_EQ(Summary("",
                    "Kim Go-eun will star in the upcoming film 'Night Ferry'. Gong Yoo, who also "
                    "had a worldwide hit in Goblin, is now offered the male part.",
                    "en"),
            "casting Gong Yoo / Night Ferry (in_talks); casting Kim Go-eun / Night Ferry "
            "(confirmed)");
  EXPECT_EQ(Summary("",
                    "Song Kang, who recently earned praise for his movie "
                    "Blue Hour, is in talks for a cameo in Kim Go-eun's upcoming drama. The drama "
                    "is 'Night Ferry'.",
                    "en"),
            "casting Song Kang / Night Ferry (in_talks)");
}

// "… the female lead in the director's next film: W": a colon may stand between a work noun
// and the unquoted title it introduces, where a comma may.
TEST(DetectorWork15, AColonAfterAWorkNounIntroducesTheTitle) {
  EXPECT_EQ(Summary("",
                    "Kim Go-eun is now offered the lead woman's part in the director's next film: "
                    "Night Ferry.",
                    "en"),
            "casting Kim Go-eun / Night Ferry (in_talks)");
}

// "'넷플릭스 오픈데이' 행사가 열렸다": a quote followed by 행사 names an event, no drama or film;
// a platform's line-up told at the event names no work, so nobody is cast in the event.
TEST(DetectorWork15, AnEventNameIsNoWork) {
  EXPECT_EQ(Summary("넷플릭스, 김유정·안효섭 신작 공개",
                    "5일 서울 중구에서 '넷플릭스 오픈데이' 행사가 열렸다. 이 자리에서 넷플릭스는 "
                    "김유정과 안효섭이 출연하는 새 라인업을 공개했다.",
                    "ko"),
            "");
}

// "한편 <W2> 출연을 검토하던 B는 끝내 고사했다": a sentence vetoed as a casting that fell
// through names another work; the story's work is the one its lead names.
TEST(DetectorWork15, AFellThroughSentenceNamesNoStoryWork) {
  EXPECT_EQ(Summary("",
                    "<푸른 계절>은 신예 감독의 장편 데뷔작으로 내년 봄 촬영에 들어간다. 여주인공 "
                    "자리를 두고 김유정은 출연을 긍정적으로 검토하고 있다. 한편 <겨울 바다> 출연을 "
                    "긍정적으로 검토하던 한선화는 끝내 작품을 고사했다.",
                    "ko"),
            "casting Kim Yoo-jung / 푸른 계절 (reviewing)");
}

// "the melodrama 'Secret'": a quote a work noun names is a title even when a group bears the
// same name (as a person's name already was).
TEST(DetectorWork15, AQuoteAfterAWorkNounIsATitleThoughAGroupBearsIt) {
  EXPECT_EQ(Summary("",
                    "Actor Kim Woo-bin will sing for the soundtrack of the melodrama 'Secret', his "
                    "agency said.",
                    "en"),
            "ost Kim Woo-bin / Secret (announced)");
}

// "웹툰 <W>가 드라마로 제작된다": a webtoon made into a drama lends the drama its title; the
// title set aside as a webtoon is the work of the casting that follows.
TEST(DetectorWork15, AWebtoonMadeIntoADramaLendsItsTitle) {
  EXPECT_EQ(
      Summary("", "인기 웹툰 <푸른 계절>이 드라마로 제작된다. 김유정이 주인공으로 출연을 확정했다.",
              "ko"),
      "casting Kim Yoo-jung / 푸른 계절 (confirmed)");
}

// '…아니다"면서 "현재 …': when a quotation runs over a sentence break, the closing mark glued
// to its last word and the next opening mark enclose only the connective between the two
// quotations; that is no title.
TEST(DetectorWork15, TheConnectiveBetweenTwoQuotationsIsNoTitle) {
  EXPECT_EQ(
      hallyu::testing::WorkMentions(
          "다만 아직 확정은 아니다\"면서 \"현재 제작사와 출연을 논의 중\"이라고 말했다.", "ko"),
      std::vector<std::string>{});
  // (a quoted title after a spaced word stays one)
  EXPECT_EQ(hallyu::testing::WorkMentions("김유정이 영화 \"푸른 계절\"에 출연한다.", "ko"),
            std::vector<std::string>{"푸른 계절"});
}

// "a cameo in A and B's upcoming drama": every name of the list before the possessive owns the
// drama with B (its cast); only the subject is cast.
TEST(DetectorWork15, AllOwnersOfAWorkAreItsCast) {
  EXPECT_EQ(Summary("",
                    "Song Kang is in talks to make a cameo in Kim Go-eun and Gong Yoo's upcoming "
                    "drama 'Night Ferry'.",
                    "en"),
            "casting Song Kang / Night Ferry (in_talks)");
}

}  // namespace
}  // namespace hallyu
