#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>

#include "crawler/cli/cli.h"
#include "crawler/downstream/downstream_config.h"
#include "crawler/downstream/event_format.h"
#include "crawler/store/store.h"

namespace hallyu {
namespace {

struct EventsArgs {
  std::string store = "sqlite:hallyu.db";
  std::string type, status, person, work, since;
  bool crossover = false;
  bool json = false;
  int64_t limit = 1000;
  bool store_given = false;  // --store on the command line
};

int RunEvents(EventsArgs a, const GlobalOptions& global) {
  if (!a.store_given) {
    auto cfg = LoadDownstreamConfig(global.config_path, global.config_given);
    if (!cfg.ok()) {
      std::cerr << "hallyu events: " << cfg.status().ToString() << "\n";
      return 2;
    }
    if (cfg->store) a.store = *cfg->store;
  }
  EventQuery q;
  if (!a.type.empty()) q.type = a.type;
  if (!a.status.empty()) q.status = a.status;
  if (!a.person.empty()) q.person = a.person;
  if (!a.work.empty()) q.work = a.work;
  q.crossover_only = a.crossover;
  q.limit = a.limit;
  if (!a.since.empty()) {
    auto d = ParseDurationSeconds(a.since);
    if (!d.ok()) {
      std::cerr << "hallyu events: " << d.status().ToString() << "\n";
      return 2;
    }
    q.updated_since = static_cast<int64_t>(std::time(nullptr)) - *d;
  }
  auto store = OpenStore(a.store);
  if (!store.ok()) {
    std::cerr << "hallyu events: " << store.status().ToString() << "\n";
    return 1;
  }
  auto rows = (*store)->QueryEvents(q);
  if (!rows.ok()) {
    std::cerr << "hallyu events: " << rows.status().ToString() << "\n";
    return 1;
  }
  std::cout << (a.json ? FormatEventJsonLines(*rows) : FormatEventTable(*rows));
  return 0;
}

}  // namespace

void AddEventsCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand("events", "List stored events, newest first");
  auto a = std::make_shared<EventsArgs>();
  CLI::Option* store = cmd->add_option("--store", a->store,
                                       "sqlite:PATH or postgresql://user@host/db (default: "
                                       "sink.store of --config, else sqlite:hallyu.db)");
  cmd->add_option("--type", a->type, "casting or ost")->check(CLI::IsMember({"casting", "ost"}));
  cmd->add_option("--status", a->status,
                  "rumored|in_talks|reviewing|confirmed|denied|announced|released");
  cmd->add_option("--person", a->person, "Person or artist name (substring, any case)");
  cmd->add_option("--work", a->work, "Work title (substring, any case)");
  cmd->add_flag("--crossover", a->crossover, "Only K-pop/K-drama crossovers");
  cmd->add_option("--since", a->since, "Only events updated within this long, e.g. 7d, 12h");
  cmd->add_flag("--json", a->json, "JSON lines instead of a table");
  cmd->add_option("--limit", a->limit, "At most this many events")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->callback([&ctx, a, store] {
    a->store_given = store->count() > 0;
    ctx.run = [&ctx, a] { return RunEvents(*a, ctx.global); };
  });
}

}  // namespace hallyu
