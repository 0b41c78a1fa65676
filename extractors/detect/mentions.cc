#include "extractors/detect/mentions.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "extractors/text/text.h"

namespace hallyu {
namespace {

constexpr size_t kMaxMentions = 64;
constexpr size_t kMaxTokens = 400;

// --- UTF-8 helpers -----------------------------------------------------------

uint32_t CodePointAt(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > s.size() || n == 1) {
    *len = 1;
    return 0xFFFD;
  }
  uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = n;
  return cp;
}

bool IsHangulCp(uint32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// The code point that ends at byte `end` (0xFFFD when there is none).
uint32_t PrevCodePointOf(std::string_view s, size_t end, size_t* start) {
  size_t b = end;
  while (b > 0 && end - b < 4) {
    --b;
    if ((static_cast<unsigned char>(s[b]) & 0xC0) != 0x80) break;
  }
  *start = b;
  size_t len = 1;
  const uint32_t cp = CodePointAt(s, b, &len);
  return b + len == end ? cp : 0xFFFD;
}

size_t HangulSyllables(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    if (IsHangulCp(CodePointAt(s, i, &len))) ++n;
    i += len;
  }
  return n;
}

std::string FirstSyllable(std::string_view s) {
  size_t len = 1;
  if (s.empty()) return "";
  CodePointAt(s, 0, &len);
  return std::string(s.substr(0, len));
}

std::string LowerAscii(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

// Separators between words: ASCII punctuation except - . ' & + and the
// Unicode quotes, brackets and list marks news uses.
bool IsSeparatorCp(uint32_t cp) {
  if (cp < 0x80) {
    if (std::isalnum(static_cast<int>(cp))) return false;
    return !(cp == '-' || cp == '.' || cp == '\'' || cp == '&' || cp == '+');
  }
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:  // ‘ ’ “ ”
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:  // 「」『』
    case 0x300A:
    case 0x300B:
    case 0x3008:
    case 0x3009:  // 《》〈〉
    case 0x00B7:
    case 0x30FB:
    case 0x3001:
    case 0x3002:  // · ・ 、 。
    case 0x2026:
    case 0x2013:
    case 0x2014:
    case 0x00A0:  // … – — nbsp
    case 0x00D7:
    case '`':  // × `
    case 0xFF0C:
    case 0xFF08:
    case 0xFF09:
    case 0x2022:  // ， （ ） •
    case 0xFFFD:
    // "A→B까지", "A▶B", "A～B": headline telegraphese lists names with arrows and tildes
    case 0x2190:
    case 0x2192:
    case 0x2194:
    case 0x21D2:
    case 0x25B6:
    case 0x25B7:
    case 0xFF5E:  // ← → ↔ ⇒ ▶ ▷ ～
      return true;
    default:
      return false;
  }
}

struct Token {
  size_t b = 0, e = 0;
  std::string_view text;    // as in the sentence, trailing . ' ’ trimmed
  bool possessive = false;  // ended in 's / ’s (not part of text)
  bool capital = false;     // starts with an upper-case ASCII/Latin letter or digit
  bool hangul = false;      // holds a Hangul syllable
  bool in_quote = false;    // inside a quoted span
  bool in_parens = false;   // inside ( )
};

struct Span {
  size_t b, e;    // quote to quote, inclusive of the marks
  size_t ib, ie;  // the inside
};

// Casting words that end a Korean title opened with ‘ but never closed.
const std::set<std::string, std::less<>>& KoreanRoleNouns();

constexpr std::string_view kUnclosedTitleStopWords[] = {
    "\xEC\xB6\x9C\xEC\x97\xB0",              // 출연
    "\xEC\xA0\x9C\xEC\x9E\x91\xEC\xA7\x84",  // 제작진
    "\xEC\xA0\x9C\xEC\x9E\x91\xEC\x82\xAC",  // 제작사
    "\xEC\xB8\xA1",                          // 측
    "\xEC\x97\xAD",                          // 역
    "OST",
    "\xEA\xB0\x80\xEC\xB0\xBD\xEC\x9E\x90",              // 가창자
    "\xEC\xA3\xBC\xEC\x9D\xB8\xEA\xB3\xB5",              // 주인공
    "\xEC\x97\xAC\xEC\xA3\xBC\xEC\x9D\xB8\xEA\xB3\xB5",  // 여주인공
    "\xEB\x82\xA8\xEC\xA3\xBC\xEC\x9D\xB8\xEA\xB3\xB5",  // 남주인공
    "\xEC\xA3\xBC\xEC\x97\xB0",                          // 주연
    "\xEC\xBA\x90\xEC\x8A\xA4\xED\x8C\x85",              // 캐스팅
    "\xED\x95\xA9\xEB\xA5\x98",                          // 합류
};

// The end of the last word before a casting word of kUnclosedTitleStopWords (alone, with a
// particle of at most two syllables) that comes after one or two plain words from `from` —
// words of Hangul (and digits) with no particle of a subject, topic, object or place at
// their end; 0 otherwise.
size_t TitleRunsOnToStopWord(std::string_view s, size_t from) {
  static constexpr std::string_view kParticleEnds[] = {
      "\xEC\x9D\xB4", "\xEA\xB0\x80", "\xEC\x9D\x80", "\xEB\x8A\x94", "\xEB\x8F\x84",
      "\xEC\x9D\x98", "\xEC\x99\x80", "\xEA\xB3\xBC", "\xEC\x97\x90", "\xEB\xA5\xBC",
      "\xEC\x9D\x84", "\xEB\xA1\x9C", "\xEC\x84\x9C"};  // 이 가 은 는 도 의 와 과 에 를 을 로 서
  size_t pos = from;
  size_t last_end = 0;
  for (int words = 0; words < 3 && pos < s.size(); ++words) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    size_t we = s.find(' ', pos);
    if (we == std::string_view::npos) we = s.size();
    const std::string_view w = s.substr(pos, we - pos);
    if (w.empty() || HangulSyllables(w) * 3 != w.size()) return 0;
    for (std::string_view stop : kUnclosedTitleStopWords) {
      if (w.starts_with(stop) && w.size() - stop.size() <= 6) return words > 0 ? last_end : 0;
    }
    if (words == 2) return 0;
    for (std::string_view p : kParticleEnds) {
      if (w.ends_with(p)) return 0;
    }
    if (KoreanRoleNouns().count(w)) return 0;
    last_end = we;
    pos = we;
  }
  return 0;
}

// Where a Korean title opened with ‘ but never closed ends (a page that lost the closing
// mark: "‘연애의 발견 제작진이", "‘다이아몬드 호텔에서 여주인공으로"): before a casting word
// (출연, 제작진, 측, 역, OST, …) or at a place or object particle that ends a word (에서, 에,
// 으로, 로, 을, 를). `from` is the first byte after the mark. 0 when no such end comes within
// eight words, or a word holds punctuation first.
size_t UnclosedKoreanTitleEnd(std::string_view s, size_t from) {
  const auto& kStopWords = kUnclosedTitleStopWords;
  static constexpr std::string_view kEndParticles[] = {
      "\xEC\x97\x90\xEC\x84\x9C",  // 에서
      "\xEC\x97\x90\xEA\xB2\x8C",  // 에게
      "\xEC\x9C\xBC\xEB\xA1\x9C",  // 으로
      "\xEC\x97\x90",              // 에
      "\xEB\xA1\x9C",              // 로
      "\xEC\x9D\x84",              // 을
      "\xEB\xA5\xBC",              // 를
  };
  size_t pos = from;
  size_t last_end = from;
  for (int words = 0; words < 8 && pos < s.size(); ++words) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    size_t we = s.find(' ', pos);
    if (we == std::string_view::npos) we = s.size();
    const std::string_view w = s.substr(pos, we - pos);
    if (w.empty() || w.find_first_of(".,!?\"'()[]<>") != std::string_view::npos ||
        w.find("\xE2\x80") != std::string_view::npos) {
      return 0;
    }
    for (std::string_view stop : kStopWords) {
      // the casting word, alone or glued to the title's last word ("발견제작진은"), with a
      // particle of at most two syllables after it
      for (size_t at = w.find(stop); at != std::string_view::npos; at = w.find(stop, at + 1)) {
        const std::string_view tail = w.substr(at + stop.size());
        if (tail.size() <= 6 && HangulSyllables(tail) * 3 == tail.size()) {
          // (a one-syllable word glued to another is part of it: "지역에")
          if (at > 0 && stop.size() < 6 && stop != "OST") break;
          if (at > 0) return pos + at;
          return words > 0 ? last_end : 0;
        }
      }
    }
    for (std::string_view p : kEndParticles) {
      if (w.size() > p.size() && w.substr(w.size() - p.size()) == p &&
          HangulSyllables(w.substr(0, w.size() - p.size())) > 0) {
        // ("‘풍문으로 들었소 제작진이": a title may hold 으로 / 에서; when one or two plain words
        // follow and then a casting word, the title runs up to that word)
        if (const size_t longer = TitleRunsOnToStopWord(s, we); longer != 0) return longer;
        return pos + w.size() - p.size();
      }
    }
    last_end = we;
    pos = we;
  }
  return 0;
}

