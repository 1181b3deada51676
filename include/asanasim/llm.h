// Figures of the LLM tier's pool phase (tier 3 of the text; see src/llm/pools.h): filled by the
// client and the pool phase, reported in the generate summary and the manifest. A plain value
// type (thread-compatible).
#ifndef ASANASIM_INCLUDE_ASANASIM_LLM_H_
#define ASANASIM_INCLUDE_ASANASIM_LLM_H_

#include <cstdint>
#include <string>

namespace asanasim {

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
