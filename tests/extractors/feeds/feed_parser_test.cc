#include "extractors/feeds/feed_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "extractors/feeds/xml_tree.h"
#include "extractors/text/datetime.h"
#include "extractors/text/markup_text.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using ::hallyu::testing::ReadFileOrFail;
using ::hallyu::testing::SourcePath;

Feed Load(const std::string& name, const std::string& url = "", int offset = kUtcOffsetMinutes) {
  FeedParseOptions o;
  o.url = url;
  o.default_offset_minutes = offset;
  Result<Feed> f = ParseFeed(ReadFileOrFail(SourcePath("tests/data/feeds/" + name)), o);
  EXPECT_TRUE(f.ok()) << name << ": " << f.status().ToString();
  return f.ok() ? *f : Feed{};
}

std::string Time(const std::optional<int64_t>& t) { return t ? FormatRfc3339(*t) : "null"; }

TEST(FeedParser, Rss2Basic) {
  Feed f = Load("rss2_basic.xml");
  EXPECT_EQ(f.format, FeedFormat::kRss);
  EXPECT_EQ(f.title, "Seoulbeat Daily - K-Drama & K-Pop News");
  EXPECT_EQ(f.link, "https://www.seoulbeat-daily.example/");
  EXPECT_EQ(Time(f.updated_at), "2024-05-01T07:00:00Z");
  ASSERT_EQ(f.entries.size(), 2u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.id, "https://www.seoulbeat-daily.example/?p=101234");
  EXPECT_EQ(e.title, "Cha Eun-woo confirmed to star in new fantasy drama");
  EXPECT_EQ(e.link, "https://www.seoulbeat-daily.example/news/2024/05/cha-eun-woo-fantasy-drama/");
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Time(e.updated_at), "null");
  EXPECT_EQ(e.summary,
            "ASTRO's Cha Eun-woo has been confirmed as the lead of an upcoming fantasy series.");
  EXPECT_EQ(e.authors, std::vector<std::string>{"Kim Min-ji"});
  EXPECT_EQ(e.categories, (std::vector<std::string>{"Drama", "Casting"}));
  EXPECT_EQ(e.image, "https://img.seoulbeat-daily.example/2024/05/cha.jpg");
  EXPECT_EQ(f.entries[1].title, "IU sings OST Part 3 for \"Queen of Tears\"");
  EXPECT_EQ(Time(f.entries[1].published_at), "2024-04-30T23:05:00Z");
}

TEST(FeedParser, CdataAndHtmlInTitleAndAuthorEmail) {
  Feed f = Load("rss2_cdata.xml");
  EXPECT_EQ(f.title, "allkpop-like | K-Pop News");
  ASSERT_EQ(f.entries.size(), 1u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.title, "EXCLUSIVE: Suzy & Park Bo-gum in talks for Wonderland 2");
  EXPECT_EQ(e.link,
            "https://kpopwire.example.com/article/2024/05/"
            "suzy-park-bo-gum?utm_source=rss&utm_medium=feed");
  EXPECT_EQ(e.id, "https://kpopwire.example.com/article/2024/05/suzy-park-bo-gum");
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(e.summary, "Suzy and Park Bo-gum are reviewing offers. More soon.");
  EXPECT_EQ(e.authors, std::vector<std::string>{"Lee Hana"});
}

TEST(FeedParser, ContentEncodedIsTextWithoutScripts) {
  Feed f = Load("rss2_content_encoded.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.summary, "Hanni will appear in a web drama\u2026");
  EXPECT_EQ(e.content,
            "Hanni will appear in a web drama produced by a major studio. Filming begins in June.");
  EXPECT_EQ(e.authors, std::vector<std::string>{"Choi Yuna"});
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
}

TEST(FeedParser, UnescapedAmpersandsRecovered) {
  Feed f = Load("rss2_unescaped_amp.xml");
  EXPECT_EQ(f.title, "Drama & Music Weekly");
  EXPECT_EQ(f.link, "https://dramamusic.example.com/?lang=en&section=news");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "Song Kang & Kim Yoo-jung reunite for rom-com");
  EXPECT_EQ(f.entries[0].link, "https://dramamusic.example.com/view.php?id=77&cat=drama");
  EXPECT_EQ(f.entries[0].id, "dm-77");
  EXPECT_EQ(f.entries[0].summary,
            "R&B singer Crush & others join the OST lineup; AT&T not involved.");
}

TEST(FeedParser, HtmlInsideTitlesStrippedButWorkTitlesKept) {
  Feed f = Load("rss2_html_in_title.xml");
  EXPECT_EQ(f.title, "K-Star Tonight");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].title, "BREAKING Kim Soo-hyun joins <Queen of Tears> sequel");
  EXPECT_EQ(f.entries[1].title, "Lim Young-woong sings the OST for a new drama");
}

TEST(FeedParser, MediaContentAndGroupThumbnails) {
  Feed f = Load("rss2_media_content.xml", "https://dramapulse.example.com/rss");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].image, "https://cdn.dramapulse.example.com/go.jpg");
  EXPECT_EQ(f.entries[1].image, "https://dramapulse.example.com/thumbs/teaser.jpg");
}

