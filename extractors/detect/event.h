#pragma once
// Casting and OST events (DESIGN.md "Event"), their stable id and JSON form.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"
#include "extractors/detect/learned_facts.h"

namespace hallyu {

enum class EventType { kCasting, kOst };

// "casting" | "ost".
std::string_view EventTypeName(EventType t);

struct PersonRef {
  std::string name;
  std::string native;  // Hangul name, "" when unknown
  std::string group;   // K-pop group display name, "" when none
  bool idol = false;
  bool resolved = false;  // found in the gazetteer
  bool actor = false;     // known to act (not serialised; decides OST crossover)
  std::string key;        // canonical id used in event_id (not serialised)
  // Unresolved persons: what the story says about them ("singer-actress X"); the crawl
  // keeps it in its learned-names store. Not serialised (the schemas have no field for it).
  LearnedFacts learned;
};

struct WorkRef {
  std::string title;
  std::string native;
  std::string kind;  // drama | film | series | "" when unknown
  std::string network;
  bool resolved = false;
  std::string key;  // canonical id used in event_id (not serialised)
};

struct SourceRef {
  std::string url, site, title, published_at, fetched_at;
  bool operator==(const SourceRef&) const = default;
};

struct Evidence {
  std::string text, rule, lang;
};

// One casting or OST event. For OST, `person` is serialised as "artist".
struct Event {
  EventType type = EventType::kCasting;
  std::string event_id;
  int version = 1;
  std::string
      status;  // casting: rumored|in_talks|reviewing|confirmed|denied; ost: announced|released
  PersonRef person;
  WorkRef work;
  std::string role;  // casting only, "" when not named
  std::string song;  // ost only
  int part = 0;      // ost only, 0 when not named
  bool crossover = false;
  Evidence evidence;
  std::vector<SourceRef> sources;
  std::string first_seen_at, detected_at;
  double confidence = 0.0;
};

// A detection is an event as found in one document (version 1, one source).
using Detection = Event;

// Stable fingerprint: "c-"/"o-" + 16 hex digits of FNV-1a/64 over type, person
// key, work key (and normalised song for OST). Keys fall back to the normalised
// name when unresolved.
std::string ComputeEventId(const Event& e);

// The event as the documented JSON object (schema hallyu.casting/1 or
// hallyu.ost/1). Empty optional strings become null.
nlohmann::json ToJson(const Event& e);

// Parses what ToJson produced. Fails with kParse on a missing or mistyped field.
Result<Event> EventFromJson(const nlohmann::json& j);

}  // namespace hallyu
