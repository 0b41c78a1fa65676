#pragma once
// Child processes that run a function of the test binary itself, for tests whose crash must
// be real (a crawl SIGKILLed half-way). The child is this binary started again (fork, then
// exec of /proc/self/exe), not a bare fork: a bare fork of a test with threads (the HTTP
// test server's, the sanitizer runtime's) copies whatever locks those threads held at that
// moment, and the child can wait on one of them forever.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace hallyu::testing {

// A child's entry point: `args` as given to StartSelfChild. Its return value is the child's
// exit code.
using SelfChildMain = int (*)(const std::vector<std::string>& args);

// Registers `main` under `name` and returns true. Call it from a namespace-scope
// initializer of the test file:  const bool kRegistered = RegisterSelfChild("x", &X);
// A name registered twice keeps the first entry point.
bool RegisterSelfChild(const char* name, SelfChildMain main);

// Starts this binary as the child `name` with `args` (stdout and stderr inherited).
// Returns its pid, or -1 when fork fails. A child whose name is not registered, or whose
// exec fails, exits with 127.
pid_t StartSelfChild(const std::string& name, const std::vector<std::string>& args);

// For the test binaries' main, before gtest starts: when argv[1] is
// "--hallyu-self-child=NAME", runs that child with argv[2..] and returns its exit code
// (127 for an unknown name); std::nullopt when the binary was started to run tests.
std::optional<int> RunSelfChildIfAsked(int argc, char** argv);

}  // namespace hallyu::testing
