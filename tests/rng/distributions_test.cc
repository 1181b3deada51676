#include "src/rng/distributions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace asanasim {
namespace {

Rng TestRng(uint32_t purpose) {
  return Rng(StreamKey{.seed = 1234, .org = 0, .team = 0, .kind = 9, .purpose = purpose}, 0);
}

TEST(DistributionsTest, UniformIntIsInRangeAndFlat) {
  Rng rng = TestRng(1);
  constexpr uint32_t kN = 7;
  std::vector<int> counts(kN, 0);
  constexpr int kDraws = 70000;
  for (int i = 0; i < kDraws; ++i) {
    const uint32_t v = UniformInt(rng, kN);
    ASSERT_LT(v, kN);
    ++counts[v];
  }
  double chi2 = 0;
  for (int c : counts) chi2 += (c - kDraws / 7.0) * (c - kDraws / 7.0) / (kDraws / 7.0);
  EXPECT_LT(chi2, 22.46);  // p = 0.001 for 6 degrees of freedom
  EXPECT_EQ(UniformInt(rng, 1), 0u);
}

TEST(DistributionsTest, UniformRangeCoversWideSpans) {
  Rng rng = TestRng(2);
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (int i = 0; i < 10000; ++i) {
    const int64_t v = UniformRange(rng, -5, 5);
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  EXPECT_EQ(lo, -5);
  EXPECT_EQ(hi, 5);
  const int64_t big_lo = 1000000000000LL, big_hi = 1000000000000LL + 86400000LL * 365;
  double mean = 0;
  for (int i = 0; i < 20000; ++i) {
    const int64_t v = UniformRange(rng, big_lo, big_hi);
    ASSERT_GE(v, big_lo);
    ASSERT_LE(v, big_hi);
    mean += static_cast<double>(v - big_lo) / 20000;
  }
  EXPECT_NEAR(mean / (big_hi - big_lo), 0.5, 0.01);
}

TEST(DistributionsTest, BernoulliMatchesP) {
  Rng rng = TestRng(3);
  int hits = 0;
  for (int i = 0; i < 100000; ++i) hits += Bernoulli(rng, 0.15) ? 1 : 0;
  EXPECT_NEAR(hits / 100000.0, 0.15, 0.005);
  EXPECT_FALSE(Bernoulli(rng, 0.0));
  EXPECT_TRUE(Bernoulli(rng, 1.0));
}

TEST(DistributionsTest, NormalMoments) {
  Rng rng = TestRng(4);
  double sum = 0, sum2 = 0;
  constexpr int kN = 200000;
  for (int i = 0; i < kN; ++i) {
    const double x = StandardNormal(rng);
    sum += x;
    sum2 += x * x;
  }
  EXPECT_NEAR(sum / kN, 0.0, 0.01);
  EXPECT_NEAR(sum2 / kN, 1.0, 0.02);
}

TEST(DistributionsTest, LogNormalMedianAndSpread) {
  Rng rng = TestRng(5);
  std::vector<double> xs(100001);
  for (double& x : xs) x = LogNormal(rng, std::log(4.0), 1.2);
  std::nth_element(xs.begin(), xs.begin() + 50000, xs.end());
  EXPECT_NEAR(xs[50000], 4.0, 0.15);
  double s = 0, s2 = 0;
  for (double x : xs) {
    s += std::log(x);
    s2 += std::log(x) * std::log(x);
  }
  const double mean = s / xs.size();
  EXPECT_NEAR(std::sqrt(s2 / xs.size() - mean * mean), 1.2, 0.02);
}

TEST(DistributionsTest, GeometricMean) {
  Rng rng = TestRng(6);
  double sum = 0;
  for (int i = 0; i < 100000; ++i) sum += Geometric(rng, 1.3);
  EXPECT_NEAR(sum / 100000, 1.3, 0.03);
  EXPECT_EQ(Geometric(rng, 0.0), 0u);
}

TEST(DistributionsTest, WeightedTableFrequencies) {
  const double weights[] = {1, 0, 3, 6};
  const WeightedTable table(weights);
  Rng rng = TestRng(7);
  std::vector<int> counts(4, 0);
  for (int i = 0; i < 100000; ++i) ++counts[table.Pick(rng)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0] / 100000.0, 0.1, 0.005);
  EXPECT_NEAR(counts[2] / 100000.0, 0.3, 0.007);
  EXPECT_NEAR(counts[3] / 100000.0, 0.6, 0.007);
}

TEST(DistributionsTest, ZipfRatios) {
  const ZipfTable zipf(10, 1.0);
  Rng rng = TestRng(8);
  std::vector<int> counts(10, 0);
  for (int i = 0; i < 200000; ++i) ++counts[zipf.Pick(rng)];
  EXPECT_NEAR(static_cast<double>(counts[0]) / counts[1], 2.0, 0.1);
  EXPECT_NEAR(static_cast<double>(counts[0]) / counts[9], 10.0, 1.0);
}

TEST(DistributionsTest, ShuffleIsAPermutation) {
  Rng rng = TestRng(9);
  std::vector<int> v(100);
  std::iota(v.begin(), v.end(), 0);
  Shuffle(rng, std::span<int>(v));
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 100; ++i) EXPECT_EQ(sorted[i], i);
  int fixed = 0;
  for (int i = 0; i < 100; ++i) fixed += v[i] == i ? 1 : 0;
  EXPECT_LT(fixed, 10);
}

}  // namespace
}  // namespace asanasim
