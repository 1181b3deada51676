// Team job: projects, memberships, field settings, sections, tasks and subtasks with their
// stories, custom field values, tags and followers.
//
// How a task's history is drawn (tier 1 of the realism)
// ----------------------------------------------------
// 1. Creation: uniform over the project's open span, then moved to a working moment of the
//    creator (weekday and hour weights of the Profile, in the creator's time zone).
// 2. Completion: creation + a log-normal lag (median a few working days; milestones longer).
//    The task is done if that moment is before the project closes (as_of, or the project's
//    completion) and a Bernoulli draw agrees; a completed project completes its stragglers at
//    wrap-up. So old work is mostly done and recent work mostly open, with no explicit rule.
// 3. Assignee: a Zipf-skewed pick among the team's members (a few people carry most work);
//    open tasks are far more often unassigned (the backlog) than done ones.
// 4. Due date: creation + a log-normal lead time; a weekend due date moves to the nearest
//    weekday with the Profile's probability (85% of due dates end up on weekdays).
// 5. Stories: created, assigned, due date set, comments by the assignee, creator or teammates at
//    working moments between creation and completion (or as_of), and marked_complete, emitted in
//    time order; modified_at is the latest of them.
// Invariants (checked by the integration tests): every person on a task is a member of the
// project's team; subtasks are created no earlier than their parent and, if the parent is
// done, are done no later than it; completed <=> completed_at <=> completed_by; every story
// lies in [created_at, as_of]; modified_at >= every story.
#include "src/gen/team_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "src/gen/ids.h"
#include "src/rng/distributions.h"
#include "src/text/template.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

// Stream purposes of a team job. Part of the output's definition: never renumber.
enum Purpose : uint32_t {
  kProjectShape = 1,
  kProjectText = 2,
  kProjectMembers = 3,
  kProjectOrder = 4,
  kTaskCount = 5,
  kTaskTime = 6,
  kTaskPeople = 7,
  kTaskCompletion = 8,
  kTaskDue = 9,
  kTaskName = 10,
  kTaskNotes = 11,
  kTaskSection = 12,
  kTaskSubtasks = 13,
  kTaskStories = 14,
  kTaskComments = 15,
  kTaskFields = 16,
  kTaskTags = 17,
  kTaskFollowers = 18,
};

constexpr std::string_view kColors[] = {
    "dark-pink",      "dark-green",      "dark-blue",   "dark-red",
    "dark-teal",      "dark-brown",      "dark-orange", "dark-purple",
    "dark-warm-gray", "light-pink",      "light-green", "light-blue",
    "light-red",      "light-teal",      "light-brown", "light-orange",
    "light-purple",   "light-warm-gray", "none"};
constexpr std::string_view kViews[] = {"list", "board", "timeline", "calendar"};
constexpr double kViewWeights[] = {0.50, 0.35, 0.10, 0.05};
constexpr std::string_view kPrivacy[] = {"public_to_workspace", "private_to_team", "private"};
constexpr double kPrivacyWeights[] = {0.70, 0.20, 0.10};
constexpr double kFibonacci[] = {1, 2, 3, 5, 8, 13};
constexpr double kFibonacciWeights[] = {15, 25, 25, 20, 10, 5};
// Open tasks' stages: Backlog, To do, Doing, Review (assigned; unassigned).
constexpr double kOpenAssignedStage[] = {0.10, 0.35, 0.40, 0.15};
constexpr double kOpenUnassignedStage[] = {0.70, 0.30, 0.0, 0.0};

// Attempts of the working-moment sampler: the acceptance rate is about 0.3, so 24 attempts fail
// about once in 5,000 draws.
constexpr int kMaxAttempts = 24;

enum class StoryKind : uint8_t { kCreated, kAssigned, kDueDate, kComment, kCompleted };

// Subtype and system text of each StoryKind, in enum order.
struct StoryKindSpec {
  std::string_view subtype;
  std::string_view text;  // empty for comments: they come from the department's templates
};
constexpr StoryKindSpec kStoryKinds[] = {{"created", kStoryCreated},
                                         {"assigned", kStoryAssigned},
                                         {"due_date_changed", kStoryDueDate},
                                         {"comment_added", ""},
                                         {"marked_complete", kStoryCompleted}};

