#include <yaml-cpp/yaml.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

#include "crawler/cli/cli.h"
#include "crawler/ops/config_keys.h"
#include "extractors/url/url.h"
#include "extractors/url/whatwg_url.h"

namespace hallyu {
namespace {

// The `urls:` section of the config file, or defaults when the file is absent.
Result<UrlNormalizeOptions> LoadUrlOptions(const std::string& path) {
  if (!std::filesystem::exists(path)) return UrlNormalizeOptions{};
  try {
    YAML::Node root = YAML::LoadFile(path);
    // Unknown keys with their line and nearest key, repeated keys (extractors/ cannot
    // use crawler/ops/config_keys.h itself).
    HALLYU_RETURN_IF_ERROR(
        CheckKeys(root["urls"], "urls", {"extra_tracking_params", "max_length"}).WithContext(path));
    return ParseUrlNormalizeOptions(root["urls"]);
  } catch (const YAML::Exception& e) {
    return ParseError(path + ": " + e.what());
  }
}

struct InspectUrlFlags {
  std::string base;
  bool key = false;  // print the crawl key instead of the parsed URL
  bool nul = false;  // records separated by NUL instead of newline
};

// The answer for one input record: the URL Standard's href (or the crawl key with
// --key), "invalid" when the input does not parse.
std::string InspectOne(const std::string& record, const InspectUrlFlags& flags,
                       const WhatwgUrl* base, const UrlNormalizeOptions& options) {
  if (flags.key) {
    auto key = flags.base.empty() ? NormalizeUrl(record, options)
                                  : ResolveUrl(flags.base, record, options);
    return key.ok() ? *key : std::string("invalid");
  }
  if (record.size() > options.max_length) return "invalid";
  auto url = ParseWhatwgUrl(record, base, WhatwgSchemes::kAll);
  return url.ok() ? url->Href() : std::string("invalid");
}

int RunInspectUrl(const GlobalOptions& global, const InspectUrlFlags& flags) {
  auto options = LoadUrlOptions(global.config_path);
  if (!options.ok()) {
    std::cerr << "hallyu inspect url: " << options.status().ToString() << "\n";
    return 2;
  }
  std::optional<WhatwgUrl> base;
  if (!flags.base.empty()) {
    auto b = ParseWhatwgUrl(flags.base);
    if (!b.ok()) {
      std::cerr << "hallyu inspect url: --base: " << b.status().ToString() << "\n";
      return 2;
    }
    base = std::move(*b);
  }
  const char separator = flags.nul ? '\0' : '\n';
  std::string record;
  // One output record per input record, in order; a bad URL prints "invalid".
  while (std::getline(std::cin, record, separator)) {
    std::cout << InspectOne(record, flags, base ? &*base : nullptr, *options) << separator;
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace

void AddInspectUrlCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "url",
      "Read URLs on stdin and print each one as the WHATWG URL Standard parses it (href), "
      "or invalid");
  auto flags = std::make_shared<InspectUrlFlags>();
  cmd->add_option("--base", flags->base, "Resolve each input line against this absolute URL");
  cmd->add_flag("--key", flags->key,
                "Print the crawl key instead (tracking parameters, fragment and an empty query "
                "removed, percent-encoding normalised)");
  cmd->add_flag("-z,--null", flags->nul,
                "Input and output records end with NUL instead of newline (for URLs that "
                "contain a newline)");
  cmd->callback(
      [&ctx, flags] { ctx.run = [&ctx, flags] { return RunInspectUrl(ctx.global, *flags); }; });
}

}  // namespace hallyu
