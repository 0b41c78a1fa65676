// Forward-only schema migrations shared by SQLite and PostgreSQL. Never edit or
// renumber a migration that has shipped; add a new one at the end.
#include "crawler/store/sql_conn.h"

namespace hallyu::internal {

const std::vector<std::string>& StoreMigrations() {
  static const std::vector<std::string> kMigrations = {
      // 1: events, versions, sources, people, works, consumer offsets.
      R"sql(
CREATE TABLE events (
  event_id      TEXT PRIMARY KEY,
  version       BIGINT NOT NULL,
  type          TEXT NOT NULL,
  status        TEXT NOT NULL,
  person        TEXT NOT NULL,
  person_native TEXT NOT NULL DEFAULT '',
  person_group  TEXT NOT NULL DEFAULT '',
  work          TEXT NOT NULL,
  work_native   TEXT NOT NULL DEFAULT '',
  network       TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL DEFAULT '',
  song          TEXT NOT NULL DEFAULT '',
  crossover     INTEGER NOT NULL,
  confidence    DOUBLE PRECISION NOT NULL DEFAULT 0,
  first_seen_at BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL,
  payload       TEXT NOT NULL
);
CREATE INDEX events_person ON events (person);
CREATE INDEX events_work ON events (work);
CREATE INDEX events_status ON events (status);
CREATE INDEX events_crossover ON events (crossover);
CREATE INDEX events_updated ON events (updated_at);
CREATE TABLE event_versions (
  event_id    TEXT NOT NULL,
  version     BIGINT NOT NULL,
  status      TEXT NOT NULL,
  detected_at BIGINT NOT NULL,
  payload     TEXT NOT NULL,
  PRIMARY KEY (event_id, version)
);
CREATE TABLE event_sources (
  event_id     TEXT NOT NULL,
  url          TEXT NOT NULL,
  site         TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  published_at BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, url)
);
CREATE TABLE people (
  name   TEXT PRIMARY KEY,
  native TEXT NOT NULL DEFAULT '',
  grp    TEXT NOT NULL DEFAULT '',
  idol   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE works (
  title   TEXT PRIMARY KEY,
  native  TEXT NOT NULL DEFAULT '',
  kind    TEXT NOT NULL DEFAULT '',
  network TEXT NOT NULL DEFAULT ''
);
CREATE TABLE consumer_offsets (
  consumer_group  TEXT NOT NULL,
  topic           TEXT NOT NULL,
  kafka_partition INTEGER NOT NULL,
  next_offset     BIGINT NOT NULL,
  PRIMARY KEY (consumer_group, topic, kafka_partition)
);
)sql",
      // 2 (issue 17): release and collab events. Their title, kind and cause; every
      // person of every event in event_people (a collab has many), filled for the events
      // stored so far from their one person.
      R"sql(
ALTER TABLE events ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN release_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN cause TEXT NOT NULL DEFAULT '';
CREATE INDEX events_type ON events (type);
CREATE TABLE event_people (
  event_id TEXT NOT NULL,
  ord      INTEGER NOT NULL,
  name     TEXT NOT NULL,
  native   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (event_id, ord)
);
CREATE INDEX event_people_name ON event_people (name);
CREATE INDEX event_people_native ON event_people (native);
INSERT INTO event_people (event_id, ord, name, native)
  SELECT event_id, 0, person, person_native FROM events;
)sql",
  };
  return kMigrations;
}

}  // namespace hallyu::internal
