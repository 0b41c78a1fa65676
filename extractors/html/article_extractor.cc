#include "extractors/html/article_extractor.h"

#include <gumbo.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractors/html/article_dates.h"
#include "extractors/html/html_prescan.h"
#include "extractors/text/charset.h"
#include "extractors/text/text.h"
#include "extractors/url/link_resolution.h"

namespace hallyu {
namespace {

using internal::FindLabelledDates;
using internal::FormatRfc3339Utc;
using internal::ParseDateTime;
using internal::ResolveLink;

constexpr int kMaxRecursion = 400;  // above PrescanLimits::max_depth + implied elements
// Best-scored candidates looked at when choosing and widening the main-text container.
constexpr std::size_t kRankedCandidates = 32;
// How far above the top candidate an ancestor holding the rest of a split article may be
// (a page-builder text block sits about ten elements below its section).
constexpr int kMaxWidenLevels = 16;
constexpr std::size_t kExplainedLosers = 8;    // --explain: candidates listed
constexpr std::size_t kExplainedSkipped = 16;  // --explain: blocks left out of the container

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

// ---------------------------------------------------------------- text helpers

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Number of non-whitespace code points.
int CountChars(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80 && !IsAsciiSpace(c)) ++n;
  }
  return n;
}

// Collapses runs of whitespace (ASCII, NBSP, U+3000) to one space, drops
// zero-width spaces and BOMs, trims both ends.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
      continue;
    }
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      space = true;
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x8B ||
         static_cast<unsigned char>(s[i + 2]) == 0x8C)) {
      i += 2;
      continue;
    }
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF) {
      i += 2;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool HasHangul(std::string_view s) {
  // Hangul syllables U+AC00..U+D7A3 are encoded EA B0 80 .. ED 9E A3.
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xEA && c <= 0xED) return true;
  }
  return false;
}

int HangulCount(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) {
    if (c >= 0xEA && c <= 0xED) ++n;
  }
  return n;
}

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find(sep, i);
    if (j == std::string_view::npos) j = s.size();
    std::string item = Collapse(s.substr(i, j - i));
    if (!item.empty()) out.push_back(std::move(item));
    i = j + 1;
  }
  return out;
}

void PushUnique(std::vector<std::string>* v, std::string s, std::size_t cap = 64) {
  if (s.empty() || v->size() >= cap) return;
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

// ---------------------------------------------------------------- gumbo helpers

std::string_view Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

const GumboVector& Children(const GumboNode* n) {
  static const GumboVector kEmpty = {nullptr, 0, 0};
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return n->v.document.children;
  return kEmpty;
}

const GumboNode* Child(const GumboVector& v, unsigned i) {
  return static_cast<const GumboNode*>(v.data[i]);
}

bool IsText(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
         n->type == GUMBO_NODE_CDATA;
}

GumboTag Tag(const GumboNode* n) {
  return (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) ? n->v.element.tag
                                                                           : GUMBO_TAG_UNKNOWN;
}

// Tags whose content is never article text.
bool IsIgnoredTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_RT:  // ruby annotations (readings over Japanese or Chinese text) and
    case GUMBO_TAG_RP:  // their fallback parentheses are not part of the running text
      return true;
    default:
      return false;
  }
}

// Tags skipped when emitting body text (boilerplate by element).
bool IsBoilerplateTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return IsIgnoredTag(t);
  }
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

// Text of a subtree (ignored tags skipped), raw, bounded to `limit` bytes.
void AppendText(const GumboNode* n, std::string* out, std::size_t limit, int depth = 0) {
  if (out->size() >= limit || depth > kMaxRecursion) return;
  if (IsText(n)) {
    out->append(n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag t = Tag(n);
  if (IsIgnoredTag(t)) return;
  const bool block = IsBlockTag(t);
  if (block) out->push_back(' ');
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) AppendText(Child(ch, i), out, limit, depth + 1);
  if (block) out->push_back(' ');
}

std::string NodeText(const GumboNode* n, std::size_t limit = 4096) {
  std::string raw;
  AppendText(n, &raw, limit);
  return Collapse(raw);
}

// ---------------------------------------------------------------- class/id hints

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// A class token (lower case) that states what a block carries or how it is laid out, never
// that it is boilerplate: Drupal field display flags (field--label-hidden), layout and state
// flags (has-post-thumbnail, with-sidebar, withsidebar); page-builder classes are read
// through BuilderBlockKind first. Such tokens used to read as "thumb", "hidden", "widget" or
// "sidebar" and threw the article away with them. `wp_post` is true when the class list is
// a WordPress post's own (hentry, status-publish, post-123): its tag-*, category-*,
// type-* and format-* tokens name the post's taxonomy, not a tag list.
bool IsNeutralClassToken(std::string_view t, bool wp_post) {
  if (t.empty()) return true;
  for (std::string_view prefix : {"has-", "has_", "with-", "with_", "field--label", "label-"}) {
    if (StartsWith(t, prefix)) return true;
  }
  if (t.find("withsidebar") != std::string_view::npos) return true;
  if (wp_post) {
    for (std::string_view prefix : {"tag-", "category-", "type-", "status-", "format-"}) {
      if (StartsWith(t, prefix)) return true;
    }
  }
  return false;
}

// True for a WordPress post's own class list: "hentry", "status-publish" or "post-<digits>".
bool IsWordPressPostClassList(std::string_view lower_cls) {
  std::size_t i = 0;
  while (i < lower_cls.size()) {
    while (i < lower_cls.size() && IsAsciiSpace(lower_cls[i])) ++i;
    std::size_t j = i;
    while (j < lower_cls.size() && !IsAsciiSpace(lower_cls[j])) ++j;
    const std::string_view t = lower_cls.substr(i, j - i);
    if (t == "hentry" || t == "status-publish") return true;
    if (t.size() > 5 && StartsWith(t, "post-") &&
        std::all_of(t.begin() + 5, t.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return true;
    i = j;
  }
  return false;
}

// Elementor (a WordPress page builder) names every block "elementor-widget-<kind>" and
// every placement "elementor-location-<place>"; its other classes are layout
// ("elementor-top-column", "elementor-section-boxed"). Returns the kind or place for the
// first two, "" for the layout classes (read as "top", "column"... they threw whole
// articles away), and `token` itself for any other class.
std::string_view BuilderBlockKind(std::string_view token) {
  constexpr std::string_view kBuilder = "elementor-";
  if (!StartsWith(token, kBuilder)) return token;
  for (std::string_view prefix : {"elementor-widget-", "elementor-location-"}) {
    if (StartsWith(token, prefix) && token.size() > prefix.size()) {
      const std::string_view kind = token.substr(prefix.size());
      return kind == "container" || kind == "wrap" ? std::string_view() : kind;
    }
  }
  return {};
}

// Class and id of `n`, lower case, as one string of tokens to match hints against; tokens
// that are neutral (IsNeutralClassToken) are left out.
std::string HintString(const GumboNode* n) {
  std::string s;
  const std::string_view cls = Attr(n, "class");
  const std::string_view id = Attr(n, "id");
  if (cls.empty() && id.empty()) return s;
  const std::string lower_cls = Lower(cls);
  const bool wp_post = IsWordPressPostClassList(lower_cls);
  s.reserve(cls.size() + id.size() + 1);
  std::size_t i = 0;
  while (i < lower_cls.size()) {
    while (i < lower_cls.size() && IsAsciiSpace(lower_cls[i])) ++i;
    std::size_t j = i;
    while (j < lower_cls.size() && !IsAsciiSpace(lower_cls[j])) ++j;
    if (j > i) {
      std::string_view token(lower_cls.data() + i, j - i);
      token = BuilderBlockKind(token);
      if (!IsNeutralClassToken(token, wp_post)) {
        s.append(token);
        s.push_back(' ');
      }
    }
    i = j;
  }
  s.append(Lower(id));
  return s;
}

bool HasToken(std::string_view s, std::string_view word) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i && s.substr(i, j - i) == word) return true;
    i = j;
  }
  return false;
}

