#include "crawler/fetch/robots.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace hallyu {
namespace {

bool Allowed(std::string_view body, std::string_view agent, std::string_view path) {
  return RobotsRules::Parse(body, agent).IsAllowed(path);
}

TEST(RobotsProductToken, CutsAtFirstNonTokenChar) {
  EXPECT_EQ(RobotsProductToken("Hallyu/0.1 (+https://example.org/bot)"), "hallyu");
  EXPECT_EQ(RobotsProductToken("  Google_Bot-News v2"), "google_bot-news");
  EXPECT_EQ(RobotsProductToken("/weird"), "");
}

TEST(RobotsPatternMatches, Table) {
  struct Case {
    const char* pattern;
    const char* path;
    bool want;
  };
  const Case cases[] = {
      {"/", "/anything", true},
      {"/fish", "/fish", true},
      {"/fish", "/fish.html", true},
      {"/fish", "/fish/salmon.html", true},
      {"/fish", "/Fish.asp", false},  // case-sensitive paths
      {"/fish", "/catfish", false},
      {"/fish*", "/fishheads", true},
      {"/fish/", "/fish", false},
      {"/*.php", "/index.php", true},
      {"/*.php", "/folder/filename.php?parameters", true},
      {"/*.php", "/windows.PHP", false},
      {"/*.php$", "/filename.php", true},
      {"/*.php$", "/filename.php?parameters", false},
      {"/*.php$", "/filename.php5", false},
      {"/fish*.php", "/fish.php", true},
      {"/fish*.php", "/fishheads/catfish.php?parameters", true},
      {"/fish*.php", "/Fish.PHP", false},
      {"/a$", "/a", true},
      {"/a$", "/ab", false},
      {"/a$b", "/a$b/c", true},  // '$' is literal unless last
      {"*", "/x", true},
      {"/**/x", "/a/b/x", true},
      {"/*/*/x$", "/a/x", false},
      {"/$", "/", true},
      {"/$", "/x", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RobotsPatternMatches(c.pattern, c.path), c.want) << c.pattern << " vs " << c.path;
  }
}

// Issue 20: 11,364 wildcard rules x an 8,000-byte path took about 6 s of CPU per URL
// (every rule tried, each with a star backtracking over the path). Each pattern is now
// matched in one pass over the path, and the first match in precedence order decides.
TEST(RobotsRules, ManyWildcardRulesAgainstALongPathAreFast) {
  std::string body = "User-agent: *\n";
  int rules = 0;
  while (rules < 11364) {
    // A star, then a run that matches the path for 24 bytes before it fails: a matcher
    // that restarts after the star at every position pays 24 x |path| per rule.
    const std::string pattern = "/*" + std::string(24, 'a') + "b" + std::to_string(rules) + "$";
    body += "Disallow: " + pattern + "\n";
    ++rules;
  }
  ASSERT_LT(body.size(), RobotsRules::kMaxBytes);
  const RobotsRules parsed = RobotsRules::Parse(body, "hallyu");
  ASSERT_EQ(parsed.rule_count(), 11364u);
  const std::string path = "/" + std::string(8000, 'a');
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(parsed.IsAllowed(path));
  EXPECT_FALSE(parsed.IsAllowed(path + "b11363"));
  EXPECT_FALSE(parsed.IsAllowed(path + "b7"));
  EXPECT_TRUE(parsed.IsAllowed(path + "b7x"));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(2))
      << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms for 6 URLs";
}

