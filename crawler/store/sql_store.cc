// Store over SqlConn: one implementation of the logic for SQLite and PostgreSQL.
#include <algorithm>
#include <charconv>
#include <ctime>
#include <set>

#include "crawler/store/sql_conn.h"
#include "crawler/store/store.h"

namespace hallyu {
namespace {

using internal::SqlConn;
using internal::SqlRow;
using internal::SqlValue;

int64_t ToInt(const std::optional<std::string>& s) {
  if (!s) return 0;
  int64_t v = 0;
  std::from_chars(s->data(), s->data() + s->size(), v);
  return v;
}

std::string Text(const std::optional<std::string>& s) { return s.value_or(""); }

// Lower-cases ASCII letters and escapes LIKE wildcards; the pattern uses '\' as escape.
std::string LikePattern(const std::string& needle) {
  std::string out = "%";
  for (char c : needle) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out + "%";
}

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<SqlConn> conn) : conn_(std::move(conn)) {}

  // Applies pending migrations in one transaction, serialized against other
  // processes opening the same database (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
  // advisory transaction lock), so concurrent openers never race on DDL.
  Status Migrate() {
    HALLYU_RETURN_IF_ERROR(conn_->Begin());
    Status s = MigrateLocked();
    if (!s.ok()) {
      conn_->Rollback();
      return s;
    }
    return conn_->Commit();
  }

  Status MigrateLocked() {
    HALLYU_RETURN_IF_ERROR(conn_->LockForMigration());
    HALLYU_RETURN_IF_ERROR(conn_->ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
        "applied_at BIGINT NOT NULL)"));
    const auto& migrations = internal::StoreMigrations();
    auto current = SchemaVersion();
    if (!current.ok()) return current.status();
    for (size_t i = static_cast<size_t>(*current); i < migrations.size(); ++i) {
      Status s = conn_->ExecScript(migrations[i]);
      if (s.ok()) {
        auto r =
            conn_->Exec("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                        {static_cast<int64_t>(i + 1), static_cast<int64_t>(std::time(nullptr))});
        if (!r.ok()) s = r.status();
      }
      if (!s.ok()) return s.WithContext("migration " + std::to_string(i + 1));
    }
    return Status::Ok();
  }

  Result<WriteStats> WriteBatch(const std::vector<EventRecord>& events,
                                const std::vector<PartitionOffset>& offsets,
                                const std::string& group) override {
    HALLYU_RETURN_IF_ERROR(conn_->Begin());
    auto stats = WriteInTransaction(events, offsets, group);
    if (!stats.ok()) {
      conn_->Rollback();
      return stats.status();
    }
    Status c = conn_->Commit();
    if (!c.ok()) {
      conn_->Rollback();
      return c;
    }
    return stats;
  }

  Result<std::vector<PartitionOffset>> LoadOffsets(const std::string& group) override {
    auto rows = conn_->Query(
        "SELECT topic, kafka_partition, next_offset FROM consumer_offsets "
        "WHERE consumer_group = $1 ORDER BY topic, kafka_partition",
        {group});
    if (!rows.ok()) return rows.status();
    std::vector<PartitionOffset> out;
    for (const auto& r : *rows) {
      out.push_back({Text(r[0]), static_cast<int32_t>(ToInt(r[1])), ToInt(r[2])});
    }
    return out;
  }

