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

// The path and query of absolute URL `line` as written (no percent-encoding added or
// decoded; the fragment dropped), so both readings of the rules see what the user gave;
// `parsed` (the parser's) when the line has no "://".
std::string AsWritten(const std::string& line, std::string parsed) {
  const std::size_t scheme_end = line.find("://");
  if (scheme_end == std::string::npos) return parsed;
  std::size_t start = line.find_first_of("/?#", scheme_end + 3);
  if (start == std::string::npos) return "/";
  std::string out = line.substr(start, line.find('#', start) - start);
  if (out.empty() || out[0] != '/') out.insert(out.begin(), '/');
  return out;
}

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

  // Each stdin line is an absolute URL (checked by the URL parser, then its path and
  // query matched as written), a path starting with '/', or empty (the root, "/"). A line that is
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
      path = AsWritten(line, parts->PathAndQuery());
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
