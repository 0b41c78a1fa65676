#pragma once
// When to poll each source in configs/sources.yaml.
//
// A source with a cron expression is due at its next cron time. Otherwise it runs
// every `interval`; feeds and social sources adapt: after a poll that found new
// entries the interval halves (never below min_interval), after a poll with nothing
// new (or 304 Not Modified) it grows by half (never above max_interval), and after a
// failed poll it doubles (within max_interval). Sitemaps and listings keep their
// fixed interval. Each poll's outcome and the next due time are saved in the
// SourceStateStore, so after a restart a source is due when it was going to be (and
// at once if that time passed while we were down), not refetched from scratch.
//
// Time comes from an injected Clock (crawler/ops/clock.h: SteadyClock in production,
// ManualClock in tests; its wall time is used); nothing sleeps here.
// Thread safety: not thread-safe; one owner (the crawl loop).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "crawler/ops/clock.h"
#include "crawler/sources/source_config.h"
#include "crawler/sources/source_state_store.h"
#include "extractors/base/status.h"

namespace hallyu {

// Wall-clock now of `clock` (crawler/ops/clock.h) in Unix seconds: the scheduler's time.
int64_t WallUnixSeconds(const Clock& clock);

// What one poll of a source found.
struct PollOutcome {
  size_t new_entries = 0;     // entries not seen before (or updated)
  bool not_modified = false;  // HTTP 304
  bool failed = false;        // fetch or parse failed
};

class SourceScheduler {
 public:
  // `store` may be null (no persistence). Both pointers must outlive the scheduler.
  SourceScheduler(std::vector<SourceConfig> sources, SourceStateStore* store, const Clock* clock);

  // Restores each source's schedule from the store. A source never seen before is due
  // now. Call once before DueSources(). kIo when the store fails.
  Status Restore();

  // Names of the sources due at the clock's now, earliest due first.
  std::vector<std::string> DueSources() const;

  // Earliest next due time over all sources (Unix seconds); INT64_MAX when there are
  // no sources.
  int64_t NextDueTime() const;

  // The clock's now in Unix seconds.
  int64_t Now() const { return WallUnixSeconds(*clock_); }

  // Records a finished poll of `name` at the clock's now, computes and persists its
  // next due time. kNotFound for an unknown source, kIo when the store fails.
  Status RecordPoll(const std::string& name, const PollOutcome& outcome);

  // The current schedule of `name`. REQUIRES: a configured source.
  const SourceSchedule& Schedule(const std::string& name) const;
  const std::vector<SourceConfig>& sources() const { return sources_; }
  const SourceConfig* Find(const std::string& name) const;

 private:
  int64_t FirstDue(const SourceConfig& s, int64_t now) const;

  std::vector<SourceConfig> sources_;
  SourceStateStore* store_;
  const Clock* clock_;
  std::map<std::string, SourceSchedule> schedules_;
};

}  // namespace hallyu
