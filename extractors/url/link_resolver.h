#pragma once
// RFC 3986 reference resolution for links found in feeds, sitemaps and social posts.
// (A small resolver of the feed parsers' own; the web branch's extractors/url/url.h does
// full normalisation, which the crawler applies before queueing.)

#include <string>
#include <string_view>

namespace hallyu {

// True when `s` starts with a scheme ("https:", "at:", "mailto:").
bool HasUrlScheme(std::string_view s);

// Resolves `ref` against `base` (RFC 3986 section 5.2: dot segments removed, query and
// fragment kept). Surrounding whitespace in `ref` is trimmed. Returns `ref` unchanged
// when it is already absolute, and "" when `ref` is relative and `base` is not
// absolute (nothing to resolve against) or `ref` is empty.
std::string ResolveReference(std::string_view base, std::string_view ref);

}  // namespace hallyu
