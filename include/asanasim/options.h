// Options of one `asanasim generate` run. A plain value type (thread-compatible); fill it with
// designated initializers. The CLI builds it from flags, the environment, .env and --config.
#ifndef ASANASIM_INCLUDE_ASANASIM_OPTIONS_H_
#define ASANASIM_INCLUDE_ASANASIM_OPTIONS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace asanasim {

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
  // Output database. Written as `out + ".partial"` and renamed when complete.
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
  // Generation threads; the writer is one more thread. 0 = all cores: cores - 1 generation
  // threads plus the writer (all cores with `discard`).
  int32_t threads = 0;
  // Team jobs in flight at once (bounds memory). 0 = 4 per generation thread.
  int32_t max_jobs_in_flight = 0;
  // --- Tier 3: text pools written by an LLM served by Groq (see src/llm/pools.h). ---
  // "off", "groq", or "" = groq when llm_api_key is set, else off.
  std::string llm = "";
  // GROQ_API_KEY (environment or .env, never a flag). Sent only in the Authorization header:
  // never written to logs, errors, the database, the cache or the run record.
  std::string llm_api_key;
  std::string llm_model = "openai/gpt-oss-20b";       // GROQ_MODEL
  std::string llm_base_url = "https://api.groq.com";  // GROQ_BASE_URL
  double llm_share = 0.3;      // share of descriptions and comments taken from the pools
  int32_t llm_pool_size = 16;  // variants per (department, slot)
  int32_t llm_batch = 8;       // variants asked for per request
  int32_t llm_concurrency = 4;
  double llm_rpm = 0;            // requests per minute; 0 = the model's free-tier limit
  double llm_tpm = 0;            // tokens per minute; 0 = the model's free-tier limit
  double llm_burst_seconds = 5;  // how much of a minute's budget may go at once
  int64_t llm_max_requests = 0;  // budgets; 0 = unlimited
  int64_t llm_max_tokens = 0;
  int32_t llm_timeout_ms = 60000;
  std::string llm_cache = "output/llm-cache";  // response cache directory
  std::string llm_prompts;                     // prompts directory; empty = the embedded prompts/
  bool llm_offline = false;                    // cache only: never contact the server
  // Called during the pool phase as requests finish (done, total). May be empty.
  std::function<void(size_t done, size_t total)> llm_progress;

  // Called on the writer thread every few batches and once at the end. May be empty.
  std::function<void(const GenerateProgress&)> progress;
  // When set and it becomes true, the run stops soon, removes its partial file and returns
  // absl::CancelledError. Must outlive the call.
  const std::atomic<bool>* cancel = nullptr;
};

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_OPTIONS_H_
