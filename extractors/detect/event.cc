#include "extractors/detect/event.h"

#include <cstdint>
#include <cstdio>

#include "extractors/text/text.h"

namespace hallyu {

std::string_view EventTypeName(EventType t) { return t == EventType::kCasting ? "casting" : "ost"; }

namespace {

uint64_t Fnv1a(std::string_view s, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

std::string GetStr(const nlohmann::json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return "";
  if (!j[k].is_string()) throw std::runtime_error(std::string("field ") + k + " is not a string");
  return j[k].get<std::string>();
}

}  // namespace

std::string ComputeEventId(const Event& e) {
  std::string pk = e.person.key.empty() ? NormalizeKey(e.person.name) : e.person.key;
  std::string wk = e.work.key.empty() ? NormalizeKey(e.work.title) : e.work.key;
  std::string in = std::string(EventTypeName(e.type)) + "|" + pk + "|" + wk;
  if (e.type == EventType::kOst) in += "|" + NormalizeKey(e.song);
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(Fnv1a(in)));
  return (e.type == EventType::kCasting ? "c-" : "o-") + std::string(buf);
}

nlohmann::json ToJson(const Event& e) {
  using nlohmann::json;
  const bool casting = e.type == EventType::kCasting;
  json person = {{"name", e.person.name},
                 {"native", OrNull(e.person.native)},
                 {"group", OrNull(e.person.group)},
                 {"idol", e.person.idol},
                 {"resolved", e.person.resolved}};
  json work = {{"title", e.work.title},
               {"native", OrNull(e.work.native)},
               {"kind", OrNull(e.work.kind)},
               {"network", OrNull(e.work.network)}};
  json sources = json::array();
  for (const auto& s : e.sources) {
    sources.push_back({{"url", s.url},
                       {"site", s.site},
                       {"title", s.title},
                       {"published_at", OrNull(s.published_at)},
                       {"fetched_at", OrNull(s.fetched_at)}});
  }
  json j;
  j["schema"] = casting ? "hallyu.casting/1" : "hallyu.ost/1";
  j["event_id"] = e.event_id;
  j["version"] = e.version;
  j["type"] = EventTypeName(e.type);
  j["status"] = e.status;
  j[casting ? "person" : "artist"] = person;
  j["work"] = work;
  if (casting) {
    j["role"] = OrNull(e.role);
  } else {
    j["song"] = OrNull(e.song);
    j["part"] = e.part > 0 ? json(e.part) : json();
  }
  j["crossover"] = e.crossover;
  j["evidence"] = {{"text", e.evidence.text}, {"rule", e.evidence.rule}, {"lang", e.evidence.lang}};
  j["sources"] = sources;
  j["first_seen_at"] = e.first_seen_at;
  j["detected_at"] = e.detected_at;
  j["confidence"] = e.confidence;
  return j;
}

Result<Event> EventFromJson(const nlohmann::json& j) {
  try {
    Event e;
    const std::string type = GetStr(j, "type");
    if (type == "casting") {
      e.type = EventType::kCasting;
    } else if (type == "ost") {
      e.type = EventType::kOst;
    } else {
      return ParseError("event: unknown type '" + type + "'");
    }
    const bool casting = e.type == EventType::kCasting;
    e.event_id = GetStr(j, "event_id");
    e.version = j.at("version").get<int>();
    e.status = GetStr(j, "status");
    const auto& p = j.at(casting ? "person" : "artist");
    e.person.name = GetStr(p, "name");
    e.person.native = GetStr(p, "native");
    e.person.group = GetStr(p, "group");
    e.person.idol = p.at("idol").get<bool>();
    e.person.resolved = p.at("resolved").get<bool>();
    const auto& w = j.at("work");
    e.work.title = GetStr(w, "title");
    e.work.native = GetStr(w, "native");
    e.work.kind = GetStr(w, "kind");
    e.work.network = GetStr(w, "network");
    if (casting) {
      e.role = GetStr(j, "role");
    } else {
      e.song = GetStr(j, "song");
      e.part = j.contains("part") && j["part"].is_number() ? j["part"].get<int>() : 0;
    }
    e.crossover = j.at("crossover").get<bool>();
    const auto& ev = j.at("evidence");
    e.evidence = {GetStr(ev, "text"), GetStr(ev, "rule"), GetStr(ev, "lang")};
    for (const auto& s : j.at("sources")) {
      e.sources.push_back({GetStr(s, "url"), GetStr(s, "site"), GetStr(s, "title"),
                           GetStr(s, "published_at"), GetStr(s, "fetched_at")});
    }
    e.first_seen_at = GetStr(j, "first_seen_at");
    e.detected_at = GetStr(j, "detected_at");
    e.confidence = j.at("confidence").get<double>();
    return e;
  } catch (const std::exception& ex) {
    return ParseError(std::string("event: ") + ex.what());
  }
}

}  // namespace hallyu
