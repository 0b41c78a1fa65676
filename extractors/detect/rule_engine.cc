#include "extractors/detect/rule_engine.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace hallyu {

std::string_view RuleTypeName(RuleType t) {
  switch (t) {
    case RuleType::kCasting:
      return "casting";
    case RuleType::kOst:
      return "ost";
    case RuleType::kNegative:
      return "negative";
    case RuleType::kFrame:
      return "frame";
    case RuleType::kRelease:
      return "release";
    case RuleType::kCollab:
      return "collab";
  }
  return "?";
}

struct RuleSet::Lang {
  std::unique_ptr<RE2::Set> set;
  std::vector<size_t> set_to_rule;  // Set index -> rules_ index
  // Rules with a counted repetition ("[^.]{0,40}?") are matched alone, not in `set`: in one
  // automaton with the others each span multiplies the states that every new sentence
  // builds (most of a fresh process's detection time went there). They are asked only when
  // the literals their pattern needs (`gate`, re2::FilteredRE2) occur in the sentence.
  std::vector<size_t> solo;  // gate regexp index -> rules_ index (load order)
  std::unique_ptr<re2::FilteredRE2> gate;
  std::unique_ptr<RE2::Set> atoms;  // the gate's literals, case-insensitive; null: none
  // Only the casting and OST rules that announce on their own (HasAnnouncingCue): a much
  // smaller automaton than `set`, asked of most sentences before anything else.
  std::unique_ptr<RE2::Set> cue_set;
  bool cue_set_empty = true;
  // Trigger keywords (ASCII lower-cased), indexed by a hash of their first four bytes so
  // the whole-text scan costs one bitmap probe per byte.
  std::vector<uint64_t> key_bits = std::vector<uint64_t>(65536 / 64, 0);
  std::vector<std::vector<std::string>> by_key = std::vector<std::vector<std::string>>(65536);
  std::vector<std::string> short_triggers;  // one- or two-byte triggers (rare)
  // The (lower-cased) first two bytes of every trigger, and the first byte of the one-byte
  // ones: a text position passes on to the checks above only when its bytes start some
  // trigger (most positions of most texts do not).
  std::vector<uint64_t> pair_bits = std::vector<uint64_t>(65536 / 64, 0);
  std::array<bool, 256> single = {};
  std::array<bool, 256> first = {};  // by raw byte: it starts some trigger (case folded)
  bool match_all = false;            // no triggers: every text passes
  // Title marks, and by first byte the marks starting with it.
  std::vector<std::string> title_marks;
  std::array<std::vector<std::string>, 256> marks_by_first;
};

namespace {

inline unsigned char LowerByte(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
}

// Hash of four bytes, ASCII letters folded to lower case (other bytes get
// bit 5 set too: a mere hash collision, settled by the exact comparison).
inline uint16_t Key4(const unsigned char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return static_cast<uint16_t>(((v | 0x20202020u) * 0x9E3779B1u) >> 16);
}

}  // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

