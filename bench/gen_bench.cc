// Generation on one thread with no writer: rows/s of the planner, the org-level job and the team
// jobs (per table as counters).
#include <benchmark/benchmark.h>

#include "bench/bench_world.h"
#include "src/model/tables.h"

namespace asanasim::bench {
namespace {

void AddTableCounters(benchmark::State& state, const std::array<int64_t, kTableCount>& rows) {
  for (size_t t = 0; t < kTableCount; ++t) {
    if (rows[t] > 0) {
      state.counters[std::string(Describe(t).name)] =
          benchmark::Counter(static_cast<double>(rows[t]), benchmark::Counter::kIsRate);
    }
  }
}

// Per-table row counts of the batches a benchmark generated, reported as rates.
struct RowTally {
  std::array<int64_t, kTableCount> rows{};
  int64_t total = 0;
  void Add(const Batch& batch) {
    for (size_t t = 0; t < kTableCount; ++t)
      rows[t] += static_cast<int64_t>(batch.rows(static_cast<Table>(t)).rows());
    total += static_cast<int64_t>(batch.total_rows());
  }
  void Report(benchmark::State& state) const {
    state.SetItemsProcessed(total);
    AddTableCounters(state, rows);
  }
};

void BM_PlanOrganization(benchmark::State& state) {
  WorldConfig world = BenchWorld();
  world.users = static_cast<int32_t>(state.range(0));
  for (auto _ : state) {
    auto plan = PlanOrganization(world, 0);
    if (!plan.ok()) state.SkipWithError("planning failed");
    benchmark::DoNotOptimize(plan);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetLabel("users");
}
BENCHMARK(BM_PlanOrganization)->Arg(300)->Arg(3000)->Unit(benchmark::kMillisecond);

void BM_OrgRows(benchmark::State& state) {
  WorldConfig world = BenchWorld();
  world.users = static_cast<int32_t>(state.range(0));
  auto plan = PlanOrganization(world, 0);
  if (!plan.ok()) {
    state.SkipWithError("planning failed");
    return;
  }
  RowTally tally;
  for (auto _ : state) {
    Batch batch(0);
    GenerateOrgRows(**plan, batch);
    tally.Add(batch);
  }
  tally.Report(state);
}
BENCHMARK(BM_OrgRows)->Arg(300)->Arg(3000)->Unit(benchmark::kMillisecond);

// All team jobs of the default org, one after another on this thread.
void BM_TeamRows(benchmark::State& state) {
  auto plan = PlanOrganization(BenchWorld(), 0);
  if (!plan.ok()) {
    state.SkipWithError("planning failed");
    return;
  }
  RowTally tally;
  for (auto _ : state) {
    for (uint32_t t = 0; t < (*plan)->teams.size(); ++t) {
      Batch batch(t + 1);
      GenerateTeamRows(**plan, t, batch);
      tally.Add(batch);
    }
  }
  tally.Report(state);
}
BENCHMARK(BM_TeamRows)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace asanasim::bench
