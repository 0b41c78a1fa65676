#include "extractors/detect/gazetteer.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <thread>

#include "extractors/base/yaml_subset.h"
#include "extractors/text/text.h"

namespace hallyu {
namespace {

using yaml_subset::Node;

// "file:line" of a node (lines start at 1); just the file when the line is unknown.
std::string Where(const std::string& file, const Node& n) {
  return n.line <= 0 ? file : file + ":" + std::to_string(n.line);
}

// The text of field `k` of entry `n`, "" when absent. REQUIRES: CheckEntry passed (scalars).
std::string Str(const Node& n, const char* k) {
  const Node* v = n.Find(k);
  return v != nullptr ? v->text : std::string();
}

// name/title, native and every alias of a checked entry, in that order.
std::vector<std::string> Names(const Node& n) {
  std::vector<std::string> out;
  for (const char* k : {"name", "title", "native"}) {
    if (const Node* v = n.Find(k)) out.push_back(v->text);
  }
  if (const Node* a = n.Find("aliases")) {
    for (const Node& item : a->items) out.push_back(item.text);
  }
  return out;
}

// (key, value) pairs waiting to become a map, in the order they were read.
template <typename V>
using Pending = std::vector<std::pair<std::string, V>>;

// Adds every non-empty name (exact) and its normalised key to the pending indexes.
void Index(Pending<size_t>& exact, Pending<size_t>& norm, const std::vector<std::string>& names,
           size_t idx) {
  for (const auto& n : names) {
    if (n.empty()) continue;
    exact.emplace_back(n, idx);
    norm.emplace_back(NormalizeKey(n), idx);
  }
}

// Adds the per-file runs to `out` in file order, keeping the first value of a key (the first
// definition of a name wins); `fix(file, value)` turns a file-local value into a global one.
template <typename V, typename Fix>
void MergeRuns(const std::vector<Pending<V>*>& runs, NameIndex<V>& out, Fix fix) {
  for (size_t f = 0; f < runs.size(); ++f) {
    for (auto& [key, value] : *runs[f]) {
      fix(f, value);
      out.try_emplace(std::move(key), std::move(value));
    }
  }
}

// FNV-1a over the bytes, its bits mixed once more (for the Bloom filter over key names).
uint64_t BloomHash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

// Fails ("file:line: reason") when `n` is not a map, lacks a non-empty scalar `required`, has a
// key outside `allowed`, a non-list aliases/members, a list item of aliases that is not text,
// another field that is not a scalar, `acts` other than true/false or `year` not an integer.
Status CheckEntry(const std::string& file, const Node& n, const char* required,
                  std::initializer_list<std::string_view> allowed) {
  if (!n.IsMap()) return ParseError(Where(file, n) + ": entry must be a map");
  const Node* req = n.Find(required);
  if (req == nullptr || !req->IsScalar() || req->text.empty()) {
    return ParseError(Where(file, n) + ": entry has no " + required);
  }
  for (const auto& [k, v] : n.entries) {
    if (k.IsSequence() || k.IsMap())
      return ParseError(Where(file, k) + ": a field name must be text");
    const std::string_view key = k.KeyText();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return ParseError(Where(file, k) + ": unknown field '" + std::string(key) + "'");
    }
    if (key == "aliases" || key == "members") {
      if (!v.IsSequence()) {
        return ParseError(Where(file, v) + ": " + std::string(key) + " must be a list");
      }
      if (key == "aliases") {
        for (const Node& a : v.items) {
          if (!a.IsScalar()) return ParseError(Where(file, a) + ": an alias must be text");
        }
      }
    } else if (!v.IsScalar()) {
      return ParseError(Where(file, v) + ": " + std::string(key) + " must be a scalar");
    }
  }
  return Status::Ok();
}

// `acts:` true or false (YAML 1.2 spellings); an error naming the line otherwise.
Result<bool> ActsFlag(const std::string& file, const Node& n) {
  const Node* v = n.Find("acts");
  if (v == nullptr) return false;
  const std::string& t = v->text;
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return ParseError(Where(file, *v) + ": acts must be true or false");
}

// `year:` a decimal integer (optional sign) that fits an int; 0 when absent.
Result<int> YearField(const std::string& file, const Node& n) {
  const Node* v = n.Find("year");
  if (v == nullptr) return 0;
  std::string_view t = v->text;
  bool negative = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    negative = t[0] == '-';
    t.remove_prefix(1);
  }
  long long value = 0;
  bool ok = !t.empty() && t.size() <= 10;
  for (char c : t) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    value = value * 10 + (c - '0');
  }
  if (negative) value = -value;
  if (!ok || value > INT32_MAX || value < INT32_MIN) {
    return ParseError(Where(file, *v) + ": year must be an integer");
  }
  return static_cast<int>(value);
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

