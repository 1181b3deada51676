#include "src/rng/rng.h"

#include <Random123/philox.h>
#include <gtest/gtest.h>

#include <set>

namespace asanasim {
namespace {

// Known answer from Random123's kat_vectors: philox4x32, 10 rounds, zero counter and key.
TEST(PhiloxTest, MatchesRandom123KnownAnswer) {
  philox4x32_ctr_t c = {{0, 0, 0, 0}};
  philox4x32_key_t k = {{0, 0}};
  const philox4x32_ctr_t r = philox4x32_R(10, c, k);
  EXPECT_EQ(r.v[0], 0x6627e8d5u);
  EXPECT_EQ(r.v[1], 0xe169c58du);
  EXPECT_EQ(r.v[2], 0xbc57ac4cu);
  EXPECT_EQ(r.v[3], 0x9b00dbd8u);
}

// Pins the stream layout: if this changes, every generated database changes.
TEST(RngTest, StreamKnownAnswers) {
  Rng rng(StreamKey{.seed = 42, .org = 1, .team = 2, .kind = 9, .purpose = 3}, 7);
  const uint32_t expected[] = {0x8853cd52u, 0x15b95231u, 0xe80226d2u, 0xf5466b49u, 0x4285dbcdu};
  for (uint32_t e : expected) EXPECT_EQ(rng.NextU32(), e);
  EXPECT_EQ(Mix64(0), 0xe220a8397b1dcdafULL);
}

TEST(RngTest, SameKeySameStream) {
  const StreamKey key{.seed = 9, .org = 3, .team = 4, .kind = 11, .purpose = 1};
  Rng a(key, 100);
  Rng b(key, 100);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.NextU32(), b.NextU32());
}

TEST(RngTest, EveryKeyPartSeparatesStreams) {
  const StreamKey base{.seed = 1, .org = 2, .team = 3, .kind = 9, .purpose = 4};
  std::vector<StreamKey> keys(6, base);
  keys[1].seed = 2;
  keys[2].org = 5;
  keys[3].team = 6;
  keys[4].kind = 10;
  keys[5].purpose = 5;
  std::set<uint64_t> firsts;
  for (const StreamKey& k : keys) {
    Rng r(k, 0);
    firsts.insert(r.NextU64());
  }
  Rng other_index(base, 1);
  firsts.insert(other_index.NextU64());
  EXPECT_EQ(firsts.size(), 7u);
}

// The index has one counter word of its own: every index below the limit is its own stream, and
// an index at or past it is a broken contract (checked in debug builds).
TEST(RngTest, IndexesBelowTheLimitAreDistinctAndLargerOnesAreRefused) {
  const StreamKey key{.seed = 1, .org = 2, .team = 3, .kind = 9, .purpose = 4};
  std::set<uint64_t> firsts;
  for (uint64_t index : {uint64_t{0}, uint64_t{1}, kStreamIndexLimit - 1, uint64_t{1} << 31}) {
    Rng r(key, index);
    firsts.insert(r.NextU64());
  }
  EXPECT_EQ(firsts.size(), 4u);
  EXPECT_DEBUG_DEATH(Rng(key, kStreamIndexLimit), "32-bit counter word");
}

TEST(RngTest, NextDoubleInUnitInterval) {
  Rng rng(StreamKey{}, 0);
  double sum = 0;
  for (int i = 0; i < 100000; ++i) {
    const double d = rng.NextDouble();
    ASSERT_GE(d, 0.0);
    ASSERT_LT(d, 1.0);
    sum += d;
  }
  EXPECT_NEAR(sum / 100000, 0.5, 0.01);
}

}  // namespace
}  // namespace asanasim
