// Loading the gazetteer through the YAML-subset reader gives exactly what loading it through
// yaml-cpp gives (issue 14: the fast path must not change a single lookup), and errors keep
// "file:line: reason" on both paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "extractors/base/yaml_subset.h"
#include "extractors/detect/gazetteer.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::ReadFileOrFail;
using hallyu::testing::SourcePath;
using yaml_subset::Reader;

std::vector<std::string> ShippedFiles() {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(SourcePath("configs/gazetteer"))) {
    if (e.path().extension() == ".yaml") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Loads with `reader`, restoring the default reader afterwards.
Result<Gazetteer> LoadWith(Reader reader, const std::string& dir) {
  yaml_subset::SetReaderForTesting(reader);
  Result<Gazetteer> g = Gazetteer::LoadDir(dir);
  yaml_subset::SetReaderForTesting(Reader::kSubsetThenYamlCpp);
  return g;
}

Result<Gazetteer> LoadStringWith(Reader reader, const std::string& yaml) {
  yaml_subset::SetReaderForTesting(reader);
  Result<Gazetteer> g = Gazetteer::LoadFromStrings({{"g.yaml", yaml}});
  yaml_subset::SetReaderForTesting(Reader::kSubsetThenYamlCpp);
  return g;
}

// Every scalar of a tree (names, titles, natives, aliases, kinds, networks...).
void Scalars(const yaml_subset::Node& n, std::set<std::string>* out) {
  if (n.IsScalar()) out->insert(n.text);
  for (const auto& item : n.items) Scalars(item, out);
  for (const auto& [k, v] : n.entries) Scalars(v, out);
}

std::string Describe(const GazetteerPerson* p) {
  if (p == nullptr) return "-";
  return p->id + "|" + p->name + "|" + p->native + "|" + p->group + "|" +
         std::to_string(static_cast<int>(p->kind)) + "|" + (p->also_actor ? "acts" : "");
}
std::string Describe(const GazetteerWork* w) {
  if (w == nullptr) return "-";
  return w->id + "|" + w->title + "|" + w->native + "|" + w->kind + "|" + w->network + "|" +
         std::to_string(w->year);
}
std::string Describe(const GazetteerNetwork* n) { return n ? n->name + "|" + n->native : "-"; }
std::string Describe(const GazetteerOrganisation* o) {
  return o ? o->name + "|" + o->native + "|" + o->kind : "-";
}

TEST(GazetteerLoad, EveryShippedFileIsInTheSubsetAndReadsAsYamlCppReadsIt) {
  for (const std::string& path : ShippedFiles()) {
    const std::string text = ReadFileOrFail(path);
    yaml_subset::SubsetResult fast = yaml_subset::ParseSubset(text);
    ASSERT_TRUE(fast.ok()) << path << ": " << fast.reason;
    Result<yaml_subset::Node> slow = yaml_subset::ConvertWithYamlCpp(text, path);
    ASSERT_TRUE(slow.ok()) << slow.status().ToString();
    EXPECT_TRUE(fast.root == *slow) << path;
  }
}

TEST(GazetteerLoad, FastAndYamlCppPathsGiveIdenticalLookups) {
  const auto t0 = std::chrono::steady_clock::now();
  Result<Gazetteer> fast = LoadWith(Reader::kSubsetThenYamlCpp, SourcePath("configs/gazetteer"));
  const auto t1 = std::chrono::steady_clock::now();
  Result<Gazetteer> slow = LoadWith(Reader::kYamlCppOnly, SourcePath("configs/gazetteer"));
  const auto t2 = std::chrono::steady_clock::now();
  ASSERT_TRUE(fast.ok()) << fast.status().ToString();
  ASSERT_TRUE(slow.ok()) << slow.status().ToString();
  std::printf("gazetteer load: subset reader %.1f ms, yaml-cpp %.1f ms\n",
              std::chrono::duration<double, std::milli>(t1 - t0).count(),
              std::chrono::duration<double, std::milli>(t2 - t1).count());
  EXPECT_EQ(fast->person_count(), slow->person_count());
  EXPECT_EQ(fast->group_count(), slow->group_count());
  EXPECT_EQ(fast->work_count(), slow->work_count());
  EXPECT_EQ(fast->network_count(), slow->network_count());
  EXPECT_EQ(fast->organisation_count(), slow->organisation_count());
  EXPECT_GE(fast->person_count(), 3000u);

  std::set<std::string> names;
  for (const std::string& path : ShippedFiles()) {
    Scalars(yaml_subset::ParseSubset(ReadFileOrFail(path)).root, &names);
  }
  std::vector<std::string> groups;
  for (const std::string& n : names) {
    if (fast->FindGroup(n)) groups.push_back(n);
  }
  ASSERT_GT(names.size(), 10000u);
  ASSERT_GT(groups.size(), 500u);
  size_t checked = 0;
  for (const std::string& name : names) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string& q : {name, lower, name + " x"}) {
      ASSERT_EQ(Describe(fast->FindPerson(q)), Describe(slow->FindPerson(q))) << q;
      ASSERT_EQ(fast->FindGroup(q), slow->FindGroup(q)) << q;
      ASSERT_EQ(Describe(fast->FindWork(q)), Describe(slow->FindWork(q))) << q;
      ASSERT_EQ(Describe(fast->FindNetwork(q)), Describe(slow->FindNetwork(q))) << q;
      ASSERT_EQ(Describe(fast->FindOrganisation(q)), Describe(slow->FindOrganisation(q))) << q;
      ++checked;
    }
    // Homonyms told apart by group: the person of this name in a few groups.
    const GazetteerPerson* p = fast->FindPerson(name);
    if (p != nullptr && !p->group.empty()) {
      for (const std::string& g : {p->group, groups[checked % groups.size()]}) {
        ASSERT_EQ(Describe(fast->FindPersonInGroup(name, g)),
                  Describe(slow->FindPersonInGroup(name, g)))
            << name << " / " << g;
      }
    }
  }
  EXPECT_GT(checked, 30000u);
}

