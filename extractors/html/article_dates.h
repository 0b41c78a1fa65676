#pragma once
// Date and time parsing for article pages (internal to the article extractor).
//
// The general date parser (extractors/text/datetime.h) is written on another branch;
// until it lands, the article extractor uses this one. It understands what news
// pages print: ISO 8601 / RFC 3339, "2024.05.01 15:20", "2024.05.01. 오후 3:20",
// "2024년 5월 1일 15시 20분", "May 1, 2024 3:20 PM", RFC 822, compact
// "20240501152000", and labelled bylines ("입력 …", "수정 …", "Updated: …").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hallyu::internal {

// Seconds since the Unix epoch (UTC) of the first date found in `text`, or
// nullopt when none is found or it is out of range (years 1990..2100). A time
// without a zone is taken at UTC offset `default_offset_minutes`; a date without
// a time is taken at 00:00 of that offset.
std::optional<std::int64_t> ParseDateTime(std::string_view text, int default_offset_minutes);

// "2024-05-01T06:20:00Z".
std::string FormatRfc3339Utc(std::int64_t epoch_seconds);

// A date from a URL path such as /2024/05/01/ or /20240501/, at 00:00 of the
// given offset; nullopt when the URL has none.
std::optional<std::int64_t> DateFromUrl(std::string_view url, int default_offset_minutes);

struct LabelledDates {
  std::optional<std::int64_t> published;
  std::optional<std::int64_t> updated;
};

// Dates following labels in visible byline text: published after "입력",
// "기사입력", "등록", "승인", "게재", "Published", "Posted", "Created"; updated after
// "수정", "업데이트", "Updated", "Modified".
LabelledDates FindLabelledDates(std::string_view text, int default_offset_minutes);

}  // namespace hallyu::internal
