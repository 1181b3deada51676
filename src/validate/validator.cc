// The validator runs its checks (integrity, foreign keys, each rule, the story replay, each
// statistic, the text pass and each SQL text check) as independent read-only queries, longest
// first, on a few worker threads that each hold their own connection to the file; results are
// assembled in report order. On a database that fails the integrity check the rule and statistic
// results are dropped: queries on a damaged file prove nothing.
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

#include "asanasim/validate.h"
#include "src/store/database_file.h"
#include "src/store/zstd_file.h"
#include "src/util/status.h"
#include "src/validate/charts.h"
#include "src/validate/checks.h"
#include "src/validate/replay.h"
#include "src/validate/rhythm.h"
#include "src/validate/text_checks.h"
#include "src/validate/text_pass.h"

namespace asanasim {
namespace {

// validate also reads schema 3: it differs from 4 only by users.utc_offset_min (a fixed offset,
// dropped for real time zones), which no check reads, so a new build can judge older worlds (and
// compare before and after a change that moved the schema).
constexpr int kOldestValidatedSchema = 3;

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A modest page cache per connection (memory-mapping the file measured no faster, and its pages
// count in the resident set); sorts spill to temporary files.
absl::Status TuneForReading(const ReadOnlyDatabase& db) {
  for (const char* pragma : {"PRAGMA cache_size = -65536", "PRAGMA temp_store = FILE"}) {
    ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare(pragma));
    const int rc = sqlite3_step(s.get());
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db.Error(rc, pragma);
  }
  return absl::OkStatus();
}

absl::Status RunIntegrity(const ReadOnlyDatabase& db, bool quick, ValidationReport& report) {
  ASANASIM_ASSIGN_OR_RETURN(Statement s,
                            db.Prepare(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check"));
  std::string result;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    if (!result.empty()) result += "; ";
    result += reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0));
  }
  if (rc != SQLITE_DONE) return db.Error(rc, "integrity check");
  report.integrity = result;
  return absl::OkStatus();
}

absl::Status RunForeignKeys(const ReadOnlyDatabase& db, ValidationReport& report) {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare("PRAGMA foreign_key_check"));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) ++report.foreign_key_violations;
  if (rc != SQLITE_DONE) return db.Error(rc, "foreign_key_check");
  return absl::OkStatus();
}

absl::Status RunRule(const ReadOnlyDatabase& db, const RuleCheck& check, int examples,
                     RuleResult& r) {
  r.name = std::string(check.name);
  r.description = std::string(check.description);
  ASANASIM_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare(Cat("WITH offenders(id) AS (", check.offenders_sql,
                     ") SELECT (SELECT count(*) FROM offenders), id FROM (SELECT id FROM "
                     "offenders ORDER BY id LIMIT ",
                     std::to_string(examples),
                     ") UNION ALL SELECT (SELECT count(*) FROM offenders), NULL WHERE NOT EXISTS "
                     "(SELECT 1 FROM offenders)")));
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    r.violations = sqlite3_column_int64(s.get(), 0);
    if (sqlite3_column_type(s.get(), 1) != SQLITE_NULL)
      r.examples.push_back(sqlite3_column_int64(s.get(), 1));
  }
  if (rc != SQLITE_DONE) return db.Error(rc, Cat("rule ", check.name));
  return absl::OkStatus();
}

void Judge(const StatCheck& check, double value, int64_t sample, StatResult& r) {
  r.name = std::string(check.name);
  r.description = std::string(check.description);
  r.lo = check.lo;
  r.hi = check.hi;
  r.value = value;
  r.sample = sample;
  r.judged = r.sample >= check.min_sample && !std::isnan(r.value);
  r.in_range = r.judged && r.value >= check.lo && r.value <= check.hi;
}

absl::Status RunStat(const ReadOnlyDatabase& db, const StatCheck& check, StatResult& r) {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare(std::string(check.sql)));
  const int rc = sqlite3_step(s.get());
  if (rc != SQLITE_ROW) return db.Error(rc, Cat("statistic ", check.name));
  Judge(check,
        sqlite3_column_type(s.get(), 0) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN()
                                                       : sqlite3_column_double(s.get(), 0),
        sqlite3_column_int64(s.get(), 1), r);
  return absl::OkStatus();
}

