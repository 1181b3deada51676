#include "src/gen/working_time.h"

#include <algorithm>

#include "src/rng/distributions.h"
#include "src/util/civil_time.h"

namespace asanasim {

double WorkingTime::Activity(int64_t t, int32_t tz_min) const {
  const int64_t local = t + tz_min * kMsPerMinute;
  const int64_t day = DayOf(local);
  const int hour = static_cast<int>((local - day * kMsPerDay) / kMsPerHour);
  return p_.weekday_weight[WeekdayOf(day)] * p_.hour_weight[hour];
}

int64_t WorkingTime::Between(Rng& rng, int64_t lo, int64_t hi, int32_t tz_min) const {
  if (hi <= lo) return lo;
  return Moment(rng, tz_min, [&] { return UniformRange(rng, lo, hi); });
}

void WorkingTime::SortedBetween(Rng& rng, int64_t lo, int64_t hi, int32_t tz_min, size_t n,
                                std::vector<int64_t>& out) const {
  out.clear();
  for (size_t i = 0; i < n; ++i) out.push_back(Between(rng, lo, hi, tz_min));
  std::sort(out.begin(), out.end());
}

}  // namespace asanasim
