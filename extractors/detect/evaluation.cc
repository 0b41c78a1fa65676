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
  if (gp != nullptr && p.resolved && gp->name == p.name) return true;
  // a group sung OST: "Red Velvet" vs the group's Hangul name
  if (auto grp = g.FindGroup(want); grp && NormalizeKey(*grp) == NormalizeKey(p.name)) return true;
  return false;
}

bool SameWork(const Gazetteer& g, const std::string& want, const WorkRef& w) {
  if (SameName(want, w.title, w.native)) return true;
  const GazetteerWork* gw = g.FindWork(want);
  return gw != nullptr && w.resolved && gw->title == w.title;
}

std::string Describe(const std::string& type, const std::string& person, const std::string& work,
                     const std::string& status) {
  return type + " " + person + " / " + work + " (" + status + ")";
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
      if (type != "casting" && type != "ost") {
        if (type == "release" || type == "collab") continue;  // not detected yet (issue 17)
        return InvalidArgument("line " + std::to_string(line_no) + ": unknown type '" + type + "'");
      }
      const std::string status = Str(want, "status");
      if (status == "denied") continue;
      const std::string person =
          Str(want, "person").empty() ? Str(want, "artist") : Str(want, "person");
      const std::string work = Str(want, "work");
      int strict = -1, loose = -1;
      for (size_t i = 0; i < detected.size(); ++i) {
        const Event& e = *detected[i];
        if (used[i] || EventTypeName(e.type) != type) continue;
        if (!SamePerson(det.gazetteer(), person, e.person)) continue;
        if (!SameWork(det.gazetteer(), work, e.work)) continue;
        if (e.status == status && strict < 0) strict = static_cast<int>(i);
        if (loose < 0) loose = static_cast<int>(i);
      }
      const int hit = strict >= 0 ? strict : loose;
      if (hit >= 0) used[static_cast<size_t>(hit)] = true;
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
      } else {
        bump(
            [&](EvalCounts& c) {
              ++c.fn;
              if (loose >= 0) ++c.loose_tp;
            },
            type, status);
        std::string miss = id + ": " + Describe(type, person, work, status);
        if (loose >= 0) {
          // the detection names the right person and work with the wrong status: a strict
          // false alarm (counted under its own status) and a loose hit
          const Event& e = *detected[static_cast<size_t>(loose)];
          miss += " — found as " + e.status;
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
      r.false_alarms.push_back(id + ": " + Describe(type, e.person.name, e.work.title, e.status) +
                               " [" + e.evidence.rule + "]");
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
