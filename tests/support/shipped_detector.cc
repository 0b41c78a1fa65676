#include "tests/support/shipped_detector.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "extractors/detect/mentions.h"
#include "extractors/text/text.h"
#include "tests/support/paths.h"

namespace hallyu::testing {

const Detector& ShippedDetector() {
  static const Detector* d = [] {
    auto r = Detector::Load(SourcePath("configs/rules"), SourcePath("configs/gazetteer"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) std::abort();
    return new Detector(std::move(*r));
  }();
  return *d;
}

Result<Detector> LoadDetectorWithTestGazetteer(
    const std::string& dir, const std::vector<std::pair<std::string, std::string>>& actors,
    const std::vector<std::pair<std::string, std::string>>& works) {
  std::filesystem::create_directories(dir + "/gazetteer");
  {
    std::ofstream g(dir + "/gazetteer/test.yaml");
    g << "actors:\n";
    for (const auto& [name, native] : actors)
      g << "  - {name: " << name << ", native: " << native << "}\n";
    g << "works:\n";
    for (const auto& [title, native] : works)
      g << "  - {title: " << title << ", native: " << native << "}\n";
  }
  return Detector::Load(
      SourcePath("configs/rules"),
      std::vector<std::string>{SourcePath("configs/gazetteer"), dir + "/gazetteer"});
}

std::string DetectionSummary(const std::string& title, const std::string& text,
                             std::string_view lang) {
  auto r = ShippedDetector().Detect(title, text, lang,
                                    SourceRef{"u", "site.test", "t", "", "2026-01-01T00:00:00Z"});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  std::set<std::string> rows;
  if (r.ok()) {
    for (const auto& d : *r) {
      rows.insert(std::string(EventTypeName(d.type)) + " " + d.person.name + " / " + d.work.title +
                  " (" + d.status + ")");
    }
  }
  std::string out;
  for (const auto& row : rows) out += (out.empty() ? "" : "; ") + row;
  return out;
}

std::string MusicSummary(const std::string& title, const std::string& text) {
  auto r = ShippedDetector().Detect(title, text, "auto",
                                    SourceRef{"u", "site.test", "t", "", "2026-01-01T00:00:00Z"});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  std::set<std::string> rows;
  if (!r.ok()) return "";
  const bool ko = ContainsHangul(title + text);
  auto name = [&](const PersonRef& p) { return ko && !p.native.empty() ? p.native : p.name; };
  for (const auto& d : *r) {
    if (d.type == EventType::kRelease) {
      rows.insert("release " + name(d.person) + " / " + d.title + " " + d.release_kind + " (" +
                  d.status + ")");
    } else if (d.type == EventType::kCollab) {
      std::string names;
      for (const auto& p : d.people) names += (names.empty() ? "" : " + ") + name(p);
      rows.insert("collab " + names + " / " + d.title + " [" + d.cause + "] (" + d.status + ")");
    }
  }
  std::string out;
  for (const auto& row : rows) out += (out.empty() ? "" : "; ") + row;
  return out;
}

std::string KoSummary(const std::string& title, const std::string& text) {
  return DetectionSummary(title, text, "ko");
}

std::string EnSummary(const std::string& title, const std::string& text) {
  return DetectionSummary(title, text, "en");
}

std::vector<std::string> PersonMentions(const std::string& sentence, std::string_view lang) {
  std::vector<std::string> out;
  for (const auto& m :
       FindMentions(sentence, std::string(lang), ShippedDetector().gazetteer()).items) {
    if (m.kind == MentionKind::kPerson) out.push_back(m.text);
  }
  return out;
}

std::vector<std::string> WorkMentions(const std::string& sentence, std::string_view lang) {
  std::vector<std::string> out;
  for (const auto& m :
       FindMentions(sentence, std::string(lang), ShippedDetector().gazetteer()).items) {
    if (m.kind == MentionKind::kWork) out.push_back(m.text + (m.aside ? " (aside)" : ""));
  }
  return out;
}

}  // namespace hallyu::testing
