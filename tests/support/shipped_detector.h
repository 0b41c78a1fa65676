#pragma once
// The detector with the shipped rules and gazetteer (configs/rules, configs/gazetteer),
// loaded once per test binary and shared by every test that needs it.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/detect/detector.h"

namespace hallyu::testing {

// The shared detector. Aborts the test binary (after a gtest failure naming the load
// error) when the shipped rules or gazetteer do not load.
const Detector& ShippedDetector();

// The shipped rules and gazetteer plus a gazetteer file written into `dir`/gazetteer naming
// `actors` and `works` ({romanised, native} pairs): the detector of a test whose pages
// speak of invented people. Errors of the load as Detector::Load gives them.
Result<Detector> LoadDetectorWithTestGazetteer(
    const std::string& dir, const std::vector<std::pair<std::string, std::string>>& actors,
    const std::vector<std::pair<std::string, std::string>>& works);

// What the shipped detector finds in `title` + `text` (language "en", "ko" or "auto"), as
// "type person / work (status)" rows, sorted and joined by "; ". A failed Detect is a gtest
// failure and gives "".
std::string DetectionSummary(const std::string& title, const std::string& text,
                             std::string_view lang);

// What the shipped detector finds of the music kinds in `title` + `text` (language "auto"):
// "release ARTIST / TITLE KIND (status)" and "collab A + B / TITLE [CAUSE] (status)" rows,
// sorted and joined by "; ". Casting and OST detections are left out. Names are in Hangul
// for Korean text when the gazetteer knows them (romanised otherwise). A failed Detect is a
// gtest failure and gives "".
std::string MusicSummary(const std::string& title, const std::string& text);

// DetectionSummary of Korean ("ko") and of English ("en") text.
std::string KoSummary(const std::string& title, const std::string& text);
std::string EnSummary(const std::string& title, const std::string& text);

// The persons FindMentions sees in one sentence of language `lang` with the shipped
// gazetteer, as the mentions' texts in text order.
std::vector<std::string> PersonMentions(const std::string& sentence, std::string_view lang);

// The works FindMentions sees in one sentence of language `lang` with the shipped gazetteer,
// each followed by " (aside)" when it is an aside (an earlier work, a channel of the news).
std::vector<std::string> WorkMentions(const std::string& sentence, std::string_view lang);

}  // namespace hallyu::testing
