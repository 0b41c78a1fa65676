#include "extractors/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace hallyu {
namespace internal {

// Decodes one UTF-8 code point at s[i]. Returns its length (1..4) and sets *cp;
// returns 0 for an invalid sequence.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len = 0;
  uint32_t c = 0;
  uint32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *cp = c;
  return len;
}

bool IsHangul(uint32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// Code point ending at byte `end` (exclusive), or 0.
uint32_t PrevCodePoint(std::string_view s, size_t end, size_t* start) {
  size_t i = end;
  int steps = 0;
  while (i > 0 && steps < 4) {
    --i;
    ++steps;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;
  }
  uint32_t cp = 0;
  if (end == 0 || DecodeUtf8(s, i, &cp) != end - i) return 0;
  if (start) *start = i;
  return cp;
}

}  // namespace internal

using internal::DecodeUtf8;
using internal::IsHangul;
using internal::PrevCodePoint;

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    // Fast path for ASCII runs.
    size_t j = i;
    while (j < text.size() && static_cast<unsigned char>(text[j]) < 0x80 && text[j] != '\0') ++j;
    out.append(text.data() + i, j - i);
    i = j;
    if (i >= text.size()) break;
    if (text[i] == '\0') {
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t n = DecodeUtf8(text, i, &cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.data() + i, n);
      i += n;
    }
  }
  return out;
}

bool ContainsHangul(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xEA && b <= 0xED) {
      uint32_t cp = 0;
      if (DecodeUtf8(s, i, &cp) == 3 && IsHangul(cp)) return true;
    }
  }
  return false;
}

std::string GuessLanguage(std::string_view text, double min_ratio) {
  size_t letters = 0;
  size_t hangul = 0;
  size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++letters;
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t n = DecodeUtf8(text, i, &cp);
    if (n == 0) {
      ++i;
      continue;
    }
    if (IsHangul(cp)) ++hangul, ++letters;
    i += n;
  }
  if (letters == 0) return "en";
  return static_cast<double>(hangul) / static_cast<double>(letters) >= min_ratio ? "ko" : "en";
}

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

constexpr std::array<std::string_view, 40> kAbbreviations = {
    "mr",  "mrs", "ms",  "dr",   "prof", "sr",     "jr",   "st",  "vs",  "etc",
    "inc", "co",  "ltd", "corp", "no",   "vol",    "ep",   "jan", "feb", "mar",
    "apr", "jun", "jul", "aug",  "sep",  "sept",   "oct",  "nov", "dec", "e.g",
    "i.e", "u.s", "u.k", "mt",   "ft",   "approx", "dept", "est", "gen", "gov"};

// True when the word ending at `dot` (exclusive) is an abbreviation or initial.
bool IsAbbreviation(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.') &&
         dot - b < 8) {
    --b;
  }
  if (b == dot) return false;
  if (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) return false;  // too long
  std::string word(text.substr(b, dot - b));
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) return true;
  // Initialisms: "D.O", "U.S", "K.Will".
  if (word.size() >= 3 && word[1] == '.' && std::isalpha(static_cast<unsigned char>(word[0]))) {
    return true;
  }
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// True when the word ending at `dot` is "Part" / "Pt" (any case): "OST Part. 3".
bool IsPartWord(std::string_view text, size_t dot) {
  size_t b = dot;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1])) && dot - b < 5) --b;
  std::string w(text.substr(b, dot - b));
  for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return w == "part" || w == "pt";
}

bool IsClosingQuoteAt(std::string_view t, size_t i, size_t* len) {
  static constexpr std::array<std::string_view, 6> kClose = {
      "\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE3\x80\x8D"};
  for (auto q : kClose) {
    if (t.substr(i, q.size()) == q) {
      *len = q.size();
      return true;
    }
  }
  return false;
}

