#include "src/gen/history.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "src/rng/distributions.h"
#include "src/text/template.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

// Open tasks' stages: Backlog, To do, Doing, Review (assigned; unassigned). Done work is always
// in the last section (Stage::kDone).
constexpr double kOpenAssignedStage[] = {0.10, 0.35, 0.40, 0.15};
constexpr double kOpenUnassignedStage[] = {0.70, 0.30, 0.0, 0.0};
// Story points.
constexpr double kFibonacci[] = {1, 2, 3, 5, 8, 13};
constexpr double kFibonacciWeights[] = {15, 25, 25, 20, 10, 5};
// A tagged task carries a second tag with this probability.
constexpr double kSecondTagShare = 0.3;
// Share of a hinted choice field's values that follow the archetype's hint.
constexpr double kFieldHintShare = 0.8;
// A dependent task waits on one more prerequisite with this probability, up to the maximum.
constexpr double kExtraPrerequisiteShare = 0.25;
// A safety bound on due-date pushes of one task (each needs its date to pass first, so the task's
// life ends them long before this).
constexpr int kMaxDuePushes = 64;

}  // namespace

HistoryDrafter::HistoryDrafter(const TeamContext& team)
    : team_(team),
      p_(team.profile()),
      open_assigned_(kOpenAssignedStage),
      open_unassigned_(kOpenUnassignedStage),
      fibonacci_(kFibonacciWeights) {}

const TaskHistory& HistoryDrafter::Draw(std::span<const ProjectState> projects,
                                        const ProjectState& project, TaskState& task,
                                        const Archetype* archetype) {
  TaskHistory& h = history_;
  h.stories.clear();
  h.followers.clear();
  h.tags.clear();
  h.fields.clear();
  h.field_text.clear();
  h.dependencies.clear();
  h.section = -1;
  h.second_home = -1;
  Rng srng = team_.Stream(task.kind, Purpose::kTaskStories, task.local);
  Rng hrng = team_.Stream(task.kind, Purpose::kTaskHistory, task.local);
  {
    StoryDraft created{.at = task.created, .actor = task.creator, .kind = StoryKind::kCreated};
    if (task.depth == 0) created.project = static_cast<int32_t>(project.local);
    h.stories.push_back(created);
  }
  Assignment(project, task, srng, hrng);
  const int64_t due_set_at = SetDueDate(task, srng);
  PushDueDates(task, due_set_at);
  Comments(project, task);
  if (task.depth == 0) Sections(project, task, hrng);
  Completion(task, hrng);
  if (task.depth == 0) Tags(project, task, archetype);
  Followers(project, task);
  if (task.depth == 0) {
    FieldValues(project, task, archetype);
    Rng links = team_.Stream(task.kind, Purpose::kTaskLinks, task.local);
    Dependencies(project, task, links);
    SecondHome(projects, project, task, links);
  }
  std::stable_sort(h.stories.begin(), h.stories.end(),
                   [](const StoryDraft& a, const StoryDraft& b) {
                     return a.at != b.at ? a.at < b.at : a.kind < b.kind;
                   });
  h.modified = task.created;
  for (const StoryDraft& s : h.stories) h.modified = std::max(h.modified, s.at);
  return h;
}

