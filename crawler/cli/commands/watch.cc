#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "crawler/cli/cli.h"
#include "crawler/downstream/downstream_config.h"
#include "crawler/downstream/event_watch.h"

namespace hallyu {
namespace {

std::atomic<EventWatcher*> g_watcher{nullptr};

extern "C" void StopWatchOnSignal(int) {
  EventWatcher* w = g_watcher.load();
  if (w != nullptr) w->RequestStop();
}

// `given` says whether the command line (or HALLYU_KAFKA_BROKERS) set the brokers
// and the topics; what it did not set comes from --config when the file names it.
int RunWatch(WatchOptions o, bool brokers_given, bool topics_given, const GlobalOptions& global) {
  auto cfg = LoadDownstreamConfig(global.config_path, global.config_given);
  if (!cfg.ok()) {
    std::cerr << "hallyu watch: " << cfg.status().ToString() << "\n";
    return 2;
  }
  if (!brokers_given && cfg->brokers) o.brokers = *cfg->brokers;
  if (!topics_given && !cfg->event_topics.empty()) o.topics = cfg->event_topics;
  auto w = EventWatcher::Create(o);
  if (!w.ok()) {
    std::cerr << "hallyu watch: " << w.status().ToString() << "\n";
    return 1;
  }
  g_watcher.store(w->get());
  struct sigaction sa = {};
  sa.sa_handler = StopWatchOnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  Status s = (*w)->Run(std::cout);
  g_watcher.store(nullptr);
  if (!s.ok()) {
    std::cerr << "hallyu watch: " << s.ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

void AddWatchCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "watch", "Follow the event topics live and print or POST each new event");
  auto o = std::make_shared<WatchOptions>();
  if (const char* b = std::getenv("HALLYU_KAFKA_BROKERS"); b != nullptr && *b != '\0') {
    o->brokers = b;
  }
  CLI::Option* brokers =
      cmd->add_option("--brokers", o->brokers,
                      "Kafka bootstrap servers (default: env HALLYU_KAFKA_BROKERS)")
          ->capture_default_str();
  CLI::Option* topics =
      cmd->add_option("--topics", o->topics, "Event topics (default: from --config)")
          ->delimiter(',')
          ->capture_default_str();
  cmd->add_flag("--crossover", o->crossover_only, "Only K-pop/K-drama crossovers");
  cmd->add_option("--type", o->types, "Only these event types (comma-separated; default: all)")
      ->delimiter(',')
      ->check(CLI::IsMember({"casting", "ost", "release", "collab"}));
  cmd->add_flag("--from-beginning", o->from_beginning, "Replay the topics from the start");
  cmd->add_option("--webhook", o->webhook_url, "POST each event's JSON to this URL");
  cmd->add_option("--webhook-attempts", o->webhook.max_attempts, "Tries per event")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--webhook-backoff-ms", o->webhook.initial_backoff_ms,
                  "First retry delay, doubling up to 5 s")
      ->capture_default_str()
      ->check(CLI::Range(1, 60000));
  cmd->callback([&ctx, o, brokers, topics] {
    bool brokers_given = brokers->count() > 0 || EnvSetAndNotEmpty("HALLYU_KAFKA_BROKERS");
    bool topics_given = topics->count() > 0;
    ctx.run = [&ctx, o, brokers_given, topics_given] {
      return RunWatch(*o, brokers_given, topics_given, ctx.global);
    };
  });
}

}  // namespace hallyu
