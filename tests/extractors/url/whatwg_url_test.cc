// The WHATWG URL parser, one group of cases per rule of the standard's basic URL parser.
// Cases written for hallyu from the standard's text (https://url.spec.whatwg.org/).
#include "extractors/url/whatwg_url.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hallyu {
namespace {

struct Case {
  const char* input;
  const char* base;  // nullptr: no base
  const char* href;  // nullptr: the standard fails
};

// Parses every case and compares its href (fragment included).
void ExpectHrefs(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    Result<WhatwgUrl> base_url = InvalidArgument("no base");
    if (c.base != nullptr) {
      base_url = ParseWhatwgUrl(c.base);
      ASSERT_TRUE(base_url.ok()) << c.base;
    }
    auto got = ParseWhatwgUrl(c.input, c.base != nullptr ? &*base_url : nullptr);
    if (c.href == nullptr) {
      EXPECT_FALSE(got.ok()) << "'" << c.input << "' parsed as " << (got.ok() ? got->Href() : "");
    } else {
      ASSERT_TRUE(got.ok()) << "'" << c.input << "': " << got.status().ToString();
      EXPECT_EQ(got->Href(), c.href) << "'" << c.input << "'";
    }
  }
}

TEST(WhatwgUrl, TabsAndNewlinesRemovedAndC0SpaceTrimmed) {
  ExpectHrefs({
      {"http://news.ex\tample.kr/a\nb\r/c", nullptr, "http://news.example.kr/ab/c"},
      {" \x01\x1Fhttp://example.kr/x \x7F", nullptr, "http://example.kr/x%20%7F"},
      {"\x0C\x1B http://example.kr/ \x0B", nullptr, "http://example.kr/"},
      {"h\ttt\np://example.kr", nullptr, "http://example.kr/"},
      {"http://example.kr:8\t0\n80/", nullptr, "http://example.kr:8080/"},
  });
}

TEST(WhatwgUrl, BackslashIsASlashInSpecialSchemes) {
  ExpectHrefs({
      {"https:\\\\example.kr\\a\\b", nullptr, "https://example.kr/a/b"},
      {"http://example.kr\\a?x\\y#z\\w", nullptr, "http://example.kr/a?x\\y#z\\w"},
      {"\\\\cdn.example.kr\\img.png", "https://news.example.kr/a/b",
       "https://cdn.example.kr/img.png"},
      {"\\top", "https://news.example.kr/a/b", "https://news.example.kr/top"},
      {"/\\other.example.kr/x", "https://news.example.kr/a/b", "https://other.example.kr/x"},
  });
}

TEST(WhatwgUrl, ReferencesAgainstABase) {
  const char* base = "https://news.example.kr/ent/list.php?page=2#top";
  ExpectHrefs({
      {"view.php?id=7", base, "https://news.example.kr/ent/view.php?id=7"},
      {"//cdn.example.kr/x.js", base, "https://cdn.example.kr/x.js"},
      {"?page=3", base, "https://news.example.kr/ent/list.php?page=3"},
      {"#c", base, "https://news.example.kr/ent/list.php?page=2#c"},
      {"", base, "https://news.example.kr/ent/list.php?page=2"},
      {"../..", base, "https://news.example.kr/"},
      // Same scheme without slashes: a relative reference, not a host.
      {"https:view.php", base, "https://news.example.kr/ent/view.php"},
      {"https:/top", base, "https://news.example.kr/top"},
      {"https:", base, "https://news.example.kr/ent/list.php?page=2"},
      // Another special scheme: its slashes are optional, the first word is the host.
      {"http:other.example.kr/p", base, "http://other.example.kr/p"},
      {"http:", base, nullptr},
      {"relative/only", nullptr, nullptr},
      {"?q", nullptr, nullptr},
  });
}

