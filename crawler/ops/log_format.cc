#include "crawler/ops/log_format.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace hallyu {
namespace {

struct Fields {
  std::string url, host, source;
};
thread_local Fields t_fields;

std::string Timestamp(spdlog::log_clock::time_point tp) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count();
  time_t secs = static_cast<time_t>(ms / 1000);
  struct tm tm;
  gmtime_r(&secs, &tm);
  char buf[40];
  size_t n = strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms % 1000));
  return buf;
}

class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    nlohmann::json j;
    j["ts"] = Timestamp(msg.time);
    auto level = spdlog::level::to_string_view(msg.level);
    j["level"] = std::string(level.data(), level.size());
    j["msg"] = std::string(msg.payload.data(), msg.payload.size());
    if (msg.logger_name.size() > 0)
      j["logger"] = std::string(msg.logger_name.data(), msg.logger_name.size());
    if (!t_fields.url.empty()) j["url"] = t_fields.url;
    if (!t_fields.host.empty()) j["host"] = t_fields.host;
    if (!t_fields.source.empty()) j["source"] = t_fields.source;
    // Replace invalid UTF-8 rather than throwing out of a logging call.
    std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

class TextFormatter final : public spdlog::formatter {
 public:
  TextFormatter()
      : base_("[%Y-%m-%d %H:%M:%S.%e] [%^%l%$] %v", spdlog::pattern_time_type::utc, "") {}
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    // The message may quote page content: escaped, so it stays one line of plain text.
    const std::string payload =
        EscapeForTextLog(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg escaped = msg;
    escaped.payload = spdlog::string_view_t(payload.data(), payload.size());
    base_.format(escaped, dest);
    std::string extra;
    if (!t_fields.url.empty()) extra += " url=" + EscapeForTextLog(t_fields.url);
    if (!t_fields.host.empty()) extra += " host=" + EscapeForTextLog(t_fields.host);
    if (!t_fields.source.empty()) extra += " source=" + EscapeForTextLog(t_fields.source);
    extra += '\n';
    dest.append(extra.data(), extra.data() + extra.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<TextFormatter>();
  }

 private:
  spdlog::pattern_formatter base_;
};

// Length of the valid UTF-8 sequence at the start of `s` (1..4), 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are not valid).
std::size_t Utf8SequenceLength(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  uint32_t cp = 0;
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2;
    cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    cp = c & 0x0f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (s.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(i) & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (b(i) & 0x3f);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
      (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return n;
}

void AppendHexByte(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 0xf];
}

}  // namespace

std::string EscapeForTextLog(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      if (c == '\\') out += '\\';
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    switch (c) {
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      case 0x1b:
        out += "\\e";
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x80) {  // other C0 controls and DEL
      AppendHexByte(out, c);
      ++i;
      continue;
    }
    const std::size_t n = Utf8SequenceLength(text.substr(i));
    if (n == 0) {  // not UTF-8: the byte itself, escaped
      AppendHexByte(out, c);
      ++i;
      continue;
    }
    if (n == 2 && c == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0) {
      // C1 controls (U+0080..U+009F; U+009B is a CSI on some terminals).
      out += "\\u{";
      static constexpr char kHex[] = "0123456789abcdef";
      const unsigned char cp = static_cast<unsigned char>(text[i + 1]);
      out += kHex[cp >> 4];
      out += kHex[cp & 0xf];
      out += '}';
      i += 2;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

LogContext::LogContext(std::string url, std::string host, std::string source)
    : prev_url_(t_fields.url), prev_host_(t_fields.host), prev_source_(t_fields.source) {
  if (!url.empty()) t_fields.url = std::move(url);
  if (!host.empty()) t_fields.host = std::move(host);
  if (!source.empty()) t_fields.source = std::move(source);
}

LogContext::~LogContext() {
  t_fields.url = std::move(prev_url_);
  t_fields.host = std::move(prev_host_);
  t_fields.source = std::move(prev_source_);
}

const std::string& LogContext::Url() { return t_fields.url; }
const std::string& LogContext::Host() { return t_fields.host; }
const std::string& LogContext::Source() { return t_fields.source; }

Result<LogFormat> ParseLogFormat(const std::string& name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return InvalidArgument("log format '" + name + "' (want text or json)");
}

std::unique_ptr<spdlog::formatter> MakeLogFormatter(LogFormat format) {
  if (format == LogFormat::kJson) return std::make_unique<JsonFormatter>();
  return std::make_unique<TextFormatter>();
}

void SetLogFormat(LogFormat format) { spdlog::set_formatter(MakeLogFormatter(format)); }

}  // namespace hallyu
