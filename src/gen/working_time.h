// When people work: the Profile's weekday and hour weights in a person's local time (their real
// time zone, daylight saving time included: time_zone.h), and moments drawn from them.
// Thread-compatible (immutable after construction; the Rng is the caller's).
//
// A working moment is a candidate instant thinned by Activity(): candidates are redrawn whole
// until one is accepted with probability weekday_weight x hour_weight (both at most 1), so
// accepted moments follow the candidate density times the weights, with no pile-up on Mondays.
// The acceptance rate is about 0.3, so kMaxAttempts = 24 fails about once in 5,000 draws (more
// often in a narrow window that is mostly night or weekend); then the candidate with the most
// activity stands, so a narrow window still lands in its most working part.
#ifndef ASANASIM_SRC_GEN_WORKING_TIME_H_
#define ASANASIM_SRC_GEN_WORKING_TIME_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/plan/profile.h"
#include "src/rng/rng.h"
#include "src/util/time_zone.h"

namespace asanasim {

class WorkingTime {
 public:
  static constexpr int kMaxAttempts = 24;

  explicit WorkingTime(const Profile& profile) : p_(profile) {}

  // Relative activity at instant t of a person in `zone`, in [0, 1].
  double Activity(int64_t t, const ZoneClock& zone) const;

  // A moment drawn by `draw` (a candidate generator) and thinned by Activity().
  template <typename Draw>
  int64_t Moment(Rng& rng, const ZoneClock& zone, Draw draw) const {
    int64_t best = 0;
    double best_activity = -1;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      const int64_t t = draw();
      const double activity = Activity(t, zone);
      if (rng.NextDouble() < activity) return t;
      if (activity > best_activity) {
        best = t;
        best_activity = activity;
      }
    }
    return best;
  }

  // A working moment uniform over [lo, hi] (lo when hi <= lo).
  int64_t Between(Rng& rng, int64_t lo, int64_t hi, const ZoneClock& zone) const;

  // `n` working moments in [lo, hi], ascending, into `out`.
  void SortedBetween(Rng& rng, int64_t lo, int64_t hi, const ZoneClock& zone, size_t n,
                     std::vector<int64_t>& out) const;

 private:
  const Profile& p_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_WORKING_TIME_H_
