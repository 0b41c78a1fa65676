#include "extractors/url/whatwg_url.h"

#include <idn2.h>

#include <array>
#include <cstring>
#include <utility>

namespace hallyu {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;
constexpr char kHexDigits[] = "0123456789ABCDEF";

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The standard's percent-encode sets, each a superset of the one before it (except
// fragment, which only shares the C0 control set).
enum EncodeSet : std::uint8_t {
  kFragmentSet = 1,
  kSpecialQuerySet = 2,
  kPathSet = 4,
  kUserinfoSet = 8,
  kC0ControlSet = 16,  // opaque paths and opaque hosts of non-special URLs
  kQuerySet = 32,      // the query of a non-special URL (no '\'')
};

constexpr std::array<std::uint8_t, 256> MakeEncodeTable() {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    const bool c0 = c < 0x20 || c > 0x7E;  // C0 control percent-encode set
    const bool fragment = c0 || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
    const bool query = c0 || c == ' ' || c == '"' || c == '#' || c == '<' || c == '>';
    const bool special_query = query || c == '\'';
    const bool path = query || c == '?' || c == '`' || c == '{' || c == '}';
    const bool userinfo = path || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' ||
                          (c >= '[' && c <= '^') || c == '|';
    table[c] = static_cast<std::uint8_t>((fragment ? kFragmentSet : 0) |
                                         (special_query ? kSpecialQuerySet : 0) |
                                         (path ? kPathSet : 0) | (userinfo ? kUserinfoSet : 0) |
                                         (c0 ? kC0ControlSet : 0) | (query ? kQuerySet : 0));
  }
  return table;
}
constexpr std::array<std::uint8_t, 256> kEncodeTable = MakeEncodeTable();

void AppendEncoded(std::string& out, std::string_view in, EncodeSet set) {
  for (char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if ((kEncodeTable[c] & set) != 0) {
      out.push_back('%');
      out.push_back(kHexDigits[c >> 4]);
      out.push_back(kHexDigits[c & 0xF]);
    } else {
      out.push_back(ch);
    }
  }
}

bool IsSpecialScheme(std::string_view s) {
  return s == "http" || s == "https" || s == "ws" || s == "wss" || s == "ftp";
}

int DefaultPort(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") return 80;
  if (scheme == "https" || scheme == "wss") return 443;
  if (scheme == "ftp") return 21;
  return -1;
}

// Strips leading/trailing C0 controls and spaces and removes every tab and newline.
// Returns a view of `raw` when nothing is removed from its inside, else of `scratch`.
std::string_view Preprocess(std::string_view raw, std::string& scratch) {
  std::size_t b = 0;
  std::size_t e = raw.size();
  while (b < e && static_cast<unsigned char>(raw[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(raw[e - 1]) <= 0x20) --e;
  std::string_view trimmed = raw.substr(b, e - b);
  if (trimmed.find_first_of("\t\n\r") == kNpos) return trimmed;
  scratch.reserve(trimmed.size());
  for (char c : trimmed) {
    if (c != '\t' && c != '\n' && c != '\r') scratch.push_back(c);
  }
  return scratch;
}

bool IsSingleDotSegment(std::string_view s) {
  return s == "." || (s.size() == 3 && s[0] == '%' && s[1] == '2' && AsciiLower(s[2]) == 'e');
}

bool IsDoubleDotSegment(std::string_view s) {
  if (s == "..") return true;
  auto dot_at = [&](std::size_t i, std::size_t* next) {
    if (i < s.size() && s[i] == '.') {
      *next = i + 1;
      return true;
    }
    if (i + 2 < s.size() + 0 && s[i] == '%' && s[i + 1] == '2' && AsciiLower(s[i + 2]) == 'e') {
      *next = i + 3;
      return true;
    }
    return false;
  };
  std::size_t next = 0;
  if (!dot_at(0, &next)) return false;
  std::size_t end = 0;
  return dot_at(next, &end) && end == s.size();
}

void ShortenPath(std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash != std::string::npos) path.erase(slash);
}

// ---- hosts ----

// An IPv4 number ("0x1F", "017", "255", "" after a prefix) into *out. Values are
// saturated at 2^40 so that overflow cannot wrap around.
bool ParseIpv4Number(std::string_view s, std::uint64_t* out) {
  if (s.empty()) return false;
  int radix = 10;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    radix = 16;
    s.remove_prefix(2);
  } else if (s.size() >= 2 && s[0] == '0') {
    radix = 8;
    s.remove_prefix(1);
  }
  std::uint64_t value = 0;
  for (char c : s) {
    int d = HexDigitValue(c);
    if (d < 0 || d >= radix) return false;
    value = value * static_cast<std::uint64_t>(radix) + static_cast<std::uint64_t>(d);
    if (value > (std::uint64_t{1} << 40)) value = std::uint64_t{1} << 40;
  }
  *out = value;
  return true;
}