namespace {

bool ValidStatus(RuleType t, const std::string& s) {
  static const std::set<std::string> kCasting = {"rumored", "in_talks", "reviewing", "confirmed",
                                                 "denied"};
  static const std::set<std::string> kOst = {"announced", "released"};
  switch (t) {
    case RuleType::kCasting:
      return kCasting.count(s) > 0;
    case RuleType::kOst:
    case RuleType::kRelease:
    case RuleType::kCollab:
      return kOst.count(s) > 0;
    case RuleType::kNegative:
      // (project_<kind>: the lexicon of phrases naming one untitled project, project.*.yaml;
      // like "work" it marks a mention rather than vetoing a sentence)
      return s == "casting" || s == "ost" || s == "all" || s == "work" || s == "release" ||
             s == "collab" || s == "project_drama" || s == "project_film" ||
             s == "project_series" || s == "project_other";
    case RuleType::kFrame:
      return s == "agency" || s == "report" || s == "rumor" || s == "past";
  }
  return false;
}

Result<RuleType> ParseType(const std::string& s) {
  if (s == "casting") return RuleType::kCasting;
  if (s == "ost") return RuleType::kOst;
  if (s == "negative") return RuleType::kNegative;
  if (s == "frame") return RuleType::kFrame;
  if (s == "release") return RuleType::kRelease;
  if (s == "collab") return RuleType::kCollab;
  return ParseError("unknown rule type '" + s + "' (casting|ost|negative|frame|release|collab)");
}

// Expands {NAME} macros (non-recursive beyond 4 rounds) into (?:...).
Result<std::string> ExpandMacros(const std::string& pattern,
                                 const std::map<std::string, std::string>& macros) {
  std::string cur = pattern;
  for (int round = 0; round < 4; ++round) {
    std::string out;
    bool changed = false;
    for (size_t i = 0; i < cur.size();) {
      const bool unicode_class = i >= 2 && cur[i - 2] == '\\' &&
                                 (cur[i - 1] == 'p' || cur[i - 1] == 'P' || cur[i - 1] == 'x');
      if (cur[i] == '{' && !unicode_class && i + 1 < cur.size() &&
          std::isupper(static_cast<unsigned char>(cur[i + 1]))) {
        const size_t close = cur.find('}', i);
        if (close != std::string::npos) {
          const std::string name = cur.substr(i + 1, close - i - 1);
          auto it = macros.find(name);
          if (it != macros.end()) {
            out += "(?:" + it->second + ")";
            i = close + 1;
            changed = true;
            continue;
          }
          if (std::all_of(name.begin(), name.end(), [](char c) {
                return std::isupper(static_cast<unsigned char>(c)) || c == '_';
              })) {
            return ParseError("unknown macro {" + name + "}");
          }
        }
      }
      out += cur[i++];
    }
    cur = std::move(out);
    if (!changed) return cur;
  }
  return ParseError("macros nest too deeply");
}

// Within one sentence the more hedged casting status wins: "in talks to star"
// holds a "to star" cue, "offered to lead" a "to lead" one. Across sentences
// the detector settles statuses by its own precedence (detector.h).
// True when `pattern` holds a counted repetition ("{0,30}", "{2}", "{1,}"), not an escaped
// brace: such a rule is matched alone (RuleSet::Lang::solo).
bool HasCountedRepetition(const std::string& pattern) {
  static const RE2 kCounted("(?:^|[^\\\\])(?:\\\\\\\\)*\\{[0-9]+(?:,[0-9]*)?\\}");
  return RE2::PartialMatch(pattern, kCounted);
}

// A casting or OST cue that announces on its own (HasAnnouncingCue).
bool Announcing(const Rule& r) {
  return (r.type == RuleType::kCasting || r.type == RuleType::kOst) && !r.modifier && !r.story_only;
}

int DefaultPriority(const std::string& status) {
  static const std::map<std::string, int> kRank = {
      {"confirmed", 20}, {"rumored", 30},   {"in_talks", 40}, {"reviewing", 50},
      {"denied", 60},    {"announced", 10}, {"released", 20}};
  auto it = kRank.find(status);
  return it == kRank.end() ? 0 : it->second;
}

}  // namespace

Result<RuleSet> RuleSet::LoadDir(const std::string& dir, const RuleSetOptions& opts) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return NotFound("rules dir not found: " + dir);
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") {
      paths.push_back(e.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return IoError("cannot read " + p);
    std::stringstream ss;
    ss << in.rdbuf();
    files.emplace_back(p, ss.str());
  }
  return LoadFromStrings(files, opts);
}

