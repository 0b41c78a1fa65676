#include "extractors/url/url.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace hallyu {
namespace {

struct NormalizeCase {
  const char* in;
  const char* want;  // nullptr: expect an error
};

TEST(UrlNormalizer, Table) {
  const NormalizeCase cases[] = {
      // scheme and host case
      {"HTTP://WWW.Example.COM/Path", "http://www.example.com/Path"},
      {"HtTpS://example.com", "https://example.com/"},
      // default ports
      {"http://example.com:80/a", "http://example.com/a"},
      {"https://example.com:443/a", "https://example.com/a"},
      {"http://example.com:443/a", "http://example.com:443/a"},
      {"https://example.com:8443/a", "https://example.com:8443/a"},
      // dot segments
      {"http://example.com/a/b/../c/./d", "http://example.com/a/c/d"},
      {"http://example.com/../../a", "http://example.com/a"},
      {"http://example.com/a/b/..", "http://example.com/a/"},
      {"http://example.com/a/%2E%2E/b", "http://example.com/b"},
      // percent-encoding
      {"http://example.com/%7Euser/%61bc", "http://example.com/~user/abc"},
      {"http://example.com/a%2fb%3a", "http://example.com/a%2Fb%3A"},
      {"http://example.com/a b", "http://example.com/a%20b"},
      {"http://example.com/100%", "http://example.com/100%25"},
      {"http://example.com/%zz", "http://example.com/%25zz"},
      {"http://example.com/뉴스", "http://example.com/%EB%89%B4%EC%8A%A4"},
      {"http://example.com/%eb%89%b4%ec%8a%a4", "http://example.com/%EB%89%B4%EC%8A%A4"},
      {"http://example.com/?q=%ea%b0%80+%7e", "http://example.com/?q=%EA%B0%80+~"},
      // fragment dropped
      {"http://example.com/a#section-2", "http://example.com/a"},
      {"http://example.com/a?x=1#top", "http://example.com/a?x=1"},
      // tracking parameters and empty query
      {"http://example.com/a?utm_source=tw&id=7&utm_medium=social", "http://example.com/a?id=7"},
      {"http://example.com/a?fbclid=XYZ", "http://example.com/a"},
      {"http://example.com/a?gclid=1&GCLID=2&UTM_campaign=x&b=2", "http://example.com/a?b=2"},
      {"http://example.com/a?", "http://example.com/a"},
      {"http://example.com/a?&&x=1&&", "http://example.com/a?x=1"},
      {"http://example.com/a?b=2&a=1", "http://example.com/a?b=2&a=1"},  // order kept
      {"http://example.com/a?utm=1", "http://example.com/a?utm=1"},      // not utm_*
      // IDN to punycode
      {"http://한국.example/기사", "http://xn--3e0b707e.example/%EA%B8%B0%EC%82%AC"},
      {"https://Bücher.example/", "https://xn--bcher-kva.example/"},
      // whitespace around and inside
      {"  http://example.com/a\n", "http://example.com/a"},
      {"http://exa\tmple.com/a", "http://example.com/a"},
      // IP literals
      {"http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x"},
      {"http://[::1]:80/x", "http://[::1]/x"},
      // errors
      {"ftp://example.com/file", nullptr},
      {"javascript:alert(1)", nullptr},
      {"mailto:someone@example.com", nullptr},
      {"file:///etc/passwd", nullptr},
      {"/relative/path", nullptr},
      {"example.com/no-scheme", nullptr},
      {"http://", nullptr},
      {"http://exa mple.com/", nullptr},
      {"http://example.com:99999/", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    auto got = NormalizeUrl(c.in);
    if (c.want == nullptr) {
      EXPECT_FALSE(got.ok()) << c.in << " -> " << (got.ok() ? *got : "");
    } else {
      ASSERT_TRUE(got.ok()) << c.in << ": " << got.status().ToString();
      EXPECT_EQ(*got, c.want) << c.in;
    }
  }
}

TEST(UrlNormalizer, UnsupportedSchemeIsClearError) {
  auto r = NormalizeUrl("ftp://example.com/x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kUnsupported);
  EXPECT_NE(r.status().message().find("ftp"), std::string::npos);
  EXPECT_NE(r.status().message().find("only http and https"), std::string::npos);
}

TEST(UrlNormalizer, ConfigurableTrackingParams) {
  UrlNormalizeOptions opts;
  opts.extra_tracking_params = {"ref_src", "mc_*"};
  auto r = NormalizeUrl("https://example.com/p?ref_src=tw&mc_cid=1&mc_eid=2&keep=1", opts);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "https://example.com/p?keep=1");
  // Without the option those stay.
  auto d = NormalizeUrl("https://example.com/p?ref_src=tw&keep=1");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, "https://example.com/p?ref_src=tw&keep=1");
}

TEST(UrlNormalizer, RejectsOverlongUrl) {
  UrlNormalizeOptions opts;
  opts.max_length = 100;
  std::string url = "http://example.com/" + std::string(200, 'a');
  auto r = NormalizeUrl(url, opts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
}

// Property: normalisation is idempotent, and every spelling variant of a URL
// (case, default port, encoded unreserved, fragment, tracking) maps to the
// same normal form.
TEST(UrlNormalizer, IdempotentAndVariantsAgree) {
  const std::vector<std::string> seeds = {
      "http://example.com/", "https://news.example.co.kr/article/123?id=5",
      "http://example.com/a/b/c.html", "https://example.com/search?q=%EA%B0%80&page=2",
      "http://xn--3e0b707e.example/x"};
  for (const std::string& seed : seeds) {
    auto n = NormalizeUrl(seed);
    ASSERT_TRUE(n.ok()) << seed;
    auto nn = NormalizeUrl(*n);
    ASSERT_TRUE(nn.ok());
    EXPECT_EQ(*n, *nn) << "not idempotent: " << seed;

    auto parts = ParseUrl(seed);
    ASSERT_TRUE(parts.ok());
    std::string upper_scheme = parts->scheme == "http" ? "HTTP" : "HTTPS";
    std::string upper_host;
    for (char c : parts->host) upper_host.push_back(static_cast<char>(toupper(c)));
    std::string port = parts->scheme == "http" ? ":80" : ":443";
    std::string sep = parts->query.empty() ? "?" : "&";
    std::string variant = upper_scheme + "://" + upper_host + port + "/./" +
                          parts->PathAndQuery().substr(1) + sep + "utm_source=x#frag";
    auto v = NormalizeUrl(variant);
    ASSERT_TRUE(v.ok()) << variant << ": " << v.status().ToString();
    EXPECT_EQ(*v, *n) << variant;
  }
}

// Found by tests/fuzz/url_fuzzer.cc: a percent-encoded host was decoded but not read as a
// host, so "https://%33/" normalised to "https://3/", which normalises to "https://0.0.0.3/".
TEST(UrlNormalizer, PercentEncodedHostGetsThePlainHostsForm) {
  for (const char* url : {"https://%33/", "https://3/", "https://@%33/"}) {
    auto n = NormalizeUrl(url);
    ASSERT_TRUE(n.ok()) << url << ": " << n.status().ToString();
    EXPECT_EQ(*n, "https://0.0.0.3/") << url;
  }
  auto n = NormalizeUrl("http://%31%32%37.0.0.1:8080/a");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, "http://127.0.0.1:8080/a");
  auto r = ResolveUrl("https://news.example.co.kr/a/b/c.html?x=1", "//@%33");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "https://0.0.0.3/");
  EXPECT_EQ(*NormalizeUrl("https://News.Example.COM%2e/x"),
            *NormalizeUrl(*NormalizeUrl("https://News.Example.COM%2e/x")));
  EXPECT_FALSE(NormalizeUrl("https://%2533/").ok());  // still a '%' after one decoding
  EXPECT_FALSE(NormalizeUrl("http:/%/30").ok());      // a lone '%' as the host
  EXPECT_FALSE(NormalizeUrl("https://a%2Fb/").ok());  // a decoded '/' in the host
  // Found by the fuzzer later: a decoded DEL was kept in the host ("//%7Fabc" resolved to
  // "https://\x7Fabc/", which NormalizeUrl then refused). Control characters are refused,
  // and any other unusual host gets libcurl's host check too.
  EXPECT_FALSE(NormalizeUrl("https://%7Fabc/").ok());
  EXPECT_FALSE(ResolveUrl("https://news.example.co.kr/a/b/c.html?x=1", "//%7Fabc").ok());
  EXPECT_FALSE(NormalizeUrl("https://a%01b/").ok());
  for (const char* url : {"https://a%21b/", "https://a%24b.example/", "https://%5B::1%5D/",
                          "https://exa%6Dple.com/"}) {
    auto once = NormalizeUrl(url);
    if (!once.ok()) continue;  // refused is fine; accepted must be a fixed point
    auto twice = NormalizeUrl(*once);
    ASSERT_TRUE(twice.ok()) << url << " -> " << *once << ": " << twice.status().ToString();
    EXPECT_EQ(*twice, *once) << url;
  }
  EXPECT_EQ(*NormalizeUrl("https://exa%6Dple.com/"), "https://example.com/");
}

