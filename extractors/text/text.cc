#include "extractors/text/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

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

bool IsCleanUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at a time: no high bit set and no zero byte.
    while (i + 8 <= text.size()) {
      uint64_t v;
      std::memcpy(&v, text.data() + i, 8);
      if ((v & 0x8080808080808080ull) != 0 ||
          ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0) {
        break;
      }
      i += 8;
    }
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t n = DecodeUtf8(text, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
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
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) {
    // "… the romance W. The drama will air": an initial is followed by a name, never by a
    // word that opens a sentence; a one-letter title ends it
    static constexpr std::array<std::string_view, 12> kOpeners = {
        "The ", "This ", "These ", "It ",  "Its ",   "He ",
        "She ", "They ", "His ",   "Her ", "Their ", "Meanwhile"};
    const std::string_view rest = text.substr(dot + 1);
    if (!rest.empty() && rest[0] == ' ') {
      for (std::string_view w : kOpeners) {
        if (rest.substr(1, w.size()) == w) return false;
      }
    }
    return true;
  }
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
// brackets ("'안녕? 나야'에", "'내가! 금사월'(가제)", "'안녕? 나야!'의"): the sentence so far opens
// such a mark without closing it, the closing mark follows within 48 bytes with no sentence end
// before it, and the title holds Hangul. False for anything else.
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
    std::string_view rest = after.substr(0, close);
    // ("'안녕? 나야!'": a title may also end in a mark of its own, right at its closing quote)
    while (!rest.empty() && (rest.back() == '!' || rest.back() == '?')) rest.remove_suffix(1);
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
    // "a new drama called Oh! Samkwang Villa": a '!' or '?' right after the first word of a
    // title that "called" / "titled" / "entitled" / "named" / "dubbed" introduces is part of
    // the title when a capitalised word follows it
    if ((c == '?' || c == '!') && j == after_marks && space_after && !at_end && i > 0 &&
        std::isupper(static_cast<unsigned char>(text[j + 1 < n ? j + 1 : j]))) {
      size_t w = i;
      while (w > start && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
      size_t pe = w;
      while (pe > start && text[pe - 1] == ' ') --pe;
      size_t pb = pe;
      while (pb > start && std::isalpha(static_cast<unsigned char>(text[pb - 1]))) --pb;
      std::string prev_word(text.substr(pb, pe - pb));
      for (auto& ch : prev_word)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (w < i && pe < w &&
          (prev_word == "called" || prev_word == "titled" || prev_word == "entitled" ||
           prev_word == "named" || prev_word == "dubbed")) {
        i = j;
        continue;
      }
    }
    // A title in quotes that ends with the mark goes on in the same sentence: a particle or a
    // comma right after the closing quote ("‘진짜가 나타났다!’에서", "'Run On!', and"), or a
    // lower-case English word after it ("“Are You Human?” starring", "“… best.” she said").
    if (j > after_marks && !at_end) {
      const auto next = static_cast<unsigned char>(text[j]);
      if (!space_after && ((next >= 0xEA && next <= 0xED) || next == ',')) {
        i = j;
        continue;
      }
      if (space_after && text[j] != '\n') {
        size_t k = j;
        while (k < n && (text[k] == ' ' || text[k] == '\t')) ++k;
        if (k < n && std::islower(static_cast<unsigned char>(text[k]))) {
          i = j;
          continue;
        }
      }
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
  static constexpr std::array<std::string_view, 41> kParticles = {
      "에게서", "에서는", "에서도", "에게는", "으로서", "으로는", "이라는", "이라고", "에겐",
      "에게",   "께서",   "한테",   "으로",   "이랑",   "라는",   "측은",   "에는",   "에도",
      "에서",   "까지",   "부터",   "처럼",   "만큼",   "과의",   "와의",   "과는",   "와는",
      "이다",   "이자",   "이",     "가",     "은",     "는",     "을",     "를",     "의",
      "와",     "과",     "도",     "측",     "씨"};
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
      // "남주혁씨에게", "서예지씨는": the honorific 씨 before the particle goes too
      static constexpr std::string_view kSsi = "\xEC\x94\xA8";  // 씨
      if (p != kSsi && rest.size() > kSsi.size() &&
          rest.substr(rest.size() - kSsi.size()) == kSsi &&
          syllables(rest.substr(0, rest.size() - kSsi.size())) >= 2) {
        rest.remove_suffix(kSsi.size());
      }
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
  NormalizeKeyTo(s, &out);
  return out;
}

void NormalizeKeyTo(std::string_view s, std::string* key) {
  std::string& out = *key;
  out.clear();
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '\t' || c == '_' || c == ',' ||
        c == ':' || c == '!' || c == '?') {
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB7) {
      ++i;  // middle dot
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 ||
         static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      i += 2;  // curly single quotes
      continue;
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);  // ASCII only, no locale
  }
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

