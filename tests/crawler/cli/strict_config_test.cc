// Strict configuration (issue 20, case 8): unknown and repeated keys are errors naming
// the file, the line and the nearest valid key; numbers have ranges (values near
// INT64_MAX used to overflow into no delay at all); a user_agent with CR/LF is refused
// (it injected request headers); a CIDR prefix must be digits within range ("/-1" was
// read as /32).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <string>
#include <vector>

#include "crawler/cli/crawl_config.h"
#include "crawler/distributed/distributed_crawl.h"
#include "crawler/fetch/address_filter.h"
#include "crawler/fetch/fetcher_options.h"
#include "crawler/kafka/kafka_options.h"
#include "crawler/ops/monitoring_options.h"
#include "crawler/sources/sources_options.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

// Writes `yaml` (with an empty inline source list) to a file and loads it.
Result<CrawlConfig> Load(const std::string& yaml, std::string* path) {
  *path = testing::MakeTempDir("strict_config") + "/hallyu.yaml";
  std::ofstream(*path) << yaml;
  return LoadCrawlConfig(*path);
}

std::string Error(const std::string& yaml) {
  std::string path;
  Result<CrawlConfig> cfg = Load(yaml, &path);
  if (cfg.ok()) return "(accepted)";
  std::string message = cfg.status().message();
  if (message.find(path) == std::string::npos) message += " [file name missing]";
  return message;
}

TEST(StrictConfig, UnknownKeysNameTheLineAndTheNearestKey) {
  EXPECT_NE(Error("state:\n  path: x.db\nfetchr:\n  max_in_flight: 4\n")
                .find("unknown key 'fetchr' at line 3 (did you mean 'fetcher'?)"),
            std::string::npos)
      << Error("fetchr: {}\n");
  const std::string cidrs = Error("fetcher:\n  alowed_cidrs: ['127.0.0.0/8']\n");
  EXPECT_NE(cidrs.find("fetcher: unknown key 'alowed_cidrs' at line 2 (did you mean "
                       "'allowed_cidrs'?)"),
            std::string::npos)
      << cidrs;
  EXPECT_NE(
      Error("crawl:\n  workers: 2\n  max_link_depth: 1\n").find("unknown key 'max_link_depth'"),
      std::string::npos);
  EXPECT_NE(Error("fetcher:\n  retry:\n    max_atempts: 2\n").find("did you mean 'max_attempts'"),
            std::string::npos);
  // Nothing near: no suggestion.
  const std::string far = Error("zzzzzzzzzzzz: 1\n");
  EXPECT_NE(far.find("unknown key 'zzzzzzzzzzzz' at line 1"), std::string::npos) << far;
  EXPECT_EQ(far.find("did you mean"), std::string::npos) << far;
}

TEST(StrictConfig, DuplicateKeysAreErrors) {
  const std::string e = Error("crawl:\n  workers: 2\n  workers: 4\n");
  EXPECT_NE(e.find("duplicate key 'workers' at line 3 (first at line 2)"), std::string::npos) << e;
  EXPECT_NE(Error("fetcher: {}\nfetcher: {}\n").find("duplicate key 'fetcher'"), std::string::npos);
  EXPECT_NE(Error("fetcher:\n  hosts:\n    a.example: {max_in_flight: 1}\n"
                  "    a.example: {max_in_flight: 2}\n")
                .find("duplicate key 'a.example'"),
            std::string::npos);
}

TEST(StrictConfig, NumbersOutOfRangeAreErrors) {
  for (const char* bad : {
           "crawl: {stop_grace_ms: -1}",
           "crawl: {workers: 1000}",
           "crawl: {results_queue: 0}",
           "fetcher: {min_host_delay_ms: 9223372036854775000}",
           "fetcher: {max_host_penalty_ms: 9223372036854775807}",
           "fetcher: {retry: {base_delay_ms: 9223372036854775000}}",
           "fetcher: {retry: {max_delay_ms: 9223372036854775000}}",
           "fetcher: {retry: {max_attempts: 1000000}}",
           "fetcher: {retry: {multiplier: 1e300}}",
           "fetcher: {retry: {max_retry_after_ms: -5}}",
           "fetcher: {hosts: {a.example: {min_delay_ms: 9223372036854775000}}}",
           "fetcher: {max_in_flight: 100000000}",
           "fetcher: {total_timeout_ms: 0}",
           "fetcher: {max_body_bytes: 18446744073709551615}",
       }) {
    const std::string e = Error(std::string(bad) + "\n");
    EXPECT_NE(e.find("must be within"), std::string::npos) << bad << " -> " << e;
  }
  std::string path;
  Result<CrawlConfig> ok = Load(
      "crawl: {workers: 8, stop_grace_ms: 0}\nfetcher: {min_host_delay_ms: 0, retry: "
      "{base_delay_ms: 86400000}}\n",
      &path);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->job.workers, 8u);
}

