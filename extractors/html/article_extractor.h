#pragma once
// ArticleExtractor: one fetched HTML page (UTF-8) -> Document.
//
// Main text comes from content scoring in the readability / trafilatura family
// (text and link density, tag and class/id hints for English and Korean news
// markup, sibling paragraph clustering), with JSON-LD articleBody as a strong
// signal; metadata from OpenGraph, Twitter cards, JSON-LD, microdata, <time>,
// meta tags, bylines and the URL. Before Gumbo parses the page, a linear pre-pass
// drops script/style bodies (JSON-LD kept) and bounds nesting depth and element
// count (extractors/html/html_prescan.h).
//
// Thread safety: ExtractArticle and ExtractArticleFromBody are pure functions; call
// them from any thread.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"
#include "extractors/html/document.h"

namespace hallyu {

struct ExtractOptions {
  std::size_t max_input_bytes = 16u << 20;  // default 16 MiB; larger pages -> kTooLarge
  std::size_t max_depth = 256;              // open-element depth kept; deeper tags dropped
  std::size_t max_elements = 50000;         // open tags kept; the page is cut after that
  std::size_t max_parse_bytes =
      4u << 20;  // default 4 MiB of script-free HTML given to Gumbo; cut after
  // Memory for Gumbo's tree of one page: tree_bytes_base + tree_bytes_per_input_byte x
  // (bytes given to Gumbo). Markup whose tree grows faster than the page (e.g.
  // `<p>x<b id=N></p>` repeated: every paragraph re-opens every formatting element
  // still active, so nodes grow with the square of the page) fails with kTooLarge and a
  // message starting "too_complex" once over it, instead of taking gigabytes.
  std::size_t tree_bytes_base = 32u << 20;
  std::size_t tree_bytes_per_input_byte = 24;
  std::size_t max_links = 2000;     // outbound links kept (first N in page order)
  int korean_offset_minutes = 540;  // zone for zone-less times on Korean sites (KST)
  int default_offset_minutes = 0;   // zone for zone-less times elsewhere (UTC)
};

// One block of the page as the main-text choice saw it (ExtractionExplanation).
struct ExplainedBlock {
  std::string tag;     // "div", "article" ...
  std::string id;      // its id attribute, "" when none
  std::string cls;     // its class attribute, "" when none
  std::string path;    // tag#id.class steps from <body> (the last 8), "body > div#wrap > ..."
  double score = 0;    // content score (readability-style, after link density); 0 when the
                       // block was picked by a strong hint (no scoring ran)
  int chars = 0;       // non-space characters inside
  int link_chars = 0;  // of which inside links
  // Why it lost or was left out: class/id words read as boilerplate ("hint 'sidebar'"),
  // a boilerplate block around it ("inside aside.related-news"), link density.
  std::vector<std::string> penalties;
};

// Why ExtractArticle kept the main text it kept; filled on request (explain argument).
struct ExtractionExplanation {
  // "strong hint" (a class/id/itemprop naming the article body), "scored" (content
  // scoring) or "none" (no block with text).
  std::string method;
  ExplainedBlock chosen;                        // the container, when method is not "none"
  std::vector<ExplainedBlock> merged;           // siblings emitted with it (chosen excluded)
  std::vector<ExplainedBlock> losers;           // best other candidates, best first (at most 8)
  std::vector<ExplainedBlock> skipped;          // blocks inside the container left out (at most 16)
  std::vector<std::string> notes;               // split-article widening, JSON-LD body use ...
  std::vector<std::string> dropped_paragraphs;  // paragraphs dropped as boilerplate (<= 16)
};

// Extracts `html_utf8` fetched from `url` (absolute http(s) URL used to resolve
// links; may be empty, then links stay unresolved and are dropped).
// Returns kTooLarge when the input exceeds max_input_bytes or its tree the memory
// budget above (message "too_complex: ..."), kParse when Gumbo fails, kInternal on an
// unexpected failure. Never throws. Invalid UTF-8, binary garbage and broken markup give
// a Document (often with empty fields), not an error.
// When `explain` is not null it is filled with why the main text is what it is.
Result<Document> ExtractArticle(std::string_view html_utf8, std::string_view url,
                                const ExtractOptions& options = {},
                                ExtractionExplanation* explain = nullptr);

// ExtractArticle from a page's bytes as fetched, in any charset: the same Document as
// ExtractArticle(DecodeToUtf8(body, content_type).text, url, options), cheaper. The
// charset is detected as DecodeToUtf8 does (charset.h); for ASCII-compatible charsets
// the prescan runs on the raw bytes, so only the part Gumbo will see is validated and
// converted (the scripts that make up most of a news page never are). Errors as
// ExtractArticle (kTooLarge applies to the raw size); `explain` as there.
Result<Document> ExtractArticleFromBody(std::string_view body, std::string_view content_type,
                                        std::string_view url, const ExtractOptions& options = {},
                                        ExtractionExplanation* explain = nullptr);

}  // namespace hallyu
