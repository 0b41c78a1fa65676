#include "extractors/detect/gazetteer.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::SourcePath;

const Gazetteer& Shipped() {
  static const Gazetteer* g = [] {
    auto r = Gazetteer::LoadDir(SourcePath("configs/gazetteer"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new Gazetteer(r.ok() ? std::move(*r) : Gazetteer());
  }();
  return *g;
}

std::string LoadError(const std::string& yaml, const std::string& file = "g.yaml") {
  auto g = Gazetteer::LoadFromStrings({{file, yaml}});
  EXPECT_FALSE(g.ok()) << "should not load:\n" << yaml;
  return g.ok() ? std::string() : g.status().ToString();
}

// The scale issue 14 asks for, counted on the shipped folder.
TEST(Gazetteer, ShippedFolderLoadsAtScale) {
  const Gazetteer& g = Shipped();
  std::printf("gazetteer: %zu people, %zu groups, %zu works, %zu networks, %zu organisations\n",
              g.person_count(), g.group_count(), g.work_count(), g.network_count(),
              g.organisation_count());
  EXPECT_GE(g.person_count(), 3000u);
  EXPECT_GE(g.group_count(), 500u);
  EXPECT_GE(g.work_count(), 2000u);
  EXPECT_GE(g.organisation_count(), 300u);
  EXPECT_GE(g.network_count(), 40u);
}

TEST(Gazetteer, ShippedEntriesResolveByAnyScriptAndSpelling) {
  const Gazetteer& g = Shipped();
  const GazetteerPerson* cha = g.FindPerson("차은우");
  ASSERT_NE(cha, nullptr);
  EXPECT_EQ(cha->name, "Cha Eun-woo");
  EXPECT_EQ(cha->group, "ASTRO");
  EXPECT_EQ(cha->kind, PersonKind::kIdol);
  EXPECT_TRUE(cha->also_actor);
  EXPECT_EQ(g.FindPerson("cha eunwoo"), cha);
  EXPECT_EQ(g.FindPerson("Cha Eun Woo"), cha);
  EXPECT_EQ(g.FindPersonInGroup("Eunwoo", "아스트로"), cha);
  EXPECT_EQ(g.FindGroup("방탄소년단").value_or(""), "BTS");
  const GazetteerWork* w = g.FindWork("눈물의 여왕");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->title, "Queen of Tears");
  EXPECT_EQ(w->network, "tvN");
  EXPECT_EQ(w->year, 2024);
  EXPECT_EQ(g.FindWork("queen of tears"), w);
  const GazetteerNetwork* kbs = g.FindNetwork("KBS 2TV");
  ASSERT_NE(kbs, nullptr);
  EXPECT_EQ(kbs->name, "KBS2");
  const GazetteerOrganisation* sm = g.FindOrganisation("SM엔터테인먼트");
  ASSERT_NE(sm, nullptr);
  EXPECT_EQ(sm->name, "SM Entertainment");
  EXPECT_EQ(sm->kind, "agency");
  EXPECT_EQ(g.FindPerson("SM Entertainment"), nullptr);  // organisations are never persons
  EXPECT_EQ(g.FindPerson("Nobody Atall"), nullptr);
  EXPECT_EQ(g.FindWork(""), nullptr);
}

// actors-4.yaml (2026-12-06): OST vocalists the lists lacked resolve by Hangul and romanisation as
// singers, and an actor restated with the spelling English news uses keeps every older spelling.
TEST(Gazetteer, ShippedOstVocalistsAndRestatedSpellingsResolve) {
  const Gazetteer& g = Shipped();
  for (const char* native : {"임한별", "백아연", "최유리", "홍이삭", "선우정아", "정세운"}) {
    const GazetteerPerson* p = g.FindPerson(native);
    ASSERT_NE(p, nullptr) << native;
    EXPECT_EQ(p->kind, PersonKind::kSinger) << native;
  }
  EXPECT_EQ(g.FindPerson("Lim Han-byul"), g.FindPerson("임한별"));
  EXPECT_EQ(g.FindPerson("Hong Isaac"), g.FindPerson("홍이삭"));
  const GazetteerPerson* elijah = g.FindPerson("이엘리야");
  ASSERT_NE(elijah, nullptr);
  EXPECT_EQ(g.FindPerson("Lee Elijah"), elijah);
  EXPECT_EQ(g.FindPerson("Lee El-ri-ya"), elijah);
  EXPECT_EQ(g.FindPerson("Jeon So-nee"), g.FindPerson("전소니"));
  EXPECT_EQ(g.FindPerson("Shin Hyun-been"), g.FindPerson("신현빈"));
  EXPECT_EQ(g.FindPerson("Shin Hyun-bin"), g.FindPerson("신현빈"));
}

TEST(Gazetteer, SectionsFieldsAndHomonymsFromStrings) {
  auto g = Gazetteer::LoadFromStrings({{"a.yaml", R"(groups:
  - name: Alpha
    native: 알파
    members:
      - {name: Jun, native: 준, acts: true}
  - name: Beta
    members:
      - {name: Jun, native: 준}
actors:
  - {name: Kim Ha-neul, native: 김하늘, aliases: [Kim Haneul]}
singers:
  - {name: Ballad Voice, native: 발라드}
works:
  - {title: Paper Moon, native: 종이달, kind: film, network: CJ ENM, year: 2025, aliases: [Paper Moons]}
  - {title: Glass Road}
networks:
  - {name: tvN, native: 티비엔}
organisations:
  - {name: Star Agency, native: 스타에이전시, kind: agency}
)"}});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->group_count(), 2u);
  EXPECT_EQ(g->person_count(), 4u);
  EXPECT_EQ(g->work_count(), 2u);
  EXPECT_EQ(g->organisation_count(), 1u);
  EXPECT_EQ(g->FindPersonInGroup("Jun", "Beta")->group, "Beta");
  EXPECT_EQ(g->FindPersonInGroup("준", "알파")->group, "Alpha");
  EXPECT_TRUE(g->FindPersonInGroup("Jun", "Alpha")->also_actor);
  EXPECT_EQ(g->FindPerson("Kim Haneul")->kind, PersonKind::kActor);
  EXPECT_EQ(g->FindPerson("발라드")->kind, PersonKind::kSinger);
  const GazetteerWork* w = g->FindWork("paper moons");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->kind, "film");
  EXPECT_EQ(w->year, 2025);
  EXPECT_EQ(g->FindWork("Glass Road")->kind, "drama");  // the default kind
  EXPECT_EQ(g->FindWork("Glass Road")->year, 0);
  EXPECT_EQ(g->FindOrganisation("스타에이전시")->name, "Star Agency");
  // Several folders merge in order.
  auto both =
      Gazetteer::LoadDirs({SourcePath("configs/gazetteer"), SourcePath("configs/demo/gazetteer")});
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_GT(both->person_count(), Shipped().person_count());
}

// A bare name that is both a group member's stage name and an actor's or soloist's own name
// is the actor's or soloist's, whichever file came first; the member is found with the group.
TEST(Gazetteer, ABareNameIsTheSoloPersonsBeforeAGroupMembersStageName) {
  auto g = Gazetteer::LoadFromStrings({{"a-groups.yaml", R"(groups:
  - name: Bonus
    members:
      - {name: Sunbin, native: 선빈, aliases: [Kim Sun-bin]}
      - {name: Dara, native: 다라}
)"},
                                       {"b-people.yaml", R"(actors:
  - {name: Sun Bin, native: 선빈}
singers:
  - {name: Dara Song, native: 다라, aliases: [Kim Sun-bin]}
)"}});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->FindPerson("선빈")->name, "Sun Bin");
  EXPECT_EQ(g->FindPerson("Sun Bin")->name, "Sun Bin");
  EXPECT_EQ(g->FindPerson("다라")->name, "Dara Song");
  EXPECT_EQ(g->FindPersonInGroup("선빈", "Bonus")->name, "Sunbin");
  // an alias does not take a name from a member: the first definition keeps it
  EXPECT_EQ(g->FindPerson("Kim Sun-bin")->name, "Sunbin");
  // the shipped gazetteer: the actors, not idols of the same stage name
  EXPECT_EQ(Shipped().FindPerson("현빈")->name, "Hyun Bin");
  EXPECT_EQ(Shipped().FindPerson("공유")->name, "Gong Yoo");
  EXPECT_EQ(Shipped().FindPerson("보아")->name, "BoA");
}

// Strict loading: a typo fails at load with "file:line: reason".
TEST(Gazetteer, BadFilesFailWithFileLineAndReason) {
  std::string msg = LoadError("actors:\n  - {name: A}\n  - {name: B, nativ: 비}\n", "people.yaml");
  EXPECT_NE(msg.find("people.yaml:3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown field 'nativ'"), std::string::npos) << msg;
  msg = LoadError("works:\n  - {title: X}\nactress:\n  - {name: Y}\n");
  EXPECT_NE(msg.find("g.yaml:3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown section 'actress'"), std::string::npos) << msg;
  msg = LoadError("works:\n  - {title: X}\n  - {native: 와이}\n");
  EXPECT_NE(msg.find("g.yaml:3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("no title"), std::string::npos) << msg;
  msg = LoadError("groups:\n  - name: G\n    members:\n      - {name: M, group: [x]}\n");
  EXPECT_NE(msg.find("g.yaml:4"), std::string::npos) << msg;
  EXPECT_NE(msg.find("must be a scalar"), std::string::npos) << msg;
  msg = LoadError("singers:\n  - {name: S, aliases: S2}\n");
  EXPECT_NE(msg.find("g.yaml:2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("aliases must be a list"), std::string::npos) << msg;
  msg = LoadError("works: {title: X}\n");
  EXPECT_NE(msg.find("section works must be a list"), std::string::npos) << msg;
  msg = LoadError("organisations:\n  - {name: O, kind: agency, founded: 1995}\n");
  EXPECT_NE(msg.find("g.yaml:2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("founded"), std::string::npos) << msg;
  msg = LoadError("actors: [ {name: A\n");
  EXPECT_NE(msg.find("g.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("line"), std::string::npos) << msg;
  auto missing = Gazetteer::LoadDir(SourcePath("configs/no-such-gazetteer"));
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace hallyu
