// The work rhythm of a database: stories by their author's local weekday and hour, in one
// sequential pass over the stories. Local time is the author's real zone (users.time_zone, with
// its daylight saving time, through ZoneClock), as the generator uses it. Feeds the weekend,
// working-hours, Friday and night statistics and the report's activity chart. Thread-compatible.
#ifndef ASANASIM_SRC_VALIDATE_RHYTHM_H_
#define ASANASIM_SRC_VALIDATE_RHYTHM_H_

#include <array>
#include <cstdint>

#include "absl/status/statusor.h"
#include "src/store/database_file.h"

namespace asanasim {

struct Rhythm {
  int64_t stories = 0;  // stories with a known author and a well-formed time
  std::array<std::array<int64_t, 24>, 7> by_weekday_hour{};  // [Monday..Sunday][00..23], local
  int64_t completions = 0;                                   // marked_complete stories
  int64_t night_completions = 0;                             // ... between 22:00 and 05:59 local

  int64_t Weekday(int d) const;
  int64_t Hours(int from, int to) const;  // stories with local hour in [from, to]
};

absl::StatusOr<Rhythm> StoryRhythm(const ReadOnlyDatabase& db);

// Night: 22:00 to 05:59 local.
inline bool IsNightHour(int hour) { return hour >= 22 || hour < 6; }

// The statistics computed from it, by name ("weekend_activity_share", "working_hours_share",
// "friday_vs_midweek", "night_activity_share", "night_completion_share") with their sample
// sizes; NaN for other names or an empty sample.
struct RhythmValue {
  double value;
  int64_t sample;
};
RhythmValue RhythmStatistic(const Rhythm& rhythm, std::string_view name);

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_RHYTHM_H_
