#include "crawler/crawl/frontier.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace hallyu {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

struct FakeClock {
  Frontier::TimePoint now = Frontier::TimePoint{} + std::chrono::hours(1);
  Frontier::Clock fn() {
    return [this] { return now; };
  }
};

FrontierOptions NoDelay() {
  FrontierOptions o;
  o.default_delay = milliseconds(0);
  return o;
}

std::vector<std::string> Drain(Frontier& f) {
  std::vector<std::string> out;
  while (auto item = f.Next()) out.push_back(item->url);
  return out;
}

TEST(UrlHashSet, InsertContainsAndGrowth) {
  UrlHashSet set;
  for (std::uint64_t i = 0; i < 100000; ++i) ASSERT_TRUE(set.Insert(UrlHash(std::to_string(i))));
  EXPECT_EQ(set.size(), 100000u);
  for (std::uint64_t i = 0; i < 100000; ++i) {
    ASSERT_TRUE(set.Contains(UrlHash(std::to_string(i))));
    ASSERT_FALSE(set.Insert(UrlHash(std::to_string(i))));
  }
  EXPECT_FALSE(set.Contains(UrlHash("not there")));
  EXPECT_TRUE(set.Insert(0));  // 0 is stored, not mistaken for an empty slot
  EXPECT_TRUE(set.Contains(0));
  // Load stays <= 0.7: 8 bytes per slot, so <= ~23 bytes per entry after a doubling.
  EXPECT_LE(set.MemoryBytes(), set.size() * 8 * 10 / 7 * 2 + 8192);
}

TEST(HostQueue, PriorityThenFifo) {
  HostQueue q;
  ASSERT_TRUE(q.Push("/link1", UrlPriority::kLink));
  ASSERT_TRUE(q.Push("/seed", UrlPriority::kSeed));
  ASSERT_TRUE(q.Push("/link2", UrlPriority::kLink));
  ASSERT_TRUE(q.Push("/sitemap.xml", UrlPriority::kSitemap));
  ASSERT_TRUE(q.Push("/feed.xml", UrlPriority::kFeed));
  std::string long_path = "/" + std::string(300, 'p');  // multi-byte length prefix
  ASSERT_TRUE(q.Push(long_path, UrlPriority::kLink));
  EXPECT_EQ(q.size(), 6u);
  std::vector<std::string> got;
  while (!q.empty()) got.push_back(q.Pop().first);
  EXPECT_EQ(got, (std::vector<std::string>{"/feed.xml", "/sitemap.xml", "/seed", "/link1", "/link2",
                                           long_path}));
  EXPECT_FALSE(q.Push("/" + std::string(70000, 'x'), UrlPriority::kLink));
}

TEST(HostQueue, CompactsConsumedSpace) {
  HostQueue q;
  const std::string path = "/article/" + std::string(80, 'a');
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(q.Push(path, UrlPriority::kLink));
    for (int i = 0; i < 990; ++i) ASSERT_EQ(q.Pop().first, path);
  }
  EXPECT_EQ(q.size(), 500u);
  // 500 live entries of ~90 bytes: the buffer is not holding 50,000 popped ones.
  EXPECT_LT(q.MemoryBytes(), 500u * 91 * 10);
}

TEST(Frontier, DedupsKnownUrls) {
  FakeClock clock;
  Frontier f(NoDelay(), clock.fn());
  EXPECT_EQ(f.Add("https://a.example/x", UrlPriority::kLink), AddOutcome::kAdded);
  EXPECT_EQ(f.Add("https://a.example/x", UrlPriority::kFeed), AddOutcome::kDuplicate);
  EXPECT_EQ(f.Add("https://a.example/y", UrlPriority::kLink), AddOutcome::kAdded);
  EXPECT_EQ(f.queued(), 2u);
  Drain(f);
  // Still known after being handed out.
  EXPECT_EQ(f.Add("https://a.example/x", UrlPriority::kLink), AddOutcome::kDuplicate);
  EXPECT_TRUE(f.IsKnown("https://a.example/y"));
  EXPECT_FALSE(f.IsKnown("https://a.example/z"));
  // Restored state.
  EXPECT_TRUE(f.MarkKnown("https://b.example/old"));
  EXPECT_EQ(f.Add("https://b.example/old", UrlPriority::kLink), AddOutcome::kDuplicate);
  // A retry goes around dedup.
  EXPECT_EQ(f.Requeue("https://a.example/x", UrlPriority::kLink), AddOutcome::kAdded);
  EXPECT_EQ(Drain(f), std::vector<std::string>{"https://a.example/x"});
}

