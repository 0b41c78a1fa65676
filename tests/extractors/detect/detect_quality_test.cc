// Quality of the composing detector on the in-house labelled sets in
// tests/data/detect/, scored with EvaluateDetector (the code behind
// `hallyu eval detect`): strict = type, person, work and status right.
//
// These are REGRESSION FLOORS, not the issue 14 targets. Each floor sits a
// little below what the detector scored when the floor was set (figures in the
// comment next to it, in-house sets, 2026-12-05), so a change that loses
// ground fails here. The targets (strict precision >= 0.95 and recall >= 0.90
// per language on the held-out set) are NOT asserted: the detector does not
// meet them yet. Raise a floor when the detector improves; never lower one to
// make a change pass without saying why in the commit.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "extractors/detect/detector.h"
#include "extractors/detect/evaluation.h"
#include "tests/support/paths.h"
#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

using hallyu::testing::SourcePath;

const Detector& TheDetector() { return hallyu::testing::ShippedDetector(); }

std::string ReadAll(const std::string& relative) {
  std::ifstream in(SourcePath(relative), std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Strict precision counting every wrong-status detection as a false alarm.
// EvaluateDetector marks a detection that matches a labelled event on type,
// person and work but not status as used, so it is neither a tp nor an fp:
// its precision() overstates strict precision (and loose_precision() can
// exceed 1). Reported to the lead; the floors below use this figure.
double StrictPrecision(const EvalCounts& c) {
  const int detected = c.fp + c.loose_tp;  // strict hits + wrong-status hits + false alarms
  return detected == 0 ? 1.0 : static_cast<double>(c.tp) / detected;
}

EvalReport Score(const std::string& relative) {
  auto r = EvaluateDetector(TheDetector(), ReadAll(relative));
  EXPECT_TRUE(r.ok()) << relative << ": " << r.status().ToString();
  if (!r.ok()) return EvalReport{};
  std::printf("[%s] %d items\n", relative.c_str(), r->items);
  auto row = [](const std::string& name, const EvalCounts& c) {
    std::printf(
        "  %-20s strict P %.3f R %.3f | loose R %.3f | tp %d fp %d wrong-status %d fn %d"
        " | (EvaluateDetector P %.3f)\n",
        name.c_str(), StrictPrecision(c), c.recall(), c.loose_recall(), c.tp, c.fp,
        c.loose_tp - c.tp, c.fn, c.precision());
  };
  row("all", r->all);
  for (const auto& [k, c] : r->by) {
    if (k.rfind("structure:", 0) != 0) row(k, c);
  }
  for (const auto& [k, f] : r->fields)
    std::printf("  field %-8s %d/%d\n", k.c_str(), f.second, f.first);
  return *r;
}

struct Floor {
  const char* key;  // "all" or a key of EvalReport::by
  double precision, recall;
};

void ExpectFloors(const EvalReport& r, std::initializer_list<Floor> floors) {
  for (const Floor& f : floors) {
    const std::string key = f.key;
    const EvalCounts* c = &r.all;
    if (key != "all") {
      auto it = r.by.find(key);
      ASSERT_NE(it, r.by.end()) << key;
      c = &it->second;
    }
    EXPECT_GE(StrictPrecision(*c), f.precision) << key << " strict precision fell below its floor";
    EXPECT_GE(c->recall(), f.recall) << key << " strict recall fell below its floor";
  }
}

// Every labelled set parses: the right fields, known types and statuses, and it holds at
// least the number of items it was written with (heldout-v5 and heldout-v6 have 40,
// heldout-rc-v1 has 150+, heldout-v7 120+, heldout-rc-v2 80+, heldout-v9 and heldout-v10 150+,
// heldout-v11 100+, heldout-v12 90+, heldout-rc-v5 25+, heldout-v13 80+, heldout-rc-v6 25+, every
// other set 60+). A release names its artist and a known kind (or null); a collab lists at least
// two people.
TEST(DetectQuality, LabelledSetsAreWellFormed) {
  struct LabelledSet {
    const char* file;
    int min_items;
  };
  for (const LabelledSet& set : {LabelledSet{"tests/data/detect/dev-en.jsonl", 60},
                                 LabelledSet{"tests/data/detect/dev-ko.jsonl", 60},
                                 LabelledSet{"tests/data/detect/heldout-v2.jsonl", 60},
                                 LabelledSet{"tests/data/detect/heldout-v3.jsonl", 60},
                                 LabelledSet{"tests/data/detect/heldout-v4.jsonl", 60},
                                 LabelledSet{"tests/data/detect/heldout-v5.jsonl", 40},
                                 LabelledSet{"tests/data/detect/heldout-v6.jsonl", 40},
                                 LabelledSet{"tests/data/detect/heldout-rc-v1.jsonl", 150},
                                 LabelledSet{"tests/data/detect/heldout-v7.jsonl", 120},
                                 LabelledSet{"tests/data/detect/heldout-rc-v2.jsonl", 80},
                                 LabelledSet{"tests/data/detect/heldout-v9.jsonl", 150},
                                 LabelledSet{"tests/data/detect/heldout-rc-v3.jsonl", 60},
                                 LabelledSet{"tests/data/detect/heldout-v10.jsonl", 150},
                                 LabelledSet{"tests/data/detect/heldout-rc-v4.jsonl", 60},
                                 LabelledSet{"tests/data/detect/heldout-v11.jsonl", 100},
                                 LabelledSet{"tests/data/detect/heldout-v12.jsonl", 90},
                                 LabelledSet{"tests/data/detect/heldout-rc-v5.jsonl", 25},
                                 LabelledSet{"tests/data/detect/heldout-v13.jsonl", 80},
                                 LabelledSet{"tests/data/detect/heldout-rc-v6.jsonl", 25},
                                 LabelledSet{"tests/data/detect/gen18-ko.jsonl", 55},
                                 LabelledSet{"tests/data/detect/gen18-ost.jsonl", 39},
                                 LabelledSet{"tests/data/detect/gen18-en.jsonl", 40},
                                 LabelledSet{"tests/data/detect/dev.jsonl", 60},
                                 LabelledSet{"tests/data/detect/heldout.jsonl", 60}}) {
    const char* file = set.file;
    std::istringstream in(ReadAll(file));
    std::string line;
    int n = 0, line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      ++n;
      const auto item = nlohmann::json::parse(line, nullptr, false);
      ASSERT_FALSE(item.is_discarded()) << file << ":" << line_no;
      for (const char* k : {"id", "lang", "title", "text", "events"}) {
        ASSERT_TRUE(item.contains(k)) << file << ":" << line_no << " lacks " << k;
      }
      for (const auto& e : item["events"]) {
        const std::string type = e["type"];
        const std::string status = e["status"];
        if (type == "casting") {
          EXPECT_TRUE(status == "confirmed" || status == "reviewing" || status == "in_talks" ||
                      status == "rumored" || status == "denied")
              << file << ":" << line_no << " " << status;
        } else {
          EXPECT_TRUE(type == "ost" || type == "release" || type == "collab")
              << file << ":" << line_no << " " << type;
          EXPECT_TRUE(status == "announced" || status == "released") << file << ":" << line_no;
        }
        if (type == "release") {
          EXPECT_TRUE(e.contains("artist") && e["artist"].is_string()) << file << ":" << line_no;
          const nlohmann::json kind = e.contains("kind") ? e["kind"] : nlohmann::json();
          EXPECT_TRUE(kind.is_null() || kind == "single" || kind == "digital_single" ||
                      kind == "album" || kind == "ep")
              << file << ":" << line_no << " kind " << kind.dump();
        } else if (type == "collab") {
          EXPECT_TRUE(e.contains("people") && e["people"].is_array() && e["people"].size() >= 2)
              << file << ":" << line_no << " people";
        }
      }
    }
    EXPECT_GE(n, set.min_items) << file;
  }
}

// The new dev set's composition as issue 14 asks: >= 600 items, >= 45 %
// Korean, >= 35 % hard negatives (items without an event), each tagged with its
// structure; the v2 held-out part has >= 150 items.
TEST(DetectQuality, DevSetCompositionMatchesTheIssue) {
  int items = 0, korean = 0, negatives = 0, untagged = 0;
  for (const char* file : {"tests/data/detect/dev-en.jsonl", "tests/data/detect/dev-ko.jsonl"}) {
    std::istringstream in(ReadAll(file));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const auto item = nlohmann::json::parse(line);
      ++items;
      korean += item["lang"] == "ko" ? 1 : 0;
      negatives += item["events"].empty() ? 1 : 0;
      untagged += item.contains("structure") && item["structure"].is_string() ? 0 : 1;
    }
  }
  std::printf("dev-en + dev-ko: %d items, %d Korean, %d hard negatives\n", items, korean,
              negatives);
  EXPECT_GE(items, 600);
  EXPECT_GE(korean * 100, items * 45) << korean << " of " << items;
  EXPECT_GE(negatives * 100, items * 35) << negatives << " of " << items;
  EXPECT_EQ(untagged, 0);
  std::istringstream held(ReadAll("tests/data/detect/heldout-v2.jsonl"));
  std::string line;
  int held_items = 0;
  while (std::getline(held, line)) held_items += line.empty() ? 0 : 1;
  EXPECT_GE(held_items, 150);
}

