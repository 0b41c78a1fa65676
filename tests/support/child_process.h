#pragma once
// Runs the hallyu binary (or any program) as a child process for end-to-end tests,
// with stdout and stderr captured to files.

#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace hallyu::testing {

class ChildProcess {
 public:
  // Starts `argv[0]` with `argv`; stdout/stderr go to files in `dir`. Fails the
  // test (ADD_FAILURE) when fork/exec fails.
  ChildProcess(const std::vector<std::string>& argv, const std::string& dir);
  ~ChildProcess();  // SIGKILLs and reaps the child when still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void Signal(int sig);
  // Waits up to `timeout` for exit; returns the exit code, 128+signal when killed,
  // or -1 on timeout.
  int Wait(std::chrono::milliseconds timeout);
  bool Running();
  std::string Stdout() const;
  std::string Stderr() const;
  // Peak resident set size of the child (ru_maxrss of its own rusage, KiB), known once
  // it was reaped (Wait/Running saw it end); -1 before.
  long PeakRssKib() const { return status_ == -1 ? -1 : usage_.ru_maxrss; }

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  rusage usage_{};
  std::string out_path_, err_path_;
};

// Polls `done` every 20 ms until it returns true or `timeout` passes; returns its
// last value.
bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout);

// Runs `cmd` through /bin/sh and returns what it wrote on stdout. *status is pclose's
// wait status (0 when the command exited 0), or -1 when it could not be started.
std::string RunShellCommand(const std::string& cmd, int* status);

}  // namespace hallyu::testing
