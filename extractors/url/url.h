#pragma once
// The crawl key: URL normalisation on top of the WHATWG URL parser (whatwg_url.h).
//
// Every URL hallyu stores, dedups or fetches goes through NormalizeUrl or
// ResolveUrl, so two spellings of one page compare equal. The input is first parsed
// (and resolved against a base) as a browser does (ParseWhatwgUrl); the normal form is
// then a separate step on the parsed URL:
//   - only http and https (anything else is an error naming the scheme);
//   - scheme and host as the URL Standard serialises them: lower-case,
//     internationalised names in punycode, IPv4 dotted decimal, IPv6 compressed;
//   - default port (80 for http, 443 for https) dropped;
//   - percent-encoding normalised: %XX of an unreserved character decoded,
//     hex upper-case, bytes that may not appear raw (space, non-ASCII, "<>"...)
//     encoded, a lone '%' encoded as %25;
//   - dot segments removed (after the percent-encoding step, as RFC 3986 §6.2.2),
//     an empty path becomes "/";
//   - fragment dropped;
//   - tracking query parameters removed (utm_*, fbclid, gclid plus
//     UrlNormalizeOptions::extra_tracking_params), empty parameters and an empty
//     query dropped. The order of the remaining parameters is kept.
//   - user info, if present, is kept as the URL Standard encodes it.
// Leading/trailing whitespace and control characters are stripped and tabs /
// newlines inside the URL removed, backslashes read as slashes, as browsers do.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"
#include "extractors/url/whatwg_url.h"

namespace YAML {
class Node;
}

namespace hallyu {

struct UrlNormalizeOptions {
  // Query parameter names removed besides the built-in utm_*, fbclid and gclid.
  // Compared ASCII case-insensitively; a trailing '*' matches any suffix
  // ("mc_*"). Default: empty.
  std::vector<std::string> extra_tracking_params;
  // Longest URL accepted, in bytes, before and after normalisation. Default 8192.
  std::size_t max_length = 8192;
};

// Reads the `urls:` section of the configuration:
//   urls: { extra_tracking_params: [name, prefix*, ...], max_length: 8192 }
// A missing or null node gives the defaults. Returns kInvalidArgument for a
// node that is not a map, an unknown key, or a value of the wrong type.
Result<UrlNormalizeOptions> ParseUrlNormalizeOptions(const YAML::Node& node);

// A normalised absolute URL split into its parts.
struct UrlParts {
  std::string scheme;    // "http" or "https"
  std::string userinfo;  // "user:pass" or "" (rare)
  std::string host;      // lower-case, punycode; IPv6 in brackets ("[::1]")
  int port = 0;          // effective port: explicit, else 80 / 443
  std::string path;      // starts with '/'
  std::string query;     // without '?', "" when none

  // scheme://host[:port], port only when not the default. The key for
  // per-host state (robots.txt, politeness).
  std::string Origin() const;
  // path[?query]: what robots.txt rules are matched against.
  std::string PathAndQuery() const;
  // The whole normalised URL.
  std::string ToString() const;
};

// Parses and normalises an absolute URL. Returns kInvalidArgument for a
// malformed URL, a relative one, an empty host or one longer than
// options.max_length, and kUnsupported for a scheme other than http/https.
Result<UrlParts> ParseUrl(std::string_view url, const UrlNormalizeOptions& options = {});

// ParseUrl(url, options)->ToString(): the normal form described above.
Result<std::string> NormalizeUrl(std::string_view url, const UrlNormalizeOptions& options = {});

// Resolves `ref` (absolute, scheme-relative, path-absolute, relative, "?q" or
// "#f") against the absolute `base` as the URL Standard does, then normalises.
// Errors as ParseUrl, for a bad base as well as a bad reference (e.g.
// "javascript:..." or "mailto:..." give kUnsupported).
Result<std::string> ResolveUrl(std::string_view base, std::string_view ref,
                               const UrlNormalizeOptions& options = {});

// Resolves many references against one base (all links of one page) without
// re-parsing the base: Create parses it once; Resolve runs the URL Standard's parser
// on the reference against it. Same results as ResolveUrl.
class UrlResolver {
 public:
  // Errors as ParseUrl for `base` (message prefixed "base: ").
  static Result<UrlResolver> Create(std::string_view base, const UrlNormalizeOptions& options = {});
  // `ref` resolved and normalised. Errors as ResolveUrl.
  Result<std::string> Resolve(std::string_view ref) const;
  const UrlParts& base() const { return base_; }

 private:
  WhatwgUrl base_url_;  // the base as parsed, before normalisation
  UrlParts base_;       // its crawl key
  UrlNormalizeOptions options_;
};

namespace internal {
// ResolveUrl done entirely by libcurl (three parses); the cross-check for
// UrlResolver in tests.
Result<std::string> ResolveUrlWithCurl(std::string_view base, std::string_view ref,
                                       const UrlNormalizeOptions& options = {});
}  // namespace internal

// The percent-encoding step of the normal form applied to a path (with or
// without its "?query"): escapes of unreserved characters decoded, other escapes
// upper-cased, bytes that may not appear raw encoded, a '%' that starts no valid
// escape encoded as %25. Robots.txt patterns go through it so that a pattern and
// a normalised URL agree byte for byte. Never fails.
std::string NormalizePathPercentEncoding(std::string_view path_and_query);

// The normalised host of `url` ("news.example.co.kr"). Errors as ParseUrl.
Result<std::string> UrlHost(std::string_view url);

// The registrable domain ("eTLD+1") of a normalised host: the public suffix
// plus one label. "news.example.co.kr" -> "example.co.kr",
// "www.example.com" -> "example.com". An IP address, a single-label host or a
// bare public suffix is returned unchanged.
//
// Limitation: this is not the full Public Suffix List. It knows a built-in
// list of multi-label suffixes that matter for this crawler (Korean second
// levels such as co.kr, or.kr, go.kr, ne.kr, re.kr, ac.kr, pe.kr; co.uk,
// com.au, co.jp and other common country second levels); any other host is
// treated as having a one-label suffix. (libcurl links libpsl but does not
// expose it through its public API.)
std::string RegistrableDomain(std::string_view host);

// True when `name` (a raw query parameter name) is a tracking parameter under
// `options` (built-ins plus extra_tracking_params).
bool IsTrackingParam(std::string_view name, const UrlNormalizeOptions& options = {});

}  // namespace hallyu
