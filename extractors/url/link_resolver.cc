#include "extractors/url/link_resolver.h"

#include <cctype>
#include <vector>

namespace hallyu {
namespace {

struct Parts {
  std::string_view scheme;  // without ':'
  bool has_authority = false;
  std::string_view authority;
  std::string_view path;
  bool has_query = false;
  std::string_view query;
  bool has_fragment = false;
  std::string_view fragment;
};

size_t SchemeLength(std::string_view s) {
  if (s.empty() || std::isalpha(static_cast<unsigned char>(s[0])) == 0) return 0;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i;
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '+' && c != '-' && c != '.') {
      return 0;
    }
  }
  return 0;
}

Parts Split(std::string_view s) {
  Parts p;
  if (size_t n = SchemeLength(s); n > 0) {
    p.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (size_t h = s.find('#'); h != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = s.substr(h + 1);
    s = s.substr(0, h);
  }
  if (size_t q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.starts_with("//")) {
    p.has_authority = true;
    s.remove_prefix(2);
    size_t slash = s.find('/');
    p.authority = s.substr(0, slash);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = s;
  return p;
}

std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  bool absolute = path.starts_with("/");
  size_t i = absolute ? 1 : 0;
  bool trailing_slash = false;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    trailing_slash = false;
    if (seg == ".") {
      trailing_slash = true;
    } else if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else {
      out.push_back(seg);
    }
    i = j + 1;
  }
  std::string r = absolute ? "/" : "";
  for (size_t k = 0; k < out.size(); ++k) {
    if (k > 0) r += '/';
    r += out[k];
  }
  if (trailing_slash && !r.ends_with("/")) r += '/';
  return r;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

}  // namespace

bool HasUrlScheme(std::string_view s) { return SchemeLength(s) > 0; }

std::string ResolveReference(std::string_view base, std::string_view ref) {
  ref = Trim(ref);
  base = Trim(base);
  if (ref.empty()) return base.empty() ? "" : std::string(base);
  if (HasUrlScheme(ref)) return std::string(ref);
  if (!HasUrlScheme(base)) return "";
  Parts b = Split(base);
  Parts r = Split(ref);
  std::string out(b.scheme);
  out += ':';
  std::string path;
  std::string_view authority = b.authority;
  bool has_authority = b.has_authority;
  std::string_view query = b.query;
  bool has_query = b.has_query;
  if (r.has_authority) {
    has_authority = true;
    authority = r.authority;
    path = RemoveDotSegments(r.path);
    has_query = r.has_query;
    query = r.query;
  } else if (r.path.empty()) {
    path = std::string(b.path);
    if (r.has_query) {
      has_query = true;
      query = r.query;
    }
  } else {
    if (r.path.starts_with("/")) {
      path = RemoveDotSegments(r.path);
    } else {
      std::string merged;
      if (b.has_authority && b.path.empty()) {
        merged = "/" + std::string(r.path);
      } else {
        size_t slash = b.path.rfind('/');
        merged = slash == std::string_view::npos
                     ? std::string(r.path)
                     : std::string(b.path.substr(0, slash + 1)) + std::string(r.path);
      }
      path = RemoveDotSegments(merged);
    }
    has_query = r.has_query;
    query = r.query;
  }
  if (has_authority) {
    out += "//";
    out += authority;
  }
  out += path;
  if (has_query) {
    out += '?';
    out += query;
  }
  if (r.has_fragment) {
    out += '#';
    out += r.fragment;
  }
  return out;
}

}  // namespace hallyu
