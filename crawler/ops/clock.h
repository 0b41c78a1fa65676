#pragma once
// Clock: the time source that politeness delays, backoff and Retry-After read.
// Production uses SteadyClock; tests inject ManualClock and move time by hand,
// so nothing has to sleep for the length of a backoff.

#include <atomic>
#include <chrono>

namespace hallyu {

class Clock {
 public:
  using Duration = std::chrono::nanoseconds;
  using TimePoint = std::chrono::time_point<std::chrono::steady_clock, Duration>;

  virtual ~Clock() = default;
  // Monotonic now.
  virtual TimePoint Now() const = 0;
  // Wall-clock now (for HTTP-date Retry-After values).
  virtual std::chrono::system_clock::time_point WallNow() const = 0;
  // Longest real time a loop may block while waiting for this clock to reach a
  // deadline. A real clock can block until the deadline; a manual clock moves by
  // jumps, so a waiting loop must look again soon.
  virtual Duration MaxRealWait(Duration until_deadline) const { return until_deadline; }
};

// The process's steady clock. Thread-safe.
class SteadyClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point WallNow() const override {
    return std::chrono::system_clock::now();
  }
  // The shared instance.
  static SteadyClock* Default();
};

// A clock that moves only when told to. Thread-safe.
class ManualClock final : public Clock {
 public:
  // Starts at an arbitrary non-zero steady time and the given wall time.
  explicit ManualClock(std::chrono::system_clock::time_point wall_start =
                           std::chrono::system_clock::time_point(std::chrono::seconds(1700000000)))
      : wall_start_(wall_start) {}
  TimePoint Now() const override { return TimePoint(Duration(offset_ns_.load())); }
  std::chrono::system_clock::time_point WallNow() const override {
    return wall_start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                             Duration(offset_ns_.load() - kStart));
  }
  Duration MaxRealWait(Duration until_deadline) const override {
    return std::min<Duration>(until_deadline, std::chrono::milliseconds(2));
  }
  // Moves time forward by `d` (negative values are ignored).
  void Advance(Duration d) {
    if (d.count() > 0) offset_ns_ += d.count();
  }

 private:
  static constexpr int64_t kStart = int64_t{1000} * 1000 * 1000 * 1000;  // 1000 s
  std::chrono::system_clock::time_point wall_start_;
  std::atomic<int64_t> offset_ns_{kStart};
};

}  // namespace hallyu
