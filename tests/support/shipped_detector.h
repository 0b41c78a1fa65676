#pragma once
// The detector with the shipped rules and gazetteer (configs/rules, configs/gazetteer),
// loaded once per test binary and shared by every test that needs it.

#include <string>
#include <string_view>

#include "extractors/detector.h"

namespace hallyu::testing {

// The shared detector. Aborts the test binary (after a gtest failure naming the load
// error) when the shipped rules or gazetteer do not load.
const Detector& ShippedDetector();

// What the shipped detector finds in `title` + `text` (language "en", "ko" or "auto"), as
// "type person / work (status)" rows, sorted and joined by "; ". A failed Detect is a gtest
// failure and gives "".
std::string DetectionSummary(const std::string& title, const std::string& text,
                             std::string_view lang);

}  // namespace hallyu::testing
