#include "extractors/text/charset.h"

#include <errno.h>
#include <iconv.h>

#include <array>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace hallyu {
namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Finds `needle` (lower-case ASCII) in `hay`, ASCII case-insensitively.
std::size_t FindIgnoreCase(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && AsciiLower(hay[i + j]) == needle[j]) ++j;
    if (j == needle.size()) return i;
  }
  return std::string_view::npos;
}

struct Encoding {
  std::string_view name;   // canonical
  std::string_view iconv;  // glibc iconv name ("" = UTF-8 handled natively)
};

// label -> canonical encoding. Labels are lower-case.
struct Label {
  std::string_view label;
  std::string_view name;
};

constexpr std::array<Encoding, 29> kEncodings = {{
    {"utf-8", ""},
    {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
    {"euc-kr", "CP949"},
    {"shift_jis", "CP932"},
    {"euc-jp", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP"},
    {"gbk", "GB18030"},
    {"gb18030", "GB18030"},
    {"big5", "BIG5-HKSCS"},
    {"windows-1252", "CP1252"},
    {"windows-1250", "CP1250"},
    {"windows-1251", "CP1251"},
    {"windows-1253", "CP1253"},
    {"windows-1254", "CP1254"},
    {"windows-1255", "CP1255"},
    {"windows-1256", "CP1256"},
    {"windows-1257", "CP1257"},
    {"windows-1258", "CP1258"},
    {"windows-874", "CP874"},
    {"iso-8859-2", "ISO-8859-2"},
    {"iso-8859-4", "ISO-8859-4"},
    {"iso-8859-5", "ISO-8859-5"},
    {"iso-8859-7", "ISO-8859-7"},
    {"iso-8859-8", "ISO-8859-8"},
    {"iso-8859-15", "ISO-8859-15"},
    {"koi8-r", "KOI8-R"},
    {"koi8-u", "KOI8-U"},
    {"x-user-defined", "CP1252"},
}};

constexpr Label kLabels[] = {
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"},
    {"unicode", "utf-16le"},
    {"ucs-2", "utf-16le"},
    {"csunicode", "utf-16le"},
    {"iso-10646-ucs-2", "utf-16le"},
    {"unicodefeff", "utf-16le"},
    {"utf-16be", "utf-16be"},
    {"unicodefffe", "utf-16be"},
    {"euc-kr", "euc-kr"},
    {"euckr", "euc-kr"},
    {"cp949", "euc-kr"},
    {"uhc", "euc-kr"},
    {"ms949", "euc-kr"},
    {"windows-949", "euc-kr"},
    {"x-windows-949", "euc-kr"},
    {"ks_c_5601-1987", "euc-kr"},
    {"ks_c_5601-1989", "euc-kr"},
    {"ksc5601", "euc-kr"},
    {"ksc_5601", "euc-kr"},
    {"korean", "euc-kr"},
    {"csksc56011987", "euc-kr"},
    {"cseuckr", "euc-kr"},
    {"iso-ir-149", "euc-kr"},
    {"shift_jis", "shift_jis"},
    {"shift-jis", "shift_jis"},
    {"sjis", "shift_jis"},
    {"x-sjis", "shift_jis"},
    {"ms_kanji", "shift_jis"},
    {"csshiftjis", "shift_jis"},
    {"windows-31j", "shift_jis"},
    {"cp932", "shift_jis"},
    {"ms932", "shift_jis"},
    {"euc-jp", "euc-jp"},
    {"x-euc-jp", "euc-jp"},
    {"cseucpkdfmtjapanese", "euc-jp"},
    {"iso-2022-jp", "iso-2022-jp"},
    {"csiso2022jp", "iso-2022-jp"},
    {"gbk", "gbk"},
    {"x-gbk", "gbk"},
    {"gb2312", "gbk"},
    {"gb_2312", "gbk"},
    {"gb_2312-80", "gbk"},
    {"csgb2312", "gbk"},
    {"chinese", "gbk"},
    {"cp936", "gbk"},
    {"ms936", "gbk"},
    {"windows-936", "gbk"},
    {"iso-ir-58", "gbk"},
    {"csiso58gb231280", "gbk"},
    {"gb18030", "gb18030"},
    {"big5", "big5"},
    {"big5-hkscs", "big5"},
    {"cn-big5", "big5"},
    {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"windows-1252", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso88591", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"ascii", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"windows-1250", "windows-1250"},
    {"cp1250", "windows-1250"},
    {"windows-1251", "windows-1251"},
    {"cp1251", "windows-1251"},
    {"windows-1253", "windows-1253"},
    {"cp1253", "windows-1253"},
    {"windows-1254", "windows-1254"},
    {"cp1254", "windows-1254"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"windows-1255", "windows-1255"},
    {"windows-1256", "windows-1256"},
    {"windows-1257", "windows-1257"},
    {"windows-1258", "windows-1258"},
    {"windows-874", "windows-874"},
    {"tis-620", "windows-874"},
    {"iso-8859-11", "windows-874"},
    {"iso-8859-2", "iso-8859-2"},
    {"latin2", "iso-8859-2"},
    {"iso-8859-4", "iso-8859-4"},
    {"iso-8859-5", "iso-8859-5"},
    {"iso-8859-7", "iso-8859-7"},
    {"iso-8859-8", "iso-8859-8"},
    {"iso-8859-15", "iso-8859-15"},
    {"latin9", "iso-8859-15"},
    {"koi8-r", "koi8-r"},
    {"koi8", "koi8-r"},
    {"koi8-u", "koi8-u"},
};

std::string_view IconvName(std::string_view canonical) {
  for (const Encoding& e : kEncodings) {
    if (e.name == canonical) return e.iconv;
  }
  return "CP1252";
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at s[i], or 0 with *consumed set to
// the length of the maximal invalid subpart (>= 1).
std::size_t Utf8SequenceAt(std::string_view s, std::size_t i, std::size_t* consumed) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  *consumed = 1;
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) {
      *consumed = k;
      return 0;
    }
    unsigned char cc = b(i + k);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (cc < l || cc > h) {
      *consumed = k;
      return 0;
    }
  }
  return len;
}

// A UTF-8 converter from `from`, opened once per thread and charset
// (iconv_open loads a gconv module: far too slow to do per page). The shift
// state is reset on every lookup. Not shared across threads.
class IconvHandle {
 public:
  explicit IconvHandle(const char* from) {
    struct Cached {
      std::string name;
      iconv_t cd = reinterpret_cast<iconv_t>(-1);
      Cached() = default;
      Cached(const Cached&) = delete;
      Cached& operator=(const Cached&) = delete;
      ~Cached() {
        if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
      }
    };
    thread_local std::vector<std::unique_ptr<Cached>> cache;  // a handful of charsets at most
    for (const auto& c : cache) {
      if (c->name == from) {
        cd = c->cd;
        break;
      }
    }
    if (cd == reinterpret_cast<iconv_t>(-1)) {
      iconv_t opened = iconv_open("UTF-8", from);
      if (opened == reinterpret_cast<iconv_t>(-1)) return;
      if (cache.size() >= 16) cache.erase(cache.begin());
      auto entry = std::make_unique<Cached>();
      entry->name = from;
      entry->cd = opened;
      cache.push_back(std::move(entry));
      cd = opened;
    }
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
  iconv_t cd = reinterpret_cast<iconv_t>(-1);
};

// Converts with iconv, replacing each invalid byte (or truncated tail) by U+FFFD.
std::string IconvToUtf8(std::string_view in, const char* from, std::size_t* replacements,
                        bool* failed) {
  IconvHandle h(from);
  *failed = !h.ok();
  std::string out;
  if (!h.ok()) return out;
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t used = 0;
  while (src_left > 0) {
    char* dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    std::size_t rc = iconv(h.cd, &src, &src_left, &dst, &dst_left);
    const int err = errno;
    used = out.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (err == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ: skip one byte; EINVAL: a truncated sequence at the end.
    if (out.size() - used < 4) out.resize(out.size() + 64);
    std::memcpy(out.data() + used, kReplacement, 3);
    used += 3;
    ++*replacements;
    if (err == EINVAL) break;
    ++src;
    --src_left;
    iconv(h.cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state
  }
  // Flush any pending shift sequence.
  for (;;) {
    if (out.size() - used < 16) out.resize(out.size() + 16);
    char* dst = out.data() + used;
    std::size_t dst_left = out.size() - used;
    std::size_t rc = iconv(h.cd, nullptr, nullptr, &dst, &dst_left);
    used = out.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1) || errno != E2BIG) break;
  }
  out.resize(used);
  return out;
}

// True when the window decodes as CP949 with no invalid sequence (a truncated
// sequence at the very end of the window is tolerated: it was cut by us).
bool DecodesCleanly(std::string_view window, const char* from) {
  IconvHandle h(from);
  if (!h.ok()) return false;
  char buf[4096];
  char* src = const_cast<char*>(window.data());
  std::size_t left = window.size();
  while (left > 0) {
    char* dst = buf;
    std::size_t dst_left = sizeof buf;
    std::size_t rc = iconv(h.cd, &src, &left, &dst, &dst_left);
    if (rc != static_cast<std::size_t>(-1)) return true;
    if (errno == E2BIG) continue;
    return errno == EINVAL;
  }
  return true;
}

// A valid-UTF-8 check that tolerates a sequence cut at the end of the window.
bool WindowIsUtf8(std::string_view window) {
  std::size_t i = 0;
  while (i < window.size()) {
    std::size_t consumed;
    std::size_t len = Utf8SequenceAt(window, i, &consumed);
    if (len == 0) return i + consumed >= window.size() && window.size() - i < 4;
    i += len;
  }
  return true;
}

// True for the single-byte legacy charsets (windows-125x, ISO-8859-x, KOI8).
bool IsSingleByteCharset(std::string_view canonical) {
  return canonical.starts_with("windows-125") || canonical.starts_with("iso-8859-") ||
         canonical.starts_with("koi8-");
}

// Reads `s` as UTF-8 from its start. Returns the offset of the first byte that begins no
// well-formed sequence, or s.size() when all of `s` is well-formed; sets `*multibyte` to the
// number of multibyte sequences before that offset.
std::size_t WellFormedUtf8Prefix(std::string_view s, std::size_t* multibyte) {
  *multibyte = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    std::size_t consumed;
    const std::size_t len = Utf8SequenceAt(s, i, &consumed);
    if (len == 0) return i;
    if (len > 1) ++*multibyte;
    i += len;
  }
  return s.size();
}

// True when the first `max_bytes` of `body` are well-formed UTF-8 (a sequence cut at the
// limit allowed) holding at least `min_sequences` multibyte sequences.
bool HasManyMultibyteUtf8(std::string_view body, std::size_t max_bytes, std::size_t min_sequences) {
  const std::string_view s = body.substr(0, std::min(body.size(), max_bytes));
  std::size_t count = 0;
  const std::size_t i = WellFormedUtf8Prefix(s, &count);
  if (count < min_sequences) return false;
  return i == s.size() || (body.size() > s.size() && s.size() - i < 4);
}

// True when the first `max_bytes` of `body` are well-formed UTF-8 (a sequence cut at the
// limit allowed) holding at least one multibyte sequence.
bool HasMultibyteUtf8(std::string_view body, std::size_t max_bytes) {
  return HasManyMultibyteUtf8(body, max_bytes, 1);
}

std::string_view StripQuotes(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  return s;
}

// Reads the value after "charset" at `pos` in `s`: [ws] '=' [ws] [quote] token.
std::string ValueAfterKey(std::string_view s, std::size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) {
    ++pos;
  }
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r' ||
                            s[pos] == '"' || s[pos] == '\'')) {
    ++pos;
  }
  std::size_t start = pos;
  while (pos < s.size()) {
    char c = s[pos];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == ':' || c == '.';
    if (!ok) break;
    ++pos;
  }
  return std::string(s.substr(start, pos - start));
}

}  // namespace

