// The LLM tier as a run sees it: the checks of its options that a range cannot express, and its
// figures in the summary and the run record. Thread-safe (pure functions).
#ifndef ASANASIM_SRC_LLM_TIER_H_
#define ASANASIM_SRC_LLM_TIER_H_

#include <string>

#include "absl/status/status.h"
#include "asanasim/llm.h"
#include "src/llm/archetypes.h"
#include "src/util/json.h"

namespace asanasim {

// When the tier is on: a key unless offline, a model and a cache directory. Errors name the
// option, never the key. (Ranges are checked with every other setting's.)
absl::Status CheckLlmOptions(const LlmOptions& o);

// Adds the model to the pool phase's figures.
void CompleteLlmStats(const LlmOptions& o, LlmStats& stats);

// The figures as a JSON object (for the manifest).
Json LlmSummaryJson(const LlmStats& s);

// One line for people: "llm: 36 requests (1 retries, 0 rate-limited), ..., 72 of 72 archetypes
// accepted, 9 rejected (unknown placeholder 4, ...)".
std::string LlmSummaryLine(const LlmStats& s);

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_TIER_H_
