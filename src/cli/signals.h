// SIGINT and SIGTERM as a flag that long commands poll (generate stops soon, removes its partial
// file and exits 130). Thread-safe (an atomic flag set from a signal handler).
#ifndef ASANASIM_SRC_CLI_SIGNALS_H_
#define ASANASIM_SRC_CLI_SIGNALS_H_

#include <atomic>

namespace asanasim {

// Installs the handlers (once) and returns the flag they set.
const std::atomic<bool>* CatchInterrupts();

}  // namespace asanasim

#endif  // ASANASIM_SRC_CLI_SIGNALS_H_