// One file's entries, indexed with file-local positions; merged in file order afterwards.
struct FileIndex {
  Status status = Status::Ok();
  std::vector<GazetteerPerson> people;
  std::vector<GazetteerWork> works;
  std::vector<GazetteerNetwork> networks;
  std::vector<GazetteerOrganisation> organisations;
  size_t group_names = 0;
  Pending<std::string> groups;
  std::vector<std::string> group_first_words;  // of the group names of several words
  Pending<size_t> member_by_group;
  Pending<size_t> person_exact, person_norm, work_exact, work_norm;
  Pending<size_t> network_exact, network_norm, org_exact, org_norm;
  Pending<size_t> person_variant;  // other romanisations of full names (RomanisedVariants)
};

// Spellings of one romanised syllable that outlets use for the same Hangul: "a"/"ah"
// (민아 Min-a, Min Ah), "u"/"oo" (유 Yu, Yoo), "i"/"ee" (지 Ji, Jee), "eong"/"ung"
// (정 Jeong, Jung), "hyeon"/"hyun", "cheol"/"chul", "seok"/"suk", "hyeok"/"hyuk".
std::vector<std::string> SyllableSpellings(const std::string& t) {
  std::vector<std::string> out{t};
  auto add = [&](std::string v) {
    if (v != t && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  };
  static const std::pair<std::string_view, std::string_view> kSwap[] = {
      {"hyeon", "hyun"},  {"cheol", "chul"}, {"seok", "suk"}, {"hyeok", "hyuk"},
      {"yeong", "young"}, {"deok", "duk"},   {"eong", "ung"}};
  for (const auto& [x, y] : kSwap) {
    for (const auto& [from, to] : {std::pair{x, y}, std::pair{y, x}}) {
      if (const size_t at = t.find(from); at != std::string::npos) {
        std::string v = t;
        v.replace(at, from.size(), to);
        add(v);
      }
    }
  }
  if (t.size() >= 2 && t.ends_with("ah")) add(t.substr(0, t.size() - 1));
  if (!t.ends_with("ah") && t.ends_with('a')) add(t + "h");
  if (const size_t at = t.find("oo"); at != std::string::npos) {
    add(std::string(t).replace(at, 2, "u"));
  } else if (const size_t u = t.find('u'); u != std::string::npos && u > 0 && t[u - 1] != 'e' &&
                                           t[u - 1] != 'o' && t.find("eu") == std::string::npos) {
    add(std::string(t).replace(u, 1, "oo"));
  }
  if (const size_t at = t.find("ee"); at != std::string::npos) {
    add(std::string(t).replace(at, 2, "i"));
  } else if (t.size() >= 2 && t.ends_with('i') && t[t.size() - 2] != 'a' &&
             t[t.size() - 2] != 'u') {
    add(t.substr(0, t.size() - 1) + "ee");
  }
  return out;
}

// Normalised keys of the other common romanisations of a full name written in Latin letters
// with two to four space- or hyphen-separated syllables ("Shin Min-a" -> "shinminah"), and
// the given name first ("Baek Ye-rin" -> "yerinbaek"); at most 17. Empty for one-word names,
// Hangul and anything else.
std::vector<std::string> RomanisedVariants(std::string_view name) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == '-') {
      if (!cur.empty()) tokens.push_back(std::move(cur));
      cur.clear();
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      cur += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    } else {
      return {};
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  if (tokens.size() < 2 || tokens.size() > 4) return {};
  std::vector<std::string> keys{""};
  for (const auto& t : tokens) {
    std::vector<std::string> next;
    for (const auto& k : keys) {
      for (const auto& v : SyllableSpellings(t)) {
        if (next.size() < 17) next.push_back(k + v);
      }
    }
    keys = std::move(next);
  }
  keys.erase(keys.begin());  // the spelling itself
  // the given name first, as English-language outlets often write it ("Yerin Baek")
  std::string reversed;
  for (size_t i = 1; i < tokens.size(); ++i) reversed += tokens[i];
  keys.push_back(reversed + tokens[0]);
  return keys;
}

