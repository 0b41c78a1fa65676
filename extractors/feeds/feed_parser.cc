#include "extractors/feeds/feed_parser.h"

#include <nlohmann/json.hpp>

#include "extractors/feeds/xml_tree.h"
#include "extractors/text/charset.h"
#include "extractors/text/datetime.h"
#include "extractors/text/markup_text.h"
#include "extractors/text/text_encoding.h"
#include "extractors/url/link_resolver.h"
#include "extractors/url/whatwg_url.h"

namespace hallyu {
namespace {

struct Ctx {
  const FeedParseOptions& opts;
  DateTimeParseOptions dates;
};

std::optional<int64_t> ParseDate(const Ctx& ctx, std::string_view text) {
  std::string t = CollapseWhitespace(text);
  if (t.empty()) return std::nullopt;
  Result<int64_t> r = ParseDateTime(t, ctx.dates);
  if (!r.ok()) return std::nullopt;
  return *r;
}

// Text of a node whose children may be raw (X)HTML elements: block elements are
// separated by a space; what a script or style element holds is code, never text, and
// is left out (as HtmlToText does for escaped HTML).
void AppendMarkupText(const XmlNode& n, std::string& out) {
  if (n.is_text()) {
    out += n.text;
    return;
  }
  std::string name(n.local_name());
  for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (name == "script" || name == "style") return;
  bool block = IsHtmlBlockTag(n.local_name());
  if (block) out += ' ';
  for (const XmlNode& c : n.children) AppendMarkupText(c, out);
  if (block) out += ' ';
}

// Plain text of a text construct: tags stripped, references decoded. Feeds that
// escape their HTML twice ("&amp;lt;p&amp;gt;") get a second pass: for tags, only when
// the text held no tag of its own, since text that is already HTML and still reads
// "<br />" after one pass wrote that as text ("<code>&lt;br /></code>"); for references
// left over ("&amp;eacute;"), always.
std::string TextOf(const XmlNode* n) {
  if (n == nullptr) return "";
  std::string raw;
  for (const XmlNode& c : n->children) AppendMarkupText(c, raw);
  std::string t = HtmlToText(raw);
  const bool was_html = raw.find('<') != std::string::npos;
  if ((!was_html && t.find('<') != std::string::npos) || t.find('&') != std::string::npos) {
    t = HtmlToText(t);
  }
  return t;
}
std::string RawOf(const XmlNode* n) { return n == nullptr ? "" : CollapseWhitespace(n->Text()); }

// A relative `ref` resolved against `base` the way a browser reads an href (WHATWG URL
// parser). An absolute `ref` (one with a scheme) is kept exactly as written, as before,
// so links and the ids derived from them do not change form; so are references the
// WHATWG parser does not read ("mailto:", a base it refuses), which go through RFC 3986
// resolution. Returns "" when neither gives an absolute URL.
std::string ResolveUrl(std::string_view base, std::string_view ref) {
  if (HasUrlScheme(ref) || base.empty()) return ResolveReference(base, ref);
  Result<WhatwgUrl> parsed_base = ParseWhatwgUrl(base);
  if (parsed_base.ok()) {
    Result<WhatwgUrl> r = ParseWhatwgUrl(ref, &*parsed_base);
    if (r.ok()) return r->Href();
  }
  return ResolveReference(base, ref);
}

// The base URL in scope for an element (XML Base): its own xml:base resolved against
// the parent's, or the parent's. `explicit_base` is true once any xml:base was seen,
// false while the base is only the document's URL.
struct BaseScope {
  std::string url;
  bool explicit_base = false;
};

BaseScope BaseFor(const XmlNode& n, const BaseScope& parent) {
  std::string_view b = n.Attr("xml:base");
  if (b.empty()) return parent;
  std::string trimmed = CollapseWhitespace(b);
  std::string r = ResolveUrl(parent.url, trimmed);
  return BaseScope{r.empty() ? trimmed : r, true};
}

std::string Resolve(const BaseScope& base, std::string_view ref) {
  std::string trimmed = CollapseWhitespace(ref);
  if (trimmed.empty()) return "";
  std::string r = ResolveUrl(base.url, trimmed);
  return r.empty() ? trimmed : r;
}

// An entry id in the scope of an explicit xml:base is resolved against it (RFC 4287
// ids are IRIs, XML Base applies to them); without one it is kept exactly as written,
// so ids of feeds that never used xml:base do not change.
std::string ResolveId(const BaseScope& base, std::string id) {
  if (!base.explicit_base || id.empty() || HasUrlScheme(id)) return id;
  std::string r = ResolveUrl(base.url, id);
  return r.empty() ? id : r;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Plain text of an Atom text construct or atom:content (RFC 4287 3.1 and 4.1.3; Atom
// 0.3's "mode"): type "html" is reduced from HTML; "xhtml" and other XML types from
// their child elements; "text" (the default) is kept as written, except that
// references left over from double escaping are decoded; content in any other media
// type, or with mode="base64", is base64 and decoded first (binary data that is not
// UTF-8 text gives "").
std::string AtomTextOf(const XmlNode* n) {
  if (n == nullptr) return "";
  std::string type = AsciiLower(CollapseWhitespace(n->Attr("type")));
  std::string mode = AsciiLower(CollapseWhitespace(n->Attr("mode")));
  bool html = type == "html" || type == "text/html" || (mode == "escaped" && type.empty());
  bool xml = type == "xhtml" || type.ends_with("+xml") || type.ends_with("/xml");
  bool text = type.empty() || type == "text" || type.starts_with("text/");
  if (mode == "base64" || (!html && !xml && !text)) {
    std::optional<std::string> decoded = DecodeBase64(n->Text());
    if (!decoded || !IsValidUtf8(*decoded)) return "";
    if (html || xml) return HtmlToText(*decoded);
    return CollapseWhitespace(*decoded);
  }
  if (html) return TextOf(n);
  std::string raw;
  for (const XmlNode& c : n->children) AppendMarkupText(c, raw);
  if (xml) return CollapseWhitespace(raw);
  return CollapseWhitespace(DecodeCharRefs(raw));
}

// Media RSS element `name` of an item (media:title, media:description): a direct child,
// or one inside its media:group or media:content; nullptr when there is none.
const XmlNode* MediaChild(const XmlNode& item, std::string_view name) {
  if (const XmlNode* d = item.Child(name)) return d;
  for (const XmlNode& c : item.children) {
    if (c.name != "media:group" && c.name != "media:content") continue;
    if (const XmlNode* d = c.Child(name)) return d;
  }
  return nullptr;
}

// The name in an author field that also carries an e-mail address:
// "editor@site.com (Kim Min-ji)", "Kim Min-ji (editor@site.com)" and
// "Kim Min-ji <editor@site.com>" all give "Kim Min-ji"; anything else stays as written.
std::string CleanAuthor(std::string a) {
  a = HtmlToText(a);
  size_t open = a.find('(');
  size_t close = a.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    std::string inner = CollapseWhitespace(a.substr(open + 1, close - open - 1));
    std::string outer = CollapseWhitespace(a.substr(0, open) + " " + a.substr(close + 1));
    if (outer.find('@') != std::string::npos && inner.find('@') == std::string::npos &&
        !inner.empty()) {
      return inner;
    }
    if (inner.find('@') != std::string::npos && outer.find('@') == std::string::npos &&
        !outer.empty()) {
      return outer;
    }
    return a;
  }
  size_t lt = a.find('<');
  size_t gt = a.rfind('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt &&
      a.substr(lt, gt - lt).find('@') != std::string::npos) {
    std::string outer = CollapseWhitespace(a.substr(0, lt) + " " + a.substr(gt + 1));
    if (!outer.empty()) return outer;
  }
  return a;
}

void AddAuthor(std::vector<std::string>& authors, std::string a) {
  a = CleanAuthor(std::move(a));
  if (a.empty()) return;
  for (const std::string& x : authors) {
    if (x == a) return;
  }
  authors.push_back(std::move(a));
}

bool IsImageType(std::string_view type, std::string_view medium) {
  return medium == "image" || type.starts_with("image/");
}

// media:thumbnail, media:content (image), media:group/*, enclosure (image).
std::string FindImage(const XmlNode& item, const BaseScope& base) {
  for (const XmlNode& c : item.children) {
    if (c.name == "media:thumbnail" && !c.Attr("url").empty()) return Resolve(base, c.Attr("url"));
  }
  for (const XmlNode& c : item.children) {
    if (c.name == "media:content" && IsImageType(c.Attr("type"), c.Attr("medium")) &&
        !c.Attr("url").empty()) {
      return Resolve(base, c.Attr("url"));
    }
    if (c.name == "media:group") {
      std::string g = FindImage(c, base);
      if (!g.empty()) return g;
    }
    if (c.name == "enclosure" && IsImageType(c.Attr("type"), "") && !c.Attr("url").empty()) {
      return Resolve(base, c.Attr("url"));
    }
  }
  for (const XmlNode& c : item.children) {
    if (c.name == "media:content" && !c.Attr("url").empty() && c.Attr("type").empty() &&
        c.Attr("medium").empty()) {
      return Resolve(base, c.Attr("url"));
    }
  }
  return "";
}

void FinishEntry(FeedEntry& e, std::string_view date_raw) {
  if (e.id.empty()) e.id = e.link;
  if (e.id.empty()) {
    e.id = "hash:" + StableHashHex(e.title + "\n" + std::string(date_raw));
  }
}

// Target of an atom:link: its href, or (broken feeds) the URL written as its text.
std::string LinkTarget(const XmlNode& link) {
  if (!link.Attr("href").empty()) return std::string(link.Attr("href"));
  return RawOf(&link);
}

std::string AtomLink(const XmlNode& n, const BaseScope& base) {
  const XmlNode* chosen = nullptr;
  for (const XmlNode& c : n.children) {
    if (c.name != "atom:link" && c.name != "link") continue;
    std::string_view rel = c.Attr("rel");
    if (LinkTarget(c).empty()) continue;
    if (rel.empty() || rel == "alternate") {
      chosen = &c;
      break;
    }
    if (chosen == nullptr && rel != "self" && rel != "hub" && rel != "replies" && rel != "edit" &&
        rel != "next" && rel != "previous") {
      chosen = &c;
    }
  }
  if (chosen == nullptr) return "";
  return Resolve(BaseFor(*chosen, base), LinkTarget(*chosen));
}

// Element `local` in the Atom namespace, or without any (Atom without xmlns).
const XmlNode* AtomChild(const XmlNode& n, std::string_view local) {
  std::string q = "atom:" + std::string(local);
  if (const XmlNode* c = n.Child(q)) return c;
  return n.Child(local);
}

FeedEntry ParseRssItem(const Ctx& ctx, const XmlNode& item, const BaseScope& channel_base) {
  FeedEntry e;
  BaseScope base = BaseFor(item, channel_base);
  e.title = TextOf(item.Child("title"));
  if (e.title.empty()) e.title = TextOf(item.Child("dc:title"));
  if (e.title.empty()) e.title = AtomTextOf(item.Child("atom:title"));
  if (e.title.empty()) e.title = TextOf(MediaChild(item, "media:title"));
  std::string link = RawOf(item.Child("link"));
  if (link.empty()) {
    if (const XmlNode* l = item.Child("link"); l != nullptr) link = std::string(l->Attr("href"));
  }
  if (link.empty()) link = AtomLink(item, base);
  if (link.empty()) link = std::string(item.Attr("href"));  // CDF <ITEM HREF="...">
  const XmlNode* guid = item.Child("guid");
  std::string guid_text = RawOf(guid);
  if (link.empty() && guid != nullptr && guid->Attr("ispermalink") != "false" &&
      (guid_text.starts_with("http://") || guid_text.starts_with("https://") ||
       guid_text.starts_with("/"))) {
    link = guid_text;
  }
  if (link.empty()) link = std::string(item.Attr("rdf:about"));
  e.link = Resolve(base, link);
  e.id = guid_text;
  if (e.id.empty()) e.id = std::string(item.Attr("rdf:about"));

  std::string date_raw;
  for (std::string_view n :
       {"pubdate", "dc:date", "dcterms:issued", "dcterms:created", "atom:published", "date"}) {
    if (const XmlNode* d = item.Child(n)) {
      date_raw = RawOf(d);
      e.published_at = ParseDate(ctx, date_raw);
      if (e.published_at) break;
    }
  }
  for (std::string_view n : {"atom:updated", "dcterms:modified", "lastbuilddate"}) {
    if (const XmlNode* d = item.Child(n)) {
      e.updated_at = ParseDate(ctx, RawOf(d));
      if (e.updated_at) break;
    }
  }
  if (!e.updated_at && item.HasAttr("lastmod")) {  // CDF
    e.updated_at = ParseDate(ctx, item.Attr("lastmod"));
  }
  // An item with both a <description> and a <summary> (RSS has only the first; some
  // feeds add the second): the one written first is the summary, the other the content
  // when the item carries no other, so neither text is lost.
  const XmlNode* second_text = nullptr;
  const XmlNode* description = item.Child("description");
  const XmlNode* summary = item.Child("summary");
  if (description != nullptr && summary != nullptr) {
    for (const XmlNode& c : item.children) {
      if (&c == description || &c == summary) {
        second_text = &c == description ? summary : description;
        break;
      }
    }
    e.summary = TextOf(second_text == summary ? description : summary);
  } else {
    e.summary = TextOf(item.FirstChildOf(
        {"description", "summary", "dc:description", "abstract", "itunes:summary"}));
  }
  if (e.summary.empty()) e.summary = AtomTextOf(item.Child("atom:summary"));
  if (e.summary.empty()) e.summary = TextOf(MediaChild(item, "media:description"));
  e.content = TextOf(item.Child("content:encoded"));
  if (e.content.empty()) e.content = AtomTextOf(item.Child("atom:content"));
  // Older full-text carriers: an inline XHTML <body>, Netscape's <fullitem>.
  if (e.content.empty()) e.content = TextOf(item.FirstChildOf({"xhtml:body", "fullitem"}));
  if (e.content.empty() && second_text != nullptr) e.content = TextOf(second_text);
  if (e.summary.empty()) e.summary = e.content;
  for (const XmlNode& c : item.children) {
    if (c.name == "author" || c.name == "dc:creator" || c.name == "dc:author" ||
        c.name == "itunes:author" || c.name == "atom:author") {
      if (const XmlNode* nm = AtomChild(c, "name")) {
        AddAuthor(e.authors, nm->Text());
      } else {
        AddAuthor(e.authors, c.Text());
      }
    } else if (c.name == "category" || c.name == "dc:subject") {
      std::string cat = TextOf(&c);
      if (!cat.empty()) e.categories.push_back(std::move(cat));
    }
  }
  e.image = FindImage(item, base);
  FinishEntry(e, date_raw);
  return e;
}

FeedEntry ParseAtomEntry(const Ctx& ctx, const XmlNode& entry, const BaseScope& feed_base) {
  FeedEntry e;
  BaseScope base = BaseFor(entry, feed_base);
  e.title = AtomTextOf(AtomChild(entry, "title"));
  if (e.title.empty()) e.title = TextOf(entry.Child("dc:title"));
  if (e.title.empty()) e.title = TextOf(MediaChild(entry, "media:title"));
  e.link = AtomLink(entry, base);
  if (const XmlNode* id = AtomChild(entry, "id")) {
    e.id = ResolveId(BaseFor(*id, base), RawOf(id));
  }
  std::string date_raw;
  for (std::string_view n : {"published", "issued", "created"}) {
    if (const XmlNode* d = AtomChild(entry, n)) {
      date_raw = RawOf(d);
      e.published_at = ParseDate(ctx, date_raw);
      if (e.published_at) break;
    }
  }
  for (std::string_view n : {"updated", "modified"}) {
    if (const XmlNode* d = AtomChild(entry, n)) {
      std::string raw = RawOf(d);
      if (date_raw.empty()) date_raw = raw;
      e.updated_at = ParseDate(ctx, raw);
      if (e.updated_at) break;
    }
  }
  for (std::string_view n : {"dc:date", "dcterms:issued", "dcterms:created"}) {
    if (e.published_at) break;
    if (const XmlNode* d = entry.Child(n)) e.published_at = ParseDate(ctx, RawOf(d));
  }
  if (!e.updated_at) {
    if (const XmlNode* d = entry.Child("dcterms:modified")) e.updated_at = ParseDate(ctx, RawOf(d));
  }
  e.summary = AtomTextOf(AtomChild(entry, "summary"));
  e.content = AtomTextOf(AtomChild(entry, "content"));
  if (e.summary.empty())
    e.summary = TextOf(entry.FirstChildOf({"dc:description", "itunes:summary"}));
  if (e.summary.empty()) e.summary = TextOf(MediaChild(entry, "media:description"));
  if (e.summary.empty()) e.summary = e.content;
  for (const XmlNode& c : entry.children) {
    if (c.name == "atom:author" || c.name == "author") {
      const XmlNode* nm = AtomChild(c, "name");
      AddAuthor(e.authors, nm != nullptr ? nm->Text() : c.Text());
    } else if (c.name == "dc:creator" || c.name == "dc:author" || c.name == "itunes:author") {
      AddAuthor(e.authors, c.Text());
    } else if (c.name == "atom:category" || c.name == "category") {
      std::string cat(c.Attr("label").empty() ? c.Attr("term") : c.Attr("label"));
      if (cat.empty()) cat = TextOf(&c);
      if (!cat.empty()) e.categories.push_back(std::move(cat));
    }
  }
  e.image = FindImage(entry, base);
  FinishEntry(e, date_raw);
  return e;
}

Result<Feed> ParseXmlFeed(const Ctx& ctx, const XmlNode& doc) {
  const XmlNode* root = doc.FirstElement();
  if (root == nullptr) return ParseError("empty document");
  Feed feed;
  BaseScope base = BaseFor(*root, BaseScope{ctx.opts.url, false});
  const std::string& name = root->name;
  if (name == "rss" || name == "rdf:rdf" || name == "rdf" || name == "channel") {
    feed.format = name == "rss" || name == "channel" ? FeedFormat::kRss : FeedFormat::kRdf;
    const XmlNode* channel = name == "channel" ? root : root->Child("channel");
    BaseScope channel_base = base;
    if (channel != nullptr) {
      channel_base = BaseFor(*channel, base);
      feed.title = TextOf(channel->Child("title"));
      if (feed.title.empty()) feed.title = TextOf(channel->Child("dc:title"));
      std::string link = RawOf(channel->Child("link"));
      if (link.empty()) link = AtomLink(*channel, channel_base);
      if (link.empty()) link = std::string(channel->Attr("href"));  // CDF
      feed.link = Resolve(channel_base, link);
      for (std::string_view n :
           {"lastbuilddate", "pubdate", "dc:date", "dcterms:modified", "atom:updated"}) {
        if (const XmlNode* d = channel->Child(n)) {
          feed.updated_at = ParseDate(ctx, RawOf(d));
          if (feed.updated_at) break;
        }
      }
    }
    // RSS 2.0 items live in <channel>; RSS 1.0 / 0.90 items are its siblings.
    for (const XmlNode* parent : {channel, channel == root ? nullptr : root}) {
      if (parent == nullptr) continue;
      for (const XmlNode& c : parent->children) {
        if (c.name != "item") continue;
        if (feed.entries.size() >= ctx.opts.max_entries) break;
        feed.entries.push_back(ParseRssItem(ctx, c, parent == channel ? channel_base : base));
      }
    }
    return feed;
  }
  if (name == "atom:feed" || name == "feed") {
    feed.format = FeedFormat::kAtom;
    feed.title = AtomTextOf(AtomChild(*root, "title"));
    if (feed.title.empty()) feed.title = TextOf(root->Child("dc:title"));
    feed.link = AtomLink(*root, base);
    if (const XmlNode* d = AtomChild(*root, "updated")) feed.updated_at = ParseDate(ctx, RawOf(d));
    for (const XmlNode& c : root->children) {
      if (c.name != "atom:entry" && c.name != "entry") continue;
      if (feed.entries.size() >= ctx.opts.max_entries) break;
      feed.entries.push_back(ParseAtomEntry(ctx, c, base));
    }
    return feed;
  }
  return Unsupported("not a feed: root element <" + name + ">");
}

std::string JsonString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  return "";
}

Result<Feed> ParseJsonFeed(const Ctx& ctx, std::string_view body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return ParseError("feed is neither XML nor valid JSON");
  if (!j.is_object() || JsonString(j, "version").find("jsonfeed.org") == std::string::npos) {
    return Unsupported("JSON document is not a JSON Feed (no jsonfeed.org version)");
  }
  Feed feed;
  feed.format = FeedFormat::kJsonFeed;
  feed.title = HtmlToText(JsonString(j, "title"));
  BaseScope base{ctx.opts.url, false};
  std::string feed_url = JsonString(j, "feed_url");
  if (base.url.empty() && HasUrlScheme(feed_url)) base.url = feed_url;
  feed.link = Resolve(base, JsonString(j, "home_page_url"));
  auto items = j.find("items");
  if (items == j.end() || !items->is_array()) return feed;
  for (const nlohmann::json& it : *items) {
    if (!it.is_object()) continue;
    if (feed.entries.size() >= ctx.opts.max_entries) break;
    FeedEntry e;
    e.id = JsonString(it, "id");
    e.link = Resolve(base, JsonString(it, "url"));
    if (e.link.empty()) e.link = Resolve(base, JsonString(it, "external_url"));
    e.title = HtmlToText(JsonString(it, "title"));
    std::string date_raw = JsonString(it, "date_published");
    e.published_at = ParseDate(ctx, date_raw);
    e.updated_at = ParseDate(ctx, JsonString(it, "date_modified"));
    e.content = JsonString(it, "content_text");
    if (e.content.empty()) e.content = HtmlToText(JsonString(it, "content_html"));
    e.content = CollapseWhitespace(e.content);
    e.summary = HtmlToText(JsonString(it, "summary"));
    if (e.summary.empty()) e.summary = e.content;
    auto add_authors = [&e](const nlohmann::json& a) {
      if (a.is_object()) AddAuthor(e.authors, JsonString(a, "name"));
    };
    if (auto a = it.find("authors"); a != it.end() && a->is_array()) {
      for (const nlohmann::json& x : *a) add_authors(x);
    }
    if (auto a = it.find("author"); a != it.end()) add_authors(*a);
    if (e.authors.empty()) {
      if (auto a = j.find("authors"); a != j.end() && a->is_array()) {
        for (const nlohmann::json& x : *a) add_authors(x);
      }
    }
    if (auto t = it.find("tags"); t != it.end() && t->is_array()) {
      for (const nlohmann::json& x : *t) {
        if (x.is_string()) e.categories.push_back(x.get<std::string>());
      }
    }
    e.image = Resolve(base, JsonString(it, "image"));
    FinishEntry(e, date_raw);
    feed.entries.push_back(std::move(e));
  }
  return feed;
}

}  // namespace

std::string_view FeedFormatName(FeedFormat f) {
  switch (f) {
    case FeedFormat::kRss:
      return "rss";
    case FeedFormat::kRdf:
      return "rdf";
    case FeedFormat::kAtom:
      return "atom";
    case FeedFormat::kJsonFeed:
      return "json";
  }
  return "rss";
}

Result<Feed> ParseFeed(std::string_view body, const FeedParseOptions& options) {
  if (body.size() > options.max_bytes) {
    return TooLarge("feed is " + std::to_string(body.size()) + " bytes, over the cap of " +
                    std::to_string(options.max_bytes) + " bytes");
  }
  Ctx ctx{options, DateTimeParseOptions{options.default_offset_minutes}};
  Result<std::string> utf8 = DecodeFeedBytes(body, options.charset_hint, XmlDeclaredEncoding(body));
  if (!utf8.ok()) return utf8.status().WithContext("feed");
  std::string_view text = *utf8;
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return ParseError("feed is empty");
  if (text[first] == '{') return ParseJsonFeed(ctx, text.substr(first));
  XmlParseOptions xo;
  xo.max_bytes = options.max_bytes * 4 + 16;  // after conversion to UTF-8
  Result<XmlNode> doc = ParseXmlTolerant(text, xo);
  if (!doc.ok()) return doc.status().WithContext("feed");
  return ParseXmlFeed(ctx, *doc);
}

}  // namespace hallyu
