#include "src/validate/checks.h"

namespace asanasim {
namespace {

#define AS_OF "(SELECT max(as_of) FROM runs)"
#define IN_TEAM(user) \
  "EXISTS (SELECT 1 FROM team_memberships m WHERE m.team_id = p.team_id AND m.user_id = " user ")"

constexpr RuleCheck kRules[] = {
    {"assignee_in_team", "a task's assignee is a member of its project's team (task ids)",
     "SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id "
     "WHERE t.assignee_id IS NOT NULL AND NOT " IN_TEAM("t.assignee_id")},
    {"creator_in_team",
     "a task's creator and completer are members of its project's team (task ids)",
     "SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id WHERE NOT " IN_TEAM(
         "t.created_by_id") " OR (t.completed_by_id IS NOT NULL AND NOT " IN_TEAM("t.completed_by_"
                                                                                  "id") ")"},
    {"story_author_in_team",
     "commenters and story authors are members of the project's team (story ids)",
     "SELECT s.id FROM stories s JOIN tasks t ON t.id = s.task_id JOIN projects p ON p.id = "
     "t.project_id "
     "WHERE NOT " IN_TEAM("s.created_by_id")},
    {"follower_in_team", "followers are members of the project's team (task ids)",
     "SELECT f.task_id FROM task_followers f JOIN tasks t ON t.id = f.task_id "
     "JOIN projects p ON p.id = t.project_id WHERE NOT " IN_TEAM("f.user_id")},
    {"project_member_in_team", "project members are members of the project's team (project ids)",
     "SELECT pm.project_id FROM project_memberships pm JOIN projects p ON p.id = pm.project_id "
     "WHERE NOT " IN_TEAM("pm.user_id")},
    {"people_value_in_team", "people-field values are members of the project's team (task ids)",
     "SELECT v.task_id FROM custom_field_values v JOIN tasks t ON t.id = v.task_id "
     "JOIN projects p ON p.id = t.project_id WHERE v.people_value_id IS NOT NULL AND NOT " IN_TEAM(
         "v.people_value_id")},
    {"one_admin_per_team", "every team has exactly one admin (team ids)",
     "SELECT team_id FROM team_memberships GROUP BY team_id HAVING sum(role = 'admin') <> 1"},
    {"membership_dates",
     "people join a team after joining the org and the team's creation, before the "
     "history starts (team ids)",
     "SELECT m.team_id FROM team_memberships m JOIN users u ON u.id = m.user_id JOIN teams t ON "
     "t.id = m.team_id "
     "WHERE m.joined_at < u.created_at OR m.joined_at < t.created_at OR "
     "m.joined_at > (SELECT max(history_start) FROM runs)"},
    {"email_on_org_domain", "emails are on the organization's domain (user ids)",
     "SELECT u.id FROM users u JOIN organizations o ON o.id = u.organization_id "
     "WHERE u.email NOT LIKE '%@' || o.email_domain"},
    {"completion_fields_agree", "completed iff completed_at iff completed_by (task ids)",
     "SELECT id FROM tasks WHERE (completed = 1) <> (completed_at IS NOT NULL) OR "
     "(completed = 1) <> (completed_by_id IS NOT NULL)"},
    {"task_times_in_history",
     "tasks are created and completed in order, not after as_of (task ids)",
     "SELECT id FROM tasks WHERE completed_at < created_at OR completed_at > " AS_OF
     " OR created_at > " AS_OF " OR modified_at < created_at"},
    {"subtask_after_parent", "subtasks are created no earlier than their parent (task ids)",
     "SELECT c.id FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.created_at < "
     "p.created_at"},
    {"subtask_within_done_parent",
     "subtasks of a completed parent start and finish before it (task ids)",
     "SELECT c.id FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE p.completed = 1 AND "
     "(c.completed = 0 OR c.completed_at > p.completed_at OR c.created_at > p.completed_at)"},
    {"subtask_in_parent_project", "subtasks stay in their parent's project (task ids)",
     "SELECT c.id FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.project_id <> "
     "p.project_id"},
    {"subtask_due_within_parent",
     "a subtask is not due after its parent, when both have due dates (task ids)",
     "SELECT c.id FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.due_on > p.due_on"},
    {"task_within_project_life", "tasks are created during their project's life (task ids)",
     "SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.created_at < "
     "p.created_at OR "
     "(p.completed = 1 AND t.parent_id IS NULL AND t.created_at > p.completed_at)"},
    {"done_project_tasks_done",
     "top-level tasks of a completed project are done by its completion (task ids)",
     "SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id WHERE p.completed = 1 AND "
     "t.parent_id IS NULL AND (t.completed = 0 OR t.completed_at > p.completed_at)"},
    {"section_in_task_project", "a task's section belongs to its project (task ids)",
     "SELECT t.id FROM tasks t JOIN sections s ON s.id = t.section_id WHERE s.project_id <> "
     "t.project_id"},
    {"story_in_history", "stories lie between their task's creation and as_of (story ids)",
     "SELECT s.id FROM stories s JOIN tasks t ON t.id = s.task_id WHERE s.created_at < "
     "t.created_at OR "
     "s.created_at > " AS_OF},
    {"story_time_order", "a task's stories are in time order (story ids)",
     "SELECT b.id FROM stories a JOIN stories b ON b.task_id = a.task_id AND b.id = a.id + 1 "
     "WHERE b.created_at < a.created_at"},
    {"modified_after_last_story", "a task's modified_at is not before its last story (task ids)",
     "SELECT t.id FROM tasks t WHERE t.modified_at < (SELECT max(created_at) FROM stories s WHERE "
     "s.task_id = t.id)"},
    {"created_story", "every task has a 'created' story by its creator at its creation (task ids)",
     "SELECT t.id FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.task_id = t.id "
     "AND "
     "s.resource_subtype = 'created' AND s.created_by_id = t.created_by_id AND s.created_at = "
     "t.created_at)"},
    {"created_in_first_section",
     "a top-level task is created in its home project's first section (story ids)",
     "SELECT s.id FROM stories s JOIN sections c ON c.id = s.new_section_id WHERE "
     "s.resource_subtype = 'created' AND c.position <> 0"},
    {"eav_one_value", "each custom field value row has exactly one typed value (task ids)",
     "SELECT task_id FROM custom_field_values WHERE (text_value IS NOT NULL) + (number_value IS "
     "NOT NULL) + "
     "(enum_option_id IS NOT NULL) + (date_value IS NOT NULL) + (people_value_id IS NOT NULL) <> "
     "1"},
    {"eav_type_matches_field", "a value's type is its field's type (task ids)",
     "SELECT v.task_id FROM custom_field_values v JOIN custom_field_definitions d ON d.id = "
     "v.custom_field_id "
     "WHERE d.resource_subtype <> v.value_type"},
    {"enum_option_of_field", "an enum value is one of its field's options (task ids)",
     "SELECT v.task_id FROM custom_field_values v LEFT JOIN custom_field_enum_options o ON o.id = "
     "v.enum_option_id "
     "WHERE v.enum_option_id IS NOT NULL AND (o.id IS NULL OR o.custom_field_id <> "
     "v.custom_field_id)"},
    {"field_on_project", "values only for fields the task's project carries (task ids)",
     "SELECT v.task_id FROM custom_field_values v JOIN tasks t ON t.id = v.task_id WHERE NOT "
     "EXISTS (SELECT 1 FROM "
     "project_custom_field_settings s WHERE s.project_id = t.project_id AND s.custom_field_id = "
     "v.custom_field_id)"},
    {"section_matches_completion",
     "done top-level tasks sit in the last section of each project they are in, open ones "
     "elsewhere (task ids)",
     "SELECT t.id FROM tasks t JOIN sections s ON s.id = t.section_id WHERE t.completed <> "
     "(s.position = (SELECT max(x.position) FROM sections x WHERE x.project_id = s.project_id)) "
     "UNION ALL SELECT t.id FROM task_projects tp JOIN tasks t ON t.id = tp.task_id JOIN sections "
     "s ON s.id = tp.section_id WHERE t.completed <> (s.position = (SELECT max(x.position) FROM "
     "sections x WHERE x.project_id = s.project_id))"},
    {"second_home_in_team",
     "a second home is another project of the same team, joined by a top-level task during "
     "both lives (task ids)",
     "SELECT t.id FROM task_projects tp JOIN tasks t ON t.id = tp.task_id JOIN projects h ON h.id "
     "= t.project_id JOIN projects o ON o.id = tp.project_id WHERE o.id = h.id OR o.team_id <> "
     "h.team_id OR t.parent_id IS NOT NULL OR tp.added_at < t.created_at OR tp.added_at < "
     "o.created_at OR tp.added_at > " AS_OF
     " OR (o.completed = 1 AND (t.completed = 0 OR t.completed_at > o.completed_at))"},
    {"dependency_respects_time",
     "a task waits only on an earlier top-level task of its project, done no later than it "
     "(task ids)",
     "SELECT d.task_id FROM task_dependencies d JOIN tasks a ON a.id = d.task_id JOIN tasks b ON "
     "b.id = d.depends_on_id WHERE a.project_id <> b.project_id OR a.parent_id IS NOT NULL OR "
     "b.parent_id IS NOT NULL OR b.created_at >= a.created_at OR d.created_at < a.created_at OR "
     "d.created_at > " AS_OF
     " OR (a.completed = 1 AND (b.completed = 0 OR b.completed_at > a.completed_at))"},
    {"status_update_in_project_life",
     "status updates fall between the project's creation and its completion or as_of (status "
     "update ids)",
     "SELECT u.id FROM status_updates u JOIN projects p ON p.id = u.project_id WHERE u.created_at "
     "< p.created_at OR u.created_at > coalesce(p.completed_at, " AS_OF ")"},
    {"status_author_in_team",
     "status updates are written by members of the project's team "
     "(status update ids)",
     "SELECT u.id FROM status_updates u JOIN projects p ON p.id = u.project_id WHERE NOT " IN_TEAM(
         "u.author_id")},
    {"status_complete_iff_done",
     "a completed project's latest status update is 'complete', and 'complete' is never "
     "followed or used on an open project (project ids)",
     "SELECT p.id FROM projects p WHERE p.completed <> coalesce((SELECT u.status_type = "
     "'complete' FROM status_updates u WHERE u.project_id = p.id ORDER BY u.created_at DESC, u.id "
     "DESC LIMIT 1), 0) UNION SELECT u.project_id FROM status_updates u WHERE u.status_type = "
     "'complete' AND EXISTS (SELECT 1 FROM status_updates l WHERE l.project_id = u.project_id AND "
     "(l.created_at > u.created_at OR (l.created_at = u.created_at AND l.id > u.id)))"},
    {"project_modified_after_status",
     "a project's modified_at is not before its latest status update (project ids)",
     "SELECT p.id FROM projects p WHERE p.modified_at < (SELECT max(u.created_at) FROM "
     "status_updates u WHERE u.project_id = p.id)"},
    {"no_placeholder_text",
     "no template placeholder reached names, notes, stories or status updates (task, story, "
     "project, status update ids)",
     "SELECT id FROM tasks WHERE (name LIKE '%{%' OR name LIKE '%}%') OR (notes LIKE '%{%' OR "
     "notes LIKE '%}%') UNION ALL "
     "SELECT id FROM stories WHERE (text LIKE '%{%' OR text LIKE '%}%') UNION ALL "
     "SELECT id FROM projects WHERE (name LIKE '%{%' OR name LIKE '%}%') OR (notes LIKE '%{%' OR "
     "notes LIKE '%}%') UNION ALL "
     "SELECT id FROM status_updates WHERE (title LIKE '%{%' OR title LIKE '%}%') OR (text LIKE "
     "'%{%' OR text LIKE '%}%')"},
};

constexpr StatCheck kStats[] = {
    {"due_on_weekday_share", "due dates on a weekday",
     "SELECT avg(strftime('%w', due_on) NOT IN ('0', '6')), count(*) FROM tasks WHERE due_on IS "
     "NOT NULL",
     0.78, 0.92, 200},
    {"unassigned_share", "tasks without an assignee (backlog)",
     "SELECT avg(assignee_id IS NULL), count(*) FROM tasks", 0.08, 0.25, 200},
    {"unassigned_open_share", "unassigned top-level tasks that are still open (the backlog)",
     "SELECT avg(completed = 0), count(*) FROM tasks WHERE parent_id IS NULL AND assignee_id IS "
     "NULL",
     0.6, 1.0, 100},
    {"overdue_rescheduled_share",
     "tasks that went overdue whose due date was moved after it had passed",
     "WITH r AS (SELECT DISTINCT task_id AS id FROM stories WHERE resource_subtype = "
     "'due_date_changed' AND old_due_on IS NOT NULL AND substr(created_at, 1, 10) > old_due_on), "
     "o AS (SELECT id FROM tasks WHERE due_on < substr(coalesce(completed_at, " AS_OF
     "), 1, 10)) SELECT avg(id IN r), count(*) FROM (SELECT id FROM r UNION SELECT id FROM o)",
     0.25, 0.9, 100},
    {"no_due_date_share", "tasks without a due date",
     "SELECT avg(due_on IS NULL), count(*) FROM tasks", 0.25, 0.60, 200},
    {"overdue_open_share", "open tasks with a due date in the past (of all open tasks)",
     "SELECT avg(coalesce(due_on < substr(" AS_OF
     ", 1, 10), 0)), count(*) FROM tasks WHERE completed = 0",
     0.15, 0.35, 100},
    {"weekend_activity_share", "stories on a Saturday or Sunday, in the author's time zone", "",
     0.0, 0.08, 500},
    {"night_activity_share", "stories between 22:00 and 05:59 in the author's time zone", "", 0.0,
     0.03, 500},
    {"night_completion_share",
     "completions (marked_complete) between 22:00 and 05:59 in the completer's time zone", "", 0.0,
     0.03, 200},
    {"working_hours_share", "stories between 08:00 and 18:59 in the author's time zone", "", 0.75,
     1.0, 500},
    {"friday_vs_midweek", "Friday's share of stories over the mean of Tuesday's and Wednesday's",
     "", 0.5, 0.9, 2000},
    {"old_work_done_share", "tasks created over 60 days before as_of that are done",
     "SELECT avg(completed), count(*) FROM tasks WHERE created_at < datetime(" AS_OF
     ", '-60 days')",
     0.85, 1.0, 500},
    // Stale work clusters in a few open projects, so it takes a larger sample to judge.
    {"stale_old_work_share", "tasks created over 90 days before as_of that are still open",
     "SELECT avg(completed = 0), count(*) FROM tasks WHERE created_at < datetime(" AS_OF
     ", '-90 days')",
     0.03, 0.10, 1000},
    {"recent_work_done_share", "tasks created in the last 7 days that are done",
     "SELECT avg(completed), count(*) FROM tasks WHERE created_at > datetime(" AS_OF ", '-7 days')",
     0.0, 0.5, 50},
    {"completion_lag_median_days", "median days from creation to completion (top-level tasks)",
     "WITH l(d) AS (SELECT julianday(completed_at) - julianday(created_at) FROM tasks WHERE "
     "completed = 1 AND "
     "parent_id IS NULL) SELECT (SELECT d FROM l ORDER BY d LIMIT 1 OFFSET (SELECT count(*) / 2 "
     "FROM l)), "
     "(SELECT count(*) FROM l)",
     2.0, 10.0, 100},
    {"completion_lag_p90_over_median",
     "90th percentile of the completion lag over its median (skew)",
     "WITH l(d) AS (SELECT julianday(completed_at) - julianday(created_at) FROM tasks WHERE "
     "completed = 1 AND "
     "parent_id IS NULL) SELECT (SELECT d FROM l ORDER BY d LIMIT 1 OFFSET (SELECT count(*) * 9 / "
     "10 FROM l)) / "
     "(SELECT d FROM l ORDER BY d LIMIT 1 OFFSET (SELECT count(*) / 2 FROM l)), (SELECT count(*) "
     "FROM l)",
     2.0, 12.0, 100},
    {"subtasks_per_task", "subtasks per top-level task",
     "SELECT CAST(sum(parent_id IS NOT NULL) AS REAL) / max(1, sum(parent_id IS NULL)), count(*) "
     "FROM tasks",
     0.3, 1.5, 200},
    {"comments_per_task", "comments per task",
     "SELECT CAST((SELECT count(*) FROM stories WHERE type = 'comment') AS REAL) / max(1, "
     "count(*)), count(*) "
     "FROM tasks",
     0.4, 3.0, 200},
    {"unique_name_in_project_share", "top-level tasks whose name is unique within their project",
     "SELECT avg(c = 1), count(*) FROM (SELECT count(*) OVER (PARTITION BY project_id, name) AS c "
     "FROM tasks "
     "WHERE parent_id IS NULL)",
     0.85, 1.0, 200},
    {"unique_name_in_team_share",
     "top-level tasks whose name is unique within their team's projects (vocabulary depth)",
     "SELECT avg(c = 1), count(*) FROM (SELECT count(*) OVER (PARTITION BY p.team_id, t.name) AS "
     "c FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.parent_id IS NULL)",
     0.85, 1.0, 200},
    {"inactive_user_share", "people who never appear in the activity feed",
     "SELECT avg(id NOT IN (SELECT created_by_id FROM stories)), count(*) FROM users", 0.0, 0.10,
     100},
    {"multi_team_share", "people in more than one team",
     "SELECT avg(n > 1), count(*) FROM (SELECT count(*) AS n FROM team_memberships GROUP BY "
     "user_id)",
     0.10, 0.40, 100},
};

#undef IN_TEAM
#undef AS_OF

}  // namespace

std::span<const RuleCheck> RuleChecks() { return kRules; }
std::span<const StatCheck> StatChecks() { return kStats; }

}  // namespace asanasim