// Quoted spans: ‘’ “” 「」 『』 《》 〈〉 <> and ASCII ' " that open after a
// non-alphanumeric byte and close before one. At most 200 bytes inside.
std::vector<Span> FindQuotes(std::string_view s) {
  std::vector<Span> out;
  static const std::array<std::pair<std::string_view, std::string_view>, 11> kPairs = {{
      {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
      {"\xE2\x80\xB2", "\xE2\x80\xB2"},  // ′ ′ (primes typed as quotes: "드라마 ′W′에서")
      {"\xE2\x80\xB3", "\xE2\x80\xB3"},  // ″ ″
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
      {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『 』
      {"\xE3\x80\x8A", "\xE3\x80\x8B"},  // 《 》
      {"\xE3\x80\x88", "\xE3\x80\x89"},  // 〈 〉
      {"<", ">"},
      {"\"", "\""},
      {"`", "`"},
  }};
  auto alnum_at = [&](size_t i) {
    if (i >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    return std::isalnum(c) || c >= 0x80;
  };
  size_t i = 0;
  while (i < s.size() && out.size() < 32) {
    // (the first bytes of the marks above and of ')
    if (const auto c = static_cast<unsigned char>(s[i]);
        c != 0xE2 && c != 0xE3 && c != '<' && c != '"' && c != '`' && c != '\'') {
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& [open, close] : kPairs) {
      if (s.compare(i, open.size(), open) != 0) continue;
      if (open == "\"" && i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) continue;
      // "CNBLUE‘s": a curly mark after a letter is an apostrophe, not an opening quote
      // ("Young′s": so is a prime)
      if ((open == "\xE2\x80\x98" || open == "\xE2\x80\x9C" || open == "\xE2\x80\xB2") && i > 0 &&
          std::isalnum(static_cast<unsigned char>(s[i - 1]))) {
        continue;
      }
      size_t from = i + open.size();
      size_t j = s.find(close, from);
      // ’ followed by a letter is an apostrophe inside the title (‘Park’s Wedding’).
      while (open == "\xE2\x80\x98" && j != std::string_view::npos && j + close.size() < s.size() &&
             std::isalpha(static_cast<unsigned char>(s[j + 3])) &&
             s.find(close, j + 3) != std::string_view::npos && j - from < 200) {
        j = s.find(close, j + 3);
      }
      if (open == "\xE2\x80\x98") {
        // ‘오 나의 귀신님'에서: Korean copy closes a curly quote with a straight one; so does
        // English copy ("drama ‘W.'”", "joins ‘W', the film …"), for a title that opens with a
        // capital or a digit (never an apostrophe: the mark must not stand before a letter)
        const size_t k = s.find('\'', from);
        const bool english_title = k != std::string_view::npos && k > from && k - from <= 80 &&
                                   (std::isupper(static_cast<unsigned char>(s[from])) ||
                                    std::isdigit(static_cast<unsigned char>(s[from])));
        if (k != std::string_view::npos && k > from && (j == std::string_view::npos || k < j) &&
            k - from <= 200 && (english_title || HangulSyllables(s.substr(from, k - from)) > 0) &&
            !(k + 1 < s.size() && std::isalnum(static_cast<unsigned char>(s[k + 1])))) {
          out.push_back({i, k + 1, from, k});
          i = k + 1;
          matched = true;
          break;
        }
      }
      const bool never_closed = j == std::string_view::npos;
      if (open == "\xE2\x80\x98" || open == "\xE2\x80\x9C") {
        // ‘Title‘ / “Title“ typed with the opening mark twice
        const size_t same = s.find(open, from);
        if (same != std::string_view::npos && (j == std::string_view::npos || same < j)) j = same;
      }
      // (a second ‘ far away opens a title of its own: "‘다이아몬드 호텔에서 … ‘사랑이 스며들어")
      if (open == "\xE2\x80\x98" && never_closed &&
          (j == std::string_view::npos || j - from > 60)) {
        // "‘연애의 발견 제작진이": a Korean title whose closing mark the page lost
        const size_t end = UnclosedKoreanTitleEnd(s, from);
        if (end > from && HangulSyllables(s.substr(from, end - from)) > 0) {
          out.push_back({i, end, from, end});
          i = end;
          matched = true;
          break;
        }
      }
      if (j == std::string_view::npos || j == from || j - from > 200) continue;
      out.push_back({i, j + close.size(), from, j});
      i = j + close.size();
      matched = true;
      break;
    }
    if (matched) continue;
    // "싱글앨범 ’18 YEARS’를", "음원’T’를": Korean copy that opens a title with the closing mark
    // too; only when a Hangul syllable (a particle) follows the second mark, never an English
    // apostrophe ("Sorel’s")
    if (s.compare(i, 3, "\xE2\x80\x99") == 0 &&
        (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])))) {
      const size_t from = i + 3;
      const size_t j = s.find("\xE2\x80\x99", from);
      if (j != std::string_view::npos && j > from && j - from <= 60 && j + 3 < s.size() &&
          static_cast<unsigned char>(s[j + 3]) >= 0xEA &&
          static_cast<unsigned char>(s[j + 3]) <= 0xED &&
          s.substr(from, j - from).find_first_of("\"'") == std::string_view::npos) {
        out.push_back({i, j + 3, from, j});
        i = j + 3;
        continue;
      }
    }
    // ("승관…'W' OST", "A·'W'": a mark of punctuation before the quote, … or ·, is no letter)
    const bool punct_before = (i >= 3 && static_cast<unsigned char>(s[i - 3]) == 0xE2 &&
                               static_cast<unsigned char>(s[i - 2]) == 0x80 &&
                               static_cast<unsigned char>(s[i - 1]) == 0xA6) ||
                              (i >= 2 && static_cast<unsigned char>(s[i - 2]) == 0xC2 &&
                               static_cast<unsigned char>(s[i - 1]) == 0xB7);
    if (s[i] == '\'' && (i == 0 || !alnum_at(i - 1) || punct_before) && alnum_at(i + 1)) {
      // Closing ': followed by a non-alphanumeric byte; "'s " inside is a possessive.
      size_t j = i + 1;
      while (j < s.size() && j - i < 200) {
        if (s[j] == '\'') {
          const bool poss = j + 1 < s.size() && s[j + 1] == 's' &&
                            (j + 2 >= s.size() || s[j + 2] == ' ') &&
                            s.find('\'', j + 1) != std::string_view::npos;
          // a closing ' may carry a Korean particle ('내 딸 서영이'의)
          if (j > i + 1 &&
              (j + 1 >= s.size() || !std::isalnum(static_cast<unsigned char>(s[j + 1])))) {
            break;
          }
          if (!poss && alnum_at(j + 1) && s[j + 1] != 's') {
            // an apostrophe inside a word ("Don't"): keep going
          }
        }
        ++j;
      }
      if (j < s.size() && s[j] == '\'' && j - i < 200) {
        out.push_back({i, j + 1, i + 1, j});
        i = j + 1;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view s, const std::vector<Span>& quotes) {
  std::vector<Token> out;
  size_t i = 0;
  int paren = 0;
  size_t q = 0;
  while (i < s.size() && out.size() < kMaxTokens) {
    size_t len = 1;
    const uint32_t cp = CodePointAt(s, i, &len);
    if (cp == '(' || cp == 0xFF08) ++paren;
    if ((cp == ')' || cp == 0xFF09) && paren > 0) --paren;
    // ' . - & + start no word; they only join the characters of one.
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || IsSeparatorCp(cp) || cp == '(' ||
        cp == ')' || cp == '\'' || cp == '.' || cp == '-' || cp == '&' || cp == '+') {
      i += len;
      continue;
    }
    if ((cp == 'X' || cp == 'x') && i > 0 && i + 1 < s.size()) {
      size_t lp = 0, ln = 1;
      if (IsHangulCp(PrevCodePointOf(s, i, &lp)) && IsHangulCp(CodePointAt(s, i + 1, &ln))) {
        i += 1;
        continue;
      }
    }
    size_t j = i;
    while (j < s.size()) {
      size_t l2 = 1;
      const uint32_t c2 = CodePointAt(s, j, &l2);
      if (c2 == ' ' || c2 == '\t' || c2 == '\n' || c2 == '\r') break;
      // "이설-양경원-김신록": a hyphen between Hangul syllables joins a list of names, not a word
      if (c2 == '-' && j > i && j + 1 < s.size()) {
        size_t lp = 0, ln = 1;
        if (IsHangulCp(PrevCodePointOf(s, j, &lp)) && IsHangulCp(CodePointAt(s, j + 1, &ln))) break;
      }
      // "공개..BTS 진": two dots or more are an ellipsis between words, never inside one
      if (c2 == '.' && j + 1 < s.size() && s[j + 1] == '.') break;
      if (c2 == '\'' || c2 == '.' || c2 == '-' || c2 == '&' || c2 == '+') {
        // inside a word when a word character follows ("Eun-woo", "D.O.", "BTS's")
        if (j + 1 < s.size()) {
          size_t l3 = 1;
          const uint32_t c3 = CodePointAt(s, j + 1, &l3);
          if (c3 != ' ' && !IsSeparatorCp(c3) && c3 != '\'' && c3 != '(' && c3 != ')') {
            j += l2;
            continue;
          }
        }
        if (c2 == '.' || c2 == '+') {  // "D.O." / "Disney+": keep a final . or +
          j += l2;
        }
        break;
      }
      if (c2 == 0x2019) {  // ’s possessive or apostrophe
        if (j + 3 < s.size() && s[j + 3] == 's' &&
            (j + 4 >= s.size() || !std::isalnum(static_cast<unsigned char>(s[j + 4])))) {
          j += 4;
          break;
        }
        // "Can’t", "Don’t", "We’re": a contraction's curly apostrophe is inside the word, as
        // the straight one is ("We Can’t Go To Heaven" is one title)
        if (j > i && std::isalpha(static_cast<unsigned char>(s[j - 1]))) {
          static constexpr std::string_view kTails[] = {"t", "m", "d", "re", "ll", "ve"};
          bool contraction = false;
          for (std::string_view tail : kTails) {
            const size_t at = j + 3, end = at + tail.size();
            if (s.compare(at, tail.size(), tail) == 0 &&
                (end >= s.size() || !std::isalnum(static_cast<unsigned char>(s[end])))) {
              contraction = true;
            }
          }
          if (contraction) {
            j += l2;
            continue;
          }
        }
        break;
      }
      if (IsSeparatorCp(c2) || c2 == '(' || c2 == ')') break;
      // "남주혁X노윤서": an X between Hangul names is a list mark
      if ((c2 == 'X' || c2 == 'x') && j > i && j + 1 < s.size()) {
        size_t lp = 0, ln = 1;
        const uint32_t prev = PrevCodePointOf(s, j, &lp);
        const uint32_t next = CodePointAt(s, j + 1, &ln);
        if (IsHangulCp(prev) && IsHangulCp(next)) break;
      }
      j += l2;
    }
    if (j == i) {
      i += len;
      continue;
    }
    Token t;
    t.b = i;
    t.e = j;
    std::string_view w = s.substr(i, j - i);
    // "BTS's" / "BTS’s" / "members'" -> possessive
    if (w.size() > 2 && (w.substr(w.size() - 2) == "'s")) {
      t.possessive = true;
      w.remove_suffix(2);
    } else if (w.size() > 4 && (w.substr(w.size() - 4) == "\xE2\x80\x99s" ||
                                w.substr(w.size() - 4) == "\xE2\x80\xB2s")) {
      t.possessive = true;  // (some outlets type the apostrophe as a prime: "Park Bo Young′s")
      w.remove_suffix(4);
    } else if (j < s.size() && w.size() > 1 && (w.back() == 's' || w.back() == 'S') &&
               (s[j] == '\'' || s.compare(j, 3, "\xE2\x80\x99") == 0) &&
               (j + (s[j] == '\'' ? 1 : 3) >= s.size() || s[j + (s[j] == '\'' ? 1 : 3)] == ' ')) {
      t.possessive = true;  // "Stray Kids’ Seungmin", "BTS' V"
    }
    // a trailing sentence dot is no part of the word, but "D.O." keeps it
    if (w.size() > 1 && w.back() == '.' && w.find('.') == w.size() - 1) w.remove_suffix(1);
    t.text = w;
    const auto c0 = static_cast<unsigned char>(w.empty() ? ' ' : w[0]);
    t.capital = std::isupper(c0) || std::isdigit(c0) || (c0 == 0xC3);  // Latin-1 capitals
    t.hangul = HangulSyllables(w) > 0;
    t.in_parens = paren > 0;
    while (q < quotes.size() && quotes[q].e <= i) ++q;
    t.in_quote = q < quotes.size() && quotes[q].b <= i && i < quotes[q].e;
    if (!w.empty()) out.push_back(t);
    i = j;
  }
  return out;
}

// --- word lists ---------------------------------------------------------------

const std::set<std::string, std::less<>>& EnglishDescriptors() {
  static const std::set<std::string, std::less<>> k = {
      "actor",          "actress",      "actors",     "actresses",    "singer",       "singers",
      "singer-actress", "singer-actor", "rapper",     "idol",         "member",       "members",
      "star",           "leader",       "vocalist",   "maknae",       "newcomer",     "rookie",
      "soloist",        "trainee",      "idol-actor", "idol-actress", "artist",       "entertainer",
      "comedian",       "youtuber",     "model",      "duo",          "trio",         "musician",
      "ballad",         "balladeer",    "songstress", "heartthrob",   "actor-singer", "co-star",
      "stars",          "songwriter",   "rookies",    "frontman",     "sub-unit"};
  return k;
}

// Capitalised words that start a run but are never part of a name.
const std::set<std::string, std::less<>>& EnglishRunStop() {
  // clang-format off
  static const std::set<std::string, std::less<>> k = {
      "the", "a", "an", "on", "in", "at", "after", "before", "meanwhile", "however", "also",
      "actor", "actress", "singer", "idol", "rapper", "star", "stars", "group", "member",
      "exclusive", "breaking", "update", "updated", "official", "officially", "confirmed",
      "korean", "k-pop", "kpop", "k-drama", "kdrama", "netflix", "drama", "film", "movie",
      "series", "ost", "part", "pt", "season", "episode", "new", "upcoming", "report",
      "reports", "according", "source", "sources", "agency", "his", "her", "their", "its",
      "this", "that", "these", "those", "he", "she", "they", "it", "we", "i", "you", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "south", "korea", "seoul", "today", "yesterday", "tonight", "rumor",
      "rumour", "rumors", "rumours", "fans", "viewers", "director", "writer", "pd", "producer",
      "ceo", "mr", "ms", "mrs", "dr", "and", "or", "but", "with", "for", "of", "to", "from",
      "by", "as", "is", "are", "was", "were", "will", "who", "what", "why", "how", "when",
      "where", "which", "while", "soundtrack", "theme", "song", "single", "album", "mini-album",
      "ep", "mv", "lead", "leads", "male", "female", "cast", "casting", "joins", "join",
      "talks", "in talks", "set", "to", "reportedly", "positively", "considering", "reviewing",
      "offer", "offered", "tapped", "rom-com", "thriller", "romance", "romantic", "comedy",
      "webtoon", "web", "original", "first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth", "last", "final", "next", "photo", "photos",
      "watch", "video", "teaser", "poster", "entertainment", "management", "studio", "studios",
      "pictures", "media", "company", "english", "chinese", "japanese", "hallyu", "k-", "asia",
      "asian", "global", "world", "netizens", "if", "so", "yes", "no", "not", "all", "both",
      "one", "two", "three", "four", "five", "more", "most", "some", "many", "several", "other",
      "others", "each", "every", "plus", "channel", "broadcasting", "network", "production",
      "productions", "staff", "sitcom", "mini-series", "sageuk", "variety", "show", "concert",
      "tour", "comeback", "music", "chart", "charts", "award", "awards", "special",
      "appearance", "cameo", "role", "roles", "character", "characters", "story", "plot",
      "premiere", "premieres", "airs", "air", "broadcast", "release", "released", "releases",
      "releasing", "out", "now", "day", "week", "month", "year", "years", "it's", "he's",
      "she's", "they're", "here", "there", "what's", "let's", "reunite", "reunites", "couple",
      "duo", "trio", "line-up", "lineup", "ensemble", "director's", "writers", "directors",
      "producers", "coupang", "disney", "tving", "wavve", "apple", "prime", "amazon", "viki",
      "jtbc", "kbs", "mbc", "sbs", "tvn", "ena", "ocn", "mbn", "sing", "sings", "singing",
      "lend", "lends", "voice", "earlier", "previously", "recently", "currently", "still",
      "already", "again", "finally", "alongside", "opposite", "starring", "starred", "joins",
      "joined", "joining", "lands", "boards", "tapped", "courts", "considers", "considering",
      "offered", "reportedly", "rumored", "rumoured", "contributes", "contribute", "confirms",
      "reveals", "unveils", "returns", "return", "makes", "make", "takes", "take", "gets",
      "get", "wins", "win", "plays", "play", "sings", "to", "watch:", "exclusive:", "breaking:",
      "news", "bites", "biggest", "hit", "hits", "popular", "famous", "top", "hot", "big",
      "young", "old", "veteran", "rising", "talented", "beloved", "acclaimed", "award-winning",
      "legendary", "announces", "announced", "announce", "drops", "teases", "shares",
      "celebrates", "says", "opens", "begins", "starts", "holds", "leaves", "exits", "leads",
      "headlines", "debuts", "drop", "tease", "share", "releasing", "announcing"};
  // clang-format on
  return k;
}

const std::set<std::string, std::less<>>& EnglishRoleBefore() {
  static const std::set<std::string, std::less<>> k = {
      "as",       "plays",        "play",         "playing",       "played",    "portray",
      "portrays", "portraying",   "portrayed",    "named",         "called",    "character",
      "role",     "of",           "by",           "director",      "writer",    "pd",
      "producer", "screenwriter", "ceo",          "creator",       "author",    "composer",
      "lyricist", "reporter",     "directed",     "written",       "penned",    "helmed",
      "produced", "composed",     "ex-boyfriend", "ex-girlfriend", "husband",   "wife",
      "father",   "mother",       "son",          "daughter",      "boyfriend", "girlfriend",
      "brother",  "sister",       "replacing",    "replaces",      "replace"};
  return k;
}

// True when `word` (lower-case ASCII) names a credit of a work rather than its cast:
// "director", "scriptwriter", "writer-director", "filmmaker". False for anything else.
bool EnglishCreditNoun(std::string_view word) {
  static const std::set<std::string, std::less<>> k = {
      "director",   "writer",    "scriptwriter", "script-writer", "screenwriter", "pd",
      "producer",   "creator",   "author",       "filmmaker",     "showrunner",   "novelist",
      "playwright", "helmer",    "composer",     "lyricist",      "webtoonist",   "directors",
      "writers",    "producers", "director's",   "cartoonist",    "illustrator"};
  if (k.count(word) > 0) return true;
  // "writer-director", "director-writer", "actor-director": the last hat is the credit
  const size_t dash = word.rfind('-');
  return dash != std::string_view::npos && dash + 1 < word.size() &&
         k.count(word.substr(dash + 1)) > 0 && word.substr(0, dash) != "actor" &&
         word.substr(0, dash) != "actress";
}

// True when a headline is written in title case: three or more capitalised words and at
// most one lower-case word of four letters or more ("K-Drama Casting Updates", not "A, B
// and C will be added to the cast of …", whose names alone are capitalised).
bool TitleCaseSentence(const std::vector<Token>& toks) {
  size_t capitals = 0, lower = 0;
  for (const Token& t : toks) {
    if (t.hangul || t.text.empty() || !std::isalpha(static_cast<unsigned char>(t.text.front()))) {
      continue;
    }
    if (t.capital) {
      ++capitals;
    } else if (t.text.size() >= 4) {
      ++lower;
    }
  }
  return capitals >= 3 && lower <= 1;
}

// Nouns right before an unknown name that make it a person ("배우 X", "가수 X").
const std::set<std::string, std::less<>>& KoreanRoleNouns() {
  static const std::set<std::string, std::less<>> k = {
      "배우",         "가수",       "멤버",   "신예",     "래퍼",     "연기자",   "톱스타",
      "배우인",       "가수인",     "여배우", "남배우",   "아역",     "아역배우", "신인배우",
      "싱어송라이터", "보컬리스트", "뮤지션", "아티스트", "중견배우", "원로배우", "트로트가수",
      "솔로가수",     "주연배우",   "멤버인", "배우겸",   "가수겸",   "신인가수", "발라더",
      "디바",         "연기돌",     "막내"};
  return k;
}

// Epithets of singers in soundtrack news that also make the next name a person ("음색의
// 소유자 존박", "발라드 여제 양파").
const std::set<std::string, std::less<>>& KoreanSingerEpithets() {
  static const std::set<std::string, std::less<>> k = {"소유자", "여제", "여가수", "남가수"};
  return k;
}

// Words after a name that make it not the news (the director, the writer, a role).
bool KoreanAsideAfter(std::string_view next) {
  static constexpr std::string_view kHeads[] = {
      "감독", "작가", "기자", "연출", "대표", "작곡가", "작사가", "프로듀서", "PD", "피디", "CP",
      "원작", "극본", "각본", "회장", "교수", "아나운서", "앵커", "씨의",
      // ("[매체=A 인턴기자]": a byline)
      "인턴기자", "수습기자", "객원기자"};
  for (auto h : kHeads) {
    if (next.substr(0, h.size()) == h) return true;
  }
  return false;
}

bool KoreanRoleAfter(std::string_view next) {
  // "이강 역", "역을", "역으로", "役"
  static constexpr std::string_view kHeads[] = {"역을", "역으로", "역에", "역할", "역", "役"};
  for (auto h : kHeads) {
    if (next == h || (next.substr(0, h.size()) == h && h.size() > 3)) return true;
  }
  return false;
}

const std::set<std::string, std::less<>>& KoreanSurnames() {
  static const std::set<std::string, std::less<>> k = {
      "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권",
      "황", "안", "송", "전", "홍", "유", "고", "문", "양", "손", "배", "백", "허", "남", "심",
      "노", "하", "곽", "성", "차", "주", "우", "구", "민", "류", "나", "진", "지", "엄", "채",
      "원", "천", "방", "공", "현", "함", "변", "염", "여", "추", "도", "소", "석", "선", "설",
      "마", "길", "위", "표", "명", "기", "반", "왕", "금", "옥", "육", "인", "맹", "제", "모",
      "탁", "국", "연", "어", "은", "편", "용", "예", "경", "봉", "태", "목", "형", "피", "두",
      "감", "빈", "동", "온", "호", "범", "승", "간", "상", "단", "견", "당", "화", "창", "옹",
      "순", "종", "풍", "라", "려", "로", "리", "사", "가"};
  return k;
}

// Common words that look like a surname + given name.
const std::set<std::string, std::less<>>& KoreanStopNames() {
  static const std::set<std::string, std::less<>> k = {
      "이번", "이날", "이어", "이후", "이야기", "이름", "이상", "이미", "이유", "이제", "이전",
      "최근", "최초", "최고", "최종", "최대", "한편", "한국", "한류", "한창", "한번", "정식",
      "정말", "정규", "정도", "정상", "정보", "정리", "전작", "전망", "전해", "전문", "전체",
      "전국", "전역", "주연", "주인공", "주자", "주말", "주목", "주요", "주제", "주제가", "신작",
      "신예", "신인", "신곡", "신규", "조연", "조선", "조만간", "성공", "성장", "안방", "안방극장",
      "연기", "연출", "연예", "연말", "방송", "방송사", "방송가", "공개", "공식", "공연", "공동",
      "유명", "유일", "고백", "고민", "장르", "장면", "강렬", "강력", "문화", "선보", "선택",
      "선공개", "배우", "배역", "남자", "남주", "남녀", "여자", "여주", "여주인공", "여름", "원작",
      "원톱", "제작", "제작사", "제작진", "제안", "제의", "진행", "진정", "현재", "현장", "하차",
      "하반기", "소속사", "소식", "소속", "도전", "기대", "기존", "기획", "모습", "모두", "오는",
      "오후", "오전", "오랜만", "서울", "서로", "서비스", "권유", "황금", "송출", "홍보", "고정",
      "양측", "손잡", "배경", "백상", "허락", "남자주인공", "심사", "노래", "하나", "하지만",
      "하면서", "하면서도", "하더니", "이르기", "곽도", "차기작", "차례", "차기", "구성", "민낯",
      "류승", "나란히", "진짜", "지난", "지난해", "대거", "신세대", "부분만", "지금", "지상파",
      "엄청", "채널", "원더", "천만", "방영", "공중파", "현실", "함께", "변신", "여러", "추가",
      "추석", "도시", "소재", "석권", "선정", "설정", "마지막", "마음", "길거리", "위해", "표현",
      "명작", "기록", "반응", "왕좌", "금요일", "옥탑방", "인기", "맹활약", "제목", "모든", "탁월",
      "국내", "연속", "어떤", "은퇴", "편성", "용기", "예능", "예정", "경쟁", "봉준호", "태양",
      "목요일", "형식", "피날레", "두번째", "감성", "동시", "온라인", "호흡", "범죄", "승리",
      "간판", "상반기", "단독", "당시", "화제", "창작", "순위", "종영", "풍성", "라인업",
      "리메이크", "사극", "가운데", "가창", "가수", "각본", "극본", "출연", "캐스팅", "합류",
      "확정", "발탁", "낙점", "검토", "논의", "물망", "거론", "관계자", "이하", "가제", "가칭",
      "극중", "극", "중", "역", "측", "등", "및", "또", "또한", "특히", "이들", "두사람", "세사람",
      "그녀", "그룹", "멤버", "트로트", "뮤지컬", "드라마", "영화", "시리즈", "작품", "웹툰",
      "웹드라마", "주연작", "출연작", "데뷔", "데뷔작", "정식데뷔", "한국판", "원조", "기세",
      "장편", "단편", "공포", "전설", "정의", "주니어", "오리지널", "선배", "후배", "동료",
      "이번주", "오늘", "내일", "어제", "올해", "내년", "작년", "연휴", "모델", "광고", "화보",
      "앨범", "음원", "음반", "발매", "가요", "가요계", "연예계", "방송계", "성인", "소녀", "소년",
      "이웃", "형사", "검사", "변호사", "의사", "기자", "작가", "감독", "사랑", "사람", "사건",
      "사실", "사실무근", "상대", "상대역", "상황", "부분", "단계", "아직", "정해진", "결정",
      "예정이다", "전했다", "밝혔다", "알려졌다", "전해졌다", "나선다", "맡는다", "맡았다", "맡아",
      "출격", "컴백", "공백", "복귀", "복귀작", "스크린", "안방", "주인공으로", "첫", "두", "세",
      "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "이번에", "신인상", "조사관", "비롯해",
      "공개됨", "등이", "부른", "인디", "이뤄가", "웨터", "조율", "조율하", "방송하", "방송되",
      "가수들", "배우들", "이들이", "주인공은", "주연은", "안방극장", "신스틸러", "연기파", "대세",
      "청춘", "학원물", "로맨스", "스릴러", "코미디", "감성", "명품", "국민", "원조", "전성기",
      "대표", "보컬", "가창력", "음색", "목소리", "메인", "타이틀", "곡인", "수록곡", "자작곡",
      "여운", "감동",
      // words met after a group or a role noun, and common words that are also stage names
      "출신", "일부", "탤런트", "탄생", "교체", "영상", "다음달", "이달", "등용문", "조합",
      "주제곡", "외도", "방송인", "여학생", "신드롬", "신고식", "전환점", "하모니", "상대방",
      "기대작", "연령대", "최면술", "선율", "타로", "선보이", "인물", "캐릭터", "역할", "후속작",
      // stage words written as one token after 배우 ("다른 배우 협의중")
      "협의중", "논의중", "검토중", "조율중", "고민중", "물색중",
      // a role noun with a suffix ("배우진", "멤버인"), loanwords shaped like a name
      "배우진", "멤버인", "이미지", "컴퍼니", "사나이",
      // a group's activity after its name ("워너원 활동 중으로", "완전체 컴백")
      "활동", "활동중", "완전체", "재결합", "해체", "탈퇴", "공백기", "팬덤", "시절"};
  return k;
}

// Two-syllable stage names that are everyday words; they count only next to their group.
const std::set<std::string, std::less<>>& KoreanCommonStageNames() {
  static const std::set<std::string, std::less<>> k = {
      "현재", "남주", "여주", "주연", "정국", "진영", "수호", "태양", "하늘", "영웅", "보라",
      "소유", "사랑", "가을", "겨울", "여름", "나비", "구름", "우주", "정원", "은하", "지원",
      "미래", "세상", "빛나", "루나", "제이", "케이", "준", "찬", "진", "비", "뷔", "키", "린",
      "별", "해", "달", "환희", "신비", "엄지", "소원", "신동", "강인", "시원", "동해", "선미",
      "이안", "시온", "하람", "다원", "소리", "노을", "바다", "마루", "한결", "가람", "다온",
      "새벽", "초아", "혜원", "보민", "미소", "솔지", "예은", "주인", "단비", "금비", "은지",
      "승리", "대성", "탑", "상추", "정상", "기적", "자유", "영원", "유일", "하나", "두리", "세라",
      "루다", "여름", "봄", "레오", "엔", "켄", "하루", "원대", "바로", "온다", "보니", "우리",
      "이런", "동명",
      // everyday words and verb forms met in real leads: "정신과 의사", "여자 기수",
      // "사나이", "애 태우는", "'T'에 이은", the music service 지니
      "정신", "기수", "사나", "태우", "이은", "지니",
      // "연주·가창한": playing an instrument
      "연주",
      // "소속사를 정한 뒤": the verb 정하다 before a noun; "약간의 수정 작업": editing
      "정한", "수정"};
  return k;
}

// Groups whose Hangul name is an everyday noun: they count only next to a group noun or a
// member ("그룹 아이들", "아이들 소연").
const std::set<std::string, std::less<>>& KoreanCommonGroupNames() {
  // ("하이라이트 영상", "하이라이트 부분만 선공개": the everyday "highlight")
  static const std::set<std::string, std::less<>> k = {"아이들", "지구", "하이라이트"};
  return k;
}

bool KoreanNonPersonSuffix(std::string_view w) {
  static constexpr std::string_view kTails[] = {
      "엔터테인먼트", "엔터",   "컴퍼니", "스튜디오", "픽처스", "픽쳐스",     "필름",
      "미디어",       "뉴스",   "일보",   "신문",     "방송",   "매니지먼트", "레이블",
      "프로덕션",     "뮤직",   "티브이", "닷컴",     "코리아", "그룹",       "이앤엠",
      "엠앤씨",       "플러스", "극장",   "제작사",   "TV"};
  for (auto t : kTails) {
    if (w.size() > t.size() && w.substr(w.size() - t.size()) == t) return true;
  }
  return false;
}

// True when `word` is a Hangul name of two or more syllables with 에 and `next` is 이어 or
// 이어서 ("김하경에 이어"), or 대해/대한/대해서/관해/관한 ("이제훈과 신민아에 대해"): there the 에
// is the name's particle.
bool BeforeEIeo(std::string_view word, std::string_view next) {
  static const std::set<std::string_view> kNext = {
      "\xEC\x9D\xB4\xEC\x96\xB4",              // 이어
      "\xEC\x9D\xB4\xEC\x96\xB4\xEC\x84\x9C",  // 이어서
      "\xEB\x8C\x80\xED\x95\xB4",              // 대해
      "\xEB\x8C\x80\xED\x95\xB4\xEC\x84\x9C",  // 대해서
      "\xEB\x8C\x80\xED\x95\x9C",              // 대한
      "\xEA\xB4\x80\xED\x95\xB4",              // 관해
      "\xEA\xB4\x80\xED\x95\x9C"};             // 관한
  if (!kNext.count(next)) return false;
  if (word.size() < 9 || word.substr(word.size() - 3) != "\xEC\x97\x90") return false;  // 에
  const std::string_view stem = word.substr(0, word.size() - 3);
  return AllHangul(stem) && HangulSyllables(stem) >= 2;
}

bool IsKoreanListSep(std::string_view s, size_t at) {
  // "·", "、", ",", "와 ", "과 ", "및"
  if (at >= s.size()) return false;
  if (s[at] == ',') return true;
  if (s.compare(at, 2, "\xC2\xB7") == 0) return true;
  // "이설-양경원": a hyphen right between Hangul syllables
  if (s[at] == '-' && at > 0 && at + 1 < s.size()) {
    size_t lp = 0, ln = 1;
    if (IsHangulCp(PrevCodePointOf(s, at, &lp)) && IsHangulCp(CodePointAt(s, at + 1, &ln))) {
      return true;
    }
  }
  if (s.compare(at, 3, "\xE3\x83\xBB") == 0 || s.compare(at, 3, "\xE3\x80\x81") == 0) return true;
  return false;
}

// Common nouns that stand where an OST singer stands ("가창진이 베일을 벗었다", "작곡가가
// 참여했다", "리센느의 곡을 시작으로").
const std::set<std::string, std::less<>>& KoreanOstNouns() {
  static const std::set<std::string, std::less<>> k = {
      "가창진",     "가창자",   "참여진", "보컬진",   "작곡진", "음악감독", "작곡가", "작사가",
      "편곡가",     "프로듀서", "곡",     "곡을",     "시작",   "보컬",     "가수",   "밴드",
      "듀오",       "그룹",     "걸그룹", "보이그룹", "음악",   "음원",     "주자",   "라인업",
      "드라마",     "작품",     "제작진", "제작사",   "시청자", "팬들",     "이들",   "모두",
      "두사람",     "주인공",   "배우",   "선율",     "목소리", "보이스",   "음색",   "연주",
      "오케스트라", "피아노",   "스트링", "기타",     "가사",   "멜로디",   "감독",   "작가",
      "스타",       "아이돌"};
  return k;
}

// A singing, joining or line-up verb a singer is the subject of ("부른", "가창에", "참여했다",
// "합류한다", "나선다", "낙점됐다", "출격", "이름을 올렸다").
bool KoreanSingVerb(std::string_view w) {
  static constexpr std::string_view kHeads[] = {"부른", "부르", "불렀", "불러",   "가창",
                                                "참여", "합류", "나선", "나섰",   "나서",
                                                "낙점", "발탁", "출격", "이름을", "목소리를"};
  for (auto h : kHeads) {
    if (w.substr(0, h.size()) == h) return true;
  }
  return false;
}

// A verb of a relative clause whose head is the singer ("가창에 나선 한살차이는").
bool KoreanSingRelative(std::string_view w) {
  static constexpr std::string_view kWords[] = {"나선",   "참여한", "합류한", "발탁된",
                                                "낙점된", "가창한", "출격한"};
  for (auto x : kWords) {
    if (w == x) return true;
  }
  return false;
}

bool EndsWithSubject(std::string_view w) {
  static constexpr std::string_view kTails[] = {"이", "가", "은", "는", "도", "까지"};
  for (auto t : kTails) {
    if (w.size() > t.size() && w.substr(w.size() - t.size()) == t) return true;
  }
  return false;
}

// Marks the tokens of a Korean OST sentence that stand in a singer's slot (see the caller).
void MarkKoreanOstSingerSlots(std::string_view s, const std::vector<Token>& toks,
                              std::vector<char>* slot) {
  const size_t n = toks.size();
  auto plain = [&](size_t k) { return toks[k].hangul && !toks[k].in_quote && !toks[k].in_parens; };
  // "A, B, C 등이": the names before 등 joined by list marks
  // (1: a subject, with its particle; 2: a list member, which may have none)
  auto mark_list = [&](size_t last, char how) {
    (*slot)[last] = how;
    for (size_t k = last, steps = 0; k > 0 && steps < 6; --k, ++steps) {
      const std::string_view prev = toks[k - 1].text;
      const bool joined = IsKoreanListSep(s, toks[k - 1].e) ||
                          (prev.size() > 3 && (prev.substr(prev.size() - 3) == "와" ||
                                               prev.substr(prev.size() - 3) == "과"));
      if (!joined || !plain(k - 1)) break;
      (*slot)[k - 1] = 2;
    }
  };
  // "첫 번째 OST인 A의 'S'", "세번째 OST인 A(Latin)의 'S'", "첫 OST인 B 보컬로 활약한 A의
  // 'S'": the possessive owner of the quoted song after "OST인" is the singer
  {
    re2::StringPiece in(s), hit;
    static const RE2 kOstIsCapture("((?:OST|ost)\\s*(?:인|이자)\\s)");
    while (RE2::FindAndConsume(&in, kOstIsCapture, &hit)) {
      const size_t from = static_cast<size_t>(hit.data() - s.data()) + hit.size();
      size_t j0 = 0;
      while (j0 < n && toks[j0].b < from) ++j0;
      for (size_t k = j0; k < n && k < j0 + 6; ++k) {
        if (toks[k].in_quote) break;
        if (!plain(k)) continue;
        const std::string_view w = toks[k].text;
        // "A의 'S'" or "A(Latin)의 'S'"
        size_t next = k + 1;
        while (next < n && toks[next].in_parens) ++next;
        const bool owns = w.size() > 3 && w.substr(w.size() - 3) == "의" && next == k + 1;
        const bool owns_after_gloss =
            next > k + 1 && next < n && toks[next].text == "의" && !toks[next].in_quote;
        const size_t quote_at = owns ? k + 1 : next + 1;
        if ((owns || owns_after_gloss) && quote_at < n && toks[quote_at].in_quote) {
          (*slot)[k] = owns ? 1 : 2;
          break;
        }
      }
    }
  }
  // "A, B, C의 참여 소식", "A의 청아한 보컬이 돋보이는": in an OST sentence the owner of the
  // song's participation, singing or voice is its singer (one word may stand between)
  for (size_t k = 0; k + 1 < n; ++k) {
    if (!plain(k)) continue;
    const std::string_view w = toks[k].text;
    if (w.size() <= 3 || w.substr(w.size() - 3) != "의") continue;
    for (size_t j = k + 1; j < n && j <= k + 2; ++j) {
      if (!plain(j)) break;
      static constexpr std::string_view kVoice[] = {"참여",   "가창", "합류",
                                                    "목소리", "보컬", "음색"};
      bool voice = false;
      for (auto h : kVoice) voice = voice || toks[j].text.substr(0, h.size()) == h;
      if (voice) {
        mark_list(k, 1);
        break;
      }
    }
  }
  for (size_t j = 1; j < n; ++j) {
    if (!plain(j)) continue;
    if (KoreanSingVerb(toks[j].text)) {
      // the subject, with at most five words between: the work's title, OST, "가창에", …
      for (size_t k = j, gap = 0; k > 0 && gap < 6; --k, ++gap) {
        const size_t c = k - 1;
        if (toks[c].in_quote || toks[c].in_parens) continue;
        const std::string_view w = toks[c].text;
        if (EndsWithSubject(w) && toks[c].hangul) {
          if (w == "등이" || w == "등은" || w == "등도") {
            if (c > 0 && plain(c - 1)) mark_list(c - 1, 2);
          } else {
            mark_list(c, 1);
          }
          break;
        }
        const bool filler =
            w.rfind("OST", 0) == 0 || w.rfind("ost", 0) == 0 ||
            (w.size() > 3 && (w.substr(w.size() - 3) == "에" || w.substr(w.size() - 3) == "의" ||
                              w.substr(w.size() - 3) == "로")) ||
            w == "첫" || w == "드라마" || w == "전격" || w == "직접";
        // ("안다은이 작사에 참여하여": a credit, not the song's voice)
        static constexpr std::string_view kCredit[] = {"작사", "작곡", "편곡", "프로듀",
                                                       "연출", "제작", "연주", "기획"};
        bool credit = false;
        for (auto h : kCredit) credit = credit || w.substr(0, h.size()) == h;
        if (!filler || credit) break;
      }
    }
    if (KoreanSingRelative(toks[j].text) && j + 1 < n && plain(j + 1) &&
        EndsWithSubject(toks[j + 1].text)) {
      const std::string_view before = toks[j - 1].text;
      if (before.find("가창") != std::string_view::npos ||
          before.find("OST") != std::string_view::npos ||
          before.find("주자") != std::string_view::npos) {
        (*slot)[j + 1] = 1;
      }
    }
  }
}

// Given-name token shape of romanised Korean: one to three syllables
// ("Young", "Dae", "Eun-woo", "Eunwoo", "Seung-jo").
bool IsRomanisedGiven(std::string_view w) {
  static const RE2 kGiven(
      "(?i)^(?:(?:ch|kk|tt|pp|ss|jj|sh|[bcdghjkmnprstwy])?(?:yeo|wae|ae|eo|eu|ui|oe|oo|ee|ou|wa|"
      "wo|we|wi|ye|yo|yu|ya|ah|eh|oh|uh|a|e|i|o|u)(?:ng|n|m|k|l|p|t|r|b|g)?-?){1,3}$");
  if (w.size() < 2 || w.size() > 12) return false;
  if (!std::isupper(static_cast<unsigned char>(w[0]))) return false;
  return RE2::FullMatch(w, kGiven);
}

}  // namespace

bool IsRomanisedSurname(std::string_view word) {
  static const std::set<std::string, std::less<>> k = {
      "kim",      "lee",     "yi",      "rhee",   "park",   "pak",   "choi",  "choe",  "jung",
      "jeong",    "chung",   "kang",    "cho",    "jo",     "yoon",  "yun",   "jang",  "chang",
      "lim",      "im",      "han",     "oh",     "seo",    "suh",   "shin",  "sin",   "kwon",
      "hwang",    "ahn",     "an",      "song",   "jeon",   "jun",   "chun",  "hong",  "yoo",
      "yu",       "ryu",     "ryoo",    "go",     "ko",     "moon",  "mun",   "yang",  "son",
      "sohn",     "bae",     "baek",    "paik",   "heo",    "huh",   "nam",   "shim",  "sim",
      "noh",      "roh",     "ha",      "kwak",   "sung",   "seong", "cha",   "joo",   "ju",
      "woo",      "goo",     "koo",     "gu",     "ku",     "min",   "na",    "ra",    "jin",
      "ji",       "um",      "uhm",     "eom",    "chae",   "won",   "cheon", "bang",  "gong",
      "kong",     "hyun",    "ham",     "byun",   "byeon",  "yeom",  "yeo",   "choo",  "chu",
      "do",       "doh",     "so",      "seok",   "sun",    "seon",  "sul",   "seol",  "ma",
      "gil",      "kil",     "wi",      "pyo",    "myung",  "ki",    "gi",    "ban",   "wang",
      "geum",     "ok",      "yook",    "maeng",  "je",     "mo",    "tak",   "kook",  "yeon",
      "ye",       "kyung",   "bong",    "sa",     "boo",    "tae",   "pyun",  "pyeon", "namgoong",
      "hwangbo",  "jegal",   "seonwoo", "dokgo",  "ryeo",   "yeom",  "uhm",   "keum",  "ohn",
      "ong",      "kyeong",  "jee",     "gye",    "kye",    "chin",  "hur",   "ju",    "lyu",
      "rho",      "shi",     "si",      "sung",   "yeh",    "bu",    "pi",    "bok",   "sunwoo",
      "namkoong", "namkung", "dokko",   "sagong", "seomun", "jekal", "paek",  "baik"};
  return k.count(LowerAscii(word)) > 0;
}

bool AllHangul(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    if (!IsHangulCp(CodePointAt(s, i, &len))) return false;
    i += len;
  }
  return true;
}

bool KoreanWordIsNoName(std::string_view word) {
  if (word.empty() || !AllHangul(word)) return false;
  // occupation nouns whose last syllable looks like the subject particle 가
  static const std::set<std::string, std::less<>> kOccupations = {
      "안무가", "작곡가", "작사가", "편곡가", "연출가", "전문가", "평론가",  "사업가",
      "소설가", "만화가", "무용가", "성악가", "연주가", "음악가", "예술가",  "사진가",
      "미술가", "건축가", "기업가", "활동가", "연구가", "애호가", "방송작가"};
  if (kOccupations.count(word)) return true;
  // personal and reflexive pronouns, which stand in a name's place as subject
  // ("자신이 참여한 드라마 OST")
  static const std::set<std::string, std::less<>> kPronouns = {
      "자신", "자기", "본인", "당신", "그들", "그녀",   "그녀들", "저희", "우리",
      "너희", "이들", "그분", "이분", "저분", "자신들", "서로",   "누구", "모두"};
  if (kPronouns.count(word)) return true;
  // determiners before a noun ("수많은 OST의 가창자로", "다양한 OST에 참여한"): no name + 은
  static const std::set<std::string, std::less<>> kDeterminers = {
      "수많은", "많은", "다양한", "새로운", "모든", "숱한", "여러"};
  if (kDeterminers.count(word)) return true;
  // (three bytes per syllable)
  auto ends = [&](std::string_view tail) {
    return word.size() > tail.size() && word.ends_with(tail);
  };
  // verb endings: "…며" closes no given name; the others after 되 / 하 / 했 / 됐
  if (ends("며")) return true;
  // a common word with 만 / 도 ("연기만 잘 하는 줄", "노래도"): no name
  if ((ends("만") || ends("도")) && KoreanStopNames().count(word.substr(0, word.size() - 3))) {
    return true;
  }
  static constexpr std::string_view kVerbTails[] = {
      "되고", "하고", "되어", "하여", "되면", "하면", "된다", "한다", "했다", "됐다",
      "되는", "하는", "되자", "하자", "되지", "하지", "됐고", "했고", "되던", "하던"};
  for (auto t : kVerbTails) {
    if (ends(t)) return true;
  }
  const size_t syllables = word.size() / 3;
  if (syllables >= 3 && ends("들")) return true;  // …들: a plural
  if (syllables == 2 && ends("에")) return true;  // 역에: a noun and its 에
  return false;
}

bool KoreanEndsInPastTense(std::string_view sentence) {
  static const RE2 kPastEnd(
      "(?:었|았|였|했|됐|렸|졌|왔|냈|췄|웠|셨|켰|쳤|겼|뤘|섰|갔|봤|줬|났|혔)(?:다|습니다)[\\s.!"
      "\"”'’]*$");
  return RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), kPastEnd);
}

