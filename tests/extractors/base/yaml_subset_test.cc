// The YAML-subset reader: each construct of the subset reads to the tree yaml-cpp gives, each
// construct outside it is refused (and ParseDocument then answers with yaml-cpp's reading).
#include "extractors/base/yaml_subset.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace hallyu::yaml_subset {
namespace {

// Node equality for comparing the two readers. The line of a null sequence item is not
// compared: yaml-cpp marks it where the next token starts, the subset reader at its dash.
bool SameTree(const Node& a, const Node& b, bool null_item, std::string* why) {
  if (a.kind != b.kind || a.text != b.text || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size()) {
    *why = "node at line " + std::to_string(a.line) + " / " + std::to_string(b.line) + " ('" +
           a.text + "' / '" + b.text + "')";
    return false;
  }
  if (a.line != b.line && !(null_item && a.IsNull())) {
    *why = "line " + std::to_string(a.line) + " vs " + std::to_string(b.line);
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!SameTree(a.items[i], b.items[i], true, why)) return false;
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (!SameTree(a.entries[i].first, b.entries[i].first, false, why)) return false;
    if (!SameTree(a.entries[i].second, b.entries[i].second, false, why)) return false;
  }
  return true;
}

// Reads `yaml` with both readers; the subset reader must accept it and agree with yaml-cpp.
Node ReadBoth(const std::string& yaml) {
  SubsetResult fast = ParseSubset(yaml);
  EXPECT_TRUE(fast.ok()) << fast.reason << "\n" << yaml;
  Result<Node> slow = ConvertWithYamlCpp(yaml, "t.yaml");
  EXPECT_TRUE(slow.ok()) << slow.status().ToString();
  std::string why;
  if (fast.ok() && slow.ok()) {
    EXPECT_TRUE(SameTree(fast.root, *slow, false, &why)) << why << "\n" << yaml;
  }
  return fast.root;
}

// `yaml` is outside the subset; ParseDocument still reads it as yaml-cpp does.
std::string Refused(const std::string& yaml) {
  SubsetResult fast = ParseSubset(yaml);
  EXPECT_FALSE(fast.ok()) << "accepted:\n" << yaml;
  EXPECT_EQ(fast.root, Node());
  Result<Node> doc = ParseDocument(yaml, "t.yaml");
  Result<Node> slow = ConvertWithYamlCpp(yaml, "t.yaml");
  EXPECT_EQ(doc.ok(), slow.ok());
  if (doc.ok() && slow.ok()) {
    EXPECT_EQ(*doc, *slow);
  }
  if (!doc.ok() && !slow.ok()) {
    EXPECT_EQ(doc.status().ToString(), slow.status().ToString());
  }
  return fast.reason;
}

TEST(YamlSubset, TopLevelSectionsWithFlowAndBlockItems) {
  const Node root = ReadBoth(
      "# a comment line\n"
      "groups:\n"
      "  - name: ASTRO   # after a value\n"
      "    native: 아스트로\n"
      "    members:\n"
      "      - {name: Cha Eun-woo, aliases: [Cha Eunwoo, 'Eun woo', \"EW\"], acts: true}\n"
      "      - name: MJ\n"
      "        aliases: [Kim Myung-jun]\n"
      "\n"
      "    # a comment between keys\n"
      "    kind: boy\n"
      "actors:\n"
      "  - {name: Kim Ha-neul}\n");
  ASSERT_TRUE(root.IsMap());
  ASSERT_EQ(root.entries.size(), 2u);
  EXPECT_EQ(root.entries[0].first.text, "groups");
  const Node* groups = root.Find("groups");
  ASSERT_NE(groups, nullptr);
  ASSERT_TRUE(groups->IsSequence());
  EXPECT_EQ(groups->line, 3);
  const Node& astro = groups->items[0];
  EXPECT_EQ(astro.line, 3);
  EXPECT_EQ(astro.Find("name")->text, "ASTRO");
  EXPECT_EQ(astro.Find("kind")->text, "boy");
  EXPECT_EQ(astro.Find("kind")->line, 11);
  const Node* members = astro.Find("members");
  ASSERT_NE(members, nullptr);
  ASSERT_EQ(members->items.size(), 2u);
  const Node& cha = members->items[0];
  EXPECT_EQ(cha.line, 6);
  ASSERT_EQ(cha.Find("aliases")->items.size(), 3u);
  EXPECT_EQ(cha.Find("aliases")->items[1].text, "Eun woo");
  EXPECT_EQ(cha.Find("aliases")->items[2].text, "EW");
  EXPECT_EQ(cha.Find("acts")->text, "true");
  EXPECT_EQ(members->items[1].Find("aliases")->line, 8);
  EXPECT_EQ(root.Find("actors")->items[0].Find("name")->line, 13);
  EXPECT_EQ(root.Find("nothing"), nullptr);
}

