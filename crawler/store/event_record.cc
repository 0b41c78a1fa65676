#include "crawler/store/event_record.h"

#include <time.h>

#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

namespace hallyu {
namespace {

using nlohmann::json;

bool ReadInt(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return r.ec == std::errc();
}

Status Missing(std::string_view field, std::string_view why) {
  return Corrupt("event field '" + std::string(field) + "' " + std::string(why));
}

// Returns the string at obj[key], or an error when absent / not a string.
Result<std::string> RequiredString(const json& obj, const char* key, std::string_view path) {
  auto it = obj.find(key);
  if (it == obj.end()) return Missing(path, "is missing");
  if (!it->is_string()) return Missing(path, "is not a string");
  std::string v = it->get<std::string>();
  if (v.empty()) return Missing(path, "is empty");
  return v;
}

std::string OptionalString(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

bool OptionalBool(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() && it->get<bool>();
}

bool ValidStatus(const std::string& type, const std::string& status) {
  if (type == "casting") {
    return status == "rumored" || status == "in_talks" || status == "reviewing" ||
           status == "confirmed" || status == "denied";
  }
  return status == "announced" || status == "released";
}

}  // namespace

Result<int64_t> ParseTimestamp(std::string_view s) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!ReadInt(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !ReadInt(s, 5, 2, mo) ||
      s[7] != '-' || !ReadInt(s, 8, 2, d)) {
    return ParseError("bad timestamp '" + std::string(s) + "'");
  }
  size_t pos = 10;
  int64_t offset = 0;
  if (pos < s.size()) {
    if ((s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') || !ReadInt(s, pos + 1, 2, h) ||
        s.size() < pos + 6 || s[pos + 3] != ':' || !ReadInt(s, pos + 4, 2, mi)) {
      return ParseError("bad timestamp '" + std::string(s) + "'");
    }
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
      if (!ReadInt(s, pos + 1, 2, sec))
        return ParseError("bad seconds in '" + std::string(s) + "'");
      pos += 3;
      if (pos < s.size() && s[pos] == '.') {
        ++pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
      }
    }
    if (pos < s.size()) {
      char z = s[pos];
      if ((z == 'Z' || z == 'z') && pos + 1 == s.size()) {
      } else if ((z == '+' || z == '-') && s.size() == pos + 6 && s[pos + 3] == ':') {
        int oh, om;
        if (!ReadInt(s, pos + 1, 2, oh) || !ReadInt(s, pos + 4, 2, om)) {
          return ParseError("bad offset in '" + std::string(s) + "'");
        }
        offset = (oh * 3600 + om * 60) * (z == '+' ? 1 : -1);
      } else {
        return ParseError("bad timestamp suffix in '" + std::string(s) + "'");
      }
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) {
    return ParseError("timestamp out of range '" + std::string(s) + "'");
  }
  struct tm tm = {};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  return static_cast<int64_t>(timegm(&tm)) - offset;
}

std::string FormatMinuteUtc(int64_t unix_seconds) {
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

std::string FormatRfc3339Utc(int64_t unix_seconds) {
  time_t t = static_cast<time_t>(unix_seconds);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<EventRecord> ParseEventRecord(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return ParseError("event is not valid JSON");
  if (!j.is_object()) return ParseError("event is not a JSON object");
  EventRecord e;
  e.payload = std::string(text);

  auto type = RequiredString(j, "type", "type");
  if (!type.ok()) return type.status();
  e.type = *type;
  if (e.type != "casting" && e.type != "ost" && e.type != "release" && e.type != "collab") {
    return Missing("type", "is not casting|ost|release|collab");
  }
  auto schema = RequiredString(j, "schema", "schema");
  if (!schema.ok()) return schema.status();
  const std::string want_schema = "hallyu." + e.type + "/";
  if (schema->rfind(want_schema, 0) != 0) {
    return Missing("schema", "'" + *schema + "' does not match type " + e.type);
  }
  auto id = RequiredString(j, "event_id", "event_id");
  if (!id.ok()) return id.status();
  e.event_id = *id;
  auto v = j.find("version");
  if (v == j.end() || !v->is_number_integer() || v->get<int64_t>() < 1) {
    return Missing("version", "is missing or not an integer >= 1");
  }
  e.version = v->get<int64_t>();
  auto status = RequiredString(j, "status", "status");
  if (!status.ok()) return status.status();
  e.status = *status;
  if (!ValidStatus(e.type, e.status))
    return Missing("status", "'" + e.status + "' is not valid for " + e.type);

  // Reads one person object at `path` into `out`.
  auto read_person = [](const json& obj, const std::string& path, EventPerson* out) -> Status {
    if (!obj.is_object()) return Missing(path, "is missing or not an object");
    auto name = RequiredString(obj, "name", path + ".name");
    if (!name.ok()) return name.status();
    *out = {*name, OptionalString(obj, "native"), OptionalString(obj, "group"),
            OptionalBool(obj, "idol")};
    return Status::Ok();
  };
  if (e.type == "collab") {
    auto people = j.find("people");
    if (people == j.end() || !people->is_array() || people->empty()) {
      return Missing("people", "is missing or not a non-empty array");
    }
    for (const auto& p : *people) {
      EventPerson one;
      HALLYU_RETURN_IF_ERROR(read_person(p, "people[]", &one));
      e.people.push_back(std::move(one));
    }
    for (const EventPerson& p : e.people) {
      e.person += (e.person.empty() ? "" : ", ") + p.name;
      if (!p.native.empty()) e.person_native += (e.person_native.empty() ? "" : ", ") + p.native;
      e.person_idol = e.person_idol || p.idol;
    }
  } else {
    const char* who_key = e.type == "casting" ? "person" : "artist";
    auto who = j.find(who_key);
    EventPerson one;
    HALLYU_RETURN_IF_ERROR(read_person(who == j.end() ? json() : *who, who_key, &one));
    e.person = one.name;
    e.person_native = one.native;
    e.person_group = one.group;
    e.person_idol = one.idol;
    e.people.push_back(std::move(one));
  }

  if (e.type == "casting" || e.type == "ost") {
    auto work = j.find("work");
    if (work == j.end() || !work->is_object()) {
      return Missing("work", "is missing or not an object");
    }
    // a casting in a project with no title yet has work.title null (schemas/casting.json);
    // it is stored as "" like every other absent text
    const auto t = work->find("title");
    if (e.type == "casting" && t != work->end() && t->is_null()) {
      e.work.clear();
    } else {
      auto title = RequiredString(*work, "title", "work.title");
      if (!title.ok()) return title.status();
      e.work = *title;
    }
    e.work_native = OptionalString(*work, "native");
    e.work_kind = OptionalString(*work, "kind");
    e.network = OptionalString(*work, "network");
  } else {
    e.title = OptionalString(j, "title");
  }
  e.role = OptionalString(j, "role");
  e.song = OptionalString(j, "song");
  if (e.type == "release") {
    e.release_kind = OptionalString(j, "kind");
    if (!e.release_kind.empty() && e.release_kind != "single" &&
        e.release_kind != "digital_single" && e.release_kind != "album" && e.release_kind != "ep") {
      return Missing("kind", "'" + e.release_kind + "' is not single|digital_single|album|ep");
    }
  }
  if (e.type == "collab") e.cause = OptionalString(j, "cause");

  auto cross = j.find("crossover");
  if (cross == j.end() || !cross->is_boolean())
    return Missing("crossover", "is missing or not a boolean");
  e.crossover = cross->get<bool>();
  auto conf = j.find("confidence");
  if (conf != j.end() && conf->is_number()) e.confidence = conf->get<double>();

  auto sources = j.find("sources");
  if (sources == j.end() || !sources->is_array())
    return Missing("sources", "is missing or not an array");
  for (const auto& s : *sources) {
    if (!s.is_object()) return Missing("sources[]", "is not an object");
    auto url = RequiredString(s, "url", "sources[].url");
    if (!url.ok()) return url.status();
    EventSource src{*url, OptionalString(s, "site"), OptionalString(s, "title"), 0};
    std::string pub = OptionalString(s, "published_at");
    if (!pub.empty()) {
      auto t = ParseTimestamp(pub);
      if (t.ok()) src.published_at = *t;
    }
    e.sources.push_back(std::move(src));
  }

  std::string detected = OptionalString(j, "detected_at");
  std::string first = OptionalString(j, "first_seen_at");
  if (detected.empty() && first.empty())
    return Missing("detected_at", "and first_seen_at are both missing");
  if (!detected.empty()) {
    auto t = ParseTimestamp(detected);
    if (!t.ok()) return Missing("detected_at", "is not an RFC 3339 time");
    e.detected_at = *t;
  }
  if (!first.empty()) {
    auto t = ParseTimestamp(first);
    if (!t.ok()) return Missing("first_seen_at", "is not an RFC 3339 time");
    e.first_seen_at = *t;
  }
  if (e.detected_at == 0) e.detected_at = e.first_seen_at;
  if (e.first_seen_at == 0) e.first_seen_at = e.detected_at;
  return e;
}

}  // namespace hallyu
