// Project setup, the first phase of a team job: a project's facts (owner, life span, completion,
// status updates over time, members and their access, who takes its work, custom fields,
// sections, how many tasks it gets) and its rows (projects, status_updates, project_memberships,
// project_custom_field_settings, sections). Its tasks come next, through the task phases.
// Thread-compatible (one per team job).
//
// A project is created at a working moment of its owner, skewed towards the start of the
// history (older projects are commoner); it runs for a log-normal planned span and, when that has
// passed, is completed with the profile's probability (completed projects may be archived); a
// few open projects go quiet weeks before as_of (nothing is created, done or said after).
// Status updates start about a week in and follow every week or two, each status a Markov step
// from the last; a completed project ends with 'complete'.
#ifndef ASANASIM_SRC_GEN_PROJECT_SETUP_H_
#define ASANASIM_SRC_GEN_PROJECT_SETUP_H_

#include <array>
#include <cstdint>
#include <vector>

#include "src/gen/team_context.h"
#include "src/gen/text_binding.h"
#include "src/gen/work_state.h"
#include "src/model/batch.h"
#include "src/model/ids.h"

namespace asanasim {

class ProjectSetup {
 public:
  explicit ProjectSetup(const TeamContext& team);
  ProjectSetup(const ProjectSetup&) = delete;
  ProjectSetup& operator=(const ProjectSetup&) = delete;

  // Project `local` of the team: its rows go to `batch` (ids from `ids`, text from `text`), and
  // it is returned as its tasks see it.
  ProjectState Run(uint32_t local, TextBinder& text, JobIds& ids, Batch& batch);

 private:
  // What the project row needs beyond ProjectState.
  struct Shape {
    int64_t planned_end = 0;
    int64_t modified = 0;
    bool archived = false;
    bool has_start = false;
    bool has_due = false;
  };
  Shape DrawShape(ProjectState& project);
  void EmitProject(const ProjectState& project, const Shape& shape, const ProjectText& words,
                   Batch& batch) const;
  void Members(ProjectState& project, Rng& members, Batch& batch) const;
  void FieldsAndSections(ProjectState& project, JobIds& ids, Batch& batch) const;
  // Fills statuses_; returns modified_at moved past the last update.
  int64_t StatusUpdates(const ProjectState& project, int64_t modified);

  const TeamContext& team_;
  const WeightedTable tag_rates_;
  std::array<WeightedTable, 4> status_next_;  // rows of Profile::status_transition
  std::vector<StatusDraft> statuses_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_PROJECT_SETUP_H_
