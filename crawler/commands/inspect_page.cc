#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddInspectPageCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("page", "Extract one HTML page and print the Document as JSON");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("inspect page"); }; });
}

}  // namespace hallyu
