// `hallyu eval detect FILE.jsonl [--rules DIR] [--gazetteer DIR]...`: scores the
// detector on labelled JSON lines (extractors/detect/evaluation.h) and prints
// strict and loose precision/recall per language, type, status and structure,
// field accuracy, then every miss and false alarm. Exit 0 when scored, 1 when the
// file or the rules cannot be read.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "crawler/cli/cli.h"
#include "extractors/detect/detector.h"
#include "extractors/detect/evaluation.h"

namespace hallyu {
namespace {

struct EvalArgs {
  std::string file;
  std::string rules_dir = "configs/rules";
  std::vector<std::string> gazetteer_dirs = {"configs/gazetteer"};
  size_t max_listed = 200;
};

constexpr uintmax_t kMaxEvalFileBytes = 256u << 20;

int RunEvalDetect(const EvalArgs& args) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(args.file, ec)) {
    std::cerr << "hallyu eval detect: not a readable file: " << args.file << "\n";
    return 1;
  }
  if (std::filesystem::file_size(args.file, ec) > kMaxEvalFileBytes) {
    std::cerr << "hallyu eval detect: " << args.file << " is larger than 256 MiB\n";
    return 1;
  }
  std::ifstream in(args.file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (!in.good() && !in.eof()) {
    std::cerr << "hallyu eval detect: cannot read " << args.file << "\n";
    return 1;
  }
  auto detector = Detector::Load(args.rules_dir, args.gazetteer_dirs);
  if (!detector.ok()) {
    std::cerr << "hallyu eval detect: " << detector.status().ToString() << "\n";
    return 1;
  }
  auto report = EvaluateDetector(*detector, ss.str());
  if (!report.ok()) {
    std::cerr << "hallyu eval detect: " << args.file << ": " << report.status().ToString() << "\n";
    return 1;
  }
  std::cout << FormatEvalReport(*report, args.max_listed);
  return 0;
}

}  // namespace

void AddEvalCommand(CLI::App& parent, CliContext& ctx) {
  CLI::App* eval = parent.add_subcommand("eval", "Score hallyu's parts on labelled data");
  eval->require_subcommand(1);
  CLI::App* cmd = eval->add_subcommand(
      "detect",
      "Precision/recall of detection on labelled JSON lines, then misses and false alarms");
  auto args = std::make_shared<EvalArgs>();
  cmd->add_option("file", args->file, "Labelled JSON lines (id, lang, title, text, events)")
      ->required();
  cmd->add_option("--rules", args->rules_dir, "Directory of rule YAML files");
  cmd->add_option("--gazetteer", args->gazetteer_dirs,
                  "Directory of gazetteer YAML files; repeat to merge several")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--max-listed", args->max_listed, "Misses and false alarms listed (each)");
  cmd->callback([&ctx, args] { ctx.run = [args] { return RunEvalDetect(*args); }; });
}

}  // namespace hallyu
