#include "src/validate/rhythm.h"

#include <limits>

#include "src/util/civil_time.h"
#include "src/util/status.h"
#include "src/util/time_zone.h"
#include "src/validate/task_cursor.h"
#include "src/validate/user_zones.h"

namespace asanasim {

int64_t Rhythm::Weekday(int d) const {
  int64_t n = 0;
  for (int64_t c : by_weekday_hour[static_cast<size_t>(d)]) n += c;
  return n;
}

int64_t Rhythm::Hours(int from, int to) const {
  int64_t n = 0;
  for (const auto& day : by_weekday_hour) {
    for (int h = from; h <= to; ++h) n += day[static_cast<size_t>(h)];
  }
  return n;
}

absl::StatusOr<Rhythm> StoryRhythm(const ReadOnlyDatabase& db) {
  ASANASIM_ASSIGN_OR_RETURN(const UserZones zones, UserZones::Load(db));
  Rhythm r;
  ASANASIM_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT created_by_id, created_at, resource_subtype = 'marked_complete' FROM "
                 "stories"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const ZoneClock* zone = zones.Of(Id(s.get(), 0));
    if (zone == nullptr || IsNull(s.get(), 1)) continue;
    const absl::StatusOr<int64_t> t = ParseInstant(TextView(s.get(), 1));
    if (!t.ok()) continue;
    const int64_t local = zone->Local(*t);
    const int64_t day = DayOf(local);
    const auto hour = static_cast<int>((local - day * kMsPerDay) / kMsPerHour);
    ++r.by_weekday_hour[static_cast<size_t>(WeekdayOf(day))][static_cast<size_t>(hour)];
    ++r.stories;
    if (sqlite3_column_int(s.get(), 2) != 0) {
      ++r.completions;
      if (IsNightHour(hour)) ++r.night_completions;
    }
  }
  if (rc != SQLITE_DONE) return db.Error(rc, "reading stories");
  return r;
}

RhythmValue RhythmStatistic(const Rhythm& r, std::string_view name) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const double n = static_cast<double>(r.stories);
  if (name == "night_completion_share") {
    return {r.completions == 0
                ? kNaN
                : static_cast<double>(r.night_completions) / static_cast<double>(r.completions),
            r.completions};
  }
  if (r.stories == 0) return {kNaN, 0};
  if (name == "weekend_activity_share")
    return {static_cast<double>(r.Weekday(5) + r.Weekday(6)) / n, r.stories};
  if (name == "working_hours_share") return {static_cast<double>(r.Hours(8, 18)) / n, r.stories};
  if (name == "night_activity_share")
    return {static_cast<double>(r.Hours(22, 23) + r.Hours(0, 5)) / n, r.stories};
  if (name == "friday_vs_midweek") {
    const int64_t midweek = r.Weekday(1) + r.Weekday(2);
    return {midweek == 0 ? kNaN
                         : 2.0 * static_cast<double>(r.Weekday(4)) / static_cast<double>(midweek),
            r.stories};
  }
  return {kNaN, 0};
}

}  // namespace asanasim
