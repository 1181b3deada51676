#include "src/cli/signals.h"

#include <csignal>

#include "src/util/interrupt.h"

namespace asanasim {
namespace {

extern "C" void OnSignal(int signal) {
  // The first signal asks the run to stop cleanly; a second one (a user pressing ^C again, or a
  // scheduler that will not wait) ends the process at once. The next run removes its leftovers.
  if (Interrupted()) {
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return;
  }
  RaiseInterrupt(signal);
}

}  // namespace

const std::atomic<bool>* CatchInterrupts() {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  return &InterruptFlag();
}

}  // namespace asanasim
