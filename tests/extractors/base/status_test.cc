#include "extractors/base/status.h"

#include <gtest/gtest.h>

namespace hallyu {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = TooLarge("body over 10485760 bytes");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(s.ToString(), "too_large: body over 10485760 bytes");
  EXPECT_EQ(s.WithContext("fetch https://a.example/").message(),
            "fetch https://a.example/: body over 10485760 bytes");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = ParseError("unexpected '<'");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kParse);
  EXPECT_EQ(bad.value_or(3), 3);
}

Status FailsAtSecond(int* reached) {
  HALLYU_RETURN_IF_ERROR(Status());
  *reached = 1;
  HALLYU_RETURN_IF_ERROR(Timeout("slow"));
  *reached = 2;
  return Status();
}

TEST(Status, ReturnIfErrorStopsAtFirstFailure) {
  int reached = 0;
  EXPECT_EQ(FailsAtSecond(&reached).code(), ErrorCode::kTimeout);
  EXPECT_EQ(reached, 1);
}

}  // namespace
}  // namespace hallyu
