#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddDetectCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "detect", "Print casting/OST events found in a text or HTML file, as JSON lines");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("detect"); }; });
}

}  // namespace hallyu