constexpr std::string_view kSections[] = {"groups",   "soloists", "actors",       "singers",
                                          "networks", "works",    "organisations"};

// The entries of section `name` (none when the file has no such section or it is empty).
const std::vector<Node>& Section(const Node& doc, const char* name) {
  static const std::vector<Node> kNone;
  const Node* s = doc.Find(name);
  return s != nullptr ? s->items : kNone;
}

// Checks and indexes one parsed file into `out`; the first error ("file:line: reason") stops.
Status IndexFile(const std::string& file, const Node& doc, FileIndex* out) {
  if (doc.IsNull()) return Status::Ok();
  if (!doc.IsMap()) return ParseError(file + ": top level must be a map");
  for (const auto& [k, v] : doc.entries) {
    if (k.IsSequence() || k.IsMap()) {
      return ParseError(Where(file, k) + ": a section name must be text");
    }
    const std::string_view key = k.KeyText();
    if (std::find(std::begin(kSections), std::end(kSections), key) == std::end(kSections)) {
      return ParseError(Where(file, k) + ": unknown section '" + std::string(key) + "'");
    }
    if (!v.IsSequence() && !v.IsNull()) {
      return ParseError(Where(file, v) + ": section " + std::string(key) + " must be a list");
    }
  }
  auto add_person = [&](const Node& n, PersonKind kind, const std::string& group) -> Status {
    HALLYU_RETURN_IF_ERROR(
        CheckEntry(file, n, "name", {"name", "native", "aliases", "acts", "group"}));
    Result<bool> acts = ActsFlag(file, n);
    if (!acts.ok()) return acts.status();
    GazetteerPerson p;
    p.name = Str(n, "name");
    p.native = Str(n, "native");
    p.group = group.empty() ? Str(n, "group") : group;
    p.kind = kind;
    p.also_actor = *acts;
    p.id = NormalizeKey(p.name);
    const size_t idx = out->people.size();
    const std::string group_key = p.group.empty() ? "" : "|" + NormalizeKey(p.group);
    for (std::string& name : Names(n)) {
      std::string norm = NormalizeKey(name);
      if (!p.group.empty()) out->member_by_group.emplace_back(norm + group_key, idx);
      if (name.empty()) continue;
      for (std::string& v : RomanisedVariants(name))
        out->person_variant.emplace_back(std::move(v), idx);
      out->person_exact.emplace_back(std::move(name), idx);
      out->person_norm.emplace_back(std::move(norm), idx);
    }
    out->people.push_back(std::move(p));
    return Status::Ok();
  };
  for (const Node& grp : Section(doc, "groups")) {
    HALLYU_RETURN_IF_ERROR(
        CheckEntry(file, grp, "name", {"name", "native", "aliases", "members", "kind"}));
    const std::string gname = Str(grp, "name");
    ++out->group_names;
    for (const auto& n : Names(grp)) {
      out->groups.emplace_back(NormalizeKey(n), gname);
      if (const size_t sp = n.find(' '); sp != std::string::npos && sp > 0) {
        out->group_first_words.push_back(NormalizeKey(std::string_view(n).substr(0, sp)));
      }
    }
    if (const Node* members = grp.Find("members")) {
      for (const Node& m : members->items)
        HALLYU_RETURN_IF_ERROR(add_person(m, PersonKind::kIdol, gname));
    }
  }
  for (const auto& [name, kind] :
       {std::pair{"soloists", PersonKind::kIdol}, std::pair{"actors", PersonKind::kActor},
        std::pair{"singers", PersonKind::kSinger}}) {
    for (const Node& n : Section(doc, name)) HALLYU_RETURN_IF_ERROR(add_person(n, kind, ""));
  }
  for (const Node& n : Section(doc, "networks")) {
    HALLYU_RETURN_IF_ERROR(CheckEntry(file, n, "name", {"name", "native", "aliases"}));
    Index(out->network_exact, out->network_norm, Names(n), out->networks.size());
    out->networks.push_back(GazetteerNetwork{Str(n, "name"), Str(n, "native")});
  }
  for (const Node& n : Section(doc, "organisations")) {
    HALLYU_RETURN_IF_ERROR(CheckEntry(file, n, "name", {"name", "native", "aliases", "kind"}));
    Index(out->org_exact, out->org_norm, Names(n), out->organisations.size());
    out->organisations.push_back(
        GazetteerOrganisation{Str(n, "name"), Str(n, "native"), Str(n, "kind")});
  }
  for (const Node& n : Section(doc, "works")) {
    HALLYU_RETURN_IF_ERROR(
        CheckEntry(file, n, "title", {"title", "native", "kind", "network", "year", "aliases"}));
    Result<int> year = YearField(file, n);
    if (!year.ok()) return year.status();
    GazetteerWork w;
    w.title = Str(n, "title");
    w.native = Str(n, "native");
    w.kind = n.Find("kind") != nullptr ? Str(n, "kind") : "drama";
    w.network = Str(n, "network");
    w.year = *year;
    w.id = NormalizeKey(w.title);
    Index(out->work_exact, out->work_norm, Names(n), out->works.size());
    out->works.push_back(std::move(w));
  }
  return Status::Ok();
}

