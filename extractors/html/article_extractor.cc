#include "extractors/html/article_extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/html/article_dom.h"
#include "extractors/html/article_extraction.h"
#include "extractors/html/html_prescan.h"
#include "extractors/text/charset.h"
#include "extractors/text/text.h"

namespace hallyu {
namespace {

// ---------------------------------------------------------------- Gumbo's memory

// A bump allocator for Gumbo's tree (issue 10). Gumbo 0.10.1 makes several
// small malloc/free calls per node, attribute and text run, and frees the tree
// node by node again: a third of a worker's time went to glibc's allocator.
// Here a parse takes memory from chunks kept per thread, frees nothing one by
// one, and the whole tree is released by Reset() once the Document is built.
// Gumbo grows its buffers by allocate + copy + free, so the arena holds at most
// about twice what the tree needs; chunks above kKeepBytes are returned to the
// system after each page, so a huge page does not pin memory.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    Reset();
    for (char* c : chunks_) std::free(c);
  }

  static void* Allocate(void* self, size_t size) noexcept {
    return static_cast<GumboArena*>(self)->Take(size);
  }
  static void Deallocate(void* /*self*/, void* /*ptr*/) noexcept {}

  // Starts a parse that may take at most `budget` bytes. When the budget is spent or
  // the system has no memory left, Take jumps to `bail` (set with setjmp by the caller
  // around gumbo_parse_with_options) instead of returning nullptr, which Gumbo 0.10.1
  // would dereference. Jumping out of Gumbo is safe: it keeps no global state and all of
  // its memory comes from this arena, released by Reset.
  void Arm(std::size_t budget, std::jmp_buf* bail) noexcept {
    budget_ = budget;
    taken_ = 0;
    exceeded_ = false;
    bail_ = bail;
  }
  void Disarm() noexcept { bail_ = nullptr; }
  // True when the last armed parse ran out of budget (or of memory).
  bool exceeded() const { return exceeded_; }
  // Bytes handed out since the last Arm.
  std::size_t taken() const { return taken_; }

  // Releases everything handed out since the last Reset.
  void Reset() noexcept {
    for (void* b : large_) std::free(b);
    large_.clear();
    while (chunks_.size() * kChunkBytes > kKeepBytes) {
      std::free(chunks_.back());
      chunks_.pop_back();
    }
    chunk_ = 0;
    used_ = 0;
  }

 private:
  static constexpr std::size_t kChunkBytes = 256 * 1024;
  static constexpr std::size_t kKeepBytes = 4 * kChunkBytes;  // kept between pages, per thread

  [[noreturn]] void Bail() noexcept {
    exceeded_ = true;
    std::jmp_buf* bail = bail_;
    bail_ = nullptr;
    if (bail == nullptr) std::abort();  // only reachable from outside an armed parse
    std::longjmp(*bail, 1);
  }

  void* Take(std::size_t size) noexcept {
    size = (size + 15) & ~std::size_t{15};  // malloc's alignment
    if (size > budget_ - std::min(taken_, budget_)) Bail();
    taken_ += size;
    if (size > kChunkBytes / 4) {  // big buffers (long text runs) on their own
      if (large_.size() == large_.capacity() && large_.size() >= kMaxLargeBlocks) Bail();
      void* b = std::malloc(size);
      if (b == nullptr) Bail();
      try {
        large_.push_back(b);
      } catch (...) {
        std::free(b);
        Bail();
      }
      return b;
    }
    if (chunk_ < chunks_.size() && used_ + size <= kChunkBytes) {
      void* p = chunks_[chunk_] + used_;
      used_ += size;
      return p;
    }
    if (chunk_ < chunks_.size() && used_ > 0) ++chunk_;  // current one is full
    if (chunk_ == chunks_.size()) {
      char* c = static_cast<char*>(std::malloc(kChunkBytes));
      if (c == nullptr) Bail();
      try {
        chunks_.push_back(c);
      } catch (...) {
        std::free(c);
        Bail();
      }
    }
    used_ = size;
    return chunks_[chunk_];
  }

  static constexpr std::size_t kMaxLargeBlocks = std::size_t{1} << 20;

