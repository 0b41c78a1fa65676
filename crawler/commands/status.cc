#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddStatusCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "status", "Show the state of a crawl (with --distributed: the worker group)");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("status"); }; });
}

}  // namespace hallyu
