// How a command's outcome becomes asanasim's exit status, in one place:
//   0    success
//   1    a runtime failure, or a command that ran and answered "no" (validate found violations,
//        hash --check differs, llm warm left pools short)
//   2    bad usage or input: options, configuration, missing/foreign/corrupt files, an output
//        that exists without --force (one line on stderr; nothing on disk created or changed)
//   130  interrupted (SIGINT, SIGTERM)
// Thread-safe (pure functions; Finish writes one line to stderr).
#ifndef ASANASIM_SRC_CLI_EXIT_CODE_H_
#define ASANASIM_SRC_CLI_EXIT_CODE_H_

#include <string_view>

#include "absl/status/status.h"

namespace asanasim {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 130;  // SIGINT
inline constexpr int kExitTerminated = 143;   // SIGTERM (Slurm's time limit sends it first)

// The outcome of a command that ran and answered "no": exit 1, with `message` on stderr.
absl::Status Unsatisfied(std::string_view message);

// The exit status of a command that ended with `status`.
int ExitCodeFor(const absl::Status& status);

// Prints "asanasim: MESSAGE" on stderr unless `status` is ok; returns ExitCodeFor(status).
int Finish(const absl::Status& status);

}  // namespace asanasim

#endif  // ASANASIM_SRC_CLI_EXIT_CODE_H_
