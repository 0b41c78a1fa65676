#pragma once
// Store: where the sink writes events and where `hallyu events` reads them.
//
// Two implementations behind one interface, chosen by URL (OpenStore):
//   sqlite:PATH                 embedded SQLite file (WAL), the default
//   postgresql://user@host/db   PostgreSQL through libpqxx
// Both apply the same forward-only, versioned migrations when opened
// (crawler/store/migrations.cc; table schema_migrations records what ran).
//
// Tables: events (latest version per event_id; person, work, status, crossover, updated,
// type indexed; title, release_kind, cause for release and collab), event_people (every
// person of the latest version of each event, in text order: the one person of a casting,
// OST or release, each participant of a collab), event_versions (every version, primary
// key (event_id, version)), event_sources (url, site, published_at per event), people,
// works, and
// consumer_offsets (the next Kafka offset per group/topic/partition, written in the
// same transaction as the rows so a crash neither loses nor doubles an event).
//
// Thread safety: a Store is used by one thread at a time.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crawler/store/event_record.h"
#include "extractors/base/status.h"

namespace hallyu {

// The next offset to consume for one partition (Kafka's committed-offset meaning).
struct PartitionOffset {
  std::string topic;
  int32_t partition = 0;
  int64_t next_offset = 0;
  bool operator==(const PartitionOffset&) const = default;
};

// What one WriteBatch changed.
struct WriteStats {
  int64_t versions_added = 0;    // new (event_id, version) rows
  int64_t versions_ignored = 0;  // (event_id, version) already stored
  int64_t events_changed = 0;    // events rows inserted or moved to a newer version
};

// Filters for QueryEvents; unset fields do not filter.
struct EventQuery {
  std::optional<std::string> type;    // "casting" | "ost" | "release" | "collab"
  std::optional<std::string> status;  // exact status
  // Case-insensitive substring of the name or native name of any person of the event
  // (person, artist or any collab participant).
  std::optional<std::string> person;
  // Like `person` for each spelling: an event matches when any person of it matches any
  // of them (the names, aliases and Hangul forms of one person). Empty: no filter.
  std::vector<std::string> person_any;
  // Case-insensitive substring of the work's title or native title, or of the title of a
  // release or collab.
  std::optional<std::string> work;
  bool crossover_only = false;
  std::optional<int64_t> updated_since;  // Unix seconds: latest version detected at or after
  int64_t limit = 1000;                  // at most this many rows (1..100000)
};

// One row of `events` with its source count.
struct StoredEvent {
  EventRecord event;          // fields of the latest version (payload = its JSON)
  int64_t first_seen_at = 0;  // earliest first_seen_at over every stored version
  int64_t updated_at = 0;     // detected_at of the latest version
  int64_t source_count = 0;   // distinct source URLs over every version
};

class Store {
 public:
  virtual ~Store() = default;

  // Writes `events` and the consumer `offsets` for `group` in ONE transaction: either
  // all of it is stored or none. A repeated (event_id, version) is ignored; `events`
  // keeps the highest version; sources, people and works are merged. Returns the
  // counts, or kUnavailable / kInternal (nothing written) when the database fails.
  virtual Result<WriteStats> WriteBatch(const std::vector<EventRecord>& events,
                                        const std::vector<PartitionOffset>& offsets,
                                        const std::string& group) = 0;

  // The stored next offsets of `group` (empty when none). kUnavailable on failure.
  virtual Result<std::vector<PartitionOffset>> LoadOffsets(const std::string& group) = 0;

  // Events matching `query`, newest (updated_at, then event_id) first.
  virtual Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& query) = 0;

  // Every stored version of `event_id`, ascending (payload and status filled in).
  virtual Result<std::vector<EventRecord>> EventVersions(const std::string& event_id) = 0;

  // Row counts of `table` (one of the tables listed above); kInvalidArgument otherwise.
  virtual Result<int64_t> CountRows(const std::string& table) = 0;

  // The applied schema version (the highest migration number).
  virtual Result<int64_t> SchemaVersion() = 0;
};

// Opens the store named by `url` ("sqlite:PATH", "sqlite::memory:", "postgresql://…"
// or "postgres://…") and applies pending migrations. Returns kInvalidArgument for an
// unknown scheme, kUnavailable when the database cannot be opened / reached.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace hallyu
