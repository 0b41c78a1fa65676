#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddEventsCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand("events", "List stored events, newest first");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("events"); }; });
}

}  // namespace hallyu