std::string_view CharsetSourceName(CharsetSource source) {
  switch (source) {
    case CharsetSource::kBom:
      return "bom";
    case CharsetSource::kHeader:
      return "header";
    case CharsetSource::kMeta:
      return "meta";
    case CharsetSource::kXmlDeclaration:
      return "xml";
    case CharsetSource::kSniffed:
      return "sniffed";
    case CharsetSource::kDefault:
      return "default";
  }
  return "default";
}

std::string CanonicalCharset(std::string_view label) {
  label = StripQuotes(label);
  if (label.empty() || label.size() > 40) return "";
  std::string lower;
  for (char c : label) lower.push_back(AsciiLower(c));
  for (const Label& l : kLabels) {
    if (l.label == lower) return std::string(l.name);
  }
  return "";
}

std::string CharsetFromContentType(std::string_view content_type) {
  std::size_t pos = FindIgnoreCase(content_type, "charset");
  while (pos != std::string_view::npos) {
    // Must be a parameter name: preceded by ';' or whitespace.
    std::size_t k = pos;
    while (k > 0 && (content_type[k - 1] == ' ' || content_type[k - 1] == '\t')) --k;
    if (k > 0 && content_type[k - 1] == ';') {
      return ValueAfterKey(content_type, pos + 7);
    }
    pos = FindIgnoreCase(content_type, "charset", pos + 7);
  }
  return "";
}