TEST(FeedParser, MissingIdsFallBackToLinkThenHash) {
  Feed f = Load("rss2_missing_guid.xml");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].id, "https://kculturenow.example.net/news/jisoo-zombie");
  EXPECT_TRUE(f.entries[1].id.starts_with("hash:")) << f.entries[1].id;
  EXPECT_EQ(f.entries[1].id.size(), 5u + 16u);
  EXPECT_EQ(f.entries[1].link, "");
  // Same title, different date: a different id.
  EXPECT_NE(f.entries[1].id, f.entries[2].id);
  // Stable across parses.
  EXPECT_EQ(Load("rss2_missing_guid.xml").entries[1].id, f.entries[1].id);
}

TEST(FeedParser, PermalinkGuidServesAsLink) {
  Feed f = Load("rss2_guid_permalink.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].link, "https://ostwatch.example.com/posts/paul-kim-part-5");
  EXPECT_EQ(f.entries[0].id, "https://ostwatch.example.com/posts/paul-kim-part-5");
}

TEST(FeedParser, RelativeLinksResolvedAgainstFeedUrl) {
  Feed f = Load("rss2_relative_links.xml", "https://www.relnews.example.com/rss/allArticle.xml");
  EXPECT_EQ(f.link, "https://www.relnews.example.com/");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].link, "https://www.relnews.example.com/news/articleView.html?idxno=12345");
  EXPECT_EQ(f.entries[1].link, "https://www.relnews.example.com/archive/2024/item.html");
  EXPECT_EQ(f.entries[2].link, "https://cdn.relnews.example.com/story/9");
}

TEST(FeedParser, RelativeLinksWithoutBaseStayAsWritten) {
  Feed f = Load("rss2_relative_links.xml");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].link, "/news/articleView.html?idxno=12345");
}

TEST(FeedParser, XmlBaseOnRssChannelAndItem) {
  Feed f = Load("rss2_xml_base.xml", "https://ignored.example.com/feed");
  EXPECT_EQ(f.link, "https://base.example.com/kdrama/index.html");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].link, "https://base.example.com/kdrama/stories/1.html");
  EXPECT_EQ(f.entries[1].link, "https://other.example.org/k/2.html");
}

