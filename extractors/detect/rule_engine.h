#pragma once
// The detection rule engine: rules loaded from configs/rules/*.yaml, compiled
// per language into one RE2::Set prefilter plus one capturing RE2 per rule.
//
// Rule file format (one YAML document per file). Since the composing detector
// (detector.h) rules are *cues*: short patterns that say "this is casting news",
// "this is a report", "this is not about a drama"; mentions and binding are
// done by the detector, not by the pattern.
//   lang: en | ko                 # language of every rule in the file
//   type: casting | ost | negative | frame | release | collab
//   triggers: [cast, 출연, ...]   # literal keywords; text without any of them
//                                 # is skipped before sentence splitting
//   title_marks: [...]            # optional: literals of which a sentence needs one
//   macros: {NAME: '...'}         # {NAME} in a pattern expands to (?:...)
//   rules:
//     - id: casting.en.cast_as    # unique across all files
//       status: confirmed         # casting: rumored|in_talks|reviewing|confirmed|denied
//                                 # ost, release, collab: announced|released
//                                 # negative (a veto): casting|ost|all (the sentence),
//                                 #   release|collab (the sentence, for that type)
//                                 #   or work (the title next to the cue)
//                                 # frame: agency|report|rumor|past (who says it)
//       pattern: '(?i)\bcast\s+as\b'   # RE2 syntax
//       confidence: 0.9           # optional, default 0.8
//       modifier: true            # optional: the cue only sets the status ("was released")
//                                 # of an event another cue of its type announces
//       story_only: true          # optional: announces only when the story already has
//                                 # a cue of its type ("recording for 'X'" after an OST headline)
//       priority: 45              # optional; default 10 x status rank
//       examples: ["..."]         # must match (text: or plain strings)
//       counterexamples: ["..."]  # must not match
// A file that fails to load is reported with its name, the rule id and the
// reason; YAML syntax errors carry the line and column.
//
// A compiled RuleSet is immutable and safe to share across threads.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace hallyu {

// kRelease and kCollab (issue 17) are read by music_projects.h, not by the casting/OST
// binder.
enum class RuleType { kCasting, kOst, kNegative, kFrame, kRelease, kCollab };

// "casting", "ost", "negative", "frame", "release" or "collab".
std::string_view RuleTypeName(RuleType t);

struct RuleExample {
  std::string text;
  std::map<std::string, std::string> groups;  // expected captures (may be empty)
};

struct Rule {
  std::string id;
  std::string lang;  // "en" | "ko"
  RuleType type = RuleType::kCasting;
  std::string status;
  std::string pattern;  // after macro expansion
  double confidence = 0.8;
  bool modifier = false;    // only sets the status of an event another cue announces
  bool story_only = false;  // announces only in a story where a cue of its type without it fires
  int priority = 0;         // higher wins when several rules of a type fire; default by status
  std::string file;         // where it was defined
  size_t index = 0;         // position in RuleSet::rules()
  std::vector<RuleExample> examples;
  std::vector<std::string> counterexamples;
};

struct RuleMatch {
  const Rule* rule = nullptr;
  std::map<std::string, std::string> groups;  // named group -> captured text (non-empty only)
};

struct RuleSetOptions {
  int64_t max_mem_per_rule = 32 << 20;  // bytes of RE2 memory per capturing rule
  int64_t max_mem_per_set = 256 << 20;  // bytes of RE2 memory per language Set
};

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // Loads every *.yaml file in `dir` (sorted by name). Fails with kParse naming
  // the file, the rule id and the RE2 error when a file is malformed, a rule id
  // repeats, a status is unknown for its type, or a pattern does not compile.
  static Result<RuleSet> LoadDir(const std::string& dir, const RuleSetOptions& opts = {});

  // Builds from YAML texts given as (file name, content) pairs. Same errors.
  static Result<RuleSet> LoadFromStrings(
      const std::vector<std::pair<std::string, std::string>>& files,
      const RuleSetOptions& opts = {});

  // True when `text` contains a trigger keyword of `lang` (whole-text prefilter).
  bool HasTrigger(std::string_view text, std::string_view lang) const;

  // Byte offset of the first trigger keyword of `lang` at or after `from`, or
  // std::string_view::npos when there is none (or lang is unknown).
  size_t FindTrigger(std::string_view text, std::string_view lang, size_t from) const;

  // True when `sentence` holds a title mark of `lang` (or `lang` has none):
  // without one no casting/OST rule can match, so the sentence is skipped.
  bool HasTitleMark(std::string_view sentence, std::string_view lang) const;

  // Runs the `lang` Set on `sentence`, then the capturing pattern of each rule
  // that fired. Matches are in rule load order. Unknown lang gives no matches.
  std::vector<RuleMatch> Match(std::string_view sentence, std::string_view lang) const;

  // The rules of `lang` whose pattern matches `sentence` (RE2::Set only, no
  // captures), in load order. A rule listed here is guaranteed to MatchOne().
  std::vector<const Rule*> Fired(std::string_view sentence, std::string_view lang) const;

  // True when a casting or OST rule of `lang` that announces on its own (neither a
  // modifier nor story_only) matches `sentence`: the same answer as scanning Fired() for
  // one, from a smaller automaton. False for an unknown lang.
  bool HasAnnouncingCue(std::string_view sentence, std::string_view lang) const;

  // Every rule, in load order.
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }

  // Runs the capturing pattern of `rule` alone (used by example tests).
  bool MatchOne(const Rule& rule, std::string_view text, RuleMatch* out) const;

  // Byte spans [begin, end) of the non-overlapping matches of `rule` in `text`,
  // left to right, at most `max_matches`. Empty for a rule of another RuleSet.
  std::vector<std::pair<size_t, size_t>> FindAll(const Rule& rule, std::string_view text,
                                                 size_t max_matches = 16) const;

 private:
  struct Lang;
  // The rules of `l` matched alone (outside its Set) that match `sentence`, as rules_
  // indices in load order, announcing cues only when `announcing_only`; with a null `out`
  // stops at the first. True when there is one.
  bool SoloMatches(const Lang& l, std::string_view sentence, bool announcing_only,
                   std::vector<size_t>* out) const;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::vector<std::unique_ptr<re2::RE2>> compiled_;  // capturing pattern per rule, by index
  std::map<std::string, std::unique_ptr<Lang>, std::less<>> langs_;
};

}  // namespace hallyu
