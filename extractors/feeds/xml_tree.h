#pragma once
// A small, tolerant XML reader for feeds and sitemaps.
//
// Why our own and not libxml2 / pugixml: web feeds are routinely broken (bare '&',
// HTML named entities, raw HTML inside <description>, undeclared prefixes, unclosed
// tags) and we need to keep going where a conforming parser stops; and we must never
// expand document-defined entities. This reader knows only the five XML entities,
// numeric references and a fixed table of HTML names (see markup_text.h): a DTD is
// skipped without being read, so entity bombs and external entities cannot expand —
// "&lol9;" stays literal text. Memory is bounded by max_bytes, max_nodes, max_depth.
//
// Names are canonicalised: lower-cased, and a namespace URI we know maps to a fixed
// prefix whatever the document calls it ("atom:link", "content:encoded",
// "media:thumbnail", "dc:creator", "yt:videoid", "news:publication_date", "rdf:rdf").
// The Atom, RSS 1.0 and sitemap default namespaces: Atom elements become "atom:…",
// RSS 1.0 and sitemap elements have no prefix. An undeclared prefix stays as written.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

struct XmlNode {
  // Canonical element name; "" for a text node; "#document" for the root.
  std::string name;
  // Text node: its text, references decoded, CDATA kept verbatim.
  std::string text;
  // Attributes as (lower-cased name as written, decoded value).
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<XmlNode> children;

  bool is_text() const { return name.empty(); }
  // Name without its prefix ("atom:link" → "link").
  std::string_view local_name() const;
  // First child element called `n`, or nullptr.
  const XmlNode* Child(std::string_view n) const;
  // First child element whose name is any of `names`, or nullptr.
  const XmlNode* FirstChildOf(std::initializer_list<std::string_view> names) const;
  // Every child element called `n`.
  std::vector<const XmlNode*> ChildrenNamed(std::string_view n) const;
  // Attribute value, or "" when absent.
  std::string_view Attr(std::string_view n) const;
  bool HasAttr(std::string_view n) const;
  // Concatenated text of every descendant text node.
  std::string Text() const;
  // First child element (skipping text), or nullptr.
  const XmlNode* FirstElement() const;
};

struct XmlParseOptions {
  size_t max_bytes = 16u << 20;  // input larger than this is refused (kTooLarge). 16 MiB.
  size_t max_nodes = 2'000'000;  // elements + text nodes; more is kTooLarge.
  size_t max_depth = 256;        // deeper elements are flattened into their ancestor.
};

// Parses UTF-8 `xml` into a tree rooted at a "#document" node. Never fails on
// malformed markup (recovers instead); fails with kTooLarge when a budget is exceeded
// and kParse when the input contains no element at all.
Result<XmlNode> ParseXmlTolerant(std::string_view xml, const XmlParseOptions& options = {});

}  // namespace hallyu
