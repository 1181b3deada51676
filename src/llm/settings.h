// From GenerateOptions to the LLM tier's settings, its checks, and its figures in the summary and
// the run record. Thread-safe (pure functions).
#ifndef ASANASIM_SRC_LLM_SETTINGS_H_
#define ASANASIM_SRC_LLM_SETTINGS_H_

#include <string>

#include "absl/status/status.h"
#include "asanasim/generate.h"
#include "asanasim/options.h"
#include "src/llm/client.h"
#include "src/llm/pools.h"

namespace asanasim {

// Free-tier limits of a Groq model (groq-api.md section 4): requests and tokens per minute.
struct ModelLimits {
  double requests_per_minute;
  double tokens_per_minute;
};
ModelLimits LimitsOf(const std::string& model);

// True when the run uses tier 3: --llm groq, or unset with a key present.
bool LlmEnabled(const GenerateOptions& o);

// Ranges of the llm_* options, and a key when the tier is on and not offline. Errors name the
// option; never the key.
absl::Status ValidateLlmOptions(const GenerateOptions& o);

LlmSettings LlmSettingsOf(const GenerateOptions& o);

// Adds what the pools say (model, variants, digest) to the pool phase's figures.
void CompleteLlmStats(const GenerateOptions& o, const TextPools& pools, LlmStats& stats);

// The figures as a JSON object (for the manifest).
std::string LlmSummaryJson(const LlmStats& s);

// One line for people: "llm: 72 requests (1 retries, 0 rate-limited), ...".
std::string LlmSummaryLine(const LlmStats& s);

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_SETTINGS_H_
