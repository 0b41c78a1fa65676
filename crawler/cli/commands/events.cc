// `hallyu events`: lists the events the sink stored, newest first, filtered by type,
// status, person (any spelling the gazetteer or the learned names know), work, crossover
// and age.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "crawler/cli/cli.h"
#include "crawler/cli/crawl_config.h"
#include "crawler/downstream/downstream_config.h"
#include "crawler/downstream/event_format.h"
#include "crawler/store/learned_names_store.h"
#include "crawler/store/store.h"
#include "extractors/detect/gazetteer.h"

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

// The spellings `name` stands for: itself; the gazetteer person it names (by name, alias,
// romanisation variant or Hangul: their canonical name and Hangul name); what the crawl's
// learned-names store (`<state.path>.names`, read only when it exists) knows of it (the
// name as first written, its Hangul form; for a Hangul `name`, the names it was taught
// as the Hangul form of). The gazetteer and state come from --config
// when it exists, else the defaults; a gazetteer directory that does not exist is
// skipped. A gazetteer or store that cannot be read is warned about on stderr and
// skipped: the name itself is always searched.
std::vector<std::string> PersonSpellings(const std::string& name, const GlobalOptions& global) {
  std::vector<std::string> out = {name};
  auto add = [&out](const std::string& s) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  std::error_code ec;
  CrawlConfig cfg;
  if (global.config_given || std::filesystem::exists(global.config_path, ec)) {
    auto loaded = LoadCrawlConfig(global.config_path);
    if (!loaded.ok()) {
      std::cerr << "hallyu events: warning: " << loaded.status().ToString()
                << " (searching the name as given)\n";
      return out;
    }
    cfg = std::move(*loaded);
  }
  std::vector<std::string> dirs;
  for (const std::string& d : cfg.extra_gazetteer_dirs) dirs.push_back(d);
  if (std::filesystem::exists(cfg.gazetteer_dir, ec)) dirs.insert(dirs.begin(), cfg.gazetteer_dir);
  if (!dirs.empty()) {
    auto gazetteer = Gazetteer::LoadDirs(dirs);
    if (!gazetteer.ok()) {
      std::cerr << "hallyu events: warning: gazetteer: " << gazetteer.status().ToString() << "\n";
    } else if (const GazetteerPerson* p = gazetteer->FindPerson(name); p != nullptr) {
      add(p->name);
      add(p->native);
    }
  }
  const std::string names_path = cfg.state_path + ".names";
  if (std::filesystem::exists(names_path, ec)) {
    auto store = LearnedNamesStore::Open(names_path);
    if (!store.ok()) {
      std::cerr << "hallyu events: warning: learned names: " << store.status().ToString() << "\n";
      return out;
    }
    for (const std::string& n : std::vector<std::string>(out)) {
      auto known = (*store)->Get(n);
      if (!known.ok()) continue;
      add(known->name);
      add(known->Effective().native);
    }
    // A Hangul name the articles paired with a romanised one ("Mira Vale (미라 베일)") is a
    // fact of that name, not a key: find the names that carry it.
    const bool non_ascii = std::any_of(
        name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (non_ascii) {
      auto all = (*store)->List(LearnedNamesStoreOptions{}.max_names);
      if (all.ok()) {
        for (const LearnedName& n : *all) {
          for (const LearnedFact& f : n.facts) {
            if (f.fact == "native" && f.value == name) add(n.name);
          }
        }
      }
    }
  }
  return out;
}

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
  if (!a.person.empty()) q.person_any = PersonSpellings(a.person, global);
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
  cmd->add_option("--type", a->type, "casting, ost, release or collab")
      ->check(CLI::IsMember({"casting", "ost", "release", "collab"}));
  cmd->add_option("--status", a->status,
                  "rumored|in_talks|reviewing|confirmed|denied|announced|released");
  cmd->add_option("--person", a->person,
                  "Every event of this person: casting, OST artist, release artist or collab "
                  "participant (substring, any case; also the spellings and Hangul name the "
                  "gazetteer or the learned names know)");
  cmd->add_option("--work", a->work, "Work, release or collab title (substring, any case)");
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
