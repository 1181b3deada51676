#include "src/validate/rhythm.h"

#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "src/util/civil_time.h"
#include "src/util/status.h"
#include "src/util/time_zone.h"

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
  // The window the zones' offsets are needed for: the runs' histories, with room either side.
  int64_t from = 0;
  int64_t to = 0;
  {
    ASANASIM_ASSIGN_OR_RETURN(Statement s,
                              db.Prepare("SELECT min(history_start), max(as_of) FROM runs"));
    if (sqlite3_step(s.get()) == SQLITE_ROW) {
      const auto text = [&](int c) {
        const unsigned char* t = sqlite3_column_text(s.get(), c);
        return t == nullptr
                   ? std::string_view()
                   : std::string_view(reinterpret_cast<const char*>(t),
                                      static_cast<size_t>(sqlite3_column_bytes(s.get(), c)));
      };
      from = ParseInstant(text(0)).value_or(0) - 3 * 365 * kMsPerDay;
      to = ParseInstant(text(1)).value_or(0) + 2 * 365 * kMsPerDay;
    }
  }
  std::vector<ZoneClock> zones;
  absl::flat_hash_map<std::string, size_t> zone_of_name;
  absl::flat_hash_map<int64_t, size_t> zone_of_user;
  {
    ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT id, time_zone FROM users"));
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(s.get(), 1);
      const std::string name = t == nullptr ? "UTC" : reinterpret_cast<const char*>(t);
      auto [it, added] = zone_of_name.try_emplace(name, zones.size());
      if (added) {
        absl::StatusOr<ZoneClock> zone = ZoneClock::Load(name, from, to);
        zones.push_back(zone.ok() ? *std::move(zone) : ZoneClock::Utc());
      }
      zone_of_user[sqlite3_column_int64(s.get(), 0)] = it->second;
    }
    if (rc != SQLITE_DONE) return db.Error(rc, "reading users");
  }
  Rhythm r;
  ASANASIM_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT created_by_id, created_at, resource_subtype = 'marked_complete' FROM "
                 "stories"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const auto it = zone_of_user.find(sqlite3_column_int64(s.get(), 0));
    const unsigned char* text = sqlite3_column_text(s.get(), 1);
    if (it == zone_of_user.end() || text == nullptr) continue;
    const absl::StatusOr<int64_t> t =
        ParseInstant(std::string_view(reinterpret_cast<const char*>(text),
                                      static_cast<size_t>(sqlite3_column_bytes(s.get(), 1))));
    if (!t.ok()) continue;
    const int64_t local = zones[it->second].Local(*t);
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
