#include "extractors/text/charset.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>

#include "tests/support/text_encoding.h"

namespace hallyu {
namespace {

// Encodes UTF-8 `text` into `charset` with glibc iconv (the test's own
// generator of legacy bytes). Fails the test when it cannot.
std::string Encode(const std::string& text, const char* charset) {
  std::optional<std::string> out = testing::EncodeWithIconv(text, charset);
  EXPECT_TRUE(out.has_value()) << "cannot encode into " << charset;
  return out.value_or("");
}

const std::string kKorean = "배우 김수현이 새 드라마 주연으로 확정됐다. 똠방각하 OST 참여";
// "똠" (U+B620) is outside KS X 1001: only CP949 (UHC) encodes it.

TEST(CharsetLabels, CanonicalNames) {
  EXPECT_EQ(CanonicalCharset("EUC-KR"), "euc-kr");
  EXPECT_EQ(CanonicalCharset("ks_c_5601-1987"), "euc-kr");
  EXPECT_EQ(CanonicalCharset("CP949"), "euc-kr");
  EXPECT_EQ(CanonicalCharset(" \"utf8\" "), "utf-8");
  EXPECT_EQ(CanonicalCharset("Latin1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("us-ascii"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("Shift_JIS"), "shift_jis");
  EXPECT_EQ(CanonicalCharset("gb2312"), "gbk");
  EXPECT_EQ(CanonicalCharset("GB18030"), "gb18030");
  EXPECT_EQ(CanonicalCharset("utf-16"), "utf-16le");
  EXPECT_EQ(CanonicalCharset("klingon-8"), "");
  EXPECT_EQ(CanonicalCharset(""), "");
}

TEST(CharsetDetection, ContentTypeParameter) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=EUC-KR"), "EUC-KR");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html; Charset = 'x-sjis' ; q=1"), "x-sjis");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromContentType("text/html; notcharset=x"), "");
}

TEST(CharsetDetection, MarkupPrescan) {
  EXPECT_EQ(CharsetFromMarkup("<html><head><meta charset=\"euc-kr\"></head>", 4096), "euc-kr");
  EXPECT_EQ(CharsetFromMarkup("<META HTTP-EQUIV=\"Content-Type\" "
                              "CONTENT=\"text/html; charset=ks_c_5601-1987\">",
                              4096),
            "ks_c_5601-1987");
  EXPECT_EQ(CharsetFromMarkup("<meta charset=utf-8/>", 4096), "utf-8");
  // Commented-out meta and look-alike tags are skipped.
  EXPECT_EQ(CharsetFromMarkup("<!-- <meta charset=big5> --><metadata charset=x>"
                              "<meta charset='gbk'>",
                              4096),
            "gbk");
  // Outside the prescan window: not seen.
  std::string late = std::string(5000, ' ') + "<meta charset=euc-kr>";
  EXPECT_EQ(CharsetFromMarkup(late, 4096), "");
  bool xml = false;
  EXPECT_EQ(CharsetFromMarkup("<?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss/>", 4096, &xml),
            "EUC-KR");
  EXPECT_TRUE(xml);
}

TEST(CharsetDecode, EucKrFromHeaderDecodesCp949Extensions) {
  std::string page = "<html><body>" + Encode(kKorean, "CP949") + "</body></html>";
  DecodedText d = DecodeToUtf8(page, "text/html; charset=euc-kr");
  EXPECT_EQ(d.text, "<html><body>" + kKorean + "</body></html>");
  EXPECT_EQ(d.charset, "euc-kr");
  EXPECT_EQ(d.source, CharsetSource::kHeader);
  EXPECT_EQ(d.replacements, 0u);
}

TEST(CharsetDecode, MetaCharsetWhenHeaderSilent) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=ks_c_5601-1987\"></head><body>" +
      Encode(kKorean, "CP949") + "</body></html>";
  DecodedText d = DecodeToUtf8(page, "text/html");
  EXPECT_NE(d.text.find(kKorean), std::string::npos);
  EXPECT_EQ(d.source, CharsetSource::kMeta);
}

