#pragma once
// The detector with the shipped rules and gazetteer (configs/rules, configs/gazetteer),
// loaded once per test binary and shared by every test that needs it.

#include "extractors/detector.h"

namespace hallyu::testing {

// The shared detector. Aborts the test binary (after a gtest failure naming the load
// error) when the shipped rules or gazetteer do not load.
const Detector& ShippedDetector();

}  // namespace hallyu::testing
