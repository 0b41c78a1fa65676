#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "crawler/cli.h"
#include "extractors/article_extractor.h"

namespace hallyu {

void AddInspectPageCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd =
      parent.add_subcommand("page", "Extract one HTML page and print the Document as JSON");
  auto file = std::make_shared<std::string>();
  auto url = std::make_shared<std::string>();
  cmd->add_option("file", *file, "HTML file (UTF-8), '-' for stdin")->required();
  cmd->add_option("--url", *url, "URL the page was fetched from (resolves links, dates)");
  cmd->callback([&ctx, file, url] {
    ctx.run = [file, url]() -> int {
      std::string html;
      if (*file == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        html = ss.str();
      } else {
        std::ifstream in(*file, std::ios::binary);
        if (!in) {
          std::cerr << "inspect page: cannot read " << *file << "\n";
          return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        html = ss.str();
      }
      Result<Document> doc = ExtractArticle(html, *url);
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
