#include "extractors/text/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hallyu {
namespace {

TEST(SplitSentences, EnglishAbbreviationsInitialsAndEllipses) {
  auto s = SplitSentences(
      "Mr. Kim met EXO's D.O. at 3 p.m. today. It was fun... really fun. "
      "\"Wow.\" She left! vs. him? Yes");
  ASSERT_EQ(s.size(), 6u) << [&] {
    std::string all;
    for (auto v : s) all += "[" + std::string(v) + "]";
    return all;
  }();
  EXPECT_EQ(s[0], "Mr. Kim met EXO's D.O. at 3 p.m. today.");
  EXPECT_EQ(s[1], "It was fun... really fun.");
  EXPECT_EQ(s[2], "\"Wow.\"");
  EXPECT_EQ(s[3], "She left!");
  EXPECT_EQ(s[4], "vs. him?");
  EXPECT_EQ(s[5], "Yes");
}

TEST(SplitSentences, KoreanEndingsWithAndWithoutSpace) {
  auto s = SplitSentences("차은우가 출연한다.문가영도 합류했다. 팬들이 기뻐했어요.\n제목");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "차은우가 출연한다.");
  EXPECT_EQ(s[1], "문가영도 합류했다.");
  EXPECT_EQ(s[2], "팬들이 기뻐했어요.");
  EXPECT_EQ(s[3], "제목");
}

TEST(SplitSentences, ATitleEndingInAMarkInsideQuotesGoesOn) {
  auto s = SplitSentences(
      "배우 한서윤이 ‘진짜가 나타났다!’에서 주인공을 맡는다. 성태는 '뭐하나 볼까?'의 OST를 "
      "부른다. She joins “Are You Human?” starring Seo Kang-joon. “I will do my best.” she "
      "said. 'Run On!', a drama, airs. “Done.” Next one.");
  ASSERT_EQ(s.size(), 7u) << [&] {
    std::string all;
    for (auto v : s) all += "[" + std::string(v) + "]";
    return all;
  }();
  EXPECT_EQ(s[0], "배우 한서윤이 ‘진짜가 나타났다!’에서 주인공을 맡는다.");
  EXPECT_EQ(s[1], "성태는 '뭐하나 볼까?'의 OST를 부른다.");
  EXPECT_EQ(s[2], "She joins “Are You Human?” starring Seo Kang-joon.");
  EXPECT_EQ(s[3], "“I will do my best.” she said.");
  EXPECT_EQ(s[4], "'Run On!', a drama, airs.");
  EXPECT_EQ(s[5], "“Done.”");  // an upper-case word after the quote starts a sentence
  EXPECT_EQ(s[6], "Next one.");
}

TEST(SplitSentences, BoundedWithoutBreaksAndLinear) {
  std::string big(1 << 20, 'a');
  auto s = SplitSentences(big, 2000);
  EXPECT_EQ(s.size(), (big.size() + 1999) / 2000);
  for (auto v : s) EXPECT_LE(v.size(), 2000u);
  // Multi-byte text is cut on a code point boundary.
  std::string ko;
  for (int i = 0; i < 10000; ++i) ko += "가";
  for (auto v : SplitSentences(ko, 100)) {
    EXPECT_EQ(v.size() % 3, 0u);
    EXPECT_EQ(SanitizeUtf8(v), std::string(v));
  }
}

TEST(KoreanParticles, StrippedFromNamesButNotBelowTwoSyllables) {
  EXPECT_EQ(StripKoreanParticle("차은우가"), "차은우");
  EXPECT_EQ(StripKoreanParticle("문가영은"), "문가영");
  EXPECT_EQ(StripKoreanParticle("수지를"), "수지");
  EXPECT_EQ(StripKoreanParticle("아이유의"), "아이유");
  EXPECT_EQ(StripKoreanParticle("변우석과"), "변우석");
  EXPECT_EQ(StripKoreanParticle("김혜윤에게"), "김혜윤");
  EXPECT_EQ(StripKoreanParticle("정해인도"), "정해인");
  EXPECT_EQ(StripKoreanParticle("이민호 측은"), "이민호");
  EXPECT_EQ(StripKoreanParticle("진이"), "진이");  // would leave one syllable
  EXPECT_EQ(StripKoreanParticle("IU"), "IU");
}

TEST(Titles, QuotesOfEveryStyleAreRemoved) {
  EXPECT_EQ(StripTitleQuotes("‘눈물의 여왕’"), "눈물의 여왕");
  EXPECT_EQ(StripTitleQuotes("“Queen of Tears”"), "Queen of Tears");
  EXPECT_EQ(StripTitleQuotes("「원더풀 월드」"), "원더풀 월드");
  EXPECT_EQ(StripTitleQuotes("《무빙》"), "무빙");
  EXPECT_EQ(StripTitleQuotes("〈환혼〉"), "환혼");
  EXPECT_EQ(StripTitleQuotes("'Moving'"), "Moving");
  EXPECT_EQ(StripTitleQuotes("\"Moving\""), "Moving");
  EXPECT_EQ(StripTitleQuotes("<스위트홈>"), "스위트홈");
}

