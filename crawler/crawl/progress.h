#pragma once
// ProgressReporter: the terminal progress line of `hallyu crawl --once`:
//   "[ 3/12 sources] 148 pages  9 events  2 errors  24.5 pages/s  0:06"
// redrawn in place (carriage return) at most every `min_redraw_ms`, and a summary
// line at Finish(). Completely silent when the output is not a terminal, so logs
// and pipes see no progress noise.
//
// Thread safety: the counters are atomics and may be bumped from any thread;
// Tick() and Finish() are called from one thread (the crawl loop).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace hallyu {

struct ProgressSnapshot {
  int64_t sources_done = 0, sources_total = 0, pages = 0, events = 0, errors = 0;
  double seconds = 0;
};

class ProgressReporter {
 public:
  // Writes to `out` (not owned; stdout by default) when `enabled`. Use
  // ForTerminal() to enable only when `out` is a TTY.
  ProgressReporter(std::FILE* out, bool enabled, int min_redraw_ms = 100);
  // Enabled iff isatty(fileno(out)).
  static ProgressReporter ForTerminal(std::FILE* out = stdout);

  void SetSourcesTotal(int64_t n) { sources_total_.store(n); }
  void SourceDone() { sources_done_.fetch_add(1); }
  void AddPages(int64_t n = 1) { pages_.fetch_add(n); }
  void AddEvents(int64_t n = 1) { events_.fetch_add(n); }
  void AddErrors(int64_t n = 1) { errors_.fetch_add(n); }

  // Redraws the line when enabled and min_redraw_ms have passed since the last draw.
  void Tick();
  // Clears the progress line and prints the summary (when enabled). Idempotent.
  void Finish();

  bool enabled() const { return enabled_; }
  ProgressSnapshot Snapshot() const;
  // The progress line for `s` (no control characters).
  static std::string FormatLine(const ProgressSnapshot& s);
  // The summary for `s`: "crawl done: 12/12 sources, 148 pages, 9 events, 2 errors in 6.1 s (24.3
  // pages/s)".
  static std::string FormatSummary(const ProgressSnapshot& s);

 private:
  std::FILE* out_;
  bool enabled_;
  int min_redraw_ms_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::atomic<int64_t> sources_total_{0}, sources_done_{0}, pages_{0}, events_{0}, errors_{0};
};

}  // namespace hallyu
