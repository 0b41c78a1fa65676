#include "extractors/gazetteer.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractors/text.h"

namespace hallyu {
namespace {

std::vector<std::string> Names(const YAML::Node& n) {
  std::vector<std::string> out;
  for (const char* k : {"name", "title", "native"}) {
    if (n[k]) out.push_back(n[k].as<std::string>());
  }
  if (n["aliases"]) {
    for (const auto& a : n["aliases"]) out.push_back(a.as<std::string>());
  }
  return out;
}

template <typename Map>
void Index(Map& exact, Map& norm, const std::vector<std::string>& names, size_t idx) {
  for (const auto& n : names) {
    if (n.empty()) continue;
    exact.emplace(n, idx);
    norm.emplace(NormalizeKey(n), idx);
  }
}

template <typename Map>
std::optional<size_t> Lookup(const Map& exact, const Map& norm, std::string_view name) {
  if (auto it = exact.find(name); it != exact.end()) return it->second;
  const std::string key = NormalizeKey(name);
  if (key.empty()) return std::nullopt;
  if (auto it = norm.find(key); it != norm.end()) return it->second;
  return std::nullopt;
}

std::string Str(const YAML::Node& n, const char* k) {
  return n[k] ? n[k].as<std::string>() : std::string();
}

}  // namespace

Result<Gazetteer> Gazetteer::LoadDir(const std::string& dir) { return LoadDirs({dir}); }

Result<Gazetteer> Gazetteer::LoadDirs(const std::vector<std::string>& dirs) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return NotFound("gazetteer dir not found: " + dir);
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") {
        paths.push_back(e.path().string());
      }
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      if (!in) return IoError("cannot read " + p);
      std::stringstream ss;
      ss << in.rdbuf();
      files.emplace_back(p, ss.str());
    }
  }
  return LoadFromStrings(files);
}