// The standard's "ends in a number" test on an ASCII domain.
bool EndsInANumber(std::string_view domain) {
  if (!domain.empty() && domain.back() == '.') {
    if (domain.size() == 1) return false;
    domain.remove_suffix(1);
  }
  std::size_t dot = domain.rfind('.');
  std::string_view last = dot == kNpos ? domain : domain.substr(dot + 1);
  if (last.empty()) return false;
  bool all_digits = true;
  for (char c : last) all_digits = all_digits && IsAsciiDigit(c);
  if (all_digits) return true;
  std::uint64_t ignored = 0;
  return ParseIpv4Number(last, &ignored);
}

Result<std::string> ParseIpv4(std::string_view domain) {
  std::array<std::uint64_t, 4> numbers{};
  std::size_t count = 0;
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  std::size_t pos = 0;
  while (true) {
    std::size_t dot = domain.find('.', pos);
    std::string_view part = domain.substr(pos, dot == kNpos ? kNpos : dot - pos);
    if (count == 4) return InvalidArgument("url: IPv4 address with more than four parts");
    if (!ParseIpv4Number(part, &numbers[count])) {
      return InvalidArgument("url: bad number in IPv4 address");
    }
    ++count;
    if (dot == kNpos) break;
    pos = dot + 1;
  }
  for (std::size_t i = 0; i + 1 < count; ++i) {
    if (numbers[i] > 255) return InvalidArgument("url: IPv4 part over 255");
  }
  if (numbers[count - 1] >= (std::uint64_t{1} << (8 * (5 - count)))) {
    return InvalidArgument("url: IPv4 address out of range");
  }
  std::uint64_t address = numbers[count - 1];
  for (std::size_t i = 0; i + 1 < count; ++i) address += numbers[i] << (8 * (3 - i));
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    out += std::to_string((address >> shift) & 0xFF);
    if (shift != 0) out.push_back('.');
  }
  return out;
}

