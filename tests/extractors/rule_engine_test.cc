#include "extractors/rule_engine.h"

#include <gtest/gtest.h>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::SourcePath;

TEST(RuleEngine, EveryRuleFileLoads) {
  auto rs = RuleSet::LoadDir(SourcePath("configs/rules"));
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  EXPECT_GT(rs->rules().size(), 20u);
}

// Every example of every rule matches that rule (with the groups it names),
// and no counterexample does.
TEST(RuleEngine, ExamplesMatchAndCounterexamplesDoNot) {
  auto rs = RuleSet::LoadDir(SourcePath("configs/rules"));
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  size_t examples = 0;
  for (const auto& rule : rs->rules()) {
    EXPECT_FALSE(rule->examples.empty()) << rule->id << " has no examples";
    for (const auto& ex : rule->examples) {
      ++examples;
      RuleMatch m;
      ASSERT_TRUE(rs->MatchOne(*rule, ex.text, &m)) << rule->id << " should match: " << ex.text;
      for (const auto& [group, want] : ex.groups) {
        auto it = m.groups.find(group);
        ASSERT_NE(it, m.groups.end()) << rule->id << ": group " << group << " empty in " << ex.text;
        EXPECT_EQ(it->second, want) << rule->id << ": group " << group << " in " << ex.text;
      }
      // The Set prefilter must fire for the rule too.
      bool fired = false;
      for (const auto& got : rs->Match(ex.text, rule->lang)) fired |= got.rule == rule.get();
      EXPECT_TRUE(fired) << rule->id << ": Set prefilter missed " << ex.text;
    }
    for (const auto& ce : rule->counterexamples) {
      EXPECT_FALSE(rs->MatchOne(*rule, ce, nullptr)) << rule->id << " should not match: " << ce;
    }
  }
  EXPECT_GT(examples, 50u);
}

TEST(RuleEngine, BadPatternNamesFileRuleAndRe2Error) {
  auto rs = RuleSet::LoadFromStrings({{"bad.yaml", R"(lang: en
type: casting
rules:
  - id: casting.en.broken
    status: confirmed
    pattern: "(?P<person>[A-Z]+"
)"}});
  ASSERT_FALSE(rs.ok());
  const std::string msg = rs.status().ToString();
  EXPECT_NE(msg.find("bad.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("casting.en.broken"), std::string::npos) << msg;
  EXPECT_NE(msg.find("RE2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing )"), std::string::npos) << msg;
}

TEST(RuleEngine, RejectsDuplicateIdsUnknownStatusAndMacros) {
  const char* base = "lang: en\ntype: casting\nrules:\n";
  auto dup = RuleSet::LoadFromStrings(
      {{"a.yaml", std::string(base) + "  - {id: x, status: confirmed, pattern: a}\n"
                                      "  - {id: x, status: confirmed, pattern: b}\n"}});
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate"), std::string::npos);
  auto status = RuleSet::LoadFromStrings(
      {{"a.yaml", std::string(base) + "  - {id: y, status: released, pattern: a}\n"}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.status().message().find("released"), std::string::npos);
  auto macro = RuleSet::LoadFromStrings(
      {{"a.yaml", std::string(base) + "  - {id: z, status: confirmed, pattern: '{NOPE} a'}\n"}});
  ASSERT_FALSE(macro.ok());
  EXPECT_NE(macro.status().message().find("NOPE"), std::string::npos);
  auto lang = RuleSet::LoadFromStrings({{"a.yaml", "lang: fr\nrules: []\n"}});
  ASSERT_FALSE(lang.ok());
  EXPECT_NE(lang.status().message().find("a.yaml"), std::string::npos);
}

TEST(RuleEngine, MaxMemBudgetIsEnforced) {
  RuleSetOptions tiny;
  tiny.max_mem_per_rule = 1 << 10;  // far too small for this pattern
  auto rs = RuleSet::LoadFromStrings({{"m.yaml", R"(lang: en
type: casting
rules:
  - id: casting.en.huge
    status: confirmed
    pattern: '(?P<person>\p{L}{1,200}) (\p{L}{1,200}) cast'
)"}},
                                     tiny);
  ASSERT_FALSE(rs.ok());
  EXPECT_NE(rs.status().ToString().find("casting.en.huge"), std::string::npos);
}

TEST(RuleEngine, SetPrefilterRunsOnlyFiringRules) {
  auto rs = RuleSet::LoadFromStrings({{"s.yaml", R"(lang: en
type: casting
triggers: [cast]
rules:
  - {id: a, status: confirmed, pattern: '(?P<person>[A-Z]\w+) cast in (?P<work>''[^'']+'')'}
  - {id: b, status: in_talks, pattern: '(?P<person>[A-Z]\w+) in talks'}
)"}});
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  auto m = rs->Match("Jisoo cast in 'Newtopia' today", "en");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rule->id, "a");
  EXPECT_EQ(m[0].groups.at("person"), "Jisoo");
  EXPECT_EQ(m[0].groups.at("work"), "'Newtopia'");
  EXPECT_TRUE(rs->Match("Jisoo cast in 'Newtopia' today", "ko").empty());
  EXPECT_NE(rs->FindTrigger("xx cast", "en", 0), std::string_view::npos);
  EXPECT_EQ(rs->FindTrigger("nothing here", "en", 0), std::string_view::npos);
}

}  // namespace
}  // namespace hallyu

namespace hallyu {
namespace {

// The title-mark prefilter: a sentence needs a quoted title (an ASCII quote
// only counts after a non-alphanumeric byte), and a rule whose example has
// none is refused at load, so the prefilter can never hide what a rule finds.
TEST(RuleEngine, TitleMarksGateSentencesAndAreCheckedAgainstExamples) {
  auto rs = RuleSet::LoadDir(hallyu::testing::SourcePath("configs/rules"));
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  EXPECT_TRUE(rs->HasTitleMark("Cha Eun-woo cast in 'Wonderful World'", "en"));
  EXPECT_TRUE(rs->HasTitleMark("Cha Eun-woo cast in the drama Wonderful World", "en"));
  EXPECT_FALSE(rs->HasTitleMark("The broadcaster's star thanked her fans", "en"));
  EXPECT_TRUE(rs->HasTitleMark("차은우, '원더풀 월드' 출연 확정", "ko"));
  EXPECT_FALSE(rs->HasTitleMark("그는 팬들에게 감사의 뜻을 전했다.", "ko"));
  auto bad = RuleSet::LoadFromStrings({{"a.yaml", R"(lang: en
type: casting
title_marks: ["'"]
rules:
  - id: casting.en.no_title
    status: confirmed
    pattern: '(?P<person>[A-Z]\w+) cast in (?P<work>\w+)'
    examples: [Kim cast in Wonderland]
)"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("title mark"), std::string::npos)
      << bad.status().ToString();
}

}  // namespace
}  // namespace hallyu