TEST(CharsetDecode, XmlDeclarationForFeeds) {
  std::string feed = "<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss><title>" +
                     Encode(kKorean, "CP949") + "</title></rss>";
  DecodedText d = DecodeToUtf8(feed, "application/rss+xml");
  EXPECT_NE(d.text.find(kKorean), std::string::npos);
  EXPECT_EQ(d.source, CharsetSource::kXmlDeclaration);
}

TEST(CharsetDecode, MislabelledUtf8HeaderFallsBackToMeta) {
  std::string page = "<meta charset=\"euc-kr\"><p>" + Encode(kKorean, "CP949") + "</p>";
  DecodedText d = DecodeToUtf8(page, "text/html; charset=UTF-8");
  EXPECT_NE(d.text.find(kKorean), std::string::npos);
  EXPECT_EQ(d.source, CharsetSource::kMeta);
  // But a page that really is UTF-8 keeps the header's answer despite the meta.
  std::string utf8_page = "<meta charset=\"euc-kr\"><p>" + kKorean + "</p>";
  DecodedText u = DecodeToUtf8(utf8_page, "text/html; charset=UTF-8");
  EXPECT_NE(u.text.find(kKorean), std::string::npos);
  EXPECT_EQ(u.source, CharsetSource::kHeader);
}

TEST(CharsetDecode, BomOverridesLabel) {
  std::string page = "\xEF\xBB\xBF<p>" + kKorean + "</p>";
  DecodedText d = DecodeToUtf8(page, "text/html; charset=euc-kr");
  EXPECT_EQ(d.text, "<p>" + kKorean + "</p>");  // BOM removed
  EXPECT_EQ(d.source, CharsetSource::kBom);
}

TEST(CharsetDecode, MissingCharsetSniffsUtf8ThenCp949) {
  DecodedText u = DecodeToUtf8("<p>" + kKorean + "</p>", "");
  EXPECT_EQ(u.charset, "utf-8");
  EXPECT_EQ(u.text, "<p>" + kKorean + "</p>");
  DecodedText k = DecodeToUtf8("<p>" + Encode(kKorean, "CP949") + "</p>", "text/html");
  EXPECT_EQ(k.charset, "euc-kr");
  EXPECT_EQ(k.source, CharsetSource::kSniffed);
  EXPECT_EQ(k.text, "<p>" + kKorean + "</p>");
}

TEST(CharsetDecode, Latin1LabelMeansWindows1252) {
  // 0x93 / 0x94 are curly quotes in windows-1252, C1 controls in ISO-8859-1.
  DecodedText d = DecodeToUtf8("\x93Hallyu\x94 caf\xE9", "text/html; charset=iso-8859-1");
  EXPECT_EQ(d.text, "\xE2\x80\x9CHallyu\xE2\x80\x9D caf\xC3\xA9");
  EXPECT_EQ(d.charset, "windows-1252");
}