// True when the '?' or '!' at `i` stands inside a Korean title in single quotes or angle
// brackets ("'안녕? 나야'에", "'내가! 금사월'(가제)"): the sentence so far opens such a mark
// without closing it, the closing mark follows within 48 bytes with no sentence end before it,
// and the title holds Hangul. False for anything else.
bool InsideKoreanTitleQuote(std::string_view t, size_t start, size_t i) {
  struct QuotePair {
    std::string_view open, close;
  };
  static constexpr std::array<QuotePair, 6> kPairs = {{{"\xE2\x80\x98", "\xE2\x80\x99"},
                                                       {"'", "'"},
                                                       {"\xE3\x80\x8A", "\xE3\x80\x8B"},
                                                       {"\xE3\x80\x88", "\xE3\x80\x89"},
                                                       {"<", ">"},
                                                       {"\xE3\x80\x8C", "\xE3\x80\x8D"}}};
  if (i < start || i >= t.size()) return false;
  const size_t from = i - start > 48 ? i - 48 : start;
  const std::string_view before = t.substr(from, i - from);
  const std::string_view after = t.substr(i + 1, std::min<size_t>(48, t.size() - i - 1));
  auto has_hangul = [](std::string_view v) {
    for (char ch : v) {
      const auto b = static_cast<unsigned char>(ch);
      if (b >= 0xEA && b <= 0xED) return true;  // lead bytes of U+A000..U+DFFF (syllables)
    }
    return false;
  };
  for (const QuotePair& q : kPairs) {
    const size_t open = before.rfind(q.open);
    if (open == std::string_view::npos) continue;
    if (q.open == q.close) {
      // one mark for both ends: inside when the sentence so far holds an odd number of them
      size_t count = 0;
      for (char ch : t.substr(start, i - start)) count += ch == q.open[0] ? 1 : 0;
      if (count % 2 == 0) continue;
    } else if (before.find(q.close, open) != std::string_view::npos) {
      continue;
    }
    const size_t close = after.find(q.close);
    if (close == std::string_view::npos) continue;
    const std::string_view rest = after.substr(0, close);
    if (rest.find_first_of(".?!\n") != std::string_view::npos) continue;
    if (has_hangul(before.substr(open + q.open.size())) || has_hangul(rest)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string_view> SplitSentences(std::string_view text, size_t max_sentence_bytes) {
  std::vector<std::string_view> out;
  if (max_sentence_bytes < 16) max_sentence_bytes = 16;
  size_t start = 0;
  auto emit = [&](size_t end) {
    if (end > start) {
      std::string_view s = Trim(text.substr(start, end - start));
      if (!s.empty()) out.push_back(s);
    }
    start = end;
  };
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    if (i - start >= max_sentence_bytes) {
      size_t cut = i;
      while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      if (cut == start) cut = i;
      emit(cut);
      continue;
    }
    // Fast skip to the next byte that can end a sentence ('\n' . ! ? or the
    // lead byte of … and 。), bounded by the sentence length limit.
    {
      const size_t limit = std::min(n, start + max_sentence_bytes);
      while (i < limit) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == '\n' || b == '.' || b == '!' || b == '?' || b == 0xE2 || b == 0xE3) break;
        ++i;
      }
      if (i >= n) break;
      if (i - start >= max_sentence_bytes) continue;
    }
    const char c = text[i];
    if (c == '\n') {
      emit(i);
      ++i;
      continue;
    }
    const bool ascii_end = c == '.' || c == '!' || c == '?';
    const bool ellipsis_char = text.substr(i, 3) == "\xE2\x80\xA6";  // …
    const bool ideo_stop = text.substr(i, 3) == "\xE3\x80\x82";      // 。
    if (!ascii_end && !ellipsis_char && !ideo_stop) {
      ++i;
      continue;
    }
    size_t j = i + (ascii_end ? 1 : 3);
    bool is_ellipsis = ellipsis_char;
    while (j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?')) {
      if (text[j] == '.') is_ellipsis = true;
      ++j;
    }
    // Korean sentence endings break even without a following space.
    size_t prev_start = 0;
    const uint32_t prev = PrevCodePoint(text, i, &prev_start);
    const bool korean_end = ascii_end && (prev == 0xB2E4 /*다*/ || prev == 0xC694 /*요*/ ||
                                          prev == 0xAE4C /*까*/ || prev == 0xC8E0 /*죠*/);
    const size_t after_marks = j;
    size_t qlen = 0;
    while (j < n && IsClosingQuoteAt(text, j, &qlen)) j += qlen;
    const bool at_end = j >= n;
    const bool space_after = at_end || IsSpace(text[j]);
    // "'안녕? 나야'에 출연한다": a mark inside a Korean title ends no sentence
    if ((c == '?' || c == '!') && j == after_marks && !at_end &&
        InsideKoreanTitleQuote(text, start, i)) {
      i = j;
      continue;
    }
    // "… Kim Nam Gil.On March 2, …": English sentences run together on a scraped page (a
    // lower-case letter, the dot, a capitalised word)
    const bool run_together = c == '.' && !space_after && j == i + 1 && i > 0 && j + 1 < n &&
                              std::islower(static_cast<unsigned char>(text[i - 1])) &&
                              std::isupper(static_cast<unsigned char>(text[j])) &&
                              std::islower(static_cast<unsigned char>(text[j + 1])) &&
                              !IsAbbreviation(text, i);
    if (run_together) {
      emit(j);
      i = j;
      continue;
    }
    // "'키스 먼저 할까요?(극본 …)'": a Korean ending right before "(" is inside a title
    if (!space_after && (!korean_end || text[j] == '(')) {
      i = j;
      continue;
    }
    if (c == '.' && !is_ellipsis && IsAbbreviation(text, i)) {
      i = j;
      continue;
    }
    // "SBS's Fri.-Sat. drama", "OST Part. 3": after an English word, a dot followed by a
    // lower-case word or a number goes on with the sentence
    if (c == '.' && !is_ellipsis && !at_end && j == i + 1 && i > 0 &&
        std::isalpha(static_cast<unsigned char>(text[i - 1]))) {
      size_t k = j;
      while (k < n && text[k] == ' ') ++k;
      if (k < n && k > j &&
          (std::islower(static_cast<unsigned char>(text[k])) ||
           (std::isdigit(static_cast<unsigned char>(text[k])) && k + 1 < n &&
            !std::isdigit(static_cast<unsigned char>(text[k + 1])) && IsPartWord(text, i)))) {
        i = j;
        continue;
      }
    }
    if (is_ellipsis && !at_end) {
      size_t k = j;
      while (k < n && IsSpace(text[k]) && text[k] != '\n') ++k;
      if (k < n && std::islower(static_cast<unsigned char>(text[k]))) {
        i = k;
        continue;
      }
    }
    emit(j);
    i = j;
  }
  emit(n);
  return out;
}