Result<RuleSet> RuleSet::LoadFromStrings(
    const std::vector<std::pair<std::string, std::string>>& files, const RuleSetOptions& opts) {
  RuleSet rs;
  std::set<std::string> ids;
  std::map<std::string, std::map<std::string, std::string>> macros;  // lang -> name -> pattern
  std::map<std::string, std::vector<std::string>> triggers;          // lang -> keywords
  std::map<std::string, std::vector<std::string>> marks;             // lang -> title marks
  std::vector<YAML::Node> docs;
  // Pass 1: parse, collect macros and triggers.
  for (const auto& [file, content] : files) {
    YAML::Node doc;
    try {
      doc = YAML::Load(content);
    } catch (const YAML::Exception& e) {
      return ParseError(file + ": YAML: " + e.what());
    }
    if (!doc.IsMap()) return ParseError(file + ": top level must be a map");
    const std::string lang = doc["lang"] ? doc["lang"].as<std::string>("") : "";
    if (lang != "en" && lang != "ko") return ParseError(file + ": lang must be en or ko");
    if (doc["macros"]) {
      if (!doc["macros"].IsMap()) return ParseError(file + ": macros must be a map");
      for (const auto& kv : doc["macros"]) {
        macros[lang][kv.first.as<std::string>()] = kv.second.as<std::string>();
      }
    }
    if (doc["triggers"]) {
      if (!doc["triggers"].IsSequence()) return ParseError(file + ": triggers must be a list");
      for (const auto& t : doc["triggers"]) triggers[lang].push_back(t.as<std::string>());
    }
    if (doc["title_marks"]) {
      if (!doc["title_marks"].IsSequence()) {
        return ParseError(file + ": title_marks must be a list");
      }
      for (const auto& t : doc["title_marks"]) {
        const std::string m = t.as<std::string>("");
        if (!m.empty()) marks[lang].push_back(m);
      }
    }
    docs.push_back(doc);
  }
  // Pass 2: rules.
  std::vector<std::unique_ptr<RE2>> res;
  for (size_t f = 0; f < files.size(); ++f) {
    const std::string& file = files[f].first;
    const YAML::Node& doc = docs[f];
    const std::string lang = doc["lang"].as<std::string>();
    RuleType file_type = RuleType::kCasting;
    if (doc["type"]) {
      auto t = ParseType(doc["type"].as<std::string>(""));
      if (!t.ok()) return t.status().WithContext(file);
      file_type = *t;
    }
    if (!doc["rules"]) continue;
    if (!doc["rules"].IsSequence()) return ParseError(file + ": rules must be a list");
    for (const auto& r : doc["rules"]) {
      auto rule = std::make_unique<Rule>();
      rule->file = file;
      rule->lang = lang;
      rule->type = file_type;
      try {
        rule->id = r["id"] ? r["id"].as<std::string>() : "";
        if (rule->id.empty()) return ParseError(file + ": a rule has no id");
        const std::string where = file + ": rule " + rule->id;
        if (!ids.insert(rule->id).second) return ParseError(where + ": duplicate rule id");
        if (r["type"]) {
          auto t = ParseType(r["type"].as<std::string>());
          if (!t.ok()) return t.status().WithContext(where);
          rule->type = *t;
        }
        rule->status = r["status"] ? r["status"].as<std::string>() : "";
        if (!ValidStatus(rule->type, rule->status)) {
          return ParseError(where + ": status '" + rule->status + "' is not valid for type " +
                            std::string(RuleTypeName(rule->type)));
        }
        if (r["confidence"]) rule->confidence = r["confidence"].as<double>();
        if (r["modifier"]) rule->modifier = r["modifier"].as<bool>();
        if (r["story_only"]) rule->story_only = r["story_only"].as<bool>();
        rule->priority = DefaultPriority(rule->status);
        if (r["priority"]) rule->priority = r["priority"].as<int>();
        const std::string raw = r["pattern"] ? r["pattern"].as<std::string>() : "";
        if (raw.empty()) return ParseError(where + ": empty pattern");
        auto expanded = ExpandMacros(raw, macros[lang]);
        if (!expanded.ok()) return expanded.status().WithContext(where);
        rule->pattern = *expanded;
        if (r["examples"]) {
          for (const auto& ex : r["examples"]) {
            RuleExample e;
            if (ex.IsScalar()) {
              e.text = ex.as<std::string>();
            } else if (ex.IsMap()) {
              for (const auto& kv : ex) {
                const std::string k = kv.first.as<std::string>();
                if (k == "text") {
                  e.text = kv.second.as<std::string>();
                } else {
                  e.groups[k] = kv.second.as<std::string>();
                }
              }
            }
            rule->examples.push_back(std::move(e));
          }
        }
        if (r["counterexamples"]) {
          for (const auto& ex : r["counterexamples"]) {
            rule->counterexamples.push_back(ex.as<std::string>());
          }
        }
      } catch (const YAML::Exception& e) {
        return ParseError(file + ": rule " + rule->id + ": " + e.what());
      }
      rule->index = rs.rules_.size();
      rs.rules_.push_back(std::move(rule));
    }
  }
  // Compilation: one RE2 per rule (capturing) and one RE2::Set per language (the
  // prefilter). They are independent, so they are built on up to 4 threads: most
  // of a crawl's start-up is here.
  for (size_t i = 0; i < rs.rules_.size(); ++i) {
    auto& lang = rs.langs_[rs.rules_[i]->lang];
    if (!lang) lang = std::make_unique<Lang>();
    (HasCountedRepetition(rs.rules_[i]->pattern) ? lang->solo : lang->set_to_rule).push_back(i);
  }
  std::vector<std::pair<std::string, Lang*>> lang_list;
  for (auto& [name, lang] : rs.langs_) lang_list.emplace_back(name, lang.get());
  res.resize(rs.rules_.size());
  std::vector<std::string> set_errors(lang_list.size());
  std::vector<std::string> cue_errors(lang_list.size());  // the cue Sets', filled apart
  // One RE2::Set of the rules of language `l` that `keep` admits into `*set`; `*error` on
  // failure. Builds both a language's full Set and its announcing-cue Set (HasAnnouncingCue).
  auto build_into = [&](size_t l, std::unique_ptr<RE2::Set>* set, bool* empty, std::string* error,
                        auto keep) {
    const Lang& lang = *lang_list[l].second;
    RE2::Options o;
    o.set_max_mem(opts.max_mem_per_set);
    o.set_log_errors(false);
    *set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (size_t i : lang.set_to_rule) {
      const Rule& r = *rs.rules_[i];
      if (!keep(r)) continue;
      std::string err;
      if ((*set)->Add(r.pattern, &err) < 0) {
        *error = r.file + ": rule " + r.id + ": RE2::Set: " + err;
        return;
      }
      *empty = false;
    }
    if (!*empty && !(*set)->Compile()) {
      *error = "rules for lang " + lang_list[l].first + ": RE2::Set failed to compile (max_mem?)";
    }
  };
  auto build_set = [&](size_t l) {
    bool empty = false;  // the full Set is compiled even with no rule
    build_into(l, &lang_list[l].second->set, &empty, &set_errors[l],
               [](const Rule&) { return true; });
  };
  auto build_cue_set = [&](size_t l) {
    Lang& lang = *lang_list[l].second;
    build_into(l, &lang.cue_set, &lang.cue_set_empty, &cue_errors[l], Announcing);
  };
  auto compile_rule = [&](size_t i) {
    RE2::Options o;
    o.set_max_mem(opts.max_mem_per_rule);
    o.set_log_errors(false);
    o.set_case_sensitive(true);
    res[i] = std::make_unique<RE2>(rs.rules_[i]->pattern, o);
  };
  // Jobs 0..L-1 build the Sets (the largest), L..2L-1 the cue Sets, then the rules one by
  // one.
  std::atomic<size_t> next_job{0};
  const size_t nl = lang_list.size();
  const size_t jobs = 2 * nl + rs.rules_.size();
  auto worker = [&] {
    for (size_t j = next_job++; j < jobs; j = next_job++) {
      if (j < nl) {
        build_set(j);
      } else if (j < 2 * nl) {
        build_cue_set(j - nl);
      } else {
        compile_rule(j - 2 * nl);
      }
    }
  };
  {
    const size_t threads =
        std::min<size_t>({4, std::max(1u, std::thread::hardware_concurrency()), jobs});
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
  }
  // Errors in rule order, as a one-thread build would report them.
  for (size_t i = 0; i < res.size(); ++i) {
    if (!res[i]->ok()) {
      return ParseError(rs.rules_[i]->file + ": rule " + rs.rules_[i]->id +
                        ": RE2: " + res[i]->error());
    }
  }
  for (const std::string& err : set_errors)
    if (!err.empty()) return ParseError(err);
  for (const std::string& err : cue_errors)
    if (!err.empty()) return ParseError(err);
  // The literal gate of the rules matched alone. FilteredRE2 gives, per rule, the literals
  // (lower-cased) of which a matching text must hold a sufficient combination; a rule
  // with none is always asked.
  for (auto& [name, lang] : rs.langs_) {
    if (lang->solo.empty()) continue;
    RE2::Options o;
    o.set_max_mem(opts.max_mem_per_rule);
    o.set_log_errors(false);
    o.set_case_sensitive(true);
    lang->gate = std::make_unique<re2::FilteredRE2>(3);
    for (size_t i : lang->solo) {
      int id = -1;
      if (lang->gate->Add(rs.rules_[i]->pattern, o, &id) != RE2::NoError) {
        return ParseError(rs.rules_[i]->file + ": rule " + rs.rules_[i]->id +
                          ": RE2 (literal gate) failed");
      }
    }
    std::vector<std::string> atoms;
    lang->gate->Compile(&atoms);
    if (atoms.empty()) continue;
    RE2::Options ao;
    ao.set_max_mem(opts.max_mem_per_rule);
    ao.set_log_errors(false);
    ao.set_case_sensitive(false);  // the literals are lower-cased
    lang->atoms = std::make_unique<RE2::Set>(ao, RE2::UNANCHORED);
    for (const auto& a : atoms) {
      if (lang->atoms->Add(RE2::QuoteMeta(a), nullptr) < 0) {
        return ParseError("rules for lang " + name + ": literal gate: cannot add '" + a + "'");
      }
    }
    if (!lang->atoms->Compile()) {
      return ParseError("rules for lang " + name + ": literal gate failed to compile");
    }
  }
  // Title marks and the trigger prefilter.
  for (auto& [name, lang] : rs.langs_) {
    for (const auto& m : marks[name]) {
      lang->title_marks.push_back(m);
      lang->marks_by_first[static_cast<unsigned char>(m[0])].push_back(m);
    }
    if (triggers[name].empty()) lang->match_all = true;
    for (const auto& t : triggers[name]) {
      std::string low;
      for (unsigned char c : t) low += static_cast<char>(LowerByte(c));
      if (low.empty()) continue;
      for (int c = 0; c < 256; ++c) {
        if (LowerByte(static_cast<unsigned char>(c)) == static_cast<unsigned char>(low[0])) {
          lang->first[static_cast<size_t>(c)] = true;
        }
      }
      if (low.size() == 1) {
        lang->single[static_cast<unsigned char>(low[0])] = true;
      } else {
        const unsigned pair = (static_cast<unsigned>(static_cast<unsigned char>(low[0])) << 8) |
                              static_cast<unsigned char>(low[1]);
        lang->pair_bits[pair >> 6] |= uint64_t{1} << (pair & 63);
      }
      if (low.size() < 4) {
        lang->short_triggers.push_back(low);
        continue;
      }
      const uint16_t key = Key4(reinterpret_cast<const unsigned char*>(low.data()));
      lang->key_bits[key >> 6] |= uint64_t{1} << (key & 63);
      lang->by_key[key].push_back(low);
    }
  }
  rs.compiled_ = std::move(res);
  // The title-mark prefilter must never hide an event a rule would find.
  for (const auto& rule : rs.rules_) {
    if (rule->type != RuleType::kCasting && rule->type != RuleType::kOst) continue;
    for (const auto& ex : rule->examples) {
      if (!rs.HasTitleMark(ex.text, rule->lang)) {
        return ParseError(rule->file + ": rule " + rule->id +
                          ": example has no title mark (see title_marks): " + ex.text);
      }
    }
  }
  return rs;
}

