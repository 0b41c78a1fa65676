#pragma once
// A small 5-field cron expression: "minute hour day-of-month month day-of-week".
// Supports '*', numbers, ranges "1-5", steps "*/15" and "10-50/10", lists "1,15,30",
// month names (jan..dec), weekday names (sun..sat, 0 or 7 = Sunday), and the
// shorthands @hourly, @daily (@midnight), @weekly, @monthly, @yearly (@annually).
// As in Vixie cron, when both day-of-month and day-of-week are restricted, a day
// matching either one matches.

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractors/base/status.h"

namespace hallyu {

class CronSchedule {
 public:
  // Parses `expr`; returns kInvalidArgument naming the bad field for anything else.
  static Result<CronSchedule> Parse(std::string_view expr);

  // The first minute strictly after `after_unix` (seconds since the epoch) that
  // matches, evaluated in the zone `offset_minutes` east of UTC. Returns -1 when no
  // time matches within 5 years (e.g. "0 0 30 2 *").
  int64_t Next(int64_t after_unix, int offset_minutes = 0) const;

  const std::string& expression() const { return expr_; }

 private:
  std::string expr_;
  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_;     // 1..31
  std::bitset<13> months_;   // 1..12
  std::bitset<7> weekdays_;  // 0 = Sunday
  bool dom_restricted_ = false;
  bool dow_restricted_ = false;
};

}  // namespace hallyu