TEST(FeedParser, WrongOrMissingDatesBecomeNull) {
  Feed f = Load("rss2_bad_dates.xml");
  ASSERT_EQ(f.entries.size(), 5u);
  EXPECT_EQ(Time(f.entries[0].published_at), "null");
  EXPECT_EQ(Time(f.entries[1].published_at), "null");
  EXPECT_EQ(Time(f.entries[2].published_at), "null");
  EXPECT_EQ(Time(f.entries[3].published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Time(f.entries[4].published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(f.entries[0].id, "https://brokendates.example.com/1");
}

TEST(FeedParser, KoreanDatesUseKstDefault) {
  Feed f = Load("rss2_korean_kst.xml", "", kKstOffsetMinutes);
  EXPECT_EQ(f.title, "스타연예뉴스");
  ASSERT_EQ(f.entries.size(), 4u);
  EXPECT_EQ(f.entries[0].title, "차은우, 판타지 드라마 <원더풀 월드> 주연 확정");
  EXPECT_EQ(f.entries[0].authors, std::vector<std::string>{"김민지 기자"});
  EXPECT_EQ(Time(f.entries[0].published_at), "2024-05-01T06:20:33Z");
  for (size_t i = 1; i < f.entries.size(); ++i) {
    EXPECT_EQ(Time(f.entries[i].published_at), "2024-05-01T06:20:00Z") << f.entries[i].title;
  }
  EXPECT_EQ(f.entries[0].id,
            "https://star.kr-ent.example.co.kr/news/articleView.html?idxno=100001");
}

TEST(FeedParser, KoreanDatesWithoutDefaultZoneAreUtc) {
  Feed f = Load("rss2_korean_kst.xml");
  ASSERT_EQ(f.entries.size(), 4u);
  EXPECT_EQ(Time(f.entries[0].published_at), "2024-05-01T15:20:33Z");
  EXPECT_EQ(Time(f.entries[2].published_at), "2024-05-01T06:20:00Z");  // explicit +09:00
}

TEST(FeedParser, NaverStyleDoubleEscapedTitle) {
  Feed f = Load("rss2_naver_style.xml", "", kKstOffsetMinutes);
  ASSERT_EQ(f.entries.size(), 1u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.title, "[단독] 김수현, <눈물의 여왕> 후속작 출연…\"긍정 검토 중\"");
  EXPECT_EQ(e.link,
            "https://www.enter-daily.example.co.kr/news/"
            "articleView.html?idxno=556677&replyAll=&reply_sc_order_by=C");
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(e.image, "https://cdn.enter-daily.example.co.kr/news/photo/202405/556677_1_1520.jpg");
  EXPECT_EQ(e.authors, std::vector<std::string>{"박지훈 기자 jhpark@enter-daily.example.co.kr"});
}

TEST(FeedParser, UndeclaredNamespacesStillRecognised) {
  Feed f = Load("rss2_undeclared_ns.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.authors, std::vector<std::string>{"Jung Hae-in Fan"});
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(e.content, "Body text.");
  EXPECT_EQ(e.image, "https://nons.example.com/t.jpg");
}

TEST(FeedParser, HtmlNamedEntitiesAndDoubleEscapes) {
  Feed f = Load("rss2_html_entities.xml");
  EXPECT_EQ(f.title, "Entities Weekly");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title,
            "Song Hye-kyo\u2019s comeback\u2026 \u201CThe Glory\u201D director reunites \u2014 "
            "송혜교 한글");
  EXPECT_EQ(f.entries[0].summary, "Double-escaped & HTML &unknownentity; stays");
}

TEST(FeedParser, Rss091WithDoctype) {
  Feed f = Load("rss091.xml");
  EXPECT_EQ(f.format, FeedFormat::kRss);
  EXPECT_EQ(f.title, "Old School K-Pop");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].id, "http://oldschool-kpop.example.com/hot-anniversary.html");
  EXPECT_EQ(f.entries[0].summary, "Fans gather for the event.");
}

TEST(FeedParser, Rss092EnclosureImage) {
  Feed f = Load("rss092.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].image, "http://kdramaradio.example.com/cover12.jpg");
  EXPECT_EQ(f.entries[0].link, "http://kdramaradio.example.com/ep12");
}

TEST(FeedParser, Rss10Rdf) {
  Feed f = Load("rdf_rss10.xml");
  EXPECT_EQ(f.format, FeedFormat::kRdf);
  EXPECT_EQ(f.title, "Asia Ent RDF");
  EXPECT_EQ(Time(f.updated_at), "2024-05-01T06:30:00Z");
  ASSERT_EQ(f.entries.size(), 2u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.id, "https://rdfnews.example.jp/a/1");
  EXPECT_EQ(e.title, "Lee Min-ho to star in sci-fi film");
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(e.authors, std::vector<std::string>{"Tanaka Yui"});
  EXPECT_EQ(e.categories, std::vector<std::string>{"Film"});
  EXPECT_EQ(e.summary, "The actor signed on this week.");
}

TEST(FeedParser, Rss090Rdf) {
  Feed f = Load("rdf_rss090.xml");
  EXPECT_EQ(f.format, FeedFormat::kRdf);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "First ever K-wave story");
  EXPECT_EQ(f.entries[0].link, "http://ninety.example.com/1");
}

TEST(FeedParser, Atom10) {
  Feed f = Load("atom_basic.xml");
  EXPECT_EQ(f.format, FeedFormat::kAtom);
  EXPECT_EQ(f.title, "K-Drama Atom News");
  EXPECT_EQ(f.link, "https://atomnews.example.com/");
  EXPECT_EQ(Time(f.updated_at), "2024-05-01T07:00:00Z");
  ASSERT_EQ(f.entries.size(), 1u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.id, "tag:atomnews.example.com,2024:entry-1");
  EXPECT_EQ(e.link, "https://atomnews.example.com/2024/05/thriller");
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Time(e.updated_at), "2024-05-01T07:00:00Z");
  EXPECT_EQ(e.authors, (std::vector<std::string>{"Yoon Seo-yeon", "Kang Tae-oh"}));
  EXPECT_EQ(e.categories, std::vector<std::string>{"Casting"});
  EXPECT_EQ(e.summary, "The pair will lead the series.");
  EXPECT_EQ(e.image, "https://atomnews.example.com/img/1.jpg");
}

TEST(FeedParser, AtomXhtmlContent) {
  Feed f = Load("atom_xhtml.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "OST Part 2 by Taeyeon");
  EXPECT_EQ(f.entries[0].content, "Taeyeon's ballad is out. Listen now.");
  EXPECT_EQ(f.entries[0].summary, f.entries[0].content);
  EXPECT_EQ(f.link, "https://xhtml.example.com/");
}

TEST(FeedParser, AtomXmlBaseChain) {
  Feed f = Load("atom_xml_base.xml", "https://feeds.kent.example.com/atom");
  EXPECT_EQ(f.link, "https://blog.kent.example.com/");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].link, "https://blog.kent.example.com/posts/2024/05/yoona-drama.html");
  EXPECT_EQ(f.entries[1].link, "https://mirror.kent.example.org/x/y.html");
}

TEST(FeedParser, AtomWithoutNamespace) {
  Feed f = Load("atom_no_namespace.xml");
  EXPECT_EQ(f.format, FeedFormat::kAtom);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].id, "nonsatom-1");
  EXPECT_EQ(f.entries[0].authors, std::vector<std::string>{"Anonymous"});
  EXPECT_EQ(Time(f.entries[0].updated_at), "2024-05-01T06:20:00Z");
}

