// The folders are the architecture (issue 18): crawler/ and extractors/ are cut into stage
// folders, and an include may only go from a stage to the stages below it. This test reads
// the source tree and fails on:
//   - a source file loose at the top of crawler/ or extractors/ (only README.md and
//     CMakeLists.txt may sit there);
//   - a stage folder without its README.md, or a folder that is not a known stage;
//   - an #include "crawler/<stage>/..." or "extractors/<stage>/..." that goes to a stage the
//     including stage may not use (kAllowed below) — in particular any crawler/ include from
//     extractors/.
// Adding a stage or a dependency is a deliberate edit of kAllowed, next to the READMEs.
#include "tests/support/paths.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Stage -> the other stages its files may include. Listed bottom-up.
const std::map<std::string, std::set<std::string>>& Allowed() {
  static const std::map<std::string, std::set<std::string>> allowed = [] {
    const std::set<std::string> all_extractors = {"extractors/base",  "extractors/text",
                                                  "extractors/url",   "extractors/html",
                                                  "extractors/feeds", "extractors/detect"};
    auto with_extractors = [&](std::set<std::string> s) {
      s.insert(all_extractors.begin(), all_extractors.end());
      return s;
    };
    return std::map<std::string, std::set<std::string>>{
        {"extractors/base", {}},
        {"extractors/text", {"extractors/base"}},
        {"extractors/url", {"extractors/base", "extractors/text"}},
        {"extractors/html", {"extractors/base", "extractors/text", "extractors/url"}},
        {"extractors/feeds", {"extractors/base", "extractors/text", "extractors/url"}},
        {"extractors/detect", {"extractors/base", "extractors/text"}},
        {"crawler/ops", with_extractors({})},
        {"crawler/store", with_extractors({"crawler/ops"})},
        {"crawler/fetch", with_extractors({"crawler/ops"})},
        {"crawler/sources", with_extractors({"crawler/ops"})},
        {"crawler/crawl",
         with_extractors({"crawler/ops", "crawler/store", "crawler/fetch", "crawler/sources"})},
        {"crawler/kafka", with_extractors({"crawler/ops", "crawler/store", "crawler/crawl"})},
        {"crawler/distributed",
         with_extractors({"crawler/ops", "crawler/store", "crawler/fetch", "crawler/sources",
                          "crawler/crawl", "crawler/kafka"})},
        {"crawler/downstream", with_extractors({"crawler/ops", "crawler/store", "crawler/kafka"})},
        {"crawler/cli", with_extractors({"crawler/ops", "crawler/store", "crawler/fetch",
                                         "crawler/sources", "crawler/crawl", "crawler/kafka",
                                         "crawler/distributed", "crawler/downstream"})},
    };
  }();
  return allowed;
}

bool IsSource(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".h" || ext == ".cc";
}

// "crawler/fetch/fetcher.cc" -> "crawler/fetch"; "" for a file not inside a stage folder.
std::string StageOf(const std::string& relative) {
  const auto first = relative.find('/');
  if (first == std::string::npos) return "";
  const auto second = relative.find('/', first + 1);
  if (second == std::string::npos) return "";
  return relative.substr(0, second);
}

// Every rule of the header comment, checked over the tree at `root`. Returns one line per
// violation ("file: reason").
std::vector<std::string> LayeringViolations(const fs::path& root) {
  std::vector<std::string> out;
  static const std::regex include_re(R"re(^\s*#\s*include\s*"((crawler|extractors)/[^"]+)")re");
  for (const char* top : {"crawler", "extractors"}) {
    if (!fs::is_directory(root / top)) {
      out.push_back(std::string(top) + ": missing");
      continue;
    }
    for (const auto& e : fs::directory_iterator(root / top)) {
      const std::string name = e.path().filename().string();
      if (e.is_directory()) {
        const std::string stage = std::string(top) + "/" + name;
        if (!Allowed().count(stage)) out.push_back(stage + ": not a known stage folder");
        if (!fs::exists(e.path() / "README.md")) out.push_back(stage + ": no README.md");
      } else if (name != "README.md" && name != "CMakeLists.txt") {
        out.push_back(std::string(top) + "/" + name + ": loose at the top of " + top + "/");
      }
    }
    for (const auto& e : fs::recursive_directory_iterator(root / top)) {
      if (!e.is_regular_file() || !IsSource(e.path())) continue;
      const std::string rel = fs::relative(e.path(), root).generic_string();
      const std::string from = StageOf(rel);
      auto allowed = Allowed().find(from);
      std::ifstream in(e.path());
      std::string line;
      int n = 0;
      while (std::getline(in, line)) {
        ++n;
        std::smatch m;
        if (!std::regex_search(line, m, include_re)) continue;
        const std::string to = StageOf(m[1].str());
        if (to == from || allowed == Allowed().end()) continue;
        if (!allowed->second.count(to)) {
          out.push_back(rel + ":" + std::to_string(n) + ": " + from + " may not include " +
                        m[1].str());
        }
      }
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "  " + x + "\n";
  return s;
}

TEST(LayeringTest, TheTreeFollowsTheStages) {
  const auto violations = LayeringViolations(hallyu::testing::SourceDir());
  EXPECT_TRUE(violations.empty()) << "layering violations:\n" << Join(violations);
}

// The checker itself: a small tree with one of each mistake must report each of them.
TEST(LayeringTest, ReportsEachKindOfViolation) {
  const fs::path root =
      fs::temp_directory_path() / ("hallyu-layering-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  auto write = [&](const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
  };
  write("extractors/base/README.md", "");
  write("extractors/base/status.h", "#pragma once\n");
  write("extractors/text/README.md", "");
  write("extractors/text/text.cc", "#include \"crawler/fetch/fetcher.h\"\n");  // upward
  write("crawler/fetch/README.md", "");
  write("crawler/fetch/fetcher.h", "#include \"extractors/base/status.h\"\n");    // fine
  write("crawler/fetch/fetcher.cc", "#include \"crawler/crawl/crawl_job.h\"\n");  // upward
  write("crawler/crawl/crawl_job.h", "#include \"crawler/fetch/fetcher.h\"\n");   // no README
  write("crawler/loose.cc", "");
  write("crawler/gadgets/README.md", "");
  const auto v = LayeringViolations(root);
  const std::string all = Join(v);
  EXPECT_NE(all.find("extractors/text/text.cc:1: extractors/text may not include"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("crawler/fetch/fetcher.cc:1: crawler/fetch may not include"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("crawler/crawl: no README.md"), std::string::npos) << all;
  EXPECT_NE(all.find("crawler/loose.cc: loose at the top"), std::string::npos) << all;
  EXPECT_NE(all.find("crawler/gadgets: not a known stage folder"), std::string::npos) << all;
  EXPECT_EQ(all.find("  crawler/fetch/fetcher.h:"), std::string::npos) << all;  // allowed
  EXPECT_EQ(v.size(), 5u) << all;
  fs::remove_all(root);
}

}  // namespace
