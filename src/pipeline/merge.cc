#include "asanasim/merge.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "src/model/batch.h"
#include "src/model/tables.h"
#include "src/pipeline/manifest.h"
#include "src/pipeline/output.h"
#include "src/store/database_file.h"
#include "src/store/output_target.h"
#include "src/store/sqlite_writer.h"
#include "src/store/zstd_file.h"
#include "src/util/civil_time.h"
#include "src/util/json.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

// What makes two shards parts of one universe (all but the org range).
struct Universe {
  std::string generator_version;
  int64_t schema_version = 0;
  int64_t seed = 0;
  std::string as_of;
  std::string history_start;
  int64_t org_count = 0;
  std::string options_json;

  bool operator==(const Universe&) const = default;
};

struct Range {
  int64_t begin;
  int64_t end;
  size_t shard;
};

struct Shard {
  std::string path;  // as the user gave it
  DatabaseInput input;
  Universe universe;
  std::vector<Range> ranges;
  int64_t first_org = 0;
  int64_t rows = 0;  // rows merged from it (its run record excepted)
};

std::string Text(sqlite3_stmt* s, int c) {
  const unsigned char* t = sqlite3_column_text(s, c);
  return t == nullptr ? std::string() : reinterpret_cast<const char*>(t);
}

absl::StatusOr<Shard> ReadShard(const std::string& path, size_t index, const std::string& scratch) {
  ASANASIM_ASSIGN_OR_RETURN(DatabaseInput input, DatabaseInput::Open(path, scratch));
  Shard shard{path, std::move(input), {}, {}, 0, 0};
  ASANASIM_ASSIGN_OR_RETURN(ReadOnlyDatabase db, ReadOnlyDatabase::Open(shard.input.path(), path));
  ASANASIM_RETURN_IF_ERROR(db.IntegrityCheck());
  // Every table of the schema is there (a missing one is named before anything is written).
  for (size_t t = 0; t < kTableCount; ++t)
    ASANASIM_RETURN_IF_ERROR(db.PrimaryKeyOrder(Describe(t).name).status());
  ASANASIM_ASSIGN_OR_RETURN(Statement runs,
                            db.Prepare("SELECT generator_version, schema_version, seed, as_of, "
                                       "history_start, org_count, org_begin, "
                                       "org_end, options_json FROM runs ORDER BY org_begin"));
  int rc;
  while ((rc = sqlite3_step(runs.get())) == SQLITE_ROW) {
    sqlite3_stmt* s = runs.get();
    Universe u{Text(s, 0),
               sqlite3_column_int64(s, 1),
               sqlite3_column_int64(s, 2),
               Text(s, 3),
               Text(s, 4),
               sqlite3_column_int64(s, 5),
               Text(s, 8)};
    if (!shard.ranges.empty() && !(u == shard.universe)) {
      return absl::FailedPreconditionError(Cat(path, " mixes runs of different universes"));
    }
    shard.universe = std::move(u);
    shard.ranges.push_back({sqlite3_column_int64(s, 6), sqlite3_column_int64(s, 7), index});
  }
  if (rc != SQLITE_DONE) return db.Error(rc, "reading runs");
  if (shard.ranges.empty()) return absl::FailedPreconditionError(Cat(path, " has no run record"));
  shard.first_org = shard.ranges.front().begin;
  return shard;
}

std::string SqlQuote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

}  // namespace

