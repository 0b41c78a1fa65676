#pragma once
// EventWatcher: the `hallyu watch` follower. Assigns itself every partition of the
// event topics at their current end (no consumer group, nothing committed), then
// prints each new event or status change (of the chosen types: casting, OST, release,
// collab) as one line (FormatEventLine) and, when a
// webhook URL is set, POSTs the event JSON there (retried with backoff, see
// webhook.h). Malformed messages are skipped with a warning.
//
// Thread safety: Run() on one thread; RequestStop() from anywhere (signal-safe).

#include <atomic>
#include <memory>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "crawler/downstream/webhook.h"
#include "extractors/base/status.h"

namespace hallyu {

struct WatchOptions {
  std::string brokers = "127.0.0.1:9092";
  std::vector<std::string> topics = {"hallyu.events.casting", "hallyu.events.ost",
                                     "hallyu.events.release", "hallyu.events.collab"};
  bool crossover_only = false;
  // Only events of these types ("casting", "ost", "release", "collab"); empty: every type.
  std::vector<std::string> types;
  bool from_beginning = false;  // replay what the topics hold instead of starting at the end
  std::string webhook_url;      // "" = no webhook
  WebhookOptions webhook;
  int poll_timeout_ms = 200;           // ms
  int metadata_timeout_ms = 10000;     // wait for the topics to exist, ms
  size_t max_tracked_events = 100000;  // memory bound of the status-change table
};

class EventWatcher {
 public:
  // Connects and assigns the partitions at their end offsets. Returns
  // kInvalidArgument for bad configuration, kUnavailable when a topic's metadata or
  // watermarks cannot be read within metadata_timeout_ms.
  static Result<std::unique_ptr<EventWatcher>> Create(const WatchOptions& options);
  ~EventWatcher();
  EventWatcher(const EventWatcher&) = delete;
  EventWatcher& operator=(const EventWatcher&) = delete;

  // Prints lines to `out` (flushed per line) until RequestStop(). Returns OK.
  // Webhook failures are logged, not fatal.
  Status Run(std::ostream& out);
  void RequestStop() { stop_.store(true); }

 private:
  EventWatcher() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> stop_{false};
};

}  // namespace hallyu
