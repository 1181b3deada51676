// The run: validate, plan, generate in parallel, write serially, finalize.
//
// Batch ordering essay
// --------------------
// Jobs are numbered in one sequence: for each org in the range, its org-level job, then one job
// per team in team order. The source (a oneTBB input_node, so it runs serially) plans each org
// when it reaches it, and hands out jobs carrying a shared pointer to that org's immutable plan;
// a plan is freed when its last job is written, so memory does not grow with the number of orgs.
//
//   input_node (plan + jobs, in order)
//     -> limiter_node (at most N jobs between here and the hand-off)
//     -> function_node, unlimited (generate one job into one Batch; pure function of the job)
//     -> sequencer_node (releases batches strictly in job order)
//     -> function_node, serial (hand-off: push onto a bounded queue; decrement the limiter)
//
// The writer is this function's own thread, popping the queue: the only thread that touches the
// database. Because batches arrive in job order and each batch is a pure function of its job,
// the file's bytes do not depend on thread count or timing. The queue's capacity is small, so a
// slow writer stalls the hand-off, the limiter stays full and generation pauses: at most
// N + capacity + 1 batches exist at any time.
#include "asanasim/generate.h"

#include <tbb/concurrent_queue.h>
#include <tbb/flow_graph.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "src/config/generate_settings.h"
#include "src/gen/jobs.h"
#include "src/llm/archetypes.h"
#include "src/llm/tier.h"
#include "src/model/batch.h"
#include "src/model/ids.h"
#include "src/model/schema.h"
#include "src/pipeline/manifest.h"
#include "src/pipeline/output.h"
#include "src/plan/org_plan.h"
#include "src/store/output_target.h"
#include "src/store/sqlite_writer.h"
#include "src/util/civil_time.h"
#include "src/util/json.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

constexpr int32_t kHandOffCapacity = 2;

// Memory
// ------
// A team job's batch holds all rows of the team's projects, and at most (jobs in flight +
// kHandOffCapacity + 1 being written) batches exist at once: memory grows with a team's size
// times that count, not with the dataset. Both are bounded here:
// * the rows of a team job are estimated from its plan (projects x tasks per project x
//   kRowsPerPlannedTask); a world whose largest team job would exceed kMaxJobRows is refused
//   (exit 2), naming the org and the team's size;
// * the jobs in flight are capped so that all batches together stay near kMaxRowsHeld.
// Measured (2 cores): about 600 bytes a row in a batch, so kMaxRowsHeld is about 720 MB and a
// run at the limit stays under 1 GB (tests/integration/unattended_test.cc measures it).
constexpr int64_t kRowsPerPlannedTask = 20;  // default world: 48,151 rows for 60 x 40 tasks
constexpr int64_t kMaxRowsHeld = 1'200'000;
constexpr int64_t kMaxJobRows = kMaxRowsHeld / (kHandOffCapacity + 2);

using BatchPtr = std::shared_ptr<Batch>;

struct Job {
  uint64_t sequence = 0;
  std::shared_ptr<const OrgPlan> plan;
  int32_t team = -1;  // -1: the org-level job
};

// What the run reads besides its options: the profile, the vocabulary packs (with tier 3's
// archetypes, when it is on) and the digest of the packs as given.
struct WorldInputs {
  const Profile& profile;
  const Vocabulary& vocabulary;
  std::string_view packs_digest;
  const LlmArchetypes* llm = nullptr;  // null: tier 3 off
};

// The packs of `dir`, or null (the built-in packs) when it is empty.
absl::StatusOr<std::unique_ptr<const Vocabulary>> LoadVocabulary(const std::string& dir) {
  if (dir.empty()) return nullptr;
  return Vocabulary::Load(dir);
}

WorldConfig WorldOf(const GenerateOptions& o, const WorldInputs& in) {
  return WorldConfig{.seed = o.seed,
                     .org_count = o.orgs,
                     .users = o.users,
                     .projects = o.projects,
                     .tasks_per_project = o.tasks_per_project,
                     .months = o.months,
                     .as_of_ms = o.as_of_ms,
                     .profile = &in.profile,
                     .vocabulary = &in.vocabulary,
                     .llm_share = o.llm.share};
}

uint32_t OrgEnd(const GenerateOptions& o) { return o.org_end == 0 ? o.orgs : o.org_end; }

// Tier 3 in the run record: what shapes the text (model, share, the archetypes' digest), never
// the key, the server or the run's network figures.
Json LlmJson(const GenerateOptions& o, const LlmArchetypes* llm) {
  if (llm == nullptr) return "off";
  return Json{{"model", o.llm.model},
              {"share", JsonNumber(o.llm.share)},
              {"archetypes_per_department", o.llm.archetypes},
              {"archetypes", llm->accepted},
              {"archetype_digest", llm->digest}};
}

