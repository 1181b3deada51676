// Story replay: the rules that a task's final state equals the result of replaying its stories
// (see the stories table in schema.sql). One pass over the tasks and, merged by task id, their
// stories, tags, followers, dependencies, second homes and custom field values: each stream is
// read once in primary-key (or index) order, so the cost is linear in the database.
// Thread-compatible.
#ifndef ASANASIM_SRC_VALIDATE_REPLAY_H_
#define ASANASIM_SRC_VALIDATE_REPLAY_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "src/store/database_file.h"

namespace asanasim {

struct ReplayRule {
  std::string_view name;
  std::string_view description;
};

// The replay rules, in report order.
std::span<const ReplayRule> ReplayRules();

struct ReplayOutcome {
  int64_t violations = 0;
  std::vector<int64_t> examples;  // the smallest offending task ids
};

// One outcome per ReplayRules() entry, with up to `examples` example ids each.
absl::StatusOr<std::vector<ReplayOutcome>> ReplayStories(const ReadOnlyDatabase& db,
                                                         size_t examples);

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_REPLAY_H_
