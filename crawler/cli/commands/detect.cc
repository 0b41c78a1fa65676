// `hallyu detect [--lang en|ko|auto] [--rules DIR] [--gazetteer DIR]... [FILE|-]`:
// prints the casting/OST events found in a text or HTML file as JSON lines.

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "crawler/cli/cli.h"
#include "crawler/cli/commands/bounded_input.h"
#include "extractors/detect/detector.h"
#include "extractors/detect/event.h"
#include "extractors/html/article_extractor.h"

namespace hallyu {
namespace {

struct DetectArgs {
  std::string lang = "auto";                                        // --lang en|ko|auto
  std::string rules_dir = "configs/rules";                          // --rules
  std::vector<std::string> gazetteer_dirs = {"configs/gazetteer"};  // --gazetteer (repeatable)
  std::string input = "-";                                          // FILE or - for stdin
  bool explain = false;  // --explain: mentions, cues and decisions on stderr
};

// The explanation as readable lines: per sentence its mentions and cues, then
// the binder's decisions (which person bound to which work, and why this status).
void PrintExplanation(const DetectExplanation& ex, std::ostream& out) {
  out << "language: " << ex.lang << "\n";
  for (size_t i = 0; i < ex.sentences.size(); ++i) {
    const auto& s = ex.sentences[i];
    out << "sentence " << i << " (story " << s.story << "): " << s.text << "\n";
    for (const auto& m : s.mentions) {
      out << "  " << MentionKindName(m.kind) << " '" << m.text << "'";
      if (!m.group.empty()) out << " group=" << m.group;
      if (m.person != nullptr || m.work != nullptr) out << " (gazetteer)";
      if (m.aside) out << " [aside]";
      if (m.in_parens) out << " [in parentheses]";
      out << " — " << m.why << "\n";
    }
    for (const auto& c : s.cues) out << "  cue " << c << "\n";
  }
  for (const auto& d : ex.decisions) out << "decision: " << d << "\n";
}

constexpr size_t kMaxInputBytes = 32u << 20;  // larger inputs are refused

bool LooksLikeHtml(const std::string& s) {
  const size_t n = std::min<size_t>(s.size(), 1024);
  for (size_t i = 0; i < n; ++i) {
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t') continue;
    if (s[i] != '<') return false;
    const std::string head = s.substr(i, 15);
    std::string low;
    for (char c : head) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return low.rfind("<!doctype", 0) == 0 || low.rfind("<html", 0) == 0 ||
           low.rfind("<head", 0) == 0 || low.rfind("<body", 0) == 0 ||
           low.rfind("<article", 0) == 0 || low.rfind("<div", 0) == 0 || low.rfind("<p", 0) == 0 ||
           low.rfind("<!--", 0) == 0 || low.rfind("<meta", 0) == 0;
  }
  return false;
}

int RunDetect(const DetectArgs& args) {
  std::string input;
  if (std::string error = ReadBoundedInput(args.input, kMaxInputBytes, &input); !error.empty()) {
    std::cerr << "hallyu detect: cannot read " << error << "\n";
    return 1;
  }
  auto detector = Detector::Load(args.rules_dir, args.gazetteer_dirs);
  if (!detector.ok()) {
    std::cerr << "hallyu detect: " << detector.status().ToString() << "\n";
    return 1;
  }
  std::string title;
  std::string text;
  std::string url;
  if (LooksLikeHtml(input)) {
    // The same article extraction the crawl runs: headline + main text only,
    // so navigation, related-article boxes and footers never produce events.
    ExtractOptions eopts;
    eopts.max_input_bytes = kMaxInputBytes;
    auto doc = ExtractArticle(input, "", eopts);
    if (!doc.ok()) {
      std::cerr << "hallyu detect: " << doc.status().ToString() << "\n";
      return 1;
    }
    title = std::move(doc->title);
    text = std::move(doc->text);
    if (text.empty()) std::cerr << "hallyu detect: no article body found; headline only\n";
    url = doc->canonical_url;
  } else {
    text = std::move(input);
  }
  SourceRef source;
  source.url = !url.empty() ? url : args.input == "-" ? "stdin" : "file://" + args.input;
  source.site = "local";
  source.title = title;
  DetectExplanation explanation;
  auto found =
      detector->Detect(title, text, args.lang, source, args.explain ? &explanation : nullptr);
  if (!found.ok()) {
    std::cerr << "hallyu detect: " << found.status().ToString() << "\n";
    return 1;
  }
  if (args.explain) PrintExplanation(explanation, std::cerr);
  for (const auto& d : *found) std::cout << ToJson(d).dump() << "\n";
  return 0;
}

}  // namespace

void AddDetectCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand(
      "detect", "Print casting/OST events found in a text or HTML file, as JSON lines");
  auto args = std::make_shared<DetectArgs>();
  cmd->add_option("--lang", args->lang, "Language of the text: en, ko or auto (by Hangul ratio)")
      ->check(CLI::IsMember({"en", "ko", "auto"}));
  cmd->add_option("--rules", args->rules_dir, "Directory of rule YAML files");
  cmd->add_option("--gazetteer", args->gazetteer_dirs,
                  "Directory of gazetteer YAML files; repeat to merge several "
                  "(default configs/gazetteer)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("input", args->input, "Text or HTML file, or - for stdin");
  cmd->add_flag("--explain", args->explain,
                "Also print, on stderr, the mentions and cues of each sentence and why each "
                "event got its person, work and status");
  cmd->callback([&ctx, args] { ctx.run = [args] { return RunDetect(*args); }; });
}

}  // namespace hallyu
