#include "crawler/distributed/frontier_topic.h"

#include <gtest/gtest.h>

#include <set>

#include "crawler/distributed/distributed_crawl.h"

namespace hallyu {
namespace {

TEST(FrontierTopicTest, RecordRoundTrips) {
  FrontierRecord r;
  r.kind = FrontierKind::kSource;
  r.url = "https://www.soompi.com/feed";
  r.source = "soompi";
  r.title = "차은우";
  auto back = DecodeFrontierRecord(EncodeFrontierRecord(r));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->kind, FrontierKind::kSource);
  EXPECT_EQ(back->url, r.url);
  EXPECT_EQ(back->source, "soompi");
  EXPECT_EQ(back->title, "차은우");
  EXPECT_FALSE(DecodeFrontierRecord("{\"kind\":\"video\",\"url\":\"http://a/\"}").ok());
  EXPECT_FALSE(DecodeFrontierRecord("{\"kind\":\"page\"}").ok());
  EXPECT_FALSE(DecodeFrontierRecord("not json").ok());
}

TEST(FrontierTopicTest, KeyIsTheRegistrableDomainSoAllItsHostsShareAPartition) {
  EXPECT_EQ(*FrontierKey("https://news.example.co.kr/a/1"), "example.co.kr");
  EXPECT_EQ(*FrontierKey("https://www.example.co.kr/b"), "example.co.kr");
  EXPECT_FALSE(FrontierKey("not a url").ok());
  EXPECT_EQ(PartitionForDomain("example.co.kr", 12), PartitionForDomain("example.co.kr", 12));
  std::set<int32_t> used;
  for (int i = 0; i < 200; ++i) {
    int32_t p = PartitionForDomain("site" + std::to_string(i) + ".test", 12);
    ASSERT_GE(p, 0);
    ASSERT_LT(p, 12);
    used.insert(p);
  }
  EXPECT_EQ(used.size(), 12u);
  EXPECT_EQ(PartitionForDomain("x", 0), 0);
}

TEST(FrontierTopicTest, UrlStateRoundTrips) {
  UrlState s;
  s.url = "https://a.example/x";
  s.etag = "\"v1\"";
  s.last_modified = "Tue, 24 Nov 2026 01:00:00 GMT";
  s.content_hash = "0123456789abcdef";
  s.last_fetch_ms = 1790000000123;
  s.last_status = 200;
  auto back = DecodeUrlState(EncodeUrlState(s));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->etag, s.etag);
  EXPECT_EQ(back->last_modified, s.last_modified);
  EXPECT_EQ(back->content_hash, s.content_hash);
  EXPECT_EQ(back->last_fetch_ms, s.last_fetch_ms);
  EXPECT_EQ(back->last_status, 200);
  EXPECT_FALSE(DecodeUrlState("{}").ok());
}

TEST(DistributedOptionsTest, ParsesAndRejects) {
  auto o = ParseDistributedOptions(
      YAML::Load("{group_id: g, partitions: 6, host_queue_limit: 50, idle_exit_ms: 0}"));
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->group_id, "g");
  EXPECT_EQ(o->partitions, 6);
  EXPECT_EQ(o->host_queue_limit, 50u);
  EXPECT_EQ(ParseDistributedOptions(YAML::Node())->frontier_topic, "hallyu.frontier");
  EXPECT_FALSE(ParseDistributedOptions(YAML::Load("{partitions: 0}")).ok());
  EXPECT_FALSE(ParseDistributedOptions(YAML::Load("{colour: blue}")).ok());
  EXPECT_FALSE(ParseDistributedOptions(YAML::Load("{partitions: many}")).ok());
}

TEST(DistributedOptionsTest, ParsesFetchRoundsProducerRestartsAndTestFaults) {
  auto o = ParseDistributedOptions(
      YAML::Load("{fetch_rounds: 5, max_producer_restarts: 2, test_faults: "
                 "{fatal_producer_after_commits: 7, abort_first_revoke_commit: true, "
                 "time_out_a_commit: true}}"));
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->fetch_rounds, 5);
  EXPECT_EQ(o->max_producer_restarts, 2);
  EXPECT_EQ(o->test_faults.fatal_producer_after_commits, 7);
  EXPECT_TRUE(o->test_faults.abort_first_revoke_commit);
  EXPECT_TRUE(o->test_faults.time_out_a_commit);
  auto d = ParseDistributedOptions(YAML::Node());
  EXPECT_EQ(d->fetch_rounds, 3);
  EXPECT_EQ(d->test_faults.fatal_producer_after_commits, 0);
  EXPECT_FALSE(d->test_faults.abort_first_revoke_commit);
  EXPECT_FALSE(d->test_faults.time_out_a_commit);
  EXPECT_FALSE(ParseDistributedOptions(YAML::Load("{test_faults: {time_out_a_commit: 2x}}")).ok());
  EXPECT_FALSE(ParseDistributedOptions(YAML::Load("{fetch_rounds: 0}")).ok());
  EXPECT_FALSE(ParseDistributedOptions(YAML::Load("{test_faults: {typo: 1}}")).ok());
  EXPECT_FALSE(ParseDistributedOptions(YAML::Load("{test_faults: 3}")).ok());
}

}  // namespace
}  // namespace hallyu
