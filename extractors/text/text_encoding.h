#pragma once
// Bytes of a feed, sitemap or API response → UTF-8, surviving wrong declarations.
//
// Differs from charset.h's DecodeToUtf8 in one way that matters for feeds: bytes that
// are valid UTF-8 stay UTF-8 even when the XML declaration names another charset
// (a very common feed bug). Uses charset.h for validation and repair.

#include <string>
#include <string_view>

#include "extractors/base/status.h"

namespace hallyu {

// Returns the charset named in an XML declaration at the start of `bytes`
// (`<?xml version="1.0" encoding="EUC-KR"?>` → "EUC-KR"), or "" when there is none.
std::string XmlDeclaredEncoding(std::string_view bytes);

// Converts `bytes` to UTF-8 and strips a byte-order mark. Order of trust:
//   1. a BOM (UTF-8, UTF-16LE/BE) or UTF-16 "<?" pattern;
//   2. bytes that are already valid UTF-8 stay UTF-8, whatever is declared (sites
//      routinely declare ISO-8859-1 or EUC-KR and send UTF-8);
//   3. `hint` (the HTTP charset), then `declared` (XML declaration), when not UTF-8;
//      EUC-KR / KS_C_5601 are read as CP949; ISO-8859-1, latin1, US-ASCII and the
//      other labels of windows-1252 as windows-1252 the way browsers decode it
//      (every byte decodes: 0x92 is U+2019, the five undefined bytes C1 controls);
//   4. CP949 (Korean sites that declare UTF-8 but send EUC-KR), then windows-1252.
// Never fails in practice (kept a Result for a charset label iconv cannot convert).
Result<std::string> DecodeFeedBytes(std::string_view bytes, std::string_view hint,
                                    std::string_view declared);

}  // namespace hallyu
