#include "extractors/detect/event_merger.h"

#include <algorithm>

#include "extractors/text/text.h"

namespace hallyu {
namespace {

int CastingRank(const std::string& s) {
  if (s == "rumored") return 1;
  if (s == "in_talks") return 2;
  if (s == "reviewing") return 3;
  if (s == "confirmed") return 4;
  return 0;
}

// Whether a new status replaces the stored one.
bool StatusAdvances(const Event& stored, const std::string& next) {
  if (next == stored.status) return false;
  if (stored.type != EventType::kCasting) {  // ost, release, collab
    return stored.status == "announced" && next == "released";
  }
  if (next == "denied") return true;                          // a denial always counts
  if (stored.status == "denied") return next == "confirmed";  // later confirmed after a denial
  return CastingRank(next) > CastingRank(stored.status);
}

// Fills a fact the stored event lacks; returns true when something changed.
bool Learn(std::string& stored, const std::string& next) {
  if (stored.empty() && !next.empty()) {
    stored = next;
    return true;
  }
  return false;
}

// Adds the participants of `next` that `stored` lacks (same key, else same normalised
// name), in their text order after the known ones, and fills Hangul names and groups the
// known ones lack; returns true when something changed.
bool LearnPeople(std::vector<PersonRef>& stored, const std::vector<PersonRef>& next) {
  auto key = [](const PersonRef& p) { return p.key.empty() ? NormalizeKey(p.name) : p.key; };
  bool changed = false;
  for (const PersonRef& p : next) {
    auto it = std::find_if(stored.begin(), stored.end(), [&](const PersonRef& s) {
      return key(s) == key(p) || (!s.native.empty() && s.native == p.native);
    });
    if (it == stored.end()) {
      stored.push_back(p);
      changed = true;
      continue;
    }
    changed |= Learn(it->native, p.native);
    changed |= Learn(it->group, p.group);
  }
  return changed;
}

}  // namespace

Result<std::optional<Event>> MemoryMergeState::Get(const std::string& event_id) {
  auto it = events_.find(event_id);
  if (it == events_.end()) return std::optional<Event>();
  return std::optional<Event>(it->second);
}

Status MemoryMergeState::Put(const Event& event) {
  events_[event.event_id] = event;
  pending_.erase(event.event_id);
  return Status::Ok();
}

Status MemoryMergeState::PutPending(const Event& event) {
  events_[event.event_id] = event;
  pending_.insert(event.event_id);
  return Status::Ok();
}

Result<std::optional<Event>> MemoryMergeState::GetPending(const std::string& event_id) {
  if (pending_.count(event_id) == 0) return std::optional<Event>();
  return std::optional<Event>(events_.at(event_id));
}

Status MemoryMergeState::MarkPublished(const std::string& event_id, int version) {
  auto it = events_.find(event_id);
  if (it != events_.end() && it->second.version == version) pending_.erase(event_id);
  return Status::Ok();
}

EventMerger::EventMerger(MergeStateBackend* backend, EventMergerOptions opts)
    : backend_(backend), opts_(opts) {}

Result<MergeOutcome> EventMerger::Merge(const Detection& d) {
  Result<MergeOutcome> out = Plan(d);
  if (!out.ok()) return out;
  HALLYU_RETURN_IF_ERROR(Commit(*out));
  return out;
}

Status EventMerger::Commit(const MergeOutcome& outcome) {
  if (outcome.kind == MergeKind::kDuplicate) return Status::Ok();
  return backend_->Put(outcome.event);
}

Status EventMerger::CommitPending(const MergeOutcome& outcome) {
  if (!outcome.publish()) return Commit(outcome);
  return backend_->PutPending(outcome.event);
}

Result<std::optional<Event>> EventMerger::Pending(const std::string& event_id) {
  return backend_->GetPending(event_id);
}

Status EventMerger::MarkPublished(const Event& event) {
  return backend_->MarkPublished(event.event_id, event.version);
}

Result<MergeOutcome> EventMerger::Plan(const Detection& d) {
  auto got = backend_->Get(d.event_id);
  if (!got.ok()) return got.status();
  MergeOutcome out;
  if (!got->has_value()) {
    out.kind = MergeKind::kNew;
    out.event = d;
    out.event.version = 1;
    if (out.event.first_seen_at.empty()) out.event.first_seen_at = d.detected_at;
    if (out.event.sources.size() > opts_.max_sources) out.event.sources.resize(opts_.max_sources);
    return out;
  }
  Event e = std::move(**got);
  bool changed = false;
  if (StatusAdvances(e, d.status)) {
    e.status = d.status;
    e.evidence = d.evidence;
    changed = true;
  }
  changed |= Learn(e.role, d.role);
  changed |= Learn(e.song, d.song);
  changed |= Learn(e.work.network, d.work.network);
  changed |= Learn(e.work.native, d.work.native);
  changed |= Learn(e.person.native, d.person.native);
  changed |= Learn(e.person.group, d.person.group);
  changed |= Learn(e.title, d.title);
  changed |= Learn(e.release_kind, d.release_kind);
  changed |= Learn(e.cause, d.cause);
  changed |= LearnPeople(e.people, d.people);
  if (e.part == 0 && d.part > 0) {
    e.part = d.part;
    changed = true;
  }
  if (!e.crossover && d.crossover) {
    e.crossover = true;
    changed = true;
  }
  bool source_added = false;
  for (const auto& s : d.sources) {
    const bool known = std::any_of(e.sources.begin(), e.sources.end(), [&](const SourceRef& x) {
      return x.url == s.url && x.site == s.site;
    });
    if (!known) {
      e.sources.push_back(s);
      source_added = true;
    }
  }
  if (e.sources.size() > opts_.max_sources) {
    e.sources.erase(e.sources.begin(),
                    e.sources.begin() + static_cast<long>(e.sources.size() - opts_.max_sources));
  }
  if (changed) {
    ++e.version;
    e.detected_at = d.detected_at;
    e.confidence = std::max(e.confidence, d.confidence);
    out.kind = MergeKind::kNewVersion;
  } else {
    out.kind = source_added ? MergeKind::kSourceAdded : MergeKind::kDuplicate;
  }
  out.event = std::move(e);
  return out;
}

}  // namespace hallyu
