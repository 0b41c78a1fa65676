#include "extractors/detect/evaluation.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "extractors/text/text.h"

namespace hallyu {
namespace {

std::string Str(const nlohmann::json& j, const char* k) {
  if (!j.contains(k) || j[k].is_null()) return "";
  if (j[k].is_string()) return j[k].get<std::string>();
  return j[k].dump();
}

bool SameName(const std::string& want, const std::string& a, const std::string& b) {
  const std::string k = NormalizeKey(want);
  return !k.empty() && (k == NormalizeKey(a) || k == NormalizeKey(b));
}

bool SamePerson(const Gazetteer& g, const std::string& want, const PersonRef& p) {
  if (SameName(want, p.name, p.native)) return true;
  const GazetteerPerson* gp = g.FindPerson(want);
  // (by the gazetteer's key: events spell names as their source writes them)
  if (gp != nullptr && p.resolved && (gp->id == p.key || gp->name == p.name)) return true;
  // a group sung OST: "Red Velvet" vs the group's Hangul name
  if (auto grp = g.FindGroup(want); grp && NormalizeKey(*grp) == NormalizeKey(p.name)) return true;
  return false;
}

bool SameWork(const Gazetteer& g, const std::string& want, const WorkRef& w) {
  // a casting in a project with no title yet: label work null, detection work.title null
  if (NormalizeKey(want).empty()) return NormalizeKey(w.title).empty();
  if (SameName(want, w.title, w.native)) return true;
  const GazetteerWork* gw = g.FindWork(want);
  return gw != nullptr && w.resolved && gw->id == w.key;  // (resolved works carry the id as key)
}

std::string Describe(const std::string& type, const std::string& person, const std::string& work,
                     const std::string& status) {
  return type + " " + person + " / " + work + " (" + status + ")";
}

// Participants as "A + B + C".
std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " + ") + n;
  return out;
}

// A collab's participants match when each labelled name is one detected person and no
// detected person is left over (order-insensitive: outlets list them in any order).
bool SamePeople(const Gazetteer& g, const std::vector<std::string>& want,
                const std::vector<PersonRef>& got) {
  if (want.size() != got.size() || want.empty()) return false;
  std::vector<bool> taken(got.size(), false);
  for (const auto& w : want) {
    bool found = false;
    for (size_t i = 0; i < got.size() && !found; ++i) {
      if (!taken[i] && SamePerson(g, w, got[i])) found = taken[i] = true;
    }
    if (!found) return false;
  }
  return true;
}

// At least one labelled participant among the detected ones.
bool PeopleOverlap(const Gazetteer& g, const std::vector<std::string>& want,
                   const std::vector<PersonRef>& got) {
  for (const auto& w : want) {
    for (const auto& p : got) {
      if (SamePerson(g, w, p)) return true;
    }
  }
  return false;
}

// "collab A + B / Title (announced)", "release A / Title (released)", "casting A / W (s)".
std::string DescribeDetection(const Event& e) {
  const std::string type(EventTypeName(e.type));
  if (e.type == EventType::kCollab) {
    std::vector<std::string> names;
    for (const auto& p : e.people) names.push_back(p.name);
    return Describe(type, JoinNames(names), e.title, e.status);
  }
  if (e.type == EventType::kRelease) return Describe(type, e.person.name, e.title, e.status);
  return Describe(type, e.person.name, e.work.title, e.status);
}

}  // namespace

