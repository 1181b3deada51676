// Team job: projects with their status updates, memberships, field settings and sections; tasks
// and subtasks with their activity feed, custom field values, tags, followers, dependencies and
// second homes.
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
// 5. The activity feed is drawn as changes from an empty task, so replaying it gives the row:
//    created (in the backlog or to-do section), assigned (sometimes first to someone else, or
//    assigned and later unassigned), due dates set and pushed out, moves through the workflow's
//    sections (done work ends in the last one), tags, watchers, dependencies and second homes
//    added, custom fields changed, comments, approval decisions, and marked_complete (now and
//    then marked incomplete and completed again). Stories are emitted in time order; modified_at
//    is the latest of them.
// Invariants (checked by `asanasim validate`): every person on a task is a member of the
// project's team; subtasks are created no earlier than their parent and, if the parent is
// done, are done no later than it; completed <=> completed_at <=> completed_by; every story
// lies in [created_at, as_of]; modified_at >= every story; replaying the stories gives the
// task's assignee, dates, sections, completion, approval, tags, followers, dependencies, second
// homes and changed custom fields.
#include "src/gen/team_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "src/model/ids.h"
#include "src/model/streams.h"
#include "src/rng/distributions.h"
#include "src/text/template.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

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
// Open tasks' stages: Backlog, To do, Doing, Review (assigned; unassigned). Done work is always
// in the last section (Stage::kDone).
constexpr double kOpenAssignedStage[] = {0.10, 0.35, 0.40, 0.15};
constexpr double kOpenUnassignedStage[] = {0.70, 0.30, 0.0, 0.0};

// Attempts of the working-moment sampler: the acceptance rate is about 0.3, so 24 attempts fail
// about once in 5,000 draws.
constexpr int kMaxAttempts = 24;

// Kinds of story, in the order stories of the same instant are emitted.
enum class StoryKind : uint8_t {
  kCreated,
  kAddedToProject,
  kAssigned,
  kUnassigned,
  kDueDate,
  kTag,
  kFollower,
  kDependency,
  kFieldEnum,
  kFieldNumber,
  kComment,
  kSection,
  kApproval,
  kIncomplete,
  kCompleted,
};
constexpr std::string_view kStorySubtypes[] = {"created",
                                               "added_to_project",
                                               "assigned",
                                               "unassigned",
                                               "due_date_changed",
                                               "added_to_tag",
                                               "follower_added",
                                               "dependency_added",
                                               "enum_custom_field_changed",
                                               "number_custom_field_changed",
                                               "comment_added",
                                               "section_changed",
                                               "approval_status_changed",
                                               "marked_incomplete",
                                               "marked_complete"};

// One story before it is written. Indexes (not ids) where the text needs a name.
// A number as a story shows it: `precision` decimals.
void AppendNumber(std::string& out, double v, int precision) {
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, "%.*f", std::clamp(precision, 0, 6), v);
  out.append(buf, static_cast<size_t>(std::max(0, n)));
}

struct StoryDraft {
  int64_t at;
  uint32_t actor;  // user index
  StoryKind kind;
  int32_t old_user = -1;  // user indexes (assignee, follower)
  int32_t new_user = -1;
  int64_t old_due = -1;  // days; -1 = no date
  int64_t new_due = -1;
  int64_t old_start = -1;
  int64_t new_start = -1;
  int32_t project = -1;      // index into TeamJob::projects_
  int32_t old_section = -1;  // section index within that project
  int32_t new_section = -1;
  int32_t ref = -1;         // tag index (org.tags), field index (org.fields), or prerequisite index
  int32_t old_option = -1;  // option indexes of the field
  int32_t new_option = -1;
  double old_number = 0;
  double new_number = 0;
  std::string_view approval = {};
};

// A top-level task as later tasks of its project see it (for dependencies).
struct TaskSummary {
  int64_t id;
  int64_t created;
  int64_t completed_at;  // 0 when open
  std::string name;
};

