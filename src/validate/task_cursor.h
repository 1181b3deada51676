// Reading a database in task order: a query whose first column is a task id, stepped alongside
// the tasks (read in id order) so that a pass over the tasks meets each task's rows of other
// tables (stories, followers, ...) without holding them all. Column readers map NULL to 0 / "".
// Thread-compatible.
#ifndef ASANASIM_SRC_VALIDATE_TASK_CURSOR_H_
#define ASANASIM_SRC_VALIDATE_TASK_CURSOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "src/store/database_file.h"
#include "src/util/status.h"

namespace asanasim {

// Column readers (ids are never 0; NULL dates compare as "").
inline int64_t Id(sqlite3_stmt* s, int col) { return sqlite3_column_int64(s, col); }
inline bool IsNull(sqlite3_stmt* s, int col) { return sqlite3_column_type(s, col) == SQLITE_NULL; }
// A view of a text column, valid until the statement steps.
inline std::string_view TextView(sqlite3_stmt* s, int col) {
  const unsigned char* p = sqlite3_column_text(s, col);
  return p == nullptr ? std::string_view()
                      : std::string_view(reinterpret_cast<const char*>(p),
                                         static_cast<size_t>(sqlite3_column_bytes(s, col)));
}
inline void Text(sqlite3_stmt* s, int col, std::string& out) { out.assign(TextView(s, col)); }

// A query whose first column is a task id, in ascending task id order. REQUIRES: the query
// orders by its first column.
class TaskCursor {
 public:
  // `what` names the pass in error messages.
  static absl::StatusOr<TaskCursor> Open(const ReadOnlyDatabase& db, const std::string& sql,
                                         std::string_view what) {
    ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare(sql));
    TaskCursor c(db, std::move(s), what);
    ASANASIM_RETURN_IF_ERROR(c.Step());
    return c;
  }

  // Moves past rows of tasks before `task` (rows of missing tasks: foreign_key_check's case).
  absl::Status SkipBefore(int64_t task) {
    while (row_ && Id(s_.get(), 0) < task) ASANASIM_RETURN_IF_ERROR(Step());
    return absl::OkStatus();
  }
  bool At(int64_t task) const { return row_ && Id(s_.get(), 0) == task; }
  sqlite3_stmt* row() const { return s_.get(); }

  absl::Status Step() {
    const int rc = sqlite3_step(s_.get());
    if (rc == SQLITE_ROW) {
      row_ = true;
    } else if (rc == SQLITE_DONE) {
      row_ = false;
    } else {
      return db_->Error(rc, std::string(what_));
    }
    return absl::OkStatus();
  }

 private:
  TaskCursor(const ReadOnlyDatabase& db, Statement s, std::string_view what)
      : db_(&db), s_(std::move(s)), what_(what) {}
  const ReadOnlyDatabase* db_;
  Statement s_;
  std::string_view what_;  // a literal
  bool row_ = false;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_TASK_CURSOR_H_
