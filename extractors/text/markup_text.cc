#include "extractors/text/markup_text.h"

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

// The rest of HTML 4's named references (Latin-1, symbols, Greek), which HTML5 keeps with
// the same code points; double-escaped titles use them. Names are case-sensitive
// ("Eacute" is not "eacute").
constexpr NamedRef kHtml4Refs[] = {
    {"AElig", 0xC6},    {"Aacute", 0xC1},   {"Acirc", 0xC2},     {"Agrave", 0xC0},
    {"Alpha", 0x391},   {"Aring", 0xC5},    {"Atilde", 0xC3},    {"Auml", 0xC4},
    {"Beta", 0x392},    {"Ccedil", 0xC7},   {"Chi", 0x3A7},      {"Dagger", 0x2021},
    {"Delta", 0x394},   {"ETH", 0xD0},      {"Eacute", 0xC9},    {"Ecirc", 0xCA},
    {"Egrave", 0xC8},   {"Epsilon", 0x395}, {"Eta", 0x397},      {"Euml", 0xCB},
    {"Gamma", 0x393},   {"Iacute", 0xCD},   {"Icirc", 0xCE},     {"Igrave", 0xCC},
    {"Iota", 0x399},    {"Iuml", 0xCF},     {"Kappa", 0x39A},    {"Lambda", 0x39B},
    {"Mu", 0x39C},      {"Ntilde", 0xD1},   {"Nu", 0x39D},       {"OElig", 0x152},
    {"Oacute", 0xD3},   {"Ocirc", 0xD4},    {"Ograve", 0xD2},    {"Omega", 0x3A9},
    {"Omicron", 0x39F}, {"Oslash", 0xD8},   {"Otilde", 0xD5},    {"Ouml", 0xD6},
    {"Phi", 0x3A6},     {"Pi", 0x3A0},      {"Prime", 0x2033},   {"Psi", 0x3A8},
    {"Rho", 0x3A1},     {"Scaron", 0x160},  {"Sigma", 0x3A3},    {"THORN", 0xDE},
    {"Tau", 0x3A4},     {"Theta", 0x398},   {"Uacute", 0xDA},    {"Ucirc", 0xDB},
    {"Ugrave", 0xD9},   {"Upsilon", 0x3A5}, {"Uuml", 0xDC},      {"Xi", 0x39E},
    {"Yacute", 0xDD},   {"Yuml", 0x178},    {"Zeta", 0x396},     {"acirc", 0xE2},
    {"acute", 0xB4},    {"aelig", 0xE6},    {"agrave", 0xE0},    {"alefsym", 0x2135},
    {"alpha", 0x3B1},   {"and", 0x2227},    {"ang", 0x2220},     {"aring", 0xE5},
    {"asymp", 0x2248},  {"atilde", 0xE3},   {"beta", 0x3B2},     {"brvbar", 0xA6},
    {"cap", 0x2229},    {"ccedil", 0xE7},   {"cedil", 0xB8},     {"chi", 0x3C7},
    {"circ", 0x2C6},    {"clubs", 0x2663},  {"cong", 0x2245},    {"crarr", 0x21B5},
    {"cup", 0x222A},    {"curren", 0xA4},   {"dArr", 0x21D3},    {"dagger", 0x2020},
    {"darr", 0x2193},   {"delta", 0x3B4},   {"diams", 0x2666},   {"divide", 0xF7},
    {"ecirc", 0xEA},    {"empty", 0x2205},  {"epsilon", 0x3B5},  {"equiv", 0x2261},
    {"eta", 0x3B7},     {"eth", 0xF0},      {"euml", 0xEB},      {"exist", 0x2203},
    {"fnof", 0x192},    {"forall", 0x2200}, {"frac12", 0xBD},    {"frac14", 0xBC},
    {"frac34", 0xBE},   {"frasl", 0x2044},  {"gamma", 0x3B3},    {"ge", 0x2265},
    {"hArr", 0x21D4},   {"harr", 0x2194},   {"icirc", 0xEE},     {"iexcl", 0xA1},
    {"igrave", 0xEC},   {"image", 0x2111},  {"infin", 0x221E},   {"int", 0x222B},
    {"iota", 0x3B9},    {"iquest", 0xBF},   {"isin", 0x2208},    {"iuml", 0xEF},
    {"kappa", 0x3BA},   {"lArr", 0x21D0},   {"lambda", 0x3BB},   {"lang", 0x2329},
    {"lceil", 0x2308},  {"le", 0x2264},     {"lfloor", 0x230A},  {"lowast", 0x2217},
    {"loz", 0x25CA},    {"lrm", 0x200E},    {"macr", 0xAF},      {"micro", 0xB5},
    {"minus", 0x2212},  {"mu", 0x3BC},      {"nabla", 0x2207},   {"ne", 0x2260},
    {"ni", 0x220B},     {"not", 0xAC},      {"notin", 0x2209},   {"nsub", 0x2284},
    {"nu", 0x3BD},      {"ocirc", 0xF4},    {"oelig", 0x153},    {"ograve", 0xF2},
    {"oline", 0x203E},  {"omega", 0x3C9},   {"omicron", 0x3BF},  {"oplus", 0x2295},
    {"or", 0x2228},     {"ordf", 0xAA},     {"ordm", 0xBA},      {"oslash", 0xF8},
    {"otilde", 0xF5},   {"otimes", 0x2297}, {"part", 0x2202},    {"permil", 0x2030},
    {"perp", 0x22A5},   {"phi", 0x3C6},     {"pi", 0x3C0},       {"piv", 0x3D6},
    {"plusmn", 0xB1},   {"prod", 0x220F},   {"prop", 0x221D},    {"psi", 0x3C8},
    {"rArr", 0x21D2},   {"radic", 0x221A},  {"rang", 0x232A},    {"rceil", 0x2309},
    {"real", 0x211C},   {"rfloor", 0x230B}, {"rho", 0x3C1},      {"rlm", 0x200F},
    {"scaron", 0x161},  {"sdot", 0x22C5},   {"sigma", 0x3C3},    {"sigmaf", 0x3C2},
    {"sim", 0x223C},    {"spades", 0x2660}, {"sub", 0x2282},     {"sube", 0x2286},
    {"sum", 0x2211},    {"sup", 0x2283},    {"sup1", 0xB9},      {"sup2", 0xB2},
    {"sup3", 0xB3},     {"supe", 0x2287},   {"szlig", 0xDF},     {"tau", 0x3C4},
    {"there4", 0x2234}, {"theta", 0x3B8},   {"thetasym", 0x3D1}, {"thorn", 0xFE},
    {"tilde", 0x2DC},   {"uArr", 0x21D1},   {"uarr", 0x2191},    {"ucirc", 0xFB},
    {"ugrave", 0xF9},   {"uml", 0xA8},      {"upsih", 0x3D2},    {"upsilon", 0x3C5},
    {"weierp", 0x2118}, {"xi", 0x3BE},      {"yacute", 0xFD},    {"yuml", 0xFF},
    {"zeta", 0x3B6},
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
      "a", "abbr", "article", "aside", "b", "big", "blockquote", "body", "br", "button", "caption",
      "center", "cite", "code", "col", "dd", "del", "div", "dl", "dt", "em", "embed", "figcaption",
      "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
      "hr", "html", "i", "iframe", "img", "input", "ins", "label", "li", "link", "main", "mark",
      "meta", "nav", "noscript", "object", "ol", "p", "param", "picture", "pre", "q", "s", "script",
      "section", "small", "source", "span", "strike", "strong", "style", "sub", "sup", "svg",
      "table", "tbody", "td", "th", "thead", "time", "title", "tr", "u", "ul", "video", "wbr",
      // Obsolete or embedding elements that hold no readable text but still turn up in
      // feed markup ("<applet code=...>"); kept apart from words a title could start
      // with ("<Frame>", "<Legend ...>") so those stay text.
      "acronym", "applet", "basefont", "bdi", "bdo", "bgsound", "blink", "colgroup", "dfn",
      "fieldset", "frameset", "kbd", "marquee", "nobr", "noembed", "noframes", "optgroup", "samp",
      "textarea", "tfoot", "tt", "xmp"};
  for (std::string_view t : kTags) {
    if (name.size() == t.size() && StartsWithIgnoreCase(name, t)) return true;
  }
  return false;
}