// The floors below are LOW because the detector is still weak, above all on
// English (recall ~0.6) and on OST status (released read as announced); they
// are regression guards, far under the issue's 0.95 / 0.90. Figures when set
// (in-house sets, HEAD 6ecc86f + the lead's uncommitted mentions.cc, 2026-12-05
// 06:47 UTC; strict P counts wrong-status detections as false alarms):
//   dev-en      all P 0.666 R 0.610 | casting P 0.675 R 0.630 | ost P 0.619 R 0.520
//   dev-ko      all P 0.879 R 0.735 | casting P 0.933 R 0.759 | ost P 0.779 R 0.686
//   heldout-v2  all P 0.697 R 0.651 | en P 0.627 R 0.545 | ko P 0.760 R 0.760
//               casting P 0.697 R 0.679 | ost P 0.697 R 0.575
//   dev (issue 6)     all P 0.823 R 0.812 | casting P 0.942 R 0.910 | ost P 0.483 R 0.509
//   heldout (issue 6) all P 0.705 R 0.756 | casting P 0.893 R 0.926 | ost P 0.375 R 0.429
// (Before 6ecc86f, at 06:34: dev-en all P 0.716, issue-6 held-out OST P 0.545;
// that commit traded precision for recall.) Floors sit about 0.04 below (0.07
// for the small issue-6 held-out set, where one item moves a figure by 0.02-0.07).
TEST(DetectQuality, DevEnglishFloors) {
  const EvalReport r = Score("tests/data/detect/dev-en.jsonl");
  EXPECT_EQ(r.items, 384);
  ExpectFloors(r, {{"all", 0.62, 0.57}, {"type:casting", 0.63, 0.59}, {"type:ost", 0.57, 0.47}});
}

