// The validator's checks as data: business rules (a query selecting the ids of offending rows)
// and realism statistics (a query returning value and sample size, with a target range). Thread-
// safe (constants).
#ifndef ASANASIM_SRC_VALIDATE_CHECKS_H_
#define ASANASIM_SRC_VALIDATE_CHECKS_H_

#include <span>
#include <string_view>

namespace asanasim {

struct RuleCheck {
  std::string_view name;
  std::string_view description;
  std::string_view offenders_sql;  // SELECT <id> ... : one row per violation
};

struct StatCheck {
  std::string_view name;
  std::string_view description;
  std::string_view sql;  // SELECT value, sample; empty: computed by the rhythm pass (rhythm.h)
  double lo;
  double hi;
  int64_t min_sample;
};

std::span<const RuleCheck> RuleChecks();
std::span<const StatCheck> StatChecks();

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_CHECKS_H_
