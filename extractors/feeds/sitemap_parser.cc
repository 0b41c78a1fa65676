#include "extractors/feeds/sitemap_parser.h"

#include <zlib.h>

#include "extractors/feeds/xml_tree.h"
#include "extractors/text/datetime.h"
#include "extractors/text/markup_text.h"
#include "extractors/text/text_encoding.h"
#include "extractors/url/link_resolver.h"

namespace hallyu {
namespace {

std::string Raw(const XmlNode* n) { return n == nullptr ? "" : CollapseWhitespace(n->Text()); }

std::optional<int64_t> Date(const XmlNode* n, const DateTimeParseOptions& o) {
  std::string t = Raw(n);
  if (t.empty()) return std::nullopt;
  Result<int64_t> r = ParseDateTime(t, o);
  if (!r.ok()) return std::nullopt;
  return *r;
}

std::string Loc(const XmlNode& n, const std::string& base) {
  std::string loc = Raw(n.Child("loc"));
  if (loc.empty()) return "";
  std::string r = ResolveReference(base, loc);
  return r.empty() ? loc : r;
}

}  // namespace

bool IsGzip(std::string_view body) {
  return body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
         static_cast<unsigned char>(body[1]) == 0x8b;
}

Result<std::string> InflateGzip(std::string_view compressed, size_t max_output) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Internal("zlib: inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return ParseError("gzip: corrupt or truncated stream (zlib " + std::to_string(rc) + ")");
    }
    size_t n = sizeof buf - zs.avail_out;
    if (out.size() + n > max_output) {
      inflateEnd(&zs);
      return TooLarge("gzip body inflates past the cap of " + std::to_string(max_output) +
                      " bytes");
    }
    out.append(buf, n);
    if (n == 0 && zs.avail_in == 0 && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return ParseError("gzip: truncated stream");
    }
  }
  inflateEnd(&zs);
  return out;
}

Result<Sitemap> ParseSitemap(std::string_view body, const SitemapParseOptions& options) {
  std::string inflated;
  if (IsGzip(body)) {
    Result<std::string> r = InflateGzip(body, options.max_bytes);
    if (!r.ok()) return r.status().WithContext("sitemap");
    inflated = std::move(*r);
    body = inflated;
  }
  if (body.size() > options.max_bytes) {
    return TooLarge("sitemap is " + std::to_string(body.size()) + " bytes, over the cap of " +
                    std::to_string(options.max_bytes) + " bytes");
  }
  Result<std::string> utf8 = DecodeFeedBytes(body, "", XmlDeclaredEncoding(body));
  if (!utf8.ok()) return utf8.status().WithContext("sitemap");
  XmlParseOptions xo;
  xo.max_bytes = options.max_bytes * 4 + 16;
  Result<XmlNode> doc = ParseXmlTolerant(*utf8, xo);
  if (!doc.ok()) return doc.status().WithContext("sitemap");
  const XmlNode* root = doc->FirstElement();
  DateTimeParseOptions dates{options.default_offset_minutes};
  Sitemap sm;
  if (root != nullptr && root->local_name() == "sitemapindex") {
    sm.is_index = true;
    for (const XmlNode& c : root->children) {
      if (c.local_name() != "sitemap" || sm.sitemaps.size() >= options.max_urls) continue;
      SitemapRef ref{Loc(c, options.url), Date(c.Child("lastmod"), dates)};
      if (!ref.loc.empty()) sm.sitemaps.push_back(std::move(ref));
    }
    return sm;
  }
  if (root == nullptr || root->local_name() != "urlset") {
    return Unsupported("not a sitemap: root element <" + (root ? root->name : "") + ">");
  }
  for (const XmlNode& c : root->children) {
    if (c.local_name() != "url" || sm.urls.size() >= options.max_urls) continue;
    SitemapUrl u;
    u.loc = Loc(c, options.url);
    if (u.loc.empty()) continue;
    u.lastmod = Date(c.Child("lastmod"), dates);
    if (const XmlNode* news = c.Child("news:news")) {
      u.news_title = HtmlToText(Raw(news->Child("news:title")));
      u.news_published_at = Date(news->Child("news:publication_date"), dates);
      if (const XmlNode* pub = news->Child("news:publication")) {
        u.news_publication = Raw(pub->Child("news:name"));
        u.news_language = Raw(pub->Child("news:language"));
      }
    }
    sm.urls.push_back(std::move(u));
  }
  return sm;
}

std::vector<SitemapUrl> FreshSitemapUrls(const std::vector<SitemapUrl>& urls, int64_t now,
                                         int64_t horizon_seconds, bool keep_undated) {
  std::vector<SitemapUrl> out;
  for (const SitemapUrl& u : urls) {
    std::optional<int64_t> t = u.Time();
    if (t ? *t >= now - horizon_seconds : keep_undated) out.push_back(u);
  }
  return out;
}

std::vector<SitemapRef> FreshChildSitemaps(const std::vector<SitemapRef>& refs, int64_t now,
                                           int64_t horizon_seconds) {
  std::vector<SitemapRef> out;
  for (const SitemapRef& r : refs) {
    if (!r.lastmod || *r.lastmod >= now - horizon_seconds) out.push_back(r);
  }
  return out;
}

}  // namespace hallyu