TEST(DetectQuality, DevKoreanFloors) {
  const EvalReport r = Score("tests/data/detect/dev-ko.jsonl");
  EXPECT_EQ(r.items, 365);
  ExpectFloors(r, {{"all", 0.83, 0.69}, {"type:casting", 0.89, 0.71}, {"type:ost", 0.73, 0.64}});
}

// The in-house held-out part (never tuned on): per language, as the issue
// measures it.
TEST(DetectQuality, HeldOutV2Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v2.jsonl");
  EXPECT_EQ(r.items, 192);
  ExpectFloors(r, {{"all", 0.65, 0.61},
                   {"lang:en", 0.58, 0.50},
                   {"lang:ko", 0.72, 0.72},
                   {"type:casting", 0.65, 0.63},
                   {"type:ost", 0.65, 0.53}});
}

// The third in-house held-out part, written after real pages nobody tuning the detector
// read (never tuned on). Floors sit a little under the figures after the round that added
// it (Korean lost two of its 27 events to that round's rules).
TEST(DetectQuality, HeldOutV3Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v3.jsonl");
  EXPECT_EQ(r.items, 60);
  ExpectFloors(r, {{"all", 0.64, 0.53}, {"lang:en", 0.52, 0.42}, {"lang:ko", 0.78, 0.66}});
}

// The fourth in-house held-out part (issue 14, round 4), written after 200 fresh real pages
// from 156 hosts nobody tuning the detector read; scored first after that round's rules
// were merged (strict P/R as counted here 0.650/0.549; en 0.536/0.455, ko 0.750/0.632).
// Never tuned on.
TEST(DetectQuality, HeldOutV4Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v4.jsonl");
  EXPECT_EQ(r.items, 60);
  ExpectFloors(r, {{"all", 0.62, 0.52}, {"lang:en", 0.50, 0.42}, {"lang:ko", 0.72, 0.60}});
}

