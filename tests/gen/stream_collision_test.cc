// No two draws of a generation share a random stream: every Rng constructed while an org is
// planned and all of its jobs are generated has its own (Philox key, counter), in an org with more
// than 256 teams (the size at which a stream index's high bits used to meet the team's).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "src/gen/jobs.h"
#include "src/plan/org_plan.h"
#include "src/rng/rng.h"
#include "src/text/vocabulary.h"

namespace asanasim {
namespace {

// Tier 3 draws happen only where a department has LLM archetypes: give every department of the
// B2B SaaS pack one.
std::unique_ptr<const Vocabulary> WithLlmArchetypes() {
  std::vector<std::pair<std::string, std::string>> files;
  for (std::string_view stem : kDepartmentFiles) {
    files.emplace_back(std::string("saas/archetypes/") + std::string(stem) + ".llm.toml",
                       "[[archetype]]\nid = \"llm-follow-up\"\n"
                       "names = [\"Follow up with {person} on the open items\"]\n"
                       "descriptions = [\"Collect the open items with {person} and close them.\"]\n"
                       "subtasks = [\"List the open items\", \"Agree owners\", \"Close them\"]\n"
                       "[archetype.comments]\n"
                       "progress = [\"Went through the open items with {person}.\"]\n");
  }
  absl::StatusOr<std::unique_ptr<const Vocabulary>> v = Vocabulary::BuiltIn().With(files);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *std::move(v) : nullptr;
}

TEST(StreamCollisionTest, EveryStreamOfABigOrgIsDistinct) {
  const std::unique_ptr<const Vocabulary> vocabulary = WithLlmArchetypes();
  ASSERT_NE(vocabulary, nullptr);
  const WorldConfig world{.seed = 42,
                          .org_count = 2,
                          .users = 2700,
                          .projects = 600,
                          .tasks_per_project = 3,
                          .months = 6,
                          .as_of_ms = 1782864000000,
                          .vocabulary = vocabulary.get(),
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
