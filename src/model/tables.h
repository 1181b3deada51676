// The tables asanasim writes, described as data: one generic writer inserts any of them from a
// Batch. The column lists must match schema.sql exactly (a test checks it). Thread-safe
// (constants).
#ifndef ASANASIM_SRC_MODEL_TABLES_H_
#define ASANASIM_SRC_MODEL_TABLES_H_

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace asanasim {

// In the order rows are written within a batch. Values index arrays: never reorder casually.
enum class Table : int {
  kRuns = 0,
  kOrganizations,
  kUsers,
  kTeams,
  kTeamMemberships,
  kCustomFieldDefinitions,
  kCustomFieldEnumOptions,
  kTags,
  kProjects,
  kProjectMemberships,
  kProjectCustomFieldSettings,
  kSections,
  kTasks,
  kStories,
  kCustomFieldValues,
  kTaskTags,
  kTaskFollowers,
  kTaskProjects,
  kTaskDependencies,
  kStatusUpdates,
};
inline constexpr size_t kTableCount = 20;

struct TableDesc {
  std::string_view name;
  std::span<const std::string_view> columns;
  // The primary key is the first `key_columns` columns (integers): 1 for rowid tables, 2 for
  // the WITHOUT ROWID join tables. Rows are generated in key order (see src/model/ids.h).
  int key_columns;
};

const TableDesc& Describe(Table table);
inline const TableDesc& Describe(size_t index) { return Describe(static_cast<Table>(index)); }

}  // namespace asanasim

#endif  // ASANASIM_SRC_MODEL_TABLES_H_