  std::vector<char*> chunks_;  // chunk_ is being filled; later ones are free
  std::vector<void*> large_;   // single big blocks of this parse
  std::size_t chunk_ = 0;
  std::size_t used_ = 0;
  std::size_t budget_ = 0;  // of the armed parse
  std::size_t taken_ = 0;
  bool exceeded_ = false;
  std::jmp_buf* bail_ = nullptr;
};

// Runs Gumbo with `arena` armed for `budget` bytes. Returns nullptr when the tree would
// take more (arena.exceeded()) or Gumbo returned nothing. Kept apart from anything with
// a destructor: longjmp back into this frame skips only Gumbo's C frames.
GumboOutput* GuardedParse(GumboArena& arena, const GumboOptions& gopts, const char* data,
                          std::size_t size, std::size_t budget) {
  std::jmp_buf bail;
  if (setjmp(bail) != 0) return nullptr;
  arena.Arm(budget, &bail);
  GumboOutput* out = gumbo_parse_with_options(&gopts, data, size);
  arena.Disarm();
  return out;
}

// Text reduced for comparing a page paragraph with the JSON-LD articleBody: no white space
// (ASCII, no-break, thin and zero-width spaces), typographic quotes, apostrophes and dashes
// as their ASCII forms, markup tags dropped and the five common entities decoded. A CMS often
// writes the body of its JSON-LD with straight quotes, plain spaces or a few tags where the
// page has curly quotes and no-break spaces: the same sentence must still match.
std::string SqueezedForCompare(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '<') {  // a tag: skipped up to its '>' (a lone '<' stays)
      const std::size_t end = s.find('>', i + 1);
      if (end != std::string_view::npos && end - i <= 200 && end > i + 1 &&
          (std::isalpha(static_cast<unsigned char>(s[i + 1])) != 0 || s[i + 1] == '/')) {
        i = end + 1;
        continue;
      }
    }
    if (c == '&') {
      bool decoded = false;
      for (const auto& [entity, plain] :
           {std::pair<std::string_view, std::string_view>{"&amp;", "&"},
            {"&quot;", "\""},
            {"&#39;", "'"},
            {"&#039;", "'"},
            {"&apos;", "'"},
            {"&lt;", "<"},
            {"&gt;", ">"},
            {"&nbsp;", ""}}) {
        if (s.substr(i).starts_with(entity)) {
          out.append(plain);
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    if (article_internal::IsAsciiSpace(c)) {
      ++i;
      continue;
    }
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("\xC2\xA0")) {  // no-break space
      i += 2;
      continue;
    }
    if (rest.starts_with("\xC2\xAB") || rest.starts_with("\xC2\xBB")) {  // guillemets
      out.push_back('"');
      i += 2;
      continue;
    }
    if (rest.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(rest[1]) == 0x80) {
      const unsigned char k = static_cast<unsigned char>(rest[2]);
      if ((k >= 0x80 && k <= 0x8B) || k == 0xAF) {  // en/em/thin/zero-width spaces
        i += 3;
        continue;
      }
      if (k == 0x98 || k == 0x99 || k == 0x9A || k == 0xB2) {  // single quotes, prime
        out.push_back('\'');
        i += 3;
        continue;
      }
      if (k == 0x9C || k == 0x9D || k == 0x9E || k == 0xB3) {  // double quotes
        out.push_back('"');
        i += 3;
        continue;
      }
      if (k == 0x93 || k == 0x94) {  // en and em dashes
        out.push_back('-');
        i += 3;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
    ++i;
  }
  return out;
}

// The element showing the page's description (its summary, `want` squeezed as by
// SqueezedForCompare and cut to its opening bytes) as visible text in the body: the deepest
// element, outside links, navigation, sidebars, footers, forms and ignored tags, whose own text
// opens with it. Nullptr when the page shows it nowhere.
const GumboNode* ShownDescription(const GumboNode* n, std::string_view want, int depth) {
  if (depth > article_internal::kMaxRecursion) return nullptr;
  const GumboVector& ch = article_internal::Children(n);
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = article_internal::Child(ch, i);
    if (c->type == GUMBO_NODE_TEXT) {
      std::string_view raw = c->v.text.text;
      // Squeezing only a prefix: the description's opening bytes come early in the node.
      if (SqueezedForCompare(raw.substr(0, want.size() * 3 + 64)).starts_with(want)) return n;
      continue;
    }
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag t = article_internal::Tag(c);
    if (article_internal::IsIgnoredTag(t) || t == GUMBO_TAG_A || t == GUMBO_TAG_NAV ||
        t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_FORM ||
        t == GUMBO_TAG_BUTTON || t == GUMBO_TAG_LABEL || t == GUMBO_TAG_HEAD)
      continue;
    if (const GumboNode* found = ShownDescription(c, want, depth + 1)) return found;
  }
  return nullptr;
}

}  // namespace