struct ProjectState {
  int64_t id;
  uint32_t local;
  int64_t created;
  int64_t close;  // completion, or as_of for open projects
  bool completed;
  uint32_t owner;
  std::string name;
  std::vector<int64_t> section_ids;
  std::array<int, 5> section_of_stage;   // Stage -> index into section_ids
  std::vector<uint32_t> workload_order;  // members, most loaded first
  std::vector<int> field_indexes;        // into org.fields, ascending id
  double tag_rate;
  std::vector<TaskSummary> tasks;  // top-level tasks so far (cleared when the project ends)
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
    for (int from = 0; from < 4; ++from) {
      status_next_[from] = WeightedTable(
          std::span<const double>(p_.status_transition).subspan(static_cast<size_t>(from) * 4, 4));
    }
    projects_.reserve(static_cast<size_t>(team_.project_count));
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
  Rng Stream(Kind kind, Purpose purpose, uint64_t index) const {
    return asanasim::Stream(StreamScope{.seed = org_.seed, .org = org_.index, .team = job_}, kind,
                            purpose, index);
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

  // The department's tier-3 variants for `slot`, or null (tier 3 off, or an empty pool).
  const std::vector<std::string>* LlmPool(size_t slot) const {
    if (org_.pools == nullptr) return nullptr;
    const std::vector<std::string>& v = org_.pools->variants(team_.department, slot);
    return v.empty() ? nullptr : &v;
  }

  int64_t NextId(Table table, uint64_t* counter) {
    return MakeId(org_.index, table, job_, (*counter)++);
  }

  int32_t ProjectIndex(const ProjectState& project) const {
    return static_cast<int32_t>(&project - projects_.data());
  }
  // Working moments in [lo, hi], ascending.
  void SortedMoments(Rng& rng, int64_t lo, int64_t hi, int32_t tz_min, size_t n,
                     std::vector<int64_t>& out) const {
    out.clear();
    for (size_t i = 0; i < n; ++i) out.push_back(ActivityTime(rng, lo, hi, tz_min));
    std::sort(out.begin(), out.end());
  }

  void Project(uint32_t local);
  int64_t StatusUpdates(const ProjectState& project, int64_t modified);
  void Task(ProjectState& project, const TaskState* parent, int depth);
  void SectionPath(const ProjectState& project, const TaskState& task, Stage final_stage,
                   uint32_t mover, Rng& rng);
  void Links(ProjectState& project, const TaskState& task, int64_t end, Rng& rng);
  void EmitStories(const TaskState& task);
  void EmitFieldValues(const ProjectState& project, const TaskState& task, int64_t end);
  void AppendSystemText(std::string& out, const StoryDraft& s, Rng& rng);

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
  std::unique_ptr<ZipfTable> tag_pick_;       // over tag_indexes_, when there are tags
  std::array<WeightedTable, 4> status_next_;  // rows of Profile::status_transition
  std::vector<ProjectState> projects_;        // this team's projects so far
  std::vector<StoryDraft> stories_;
  std::vector<int64_t> moments_;
  std::vector<uint32_t> candidates_;
  std::vector<int64_t> prerequisites_;  // ids, of the task being generated
  std::vector<int32_t> assignees_;      // every assignee the task had
  struct StatusDraft {
    int64_t at;
    uint32_t author;
    StatusType type;
  };
  std::vector<StatusDraft> statuses_;
  std::vector<uint32_t> commenters_;
  std::vector<uint32_t> followers_;
  std::vector<std::string> project_names_;
  absl::flat_hash_set<std::string> project_task_names_;  // top-level task names of this project
  std::string name_scratch_;
  uint64_t next_project_ = 0;
  uint64_t next_section_ = 0;
  uint64_t next_task_ = 0;
  uint64_t next_story_ = 0;
  uint64_t next_status_ = 0;
};

void TeamJob::Project(uint32_t local) {
  ProjectState& project = projects_.emplace_back();
  project.local = local;
  project.id = NextId(Table::kProjects, &next_project_);
  Rng shape = Stream(Kind::kProject, Purpose::kProjectShape, local);
  Rng members = Stream(Kind::kProject, Purpose::kProjectMembers, local);

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
  int64_t modified =
      project.completed
          ? project.close
          : std::min(org_.as_of, project.created + UniformRange(shape, 0, 20) * kMsPerDay);
  modified = StatusUpdates(project, modified);
  const WeightedTable tag_rates(p_.project_tag_rate_weight);
  project.tag_rate = p_.project_tag_rate[tag_rates.Pick(shape)];

  TableRows& rows = batch_.rows(Table::kProjects);
  Rng text = Stream(Kind::kProject, Purpose::kProjectText, local);
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
  project.name = name;
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

  // Status updates, drawn above (they move modified_at).
  TableRows& status_rows = batch_.rows(Table::kStatusUpdates);
  Rng status_text = Stream(Kind::kProject, Purpose::kProjectStatusText, local);
  for (const StatusDraft& u : statuses_) {
    TemplateContext c = Context(u.at);
    c.actor = org_.users[u.author].first_name();
    status_rows.Int(NextId(Table::kStatusUpdates, &next_status_))
        .Int(project.id)
        .Int(org_.users[u.author].id)
        .Text(StatusTypeName(u.type));
    AppendOneOf(status_rows.BeginText(), StatusUpdateTitles(), c, status_text);
    status_rows.EndText();
    AppendOneOf(status_rows.BeginText(), StatusUpdateTemplates(u.type), c, status_text);
    status_rows.EndText().Timestamp(u.at);
  }

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
  Rng order = Stream(Kind::kProject, Purpose::kProjectOrder, local);
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

  Rng count = Stream(Kind::kProject, Purpose::kTaskCount, local);
  const int64_t tasks = std::max<int64_t>(
      1, std::llround(org_.tasks_per_project * LogNormal(count, 0.0, p_.tasks_per_project_sigma)));
  for (int64_t t = 0; t < tasks; ++t) Task(project, nullptr, 0);
  project.tasks.clear();
  project.tasks.shrink_to_fit();
}

// Fills statuses_ with the project's status updates: the first a week or so after creation,
// then every week or two, each status a Markov step from the last; a completed project ends
// with 'complete' at its completion. Returns modified_at moved past the last update.
int64_t TeamJob::StatusUpdates(const ProjectState& project, int64_t modified) {
  statuses_.clear();
  Rng rng = Stream(Kind::kProject, Purpose::kProjectStatus, project.local);
  const int64_t end = project.completed ? project.close - kMsPerHour : org_.as_of;
  int64_t t =
      project.created +
      static_cast<int64_t>(LogNormal(rng, std::log(p_.status_first_median_days), 0.4) * kMsPerDay);
  int state = 0;  // on_track
  while (t < end) {
    const uint32_t author = Bernoulli(rng, p_.status_by_owner_share) ? project.owner : team_.lead;
    const int64_t at = ActivityTime(rng, t, std::min(end, t + 2 * kMsPerDay), TzOf(author));
    if (at >= end) break;
    statuses_.push_back({at, author, static_cast<StatusType>(state)});
    t = at + static_cast<int64_t>(LogNormal(rng, std::log(p_.status_interval_median_days),
                                            p_.status_interval_sigma) *
                                  kMsPerDay);
    state = static_cast<int>(status_next_[static_cast<size_t>(state)].Pick(rng));
  }
  if (project.completed) {
    statuses_.push_back({project.close, project.owner, StatusType::kComplete});
  }
  for (const StatusDraft& u : statuses_) modified = std::max(modified, u.at);
  return modified;
}

void TeamJob::Task(ProjectState& project, const TaskState* parent, int depth) {
  TaskState task;
  task.local = next_task_;
  task.id = NextId(Table::kTasks, &next_task_);
  task.depth = depth;
  const Kind kind = parent == nullptr ? Kind::kTask : Kind::kSubtask;
  Rng time = Stream(kind, Purpose::kTaskTime, task.local);
  Rng people = Stream(kind, Purpose::kTaskPeople, task.local);
  Rng done = Stream(kind, Purpose::kTaskCompletion, task.local);
  Rng due = Stream(kind, Purpose::kTaskDue, task.local);

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
  // A subtask of a parent done within a minute of its creation is created at the completion.
  const int64_t window_lo = parent == nullptr
                                ? project.created + kMsPerMinute
                                : std::min(parent->created + kMsPerMinute,
                                           parent->completed ? parent->completed_at : org_.as_of);
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

  // Approval decision.
  std::string_view approval = {};
  if (subtype == "approval") {
    if (!task.completed) {
      approval = "pending";
    } else {
      const double u = people.NextDouble();
      approval = u < 0.80 ? "approved" : (u < 0.88 ? "rejected" : "changes_requested");
    }
  }

  // The activity feed, drawn as changes from an empty task (see the file comment). Scratch
  // buffers are members, reused task after task: they are done with before the subtasks (the
  // recursion) start.
  const int64_t end = task.completed ? task.completed_at : org_.as_of;
  std::vector<StoryDraft>& stories = stories_;
  stories.clear();
  Rng srng = Stream(kind, Purpose::kTaskStories, task.local);
  Rng hrng = Stream(kind, Purpose::kTaskHistory, task.local);
  {
    StoryDraft created_story{.at = created, .actor = task.creator, .kind = StoryKind::kCreated};
    if (parent == nullptr) created_story.project = ProjectIndex(project);
    stories.push_back(created_story);
  }

  // Assignment: straight to the assignee, or first to someone else; or assigned once and
  // later unassigned (open backlog work).
  std::vector<int32_t>& assignees = assignees_;
  assignees.clear();
  const int64_t assigned_at = std::min(end, created + UniformRange(srng, 0, 20 * kMsPerMinute));
  if (task.assignee >= 0) {
    int32_t first = task.assignee;
    if (end - assigned_at > kMsPerHour && Bernoulli(hrng, p_.reassigned_share)) {
      const auto other = static_cast<int32_t>(PickMember(hrng, project));
      if (other != task.assignee) first = other;
    }
    stories.push_back({.at = assigned_at,
                       .actor = task.creator,
                       .kind = StoryKind::kAssigned,
                       .new_user = first});
    assignees.push_back(first);
    if (first != task.assignee) {
      const int64_t at = ActivityTime(hrng, assigned_at + kMsPerMinute, end, TzOf(first));
      stories.push_back({.at = std::min(at, end),
                         .actor = static_cast<uint32_t>(first),
                         .kind = StoryKind::kAssigned,
                         .old_user = first,
                         .new_user = task.assignee});
      assignees.push_back(task.assignee);
    }
  } else if (!task.completed && end - assigned_at > kMsPerHour &&
             Bernoulli(hrng, p_.unassigned_later_share)) {
    const auto once = static_cast<int32_t>(PickMember(hrng, project));
    stories.push_back(
        {.at = assigned_at, .actor = task.creator, .kind = StoryKind::kAssigned, .new_user = once});
    const int64_t at = ActivityTime(hrng, assigned_at + kMsPerMinute, end, TzOf(once));
    stories.push_back({.at = std::min(at, end),
                       .actor = static_cast<uint32_t>(once),
                       .kind = StoryKind::kUnassigned,
                       .old_user = once});
    assignees.push_back(once);
  }

  // Dates: set soon after creation; open work that ran past its due date is often rescheduled
  // rather than left overdue.
  int64_t due_set_at = created;
  if (task.due_day >= 0) {
    due_set_at = std::min(end, created + UniformRange(srng, kMsPerSecond, 2 * kMsPerHour));
    stories.push_back({.at = due_set_at,
                       .actor = task.creator,
                       .kind = StoryKind::kDueDate,
                       .new_due = task.due_day,
                       .new_start = start_day});
  }
  const int64_t today = DayOf(org_.as_of);
  if (!task.completed && task.due_day >= 0 && task.due_day < today &&
      Bernoulli(due, p_.overdue_rescheduled_share)) {
    int64_t new_due = today + UniformRange(due, 1, 21);
    if (WeekdayOf(new_due) >= 5) new_due += WeekdayOf(new_due) == 5 ? 2 : 1;
    if (parent != nullptr && parent->due_day >= 0) new_due = std::min(new_due, parent->due_day);
    if (new_due > task.due_day) {
      const int64_t at =
          ActivityTime(srng, std::max(due_set_at + kMsPerMinute, task.due_day * kMsPerDay),
                       org_.as_of - kMsPerMinute, TzOf(completer));
      const int64_t new_start = start_day > new_due ? -1 : start_day;
      stories.push_back({.at = at,
                         .actor = completer,
                         .kind = StoryKind::kDueDate,
                         .old_due = task.due_day,
                         .new_due = new_due,
                         .old_start = start_day,
                         .new_start = new_start});
      task.due_day = new_due;
      start_day = new_start;
    }
  }

  // Comments.
  Rng crng = Stream(kind, Purpose::kTaskComments, task.local);
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
    stories.push_back({.at = ActivityTime(crng, created + kMsPerMinute, end, TzOf(who)),
                       .actor = who,
                       .kind = StoryKind::kComment});
  }

