#pragma once
// What the text teaches about a person (issue 14): the descriptor words around
// a person mention, read after the mention finders ran. English: "singer-actress
// X", "singer and actor X", "K-pop idol X", "GROUP's X", "GROUP member X",
// "X, a member of GROUP", "X of GROUP", "X (김하나)". Korean: "가수 겸 배우 X",
// "배우 X", "래퍼 X", "그룹 G 멤버 X", "G 멤버 X", "G의 X", "그룹 G X".
//
// Pure functions; bounded (a few words either side of the mention); never throw.

#include <string_view>

#include "extractors/detect/gazetteer.h"
#include "extractors/detect/learned_facts.h"
#include "extractors/detect/mentions.h"

namespace hallyu {

// Reads what `sentence` says about the person mention `m` (a span of `sentence`).
// `lang` is "en" or "ko". The mention's own tie to a gazetteer group (m.group)
// counts as "idol of that group". Returns empty facts when the text says nothing,
// when `m` is not a person or when its span lies outside `sentence`.
LearnedFacts LearnFactsAbout(std::string_view sentence, const Mention& m, std::string_view lang,
                             const Gazetteer& gazetteer);

}  // namespace hallyu
