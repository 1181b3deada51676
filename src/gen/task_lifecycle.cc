#include "src/gen/task_lifecycle.h"

#include <algorithm>
#include <cmath>

#include "src/rng/distributions.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

// Approval decisions of completed approvals: approved, then rejected, else changes requested.
constexpr double kApprovedShare = 0.80;
constexpr double kRejectedShare = 0.08;
// A subtask goes to its parent's assignee (when there is one) with this probability.
constexpr double kParentAssigneeShare = 0.5;
// A safety bound on subtasks per task, far in the log-normal's tail (P < 1e-9 at the defaults):
// keeps a profile with an extreme median from exhausting a job's ids.
constexpr uint32_t kMaxSubtasks = 500;
// An abandoned task has been untouched for at least this long at as_of.
constexpr int64_t kStaleForDays = 21;

}  // namespace

TaskState TaskLifecycle::Draw(const ProjectState& project, const TaskState* parent, int depth,
                              uint64_t local, int64_t id, const Archetype* archetype) const {
  const Profile& p = team_.profile();
  TaskState task;
  task.id = id;
  task.local = local;
  task.depth = depth;
  task.kind = parent == nullptr ? Kind::kTask : Kind::kSubtask;
  if (parent != nullptr) task.parent_due_day = parent->due_day;
  Rng time = team_.Stream(task.kind, Purpose::kTaskTime, local);
  Rng people = team_.Stream(task.kind, Purpose::kTaskPeople, local);
  Rng done = team_.Stream(task.kind, Purpose::kTaskCompletion, local);
  task.due_stream.emplace(team_.Stream(task.kind, Purpose::kTaskDue, local));

  if (parent == nullptr) {
    const double u = people.NextDouble();
    if (u < p.milestone_share) {
      task.subtype = "milestone";
    } else if (u < p.milestone_share + p.approval_share) {
      task.subtype = "approval";
    }
  }
  task.creator = team_.PickMember(people, project);
  Creation(project, parent, time, task);
  const int64_t limit = parent == nullptr ? project.close : parent->active_until;
  if (parent == nullptr && !project.completed) Abandon(task);
  // An archetype's typical duration, for top-level work that is not a milestone.
  const double hinted_days =
      parent == nullptr && archetype != nullptr && !task.milestone() ? archetype->days : 0;
  if (!task.abandoned) Completion(project, parent, limit, hinted_days, done, task);

  // Assignee.
  const double unassigned = task.completed ? p.unassigned_done_share : p.unassigned_open_share;
  if (!Bernoulli(people, unassigned)) {
    if (parent != nullptr && parent->assignee >= 0 && Bernoulli(people, kParentAssigneeShare)) {
      task.assignee = parent->assignee;
    } else {
      task.assignee = static_cast<int32_t>(team_.PickMember(people, project));
    }
  }
  task.completer = task.assignee >= 0 ? static_cast<uint32_t>(task.assignee) : task.creator;
  if (task.completed) {
    // Whoever completes it does so in their own working hours: the moment moves to a working
    // moment of the completer within half a day of it (and within the task's life).
    const int64_t lo = std::max(task.created + kMsPerMinute, task.completed_at - kMsPerDay / 2);
    const int64_t hi = std::min(std::max(lo, limit), task.completed_at + kMsPerDay / 2);
    task.completed_at = team_.time().Between(done, lo, hi, team_.ZoneOf(task.completer));
    task.completed_at = std::clamp(task.completed_at, task.created, std::max(task.created, limit));
  }
  if (task.completed) {
    task.active_until = task.completed_at;
  } else if (!task.abandoned) {
    task.active_until = std::min(team_.as_of(), limit);
  }

  DueDates(parent, hinted_days, *task.due_stream, task);

  if (task.subtype == "approval") {
    if (!task.completed) {
      task.approval = "pending";
    } else {
      const double u = people.NextDouble();
      task.approval = u < kApprovedShare                    ? "approved"
                      : u < kApprovedShare + kRejectedShare ? "rejected"
                                                            : "changes_requested";
    }
  }

  // Subtasks: a log-normal count, so a few tasks have long checklists and none hits a cap.
  Rng sub = team_.Stream(task.kind, Purpose::kTaskSubtasks, local);
  const auto count = [&](double median) {
    const double n = 1 + std::floor(LogNormal(sub, std::log(median), p.subtask_count_sigma));
    return static_cast<uint32_t>(std::min(n, static_cast<double>(kMaxSubtasks)));
  };
  if (depth == 0 && !task.milestone() && Bernoulli(sub, p.subtask_share)) {
    task.children = count(p.subtask_count_median);
  } else if (depth == 1 && Bernoulli(sub, p.nested_subtask_share)) {
    task.children = count(p.nested_subtask_count_median);
  }
  return task;
}