// The crawl key is a step on top of the URL Standard's parse: what the standard reads
// (backslashes, "http:g" against a base, IPv4 forms, an empty password) is read first,
// then the key drops what does not name another page.
TEST(UrlNormalizer, KeyIsTakenFromTheStandardsParse) {
  struct Case {
    const char* base;  // nullptr: NormalizeUrl
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {nullptr, "https:\\\\News.Example.kr\\a\\b?utm_source=x#f", "https://news.example.kr/a/b"},
      {nullptr, "https://user:@example.kr/a", "https://user@example.kr/a"},
      {nullptr, "http://0x7F.1:80/", "http://127.0.0.1/"},
      {nullptr, "http://[0:0:0:0:0:0:0:1]/", "http://[::1]/"},
      {nullptr, "http://example.kr/a/%2e%2E/b", "http://example.kr/b"},
      {nullptr, "http://example.kr/?a='1'", "http://example.kr/?a=%271%27"},
      {"https://news.example.kr/ent/list.php?page=1", "https:view.php?id=3",
       "https://news.example.kr/ent/view.php?id=3"},
      {"https://news.example.kr/ent/list.php?page=1", "\\\\cdn.example.kr\\x.js",
       "https://cdn.example.kr/x.js"},
      {"https://news.example.kr/ent/list.php?page=1", "http:other.example.kr/",
       "http://other.example.kr/"},
  };
  for (const Case& c : cases) {
    auto got = c.base == nullptr ? NormalizeUrl(c.in) : ResolveUrl(c.base, c.in);
    ASSERT_TRUE(got.ok()) << c.in << ": " << got.status().ToString();
    EXPECT_EQ(*got, c.want) << c.in;
    auto again = NormalizeUrl(*got);
    ASSERT_TRUE(again.ok()) << *got;
    EXPECT_EQ(*again, *got) << "key is not a fixed point: " << c.in;
  }
  EXPECT_FALSE(NormalizeUrl("http://1.2.3.256/").ok());
  EXPECT_FALSE(NormalizeUrl("https://user@/x").ok());
  EXPECT_EQ(NormalizeUrl("wss://example.kr/").status().code(), ErrorCode::kUnsupported);
}

