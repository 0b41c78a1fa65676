#include "tests/support/self_child.h"

#include <unistd.h>

#include <map>
#include <string_view>

namespace hallyu::testing {
namespace {

constexpr std::string_view kFlag = "--hallyu-self-child=";

std::map<std::string, SelfChildMain>& Registry() {
  static std::map<std::string, SelfChildMain> registry;
  return registry;
}

}  // namespace

bool RegisterSelfChild(const char* name, SelfChildMain main) {
  Registry().emplace(name, main);
  return true;
}

pid_t StartSelfChild(const std::string& name, const std::vector<std::string>& args) {
  // Everything exec needs is built before fork: the child only calls async-signal-safe
  // functions until exec replaces it.
  std::vector<std::string> strings;
  strings.reserve(args.size() + 2);
  strings.push_back("/proc/self/exe");
  strings.push_back(std::string(kFlag) + name);
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(strings.size() + 1);
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execv("/proc/self/exe", argv.data());
    ::_exit(127);
  }
  return pid;
}

std::optional<int> RunSelfChildIfAsked(int argc, char** argv) {
  if (argc < 2) return std::nullopt;
  const std::string_view first = argv[1];
  if (first.substr(0, kFlag.size()) != kFlag) return std::nullopt;
  const auto it = Registry().find(std::string(first.substr(kFlag.size())));
  if (it == Registry().end()) return 127;
  return it->second(std::vector<std::string>(argv + 2, argv + argc));
}

}  // namespace hallyu::testing