// heldout-v5: 40 items (20 en, 20 ko) written in our own words after a fifth batch of real
// pages (132 hosts) nobody tuning the detector read; scored first after the fifth round's
// rules were merged (strict P/R as counted here 0.646/0.585; en 0.769/0.690, ko 0.500/0.458).
// Never tuned on.
TEST(DetectQuality, HeldOutV5Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v5.jsonl");
  EXPECT_EQ(r.items, 40);
  ExpectFloors(r, {{"all", 0.60, 0.54}, {"lang:en", 0.72, 0.64}, {"lang:ko", 0.45, 0.41}});
}

// heldout-v6: 40 items (20 en, 20 ko) written in our own words after a sixth batch of real
// pages (128 hosts) nobody tuning the detector read; scored first after the sixth round's
// rules were merged (strict P/R as counted here 0.674/0.608; en 0.478/0.478, ko 0.870/0.714).
// Never tuned on.
TEST(DetectQuality, HeldOutV6Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v6.jsonl");
  EXPECT_EQ(r.items, 40);
  ExpectFloors(r, {{"all", 0.62, 0.56}, {"lang:en", 0.44, 0.43}, {"lang:ko", 0.82, 0.66}});
}

// heldout-v7: 124 items (69 en, 55 ko; 43 hard negatives, 7 denial items) written in our own
// words by the round-8 held-out writer after a seventh batch of real pages nobody tuning the
// detector read (the real snippets stay outside the repo); never tuned on. First score
// (2026-12-06, main at 678163e), this test's strict count: all 0.625 / 0.610, en 0.585 /
// 0.632, ko 0.711 / 0.574, casting 0.638 / 0.638, OST 0.600 / 0.517 (`hallyu eval detect`:
// all 0.658 / 0.610). Floors sit about 0.03-0.04 below.
TEST(DetectQuality, HeldOutV7Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v7.jsonl");
  EXPECT_EQ(r.items, 124);
  ExpectFloors(r, {{"all", 0.59, 0.57},
                   {"lang:en", 0.55, 0.59},
                   {"lang:ko", 0.67, 0.54},
                   {"type:casting", 0.60, 0.60},
                   {"type:ost", 0.56, 0.48}});
}

// heldout-v8: 173 items (88 en, 85 ko; 78 hard negatives, 3 denial items) written in our own
// words by the round-9 held-out writer after an eighth batch of real pages nobody tuning the
// detector read (the real snippets stay outside the repo); never tuned on. First score
// (2026-12-06, main at f23d1ca), this test's strict count: all 0.815 / 0.835, en 0.730 /
// 0.754, ko 0.902 / 0.917, casting 0.776 / 0.884, OST 0.962 / 0.714 (`hallyu eval detect`:
// all 0.856 / 0.835). Floors sit 0.03 below the test's count.
TEST(DetectQuality, HeldOutV8Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v8.jsonl");
  EXPECT_EQ(r.items, 173);
  ExpectFloors(r, {{"all", 0.78, 0.80},
                   {"lang:en", 0.70, 0.72},
                   {"lang:ko", 0.87, 0.88},
                   {"type:casting", 0.74, 0.85},
                   {"type:ost", 0.93, 0.68}});
}

// Issue 17: an actor's own release and joint / charity projects. dev-release-collab.jsonl
// holds >= 120 in-house items (>= 45 % Korean, >= 35 % hard negatives, each with its
// structure and tag) written after real pages (tests/data/detect/STRUCTURES.md); releases
// carry artist, title, kind and status, collabs people, title, cause and status.
TEST(DetectQuality, ReleaseCollabDevSetIsWellFormed) {
  std::istringstream in(ReadAll("tests/data/detect/dev-release-collab.jsonl"));
  std::string line;
  int items = 0, korean = 0, negatives = 0, untagged = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto item = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(item.is_discarded()) << line;
    ++items;
    korean += item["lang"] == "ko" ? 1 : 0;
    bool music = false;
    for (const auto& e : item["events"]) {
      const std::string type = e["type"];
      const std::string status = e["status"];
      if (type == "release") {
        music = true;
        EXPECT_TRUE(e["artist"].is_string()) << line;
        EXPECT_TRUE(e.contains("title") && e.contains("kind")) << line;
        EXPECT_TRUE(e["kind"].is_null() || e["kind"] == "single" || e["kind"] == "digital_single" ||
                    e["kind"] == "album" || e["kind"] == "ep")
            << line;
      } else if (type == "collab") {
        music = true;
        EXPECT_TRUE(e["people"].is_array() && e["people"].size() >= 2) << line;
        EXPECT_TRUE(e.contains("title") && e.contains("cause")) << line;
      }
      if (type != "casting") {
        EXPECT_TRUE(status == "announced" || status == "released") << line;
      }
    }
    negatives += music ? 0 : 1;
    untagged += item.contains("structure") && item["structure"].is_string() &&
                        item.contains("tag") && item["tag"].is_string()
                    ? 0
                    : 1;
  }
  EXPECT_GE(items, 120);
  EXPECT_GE(korean * 100, items * 45) << korean << " of " << items;
  EXPECT_GE(negatives * 100, items * 35) << negatives << " of " << items;
  EXPECT_EQ(untagged, 0);
}