TEST(WhatwgUrl, UserInfo) {
  ExpectHrefs({
      {"https://user:@example.kr/", nullptr, "https://user@example.kr/"},
      {"https://:@example.kr/", nullptr, "https://example.kr/"},
      {"https://:pw@example.kr/", nullptr, "https://:pw@example.kr/"},
      // The last '@' ends the user info; earlier ones and ':' after the first are encoded.
      {"https://a@b:c:d@example.kr/", nullptr, "https://a%40b:c%3Ad@example.kr/"},
      {"https://j\xC3\xA9r\xC3\xB4me:p w@example.kr/", nullptr,
       "https://j%C3%A9r%C3%B4me:p%20w@example.kr/"},
      {"https://u;[x]|y=z@example.kr/", nullptr, "https://u%3B%5Bx%5D%7Cy%3Dz@example.kr/"},
      {"https://user@/path", nullptr, nullptr},
      {"https://@/path", nullptr, nullptr},
      {"https://user:pw@", nullptr, nullptr},
  });
}

TEST(WhatwgUrl, PathQueryAndFragmentEncodeSets) {
  ExpectHrefs({
      // path: space " < > ` { } ? and non-ASCII encoded; '|' '[' ']' '^' ''' kept.
      {"http://example.kr/a b\"<>`{}|[]^'~", nullptr,
       "http://example.kr/a%20b%22%3C%3E%60%7B%7D|[]^'~"},
      {"http://example.kr/\xEB\x89\xB4\xEC\x8A\xA4", nullptr,
       "http://example.kr/%EB%89%B4%EC%8A%A4"},
      // Existing escapes are kept as written, even broken ones.
      {"http://example.kr/%7e%zz%", nullptr, "http://example.kr/%7e%zz%"},
      // query of a special URL: space " # < > and ' encoded; ` { } kept.
      {"http://example.kr/?a b\"<>'`{}", nullptr, "http://example.kr/?a%20b%22%3C%3E%27`{}"},
      {"http://example.kr/??x?y", nullptr, "http://example.kr/??x?y"},
      // fragment: space " < > ` encoded; '#' kept.
      {"http://example.kr/#a b\"<>`#'", nullptr, "http://example.kr/#a%20b%22%3C%3E%60#'"},
      {"http://example.kr/#\xED\x95\x9C", nullptr, "http://example.kr/#%ED%95%9C"},
  });
}

TEST(WhatwgUrl, DotSegments) {
  ExpectHrefs({
      {"http://example.kr/a/b/../c/./d", nullptr, "http://example.kr/a/c/d"},
      {"http://example.kr/a/%2E%2e/b/%2e/c", nullptr, "http://example.kr/b/c"},
      {"http://example.kr/a/.%2E", nullptr, "http://example.kr/"},
      {"http://example.kr/../../x", nullptr, "http://example.kr/x"},
      {"http://example.kr/a/..", nullptr, "http://example.kr/"},
      {"http://example.kr/a/.", nullptr, "http://example.kr/a/"},
      {"http://example.kr/a/...", nullptr, "http://example.kr/a/..."},
      {"http://example.kr//a//..", nullptr, "http://example.kr//a/"},
  });
}

TEST(WhatwgUrl, Ports) {
  ExpectHrefs({
      {"http://example.kr:80/", nullptr, "http://example.kr/"},
      {"https://example.kr:443/", nullptr, "https://example.kr/"},
      {"https://example.kr:80/", nullptr, "https://example.kr:80/"},
      {"http://example.kr:0008080/", nullptr, "http://example.kr:8080/"},
      {"http://example.kr:/", nullptr, "http://example.kr/"},
      {"http://example.kr:65535/", nullptr, "http://example.kr:65535/"},
      {"http://example.kr:65536/", nullptr, nullptr},
      {"http://example.kr:99999999999999999999/", nullptr, nullptr},
      {"http://example.kr:8a/", nullptr, nullptr},
      {"http://example.kr:-1/", nullptr, nullptr},
      {"http://example.kr: 1/", nullptr, nullptr},
  });
}

