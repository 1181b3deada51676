// Row generators for the two kinds of job: the org-level job (the plan's own rows: company,
// people, teams, memberships, custom field definitions, tags; org_rows.cc) and a team job
// (everything under the team's projects; team_job.cc). Each is a pure function of (plan, job):
// the rows and their order depend on nothing else, which is what makes the output independent of
// thread count and sharding. Thread-safe: the plan is read-only; each call fills its own Batch.
#ifndef ASANASIM_SRC_GEN_JOBS_H_
#define ASANASIM_SRC_GEN_JOBS_H_

#include <cstdint>

#include "src/model/batch.h"
#include "src/plan/org_plan.h"

namespace asanasim {

// Appends the org-level rows of `org` to `batch`.
void GenerateOrgRows(const OrgPlan& org, Batch& batch);

// Appends every row of team `team_index`'s projects to `batch`.
// REQUIRES: team_index < org.teams.size().
void GenerateTeamRows(const OrgPlan& org, uint32_t team_index, Batch& batch);

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_JOBS_H_
