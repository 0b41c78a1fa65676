#pragma once
// EventRecord: the fields of one casting or OST event (the Kafka value described in
// DESIGN.md, "Event") that the sink stores and `hallyu events` / `hallyu watch` show.
// The full JSON is kept verbatim in `payload`.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

struct EventSource {
  std::string url;
  std::string site;
  std::string title;
  int64_t published_at = 0;  // Unix seconds, 0 when unknown
};

struct EventRecord {
  std::string event_id;
  int64_t version = 0;  // >= 1
  std::string type;     // "casting" | "ost"
  std::string
      status;  // casting: rumored|in_talks|reviewing|confirmed|denied; ost: announced|released
  std::string person;  // person.name (casting) or artist.name (ost)
  std::string person_native;
  std::string person_group;  // "" when none
  bool person_idol = false;
  std::string work;  // work.title
  std::string work_native;
  std::string work_kind;
  std::string network;  // work.network, "" when none
  std::string role;     // casting only, may be ""
  std::string song;     // ost only, may be ""
  bool crossover = false;
  double confidence = 0;
  int64_t first_seen_at = 0;  // Unix seconds
  int64_t detected_at = 0;    // Unix seconds; when this version was produced
  std::vector<EventSource> sources;
  std::string payload;  // the original JSON text
};

// Parses and checks one event JSON (casting or OST envelope). Returns kParse when
// the bytes are not a JSON object, kCorrupt (message names the field) when a
// required field is missing or has the wrong type or value: schema, event_id,
// version (integer >= 1), type, status (valid for the type), person/artist.name,
// work.title, crossover, sources (array of objects with url), detected_at or
// first_seen_at (RFC 3339).
Result<EventRecord> ParseEventRecord(std::string_view json);

// Parses an RFC 3339 / ISO 8601 UTC-or-offset timestamp ("2026-05-01T09:12:00Z",
// "2026-05-01T09:12:00.5+09:00", "2026-05-01") into Unix seconds. Returns kParse on
// anything else.
Result<int64_t> ParseTimestamp(std::string_view text);

// Formats Unix seconds as "YYYY-MM-DD HH:MM" in UTC.
std::string FormatMinuteUtc(int64_t unix_seconds);

// Formats Unix seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatRfc3339Utc(int64_t unix_seconds);

}  // namespace hallyu
