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
// Nested subtasks: 1 + Geometric(mean), at most this many.
constexpr uint32_t kMaxNestedSubtasks = 4;
constexpr double kNestedSubtaskExtraMean = 1.0;

}  // namespace

TaskState TaskLifecycle::Draw(const ProjectState& project, const TaskState* parent, int depth,
                              uint64_t local, int64_t id) const {
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
  Completion(project, parent, done, task);

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

  DueDates(parent, *task.due_stream, task);

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

  Rng sub = team_.Stream(task.kind, Purpose::kTaskSubtasks, local);
  if (depth == 0 && !task.milestone() && Bernoulli(sub, p.subtask_share)) {
    task.children = std::min<uint32_t>(p.subtask_max, 1 + Geometric(sub, p.subtask_extra_mean));
  } else if (depth == 1 && Bernoulli(sub, p.nested_subtask_share)) {
    task.children = std::min(kMaxNestedSubtasks, 1 + Geometric(sub, kNestedSubtaskExtraMean));
  }
  return task;
}

// A subtask of a parent done within a minute of its creation is created at the completion.
void TaskLifecycle::Creation(const ProjectState& project, const TaskState* parent, Rng& time,
                             TaskState& task) const {
  const int64_t as_of = team_.as_of();
  const int64_t lo = parent == nullptr
                         ? project.created + kMsPerMinute
                         : std::min(parent->created + kMsPerMinute, parent->end(as_of));
  const int64_t hi = parent == nullptr ? project.close - kMsPerHour
                                       : (parent->completed ? parent->completed_at - kMsPerMinute
                                                            : as_of - kMsPerHour);
  task.created = lo;
  if (hi > lo) {
    // Subtasks come early in a parent's life (u^2); top-level tasks anywhere in the project's.
    task.created = team_.time().Moment(time, team_.TzOf(task.creator), [&] {
      const double u = time.NextDouble();
      return lo + static_cast<int64_t>((hi - lo) * (parent == nullptr ? u : u * u));
    });
  }
}

void TaskLifecycle::Completion(const ProjectState& project, const TaskState* parent, Rng& done,
                               TaskState& task) const {
  const Profile& p = team_.profile();
  double median_days = p.completion_lag_median_days;
  double sigma = p.completion_lag_sigma;
  if (task.milestone()) {
    median_days = p.milestone_lag_median_days;
    sigma = p.milestone_lag_sigma;
  } else if (parent != nullptr) {
    median_days = p.subtask_lag_median_days;
    sigma = p.subtask_lag_sigma;
  }
  const int64_t limit = parent == nullptr ? project.close : parent->end(team_.as_of());
  const bool must_finish = parent == nullptr ? project.completed : parent->completed;
  const int32_t tz = team_.TzOf(task.creator);
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

void TaskLifecycle::DueDates(const TaskState* parent, Rng& due, TaskState& task) const {
  const Profile& p = team_.profile();
  if (!task.milestone() && !Bernoulli(due, p.due_date_share)) return;
  const int64_t lead = static_cast<int64_t>(
      LogNormal(due, std::log(p.due_lag_median_days), p.due_lag_sigma) * kMsPerDay);
  int64_t day = DayOf(task.created + lead);
  const int weekday = WeekdayOf(day);
  if (weekday >= 5 && Bernoulli(due, p.due_weekend_to_weekday)) day += weekday == 5 ? -1 : 1;
  day = std::max(day, DayOf(task.created));
  if (parent != nullptr && parent->due_day >= 0)
    day = std::min(day, std::max(parent->due_day, DayOf(task.created)));
  task.due_day = day;
  if (!task.milestone() && Bernoulli(due, p.start_date_share)) {
    task.start_day = std::max(DayOf(task.created), day - UniformRange(due, 1, 10));
  }
}

}  // namespace asanasim
