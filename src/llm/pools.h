// Tier 3 of the text: pools of LLM-written variants per (department, slot), filled before
// generation so the pipeline never waits on the network. Each variant is a template: it may hold
// the department's placeholders ({person}, {service}, {date}, ...), which generation fills with
// the job's RNG stream like any tier-2 template. Pools come from the response cache when it has
// them, else from Groq (GroqClient), and every completed response is cached: a re-run with the
// same cache makes no request and yields the same pools, hence the same database.
// Thread-safe once filled (immutable).
#ifndef ASANASIM_SRC_LLM_POOLS_H_
#define ASANASIM_SRC_LLM_POOLS_H_

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "src/llm/client.h"
#include "src/llm/prompts.h"
#include "src/text/vocabulary.h"

namespace asanasim {

class TextPools {
 public:
  using Variants =
      std::array<std::array<std::vector<std::string>, kLlmSlots.size()>, kDepartmentCount>;

  TextPools() = default;
  // Pools holding exactly `variants` (per department, per slot): for tests and tools that bring
  // their own text. FillPools is the way generation gets them.
  explicit TextPools(Variants variants) : pools_(std::move(variants)) {}

  const std::vector<std::string>& variants(Department d, size_t slot) const {
    return pools_[static_cast<size_t>(d)][slot];
  }
  bool empty() const;
  size_t size() const;
  // Hash of every variant, in order: equal digests mean equal generated text.
  std::string Digest() const;

 private:
  friend absl::StatusOr<TextPools> FillPools(const LlmOptions&, const Vocabulary&, uint64_t,
                                             LlmStats*);
  Variants pools_;
};

// Fills every pool from the cache and, for what is missing, from the server (unless offline),
// with the tier's options and the departments of `vocabulary` (progress reported through
// options.progress). `jitter_seed` seeds the client's backoff jitter only. Network problems are not
// errors: they end in stats->fatal / stats->parked / short pools, and the run falls back to
// templates. Errors: unreadable prompts, an unusable cache directory.
absl::StatusOr<TextPools> FillPools(const LlmOptions& options, const Vocabulary& vocabulary,
                                    uint64_t jitter_seed, LlmStats* stats);

// Whether `model` thinks before it answers (reasoning_effort applies).
bool IsReasoningModel(std::string_view model);

// Why `item` is not a usable variant for department `d` and slot `slot` ("" when it is): empty,
// too short or long, markdown, a placeholder the department cannot fill, stray braces.
std::string RejectReason(std::string_view item, const Vocabulary& vocabulary, Department d,
                         size_t slot);

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_POOLS_H_