  Result<std::vector<StoredEvent>> QueryEvents(const EventQuery& q) override {
    std::string sql =
        "SELECT e.payload, e.first_seen_at, e.updated_at, "
        "(SELECT COUNT(*) FROM event_sources s WHERE s.event_id = e.event_id) "
        "FROM events e WHERE 1=1";
    std::vector<SqlValue> params;
    // Appends " AND clause", numbering each "$?" in it after the params so far.
    auto add = [&](std::string clause, std::vector<SqlValue> values) {
      for (SqlValue& v : values) {
        params.push_back(std::move(v));
        clause.replace(clause.find("$?"), 2, "$" + std::to_string(params.size()));
      }
      sql += " AND " + clause;
    };
    if (q.type) add("e.type = $?", {*q.type});
    if (q.status) add("e.status = $?", {*q.status});
    // Any person of the event (event_people) whose name or native name contains `needle`.
    auto person_clause = [](std::vector<SqlValue>* values, const std::string& needle) {
      // Built in place: moving a temporary variant here trips GCC 12's -Wmaybe-uninitialized.
      const std::string pattern = LikePattern(needle);
      values->emplace_back(std::in_place_type<std::string>, pattern);
      values->emplace_back(std::in_place_type<std::string>, pattern);
      return std::string("(LOWER(p.name) LIKE $? ESCAPE '\\' OR p.native LIKE $? ESCAPE '\\')");
    };
    // One person of the event matches any of `names`.
    auto any_person = [&](const std::vector<std::string>& names) {
      std::vector<SqlValue> values;
      std::string any;
      for (const std::string& name : names) {
        any += (any.empty() ? "" : " OR ") + person_clause(&values, name);
      }
      add("EXISTS (SELECT 1 FROM event_people p WHERE p.event_id = e.event_id AND (" + any + "))",
          std::move(values));
    };
    if (q.person) any_person({*q.person});
    if (!q.person_any.empty()) any_person(q.person_any);
    if (q.work) {
      add("(LOWER(e.work) LIKE $? ESCAPE '\\' OR e.work_native LIKE $? ESCAPE '\\' OR "
          "LOWER(e.title) LIKE $? ESCAPE '\\')",
          {LikePattern(*q.work), LikePattern(*q.work), LikePattern(*q.work)});
    }
    if (q.crossover_only) sql += " AND e.crossover = 1";
    if (q.updated_since) add("e.updated_at >= $?", {*q.updated_since});
    int64_t limit = std::clamp<int64_t>(q.limit, 1, 100000);
    sql += " ORDER BY e.updated_at DESC, e.event_id DESC LIMIT " + std::to_string(limit);
    auto rows = conn_->Query(sql, params);
    if (!rows.ok()) return rows.status();
    std::vector<StoredEvent> out;
    for (const auto& r : *rows) {
      auto rec = ParseEventRecord(Text(r[0]));
      if (!rec.ok()) return rec.status().WithContext("stored payload");
      StoredEvent se;
      se.event = std::move(*rec);
      se.first_seen_at = ToInt(r[1]);
      se.updated_at = ToInt(r[2]);
      se.source_count = ToInt(r[3]);
      out.push_back(std::move(se));
    }
    return out;
  }

  Result<std::vector<EventRecord>> EventVersions(const std::string& event_id) override {
    auto rows = conn_->Query(
        "SELECT payload FROM event_versions WHERE event_id = $1 ORDER BY version", {event_id});
    if (!rows.ok()) return rows.status();
    std::vector<EventRecord> out;
    for (const auto& r : *rows) {
      auto rec = ParseEventRecord(Text(r[0]));
      if (!rec.ok()) return rec.status().WithContext("stored version");
      out.push_back(std::move(*rec));
    }
    return out;
  }

  Result<int64_t> CountRows(const std::string& table) override {
    static const std::set<std::string> kTables = {
        "events", "event_versions", "event_sources",   "event_people",
        "people", "works",          "consumer_offsets"};
    if (!kTables.count(table)) return InvalidArgument("unknown table " + table);
    auto rows = conn_->Query("SELECT COUNT(*) FROM " + table, {});
    if (!rows.ok()) return rows.status();
    return ToInt(rows->at(0).at(0));
  }