absl::StatusOr<GenerateSummary> Merge(const MergeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.shards.empty()) return absl::InvalidArgumentError("merge needs at least one shard");
  if (options.out.empty()) return absl::InvalidArgumentError("merge needs an output path");
  const OutputTarget::Options target_options{.force = options.force, .compress = options.compress};
  ASANASIM_RETURN_IF_ERROR(OutputTarget::Check(options.out, target_options));
  // An output that is one of the inputs (by device and inode, however it is spelled).
  for (const std::string& output : {options.out, options.out + ".zst"}) {
    struct stat out_st {};
    if (::stat(output.c_str(), &out_st) != 0) continue;
    for (const std::string& shard : options.shards) {
      struct stat in_st {};
      if (::stat(shard.c_str(), &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
          in_st.st_ino == out_st.st_ino) {
        return absl::InvalidArgumentError(
            Cat("merge would overwrite its input ", shard, " (it is ", output, ")"));
      }
    }
  }
  ASANASIM_ASSIGN_OR_RETURN(std::unique_ptr<OutputTarget> target,
                            OutputTarget::Acquire(options.out, target_options));

  // Read and check every shard before writing anything.
  std::vector<Shard> shards;
  for (size_t i = 0; i < options.shards.size(); ++i) {
    ASANASIM_ASSIGN_OR_RETURN(Shard s, ReadShard(options.shards[i], i, target->directory()));
    if (!shards.empty() && !(s.universe == shards.front().universe)) {
      const Universe& a = shards.front().universe;
      const Universe& b = s.universe;
      if (a.generator_version != b.generator_version) {
        return absl::FailedPreconditionError(Cat(s.path, " was written by asanasim ",
                                                 b.generator_version, ", ", shards.front().path,
                                                 " by ", a.generator_version));
      }
      return absl::FailedPreconditionError(Cat(s.path, " belongs to another universe than ",
                                               shards.front().path, " (seed or options differ)"));
    }
    shards.push_back(std::move(s));
  }
  std::vector<Range> ranges;
  for (const Shard& s : shards) ranges.insert(ranges.end(), s.ranges.begin(), s.ranges.end());
  std::sort(ranges.begin(), ranges.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  for (size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].begin < ranges[i - 1].end) {
      return absl::FailedPreconditionError(Cat(shards[ranges[i - 1].shard].path, " and ",
                                               shards[ranges[i].shard].path, " both hold org ",
                                               std::to_string(ranges[i].begin)));
    }
  }
  std::sort(shards.begin(), shards.end(),
            [](const Shard& a, const Shard& b) { return a.first_org < b.first_org; });

  // Write: the run record(s) first, then each shard's rows in org order, so ids append.
  ASANASIM_ASSIGN_OR_RETURN(
      std::unique_ptr<SqliteWriter> writer,
      SqliteWriter::Create({.path = target->database_temp(), .overwrite = true}));
  ASANASIM_RETURN_IF_ERROR(target->Hold());
  const Universe& u = shards.front().universe;
  bool contiguous = true;
  for (size_t i = 1; i < ranges.size(); ++i)
    contiguous = contiguous && ranges[i].begin == ranges[i - 1].end;
  std::vector<std::pair<int64_t, int64_t>> run_ranges;
  if (contiguous) {
    run_ranges.push_back({ranges.front().begin, ranges.back().end});
  } else {
    for (const Range& r : ranges) run_ranges.push_back({r.begin, r.end});
  }
  {
    Batch runs(0);
    ASANASIM_ASSIGN_OR_RETURN(const int64_t as_of, ParseInstant(u.as_of));
    ASANASIM_ASSIGN_OR_RETURN(const int64_t history_start, ParseInstant(u.history_start));
    for (size_t i = 0; i < run_ranges.size(); ++i) {
      runs.Add(RunRow{.id = static_cast<int64_t>(i + 1),
                      .generator = "asanasim",
                      .generator_version = u.generator_version,
                      .schema_version = u.schema_version,
                      .seed = u.seed,
                      .as_of = as_of,
                      .history_start = history_start,
                      .org_count = u.org_count,
                      .org_begin = run_ranges[i].first,
                      .org_end = run_ranges[i].second,
                      .options_json = u.options_json});
    }
    ASANASIM_RETURN_IF_ERROR(writer->Write(runs));
  }
  for (Shard& s : shards) {
    ASANASIM_RETURN_IF_ERROR(
        writer->Execute(Cat("ATTACH ", SqlQuote(s.input.path()), " AS shard")));
    const int64_t changes_before = writer->total_changes();
    std::string sql = "BEGIN;";
    for (size_t t = 0; t < kTableCount; ++t) {
      const TableDesc& d = Describe(t);
      if (static_cast<Table>(t) == Table::kRuns) continue;
      // `INSERT INTO t SELECT * FROM s.t`, with nothing else, is the form SQLite's transfer
      // optimization copies record by record without decoding them: the tables have the same
      // definition (checked above: same schema version), foreign keys are off, and the target's
      // one index so far (stories_by_task) has its twin in the shard, whose entries are copied
      // the same way. A shard's rows come in its b-tree order, which is key order, so ids still
      // append. Measured: merge of 4 shards of 8 orgs 1.4x the rows/s of the old
      // column-list `INSERT ... SELECT ... ORDER BY key`.
      sql += Cat("INSERT INTO main.", d.name, " SELECT * FROM shard.", d.name, ";");
    }
    sql += "COMMIT;";
    absl::Status copied = writer->Execute(sql);
    if (!copied.ok()) {
      (void)writer->Execute("ROLLBACK");
      return absl::Status(copied.code(), Cat("merging ", s.path, ": ", copied.message()));
    }
    s.rows = writer->total_changes() - changes_before;
    ASANASIM_RETURN_IF_ERROR(writer->Execute("DETACH shard"));
  }
  ASANASIM_RETURN_IF_ERROR(writer->Finish());

  GenerateSummary summary;
  summary.index_seconds = writer->index_seconds();
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  ASANASIM_RETURN_IF_ERROR(
      FinishOutput(*target, options.compress, threads, writer->ContentHash(), summary));
  for (const TableHash& t : summary.hash.tables) summary.tables.push_back({t.table, t.rows});
  summary.total_rows = summary.hash.total_rows;
  summary.jobs = static_cast<int64_t>(shards.size());
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  {
    Manifest m;
    m.command = "merge";
    absl::StatusOr<Json> world = ParseJson(u.options_json);
    if (world.ok()) m.world = *std::move(world);
    m.seed = u.seed;
    m.org_count = u.org_count;
    m.org_ranges = run_ranges;
    m.threads = threads;
    FillManifest(summary, options.out, m);
    for (const Shard& s : shards) {
      // A shard written with --compress has its manifest under the uncompressed name.
      const std::string plain = IsZstdPath(s.path) ? s.path.substr(0, s.path.size() - 4) : s.path;
      ManifestInput in{s.path, ReadManifestHash(ManifestPath(plain)).value_or(""), s.rows, {}};
      for (const Range& r : s.ranges) in.org_ranges.push_back({r.begin, r.end});
      m.inputs.push_back(std::move(in));
    }
    summary.manifest = ManifestText(m);
  }
  ASANASIM_RETURN_IF_ERROR(target->Commit(options.manifest ? summary.manifest : ""));
  return summary;
}

}  // namespace asanasim
