#include "extractors/markup_text.h"

#include <cctype>
#include <cstdio>

namespace hallyu {
namespace {

struct NamedRef {
  std::string_view name;
  uint32_t cp;
};

// XML's five plus HTML names that appear in real (broken) feeds.
constexpr NamedRef kNamedRefs[] = {
    {"amp", '&'},       {"lt", '<'},       {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013},  {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"middot", 0xB7},  {"bull", 0x2022},   {"copy", 0xA9},
    {"reg", 0xAE},      {"trade", 0x2122}, {"laquo", 0xAB},    {"raquo", 0xBB},
    {"eacute", 0xE9},   {"egrave", 0xE8},  {"aacute", 0xE1},   {"oacute", 0xF3},
    {"uacute", 0xFA},   {"iacute", 0xED},  {"ntilde", 0xF1},   {"uuml", 0xFC},
    {"ouml", 0xF6},     {"auml", 0xE4},    {"times", 0xD7},    {"deg", 0xB0},
    {"prime", 0x2032},  {"sbquo", 0x201A}, {"bdquo", 0x201E},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"euro", 0x20AC},  {"pound", 0xA3},    {"yen", 0xA5},
    {"cent", 0xA2},     {"sect", 0xA7},    {"para", 0xB6},     {"star", 0x2606},
    {"hearts", 0x2665}, {"larr", 0x2190},  {"rarr", 0x2192},   {"zwj", 0x200D},
    {"zwnj", 0x200C},   {"shy", 0xAD},     {"thinsp", 0x2009}, {"ensp", 0x2002},
    {"emsp", 0x2003},
};

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

size_t FindIgnoreCase(std::string_view s, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (StartsWithIgnoreCase(s.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

bool IsHtmlTag(std::string_view name) {
  static constexpr std::string_view kTags[] = {
      "a",      "abbr",     "article", "aside",   "b",     "big",    "blockquote", "body",
      "br",     "button",   "caption", "center",  "cite",  "code",   "col",        "dd",
      "del",    "div",      "dl",      "dt",      "em",    "embed",  "figcaption", "figure",
      "font",   "footer",   "form",    "h1",      "h2",    "h3",     "h4",         "h5",
      "h6",     "head",     "header",  "hr",      "html",  "i",      "iframe",     "img",
      "input",  "ins",      "label",   "li",      "link",  "main",   "mark",       "meta",
      "nav",    "noscript", "object",  "ol",      "p",     "param",  "picture",    "pre",
      "q",      "s",        "script",  "section", "small", "source", "span",       "strike",
      "strong", "style",    "sub",     "sup",     "svg",   "table",  "tbody",      "td",
      "th",     "thead",    "time",    "title",   "tr",    "u",      "ul",         "video",
      "wbr"};
  for (std::string_view t : kTags) {
    if (name.size() == t.size() && StartsWithIgnoreCase(name, t)) return true;
  }
  return false;
}

}  // namespace

bool IsHtmlBlockTag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "p",  "br", "div", "li", "ul",    "ol",         "h1",     "h2",         "h3",
      "h4", "h5", "h6",  "tr", "table", "blockquote", "figure", "figcaption", "hr"};
  for (std::string_view b : kBlock) {
    if (name.size() == b.size() && StartsWithIgnoreCase(name, b)) return true;
  }
  return false;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t DecodeCharRef(std::string_view s, std::string& out) {
  if (s.size() < 3 || s[0] != '&') return 0;
  size_t semi = s.find(';', 1);
  if (semi == std::string_view::npos || semi > 12) return 0;
  std::string_view body = s.substr(1, semi - 1);
  if (body.empty()) return 0;
  if (body[0] == '#') {
    uint32_t cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    size_t i = hex ? 2 : 1;
    if (i >= body.size()) return 0;
    for (; i < body.size(); ++i) {
      char c = body[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && Lower(c) >= 'a' && Lower(c) <= 'f') {
        d = Lower(c) - 'a' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (cp > 0x10FFFF) cp = 0x110000;  // saturate; AppendUtf8 maps it to U+FFFD
    }
    AppendUtf8(cp, out);
    return semi + 1;
  }
  for (const NamedRef& r : kNamedRefs) {
    if (body == r.name) {
      AppendUtf8(r.cp, out);
      return semi + 1;
    }
  }
  return 0;
}

std::string DecodeCharRefs(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      size_t n = DecodeCharRef(s.substr(i), out);
      if (n > 0) {
        i += n;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ws = IsAsciiSpace(c);
    if (!ws && static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string HtmlToText(std::string_view html) {
  std::string raw;
  raw.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      std::string_view rest = html.substr(i);
      if (rest.starts_with("<!--")) {
        size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      size_t j = i + 1;
      bool closing = j < html.size() && html[j] == '/';
      if (closing) ++j;
      size_t name_start = j;
      while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) != 0)) ++j;
      std::string_view name = html.substr(name_start, j - name_start);
      bool declaration =
          !closing && name.empty() && j < html.size() && (html[j] == '!' || html[j] == '?');
      if (!declaration && !IsHtmlTag(name)) {
        raw.push_back(c);  // a lone '<' or "<Queen of Tears>" is text
        ++i;
        continue;
      }
      size_t end = html.find('>', j);
      if (end == std::string_view::npos) break;  // truncated tag: drop the rest
      i = end + 1;
      if (!closing &&
          (StartsWithIgnoreCase(name, "script") || StartsWithIgnoreCase(name, "style")) &&
          (name.size() == 6 || name.size() == 5)) {
        std::string close = "</" + std::string(name.size() == 6 ? "script" : "style");
        size_t stop = FindIgnoreCase(html, close, i);
        if (stop == std::string_view::npos) break;
        size_t gt = html.find('>', stop);
        i = gt == std::string_view::npos ? html.size() : gt + 1;
        continue;
      }
      raw.push_back(IsHtmlBlockTag(name) ? '\n' : ' ');
      // Inline tags glue words only when they were written inside a word.
      if (!IsHtmlBlockTag(name)) raw.pop_back();
      continue;
    }
    if (c == '&') {
      size_t n = DecodeCharRef(html.substr(i), raw);
      if (n > 0) {
        i += n;
        continue;
      }
    }
    raw.push_back(c);
    ++i;
  }
  return CollapseWhitespace(raw);
}

std::string StableHashHex(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace hallyu