TEST(StrictConfig, UserAgentWithControlCharactersIsRefused) {
  for (const char* ua : {"bot/1\r\nX-Injected: 1", "bot/1\nX: y", "bot\t1", "bot\x7f"}) {
    YAML::Node n;
    n["user_agent"] = ua;
    Result<FetcherOptions> o = ParseFetcherOptions(n);
    ASSERT_FALSE(o.ok()) << ua;
    EXPECT_NE(o.status().message().find("control character"), std::string::npos);
  }
  EXPECT_FALSE(CheckUserAgent(std::string(513, 'a')).ok());
  EXPECT_TRUE(CheckUserAgent("hallyu/0.1 (+https://example.org/bot; 연락처)").ok());
}

TEST(StrictConfig, CidrPrefixesAreChecked) {
  for (const char* bad : {"127.0.0.1/-1", "127.0.0.1/+8", "127.0.0.1/ 8", "127.0.0.1/",
                          "10.0.0.0/33", "::1/129", "::1/-0", "10.0.0.0/0008", "10.0.0.0/8x"}) {
    EXPECT_FALSE(CidrRange::Parse(bad).ok()) << bad;
  }
  for (const char* good :
       {"127.0.0.1", "127.0.0.1/32", "10.0.0.0/8", "0.0.0.0/0", "::1/128", "fd00::/8"}) {
    EXPECT_TRUE(CidrRange::Parse(good).ok()) << good;
  }
  const std::string e = Error("fetcher: {allowed_cidrs: ['127.0.0.1/-1']}\n");
  EXPECT_NE(e.find("bad CIDR prefix"), std::string::npos) << e;
}

TEST(StrictConfig, SourcesAndMonitoringSectionsAreStrictToo) {
  const std::string e = Error("sources:\n  file: configs/sources.yaml\n  max_sen_per_source: 5\n");
  EXPECT_NE(e.find("sources: unknown key 'max_sen_per_source' at line 3 (did you mean "
                   "'max_seen_per_source'?)"),
            std::string::npos)
      << e;
  EXPECT_FALSE(ParseSourcesOptions(YAML::Load("{feed_max_bytes: 9223372036854775807}")).ok());
  EXPECT_FALSE(ParseSourcesOptions(YAML::Load("{max_entries_per_poll: -1}")).ok());
  EXPECT_TRUE(ParseSourcesOptions(YAML::Load("{max_entries_per_poll: 100}")).ok());
  Result<MonitoringOptions> m = ParseMonitoringOptions(YAML::Load("{metrics_enabeld: false}"));
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("did you mean 'metrics_enabled'"), std::string::npos)
      << m.status().message();
  EXPECT_FALSE(ParseMonitoringOptions(YAML::Load("{log_format: text, log_format: json}")).ok());
}

// Every message of `yamls` (each loaded as a whole config file) contains `want`.
void ExpectEach(const std::vector<std::string>& yamls, const std::string& want) {
  for (const std::string& yaml : yamls) {
    const std::string e = Error(yaml);
    EXPECT_NE(e.find(want), std::string::npos) << yaml << " -> " << e;
    EXPECT_EQ(e.find("[file name missing]"), std::string::npos) << yaml << " -> " << e;
  }
}

TEST(StrictConfig, KafkaSectionIsStrict) {
  const std::string e = Error("kafka:\n  brokers: 'k1:9092'\n  partitons: 3\n");
  EXPECT_NE(e.find("kafka: unknown key 'partitons' at line 3 (did you mean 'partitions'?)"),
            std::string::npos)
      << e;
  EXPECT_EQ(e.find("[file name missing]"), std::string::npos) << e;
  ExpectEach({"kafka:\n  topics:\n    castng: c\n", "kafka:\n  spool: {dri: /tmp/x}\n"},
             "did you mean");
  ExpectEach({"kafka:\n  brokers: a:1\n  brokers: b:1\n",
              "kafka:\n  topics:\n    casting: a\n    casting: b\n",
              "kafka:\n  producer:\n    linger.ms: 5\n    linger.ms: 50\n",
              "kafka:\n  spool:\n    dir: a\n    dir: b\n"},
             "duplicate key");
  ExpectEach(
      {"kafka: {partitions: 100000}", "kafka: {partitions: 9223372036854775807}",
       "kafka: {replication_factor: -2}", "kafka: {shutdown_timeout_ms: -1}",
       "kafka: {spool_sync_interval_ms: 0}", "kafka: {topic_timeout_ms: 9223372036854775000}",
       "kafka: {embedded_brokers: 17}", "kafka: {spool: {max_mb: 18446744073709551615}}",
       "kafka: {spool: {fsync_every: -1}}"},
      "must be within");
  // Header-like values: no CR/LF or other control characters; topic names Kafka accepts.
  for (const char* bad :
       {"client_id: \"hallyu\\r\\nX: 1\"", "client_id: ''", "brokers: \"k1:9092\\n\"",
        "producer: {sasl.username: \"a\\nb\"}", "topics: {casting: 'bad topic'}",
        "topics: {dlq: ''}", "topics: {ost: '..'}"}) {
    EXPECT_FALSE(ParseKafkaOptions(YAML::Load(bad)).ok()) << bad;
  }
  Result<KafkaOptions> ok = ParseKafkaOptions(YAML::Load(
      "{brokers: 'k1:9092,k2:9092', client_id: hallyu-1, partitions: 10000, "
      "topics: {casting: a.b_c-1}, spool: {max_mb: 1048576, segment_mb: 16, fsync_every: 0}}"));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->partitions, 10000);
  EXPECT_EQ(ok->spool.max_bytes, uint64_t{1} << 40);
}