bool RuleSet::HasTitleMark(std::string_view sentence, std::string_view lang) const {
  auto it = langs_.find(lang);
  if (it == langs_.end() || it->second->title_marks.empty()) return true;
  const Lang& l = *it->second;
  const auto* p = reinterpret_cast<const unsigned char*>(sentence.data());
  const size_t n = sentence.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& cands = l.marks_by_first[p[i]];
    if (cands.empty()) continue;
    if ((p[i] == '\'' || p[i] == '"') && i > 0 && std::isalnum(p[i - 1])) continue;
    for (const auto& m : cands) {
      if (m.size() > n - i) continue;
      size_t k = 1;
      while (k < m.size() && p[i + k] == static_cast<unsigned char>(m[k])) ++k;
      if (k == m.size()) return true;
    }
  }
  return false;
}

bool RuleSet::HasTrigger(std::string_view text, std::string_view lang) const {
  return FindTrigger(text, lang, 0) != std::string_view::npos;
}

size_t RuleSet::FindTrigger(std::string_view text, std::string_view lang, size_t from) const {
  auto it = langs_.find(lang);
  if (it == langs_.end() || from >= text.size()) return std::string_view::npos;
  const Lang& l = *it->second;
  if (l.match_all) return from;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const bool* first = l.first.data();
  const uint64_t* pair_bits = l.pair_bits.data();
  for (size_t i = from; i < n; ++i) {
    while (i < n && !first[p[i]]) ++i;
    if (i >= n) break;
    const unsigned char c0 = LowerByte(p[i]);
    if (i + 1 < n) {
      const unsigned pair = (static_cast<unsigned>(c0) << 8) | LowerByte(p[i + 1]);
      if ((pair_bits[pair >> 6] & (uint64_t{1} << (pair & 63))) == 0 && !l.single[c0]) continue;
    } else if (!l.single[c0]) {
      continue;  // the last byte: only a one-byte trigger fits
    }
    for (const auto& t : l.short_triggers) {
      if (LowerByte(p[i]) != static_cast<unsigned char>(t[0])) continue;
      size_t k = 1;
      while (k < t.size() && i + k < n && LowerByte(p[i + k]) == static_cast<unsigned char>(t[k]))
        ++k;
      if (k == t.size()) return i;
    }
    if (i + 4 > n) continue;  // only short triggers fit in the last 3 bytes
    const uint16_t key = Key4(p + i);
    if ((l.key_bits[key >> 6] & (uint64_t{1} << (key & 63))) == 0) continue;
    for (const auto& t : l.by_key[key]) {
      if (i + t.size() > n) continue;
      size_t k = 0;
      while (k < t.size() && LowerByte(p[i + k]) == static_cast<unsigned char>(t[k])) ++k;
      if (k == t.size()) return i;
    }
  }
  return std::string_view::npos;
}