// Straight to the assignee, or first to someone else; or assigned once and later unassigned
// (open backlog work).
void HistoryDrafter::Assignment(const ProjectState& project, const TaskState& task, Rng& srng,
                                Rng& hrng) {
  std::vector<StoryDraft>& stories = history_.stories;
  const int64_t end = task.active_until;
  assignees_.clear();
  int64_t assigned_at = std::min(end, task.created + UniformRange(srng, 0, 20 * kMsPerMinute));
  uint32_t assigner = task.creator;
  if (task.assignee >= 0) {
    // Triage: some work waits unassigned in the backlog until the team lead assigns it.
    Rng triage = team_.Stream(task.kind, Purpose::kTaskTriage, task.local);
    if (end - task.created > 4 * kMsPerHour && Bernoulli(triage, p_.triaged_share)) {
      const int64_t wait = static_cast<int64_t>(
          LogNormal(triage, std::log(p_.triage_delay_days_median), 0.8) * kMsPerDay);
      assigner = team_.team().lead;
      const int64_t hi = std::min(end - kMsPerHour, task.created + kMsPerHour + wait);
      assigned_at = team_.time().Between(triage, std::min(hi, task.created + kMsPerHour), hi,
                                         team_.ZoneOf(assigner));
    }
    int32_t first = task.assignee;
    if (end - assigned_at > kMsPerHour && Bernoulli(hrng, p_.reassigned_share)) {
      const auto other = static_cast<int32_t>(team_.PickMember(hrng, project));
      if (other != task.assignee) first = other;
    }
    stories.push_back(
        {.at = assigned_at, .actor = assigner, .kind = StoryKind::kAssigned, .new_user = first});
    assignees_.push_back(first);
    if (first != task.assignee) {
      const int64_t at = team_.time().Between(hrng, assigned_at + kMsPerMinute, end,
                                              team_.ZoneOf(static_cast<uint32_t>(first)));
      stories.push_back({.at = std::min(at, end),
                         .actor = static_cast<uint32_t>(first),
                         .kind = StoryKind::kAssigned,
                         .old_user = first,
                         .new_user = task.assignee});
      assignees_.push_back(task.assignee);
    }
  } else if (!task.completed && end - assigned_at > kMsPerHour &&
             Bernoulli(hrng, p_.unassigned_later_share)) {
    const auto once = static_cast<int32_t>(team_.PickMember(hrng, project));
    stories.push_back(
        {.at = assigned_at, .actor = task.creator, .kind = StoryKind::kAssigned, .new_user = once});
    const int64_t at = team_.time().Between(hrng, assigned_at + kMsPerMinute, end,
                                            team_.ZoneOf(static_cast<uint32_t>(once)));
    stories.push_back({.at = std::min(at, end),
                       .actor = static_cast<uint32_t>(once),
                       .kind = StoryKind::kUnassigned,
                       .old_user = once});
    assignees_.push_back(once);
  }
}

// The due date is set soon after creation; returns when (the creation when there is none).
int64_t HistoryDrafter::SetDueDate(const TaskState& task, Rng& srng) {
  if (task.due_day < 0) return task.created;
  const int64_t at =
      std::min(task.active_until, task.created + UniformRange(srng, kMsPerSecond, 2 * kMsPerHour));
  history_.stories.push_back({.at = at,
                              .actor = task.creator,
                              .kind = StoryKind::kDueDate,
                              .new_due = task.due_day,
                              .new_start = task.start_day});
  return at;
}

// A due date that passes while the work is open is often pushed out rather than left overdue,
// by whoever carries the task, a day or two after it passed; the new date may pass too, and be
// pushed again. Pushes stop when the task ends (done, quiet, or as_of).
void HistoryDrafter::PushDueDates(TaskState& task, int64_t due_set_at) {
  if (task.due_day < 0) return;
  Rng& due = *task.due_stream;
  Rng push = team_.Stream(task.kind, Purpose::kTaskDuePushes, task.local);
  const ZoneClock& zone = team_.ZoneOf(task.completer);
  const int64_t end = task.active_until - kMsPerMinute;
  for (int n = 0; n < kMaxDuePushes; ++n) {
    // When the date has passed, in the carrier's zone and in UTC alike.
    const int64_t passed = std::max({zone.StartOfDay(task.due_day + 1),
                                     (task.due_day + 1) * kMsPerDay, due_set_at + kMsPerMinute});
    if (passed >= end || !Bernoulli(due, p_.due_push_share)) return;
    const int64_t delay = static_cast<int64_t>(
        2 * LogNormal(push, std::log(p_.due_push_delay_days_median), 0.8) * kMsPerDay);
    const int64_t at = team_.time().Between(push, passed, std::min(end, passed + delay), zone);
    int64_t new_due =
        zone.LocalDay(at) +
        std::max<int64_t>(1, std::llround(LogNormal(push, std::log(p_.due_push_days_median), 0.6)));
    if (WeekdayOf(new_due) >= 5) new_due += WeekdayOf(new_due) == 5 ? 2 : 1;
    if (task.parent_due_day >= 0) new_due = std::min(new_due, task.parent_due_day);
    if (new_due <= task.due_day) return;
    const int64_t new_start = task.start_day > new_due ? -1 : task.start_day;
    history_.stories.push_back({.at = at,
                                .actor = task.completer,
                                .kind = StoryKind::kDueDate,
                                .old_due = task.due_day,
                                .new_due = new_due,
                                .old_start = task.start_day,
                                .new_start = new_start});
    task.due_day = new_due;
    task.start_day = new_start;
    due_set_at = at;
  }
}