bool HasAny(std::string_view s, std::initializer_list<std::string_view> subs) {
  for (auto w : subs) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool HasAnyToken(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (HasToken(s, w)) return true;
  }
  return false;
}

bool IsStrongPositive(std::string_view h) {
  return HasAny(h, {"articlebody",     "article_body",      "article-body",   "article__body",
                    "article_txt",     "article-text",      "articletext",    "article_view",
                    "article-view",    "articleview",       "news_body",      "newsbody",
                    "news-body",       "dic_area",          "newsct_article", "news_cnt_detail",
                    "article-content", "article_content",   "articlecontent", "article_con",
                    "art_body",        "entry-content",     "entry_content",  "post-content",
                    "post_content",    "postcontent",       "story-body",     "storybody",
                    "story_body",      "news_text",         "newstext",       "view_con",
                    "viewcon",         "content-body",      "content_body",   "news_article",
                    "article-detail",  "article_detail",    "post-body",      "post_body",
                    "blog-content",    "se-main-container", "rich-text",      "richtext",
                    "articebody"});  // sic: the body of Naver's entertainment article view
}

// "comment" as boilerplate evidence, but not inside "commentary" (an opinion piece).
bool HasCommentHint(std::string_view h) {
  for (std::size_t p = h.find("comment"); p != std::string_view::npos;
       p = h.find("comment", p + 1)) {
    if (h.substr(p + 7, 3) != "ary") return true;
  }
  return false;
}

// Hints that name a block that is boilerplate whatever its size: comments, related and
// recommended stories, footers, newsletter and cookie boxes, ranking lists.
bool IsStrongBoilerplate(std::string_view h) {
  return HasCommentHint(h) ||
         HasAny(h, {"reply",      "disqus",   "related",   "recommend", "footer",
                    "newsletter", "subscri",  "cookie",    "consent",   "gdpr",
                    "outbrain",   "taboola",  "trending",  "popular",   "ranking",
                    "most-read",  "mostread", "most_read", "share",     "social"});
}

bool IsHardNegative(std::string_view h) {
  if (h.empty()) return false;
  return HasCommentHint(h) ||
         HasAny(h, {"related",
                    "recommend",
                    "sidebar",
                    "social",
                    "share",
                    "banner",
                    "cookie",
                    "consent",
                    "gdpr",
                    "advert",
                    "sponsor",
                    "promo",
                    "popular",
                    "ranking",
                    "newsletter",
                    "subscri",
                    "breadcrumb",
                    "pagination",
                    "paging",
                    "footer",
                    "outbrain",
                    "taboola",
                    "modal",
                    "popup",
                    "reply",
                    "disqus",
                    "morenews",
                    "more_news",
                    "more-news",
                    "othernews",
                    "other_news",
                    "hotnews",
                    "hot_news",
                    "copyright",
                    "byline",
                    "journalist",
                    "author-bio",
                    "authorbio",
                    "author_bio",
                    "author-box",
                    "tag_list",
                    "taglist",
                    "tag-list",
                    "keyword",
                    "caption",
                    "photo_desc",
                    "img_desc",
                    "credit",
                    "font_size",
                    "fontsize",
                    "screen_out",
                    "sr-only",
                    "visually-hidden",
                    "skip",
                    "header",
                    "masthead",
                    "toolbar",
                    "utility",
                    "widget",
                    "trending",
                    "most-read",
                    "mostread",
                    "most_read",
                    "reporter",
                    "writer",
                    "profile",
                    "reaction",
                    "emotion",
                    "sns",
                    "print",
                    "dateline",
                    "article-info",
                    "article_info",
                    "news_info",
                    "view_info",
                    "info_area",
                    "photo_info",
                    "thumb",
                    "copy_right",
                    "tweet",
                    "instagram",
                    "tiktok",
                    "another_category",
                    "recent"}) ||
         HasAnyToken(h, {"ad",     "ads",   "adv",    "nav",     "menu",     "gnb",        "lnb",
                         "snb",    "rank",  "blind",  "hidden",  "hide",     "tag",        "tags",
                         "date",   "info",  "meta",   "util",    "btn",      "button",     "author",
                         "source", "login", "search", "logo",    "vote",     "like",       "dable",
                         "more",   "list",  "time",   "top10",   "aside",    "wrap_ad",    "photo",
                         "right",  "side",  "other",  "another", "category", "categories", "best",
                         "hot",    "top"});
}

int ClassWeight(std::string_view h) {
  if (h.empty()) return 0;
  int w = 0;
  if (IsStrongPositive(h))
    w += 50;
  else if (HasAny(h, {"article", "body", "content", "entry", "main", "post", "text", "blog",
                      "story", "news", "view", "cont", "txt"}))
    w += 25;
  if (IsHardNegative(h)) w -= 25;
  return w;
}

bool IsHiddenByAttr(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) return true;
  if (Attr(n, "aria-hidden") == "true") return true;
  const std::string_view style = Attr(n, "style");
  if (!style.empty()) {
    std::string st = Lower(style);
    st.erase(std::remove(st.begin(), st.end(), ' '), st.end());
    if (st.find("display:none") != std::string::npos ||
        st.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

// ---------------------------------------------------------------- JSON-LD

bool TypeIs(const nlohmann::json& obj, std::initializer_list<std::string_view> types) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto one = [&](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    for (auto want : types) {
      if (s == want) return true;
    }
    return false;
  };
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (one(t)) return true;
    }
    return false;
  }
  return one(*it);
}

std::string JsonString(const nlohmann::json& obj, const char* key) {
  if (!obj.is_object()) return {};
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return Collapse(it->get_ref<const std::string&>());
  if (it->is_array() && !it->empty() && it->front().is_string())
    return Collapse(it->front().get_ref<const std::string&>());
  if (it->is_object()) {
    for (const char* k : {"name", "url", "@id"}) {
      auto jt = it->find(k);
      if (jt != it->end() && jt->is_string()) return Collapse(jt->get_ref<const std::string&>());
    }
  }
  return {};
}

void CollectJsonLdObjects(const nlohmann::json& j, std::vector<const nlohmann::json*>* out,
                          int depth) {
  if (depth > 4 || out->size() > 64) return;
  if (j.is_array()) {
    for (const auto& e : j) CollectJsonLdObjects(e, out, depth + 1);
  } else if (j.is_object()) {
    out->push_back(&j);
    auto g = j.find("@graph");
    if (g != j.end()) CollectJsonLdObjects(*g, out, depth + 1);
  }
}

