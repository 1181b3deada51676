#include "src/cli/signals.h"

#include <csignal>

namespace asanasim {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void OnSignal(int) { g_interrupted.store(true); }

}  // namespace

const std::atomic<bool>* CatchInterrupts() {
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  return &g_interrupted;
}

}  // namespace asanasim
