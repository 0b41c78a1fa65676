#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "crawler/cli/cli.h"
#include "crawler/fetch/robots.h"
#include "extractors/url/url.h"

namespace hallyu {
namespace {

int RunInspectRobots(const std::string& file, const std::string& agent) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "hallyu inspect robots: cannot read " << file << "\n";
    return 1;
  }
  // Read no more than the parser looks at (plus one byte to see the cut).
  std::string body(RobotsRules::kMaxBytes + 1, '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  body.resize(static_cast<std::size_t>(in.gcount()));
  RobotsRules rules = RobotsRules::Parse(body, agent);

  // Each stdin line is an absolute URL (normalised, then its path and query
  // matched), a path starting with '/', or empty (the root, "/"). A line that is
  // none of these cannot be fetched and prints "disallowed" (with a note on stderr).
  // URLs up to the longest robots.txt line are read: the rules, not the crawl's URL
  // length limit, are what is inspected here.
  UrlNormalizeOptions url_options;
  url_options.max_length = 1 << 20;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string path;
    if (line.empty()) {
      path = "/";
    } else if (line[0] == '/') {
      path = line;
    } else {
      auto parts = ParseUrl(line, url_options);
      if (!parts.ok()) {
        std::cerr << "hallyu inspect robots: " << parts.status().ToString() << "\n";
        std::cout << "disallowed\n";
        continue;
      }
      path = parts->PathAndQuery();
    }
    std::cout << (rules.IsAllowed(path) ? "allowed" : "disallowed") << '\n';
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace

void AddInspectRobotsCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "robots", "Read URLs on stdin and print allowed/disallowed for a robots.txt file");
  auto file = std::make_shared<std::string>();
  auto agent = std::make_shared<std::string>("hallyu");
  cmd->add_option("FILE", *file, "robots.txt file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--agent", *agent, "User-Agent (its product token selects the group)")
      ->capture_default_str();
  cmd->callback(
      [&ctx, file, agent] { ctx.run = [file, agent] { return RunInspectRobots(*file, *agent); }; });
}

}  // namespace hallyu
