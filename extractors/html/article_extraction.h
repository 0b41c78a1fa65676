#pragma once
// Internal to extractors/html (not part of the public API; include article_extractor.h):
// the state of one article extraction over a parsed Gumbo tree. Its member functions are
// defined by idea in three files:
//   article_metadata.cc  pass 1 (Collect: <meta>, JSON-LD, microdata, <time>, bylines,
//                        links) and the fields filled from it (title, authors, dates, site
//                        name, language, canonical URL, section, image, tags, links);
//   article_content.cc   pass 2: node statistics, the choice of the main-text container,
//                        emission and filtering of paragraphs;
//   article_extractor.cc Run, which drives both, and the public entry points.
#include <gumbo.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractors/html/article_extractor.h"

namespace hallyu::article_internal {

// ---------------------------------------------------------------- JSON-LD (article_metadata.cc)

// True when the "@type" of `obj` (a string or an array of strings) is one of `types`;
// false when `obj` has no "@type".
bool TypeIs(const nlohmann::json& obj, std::initializer_list<std::string_view> types);

// `obj[key]` as collapsed text: the string itself, the first string of an array, or the
// "name", "url" or "@id" of an object; empty when absent or of another shape.
std::string JsonString(const nlohmann::json& obj, const char* key);

// Appends to `out` every object in `j`, descending arrays and "@graph" to `depth` 4 and
// stopping after 65 objects. Pointers are into `j`.
void CollectJsonLdObjects(const nlohmann::json& j, std::vector<const nlohmann::json*>* out,
                          int depth);

// ---------------------------------------------------------------- paragraphs (article_content.cc)

// True for a short paragraph that is boilerplate by its text: an e-mail line, a copyright
// notice, a photo credit, a "related"/"subscribe"/"share" line. `chars` is CountChars(t).
bool LooksLikeBoilerplate(const std::string& t, int chars);

// ---------------------------------------------------------------- the extraction

struct Stats {
  int chars = 0;
  int link_chars = 0;
  int commas = 0;
  int direct_chars = 0;  // in direct text children and inline children
};

struct Para {
  std::string text;
  int chars = 0;
  int link_chars = 0;
  bool heading = false;
  bool before_drop = false;         // a block of links or boilerplate was left out after it
  bool introduces_dropped = false;  // a label whose next block was left out
};

class Extraction {
 public:
  Extraction(std::string_view url, const ExtractOptions& options, ExtractionExplanation* explain)
      : url_(url), options_(options), explain_(explain) {}

  Document Run(const GumboNode* root);

 private:
  // Pass 1: metadata, links, candidates for bylines.
  void Collect(const GumboNode* n, int depth);
  void OnMeta(const GumboNode* n);
  void OnJsonLd(const GumboNode* n);
  // Pass 2: statistics and scores.
  Stats ComputeStats(const GumboNode* n, bool in_link, int depth);
  const GumboNode* ChooseContainer(std::vector<const GumboNode*>* roots);
  bool InsideHardNegative(const GumboNode* n) const { return HardNegativeAround(n) != nullptr; }
  bool StrongBlockInsideBoilerplate(const GumboNode* e) const;
  const GumboNode* HardNegativeAround(const GumboNode* n) const;
  bool InsideBoilerplateBlock(const GumboNode* n) const {
    return BoilerplateBlockAround(n) != nullptr;
  }
  const GumboNode* BoilerplateBlockAround(const GumboNode* n) const;
  bool InsideOverlay(const GumboNode* e) const;
  // True when `n`, named for a sidebar, is the page's layout around one: it holds a <main>,
  // or a sidebar of its own (an <aside> or a block named for one) beside more text than it
  // (see article_content.cc). Cached per node.
  bool IsSidebarLayout(const GumboNode* n) const;
  // --explain: a block as the choice saw it, and why it lost.
  ExplainedBlock Describe(const GumboNode* n, double score) const;
  ExplainedBlock DescribeLoser(const GumboNode* n, double score) const;
  void ExplainScoredChoice(const GumboNode* top, double best_score,
                           const std::vector<const GumboNode*>& roots,
                           const std::vector<std::pair<double, const GumboNode*>>& ranked,
                           const std::unordered_map<const GumboNode*, double>& score);
  void ExplainSkipped(const GumboNode* n, std::string why);
  bool IsContentWrapper(const GumboNode* n, std::string_view hint, int around_chars) const;
  const GumboNode* WidenToSplitArticle(
      const GumboNode* top, double top_score,
      const std::vector<std::pair<double, const GumboNode*>>& ranked) const;
  // A candidate with several times the text of `top` and a fair share of its score, when
  // `top` is a short block lifted by a soft class word; `top` otherwise (see
  // article_content.cc).
  const GumboNode* PreferLongerRunnerUp(
      const GumboNode* top, double* top_score,
      const std::vector<std::pair<double, const GumboNode*>>& ranked) const;
  // The lowest ancestor of a short `top` holding much more paragraph text than it (see
  // article_content.cc); `top` otherwise.
  const GumboNode* WidenToTextAround(const GumboNode* top) const;
  // Emission.
  void Emit(const GumboNode* n, bool in_link, int depth, bool is_root);
  // True when `n` is named a list ("ingredients-list", "spec-list") and nothing else in its
  // class or id reads as boilerplate, and holds text rather than links (at most a tenth):
  // a recipe's ingredients, a product's specifications. Lists of other stories are links.
  bool IsTextList(const GumboNode* n, std::string_view h) const;
  // True when the list `n` (statistics `s`) is sentences that carry links rather than links.
  bool ItemsCarryProse(const GumboNode* n, const Stats& s) const;
  // True when `n` holds at least half the text of the root Emit is walking.
  bool HoldsHalfOfRoot(const GumboNode* n) const;
  // The lead paragraphs in the article's header above `top` (see article_content.cc);
  // `side_section`: `top` is a section merged beside the chosen block, before it.
  std::vector<const GumboNode*> HeaderLead(const GumboNode* top, bool side_section) const;
  void Break();
  // Closes the paragraph being built and marks the last one as followed by a left-out block.
  void MarkDrop();
  std::vector<Para> FilterParagraphs();