// Release / collab floors on the issue 17 dev set (in-house, tuned on). Figures when set
// (2026-12-05, strict P counting wrong-status hits as false alarms): all P 0.962 R 0.938 |
// release P 1.000 R 1.000 | collab P 0.941 R 0.889. Floors sit about 0.04 below. Casting
// and OST figures of every other set were the same with and without the release/collab
// rules (hallyu eval detect on each tests/data/detect/*.jsonl).
TEST(DetectQuality, ReleaseCollabDevFloors) {
  const EvalReport r = Score("tests/data/detect/dev-release-collab.jsonl");
  EXPECT_EQ(r.items, 125);
  ExpectFloors(r, {{"all", 0.92, 0.89}, {"type:release", 0.95, 0.95}, {"type:collab", 0.90, 0.84}});
}

// heldout-rc-v1.jsonl: the in-house held-out set for release and collab (issue 17), written
// from other pages than the dev set's and never tuned on. First score (2026-12-06, main after
// the s7 merges), this test's stricter count: all 0.760 / 0.710, release 0.771 / 0.692, collab
// 0.605 / 0.622, casting 1.000 / 0.846, OST 0.938 / 0.833 (`hallyu eval detect`: all 0.817 /
// 0.710). The issue's targets (0.95 / 0.90) are not met.
TEST(DetectQuality, HeldOutReleaseCollabV1Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-rc-v1.jsonl");
  ExpectFloors(r, {{"all", 0.74, 0.69},
                   {"type:release", 0.75, 0.67},
                   {"type:collab", 0.58, 0.60},
                   {"type:casting", 0.95, 0.80},
                   {"type:ost", 0.90, 0.80}});
}

// heldout-rc-v2.jsonl: the second in-house held-out set for release and collab, 81 items
// (40 en, 41 ko; 33 hard negatives, 4 casting/OST items that must stay casting/OST) written
// in our own words by the round-8 held-out writer after real pages nobody tuning the
// detector read; never tuned on. First score (2026-12-06, main at 678163e), this test's
// strict count: all 0.648 / 0.729, en 0.586 / 0.680, ko 0.720 / 0.783, release 0.739 /
// 0.773, collab 0.609 / 0.636 (`hallyu eval detect`: all 0.729 / 0.729). Floors sit about
// 0.04 below; casting and OST (2 events each) carry no floor.
TEST(DetectQuality, HeldOutReleaseCollabV2Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-rc-v2.jsonl");
  EXPECT_EQ(r.items, 81);
  ExpectFloors(r, {{"all", 0.61, 0.69},
                   {"lang:en", 0.55, 0.64},
                   {"lang:ko", 0.68, 0.74},
                   {"type:release", 0.70, 0.73},
                   {"type:collab", 0.57, 0.60}});
}

// heldout-v9: 160 items (71 en, 89 ko; 68 hard negatives, 2 denial items) and
// heldout-rc-v3: 66 items (33 en, 33 ko; 30 hard negatives), written in our own words by the
// round-14 held-out writer after real pages nobody tuning the detector read (the writer read
// neither the detector nor its rules); never tuned on. First score (2026-12-07, main at
// db567a1), `hallyu eval detect`: v9 all 0.687 / 0.720, rc-v3 all 0.613 / 0.528. After the
// round-14 merges this test's strict count is v9 all 0.674 / 0.744 (en 0.683 / 0.768, ko
// 0.667 / 0.725) and rc-v3 all 0.500 / 0.528 (en 0.350 / 0.389, ko 0.667 / 0.667). Floors sit
// about 0.03 below.
TEST(DetectQuality, HeldOutV9Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v9.jsonl");
  EXPECT_EQ(r.items, 160);
  ExpectFloors(r, {{"all", 0.64, 0.71},
                   {"lang:en", 0.65, 0.73},
                   {"lang:ko", 0.63, 0.69},
                   {"type:casting", 0.63, 0.69},
                   {"type:ost", 0.67, 0.76}});
}