TEST(Frontier, RejectsNonNormalUrls) {
  Frontier f(NoDelay());
  EXPECT_EQ(f.Add("ftp://a.example/x", UrlPriority::kLink), AddOutcome::kInvalid);
  EXPECT_EQ(f.Add("https://a.example", UrlPriority::kLink), AddOutcome::kInvalid);
  EXPECT_EQ(f.Add("/relative", UrlPriority::kLink), AddOutcome::kInvalid);
  EXPECT_EQ(f.known(), 0u);
  EXPECT_FALSE(f.IsKnown(""));
  EXPECT_FALSE(f.IsKnown(std::string_view()));
}

TEST(Frontier, FeedsAndSitemapsBeforeLinksWithinAHost) {
  FakeClock clock;
  Frontier f(NoDelay(), clock.fn());
  ASSERT_EQ(f.Add("https://a.example/article/1", UrlPriority::kLink), AddOutcome::kAdded);
  ASSERT_EQ(f.Add("https://a.example/article/2", UrlPriority::kLink), AddOutcome::kAdded);
  ASSERT_EQ(f.Add("https://a.example/sitemap.xml", UrlPriority::kSitemap), AddOutcome::kAdded);
  ASSERT_EQ(f.Add("https://a.example/rss", UrlPriority::kFeed), AddOutcome::kAdded);
  auto first = f.Next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->url, "https://a.example/rss");
  EXPECT_EQ(first->origin, "https://a.example");
  EXPECT_EQ(first->priority, UrlPriority::kFeed);
  EXPECT_EQ(Drain(f), (std::vector<std::string>{"https://a.example/sitemap.xml",
                                                "https://a.example/article/1",
                                                "https://a.example/article/2"}));
}

TEST(Frontier, RoundRobinAcrossHosts) {
  FakeClock clock;
  Frontier f(NoDelay(), clock.fn());
  // Host a has many URLs, added first; b and c few, added later.
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(f.Add("http://a.example/" + std::to_string(i), UrlPriority::kLink),
              AddOutcome::kAdded);
  }
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(f.Add("http://b.example/" + std::to_string(i), UrlPriority::kLink),
              AddOutcome::kAdded);
    ASSERT_EQ(f.Add("http://c.example/" + std::to_string(i), UrlPriority::kLink),
              AddOutcome::kAdded);
  }
  std::vector<std::string> hosts;
  while (auto item = f.Next()) hosts.push_back(item->origin.substr(7, 1));
  EXPECT_EQ(hosts, (std::vector<std::string>{"a", "b", "c", "a", "b", "c", "a", "a", "a"}));
}

TEST(Frontier, PolitenessDelayPerHostWithInjectedClock) {
  FakeClock clock;
  FrontierOptions opts;
  opts.default_delay = seconds(1);
  Frontier f(opts, clock.fn());
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(f.Add("http://a.example/" + std::to_string(i), UrlPriority::kLink),
              AddOutcome::kAdded);
    ASSERT_EQ(f.Add("http://b.example/" + std::to_string(i), UrlPriority::kLink),
              AddOutcome::kAdded);
  }
  ASSERT_TRUE(f.Next());   // a
  ASSERT_TRUE(f.Next());   // b
  EXPECT_FALSE(f.Next());  // both wait 1 s
  ASSERT_TRUE(f.NextReadyTime());
  EXPECT_EQ(*f.NextReadyTime(), clock.now + seconds(1));
  clock.now += milliseconds(999);
  EXPECT_FALSE(f.Next());
  clock.now += milliseconds(1);
  auto a = f.Next();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->origin, "http://a.example");
  auto b = f.Next();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->origin, "http://b.example");
  EXPECT_FALSE(f.Next());

  // Crawl-delay raises one host's delay only.
  f.SetHostDelay("http://a.example", seconds(5));
  clock.now += seconds(1);
  ASSERT_EQ(f.Next()->origin, "http://a.example");
  ASSERT_EQ(f.Next()->origin, "http://b.example");
  EXPECT_EQ(f.queued(), 0u);
  ASSERT_EQ(f.Add("http://a.example/late", UrlPriority::kLink), AddOutcome::kAdded);
  clock.now += seconds(4);
  EXPECT_FALSE(f.Next());
  clock.now += seconds(1);
  EXPECT_EQ(f.Next()->url, "http://a.example/late");
}

