// History, the phase of a team job that draws a task's activity feed and what hangs off it. The
// feed is drawn as changes from an empty task, so replaying it gives the task's row: created (in
// the project's first section), assigned (right away, or by the team lead at triage days later;
// sometimes first to someone else, or assigned and later unassigned), due dates set and, when
// they pass with the work open, often pushed out (some several times), moves through the
// workflow's sections (done work ends in the last one), tags, watchers, dependencies and second
// homes added, custom fields changed, comments, approval decisions, and marked_complete (now and
// then marked incomplete and completed again). Every story lies in the task's active life (it
// ends at completion, or when open work went quiet) and at a working moment of its author where
// the author chose the moment. Stories come out in time order; modified_at is the latest.
//
// Invariants (checked by `asanasim validate`): every person on a task is a member of the
// project's team; every story lies in [created_at, as_of]; modified_at >= every story; replaying
// the stories gives the task's assignee, dates, sections, completion, approval, tags, followers,
// dependencies, second homes and changed custom fields.
//
// Thread-compatible (one per team job; reuses its buffers task after task).
#ifndef ASANASIM_SRC_GEN_HISTORY_H_
#define ASANASIM_SRC_GEN_HISTORY_H_

#include <cstdint>
#include <span>
#include <vector>

#include "src/gen/team_context.h"
#include "src/gen/work_state.h"

namespace asanasim {

class HistoryDrafter {
 public:
  explicit HistoryDrafter(const TeamContext& team);
  HistoryDrafter(const HistoryDrafter&) = delete;
  HistoryDrafter& operator=(const HistoryDrafter&) = delete;

  // The history of `task` in `project` (projects[project.local]; `projects` are the team's
  // projects so far: a second home is an earlier one). An open task past its due date may be
  // rescheduled: `task`'s due and start dates are final afterwards. The result is valid until
  // the next call. `archetype` is the task's story (or null): its hints choose the tags and
  // the choice fields' options.
  const TaskHistory& Draw(std::span<const ProjectState> projects, const ProjectState& project,
                          TaskState& task, const Archetype* archetype);

 private:
  void Assignment(const ProjectState& project, const TaskState& task, Rng& srng, Rng& hrng);
  int64_t SetDueDate(const TaskState& task, Rng& srng);
  void PushDueDates(TaskState& task, int64_t due_set_at);
  void Comments(const ProjectState& project, const TaskState& task);
  void Sections(const ProjectState& project, const TaskState& task, Rng& hrng);
  void Completion(const TaskState& task, Rng& hrng);
  void Tags(const ProjectState& project, const TaskState& task, const Archetype* archetype);
  void Followers(const ProjectState& project, const TaskState& task);
  void FieldValues(const ProjectState& project, const TaskState& task, const Archetype* archetype);
  bool HintedOptions(const Archetype* archetype, const FieldPlan& f);
  void Dependencies(const ProjectState& project, const TaskState& task, Rng& rng);
  void SecondHome(std::span<const ProjectState> projects, const ProjectState& project,
                  const TaskState& task, Rng& rng);

  const TeamContext& team_;
  const Profile& p_;
  const WeightedTable open_assigned_;
  const WeightedTable open_unassigned_;
  const WeightedTable fibonacci_;
  TaskHistory history_;
  std::vector<int64_t> moments_;
  std::vector<uint32_t> candidates_;
  std::vector<int32_t> assignees_;  // every assignee the task had
  std::vector<uint32_t> commenters_;
  std::vector<int> hinted_tags_;        // indexes into OrgPlan::tags
  std::vector<size_t> hinted_options_;  // indexes into FieldPlan::option_ids
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_HISTORY_H_
