#include "src/validate/charts.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "src/util/civil_time.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

// Milliseconds of an ISO timestamp column, or false when NULL or malformed.
bool Instant(sqlite3_stmt* s, int col, int64_t* ms) {
  const unsigned char* text = sqlite3_column_text(s, col);
  if (text == nullptr) return false;
  const absl::StatusOr<int64_t> t = ParseInstant(std::string_view(
      reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(s, col))));
  if (!t.ok()) return false;
  *ms = *t;
  return true;
}

}  // namespace

absl::Status GatherCharts(const ReadOnlyDatabase& db, ValidationCharts& c) {
  // Completion lag: four bins per decade from 0.01 to 1,000 days.
  c.lag_edges.clear();
  for (int i = -8; i <= 12; ++i) c.lag_edges.push_back(std::pow(10.0, i / 4.0));
  c.lag_counts.assign(c.lag_edges.size() - 1, 0);
  std::vector<int64_t> created, completed;
  {
    ASANASIM_ASSIGN_OR_RETURN(
        Statement s, db.Prepare("SELECT created_at, completed_at, parent_id IS NULL FROM tasks"));
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
      int64_t start = 0;
      int64_t done = 0;
      if (!Instant(s.get(), 0, &start)) continue;
      created.push_back(start);
      if (!Instant(s.get(), 1, &done)) continue;
      completed.push_back(done);
      if (sqlite3_column_int(s.get(), 2) == 0) continue;  // lags of top-level tasks only
      const double days = static_cast<double>(done - start) / static_cast<double>(kMsPerDay);
      const auto bin =
          std::upper_bound(c.lag_edges.begin(), c.lag_edges.end(), days) - c.lag_edges.begin() - 1;
      ++c.lag_counts[static_cast<size_t>(std::clamp<std::ptrdiff_t>(
          bin, 0, static_cast<std::ptrdiff_t>(c.lag_counts.size()) - 1))];
    }
    if (rc != SQLITE_DONE) return db.Error(rc, "reading tasks");
  }

  // Open and completed at the end of each week of the history.
  std::sort(created.begin(), created.end());
  std::sort(completed.begin(), completed.end());
  ASANASIM_ASSIGN_OR_RETURN(Statement span,
                            db.Prepare("SELECT min(history_start), max(as_of) FROM runs"));
  int64_t begin = 0;
  int64_t end = 0;
  if (sqlite3_step(span.get()) == SQLITE_ROW && Instant(span.get(), 0, &begin) &&
      Instant(span.get(), 1, &end)) {
    c.week_ends.clear();
    c.open_tasks.clear();
    c.completed_tasks.clear();
    for (int64_t t = begin + 7 * kMsPerDay;; t += 7 * kMsPerDay) {
      const int64_t at = std::min(t, end);
      const auto made = std::upper_bound(created.begin(), created.end(), at) - created.begin();
      const auto done =
          std::upper_bound(completed.begin(), completed.end(), at) - completed.begin();
      c.week_ends.push_back(DateString(DayOf(at)));
      c.open_tasks.push_back(made - done);
      c.completed_tasks.push_back(done);
      if (at == end) break;
    }
  }

  c.tasks_per_assignee.clear();
  ASANASIM_ASSIGN_OR_RETURN(
      Statement load,
      db.Prepare("SELECT count(*) AS n FROM tasks WHERE assignee_id IS NOT NULL GROUP BY "
                 "assignee_id ORDER BY n DESC"));
  int rc;
  while ((rc = sqlite3_step(load.get())) == SQLITE_ROW)
    c.tasks_per_assignee.push_back(sqlite3_column_int64(load.get(), 0));
  if (rc != SQLITE_DONE) return db.Error(rc, "reading assignees");
  return absl::OkStatus();
}

}  // namespace asanasim
