#pragma once
// EventMerger: folds detections from many documents into events.
//
// The same announcement from several outlets (same event_id) is one event whose
// `sources` accumulate. A status change (in_talks -> confirmed, anything ->
// denied, denied -> confirmed; announced -> released for OST, release and collab) or
// a new fact (role, part, network, song now known; a release's title or kind, a
// collab's title or cause now known, a collab participant not named before) bumps
// `version`. The same facts again add at most a source and never a
// version. A weaker casting status arriving after a stronger one (a late
// "in talks" report after "confirmed") does not downgrade the event, nor does a
// late "announced" after "released".
//
// State lives in a MergeStateBackend so it survives restarts: the in-memory
// one here, or the SQLite one in crawler/event_merge_store.h. Not thread-safe:
// one merger per writer.

#include <map>
#include <optional>
#include <set>
#include <string>

#include "extractors/base/status.h"
#include "extractors/detect/event.h"

namespace hallyu {

// Where merged events are kept between detections.
class MergeStateBackend {
 public:
  virtual ~MergeStateBackend() = default;
  // The stored event with `event_id`, nullopt when absent, or an error.
  virtual Result<std::optional<Event>> Get(const std::string& event_id) = 0;
  // Stores (insert or replace) `event` as published (clears a pending mark).
  virtual Status Put(const Event& event) = 0;
  // Stores (insert or replace) `event` marked pending: planned, maybe handed to the
  // publisher, not yet known to be accepted. Backends without pending marks store it as
  // published (the default).
  virtual Status PutPending(const Event& event) { return Put(event); }
  // The stored event of `event_id` when it carries a pending mark, else nullopt; or an error.
  virtual Result<std::optional<Event>> GetPending(const std::string& /*event_id*/) {
    return std::optional<Event>();
  }
  // Clears the pending mark of `event_id` when its stored version is `version` (no-op
  // otherwise).
  virtual Status MarkPublished(const std::string& /*event_id*/, int /*version*/) {
    return Status::Ok();
  }
};

// A backend in a std::map; lost when destroyed.
class MemoryMergeState : public MergeStateBackend {
 public:
  Result<std::optional<Event>> Get(const std::string& event_id) override;
  Status Put(const Event& event) override;
  Status PutPending(const Event& event) override;
  Result<std::optional<Event>> GetPending(const std::string& event_id) override;
  Status MarkPublished(const std::string& event_id, int version) override;
  size_t size() const { return events_.size(); }

 private:
  std::map<std::string, Event> events_;
  std::set<std::string> pending_;
};

enum class MergeKind {
  kNew,          // first time this event_id is seen: publish version 1
  kNewVersion,   // status or facts changed: publish the bumped version
  kSourceAdded,  // same facts from another outlet: sources grew, no new version
  kDuplicate,    // nothing new at all
};

struct MergeOutcome {
  MergeKind kind = MergeKind::kNew;
  Event event;  // the merged event as stored
  // True for kNew and kNewVersion: the event should be published downstream.
  bool publish() const { return kind == MergeKind::kNew || kind == MergeKind::kNewVersion; }
};

struct EventMergerOptions {
  size_t max_sources = 64;  // sources kept per event; older ones beyond this are dropped
};

class EventMerger {
 public:
  // `backend` must outlive the merger.
  explicit EventMerger(MergeStateBackend* backend, EventMergerOptions opts = {});

  // Merges one detection and stores the result: Plan + Commit. Fails only when
  // the backend fails.
  Result<MergeOutcome> Merge(const Detection& detection);

  // What merging `detection` gives, without storing it. A caller that publishes
  // versions calls Commit only after the publisher accepted the event, so the
  // stored version never runs ahead of what was published (a failed publish or a
  // crash in between leaves the old state, and the same detection plans the same
  // version again). Not for two Plans of one event_id before the first's Commit.
  Result<MergeOutcome> Plan(const Detection& detection);
  // Stores a planned outcome (nothing to store for kDuplicate).
  Status Commit(const MergeOutcome& outcome);

  // Publishing without ever giving one (event_id, version) two payloads, across crashes
  // and failed writes: CommitPending(outcome) before handing the event to the publisher,
  // MarkPublished(event) once it accepted it. Before planning a detection, Pending(event_id)
  // returns a version that was committed pending and never marked: publish exactly that
  // event again (same version, same payload), mark it, then plan on top of it.
  //
  // Stores a planned kNew/kNewVersion outcome marked pending (others: as Commit).
  Status CommitPending(const MergeOutcome& outcome);
  // The pending stored event of `event_id`, nullopt when there is none; or an error.
  Result<std::optional<Event>> Pending(const std::string& event_id);
  // Clears the pending mark of `event` (its event_id and version).
  Status MarkPublished(const Event& event);

 private:
  MergeStateBackend* backend_;
  EventMergerOptions opts_;
};

}  // namespace hallyu