// The options that shape the universe: the settings marked `world` (never the org range: the
// shards of one universe share the record and merge into exactly a full run; nor the path,
// threads or other run mechanics: the file's bytes must not depend on them), the profile's
// overrides, the packs' digest and the LLM tier's text sources.
Json WorldJson(const GenerateOptions& o, const WorldInputs& in) {
  Json j = Json::object();
  for (const Setting<GenerateOptions>& s : GenerateSettings()) {
    if (!s.info.world) continue;
    std::string key(s.info.name);
    std::replace(key.begin(), key.end(), '-', '_');
    const SettingValue v = Get(s, o);
    j[key] = s.info.type == SettingType::kInt ? Json(std::get<int64_t>(v))
                                              : Json(SettingText(s.info, v));
  }
  j["profile"] = ProfileOverridesJson(in.profile);
  j["packs"] = std::string(in.packs_digest);
  j["llm"] = LlmJson(o, in.llm);
  return j;
}

void AddRunRow(const GenerateOptions& o, const WorldInputs& in, Batch& batch) {
  const std::string world = DumpJson(WorldJson(o, in));
  batch.Add(RunRow{.id = 1,
                   .generator = "asanasim",
                   .generator_version = Version(),
                   .schema_version = kSchemaVersion,
                   .seed = static_cast<int64_t>(o.seed),
                   .as_of = o.as_of_ms,
                   .history_start = HistoryStart(WorldOf(o, in)),
                   .org_count = o.orgs,
                   .org_begin = o.org_begin,
                   .org_end = OrgEnd(o),
                   .options_json = world});
}

// Records the first error from any thread and tells everyone to stop.
class StopSignal {
 public:
  explicit StopSignal(const std::atomic<bool>* cancel) : cancel_(cancel) {}
  void Fail(absl::Status status) {
    std::lock_guard<std::mutex> lock(mu_);
    if (status_.ok()) status_ = std::move(status);
    stopped_.store(true, std::memory_order_relaxed);
  }
  bool stopped() const {
    return stopped_.load(std::memory_order_relaxed) ||
           (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed));
  }
  absl::Status status() const {
    std::lock_guard<std::mutex> lock(mu_);
    if (!status_.ok()) return status_;
    if (cancel_ != nullptr && cancel_->load()) return absl::CancelledError("interrupted");
    return absl::OkStatus();
  }

 private:
  const std::atomic<bool>* cancel_;
  mutable std::mutex mu_;
  absl::Status status_;
  std::atomic<bool> stopped_{false};
};

// Produces jobs in sequence order, planning each org when it is reached. Serial (input_node).
class JobSource {
 public:
  JobSource(const GenerateOptions& o, const WorldInputs& in, StopSignal& stop,
            std::atomic<int64_t>& planned, std::atomic<bool>& planning_done)
      : world_(WorldOf(o, in)),
        next_org_(o.org_begin),
        end_org_(OrgEnd(o)),
        stop_(stop),
        planned_(planned),
        planning_done_(planning_done) {}

  Job operator()(tbb::flow_control& fc) {
    if (stop_.stopped()) return Finish(fc);
    if (plan_ == nullptr || next_team_ >= static_cast<int32_t>(plan_->teams.size())) {
      if (next_org_ >= end_org_) return Finish(fc);
      absl::StatusOr<std::shared_ptr<const OrgPlan>> plan = PlanOrganization(world_, next_org_++);
      if (!plan.ok()) {
        stop_.Fail(plan.status());
        return Finish(fc);
      }
      plan_ = *std::move(plan);
      next_team_ = 0;
      planned_.fetch_add(static_cast<int64_t>(plan_->teams.size()) + 1);
      return Job{sequence_++, plan_, -1};
    }
    return Job{sequence_++, plan_, next_team_++};
  }

 private:
  Job Finish(tbb::flow_control& fc) {
    planning_done_.store(true);
    plan_.reset();
    fc.stop();
    return Job{};
  }

  WorldConfig world_;
  uint32_t next_org_;
  uint32_t end_org_;
  StopSignal& stop_;
  std::atomic<int64_t>& planned_;
  std::atomic<bool>& planning_done_;
  std::shared_ptr<const OrgPlan> plan_;
  int32_t next_team_ = 0;
  uint64_t sequence_ = 0;
};

