#pragma once
// The `hallyu` command line. Each subcommand lives in crawler/cli/commands/<name>.cc
// and registers itself through one Add...Command function declared here, so
// commands can be written and changed independently.
//
// A command's callback does not do the work; it stores the work in
// CliContext::run, which main() calls after parsing and whose return value is
// the process exit code (0 ok, 1 failure, 2 usage / not implemented, kExitDeadline).

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace hallyu {

// Exit code of `crawl --once --deadline D` that stopped at its deadline: what was done is
// published, the rest is left (not marked done) for the next run.
inline constexpr int kExitDeadline = 3;

// Options every subcommand sees.
struct GlobalOptions {
  std::string config_path = "configs/default.yaml";  // --config
  bool config_given = false;        // --config was on the command line (a missing file is an error)
  std::string log_level = "info";   // --log-level: trace|debug|info|warn|error|off
  std::string log_format = "text";  // --log-format: text|json (crawler/ops/log_format.h)
};

struct CliContext {
  GlobalOptions global;
  std::function<int()> run;  // set by the chosen subcommand's callback
};

// Exit code and message of a subcommand that later work fills in.
int NotImplemented(const std::string& command);

// Registration functions, one per subcommand (crawler/cli/commands/*.cc).
void AddCrawlCommand(CLI::App& app, CliContext& ctx);
void AddInspectPageCommand(CLI::App& inspect, CliContext& ctx);
void AddInspectFeedCommand(CLI::App& inspect, CliContext& ctx);
void AddInspectRobotsCommand(CLI::App& inspect, CliContext& ctx);
void AddInspectUrlCommand(CLI::App& inspect, CliContext& ctx);
void AddDetectCommand(CLI::App& app, CliContext& ctx);
void AddEvalCommand(CLI::App& app, CliContext& ctx);
void AddSinkCommand(CLI::App& app, CliContext& ctx);
void AddEventsCommand(CLI::App& app, CliContext& ctx);
void AddNamesCommand(CLI::App& app, CliContext& ctx);
void AddWatchCommand(CLI::App& app, CliContext& ctx);
void AddStatusCommand(CLI::App& app, CliContext& ctx);
void AddServeCommand(CLI::App& app, CliContext& ctx);
void AddVersionCommand(CLI::App& app, CliContext& ctx);

}  // namespace hallyu