struct StoryDraft {
  int64_t at;
  uint32_t actor;  // user index
  StoryKind kind;
  int64_t date_day = 0;  // kDueDate: the new due date
};

struct ProjectState {
  int64_t id;
  uint32_t local;
  int64_t created;
  int64_t close;  // completion, or as_of for open projects
  bool completed;
  uint32_t owner;
  std::vector<int64_t> section_ids;
  std::array<int, 5> section_of_stage;   // Stage -> index into section_ids
  std::vector<uint32_t> workload_order;  // members, most loaded first
  std::vector<int> field_indexes;        // into org.fields, ascending id
  double tag_rate;
};

struct TaskState {
  int64_t id;
  uint64_t local;
  int64_t created;
  bool completed;
  int64_t completed_at;
  int32_t assignee;  // user index, -1 when unassigned
  uint32_t creator;
  int64_t due_day;  // -1 when none
  int depth;
};

class TeamJob {
 public:
  TeamJob(const OrgPlan& org, uint32_t team_index, Batch& batch)
      : org_(org),
        team_(org.teams[team_index]),
        job_(team_index + 1),
        p_(*org.profile),
        batch_(batch),
        workload_(static_cast<uint32_t>(team_.members.size()), p_.assignee_zipf_s),
        views_(kViewWeights),
        privacy_(kPrivacyWeights),
        fibonacci_(kFibonacciWeights),
        open_assigned_(kOpenAssignedStage),
        open_unassigned_(kOpenUnassignedStage),
        vocab_(VocabFor(team_.department)) {
    for (uint32_t u : team_.members) people_.push_back(org.users[u].first_name());
    for (std::string_view name : vocab_.tag_names) {
      const int t = org.TagIndex(name);
      if (t >= 0) tag_indexes_.push_back(t);
    }
    for (std::string_view key : vocab_.field_keys) {
      const int f = org.FieldIndex(key);
      if (f >= 0) field_indexes_.push_back(f);
    }
    std::sort(field_indexes_.begin(), field_indexes_.end());
    if (!tag_indexes_.empty()) {
      tag_pick_ = std::make_unique<ZipfTable>(static_cast<uint32_t>(tag_indexes_.size()), 1.0);
    }
  }

  void Run() {
    for (int32_t k = 0; k < team_.project_count; ++k) Project(static_cast<uint32_t>(k));
  }

 private:
  Rng Stream(Kind kind, uint32_t purpose, uint64_t index) const {
    return Rng(
        StreamKey{
            .seed = org_.seed, .org = org_.index, .team = job_, .kind = kind, .purpose = purpose},
        index);
  }

  int32_t TzOf(uint32_t user) const { return org_.users[user].location->utc_offset_min; }

  // Relative activity of a person at UTC offset `tz_min` at instant t: weekday x hour weight.
  double Activity(int64_t t, int32_t tz_min) const {
    const int64_t local = t + tz_min * kMsPerMinute;
    const int64_t day = DayOf(local);
    const int hour = static_cast<int>((local - day * kMsPerDay) / kMsPerHour);
    return p_.weekday_weight[WeekdayOf(day)] * p_.hour_weight[hour];
  }

