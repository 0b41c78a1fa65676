// OST mechanisms of the ninth detection round (issue 14), from the OST errors on real dev
// text and some forty more real OST announcements and negatives: the singer's slot of a
// Korean OST sentence names a singer the gazetteer lacks (indie singers and duos named with
// everyday words); a singer's noun right before a stage name that is an everyday word names
// the singer; album pages write a track as 'song - singer'; "the official release … will be
// on" keeps a story announced; the pair that previews its chemistry in an OST video is the
// cast. Sentences are invented; singers and titles are made up except the actors in the
// video test. Each test failed before its mechanism.

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

TEST(DetectorOstFresh9, TheSubjectOfASingingVerbInAnOstSentenceIsTheSinger) {
  // "X가 부른": a duo whose name is a phrase
  EXPECT_EQ(
      Ko("", "감성 듀오 솔바람차이가 부른 '푸른 항구' OST '바닷바람'이 오늘 오후 6시 공개된다."),
      "ost 솔바람차이 / 푸른 항구 (announced)");
  // "OST 가창에 나선 X는": the head of a relative clause
  EXPECT_EQ(Ko("",
               "KBS2 '푸른 항구' 열네 번째 OST 가창에 나선 솔바람차이는 수록곡 '바닷바람'을 "
               "선보인다."),
            "ost 솔바람차이 / 푸른 항구 (announced)");
  // "A, B 등이 합류한다": a line-up list
  EXPECT_EQ(Ko("", "달빛정원, 솔바람차이 등이 '푸른 항구' OST에 합류한다."),
            "ost 달빛정원 / 푸른 항구 (announced); ost 솔바람차이 / 푸른 항구 (announced)");
  // "X까지 'W' OST 가창에 참여해": the title and OST words between subject and verb
  EXPECT_EQ(Ko("",
               "명불허전 발라드 여제 해바라기까지 '푸른 항구' OST 가창에 참여해 극의 감정선을 "
               "어루만진다."),
            "ost 해바라기 / 푸른 항구 (announced)");
}

TEST(DetectorOstFresh9, CommonNounsInTheSingersSlotAreNoSingers) {
  EXPECT_EQ(Ko("", "'푸른 항구' OST 가창진이 베일을 벗었다."), "");
  // (the group whose song opens the line-up is the singer; its "곡을" and "시작" are not)
  EXPECT_EQ(Ko("",
               "'푸른 항구' OST는 오는 12일 오후 6시 리센느의 곡을 시작으로 순차적으로 발매될 "
               "예정이다."),
            "ost RESCENE / 푸른 항구 (announced)");
}

TEST(DetectorOstFresh9, ASingersNounBeforeAnEverydayWordNamesTheSinger) {
  EXPECT_EQ(Ko("", "가수 소유가 '푸른 항구' OST에 전격 합류한다."),
            "ost Soyou / 푸른 항구 (announced)");
}

TEST(DetectorOstFresh9, AnAlbumPageWritesTheTrackAsSongDashSinger) {
  EXPECT_EQ(Ko("", "'푸른 항구' OST Part.3 '바닷바람 - 솔바람차이'가 발매되었다."),
            "ost 솔바람차이 / 푸른 항구 (released)");
}

TEST(DetectorOstFresh9, AReleaseThatWillBeOnADateIsStillToCome) {
  EXPECT_EQ(En("",
               "Jang Seo-rin was unveiled as the mystery singer for the sixth OST of 'Blue "
               "Harbor' on the 23rd. The label said the official release of the OST will be on "
               "October 5."),
            "ost Jang Seo-rin / Blue Harbor (announced)");
}

TEST(DetectorOstFresh9, ThePairPreviewingItsChemistryInAnOstVideoIsTheCast) {
  EXPECT_EQ(En("Watch: Park Hyung Sik And Han So Hee Preview Their Chemistry In OST Music "
               "Videos For New Drama",
               "Two OSTs have been released for the upcoming music drama “Soundtrack #1”! The "
               "first OST, “Sea Wind,” is sung by Jang Seo-rin."),
            "ost Jang Seo-rin / Soundtrack #1 (released)");
}

// A title-case headline: the words before "OST For 'W'" describe the song ("Sings Emotional
// OST"), they are no title; the work is the quoted one after it.
TEST(DetectorOstFresh9, WordsBeforeAnOstThatNamesItsWorkAreNoTitle) {
  EXPECT_EQ(En("Watch: Taeyeon Sings Emotional OST For \"Blue Harbor\"", ""),
            "ost Taeyeon / Blue Harbor (announced)");
}

// "Sung By Paul Kim": a romanised given name has a Korean vowel in each syllable, so "By"
// is no syllable and the singer is Paul Kim, not "Sung By Paul".
TEST(DetectorOstFresh9, AnEnglishWordIsNoSyllableOfARomanisedName) {
  EXPECT_EQ(En("The \"Blue Harbor\" OST Part 2 Is Sung By Paul Kim", ""),
            "ost Paul Kim / Blue Harbor (announced)");
}

}  // namespace
}  // namespace hallyu
