// The main text of the article extraction: per-node statistics, the choice of the
// container by scores and class/id hints, emission of paragraphs and their filtering
// (see article_extraction.h).
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extractors/html/article_dom.h"
#include "extractors/html/article_extraction.h"

namespace hallyu::article_internal {
namespace {

// Best-scored candidates looked at when choosing and widening the main-text container.
constexpr std::size_t kRankedCandidates = 32;
// How far above the top candidate an ancestor holding the rest of a split article may be
// (a page-builder text block sits about ten elements below its section).
constexpr int kMaxWidenLevels = 16;
constexpr std::size_t kExplainedLosers = 8;    // --explain: candidates listed
constexpr std::size_t kExplainedSkipped = 16;  // --explain: blocks left out of the container

// ---------------------------------------------------------------- class/id hints for scoring

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

// "comment" as boilerplate evidence, but not inside "commentary" (an opinion piece),
// "commented" (a state class on the post itself: Kinja's `<article class="post … commented">`)
// or "commentator" (a columnist's block).
bool HasCommentHint(std::string_view h) {
  for (std::size_t p = h.find("comment"); p != std::string_view::npos;
       p = h.find("comment", p + 1)) {
    const std::string_view rest = h.substr(p + 7);
    // "most-commented" is a ranking of other stories.
    const bool most =
        h.substr(p >= 5 ? p - 5 : 0, p >= 5 ? 5 : p).find("most") != std::string_view::npos;
    if (most || (!rest.starts_with("ary") && !rest.starts_with("ed") && !rest.starts_with("ator")))
      return true;
  }
  return false;
}

// The hint with every "comment" made a word break ("mtncommentvote" -> "mtn vote"), so that
// the other words still count when a discussion's posts are its text.
std::string WithoutCommentWord(std::string h) {
  for (std::size_t p = h.find("comment"); p != std::string::npos; p = h.find("comment", p))
    h.replace(p, 7, " ");
  return h;
}

// The hint with every "caption" made a word break, for a gallery whose captions are its text.
std::string WithoutCaptionWord(std::string h) {
  for (std::size_t p = h.find("caption"); p != std::string::npos; p = h.find("caption", p))
    h.replace(p, 7, " ");
  return h;
}

// Blocks leading to the blog's next or previous posts, often with a teaser of each ("next-post
// thumbnails", WordPress's "post-navigation"): other articles, never this one.
bool IsOtherPostLink(std::string_view h) {
  return HasAny(h, {"next-post", "nextpost", "next_post", "prev-post", "previous-post", "prev_post",
                    "nextstory", "next-story", "next_story", "post-navigation"});
}

// Hints that name a block that is boilerplate whatever its size: comments, related and
// recommended stories, footers, newsletter and cookie boxes, ranking lists.
// Of those, the hints that name text of their own (other stories, comments, notices), as
// opposed to sharing buttons or a place on the page ("above-footer") that a wrapper of the
// article may be named for.
bool NamesOtherText(std::string_view h) {
  return HasCommentHint(h) ||
         HasAny(h, {"reply", "disqus", "related", "recommend", "newsletter", "subscri", "cookie",
                    "consent", "gdpr", "dsgvo", "outbrain", "taboola", "trending", "popular",
                    "ranking", "most-read", "mostread", "most_read"}) ||
         IsOtherPostLink(h);
}

bool IsStrongBoilerplate(std::string_view h) {
  return NamesOtherText(h) || HasAny(h, {"footer", "share", "social"});
}

// "header" as a page's header, but not inside "subheader": the headings of the article's
// own sections (`<dt class="subheaders">`, `<h3 class="article-subheader">`).
bool HasHeaderHint(std::string_view h) {
  for (std::size_t at = h.find("header"); at != std::string_view::npos;
       at = h.find("header", at + 1)) {
    if (at < 3 || h.substr(at - 3, 3) != "sub") return true;
  }
  return false;
}

bool IsHardNegative(std::string_view h) {
  if (h.empty()) return false;
  return HasCommentHint(h) || IsOtherPostLink(h) || HasHeaderHint(h) ||
         HasAny(h, {"related",
                    "recommend",
                    "sidebar",
                    "social",
                    "share",
                    "banner",
                    "cookie",
                    "consent",
                    "gdpr",
                    "dsgvo",  // the GDPR in German: a cookie and privacy dialog
                    "advert",
                    "sponsor",
                    "disclaimer",  // affiliate and editorial notices ("aawp-disclaimer")
                    "disclosure",  // ("editorial-disclosure", "disclosure-text")
                    "donat",       // calls for donations ("donation-box", "achgut_spenden")
                    "spenden",
                    "appstore",  // app download prompts
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
                    "authorbox",
                    "author_box",
                    "about-author",
                    "about_author",
                    "aboutauthor",
                    "author-info",
                    "author_info",
                    "ratings",
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

// True for <body> and <html>: their class words describe the page's layout or type
// (Drupal's "one-sidebar sidebar-first", WordPress's "single-post tag-…"), never a block
// of boilerplate around the article.
bool IsPageElement(const GumboNode* n) {
  const GumboTag t = Tag(n);
  return t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML;
}

}  // namespace

// ---------------------------------------------------------------- pass 2: scores and emission

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
  if (t == GUMBO_TAG_FIGCAPTION) ++figcaptions_;
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

// A block named for a sidebar is often the layout holding the sidebar beside the article
// column ("container_wrap sidebar_right", "layout--with-sidebar", "cb-sidebar-right" around
// the post): the page's <main> is inside it, or a sidebar of its own (an <aside>, a block
// named for one) that holds less than half of its text. A sidebar itself holds no <main>,
// and the inner box of a sidebar ("aside.sidebar > div.inner_sidebar") holds all of it.
bool Extraction::IsSidebarLayout(const GumboNode* n) const {
  constexpr int kMaxDepth = 12;
  constexpr int kMaxVisited = 4000;
  if (auto it = sidebar_layout_.find(n); it != sidebar_layout_.end()) return it->second;
  auto chars_of = [&](const GumboNode* e) {
    auto it = stats_.find(e);
    return it != stats_.end() ? it->second.chars : 0;
  };
  bool holds_main = false;
  int sidebar_chars = 0;
  int sidebars = 0;
  int visited = 0;
  std::function<void(const GumboNode*, int)> walk = [&](const GumboNode* e, int depth) {
    if (holds_main || depth > kMaxDepth || ++visited > kMaxVisited) return;
    const GumboVector& ch = Children(e);
    for (unsigned i = 0; i < ch.length; ++i) {
      const GumboNode* c = Child(ch, i);
      if (c->type != GUMBO_NODE_ELEMENT || IsIgnoredTag(Tag(c))) continue;
      if (Tag(c) == GUMBO_TAG_MAIN) {
        holds_main = true;
        return;
      }
      if (Tag(c) == GUMBO_TAG_ASIDE || HasAny(HintString(c), {"sidebar"})) {
        ++sidebars;
        sidebar_chars += chars_of(c);
        continue;
      }
      walk(c, depth + 1);
    }
  };
  walk(n, 0);
  const int own = chars_of(n);
  const bool layout = holds_main || (sidebars > 0 && own > 0 && sidebar_chars * 2 < own);
  sidebar_layout_.emplace(n, layout);
  return layout;
}

// The nearest element from `n` up that is boilerplate by hint or tag (see
// InsideHardNegative), or null.
const GumboNode* Extraction::HardNegativeAround(const GumboNode* n) const {
  for (const GumboNode* p = n; p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    if (IsPageElement(p)) return nullptr;
    const std::string h = HintString(p);
    if (!h.empty() && IsHardNegative(h) && !IsStrongPositive(h) &&
        !IsContentWrapper(p, h, total_chars_) &&
        !(HasAny(h, {"sidebar"}) && !IsStrongBoilerplate(h) && IsSidebarLayout(p)))
      return p;
    const GumboTag t = Tag(p);
    if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER) return p;
  }
  return nullptr;
}

namespace {

// True when `a` is above `d` in the tree.
bool IsAncestorOf(const GumboNode* a, const GumboNode* d) {
  int depth = 0;
  for (const GumboNode* p = d->parent; p != nullptr && depth <= kMaxRecursion;
       p = p->parent, ++depth) {
    if (p == a) return true;
  }
  return false;
}

}  // namespace

namespace {

// The first word of a class attribute, lower case ("" when none).
std::string FirstClassWord(const GumboNode* n) {
  const std::string cls = Lower(Attr(n, "class"));
  std::size_t i = 0;
  while (i < cls.size() && IsAsciiSpace(static_cast<unsigned char>(cls[i]))) ++i;
  std::size_t j = i;
  while (j < cls.size() && !IsAsciiSpace(static_cast<unsigned char>(cls[j]))) ++j;
  return cls.substr(i, j - i);
}

// True when `a` and `b` are the same element of one component: same tag and the same first
// class word (a CMS names a component's parts "item item--image", "item item--text").
bool SameComponent(const GumboNode* a, const GumboNode* b) {
  if (Tag(a) != Tag(b)) return false;
  const std::string w = FirstClassWord(a);
  return w.size() >= 3 && w == FirstClassWord(b);
}

// `h` with the words "hidden" and "hide" blanked out (a state class: "slide hidden",
// "gamma-slide ssr-hide"); "visually-hidden" is kept (text for screen readers only).
std::string WithoutHideWords(std::string h) {
  if (h.find("visually-hidden") != std::string::npos) return h;
  for (const std::string_view w : {std::string_view("hidden"), std::string_view("hide")}) {
    for (std::size_t p = h.find(w); p != std::string::npos; p = h.find(w, p + 1)) {
      const bool starts = p == 0 || !std::isalnum(static_cast<unsigned char>(h[p - 1]));
      const std::size_t end = p + w.size();
      const bool ends = end == h.size() || !std::isalnum(static_cast<unsigned char>(h[end]));
      if (starts && ends) h.replace(p, w.size(), w.size(), ' ');
    }
  }
  return h;
}

// True when `n` is one of a run of slides, tabs or panels shown one at a time: hidden
// (by attribute or style, or by a "hidden" / "hide" class word), beside at least
// kMinSlides - 1 elements of the same component (tag and first class word), one of them
// shown (a gallery's first step, the open tab). The others are the rest of the article,
// hidden by the page's script until a reader clicks on; a block hidden alone (a mobile
// copy, a dialog) is not one of them. Slides may each sit in an unnamed wrapper of their own.
bool IsHiddenSlide(const GumboNode* n) {
  constexpr int kMinSlides = 3;
  constexpr int kMaxWrapperLevels = 2;
  // The only element below an unnamed element, or null.
  auto only_child = [](const GumboNode* e) -> const GumboNode* {
    if (!Attr(e, "class").empty()) return nullptr;
    const GumboNode* only = nullptr;
    const GumboVector& ch = Children(e);
    for (unsigned i = 0; i < ch.length; ++i) {
      const GumboNode* c = Child(ch, i);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      if (only != nullptr) return nullptr;
      only = c;
    }
    return only;
  };
  const GumboNode* slot = n;  // n, or its highest unnamed wrapper holding nothing else
  for (int level = 0; level < kMaxWrapperLevels; ++level) {
    const GumboNode* up = slot->parent;
    if (up == nullptr || up->type != GUMBO_NODE_ELEMENT || only_child(up) != slot) break;
    slot = up;
  }
  const GumboNode* parent = slot->parent;
  if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) return false;
  int same = 0;
  bool shown = false;
  const GumboVector& ch = Children(parent);
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = Child(ch, i);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    for (int level = 0; level < kMaxWrapperLevels && !SameComponent(n, c); ++level) {
      const GumboNode* below = only_child(c);
      if (below == nullptr) break;
      c = below;
    }
    if (!SameComponent(n, c)) continue;
    ++same;
    if (!shown && !IsHiddenByAttr(c)) {
      const std::string h = HintString(c);
      shown = WithoutHideWords(h) == h;
    }
  }
  return same >= kMinSlides && shown;
}

// True when an <h2>..<h4> below `n` reads as a sentence of the text: at least 80
// characters, ending in '.', '!' or '?' (or one of them and a closing quote).
bool HoldsSentenceHeading(const GumboNode* n, int depth) {
  if (depth > 6 || n->type != GUMBO_NODE_ELEMENT) return false;
  const GumboTag t = Tag(n);
  if (t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4) {
    std::string text = Collapse(NodeText(n));
    while (!text.empty() && IsAsciiSpace(static_cast<unsigned char>(text.back()))) text.pop_back();
    if (CountChars(text) < 80) return false;
    for (std::string_view q : {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"}) {
      if (std::string_view(text).ends_with(q)) {
        text.resize(text.size() - q.size());
        break;
      }
    }
    return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
  }
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) {
    if (HoldsSentenceHeading(Child(ch, i), depth + 1)) return true;
  }
  return false;
}

}  // namespace

// An article cut into blocks that are cousins rather than siblings (page-builder sections,
// recipe and guide steps each in its own wrapper) gives the top candidate only one block.
// Peers are the other candidates of the same tag and first class word as `top` (the
// builder's or the template's block for one part) scoring at least kPeerScoreShare of it, none
// nested in another or in `top` and none inside boilerplate. The lowest ancestor of `top` (within
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
  // The template's block class is the first word; words after it mark one block's state or
  // place (eHow's first step is `<div class="content lead">`, the others `class="content"`).
  auto first_class = [](const GumboNode* e) {
    std::string_view c = Attr(e, "class");
    while (!c.empty() && IsAsciiSpace(static_cast<unsigned char>(c.front()))) c.remove_prefix(1);
    std::size_t end = 0;
    while (end < c.size() && !IsAsciiSpace(static_cast<unsigned char>(c[end]))) ++end;
    return c.substr(0, end);
  };
  const std::string_view top_class = first_class(top);
  std::vector<const GumboNode*> peers;
  for (const auto& [sc, e] : ranked) {
    if (sc < top_score * kPeerScoreShare) break;
    if (Tag(e) != Tag(top) || first_class(e) != top_class) continue;
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

// A short block chosen among several of a page whose text is spread over many blocks (a
// landing page's sections, a guide's cards, a product's description beside its details, a
// post's intro box above its paragraphs): the chosen block holds under kMaxTopChars of
// paragraph text, and an ancestor at most kMaxLevels up, outside boilerplate and with links
// under half its text (a report's column may carry the site's link modules below it), holds at
// least kFactor times as much and kMinGain characters more. Paragraph text is what emission would
// keep: <p>, <pre> and <blockquote> of kMinParaChars or more with few links, outside blocks dropped
// by tag, hidden or named as boilerplate. Returns the lowest such ancestor, or `top`.
const GumboNode* Extraction::WidenToTextAround(const GumboNode* top) const {
  constexpr int kMaxTopChars = 1500;
  constexpr int kMaxLevels = 6;
  constexpr int kFactor = 2;
  constexpr int kMinGain = 300;
  constexpr int kMinParaChars = 40;
  constexpr int kMaxTopParagraphs = 2;
  auto stats_of = [&](const GumboNode* e) {
    auto it = stats_.find(e);
    return it != stats_.end() ? it->second : Stats{};
  };
  std::vector<const GumboNode*> chain;
  for (const GumboNode* a = top->parent; a != nullptr && a->type == GUMBO_NODE_ELEMENT &&
                                         !IsPageElement(a) && chain.size() < kMaxLevels;
       a = a->parent)
    chain.push_back(a);
  if (chain.empty()) return top;
  std::unordered_map<const GumboNode*, int> on_chain;
  on_chain.emplace(top, 0);
  for (const GumboNode* a : chain) on_chain.emplace(a, 0);
  int paragraphs = 0;  // counted by the first walk, of `top`
  std::function<int(const GumboNode*, int)> para_chars = [&](const GumboNode* e, int depth) {
    if (depth > kMaxRecursion || e->type != GUMBO_NODE_ELEMENT) return 0;
    const GumboTag t = Tag(e);
    if (IsIgnoredTag(t) || IsBoilerplateTag(t)) return 0;
    const Stats s = stats_of(e);
    if (s.chars < kMinParaChars || IsHiddenByAttr(e)) return 0;  // no paragraph inside
    const std::string h = HintString(e);
    if (!on_chain.count(e) && !h.empty() && IsHardNegative(h) && !IsStrongPositive(h)) return 0;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_BLOCKQUOTE) {
      if (s.chars < kMinParaChars || s.link_chars * 4 >= s.chars) return 0;
      ++paragraphs;
      return s.chars;
    }
    int sum = 0;
    const GumboVector& ch = Children(e);
    for (unsigned i = 0; i < ch.length; ++i) sum += para_chars(Child(ch, i), depth + 1);
    if (auto it = on_chain.find(e); it != on_chain.end()) it->second = sum;
    return sum;
  };
  // Only a short top: the paragraph text of `top` first, then the walk of the highest
  // ancestor fills the others.
  const Stats top_stats = stats_of(top);
  if (top_stats.chars - top_stats.link_chars >= kMaxTopChars) return top;
  const int top_text = para_chars(top, 0);
  if (paragraphs > kMaxTopParagraphs) return top;
  para_chars(chain.back(), 0);
  for (const GumboNode* a : chain) {
    if (InsideBoilerplateBlock(a)) return top;
    const Stats s = stats_of(a);
    const int text = on_chain[a];
    if (s.link_chars * 2 >= s.chars) return top;
    if (text >= top_text * kFactor && text - top_text >= kMinGain) return a;
  }
  return top;
}

// A short block that a soft class word ("content", "text") lifted above the article: a
// sidebar promotion in `<div class="content">` beside an article in an unnamed or misspelt
// wrapper, where the class word outweighs a few paragraphs with few commas. A candidate
// scoring at least kRunnerUpScoreShare of `top` that holds kRunnerUpTextFactor times its
// non-link text (kRunnerUpMinChars at least), with few links, outside boilerplate and not
// nested with `top`, is the article. Returns `top` otherwise; `*top_score` follows.
// True when `e` sits in a dialog laid over the page (a login or contact form, a flyout). A
// "dialog" holding half of the page's text is the page's own wrapper (Drupal's
// "dialog-off-canvas-main-canvas").
bool Extraction::InsideOverlay(const GumboNode* e) const {
  for (const GumboNode* p = e; p != nullptr && p->type == GUMBO_NODE_ELEMENT; p = p->parent) {
    if (IsPageElement(p)) return false;
    const std::string h = HintString(p);
    if (!h.empty() && HasAny(h, {"modal", "dialog", "flyout", "lightbox", "popup"})) {
      auto it = stats_.find(p);
      return it == stats_.end() || it->second.chars * 2 < total_chars_;
    }
  }
  return false;
}

const GumboNode* Extraction::PreferLongerRunnerUp(
    const GumboNode* top, double* top_score,
    const std::vector<std::pair<double, const GumboNode*>>& ranked) const {
  constexpr double kRunnerUpScoreShare = 0.4;
  constexpr int kRunnerUpTextFactor = 4;
  constexpr int kRunnerUpMinChars = 300;
  auto text_of = [&](const GumboNode* e) {
    auto it = stats_.find(e);
    return it != stats_.end() ? it->second.chars - it->second.link_chars : 0;
  };
  const int top_text = text_of(top);
  for (const auto& [sc, e] : ranked) {
    if (sc < *top_score * kRunnerUpScoreShare) break;
    if (e == top || IsAncestorOf(e, top) || IsAncestorOf(top, e)) continue;
    auto it = stats_.find(e);
    if (it == stats_.end() || it->second.link_chars * 4 >= it->second.chars) continue;
    const int text = text_of(e);
    if (text < kRunnerUpMinChars || text < top_text * kRunnerUpTextFactor) continue;
    if (InsideBoilerplateBlock(e) || (InsideOverlay(e) && !InsideOverlay(top))) continue;
    *top_score = sc;
    return e;
  }
  return top;
}

// True when `n` or an element above it is a block that is never the article: comments,
// related or recommended stories, footers, sharing, sidebars (by class or id, unless also
// named as article text), or an <aside>, <nav> or <footer>. Weaker hints ("photo", "info",
// "top") are left to the scores: they are too often words of the article's own wrappers.
// A block named only for a sidebar that holds `n` with at least half of its text is the
// layout of the article's column beside its sidebar ("row articleSidebar", "cb-post-wrap
// cb-sidebar-right", Drupal's "zen-one-sidebar-second"), not the sidebar. Nor is a block
// holding nearly all of the page's text: a theme or app root named for a script it loads
// (`<div id="theme-taboola">` around the whole page) is the page, as <body> is.
const GumboNode* Extraction::BoilerplateBlockAround(const GumboNode* n) const {
  constexpr int kMinOwnChars = 250;
  constexpr int kPageShare = 95;  // percent of the document's text: the block is the page
  auto stats_of = [&](const GumboNode* e) {
    auto it = stats_.find(e);
    return it != stats_.end() ? it->second : Stats{};
  };
  const Stats own = n != nullptr ? stats_of(n) : Stats{};
  const bool text_block = own.chars >= kMinOwnChars && own.link_chars * 4 < own.chars;
  int depth = 0;
  for (const GumboNode* p = n;
       p != nullptr && p->type == GUMBO_NODE_ELEMENT && depth <= kMaxRecursion;
       p = p->parent, ++depth) {
    if (IsPageElement(p)) return nullptr;
    const GumboTag t = Tag(p);
    if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER) return p;
    const std::string h = HintString(p);
    if (h.empty() || IsStrongPositive(h)) continue;
    if (IsStrongBoilerplate(h) && stats_of(p).chars * 100 < total_chars_ * kPageShare) return p;
    if (HasAny(h, {"sidebar"}) && !(text_block && p != n && own.chars * 2 >= stats_of(p).chars) &&
        !IsSidebarLayout(p))
      return p;
  }
  return nullptr;
}

