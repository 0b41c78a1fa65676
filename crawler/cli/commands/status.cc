// `hallyu status --distributed [--json]`: the worker group of a distributed crawl
// (crawler/distributed/distributed_status.h).
#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "crawler/cli/cli.h"
#include "crawler/distributed/distributed_status.h"

namespace hallyu {
namespace {

struct StatusCommandOptions {
  bool distributed = false;
  bool json = false;
  int timeout_ms = 10000;
};

int RunStatus(const StatusCommandOptions& opts, const GlobalOptions& global) {
  if (!opts.distributed) {
    std::cerr << "hallyu status: only --distributed is implemented\n";
    return 2;
  }
  YAML::Node root;
  try {
    root = YAML::LoadFile(global.config_path);
  } catch (const YAML::Exception& e) {
    std::cerr << "hallyu status: " << global.config_path << ": " << e.what() << "\n";
    return 1;
  }
  auto kafka = ParseKafkaOptions(root["kafka"]);
  if (!kafka.ok()) {
    std::cerr << "hallyu status: " << global.config_path << ": " << kafka.status().ToString()
              << "\n";
    return 1;
  }
  auto dist = ParseDistributedOptions(root["distributed"]);
  if (!dist.ok()) {
    std::cerr << "hallyu status: " << global.config_path << ": " << dist.status().ToString()
              << "\n";
    return 1;
  }
  auto st = DescribeDistributedGroup(*dist, *kafka, std::chrono::milliseconds(opts.timeout_ms));
  if (!st.ok()) {
    std::cerr << "hallyu status: " << st.status().ToString() << "\n";
    return 1;
  }
  std::cout << (opts.json ? GroupStatusJson(*st) + "\n" : FormatGroupStatus(*st));
  return 0;
}

}  // namespace

void AddStatusCommand(CLI::App& parent, CliContext& ctx) {
  auto opts = std::make_shared<StatusCommandOptions>();
  CLI::App* cmd = parent.add_subcommand(
      "status", "Show the state of a crawl (with --distributed: the worker group)");
  cmd->add_flag("--distributed", opts->distributed,
                "Workers of the distributed crawl: partitions, hosts, lag, pages/s");
  cmd->add_flag("--json", opts->json, "One JSON object instead of the table");
  cmd->add_option("--timeout-ms", opts->timeout_ms, "Bound of each Kafka request")
      ->capture_default_str();
  cmd->callback([&ctx, opts] { ctx.run = [&ctx, opts] { return RunStatus(*opts, ctx.global); }; });
}

}  // namespace hallyu
