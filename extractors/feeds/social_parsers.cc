#include "extractors/feeds/social_parsers.h"

#include <re2/re2.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "extractors/feeds/feed_parser.h"
#include "extractors/feeds/xml_tree.h"
#include "extractors/text/datetime.h"
#include "extractors/text/markup_text.h"

namespace hallyu {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

const json* Obj(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return nullptr;
  return &*it;
}

std::optional<int64_t> Date(std::string_view s) {
  if (s.empty()) return std::nullopt;
  Result<int64_t> r = ParseDateTime(s);
  if (!r.ok()) return std::nullopt;
  return *r;
}

void AddLink(std::vector<std::string>& links, std::string l) {
  if (!(l.starts_with("http://") || l.starts_with("https://"))) return;
  for (const std::string& x : links) {
    if (x == l) return;
  }
  if (links.size() < 64) links.push_back(std::move(l));
}

// http(s) URLs written in plain text.
void AddTextLinks(std::vector<std::string>& links, std::string_view text) {
  static const RE2 kUrl(R"((https?://[^\s<>"'\)\]]+))");
  re2::StringPiece in(text.data(), text.size());
  std::string url;
  while (RE2::FindAndConsume(&in, kUrl, &url)) {
    while (!url.empty() && (url.back() == '.' || url.back() == ',')) url.pop_back();
    AddLink(links, url);
  }
}

Result<json> ParseJson(std::string_view body, const char* what) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return ParseError(std::string(what) + ": response is not valid JSON");
  return j;
}

bool IsUnreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

}  // namespace

std::string SetQueryParam(std::string_view url, std::string_view key, std::string_view value) {
  std::string encoded;
  for (char c : value) {
    if (IsUnreserved(c)) {
      encoded += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      encoded += buf;
    }
  }
  std::string_view fragment;
  if (size_t h = url.find('#'); h != std::string_view::npos) {
    fragment = url.substr(h);
    url = url.substr(0, h);
  }
  std::string base(url);
  std::string query;
  if (size_t q = url.find('?'); q != std::string_view::npos) {
    base = std::string(url.substr(0, q));
    std::string_view rest = url.substr(q + 1);
    while (!rest.empty()) {
      size_t amp = rest.find('&');
      std::string_view part = rest.substr(0, amp);
      std::string_view name = part.substr(0, part.find('='));
      if (name != key && !part.empty()) {
        if (!query.empty()) query += '&';
        query += part;
      }
      if (amp == std::string_view::npos) break;
      rest.remove_prefix(amp + 1);
    }
  }
  if (!query.empty()) query += '&';
  query += std::string(key) + "=" + encoded;
  return base + "?" + query + std::string(fragment);
}

std::string LinkHeaderNext(std::string_view header) {
  // <url>; rel="next", <url>; rel="prev"
  size_t i = 0;
  while (i < header.size()) {
    size_t lt = header.find('<', i);
    if (lt == std::string_view::npos) return "";
    size_t gt = header.find('>', lt);
    if (gt == std::string_view::npos) return "";
    size_t next_lt = header.find('<', gt);
    std::string_view params = header.substr(
        gt + 1, next_lt == std::string_view::npos ? std::string_view::npos : next_lt - gt - 1);
    if (params.find("rel=\"next\"") != std::string_view::npos ||
        params.find("rel=next") != std::string_view::npos) {
      return std::string(header.substr(lt + 1, gt - lt - 1));
    }
    i = gt + 1;
  }
  return "";
}

std::string BlueskyPostUrl(std::string_view at_uri, std::string_view handle) {
  constexpr std::string_view kPrefix = "at://";
  constexpr std::string_view kCollection = "/app.bsky.feed.post/";
  if (!at_uri.starts_with(kPrefix)) return "";
  std::string_view rest = at_uri.substr(kPrefix.size());
  size_t c = rest.find(kCollection);
  if (c == std::string_view::npos || c == 0) return "";
  std::string_view did = rest.substr(0, c);
  std::string_view rkey = rest.substr(c + kCollection.size());
  if (rkey.empty() || rkey.find('/') != std::string_view::npos) return "";
  std::string who(handle.empty() ? did : handle);
  return "https://bsky.app/profile/" + who + "/post/" + std::string(rkey);
}

