// Validate: checks any asanasim database (integrity, every business rule of the model as a named
// check with its violation count and example ids, a realism scorecard of the profile's
// statistics against target ranges, and the text-realism checks of what an agent reads).
// Thread-safe (each call opens its own read-only connection).
#ifndef ASANASIM_INCLUDE_ASANASIM_VALIDATE_H_
#define ASANASIM_INCLUDE_ASANASIM_VALIDATE_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace asanasim {

struct ValidationOptions {
  // PRAGMA quick_check instead of the (slower, thorough) integrity_check.
  bool quick = false;
  // How many offending ids each rule reports.
  int examples = 5;
  // Also gather the data of the report's charts (ValidationReport::charts).
  bool charts = false;
};

struct RuleResult {
  std::string name;         // e.g. "assignee_in_team"
  std::string description;  // one sentence
  int64_t violations = 0;
  std::vector<int64_t> examples;  // ids of offending rows (the rule says which table)
  double seconds = 0;             // time the check took
};

struct StatResult {
  std::string name;
  std::string description;
  double value = 0;  // NaN when the sample is too small to judge
  double lo = 0;
  double hi = 0;
  int64_t sample = 0;   // rows the statistic is computed over
  bool judged = false;  // false when sample < the statistic's minimum
  bool in_range = false;
  double seconds = 0;
};

// A text-realism check (validate's text section): a ratio against a floor or a ceiling
// ("distinct comments per comment >= 0.6"), or a count of offending rows whose target is 0
// ("comments naming their own author"). A missed target makes the report invalid only when the
// check is gating; none is yet (the text generator does not meet them), so today they are
// reported, not enforced.
struct TextCheckResult {
  std::string name;         // e.g. "comments_distinct_in_file"
  std::string description;  // one sentence, saying which table the example ids are of
  bool count = false;       // a count of offenders (target 0) rather than a ratio
  double value = 0;         // the ratio or the number of offenders; NaN when it cannot be judged
  double target = 0;
  bool at_most = false;  // the target is a ceiling (value <= target), else a floor
  int64_t sample = 0;    // what the value is over (comments, tasks, texts scanned)
  bool judged = false;   // false when the sample is too small to judge
  bool met = false;
  bool gating = false;                     // a miss makes the report invalid
  std::vector<int64_t> examples;           // ids of offenders, or of the commonest repeated texts
  std::vector<std::string> example_texts;  // the offending phrase or text of each example
  double seconds = 0;
};

// Data behind the charts of `validate --report`.
struct ValidationCharts {
  // Stories by the author's local weekday (Monday first) and hour.
  std::array<std::array<int64_t, 24>, 7> activity{};
  // Completion lag of completed top-level tasks, in days, on log-spaced bins: bin i holds lags
  // in [lag_edges[i], lag_edges[i + 1]).
  std::vector<double> lag_edges;
  std::vector<int64_t> lag_counts;
  // At the end of each week of the history: tasks created so far that are still open, and
  // tasks completed so far.
  std::vector<std::string> week_ends;  // "YYYY-MM-DD"
  std::vector<int64_t> open_tasks;
  std::vector<int64_t> completed_tasks;
  // Tasks (assigned, open or done) per assignee, most loaded first.
  std::vector<int64_t> tasks_per_assignee;
};

struct ValidationReport {
  std::string path;
  std::string integrity;  // "ok", or what integrity_check / quick_check said
  int64_t foreign_key_violations = 0;
  double integrity_seconds = 0;  // integrity_check (or quick_check)
  double foreign_key_seconds = 0;
  double seconds = 0;  // the whole validation, wall clock
  std::vector<RuleResult> rules;
  std::vector<StatResult> stats;
  std::vector<TextCheckResult> text;
  bool has_charts = false;
  ValidationCharts charts;  // when ValidationOptions::charts

  bool integrity_ok() const { return integrity == "ok" && foreign_key_violations == 0; }
  bool rules_ok() const;
  bool stats_ok() const;
  bool text_ok() const;  // no gating text check judged and missed
  bool ok() const { return integrity_ok() && rules_ok() && stats_ok() && text_ok(); }
};

// Validates the database at `path` (.zst accepted, decompressed into `scratch_dir`). Errors only
// when the file is not a readable asanasim database: NotFound, DataLoss (not SQLite, corrupt,
// truncated) or FailedPrecondition (another application's database or schema version).
// The report as one self-contained HTML page (inline CSS and SVG charts: activity by weekday and
// hour, completion lag on a log axis, open vs completed over time, tasks per assignee, rule
// results, the scorecard and the text checks). REQUIRES: report.has_charts for the charts (else
// they are omitted).
std::string ReportHtml(const ValidationReport& report);

absl::StatusOr<ValidationReport> Validate(const std::string& path,
                                          const ValidationOptions& options = {},
                                          const std::string& scratch_dir = "");

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_VALIDATE_H_
