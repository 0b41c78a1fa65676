#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddSinkCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("sink", "Consume event topics into a SQLite or PostgreSQL store");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("sink"); }; });
}

}  // namespace hallyu