namespace {

// "file:line" of a YAML node (line numbers start at 1).
std::string Where(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return m.line < 0 ? file : file + ":" + std::to_string(m.line + 1);
}

// Fails when `n` is not a map, lacks `required` or has a key outside `allowed`.
Status CheckEntry(const std::string& file, const YAML::Node& n, const char* required,
                  std::initializer_list<std::string_view> allowed) {
  if (!n.IsMap()) return ParseError(Where(file, n) + ": entry must be a map");
  if (!n[required] || !n[required].IsScalar() || n[required].as<std::string>().empty()) {
    return ParseError(Where(file, n) + ": entry has no " + required);
  }
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return ParseError(Where(file, kv.first) + ": unknown field '" + key + "'");
    }
    if (key == "aliases" || key == "members") {
      if (!kv.second.IsSequence()) {
        return ParseError(Where(file, kv.second) + ": " + key + " must be a list");
      }
    } else if (!kv.second.IsScalar()) {
      return ParseError(Where(file, kv.second) + ": " + key + " must be a scalar");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Gazetteer> Gazetteer::LoadFromStrings(
    const std::vector<std::pair<std::string, std::string>>& files) {
  Gazetteer g;
  static constexpr std::string_view kSections[] = {"groups",   "soloists", "actors",       "singers",
                                                    "networks", "works",    "organisations"};
  // Parsing is most of the load time (yaml-cpp): parse the files on up to 4 threads, then
  // index them in file order so the first definition of a name still wins.
  std::vector<YAML::Node> docs(files.size());
  std::vector<std::string> parse_errors(files.size());
  {
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < files.size(); i = next++) {
        try {
          docs[i] = YAML::Load(files[i].second);
        } catch (const YAML::Exception& e) {
          parse_errors[i] = files[i].first + ": YAML: " + e.what();
        }
      }
    };
    const size_t n_threads =
        std::min<size_t>({4, files.size(), std::max(1u, std::thread::hardware_concurrency())});
    std::vector<std::thread> pool;
    for (size_t i = 1; i < n_threads; ++i) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
  }
  for (size_t fi = 0; fi < files.size(); ++fi) {
    const std::string& file = files[fi].first;
    if (!parse_errors[fi].empty()) return ParseError(parse_errors[fi]);
    try {
      YAML::Node doc = docs[fi];
      if (doc.IsNull()) continue;
      if (!doc.IsMap()) return ParseError(file + ": top level must be a map");
      for (const auto& kv : doc) {
        const std::string key = kv.first.as<std::string>();
        if (std::find(std::begin(kSections), std::end(kSections), key) == std::end(kSections)) {
          return ParseError(Where(file, kv.first) + ": unknown section '" + key + "'");
        }
        if (!kv.second.IsSequence() && !kv.second.IsNull()) {
          return ParseError(Where(file, kv.second) + ": section " + key + " must be a list");
        }
      }
      Status st = Status::Ok();
      auto add_person = [&](const YAML::Node& n, PersonKind kind, const std::string& group) {
        st = CheckEntry(file, n, "name", {"name", "native", "aliases", "acts", "group"});
        if (!st.ok()) return;
        GazetteerPerson p;
        p.name = Str(n, "name");
        p.native = Str(n, "native");
        p.group = group.empty() ? Str(n, "group") : group;
        p.kind = kind;
        p.also_actor = n["acts"] && n["acts"].as<bool>();
        p.id = NormalizeKey(p.name);
        const size_t idx = g.people_.size();
        g.people_.push_back(p);
        Index(g.person_exact_, g.person_norm_, Names(n), idx);
        if (!p.group.empty()) {
          for (const auto& name : Names(n)) {
            g.member_by_group_.emplace(NormalizeKey(name) + "|" + NormalizeKey(p.group), idx);
          }
        }
      };
      for (const auto& grp : doc["groups"]) {
        st = CheckEntry(file, grp, "name", {"name", "native", "aliases", "members", "kind"});
        if (!st.ok()) return st;
        const std::string gname = Str(grp, "name");
        ++g.group_names_;
        for (const auto& n : Names(grp)) g.groups_.emplace(NormalizeKey(n), gname);
        for (const auto& m : grp["members"]) {
          add_person(m, PersonKind::kIdol, gname);
          if (!st.ok()) return st;
        }
      }
      for (const auto& [section, kind] :
           {std::pair{"soloists", PersonKind::kIdol}, std::pair{"actors", PersonKind::kActor},
            std::pair{"singers", PersonKind::kSinger}}) {
        for (const auto& n : doc[section]) {
          add_person(n, kind, "");
          if (!st.ok()) return st;
        }
      }
      for (const auto& n : doc["networks"]) {
        st = CheckEntry(file, n, "name", {"name", "native", "aliases"});
        if (!st.ok()) return st;
        GazetteerNetwork net{Str(n, "name"), Str(n, "native")};
        const size_t idx = g.networks_.size();
        g.networks_.push_back(net);
        Index(g.network_exact_, g.network_norm_, Names(n), idx);
      }
      for (const auto& n : doc["organisations"]) {
        st = CheckEntry(file, n, "name", {"name", "native", "aliases", "kind"});
        if (!st.ok()) return st;
        GazetteerOrganisation org{Str(n, "name"), Str(n, "native"), Str(n, "kind")};
        const size_t idx = g.organisations_.size();
        g.organisations_.push_back(org);
        Index(g.org_exact_, g.org_norm_, Names(n), idx);
      }
      for (const auto& n : doc["works"]) {
        st = CheckEntry(file, n, "title", {"title", "native", "kind", "network", "year", "aliases"});
        if (!st.ok()) return st;
        GazetteerWork w;
        w.title = Str(n, "title");
        w.native = Str(n, "native");
        w.kind = n["kind"] ? Str(n, "kind") : "drama";
        w.network = Str(n, "network");
        w.year = n["year"] ? n["year"].as<int>() : 0;
        w.id = NormalizeKey(w.title);
        const size_t idx = g.works_.size();
        g.works_.push_back(w);
        Index(g.work_exact_, g.work_norm_, Names(n), idx);
      }
    } catch (const YAML::Exception& e) {
      return ParseError(file + ": YAML: " + e.what());
    }
  }
  return g;
}

const GazetteerPerson* Gazetteer::FindPerson(std::string_view name) const {
  auto i = Lookup(person_exact_, person_norm_, name);
  return i ? &people_[*i] : nullptr;
}

std::optional<std::string> Gazetteer::FindGroup(std::string_view name) const {
  auto it = groups_.find(NormalizeKey(name));
  if (it == groups_.end()) return std::nullopt;
  return it->second;
}

const GazetteerWork* Gazetteer::FindWork(std::string_view title) const {
  auto i = Lookup(work_exact_, work_norm_, title);
  return i ? &works_[*i] : nullptr;
}

const GazetteerNetwork* Gazetteer::FindNetwork(std::string_view name) const {
  auto i = Lookup(network_exact_, network_norm_, name);
  return i ? &networks_[*i] : nullptr;
}

const GazetteerOrganisation* Gazetteer::FindOrganisation(std::string_view name) const {
  auto i = Lookup(org_exact_, org_norm_, name);
  return i ? &organisations_[*i] : nullptr;
}

const GazetteerPerson* Gazetteer::FindPersonInGroup(std::string_view name,
                                                    std::string_view group) const {
  if (!group.empty()) {
    auto it = member_by_group_.find(NormalizeKey(name) + "|" + NormalizeKey(group));
    if (it != member_by_group_.end()) return &people_[it->second];
  }
  return FindPerson(name);
}

}  // namespace hallyu
