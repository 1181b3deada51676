#include "src/gen/working_time.h"

#include <algorithm>

#include "src/rng/distributions.h"
#include "src/util/civil_time.h"

namespace asanasim {

double WorkingTime::Activity(int64_t t, const ZoneClock& zone) const {
  const int64_t local = zone.Local(t);
  const int64_t day = DayOf(local);
  const int hour = static_cast<int>((local - day * kMsPerDay) / kMsPerHour);
  return p_.weekday_weight[WeekdayOf(day)] * p_.hour_weight[hour];
}

int64_t WorkingTime::Between(Rng& rng, int64_t lo, int64_t hi, const ZoneClock& zone) const {
  if (hi <= lo) return lo;
  return Moment(rng, zone, [&] { return UniformRange(rng, lo, hi); });
}

void WorkingTime::SortedBetween(Rng& rng, int64_t lo, int64_t hi, const ZoneClock& zone, size_t n,
                                std::vector<int64_t>& out) const {
  out.clear();
  for (size_t i = 0; i < n; ++i) out.push_back(Between(rng, lo, hi, zone));
  std::sort(out.begin(), out.end());
}

}  // namespace asanasim
