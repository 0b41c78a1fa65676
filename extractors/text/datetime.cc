#include "extractors/text/datetime.h"

#include <array>
#include <cstdio>
#include <optional>
#include <vector>

namespace hallyu {
namespace {

enum class Kind { kNum, kWord, kKorean, kSep };

// Korean markers recognised inside dates.
enum class Ko { kNone, kYear, kMonth, kDay, kHour, kMinute, kSecond, kAm, kPm, kOther };

struct Token {
  Kind kind;
  std::string_view text;  // points into the parsed input
  int64_t value = 0;      // kNum: value (saturated), kSep: the char
  int digits = 0;         // kNum: number of digits
  Ko ko = Ko::kNone;      // kKorean
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

Ko ClassifyKorean(std::string_view s) {
  if (s == "년") return Ko::kYear;
  if (s == "월") return Ko::kMonth;
  if (s == "일") return Ko::kDay;
  if (s == "시") return Ko::kHour;
  if (s == "분") return Ko::kMinute;
  if (s == "초") return Ko::kSecond;
  if (s == "오전") return Ko::kAm;
  if (s == "오후") return Ko::kPm;
  return Ko::kOther;
}

// Splits `s` into numbers, ASCII words, non-ASCII runs and single punctuation marks.
// Whitespace (and U+00A0) separates tokens and is dropped. Parenthesised groups are
// kept as their inner tokens (the parser skips what it does not know).
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 2;  // no-break space
      continue;
    }
    size_t start = i;
    if (IsDigit(static_cast<char>(c))) {
      int64_t v = 0;
      int digits = 0;
      while (i < s.size() && IsDigit(s[i])) {
        if (v < 1'000'000'000'000'000LL) v = v * 10 + (s[i] - '0');
        ++digits;
        ++i;
      }
      out.push_back({Kind::kNum, s.substr(start, i - start), v, digits});
    } else if (IsAlpha(static_cast<char>(c))) {
      while (i < s.size() && IsAlpha(s[i])) ++i;
      out.push_back({Kind::kWord, s.substr(start, i - start)});
    } else if (c >= 0x80) {
      // A run of non-ASCII characters, excluding U+00A0.
      while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) {
        if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
            static_cast<unsigned char>(s[i + 1]) == 0xA0) {
          break;
        }
        ++i;
      }
      std::string_view run = s.substr(start, i - start);
      Token t{Kind::kKorean, run};
      t.ko = ClassifyKorean(run);
      out.push_back(t);
    } else {
      ++i;
      Token t{Kind::kSep, s.substr(start, 1)};
      t.value = c;
      out.push_back(t);
    }
  }
  return out;
}

int MonthFromWord(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    if (EqualsIgnoreCase(w, kFull[m]) || EqualsIgnoreCase(w, kFull[m].substr(0, 3))) return m + 1;
  }
  if (EqualsIgnoreCase(w, "sept")) return 9;
  return 0;
}

bool IsWeekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kFull = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view d : kFull) {
    if (EqualsIgnoreCase(w, d) || EqualsIgnoreCase(w, d.substr(0, 3))) return true;
  }
  return EqualsIgnoreCase(w, "tues") || EqualsIgnoreCase(w, "thur") ||
         EqualsIgnoreCase(w, "thurs") || EqualsIgnoreCase(w, "weds");
}

// Named zones, minutes east of UTC.
std::optional<int> ZoneFromWord(std::string_view w) {
  struct Zone {
    std::string_view name;
    int offset;
  };
  static constexpr Zone kZones[] = {
      {"z", 0},      {"ut", 0},     {"utc", 0},     {"gmt", 0},     {"wet", 0},    {"bst", 60},
      {"cet", 60},   {"cest", 120}, {"eet", 120},   {"eest", 180},  {"msk", 180},  {"ist", 330},
      {"ict", 420},  {"wib", 420},  {"hkt", 480},   {"sgt", 480},   {"pht", 480},  {"awst", 480},
      {"kst", 540},  {"jst", 540},  {"aest", 600},  {"aedt", 660},  {"nzst", 720}, {"nzdt", 780},
      {"est", -300}, {"edt", -240}, {"cst", -360},  {"cdt", -300},  {"mst", -420}, {"mdt", -360},
      {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"ast", -240},
      {"adt", -180},
  };
  for (const Zone& z : kZones) {
    if (EqualsIgnoreCase(w, z.name)) return z.offset;
  }
  return std::nullopt;
}

// Words that may surround a date without changing it ("Posted on May 1 at 3 PM").
bool IsNoiseWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"t",      "at",        "on",      "of",
                                                "posted", "published", "updated", "modified",
                                                "date",   "time",      "am",      "pm"};
  for (std::string_view n : kWords) {
    if (EqualsIgnoreCase(w, n)) return true;
  }
  return false;
}

