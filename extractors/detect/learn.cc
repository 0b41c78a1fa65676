#include "extractors/detect/learn.h"

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/text/text.h"

namespace hallyu {
namespace {

constexpr size_t kWindowBytes = 160;  // bytes read on either side of a mention
constexpr size_t kMaxWords = 8;       // descriptor words read on either side

std::string Lower(std::string_view s) {
  std::string o(s);
  for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whitespace-separated words of `s` (ASCII spaces only; Hangul words are kept whole).
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// True when `w` ends a clause or an aside: "actress," "Seoul." "(drama)" "'title'".
bool EndsWithPunctuation(std::string_view w) {
  if (w.empty()) return true;
  const char c = w.back();
  if (c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == ')' ||
      c == '(' || c == '"' || c == '\'' || c == ']' || c == '[')
    return true;
  // closing quotes and brackets: ’ ” 》 〉 」 』 (3-byte UTF-8 endings)
  static constexpr std::array<std::string_view, 6> kClosers = {"\xE2\x80\x99", "\xE2\x80\x9D",
                                                               "\xE3\x80\x8B", "\xE3\x80\x89",
                                                               "\xE3\x80\x8D", "\xE3\x80\x8F"};
  for (std::string_view q : kClosers) {
    if (w.size() >= q.size() && w.substr(w.size() - q.size()) == q) return true;
  }
  return false;
}

std::string_view StripTrailingPunctuation(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':' ||
                        w.back() == ')')) {
    w.remove_suffix(1);
  }
  return w;
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// A group name the text gives: a gazetteer group (its display name), or an
// unknown name in capitals ("LUMINA", "NCT 127") that is no network or company.
// "" when `name` is not such a name.
std::string GroupName(std::string_view name, const Gazetteer& gaz, bool allow_capitalised) {
  if (name.empty() || name.size() > 40) return "";
  if (auto g = gaz.FindGroup(name)) return *g;
  if (gaz.FindNetwork(name) != nullptr || gaz.FindOrganisation(name) != nullptr ||
      gaz.FindPerson(name) != nullptr || gaz.FindWork(name) != nullptr) {
    return "";
  }
  size_t letters = 0, upper = 0;
  bool word_start = true, capitalised = true;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) return "";  // Hangul group names need 그룹 / 멤버 around them
    if (std::isalpha(u)) {
      ++letters;
      if (std::isupper(u)) ++upper;
      if (word_start && !std::isupper(u)) capitalised = false;
    }
    word_start = c == ' ';
  }
  if (letters < 2) return "";
  if (upper == letters || (allow_capitalised && capitalised)) return std::string(name);
  return "";
}

// Applies one English descriptor word ("singer-actress", "K-pop", "idol-turned-actor").
// Returns 2 when it named a kind, 1 for a modifier that may stand in a descriptor
// run ("former", "K-pop", "and"), 0 for any other word.
int ApplyEnglishWord(std::string_view word, LearnedFacts* f) {
  static const std::array<std::string_view, 9> kSinger = {"singer",     "singers",    "vocalist",
                                                          "songstress", "balladeer",  "soloist",
                                                          "crooner",    "songwriter", "musician"};
  static const std::array<std::string_view, 5> kActor = {"actor", "actress", "actors", "actresses",
                                                         "thespian"};
  static const std::array<std::string_view, 28> kModifier = {
      "a",      "an",      "the",    "and",      "&",      "k",       "pop",
      "kpop",   "popular", "rookie", "former",   "solo",   "veteran", "top",
      "famous", "young",   "rising", "talented", "star",   "girl",    "boy",
      "group",  "band",    "turned", "multi",    "korean", "beloved", "fellow"};
  auto in = [](std::string_view w, auto& list) {
    for (std::string_view x : list) {
      if (w == x) return true;
    }
    return false;
  };
  const std::string lower = Lower(StripTrailingPunctuation(word));
  if (lower.empty()) return 0;
  LearnedFacts parts;
  bool kind = false;
  size_t start = 0;
  while (start <= lower.size()) {
    size_t dash = lower.find('-', start);
    if (dash == std::string::npos) dash = lower.size();
    const std::string_view part = std::string_view(lower).substr(start, dash - start);
    if (in(part, kSinger)) {
      parts.singer = kind = true;
    } else if (in(part, kActor)) {
      parts.actor = kind = true;
    } else if (part == "rapper" || part == "rappers") {
      parts.rapper = kind = true;
    } else if (part == "idol" || part == "idols") {
      parts.idol = kind = true;
    } else if (!in(part, kModifier)) {
      return 0;
    }
    start = dash + 1;
  }
  MergeLearnedFacts(parts, f);
  return kind ? 2 : 1;
}

