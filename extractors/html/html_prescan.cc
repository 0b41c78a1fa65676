#include "extractors/html/html_prescan.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace hallyu::internal {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Case-insensitive search for the ASCII-lowercase `needle` in `hay` from `pos`.
std::size_t FindCi(std::string_view hay, std::string_view needle, std::size_t pos) {
  if (needle.empty()) return pos;
  while (pos + needle.size() <= hay.size()) {
    const char* p = static_cast<const char*>(std::memchr(hay.data() + pos, '<', hay.size() - pos));
    // Every needle we search for starts with '<'.
    if (p == nullptr) return std::string_view::npos;
    pos = static_cast<std::size_t>(p - hay.data());
    if (pos + needle.size() > hay.size()) return std::string_view::npos;
    bool match = true;
    for (std::size_t i = 1; i < needle.size(); ++i) {
      if (Lower(hay[pos + i]) != needle[i]) {
        match = false;
        break;
      }
    }
    if (match) return pos;
    ++pos;
  }
  return std::string_view::npos;
}

// End of a tag starting at `pos` ('<'): index just past '>', honouring quotes.
// Returns npos when the tag never ends.
std::size_t TagEnd(std::string_view s, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos + 1; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open an attribute value right after '='.
      std::size_t j = i;
      while (j > pos && IsSpace(s[j - 1])) --j;
      if (j > pos && s[j - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

bool IsVoid(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kVoid = {
      "area", "base", "br",    "col",    "embed", "hr",  "img",    "input",
      "link", "meta", "param", "source", "track", "wbr", "keygen", "command"};
  for (auto v : kVoid) {
    if (v == name) return true;
  }
  return false;
}

// Elements a new open tag of the same name implicitly closes.
bool SelfClosesSibling(std::string_view name) {
  return name == "p" || name == "li" || name == "option" || name == "td" || name == "th" ||
         name == "tr" || name == "dt" || name == "dd";
}

}  // namespace

PrescanResult PrescanHtml(std::string_view s, const PrescanLimits& limits) {
  PrescanResult out;
  out.html.reserve(s.size() / 3 + 64);
  std::vector<std::string> stack;  // open elements (bounded by max_depth)
  stack.reserve(64);
  std::size_t elements = 0;
  // Per-name counts of dropped open tags, so their close tags are dropped too.
  std::vector<std::pair<std::string, std::size_t>> dropped;
  std::size_t pos = 0;
  const std::size_t n = s.size();
  std::string name;
  while (pos < n) {
    if (out.html.size() > limits.max_output_bytes) {
      out.truncated = true;
      break;
    }
    const char* lt = static_cast<const char*>(std::memchr(s.data() + pos, '<', n - pos));
    if (lt == nullptr) {
      const std::size_t room =
          limits.max_output_bytes > out.html.size() ? limits.max_output_bytes - out.html.size() : 0;
      if (n - pos > room) out.truncated = true;
      out.html.append(s.substr(pos, std::min(n - pos, room)));
      break;
    }
    const std::size_t at = static_cast<std::size_t>(lt - s.data());
    if (out.html.size() + (at - pos) > limits.max_output_bytes) {
      out.truncated = true;
      break;
    }
    out.html.append(s.substr(pos, at - pos));
    pos = at;
    if (pos + 1 >= n) {
      out.html.push_back('<');
      ++pos;
      break;
    }
    const char next = s[pos + 1];
    if (next == '!') {
      if (s.compare(pos, 4, "<!--") == 0) {
        const std::size_t end = s.find("-->", pos + 4);
        if (end == std::string_view::npos) break;  // rest is a comment
        pos = end + 3;
        continue;
      }
      const std::size_t end = TagEnd(s, pos);  // doctype, CDATA, bogus comment
      if (end == std::string_view::npos) break;
      out.html.append(s.substr(pos, end - pos));
      pos = end;
      continue;
    }
    const bool closing = next == '/';
    const std::size_t name_at = pos + (closing ? 2 : 1);
    if (name_at >= n || !IsAlpha(s[name_at])) {
      out.html.append("&lt;");  // a stray '<' is text
      ++pos;
      continue;
    }
    std::size_t name_end = name_at;
    name.clear();
    while (name_end < n && !IsSpace(s[name_end]) && s[name_end] != '>' && s[name_end] != '/') {
      if (name.size() < 32) name.push_back(Lower(s[name_end]));
      ++name_end;
    }
    const std::size_t end = TagEnd(s, pos);
    if (end == std::string_view::npos) break;  // unterminated tag: drop the rest
    std::string_view tag = s.substr(pos, end - pos);
    if (closing) {
      bool was_dropped = false;
      for (auto& [dname, count] : dropped) {
        if (count > 0 && dname == name) {
          --count;
          was_dropped = true;
          break;
        }
      }
      if (!was_dropped) {
        for (std::size_t i = stack.size(); i > 0; --i) {
          if (stack[i - 1] == name) {
            stack.resize(i - 1);
            break;
          }
          if (stack.size() - i > 8) break;  // a stray close tag: ignore for depth
        }
        out.html.append(tag);
      }
      pos = end;
      continue;
    }
    // Open tag.
    const bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    const bool raw_text = name == "script" || name == "style" || name == "svg";
    if (!raw_text && !self_closing && !IsVoid(name)) {
      if (SelfClosesSibling(name) && !stack.empty() && stack.back() == name) stack.pop_back();
      if (stack.size() >= limits.max_depth) {
        ++out.dropped_tags;
        bool found = false;
        for (auto& [dname, count] : dropped) {
          if (dname == name) {
            ++count;
            found = true;
            break;
          }
        }
        if (!found && dropped.size() < 256) dropped.emplace_back(name, 1);
        pos = end;
        continue;
      }
      stack.push_back(name);
      if (stack.size() > out.max_depth_seen) out.max_depth_seen = stack.size();
    }
    if (++elements > limits.max_elements) {  // only tags Gumbo will see count
      out.truncated = true;
      break;
    }
    out.html.append(tag);
    pos = end;
    if (raw_text && !self_closing) {
      const std::string close = "</" + name;
      std::size_t body_end = FindCi(s, close, pos);
      if (body_end == std::string_view::npos) body_end = n;
      bool keep = false;
      if (name == "script") {
        // Keep JSON-LD bodies: look for ld+json in the open tag.
        for (std::size_t i = 0; i + 7 <= tag.size(); ++i) {
          if (Lower(tag[i]) == 'l' && Lower(tag[i + 1]) == 'd' && tag[i + 2] == '+' &&
              Lower(tag[i + 3]) == 'j' && Lower(tag[i + 4]) == 's' && Lower(tag[i + 5]) == 'o' &&
              Lower(tag[i + 6]) == 'n') {
            keep = true;
            break;
          }
        }
      }
      if (keep && body_end - pos <= (2u << 20)) out.html.append(s.substr(pos, body_end - pos));
      pos = body_end;
      if (body_end < n) {
        const std::size_t close_end = TagEnd(s, body_end);
        out.html.append("</");
        out.html.append(name);
        out.html.push_back('>');
        pos = close_end == std::string_view::npos ? n : close_end;
      }
    }
  }
  return out;
}

}  // namespace hallyu::internal
