#pragma once
// Date/time parsing for feeds, sitemaps, social posts and article pages.
//
// Accepts the forms seen in the wild and normalises them to UTC:
//   - RFC 822 / 1123 / 2822 ("Wed, 01 May 2024 15:20:00 +0900", named zones GMT, UT,
//     UTC, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT, KST, JST, CET/CEST, BST, HKT, SGT, ...),
//     with or without weekday, 2- or 4-digit years, obsolete "-0000";
//   - RFC 3339 / ISO 8601 ("2024-05-01T15:20:00.123+09:00", "...Z", without zone,
//     date only, compact "20240501T152000Z");
//   - broken forms ("2024-05-01 15:20:00 +0900", "May 1, 2024 3:20 PM EDT",
//     "01-May-2024", "05/01/2024", asctime "Wed May  1 15:20:00 2024", "GMT+9");
//   - Korean forms ("2024.05.01 15:20", "2024. 5. 1. 오후 3:20:00", "2024-05-01 오후 3:20",
//     "2024년 5월 1일 15시 20분", "24.05.01", "2024.05.01(수) 15:20", labels such as
//     "입력 2024.05.01 15:20" are skipped).
// When the text names no zone, the caller's default offset applies (KST, +09:00, for
// Korean sites). Civil-date arithmetic is our own: nothing depends on the process TZ.
// Fractional seconds are accepted and truncated.

#include <cstdint>
#include <string>
#include <string_view>

#include "extractors/base/status.h"

namespace hallyu {

// Offsets in minutes east of UTC.
inline constexpr int kUtcOffsetMinutes = 0;
inline constexpr int kKstOffsetMinutes = 9 * 60;

struct DateTimeParseOptions {
  // Zone assumed when the text carries none, in minutes east of UTC. Default 0 (UTC);
  // use kKstOffsetMinutes for Korean sites.
  int default_offset_minutes = kUtcOffsetMinutes;
  // Longest text accepted, in bytes. Default 256. Longer input is an error.
  size_t max_length = 256;
};

// Parses `text` and returns seconds since the Unix epoch (UTC). A date without a
// time means 00:00 in the text's zone (or the default zone).
// Returns kParse with a message naming the problem for garbage, an impossible date
// (month 13, 31 April, hour 25), a missing year, or text longer than max_length.
Result<int64_t> ParseDateTime(std::string_view text, const DateTimeParseOptions& options = {});

// Formats `unix_seconds` as RFC 3339 in UTC: "2024-05-01T06:20:00Z".
std::string FormatRfc3339(int64_t unix_seconds);

// ParseDateTime then FormatRfc3339. Same errors as ParseDateTime.
Result<std::string> NormalizeDateTime(std::string_view text,
                                      const DateTimeParseOptions& options = {});

// Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1..12, d 1..31).
int64_t DaysFromCivil(int64_t y, int m, int d);

// The proleptic Gregorian date of `days` since 1970-01-01.
struct CivilDate {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};
CivilDate CivilFromDays(int64_t days);

// Number of days in month `m` (1..12) of year `y`; 0 for a month out of range.
int DaysInMonth(int64_t y, int m);

}  // namespace hallyu