namespace article_internal {

Document Extraction::Run(const GumboNode* root) {
  doc_.url = std::string(url_);
  doc_.metadata["opengraph"] = nlohmann::json::object();
  doc_.metadata["twitter"] = nlohmann::json::object();
  doc_.metadata["meta"] = nlohmann::json::object();
  doc_.metadata["jsonld"] = nlohmann::json::array();
  doc_.metadata["microdata"] = nlohmann::json::object();
  doc_.metadata["time"] = nlohmann::json::array();
  Collect(root, 0);

  // JSON-LD: keep the raw objects, pick the article.
  std::vector<const nlohmann::json*> objs;
  for (const auto& j : jsonld_) {
    doc_.metadata["jsonld"].push_back(j);
    CollectJsonLdObjects(j, &objs, 0);
  }
  for (const nlohmann::json* o : objs) {
    if (TypeIs(*o, {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                    "OpinionNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
                    "Report", "TechArticle", "ScholarlyArticle", "BackgroundNewsArticle",
                    "ReviewNewsArticle"})) {
      article_ld_ = o;
      break;
    }
  }
  if (article_ld_ == nullptr) {
    for (const nlohmann::json* o : objs) {
      if (TypeIs(*o, {"VideoObject"})) {
        article_ld_ = o;
        break;
      }
    }
  }

  FillOther();

  // Main text.
  total_chars_ = ComputeStats(root, false, 0).chars;
  std::vector<const GumboNode*> roots;
  ChooseContainer(&roots);
  if (!roots.empty()) {
    // The first root is a section merged beside the chosen block when it holds under half
    // of the text of the roots.
    int front_chars = 0, all_chars = 0;
    for (const GumboNode* r : roots) {
      auto rit = stats_.find(r);
      const int c = rit != stats_.end() ? rit->second.chars : 0;
      all_chars += c;
      if (r == roots.front()) front_chars = c;
    }
    std::vector<const GumboNode*> lead =
        HeaderLead(roots.front(), roots.size() > 1 && front_chars * 2 < all_chars);
    roots.insert(roots.begin(), lead.begin(), lead.end());
  }
  for (const GumboNode* r : roots) {
    auto rit = stats_.find(r);
    emit_root_chars_ = rit != stats_.end() ? rit->second.chars : 0;
    captions_are_text_ = TextIsInCaptions(r);
    Emit(r, false, 0, true);
    captions_are_text_ = false;
    Break();
  }
  std::vector<Para> paras = FilterParagraphs();
  // The chosen blocks gave nothing because every block of text in them is named for comments:
  // a live blog's or a match ticker's entries ("live-match-comment"), a thread's posts. The
  // choice scored that text as the page's; it comes out, rather than the body's leftovers.
  if (paras.empty() && !roots.empty()) {
    paras_.clear();
    dropped_paras_.clear();
    comments_are_text_ = true;
    for (const GumboNode* r : roots) {
      auto rit = stats_.find(r);
      emit_root_chars_ = rit != stats_.end() ? rit->second.chars : 0;
      Emit(r, false, 0, true);
      Break();
    }
    comments_are_text_ = false;
    paras = FilterParagraphs();
    if (explain_ != nullptr && !paras.empty()) {
      explain_->notes.push_back(
          "every block of text in the chosen blocks is named for comments: they are the text");
    }
  }
  // No chosen block gave any text: nothing scored (steps in list items, a definition list,
  // text in <center> or <font>), or the only block that did was skipped for a class word
  // ("entry social-ready", "share-wrapper-article"). An empty body is the worst answer on
  // a page with an article, so the text of <body> comes out instead, without navigation,
  // headers, footers, asides and forms (by tag), hidden and link-heavy blocks, and blocks
  // whose class or id reads as boilerplate unless they hold half the page's text.
  if (paras.empty()) {
    // The document's <html> element, then its <body> (the parser always makes both).
    const GumboNode* body = root;
    for (const GumboTag want : {GUMBO_TAG_HTML, GUMBO_TAG_BODY}) {
      const GumboNode* found = nullptr;
      if (body != nullptr) {
        const GumboVector& ch = Children(body);
        for (unsigned i = 0; i < ch.length && found == nullptr; ++i) {
          const GumboNode* c = Child(ch, i);
          if (c->type == GUMBO_NODE_ELEMENT && Tag(c) == want) found = c;
        }
      }
      body = found;
    }
    if (body != nullptr) {
      paras_.clear();
      dropped_paras_.clear();
      auto bit = stats_.find(body);
      emit_root_chars_ = bit != stats_.end() ? bit->second.chars : 0;
      body_fallback_ = true;
      Emit(body, false, 0, true);
      Break();
      paras = FilterParagraphs();
      // Still nothing: every block with text was named for comments (a forum thread, whose
      // opening post and replies are all "comments"). The posts are the page's text.
      if (paras.empty()) {
        paras_.clear();
        dropped_paras_.clear();
        comments_are_text_ = true;
        Emit(body, false, 0, true);
        Break();
        comments_are_text_ = false;
        paras = FilterParagraphs();
      }
      body_fallback_ = false;
      if (explain_ != nullptr && !paras.empty()) {
        explain_->notes.push_back(
            "no chosen block gave text: the body's text outside navigation, sidebars and "
            "footers");
      }
    }
  }
  // JSON-LD articleBody as a strong signal.
  std::string ld_body;
  if (article_ld_ != nullptr) {
    auto it = article_ld_->find("articleBody");
    if (it != article_ld_->end() && it->is_string()) ld_body = it->get<std::string>();
  }
  if (ld_body.empty()) {
    for (const auto& [p, v] : itemprops_) {
      if (p == "articlebody" && v.size() > ld_body.size()) ld_body = v;
    }
  }
  int dom_chars = 0;
  for (const auto& p : paras) dom_chars += p.chars;
  const int ld_chars = CountChars(ld_body);
  if (ld_chars >= 100) {
    if (dom_chars * 2 < ld_chars) {
      if (explain_ != nullptr)
        explain_->notes.push_back("JSON-LD articleBody (" + std::to_string(ld_chars) +
                                  " characters) replaced the page text (" +
                                  std::to_string(dom_chars) + ")");
      paras.clear();
      for (auto& line : SplitList(ld_body, '\n')) {
        Para p;
        p.chars = CountChars(line);
        p.text = std::move(line);
        if (!LooksLikeBoilerplate(p.text, p.chars)) paras.push_back(std::move(p));
      }
    } else if (ld_chars * 10 >= dom_chars * 7) {
      // Drop DOM paragraphs the article body does not contain.
      // The page's own summary (its description) opening a paragraph marks the lead, which
      // many CMSs leave out of the articleBody: it stays.
      constexpr std::size_t kLeadPrefixBytes = 40;
      const std::string squeezed = SqueezedForCompare(ld_body);
      std::string summary = SqueezedForCompare(MetaValue({"og:description", "description"}));
      if (summary.size() < kLeadPrefixBytes) summary.clear();
      summary.resize(std::min(summary.size(), kLeadPrefixBytes));
      std::vector<Para> kept;
      int kept_chars = 0;
      for (auto& p : paras) {
        const std::string q = SqueezedForCompare(p.text);
        if (squeezed.find(q) != std::string::npos ||
            (!summary.empty() && std::string_view(q).starts_with(summary))) {
          kept_chars += p.chars;
          kept.push_back(p);
        }
      }
      if (kept_chars * 10 >= dom_chars * 6) {
        if (explain_ != nullptr && kept.size() != paras.size())
          explain_->notes.push_back("dropped " + std::to_string(paras.size() - kept.size()) +
                                    " paragraphs missing from the JSON-LD articleBody");
        paras = std::move(kept);
      }
    }
  }
  // The page's description is its lead, and many pages show it as a block of its own outside
  // the extracted text: a teaser paragraph above a video player, a lead in a page header out
  // of the header search's reach, a subtitle in the hero banner. When the text does not hold
  // it but the page shows it (a block whose text is the description, give or take an ellipsis
  // and a closing sentence), that block comes out first.
  if (!paras.empty()) {
    constexpr std::size_t kWantBytes = 40;
    const std::string description =
        Collapse(MetaValue({"og:description", "description", "twitter:description"}));
    std::string want = SqueezedForCompare(description);
    if (CountChars(description) >= 60 && want.size() >= kWantBytes) {
      const std::size_t whole = want.size();
      want.resize(kWantBytes);
      std::string have;
      for (const auto& p : paras) have += SqueezedForCompare(p.text);
      if (have.find(want) == std::string::npos) {
        const GumboNode* shown = ShownDescription(root, want, 0);
        // Inline wrappers (a span or strong around the text) give way to their block while
        // that block is little more than the description.
        const std::size_t limit = whole * 3 / 2 + 40;  // the block stays about the description
        std::string text = shown != nullptr ? NodeText(shown, whole * 3 + 256) : std::string();
        std::size_t size = SqueezedForCompare(text).size();
        while (shown != nullptr && shown->parent != nullptr && !IsBlockTag(Tag(shown)) &&
               shown->parent->type == GUMBO_NODE_ELEMENT) {
          std::string up = NodeText(shown->parent, whole * 3 + 256);
          const std::size_t up_size = SqueezedForCompare(up).size();
          if (up_size > limit) break;
          shown = shown->parent;
          text = std::move(up);
          size = up_size;
        }
        if (shown != nullptr && size <= limit) {
          Para lead;
          lead.chars = CountChars(text);
          lead.text = std::move(text);
          paras.insert(paras.begin(), std::move(lead));
          if (explain_ != nullptr)
            explain_->notes.push_back(
                "the page's description, shown outside the text, came out first as its lead");
        }
      }
    }
  }
  paras_ = paras;
  if (explain_ != nullptr) explain_->dropped_paragraphs = dropped_paras_;
  for (std::size_t i = 0; i < paras.size(); ++i) {
    if (i > 0) doc_.text += "\n\n";
    doc_.text += paras[i].text;
  }

  FillTitle();
  FillAuthors();
  FillDates();

  doc_.lead = MetaValue({"og:description", "description", "twitter:description"});
  if (doc_.lead.empty() && article_ld_ != nullptr)
    doc_.lead = JsonString(*article_ld_, "description");
  if (doc_.lead.empty() && !paras.empty()) doc_.lead = paras.front().text;
  if (doc_.lang.empty() && !doc_.text.empty()) {
    const int h = HangulCount(doc_.text) / 3;
    doc_.lang = h * 4 > CountChars(doc_.text) ? "ko" : "en";
  }
  return std::move(doc_);
}

}  // namespace article_internal

