// ExtractArticleFromBody prescans the raw bytes and converts only what it keeps; it
// must give exactly the Document of DecodeToUtf8 + ExtractArticle, for UTF-8, CP949
// (EUC-KR), a BOM, invalid bytes and a charset it cannot prescan raw (UTF-16).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extractors/html/article_extractor.h"
#include "extractors/text/charset.h"
#include "tests/support/paths.h"
#include "tests/support/text_encoding.h"

namespace hallyu {
namespace {

// `utf8` encoded into `to`; "" when some character has no mapping.
std::string Iconv(const std::string& utf8, const char* to) {
  return testing::EncodeWithIconv(utf8, to).value_or("");
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

void ExpectSameDocument(const std::string& body, const std::string& content_type,
                        const std::string& what) {
  const std::string url = "https://news.example.co.kr/article/1";
  Result<Document> direct = ExtractArticleFromBody(body, content_type, url);
  Result<Document> reference = ExtractArticle(DecodeToUtf8(body, content_type).text, url);
  ASSERT_EQ(direct.ok(), reference.ok()) << what;
  if (!direct.ok()) return;
  EXPECT_EQ(ToJson(*direct).dump(), ToJson(*reference).dump()) << what;
}

std::vector<std::filesystem::path> Pages() {
  std::vector<std::filesystem::path> pages;
  for (const auto& e :
       std::filesystem::directory_iterator(testing::SourcePath("tests/data/extract")))
    if (e.path().extension() == ".html") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  return pages;
}

TEST(ExtractArticleFromBody, SameDocumentAsDecodingTheWholeBodyFirst) {
  std::vector<std::filesystem::path> pages = Pages();
  ASSERT_GE(pages.size(), 40u);
  int cp949_pages = 0;
  for (const auto& path : pages) {
    const std::string name = path.filename().string();
    const std::string page = testing::ReadFileOrFail(path.string());
    ExpectSameDocument(page, "text/html; charset=utf-8", name + " utf-8 header");
    ExpectSameDocument(page, "text/html", name + " no header charset");
    ExpectSameDocument("\xEF\xBB\xBF" + page, "text/html", name + " BOM");
    // Invalid bytes in the text and inside a script: replaced, the same either way.
    std::string broken = Replace(page, "</p>", "\xFF\xC3</p>");
    broken = Replace(broken, "<script>", "<script>\xE0\x80");
    ExpectSameDocument(broken, "text/html; charset=utf-8", name + " invalid bytes");
    // The same page in CP949, labelled EUC-KR as Korean sites do.
    std::string legacy = Iconv(Replace(page, "charset=\"utf-8\"", "charset=\"euc-kr\""), "CP949");
    if (!legacy.empty()) {
      ++cp949_pages;
      ExpectSameDocument(legacy, "text/html; charset=euc-kr", name + " cp949");
      ExpectSameDocument(legacy, "text/html", name + " cp949 sniffed");
    }
    // UTF-16 cannot be prescanned raw: the fallback path must agree too.
    std::string utf16 = Iconv(page, "UTF-16LE");
    if (!utf16.empty()) {
      ExpectSameDocument("\xFF\xFE" + utf16, "text/html", name + " utf-16le");
    }
  }
  EXPECT_GE(cp949_pages, 20) << "too few pages survived the CP949 conversion to mean much";
}

TEST(ExtractArticleFromBody, TooLargeIsJudgedOnTheRawBody) {
  ExtractOptions o;
  o.max_input_bytes = 100;
  Result<Document> r = ExtractArticleFromBody(std::string(101, 'a'), "text/html", "", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge);
}

}  // namespace
}  // namespace hallyu
