#include "extractors/text_encoding.h"

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

// Length of the well-formed UTF-8 sequence at s[i], or 0.
size_t Utf8SeqLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
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

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SeqLen(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SeqLen(s, i);
    if (n == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

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

Result<std::string> ConvertToUtf8(std::string_view bytes, std::string_view hint,
                                  std::string_view declared) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return SanitizeUtf8(bytes.substr(3));
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
    Result<std::string> r = Iconv(bytes, IconvName(label), true);
    if (r.ok()) return r;
  }
  for (const char* fallback : {"CP949", "WINDOWS-1252"}) {
    Result<std::string> r = Iconv(bytes, fallback, true);
    if (r.ok()) return r;
  }
  return SanitizeUtf8(bytes);
}

}  // namespace hallyu
