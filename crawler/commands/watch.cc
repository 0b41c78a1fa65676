#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddWatchCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "watch", "Follow the event topics live and print or POST each new event");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("watch"); }; });
}

}  // namespace hallyu
