#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

#include "crawler/cli.h"
#include "crawler/commands/bounded_input.h"
#include "extractors/article_extractor.h"

namespace hallyu {

void AddInspectPageCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("page", "Extract one HTML page and print the Document as JSON");
  auto file = std::make_shared<std::string>();
  auto url = std::make_shared<std::string>();
  auto content_type = std::make_shared<std::string>();
  cmd->add_option("file", *file,
                  "HTML file in any charset (byte-order mark, <meta charset> or sniffed, as a "
                  "browser decides), '-' for stdin")
      ->required();
  cmd->add_option("--url", *url, "URL the page was fetched from (resolves links, dates)");
  cmd->add_option("--content-type", *content_type,
                  "the Content-Type header it was served with (its charset is used after a "
                  "byte-order mark, before <meta>)");
  cmd->callback([&ctx, file, url, content_type] {
    ctx.run = [file, url, content_type]() -> int {
      std::string html;
      if (std::string error = ReadBoundedInput(*file, ExtractOptions{}.max_input_bytes, &html);
          !error.empty()) {
        std::cerr << "inspect page: cannot read " << error << "\n";
        return 1;
      }
      // Decoded like a fetched body: BOM, then the header, then <meta>, then sniffing.
      Result<Document> doc = ExtractArticleFromBody(html, *content_type, *url);
      if (!doc.ok()) {
        std::cerr << "inspect page: " << doc.status().ToString() << "\n";
        return 1;
      }
      std::cout << ToJson(*doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
      return 0;
    };
  });
}

}  // namespace hallyu