  // A moment drawn from `draw` (a candidate generator) thinned by Activity(): candidates are
  // redrawn whole until one is accepted, so accepted moments follow draw's density times the
  // weekday and hour weights, with no pile-up on Mondays. Bounded; the last candidate stands.
  template <typename Draw>
  int64_t WorkingMoment(Rng& rng, int32_t tz_min, Draw draw) const {
    int64_t t = 0;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      t = draw();
      if (rng.NextDouble() < Activity(t, tz_min)) return t;
    }
    return t;
  }

  // A working moment uniform over [lo, hi].
  int64_t ActivityTime(Rng& rng, int64_t lo, int64_t hi, int32_t tz_min) const {
    if (hi <= lo) return lo;
    return WorkingMoment(rng, tz_min, [&] { return UniformRange(rng, lo, hi); });
  }

  uint32_t PickMember(Rng& rng, const ProjectState& project) const {
    return project.workload_order[workload_.Pick(rng)];
  }

  TemplateContext Context(int64_t at) const {
    TemplateContext c;
    c.department_slots = vocab_.slots;
    c.focus = team_.focus;
    c.people = people_;
    c.day = DayOf(at);
    c.date_day = c.day;
    return c;
  }

  int64_t NextId(Table table, uint64_t* counter) {
    return MakeId(org_.index, table, job_, (*counter)++);
  }

  void Project(uint32_t local);
  void Task(ProjectState& project, const TaskState* parent, int depth);
  void EmitStories(const TaskState& task, std::vector<StoryDraft>& stories);
  void EmitFieldValues(const ProjectState& project, const TaskState& task);

  const OrgPlan& org_;
  const TeamPlan& team_;
  const uint32_t job_;
  const Profile& p_;
  Batch& batch_;
  const ZipfTable workload_;
  const WeightedTable views_;
  const WeightedTable privacy_;
  const WeightedTable fibonacci_;
  const WeightedTable open_assigned_;
  const WeightedTable open_unassigned_;
  const DepartmentVocab& vocab_;
  std::vector<std::string_view> people_;
  std::vector<int> tag_indexes_;
  std::vector<int> field_indexes_;
  std::unique_ptr<ZipfTable> tag_pick_;  // over tag_indexes_, when there are tags
  std::vector<StoryDraft> stories_;
  std::vector<uint32_t> commenters_;
  std::vector<uint32_t> followers_;
  std::vector<std::string> project_names_;
  absl::flat_hash_set<std::string> project_task_names_;  // top-level task names of this project
  std::string name_scratch_;
  uint64_t next_project_ = 0;
  uint64_t next_section_ = 0;
  uint64_t next_task_ = 0;
  uint64_t next_story_ = 0;
};

