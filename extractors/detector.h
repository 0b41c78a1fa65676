#pragma once
// Detector: finds casting and OST announcements in a document's title and
// body using the rule engine and the gazetteer, and builds one Detection per
// (person, work) found.
//
// Pipeline per document: language (en|ko|auto by Hangul ratio) -> trigger
// keyword scan over the whole text -> only lines holding a trigger are split
// into sentences -> per sentence with a trigger: title-mark check (no quoted
// title, no event), RE2::Set prefilter, capturing rules in priority order ->
// negative-rule veto -> name list splitting, particle stripping, gazetteer
// resolution -> events deduplicated by event_id. Immutable after
// construction; Detect() is thread-safe.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/event.h"
#include "extractors/gazetteer.h"
#include "extractors/rule_engine.h"
#include "extractors/status.h"

namespace hallyu {

struct DetectorOptions {
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
  Result<std::vector<Detection>> Detect(std::string_view title, std::string_view text,
                                        std::string_view lang, const SourceRef& source) const;

  const RuleSet& rules() const { return *rules_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  void DetectSentence(std::string_view sentence, const std::string& lang, const SourceRef& source,
                      const std::string& now, std::vector<Detection>* out) const;
  // True when a word of `mention` is a known network/platform (and the
  // mention is no known person): "tvN 사극", "JTBC".
  bool MentionsNetwork(std::string_view mention) const;
  PersonRef ResolvePerson(std::string mention, const std::string& group_hint) const;
  WorkRef ResolveWork(const std::string& mention, const std::string& network,
                      const std::string& kind) const;

  std::shared_ptr<const RuleSet> rules_;
  std::shared_ptr<const Gazetteer> gazetteer_;
  DetectorOptions opts_;
};

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNowIso8601();

}  // namespace hallyu
