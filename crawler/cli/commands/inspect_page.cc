#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>

#include "crawler/cli/cli.h"
#include "crawler/cli/commands/bounded_input.h"
#include "extractors/html/article_extractor.h"

namespace hallyu {
namespace {

void PrintBlock(const char* label, const ExplainedBlock& b, bool with_score, std::ostream& out) {
  out << label << b.path;
  if (with_score) out << "  score " << std::fixed << std::setprecision(1) << b.score;
  out << "  chars " << b.chars << " (links " << b.link_chars << ")\n";
  for (const std::string& why : b.penalties) out << "      - " << why << "\n";
}

// The explanation of `inspect page --explain`, for a person: which block is the main text
// and why the others are not.
void PrintExtractionExplanation(const ExtractionExplanation& ex, std::ostream& out) {
  out << "main text: " << ex.method << "\n";
  const bool scored = ex.method == "scored";
  if (ex.method != "none") PrintBlock("chosen:  ", ex.chosen, scored, out);
  for (const ExplainedBlock& b : ex.merged) PrintBlock("merged:  ", b, scored, out);
  for (const std::string& note : ex.notes) out << "note: " << note << "\n";
  for (const ExplainedBlock& b : ex.losers) PrintBlock("lost:    ", b, scored, out);
  for (const ExplainedBlock& b : ex.skipped) PrintBlock("left out:", b, false, out);
  for (const std::string& p : ex.dropped_paragraphs)
    out << "dropped paragraph: " << p.substr(0, 160) << "\n";
}

}  // namespace

void AddInspectPageCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("page", "Extract one HTML page and print the Document as JSON");
  auto file = std::make_shared<std::string>();
  auto url = std::make_shared<std::string>();
  auto content_type = std::make_shared<std::string>();
  auto explain = std::make_shared<bool>(false);
  cmd->add_option("file", *file,
                  "HTML file in any charset (byte-order mark, <meta charset> or sniffed, as a "
                  "browser decides), '-' for stdin")
      ->required();
  cmd->add_option("--url", *url, "URL the page was fetched from (resolves links, dates)");
  cmd->add_option("--content-type", *content_type,
                  "the Content-Type header it was served with (its charset is used after a "
                  "byte-order mark, before <meta>)");
  cmd->add_flag("--explain", *explain,
                "Also print on stderr which block was taken as the main text, its score, the "
                "best candidates that lost and the class/id hints that penalised them");
  cmd->callback([&ctx, file, url, content_type, explain] {
    ctx.run = [file, url, content_type, explain]() -> int {
      std::string html;
      if (std::string error = ReadBoundedInput(*file, ExtractOptions{}.max_input_bytes, &html);
          !error.empty()) {
        std::cerr << "inspect page: cannot read " << error << "\n";
        return 1;
      }
      // Decoded like a fetched body: BOM, then the header, then <meta>, then sniffing.
      ExtractionExplanation explanation;
      Result<Document> doc = ExtractArticleFromBody(html, *content_type, *url, ExtractOptions{},
                                                    *explain ? &explanation : nullptr);
      if (!doc.ok()) {
        std::cerr << "inspect page: " << doc.status().ToString() << "\n";
        return 1;
      }
      if (*explain) PrintExtractionExplanation(explanation, std::cerr);
      std::cout << ToJson(*doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
      return 0;
    };
  });
}

}  // namespace hallyu
