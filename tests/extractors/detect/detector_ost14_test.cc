// OST mechanisms of the fourteenth detection round, from the OST errors on the real pool
// (pool14-dev). Sentences are invented; singers are names the gazetteer knows (facts), the
// titles are made up unless the mechanism needs a title that is also a person's name. Each
// test failed before its mechanism.

#include <gtest/gtest.h>

#include <string>

#include "tests/support/shipped_detector.h"

namespace hallyu {
namespace {

[[maybe_unused]] std::string Ko(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "ko");
}

std::string En(const std::string& title, const std::string& text) {
  return hallyu::testing::DetectionSummary(title, text, "en");
}

// "the OST for the MBC weekend drama, 'Kim Suro'": a quote that a work noun or "OST for"
// names is the drama though a person of the same name exists (period dramas bear their
// heroes' names).
TEST(DetectorOst14, AQuoteNamedByAWorkNounIsTheDramaThoughAlsoAName) {
  EXPECT_EQ(
      En("", "Gummy will record a ballad for the OST of the KBS historical drama, “Kim Suro”."),
      "ost Gummy / Kim Suro (announced)");
  EXPECT_EQ(En("Gummy Joins OST For “Kim Suro”", "The singer has recorded a ballad for it."),
            "ost Gummy / Kim Suro (announced)");
}

}  // namespace
}  // namespace hallyu
