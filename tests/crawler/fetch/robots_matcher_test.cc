// The compiled robots.txt matcher (issue 20, case 5): the same answers as trying every rule
// in precedence order, with work per URL that does not grow with rules x path.
#include "crawler/fetch/robots_matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crawler/fetch/robots.h"

namespace hallyu {
namespace {

// The hostile file of issue 20: 11,364 wildcard rules that never match an ordinary path
// but whose segments all have to be looked for, and one rule that denies the long path.
std::string HostileWildcardRobots() {
  std::string body = "User-agent: *\n";
  for (int i = 0; i < 11363; ++i) body += "Disallow: /*a*a*a*zq" + std::to_string(i) + "\n";
  body += "Disallow: /*/deny$\n";
  return body;
}

TEST(RobotsMatcher, HostileWildcardFileCostsLinearWorkPerUrl) {
  const RobotsRules rules = RobotsRules::Parse(HostileWildcardRobots(), "hallyu");
  ASSERT_EQ(rules.rule_count(), 11364u);
  const std::string path = "/wild/" + std::string(8000, 'a');

  const RobotsRules::Decision allowed = rules.Decide(path + "/good");
  EXPECT_TRUE(allowed.allowed);
  EXPECT_FALSE(allowed.over_budget);
  const RobotsRules::Decision denied = rules.Decide(path + "/deny");
  EXPECT_FALSE(denied.allowed);
  EXPECT_FALSE(denied.over_budget) << "denied by its rule, not by the budget";
  // Each of the 11,364 rules is a candidate (head "/") and moves through its three "a"
  // segments once; the path is passed over once: about 3 x rules + 2 x path steps. Trying
  // every rule searches the 8,000-byte path once per rule: ~91 million.
  EXPECT_LT(allowed.steps, 120'000u);
  EXPECT_LT(denied.steps, 120'000u);

  uint64_t every_rule_steps = 0;
  EXPECT_TRUE(rules.IsAllowedTryingEveryRule(path + "/good", &every_rule_steps));
  EXPECT_GT(every_rule_steps, 500 * allowed.steps) << "the reference does try every rule";
}

TEST(RobotsMatcher, AnchoredWildcardRulesAgainstALongPathAreDecidedByTheirTail) {
  std::string body = "User-agent: *\n";
  for (int i = 0; i < 11364; ++i) {
    body += "Disallow: /*" + std::string(24, 'a') + "b" + std::to_string(i) + "$\n";
  }
  const RobotsRules rules = RobotsRules::Parse(body, "hallyu");
  const std::string path = "/" + std::string(8000, 'a');
  for (const std::string& p : {path, path + "b11363", path + "b7", path + "b7x"}) {
    const RobotsRules::Decision d = rules.Decide(p);
    EXPECT_EQ(d.allowed, rules.IsAllowedTryingEveryRule(p)) << p.substr(7990);
    EXPECT_FALSE(d.over_budget);
    EXPECT_LT(d.steps, 2'000'000u) << p.substr(7990);
  }
  EXPECT_FALSE(rules.IsAllowed(path + "b7"));
  EXPECT_TRUE(rules.IsAllowed(path + "b7x"));
}

// Only the rules whose literal head is a prefix of the path are looked at.
TEST(RobotsMatcher, RulesOfOtherHeadsCostNothing) {
  std::string body = "User-agent: *\n";
  for (int i = 0; i < 10000; ++i) body += "Disallow: /section" + std::to_string(i) + "/*x*y\n";
  body += "Disallow: /private\n";
  const RobotsRules rules = RobotsRules::Parse(body, "hallyu");
  const RobotsRules::Decision d = rules.Decide("/news/" + std::string(8000, 'x'));
  EXPECT_TRUE(d.allowed);
  EXPECT_LT(d.steps, 100u) << "the head trie leaves /news/ after two bytes";
  EXPECT_FALSE(rules.IsAllowed("/private/a"));
  EXPECT_FALSE(rules.IsAllowed("/section77/axby"));
  EXPECT_TRUE(rules.IsAllowed("/section77/ayb"));
}

// A file built to make every byte of the path end many nested segments spends the step
// budget: the URL is then disallowed (and only URLs of that file's own site are).
TEST(RobotsMatcher, FileBuiltToInflateTheWorkSpendsTheBudgetAndDisallows) {
  std::string body = "User-agent: *\n";
  for (int i = 1; i <= 300; ++i) body += "Allow: /*" + std::string(i, 'a') + "*z\n";
  const RobotsRules rules = RobotsRules::Parse(body, "hallyu");
  const RobotsRules::Decision d = rules.Decide("/" + std::string(8000, 'a'));
  EXPECT_TRUE(d.over_budget);
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(rules.IsAllowed("/short"));  // no segment to look for beyond the budget
}

// A plain reference: the lowest-ranked pattern that matches, by RobotsPatternMatches.
std::size_t ReferenceMatch(const std::vector<std::string>& patterns, std::string_view path) {
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (RobotsPatternMatches(patterns[i], path)) return i;
  }
  return RobotsMatcher::kNoMatch;
}

std::string RandomString(std::mt19937& rng, std::string_view alphabet, std::size_t max_len) {
  std::uniform_int_distribution<std::size_t> len(0, max_len);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string s;
  for (std::size_t n = len(rng); n > 0; --n) s.push_back(alphabet[pick(rng)]);
  return s;
}

TEST(RobotsMatcher, AgreesWithTryingEveryPatternOnRandomRules) {
  std::mt19937 rng(20);
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> patterns;
    const int count = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < count; ++i) {
      std::string p = (rng() % 5 == 0 ? "*" : "/") + RandomString(rng, "ab/*$*", 8);
      if (rng() % 3 == 0) p += '$';
      patterns.push_back(p);
    }
    const RobotsMatcher matcher(patterns);
    for (int j = 0; j < 20; ++j) {
      const std::string path = "/" + RandomString(rng, "ab/$", 14);
      const RobotsMatcher::Result got = matcher.Match(path);
      ASSERT_FALSE(got.over_budget);
      ASSERT_EQ(got.rule, ReferenceMatch(patterns, path)) << "round " << round << " path " << path;
    }
  }
}

TEST(RobotsMatcher, ParsedRulesAgreeWithTryingEveryRule) {
  std::mt19937 rng(5);
  for (int round = 0; round < 1000; ++round) {
    std::string body = "User-agent: *\n";
    const int count = 1 + static_cast<int>(rng() % 10);
    for (int i = 0; i < count; ++i) {
      body += (rng() % 2 ? "Allow: /" : "Disallow: /") + RandomString(rng, "ab/*%$", 7) + "\n";
    }
    const RobotsRules rules = RobotsRules::Parse(body, "hallyu");
    for (int j = 0; j < 20; ++j) {
      const std::string path = "/" + RandomString(rng, "ab/%2A", 12);
      ASSERT_EQ(rules.IsAllowed(path), rules.IsAllowedTryingEveryRule(path))
          << body << "path " << path;
    }
  }
}

// The crawl matches outside its lock on a snapshot: recording a new robots.txt for the
// origin leaves a snapshot taken before it unchanged.
TEST(RobotsCacheSnapshot, SnapshotOutlivesANewRecord) {
  RobotsCache cache(RobotsCacheOptions{});
  const std::string origin = "https://a.example";
  RobotsCache::Lookup first = cache.Find(origin, "/x");
  EXPECT_EQ(first.rules, nullptr);
  EXPECT_EQ(first.verdict, RobotsCache::Verdict::kNeedsFetch);
  EXPECT_EQ(cache.Find(origin, "/x").verdict, RobotsCache::Verdict::kPending);
  cache.Record(origin, RobotsCache::Interpret(200, "User-agent: *\nDisallow: /x\n",
                                              RobotsBody::kComplete, "hallyu"));
  RobotsCache::Lookup found = cache.Find(origin, "/x");
  ASSERT_NE(found.rules, nullptr);
  EXPECT_EQ(found.failure, "");
  cache.RecordResponse(origin, 200, "User-agent: *\nAllow: /\n");
  EXPECT_FALSE(found.rules->IsAllowed("/x")) << "the snapshot is the file it was taken from";
  EXPECT_EQ(cache.Check(origin, "/x"), RobotsCache::Verdict::kAllowed);
  cache.RecordUnreachable(origin, "connect failed");
  const RobotsCache::Lookup failed = cache.Find(origin, "/y");
  ASSERT_NE(failed.rules, nullptr);
  EXPECT_FALSE(failed.rules->IsAllowed("/y"));
  EXPECT_EQ(failed.failure, "connect failed");
}

}  // namespace
}  // namespace hallyu
