// Which work a casting is about, when the text names several (issue 14, ninth round): the
// works of a person's filmography are background, the title that follows an earlier one is
// the news. Sentences are invented; the people are real names the gazetteer knows (facts),
// the titles are made up. Each test failed before its mechanism was added.

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

// A part described before its title ("her leading role as … in W", "roles such as … in
// W", "his last role as … in 2019's W", "including a cameo in the film W") names a work of the
// person's filmography, not the news.
TEST(DetectorWorks9, EnglishPartDescribedBeforeATitleIsFilmography) {
  EXPECT_EQ(Works("Kim Yoo-mi, known for her leading role as lawyer Han Seo-ra in 'Moonlit "
                  "Garden', will star in 'Spring Letters'.",
                  "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)", "Spring Letters"}));
  EXPECT_EQ(Works("Kim Yoo-mi, known for her leading role as the villainous soprano Han Seo-ra in "
                  "'Moonlit Garden', will star in 'Spring Letters'.",
                  "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)", "Spring Letters"}));
  // (a quote left open before a title the gazetteer knows)
  EXPECT_EQ(
      Works("She played roles such as an athlete in ‘Weightlifting Fairy Kim Bok Joo, and "
            "will star in 'Spring Letters'.",
            "en"),
      (std::vector<std::string>{"Weightlifting Fairy Kim Bok Joo (aside)", "Spring Letters"}));
  // (one who takes the role up again now is in the news)
  EXPECT_EQ(
      Works("Kim Yoo-mi will reprise her role as lawyer Han Seo-ra in 'Moonlit Garden 2'.", "en"),
      (std::vector<std::string>{"Moonlit Garden 2"}));
  EXPECT_EQ(Works("The actress has played many roles such as a fencer in ‘Moonlit Garden’.", "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)"}));
  EXPECT_EQ(Works("It has been two years since his last role as a doctor in 2019’s “Moonlit "
                  "Garden”.",
                  "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)"}));
  // (a title the gazetteer knows as a film, which no "not a drama" veto marks)
  EXPECT_EQ(Works("He is known for many dramas and films including a cameo in the Oscar-winning "
                  "film Parasite.",
                  "en"),
            (std::vector<std::string>{"Parasite (aside)"}));
}

// "A has confirmed his role in 'W'": a role the sentence gives the person now is the news,
// not a part of the filmography.
TEST(DetectorWorks9, EnglishRoleConfirmedNowIsTheNews) {
  EXPECT_EQ(Works("A representative said, “Kim Seon-ho has confirmed his role in ‘Spring "
                  "Letters’.”",
                  "en"),
            (std::vector<std::string>{"Spring Letters"}));
}

// "After W, A is confirmed to appear in …": a title opening the sentence after "after" is the
// earlier work.
TEST(DetectorWorks9, EnglishTitleAfterOpeningAfterIsEarlier) {
  EXPECT_EQ(Works("After 'Moonlit Garden', Kim Seon-ho is confirmed to appear in tvN’s new drama "
                  "'Spring Letters'.",
                  "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)", "Spring Letters"}));
}

// A title dated in brackets ("'W' (2019)", "‘W’(2009)") is a filmography entry.
TEST(DetectorWorks9, TitleDatedInBracketsIsFilmography) {
  EXPECT_EQ(Works("He made his name in 'Moonlit Garden' (2019).", "en"),
            (std::vector<std::string>{"Moonlit Garden (aside)"}));
  EXPECT_EQ(Works("‘봄날의 정원’(2009), ‘여름 편지’(2012)를 연출한 김 PD가 맡는다.", "ko"),
            (std::vector<std::string>{"봄날의 정원 (aside)", "여름 편지 (aside)"}));
}

