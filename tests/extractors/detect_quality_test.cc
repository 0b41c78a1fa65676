// Precision and recall of the Detector on the labelled sets in tests/data/detect/.
// A detection is a true positive only when type, person, work and status all
// match a labelled event (person/work compared after NormalizeKey against the
// English or native name).

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "extractors/detector.h"
#include "extractors/text.h"
#include "tests/support/paths.h"

namespace hallyu {
namespace {

using hallyu::testing::SourcePath;

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  int fields = 0, fields_ok = 0;  // song/part/role where labelled
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

bool SameName(const std::string& want, const std::string& a, const std::string& b) {
  const std::string k = NormalizeKey(want);
  return !k.empty() && (k == NormalizeKey(a) || k == NormalizeKey(b));
}

// Same person: by name, or both resolve to one gazetteer entry ("장원영" = "Wonyoung").
bool SamePerson(const Gazetteer& g, const std::string& want, const PersonRef& p) {
  if (SameName(want, p.name, p.native)) return true;
  const GazetteerPerson* gp = g.FindPerson(want);
  return gp != nullptr && p.resolved && gp->name == p.name;
}

std::map<std::string, Counts> Evaluate(const std::string& file, int* items, std::string* report) {
  auto det = Detector::Load(SourcePath("configs/rules"), SourcePath("configs/gazetteer"));
  EXPECT_TRUE(det.ok()) << det.status().ToString();
  std::map<std::string, Counts> by_type;
  if (!det.ok()) return by_type;
  std::ifstream in(SourcePath(file));
  EXPECT_TRUE(in.good()) << file;
  std::string line;
  *items = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++*items;
    const auto item = nlohmann::json::parse(line);
    SourceRef src{"https://example.test/" + item["id"].get<std::string>(), "example.test", "", "",
                  "2026-01-01T00:00:00Z"};
    auto got =
        det->Detect(item["title"].get<std::string>(), item["text"].get<std::string>(), "auto", src);
    EXPECT_TRUE(got.ok());
    if (!got.ok()) continue;
    std::vector<bool> used(got->size(), false);
    for (const auto& want : item["events"]) {
      const std::string type = want["type"];
      bool found = false;
      for (size_t i = 0; i < got->size(); ++i) {
        const Event& e = (*got)[i];
        if (used[i] || EventTypeName(e.type) != type || e.status != want["status"]) continue;
        if (!SamePerson(det->gazetteer(), want["person"], e.person)) continue;
        if (!SameName(want["work"], e.work.title, e.work.native)) continue;
        used[i] = true;
        found = true;
        Counts& c = by_type[type];
        ++c.tp;
        if (want.contains("song")) {
          ++c.fields;
          c.fields_ok += SameName(want["song"], e.song, "") ? 1 : 0;
        }
        if (want.contains("part")) {
          ++c.fields;
          c.fields_ok += want["part"].get<int>() == e.part ? 1 : 0;
        }
        if (want.contains("role")) {
          ++c.fields;
          c.fields_ok += SameName(want["role"], e.role, "") ? 1 : 0;
        }
        break;
      }
      if (!found) {
        ++by_type[type].fn;
        *report += "MISS " + item["id"].get<std::string>() + " " + want.dump() + " | " +
                   item["title"].get<std::string>() + "\n";
      }
    }
    for (size_t i = 0; i < got->size(); ++i) {
      if (used[i]) continue;
      const Event& e = (*got)[i];
      ++by_type[std::string(EventTypeName(e.type))].fp;
      *report += "FALSE " + item["id"].get<std::string>() + " " + e.status +
                 " person=" + e.person.name + " work=" + e.work.title + " rule=" + e.evidence.rule +
                 " | " + e.evidence.text + "\n";
    }
  }
  return by_type;
}

void Print(const std::string& name, int items, const std::map<std::string, Counts>& by_type) {
  for (const auto& [type, c] : by_type) {
    std::printf("[%s] %d items, %s: precision %.3f recall %.3f (tp %d fp %d fn %d) fields %d/%d\n",
                name.c_str(), items, type.c_str(), c.precision(), c.recall(), c.tp, c.fp, c.fn,
                c.fields_ok, c.fields);
  }
}

TEST(DetectQuality, DevSetMeetsPrecisionAndRecall) {
  int items = 0;
  std::string report;
  auto by_type = Evaluate("tests/data/detect/dev.jsonl", &items, &report);
  Print("dev", items, by_type);
  EXPECT_GE(items, 300);
  ASSERT_TRUE(by_type.count("casting"));
  ASSERT_TRUE(by_type.count("ost"));
  for (const auto& [type, c] : by_type) {
    EXPECT_GE(c.precision(), 0.95) << type << "\n" << report;
    EXPECT_GE(c.recall(), 0.90) << type << "\n" << report;
  }
}

// The dev set covers what issue 6 asks for: size, hard negatives, Korean
// share, every status in both languages, OSTs with and without part numbers
// and song titles, multi-person castings.
TEST(DetectQuality, DevSetComposition) {
  std::ifstream in(SourcePath("tests/data/detect/dev.jsonl"));
  ASSERT_TRUE(in.good());
  int items = 0, negatives = 0, korean = 0, multi = 0;
  std::map<std::string, int> status_lang;  // "casting/confirmed/ko" -> count
  std::map<std::string, int> ost_shape;    // "part+song/en" -> count
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto item = nlohmann::json::parse(line);
    ++items;
    const std::string lang = item["lang"];
    if (lang == "ko") ++korean;
    if (item["events"].empty()) ++negatives;
    if (item["events"].size() > 1) ++multi;
    for (const auto& e : item["events"]) {
      const std::string type = e["type"];
      ++status_lang[type + "/" + e["status"].get<std::string>() + "/" + lang];
      if (type == "ost") {
        ++ost_shape[std::string(e.contains("part") ? "part" : "nopart") + "+" +
                    (e.contains("song") ? "song" : "nosong") + "/" + lang];
      }
    }
  }
  EXPECT_GE(items, 300);
  EXPECT_GE(negatives, 100);
  EXPECT_GE(korean * 100, items * 35) << korean << " of " << items;
  EXPECT_GE(multi, 10);
  for (const char* lang : {"en", "ko"}) {
    for (const char* s : {"rumored", "in_talks", "reviewing", "confirmed", "denied"}) {
      EXPECT_GE(status_lang[std::string("casting/") + s + "/" + lang], 5) << s << " " << lang;
    }
    for (const char* s : {"announced", "released"}) {
      EXPECT_GE(status_lang[std::string("ost/") + s + "/" + lang], 5) << s << " " << lang;
    }
    for (const char* shape : {"part+song", "part+nosong", "nopart+song", "nopart+nosong"}) {
      EXPECT_GE(ost_shape[std::string(shape) + "/" + lang], 1) << shape << " " << lang;
    }
  }
}

// Real headlines written apart from the rules and never tuned on: acceptance
// is the same bar as the dev set (precision >= 0.95, recall >= 0.90 per type).
TEST(DetectQuality, HeldOutSetMeetsPrecisionAndRecall) {
  int items = 0;
  std::string report;
  auto by_type = Evaluate("tests/data/detect/heldout.jsonl", &items, &report);
  Print("heldout", items, by_type);
  std::printf("%s", report.c_str());
  EXPECT_GE(items, 60);
  ASSERT_TRUE(by_type.count("casting"));
  ASSERT_TRUE(by_type.count("ost"));
  for (const auto& [type, c] : by_type) {
    EXPECT_GE(c.precision(), 0.95) << type;
    EXPECT_GE(c.recall(), 0.90) << type;
  }
}

}  // namespace
}  // namespace hallyu