TEST(Frontier, DeferHostHoldsItBack) {
  FakeClock clock;
  Frontier f(NoDelay(), clock.fn());
  ASSERT_EQ(f.Add("http://a.example/1", UrlPriority::kLink), AddOutcome::kAdded);
  ASSERT_EQ(f.Add("http://b.example/1", UrlPriority::kLink), AddOutcome::kAdded);
  f.DeferHost("http://a.example", clock.now + seconds(30));  // Retry-After: 30
  EXPECT_EQ(f.Next()->origin, "http://b.example");
  EXPECT_FALSE(f.Next());
  EXPECT_EQ(*f.NextReadyTime(), clock.now + seconds(30));
  clock.now += seconds(30);
  EXPECT_EQ(f.Next()->origin, "http://a.example");
  // Many defers do not grow the ready heap without bound.
  ASSERT_EQ(f.Add("http://a.example/2", UrlPriority::kLink), AddOutcome::kAdded);
  for (int i = 1; i <= 100000; ++i) f.DeferHost("http://a.example", clock.now + milliseconds(i));
  EXPECT_LT(f.MemoryBytes(), 1u << 20);
}

TEST(Frontier, LimitsRefuseClearlyAndDoNotRemember) {
  FakeClock clock;
  FrontierOptions opts = NoDelay();
  opts.max_queued_per_host = 2;
  opts.max_hosts = 2;
  opts.max_queued_urls = 3;
  opts.max_known_urls = 5;
  Frontier f(opts, clock.fn());
  EXPECT_EQ(f.Add("http://a.example/1", UrlPriority::kLink), AddOutcome::kAdded);
  EXPECT_EQ(f.Add("http://a.example/2", UrlPriority::kLink), AddOutcome::kAdded);
  EXPECT_EQ(f.Add("http://a.example/3", UrlPriority::kLink), AddOutcome::kHostFull);
  EXPECT_EQ(f.Add("http://b.example/1", UrlPriority::kLink), AddOutcome::kAdded);
  EXPECT_EQ(f.Add("http://c.example/1", UrlPriority::kLink), AddOutcome::kQueueFull);
  EXPECT_FALSE(f.IsKnown("http://a.example/3"));  // refused, so it may come back
  ASSERT_TRUE(f.Next());
  EXPECT_EQ(f.Add("http://c.example/1", UrlPriority::kLink), AddOutcome::kTooManyHosts);
  EXPECT_EQ(f.Add("http://a.example/3", UrlPriority::kLink), AddOutcome::kAdded);
  Drain(f);
  EXPECT_EQ(f.Add("http://b.example/2", UrlPriority::kLink), AddOutcome::kAdded);
  EXPECT_EQ(f.known(), 5u);
  EXPECT_EQ(f.Add("http://b.example/3", UrlPriority::kLink), AddOutcome::kKnownFull);
  EXPECT_EQ(AddOutcomeName(AddOutcome::kKnownFull), "known_full");
  EXPECT_EQ(AddOutcomeName(AddOutcome::kHostFull), "host_full");
}

TEST(Frontier, EveryUrlHandedOutExactlyOnce) {
  FakeClock clock;
  Frontier f(NoDelay(), clock.fn());
  std::set<std::string> added;
  for (int i = 0; i < 20000; ++i) {
    std::string url = "https://h" + std::to_string(i % 37) + ".example/a/" + std::to_string(i);
    ASSERT_EQ(f.Add(url, static_cast<UrlPriority>(i % 4)), AddOutcome::kAdded);
    added.insert(url);
    // Re-adding variants of earlier URLs is refused.
    if (i > 0 && i % 3 == 0) {
      std::string dup =
          "https://h" + std::to_string((i / 2) % 37) + ".example/a/" + std::to_string(i / 2);
      ASSERT_EQ(f.Add(dup, UrlPriority::kLink), AddOutcome::kDuplicate);
    }
  }
  std::multiset<std::string> seen;
  std::map<std::string, int> last_priority;
  while (auto item = f.Next()) {
    int p = static_cast<int>(item->priority);
    auto& last = last_priority.try_emplace(item->origin, 0).first->second;
    ASSERT_GE(p, last) << "priority order broken on " << item->origin;
    last = p;
    seen.insert(item->url);
  }
  EXPECT_EQ(seen.size(), added.size());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), added);
  EXPECT_EQ(f.queued(), 0u);
}

}  // namespace
}  // namespace hallyu
