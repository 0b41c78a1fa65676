#pragma once
// Document: what the article extractor makes of one HTML page.
//
// Every string is UTF-8. Dates are RFC 3339 in UTC ("2024-05-01T06:20:00Z") or
// empty when the page gives none. Links are absolute http(s) URLs, normalised,
// without fragments, deduplicated, in page order.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hallyu {

struct Document {
  std::string url;                   // the URL the page was fetched from (as given)
  std::string canonical_url;         // <link rel=canonical> / og:url, absolute; else `url`
  std::string title;                 // the article headline, site name suffix removed
  std::string text;                  // the article body: paragraphs separated by "\n\n"
  std::string lead;                  // description or first paragraph
  std::string published_at;          // RFC 3339 UTC, "" when unknown
  std::string updated_at;            // RFC 3339 UTC, "" when unknown or same as published
  std::vector<std::string> authors;  // person names, bylines cleaned ("기자", "By" removed)
  std::string lang;               // BCP 47-ish tag from <html lang>, meta or og:locale ("ko", "en")
  std::string site_name;          // og:site_name, JSON-LD publisher
  std::string section;            // article:section, JSON-LD articleSection
  std::string image;              // og:image / JSON-LD image, absolute
  std::vector<std::string> tags;  // article:tag, keywords, JSON-LD keywords
  std::vector<std::string> links;  // outbound links, absolute and normalised
  // Raw metadata as found: {"opengraph": {...}, "twitter": {...}, "meta": {...},
  // "jsonld": [...], "microdata": {...}, "time": [...]}.
  nlohmann::json metadata = nlohmann::json::object();
};

// The Document as a JSON object with the field names above. Strings are passed
// through as-is; dump the result with nlohmann::json::error_handler_t::replace if
// the input may have held invalid UTF-8.
nlohmann::json ToJson(const Document& doc);

}  // namespace hallyu
