#pragma once
// Structured logs. `--log-format json` (or `log.format: json`) makes every spdlog
// message one JSON object per line:
//   {"ts":"2026-05-01T09:12:00.123Z","level":"info","msg":"...","url":"...","host":"...","source":"..."}
// url / host / source come from the innermost LogContext of the logging thread and
// are omitted when empty. With the text format the same fields are appended as
// " url=... host=... source=...".

#include <memory>
#include <string>

#include <spdlog/formatter.h>

#include "extractors/status.h"

namespace hallyu {

// Fields attached to every log message of this thread while the object lives.
// Nests: an inner LogContext's non-empty fields override the outer ones.
class LogContext {
 public:
  LogContext(std::string url, std::string host, std::string source);
  ~LogContext();
  LogContext(const LogContext&) = delete;
  LogContext& operator=(const LogContext&) = delete;

  // The fields in effect on this thread ("" when unset).
  static const std::string& Url();
  static const std::string& Host();
  static const std::string& Source();

 private:
  std::string prev_url_, prev_host_, prev_source_;
};

enum class LogFormat { kText, kJson };

// "text" or "json"; kInvalidArgument otherwise.
Result<LogFormat> ParseLogFormat(const std::string& name);

// A formatter for spdlog sinks: JSON lines, or text plus context fields.
std::unique_ptr<spdlog::formatter> MakeLogFormatter(LogFormat format);

// Installs the formatter on the default logger.
void SetLogFormat(LogFormat format);

}  // namespace hallyu
