#include "crawler/fetch/fetcher_options.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using namespace std::chrono_literals;

TEST(FetcherOptions, DefaultsWhenAbsent) {
  Result<FetcherOptions> o = ParseFetcherOptions(YAML::Node());
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->max_in_flight_per_host, 2);
  EXPECT_EQ(o->min_host_delay, 1000ms);
  EXPECT_EQ(o->max_redirects, 5);
  EXPECT_EQ(o->max_body_bytes, 10u * 1024 * 1024);
  EXPECT_TRUE(o->block_private_addresses);
}

TEST(FetcherOptions, ParsesEveryKey) {
  const char* kYaml =
      "max_in_flight: 32\n"
      "max_in_flight_per_host: 4\n"
      "min_host_delay_ms: 250\n"
      "queue_capacity: 100\n"
      "user_agent: 'bot/1 (+https://example.org/bot)'\n"
      "max_redirects: 3\n"
      "http2: false\n"
      "connect_timeout_ms: 3000\n"
      "total_timeout_ms: 9000\n"
      "low_speed_limit: 10\n"
      "low_speed_time_s: 5\n"
      "max_body_bytes: 1048576\n"
      "allowed_cidrs: ['127.0.0.0/8']\n"
      "retry: {max_attempts: 5, base_delay_ms: 200, multiplier: 3, max_delay_ms: 9000, "
      "jitter: 0.1}\n"
      "hosts:\n"
      "  News.Example.com: {max_in_flight: 1, min_delay_ms: 5000}\n";
  Result<FetcherOptions> o = ParseFetcherOptions(YAML::Load(kYaml));
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->max_in_flight, 32);
  EXPECT_EQ(o->max_in_flight_per_host, 4);
  EXPECT_EQ(o->min_host_delay, 250ms);
  EXPECT_EQ(o->queue_capacity, 100u);
  EXPECT_EQ(o->user_agent, "bot/1 (+https://example.org/bot)");
  EXPECT_EQ(o->max_redirects, 3);
  EXPECT_FALSE(o->http2);
  EXPECT_EQ(o->connect_timeout, 3000ms);
  EXPECT_EQ(o->total_timeout, 9000ms);
  EXPECT_EQ(o->low_speed_limit, 10);
  EXPECT_EQ(o->low_speed_time, 5s);
  EXPECT_EQ(o->max_body_bytes, 1048576u);
  EXPECT_EQ(o->allowed_cidrs, std::vector<std::string>{"127.0.0.0/8"});
  EXPECT_EQ(o->retry.max_attempts, 5);
  EXPECT_EQ(o->retry.base_delay, 200ms);
  EXPECT_EQ(o->retry.multiplier, 3);
  EXPECT_EQ(o->retry.max_delay, 9000ms);
  EXPECT_DOUBLE_EQ(o->retry.jitter, 0.1);
  ASSERT_EQ(o->host_overrides.count("news.example.com"), 1u);
  EXPECT_EQ(o->host_overrides["news.example.com"].max_in_flight, 1);
  EXPECT_EQ(o->host_overrides["news.example.com"].min_delay, 5000ms);
}

TEST(FetcherOptions, RejectsBadValues) {
  for (const char* bad : {"max_in_flight: 0", "max_in_flight: many", "max_body_bytes: -1",
                          "allowed_cidrs: [\"10.0.0.0/99\"]", "retry: {jitter: 2}",
                          "hosts: {a.com: {max_in_flight: 0}}", "user_agent: \"\"", "[1, 2]"}) {
    EXPECT_FALSE(ParseFetcherOptions(YAML::Load(bad)).ok()) << bad;
  }
}

TEST(FetcherOptions, DefaultConfigSectionParses) {
  YAML::Node root = YAML::LoadFile(testing::SourcePath("configs/default.yaml"));
  Result<FetcherOptions> o = ParseFetcherOptions(root["fetcher"]);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_TRUE(root["fetcher"].IsMap());
  EXPECT_EQ(o->max_in_flight_per_host, 2);
  EXPECT_NE(o->user_agent.find("+http"), std::string::npos);
}

}  // namespace
}  // namespace hallyu
