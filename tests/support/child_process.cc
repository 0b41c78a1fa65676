#include "tests/support/child_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "tests/support/paths.h"

namespace hallyu::testing {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& dir) {
  static std::atomic<int> n{0};
  int id = n++;
  out_path_ = dir + "/child" + std::to_string(id) + ".out";
  err_path_ = dir + "/child" + std::to_string(id) + ".err";
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // Created before fork so Stdout()/Stderr() can be read at once.
  int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0 || err < 0) ADD_FAILURE() << "cannot create " << out_path_ << " / " << err_path_;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out, 1);
    dup2(err, 2);
    execv(args[0], args.data());
    _exit(127);
  }
  if (out >= 0) close(out);
  if (err >= 0) close(err);
  if (pid_ < 0) ADD_FAILURE() << "fork failed";
}

ChildProcess::~ChildProcess() {
  if (Running()) {
    kill(pid_, SIGKILL);
    Wait(std::chrono::seconds(10));
  }
}

void ChildProcess::Signal(int sig) {
  if (pid_ > 0 && status_ == -1) kill(pid_, sig);
}

bool ChildProcess::Running() {
  if (pid_ <= 0 || status_ != -1) return false;
  int st;
  if (wait4(pid_, &st, WNOHANG, &usage_) == pid_) {
    status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return false;
  }
  return true;
}

int ChildProcess::Wait(std::chrono::milliseconds timeout) {
  WaitFor([&] { return !Running(); }, timeout);
  return status_;
}

std::string ChildProcess::Stdout() const { return ReadFileOrFail(out_path_); }
std::string ChildProcess::Stderr() const { return ReadFileOrFail(err_path_); }

bool WaitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() > deadline) return done();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::string RunShellCommand(const std::string& cmd, int* status) {
  std::string out;
  *status = -1;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  *status = pclose(p);
  return out;
}

}  // namespace hallyu::testing