void JudgeText(const TextCheck& check, double value, int64_t sample,
               std::vector<TextExample> examples, TextCheckResult& r) {
  r.name = std::string(check.name);
  r.description = std::string(check.description);
  r.count = check.count;
  r.target = check.target;
  r.at_most = check.at_most;
  r.gating = check.gating;
  r.value = value;
  r.sample = sample;
  r.judged = r.sample >= check.min_sample && !std::isnan(r.value);
  r.met = r.judged && (check.at_most ? r.value <= check.target : r.value >= check.target);
  r.examples.clear();
  r.example_texts.clear();
  for (TextExample& e : examples) {
    r.examples.push_back(e.id);
    r.example_texts.push_back(std::move(e.text));
  }
}

// An SQL text check: rows (value, sample, example id, example text), ?1 the number of examples.
absl::Status RunTextSql(const ReadOnlyDatabase& db, const TextCheck& check, int examples,
                        TextCheckResult& r) {
  ASANASIM_ASSIGN_OR_RETURN(Statement s, db.Prepare(std::string(check.sql)));
  sqlite3_bind_int(s.get(), 1, examples);
  double value = std::numeric_limits<double>::quiet_NaN();
  int64_t sample = 0;
  std::vector<TextExample> found;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    if (sqlite3_column_type(s.get(), 0) != SQLITE_NULL) value = sqlite3_column_double(s.get(), 0);
    sample = sqlite3_column_int64(s.get(), 1);
    if (sqlite3_column_type(s.get(), 2) != SQLITE_NULL) {
      const unsigned char* text = sqlite3_column_text(s.get(), 3);
      found.push_back({sqlite3_column_int64(s.get(), 2),
                       text == nullptr ? "" : reinterpret_cast<const char*>(text)});
    }
  }
  if (rc != SQLITE_DONE) return db.Error(rc, Cat("text check ", check.name));
  JudgeText(check, value, sample, std::move(found), r);
  return absl::OkStatus();
}

}  // namespace

