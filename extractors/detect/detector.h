#pragma once
// Detector: finds casting and OST announcements in a document's headline and
// text. It composes three steps instead of one pattern per phrasing:
//
//  1. mention finders (detect/mentions.h): persons, groups, works, networks,
//     organisations, roles and songs in each sentence, from the gazetteer and
//     from name shapes;
//  2. cues (rule_engine.h, configs/rules/*.yaml): short RE2 patterns per
//     language that say which event type a sentence announces and at which
//     status ("cast as", "출연을 확정", "in talks", "물망"), who is speaking
//     (frame: an agency statement, a media report), and what vetoes it
//     (negative: a variety show, a casting that fell through, an OST chart story);
//  3. a binder that reads the headline and the lead as one story: persons in a
//     sentence with a cue bind to the work of that sentence, or to the story's
//     work when the sentence names none; a sentence with a cue and no person
//     speaks of the story's persons ("the actor", "the duo"). Each casting cue
//     has a speaker (the person's side, a media report, or the article itself,
//     from the frames around it); each person's status is settled over all of
//     them by precedence: a denial wins; a statement by the agency, production or
//     network beats a media report; otherwise the most advanced non-rumour
//     status; a report alone is a rumour.
//
// Later paragraphs of a long article are stories of their own and are only read
// when they hold a trigger keyword. Immutable after construction; Detect() is
// thread-safe.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/base/status.h"
#include "extractors/detect/event.h"
#include "extractors/detect/gazetteer.h"
#include "extractors/detect/mentions.h"
#include "extractors/detect/rule_engine.h"

namespace hallyu {

// What Detect() saw and decided, for `hallyu detect --explain`.
struct DetectExplanation {
  struct Sentence {
    size_t story = 0;
    std::string text;
    std::vector<Mention> mentions;
    std::vector<std::string> cues;  // "casting.en.cast_as(confirmed)@12[report]" (casting: speaker)
  };
  std::string lang;
  std::vector<Sentence> sentences;
  std::vector<std::string> decisions;  // bindings, vetoes and status reasons, in order
};

struct DetectorOptions {
  size_t lead_sentences = 5;         // headline + this many body sentences form the first story
  size_t max_text_bytes = 4 << 20;   // bytes of body considered; the rest is ignored
  size_t max_sentences = 512;        // sentences run through the rules per document
  size_t max_events = 64;            // detections returned per document
  size_t max_sentence_bytes = 2000;  // longer sentences are cut
  double min_hangul_ratio = 0.2;     // share of Hangul letters for lang=auto to pick "ko"
};

class Detector {
 public:
  Detector(std::shared_ptr<const RuleSet> rules, std::shared_ptr<const Gazetteer> gazetteer,
           DetectorOptions opts = {});

  // Loads rules from `rules_dir` and the gazetteer from `gazetteer_dir`.
  // Fails with the loader's error (file, rule id, RE2 error).
  static Result<Detector> Load(const std::string& rules_dir, const std::string& gazetteer_dir,
                               DetectorOptions opts = {});
  // Same, with the gazetteer merged from several folders (in order).
  static Result<Detector> Load(const std::string& rules_dir,
                               const std::vector<std::string>& gazetteer_dirs,
                               DetectorOptions opts = {});

  // Detects events in `title` and `text`. `lang` is "en", "ko" or "auto".
  // Invalid UTF-8 is tolerated (replaced in evidence). Each detection has
  // version 1 and `source` as its only source; detected_at/first_seen_at are
  // source.fetched_at or, when empty, the current UTC time. Fails with
  // kInvalidArgument on an unknown lang.
  // When `explain` is not null it receives the mentions, cues and decisions.
  Result<std::vector<Detection>> Detect(std::string_view title, std::string_view text,
                                        std::string_view lang, const SourceRef& source,
                                        DetectExplanation* explain = nullptr) const;

  const RuleSet& rules() const { return *rules_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  struct Analysed;
  struct Story;
  // `story_titles`: work titles named in the story's earlier sentences; their unquoted
  // repeats are titles too, and no cue fires inside them.
  void AnalyseSentence(std::string_view sentence, const std::string& lang, Analysed* out,
                       const std::vector<std::string>& story_titles = {}) const;
  // Korean: "(X 분)" credits become asides when the story names a person outside them.
  static void SettleCastCredits(Story* story);
  // A title named as an earlier work in one sentence is that earlier work in all of them.
  static void SettleEarlierWorks(Story* story);
  // A title named as a song in one sentence is that song in all of them (unless the gazetteer
  // knows it as a work, or the story writes it as a work's OST).
  static void SettleSongs(Story* story);
  // True when a sentence of the story holds a casting or OST cue (cue Set only, cheap).
  bool StoryHasCue(const std::vector<std::string_view>& sentences, const std::string& lang) const;
  void BindStory(const Story& story, const std::string& lang, const SourceRef& source,
                 const std::string& now, std::vector<Detection>* out,
                 DetectExplanation* explain) const;
  PersonRef ResolvePerson(const Mention& m) const;
  WorkRef ResolveWork(const Mention& m, const std::string& network, const std::string& kind) const;

  std::shared_ptr<const RuleSet> rules_;
  std::shared_ptr<const Gazetteer> gazetteer_;
  DetectorOptions opts_;
};

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNowIso8601();

// The person a mention names, as events carry it: the gazetteer entry when the mention
// resolved to one (name, Hangul, group, idol/actor, id as key), a group name as an idol
// group, else the text as written (unresolved; Hangul text kept as its native form).
PersonRef PersonFromMention(const Mention& m, const Gazetteer& gazetteer);

}  // namespace hallyu
