#include "src/model/tables.h"

namespace asanasim {
namespace {

using C = std::string_view;

constexpr C kRuns[] = {"id",        "generator", "generator_version", "schema_version",
                       "seed",      "as_of",     "history_start",     "org_count",
                       "org_begin", "org_end",   "options_json"};
constexpr C kOrganizations[] = {"id",       "org_index",    "name",      "email_domain",
                                "industry", "headquarters", "created_at"};
constexpr C kUsers[] = {"id",       "organization_id", "name",      "email",
                        "title",    "department",      "time_zone", "utc_offset_min",
                        "is_admin", "is_active",       "created_at"};
constexpr C kTeams[] = {"id",         "organization_id", "name",      "description",
                        "department", "visibility",      "created_at"};
constexpr C kTeamMemberships[] = {"team_id", "user_id", "role", "joined_at"};
constexpr C kCustomFieldDefinitions[] = {"id",
                                         "organization_id",
                                         "name",
                                         "description",
                                         "resource_subtype",
                                         "format",
                                         "precision",
                                         "currency_code",
                                         "custom_label",
                                         "is_global_to_workspace",
                                         "created_by_id",
                                         "created_at"};
constexpr C kCustomFieldEnumOptions[] = {"id",    "custom_field_id", "name",
                                         "color", "enabled",         "position"};
constexpr C kTags[] = {"id", "organization_id", "name", "color", "notes", "created_at"};
constexpr C kProjects[] = {
    "id",        "organization_id", "team_id",         "name",       "notes",      "owner_id",
    "color",     "default_view",    "privacy_setting", "archived",   "start_on",   "due_on",
    "completed", "completed_at",    "completed_by_id", "created_at", "modified_at"};
constexpr C kProjectMemberships[] = {"project_id", "user_id", "access_level"};
constexpr C kProjectCustomFieldSettings[] = {"project_id", "custom_field_id", "is_important"};
constexpr C kSections[] = {"id", "project_id", "name", "position", "created_at"};
constexpr C kTasks[] = {"id",          "organization_id",  "project_id",
                        "section_id",  "parent_id",        "name",
                        "notes",       "resource_subtype", "approval_status",
                        "assignee_id", "created_by_id",    "created_at",
                        "modified_at", "start_on",         "due_on",
                        "completed",   "completed_at",     "completed_by_id",
                        "notes_source"};
constexpr C kStories[] = {"id",
                          "task_id",
                          "created_by_id",
                          "type",
                          "resource_subtype",
                          "text",
                          "created_at",
                          "is_pinned",
                          "source",
                          "old_user_id",
                          "new_user_id",
                          "old_due_on",
                          "new_due_on",
                          "old_start_on",
                          "new_start_on",
                          "project_id",
                          "old_section_id",
                          "new_section_id",
                          "tag_id",
                          "dependency_id",
                          "custom_field_id",
                          "old_enum_option_id",
                          "new_enum_option_id",
                          "old_number_value",
                          "new_number_value",
                          "new_approval_status",
                          "text_source"};
constexpr C kCustomFieldValues[] = {"task_id",    "custom_field_id", "value_type",
                                    "text_value", "number_value",    "enum_option_id",
                                    "date_value", "people_value_id"};
constexpr C kTaskTags[] = {"task_id", "tag_id"};
constexpr C kTaskFollowers[] = {"task_id", "user_id"};
constexpr C kTaskProjects[] = {"task_id", "project_id", "section_id", "added_at"};
constexpr C kTaskDependencies[] = {"task_id", "depends_on_id", "created_at"};
constexpr C kStatusUpdates[] = {"id",    "project_id", "author_id", "status_type",
                                "title", "text",       "created_at"};

constexpr std::array<TableDesc, kTableCount> kTables = {{
    {"runs", kRuns, 1},
    {"organizations", kOrganizations, 1},
    {"users", kUsers, 1},
    {"teams", kTeams, 1},
    {"team_memberships", kTeamMemberships, 2},
    {"custom_field_definitions", kCustomFieldDefinitions, 1},
    {"custom_field_enum_options", kCustomFieldEnumOptions, 1},
    {"tags", kTags, 1},
    {"projects", kProjects, 1},
    {"project_memberships", kProjectMemberships, 2},
    {"project_custom_field_settings", kProjectCustomFieldSettings, 2},
    {"sections", kSections, 1},
    {"tasks", kTasks, 1},
    {"stories", kStories, 1},
    {"custom_field_values", kCustomFieldValues, 2},
    {"task_tags", kTaskTags, 2},
    {"task_followers", kTaskFollowers, 2},
    {"task_projects", kTaskProjects, 2},
    {"task_dependencies", kTaskDependencies, 2},
    {"status_updates", kStatusUpdates, 1},
}};

}  // namespace

const TableDesc& Describe(Table table) { return kTables[static_cast<size_t>(table)]; }

}  // namespace asanasim