TEST(RobotsRules, PrecedenceDoesNotDependOnRuleOrder) {
  // Longest match wins, Allow on a tie, whatever the order in the file.
  const char* orders[] = {
      "User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\nAllow: /*.html$\n",
      "User-agent: *\nAllow: /*.html$\nDisallow: /a/b/c\nAllow: /a/b\nDisallow: /a\n",
  };
  for (const char* body : orders) {
    EXPECT_FALSE(Allowed(body, "x", "/a/x"));
    EXPECT_TRUE(Allowed(body, "x", "/a/b/x"));
    EXPECT_FALSE(Allowed(body, "x", "/a/b/c/x"));
    EXPECT_TRUE(Allowed(body, "x", "/a/b/c.html"));  // "/*.html$" (8 octets) beats "/a/b/c" (6)
    EXPECT_TRUE(Allowed(body, "x", "/z"));
  }
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /p\nAllow: /p\n", "x", "/p"));
  EXPECT_TRUE(Allowed("User-agent: *\nAllow: /p\nDisallow: /p\n", "x", "/p"));
}

TEST(RobotsPatternMatches, PathologicalPatternIsNotExponential) {
  // Many stars against a long non-matching path: a naive recursive matcher
  // explores ~C(n, k) splits; ours is bounded by |pattern| * |path|.
  std::string pattern = "/";
  for (int i = 0; i < 40; ++i) pattern += "*a";
  pattern += "*b$";
  std::string path = "/" + std::string(20000, 'a');
  EXPECT_FALSE(RobotsPatternMatches(pattern, path));
  path.back() = 'b';
  EXPECT_TRUE(RobotsPatternMatches(pattern, path));
  // And through the parser, with thousands of such rules capped at 500 KiB.
  std::string body = "User-agent: *\n";
  while (body.size() < 600 * 1024) body += "Disallow: " + pattern + "\n";
  RobotsRules rules = RobotsRules::Parse(body, "hallyu");
  EXPECT_TRUE(rules.IsAllowed("/" + std::string(300, 'a')));
}

// The RFC's worked example, in our own words: several groups, one of them
// shared by two agents, a group for everyone else, and a group whose agent
// value carries a version.
constexpr const char* kMultiGroup =
    "# a news site\n"
    "User-Agent: hallyu\n"
    "user-agent: OtherBot\n"
    "Allow: /news/public\n"
    "Disallow: /news\n"
    "\n"
    "User-agent: *\n"
    "Disallow: /private\n"
    "Crawl-delay: 5\n"
    "\n"
    "User-agent: ArchiverBot/3.0\n"
    "Disallow: /\n"
    "\n"
    "Sitemap: https://news.example/sitemap.xml\n";

TEST(RobotsRules, SelectsOwnGroupCaseInsensitively) {
  RobotsRules r = RobotsRules::Parse(kMultiGroup, "HALLYU/0.1 (+https://example.org)");
  EXPECT_TRUE(r.IsAllowed("/news/public/1"));
  EXPECT_FALSE(r.IsAllowed("/news/2"));
  EXPECT_TRUE(r.IsAllowed("/private"));  // the * group does not apply to us
  EXPECT_FALSE(r.crawl_delay().has_value());
  EXPECT_EQ(r.rule_count(), 2u);
}

TEST(RobotsRules, SharedGroupAppliesToEachListedAgent) {
  EXPECT_FALSE(Allowed(kMultiGroup, "otherbot", "/news/x"));
  EXPECT_TRUE(Allowed(kMultiGroup, "otherbot", "/news/public"));
}

TEST(RobotsRules, FallsBackToStarGroup) {
  RobotsRules r = RobotsRules::Parse(kMultiGroup, "SomeoneElse");
  EXPECT_FALSE(r.IsAllowed("/private/x"));
  EXPECT_TRUE(r.IsAllowed("/news/x"));
  ASSERT_TRUE(r.crawl_delay().has_value());
  EXPECT_DOUBLE_EQ(*r.crawl_delay(), 5.0);
}

TEST(RobotsRules, AgentValueWithVersionMatchesProductToken) {
  EXPECT_FALSE(Allowed(kMultiGroup, "archiverbot", "/anything"));
}