// Runs task(i) for every i < n on up to 4 threads (this one included).
template <typename Task>
void RunParallel(size_t n, Task task) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) task(i);
  };
  const size_t n_threads =
      std::min<size_t>({4, n, std::max(1u, std::thread::hardware_concurrency())});
  std::vector<std::thread> pool;
  for (size_t i = 1; i < n_threads; ++i) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
}

// True when `s` is exactly one precomposed Hangul syllable (U+AC00..U+D7A3) in UTF-8.
bool IsHangulSyllable(std::string_view s) {
  if (s.size() != 3) return false;
  const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i])); };
  if ((b(0) & 0xF0) != 0xE0 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return false;
  const uint32_t cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

}  // namespace

Result<Gazetteer> Gazetteer::LoadFromStrings(
    const std::vector<std::pair<std::string, std::string>>& files) {
  // Each file is read into a light tree (the YAML-subset reader, yaml-cpp for anything outside
  // the subset), checked and indexed on its own, on up to 4 threads; the per-file results are
  // then merged in file order so the first definition of a name still wins.
  std::vector<FileIndex> parts(files.size());
  RunParallel(files.size(), [&](size_t i) {
    Result<Node> doc = yaml_subset::ParseDocument(files[i].second, files[i].first);
    parts[i].status = doc.ok() ? IndexFile(files[i].first, *doc, &parts[i]) : doc.status();
  });
  Gazetteer g;
  std::vector<size_t> person_base, work_base, network_base, org_base;
  for (FileIndex& part : parts) {
    if (!part.status.ok()) return part.status;
    person_base.push_back(g.people_.size());
    work_base.push_back(g.works_.size());
    network_base.push_back(g.networks_.size());
    org_base.push_back(g.organisations_.size());
    g.group_names_ += part.group_names;
    std::move(part.people.begin(), part.people.end(), std::back_inserter(g.people_));
    std::move(part.works.begin(), part.works.end(), std::back_inserter(g.works_));
    std::move(part.networks.begin(), part.networks.end(), std::back_inserter(g.networks_));
    std::move(part.organisations.begin(), part.organisations.end(),
              std::back_inserter(g.organisations_));
  }
  auto runs = [&](auto member) {
    std::vector<std::remove_reference_t<decltype(parts[0].*member)>*> out;
    for (FileIndex& part : parts) out.push_back(&(part.*member));
    return out;
  };
  auto plus = [](const std::vector<size_t>& base) {
    return [&base](size_t file, size_t& v) { v += base[file]; };
  };
  const std::function<void()> merges[] = {
      [&] { MergeRuns(runs(&FileIndex::groups), g.groups_, [](size_t, std::string&) {}); },
      [&] { MergeRuns(runs(&FileIndex::member_by_group), g.member_by_group_, plus(person_base)); },
      [&] { MergeRuns(runs(&FileIndex::person_exact), g.person_exact_, plus(person_base)); },
      [&] { MergeRuns(runs(&FileIndex::person_norm), g.person_norm_, plus(person_base)); },
      [&] { MergeRuns(runs(&FileIndex::work_exact), g.work_exact_, plus(work_base)); },
      [&] { MergeRuns(runs(&FileIndex::work_norm), g.work_norm_, plus(work_base)); },
      [&] { MergeRuns(runs(&FileIndex::network_exact), g.network_exact_, plus(network_base)); },
      [&] { MergeRuns(runs(&FileIndex::network_norm), g.network_norm_, plus(network_base)); },
      [&] { MergeRuns(runs(&FileIndex::org_exact), g.org_exact_, plus(org_base)); },
      [&] { MergeRuns(runs(&FileIndex::org_norm), g.org_norm_, plus(org_base)); },
  };
  RunParallel(std::size(merges), [&](size_t i) { merges[i](); });
  for (const FileIndex& part : parts) {
    for (const std::string& w : part.group_first_words) {
      if (!w.empty()) g.group_first_words_.insert(w);
    }
  }
  // A name that is the own name of a person outside any group ("현빈", "공유", "보아") is
  // theirs even when a group member of the same stage name was read first: news names a
  // member with the group ("JBJ 현빈", found through member_by_group_), and the bare name is
  // the actor or soloist. Among solo people the first definition still wins.
  for (size_t i = 0; i < g.people_.size(); ++i) {
    const GazetteerPerson& p = g.people_[i];
    if (!p.group.empty()) continue;
    for (const std::string* n : {&p.name, &p.native}) {
      if (n->empty()) continue;
      if (auto it = g.person_exact_.find(*n);
          it != g.person_exact_.end() && it->second != i && !g.people_[it->second].group.empty()) {
        it->second = i;
      }
      if (auto it = g.person_norm_.find(NormalizeKey(*n));
          it != g.person_norm_.end() && it->second != i && !g.people_[it->second].group.empty()) {
        it->second = i;
      }
    }
  }
  // Other romanisations only where no written name or alias already owns the key.
  MergeRuns(runs(&FileIndex::person_variant), g.person_norm_, plus(person_base));
  // Every normalised key of every kind, so a finder can rule a word window out with one
  // hash look-up before asking each index.
  for (const auto* m : {&g.person_norm_, &g.work_norm_, &g.network_norm_, &g.org_norm_}) {
    for (const auto& kv : *m) g.any_key_.insert(kv.first);
  }
  for (const auto& kv : g.groups_) g.any_key_.insert(kv.first);
  g.key_bloom_.Reset(g.any_key_.size());
  for (const std::string& k : g.any_key_) g.key_bloom_.Add(k);
  {
    const auto exact = {&g.person_exact_, &g.work_exact_, &g.network_exact_, &g.org_exact_};
    size_t keys = 0;
    for (const auto* m : exact) keys += m->size();
    g.exact_bloom_.Reset(keys);
    for (const auto* m : exact) {
      for (const auto& kv : *m) g.exact_bloom_.Add(kv.first);
    }
  }
  // The syllables of known given names, so a finder can tell "윤송아가" (a name) from
  // "사로잡을" (a verb) without a list of every word that is not a name.
  for (const GazetteerPerson& p : g.people_) {
    const std::string& n = p.native;
    if (n.size() != 9) continue;
    if (!IsHangulSyllable(n.substr(0, 3)) || !IsHangulSyllable(n.substr(3, 3)) ||
        !IsHangulSyllable(n.substr(6, 3))) {
      continue;
    }
    ++g.hangul_names_;
    g.given_middle_.insert(n.substr(3, 3));
    g.given_final_.insert(n.substr(6, 3));
  }
  return g;
}