// Void elements whose names are also title words ("<Frame>", "<Base Camp>"): markup only
// when written with an attribute ("<frame src=...>").
bool IsHtmlTagWithAttributes(std::string_view name) {
  static constexpr std::string_view kTags[] = {"area", "base", "frame"};
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
  for (const NamedRef& r : kHtml4Refs) {
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
      bool tag = declaration || IsHtmlTag(name);
      if (!tag && !closing && IsHtmlTagWithAttributes(name) && j < html.size() &&
          IsAsciiSpace(html[j])) {
        size_t gt = html.find('>', j);
        size_t eq = html.find('=', j);
        tag = gt != std::string_view::npos && eq < gt;
      }
      if (!tag) {
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

std::optional<std::string> DecodeBase64(std::string_view s) {
  std::string out;
  out.reserve(s.size() / 4 * 3 + 3);
  uint32_t acc = 0;
  int bits = 0;
  size_t digits = 0;
  size_t padding = 0;
  for (char c : s) {
    if (IsAsciiSpace(c)) continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) return std::nullopt;  // data after padding
    int v;
    if (c >= 'A' && c <= 'Z') {
      v = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      v = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      v = c - '0' + 52;
    } else if (c == '+' || c == '-') {
      v = 62;
    } else if (c == '/' || c == '_') {
      v = 63;
    } else {
      return std::nullopt;
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    ++digits;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  if (digits % 4 == 1 || padding > 2) return std::nullopt;
  return out;
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