TEST(DetectQuality, HeldOutReleaseCollabV3Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-rc-v3.jsonl");
  EXPECT_EQ(r.items, 66);
  ExpectFloors(r, {{"all", 0.47, 0.49},
                   {"lang:en", 0.32, 0.35},
                   {"lang:ko", 0.63, 0.63},
                   {"type:release", 0.47, 0.42},
                   {"type:collab", 0.49, 0.59}});
}

// heldout-v10: 154 items (71 en, 83 ko; 63 hard negatives, 3 denial items) and
// heldout-rc-v4: 60 items (29 en, 31 ko; 30 hard negatives, 2 OSTs sung by a drama's own
// actor that must stay OST), written in our own words by the round-15 held-out writer after
// real pages nobody had read (the writer read neither the detector nor its rules, and ran it
// only after the items were committed); never tuned on. First score *in-house* (main at
// 59f0059), this test's strict count: v10 all 0.769 / 0.737 (en 0.800 / 0.619, ko 0.747 /
// 0.855, casting 0.765 / 0.748, OST 0.792 / 0.679); rc-v4 all 0.333 / 0.467 (en 0.222 /
// 0.375, ko 0.533 / 0.571, release 0.400 / 0.400, collab 0.435 / 0.556). `hallyu eval
// detect`: v10 all 0.788 / 0.737, rc-v4 all 0.424 / 0.467. Floors sit 0.03 below, rounded
// down: regression guards, not targets.
TEST(DetectQuality, HeldOutV10Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v10.jsonl");
  EXPECT_EQ(r.items, 154);
  ExpectFloors(r, {{"all", 0.73, 0.70},
                   {"lang:en", 0.77, 0.58},
                   {"lang:ko", 0.71, 0.82},
                   {"type:casting", 0.73, 0.71},
                   {"type:ost", 0.76, 0.64}});
}

TEST(DetectQuality, HeldOutReleaseCollabV4Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-rc-v4.jsonl");
  EXPECT_EQ(r.items, 60);
  ExpectFloors(r, {{"all", 0.30, 0.43},
                   {"lang:en", 0.19, 0.34},
                   {"lang:ko", 0.50, 0.54},
                   {"type:release", 0.37, 0.37},
                   {"type:collab", 0.40, 0.52}});
}

// heldout-v11: 107 items (50 en, 57 ko; 38 hard negatives, 2 denial items, 7 release/collab
// items of issue 17), written in our own words by the round-16 held-out writer after 54 real
// pages nobody had read (casting and OST news, status precedence, ordinal OST parts, line-ups,
// denials, already-airing promotion, variety booking, music videos, donations of earlier
// songs). The writer read neither the detector nor its rules and ran it once, after the items
// were committed (e18cae6); never tuned on. First score *in-house* (main at bbd89c5), this
// test's strict count: all 0.543 / 0.714 (en 0.475 / 0.617, ko 0.603 / 0.804, casting 0.583 /
// 0.800, OST 0.435 / 0.476); `hallyu eval detect`: all 0.579 / 0.714. Floors sit 0.03 below,
// rounded down: regression guards, not targets.
TEST(DetectQuality, HeldOutV11Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v11.jsonl");
  EXPECT_EQ(r.items, 107);
  ExpectFloors(r, {{"all", 0.51, 0.68},
                   {"lang:en", 0.44, 0.58},
                   {"lang:ko", 0.57, 0.77},
                   {"type:casting", 0.55, 0.77},
                   {"type:ost", 0.40, 0.44}});
}