void HistoryDrafter::Comments(const ProjectState& project, const TaskState& task) {
  Rng crng = team_.Stream(task.kind, Purpose::kTaskComments, task.local);
  const uint32_t comments =
      Geometric(crng, task.depth == 0 ? p_.comments_mean : p_.subtask_comments_mean);
  commenters_.clear();
  for (uint32_t c = 0; c < comments; ++c) {
    uint32_t who;
    const double u = crng.NextDouble();
    if (u < p_.comment_by_assignee && task.assignee >= 0) {
      who = static_cast<uint32_t>(task.assignee);
    } else if (u < p_.comment_by_assignee + p_.comment_by_creator) {
      who = task.creator;
    } else {
      who = team_.PickMember(crng, project);
    }
    commenters_.push_back(who);
    history_.stories.push_back({.at = team_.time().Between(crng, task.created + kMsPerMinute,
                                                           task.active_until, team_.ZoneOf(who)),
                                .actor = who,
                                .kind = StoryKind::kComment});
  }
}

// A top-level task's section moves in its home project: filed in the backlog (or, once triaged,
// to do), then on through doing and review as far as its final stage; done work moves to the
// last section as it completes.
void HistoryDrafter::Sections(const ProjectState& project, const TaskState& task, Rng& hrng) {
  Rng sec = team_.Stream(task.kind, Purpose::kTaskSection, task.local);
  Stage final_stage = Stage::kDone;
  if (!task.completed) {
    final_stage = static_cast<Stage>(task.assignee >= 0 ? open_assigned_.Pick(sec)
                                                        : open_unassigned_.Pick(sec));
  }
  history_.section = project.SectionOf(final_stage);
  Stage first = Stage::kBacklog;
  if (final_stage != Stage::kBacklog && !Bernoulli(hrng, p_.start_in_backlog_share))
    first = Stage::kTodo;
  // Every task is created in the first section (the intake); triaged work moves on to its
  // first stage right away, as the first move.
  history_.stories.front().new_section = 0;  // the created story
  std::array<Stage, 5> path{};
  size_t n = 0;
  if (project.SectionOf(first) != 0) path[n++] = first;
  if (final_stage == Stage::kDone) {
    if (Bernoulli(hrng, p_.done_via_doing_share)) path[n++] = Stage::kDoing;
    if (Bernoulli(hrng, p_.done_via_review_share)) path[n++] = Stage::kReview;
  } else {
    for (int st = static_cast<int>(first) + 1; st <= static_cast<int>(final_stage); ++st)
      path[n++] = static_cast<Stage>(st);
  }
  const int64_t end = task.active_until;
  team_.time().SortedBetween(hrng, std::min(end, task.created + kMsPerMinute), end,
                             team_.ZoneOf(task.completer), n, moments_);
  int from = 0;
  const auto here = static_cast<int32_t>(project.local);
  for (size_t i = 0; i < n; ++i) {
    const int to = project.SectionOf(path[i]);
    if (to == from) continue;  // a stage the workflow does not have
    history_.stories.push_back({.at = moments_[i],
                                .actor = task.completer,
                                .kind = StoryKind::kSection,
                                .project = here,
                                .old_section = from,
                                .new_section = to});
    from = to;
  }
  if (final_stage == Stage::kDone && from != project.SectionOf(Stage::kDone)) {
    history_.stories.push_back({.at = task.completed_at,
                                .actor = task.completer,
                                .kind = StoryKind::kSection,
                                .project = here,
                                .old_section = from,
                                .new_section = project.SectionOf(Stage::kDone)});
  }
}