std::string CharsetFromMarkup(std::string_view body, std::size_t prescan_bytes, bool* from_xml) {
  if (from_xml != nullptr) *from_xml = false;
  std::string_view window = body.substr(0, std::min(body.size(), prescan_bytes));
  // XML declaration (only at the very start).
  if (window.substr(0, 5) == "<?xml") {
    std::size_t end = window.find("?>");
    std::string_view decl = window.substr(0, end);
    std::size_t enc = FindIgnoreCase(decl, "encoding");
    if (enc != std::string_view::npos) {
      std::string v = ValueAfterKey(decl, enc + 8);
      if (!v.empty()) {
        if (from_xml != nullptr) *from_xml = true;
        return v;
      }
    }
  }
  std::size_t pos = 0;
  while (pos < window.size()) {
    std::size_t lt = window.find('<', pos);
    if (lt == std::string_view::npos) break;
    if (window.substr(lt, 4) == "<!--") {
      std::size_t end = window.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    std::size_t gt = window.find('>', lt);
    if (gt == std::string_view::npos) break;
    std::string_view tag = window.substr(lt, gt - lt);
    pos = gt + 1;
    if (tag.size() < 6 || FindIgnoreCase(tag.substr(0, 6), "<meta") != 0) continue;
    char after = tag[5];
    if (after != ' ' && after != '\t' && after != '\n' && after != '\r' && after != '/') continue;
    std::size_t cs = FindIgnoreCase(tag, "charset");
    while (cs != std::string_view::npos) {
      std::string v = ValueAfterKey(tag, cs + 7);
      if (!v.empty()) return v;
      cs = FindIgnoreCase(tag, "charset", cs + 7);
    }
  }
  return "";
}

CharsetGuess DetectCharset(std::string_view body, std::string_view content_type,
                           const CharsetOptions& options) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") return {"utf-8", CharsetSource::kBom};
  if (body.substr(0, 2) == "\xFF\xFE") return {"utf-16le", CharsetSource::kBom};
  if (body.substr(0, 2) == "\xFE\xFF") return {"utf-16be", CharsetSource::kBom};

  std::string_view window = body.substr(0, std::min(body.size(), options.prescan_bytes));
  bool from_xml = false;
  std::string markup = CanonicalCharset(CharsetFromMarkup(body, options.prescan_bytes, &from_xml));
  // A document cannot declare itself UTF-16 in ASCII-compatible markup.
  if (markup == "utf-16le" || markup == "utf-16be") markup = "utf-8";
  CharsetSource markup_source = from_xml ? CharsetSource::kXmlDeclaration : CharsetSource::kMeta;

  std::string header = CanonicalCharset(CharsetFromContentType(content_type));
  // A single-byte label on bytes that are UTF-8 (a site moved to UTF-8 that kept its old
  // template's <meta>, a server's default ISO-8859-1): Latin text is never well-formed UTF-8
  // with multibyte sequences by chance (every byte above 0x7F would have to pair as "Ã©").
  const std::string& declared = header.empty() ? markup : header;
  if (IsSingleByteCharset(declared) && HasMultibyteUtf8(body, options.max_input_bytes)) {
    return {"utf-8", CharsetSource::kSniffed};
  }
  // The same under a multibyte label (a GB2312 or EUC-KR template's <meta> on a page saved
  // or served as UTF-8). A few CJK characters in those encodings can read as UTF-8 by
  // chance, a whole page with dozens of them cannot, so this needs kMinCjkSequences.
  constexpr std::size_t kMinCjkSequences = 32;
  if (!declared.empty() && declared != "utf-8" && IsAsciiCompatibleCharset(declared) &&
      !IsSingleByteCharset(declared) &&
      HasManyMultibyteUtf8(body, options.max_input_bytes, kMinCjkSequences)) {
    return {"utf-8", CharsetSource::kSniffed};
  }
  if (!header.empty()) {
    // Mislabelled server: says UTF-8, bytes are not, the page says otherwise.
    if (header == "utf-8" && !markup.empty() && markup != "utf-8" && !WindowIsUtf8(window)) {
      return {markup, markup_source};
    }
    return {header, CharsetSource::kHeader};
  }
  if (!markup.empty()) return {markup, markup_source};
  if (WindowIsUtf8(window)) return {"utf-8", CharsetSource::kDefault};
  if (DecodesCleanly(window, "CP949")) return {"euc-kr", CharsetSource::kSniffed};
  return {"windows-1252", CharsetSource::kDefault};
}

