// Tier 3 of the text: archetypes the LLM writes. Before generation, for every department file of
// the packs a run uses ("saas/engineering", "fintech/sales", ...), the pool phase asks the model
// for new archetypes in the pack's own schema (JSON mode), with the department's archetypes as
// few-shot examples and the slots it can fill. Every item is checked like `pack check` checks a
// hand-written archetype (the same parser, with its lint), plus what only a model gets wrong (a
// literal date, number or name where a placeholder belongs, a near-duplicate of an archetype the
// department has); rejects are asked for again, with the reasons, within the budget. What is
// accepted becomes the file <pack>/archetypes/<department>.llm.toml, added to the packs for the
// run (Vocabulary::With): tasks draw from the union (an LLM archetype with --llm-share), and their
// text rows say 'llm'. Responses come from the cache when it has them, else from Groq (GroqClient),
// and every completed response is cached: a re-run with the same cache makes no request and
// writes the same files, hence the same database. Thread-compatible.
#ifndef ASANASIM_SRC_LLM_ARCHETYPES_H_
#define ASANASIM_SRC_LLM_ARCHETYPES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "asanasim/llm.h"
#include "src/text/template.h"
#include "src/text/vocabulary.h"
#include "src/util/json.h"

namespace asanasim {

struct LlmArchetypes {
  // "<pack>/archetypes/<department>.llm.toml" -> its TOML, for Vocabulary::With.
  std::vector<std::pair<std::string, std::string>> files;
  int64_t accepted = 0;
  std::string digest;  // of every file: equal digests, equal text
};

// Asks for (or reads from the cache) --llm-archetypes archetypes per department file of `packs`,
// checks them and returns the accepted ones as pack files. Figures go to *stats (requests,
// tokens, accepted, rejects by reason). Network problems are not errors: they end in
// stats->fatal / stats->parked / fewer archetypes, and the run goes on with the packs' own.
// Errors: unreadable prompts, an unusable cache directory, an interrupt (Cancelled).
absl::StatusOr<LlmArchetypes> WriteArchetypes(const LlmOptions& options,
                                              const Vocabulary& vocabulary,
                                              std::span<const Pack* const> packs,
                                              uint64_t jitter_seed, LlmStats* stats);

// Whether `model` thinks before it answers (reasoning_effort applies).
bool IsReasoningModel(std::string_view model);

// The checks of one answered item, exposed for tests. Each returns "" when the item passes, else
// the reason, which starts with its kind ("schema: ...", "literal: ...", "duplicate: ...").
//   The JSON shape: an object with id, names, descriptions, subtasks and comments of the right
//   types, no other keys than the schema's.
std::string SchemaReason(const Json& item);
//   A literal where a placeholder belongs: a weekday, month, quarter or ISO date, a number of 4 or
//   more digits, a person's first name (of `vocabulary`'s name lists).
std::string LiteralReason(const Json& item, const Vocabulary& vocabulary);
// A text with its placeholders and the slot values of `scope` masked, lower-cased and stripped of
// punctuation: two names equal here tell the same story.
std::string MaskedText(std::string_view text, const SlotScope& scope);
// The [[archetype]] TOML of a schema-valid item (SchemaReason passed), with `id` as its id.
std::string ArchetypeToml(const Json& item, std::string_view id);

// Shared with pack authoring (src/llm/pack_author.h).
// A slot name: snake_case, starting with a letter.
bool IsSnakeName(std::string_view name);
// A TOML basic string, and an array of strings one per line.
std::string TomlString(std::string_view s);
std::string TomlArray(const Json& list, std::string_view indent);
// The content of each request body: from the cache, else over `client` (unless offline or
// stopped), each response cached the moment it is complete; nullopt where there is none.
// Cancelled on an interrupt (what was received is cached).
absl::StatusOr<std::vector<std::optional<std::string>>> FetchContents(
    const LlmOptions& options, class GroqClient& client, const class ResponseCache& cache,
    std::span<const std::string> bodies, LlmStats* stats);
// The request body of a chat completion with `system` and `user`, JSON mode, the tier's
// temperature and reasoning effort, and a seed from the user message.
std::string ChatBody(const LlmOptions& options, std::string_view system, std::string_view user,
                     int64_t max_completion_tokens);
// Adds the client's network figures to *stats.
void AddClientStats(const LlmStats& net, LlmStats* stats);

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_ARCHETYPES_H_