std::string_view MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kPerson:
      return "person";
    case MentionKind::kGroup:
      return "group";
    case MentionKind::kWork:
      return "work";
    case MentionKind::kNetwork:
      return "network";
    case MentionKind::kOrganisation:
      return "organisation";
    case MentionKind::kRole:
      return "role";
    case MentionKind::kSong:
      return "song";
    case MentionKind::kQuote:
      return "quote";
  }
  return "?";
}

std::string CleanTitle(std::string_view title) {
  std::string t = StripTitleQuotes(title);
  static const RE2 kQualifier(
      "(?i)\\s*[\\(\\[](?:working title|literal title|literal translation|tentative title|"
      "tentatively titled|w/t|wt|가제|가칭|이하[^\\)]*|working|english title|"
      "translated title|literally)[^\\)\\]]*[\\)\\]]\\s*");
  RE2::GlobalReplace(&t, kQualifier, " ");
  static const RE2 kOpenQualifier("\\s*\\((?:가제|이하|가칭)[^\\)]*$");
  RE2::Replace(&t, kOpenQualifier, "");
  // "사자(四子)", "해치(海馳)": the Hanja gloss after a Korean title is no part of it
  static const RE2 kHanjaGloss("^(.*[가-힣].*?)\\s*\\(\\p{Han}+\\)$");
  std::string bare;
  if (RE2::FullMatch(t, kHanjaGloss, &bare)) t = bare;
  return TrimName(t);
}

bool KoreanGroupHasCaseParticle(std::string_view token, const Gazetteer& gaz) {
  // 이 가 은 는 을 를 와 과 도 (one syllable after a longer name; "아이오아이" is a name)
  if (gaz.FindGroup(token).has_value()) return false;
  static constexpr std::string_view kParticles[] = {"\xEC\x9D\xB4", "\xEA\xB0\x80", "\xEC\x9D\x80",
                                                    "\xEB\x8A\x94", "\xEC\x9D\x84", "\xEB\xA5\xBC",
                                                    "\xEC\x99\x80", "\xEA\xB3\xBC", "\xEB\x8F\x84"};
  if (token.size() <= 3) return false;
  for (std::string_view p : kParticles) {
    if (token.substr(token.size() - 3) == p) return true;
  }
  return false;
}

namespace {

std::string_view After(std::string_view s, size_t at, size_t n) {
  if (at >= s.size()) return {};
  return s.substr(at, std::min(n, s.size() - at));
}

std::string_view Before(std::string_view s, size_t at, size_t n) {
  const size_t b = at > n ? at - n : 0;
  return s.substr(b, at - b);
}

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> tails) {
  for (auto t : tails) {
    if (s.size() >= t.size() && s.substr(s.size() - t.size()) == t) return true;
  }
  return false;
}

// "글로벌 뮤직 플랫폼 AURORA(오로라)를 통해": right after a platform's or a service's noun, a
// word the gazetteer knows as a person is that platform's name.
bool PlatformNounBefore(std::string_view prev) {
  return EndsWithAny(std::string(prev),
                     {"플랫폼", "사이트", "스트리밍", "애플리케이션", "어플", "서비스"});
}

// How many bytes before a work PastWorkBefore reads: an English part described before its
// title takes more room ("her leading role as the villainous soprano Cheon Seo-jin in W").
size_t PastWindow(bool ko) { return ko ? 48 : 80; }

// Words within `n` bytes before a work that mark it as an earlier work.
bool PastWorkBefore(std::string_view before, bool ko) {
  static const RE2 kEn(
      "(?i)(?:\\b(?:starred|appeared|featured|acted|debuted|played|worked|appearing|starring)\\s+"
      "(?:in|on)\\s+|\\b(?:known|famous|recognized|remembered|beloved|praised|acclaimed|"
      "celebrated|lauded|noted)\\s+for\\s+(?:(?:her|his|their)\\s+)?(?:(?:roles?|work|performances?"
      "|"
      "turns?|debut)\\s+(?:in|on)\\s+)?|\\blast\\s+seen\\s+in\\s+|\\bpreviously\\s+(?:in\\s+|"
      "starred\\s+in\\s+)?|\\bprevious\\s+(?:works?|dramas?|films?|projects?)\\s+(?:like\\s+|"
      "such\\s+as\\s+|including\\s+)?|\\bbreakout\\s+(?:role\\s+)?in\\s+|\\b(?:her|his|their)\\s+"
      "(?:roles?|work|turns?|performances?|appearances?|success)\\s+in\\s+|\\b(?:after|following|"
      "since)\\s+"
      "(?:starring|appearing|her\\s+role|his\\s+role|the\\s+success\\s+of)\\s+(?:in\\s+)?|"
      // "return with W2 after W", "her first drama since W": a title right after "after" /
      // "since" is the work before the news
      "\\b(?:after|since)\\s+(?:(?:her|his|their)\\s+(?:hit\\s+)?)?|"
      // ("the Min Yong Geun-directed film W": a compound naming who makes the film describes
      // the new work, not an earlier one)
      "(?:^|[^\\w-])(?:directed|wrote|written|penned|helmed|created|produced)\\s+"
      "(?:by\\s+\\S+\\s+)?|"
      "\\b(?:director|writer|creator|PD|producer|screenwriter|maker|makers|team|helmer)s?\\s+(?:of|"
      "behind)\\s+|"
      "\\b(?:now|currently)\\s+(?:on\\s+screen|on\\s+air|airing|starring|appearing|seen)\\s+in\\s+|"
      // "who is now playing the role of X in W", "now starring as a doctor in W": a part
      // played now names the work on air, not the news (fifteenth round)
      "\\b(?:who\\s+(?:is|are)\\s+)?(?:now|currently)\\s+(?:playing|starring\\s+as|appearing\\s+as)"
      "\\s+"
      "[^.,;:!?\"“‘]{0,60}?\\s+in\\s+|"
      "\\b(?:remake|version|reboot)\\s+of\\s+(?:the\\s+|an?\\s+)?(?:[\\w-]+\\s+){1,4}?(?:drama|"
      "film|"
      "movie|series|show|sitcom)\\s+|"
      // "a Korean remake of Nodame Cantabile": the source, not the remake's own title
      "\\bremake\\s+of\\s+(?:the\\s+|an?\\s+)?|"
      // "known for dramas and films including a cameo in the film W", "made a cameo in W":
      // a part listed or done in the past is a filmography entry
      "\\b(?:including|includes|made|had)\\s+(?:a\\s+|an\\s+|her\\s+|his\\s+|their\\s+)?"
      "(?:(?:special|brief|memorable|scene-stealing)\\s+)?(?:cameos?|roles?|turns?|"
      "appearances?|performances?)\\s+(?:in|on)\\s+|"
      // "known for her leading role as the villain X in W", "roles such as an athlete in W",
      // "his last role as a doctor in 2013's W": a part described before its title
      "\\b(?:her|his|their)\\s+(?:[\\w-]+\\s+)?roles?\\s+as\\s+[^.;:!?]{0,40}?\\s+in\\s+|"
      "\\broles?\\s+(?:such\\s+as|like|including)\\s+[^.;:!?]{0,60}?\\s+in\\s+|"
      // "he played an independence fighter in W", "who portrayed the villain in W": a part
      // played in the past, described before its title (within its clause: "who played a
      // demon in 'W1', will next appear in the film W2" names W2 as the new work)
      "\\b(?:played|portrayed)\\s+(?:a|an|the)\\s+[^.;:!?,'\"‘’“”]{0,60}?\\s+in\\s+|"
      "\\b(?:his|her|their)\\s+(?:last|previous|first|latest|most\\s+recent)\\s+(?:[\\w-]+\\s+)?"
      "roles?\\s+(?:as\\s+[^.;:!?]{0,40}?\\s+)?in\\s+|"
      // "After Squid Game, A is confirmed to …": a title opening a sentence after "after"
      "(?:^|[.!?]\\s+)(?:After|Following)\\s+|"
      // "the young breakout star of The Penthouse"
      "\\b(?:(?:breakout|former|original|veteran|rising)\\s+stars?|alum|alumni)\\s+of\\s+|"
      "\\b(?:his|her|their)\\s+(?:last|previous|latest|most\\s+recent|first)\\s+(?:drama|series|"
      "film|movie|"
      "work|project)s?\\s*,?\\s+|"
      "\\bhits?\\s+(?:like\\s+|such\\s+as\\s+|including\\s+)?|\\bworks?\\s+(?:like|such\\s+as|"
      "including)\\s+|\\bsuccess\\s+of\\s+|\\bfame\\s+from\\s+|\\b(?:of|from|in)\\s+(?:19|20)"
      "\\d\\d(?:'s|’s)?\\s+)"
      "(?:the\\s+)?(?:(?:19|20)\\d\\d\\s+)?(?:hit\\s+)?"
      "(?:\\S+(?:'s|’s)\\s+)?(?:(?:[\\w-]+\\s+){0,2}?(?:drama|series|film|movie|K-drama|show|pic|"
      "flick)\\s+)?$");
  // "who led tvN's recent romantic comedy K-drama Shooting Stars": a relative clause in the
  // past names the person's earlier work
  static const RE2 kWhoLed(
      "(?i)\\bwho\\s+(?:led|headlined|fronted|starred\\s+in|appeared\\s+in|played\\s+in)\\s+"
      "[^,.;:!?\"“”]{0,60}$");
  // "will also be starring in 'W'", "to be appearing in": the news, not an earlier work
  static const RE2 kFutureStarring(
      "(?i)\\b(?:will|to|be)\\s+(?:also\\s+|not\\s+)?(?:be\\s+)?(?:starring|appearing)\\s+(?:in|on)"
      "\\s+(?:\\S+\\s+){0,4}$");
  static const RE2 kKo("(?:전작|히트작|흥행작|대표작|출연작|주연작|통해|이후|당시)\\s*$");
  // "1일 보도자료를 통해 '미생'의 캐스팅 현황을 공개했다": 통해 after a press release, a
  // channel or a statement names how the news is told, not an earlier work
  static const RE2 kKoChannel(
      "(?:보도\\s*자료|자료|SNS|인스타그램|채널|계정|입장문|공식\\s*입장|인터뷰|매체|통화|"
      "공지|공지사항|"
      // "각종 온라인 음원사이트를 통해 'W' OST를 공개했다": where a song comes out
      "사이트|플랫폼|포털|유튜브|스트리밍|온라인)(?:을|를)?\\s*통해\\s*$");
  // "‘W1’(2019) 이후 ‘W2’에 캐스팅됐다": after a title, 이후 makes the title that follows it
  // the later, new one
  static const RE2 kKoAfterATitle("['’\"”>》]\\s*(?:\\(\\s*\\d{4}\\s*\\)\\s*)?이후\\s*$");
  if (ko) {
    return RE2::PartialMatch(before, kKo) && !RE2::PartialMatch(before, kKoChannel) &&
           !RE2::PartialMatch(before, kKoAfterATitle);
  }
  // "starring in the upcoming fantasy drama W": a new work, however it is described
  static const RE2 kNewWorkNoun(
      "(?i)\\b(?:upcoming|new|forthcoming|next|latest|untitled)\\s+(?:[\\w-]+\\s+){0,2}?(?:drama|"
      "series|film|movie|K-drama|show|pic|flick)\\s+$");
  // "After the much-hyped drama 'W' and its lead actor A dominated the first half": the drama
  // a story looks back on, not a new one
  static const RE2 kAfterWork(
      "(?i)\\b(?:after|following)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:drama|series|film|movie|"
      "K-drama)\\s+[\"“‘']?$");
  if (RE2::PartialMatch(before, kAfterWork)) return true;
  // "roles such as an athlete in ‘Weightlifting Fairy Kim Bok Joo, …": a quote left open
  // before a title the gazetteer found stands where the title begins
  for (std::string_view q : {"\xE2\x80\x98", "\xE2\x80\x9C", "'", "\""}) {
    if (before.size() > q.size() && before.substr(before.size() - q.size()) == q) {
      before.remove_suffix(q.size());
      break;
    }
  }
  // "has confirmed his role in 'W'", "landed her first lead role in W": a role the sentence
  // gives the person now is the news
  static const RE2 kRoleTakenNow(
      "(?i)\\b(?:confirmed|confirms|landed|lands|accepted|accepts|secured|secures|took|takes|"
      "taken|reprise|reprises|reprising)\\s+(?:his|her|their)\\s+(?:[\\w-]+\\s+){0,2}?roles?\\s+"
      "(?:as\\s+[^.;:!?]{0,40}?\\s+)?in\\s+(?:\\S+\\s+){0,4}$");
  // "is positively reviewing her appearance in W", "considering his participation in W": an
  // appearance the person's side is deciding on is the news
  static const RE2 kAppearanceDecided(
      "(?i)\\b(?:review\\w*|consider\\w*|discuss\\w*|mull\\w*|weigh\\w*|decid\\w*|confirm\\w*|"
      "finali[sz]\\w*)\\s+"
      "(?:on\\s+)?(?:his|her|their)\\s+(?:appearance|participation|casting)\\s+in\\s+(?:\\S+\\s+){"
      "0,4}$");
  // "who also had a worldwide smash in W", "who earlier scored big when his film W came out",
  // "who just came off the success of W": a relative clause telling a past
  // success names the person's earlier work (not "who will star in the upcoming film W")
  static const RE2 kWhoHad(
      "(?i)\\bwho\\s+(?:also\\s+|recently\\s+|just\\s+|previously\\s+|once\\s+)?(?:had\\s+(?:the|a|"
      "an|his|her|their)|"
      "enjoyed|created|scored|earned|came\\s+off|rose\\s+to\\s+fame|shot\\s+to\\s+fame)\\b"
      "[^,.;:!?\"“”]{0,70}$");
  // Both relative-clause patterns need the word "who": a plain search keeps them off the
  // windows without it (most), where their counted classes cost the DFA time.
  const bool has_who = [&] {
    for (size_t i = 0; i + 3 <= before.size(); ++i) {
      if ((before[i] | 0x20) == 'w' && (before[i + 1] | 0x20) == 'h' &&
          (before[i + 2] | 0x20) == 'o') {
        return true;
      }
    }
    return false;
  }();
  if (has_who && RE2::PartialMatch(before, kWhoHad) && !RE2::PartialMatch(before, kNewWorkNoun)) {
    return true;
  }
  if (RE2::PartialMatch(before, kEn)) {
    return !RE2::PartialMatch(before, kFutureStarring) &&
           !RE2::PartialMatch(before, kNewWorkNoun) && !RE2::PartialMatch(before, kRoleTakenNow) &&
           !RE2::PartialMatch(before, kAppearanceDecided);
  }
  return has_who && RE2::PartialMatch(before, kWhoLed);
}

// True when the Korean text before a quote says the work is on air now or has ended
// ("현재 방영 중인 tvN 토일드라마 'W'", "최근 종영한 SBS 드라마 'W'") or aired in a past year
// ("2008년 방송된 드라마 'W'"): the person's current or
// earlier work, not the news — unless the text after it makes it the news: a cameo in it
// ("'W'에 카메오로 출연한다") or its soundtrack ("출연 중인 'W' OST").
bool OnAirOrEndedWork(std::string_view before, std::string_view after) {
  static const RE2 kOnAirBefore(
      "(?:(?:방영|방송|출연|상영)\\s*중인|종영한|종영된|종영했던|막을\\s*내린)\\s+"
      "(?:[A-Za-z0-9+]+\\s+|[^\\s'‘\"“<《]*(?:드라마|극|시리즈|영화)\\s+|"
      // "현재 방영 중인 토일드라마 <W1>와 월화드라마 <W2>": a title joined to one on air
      "['‘\"“<《][^'’\"”>》]{1,40}['’\"”>》](?:와|과|,)\\s*){0,4}$");
  // ("방영 중인 'W'의 여섯 번째 OST로": the soundtrack of a drama on air is news)
  static const RE2 kNewsAfter(
      "^(?:(?:의)?\\s*(?:(?:첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열|\\d{1,2})\\s*(?:번째|번\\s*째)"
      "\\s*|"
      "첫\\s*|새\\s*|새로운\\s*|마지막\\s*)?(?:OST|O\\.S\\.T|주제가|사운드\\s*트랙)|(?:에|에서)\\s*"
      "(?:[^\\s.]+\\s+){0,3}?(?:특별\\s*출연|카메오|"
      "우정\\s*출연))");
  // "2008년 방송된 드라마 'W' OST 'S'로 사랑받은 A": a work aired or released in a past year
  // is an earlier work, its soundtrack included (unless the news is a cameo in it); so is one
  // first aired on a day of last year ("지난해 12월 18일부터 첫 방송된 'W'")
  static const RE2 kPastYearBefore(
      "(?:(?:19|20)\\d\\d\\s*년|지난해|작년)\\s*(?:에\\s*)?(?:\\d{1,2}\\s*월\\s*(?:\\d{1,2}\\s*"
      "일\\s*)?)?"
      "(?:부터\\s*)?(?:첫\\s*)?(?:방송된|방영된|방송했던|방영했던|"
      "방송한|방영한|개봉한|개봉했던|개봉된)\\s+(?:[A-Za-z0-9+]+\\s+)?(?:[^\\s'‘\"“<《]*(?:드라마|"
      "극|"
      "시리즈|영화)\\s*)?$");
  static const RE2 kCameoAfter(
      "^(?:에|에서)\\s*(?:[^\\s.]+\\s+){0,3}?(?:특별\\s*출연|카메오|우정\\s*출연)");
  if (RE2::PartialMatch(before, kPastYearBefore)) return !RE2::PartialMatch(after, kCameoAfter);
  return RE2::PartialMatch(before, kOnAirBefore) && !RE2::PartialMatch(after, kNewsAfter);
}

bool PastWorkAfter(std::string_view after, bool ko) {
  static const RE2 kEn(
      "(?i)^(?:\\s*\\)|\\s*fame|\\s+star\\b|\\s+actor\\b|\\s+actress\\b|\\s+director|\\s+writer|"
      // "W scriptwriter's upcoming drama": the writer's earlier work
      "\\s+(?:script|screen)-?writer|"
      "\\s+PD|\\s+creator|\\s+team|\\s+alum|\\s+alumn\\w*|\\s+lead\\b|\\s+co-stars?\\b|\\s+"
      "heartthrob|"
      // "W1 and W2 actor X", "W1, W2 and W3 star X": every title of the epithet's list is an
      // earlier work (the last one is caught by the actor noun right after it)
      "(?-i:(?:\\s*,\\s*[A-Z0-9][\\w'’:!?.-]*(?:\\s+(?:[A-Z0-9][\\w'’:!?.-]*|of|the|in|a|to|"
      "for|from|with|on|my|your)){0,5}){0,3}\\s*,?\\s+(?:and|&)\\s+[A-Z0-9][\\w'’:!?.-]*(?:\\s+(?:"
      "[A-Z0-9][\\w'’:!?.-]*|of|the|in|a|to|for|from|with|on|my|your)){0,5}\\s+(?:star|actor|"
      "actress|alum)\\b)|"
      "\\s+(?:which|that)\\s+(?:aired|premiered|ended|was\\s+(?:a|an|the|released|broadcast|aired|"
      "shown|screened|one))|"
      "\\s*,\\s*(?:which|that)\\s+(?:aired|premiered|ended)|"
      // "He was cast in W last year", "W two years ago": a title dated in the past
      "\\s*,?\\s+(?:last\\s+(?:year|month|summer|winter|spring|fall|autumn)|(?:a|one|two|three|"
      "four|five|\\d+)\\s+(?:years?|decades?)\\s+ago)\\b|"
      // "Parasite (2019)": a title dated in brackets is a filmography entry
      "\\s*\\(\\s*(?:19|20)\\d\\d\\s*\\)|"
      // "W is currently airing", "W, now on air", "W is doing high ratings": the work on air
      // now, whose slot or cast the news is not about
      "\\s*,?\\s+(?:(?:which|that)\\s+)?(?:is\\s+)?(?:currently|now)\\s+(?:airing|on\\s+air|"
      "broadcasting)\\b|\\s+is\\s+(?:currently\\s+|"
      "now\\s+)?(?:doing|posting|recording|enjoying)\\s+(?:well|high|strong|good|record)\\b)");
  static const RE2 kKo(
      "^(?:\\s*,\\s*(?:드라마|영화|웹드라마|시리즈|MBC|KBS|SBS|tvN|JTBC)?\\s*['‘\"“<《]|\\s*등\\s|"
      // "‘타짜’ ‘도둑들’ ‘암살’ 등을 연출한": titles side by side without commas, closed by 등, are
      // a filmography list
      // (the first one may be a quote's tail: "‘타짜 ‘도둑들’" pairs the first two marks)
      "(?:\\s*['‘\"“<《]?[^'’\"”>》.\\s][^'’\"”>》.]{0,29}['’\"”>》]){1,6}\\s*"
      "등(?:을|에|에서|으로|의)?\\s|"
      // "‘천추태후’(2009), ‘대왕의 꿈’(2012년)를 연출한": a title dated in brackets is a
      // filmography entry
      "\\s*\\(\\s*(?:19|20)\\d\\d\\s*(?:년\\s*)?\\)|"
      // "<엑시트>의 이상근 감독이": the title of a director's or writer's earlier work
      "의\\s*[^\\s.,]{2,12}\\s*(?:감독|작가|PD|피디|연출가|각본가)|"
      "\\s*등에서|\\s*등을|\\s*등으로|"
      // "드라마 'W'가 끝나면 얘기하려 했다", "'W' 종영 후", "'W'를 마치고": the work someone is
      // busy with until then, on air now, before the news
      "(?:이|가)?\\s*(?:끝나면|끝나고|끝나는\\s*대로|끝난\\s*(?:뒤|후|다음)|종영\\s*(?:후|이후|뒤)|"
      "종영(?:하면|되면|한\\s*(?:뒤|후)|된\\s*(?:뒤|후)))|"
      "(?:을|를)\\s*마치(?:고|면|는\\s*대로)\\s|"
      // "'W' 촬영을 마치고", "'W' 촬영을 끝냈다": a work whose shooting is over
      "\\s*(?:촬영|방송|활동|공연)\\s*(?:을|를)?\\s*(?:모두\\s*)?(?:마치고|마친|마쳤|끝내고|끝낸|"
      "끝냈|끝마치고|끝마친|끝마쳤)|"
      // "<W1> <W2> 등에 출연하며 청춘 스타로": a list of the works someone appeared in
      "\\s*등\\s*(?:여러\\s*)?(?:다수의\\s*)?(?:작품)?에\\s*(?:출연|주연|조연)|\\s*후속|의\\s*후속|"
      "\\s*(?:\\(\\d{4}\\)\\s*)?(?:이후|이후로|"
      "에\\s*이어|"
      "에서\\s*(?:호흡|활약|"
      "열연|주목|인상)|에서\\s*(?:[^\\s.]+\\s+){0,5}?(?:이름을\\s*알린|이름을\\s*알렸던|"
      "연기력을\\s*선보인|연기력을\\s*선보였던|열연을\\s*펼친|열연했던|활약했던|눈도장을\\s*찍은|"
      "열연한\\s|활약한\\s|호흡을\\s*맞춘\\s|호흡을\\s*맞췄던\\s|"
      "출연\\s*중인|열연\\s*중인)|에\\s*출연\\s*중인|"
      // "'W'에 출연하며 얼굴을 알린 신예 A가": the work that made someone known
      "에\\s*출연(?:하며|해|하면서)\\s*(?:[^\\s.]+\\s+){0,3}?(?:얼굴을\\s*알린|이름을\\s*알린|"
      "눈도장을\\s*찍은|주목받은|주목을\\s*받은|인기를\\s*얻은|사랑받은|사랑을\\s*받은)|(?:으로|로)"
      "\\s*(?:친숙한|유명한|잘\\s*알려진)|"
      "로\\s*(?:주목|사랑|인기|"
      "얼굴|이름|눈도장|존재감|신드롬|흥행|호평)|을\\s*통해|를\\s*통해|으로\\s*(?:주목|사랑|인기|"
      "얼굴|이름|"
      "눈도장|존재감|흥행|호평)|에\\s*출연했던|에\\s*출연한(?:\\s|,|$)|에서의|의\\s*(?:흥행|성공|"
      "인기)|감독|"
      "작가|"
      "PD|연출|으로\\s*데뷔|로\\s*데뷔|[을를]\\s*(?:쓴|연출한|집필한|만든|공동집필한|선보인)|"
      // ("'W'를 함께 한 작가": a work done with someone, "함께 한다" aside)
      "[을를]\\s*함께\\s*(?:한|했던)(?:\\s|$)|"
      "등을\\s*(?:쓴|연출한|집필한)))");
  // "'W'를 통해 베일을 벗으며", "'W'를 통해 컴백한다", "'W'로 데뷔 4년 만에 연기 데뷔의 꿈을
  // 이루게 됐다": "through W" and "debut with W" followed by a present or future predicate
  // (or by "N years after the debut") name the news work, not an earlier one
  static const RE2 kNewWorkKo(
      "^(?:(?:으로|로)\\s*데뷔\\s*\\d+\\s*년\\s*만에|[을를]\\s*통해[^.!?]{0,40}?(?:한다|"
      "할\\s*예정|하게\\s*됐|벗는다|벗으며|벗을|나선다|나설|선보인다|선보일|돌아온다|돌아올|"
      "론칭한다|데뷔한다|데뷔할|컴백한다|컴백할|복귀한다|복귀할|출격한다|출격할|"
      // "'W'를 통해 tvN 드라마에 첫 도전하는", "'W'를 통해 변신에 나서는": a first try or a
      // change of image through W is the news
      "도전하는|도전한다|도전할|도전장을|변신하는|변신한다|변신할|나서는|복귀하는|돌아오는|"
      "출격하는|선보이는)|"
      // "새 드라마 'W'에서 호흡을 맞춘다", "'W'에서 호흡할 예정이다", "'W'에서 열연을 펼친다": a
      // present or future predicate after "in W" casts people in W (the past "호흡을 맞춘 B" and
      // "호흡을 맞췄던" still name an earlier work)
      "에서\\s*(?:호흡을?\\s*맞(?:춘다|출\\s|추게|추기로)|호흡(?:한다|할\\s|하게)|"
      "활약(?:한다|할\\s)|열연(?:한다|할\\s|을\\s*펼친다|을\\s*펼칠)))");
  if (ko && RE2::PartialMatch(after, kNewWorkKo)) return false;
  return ko ? RE2::PartialMatch(after, kKo) : RE2::PartialMatch(after, kEn);
}

// "<기적> <공조>의 임윤아", "'갯마을 차차차'의 김선호가": a Korean title owning a known
// person's name (의 right before the name) introduces that person by an earlier work, not
// the news. `after` is the text right after the title.
bool KoreanTitleOwnsName(std::string_view after, const Gazetteer& gaz) {
  static const RE2 kOwner("^\xEC\x9D\x98\\s*([^\\s,.!?'\"()<>]+)");  // 의 + a token
  std::string token;
  if (!RE2::PartialMatch(after, kOwner, &token)) return false;
  const std::string base = StripKoreanParticle(token);
  // (a full name of three syllables: two-syllable stage names collide with nouns such as 주연)
  return base.size() >= 9 && gaz.FindPerson(base) != nullptr && gaz.FindWork(base) == nullptr;
}