TEST(Titles, QuotedTitlesMaskedButPossessivesKept) {
  EXPECT_EQ(MaskQuotedTitles("Ko's 'Dating Game' cast"), "Ko's '           ' cast");
  EXPECT_EQ(
      MaskQuotedTitles("\xE3\x80\x8A\xEA\xB2\xB0\xED\x98\xBC\xE3\x80\x8B \xEC\xB6\x9C\xEC\x97\xB0"),
      "\xE3\x80\x8A      \xE3\x80\x8B \xEC\xB6\x9C\xEC\x97\xB0");  // 《결혼》 출연
  EXPECT_EQ(MaskQuotedTitles("no 'closing quote"), "no 'closing quote");
  EXPECT_EQ(MaskQuotedTitles("\"\""), "\"\"");
}

TEST(NameLists, SplitOnCommasAndConjunctions) {
  EXPECT_EQ(SplitNameList("Kim Ji-won, Park Bo-gum and Song Kang"),
            (std::vector<std::string>{"Kim Ji-won", "Park Bo-gum", "Song Kang"}));
  EXPECT_EQ(SplitNameList("차은우·문가영·김혜윤"),
            (std::vector<std::string>{"차은우", "문가영", "김혜윤"}));
  EXPECT_EQ(SplitNameList("남주혁과 장유나"), (std::vector<std::string>{"남주혁", "장유나"}));
  EXPECT_EQ(SplitNameList("A & B"), (std::vector<std::string>{"A", "B"}));
}

TEST(Language, GuessedByHangulRatio) {
  EXPECT_EQ(GuessLanguage("차은우, '원더풀 월드' 출연 확정"), "ko");
  EXPECT_EQ(GuessLanguage("Cha Eun-woo to star in 'Wonderful World' (원더풀 월드)"), "en");
  EXPECT_EQ(GuessLanguage(""), "en");
}

TEST(Utf8, InvalidBytesReplacedAndNulDropped) {
  const std::string bad = std::string("ab\xFF\xC3(c") + '\0' + "\xE2\x82";
  EXPECT_EQ(SanitizeUtf8(bad), "ab\xEF\xBF\xBD\xEF\xBF\xBD(c\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(SanitizeUtf8("차은우"), "차은우");
}

// IsCleanUtf8 says exactly when SanitizeUtf8 would change nothing: over every short
// string of bytes that matter (ASCII, NUL, lead and continuation bytes), at every offset
// of an ASCII run so the eight-bytes-at-a-time path meets each of them.
TEST(SanitizeUtf8, IsCleanUtf8AgreesWithSanitize) {
  const std::string bytes[] = {"a",    std::string(1, '\0'),
                               "\x80", "\xBF",
                               "\xC2", "\xE2",
                               "\xED", "\xF0",
                               "\xF4", "\xF8",
                               "\xC0", "\x9C",
                               "\xA0"};
  std::vector<std::string> cases = {"", "plain ascii text, long enough for words",
                                    "차은우가 출연한다", "\xE2\x80\x99s"};
  for (const auto& a : bytes) {
    for (const auto& b : bytes) {
      for (const auto& c : bytes) cases.push_back(a + b + c);
    }
  }
  for (const auto& c : cases) {
    for (size_t pad = 0; pad < 10; ++pad) {
      const std::string t = std::string(pad, 'x') + c + std::string(9 - pad, 'y');
      EXPECT_EQ(IsCleanUtf8(t), SanitizeUtf8(t) == t) << pad;
      EXPECT_EQ(IsCleanUtf8(c), SanitizeUtf8(c) == c);
    }
  }
}

TEST(NormalizeKey, DropsMiddleDotsAndCurlyQuotesOnlyWhenWhole) {
  EXPECT_EQ(NormalizeKey("Kim\xC2\xB7Lee"), "kimlee");
  EXPECT_EQ(NormalizeKey("O\xE2\x80\x99Neil \xE2\x80\x98x"), "oneilx");
  EXPECT_EQ(NormalizeKey("a\xC2"), "a\xC2");  // a cut middle dot stays
  EXPECT_EQ(NormalizeKey("a\xE2\x80"), "a\xE2\x80");
  EXPECT_EQ(NormalizeKey("a\xE2\x80\x9C"), "a\xE2\x80\x9C");  // a double quote stays
  std::string key = "stale";
  NormalizeKeyTo("Cha Eun-woo", &key);
  EXPECT_EQ(key, "chaeunwoo");
}

TEST(NormalizeKey, RomanisationVariantsCollapse) {
  EXPECT_EQ(NormalizeKey("Cha Eun-woo"), NormalizeKey("Cha Eunwoo"));
  EXPECT_EQ(NormalizeKey("Cha Eun Woo"), NormalizeKey("cha eun-woo"));
}

}  // namespace
}  // namespace hallyu
