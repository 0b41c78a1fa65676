#include "extractors/detect/event.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "extractors/text/text.h"

namespace hallyu {

std::string_view EventTypeName(EventType t) {
  switch (t) {
    case EventType::kCasting:
      return "casting";
    case EventType::kOst:
      return "ost";
    case EventType::kRelease:
      return "release";
    case EventType::kCollab:
      return "collab";
  }
  return "casting";
}

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

namespace {
std::string PersonKey(const PersonRef& p) { return p.key.empty() ? NormalizeKey(p.name) : p.key; }

nlohmann::json PersonJson(const PersonRef& p) {
  return {{"name", p.name},
          {"native", OrNull(p.native)},
          {"group", OrNull(p.group)},
          {"idol", p.idol},
          {"resolved", p.resolved}};
}

PersonRef PersonFromJson(const nlohmann::json& p) {
  PersonRef r;
  r.name = GetStr(p, "name");
  r.native = GetStr(p, "native");
  r.group = GetStr(p, "group");
  r.idol = p.at("idol").get<bool>();
  r.resolved = p.at("resolved").get<bool>();
  return r;
}
}  // namespace

std::string ComputeEventId(const Event& e) {
  std::string in = std::string(EventTypeName(e.type));
  const char* prefix = "c-";
  switch (e.type) {
    case EventType::kCasting:
    case EventType::kOst: {
      std::string wk = e.work.key.empty() ? NormalizeKey(e.work.title) : e.work.key;
      // a casting in a project with no title yet: "untitled" and the network, so two outlets'
      // reports of it merge ("upcoming tvN drama", "tvN 새 드라마")
      if (wk.empty() && e.type == EventType::kCasting) {
        wk = "untitled|" + NormalizeKey(e.work.network);
      }
      // not the OST's song: outlets name it or not, in Hangul or in translation ("마음을 드려요",
      // "Give You My Heart"), and every such report is the same announcement
      in += "|" + PersonKey(e.person) + "|" + wk;
      if (e.type == EventType::kOst) prefix = "o-";
      break;
    }
    case EventType::kRelease:
      in += "|" + PersonKey(e.person) + "|" + NormalizeKey(e.title);
      prefix = "r-";
      break;
    case EventType::kCollab: {
      prefix = "j-";
      const std::string tk = NormalizeKey(e.title);
      if (!tk.empty()) {
        in += "|t|" + tk;
      } else {
        std::vector<std::string> keys;
        for (const auto& p : e.people) keys.push_back(PersonKey(p));
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        in += "|p";
        for (const auto& k : keys) in += "|" + k;
      }
      break;
    }
  }
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(Fnv1a(in)));
  return prefix + std::string(buf);
}

namespace {
bool MakesMusic(const PersonRef& p) {
  return p.idol || p.learned.idol || p.learned.singer || p.learned.rapper;
}
bool IsIdol(const PersonRef& p) { return p.idol || p.learned.idol; }
bool Acts(const PersonRef& p) { return p.actor || p.learned.actor; }
}  // namespace

bool IsCrossover(const Event& e) {
  switch (e.type) {
    case EventType::kCasting:
      return !e.person.name.empty() && MakesMusic(e.person);
    case EventType::kOst:
      return !e.person.name.empty() && (IsIdol(e.person) || Acts(e.person));
    case EventType::kRelease:
      return !e.person.name.empty() && Acts(e.person);
    case EventType::kCollab:
      for (size_t i = 0; i < e.people.size(); ++i) {
        if (!IsIdol(e.people[i])) continue;
        for (size_t k = 0; k < e.people.size(); ++k) {
          if (k != i && Acts(e.people[k]) && !IsIdol(e.people[k])) return true;
        }
      }
      return false;
  }
  return false;
}

nlohmann::json ToJson(const Event& e) {
  using nlohmann::json;
  json person = PersonJson(e.person);
  json work = {{"title", OrNull(e.work.title)},
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
  j["schema"] = "hallyu." + std::string(EventTypeName(e.type)) + "/1";
  j["event_id"] = e.event_id;
  j["version"] = e.version;
  j["type"] = EventTypeName(e.type);
  j["status"] = e.status;
  switch (e.type) {
    case EventType::kCasting:
      j["person"] = person;
      j["work"] = work;
      j["role"] = OrNull(e.role);
      break;
    case EventType::kOst:
      j["artist"] = person;
      j["work"] = work;
      j["song"] = OrNull(e.song);
      j["part"] = e.part > 0 ? json(e.part) : json();
      break;
    case EventType::kRelease:
      j["artist"] = person;
      j["title"] = OrNull(e.title);
      j["kind"] = OrNull(e.release_kind);
      break;
    case EventType::kCollab: {
      json people = json::array();
      for (const auto& p : e.people) people.push_back(PersonJson(p));
      j["people"] = people;
      j["title"] = OrNull(e.title);
      j["cause"] = OrNull(e.cause);
      break;
    }
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
    } else if (type == "release") {
      e.type = EventType::kRelease;
    } else if (type == "collab") {
      e.type = EventType::kCollab;
    } else {
      return ParseError("event: unknown type '" + type + "'");
    }
    e.event_id = GetStr(j, "event_id");
    e.version = j.at("version").get<int>();
    e.status = GetStr(j, "status");
    if (e.type == EventType::kCasting || e.type == EventType::kOst) {
      e.person = PersonFromJson(j.at(e.type == EventType::kCasting ? "person" : "artist"));
      const auto& w = j.at("work");
      e.work.title = GetStr(w, "title");
      e.work.native = GetStr(w, "native");
      e.work.kind = GetStr(w, "kind");
      e.work.network = GetStr(w, "network");
    }
    switch (e.type) {
      case EventType::kCasting:
        e.role = GetStr(j, "role");
        break;
      case EventType::kOst:
        e.song = GetStr(j, "song");
        e.part = j.contains("part") && j["part"].is_number() ? j["part"].get<int>() : 0;
        break;
      case EventType::kRelease:
        e.person = PersonFromJson(j.at("artist"));
        e.title = GetStr(j, "title");
        e.release_kind = GetStr(j, "kind");
        break;
      case EventType::kCollab:
        for (const auto& p : j.at("people")) e.people.push_back(PersonFromJson(p));
        e.title = GetStr(j, "title");
        e.cause = GetStr(j, "cause");
        break;
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