bool Gazetteer::MayStartGroupOfWords(std::string_view word) const {
  if (group_first_words_.empty()) return false;
  thread_local std::string key;
  NormalizeKeyTo(word, &key);
  return !key.empty() && group_first_words_.count(key) > 0;
}

bool Gazetteer::IsGivenNameSyllable(std::string_view syllable, bool final) const {
  if (!IsHangulSyllable(syllable)) return false;
  if (hangul_names_ < 300) return true;
  const auto& set = final ? given_final_ : given_middle_;
  return set.count(std::string(syllable)) > 0;
}

void Gazetteer::Bloom::Reset(size_t keys) {
  uint64_t n = 1024;
  while (n < 16 * static_cast<uint64_t>(keys)) n *= 2;
  bits.assign(n / 64, 0);
  mask = n - 1;
}

void Gazetteer::Bloom::Add(std::string_view key) {
  const uint64_t h = BloomHash(key);
  for (const uint64_t b : {h & mask, (h >> 32) & mask}) bits[b >> 6] |= uint64_t{1} << (b & 63);
}

bool Gazetteer::Bloom::MayHave(std::string_view key) const {
  if (bits.empty()) return true;
  const uint64_t h = BloomHash(key);
  for (const uint64_t b : {h & mask, (h >> 32) & mask}) {
    if ((bits[b >> 6] & (uint64_t{1} << (b & 63))) == 0) return false;
  }
  return true;
}

