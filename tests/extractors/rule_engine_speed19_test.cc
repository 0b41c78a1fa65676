// Round 19 (speed): rules whose pattern holds a counted repetition ("[^.]{0,30}?") are
// matched alone behind a literal gate instead of inside the language RE2::Set, where each
// such span multiplied the automaton states every new sentence built. The answers of
// Fired / Match / HasAnnouncingCue stay those of one Set.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extractors/detect/rule_engine.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

std::vector<std::string> Ids(const std::vector<const Rule*>& rules) {
  std::vector<std::string> out;
  for (const Rule* r : rules) out.push_back(r->id);
  return out;
}

// A long bounded span no longer has to fit in the language Set's memory: the Set holds
// only the rules without one (before, the Set of these two rules failed to compile under
// this budget and the file did not load).
TEST(RuleEngineSpeed19, LongBoundedSpanLoadsUnderASmallSetBudget) {
  const std::string yaml =
      "lang: en\n"
      "type: casting\n"
      "rules:\n"
      "  - id: casting.en.plain\n"
      "    status: confirmed\n"
      "    pattern: '\\bjoins\\s+the\\s+cast\\b'\n"
      "  - id: casting.en.far\n"
      "    status: confirmed\n"
      "    pattern: '\\bcast\\b[^.]{0,900}?\\bas\\s+the\\s+lead\\b'\n";
  RuleSetOptions opts;
  opts.max_mem_per_set = 64 << 10;
  auto rs = RuleSet::LoadFromStrings({{"tiny.en.yaml", yaml}}, opts);
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  EXPECT_EQ(Ids(rs->Fired("She was cast last week, after a long search, as the lead.", "en")),
            std::vector<std::string>{"casting.en.far"});
  EXPECT_EQ(Ids(rs->Fired("He joins the cast of the film.", "en")),
            std::vector<std::string>{"casting.en.plain"});
  EXPECT_TRUE(rs->Fired("He was cast. He plays as the lead.", "en").empty());
}

// Rules in the Set and rules matched alone come back together in load order, with the
// captures of the ones matched alone.
TEST(RuleEngineSpeed19, SetAndSoloRulesFireInLoadOrder) {
  const std::string yaml =
      "lang: ko\n"
      "type: casting\n"
      "rules:\n"
      "  - id: casting.ko.a\n"
      "    status: confirmed\n"
      "    pattern: '출연한다'\n"
      "  - id: casting.ko.b\n"
      "    status: confirmed\n"
      "    pattern: '극\\s*중\\s+(?P<role>[^.]{0,30}?)(?:을|를)\\s*맡'\n"
      "  - id: casting.ko.c\n"
      "    status: rumored\n"
      "    pattern: '물망'\n"
      "  - id: casting.ko.d\n"
      "    status: confirmed\n"
      "    pattern: '역(?:으로|로)\\s+[^.]{0,40}?가세한다'\n";
  auto rs = RuleSet::LoadFromStrings({{"mix.ko.yaml", yaml}});
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  const std::string s =
      "물망에 올랐던 도윤이 극 중 형사 한결을 맡아 출연한다는 소식에 역으로 팬들도 가세한다";
  EXPECT_EQ(Ids(rs->Fired(s, "ko")), (std::vector<std::string>{"casting.ko.a", "casting.ko.b",
                                                               "casting.ko.c", "casting.ko.d"}));
  const auto matches = rs->Match(s, "ko");
  ASSERT_EQ(matches.size(), 4u);
  EXPECT_EQ(matches[1].rule->id, "casting.ko.b");
  EXPECT_EQ(matches[1].groups.at("role"), "형사 한결");
}

// The gate's literals are lower-cased: a case-insensitive rule matched alone still fires on
// upper-case text, and a rule whose literal is absent never runs.
TEST(RuleEngineSpeed19, GateIsCaseInsensitiveAndAnnouncingCuesIncludeSoloRules) {
  const std::string yaml =
      "lang: en\n"
      "type: casting\n"
      "rules:\n"
      "  - id: casting.en.cast_lead\n"
      "    status: confirmed\n"
      "    pattern: '(?i)\\bcast\\b[^.]{0,30}?\\bas\\s+the\\s+lead\\b'\n"
      "  - id: casting.en.modifier_far\n"
      "    status: confirmed\n"
      "    modifier: true\n"
      "    pattern: '(?i)\\bofficially\\b[^.]{0,30}?\\bconfirmed\\b'\n";
  auto rs = RuleSet::LoadFromStrings({{"case.en.yaml", yaml}});
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  EXPECT_EQ(Ids(rs->Fired("KIM WAS CAST THIS WEEK AS THE LEAD", "en")),
            std::vector<std::string>{"casting.en.cast_lead"});
  EXPECT_TRUE(rs->HasAnnouncingCue("Kim was Cast this week As The Lead", "en"));
  // a modifier matched alone fires but announces nothing
  EXPECT_EQ(Ids(rs->Fired("It was Officially CONFIRMED", "en")),
            std::vector<std::string>{"casting.en.modifier_far"});
  EXPECT_FALSE(rs->HasAnnouncingCue("It was Officially CONFIRMED", "en"));
  EXPECT_FALSE(rs->HasAnnouncingCue("Kim was cast.", "en"));
}

// Every example of every shipped rule still fires its rule and every counterexample of a
// rule matched alone still does not (the shipped files have rules of both kinds).
TEST(RuleEngineSpeed19, ShippedExamplesFireThroughSetAndGate) {
  auto rs = RuleSet::LoadDir(hallyu::testing::SourcePath("configs/rules"));
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  for (const auto& r : rs->rules()) {
    for (const auto& ex : r->examples) {
      bool fired = false;
      for (const Rule* f : rs->Fired(ex.text, r->lang)) fired = fired || f == r.get();
      EXPECT_TRUE(fired) << r->id << ": " << ex.text;
    }
    for (const auto& cx : r->counterexamples) {
      for (const Rule* f : rs->Fired(cx, r->lang)) EXPECT_NE(f, r.get()) << r->id << ": " << cx;
    }
  }
}

}  // namespace
}  // namespace hallyu
