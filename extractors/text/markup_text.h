#pragma once
// Small text helpers shared by the feed, sitemap and social parsers: character
// references, HTML-to-text, whitespace, and a stable hash.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hallyu {

// Appends the UTF-8 encoding of code point `cp` to `out`; invalid code points
// (surrogates, > U+10FFFF, NUL) become U+FFFD.
void AppendUtf8(uint32_t cp, std::string& out);

// Decodes the reference starting at s[0] == '&' ("&amp;", "&#39;", "&#xAC00;" and the
// HTML 4 names, which HTML5 keeps, such as "&nbsp;", "&eacute;", "&rsquo;"). On success appends the
// text to `out` and returns the bytes consumed; returns 0 (nothing appended) when
// s does not start with a known reference. Never expands document-defined entities.
size_t DecodeCharRef(std::string_view s, std::string& out);

// Replaces every known reference in `s`; an unknown or bare '&' stays as is.
std::string DecodeCharRefs(std::string_view s);

// Turns an HTML fragment into plain text: drops tags, comments, <script>/<style>
// content; block tags (p, br, div, li, h1-6, tr) become line breaks; references are
// decoded; runs of spaces collapse; the result is trimmed. Input that is not HTML is
// returned with whitespace collapsed. Never fails.
std::string HtmlToText(std::string_view html);

// True for HTML elements that break a line (p, br, div, li, h1-h6, tr, ...).
bool IsHtmlBlockTag(std::string_view name);

// Collapses runs of ASCII whitespace (and U+00A0) into one space and trims.
std::string CollapseWhitespace(std::string_view s);

// Decodes base64 (RFC 4648, standard alphabet; "-" and "_" of the URL-safe one also
// accepted). ASCII whitespace anywhere is skipped and padding is optional. Returns
// std::nullopt when another character appears or the length cannot be base64.
std::optional<std::string> DecodeBase64(std::string_view s);

// 64-bit FNV-1a of `s`, as 16 lower-case hex digits.
std::string StableHashHex(std::string_view s);

}  // namespace hallyu