void TeamJob::Project(uint32_t local) {
  ProjectState project;
  project.local = local;
  project.id = NextId(Table::kProjects, &next_project_);
  Rng shape = Stream(Kind::kProject, kProjectShape, local);
  Rng members = Stream(Kind::kProject, kProjectMembers, local);

  project.owner = Bernoulli(members, 0.6)
                      ? team_.lead
                      : PickOne(members, std::span<const uint32_t>(team_.members));
  const int64_t start = org_.history_start;
  const int64_t span = org_.as_of - start - 7 * kMsPerDay;
  project.created = WorkingMoment(shape, TzOf(project.owner), [&] {
    return start + static_cast<int64_t>(span * std::pow(shape.NextDouble(), p_.project_age_skew));
  });
  const int64_t planned_end =
      project.created +
      static_cast<int64_t>(
          LogNormal(shape, std::log(p_.project_duration_median_days), p_.project_duration_sigma) *
          kMsPerDay);
  project.completed =
      planned_end < org_.as_of - 3 * kMsPerDay && Bernoulli(shape, p_.project_completion_share);
  project.close =
      project.completed
          ? ActivityTime(shape, planned_end, std::min(planned_end + 4 * kMsPerDay, org_.as_of),
                         TzOf(project.owner))
          : org_.as_of;
  project.close = std::max(project.close, project.created + kMsPerDay);
  const bool archived = project.completed && Bernoulli(shape, p_.archived_share);
  const bool has_start = Bernoulli(shape, 0.6);
  const bool has_due = Bernoulli(shape, 0.8);
  const int64_t modified =
      project.completed
          ? project.close
          : std::min(org_.as_of, project.created + UniformRange(shape, 0, 20) * kMsPerDay);
  const WeightedTable tag_rates(p_.project_tag_rate_weight);
  project.tag_rate = p_.project_tag_rate[tag_rates.Pick(shape)];

  TableRows& rows = batch_.rows(Table::kProjects);
  Rng text = Stream(Kind::kProject, kProjectText, local);
  TemplateContext context = Context(project.created);
  context.actor = org_.users[project.owner].first_name();
  // A team does not run two projects of the same name: redraw (a few times) on a clash.
  std::string name;
  for (int attempt = 0; attempt < 8; ++attempt) {
    name.clear();
    AppendOneOf(name, vocab_.project_templates, context, text);
    if (std::find(project_names_.begin(), project_names_.end(), name) == project_names_.end())
      break;
  }
  project_names_.push_back(name);
  project_task_names_.clear();
  rows.Int(project.id).Int(org_.id).Int(team_.id).Text(name);
  if (Bernoulli(text, 0.7)) {
    AppendOneOf(rows.BeginText(), ProjectNoteTemplates(), context, text);
    rows.EndText();
  } else {
    rows.Text("");
  }
  rows.Int(org_.users[project.owner].id)
      .Text(PickOne<std::string_view>(text, kColors))
      .Text(kViews[views_.Pick(text)])
      .Text(kPrivacy[privacy_.Pick(text)])
      .Bool(archived)
      .DateOrNull(DayOf(project.created), has_start)
      .DateOrNull(std::max(DayOf(planned_end), DayOf(project.created)), has_due)
      .Bool(project.completed)
      .TimestampOrNull(project.close, project.completed);
  if (project.completed) {
    rows.Int(org_.users[project.owner].id);
  } else {
    rows.Null();
  }
  rows.Timestamp(project.created).Timestamp(std::max(modified, project.created));

  // Members: the whole team; the owner and the lead administer, a few only comment.
  TableRows& pm = batch_.rows(Table::kProjectMemberships);
  for (uint32_t u : team_.members) {
    std::string_view level = "editor";
    if (u == project.owner || u == team_.lead) {
      level = "admin";
    } else if (Bernoulli(members, p_.project_member_commenter_share)) {
      level = "commenter";
    }
    pm.Int(project.id).Int(org_.users[u].id).Text(level);
  }
  project.workload_order = team_.members;
  Rng order = Stream(Kind::kProject, kProjectOrder, local);
  Shuffle(order, std::span<uint32_t>(project.workload_order));

  TableRows& settings = batch_.rows(Table::kProjectCustomFieldSettings);
  project.field_indexes = field_indexes_;
  for (size_t i = 0; i < project.field_indexes.size(); ++i) {
    settings.Int(project.id).Int(org_.fields[project.field_indexes[i]].id).Bool(i < 2);
  }

  TableRows& sections = batch_.rows(Table::kSections);
  project.section_of_stage.fill(-1);
  for (size_t s = 0; s < vocab_.sections.size(); ++s) {
    const int64_t id = NextId(Table::kSections, &next_section_);
    project.section_ids.push_back(id);
    int& slot = project.section_of_stage[static_cast<int>(vocab_.sections[s].stage)];
    if (slot < 0) slot = static_cast<int>(s);
    sections.Int(id)
        .Int(project.id)
        .Text(vocab_.sections[s].name)
        .Int(static_cast<int64_t>(s))
        .Timestamp(project.created + static_cast<int64_t>(s + 1) * kMsPerSecond * 7);
  }

  Rng count = Stream(Kind::kProject, kTaskCount, local);
  const int64_t tasks = std::max<int64_t>(
      1, std::llround(org_.tasks_per_project * LogNormal(count, 0.0, p_.tasks_per_project_sigma)));
  for (int64_t t = 0; t < tasks; ++t) Task(project, nullptr, 0);
}

