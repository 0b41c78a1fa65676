// libFuzzer target: arbitrary bytes as a sitemap or sitemap index, plain or gzip. Inflation
// is capped, so a gzip bomb must end in kTooLarge, not in memory growth. Must never crash,
// hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/feeds/sitemap_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  hallyu::SitemapParseOptions options;
  options.url = "https://www.example.co.kr/sitemap-news.xml";
  options.max_bytes = 4u << 20;
  if (size > 0 && (data[0] & 1)) options.max_urls = 3;
  if (hallyu::IsGzip(body)) {
    auto inflated = hallyu::InflateGzip(body, options.max_bytes);
    if (inflated.ok()) (void)hallyu::ParseSitemap(*inflated, options);
    return 0;
  }
  auto sitemap = hallyu::ParseSitemap(body, options);
  if (sitemap.ok()) {
    (void)hallyu::FreshSitemapUrls(sitemap->urls, 1'780'000'000, 2 * 86400);
    (void)hallyu::FreshChildSitemaps(sitemap->sitemaps, 1'780'000'000, 2 * 86400);
  }
  return 0;
}
