// RowHasher buffers the encoding and feeds XXH3 a buffer at a time; its digest must be XXH3-128
// of the whole encoding in one piece, however values fall across the buffer's edge.
#include "src/model/row_hasher.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace asanasim {
namespace {

// The encoding written out by hand: a type byte, then 8 little-endian bytes of an integer or a
// double's bits, or of a text's length followed by the text.
void AppendU64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}

std::string OneShotHex(const std::string& bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char buf[33];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

TEST(RowHasherTest, EqualsOneShotXxh3OfTheEncoding) {
  RowHasher h;
  std::string expected;
  // Texts of sizes around the 4 KiB buffer (under, exactly, over, several times over) between
  // integers, nulls and doubles, so that values start at every kind of offset in the buffer.
  const int sizes[] = {0, 1, 7, 100, 4080, 4087, 4095, 4096, 4097, 8191, 10000, 3, 4000, 5000};
  int64_t n = -3;
  for (int round = 0; round < 3; ++round) {
    for (const int size : sizes) {
      const std::string text(static_cast<size_t>(size), static_cast<char>('a' + size % 26));
      h.Text(text);
      expected.push_back(static_cast<char>(RowHasher::kText));
      AppendU64(expected, text.size());
      expected += text;

      h.Integer(n);
      expected.push_back(static_cast<char>(RowHasher::kInteger));
      AppendU64(expected, static_cast<uint64_t>(n));
      n = static_cast<int64_t>(static_cast<uint64_t>(n) * 7 + 1);  // wraps, as intended

      h.Null();
      expected.push_back(static_cast<char>(RowHasher::kNull));

      h.Float(0.25 * size);
      expected.push_back(static_cast<char>(RowHasher::kFloat));
      const double d = 0.25 * size;
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof(bits));
      AppendU64(expected, bits);
    }
    // Hex() mid-stream is the digest so far and leaves the stream going on.
    EXPECT_EQ(h.Hex(), OneShotHex(expected)) << "round " << round;
  }
  h.Text(std::string("\x01\x02", 2), RowHasher::kBlob);
  expected.push_back(static_cast<char>(RowHasher::kBlob));
  AppendU64(expected, 2);
  expected += std::string("\x01\x02", 2);
  EXPECT_EQ(h.Hex(), OneShotHex(expected));
  EXPECT_GT(expected.size(), 100000u);
}

TEST(RowHasherTest, EmptyStreamIsXxh3OfNothing) { EXPECT_EQ(RowHasher().Hex(), OneShotHex("")); }

}  // namespace
}  // namespace asanasim
