#pragma once
// Bounds on what reaches an event (issue 20, case 3): a hostile feed entry with a 3 MB
// title must give a normal event, not a record over Kafka's message size that goes to the
// DLQ while its merge state says "already published".
//
// Field limits, in bytes of UTF-8 (a longer value is cut at a character boundary and "…"
// appended; invalid UTF-8 at the cut is dropped):
//   source url 4096, source title 512, source site 256, source dates 64,
//   person name / native / group 256, work title / native / network / kind 256,
//   role 256, song 256, evidence text 1024, evidence rule and lang 128,
//   event id, status, first_seen_at, detected_at 64; release/collab title and cause 256,
//   release kind 64, a collab's participants: the first 64, each name / native / group 256.
// Detections hold a bounded number of sources (EventMerger::max_sources, 64), so a bounded
// event serialises to about 330 KiB at most, under Kafka's default 1 MB message.max.bytes.

#include <cstddef>
#include <string>
#include <string_view>

#include "extractors/detect/event.h"

namespace hallyu {

inline constexpr std::size_t kMaxEventUrlBytes = 4096;
inline constexpr std::size_t kMaxEventTitleBytes = 512;
inline constexpr std::size_t kMaxEventNameBytes = 256;  // names, work fields, role, song, site
inline constexpr std::size_t kMaxEvidenceBytes = 1024;
inline constexpr std::size_t kMaxEventShortBytes = 64;  // ids, status, timestamps
inline constexpr std::size_t kMaxEventTagBytes = 128;   // evidence rule, lang
inline constexpr std::size_t kMaxEventPeople = 64;      // participants kept in a collab

// The librdkafka default of message.max.bytes.
inline constexpr std::size_t kDefaultKafkaMessageMaxBytes = 1'000'000;
// Room left in a Kafka record for the key, the headers and the record framing.
inline constexpr std::size_t kEventRecordOverheadBytes = 16 * 1024;

// Cuts `text` to at most `max_bytes` bytes on a UTF-8 character boundary; a cut value ends
// with "…" (counted in the bytes). Returns true when it was cut. `max_bytes` < 3 cuts to "".
bool TruncateUtf8(std::string& text, std::size_t max_bytes);

// Applies the field limits above to every field of `event` (sources included). Returns
// the number of fields cut.
std::size_t BoundEventFields(Event& event);

// The size of `event` as published (compact JSON of ToJson, invalid UTF-8 replaced).
std::size_t SerializedEventBytes(const Event& event);

// Makes `event` serialise to at most `max_bytes`: the field limits first, then the
// evidence text halved until it fits (down to nothing), then the oldest sources dropped
// (the newest is always kept). The announcement itself (type, people, work, status) is
// never dropped. Returns true when it fits afterwards (false only for a `max_bytes` too
// small for the event's bare facts).
bool FitEventToMessage(Event& event, std::size_t max_bytes);

// The largest event value for a producer whose `message.max.bytes` option is
// `message_max_bytes_option` ("" = librdkafka's default; a value that is not a positive
// number also gives the default): that size less kEventRecordOverheadBytes.
std::size_t MaxEventBytesForProducer(std::string_view message_max_bytes_option);

}  // namespace hallyu
