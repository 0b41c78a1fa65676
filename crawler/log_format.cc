#include "crawler/log_format.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <chrono>
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
    base_.format(msg, dest);
    std::string extra;
    if (!t_fields.url.empty()) extra += " url=" + t_fields.url;
    if (!t_fields.host.empty()) extra += " host=" + t_fields.host;
    if (!t_fields.source.empty()) extra += " source=" + t_fields.source;
    extra += '\n';
    dest.append(extra.data(), extra.data() + extra.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<TextFormatter>();
  }

 private:
  spdlog::pattern_formatter base_;
};

}  // namespace

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
