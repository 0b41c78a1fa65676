// hallyu: crawls K-entertainment news, detects casting and OST announcements,
// streams them to Kafka. See README.md.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "crawler/cli/cli.h"
#include "crawler/ops/log_format.h"

int main(int argc, char** argv) {
  hallyu::CliContext ctx;
  CLI::App app{
      "hallyu: a crawler for Korean entertainment news and social media that detects casting\n"
      "and OST announcements and streams them as events through Apache Kafka."};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every subcommand");
  CLI::Option* config_option =
      app.add_option("--config", ctx.global.config_path, "YAML configuration file")
          ->capture_default_str();
  app.add_option("--log-level", ctx.global.log_level, "trace|debug|info|warn|error|off")
      ->capture_default_str()
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
  app.add_option("--log-format", ctx.global.log_format,
                 "text|json (JSON lines with url/host/source)")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));

  hallyu::AddCrawlCommand(app, ctx);
  CLI::App* inspect = app.add_subcommand(
      "inspect", "Look at one page, feed, robots.txt or URL the way hallyu sees it");
  inspect->require_subcommand(1);
  hallyu::AddInspectPageCommand(*inspect, ctx);
  hallyu::AddInspectFeedCommand(*inspect, ctx);
  hallyu::AddInspectRobotsCommand(*inspect, ctx);
  hallyu::AddInspectUrlCommand(*inspect, ctx);
  hallyu::AddDetectCommand(app, ctx);
  hallyu::AddEvalCommand(app, ctx);
  hallyu::AddSinkCommand(app, ctx);
  hallyu::AddEventsCommand(app, ctx);
  hallyu::AddNamesCommand(app, ctx);
  hallyu::AddWatchCommand(app, ctx);
  hallyu::AddStatusCommand(app, ctx);
  hallyu::AddServeCommand(app, ctx);
  hallyu::AddVersionCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  ctx.global.config_given = config_option->count() > 0;
  spdlog::set_default_logger(spdlog::stderr_color_mt("hallyu"));
  spdlog::set_level(spdlog::level::from_str(ctx.global.log_level));
  hallyu::SetLogFormat(*hallyu::ParseLogFormat(ctx.global.log_format));
  if (!ctx.run) return hallyu::NotImplemented("this command");
  return ctx.run();
}