TEST(FeedParser, Atom03IssuedModified) {
  Feed f = Load("atom03.xml");
  EXPECT_EQ(f.format, FeedFormat::kAtom);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(Time(f.entries[0].published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Time(f.entries[0].updated_at), "2024-05-01T06:30:00Z");
  EXPECT_EQ(f.entries[0].link, "https://legacy.example.com/p/1");
}

TEST(FeedParser, AtomUpdatedOnlyAndMissingId) {
  Feed f = Load("atom_updated_only.xml", "", kKstOffsetMinutes);
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(Time(f.entries[0].published_at), "null");
  EXPECT_EQ(Time(f.entries[0].updated_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(f.entries[1].id, "https://updonly.example.com/2");
}

TEST(FeedParser, JsonFeed11) {
  Feed f = Load("jsonfeed_11.json");
  EXPECT_EQ(f.format, FeedFormat::kJsonFeed);
  EXPECT_EQ(f.title, "K-Pop JSON Wire");
  EXPECT_EQ(f.link, "https://jsonwire.example.com/");
  ASSERT_EQ(f.entries.size(), 2u);
  const FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.id, "jw-2024-0501-1");
  EXPECT_EQ(e.title, "SEVENTEEN's DK sings Lovely Runner OST");
  EXPECT_EQ(Time(e.published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Time(e.updated_at), "2024-05-01T07:00:00Z");
  EXPECT_EQ(e.summary, "DK records a ballad for the drama.");
  EXPECT_EQ(e.content, "DK of SEVENTEEN recorded a ballad.");
  EXPECT_EQ(e.authors, std::vector<std::string>{"Han Ji-min"});
  EXPECT_EQ(e.categories, (std::vector<std::string>{"OST", "SEVENTEEN"}));
  EXPECT_EQ(e.image, "https://jsonwire.example.com/img/dk.jpg");
  EXPECT_EQ(f.entries[1].id, "42");
  EXPECT_EQ(Time(f.entries[1].published_at), "null");
  EXPECT_EQ(f.entries[1].summary, "Plain text only item.");
  EXPECT_EQ(f.entries[1].authors, std::vector<std::string>{"JSON Wire Staff"});
}

TEST(FeedParser, JsonFeed10RelativeUrlAndAuthorObject) {
  Feed f = Load("jsonfeed_10.json", "https://legacyjson.example.com/feed.json");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].link, "https://legacyjson.example.com/posts/ateez-variety");
  EXPECT_EQ(f.entries[0].id, "https://legacyjson.example.com/posts/ateez-variety");
  EXPECT_EQ(f.entries[0].authors, std::vector<std::string>{"Seo Ye-ji"});
  EXPECT_EQ(f.entries[0].summary, "ATEEZ will appear & perform.");
}

TEST(FeedParser, EucKrDeclaredEucKr) {
  Feed f = Load("rss2_euckr.xml", "", kKstOffsetMinutes);
  EXPECT_EQ(f.title, "연예뉴스");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "송혜교, 새 드라마 출연 확정");
  EXPECT_EQ(Time(f.entries[0].published_at), "2024-05-01T06:20:00Z");
}

TEST(FeedParser, EucKrBytesDeclaredUtf8) {
  Feed f = Load("rss2_euckr_declared_utf8.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "송혜교, 새 드라마 출연 확정");
}

TEST(FeedParser, Utf8BytesDeclaredLatin1) {
  Feed f = Load("rss2_utf8_declared_latin1.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "송혜교, 새 드라마 출연 확정");
}

TEST(FeedParser, Utf16WithBom) {
  Feed f = Load("rss2_utf16.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "송혜교, 새 드라마 출연 확정");
  EXPECT_EQ(f.entries[0].id, "enc-1");
}

TEST(FeedParser, Windows1252) {
  Feed f = Load("rss2_windows1252.xml");
  EXPECT_EQ(f.title, "Caf\u00e9 K-Drama");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "\u201cLovely Runner\u201d star\u2019s caf\u00e9 visit");
}

// A feed labelled ISO-8859-1 is read as windows-1252, as browsers do, even with a byte
// Windows leaves undefined (0x81) in it: the apostrophe and the euro sign survive.
TEST(FeedParser, Latin1LabelReadAsWindows1252WithUndefinedByte) {
  const std::string body =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<rss version=\"2.0\"><channel><title>T</title><item><guid>w1</guid>"
      "<title>don\x92t pay \x80\x35 caf\xE9</title>"
      "<description>odd \x81 byte</description></item></channel></rss>\n";
  for (const char* hint : {"", "iso-8859-1", "latin1", "us-ascii"}) {
    FeedParseOptions o;
    o.charset_hint = hint;
    Result<Feed> f = ParseFeed(body, o);
    ASSERT_TRUE(f.ok()) << hint;
    ASSERT_EQ(f->entries.size(), 1u) << hint;
    EXPECT_EQ(f->entries[0].title, "don\u2019t pay \u20AC5 caf\u00E9") << hint;
    EXPECT_EQ(f->entries[0].summary.find("\xEF\xBF\xBD"), std::string::npos) << hint;
  }
}

TEST(FeedParser, HttpCharsetHintWins) {
  FeedParseOptions o;
  o.charset_hint = "euc-kr";
  std::string body = ReadFileOrFail(SourcePath("tests/data/feeds/rss2_windows1252.xml"));
  // Declared windows-1252, but the server says EUC-KR: bytes 0x93.. are not valid
  // CP949 lead/trail pairs here, so the declaration is used after the hint fails.
  Result<Feed> f = ParseFeed(body, o);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->title, "Caf\u00e9 K-Drama");
}

TEST(FeedParser, ChannelWithoutRssRoot) {
  Feed f = Load("rss2_channel_root.xml");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].id, "rootless-1");
}