Result<std::string> ParseIpv6(std::string_view in) {
  std::array<std::uint16_t, 8> address{};
  int piece = 0;
  int compress = -1;
  std::size_t p = 0;
  const std::size_t n = in.size();
  auto fail = [](const char* why) { return InvalidArgument(std::string("url: IPv6 ") + why); };
  if (p < n && in[p] == ':') {
    if (p + 1 >= n || in[p + 1] != ':') return fail("address starts with a single ':'");
    p += 2;
    ++piece;
    compress = piece;
  }
  while (p < n) {
    if (piece == 8) return fail("address has more than eight pieces");
    if (in[p] == ':') {
      if (compress != -1) return fail("address has two '::'");
      ++p;
      ++piece;
      compress = piece;
      continue;
    }
    unsigned value = 0;
    int length = 0;
    while (length < 4 && p < n && HexDigitValue(in[p]) >= 0) {
      value = value * 16 + static_cast<unsigned>(HexDigitValue(in[p]));
      ++p;
      ++length;
    }
    if (p < n && in[p] == '.') {
      if (length == 0) return fail("IPv4 part starts with '.'");
      p -= static_cast<std::size_t>(length);
      if (piece > 6) return fail("IPv4 part comes too late");
      int numbers_seen = 0;
      while (p < n) {
        int ipv4_piece = -1;
        if (numbers_seen > 0) {
          if (in[p] == '.' && numbers_seen < 4) {
            ++p;
          } else {
            return fail("bad IPv4 part");
          }
        }
        if (p >= n || !IsAsciiDigit(in[p])) return fail("bad IPv4 part");
        while (p < n && IsAsciiDigit(in[p])) {
          int number = in[p] - '0';
          if (ipv4_piece == -1) {
            ipv4_piece = number;
          } else if (ipv4_piece == 0) {
            return fail("IPv4 part with a leading zero");
          } else {
            ipv4_piece = ipv4_piece * 10 + number;
          }
          if (ipv4_piece > 255) return fail("IPv4 part over 255");
          ++p;
        }
        address[piece] = static_cast<std::uint16_t>(address[piece] * 0x100 + ipv4_piece);
        ++numbers_seen;
        if (numbers_seen == 2 || numbers_seen == 4) ++piece;
      }
      if (numbers_seen != 4) return fail("IPv4 part with fewer than four numbers");
      break;
    }
    if (p < n && in[p] == ':') {
      ++p;
      if (p >= n) return fail("address ends with ':'");
    } else if (p < n) {
      return fail("address has a bad character");
    }
    address[piece] = static_cast<std::uint16_t>(value);
    ++piece;
  }
  if (compress != -1) {
    int swaps = piece - compress;
    piece = 7;
    while (piece != 0 && swaps > 0) {
      std::swap(address[piece], address[compress + swaps - 1]);
      --piece;
      --swaps;
    }
  } else if (piece != 8) {
    return fail("address has fewer than eight pieces");
  }
  // Serialise: the first longest run of two or more zero pieces becomes "::".
  int best_start = -1;
  int best_len = 1;
  for (int i = 0; i < 8;) {
    if (address[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && address[j] == 0) ++j;
    if (j - i > best_len) {
      best_start = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out = "[";
  static constexpr char kLowerHex[] = "0123456789abcdef";
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += (i == 0) ? "::" : ":";
      i += best_len - 1;
      continue;
    }
    unsigned v = address[i];
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      unsigned d = (v >> shift) & 0xF;
      if (d != 0 || started || shift == 0) {
        out.push_back(kLowerHex[d]);
        started = true;
      }
    }
    if (i != 7) out.push_back(':');
  }
  out.push_back(']');
  return out;
}

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

bool IsForbiddenDomainCodePoint(unsigned char c) {
  if (c <= 0x20 || c == 0x7F) return true;
  return std::strchr("#%/:<>?@[\\]^|", c) != nullptr && c != 0;
}

// True when `s` holds a character that UTS #46 transitional processing maps differently
// from non-transitional processing (sharp s, final sigma, ZWNJ, ZWJ).
bool HasDeviationCharacter(std::string_view s) {
  return s.find("\xC3\x9F") != kNpos || s.find("\xCF\x82") != kNpos ||
         s.find("\xE2\x80\x8C") != kNpos || s.find("\xE2\x80\x8D") != kNpos;
}

