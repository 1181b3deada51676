// Counter-based random streams. Thread-compatible (an Rng is a small value; give each task its
// own); construction is cheap (no state beyond a key, a counter and four buffered words).
//
// Seeding essay
// -------------
// asanasim never keeps a random *state* that flows from one entity to the next: that would make
// every value depend on how much was drawn before it, and so on iteration and thread order.
// Instead each draw is a pure function of where it is used:
//
//     Philox4x32-10(key = K(seed, kind, purpose), counter = (block, index, team, org))
//
// * `seed` is the run's seed; `kind` names the entity (user, task, story, ...) and `purpose` the
//   decision (assignee, due date, ...); src/model/streams.h lists them all and checks that no
//   two share a pair. K mixes the three with SplitMix64 finalizers (bijections) into the 64-bit
//   Philox key, so within one seed two (kind, purpose) pairs never share a key.
// * `org`, `team` (the job) and `index` (the entity's local index) go into the counter verbatim,
//   one 32-bit word each, so two entities never share a block of randomness. The index must
//   therefore fit its word: REQUIRES index < kStreamIndexLimit (2^32; checked in debug builds).
//   A decision that needs a second stream for the same entity takes a purpose of its own; it
//   never encodes the distinction in the index's high bits (a word shared with nothing else
//   would have to hold them, and there is none).
// * `block` counts the 128-bit outputs drawn for this one entity and purpose, so an entity can
//   draw as many values as it needs; they are consumed 32 bits at a time.
// Consequences: a value depends only on (seed, org, team, kind, purpose, index, draw number);
// adding a purpose or drawing more for one decision never shifts any other decision; and
// generating an org alone, in a shard, or at any thread count gives the same values.
#ifndef ASANASIM_SRC_RNG_RNG_H_
#define ASANASIM_SRC_RNG_RNG_H_

#include <array>
#include <cassert>
#include <cstdint>
#include <vector>

namespace asanasim {

// Stream indexes are entity indexes within a job (below 2^30 by the id scheme, src/model/ids.h);
// each has a 32-bit counter word of its own.
inline constexpr uint64_t kStreamIndexLimit = 1ull << 32;

struct StreamKey {
  uint64_t seed = 0;
  uint32_t org = 0;
  uint32_t team = 0;
  uint32_t kind = 0;     // Kind and purpose numbers: src/model/streams.h lists the program's
  uint32_t purpose = 0;  // streams and keeps them distinct
};

// 64-bit finalizer of SplitMix64 (a bijection with good avalanche).
uint64_t Mix64(uint64_t x);

class Rng {
 public:
  // The stream of entity `index` under `key`. REQUIRES: index < kStreamIndexLimit.
  Rng(const StreamKey& key, uint64_t index);

  Rng(const Rng&) = default;
  Rng& operator=(const Rng&) = default;

  uint32_t NextU32() {
    if (pos_ == 4) Refill();
    return buffer_[pos_++];
  }
  uint64_t NextU64() {
    const uint64_t hi = NextU32();
    return (hi << 32) | NextU32();
  }
  // Uniform on [0, 1) with 53 random bits.
  double NextDouble() { return static_cast<double>(NextU64() >> 11) * 0x1.0p-53; }

 private:
  void Refill();

  std::array<uint32_t, 2> key_;
  std::array<uint32_t, 4> counter_;  // {block, index, team, org}
  std::array<uint32_t, 4> buffer_;
  int pos_ = 4;
};

// Test support: while a StreamRecorder lives, every Rng constructed on its thread records its
// Philox key and starting counter, so a test can prove that no two draws of a generation share a
// stream. Thread-hostile: one recorder per thread, destroyed on the thread that made it.
class StreamRecorder {
 public:
  using Stream = std::array<uint32_t, 6>;  // key[0], key[1], counter[0..3]

  StreamRecorder();
  ~StreamRecorder();
  StreamRecorder(const StreamRecorder&) = delete;
  StreamRecorder& operator=(const StreamRecorder&) = delete;

  const std::vector<Stream>& streams() const { return streams_; }

  // The recorder of the calling thread, or nullptr.
  static StreamRecorder* current();

 private:
  friend class Rng;
  std::vector<Stream> streams_;
  StreamRecorder* previous_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_RNG_RNG_H_