namespace {

using article_internal::Extraction;

internal::PrescanLimits LimitsOf(const ExtractOptions& options) {
  internal::PrescanLimits limits;
  limits.max_depth = options.max_depth;
  limits.max_elements = options.max_elements;
  limits.max_output_bytes = options.max_parse_bytes;
  return limits;
}

Status TooLargePage(std::size_t size, const ExtractOptions& options) {
  return TooLarge("page of " + std::to_string(size) + " bytes exceeds max_input_bytes " +
                  std::to_string(options.max_input_bytes));
}

// Memory Gumbo may take for a tree of `markup_bytes` bytes.
std::size_t TreeBudget(std::size_t markup_bytes, const ExtractOptions& options) {
  const std::size_t per_byte = options.tree_bytes_per_input_byte;
  const std::size_t scaled =
      per_byte != 0 && markup_bytes > SIZE_MAX / per_byte ? SIZE_MAX : markup_bytes * per_byte;
  return scaled > SIZE_MAX - options.tree_bytes_base ? SIZE_MAX : options.tree_bytes_base + scaled;
}

// Gumbo + extraction over prescanned UTF-8 HTML; `pre` says what the prescan cut.
Result<Document> ParseAndExtract(std::string_view prescanned, const internal::PrescanResult& pre,
                                 std::string_view url, const ExtractOptions& options,
                                 ExtractionExplanation* explain) {
  thread_local GumboArena arena;
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 0;
  gopts.allocator = &GumboArena::Allocate;
  gopts.deallocator = &GumboArena::Deallocate;
  gopts.userdata = &arena;
  struct Release {  // the tree lives in the arena: dropped at once, not node by node
    GumboArena* a;
    ~Release() { a->Reset(); }
  } release{&arena};
  // NFC before parsing, so that every field, hint and byline rule sees composed text
  // (decomposed Hangul from some CMSs would match no detection rule). Pages without
  // combining marks or conjoining jamo, nearly all, cost one scan.
  std::string composed;
  if (MayNeedNfcComposition(prescanned)) {
    composed = ComposeNfc(prescanned);
    prescanned = composed;
  }
  const std::size_t budget = TreeBudget(prescanned.size(), options);
  GumboOutput* out = GuardedParse(arena, gopts, prescanned.data(), prescanned.size(), budget);
  if (arena.exceeded()) {
    return TooLarge("too_complex: the HTML tree of " + std::to_string(prescanned.size()) +
                    " bytes of markup needs more than " + std::to_string(budget) +
                    " bytes (budget: tree_bytes_base + tree_bytes_per_input_byte x markup)");
  }
  if (out == nullptr) return ParseError("gumbo returned no tree");
  if (explain != nullptr) *explain = ExtractionExplanation{};
  Extraction ex(url, options, explain);
  Document doc = ex.Run(out->document);
  if (pre.truncated || pre.dropped_tags > 0) {
    doc.metadata["prescan"] = {{"truncated", pre.truncated}, {"dropped_tags", pre.dropped_tags}};
  }
  return doc;
}

}  // namespace