// UTS #46 mapping and punycode of one run of non-ASCII text between ASCII dots (libidn2,
// non-transitional). libidn2 also applies IDNA2008's stricter repertoire, which the URL
// Standard does not ("\u2603" is a valid host there): when that refusal is the only
// problem, transitional processing gives the same answer for text without deviation
// characters, so it is asked instead.
Result<std::string> MapNonAsciiLabels(std::string_view text) {
  if (!IsValidUtf8(text)) return InvalidArgument("url: host is not UTF-8");
  std::string text_z(text);
  char* mapped = nullptr;
  int rc =
      idn2_lookup_u8(reinterpret_cast<const uint8_t*>(text_z.c_str()),
                     reinterpret_cast<uint8_t**>(&mapped), IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
  if (rc == IDN2_DISALLOWED && !HasDeviationCharacter(text)) {
    idn2_free(mapped);
    mapped = nullptr;
    rc = idn2_lookup_u8(reinterpret_cast<const uint8_t*>(text_z.c_str()),
                        reinterpret_cast<uint8_t**>(&mapped), IDN2_TRANSITIONAL | IDN2_NFC_INPUT);
  }
  if (rc != IDN2_OK) {
    idn2_free(mapped);
    return InvalidArgument(std::string("url: bad international host name: ") + idn2_strerror(rc));
  }
  std::string out(mapped);
  idn2_free(mapped);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// A label starting with "xn--" must be valid punycode of a label that maps back to it.
Status CheckPunycodeLabel(std::string_view label) {
  std::string label_z(label);
  char* decoded = nullptr;
  int rc = idn2_to_unicode_8z8z(label_z.c_str(), &decoded, 0);
  Status status = InvalidArgument("url: bad punycode label in host");
  if (rc == IDN2_OK) {
    auto again = MapNonAsciiLabels(decoded);
    if (again.ok() && *again == label_z) status = Status::Ok();
  }
  idn2_free(decoded);
  return status;
}

// UTS #46 ToASCII of a domain (already percent-decoded), label by label: ASCII labels
// are lower-cased (and an "xn--" label checked), non-ASCII ones mapped by libidn2. Doing
// it per label keeps ASCII labels free of IDNA2008's hyphen rules, which the URL
// Standard does not apply.
Result<std::string> DomainToAscii(std::string_view domain) {
  std::string out;
  out.reserve(domain.size());
  std::size_t pos = 0;
  while (pos <= domain.size()) {
    std::size_t dot = domain.find('.', pos);
    if (dot == kNpos) dot = domain.size();
    std::string_view label = domain.substr(pos, dot - pos);
    bool ascii = true;
    for (char c : label) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
      const std::size_t start = out.size();
      for (char c : label) out.push_back(AsciiLower(c));
      if (label.size() >= 4 && std::string_view(out).substr(start, 4) == "xn--") {
        HALLYU_RETURN_IF_ERROR(CheckPunycodeLabel(std::string_view(out).substr(start)));
      }
    } else {
      auto mapped = MapNonAsciiLabels(label);
      if (!mapped.ok()) return mapped.status();
      out.append(*mapped);
    }
    if (dot < domain.size()) out.push_back('.');
    pos = dot + 1;
  }
  return out;
}

std::string PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() + 0 && HexDigitValue(in[i + 1]) >= 0 &&
        HexDigitValue(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexDigitValue(in[i + 1]) * 16 + HexDigitValue(in[i + 2])));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

}  // namespace

Result<std::string> ParseWhatwgHost(std::string_view input) {
  if (!input.empty() && input.front() == '[') {
    if (input.size() < 2 || input.back() != ']') return InvalidArgument("url: unclosed '['");
    return ParseIpv6(input.substr(1, input.size() - 2));
  }
  std::string decoded;
  std::string_view domain = input;
  if (input.find('%') != kNpos) {
    decoded = PercentDecode(input);
    domain = decoded;
  }
  auto ascii = DomainToAscii(domain);
  if (!ascii.ok()) return ascii.status();
  if (ascii->empty()) return InvalidArgument("url: empty host");
  for (char c : *ascii) {
    if (IsForbiddenDomainCodePoint(static_cast<unsigned char>(c))) {
      return InvalidArgument("url: forbidden character in host");
    }
  }
  if (EndsInANumber(*ascii)) return ParseIpv4(*ascii);
  return ascii;
}

int WhatwgUrl::EffectivePort() const { return port >= 0 ? port : DefaultPort(scheme); }

std::string WhatwgUrl::Href(bool with_fragment) const {
  std::string out;
  out.reserve(scheme.size() + host.size() + path.size() + 16 + (query ? query->size() : 0));
  out.append(scheme).push_back(':');
  if (has_host) {
    out.append("//");
    if (!username.empty() || !password.empty()) {
      out.append(username);
      if (!password.empty()) out.append(":").append(password);
      out.push_back('@');
    }
    out.append(host);
    if (port >= 0) out.append(":").append(std::to_string(port));
  } else if (!opaque_path && path.size() > 1 && path[0] == '/' && path[1] == '/') {
    out.append("/.");  // keeps a path starting with an empty segment from reading as a host
  }
  out.append(path);
  if (query) out.append("?").append(*query);
  if (with_fragment && fragment) out.append("#").append(*fragment);
  return out;
}

