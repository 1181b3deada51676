// Tier 3 writes a whole pack: `asanasim pack author --industry TEXT`. For an industry the packs do
// not ship, the LLM writes the departments the user names (teams, titles, projects, the details
// their texts name as slots, plain task templates; the workflow, fields and tags come from the
// default pack's department of the same name), each checked by `pack check`'s parser and lint in
// a pack beside the built-in ones and asked for again with the reasons; a department still
// failing after the rounds is reused from the default pack (and said so). Then the archetype
// requests of src/llm/archetypes.h give every department of the new pack its stories. The result
// is a whole pack directory (the built-in packs, common.toml with the new industry's company
// kinds, and the new pack) that `pack check` accepts and `generate --pack-dir` reads.
// Deterministic from the response cache, like the rest of tier 3. Thread-compatible.
#ifndef ASANASIM_SRC_LLM_PACK_AUTHOR_H_
#define ASANASIM_SRC_LLM_PACK_AUTHOR_H_

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "asanasim/llm.h"
#include "src/text/vocabulary.h"
#include "src/util/json.h"

namespace asanasim {

struct AuthoredPack {
  std::string name;  // the pack's directory: the industry in kebab case
  // Every file of the pack directory (path relative to it, text).
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> authored;  // department file stems the LLM wrote
  std::vector<std::string> reused;    // department files taken from the default pack
  std::vector<std::string> company_words;
  int64_t archetypes = 0;
};

// Writes the pack of `industry` with `departments` (file stems) authored by the LLM, on top of
// `base` (the built-in packs, or a pack directory's). Errors: an industry a pack already serves, a
// pack name taken, an unknown department, unreadable prompts or cache; an interrupt (Cancelled).
// Network problems are not errors: what the LLM did not write is reused from the default pack.
absl::StatusOr<AuthoredPack> AuthorPack(const LlmOptions& options, const Vocabulary& base,
                                        std::string_view industry,
                                        std::span<const std::string> departments,
                                        uint64_t jitter_seed, LlmStats* stats);

// The pack directory name of an industry: "Municipal water utility" -> "municipal-water-utility".
std::string PackNameOf(std::string_view industry);

// Why an answered department is not usable as one ("" when it is): the JSON shape.
std::string DepartmentSchemaReason(const Json& department);

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_PACK_AUTHOR_H_