bool ValidationReport::text_ok() const {
  for (const TextCheckResult& t : text) {
    if (t.gating && t.judged && !t.met) return false;
  }
  return true;
}

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
  const auto start = std::chrono::steady_clock::now();
  ASANASIM_ASSIGN_OR_RETURN(DatabaseInput input, DatabaseInput::Open(path, scratch_dir));
  {
    // Opening checks that this is a readable asanasim database of our schema version.
    ASANASIM_ASSIGN_OR_RETURN(ReadOnlyDatabase probe,
                              ReadOnlyDatabase::Open(input.path(), path, kOldestValidatedSchema));
  }
  ValidationReport report;
  report.path = path;
  const std::span<const RuleCheck> rules = RuleChecks();
  const std::span<const ReplayRule> replay_rules = ReplayRules();
  const std::span<const StatCheck> stats = StatChecks();
  const std::span<const TextCheck> texts = TextChecks();
  report.rules.resize(rules.size() + replay_rules.size());
  report.stats.resize(stats.size());
  report.text.resize(texts.size());
  std::vector<ReplayOutcome> replay;

  // The checks, longest first (for balance): integrity, foreign keys, replay, the text pass (the
  // text checks without SQL), the story rhythm (the statistics without SQL), the charts' data
  // (when asked for), rules, statistics, SQL text checks.
  const size_t kFixed = 6;
  const size_t total = kFixed + rules.size() + stats.size() + texts.size();
  const auto run = [&](const ReadOnlyDatabase& db, size_t task) -> absl::Status {
    const auto t0 = std::chrono::steady_clock::now();
    if (task == 0) {
      ASANASIM_RETURN_IF_ERROR(RunIntegrity(db, options.quick, report));
      report.integrity_seconds = Since(t0);
    } else if (task == 1) {
      ASANASIM_RETURN_IF_ERROR(RunForeignKeys(db, report));
      report.foreign_key_seconds = Since(t0);
    } else if (task == 2) {
      ASANASIM_ASSIGN_OR_RETURN(replay, ReplayStories(db, static_cast<size_t>(options.examples)));
      const double seconds = Since(t0);
      for (size_t i = 0; i < replay.size(); ++i) {
        RuleResult& r = report.rules[rules.size() + i];
        r.name = std::string(replay_rules[i].name);
        r.description = std::string(replay_rules[i].description);
        r.violations = replay[i].violations;
        r.examples = std::move(replay[i].examples);
        r.seconds = seconds;
      }
    } else if (task == 3) {
      ASANASIM_ASSIGN_OR_RETURN(std::vector<TextMeasure> measures,
                                MeasureText(db, static_cast<size_t>(options.examples)));
      const double seconds = Since(t0);
      for (size_t i = 0; i < texts.size(); ++i) {
        if (!measures[i].measured) continue;
        JudgeText(texts[i], measures[i].value, measures[i].sample, std::move(measures[i].examples),
                  report.text[i]);
        report.text[i].seconds = seconds;
      }
    } else if (task == 4) {
      ASANASIM_ASSIGN_OR_RETURN(const Rhythm rhythm, StoryRhythm(db));
      const double seconds = Since(t0);
      for (size_t i = 0; i < stats.size(); ++i) {
        if (!stats[i].sql.empty()) continue;
        const RhythmValue v = RhythmStatistic(rhythm, stats[i].name);
        Judge(stats[i], v.value, v.sample, report.stats[i]);
        report.stats[i].seconds = seconds;
      }
      if (options.charts) report.charts.activity = rhythm.by_weekday_hour;
    } else if (task == 5) {
      if (options.charts) {
        ASANASIM_RETURN_IF_ERROR(GatherCharts(db, report.charts));
        report.has_charts = true;
      }
    } else if (task < kFixed + rules.size()) {
      RuleResult& r = report.rules[task - kFixed];
      ASANASIM_RETURN_IF_ERROR(RunRule(db, rules[task - kFixed], options.examples, r));
      r.seconds = Since(t0);
    } else if (task < kFixed + rules.size() + stats.size()) {
      const StatCheck& check = stats[task - kFixed - rules.size()];
      if (check.sql.empty()) return absl::OkStatus();  // the rhythm pass's
      StatResult& r = report.stats[task - kFixed - rules.size()];
      ASANASIM_RETURN_IF_ERROR(RunStat(db, check, r));
      r.seconds = Since(t0);
    } else {
      const size_t i = task - kFixed - rules.size() - stats.size();
      if (texts[i].sql.empty()) return absl::OkStatus();  // the text pass's
      ASANASIM_RETURN_IF_ERROR(RunTextSql(db, texts[i], options.examples, report.text[i]));
      report.text[i].seconds = Since(t0);
    }
    return absl::OkStatus();
  };

  std::atomic<size_t> next{0};
  std::mutex mu;
  absl::Status first_error;
  const auto worker = [&] {
    absl::StatusOr<ReadOnlyDatabase> db =
        ReadOnlyDatabase::Open(input.path(), path, kOldestValidatedSchema);
    absl::Status status = db.ok() ? TuneForReading(*db) : db.status();
    for (size_t task; status.ok() && (task = next.fetch_add(1)) < total;) status = run(*db, task);
    if (!status.ok()) {
      std::lock_guard<std::mutex> lock(mu);
      if (first_error.ok()) first_error = status;
      next.store(total);  // the others stop after their current check
    }
  };
  const size_t threads = std::min<size_t>(total, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t i = 1; i < threads; ++i) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  report.seconds = Since(start);
  if (!report.integrity.empty() && report.integrity != "ok") {
    // Queries on a damaged file prove nothing (and may have failed): report the damage alone.
    report.rules.clear();
    report.stats.clear();
    report.text.clear();
    return report;
  }
  if (!first_error.ok()) return first_error;
  return report;
}

}  // namespace asanasim