// "LUMINA member", "Red Velvet members": the group before "member" at words[0..end).
std::string GroupBeforeMember(const std::vector<std::string_view>& words, size_t end,
                              const Gazetteer& gaz) {
  std::string best;
  for (size_t n = 1; n <= 3 && n <= end; ++n) {
    const std::string_view w = words[end - n];
    if (EndsWithPunctuation(w) && !EndsWith(w, "'")) break;  // "Girls' Generation" keeps going
    LearnedFacts ignored;
    const std::string lower = Lower(w);
    if (ApplyEnglishWord(w, &ignored) != 0 || lower == "cast" || lower == "crew" ||
        lower == "staff" || lower == "team" || lower == "family" || lower == "original") {
      break;  // "girl group VELORA member", "Cast member X": no group there
    }
    std::string joined;
    for (size_t k = end - n; k < end; ++k) {
      if (!joined.empty()) joined += ' ';
      joined += words[k];
    }
    if (std::string g = GroupName(joined, gaz, /*allow_capitalised=*/true); !g.empty()) best = g;
    if (!std::isupper(static_cast<unsigned char>(w[0])) &&
        !std::isdigit(static_cast<unsigned char>(w[0])))
      break;
  }
  return best;
}

void LearnEnglishBefore(std::string_view before, const Gazetteer& gaz, LearnedFacts* f) {
  std::vector<std::string_view> words = Words(before);
  if (words.empty()) return;
  size_t i = words.size();
  size_t read = 0;
  while (i > 0 && read < kMaxWords) {
    const std::string_view w = words[i - 1];
    const bool adjacent = read == 0;
    ++read;
    if (adjacent && (EndsWith(w, "'s") || EndsWith(w, "\xE2\x80\x99s"))) {
      const std::string_view stem = w.substr(0, w.size() - (EndsWith(w, "'s") ? 2 : 4));
      std::string g = GroupName(stem, gaz, /*allow_capitalised=*/false);
      if (g.empty()) return;
      f->idol = true;
      if (f->group.empty()) f->group = g;
      --i;
      continue;
    }
    if (EndsWithPunctuation(w)) return;
    const std::string lower = Lower(w);
    if (lower == "member" || lower == "members") {
      f->idol = true;
      std::string g = GroupBeforeMember(words, i - 1, gaz);
      if (!g.empty() && f->group.empty()) f->group = g;
      return;
    }
    if (ApplyEnglishWord(w, f) == 0) return;
    --i;
  }
}

void LearnEnglishAfter(std::string_view after, const Gazetteer& gaz, LearnedFacts* f) {
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < after.size() && after[i] == ' ') ++i;
  };
  skip_spaces();
  if (i < after.size() && after[i] == '(') {
    const size_t close = after.find(')', i);
    if (close == std::string_view::npos || close - i > 60) return;
    const std::string inner = TrimName(after.substr(i + 1, close - i - 1));
    bool hangul_only = ContainsHangul(inner);
    for (size_t k = 0; k < inner.size() && hangul_only; ++k) {
      const auto u = static_cast<unsigned char>(inner[k]);
      if (u < 0x80 && u != ' ') hangul_only = false;
    }
    if (hangul_only) {
      if (f->native.empty()) f->native = inner;
    } else if (std::string g = GroupName(inner, gaz, false); !g.empty()) {
      f->idol = true;
      if (f->group.empty()) f->group = g;
    }
    i = close + 1;
    skip_spaces();
  }
  std::string_view rest = after.substr(i);
  if (StartsWith(rest, "of ")) {  // "Hana of LUMINA"
    std::vector<std::string_view> words = Words(rest.substr(3));
    if (!words.empty()) {
      std::string g = GroupName(StripTrailingPunctuation(words[0]), gaz, false);
      if (!g.empty()) {
        f->idol = true;
        if (f->group.empty()) f->group = g;
      }
    }
    return;
  }
  if (!StartsWith(rest, ",")) return;
  // An apposition: "Hana, a singer-actress," / "Hana, a member of LUMINA," — with an
  // article, or ending the clause (so "A, actress B and C" teaches nothing about A).
  std::vector<std::string_view> words = Words(rest.substr(1));
  LearnedFacts found;
  bool article = false, closed = false, any = false;
  for (size_t k = 0; k < words.size() && k < kMaxWords; ++k) {
    const std::string_view w = words[k];
    const std::string lower = Lower(StripTrailingPunctuation(w));
    if (k == 0 && (lower == "a" || lower == "an" || lower == "the")) {
      article = true;
      continue;
    }
    if ((lower == "member" || lower == "members") && k + 1 < words.size() &&
        Lower(words[k + 1]) == "of") {
      std::string joined;
      for (size_t n = k + 2; n < words.size() && n < k + 5; ++n) {
        if (!joined.empty()) joined += ' ';
        joined += StripTrailingPunctuation(words[n]);
        if (std::string g = GroupName(joined, gaz, true); !g.empty()) {
          found.idol = true;
          found.group = g;
        }
        if (EndsWithPunctuation(words[n])) break;
      }
      any = found.idol;
      closed = true;
      break;
    }
    const int kind = ApplyEnglishWord(w, &found);
    if (kind == 0) break;
    if (kind == 2) any = true;
    if (EndsWithPunctuation(w) || k + 1 == words.size()) {
      closed = true;
      break;
    }
  }
  if (any && (article || closed)) MergeLearnedFacts(found, f);
}

