#include "src/gen/row_emission.h"

namespace asanasim {
namespace {

// A day or an absent one (-1).
OptDateCell Day(int64_t day) { return day >= 0 ? OptDateCell(day) : OptDateCell(); }

void EmitStories(const TeamContext& team, std::span<const ProjectState> projects,
                 const ProjectState& project, const TaskState& task, const TaskHistory& history,
                 const TaskText& text, JobIds& ids, Batch& batch) {
  const OrgPlan& org = team.org();
  const auto user = [&](int32_t u) {
    return u < 0 ? int64_t{0} : team.user(static_cast<uint32_t>(u)).id;
  };
  for (size_t i = 0; i < history.stories.size(); ++i) {
    const StoryDraft& s = history.stories[i];
    const StoryText& words = text.stories[i];
    StoryRow row{.id = ids.Next(Table::kStories),
                 .task_id = task.id,
                 .created_by_id = team.user(s.actor).id,
                 .type = s.kind == StoryKind::kComment ? "comment" : "system",
                 .resource_subtype = kStorySubtypes[static_cast<size_t>(s.kind)],
                 .text = text.story(i),
                 .created_at = s.at,
                 .is_pinned = words.pinned,
                 .source = words.source,
                 .old_user_id = user(s.old_user),
                 .new_user_id = user(s.new_user),
                 .text_source = words.text_source};
    if (s.kind == StoryKind::kDueDate) {
      row.old_due_on = Day(s.old_due);
      row.new_due_on = Day(s.new_due);
      row.old_start_on = Day(s.old_start);
      row.new_start_on = Day(s.new_start);
    }
    if (s.project >= 0) {
      const ProjectState& where = projects[static_cast<size_t>(s.project)];
      row.project_id = where.id;
      if (s.old_section >= 0)
        row.old_section_id = where.section_ids[static_cast<size_t>(s.old_section)];
      if (s.new_section >= 0)
        row.new_section_id = where.section_ids[static_cast<size_t>(s.new_section)];
    }
    switch (s.kind) {
      case StoryKind::kTag:
        row.tag_id = org.tags[static_cast<size_t>(s.ref)].id;
        break;
      case StoryKind::kDependency:
        row.dependency_id = project.tasks[static_cast<size_t>(s.ref)].id;
        break;
      case StoryKind::kFieldEnum: {
        const FieldPlan& f = org.fields[static_cast<size_t>(s.ref)];
        row.custom_field_id = f.id;
        row.old_enum_option_id = f.option_ids[static_cast<size_t>(s.old_option)];
        row.new_enum_option_id = f.option_ids[static_cast<size_t>(s.new_option)];
        break;
      }
      case StoryKind::kFieldNumber:
        row.custom_field_id = org.fields[static_cast<size_t>(s.ref)].id;
        row.old_number_value = s.old_number;
        row.new_number_value = s.new_number;
        break;
      case StoryKind::kApproval:
        row.new_approval_status = s.approval;
        break;
      default:
        break;
    }
    batch.Add(row);
  }
}

void EmitFieldValues(const TeamContext& team, const TaskState& task, const TaskHistory& history,
                     Batch& batch) {
  for (const FieldValueDraft& v : history.fields) {
    const FieldPlan& f = team.org().fields[static_cast<size_t>(v.field)];
    CustomFieldValueRow row{.task_id = task.id, .custom_field_id = f.id};
    switch (f.spec->type) {
      case FieldType::kEnum:
        row.value_type = "enum";
        row.enum_option_id = f.option_ids[v.option];
        break;
      case FieldType::kNumber:
        row.value_type = "number";
        row.number_value = v.number;
        break;
      case FieldType::kText:
        row.value_type = "text";
        row.text_value =
            std::string_view(history.field_text).substr(v.text_begin, v.text_end - v.text_begin);
        break;
      case FieldType::kDate:
        row.value_type = "date";
        row.date_value = v.day;
        break;
      case FieldType::kPeople:
        row.value_type = "people";
        row.people_value_id = team.user(v.person).id;
        break;
    }
    batch.Add(row);
  }
}

}  // namespace

void EmitTask(const TeamContext& team, std::span<const ProjectState> projects,
              const ProjectState& project, const TaskState& task, const TaskState* parent,
              const TaskHistory& history, const TaskText& text, JobIds& ids, Batch& batch) {
  const OrgPlan& org = team.org();
  TaskRow row{
      .id = task.id,
      .organization_id = org.id,
      .project_id = project.id,
      .section_id =
          history.section >= 0 ? project.section_ids[static_cast<size_t>(history.section)] : 0,
      .parent_id = parent != nullptr ? parent->id : 0,
      .name = text.name,
      .notes = text.notes,
      .resource_subtype = task.subtype,
      .assignee_id = task.assignee >= 0 ? team.user(static_cast<uint32_t>(task.assignee)).id : 0,
      .created_by_id = team.user(task.creator).id,
      .created_at = task.created,
      .modified_at = history.modified,
      .start_on = Day(task.start_day),
      .due_on = Day(task.due_day),
      .completed = task.completed,
      .completed_by_id = task.completed ? team.user(task.completer).id : 0};
  if (!task.approval.empty()) row.approval_status = task.approval;
  if (task.completed) row.completed_at = task.completed_at;
  if (!text.notes_source.empty()) row.notes_source = text.notes_source;
  if (!text.archetype.empty()) row.archetype = text.archetype;
  if (!text.story_slots.empty()) row.story_slots = text.story_slots;
  batch.Add(row);
  EmitStories(team, projects, project, task, history, text, ids, batch);
  for (uint32_t u : history.followers)
    batch.Add(TaskFollowerRow{.task_id = task.id, .user_id = team.user(u).id});
  for (int t : history.tags)
    batch.Add(TaskTagRow{.task_id = task.id, .tag_id = org.tags[static_cast<size_t>(t)].id});
  EmitFieldValues(team, task, history, batch);
  for (const auto& [prerequisite, at] : history.dependencies) {
    batch.Add(
        TaskDependencyRow{.task_id = task.id, .depends_on_id = prerequisite, .created_at = at});
  }
  if (history.second_home >= 0) {
    const ProjectState& other = projects[static_cast<size_t>(history.second_home)];
    batch.Add(TaskProjectRow{
        .task_id = task.id,
        .project_id = other.id,
        .section_id = other.section_ids[static_cast<size_t>(history.second_home_section)],
        .added_at = history.second_home_added});
  }
}

}  // namespace asanasim
