// Every user's time zone (users.time_zone, an IANA name) as a ZoneClock over the database's
// history, so that a check can read an instant in its author's local time as the generator
// wrote it. A zone tzdata does not know reads as UTC. Thread-compatible (immutable once loaded).
#ifndef ASANASIM_SRC_VALIDATE_USER_ZONES_H_
#define ASANASIM_SRC_VALIDATE_USER_ZONES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "src/store/database_file.h"
#include "src/util/time_zone.h"

namespace asanasim {

class UserZones {
 public:
  // Reads the runs' window (history_start .. as_of, with years of room either side) and the
  // users' zones.
  static absl::StatusOr<UserZones> Load(const ReadOnlyDatabase& db);

  // The zone of `user`, or nullptr for an unknown user.
  const ZoneClock* Of(int64_t user) const {
    const auto it = zone_of_user_.find(user);
    return it == zone_of_user_.end() ? nullptr : &zones_[it->second];
  }

 private:
  std::vector<ZoneClock> zones_;
  absl::flat_hash_map<int64_t, size_t> zone_of_user_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_USER_ZONES_H_