std::string StripJsonLdWrapper(std::string_view s) {
  std::string t(s);
  for (const char* junk : {"<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"}) {
    std::size_t p;
    while ((p = t.find(junk)) != std::string::npos)
      t.erase(p, std::char_traits<char>::length(junk));
  }
  return t;
}

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
  const GumboNode* HardNegativeAround(const GumboNode* n) const;
  static bool InsideBoilerplateBlock(const GumboNode* n) {
    return BoilerplateBlockAround(n) != nullptr;
  }
  static const GumboNode* BoilerplateBlockAround(const GumboNode* n);
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
  // Emission.
  void Emit(const GumboNode* n, bool in_link, int depth, bool is_root);
  void Break();
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
  int total_chars_ = 0;      // text of the whole document (after ComputeStats)
  int emit_root_chars_ = 0;  // text of the root Emit is walking
  std::vector<Para> paras_;
  std::string cur_;
  int cur_link_ = 0;
  bool cur_heading_ = false;
};

void Extraction::AddMeta(const std::string& group, const std::string& key, std::string_view value) {
  nlohmann::json& g = doc_.metadata[group];
  const std::string v = Collapse(value);
  if (g.size() > 200) return;
  auto it = g.find(key);
  if (it == g.end()) {
    g[key] = v;
  } else if (it->is_array()) {
    if (it->size() < 50) it->push_back(v);
  } else {
    nlohmann::json arr = nlohmann::json::array({*it, v});
    *it = std::move(arr);
  }
}

std::string Extraction::MetaValue(std::initializer_list<std::string_view> keys) const {
  for (auto k : keys) {
    auto it = meta_.find(std::string(k));
    if (it != meta_.end()) {
      for (const auto& v : it->second) {
        if (!v.empty()) return v;
      }
    }
  }
  return {};
}

void Extraction::OnMeta(const GumboNode* n) {
  std::string_view key = Attr(n, "property");
  if (key.empty()) key = Attr(n, "name");
  if (key.empty()) key = Attr(n, "itemprop");
  if (key.empty()) key = Attr(n, "http-equiv");
  const std::string_view content = Attr(n, "content");
  if (key.empty() || content.empty() || key.size() > 100) return;
  const std::string k = Lower(key);
  if (meta_.size() < 500) {
    auto& vals = meta_[k];
    if (vals.size() < 50) vals.push_back(Collapse(content));
  }
  if (k.starts_with("og:") || k.starts_with("article:")) {
    AddMeta("opengraph", k, content);
  } else if (k.starts_with("twitter:")) {
    AddMeta("twitter", k, content);
  } else {
    AddMeta("meta", k, content);
  }
}

void Extraction::OnJsonLd(const GumboNode* n) {
  if (jsonld_.size() >= 16) return;
  std::string body;
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = Child(ch, i);
    if (IsText(c)) body.append(c->v.text.text);
  }
  if (body.size() > (2u << 20)) return;
  nlohmann::json j =
      nlohmann::json::parse(StripJsonLdWrapper(body), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return;
  jsonld_.push_back(std::move(j));
}

void Extraction::Collect(const GumboNode* n, int depth) {
  if (depth > kMaxRecursion) return;
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
      n->type != GUMBO_NODE_TEMPLATE)
    return;
  if (n->type == GUMBO_NODE_ELEMENT) {
    elements_.push_back(n);
    switch (Tag(n)) {
      case GUMBO_TAG_HTML:
        if (html_lang_.empty()) html_lang_ = std::string(Attr(n, "lang"));
        break;
      case GUMBO_TAG_META:
        OnMeta(n);
        break;
      case GUMBO_TAG_LINK: {
        const std::string rel = Lower(Attr(n, "rel"));
        if (HasToken(rel, "canonical") && canonical_href_.empty())
          canonical_href_ = std::string(Attr(n, "href"));
        break;
      }
      case GUMBO_TAG_BASE:
        if (base_.empty()) {
          if (auto b = ResolveLink(url_, Attr(n, "href"))) base_ = *b;
        }
        break;
      case GUMBO_TAG_TITLE:
        if (title_tag_.empty()) title_tag_ = NodeText(n, 2048);
        if (title_tag_.empty()) {
          const GumboVector& ch = Children(n);
          for (unsigned i = 0; i < ch.length; ++i) {
            if (IsText(Child(ch, i))) title_tag_ += Child(ch, i)->v.text.text;
          }
          title_tag_ = Collapse(title_tag_);
        }
        return;
      case GUMBO_TAG_H1:
        if (h1s_.size() < 8) {
          std::string t = NodeText(n, 2048);
          if (!t.empty()) h1s_.push_back(std::move(t));
        }
        break;
      case GUMBO_TAG_SCRIPT: {
        const std::string type = Lower(Attr(n, "type"));
        if (type.find("ld+json") != std::string::npos) OnJsonLd(n);
        return;
      }
      case GUMBO_TAG_STYLE:
        return;
      case GUMBO_TAG_TIME:
        if (times_.size() < 32) {
          times_.emplace_back(std::string(Attr(n, "datetime")), NodeText(n, 256));
          nlohmann::json t = {{"datetime", times_.back().first}, {"text", times_.back().second}};
          if (!Attr(n, "pubdate").empty() ||
              gumbo_get_attribute(&n->v.element.attributes, "pubdate"))
            t["pubdate"] = true;
          doc_.metadata["time"].push_back(std::move(t));
        }
        break;
      case GUMBO_TAG_A:
        if (hrefs_.size() < options_.max_links * 4) hrefs_.push_back(Attr(n, "href"));
        break;
      default:
        break;
    }
    const std::string_view itemprop = Attr(n, "itemprop");
    if (!itemprop.empty() && itemprops_.size() < 64 && Tag(n) != GUMBO_TAG_META) {
      std::string value;
      for (const char* a : {"content", "datetime"}) {
        if (value.empty()) value = Collapse(Attr(n, a));
      }
      if (value.empty() && Lower(itemprop) != "articlebody") value = NodeText(n, 512);
      const std::string p = Lower(itemprop);
      if (!value.empty()) {
        itemprops_.emplace_back(p, value);
        AddMeta("microdata", std::string(itemprop), value);
      }
    }
    const std::string hint = HintString(n);
    if (!hint.empty()) {
      const bool dateish =
          HasAny(hint, {"date", "time", "byline", "info", "meta", "writer", "reporter", "author",
                        "publish", "update", "regist", "byl", "dateline"});
      if (dateish && byline_texts_.size() < 24) {
        std::string t = NodeText(n, 600);
        if (!t.empty() && t.size() <= 600) byline_texts_.push_back(t);
      }
      const bool authorish =
          HasAny(hint, {"byline", "author", "writer", "reporter", "journalist", "byl"}) &&
          !HasAny(hint, {"bio", "profile", "other", "more"});
      if (authorish && author_texts_.size() < 12) {
        std::string t = NodeText(n, 400);
        if (!t.empty() && t.size() < 400) author_texts_.push_back(t);
      }
    }
  }
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) Collect(Child(ch, i), depth + 1);
}

Stats Extraction::ComputeStats(const GumboNode* n, bool in_link, int depth) {
  Stats s;
  if (depth > kMaxRecursion) return s;
  if (IsText(n)) {
    const std::string_view t(n->v.text.text);
    s.chars = CountChars(t);
    s.link_chars = in_link ? s.chars : 0;
    s.commas = static_cast<int>(std::count(t.begin(), t.end(), ','));
    s.direct_chars = s.chars;
    return s;
  }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return s;
  const GumboTag t = Tag(n);
  if (n->type == GUMBO_NODE_ELEMENT && IsIgnoredTag(t)) return s;
  const bool link = in_link || t == GUMBO_TAG_A;
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = Child(ch, i);
    const Stats cs = ComputeStats(c, link, depth + 1);
    s.chars += cs.chars;
    s.link_chars += cs.link_chars;
    s.commas += cs.commas;
    if (IsText(c) || (c->type == GUMBO_NODE_ELEMENT && !IsBlockTag(Tag(c))))
      s.direct_chars += cs.chars;
  }
  if (n->type == GUMBO_NODE_ELEMENT) stats_[n] = s;
  return s;
}

