#include "src/util/time_zone.h"

#include <gtest/gtest.h>

#include "absl/time/time.h"

namespace asanasim {
namespace {

constexpr int64_t kHour = kMsPerHour;

int64_t At(int y, int m, int d, int h = 12) {
  return DaysFromCivil(y, m, d) * kMsPerDay + h * kHour;
}

ZoneClock Load(std::string_view name) {
  absl::StatusOr<ZoneClock> z = ZoneClock::Load(name, At(2024, 1, 1), At(2028, 1, 1));
  EXPECT_TRUE(z.ok()) << z.status();
  return z.ok() ? *std::move(z) : ZoneClock::Utc();
}

TEST(ZoneClockTest, DaylightSavingTimeBothHemispheres) {
  const ZoneClock la = Load("America/Los_Angeles");
  EXPECT_EQ(la.OffsetMs(At(2026, 1, 15)), -8 * kHour);
  EXPECT_EQ(la.OffsetMs(At(2026, 7, 15)), -7 * kHour);
  // 2026-03-08 02:00 PST becomes 03:00 PDT (10:00 UTC).
  EXPECT_EQ(la.OffsetMs(At(2026, 3, 8, 10) - 1), -8 * kHour);
  EXPECT_EQ(la.OffsetMs(At(2026, 3, 8, 10)), -7 * kHour);
  const ZoneClock sydney = Load("Australia/Sydney");
  EXPECT_EQ(sydney.OffsetMs(At(2026, 1, 15)), 11 * kHour);
  EXPECT_EQ(sydney.OffsetMs(At(2026, 7, 15)), 10 * kHour);
  const ZoneClock tokyo = Load("Asia/Tokyo");
  EXPECT_EQ(tokyo.OffsetMs(At(2026, 1, 15)), 9 * kHour);
  EXPECT_EQ(tokyo.OffsetMs(At(2026, 7, 15)), 9 * kHour);
  EXPECT_EQ(la.LocalHour(At(2026, 7, 15, 16)), 9);  // 16:00 UTC is 09:00 in Los Angeles
  EXPECT_EQ(la.LocalDay(At(2026, 7, 15, 3)), DaysFromCivil(2026, 7, 14));
}

// The cached spans give exactly what absl::TimeZone says, hour by hour over two years.
TEST(ZoneClockTest, AgreesWithAbseilEverywhereInTheWindow) {
  for (const char* name : {"America/Los_Angeles", "Europe/London", "Australia/Sydney",
                           "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Auckland"}) {
    const ZoneClock clock = Load(name);
    absl::TimeZone tz;
    ASSERT_TRUE(absl::LoadTimeZone(name, &tz));
    for (int64_t t = At(2025, 1, 1); t < At(2027, 1, 1); t += kHour + 7 * kMsPerMinute) {
      ASSERT_EQ(clock.OffsetMs(t), int64_t{tz.At(absl::FromUnixMillis(t)).offset} * 1000)
          << name << " at " << TimestampString(t);
    }
  }
}

TEST(ZoneClockTest, StartOfDayIsLocalMidnight) {
  for (const char* name : {"America/Los_Angeles", "Australia/Sydney", "America/Santiago"}) {
    const ZoneClock clock = Load(name);
    for (int64_t day = DaysFromCivil(2025, 1, 1); day < DaysFromCivil(2027, 1, 1); ++day) {
      const int64_t t = clock.StartOfDay(day);
      ASSERT_EQ(clock.LocalDay(t), day) << name << " " << DateString(day);
      ASSERT_EQ(clock.LocalDay(t - 1), day - 1) << name << " " << DateString(day);
    }
  }
}

TEST(ZoneClockTest, UnknownZoneIsNamed) {
  absl::StatusOr<ZoneClock> z = ZoneClock::Load("Mars/Olympus_Mons", 0, kMsPerDay);
  ASSERT_FALSE(z.ok());
  EXPECT_TRUE(absl::IsNotFound(z.status()));
  EXPECT_NE(std::string(z.status().message()).find("Mars/Olympus_Mons"), std::string::npos);
}

}  // namespace
}  // namespace asanasim
