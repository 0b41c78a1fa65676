#include "crawler/crawl/progress.h"

#include <unistd.h>

namespace hallyu {

ProgressReporter::ProgressReporter(std::FILE* out, bool enabled, int min_redraw_ms)
    : out_(out),
      enabled_(enabled && out != nullptr),
      min_redraw_ms_(min_redraw_ms),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - std::chrono::hours(1)) {}

ProgressReporter ProgressReporter::ForTerminal(std::FILE* out) {
  return ProgressReporter(out, out != nullptr && isatty(fileno(out)) == 1);
}

ProgressSnapshot ProgressReporter::Snapshot() const {
  ProgressSnapshot s;
  s.sources_done = sources_done_.load();
  s.sources_total = sources_total_.load();
  s.pages = pages_.load();
  s.events = events_.load();
  s.errors = errors_.load();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  return s;
}

std::string ProgressReporter::FormatLine(const ProgressSnapshot& s) {
  char buf[256];
  double rate = s.seconds > 0 ? static_cast<double>(s.pages) / s.seconds : 0;
  int secs = static_cast<int>(s.seconds);
  snprintf(buf, sizeof buf,
           "[%lld/%lld sources] %lld pages  %lld events  %lld errors  %.1f pages/s  %d:%02d",
           static_cast<long long>(s.sources_done), static_cast<long long>(s.sources_total),
           static_cast<long long>(s.pages), static_cast<long long>(s.events),
           static_cast<long long>(s.errors), rate, secs / 60, secs % 60);
  return buf;
}

std::string ProgressReporter::FormatSummary(const ProgressSnapshot& s) {
  char buf[256];
  double rate = s.seconds > 0 ? static_cast<double>(s.pages) / s.seconds : 0;
  snprintf(buf, sizeof buf,
           "crawl done: %lld/%lld sources, %lld pages, %lld events, %lld errors in %.1f s (%.1f "
           "pages/s)",
           static_cast<long long>(s.sources_done), static_cast<long long>(s.sources_total),
           static_cast<long long>(s.pages), static_cast<long long>(s.events),
           static_cast<long long>(s.errors), s.seconds, rate);
  return buf;
}

void ProgressReporter::Tick() {
  if (!enabled_ || finished_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(min_redraw_ms_)) return;
  last_draw_ = now;
  std::fprintf(out_, "\r\033[K%s", FormatLine(Snapshot()).c_str());
  std::fflush(out_);
}

void ProgressReporter::Finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  std::fprintf(out_, "\r\033[K%s\n", FormatSummary(Snapshot()).c_str());
  std::fflush(out_);
}

}  // namespace hallyu