// ---------------------------------------------------------------- NFC composition

namespace {

struct LatinComposition {
  std::uint16_t base;
  std::uint16_t mark;
  std::uint16_t composed;
};

// {base, mark, composed}, sorted by (base, mark): every canonical composition of a Latin
// letter (U+00C0..U+024F, U+1E00..U+1EFF) with one mark of U+0300..U+036F, generated from
// the Unicode Character Database (canonical decompositions minus composition exclusions).
constexpr LatinComposition kLatinCompositions[] = {
    {0x0041, 0x300, 0x00C0}, {0x0041, 0x301, 0x00C1}, {0x0041, 0x302, 0x00C2},
    {0x0041, 0x303, 0x00C3}, {0x0041, 0x304, 0x0100}, {0x0041, 0x306, 0x0102},
    {0x0041, 0x307, 0x0226}, {0x0041, 0x308, 0x00C4}, {0x0041, 0x309, 0x1EA2},
    {0x0041, 0x30A, 0x00C5}, {0x0041, 0x30C, 0x01CD}, {0x0041, 0x30F, 0x0200},
    {0x0041, 0x311, 0x0202}, {0x0041, 0x323, 0x1EA0}, {0x0041, 0x325, 0x1E00},
    {0x0041, 0x328, 0x0104}, {0x0042, 0x307, 0x1E02}, {0x0042, 0x323, 0x1E04},
    {0x0042, 0x331, 0x1E06}, {0x0043, 0x301, 0x0106}, {0x0043, 0x302, 0x0108},
    {0x0043, 0x307, 0x010A}, {0x0043, 0x30C, 0x010C}, {0x0043, 0x327, 0x00C7},
    {0x0044, 0x307, 0x1E0A}, {0x0044, 0x30C, 0x010E}, {0x0044, 0x323, 0x1E0C},
    {0x0044, 0x327, 0x1E10}, {0x0044, 0x32D, 0x1E12}, {0x0044, 0x331, 0x1E0E},
    {0x0045, 0x300, 0x00C8}, {0x0045, 0x301, 0x00C9}, {0x0045, 0x302, 0x00CA},
    {0x0045, 0x303, 0x1EBC}, {0x0045, 0x304, 0x0112}, {0x0045, 0x306, 0x0114},
    {0x0045, 0x307, 0x0116}, {0x0045, 0x308, 0x00CB}, {0x0045, 0x309, 0x1EBA},
    {0x0045, 0x30C, 0x011A}, {0x0045, 0x30F, 0x0204}, {0x0045, 0x311, 0x0206},
    {0x0045, 0x323, 0x1EB8}, {0x0045, 0x327, 0x0228}, {0x0045, 0x328, 0x0118},
    {0x0045, 0x32D, 0x1E18}, {0x0045, 0x330, 0x1E1A}, {0x0046, 0x307, 0x1E1E},
    {0x0047, 0x301, 0x01F4}, {0x0047, 0x302, 0x011C}, {0x0047, 0x304, 0x1E20},
    {0x0047, 0x306, 0x011E}, {0x0047, 0x307, 0x0120}, {0x0047, 0x30C, 0x01E6},
    {0x0047, 0x327, 0x0122}, {0x0048, 0x302, 0x0124}, {0x0048, 0x307, 0x1E22},
    {0x0048, 0x308, 0x1E26}, {0x0048, 0x30C, 0x021E}, {0x0048, 0x323, 0x1E24},
    {0x0048, 0x327, 0x1E28}, {0x0048, 0x32E, 0x1E2A}, {0x0049, 0x300, 0x00CC},
    {0x0049, 0x301, 0x00CD}, {0x0049, 0x302, 0x00CE}, {0x0049, 0x303, 0x0128},
    {0x0049, 0x304, 0x012A}, {0x0049, 0x306, 0x012C}, {0x0049, 0x307, 0x0130},
    {0x0049, 0x308, 0x00CF}, {0x0049, 0x309, 0x1EC8}, {0x0049, 0x30C, 0x01CF},
    {0x0049, 0x30F, 0x0208}, {0x0049, 0x311, 0x020A}, {0x0049, 0x323, 0x1ECA},
    {0x0049, 0x328, 0x012E}, {0x0049, 0x330, 0x1E2C}, {0x004A, 0x302, 0x0134},
    {0x004B, 0x301, 0x1E30}, {0x004B, 0x30C, 0x01E8}, {0x004B, 0x323, 0x1E32},
    {0x004B, 0x327, 0x0136}, {0x004B, 0x331, 0x1E34}, {0x004C, 0x301, 0x0139},
    {0x004C, 0x30C, 0x013D}, {0x004C, 0x323, 0x1E36}, {0x004C, 0x327, 0x013B},
    {0x004C, 0x32D, 0x1E3C}, {0x004C, 0x331, 0x1E3A}, {0x004D, 0x301, 0x1E3E},
    {0x004D, 0x307, 0x1E40}, {0x004D, 0x323, 0x1E42}, {0x004E, 0x300, 0x01F8},
    {0x004E, 0x301, 0x0143}, {0x004E, 0x303, 0x00D1}, {0x004E, 0x307, 0x1E44},
    {0x004E, 0x30C, 0x0147}, {0x004E, 0x323, 0x1E46}, {0x004E, 0x327, 0x0145},
    {0x004E, 0x32D, 0x1E4A}, {0x004E, 0x331, 0x1E48}, {0x004F, 0x300, 0x00D2},
    {0x004F, 0x301, 0x00D3}, {0x004F, 0x302, 0x00D4}, {0x004F, 0x303, 0x00D5},
    {0x004F, 0x304, 0x014C}, {0x004F, 0x306, 0x014E}, {0x004F, 0x307, 0x022E},
    {0x004F, 0x308, 0x00D6}, {0x004F, 0x309, 0x1ECE}, {0x004F, 0x30B, 0x0150},
    {0x004F, 0x30C, 0x01D1}, {0x004F, 0x30F, 0x020C}, {0x004F, 0x311, 0x020E},
    {0x004F, 0x31B, 0x01A0}, {0x004F, 0x323, 0x1ECC}, {0x004F, 0x328, 0x01EA},
    {0x0050, 0x301, 0x1E54}, {0x0050, 0x307, 0x1E56}, {0x0052, 0x301, 0x0154},
    {0x0052, 0x307, 0x1E58}, {0x0052, 0x30C, 0x0158}, {0x0052, 0x30F, 0x0210},
    {0x0052, 0x311, 0x0212}, {0x0052, 0x323, 0x1E5A}, {0x0052, 0x327, 0x0156},
    {0x0052, 0x331, 0x1E5E}, {0x0053, 0x301, 0x015A}, {0x0053, 0x302, 0x015C},
    {0x0053, 0x307, 0x1E60}, {0x0053, 0x30C, 0x0160}, {0x0053, 0x323, 0x1E62},
    {0x0053, 0x326, 0x0218}, {0x0053, 0x327, 0x015E}, {0x0054, 0x307, 0x1E6A},
    {0x0054, 0x30C, 0x0164}, {0x0054, 0x323, 0x1E6C}, {0x0054, 0x326, 0x021A},
    {0x0054, 0x327, 0x0162}, {0x0054, 0x32D, 0x1E70}, {0x0054, 0x331, 0x1E6E},
    {0x0055, 0x300, 0x00D9}, {0x0055, 0x301, 0x00DA}, {0x0055, 0x302, 0x00DB},
    {0x0055, 0x303, 0x0168}, {0x0055, 0x304, 0x016A}, {0x0055, 0x306, 0x016C},
    {0x0055, 0x308, 0x00DC}, {0x0055, 0x309, 0x1EE6}, {0x0055, 0x30A, 0x016E},
    {0x0055, 0x30B, 0x0170}, {0x0055, 0x30C, 0x01D3}, {0x0055, 0x30F, 0x0214},
    {0x0055, 0x311, 0x0216}, {0x0055, 0x31B, 0x01AF}, {0x0055, 0x323, 0x1EE4},
    {0x0055, 0x324, 0x1E72}, {0x0055, 0x328, 0x0172}, {0x0055, 0x32D, 0x1E76},
    {0x0055, 0x330, 0x1E74}, {0x0056, 0x303, 0x1E7C}, {0x0056, 0x323, 0x1E7E},
    {0x0057, 0x300, 0x1E80}, {0x0057, 0x301, 0x1E82}, {0x0057, 0x302, 0x0174},
    {0x0057, 0x307, 0x1E86}, {0x0057, 0x308, 0x1E84}, {0x0057, 0x323, 0x1E88},
    {0x0058, 0x307, 0x1E8A}, {0x0058, 0x308, 0x1E8C}, {0x0059, 0x300, 0x1EF2},
    {0x0059, 0x301, 0x00DD}, {0x0059, 0x302, 0x0176}, {0x0059, 0x303, 0x1EF8},
    {0x0059, 0x304, 0x0232}, {0x0059, 0x307, 0x1E8E}, {0x0059, 0x308, 0x0178},
    {0x0059, 0x309, 0x1EF6}, {0x0059, 0x323, 0x1EF4}, {0x005A, 0x301, 0x0179},
    {0x005A, 0x302, 0x1E90}, {0x005A, 0x307, 0x017B}, {0x005A, 0x30C, 0x017D},
    {0x005A, 0x323, 0x1E92}, {0x005A, 0x331, 0x1E94}, {0x0061, 0x300, 0x00E0},
    {0x0061, 0x301, 0x00E1}, {0x0061, 0x302, 0x00E2}, {0x0061, 0x303, 0x00E3},
    {0x0061, 0x304, 0x0101}, {0x0061, 0x306, 0x0103}, {0x0061, 0x307, 0x0227},
    {0x0061, 0x308, 0x00E4}, {0x0061, 0x309, 0x1EA3}, {0x0061, 0x30A, 0x00E5},
    {0x0061, 0x30C, 0x01CE}, {0x0061, 0x30F, 0x0201}, {0x0061, 0x311, 0x0203},
    {0x0061, 0x323, 0x1EA1}, {0x0061, 0x325, 0x1E01}, {0x0061, 0x328, 0x0105},
    {0x0062, 0x307, 0x1E03}, {0x0062, 0x323, 0x1E05}, {0x0062, 0x331, 0x1E07},
    {0x0063, 0x301, 0x0107}, {0x0063, 0x302, 0x0109}, {0x0063, 0x307, 0x010B},
    {0x0063, 0x30C, 0x010D}, {0x0063, 0x327, 0x00E7}, {0x0064, 0x307, 0x1E0B},
    {0x0064, 0x30C, 0x010F}, {0x0064, 0x323, 0x1E0D}, {0x0064, 0x327, 0x1E11},
    {0x0064, 0x32D, 0x1E13}, {0x0064, 0x331, 0x1E0F}, {0x0065, 0x300, 0x00E8},
    {0x0065, 0x301, 0x00E9}, {0x0065, 0x302, 0x00EA}, {0x0065, 0x303, 0x1EBD},
    {0x0065, 0x304, 0x0113}, {0x0065, 0x306, 0x0115}, {0x0065, 0x307, 0x0117},
    {0x0065, 0x308, 0x00EB}, {0x0065, 0x309, 0x1EBB}, {0x0065, 0x30C, 0x011B},
    {0x0065, 0x30F, 0x0205}, {0x0065, 0x311, 0x0207}, {0x0065, 0x323, 0x1EB9},
    {0x0065, 0x327, 0x0229}, {0x0065, 0x328, 0x0119}, {0x0065, 0x32D, 0x1E19},
    {0x0065, 0x330, 0x1E1B}, {0x0066, 0x307, 0x1E1F}, {0x0067, 0x301, 0x01F5},
    {0x0067, 0x302, 0x011D}, {0x0067, 0x304, 0x1E21}, {0x0067, 0x306, 0x011F},
    {0x0067, 0x307, 0x0121}, {0x0067, 0x30C, 0x01E7}, {0x0067, 0x327, 0x0123},
    {0x0068, 0x302, 0x0125}, {0x0068, 0x307, 0x1E23}, {0x0068, 0x308, 0x1E27},
    {0x0068, 0x30C, 0x021F}, {0x0068, 0x323, 0x1E25}, {0x0068, 0x327, 0x1E29},
    {0x0068, 0x32E, 0x1E2B}, {0x0068, 0x331, 0x1E96}, {0x0069, 0x300, 0x00EC},
    {0x0069, 0x301, 0x00ED}, {0x0069, 0x302, 0x00EE}, {0x0069, 0x303, 0x0129},
    {0x0069, 0x304, 0x012B}, {0x0069, 0x306, 0x012D}, {0x0069, 0x308, 0x00EF},
    {0x0069, 0x309, 0x1EC9}, {0x0069, 0x30C, 0x01D0}, {0x0069, 0x30F, 0x0209},
    {0x0069, 0x311, 0x020B}, {0x0069, 0x323, 0x1ECB}, {0x0069, 0x328, 0x012F},
    {0x0069, 0x330, 0x1E2D}, {0x006A, 0x302, 0x0135}, {0x006A, 0x30C, 0x01F0},
    {0x006B, 0x301, 0x1E31}, {0x006B, 0x30C, 0x01E9}, {0x006B, 0x323, 0x1E33},
    {0x006B, 0x327, 0x0137}, {0x006B, 0x331, 0x1E35}, {0x006C, 0x301, 0x013A},
    {0x006C, 0x30C, 0x013E}, {0x006C, 0x323, 0x1E37}, {0x006C, 0x327, 0x013C},
    {0x006C, 0x32D, 0x1E3D}, {0x006C, 0x331, 0x1E3B}, {0x006D, 0x301, 0x1E3F},
    {0x006D, 0x307, 0x1E41}, {0x006D, 0x323, 0x1E43}, {0x006E, 0x300, 0x01F9},
    {0x006E, 0x301, 0x0144}, {0x006E, 0x303, 0x00F1}, {0x006E, 0x307, 0x1E45},
    {0x006E, 0x30C, 0x0148}, {0x006E, 0x323, 0x1E47}, {0x006E, 0x327, 0x0146},
    {0x006E, 0x32D, 0x1E4B}, {0x006E, 0x331, 0x1E49}, {0x006F, 0x300, 0x00F2},
    {0x006F, 0x301, 0x00F3}, {0x006F, 0x302, 0x00F4}, {0x006F, 0x303, 0x00F5},
    {0x006F, 0x304, 0x014D}, {0x006F, 0x306, 0x014F}, {0x006F, 0x307, 0x022F},
    {0x006F, 0x308, 0x00F6}, {0x006F, 0x309, 0x1ECF}, {0x006F, 0x30B, 0x0151},
    {0x006F, 0x30C, 0x01D2}, {0x006F, 0x30F, 0x020D}, {0x006F, 0x311, 0x020F},
    {0x006F, 0x31B, 0x01A1}, {0x006F, 0x323, 0x1ECD}, {0x006F, 0x328, 0x01EB},
    {0x0070, 0x301, 0x1E55}, {0x0070, 0x307, 0x1E57}, {0x0072, 0x301, 0x0155},
    {0x0072, 0x307, 0x1E59}, {0x0072, 0x30C, 0x0159}, {0x0072, 0x30F, 0x0211},
    {0x0072, 0x311, 0x0213}, {0x0072, 0x323, 0x1E5B}, {0x0072, 0x327, 0x0157},
    {0x0072, 0x331, 0x1E5F}, {0x0073, 0x301, 0x015B}, {0x0073, 0x302, 0x015D},
    {0x0073, 0x307, 0x1E61}, {0x0073, 0x30C, 0x0161}, {0x0073, 0x323, 0x1E63},
    {0x0073, 0x326, 0x0219}, {0x0073, 0x327, 0x015F}, {0x0074, 0x307, 0x1E6B},
    {0x0074, 0x308, 0x1E97}, {0x0074, 0x30C, 0x0165}, {0x0074, 0x323, 0x1E6D},
    {0x0074, 0x326, 0x021B}, {0x0074, 0x327, 0x0163}, {0x0074, 0x32D, 0x1E71},
    {0x0074, 0x331, 0x1E6F}, {0x0075, 0x300, 0x00F9}, {0x0075, 0x301, 0x00FA},
    {0x0075, 0x302, 0x00FB}, {0x0075, 0x303, 0x0169}, {0x0075, 0x304, 0x016B},
    {0x0075, 0x306, 0x016D}, {0x0075, 0x308, 0x00FC}, {0x0075, 0x309, 0x1EE7},
    {0x0075, 0x30A, 0x016F}, {0x0075, 0x30B, 0x0171}, {0x0075, 0x30C, 0x01D4},
    {0x0075, 0x30F, 0x0215}, {0x0075, 0x311, 0x0217}, {0x0075, 0x31B, 0x01B0},
    {0x0075, 0x323, 0x1EE5}, {0x0075, 0x324, 0x1E73}, {0x0075, 0x328, 0x0173},
    {0x0075, 0x32D, 0x1E77}, {0x0075, 0x330, 0x1E75}, {0x0076, 0x303, 0x1E7D},
    {0x0076, 0x323, 0x1E7F}, {0x0077, 0x300, 0x1E81}, {0x0077, 0x301, 0x1E83},
    {0x0077, 0x302, 0x0175}, {0x0077, 0x307, 0x1E87}, {0x0077, 0x308, 0x1E85},
    {0x0077, 0x30A, 0x1E98}, {0x0077, 0x323, 0x1E89}, {0x0078, 0x307, 0x1E8B},
    {0x0078, 0x308, 0x1E8D}, {0x0079, 0x300, 0x1EF3}, {0x0079, 0x301, 0x00FD},
    {0x0079, 0x302, 0x0177}, {0x0079, 0x303, 0x1EF9}, {0x0079, 0x304, 0x0233},
    {0x0079, 0x307, 0x1E8F}, {0x0079, 0x308, 0x00FF}, {0x0079, 0x309, 0x1EF7},
    {0x0079, 0x30A, 0x1E99}, {0x0079, 0x323, 0x1EF5}, {0x007A, 0x301, 0x017A},
    {0x007A, 0x302, 0x1E91}, {0x007A, 0x307, 0x017C}, {0x007A, 0x30C, 0x017E},
    {0x007A, 0x323, 0x1E93}, {0x007A, 0x331, 0x1E95}, {0x00C2, 0x300, 0x1EA6},
    {0x00C2, 0x301, 0x1EA4}, {0x00C2, 0x303, 0x1EAA}, {0x00C2, 0x309, 0x1EA8},
    {0x00C4, 0x304, 0x01DE}, {0x00C5, 0x301, 0x01FA}, {0x00C6, 0x301, 0x01FC},
    {0x00C6, 0x304, 0x01E2}, {0x00C7, 0x301, 0x1E08}, {0x00CA, 0x300, 0x1EC0},
    {0x00CA, 0x301, 0x1EBE}, {0x00CA, 0x303, 0x1EC4}, {0x00CA, 0x309, 0x1EC2},
    {0x00CF, 0x301, 0x1E2E}, {0x00D4, 0x300, 0x1ED2}, {0x00D4, 0x301, 0x1ED0},
    {0x00D4, 0x303, 0x1ED6}, {0x00D4, 0x309, 0x1ED4}, {0x00D5, 0x301, 0x1E4C},
    {0x00D5, 0x304, 0x022C}, {0x00D5, 0x308, 0x1E4E}, {0x00D6, 0x304, 0x022A},
    {0x00D8, 0x301, 0x01FE}, {0x00DC, 0x300, 0x01DB}, {0x00DC, 0x301, 0x01D7},
    {0x00DC, 0x304, 0x01D5}, {0x00DC, 0x30C, 0x01D9}, {0x00E2, 0x300, 0x1EA7},
    {0x00E2, 0x301, 0x1EA5}, {0x00E2, 0x303, 0x1EAB}, {0x00E2, 0x309, 0x1EA9},
    {0x00E4, 0x304, 0x01DF}, {0x00E5, 0x301, 0x01FB}, {0x00E6, 0x301, 0x01FD},
    {0x00E6, 0x304, 0x01E3}, {0x00E7, 0x301, 0x1E09}, {0x00EA, 0x300, 0x1EC1},
    {0x00EA, 0x301, 0x1EBF}, {0x00EA, 0x303, 0x1EC5}, {0x00EA, 0x309, 0x1EC3},
    {0x00EF, 0x301, 0x1E2F}, {0x00F4, 0x300, 0x1ED3}, {0x00F4, 0x301, 0x1ED1},
    {0x00F4, 0x303, 0x1ED7}, {0x00F4, 0x309, 0x1ED5}, {0x00F5, 0x301, 0x1E4D},
    {0x00F5, 0x304, 0x022D}, {0x00F5, 0x308, 0x1E4F}, {0x00F6, 0x304, 0x022B},
    {0x00F8, 0x301, 0x01FF}, {0x00FC, 0x300, 0x01DC}, {0x00FC, 0x301, 0x01D8},
    {0x00FC, 0x304, 0x01D6}, {0x00FC, 0x30C, 0x01DA}, {0x0102, 0x300, 0x1EB0},
    {0x0102, 0x301, 0x1EAE}, {0x0102, 0x303, 0x1EB4}, {0x0102, 0x309, 0x1EB2},
    {0x0103, 0x300, 0x1EB1}, {0x0103, 0x301, 0x1EAF}, {0x0103, 0x303, 0x1EB5},
    {0x0103, 0x309, 0x1EB3}, {0x0112, 0x300, 0x1E14}, {0x0112, 0x301, 0x1E16},
    {0x0113, 0x300, 0x1E15}, {0x0113, 0x301, 0x1E17}, {0x014C, 0x300, 0x1E50},
    {0x014C, 0x301, 0x1E52}, {0x014D, 0x300, 0x1E51}, {0x014D, 0x301, 0x1E53},
    {0x015A, 0x307, 0x1E64}, {0x015B, 0x307, 0x1E65}, {0x0160, 0x307, 0x1E66},
    {0x0161, 0x307, 0x1E67}, {0x0168, 0x301, 0x1E78}, {0x0169, 0x301, 0x1E79},
    {0x016A, 0x308, 0x1E7A}, {0x016B, 0x308, 0x1E7B}, {0x017F, 0x307, 0x1E9B},
    {0x01A0, 0x300, 0x1EDC}, {0x01A0, 0x301, 0x1EDA}, {0x01A0, 0x303, 0x1EE0},
    {0x01A0, 0x309, 0x1EDE}, {0x01A0, 0x323, 0x1EE2}, {0x01A1, 0x300, 0x1EDD},
    {0x01A1, 0x301, 0x1EDB}, {0x01A1, 0x303, 0x1EE1}, {0x01A1, 0x309, 0x1EDF},
    {0x01A1, 0x323, 0x1EE3}, {0x01AF, 0x300, 0x1EEA}, {0x01AF, 0x301, 0x1EE8},
    {0x01AF, 0x303, 0x1EEE}, {0x01AF, 0x309, 0x1EEC}, {0x01AF, 0x323, 0x1EF0},
    {0x01B0, 0x300, 0x1EEB}, {0x01B0, 0x301, 0x1EE9}, {0x01B0, 0x303, 0x1EEF},
    {0x01B0, 0x309, 0x1EED}, {0x01B0, 0x323, 0x1EF1}, {0x01B7, 0x30C, 0x01EE},
    {0x01EA, 0x304, 0x01EC}, {0x01EB, 0x304, 0x01ED}, {0x0226, 0x304, 0x01E0},
    {0x0227, 0x304, 0x01E1}, {0x0228, 0x306, 0x1E1C}, {0x0229, 0x306, 0x1E1D},
    {0x022E, 0x304, 0x0230}, {0x022F, 0x304, 0x0231}, {0x0292, 0x30C, 0x01EF},
    {0x1E36, 0x304, 0x1E38}, {0x1E37, 0x304, 0x1E39}, {0x1E5A, 0x304, 0x1E5C},
    {0x1E5B, 0x304, 0x1E5D}, {0x1E62, 0x307, 0x1E68}, {0x1E63, 0x307, 0x1E69},
    {0x1EA0, 0x302, 0x1EAC}, {0x1EA0, 0x306, 0x1EB6}, {0x1EA1, 0x302, 0x1EAD},
    {0x1EA1, 0x306, 0x1EB7}, {0x1EB8, 0x302, 0x1EC6}, {0x1EB9, 0x302, 0x1EC7},
    {0x1ECC, 0x302, 0x1ED8}, {0x1ECD, 0x302, 0x1ED9},
};
// Canonical combining class of U+0300..U+036F (same database).
constexpr std::uint8_t kCombiningClass0300[0x70] = {
    230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
    230, 230, 232, 220, 220, 220, 220, 232, 216, 220, 220, 220, 220, 220, 202, 202, 220, 220, 220,
    220, 202, 202, 220, 220, 220, 220, 220, 220, 220, 220, 220, 220, 220, 1,   1,   1,   1,   1,
    220, 220, 220, 220, 230, 230, 230, 230, 230, 230, 230, 230, 240, 230, 220, 220, 220, 230, 230,
    230, 220, 220, 0,   230, 230, 230, 220, 220, 220, 220, 230, 232, 220, 220, 230, 233, 234, 234,
    233, 234, 234, 233, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,
};

constexpr uint32_t kHangulBase = 0xAC00, kLeadBase = 0x1100, kVowelBase = 0x1161,
                   kTrailBase = 0x11A7;
constexpr uint32_t kLeadCount = 19, kVowelCount = 21, kTrailCount = 28;

// Combining class of `cp` for the marks this composer knows (U+0300..U+036F); every other
// code point counts as a starter (class 0).
int CombiningClass(uint32_t cp) {
  return cp >= 0x300 && cp < 0x370 ? kCombiningClass0300[cp - 0x300] : 0;
}

// The precomposed Latin letter for `base` + `mark`, or 0.
uint32_t ComposeLatin(uint32_t base, uint32_t mark) {
  if (base > 0xFFFF || mark < 0x300 || mark >= 0x370) return 0;
  const LatinComposition key{static_cast<std::uint16_t>(base), static_cast<std::uint16_t>(mark), 0};
  auto less = [](const LatinComposition& a, const LatinComposition& b) {
    return a.base != b.base ? a.base < b.base : a.mark < b.mark;
  };
  const auto* end = std::end(kLatinCompositions);
  const auto* it = std::lower_bound(std::begin(kLatinCompositions), end, key, less);
  return it != end && it->base == key.base && it->mark == key.mark ? it->composed : 0;
}

// The Hangul syllable for `first` + `second` (L + V, or LV + T), or 0.
uint32_t ComposeHangul(uint32_t first, uint32_t second) {
  if (first >= kLeadBase && first < kLeadBase + kLeadCount && second >= kVowelBase &&
      second < kVowelBase + kVowelCount) {
    return kHangulBase + ((first - kLeadBase) * kVowelCount + (second - kVowelBase)) * kTrailCount;
  }
  if (first >= kHangulBase && first < kHangulBase + kLeadCount * kVowelCount * kTrailCount &&
      (first - kHangulBase) % kTrailCount == 0 && second > kTrailBase &&
      second < kTrailBase + kTrailCount) {
    return first + (second - kTrailBase);
  }
  return 0;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Composes one run: a starter (or nothing) followed by the marks after it. `run` holds
// code points; marks are put in canonical order (stable by class) before composing.
void FlushRun(std::vector<uint32_t>* run, std::string* out) {
  if (run->empty()) return;
  auto first_mark = run->begin() + (CombiningClass(run->front()) == 0 ? 1 : 0);
  std::stable_sort(first_mark, run->end(),
                   [](uint32_t a, uint32_t b) { return CombiningClass(a) < CombiningClass(b); });
  uint32_t starter = run->front();
  const bool has_starter = CombiningClass(starter) == 0;
  int last_class = 0;  // class of the last mark left uncomposed
  std::vector<uint32_t> kept;
  for (auto it = run->begin() + 1; has_starter && it != run->end(); ++it) {
    const int cls = CombiningClass(*it);
    if (last_class == 0 || last_class < cls) {
      if (const uint32_t c = ComposeLatin(starter, *it); c != 0) {
        starter = c;
        continue;
      }
    }
    last_class = cls;
    kept.push_back(*it);
  }
  if (has_starter) {
    AppendUtf8(starter, out);
    for (uint32_t m : kept) AppendUtf8(m, out);
  } else {
    for (uint32_t m : *run) AppendUtf8(m, out);
  }
  run->clear();
}

}  // namespace

// A combining mark U+0300..U+036F has lead byte CC or CD; a conjoining jamo U+1100..U+11FF
// is E1 84..87.
bool MayNeedNfcComposition(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xCC || c == 0xCD) return true;
    if (c == 0xE1 && i + 1 < text.size()) {
      const auto d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x84 && d <= 0x87) return true;
    }
  }
  return false;
}

std::string ComposeNfc(std::string_view text) {
  if (!MayNeedNfcComposition(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::vector<uint32_t> run;  // the current starter and its marks
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = 0;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {  // invalid byte: copied as it is, ends the run
      FlushRun(&run, &out);
      out.push_back(text[i]);
      ++i;
      continue;
    }
    i += len;
    if (run.size() == 1) {
      if (const uint32_t syllable = ComposeHangul(run.front(), cp); syllable != 0) {
        run.front() = syllable;
        continue;
      }
    }
    if (CombiningClass(cp) == 0) {
      FlushRun(&run, &out);
    } else if (run.size() >= 64) {  // a run of marks is bounded; composition stops there
      FlushRun(&run, &out);
    }
    run.push_back(cp);
  }
  FlushRun(&run, &out);
  return out;
}

}  // namespace hallyu