Result<SocialPage> ParseRedditListing(std::string_view body, std::string_view request_url) {
  Result<json> j = ParseJson(body, "reddit");
  if (!j.ok()) return j.status();
  const json* data = Obj(*j, "data");
  if (data == nullptr || !data->contains("children") || !(*data)["children"].is_array()) {
    return ParseError("reddit: no data.children in listing");
  }
  SocialPage page;
  for (const json& child : (*data)["children"]) {
    const json* d = Obj(child, "data");
    if (d == nullptr) continue;
    SocialPost p;
    p.id = Str(*d, "name");
    if (p.id.empty()) p.id = Str(*d, "id");
    if (p.id.empty()) continue;
    std::string title = HtmlToText(Str(*d, "title"));  // reddit escapes &amp; in titles
    std::string self = CollapseWhitespace(Str(*d, "selftext"));
    p.text = self.empty() ? title : title + "\n\n" + self;
    p.author = Str(*d, "author");
    if (auto c = d->find("created_utc"); c != d->end() && c->is_number()) {
      // a hostile or broken number (1e40, NaN) is no time: only 1970..9999 converts
      const double t = c->get<double>();
      if (std::isfinite(t) && t >= 0.0 && t < 253402300800.0) {
        p.published_at = static_cast<int64_t>(t);
      }
    }
    std::string permalink = Str(*d, "permalink");
    p.url = permalink.starts_with("/") ? "https://www.reddit.com" + permalink : permalink;
    // (a mistyped "is_self": 1 is no self post; json::value would throw on it)
    const auto self_flag = d->find("is_self");
    const bool is_self = self_flag != d->end() && self_flag->is_boolean() && self_flag->get<bool>();
    std::string link = Str(*d, "url_overridden_by_dest");
    if (link.empty()) link = Str(*d, "url");
    if (!is_self && link.find("reddit.com/") == std::string::npos &&
        link.find("redd.it/") == std::string::npos) {
      AddLink(p.links, link);
    }
    AddTextLinks(p.links, self);
    page.posts.push_back(std::move(p));
  }
  page.next_cursor = Str(*data, "after");
  if (!page.next_cursor.empty()) {
    page.next_url = SetQueryParam(request_url, "after", page.next_cursor);
  }
  return page;
}