  Result<int64_t> SchemaVersion() override {
    auto rows = conn_->Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {});
    if (!rows.ok()) return rows.status();
    return ToInt(rows->at(0).at(0));
  }

 private:
  Result<WriteStats> WriteInTransaction(const std::vector<EventRecord>& events,
                                        const std::vector<PartitionOffset>& offsets,
                                        const std::string& group) {
    WriteStats stats;
    for (const EventRecord& e : events) {
      auto added = conn_->Exec(
          "INSERT INTO event_versions (event_id, version, status, detected_at, payload) "
          "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id, version) DO NOTHING",
          {e.event_id, e.version, e.status, e.detected_at, e.payload});
      if (!added.ok()) return added.status();
      if (*added == 0) {
        ++stats.versions_ignored;
        continue;
      }
      ++stats.versions_added;
      auto changed = conn_->Exec(
          "INSERT INTO events (event_id, version, type, status, person, person_native, "
          "person_group, work, work_native, network, role, song, crossover, confidence, "
          "first_seen_at, updated_at, payload, title, release_kind, cause) VALUES ($1, $2, $3, "
          "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) "
          "ON CONFLICT (event_id) DO UPDATE SET "
          "version = excluded.version, type = excluded.type, status = excluded.status, "
          "person = excluded.person, person_native = excluded.person_native, "
          "person_group = excluded.person_group, work = excluded.work, "
          "work_native = excluded.work_native, network = excluded.network, "
          "role = excluded.role, song = excluded.song, crossover = excluded.crossover, "
          "confidence = excluded.confidence, updated_at = excluded.updated_at, "
          "payload = excluded.payload, title = excluded.title, "
          "release_kind = excluded.release_kind, cause = excluded.cause "
          "WHERE excluded.version > events.version",
          {e.event_id,
           e.version,
           e.type,
           e.status,
           e.person,
           e.person_native,
           e.person_group,
           e.work,
           e.work_native,
           e.network,
           e.role,
           e.song,
           static_cast<int64_t>(e.crossover),
           e.confidence,
           e.first_seen_at,
           e.detected_at,
           e.payload,
           e.title,
           e.release_kind,
           e.cause});
      if (!changed.ok()) return changed.status();
      stats.events_changed += *changed;
      if (*changed > 0) {  // this version is now the latest: its people are the event's
        auto gone = conn_->Exec("DELETE FROM event_people WHERE event_id = $1", {e.event_id});
        if (!gone.ok()) return gone.status();
        for (size_t i = 0; i < e.people.size(); ++i) {
          auto r = conn_->Exec(
              "INSERT INTO event_people (event_id, ord, name, native) VALUES ($1, $2, $3, $4)",
              {e.event_id, static_cast<int64_t>(i), e.people[i].name, e.people[i].native});
          if (!r.ok()) return r.status();
        }
      }
      auto first = conn_->Exec(
          "UPDATE events SET first_seen_at = $1 WHERE event_id = $2 AND first_seen_at > $3",
          {e.first_seen_at, e.event_id, e.first_seen_at});
      if (!first.ok()) return first.status();
      for (const EventSource& s : e.sources) {
        auto r = conn_->Exec(
            "INSERT INTO event_sources (event_id, url, site, title, published_at) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id, url) DO NOTHING",
            {e.event_id, s.url, s.site, s.title, s.published_at});
        if (!r.ok()) return r.status();
      }
      for (const EventPerson& person : e.people) {
        auto p = conn_->Exec(
            "INSERT INTO people (name, native, grp, idol) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT (name) DO UPDATE SET native = excluded.native, grp = excluded.grp, "
            "idol = excluded.idol",
            {person.name, person.native, person.group, static_cast<int64_t>(person.idol)});
        if (!p.ok()) return p.status();
      }
      if (e.work.empty()) continue;  // release, collab: no work
      auto w = conn_->Exec(
          "INSERT INTO works (title, native, kind, network) VALUES ($1, $2, $3, $4) "
          "ON CONFLICT (title) DO UPDATE SET native = excluded.native, kind = excluded.kind, "
          "network = excluded.network",
          {e.work, e.work_native, e.work_kind, e.network});
      if (!w.ok()) return w.status();
    }
    for (const PartitionOffset& o : offsets) {
      auto r = conn_->Exec(
          "INSERT INTO consumer_offsets (consumer_group, topic, kafka_partition, next_offset) "
          "VALUES ($1, $2, $3, $4) ON CONFLICT (consumer_group, topic, kafka_partition) "
          "DO UPDATE SET next_offset = excluded.next_offset",
          {group, o.topic, static_cast<int64_t>(o.partition), o.next_offset});
      if (!r.ok()) return r.status();
    }
    return stats;
  }

  std::unique_ptr<SqlConn> conn_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  Result<std::unique_ptr<SqlConn>> conn =
      InvalidArgument("unknown store URL '" + url + "' (want sqlite:PATH or postgresql://...)");
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);  // sqlite:///abs/path
    conn = internal::OpenSqliteConn(path);
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    conn = internal::OpenPostgresConn(url);
  }
  if (!conn.ok()) return conn.status();
  auto store = std::make_unique<SqlStore>(std::move(*conn));
  HALLYU_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace hallyu
