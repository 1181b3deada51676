// Task lifecycle, the phase of a team job that decides a task's or subtask's facts before its
// history: what kind of task it is, who created it and when, whether and when it was completed,
// who it is assigned to, its due and start dates, an approval's decision, and how many subtasks
// it gets. Thread-compatible (immutable; one per team job).
//
// 1. Creation: uniform over the project's open span (a subtask: early in its parent's life), at a
//    working moment of the creator (the profile's weekday and hour weights in their real time
//    zone, DST included).
// 2. Staleness: a share of the top-level tasks of open projects is abandoned: active for a while,
//    then never touched again (quiet for weeks at as_of) and never done.
// 3. Completion: creation + a log-normal lag (median a few working days; milestones longer,
//    subtasks shorter). The task is done if that moment is before the project (or parent) stops
//    (completion, going quiet, or as_of) and a Bernoulli draw agrees; a completed project or
//    parent completes its stragglers at wrap-up. So old work is mostly done and recent work
//    mostly open, with no explicit rule. The completion then moves to a working moment of
//    whoever completes it (within half a day), in their own time zone.
// 4. Assignee: a Zipf-skewed pick among the team's members (a few people carry most work); open
//    tasks are far more often unassigned (the backlog) than done ones; a subtask often goes to
//    its parent's assignee.
// 5. Due date: creation + a log-normal lead time, as the creator's local day; a weekend due date
//    moves to the nearest weekday with the profile's probability (85% of due dates end up on
//    weekdays); a subtask is due no later than its parent, and has no due date when it starts
//    after its parent's.
// 6. Subtasks: 1 + floor(log-normal): a heavy tail and no cap anyone would see.
#ifndef ASANASIM_SRC_GEN_TASK_LIFECYCLE_H_
#define ASANASIM_SRC_GEN_TASK_LIFECYCLE_H_

#include <cstdint>

#include "src/gen/team_context.h"
#include "src/gen/work_state.h"

namespace asanasim {

class TaskLifecycle {
 public:
  explicit TaskLifecycle(const TeamContext& team) : team_(team) {}

  // The facts of the task with id `id` and job-local index `local` in `project`, a subtask of
  // `parent` (at `depth` > 0) or a top-level task (parent null, depth 0).
  // `archetype` (or null) is a top-level task's story: its typical duration (`days`) sets the
  // median of the completion lag and, in proportion, of the due date's lead.
  TaskState Draw(const ProjectState& project, const TaskState* parent, int depth, uint64_t local,
                 int64_t id, const Archetype* archetype) const;

 private:
  void Creation(const ProjectState& project, const TaskState* parent, Rng& time,
                TaskState& task) const;
  void Abandon(TaskState& task) const;
  void Completion(const ProjectState& project, const TaskState* parent, int64_t limit,
                  double hinted_days, Rng& done, TaskState& task) const;
  void DueDates(const TaskState* parent, double hinted_days, Rng& due, TaskState& task) const;

  const TeamContext& team_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_TASK_LIFECYCLE_H_