// A top-level task of an open project may go stale: worked on for a while, then left, never
// done. Only tasks old enough to have been quiet for weeks by as_of.
void TaskLifecycle::Abandon(TaskState& task) const {
  const Profile& p = team_.profile();
  const int64_t quiet_by = team_.as_of() - kStaleForDays * kMsPerDay;
  if (task.created + kMsPerHour >= quiet_by) return;
  Rng rng = team_.Stream(task.kind, Purpose::kTaskAbandon, task.local);
  if (!Bernoulli(rng, p.abandoned_share)) return;
  task.abandoned = true;
  const int64_t active = static_cast<int64_t>(
      LogNormal(rng, std::log(p.abandoned_active_days_median), 0.8) * kMsPerDay);
  task.active_until = std::clamp(task.created + active, task.created + kMsPerHour, quiet_by);
}

// A subtask of a parent done within a minute of its creation is created at the completion.
void TaskLifecycle::Creation(const ProjectState& project, const TaskState* parent, Rng& time,
                             TaskState& task) const {
  const int64_t lo = parent == nullptr
                         ? project.created + kMsPerMinute
                         : std::min(parent->created + kMsPerMinute, parent->active_until);
  const int64_t hi = parent == nullptr   ? project.close - kMsPerHour
                     : parent->completed ? parent->completed_at - kMsPerMinute
                                         : parent->active_until - kMsPerHour;
  task.created = lo;
  if (hi > lo) {
    // Subtasks come early in a parent's life (u^2); top-level tasks anywhere in the project's.
    task.created = team_.time().Moment(time, team_.ZoneOf(task.creator), [&] {
      const double u = time.NextDouble();
      return lo + static_cast<int64_t>((hi - lo) * (parent == nullptr ? u : u * u));
    });
  }
}

void TaskLifecycle::Completion(const ProjectState& project, const TaskState* parent, int64_t limit,
                               double hinted_days, Rng& done, TaskState& task) const {
  const Profile& p = team_.profile();
  double median_days = p.completion_lag_median_days;
  double sigma = p.completion_lag_sigma;
  if (task.milestone()) {
    median_days = p.milestone_lag_median_days;
    sigma = p.milestone_lag_sigma;
  } else if (parent != nullptr) {
    median_days = p.subtask_lag_median_days;
    sigma = p.subtask_lag_sigma;
  } else if (hinted_days > 0) {
    median_days = hinted_days;
  }
  const bool must_finish = parent == nullptr ? project.completed : parent->completed;
  const ZoneClock& tz = team_.ZoneOf(task.creator);
  // The lag is thinned like any working moment; a lag that runs past `limit` means "not done".
  int64_t natural = limit;
  for (int attempt = 0; attempt < WorkingTime::kMaxAttempts; ++attempt) {
    const int64_t lag =
        static_cast<int64_t>(LogNormal(done, std::log(median_days), sigma) * kMsPerDay);
    natural = task.created + std::max<int64_t>(lag, kMsPerMinute);
    if (natural >= limit || done.NextDouble() < team_.time().Activity(natural, tz)) break;
  }
  if (natural < limit && (must_finish || Bernoulli(done, p.completion_share))) {
    task.completed = true;
    task.completed_at = natural;
  } else if (must_finish) {
    // Stragglers are wrapped up in the last days before the parent or project closes.
    task.completed = true;
    task.completed_at = team_.time().Between(
        done, std::max(task.created + kMsPerMinute, limit - 4 * kMsPerDay), limit, tz);
  }
  if (task.completed)
    task.completed_at = std::clamp(task.completed_at, task.created, std::max(task.created, limit));
}

// Days are the creator's local days. A subtask is due no later than its parent; one created after
// its parent's due date has none.
void TaskLifecycle::DueDates(const TaskState* parent, double hinted_days, Rng& due,
                             TaskState& task) const {
  const Profile& p = team_.profile();
  if (!task.milestone() && !Bernoulli(due, p.due_date_share)) return;
  const ZoneClock& zone = team_.ZoneOf(task.creator);
  const int64_t created_day = zone.LocalDay(task.created);
  // A hinted duration scales the lead as it scales the completion lag.
  const double median = hinted_days > 0
                            ? p.due_lag_median_days * hinted_days / p.completion_lag_median_days
                            : p.due_lag_median_days;
  const int64_t lead =
      static_cast<int64_t>(LogNormal(due, std::log(median), p.due_lag_sigma) * kMsPerDay);
  int64_t day = zone.LocalDay(task.created + lead);
  const int weekday = WeekdayOf(day);
  if (weekday >= 5 && Bernoulli(due, p.due_weekend_to_weekday)) day += weekday == 5 ? -1 : 1;
  day = std::max(day, created_day);
  if (parent != nullptr && parent->due_day >= 0) {
    if (parent->due_day < created_day) return;
    day = std::min(day, parent->due_day);
  }
  task.due_day = day;
  if (!task.milestone() && Bernoulli(due, p.start_date_share)) {
    task.start_day = std::max(created_day, day - UniformRange(due, 1, 10));
  }
}

}  // namespace asanasim
