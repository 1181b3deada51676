// What every phase of a team job reads: the org's plan, the team, its department's vocabulary,
// the profile, the job's random streams and working time, and the team's lookup tables (who takes
// work, which tags and fields its projects use). Thread-compatible: immutable after construction,
// one per team job.
#ifndef ASANASIM_SRC_GEN_TEAM_CONTEXT_H_
#define ASANASIM_SRC_GEN_TEAM_CONTEXT_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/gen/work_state.h"
#include "src/gen/working_time.h"
#include "src/model/streams.h"
#include "src/plan/org_plan.h"
#include "src/rng/distributions.h"
#include "src/text/template.h"
#include "src/text/vocabulary.h"

namespace asanasim {

class TeamContext {
 public:
  // REQUIRES: team_index < org.teams.size().
  TeamContext(const OrgPlan& org, uint32_t team_index);
  TeamContext(const TeamContext&) = delete;
  TeamContext& operator=(const TeamContext&) = delete;

  const OrgPlan& org() const { return org_; }
  const TeamPlan& team() const { return team_; }
  const Profile& profile() const { return p_; }
  const DepartmentVocab& vocab() const { return vocab_; }
  const WorkingTime& time() const { return time_; }
  // The job's number: the org-level job is 0, team t's job is t + 1.
  uint32_t job() const { return job_; }
  const UserPlan& user(uint32_t u) const { return org_.users[u]; }
  int64_t as_of() const { return org_.as_of; }

  // The stream of entity `index` for (kind, purpose) in this job.
  Rng Stream(Kind kind, Purpose purpose, uint64_t index) const {
    return asanasim::Stream(StreamScope{.seed = org_.seed, .org = org_.index, .team = job_}, kind,
                            purpose, index);
  }

  // A user's time zone.
  const ZoneClock& ZoneOf(uint32_t user) const { return org_.ZoneOf(user); }

  // A member of the team who takes work in `project`: Zipf-skewed over its workload order.
  uint32_t PickMember(Rng& rng, const ProjectState& project) const {
    return project.workload_order[workload_.Pick(rng)];
  }

  // The template context of text written at `at` by `writer` (dates are the writer's local
  // dates; people are the team's first names).
  TemplateContext Context(int64_t at, uint32_t writer) const;

  // Tags the department's tasks draw from (indexes into org.tags), with a Zipf pick over them
  // (null when there are none); custom fields its projects carry (indexes into org.fields,
  // ascending id).
  std::span<const int> tag_indexes() const { return tag_indexes_; }
  const ZipfTable* tag_pick() const { return tag_pick_.get(); }
  std::span<const int> field_indexes() const { return field_indexes_; }

 private:
  const OrgPlan& org_;
  const TeamPlan& team_;
  const uint32_t job_;
  const Profile& p_;
  const DepartmentVocab& vocab_;
  const WorkingTime time_;
  const ZipfTable workload_;
  std::vector<std::string_view> people_;
  std::vector<int> tag_indexes_;
  std::vector<int> field_indexes_;
  std::unique_ptr<ZipfTable> tag_pick_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_TEAM_CONTEXT_H_