// The index of `name`: exact spelling first, then its normalised key; nullopt when unknown.
// (The normalised indexes' keys are all in any_key_, so key_bloom_ rules keys out for them.)
template <typename Map>
std::optional<size_t> Gazetteer::Lookup(const Map& exact, const Map& norm,
                                        std::string_view name) const {
  if (exact_bloom_.MayHave(name)) {
    if (auto it = exact.find(name); it != exact.end()) return it->second;
  }
  thread_local std::string key;
  NormalizeKeyTo(name, &key);
  if (key.empty() || !key_bloom_.MayHave(key)) return std::nullopt;
  if (auto it = norm.find(key); it != norm.end()) return it->second;
  return std::nullopt;
}

bool Gazetteer::MayName(const std::string& normalized_key) const {
  if (!key_bloom_.MayHave(normalized_key)) return false;
  return any_key_.count(normalized_key) > 0;
}

const GazetteerPerson* Gazetteer::FindPerson(std::string_view name) const {
  auto i = Lookup(person_exact_, person_norm_, name);
  return i ? &people_[*i] : nullptr;
}

std::optional<std::string> Gazetteer::FindGroup(std::string_view name) const {
  // (the group keys are in any_key_, so key_bloom_ rules most words out without a look-up)
  thread_local std::string key;
  NormalizeKeyTo(name, &key);
  if (key.empty() || !key_bloom_.MayHave(key)) return std::nullopt;
  auto it = groups_.find(key);
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