TEST(WhatwgUrl, Ipv4NumberForms) {
  ExpectHrefs({
      {"http://0x7F.1/", nullptr, "http://127.0.0.1/"},
      {"http://0177.0.0.01/", nullptr, "http://127.0.0.1/"},
      {"http://2130706433/", nullptr, "http://127.0.0.1/"},
      {"http://127.65537/", nullptr, "http://127.1.0.1/"},
      {"http://10.1.258/", nullptr, "http://10.1.1.2/"},
      {"http://10.0.0.1./", nullptr, "http://10.0.0.1/"},
      {"http://0x/", nullptr, "http://0.0.0.0/"},
      {"http://%31%30.0.0.1/", nullptr, "http://10.0.0.1/"},
      {"http://4294967296/", nullptr, nullptr},
      {"http://1.2.3.256/", nullptr, nullptr},
      {"http://256.1.1.1/", nullptr, nullptr},
      {"http://1.2.3.4.5/", nullptr, nullptr},
      {"http://08.1.1.1/", nullptr, nullptr},
      {"http://1..2/", nullptr, nullptr},
      {"http://example.1/", nullptr, nullptr},  // ends in a number but is no address
      {"http://example.0x1g/", nullptr, "http://example.0x1g/"},  // does not end in one
      {"http://1.example/", nullptr, "http://1.example/"},
  });
}

TEST(WhatwgUrl, Ipv6) {
  ExpectHrefs({
      {"http://[2001:DB8:0:0:0:0:0:1]/", nullptr, "http://[2001:db8::1]/"},
      {"http://[0:0:1:0:0:0:0:0]/", nullptr, "http://[0:0:1::]/"},
      {"http://[1:0:0:2:0:0:0:3]/", nullptr, "http://[1:0:0:2::3]/"},
      {"http://[1:0:1:0:1:0:1:0]/", nullptr, "http://[1:0:1:0:1:0:1:0]/"},
      {"http://[::]:8080/", nullptr, "http://[::]:8080/"},
      {"http://[::ffff:192.168.0.1]/", nullptr, "http://[::ffff:c0a8:1]/"},
      {"http://[00001::]/", nullptr, nullptr},
      {"http://[1::2::3]/", nullptr, nullptr},
      {"http://[1:2:3:4:5:6:7:8:9]/", nullptr, nullptr},
      {"http://[1:2:3]/", nullptr, nullptr},
      {"http://[::1.2.3]/", nullptr, nullptr},
      {"http://[::01.2.3.4]/", nullptr, nullptr},
      {"http://[::1/", nullptr, nullptr},
      {"http://::1]/", nullptr, nullptr},
  });
}

TEST(WhatwgUrl, HostsMappedToAscii) {
  ExpectHrefs({
      {"https://News.EXAMPLE.kr/", nullptr, "https://news.example.kr/"},
      {"https://\xED\x95\x9C\xEA\xB5\xAD.example/", nullptr, "https://xn--3e0b707e.example/"},
      {"https://%ED%95%9C%EA%B5%AD.example/", nullptr, "https://xn--3e0b707e.example/"},
      // Fullwidth letters and the ideographic full stop map to ASCII.
      {"https://\xEF\xBC\xA5x.kr\xE3\x80\x82"
       "example/",
       nullptr, "https://ex.kr.example/"},
      {"https://xn--3e0b707e.example/", nullptr, "https://xn--3e0b707e.example/"},
      {"https://XN--3E0B707E.example/", nullptr, "https://xn--3e0b707e.example/"},
      {"https://a--b.example/", nullptr, "https://a--b.example/"},
      {"https://xn--a.example/", nullptr, nullptr},  // not valid punycode
      {"https://%FF.example/", nullptr, nullptr},    // not UTF-8
      {"https://\xEF\xBF\xBD.example/", nullptr, nullptr},
  });
}

