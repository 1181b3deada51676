#include "src/validate/rhythm.h"

#include <limits>

#include "absl/container/flat_hash_map.h"
#include "src/util/civil_time.h"
#include "src/util/status.h"

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
  absl::flat_hash_map<int64_t, int64_t> offset_ms;
  {
    ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT id, utc_offset_min FROM users"));
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
      offset_ms[sqlite3_column_int64(s.get(), 0)] = sqlite3_column_int64(s.get(), 1) * kMsPerMinute;
    }
    if (rc != SQLITE_DONE) return db.Error(rc, "reading users");
  }
  Rhythm r;
  ASANASIM_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare("SELECT created_by_id, created_at FROM stories"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const auto it = offset_ms.find(sqlite3_column_int64(s.get(), 0));
    const unsigned char* text = sqlite3_column_text(s.get(), 1);
    if (it == offset_ms.end() || text == nullptr) continue;
    const absl::StatusOr<int64_t> t =
        ParseInstant(std::string_view(reinterpret_cast<const char*>(text),
                                      static_cast<size_t>(sqlite3_column_bytes(s.get(), 1))));
    if (!t.ok()) continue;
    const int64_t local = *t + it->second;
    const int64_t day = DayOf(local);
    const auto hour = static_cast<size_t>((local - day * kMsPerDay) / kMsPerHour);
    ++r.by_weekday_hour[static_cast<size_t>(WeekdayOf(day))][hour];
    ++r.stories;
  }
  if (rc != SQLITE_DONE) return db.Error(rc, "reading stories");
  return r;
}

double RhythmStatistic(const Rhythm& r, std::string_view name) {
  const double n = static_cast<double>(r.stories);
  if (r.stories == 0) return std::numeric_limits<double>::quiet_NaN();
  if (name == "weekend_activity_share") return static_cast<double>(r.Weekday(5) + r.Weekday(6)) / n;
  if (name == "working_hours_share") return static_cast<double>(r.Hours(8, 18)) / n;
  if (name == "friday_vs_midweek") {
    const int64_t midweek = r.Weekday(1) + r.Weekday(2);
    return midweek == 0 ? std::numeric_limits<double>::quiet_NaN()
                        : 2.0 * static_cast<double>(r.Weekday(4)) / static_cast<double>(midweek);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace asanasim
