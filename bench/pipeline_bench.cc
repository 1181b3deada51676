// End to end: plan, parallel generation, sequencer, writer and finalize (indexes, checkpoint,
// rename, content hash) at 1, 2 and all threads; and generation only (rows discarded), whose
// scaling from 1 to 2 threads is a target.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "asanasim/generate.h"
#include "bench/bench_world.h"

namespace asanasim::bench {
namespace {

void Run(benchmark::State& state, bool discard) {
  const std::string path = ScratchPath("pipeline.sqlite");
  GenerateOptions options;
  options.out = path;
  options.force = true;
  options.manifest = false;
  options.discard = discard;
  options.orgs = static_cast<uint32_t>(state.range(1));
  options.threads = static_cast<int32_t>(state.range(0));
  int64_t rows = 0;
  for (auto _ : state) {
    absl::StatusOr<GenerateSummary> s = Generate(options);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.status().message()).c_str());
      break;
    }
    rows = s->total_rows;
  }
  ::unlink(path.c_str());
  state.SetItemsProcessed(state.iterations() * rows);
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["threads"] = static_cast<double>(state.range(0));
}

void BM_EndToEnd(benchmark::State& state) { Run(state, false); }
void BM_GenerateOnly(benchmark::State& state) { Run(state, true); }

// Args {threads, orgs}. End to end runs the writer_bench world (4 default orgs) so the two
// compare; generation alone runs 24 orgs, big enough that start-up and the serial planning of each
// org do not hide the scaling.
void ThreadCounts(benchmark::internal::Benchmark* b, int64_t orgs) {
  const int64_t all = std::max<int64_t>(1, std::thread::hardware_concurrency());
  std::vector<int64_t> counts = {1, 2, all};
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  for (int64_t t : counts) b->Args({t, orgs});
}
void EndToEndArgs(benchmark::internal::Benchmark* b) { ThreadCounts(b, 4); }
void GenerateOnlyArgs(benchmark::internal::Benchmark* b) { ThreadCounts(b, 24); }
BENCHMARK(BM_EndToEnd)
    ->Apply(EndToEndArgs)
    ->ArgNames({"threads", "orgs"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_GenerateOnly)
    ->Apply(GenerateOnlyArgs)
    ->ArgNames({"threads", "orgs"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace asanasim::bench
