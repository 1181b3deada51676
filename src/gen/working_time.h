// When people work: the Profile's weekday and hour weights at a person's UTC offset, and moments
// drawn from them. Thread-compatible (immutable after construction; the Rng is the caller's).
//
// A working moment is a candidate instant thinned by Activity(): candidates are redrawn whole
// until one is accepted with probability weekday_weight x hour_weight (both at most 1), so
// accepted moments follow the candidate density times the weights, with no pile-up on Mondays.
// The acceptance rate is about 0.3, so kMaxAttempts = 24 fails about once in 5,000 draws; then
// the last candidate stands.
#ifndef ASANASIM_SRC_GEN_WORKING_TIME_H_
#define ASANASIM_SRC_GEN_WORKING_TIME_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/plan/profile.h"
#include "src/rng/rng.h"

namespace asanasim {

class WorkingTime {
 public:
  static constexpr int kMaxAttempts = 24;

  explicit WorkingTime(const Profile& profile) : p_(profile) {}

  // Relative activity of a person at UTC offset `tz_min` at instant t, in [0, 1].
  double Activity(int64_t t, int32_t tz_min) const;

  // A moment drawn by `draw` (a candidate generator) and thinned by Activity().
  template <typename Draw>
  int64_t Moment(Rng& rng, int32_t tz_min, Draw draw) const {
    int64_t t = 0;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      t = draw();
      if (rng.NextDouble() < Activity(t, tz_min)) return t;
    }
    return t;
  }

  // A working moment uniform over [lo, hi] (lo when hi <= lo).
  int64_t Between(Rng& rng, int64_t lo, int64_t hi, int32_t tz_min) const;

  // `n` working moments in [lo, hi], ascending, into `out`.
  void SortedBetween(Rng& rng, int64_t lo, int64_t hi, int32_t tz_min, size_t n,
                     std::vector<int64_t>& out) const;

 private:
  const Profile& p_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_WORKING_TIME_H_
