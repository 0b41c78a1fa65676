#pragma once
// Casting, OST, release and collab events (DESIGN.md "Event"), their stable id and JSON
// form.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"
#include "extractors/detect/learned_facts.h"

namespace hallyu {

enum class EventType { kCasting, kOst, kRelease, kCollab };

// "casting" | "ost" | "release" | "collab".
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

// One event. For OST and release, `person` is serialised as "artist"; a collab has
// `people` instead of `person`; release and collab have no `work`.
struct Event {
  EventType type = EventType::kCasting;
  std::string event_id;
  int version = 1;
  // casting: rumored|in_talks|reviewing|confirmed|denied;
  // ost, release, collab: announced|released
  std::string status;
  PersonRef person;  // casting, ost, release (empty for collab)
  WorkRef work;
  std::string role;   // casting only, "" when not named
  std::string song;   // ost only
  int part = 0;       // ost only, 0 when not named
  std::string title;  // release, collab: the single, album, song or project; "" when not named
  std::string release_kind;       // release: single|digital_single|album|ep, "" when not named
  std::vector<PersonRef> people;  // collab: every participant, in text order
  std::string cause;              // collab: the charity or campaign as stated, "" when none
  bool crossover = false;
  Evidence evidence;
  std::vector<SourceRef> sources;
  std::string first_seen_at, detected_at;
  double confidence = 0.0;
};

// A detection is an event as found in one document (version 1, one source).
using Detection = Event;

// Stable fingerprint: "c-"/"o-"/"r-"/"j-" + 16 hex digits of FNV-1a/64 over the type
// and: person key and work key (casting and OST: an OST's song is a fact learned later,
// not part of the id, so a report without it or with a translated title merges); artist key and
// normalised title (release); the normalised title, or without one the sorted keys of
// the people (collab, so outlets listing them in another order merge). Keys fall back
// to the normalised name when unresolved.
std::string ComputeEventId(const Event& e);

// Whether the event joins the two worlds (DESIGN.md "Event", issue 17), from the
// gazetteer flags of its people (PersonRef.idol / .actor) and, for people the gazetteer
// does not know, from what texts taught about them (PersonRef.learned):
//   casting: the person makes music (idol, or learned idol / singer / rapper);
//   ost:     the artist is an idol or an actor (or learned so);
//   release: the artist acts (actor flag, or learned actor) — an idol's or a singer's
//            own single is no crossover;
//   collab:  one participant is an idol and ANOTHER participant acts without being an
//            idol (two idols, one of whom also acts, are no crossover).
// False for an event without people (an empty collab, an empty person).
bool IsCrossover(const Event& e);

// The event as the documented JSON object (schema hallyu.casting/1, hallyu.ost/1,
// hallyu.release/1 or hallyu.collab/1). Empty optional strings become null.
nlohmann::json ToJson(const Event& e);

// Parses what ToJson produced. Fails with kParse on a missing or mistyped field.
Result<Event> EventFromJson(const nlohmann::json& j);

}  // namespace hallyu