bool IsOrdinalSuffix(std::string_view w) {
  return EqualsIgnoreCase(w, "st") || EqualsIgnoreCase(w, "nd") || EqualsIgnoreCase(w, "rd") ||
         EqualsIgnoreCase(w, "th");
}

struct Fields {
  int64_t year = -1;
  int month = -1;
  int day = -1;
  int hour = -1;
  int minute = 0;
  int second = 0;
  int ampm = 0;  // 0 none, 1 am, 2 pm
  std::optional<int> offset;
  bool date_done = false;  // a full date pattern was matched
};

int64_t ExpandYear(const Token& t) {
  if (t.digits <= 2) return t.value < 70 ? 2000 + t.value : 1900 + t.value;
  if (t.digits == 3) return 1900 + t.value;  // RFC 2822 obsolete 3-digit years
  return t.value;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : t_(std::move(toks)) {}

  Status Run(Fields& f) {
    size_t guard = 0;
    while (i_ < t_.size()) {
      if (++guard > 4 * t_.size() + 8) return ParseError("date parser made no progress");
      size_t before = i_;
      if (!f.date_done && MatchDate(f)) continue;
      if (f.hour < 0 && MatchTime(f)) continue;
      if (MatchKoreanUnit(f)) continue;
      if (MatchZone(f)) continue;
      if (MatchAmPm(f)) continue;
      if (f.date_done && f.year < 0 && Is(i_, Kind::kNum) && t_[i_].digits == 4) {
        f.year = t_[i_].value;  // asctime: year after the time
        ++i_;
        continue;
      }
      if (SkipNoise()) continue;
      if (i_ == before) {
        return ParseError("unexpected '" + std::string(t_[i_].text) + "'");
      }
    }
    return Status::Ok();
  }

 private:
  bool Is(size_t k, Kind kind) const { return k < t_.size() && t_[k].kind == kind; }
  bool IsSep(size_t k, char c) const { return Is(k, Kind::kSep) && t_[k].value == c; }
  bool IsDateSep(size_t k) const { return IsSep(k, '-') || IsSep(k, '/') || IsSep(k, '.'); }
  bool IsNum(size_t k, int min_digits, int max_digits) const {
    return Is(k, Kind::kNum) && t_[k].digits >= min_digits && t_[k].digits <= max_digits;
  }
  int MonthAt(size_t k) const { return Is(k, Kind::kWord) ? MonthFromWord(t_[k].text) : 0; }

  bool MatchDate(Fields& f) {
    size_t k = i_;
    // YYYYMMDD, YYYYMMDDHHMMSS (compact ISO 8601).
    if (IsNum(k, 8, 8) || IsNum(k, 14, 14)) {
      int64_t v = t_[k].value;
      if (t_[k].digits == 14) {
        f.second = static_cast<int>(v % 100);
        f.minute = static_cast<int>(v / 100 % 100);
        f.hour = static_cast<int>(v / 10000 % 100);
        v /= 1000000;
      }
      f.day = static_cast<int>(v % 100);
      f.month = static_cast<int>(v / 100 % 100);
      f.year = v / 10000;
      f.date_done = true;
      i_ = k + 1;
      return true;
    }
    // YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD (+ optional trailing '.').
    if (IsNum(k, 4, 4) && IsDateSep(k + 1) && IsNum(k + 2, 1, 2) && IsDateSep(k + 3) &&
        IsNum(k + 4, 1, 2)) {
      f.year = t_[k].value;
      f.month = static_cast<int>(t_[k + 2].value);
      f.day = static_cast<int>(t_[k + 4].value);
      f.date_done = true;
      i_ = k + 5;
      return true;
    }
    // NN?NN?NN(NN): Korean YY.MM.DD, US MM/DD/YYYY, European DD.MM.YYYY.
    if (IsNum(k, 1, 2) && IsDateSep(k + 1) && IsNum(k + 2, 1, 2) && IsDateSep(k + 3) &&
        (IsNum(k + 4, 1, 2) || IsNum(k + 4, 4, 4))) {
      int a = static_cast<int>(t_[k].value);
      int b = static_cast<int>(t_[k + 2].value);
      const Token& c = t_[k + 4];
      if (c.digits == 4) {
        f.year = c.value;
        if (a > 12 || t_[k + 1].value == '.') {  // day first
          f.day = a;
          f.month = b;
        } else {  // US month first
          f.month = a;
          f.day = b;
        }
      } else {
        f.year = ExpandYear(t_[k]);  // YY.MM.DD
        f.month = b;
        f.day = static_cast<int>(c.value);
      }
      f.date_done = true;
      i_ = k + 5;
      return true;
    }
    // D Mon YYYY, D-Mon-YYYY (RFC 822 and friends).
    if (IsNum(k, 1, 2)) {
      size_t m = k + 1;
      if (IsSep(m, '-') || IsSep(m, '.')) ++m;
      if (int month = MonthAt(m); month > 0) {
        size_t y = m + 1;
        if (IsSep(y, '-') || IsSep(y, ',') || IsSep(y, '.')) ++y;
        if (IsNum(y, 2, 4)) {
          f.day = static_cast<int>(t_[k].value);
          f.month = month;
          f.year = ExpandYear(t_[y]);
          f.date_done = true;
          i_ = y + 1;
          return true;
        }
      }
    }
    // Mon D[st][,] [YYYY]  ("May 1, 2024", asctime "May  1 15:20:00 2024").
    if (int month = MonthAt(k); month > 0 && IsNum(k + 1, 1, 2)) {
      size_t y = k + 2;
      if (Is(y, Kind::kWord) && IsOrdinalSuffix(t_[y].text)) ++y;
      if (IsSep(y, ',') || IsSep(y, '.')) ++y;
      // Not "May 15:20": a ':' after the number means it was an hour.
      if (IsSep(k + 2, ':')) return false;
      f.month = month;
      f.day = static_cast<int>(t_[k + 1].value);
      if (IsNum(y, 4, 4)) {
        f.year = t_[y].value;
        i_ = y + 1;
      } else {
        i_ = y;
      }
      f.date_done = true;
      return true;
    }
    return false;
  }

  bool MatchTime(Fields& f) {
    size_t k = i_;
    // Compact HHMMSS / HHMM right after a 'T'.
    if (k > 0 && Is(k - 1, Kind::kWord) && EqualsIgnoreCase(t_[k - 1].text, "t") &&
        (IsNum(k, 6, 6) || IsNum(k, 4, 4))) {
      int64_t v = t_[k].value;
      if (t_[k].digits == 6) {
        f.second = static_cast<int>(v % 100);
        v /= 100;
      }
      f.minute = static_cast<int>(v % 100);
      f.hour = static_cast<int>(v / 100);
      i_ = k + 1;
      SkipFraction();
      return true;
    }
    if (!(IsNum(k, 1, 2) && IsSep(k + 1, ':') && IsNum(k + 2, 1, 2))) return false;
    f.hour = static_cast<int>(t_[k].value);
    f.minute = static_cast<int>(t_[k + 2].value);
    i_ = k + 3;
    if (IsSep(i_, ':') && IsNum(i_ + 1, 1, 2)) {
      f.second = static_cast<int>(t_[i_ + 1].value);
      i_ += 2;
      SkipFraction();
    }
    return true;
  }

  void SkipFraction() {
    if ((IsSep(i_, '.') || IsSep(i_, ',')) && Is(i_ + 1, Kind::kNum)) i_ += 2;
  }

  bool MatchKoreanUnit(Fields& f) {
    if (!Is(i_, Kind::kNum) || !Is(i_ + 1, Kind::kKorean)) return false;
    const Token& n = t_[i_];
    switch (t_[i_ + 1].ko) {
      case Ko::kYear:
        f.year = ExpandYear(n);
        break;
      case Ko::kMonth:
        f.month = static_cast<int>(n.value);
        break;
      case Ko::kDay:
        f.day = static_cast<int>(n.value);
        break;
      case Ko::kHour:
        f.hour = static_cast<int>(n.value);
        break;
      case Ko::kMinute:
        f.minute = static_cast<int>(n.value);
        break;
      case Ko::kSecond:
        f.second = static_cast<int>(n.value);
        break;
      default:
        return false;
    }
    if (f.year >= 0 && f.month >= 0 && f.day >= 0) f.date_done = true;
    i_ += 2;
    return true;
  }

  // Reads "+HHMM", "+HH:MM", "+HH", "+H" at k; returns minutes east, advances i_.
  bool MatchOffset(size_t k, Fields& f) {
    if (!(IsSep(k, '+') || IsSep(k, '-'))) return false;
    int sign = t_[k].value == '-' ? -1 : 1;
    if (!IsNum(k + 1, 1, 4)) return false;
    const Token& n = t_[k + 1];
    int hours = 0;
    int minutes = 0;
    size_t next = k + 2;
    if (n.digits >= 3) {
      hours = static_cast<int>(n.value / 100);
      minutes = static_cast<int>(n.value % 100);
    } else {
      hours = static_cast<int>(n.value);
      if (IsSep(next, ':') && IsNum(next + 1, 2, 2)) {
        minutes = static_cast<int>(t_[next + 1].value);
        next += 2;
      }
    }
    if (hours > 14 || minutes > 59) return false;
    f.offset = sign * (hours * 60 + minutes);
    i_ = next;
    return true;
  }

  bool MatchZone(Fields& f) {
    if (Is(i_, Kind::kWord)) {
      std::optional<int> z = ZoneFromWord(t_[i_].text);
      if (!z) return false;
      size_t k = i_ + 1;
      i_ = k;
      // "GMT+9", "UTC+09:00": the explicit offset wins.
      if (MatchOffset(k, f)) return true;
      if (!f.offset) f.offset = *z;
      return true;
    }
    // Numeric offsets only once there is a time or a full date, so "-" in dates is
    // never taken for a sign.
    if ((f.date_done || f.hour >= 0) && !f.offset) return MatchOffset(i_, f);
    return false;
  }

  bool MatchAmPm(Fields& f) {
    if (Is(i_, Kind::kKorean) && (t_[i_].ko == Ko::kAm || t_[i_].ko == Ko::kPm)) {
      f.ampm = t_[i_].ko == Ko::kAm ? 1 : 2;
      ++i_;
      return true;
    }
    if (Is(i_, Kind::kWord)) {
      std::string_view w = t_[i_].text;
      if (EqualsIgnoreCase(w, "am") || EqualsIgnoreCase(w, "pm")) {
        f.ampm = EqualsIgnoreCase(w, "am") ? 1 : 2;
        ++i_;
        return true;
      }
      // "a.m." / "p.m."
      if ((EqualsIgnoreCase(w, "a") || EqualsIgnoreCase(w, "p")) && IsSep(i_ + 1, '.') &&
          Is(i_ + 2, Kind::kWord) && EqualsIgnoreCase(t_[i_ + 2].text, "m")) {
        f.ampm = EqualsIgnoreCase(w, "a") ? 1 : 2;
        i_ += 3;
        if (IsSep(i_, '.')) ++i_;
        return true;
      }
    }
    return false;
  }

  bool SkipNoise() {
    const Token& t = t_[i_];
    switch (t.kind) {
      case Kind::kSep:
        if (t.value == ',' || t.value == '.' || t.value == ':' || t.value == '(' ||
            t.value == ')' || t.value == '[' || t.value == ']' || t.value == '|' ||
            t.value == ';' || t.value == '-' || t.value == '/') {
          ++i_;
          return true;
        }
        return false;
      case Kind::kWord:
        if (IsWeekday(t.text) || IsNoiseWord(t.text) || IsOrdinalSuffix(t.text)) {
          ++i_;
          return true;
        }
        return false;
      case Kind::kKorean:
        // Labels ("입력", "기사입력", "수정"), weekdays ("수", "수요일"): skipped.
        ++i_;
        return true;
      case Kind::kNum:
        return false;
    }
    return false;
  }

  std::vector<Token> t_;
  size_t i_ = 0;
};

}  // namespace

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                   // [0, 399]
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2 ? 1 : 0), m, d};
}