TEST(FeedParser, UnclosedAndTruncatedFeedRecovered) {
  Feed f = Load("rss2_unclosed.xml");
  EXPECT_EQ(f.title, "Truncated Feed");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].summary, "Has a stray break and unclosed paragraph");
  EXPECT_EQ(Time(f.entries[0].published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(f.entries[1].title, "Second item cut mid-way");
  EXPECT_EQ(f.entries[1].link, "https://truncated.example.com/2");
}

TEST(FeedParser, HtmlPageIsNotAFeed) {
  Result<Feed> f = ParseFeed(ReadFileOrFail(SourcePath("tests/data/feeds/not_a_feed.html")));
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(f.status().message().find("<html>"), std::string::npos) << f.status().message();
}

TEST(FeedParser, GarbageIsAParseError) {
  EXPECT_EQ(ParseFeed("").status().code(), ErrorCode::kParse);
  EXPECT_EQ(ParseFeed("just some words").status().code(), ErrorCode::kParse);
  EXPECT_EQ(ParseFeed("{not json").status().code(), ErrorCode::kParse);
  EXPECT_EQ(ParseFeed("{\"a\":1}").status().code(), ErrorCode::kUnsupported);
}

TEST(FeedParser, EntityBombLeftUnexpanded) {
  std::string body = ReadFileOrFail(SourcePath("tests/data/feeds/entity_bomb.xml"));
  Result<Feed> f = ParseFeed(body);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->title, "&lol9;");
  ASSERT_EQ(f->entries.size(), 1u);
  EXPECT_EQ(f->entries[0].title, "Bomb &lol9; &lol9; &lol9;");
  // Bounded output: nothing grew beyond the input.
  size_t total = f->title.size();
  for (const FeedEntry& e : f->entries) total += e.title.size() + e.summary.size();
  EXPECT_LT(total, body.size());
  EXPECT_EQ(f->entries[0].summary.find("lollol"), std::string::npos);
}

TEST(FeedParser, ExternalEntitiesNeverLoaded) {
  Result<Feed> f = ParseFeed(ReadFileOrFail(SourcePath("tests/data/feeds/external_entity.xml")));
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->title, "External &xxe;");
  ASSERT_EQ(f->entries.size(), 1u);
  EXPECT_EQ(f->entries[0].title, "Item &remote;");
  EXPECT_EQ(f->entries[0].id, "xxe-1");
}

TEST(FeedParser, FiftyMegabyteFeedRefusedAtCap) {
  std::string item =
      "<item><title>Filler casting news item</title><link>https://big.example.com/x</link>"
      "<description>padding padding padding padding padding padding</description></item>\n";
  std::string body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>";
  body.reserve(50u << 20);
  while (body.size() < (50u << 20)) body += item;
  body += "</channel></rss>";
  Result<Feed> f = ParseFeed(body);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), ErrorCode::kTooLarge);
  EXPECT_NE(f.status().message().find("over the cap of 16777216 bytes"), std::string::npos)
      << f.status().message();
}

TEST(FeedParser, MaxEntriesBoundsOutput) {
  FeedParseOptions o;
  o.max_entries = 1;
  Result<Feed> f = ParseFeed(ReadFileOrFail(SourcePath("tests/data/feeds/rss2_basic.xml")), o);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->entries.size(), 1u);
}

TEST(XmlTree, NodeBudgetRefusesHugeTrees) {
  std::string body = "<rss>";
  for (int i = 0; i < 2000; ++i) body += "<item/>";
  body += "</rss>";
  XmlParseOptions o;
  o.max_nodes = 1000;
  Result<XmlNode> r = ParseXmlTolerant(body, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kTooLarge);
}

TEST(XmlTree, DeepNestingIsFlattenedNotRecursed) {
  std::string body;
  for (int i = 0; i < 100000; ++i) body += "<a>";
  body += "deep";
  XmlParseOptions o;
  o.max_depth = 64;
  Result<XmlNode> r = ParseXmlTolerant(body, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Text(), "deep");
}

TEST(XmlTree, NamespacePrefixesCanonicalised) {
  Result<XmlNode> r = ParseXmlTolerant(
      "<x:feed xmlns:x='http://www.w3.org/2005/Atom' xmlns:foo='http://purl.org/rss/1.0/modules/"
      "content/'><x:Entry><foo:encoded>t</foo:encoded></x:Entry></x:feed>");
  ASSERT_TRUE(r.ok());
  const XmlNode* feed = r->FirstElement();
  ASSERT_NE(feed, nullptr);
  EXPECT_EQ(feed->name, "atom:feed");
  ASSERT_NE(feed->Child("atom:entry"), nullptr);
  EXPECT_NE(feed->Child("atom:entry")->Child("content:encoded"), nullptr);
}

// --- Issue 15: feeds without lost characters (tests written from RSS 2.0, RFC 4287,
// XML Base, Dublin Core, Media RSS, the iTunes podcast tags and CDF).

Feed ParseInline(const std::string& body, const std::string& url = "") {
  FeedParseOptions o;
  o.url = url;
  Result<Feed> f = ParseFeed(body, o);
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : Feed{};
}

