#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddInspectFeedCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "feed", "Parse one RSS/Atom/JSON feed file and print its entries as JSON");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("inspect feed"); }; });
}

}  // namespace hallyu