  // Section (top-level tasks only): filed in the backlog or to-do column, moved along the
  // workflow; done work ends in the last section.
  int64_t section_id = 0;
  if (parent == nullptr) {
    Rng sec = Stream(kind, Purpose::kTaskSection, task.local);
    Stage stage = Stage::kDone;
    if (!task.completed) {
      stage = static_cast<Stage>(task.assignee >= 0 ? open_assigned_.Pick(sec)
                                                    : open_unassigned_.Pick(sec));
    }
    SectionPath(project, task, stage, completer, hrng);
    int s = project.section_of_stage[static_cast<int>(stage)];
    if (s < 0) s = 0;
    section_id = project.section_ids[static_cast<size_t>(s)];
  }

  // Completion: the approval decision, the occasional reopen, marked_complete.
  if (!approval.empty() && approval != "pending") {
    stories.push_back({.at = task.completed_at,
                       .actor = completer,
                       .kind = StoryKind::kApproval,
                       .approval = approval});
  }
  if (task.completed) {
    const int64_t span = task.completed_at - created;
    if (approval.empty() && span > 2 * kMsPerHour && Bernoulli(hrng, p_.reopened_share)) {
      const int64_t first =
          ActivityTime(hrng, created + span / 5, created + span / 2, TzOf(completer));
      const int64_t reopened = ActivityTime(hrng, first + kMsPerMinute,
                                            task.completed_at - kMsPerMinute, TzOf(task.creator));
      stories.push_back({.at = first, .actor = completer, .kind = StoryKind::kCompleted});
      stories.push_back({.at = reopened, .actor = task.creator, .kind = StoryKind::kIncomplete});
    }
    stories.push_back({.at = task.completed_at, .actor = completer, .kind = StoryKind::kCompleted});
  }