namespace {

// True when an element of tag `t` is `n` or below it (down to 12 levels).
bool HoldsTag(const GumboNode* n, GumboTag t, int depth) {
  if (depth > 12 || n->type != GUMBO_NODE_ELEMENT) return false;
  if (Tag(n) == t) return true;
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) {
    if (HoldsTag(Child(ch, i), t, depth + 1)) return true;
  }
  return false;
}

// True when `b` sits as far below the lowest ancestor it shares with `a` as `a` does, at
// most kMaxStackLevels, under wrappers of the same tag and first class word (or none) level
// by level, with no <h1> in `b`'s branch (the next story of an endless page has a headline
// of its own), and that ancestor is neither <body> nor above the <main> holding `a`.
bool SameWrapperStack(const GumboNode* a, const GumboNode* b) {
  constexpr int kMaxStackLevels = 6;
  const GumboNode* pa = a;
  const GumboNode* pb = b;
  for (int level = 0; level < kMaxStackLevels; ++level) {
    const GumboNode* branch = pb;
    pa = pa->parent;
    pb = pb->parent;
    if (pa == nullptr || pb == nullptr || pa->type != GUMBO_NODE_ELEMENT) return false;
    if (pa == pb) {
      return Tag(pa) != GUMBO_TAG_BODY && Tag(pa) != GUMBO_TAG_HTML &&
             !HoldsTag(branch, GUMBO_TAG_H1, 0);
    }
    if (Tag(pa) == GUMBO_TAG_MAIN || Tag(pa) != Tag(pb) || FirstClassWord(pa) != FirstClassWord(pb))
      return false;
  }
  return false;
}

}  // namespace