void TeamJob::Task(ProjectState& project, const TaskState* parent, int depth) {
  TaskState task;
  task.local = next_task_;
  task.id = NextId(Table::kTasks, &next_task_);
  task.depth = depth;
  const Kind kind = parent == nullptr ? Kind::kTask : Kind::kSubtask;
  Rng time = Stream(kind, kTaskTime, task.local);
  Rng people = Stream(kind, kTaskPeople, task.local);
  Rng done = Stream(kind, kTaskCompletion, task.local);
  Rng due = Stream(kind, kTaskDue, task.local);

  // Kind of task.
  std::string_view subtype = "default_task";
  if (parent == nullptr) {
    const double u = people.NextDouble();
    if (u < p_.milestone_share) {
      subtype = "milestone";
    } else if (u < p_.milestone_share + p_.approval_share) {
      subtype = "approval";
    }
  }
  const bool milestone = subtype == "milestone";

  // Creation.
  task.creator = PickMember(people, project);
  const int64_t window_lo =
      parent == nullptr ? project.created + kMsPerMinute : parent->created + kMsPerMinute;
  const int64_t window_hi =
      parent == nullptr
          ? project.close - kMsPerHour
          : (parent->completed ? parent->completed_at - kMsPerMinute : org_.as_of - kMsPerHour);
  int64_t created = window_lo;
  if (window_hi > window_lo) {
    // Subtasks come early in a parent's life (u^2); top-level tasks anywhere in the project's.
    created = WorkingMoment(time, TzOf(task.creator), [&] {
      const double u = time.NextDouble();
      return window_lo +
             static_cast<int64_t>((window_hi - window_lo) * (parent == nullptr ? u : u * u));
    });
  }
  task.created = created;

  // Completion.
  double median_days = p_.completion_lag_median_days;
  double sigma = p_.completion_lag_sigma;
  if (milestone) {
    median_days = p_.milestone_lag_median_days;
    sigma = p_.milestone_lag_sigma;
  } else if (parent != nullptr) {
    median_days = p_.subtask_lag_median_days;
    sigma = p_.subtask_lag_sigma;
  }
  const int64_t limit =
      parent == nullptr ? project.close : (parent->completed ? parent->completed_at : org_.as_of);
  const bool must_finish = parent == nullptr ? project.completed : parent->completed;
  // The lag is thinned like any working moment; a lag that runs past `limit` means "not done".
  int64_t natural = limit;
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    const int64_t lag =
        static_cast<int64_t>(LogNormal(done, std::log(median_days), sigma) * kMsPerDay);
    natural = created + std::max<int64_t>(lag, kMsPerMinute);
    if (natural >= limit || done.NextDouble() < Activity(natural, TzOf(task.creator))) break;
  }
  task.completed = false;
  task.completed_at = 0;
  if (natural < limit && (must_finish || Bernoulli(done, p_.completion_share))) {
    task.completed = true;
    task.completed_at = natural;
  } else if (must_finish) {
    // Stragglers are wrapped up in the last days before the parent or project closes.
    task.completed = true;
    task.completed_at = ActivityTime(done, std::max(created + kMsPerMinute, limit - 4 * kMsPerDay),
                                     limit, TzOf(task.creator));
  }
  if (task.completed)
    task.completed_at = std::clamp(task.completed_at, created, std::max(created, limit));

  // Assignee.
  task.assignee = -1;
  const double unassigned = task.completed ? p_.unassigned_done_share : p_.unassigned_open_share;
  if (!Bernoulli(people, unassigned)) {
    if (parent != nullptr && parent->assignee >= 0 && Bernoulli(people, 0.5)) {
      task.assignee = parent->assignee;
    } else {
      task.assignee = static_cast<int32_t>(PickMember(people, project));
    }
  }
  const uint32_t completer =
      task.assignee >= 0 ? static_cast<uint32_t>(task.assignee) : task.creator;

  // Due and start dates.
  task.due_day = -1;
  int64_t start_day = -1;
  if (milestone || Bernoulli(due, p_.due_date_share)) {
    const int64_t lead = static_cast<int64_t>(
        LogNormal(due, std::log(p_.due_lag_median_days), p_.due_lag_sigma) * kMsPerDay);
    int64_t day = DayOf(created + lead);
    const int weekday = WeekdayOf(day);
    if (weekday >= 5 && Bernoulli(due, p_.due_weekend_to_weekday)) day += weekday == 5 ? -1 : 1;
    day = std::max(day, DayOf(created));
    if (parent != nullptr && parent->due_day >= 0)
      day = std::min(day, std::max(parent->due_day, DayOf(created)));
    task.due_day = day;
    if (!milestone && Bernoulli(due, p_.start_date_share)) {
      start_day = std::max(DayOf(created), day - UniformRange(due, 1, 10));
    }
  }

  // Section (top-level tasks only) and approval state.
  int64_t section_id = 0;
  if (parent == nullptr) {
    Rng sec = Stream(kind, kTaskSection, task.local);
    Stage stage = Stage::kDone;
    if (!task.completed) {
      stage = static_cast<Stage>(task.assignee >= 0 ? open_assigned_.Pick(sec)
                                                    : open_unassigned_.Pick(sec));
    } else if (Bernoulli(sec, 0.04)) {
      stage = Stage::kReview;
    }
    int s = project.section_of_stage[static_cast<int>(stage)];
    if (s < 0) s = 0;
    section_id = project.section_ids[s];
  }
  std::string_view approval;
  if (subtype == "approval") {
    if (!task.completed) {
      approval = "pending";
    } else {
      const double u = people.NextDouble();
      approval = u < 0.80 ? "approved" : (u < 0.88 ? "rejected" : "changes_requested");
    }
  }

  // Stories, in time order.
  const int64_t end = task.completed ? task.completed_at : org_.as_of;
  // Scratch buffers are members, reused task after task: they are done with before the
  // subtasks (the recursion) start.
  std::vector<StoryDraft>& stories = stories_;
  stories.clear();
  Rng srng = Stream(kind, kTaskStories, task.local);
  stories.push_back({created, task.creator, StoryKind::kCreated});
  if (task.assignee >= 0) {
    stories.push_back({std::min(end, created + UniformRange(srng, 0, 20 * kMsPerMinute)),
                       task.creator, StoryKind::kAssigned});
  }
  if (task.due_day >= 0) {
    stories.push_back({std::min(end, created + UniformRange(srng, kMsPerSecond, 2 * kMsPerHour)),
                       task.creator, StoryKind::kDueDate, task.due_day});
  }
  // Open work that ran past its due date is often rescheduled rather than left overdue.
  const int64_t today = DayOf(org_.as_of);
  if (!task.completed && task.due_day >= 0 && task.due_day < today &&
      Bernoulli(due, p_.overdue_rescheduled_share)) {
    int64_t new_due = today + UniformRange(due, 1, 21);
    if (WeekdayOf(new_due) >= 5) new_due += WeekdayOf(new_due) == 5 ? 2 : 1;
    if (parent != nullptr && parent->due_day >= 0) new_due = std::min(new_due, parent->due_day);
    if (new_due > task.due_day) {
      const int64_t at =
          ActivityTime(srng, std::max(created + kMsPerMinute, task.due_day * kMsPerDay),
                       org_.as_of - kMsPerMinute, TzOf(completer));
      stories.push_back({at, completer, StoryKind::kDueDate, new_due});
      task.due_day = new_due;
      if (start_day > new_due) start_day = -1;
    }
  }
  Rng crng = Stream(kind, kTaskComments, task.local);
  const uint32_t comments =
      Geometric(crng, parent == nullptr ? p_.comments_mean : p_.subtask_comments_mean);
  std::vector<uint32_t>& commenters = commenters_;
  commenters.clear();
  for (uint32_t c = 0; c < comments; ++c) {
    uint32_t who;
    const double u = crng.NextDouble();
    if (u < p_.comment_by_assignee && task.assignee >= 0) {
      who = static_cast<uint32_t>(task.assignee);
    } else if (u < p_.comment_by_assignee + p_.comment_by_creator) {
      who = task.creator;
    } else {
      who = PickMember(crng, project);
    }
    commenters.push_back(who);
    stories.push_back(
        {ActivityTime(crng, created + kMsPerMinute, end, TzOf(who)), who, StoryKind::kComment});
  }
  if (task.completed) stories.push_back({task.completed_at, completer, StoryKind::kCompleted});
  std::stable_sort(stories.begin(), stories.end(), [](const StoryDraft& a, const StoryDraft& b) {
    return a.at != b.at ? a.at < b.at : a.kind < b.kind;
  });
  int64_t modified = created;
  for (const StoryDraft& s : stories) modified = std::max(modified, s.at);

  // The task row.
  TableRows& rows = batch_.rows(Table::kTasks);
  rows.Int(task.id)
      .Int(org_.id)
      .Int(project.id)
      .IdOrNull(section_id)
      .IdOrNull(parent ? parent->id : 0);
  Rng name = Stream(kind, kTaskName, task.local);
  const TemplateContext context = Context(created);
  if (parent == nullptr) {
    // A project rarely holds two tasks of the same name: redraw (a few times) on a clash.
    std::string& text = name_scratch_;
    for (int attempt = 0; attempt < 8; ++attempt) {
      text.clear();
      AppendOneOf(text, vocab_.task_templates, context, name);
      if (!project_task_names_.contains(text)) break;
    }
    project_task_names_.insert(text);
    rows.Text(text);
  } else {
    AppendOneOf(rows.BeginText(), vocab_.subtask_templates, context, name);
    rows.EndText();
  }
  Rng notes = Stream(kind, kTaskNotes, task.local);
  if (Bernoulli(notes, parent == nullptr ? p_.description_share : p_.description_share * 0.25)) {
    AppendOneOf(rows.BeginText(), vocab_.description_templates, context, notes);
    rows.EndText();
  } else {
    rows.Text("");
  }
  rows.Text(subtype);
  if (approval.empty()) {
    rows.Null();
  } else {
    rows.Text(approval);
  }
  rows.IdOrNull(task.assignee >= 0 ? org_.users[task.assignee].id : 0)
      .Int(org_.users[task.creator].id)
      .Timestamp(created)
      .Timestamp(modified)
      .DateOrNull(start_day, start_day >= 0)
      .DateOrNull(task.due_day, task.due_day >= 0)
      .Bool(task.completed)
      .TimestampOrNull(task.completed_at, task.completed)
      .IdOrNull(task.completed ? org_.users[completer].id : 0);

  EmitStories(task, stories);
  if (parent == nullptr) EmitFieldValues(project, task);

  // Tags: sparse, concentrated in the projects with a high tag rate.
  if (parent == nullptr && !tag_indexes_.empty()) {
    Rng tags = Stream(kind, kTaskTags, task.local);
    if (Bernoulli(tags, project.tag_rate)) {
      const ZipfTable& pick = *tag_pick_;
      int64_t a = org_.tags[tag_indexes_[pick.Pick(tags)]].id;
      int64_t b = Bernoulli(tags, 0.3) ? org_.tags[tag_indexes_[pick.Pick(tags)]].id : a;
      if (b < a) std::swap(a, b);
      batch_.rows(Table::kTaskTags).Int(task.id).Int(a);
      if (b != a) batch_.rows(Table::kTaskTags).Int(task.id).Int(b);
    }
  }

  // Followers: creator, assignee, commenters, and now and then a watcher.
  std::vector<uint32_t>& followers = followers_;
  followers.assign(commenters.begin(), commenters.end());
  followers.push_back(task.creator);
  if (task.assignee >= 0) followers.push_back(static_cast<uint32_t>(task.assignee));
  Rng frng = Stream(kind, kTaskFollowers, task.local);
  if (Bernoulli(frng, p_.extra_follower_share)) followers.push_back(PickMember(frng, project));
  std::sort(followers.begin(), followers.end());
  followers.erase(std::unique(followers.begin(), followers.end()), followers.end());
  for (uint32_t u : followers)
    batch_.rows(Table::kTaskFollowers).Int(task.id).Int(org_.users[u].id);

  // Subtasks.
  Rng sub = Stream(kind, kTaskSubtasks, task.local);
  uint32_t children = 0;
  if (depth == 0 && !milestone && Bernoulli(sub, p_.subtask_share)) {
    children = std::min<uint32_t>(p_.subtask_max, 1 + Geometric(sub, p_.subtask_extra_mean));
  } else if (depth == 1 && Bernoulli(sub, p_.nested_subtask_share)) {
    children = std::min<uint32_t>(4, 1 + Geometric(sub, 1.0));
  }
  for (uint32_t c = 0; c < children; ++c) Task(project, &task, depth + 1);
}

