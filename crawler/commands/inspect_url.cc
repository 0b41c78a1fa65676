#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <string>

#include "crawler/cli.h"
#include "crawler/config_keys.h"
#include "extractors/url.h"

namespace hallyu {
namespace {

// The `urls:` section of the config file, or defaults when the file is absent.
Result<UrlNormalizeOptions> LoadUrlOptions(const std::string& path) {
  if (!std::filesystem::exists(path)) return UrlNormalizeOptions{};
  try {
    YAML::Node root = YAML::LoadFile(path);
    // Unknown keys with their line and nearest key, repeated keys (extractors/ cannot
    // use crawler/config_keys.h itself).
    HALLYU_RETURN_IF_ERROR(
        CheckKeys(root["urls"], "urls", {"extra_tracking_params", "max_length"}).WithContext(path));
    return ParseUrlNormalizeOptions(root["urls"]);
  } catch (const YAML::Exception& e) {
    return ParseError(path + ": " + e.what());
  }
}

int RunInspectUrl(const GlobalOptions& global, const std::string& base) {
  auto options = LoadUrlOptions(global.config_path);
  if (!options.ok()) {
    std::cerr << "hallyu inspect url: " << options.status().ToString() << "\n";
    return 2;
  }
  if (!base.empty()) {
    auto b = NormalizeUrl(base, *options);
    if (!b.ok()) {
      std::cerr << "hallyu inspect url: --base: " << b.status().ToString() << "\n";
      return 2;
    }
  }
  std::string line;
  // One output line per input line, in order; a bad URL prints "invalid".
  while (std::getline(std::cin, line)) {
    auto r = base.empty() ? NormalizeUrl(line, *options) : ResolveUrl(base, line, *options);
    std::cout << (r.ok() ? *r : std::string("invalid")) << '\n';
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace

void AddInspectUrlCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("url", "Read URLs on stdin and print each one normalised, or invalid");
  auto base = std::make_shared<std::string>();
  cmd->add_option("--base", *base, "Resolve each input line against this absolute URL");
  cmd->callback(
      [&ctx, base] { ctx.run = [&ctx, base] { return RunInspectUrl(ctx.global, *base); }; });
}

}  // namespace hallyu
