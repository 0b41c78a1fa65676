#include "extractors/url/link_resolution.h"

#include <optional>
#include <vector>

#include "extractors/url/url.h"

namespace hallyu::internal {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpaceByte(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpaceByte(s.back())) s.remove_suffix(1);
  return s;
}

struct Parts {
  std::string scheme;     // lower-case, no ':'
  std::string authority;  // host[:port], lower-cased host
  std::string path;       // begins with '/' (or empty)
  std::string query;      // with leading '?', or empty
};

// Splits an absolute URL; false when it has no http(s) scheme or no authority.
bool SplitAbsolute(std::string_view url, Parts* out) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string scheme;
  for (char c : url.substr(0, colon)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
          c == '-' || c == '.')) {
      return false;
    }
    scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (scheme != "http" && scheme != "https") return false;
  std::string_view rest = url.substr(colon + 1);
  if (rest.substr(0, 2) != "//") return false;
  rest.remove_prefix(2);
  const std::size_t auth_end = rest.find_first_of("/?#");
  std::string_view auth = rest.substr(0, auth_end);
  rest = auth_end == std::string_view::npos ? std::string_view() : rest.substr(auth_end);
  // Drop userinfo, lower-case host, drop default port.
  const std::size_t at = auth.rfind('@');
  if (at != std::string_view::npos) auth.remove_prefix(at + 1);
  if (auth.empty()) return false;
  std::string a;
  for (char c : auth) a.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (scheme == "http" && a.size() > 3 && a.ends_with(":80")) a.resize(a.size() - 3);
  if (scheme == "https" && a.size() > 4 && a.ends_with(":443")) a.resize(a.size() - 4);
  if (!a.empty() && a.back() == ':') a.pop_back();
  out->scheme = std::move(scheme);
  out->authority = std::move(a);
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  const std::size_t q = rest.find('?');
  out->path = std::string(rest.substr(0, q));
  out->query = q == std::string_view::npos ? std::string() : std::string(rest.substr(q));
  return true;
}

std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segs;
  std::size_t i = 0;
  const bool trailing = path.ends_with("/") || path.ends_with("/.") || path.ends_with("/..");
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
    } else if (seg != "." && !seg.empty()) {
      segs.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (auto s : segs) {
    out.push_back('/');
    out.append(s);
  }
  if (out.empty() || (trailing && out.back() != '/')) out.push_back('/');
  return out;
}

void AppendEncoded(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`') {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

}  // namespace

// The resolver used before extractors/url/url.h landed; kept as the cross-check in
// tests (ResolveLinkSimple) — not used for output.
std::optional<std::string> ResolveLinkSimple(std::string_view base, std::string_view href) {
  href = Trim(href);
  if (href.empty() || href.front() == '#' || href.size() > 4096) return std::nullopt;
  Parts target;
  // Absolute with a scheme?
  const std::size_t colon = href.find(':');
  const std::size_t first_delim = href.find_first_of("/?#");
  if (colon != std::string_view::npos &&
      (first_delim == std::string_view::npos || colon < first_delim)) {
    if (!SplitAbsolute(href, &target)) return std::nullopt;
  } else {
    Parts b;
    if (!SplitAbsolute(Trim(base), &b)) return std::nullopt;
    target.scheme = b.scheme;
    if (href.starts_with("//")) {
      if (!SplitAbsolute(b.scheme + ":" + std::string(href), &target)) return std::nullopt;
    } else {
      std::string_view h = href;
      const std::size_t hash = h.find('#');
      if (hash != std::string_view::npos) h = h.substr(0, hash);
      const std::size_t q = h.find('?');
      std::string_view hpath = h.substr(0, q);
      std::string hquery = q == std::string_view::npos ? std::string() : std::string(h.substr(q));
      target.authority = b.authority;
      if (hpath.empty()) {
        target.path = b.path;
        target.query = q == std::string_view::npos ? b.query : hquery;
      } else if (hpath.front() == '/') {
        target.path = std::string(hpath);
        target.query = hquery;
      } else {
        std::string dir = b.path.empty() ? "/" : b.path.substr(0, b.path.rfind('/') + 1);
        target.path = dir + std::string(hpath);
        target.query = hquery;
      }
    }
  }
  std::string out = target.scheme + "://" + target.authority;
  AppendEncoded(&out, RemoveDotSegments(target.path));
  AppendEncoded(&out, target.query);
  return out;
}

std::optional<std::string> ResolveLink(std::string_view base, std::string_view href) {
  href = Trim(href);
  if (href.empty() || href.front() == '#') return std::nullopt;
  auto r = ResolveUrl(Trim(base), href);
  if (!r.ok()) return std::nullopt;
  return std::move(r).value();
}

struct LinkResolver::Impl {
  std::optional<UrlResolver> resolver;
};

LinkResolver::LinkResolver(std::string_view base) : impl_(new Impl) {
  auto r = UrlResolver::Create(Trim(base));
  if (r.ok()) impl_->resolver.emplace(std::move(r).value());
}

LinkResolver::~LinkResolver() { delete impl_; }

std::optional<std::string> LinkResolver::Resolve(std::string_view href) const {
  href = Trim(href);
  if (href.empty() || href.front() == '#') return std::nullopt;
  if (!impl_->resolver) {
    // No usable base: only absolute links resolve.
    auto r = NormalizeUrl(href);
    if (!r.ok()) return std::nullopt;
    return std::move(r).value();
  }
  auto r = impl_->resolver->Resolve(href);
  if (!r.ok()) return std::nullopt;
  return std::move(r).value();
}

}  // namespace hallyu::internal