// A block whose hint reads as boilerplate but which holds most of the text around it
// (`around_chars`) with few links is a wrapper of the article ("cuerpo-ad", id="top"), not
// boilerplate — unless its hint names a block that never is the article (comments, related
// stories, footers, sharing).
bool Extraction::IsContentWrapper(const GumboNode* n, std::string_view hint,
                                  int around_chars) const {
  if (IsStrongBoilerplate(hint)) return false;
  auto it = stats_.find(n);
  if (it == stats_.end()) return false;
  const Stats& s = it->second;
  return s.chars >= 200 && s.chars * 2 >= around_chars && s.link_chars * 4 < s.chars;
}

// The nearest element from `n` up that is boilerplate by hint or tag (see
// InsideHardNegative), or null.
const GumboNode* Extraction::HardNegativeAround(const GumboNode* n) const {
  for (const GumboNode* p = n; p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    const std::string h = HintString(p);
    if (!h.empty() && IsHardNegative(h) && !IsStrongPositive(h) &&
        !IsContentWrapper(p, h, total_chars_))
      return p;
    const GumboTag t = Tag(p);
    if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER) return p;
  }
  return nullptr;
}

// True when `a` is above `d` in the tree.
bool IsAncestorOf(const GumboNode* a, const GumboNode* d) {
  int depth = 0;
  for (const GumboNode* p = d->parent; p != nullptr && depth <= kMaxRecursion;
       p = p->parent, ++depth) {
    if (p == a) return true;
  }
  return false;
}

// An article cut into blocks that are cousins rather than siblings (page-builder sections,
// recipe and guide steps each in its own wrapper) gives the top candidate only one block.
// Peers are the other candidates of the same tag and class as `top` (the builder's or the
// template's block for one part) scoring at least kPeerScoreShare of it, none nested in
// another or in `top` and none inside boilerplate. The lowest ancestor of `top` (within
// kMaxWidenLevels) holding three peers is the article when the peers there hold at least
// as much text as `top` (a whole article beside a few teasers is not split), `top` and the
// peers hold at least half of the ancestor's text, and the ancestor has few links. Returns
// `top` otherwise.
const GumboNode* Extraction::WidenToSplitArticle(
    const GumboNode* top, double top_score,
    const std::vector<std::pair<double, const GumboNode*>>& ranked) const {
  constexpr double kPeerScoreShare = 0.4;
  if (top_score <= 0) return top;
  auto chars_of = [&](const GumboNode* e) {
    auto it = stats_.find(e);
    return it != stats_.end() ? it->second.chars : 0;
  };
  const std::string_view top_class = Attr(top, "class");
  std::vector<const GumboNode*> peers;
  for (const auto& [sc, e] : ranked) {
    if (sc < top_score * kPeerScoreShare) break;
    if (Tag(e) != Tag(top) || Attr(e, "class") != top_class) continue;
    if (e == top || IsAncestorOf(top, e) || IsAncestorOf(e, top)) continue;
    bool nested = false;
    for (const GumboNode* b : peers) {
      if (IsAncestorOf(b, e) || IsAncestorOf(e, b)) {
        nested = true;
        break;
      }
    }
    if (nested || InsideBoilerplateBlock(e)) continue;
    peers.push_back(e);
  }
  if (peers.size() < 3) return top;
  const int top_chars = chars_of(top);
  int level = 0;
  for (const GumboNode* a = top->parent;
       a != nullptr && a->type == GUMBO_NODE_ELEMENT && level < kMaxWidenLevels;
       a = a->parent, ++level) {
    const GumboTag t = Tag(a);
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) return top;
    int inside = 0;
    int peer_chars = 0;
    for (const GumboNode* b : peers) {
      if (!IsAncestorOf(a, b)) continue;
      ++inside;
      peer_chars += chars_of(b);
    }
    if (inside < 3) continue;
    auto it = stats_.find(a);
    if (it == stats_.end()) return top;
    const Stats& s = it->second;
    if (peer_chars >= top_chars && (top_chars + peer_chars) * 2 >= s.chars &&
        s.link_chars * 3 < s.chars && !InsideHardNegative(a))
      return a;
    return top;
  }
  return top;
}

// True when `n` or an element above it is a block that is never the article: comments,
// related or recommended stories, footers, sharing, sidebars (by class or id, unless also
// named as article text), or an <aside>, <nav> or <footer>. Weaker hints ("photo", "info",
// "top") are left to the scores: they are too often words of the article's own wrappers.
const GumboNode* Extraction::BoilerplateBlockAround(const GumboNode* n) {
  int depth = 0;
  for (const GumboNode* p = n;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT && depth <= kMaxRecursion;
       p = p->parent, ++depth) {
    const GumboTag t = Tag(p);
    if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER) return p;
    const std::string h = HintString(p);
    if (!h.empty() && (IsStrongBoilerplate(h) || HasAny(h, {"sidebar"})) && !IsStrongPositive(h))
      return p;
  }
  return nullptr;
}

