#pragma once
// The gazetteer: known K-pop groups and their members, idol soloists, actors,
// singers, networks/platforms and drama titles, loaded from
// configs/gazetteer/*.yaml. Names found by rules resolve against it: exact
// name, then alias, then normalised key (case, hyphens, spaces dropped).
//
// File format (any file may hold any section):
//   groups:   [{id, name, native, aliases: [], members: [{name, native, aliases}]}]
//   soloists: [{name, native, aliases}]   # idol soloists (idol: true)
//   actors:   [{name, native, aliases}]
//   singers:  [{name, native, aliases}]   # vocalists who are neither idols nor actors
//   networks: [{name, native, aliases}]
//   works:    [{title, native, kind, network, year, aliases}]
//   organisations: [{name, native, kind, aliases}]  # agencies, production
//                  # companies, labels, outlets: never a person
//
// Loading fails (kParse, "file:line: reason") on bad YAML, an unknown
// section or field, an entry without its name/title, or a wrong type.
//
// Immutable after loading; safe to share across threads.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractors/base/status.h"

namespace hallyu {

enum class PersonKind { kIdol, kActor, kSinger };

struct GazetteerPerson {
  std::string id;  // canonical key, e.g. "chaeunwoo"
  std::string name;
  std::string native;
  std::string group;  // group display name for idols in a group
  PersonKind kind = PersonKind::kActor;
  bool also_actor = false;  // an idol who also acts is still an idol
};

struct GazetteerWork {
  std::string id;
  std::string title;
  std::string native;
  std::string kind;  // drama | film | series | variety
  std::string network;
  int year = 0;  // first broadcast/release year, 0 when unknown
};

struct GazetteerNetwork {
  std::string name;
  std::string native;
};

struct GazetteerOrganisation {
  std::string name;
  std::string native;
  std::string kind;  // agency | production | label | outlet | "" when not given
};

// Hash of a name for the indexes below, usable with a string_view (no copy to look up).
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using NameIndex = std::unordered_map<std::string, V, NameHash, std::equal_to<>>;

class Gazetteer {
 public:
  // Loads every *.yaml in `dir`. Fails with kParse naming the file on bad YAML.
  static Result<Gazetteer> LoadDir(const std::string& dir);
  // Loads the *.yaml files of every folder in `dirs`, in order, into one
  // gazetteer (e.g. the shipped one plus a user's additions). Same errors as LoadDir.
  static Result<Gazetteer> LoadDirs(const std::vector<std::string>& dirs);
  // Loads from (file name, content) pairs. Same errors.
  static Result<Gazetteer> LoadFromStrings(
      const std::vector<std::pair<std::string, std::string>>& files);

  // Resolves a person name (any script); nullptr when unknown.
  const GazetteerPerson* FindPerson(std::string_view name) const;
  // Resolves a group name; returns its display name or nullopt.
  std::optional<std::string> FindGroup(std::string_view name) const;
  // Resolves a work title; nullptr when unknown.
  const GazetteerWork* FindWork(std::string_view title) const;
  // Resolves a network/platform; nullptr when unknown.
  const GazetteerNetwork* FindNetwork(std::string_view name) const;
  // Resolves an agency, production company, label or outlet; nullptr when unknown.
  const GazetteerOrganisation* FindOrganisation(std::string_view name) const;
  // Resolves a person named together with a group ("ASTRO's Cha Eun-woo"):
  // a member of that group first, then any person; nullptr when unknown.
  const GazetteerPerson* FindPersonInGroup(std::string_view name, std::string_view group) const;

  // True when `normalized_key` (NormalizeKey of a name) is a name, alias or title of any
  // kind; false means every Find* above would return nothing for it.
  bool MayName(const std::string& normalized_key) const;

  // For a name shape the gazetteer does not know ("윤송아가"): true when the Hangul
  // `syllable` (one UTF-8 syllable) is the second (`final` false) or third (`final` true)
  // syllable of some known three-syllable Hangul name. Always true when the gazetteer holds
  // too few such names (under 300) to tell; false for anything that is not one syllable.
  bool IsGivenNameSyllable(std::string_view syllable, bool final) const;

  // True when `word` (compared by its normalised key) is the first word of a group name of
  // several words ("스트레이" of "스트레이 키즈", "미도와" of "미도와 파라솔"): only then can a
  // run of words starting with it name a group. False for an empty word.
  bool MayStartGroupOfWords(std::string_view word) const;

  size_t person_count() const { return people_.size(); }
  size_t group_count() const { return group_names_; }
  size_t work_count() const { return works_.size(); }
  size_t network_count() const { return networks_.size(); }
  size_t organisation_count() const { return organisations_.size(); }

 private:
  std::vector<GazetteerPerson> people_;
  std::vector<GazetteerWork> works_;
  std::vector<GazetteerNetwork> networks_;
  std::vector<GazetteerOrganisation> organisations_;
  NameIndex<std::string> groups_;  // key -> display name
  size_t group_names_ = 0;
  // normalised name + '|' + normalised group -> index, for homonyms in different groups
  NameIndex<size_t> member_by_group_;
  // exact and normalised indexes: key -> index
  NameIndex<size_t> person_exact_, person_norm_;
  NameIndex<size_t> work_exact_, work_norm_;
  NameIndex<size_t> network_exact_, network_norm_;
  NameIndex<size_t> org_exact_, org_norm_;
  std::unordered_set<std::string> any_key_;  // every normalised key of every kind
  // Bloom filters (two bits per key, >= 16 bits per key; empty: everything may be there):
  // over any_key_, and over the keys of the exact-spelling indexes, so that MayName and
  // the Find* look-ups ask a hash table only for the few names the filter lets through.
  struct Bloom {
    std::vector<uint64_t> bits;
    uint64_t mask = 0;  // bit count - 1 (a power of two)
    void Reset(size_t keys);
    void Add(std::string_view key);
    bool MayHave(std::string_view key) const;
  };
  Bloom key_bloom_, exact_bloom_;
  template <typename Map>
  std::optional<size_t> Lookup(const Map& exact, const Map& norm, std::string_view name) const;
  // second and third syllables of the known three-syllable Hangul names
  std::unordered_set<std::string> given_middle_, given_final_;
  std::unordered_set<std::string> group_first_words_;  // see MayStartGroupOfWords
  size_t hangul_names_ = 0;                            // how many such names were seen
};

}  // namespace hallyu