TEST(StrictConfig, DistributedSectionIsStrict) {
  const std::string e = Error("distributed:\n  group_id: g\n  comit_interval_ms: 100\n");
  EXPECT_NE(e.find("distributed: unknown key 'comit_interval_ms' at line 3 (did you mean "
                   "'commit_interval_ms'?)"),
            std::string::npos)
      << e;
  EXPECT_EQ(e.find("[file name missing]"), std::string::npos) << e;
  ExpectEach({"distributed:\n  partitions: 6\n  partitions: 12\n",
              "distributed:\n  test_faults: {abort_first_revoke_commit: true, "
              "abort_first_revoke_commit: false}\n"},
             "duplicate key");
  ExpectEach(
      {"distributed: {partitions: 0}", "distributed: {idle_exit_ms: -1}",
       "distributed: {commit_interval_ms: 9223372036854775807}",
       "distributed: {fetch_rounds: 1000}", "distributed: {host_queue_limit: 0}",
       "distributed: {reseed_seconds: 99999999999}", "distributed: {max_producer_restarts: -1}"},
      "must be within");
  for (const char* bad : {"{group_id: 'a b'}", "{group_id: ''}", "{worker_id: \"w\\r\\n\"}",
                          "{frontier_topic: 'x/y'}", "{test_faults: {fatal_after: 1}}"}) {
    EXPECT_FALSE(ParseDistributedOptions(YAML::Load(bad)).ok()) << bad;
  }
  Result<DistributedOptions> ok = ParseDistributedOptions(
      YAML::Load("{group_id: g, worker_id: '', partitions: 24, idle_exit_ms: 0, "
                 "test_faults: {fatal_producer_after_commits: 3}}"));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->partitions, 24);
  EXPECT_EQ(ok->test_faults.fatal_producer_after_commits, 3);
}

TEST(StrictConfig, UrlsMonitoringAndSourceEntriesAreStrict) {
  ExpectEach({"urls:\n  max_lenght: 100\n"},
             "urls: unknown key 'max_lenght' at line 2 (did you "
             "mean 'max_length'?)");
  ExpectEach({"urls:\n  max_length: 100\n  max_length: 200\n"}, "duplicate key 'max_length'");
  ExpectEach({"monitoring:\n  metrics_enabeld: false\n"}, "did you mean 'metrics_enabled'");
  const std::string entry =
      Error("sources:\n  - name: a\n    kind: feed\n    urll: 'http://a.example/feed'\n");
  EXPECT_NE(entry.find("sources[0] (a): unknown key 'urll' at line 4 (did you mean 'url'?)"),
            std::string::npos)
      << entry;
  ExpectEach({"sources:\n  - name: a\n    kind: feed\n    url: 'http://a.example/1'\n"
              "    url: 'http://a.example/2'\n"},
             "duplicate key 'url' at line 5 (first at line 4)");
  ExpectEach({"sources:\n  - {name: a, kind: feed, url: 'http://a.example/', site: \"A\\nB\"}\n",
              "sources:\n  - {name: a, kind: feed, url: \"http://a.example/\\r\\nX: 1\"}\n"},
             "control character");
  // Durations bounded: 999999999d in nanoseconds overflows any clock.
  ExpectEach({"sources:\n  - {name: a, kind: feed, url: 'http://a.example/', interval: "
              "999999999d}\n"},
             "interval above 366d");
  ExpectEach({"sources:\n  - {name: a, kind: feed, url: 'http://a.example/', max_interval: "
              "999999999d}\n"},
             "max_interval must be within");
}

TEST(StrictConfig, ShippedConfigsLoad) {
  for (const char* file : {"configs/default.yaml", "configs/demo.yaml"}) {
    Result<CrawlConfig> cfg = LoadCrawlConfig(testing::SourcePath(file));
    EXPECT_TRUE(cfg.ok()) << file << ": " << cfg.status().ToString();
  }
}

}  // namespace
}  // namespace hallyu
