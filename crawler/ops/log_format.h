#pragma once
// Structured logs. `--log-format json` (or `log.format: json`) makes every spdlog
// message one JSON object per line:
//   {"ts":"2026-05-01T09:12:00.123Z","level":"info","msg":"...","url":"...","host":"...","source":"..."}
// url / host / source come from the innermost LogContext of the logging thread and
// are omitted when empty. With the text format the same fields are appended as
// " url=... host=... source=...", and the message and fields are escaped
// (EscapeForTextLog): bytes from hostile content (a title, a URL, an error) cannot
// forge log lines or send terminal control sequences.

#include <memory>
#include <string>
#include <string_view>

#include <spdlog/formatter.h>

#include "extractors/base/status.h"

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

// `text` made safe for one line of a text log: control characters (C0, DEL and the C1
// range U+0080..U+009F) become \n, \r, \t, \e or \xNN / \u{NN}, a backslash becomes \\,
// and every byte that is not part of valid UTF-8 becomes \xNN. Valid UTF-8 text (Korean
// included) is kept as it is.
std::string EscapeForTextLog(std::string_view text);

enum class LogFormat { kText, kJson };

// "text" or "json"; kInvalidArgument otherwise.
Result<LogFormat> ParseLogFormat(const std::string& name);

// A formatter for spdlog sinks: JSON lines, or text plus context fields.
std::unique_ptr<spdlog::formatter> MakeLogFormatter(LogFormat format);

// Installs the formatter on the default logger.
void SetLogFormat(LogFormat format);

}  // namespace hallyu
