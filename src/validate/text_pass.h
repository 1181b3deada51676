// The text pass: validate's text section (text_checks.h) in one sequential read of the database.
// Tasks in id order, merged by task id with their followers and their comments (in time order),
// so that each task's name, description, participants and comments are at hand together and
// nothing else is held: per comment only a 64-bit hash of its text is kept (for the distinct
// counts), per top-level task name likewise. Then the projects and status updates. Every phrase
// rule (TextCheck::find) runs on the texts of its fields; the pass's own checks are computed by
// name. Example texts are read back by id at the end. Thread-compatible.
#ifndef ASANASIM_SRC_VALIDATE_TEXT_PASS_H_
#define ASANASIM_SRC_VALIDATE_TEXT_PASS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "src/store/database_file.h"

namespace asanasim {

struct TextExample {
  int64_t id;
  std::string text;
};

// What the pass measured for one check.
struct TextMeasure {
  bool measured = false;  // false for SQL checks (and any the pass does not know)
  double value = 0;       // NaN when there is nothing to judge
  int64_t sample = 0;
  std::vector<TextExample> examples;  // by ascending id for counts, commonest first for ratios
};

// One measure per TextChecks() entry, with up to `examples` examples each.
absl::StatusOr<std::vector<TextMeasure>> MeasureText(const ReadOnlyDatabase& db, size_t examples);

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_TEXT_PASS_H_