  void FillTitle();
  void FillAuthors();
  void FillDates();
  void FillOther();
  bool IsKoreanSite() const;
  std::string Resolve(std::string_view href) const;

  void AddMeta(const std::string& group, const std::string& key, std::string_view value);
  std::string MetaValue(std::initializer_list<std::string_view> keys) const;

  std::string_view url_;
  const ExtractOptions& options_;
  ExtractionExplanation* explain_;  // null unless asked for
  Document doc_;

  std::string base_;  // <base href> resolved, else url
  std::string html_lang_;
  std::string title_tag_;
  std::vector<std::string> h1s_;
  std::unordered_map<std::string, std::vector<std::string>> meta_;  // lowercased key -> values
  std::vector<nlohmann::json> jsonld_;                              // parsed scripts
  const nlohmann::json* article_ld_ = nullptr;
  std::vector<std::pair<std::string, std::string>> itemprops_;  // prop -> value
  std::vector<std::pair<std::string, std::string>> times_;      // datetime, text
  std::vector<std::string> byline_texts_;
  std::vector<std::string> author_texts_;
  std::vector<std::string> dropped_paras_;
  std::string canonical_href_;
  std::vector<const GumboNode*> elements_;
  std::vector<std::string_view> hrefs_;

  std::unordered_map<const GumboNode*, Stats> stats_;
  mutable std::unordered_map<const GumboNode*, bool> sidebar_layout_;  // IsSidebarLayout
  int total_chars_ = 0;      // text of the whole document (after ComputeStats)
  int emit_root_chars_ = 0;  // text of the root Emit is walking
  // Set while Emit walks <body> because no chosen block gave any text: a class or id word
  // that reads as boilerplate then skips a block only when it holds under half the page's
  // text (see article_extractor.cc).
  bool body_fallback_ = false;
  // Set on a second walk of <body> when the first gave no text either: the page is a
  // discussion (a forum thread, a question and its answers) whose posts are all named for
  // comments, so a block is not skipped for its comment word alone.
  bool comments_are_text_ = false;
  // Set while Emit walks a root whose text sits mostly in figure captions (a gallery post,
  // one picture and its paragraph per slide): captions are the text there.
  bool captions_are_text_ = false;
  int figcaptions_ = 0;  // <figcaption>s in the document (counted by ComputeStats)
  bool TextIsInCaptions(const GumboNode* root) const;
  std::vector<Para> paras_;
  std::string cur_;
  int cur_link_ = 0;
  bool cur_heading_ = false;
};

}  // namespace hallyu::article_internal