// The rows of the world's largest team job, by estimate: first from each org's size alone (the
// whole org as one team, an upper bound that needs no planning), then, where that bound is too
// big to be sure, from the plan's teams. Fails when a team job would hold more than kMaxJobRows.
absl::StatusOr<int64_t> LargestJobRows(const WorldConfig& world, uint32_t begin, uint32_t end) {
  int64_t largest = 0;
  for (uint32_t org = begin; org < end; ++org) {
    const OrgSize size = PlanOrgSize(world, org);
    const int64_t bound =
        static_cast<int64_t>(size.projects) * size.tasks_per_project * kRowsPerPlannedTask;
    if (bound <= kMaxJobRows) {
      largest = std::max(largest, bound);
      continue;
    }
    ASANASIM_ASSIGN_OR_RETURN(const std::shared_ptr<const OrgPlan> plan,
                              PlanOrganization(world, org));
    for (const TeamPlan& team : plan->teams) {
      const int64_t rows =
          static_cast<int64_t>(team.project_count) * plan->tasks_per_project * kRowsPerPlannedTask;
      if (rows > kMaxJobRows) {
        return absl::InvalidArgumentError(
            Cat("org ", std::to_string(org), "'s team '", team.name, "' would hold ",
                Thousands(team.project_count), team.project_count == 1 ? " project" : " projects",
                " of about ", Thousands(plan->tasks_per_project), " tasks (about ", Thousands(rows),
                " rows in one job): more than the ", Thousands(kMaxJobRows),
                " a job may hold in bounded memory; lower --tasks-per-project or --projects, or "
                "raise --users (more teams)"));
      }
      largest = std::max(largest, rows);
    }
  }
  return largest;
}

}  // namespace

const char* Version() { return ASANASIM_VERSION; }

absl::Status ValidateOptions(const GenerateOptions& o) {
  if (o.seed > static_cast<uint64_t>(INT64_MAX)) {
    return absl::InvalidArgumentError(Cat("--seed ", std::to_string(o.seed), " is above 2^63-1"));
  }
  ASANASIM_RETURN_IF_ERROR(CheckSettings(GenerateSettings(), o));
  if (o.max_jobs_in_flight < 0) return absl::InvalidArgumentError("max jobs in flight is negative");
  if (static_cast<int64_t>(o.projects) * o.tasks_per_project > kMaxTasksPerOrg) {
    return absl::InvalidArgumentError(
        Cat("--projects ", std::to_string(o.projects), " x --tasks-per-project ",
            std::to_string(o.tasks_per_project), " is more than ", std::to_string(kMaxTasksPerOrg),
            " tasks for one organization; use --orgs for bigger datasets"));
  }
  const uint32_t end = OrgEnd(o);
  if (o.org_begin >= end || end > o.orgs) {
    return absl::InvalidArgumentError(Cat("--org-range ", std::to_string(o.org_begin), ":",
                                          std::to_string(end), " is not within the ",
                                          std::to_string(o.orgs), " orgs of --orgs"));
  }
  if (o.as_of_ms < DaysFromCivil(1990, 1, 1) * kMsPerDay ||
      o.as_of_ms > DaysFromCivil(9000, 1, 1) * kMsPerDay) {
    return absl::InvalidArgumentError(
        Cat("--as-of ", TimestampString(o.as_of_ms), " is outside 1990-01-01..9000-01-01"));
  }
  if (o.out.empty()) return absl::InvalidArgumentError("--out is empty");
  ASANASIM_RETURN_IF_ERROR(CheckLlmOptions(o.llm));
  ASANASIM_ASSIGN_OR_RETURN(const Profile profile, LoadProfile(o.profile_path));
  ASANASIM_ASSIGN_OR_RETURN(const std::unique_ptr<const Vocabulary> packs,
                            LoadVocabulary(o.pack_dir));
  const WorldInputs inputs{profile, packs != nullptr ? *packs : Vocabulary::BuiltIn(), "", nullptr};
  return LargestJobRows(WorldOf(o, inputs), o.org_begin, end).status();
}

absl::Status CheckOutputPath(const std::string& out_path, bool force, bool compress) {
  return OutputTarget::Check(out_path, {.force = force, .compress = compress});
}

