#include "src/util/civil_time.h"

#include <gtest/gtest.h>

#include "absl/time/civil_time.h"

namespace asanasim {
namespace {

TEST(CivilTimeTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2026, 7, 1), 20635);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(WeekdayOf(DaysFromCivil(2026, 11, 29)), 6);  // a Sunday
  EXPECT_EQ(WeekdayOf(DaysFromCivil(2026, 7, 1)), 2);    // a Wednesday
  EXPECT_EQ(WeekdayOf(-1), 2);                           // 1969-12-31, a Wednesday
}

TEST(CivilTimeTest, RoundTripsEveryDayOfFourCenturies) {
  for (int64_t d = DaysFromCivil(1800, 1, 1); d < DaysFromCivil(2200, 1, 1); ++d) {
    const CivilDay c = CivilFromDays(d);
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
    ASSERT_GE(c.day, 1);
    ASSERT_LE(c.day, DaysInMonth(c.year, c.month));
  }
}

// The closed-form conversions agree with Abseil's civil time on every day of four centuries.
TEST(CivilTimeTest, AgreesWithAbseil) {
  const absl::CivilDay epoch(1970, 1, 1);
  for (int64_t d = DaysFromCivil(1900, 1, 1); d < DaysFromCivil(2300, 1, 1); ++d) {
    const absl::CivilDay a = epoch + d;
    const CivilDay c = CivilFromDays(d);
    ASSERT_EQ(c.year, a.year());
    ASSERT_EQ(c.month, a.month());
    ASSERT_EQ(c.day, a.day());
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), a - epoch);
  }
}

TEST(CivilTimeTest, Formats) {
  const int64_t ms = DaysFromCivil(2026, 5, 14) * kMsPerDay + 9 * kMsPerHour + 32 * kMsPerMinute +
                     11 * kMsPerSecond + 7;
  EXPECT_EQ(TimestampString(ms), "2026-05-14T09:32:11.007Z");
  EXPECT_EQ(DateString(DaysFromCivil(2026, 2, 28)), "2026-02-28");
  EXPECT_EQ(DayOf(-1), -1);
}

TEST(CivilTimeTest, ParsesDatesAndTimestamps) {
  EXPECT_EQ(*ParseInstant("2026-07-01"), 1782864000000);
  EXPECT_EQ(*ParseInstant("2026-07-01T12:30:00Z"),
            1782864000000 + 12 * kMsPerHour + 30 * kMsPerMinute);
  EXPECT_EQ(*ParseInstant("2026-07-01T12:30:00.250Z"),
            1782864000000 + 12 * kMsPerHour + 30 * kMsPerMinute + 250);
  for (const char* bad :
       {"", "2026-7-01", "2026-02-30", "2026-13-01", "2026-07-01T25:00:00Z", "2026-07-01T12:30:00",
        "yesterday", "2026-07-01x", "2026-07-01T12:30:00+02:00"}) {
    EXPECT_FALSE(ParseInstant(bad).ok()) << bad;
  }
  EXPECT_TRUE(ParseInstant("2024-02-29").ok());
  EXPECT_FALSE(ParseInstant("2025-02-29").ok());
}

TEST(CivilTimeTest, AddMonthsClampsTheDay) {
  const int64_t jul31 = DaysFromCivil(2026, 7, 31) * kMsPerDay + kMsPerHour;
  EXPECT_EQ(TimestampString(AddMonths(jul31, -1)), "2026-06-30T01:00:00.000Z");
  EXPECT_EQ(TimestampString(AddMonths(jul31, -5)), "2026-02-28T01:00:00.000Z");
  EXPECT_EQ(TimestampString(AddMonths(jul31, -7)), "2025-12-31T01:00:00.000Z");
  EXPECT_EQ(TimestampString(AddMonths(jul31, 7)), "2027-02-28T01:00:00.000Z");
}

}  // namespace
}  // namespace asanasim
