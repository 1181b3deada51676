// Calendar arithmetic on UTC instants (Abseil's civil time underneath; local time in a real zone is
// time_zone.h's): instants are milliseconds since 1970-01-01T00:00:00Z, days are days since
// 1970-01-01. Formatting writes fixed-width ASCII into a caller buffer, so it is cheap enough for
// the generation hot path. Thread-safe (pure functions).
#ifndef ASANASIM_SRC_UTIL_CIVIL_TIME_H_
#define ASANASIM_SRC_UTIL_CIVIL_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace asanasim {

inline constexpr int64_t kMsPerSecond = 1000;
inline constexpr int64_t kMsPerMinute = 60 * kMsPerSecond;
inline constexpr int64_t kMsPerHour = 60 * kMsPerMinute;
inline constexpr int64_t kMsPerDay = 24 * kMsPerHour;

// Length of "2026-05-14T09:32:11.000Z" and of "2026-05-14".
inline constexpr int kTimestampLength = 24;
inline constexpr int kDateLength = 10;

struct CivilDay {
  int32_t year;
  int32_t month;  // 1..12
  int32_t day;    // 1..31
};

// Days since the epoch of a proleptic Gregorian date (any valid date; no range check).
int64_t DaysFromCivil(int32_t year, int32_t month, int32_t day);
CivilDay CivilFromDays(int64_t days);

// Floor division of an instant to its UTC day.
inline int64_t DayOf(int64_t ms) {
  return ms >= 0 ? ms / kMsPerDay : -((-ms + kMsPerDay - 1) / kMsPerDay);
}

// 0 = Monday ... 6 = Sunday.
inline int32_t WeekdayOf(int64_t days) {
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday.
  return static_cast<int32_t>(w < 0 ? w + 7 : w);
}

bool IsLeapYear(int32_t year);
int32_t DaysInMonth(int32_t year, int32_t month);

// Adds calendar months, clamping the day to the target month's length (Jul 31 - 1 month = Jun 30).
int64_t AddMonths(int64_t ms, int32_t months);

// REQUIRES: out has room for kTimestampLength (resp. kDateLength) bytes. Writes no terminator.
void FormatTimestamp(int64_t ms, char* out);
void FormatDate(int64_t days, char* out);
std::string TimestampString(int64_t ms);
std::string DateString(int64_t days);

// Parses "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SS[.mmm]Z" into an instant, rejecting
// anything else (including impossible dates such as 2026-02-30).
absl::StatusOr<int64_t> ParseInstant(std::string_view text);

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_CIVIL_TIME_H_
