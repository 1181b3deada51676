// Local time in a real time zone: the IANA zone's rules (daylight saving time included) from the
// system's tzdata through absl::TimeZone, made cheap enough for the generation hot path. A
// ZoneClock holds the zone's UTC offsets over a window of instants as a short list of spans (a
// zone changes offset about twice a year), so the offset at an instant is a search over a few
// entries instead of a time zone library call. Outside the window the nearest span's offset
// holds. Thread-safe once built (immutable).
#ifndef ASANASIM_SRC_UTIL_TIME_ZONE_H_
#define ASANASIM_SRC_UTIL_TIME_ZONE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "src/util/civil_time.h"

namespace asanasim {

class ZoneClock {
 public:
  // The zone `name` (e.g. "America/Los_Angeles") over instants [from_ms, to_ms]. NotFound when
  // tzdata has no such zone (install the tzdata package; scripts/setup.sh does). Thread-safe;
  // remembers what it built for the life of the process.
  static absl::StatusOr<ZoneClock> Load(std::string_view name, int64_t from_ms, int64_t to_ms);
  // UTC itself (offset 0 everywhere).
  static ZoneClock Utc();

  const std::string& name() const { return name_; }

  // Local time minus UTC at instant t, in ms (e.g. -7 h for Los Angeles in July).
  int64_t OffsetMs(int64_t t) const {
    size_t i = spans_.size() - 1;
    while (i > 0 && t < spans_[i].start) --i;
    return spans_[i].offset;
  }
  // The local wall-clock time of instant t, expressed as if it were UTC (so DayOf, WeekdayOf and
  // the hour arithmetic of civil_time.h apply to it).
  int64_t Local(int64_t t) const { return t + OffsetMs(t); }
  int64_t LocalDay(int64_t t) const { return DayOf(Local(t)); }
  int LocalHour(int64_t t) const {
    const int64_t local = Local(t);
    return static_cast<int>((local - DayOf(local) * kMsPerDay) / kMsPerHour);
  }
  // The first instant of local day `day` (local midnight; the first valid time after a skipped
  // midnight).
  int64_t StartOfDay(int64_t day) const;

 private:
  static absl::StatusOr<ZoneClock> Build(std::string_view name, int64_t from_ms, int64_t to_ms);

  struct Span {
    int64_t start;   // first instant with `offset`; spans_[0].start is the window's start
    int64_t offset;  // ms
  };
  std::string name_;
  std::vector<Span> spans_;  // ascending by start; never empty
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_TIME_ZONE_H_
