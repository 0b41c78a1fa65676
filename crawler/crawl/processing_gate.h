#pragma once
// ProcessingGate: crash-loop protection's way of processing a suspect page alone
// (crawler/crawl/crawl_job.cc). Thread-safe.

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace hallyu {

// Lets workers process pages side by side (shared) or one page alone (exclusive: no
// other page in flight). A page suspected of killing the process (crash-loop protection)
// is processed alone, so a crash during it blames it and no bystander. Exclusive
// entrants go first: shared entrants wait while one waits.
class ProcessingGate {
 public:
  // Blocks while a page is processed alone or waits to be; then enters side by side.
  void EnterShared() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !exclusive_ && exclusive_waiting_ == 0; });
    ++shared_;
  }
  // Leaves after EnterShared.
  void LeaveShared() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--shared_ == 0) cv_.notify_all();
  }
  // Blocks until no one else is inside, then enters alone.
  void EnterExclusive() {
    std::unique_lock<std::mutex> lock(mu_);
    ++exclusive_waiting_;
    cv_.wait(lock, [&] { return !exclusive_ && shared_ == 0; });
    --exclusive_waiting_;
    exclusive_ = true;
  }
  // Leaves after EnterExclusive.
  void LeaveExclusive() {
    std::lock_guard<std::mutex> lock(mu_);
    exclusive_ = false;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t shared_ = 0;
  std::size_t exclusive_waiting_ = 0;
  bool exclusive_ = false;
};

}  // namespace hallyu