TEST(CharsetDecode, SingleByteLabelOnUtf8BytesMeansUtf8) {
  // A Spanish outlet moved to UTF-8 that kept its template's ISO-8859-15 <meta>: read as
  // the label says, "kilómetros" would come out as "kilÃ³metros".
  const std::string text = "La Guardia Civil detuvo a dos personas a 70 kilómetros de Lyon.";
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=iso-8859-15\"></head><body><p>" +
      text + "</p></body></html>";
  DecodedText d = DecodeToUtf8(page, "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, CharsetSource::kSniffed);
  EXPECT_NE(d.text.find(text), std::string::npos);
  // The same from a server whose default header says ISO-8859-1.
  DecodedText h = DecodeToUtf8("<p>" + text + "</p>", "text/html; charset=ISO-8859-1");
  EXPECT_NE(h.text.find(text), std::string::npos);
  // Real Latin-1 bytes keep their label, and so does a page of ASCII only.
  const std::string latin1 = Encode(text, "ISO-8859-15");
  DecodedText l = DecodeToUtf8("<p>" + latin1 + "</p>", "text/html; charset=ISO-8859-15");
  EXPECT_EQ(l.charset, "iso-8859-15");
  EXPECT_NE(l.text.find(text), std::string::npos);
  EXPECT_EQ(DecodeToUtf8("<p>plain</p>", "text/html; charset=ISO-8859-1").charset, "windows-1252");
  // Multibyte labels are left alone: CP949 bytes can form short runs of valid UTF-8.
  EXPECT_EQ(DecodeToUtf8("<p>" + text + "</p>", "text/html; charset=euc-kr").charset, "euc-kr");
}

TEST(CharsetDecode, MultibyteLabelOnAWholeUtf8PageMeansUtf8) {
  // A Chinese portal's article saved as UTF-8 with its template's GB2312 <meta> still in it:
  // read as the label says, every character comes out as two wrong ones.
  const std::string text =
      "谷歌在二零一四年收购的人工智能公司开发出一款能够用自己的记忆学习新知识并利用这些知识来回答"
      "问题的计算机。";
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "</head><body><p>" +
      text + "</p></body></html>";
  DecodedText d = DecodeToUtf8(page, "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_NE(d.text.find(text), std::string::npos);
  // The same text in real GB2312 bytes keeps its label.
  const std::string gb = Encode(text, "GB2312");
  DecodedText g = DecodeToUtf8(
      "<html><head><meta charset=\"gb2312\"></head><body><p>" + gb + "</p></body></html>", "");
  EXPECT_EQ(g.charset, "gbk");
  EXPECT_NE(g.text.find(text), std::string::npos);
  // A few characters that happen to be well-formed UTF-8 are not enough to overrule it.
  EXPECT_EQ(DecodeToUtf8("<p>\xEA\xB0\x80\xEB\x82\x98</p>", "text/html; charset=euc-kr").charset,
            "euc-kr");
}

TEST(CharsetDecode, OtherAsianAndUnicodeEncodings) {
  const std::string ja = "新しいドラマの主題歌";
  EXPECT_EQ(ConvertToUtf8(Encode(ja, "SHIFT_JIS"), "Shift_JIS").text, ja);
  EXPECT_EQ(ConvertToUtf8(Encode(ja, "EUC-JP"), "euc-jp").text, ja);
  const std::string zh = "韩国新剧演员阵容公开";
  EXPECT_EQ(ConvertToUtf8(Encode(zh, "GBK"), "gb2312").text, zh);
  EXPECT_EQ(ConvertToUtf8(Encode(zh, "GB18030"), "GB18030").text, zh);
  const std::string le = "\xFF\xFE" + Encode(kKorean, "UTF-16LE");
  DecodedText d = DecodeToUtf8(le, "");
  EXPECT_EQ(d.text, kKorean);
  EXPECT_EQ(d.source, CharsetSource::kBom);
  const std::string be = "\xFE\xFF" + Encode(kKorean, "UTF-16BE");
  EXPECT_EQ(DecodeToUtf8(be, "text/plain").text, kKorean);
}

TEST(CharsetDecode, InvalidBytesReplacedNeverFail) {
  std::string bytes = Encode("가나", "CP949") + "\xFF" + Encode("다", "CP949") + "\xB0";
  DecodedText d = ConvertToUtf8(bytes, "euc-kr");
  EXPECT_EQ(d.text, "가나\xEF\xBF\xBD다\xEF\xBF\xBD");
  EXPECT_EQ(d.replacements, 2u);
  EXPECT_TRUE(IsValidUtf8(d.text));
}

TEST(CharsetDecode, DeclaredUtf8IsValidatedAndRepaired) {
  // overlong '/', a UTF-16 surrogate, a code point above U+10FFFF, a cut sequence.
  std::string bad = std::string("a\xC0\xAF") + "b\xED\xA0\x80" + "c\xF4\x90\x80\x80" + "d\xE3\x81";
  DecodedText d = DecodeToUtf8(bad, "text/html; charset=utf-8");
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_FALSE(IsValidUtf8(bad));
  EXPECT_EQ(d.text.substr(0, 1), "a");
  EXPECT_NE(d.text.find("b"), std::string::npos);
  EXPECT_EQ(d.text.substr(d.text.size() - 4), "d\xEF\xBF\xBD");  // one U+FFFD for "\xE3\x81"
  EXPECT_GE(d.replacements, 4u);
}

TEST(CharsetDecode, UnknownLabelIgnored) {
  DecodedText d = DecodeToUtf8("<p>" + kKorean + "</p>", "text/html; charset=klingon-8");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.text, "<p>" + kKorean + "</p>");
}

TEST(CharsetDecode, InputBoundedByMaxBytes) {
  CharsetOptions opts;
  opts.max_input_bytes = 1000;
  std::string big(5000, 'x');
  DecodedText d = DecodeToUtf8(big, "text/html; charset=euc-kr", opts);
  EXPECT_EQ(d.text.size(), 1000u);
  EXPECT_TRUE(d.truncated);
}

// Property: whatever the bytes and the label, the output is valid UTF-8.
TEST(CharsetDecode, AlwaysValidUtf8OnRandomInput) {
  std::mt19937 rng(20261124);
  const char* labels[] = {"utf-8",    "euc-kr",   "shift_jis",   "gbk",    "big5", "windows-1252",
                          "utf-16le", "utf-16be", "iso-2022-jp", "koi8-r", ""};
  for (int round = 0; round < 300; ++round) {
    std::string bytes(rng() % 600, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    for (const char* label : labels) {
      DecodedText d = ConvertToUtf8(bytes, label);
      ASSERT_TRUE(IsValidUtf8(d.text)) << label << " round " << round;
    }
    DecodedText auto_d = DecodeToUtf8(bytes, "");
    ASSERT_TRUE(IsValidUtf8(auto_d.text));
  }
}

}  // namespace
}  // namespace hallyu

