#pragma once
// Test-side generator of legacy-charset bytes (glibc iconv).

#include <optional>
#include <string>
#include <string_view>

namespace hallyu::testing {

// UTF-8 `utf8` encoded into `charset` (an iconv name: "CP949", "UTF-16LE",
// "ISO-2022-JP", ...), shift state flushed; nullopt when iconv cannot open the
// charset or some character has no mapping in it.
std::optional<std::string> EncodeWithIconv(std::string_view utf8, const char* charset);

}  // namespace hallyu::testing
