// Philox stream and distribution throughput (draws per second).
#include <benchmark/benchmark.h>

#include "src/rng/distributions.h"
#include "src/rng/rng.h"

namespace asanasim {
namespace {

void BM_NextU32(benchmark::State& state) {
  Rng rng(StreamKey{.seed = 1}, 0);
  for (auto _ : state) benchmark::DoNotOptimize(rng.NextU32());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NextU32);

void BM_NewStreamPerEntity(benchmark::State& state) {
  uint64_t i = 0;
  for (auto _ : state) {
    Rng rng(StreamKey{.seed = 1, .kind = 9, .purpose = 3}, i++);
    benchmark::DoNotOptimize(rng.NextU32());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NewStreamPerEntity);

void BM_UniformInt(benchmark::State& state) {
  Rng rng(StreamKey{.seed = 1}, 0);
  for (auto _ : state) benchmark::DoNotOptimize(UniformInt(rng, 37));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_UniformInt);

void BM_LogNormal(benchmark::State& state) {
  Rng rng(StreamKey{.seed = 1}, 0);
  for (auto _ : state) benchmark::DoNotOptimize(LogNormal(rng, 1.4, 1.2));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LogNormal);

void BM_WeightedPick(benchmark::State& state) {
  const ZipfTable zipf(static_cast<uint32_t>(state.range(0)), 0.9);
  Rng rng(StreamKey{.seed = 1}, 0);
  for (auto _ : state) benchmark::DoNotOptimize(zipf.Pick(rng));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WeightedPick)->Arg(10)->Arg(1000);

}  // namespace
}  // namespace asanasim
