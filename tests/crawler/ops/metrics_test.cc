#include "crawler/ops/metrics.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <cstring>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

// A strict parser for the Prometheus text format 0.0.4: every line is a HELP, a
// TYPE or a sample; samples belong to the last TYPE'd family (histograms via
// _bucket/_sum/_count); label values are properly escaped; values are floats;
// bucket counts are cumulative and end with le="+Inf" equal to _count.
struct Parsed {
  std::map<std::string, std::string> types;  // family -> type
  std::map<std::string, double> samples;     // "name{labels}" -> value
};

::testing::AssertionResult ParsePrometheusText(const std::string& text, Parsed& out) {
  static const std::regex kHelp(R"(^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$)");
  static const std::regex kType(
      R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)");
  static const std::regex kSample(
      R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\[\\"n]|[^\\"\n])*")(,[a-zA-Z_][a-zA-Z0-9_]*="(\\[\\"n]|[^\\"\n])*")*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$)");
  if (text.empty() || text.back() != '\n')
    return ::testing::AssertionFailure() << "no final newline";
  std::istringstream in(text);
  std::string line, family, type;
  std::set<std::string> seen_families;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::smatch m;
    if (std::regex_match(line, m, kHelp)) continue;
    if (std::regex_match(line, m, kType)) {
      family = m[1];
      type = m[2];
      if (!seen_families.insert(family).second) {
        return ::testing::AssertionFailure() << "family twice: " << family;
      }
      out.types[family] = type;
      continue;
    }
    if (!std::regex_match(line, m, kSample)) {
      return ::testing::AssertionFailure() << "line " << n << " is not valid: '" << line << "'";
    }
    std::string name = m[1];
    bool belongs = name == family;
    if (type == "histogram") {
      belongs = name == family + "_bucket" || name == family + "_sum" || name == family + "_count";
    }
    if (!belongs)
      return ::testing::AssertionFailure() << "sample " << name << " outside its family";
    if (type == "histogram" && name == family + "_bucket" &&
        std::string(m[2]).find("le=\"") == std::string::npos) {
      return ::testing::AssertionFailure() << "bucket without le: " << line;
    }
    size_t sp = line.rfind(' ');
    out.samples[line.substr(0, sp)] =
        std::stod(line.substr(sp + 1) == "+Inf" ? "inf" : line.substr(sp + 1));
  }
  return ::testing::AssertionSuccess();
}

TEST(Metrics, RendersValidPrometheusText) {
  MetricsRegistry r;
  CrawlMetrics m(r);
  m.pages_fetched.With({"2xx"}).Inc(3);
  m.pages_fetched.With({"5xx"}).Inc();
  m.events.With({"casting", "confirmed"}).Inc();
  m.fetch_latency.With({"soompi"}).Observe(0.2);
  m.fetch_latency.With({"soompi"}).Observe(7);
  m.queue_depth.With({"frontier"}).Set(12);
  m.source_last_success.With({"weird \"source\"\\\n"}).Set(1777626720);
  std::string text = r.RenderText();
  Parsed p;
  ASSERT_TRUE(ParsePrometheusText(text, p)) << text;
  EXPECT_EQ(p.types["hallyu_fetch_latency_seconds"], "histogram");
  EXPECT_EQ(p.types["hallyu_pages_fetched_total"], "counter");
  EXPECT_EQ(p.samples["hallyu_pages_fetched_total{status_class=\"2xx\"}"], 3);
  EXPECT_EQ(p.samples["hallyu_events_total{type=\"casting\",status=\"confirmed\"}"], 1);
  EXPECT_EQ(p.samples["hallyu_fetch_latency_seconds_bucket{source=\"soompi\",le=\"0.25\"}"], 1);
  EXPECT_EQ(p.samples["hallyu_fetch_latency_seconds_bucket{source=\"soompi\",le=\"10\"}"], 2);
  EXPECT_EQ(p.samples["hallyu_fetch_latency_seconds_bucket{source=\"soompi\",le=\"+Inf\"}"], 2);
  EXPECT_EQ(p.samples["hallyu_fetch_latency_seconds_count{source=\"soompi\"}"], 2);
  EXPECT_DOUBLE_EQ(p.samples["hallyu_fetch_latency_seconds_sum{source=\"soompi\"}"], 7.2);
  EXPECT_EQ(p.samples["hallyu_queue_depth{queue=\"frontier\"}"], 12);
  EXPECT_EQ(
      p.samples
          ["hallyu_source_last_success_timestamp_seconds{source=\"weird \\\"source\\\"\\\\\\n\"}"],
      1777626720);
  // Every metric the issue lists is declared.
  for (const char* f :
       {"hallyu_pages_fetched_total", "hallyu_fetch_failures_total", "hallyu_bytes_fetched_total",
        "hallyu_fetch_latency_seconds", "hallyu_queue_depth", "hallyu_robots_denials_total",
        "hallyu_events_total", "hallyu_kafka_delivery_latency_seconds", "hallyu_spool_bytes",
        "hallyu_source_last_success_timestamp_seconds"}) {
    EXPECT_TRUE(p.types.count(f)) << f;
  }
}

TEST(Metrics, ServesMetricsAndHealthOverHttp) {
  MetricsRegistry r;
  CrawlMetrics m(r);
  m.robots_denials.With({"example.com"}).Inc(2);
  MetricsServer server(r);
  ASSERT_TRUE(server.Start("127.0.0.1:0").ok());
  ASSERT_GT(server.port(), 0);
  httplib::Client c("127.0.0.1", server.port());
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto res = c.Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  Parsed p;
  ASSERT_TRUE(ParsePrometheusText(res->body, p)) << res->body;
  EXPECT_EQ(p.samples["hallyu_robots_denials_total{host=\"example.com\"}"], 2);
  server.Stop();
  server.Stop();
}

TEST(Metrics, GrafanaDashboardUsesOnlyDeclaredMetrics) {
  MetricsRegistry r;
  CrawlMetrics m(r);
  Parsed p;
  ASSERT_TRUE(ParsePrometheusText(r.RenderText(), p));
  std::string dashboard =
      testing::ReadFileOrFail(testing::SourcePath("configs/grafana/hallyu.json"));
  static const std::regex kName(R"(hallyu_[a-z_]+)");
  int n = 0;
  for (std::sregex_iterator it(dashboard.begin(), dashboard.end(), kName), end; it != end; ++it) {
    std::string name = it->str();
    if (name == "hallyu_crawler") continue;  // dashboard title / uid
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
      if (!p.types.count(name) && name.size() > strlen(suffix) &&
          name.compare(name.size() - strlen(suffix), strlen(suffix), suffix) == 0) {
        name.resize(name.size() - strlen(suffix));
      }
    }
    EXPECT_TRUE(p.types.count(name)) << "dashboard uses undeclared metric " << it->str();
    ++n;
  }
  EXPECT_GE(n, 10);
  // One panel per event type (issue 17: release and collab next to casting and OST).
  for (const char* type : {"casting", "ost", "release", "collab"}) {
    EXPECT_NE(dashboard.find(std::string("hallyu_events_total{type=\\\"") + type + "\\\"}"),
              std::string::npos)
        << "no panel for " << type;
  }
}

TEST(Metrics, RejectsBadAddress) {
  MetricsRegistry r;
  MetricsServer server(r);
  EXPECT_EQ(server.Start("nonsense").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(server.Start("127.0.0.1:99999").code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace hallyu