bool RuleSet::MatchOne(const Rule& rule, std::string_view text, RuleMatch* out) const {
  const size_t idx = rule.index;
  if (idx >= rules_.size() || rules_[idx].get() != &rule) return false;
  const RE2& re = *compiled_[idx];
  const int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<size_t>(n) + 1);
  if (!re.Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED,
                sub.data(), n + 1)) {
    return false;
  }
  if (out) {
    out->rule = &rule;
    out->groups.clear();
    for (const auto& [name, i] : re.NamedCapturingGroups()) {
      const auto& s = sub[static_cast<size_t>(i)];
      if (s.data() != nullptr && !s.empty()) {
        auto& slot = out->groups[name];
        if (slot.empty()) slot.assign(s.data(), s.size());
      }
    }
  }
  return true;
}

std::vector<RuleMatch> RuleSet::Match(std::string_view sentence, std::string_view lang) const {
  std::vector<RuleMatch> out;
  for (const Rule* rule : Fired(sentence, lang)) {
    RuleMatch m;
    if (MatchOne(*rule, sentence, &m)) out.push_back(std::move(m));
  }
  return out;
}

bool RuleSet::SoloMatches(const Lang& l, std::string_view sentence, bool announcing_only,
                          std::vector<size_t>* out) const {
  if (l.solo.empty()) return false;
  const re2::StringPiece s(sentence.data(), sentence.size());
  std::vector<int> atoms;
  if (l.atoms != nullptr) l.atoms->Match(s, &atoms);
  std::vector<int> candidates;
  l.gate->AllPotentials(atoms, &candidates);
  std::sort(candidates.begin(), candidates.end());
  bool any = false;
  for (int c : candidates) {
    const size_t idx = l.solo[static_cast<size_t>(c)];
    if (announcing_only && !Announcing(*rules_[idx])) continue;
    if (!compiled_[idx]->Match(s, 0, s.size(), RE2::UNANCHORED, nullptr, 0)) continue;
    any = true;
    if (out == nullptr) return true;
    out->push_back(idx);
  }
  return any;
}

}  // namespace hallyu

