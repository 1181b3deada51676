// SIGINT and SIGTERM as the process's interrupt (src/util/interrupt.h), which long phases poll:
// the command stops within a second, removes its temporary files and exits 130 (SIGINT) or 143
// (SIGTERM). A second signal ends the process at once. Thread-safe (an atomic flag set from a
// signal handler).
#ifndef ASANASIM_SRC_CLI_SIGNALS_H_
#define ASANASIM_SRC_CLI_SIGNALS_H_

#include <atomic>

namespace asanasim {

// Installs the handlers (once) and returns the flag they set.
const std::atomic<bool>* CatchInterrupts();

}  // namespace asanasim

#endif  // ASANASIM_SRC_CLI_SIGNALS_H_