const GumboNode* Extraction::ChooseContainer(std::vector<const GumboNode*>* roots) {
  // 1. Strong class/id/itemprop hints (articleBody, #dic_area, .article-view ...).
  const GumboNode* best_strong = nullptr;
  int best_strong_chars = 0;
  std::vector<const GumboNode*> strong;
  for (const GumboNode* e : elements_) {
    const std::string h = HintString(e) + " " + Lower(Attr(e, "itemprop"));
    if (h.size() <= 2 || !IsStrongPositive(h)) continue;
    auto it = stats_.find(e);
    if (it == stats_.end()) continue;
    const Stats& s = it->second;
    if (s.chars < 80) continue;
    if (s.link_chars * 2 > s.chars || InsideHardNegative(e->parent)) {
      if (explain_ != nullptr && explain_->losers.size() < kExplainedLosers)
        explain_->losers.push_back(DescribeLoser(e, 0));
      continue;
    }
    strong.push_back(e);
    if (s.chars > best_strong_chars) {
      best_strong_chars = s.chars;
      best_strong = e;
    }
  }
  if (best_strong != nullptr) {
    // Prefer the deepest strong element holding most of the text.
    const GumboNode* pick = best_strong;
    std::size_t pick_depth = 0;
    for (const GumboNode* e : strong) {
      std::size_t d = 0;
      bool inside = false;
      for (const GumboNode* p = e; p != nullptr; p = p->parent, ++d) {
        if (p == best_strong) inside = true;
      }
      if (inside && stats_[e].chars * 10 >= best_strong_chars * 7 && d > pick_depth) {
        pick = e;
        pick_depth = d;
      }
    }
    roots->push_back(pick);
    if (explain_ != nullptr) {
      explain_->method = "strong hint";
      explain_->chosen = Describe(pick, 0);
      for (const GumboNode* e : strong) {
        if (e == pick || IsAncestorOf(e, pick) || IsAncestorOf(pick, e)) continue;
        if (explain_->losers.size() >= kExplainedLosers) break;
        ExplainedBlock b = Describe(e, 0);
        b.penalties.push_back("fewer characters than the chosen strong-hint block");
        explain_->losers.push_back(std::move(b));
      }
    }
    return pick;
  }

  // 2. Readability-style scoring.
  std::unordered_map<const GumboNode*, double> score;
  auto init = [&](const GumboNode* e) -> double& {
    auto it = score.find(e);
    if (it != score.end()) return it->second;
    double base = 0;
    switch (Tag(e)) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_MAIN:
        base = 5;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        base = 3;
        break;
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
      case GUMBO_TAG_ADDRESS:
        base = -3;
        break;
      case GUMBO_TAG_TH:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
        base = -5;
        break;
      default:
        break;
    }
    base += ClassWeight(HintString(e));
    if (Tag(e) == GUMBO_TAG_ARTICLE) base += 10;
    return score.emplace(e, base).first->second;
  };
  for (const GumboNode* e : elements_) {
    auto it = stats_.find(e);
    if (it == stats_.end()) continue;
    const Stats& s = it->second;
    const GumboTag t = Tag(e);
    const bool p_like =
        t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD || t == GUMBO_TAG_BLOCKQUOTE;
    if (p_like && s.chars >= 25) {
      const double add = 1 + s.commas + std::min(s.chars / 100, 3);
      const GumboNode* p = e->parent;
      if (p != nullptr && p->type == GUMBO_NODE_ELEMENT) {
        init(p) += add;
        const GumboNode* g = p->parent;
        if (g != nullptr && g->type == GUMBO_NODE_ELEMENT) init(g) += add / 2;
      }
    } else if (!p_like && s.direct_chars >= 25 &&
               (t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
                t == GUMBO_TAG_MAIN || t == GUMBO_TAG_SPAN)) {
      // Text split by <br> (common on Korean sites): each segment is a paragraph.
      double add = 0;
      int seg_chars = 0, seg_commas = 0;
      auto flush = [&] {
        if (seg_chars >= 25) add += 1 + seg_commas + std::min(seg_chars / 100, 3);
        seg_chars = seg_commas = 0;
      };
      const GumboVector& ch = Children(e);
      for (unsigned i = 0; i < ch.length; ++i) {
        const GumboNode* c = Child(ch, i);
        if (IsText(c)) {
          const std::string_view tx(c->v.text.text);
          seg_chars += CountChars(tx);
          seg_commas += static_cast<int>(std::count(tx.begin(), tx.end(), ','));
        } else if (c->type == GUMBO_NODE_ELEMENT && !IsBlockTag(Tag(c))) {
          auto cit = stats_.find(c);
          if (cit != stats_.end() && cit->second.link_chars * 2 < cit->second.chars) {
            seg_chars += cit->second.chars;
            seg_commas += cit->second.commas;
          }
        } else {
          flush();
        }
      }
      flush();
      if (add <= 0) continue;
      init(e) += add;
      const GumboNode* p = e->parent;
      if (p != nullptr && p->type == GUMBO_NODE_ELEMENT) init(p) += add / 2;
    }
  }
  // Candidates in document order, best first (ties keep document order).
  std::vector<std::pair<double, const GumboNode*>> ranked;
  ranked.reserve(score.size());
  for (const GumboNode* e : elements_) {
    auto it = score.find(e);
    if (it == score.end()) continue;
    const Stats& s = stats_[e];
    const double ld = s.chars > 0 ? static_cast<double>(s.link_chars) / s.chars : 1.0;
    it->second *= (1.0 - ld);
    ranked.emplace_back(it->second, e);
  }
  if (ranked.empty()) {
    if (explain_ != nullptr) explain_->method = "none";
    return nullptr;
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  ranked.resize(std::min<std::size_t>(ranked.size(), kRankedCandidates));
  // The best candidate outside related stories, comments, sidebars and footers: teaser
  // excerpts there can outscore an article written in short paragraphs.
  const GumboNode* top = ranked.front().second;
  double top_score = ranked.front().first;
  for (const auto& [sc, e] : ranked) {
    if (sc <= 0) break;
    if (!InsideBoilerplateBlock(e)) {
      top = e;
      top_score = sc;
      break;
    }
  }
  const GumboNode* best = top;
  top = WidenToSplitArticle(top, top_score, ranked);
  if (explain_ != nullptr && top != best) {
    explain_->notes.push_back("split article: the best block " + Describe(best, top_score).path +
                              " widened to the ancestor holding its peer blocks");
  }
  // Siblings that belong with the top candidate.
  const GumboNode* parent = top->parent;
  if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) {
    roots->push_back(top);
    ExplainScoredChoice(top, top_score, *roots, ranked, score);
    return top;
  }
  const double threshold = std::max(10.0, top_score * 0.2);
  const std::string top_class = Lower(Attr(top, "class"));
  const GumboVector& ch = Children(parent);
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = Child(ch, i);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    if (c == top) {
      roots->push_back(c);
      continue;
    }
    auto sit = score.find(c);
    const Stats& s = stats_[c];
    const double ld = s.chars > 0 ? static_cast<double>(s.link_chars) / s.chars : 1.0;
    bool append = false;
    if (sit != score.end() && sit->second >= threshold) append = true;
    if (!top_class.empty() && Lower(Attr(c, "class")) == top_class && s.chars > 0 &&
        sit != score.end() && sit->second > 0)
      append = true;
    if (Tag(c) == GUMBO_TAG_P && ld < 0.25 && s.chars > 80) append = true;
    const std::string h = HintString(c);
    if (append && !IsHardNegative(h)) roots->push_back(c);
  }
  ExplainScoredChoice(top, top_score, *roots, ranked, score);
  return top;
}

ExplainedBlock Extraction::Describe(const GumboNode* n, double score) const {
  ExplainedBlock b;
  b.tag = gumbo_normalized_tagname(Tag(n));
  if (b.tag.empty()) b.tag = "?";
  b.id = std::string(Attr(n, "id").substr(0, 200));
  b.cls = std::string(Attr(n, "class").substr(0, 200));
  b.score = score;
  if (auto it = stats_.find(n); it != stats_.end()) {
    b.chars = it->second.chars;
    b.link_chars = it->second.link_chars;
  }
  std::vector<std::string> steps;
  for (const GumboNode* p = n; p != nullptr && p->type == GUMBO_NODE_ELEMENT && steps.size() < 8;
       p = p->parent) {
    if (Tag(p) == GUMBO_TAG_HTML) break;
    std::string step = gumbo_normalized_tagname(Tag(p));
    if (step.empty()) step = "?";
    if (const std::string_view id = Attr(p, "id"); !id.empty())
      step += "#" + std::string(id.substr(0, 60));
    if (const std::string_view cls = Attr(p, "class"); !cls.empty()) {
      std::size_t i = 0;
      while (i < cls.size() && IsAsciiSpace(cls[i])) ++i;
      std::size_t j = i;
      while (j < cls.size() && !IsAsciiSpace(cls[j])) ++j;
      if (j > i) step += "." + std::string(cls.substr(i, std::min<std::size_t>(j - i, 60)));
    }
    steps.push_back(std::move(step));
    if (Tag(p) == GUMBO_TAG_BODY) break;
  }
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!b.path.empty()) b.path += " > ";
    b.path += *it;
  }
  return b;
}

