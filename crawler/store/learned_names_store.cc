#include "crawler/store/learned_names_store.h"

#include <algorithm>
#include <map>
#include <utility>

#include "crawler/store/sql_conn.h"
#include "extractors/text/text.h"

namespace hallyu {
namespace {

using internal::SqlRow;
using internal::SqlValue;

constexpr std::size_t kMaxNameBytes = 200;

const char* const kSchema =
    "CREATE TABLE IF NOT EXISTS learned_names ("
    "  key TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  touched INTEGER NOT NULL,"  // recency counter: the least recent is dropped first
    "  corrected INTEGER NOT NULL DEFAULT 0"
    ") WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS learned_names_by_age ON learned_names(corrected, touched);"
    "CREATE TABLE IF NOT EXISTS learned_facts ("
    "  key TEXT NOT NULL,"
    "  fact TEXT NOT NULL,"  // idol | singer | actor | rapper | group | native
    "  value TEXT NOT NULL,"
    "  corrected INTEGER NOT NULL,"
    "  source_url TEXT NOT NULL,"
    "  first_seen TEXT NOT NULL,"
    "  last_seen TEXT NOT NULL,"
    "  PRIMARY KEY (key, corrected, fact, value)"
    ") WITHOUT ROWID;";

bool IsKind(std::string_view fact) {
  return fact == "idol" || fact == "singer" || fact == "actor" || fact == "rapper";
}

std::string Text(const SqlRow& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : std::string();
}

int64_t Int(const SqlRow& row, std::size_t i) {
  const std::string t = Text(row, i);
  return t.empty() ? 0 : std::stoll(t);
}

// The kinds of `facts` as fact names.
std::vector<std::string_view> Kinds(bool idol, bool singer, bool actor, bool rapper) {
  std::vector<std::string_view> out;
  if (idol) out.push_back("idol");
  if (singer) out.push_back("singer");
  if (actor) out.push_back("actor");
  if (rapper) out.push_back("rapper");
  return out;
}

// Runs `body` in one transaction: all of it is written or none.
template <typename Body>
Status InTransaction(internal::SqlConn& conn, Body body) {
  HALLYU_RETURN_IF_ERROR(conn.Begin());
  Status s = body();
  if (s.ok()) s = conn.Commit();
  if (!s.ok()) conn.Rollback();
  return s;
}

}  // namespace

bool LearnedName::corrected() const {
  return std::any_of(facts.begin(), facts.end(), [](const LearnedFact& f) { return f.corrected; });
}

bool LearnedName::kinds_corrected() const {
  return std::any_of(facts.begin(), facts.end(),
                     [](const LearnedFact& f) { return f.corrected && IsKind(f.fact); });
}

LearnedFacts LearnedName::Effective() const {
  bool kinds_corrected = false, group_corrected = false, native_corrected = false;
  for (const LearnedFact& f : facts) {
    if (!f.corrected) continue;
    if (IsKind(f.fact)) kinds_corrected = true;
    if (f.fact == "group") group_corrected = true;
    if (f.fact == "native") native_corrected = true;
  }
  LearnedFacts out;
  std::string group_seen, native_seen;  // last_seen of the chosen text group / native
  for (const LearnedFact& f : facts) {
    if (IsKind(f.fact)) {
      if (f.corrected != kinds_corrected) continue;
      if (f.fact == "idol") out.idol = true;
      if (f.fact == "singer") out.singer = true;
      if (f.fact == "actor") out.actor = true;
      if (f.fact == "rapper") out.rapper = true;
    } else if (f.fact == "group" && f.corrected == group_corrected) {
      if (out.group.empty() || f.corrected || f.last_seen > group_seen) {
        out.group = f.value;
        group_seen = f.last_seen;
      }
    } else if (f.fact == "native" && f.corrected == native_corrected) {
      if (out.native.empty() || f.corrected || f.last_seen > native_seen) {
        out.native = f.value;
        native_seen = f.last_seen;
      }
    }
  }
  return out;
}

LearnedNamesStore::LearnedNamesStore(std::unique_ptr<internal::SqlConn> conn,
                                     LearnedNamesStoreOptions options)
    : conn_(std::move(conn)), options_(options) {}

LearnedNamesStore::~LearnedNamesStore() = default;

Result<std::unique_ptr<LearnedNamesStore>> LearnedNamesStore::Open(
    const std::string& path, LearnedNamesStoreOptions options) {
  if (options.max_names == 0 || options.max_values_per_fact == 0) {
    return InvalidArgument("learned names: max_names and max_values_per_fact must be > 0");
  }
  auto conn = internal::OpenSqliteConn(path);
  if (!conn.ok()) return conn.status();
  HALLYU_RETURN_IF_ERROR(
      (*conn)->ExecScript(kSchema).WithContext("learned names: migrate " + path));
  std::unique_ptr<LearnedNamesStore> store(new LearnedNamesStore(std::move(*conn), options));
  auto top = store->conn_->Query("SELECT COALESCE(MAX(touched), 0) FROM learned_names", {});
  if (!top.ok()) return top.status();
  store->clock_ = top->empty() ? 0 : Int(top->front(), 0);
  return store;
}

Status LearnedNamesStore::TouchName(const std::string& key, std::string_view name) {
  auto r = conn_->Exec(
      "INSERT INTO learned_names (key, name, touched) VALUES ($1, $2, $3) "
      "ON CONFLICT(key) DO UPDATE SET touched = excluded.touched",
      {key, std::string(name), ++clock_});
  return r.ok() ? Status::Ok() : r.status();
}

Status LearnedNamesStore::PutFact(const std::string& key, std::string_view fact,
                                  std::string_view value, bool corrected,
                                  std::string_view source_url, std::string_view seen_at) {
  const int64_t corr = corrected ? 1 : 0;
  if (!IsKind(fact)) {
    // a new group / native beyond the bound replaces the one seen longest ago
    auto have = conn_->Query(
        "SELECT value FROM learned_facts WHERE key = $1 AND corrected = $2 AND fact = $3 "
        "ORDER BY last_seen, value",
        {key, corr, std::string(fact)});
    if (!have.ok()) return have.status();
    const bool known = std::any_of(have->begin(), have->end(),
                                   [&](const SqlRow& r) { return Text(r, 0) == value; });
    if (!known && have->size() >= options_.max_values_per_fact) {
      auto d = conn_->Exec(
          "DELETE FROM learned_facts WHERE key = $1 AND corrected = $2 AND fact = $3 AND "
          "value = $4",
          {key, corr, std::string(fact), Text(have->front(), 0)});
      if (!d.ok()) return d.status();
    }
  }
  auto r = conn_->Exec(
      "INSERT INTO learned_facts (key, fact, value, corrected, source_url, first_seen, "
      "last_seen) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      "ON CONFLICT(key, corrected, fact, value) DO UPDATE SET "
      "source_url = CASE WHEN excluded.first_seen < first_seen THEN excluded.source_url "
      "ELSE source_url END, "
      "first_seen = MIN(first_seen, excluded.first_seen), "
      "last_seen = MAX(last_seen, excluded.last_seen)",
      {key, std::string(fact), std::string(value), corr, std::string(source_url),
       std::string(seen_at), std::string(seen_at)});
  return r.ok() ? Status::Ok() : r.status();
}

Status LearnedNamesStore::EvictOverflow() {
  auto count = conn_->Query("SELECT COUNT(*) FROM learned_names", {});
  if (!count.ok()) return count.status();
  const int64_t n = count->empty() ? 0 : Int(count->front(), 0);
  const int64_t over = n - static_cast<int64_t>(options_.max_names);
  if (over <= 0) return Status::Ok();
  auto victims =
      conn_->Query("SELECT key FROM learned_names ORDER BY corrected, touched LIMIT $1", {over});
  if (!victims.ok()) return victims.status();
  for (const SqlRow& row : *victims) {
    const std::string key = Text(row, 0);
    auto f = conn_->Exec("DELETE FROM learned_facts WHERE key = $1", {key});
    if (!f.ok()) return f.status();
    auto d = conn_->Exec("DELETE FROM learned_names WHERE key = $1", {key});
    if (!d.ok()) return d.status();
  }
  return Status::Ok();
}

Status LearnedNamesStore::Record(std::string_view name, const LearnedFacts& facts,
                                 std::string_view source_url, std::string_view seen_at) {
  const std::string key = NormalizeKey(name);
  if (key.empty() || name.size() > kMaxNameBytes) {
    return InvalidArgument("learned names: bad name '" + std::string(name.substr(0, 80)) + "'");
  }
  std::lock_guard<std::mutex> lock(mu_);
  return InTransaction(*conn_, [&]() -> Status {
    HALLYU_RETURN_IF_ERROR(TouchName(key, name));
    for (std::string_view kind : Kinds(facts.idol, facts.singer, facts.actor, facts.rapper)) {
      HALLYU_RETURN_IF_ERROR(PutFact(key, kind, "", false, source_url, seen_at));
    }
    if (!facts.group.empty()) {
      HALLYU_RETURN_IF_ERROR(PutFact(key, "group", facts.group, false, source_url, seen_at));
    }
    if (!facts.native.empty()) {
      HALLYU_RETURN_IF_ERROR(PutFact(key, "native", facts.native, false, source_url, seen_at));
    }
    return EvictOverflow();
  });
}

Result<LearnedName> LearnedNamesStore::GetByKey(const std::string& key) {
  auto rows = conn_->Query(
      "SELECT n.name, f.fact, f.value, f.corrected, f.source_url, f.first_seen, f.last_seen "
      "FROM learned_names n LEFT JOIN learned_facts f ON f.key = n.key WHERE n.key = $1 "
      "ORDER BY f.corrected DESC, f.fact, f.value",
      {key});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return NotFound("learned names: nothing known of '" + key + "'");
  LearnedName out;
  out.key = key;
  out.name = Text(rows->front(), 0);
  for (const SqlRow& row : *rows) {
    if (!row[1]) continue;  // a name without facts
    out.facts.push_back(LearnedFact{Text(row, 1), Text(row, 2), Int(row, 3) != 0, Text(row, 4),
                                    Text(row, 5), Text(row, 6)});
  }
  return out;
}

Result<LearnedFacts> LearnedNamesStore::Lookup(std::string_view name, std::string_view native) {
  std::lock_guard<std::mutex> lock(mu_);
  for (std::string_view n : {name, native}) {
    const std::string key = NormalizeKey(n);
    if (key.empty()) continue;
    auto entry = GetByKey(key);
    if (!entry.ok() && entry.status().code() != ErrorCode::kNotFound) return entry.status();
    if (entry.ok()) {
      LearnedFacts facts = entry->Effective();
      if (!facts.empty()) return facts;
    }
  }
  return NotFound("learned names: nothing known of '" + std::string(name) + "'");
}

Result<LearnedName> LearnedNamesStore::Get(std::string_view name) {
  std::lock_guard<std::mutex> lock(mu_);
  return GetByKey(NormalizeKey(name));
}

Status LearnedNamesStore::Correct(std::string_view name, const NameCorrection& c,
                                  std::string_view at) {
  const std::string key = NormalizeKey(name);
  if (key.empty() || name.size() > kMaxNameBytes) {
    return InvalidArgument("learned names: bad name '" + std::string(name.substr(0, 80)) + "'");
  }
  const auto kinds = Kinds(c.idol, c.singer, c.actor, c.rapper);
  if (kinds.empty() && c.group.empty() && c.native.empty()) {
    return InvalidArgument("learned names: a correction must state a kind, a group or a native");
  }
  std::lock_guard<std::mutex> lock(mu_);
  return InTransaction(*conn_, [&]() -> Status {
    HALLYU_RETURN_IF_ERROR(TouchName(key, name));
    auto mark = conn_->Exec("UPDATE learned_names SET corrected = 1 WHERE key = $1", {key});
    if (!mark.ok()) return mark.status();
    auto drop = [&](const std::string& where) -> Status {
      auto d = conn_->Exec(
          "DELETE FROM learned_facts WHERE key = $1 AND corrected = 1 AND " + where, {key});
      return d.ok() ? Status::Ok() : d.status();
    };
    if (!kinds.empty()) {
      HALLYU_RETURN_IF_ERROR(drop("fact IN ('idol', 'singer', 'actor', 'rapper')"));
      for (std::string_view kind : kinds) {
        HALLYU_RETURN_IF_ERROR(PutFact(key, kind, "", true, "", at));
      }
    }
    if (!c.group.empty()) {
      HALLYU_RETURN_IF_ERROR(drop("fact = 'group'"));
      HALLYU_RETURN_IF_ERROR(PutFact(key, "group", c.group, true, "", at));
    }
    if (!c.native.empty()) {
      HALLYU_RETURN_IF_ERROR(drop("fact = 'native'"));
      HALLYU_RETURN_IF_ERROR(PutFact(key, "native", c.native, true, "", at));
    }
    return EvictOverflow();
  });
}

Status LearnedNamesStore::Forget(std::string_view name) {
  const std::string key = NormalizeKey(name);
  std::lock_guard<std::mutex> lock(mu_);
  int64_t removed = 0;
  HALLYU_RETURN_IF_ERROR(InTransaction(*conn_, [&]() -> Status {
    auto f = conn_->Exec("DELETE FROM learned_facts WHERE key = $1", {key});
    if (!f.ok()) return f.status();
    auto d = conn_->Exec("DELETE FROM learned_names WHERE key = $1", {key});
    if (!d.ok()) return d.status();
    removed = *d;
    return Status::Ok();
  }));
  if (removed == 0) return NotFound("learned names: nothing known of '" + std::string(name) + "'");
  return Status::Ok();
}

Result<std::vector<LearnedName>> LearnedNamesStore::List(std::size_t limit) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = conn_->Query(
      "SELECT n.key, n.name, f.fact, f.value, f.corrected, f.source_url, f.first_seen, "
      "f.last_seen FROM (SELECT key, name, touched FROM learned_names ORDER BY touched DESC "
      "LIMIT $1) n LEFT JOIN learned_facts f ON f.key = n.key "
      "ORDER BY n.touched DESC, f.corrected DESC, f.fact, f.value",
      {static_cast<int64_t>(std::min<std::size_t>(limit, 1'000'000))});
  if (!rows.ok()) return rows.status();
  std::vector<LearnedName> out;
  for (const SqlRow& row : *rows) {
    if (out.empty() || out.back().key != Text(row, 0)) {
      out.push_back(LearnedName{Text(row, 0), Text(row, 1), {}});
    }
    if (!row[2]) continue;
    out.back().facts.push_back(LearnedFact{Text(row, 2), Text(row, 3), Int(row, 4) != 0,
                                           Text(row, 5), Text(row, 6), Text(row, 7)});
  }
  return out;
}

