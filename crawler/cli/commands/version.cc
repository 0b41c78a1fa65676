#include <librdkafka/rdkafka.h>

#include <curl/curl.h>
#include <CLI/CLI.hpp>
#include <iostream>

#include "crawler/cli/cli.h"

namespace hallyu {

void AddVersionCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* cmd = parent.add_subcommand("version", "Print the hallyu version and library versions");
  cmd->callback([&ctx] {
    ctx.run = [] {
      std::cout << "hallyu " << HALLYU_VERSION << "\n"
                << "libcurl " << curl_version_info(CURLVERSION_NOW)->version << "\n"
                << "librdkafka " << rd_kafka_version_str() << "\n";
      return 0;
    };
  });
}

}  // namespace hallyu
