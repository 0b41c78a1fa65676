#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddInspectRobotsCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "robots", "Read URLs on stdin and print allowed/disallowed for a robots.txt file");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("inspect robots"); }; });
}

}  // namespace hallyu