Result<int64_t> LearnedNamesStore::Count() {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = conn_->Query("SELECT COUNT(*) FROM learned_names", {});
  if (!rows.ok()) return rows.status();
  return rows->empty() ? int64_t{0} : Int(rows->front(), 0);
}

namespace {

// Applies what is known of one person of a detection (see ApplyLearnedNames).
void ApplyFacts(const LearnedFacts& facts, bool kinds_corrected, PersonRef* person) {
  PersonRef& p = *person;
  if (kinds_corrected) {
    p.idol = facts.idol;
    p.actor = facts.actor;
  } else {
    p.idol = p.idol || facts.idol;
    p.actor = p.actor || facts.actor;
  }
  if (p.group.empty() && !facts.group.empty()) p.group = facts.group;
  if (p.native.empty() && !facts.native.empty()) p.native = facts.native;
  p.learned = facts;
}

}  // namespace

Status ApplyLearnedNames(LearnedNamesStore& store, std::vector<Detection>* detections) {
  Status first_error;
  auto keep = [&first_error](const Status& s) {
    if (!s.ok() && first_error.ok()) first_error = s;
  };
  for (Detection& d : *detections) {
    std::vector<PersonRef*> persons;
    if (d.type == EventType::kCollab) {
      for (PersonRef& p : d.people) persons.push_back(&p);
    } else {
      persons.push_back(&d.person);
    }
    bool applied = false;
    for (PersonRef* person : persons) {
      if (person->resolved || person->name.empty()) continue;
      const LearnedFacts taught = person->learned;
      if (!taught.empty()) {
        const std::string& url = d.sources.empty() ? std::string() : d.sources.front().url;
        keep(store.Record(person->name, taught, url, d.detected_at));
      }
      // what is known of the name and of its Hangul form (taught by Korean articles)
      LearnedFacts facts;
      bool known = false, kinds_corrected = false;
      for (std::string_view n : {std::string_view(person->name), std::string_view(taught.native)}) {
        if (n.empty()) continue;
        Result<LearnedName> entry = store.Get(n);
        if (!entry.ok()) {
          if (entry.status().code() != ErrorCode::kNotFound) keep(entry.status());
          continue;
        }
        const LearnedFacts e = entry->Effective();
        if (e.empty()) continue;
        if (!known) {
          facts = e;
          kinds_corrected = entry->kinds_corrected();
        } else if (!kinds_corrected && entry->kinds_corrected()) {
          facts.idol = e.idol;  // a user's statement of the kinds wins over the text's
          facts.singer = e.singer;
          facts.actor = e.actor;
          facts.rapper = e.rapper;
          kinds_corrected = true;
          MergeLearnedFacts(e, &facts);
        } else {
          LearnedFacts more = e;
          if (kinds_corrected) more.idol = more.singer = more.actor = more.rapper = false;
          MergeLearnedFacts(more, &facts);
        }
        known = true;
      }
      if (!kinds_corrected) MergeLearnedFacts(taught, &facts);
      if (!facts.empty()) {
        ApplyFacts(facts, kinds_corrected, person);
        applied = true;
      }
    }
    if (applied) d.crossover = IsCrossover(d);
  }
  return first_error;
}

}  // namespace hallyu
