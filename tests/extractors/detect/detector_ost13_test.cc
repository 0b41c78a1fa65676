// OST mechanisms of the thirteenth detection round (issue 14), from the OST errors on real
// dev text (dev13-real and some sixty real OST snippets read for this round): singers named
// before "에 이어" sang the earlier songs; the actors a story names as its drama's cast
// ("A와 B의 코믹 케미", "배우 A, B의 만남으로", "A and B's upcoming drama") sing in none of
// its sentences; the possessive owner of the song after "OST인" is its singer; a sentence
// opening on what came before ("앞서", "Previous artists … include") and a reporter's byline
// name no singer. Sentences are
// invented; singers and titles are made up except gazetteer actors. Each test failed before its
// mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

std::string Ko(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

std::string En(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "en");
}

TEST(DetectorOst13, SingersBeforeEIeoSangTheEarlierSongs) {
  // "A에 이어 두 번째 가창자로 참여한 B": A sang the first OST
  EXPECT_EQ(Ko("",
               "에일리에 이어 두 번째 가창자로 참여한 솔바람차이는 '푸른 항구' OST Part2 "
               "'바닷바람'으로 애절한 감성을 더한다."),
            "ost 솔바람차이 / 푸른 항구 (announced)");
  // "A의 'S1'부터 B의 'S2' 등 네 곡에 이어, C, D 등이 참여": the earlier songs' singers
  EXPECT_EQ(Ko("",
               "존박의 '바람길'부터 임한별의 '달빛 노래' 등 네 곡에 이어, 소유, 헤이즈 등이 "
               "'푸른 항구' OST에 참여한다."),
            "ost Heize / 푸른 항구 (announced); ost Soyou / 푸른 항구 (announced)");
}

TEST(DetectorOst13, TheDramasCastSingsInNoSentenceOfTheStory) {
  // "A와 B의 코믹 케미를 선보이는 드라마": the leads, not the singer
  EXPECT_EQ(Ko("",
               "가수 솔바람차이가 장혁과 오연서의 코믹 케미로 눈길을 사로잡은 MBC 드라마 '푸른 "
               "항구'의 두 번째 OST 가창자로 참여한다."),
            "ost 솔바람차이 / 푸른 항구 (announced)");
  // "배우 A, B의 만남으로 기대를 모으는 'W' 새 OST가 공개됐다": the leads of the drama,
  // named in the headline as well
  EXPECT_EQ(Ko("정우X이유미 '푸른 항구' 첫 OST 공개",
               "배우 정우, 이유미의 만남으로 화제인 tvN 드라마 '푸른 항구'의 OST가 베일을 "
               "벗었다. 첫 번째 OST는 솔바람차이가 부른 '바닷바람'이다."),
            "ost 솔바람차이 / 푸른 항구 (released)");
  // "A and B's upcoming drama 'W' has released its first OSTs": the pair of the headline
  // is the cast
  EXPECT_EQ(En("Park Hyung Sik & Han So Hee's Blue Harbor drops its first OST",
               "Park Hyung Sik and Han So Hee’s new drama ‘Blue Harbor’ has released its "
               "first soundtrack song. The OST, ‘Sea Wind’, is sung by Jang Seo-rin."),
            "ost Jang Seo-rin / Blue Harbor (released)");
}

TEST(DetectorOst13, ThePossessiveOwnerOfTheSongAfterOstInIsTheSinger) {
  // "첫 번째 OST인 A의 'S'": an indie band the gazetteer lacks
  EXPECT_EQ(Ko("",
               "tvN 새 월화드라마 '푸른 항구' 측은 오늘 정오 첫 번째 OST인 솔바람씨밴드의 "
               "'바닷바람'을 발매했다."),
            "ost 솔바람씨밴드 / 푸른 항구 (released)");
  // "세번째 OST인 A(Latin)의 'S'": a romanised gloss between the name and its 의
  EXPECT_EQ(
      Ko("", "OCN 토일 오리지널 '푸른 항구'의 세번째 OST인 하늘결(Skyl)의 '바닷바람'이 공개됐다."),
      "ost 하늘결 / 푸른 항구 (released)");
  // "첫 OST인 B 보컬로 활약한 A의 'S'": a description before the name
  EXPECT_EQ(Ko("",
               "OCN '푸른 항구' 측은 첫 OST인 밴드 보컬로 활약한 한소결의 'Sea Wind'를 오는 25일 "
               "오후 6시 발매한다고 밝혔다."),
            "ost 한소결 / 푸른 항구 (announced)");
}

