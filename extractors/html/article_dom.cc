// Text, Gumbo node and class/id hint helpers shared by the passes of the article
// extraction (see article_dom.h).
#include "extractors/html/article_dom.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace hallyu::article_internal {

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

void PushUnique(std::vector<std::string>* v, std::string s, std::size_t cap) {
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

namespace {

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

}  // namespace

std::string NodeText(const GumboNode* n, std::size_t limit) {
  std::string raw;
  AppendText(n, &raw, limit);
  return Collapse(raw);
}

// ---------------------------------------------------------------- class/id hints

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// A class token (lower case) that states what a block carries or how it is laid out, never
// that it is boilerplate: Drupal field display flags (field--label-hidden, Drupal 7's
// field-label-hidden), layout and state flags (has-post-thumbnail, with-sidebar,
// withsidebar); page-builder classes are read through BuilderBlockKind first. Such tokens
// used to read as "thumb", "hidden", "widget" or "sidebar" and threw the article away with
// them. `wp_post` is true when the class list is a WordPress post's own (hentry,
// status-publish, post-123): its tag-*, category-*, type-* and format-* tokens name the
// post's taxonomy, not a tag list.
bool IsNeutralClassToken(std::string_view t, bool wp_post) {
  if (t.empty()) return true;
  // A state word ("has-thumbnail", "with-sidebar") or a negated one ("no-caption",
  // "no_sidebar", "without-ads": the block lacks the thing) says nothing of what it holds.
  for (std::string_view prefix : {"has-", "has_", "with-", "with_", "no-", "no_", "without-",
                                  "without_", "field--label", "field-label-", "label-"}) {
    if (StartsWith(t, prefix)) return true;
  }
  if (t.find("withsidebar") != std::string_view::npos) return true;
  // An alignment setting ("text-align-right", a recipe card's "header-content-align-left",
  // "valign-top") says how the block is laid out, not what it is: its "header" or "right"
  // is the alignment's subject or value.
  if (t.find("align-") != std::string_view::npos || t.find("align_") != std::string_view::npos)
    return true;
  // TYPO3's content elements say where their picture sits beside the text ("ce-textpic
  // ce-right ce-intext"): the picture's place, not a right-hand column.
  if (StartsWith(t, "ce-")) {
    const std::string_view place = t.substr(3);
    if (place == "right" || place == "left" || place == "center" || place == "intext" ||
        place == "above" || place == "below" || place == "nowrap")
      return true;
  }
  // A script's hook ("js-replyNewMessageContainer" on a forum thread's list of posts, where
  // the script adds a reply): the block's role is in its other words.
  if (StartsWith(t, "js-") || StartsWith(t, "js_")) return true;
  // A feature switched on for the block ("enable-pin-share": share buttons over its
  // pictures) is a state of the block too.
  for (std::string_view prefix : {"enable-", "enable_", "enabled-", "enabled_"}) {
    if (StartsWith(t, prefix)) return true;
  }
  // A BEM modifier of state ("site-content__layout--has-sidebar", "card--no-image"): the
  // words after "--" say what the block has, like the prefixes above.
  if (const std::size_t bem = t.rfind("--"); bem != std::string_view::npos) {
    const std::string_view modifier = t.substr(bem + 2);
    for (std::string_view prefix : {"has-", "has_", "with-", "with_", "no-", "no_", "without-"}) {
      if (StartsWith(modifier, prefix)) return true;
    }
    // A variant that carries ad slots among its text ("TestReport__Section--ads"): the
    // slots are elements of their own.
    if (modifier == "ads" || modifier == "ad" || modifier == "with-ads") return true;
  }
  // A sticky-sidebar script's hooks: it wraps the article's column and the sidebar alike
  // ("theiaStickySidebar" inside both, "sticky-sidebar-parent" on the article around the
  // sticky column, "sticky-sidebar-relative" on its positioned content); the sidebar
  // itself keeps its own words ("sidebar", <aside>).
  for (std::string_view hook : {"stickysidebar", "sticky-sidebar", "sticky_sidebar"}) {
    if (t.find(hook) != std::string_view::npos) return true;
  }
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

}  // namespace

// Class and id of `n`, lower case, as one string of tokens to match hints against; tokens
// that are neutral (IsNeutralClassToken) are left out.
namespace {

// The ASCII alphanumeric words of `s`, lower case (anything else separates them, so that a
// pilcrow link after a heading's text does not join its last word).
std::vector<std::string> SlugWords(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto word_byte = [](unsigned char c) { return c < 0x80 && std::isalnum(c); };
  while (i < s.size()) {
    while (i < s.size() && !word_byte(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && word_byte(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.push_back(Lower(s.substr(i, j - i)));
    i = j;
  }
  return out;
}

bool IsHeadingTag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// True when `id` is an anchor made from the text of the heading that `n` is or that opens
// it (documentation generators and Markdown renderers: `<div class="section"
// id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>`): words of
// the article's own text, not of the template. Four words at least, so that a template's
// `id="related-posts"` over `<h3>Related posts</h3>` keeps reading as boilerplate.
bool IdIsHeadingAnchor(const GumboNode* n, std::string_view id) {
  constexpr std::size_t kMinWords = 4;
  const std::vector<std::string> words = SlugWords(id);
  if (words.size() < kMinWords) return false;
  const GumboNode* heading = IsHeadingTag(Tag(n)) ? n : nullptr;
  if (heading == nullptr) {
    const GumboVector& ch = Children(n);
    for (unsigned i = 0; i < ch.length && heading == nullptr; ++i) {
      const GumboNode* c = Child(ch, i);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      if (!IsHeadingTag(Tag(c))) break;  // only a heading that opens the block
      heading = c;
    }
  }
  if (heading == nullptr) return false;
  const std::vector<std::string> said = SlugWords(NodeText(heading, 512));
  if (said.size() < kMinWords) return false;
  // A generator may add a short suffix that keeps anchors apart ("-2", "-o8svcM").
  constexpr std::size_t kMaxSuffixChars = 8;
  const bool suffixed = words.size() == said.size() + 1 && words.back().size() <= kMaxSuffixChars;
  if ((words.size() == said.size() || suffixed) &&
      std::equal(said.begin(), said.end(), words.begin()))
    return true;
  // On a heading itself, a CMS may cut the slug after a few words and wrap it in a short
  // prefix and a counter (`<h3 id="nav_nur_die_folie__1">Nur die Folie bleibt …`): the words
  // between them open the heading's own text.
  constexpr std::size_t kMinCutWords = 3;
  if (heading != n) return false;
  for (std::size_t skip = 0; skip <= 1; ++skip) {
    if (skip == 1 && words.front().size() > kMaxSuffixChars) break;
    for (std::size_t drop = 0; drop <= 1; ++drop) {
      if (drop == 1 && words.back().size() > kMaxSuffixChars) break;
      if (words.size() < skip + drop + kMinCutWords) continue;
      const std::size_t k = words.size() - skip - drop;
      if (k <= said.size() &&
          std::equal(words.begin() + static_cast<std::ptrdiff_t>(skip),
                     words.begin() + static_cast<std::ptrdiff_t>(skip + k), said.begin()))
        return true;
    }
  }
  return false;
}

// True when the first word of a class list (lower case) names the text itself: "entry",
// "article", "post", "story", "content". The words after it are then the block's
// features and states, not its role (the Hueman theme's `<div class="entry themeform
// share">` is the post's text with a share bar beside it).
bool IsContentFirstWord(std::string_view lower_cls) {
  std::size_t i = 0;
  while (i < lower_cls.size() && IsAsciiSpace(lower_cls[i])) ++i;
  std::size_t j = i;
  while (j < lower_cls.size() && !IsAsciiSpace(lower_cls[j])) ++j;
  const std::string_view w = lower_cls.substr(i, j - i);
  return w == "entry" || w == "article" || w == "post" || w == "story" || w == "content";
}

// A single word that, after a content word (IsContentFirstWord), names something the text
// carries or how it behaves: share buttons, social links, a print version, a sticky part.
bool IsFeatureWord(std::string_view t) {
  return t == "share" || t == "sharing" || t == "social" || t == "print" || t == "sticky";
}

}  // namespace

std::string HintString(const GumboNode* n) {
  std::string s;
  const std::string_view cls = Attr(n, "class");
  const std::string_view id = Attr(n, "id");
  if (cls.empty() && id.empty()) return s;
  const std::string lower_cls = Lower(cls);
  const bool wp_post = IsWordPressPostClassList(lower_cls);
  const bool content_first = IsContentFirstWord(lower_cls);
  bool first = true;
  s.reserve(cls.size() + id.size() + 1);
  std::size_t i = 0;
  while (i < lower_cls.size()) {
    while (i < lower_cls.size() && IsAsciiSpace(lower_cls[i])) ++i;
    std::size_t j = i;
    while (j < lower_cls.size() && !IsAsciiSpace(lower_cls[j])) ++j;
    if (j > i) {
      std::string_view token(lower_cls.data() + i, j - i);
      token = BuilderBlockKind(token);
      const bool feature = !first && content_first && IsFeatureWord(token);
      first = false;
      if (!feature && !IsNeutralClassToken(token, wp_post)) {
        s.append(token);
        s.push_back(' ');
      }
    }
    i = j;
  }
  if (!id.empty() && !IdIsHeadingAnchor(n, id)) s.append(Lower(id));
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

}  // namespace hallyu::article_internal