struct ResolveCase {
  const char* base;
  const char* ref;
  const char* want;
};

TEST(UrlResolver, Rfc3986StyleTable) {
  const char* base = "http://a.example/b/c/d;p?q";
  const ResolveCase cases[] = {
      {base, "g", "http://a.example/b/c/g"},
      {base, "./g", "http://a.example/b/c/g"},
      {base, "g/", "http://a.example/b/c/g/"},
      {base, "/g", "http://a.example/g"},
      {base, "//other.example/g", "http://other.example/g"},
      {base, "?y", "http://a.example/b/c/d;p?y"},
      {base, "g?y", "http://a.example/b/c/g?y"},
      {base, "#s", "http://a.example/b/c/d;p?q"},
      {base, "", "http://a.example/b/c/d;p?q"},
      {base, "..", "http://a.example/b/"},
      {base, "../g", "http://a.example/b/g"},
      {base, "../../g", "http://a.example/g"},
      {base, "../../../g", "http://a.example/g"},
      {base, "g;x=1/../y", "http://a.example/b/c/y"},
      {base, "https://Secure.Example:443/x?utm_medium=m", "https://secure.example/x"},
      {"https://news.example.co.kr/list?page=1", "view.php?id=42&fbclid=abc",
       "https://news.example.co.kr/view.php?id=42"},
      {"https://news.example.co.kr/a/", " 기사/1 ",
       "https://news.example.co.kr/a/%EA%B8%B0%EC%82%AC/1"},
  };
  for (const auto& c : cases) {
    auto got = ResolveUrl(c.base, c.ref);
    ASSERT_TRUE(got.ok()) << c.ref << ": " << got.status().ToString();
    EXPECT_EQ(*got, c.want) << "ref " << c.ref;
  }
}