// Entries defined twice: the first definition wins on both paths, across files too.
TEST(GazetteerLoad, FirstDefinitionWinsAcrossFiles) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"a.yaml",
       "actors:\n  - {name: Han Ji-min, native: 한지민}\n  - {name: Other, aliases: "
       "[Han Ji Min]}\nworks:\n  - {title: Moon, year: 2001}\n"},
      {"b.yaml",
       "actors:\n  - {name: Han Jimin, native: 한지민, aliases: [Solo]}\n"
       "works:\n  - {title: moon, year: 2002}\n  - {title: Sun}\n"},
  };
  for (Reader r : {Reader::kSubsetThenYamlCpp, Reader::kYamlCppOnly}) {
    yaml_subset::SetReaderForTesting(r);
    Result<Gazetteer> g = Gazetteer::LoadFromStrings(files);
    yaml_subset::SetReaderForTesting(Reader::kSubsetThenYamlCpp);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    EXPECT_EQ(g->FindPerson("한지민")->name, "Han Ji-min");
    EXPECT_EQ(g->FindPerson("Han Ji Min")->name, "Other");
    EXPECT_EQ(g->FindPerson("hanjimin")->name, "Han Ji-min");
    EXPECT_EQ(g->FindPerson("Solo")->name, "Han Jimin");
    EXPECT_EQ(g->FindWork("MOON")->year, 2001);
    EXPECT_EQ(g->FindWork("moon")->year, 2002);  // the exact spelling first
    EXPECT_EQ(g->FindWork("Sun")->year, 0);
  }
}

