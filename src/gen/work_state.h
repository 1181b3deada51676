// What the phases of a team job hand each other (see team_job.h for the phases): a project as its
// tasks see it, a task's lifecycle, its history as story drafts, and its text. Value types;
// thread-compatible. Indexes, not ids, where the text or a later phase needs a name: users are
// indexes into OrgPlan::users, projects into the team's projects so far, sections into the
// project's section list, tags into OrgPlan::tags, fields into OrgPlan::fields.
#ifndef ASANASIM_SRC_GEN_WORK_STATE_H_
#define ASANASIM_SRC_GEN_WORK_STATE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/model/streams.h"
#include "src/plan/org_plan.h"
#include "src/rng/rng.h"

namespace asanasim {

// A top-level task as later tasks of its project see it (for dependencies and their stories).
struct TaskSummary {
  int64_t id;
  int64_t created;
  int64_t completed_at;  // 0 when open
  std::string name;
};

// A project of the team, as its tasks see it (project_setup.h draws it).
struct ProjectState {
  int64_t id = 0;
  uint32_t local = 0;  // the project's index within the team job
  int64_t created = 0;
  // The end of the project's active life: its completion; for an open project that went quiet,
  // the moment it did (no task is created, done or touched after it); else as_of.
  int64_t close = 0;
  bool completed = false;
  uint32_t owner = 0;
  std::string name;
  std::vector<int64_t> section_ids;
  std::array<int, 5> section_of_stage = {-1, -1, -1, -1, -1};  // Stage -> index into section_ids
  std::vector<uint32_t> workload_order;                        // members, most loaded first
  std::vector<int> field_indexes;                              // into org.fields, ascending id
  double tag_rate = 0;
  int64_t task_count = 0;          // top-level tasks to generate
  std::vector<TaskSummary> tasks;  // top-level tasks so far (cleared when the project ends)

  // The section of `stage`, or the first section when the workflow has none.
  int SectionOf(Stage stage) const {
    const int s = section_of_stage[static_cast<size_t>(stage)];
    return s < 0 ? 0 : s;
  }
};

// A project status update before it is written.
struct StatusDraft {
  int64_t at;
  uint32_t author;  // user index
  StatusType type;
};

// A task's lifecycle (task_lifecycle.h): what is decided before its history. The history may
// push the due date out (rescheduling), so due_day and start_day are final only after it.
struct TaskState {
  int64_t id = 0;
  uint64_t local = 0;  // the task's index within the team job (and its streams' index)
  int depth = 0;       // 0 for a top-level task
  Kind kind = Kind::kTask;
  std::string_view subtype = "default_task";  // default_task | milestone | approval
  uint32_t creator = 0;
  int64_t created = 0;
  bool completed = false;
  int64_t completed_at = 0;     // 0 when open
  int32_t assignee = -1;        // -1 when unassigned
  uint32_t completer = 0;       // the assignee, else the creator: who moves and completes it
  int64_t due_day = -1;         // -1 when none
  int64_t parent_due_day = -1;  // a subtask's parent's due day; -1 when none (or top-level)
  int64_t start_day = -1;
  std::string_view approval;  // empty unless an approval: pending | approved | ...
  uint32_t children = 0;      // subtasks to generate
  // The due-date stream, as the lifecycle left it: the history continues it when it reschedules.
  std::optional<Rng> due_stream;

  // The end of the task's active life: its completion; for open work, the moment it went quiet
  // (an abandoned task, a quiet project or parent) or as_of. No story of it comes later.
  int64_t active_until = 0;
  bool abandoned = false;  // a stale top-level task: never done, quiet for weeks at as_of

  bool milestone() const { return subtype == "milestone"; }
};

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
// stories.resource_subtype of each StoryKind.
inline constexpr std::string_view kStorySubtypes[] = {"created",
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

// One story before it is written.
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
  int32_t project = -1;      // index into the team's projects
  int32_t old_section = -1;  // section index within that project
  int32_t new_section = -1;
  int32_t ref = -1;         // tag index (org.tags), field index (org.fields), or prerequisite index
  int32_t old_option = -1;  // option indexes of the field
  int32_t new_option = -1;
  double old_number = 0;
  double new_number = 0;
  std::string_view approval = {};
};

// A custom field value of a task.
struct FieldValueDraft {
  int field;  // index into org.fields
  size_t option = 0;
  double number = 0;
  int64_t day = 0;
  uint32_t person = 0;
  size_t text_begin = 0;  // the text value: TaskHistory::field_text[text_begin, text_end)
  size_t text_end = 0;
};

// A task's history (history.h): its stories in time order and what hangs off it.
struct TaskHistory {
  std::vector<StoryDraft> stories;      // sorted by (at, kind)
  int64_t modified = 0;                 // the latest story, or the creation
  int32_t section = -1;                 // final section in the home project; -1 for subtasks
  std::vector<uint32_t> followers;      // user indexes, ascending, unique
  std::vector<int> tags;                // tag indexes, ascending tag id
  std::vector<FieldValueDraft> fields;  // in the project's field order
  std::string field_text;               // text values of `fields`
  std::vector<std::pair<int64_t, int64_t>> dependencies;  // (prerequisite id, at), ascending
  int32_t second_home = -1;                               // project index of a second home, or -1
  int32_t second_home_section = -1;                       // its final section there
  int64_t second_home_added = 0;
};

// A task's words (text_binding.h): its name, its description, and its stories' text.
struct StoryText {
  size_t begin;  // into TaskText::story_text
  size_t end;
  std::string_view text_source;  // template | llm
  std::string_view source;       // web | mobile | email
  bool pinned;
};
struct TaskText {
  std::string name;
  std::string notes;
  std::string_view notes_source;  // empty: no description; else template | llm
  std::string_view archetype;     // Archetype::id of its story; empty: from templates
  std::string story_slots;        // a top-level task's bound slots as a JSON object; else empty
  std::string story_text;
  std::vector<StoryText> stories;  // one per TaskHistory::stories entry

  std::string_view story(size_t i) const {
    return std::string_view(story_text).substr(stories[i].begin, stories[i].end - stories[i].begin);
  }
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_WORK_STATE_H_
