#include "tests/support/shipped_detector.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "tests/support/paths.h"

namespace hallyu::testing {

const Detector& ShippedDetector() {
  static const Detector* d = [] {
    auto r = Detector::Load(SourcePath("configs/rules"), SourcePath("configs/gazetteer"));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) std::abort();
    return new Detector(std::move(*r));
  }();
  return *d;
}

}  // namespace hallyu::testing
