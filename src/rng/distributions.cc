#include "src/rng/distributions.h"

#include <algorithm>
#include <cmath>

namespace asanasim {

uint32_t UniformInt(Rng& rng, uint32_t n) {
  uint64_t m = static_cast<uint64_t>(rng.NextU32()) * n;
  uint32_t low = static_cast<uint32_t>(m);
  if (low < n) {
    const uint32_t threshold = static_cast<uint32_t>(-n) % n;
    while (low < threshold) {
      m = static_cast<uint64_t>(rng.NextU32()) * n;
      low = static_cast<uint32_t>(m);
    }
  }
  return static_cast<uint32_t>(m >> 32);
}

int64_t UniformRange(Rng& rng, int64_t lo, int64_t hi) {
  const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo);
  if (span < 0xffffffffULL) {
    return lo + UniformInt(rng, static_cast<uint32_t>(span + 1));
  }
  if (span == ~0ULL) return static_cast<int64_t>(rng.NextU64());
  const uint64_t n = span + 1;
  const uint64_t limit = ~0ULL - (~0ULL % n);  // Largest multiple of n, exclusive.
  uint64_t x;
  do {
    x = rng.NextU64();
  } while (x >= limit);
  return static_cast<int64_t>(static_cast<uint64_t>(lo) + x % n);
}

bool Bernoulli(Rng& rng, double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return rng.NextDouble() < p;
}

double StandardNormal(Rng& rng) {
  // 1 - u is in (0, 1], so the log is finite.
  const double u1 = 1.0 - rng.NextDouble();
  const double u2 = rng.NextDouble();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

double LogNormal(Rng& rng, double mu, double sigma) {
  return std::exp(mu + sigma * StandardNormal(rng));
}

uint32_t Geometric(Rng& rng, double mean) {
  if (mean <= 0.0) return 0;
  const double p = 1.0 / (1.0 + mean);
  const double u = 1.0 - rng.NextDouble();  // (0, 1]
  const double k = std::floor(std::log(u) / std::log1p(-p));
  return k >= 4.0e9 ? 4000000000u : static_cast<uint32_t>(k);
}

WeightedTable::WeightedTable(std::span<const double> weights) {
  cumulative_.reserve(weights.size());
  double total = 0.0;
  for (double w : weights) {
    total += w > 0.0 ? w : 0.0;
    cumulative_.push_back(total);
  }
}

size_t WeightedTable::Pick(Rng& rng) const {
  const double x = rng.NextDouble() * cumulative_.back();
  // First entry strictly greater than x: zero-weight entries are never picked.
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
  return std::min(static_cast<size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
}

namespace {
std::vector<double> ZipfWeights(uint32_t n, double s) {
  std::vector<double> w(std::max<uint32_t>(n, 1));
  for (uint32_t k = 0; k < w.size(); ++k) w[k] = 1.0 / std::pow(static_cast<double>(k + 1), s);
  return w;
}
}  // namespace

ZipfTable::ZipfTable(uint32_t n, double s) : table_(ZipfWeights(n, s)) {}

}  // namespace asanasim