TEST(WhatwgUrl, ForbiddenHostCodePointsAndEmptyHosts) {
  ExpectHrefs({
      {"http://a b/", nullptr, nullptr},
      {"http://a<b/", nullptr, nullptr},
      {"http://a^b/", nullptr, nullptr},
      {"http://a|b/", nullptr, nullptr},
      {"http://a%b/", nullptr, nullptr},
      {"http://a%25b/", nullptr, nullptr},
      {"http://a%2Fb/", nullptr, nullptr},
      {"http://a%00b/", nullptr, nullptr},
      {"http://a\x7F"
       "b/",
       nullptr, nullptr},
      {"http://a!$&'()*+,;=_`{}~b/", nullptr, "http://a!$&'()*+,;=_`{}~b/"},
      {"http:///x", nullptr, "http://x/"},  // extra slashes are skipped, "x" is the host
      {"http://", nullptr, nullptr},
      {"http://?q", nullptr, nullptr},
      {"http://:80/", nullptr, nullptr},
  });
}

TEST(WhatwgUrl, SchemesOutsideTheSpecialOnesAreUnsupported) {
  for (const char* input : {"mailto:a@example.kr", "javascript:go()", "file:///etc/passwd",
                            "sc://host/", "data:text/plain,x"}) {
    auto got = ParseWhatwgUrl(input);
    ASSERT_FALSE(got.ok()) << input;
    EXPECT_EQ(got.status().code(), ErrorCode::kUnsupported) << input;
  }
  auto ws = ParseWhatwgUrl("WSS://Example.kr:443/chat");
  ASSERT_TRUE(ws.ok());
  EXPECT_EQ(ws->Href(), "wss://example.kr/chat");
  EXPECT_EQ(ws->EffectivePort(), 443);
}

// WhatwgSchemes::kAll: the standard's path for non-special schemes (scheme state, then the
// path-or-authority, opaque host and opaque path states; "/." in the serialiser).
void ExpectAnySchemeHrefs(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    Result<WhatwgUrl> base_url = InvalidArgument("no base");
    if (c.base != nullptr) {
      base_url = ParseWhatwgUrl(c.base);
      ASSERT_TRUE(base_url.ok()) << c.base;
    }
    auto got =
        ParseWhatwgUrl(c.input, c.base != nullptr ? &*base_url : nullptr, WhatwgSchemes::kAll);
    if (c.href == nullptr) {
      EXPECT_FALSE(got.ok()) << "'" << c.input << "' parsed as " << (got.ok() ? got->Href() : "");
    } else {
      ASSERT_TRUE(got.ok()) << "'" << c.input << "': " << got.status().ToString();
      EXPECT_EQ(got->Href(), c.href) << "'" << c.input << "'";
      auto again = ParseWhatwgUrl(got->Href(), nullptr, WhatwgSchemes::kAll);
      ASSERT_TRUE(again.ok()) << got->Href();
      EXPECT_EQ(again->Href(), got->Href()) << "href is not a fixed point";
    }
  }
}