// True when the strong-hint block `e` sits inside boilerplate (see HardNegativeAround). An
// <aside> around an element that microdata names the article's body (itemprop="articleBody")
// does not count: some templates wrap the whole story column in one, and the explicit
// property outweighs the tag.
bool Extraction::StrongBlockInsideBoilerplate(const GumboNode* e) const {
  const bool microdata_body = Lower(Attr(e, "itemprop")) == "articlebody";
  // A hinted wrapper whose text is almost all the strong block's is the article's own
  // wrapper, named for a script or widget it also carries ("socialicons-sticky" around
  // the entry's content, for share buttons that stay in view beside it): it does not count
  // either, unless its hint names text of its own (comments, related stories: a comment
  // list may hold a single comment in an "article-body").
  constexpr int kOwnWrapperShare = 4;  // the strong block holds 3/4 of the wrapper's text
  auto chars_of = [&](const GumboNode* n) {
    auto it = stats_.find(n);
    return it != stats_.end() ? it->second.chars : 0;
  };
  const int own_chars = chars_of(e);
  const GumboNode* neg = HardNegativeAround(e->parent);
  while (neg != nullptr && ((microdata_body && Tag(neg) == GUMBO_TAG_ASIDE) ||
                            (Tag(neg) != GUMBO_TAG_ASIDE && Tag(neg) != GUMBO_TAG_NAV &&
                             Tag(neg) != GUMBO_TAG_FOOTER && !NamesOtherText(HintString(neg)) &&
                             own_chars * kOwnWrapperShare >= chars_of(neg) * 3)))
    neg = HardNegativeAround(neg->parent);
  return neg != nullptr;
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
    if (s.link_chars * 2 > s.chars || StrongBlockInsideBoilerplate(e)) {
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
    // The story cut into several blocks of the same strong class (a news site's
    // `div.story-body` between ads and "continue reading" slots): the other blocks of the
    // chosen one's tag and first class word that share an ancestor with it at most
    // kMaxStrongPeerLevels up come out too, in page order. A teaser of another story with
    // the same class sits further away (a sidebar, the next article of an endless page).
    // Further up (a page builder's sections, each wrapping one text block in the same
    // stack of wrappers), a block comes out when the wrappers between it and the common
    // ancestor match the chosen block's level by level (see SameWrapperStack) and under a
    // fifth of its text is links (a list of further stories in the same wrappers is not).
    constexpr int kMaxStrongPeerLevels = 2;
    const GumboNode* near = pick;
    for (int i = 0; i < kMaxStrongPeerLevels && near->parent != nullptr; ++i) near = near->parent;
    std::vector<const GumboNode*> peers;
    for (const GumboNode* e : strong) {
      if (e != pick && SameComponent(pick, e) &&
          (IsAncestorOf(near, e) ||
           (stats_[e].link_chars * 5 < stats_[e].chars && SameWrapperStack(pick, e))) &&
          !IsAncestorOf(e, pick) && !IsAncestorOf(pick, e) &&
          std::none_of(peers.begin(), peers.end(), [&](const GumboNode* q) {
            return IsAncestorOf(q, e) || IsAncestorOf(e, q);
          }))
        peers.push_back(e);
    }
    // Short strong blocks (highlighted boxes "post-content-format--color-block") inside the
    // article's unnamed text: the ancestor holding the text, and them, comes out instead.
    const GumboNode* around = WidenToTextAround(pick);
    if (around != pick && std::all_of(peers.begin(), peers.end(), [&](const GumboNode* e) {
          return IsAncestorOf(around, e);
        })) {
      if (explain_ != nullptr) {
        explain_->notes.push_back("short strong block " + Describe(pick, 0).path +
                                  " widened to the ancestor holding most of the paragraph text");
      }
      roots->push_back(around);
    } else if (peers.empty()) {
      roots->push_back(pick);
    } else {
      peers.push_back(pick);
      for (const GumboNode* e : elements_) {  // page order
        if (std::find(peers.begin(), peers.end(), e) != peers.end()) roots->push_back(e);
      }
    }
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
    // A step of an ordered list (recipes, guides, how-tos) written as a sentence with few
    // links counts as a paragraph; menus and link lists are unordered or all links.
    const bool step = t == GUMBO_TAG_LI && e->parent != nullptr &&
                      e->parent->type == GUMBO_NODE_ELEMENT && Tag(e->parent) == GUMBO_TAG_OL &&
                      s.chars >= 80 && s.link_chars * 10 < s.chars;
    const bool p_like = t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD ||
                        t == GUMBO_TAG_BLOCKQUOTE || step;
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
                t == GUMBO_TAG_MAIN || t == GUMBO_TAG_SPAN || t == GUMBO_TAG_BODY)) {
      // Text split by <br> (common on Korean sites): each segment is a paragraph. Also
      // text right in <body>, outside any block (hand-written pages, a text file served
      // as HTML): no other element holds it, so without this the page has no candidate.
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
      if (p != nullptr && p->type == GUMBO_NODE_ELEMENT && !IsPageElement(p)) init(p) += add / 2;
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
  // Nor inside a dialog laid over the page (a login or contact form, a flyout) when a block
  // outside any scores close to it: a form's few paragraphs can outscore an article cut into
  // many small blocks. A "dialog" holding half of the page's text is the page's own wrapper
  // (Drupal's "dialog-off-canvas-main-canvas").
  constexpr double kOverlayRunnerUpShare = 0.75;
  constexpr int kMinArticleChars = 80;  // a block with less is no article's text
  if (InsideOverlay(top)) {
    for (const auto& [sc, e] : ranked) {
      if (sc < top_score * kOverlayRunnerUpShare) break;
      if (e != top && stats_[e].chars >= kMinArticleChars && !InsideBoilerplateBlock(e) &&
          !InsideOverlay(e)) {
        top = e;
        top_score = sc;
        break;
      }
    }
  }
  const GumboNode* lifted = top;
  const double lifted_score = top_score;
  top = PreferLongerRunnerUp(top, &top_score, ranked);
  if (explain_ != nullptr && top != lifted) {
    explain_->notes.push_back("short block " + Describe(lifted, lifted_score).path +
                              " passed over for a much longer one scoring close to it");
  }
  const GumboNode* best = top;
  top = WidenToSplitArticle(top, top_score, ranked);
  if (explain_ != nullptr && top != best) {
    explain_->notes.push_back("split article: the best block " + Describe(best, top_score).path +
                              " widened to the ancestor holding its peer blocks");
  }
  if (top == best) {
    top = WidenToTextAround(best);
    if (explain_ != nullptr && top != best) {
      explain_->notes.push_back("short block " + Describe(best, top_score).path +
                                " widened to the ancestor holding most of the paragraph text");
    }
  }
  // Siblings that belong with the top candidate. Wrappers holding the top candidate and
  // nothing else (Drupal's field--item > paragraph > field, a template's part > inner) hide
  // the template's other parts, a lead or a later section, from it: the siblings are looked
  // for beside the highest such wrapper (`anchor`), and those of the wrapper's own class
  // with scored paragraph text and few links are parts of the article too.
  const GumboNode* anchor = top;
  const int top_chars = stats_[top].chars;
  for (int level = 0; level < kMaxWidenLevels; ++level) {
    const GumboNode* up = anchor->parent;
    if (up == nullptr || up->type != GUMBO_NODE_ELEMENT || IsPageElement(up)) break;
    auto uit = stats_.find(up);
    if (uit == stats_.end() || uit->second.chars != top_chars) break;
    anchor = up;
  }
  const GumboNode* parent = anchor->parent;
  if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) {
    roots->push_back(top);
    ExplainScoredChoice(top, top_score, *roots, ranked, score);
    return top;
  }
  const double threshold = std::max(10.0, top_score * 0.2);
  const std::string top_class = Lower(Attr(anchor, "class"));
  // True when a block below `c` scored as paragraph text (a lead of two short lines in a
  // dense script scores although it is under a hundred characters).
  auto holds_scored_block = [&](const GumboNode* c) {
    for (const auto& [e, sc] : score) {
      if (sc > 0 && (e == c || IsAncestorOf(c, e))) return true;
    }
    return false;
  };
  const GumboVector& ch = Children(parent);
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = Child(ch, i);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    if (c == anchor) {
      roots->push_back(top);
      continue;
    }
    auto sit = score.find(c);
    const Stats& s = stats_[c];
    const double ld = s.chars > 0 ? static_cast<double>(s.link_chars) / s.chars : 1.0;
    bool append = false;
    if (sit != score.end() && sit->second >= threshold) append = true;
    const bool same_class = !top_class.empty() && Lower(Attr(c, "class")) == top_class;
    if (same_class && s.chars > 0 && sit != score.end() && sit->second > 0) append = true;
    if (same_class && anchor != top && ld < 0.25 && holds_scored_block(c)) append = true;
    if (Tag(c) == GUMBO_TAG_P && ld < 0.25 && s.chars > 80) append = true;
    const std::string h = HintString(c);
    // A sibling section that scored as content itself (paragraphs among its children or
    // grandchildren), below the threshold, with few links and no class word against it: a
    // test report's intro and verdict beside its body, a recipe card beside the post's
    // intro. (A column of teaser boxes scores only in the boxes, not as a whole.)
    if (sit != score.end() && sit->second > 0 && ld < 0.25 && s.chars >= 80 && ClassWeight(h) >= 0)
      append = true;
    // A part of the same component as the chosen block (its first class word: a list
    // post's items, "item item--image" beside "item item--text") whose text is a heading
    // written as a sentence: the lead set as an <h2> above a picture. Headings do not score
    // as paragraphs, so it is taken for what it says, not for its score.
    if (!append && ld < 0.25 && SameComponent(anchor, c) && HoldsSentenceHeading(c, 0))
      append = true;
    if (append && !IsHardNegative(h)) roots->push_back(c);
  }
  // Sections of one page built from the same component a few levels further up (a CMS's
  // content elements `<div class="outer" id="c…">` or a page builder's sections, each with
  // its own grid inside): those beside a wrapper of the chosen block that hold paragraph
  // text of their own with few links are parts of the same page. Not above an <article> or
  // <main>, and never other <article>s (a list of other posts).
  constexpr int kMaxComponentLevels = 4;
  // A <div> or <section> named for a component, not for a place in the grid ("row",
  // "col-md-8", "container": every part of a page is one of those).
  auto sectioning = [](const GumboNode* c) {
    if (Tag(c) != GUMBO_TAG_DIV && Tag(c) != GUMBO_TAG_SECTION) return false;
    const std::string w = FirstClassWord(c);
    return !(w == "row" || w.starts_with("col") || w.starts_with("container") ||
             w.starts_with("grid") || w.starts_with("wrap") || w == "clearfix" || w == "inner");
  };
  const GumboNode* wrapper = parent;
  std::vector<const GumboNode*> before;
  for (int level = 0; level < kMaxComponentLevels; ++level) {
    const GumboTag wt = Tag(wrapper);
    if (wt == GUMBO_TAG_ARTICLE || wt == GUMBO_TAG_MAIN) break;
    const GumboNode* up = wrapper->parent;
    if (up == nullptr || up->type != GUMBO_NODE_ELEMENT || IsPageElement(wrapper)) break;
    std::vector<const GumboNode*> prev;
    bool after = false;
    const GumboVector& uch = Children(up);
    for (unsigned i = 0; i < uch.length; ++i) {
      const GumboNode* c = Child(uch, i);
      if (c == wrapper) {
        after = true;
        continue;
      }
      if (c->type != GUMBO_NODE_ELEMENT || !SameComponent(wrapper, c) || !sectioning(c)) continue;
      const Stats& s = stats_[c];
      if (s.chars < 80 || s.link_chars * 4 >= s.chars || !holds_scored_block(c)) continue;
      // A later slide of a gallery whose first one is the chosen block's wrapper is a part
      // of it, whatever its "hidden" word.
      std::string h = HintString(c);
      if (IsHiddenSlide(c)) h = WithoutHideWords(std::move(h));
      if (IsHardNegative(h) || InsideBoilerplateBlock(c)) continue;
      (after ? roots->emplace_back(c) : prev.emplace_back(c));
    }
    before.insert(before.begin(), prev.begin(), prev.end());
    wrapper = up;
  }
  roots->insert(roots->begin(), before.begin(), before.end());
  // Content elements of the chosen block's own component further up (a CMS's `div.media`
  // text elements in the news column, the chosen one nested in an accordion beside them):
  // those beside an ancestor of it, at most kMaxElementLevels up and not above an <article>
  // or <main>, holding scored paragraph text with few links, come out in page order.
  // (Elements of the component deeper in other branches are teasers and inline boxes.)
  constexpr int kMaxElementLevels = 8;
  if (sectioning(top) && FirstClassWord(top).size() >= 3) {
    const GumboNode* scope = top;
    for (int level = 0; level < kMaxElementLevels; ++level) {
      const GumboNode* up = scope->parent;
      if (up == nullptr || up->type != GUMBO_NODE_ELEMENT || IsPageElement(up)) break;
      scope = up;
      if (Tag(up) == GUMBO_TAG_ARTICLE || Tag(up) == GUMBO_TAG_MAIN) break;
    }
    std::vector<const GumboNode*> far;
    for (const GumboNode* e : elements_) {
      if (e == top || Tag(e) != Tag(top) || e->parent == nullptr || !IsAncestorOf(e->parent, top) ||
          !IsAncestorOf(scope, e) || !SameComponent(top, e))
        continue;
      if (std::any_of(roots->begin(), roots->end(), [&](const GumboNode* r) {
            return r == e || IsAncestorOf(r, e) || IsAncestorOf(e, r);
          }))
        continue;
      if (std::any_of(far.begin(), far.end(),
                      [&](const GumboNode* r) { return IsAncestorOf(r, e); }))
        continue;
      const Stats& s = stats_[e];
      if (s.chars < 80 || s.link_chars * 4 >= s.chars || !holds_scored_block(e)) continue;
      if (IsHardNegative(HintString(e)) || InsideBoilerplateBlock(e)) continue;
      far.push_back(e);
    }
    if (!far.empty()) {
      far.insert(far.end(), roots->begin(), roots->end());
      roots->clear();
      for (const GumboNode* e : elements_) {  // page order
        if (std::find(far.begin(), far.end(), e) != far.end()) roots->push_back(e);
      }
    }
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

void Extraction::MarkDrop() {
  Break();
  if (!paras_.empty()) paras_.back().before_drop = true;
}

namespace {

// `h` with every word "list" blanked out.
std::string WithoutListWord(std::string_view h) {
  std::string out(h);
  std::size_t i = 0;
  while (i < out.size()) {
    while (i < out.size() && !std::isalnum(static_cast<unsigned char>(out[i]))) ++i;
    std::size_t j = i;
    while (j < out.size() && std::isalnum(static_cast<unsigned char>(out[j]))) ++j;
    if (std::string_view(out).substr(i, j - i) == "list") out.replace(i, j - i, j - i, ' ');
    i = j;
  }
  return out;
}

}  // namespace

bool Extraction::IsTextList(const GumboNode* n, std::string_view h) const {
  if (!HasToken(h, "list") || IsHardNegative(WithoutListWord(h))) return false;
  auto it = stats_.find(n);
  return it != stats_.end() && it->second.chars > 0 &&
         it->second.link_chars * 10 <= it->second.chars;
}

// A list in the article whose items link a bug, a source or a name inside a sentence of
// their own ("Bug 1553982 landed, which prevents starting an update while …"): at most
// kMaxLinkShare of its text in links and on average kMinProseChars of text outside links
// per item. Menus, tag lists and related-story lists have items that are all link (or a
// link and a date).
bool Extraction::ItemsCarryProse(const GumboNode* n, const Stats& s) const {
  constexpr double kMaxLinkShare = 0.6;
  constexpr int kMinProseChars = 25;
  if (s.link_chars > kMaxLinkShare * s.chars) return false;
  int items = 0;
  const GumboVector& ch = Children(n);
  for (unsigned i = 0; i < ch.length; ++i) {
    if (Tag(Child(ch, i)) == GUMBO_TAG_LI) ++items;
  }
  return items > 0 && s.chars - s.link_chars >= kMinProseChars * items;
}

// The article's lead, set in its header above the text (`<header class="entry-header">
// <h1>…</h1><p class="excerpt">…</p></header>`, `<div class="article-header"><p
// class="teaser">`): headers are left out of the text as page headers, so the paragraphs
// of a header inside the same <main> as `top` (or, without one, the same <article>: a theme
// may set the entry header in <main> above the <article>), before it, come out first. A
// lead paragraph is a <p> (or a <div> of inline text named a lead, an intro, a teaser…) of
// kMinLeadChars or more, few links, and no class word against it (a byline, a date, a
// caption). A box named for the lead before `top` (not in a header) comes out whole.
std::vector<const GumboNode*> Extraction::HeaderLead(const GumboNode* top,
                                                     bool side_section) const {
  constexpr int kMinLeadChars = 80;
  constexpr std::size_t kMaxLeads = 3;
  std::vector<const GumboNode*> out;
  const GumboNode* scope = nullptr;
  int level = 0;
  for (const GumboNode* p = top; p != nullptr && p->type == GUMBO_NODE_ELEMENT &&
                                 !IsPageElement(p) && level <= kMaxWidenLevels;
       p = p->parent, ++level) {
    if (Tag(p) == GUMBO_TAG_MAIN) {
      scope = p;
      break;
    }
    // The chosen block being an <article> itself, its header may sit in an outer one.
    if (Tag(p) == GUMBO_TAG_ARTICLE && scope == nullptr && p != top) scope = p;
  }
  // A box named for the lead beside the text, or beside a wrapper of it (a CMS news view's
  // "teaser-text" above its "news-text-wrap", `<p class="lead">` above a text field): the
  // lead many templates keep apart from the block named as the text. Looked for in the
  // scope, or without one up to kMaxLeadBoxLevels above `top`.
  constexpr int kMaxLeadBoxLevels = 3;
  auto names_lead = [](std::string_view h) {
    return HasAny(h, {"lead", "intro", "teaser", "excerpt", "abstract", "summary", "standfirst",
                      "chapo", "dek"});
  };
  if (scope == top) return out;
  auto is_header = [](const GumboNode* c) {
    return Tag(c) == GUMBO_TAG_HEADER || HasHeaderHint(HintString(c));
  };
  bool in_top = false;  // collecting from a header inside `top`
  std::function<void(const GumboNode*, int)> collect = [&](const GumboNode* n, int depth) {
    if (depth > 6 || out.size() >= kMaxLeads || n->type != GUMBO_NODE_ELEMENT) return;
    if (n == top || IsAncestorOf(n, top) || (!in_top && IsAncestorOf(top, n))) return;
    const GumboTag t = Tag(n);
    if (IsIgnoredTag(t) || t == GUMBO_TAG_H1 || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FIGURE ||
        t == GUMBO_TAG_FORM)
      return;
    const std::string h = HintString(n);
    if (!h.empty() && IsHardNegative(h) && !HasHeaderHint(h)) return;
    auto it = stats_.find(n);
    if (it == stats_.end()) return;
    const Stats& s = it->second;
    // A <div> only when its class names a lead: a breadcrumb trail is a <div> of inline text.
    const bool lead_div = t == GUMBO_TAG_DIV && s.direct_chars == s.chars && names_lead(h);
    // A subtitle heading of sentence length below the title is the lead too.
    const bool lead_heading = (t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3) && s.chars >= kMinLeadChars;
    if ((t == GUMBO_TAG_P || lead_div || lead_heading) && s.chars >= kMinLeadChars &&
        s.link_chars * 4 < s.chars) {
      out.push_back(n);
      return;
    }
    const GumboVector& ch = Children(n);
    for (unsigned i = 0; i < ch.length; ++i) collect(Child(ch, i), depth + 1);
  };
  auto is_lead_box = [&](const GumboNode* c) {
    if (IsIgnoredTag(Tag(c)) || Tag(c) == GUMBO_TAG_NAV || Tag(c) == GUMBO_TAG_FORM) return false;
    const std::string h = HintString(c);
    if (h.empty() || !names_lead(h) || IsHardNegative(h)) return false;
    auto it = stats_.find(c);
    return it != stats_.end() && it->second.chars >= kMinLeadChars &&
           it->second.link_chars * 4 < it->second.chars;
  };
  // Headers and lead boxes before `top`: siblings of `top` or of its ancestors up to the
  // scope, nearest level first; they come out in page order (farthest level first). A
  // sibling that is neither may hold one a few levels down, in the grid cells and rows a
  // layout wraps the title area in (`<div class="row"><div class="col-12"><p class="lead">`
  // beside the column of the text): looked for below siblings that are not boilerplate and
  // not mostly links.
  constexpr int kMaxNestedLeadDepth = 3;
  using Found = std::vector<std::pair<const GumboNode*, bool>>;
  std::function<void(const GumboNode*, int, int, Found*)> nested =
      [&](const GumboNode* n, int depth, int lvl, Found* found) {
        const GumboTag t = Tag(n);
        if (IsIgnoredTag(t) || (IsBoilerplateTag(t) && t != GUMBO_TAG_HEADER)) return;
        auto it = stats_.find(n);
        if (it == stats_.end() || it->second.chars < kMinLeadChars ||
            it->second.link_chars * 2 > it->second.chars)
          return;
        const std::string h = HintString(n);
        if (!h.empty() && IsHardNegative(h) && !HasHeaderHint(h)) return;
        if (scope != nullptr && is_header(n)) {
          found->emplace_back(n, false);
          return;
        }
        if (lvl < kMaxLeadBoxLevels && is_lead_box(n)) {
          found->emplace_back(n, true);
          return;
        }
        if (depth >= kMaxNestedLeadDepth) return;
        const GumboVector& ch = Children(n);
        for (unsigned i = 0; i < ch.length; ++i) {
          if (Child(ch, i)->type == GUMBO_NODE_ELEMENT) nested(Child(ch, i), depth + 1, lvl, found);
        }
      };
  std::vector<Found> levels;
  level = 0;
  for (const GumboNode* c = top; c != scope && c->parent != nullptr; c = c->parent, ++level) {
    if (scope == nullptr && level >= kMaxLeadBoxLevels) break;
    auto& found = levels.emplace_back();
    const GumboVector& ch = Children(c->parent);
    for (unsigned i = 0; i < ch.length; ++i) {
      const GumboNode* sib = Child(ch, i);
      if (sib == c) break;
      if (sib->type != GUMBO_NODE_ELEMENT) continue;
      if (scope != nullptr && is_header(sib)) {
        found.emplace_back(sib, false);
      } else if (level < kMaxLeadBoxLevels && is_lead_box(sib)) {
        found.emplace_back(sib, true);
      } else {
        nested(sib, 0, level, &found);
      }
    }
  }
  for (auto lit = levels.rbegin(); lit != levels.rend(); ++lit) {
    for (const auto& [n, box] : *lit) {
      if (box) {
        if (out.size() < kMaxLeads) out.push_back(n);
        continue;
      }
      const GumboVector& ch = Children(n);
      for (unsigned i = 0; i < ch.length; ++i) collect(Child(ch, i), 1);
    }
  }
  // A header at the head of `top` itself (`<article><header><h1>…</h1><div
  // class="abstract">…</div></header><p>…`): the text leaves it out as a header, so its lead
  // paragraphs come out here. Looked for before the first block of text, a few levels down.
  // A header holding most of `top` is looked into only when `top` is a section merged before
  // the chosen block (a grid row holding the entry header above the row of the text).
  constexpr int kMaxHeadDepth = 3;
  const int top_chars = stats_.count(top) ? stats_.at(top).chars : 0;
  std::function<bool(const GumboNode*, int)> head = [&](const GumboNode* n, int depth) {
    const GumboVector& ch = Children(n);
    for (unsigned i = 0; i < ch.length; ++i) {
      const GumboNode* c = Child(ch, i);
      if (c->type != GUMBO_NODE_ELEMENT || IsIgnoredTag(Tag(c))) continue;
      auto it = stats_.find(c);
      if (it == stats_.end() || it->second.chars < kMinLeadChars) continue;
      if (is_header(c) && (it->second.chars * 2 < top_chars || side_section)) {
        in_top = true;
        const GumboVector& hc = Children(c);
        for (unsigned j = 0; j < hc.length; ++j) collect(Child(hc, j), 1);
        in_top = false;
        continue;
      }
      // The first block of text: the header, if any, was before it.
      if (depth < kMaxHeadDepth && !IsBoilerplateTag(Tag(c))) head(c, depth + 1);
      return true;
    }
    return false;
  };
  if (scope != nullptr || Tag(top) == GUMBO_TAG_ARTICLE) head(top, 0);
  return out;
}

// True when `root` holds kMinCaptions or more <figcaption>s together holding at least half
// of its text, outside links: a gallery or slideshow post writes its text below each picture.
bool Extraction::TextIsInCaptions(const GumboNode* root) const {
  constexpr int kMinCaptions = 3;
  if (figcaptions_ < kMinCaptions) return false;
  auto rit = stats_.find(root);
  if (rit == stats_.end() || rit->second.chars == 0) return false;
  int captions = 0;
  int caption_chars = 0;
  std::function<void(const GumboNode*, int)> walk = [&](const GumboNode* n, int depth) {
    if (depth > kMaxRecursion || n->type != GUMBO_NODE_ELEMENT) return;
    const GumboTag t = Tag(n);
    if (IsIgnoredTag(t)) return;
    if (t == GUMBO_TAG_FIGCAPTION) {
      auto it = stats_.find(n);
      if (it != stats_.end()) {
        ++captions;
        caption_chars += it->second.chars - it->second.link_chars;
      }
      return;
    }
    const GumboVector& ch = Children(n);
    for (unsigned i = 0; i < ch.length; ++i) walk(Child(ch, i), depth + 1);
  };
  walk(root, 0);
  return captions >= kMinCaptions && caption_chars * 2 >= rit->second.chars;
}

bool Extraction::HoldsHalfOfRoot(const GumboNode* n) const {
  auto it = stats_.find(n);
  return it != stats_.end() && it->second.chars * 2 >= emit_root_chars_;
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
  // A <form> holding half of the text being emitted wraps the page or the article (ASP.NET
  // pages put all of <body> in one; a shop's description sits in its product form): its
  // text comes out, without its fields and buttons (ignored tags).
  if (IsBoilerplateTag(t) && !(t == GUMBO_TAG_FORM && !is_root && HoldsHalfOfRoot(n)) &&
      !(captions_are_text_ && (t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_FIGCAPTION)))
    return;
  if (!is_root) {
    std::string h = HintString(n);
    // One of a run of slides or tabs shown one at a time: the rest of the article.
    const bool slide =
        (IsHiddenByAttr(n) || (h.find("hid") != std::string::npos && WithoutHideWords(h) != h)) &&
        IsHiddenSlide(n);
    if (slide) h = WithoutHideWords(std::move(h));
    if (!slide && IsHiddenByAttr(n)) {
      ExplainSkipped(n, "hidden (hidden, aria-hidden or display:none)");
      return;
    }
    if (comments_are_text_ && HasCommentHint(h)) h = WithoutCommentWord(h);
    // A gallery's slides: the figure and its caption are the text whatever they are named
    // ("photo-47886375", "slide-caption"); blocks inside them are still looked at.
    if (captions_are_text_) {
      if (t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_FIGCAPTION)
        h.clear();
      else
        h = WithoutCaptionWord(std::move(h));
    }
    if (!h.empty() && IsHardNegative(h) && !IsStrongPositive(h) &&
        !IsContentWrapper(n, h, emit_root_chars_) && !IsTextList(n, h) &&
        !(body_fallback_ && HoldsHalfOfRoot(n)) &&
        !(HasAny(h, {"sidebar"}) && !IsStrongBoilerplate(h) && IsSidebarLayout(n))) {
      if (explain_ != nullptr) {
        ExplainedBlock why = DescribeLoser(n, 0);
        ExplainSkipped(
            n, why.penalties.empty() ? "class/id reads as boilerplate" : why.penalties.front());
      }
      if (IsBlockTag(t)) MarkDrop();
      return;
    }
    if (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_DIV ||
        t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TABLE) {
      auto it = stats_.find(n);
      if (it != stats_.end() && it->second.chars > 0) {
        const Stats& s = it->second;
        const bool list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
        const double limit = list ? 0.3 : 0.5;
        if (static_cast<double>(s.link_chars) / s.chars > limit &&
            !(list && ItemsCarryProse(n, s))) {
          ExplainSkipped(n, "mostly links");
          MarkDrop();  // a block tag: emitting it would close the paragraph too
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

namespace {

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

}  // namespace

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
  // The same closing lines in the other languages of the web (German, French, Spanish,
  // Italian, Portuguese, Polish): pointers to other stories, sharing and newsletter
  // prompts. Short lines only: a sentence of the text may open with such words.
  constexpr int kMaxPromptChars = 100;
  if (chars < kMaxPromptChars && StartsWithAny(t, {"Auch interessant",
                                                   "Das könnte Sie auch",
                                                   "Das könnte dich auch",
                                                   "Schon gelesen",
                                                   "Lesen Sie auch",
                                                   "Lesen Sie mehr",
                                                   "Lies auch",
                                                   "Mehr zum Thema",
                                                   "Zum Weiterlesen",
                                                   "Weiterlesen",
                                                   "Weitere Artikel",
                                                   "Ähnliche Artikel",
                                                   "Diesen Artikel teilen",
                                                   "Artikel teilen",
                                                   "Beitrag teilen",
                                                   "Jetzt teilen",
                                                   "Möchten Sie den Artikel teilen",
                                                   "Zum Newsletter",
                                                   "Newsletter abonnieren",
                                                   "Jetzt abonnieren",
                                                   "Lire aussi",
                                                   "À lire aussi",
                                                   "A lire aussi",
                                                   "Voir aussi",
                                                   "Partager",
                                                   "Abonnez-vous",
                                                   "Inscrivez-vous",
                                                   "Lee también",
                                                   "Lea también",
                                                   "Leer también",
                                                   "Te puede interesar",
                                                   "Compartir",
                                                   "Suscríbete",
                                                   "Noticias relacionadas",
                                                   "Leggi anche",
                                                   "Condividi",
                                                   "Iscriviti",
                                                   "Leia também",
                                                   "Leia mais",
                                                   "Compartilhe",
                                                   "Veja também",
                                                   "Czytaj także",
                                                   "Czytaj też",
                                                   "Zobacz także",
                                                   "Zobacz też",
                                                   "Udostępnij"}))
    return true;
  // Picture credits and captions in those languages, and in brackets below a picture.
  if (chars < 200 &&
      StartsWithAny(t, {"(Credit",      "(Photo",    "(Foto",   "(Bild",     "Foto:",
                        "Fotos:",       "Foto ©",    "Bild:",   "Bilder:",   "Bildquelle",
                        "Beitragsbild", "Titelbild", "Quelle:", "Abbildung", "Abb.",
                        "Crédit",       "Fuente:",   "Foto di", "Zdjęcie:",  "Fot."}))
    return true;
  return false;
}

namespace {

// True when the paragraph `p`, of at least kMinChars, is a sentence ending in a colon: it
// announces what the next paragraph holds ("... has set up a mailbox for this:").
bool AnnouncesNext(const Para& p) {
  constexpr int kMinChars = 40;
  if (p.heading || p.chars < kMinChars) return false;
  std::string_view t = p.text;
  while (!t.empty() && IsAsciiSpace(t.back())) t.remove_suffix(1);
  if (t.ends_with("\xC2\xA0")) t.remove_suffix(2);         // a no-break space after the colon
  return t.ends_with(":") || t.ends_with("\xEF\xBC\x9A");  // ':' or the full-width colon
}

// True when the paragraph `p` is a label: a heading or a short line ending in a colon
// ("More on this:"), or a very short question ("Read this yet?"), which introduces what
// follows it. Longer questions are the text's own.
bool IsLabel(const Para& p) {
  constexpr int kMaxChars = 60;
  constexpr int kMaxQuestionChars = 32;
  if (p.chars > kMaxChars) return false;
  if (p.heading) return true;
  std::string_view t = p.text;
  while (!t.empty() && IsAsciiSpace(t.back())) t.remove_suffix(1);
  if (t.ends_with("\xC2\xA0")) t.remove_suffix(2);
  if (t.ends_with("?")) return p.chars <= kMaxQuestionChars;
  return t.ends_with(":") || t.ends_with("\xEF\xBC\x9A");
}

// True when the paragraph `p` is a short label opening a closing appendix of pointers and
// contacts ("Weitere Informationen:", "Kontakt:", "For more information"), in the languages
// of the closing lines above.
bool OpensClosingAppendix(const Para& p) {
  constexpr int kMaxChars = 60;
  if (p.chars > kMaxChars) return false;
  return StartsWithAny(p.text, {"Weitere Informationen",
                                "Mehr Informationen",
                                "Zusatzinformationen",
                                "Weiterführende Informationen",
                                "Weiterführende Links",
                                "Kontakt",
                                "Pressekontakt",
                                "Ansprechpartner",
                                "Further information",
                                "More information",
                                "For more information",
                                "Contact",
                                "Media contact",
                                "Press contact",
                                "Plus d'informations",
                                "Plus d’informations",
                                "Pour en savoir plus",
                                "Contact presse",
                                "Más información",
                                "Contacto",
                                "Ulteriori informazioni",
                                "Per saperne di più",
                                "Contatti",
                                "Mais informações",
                                "Contato",
                                "Więcej informacji"});
}

// The index of the label that opens a closing appendix of `paras`, or paras.size(): a label
// (see OpensClosingAppendix) after which every paragraph is a short line (a contact's name,
// a link's title, a reference), past at least kMinKeptChars of text. A label followed by a
// paragraph of the text is a heading of the article's own.
std::size_t ClosingAppendixStart(const std::vector<Para>& paras) {
  constexpr int kMaxLineChars = 160;
  constexpr int kMinKeptChars = 300;
  std::size_t start = paras.size();
  for (std::size_t i = paras.size(); i-- > 0;) {
    if (OpensClosingAppendix(paras[i])) start = i;
    if (paras[i].chars > kMaxLineChars) break;
  }
  int kept = 0;
  for (std::size_t i = 0; i < start; ++i) kept += paras[i].chars;
  return kept >= kMinKeptChars ? start : paras.size();
}

}  // namespace

std::vector<Para> Extraction::FilterParagraphs() {
  static const RE2 email_only(R"(\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\s*)");
  std::vector<Para> out;
  for (auto& p : paras_) {
    if (p.chars == 0) continue;
    // An address alone in its paragraph, announced by the sentence before it, is part of
    // the text (where to write), not a reporter's or a site's contact line.
    if (!out.empty() && AnnouncesNext(out.back()) && RE2::FullMatch(p.text, email_only)) {
      out.push_back(std::move(p));
      continue;
    }
    // A label introduces what follows it: when that is a list of links or a block left out
    // as boilerplate ("More on this:" above related stories), the label introduces nothing
    // that is kept, and goes when no text of the article follows it either.
    auto drop_label = [&] {
      if (!out.empty() && IsLabel(out.back())) out.back().introduces_dropped = true;
    };
    if (p.link_chars * 2 > p.chars) {
      drop_label();
      continue;
    }
    if (LooksLikeBoilerplate(p.text, p.chars)) {
      if (dropped_paras_.size() < 16) dropped_paras_.push_back(p.text);
      continue;
    }
    const bool before_drop = p.before_drop;
    out.push_back(std::move(p));
    if (before_drop) drop_label();
  }
  // A heading with nothing after it introduces a block we removed, and so does a label
  // followed by such a block with nothing after it.
  while (!out.empty() && (out.back().heading || out.back().introduces_dropped)) out.pop_back();
  // A closing appendix (where to read more, whom to call) after the text goes with its label.
  out.resize(ClosingAppendixStart(out));
  while (!out.empty() && (out.back().heading || out.back().introduces_dropped)) out.pop_back();
  return out;
}

}  // namespace hallyu::article_internal
