#include "src/util/civil_time.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

void Put2(int v, char* out) {
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
}

void Put4(int v, char* out) {
  Put2(v / 100, out);
  Put2(v % 100, out + 2);
}

bool ParseDigits(std::string_view s, size_t pos, size_t n, int32_t* value) {
  if (pos + n > s.size()) return false;
  int32_t v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *value = v;
  return true;
}

}  // namespace

// Calendar arithmetic: Abseil's (absl::CivilDay) except on the hot path. Every timestamp cell of
// the output is formatted here, and absl::CivilDay's general normalization made the conversion
// from days to a date about 13% of a team job's instructions (callgrind, gen_bench TeamRows), so
// days <-> dates use Howard Hinnant's closed-form days_from_civil / civil_from_days (public-domain
// algorithms, rewritten), and the formatter writes into the caller's buffer without allocating
// (absl::FormatTime returns a new string). A unit test checks both against Abseil.
namespace {
const absl::CivilDay kEpoch(1970, 1, 1);
}  // namespace

int64_t DaysFromCivil(int32_t year, int32_t month, int32_t day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDay CivilFromDays(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDay{static_cast<int32_t>(y), static_cast<int32_t>(m), static_cast<int32_t>(d)};
}

bool IsLeapYear(int32_t year) {
  return absl::CivilDay(year, 3, 1) - absl::CivilDay(year, 2, 1) == 29;
}

int32_t DaysInMonth(int32_t year, int32_t month) {
  const absl::CivilMonth m(year, month);
  return static_cast<int32_t>(absl::CivilDay(m + 1) - absl::CivilDay(m));
}

int64_t AddMonths(int64_t ms, int32_t months) {
  const int64_t day = DayOf(ms);
  const int64_t time_of_day = ms - day * kMsPerDay;
  const absl::CivilDay c = kEpoch + day;
  const absl::CivilMonth target = absl::CivilMonth(c) + months;
  const int dom =
      std::min(c.day(), DaysInMonth(static_cast<int32_t>(target.year()), target.month()));
  return (absl::CivilDay(target.year(), target.month(), dom) - kEpoch) * kMsPerDay + time_of_day;
}

void FormatDate(int64_t days, char* out) {
  const CivilDay c = CivilFromDays(days);
  Put4(c.year, out);
  out[4] = '-';
  Put2(c.month, out + 5);
  out[7] = '-';
  Put2(c.day, out + 8);
}

void FormatTimestamp(int64_t ms, char* out) {
  const int64_t day = DayOf(ms);
  int64_t rest = ms - day * kMsPerDay;
  FormatDate(day, out);
  out[10] = 'T';
  const int hours = static_cast<int>(rest / kMsPerHour);
  rest %= kMsPerHour;
  const int minutes = static_cast<int>(rest / kMsPerMinute);
  rest %= kMsPerMinute;
  const int seconds = static_cast<int>(rest / kMsPerSecond);
  const int millis = static_cast<int>(rest % kMsPerSecond);
  Put2(hours, out + 11);
  out[13] = ':';
  Put2(minutes, out + 14);
  out[16] = ':';
  Put2(seconds, out + 17);
  out[19] = '.';
  out[20] = static_cast<char>('0' + millis / 100);
  Put2(millis % 100, out + 21);
  out[23] = 'Z';
}

std::string TimestampString(int64_t ms) {
  std::string s(kTimestampLength, '\0');
  FormatTimestamp(ms, s.data());
  return s;
}

std::string DateString(int64_t days) {
  std::string s(kDateLength, '\0');
  FormatDate(days, s.data());
  return s;
}

absl::StatusOr<int64_t> ParseInstant(std::string_view text) {
  auto bad = [&] {
    return absl::InvalidArgumentError(
        Cat("'", text, "' is not a date (YYYY-MM-DD) or UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)"));
  };
  int32_t year, month, day;
  if (text.size() < 10 || !ParseDigits(text, 0, 4, &year) || text[4] != '-' ||
      !ParseDigits(text, 5, 2, &month) || text[7] != '-' || !ParseDigits(text, 8, 2, &day)) {
    return bad();
  }
  if (year < 1971 || year > 9998 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return bad();
  }
  int64_t ms = DaysFromCivil(year, month, day) * kMsPerDay;
  if (text.size() == 10) return ms;
  int32_t hh, mm, ss, millis = 0;
  if (text.size() < 20 || text[10] != 'T' || !ParseDigits(text, 11, 2, &hh) || text[13] != ':' ||
      !ParseDigits(text, 14, 2, &mm) || text[16] != ':' || !ParseDigits(text, 17, 2, &ss)) {
    return bad();
  }
  size_t pos = 19;
  if (text[pos] == '.') {
    if (!ParseDigits(text, pos + 1, 3, &millis)) return bad();
    pos += 4;
  }
  if (pos + 1 != text.size() || text[pos] != 'Z' || hh > 23 || mm > 59 || ss > 59) return bad();
  return ms + hh * kMsPerHour + mm * kMsPerMinute + ss * kMsPerSecond + millis;
}

}  // namespace asanasim