Result<SocialPage> ParseMastodonTimeline(std::string_view body, std::string_view link_header,
                                         std::string_view request_url) {
  Result<json> j = ParseJson(body, "mastodon");
  if (!j.ok()) return j.status();
  if (!j->is_array()) return ParseError("mastodon: timeline is not a JSON array");
  static const RE2 kAnchor(R"re(<a\s[^>]*href="([^"]+)"[^>]*>)re");
  SocialPage page;
  std::string min_id;
  for (const json& s0 : *j) {
    if (!s0.is_object()) continue;
    const json& s = Obj(s0, "reblog") != nullptr ? s0["reblog"] : s0;
    SocialPost p;
    p.id = Str(s0, "id");
    if (p.id.empty()) continue;
    // Status ids are numeric strings that grow with time: the smallest pages back.
    if (min_id.empty() || p.id.size() < min_id.size() ||
        (p.id.size() == min_id.size() && p.id < min_id)) {
      min_id = p.id;
    }
    std::string html = Str(s, "content");
    std::string spoiler = Str(s, "spoiler_text");
    p.text = HtmlToText(html);
    if (!spoiler.empty()) p.text = spoiler + "\n\n" + p.text;
    if (const json* acct = Obj(s, "account")) p.author = Str(*acct, "acct");
    p.published_at = Date(Str(s, "created_at"));
    p.url = Str(s, "url");
    if (p.url.empty()) p.url = Str(s, "uri");
    // Links in the content, minus mentions and hashtags (which point at profiles).
    re2::StringPiece in(html.data(), html.size());
    std::string anchor_href;
    static const RE2 kAnchorFull(R"re((<a\s[^>]*>))re");
    std::string tag;
    while (RE2::FindAndConsume(&in, kAnchorFull, &tag)) {
      if (tag.find("mention") != std::string::npos || tag.find("hashtag") != std::string::npos) {
        continue;
      }
      if (RE2::PartialMatch(tag, kAnchor, &anchor_href)) {
        AddLink(p.links, DecodeCharRefs(anchor_href));
      }
    }
    if (const json* card = Obj(s, "card")) AddLink(p.links, Str(*card, "url"));
    page.posts.push_back(std::move(p));
  }
  page.next_url = LinkHeaderNext(link_header);
  if (!page.next_url.empty()) {
    static const RE2 kMaxId(R"([?&]max_id=([^&#]+))");
    RE2::PartialMatch(page.next_url, kMaxId, &page.next_cursor);
  } else if (!min_id.empty()) {
    page.next_cursor = min_id;
    page.next_url = SetQueryParam(request_url, "max_id", min_id);
  }
  return page;
}

Result<SocialPage> ParseBlueskyPosts(std::string_view body, std::string_view request_url) {
  Result<json> j = ParseJson(body, "bluesky");
  if (!j.ok()) return j.status();
  if (!j->is_object()) return ParseError("bluesky: response is not a JSON object");
  std::vector<const json*> views;
  if (auto posts = j->find("posts"); posts != j->end() && posts->is_array()) {
    for (const json& p : *posts) views.push_back(&p);  // searchPosts
  } else if (auto feed = j->find("feed"); feed != j->end() && feed->is_array()) {
    for (const json& item : *feed) {  // getAuthorFeed
      if (const json* p = Obj(item, "post")) views.push_back(p);
    }
  } else {
    return ParseError("bluesky: neither posts[] nor feed[] in response");
  }
  SocialPage page;
  std::unordered_set<std::string> seen;
  for (const json* v : views) {
    SocialPost p;
    p.id = Str(*v, "uri");
    if (p.id.empty() || !seen.insert(p.id).second) continue;  // reposts repeat a post
    const json* author = Obj(*v, "author");
    std::string handle = author ? Str(*author, "handle") : "";
    p.author = handle;
    p.url = BlueskyPostUrl(p.id, handle);
    if (const json* rec = Obj(*v, "record")) {
      p.text = Str(*rec, "text");
      p.published_at = Date(Str(*rec, "createdAt"));
      if (auto facets = rec->find("facets"); facets != rec->end() && facets->is_array()) {
        for (const json& f : *facets) {
          auto feats = f.find("features");
          if (feats == f.end() || !feats->is_array()) continue;
          for (const json& feat : *feats) {
            if (Str(feat, "$type") == "app.bsky.richtext.facet#link") {
              AddLink(p.links, Str(feat, "uri"));
            }
          }
        }
      }
      if (const json* embed = Obj(*rec, "embed")) {
        if (const json* ext = Obj(*embed, "external")) AddLink(p.links, Str(*ext, "uri"));
      }
    }
    if (!p.published_at) p.published_at = Date(Str(*v, "indexedAt"));
    AddTextLinks(p.links, p.text);
    page.posts.push_back(std::move(p));
  }
  page.next_cursor = Str(*j, "cursor");
  if (!page.next_cursor.empty()) {
    page.next_url = SetQueryParam(request_url, "cursor", page.next_cursor);
  }
  return page;
}

Result<SocialPage> ParseYouTubeFeed(std::string_view body) {
  Result<XmlNode> doc = ParseXmlTolerant(body);
  if (!doc.ok()) return doc.status().WithContext("youtube");
  const XmlNode* feed = doc->FirstElement();
  if (feed == nullptr || feed->name != "atom:feed") {
    return ParseError("youtube: not an Atom feed");
  }
  std::string channel =
      HtmlToText(feed->Child("atom:title") ? feed->Child("atom:title")->Text() : "");
  SocialPage page;
  for (const XmlNode* e : feed->ChildrenNamed("atom:entry")) {
    SocialPost p;
    const XmlNode* vid = e->Child("yt:videoid");
    p.id = vid ? CollapseWhitespace(vid->Text()) : "";
    if (p.id.empty()) {
      const XmlNode* id = e->Child("atom:id");
      p.id = id ? CollapseWhitespace(id->Text()) : "";
    }
    if (p.id.empty()) continue;
    std::string title = e->Child("atom:title") ? HtmlToText(e->Child("atom:title")->Text()) : "";
    std::string desc;
    if (const XmlNode* g = e->Child("media:group")) {
      if (const XmlNode* d = g->Child("media:description")) desc = d->Text();
    }
    p.text = desc.empty() ? title : title + "\n\n" + desc;
    if (const XmlNode* a = e->Child("atom:author")) {
      if (const XmlNode* n = a->Child("atom:name")) p.author = CollapseWhitespace(n->Text());
    }
    if (p.author.empty()) p.author = channel;
    for (const XmlNode* l : e->ChildrenNamed("atom:link")) {
      if (l->Attr("rel").empty() || l->Attr("rel") == "alternate") {
        p.url = std::string(l->Attr("href"));
        break;
      }
    }
    if (p.url.empty()) p.url = "https://www.youtube.com/watch?v=" + p.id;
    if (const XmlNode* d = e->Child("atom:published"))
      p.published_at = Date(CollapseWhitespace(d->Text()));
    AddTextLinks(p.links, desc);
    page.posts.push_back(std::move(p));
  }
  return page;
}

}  // namespace hallyu
