#include "crawler/crawl/event_bounds.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace hallyu {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Bytes of the UTF-8 sequence led by `lead` (1 for a stray continuation or bad lead).
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

}  // namespace

bool TruncateUtf8(std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return false;
  if (max_bytes < kEllipsis.size()) {
    text.clear();
    return true;
  }
  std::size_t cut = max_bytes - kEllipsis.size();
  // Back up to the start of the character the cut falls in (at most 3 bytes)...
  std::size_t start = cut;
  while (start > 0 && cut - start < 3 && IsContinuation(static_cast<unsigned char>(text[start])))
    --start;
  // ...and keep that character only when it ends at or before the cut.
  if (start < cut && start + SequenceLength(static_cast<unsigned char>(text[start])) > cut)
    cut = start;
  text.resize(cut);
  text.append(kEllipsis);
  return true;
}

std::size_t BoundEventFields(Event& e) {
  std::size_t cut = 0;
  auto bound = [&cut](std::string& s, std::size_t max) { cut += TruncateUtf8(s, max) ? 1 : 0; };
  bound(e.event_id, kMaxEventShortBytes);
  bound(e.status, kMaxEventShortBytes);
  bound(e.person.name, kMaxEventNameBytes);
  bound(e.person.native, kMaxEventNameBytes);
  bound(e.person.group, kMaxEventNameBytes);
  bound(e.work.title, kMaxEventNameBytes);
  bound(e.work.native, kMaxEventNameBytes);
  bound(e.work.kind, kMaxEventNameBytes);
  bound(e.work.network, kMaxEventNameBytes);
  bound(e.role, kMaxEventNameBytes);
  bound(e.song, kMaxEventNameBytes);
  bound(e.title, kMaxEventNameBytes);
  bound(e.release_kind, kMaxEventShortBytes);
  bound(e.cause, kMaxEventNameBytes);
  if (e.people.size() > kMaxEventPeople) {
    e.people.resize(kMaxEventPeople);
    ++cut;
  }
  for (PersonRef& p : e.people) {
    bound(p.name, kMaxEventNameBytes);
    bound(p.native, kMaxEventNameBytes);
    bound(p.group, kMaxEventNameBytes);
  }
  bound(e.evidence.text, kMaxEvidenceBytes);
  bound(e.evidence.rule, kMaxEventTagBytes);
  bound(e.evidence.lang, kMaxEventTagBytes);
  bound(e.first_seen_at, kMaxEventShortBytes);
  bound(e.detected_at, kMaxEventShortBytes);
  for (SourceRef& s : e.sources) {
    bound(s.url, kMaxEventUrlBytes);
    bound(s.site, kMaxEventNameBytes);
    bound(s.title, kMaxEventTitleBytes);
    bound(s.published_at, kMaxEventShortBytes);
    bound(s.fetched_at, kMaxEventShortBytes);
  }
  return cut;
}

std::size_t SerializedEventBytes(const Event& event) {
  return ToJson(event).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
}

bool FitEventToMessage(Event& event, std::size_t max_bytes) {
  BoundEventFields(event);
  std::size_t size = SerializedEventBytes(event);
  while (size > max_bytes && !event.evidence.text.empty()) {
    TruncateUtf8(event.evidence.text, event.evidence.text.size() / 2);
    size = SerializedEventBytes(event);
  }
  while (size > max_bytes && event.sources.size() > 1) {
    event.sources.erase(event.sources.begin());  // oldest first; the newest stays
    size = SerializedEventBytes(event);
  }
  return size <= max_bytes;
}

std::size_t MaxEventBytesForProducer(std::string_view option) {
  std::size_t bytes = kDefaultKafkaMessageMaxBytes;
  std::size_t parsed = 0;
  auto [end, ec] = std::from_chars(option.data(), option.data() + option.size(), parsed);
  if (!option.empty() && ec == std::errc() && end == option.data() + option.size() && parsed > 0)
    bytes = parsed;
  return bytes > 2 * kEventRecordOverheadBytes ? bytes - kEventRecordOverheadBytes : bytes / 2;
}

}  // namespace hallyu