namespace {

// Authority state: the last '@' of `auth` ends the user info, which goes (percent-encoded)
// into url's username and password; `auth` keeps the host and port. Fails when nothing
// follows the '@'.
Status TakeUserinfo(std::string_view* auth, WhatwgUrl* url) {
  const std::size_t at = auth->rfind('@');
  if (at == kNpos) return Status::Ok();
  std::string_view userinfo = auth->substr(0, at);
  const std::size_t sep = userinfo.find(':');
  AppendEncoded(url->username, userinfo.substr(0, sep), kUserinfoSet);
  if (sep != kNpos) AppendEncoded(url->password, userinfo.substr(sep + 1), kUserinfoSet);
  auth->remove_prefix(at + 1);
  if (auth->empty()) return InvalidArgument("url: user info without a host");
  return Status::Ok();
}

// Host state: the first ':' outside brackets starts the port; kNpos when there is none.
std::size_t PortColon(std::string_view auth) {
  bool in_brackets = false;
  for (std::size_t i = 0; i < auth.size(); ++i) {
    if (auth[i] == '[') in_brackets = true;
    if (auth[i] == ']') in_brackets = false;
    if (auth[i] == ':' && !in_brackets) return i;
  }
  return kNpos;
}

// A forbidden host code point (the opaque host of a non-special URL may hold '%').
bool IsForbiddenHostCodePoint(unsigned char c) {
  return c == 0 || c == '\t' || c == '\n' || c == '\r' || c == ' ' ||
         std::strchr("#/:<>?@[\\]^|", c) != nullptr;
}

// The URL Standard's parser from the scheme state on, for an absolute URL of a non-special
// scheme: "scheme://host/path" (an opaque host, any port), "scheme:/path" (no host) or
// "scheme:text" (an opaque path, kept as written but for C0 controls and non-ASCII).
// `in` is preprocessed; `p` is just after the ':'.
Result<WhatwgUrl> ParseNonSpecial(std::string_view in, std::size_t p, std::string scheme) {
  const std::size_t n = in.size();
  WhatwgUrl url;
  url.scheme = std::move(scheme);
  url.special = false;
  url.has_host = false;
  bool list_path = false;
  if (p + 1 < n && in[p] == '/' && in[p + 1] == '/') {
    p += 2;
    url.has_host = true;
    std::size_t end = p;
    while (end < n && in[end] != '/' && in[end] != '?' && in[end] != '#') ++end;
    std::string_view auth = in.substr(p, end - p);
    if (Status st = TakeUserinfo(&auth, &url); !st.ok()) return st;
    const std::size_t port_colon = PortColon(auth);
    std::string_view host_text = auth.substr(0, port_colon);
    if (host_text.empty() && port_colon != kNpos) return InvalidArgument("url: empty host");
    if (!host_text.empty() && host_text.front() == '[') {
      auto host = ParseWhatwgHost(host_text);
      if (!host.ok()) return host.status();
      url.host = std::move(*host);
    } else {
      for (char c : host_text) {
        if (IsForbiddenHostCodePoint(static_cast<unsigned char>(c))) {
          return InvalidArgument("url: forbidden character in host");
        }
      }
      AppendEncoded(url.host, host_text, kC0ControlSet);
    }
    if (port_colon != kNpos) {
      std::string_view digits = auth.substr(port_colon + 1);
      std::uint32_t port = 0;
      for (char c : digits) {
        if (!IsAsciiDigit(c)) return InvalidArgument("url: port is not a number");
        port = port * 10 + static_cast<std::uint32_t>(c - '0');
        if (port > 65535) return InvalidArgument("url: port over 65535");
      }
      if (!digits.empty()) url.port = static_cast<int>(port);
    }
    p = end;
    list_path = p < n && in[p] == '/';
  } else if (p < n && in[p] == '/') {
    list_path = true;
  } else {
    url.opaque_path = true;
    std::size_t stop = p;
    while (stop < n && in[stop] != '?' && in[stop] != '#') ++stop;
    AppendEncoded(url.path, in.substr(p, stop - p), kC0ControlSet);
    p = stop;
  }
  if (list_path) {
    ++p;  // the slash before the first segment
    std::string segment;
    while (true) {
      segment.clear();
      std::size_t stop = p;
      while (stop < n && in[stop] != '/' && in[stop] != '?' && in[stop] != '#') ++stop;
      AppendEncoded(segment, in.substr(p, stop - p), kPathSet);
      const bool at_slash = stop < n && in[stop] == '/';
      if (IsDoubleDotSegment(segment)) {
        ShortenPath(url.path);
        if (!at_slash) url.path.push_back('/');
      } else if (IsSingleDotSegment(segment)) {
        if (!at_slash) url.path.push_back('/');
      } else {
        url.path.push_back('/');
        url.path.append(segment);
      }
      p = stop;
      if (!at_slash) break;
      ++p;
    }
  }
  if (p < n && in[p] == '?') {
    std::size_t hash = in.find('#', p + 1);
    std::string query;
    AppendEncoded(query, in.substr(p + 1, hash == kNpos ? kNpos : hash - p - 1), kQuerySet);
    url.query = std::move(query);
    p = hash == kNpos ? n : hash;
  }
  if (p < n && in[p] == '#') {
    std::string fragment;
    AppendEncoded(fragment, in.substr(p + 1), kFragmentSet);
    url.fragment = std::move(fragment);
  }
  return url;
}

}  // namespace

