#include <cmath>
#include <limits>

#include "asanasim/validate.h"
#include "src/sink/database_file.h"
#include "src/sink/zstd_file.h"
#include "src/util/status.h"
#include "src/validate/checks.h"
#include "src/validate/replay.h"

namespace asanasim {

bool ValidationReport::rules_ok() const {
  for (const RuleResult& r : rules) {
    if (r.violations != 0) return false;
  }
  return true;
}

bool ValidationReport::stats_ok() const {
  for (const StatResult& s : stats) {
    if (s.judged && !s.in_range) return false;
  }
  return true;
}

absl::StatusOr<ValidationReport> Validate(const std::string& path, const ValidationOptions& options,
                                          const std::string& scratch_dir) {
  ASANASIM_ASSIGN_OR_RETURN(DatabaseInput input, DatabaseInput::Open(path, scratch_dir));
  ASANASIM_ASSIGN_OR_RETURN(ReadOnlyDatabase db, ReadOnlyDatabase::Open(input.path(), path));
  ValidationReport report;
  report.path = path;

  // Integrity. A damaged file reads as a failed check here, not as an error: it is an asanasim
  // database (its header said so) that does not hold together.
  {
    ASANASIM_ASSIGN_OR_RETURN(
        Statement s, db.Prepare(options.quick ? "PRAGMA quick_check" : "PRAGMA integrity_check"));
    std::string result;
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
      if (!result.empty()) result += "; ";
      result += reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0));
    }
    if (rc != SQLITE_DONE) return db.Error(rc, "integrity check");
    report.integrity = result;
    if (result != "ok") return report;  // Queries on a corrupt file prove nothing.
  }
  {
    ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare("PRAGMA foreign_key_check"));
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) ++report.foreign_key_violations;
    if (rc != SQLITE_DONE) return db.Error(rc, "foreign_key_check");
  }

  for (const RuleCheck& check : RuleChecks()) {
    RuleResult r{std::string(check.name), std::string(check.description), 0, {}};
    ASANASIM_ASSIGN_OR_RETURN(
        Statement s,
        db.Prepare(
            Cat("WITH offenders(id) AS (", check.offenders_sql,
                ") SELECT (SELECT count(*) FROM offenders), id FROM (SELECT id FROM offenders "
                "ORDER BY id LIMIT ",
                std::to_string(options.examples),
                ") UNION ALL SELECT (SELECT count(*) FROM "
                "offenders), NULL WHERE NOT EXISTS (SELECT 1 FROM offenders)")));
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
      r.violations = sqlite3_column_int64(s.get(), 0);
      if (sqlite3_column_type(s.get(), 1) != SQLITE_NULL)
        r.examples.push_back(sqlite3_column_int64(s.get(), 1));
    }
    if (rc != SQLITE_DONE) return db.Error(rc, Cat("rule ", check.name));
    report.rules.push_back(std::move(r));
  }

  {
    ASANASIM_ASSIGN_OR_RETURN(std::vector<ReplayOutcome> replay,
                              ReplayStories(db, static_cast<size_t>(options.examples)));
    for (size_t i = 0; i < replay.size(); ++i) {
      const ReplayRule& rule = ReplayRules()[i];
      report.rules.push_back({std::string(rule.name), std::string(rule.description),
                              replay[i].violations, std::move(replay[i].examples)});
    }
  }

  for (const StatCheck& check : StatChecks()) {
    StatResult r;
    r.name = std::string(check.name);
    r.description = std::string(check.description);
    r.lo = check.lo;
    r.hi = check.hi;
    ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare(std::string(check.sql)));
    const int rc = sqlite3_step(s.get());
    if (rc != SQLITE_ROW) return db.Error(rc, Cat("statistic ", check.name));
    r.sample = sqlite3_column_int64(s.get(), 1);
    r.value = sqlite3_column_type(s.get(), 0) == SQLITE_NULL
                  ? std::numeric_limits<double>::quiet_NaN()
                  : sqlite3_column_double(s.get(), 0);
    r.judged = r.sample >= check.min_sample && !std::isnan(r.value);
    r.in_range = r.judged && r.value >= check.lo && r.value <= check.hi;
    report.stats.push_back(std::move(r));
  }
  return report;
}

}  // namespace asanasim
