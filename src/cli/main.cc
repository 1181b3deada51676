// asanasim: the command-line entry point. Parses the command, reports errors as one line on
// stderr and maps them to exit codes (0 success, 1 runtime failure, 2 bad usage or
// configuration, 130 interrupted).
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "asanasim/generate.h"
#include "src/cli/config.h"

namespace asanasim {
namespace {

constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};

extern "C" void OnSignal(int) { g_interrupted.store(true); }

const char kUsage[] =
    "usage: asanasim <command> [options]\n\n"
    "commands:\n"
    "  generate     write the history of one or many organizations into a SQLite database\n\n"
    "  asanasim generate --help   options of generate\n"
    "  asanasim --version         print the version\n";

std::string Thousands(int64_t v) {
  std::string digits = std::to_string(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(::isatty(STDERR_FILENO) == 1) {}

  void operator()(const GenerateProgress& p) {
    if (!tty_ && !p.finishing && p.seconds - last_line_ < 5.0) return;
    last_line_ = p.seconds;
    const double rate = p.seconds > 0 ? p.rows_written / p.seconds : 0.0;
    const std::string jobs = p.jobs_total > 0
                                 ? Thousands(p.jobs_done) + "/" + Thousands(p.jobs_total)
                                 : Thousands(p.jobs_done);
    std::fprintf(stderr, "%s[asanasim] %s jobs, %s rows, %s rows/s, %.1f s%s%s", tty_ ? "\r" : "",
                 jobs.c_str(), Thousands(p.rows_written).c_str(),
                 Thousands(static_cast<int64_t>(rate)).c_str(), p.seconds,
                 p.finishing ? ", building indexes" : "", tty_ ? "\033[K" : "\n");
    std::fflush(stderr);
    dirty_ = tty_;
  }
  void Done() {
    if (dirty_) std::fputc('\n', stderr);
  }

 private:
  bool tty_;
  bool dirty_ = false;
  double last_line_ = -1e9;
};

int RunGenerate(const std::vector<std::string>& args) {
  absl::StatusOr<CliConfig> config = ParseGenerateConfig(
      args, [](const char* k) { return std::getenv(k); }, ".env");
  if (!config.ok()) {
    std::fprintf(stderr, "asanasim: %s\n", std::string(config.status().message()).c_str());
    return kExitUsage;
  }
  if (config->help) {
    std::fputs(GenerateUsage().c_str(), stdout);
    return 0;
  }
  GenerateOptions& options = config->options;
  for (absl::Status s : {ValidateOptions(options), CheckOutputPath(options)}) {
    if (!s.ok()) {
      std::fprintf(stderr, "asanasim: %s\n", std::string(s.message()).c_str());
      return kExitUsage;
    }
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  options.cancel = &g_interrupted;
  ProgressPrinter printer;
  if (!config->quiet) options.progress = [&printer](const GenerateProgress& p) { printer(p); };

  absl::StatusOr<GenerateSummary> summary = Generate(options);
  printer.Done();
  if (!summary.ok()) {
    std::fprintf(stderr, "asanasim: %s\n", std::string(summary.status().message()).c_str());
    if (absl::IsCancelled(summary.status())) return kExitInterrupted;
    return kExitRuntime;
  }
  if (!config->quiet) {
    std::printf("wrote %s\n", options.out.c_str());
    for (const TableRowCount& t : summary->tables) {
      std::printf("  %-30s %12s\n", t.table.c_str(), Thousands(t.rows).c_str());
    }
    std::printf("  %-30s %12s\n", "total rows", Thousands(summary->total_rows).c_str());
    std::printf(
        "%.2f s (%.2f s building indexes), %s rows/s\n", summary->seconds, summary->index_seconds,
        Thousands(static_cast<int64_t>(summary->total_rows / std::max(summary->seconds, 1e-9)))
            .c_str());
  }
  return 0;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? kExitUsage : 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("asanasim %s\n", Version());
    return 0;
  }
  if (args[0] == "generate") return RunGenerate({args.begin() + 1, args.end()});
  std::fprintf(stderr, "asanasim: unknown command '%s' (see asanasim --help)\n", args[0].c_str());
  return kExitUsage;
}

}  // namespace
}  // namespace asanasim

int main(int argc, char** argv) { return asanasim::Main(argc, argv); }
