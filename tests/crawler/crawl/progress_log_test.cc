#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "crawler/crawl/progress.h"
#include "crawler/ops/log_format.h"
#include "crawler/ops/monitoring_options.h"

namespace hallyu {
namespace {

std::string ReadAll(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[512];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return out;
}

TEST(ProgressReporter, SilentWhenNotATerminal) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  ProgressReporter p = ProgressReporter::ForTerminal(f);
  EXPECT_FALSE(p.enabled());
  p.SetSourcesTotal(2);
  p.SourceDone();
  p.AddPages(5);
  p.Tick();
  p.Finish();
  EXPECT_EQ(ReadAll(f), "");
  std::fclose(f);
}

TEST(ProgressReporter, DrawsProgressAndSummary) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  ProgressReporter p(f, /*enabled=*/true, /*min_redraw_ms=*/0);
  p.SetSourcesTotal(3);
  p.SourceDone();
  p.AddPages(7);
  p.AddEvents(2);
  p.AddErrors(1);
  p.Tick();
  p.SourceDone();
  p.Finish();
  p.Finish();
  std::string out = ReadAll(f);
  EXPECT_NE(out.find("[1/3 sources] 7 pages  2 events  1 errors"), std::string::npos) << out;
  EXPECT_NE(out.find("crawl done: 2/3 sources, 7 pages, 2 events, 1 errors"), std::string::npos)
      << out;
  EXPECT_EQ(out.find("crawl done"), out.rfind("crawl done"));  // summary once
  std::fclose(f);
}

TEST(LogFormat, JsonLinesCarryContextFields) {
  std::ostringstream os;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(os);
  auto logger = std::make_shared<spdlog::logger>("t", sink);
  logger->set_formatter(MakeLogFormatter(LogFormat::kJson));
  {
    LogContext outer("", "", "soompi");
    LogContext ctx("https://www.soompi.com/a/1", "www.soompi.com", "");
    logger->info("fetched {} bytes", 42);
  }
  logger->warn("no \"context\"");
  std::istringstream lines(os.str());
  std::string l1, l2;
  ASSERT_TRUE(std::getline(lines, l1));
  ASSERT_TRUE(std::getline(lines, l2));
  auto j1 = nlohmann::json::parse(l1);
  EXPECT_EQ(j1["msg"], "fetched 42 bytes");
  EXPECT_EQ(j1["level"], "info");
  EXPECT_EQ(j1["url"], "https://www.soompi.com/a/1");
  EXPECT_EQ(j1["host"], "www.soompi.com");
  EXPECT_EQ(j1["source"], "soompi");
  auto j2 = nlohmann::json::parse(l2);
  EXPECT_EQ(j2["msg"], "no \"context\"");
  EXPECT_FALSE(j2.contains("url"));
  EXPECT_FALSE(ParseLogFormat("xml").ok());
}

TEST(MonitoringOptions, ParsesSectionAndRejectsBadValues) {
  auto d = ParseMonitoringOptions(YAML::Node());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->metrics_address, "127.0.0.1:9464");
  auto o = ParseMonitoringOptions(
      YAML::Load("{metrics_enabled: false, metrics_address: '0.0.0.0:9000', log_format: json}"));
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_FALSE(o->metrics_enabled);
  EXPECT_EQ(o->metrics_address, "0.0.0.0:9000");
  EXPECT_EQ(o->log_format, LogFormat::kJson);
  EXPECT_FALSE(ParseMonitoringOptions(YAML::Load("{log_format: xml}")).ok());
  EXPECT_FALSE(ParseMonitoringOptions(YAML::Load("{metrics_address: 9464}")).ok());
  EXPECT_FALSE(ParseMonitoringOptions(YAML::Load("[1]")).ok());
}

}  // namespace
}  // namespace hallyu