Result<WhatwgUrl> ParseWhatwgUrl(std::string_view raw, const WhatwgUrl* base,
                                 WhatwgSchemes schemes) {
  std::string scratch;
  const std::string_view in = Preprocess(raw, scratch);
  const std::size_t n = in.size();
  std::size_t p = 0;
  WhatwgUrl url;

  // Scheme start and scheme states.
  std::size_t colon = kNpos;
  if (n > 0 && IsAsciiAlpha(in[0])) {
    std::size_t i = 1;
    while (i < n && (IsAsciiAlpha(in[i]) || IsAsciiDigit(in[i]) || in[i] == '+' || in[i] == '-' ||
                     in[i] == '.')) {
      ++i;
    }
    if (i < n && in[i] == ':') colon = i;
  }
  bool authority = false;
  if (colon != kNpos) {
    for (std::size_t i = 0; i < colon; ++i) url.scheme.push_back(AsciiLower(in[i]));
    if (!IsSpecialScheme(url.scheme)) {
      // "file:" is special in the standard, with states of its own this parser lacks.
      if (schemes == WhatwgSchemes::kAll && url.scheme != "file") {
        return ParseNonSpecial(in, colon + 1, url.scheme);
      }
      return Unsupported("url: scheme \"" + url.scheme.substr(0, 32) +
                         "\" is not parsed (only http, https, ws, wss, ftp)");
    }
    p = colon + 1;
    if (base != nullptr && base->scheme == url.scheme) {
      // Special relative or authority state: only a literal "//" starts an authority.
      if (p + 1 < n && in[p] == '/' && in[p + 1] == '/') {
        p += 2;
        authority = true;
      }
    } else {
      authority = true;  // special authority slashes, then ignore slashes
    }
  } else {
    if (base == nullptr) return InvalidArgument("url: relative reference without a base");
    if (!base->special) {
      return Unsupported("url: a reference relative to a non-special base is not parsed");
    }
    url.scheme = base->scheme;
  }

  enum class Next { kPath, kQuery, kFragment, kDone };
  Next next = Next::kPath;
  if (!authority) {
    // Relative state.
    const char c = p < n ? in[p] : '\0';
    if (p < n && (c == '/' || c == '\\')) {
      ++p;  // relative slash state
      if (p < n && (in[p] == '/' || in[p] == '\\')) {
        ++p;
        authority = true;
      } else {
        url.username = base->username;
        url.password = base->password;
        url.host = base->host;
        url.port = base->port;
      }
    } else {
      url.username = base->username;
      url.password = base->password;
      url.host = base->host;
      url.port = base->port;
      url.path = base->path;
      url.query = base->query;
      if (p >= n) {
        next = Next::kDone;
      } else if (c == '?') {
        ++p;
        next = Next::kQuery;
      } else if (c == '#') {
        ++p;
        next = Next::kFragment;
      } else {
        url.query.reset();
        ShortenPath(url.path);
      }
    }
  }

  if (authority) {
    // Special authority ignore slashes state.
    while (p < n && (in[p] == '/' || in[p] == '\\')) ++p;
    // Authority state: the last '@' before the end of the authority ends the user info.
    std::size_t end = p;
    while (end < n && in[end] != '/' && in[end] != '\\' && in[end] != '?' && in[end] != '#') {
      ++end;
    }
    std::string_view auth = in.substr(p, end - p);
    if (Status st = TakeUserinfo(&auth, &url); !st.ok()) return st;
    // Host state: a ':' outside brackets starts the port.
    const std::size_t port_colon = PortColon(auth);
    std::string_view host_text = auth.substr(0, port_colon);
    if (host_text.empty()) return InvalidArgument("url: empty host");
    auto host = ParseWhatwgHost(host_text);
    if (!host.ok()) return host.status();
    url.host = std::move(*host);
    if (port_colon != kNpos) {
      std::string_view digits = auth.substr(port_colon + 1);
      std::uint32_t port = 0;
      for (char c : digits) {
        if (!IsAsciiDigit(c)) return InvalidArgument("url: port is not a number");
        port = port * 10 + static_cast<std::uint32_t>(c - '0');
        if (port > 65535) return InvalidArgument("url: port over 65535");
      }
      if (!digits.empty() && static_cast<int>(port) != DefaultPort(url.scheme)) {
        url.port = static_cast<int>(port);
      }
    }
    p = end;
    // Path start state: one leading slash belongs to the path.
    if (p < n && (in[p] == '/' || in[p] == '\\')) ++p;
    next = Next::kPath;
  }

  if (next == Next::kPath) {
    std::string segment;
    while (true) {
      segment.clear();
      std::size_t stop = p;
      while (stop < n && in[stop] != '/' && in[stop] != '\\' && in[stop] != '?' &&
             in[stop] != '#') {
        ++stop;
      }
      AppendEncoded(segment, in.substr(p, stop - p), kPathSet);
      const bool at_slash = stop < n && (in[stop] == '/' || in[stop] == '\\');
      if (IsDoubleDotSegment(segment)) {
        ShortenPath(url.path);
        if (!at_slash) url.path.push_back('/');
      } else if (IsSingleDotSegment(segment)) {
        if (!at_slash) url.path.push_back('/');
      } else {
        url.path.push_back('/');
        url.path.append(segment);
      }
      p = stop;
      if (p >= n) {
        next = Next::kDone;
        break;
      }
      const char c = in[p++];
      if (c == '?') {
        next = Next::kQuery;
        break;
      }
      if (c == '#') {
        next = Next::kFragment;
        break;
      }
    }
  }
  if (next == Next::kQuery) {
    std::size_t hash = in.find('#', p);
    std::string query;
    AppendEncoded(query, in.substr(p, hash == kNpos ? kNpos : hash - p), kSpecialQuerySet);
    url.query = std::move(query);
    if (hash != kNpos) {
      p = hash + 1;
      next = Next::kFragment;
    }
  }
  if (next == Next::kFragment) {
    std::string fragment;
    AppendEncoded(fragment, in.substr(p), kFragmentSet);
    url.fragment = std::move(fragment);
  }
  if (url.path.empty()) url.path = "/";
  return url;
}

}  // namespace hallyu
