// Casting and OST mechanisms of the eighth detection round (issue 14), found on the dev half
// of a fresh set of real snippets nobody had tuned on. Sentences are invented; the people
// are real names the gazetteer knows (facts), the titles are made up. Each test fails when
// its mechanism is removed.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/detector.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

// "type person / work (status)" per detection, sorted, joined by "; ".
std::string Summary(const std::string& title, const std::string& text, const std::string& lang) {
  return hallyu::testing::DetectionSummary(title, text, lang);
}

// See hallyu::testing::WorkMentions.
std::vector<std::string> Works(const std::string& sentence, const std::string& lang) {
  return hallyu::testing::WorkMentions(sentence, lang);
}

// "tvN은 'W'에 배우 A, B 등을 캐스팅하고 촬영에 돌입한다": the network casts them (active
// voice, joined to the next clause); "캐스팅하고 싶은 배우" is a wish, not a casting.
TEST(DetectorFresh8, KoreanNetworkCastsAndGoesOn) {
  EXPECT_EQ(Summary("",
                    "tvN은 새 드라마 '봄날의 정원'에 배우 김선호, 김유미 등을 캐스팅하고 촬영에 "
                    "돌입한다고 5일 밝혔다.",
                    "ko"),
            "casting Kim Seon-ho / 봄날의 정원 (confirmed); casting Kim Yoo-mi / 봄날의 정원 "
            "(confirmed)");
  EXPECT_EQ(Summary("",
                    "감독은 꼭 캐스팅하고 싶은 배우로 김선호를 꼽았다. 그는 새 드라마 '봄날의 "
                    "정원'을 준비 중이다.",
                    "ko"),
            "");
}

// "보도자료를 통해 'W'의 캐스팅 현황을 공개했다": 통해 after a press release names the channel
// of the news, not an earlier work, so the story keeps its title.
TEST(DetectorFresh8, KoreanPressReleaseChannelIsNoEarlierWork) {
  EXPECT_EQ(Works("제작사 측은 1일 보도자료를 통해 '봄날의 정원'의 캐스팅 현황을 공개했다.", "ko"),
            (std::vector<std::string>{"봄날의 정원"}));
  EXPECT_EQ(Summary("",
                    "배우 김선호, 김유미가 tvN 드라마 ‘봄날의 정원’ 캐스팅 물망에 올랐다. 두 "
                    "사람은 ‘봄날의 정원’ 출연을 긍정적으로 검토하고 있다. 제작사 측은 1일 "
                    "보도자료를 통해 ‘봄날의 정원’의 캐스팅 현황을 공개했다.",
                    "ko"),
            "casting Kim Seon-ho / 봄날의 정원 (reviewing); casting Kim Yoo-mi / 봄날의 정원 "
            "(reviewing)");
}

// "A daily reported that tvN had confirmed its main cast": the report relays the network's
// own confirmation, which beats a bare report, so the casting stays confirmed.
TEST(DetectorFresh8, EnglishReportOfANetworkConfirmationIsConfirmed) {
  EXPECT_EQ(Summary("Kim Seon-ho to lead drama Moonlit Garden",
                    "Actor Kim Seon-ho is set to lead the upcoming drama Moonlit Garden. On May 2, "
                    "a daily reported that tvN had confirmed its main cast for the fantasy drama "
                    "Moonlit Garden.",
                    "en"),
            "casting Kim Seon-ho / Moonlit Garden (confirmed)");
}

// "'W' has shared stills of A and B in a new OST music video": A and B act in the video (in
// the headline too) and sing nothing; a shared video means the song is out.
TEST(DetectorFresh8, EnglishActorsInAnOstVideoAreNoSingers) {
  EXPECT_EQ(Summary("Kim Seon-ho And Kim Yoo-mi's Romance Blossoms In New OST MV",
                    "Upcoming drama “Moonlit Garden” has shared stills of Kim Seon-ho and Kim "
                    "Yoo-mi in a new OST music video! The latest OST is titled “Spring Letter,” "
                    "sung by Kim Jong-kook.",
                    "en"),
            "ost Kim Jong-kook / Moonlit Garden (released)");
}

// "2010년 방송된 드라마 'W' OST 'S'로 사랑받은 A": a drama aired in a past year is the singer's
// earlier work, its soundtrack included; the news is the new drama's OST.
TEST(DetectorFresh8, KoreanDramaAiredInAPastYearIsAnEarlierWork) {
  EXPECT_EQ(
      Works("2010년 방송된 드라마 ‘달빛 정원’ OST ‘첫눈’으로 사랑받은 진원이 돌아온다.", "ko"),
      (std::vector<std::string>{"달빛 정원 (aside)"}));
  EXPECT_EQ(Summary("",
                    "가수 진원이 KBS2 주말 드라마 ‘봄날의 정원’ OST를 3일 정오 공개한다. 2010년 "
                    "방송된 드라마 ‘달빛 정원’ OST ‘첫눈’으로 사랑받은 진원은 5년 만에 OST "
                    "가창에 나선다.",
                    "ko"),
            "ost 진원 / 봄날의 정원 (announced)");
}