// Describe, with the reasons the block lost: its own class/id words read as boilerplate,
// a boilerplate block around it, and its link density.
ExplainedBlock Extraction::DescribeLoser(const GumboNode* n, double score) const {
  ExplainedBlock b = Describe(n, score);
  const std::string hint = HintString(n);
  std::size_t i = 0;
  while (i < hint.size()) {
    while (i < hint.size() && hint[i] == ' ') ++i;
    std::size_t j = i;
    while (j < hint.size() && hint[j] != ' ') ++j;
    const std::string_view token(hint.data() + i, j - i);
    if (!token.empty() && IsHardNegative(token) && !IsStrongPositive(token))
      b.penalties.push_back("hint '" + std::string(token) + "' reads as boilerplate");
    i = j;
  }
  if (const GumboNode* around = BoilerplateBlockAround(n->parent); around != nullptr) {
    b.penalties.push_back("inside boilerplate block " + Describe(around, 0).path);
  } else if (const GumboNode* neg = HardNegativeAround(n->parent); neg != nullptr) {
    b.penalties.push_back("inside negatively hinted block " + Describe(neg, 0).path);
  }
  if (b.chars > 0 && b.link_chars * 4 >= b.chars) {
    b.penalties.push_back("link density " +
                          std::to_string(static_cast<int>(100.0 * b.link_chars / b.chars)) + " %");
  }
  return b;
}

// `best_score` is the score of the best block, which `top` may have been widened from.
void Extraction::ExplainScoredChoice(const GumboNode* top, double best_score,
                                     const std::vector<const GumboNode*>& roots,
                                     const std::vector<std::pair<double, const GumboNode*>>& ranked,
                                     const std::unordered_map<const GumboNode*, double>& score) {
  if (explain_ == nullptr) return;
  auto score_of = [&](const GumboNode* e) {
    auto it = score.find(e);
    return it != score.end() ? it->second : 0.0;
  };
  explain_->method = "scored";
  explain_->chosen = Describe(top, score.count(top) != 0 ? score_of(top) : best_score);
  for (const GumboNode* r : roots) {
    if (r != top && explain_->merged.size() < kExplainedLosers)
      explain_->merged.push_back(Describe(r, score_of(r)));
  }
  // One entry per competing block: nothing inside or around the container, and nothing
  // inside or around a block already listed (a teaser and its excerpt are one loser).
  std::vector<const GumboNode*> listed(roots.begin(), roots.end());
  for (const auto& [sc, e] : ranked) {
    if (explain_->losers.size() >= kExplainedLosers) break;
    bool related = IsAncestorOf(e, top);
    for (const GumboNode* r : listed)
      related = related || r == e || IsAncestorOf(r, e) || IsAncestorOf(e, r);
    if (related) continue;
    listed.push_back(e);
    explain_->losers.push_back(DescribeLoser(e, sc));
  }
}

void Extraction::ExplainSkipped(const GumboNode* n, std::string why) {
  if (explain_ == nullptr || explain_->skipped.size() >= kExplainedSkipped) return;
  ExplainedBlock b = Describe(n, 0);
  if (b.chars == 0) return;
  b.penalties.push_back(std::move(why));
  explain_->skipped.push_back(std::move(b));
}

void Extraction::Break() {
  if (!cur_.empty()) {
    Para p;
    p.text = Collapse(cur_);
    p.chars = CountChars(p.text);
    p.link_chars = cur_link_;
    p.heading = cur_heading_;
    if (p.chars > 0 && paras_.size() < 5000) paras_.push_back(std::move(p));
  }
  cur_.clear();
  cur_link_ = 0;
  cur_heading_ = false;
}

