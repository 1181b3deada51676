#include "src/rng/rng.h"

#include <Random123/philox.h>

namespace asanasim {
namespace {

thread_local StreamRecorder* t_recorder = nullptr;

}  // namespace

uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

Rng::Rng(const StreamKey& key, uint64_t index) {
  assert(index < kStreamIndexLimit && "a stream index has one 32-bit counter word (rng.h)");
  const uint64_t k = Mix64(key.seed ^ Mix64((static_cast<uint64_t>(key.kind) << 32) | key.purpose));
  key_ = {static_cast<uint32_t>(k), static_cast<uint32_t>(k >> 32)};
  counter_ = {0, static_cast<uint32_t>(index), key.team, key.org};
  if (t_recorder != nullptr) {
    t_recorder->streams_.push_back(
        {key_[0], key_[1], counter_[0], counter_[1], counter_[2], counter_[3]});
  }
}

void Rng::Refill() {
  philox4x32_ctr_t c = {{counter_[0], counter_[1], counter_[2], counter_[3]}};
  philox4x32_key_t k = {{key_[0], key_[1]}};
  const philox4x32_ctr_t r = philox4x32_R(10, c, k);
  buffer_ = {r.v[0], r.v[1], r.v[2], r.v[3]};
  ++counter_[0];
  pos_ = 0;
}

StreamRecorder::StreamRecorder() : previous_(t_recorder) { t_recorder = this; }
StreamRecorder::~StreamRecorder() { t_recorder = previous_; }
StreamRecorder* StreamRecorder::current() { return t_recorder; }

}  // namespace asanasim
