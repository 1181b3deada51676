// Tier 3 of the text: its options (part of GenerateOptions), and the figures of its pool phase
// (see src/llm/pools.h), filled by the client and the pool phase and reported in the generate
// summary and the manifest. Plain value types (thread-compatible).
#ifndef ASANASIM_INCLUDE_ASANASIM_LLM_H_
#define ASANASIM_INCLUDE_ASANASIM_LLM_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace asanasim {

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
  double share = 0.3;      // of descriptions and comments taken from the pools
  int32_t pool_size = 16;  // variants per (department, slot)
  int32_t batch = 8;       // variants asked for per request
  int32_t concurrency = 4;
  double rpm = 0;            // requests per minute; 0 = the model's free-tier limit
  double tpm = 0;            // tokens per minute; 0 = the model's free-tier limit
  double burst_seconds = 5;  // how much of a minute's budget may go at once
  int64_t max_requests = 0;  // budgets; 0 = unlimited
  int64_t max_tokens = 0;
  int32_t timeout_ms = 60000;
  std::string cache = "output/llm-cache";  // response cache directory
  std::string prompts;                     // prompts directory; empty = the embedded prompts/
  bool offline = false;                    // cache only: never contact the server
  // Called during the pool phase as requests finish (done, total). May be empty.
  std::function<void(size_t done, size_t total)> progress;

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
  int64_t variants = 0;       // variants in the pools
  int64_t fallbacks = 0;      // pool variants missing (their rows use templates)
  int64_t dropped_items = 0;  // variants that failed validation
  double seconds = 0;         // wall time of the network phase
  bool parked = false;        // a daily quota was reached
  std::string fatal;          // why the tier stopped early (a fatal error), or empty
  std::string pool_digest;    // hash of every variant: equal digests, equal text
  double requests_per_minute() const { return seconds > 0 ? requests * 60.0 / seconds : 0; }
};

}  // namespace asanasim

#endif  // ASANASIM_INCLUDE_ASANASIM_LLM_H_