TEST(MarkupText, DecodeBase64) {
  EXPECT_EQ(DecodeBase64("S2ltIFNvby1oeXVu"), "Kim Soo-hyun");
  EXPECT_EQ(DecodeBase64("  S2ltIFNv\n by1oeXVu  "), "Kim Soo-hyun");  // whitespace skipped
  EXPECT_EQ(DecodeBase64("7ZWc6rWt"), "\xED\x95\x9C\xEA\xB5\xAD");     // "한국"
  EXPECT_EQ(DecodeBase64("YQ=="), "a");
  EXPECT_EQ(DecodeBase64("YQ"), "a");  // padding optional
  EXPECT_EQ(DecodeBase64(""), "");
  EXPECT_EQ(DecodeBase64("Y"), std::nullopt);       // one digit cannot be base64
  EXPECT_EQ(DecodeBase64("YQ==YQ"), std::nullopt);  // data after padding
  EXPECT_EQ(DecodeBase64("not base64!"), std::nullopt);
}

// RFC 4287 4.1.3.3: content whose type is neither text, html, xhtml, text/* nor an XML
// media type is base64; Atom 0.3 says so with mode="base64".
TEST(FeedParser, AtomBase64TextConstructsDecoded) {
  Feed f = ParseInline(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <title type="application/octet-stream">
      Smlzb28gam9pbnMgPGk+VGhlIFdpdGNoPC9pPg==
    </title>
    <summary type="application/octet-stream">7J2064+E7ZiEIOy2nOyXsA==</summary>
    <content type="image/png">iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB</content>
  </entry></feed>)");
  ASSERT_EQ(f.entries.size(), 1u);
  // Decoded bytes of a non-text type are text as written (the tag is not markup).
  EXPECT_EQ(f.entries[0].title, "Jisoo joins <i>The Witch</i>");
  EXPECT_EQ(f.entries[0].summary, "이도현 출연");
  EXPECT_EQ(f.entries[0].content, "");  // binary image data is not text

  Feed old = ParseInline(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
    <title mode="base64" type="text/html">PGI+T1NUPC9iPiBieSBJVQ==</title>
    <content mode="base64">U2luZ2VyIElVIHJlY29yZHMgdGhlIE9TVA==</content>
  </entry></feed>)");
  ASSERT_EQ(old.entries.size(), 1u);
  EXPECT_EQ(old.entries[0].title, "OST by IU");  // html once decoded
  EXPECT_EQ(old.entries[0].content, "Singer IU records the OST");
}

TEST(FeedParser, AtomTextHtmlAndXhtmlReducedToPlainText) {
  Feed f = ParseInline(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <title type="text">1 &lt; 2 &amp; &lt;b&gt;literal&lt;/b&gt;</title>
    <summary type="html">&lt;p&gt;Cha Eun-woo &lt;b&gt;cast&lt;/b&gt;&lt;/p&gt;&lt;p&gt;in a thriller&lt;/p&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First</p><p>second &amp; <b>bold</b></p></div></content>
  </entry></feed>)");
  ASSERT_EQ(f.entries.size(), 1u);
  // type="text": the characters as written, markup-looking text included.
  EXPECT_EQ(f.entries[0].title, "1 < 2 & <b>literal</b>");
  EXPECT_EQ(f.entries[0].summary, "Cha Eun-woo cast in a thriller");
  EXPECT_EQ(f.entries[0].content, "First second & bold");
}

// XML Base: xml:base is itself resolved against the base in scope (the document URL at
// the top); links resolve as a browser reads an href (WHATWG URL Standard); ids only
// move when an explicit xml:base is in scope.
TEST(FeedParser, XmlBaseNestedResolvesLinksAndIds) {
  Feed f = ParseInline(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/">
    <link href="./"/>
    <entry xml:base="2024/">
      <id>posts/7</id>
      <link href="..\05\yoona.html?q=a b"/>
    </entry>
    <entry>
      <id>tag:kdrama.example.com,2024:8</id>
      <link xml:base="https://mirror.example.org/x/" href="../y.html"/>
    </entry>
  </feed>)",
                       "https://feeds.kdrama.example.com/atom/main.xml");
  EXPECT_EQ(f.link, "https://feeds.kdrama.example.com/blog/");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].link, "https://feeds.kdrama.example.com/blog/05/yoona.html?q=a%20b");
  EXPECT_EQ(f.entries[0].id, "https://feeds.kdrama.example.com/blog/2024/posts/7");
  EXPECT_EQ(f.entries[1].id, "tag:kdrama.example.com,2024:8");  // absolute: untouched
  EXPECT_EQ(f.entries[1].link, "https://mirror.example.org/y.html");
}

