// Text forms that must not reach detection as they are written in the markup (issue 16):
// ruby annotations inlined into the sentence, decomposed Hangul and Latin letters, and
// the article body of Naver's entertainment view under its misspelt id.
#include <gtest/gtest.h>

#include <string>

#include "extractors/html/article_extractor.h"
#include "extractors/text/text.h"

namespace hallyu {
namespace {

// U+1112 U+1161 U+11AB U+1100 U+116E U+11A8: "한국" as conjoining jamo (NFD).
const char kHanguk_Nfd[] =
    "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86\xA8";

TEST(ComposeNfc, ComposesConjoiningJamoIntoSyllables) {
  EXPECT_EQ(ComposeNfc(kHanguk_Nfd), "한국");
  // L V without a trailing consonant, and a precomposed LV syllable followed by a T jamo.
  EXPECT_EQ(ComposeNfc("\xE1\x84\x83\xE1\x85\xB3\xE1\x84\x85\xE1\x85\xA1\xE1\x84\x86\xE1\x85\xA1"),
            "드라마");
  EXPECT_EQ(ComposeNfc("\xEA\xB0\x80\xE1\x86\xA8"), "각");  // 가 + ᆨ
}

TEST(ComposeNfc, ComposesLatinLettersWithTheirMarks) {
  EXPECT_EQ(ComposeNfc("Beyonce\xCC\x81 and Ro\xCC\x88yksopp"), "Beyoncé and Röyksopp");
  // e + dot below + circumflex -> ệ; marks out of canonical order are reordered first.
  EXPECT_EQ(ComposeNfc("Vie\xCC\xA3\xCC\x82t"), "Vi\xE1\xBB\x87t");
  EXPECT_EQ(ComposeNfc("Vie\xCC\x82\xCC\xA3t"), "Vi\xE1\xBB\x87t");
  // A mark with no precomposed form stays after the composed letter.
  EXPECT_EQ(ComposeNfc("a\xCC\x81\xCC\xB4"), "\xC3\xA1\xCC\xB4");
}

TEST(ComposeNfc, LeavesComposedTextAndOtherBytesAlone) {
  const std::string composed = "차은우, Beyoncé, 東京 and plain ASCII.";
  EXPECT_EQ(ComposeNfc(composed), composed);
  EXPECT_EQ(ComposeNfc(""), "");
  // Invalid bytes are copied as they are; a mark with no letter before it stays.
  EXPECT_EQ(ComposeNfc("\xFF"
                       "e\xCC\x81\xFE"),
            "\xFF\xC3\xA9\xFE");
  EXPECT_EQ(ComposeNfc("\xCC\x81x"), "\xCC\x81x");
  // Compatibility jamo (U+3131..) are not conjoining: NFC keeps them.
  EXPECT_EQ(ComposeNfc("ㅎㅏㄴ"), "ㅎㅏㄴ");
}

TEST(ComposeNfc, ALongRunOfMarksComposesTheFirstAndKeepsTheRest) {
  std::string s = "e";
  for (int i = 0; i < 1000; ++i) s += "\xCC\x81";
  const std::string out = ComposeNfc(s);
  EXPECT_EQ(out.substr(0, 2), "\xC3\xA9");
  EXPECT_EQ(out.size(), s.size() - 1);  // "e" + one mark became "é" (3 bytes -> 2)
}

std::string ArticlePage(const std::string& body_html, const std::string& title = "기사 제목") {
  return "<html><head><title>" + title +
         "</title></head><body><nav><a href=\"/\">홈</a></nav>"
         "<div class=\"article-body\">" +
         body_html + "</div></body></html>";
}

TEST(ArticleTextForms, RubyAnnotationsAreDroppedFromTheText) {
  const std::string page = ArticlePage(
      "<p>映画の舞台は<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>の下町で、"
      "主演は<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>の読めない青年を演じる俳優が務める。</p>"
      "<p>撮影は来月から始まり、公開は来年の春を予定していると制作会社が発表した。</p>");
  auto doc = ExtractArticle(page, "https://example.jp/news/1");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("舞台は東京の下町で"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("主演は漢字の読めない"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("とうきょう"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("かん"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("("), std::string::npos) << doc->text;
}

TEST(ArticleTextForms, DecomposedHangulComesOutComposed) {
  // "한국 드라마" written as jamo in the title and in the body.
  const std::string nfd_drama =
      "\xE1\x84\x83\xE1\x85\xB3\xE1\x84\x85\xE1\x85\xA1\xE1\x84\x86\xE1\x85\xA1";
  const std::string page = ArticlePage(
      "<p>배우 김하늘이 새 " + nfd_drama +
          " '봄의 정원'에 출연을 확정했다고 소속사가 "
          "밝혔다. 촬영은 다음 달 시작된다.</p><p>제작진은 올해 하반기 방송을 목표로 준비하고 "
          "있다고 전했다.</p>",
      std::string(kHanguk_Nfd) + " " + nfd_drama + " 출연 확정");
  auto doc = ExtractArticle(page, "https://news.example.co.kr/article/1");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("새 드라마 '봄의 정원'에 출연"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->title, "한국 드라마 출연 확정");
}

TEST(ArticleTextForms, DecomposedJsonLdBodyComesOutComposed) {
  const std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"출연 확정\",\"articleBody\":\"" +
      std::string(kHanguk_Nfd) +
      " 배우 이서준이 새 영화의 주인공으로 캐스팅됐다. 제작사는 오는 가을 촬영을 시작해 "
      "내년 여름 개봉을 목표로 하고 있다고 밝혔다. 자세한 배역은 추후 공개된다.\\n"
      "이서준은 지난해 독립영화 두 편으로 주목받았고, 이번 작품에서 처음으로 상업영화의 "
      "주연을 맡는다. 감독은 그의 전작을 보고 직접 출연을 제안했다고 전했다.\"}"
      "</script></head><body><div id=\"app\"></div></body></html>";
  auto doc = ExtractArticle(page, "https://news.example.co.kr/article/2");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text.rfind("한국 배우 이서준이", 0), 0u) << doc->text;
}

// Naver's entertainment article view keeps the body in <div id="articeBody"> (sic), beside
// a block of other stories' teasers that scores higher than its few <br>-split lines.
TEST(ArticleTextForms, NaverEntertainmentBodyUnderItsMisspeltIdIsTheArticle) {
  std::string teasers;
  for (int i = 0; i < 6; ++i) {
    teasers += "<div class=\"cluster_item\"><p>다른 기사 " + std::to_string(i) +
               ": 인기 그룹의 멤버가, 연말 시상식 무대에서, 새 노래를 처음 공개하며, 팬들의 "
               "큰 호응을 얻었고, 다음 달에는, 첫 단독 콘서트를 연다는 소식이 이어졌다.</p>"
               "</div>";
  }
  const std::string page =
      "<html><head><title>배우 출연 확정</title></head><body><div class=\"end_ct\">"
      "<h2 class=\"end_tit\">배우 한유진, 새 드라마 주연 확정</h2>"
      "<div id=\"articeBody\" class=\"end_body_wrp\">배우 한유진이 새 드라마 '파도의 "
      "노래' 주연으로 출연을 확정했다.<br><br>소속사 관계자는 18일 \"한유진이 작품의 "
      "메시지에 깊이 공감했다\"고 밝혔다.<br><br>'파도의 노래'는 바닷가 마을을 배경으로 한 "
      "가족 이야기로 내년 상반기 방송 예정이다.</div></div>"
      "<div class=\"cluster_text\">" +
      teasers + "</div></body></html>";
  auto doc = ExtractArticle(page, "https://entertain.example.com/read?oid=1&aid=2");
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->text.find("주연으로 출연을 확정했다"), std::string::npos) << doc->text;
  EXPECT_NE(doc->text.find("내년 상반기 방송 예정이다"), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("다른 기사"), std::string::npos) << doc->text;
}

}  // namespace
}  // namespace hallyu
