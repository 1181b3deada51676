#include "src/validate/replay.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "src/util/status.h"
#include "src/validate/task_cursor.h"

namespace asanasim {
namespace {

constexpr std::string_view kWhat = "story replay";

enum Rule : size_t {
  kAssignee,
  kDates,
  kSection,
  kCompletion,
  kApproval,
  kTags,
  kFollowers,
  kDependencies,
  kProjects,
  kCustomFields,
  kRuleCount,
};

constexpr ReplayRule kReplayRules[kRuleCount] = {
    {"replay_assignee",
     "replaying assigned/unassigned stories gives the task's assignee, each change starting "
     "from the assignee before it (task ids)"},
    {"replay_dates",
     "the last due_date_changed story gives the task's due_on and start_on (task ids)"},
    {"replay_section",
     "created and section_changed stories walk the task to its section, each move starting "
     "where the last ended; subtasks have no section (task ids)"},
    {"replay_completion",
     "the last of marked_complete/marked_incomplete gives completed, completed_at and "
     "completed_by (task ids)"},
    {"replay_approval",
     "the last approval_status_changed story gives an approval task's status, 'pending' when "
     "there is none (task ids)"},
    {"replay_tags", "the task's tags are exactly those of its added_to_tag stories (task ids)"},
    {"replay_followers",
     "followers are exactly the creator, everyone assigned, the commenters and those added by "
     "follower_added stories (task ids)"},
    {"replay_dependencies",
     "the task's dependencies are exactly those of its dependency_added stories (task ids)"},
    {"replay_projects",
     "second homes (task_projects) are exactly the added_to_project stories, each in the section "
     "its stories end in (task ids)"},
    {"replay_custom_fields",
     "a changed custom field holds its last change's new value, and each change starts from "
     "the value before it (task ids)"},
};

enum class Subtype : uint8_t {
  kOther,
  kCreated,
  kAssigned,
  kUnassigned,
  kDueDate,
  kSection,
  kAddedToProject,
  kTag,
  kFollower,
  kDependency,
  kEnumField,
  kNumberField,
  kApproval,
  kComplete,
  kIncomplete,
  kComment,
};

Subtype ParseSubtype(std::string_view s) {
  static constexpr std::pair<std::string_view, Subtype> kNames[] = {
      {"created", Subtype::kCreated},
      {"assigned", Subtype::kAssigned},
      {"unassigned", Subtype::kUnassigned},
      {"due_date_changed", Subtype::kDueDate},
      {"section_changed", Subtype::kSection},
      {"added_to_project", Subtype::kAddedToProject},
      {"added_to_tag", Subtype::kTag},
      {"follower_added", Subtype::kFollower},
      {"dependency_added", Subtype::kDependency},
      {"enum_custom_field_changed", Subtype::kEnumField},
      {"number_custom_field_changed", Subtype::kNumberField},
      {"approval_status_changed", Subtype::kApproval},
      {"marked_complete", Subtype::kComplete},
      {"marked_incomplete", Subtype::kIncomplete},
      {"comment_added", Subtype::kComment},
  };
  for (const auto& [name, subtype] : kNames) {
    if (name == s) return subtype;
  }
  return Subtype::kOther;
}

// Collects the ids in column `col` of every row of `task`, sorted and unique.
absl::Status Collect(TaskCursor& c, int64_t task, int col, std::vector<int64_t>& out) {
  out.clear();
  ASANASIM_RETURN_IF_ERROR(c.SkipBefore(task));
  while (c.At(task)) {
    out.push_back(Id(c.row(), col));
    ASANASIM_RETURN_IF_ERROR(c.Step());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return absl::OkStatus();
}

void SortUnique(std::vector<int64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Where a task sits in one project, as its stories say so far.
struct Placement {
  int64_t project;
  int64_t section;
  bool added;  // by added_to_project (a second home), not by the created story
};

// Changes of one custom field, in story order.
struct FieldTrail {
  int64_t field;
  bool number;
  bool chain_ok;
  int64_t last_option;
  double last_number;
};

}  // namespace

std::span<const ReplayRule> ReplayRules() { return kReplayRules; }

absl::StatusOr<std::vector<ReplayOutcome>> ReplayStories(const ReadOnlyDatabase& db,
                                                         size_t examples) {
  std::vector<ReplayOutcome> out(kRuleCount);
  ASANASIM_ASSIGN_OR_RETURN(
      Statement tasks,
      db.Prepare("SELECT id, project_id, section_id, parent_id IS NULL, assignee_id, due_on, "
                 "start_on, completed, completed_at, completed_by_id, resource_subtype, "
                 "approval_status, created_by_id FROM tasks ORDER BY id"));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor stories,
      TaskCursor::Open(
          db,
          "SELECT task_id, resource_subtype, created_by_id, created_at, old_user_id, "
          "new_user_id, new_due_on, new_start_on, project_id, old_section_id, "
          "new_section_id, tag_id, dependency_id, custom_field_id, old_enum_option_id, "
          "new_enum_option_id, old_number_value, new_number_value, new_approval_status "
          "FROM stories ORDER BY task_id, created_at, id",
          kWhat));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor tags,
      TaskCursor::Open(db, "SELECT task_id, tag_id FROM task_tags ORDER BY task_id", kWhat));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor followers,
      TaskCursor::Open(db, "SELECT task_id, user_id FROM task_followers ORDER BY task_id", kWhat));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor dependencies,
      TaskCursor::Open(db, "SELECT task_id, depends_on_id FROM task_dependencies ORDER BY task_id",
                       kWhat));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor homes,
      TaskCursor::Open(db,
                       "SELECT task_id, project_id, section_id FROM task_projects ORDER BY "
                       "task_id, project_id",
                       kWhat));
  ASANASIM_ASSIGN_OR_RETURN(
      TaskCursor values,
      TaskCursor::Open(db,
                       "SELECT task_id, custom_field_id, enum_option_id, number_value FROM "
                       "custom_field_values ORDER BY task_id, custom_field_id",
                       kWhat));

  // Per-task scratch, reused.
  std::string due, start, completed_at, story_at, text;
  std::string row_due, row_start, row_completed_at, row_approval, row_subtype;
  std::vector<int64_t> want, have;
  std::vector<int64_t> story_tags, story_followers, story_dependencies;
  std::vector<Placement> placements;
  std::vector<FieldTrail> fields;
  std::vector<std::pair<int64_t, int64_t>> home_rows;

  int rc;
  while ((rc = sqlite3_step(tasks.get())) == SQLITE_ROW) {
    sqlite3_stmt* t = tasks.get();
    const int64_t id = Id(t, 0);
    const int64_t home = Id(t, 1);
    const int64_t section = Id(t, 2);
    const bool top_level = sqlite3_column_int(t, 3) != 0;
    const int64_t assignee = Id(t, 4);
    Text(t, 5, row_due);
    Text(t, 6, row_start);
    const bool completed = sqlite3_column_int(t, 7) != 0;
    Text(t, 8, row_completed_at);
    const int64_t completed_by = Id(t, 9);
    Text(t, 10, row_subtype);
    Text(t, 11, row_approval);
    const int64_t creator = Id(t, 12);
    std::array<bool, kRuleCount> bad{};

    // Replay the stories from an empty task.
    int64_t st_assignee = 0;
    due.clear();
    start.clear();
    bool st_completed = false;
    completed_at.clear();
    int64_t st_completed_by = 0;
    std::string_view approval;  // empty: no decision
    std::string approval_text;
    story_tags.clear();
    story_followers.assign(1, creator);
    story_dependencies.clear();
    placements.clear();
    fields.clear();
    const auto placement = [&](int64_t project) -> Placement* {
      for (Placement& p : placements) {
        if (p.project == project) return &p;
      }
      return nullptr;
    };
    ASANASIM_RETURN_IF_ERROR(stories.SkipBefore(id));
    while (stories.At(id)) {
      sqlite3_stmt* s = stories.row();
      Text(s, 1, text);
      const Subtype subtype = ParseSubtype(text);
      const int64_t author = Id(s, 2);
      switch (subtype) {
        case Subtype::kCreated:
          if (!IsNull(s, 8)) placements.push_back({Id(s, 8), Id(s, 10), false});
          break;
        case Subtype::kAssigned:
        case Subtype::kUnassigned:
          if (!IsNull(s, 4) && Id(s, 4) != st_assignee) bad[kAssignee] = true;
          if (subtype == Subtype::kUnassigned && IsNull(s, 4)) bad[kAssignee] = true;
          st_assignee = Id(s, 5);
          if (st_assignee != 0) story_followers.push_back(st_assignee);
          break;
        case Subtype::kDueDate:
          Text(s, 6, due);
          Text(s, 7, start);
          break;
        case Subtype::kSection:
        case Subtype::kAddedToProject: {
          Placement* p = placement(Id(s, 8));
          if (subtype == Subtype::kAddedToProject) {
            if (p != nullptr) {
              bad[kProjects] = true;  // added twice, or added to its home
            } else {
              placements.push_back({Id(s, 8), Id(s, 10), true});
            }
          } else if (p == nullptr) {
            // A move in a project the task is not in.
            bad[Id(s, 8) == home ? kSection : kProjects] = true;
          } else {
            if (Id(s, 9) != p->section) bad[p->added ? kProjects : kSection] = true;
            p->section = Id(s, 10);
          }
          break;
        }
        case Subtype::kTag:
          story_tags.push_back(Id(s, 11));
          break;
        case Subtype::kFollower:
          story_followers.push_back(Id(s, 5));
          break;
        case Subtype::kDependency:
          story_dependencies.push_back(Id(s, 12));
          break;
        case Subtype::kEnumField:
        case Subtype::kNumberField: {
          const int64_t field = Id(s, 13);
          const bool number = subtype == Subtype::kNumberField;
          FieldTrail* trail = nullptr;
          for (FieldTrail& f : fields) {
            if (f.field == field) trail = &f;
          }
          if (trail == nullptr) {
            fields.push_back({field, number, true, 0, 0});
            trail = &fields.back();
          } else if (trail->number != number ||
                     (number ? sqlite3_column_double(s, 16) != trail->last_number
                             : Id(s, 14) != trail->last_option)) {
            trail->chain_ok = false;
          }
          trail->number = number;
          trail->last_option = Id(s, 15);
          trail->last_number = sqlite3_column_double(s, 17);
          break;
        }
        case Subtype::kApproval:
          Text(s, 18, approval_text);
          approval = approval_text;
          break;
        case Subtype::kComplete:
          st_completed = true;
          Text(s, 3, completed_at);
          st_completed_by = author;
          break;
        case Subtype::kIncomplete:
          st_completed = false;
          completed_at.clear();
          st_completed_by = 0;
          break;
        case Subtype::kComment:
          story_followers.push_back(author);
          break;
        case Subtype::kOther:
          break;
      }
      ASANASIM_RETURN_IF_ERROR(stories.Step());
    }

    // Compare with the row and its child tables.
    if (st_assignee != assignee) bad[kAssignee] = true;
    if (due != row_due || start != row_start) bad[kDates] = true;
    {
      const Placement* p = placement(home);
      if (top_level) {
        if (p == nullptr || p->added || p->section != section) bad[kSection] = true;
      } else if (section != 0 || p != nullptr) {
        bad[kSection] = true;
      }
    }
    if (st_completed != completed ||
        (completed && (completed_at != row_completed_at || st_completed_by != completed_by)))
      bad[kCompletion] = true;
    if (row_subtype == "approval") {
      if (row_approval != (approval.empty() ? std::string_view("pending") : approval))
        bad[kApproval] = true;
    } else if (!row_approval.empty() || !approval.empty()) {
      bad[kApproval] = true;
    }
    ASANASIM_RETURN_IF_ERROR(Collect(tags, id, 1, have));
    SortUnique(story_tags);
    if (have != story_tags) bad[kTags] = true;
    ASANASIM_RETURN_IF_ERROR(Collect(followers, id, 1, have));
    SortUnique(story_followers);
    if (have != story_followers) bad[kFollowers] = true;
    ASANASIM_RETURN_IF_ERROR(Collect(dependencies, id, 1, have));
    SortUnique(story_dependencies);
    if (have != story_dependencies) bad[kDependencies] = true;
    {
      home_rows.clear();
      ASANASIM_RETURN_IF_ERROR(homes.SkipBefore(id));
      while (homes.At(id)) {
        home_rows.emplace_back(Id(homes.row(), 1), Id(homes.row(), 2));
        ASANASIM_RETURN_IF_ERROR(homes.Step());
      }
      size_t added = 0;
      for (const Placement& p : placements) {
        if (!p.added) continue;
        ++added;
        const auto it = std::find(home_rows.begin(), home_rows.end(),
                                  std::pair<int64_t, int64_t>(p.project, p.section));
        if (it == home_rows.end()) bad[kProjects] = true;
      }
      if (added != home_rows.size()) bad[kProjects] = true;
    }
    {
      ASANASIM_RETURN_IF_ERROR(values.SkipBefore(id));
      size_t matched = 0;
      while (values.At(id)) {
        sqlite3_stmt* v = values.row();
        for (const FieldTrail& f : fields) {
          if (f.field != Id(v, 1)) continue;
          ++matched;
          if (!f.chain_ok ||
              (f.number ? IsNull(v, 3) || sqlite3_column_double(v, 3) != f.last_number
                        : Id(v, 2) != f.last_option))
            bad[kCustomFields] = true;
        }
        ASANASIM_RETURN_IF_ERROR(values.Step());
      }
      if (matched != fields.size()) bad[kCustomFields] = true;  // a changed field with no value
    }

    for (size_t r = 0; r < kRuleCount; ++r) {
      if (!bad[r]) continue;
      ++out[r].violations;
      if (out[r].examples.size() < examples) out[r].examples.push_back(id);
    }
  }
  if (rc != SQLITE_DONE) return db.Error(rc, "story replay");
  return out;
}

}  // namespace asanasim
