#pragma once
// LearnedFacts: what a text says about a person the gazetteer does not know
// (issue 14, "what the text teaches"): "singer-actress X", "GROUP member X",
// "그룹 Y 멤버 X", "X (김하나)". The detector fills them for unresolved persons;
// the crawl keeps them (crawler/store/learned_names_store.h) so that a later article
// about the same name knows whether it is an idol, a singer or an actor.
//
// Plain values; no I/O.

#include <string>

namespace hallyu {

struct LearnedFacts {
  bool idol = false;    // called an idol or a member of a group
  bool singer = false;  // singer, vocalist, soloist, singer-songwriter (가수)
  bool actor = false;   // actor or actress (배우, 연기자)
  bool rapper = false;  // rapper (래퍼)
  std::string group;    // the group the text ties them to, "" when none
  std::string native;   // the Hangul form the text pairs with a romanised name, "" when none

  // True when the text taught nothing.
  bool empty() const {
    return !idol && !singer && !actor && !rapper && group.empty() && native.empty();
  }
  bool operator==(const LearnedFacts&) const = default;
};

// Adds `from` to `into`: kinds are or-ed; group and native are kept when `into`
// already has them, else taken from `from`.
void MergeLearnedFacts(const LearnedFacts& from, LearnedFacts* into);

// "idol, singer, actor, rapper, group=LUMINA, native=김하나" (only what is set);
// "" when empty. For logs, --explain and `hallyu names list`.
std::string DescribeLearnedFacts(const LearnedFacts& facts);

// Crossover by learned facts alone: a casting of someone known to make music
// (idol, singer, rapper) or an OST sung by an idol or an actor. `casting` is the
// event type. False when the facts say nothing of the kind.
bool LearnedCrossover(const LearnedFacts& facts, bool casting);

}  // namespace hallyu
