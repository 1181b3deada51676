// The data of the report's charts besides the activity (which the rhythm pass gives): completion
// lag on log bins, open vs completed by week, tasks per assignee. Thread-compatible.
#ifndef ASANASIM_SRC_VALIDATE_CHARTS_H_
#define ASANASIM_SRC_VALIDATE_CHARTS_H_

#include "absl/status/status.h"
#include "asanasim/validate.h"
#include "src/store/database_file.h"

namespace asanasim {

absl::Status GatherCharts(const ReadOnlyDatabase& db, ValidationCharts& charts);

}  // namespace asanasim

#endif  // ASANASIM_SRC_VALIDATE_CHARTS_H_
