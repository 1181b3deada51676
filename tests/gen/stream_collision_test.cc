// No two draws of a generation share a random stream: every Rng constructed while an org is
// planned and all of its jobs are generated has its own (Philox key, counter), in an org with more
// than 256 teams (the size at which a stream index's high bits used to meet the team's).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "src/gen/jobs.h"
#include "src/llm/pools.h"
#include "src/plan/org_plan.h"
#include "src/rng/rng.h"

namespace asanasim {
namespace {

// Tier 3 draws happen only when there are pools: give every department and slot one variant.
TextPools OneVariantEach() {
  TextPools::Variants v;
  for (auto& department : v) {
    for (auto& slot : department) slot = {"Following up on this with the team this week."};
  }
  return TextPools(std::move(v));
}

TEST(StreamCollisionTest, EveryStreamOfABigOrgIsDistinct) {
  const TextPools pools = OneVariantEach();
  const WorldConfig world{.seed = 42,
                          .org_count = 2,
                          .users = 2700,
                          .projects = 600,
                          .tasks_per_project = 3,
                          .months = 6,
                          .as_of_ms = 1782864000000,
                          .pools = &pools,
                          .llm_share = 0.5};
  StreamRecorder recorder;
  absl::StatusOr<std::shared_ptr<const OrgPlan>> plan = PlanOrganization(world, 0);
  ASSERT_TRUE(plan.ok()) << plan.status();
  const OrgPlan& org = **plan;
  ASSERT_GT(org.teams.size(), 256u);
  {
    Batch batch(0);
    GenerateOrgRows(org, batch);
  }
  for (uint32_t t = 0; t < org.teams.size(); ++t) {
    Batch batch(t + 1);
    GenerateTeamRows(org, t, batch);
  }
  std::vector<StreamRecorder::Stream> streams = recorder.streams();
  ASSERT_GT(streams.size(), 50000u);
  std::sort(streams.begin(), streams.end());
  const auto twin = std::adjacent_find(streams.begin(), streams.end());
  if (twin != streams.end()) {
    const StreamRecorder::Stream& s = *twin;
    FAIL() << "two draws share the stream key=" << std::hex << s[0] << ":" << s[1]
           << " counter=" << s[2] << ":" << s[3] << ":" << s[4] << ":" << s[5] << " (of "
           << std::dec << streams.size() << " streams)";
  }
}

}  // namespace
}  // namespace asanasim
