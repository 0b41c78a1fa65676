#pragma once
// How `hallyu events` and `hallyu watch` show events to people.

#include <string>
#include <vector>

#include "crawler/store/event_record.h"
#include "crawler/store/store.h"

namespace hallyu {

// One line, e.g.
// "2026-05-01 09:12 CONFIRMED  Cha Eun-woo (ASTRO) → 'Wonderful World' (MBC)  [crossover, 4
// sources]". OST events read "IU → OST 'Song' for 'Work' (tvN)", releases "Actor →
// digital single 'Title'", collabs "A, B, C → collab 'Title' for CAUSE". Time is
// detected_at in UTC.
std::string FormatEventLine(const EventRecord& e, int64_t source_count);

// A fixed-width table (header + one row per event): UPDATED, FIRST SEEN, TYPE,
// STATUS, PERSON, WORK, SOURCES, CROSSOVER. Non-ASCII text is aligned by code points.
std::string FormatEventTable(const std::vector<StoredEvent>& events);

// One JSON object per event and line: the stored payload plus "first_seen" /
// "updated" (RFC 3339) and "source_count".
std::string FormatEventJsonLines(const std::vector<StoredEvent>& events);

// Parses "--since" durations: "30m", "12h", "7d", "2w" into seconds. kInvalidArgument
// otherwise.
Result<int64_t> ParseDurationSeconds(const std::string& text);

}  // namespace hallyu
