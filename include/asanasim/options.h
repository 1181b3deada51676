// Options of one `asanasim generate` run. A plain value type (thread-compatible); fill it with
// designated initializers. Each option's flag, config and environment keys, range and help line
// are declared once, in src/config/generate_settings.cc: the CLI builds the struct from flags,
// --config, the environment and .env through that table, and ValidateOptions checks it there.
#ifndef ASANASIM_INCLUDE_ASANASIM_OPTIONS_H_
#define ASANASIM_INCLUDE_ASANASIM_OPTIONS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "asanasim/llm.h"

namespace asanasim {

class OutputTarget;  // src/store/output_target.h

// Limits of the options (ValidateOptions enforces them). Bigger datasets use more orgs.
inline constexpr uint32_t kMaxOrgCount = 32766;    // the id space holds 2^15 - 2 orgs
inline constexpr int32_t kMaxUsersPerOrg = 25000;  // other orgs scale up to 2.5x
inline constexpr int32_t kMaxProjectsPerOrg = 100000;
inline constexpr int32_t kMaxTasksPerProject = 100000;
inline constexpr int64_t kMaxTasksPerOrg = 10000000;  // projects x tasks-per-project
inline constexpr int32_t kMaxMonths = 120;
inline constexpr int32_t kMaxThreads = 1024;

struct GenerateProgress {
  int64_t jobs_done = 0;
  int64_t jobs_total = 0;  // known once planning has reached the last org; 0 until then
  int64_t rows_written = 0;
  int64_t projects_written = 0;
  int64_t projects_total = 0;  // known up front: progress = projects_written / projects_total
  double seconds = 0.0;
  bool finishing = false;  // all rows written; building indexes and syncing
};

struct GenerateOptions {
  // Output database. Built as `out + ".partial.PID"` and renamed onto `out` when complete
  // (src/store/output_target.h).
  std::string out = "output/asana_simulation.sqlite";
  // Replace `out` if it exists. Default: refuse.
  bool force = false;
  // Also write `out + ".zst"` (multi-threaded, long window) and remove `out` once it is complete.
  bool compress = false;
  // Write `out + ".manifest.json"` (the run record: options, rows, content hash, timings, host).
  bool manifest = true;
  // Generate every row and throw it away: no file is written (measures generation alone).
  bool discard = false;
  // Root of every random stream. Same seed and options => same bytes.
  uint64_t seed = 42;
  // Size of the universe of organizations; org 0 is TechFlow Solutions.
  uint32_t orgs = 1;
  // Generate orgs [org_begin, org_end) of the universe; org_end 0 means `orgs`.
  uint32_t org_begin = 0;
  uint32_t org_end = 0;
  // Size of org 0; other orgs are scaled by a deterministic per-org factor.
  int32_t users = 300;
  int32_t projects = 60;
  int32_t tasks_per_project = 40;
  // Length of the history, in calendar months ending at `as_of_ms`.
  int32_t months = 6;
  // "Now" of the generated world: milliseconds since the Unix epoch, UTC. Default 2026-07-01.
  int64_t as_of_ms = 1782864000000;
  // A profile file (`asanasim profile` prints the defaults) overriding distribution parameters;
  // empty = the built-in profile. Its overrides are part of the run record.
  std::string profile_path;
  // A pack directory (the layout of prompts/packs/; `asanasim pack check DIR` checks one)
  // replacing the built-in vocabulary; empty = the packs built in. Its digest is part of the run
  // record.
  std::string pack_dir;
  // Generation threads; the writer is one more thread. 0 = all cores: cores - 1 generation
  // threads plus the writer (all cores with `discard`).
  int32_t threads = 0;
  // Team jobs in flight at once (bounds memory). 0 = 4 per generation thread.
  int32_t max_jobs_in_flight = 0;
  // Tier 3: archetypes written by an LLM served by Groq (see src/llm/archetypes.h).
  LlmOptions llm;

  // Called on the writer thread every few batches and once at the end. May be empty.
  std::function<void(const GenerateProgress&)> progress;
  // When set and it becomes true, the run stops soon, removes its partial file and returns
  // absl::CancelledError. Must outlive the call.
  const std::atomic<bool>* cancel = nullptr;
  // The output, already acquired by the caller (the command line takes it before anything
  // else, so that a second run on the same file stops at once); null: Generate acquires it.
  OutputTarget* target = nullptr;
};

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_OPTIONS_H_
