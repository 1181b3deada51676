// The prompts of the LLM tier: prompts/ embedded at build time (cmake/embed_prompts.cmake), or a
// directory with the same layout given at run time. See prompts/README.md. The department's
// context and few-shot examples come from the packs themselves (src/llm/archetypes.h).
// Thread-safe once loaded (immutable).
#ifndef ASANASIM_SRC_LLM_PROMPTS_H_
#define ASANASIM_SRC_LLM_PROMPTS_H_

#include <string>

#include "absl/status/statusor.h"

namespace asanasim {

class PromptSet {
 public:
  // The embedded prompts when `dir` is empty, else the files under `dir` (every file the tier
  // needs must be there; errors name the missing file).
  static absl::StatusOr<PromptSet> Load(const std::string& dir);

  // The system message of every request: the archetype schema and its rules.
  const std::string& system() const { return system_; }
  // What one archetype is, said after "Write N new archetypes for this department: ".
  const std::string& task() const { return task_; }
  // The system message of a department request (`pack author`): the department schema.
  const std::string& department_system() const { return department_system_; }
  // Hash of every prompt text.
  const std::string& digest() const { return digest_; }

 private:
  std::string system_;
  std::string task_;
  std::string department_system_;
  std::string digest_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_PROMPTS_H_
