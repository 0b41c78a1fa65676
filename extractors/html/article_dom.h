#pragma once
// Internal to extractors/html (not part of the public API; include article_extractor.h):
// text, Gumbo node and class/id hint helpers shared by the passes of the article
// extraction (article_metadata.cc, article_content.cc, article_extractor.cc).
#include <gumbo.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace hallyu::article_internal {

// Deepest element any walk of the tree descends to.
constexpr int kMaxRecursion = 400;  // above PrescanLimits::max_depth + implied elements

// ---------------------------------------------------------------- text helpers

// True for an ASCII whitespace byte (space, \t, \n, \r, \f, \v).
bool IsAsciiSpace(unsigned char c);

// Number of non-whitespace code points in UTF-8 `s`.
int CountChars(std::string_view s);

// Collapses runs of whitespace (ASCII, NBSP, U+3000) to one space, drops zero-width spaces
// and BOMs, trims both ends. Bytes that are not valid UTF-8 are copied through.
std::string Collapse(std::string_view s);

// `s` with ASCII letters lower-cased; other bytes unchanged.
std::string Lower(std::string_view s);

// True when `s` holds a Hangul syllable (judged by its lead byte).
bool HasHangul(std::string_view s);

// Number of lead bytes of Hangul syllables in `s` (an estimate of the syllables).
int HangulCount(std::string_view s);

// Items of `s` split at `sep`, each collapsed (Collapse); empty items are left out.
std::vector<std::string> SplitList(std::string_view s, char sep);

// Appends `s` to `v` unless it is empty, already there, or `v` holds `cap` items.
void PushUnique(std::vector<std::string>* v, std::string s, std::size_t cap = 64);

// ---------------------------------------------------------------- gumbo helpers

// Value of attribute `name` of element `n`; empty when absent or `n` is not an element.
std::string_view Attr(const GumboNode* n, const char* name);

// Children of an element, template or document; an empty vector for any other node.
const GumboVector& Children(const GumboNode* n);

// The `i`th node of `v` (no bounds check: `i` < v.length).
const GumboNode* Child(const GumboVector& v, unsigned i);

// True for a text, whitespace or CDATA node.
bool IsText(const GumboNode* n);

// Tag of an element or template; GUMBO_TAG_UNKNOWN for any other node.
GumboTag Tag(const GumboNode* n);

// Tags whose content is never article text (scripts, styles, media, forms, <head>...).
bool IsIgnoredTag(GumboTag t);

// Tags skipped when emitting body text (boilerplate by element), ignored tags included.
bool IsBoilerplateTag(GumboTag t);

// Tags that start a new block of text (paragraphs, sections, lists, tables, <br>...).
bool IsBlockTag(GumboTag t);

// Text of the subtree at `n` (ignored tags skipped), collapsed, read up to `limit` raw bytes.
std::string NodeText(const GumboNode* n, std::size_t limit = 4096);

// ---------------------------------------------------------------- class/id hints

// Class and id of `n`, lower case, as one string of tokens to match hints against; tokens
// that are neutral (layout flags, a WordPress post's taxonomy, page-builder layout
// classes) are left out. Empty when `n` has neither.
std::string HintString(const GumboNode* n);

// True when `word` is one of the alphanumeric runs of `s`.
bool HasToken(std::string_view s, std::string_view word);

// True when `s` contains any of `subs`.
bool HasAny(std::string_view s, std::initializer_list<std::string_view> subs);

// True when any of `words` is a token of `s` (HasToken).
bool HasAnyToken(std::string_view s, std::initializer_list<std::string_view> words);

}  // namespace hallyu::article_internal
