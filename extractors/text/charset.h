#pragma once
// Body bytes -> valid UTF-8, whatever the page claims to be.
//
// Detection order (DetectCharset):
//   1. a byte-order mark (UTF-8, UTF-16LE/BE) — unambiguous, so it overrides
//      any label, as browsers do (WHATWG "decode");
//   2. the charset parameter of the Content-Type header;
//   3. <meta charset=...> or <meta http-equiv="Content-Type" content="...;
//      charset=..."> in the first CharsetOptions::prescan_bytes, or the XML
//      declaration's encoding="..." (feeds, sitemaps);
//   4. undeclared: UTF-8 when the prescan window is valid UTF-8, else CP949
//      when that window decodes as CP949 without error (Korean sites are the
//      main source of legacy bytes here), else windows-1252.
// A page declared UTF-8 whose bytes are not UTF-8 but whose <meta> names
// another charset is decoded with the <meta> one (mislabelled servers). A page
// declared (by header or <meta>) in a single-byte charset (windows-125x,
// ISO-8859-x, KOI8) whose bytes are well-formed UTF-8 with at least one
// multibyte sequence is decoded as UTF-8 (source "sniffed"): sites moved to UTF-8
// keep old templates' labels, and Latin text is never such UTF-8 by chance.
//
// Labels are mapped as the WHATWG Encoding Standard does where it matters:
// euc-kr / ks_c_5601-1987 / cp949 all decode as CP949 (a superset real Korean
// sites rely on while labelling EUC-KR); latin1 / iso-8859-1 / ascii decode as
// windows-1252; shift_jis as CP932; gb2312 / gbk as GB18030; big5 as
// BIG5-HKSCS; a <meta> claiming UTF-16 means UTF-8. Unknown labels are ignored.
//
// Conversion uses glibc iconv. Invalid or truncated sequences become U+FFFD;
// decoding never fails and the output is always valid UTF-8 (UTF-8 input is
// validated and repaired too). Work is bounded by CharsetOptions::max_input_bytes.

#include <cstddef>
#include <string>
#include <string_view>

namespace hallyu {

struct CharsetOptions {
  std::size_t prescan_bytes = 4096;         // bytes searched for <meta> / <?xml encoding>
  std::size_t max_input_bytes = 32u << 20;  // bytes decoded; the rest is dropped (32 MiB)
};

enum class CharsetSource { kBom, kHeader, kMeta, kXmlDeclaration, kSniffed, kDefault };

// Stable lower-case name: "bom", "header", "meta", "xml", "sniffed", "default".
std::string_view CharsetSourceName(CharsetSource source);

struct CharsetGuess {
  std::string charset;  // canonical name, e.g. "utf-8", "euc-kr", "windows-1252"
  CharsetSource source = CharsetSource::kDefault;
};

struct DecodedText {
  std::string text;     // valid UTF-8
  std::string charset;  // canonical name of the charset decoded from
  CharsetSource source = CharsetSource::kDefault;
  std::size_t replacements = 0;  // U+FFFD inserted for invalid input
  bool truncated = false;        // input longer than max_input_bytes was cut
};

// The canonical (WHATWG-style) name for an encoding label, ASCII
// case-insensitive, surrounding whitespace and quotes ignored:
// "KS_C_5601-1987" -> "euc-kr", "Latin1" -> "windows-1252". "" when unknown.
std::string CanonicalCharset(std::string_view label);

// The charset parameter of a Content-Type value ("text/html; charset=EUC-KR"
// -> "EUC-KR"), raw; "" when absent.
std::string CharsetFromContentType(std::string_view content_type);

// The charset declared by <meta> (or an XML declaration) in the first
// `prescan_bytes` of `body`, raw label; "" when none. `*from_xml` (optional)
// tells which kind was found.
std::string CharsetFromMarkup(std::string_view body, std::size_t prescan_bytes,
                              bool* from_xml = nullptr);

// Decides the charset of `body` as described above. Never fails.
CharsetGuess DetectCharset(std::string_view body, std::string_view content_type,
                           const CharsetOptions& options = {});

// Detects the charset and decodes `body` to UTF-8 (BOM removed). Never fails.
DecodedText DecodeToUtf8(std::string_view body, std::string_view content_type,
                         const CharsetOptions& options = {});

// Decodes `bytes` from the charset named by `label` (any label
// CanonicalCharset knows; unknown -> windows-1252). Never fails.
DecodedText ConvertToUtf8(std::string_view bytes, std::string_view label,
                          const CharsetOptions& options = {});

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool IsValidUtf8(std::string_view s);

// True when `canonical` (a name DetectCharset returns) encodes ASCII as ASCII and never
// uses a byte below 0x30 inside a multibyte sequence, so markup ('<', '>', '"', '\'',
// '=', '/', '!', '-') can be found in the raw bytes: false for UTF-16 and ISO-2022-JP.
bool IsAsciiCompatibleCharset(std::string_view canonical);

// `s` with every ill-formed sequence replaced by U+FFFD (one per maximal
// invalid subpart, as the Unicode standard recommends). Adds the number of
// replacements to `*replacements` when given.
std::string RepairUtf8(std::string_view s, std::size_t* replacements = nullptr);

}  // namespace hallyu