int DaysInMonth(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2) {
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[m - 1];
}

Result<int64_t> ParseDateTime(std::string_view text, const DateTimeParseOptions& options) {
  if (text.size() > options.max_length) {
    return ParseError("date text too long (" + std::to_string(text.size()) + " bytes)");
  }
  std::string quoted = "'" + std::string(text) + "'";
  Fields f;
  Parser parser(Tokenize(text));
  if (Status s = parser.Run(f); !s.ok()) return s.WithContext("bad date " + quoted);
  if (f.year < 0 && f.month < 0 && f.day < 0) return ParseError("no date in " + quoted);
  if (f.year < 0) return ParseError("no year in " + quoted);
  if (f.month < 1 || f.month > 12) return ParseError("month out of range in " + quoted);
  if (f.year < 1 || f.year > 9999) return ParseError("year out of range in " + quoted);
  if (f.day < 1 || f.day > DaysInMonth(f.year, f.month)) {
    return ParseError("day out of range in " + quoted);
  }
  int hour = f.hour < 0 ? 0 : f.hour;
  if (f.ampm == 2 && hour < 12) hour += 12;
  if (f.ampm == 1 && hour == 12) hour = 0;
  if (hour > 24 || f.minute > 59 || f.second > 60 || (hour == 24 && (f.minute || f.second))) {
    return ParseError("time out of range in " + quoted);
  }
  int second = f.second == 60 ? 59 : f.second;  // leap second
  int offset = f.offset ? *f.offset : options.default_offset_minutes;
  return DaysFromCivil(f.year, f.month, f.day) * 86400 + hour * 3600 + f.minute * 60 + second -
         static_cast<int64_t>(offset) * 60;
}

std::string FormatRfc3339(int64_t unix_seconds) {
  int64_t days = unix_seconds / 86400;
  int64_t rem = unix_seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  CivilDate d = CivilFromDays(days);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ", static_cast<long long>(d.year),
                d.month, d.day, static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

Result<std::string> NormalizeDateTime(std::string_view text, const DateTimeParseOptions& options) {
  Result<int64_t> t = ParseDateTime(text, options);
  if (!t.ok()) return t.status();
  return FormatRfc3339(*t);
}

}  // namespace hallyu
