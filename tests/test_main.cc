// main of every test binary: gtest's, except that a binary started by StartSelfChild
// (tests/support/self_child.h) runs the child it was asked for instead of the tests.
#include <gtest/gtest.h>

#include "tests/support/self_child.h"

int main(int argc, char** argv) {
  if (std::optional<int> code = hallyu::testing::RunSelfChildIfAsked(argc, argv)) return *code;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