// Only relative references go through the WHATWG parser: an absolute link keeps the
// exact form it was written in (ids of entries without a guid derive from it).
TEST(FeedParser, AbsoluteLinksKeptExactlyAsWritten) {
  Feed f = ParseInline(R"(<rss version="2.0"><channel><link>https://Stars.example.com</link>
    <item><link>https://Stars.example.com:443/뉴스?id=1</link></item>
    <item><link>/뉴스?id=2</link></item>
  </channel></rss>)",
                       "https://stars.example.com/rss");
  EXPECT_EQ(f.link, "https://Stars.example.com");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].link, "https://Stars.example.com:443/뉴스?id=1");
  EXPECT_EQ(f.entries[0].id, f.entries[0].link);
  // A relative one is resolved as a browser would (path percent-encoded).
  EXPECT_EQ(f.entries[1].link, "https://stars.example.com/%EB%89%B4%EC%8A%A4?id=2");
}

TEST(FeedParser, IdsWithoutXmlBaseKeptExactlyAsWritten) {
  Feed f = ParseInline(R"(<feed xmlns="http://www.w3.org/2005/Atom">
    <entry><id>HTTP://Example.COM/%7ebob</id></entry>
    <entry><id>12345</id></entry>
  </feed>)",
                       "https://feeds.example.com/atom.xml");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].id, "HTTP://Example.COM/%7ebob");
  EXPECT_EQ(f.entries[1].id, "12345");
}

TEST(FeedParser, DublinCoreItunesAndMediaFallbacks) {
  Feed f = ParseInline(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
      xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/"
      xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
    <dc:title>Hallyu Podcast</dc:title>
    <item>
      <dc:title>Episode 12: OST week</dc:title>
      <dc:creator>Park Ji-hoon</dc:creator>
      <dc:date>2024-05-01T06:20:00Z</dc:date>
      <dcterms:modified>2024-05-02T01:00:00Z</dcterms:modified>
      <itunes:summary>Taeyeon sings the OST.</itunes:summary>
      <link>https://pod.example.com/12</link>
    </item>
    <item>
      <media:group><media:title>Teaser</media:title>
        <media:description>Kim Go-eun stars.</media:description></media:group>
      <dc:author>Lee Min-ji</dc:author>
      <link>https://pod.example.com/13</link>
    </item>
  </channel></rss>)");
  EXPECT_EQ(f.title, "Hallyu Podcast");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].title, "Episode 12: OST week");
  EXPECT_EQ(f.entries[0].authors, std::vector<std::string>{"Park Ji-hoon"});
  EXPECT_EQ(Time(f.entries[0].published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Time(f.entries[0].updated_at), "2024-05-02T01:00:00Z");
  EXPECT_EQ(f.entries[0].summary, "Taeyeon sings the OST.");
  EXPECT_EQ(f.entries[1].title, "Teaser");
  EXPECT_EQ(f.entries[1].summary, "Kim Go-eun stars.");
  EXPECT_EQ(f.entries[1].authors, std::vector<std::string>{"Lee Min-ji"});
}

TEST(FeedParser, AtomDublinCoreFallbacks) {
  Feed f = ParseInline(R"(<feed xmlns="http://www.w3.org/2005/Atom"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><entry>
    <dc:title>Song Kang returns</dc:title><dc:creator>Choi Yu-na</dc:creator>
    <dcterms:issued>2024-05-01T06:20:00Z</dcterms:issued>
    <dcterms:modified>2024-05-01T08:00:00Z</dcterms:modified>
  </entry></feed>)");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "Song Kang returns");
  EXPECT_EQ(f.entries[0].authors, std::vector<std::string>{"Choi Yu-na"});
  EXPECT_EQ(Time(f.entries[0].published_at), "2024-05-01T06:20:00Z");
  EXPECT_EQ(Time(f.entries[0].updated_at), "2024-05-01T08:00:00Z");
}

TEST(FeedParser, AuthorNameSeparatedFromEmail) {
  Feed f = ParseInline(R"(<rss version="2.0"><channel>
    <item><author>Kim Min-ji (minji@news.example.com)</author></item>
    <item><author>minji@news.example.com (Kim Min-ji)</author></item>
    <item><author>Kim Min-ji &lt;minji@news.example.com&gt;</author></item>
    <item><author>minji@news.example.com</author></item>
  </channel></rss>)");
  ASSERT_EQ(f.entries.size(), 4u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(f.entries[i].authors, std::vector<std::string>{"Kim Min-ji"}) << i;
  }
  EXPECT_EQ(f.entries[3].authors, std::vector<std::string>{"minji@news.example.com"});
}

TEST(FeedParser, CdfChannelAndItems) {
  Feed f = ParseInline(R"(<?xml version="1.0"?>
<CHANNEL HREF="https://cdf.example.com/">
  <TITLE>Legacy Channel</TITLE>
  <ITEM HREF="/news/1.html" LASTMOD="2004-04-06T23:05:43-05:00">
    <TITLE>Drama news</TITLE>
    <ABSTRACT>Park Bo-gum is cast.</ABSTRACT>
  </ITEM>
</CHANNEL>)",
                       "https://cdf.example.com/channel.cdf");
  EXPECT_EQ(f.title, "Legacy Channel");
  EXPECT_EQ(f.link, "https://cdf.example.com/");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "Drama news");
  EXPECT_EQ(f.entries[0].link, "https://cdf.example.com/news/1.html");
  EXPECT_EQ(f.entries[0].summary, "Park Bo-gum is cast.");
  EXPECT_EQ(Time(f.entries[0].updated_at), "2004-04-07T04:05:43Z");
}