// heldout-v12: 96 items (40 en, 56 ko; 35 hard negatives) and heldout-rc-v5: 28 items (14 en,
// 14 ko; 12 negatives), written in our own words by the round-17 held-out writer after 47 real
// pages nobody had used (casting line-ups and film roundups, agency vs production statements,
// offer-only and reported reviews, cameo line-ups, ordinal and final OSTs, drama recaps with
// fictional casting, premieres, crank-ups, variety line-ups, an actress's surprise remake,
// project-group and producer charity songs). Labelled blind and committed (c6026fd) before the
// first detector run; never tuned on. First score *in-house* (main at f23db69), this test's
// strict count: v12 all 0.548 / 0.638 (en 0.516 / 0.696, ko 0.575 / 0.600, casting 0.542 /
// 0.650, OST 0.600 / 0.562); rc-v5 all 0.364 / 0.235 (en 0.250 / 0.111, ko 0.429 / 0.375,
// release 0.400 / 0.222, collab 0.500 / 0.286). `hallyu eval detect`: v12 all 0.552 / 0.638,
// rc-v5 all 0.444 / 0.235. Floors sit about 0.03 below, rounded down: regression guards, not
// targets.
TEST(DetectQuality, HeldOutV12Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v12.jsonl");
  EXPECT_EQ(r.items, 96);
  ExpectFloors(r, {{"all", 0.51, 0.60},
                   {"lang:en", 0.48, 0.66},
                   {"lang:ko", 0.54, 0.57},
                   {"type:casting", 0.51, 0.62},
                   {"type:ost", 0.57, 0.53}});
}

TEST(DetectQuality, HeldOutReleaseCollabV5Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-rc-v5.jsonl");
  EXPECT_EQ(r.items, 28);
  ExpectFloors(r, {{"all", 0.33, 0.20},
                   {"lang:en", 0.22, 0.08},
                   {"lang:ko", 0.39, 0.34},
                   {"type:release", 0.37, 0.19},
                   {"type:collab", 0.47, 0.25}});
}

// heldout-v13: 83 items (35 en, 48 ko; 31 hard negatives) and heldout-rc-v6: 25 items (9 en,
// 16 ko; 9 negatives, 3 OST items that must stay OST, 1 casting), written in our own words by the
// round-18 held-out writer after about 40 real pages no earlier set used (offers worded as
// "looking over", "one of several on his desk", "giving it positive thought"; report-only
// reviews; film line-ups with leads or directors as background; OST albums with the drama's
// couple named; rapper plus singer parts; variety and audition bookings; cameo and exit
// roundups; webtoon listicles; duets with actors in the video). Labelled blind and committed
// (d95d36e) before the first detector run; one rc-v6 label corrected afterwards (d73ac95); six v13
// negatives dropped later because the round-18 test writer used their pages too (figures unchanged:
// none of them had a false alarm). Never tuned on. First score *in-house* (main at 263dee1), this
// test's strict count: v13 all 0.380 / 0.671 (en 0.421 / 0.800, ko 0.347 / 0.581, casting 0.365 /
// 0.700, OST 0.424 / 0.609); rc-v6 all 0.765 / 0.765 (en 0.500 / 0.800, ko 1.000 / 0.750,
// release 1.000 / 1.000 on 5 events, collab 0.667 / 0.571). `hallyu eval detect`: v13 all 0.412 /
// 0.671, rc-v6 all 0.812 / 0.765. Floors sit about 0.03 below, rounded down: regression guards, not
// targets (rc-v6's release and Korean floors rest on 5 and 12 events: one more miss turns them
// red).
TEST(DetectQuality, HeldOutV13Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v13.jsonl");
  EXPECT_EQ(r.items, 83);
  ExpectFloors(r, {{"all", 0.35, 0.64},
                   {"lang:en", 0.39, 0.77},
                   {"lang:ko", 0.31, 0.55},
                   {"type:casting", 0.33, 0.67},
                   {"type:ost", 0.39, 0.57}});
}

// Session 18 round 2: Korean casting in our own words over all five statuses (1.000 / 1.000
// when the file was finished; the first 42 items scored so before any change).
TEST(DetectQuality, Gen18KoFloors) {
  const EvalReport r = Score("tests/data/detect/gen18-ko.jsonl");
  EXPECT_EQ(r.items, 58);
  ExpectFloors(r, {{"all", 0.95, 0.95}, {"type:casting", 0.95, 0.95}});
}

