#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddInspectUrlCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("url", "Read URLs on stdin and print each one normalised, or invalid");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("inspect url"); }; });
}

}  // namespace hallyu