TEST(FeedParser, AtomLinkWrittenAsTextAndAlternatePreferred) {
  Feed f = ParseInline(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <link rel="enclosure">https://cdn.example.com/a.mp3</link>
    <link rel="alternate">https://news.example.com/a</link>
  </entry></feed>)");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].link, "https://news.example.com/a");
}

// HTML named references in double-escaped titles: the whole HTML 4 set (kept by HTML5),
// case-sensitive; document-declared entities are still never expanded.
TEST(FeedParser, HtmlNamedEntitiesInDoubleEscapedTitles) {
  Feed f = ParseInline(R"(<!DOCTYPE rss [ <!ENTITY custom "EXPANDED"> ]>
<rss version="2.0"><channel><item>
  <title>Caf&amp;eacute; &amp;Eacute;lite &amp;alpha;&amp;Omega; &amp;spades; &amp;frac12; &amp;custom; &custom;</title>
</item></channel></rss>)");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title,
            "Caf\u00e9 \u00c9lite \u03b1\u03a9 \u2660 \u00bd &custom; &custom;");
  EXPECT_EQ(f.entries[0].title.find("EXPANDED"), std::string::npos);
}

// What a script or style element holds is code, never text: left out of an inline XHTML
// text construct (RFC 4287 3.1.1.3) and of markup written unescaped into an RSS
// description, as it already was from escaped HTML.
TEST(FeedParser, ScriptAndStyleInsideInlineMarkupAreNotText) {
  Feed f = ParseInline(R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">IU <SCRIPT>track('x');</SCRIPT>sings</div></title>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><style>p {color: red}</style><p>OST part 3</p></div></summary>
  </entry></feed>)");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "IU sings");
  EXPECT_EQ(f.entries[0].summary, "OST part 3");

  Feed rss = ParseInline(R"(<rss version="2.0"><channel><item>
    <description><p>Lee Do-hyun cast</p><script type="text/javascript">var a = 1;</script></description>
  </item></channel></rss>)");
  ASSERT_EQ(rss.entries.size(), 1u);
  EXPECT_EQ(rss.entries[0].summary, "Lee Do-hyun cast");
}

// HTML that already is markup and, once reduced, still reads "<br />" wrote that as text
// (an escaped tag inside <code>): a second reduction, meant for feeds that escape their
// HTML twice, must not remove it. Text escaped twice still gets the second pass.
TEST(FeedParser, EscapedTagInsideHtmlKeptAsText) {
  Feed f = ParseInline(R"(<rss version="2.0"><channel>
    <item><description><![CDATA[Use <code>&lt;br /&gt;</code> for a line break]]></description></item>
    <item><description>&amp;lt;p&amp;gt;Twice &amp;amp; escaped&amp;lt;/p&amp;gt;</description></item>
  </channel></rss>)");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].summary, "Use <br /> for a line break");
  EXPECT_EQ(f.entries[1].summary, "Twice & escaped");
}

// RSS 2.0 items carry <description>; some feeds add a <summary> as well. Neither text is
// dropped: the one written first is the summary, the other the content when the item has
// no other content.
TEST(FeedParser, RssDescriptionAndSummaryBothKept) {
  Feed f = ParseInline(R"(<rss version="2.0"><channel>
    <item><description>Full story of the casting</description><summary>Short</summary></item>
    <item><summary>Short first</summary><description>Long second</description></item>
    <item><description>D</description><summary>S</summary><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">Body</content:encoded></item>
  </channel></rss>)");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].summary, "Full story of the casting");
  EXPECT_EQ(f.entries[0].content, "Short");
  EXPECT_EQ(f.entries[1].summary, "Short first");
  EXPECT_EQ(f.entries[1].content, "Long second");
  EXPECT_EQ(f.entries[2].summary, "D");
  EXPECT_EQ(f.entries[2].content, "Body");  // real content wins over the second text
}

// Obsolete and embedding elements (applet, marquee, blink ...) are markup, not text;
// a work title in angle brackets that merely starts with a word stays text.
TEST(MarkupText, ObsoleteElementsAreMarkup) {
  EXPECT_EQ(HtmlToText("safe<applet code=\"a.class\" codebase=\"http://example.com/\"></applet> "
                       "<b>description</b>"),
            "safe description");
  EXPECT_EQ(HtmlToText("<marquee>Breaking</marquee> <blink>news</blink>"), "Breaking news");
  EXPECT_EQ(HtmlToText("<tt>mono</tt> and <kbd>keys</kbd>"), "mono and keys");
  EXPECT_EQ(HtmlToText("Song Kang in <Legend of the Blue Sea>"),
            "Song Kang in <Legend of the Blue Sea>");
  EXPECT_EQ(HtmlToText("<Frame> premieres"), "<Frame> premieres");
  // A void element whose name is also a word is markup when it has an attribute.
  EXPECT_EQ(HtmlToText("safe<frameset rows=\"*\"><frame src=\"http://example.com/\"></frameset> x"),
            "safe x");
  EXPECT_EQ(HtmlToText("<Base Camp> returns"), "<Base Camp> returns");
}

}  // namespace
}  // namespace hallyu