// The approval decision, the occasional reopen, marked_complete.
void HistoryDrafter::Completion(const TaskState& task, Rng& hrng) {
  std::vector<StoryDraft>& stories = history_.stories;
  if (!task.approval.empty() && task.approval != "pending") {
    stories.push_back({.at = task.completed_at,
                       .actor = task.completer,
                       .kind = StoryKind::kApproval,
                       .approval = task.approval});
  }
  if (!task.completed) return;
  const int64_t span = task.completed_at - task.created;
  if (task.approval.empty() && span > 2 * kMsPerHour && Bernoulli(hrng, p_.reopened_share)) {
    const int64_t first = team_.time().Between(
        hrng, task.created + span / 5, task.created + span / 2, team_.ZoneOf(task.completer));
    const int64_t reopened = team_.time().Between(
        hrng, first + kMsPerMinute, task.completed_at - kMsPerMinute, team_.ZoneOf(task.creator));
    stories.push_back({.at = first, .actor = task.completer, .kind = StoryKind::kCompleted});
    stories.push_back({.at = reopened, .actor = task.creator, .kind = StoryKind::kIncomplete});
  }
  stories.push_back(
      {.at = task.completed_at, .actor = task.completer, .kind = StoryKind::kCompleted});
}

// Sparse, concentrated in the projects with a high tag rate.
void HistoryDrafter::Tags(const ProjectState& project, const TaskState& task,
                          const Archetype* archetype) {
  const ZipfTable* pick = team_.tag_pick();
  if (pick == nullptr) return;
  Rng tags = team_.Stream(task.kind, Purpose::kTaskTags, task.local);
  if (!Bernoulli(tags, project.tag_rate)) return;
  const std::span<const int> indexes = team_.tag_indexes();
  const OrgPlan& org = team_.org();
  // A story's tags are those its archetype names (of the department's, which pack check
  // ensures); without, the department's by popularity.
  hinted_tags_.clear();
  if (archetype != nullptr) {
    for (int i : indexes) {
      const std::string_view name = org.tags[static_cast<size_t>(i)].spec->name;
      if (std::find(archetype->tags.begin(), archetype->tags.end(), name) != archetype->tags.end())
        hinted_tags_.push_back(i);
    }
  }
  const auto draw = [&] {
    return hinted_tags_.empty() ? indexes[pick->Pick(tags)]
                                : hinted_tags_[static_cast<size_t>(UniformRange(
                                      tags, 0, static_cast<int64_t>(hinted_tags_.size()) - 1))];
  };
  int a = draw();
  int b = Bernoulli(tags, kSecondTagShare) ? draw() : a;
  if (org.tags[static_cast<size_t>(b)].id < org.tags[static_cast<size_t>(a)].id) std::swap(a, b);
  history_.tags.push_back(a);
  if (b != a) history_.tags.push_back(b);
  const int64_t end = task.active_until;
  for (int t : history_.tags) {
    const int64_t at =
        Bernoulli(tags, p_.late_tag_share)
            ? team_.time().Between(tags, task.created + kMsPerMinute, end,
                                   team_.ZoneOf(task.completer))
            : std::min(end, task.created + UniformRange(tags, kMsPerSecond, 30 * kMsPerMinute));
    history_.stories.push_back(
        {.at = at, .actor = task.creator, .kind = StoryKind::kTag, .ref = t});
  }
}

// The creator, everyone who was assigned, commenters (all automatic), and now and then a watcher
// who adds themselves (a follower_added story).
void HistoryDrafter::Followers(const ProjectState& project, const TaskState& task) {
  std::vector<uint32_t>& followers = history_.followers;
  followers.assign(commenters_.begin(), commenters_.end());
  followers.push_back(task.creator);
  for (int32_t a : assignees_) followers.push_back(static_cast<uint32_t>(a));
  Rng frng = team_.Stream(task.kind, Purpose::kTaskFollowers, task.local);
  if (Bernoulli(frng, p_.extra_follower_share)) {
    const uint32_t watcher = team_.PickMember(frng, project);
    if (std::find(followers.begin(), followers.end(), watcher) == followers.end()) {
      followers.push_back(watcher);
      history_.stories.push_back(
          {.at = team_.time().Between(frng, task.created + kMsPerMinute, task.active_until,
                                      team_.ZoneOf(watcher)),
           .actor = watcher,
           .kind = StoryKind::kFollower,
           .new_user = static_cast<int32_t>(watcher)});
    }
  }
  std::sort(followers.begin(), followers.end());
  followers.erase(std::unique(followers.begin(), followers.end()), followers.end());
}

