#include "src/util/time_zone.h"

#include <algorithm>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "src/util/status.h"

namespace asanasim {

absl::StatusOr<ZoneClock> ZoneClock::Load(std::string_view name, int64_t from_ms, int64_t to_ms) {
  // Every org of a run asks for the same zones over the same window: remember them (building one
  // walks tzdata's transitions, which costs more than generating a small team's rows).
  static absl::Mutex mu(absl::kConstInit);
  static auto* cache =
      new absl::flat_hash_map<std::tuple<std::string, int64_t, int64_t>, ZoneClock>;
  const auto key = std::make_tuple(std::string(name), from_ms, to_ms);
  {
    absl::MutexLock lock(&mu);
    if (const auto it = cache->find(key); it != cache->end()) return it->second;
  }
  absl::StatusOr<ZoneClock> clock = Build(name, from_ms, to_ms);
  if (clock.ok()) {
    absl::MutexLock lock(&mu);
    cache->try_emplace(key, *clock);
  }
  return clock;
}

absl::StatusOr<ZoneClock> ZoneClock::Build(std::string_view name, int64_t from_ms, int64_t to_ms) {
  absl::TimeZone tz;
  if (!absl::LoadTimeZone(absl::string_view(name.data(), name.size()), &tz)) {
    return absl::NotFoundError(
        Cat("time zone ", name, " is not in the system's tzdata (install the tzdata package)"));
  }
  ZoneClock clock;
  clock.name_ = std::string(name);
  const absl::Time from = absl::FromUnixMillis(from_ms);
  const absl::Time to = absl::FromUnixMillis(to_ms);
  clock.spans_.push_back({from_ms, int64_t{tz.At(from).offset} * kMsPerSecond});
  absl::Time t = from;
  absl::TimeZone::CivilTransition transition;
  while (t < to && tz.NextTransition(t, &transition)) {
    const absl::Time at = tz.At(transition.to).trans;
    if (at <= t || at > to) break;
    const int64_t offset = int64_t{tz.At(at).offset} * kMsPerSecond;
    if (offset != clock.spans_.back().offset)
      clock.spans_.push_back({absl::ToUnixMillis(at), offset});
    t = at;
  }
  return clock;
}

ZoneClock ZoneClock::Utc() {
  ZoneClock clock;
  clock.name_ = "UTC";
  clock.spans_.push_back({INT64_MIN, 0});
  return clock;
}

int64_t ZoneClock::StartOfDay(int64_t day) const {
  // Local midnight happens at day * 24h - offset for an offset in force then: try the offsets of
  // the day before, the day and the day after, and keep the earliest instant at which local time
  // is exactly midnight. When no offset fits, midnight was skipped (a change at 00:00): the day
  // starts with the change.
  const int64_t midnight = day * kMsPerDay;
  int64_t start = INT64_MAX;
  for (const int64_t probe : {midnight - kMsPerDay, midnight, midnight + kMsPerDay}) {
    const int64_t t = midnight - OffsetMs(probe);
    if (Local(t) == midnight) start = std::min(start, t);
  }
  if (start != INT64_MAX) return start;
  for (const Span& span : spans_) {
    if (span.start != INT64_MIN && LocalDay(span.start) == day) return span.start;
  }
  return midnight - OffsetMs(midnight);
}

}  // namespace asanasim
