#include "src/cli/exit_code.h"

#include <csignal>
#include <cstdio>
#include <string>

#include "src/util/interrupt.h"

namespace asanasim {

absl::Status Unsatisfied(std::string_view message) {
  return absl::AbortedError(std::string(message));
}

int ExitCodeFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return kExitOk;
    case absl::StatusCode::kCancelled:
      return InterruptSignal() == SIGTERM ? kExitTerminated : kExitInterrupted;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kPermissionDenied:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

int Finish(const absl::Status& status) {
  if (!status.ok()) std::fprintf(stderr, "asanasim: %s\n", std::string(status.message()).c_str());
  return ExitCodeFor(status);
}

}  // namespace asanasim