Result<EvalReport> EvaluateDetector(const Detector& det, std::string_view jsonl) {
  EvalReport r;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t nl = jsonl.find('\n', pos);
    if (nl == std::string_view::npos) nl = jsonl.size();
    const std::string_view line = jsonl.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json item = nlohmann::json::parse(line, nullptr, false);
    if (item.is_discarded() || !item.is_object()) {
      return ParseError("line " + std::to_string(line_no) + ": not a JSON object");
    }
    if (!item.contains("events") || !item["events"].is_array()) {
      return ParseError("line " + std::to_string(line_no) + ": no \"events\" list");
    }
    ++r.items;
    const std::string id = item.contains("id") ? Str(item, "id") : std::to_string(line_no);
    const std::string lang = Str(item, "lang");
    const std::string structure = Str(item, "structure");
    SourceRef src{"https://example.test/" + id, "example.test", "", "", "2026-01-01T00:00:00Z"};
    auto got = det.Detect(Str(item, "title"), Str(item, "text"), "auto", src);
    if (!got.ok()) return got.status();
    std::vector<const Event*> detected;
    for (const Event& e : *got) {
      if (e.status != "denied") detected.push_back(&e);
    }
    std::vector<bool> used(detected.size(), false);
    auto bump = [&](auto&& fn, const std::string& type, const std::string& status) {
      fn(r.all);
      fn(r.by["lang:" + (lang.empty() ? "?" : lang)]);
      fn(r.by["type:" + type]);
      if (!status.empty()) fn(r.by["status:" + status]);
      if (!structure.empty()) fn(r.by["structure:" + structure]);
    };
    for (const auto& want : item["events"]) {
      const std::string type = Str(want, "type");
      if (type != "casting" && type != "ost" && type != "release" && type != "collab") {
        return InvalidArgument("line " + std::to_string(line_no) + ": unknown type '" + type + "'");
      }
      const std::string status = Str(want, "status");
      if (status == "denied") continue;
      const std::string person =
          Str(want, "person").empty() ? Str(want, "artist") : Str(want, "person");
      const std::string work = Str(want, "work");
      const std::string title = Str(want, "title");
      std::vector<std::string> people;
      if (want.contains("people") && want["people"].is_array()) {
        for (const auto& p : want["people"]) {
          if (p.is_string()) people.push_back(p.get<std::string>());
          if (p.is_object()) people.push_back(Str(p, "name"));
        }
      }
      // identity: everything strict asks for but the status; loose: what a loose hit needs
      auto identity = [&](const Event& e) {
        if (type == "release") {
          return SamePerson(det.gazetteer(), person, e.person) &&
                 (title.empty() || SameName(title, e.title, ""));
        }
        if (type == "collab") {
          return SamePeople(det.gazetteer(), people, e.people) &&
                 (title.empty() || SameName(title, e.title, ""));
        }
        return SamePerson(det.gazetteer(), person, e.person) &&
               SameWork(det.gazetteer(), work, e.work);
      };
      auto loose_match = [&](const Event& e) {
        if (type == "release") return SamePerson(det.gazetteer(), person, e.person);
        if (type == "collab") return PeopleOverlap(det.gazetteer(), people, e.people);
        return identity(e);
      };
      int strict = -1, loose = -1;
      for (size_t i = 0; i < detected.size(); ++i) {
        const Event& e = *detected[i];
        if (used[i] || EventTypeName(e.type) != type) continue;
        if (!loose_match(e)) continue;
        if (identity(e) && e.status == status && strict < 0) strict = static_cast<int>(i);
        if (loose < 0) loose = static_cast<int>(i);
      }
      const int hit = strict >= 0 ? strict : loose;
      if (hit >= 0) used[static_cast<size_t>(hit)] = true;
      const std::string described = type == "collab"
                                        ? Describe(type, JoinNames(people), title, status)
                                    : type == "release" ? Describe(type, person, title, status)
                                                        : Describe(type, person, work, status);
      if (strict >= 0) {
        const Event& e = *detected[static_cast<size_t>(strict)];
        bump(
            [](EvalCounts& c) {
              ++c.tp;
              ++c.loose_tp;
            },
            type, status);
        auto field = [&](const char* k, bool ok) {
          if (!want.contains(k) || want[k].is_null()) return;
          auto& f = r.fields[k];
          ++f.first;
          if (ok) ++f.second;
        };
        field("role", SameName(Str(want, "role"), e.role, ""));
        field("song", SameName(Str(want, "song"), e.song, ""));
        field("part", want.contains("part") && want["part"].is_number() &&
                          want["part"].get<int>() == e.part);
        field("group", SameName(Str(want, "group"), e.person.group, ""));
        field("network", SameName(Str(want, "network"), e.work.network, ""));
        field("kind", Str(want, "kind") == e.release_kind);
        field("cause", SameName(Str(want, "cause"), e.cause, ""));
      } else {
        bump(
            [&](EvalCounts& c) {
              ++c.fn;
              if (loose >= 0) ++c.loose_tp;
            },
            type, status);
        std::string miss = id + ": " + described;
        if (loose >= 0) {
          // the detection names the right person and work with the wrong status (release,
          // collab: or the wrong title or participants): a strict false alarm (counted under
          // its own status) and a loose hit
          const Event& e = *detected[static_cast<size_t>(loose)];
          miss += " — found as " + DescribeDetection(e);
          bump([](EvalCounts& c) { ++c.fp; }, type, e.status);
        }
        r.misses.push_back(std::move(miss));
      }
    }
    for (size_t i = 0; i < detected.size(); ++i) {
      if (used[i]) continue;
      const Event& e = *detected[i];
      const std::string type(EventTypeName(e.type));
      bump([](EvalCounts& c) { ++c.fp; }, type, e.status);
      r.false_alarms.push_back(id + ": " + DescribeDetection(e) + " [" + e.evidence.rule + "]");
    }
  }
  return r;
}

std::string FormatEvalReport(const EvalReport& r, size_t max_listed) {
  std::string out;
  char buf[256];
  auto row = [&](const std::string& name, const EvalCounts& c) {
    std::snprintf(buf, sizeof(buf),
                  "%-34s strict P %.3f R %.3f | loose P %.3f R %.3f | tp %d fp %d fn %d\n",
                  name.c_str(), c.precision(), c.recall(), c.loose_precision(), c.loose_recall(),
                  c.tp, c.fp, c.fn);
    out += buf;
  };
  std::snprintf(buf, sizeof(buf), "items %d\n", r.items);
  out += buf;
  row("all", r.all);
  for (const auto& [k, c] : r.by) row(k, c);
  for (const auto& [k, f] : r.fields) {
    std::snprintf(buf, sizeof(buf), "field %-10s %d/%d right\n", k.c_str(), f.second, f.first);
    out += buf;
  }
  out += "misses:\n";
  for (size_t i = 0; i < r.misses.size() && i < max_listed; ++i) out += "  " + r.misses[i] + "\n";
  out += "false alarms:\n";
  for (size_t i = 0; i < r.false_alarms.size() && i < max_listed; ++i) {
    out += "  " + r.false_alarms[i] + "\n";
  }
  return out;
}

}  // namespace hallyu
