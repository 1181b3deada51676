#include "src/util/interrupt.h"

#include <string>

namespace asanasim {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};

}  // namespace

const std::atomic<bool>& InterruptFlag() { return g_interrupted; }

int InterruptSignal() { return g_signal.load(std::memory_order_relaxed); }

void RaiseInterrupt(int signal) {
  int none = 0;
  g_signal.compare_exchange_strong(none, signal);
  g_interrupted.store(true);
}

absl::Status InterruptedError(std::string_view what) {
  return absl::CancelledError(std::string("interrupted while ") + std::string(what));
}

extern "C" int InterruptProgressHandler(void*) { return Interrupted() ? 1 : 0; }

}  // namespace asanasim
