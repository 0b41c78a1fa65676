// Page metadata for the article extraction: <meta>, OpenGraph and Twitter cards, JSON-LD,
// microdata, <time>, title, bylines and authors, dates, site name, language, canonical URL,
// section, image, tags and links (see article_extraction.h).
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "extractors/html/article_dates.h"
#include "extractors/html/article_dom.h"
#include "extractors/html/article_extraction.h"
#include "extractors/url/link_resolution.h"

namespace hallyu::article_internal {

using internal::FindLabelledDates;
using internal::FormatRfc3339Utc;
using internal::ParseDateTime;
using internal::ResolveLink;

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

namespace {

std::string StripJsonLdWrapper(std::string_view s) {
  std::string t(s);
  for (const char* junk : {"<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"}) {
    std::size_t p;
    while ((p = t.find(junk)) != std::string::npos)
      t.erase(p, std::char_traits<char>::length(junk));
  }
  return t;
}

}  // namespace

// ---------------------------------------------------------------- pass 1: collecting metadata

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

// ---------------------------------------------------------------- filling the Document's fields

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

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace hallyu::article_internal
