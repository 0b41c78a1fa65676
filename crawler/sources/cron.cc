#include "crawler/sources/cron.h"

#include <array>
#include <cctype>
#include <vector>

#include "extractors/text/datetime.h"

namespace hallyu {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(
        s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

bool ParseValue(std::string_view s, int lo, int hi, const std::array<std::string_view, 12>* names,
                int name_base, int* out) {
  if (s.empty()) return false;
  if (names != nullptr && std::isalpha(static_cast<unsigned char>(s[0])) != 0) {
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (size_t i = 0; i < names->size(); ++i) {
      if (!(*names)[i].empty() && lower == (*names)[i]) {
        *out = static_cast<int>(i) + name_base;
        return true;
      }
    }
    return false;
  }
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
    if (v > 1000) return false;
  }
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

// Sets bits [lo, hi] of one field; returns false on a syntax error.
template <size_t N>
bool ParseField(std::string_view field, int lo, int hi,
                const std::array<std::string_view, 12>* names, int name_base, std::bitset<N>& bits,
                bool* restricted) {
  *restricted = field != "*" && field != "?";
  for (std::string_view part : Split(field, ',')) {
    int step = 1;
    if (size_t slash = part.find('/'); slash != std::string_view::npos) {
      if (!ParseValue(part.substr(slash + 1), 1, hi, nullptr, 0, &step)) return false;
      part = part.substr(0, slash);
    }
    int a = lo;
    int b = hi;
    if (part == "*" || part == "?") {
      // full range
    } else if (size_t dash = part.find('-'); dash != std::string_view::npos) {
      if (!ParseValue(part.substr(0, dash), lo, hi, names, name_base, &a) ||
          !ParseValue(part.substr(dash + 1), lo, hi, names, name_base, &b) || a > b) {
        return false;
      }
    } else {
      if (!ParseValue(part, lo, hi, names, name_base, &a)) return false;
      if (step == 1) b = a;
    }
    for (int v = a; v <= b; v += step) bits.set(static_cast<size_t>(v));
  }
  return true;
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 12> kDays = {"sun", "mon", "tue", "wed", "thu", "fri",
                                                    "sat", "",    "",    "",    "",    ""};

}  // namespace

Result<CronSchedule> CronSchedule::Parse(std::string_view expr) {
  std::string e(expr);
  while (!e.empty() && std::isspace(static_cast<unsigned char>(e.back())) != 0) e.pop_back();
  while (!e.empty() && std::isspace(static_cast<unsigned char>(e.front())) != 0) e.erase(0, 1);
  std::string expanded = e;
  if (e == "@hourly") expanded = "0 * * * *";
  if (e == "@daily" || e == "@midnight") expanded = "0 0 * * *";
  if (e == "@weekly") expanded = "0 0 * * 0";
  if (e == "@monthly") expanded = "0 0 1 * *";
  if (e == "@yearly" || e == "@annually") expanded = "0 0 1 1 *";
  std::vector<std::string_view> fields;
  std::string_view rest = expanded;
  while (!rest.empty()) {
    size_t start = rest.find_first_not_of(" \t");
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    size_t end = rest.find_first_of(" \t");
    fields.push_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end);
  }
  if (fields.size() != 5) {
    return InvalidArgument("cron '" + e + "': want 5 fields (minute hour day month weekday), got " +
                           std::to_string(fields.size()));
  }
  CronSchedule c;
  c.expr_ = e;
  bool r;
  std::bitset<8> dow;
  if (!ParseField(fields[0], 0, 59, nullptr, 0, c.minutes_, &r)) {
    return InvalidArgument("cron '" + e + "': bad minute field '" + std::string(fields[0]) + "'");
  }
  if (!ParseField(fields[1], 0, 23, nullptr, 0, c.hours_, &r)) {
    return InvalidArgument("cron '" + e + "': bad hour field '" + std::string(fields[1]) + "'");
  }
  if (!ParseField(fields[2], 1, 31, nullptr, 0, c.days_, &c.dom_restricted_)) {
    return InvalidArgument("cron '" + e + "': bad day-of-month field '" + std::string(fields[2]) +
                           "'");
  }
  if (!ParseField(fields[3], 1, 12, &kMonths, 1, c.months_, &r)) {
    return InvalidArgument("cron '" + e + "': bad month field '" + std::string(fields[3]) + "'");
  }
  if (!ParseField(fields[4], 0, 7, &kDays, 0, dow, &c.dow_restricted_)) {
    return InvalidArgument("cron '" + e + "': bad day-of-week field '" + std::string(fields[4]) +
                           "'");
  }
  for (int d = 0; d < 7; ++d) c.weekdays_[static_cast<size_t>(d)] = dow[static_cast<size_t>(d)];
  if (dow[7]) c.weekdays_.set(0);
  return c;
}

int64_t CronSchedule::Next(int64_t after_unix, int offset_minutes) const {
  const int64_t off = static_cast<int64_t>(offset_minutes) * 60;
  int64_t t = after_unix + off;  // local wall-clock seconds
  t = (t >= 0 ? t / 60 : (t - 59) / 60) * 60 + 60;
  const int64_t limit = t + 5 * 366 * 86400LL;
  while (t < limit) {
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int64_t sod = t - days * 86400;
    CivilDate d = CivilFromDays(days);
    int weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
    bool dom_ok = days_[static_cast<size_t>(d.day)];
    bool dow_ok = weekdays_[static_cast<size_t>(weekday)];
    bool day_ok = (dom_restricted_ && dow_restricted_) ? (dom_ok || dow_ok) : (dom_ok && dow_ok);
    if (!months_[static_cast<size_t>(d.month)] || !day_ok) {
      t = (days + 1) * 86400;
      continue;
    }
    int hour = static_cast<int>(sod / 3600);
    if (!hours_[static_cast<size_t>(hour)]) {
      t = days * 86400 + (hour + 1) * 3600;
      continue;
    }
    int minute = static_cast<int>(sod / 60 % 60);
    if (!minutes_[static_cast<size_t>(minute)]) {
      t += 60;
      continue;
    }
    return t - off;
  }
  return -1;
}

}  // namespace hallyu