bool IsAsciiCompatibleCharset(std::string_view canonical) {
  return canonical != "utf-16le" && canonical != "utf-16be" && canonical != "iso-2022-jp";
}

bool IsValidUtf8(std::string_view s) {
  std::size_t multibyte = 0;
  return WellFormedUtf8Prefix(s, &multibyte) == s.size();
}

std::string RepairUtf8(std::string_view s, std::size_t* replacements) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t consumed;
    std::size_t len = Utf8SequenceAt(s, i, &consumed);
    if (len == 0) {
      out.append(kReplacement);
      if (replacements != nullptr) ++*replacements;
      i += consumed;
    } else {
      out.append(s.data() + i, len);
      i += len;
    }
  }
  return out;
}

DecodedText ConvertToUtf8(std::string_view bytes, std::string_view label,
                          const CharsetOptions& options) {
  DecodedText out;
  out.charset = CanonicalCharset(label);
  if (out.charset.empty()) out.charset = "windows-1252";
  if (bytes.size() > options.max_input_bytes) {
    bytes = bytes.substr(0, options.max_input_bytes);
    out.truncated = true;
  }
  // Drop a BOM that matches the charset.
  if (out.charset == "utf-8" && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (out.charset == "utf-16le" && bytes.substr(0, 2) == "\xFF\xFE") bytes.remove_prefix(2);
  if (out.charset == "utf-16be" && bytes.substr(0, 2) == "\xFE\xFF") bytes.remove_prefix(2);

  if (out.charset == "utf-8") {
    if (IsValidUtf8(bytes)) {
      out.text.assign(bytes);
    } else {
      out.text = RepairUtf8(bytes, &out.replacements);
    }
    return out;
  }
  bool ascii = true;
  bool ascii_compatible = IsAsciiCompatibleCharset(out.charset);
  if (ascii_compatible) {
    for (char c : bytes) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      out.text.assign(bytes);
      return out;
    }
  }
  bool failed = false;
  std::string iconv_name(IconvName(out.charset));
  out.text = IconvToUtf8(bytes, iconv_name.c_str(), &out.replacements, &failed);
  if (failed) {
    // iconv lacks the converter (should not happen with glibc): keep what is UTF-8.
    out.text = RepairUtf8(bytes, &out.replacements);
  } else if (!IsValidUtf8(out.text)) {
    out.text = RepairUtf8(out.text, &out.replacements);  // belt and braces
  }
  return out;
}

DecodedText DecodeToUtf8(std::string_view body, std::string_view content_type,
                         const CharsetOptions& options) {
  CharsetGuess guess = DetectCharset(body, content_type, options);
  DecodedText out = ConvertToUtf8(body, guess.charset, options);
  out.source = guess.source;
  return out;
}

}  // namespace hallyu