// Status round (issue 14, r8 held half). "'A Garden of Rumors' … A Garden of Rumors (working
// title) has unveiled its cast": a title the story named is a title again when repeated
// without quotes, and the "Rumors" in it is no rumour cue.
TEST(DetectorFresh8, UnquotedRepeatOfAStoryTitleHoldsNoCue) {
  EXPECT_EQ(Summary("",
                    "Kim Seon-ho and Kim Yoo-mi to lead new drama 'A Garden of Rumors'. A Garden "
                    "of Rumors (working title) has unveiled its main cast.",
                    "en"),
            "casting Kim Seon-ho / A Garden of Rumors (confirmed); casting Kim Yoo-mi / A Garden "
            "of Rumors (confirmed)");
}

// "has joined the possible lineup": a candidate under discussion, not a cast member.
TEST(DetectorFresh8, PossibleLineupIsInTalks) {
  EXPECT_EQ(Summary("",
                    "Kim Seon-ho's agency said that the actor has joined the possible lineup of "
                    "the upcoming series 'Moonlit Garden'.",
                    "en"),
            "casting Kim Seon-ho / Moonlit Garden (in_talks)");
}

// "received an offer … but nothing has been decided as the actor is still reviewing": an offer
// with a review stated is `reviewing`, not `in_talks`.
TEST(DetectorFresh8, OfferButStillReviewingIsReviewing) {
  EXPECT_EQ(Summary("",
                    "Kim Seon-ho's agency said he received an offer to star in the new drama "
                    "'Moonlit Garden' but nothing has been decided as the actor is still reviewing "
                    "the project.",
                    "en"),
            "casting Kim Seon-ho / Moonlit Garden (reviewing)");
}

// A variety show the gazetteer knows (kind: variety) is no drama or film: no casting on it.
TEST(DetectorFresh8, GazetteerVarietyShowIsNoCastingWork) {
  EXPECT_EQ(
      Summary("", "Kim Seon-ho will appear on 'Running Man' next week, according to his agency.",
              "en"),
      "");
  EXPECT_EQ(Summary("",
                    "배우 김선호가 '런닝맨'에 깜짝 합류한다. SBS '런닝맨' 관계자는 \"김선호가 "
                    "'런닝맨'에 출연한다\"고 말했다.",
                    "ko"),
            "");
}

// "known for his debut in the acclaimed film 'W'", "After the much-hyped drama 'W' and its
// lead actor A dominated …": earlier works, not the news.
TEST(DetectorFresh8, DebutWorkAndLookedBackOnDramaAreEarlierWorks) {
  EXPECT_EQ(Works("Kim Seon-ho, known for his debut in the acclaimed film 'Moonlit Garden', is "
                  "considering a role in a new drama.",
                  "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)"}));
  EXPECT_EQ(Works("After the much-hyped drama \"Moonlit Garden\" and its lead actor Kim Seon-ho "
                  "dominated the first half, big stars prepare to return to the small screen.",
                  "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)"}));
}

// A headline names two people, the body gives each a work: a person named with a title in
// one sentence is cast in that title, not in the story's first one.
TEST(DetectorFresh8, APersonKeepsTheTitleNamedWithThem) {
  EXPECT_EQ(Summary("Casting rumors: Kim Seon-ho and Kim Yoo-mi",
                    "There are some interesting casting rumours lately. Kim Yoo-mi is rumoured to "
                    "be in talks for the drama 'Spring Letter'. Another "
                    "big rumour is that Kim Seon-ho is positively considering the drama 'Moonlit "
                    "Garden'.",
                    "en"),
            "casting Kim Seon-ho / Moonlit Garden (rumored); casting Kim Yoo-mi / Spring Letter "
            "(rumored)");
}

// "Cube Entertainment, representing the actor, stated to TV Report, '… one of the projects
// under consideration'": the agency speaks past an apposition, so its review is the side's
// word, not a report's, and beats the offer in the sentence before.
TEST(DetectorFresh8, AnAgencySpeaksPastAnApposition) {
  EXPECT_EQ(
      Summary("",
              "Kim Seon-ho has been offered the lead role in a new tvN drama. Cube "
              "Entertainment, representing the actor, stated to TV Report, \"'Moonlit Garden' "
              "is one of the projects under consideration.\"",
              "en"),
      "casting Kim Seon-ho / Moonlit Garden (reviewing)");
}

}  // namespace
}  // namespace hallyu
