#include "crawler/downstream/event_format.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace hallyu {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) {
    c = c == '_' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

// Display width approximation: code points, East Asian wide ranges count 2.
size_t Width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    size_t n = 1;
    if (c >= 0xF0) {
      n = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      n = 2;
      cp = c & 0x1F;
    }
    for (size_t k = 1; k < n && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += n;
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFF00 && cp <= 0xFF60);
    w += wide ? 2 : 1;
  }
  return w;
}

std::string Pad(const std::string& s, size_t width) {
  size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string Who(const EventRecord& e) {
  return e.person_group.empty() ? e.person : e.person + " (" + e.person_group + ")";
}

// "digital single 'Title'", "single", "album 'Title'", "new music" (nothing named).
std::string ReleaseWhat(const EventRecord& e) {
  std::string kind = e.release_kind;
  for (char& c : kind) c = c == '_' ? ' ' : c;
  if (kind == "ep") kind = "EP";
  if (kind.empty()) kind = e.title.empty() ? "new music" : "release";
  return e.title.empty() ? kind : kind + " '" + e.title + "'";
}

std::string What(const EventRecord& e) {
  if (e.type == "release") return ReleaseWhat(e);
  if (e.type == "collab") {
    std::string what = e.title.empty() ? "collab" : "collab '" + e.title + "'";
    return e.cause.empty() ? what : what + " for " + e.cause;
  }
  // (a casting in a project with no title yet: "untitled drama (tvN)")
  std::string work = e.work.empty() ? "untitled " + (e.work_kind.empty() ? "project" : e.work_kind)
                                    : "'" + e.work + "'";
  if (!e.network.empty()) work += " (" + e.network + ")";
  if (e.type == "ost") return (e.song.empty() ? "OST" : "OST '" + e.song + "'") + " for " + work;
  return work;
}

}  // namespace

std::string FormatEventLine(const EventRecord& e, int64_t source_count) {
  std::string tags;
  if (e.crossover) tags = "crossover, ";
  tags += std::to_string(source_count) + (source_count == 1 ? " source" : " sources");
  return FormatMinuteUtc(e.detected_at) + " " + Pad(Upper(e.status), 10) + " " + Who(e) + " → " +
         What(e) + "  [" + tags + "]";
}

std::string FormatEventTable(const std::vector<StoredEvent>& events) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"UPDATED", "FIRST SEEN", "TYPE", "STATUS", "PERSON", "WORK", "SOURCES", "X"});
  for (const auto& s : events) {
    const EventRecord& e = s.event;
    rows.push_back({FormatMinuteUtc(s.updated_at), FormatMinuteUtc(s.first_seen_at), e.type,
                    Upper(e.status), Who(e), What(e), std::to_string(s.source_count),
                    e.crossover ? "yes" : ""});
  }
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], Width(r[i]));
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      line += i + 1 < r.size() ? Pad(r[i], widths[i]) + "  " : r[i];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  if (events.empty()) out += "(no events)\n";
  return out;
}

std::string FormatEventJsonLines(const std::vector<StoredEvent>& events) {
  std::string out;
  for (const auto& s : events) {
    nlohmann::json j = nlohmann::json::parse(s.event.payload, nullptr, false);
    if (!j.is_object()) continue;
    j["first_seen"] = FormatRfc3339Utc(s.first_seen_at);
    j["updated"] = FormatRfc3339Utc(s.updated_at);
    j["source_count"] = s.source_count;
    out += j.dump() + "\n";
  }
  return out;
}

Result<int64_t> ParseDurationSeconds(const std::string& text) {
  if (text.size() < 2) return InvalidArgument("bad duration '" + text + "' (want e.g. 7d, 12h)");
  int64_t n = 0;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) || n > 100000000) {
      return InvalidArgument("bad duration '" + text + "' (want e.g. 7d, 12h)");
    }
    n = n * 10 + (text[i] - '0');
  }
  switch (text.back()) {
    case 's':
      return n;
    case 'm':
      return n * 60;
    case 'h':
      return n * 3600;
    case 'd':
      return n * 86400;
    case 'w':
      return n * 7 * 86400;
    default:
      return InvalidArgument("bad duration unit in '" + text + "' (s, m, h, d or w)");
  }
}

}  // namespace hallyu
