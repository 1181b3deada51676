// Tier 3 of the text: its options (part of GenerateOptions), and the figures of its pool phase
// (see src/llm/archetypes.h), filled by the client and the pool phase and reported in the generate
// summary and the manifest. Plain value types (thread-compatible).
#ifndef ASANASIM_INCLUDE_ASANASIM_LLM_H_
#define ASANASIM_INCLUDE_ASANASIM_LLM_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace asanasim {

// Where the pool phase stands, for a person watching it.
struct LlmProgress {
  size_t done = 0;   // requests finished (answered, or given up)
  size_t total = 0;  // requests of this pass (a later pass re-asks for rejected items)
  int in_flight = 0;
  int64_t tokens = 0;         // prompt + completion tokens used so far
  int64_t token_budget = 0;   // --llm-max-tokens; 0 = none
  double wait_s = 0;          // until the next request may be sent (0: none is waiting)
  std::string_view wait_for;  // why: "RPM", "TPM", "retry-after (429)", "" (responses)
  double eta_s = -1;          // until this pass ends, from the limits and latency; < 0 unknown
};

// The LLM tier's options. Their flags, keys, ranges and help lines are declared once, in
// src/config/generate_settings.cc.
struct LlmOptions {
  // "off", "groq", or "" = groq when api_key is set, else off.
  std::string mode = "";
  // GROQ_API_KEY (environment or .env, never a flag). Sent only in the Authorization header:
  // never written to logs, errors, the database, the cache or the run record.
  std::string api_key;
  std::string model = "openai/gpt-oss-20b";
  std::string base_url = "https://api.groq.com";
  double share = 0.5;      // of top-level tasks told by an LLM archetype (where there are some)
  int32_t archetypes = 8;  // LLM archetypes per department file of the run's packs
  int32_t batch = 2;       // archetypes asked for per request (each pays the prompt once)
  int32_t concurrency = 4;
  double rpm = 0;  // requests per minute; 0 = the model's free-tier limit
  double tpm = 0;  // tokens per minute; 0 = the model's free-tier limit
  // At most burst_seconds / 60 of the per-minute limits in any burst_seconds (60: the whole
  // minute's budget at once, as Groq allows).
  double burst_seconds = 60;
  // Reasoning models (gpt-oss): how hard they think before answering (low, medium, high).
  std::string reasoning_effort = "low";
  int64_t max_requests = 0;  // budgets; 0 = unlimited
  int64_t max_tokens = 0;
  int32_t timeout_ms = 60000;
  // The most the pool phase may take, in seconds (0: no limit); it counts from `start` (or from
  // when the first client is made, when `start` is unset). Past it the tier stops and the run
  // goes on with what was answered (the cache keeps it, so a re-run continues).
  double deadline_s = 6 * 3600;
  std::chrono::steady_clock::time_point start{};
  std::string cache = "output/llm-cache";  // response cache directory
  std::string prompts;                     // prompts directory; empty = the embedded prompts/
  bool offline = false;                    // cache only: never contact the server
  // Called during the pool phase as requests finish, and about once a second while waiting.
  // May be empty.
  std::function<void(const LlmProgress&)> progress;
  // Called with one line per finished HTTP attempt (status, tokens, latency, attempt; never the
  // key). May be empty.
  std::function<void(std::string_view line)> log;
  // Set (by a signal handler) to stop the pool phase: it ends within a second, keeps every
  // response received in the cache, and the run fails as interrupted.
  const std::atomic<bool>* cancel = nullptr;

  // True when the run uses tier 3: mode groq, or unset with a key present.
  bool enabled() const { return mode == "groq" || (mode.empty() && !api_key.empty()); }
};

struct LlmStats {
  std::string model;
  int64_t requests = 0;  // HTTP attempts made
  int64_t succeeded = 0;
  int64_t retries = 0;
  int64_t rate_limited = 0;  // 429s
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  int64_t cache_hits = 0;
  int64_t archetypes = 0;         // accepted: they joined the packs for the run
  int64_t archetypes_wanted = 0;  // --llm-archetypes times the department files asked for
  int64_t rejected = 0;           // archetypes that failed a check
  std::map<std::string, int64_t> reject_reasons;  // rejects by kind of reason
  double seconds = 0;                             // wall time of the network phase
  bool parked = false;                            // a daily quota was reached
  bool interrupted = false;                       // SIGINT / SIGTERM stopped the pool phase
  bool deadline_passed = false;                   // --llm-deadline stopped the pool phase
  double deadline_s = 0;                          // the deadline it had (0: none)
  std::string fatal;   // why the tier stopped early (a fatal error), or empty
  std::string digest;  // hash of the LLM's archetype files: equal digests, equal text
  double requests_per_minute() const { return seconds > 0 ? requests * 60.0 / seconds : 0; }
};

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_LLM_H_