void Extraction::Emit(const GumboNode* n, bool in_link, int depth, bool is_root) {
  if (depth > kMaxRecursion) return;
  if (IsText(n)) {
    const std::string_view t(n->v.text.text);
    if (cur_.size() < (4u << 20)) cur_.append(t);
    if (in_link) cur_link_ += CountChars(t);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag t = Tag(n);
  if (IsBoilerplateTag(t)) return;
  if (!is_root) {
    if (IsHiddenByAttr(n)) {
      ExplainSkipped(n, "hidden (hidden, aria-hidden or display:none)");
      return;
    }
    const std::string h = HintString(n);
    if (!h.empty() && IsHardNegative(h) && !IsStrongPositive(h) &&
        !IsContentWrapper(n, h, emit_root_chars_)) {
      if (explain_ != nullptr) {
        ExplainedBlock why = DescribeLoser(n, 0);
        ExplainSkipped(
            n, why.penalties.empty() ? "class/id reads as boilerplate" : why.penalties.front());
      }
      return;
    }
    if (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_DIV ||
        t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TABLE) {
      auto it = stats_.find(n);
      if (it != stats_.end() && it->second.chars > 0) {
        const Stats& s = it->second;
        const double limit = (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) ? 0.3 : 0.5;
        if (static_cast<double>(s.link_chars) / s.chars > limit) {
          ExplainSkipped(n, "mostly links");
          return;
        }
      }
    }
  }
  const bool block = IsBlockTag(t);
  if (block) Break();
  const bool heading = t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
                       t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
  if (heading) cur_heading_ = true;
  const bool link = in_link || t == GUMBO_TAG_A;
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) Emit(Child(ch, i), link, depth + 1, false);
  if (block) Break();
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

bool LooksLikeBoilerplate(const std::string& t, int chars) {
  static const RE2 email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  if (chars < 150 && RE2::PartialMatch(t, email)) return true;
  if (chars < 220 &&
      HasAny(t, {"ⓒ", "©", "Copyright", "COPYRIGHT", "무단전재", "무단 전재", "재배포 금지",
                 "재배포금지", "All rights reserved", "All Rights Reserved", "저작권자"}))
    return true;
  if (chars < 200 &&
      StartsWithAny(
          t,
          {"사진=",     "사진 =",    "[사진",       "(사진",     "사진제공",      "사진 제공",
           "/사진",     "▲",         "△",           "Photo:",    "Photo by",      "[Photo",
           "(Photo",    "PHOTO:",    "Courtesy of", "Image:",    "Credit:",       "Read more",
           "READ MORE", "Related:",  "RELATED",     "Also read", "See also",      "관련기사",
           "관련 기사", "▶",         "☞",           "■ 관련",    "Advertisement", "ADVERTISEMENT",
           "광고",      "Subscribe", "Sign up",     "Follow us", "Share this",    "Share on",
           "구독",      "기사제보",  "제보하기",    "많이 본",   "Click here",    "Tags:",
           "TAGS",      "태그",      "#",           "Loading",   "Top of page"}))
    return true;
  return false;
}

std::vector<Para> Extraction::FilterParagraphs() {
  std::vector<Para> out;
  for (auto& p : paras_) {
    if (p.chars == 0) continue;
    if (p.link_chars * 2 > p.chars) {
      continue;
    }
    if (LooksLikeBoilerplate(p.text, p.chars)) {
      if (dropped_paras_.size() < 16) dropped_paras_.push_back(p.text);
      continue;
    }
    out.push_back(std::move(p));
  }
  // A heading with nothing after it introduces a block we removed.
  while (!out.empty() && out.back().heading) out.pop_back();
  return out;
}

bool Extraction::IsKoreanSite() const {
  const std::string host = Lower(url_.substr(0, std::min<std::size_t>(url_.size(), 200)));
  const std::size_t scheme = host.find("://");
  std::string h = scheme == std::string::npos ? host : host.substr(scheme + 3);
  h = h.substr(0, h.find_first_of("/?#:"));
  if (h.ends_with(".kr") || h.find("korea") != std::string::npos) return true;
  const std::string lang =
      Lower(html_lang_.empty() ? MetaValue({"og:locale", "content-language"}) : html_lang_);
  if (lang.starts_with("ko")) return true;
  if (Lower(MetaValue({"og:locale"})).starts_with("ko")) return true;
  const std::string site = MetaValue({"og:site_name"});
  if (HasHangul(site) ||
      HasAny(site, {"Korea", "Yonhap", "Seoul", "KBS", "MBC", "SBS", "JoongAng", "Chosun"}))
    return true;
  if (HasHangul(title_tag_)) return true;
  return false;
}

std::string Extraction::Resolve(std::string_view href) const {
  auto r = ResolveLink(base_.empty() ? url_ : std::string_view(base_), href);
  return r ? *r : std::string();
}

std::string StripTitleSuffix(std::string title, const std::string& site, const std::string& host,
                             const std::vector<std::string>& h1s) {
  for (const auto& h1 : h1s) {
    if (h1 == title) return title;
  }
  for (const auto& h1 : h1s) {
    if (h1.size() >= 8 && title.starts_with(h1)) return h1;
  }
  const std::string site_l = Lower(site);
  for (int round = 0; round < 3; ++round) {
    bool changed = false;
    for (std::string_view sep : {" | ", " < ", " :: ", " - ", " – ", " — ", " : ", " · "}) {
      const std::size_t at = title.rfind(sep);
      if (at == std::string::npos || at < 8) continue;
      const std::string tail = Collapse(title.substr(at + sep.size()));
      const std::string tail_l = Lower(tail);
      std::string compact;
      for (char c : tail_l) {
        if (c != ' ' && c != '.') compact.push_back(c);
      }
      const bool site_match = (!site_l.empty() && (site_l.find(tail_l) != std::string::npos ||
                                                   tail_l.find(site_l) != std::string::npos)) ||
                              (!compact.empty() && host.find(compact) != std::string::npos);
      const bool strong_sep = sep == " | " || sep == " < " || sep == " :: ";
      if (site_match || (strong_sep && CountChars(tail) <= 20) || tail == "기사본문") {
        title = Collapse(title.substr(0, at));
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return title;
}

void Extraction::FillTitle() {
  std::string t;
  if (article_ld_ != nullptr) t = JsonString(*article_ld_, "headline");
  if (t.empty()) t = MetaValue({"og:title", "twitter:title"});
  if (t.empty() && !h1s_.empty()) t = h1s_.front();
  if (t.empty()) t = title_tag_;
  if (t.empty()) {
    for (const auto& [p, v] : itemprops_) {
      if (p == "headline") {
        t = v;
        break;
      }
    }
  }
  std::string host = Lower(url_);
  doc_.title = StripTitleSuffix(t, doc_.site_name, host, h1s_);
}

std::vector<std::string> CleanAuthorNames(std::string_view raw, const std::string& site) {
  std::vector<std::string> out;
  std::string s = Collapse(raw);
  if (s.empty() || s.size() > 400) return out;
  if (s.starts_with("http://") || s.starts_with("https://")) return out;
  // Korean bylines: "홍길동 기자", "[OSEN=홍길동 기자]", "(서울=연합뉴스) 홍길동 기자 =".
  static const RE2 korean(
      R"(((?:[가-힣]{2,4}\s*[·,ㆍ]\s*){0,4}[가-힣]{2,4})\s*(?:수습|인턴|객원|선임|전문|편집|취재)?\s*(?:기자|특파원|에디터|칼럼니스트))");
  if (s.find("기자") != std::string::npos || s.find("특파원") != std::string::npos ||
      s.find("에디터") != std::string::npos) {
    re2::StringPiece in(s);
    std::string name;
    while (RE2::FindAndConsume(&in, korean, &name) && out.size() < 6) {
      static const RE2 seps("[·ㆍ]");
      std::string names = name;
      RE2::GlobalReplace(&names, seps, ",");
      for (auto& one : SplitList(names, ',')) PushUnique(&out, one);
    }
    return out;
  }
  static const RE2 email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  RE2::GlobalReplace(&s, email, "");
  static const RE2 brackets(R"(\[[^\]]*\]|\([^)]*\))");
  RE2::GlobalReplace(&s, brackets, "");
  static const RE2 prefix(R"(^(?i:\s*(?:written|words|posted|reported|story)?\s*by[:\s]+))");
  RE2::Replace(&s, prefix, "");
  static const RE2 splitter(R"(\s*(?:,|&|/|·|\band\b|\|)\s*)");
  RE2::GlobalReplace(&s, splitter, "\x1f");
  for (auto& part : SplitList(s, '\x1f')) {
    const std::string l = Lower(part);
    if (HasAny(l, {"reporter", "writer", "correspondent", "staff", "editor", "contributor",
                   "columnist", "daily", "herald", "times", "news", "press", "agency", "team",
                   "desk", "published", "updated", "posted"}))
      continue;
    if (!site.empty() && l == Lower(site)) continue;
    const int chars = CountChars(part);
    if (chars < 2 || chars > 60) continue;
    if (std::any_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    if (std::count(part.begin(), part.end(), ' ') > 4) continue;
    if (HasHangul(part) && part.find(' ') == std::string::npos && CountChars(part) > 5) continue;
    PushUnique(&out, part, 8);
  }
  return out;
}

void Extraction::FillAuthors() {
  std::vector<std::string> names;
  if (article_ld_ != nullptr) {
    auto it = article_ld_->find("author");
    if (it == article_ld_->end()) it = article_ld_->find("creator");
    if (it != article_ld_->end()) {
      auto one = [&](const nlohmann::json& a) {
        if (a.is_string()) {
          for (auto& n : CleanAuthorNames(a.get_ref<const std::string&>(), doc_.site_name))
            PushUnique(&names, n);
        } else if (a.is_object() && !TypeIs(a, {"Organization", "NewsMediaOrganization"})) {
          for (auto& n : CleanAuthorNames(JsonString(a, "name"), doc_.site_name))
            PushUnique(&names, n);
        }
      };
      if (it->is_array()) {
        for (const auto& a : *it) one(a);
      } else {
        one(*it);
      }
    }
  }
  if (names.empty()) {
    for (const char* k : {"author", "article:author", "dable:author", "byl", "sailthru.author",
                          "parsely-author", "dc.creator"}) {
      auto it = meta_.find(k);
      if (it == meta_.end()) continue;
      for (const auto& v : it->second) {
        for (auto& n : CleanAuthorNames(v, doc_.site_name)) PushUnique(&names, n);
      }
      if (!names.empty()) break;
    }
  }
  if (names.empty()) {
    for (const auto& [p, v] : itemprops_) {
      if (p == "author" || p == "creator") {
        for (auto& n : CleanAuthorNames(v, doc_.site_name)) PushUnique(&names, n);
      }
    }
  }
  if (names.empty()) {
    for (const auto& t : author_texts_) {
      for (auto& n : CleanAuthorNames(t, doc_.site_name)) PushUnique(&names, n);
      if (!names.empty()) break;
    }
  }
  if (names.empty()) {
    // Reporter lines in the body's first or dropped paragraphs.
    std::vector<std::string> probes = dropped_paras_;
    if (!paras_.empty()) probes.push_back(paras_.front().text.substr(0, 200));
    if (!paras_.empty()) probes.push_back(paras_.back().text.substr(0, 200));
    for (const auto& t : probes) {
      if (t.find("기자") == std::string::npos && t.find("특파원") == std::string::npos) continue;
      for (auto& n : CleanAuthorNames(t, doc_.site_name)) PushUnique(&names, n);
      if (!names.empty()) break;
    }
  }
  if (names.empty()) {
    for (const auto& t : byline_texts_) {
      if (t.size() < 160 &&
          (t.find("기자") != std::string::npos || t.find("특파원") != std::string::npos)) {
        for (auto& n : CleanAuthorNames(t, doc_.site_name)) PushUnique(&names, n);
        if (!names.empty()) break;
      }
      if (t.starts_with("By ") || t.starts_with("by ")) {
        for (auto& n : CleanAuthorNames(t.substr(0, 80), doc_.site_name)) PushUnique(&names, n);
        if (!names.empty()) break;
      }
    }
  }
  doc_.authors = std::move(names);
}

void Extraction::FillDates() {
  const int off = IsKoreanSite() ? options_.korean_offset_minutes : options_.default_offset_minutes;
  std::optional<std::int64_t> pub, upd;
  auto try_set = [&](std::optional<std::int64_t>* slot, std::string_view text) {
    if (!slot->has_value() && !text.empty()) *slot = ParseDateTime(text, off);
  };
  if (article_ld_ != nullptr) {
    try_set(&pub, JsonString(*article_ld_, "datePublished"));
    try_set(&pub, JsonString(*article_ld_, "uploadDate"));
    try_set(&pub, JsonString(*article_ld_, "dateCreated"));
    try_set(&upd, JsonString(*article_ld_, "dateModified"));
  }
  for (const char* k :
       {"article:published_time", "og:article:published_time", "og:published_time", "datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "article.published",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date",
        "article:published", "originalpublicationdate", "dable:published_time", "nv:news_date"}) {
    try_set(&pub, MetaValue({k}));
  }
  for (const char* k :
       {"article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
        "article.updated", "lastmod", "last-modified", "dcterms.modified", "article:modified"}) {
    try_set(&upd, MetaValue({k}));
  }
  for (const auto& [p, v] : itemprops_) {
    if (p == "datepublished") try_set(&pub, v);
    if (p == "datemodified") try_set(&upd, v);
  }
  std::string bylines;
  for (const auto& t : byline_texts_) {
    if (bylines.size() > 4000) break;
    bylines += t;
    bylines += " | ";
  }
  internal::LabelledDates labelled = FindLabelledDates(bylines, off);
  if (!pub && !times_.empty()) {
    for (const auto& [dt, text] : times_) {
      try_set(&pub, dt);
      try_set(&pub, text);
      if (pub) break;
    }
  }
  if (!pub) pub = labelled.published;
  if (!upd) upd = labelled.updated;
  if (!pub && !bylines.empty()) pub = ParseDateTime(bylines, off);
  if (!pub) pub = internal::DateFromUrl(url_, off);
  if (pub) doc_.published_at = FormatRfc3339Utc(*pub);
  if (upd && (!pub || *upd != *pub)) doc_.updated_at = FormatRfc3339Utc(*upd);
}

void Extraction::FillOther() {
  // Site name, lang.
  doc_.site_name = MetaValue({"og:site_name", "application-name", "al:android:app_name"});
  if (doc_.site_name.empty() && article_ld_ != nullptr) {
    auto it = article_ld_->find("publisher");
    if (it != article_ld_->end())
      doc_.site_name = it->is_string() ? Collapse(it->get<std::string>()) : JsonString(*it, "name");
  }
  std::string lang = html_lang_;
  if (lang.empty()) lang = MetaValue({"content-language", "language", "og:locale"});
  if (lang.empty() && article_ld_ != nullptr) lang = JsonString(*article_ld_, "inLanguage");
  lang = Lower(Collapse(lang));
  lang = lang.substr(0, lang.find_first_of("-_"));
  doc_.lang = lang;
  // Canonical.
  std::string canon = Resolve(canonical_href_);
  if (canon.empty()) canon = Resolve(MetaValue({"og:url"}));
  if (canon.empty()) canon = Resolve(url_);
  doc_.canonical_url = canon.empty() ? std::string(url_) : canon;
  // Section.
  doc_.section = MetaValue(
      {"article:section", "og:article:section", "section", "category", "article.section"});
  if (doc_.section.empty() && article_ld_ != nullptr)
    doc_.section = JsonString(*article_ld_, "articleSection");
  // Image.
  std::string img = MetaValue({"og:image", "og:image:url", "twitter:image", "twitter:image:src"});
  if (img.empty() && article_ld_ != nullptr) {
    auto it = article_ld_->find("image");
    if (it != article_ld_->end()) {
      if (it->is_string())
        img = it->get<std::string>();
      else if (it->is_object())
        img = JsonString(*it, "url");
      else if (it->is_array() && !it->empty())
        img = it->front().is_string() ? it->front().get<std::string>()
                                      : JsonString(it->front(), "url");
    }
  }
  if (!img.empty()) {
    std::string r = Resolve(img);
    doc_.image = r.empty() ? img : r;
  }
  // Tags.
  auto tv = meta_.find("article:tag");
  if (tv != meta_.end()) {
    for (const auto& v : tv->second) PushUnique(&doc_.tags, v);
  }
  for (const char* k : {"news_keywords", "keywords"}) {
    auto it = meta_.find(k);
    if (it == meta_.end()) continue;
    for (const auto& v : it->second) {
      for (auto& item : SplitList(v, ',')) PushUnique(&doc_.tags, item);
    }
  }
  if (article_ld_ != nullptr) {
    auto it = article_ld_->find("keywords");
    if (it != article_ld_->end()) {
      if (it->is_string()) {
        for (auto& item : SplitList(it->get_ref<const std::string&>(), ','))
          PushUnique(&doc_.tags, item);
      } else if (it->is_array()) {
        for (const auto& k : *it) {
          if (k.is_string()) PushUnique(&doc_.tags, Collapse(k.get_ref<const std::string&>()));
        }
      }
    }
  }
  // Links.
  std::unordered_set<std::string> seen;
  internal::LinkResolver resolver(base_.empty() ? url_ : std::string_view(base_));
  for (auto href : hrefs_) {
    if (doc_.links.size() >= options_.max_links) break;
    auto r = resolver.Resolve(href);
    if (!r || !seen.insert(*r).second) continue;
    doc_.links.push_back(std::move(*r));
  }
}

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
  for (const GumboNode* r : roots) {
    auto rit = stats_.find(r);
    emit_root_chars_ = rit != stats_.end() ? rit->second.chars : 0;
    Emit(r, false, 0, true);
    Break();
  }
  std::vector<Para> paras = FilterParagraphs();
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
      std::string squeezed;
      for (char c : ld_body) {
        if (!IsAsciiSpace(static_cast<unsigned char>(c))) squeezed.push_back(c);
      }
      std::vector<Para> kept;
      int kept_chars = 0;
      for (auto& p : paras) {
        std::string q;
        for (char c : p.text) {
          if (c != ' ') q.push_back(c);
        }
        if (squeezed.find(q) != std::string::npos) {
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

}  // namespace

namespace {

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