// Fills hinted_options_ with the options `archetype` hints for field `f`; false when none.
bool HistoryDrafter::HintedOptions(const Archetype* archetype, const FieldPlan& f) {
  hinted_options_.clear();
  if (archetype == nullptr) return false;
  for (const FieldHint& hint : archetype->fields) {
    if (hint.field != f.spec->key) continue;
    for (std::string_view o : hint.options) {
      for (size_t i = 0; i < f.option_names.size(); ++i) {
        if (f.option_names[i] == o) hinted_options_.push_back(i);
      }
    }
  }
  return !hinted_options_.empty();
}

// The task's custom field values, and a change story for the share of enum and number values
// that were set to something else first.
void HistoryDrafter::FieldValues(const ProjectState& project, const TaskState& task,
                                 const Archetype* archetype) {
  const OrgPlan& org = team_.org();
  Rng rng = team_.Stream(Kind::kFieldValue, Purpose::kTaskFields, task.local);
  Rng change = team_.Stream(Kind::kFieldValue, Purpose::kTaskFieldChanges, task.local);
  // Text values draw from their own stream: words never move a fact's draws.
  std::optional<Rng> text;
  const int64_t end = task.active_until;
  const auto change_at = [&] {
    return team_.time().Between(change, std::min(end, task.created + kMsPerMinute), end,
                                team_.ZoneOf(task.completer));
  };
  const int64_t created_day = team_.ZoneOf(task.creator).LocalDay(task.created);
  for (int index : project.field_indexes) {
    const FieldPlan& f = org.fields[static_cast<size_t>(index)];
    const CustomFieldSpec& s = *f.spec;
    if (!Bernoulli(rng, s.fill_rate)) continue;
    FieldValueDraft& v = history_.fields.emplace_back(FieldValueDraft{.field = index});
    switch (s.type) {
      case FieldType::kEnum: {
        if (s.sprint) {
          const int64_t k = (created_day - f.first_sprint_day) / 14;
          v.option = static_cast<size_t>(
              std::clamp<int64_t>(k, 0, static_cast<int64_t>(f.option_ids.size()) - 1));
        } else {
          v.option = f.option_weights.Pick(rng);
          // The archetype's usual options, most of the time (an outage is usually urgent).
          if (HintedOptions(archetype, f) && Bernoulli(rng, kFieldHintShare)) {
            v.option = hinted_options_[static_cast<size_t>(
                UniformRange(rng, 0, static_cast<int64_t>(hinted_options_.size()) - 1))];
          }
          if (f.option_ids.size() > 1 && Bernoulli(change, p_.field_changed_share)) {
            size_t old = f.option_weights.Pick(change);
            if (old == v.option) old = (v.option + 1) % f.option_ids.size();
            history_.stories.push_back({.at = change_at(),
                                        .actor = task.completer,
                                        .kind = StoryKind::kFieldEnum,
                                        .ref = index,
                                        .old_option = static_cast<int32_t>(old),
                                        .new_option = static_cast<int32_t>(v.option)});
          }
        }
        break;
      }
      case FieldType::kNumber: {
        double old = 0;
        if (s.fibonacci) {
          v.number = kFibonacci[fibonacci_.Pick(rng)];
          old = kFibonacci[fibonacci_.Pick(change)];
        } else if (s.format == "percentage") {
          v.number = task.completed ? 100.0 : 10.0 * UniformInt(rng, 10);
          old = v.number >= 10.0 ? 10.0 * UniformInt(change, static_cast<uint32_t>(v.number / 10.0))
                                 : v.number;
        } else {
          const double scale = std::pow(10.0, s.precision);
          v.number =
              std::round(LogNormal(rng, std::log(s.number_median), s.number_sigma) * scale) / scale;
          old = std::round(LogNormal(change, std::log(s.number_median), s.number_sigma) * scale) /
                scale;
        }
        if (old != v.number && Bernoulli(change, p_.field_changed_share)) {
          history_.stories.push_back({.at = change_at(),
                                      .actor = task.completer,
                                      .kind = StoryKind::kFieldNumber,
                                      .ref = index,
                                      .old_number = old,
                                      .new_number = v.number});
        }
        break;
      }
      case FieldType::kText:
        v.text_begin = history_.field_text.size();
        if (!text.has_value()) {
          text.emplace(team_.Stream(Kind::kFieldValue, Purpose::kFieldText, task.local));
        }
        AppendTemplate(history_.field_text, "{account}", team_.Context(task.created, task.creator),
                       *text);
        v.text_end = history_.field_text.size();
        break;
      case FieldType::kDate:
        v.day = task.due_day >= 0
                    ? task.due_day
                    : created_day + static_cast<int64_t>(LogNormal(rng, std::log(14.0), 0.6));
        break;
      case FieldType::kPeople:
        v.person = team_.PickMember(rng, project);
        break;
    }
  }
}

