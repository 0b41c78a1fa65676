#include "extractors/url/url.h"

#include <curl/curl.h>
#include <idn2.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <memory>

namespace hallyu {
namespace {

struct CurluDeleter {
  void operator()(CURLU* u) const noexcept { curl_url_cleanup(u); }
};
using CurluPtr = std::unique_ptr<CURLU, CurluDeleter>;

struct CurlFree {
  void operator()(char* p) const noexcept { curl_free(p); }
};
using CurlString = std::unique_ptr<char, CurlFree>;

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Characters left raw in a path (RFC 3986 pchar + '/'). Others are encoded.
bool IsPathChar(unsigned char c) {
  if (IsUnreserved(c)) return true;
  switch (c) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
    case '/':
      return true;
    default:
      return false;
  }
}

bool IsQueryChar(unsigned char c) { return IsPathChar(c) || c == '?'; }

// Normalises percent-encoding: decodes %XX of unreserved characters, upper-cases
// the hex of the others, encodes bytes that `keep_raw` rejects (and a '%' that
// does not start a valid escape).
template <typename KeepRaw>
std::string NormalizePercent(std::string_view in, KeepRaw keep_raw) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size() + 8);
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '%') {
      int hi = i + 2 < in.size() ? HexValue(in[i + 1]) : -1;
      int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        unsigned char decoded = static_cast<unsigned char>(hi * 16 + lo);
        if (IsUnreserved(decoded)) {
          out.push_back(static_cast<char>(decoded));
        } else {
          out.push_back('%');
          out.push_back(kHex[hi]);
          out.push_back(kHex[lo]);
        }
        i += 2;
      } else {
        out.append("%25");
      }
      continue;
    }
    if (keep_raw(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

// RFC 3986 §5.2.4 remove_dot_segments, for an absolute path.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t pos = 1;  // path starts with '/'
  bool trailing_slash = false;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(pos, end - pos);
    bool last = end == path.size();
    if (seg == ".") {
      trailing_slash = last;
    } else if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      trailing_slash = last;
    } else {
      segments.push_back(seg);
      trailing_slash = false;
    }
    pos = end + 1;
  }
  std::string out;
  out.reserve(path.size());
  for (std::string_view seg : segments) {
    out.push_back('/');
    out.append(seg);
  }
  if (trailing_slash || out.empty()) out.push_back('/');
  return out;
}

