#pragma once
// Link resolution for the article extractor (internal).
//
// Every link the extractor outputs goes through here. ResolveLink delegates to
// the shared URL normaliser (extractors/url/url.h); LinkResolver resolves all links
// of one page against one base without re-parsing it.

#include <optional>
#include <string>
#include <string_view>

namespace hallyu::internal {

// `href` resolved against the absolute `base` (RFC 3986 reference resolution)
// and normalised as hallyu::NormalizeUrl does (lower-case scheme/host, default
// port, fragment and tracking parameters dropped, dot segments removed,
// percent-encoding normalised). Returns nullopt for non-http(s) schemes
// (javascript:, mailto:, data:, ...), fragment-only links, empty hrefs, or when
// `base` is not an absolute http(s) URL and `href` is relative.
std::optional<std::string> ResolveLink(std::string_view base, std::string_view href);

// The self-contained resolver used before extractors/url/url.h landed (same
// contract, no tracking-parameter removal); tests compare the two.
std::optional<std::string> ResolveLinkSimple(std::string_view base, std::string_view href);

// ResolveLink for many hrefs against one base, parsed once.
class LinkResolver {
 public:
  explicit LinkResolver(std::string_view base);
  ~LinkResolver();
  LinkResolver(const LinkResolver&) = delete;
  LinkResolver& operator=(const LinkResolver&) = delete;
  // As ResolveLink(base, href).
  std::optional<std::string> Resolve(std::string_view href) const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace hallyu::internal
