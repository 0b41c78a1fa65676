#include <CLI/CLI.hpp>

#include "crawler/cli.h"

namespace hallyu {

void AddCrawlCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "crawl", "Crawl the configured sources (once with --once, else on schedule)");
  cmd->callback([&ctx] { ctx.run = [] { return NotImplemented("crawl"); }; });
}

}  // namespace hallyu
