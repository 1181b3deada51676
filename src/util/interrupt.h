// The process's interrupt: raised by the command line's SIGINT/SIGTERM handlers
// (src/cli/signals.h) and polled by the long loops of every layer (the LLM phase, generation, the
// index build, hashing, compression, decompression, merge, validation), so that a signal stops
// the run within a second and every temporary file is removed on the way out. Thread-safe (an
// atomic set from a signal handler).
#ifndef ASANASIM_SRC_UTIL_INTERRUPT_H_
#define ASANASIM_SRC_UTIL_INTERRUPT_H_

#include <atomic>
#include <string_view>

#include "absl/status/status.h"

namespace asanasim {

// The flag (for APIs that take a cancel pointer).
const std::atomic<bool>& InterruptFlag();
inline bool Interrupted() { return InterruptFlag().load(std::memory_order_relaxed); }
// The signal that raised it (SIGINT, SIGTERM), or 0.
int InterruptSignal();
// Async-signal-safe.
void RaiseInterrupt(int signal);
// Cancelled: "interrupted while <what>".
absl::Status InterruptedError(std::string_view what);

// For sqlite3_progress_handler: non-zero (stop the statement) once interrupted.
extern "C" int InterruptProgressHandler(void*);

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_INTERRUPT_H_