TEST(RobotsRules, SitemapsExposedWhereverTheyAppear) {
  RobotsRules r = RobotsRules::Parse(
      "Sitemap: https://a.example/s1.xml\nUser-agent: *\nSitemap: https://a.example/s2.xml\n"
      "Disallow: /x\n",
      "hallyu");
  ASSERT_EQ(r.sitemaps().size(), 2u);
  EXPECT_EQ(r.sitemaps()[0], "https://a.example/s1.xml");
  EXPECT_EQ(r.sitemaps()[1], "https://a.example/s2.xml");
  EXPECT_FALSE(r.IsAllowed("/x"));  // a sitemap line does not break the group
}

TEST(RobotsRules, RepeatedGroupsForSameAgentAreMerged) {
  const char* body =
      "User-agent: hallyu\nDisallow: /a\n\n"
      "User-agent: *\nDisallow: /b\n\n"
      "User-agent: Hallyu\nDisallow: /c\n";
  RobotsRules r = RobotsRules::Parse(body, "hallyu");
  EXPECT_FALSE(r.IsAllowed("/a"));
  EXPECT_FALSE(r.IsAllowed("/c"));
  EXPECT_TRUE(r.IsAllowed("/b"));
}

TEST(RobotsRules, RepeatedStarGroupsAreMerged) {
  const char* body =
      "User-agent: *\nDisallow: /a\n\nUser-agent: x\nDisallow: /\n\n"
      "User-agent: *\nDisallow: /b\n";
  RobotsRules r = RobotsRules::Parse(body, "hallyu");
  EXPECT_FALSE(r.IsAllowed("/a"));
  EXPECT_FALSE(r.IsAllowed("/b"));
  EXPECT_TRUE(r.IsAllowed("/c"));
}

TEST(RobotsRules, EmptyOwnGroupDoesNotFallBackToStar) {
  const char* body = "User-agent: *\nDisallow: /\n\nUser-agent: hallyu\nDisallow:\n";
  EXPECT_TRUE(Allowed(body, "hallyu", "/anything"));
  EXPECT_FALSE(Allowed(body, "other", "/anything"));
}

TEST(RobotsRules, LongestMatchWins) {
  const char* body = "User-agent: *\nDisallow: /page\nAllow: /page/open\nDisallow: /page/open/x\n";
  EXPECT_FALSE(Allowed(body, "hallyu", "/page"));
  EXPECT_TRUE(Allowed(body, "hallyu", "/page/open/y"));
  EXPECT_FALSE(Allowed(body, "hallyu", "/page/open/x1"));
  // The order of lines does not matter.
  const char* reversed = "User-agent: *\nAllow: /page/open\nDisallow: /page\n";
  EXPECT_TRUE(Allowed(reversed, "hallyu", "/page/open"));
  // A wildcard pattern counts its own length.
  const char* wild = "User-agent: *\nAllow: /*.html\nDisallow: /news/\n";
  EXPECT_TRUE(Allowed(wild, "hallyu", "/news/a.html"));  // 7 > 6 octets
  const char* wild2 = "User-agent: *\nAllow: /*.html\nDisallow: /news/2024\n";
  EXPECT_FALSE(Allowed(wild2, "hallyu", "/news/2024/a.html"));
}