TEST(WhatwgUrl, NonSpecialSchemesWhenAskedFor) {
  ExpectAnySchemeHrefs({
      // Opaque paths: kept as written, C0 controls and non-ASCII percent-encoded; a base of
      // another scheme does not matter.
      {"mailto:Fan.Club@Example.kr", "https://news.example.kr/a/b", "mailto:Fan.Club@Example.kr"},
      {"tel:+82-2-123-4567", nullptr, "tel:+82-2-123-4567"},
      {"Note:drama OST\x01\xEC\x95\x84", nullptr, "note:drama OST%01%EC%95%84"},
      {"x-app:", "https://news.example.kr/", "x-app:"},
      {"data:text/plain,hi?q=a b#frag x", nullptr, "data:text/plain,hi?q=a%20b#frag%20x"},
      // A path without a host: dot segments removed; '\\' is data, not a slash.
      {"x-app:/a/./b/../c\\d", nullptr, "x-app:/a/c\\d"},
      {"x-app:/a/%2e%2E/b", nullptr, "x-app:/b"},
      // An opaque host: case kept, '%' allowed, C0 controls and non-ASCII encoded; any port
      // (no default port to drop); the non-special query keeps '\''.
      {"svn+ssh://Dev@Repo.Example.kr:22/r/./x?rev='7'", nullptr,
       "svn+ssh://Dev@Repo.Example.kr:22/r/x?rev='7'"},
      {"x-app://h%41st\xEC\x95\x84/", nullptr, "x-app://h%41st%EC%95%84/"},
      {"x-app://", nullptr, "x-app://"},
      {"x-app://host", nullptr, "x-app://host"},
      {"x-app://[0:0::1]:99999/", nullptr, nullptr},
      {"x-app://[0:0::1]/", nullptr, "x-app://[::1]/"},
      {"x-app://a b/", nullptr, nullptr},
      {"x-app://a^b/", nullptr, nullptr},
      {"x-app://user@/", nullptr, nullptr},
      {"x-app://:7/", nullptr, nullptr},
      // A host-less path starting with an empty segment serialises with "/." in front, so
      // that reading it back does not take the segment for a host.
      {"x-app:/.//p", nullptr, "x-app:/.//p"},
      {"x-app:/a/..//p", nullptr, "x-app:/.//p"},
      // Special schemes parse as before; "file:" stays unsupported.
      {"HTTPS://Example.kr:443/a", nullptr, "https://example.kr/a"},
  });
  auto file = ParseWhatwgUrl("file:///tmp/x", nullptr, WhatwgSchemes::kAll);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), ErrorCode::kUnsupported);
  // A reference relative to a non-special base is not parsed.
  auto base = ParseWhatwgUrl("x-app:/dir/page", nullptr, WhatwgSchemes::kAll);
  ASSERT_TRUE(base.ok());
  EXPECT_FALSE(base->special);
  EXPECT_FALSE(base->has_host);
  auto rel = ParseWhatwgUrl("other", &*base, WhatwgSchemes::kAll);
  ASSERT_FALSE(rel.ok());
  EXPECT_EQ(rel.status().code(), ErrorCode::kUnsupported);
}

TEST(WhatwgUrl, PartsAndHrefWithoutFragment) {
  auto u = ParseWhatwgUrl("https://u:p@Example.kr:8443/a/b?x=1#f");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->username, "u");
  EXPECT_EQ(u->password, "p");
  EXPECT_EQ(u->host, "example.kr");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->path, "/a/b");
  EXPECT_EQ(u->query, "x=1");
  EXPECT_EQ(u->fragment, "f");
  EXPECT_EQ(u->Href(/*with_fragment=*/false), "https://u:p@example.kr:8443/a/b?x=1");
}

// Parsing a serialised URL gives it back unchanged (the serialiser and parser agree).
TEST(WhatwgUrl, ReparsingTheHrefIsAFixedPoint) {
  for (const char* input :
       {"HTTP://EX\tAMPLE.kr:80/a/../%2e/b c?d e#f g", "https://a@b:c@0x7F.1/", "http://[::1:2]/x",
        "https://\xED\x95\x9C.example/\xED\x95\x9C?\xED\x95\x9C#\xED\x95\x9C",
        "http://example.kr/a%zz?%", "http:\\\\example.kr\\a\\..\\b", "http://ex.kr/?'\"`"}) {
    auto once = ParseWhatwgUrl(input);
    ASSERT_TRUE(once.ok()) << input;
    auto twice = ParseWhatwgUrl(once->Href());
    ASSERT_TRUE(twice.ok()) << once->Href();
    EXPECT_EQ(twice->Href(), once->Href()) << input;
  }
}

}  // namespace
}  // namespace hallyu
