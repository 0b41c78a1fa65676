// `hallyu names list|correct`: the names the crawl learned from articles about
// people the gazetteer lacks (crawler/store/learned_names_store.h), and a user's
// corrections of them. The store is `<state.path>.names` of the crawl
// configuration (--config), or of --state.
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "crawler/cli/cli.h"
#include "crawler/cli/crawl_config.h"
#include "crawler/store/learned_names_store.h"
#include "extractors/detect/detector.h"
#include "extractors/detect/gazetteer.h"

namespace hallyu {
namespace {

struct NamesArgs {
  std::string state;  // --state: the crawl state path; "" = state.path of --config
  // list
  bool json = false;
  bool unresolved_only = false;
  std::size_t limit = 1000;
  // correct
  std::string name;
  bool idol = false, actor = false, singer = false, rapper = false, forget = false;
  std::string group, native;
};

// The crawl configuration, or its defaults when --config was not given and the
// default file is missing (a fresh directory still has a state path).
Result<CrawlConfig> NamesConfig(const GlobalOptions& global) {
  std::error_code ec;
  if (!global.config_given && !std::filesystem::exists(global.config_path, ec)) {
    return CrawlConfig{};
  }
  return LoadCrawlConfig(global.config_path);
}

Result<std::unique_ptr<LearnedNamesStore>> OpenNames(const NamesArgs& a, const CrawlConfig& cfg) {
  const std::string state = a.state.empty() ? cfg.state_path : a.state;
  return LearnedNamesStore::Open(state + ".names");
}

nlohmann::json FactsJson(const LearnedFacts& f) {
  nlohmann::json j = {{"idol", f.idol},     {"singer", f.singer}, {"actor", f.actor},
                      {"rapper", f.rapper}, {"group", nullptr},   {"native", nullptr}};
  if (!f.group.empty()) j["group"] = f.group;
  if (!f.native.empty()) j["native"] = f.native;
  return j;
}

nlohmann::json NameJson(const LearnedName& n) {
  nlohmann::json facts = nlohmann::json::array();
  for (const LearnedFact& f : n.facts) {
    facts.push_back({{"fact", f.fact},
                     {"value", f.value},
                     {"corrected", f.corrected},
                     {"source_url", f.source_url},
                     {"first_seen", f.first_seen},
                     {"last_seen", f.last_seen}});
  }
  return {{"key", n.key},
          {"name", n.name},
          {"corrected", n.corrected()},
          {"known_as", FactsJson(n.Effective())},
          {"facts", facts}};
}

std::string FirstSource(const LearnedName& n) {
  std::string best, first_seen;
  for (const LearnedFact& f : n.facts) {
    if (f.corrected || f.source_url.empty()) continue;
    if (best.empty() || f.first_seen < first_seen) {
      best = f.source_url;
      first_seen = f.first_seen;
    }
  }
  return best;
}

std::string LastSeen(const LearnedName& n) {
  std::string last;
  for (const LearnedFact& f : n.facts) last = std::max(last, f.last_seen);
  return last;
}

int RunNamesList(const NamesArgs& a, const GlobalOptions& global) {
  auto cfg = NamesConfig(global);
  if (!cfg.ok()) {
    std::cerr << "hallyu names list: " << cfg.status().ToString() << "\n";
    return 2;
  }
  std::unique_ptr<Gazetteer> gazetteer;
  if (a.unresolved_only) {  // names the gazetteer has learned since are left out
    std::vector<std::string> dirs{cfg->gazetteer_dir};
    dirs.insert(dirs.end(), cfg->extra_gazetteer_dirs.begin(), cfg->extra_gazetteer_dirs.end());
    auto g = Gazetteer::LoadDirs(dirs);
    if (!g.ok()) {
      std::cerr << "hallyu names list: " << g.status().ToString() << "\n";
      return 1;
    }
    gazetteer = std::make_unique<Gazetteer>(std::move(*g));
  }
  auto store = OpenNames(a, *cfg);
  if (!store.ok()) {
    std::cerr << "hallyu names list: " << store.status().ToString() << "\n";
    return 1;
  }
  auto names = (*store)->List(a.limit);
  if (!names.ok()) {
    std::cerr << "hallyu names list: " << names.status().ToString() << "\n";
    return 1;
  }
  if (!a.json) {
    std::cout << "NAME\tKNOWN AS\tCORRECTED\tLAST SEEN\tSOURCE\n";
  }
  for (const LearnedName& n : *names) {
    const LearnedFacts known = n.Effective();
    if (gazetteer != nullptr &&
        (gazetteer->FindPerson(n.name) != nullptr ||
         (!known.native.empty() && gazetteer->FindPerson(known.native) != nullptr))) {
      continue;
    }
    if (a.json) {
      std::cout << NameJson(n).dump() << "\n";
    } else {
      const std::string described = DescribeLearnedFacts(known);
      std::cout << n.name << "\t" << (described.empty() ? "-" : described) << "\t"
                << (n.corrected() ? "yes" : "no") << "\t" << LastSeen(n) << "\t" << FirstSource(n)
                << "\n";
    }
  }
  return 0;
}

int RunNamesCorrect(const NamesArgs& a, const GlobalOptions& global) {
  NameCorrection c;
  c.idol = a.idol || !a.group.empty();  // a group member is an idol
  c.actor = a.actor;
  c.singer = a.singer;
  c.rapper = a.rapper;
  c.group = a.group;
  c.native = a.native;
  const bool states = c.idol || c.actor || c.singer || c.rapper || !c.native.empty();
  if (a.forget == states) {
    std::cerr << "hallyu names correct: give --forget, or what the name is "
                 "(--idol, --actor, --singer, --rapper, --group, --native)\n";
    return 2;
  }
  auto cfg = NamesConfig(global);
  if (!cfg.ok()) {
    std::cerr << "hallyu names correct: " << cfg.status().ToString() << "\n";
    return 2;
  }
  auto store = OpenNames(a, *cfg);
  if (!store.ok()) {
    std::cerr << "hallyu names correct: " << store.status().ToString() << "\n";
    return 1;
  }
  if (a.forget) {
    Status s = (*store)->Forget(a.name);
    if (!s.ok()) {
      std::cerr << "hallyu names correct: " << s.ToString() << "\n";
      return 1;
    }
    std::cout << "forgot " << a.name << "\n";
    return 0;
  }
  Status s = (*store)->Correct(a.name, c, UtcNowIso8601());
  if (!s.ok()) {
    std::cerr << "hallyu names correct: " << s.ToString() << "\n";
    return s.code() == ErrorCode::kInvalidArgument ? 2 : 1;
  }
  auto now = (*store)->Get(a.name);
  if (!now.ok()) {
    std::cerr << "hallyu names correct: " << now.status().ToString() << "\n";
    return 1;
  }
  std::cout << now->name << ": " << DescribeLearnedFacts(now->Effective()) << " (corrected)\n";
  return 0;
}

}  // namespace

void AddNamesCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "names", "Names learned from articles about people the gazetteer lacks");
  cmd->require_subcommand(1);
  auto a = std::make_shared<NamesArgs>();
  const std::string state_help =
      "Crawl state path (the store is PATH.names; default: state.path of --config)";

  CLI::App* list = cmd->add_subcommand("list", "List learned names, most recently seen first");
  list->add_option("--state", a->state, state_help);
  list->add_flag("--json", a->json, "JSON lines instead of a table");
  list->add_flag("--unresolved-only", a->unresolved_only,
                 "Only names the gazetteer (detect.gazetteer of --config) still lacks");
  list->add_option("--limit", a->limit, "At most this many names")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  list->callback([&ctx, a] { ctx.run = [&ctx, a] { return RunNamesList(*a, ctx.global); }; });

  CLI::App* correct =
      cmd->add_subcommand("correct", "Say what a name is; a correction wins over the text");
  correct->add_option("NAME", a->name, "The name as written (romanised or Hangul)")->required();
  correct->add_option("--state", a->state, state_help);
  correct->add_flag("--idol", a->idol, "An idol");
  correct->add_flag("--actor", a->actor, "An actor or actress");
  correct->add_flag("--singer", a->singer, "A singer");
  correct->add_flag("--rapper", a->rapper, "A rapper");
  correct->add_option("--group", a->group, "The group they are a member of (implies --idol)");
  correct->add_option("--native", a->native, "The name in Hangul");
  correct->add_flag("--forget", a->forget, "Drop the name and everything learned about it");
  correct->callback([&ctx, a] { ctx.run = [&ctx, a] { return RunNamesCorrect(*a, ctx.global); }; });
}

}  // namespace hallyu
