#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "crawler/cli/cli.h"
#include "extractors/feeds/feed_parser.h"
#include "extractors/text/datetime.h"

namespace hallyu {
namespace {

struct InspectFeedArgs {
  std::string file;
  std::string url;
  std::string tz = "UTC";
  size_t max_bytes = 16u << 20;
};

// "UTC", "KST", "+09:00", "-0500" → minutes east of UTC.
bool ParseZoneArg(const std::string& s, int* minutes) {
  if (s == "UTC" || s == "utc" || s == "Z") {
    *minutes = 0;
    return true;
  }
  if (s == "KST" || s == "kst") {
    *minutes = kKstOffsetMinutes;
    return true;
  }
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return false;
  std::string digits;
  for (char c : s.substr(1)) {
    if (c == ':') continue;
    if (c < '0' || c > '9') return false;
    digits += c;
  }
  if (digits.size() != 2 && digits.size() != 4) return false;
  int h = std::stoi(digits.substr(0, 2));
  int m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
  if (h > 14 || m > 59) return false;
  *minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

nlohmann::ordered_json TimeOrNull(const std::optional<int64_t>& t) {
  if (!t) return nullptr;
  return FormatRfc3339(*t);
}

int RunInspectFeed(const InspectFeedArgs& args) {
  FeedParseOptions opts;
  opts.url = args.url;
  opts.max_bytes = args.max_bytes;
  if (!ParseZoneArg(args.tz, &opts.default_offset_minutes)) {
    std::cerr << "hallyu inspect feed: bad --tz '" << args.tz
              << "' (want UTC, KST, +HH:MM or -HH:MM)\n";
    return 2;
  }
  std::ifstream in(args.file, std::ios::binary);
  if (!in) {
    std::cerr << "hallyu inspect feed: cannot read " << args.file << "\n";
    return 1;
  }
  // Read at most one byte past the cap so an oversized file is refused by the parser
  // without loading all of it.
  std::string body;
  body.resize(opts.max_bytes + 1);
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  body.resize(static_cast<size_t>(in.gcount()));
  Result<Feed> feed = ParseFeed(body, opts);
  if (!feed.ok()) {
    std::cerr << "hallyu inspect feed: " << args.file << ": " << feed.status().ToString() << "\n";
    return 1;
  }
  nlohmann::ordered_json out;
  out["title"] = feed->title;
  out["link"] = feed->link;
  out["entries"] = nlohmann::ordered_json::array();
  for (const FeedEntry& e : feed->entries) {
    nlohmann::ordered_json j;
    j["id"] = e.id;
    j["title"] = e.title;
    j["link"] = e.link;
    j["published_at"] = TimeOrNull(e.published_at);
    j["updated_at"] = TimeOrNull(e.updated_at);
    j["summary"] = e.summary;
    j["content"] = e.content;
    j["authors"] = e.authors;
    out["entries"].push_back(std::move(j));
  }
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace

void AddInspectFeedCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "feed", "Parse one RSS/Atom/JSON feed file and print its entries as JSON");
  auto args = std::make_shared<InspectFeedArgs>();
  cmd->add_option("FILE", args->file, "Feed file (RSS 0.9x/2.0, RSS 1.0, Atom, JSON Feed)")
      ->required();
  cmd->add_option("--url", args->url, "URL the feed was fetched from (base for relative links)");
  cmd->add_option("--tz", args->tz, "Zone for dates without one: UTC, KST, +HH:MM")
      ->capture_default_str();
  cmd->add_option("--max-bytes", args->max_bytes, "Refuse feeds larger than this")
      ->capture_default_str();
  cmd->callback([&ctx, args] { ctx.run = [args] { return RunInspectFeed(*args); }; });
}

}  // namespace hallyu
