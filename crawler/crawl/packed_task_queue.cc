#include "crawler/crawl/packed_task_queue.h"

#include <algorithm>
#include <string_view>

namespace hallyu {
namespace {

constexpr std::size_t kCompactAfterBytes = 64 * 1024;

void PutVarint(std::string* out, std::uint64_t n) {
  do {
    char b = static_cast<char>(n & 0x7F);
    n >>= 7;
    if (n != 0) b = static_cast<char>(b | 0x80);
    out->push_back(b);
  } while (n != 0);
}

std::uint64_t GetVarint(std::string_view s, std::size_t* pos) {
  std::uint64_t n = 0;
  int shift = 0;
  while (*pos < s.size() && shift < 64) {
    auto b = static_cast<unsigned char>(s[(*pos)++]);
    n |= static_cast<std::uint64_t>(b & 0x7F) << shift;
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
  entry.reserve(16 + task.url.size() + task.title.size() + task.published_at.size() +
                task.link_id.size() + task.updated_at.size() + task.from_url.size() +
                task.entry_id.size());
  entry.push_back(static_cast<char>(task.kind));
  entry.push_back(static_cast<char>((task.root ? 1 : 0) | (task.has_entry ? 2 : 0) |
                                    (task.entry_updated_at ? 4 : 0)));
  PutVarint(&entry, task.source);
  PutVarint(&entry, task.depth);
  PutVarint(&entry, task.page);
  PutVarint(&entry, static_cast<std::uint64_t>(task.entry_updated_at.value_or(0)));
  for (const std::string* f : {&task.url, &task.title, &task.published_at, &task.link_id,
                               &task.updated_at, &task.from_url}) {
    entry.append(*f).push_back('\0');
  }
  entry.append(task.entry_id);
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
  if (pos < entry.size()) t.kind = static_cast<std::uint8_t>(entry[pos++]);
  unsigned flags = pos < entry.size() ? static_cast<unsigned char>(entry[pos++]) : 0;
  t.root = (flags & 1) != 0;
  t.has_entry = (flags & 2) != 0;
  t.source = static_cast<std::uint32_t>(GetVarint(entry, &pos));
  t.depth = static_cast<std::uint32_t>(GetVarint(entry, &pos));
  t.page = static_cast<std::uint32_t>(GetVarint(entry, &pos));
  auto updated = static_cast<std::int64_t>(GetVarint(entry, &pos));
  if ((flags & 4) != 0) t.entry_updated_at = updated;
  std::string_view rest = entry.substr(std::min(pos, entry.size()));
  for (std::string* f :
       {&t.url, &t.title, &t.published_at, &t.link_id, &t.updated_at, &t.from_url}) {
    *f = std::string(NextField(&rest));
  }
  t.entry_id = std::string(rest);
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