void TeamJob::EmitStories(const TaskState& task, std::vector<StoryDraft>& stories) {
  TableRows& rows = batch_.rows(Table::kStories);
  const Kind kind = task.depth == 0 ? Kind::kTask : Kind::kSubtask;
  Rng text = Stream(kind, kTaskComments, (1ull << 40) | task.local);
  for (const StoryDraft& s : stories) {
    const int64_t id = NextId(Table::kStories, &next_story_);
    const UserPlan& actor = org_.users[s.actor];
    TemplateContext context = Context(s.at);
    context.actor = actor.first_name();
    const StoryKindSpec& spec = kStoryKinds[static_cast<int>(s.kind)];
    const bool comment = s.kind == StoryKind::kComment;
    if (s.kind == StoryKind::kAssigned) context.assignee = org_.users[task.assignee].name;
    if (s.kind == StoryKind::kDueDate) context.date_day = s.date_day;
    if (!comment) context.actor = actor.name;
    rows.Int(id).Int(task.id).Int(actor.id).Text(comment ? "comment" : "system").Text(spec.subtype);
    std::string& out = rows.BeginText();
    if (comment) {
      AppendOneOf(out, vocab_.comment_templates, context, text);
    } else {
      AppendTemplate(out, spec.text, context, text);
    }
    rows.EndText().Timestamp(s.at);
    std::string_view source = "web";
    bool pinned = false;
    if (comment) {
      const double u = text.NextDouble();
      if (u < p_.comment_mobile_share) {
        source = "mobile";
      } else if (u < p_.comment_mobile_share + p_.comment_email_share) {
        source = "email";
      }
      pinned = Bernoulli(text, p_.pinned_comment_share);
    }
    rows.Bool(pinned).Text(source);
  }
}

