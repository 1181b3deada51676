// The few distributions asanasim needs, written here so that their algorithms (and so the
// output) are the same with every standard library. std:: distributions are never used.
// Thread-compatible: functions take the caller's Rng; the tables are immutable once built.
#ifndef ASANASIM_SRC_RNG_DISTRIBUTIONS_H_
#define ASANASIM_SRC_RNG_DISTRIBUTIONS_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "src/rng/rng.h"

namespace asanasim {

// Uniform on [0, n) without modulo bias (Lemire's multiply-and-reject).
// REQUIRES: n > 0.
uint32_t UniformInt(Rng& rng, uint32_t n);

// Uniform on [lo, hi]. REQUIRES: lo <= hi.
int64_t UniformRange(Rng& rng, int64_t lo, int64_t hi);

// True with probability p (p <= 0: never; p >= 1: always).
bool Bernoulli(Rng& rng, double p);

// Standard normal by the Box-Muller transform (one value per call, two uniforms).
double StandardNormal(Rng& rng);

// exp(mu + sigma * N(0, 1)); the median is exp(mu).
double LogNormal(Rng& rng, double mu, double sigma);

// Number of failures before the first success when the mean is `mean` (p = 1 / (1 + mean)).
// REQUIRES: mean >= 0.
uint32_t Geometric(Rng& rng, double mean);

// Random permutation of `items` (Fisher-Yates, drawing from the back).
template <typename T>
void Shuffle(Rng& rng, std::span<T> items) {
  for (size_t i = items.size(); i > 1; --i) {
    const size_t j = UniformInt(rng, static_cast<uint32_t>(i));
    std::swap(items[i - 1], items[j]);
  }
}

// Picks index i with probability weights[i] / sum(weights). Immutable once built.
class WeightedTable {
 public:
  WeightedTable() = default;
  // REQUIRES: weights non-empty, all >= 0, sum > 0.
  explicit WeightedTable(std::span<const double> weights);

  size_t Pick(Rng& rng) const;
  size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;
};

// Zipf on {0, ..., n-1}: P(k) proportional to 1 / (k + 1)^s.
class ZipfTable {
 public:
  ZipfTable(uint32_t n, double s);
  size_t Pick(Rng& rng) const { return table_.Pick(rng); }

 private:
  WeightedTable table_;
};

// Picks one element of a non-empty span uniformly.
template <typename T>
const T& PickOne(Rng& rng, std::span<const T> items) {
  return items[UniformInt(rng, static_cast<uint32_t>(items.size()))];
}

}  // namespace asanasim

#endif  // ASANASIM_SRC_RNG_DISTRIBUTIONS_H_