// True when an English quote stands where a song does: right before "sung by", "as the
// OST" or "for 'W' OST", or (in a sentence about a soundtrack) right after a singing or
// releasing verb or "which is titled". `s` is the sentence, `before`/`after` the text next
// to the quote.
bool EnglishSongPlace(std::string_view s, std::string_view before, std::string_view after) {
  static const RE2 kSongRoleAfter(
      "(?i)^\\s*,?\\s*(?:(?:sung|performed)\\s+by\\b|as\\s+(?:the\\s+|a\\s+|an\\s+|its\\s+)?"
      "(?:\\w+\\s+)?(?:OST|O\\.S\\.T|soundtrack|theme\\s+song)|for\\s+(?:the\\s+)?"
      "(?:'|\"|\xE2\x80\x98|\xE2\x80\x9C)[^'\"]{1,40}?(?:'|\"|\xE2\x80\x99|\xE2\x80\x9D)\\s*"
      "(?:OST|O\\.S\\.T|soundtrack)|"
      // "'S,' the second OST of 'W'", "'S,' Part 3 of the soundtrack": an apposition that
      // numbers the quote among the soundtrack's songs (gen18)
      "(?:the\\s+|its\\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
      "tenth|\\d{1,2}(?:st|nd|rd|th)|latest|new|next|final|last)\\s+(?:OST|O\\.S\\.T|"
      "soundtrack|track|song|single)\\s+(?:of|for|from)\\b|(?:part|pt)\\.?\\s*\\d{1,2}\\s+of\\b)");
  if (RE2::PartialMatch(after, kSongRoleAfter)) return true;
  static const RE2 kSingVerbBefore(
      "(?i)(?:\\b(?:sings?|sang|singing|records?|recorded|recording|releases?|released|"
      "releasing|unveil(?:s|ed|ing)?|drop(?:s|ped|ping)?|shared|shares)|\\b(?:which|that)\\s+(?:"
      "is\\s+)?(?:titled|entitled|called|named)|"
      // "The song, entitled 'S'" (fifteenth round)
      "\\b(?:song|track|ballad|single|number)\\s*,?\\s+(?:(?:is|was)\\s+)?(?:titled|entitled|"
      "called|named))\\s*$");
  static const RE2 kSoundtrackWord("(?i)\\bOST\\b|O\\.S\\.T|soundtrack|theme\\s+song");
  return RE2::PartialMatch(before, kSingVerbBefore) && RE2::PartialMatch(s, kSoundtrackWord);
}

// "Military Prosecutor Doberman's Kim Woo-seok", "'Goblin''s Gong Yoo": a title owning a
// name introduces that person by an earlier work. `end` is where the title (or its
// possessive token) ends.
bool PossessiveOfAName(std::string_view s, size_t end, const Gazetteer& gaz) {
  size_t at = end;
  const bool poss_in_token = (end >= 2 && s.substr(end - 2, 2) == "'s") ||
                             (end >= 4 && s.substr(end - 4, 4) == "\xE2\x80\x99s");
  if (!poss_in_token) {
    if (s.compare(at, 2, "'s") == 0) {
      at += 2;
    } else if (s.compare(at, 4, "\xE2\x80\x99s") == 0) {
      at += 4;
    } else {
      return false;
    }
  }
  static const RE2 kName("^\\s+((?-i:[A-Z])[a-zA-Z]+)(?:[\\s-]((?-i:[A-Z])?[a-zA-Z]+))?");
  std::string first, second;
  if (!RE2::PartialMatch(re2::StringPiece(s.data() + at, s.size() - at), kName, &first, &second)) {
    return false;
  }
  if (gaz.FindPerson(first) != nullptr && gaz.FindWork(first) == nullptr && first.size() > 3) {
    return true;
  }
  return IsRomanisedSurname(first) && !second.empty() &&
         std::isupper(static_cast<unsigned char>(second[0]));
}

// "Oh Yeon-seo of the My Sassy Girl drama", "A of the 'W' series": a known person (or a
// star) introduced by the drama, series or film they are of names that person's earlier work,
// not the news. `begin` and `end` bound the title (quotes included).
bool NameOfTheWork(std::string_view s, size_t begin, size_t end, const Gazetteer& gaz) {
  // "The hallyu star of "W"", "director Kim Jong-hak of the "W" series", "actress A of 'W'":
  // a quoted title after a person noun (or a name the text gives a credit or a job to) and
  // "of" introduces that person by an earlier work (fifteenth round)
  // ("cast as the lead actress of 'W'": a part in the work is the news)
  static const RE2 kPersonNounOf(
      "(?i)\\b(?:(?:star|actor|actress|director|PD|writer|screenwriter|heartthrob)|(?:actor|"
      "actress|director|PD|writer|screenwriter)\\s+(?-i:[A-Z])[\\w'’-]*(?:\\s+(?-i:[A-Z])[\\w'’-]*)"
      "{0,2})\\s+of\\s+(?:the\\s+)?('|\"|\xE2\x80\x98|\xE2\x80\x9C)?$");
  static const RE2 kPartOf(
      "(?i)\\b(?:lead|leading|main|female|male|new|supporting|second|title|titular)\\s+(?:star|"
      "actor|actress)\\s+of\\s+");
  static const RE2 kQuoteOpen("^(?:'|\"|\xE2\x80\x98|\xE2\x80\x9C)");
  const std::string_view before = Before(s, begin, 64);
  std::string quote;
  if (RE2::PartialMatch(before, kPersonNounOf, &quote) && !RE2::PartialMatch(before, kPartOf) &&
      (!quote.empty() || RE2::PartialMatch(After(s, begin, 4), kQuoteOpen))) {
    return true;
  }
  // "Lim Se-mi of True Beauty": a known title right after a known person and "of"
  static const RE2 kKnownPersonOf(
      "((?-i:[A-Z])[a-zA-Z]+(?:[\\s-](?-i:[A-Z])?[a-zA-Z]+){1,2})\\s+of\\s+$");
  std::string person;
  if (RE2::PartialMatch(Before(s, begin, 40), kKnownPersonOf, &person) &&
      gaz.FindPerson(person) != nullptr &&
      gaz.FindWork(CleanTitle(s.substr(begin, end - begin))) != nullptr) {
    return true;
  }
  static const RE2 kKindAfter("(?i)^\\s+(?:drama|series|film|movie|K-drama|sitcom)\\b");
  if (!RE2::PartialMatch(After(s, end, 16), kKindAfter)) return false;
  static const RE2 kOfThe(
      "(?i)((?-i:[A-Z])[a-zA-Z]+(?:[\\s-](?-i:[A-Z])?[a-zA-Z]+){0,2}|star)"
      "\\s+of\\s+the\\s+$");
  std::string name;
  if (!RE2::PartialMatch(Before(s, begin, 48), kOfThe, &name)) return false;
  return LowerAscii(name) == "star" || gaz.FindPerson(name) != nullptr;
}

// True when a Korean quote holds a word about the state of a casting ("확정", "검토 중",
// "세부사항 조율 中"): somebody's statement, never a title.
bool KoreanQuotedStatus(std::string_view inside) {
  static const RE2 kStatusWord(
      "사실무근|사실이\\s*아니|검토\\s*(?:중|하고)|논의\\s*중|확정|미정|결정된|정해진|"
      "(?:제안|제의)(?:을|를)?\\s*받|조율|협의\\s*중|협상\\s*중|긍정적|中$|캐스팅\\s*된|캐스팅됐|"
      "주인공으로|"
      "출연을|출연한다|출연$|검토$");
  return RE2::PartialMatch(inside, kStatusWord);
}

// "드라마 '왕관을 쓰려는 자, 그 무게를 견뎌라'(이하 '상속자들')": a Korean quote named by a
// work noun before it, or given a short form after it, is a title however long it is (unless
// it holds a status word).
bool KoreanNamedTitle(std::string_view before, std::string_view after, std::string_view inside) {
  static const RE2 kWorkNounBefore(
      "(?:드라마|영화|시리즈|웹드라마|웹\\s*드라마|미니시리즈|일일극|주말극|월화극|수목극|"
      "금토극|사극|작품)\\s*$");
  static const RE2 kShortFormAfter("^\\s*\\(\\s*이하");
  return (RE2::PartialMatch(before, kWorkNounBefore) ||
          RE2::PartialMatch(after, kShortFormAfter)) &&
         !KoreanQuotedStatus(inside);
}

// "with the Korean title "How to Become …"", "a film titled "…"": in English a quote the text
// names as a title is one, however many words it has (not a sentence with a pronoun subject,
// nor one holding another quote, nor one in lower case).
bool EnglishNamedTitle(std::string_view before, std::string_view inside) {
  static const RE2 kTitleBefore(
      "(?i)(?:\\b(?:titled|entitled)|\\btitle(?:\\s+(?:is|of|was))?)\\s*[,:]?\\s*$");
  static const RE2 kSentence("^(?:He|She|They|We|I|It)\\b|[\"“”‘]");
  return inside.size() <= 100 && !inside.empty() &&
         std::isupper(static_cast<unsigned char>(inside[0])) &&
         RE2::PartialMatch(before, kTitleBefore) && !RE2::PartialMatch(inside, kSentence);
}

// A quoted span that is a statement, not a title.
bool LooksLikeStatement(std::string_view inside, std::string_view after, bool ko) {
  // a quote holding another quote, or a status word, is somebody's statement
  static constexpr std::string_view kInnerQuotes[] = {"'", "\xE2\x80\x98", "\xE2\x80\x9C", "\""};
  for (auto q : kInnerQuotes) {
    for (size_t at = inside.find(q); at != std::string_view::npos; at = inside.find(q, at + 1)) {
      // "A Killer's Diary": an apostrophe between letters is no quote
      const bool apostrophe = q == "'" && at > 0 && at + 1 < inside.size() &&
                              std::isalpha(static_cast<unsigned char>(inside[at - 1])) &&
                              std::isalpha(static_cast<unsigned char>(inside[at + 1]));
      if (!apostrophe) return true;
    }
  }
  if (ko) {
    if (KoreanQuotedStatus(inside)) return true;
    // '...'라고 / '...'고 밝혔다 / "..."며
    static const RE2 kQuoteTail(
        "^(?:이?라고|고\\s|고$|며\\s|면서|이?라면서|이라며|라며|라는\\s|이란|란\\s)");
    // "'T'라는 제목의 음반": a name the text gives as a title is no statement
    static const RE2 kNamedTitle("^이?라는\\s*(?:제목|타이틀|곡명)");
    if (RE2::PartialMatch(after, kQuoteTail) && !RE2::PartialMatch(after, kNamedTitle)) {
      return true;
    }
    // "확인해줄 수 없다"는 입장이다 / "…없다"는 반응: a clause in 다 named as somebody's position
    static const RE2 kPositionTail("^는\\s*(?:입장|반응|설명|해명|답변|주장|뜻|말)");
    if (inside.ends_with("다") && RE2::PartialMatch(after, kPositionTail)) return true;
    // Titles end in 다 as often as sentences do ('우리 별이 되다'); a statement has
    // its full stop, a quoting tail, or the length of a sentence.
    if (EndsWithAny(inside, {"다.", "요.", "죠.", "까?", "!", ".", "다!", "요!"}) &&
        HangulSyllables(inside) >= 6) {
      return true;
    }
    // Without its full stop, a clause in the past tense or denied ('…정식 미팅 없었다',
    // '…감독과 만나지 못했다') is still somebody's words: titles end in a plain
    // or present form ('우리 별이 되다', '그 겨울, 바람이 분다'). Titles of that shape are
    // short ('악마를 보았다', '너희들은 포위됐다', '비밀은 없다'): nine syllables or more in
    // three words or more are a clause.
    static const RE2 kSaidEnd("(?:었|았|였|했|됐|없|않)다$");
    if (std::count(inside.begin(), inside.end(), ' ') >= 2 && HangulSyllables(inside) >= 9 &&
        RE2::PartialMatch(inside, kSaidEnd)) {
      return true;
    }
    if (inside.find(". ") != std::string_view::npos ||
        inside.find(", ") != std::string_view::npos) {
      if (HangulSyllables(inside) >= 12) return true;
    }
    return HangulSyllables(inside) > 22;
  }
  if (inside.size() > 60) return true;
  // "He is currently in talks.", "She is reviewing the offer positively": a pronoun subject and
  // a lower-case verb open a statement (a title capitalises its words: "She Was Pretty")
  static const RE2 kPronounClause(
      "^(?:He|She|They|We|I|It)(?:'s|’s|'re|’re|'m|’m)?\\s+[a-z][a-z'’]*\\s+\\S");
  if (RE2::PartialMatch(inside, kPronounClause)) return true;
  const size_t spaces = std::count(inside.begin(), inside.end(), ' ');
  if (spaces >= 8) return true;
  if (!inside.empty() && std::islower(static_cast<unsigned char>(inside[0])) && spaces >= 2) {
    return true;
  }
  return false;
}

}  // namespace

