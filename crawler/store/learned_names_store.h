#pragma once
// LearnedNamesStore: what the crawl has read about people the gazetteer lacks
// (issue 14, "what the text teaches"), on SQLite next to the crawl state
// (`<state.path>.names`). The key is the normalised name (NormalizeKey); each
// fact (idol, singer, actor, rapper, group=G, native=김하나) keeps the URL of the
// page that first taught it and when it was first and last seen.
//
// A user's correction (`hallyu names correct`) is stored as facts flagged
// `corrected`; they win over the text per aspect: corrected kinds replace the
// kinds the text taught, a corrected group or native replaces the text's.
//
// Bounded: at most `max_names` names (the least recently seen are dropped first,
// corrected names last) and `max_values_per_fact` groups or natives per name.
//
// Thread-safety: every method may be called from any thread (the connection
// serialises; a mutex keeps each read-modify-write whole).

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"
#include "extractors/detect/event.h"
#include "extractors/detect/learned_facts.h"

namespace hallyu {
namespace internal {
class SqlConn;
}

struct LearnedFact {
  std::string fact;   // idol | singer | actor | rapper | group | native
  std::string value;  // the group or native name; "" for the kinds
  bool corrected = false;
  std::string source_url;  // page that first taught it; "" for corrections
  std::string first_seen, last_seen;
};

struct LearnedName {
  std::string key;   // NormalizeKey(name)
  std::string name;  // as first written
  std::vector<LearnedFact> facts;

  // True when a user corrected this name.
  bool corrected() const;
  // True when a user stated its kinds (idol, singer, actor, rapper).
  bool kinds_corrected() const;
  // What the crawl believes, corrections winning per aspect (see the file comment).
  LearnedFacts Effective() const;
};

// What a user states about a name. Kinds given replace every kind the text taught;
// a group or native given replaces the text's. Nothing set states nothing.
struct NameCorrection {
  bool idol = false, singer = false, actor = false, rapper = false;
  std::string group;
  std::string native;
};

struct LearnedNamesStoreOptions {
  std::size_t max_names = 100000;       // names kept; older ones are dropped
  std::size_t max_values_per_fact = 4;  // distinct groups / natives kept per name
};

class LearnedNamesStore {
 public:
  // Opens (creating when missing) the database at `path`; ":memory:" gives a
  // private in-memory store. Fails with kUnavailable when SQLite cannot open or
  // migrate it, kInvalidArgument on a zero bound.
  static Result<std::unique_ptr<LearnedNamesStore>> Open(const std::string& path,
                                                         LearnedNamesStoreOptions options = {});
  ~LearnedNamesStore();
  LearnedNamesStore(const LearnedNamesStore&) = delete;
  LearnedNamesStore& operator=(const LearnedNamesStore&) = delete;

  // Records what the page at `source_url` taught about `name` at `seen_at`
  // (RFC 3339). Facts seen before keep their first source and first_seen; their
  // last_seen moves. Empty facts only refresh the name. kInvalidArgument on an
  // empty name; kUnavailable when SQLite fails (nothing is written then).
  Status Record(std::string_view name, const LearnedFacts& facts, std::string_view source_url,
                std::string_view seen_at);

  // The effective facts of `name`, else of `native` (the same person written in
  // Hangul) when given. kNotFound when neither is known.
  Result<LearnedFacts> Lookup(std::string_view name, std::string_view native = "");

  // Everything stored about `name`; kNotFound when unknown.
  Result<LearnedName> Get(std::string_view name);

  // Stores a user's correction of `name` (creating the name when unknown) at `at`.
  // kInvalidArgument on an empty name or an empty correction.
  Status Correct(std::string_view name, const NameCorrection& correction, std::string_view at);

  // Drops `name` and all its facts, corrections included. kNotFound when unknown.
  Status Forget(std::string_view name);

  // At most `limit` names, most recently seen first, with their facts.
  Result<std::vector<LearnedName>> List(std::size_t limit);

  // Number of names stored.
  Result<int64_t> Count();

 private:
  LearnedNamesStore(std::unique_ptr<internal::SqlConn> conn, LearnedNamesStoreOptions options);
  Status TouchName(const std::string& key, std::string_view name);
  Status PutFact(const std::string& key, std::string_view fact, std::string_view value,
                 bool corrected, std::string_view source_url, std::string_view seen_at);
  Status EvictOverflow();
  Result<LearnedName> GetByKey(const std::string& key);

  std::mutex mu_;
  std::unique_ptr<internal::SqlConn> conn_;  // guarded by mu_
  const LearnedNamesStoreOptions options_;
  int64_t clock_ = 0;  // recency counter for eviction; guarded by mu_
};

// The crawl's use of the store, for every unresolved person of a detection (the
// person or artist; every participant of a collab): records what the story taught
// (person.learned, with the detection's source URL and detected_at), then applies what
// is known of the name (or of its Hangul form) to that person: idol / actor flags,
// group and native when the text gave none, `learned`; then recomputes the detection's
// crossover (IsCrossover, extractors/detect/event.h). A user's correction of the kinds
// replaces the flags instead of adding to them. Resolved persons are left alone.
// A store failure leaves the detection with what its own story taught and is
// returned (the first one) after every detection was handled.
Status ApplyLearnedNames(LearnedNamesStore& store, std::vector<Detection>* detections);

}  // namespace hallyu
