#include "extractors/detect/rule_engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::SourcePath;

const RuleSet& ShippedCues() {
  static const RuleSet* rs = [] {
    auto r = RuleSet::LoadDir(SourcePath("configs/rules"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new RuleSet(r.ok() ? std::move(*r) : RuleSet());
  }();
  return *rs;
}

std::string LoadError(const std::string& file, const std::string& yaml) {
  auto rs = RuleSet::LoadFromStrings({{file, yaml}});
  EXPECT_FALSE(rs.ok()) << "should not load:\n" << yaml;
  return rs.ok() ? std::string() : rs.status().ToString();
}

bool Fires(const RuleSet& rs, std::string_view id, std::string_view sentence,
           std::string_view lang) {
  for (const Rule* r : rs.Fired(sentence, lang)) {
    if (r->id == id) return true;
  }
  return false;
}

// The shipped cue lexicons load and cover every type and status in both
// languages: a casting cue for each status, OST cues for announced and
// released, vetoes and frames (who says it).
TEST(RuleEngine, ShippedCueFilesLoadAndCoverEveryTypeAndStatus) {
  const RuleSet& rs = ShippedCues();
  ASSERT_GT(rs.rules().size(), 20u);
  std::set<std::string> seen;  // "lang/type/status"
  std::set<std::string> files;
  for (const auto& r : rs.rules()) {
    seen.insert(r->lang + "/" + std::string(RuleTypeName(r->type)) + "/" + r->status);
    files.insert(r->file);
    EXPECT_EQ(r->id.rfind(std::string(RuleTypeName(r->type)) + "." + r->lang + ".", 0), 0u)
        << "rule ids are <type>.<lang>.<name>: " << r->id;
  }
  for (const char* lang : {"en", "ko"}) {
    const std::string l = lang;
    for (const char* s : {"confirmed", "reviewing", "in_talks", "rumored", "denied"}) {
      EXPECT_TRUE(seen.count(l + "/casting/" + s)) << l << " casting " << s;
    }
    for (const char* s : {"announced", "released"}) {
      EXPECT_TRUE(seen.count(l + "/ost/" + s)) << l << " ost " << s;
    }
    for (const char* s : {"work", "casting", "ost"}) {
      EXPECT_TRUE(seen.count(l + "/negative/" + s)) << l << " negative " << s;
    }
    for (const char* s : {"agency", "report"}) {
      EXPECT_TRUE(seen.count(l + "/frame/" + s)) << l << " frame " << s;
    }
  }
  EXPECT_GE(files.size(), 8u);
}

// Counterexamples the shipped cues match although their own rule lists them as
// "must not match" (found 2026-12-05, reported to the lead; the cue files are
// not ours to edit). Any other counterexample that matches fails the test.
const std::set<std::string> kKnownCounterexampleBugs = {};

// Every example of every cue matches that cue (with the groups it names) and
// the language Set fires it; no counterexample matches.
TEST(RuleEngine, EveryExampleMatchesAndNoCounterexampleDoes) {
  const RuleSet& rs = ShippedCues();
  size_t examples = 0, counterexamples = 0;
  for (const auto& rule : rs.rules()) {
    EXPECT_FALSE(rule->examples.empty()) << rule->id << " has no examples";
    for (const auto& ex : rule->examples) {
      ++examples;
      RuleMatch m;
      EXPECT_TRUE(rs.MatchOne(*rule, ex.text, &m)) << rule->id << " should match: " << ex.text;
      EXPECT_EQ(m.rule, rule.get()) << rule->id;
      for (const auto& [group, want] : ex.groups) {
        auto it = m.groups.find(group);
        ASSERT_NE(it, m.groups.end()) << rule->id << ": group " << group << " empty in " << ex.text;
        EXPECT_EQ(it->second, want) << rule->id << ": group " << group << " in " << ex.text;
      }
      EXPECT_TRUE(Fires(rs, rule->id, ex.text, rule->lang))
          << rule->id << ": Set prefilter missed " << ex.text;
      bool matched = false;
      for (const auto& got : rs.Match(ex.text, rule->lang)) matched |= got.rule == rule.get();
      EXPECT_TRUE(matched) << rule->id << ": Match() missed " << ex.text;
      EXPECT_FALSE(rs.FindAll(*rule, ex.text).empty()) << rule->id << ": FindAll missed";
    }
    for (const auto& ce : rule->counterexamples) {
      ++counterexamples;
      const bool matched = rs.MatchOne(*rule, ce, nullptr);
      EXPECT_EQ(matched, Fires(rs, rule->id, ce, rule->lang)) << rule->id << ": " << ce;
      if (!matched) continue;
      const std::string key = rule->id + ": " + ce;
      if (kKnownCounterexampleBugs.count(key)) {
        std::printf("KNOWN BUG (reported to the lead): %s matches its own counterexample\n",
                    key.c_str());
        continue;
      }
      ADD_FAILURE() << rule->id << " should not match: " << ce;
    }
  }
  EXPECT_GE(examples, rs.rules().size());
  EXPECT_GT(counterexamples, 0u);
}

// A few cues by behaviour, so a lexicon edit that loses a common phrasing fails
// here even if the rule's own examples were edited with it.
TEST(RuleEngine, ShippedCuesFireOnCommonPhrasings) {
  const RuleSet& rs = ShippedCues();
  EXPECT_TRUE(Fires(rs, "casting.en.cast_as", "Han So-hee has been cast in 'Harbor Lights'", "en"));
  EXPECT_TRUE(Fires(rs, "casting.en.in_talks", "Suzy is in talks to star in 'Genie'", "en"));
  EXPECT_TRUE(Fires(rs, "casting.ko.reviewing", "출연을 긍정적으로 검토 중이다", "ko"));
  EXPECT_TRUE(Fires(rs, "casting.ko.denied", "소속사는 \"사실무근\"이라고 밝혔다", "ko"));
  EXPECT_TRUE(Fires(rs, "ost.ko.released", "음원이 공개됐다", "ko"));
  EXPECT_TRUE(Fires(rs, "negative.ko.not_a_drama", "예능 '런닝맨'에 출연한다", "ko"));
  EXPECT_TRUE(Fires(rs, "frame.en.report", "According to reports, he will star", "en"));
  // Cues are per language: an English cue never fires on the Korean Set.
  EXPECT_FALSE(Fires(rs, "casting.en.cast_as", "Han So-hee has been cast in 'X'", "ko"));
  EXPECT_TRUE(rs.Fired("cast in 'X'", "fr").empty());
  EXPECT_TRUE(rs.Match("cast in 'X'", "fr").empty());
}

// HasAnnouncingCue (its own smaller Set) says yes exactly when Fired() holds a casting or OST
// rule that announces on its own: every rule's examples and counterexamples, both languages.
TEST(RuleEngine, AnnouncingCueSetAgreesWithTheFullSet) {
  const RuleSet& rs = ShippedCues();
  size_t yes = 0, no = 0;
  for (const auto& rule : rs.rules()) {
    std::vector<std::string> texts = rule->counterexamples;
    for (const auto& ex : rule->examples) texts.push_back(ex.text);
    for (const std::string& t : texts) {
      for (const char* lang : {"en", "ko"}) {
        bool want = false;
        for (const Rule* r : rs.Fired(t, lang)) {
          want = want || ((r->type == RuleType::kCasting || r->type == RuleType::kOst) &&
                          !r->modifier && !r->story_only);
        }
        EXPECT_EQ(rs.HasAnnouncingCue(t, lang), want) << lang << ": " << t;
        (want ? yes : no)++;
      }
    }
  }
  EXPECT_GT(yes, 100u);
  EXPECT_GT(no, 100u);
  EXPECT_FALSE(rs.HasAnnouncingCue("cast in 'X'", "fr"));
}

TEST(RuleEngine, TriggerPrefilterOfShippedCues) {
  const RuleSet& rs = ShippedCues();
  EXPECT_TRUE(rs.HasTrigger("Han So-hee has been cast in 'Harbor Lights'", "en"));
  EXPECT_TRUE(rs.HasTrigger("IU sings the OST", "en"));
  EXPECT_FALSE(rs.HasTrigger("Fans gathered in Seoul on Friday evening.", "en"));
  EXPECT_TRUE(rs.HasTrigger("차은우가 '원더풀 월드'에 출연한다", "ko"));
  EXPECT_FALSE(rs.HasTrigger("서울 공연 티켓은 모두 팔렸다.", "ko"));
  const std::string text = "Fans waited. Suzy was CAST in it.";
  const size_t at = rs.FindTrigger(text, "en", 0);
  ASSERT_NE(at, std::string_view::npos);
  EXPECT_EQ(text.substr(at, 4), "CAST");  // case-insensitive, at the keyword
  EXPECT_EQ(rs.FindTrigger(text, "en", at + 4), std::string_view::npos);
  EXPECT_EQ(rs.FindTrigger(text, "fr", 0), std::string_view::npos);
}

TEST(RuleEngine, BadPatternNamesFileRuleAndRe2Error) {
  const std::string msg = LoadError("bad.yaml", R"(lang: en
type: casting
rules:
  - id: casting.en.broken
    status: confirmed
    pattern: "(?P<person>[A-Z]+"
)");
  EXPECT_NE(msg.find("bad.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("casting.en.broken"), std::string::npos) << msg;
  EXPECT_NE(msg.find("RE2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing )"), std::string::npos) << msg;
}

TEST(RuleEngine, YamlSyntaxErrorsCarryFileLineAndColumn) {
  const std::string msg = LoadError("syntax.yaml", "lang: en\ntype: casting\nrules:\n  - [oops\n");
  EXPECT_NE(msg.find("syntax.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("line"), std::string::npos) << msg;
  EXPECT_NE(msg.find("column"), std::string::npos) << msg;
}

TEST(RuleEngine, RejectsDuplicateIdsUnknownStatusMacrosAndLang) {
  const std::string base = "lang: en\ntype: casting\nrules:\n";
  std::string msg = LoadError("a.yaml", base +
                                            "  - {id: x, status: confirmed, pattern: a}\n"
                                            "  - {id: x, status: confirmed, pattern: b}\n");
  EXPECT_NE(msg.find("a.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("duplicate"), std::string::npos) << msg;
  // Ids are unique across files too.
  auto two =
      RuleSet::LoadFromStrings({{"a.yaml", base + "  - {id: x, status: confirmed, pattern: a}\n"},
                                {"b.yaml", base + "  - {id: x, status: confirmed, pattern: b}\n"}});
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().ToString().find("b.yaml"), std::string::npos) << two.status().ToString();
  msg = LoadError("a.yaml", base + "  - {id: y, status: released, pattern: a}\n");
  EXPECT_NE(msg.find("released"), std::string::npos) << msg;
  EXPECT_NE(msg.find("rule y"), std::string::npos) << msg;
  msg = LoadError("a.yaml", base + "  - {id: z, status: confirmed, pattern: '{NOPE} a'}\n");
  EXPECT_NE(msg.find("NOPE"), std::string::npos) << msg;
  EXPECT_NE(msg.find("rule z"), std::string::npos) << msg;
  msg = LoadError("a.yaml", base + "  - {id: e, status: confirmed}\n");
  EXPECT_NE(msg.find("empty pattern"), std::string::npos) << msg;
  msg = LoadError("a.yaml", base + "  - {status: confirmed, pattern: a}\n");
  EXPECT_NE(msg.find("no id"), std::string::npos) << msg;
  msg = LoadError("f.yaml", "lang: fr\nrules: []\n");
  EXPECT_NE(msg.find("f.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("lang"), std::string::npos) << msg;
}

// The cue types: negative (scope casting|ost|all|work) and frame
// (agency|report|rumor|past); a status of another type is refused with the
// file and rule; a rule may override its file's type.
TEST(RuleEngine, CueTypesValidateTheirStatuses) {
  auto ok = RuleSet::LoadFromStrings({{"n.yaml", R"(lang: ko
type: negative
rules:
  - {id: n1, status: casting, pattern: '불발'}
  - {id: n2, status: ost, pattern: '차트'}
  - {id: n3, status: all, pattern: '열애'}
  - {id: n4, status: work, pattern: '예능'}
  - {id: f1, type: frame, status: agency, pattern: '소속사'}
  - {id: f2, type: frame, status: report, pattern: '알려졌'}
  - {id: f3, type: frame, status: rumor, pattern: '설'}
  - {id: f4, type: frame, status: past, pattern: '전작'}
  - {id: o1, type: ost, status: released, pattern: '공개됐'}
)"}});
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->rules().size(), 9u);
  EXPECT_EQ(ok->rules()[0]->type, RuleType::kNegative);
  EXPECT_EQ(ok->rules()[4]->type, RuleType::kFrame);
  EXPECT_EQ(ok->rules()[8]->type, RuleType::kOst);
  EXPECT_EQ(ok->rules()[0]->file, "n.yaml");
  EXPECT_EQ(ok->rules()[5]->index, 5u);
  EXPECT_EQ(RuleTypeName(RuleType::kNegative), "negative");
  EXPECT_EQ(RuleTypeName(RuleType::kFrame), "frame");

  std::string msg = LoadError("n.yaml",
                              "lang: en\ntype: negative\nrules:\n"
                              "  - {id: neg.bad, status: confirmed, pattern: a}\n");
  EXPECT_NE(msg.find("n.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("neg.bad"), std::string::npos) << msg;
  EXPECT_NE(msg.find("negative"), std::string::npos) << msg;
  msg = LoadError("f.yaml",
                  "lang: en\ntype: frame\nrules:\n"
                  "  - {id: frame.bad, status: announced, pattern: a}\n");
  EXPECT_NE(msg.find("frame.bad"), std::string::npos) << msg;
  EXPECT_NE(msg.find("announced"), std::string::npos) << msg;
  msg = LoadError("o.yaml",
                  "lang: en\ntype: ost\nrules:\n"
                  "  - {id: ost.bad, status: confirmed, pattern: a}\n");
  EXPECT_NE(msg.find("ost.bad"), std::string::npos) << msg;
  msg = LoadError("t.yaml", "lang: en\ntype: trivia\nrules: []\n");
  EXPECT_NE(msg.find("t.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("trivia"), std::string::npos) << msg;
  msg = LoadError("t.yaml",
                  "lang: en\ntype: casting\nrules:\n"
                  "  - {id: r.bad, type: gossip, status: confirmed, pattern: a}\n");
  EXPECT_NE(msg.find("r.bad"), std::string::npos) << msg;
  EXPECT_NE(msg.find("gossip"), std::string::npos) << msg;
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
  EXPECT_NE(rs.status().ToString().find("m.yaml"), std::string::npos);
  EXPECT_NE(rs.status().ToString().find("casting.en.huge"), std::string::npos);
}

TEST(RuleEngine, SetPrefilterRunsOnlyFiringRulesAndCaptures) {
  auto rs = RuleSet::LoadFromStrings({{"s.yaml", R"(lang: en
type: casting
triggers: [cast]
macros: {Q: "'[^']+'"}
rules:
  - {id: a, status: confirmed, pattern: '(?P<person>[A-Z]\w+) cast in (?P<work>{Q})'}
  - {id: b, status: in_talks, pattern: '(?P<person>[A-Z]\w+) in talks'}
)"}});
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  EXPECT_EQ(rs->rules()[0]->pattern, "(?P<person>[A-Z]\\w+) cast in (?P<work>(?:'[^']+'))");
  auto m = rs->Match("Jisoo cast in 'Newtopia' today", "en");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rule->id, "a");
  EXPECT_EQ(m[0].groups.at("person"), "Jisoo");
  EXPECT_EQ(m[0].groups.at("work"), "'Newtopia'");
  auto both = rs->Match("Jisoo in talks, Jisoo cast in 'Newtopia'", "en");
  ASSERT_EQ(both.size(), 2u);  // load order
  EXPECT_EQ(both[0].rule->id, "a");
  EXPECT_EQ(both[1].rule->id, "b");
  EXPECT_TRUE(rs->Match("Jisoo cast in 'Newtopia' today", "ko").empty());
  // Default priority by status: within a sentence the more hedged status wins
  // ("in talks to star" is in_talks, not confirmed); `priority:` overrides it.
  EXPECT_GT(rs->rules()[1]->priority, rs->rules()[0]->priority);
  auto over =
      RuleSet::LoadFromStrings({{"p.yaml",
                                 "lang: en\ntype: casting\nrules:\n"
                                 "  - {id: p, status: confirmed, priority: 99, pattern: a}\n"}});
  ASSERT_TRUE(over.ok()) << over.status().ToString();
  EXPECT_EQ(over->rules()[0]->priority, 99);
}

// FindAll: byte spans of the non-overlapping matches, left to right, bounded,
// and nothing for a rule that belongs to another RuleSet.
TEST(RuleEngine, FindAllGivesSpansLeftToRight) {
  auto rs = RuleSet::LoadFromStrings({{"f.yaml", R"(lang: en
type: frame
rules:
  - {id: f.report, status: report, pattern: '(?i)reported(?:ly)?'}
  - {id: f.empty, status: past, pattern: 'x*'}
)"}});
  ASSERT_TRUE(rs.ok()) << rs.status().ToString();
  const Rule& report = *rs->rules()[0];
  const std::string text = "Reportedly cast; it was reported twice, REPORTED again";
  auto spans = rs->FindAll(report, text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], std::make_pair(size_t{0}, size_t{10}));
  EXPECT_EQ(text.substr(spans[1].first, spans[1].second - spans[1].first), "reported");
  EXPECT_EQ(text.substr(spans[2].first, spans[2].second - spans[2].first), "REPORTED");
  EXPECT_LT(spans[1].second, spans[2].first);
  EXPECT_EQ(rs->FindAll(report, text, 2).size(), 2u);
  EXPECT_TRUE(rs->FindAll(report, "nothing here").empty());
  // A pattern that can match the empty string still terminates.
  auto empty = rs->FindAll(*rs->rules()[1], "abc", 100);
  EXPECT_LE(empty.size(), 4u);
  // A rule of another RuleSet gives nothing.
  const RuleSet& shipped = ShippedCues();
  ASSERT_FALSE(shipped.rules().empty());
  EXPECT_TRUE(rs->FindAll(*shipped.rules()[0], text).empty());
}

// Title marks: optional per language. With none (the shipped cues) every
// sentence passes; with marks a sentence needs one, and a casting/OST rule
// whose example has none is refused at load so the gate never hides a match.
TEST(RuleEngine, TitleMarksGateSentencesAndAreCheckedAgainstExamples) {
  const RuleSet& shipped = ShippedCues();
  EXPECT_TRUE(shipped.HasTitleMark("Cha Eun-woo joins the drama Wonderful World", "en"));
  EXPECT_TRUE(shipped.HasTitleMark("그는 팬들에게 감사의 뜻을 전했다.", "ko"));
  auto marked = RuleSet::LoadFromStrings({{"m.yaml", R"(lang: en
type: casting
title_marks: ["'", "drama "]
rules:
  - id: casting.en.q
    status: confirmed
    pattern: 'cast in'
    examples: ["Kim cast in 'Wonderland'"]
)"}});
  ASSERT_TRUE(marked.ok()) << marked.status().ToString();
  EXPECT_TRUE(marked->HasTitleMark("Kim cast in 'Wonderland'", "en"));
  EXPECT_TRUE(marked->HasTitleMark("Kim joins the drama Wonderland", "en"));
  EXPECT_FALSE(marked->HasTitleMark("The broadcaster thanked her fans", "en"));
  const std::string msg = LoadError("a.yaml", R"(lang: en
type: casting
title_marks: ["'"]
rules:
  - id: casting.en.no_title
    status: confirmed
    pattern: '(?P<person>[A-Z]\w+) cast in (?P<work>\w+)'
    examples: [Kim cast in Wonderland]
)");
  EXPECT_NE(msg.find("title mark"), std::string::npos) << msg;
  EXPECT_NE(msg.find("casting.en.no_title"), std::string::npos) << msg;
}

}  // namespace
}  // namespace hallyu