TEST(UrlResolver, RejectsNonHttpReferencesAndBadBase) {
  EXPECT_EQ(ResolveUrl("http://a.example/", "javascript:void(0)").status().code(),
            ErrorCode::kUnsupported);
  EXPECT_EQ(ResolveUrl("http://a.example/", "mailto:x@a.example").status().code(),
            ErrorCode::kUnsupported);
  EXPECT_EQ(ResolveUrl("http://a.example/", "data:text/html,hi").status().code(),
            ErrorCode::kUnsupported);
  EXPECT_FALSE(ResolveUrl("not a url", "g").ok());
  EXPECT_FALSE(ResolveUrl("ftp://a.example/", "g").ok());
}

// Property: resolving an absolute reference equals normalising it, whatever the base.
TEST(UrlResolver, AbsoluteReferenceIgnoresBase) {
  const char* refs[] = {"http://x.example/a/../b?utm_id=1&k=v#f", "HTTPS://Y.example:443/%7e"};
  for (const char* ref : refs) {
    auto n = NormalizeUrl(ref);
    ASSERT_TRUE(n.ok());
    for (const char* base : {"http://a.example/", "https://b.example/c/d?e"}) {
      auto r = ResolveUrl(base, ref);
      ASSERT_TRUE(r.ok());
      EXPECT_EQ(*r, *n);
    }
  }
}

// Cross-check: the string-only resolver agrees with libcurl's resolution on a
// grid of bases x references (relative paths, dot segments, queries,
// fragments, encodings, non-ASCII, tracking parameters).
TEST(UrlResolver, AgreesWithLibcurlResolution) {
  const char* bases[] = {
      "http://a.example/b/c/d;p?q",
      "https://news.example.co.kr/ent/list.php?page=2&utm_source=x",
      "https://news.example.co.kr/",
      "http://user:pw@h.example:8080/x/y/",
      "https://h.example/%7Ea/%eb%89%b4%EC%8A%A4/index.html",
      "https://h.example",
  };
  const char* refs[] = {"g",
                        "./g",
                        "g/",
                        "/g",
                        "?y",
                        "g?y",
                        "#s",
                        "g#s",
                        "g?y#s",
                        ";x",
                        "g;x",
                        "",
                        ".",
                        "./",
                        "..",
                        "../",
                        "../g",
                        "../..",
                        "../../",
                        "../../g",
                        "../../../g",
                        "/./g",
                        "/../g",
                        "g.",
                        ".g",
                        "g..",
                        "..g",
                        "./../g",
                        "./g/.",
                        "g/./h",
                        "g/../h",
                        "g;x=1/./y",
                        "g;x=1/../y",
                        "view.php?id=42&fbclid=abc",
                        "/a b/c",
                        "기사/1",
                        "%7euser",
                        "a%2fb",
                        "100%",
                        "?",
                        "?&&x=1&&",
                        "/p?UTM_medium=1&k=v",
                        "a/%2E%2E/b",
                        "  spaced  ",
                        "q?a=%ea%b0%80",
                        "x?b=[1]",
                        "x|y",
                        "/~tilde/",
                        "a\tb"};
  for (const char* base : bases) {
    auto resolver = UrlResolver::Create(base);
    ASSERT_TRUE(resolver.ok()) << base;
    for (const char* ref : refs) {
      auto fast = resolver->Resolve(ref);
      auto slow = internal::ResolveUrlWithCurl(base, ref);
      ASSERT_EQ(fast.ok(), slow.ok()) << base << " + " << ref;
      if (fast.ok()) {
        EXPECT_EQ(*fast, *slow) << base << " + " << ref;
      }
    }
  }
}

