#pragma once
// Link resolution for the article extractor (internal).
//
// The shared URL normaliser (extractors/url.h) is written on another branch;
// every link the extractor outputs goes through ResolveLink, the one place to
// switch over once it lands.

#include <optional>
#include <string>
#include <string_view>

namespace hallyu::internal {

// `href` resolved against the absolute `base` (RFC 3986 reference resolution),
// normalised: scheme and host lower-cased, default port and fragment dropped, dot
// segments removed, empty path -> "/", spaces and non-ASCII bytes percent-encoded.
// Returns nullopt for non-http(s) schemes (javascript:, mailto:, data:, ...),
// fragment-only links, empty hrefs, or when `base` is not an absolute http(s) URL
// and `href` is relative.
std::optional<std::string> ResolveLink(std::string_view base, std::string_view href);

}  // namespace hallyu::internal
