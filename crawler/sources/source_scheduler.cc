#include "crawler/sources/source_scheduler.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace hallyu {

int64_t WallUnixSeconds(const Clock& clock) {
  return std::chrono::duration_cast<std::chrono::seconds>(clock.WallNow().time_since_epoch())
      .count();
}

SourceScheduler::SourceScheduler(std::vector<SourceConfig> sources, SourceStateStore* store,
                                 const Clock* clock)
    : sources_(std::move(sources)), store_(store), clock_(clock) {
  int64_t now = Now();
  for (const SourceConfig& s : sources_) {
    SourceSchedule sch;
    sch.interval_seconds = s.interval_seconds;
    sch.next_due = FirstDue(s, now);
    schedules_[s.name] = sch;
  }
}

int64_t SourceScheduler::FirstDue(const SourceConfig& s, int64_t now) const {
  // A cron source waits for its next slot; an interval source starts at once.
  if (s.cron)
    return s.cron->Next(now - 60, s.default_offset_minutes) <= now
               ? now
               : s.cron->Next(now - 1, s.default_offset_minutes);
  return now;
}

Status SourceScheduler::Restore() {
  if (store_ == nullptr) return Status::Ok();
  for (const SourceConfig& s : sources_) {
    Result<std::optional<SourceSchedule>> stored = store_->LoadSchedule(s.name);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) continue;
    SourceSchedule sch = **stored;
    // The config may have changed since: keep the interval within the new bounds.
    if (!IsAdaptiveKind(s.kind) || sch.interval_seconds <= 0) {
      sch.interval_seconds = s.interval_seconds;
    }
    sch.interval_seconds =
        std::clamp(sch.interval_seconds, s.min_interval_seconds, s.max_interval_seconds);
    schedules_[s.name] = sch;
  }
  return Status::Ok();
}

std::vector<std::string> SourceScheduler::DueSources() const {
  int64_t now = Now();
  std::vector<std::pair<int64_t, std::string>> due;
  for (const SourceConfig& s : sources_) {
    const SourceSchedule& sch = schedules_.at(s.name);
    if (sch.next_due <= now) due.emplace_back(sch.next_due, s.name);
  }
  std::sort(due.begin(), due.end());
  std::vector<std::string> out;
  out.reserve(due.size());
  for (auto& d : due) out.push_back(std::move(d.second));
  return out;
}

int64_t SourceScheduler::NextDueTime() const {
  int64_t best = std::numeric_limits<int64_t>::max();
  for (const auto& [name, sch] : schedules_) best = std::min(best, sch.next_due);
  return best;
}

const SourceConfig* SourceScheduler::Find(const std::string& name) const {
  for (const SourceConfig& s : sources_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const SourceSchedule& SourceScheduler::Schedule(const std::string& name) const {
  return schedules_.at(name);
}

Status SourceScheduler::RecordPoll(const std::string& name, const PollOutcome& outcome) {
  const SourceConfig* s = Find(name);
  if (s == nullptr) return NotFound("no source named '" + name + "'");
  int64_t now = Now();
  SourceSchedule& sch = schedules_[name];
  sch.last_polled = now;
  if (outcome.new_entries > 0) sch.last_new_at = now;
  if (IsAdaptiveKind(s->kind)) {
    int64_t cur = sch.interval_seconds > 0 ? sch.interval_seconds : s->interval_seconds;
    if (outcome.failed) {
      cur *= 2;
    } else if (outcome.new_entries > 0) {
      cur /= 2;
    } else {
      cur += cur / 2;
    }
    sch.interval_seconds = std::clamp(cur, s->min_interval_seconds, s->max_interval_seconds);
  } else {
    sch.interval_seconds = s->interval_seconds;
  }
  if (s->cron) {
    int64_t next = s->cron->Next(now, s->default_offset_minutes);
    sch.next_due = next < 0 ? std::numeric_limits<int64_t>::max() : next;
  } else {
    sch.next_due = now + sch.interval_seconds;
  }
  if (store_ != nullptr) return store_->SaveSchedule(name, sch);
  return Status::Ok();
}

}  // namespace hallyu