// Waiting on earlier tasks of the project: created before this one and, when this one is done,
// done no later.
void HistoryDrafter::Dependencies(const ProjectState& project, const TaskState& task, Rng& rng) {
  if (!Bernoulli(rng, p_.dependency_share)) return;
  candidates_.clear();
  const size_t window = static_cast<size_t>(std::max(1, p_.dependency_window));
  const size_t begin = project.tasks.size() > window ? project.tasks.size() - window : 0;
  for (size_t i = begin; i < project.tasks.size(); ++i) {
    const TaskSummary& b = project.tasks[i];
    if (b.created >= task.created) continue;
    if (task.completed && (b.completed_at == 0 || b.completed_at > task.completed_at)) continue;
    candidates_.push_back(static_cast<uint32_t>(i));
  }
  int want = 1;
  while (want < p_.dependency_max && Bernoulli(rng, kExtraPrerequisiteShare)) ++want;
  const int64_t end = task.active_until;
  for (int k = 0; k < want && !candidates_.empty(); ++k) {
    const uint32_t pick = UniformInt(rng, static_cast<uint32_t>(candidates_.size()));
    const uint32_t i = candidates_[pick];
    candidates_.erase(candidates_.begin() + pick);
    const int64_t at =
        std::min(end, task.created + UniformRange(rng, kMsPerMinute, 2 * kMsPerHour));
    history_.dependencies.emplace_back(project.tasks[i].id, at);
    history_.stories.push_back({.at = at,
                                .actor = task.creator,
                                .kind = StoryKind::kDependency,
                                .ref = static_cast<int32_t>(i)});
  }
  std::sort(history_.dependencies.begin(), history_.dependencies.end());
}

// A second home in an earlier project of the team whose life covers the task's.
void HistoryDrafter::SecondHome(std::span<const ProjectState> projects, const ProjectState& project,
                                const TaskState& task, Rng& rng) {
  const int64_t end = task.active_until;
  const int64_t span = end - task.created;
  if (span <= 4 * kMsPerMinute || !Bernoulli(rng, p_.multi_home_share)) return;
  candidates_.clear();
  for (uint32_t j = 0; j < project.local; ++j) {
    const ProjectState& other = projects[j];
    // Its life must cover the task's: open, or completed no earlier than the task.
    if (other.created < task.created &&
        (!other.completed || (task.completed && task.completed_at <= other.close))) {
      candidates_.push_back(j);
    }
  }
  if (candidates_.empty()) return;
  const uint32_t j = candidates_[UniformInt(rng, static_cast<uint32_t>(candidates_.size()))];
  const ProjectState& other = projects[j];
  const int64_t added = team_.time().Between(rng, task.created + kMsPerMinute,
                                             task.created + std::min(2 * kMsPerDay, span / 2),
                                             team_.ZoneOf(task.creator));
  const int first = other.SectionOf(Stage::kTodo);
  history_.second_home = static_cast<int32_t>(j);
  history_.second_home_section = first;
  history_.second_home_added = added;
  history_.stories.push_back({.at = added,
                              .actor = task.creator,
                              .kind = StoryKind::kAddedToProject,
                              .project = static_cast<int32_t>(j),
                              .new_section = first});
  if (task.completed) {
    history_.second_home_section = other.SectionOf(Stage::kDone);
    history_.stories.push_back({.at = task.completed_at,
                                .actor = task.completer,
                                .kind = StoryKind::kSection,
                                .project = static_cast<int32_t>(j),
                                .old_section = first,
                                .new_section = history_.second_home_section});
  }
}

}  // namespace asanasim