std::string MaskQuotedTitles(std::string_view text, size_t max_span) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kPairs = {{
      {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
      {"\xE3\x80\x8A", "\xE3\x80\x8B"},  // 《 》
      {"\xE3\x80\x88", "\xE3\x80\x89"},  // 〈 〉
      {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『 』
      {"'", "'"},
      {"\"", "\""},
  }};
  std::string out(text);
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != '\'' && c != '"' && c != 0xE2 && c != 0xE3) {
      ++i;
      continue;
    }
    bool masked = false;
    for (const auto& [open, close] : kPairs) {
      if (text.compare(i, open.size(), open) != 0) continue;
      if (open.size() == 1 && i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) {
        break;
      }
      const size_t from = i + open.size();
      const size_t to = text.find(close, from);
      if (to == std::string_view::npos || to == from || to - from > max_span) break;
      for (size_t k = from; k < to; ++k) out[k] = ' ';
      i = to + close.size();
      masked = true;
      break;
    }
    if (!masked) ++i;
  }
  return out;
}

std::string TrimName(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ';' || s.back() == ':')) {
    s.remove_suffix(1);
    s = Trim(s);
  }
  while (!s.empty() && (s.front() == ',' || s.front() == ';')) {
    s.remove_prefix(1);
    s = Trim(s);
  }
  return std::string(s);
}

