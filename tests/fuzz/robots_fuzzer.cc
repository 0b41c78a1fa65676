// libFuzzer target: arbitrary bytes as a robots.txt. The body is parsed for two agents and
// a handful of paths are checked against it (RFC 9309 matching with '*' and '$'). Must never
// crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawler/fetch/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > hallyu::RobotsRules::kMaxBytes) return 0;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  for (std::string_view agent : {"hallyu/0.1 (+https://example.org/bot)", "Googlebot"}) {
    const auto rules = hallyu::RobotsRules::Parse(body, agent);
    for (std::string_view path :
         {"/", "/news/2024/05/01/a.html?x=1", "/%EC%97%B0%EC%98%88", "/search?q=*", "/private$"})
      (void)rules.IsAllowed(path);
    (void)rules.crawl_delay();
  }
  return 0;
}
