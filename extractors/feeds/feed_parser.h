#pragma once
// Feed parsing: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 (and 0.3), JSON Feed 1.0/1.1, CDF.
//
// Parses in recovery mode (see xml_tree.h): bare '&', CDATA, HTML in titles (reduced
// to text), content:encoded, media:thumbnail / media:content, undeclared prefixes,
// wrong encoding declarations (text_encoding.h). Missing ids fall back to the link,
// then to "hash:" + a hash of title and date. Relative links are resolved against
// xml:base (nested, itself relative to the feed URL), then the feed URL, with the WHATWG
// URL parser; Atom ids move only under an explicit xml:base. Unparseable dates become
// "no date", never an error. Document-defined XML entities are never expanded (HTML's
// named references are decoded, double-escaped ones too); the body size is capped.
//
// Atom text constructs follow RFC 4287: "text" kept as written, "html" and "xhtml"
// reduced to plain text, other media types (and Atom 0.3 mode="base64") base64-decoded.
// Fallbacks when the core element is missing: dc:title / media:title for titles;
// dc:creator, dc:author, itunes:author for authors; dc:date, dcterms:issued / created /
// modified for dates; itunes:summary, media:description for summaries. Microsoft CDF
// (<CHANNEL HREF>, <ITEM HREF LASTMOD> with <TITLE> and <ABSTRACT>) reads as RSS.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

enum class FeedFormat { kRss, kRdf, kAtom, kJsonFeed };

// "rss", "rdf", "atom", "json".
std::string_view FeedFormatName(FeedFormat f);

struct FeedEntry {
  std::string id;                       // never empty
  std::string title;                    // plain text
  std::string link;                     // absolute when it could be resolved
  std::optional<int64_t> published_at;  // Unix seconds, UTC
  std::optional<int64_t> updated_at;    // Unix seconds, UTC
  std::string summary;                  // plain text of description / summary
  std::string content;                  // plain text of content:encoded / atom:content
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::string image;  // media:thumbnail / media:content / image enclosure, absolute
};

struct Feed {
  FeedFormat format = FeedFormat::kRss;
  std::string title;
  std::string link;  // the site's home page, absolute
  std::optional<int64_t> updated_at;
  std::vector<FeedEntry> entries;
};

struct FeedParseOptions {
  std::string url;                 // where the feed was fetched from; base for relative links
  std::string charset_hint;        // charset from the HTTP Content-Type, "" if none
  int default_offset_minutes = 0;  // zone for dates without one, minutes east of UTC
  size_t max_bytes = 16u << 20;    // bodies larger than this are refused. 16 MiB.
  size_t max_entries = 5000;       // entries past this are dropped.
};

// Parses a feed body (raw bytes, any encoding). Returns kTooLarge when the body
// exceeds max_bytes (checked before any parsing), kUnsupported when the document is
// not a feed (e.g. an HTML page), kParse when it is neither XML nor JSON.
Result<Feed> ParseFeed(std::string_view body, const FeedParseOptions& options = {});

}  // namespace hallyu
