// The prompts of the LLM tier: prompts/ embedded at build time (cmake/embed_prompts.cmake), or a
// directory with the same layout given at run time. See prompts/README.md. Thread-safe once
// loaded (immutable).
#ifndef ASANASIM_SRC_LLM_PROMPTS_H_
#define ASANASIM_SRC_LLM_PROMPTS_H_

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "src/text/vocabulary.h"

namespace asanasim {

// The slots of the text pools: a task description and three kinds of comment.
inline constexpr std::array<std::string_view, 4> kLlmSlots = {"description", "comment_update",
                                                              "comment_question", "comment_done"};
inline constexpr size_t kDescriptionSlot = 0;

class PromptSet {
 public:
  // The embedded prompts when `dir` is empty, else the files under `dir` (every file the tier
  // needs must be there; errors name the missing file).
  static absl::StatusOr<PromptSet> Load(const std::string& dir);

  const std::string& system() const { return system_; }
  const std::string& slot(size_t s) const { return slots_[s]; }
  const std::string& context(Department d) const { return departments_[Index(d)].context; }
  // Few-shot examples of department d for slot s (escaped "\n" turned into line breaks).
  const std::vector<std::string>& examples(Department d, size_t s) const {
    return departments_[Index(d)].examples[s];
  }
  // Hash of every prompt text: part of the run record.
  const std::string& digest() const { return digest_; }

  // File stem of a department ("customer_success").
  static std::string FileName(Department d);

 private:
  static size_t Index(Department d) { return static_cast<size_t>(d); }
  struct DepartmentPrompts {
    std::string context;
    std::array<std::vector<std::string>, kLlmSlots.size()> examples;
  };
  std::string system_;
  std::array<std::string, kLlmSlots.size()> slots_;
  std::array<DepartmentPrompts, kDepartmentCount> departments_;
  std::string digest_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_PROMPTS_H_
