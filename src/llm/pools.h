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

struct LlmSettings {
  LlmClientConfig client;
  std::string model = "openai/gpt-oss-20b";
  std::string cache_dir;    // required
  std::string prompts_dir;  // empty: the embedded prompts/
  int pool_size = 16;       // variants per (department, slot)
  int batch_size = 8;       // variants asked for per request
  int rounds = 3;           // requests per batch slot, counting re-requests of dropped items
  int max_completion_tokens = 2048;
  double temperature = 0.9;
  bool offline = false;  // cache only: never contact the server (cluster nodes)
};

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
  friend absl::StatusOr<TextPools> FillPools(const LlmSettings&, LlmStats*,
                                             const std::function<void(size_t, size_t)>&);
  Variants pools_;
};

// Fills every pool from the cache and, for what is missing, from the server (unless offline).
// Network problems are not errors: they end in stats->fatal / stats->parked / short pools, and
// the run falls back to templates. Errors: unreadable prompts, an unusable cache directory.
absl::StatusOr<TextPools> FillPools(const LlmSettings& settings, LlmStats* stats,
                                    const std::function<void(size_t done, size_t total)>& progress);

// Why `item` is not a usable variant for department `d` and slot `slot` ("" when it is): empty,
// too short or long, markdown, a placeholder the department cannot fill, stray braces.
std::string RejectReason(std::string_view item, Department d, size_t slot);

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_POOLS_H_