// gen18-ost: OST news in our own varied wordings (session 18, round 2), written before the
// detector was run on it (first run, eval detect strict 0.857 / 0.882; here a wrong status
// also counts against precision).
TEST(DetectQuality, Gen18OstFloors) {
  const EvalReport r = Score("tests/data/detect/gen18-ost.jsonl");
  EXPECT_EQ(r.items, 39);
  ExpectFloors(r, {{"all", 0.92, 0.92},
                   {"lang:en", 0.86, 0.91},
                   {"lang:ko", 0.97, 0.92},
                   {"type:ost", 0.92, 0.92}});
}

// Session 18b: English casting told as several outlets would (our own wordings, all five
// statuses, about a quarter hard negatives), written before the detector was run on them.
TEST(DetectQuality, Gen18EnglishCastingFloors) {
  const EvalReport r = Score("tests/data/detect/gen18-en.jsonl");
  EXPECT_EQ(r.items, 41);
  ExpectFloors(r, {{"all", 0.95, 0.95}, {"lang:en", 0.95, 0.95}, {"type:casting", 0.95, 0.95}});
}

TEST(DetectQuality, HeldOutReleaseCollabV6Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-rc-v6.jsonl");
  EXPECT_EQ(r.items, 25);
  ExpectFloors(r, {{"all", 0.73, 0.73},
                   {"lang:en", 0.47, 0.77},
                   {"lang:ko", 0.97, 0.72},
                   {"type:release", 0.97, 0.97},
                   {"type:collab", 0.63, 0.54}});
}

// heldout-v14: 95 items (45 en, 50 ko; 34 hard negatives, one denial item) and heldout-rc-v7: 25
// items (12 en, 13 ko; 8 negatives, one OST duet that must stay OST, one idol's album whose only
// event is a drama casting), written in our own words by the round-19 held-out writer after 120
// real pages (network progress reports with one actor fixed and three reviewing, film line-ups with
// roles in parentheses, digests and rumour blogs with explicit rumour framing, leaked lists, offers
// declined or scrapped, OSTs whose singer's name is a common word, actors singing their own
// drama's OST, variety and MV bookings, charity singles with organisers and writers named).
// Labelled blind and committed (939019b) before the first detector run; stories already in the
// dev or earlier held-out sets were dropped before that commit. Never tuned on. First score
// *in-house* (main at 82f0039), this test's strict count: v14 all 0.517 / 0.575 (en 0.474 /
// 0.569, ko 0.563 / 0.580, casting 0.496 / 0.565, OST 0.615 / 0.615); rc-v7 all 0.571 / 0.667
// (en 0.600 / 0.667, ko 0.545 / 0.667, release 0.750 / 0.750 on 8 events, collab 0.364 / 0.571
// on 7). `hallyu eval detect`: v14 all 0.570 / 0.575, rc-v7 all 0.706 / 0.667. Floors sit about
// 0.03 below, rounded down: regression guards, not targets (rc-v7's per-type floors rest on 7 and 8
// events: one more miss turns them red).
TEST(DetectQuality, HeldOutV14Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-v14.jsonl");
  EXPECT_EQ(r.items, 95);
  ExpectFloors(r, {{"all", 0.48, 0.54},
                   {"lang:en", 0.44, 0.53},
                   {"lang:ko", 0.53, 0.55},
                   {"type:casting", 0.46, 0.53},
                   {"type:ost", 0.58, 0.58}});
}

TEST(DetectQuality, HeldOutReleaseCollabV7Floors) {
  const EvalReport r = Score("tests/data/detect/heldout-rc-v7.jsonl");
  EXPECT_EQ(r.items, 25);
  ExpectFloors(r, {{"all", 0.54, 0.63},
                   {"lang:en", 0.57, 0.63},
                   {"lang:ko", 0.51, 0.63},
                   {"type:release", 0.72, 0.72},
                   {"type:collab", 0.33, 0.54}});
}

// The issue-6 sets (written for the old rule-per-phrasing detector).
TEST(DetectQuality, OldIssue6SetsFloors) {
  const EvalReport dev = Score("tests/data/detect/dev.jsonl");
  ExpectFloors(dev, {{"all", 0.78, 0.77}, {"type:casting", 0.90, 0.87}, {"type:ost", 0.44, 0.46}});
  const EvalReport held = Score("tests/data/detect/heldout.jsonl");
  ExpectFloors(held, {{"all", 0.63, 0.68}, {"type:casting", 0.82, 0.85}, {"type:ost", 0.30, 0.35}});
}

}  // namespace
}  // namespace hallyu