// "‘W1’(2019) 이후 ‘W2’에 캐스팅": after a title, 이후 makes the title after it the new one.
TEST(DetectorWorks9, KoreanTitleAfterATitleAndIhuIsTheNewOne) {
  EXPECT_EQ(Works("배우 김유미가 ‘봄날의 정원’ 이후 ‘가을 편지’에 캐스팅됐다.", "ko"),
            (std::vector<std::string>{"봄날의 정원 (aside)", "가을 편지"}));
  EXPECT_EQ(Summary("", "배우 김유미가 ‘봄날의 정원’(2009) 이후 ‘가을 편지’에 캐스팅됐다.", "ko"),
            "casting Kim Yoo-mi / 가을 편지 (confirmed)");
}

// "an upcoming rom-com K-drama, Island Diva": the K-noun after a genre word is not the start
// of the title.
TEST(DetectorWorks9, EnglishKNounAfterAGenreWordIsNoTitle) {
  EXPECT_EQ(Works("Kim Seon-ho has been cast in an upcoming rom-com K-drama, Island Diva (literal "
                  "translation).",
                  "en"),
            (std::vector<std::string>{"Island Diva"}));
  EXPECT_EQ(
      Summary("", "Kim Seon-ho has been cast in an upcoming rom-com K-drama, Island Diva.", "en"),
      "casting Kim Seon-ho / Island Diva (confirmed)");
}

// "‘남다른’ <W>": a short adnominal word quoted right before a title describes it.
TEST(DetectorWorks9, KoreanQuotedModifierBeforeATitleIsNoTitle) {
  EXPECT_EQ(Works("[캐스팅 소식] 김선호·김유미의 ‘남다른’ <가족의 정원> 外", "ko"),
            (std::vector<std::string>{"가족의 정원"}));
}

// "'W1'은 'W2' 제작사 대표와 이야기를 끝낸 후 출연을 확정": the title that only names the people
// of a production yields to the other title of the sentence.
TEST(DetectorWorks9, KoreanTitleOfTheMakersYields) {
  EXPECT_EQ(Summary("",
                    "배우 김유미 측은 \"'가을 편지'는 '봄날의 정원' 제작사 대표와 이야기를 "
                    "끝낸 후 출연을 확정한 것\"이라고 밝혔다.",
                    "ko"),
            "casting Kim Yoo-mi / 가을 편지 (confirmed)");
}

// "Detective Han Seo Ra: A & B are reviewing … ‘Detective Han Seo Ra’": a digest item opens
// with the title unquoted; the name inside the repeated title is part of it, no person.
TEST(DetectorWorks9, TitleRepeatedUnquotedHoldsNoPerson) {
  EXPECT_EQ(Summary("",
                    "Detective Han Seo Ra: Kim Seon-ho & Kim Yoo-mi are positively reviewing the "
                    "offer from MBC’s upcoming drama ‘Detective Han Seo Ra‘.",
                    "en"),
            "casting Kim Seon-ho / Detective Han Seo Ra (reviewing); casting Kim Yoo-mi / "
            "Detective Han Seo Ra (reviewing)");
}

// "예능드라마 'W'": a variety drama with a cast is a drama (label rules); a variety show is not.
TEST(DetectorWorks9, KoreanVarietyDramaIsADrama) {
  EXPECT_EQ(Summary("", "배우 김선호, 김유미가 예능드라마 '봄날의 정원' 출연을 확정했다.", "ko"),
            "casting Kim Seon-ho / 봄날의 정원 (confirmed); casting Kim Yoo-mi / 봄날의 정원 "
            "(confirmed)");
  EXPECT_EQ(Summary("", "배우 김선호가 예능 '봄날의 정원'에 출연한다.", "ko"), "");
}

// "<W1> <W2> 등에 출연하며 …": the list of works someone appeared in is filmography.
TEST(DetectorWorks9, KoreanListOfWorksAppearedInIsFilmography) {
  EXPECT_EQ(Summary("",
                    "<봄날의 정원> <여름 편지> 등에 출연하며 청춘 스타로 떠오른 김유미가 '가을 "
                    "편지'에 캐스팅됐다.",
                    "ko"),
            "casting Kim Yoo-mi / 가을 편지 (confirmed)");
}

}  // namespace
}  // namespace hallyu