TEST(YamlSubset, EmptyValuesNullWordsAndEmptyCollections) {
  const Node root = ReadBoth(
      "works:\n"
      "actors: []\n"
      "singers:\n"
      "  - {}\n"
      "  - name: A\n"
      "    native:\n"
      "    group: ~\n"
      "    kind: null\n"
      "    x: 'null'\n"
      "    y: NULL\n");
  EXPECT_TRUE(root.Find("works")->IsNull());
  EXPECT_EQ(root.Find("works")->line, 1);
  EXPECT_TRUE(root.Find("actors")->IsSequence());
  EXPECT_TRUE(root.Find("actors")->items.empty());
  const Node& a = root.Find("singers")->items[1];
  EXPECT_TRUE(a.Find("native")->IsNull());
  EXPECT_EQ(a.Find("native")->line, 6);
  EXPECT_TRUE(a.Find("group")->IsNull());
  EXPECT_TRUE(a.Find("kind")->IsNull());
  EXPECT_EQ(a.Find("x")->text, "null");
  EXPECT_TRUE(a.Find("x")->IsScalar());
  EXPECT_TRUE(a.Find("y")->IsNull());
  EXPECT_TRUE(ReadBoth("").IsNull());
  EXPECT_TRUE(ReadBoth("# only a comment\n\n   \n").IsNull());
}

TEST(YamlSubset, IndentlessSequencesAndNestedBlocks) {
  const Node root = ReadBoth(
      "groups:\n"
      "- name: G\n"
      "  members:\n"
      "  - {name: M1}\n"
      "  -\n"
      "    name: M2\n"
      "networks:\n"
      "    -   {name: N}\n"
      "works:\n"
      "  - title: T\n"
      "    extra:\n"
      "      deeper: value\n");
  const Node& g = root.Find("groups")->items[0];
  ASSERT_EQ(g.Find("members")->items.size(), 2u);
  EXPECT_EQ(g.Find("members")->items[1].Find("name")->text, "M2");
  EXPECT_EQ(g.Find("members")->items[1].line, 6);
  EXPECT_EQ(root.Find("works")->items[0].Find("extra")->Find("deeper")->text, "value");
  EXPECT_EQ(root.Find("networks")->items[0].Find("name")->text, "N");
}

TEST(YamlSubset, CommentsAgainstHashesInsideValues) {
  const Node root = ReadBoth(
      "groups:\n"
      "  - name: S#aFLA # the comment\n"
      "    native: \"a # b\"\n"
      "    kind: 'c #d'\n"
      "    aliases: [x#y, \"z # w\"]  # trailing\n"
      "  - {name: '#1'}   # after a flow map\n");
  const Node& g = root.Find("groups")->items[0];
  EXPECT_EQ(g.Find("name")->text, "S#aFLA");
  EXPECT_EQ(g.Find("native")->text, "a # b");
  EXPECT_EQ(g.Find("kind")->text, "c #d");
  EXPECT_EQ(g.Find("aliases")->items[0].text, "x#y");
  EXPECT_EQ(g.Find("aliases")->items[1].text, "z # w");
  EXPECT_EQ(root.Find("groups")->items[1].Find("name")->text, "#1");
}