  // Tags (top-level tasks): sparse, concentrated in the projects with a high tag rate.
  std::array<int, 2> tag_pick = {-1, -1};
  if (parent == nullptr && !tag_indexes_.empty()) {
    Rng tags = Stream(kind, Purpose::kTaskTags, task.local);
    if (Bernoulli(tags, project.tag_rate)) {
      const ZipfTable& pick = *tag_pick_;
      int a = tag_indexes_[pick.Pick(tags)];
      int b = Bernoulli(tags, 0.3) ? tag_indexes_[pick.Pick(tags)] : a;
      if (org_.tags[static_cast<size_t>(b)].id < org_.tags[static_cast<size_t>(a)].id)
        std::swap(a, b);
      tag_pick = {a, b == a ? -1 : b};
      for (int t : tag_pick) {
        if (t < 0) continue;
        batch_.rows(Table::kTaskTags).Int(task.id).Int(org_.tags[static_cast<size_t>(t)].id);
        const int64_t at =
            Bernoulli(tags, p_.late_tag_share)
                ? ActivityTime(tags, created + kMsPerMinute, end, TzOf(completer))
                : std::min(end, created + UniformRange(tags, kMsPerSecond, 30 * kMsPerMinute));
        stories.push_back({.at = at, .actor = task.creator, .kind = StoryKind::kTag, .ref = t});
      }
    }
  }

