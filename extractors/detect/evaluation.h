#pragma once
// Scoring the detector on labelled items (JSON lines), by the rules of
// shared/notes/detection-labels.md: `hallyu eval detect FILE.jsonl` and the
// quality tests use this.
//
// An item: {"id", "lang", "title", "text", "events": [{"type", "person", "work",
// "status", "role"?, "song"?, "part"?, "group"?, "network"?}], "structure"?}.
// Release events: {"type": "release", "artist", "title", "kind", "status"}; collab events:
// {"type": "collab", "people": [names], "title", "cause", "status"}.
// A detection is a strict hit when type, person, work and status all match a
// labelled event; loose when type, person and work match (any status): such a
// detection is a loose hit and a strict false alarm. A release is a strict hit when
// type, artist, title (when labelled) and status match, loose on type and artist; a
// collab when type, the set of participants (order-insensitive), title (when labelled)
// and status match, loose on type and one shared participant. Kind and cause are
// scored as fields over strict hits. Persons
// and works match by name or native form after NormalizeKey, or when both
// resolve to one gazetteer entry. `denied` events count neither as hits nor as
// false alarms (labelled or detected).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/detect/detector.h"

namespace hallyu {

struct EvalCounts {
  int tp = 0, fp = 0, fn = 0;  // strict
  int loose_tp = 0;            // type + person + work
  int field_total = 0, field_ok = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  double loose_precision() const {
    const int got = tp + fp;
    return got == 0 ? 1.0 : static_cast<double>(loose_tp) / got;
  }
  double loose_recall() const {
    const int want = tp + fn;
    return want == 0 ? 1.0 : static_cast<double>(loose_tp) / want;
  }
};

struct EvalReport {
  int items = 0;
  EvalCounts all;
  // keys: "lang:en", "type:casting", "status:confirmed", "structure:..."
  std::map<std::string, EvalCounts> by;
  // field -> (labelled, right) over strict hits: role, song, part, group, network, kind, cause
  std::map<std::string, std::pair<int, int>> fields;
  std::vector<std::string> misses;        // "id: casting 차은우 / 원더풀 월드 (confirmed)"
  std::vector<std::string> false_alarms;  // "id: casting X / Y (rumored) — evidence"
};

// Scores `detector` on the JSON lines in `jsonl` (one item per line; blank
// lines skipped). Fails with kParse naming the line on malformed JSON or a
// missing field; with kInvalidArgument on an unknown type.
Result<EvalReport> EvaluateDetector(const Detector& detector, std::string_view jsonl);

// The report as text: totals, per language/type/status, fields, then every miss
// and false alarm (at most `max_listed` of each).
std::string FormatEvalReport(const EvalReport& r, size_t max_listed = 200);

}  // namespace hallyu