absl::StatusOr<GenerateSummary> Generate(const GenerateOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  ASANASIM_RETURN_IF_ERROR(ValidateOptions(options));
  // The output first: a second run on the same file stops here, before any work.
  std::unique_ptr<OutputTarget> own_target;
  OutputTarget* target = options.target;
  if (!options.discard && target == nullptr) {
    ASANASIM_ASSIGN_OR_RETURN(
        own_target,
        OutputTarget::Acquire(options.out, {.force = options.force, .compress = options.compress}));
    target = own_target.get();
  }
  ASANASIM_ASSIGN_OR_RETURN(const Profile profile, LoadProfile(options.profile_path));
  ASANASIM_ASSIGN_OR_RETURN(const std::unique_ptr<const Vocabulary> packs,
                            LoadVocabulary(options.pack_dir));
  const Vocabulary& vocabulary = packs != nullptr ? *packs : Vocabulary::BuiltIn();
  // Tier 3: the LLM's archetypes join the packs before any row is generated (the pipeline never
  // waits on the network); problems with the server leave the packs as they are, not errors.
  std::optional<LlmArchetypes> llm_archetypes;
  std::unique_ptr<const Vocabulary> extended;
  std::optional<LlmStats> llm_stats;
  if (options.llm.enabled()) {
    LlmStats stats;
    LlmOptions llm = options.llm;
    if (llm.cancel == nullptr) llm.cancel = options.cancel;
    if (llm.start == std::chrono::steady_clock::time_point{})
      llm.start = std::chrono::steady_clock::now();  // --llm-deadline counts from here
    const std::vector<const Pack*> packs =
        PacksOfWorld(WorldOf(options, WorldInputs{profile, vocabulary, "", nullptr}));
    ASANASIM_ASSIGN_OR_RETURN(
        llm_archetypes,
        WriteArchetypes(llm, vocabulary, packs, /*jitter_seed=*/options.seed + 1, &stats));
    if (!llm_archetypes->files.empty()) {
      ASANASIM_ASSIGN_OR_RETURN(extended, vocabulary.With(llm_archetypes->files));
    }
    CompleteLlmStats(options.llm, stats);
    llm_stats = stats;
  }
  const WorldInputs inputs{profile, extended != nullptr ? *extended : vocabulary,
                           vocabulary.digest(),
                           llm_archetypes.has_value() ? &*llm_archetypes : nullptr};
  // The writer, unless rows are discarded (then only counted).
  std::unique_ptr<SqliteWriter> writer;
  if (target != nullptr) {
    ASANASIM_ASSIGN_OR_RETURN(
        writer, SqliteWriter::Create({.path = target->database_temp(), .overwrite = true}));
    ASANASIM_RETURN_IF_ERROR(target->Hold());
  }
  std::array<int64_t, kTableCount> rows{};
  int64_t total_rows = 0;
  auto consume = [&](const Batch& batch) -> absl::Status {
    if (writer != nullptr) ASANASIM_RETURN_IF_ERROR(writer->Write(batch));
    for (size_t t = 0; t < kTableCount; ++t) {
      const int64_t n = static_cast<int64_t>(batch.rows(static_cast<Table>(t)).rows());
      rows[t] += n;
      total_rows += n;
    }
    return absl::OkStatus();
  };
  {
    Batch run(0);
    AddRunRow(options, inputs, run);
    ASANASIM_RETURN_IF_ERROR(consume(run));
  }
  // Projects are known up front, org by org, without planning: the progress denominator.
  int64_t projects_total = 0;
  {
    const WorldConfig world = WorldOf(options, inputs);
    for (uint32_t org = options.org_begin; org < OrgEnd(options); ++org) {
      projects_total += PlanOrgSize(world, org).projects;
    }
  }

  // By default the run uses every core: one for the writer, the rest for generation (which is
  // about ten times faster than the write path, so more generation threads only steal the
  // writer's core). Discarding rows frees that core for generation.
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int threads =
      options.threads > 0 ? options.threads : (options.discard ? cores : std::max(1, cores - 1));
  // Four jobs per generation thread, fewer when jobs are big (see Memory above).
  ASANASIM_ASSIGN_OR_RETURN(
      const int64_t job_rows,
      LargestJobRows(WorldOf(options, inputs), options.org_begin, OrgEnd(options)));
  const int64_t fits = kMaxRowsHeld / std::max<int64_t>(job_rows, 1) - kHandOffCapacity - 1;
  const int in_flight = options.max_jobs_in_flight > 0
                            ? options.max_jobs_in_flight
                            : static_cast<int>(std::clamp<int64_t>(fits, 1, 4 * threads));
  StopSignal stop(options.cancel);
  std::atomic<int64_t> planned{0};
  std::atomic<bool> planning_done{false};
  BatchPool pool;  // Declared before the queue and the graph: batches return to it.
  tbb::concurrent_bounded_queue<BatchPtr> queue;
  queue.set_capacity(kHandOffCapacity);

  // Generation runs on its own thread inside an arena of `threads` threads; this thread writes.
  std::thread generation([&] {
    tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                    static_cast<size_t>(threads) + 1);
    tbb::task_arena arena(threads);
    arena.execute([&] {
      tbb::flow::graph g;
      tbb::flow::input_node<Job> source(g,
                                        JobSource(options, inputs, stop, planned, planning_done));
      tbb::flow::limiter_node<Job> limiter(g, static_cast<size_t>(in_flight));
      tbb::flow::function_node<Job, BatchPtr> generate(
          g, tbb::flow::unlimited, [&](const Job& job) -> BatchPtr {
            BatchPtr batch = pool.Acquire(job.sequence);
            if (stop.stopped()) return batch;  // Keep the sequence whole; the writer skips it.
            if (job.team < 0) {
              GenerateOrgRows(*job.plan, *batch);
            } else {
              GenerateTeamRows(*job.plan, static_cast<uint32_t>(job.team), *batch);
            }
            return batch;
          });
      tbb::flow::sequencer_node<BatchPtr> sequencer(
          g, [](const BatchPtr& b) { return b->sequence(); });
      tbb::flow::function_node<BatchPtr, tbb::flow::continue_msg> hand_off(
          g, tbb::flow::serial, [&](const BatchPtr& b) {
            queue.push(b);
            return tbb::flow::continue_msg();
          });
      tbb::flow::make_edge(source, limiter);
      tbb::flow::make_edge(limiter, generate);
      tbb::flow::make_edge(generate, sequencer);
      tbb::flow::make_edge(sequencer, hand_off);
      tbb::flow::make_edge(hand_off, limiter.decrementer());
      source.activate();
      g.wait_for_all();
    });
    queue.push(nullptr);  // End of stream.
  });

  int64_t jobs = 0;
  auto last_report = std::chrono::steady_clock::now();
  auto report = [&](bool finishing) {
    if (!options.progress) return;
    options.progress(
        GenerateProgress{.jobs_done = jobs,
                         .jobs_total = planning_done.load() ? planned.load() : 0,
                         .rows_written = total_rows,
                         .projects_written = rows[static_cast<size_t>(Table::kProjects)],
                         .projects_total = projects_total,
                         .seconds = elapsed(),
                         .finishing = finishing});
  };
  for (;;) {
    BatchPtr batch;
    queue.pop(batch);
    if (batch == nullptr) break;
    if (stop.stopped()) continue;  // Drain so the hand-off never blocks forever.
    absl::Status status = consume(*batch);
    if (!status.ok()) {
      stop.Fail(std::move(status));
      continue;
    }
    ++jobs;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_report > std::chrono::milliseconds(250)) {
      last_report = now;
      report(false);
    }
  }
  generation.join();
  ASANASIM_RETURN_IF_ERROR(stop.status());
  report(true);
  GenerateSummary summary;
  summary.llm = llm_stats;
  for (size_t t = 0; t < kTableCount; ++t)
    summary.tables.push_back({std::string(Describe(t).name), rows[t]});
  summary.total_rows = total_rows;
  summary.jobs = jobs;
  // The run's record: written beside the database, and kept in the summary (`--json`).
  auto record = [&] {
    Manifest m;
    m.command = "generate";
    m.world = WorldJson(options, inputs);
    if (summary.llm.has_value()) m.llm = LlmSummaryJson(*summary.llm);
    m.seed = static_cast<int64_t>(options.seed);
    m.org_count = options.orgs;
    m.org_ranges = {{options.org_begin, OrgEnd(options)}};
    m.threads = threads;
    if (writer != nullptr) {
      FillManifest(summary, options.out, m);
    } else {  // --discard: rows counted, nothing written or hashed
      m.seconds = summary.seconds;
      for (const TableRowCount& t : summary.tables) m.hash.tables.push_back({t.table, t.rows, ""});
      m.hash.total_rows = summary.total_rows;
    }
    summary.manifest = ManifestText(m);
  };
  if (writer == nullptr) {
    summary.seconds = elapsed();
    record();
    return summary;
  }
  ASANASIM_RETURN_IF_ERROR(writer->Finish());
  summary.index_seconds = writer->index_seconds();
  ASANASIM_RETURN_IF_ERROR(
      FinishOutput(*target, options.compress, threads, writer->ContentHash(), summary));
  summary.seconds = elapsed();
  record();
  ASANASIM_RETURN_IF_ERROR(target->Commit(options.manifest ? summary.manifest : ""));
  return summary;
}

}  // namespace asanasim