TEST(UrlResolver, ReusedForManyLinks) {
  auto r = UrlResolver::Create("https://News.Example.co.kr:443/ent/list.php?page=1#x");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->base().ToString(), "https://news.example.co.kr/ent/list.php?page=1");
  EXPECT_EQ(*r->Resolve("view.php?id=1"), "https://news.example.co.kr/ent/view.php?id=1");
  EXPECT_EQ(*r->Resolve("//Other.Example/a"), "https://other.example/a");
  EXPECT_EQ(*r->Resolve("HTTP://x.example:80"), "http://x.example/");
  EXPECT_EQ(r->Resolve("javascript:go()").status().code(), ErrorCode::kUnsupported);
  EXPECT_FALSE(UrlResolver::Create("relative").ok());
}

TEST(UrlParts, OriginAndPathAndQuery) {
  auto p = ParseUrl("HTTPS://News.Example.com:8443/a/b?x=1#y");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->scheme, "https");
  EXPECT_EQ(p->host, "news.example.com");
  EXPECT_EQ(p->port, 8443);
  EXPECT_EQ(p->Origin(), "https://news.example.com:8443");
  EXPECT_EQ(p->PathAndQuery(), "/a/b?x=1");
  auto q = ParseUrl("http://example.com");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->port, 80);
  EXPECT_EQ(q->Origin(), "http://example.com");
  EXPECT_EQ(q->PathAndQuery(), "/");
}

TEST(UrlHost, ReturnsNormalisedHost) {
  auto h = UrlHost("http://WWW.한국.example:8080/x");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(*h, "www.xn--3e0b707e.example");
  EXPECT_FALSE(UrlHost("nope").ok());
}

TEST(RegistrableDomain, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"news.example.co.kr", "example.co.kr"},
      {"a.b.example.or.kr", "example.or.kr"},
      {"www.korea.go.kr", "korea.go.kr"},
      {"example.co.kr", "example.co.kr"},
      {"co.kr", "co.kr"},
      {"www.example.com", "example.com"},
      {"entertain.naver.com", "naver.com"},
      {"www.bbc.co.uk", "bbc.co.uk"},
      {"x.y.example.com.au", "example.com.au"},
      {"www.example.co.jp", "example.co.jp"},
      {"example.kr", "example.kr"},
      {"sub.example.kr", "example.kr"},
      {"localhost", "localhost"},
      {"127.0.0.1", "127.0.0.1"},
      {"[::1]", "[::1]"},
  };
  for (const auto& [host, want] : cases) EXPECT_EQ(RegistrableDomain(host), want) << host;
}

TEST(UrlNormalizeOptions, ParsesYaml) {
  auto ok = ParseUrlNormalizeOptions(
      YAML::Load("extra_tracking_params: [ref_src, 'mc_*']\nmax_length: 4096\n"));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->extra_tracking_params, (std::vector<std::string>{"ref_src", "mc_*"}));
  EXPECT_EQ(ok->max_length, 4096u);

  auto defaults = ParseUrlNormalizeOptions(YAML::Node());
  ASSERT_TRUE(defaults.ok());
  EXPECT_TRUE(defaults->extra_tracking_params.empty());
  EXPECT_EQ(defaults->max_length, 8192u);

  EXPECT_FALSE(ParseUrlNormalizeOptions(YAML::Load("bogus: 1")).ok());
  EXPECT_FALSE(ParseUrlNormalizeOptions(YAML::Load("extra_tracking_params: x")).ok());
  EXPECT_FALSE(ParseUrlNormalizeOptions(YAML::Load("max_length: lots")).ok());
  EXPECT_FALSE(ParseUrlNormalizeOptions(YAML::Load("[1, 2]")).ok());
}

TEST(UrlNormalizeOptions, DefaultConfigFileSectionParses) {
  YAML::Node root = YAML::LoadFile("configs/default.yaml");
  auto opts = ParseUrlNormalizeOptions(root["urls"]);
  ASSERT_TRUE(opts.ok()) << opts.status().ToString();
  EXPECT_FALSE(opts->extra_tracking_params.empty());
}

}  // namespace
}  // namespace hallyu
