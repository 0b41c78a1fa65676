// libFuzzer target: arbitrary bytes as URLs. The input is split at its first newline into a
// base and a reference; both are normalised, the reference is resolved against the base
// with the fast resolver, and every result that succeeds must itself be a fixed point of
// NormalizeUrl (normalising a normalised URL changes nothing). The WHATWG parser's
// serialisation is a fixed point too (parse -> href -> parse gives the same href), with
// and without the base, and for non-special schemes (WhatwgSchemes::kAll) as well. Must
// never crash or leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extractors/url/url.h"
#include "extractors/url/whatwg_url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t nl = in.find('\n');
  std::string_view base = nl == std::string_view::npos ? in : in.substr(0, nl);
  std::string_view ref = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  auto check_fixed_point = [](const hallyu::Result<std::string>& r) {
    if (!r.ok()) return;
    auto again = hallyu::NormalizeUrl(*r);
    if (!again.ok() || *again != *r) std::abort();
  };
  auto check_href_fixed_point = [](const hallyu::Result<hallyu::WhatwgUrl>& r,
                                   hallyu::WhatwgSchemes schemes =
                                       hallyu::WhatwgSchemes::kSpecialOnly) {
    if (!r.ok()) return;
    const std::string href = r->Href();
    auto again = hallyu::ParseWhatwgUrl(href, nullptr, schemes);
    if (!again.ok() || again->Href() != href) std::abort();
  };
  auto parsed_base = hallyu::ParseWhatwgUrl(base);
  check_href_fixed_point(parsed_base);
  check_href_fixed_point(hallyu::ParseWhatwgUrl(base, nullptr, hallyu::WhatwgSchemes::kAll),
                         hallyu::WhatwgSchemes::kAll);
  if (parsed_base.ok() && !ref.empty()) {
    check_href_fixed_point(hallyu::ParseWhatwgUrl(ref, &*parsed_base));
  }
  check_fixed_point(hallyu::NormalizeUrl(base));
  (void)hallyu::UrlHost(base);
  check_fixed_point(hallyu::ResolveUrl("https://news.example.co.kr/a/b/c.html?x=1", base));
  if (!ref.empty()) check_fixed_point(hallyu::ResolveUrl(base, ref));
  return 0;
}