TEST(YamlSubset, QuotedScalarsAndEscapes) {
  const Node root = ReadBoth(
      "works:\n"
      "  - {title: 'It''s Okay', native: \"say \\\"hi\\\" \\\\ \\u00e9\\u4e00/\\/\", aliases: "
      "['a, b', \"c: d\", '[e]', \"{f}\", '']}\n"
      "  - title: \"Are You Human Too?\"\n"
      "    network: 'KBS2'\n"
      "    kind: \"tab\\there\\nnew\"\n"
      "  - {title: Girls' Generation, native: 7 O'clock, year: 2019}\n"
      "  - title: CLASS:y\n"
      "    native: a, b [c] {d} e?\n");
  const auto& works = root.Find("works")->items;
  EXPECT_EQ(works[0].Find("title")->text, "It's Okay");
  EXPECT_EQ(works[0].Find("native")->text, "say \"hi\" \\ \xC3\xA9\xE4\xB8\x80//");
  const auto& aliases = works[0].Find("aliases")->items;
  ASSERT_EQ(aliases.size(), 5u);
  EXPECT_EQ(aliases[0].text, "a, b");
  EXPECT_EQ(aliases[1].text, "c: d");
  EXPECT_EQ(aliases[4].text, "");
  EXPECT_TRUE(aliases[4].IsScalar());
  EXPECT_EQ(works[1].Find("title")->text, "Are You Human Too?");
  EXPECT_EQ(works[1].Find("kind")->text, "tab\there\nnew");
  EXPECT_EQ(works[2].Find("title")->text, "Girls' Generation");
  EXPECT_EQ(works[2].Find("year")->text, "2019");
  EXPECT_EQ(works[3].Find("title")->text, "CLASS:y");
  EXPECT_EQ(works[3].Find("native")->text, "a, b [c] {d} e?");
}

TEST(YamlSubset, CrLfLineEndsAndUtf8) {
  const Node root = ReadBoth("actors:\r\n  - {name: 김수현, aliases: [Kim Soo-hyun]}\r\n");
  EXPECT_EQ(root.Find("actors")->items[0].Find("name")->text, "김수현");
}

TEST(YamlSubset, ConstructsOutsideTheSubsetAreRefused) {
  EXPECT_NE(Refused("a: &x 1\nb: *x\n").find("line 1"), std::string::npos);
  EXPECT_NE(Refused("a: 1\nb: *x\n").find("line 2"), std::string::npos);  // bad YAML too
  Refused("a: !!str 1\n");
  Refused("a: |\n  text\n");
  Refused("a: >\n  folded\n");
  Refused("a: one\n  two\n");    // multi-line plain scalar
  Refused("a: 'one\n  two'\n");  // multi-line quoted scalar
  Refused("a:\n\t- b\n");        // tab indentation
  Refused("a: [b,\n  c]\n");     // flow collection spanning lines
  Refused("a: {b: 1,\n  c: 2}\n");
  EXPECT_NE(Refused("a: 1\nb: 2\na: 3\n").find("line 3"), std::string::npos);  // repeated key
  Refused("a: {b: 1, b: 2}\n");
  Refused("---\na: 1\n");
  Refused("%YAML 1.2\n---\na: 1\n");
  Refused(
      "\xEF\xBB\xBF"
      "a: 1\n");            // BOM
  Refused("a: \xFF\n");     // invalid UTF-8
  Refused("a: b\rc: d\n");  // lone CR
  Refused("? a\n: b\n");    // complex key
  Refused("- a\n- b\n");    // top-level sequence
  Refused("a: - b\n");
  Refused("a: [b: c]\n");  // single-pair map in a flow sequence
  Refused("a: {b: c: d}\n");
  Refused("a: b: c\n");
  Refused("a: [b, ]\n");      // trailing comma
  Refused("a: [b # c]\n");    // comment inside a flow collection
  Refused("a: \"\\x41\"\n");  // escape outside the subset
  Refused("a: \"b\" c\n");    // text after a quoted scalar
  Refused("a:\n  - - b\n");   // sequence in a sequence item
  Refused("a:\n  b\n");       // scalar on the line below its key
  Refused("  a: 1\n");        // top level not at column 0
  Refused("a: 1\n - b\n");
  Refused("a: [b, [c, {d: e}]] junk\n");
  Refused("a: {b: }\n");  // empty flow map value
  Refused("a: [?b]\n");
  Refused("a: @b\n");
  Refused("a:\n  - {b: c}\n   - {d: e}\n");  // odd indentation
  Refused("a: " + std::string(kMaxLineBytes, 'x') + "\n");
}

