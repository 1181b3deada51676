// The tables asanasim writes, described as data (src/model/tables.inc is the one list): the Table
// enum, a descriptor per table for the generic writer and readers, and a plain row struct per
// table, whose members are the table's columns in schema.sql's order (a test checks both against
// schema.sql). Build a row with designated initializers and hand it to Batch::Add; members left
// out are zero, empty or NULL. Thread-safe (constants and value types).
#ifndef ASANASIM_SRC_MODEL_TABLES_H_
#define ASANASIM_SRC_MODEL_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace asanasim {

// In the order rows are written within a batch. Values index arrays: never reorder casually.
enum class Table : int {
#define ASANASIM_TABLE(enumerator, name, Row, key_columns) enumerator,
#define ASANASIM_COLUMN(name, type)
#define ASANASIM_END_TABLE()
#include "src/model/tables.inc"
#undef ASANASIM_TABLE
#undef ASANASIM_COLUMN
#undef ASANASIM_END_TABLE
};

inline constexpr size_t kTableCount = 0
#define ASANASIM_TABLE(enumerator, name, Row, key_columns) +1
#define ASANASIM_COLUMN(name, type)
#define ASANASIM_END_TABLE()
#include "src/model/tables.inc"
#undef ASANASIM_TABLE
#undef ASANASIM_COLUMN
#undef ASANASIM_END_TABLE
    ;

struct TableDesc {
  std::string_view name;
  std::span<const std::string_view> columns;
  // The primary key is the first `key_columns` columns (integers): 1 for rowid tables, 2 for
  // the WITHOUT ROWID join tables. Rows are generated in key order (see src/model/ids.h).
  int key_columns;
};

const TableDesc& Describe(Table table);
inline const TableDesc& Describe(size_t index) { return Describe(static_cast<Table>(index)); }

// A value or NULL. (Not std::optional: GCC 12 reports its disengaged copies as maybe-
// uninitialized at -Wall.)
template <typename T>
struct Nullable {
  constexpr Nullable() = default;
  // By reference: a std::string converts to a view of itself, not of a copy that dies here.
  template <typename U>
  constexpr Nullable(const U& v) : value(static_cast<T>(v)), present(true) {}  // NOLINT: implicit

  constexpr bool has_value() const { return present; }
  constexpr const T& operator*() const { return value; }

  T value = {};
  bool present = false;
};

// Cell types of the columns (see tables.inc). An OptId of 0 is NULL: no generated id is 0.
using IdCell = int64_t;
using OptIdCell = int64_t;
using IntCell = int64_t;
using OptIntCell = Nullable<int64_t>;
using RealCell = double;
using OptRealCell = Nullable<double>;
using TextCell = std::string_view;
using OptTextCell = Nullable<std::string_view>;
using TimeCell = int64_t;  // ms since the Unix epoch, UTC
using OptTimeCell = Nullable<int64_t>;
using DateCell = int64_t;  // days since the Unix epoch
using OptDateCell = Nullable<int64_t>;
using BoolCell = bool;

// One struct per table: `TaskRow`, `StoryRow`, ... Text members are views: what they point to
// must live until the row is added to a batch (which copies it).
#define ASANASIM_TABLE(enumerator, name, Row, key_columns) struct Row {
#define ASANASIM_COLUMN(name, type) type##Cell name = {};
#define ASANASIM_END_TABLE() \
  }                          \
  ;
#include "src/model/tables.inc"
#undef ASANASIM_TABLE
#undef ASANASIM_COLUMN
#undef ASANASIM_END_TABLE

// The table of a row type: TableOf<TaskRow>::value == Table::kTasks.
template <typename Row>
struct TableOf;
#define ASANASIM_TABLE(enumerator, name, Row, key_columns) \
  template <>                                              \
  struct TableOf<Row> {                                    \
    static constexpr Table value = Table::enumerator;      \
  };
#define ASANASIM_COLUMN(name, type)
#define ASANASIM_END_TABLE()
#include "src/model/tables.inc"
#undef ASANASIM_TABLE
#undef ASANASIM_COLUMN
#undef ASANASIM_END_TABLE

}  // namespace asanasim

#endif  // ASANASIM_SRC_MODEL_TABLES_H_