void TeamJob::EmitFieldValues(const ProjectState& project, const TaskState& task) {
  TableRows& rows = batch_.rows(Table::kCustomFieldValues);
  Rng rng = Stream(Kind::kFieldValue, kTaskFields, task.local);
  for (int index : project.field_indexes) {
    const FieldPlan& f = org_.fields[index];
    const CustomFieldSpec& s = *f.spec;
    if (!Bernoulli(rng, s.fill_rate)) continue;
    rows.Int(task.id).Int(f.id);
    switch (s.type) {
      case FieldType::kEnum: {
        size_t option;
        if (s.sprint) {
          const int64_t k = (DayOf(task.created) - f.first_sprint_day) / 14;
          option = static_cast<size_t>(
              std::clamp<int64_t>(k, 0, static_cast<int64_t>(f.option_ids.size()) - 1));
        } else {
          option = f.option_weights.Pick(rng);
        }
        rows.Text("enum").Null().Null().Int(f.option_ids[option]).Null().Null();
        break;
      }
      case FieldType::kNumber: {
        double v;
        if (s.fibonacci) {
          v = kFibonacci[fibonacci_.Pick(rng)];
        } else if (s.format == "percentage") {
          v = task.completed ? 100.0 : 10.0 * UniformInt(rng, 10);
        } else {
          const double scale = std::pow(10.0, s.precision);
          v = std::round(LogNormal(rng, std::log(s.number_median), s.number_sigma) * scale) / scale;
        }
        rows.Text("number").Null().Real(v).Null().Null().Null();
        break;
      }
      case FieldType::kText: {
        rows.Text("text");
        AppendTemplate(rows.BeginText(), "{account}", Context(task.created), rng);
        rows.EndText().Null().Null().Null().Null();
        break;
      }
      case FieldType::kDate: {
        const int64_t day =
            task.due_day >= 0
                ? task.due_day
                : DayOf(task.created) + static_cast<int64_t>(LogNormal(rng, std::log(14.0), 0.6));
        rows.Text("date").Null().Null().Null().Date(day).Null();
        break;
      }
      case FieldType::kPeople: {
        rows.Text("people").Null().Null().Null().Null().Int(
            org_.users[PickMember(rng, project)].id);
        break;
      }
    }
  }
}

}  // namespace

void GenerateTeamRows(const OrgPlan& org, uint32_t team_index, Batch& batch) {
  TeamJob job(org, team_index, batch);
  job.Run();
}

}  // namespace asanasim
