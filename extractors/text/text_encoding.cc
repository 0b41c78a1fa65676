#include "extractors/text/text_encoding.h"

#include "extractors/text/charset.h"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>

namespace hallyu {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsUtf8Name(std::string_view name) {
  std::string n = LowerAscii(name);
  return n == "utf-8" || n == "utf8";
}

// Canonical iconv name for a charset label.
std::string IconvName(std::string_view label) {
  std::string n = LowerAscii(label);
  if (n == "euc-kr" || n == "euckr" || n == "ks_c_5601-1987" || n == "ksc5601" ||
      n == "ks_c_5601" || n == "cp949" || n == "uhc" || n == "x-windows-949" ||
      n == "windows-949") {
    return "CP949";
  }
  if (n == "iso-8859-1" || n == "latin1" || n == "iso8859-1" || n == "us-ascii" || n == "ascii") {
    return "WINDOWS-1252";
  }
  return std::string(label);
}

// iconv conversion; strict fails on the first bad byte, lenient writes U+FFFD.
Result<std::string> Iconv(std::string_view bytes, const std::string& from, bool strict) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return Unsupported("unknown charset '" + from + "'");
  std::string out;
  out.reserve(bytes.size() * 3 / 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char buf[8192];
  while (in_left > 0) {
    char* o = buf;
    size_t o_left = sizeof buf;
    size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buf, static_cast<size_t>(o - buf));
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      if (strict) {
        iconv_close(cd);
        return ParseError("bytes are not " + from);
      }
      out.append("\xEF\xBF\xBD");  // EILSEQ or EINVAL (truncated tail): skip one byte
      ++in;
      --in_left;
    }
  }
  iconv_close(cd);
  return out;
}

// windows-1252 as the WHATWG Encoding Standard defines it, which is how browsers read
// every document labelled ISO-8859-1, latin1 or windows-1252: 0x80-0x9F are the
// typographic characters (curly quotes, dashes, the euro sign), and the five bytes
// Windows leaves undefined become the C1 controls of the same number. Every byte
// decodes, so one odd byte cannot make the whole feed fail and fall back elsewhere.
std::string DecodeWindows1252(std::string_view bytes) {
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
  };
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    const unsigned cp = (b >= 0x80 && b <= 0x9F) ? kHigh[b - 0x80] : b;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

}  // namespace

std::string XmlDeclaredEncoding(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 512));
  size_t start = head.find("<?xml");
  if (start == std::string_view::npos) return "";
  size_t end = head.find("?>", start);
  if (end == std::string_view::npos) return "";
  std::string_view decl = head.substr(start, end - start);
  size_t e = decl.find("encoding");
  if (e == std::string_view::npos) return "";
  size_t q = decl.find_first_of("\"'", e);
  if (q == std::string_view::npos) return "";
  size_t q2 = decl.find(decl[q], q + 1);
  if (q2 == std::string_view::npos) return "";
  return std::string(decl.substr(q + 1, q2 - q - 1));
}

Result<std::string> DecodeFeedBytes(std::string_view bytes, std::string_view hint,
                                    std::string_view declared) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return RepairUtf8(bytes.substr(3));
  if (bytes.starts_with("\xFF\xFE")) return Iconv(bytes.substr(2), "UTF-16LE", false);
  if (bytes.starts_with("\xFE\xFF")) return Iconv(bytes.substr(2), "UTF-16BE", false);
  if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("<\0?\0", 4)) {
    return Iconv(bytes, "UTF-16LE", false);
  }
  if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("\0<\0?", 4)) {
    return Iconv(bytes, "UTF-16BE", false);
  }
  if (IsValidUtf8(bytes)) return std::string(bytes);
  for (std::string_view label : {hint, declared}) {
    if (label.empty() || IsUtf8Name(label)) continue;
    if (CanonicalCharset(label) == "windows-1252") return DecodeWindows1252(bytes);
    Result<std::string> r = Iconv(bytes, IconvName(label), true);
    if (r.ok()) return r;
  }
  Result<std::string> korean = Iconv(bytes, "CP949", true);
  if (korean.ok()) return korean;
  return DecodeWindows1252(bytes);
}

}  // namespace hallyu
