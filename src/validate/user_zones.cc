#include "src/validate/user_zones.h"

#include "src/util/civil_time.h"
#include "src/util/status.h"
#include "src/validate/task_cursor.h"

namespace asanasim {

absl::StatusOr<UserZones> UserZones::Load(const ReadOnlyDatabase& db) {
  // The window the zones' offsets are needed for: the runs' histories, with room either side.
  int64_t from = 0;
  int64_t to = 0;
  {
    ASANASIM_ASSIGN_OR_RETURN(Statement s,
                              db.Prepare("SELECT min(history_start), max(as_of) FROM runs"));
    if (sqlite3_step(s.get()) == SQLITE_ROW) {
      from = ParseInstant(TextView(s.get(), 0)).value_or(0) - 3 * 365 * kMsPerDay;
      to = ParseInstant(TextView(s.get(), 1)).value_or(0) + 2 * 365 * kMsPerDay;
    }
  }
  UserZones out;
  absl::flat_hash_map<std::string, size_t> zone_of_name;
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT id, time_zone FROM users"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const std::string name = IsNull(s.get(), 1) ? "UTC" : std::string(TextView(s.get(), 1));
    auto [it, added] = zone_of_name.try_emplace(name, out.zones_.size());
    if (added) {
      absl::StatusOr<ZoneClock> zone = ZoneClock::Load(name, from, to);
      out.zones_.push_back(zone.ok() ? *std::move(zone) : ZoneClock::Utc());
    }
    out.zone_of_user_[Id(s.get(), 0)] = it->second;
  }
  if (rc != SQLITE_DONE) return db.Error(rc, "reading users");
  return out;
}

}  // namespace asanasim
