// validate's text section as data: each text-realism check once, with its target. Three kinds:
//   * SQL checks: `sql` returns rows (value, sample, example id, example text), every row
//     carrying the value and sample, one row per example (NULL id: none), at most ?1 examples;
//   * phrase rules: `find` runs on every text of the `fields` it names and returns the offending
//     phrase; the value is the number of rows with an offence (target 0);
//   * the text pass's own (text_pass.h): checks that need a task's comments and participants
//     together (no `sql`, no `find`), computed by name.
// A new check of the first two kinds is one row here. Thread-safe (constants).
#ifndef ASANASIM_SRC_VALIDATE_TEXT_CHECKS_H_
#define ASANASIM_SRC_VALIDATE_TEXT_CHECKS_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace asanasim {

// The texts a phrase rule reads (a bit set).
enum TextField : uint32_t {
  kTaskNameField = 1u << 0,  // top-level tasks
  kSubtaskNameField = 1u << 1,
  kProjectNameField = 1u << 2,
  kDescriptionField = 1u << 3,  // tasks.notes
  kCommentField = 1u << 4,      // stories of type 'comment'
  kStatusTitleField = 1u << 5,
  kStatusTextField = 1u << 6,
  kAllTextFields = (1u << 7) - 1,
};

// One text as a phrase rule sees it: the text and the day it was written, in its writer's time
// zone (days since the epoch; the task's creator for names and descriptions, the author for
// comments and status updates, kUnknownDay for project names).
inline constexpr int64_t kUnknownDay = INT64_MIN;
struct TextSite {
  std::string_view text;
  int64_t local_day = kUnknownDay;
  // The department of the team whose project holds the text, as a pack file stem
  // ("customer_success"); empty when unknown.
  std::string_view department = {};
};
using PhraseFinder = std::string_view (*)(const TextSite& site);

struct TextCheck {
  std::string_view name;
  std::string_view description;  // says which table the example ids are of
  bool count = false;            // offenders counted, target 0 (phrase rules and the like)
  bool at_most = false;          // target is a ceiling, else a floor
  double target = 0;
  int64_t min_sample = 0;     // smaller samples are not judged
  bool gating = false;        // a miss makes validate fail (see kTextChecksGate)
  std::string_view sql = {};  // an SQL check (see above)
  uint32_t fields = 0;        // a phrase rule: the TextFields `find` reads
  PhraseFinder find = nullptr;
};

std::span<const TextCheck> TextChecks();

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_TEXT_CHECKS_H_
