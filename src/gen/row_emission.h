// Row emission, the last phase of a team job: a task's facts, history and words become rows of
// tasks, stories, task_followers, task_tags, custom_field_values, task_dependencies and
// task_projects. Indexes become ids here and nowhere else; the cells of each row go in the order
// src/model/tables.inc states. Thread-compatible (writes only to the caller's batch).
#ifndef ASANASIM_SRC_GEN_ROW_EMISSION_H_
#define ASANASIM_SRC_GEN_ROW_EMISSION_H_

#include <span>

#include "src/gen/team_context.h"
#include "src/gen/work_state.h"
#include "src/model/batch.h"
#include "src/model/ids.h"

namespace asanasim {

// Appends every row of `task` (a subtask of `parent`, or top-level when parent is null) in
// `project` to `batch`; story ids come from `ids`. `projects` are the team's projects so far.
// REQUIRES: `text` was bound to `history`, and `history` drawn for `task`.
void EmitTask(const TeamContext& team, std::span<const ProjectState> projects,
              const ProjectState& project, const TaskState& task, const TaskState* parent,
              const TaskHistory& history, const TaskText& text, JobIds& ids, Batch& batch);

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_ROW_EMISSION_H_