// Each bad file fails with the same message whichever reader ran, naming file and line.
TEST(GazetteerLoad, ErrorsAreTheSameOnBothPathsWithFileAndLine) {
  struct Case {
    const char* yaml;
    const char* where;
    const char* reason;
  };
  const Case cases[] = {
      {"actors:\n  - {name: A}\n  - {name: B, nativ: 비}\n", "g.yaml:3", "unknown field 'nativ'"},
      {"works:\n  - {title: X}\nactress:\n  - {name: Y}\n", "g.yaml:3",
       "unknown section 'actress'"},
      {"works:\n  - {title: X}\n  - {native: 와이}\n", "g.yaml:3", "entry has no title"},
      {"works:\n  - {title: ''}\n", "g.yaml:2", "entry has no title"},
      {"groups:\n  - name: G\n    members:\n      - {name: M, group: [x]}\n", "g.yaml:4",
       "group must be a scalar"},
      {"singers:\n  - {name: S, aliases: S2}\n", "g.yaml:2", "aliases must be a list"},
      {"singers:\n  - {name: S, aliases: [[S2]]}\n", "g.yaml:2", "an alias must be text"},
      {"works: {title: X}\n", "g.yaml:1", "section works must be a list"},
      {"works:\n  - just a title\n", "g.yaml:2", "entry must be a map"},
      {"groups:\n  - name: G\n    members:\n      - name: M\n        acts: maybe\n", "g.yaml:5",
       "acts must be true or false"},
      {"works:\n  - title: W\n    year: twenty\n", "g.yaml:3", "year must be an integer"},
      {"works:\n  - {title: W, year: 99999999999}\n", "g.yaml:2", "year must be an integer"},
      {"actors:\n  - name: A\n    native:\n", "g.yaml:3", "native must be a scalar"},
      {"- a\n- b\n", "g.yaml", "top level must be a map"},
  };
  for (const Case& c : cases) {
    Result<Gazetteer> fast = LoadStringWith(Reader::kSubsetThenYamlCpp, c.yaml);
    Result<Gazetteer> slow = LoadStringWith(Reader::kYamlCppOnly, c.yaml);
    ASSERT_FALSE(fast.ok()) << c.yaml;
    ASSERT_FALSE(slow.ok()) << c.yaml;
    EXPECT_EQ(fast.status().ToString(), slow.status().ToString()) << c.yaml;
    EXPECT_EQ(fast.status().code(), ErrorCode::kParse);
    const std::string msg = fast.status().message();
    EXPECT_EQ(msg.rfind(std::string(c.where) + ": ", 0), 0u) << msg;
    EXPECT_NE(msg.find(c.reason), std::string::npos) << msg;
  }
  // Outside the subset the yaml-cpp reading is checked the same way (an anchor here).
  Result<Gazetteer> anchored =
      LoadStringWith(Reader::kSubsetThenYamlCpp, "actors:\n  - &a {name: A, age: 3}\n");
  ASSERT_FALSE(anchored.ok());
  EXPECT_NE(anchored.status().message().find("g.yaml:2: unknown field 'age'"), std::string::npos)
      << anchored.status().ToString();
  Result<Gazetteer> aliased =
      LoadStringWith(Reader::kSubsetThenYamlCpp, "actors:\n  - &a {name: A}\nsingers:\n  - *a\n");
  ASSERT_TRUE(aliased.ok()) << aliased.status().ToString();
  EXPECT_EQ(aliased->person_count(), 2u);
  // Bad YAML keeps yaml-cpp's message with its line.
  Result<Gazetteer> broken = LoadStringWith(Reader::kSubsetThenYamlCpp, "actors: [ {name: A\n");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("g.yaml: YAML: "), std::string::npos);
  EXPECT_NE(broken.status().message().find("line"), std::string::npos);
}

TEST(GazetteerLoad, ActsAndYearSpellings) {
  Result<Gazetteer> g = Gazetteer::LoadFromStrings(
      {{"g.yaml",
        "groups:\n  - name: G\n    members:\n      - {name: A, acts: True}\n      - {name: B, "
        "acts: false}\nworks:\n  - {title: W, year: '2024'}\n  - {title: V, year: -5}\n"}});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_TRUE(g->FindPerson("A")->also_actor);
  EXPECT_FALSE(g->FindPerson("B")->also_actor);
  EXPECT_EQ(g->FindWork("W")->year, 2024);
  EXPECT_EQ(g->FindWork("V")->year, -5);
}

}  // namespace
}  // namespace hallyu
