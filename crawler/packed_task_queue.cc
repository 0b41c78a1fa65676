#include "crawler/packed_task_queue.h"

#include <string_view>

namespace hallyu {
namespace {

constexpr std::size_t kCompactAfterBytes = 64 * 1024;

void PutVarint(std::string* out, std::size_t n) {
  do {
    char b = static_cast<char>(n & 0x7F);
    n >>= 7;
    if (n != 0) b = static_cast<char>(b | 0x80);
    out->push_back(b);
  } while (n != 0);
}

std::size_t GetVarint(std::string_view s, std::size_t* pos) {
  std::size_t n = 0;
  int shift = 0;
  while (*pos < s.size() && shift < 64) {
    auto b = static_cast<unsigned char>(s[(*pos)++]);
    n |= static_cast<std::size_t>(b & 0x7F) << shift;
    shift += 7;
    if ((b & 0x80) == 0) break;
  }
  return n;
}

std::string_view NextField(std::string_view* rest) {
  std::size_t nul = rest->find('\0');
  std::string_view field = rest->substr(0, nul);
  rest->remove_prefix(nul == std::string_view::npos ? rest->size() : nul + 1);
  return field;
}

}  // namespace

void PackedTaskQueue::PushBack(const QueuedTask& task) {
  std::string entry;
  entry.reserve(8 + task.url.size() + task.title.size() + task.published_at.size());
  entry.push_back(static_cast<char>(task.kind));
  PutVarint(&entry, task.source);
  PutVarint(&entry, task.depth);
  entry.append(task.url).push_back('\0');
  entry.append(task.title).push_back('\0');
  entry.append(task.published_at);
  PutVarint(&buf_, entry.size());
  buf_.append(entry);
  ++size_;
}

void PackedTaskQueue::PushFront(QueuedTask task) { front_.push_front(std::move(task)); }

std::optional<QueuedTask> PackedTaskQueue::PopFront() {
  if (!front_.empty()) {
    QueuedTask t = std::move(front_.front());
    front_.pop_front();
    return t;
  }
  if (size_ == 0) return std::nullopt;
  std::string_view all(buf_);
  std::size_t len = GetVarint(all, &head_);
  std::string_view entry = all.substr(head_, len);
  head_ += entry.size();
  --size_;
  QueuedTask t;
  std::size_t pos = 0;
  if (!entry.empty()) t.kind = static_cast<std::uint8_t>(entry[pos++]);
  t.source = static_cast<std::uint32_t>(GetVarint(entry, &pos));
  t.depth = static_cast<std::uint32_t>(GetVarint(entry, &pos));
  std::string_view rest = entry.substr(pos);
  t.url = std::string(NextField(&rest));
  t.title = std::string(NextField(&rest));
  t.published_at = std::string(rest);
  if (size_ == 0) {
    head_ = 0;
    buf_.clear();
    if (buf_.capacity() > kCompactAfterBytes) buf_.shrink_to_fit();
  } else if (head_ > kCompactAfterBytes && head_ * 2 > buf_.size()) {
    buf_.erase(0, head_);
    head_ = 0;
  }
  return t;
}

std::size_t PackedTaskQueue::MemoryBytes() const {
  std::size_t bytes = buf_.capacity();
  for (const QueuedTask& t : front_) {
    bytes += sizeof(QueuedTask) + t.url.capacity() + t.title.capacity() + t.published_at.capacity();
  }
  return bytes;
}

}  // namespace hallyu