  // Followers: creator, everyone who was assigned, commenters (all automatic), and now and
  // then a watcher who adds themselves (a follower_added story).
  std::vector<uint32_t>& followers = followers_;
  followers.assign(commenters.begin(), commenters.end());
  followers.push_back(task.creator);
  for (int32_t a : assignees) followers.push_back(static_cast<uint32_t>(a));
  Rng frng = Stream(kind, Purpose::kTaskFollowers, task.local);
  if (Bernoulli(frng, p_.extra_follower_share)) {
    const uint32_t watcher = PickMember(frng, project);
    if (std::find(followers.begin(), followers.end(), watcher) == followers.end()) {
      followers.push_back(watcher);
      stories.push_back({.at = ActivityTime(frng, created + kMsPerMinute, end, TzOf(watcher)),
                         .actor = watcher,
                         .kind = StoryKind::kFollower,
                         .new_user = static_cast<int32_t>(watcher)});
    }
  }
  std::sort(followers.begin(), followers.end());
  followers.erase(std::unique(followers.begin(), followers.end()), followers.end());
  for (uint32_t u : followers)
    batch_.rows(Table::kTaskFollowers).Int(task.id).Int(org_.users[u].id);

  // Custom fields (top-level tasks), dependencies and second homes.
  if (parent == nullptr) {
    EmitFieldValues(project, task, end);
    Rng lrng = Stream(kind, Purpose::kTaskLinks, task.local);
    Links(project, task, end, lrng);
  }

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
  Rng name = Stream(kind, Purpose::kTaskName, task.local);
  const TemplateContext context = Context(created);
  std::string& text = name_scratch_;
  text.clear();
  if (parent == nullptr) {
    // A project rarely holds two tasks of the same name: redraw (a few times) on a clash.
    for (int attempt = 0; attempt < 8; ++attempt) {
      text.clear();
      AppendOneOf(text, vocab_.task_templates, context, name);
      if (!project_task_names_.contains(text)) break;
    }
    project_task_names_.insert(text);
  } else {
    AppendOneOf(text, vocab_.subtask_templates, context, name);
  }
  rows.Text(text);
  Rng notes = Stream(kind, Purpose::kTaskNotes, task.local);
  std::string_view notes_source;  // empty: no description
  if (Bernoulli(notes, parent == nullptr ? p_.description_share : p_.description_share * 0.25)) {
    std::string& out = rows.BeginText();
    notes_source = "template";
    if (const std::vector<std::string>* pool = LlmPool(kDescriptionSlot)) {
      Rng tier = Stream(kind, Purpose::kTextTier, task.local);
      if (Bernoulli(tier, org_.llm_share)) {
        AppendTemplate(out, (*pool)[UniformInt(tier, static_cast<uint32_t>(pool->size()))], context,
                       tier);
        notes_source = "llm";
      }
    }
    if (notes_source == "template") AppendOneOf(out, vocab_.description_templates, context, notes);
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
  if (notes_source.empty()) {
    rows.Null();
  } else {
    rows.Text(notes_source);
  }

  EmitStories(task);
  if (parent == nullptr) {
    project.tasks.push_back(
        {task.id, task.created, task.completed ? task.completed_at : 0, std::string(text)});
  }

  // Subtasks.
  Rng sub = Stream(kind, Purpose::kTaskSubtasks, task.local);
  uint32_t children = 0;
  if (depth == 0 && !milestone && Bernoulli(sub, p_.subtask_share)) {
    children = std::min<uint32_t>(p_.subtask_max, 1 + Geometric(sub, p_.subtask_extra_mean));
  } else if (depth == 1 && Bernoulli(sub, p_.nested_subtask_share)) {
    children = std::min<uint32_t>(4, 1 + Geometric(sub, 1.0));
  }
  for (uint32_t c = 0; c < children; ++c) Task(project, &task, depth + 1);
}

// Section moves of a top-level task in its home project: filed in the backlog (or, once
// triaged, to do), then on through doing and review as far as `final_stage`; done work moves
// to the last section as it completes.
void TeamJob::SectionPath(const ProjectState& project, const TaskState& task, Stage final_stage,
                          uint32_t mover, Rng& rng) {
  const auto section_of = [&](Stage st) {
    const int s = project.section_of_stage[static_cast<int>(st)];
    return s < 0 ? 0 : s;
  };
  Stage first = Stage::kBacklog;
  if (final_stage != Stage::kBacklog && !Bernoulli(rng, p_.start_in_backlog_share))
    first = Stage::kTodo;
  stories_.front().new_section = section_of(first);  // the created story
  std::array<Stage, 4> path{};
  size_t n = 0;
  if (final_stage == Stage::kDone) {
    if (Bernoulli(rng, p_.done_via_doing_share)) path[n++] = Stage::kDoing;
    if (Bernoulli(rng, p_.done_via_review_share)) path[n++] = Stage::kReview;
  } else {
    for (int st = static_cast<int>(first) + 1; st <= static_cast<int>(final_stage); ++st)
      path[n++] = static_cast<Stage>(st);
  }
  const int64_t end = task.completed ? task.completed_at : org_.as_of;
  SortedMoments(rng, std::min(end, task.created + kMsPerMinute), end, TzOf(mover), n, moments_);
  int from = section_of(first);
  const int32_t here = ProjectIndex(project);
  for (size_t i = 0; i < n; ++i) {
    const int to = section_of(path[i]);
    stories_.push_back({.at = moments_[i],
                        .actor = mover,
                        .kind = StoryKind::kSection,
                        .project = here,
                        .old_section = from,
                        .new_section = to});
    from = to;
  }
  if (final_stage == Stage::kDone) {
    stories_.push_back({.at = task.completed_at,
                        .actor = mover,
                        .kind = StoryKind::kSection,
                        .project = here,
                        .old_section = from,
                        .new_section = section_of(Stage::kDone)});
  }
}

// Dependencies on earlier tasks of the project (created before this one and, when this one is
// done, done no later), and a second home in another project of the team whose life covers
// the task's.
void TeamJob::Links(ProjectState& project, const TaskState& task, int64_t end, Rng& rng) {
  prerequisites_.clear();
  if (Bernoulli(rng, p_.dependency_share)) {
    std::vector<uint32_t>& candidates = candidates_;
    candidates.clear();
    const size_t window = static_cast<size_t>(std::max(1, p_.dependency_window));
    const size_t begin = project.tasks.size() > window ? project.tasks.size() - window : 0;
    for (size_t i = begin; i < project.tasks.size(); ++i) {
      const TaskSummary& b = project.tasks[i];
      if (b.created >= task.created) continue;
      if (task.completed && (b.completed_at == 0 || b.completed_at > task.completed_at)) continue;
      candidates.push_back(static_cast<uint32_t>(i));
    }
    int want = 1;  // then each further prerequisite with probability 1/4
    while (want < p_.dependency_max && Bernoulli(rng, 0.25)) ++want;
    for (int k = 0; k < want && !candidates.empty(); ++k) {
      const uint32_t pick = UniformInt(rng, static_cast<uint32_t>(candidates.size()));
      const uint32_t i = candidates[pick];
      candidates.erase(candidates.begin() + pick);
      const int64_t at =
          std::min(end, task.created + UniformRange(rng, kMsPerMinute, 2 * kMsPerHour));
      prerequisites_.push_back(project.tasks[i].id);
      stories_.push_back({.at = at,
                          .actor = task.creator,
                          .kind = StoryKind::kDependency,
                          .ref = static_cast<int32_t>(i)});
    }
  }
  if (!prerequisites_.empty()) {
    // Rows in key order; each link's time is its story's.
    std::vector<std::pair<int64_t, int64_t>> links;
    for (const StoryDraft& s : stories_) {
      if (s.kind == StoryKind::kDependency)
        links.emplace_back(project.tasks[static_cast<size_t>(s.ref)].id, s.at);
    }
    std::sort(links.begin(), links.end());
    for (const auto& [id, at] : links)
      batch_.rows(Table::kTaskDependencies).Int(task.id).Int(id).Timestamp(at);
  }

  const int64_t span = end - task.created;
  if (span > 4 * kMsPerMinute && Bernoulli(rng, p_.multi_home_share)) {
    std::vector<uint32_t>& candidates = candidates_;
    candidates.clear();
    const int32_t here = ProjectIndex(project);
    for (int32_t j = 0; j < here; ++j) {
      const ProjectState& other = projects_[static_cast<size_t>(j)];
      // Its life must cover the task's: open, or completed no earlier than the task.
      if (other.created < task.created &&
          (!other.completed || (task.completed && task.completed_at <= other.close))) {
        candidates.push_back(static_cast<uint32_t>(j));
      }
    }
    if (!candidates.empty()) {
      const uint32_t j = candidates[UniformInt(rng, static_cast<uint32_t>(candidates.size()))];
      const ProjectState& other = projects_[j];
      const int64_t added =
          task.created + UniformRange(rng, kMsPerMinute, std::min(2 * kMsPerDay, span / 2));
      const auto section_of = [&](Stage st) {
        const int s = other.section_of_stage[static_cast<int>(st)];
        return s < 0 ? 0 : s;
      };
      const int first = section_of(Stage::kTodo);
      int final_section = first;
      stories_.push_back({.at = added,
                          .actor = task.creator,
                          .kind = StoryKind::kAddedToProject,
                          .project = static_cast<int32_t>(j),
                          .new_section = first});
      if (task.completed) {
        final_section = section_of(Stage::kDone);
        stories_.push_back(
            {.at = task.completed_at,
             .actor = task.assignee >= 0 ? static_cast<uint32_t>(task.assignee) : task.creator,
             .kind = StoryKind::kSection,
             .project = static_cast<int32_t>(j),
             .old_section = first,
             .new_section = final_section});
      }
      batch_.rows(Table::kTaskProjects)
          .Int(task.id)
          .Int(other.id)
          .Int(other.section_ids[static_cast<size_t>(final_section)])
          .Timestamp(added);
    }
  }
}

void TeamJob::AppendSystemText(std::string& out, const StoryDraft& s, Rng& rng) {
  const UserPlan& actor = org_.users[s.actor];
  TemplateContext context = Context(s.at);
  context.actor = actor.name;
  const auto user_name = [&](int32_t u) -> std::string_view {
    return org_.users[static_cast<size_t>(u)].name;
  };
  const auto quoted_section = [&](int32_t index) {
    out.append("\"").append(vocab_.sections[static_cast<size_t>(index)].name).append("\"");
  };
  switch (s.kind) {
    case StoryKind::kCreated:
      AppendTemplate(out, kStoryCreated, context, rng);
      return;
    case StoryKind::kAssigned:
      context.assignee = user_name(s.new_user);
      AppendTemplate(out, kStoryAssigned, context, rng);
      return;
    case StoryKind::kUnassigned:
      context.assignee = user_name(s.old_user);
      AppendTemplate(out, kStoryUnassigned, context, rng);
      return;
    case StoryKind::kDueDate:
      if (s.new_due < 0) {
        out.append(actor.name).append(" removed the due date");
      } else {
        context.date_day = s.new_due;
        AppendTemplate(out, kStoryDueDate, context, rng);
      }
      return;
    case StoryKind::kSection:
      out.append(actor.name).append(" moved this task from ");
      quoted_section(s.old_section);
      out.append(" to ");
      quoted_section(s.new_section);
      out.append(" in ").append(projects_[static_cast<size_t>(s.project)].name);
      return;
    case StoryKind::kAddedToProject:
      out.append(actor.name)
          .append(" added this task to ")
          .append(projects_[static_cast<size_t>(s.project)].name);
      return;
    case StoryKind::kTag:
      out.append(actor.name)
          .append(" added this task to the tag ")
          .append(org_.tags[static_cast<size_t>(s.ref)].spec->name);
      return;
    case StoryKind::kFollower:
      out.append(actor.name)
          .append(" added ")
          .append(user_name(s.new_user))
          .append(" as a collaborator");
      return;
    case StoryKind::kDependency:
      out.append(actor.name)
          .append(" marked this task as waiting on \"")
          .append(projects_.back().tasks[static_cast<size_t>(s.ref)].name)
          .append("\"");
      return;
    case StoryKind::kFieldEnum: {
      const FieldPlan& f = org_.fields[static_cast<size_t>(s.ref)];
      out.append(actor.name)
          .append(" changed ")
          .append(f.spec->name)
          .append(" from \"")
          .append(f.option_names[static_cast<size_t>(s.old_option)])
          .append("\" to \"")
          .append(f.option_names[static_cast<size_t>(s.new_option)])
          .append("\"");
      return;
    }
    case StoryKind::kFieldNumber: {
      const FieldPlan& f = org_.fields[static_cast<size_t>(s.ref)];
      out.append(actor.name).append(" changed ").append(f.spec->name).append(" from ");
      AppendNumber(out, s.old_number, f.spec->precision);
      out.append(" to ");
      AppendNumber(out, s.new_number, f.spec->precision);
      return;
    }
    case StoryKind::kApproval:
      out.append(actor.name)
          .append(s.approval == "approved"   ? " approved this task"
                  : s.approval == "rejected" ? " rejected this task"
                                             : " requested changes");
      return;
    case StoryKind::kIncomplete:
      AppendTemplate(out, kStoryIncomplete, context, rng);
      return;
    case StoryKind::kCompleted:
      AppendTemplate(out, kStoryCompleted, context, rng);
      return;
    case StoryKind::kComment:
      break;
  }
}

void TeamJob::EmitStories(const TaskState& task) {
  TableRows& rows = batch_.rows(Table::kStories);
  const Kind kind = task.depth == 0 ? Kind::kTask : Kind::kSubtask;
  Rng text = Stream(kind, Purpose::kStoryText, task.local);
  // Tier 3 draws come from their own stream, and only when there are pools: without them the
  // output is exactly that of tiers 1-2.
  std::optional<Rng> tier_rng;
  if (org_.pools != nullptr) tier_rng.emplace(Stream(kind, Purpose::kStoryTextTier, task.local));
  Rng* tier = tier_rng.has_value() ? &*tier_rng : nullptr;
  const StoryDraft* last_comment = nullptr;
  for (const StoryDraft& s : stories_) {
    if (s.kind == StoryKind::kComment) last_comment = &s;
  }
  for (const StoryDraft& s : stories_) {
    const int64_t id = NextId(Table::kStories, &next_story_);
    const UserPlan& actor = org_.users[s.actor];
    const bool comment = s.kind == StoryKind::kComment;
    rows.Int(id)
        .Int(task.id)
        .Int(actor.id)
        .Text(comment ? "comment" : "system")
        .Text(kStorySubtypes[static_cast<int>(s.kind)]);
    std::string& out = rows.BeginText();
    std::string_view text_source = "template";
    if (comment) {
      TemplateContext context = Context(s.at);
      context.actor = actor.first_name();
      // Tier 3: a done task's last comment wraps up; others report progress or ask.
      const size_t slot = task.completed && &s == last_comment
                              ? 3
                              : (tier != nullptr && Bernoulli(*tier, 0.35) ? 2 : 1);
      const std::vector<std::string>* pool = LlmPool(slot);
      if (pool != nullptr && Bernoulli(*tier, org_.llm_share)) {
        AppendTemplate(out, (*pool)[UniformInt(*tier, static_cast<uint32_t>(pool->size()))],
                       context, *tier);
        text_source = "llm";
      } else {
        AppendOneOf(out, vocab_.comment_templates, context, text);
      }
    } else {
      AppendSystemText(out, s, text);
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
    // Payload columns.
    const auto user = [&](int32_t u) {
      return u < 0 ? int64_t{0} : org_.users[static_cast<size_t>(u)].id;
    };
    const ProjectState* project =
        s.project < 0 ? nullptr : &projects_[static_cast<size_t>(s.project)];
    const auto section = [&](int32_t index) {
      return project == nullptr || index < 0 ? int64_t{0}
                                             : project->section_ids[static_cast<size_t>(index)];
    };
    const bool dates = s.kind == StoryKind::kDueDate;
    const bool field = s.kind == StoryKind::kFieldEnum || s.kind == StoryKind::kFieldNumber;
    const FieldPlan* f = field ? &org_.fields[static_cast<size_t>(s.ref)] : nullptr;
    rows.IdOrNull(user(s.old_user))
        .IdOrNull(user(s.new_user))
        .DateOrNull(s.old_due, dates && s.old_due >= 0)
        .DateOrNull(s.new_due, dates && s.new_due >= 0)
        .DateOrNull(s.old_start, dates && s.old_start >= 0)
        .DateOrNull(s.new_start, dates && s.new_start >= 0)
        .IdOrNull(project == nullptr ? 0 : project->id)
        .IdOrNull(section(s.old_section))
        .IdOrNull(section(s.new_section))
        .IdOrNull(s.kind == StoryKind::kTag ? org_.tags[static_cast<size_t>(s.ref)].id : 0)
        .IdOrNull(s.kind == StoryKind::kDependency
                      ? projects_.back().tasks[static_cast<size_t>(s.ref)].id
                      : 0)
        .IdOrNull(f == nullptr ? 0 : f->id);
    if (s.kind == StoryKind::kFieldEnum) {
      rows.Int(f->option_ids[static_cast<size_t>(s.old_option)])
          .Int(f->option_ids[static_cast<size_t>(s.new_option)]);
    } else {
      rows.Null().Null();
    }
    if (s.kind == StoryKind::kFieldNumber) {
      rows.Real(s.old_number).Real(s.new_number);
    } else {
      rows.Null().Null();
    }
    if (s.kind == StoryKind::kApproval) {
      rows.Text(s.approval);
    } else {
      rows.Null();
    }
    rows.Text(text_source);
  }
}

// Writes the task's custom field values and adds a change story for the share of enum and
// number values that were set to something else first.
void TeamJob::EmitFieldValues(const ProjectState& project, const TaskState& task, int64_t end) {
  TableRows& rows = batch_.rows(Table::kCustomFieldValues);
  Rng rng = Stream(Kind::kFieldValue, Purpose::kTaskFields, task.local);
  Rng change = Stream(Kind::kFieldValue, Purpose::kTaskFieldChanges, task.local);
  const uint32_t changer = task.assignee >= 0 ? static_cast<uint32_t>(task.assignee) : task.creator;
  const auto change_at = [&] {
    return ActivityTime(change, std::min(end, task.created + kMsPerMinute), end, TzOf(changer));
  };
  for (int index : project.field_indexes) {
    const FieldPlan& f = org_.fields[static_cast<size_t>(index)];
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
          if (f.option_ids.size() > 1 && Bernoulli(change, p_.field_changed_share)) {
            size_t old = f.option_weights.Pick(change);
            if (old == option) old = (option + 1) % f.option_ids.size();
            stories_.push_back({.at = change_at(),
                                .actor = changer,
                                .kind = StoryKind::kFieldEnum,
                                .ref = index,
                                .old_option = static_cast<int32_t>(old),
                                .new_option = static_cast<int32_t>(option)});
          }
        }
        rows.Text("enum").Null().Null().Int(f.option_ids[option]).Null().Null();
        break;
      }
      case FieldType::kNumber: {
        double v;
        double old = 0;
        if (s.fibonacci) {
          v = kFibonacci[fibonacci_.Pick(rng)];
          old = kFibonacci[fibonacci_.Pick(change)];
        } else if (s.format == "percentage") {
          v = task.completed ? 100.0 : 10.0 * UniformInt(rng, 10);
          old = v >= 10.0 ? 10.0 * UniformInt(change, static_cast<uint32_t>(v / 10.0)) : v;
        } else {
          const double scale = std::pow(10.0, s.precision);
          v = std::round(LogNormal(rng, std::log(s.number_median), s.number_sigma) * scale) / scale;
          old = std::round(LogNormal(change, std::log(s.number_median), s.number_sigma) * scale) /
                scale;
        }
        if (old != v && Bernoulli(change, p_.field_changed_share)) {
          stories_.push_back({.at = change_at(),
                              .actor = changer,
                              .kind = StoryKind::kFieldNumber,
                              .ref = index,
                              .old_number = old,
                              .new_number = v});
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