TEST(YamlSubset, DepthIsBounded) {
  std::string deep = "a: ";
  for (int i = 0; i < kMaxDepth + 2; ++i) deep += "[";
  for (int i = 0; i < kMaxDepth + 2; ++i) deep += "]";
  Refused(deep + "\n");
  // yaml-cpp reads it, the conversion stops at the same depth.
  Result<Node> slow = ConvertWithYamlCpp(deep + "\n", "deep.yaml");
  ASSERT_FALSE(slow.ok());
  EXPECT_NE(slow.status().message().find("deep.yaml: YAML: nesting deeper"), std::string::npos);
  std::string ok = "a: ";
  for (int i = 0; i < kMaxDepth - 2; ++i) ok += "[";
  for (int i = 0; i < kMaxDepth - 2; ++i) ok += "]";
  ReadBoth(ok + "\n");
}

TEST(YamlSubset, BadYamlKeepsYamlCppErrorWithLine) {
  Result<Node> doc = ParseDocument("actors: [ {name: A\n", "g.yaml");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kParse);
  EXPECT_NE(doc.status().message().find("g.yaml: YAML: "), std::string::npos);
  EXPECT_NE(doc.status().message().find("line"), std::string::npos);
}

TEST(YamlSubset, ForcedYamlCppReaderGivesTheSameTree) {
  const std::string yaml = "works:\n  - {title: A, aliases: [B]}\n";
  const Result<Node> fast = ParseDocument(yaml, "w.yaml");
  SetReaderForTesting(Reader::kYamlCppOnly);
  const Result<Node> slow = ParseDocument(yaml, "w.yaml");
  SetReaderForTesting(Reader::kSubsetThenYamlCpp);
  ASSERT_TRUE(fast.ok());
  ASSERT_TRUE(slow.ok());
  EXPECT_EQ(*fast, *slow);
}

// Mutates small documents byte by byte (deterministically): whenever the subset reader accepts
// a mutant, yaml-cpp must read it too and to the same tree.
TEST(YamlSubset, MutantsTheSubsetAcceptsReadAsYamlCppReadsThem) {
  const std::vector<std::string> seeds = {
      "groups:\n  - name: \"A B\"\n    native: 에이\n    members:\n      - {name: M, aliases: "
      "[x, 'y''z']}\n",
      "works:\n  - {title: T: U, year: 2020}\n  - title: 'Q'\n    kind: film # c\n",
      "a:\n- b\n- {c: d}\n-\n  e: [f, \"g\\u0041\"]\nh: ~\n",
  };
  const std::string alphabet = " -:#'\"[]{},\n?!&*|>~\\ax0";
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  int accepted = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text = seeds[next() % seeds.size()];
    const int edits = 1 + static_cast<int>(next() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const size_t at = next() % text.size();
      const char c = alphabet[next() % alphabet.size()];
      switch (next() % 3) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        default:
          text.erase(at, 1);
          break;
      }
    }
    SubsetResult fast = ParseSubset(text);
    if (!fast.ok()) continue;
    ++accepted;
    Result<Node> slow = ConvertWithYamlCpp(text, "m.yaml");
    ASSERT_TRUE(slow.ok()) << "subset accepted what yaml-cpp refuses: " << slow.status().ToString()
                           << "\n"
                           << text;
    std::string why;
    ASSERT_TRUE(SameTree(fast.root, *slow, false, &why)) << why << "\n" << text;
  }
  EXPECT_GT(accepted, 500);
}

}  // namespace
}  // namespace hallyu::yaml_subset
