// libFuzzer target: arbitrary bytes as a feed body (RSS 0.9x/1.0/2.0, Atom, JSON Feed, or
// garbage). The first byte picks the charset hint, the zone and small caps so the size and
// entry limits are exercised. Must never crash, hang or leak, and never expand entities.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/feeds/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  hallyu::FeedParseOptions options;
  options.url = "https://news.example.co.kr/rss/entertainment.xml";
  if (size > 0) {
    const uint8_t knob = data[0];
    if (knob & 1) options.charset_hint = "euc-kr";
    if (knob & 2) options.default_offset_minutes = 9 * 60;
    if (knob & 4) options.max_bytes = 256;
    if (knob & 8) options.max_entries = 2;
    if (knob & 16) options.url = "";
  }
  auto feed = hallyu::ParseFeed(body, options);
  (void)feed;
  return 0;
}
