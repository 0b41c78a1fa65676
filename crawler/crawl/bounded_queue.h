#pragma once
// BoundedQueue<T>: a blocking multi-producer multi-consumer FIFO with a fixed
// capacity, used between pipeline stages so a slow stage slows the ones before
// it instead of growing memory. Thread-safe.
//
// Optionally bounded in bytes too (a size function gives each item's weight): a push
// waits while the items queued and the new one would weigh more than max_bytes, unless
// the queue is empty (one heavy item still passes alone, so nothing is refused for size).

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace hallyu {

template <typename T>
class BoundedQueue {
 public:
  // REQUIRES: capacity > 0.
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}
  // Bounded by count and by the total of `weight` over the queued items (max_bytes 0:
  // count only). REQUIRES: capacity > 0.
  BoundedQueue(std::size_t capacity, std::size_t max_bytes,
               std::function<std::size_t(const T&)> weight)
      : capacity_(capacity), max_bytes_(max_bytes), weight_(std::move(weight)) {}

  // Blocks while full (by count or by bytes). Returns false (and drops nothing: `item`
  // is untouched) when the queue was closed.
  bool Push(T item) {
    const std::size_t w = Weight(item);
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || HasRoomLocked(w); });
    if (closed_) return false;
    items_.push_back(std::move(item));
    bytes_ += w;
    not_empty_.notify_one();
    return true;
  }

  // Never blocks: false when full or closed.
  bool TryPush(T item) {
    const std::size_t w = Weight(item);
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_ || !HasRoomLocked(w)) return false;
    items_.push_back(std::move(item));
    bytes_ += w;
    not_empty_.notify_one();
    return true;
  }

  // Blocks until an item arrives or `timeout` passes; nullopt on timeout, or when
  // the queue is closed and drained.
  std::optional<T> Pop(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); })) {
      return std::nullopt;
    }
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    bytes_ -= std::min(bytes_, Weight(item));
    // A byte-bounded queue may have room for a waiting pusher only after several pops:
    // wake them all to re-check (they are few: the producers of one stage).
    if (max_bytes_ > 0) {
      not_full_.notify_all();
    } else {
      not_full_.notify_one();
    }
    return item;
  }

  // Wakes every waiter; later pushes fail, pops drain what is left.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

  // True once Close() was called.
  bool closed() const {
    std::lock_guard<std::mutex> lock(mu_);
    return closed_;
  }

  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return items_.size();
  }

  // Total weight of the queued items (0 without a size function).
  std::size_t bytes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }

 private:
  std::size_t Weight(const T& item) const { return weight_ ? weight_(item) : 0; }
  bool HasRoomLocked(std::size_t w) const {
    if (items_.size() >= capacity_) return false;
    if (max_bytes_ == 0 || items_.empty()) return true;
    return bytes_ + w <= max_bytes_;
  }

  const std::size_t capacity_;
  const std::size_t max_bytes_ = 0;
  const std::function<std::size_t(const T&)> weight_;
  std::size_t bytes_ = 0;  // guarded by mu_
  mutable std::mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace hallyu