bool InList(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

bool KoreanGroupNoun(std::string_view w) {
  return InList(w, {"그룹", "걸그룹", "보이그룹", "아이돌그룹", "밴드", "아이돌"});
}

// A group named in Korean text before 멤버 or after 그룹: its gazetteer display name,
// else the word as written (any script).
std::string KoreanGroup(std::string_view w, const Gazetteer& gaz) {
  if (w.empty() || w.size() > 40) return "";
  if (auto g = gaz.FindGroup(w)) return *g;
  return std::string(w);
}

void LearnKoreanBefore(std::string_view before, const Gazetteer& gaz, LearnedFacts* f) {
  std::vector<std::string_view> words = Words(before);
  size_t i = words.size();
  size_t read = 0;
  while (i > 0 && read < kMaxWords) {
    std::string_view w = words[i - 1];
    const bool adjacent = read == 0;
    ++read;
    if (EndsWithPunctuation(w)) return;
    if (adjacent && EndsWith(w, "의") && w.size() > 3) {  // "LUMINA의 하나"
      const std::string_view stem = w.substr(0, w.size() - 3);
      const bool after_noun = i >= 2 && KoreanGroupNoun(words[i - 2]);
      std::string g = after_noun ? KoreanGroup(stem, gaz) : GroupName(stem, gaz, false);
      if (g.empty()) return;
      f->idol = true;
      if (f->group.empty()) f->group = g;
      --i;
      continue;
    }
    if (EndsWith(w, "겸")) w.remove_suffix(3);  // "가수겸 배우", "가수 겸 배우"
    if (w.empty()) {
      --i;
      continue;
    }
    if (InList(w, {"배우", "여배우", "남배우", "연기자", "배우인", "신인배우", "주연배우",
                   "중견배우", "아역배우", "영화배우"})) {
      f->actor = true;
    } else if (InList(w, {"가수", "가수인", "솔로가수", "신인가수", "트로트가수", "보컬리스트",
                          "싱어송라이터", "발라더", "뮤지션", "솔로"})) {
      f->singer = true;
    } else if (InList(w, {"래퍼", "래퍼인"})) {
      f->rapper = true;
    } else if (InList(w, {"멤버", "멤버인"})) {  // "그룹 G 멤버 X", "G 멤버 X", "G의 멤버 X"
      f->idol = true;
      if (i >= 2 && !EndsWithPunctuation(words[i - 2]) && !KoreanGroupNoun(words[i - 2])) {
        std::string_view g = words[i - 2];
        if (EndsWith(g, "의") && g.size() > 3) g.remove_suffix(3);
        if (f->group.empty()) f->group = KoreanGroup(g, gaz);
        --i;
      }
    } else if (KoreanGroupNoun(w)) {
      if (w == "아이돌") f->idol = true;
    } else if (adjacent && i >= 2 && KoreanGroupNoun(words[i - 2])) {  // "그룹 G X"
      f->idol = true;
      if (f->group.empty()) f->group = KoreanGroup(w, gaz);
    } else if (!InList(w, {"신인", "인기", "출신"})) {
      return;
    }
    --i;
  }
}

// The start of the window of `n` bytes ending at `end`, on a UTF-8 boundary.
size_t WindowStart(std::string_view s, size_t end, size_t n) {
  size_t b = end > n ? end - n : 0;
  while (b < end && IsUtf8Continuation(s[b])) ++b;
  return b;
}

}  // namespace

LearnedFacts LearnFactsAbout(std::string_view sentence, const Mention& m, std::string_view lang,
                             const Gazetteer& gazetteer) {
  LearnedFacts f;
  if (m.kind != MentionKind::kPerson || m.begin > m.end || m.end > sentence.size()) return f;
  if (!m.group.empty()) {
    f.idol = true;
    f.group = m.group;
  }
  const size_t b = WindowStart(sentence, m.begin, kWindowBytes);
  const std::string_view before = sentence.substr(b, m.begin - b);
  size_t e = std::min(sentence.size(), m.end + kWindowBytes);
  while (e > m.end && e < sentence.size() && IsUtf8Continuation(sentence[e])) --e;
  const std::string_view after = sentence.substr(m.end, e - m.end);
  if (lang == "ko") {
    LearnKoreanBefore(before, gazetteer, &f);
  } else {
    LearnEnglishBefore(before, gazetteer, &f);
    LearnEnglishAfter(after, gazetteer, &f);
  }
  return f;
}

}  // namespace hallyu