SentenceMentions FindMentions(std::string_view s, std::string_view lang, const Gazetteer& gaz) {
  SentenceMentions out;
  const bool ko = lang == "ko";
  std::vector<Span> quotes = FindQuotes(s);
  // A quoted statement is read like the rest of the sentence (names, titles and
  // cues inside it count); only the quotes nested in it can be titles.
  {
    std::vector<Span> expanded;
    for (const Span& q : quotes) {
      std::string_view inside = s.substr(q.ib, q.ie - q.ib);
      const bool named_title = ko ? KoreanNamedTitle(Before(s, q.b, 48), After(s, q.e, 64), inside)
                                  : EnglishNamedTitle(Before(s, q.b, 48), inside);
      if (!named_title && (LooksLikeStatement(inside, After(s, q.e, 40), ko) ||
                           inside.find("\xC2\xB7") != std::string_view::npos)) {
        for (Span inner : FindQuotes(inside)) {
          inner.b += q.ib;
          inner.e += q.ib;
          inner.ib += q.ib;
          inner.ie += q.ib;
          expanded.push_back(inner);
        }
        continue;
      }
      expanded.push_back(q);
    }
    quotes = std::move(expanded);
  }
  auto add = [&](Mention m) {
    if (out.items.size() < kMaxMentions) out.items.push_back(std::move(m));
  };
  // A character's name at [b, e), found by the Korean role shapes below.
  auto add_role = [&](size_t b, size_t e, const std::string& name, const char* why) {
    Mention m;
    m.kind = MentionKind::kRole;
    m.begin = b;
    m.end = e;
    m.text = name;
    m.why = why;
    add(std::move(m));
  };

  // --- quoted spans: works, songs, roles, statements ---
  for (const Span& q : quotes) {
    std::string_view inside = s.substr(q.ib, q.ie - q.ib);
    const std::string_view after = After(s, q.e, ko ? 64 : 40);
    const std::string_view before = Before(s, q.b, 48);
    Mention m;
    m.begin = q.b;
    m.end = q.e;
    m.quoted = true;
    m.text = CleanTitle(inside);
    if (ko) {
      // '옐로우(Yellow)': a Korean title with its English form in parentheses is the Korean one
      static const RE2 kLatinTail("^(.*\\S)\\s*\\([A-Za-z0-9][A-Za-z0-9 .,'&!?:\\-]*\\)$");
      std::string korean;
      if (RE2::FullMatch(m.text, kLatinTail, &korean) && HangulSyllables(korean) > 0 &&
          gaz.FindWork(m.text) == nullptr) {
        m.text = korean;
      }
    }
    // "'키스 먼저 할까요?(극본 배유미, 연출 손정현)'": the credits in parentheses are no title
    if (ko) {
      static const RE2 kCreditsInside(
          "\\s*\\((?:극본|연출|감독|각본|원작|작가|제작)[^()]*\\)\\s*$");
      RE2::Replace(&m.text, kCreditsInside, "");
    }
    // "‘슬기로운 의사생활’ 시즌2": a season written after the closing mark is the title's when
    // the gazetteer knows the season as a work of its own
    if (ko) {
      static const RE2 kSeasonAfter("^\\s*(시즌\\s*(\\d{1,2}))");
      re2::StringPiece whole, number;
      if (RE2::PartialMatch(after, kSeasonAfter, &whole, &number)) {
        const std::string with_season = m.text + " 시즌" + std::string(number);
        if (gaz.FindWork(with_season) != nullptr) {
          m.text = with_season;
          m.end = static_cast<size_t>(whole.data() + whole.size() - s.data());
        }
      }
    }
    // "‘두 번째 남편 OST Part.5 - 그대가 있기에’": the title before "OST", the song after the dash
    std::string ost_song;
    Mention dash_singer;
    bool has_dash_singer = false;
    if (ko) {
      static const RE2 kOstInside(
          "(.*\\S)\\s*(?:OST|O\\.S\\.T\\.?)\\s*(?:(?:Part|PART|part|Pt|파트|Vol)\\.?\\s*\\d{1,2})?"
          "\\s*(?:[-–—:]\\s*(.*))?");
      std::string work_part, song_part;
      if (RE2::FullMatch(m.text, kOstInside, &work_part, &song_part) &&
          HangulSyllables(work_part) > 0) {
        m.text = CleanTitle(work_part);
        ost_song = TrimName(song_part);
      }
    }
    if (m.text.empty()) continue;
    // '…입장이다"면서 "현재 …': a quote mark glued to the word before it closes a quotation;
    // what it pairs with the next opening mark is the connective between two quotations
    // (면서, 며, 라며, 고, 라고), no title
    if (ko && !before.empty() && static_cast<unsigned char>(before.back()) >= 0x80) {
      static const RE2 kBetweenQuotes(
          "^(?:면서|며|라며|이라며|고|라고|이라고|라면서|이라면서)\\s*$");
      if (RE2::FullMatch(inside, kBetweenQuotes)) continue;
    }
    // parenthesised? count opening parens before
    int depth = 0;
    for (size_t i = 0; i < q.b; ++i) {
      if (s[i] == '(') ++depth;
      if (s[i] == ')' && depth > 0) --depth;
    }
    m.in_parens = depth > 0;
    // A quoted headline fragment that lists names ('수영·민호·유라까지', '강동원, 공유, 이나영…')
    // is no title.
    bool name_list = false;
    int list_items = 0, list_persons = 0;
    if (inside.find("\xC2\xB7") != std::string_view::npos ||
        inside.find(", ") != std::string_view::npos ||
        EndsWithAny(inside, {"까지", "…", "...", "들", "등"})) {
      std::string item;
      auto check = [&](std::string w) {
        w = StripKoreanParticle(TrimName(w));
        for (auto tail : {"까지", "…", "..."}) {
          if (w.size() > std::string_view(tail).size() && EndsWithAny(w, {tail})) {
            w.resize(w.size() - std::string_view(tail).size());
          }
        }
        if (w.empty()) return;
        ++list_items;
        if (gaz.FindPerson(w) != nullptr || gaz.FindGroup(w)) ++list_persons;
      };
      for (size_t k = 0; k < inside.size();) {
        if (inside.compare(k, 2, "\xC2\xB7") == 0 || inside[k] == ',') {
          check(item);
          item.clear();
          k += inside[k] == ',' ? 1 : 2;
          continue;
        }
        item += inside[k++];
      }
      check(item);
      // most items are known names ('Genie, Make a Wish' is a title with one name in it)
      name_list = list_persons >= 2 && list_persons * 2 >= list_items;
    }
    // 'B2ST', 'EXO-K', 'cranks in': a quoted group (or, in English, a quoted person), or a
    // phrase in lower case, is no title; Korean titles are always quoted and may be a name
    // ("the OST for the MBC weekend drama, 'Kim Suro'": a quote a work noun or an OST word
    // names stays a title though it is also a person's name; period dramas bear their heroes')
    static const RE2 kEnWorkNamedBefore(
        "(?i)(?:\\b(?:melodrama|drama|film|movie|series|sitcom|sageuk|k-drama|rom-com)\\s*,?|\\b(?:"
        "OST|OSTs|soundtracks?)\\s+"
        "(?:for|of)\\s+(?:the\\s+)?)\\s*$");
    static const RE2 kEnOstAfter("(?i)^\\s*(?:'s\\s+|’s\\s+)?(?:OST|soundtrack)\\b");
    const bool en_named_title = !ko && (RE2::PartialMatch(before, kEnWorkNamedBefore) ||
                                        RE2::PartialMatch(after, kEnOstAfter));
    const bool quoted_name = gaz.FindWork(m.text) == nullptr &&
                             ((gaz.FindGroup(m.text).has_value() && !en_named_title) ||
                              (!ko && !en_named_title && gaz.FindPerson(m.text) != nullptr));
    // ('K', the letter a character calls himself, is no title)
    const bool lower_phrase = !ko && (std::islower(static_cast<unsigned char>(m.text[0])) ||
                                      (m.text.size() == 1 && gaz.FindWork(m.text) == nullptr));
    // "idol group 'B2ST'", "boy band 'X'", "그룹 'X'": the quote names a group
    static const RE2 kGroupWordBefore(
        "(?i)(?:\\bgroup|\\bband|\\bunit|그룹|밴드|유닛|아이돌|걸그룹|보이그룹)\\s*$");
    // "제작사 '외유내강'의 작품": a quote right after a company noun names the company
    static const RE2 kCompanyBefore("(?:제작사|소속사|배급사|투자사|레이블|기획사)\\s*$");
    // "‘나무액터스’ 소속 배우들": a quote followed by 소속 names the agency the people belong to
    static const RE2 kMembershipAfter("^\\s*소속");
    if (ko && (RE2::PartialMatch(before, kCompanyBefore) ||
               (RE2::PartialMatch(after, kMembershipAfter) && gaz.FindWork(m.text) == nullptr))) {
      m.kind = MentionKind::kOrganisation;
      m.why = "quoted company name";
      add(std::move(m));
      continue;
    }
    // "'천만 배우' 임시완", "'흥행 보증' 제작진", "‘꿈의 캐스팅’", "tvN 새 드라마 ‘캐스팅’이":
    // a short Korean quote ending in a word of praise or of the casting itself is an epithet
    // or a topic, not a title (unless the gazetteer knows it as a work)
    static const RE2 kEpithetEnd(
        "(?:^|\\s|의)(?:배우|스타|퀸|디바|보컬|대세|메이커|보증|요정|여신|캐스팅|라인업|예약|전역|"
        "신드롬|앓이|투톱|원톱|케미|조합)$");
    // ("'연기돌'로 변신", "A X B '꿀조합'": one word compounded with 돌 (an idol), 조합 or 케미)
    static const RE2 kEpithetCompound("^\\S{1,6}(?:돌|조합|케미)$");
    if (ko && gaz.FindWork(m.text) == nullptr &&
        ((std::count(inside.begin(), inside.end(), ' ') <= 2 &&
          RE2::PartialMatch(inside, kEpithetEnd)) ||
         (HangulSyllables(inside) >= 3 && HangulSyllables(inside) <= 5 &&
          RE2::FullMatch(inside, kEpithetCompound)))) {
      m.kind = MentionKind::kQuote;
      m.why = "quoted epithet or topic, not a title";
      m.epithet = true;
      add(std::move(m));
      continue;
    }
    // "158화 <… 선물편>", "3회 '재회 편'": an episode's title after its number (ending in 편,
    // "episode") names no work; the work is the series it belongs to
    static const RE2 kEpisodeNumberBefore("\\d+\\s*(?:화|회|회차|부)\\s*$");
    if (ko && EndsWithAny(inside, {"편"}) && RE2::PartialMatch(before, kEpisodeNumberBefore) &&
        gaz.FindWork(m.text) == nullptr) {
      m.kind = MentionKind::kQuote;
      m.why = "quoted episode title after its number, not a work";
      m.epithet = true;
      add(std::move(m));
      continue;
    }
    // "‘핫’했던 배우들", "‘힙’한 감성": a quote turned into a verb or an adjective by 하다
    // right after it is an emphasised word, never a title (titles take particles)
    static const RE2 kHadaAfter("^(?:했던|했다|했고|하게|하다|한\\s|해진|해서|스러운|스런)");
    if (ko && RE2::PartialMatch(after, kHadaAfter) && gaz.FindWork(m.text) == nullptr) {
      m.kind = MentionKind::kQuote;
      m.why = "quoted word made a verb by 하다, not a title";
      m.epithet = true;
      add(std::move(m));
      continue;
    }
    // "‘남다른’ <가족의 탄생>": one short word ending in an adnominal ㄴ right before another
    // quoted title describes that title; it is no title of its own
    static const RE2 kTitleRightAfter("^\\s*[<《〈'‘\"“]");
    if (ko && inside.find(' ') == std::string_view::npos && HangulSyllables(inside) >= 2 &&
        HangulSyllables(inside) <= 4 && RE2::PartialMatch(after, kTitleRightAfter) &&
        gaz.FindWork(m.text) == nullptr) {
      size_t last_at = 0;
      const uint32_t last = PrevCodePointOf(inside, inside.size(), &last_at);
      if (IsHangulCp(last) && (last - 0xAC00) % 28 == 4) {  // final consonant ㄴ
        m.kind = MentionKind::kQuote;
        m.why = "quoted modifier of the title after it, not a title";
        m.epithet = true;
        add(std::move(m));
        continue;
      }
    }
    // "‘수술 중 각성’을 소재로 한 의학스릴러": the quote is the story's subject matter, not a title
    // (unless the gazetteer knows it as a work)
    static const RE2 kTopicAfter(
        "^\\s*(?:을|를|이라는|라는)?\\s*(?:소재|모티브|모티프|주제)(?:로|으로|를|삼아)");
    if (ko && RE2::PartialMatch(after, kTopicAfter) && gaz.FindWork(m.text) == nullptr) {
      m.kind = MentionKind::kQuote;
      m.why = "quoted topic, not a title";
      m.epithet = true;
      add(std::move(m));
      continue;
    }
    // "인디 듀오 '부엉이'가 참여한 'W' OST", "메인 보컬이자 리더 'WOOSUNG'이 참여하며": in a
    // Korean OST sentence a quote after a singer's noun, subject of a singing verb, is the
    // singer (the gazetteer may not know the name)
    {
      static const RE2 kSingerNounBefore(
          "(?:듀오|트리오|밴드|보컬|리더|가수|싱어송라이터|보컬리스트|래퍼|솔로\\s*아티스트)\\s*$");
      static const RE2 kSubjectSings(
          "^\\s*(?:이|가|은|는)\\s+(?:\\S+\\s+){0,2}?(?:참여|가창|부른|불렀|부르|나선|나섰|합류|"
          "목소리)");
      static const RE2 kOstWordKo("OST|ost|O\\.S\\.T|주제가|사운드트랙|엔딩곡|삽입곡|테마곡");
      if (ko && gaz.FindWork(m.text) == nullptr && RE2::PartialMatch(before, kSingerNounBefore) &&
          RE2::PartialMatch(after, kSubjectSings) && RE2::PartialMatch(s, kOstWordKo)) {
        m.kind = MentionKind::kPerson;
        m.person = gaz.FindPerson(m.text);
        m.why = "quoted singer after a singer's noun";
        add(std::move(m));
        continue;
      }
    }
    // "아이돌 '덱스터' 멤버들로": a quote whose members are named is a group, not a title
    static const RE2 kMembersAfter("^\\s*(?:의\\s*)?멤버");
    if (RE2::PartialMatch(before, kGroupWordBefore) ||
        (ko && RE2::PartialMatch(after, kMembersAfter))) {
      m.kind = MentionKind::kQuote;
      m.why = "quoted group name";
      add(std::move(m));
      continue;
    }
    // "러블리즈(Lovelyz)의 '케이(Kei)'": a quoted member of the group named right before
    // the quote is that member, not a title
    if (ko) {
      static const RE2 kGroupOf("(\\S+?)\\s*(?:\\([^()]{1,30}\\))?\\s*의\\s*$");
      std::string group_word;
      if (RE2::PartialMatch(before, kGroupOf, &group_word)) {
        if (auto g = gaz.FindGroup(group_word)) {
          const GazetteerPerson* member = gaz.FindPersonInGroup(m.text, *g);
          if (member != nullptr && member->group == *g) {
            m.kind = MentionKind::kPerson;
            m.person = member;
            m.group = *g;
            m.why = "quoted member after its group";
            add(std::move(m));
            continue;
          }
        }
      }
    }
    const bool en_title_noun =
        !ko && !name_list && !quoted_name && EnglishNamedTitle(before, inside);
    const bool named_title =
        (ko && !name_list && KoreanNamedTitle(before, after, inside)) || en_title_noun;
    if (!named_title &&
        (LooksLikeStatement(inside, after, ko) || name_list || quoted_name || lower_phrase)) {
      m.kind = MentionKind::kQuote;
      m.why = name_list      ? "quoted list of names"
              : quoted_name  ? "quoted name, not a title"
              : lower_phrase ? "quoted phrase in lower case"
                             : "quoted statement";
    } else {
      m.kind = MentionKind::kWork;
      m.why = "quoted title";
      // Korean role: 'X' 역 / 'X'역
      if (ko) {
        std::string_view a = after;
        while (!a.empty() && a[0] == ' ') a.remove_prefix(1);
        if (a.substr(0, 3) == "\xEC\x97\xAD" || a.substr(0, 3) == "\xE5\xBD\xB9") {  // 역 役
          m.kind = MentionKind::kRole;
          m.why = "quote followed by 역";
        }
        // "여고생 '단오'가", "'아린'으로 분한다", "'찬미'(신예은 분)", "'제이미'를 맡았다": a short
        // quoted name after a character noun, before 'as' + play/appear, the object of 맡다 /
        // 연기하다, or credited to an actor is a character
        static const RE2 kCharacterBefore(
            "(?:여고생|여주인공|남주인공|주인공|캐릭터|극\\s*중|극중)\\s*$");
        static const RE2 kCharacterAfter(
            "^(?:(?:으로|로)\\s*(?:분(?:한다|해|하며|할|했|하는)|등장(?:한다|해|하며|할|했|,)|"
            "열연)|\\s*\\(\\s*\\S{2,12}\\s+분\\s*\\)|(?:을|를)\\s*(?:맡|연기(?:한|하|할|했)))");
        if (m.kind == MentionKind::kWork && inside.find(' ') == std::string_view::npos &&
            HangulSyllables(inside) >= 1 && HangulSyllables(inside) <= 4 &&
            (RE2::PartialMatch(before, kCharacterBefore) ||
             RE2::PartialMatch(after, kCharacterAfter))) {
          m.kind = MentionKind::kRole;
          m.why = "short quote named as a character";
        }
      } else {
        static const RE2 kRoleBefore(
            "(?i)(?:\\bas|role\\s+of|character\\s+of|character|named|plays|playing|play|portray|"
            "portrays|portraying)\\s*$");
        static const RE2 kAlsoKnownAs(
            "(?i)(?:\\b(?:also\\s+)?known\\s+as|\\ba\\.?k\\.?a\\.?|\\bor|alternatively|"
            "\\balso\\s+called|\\balternative\\s+title|\\bliterally)\\s*:?\\s*$");
        if (RE2::PartialMatch(before, kAlsoKnownAs)) {
          m.alt_title = true;
          m.why = "quoted title after 'also known as'";
        } else if (RE2::PartialMatch(before, kRoleBefore)) {
          m.kind = MentionKind::kRole;
          m.why = "quote after 'as'/'role of'";
        }
      }
      if (m.kind == MentionKind::kWork) {
        m.work = gaz.FindWork(m.text);
        // Song: after OST/song/track/곡 words, or before "(feat"
        static const RE2 kSongBefore(
            "(?i)(?:OST|O\\.S\\.T\\.?|soundtrack|song|track|single|ballad|duet|"
            "part\\.?\\s*\\d+|pt\\.?\\s*\\d+|곡|신곡|노래|타이틀곡|음원|가창곡|주제곡|주제가|"
            "파트\\s*\\d+|번째\\s*(?:OST|곡)|ost|가창한|부른|노래한|불러|선보일|선보인|녹음한|팝송|"
            "동요|"
            "발라드|듀엣곡|캐럴|트랙|개사한)"
            // ("a song titled 'S'", "the track called 'S'")
            "(?:\\s+(?:titled|entitled|called|named))?\\s*"
            "(?:,|:|인|은|는|이|의|으로|로)?\\s*$");
        static const RE2 kWorkAfter(
            "(?i)^\\s*(?:'s\\s+|’s\\s+|의\\s+)?(?:(?:original\\s+)?(?:OST|O\\.S\\.T|soundtrack|"
            "sound\\s+track)|(?:OST|ost))");
        if (m.work == nullptr && RE2::PartialMatch(before, kSongBefore) &&
            !RE2::PartialMatch(after, kWorkAfter)) {
          m.kind = MentionKind::kSong;
          m.why = "quote after an OST/song word";
        }
        // "OST Part.3 '밤비 - 스무살'", "OST Part 2 'Song – Singer'": album pages and label
        // blurbs write the track as song, dash, singer; the singer is a name of its own
        static const RE2 kSongDashSinger("^(.*\\S)\\s+(?:-|–|—)\\s+([^\\s\\-–—][^\\-–—]{0,40})$");
        std::string dash_song, dash_name;
        if (m.kind == MentionKind::kSong && m.why == "quote after an OST/song word" &&
            RE2::FullMatch(m.text, kSongDashSinger, &dash_song, &dash_name)) {
          dash_name = TrimName(dash_name);
          // ("'WOOSUNG - Driver'": a name the gazetteer knows before the dash, and none after
          // it, is the singer written first)
          const std::string left = TrimName(dash_song);
          if (gaz.FindPerson(dash_name) == nullptr && !gaz.FindGroup(dash_name).has_value() &&
              (gaz.FindPerson(left) != nullptr || gaz.FindGroup(left).has_value())) {
            std::swap(dash_song, dash_name);
            dash_name = left;
          }
          if (!dash_name.empty() && std::count(dash_name.begin(), dash_name.end(), ' ') <= 2) {
            m.text = dash_song;
            dash_singer.begin = m.begin;
            dash_singer.end = m.end;
            dash_singer.in_parens = m.in_parens;
            if (auto g = gaz.FindGroup(dash_name)) {
              dash_singer.kind = MentionKind::kGroup;
              dash_singer.text = *g;
            } else {
              dash_singer.kind = MentionKind::kPerson;
              dash_singer.person = gaz.FindPerson(dash_name);
              dash_singer.text = dash_name;
            }
            dash_singer.why = "singer after the dash of an OST track's quote";
            has_dash_singer = true;
          }
        }
        // "“Everytime,” sung by A", "will sing 'X' as the OST part 5", "releases 'X' for 'W'
        // OST", "the soundtrack which is titled 'X'": in English, an unknown quote in the place
        // of the song is the song, not the drama
        if (!ko && m.kind == MentionKind::kWork && m.work == nullptr &&
            !RE2::PartialMatch(after, kWorkAfter) && EnglishSongPlace(s, before, after)) {
          m.kind = MentionKind::kSong;
          m.why = "quote in the place of the song";
        }
        // "존박의 '이상한 사람'", "폴킴의 '모든 날, 모든 순간'": in a sentence about an OST or
        // songs, a quote right after a known singer's possessive is the singer's song
        static const RE2 kSingerOf("(\\S+)의\\s*$");
        // ("첫 주자로 나선 A의 'S'": a line-up's runner is a singer)
        static const RE2 kMusicWord("OST|ost|O\\.S\\.T|곡|노래|음원|가창|주자");
        // ("첫 OST인 A의 'S'", "OST인 A(Latin)의 'S'": the owner is the song's singer)
        // ("OST Part.3 A의 'S'": the part's singer, then the song)
        static const RE2 kAfterOstIs(
            "(?:OST|ost)\\s*(?:(?:인|이자)\\s+(?:\\S+\\s+){0,4}?\\S*|"
            "(?:Part|PART|part|파트)\\s*\\.?\\s*\\d{1,2}\\s+\\S+)의\\s*$");
        std::string singer;
        if (ko && m.kind == MentionKind::kWork && m.work == nullptr &&
            RE2::PartialMatch(before, kSingerOf, &singer) && RE2::PartialMatch(s, kMusicWord) &&
            !RE2::PartialMatch(after, kWorkAfter) &&
            (gaz.FindPerson(singer) != nullptr || gaz.FindGroup(singer).has_value() ||
             RE2::PartialMatch(before, kAfterOstIs))) {
          m.kind = MentionKind::kSong;
          m.why = "quote after a singer's possessive";
        }
      }
    }
    if (m.kind == MentionKind::kWork && !m.in_parens) {
      // “Yong Pal,” actor Joo Won: punctuation inside the quotes ends the title's phrase
      const bool closed = !inside.empty() && (inside.back() == ',' || inside.back() == '.');
      m.aside = PastWorkBefore(Before(s, q.b, PastWindow(ko)), ko) ||
                (ko && OnAirOrEndedWork(Before(s, q.b, 120), after)) ||
                (!closed && PastWorkAfter(after, ko)) || (!ko && PossessiveOfAName(s, q.e, gaz)) ||
                (!ko && NameOfTheWork(s, q.b, q.e, gaz)) || (ko && KoreanTitleOwnsName(after, gaz));
      if (m.aside) m.why += ", named as an earlier work";
    } else if (m.kind == MentionKind::kWork) {
      m.aside = true;
      m.why += ", in parentheses";
    }
    const bool work_with_song = m.kind == MentionKind::kWork && !ost_song.empty();
    Mention song;
    if (work_with_song) {
      song.kind = MentionKind::kSong;
      song.begin = m.begin;
      song.end = m.end;
      song.quoted = true;
      song.in_parens = m.in_parens;
      song.text = ost_song;
      song.why = "song after 'OST' inside the title's quotes";
    }
    add(std::move(m));
    if (work_with_song) add(std::move(song));
    if (has_dash_singer) add(std::move(dash_singer));
  }

  // "'닥터챔프' '여인의 향기' '내겐 너무 사랑스러운 그녀' 등을 집필한": Korean titles listed in a
  // row are one phrase, earlier works or not as a whole — the words around the row decide,
  // not the title next to each one
  if (ko) {
    static const RE2 kRowGap("^[\\s,·、]*(?:(?:와|과|및|그리고)[\\s,·、]+)?$");
    std::vector<Mention*> row;
    auto settle_row = [&] {
      if (row.size() >= 2) {
        const Mention* first = row.front();
        const Mention* last = row.back();
        const bool past = PastWorkBefore(Before(s, first->begin, PastWindow(ko)), ko) ||
                          PastWorkAfter(After(s, last->end, 40), ko) ||
                          KoreanTitleOwnsName(After(s, last->end, 40), gaz);
        for (Mention* m : row) {
          if (m->aside == past) continue;
          m->aside = past;
          m->why += past ? ", in a row of earlier works" : ", in a row of titles";
        }
      }
      row.clear();
    };
    for (Mention& m : out.items) {
      if (m.kind != MentionKind::kWork || m.in_parens || m.not_drama) {
        settle_row();
        continue;
      }
      if (!row.empty()) {
        const size_t gap_b = row.back()->end;
        const std::string_view gap = m.begin >= gap_b ? s.substr(gap_b, m.begin - gap_b) : "?";
        if (!RE2::FullMatch(gap, kRowGap)) settle_row();
      }
      row.push_back(&m);
    }
    settle_row();
  }

  // --- words ---
  std::vector<Token> toks = Tokenize(s, quotes);
  const size_t n = toks.size();
  std::vector<bool> used(n, false);
  auto joined = [&](size_t a, size_t b) {  // tokens [a, b)
    std::string r;
    for (size_t k = a; k < b; ++k) {
      if (k > a) r += ' ';
      r.append(toks[k].text);
    }
    return r;
  };
  auto adjacent = [&](size_t k) {  // token k follows k-1 with only spaces between
    if (k == 0) return false;
    for (size_t i = toks[k - 1].e; i < toks[k].b; ++i) {
      if (s[i] != ' ') return false;
    }
    return !toks[k - 1].possessive;
  };
  // --- unquoted English titles: after a work noun ("MBN drama The Crown Prince Has
  // Disappeared"), after "titled"/"remake of", and right before "OST" ---
  if (!ko) {
    static const std::set<std::string, std::less<>> kSmall = {
        "of", "the",  "a",   "an", "and",  "in",  "on", "to",  "for", "with",
        "at", "from", "is",  "my", "your", "our", "me", "you", "i",   "we",
        "be", "are",  "was", "no", "not",  "&",   "it", "all", "that"};
    static const std::set<std::string, std::less<>> kCue = {
        "drama",       "dramas",        "series",   "film",       "movie",       "rom-com",
        "romcom",      "thriller",      "romance",  "sitcom",     "sageuk",      "k-drama",
        "kdrama",      "melodrama",     "remake",   "adaptation", "titled",      "called",
        "dubbed",      "webtoon-based", "comedy",   "project",    "original",    "miniseries",
        "mini-series", "blockbuster",   "flick",    "feature",    "documentary", "sequel",
        "season",      "melo",          "horror",   "noir",       "fantasy",     "mystery",
        "webtoon",     "web-drama",     "sageuk",   "join",       "joins",       "joined",
        "joining",     "boards",        "boarded",  "lands",      "landed",      "courts",
        "courting",    "woos",          "wooing",   "helm",       "helms",       "headline",
        "headlines",   "front",         "fronts",   "k-movie",    "considers",   "considering",
        "k-film",      "web-series",    "webdrama", "web-drama"};
    auto title_word = [&](size_t k) {
      const std::string low = LowerAscii(toks[k].text);
      return toks[k].capital || kSmall.count(low) > 0;
    };
    auto emit_title = [&](size_t a, size_t e, const std::string& why) {
      // "confirmed for New Drama in 2019": a generic phrase in title case is no title
      static const std::set<std::string, std::less<>> kGenericFirst = {"new", "upcoming",
                                                                       "untitled", "next"};
      if (a < n && kGenericFirst.count(LowerAscii(toks[a].text)) > 0 &&
          gaz.FindWork(joined(a, e)) == nullptr) {
        return;
      }
      // "SBS's new Monday-Tuesday drama": a time slot is no title
      static constexpr std::string_view kDays[] = {
          "monday",  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "weekend", "weekday", "daily",     "mon",      "tues",   "tue",      "wed",
          "thurs",   "thur",    "thu",       "fri",      "sat",    "sun"};
      bool only_days = true;
      for (size_t k = a; k < e && only_days; ++k) {
        std::string w = LowerAscii(toks[k].text);
        if (w == "and" || w.find("episode") != std::string::npos) continue;
        // ("Fri.-Sat.": the dots of the short forms go with the hyphen)
        std::erase_if(w, [](char ch) { return ch == '-' || ch == '.'; });
        // "monday", "mondaytuesday" (after the hyphen is gone), "weekend"
        size_t at = 0;
        while (at < w.size()) {
          bool step = false;
          for (std::string_view d : kDays) {
            if (w.compare(at, d.size(), d) == 0) {
              at += d.size();
              step = true;
              break;
            }
          }
          if (!step) break;
        }
        only_days = !w.empty() && at == w.size();
      }
      if (only_days) return;
      // no trailing small words, nor the "OST" of "tvN's Marriage Plot OST"
      while (e > a && (!toks[e - 1].capital || LowerAscii(toks[e - 1].text) == "ost" ||
                       LowerAscii(toks[e - 1].text) == "soundtrack")) {
        --e;
      }
      if (e <= a || !toks[a].capital) return;
      const std::string title(s.substr(toks[a].b, toks[e - 1].e - toks[a].b));
      if (e - a == 1 && title.size() < 3 && gaz.FindWork(title) == nullptr) return;
      if (gaz.FindNetwork(title) || gaz.FindOrganisation(title) || gaz.FindGroup(title)) return;
      if (gaz.FindPerson(title) != nullptr && gaz.FindWork(title) == nullptr) return;
      if (e - a == 1 && EnglishRunStop().count(LowerAscii(title))) return;
      // "adaptation of 2012 film …", "a new webtoon-based K-drama": a year or a generic noun
      // is no title
      static const RE2 kYearOrNoun(
          "(?i)(?:19|20)\\d\\d|k-?dramas?|k-?movies?|k-?films?|web-?dramas?");
      const std::string bare = e - a == 1 ? std::string(toks[a].text) : title;
      if (gaz.FindWork(title) == nullptr && RE2::FullMatch(bare, kYearOrNoun)) return;
      // "Netflix's 2020 K-drama series Sweet Home", "its 2012 Fuji TV original", "KBC's new
      // drama": an unknown run of years and generic nouns only, one opening with a year, or
      // one ending in a possessive is a description or an owner, not a title
      if (gaz.FindWork(title) == nullptr) {
        static const RE2 kYear("(?:19|20)\\d\\d");
        bool all_generic = true;
        for (size_t k = a; k < e && all_generic; ++k) {
          all_generic = RE2::FullMatch(std::string(toks[k].text), kYearOrNoun);
        }
        if (all_generic || toks[e - 1].possessive ||
            (e - a >= 2 && RE2::FullMatch(std::string(toks[a].text), kYear))) {
          return;
        }
      }
      Mention m;
      m.kind = MentionKind::kWork;
      m.begin = toks[a].b;
      m.end = toks[e - 1].e;
      m.text = CleanTitle(title);
      m.work = gaz.FindWork(m.text);
      m.in_parens = toks[a].in_parens;
      m.why = why;
      m.aside = m.in_parens || PastWorkBefore(Before(s, m.begin, PastWindow(ko)), ko) ||
                PastWorkAfter(After(s, m.end, 40), ko) || PossessiveOfAName(s, m.end, gaz) ||
                (!ko && NameOfTheWork(s, m.begin, m.end, gaz));
      if (m.aside) m.why += ", named as an earlier work";
      add(std::move(m));
      for (size_t k = a; k < e; ++k) used[k] = true;
    };
    const bool title_case = TitleCaseSentence(toks);
    for (size_t k = 0; k + 1 < n; ++k) {
      if (toks[k].in_quote) continue;
      const std::string low = LowerAscii(toks[k].text);
      // "joined the cast of You Have Done Well"
      const bool cast_of =
          low == "of" && k > 0 &&
          (LowerAscii(toks[k - 1].text) == "cast" || LowerAscii(toks[k - 1].text) == "line-up" ||
           LowerAscii(toks[k - 1].text) == "lineup");
      // ("K-drama", "K-movie" are capitalised by nature and still work nouns, but not in a
      // title-case headline, "K-Drama Casting Updates", nor as an owner, "K-Drama's …")
      const bool k_noun =
          low.size() > 2 && low.compare(0, 2, "k-") == 0 && !toks[k].possessive && !title_case;
      // "will be starring in The Marvels", "his film debut with Sad Tropics", "approached to
      // lead Dream to You": a title right after a casting verb and its preposition
      static const std::set<std::string, std::less<>> kStarVerb = {
          "star", "stars",   "starring", "appear",      "appears", "appearing", "debut", "debuts",
          "cast", "co-star", "co-stars", "co-starring", "cameo",   "role",      "roles"};
      const bool star_in = (low == "in" || low == "with") && !toks[k].capital && k > 0 &&
                           kStarVerb.count(LowerAscii(toks[k - 1].text)) > 0;
      const bool lead_verb =
          (low == "lead" || low == "leads") && !toks[k].capital && k > 0 &&
          (LowerAscii(toks[k - 1].text) == "to" || LowerAscii(toks[k - 1].text) == "will");
      const bool cue =
          (kCue.count(low) > 0 && (!toks[k].capital || k_noun)) || cast_of || star_in || lead_verb;
      const bool net_possessive = toks[k].possessive && gaz.FindNetwork(toks[k].text) != nullptr;
      if (!cue && !net_possessive) continue;
      size_t a = k + 1;
      // ("will star in JTBC Blue Harbor": a network right after the verb is no part of the title)
      if ((star_in || lead_verb) && a + 1 < n && !toks[a].possessive &&
          gaz.FindNetwork(toks[a].text) != nullptr) {
        ++a;
      }
      // "SBS's upcoming Romantic Guest House"
      if (net_possessive && a + 1 < n && !toks[a].capital &&
          (LowerAscii(toks[a].text) == "upcoming" || LowerAscii(toks[a].text) == "new" ||
           LowerAscii(toks[a].text) == "forthcoming")) {
        ++a;
      }
      // "tvN's upcoming K-drama Shuroop": the K-drama after it is the cue, not the title
      if (net_possessive && a < n && kCue.count(LowerAscii(toks[a].text)) > 0 &&
          LowerAscii(toks[a].text).compare(0, 2, "k-") == 0) {
        continue;
      }
      // "an upcoming rom-com K-drama, Diva of …": a K-noun after a cue word is the cue of the
      // title after it, not a title
      if (!net_possessive && a < n && kCue.count(LowerAscii(toks[a].text)) > 0 &&
          LowerAscii(toks[a].text).compare(0, 2, "k-") == 0) {
        continue;
      }
      if (a < n && (LowerAscii(toks[a].text) == "of") &&
          (low == "remake" || low == "adaptation" || low == "season" || low == "sequel"))
        ++a;
      // the comma of "drama, Title" is allowed once
      if (a >= n || toks[a].in_quote || used[a] || !toks[a].capital) continue;
      if (LowerAscii(toks[a].text) == "ost" || LowerAscii(toks[a].text) == "soundtrack") continue;
      if (toks[a].possessive && gaz.FindNetwork(toks[a].text) != nullptr) continue;  // "KBS’s"
      if (a > k + 1 && !adjacent(a)) continue;
      if (a == k + 1) {
        bool gap_ok = true;
        // ("the director's next movie: W": a colon may stand where the comma does)
        for (size_t i = toks[k].e; i < toks[a].b; ++i) {
          if (s[i] != ' ' && s[i] != ',' && s[i] != ':') gap_ok = false;
        }
        if (!gap_ok) continue;
      }
      // "drama Jang Ok Jeong: Live for Love": a name followed by a colon and a capitalised
      // subtitle is the first half of a title (a historical figure's name), not a person
      size_t colon_name_end = 0;
      if (IsRomanisedSurname(toks[a].text)) {
        for (size_t g = a + 1; g < n && g - a <= 3 && adjacent(g) && !toks[g].in_quote &&
                               IsRomanisedGiven(toks[g].text);) {
          ++g;
          if (s.compare(toks[g - 1].e, 2, ": ") == 0) {
            if (g < n && toks[g].capital && !toks[g].in_quote) colon_name_end = g;
            break;
          }
        }
      }
      size_t e = a + 1;
      size_t titled_to = 0;  // a "titled" title runs through "and Name" to here (below)
      // (a title never runs past "OST": "drama W OST Part 3 A - Song")
      while (e < n && e - a < 10 && !toks[e].in_quote && title_word(e) &&
             LowerAscii(toks[e].text) != "ost" &&
             (!toks[e - 1].possessive || (toks[e].capital && !IsRomanisedSurname(toks[e].text) &&
                                          gaz.FindPerson(toks[e].text) == nullptr))) {
        bool gap_ok = true;
        for (size_t i = toks[e - 1].e; i < toks[e].b; ++i) {
          if (s[i] != ' ' && s[i] != ':' && s[i] != '-' && s[i] != '?' && s[i] != '!') {
            gap_ok = false;
          }
        }
        // "Ruler–Master of the Mask": a dash joins the two halves of a title
        const std::string_view gap = s.substr(toks[e - 1].e, toks[e].b - toks[e - 1].e);
        if (gap == "\xE2\x80\x93" || gap == "\xE2\x80\x94") gap_ok = true;
        if (!gap_ok) break;
        if (e < colon_name_end) {
          ++e;
          continue;
        }
        // "to romance Strong Woman Park Bo-young": a full romanised name ends the title
        // (after "titled" only a known person does: "titled We Can't Go To Heaven")
        if (e >= titled_to && toks[e].capital && IsRomanisedSurname(toks[e].text) && e + 1 < n &&
            adjacent(e + 1) && IsRomanisedGiven(toks[e + 1].text) &&
            gaz.FindWork(joined(a, e + 2)) == nullptr &&
            (low != "titled" || gaz.FindPerson(joined(e, e + 2)) != nullptr)) {
          break;
        }
        // "Confirms Cast of Office Romance Cruelty Starring Park Min Young": a headline's verb or
        // line-up noun after the title ends it (unless the gazetteer knows the longer title)
        static const std::set<std::string, std::less<>> kHeadlineWord = {
            "starring", "featuring", "confirms", "confirmed", "casts",   "cast",
            "casting",  "lineup",    "line-up",  "reveals",   "unveils", "announces"};
        if (kHeadlineWord.count(LowerAscii(toks[e].text)) > 0 &&
            gaz.FindWork(joined(a, e + 1)) == nullptr) {
          break;
        }
        // "W as Han Hyo-joo": a name after a small word ends the title (not after "titled",
        // whose title runs to the clause's end when the name is no known person: "a drama
        // titled Tale of the Secret Royal Inspector and Jo Yi.")
        const bool titled_run =
            (low == "titled" || low == "called") && LowerAscii(toks[e].text) == "and" &&
            e + 1 < n && gaz.FindPerson(toks[e + 1].text) == nullptr &&
            (e + 2 >= n || gaz.FindPerson(joined(e + 1, e + 3)) == nullptr) && [&] {
              size_t g = e + 1;
              while (g < n && g - e <= 4 && toks[g].capital && adjacent(g) && !toks[g].in_quote) {
                ++g;
              }
              if (g < n && adjacent(g)) return false;
              titled_to = g;
              return true;
            }();
        if (!titled_run && !toks[e].capital && e + 1 < n &&
            (IsRomanisedSurname(toks[e + 1].text) || gaz.FindPerson(toks[e + 1].text) != nullptr ||
             (e + 2 < n && gaz.FindPerson(joined(e + 1, e + 3)) != nullptr))) {
          break;
        }
        ++e;
      }
      // "Bring It On, Ghost" at the end of a headline: a title goes on past one comma when
      // the words after it are capitalised, are no name, and end the clause
      // (an article may open the rest when capitalised words follow it: "From A Distance,
      // A Green Spring")
      const bool article_opens =
          e + 1 < n && toks[e].capital && toks[e + 1].capital && adjacent(e + 1) &&
          (LowerAscii(toks[e].text) == "a" || LowerAscii(toks[e].text) == "the") &&
          !IsRomanisedSurname(toks[e + 1].text) && gaz.FindPerson(toks[e + 1].text) == nullptr;
      if (e < n && s.compare(toks[e - 1].e, 2, ", ") == 0 && toks[e].capital && !toks[e].in_quote &&
          !IsRomanisedSurname(toks[e].text) && gaz.FindPerson(toks[e].text) == nullptr &&
          gaz.FindNetwork(toks[e].text) == nullptr &&
          (article_opens || low == "titled" || low == "called" ||
           !EnglishRunStop().count(LowerAscii(toks[e].text)))) {
        size_t e2 = e + 1;
        while (e2 < n && e2 - e < 8 && title_word(e2) && adjacent(e2) && !toks[e2].in_quote) ++e2;
        const bool clause_end = e2 >= n || !adjacent(e2) || !toks[e2].capital;
        // (a comma after it is allowed before an apposition: "Lightly, Ardently, the new …")
        const bool apposition =
            e2 + 1 < n && s.compare(toks[e2 - 1].e, 2, ", ") == 0 && !toks[e2].capital &&
            (LowerAscii(toks[e2].text) == "the" || LowerAscii(toks[e2].text) == "a" ||
             LowerAscii(toks[e2].text) == "an");
        if (clause_end && toks[e2 - 1].capital &&
            (e2 >= n || s.compare(toks[e2 - 1].e, 1, ",") != 0 || apposition)) {
          e = e2;
        }
      }
      // a known title goes on past a comma or colon ("Come Back, Ahjussi")
      for (size_t longer = std::min(n, e + 6); longer > e; --longer) {
        const std::string_view span = s.substr(toks[a].b, toks[longer - 1].e - toks[a].b);
        if (span.find_first_of(".;(\"") != std::string_view::npos) continue;
        if (gaz.FindWork(CleanTitle(span)) != nullptr) {
          e = longer;
          break;
        }
      }
      // "joining Ryu Deok-hwan in OCN's drama": a name after the verb is no title
      static const std::set<std::string, std::less<>> kVerbCue = {
          "join",  "joins",  "joined",   "joining",   "boards", "boarded",
          "lands", "landed", "courts",   "courting",  "woos",   "wooing",
          "helm",  "helms",  "headline", "headlines", "front",  "fronts"};
      const bool verb_cue = kVerbCue.count(low) > 0 || star_in || lead_verb;
      const bool named_cue = low == "titled" || low == "called" || low == "dubbed";
      const bool name_shape = IsRomanisedSurname(toks[a].text) && a + 1 < n && adjacent(a + 1) &&
                              IsRomanisedGiven(toks[a + 1].text);
      if (!named_cue && colon_name_end == 0 &&
          (name_shape || (a + 1 < n && gaz.FindPerson(joined(a, a + 2)) != nullptr) ||
           (verb_cue &&
            (gaz.FindPerson(toks[a].text) != nullptr || gaz.FindGroup(toks[a].text))))) {
        continue;
      }
      // "MBC's new Joseon-era vampire fantasy drama W": capitalised words that lowercase
      // words lead on to a genre noun describe the work named after it; they are no title
      if (e - a <= 2 && gaz.FindWork(joined(a, e)) == nullptr) {
        static const std::set<std::string, std::less<>> kGenre = {
            "drama",   "dramas",   "series",  "film",    "movie",     "sitcom",  "sageuk",
            "rom-com", "thriller", "romance", "k-drama", "melodrama", "webtoon", "comedy"};
        bool describes = false;
        for (size_t j = e; j < n && j < e + 5 && adjacent(j) && !toks[j].in_quote; ++j) {
          const std::string w = LowerAscii(toks[j].text);
          if (kGenre.count(w) > 0) {
            describes = j > e;  // ("SBS's Night Taxi drama": the genre noun right after is its)
            break;
          }
          if (toks[j].capital) break;
        }
        if (describes) continue;
      }
      // "to Lead 1st Korean Film in 3 Decades", "in First Film in Five Years": a
      // headline's ordinal phrase that holds a kind noun describes the work; no title
      {
        static const std::set<std::string, std::less<>> kOrdinal = {
            "1st", "2nd", "3rd", "4th", "5th", "first", "second", "third", "another", "next"};
        static const std::set<std::string, std::less<>> kKind = {
            "drama", "dramas", "series", "film", "movie", "sitcom", "project", "role", "k-drama"};
        bool ordinal_phrase = false;
        if (kOrdinal.count(LowerAscii(toks[a].text)) > 0) {
          for (size_t j = a + 1; j < e; ++j) {
            if (kKind.count(LowerAscii(toks[j].text)) > 0) ordinal_phrase = true;
          }
        }
        if (ordinal_phrase && gaz.FindWork(joined(a, e)) == nullptr) continue;
      }
      emit_title(a, e, "unquoted title after '" + std::string(toks[k].text) + "'");
    }
    // A title after "in"/"for" that its apposition calls a work: "will star in Uhm Bok-dong,
    // the film about …", "for Hello Monster, the KBS drama that …" (not a name, network,
    // group or agency).
    for (size_t k = 0; k + 1 < n; ++k) {
      const std::string low = LowerAscii(toks[k].text);
      if ((low != "in" && low != "for") || toks[k].capital) continue;
      const size_t a = k + 1;
      if (toks[a].in_quote || used[a] || !toks[a].capital || !adjacent(a)) continue;
      size_t e = a + 1;
      while (e < n && e - a < 8 && !toks[e].in_quote && !used[e] && title_word(e) && adjacent(e))
        ++e;
      while (e > a + 1 && !toks[e - 1].capital) --e;  // ends at its last capitalised word
      static const RE2 kWorkApposition(
          "^,\\s+(?:the|an?)\\s+(?:\\S+\\s+){0,3}?(?:film|movie|drama|series|K-drama|sitcom)(?:\\s|"
          ",|\\.|$)");
      const size_t end = toks[e - 1].e;
      if (!RE2::PartialMatch(re2::StringPiece(s.data() + end, s.size() - end), kWorkApposition))
        continue;
      // (a name-shaped title is still one: "Uhm Bok-dong, the film"; a known person is not)
      if (gaz.FindPerson(joined(a, e)) != nullptr || gaz.FindPerson(toks[a].text) != nullptr ||
          gaz.FindGroup(toks[a].text) || gaz.FindNetwork(toks[a].text) != nullptr ||
          gaz.FindOrganisation(joined(a, e)) != nullptr) {
        continue;
      }
      emit_title(a, e, "unquoted title before its apposition");
    }
    // A title that opens a headline and courts its cast: "Seven Day Queen courts Park
    // Min-young", "Chicago Typewriter casts …" (not a name, network, group or agency).
    {
      static const std::set<std::string, std::less<>> kCastingVerb = {
          "courts",   "casts",      "taps",  "eyes",    "adds",     "finds",    "lands",
          "recruits", "woos",       "nabs",  "snags",   "ropes",    "welcomes", "picks",
          "offers",   "approaches", "wants", "enlists", "confirms", "rounds",   "reaches"};
      size_t e = 0;
      while (e < n && e < 7 && !toks[e].in_quote && !used[e] && title_word(e) &&
             (e == 0 || adjacent(e)) && !toks[e].possessive) {
        ++e;
      }
      // "Adamas is an upcoming … drama", "Glorious Day has been announced as SBS' new drama"
      static const RE2 kIsNewWork(
          "^\\s*(?:,\\s*(?:an?|the)|is\\s+(?:an?|the)|has\\s+been\\s+(?:announced|confirmed)\\s+as"
          "(?:\\s+(?:an?|the))?|will\\s+be\\s+(?:an?|the))\\s+(?:\\S+\\s+){0,3}?(?:upcoming|new|"
          "forthcoming|\\S+['’]s?\\s+new)\\b");
      // (the title ends at its last capitalised word: "Adamas is an upcoming …" ran on over
      // the small words "is an")
      size_t title_end = e;
      while (title_end > 1 && !toks[title_end - 1].capital) --title_end;
      const bool is_new_work = title_end >= 1 && title_end < n &&
                               RE2::PartialMatch(re2::StringPiece(s.data() + toks[title_end - 1].e,
                                                                  s.size() - toks[title_end - 1].e),
                                                 kIsNewWork);
      if (is_new_work) e = title_end;
      if (e >= 1 && e < n &&
          (is_new_work || (adjacent(e) && kCastingVerb.count(toks[e].text) > 0)) &&
          toks[0].capital && !IsRomanisedSurname(toks[0].text) &&
          gaz.FindPerson(joined(0, e)) == nullptr && gaz.FindPerson(toks[0].text) == nullptr &&
          !gaz.FindGroup(toks[0].text) && gaz.FindNetwork(toks[0].text) == nullptr &&
          gaz.FindOrganisation(joined(0, e)) == nullptr) {
        emit_title(0, e, "title before a casting verb");
      }
    }
    // A title right before its qualifier: "the forthcoming show Wax Doll (translated title)",
    // "Love Next Door (literal title)": capitalised words the writer marks as a title's
    // wording are one (not a name, a network or a group)
    {
      static const RE2 kQualifier(
          "(?i)^\\s*[\\(\\[](?:working|literal|translated|tentative|english)\\s+"
          "(?:title|translation)");
      for (size_t k = 0; k < n; ++k) {
        if (toks[k].in_quote || used[k] || !toks[k].capital) continue;
        const size_t end = toks[k].e;
        if (!RE2::PartialMatch(re2::StringPiece(s.data() + end, s.size() - end), kQualifier)) {
          continue;
        }
        size_t a = k;
        while (a > 0 && k - a < 7 && !toks[a - 1].in_quote && !used[a - 1] && title_word(a - 1) &&
               adjacent(a) && !toks[a - 1].possessive) {
          --a;
        }
        while (a < k && !toks[a].capital) ++a;
        // (the run may have taken in a network or a name written before the title)
        while (a < k && (gaz.FindNetwork(toks[a].text) != nullptr ||
                         gaz.FindPerson(toks[a].text) != nullptr || gaz.FindGroup(toks[a].text))) {
          ++a;
        }
        if (gaz.FindPerson(joined(a, k + 1)) != nullptr || gaz.FindGroup(joined(a, k + 1)) ||
            gaz.FindNetwork(joined(a, k + 1)) != nullptr) {
          continue;
        }
        // "film Even If I Die, One More Time (working title)": the qualifier closes the title
        // that a work noun opened before the comma; the two runs are one title
        Mention* opened = nullptr;
        if (a > 0 && used[a - 1] && a < n) {
          static const RE2 kCommaGap("^\\s*,\\s+$");
          const std::string_view gap = s.substr(toks[a - 1].e, toks[a].b - toks[a - 1].e);
          for (Mention& m : out.items) {
            if (m.kind == MentionKind::kWork && !m.quoted && m.end == toks[a - 1].e &&
                m.why.rfind("unquoted title after '", 0) == 0 &&
                RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), kCommaGap)) {
              opened = &m;
            }
          }
        }
        if (opened != nullptr) {
          opened->end = toks[k].e;
          opened->text = CleanTitle(s.substr(opened->begin, opened->end - opened->begin));
          opened->work = gaz.FindWork(opened->text);
          opened->why += ", running on past a comma to its qualifier";
          for (size_t u = a; u <= k; ++u) used[u] = true;
          continue;
        }
        emit_title(a, k + 1, "unquoted title before its qualifier");
      }
    }
    // Title right before OST: "Dr. Romantic 3 OST", "Queen of Tears' OST".
    for (size_t k = 1; k < n; ++k) {
      const std::string low = LowerAscii(toks[k].text);
      if (low != "ost" && low != "soundtrack" && low != "o.s.t") continue;
      // "Sings Emotional OST For 'W'": the OST names its work in quotes after it, so the
      // capitalised words before it are a headline's description, not a title
      if (k + 2 < n && !toks[k + 1].in_quote && toks[k + 2].in_quote) {
        const std::string link = LowerAscii(toks[k + 1].text);
        if (link == "for" || link == "of" || link == "from") continue;
      }
      size_t a = k;
      static const std::set<std::string, std::less<>> kNotInTitle = {
          "sing",         "sings",  "singing", "sang",    "lend",     "lends",   "lending",
          "join",         "joins",  "joining", "release", "releases", "drop",    "drops",
          "croon",        "croons", "record",  "records", "unveil",   "unveils", "participate",
          "participates", "voice",  "voices",  "new",     "first",    "latest"};
      while (a > 0 && k - a < 10 && !toks[a - 1].in_quote && !used[a - 1] && title_word(a - 1) &&
             !kNotInTitle.count(LowerAscii(toks[a - 1].text)) && !gaz.FindGroup(toks[a - 1].text)) {
        bool gap_ok = true;
        for (size_t i = toks[a - 1].e; i < toks[a].b; ++i) {
          if (s[i] != ' ' && s[i] != ':' && s[i] != '\'' &&
              !(static_cast<unsigned char>(s[i]) >= 0x80)) {
            gap_ok = false;
          }
        }
        if (!gap_ok) break;
        --a;
        if (toks[a].possessive && a + 1 < k) break;
      }
      while (a < k &&
             (!toks[a].capital || std::isdigit(static_cast<unsigned char>(toks[a].text[0]))))
        ++a;
      // "Part 2 of the OST", "Vol. 1 OST": a part number is no title
      if (a < k) {
        const std::string first = LowerAscii(toks[a].text);
        if (first == "part" || first == "pt" || first == "pt." || first == "vol" ||
            first == "vol." || first == "the") {
          continue;
        }
      }
      // "Actors Who Sang Their Own OST": a headline's "own OST" names no title, nor does
      // an epithet's "the Queen of OST"
      if (a < k &&
          (LowerAscii(toks[k - 1].text) == "own" || LowerAscii(toks[k - 1].text) == "of")) {
        continue;
      }
      // skip a leading person/group ("IU Queen of Tears OST" is rare; names stay names)
      if (a < k && k - a <= 9) emit_title(a, k, "unquoted title before OST");
    }
  }

  std::string last_group;  // group of the previous mention, for "GROUP's X" / "GROUP X"
  size_t last_group_tok = SIZE_MAX;
  size_t last_member_tok = SIZE_MAX;  // the token of the last member named right after its group

  auto person_mention = [&](size_t a, size_t b, const GazetteerPerson* p, std::string why) {
    Mention m;
    m.kind = MentionKind::kPerson;
    m.begin = toks[a].b;
    m.end = toks[b - 1].e;
    m.person = p;
    m.in_parens = toks[a].in_parens;
    std::string surface = joined(a, b);
    if (ko) surface = StripKoreanParticle(surface);
    if (ko && b < n && BeforeEIeo(surface, toks[b].text)) surface.resize(surface.size() - 3);
    m.text = p != nullptr ? surface : TrimName(surface);
    // the group the text ties the person to: "GROUP's X", "GROUP X", "GROUP member X"
    // ("GROUP's X", "GROUP X", "GROUP member X", "그룹 아스트로 멤버 차은우"; a group in
    // parentheses or behind a comma tags nobody)
    // ("SS501이 에릭을", "샤이니와 바비킴": a group with a particle is a subject or a
    // partner, no tag)
    const bool group_has_particle = ko && last_group_tok != SIZE_MAX && last_group_tok < n &&
                                    KoreanGroupHasCaseParticle(toks[last_group_tok].text, gaz);
    if (last_group_tok != SIZE_MAX && a > last_group_tok && a - last_group_tok <= 3 &&
        !toks[last_group_tok].in_parens && !group_has_particle) {
      bool tied = true;
      for (size_t k = last_group_tok + 1; k <= a && tied; ++k) {
        if (toks[k].in_parens) continue;  // "ITZY(있지) 리아": the group's other name
        for (size_t c = toks[k - 1].e; c < toks[k].b; ++c) {
          if (s.compare(c, 3, "\xE2\x80\x99") == 0) {  // "Stray Kids’ Seungmin"
            c += 2;
            continue;
          }
          if (s[c] != ' ' && s[c] != '\'' && s[c] != '(' && s[c] != ')') tied = false;
        }
        if (k < a) {
          const std::string w = LowerAscii(toks[k].text);
          if (!EnglishDescriptors().count(w) &&
              !KoreanRoleNouns().count(std::string(toks[k].text)) && w != "member" &&
              toks[k].text != "\xEB\xA9\xA4\xEB\xB2\x84") {  // 멤버
            tied = false;
          }
        }
      }
      if (tied) m.group = last_group;
    }
    if (p != nullptr && !m.group.empty() && !p->group.empty() &&
        NormalizeKey(p->group) == NormalizeKey(m.group)) {
      m.group = p->group;
    }
    // Korean: "(아스트로)" after a name
    m.why = std::move(why);
    // excluded as director / writer / role / relative
    if (!ko) {
      size_t k = a;
      std::string prev = k > 0 ? LowerAscii(toks[k - 1].text) : "";
      std::string prev2 = k > 1 ? LowerAscii(toks[k - 2].text) : "";
      static const std::set<std::string, std::less<>> kRoleVerb = {
          "as", "plays", "play", "playing", "portray", "portrays", "portraying", "named", "called"};
      // ("cast as Sung Hoon's leading lady": the possessive names a co-star, not the role)
      const bool co_star_possessive = p != nullptr && b < n && toks[b - 1].possessive;
      // ("he is the older brother of Yoo Jin Kang": a relative in a character sketch is a
      // character; an actor's real family is no casting news either)
      static const std::set<std::string, std::less<>> kKin = {
          "brother",      "sister",    "father",        "mother",       "son",        "daughter",
          "wife",         "husband",   "fiancé",        "fiance",       "fiancée",    "lover",
          "girlfriend",   "boyfriend", "grandfather",   "grandmother",  "uncle",      "aunt",
          "cousin",       "nephew",    "niece",         "stepmother",   "stepfather", "stepson",
          "stepdaughter", "twin",      "ex-girlfriend", "ex-boyfriend", "ex-wife",    "ex-husband"};
      // ("Nam Joo Hyuk will take on Jung Joon Hyung": the part he takes on)
      const bool takes_on = prev == "on" && (prev2 == "taking" || prev2 == "takes" ||
                                             prev2 == "take" || prev2 == "took");
      if (!co_star_possessive &&
          ((kRoleVerb.count(prev) && prev2 != "such" && prev2 != "known" && prev2 != "well") ||
           takes_on ||
           (prev == "of" && (prev2 == "role" || prev2 == "character" || kKin.count(prev2))))) {
        m.kind = MentionKind::kRole;  // "cast as Lee Su-ho": the character
        m.why += ", character after '" + prev + "'";
      }
      if (prev == "replaces" || prev == "replacing" || prev == "replace") {
        m.aside = true;  // "A replaces B in 'W'": B is out
        m.why += ", the person replaced";
      }
      // "to play the male lead Moon Seo Ha", "star as the female lead Kim So Yong", "his
      // character is Han Jung Woo": after 'as'/'play' … 'lead'/'role'/'character' comes the
      // character, not an actor
      if (!co_star_possessive && m.kind == MentionKind::kPerson) {
        static const RE2 kCharacterBefore(
            "(?i)(?:\\b(?:as|play|plays|playing|played|portray|portrays|portraying|offered|"
            "(?:take|takes|taking|took)\\s+on)\\s+"
            "(?:(?:the|a|an|his|her|their)\\s+)?(?:[a-z0-9][\\w-]*\\s+){0,3}?(?:leads?|leading\\s+"
            "(?:man|lady|men|ladies)|roles?|characters?|protagonists?|heroines?|hero|villains?|"
            "interests?)|\\bcharacter\\s+(?:is|"
            "was|will\\s+be)|\\brole\\s+as\\s+(?:the\\s+|an?\\s+)?(?:[a-z][\\w-]*\\s+){0,4}?)\\s*,?"
            // ("will play romantic interests A and B": the characters named before in the list)
            "(?:\\s*[A-Z][\\w'’.-]*(?:\\s+[A-Z][\\w'’.-]*){0,3}\\s*(?:,\\s*and|,|and|&)){0,4}"
            "\\s*$");
        if (RE2::PartialMatch(Before(s, m.begin, 80), kCharacterBefore)) {
          m.kind = MentionKind::kRole;
          m.why += ", character after 'as/play … lead/role'";
        }
        // "the role of top chef B", "the character of a cold heiress B": lowercase words
        // of a job or a sketch between "role of" and the name (not a link word: "the role of
        // the lead opposite B")
        static const RE2 kRoleOfJob(
            "\\b(?:[Rr]oles?|[Cc]haracters?|[Pp]art)\\s+of\\s+(?:(?:the|a|an)\\s+)?(?:[a-z][\\w-]*"
            "\\s+)"
            "{1,4}$");
        static const RE2 kLinkWordBefore(
            "\\b(?:and|or|with|alongside|opposite|while|but|plus|by|for|from|in|on|to|than|after|"
            "before|who|which|that|is|was|will|be)\\s+$");
        if (m.kind == MentionKind::kPerson) {
          const std::string_view role_before = Before(s, m.begin, 80);
          if (RE2::PartialMatch(role_before, kRoleOfJob) &&
              !RE2::PartialMatch(role_before, kLinkWordBefore)) {
            m.kind = MentionKind::kRole;
            m.why += ", character after 'role of' and a job";
          }
        }
        // "joins 'W' as general Lee Tae Shin", "stars as detective Kang Hoon": a rank or a job
        // between "as" and a name makes the name the character (fifteenth round)
        static const RE2 kAsJobBefore(
            "(?:^|[^\\w-])(?:cast|casts|joins|joined|join|joining|stars?|starring|starred|appears?|"
            "appearing|returns?|returning|debuts?)\\s+(?:[^\\s;!?]+\\s+){0,8}?as\\s+"
            "(?:(?:the|a|an)\\s+)?(?:[a-z][a-z-]*\\s+){1,3}$");
        static const RE2 kAsNotAJob(
            "\\bas\\s+(?:well|much|many|soon|long|far|part|with|if|of)\\b|\\bas\\s+(?:(?:the|a|an)"
            "\\s+)?"
            "(?:[a-z][a-z-]*\\s+){0,2}(?:and|or|with|alongside|opposite|while|but|plus)\\s+$");
        const std::string_view as_before = Before(s, m.begin, 100);
        if (m.kind == MentionKind::kPerson && RE2::PartialMatch(as_before, kAsJobBefore) &&
            !RE2::PartialMatch(as_before, kAsNotAJob)) {
          m.kind = MentionKind::kRole;
          m.why += ", character after 'as' and a rank or job";
        }
      }
      // "her crush on Jae Hee (played by Sulli)": a name the brackets after it give an
      // actor to is a character (fifteenth round)
      static const RE2 kPlayedByAfter(
          "(?i)^\\s*\\(\\s*(?:(?:role|character|part)\\s+)?(?:(?:to\\s+be|who\\s+is|who\\s+will\\s+"
          "be)\\s+)?(?:played|portrayed|voiced)\\s+by\\b");
      if (!co_star_possessive && m.kind == MentionKind::kPerson &&
          RE2::PartialMatch(After(s, m.end, 32), kPlayedByAfter)) {
        m.kind = MentionKind::kRole;
        m.why += ", character before '(played by'";
      }
      // "the Min Yong Geun-directed film", "a Kim Eun-sook-penned drama": the name joined to
      // "-directed" / "-penned" is the work's maker, not its cast
      static const RE2 kMakerCompound(
          "^(?:\\s+[A-Z][a-z]+)?-(?:directed|penned|written|helmed|produced|scripted)\\b");
      if (RE2::PartialMatch(After(s, m.end, 24), kMakerCompound)) {
        m.aside = true;
        m.why += ", the work's maker";
      }
      // "Replacement eyed for Parasite star Lee Sun-kyun": the one replaced is out
      static const RE2 kReplacementFor(
          "(?i)(?:\\breplacements?\\s+(?:\\w+\\s+){0,2}for\\s+(?:[\\w'’\\-]+\\s+){0,4}|\\breplac(?:"
          "e|es|"
          "ing)\\s+(?:(?:the|previous|former|original|departing|female|male|lead|leading|main|"
          "actor|actress)\\s+){0,4})$");
      if (RE2::PartialMatch(Before(s, m.begin, 80), kReplacementFor)) {
        m.aside = true;
        m.why += ", the person replaced";
      }
      // "the role vacated by B", "roles originally played by B and C", "earlier offered to
      // B", "in place of B": the one who had the part before is no casting news (a list of
      // up to three earlier names after the phrase shares it)
      static const RE2 kPredecessorBefore(
          "(?i)\\b(?:vacated\\s+by|(?:originally|previously|formerly|first|earlier|once|initially)"
          "\\s+(?:played|portrayed|offered|given|taken|held)\\s+(?:by|to)|(?:left|dropped|turned"
          "\\s+down)\\s+by|in\\s+place\\s+of|(?:taking|takes|took|take)\\s+over\\s+(?:the\\s+"
          "(?:\\w+\\s+){0,2}?role\\s+)?from|stepp(?:ed|ing|s)\\s+in\\s+for)\\s+(?:(?:the|"
          "previous|former|original|departing|disgraced|actor|actress|star|idol|singer|lead|"
          "female|male)\\s+){0,4}(?:(?-i:[A-Z])[\\w'’.-]*(?:\\s+(?-i:[A-Z])[\\w'’.-]*){0,3}\\s*"
          "(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)){0,3}$");
      if (!m.aside && RE2::PartialMatch(Before(s, m.begin, 160), kPredecessorBefore)) {
        m.aside = true;
        m.why += ", the one who had the part before";
      }
      // "helmed by Secretary Kim's Park Joon Hwa", "penned by the duo Hong Sisters",
      // "produced by Escape Artists' Todd Black, Jason Blumenthal and Steve Tish": names after a
      // credit verb and 'by', past a few describing words and down a list, are credits (not
      // in a title-case headline, where every word is capitalised)
      static const RE2 kCreditByBefore(
          "(?i)\\b(?:directed|written|penned|helmed|produced|created|composed|scripted|"
          "authored|drawn|illustrated)\\s+by\\s+(?:(?:the|a|an|duo|famed|famous|renowned|"
          "acclaimed|hit|star|veteran|writer|writers|director|pd|cartoonist|author|novelist|"
          "webtoonist|screenwriter|producer|producers|(?-i:[A-Z])[\\w'’.:-]*)\\s+){0,8}"
          "(?:(?-i:[A-Z])[\\w'’.-]*(?:\\s+(?-i:[A-Z])[\\w'’.-]*){0,3}\\s*(?:,\\s*(?:and\\s+)?|"
          "\\s+and\\s+|\\s*&\\s*)){0,4}$");
      if (!m.aside && m.kind == MentionKind::kPerson &&
          RE2::PartialMatch(Before(s, m.begin, 200), kCreditByBefore) && !TitleCaseSentence(toks)) {
        m.aside = true;
        m.credit = true;
        m.why += ", credited after a credit verb and 'by'";
      }
      if (EnglishRoleBefore().count(prev) &&
          !(prev == "of" && prev2 != "role" && prev2 != "character" && prev2 != "director")) {
        if (!(prev == "by" && prev2 != "directed" && prev2 != "written" && prev2 != "penned" &&
              prev2 != "helmed" && prev2 != "produced" && prev2 != "composed")) {
          m.aside = true;
          m.why += ", after '" + prev + "'";
          m.credit = EnglishCreditNoun(prev) || prev == "by";
        }
      } else if (EnglishCreditNoun(prev)) {
        // "star scriptwriter Kim Eun Sook", "writer-director Jo Hana": the credits
        m.aside = true;
        m.credit = true;
        m.why += ", after '" + prev + "'";
      }
      if (b < n && toks[b - 1].possessive) {
        // "Yoon Jong-bin's upcoming film": the director's or writer's work, not their casting
        static const std::set<std::string, std::less<>> kAfterPoss = {
            "upcoming", "new",     "film",    "movie",    "drama",    "directorial", "latest",
            "next",     "script",  "series",  "project",  "work",     "production",  "forthcoming",
            "rom-com",  "kdrama",  "k-drama", "thriller", "friend",   "friends",     "show",
            "comeback", "album",   "song",    "single",   "debut",    "character",   "role",
            "wife",     "husband", "father",  "mother",   "daughter", "son",         "brother",
            "sister",   "co-star", "hit"};
        if (kAfterPoss.count(LowerAscii(toks[b].text))) {
          m.aside = true;
          m.why += ", owner of the next noun";
        }
      }
      if (b < n) {
        const std::string next = LowerAscii(toks[b].text);
        // ("Kim Eun Sook Drama …": a name right before a work noun owns the work)
        if (next == "director" || next == "writer" || next == "pd" || next == "ceo" ||
            next == "producer" || next == "screenwriter" ||
            (!toks[b - 1].possessive &&
             (next == "drama" || next == "film" || next == "movie" || next == "series"))) {
          m.aside = true;
          m.credit = next != "drama" && next != "film" && next != "movie" && next != "series";
          m.why += ", before '" + next + "'";
        }
      }
    } else {
      const std::string_view next = b < n ? toks[b].text : std::string_view();
      if (KoreanAsideAfter(next)) {
        m.aside = true;
        m.why += ", before '" + std::string(next) + "'";
      }
      if (KoreanRoleAfter(next)) {
        m.kind = MentionKind::kRole;
        m.why += ", before 역";
      }
      // "곽시양이 하차한 '진짜가 나타났다!'에 안재현이 캐스팅됐다": the one who left
      if (next == "하차한" || next == "하차했던" || next == "하차하면서" || next == "하차하며") {
        m.aside = true;
        m.why += ", the one who left";
      }
      // "출연하던 강지환": the actor who was in it, not the news
      static const RE2 kWasIn(
          "(?:출연하던|출연했던|출연\\s*중이던|활약하던|열연하던|하차한|떠난)\\s*$");
      if (RE2::PartialMatch(Before(s, toks[a].b, 24), kWasIn)) {
        m.aside = true;
        m.why += ", was in it before";
      }
      // "김정현의 베스트셀러 소설을 각색한 영화": the author of the book a work is made from
      // (the name's token holds its 의)
      static const RE2 kAuthorOf("^\\s+(?:\\S+\\s+)?(?:소설|장편소설|원작|웹툰|웹소설|에세이)");
      if (b == a + 1 && EndsWithAny(toks[a].text, {"의"}) &&
          RE2::PartialMatch(After(s, m.end, 48), kAuthorOf)) {
        m.aside = true;
        m.why += ", author of the source";
      }
      if (m.in_parens && next == "\xEB\xB6\x84") {  // "(남주혁 분)": a cast credit
        m.in_parens = false;
        m.cast_credit = true;
        m.why += ", cast credit (… 분)";
      }
      if (a >= 2 && toks[a - 2].text == "\xEA\xB7\xB9" && toks[a - 1].text == "\xEC\xA4\x91") {
        m.kind = MentionKind::kRole;  // 극 중 X
        m.why += ", after 극 중";
      }
      if (a >= 1 && (toks[a - 1].text == "\xEA\xB7\xB9\xEC\xA4\x91")) {  // 극중
        m.kind = MentionKind::kRole;
        m.why += ", after 극중";
      }
    }
    add(std::move(m));
    for (size_t k = a; k < b; ++k) used[k] = true;
  };

  auto role_noun_before = [&](size_t i) {
    return i > 0 && adjacent(i) &&
           (KoreanRoleNouns().count(std::string(toks[i - 1].text)) > 0 ||
            KoreanSingerEpithets().count(std::string(toks[i - 1].text)) > 0);
  };
  // Korean OST sentences: the singer's slot. An unknown name is the singer when it is the
  // subject of a singing, joining or line-up verb ("한살차이가 부른", "양파까지 'W' OST 가창에
  // 참여해", "A, B, C 등이 합류한다"), or right after such a verb in a relative clause ("OST 가창에
  // 나선 한살차이는"). Indie singers and duos whose names are everyday words count there.
  std::vector<char> ost_slot(n, 0);
  if (ko) {
    static const RE2 kOstWord("OST|ost|O\\.S\\.T|오에스티|주제가|사운드트랙|엔딩곡|삽입곡|테마곡");
    if (RE2::PartialMatch(s, kOstWord)) MarkKoreanOstSingerSlots(s, toks, &ost_slot);
  }
  for (size_t i = 0; i < n; ++i) {
    if (used[i] || toks[i].in_quote) continue;
    const Token& t = toks[i];
    if (!ko || !t.hangul) {
      // ---- English-style words (also Latin names in Korean text) ----
      // Longest gazetteer match over up to 5 adjacent tokens.
      size_t best_len = 0;
      int best_kind = -1;
      const GazetteerPerson* best_person = nullptr;
      const GazetteerWork* best_work = nullptr;
      std::string best_group;
      // normalised keys of the windows starting here, built token by token
      std::string window_keys[5];
      {
        std::string acc;
        for (size_t len = 1; len <= std::min<size_t>(5, n - i); ++len) {
          acc += NormalizeKey(toks[i + len - 1].text);
          window_keys[len - 1] = acc;
        }
      }
      for (size_t len = std::min<size_t>(5, n - i); len >= 1; --len) {
        // one hash look-up rules most windows out before anything is built
        if (!gaz.MayName(window_keys[len - 1])) continue;
        bool ok = true;
        for (size_t k = i + 1; k < i + len; ++k) {
          // "Idol: The Coup" is one title; names never hold a colon, so the lookup decides
          const bool colon = toks[k - 1].e + 2 == toks[k].b && s[toks[k - 1].e] == ':' &&
                             s[toks[k - 1].e + 1] == ' ';
          if ((!adjacent(k) && !colon) || toks[k].in_quote || toks[k].hangul != t.hangul)
            ok = false;
        }
        if (!ok) continue;
        // all words capitalised (or a known lower-case name like tvN / j-hope)
        const std::string cand = joined(i, i + len);
        if (len == 1 && !t.capital && cand.size() < 2) continue;
        // a lower-case word starts no name ("as a" is not "Asa"); only "tvN"-like networks
        if (!t.capital && !t.hangul) {
          if (len == 1 && gaz.FindNetwork(cand) != nullptr) {
            best_len = 1;
            best_kind = 0;
            break;
          }
          continue;
        }
        if (const GazetteerNetwork* net = gaz.FindNetwork(cand)) {
          (void)net;
          // "the upcoming MBC drama X", "KBS 드라마 'X'": a broadcaster and the genre noun,
          // not its cable channel (MBC Drama Net, KBS Drama); the shorter match is taken
          if (len >= 2) {
            const std::string_view last = toks[i + len - 1].text;
            if ((last == "drama" || last == "Drama" || last == "드라마") &&
                gaz.FindNetwork(joined(i, i + len - 1)) != nullptr) {
              continue;
            }
          }
          best_len = len;
          best_kind = 0;
          break;
        }
        if ((t.capital || t.hangul) && gaz.FindOrganisation(cand) != nullptr) {
          best_len = len;
          best_kind = 1;
          break;
        }
        // A group whose name is also a common word ("April", "Apink"'s "Pink") needs
        // its possessive or a following member word.
        const bool common_word = len == 1 && !t.hangul && EnglishRunStop().count(LowerAscii(cand));
        const bool group_ok =
            !common_word || t.possessive ||
            (i + 1 < n && EnglishDescriptors().count(LowerAscii(toks[i + 1].text)) > 0);
        auto g = gaz.FindGroup(cand);
        if (g && !t.hangul && g->size() <= 5) {
          // short names ("EXO", "P.O.P") are matched with their case: "Pop" is no group
          std::string bare;
          for (char c : *g) {
            if (c != '.' && c != ' ') bare += c;
          }
          std::string surf;
          for (char c : cand) {
            if (c != '.' && c != ' ') surf += c;
          }
          if (bare != surf) g.reset();
        }
        if (g && (t.capital || t.hangul) && group_ok) {
          best_len = len;
          best_kind = 2;
          best_group = *g;
          break;
        }
        if (const GazetteerPerson* p = gaz.FindPersonInGroup(
                cand,
                i == last_group_tok + 1 || i == last_group_tok + 2 ? last_group : std::string())) {
          // One-word names that are also common words need a capital and no sentence start.
          if (len == 1 && !t.hangul) {
            const std::string low = LowerAscii(cand);
            static const std::set<std::string, std::less<>> kCommon = {
                "rain",      "joy",      "key",      "rose",     "v",      "kai",     "jin",
                "bang",      "lee",      "kim",      "park",     "sun",    "moon",    "song",
                "sol",       "hope",     "d.o",      "do",       "i",      "one",     "max",
                "ray",       "sky",      "may",      "june",     "young",  "ha",      "ji",
                "jo",        "jun",      "seo",      "chen",     "lay",    "ace",     "jay",
                "b",         "ben",      "k",        "u",        "e",      "j",       "bom",
                "nana",      "eun",      "won",      "yuri",     "lucas",  "mark",    "tiffany",
                "wendy",     "irene",    "seulgi",   "jennie",   "lisa",   "june",    "april",
                "march",     "august",   "asa",      "sing",     "new",    "dawn",    "rose",
                "lucky",     "hero",     "angel",    "summer",   "winter", "autumn",  "spring",
                "star",      "miracle",  "wish",     "yes",      "giant",  "crush",   "loco",
                "dean",      "gray",     "zion",     "rain",     "bong",   "monday",  "tuesday",
                "wednesday", "thursday", "friday",   "saturday", "sunday", "january", "february",
                "september", "october",  "november", "december", "today",  "spring"};
            // names that are also words, months or very short need their group or a
            // descriptor right before them ("BTS's V", "singer Rain", "member June")
            // "IU", "DK", "CL": short names in capitals are distinctive; "Jin", "Kai" are not
            bool all_caps = true;
            for (char c : cand) {
              if (std::islower(static_cast<unsigned char>(c))) all_caps = false;
            }
            const bool risky =
                low.size() == 1 || kCommon.count(low) > 0 || (low.size() <= 3 && !all_caps);
            // (right after the group, or after "GROUP member": "ASTRO's Moonbin In Talks"
            // gives "In" no group)
            const bool group_ctx = last_group_tok != SIZE_MAX && i > last_group_tok &&
                                   (i - last_group_tok == 1 ||
                                    (i - last_group_tok == 2 &&
                                     EnglishDescriptors().count(LowerAscii(toks[i - 1].text))));
            if (!t.capital) continue;
            if (risky && !group_ctx &&
                !(i > 0 && EnglishDescriptors().count(LowerAscii(toks[i - 1].text)))) {
              continue;
            }
          }
          best_len = len;
          best_kind = 3;
          best_person = p;
          // "Lee Soo" known, "Lee Soo Hyun" written: the longer name shape wins. (A
          // one-word name that is also a surname, "Yoon" known and "Yoon Seo Hyun" written,
          // takes both given-name syllables, not one: surname plus up to two syllables.)
          while (!t.hangul && IsRomanisedSurname(t.text) && best_len < 3 && i + best_len < n &&
                 adjacent(i + best_len) && !toks[i + best_len].in_quote &&
                 !toks[i + best_len - 1].possessive && IsRomanisedGiven(toks[i + best_len].text) &&
                 !EnglishRunStop().count(LowerAscii(toks[i + best_len].text)) &&
                 toks[i + best_len - 1].text.find('-') == std::string_view::npos) {
            ++best_len;
            best_person = gaz.FindPerson(joined(i, i + best_len));
          }
          break;
        }
        if ((t.capital || t.hangul) && (len >= 2 || (len == 1 && cand.size() >= 6))) {
          if (const GazetteerWork* w = gaz.FindWork(cand)) {
            // "Once again BTS …": an English title is written in title case; a lower-case
            // word other than a small one means the words are prose
            if (!t.hangul && len >= 2) {
              static const std::set<std::string, std::less<>> kTitleSmall = {
                  "of", "the",  "a",  "an", "and",  "in", "on",  "to", "for", "with",
                  "at", "from", "is", "my", "your", "no", "not", "or", "you"};
              bool prose = false;
              for (size_t k = i + 1; k < i + len; ++k) {
                const char c0 = toks[k].text.empty() ? 'x' : toks[k].text[0];
                if (!toks[k].capital && !std::isdigit(static_cast<unsigned char>(c0)) &&
                    !kTitleSmall.count(LowerAscii(toks[k].text))) {
                  prose = true;
                }
              }
              if (prose) continue;
            }
            // one-word titles only after a possessive network or a work noun
            static const std::set<std::string, std::less<>> kBeforeTitle = {
                "drama",   "series",  "film",     "movie",  "in",     "for",
                "of",      "to",      "on",       "from",   "titled", "called",
                "k-drama", "rom-com", "thriller", "sitcom", "sageuk"};
            const bool net_possessive =
                i > 0 && toks[i - 1].possessive && gaz.FindNetwork(toks[i - 1].text) != nullptr;
            if (len == 1 &&
                !(net_possessive || (i > 0 && !toks[i - 1].capital &&
                                     kBeforeTitle.count(LowerAscii(toks[i - 1].text))))) {
              continue;
            }
            best_len = len;
            best_kind = 4;
            best_work = w;
            break;
          }
        }
      }
      if (best_kind >= 0) {
        const size_t e = i + best_len;
        if (best_kind == 3 && i > 0 && PlatformNounBefore(toks[i - 1].text)) {
          i = e - 1;  // the platform's name ("플랫폼 AURORA")
          continue;
        }
        if (best_kind == 3) {
          person_mention(i, e, best_person, "gazetteer person");
        } else {
          Mention m;
          m.begin = toks[i].b;
          m.end = toks[e - 1].e;
          m.in_parens = t.in_parens;
          m.text = joined(i, e);
          if (best_kind == 0) {
            m.kind = MentionKind::kNetwork;
            m.text = gaz.FindNetwork(m.text)->name;
            m.why = "gazetteer network";
          } else if (best_kind == 1) {
            m.kind = MentionKind::kOrganisation;
            m.why = "gazetteer organisation";
          } else if (best_kind == 2) {
            m.kind = MentionKind::kGroup;
            m.text = best_group;
            m.why = "gazetteer group";
            last_group = best_group;
            last_group_tok = e - 1;
          } else {
            m.kind = MentionKind::kWork;
            m.work = best_work;
            m.why = "gazetteer title";
            m.aside = m.in_parens || PastWorkBefore(Before(s, m.begin, PastWindow(ko)), ko) ||
                      PastWorkAfter(After(s, m.end, 40), ko) ||
                      (!ko && PossessiveOfAName(s, m.end, gaz)) ||
                      (!ko && NameOfTheWork(s, m.begin, m.end, gaz));
          }
          add(std::move(m));
          for (size_t k = i; k < e; ++k) used[k] = true;
        }
        i = e - 1;
        continue;
      }
      if (t.hangul) continue;
      // Unknown capitalised words: a romanised Korean name, or a name after a descriptor.
      if (!t.capital) continue;
      const std::string low = LowerAscii(t.text);
      const bool after_descriptor =
          i > 0 && adjacent(i) && EnglishDescriptors().count(LowerAscii(toks[i - 1].text)) > 0;
      const bool after_group =
          last_group_tok != SIZE_MAX && i > last_group_tok && i - last_group_tok <= 2 &&
          (i - last_group_tok == 1 || EnglishDescriptors().count(LowerAscii(toks[i - 1].text)) > 0);
      if (IsRomanisedSurname(t.text) && i + 1 < n && adjacent(i + 1) && !toks[i + 1].in_quote &&
          !t.possessive) {
        // Surname + one or two given-name tokens ("Kim Young Dae", "Jang Seung-jo").
        size_t e = i + 1;
        // "Kim So Yong", "Choi Jun Woo": a middle syllable that is also an English word
        // ("So", "Jun") belongs to the name when another given-name syllable follows it
        auto given_at = [&](size_t k) {
          return k < n && adjacent(k) && !toks[k].in_quote && IsRomanisedGiven(toks[k].text) &&
                 toks[k].text.find('-') == std::string_view::npos;
        };
        const bool word_middle = given_at(i + 1) && !toks[i + 1].possessive &&
                                 EnglishRunStop().count(LowerAscii(toks[i + 1].text)) > 0 &&
                                 given_at(i + 2) &&
                                 !EnglishRunStop().count(LowerAscii(toks[i + 2].text));
        while (e < n && e - i <= 2 && adjacent(e) && !toks[e].in_quote &&
               IsRomanisedGiven(toks[e].text) &&
               (!EnglishRunStop().count(LowerAscii(toks[e].text)) || (word_middle && e == i + 1))) {
          const bool hyphen = toks[e].text.find('-') != std::string_view::npos;
          ++e;
          if (hyphen || toks[e - 1].possessive) break;
        }
        if (e > i + 1) {
          person_mention(i, e, gaz.FindPerson(joined(i, e)), "romanised Korean name");
          i = e - 1;
          continue;
        }
      }
      // "set to star Parasite's Choi Woo-shik": 'star' after 'to'/'will' is the verb; "STAR
      // WARS VII Rumors", "Upcoming Idol Life K-Drama": a capitalised descriptor inside a
      // title-case headline is a word of the run, not a descriptor
      const bool descriptor_is_word =
          after_descriptor && !after_group &&
          ((LowerAscii(toks[i - 1].text) == "star" && i > 1 &&
            (LowerAscii(toks[i - 2].text) == "to" || LowerAscii(toks[i - 2].text) == "will")) ||
           (i > 1 && toks[i - 1].capital && TitleCaseSentence(toks)));
      // ("his label HISTORY D&C": a word with '&' in it names a company, never a person)
      // ("the Best Actor Academy Award": a word before "Award" names the prize)
      const bool award_next = i + 1 < n && (LowerAscii(toks[i + 1].text) == "award" ||
                                            LowerAscii(toks[i + 1].text) == "awards");
      if ((after_descriptor || after_group) && !descriptor_is_word &&
          !EnglishRunStop().count(low) && t.text.find('&') == std::string_view::npos &&
          !award_next) {
        size_t e = i + 1;
        while (e < n && e - i < 3 && adjacent(e) && toks[e].capital && !toks[e].in_quote &&
               !EnglishRunStop().count(LowerAscii(toks[e].text)) && !toks[e - 1].possessive) {
          ++e;
        }
        person_mention(i, e, nullptr,
                       after_group ? "name after its group" : "name after a descriptor");
        i = e - 1;
        continue;
      }
      continue;
    }

    // ---- Korean words ----
    const std::string raw(t.text);
    // "밴드 미도와 파라솔이": a group the gazetteer knows by a name of several words, one of
    // them ending in 와 / 과, is read whole before anything splits it into a list of two
    {
      size_t glen = 0;
      std::optional<std::string> mg;
      // (only from a word that starts some group name of several words)
      const size_t longest = gaz.MayStartGroupOfWords(t.text) ? std::min<size_t>(3, n - i) : 0;
      for (size_t len = longest; len >= 2 && !mg; --len) {
        bool ok = true;
        for (size_t k = i + 1; k < i + len; ++k) {
          if (!adjacent(k) || toks[k].in_quote || !toks[k].hangul) ok = false;
        }
        if (!ok) continue;
        const std::string whole = joined(i, i + len);
        mg = gaz.FindGroup(StripKoreanParticle(whole));
        if (!mg) mg = gaz.FindGroup(whole);
        if (mg) glen = len;
      }
      if (mg) {
        Mention m;
        m.kind = MentionKind::kGroup;
        m.begin = t.b;
        m.end = toks[i + glen - 1].e;
        m.text = *mg;
        m.why = "gazetteer group of several words";
        add(std::move(m));
        i += glen - 1;
        continue;
      }
    }
    // "다니엘 헤니까지": a name the gazetteer writes as one word ("다니엘헤니"), written here as
    // two (four syllables at least, so two common words seldom join into one)
    if (i + 1 < n && adjacent(i + 1) && AllHangul(raw)) {
      const std::string second = StripKoreanParticle(toks[i + 1].text);
      if (AllHangul(second) && raw.size() + second.size() >= 12) {
        if (const GazetteerPerson* p = gaz.FindPerson(raw + second); p != nullptr) {
          person_mention(i, i + 2, p, "gazetteer person written in two words");
          ++i;
          continue;
        }
      }
    }
    std::string base = StripKoreanParticle(raw);
    // "유선, 김소연, 김하경에 이어 홍종현이": before 에 이어 the 에 is a name's particle
    // (a bare 에 is none elsewhere: "이선균에 앞서" names no subject)
    if (base == raw && i + 1 < n && BeforeEIeo(raw, toks[i + 1].text)) {
      base = raw.substr(0, raw.size() - 3);
    }
    // "주인공은 레드벨벳의 웬디와 슬기다", "라인업을 공개했다. 서현진, 김혜윤, 김건우다": a
    // known name that ends the sentence takes the copula 다 after a vowel (이다 after a
    // consonant is a particle already)
    // "바비킴, 서영은, 샤이니 등이": inside a list (a separator before and after it) a name
    // carries no particle, so "서영은" is no 서영 + 은
    // (between two list separators; also lets a one-syllable stage name into an OST line-up)
    const bool between_seps = i > 0 && toks[i - 1].e < t.b && IsKoreanListSep(s, toks[i - 1].e) &&
                              IsKoreanListSep(s, t.e);
    bool list_member = false;
    if (base != raw && AllHangul(raw) && HangulSyllables(raw) <= 4 && between_seps) {
      base = raw;
      list_member = true;
    }
    // "배우 김고은, tvN 새 드라마", "신예 차서은·박하준": right before a comma or a middle dot a
    // three-syllable word that starts with a surname and ends in a given-name syllable is a
    // whole name — a particle is rarely followed by a list separator — so "차서은" is no
    // 차서 + 은
    if (!list_member && base != raw && AllHangul(raw) && HangulSyllables(raw) == 3 &&
        HangulSyllables(base) == 2 && IsKoreanListSep(s, t.e) &&
        KoreanSurnames().count(FirstSyllable(raw)) > 0 &&
        gaz.IsGivenNameSyllable(std::string_view(raw).substr(6, 3), true) &&
        !KoreanStopNames().count(raw) && !KoreanWordIsNoName(raw)) {
      base = raw;
      list_member = true;
    }
    bool copula = false;
    if (base == raw && i + 1 == n && AllHangul(TrimName(raw))) {
      const std::string word = TrimName(raw);
      // ("주인공은 뷔와 진이다": after a final consonant the copula is 이다, so a known name
      // that ends in one, with 이다 after it, is that name; "진이다" is 진 + 이다)
      size_t last_at = 0;
      const std::string short_stem =
          EndsWithAny(word, {"이다"}) ? word.substr(0, word.size() - 6) : std::string();
      const uint32_t last =
          short_stem.empty() ? 0 : PrevCodePointOf(short_stem, short_stem.size(), &last_at);
      if (!short_stem.empty() && IsHangulCp(last) && (last - 0xAC00) % 28 != 0 &&
          gaz.FindPerson(short_stem) != nullptr) {
        base = short_stem;
        copula = true;
      } else if (HangulSyllables(word) >= 3 && EndsWithAny(word, {"다"})) {
        const std::string stem = word.substr(0, word.size() - 3);
        if (gaz.FindPerson(stem) != nullptr) {
          base = stem;
          copula = true;
        }
      }
    }
    // "10CM가", "IU는": a Latin name with a Korean particle
    if (!raw.empty() && static_cast<unsigned char>(raw[0]) < 0x80) {
      size_t cut = 0;
      while (cut < raw.size() && static_cast<unsigned char>(raw[cut]) < 0x80) ++cut;
      const std::string latin = raw.substr(0, cut);
      const std::string tail = raw.substr(cut);
      static const std::set<std::string, std::less<>> kParticle = {
          "이", "가", "은", "는", "도",   "과", "와",   "의",
          "을", "를", "에", "로", "으로", "측", "측은", "이다"};
      if (!latin.empty() && kParticle.count(tail)) {
        if (const GazetteerPerson* lp = gaz.FindPerson(latin)) {
          if (i > 0 && PlatformNounBefore(toks[i - 1].text)) continue;  // the platform's name
          person_mention(i, i + 1, lp, "gazetteer person with a particle");
          out.items.back().text = latin;
          continue;
        }
        if (auto lg = gaz.FindGroup(latin)) {
          Mention m;
          m.kind = MentionKind::kGroup;
          m.begin = t.b;
          m.end = t.e;
          m.text = *lg;
          m.why = "gazetteer group with a particle";
          last_group = *lg;
          last_group_tok = i;
          add(std::move(m));
          continue;
        }
        // "tvN은 … 밝혔다": a network with its particle is read by the network look-up below
        if (gaz.FindNetwork(latin) != nullptr) base = latin;
      }
    }
    // "차은우측" / "차은우씨"
    if (const GazetteerNetwork* net = gaz.FindNetwork(base); net != nullptr) {
      Mention m;
      m.kind = MentionKind::kNetwork;
      m.begin = t.b;
      m.end = t.e;
      m.text = net->name;
      m.why = "gazetteer network";
      add(std::move(m));
      continue;
    }
    // two-token networks ("KBS 2TV", "TV조선")
    if (gaz.FindOrganisation(base) != nullptr || gaz.FindOrganisation(raw) != nullptr ||
        KoreanNonPersonSuffix(base)) {
      Mention m;
      m.kind = MentionKind::kOrganisation;
      m.begin = t.b;
      m.end = t.e;
      m.text = base;
      m.why = "organisation";
      add(std::move(m));
      continue;
    }
    // "걸스데이": a group whose name ends like a particle is looked up whole first
    std::optional<std::string> g = gaz.FindGroup(base);
    if (!g && raw != base) g = gaz.FindGroup(raw);
    // Group names that are everyday nouns ("아이들을 돕기 위해": children, "지구와 함께":
    // the earth) name the group only after a group noun or before one of its members.
    if (g && KoreanCommonGroupNames().count(base) > 0) {
      static const std::set<std::string, std::less<>> kGroupNoun = {"그룹", "걸그룹", "보이그룹",
                                                                    "아이돌"};
      const bool noun_before = i > 0 && kGroupNoun.count(toks[i - 1].text) > 0;
      const GazetteerPerson* next =
          i + 1 < n ? gaz.FindPersonInGroup(toks[i + 1].text, *g) : nullptr;
      if (!noun_before && (next == nullptr || next->group != *g)) g.reset();
    }
    if (g && HangulSyllables(base) >= 2) {
      Mention m;
      m.kind = MentionKind::kGroup;
      m.begin = t.b;
      m.end = t.e;
      m.text = *g;
      m.why = "gazetteer group";
      last_group = *g;
      last_group_tok = i;
      // "그룹 아스트로 멤버 차은우": a group followed by a person keeps going
      add(std::move(m));
      continue;
    }
    // (a group with a particle — "SS501은 타이틀 곡인", "샤이니와 바비킴" — tags nobody)
    // ("그룹 A.C.E 멤버 준과 찬이": a member joined to the member before it by 와 / 과 or a
    // comma keeps the group)
    const bool member_chain = last_member_tok != SIZE_MAX && i == last_member_tok + 1 &&
                              (EndsWithAny(std::string(toks[i - 1].text), {"와", "과"}) ||
                               IsKoreanListSep(s, toks[i - 1].e));
    const bool group_ctx = last_group_tok != SIZE_MAX && i > last_group_tok &&
                           (i - last_group_tok <= 2 || member_chain) &&
                           !KoreanGroupHasCaseParticle(toks[last_group_tok].text, gaz);
    std::string one_syllable_stem;
    const GazetteerPerson* p = gaz.FindPersonInGroup(raw, group_ctx ? last_group : "");
    if (p == nullptr) p = gaz.FindPersonInGroup(base, group_ctx ? last_group : "");
    // "방탄소년단 진이": after its group, the member "진" + particle beats an unrelated "진이"
    if (p != nullptr && group_ctx && raw != base && HangulSyllables(base) == 1 &&
        p->group != last_group) {
      const GazetteerPerson* member = gaz.FindPersonInGroup(base, last_group);
      if (member != nullptr && member->group == last_group) p = member;
    }
    if ((p == nullptr || p->group != last_group) && group_ctx && raw == base &&
        HangulSyllables(raw) == 2) {
      // "엑소 첸이": a one-syllable stage name with its particle (beats an unrelated "진이")
      static constexpr std::string_view kOne[] = {"이", "가", "은", "는", "도",
                                                  "과", "와", "의", "을", "를"};
      for (auto part : kOne) {
        if (EndsWithAny(raw, {part})) {
          const std::string stem = raw.substr(0, raw.size() - part.size());
          const GazetteerPerson* member = gaz.FindPersonInGroup(stem, last_group);
          if (member != nullptr && (p == nullptr || member->group == last_group)) {
            p = member;
            one_syllable_stem = stem;
            break;
          }
        }
      }
    }
    if (p != nullptr && i > 0 && !toks[i - 1].in_quote && PlatformNounBefore(toks[i - 1].text)) {
      continue;  // the platform's name
    }
    // "출연을 확정 지은 건 아니다": a bare word before a dependent noun (건, 것, 바, 채) is an
    // adnominal verb form, not a stage name that happens to be spelled the same (지은)
    if (p != nullptr && raw == base && AllHangul(raw) && i + 1 < n && toks[i + 1].b == t.e + 1) {
      static const std::set<std::string, std::less<>> kDependent = {
          "건", "것", "것은", "것이", "것을", "것도", "게", "바", "바가", "채"};
      if (kDependent.count(toks[i + 1].text)) continue;
    }
    // "하이라이트만 선 공개된 OST", "재 개봉": a bare one-syllable word before 공개 / 발매 /
    // 개봉 is the prefix of that noun written apart (선공개), not a one-syllable stage name
    if (p != nullptr && raw == base && HangulSyllables(base) == 1 && i + 1 < n &&
        toks[i + 1].b == t.e + 1 &&
        (toks[i + 1].text.starts_with("\xEA\xB3\xB5\xEA\xB0\x9C") ||   // 공개
         toks[i + 1].text.starts_with("\xEB\xB0\x9C\xEB\xA7\xA4") ||   // 발매
         toks[i + 1].text.starts_with("\xEA\xB0\x9C\xEB\xB4\x89"))) {  // 개봉
      continue;
    }
    // "여자주인공 나영을 맡았다": after a lead-role noun and before 맡다, the name is the
    // character (even when an idol has that stage name)
    if (AllHangul(raw) && raw != base && EndsWithAny(raw, {"을", "를"}) && i > 0 && i + 1 < n &&
        toks[i + 1].text.rfind("맡", 0) == 0 &&
        EndsWithAny(std::string(toks[i - 1].text), {"주인공", "주연", "여주", "남주", "역할",
                                                    "배역", "악역", "조연", "타이틀롤"})) {
      Mention m;
      m.kind = MentionKind::kRole;
      m.begin = t.b;
      m.end = t.e;
      m.text = base;
      m.why = "character before 맡다";
      add(std::move(m));
      continue;
    }
    // "A는 형사가 된 R1, B는 … R2로 분한다", "A가 … 남자 R을, B가 …
    // R2를 연기한다": in a sentence giving each actor a character, the name that closes one
    // actor's clause (after a describing word, before a comma and the next actor's 은/는/이/가)
    // is that actor's character
    if (AllHangul(raw) && i > 0 && t.e < s.size() && s[t.e] == ',') {
      static const RE2 kDescribing("(?:된|인|한|는|던|운|남자|여자|소녀|소년|청년)$");
      static const RE2 kNextActorClause(
          "^,\\s*[가-힣]{2,4}(?:은|는|이|가)\\s[^.]{0,120}?(?:(?:으로|로)\\s*분(?:한다|해|했다|할)|"
          "(?:을|를)\\s*(?:연기한다|연기했다|연기하며|연기할|맡는다|맡았다|맡아))");
      std::string name = raw;
      for (std::string_view part : {"으로", "로", "을", "를"}) {
        if (name.size() > part.size() && name.ends_with(part)) {
          name.resize(name.size() - part.size());
          break;
        }
      }
      if (HangulSyllables(name) >= 2 && HangulSyllables(name) <= 4 &&
          !KoreanStopNames().count(name) && !IsKoreanListSep(s, toks[i - 1].e) &&
          RE2::PartialMatch(toks[i - 1].text, kDescribing) &&
          RE2::PartialMatch(s.substr(t.e), kNextActorClause)) {
        add_role(t.b, t.e, name, "character closing an actor's clause");
        continue;
      }
    }
    // "그의 비서 차하린을 연기한다": a three-syllable name right before 연기하다 is the character
    if (AllHangul(raw) && EndsWithAny(raw, {"을", "를"}) && i + 1 < n &&
        (toks[i + 1].text.rfind("연기한", 0) == 0 || toks[i + 1].text.rfind("연기하", 0) == 0 ||
         toks[i + 1].text.rfind("연기할", 0) == 0)) {
      const std::string name = raw.substr(0, raw.size() - 3);
      static const std::set<std::string, std::less<>> kNotNames = {"주인공", "캐릭터", "연기자"};
      // ("리더 진우를 연기한다": a known two-syllable name there is the character too)
      if ((HangulSyllables(name) == 3 || (p != nullptr && HangulSyllables(name) == 2)) &&
          !KoreanStopNames().count(name) && !kNotNames.count(name) &&
          (p == nullptr || KoreanCommonStageNames().count(name) == 0)) {
        add_role(t.b, t.e, name, "character before 연기하다");
        continue;
      }
    }
    // "신입생 오나래를 맡았다", "꽃집 사장 윤다솜을 맡는다": an unknown three-syllable name right
    // before 맡다 is the character, as before 연기하다 (a known person there is left alone)
    if (p == nullptr && AllHangul(raw) && EndsWithAny(raw, {"을", "를"}) && i + 1 < n &&
        toks[i + 1].text.rfind("\xEB\xA7\xA1", 0) == 0) {  // 맡
      const std::string name = raw.substr(0, raw.size() - 3);
      static const std::set<std::string, std::less<>> kNotNames = {
          "주인공", "캐릭터", "연기자", "진행자", "사회자", "연출자", "안내자", "해설자", "지휘자"};
      if (HangulSyllables(name) == 3 && !KoreanStopNames().count(name) && !kNotNames.count(name)) {
        add_role(t.b, t.e, name, "character before 맡다");
        continue;
      }
    }
    // "베테랑 사진기자인 오유경으로 분한다": a name right before (으)로 분하다 is the character
    // (even when a person of the gazetteer has that name)
    if (AllHangul(raw) && EndsWithAny(raw, {"으로", "로"}) && i + 1 < n &&
        toks[i + 1].text.rfind("\xEB\xB6\x84", 0) == 0 &&  // 분
        (toks[i + 1].text.rfind("분한", 0) == 0 || toks[i + 1].text.rfind("분해", 0) == 0 ||
         toks[i + 1].text.rfind("분하", 0) == 0 || toks[i + 1].text.rfind("분할", 0) == 0 ||
         toks[i + 1].text.rfind("분했", 0) == 0)) {
      const std::string name = raw.substr(0, raw.size() - (EndsWithAny(raw, {"으로"}) ? 6 : 3));
      if (HangulSyllables(name) >= 2 && HangulSyllables(name) <= 4 &&
          !KoreanStopNames().count(name)) {
        add_role(t.b, t.e, name, "character before (으)로 분하다");
        continue;
      }
    }
    // Stage names that are also common words ("주연", "현재", "남주") need their group.
    // ("가수 소유가", "보컬 거미": a singer's noun right before names the person too)
    if (p != nullptr && !group_ctx &&
        (KoreanStopNames().count(base) || KoreanStopNames().count(raw) ||
         (KoreanCommonStageNames().count(base) && !role_noun_before(i) && ost_slot[i] == 0))) {
      p = nullptr;
    }
    // "그룹 X, 'W' 지원 사격": the idiom "support fire" names no singer 지원, after a group too
    if (p != nullptr && KoreanCommonStageNames().count(raw) && i + 1 < n &&
        toks[i + 1].text.rfind("\xEC\x82\xAC\xEA\xB2\xA9", 0) == 0) {  // 사격
      p = nullptr;
    }
    if (p != nullptr && (HangulSyllables(base) >= 2 || group_ctx)) {
      person_mention(i, i + 1, p, "gazetteer person");
      if (copula) out.items.back().text = base;
      if (list_member && p != nullptr) out.items.back().text = TrimName(raw);
      if (!one_syllable_stem.empty()) out.items.back().text = one_syllable_stem;
      if (group_ctx && p->group == last_group) last_member_tok = i;
      continue;
    }
    // "야간 약사 고은비 역을 맡아": a name right before 역 is the character
    if (AllHangul(raw) && HangulSyllables(raw) >= 2 && HangulSyllables(raw) <= 4 && i + 1 < n &&
        KoreanRoleAfter(toks[i + 1].text) && !KoreanStopNames().count(raw)) {
      Mention m;
      m.kind = MentionKind::kRole;
      m.begin = t.b;
      m.end = t.e;
      m.text = raw;
      m.why = "name before 역";
      add(std::move(m));
      continue;
    }
    // An OST sentence's singer slot: any name shape that is no common word.
    // (with its particle: "베일을 벗은" is a verb form, not "벗" + 은)
    // ("가수 휘인, 벤, 황민현": between two list separators a one-syllable stage name counts)
    if (ost_slot[i] != 0 && (raw != base || ost_slot[i] == 2) && AllHangul(base) &&
        (HangulSyllables(base) >= 2 || (ost_slot[i] == 2 && raw == base && between_seps)) &&
        HangulSyllables(base) <= 6 && !KoreanStopNames().count(base) &&
        !KoreanStopNames().count(raw) && !KoreanRoleNouns().count(base) &&
        !KoreanOstNouns().count(base) && !KoreanWordIsNoName(base) && !KoreanWordIsNoName(raw)) {
      person_mention(i, i + 1, nullptr, "singer in an OST sentence's singer slot");
      // (a list member before a comma or 등 has no particle: "솔바람차이, …" keeps its 이;
      // "그레이스와 유성은이": 와 / 과 join the list and go)
      if (ost_slot[i] == 2 && AllHangul(raw) && !raw.ends_with("\xEC\x99\x80") &&
          !raw.ends_with("\xEA\xB3\xBC")) {
        out.items.back().text = raw;
      }
      continue;
    }
    // Unknown Hangul name shapes.
    const size_t syl = HangulSyllables(base);
    // ("가수 안녕하신가영": after a singer's noun a stage name may be a longer phrase)
    if (!AllHangul(base) || syl < 2 || syl > (role_noun_before(i) ? 6 : 4)) continue;
    if (base.rfind("측", 0) == 0) continue;  // "소속사 측은": the agency's side, no name
    if (KoreanStopNames().count(base) || KoreanStopNames().count(raw)) continue;
    if (KoreanWordIsNoName(base) || KoreanWordIsNoName(raw)) continue;
    // a common verbal noun + 중 ("캐스팅을 진행중이다", "촬영중인"): a state, not a name
    if (base.size() > 3 && base.compare(base.size() - 3, 3, "중") == 0 &&
        KoreanStopNames().count(std::string_view(base).substr(0, base.size() - 3))) {
      continue;
    }
    if (KoreanCommonStageNames().count(base)) continue;
    if (KoreanOstNouns().count(base) || KoreanOstNouns().count(raw)) continue;
    if (KoreanRoleNouns().count(base) > 0) continue;  // "신예 보컬리스트 X": a noun, then the name
    // final syllables of loanwords and common nouns, rare at the end of a given name
    if (!role_noun_before(i) &&
        EndsWithAny(base,
                    {"률", "단", "트", "스", "드", "크", "즈", "션", "팅", "링", "님", "들", "행",
                     "리", "자", "사", "기", "화", "제", "도", "시", "성", "력", "감", "적", "권",
                     "계", "장", "실", "소", "국", "부", "과", "회", "선", "품", "곡",
                     // ("단막극", "사이다", "대거": no known three-syllable name ends so)
                     "극", "다", "거"})) {
      continue;
    }
    // verb forms and nouns with a case ending are no names ("출연할", "캐스트로")
    if (raw == base &&
        EndsWithAny(base,
                    {"할",   "한",   "된",   "될",   "하는", "되는", "로",   "에",   "서",   "며",
                     "고",   "던",   "했",   "된다", "한다", "라",   "까",   "지만", "들",   "해",
                     "됨",   "른",   "운",   "워",   "져",   "가",   "함",   "었다", "았다", "였다",
                     "렀다", "졌다", "됐다", "섰다", "했다", "왔다", "냈다", "혔다", "랐다"})) {
      continue;
    }
    if (EndsWithAny(base, {"하", "되", "됨", "해"})) continue;  // verb stems ("방송하", "방송되")
    const std::string prev = i > 0 ? std::string(toks[i - 1].text) : "";
    const bool role_noun = role_noun_before(i);
    const bool particle = raw != base;
    const bool list_sep = IsKoreanListSep(s, t.e);
    const bool list_prev = i > 0 && toks[i - 1].e < t.b && IsKoreanListSep(s, toks[i - 1].e);
    const bool surname = KoreanSurnames().count(FirstSyllable(base)) > 0;
    // a bare name shape must look like a given name: its second and third syllables occur
    // there in some known name ("윤송아가" yes; "사로잡을", "기대작으로", "정보에도" no)
    auto given_syllable = [&](size_t at) {
      const std::string_view syllable = std::string_view(base).substr(at, 3);
      return gaz.IsGivenNameSyllable(syllable, false) || gaz.IsGivenNameSyllable(syllable, true);
    };
    const bool given_shape = syl == 3 && base.size() == 9 && given_syllable(3) && given_syllable(6);
    std::string why;
    // ("블랙핑크 지수가 연인으로 만난다": a member named right after the group fills its slot;
    // the word after that member is no second name unless a list joins them)
    const bool slot_filled = group_ctx && i > 0 && !member_chain && !out.items.empty() &&
                             out.items.back().kind == MentionKind::kPerson &&
                             out.items.back().end > toks[i - 1].b &&
                             out.items.back().begin >= toks[last_group_tok].e;
    if (role_noun) {
      why = "name after '" + prev + "'";
    } else if (group_ctx && !slot_filled) {
      why = "name after its group";
    } else if (syl == 3 && surname && given_shape &&
               (particle || list_sep ||
                // "주연 중인 A 역시 … 캐스팅됐다": 역시 / 또한 ("also") after a bare name
                // stand where its particle would
                (raw == base && i + 1 < n && toks[i + 1].b == t.e + 1 &&
                 (toks[i + 1].text == "\xEC\x97\xAD\xEC\x8B\x9C" ||     // 역시
                  toks[i + 1].text == "\xEB\x98\x90\xED\x95\x9C")))) {  // 또한
      why = "three-syllable name with a surname";
    } else if (syl == 3 && surname && list_prev) {
      why = "three-syllable name in a list";
    } else if (syl == 3 && surname && given_shape && i + 1 < n &&
               (toks[i + 1].text == "\xEC\xB8\xA1" ||               // 측
                toks[i + 1].text == "\xEC\xB8\xA1\xEC\x9D\x80")) {  // 측은
      why = "three-syllable name before 측";
    } else {
      continue;
    }
    person_mention(i, i + 1, nullptr, why);
    if (list_member) out.items.back().text = TrimName(raw);
  }

  // "the friend of Choi Jun Woo (Ong Seong-wu)": an unknown name with a known actor in
  // parentheses right after it is that actor's character
  if (!ko) {
    for (size_t k = 0; k + 1 < out.items.size(); ++k) {
      Mention& name = out.items[k];
      const Mention& actor = out.items[k + 1];
      if (name.kind != MentionKind::kPerson || name.person != nullptr || name.in_parens ||
          actor.kind != MentionKind::kPerson || actor.person == nullptr || !actor.in_parens) {
        continue;
      }
      const std::string_view gap = s.substr(name.end, actor.begin - name.end);
      if (gap == " (" || gap == "(") {
        name.kind = MentionKind::kRole;
        name.why += ", character of the actor in parentheses";
      }
    }
  }

  // "a producer behind hits like A’s “S1,” and B’s “S2”": the singers of the hits a credit is
  // known for own earlier songs, not the news, and their titles are songs, not works
  if (!ko) {
    static const RE2 kHitsLike(
        "(?i)\\b(?:(?:hits?|songs?|tracks?|ballads?|OSTs?)\\s+(?:like|such\\s+as|including)|"
        "behind\\s+(?:the\\s+)?(?:hits?|songs?))\\b");
    static const RE2 kPossessiveQuote("^(?:'s|’s|')?\\s*[\"“'‘]");
    re2::StringPiece in(s);
    if (RE2::FindAndConsume(&in, kHitsLike)) {
      const size_t from = static_cast<size_t>(in.data() - s.data());
      std::vector<size_t> owner_ends;
      for (auto& m : out.items) {
        if (m.begin < from) continue;
        if ((m.kind == MentionKind::kPerson || m.kind == MentionKind::kGroup) && !m.aside &&
            RE2::PartialMatch(s.substr(m.end), kPossessiveQuote)) {
          m.aside = true;
          m.why += ", owner of an earlier hit";
          owner_ends.push_back(m.end);
        }
      }
      for (auto& m : out.items) {
        if (m.kind != MentionKind::kWork || !m.quoted || m.work != nullptr) continue;
        for (size_t e : owner_ends) {
          if (m.begin >= e && m.begin - e <= 6) {
            m.kind = MentionKind::kSong;
            m.why += ", an earlier hit";
            break;
          }
        }
      }
    }
  }

  // "작곡가 박근태와 권순관, 작사가 김이나와 서지음": names after a credit noun (composer,
  // lyricist, director, writer), and the names joined to them, are the credits, not the
  // news ("가수 겸 프로듀서 주영훈": a second hat after 겸 is the person's own).
  if (ko) {
    static const RE2 kCreditBefore(
        "(?:^|[\\s,(·])(작곡가|작사가|편곡가|작곡|작사|편곡|프로듀서|프로듀싱|감독|작가|연출|"
        "연출가|극본|각본|PD|피디)\\s*$");
    static const RE2 kSecondHat("겸\\s*\\S+\\s*$");
    static const RE2 kJoined("^[\\s,·]*(?:와|과|및)?[\\s,·]*$");
    const Mention* credit = nullptr;
    for (auto& m : out.items) {
      if (m.kind != MentionKind::kPerson) continue;
      const std::string_view before = Before(s, m.begin, 24);
      bool is_credit = false;
      if (RE2::PartialMatch(before, kCreditBefore) && !RE2::PartialMatch(before, kSecondHat)) {
        is_credit = true;
      } else if (credit != nullptr && m.begin >= credit->end &&
                 RE2::FullMatch(s.substr(credit->end, m.begin - credit->end), kJoined)) {
        is_credit = true;
      }
      if (is_credit) {
        if (!m.aside) m.why += ", a credit (composer, lyricist, director, writer)";
        m.aside = true;
        credit = &m;
      } else {
        credit = nullptr;
      }
    }
  }

  // "절친 이광수를 위해 카메오로 나섰다": the one a person appears for is not cast
  if (ko) {
    static const RE2 kForWhom("^\\s*(?:위해|위하여|위한|지원사격|응원)");
    for (auto& m : out.items) {
      if (m.kind != MentionKind::kPerson || m.aside || m.end < 3) continue;
      const std::string_view last = s.substr(m.end - 3, 3);
      if ((last == "\xEC\x9D\x84" || last == "\xEB\xA5\xBC") &&  // 을 를
          RE2::PartialMatch(After(s, m.end, 24), kForWhom)) {
        m.aside = true;
        m.why += ", the one supported";
      }
    }
  }

  // "극중 … 백상호의 비서 오두석 역": every name between 극중 and 역 is a character.
  if (ko) {
    size_t from = 0;
    for (int guard = 0; guard < 4; ++guard) {
      size_t k = s.find("\xEA\xB7\xB9", from);  // 극
      if (k == std::string_view::npos) break;
      size_t after = k + 3;
      while (after < s.size() && s[after] == ' ') ++after;
      if (s.compare(after, 3, "\xEC\xA4\x91") != 0) {  // 중
        from = k + 3;
        continue;
      }
      const size_t role_end = s.find("\xEC\x97\xAD", after);  // 역
      if (role_end == std::string_view::npos || role_end - after > 160) break;
      for (auto& m : out.items) {
        if (m.kind == MentionKind::kPerson && m.begin > after && m.end <= role_end + 3) {
          m.kind = MentionKind::kRole;
          m.why += ", between 극중 and 역";
        }
      }
      from = role_end;
    }
  }
  // Track-list headlines: "Work OST Part 2: 백예린 (Yerin Baek) – 아주 오래된 기억": the name
  // between "Part N:" and the dash sings; the words after the dash are the song.
  {
    static const RE2 kTrackList(
        "(?i)\\b(?:OST|O\\.S\\.T\\.?|soundtrack)\\s*(?:Part|Pt\\.?|Vol\\.?)\\s*\\d{1,2}\\s*[:\\-]"
        "\\s*"
        "([^:()\\-\xE2\x80\x93\xE2\x80\x94]{1,60}?)\\s*(?:\\(([^()]{1,60})\\))?\\s*"
        "(\xE2\x80\x93|\xE2\x80\x94|-)\\s*\\S");
    re2::StringPiece name, alt, dash;
    if (!s.empty() &&
        RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kTrackList, &name, &alt, &dash)) {
      const size_t b = static_cast<size_t>(name.data() - s.data());
      const size_t e = alt.data() != nullptr
                           ? static_cast<size_t>(alt.data() - s.data()) + alt.size() + 1
                           : b + name.size();
      const std::string first = TrimName(std::string(name.data(), name.size()));
      const std::string second =
          alt.data() != nullptr ? TrimName(std::string(alt.data(), alt.size())) : "";
      const GazetteerPerson* p = gaz.FindPerson(first);
      if (p == nullptr && !second.empty()) p = gaz.FindPerson(second);
      const bool latin_second = !second.empty() && static_cast<unsigned char>(second[0]) < 0x80;
      // names inside the span or after the dash (the song) are no singers
      const size_t dash_at = static_cast<size_t>(dash.data() - s.data()) + dash.size();
      std::erase_if(out.items, [&](const Mention& m) {
        return (m.kind == MentionKind::kPerson || m.kind == MentionKind::kGroup) &&
               ((m.begin >= b && m.begin < e) || m.begin >= dash_at - 1);
      });
      Mention m;
      m.kind = MentionKind::kPerson;
      m.begin = b;
      m.end = e;
      m.person = p;
      m.text = latin_second ? second : first;
      m.why = "singer after 'OST Part N:'";
      if (!m.text.empty()) add(std::move(m));
    }
  }
  // "'Love (ft. Marriage & Divorce)' Season 2", "Tale of the Nine-Tailed Season 2": a season
  // number right after a title belongs to it (the fuller form is the work)
  if (!ko) {
    static const RE2 kSeasonAfter("^\\s+[Ss]eason\\s+(\\d{1,2})\\b");
    for (Mention& m : out.items) {
      if (m.kind != MentionKind::kWork || m.end >= s.size()) continue;
      re2::StringPiece rest(s.data() + m.end, s.size() - m.end);
      const size_t before = rest.size();
      std::string number;
      if (!RE2::Consume(&rest, kSeasonAfter, &number)) continue;
      m.end += before - rest.size();
      m.text += " Season " + number;
      m.work = gaz.FindWork(m.text);
      m.why += ", with its season";
    }
  }
  // "JM Company", "JYP Entertainment", "BH Entertainment": a name followed by a company word
  // is the company's name (an agency or a producer), never a person of the news
  if (!ko) {
    static const RE2 kCompanyAfter(
        "^\\s+(?:Company|Entertainment|Ent\\.|Agency|Media|Pictures|Studios?|Culture|Records|"
        "Management|Contents|Partners|Label|Films)\\b");
    for (Mention& m : out.items) {
      if (m.kind != MentionKind::kPerson || m.end >= s.size()) continue;
      if (!RE2::PartialMatch(re2::StringPiece(s.data() + m.end, s.size() - m.end), kCompanyAfter)) {
        continue;
      }
      m.kind = MentionKind::kOrganisation;
      m.person = nullptr;
      m.why += ", the name of a company (a company word follows)";
    }
  }
  std::sort(out.items.begin(), out.items.end(),
            [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  // "best known for starring in W1 and W2", "who starred in the film W1, and Korean dramas like
  // W2 and W3": a title joined to an earlier work by "and", a comma or "(and) dramas like" is
  // another earlier work of the same list
  if (!ko) {
    static const RE2 kJoinsList(
        "(?i)^\\s*(?:,\\s*(?:and\\s+)?|and\\s+)(?:(?:[\\w-]+\\s+)?(?:dramas?|films?|movies?|"
        "series|shows)\\s+(?:like|such\\s+as|including)\\s+)?(?:the\\s+(?:film|movie|drama|series)"
        "\\s+)?$");
    const Mention* prev = nullptr;
    for (Mention& m : out.items) {
      if (m.kind != MentionKind::kWork) continue;
      if (prev != nullptr && prev->aside && !prev->in_parens && !prev->not_drama && !m.aside &&
          !m.in_parens && m.begin >= prev->end &&
          RE2::FullMatch(re2::StringPiece(s.data() + prev->end, m.begin - prev->end), kJoinsList)) {
        m.aside = true;
        m.why += ", named in a list of earlier works";
      }
      prev = &m;
    }
  }
  // "IU and Park Bo-gum's upcoming drama": the names joined by "and" to the owner of a work
  // own it with that owner (the work's cast, not the news)
  if (!ko) {
    static const RE2 kAndJoin("^\\s*(?:,\\s*(?:and\\s+)?|and\\s+|&\\s*)$");
    for (size_t i = out.items.size(); i-- > 1;) {
      const Mention& next = out.items[i];
      Mention& m = out.items[i - 1];
      if (m.kind != MentionKind::kPerson || next.kind != MentionKind::kPerson || m.aside ||
          !next.aside || next.why.find(", owner of the next noun") == std::string::npos ||
          next.begin < m.end) {
        continue;
      }
      if (RE2::FullMatch(re2::StringPiece(s.data() + m.end, next.begin - m.end), kAndJoin)) {
        m.aside = true;
        m.why += ", owner of the next noun with the name after it";
      }
    }
  }
  // "Following the release of the newest W1 soundtrack sung by B, it was announced that A …",
  // "After the success of 'W1', A …": the people and works of an opening clause that tells what
  // came before the news are background (earlier works, their singers and cast)
  if (!ko) {
    static const RE2 kBefore(
        "(?i)^\\W*(?:following|after)\\s+(?:the\\s+)?(?:(?:huge|big|massive|great|recent)\\s+)?"
        "(?:release|success|popularity|end|conclusion|airing|premiere|finale)\\s+of\\b[^,;]*,");
    static const RE2 kOpening("(?i)^(\\W*(?:following|after)\\s[^,;]*,)");
    re2::StringPiece clause;
    if (RE2::PartialMatch(s, kOpening, &clause) && RE2::PartialMatch(clause, kBefore)) {
      const size_t end = static_cast<size_t>(clause.data() + clause.size() - s.data());
      for (Mention& m : out.items) {
        if ((m.kind == MentionKind::kPerson || m.kind == MentionKind::kWork) && !m.aside &&
            m.end <= end) {
          m.aside = true;
          m.why += ", in an opening clause of what came before";
        }
      }
    }
  }
  // "A는 형사가 된 R1, B는 R1이 이끄는 팀의 …": a name the sentence gives as a
  // character is that character where it comes back, not a person of the same name
  if (ko) {
    std::set<std::string, std::less<>> roles;
    for (const Mention& m : out.items) {
      if (m.kind == MentionKind::kRole) roles.insert(m.text);
    }
    if (!roles.empty()) {
      std::erase_if(out.items, [&](const Mention& m) {
        return m.kind == MentionKind::kPerson &&
               roles.count(StripKoreanParticle(std::string(s.substr(m.begin, m.end - m.begin))));
      });
    }
  }
  return out;
}

}  // namespace hallyu
