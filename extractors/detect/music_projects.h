#pragma once
// The other crossovers (issue 17): an actor's own release and joint projects (duets,
// collaborations, project, charity and campaign songs), read from a document's headline
// and lead as one story with the same three steps as casting and OST (detector.h):
//
//  1. mention finders (mentions.h) for persons, groups and quoted titles;
//  2. cues of type `release` and `collab` from configs/rules/{release,collab}.{en,ko}.yaml:
//     "a single is being released", "a duet", "is out", the kind word (named groups of
//     release.*.kind), the cause (named groups of collab.*.cause), and vetoes (negative
//     cues with status release / collab: an OST, a music video, a fashion collaboration,
//     a trend story, a release mentioned as background);
//  3. a binder: a release binds the subject of its sentence (or, when the sentence names
//     nobody, the story's first person) and is kept only when the text presents that person
//     as an actor ("배우 X", "actor X", "the actor", "K-drama star"); a collab gathers every
//     named participant of its sentences in text order (composers, producers and people in
//     music videos excluded) and needs two of them. Titles are the quoted names next to a
//     song word; `released` only when the text says the song is out.
//
// Pure function of its input; no I/O.

#include <string>
#include <string_view>
#include <vector>

#include "extractors/detect/detector.h"
#include "extractors/detect/event.h"
#include "extractors/detect/gazetteer.h"
#include "extractors/detect/rule_engine.h"

namespace hallyu {

// True when `rules` hold a release or collab cue for `lang` (a RuleSet without them makes
// DetectMusicProjects a no-op, so callers may skip the lead).
bool HasMusicProjectRules(const RuleSet& rules, std::string_view lang);

// Finds release and collab events in `sentences` (the headline's, then the lead's), in `lang` ("en"
// or "ko"; anything else finds nothing). Appends detections (version 1, `source` as only source,
// detected_at = first_seen_at = `now`) to `out`, and when `explain` is not null the cues and
// binding decisions to explain->decisions. Invalid UTF-8 is tolerated. Never fails.
void DetectMusicProjects(const RuleSet& rules, const Gazetteer& gazetteer,
                         const std::vector<std::string_view>& sentences, const std::string& lang,
                         const SourceRef& source, const std::string& now,
                         std::vector<Detection>* out, DetectExplanation* explain = nullptr);

}  // namespace hallyu