TEST(RobotsRules, AllowWinsTies) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /folder\nAllow: /folder\n", "h", "/folder/p"));
  EXPECT_TRUE(Allowed("User-agent: *\nAllow: /folder\nDisallow: /folder\n", "h", "/folder/p"));
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /*.htm\nAllow: /page*\n", "h", "/page.htm"));
}

TEST(RobotsRules, NoMatchingRuleMeansAllowed) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /x\n", "h", "/y"));
  EXPECT_TRUE(Allowed("", "h", "/y"));
  EXPECT_TRUE(Allowed("User-agent: other\nDisallow: /\n", "h", "/y"));
}

TEST(RobotsRules, RobotsTxtItselfAlwaysAllowed) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /\n", "h", "/robots.txt"));
  EXPECT_TRUE(RobotsRules::DisallowAll().IsAllowed("/robots.txt"));
  EXPECT_FALSE(RobotsRules::DisallowAll().IsAllowed("/"));
  EXPECT_TRUE(RobotsRules::AllowAll().IsAllowed("/anything"));
}

TEST(RobotsRules, PercentEncodingNormalisedOnBothSides) {
  // Pattern with raw UTF-8, URL path encoded (lower-case hex): same resource.
  const char* body = "User-agent: *\nDisallow: /연예/\nDisallow: /%7ejoe/\nDisallow: /a%2fb\n";
  EXPECT_FALSE(Allowed(body, "h", "/%ec%97%b0%ec%98%88/1"));
  EXPECT_FALSE(Allowed(body, "h", "/%EC%97%B0%EC%98%88/1"));
  EXPECT_FALSE(Allowed(body, "h", "/연예/2"));
  // %7E is the unreserved '~': both spellings match.
  EXPECT_FALSE(Allowed(body, "h", "/~joe/x"));
  EXPECT_FALSE(Allowed(body, "h", "/%7Ejoe/x"));
  // %2F is a reserved '/', not the same as a literal '/'.
  EXPECT_FALSE(Allowed(body, "h", "/a%2Fb"));
  EXPECT_TRUE(Allowed(body, "h", "/a/b"));
}

// An Allow is read two ways (RFC 9309 2.2.2, and as written, the way Google's reference
// parser compares) and opens only what both readings open: the crawler never fetches what
// either reader forbids. Every path below is also checked against the rule-by-rule
// reference.
TEST(RobotsRules, AllowOpensOnlyWhatBothReadingsOpen) {
  const char* body = "User-agent: *\nDisallow: /\nAllow: /docs/%61bout\nAllow: /위키/\n";
  RobotsRules r = RobotsRules::Parse(body, "hallyu");
  // Percent-encoded unreserved: the decoded spelling is opened by the RFC reading only.
  EXPECT_TRUE(r.IsAllowed("/docs/%61bout"));
  EXPECT_FALSE(r.IsAllowed("/docs/about"));
  // Raw UTF-8 in the pattern is encoded by both; a raw path matches it only in the RFC
  // reading (a URL arrives percent-encoded; a raw one is not the same string).
  EXPECT_TRUE(r.IsAllowed("/%EC%9C%84%ED%82%A4/page"));
  EXPECT_FALSE(r.IsAllowed("/위키/page"));
  for (const char* path :
       {"/docs/%61bout", "/docs/about", "/%EC%9C%84%ED%82%A4/page", "/위키/page", "/other"}) {
    EXPECT_EQ(r.IsAllowed(path), r.IsAllowedTryingEveryRule(path)) << path;
  }
}

// A Disallow closes what either reading closes: both spellings of an unreserved character
// stay closed, whichever the file or the URL uses.
TEST(RobotsRules, DisallowClosesWhatEitherReadingCloses) {
  const char* body = "User-agent: *\nDisallow: /%7Euser/\nDisallow: /plain~/\n";
  RobotsRules r = RobotsRules::Parse(body, "hallyu");
  for (const char* path : {"/~user/x", "/%7Euser/x", "/%7euser/x", "/plain~/x", "/plain%7E/x"}) {
    EXPECT_FALSE(r.IsAllowed(path)) << path;
    EXPECT_EQ(r.IsAllowed(path), r.IsAllowedTryingEveryRule(path)) << path;
  }
  EXPECT_TRUE(r.IsAllowed("/user/x"));
}

TEST(LiteralRobotsPattern, EncodesRawBytesAndUpperCasesHexOnly) {
  EXPECT_EQ(LiteralRobotsPattern("/a/%62%7ez/ツ*$"), "/a/%62%7Ez/%E3%83%84*$");
  EXPECT_EQ(LiteralRobotsPattern("/100%/x%zz"), "/100%/x%zz");
}

TEST(RobotsRules, QueryIsPartOfThePath) {
  const char* body = "User-agent: *\nDisallow: /*?sort=\nDisallow: /search?\n";
  EXPECT_FALSE(Allowed(body, "h", "/list?sort=date"));
  EXPECT_TRUE(Allowed(body, "h", "/list?page=2"));
  EXPECT_FALSE(Allowed(body, "h", "/search?q=bts"));
  EXPECT_TRUE(Allowed(body, "h", "/search"));
}

TEST(RobotsRules, GarbageCommentsBomAndLineEndings) {
  std::string body =
      "\xEF\xBB\xBFUser-agent: *\r\n"
      "this line is garbage\r"
      "<html><body>oops</body></html>\n"
      "Disallow: /admin # staff only\n"
      "Unknown-directive: whatever\n"
      "Noindex: /x\n"
      "   Disallow   :   /tmp   \n";
  RobotsRules r = RobotsRules::Parse(body, "hallyu");
  EXPECT_FALSE(r.IsAllowed("/admin/x"));
  EXPECT_FALSE(r.IsAllowed("/tmp/x"));
  EXPECT_TRUE(r.IsAllowed("/x"));
  EXPECT_EQ(r.rule_count(), 2u);
}

TEST(RobotsRules, RulesBeforeAnyUserAgentAreIgnored) {
  EXPECT_TRUE(Allowed("Disallow: /\nUser-agent: *\nDisallow: /x\n", "h", "/y"));
}

TEST(RobotsRules, AcceptsCommonMisspellings) {
  EXPECT_FALSE(Allowed("useragent: *\ndissallow: /x\n", "h", "/x"));
  EXPECT_EQ(RobotsRules::Parse("site-map: https://a/s.xml\n", "h").sitemaps().size(), 1u);
}

TEST(RobotsRules, KnownKeyWithoutColonIsReadAsIfItHadOne) {
  const char* body = "user-agent hallyu\ndisallow /private\nallow\t/private/open\n";
  EXPECT_FALSE(Allowed(body, "hallyu", "/private/x"));
  EXPECT_TRUE(Allowed(body, "hallyu", "/private/open/1"));
  EXPECT_TRUE(Allowed(body, "hallyu", "/public"));
  // Without a colon, only a known key followed by a value counts.
  EXPECT_TRUE(Allowed("user-agent *\nnoindex /x\ndisallow\n", "h", "/x"));
  EXPECT_EQ(RobotsRules::Parse("user-agent *\nnonsense /x\ndisallow\n", "h").rule_count(), 0u);
}

TEST(RobotsRules, LongLineIsCutAndItsStartStillUsed) {
  // A line of 20,000 bytes: the pattern keeps its first 16,663 - len("Disallow: ") bytes.
  const std::string head = "Disallow: ";
  const std::string pattern = "/x/" + std::string(20000, 'a');
  const std::string body = "User-agent: *\n" + head + pattern + "\n";
  const std::size_t kept = 16663 - head.size();
  EXPECT_FALSE(Allowed(body, "h", pattern.substr(0, kept) + "/anything"));
  EXPECT_TRUE(Allowed(body, "h", pattern.substr(0, kept - 1) + "b"));
  EXPECT_TRUE(Allowed(body, "h", "/x/b"));
  // The next line is read normally.
  EXPECT_FALSE(Allowed(body + "Disallow: /next\n", "h", "/next"));
}

TEST(RobotsRules, AllowedIndexHtmlAllowsItsDirectory) {
  const char* body = "User-agent: *\nAllow: /news/index.html\nDisallow: /\n";
  EXPECT_TRUE(Allowed(body, "h", "/news/index.html"));
  EXPECT_TRUE(Allowed(body, "h", "/news/"));
  EXPECT_FALSE(Allowed(body, "h", "/news/other"));
  EXPECT_FALSE(Allowed(body, "h", "/news/index.htm"));
  EXPECT_FALSE(Allowed(body, "h", "/news"));
  // Only Allow: a disallowed index page says nothing about the directory's other pages.
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /news/index.html\n", "h", "/news/"));
}

TEST(RobotsRules, PatternWithoutLeadingSlashIsRooted) {
  EXPECT_FALSE(Allowed("User-agent: *\nDisallow: private\n", "h", "/private/1"));
}

TEST(RobotsRules, InvalidCrawlDelayIgnored) {
  EXPECT_FALSE(RobotsRules::Parse("User-agent: *\nCrawl-delay: soon\n", "h").crawl_delay());
  EXPECT_FALSE(RobotsRules::Parse("User-agent: *\nCrawl-delay: -3\n", "h").crawl_delay());
  auto d = RobotsRules::Parse("User-agent: *\nCrawl-delay: 0.5\n", "h").crawl_delay();
  ASSERT_TRUE(d);
  EXPECT_DOUBLE_EQ(*d, 0.5);
}

TEST(RobotsRules, ContentBeyond500KiBIsIgnored) {
  std::string body = "User-agent: *\nDisallow: /early\n";
  body += "# " + std::string(RobotsRules::kMaxBytes, 'x') + "\n";
  body += "Disallow: /late\n";
  RobotsRules r = RobotsRules::Parse(body, "h");
  EXPECT_FALSE(r.IsAllowed("/early"));
  EXPECT_TRUE(r.IsAllowed("/late"));

  // A rule cut by the limit is dropped rather than read truncated.
  std::string cut = "User-agent: *\n";
  cut += "# " + std::string(RobotsRules::kMaxBytes - cut.size() - 2 - 12, 'y') + "\n";
  cut += "Disallow: /abcdef\n";  // the limit falls inside this line
  ASSERT_GT(cut.size(), RobotsRules::kMaxBytes);
  ASSERT_LT(cut.size() - 18, RobotsRules::kMaxBytes);
  EXPECT_TRUE(RobotsRules::Parse(cut, "h").IsAllowed("/a"));
}

// ---- RobotsCache ----

struct FakeClock {
  RobotsCache::TimePoint now{};
  RobotsCache::Clock fn() {
    return [this] { return now; };
  }
};

RobotsCacheOptions CacheOptions() {
  RobotsCacheOptions o;
  o.user_agent = "hallyu/0.1";
  return o;
}

using V = RobotsCache::Verdict;

TEST(RobotsCache, FetchOnceThenAnswerFromCache) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  const std::string origin = "https://news.example";
  EXPECT_EQ(cache.Check(origin, "/a"), V::kNeedsFetch);
  EXPECT_EQ(cache.Check(origin, "/b"), V::kPending);  // not handed out twice
  cache.RecordResponse(origin, 200, "User-agent: *\nDisallow: /b\n");
  EXPECT_EQ(cache.Check(origin, "/a"), V::kAllowed);
  EXPECT_EQ(cache.Check(origin, "/b"), V::kDisallowed);
  EXPECT_EQ(cache.Check("https://other.example", "/b"), V::kNeedsFetch);      // per host
  EXPECT_EQ(cache.Check("https://news.example:8443", "/b"), V::kNeedsFetch);  // per port
}

TEST(RobotsCache, ExpiresAfterTtl) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  const std::string o = "http://a.example";
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, "User-agent: *\nDisallow: /x\n");
  clock.now += std::chrono::hours(23);
  EXPECT_EQ(cache.Check(o, "/x"), V::kDisallowed);
  clock.now += std::chrono::hours(1);
  EXPECT_EQ(cache.Check(o, "/x"), V::kNeedsFetch);
  EXPECT_EQ(cache.Rules(o), nullptr);
}

// A 2xx whose body did not arrive whole is not an empty robots.txt (issue 20): the
// fetcher clears the body of a cut-short, corruptly encoded or timed-out transfer, and
// that used to be parsed as "no rules", i.e. everything allowed.
TEST(RobotsCache, TransferFailedAfterSuccessStatusIsUnreachable) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  const std::string o = "http://cut.example";
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, "", RobotsBody::kFailed);
  EXPECT_EQ(cache.Check(o, "/a"), V::kDisallowed);
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::seconds(60));  // retried soon
  // Even with a partial body in hand: "User-agent: *\nDisallow: /priv" cut short
  // says nothing about the rest of the file.
  clock.now += std::chrono::seconds(60);
  ASSERT_EQ(cache.Check(o, "/a"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, "User-agent: *\nDisallow: /priv", RobotsBody::kFailed);
  EXPECT_EQ(cache.Check(o, "/a"), V::kDisallowed);
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::seconds(120));  // backoff
  // Once read whole, the rules apply and the failure count is reset.
  clock.now += std::chrono::seconds(120);
  ASSERT_EQ(cache.Check(o, "/a"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, "User-agent: *\nDisallow: /priv\n", RobotsBody::kComplete);
  EXPECT_EQ(cache.Check(o, "/a"), V::kAllowed);
  EXPECT_EQ(cache.Check(o, "/private"), V::kDisallowed);
  // A 4xx stays "no robots.txt" whatever happened to its body.
  const std::string gone = "http://gone.example";
  ASSERT_EQ(cache.Check(gone, "/"), V::kNeedsFetch);
  cache.RecordResponse(gone, 404, "", RobotsBody::kFailed);
  EXPECT_EQ(cache.Check(gone, "/a"), V::kAllowed);
}

TEST(RobotsCache, FailureOfNamesWhyTheLastFetchFailed) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  const std::string o = "http://why.example";
  EXPECT_EQ(cache.FailureOf(o), "");
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, "", RobotsBody::kFailed);
  EXPECT_EQ(cache.FailureOf(o), "HTTP 200, transfer failed in the body");
  clock.now += std::chrono::seconds(60);
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 503, "");
  EXPECT_EQ(cache.FailureOf(o), "HTTP 503");
  clock.now += std::chrono::seconds(120);
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordUnreachable(o, "curl: Timeout was reached (28)");
  EXPECT_EQ(cache.FailureOf(o), "curl: Timeout was reached (28)");
  clock.now += std::chrono::seconds(240);
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, "", RobotsBody::kCutAtLimit);
  EXPECT_EQ(cache.FailureOf(o), "HTTP 200, body over the size limit and not kept");
  clock.now += std::chrono::seconds(480);
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 404, "");
  EXPECT_EQ(cache.FailureOf(o), "");
}

TEST(RobotsCache, OversizedFileIsReadUpToTheLimit) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  // 2 MiB: a Disallow at the top, then filler; the fetch kept its first 1 MiB.
  std::string body = "User-agent: *\nDisallow: /private/\n";
  while (body.size() < (2u << 20)) body += "# filler line of a very large robots.txt\n";
  const std::string_view first_mib = std::string_view(body).substr(0, 1u << 20);
  const std::string o = "http://big.example";
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, first_mib, RobotsBody::kCutAtLimit);
  EXPECT_EQ(cache.Check(o, "/private/a"), V::kDisallowed);
  EXPECT_EQ(cache.Check(o, "/news/a"), V::kAllowed);
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::hours(24));  // a real answer
  // A cap below 500 KiB cuts inside a line: the cut line is ignored, the rest holds.
  const std::string small = "http://small.example";
  ASSERT_EQ(cache.Check(small, "/"), V::kNeedsFetch);
  cache.RecordResponse(small, 200, "User-agent: *\nDisallow: /a/\nDisallow: /",
                       RobotsBody::kCutAtLimit);
  EXPECT_EQ(cache.Check(small, "/a/x"), V::kDisallowed);
  EXPECT_EQ(cache.Check(small, "/b"), V::kAllowed);  // "Disallow: /" was cut: not read
  // Over the cap with no body kept at all: unreachable, not "allow everything".
  const std::string none = "http://none.example";
  ASSERT_EQ(cache.Check(none, "/"), V::kNeedsFetch);
  cache.RecordResponse(none, 200, "", RobotsBody::kCutAtLimit);
  EXPECT_EQ(cache.Check(none, "/b"), V::kDisallowed);
}

TEST(RobotsCache, ClientErrorMeansAllowAll) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  for (int status : {404, 403, 410, 401}) {
    std::string o = "http://h" + std::to_string(status) + ".example";
    ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
    cache.RecordResponse(o, status, "User-agent: *\nDisallow: /\n");  // body ignored
    EXPECT_EQ(cache.Check(o, "/secret"), V::kAllowed) << status;
    EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::hours(24));
  }
}

TEST(RobotsCache, ServerErrorOrUnreachableMeansDisallowAllWithBackoff) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  const std::string o = "http://down.example";
  ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
  cache.RecordResponse(o, 503, "");
  EXPECT_EQ(cache.Check(o, "/a"), V::kDisallowed);
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::seconds(60));

  clock.now += std::chrono::seconds(60);
  ASSERT_EQ(cache.Check(o, "/a"), V::kNeedsFetch);
  cache.RecordUnreachable(o);
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::seconds(120));
  clock.now += std::chrono::seconds(120);
  ASSERT_EQ(cache.Check(o, "/a"), V::kNeedsFetch);
  cache.RecordResponse(o, 429, "");
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::seconds(240));
  EXPECT_EQ(cache.Check(o, "/a"), V::kDisallowed);

  // Backoff is capped.
  for (int i = 0; i < 20; ++i) {
    clock.now += std::chrono::hours(7);
    ASSERT_EQ(cache.Check(o, "/a"), V::kNeedsFetch);
    cache.RecordUnreachable(o);
  }
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::hours(6));

  // Recovery resets the backoff and uses the rules.
  clock.now += std::chrono::hours(6);
  ASSERT_EQ(cache.Check(o, "/a"), V::kNeedsFetch);
  cache.RecordResponse(o, 200, "User-agent: hallyu\nDisallow: /b\n");
  EXPECT_EQ(cache.Check(o, "/a"), V::kAllowed);
  EXPECT_EQ(cache.Check(o, "/b"), V::kDisallowed);
  EXPECT_EQ(*cache.ExpiresAt(o), clock.now + std::chrono::hours(24));
}

TEST(RobotsCache, LostFetchIsHandedOutAgainAfterTimeout) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  ASSERT_EQ(cache.Check("http://a.example", "/"), V::kNeedsFetch);
  clock.now += std::chrono::seconds(299);
  EXPECT_EQ(cache.Check("http://a.example", "/"), V::kPending);
  clock.now += std::chrono::seconds(1);
  EXPECT_EQ(cache.Check("http://a.example", "/"), V::kNeedsFetch);
}

TEST(RobotsCache, RobotsTxtCheckNeverWaitsForItself) {
  FakeClock clock;
  RobotsCache cache(CacheOptions(), clock.fn());
  EXPECT_EQ(cache.Check("http://a.example", "/robots.txt"), V::kAllowed);
}

TEST(RobotsCache, BoundedWithLeastRecentlyUsedEviction) {
  FakeClock clock;
  RobotsCacheOptions opts = CacheOptions();
  opts.max_hosts = 3;
  RobotsCache cache(opts, clock.fn());
  for (const char* o : {"http://a", "http://b", "http://c"}) {
    ASSERT_EQ(cache.Check(o, "/"), V::kNeedsFetch);
    cache.RecordResponse(o, 200, "User-agent: *\nDisallow: /x\n");
  }
  EXPECT_EQ(cache.Check("http://a", "/x"), V::kDisallowed);  // a is now most recent
  ASSERT_EQ(cache.Check("http://d", "/"), V::kNeedsFetch);   // evicts b
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.Check("http://a", "/x"), V::kDisallowed);
  EXPECT_EQ(cache.Check("http://c", "/x"), V::kDisallowed);
  EXPECT_EQ(cache.Check("http://b", "/x"), V::kNeedsFetch);
  EXPECT_EQ(cache.size(), 3u);
}

}  // namespace
}  // namespace hallyu