namespace hallyu {

bool RuleSet::HasAnnouncingCue(std::string_view sentence, std::string_view lang) const {
  auto it = langs_.find(lang);
  if (it == langs_.end()) return false;
  const Lang& l = *it->second;
  // no index vector: the automaton stops at the first match
  if (!l.cue_set_empty &&
      l.cue_set->Match(re2::StringPiece(sentence.data(), sentence.size()), nullptr)) {
    return true;
  }
  return SoloMatches(l, sentence, /*announcing_only=*/true, nullptr);
}

std::vector<const Rule*> RuleSet::Fired(std::string_view sentence, std::string_view lang) const {
  std::vector<const Rule*> out;
  auto it = langs_.find(lang);
  if (it == langs_.end()) return out;
  const Lang& l = *it->second;
  std::vector<size_t> idx;
  std::vector<int> fired;
  if (l.set->Match(re2::StringPiece(sentence.data(), sentence.size()), &fired)) {
    for (int f : fired) idx.push_back(l.set_to_rule[static_cast<size_t>(f)]);
  }
  SoloMatches(l, sentence, /*announcing_only=*/false, &idx);
  std::sort(idx.begin(), idx.end());  // load order
  for (size_t i : idx) out.push_back(rules_[i].get());
  return out;
}

}  // namespace hallyu

namespace hallyu {

std::vector<std::pair<size_t, size_t>> RuleSet::FindAll(const Rule& rule, std::string_view text,
                                                        size_t max_matches) const {
  std::vector<std::pair<size_t, size_t>> out;
  const size_t idx = rule.index;
  if (idx >= rules_.size() || rules_[idx].get() != &rule) return out;
  const RE2& re = *compiled_[idx];
  re2::StringPiece m;
  size_t pos = 0;
  while (pos <= text.size() && out.size() < max_matches) {
    if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, &m,
                  1)) {
      break;
    }
    const size_t b = static_cast<size_t>(m.data() - text.data());
    const size_t e = b + m.size();
    out.emplace_back(b, e);
    pos = e > b ? e : e + 1;
  }
  return out;
}

}  // namespace hallyu
