// `hallyu detect [--lang en|ko|auto] [--rules DIR] [--gazetteer DIR] [FILE|-]`:
// prints the casting/OST events found in a text or HTML file as JSON lines.

#include <gumbo.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "crawler/cli.h"
#include "extractors/detector.h"
#include "extractors/event.h"

namespace hallyu {
namespace {

struct DetectArgs {
  std::string lang = "auto";                        // --lang en|ko|auto
  std::string rules_dir = "configs/rules";          // --rules
  std::string gazetteer_dir = "configs/gazetteer";  // --gazetteer
  std::string input = "-";                          // FILE or - for stdin
};

constexpr size_t kMaxInputBytes = 32u << 20;  // larger inputs are cut

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

// Visible text of an HTML page (scripts, styles and templates dropped), with
// block elements on their own lines, and the <title>. A stand-in until the
// article extractor (extractors/document.h) lands on main.
void VisibleText(const GumboNode* node, std::string* out, std::string* title, int depth) {
  if (depth > 256) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out->append(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
      tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_SVG) {
    return;
  }
  if (tag == GUMBO_TAG_TITLE) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* k = static_cast<const GumboNode*>(kids.data[i]);
      if (k->type == GUMBO_NODE_TEXT) title->append(k->v.text.text);
    }
    return;
  }
  const bool block = tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_BR ||
                     tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
                     tag == GUMBO_TAG_LI || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_SECTION ||
                     tag == GUMBO_TAG_TR || tag == GUMBO_TAG_BLOCKQUOTE;
  if (block) out->push_back('\n');
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    VisibleText(static_cast<const GumboNode*>(kids.data[i]), out, title, depth + 1);
  }
  if (block) out->push_back('\n');
}

int RunDetect(const DetectArgs& args) {
  std::string input;
  if (args.input == "-") {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(args.input, std::ios::binary);
    if (!in) {
      std::cerr << "hallyu detect: cannot read " << args.input << "\n";
      return 1;
    }
    input.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (input.size() > kMaxInputBytes) input.resize(kMaxInputBytes);
  auto detector = Detector::Load(args.rules_dir, args.gazetteer_dir);
  if (!detector.ok()) {
    std::cerr << "hallyu detect: " << detector.status().ToString() << "\n";
    return 1;
  }
  std::string title;
  std::string text;
  if (LooksLikeHtml(input)) {
    GumboOutput* doc = gumbo_parse_with_options(&kGumboDefaultOptions, input.data(), input.size());
    VisibleText(doc->root, &text, &title, 0);
    gumbo_destroy_output(&kGumboDefaultOptions, doc);
  } else {
    text = std::move(input);
  }
  SourceRef source;
  source.url = args.input == "-" ? "stdin" : "file://" + args.input;
  source.site = "local";
  source.title = title;
  auto found = detector->Detect(title, text, args.lang, source);
  if (!found.ok()) {
    std::cerr << "hallyu detect: " << found.status().ToString() << "\n";
    return 1;
  }
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
  cmd->add_option("--gazetteer", args->gazetteer_dir, "Directory of gazetteer YAML files");
  cmd->add_option("input", args->input, "Text or HTML file, or - for stdin");
  cmd->callback([&ctx, args] { ctx.run = [args] { return RunDetect(*args); }; });
}

}  // namespace hallyu