std::string StripKoreanParticle(std::string_view name) {
  std::string s = TrimName(name);
  // Longest particles first; each is UTF-8 Hangul.
  // (stacked ones — "에는", "에서도", "까지" — before their parts, so "가창에는" is "가창")
  // (not a bare "에": "이선균에 앞서" names no subject)
  static constexpr std::array<std::string_view, 40> kParticles = {
      "에게서", "에서는", "에서도", "에게는", "으로서", "으로는", "이라는", "이라고",
      "에게",   "께서",   "한테",   "으로",   "이랑",   "라는",   "측은",   "에는",
      "에도",   "에서",   "까지",   "부터",   "처럼",   "만큼",   "과의",   "와의",
      "과는",   "와는",   "이다",   "이자",   "이",     "가",     "은",     "는",
      "을",     "를",     "의",     "와",     "과",     "도",     "측",     "씨"};
  auto syllables = [](std::string_view v) {
    size_t count = 0;
    for (size_t i = 0; i < v.size();) {
      uint32_t cp = 0;
      const size_t n = DecodeUtf8(v, i, &cp);
      if (n == 0) return count;
      if (IsHangul(cp)) ++count;
      i += n;
    }
    return count;
  };
  for (auto p : kParticles) {
    if (s.size() > p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) {
      std::string_view rest(s.data(), s.size() - p.size());
      while (!rest.empty() && IsSpace(rest.back())) rest.remove_suffix(1);
      size_t ps = 0;
      if (!IsHangul(PrevCodePoint(rest, rest.size(), &ps))) continue;
      if (syllables(rest) < 2) continue;
      return TrimName(rest);
    }
  }
  return s;
}

std::string StripTitleQuotes(std::string_view title) {
  std::string_view t = Trim(title);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kPairs = {{
      {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
      {"\xE3\x80\x8A", "\xE3\x80\x8B"},  // 《 》
      {"\xE3\x80\x88", "\xE3\x80\x89"},  // 〈 〉
      {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『 』
      {"'", "'"},
      {"\"", "\""},
      {"<", ">"},
      {"\xE2\x80\x98", "'"},
  }};
  for (int round = 0; round < 2; ++round) {
    for (const auto& [open, close] : kPairs) {
      if (t.size() >= open.size() + close.size() && t.substr(0, open.size()) == open &&
          t.substr(t.size() - close.size()) == close) {
        t = Trim(t.substr(open.size(), t.size() - open.size() - close.size()));
        break;
      }
    }
  }
  return TrimName(t);
}

std::string NormalizeKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '\t' || c == '_' || c == ',' ||
        c == ':' || c == '!' || c == '?') {
      continue;
    }
    if (s.substr(i, 2) == "\xC2\xB7") {  // middle dot
      ++i;
      continue;
    }
    if (s.substr(i, 3) == "\xE2\x80\x99" || s.substr(i, 3) == "\xE2\x80\x98") {
      i += 2;
      continue;
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);  // ASCII only, no locale
  }
  return out;
}

std::vector<std::string> SplitNameList(std::string_view list) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string name = TrimName(cur);
    if (!name.empty() && out.size() < 16) out.push_back(name);
    cur.clear();
  };
  size_t i = 0;
  while (i < list.size()) {
    std::string_view rest = list.substr(i);
    if (rest[0] == ',' || rest[0] == '&' || rest[0] == '/') {
      flush();
      ++i;
      continue;
    }
    if (rest.substr(0, 2) == "\xC2\xB7" || rest.substr(0, 3) == "\xE3\x83\xBB" ||
        rest.substr(0, 3) == "\xE3\x80\x81") {  // · ・ 、
      flush();
      i += rest.substr(0, 2) == "\xC2\xB7" ? 2 : 3;
      continue;
    }
    if (rest.substr(0, 5) == " and " || rest.substr(0, 4) == "and ") {
      if (rest.substr(0, 5) == " and " || cur.empty() || IsSpace(cur.back())) {
        flush();
        i += rest[0] == ' ' ? 5 : 4;
        continue;
      }
    }
    // Korean "A와 B" / "A과 B" / "A, 그리고 B".
    if ((rest.substr(0, 4) == "\xEC\x99\x80 " || rest.substr(0, 4) == "\xEA\xB3\xBC ") &&
        !cur.empty() && ContainsHangul(cur)) {
      flush();
      i += 4;
      continue;
    }
    if (rest.substr(0, 10) == "\xEA\xB7\xB8\xEB\xA6\xAC\xEA\xB3\xA0 ") {  // 그리고
      flush();
      i += 10;
      continue;
    }
    cur += rest[0];
    ++i;
  }
  flush();
  return out;
}

}  // namespace hallyu