// Strips leading/trailing C0 controls and spaces, drops tab/CR/LF inside,
// encodes inner spaces (libcurl rejects them).
std::string CleanInput(std::string_view in) {
  std::size_t b = 0, e = in.size();
  while (b < e && static_cast<unsigned char>(in[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(in[e - 1]) <= 0x20) --e;
  std::string out;
  out.reserve(e - b);
  for (std::size_t i = b; i < e; ++i) {
    char c = in[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ' ') {
      out.append("%20");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string CurlUrlError(CURLUcode rc) { return curl_url_strerror(rc); }

Result<std::string> GetPart(CURLU* u, CURLUPart part, unsigned flags, bool* absent) {
  char* raw = nullptr;
  CURLUcode rc = curl_url_get(u, part, &raw, flags);
  CurlString owned(raw);
  if (rc == CURLUE_OK) return std::string(raw != nullptr ? raw : "");
  if (rc == CURLUE_NO_PORT || rc == CURLUE_NO_QUERY || rc == CURLUE_NO_USER ||
      rc == CURLUE_NO_PASSWORD || rc == CURLUE_NO_FRAGMENT) {
    *absent = true;
    return std::string();
  }
  return InvalidArgument("url: " + CurlUrlError(rc) + " (" + std::to_string(static_cast<int>(rc)) +
                         ")");
}

// IDN host -> punycode (UTS #46 non-transitional, NFC), locale-independent.
// libcurl 7.88's CURLU_PUNYCODE calls idn2_lookup_ul, which converts from the
// process locale and fails under the C locale services usually run with, so
// the conversion is done here with idn2_lookup_u8 instead.
Result<std::string> ToPunycode(const std::string& host) {
  bool ascii = true;
  for (char c : host) {
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  }
  if (ascii) return host;
  char* out = nullptr;
  int rc = idn2_lookup_u8(reinterpret_cast<const uint8_t*>(host.c_str()),
                          reinterpret_cast<uint8_t**>(&out), IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
  if (rc != IDN2_OK) {
    rc = idn2_lookup_u8(reinterpret_cast<const uint8_t*>(host.c_str()),
                        reinterpret_cast<uint8_t**>(&out), IDN2_TRANSITIONAL | IDN2_NFC_INPUT);
  }
  if (rc != IDN2_OK) {
    return InvalidArgument(std::string("url: bad international host name: ") + idn2_strerror(rc));
  }
  std::string result(out);
  idn2_free(out);
  return result;
}

bool MatchesPattern(std::string_view name, std::string_view pattern) {
  if (!pattern.empty() && pattern.back() == '*') {
    std::string_view prefix = pattern.substr(0, pattern.size() - 1);
    return name.size() >= prefix.size() && EqualsIgnoreCase(name.substr(0, prefix.size()), prefix);
  }
  return EqualsIgnoreCase(name, pattern);
}

std::string DecodeForMatch(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string CleanQuery(std::string_view query, const UrlNormalizeOptions& options) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view param = query.substr(pos, end - pos);
    pos = end + 1;
    if (param.empty()) continue;
    std::string_view name = param.substr(0, param.find('='));
    if (IsTrackingParam(DecodeForMatch(name), options)) continue;
    if (!out.empty()) out.push_back('&');
    out.append(param);
  }
  return out;
}

Result<UrlParts> PartsFromHandle(CURLU* u, const UrlNormalizeOptions& options) {
  bool absent = false;
  auto scheme = GetPart(u, CURLUPART_SCHEME, 0, &absent);
  if (!scheme.ok()) return scheme.status();
  UrlParts parts;
  for (char c : *scheme) parts.scheme.push_back(AsciiLower(c));
  if (parts.scheme != "http" && parts.scheme != "https") {
    return Unsupported("url: scheme \"" + parts.scheme + "\" is not crawled (only http and https)");
  }
  auto host = GetPart(u, CURLUPART_HOST, 0, &absent);
  if (!host.ok()) return host.status();
  if (host->empty()) return InvalidArgument("url: empty host");
  auto ascii_host = ToPunycode(*host);
  if (!ascii_host.ok()) return ascii_host.status();
  for (char c : *ascii_host) parts.host.push_back(AsciiLower(c));

  absent = false;
  auto user = GetPart(u, CURLUPART_USER, 0, &absent);
  if (user.ok() && !absent) {
    parts.userinfo = *user;
    absent = false;
    auto password = GetPart(u, CURLUPART_PASSWORD, 0, &absent);
    if (password.ok() && !absent) parts.userinfo += ":" + *password;
  }

  absent = false;
  auto port = GetPart(u, CURLUPART_PORT, CURLU_DEFAULT_PORT, &absent);
  if (!port.ok()) return port.status();
  parts.port = absent ? (parts.scheme == "https" ? 443 : 80) : std::atoi(port->c_str());

  absent = false;
  auto path = GetPart(u, CURLUPART_PATH, 0, &absent);
  if (!path.ok()) return path.status();
  std::string p = *path;
  if (p.empty() || p[0] != '/') p.insert(p.begin(), '/');
  parts.path = RemoveDotSegments(NormalizePercent(p, IsPathChar));

  absent = false;
  auto query = GetPart(u, CURLUPART_QUERY, 0, &absent);
  if (!query.ok()) return query.status();
  if (!absent) parts.query = CleanQuery(NormalizePercent(*query, IsQueryChar), options);

  if (parts.ToString().size() > options.max_length) {
    return InvalidArgument("url: longer than " + std::to_string(options.max_length) + " bytes");
  }
  return parts;
}

Status SetUrl(CURLU* u, std::string_view url, const UrlNormalizeOptions& options) {
  if (url.size() > options.max_length) {
    return InvalidArgument("url: longer than " + std::to_string(options.max_length) + " bytes");
  }
  std::string cleaned = CleanInput(url);
  if (cleaned.empty()) return InvalidArgument("url: empty");
  CURLUcode rc = curl_url_set(u, CURLUPART_URL, cleaned.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc == CURLUE_OK) return Status::Ok();
  if (rc == CURLUE_UNSUPPORTED_SCHEME || rc == CURLUE_BAD_SCHEME) {
    return Unsupported("url: unsupported scheme in \"" + cleaned.substr(0, 64) + "\"");
  }
  return InvalidArgument("url: " + CurlUrlError(rc) + " (" + std::to_string(static_cast<int>(rc)) +
                         ")");
}

// True when `ref` starts with a scheme ("name:") per RFC 3986.
std::string_view SchemeOf(std::string_view ref) {
  std::size_t i = 0;
  while (i < ref.size() && static_cast<unsigned char>(ref[i]) <= 0x20) ++i;
  std::size_t start = i;
  if (i >= ref.size() || !((ref[i] >= 'a' && ref[i] <= 'z') || (ref[i] >= 'A' && ref[i] <= 'Z'))) {
    return {};
  }
  for (; i < ref.size(); ++i) {
    char c = ref[i];
    if (c == ':') return ref.substr(start, i - start);
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '-' || c == '.';
    if (!ok) return {};
  }
  return {};
}

}  // namespace

std::string UrlParts::Origin() const {
  std::string out = scheme + "://" + host;
  bool default_port = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  if (!default_port) out += ":" + std::to_string(port);
  return out;
}

std::string UrlParts::PathAndQuery() const {
  if (query.empty()) return path;
  return path + "?" + query;
}

std::string UrlParts::ToString() const {
  const bool default_port = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  std::string out;
  out.reserve(scheme.size() + userinfo.size() + host.size() + path.size() + query.size() + 12);
  out.append(scheme).append("://");
  if (!userinfo.empty()) out.append(userinfo).append("@");
  out.append(host);
  if (!default_port) out.append(":").append(std::to_string(port));
  out.append(path);
  if (!query.empty()) out.append("?").append(query);
  return out;
}

bool IsTrackingParam(std::string_view name, const UrlNormalizeOptions& options) {
  static constexpr std::array<std::string_view, 3> kBuiltin = {"utm_*", "fbclid", "gclid"};
  for (std::string_view p : kBuiltin) {
    if (MatchesPattern(name, p)) return true;
  }
  for (const std::string& p : options.extra_tracking_params) {
    if (!p.empty() && MatchesPattern(name, p)) return true;
  }
  return false;
}

namespace {

bool HasDotSegment(std::string_view path) {
  for (std::size_t slash = path.find("/."); slash != std::string_view::npos;
       slash = path.find("/.", slash + 1)) {
    std::string_view rest = path.substr(slash + 2);
    if (rest.empty() || rest[0] == '/' || rest == "." || rest.substr(0, 2) == "./") return true;
  }
  return false;
}

// UrlParts::ToString().size(), without building the string.
std::size_t SerializedSize(const UrlParts& parts) {
  const bool default_port = (parts.scheme == "http" && parts.port == 80) ||
                            (parts.scheme == "https" && parts.port == 443);
  return parts.scheme.size() + 3 + (parts.userinfo.empty() ? 0 : parts.userinfo.size() + 1) +
         parts.host.size() + (default_port ? 0 : 1 + std::to_string(parts.port).size()) +
         parts.path.size() + (parts.query.empty() ? 0 : parts.query.size() + 1);
}

// The crawl key of a parsed URL: only http/https, percent-encoding normalised (escapes of
// unreserved characters decoded, hex upper-case, bytes outside the RFC 3986 path/query
// characters encoded), fragment dropped, tracking parameters and an empty query removed.
Result<UrlParts> CrawlKeyParts(const WhatwgUrl& url, const UrlNormalizeOptions& options) {
  if (url.scheme != "http" && url.scheme != "https") {
    return Unsupported("url: scheme \"" + url.scheme + "\" is not crawled (only http and https)");
  }
  UrlParts parts;
  parts.scheme = url.scheme;
  parts.host = url.host;
  parts.port = url.EffectivePort();
  if (!url.username.empty() || !url.password.empty()) {
    parts.userinfo = url.username;
    if (!url.password.empty()) parts.userinfo += ":" + url.password;
  }
  parts.path = NormalizePercent(url.path, IsPathChar);
  // The parser removed every dot segment, "%2e" spellings included, so decoding escapes
  // cannot create new ones; the check is kept cheap for the common case.
  if (HasDotSegment(parts.path)) parts.path = RemoveDotSegments(parts.path);
  if (url.query && !url.query->empty()) {
    parts.query = CleanQuery(NormalizePercent(*url.query, IsQueryChar), options);
  }
  if (SerializedSize(parts) > options.max_length) {
    return InvalidArgument("url: longer than " + std::to_string(options.max_length) + " bytes");
  }
  return parts;
}

Status CheckInputLength(std::string_view url, const UrlNormalizeOptions& options) {
  if (url.size() > options.max_length) {
    return InvalidArgument("url: longer than " + std::to_string(options.max_length) + " bytes");
  }
  return Status::Ok();
}

}  // namespace

Result<UrlParts> ParseUrl(std::string_view url, const UrlNormalizeOptions& options) {
  HALLYU_RETURN_IF_ERROR(CheckInputLength(url, options));
  auto parsed = ParseWhatwgUrl(url);
  if (!parsed.ok()) return parsed.status();
  return CrawlKeyParts(*parsed, options);
}

Result<std::string> NormalizeUrl(std::string_view url, const UrlNormalizeOptions& options) {
  auto parts = ParseUrl(url, options);
  if (!parts.ok()) return parts.status();
  return parts->ToString();
}

namespace internal {

Result<std::string> ResolveUrlWithCurl(std::string_view base, std::string_view ref,
                                       const UrlNormalizeOptions& options) {
  std::string_view scheme = SchemeOf(ref);
  if (!scheme.empty() && !EqualsIgnoreCase(scheme, "http") && !EqualsIgnoreCase(scheme, "https")) {
    return Unsupported("url: scheme \"" + std::string(scheme.substr(0, 32)) +
                       "\" is not crawled (only http and https)");
  }
  // Normalise the base first so relative resolution starts from a clean URL.
  auto base_norm = NormalizeUrl(base, options);
  if (!base_norm.ok()) return base_norm.status().WithContext("base");
  CurluPtr u(curl_url());
  if (!u) return Internal("url: out of memory");
  HALLYU_RETURN_IF_ERROR(SetUrl(u.get(), *base_norm, options));
  std::string cleaned = CleanInput(ref);
  // A fragment-only reference is the base itself (libcurl 7.88 mis-resolves it).
  if (!cleaned.empty() && cleaned[0] != '#') {
    if (cleaned.size() > options.max_length) {
      return InvalidArgument("url: longer than " + std::to_string(options.max_length) + " bytes");
    }
    CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, cleaned.c_str(), 0);
    if (rc != CURLUE_OK) {
      return InvalidArgument("url: " + CurlUrlError(rc) + " (" +
                             std::to_string(static_cast<int>(rc)) + ")");
    }
  }
  auto parts = PartsFromHandle(u.get(), options);
  if (!parts.ok()) return parts.status();
  return parts->ToString();
}

}  // namespace internal

Result<UrlResolver> UrlResolver::Create(std::string_view base, const UrlNormalizeOptions& options) {
  Status length = CheckInputLength(base, options);
  if (!length.ok()) return length.WithContext("base");
  auto url = ParseWhatwgUrl(base);
  if (!url.ok()) return url.status().WithContext("base");
  auto parts = CrawlKeyParts(*url, options);
  if (!parts.ok()) return parts.status().WithContext("base");
  UrlResolver r;
  r.base_url_ = std::move(*url);
  r.base_ = std::move(*parts);
  r.options_ = options;
  return r;
}

Result<std::string> UrlResolver::Resolve(std::string_view ref) const {
  HALLYU_RETURN_IF_ERROR(CheckInputLength(ref, options_));
  auto url = ParseWhatwgUrl(ref, &base_url_);
  if (!url.ok()) return url.status();
  auto parts = CrawlKeyParts(*url, options_);
  if (!parts.ok()) return parts.status();
  return parts->ToString();
}

Result<std::string> ResolveUrl(std::string_view base, std::string_view ref,
                               const UrlNormalizeOptions& options) {
  std::string_view scheme = SchemeOf(ref);
  if (!scheme.empty() && !EqualsIgnoreCase(scheme, "http") && !EqualsIgnoreCase(scheme, "https")) {
    return Unsupported("url: scheme \"" + std::string(scheme.substr(0, 32)) +
                       "\" is not crawled (only http and https)");
  }
  auto resolver = UrlResolver::Create(base, options);
  if (!resolver.ok()) return resolver.status();
  return resolver->Resolve(ref);
}

std::string NormalizePathPercentEncoding(std::string_view path_and_query) {
  return NormalizePercent(path_and_query, IsQueryChar);
}

Result<std::string> UrlHost(std::string_view url) {
  auto parts = ParseUrl(url);
  if (!parts.ok()) return parts.status();
  return parts->host;
}

std::string RegistrableDomain(std::string_view host) {
  // Multi-label public suffixes that matter here; everything else is treated
  // as a one-label suffix. See the header for the limitation.
  static constexpr std::array<std::string_view, 66> kSuffixes = {
      "co.kr",  "or.kr",  "go.kr",  "ne.kr",  "re.kr",    "ac.kr",    "pe.kr",  "ms.kr",  "hs.kr",
      "es.kr",  "sc.kr",  "kg.kr",  "mil.kr", "seoul.kr", "busan.kr", "co.uk",  "org.uk", "ac.uk",
      "gov.uk", "me.uk",  "ltd.uk", "plc.uk", "net.uk",   "com.au",   "net.au", "org.au", "edu.au",
      "gov.au", "co.jp",  "ne.jp",  "or.jp",  "ac.jp",    "go.jp",    "ad.jp",  "com.cn", "net.cn",
      "org.cn", "gov.cn", "com.tw", "org.tw", "net.tw",   "com.hk",   "org.hk", "com.sg", "co.nz",
      "org.nz", "com.br", "co.in",  "co.id",  "com.my",   "com.ph",   "com.vn", "co.th",  "com.mx",
      "com.ar", "co.za",  "com.tr", "co.il",  "com.sa",   "com.pk",   "com.ua", "co.ke",  "com.ng",
      "com.pe", "com.co", "co.ve"};
  if (host.empty() || host.front() == '[') return std::string(host);
  bool numeric = true;
  for (char c : host) {
    if (!((c >= '0' && c <= '9') || c == '.')) numeric = false;
  }
  if (numeric) return std::string(host);
  std::string_view h = host;
  if (h.back() == '.') h.remove_suffix(1);
  std::size_t last = h.rfind('.');
  if (last == std::string_view::npos) return std::string(host);
  std::size_t second = h.rfind('.', last - 1);
  if (last == 0) return std::string(host);
  if (second == std::string_view::npos) return std::string(h);
  std::string_view last_two = h.substr(second + 1);
  std::size_t labels = 2;
  for (std::string_view s : kSuffixes) {
    if (EqualsIgnoreCase(last_two, s)) {
      labels = 3;
      break;
    }
  }
  if (labels == 2) return std::string(h.substr(second + 1));
  if (second == 0) return std::string(h);
  std::size_t third = h.rfind('.', second - 1);
  if (third == std::string_view::npos) return std::string(h);
  return std::string(h.substr(third + 1));
}

Result<UrlNormalizeOptions> ParseUrlNormalizeOptions(const YAML::Node& node) {
  UrlNormalizeOptions options;
  if (!node || node.IsNull()) return options;
  if (!node.IsMap()) return InvalidArgument("urls: expected a map");
  try {
    for (const auto& kv : node) {
      std::string key = kv.first.as<std::string>();
      if (key == "extra_tracking_params") {
        if (!kv.second.IsSequence()) {
          return InvalidArgument("urls.extra_tracking_params: expected a list of names");
        }
        for (const auto& item : kv.second) {
          if (!item.IsScalar()) {
            return InvalidArgument("urls.extra_tracking_params: expected a list of names");
          }
          options.extra_tracking_params.push_back(item.as<std::string>());
        }
      } else if (key == "max_length") {
        long long v = kv.second.as<long long>();
        if (v < 64 || v > (1 << 20)) {
          return InvalidArgument("urls.max_length: must be between 64 and 1048576");
        }
        options.max_length = static_cast<std::size_t>(v);
      } else {
        return InvalidArgument("urls: unknown key \"" + key + "\"");
      }
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgument(std::string("urls: ") + e.what());
  }
  return options;
}

}  // namespace hallyu
