#include "extractors/detect/learned_facts.h"

namespace hallyu {

void MergeLearnedFacts(const LearnedFacts& from, LearnedFacts* into) {
  into->idol = into->idol || from.idol;
  into->singer = into->singer || from.singer;
  into->actor = into->actor || from.actor;
  into->rapper = into->rapper || from.rapper;
  if (into->group.empty()) into->group = from.group;
  if (into->native.empty()) into->native = from.native;
}

std::string DescribeLearnedFacts(const LearnedFacts& facts) {
  std::string out;
  auto add = [&out](std::string_view part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  if (facts.idol) add("idol");
  if (facts.singer) add("singer");
  if (facts.actor) add("actor");
  if (facts.rapper) add("rapper");
  if (!facts.group.empty()) add("group=" + facts.group);
  if (!facts.native.empty()) add("native=" + facts.native);
  return out;
}

bool LearnedCrossover(const LearnedFacts& facts, bool casting) {
  if (casting) return facts.idol || facts.singer || facts.rapper;
  return facts.idol || facts.actor;
}

}  // namespace hallyu
