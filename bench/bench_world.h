// Shared by the benchmarks: a world's batches generated in memory, and scratch paths. Not
// thread-safe (benchmarks run one at a time).
#ifndef ASANASIM_BENCH_BENCH_WORLD_H_
#define ASANASIM_BENCH_BENCH_WORLD_H_

#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "src/gen/jobs.h"
#include "src/model/batch.h"
#include "src/plan/org_plan.h"

namespace asanasim::bench {

// The default org's world description (300 people, 60 projects, 40 tasks per project), scaled
// by `orgs`.
inline WorldConfig BenchWorld(uint32_t orgs = 1) {
  return WorldConfig{.seed = 42,
                     .org_count = orgs,
                     .users = 300,
                     .projects = 60,
                     .tasks_per_project = 40,
                     .months = 6,
                     .as_of_ms = 1782864000000};
}

// Every batch of `world` (all its orgs), in job order.
inline std::vector<std::unique_ptr<Batch>> MakeBatches(const WorldConfig& world) {
  std::vector<std::unique_ptr<Batch>> out;
  uint64_t seq = 0;
  for (uint32_t org = 0; org < world.org_count; ++org) {
    auto plan = PlanOrganization(world, org);
    if (!plan.ok()) return {};
    out.push_back(std::make_unique<Batch>(seq++));
    GenerateOrgRows(**plan, *out.back());
    for (uint32_t t = 0; t < (*plan)->teams.size(); ++t) {
      out.push_back(std::make_unique<Batch>(seq++));
      GenerateTeamRows(**plan, t, *out.back());
    }
  }
  return out;
}

inline int64_t RowsOf(const std::vector<std::unique_ptr<Batch>>& batches, Table table) {
  int64_t n = 0;
  for (const auto& b : batches) n += static_cast<int64_t>(b->rows(table).rows());
  return n;
}

// A scratch file path in $TMPDIR (or /tmp) unique to this process.
inline std::string ScratchPath(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/asanasim_bench_" +
         std::to_string(::getpid()) + "_" + name;
}

}  // namespace asanasim::bench

#endif  // ASANASIM_BENCH_BENCH_WORLD_H_
