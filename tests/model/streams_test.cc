#include "src/model/streams.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

namespace asanasim {
namespace {

TEST(StreamsTest, PurposeNamesAreUnique) {
  std::set<std::string_view> names;
  for (const PurposeSpec& p : kPurposes) EXPECT_TRUE(names.insert(p.name).second) << p.name;
}

// Every (kind, purpose) the list allows starts a different stream at the same position.
TEST(StreamsTest, EveryAllowedPairIsItsOwnStream) {
  const StreamScope scope{.seed = 7, .org = 1, .team = 2};
  std::set<uint64_t> firsts;
  size_t pairs = 0;
  for (const PurposeSpec& p : kPurposes) {
    for (uint32_t k = 1; k <= static_cast<uint32_t>(Kind::kFieldValue); ++k) {
      if ((p.kinds & KindBit(static_cast<Kind>(k))) == 0) continue;
      Rng rng = Stream(scope, static_cast<Kind>(k), p.purpose, 3);
      firsts.insert(rng.NextU64());
      ++pairs;
    }
  }
  EXPECT_EQ(firsts.size(), pairs);
}

TEST(StreamsTest, AKindNotListedForAPurposeIsRefused) {
  EXPECT_DEBUG_DEATH(Stream(StreamScope{}, Kind::kUser, Purpose::kTaskDue, 0),
                     "a purpose drawn for a kind not listed");
}

}  // namespace
}  // namespace asanasim