TEST(DetectorOst13, ASentenceOnWhatCameBeforeNamesNoNews) {
  // "앞서 B가 첫 번째 OST를 발매했다": the earlier singer
  EXPECT_EQ(Ko("",
               "가수 솔바람차이가 KBS 2TV 새 수목극 '푸른 항구'의 세 번째 OST 주자가 됐다. 앞서 "
               "그룹 우주소녀 다영이 '푸른 항구'의 첫 번째 OST '바닷바람'을 발매했다."),
            "ost 솔바람차이 / 푸른 항구 (announced)");
  // "Previous artists … include …": the earlier singers of the soundtrack
  EXPECT_EQ(En("",
               "Jang Seo-rin has released a new OST song for the drama 'Blue Harbor'. Previous "
               "artists to sing for the soundtrack include Kyuhyun and Park Bo Ram."),
            "ost Jang Seo-rin / Blue Harbor (released)");
}

TEST(DetectorOst13, AReportersBylineNamesNoSinger) {
  // (홍지수 is also an idol's real name in the gazetteer)
  EXPECT_EQ(Ko("",
               "[TV리포트=홍지수 인턴기자] 가수 솔바람차이가 KBS 2TV 새 수목극 '푸른 항구'의 세 "
               "번째 OST 주자가 됐다."),
            "ost 솔바람차이 / 푸른 항구 (announced)");
}

TEST(DetectorOst13, AChartEpithetOfTheSingersIsNoChartStory) {
  // "음원 강자로 꼽히는 가수들이 1차 라인업에 이름을 올렸다": line-up news
  EXPECT_EQ(Ko("",
               "'푸른 항구' OST 제작사 측은 헤이즈, 소유 등 음원 강자로 불리는 가수들이 1차 "
               "라인업에 참여한다고 밝혔다."),
            "ost Heize / 푸른 항구 (announced); ost Soyou / 푸른 항구 (announced)");
}

TEST(DetectorOst13, ANameOfTwoPeopleIsTheOneWhoseGroupTheStoryNames) {
  // (the gazetteer knows two 진솔: an idol and a namesake)
  EXPECT_EQ(Ko("",
               "그룹 이달의 소녀(LOONA) 멤버 진솔의 첫 OST '바닷바람'이 15일 오후 6시 "
               "발매된다. 진솔은 KBS2 수목드라마 '푸른 항구'의 여덟 번째 OST 주자로 나선다."),
            "ost JinSoul / 푸른 항구 (announced)");
}

TEST(DetectorOst13, AnXBetweenHangulNamesJoinsAList) {
  // "A X B X 그룹 C, 'W' OST 참여": B is a singer as much as A and C
  EXPECT_EQ(
      Ko("정준일X한소결X빅스 켄, '푸른 항구' OST 참여", ""),
      "ost Jung Joon-il / 푸른 항구 (announced); ost Ken / 푸른 항구 (announced); ost 한소결 / "
      "푸른 항구 (announced)");
}

TEST(DetectorOst13, AQuoteAfterASingersNounThatSingsIsTheSinger) {
  // "인디 듀오 'X'가 참여한 'W' OST": the duo, not a title
  EXPECT_EQ(Ko("",
               "인디 듀오 '솔바람'이 참여한 '푸른 항구' OST Part. 3 '지나간다'는 이날 오후 6시 "
               "공개된다."),
            "ost 솔바람 / 푸른 항구 (announced)");
}

TEST(DetectorOst13, AKnownSingerBeforeTheDashOfATrackIsTheSinger) {
  // "'WOOSUNG - Driver'": the singer written first
  EXPECT_EQ(Ko("",
               "SBS 새 금토드라마 '푸른 항구' OST Part.1 'WOOSUNG - Sea Wind'가 21일 오후 6시에 "
               "발매된다."),
            "ost WOOSUNG / 푸른 항구 (announced)");
}

TEST(DetectorOst13, AMemberJoinedToTheMemberBeforeItKeepsTheGroup) {
  // "그룹 A.C.E 멤버 준과 찬이": the one-syllable stage name after 과 is the group's member too
  EXPECT_EQ(Ko("", "아이돌 그룹 A.C.E 멤버 준과 찬이 드라마 '푸른 항구' OST에 참여한다."),
            "ost Chan / 푸른 항구 (announced); ost Jun / 푸른 항구 (announced)");
}

TEST(DetectorOst13, AnOstSingerOfTheGazetteerLeadsAHeadline) {
  // (configs/gazetteer/s13-ost.yaml: a headline names the singer with a comma only)
  EXPECT_EQ(Ko("태사비애, 드라마 '푸른 항구' OST곡 '바닷바람' 공개", ""),
            "ost Taesabiae / 푸른 항구 (announced)");
}

}  // namespace
}  // namespace hallyu
