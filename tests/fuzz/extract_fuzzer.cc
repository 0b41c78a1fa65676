// libFuzzer target: arbitrary bytes as an HTML page -> Document -> JSON, through
// ExtractArticle (as UTF-8) and ExtractArticleFromBody (as fetched bytes, UTF-8 or
// EUC-KR by the Content-Type). The first byte picks the URL and small budgets so
// that depth/element/size limits are exercised too. With bit 128 of that byte the rest
// is a template repeated until about 128 KB, every '#' replaced by a counter, with a small
// tree budget: markup whose tree grows faster than the page (`<p>x<b id=#></p>`, issue 20)
// is found from a few bytes and must fail as too_complex, never take gigabytes or crash.
// Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractors/html/article_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view page(reinterpret_cast<const char*>(data), size);
  hallyu::ExtractOptions options;
  std::string expanded;
  if (size > 1 && (data[0] & 128) && size < 4096) {
    const std::string_view pattern = page.substr(1);
    std::size_t counter = 0;
    while (expanded.size() < (128u << 10)) {
      for (char c : pattern) {
        if (c == '#') {
          expanded += std::to_string(counter);
        } else {
          expanded.push_back(c);
        }
      }
      ++counter;
    }
    page = expanded;
    options.tree_bytes_base = 4u << 20;
    options.tree_bytes_per_input_byte = 16;
  }
  std::string_view url = "https://news.example.co.kr/2024/05/01/article?id=1";
  if (size > 0) {
    const uint8_t knob = data[0];
    if (knob & 1) url = "";
    if (knob & 2) url = "http://Example.com:80/a/../b/./c?x#y";
    if (knob & 4) options.max_depth = 8;
    if (knob & 8) options.max_elements = 64;
    if (knob & 16) options.max_parse_bytes = 512;
    if (knob & 32) options.max_links = 3;
  }
  const std::string_view content_type =
      size > 0 && (data[0] & 64) ? "text/html; charset=euc-kr" : "text/html";
  for (bool from_body : {false, true}) {
    auto doc = from_body ? hallyu::ExtractArticleFromBody(page, content_type, url, options)
                         : hallyu::ExtractArticle(page, url, options);
    if (doc.ok()) {
      const std::string json =
          hallyu::ToJson(*doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      (void)json;
    }
  }
  return 0;
}
