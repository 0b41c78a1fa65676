#include "extractors/text/datetime.h"

#include <gtest/gtest.h>

#include <string>

namespace hallyu {
namespace {

struct Case {
  const char* text;
  int default_offset;  // minutes east of UTC
  const char* want;    // RFC 3339 UTC
};

class DateTimeAccepts : public ::testing::TestWithParam<Case> {};

TEST_P(DateTimeAccepts, NormalisesToUtc) {
  const Case& c = GetParam();
  DateTimeParseOptions opts;
  opts.default_offset_minutes = c.default_offset;
  Result<std::string> got = NormalizeDateTime(c.text, opts);
  ASSERT_TRUE(got.ok()) << c.text << ": " << got.status().ToString();
  EXPECT_EQ(*got, c.want) << c.text;
}

constexpr int kKst = kKstOffsetMinutes;

INSTANTIATE_TEST_SUITE_P(
    Rfc822, DateTimeAccepts,
    ::testing::Values(Case{"Wed, 01 May 2024 15:20:00 +0900", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 06:20:00 GMT", kKst, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 06:20:00 UT", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 02:20:00 EDT", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 01:20:00 EST", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 15:20:00 KST", 0, "2024-05-01T06:20:00Z"},
                      Case{"Tue, 30 Apr 2024 23:20:00 PDT", 0, "2024-05-01T06:20:00Z"},
                      Case{"01 May 2024 15:20 +0900", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 1 May 24 15:20:00 +0900", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wednesday, 01-May-2024 06:20:00 GMT", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 06:20:00 -0000", kKst, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 15:20:00", kKst, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 15:20:00 +09:00", 0, "2024-05-01T06:20:00Z"},
                      Case{"Thu, 29 Feb 2024 00:00:00 +0100", 0, "2024-02-28T23:00:00Z"}));

INSTANTIATE_TEST_SUITE_P(
    Iso8601, DateTimeAccepts,
    ::testing::Values(Case{"2024-05-01T06:20:00Z", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01T15:20:00+09:00", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01T15:20:00.123456+09:00", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01T01:20:00-05:00", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01T15:20:00", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01T06:20:00", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01t06:20:00z", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01", 0, "2024-05-01T00:00:00Z"},
                      Case{"2024-05-01", kKst, "2024-04-30T15:00:00Z"},
                      Case{"20240501T152000+0900", 0, "2024-05-01T06:20:00Z"},
                      Case{"20240501T062000Z", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01T15:20+09", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-12-31T23:59:60Z", 0, "2024-12-31T23:59:59Z"},
                      Case{"2024-05-01T24:00:00Z", 0, "2024-05-02T00:00:00Z"},
                      Case{"1969-12-31T23:59:59Z", 0, "1969-12-31T23:59:59Z"}));

INSTANTIATE_TEST_SUITE_P(
    Broken, DateTimeAccepts,
    ::testing::Values(Case{"2024-05-01 15:20:00 +0900", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01 06:20:00 UTC", kKst, "2024-05-01T06:20:00Z"},
                      Case{"May 1, 2024 2:20 PM EDT", 0, "2024-05-01T18:20:00Z"},
                      Case{"May 1st, 2024 at 3:20 p.m.", kKst, "2024-05-01T06:20:00Z"},
                      Case{"Wed May  1 06:20:00 2024", 0, "2024-05-01T06:20:00Z"},
                      Case{"05/01/2024 06:20", 0, "2024-05-01T06:20:00Z"},
                      Case{"25/12/2024", 0, "2024-12-25T00:00:00Z"},
                      Case{"  Wed, 01 May 2024 15:20:00 GMT+9 ", 0, "2024-05-01T06:20:00Z"},
                      Case{"Wed, 01 May 2024 06:20:00 UTC+00:00", 0, "2024-05-01T06:20:00Z"},
                      Case{"Posted: May 1, 2024", 0, "2024-05-01T00:00:00Z"},
                      Case{"2024/05/01 15:20:00", kKst, "2024-05-01T06:20:00Z"},
                      Case{"12:30 AM, May 1, 2024", 0, "2024-05-01T00:30:00Z"}));

INSTANTIATE_TEST_SUITE_P(
    Korean, DateTimeAccepts,
    ::testing::Values(Case{"2024.05.01 15:20", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024.05.01. 15:20", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024. 5. 1. 오후 3:20:00", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01 오후 3:20", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024-05-01 오전 9:05", kKst, "2024-05-01T00:05:00Z"},
                      Case{"2024-05-01 오전 12:10", kKst, "2024-04-30T15:10:00Z"},
                      Case{"2024-05-01 오후 12:10", kKst, "2024-05-01T03:10:00Z"},
                      Case{"2024년 5월 1일 15시 20분", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024년 05월 01일 오후 3시 20분 10초", kKst, "2024-05-01T06:20:10Z"},
                      Case{"2024년 5월 1일", kKst, "2024-04-30T15:00:00Z"},
                      Case{"24.05.01", kKst, "2024-04-30T15:00:00Z"},
                      Case{"24.05.01 15:20", kKst, "2024-05-01T06:20:00Z"},
                      Case{"2024.05.01(수) 15:20", kKst, "2024-05-01T06:20:00Z"},
                      Case{"입력 2024.05.01 15:20", kKst, "2024-05-01T06:20:00Z"},
                      Case{"기사입력 : 2024-05-01 15:20:33 | 수정 : ", kKst,
                           "2024-05-01T06:20:33Z"},
                      Case{"2024.05.01 15:20 KST", 0, "2024-05-01T06:20:00Z"},
                      Case{"2024년 5월 1일 수요일 오후 3시", kKst, "2024-05-01T06:00:00Z"},
                      Case{"2024.05.01\xC2\xA0"
                           "15:20",
                           kKst, "2024-05-01T06:20:00Z"}));

class DateTimeRejects : public ::testing::TestWithParam<const char*> {};

TEST_P(DateTimeRejects, WithParseError) {
  Result<int64_t> got = ParseDateTime(GetParam());
  ASSERT_FALSE(got.ok()) << GetParam() << " parsed as " << FormatRfc3339(*got);
  EXPECT_EQ(got.status().code(), ErrorCode::kParse);
  EXPECT_FALSE(got.status().message().empty());
}

INSTANTIATE_TEST_SUITE_P(Garbage, DateTimeRejects,
                         ::testing::Values("", "   ", "hello world", "yesterday", "2024-13-01",
                                           "2024-02-30", "2023-02-29", "2024-04-31T10:00:00Z",
                                           "2024-05-01T25:00:00Z", "2024-05-01T10:61:00Z", "May 1",
                                           "5월 1일", "12:30", "not a date 2024",
                                           "Wed, 01 Foo 2024 10:00:00 GMT", "99999999999999999",
                                           "2024-05-01 banana"));

TEST(DateTime, RejectsOverlongText) {
  std::string text(300, '1');
  Result<int64_t> got = ParseDateTime(text);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("too long"), std::string::npos);
}

TEST(DateTime, ExplicitZoneBeatsDefault) {
  DateTimeParseOptions kst{kKstOffsetMinutes};
  EXPECT_EQ(*NormalizeDateTime("2024-05-01T06:20:00Z", kst), "2024-05-01T06:20:00Z");
  EXPECT_EQ(*NormalizeDateTime("2024-05-01T06:20:00", kst), "2024-04-30T21:20:00Z");
}

TEST(CivilDate, RoundTripsEveryDayOverFourCenturies) {
  int64_t days = DaysFromCivil(1800, 1, 1);
  for (int64_t y = 1800; y < 2200; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= DaysInMonth(y, m); ++d) {
        ASSERT_EQ(DaysFromCivil(y, m, d), days) << y << "-" << m << "-" << d;
        CivilDate c = CivilFromDays(days);
        ASSERT_EQ(c.year, y);
        ASSERT_EQ(c.month, m);
        ASSERT_EQ(c.day, d);
        ++days;
      }
    }
  }
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
}

TEST(FormatRfc3339, FormatsEpochAndNegative) {
  EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatRfc3339(1714544400), "2024-05-01T06:20:00Z");
}

}  // namespace
}  // namespace hallyu