Result<Document> ExtractArticle(std::string_view html_utf8, std::string_view url,
                                const ExtractOptions& options, ExtractionExplanation* explain) {
  if (html_utf8.size() > options.max_input_bytes) return TooLargePage(html_utf8.size(), options);
  try {
    internal::PrescanResult pre = internal::PrescanHtml(html_utf8, LimitsOf(options));
    return ParseAndExtract(pre.html, pre, url, options, explain);
  } catch (const std::exception& e) {
    return Internal(std::string("article extraction failed: ") + e.what());
  } catch (...) {
    return Internal("article extraction failed");
  }
}

Result<Document> ExtractArticleFromBody(std::string_view body, std::string_view content_type,
                                        std::string_view url, const ExtractOptions& options,
                                        ExtractionExplanation* explain) {
  if (body.size() > options.max_input_bytes) return TooLargePage(body.size(), options);
  try {
    const CharsetGuess guess = DetectCharset(body, content_type);
    if (!IsAsciiCompatibleCharset(guess.charset)) {
      return ExtractArticle(DecodeToUtf8(body, content_type).text, url, options, explain);
    }
    // '<', '>' and quotes are never part of a multibyte sequence in these charsets, so
    // the prescan finds the same tags in the raw bytes; only what it keeps (scripts and
    // styles are most of a news page) is validated and converted.
    // (A BOM is copied through and dropped by ConvertToUtf8, as DecodeToUtf8 does.)
    internal::PrescanResult pre = internal::PrescanHtml(body, LimitsOf(options));
    DecodedText text = ConvertToUtf8(pre.html, guess.charset);
    return ParseAndExtract(text.text, pre, url, options, explain);
  } catch (const std::exception& e) {
    return Internal(std::string("article extraction failed: ") + e.what());
  } catch (...) {
    return Internal("article extraction failed");
  }
}

}  // namespace hallyu
