// libFuzzer target: arbitrary bytes as an HTTP body with a Content-Encoding. The first
// byte picks the coding (gzip, deflate, br, zstd, or a list of two); the rest is the
// body. Decoding must never crash, hang, leak or return more than the cap.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "crawler/fetch/content_decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kCodings[] = {
      "gzip", "deflate", "br", "zstd", "gzip, br", "deflate, zstd", "identity", "x-gzip, gzip"};
  std::string_view coding = kCodings[data[0] % (sizeof(kCodings) / sizeof(kCodings[0]))];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  constexpr uint64_t kCap = 1 << 20;
  auto out = hallyu::DecodeContentEncoding(coding, body, kCap);
  if (out.ok() && out->size() > kCap) std::abort();
  return 0;
}
