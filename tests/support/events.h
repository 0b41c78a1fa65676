#pragma once
// Event JSON builders and store helpers shared by the sink / events / watch tests.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hallyu::testing {

// Fields of a test event; everything else gets plausible fixed values.
struct TestEvent {
  std::string event_id = "c-test";
  int64_t version = 1;
  std::string type = "casting";  // "casting" | "ost" | "release" | "collab"
  std::string status = "confirmed";
  std::string person = "Cha Eun-woo";  // the person or artist (not for a collab)
  std::string person_native;           // its Hangul name, "" when none
  std::string group = "ASTRO";
  // collab: the participants (name, Hangul name or ""), in text order
  std::vector<std::pair<std::string, std::string>> people;
  std::string title;  // release, collab; "" gives null
  std::string kind;   // release; "" gives null
  std::string cause;  // collab; "" gives null
  std::string work = "Wonderful World";
  std::string network = "MBC";
  bool crossover = true;
  std::vector<std::string> source_urls = {"https://news.example.com/a/1"};
  std::string first_seen_at = "2026-05-01T09:00:00Z";
  std::string detected_at = "2026-05-01T09:12:00Z";
};

// The event as the JSON envelope of DESIGN.md (casting, OST, release or collab; the
// schema name follows the type).
std::string TestEventJson(const TestEvent& e);

// A PostgreSQL URL (from env HALLYU_PG_URL) whose search_path is a fresh, empty
// schema, so each test starts from an empty database. Fails the current test
// (ADD_FAILURE) and returns "" when HALLYU_PG_URL is unset or unreachable.
std::string FreshPostgresUrl();

}  // namespace hallyu::testing
