#include "extractors/html/article_dates.h"

#include <re2/re2.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace hallyu::internal {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int ToInt(const std::string& s) { return s.empty() ? 0 : std::atoi(s.c_str()); }

// Offset in minutes for a zone token, or nullopt for none/unknown.
std::optional<int> ZoneOffset(const std::string& z) {
  if (z.empty()) return std::nullopt;
  if (z == "Z" || z == "GMT" || z == "UTC") return 0;
  if (z == "KST") return 540;
  if (z == "JST") return 540;
  if (z == "EST") return -300;
  if (z == "EDT") return -240;
  if (z == "PST") return -480;
  if (z == "PDT") return -420;
  if (z[0] == '+' || z[0] == '-') {
    std::string digits;
    for (char c : z) {
      if (c >= '0' && c <= '9') digits.push_back(c);
    }
    if (digits.size() != 4) return std::nullopt;
    const int minutes = ToInt(digits.substr(0, 2)) * 60 + ToInt(digits.substr(2, 2));
    return z[0] == '-' ? -minutes : minutes;
  }
  return std::nullopt;
}

int MonthFromName(const std::string& name) {
  static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string l;
  for (std::size_t i = 0; i < 3; ++i) l.push_back(static_cast<char>(std::tolower(name[i])));
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (l == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::optional<std::int64_t> Compose(int y, int mo, int d, int h, int mi, int s,
                                    const std::string& ampm, const std::string& zone,
                                    int default_offset) {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  if (!ampm.empty()) {
    const bool pm = ampm == "오후" || ampm[0] == 'P' || ampm[0] == 'p';
    if (h == 12) h = 0;
    if (pm) h += 12;
  }
  if (h > 23 || mi > 59 || s > 60) return std::nullopt;
  const int offset = ZoneOffset(zone).value_or(default_offset);
  const std::int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return days * 86400 + h * 3600 + mi * 60 + s - static_cast<std::int64_t>(offset) * 60;
}

const char kTime[] =
    R"((?:\s*(?:T|,|-|at|\|)?\s*(?:(오전|오후|AM|PM|am|pm)\s*)?(\d{1,2})\s*[:시]\s*(\d{1,2})(?:\s*[:분]\s*(\d{1,2}))?(?:\.\d+)?\s*(?:초)?\s*(AM|PM|am|pm|a\.m\.|p\.m\.)?\s*(Z|[+-]\d{2}:?\d{2}|KST|GMT|UTC|JST|EST|EDT|PST|PDT)?)?)";

const RE2& NumericRe() {
  static const RE2 re(
      std::string(
          R"((\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?(?:\s*\(\S{1,9}\))?)") +
      kTime);
  return re;
}
const RE2& MonthFirstRe() {
  static const RE2 re(
      std::string(
          R"(\b((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))") +
      kTime);
  return re;
}
const RE2& DayFirstRe() {
  static const RE2 re(
      std::string(
          R"(\b(\d{1,2})\s+((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?,?\s+(\d{4}))") +
      kTime);
  return re;
}
const RE2& CompactRe() {
  static const RE2 re(R"(\b(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?\b)");
  return re;
}

struct Match {
  std::size_t pos = std::string_view::npos;
  std::optional<std::int64_t> value;
};

Match FirstDate(std::string_view text, int default_offset) {
  Match best;
  if (text.size() > 4096) text = text.substr(0, 4096);
  re2::StringPiece input(text.data(), text.size());
  auto consider = [&](std::size_t pos, std::optional<std::int64_t> v) {
    if (v && pos < best.pos) {
      best.pos = pos;
      best.value = v;
    }
  };
  {
    std::string y, mo, d, ap1, h, mi, s, ap2, z;
    re2::StringPiece whole;
    static const RE2 wrapped("(" + NumericRe().pattern() + ")");
    if (RE2::PartialMatch(input, wrapped, &whole, &y, &mo, &d, &ap1, &h, &mi, &s, &ap2, &z)) {
      const std::string ampm = !ap1.empty() ? ap1 : ap2;
      consider(static_cast<std::size_t>(whole.data() - text.data()),
               Compose(ToInt(y), ToInt(mo), ToInt(d), ToInt(h), ToInt(mi), ToInt(s), ampm, z,
                       default_offset));
    }
  }
  {
    std::string mon, d, y, ap1, h, mi, s, ap2, z;
    re2::StringPiece whole;
    static const RE2 wrapped("(" + MonthFirstRe().pattern() + ")");
    if (RE2::PartialMatch(input, wrapped, &whole, &mon, &d, &y, &ap1, &h, &mi, &s, &ap2, &z)) {
      consider(static_cast<std::size_t>(whole.data() - text.data()),
               Compose(ToInt(y), MonthFromName(mon), ToInt(d), ToInt(h), ToInt(mi), ToInt(s),
                       !ap1.empty() ? ap1 : ap2, z, default_offset));
    }
  }
  {
    std::string d, mon, y, ap1, h, mi, s, ap2, z;
    re2::StringPiece whole;
    static const RE2 wrapped("(" + DayFirstRe().pattern() + ")");
    if (RE2::PartialMatch(input, wrapped, &whole, &d, &mon, &y, &ap1, &h, &mi, &s, &ap2, &z)) {
      consider(static_cast<std::size_t>(whole.data() - text.data()),
               Compose(ToInt(y), MonthFromName(mon), ToInt(d), ToInt(h), ToInt(mi), ToInt(s),
                       !ap1.empty() ? ap1 : ap2, z, default_offset));
    }
  }
  if (!best.value) {
    std::string y, mo, d, h, mi, s;
    re2::StringPiece whole;
    static const RE2 wrapped("(" + CompactRe().pattern() + ")");
    if (RE2::PartialMatch(input, wrapped, &whole, &y, &mo, &d, &h, &mi, &s)) {
      consider(static_cast<std::size_t>(whole.data() - text.data()),
               Compose(ToInt(y), ToInt(mo), ToInt(d), ToInt(h), ToInt(mi), ToInt(s), "", "",
                       default_offset));
    }
  }
  return best;
}

}  // namespace

std::optional<std::int64_t> ParseDateTime(std::string_view text, int default_offset_minutes) {
  return FirstDate(text, default_offset_minutes).value;
}

std::string FormatRfc3339Utc(std::int64_t t) {
  std::int64_t days = t / 86400;
  std::int64_t rem = t % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  // civil_from_days
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  return buf;
}

std::optional<std::int64_t> DateFromUrl(std::string_view url, int default_offset_minutes) {
  static const RE2 slashed(R"(/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-|_))");
  static const RE2 compact(R"(/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$|-|_|\d))");
  std::string y, m, d;
  re2::StringPiece in(url.data(), url.size());
  if (RE2::PartialMatch(in, slashed, &y, &m, &d) || RE2::PartialMatch(in, compact, &y, &m, &d)) {
    return Compose(ToInt(y), ToInt(m), ToInt(d), 0, 0, 0, "", "", default_offset_minutes);
  }
  return std::nullopt;
}

LabelledDates FindLabelledDates(std::string_view text, int default_offset_minutes) {
  LabelledDates out;
  struct Label {
    std::string_view word;
    bool updated;
  };
  static constexpr std::array<Label, 20> kLabels = {{
      {"최종수정", true},   {"수정", true},    {"업데이트", true},   {"Updated", true},
      {"UPDATED", true},    {"updated", true}, {"Modified", true},   {"Last modified", true},
      {"기사입력", false},  {"입력", false},   {"등록", false},      {"승인", false},
      {"게재", false},      {"발행", false},   {"Published", false}, {"PUBLISHED", false},
      {"published", false}, {"Posted", false}, {"posted", false},    {"Created", false},
  }};
  std::size_t best_pub = std::string_view::npos;
  std::size_t best_upd = std::string_view::npos;
  for (const Label& label : kLabels) {
    std::size_t pos = 0;
    for (int guard = 0; guard < 8; ++guard) {
      pos = text.find(label.word, pos);
      if (pos == std::string_view::npos) break;
      const std::size_t after = pos + label.word.size();
      std::string_view tail = text.substr(after, 60);
      // Only a date right after the label (after ':', spaces, "on", "at").
      Match m = FirstDate(tail, default_offset_minutes);
      if (m.value && m.pos <= 8) {
        if (label.updated && pos < best_upd) {
          best_upd = pos;
          out.updated = m.value;
        } else if (!label.updated && pos < best_pub) {
          // "수정" contains no "입력"; "기사입력" contains "입력" at the same date.
          best_pub = pos;
          out.published = m.value;
        }
      }
      pos = after;
    }
  }
  return out;
}

}  // namespace hallyu::internal