namespace hallyu {
namespace {

// IsValidUtf8 has its own inlined checks; RepairUtf8 (through Utf8SequenceAt) is the
// reference: a string is valid exactly when repairing it replaces nothing.
TEST(Charset, IsValidUtf8AgreesWithTheRepairingDecoder) {
  std::vector<std::string> cases = {"",
                                    "ascii only, longer than sixteen bytes",
                                    "\xEB\xB0\xB0\xEC\x9A\xB0 \xEC\xBA\x90",
                                    "\xC2\x80",
                                    "\xC1\xBF",
                                    "\xC0\x80",
                                    "\xE0\xA0\x80",
                                    "\xE0\x9F\xBF",
                                    "\xED\x9F\xBF",
                                    "\xED\xA0\x80",
                                    "\xEF\xBF\xBF",
                                    "\xF0\x90\x80\x80",
                                    "\xF0\x8F\xBF\xBF",
                                    "\xF4\x8F\xBF\xBF",
                                    "\xF4\x90\x80\x80",
                                    "\xF5\x80\x80\x80",
                                    "\xFF",
                                    "\x80",
                                    "\xEB\xB0",
                                    "\xF0\x90\x80",
                                    "0123456789abcdef\xEB\xB0",
                                    "0123456789abcde\xEB\xB0\xB0",
                                    "0123456789abcdef0123456789abcdef\xE0\xA0"};
  uint64_t x = 88172645463325252ull;  // xorshift: random strings of mostly-valid bytes
  for (int n = 0; n < 20000; ++n) {
    std::string r;
    int len = static_cast<int>(x % 40);
    for (int i = 0; i < len; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      static const unsigned char kBytes[] = {'a',  ' ',  0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0,
                                             0xEB, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xB0};
      r.push_back(static_cast<char>(kBytes[x % sizeof(kBytes)]));
    }
    cases.push_back(r);
  }
  for (const std::string& c : cases) {
    std::size_t replaced = 0;
    (void)RepairUtf8(c, &replaced);
    EXPECT_EQ(IsValidUtf8(c), replaced == 0) << ::testing::PrintToString(c);
  }
}

}  // namespace
}  // namespace hallyu
