#pragma once
// EventRecord: the fields of one casting, OST, release or collab event (the Kafka value
// described in
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

// One person of an event: the casting's person, the OST's or release's artist, or one
// participant of a collab.
struct EventPerson {
  std::string name;
  std::string native;  // "" when unknown
  std::string group;   // "" when none
  bool idol = false;
};

struct EventRecord {
  std::string event_id;
  int64_t version = 0;  // >= 1
  std::string type;     // "casting" | "ost" | "release" | "collab"
  // casting: rumored|in_talks|reviewing|confirmed|denied; the others: announced|released
  std::string status;
  // person.name (casting), artist.name (ost, release); a collab's participants' names
  // joined with ", " (each of them is in `people`)
  std::string person;
  std::string person_native;  // likewise, the Hangul names ("" when none is known)
  std::string person_group;   // "" when none (always "" for a collab)
  bool person_idol = false;
  std::vector<EventPerson> people;  // every person of the event, in text order
  std::string work;                 // work.title (casting, ost); "" for release and collab
  std::string work_native;
  std::string work_kind;
  std::string network;       // work.network, "" when none
  std::string role;          // casting only, may be ""
  std::string song;          // ost only, may be ""
  std::string title;         // release, collab: the single, album or song; may be ""
  std::string release_kind;  // release: single|digital_single|album|ep, or ""
  std::string cause;         // collab: the charity or campaign, or ""
  bool crossover = false;
  double confidence = 0;
  int64_t first_seen_at = 0;  // Unix seconds
  int64_t detected_at = 0;    // Unix seconds; when this version was produced
  std::vector<EventSource> sources;
  std::string payload;  // the original JSON text
};

// Parses and checks one event JSON (casting, OST, release or collab envelope). Returns
// kParse when the bytes are not a JSON object, kCorrupt (message names the field) when a
// required field is missing or has the wrong type or value: schema (matching the type),
// event_id, version (integer >= 1), type, status (valid for the type), person.name
// (casting) / artist.name (ost, release) / people (collab: a non-empty array of objects
// with a name), work.title (casting, ost), kind (release: single|digital_single|album|ep
// or null), crossover, sources (array of objects with url), detected_at or first_seen_at
// (RFC 3339).
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
