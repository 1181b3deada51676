#include "src/cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

std::string Duration(double seconds) {
  const int64_t s = static_cast<int64_t>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof(buf), "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof(buf), "%lld:%02lld", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  }
  return buf;
}

}  // namespace

ProgressPrinter::ProgressPrinter() : tty_(::isatty(STDERR_FILENO) == 1) {}

void ProgressPrinter::operator()(const GenerateProgress& p) {
  if (!tty_ && !p.finishing && p.seconds - last_line_ < 5.0) return;
  last_line_ = p.seconds;
  const double rate = p.seconds > 0 ? p.rows_written / p.seconds : 0.0;
  // Projects are the unit of work known up front; rows follow them closely.
  const double fraction =
      p.projects_total > 0
          ? std::min(1.0, static_cast<double>(p.projects_written) / p.projects_total)
          : 0.0;
  std::string line;
  if (tty_) {
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(fraction * kWidth);
    line = "\r[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
  } else {
    line = "[asanasim] ";
  }
  char pct[16];
  std::snprintf(pct, sizeof(pct), "%3.0f%% ", 100 * fraction);
  line += pct;
  line += Thousands(p.rows_written) + " rows";
  if (fraction > 0.02 && fraction < 1.0) {
    line += " of ~" + Thousands(static_cast<int64_t>(p.rows_written / fraction));
  }
  line += ", " + Thousands(static_cast<int64_t>(rate)) + " rows/s, " + Duration(p.seconds);
  if (p.finishing) {
    line += ", building indexes";
  } else if (fraction > 0.02) {
    line += ", ETA " + Duration(p.seconds * (1 - fraction) / fraction);
  }
  line += tty_ ? "\033[K" : "\n";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  dirty_ = tty_;
}

void ProgressPrinter::Done() {
  if (dirty_) std::fputc('\n', stderr);
}

std::function<void(const LlmProgress&)> LlmProgressPrinter() {
  struct State {
    bool tty = ::isatty(STDERR_FILENO) == 1;
    size_t printed_done = SIZE_MAX;
    std::chrono::steady_clock::time_point printed_at;
  };
  auto state = std::make_shared<State>();
  return [state](const LlmProgress& p) {
    std::string line =
        Cat("llm archetypes: ", std::to_string(p.done), "/", std::to_string(p.total), " requests, ",
            std::to_string(p.in_flight), " in flight, ", Thousands(p.tokens), " tokens");
    if (p.token_budget > 0) line += Cat(" of ", Thousands(p.token_budget));
    if (p.wait_s > 0.5) {
      line += Cat(", waiting ", FormatSeconds(p.wait_s),
                  p.wait_for.empty() ? std::string() : Cat(" for ", p.wait_for));
    }
    if (p.eta_s >= 0 && p.done < p.total) line += Cat(", ETA ", FormatSeconds(p.eta_s));
    const auto now = std::chrono::steady_clock::now();
    if (state->tty) {
      std::fprintf(stderr, "\r%s\033[K%s", line.c_str(), p.done == p.total ? "\n" : "");
    } else if (p.done != state->printed_done &&
               (p.done % 10 == 0 || p.done == p.total ||
                now - state->printed_at > std::chrono::seconds(30))) {
      // A log: every tenth request, the last, and at least every 30 s while requests finish.
      std::fprintf(stderr, "%s\n", line.c_str());
      state->printed_done = p.done;
      state->printed_at = now;
    }
    std::fflush(stderr);
  };
}

std::function<void(std::string_view)> LlmLogPrinter() {
  return [](std::string_view line) {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
  };
}

void ReportLlmProblems(const LlmStats& s) {
  if (!s.fatal.empty()) {
    std::fprintf(stderr,
                 "asanasim: LLM tier stopped: %s; the rest of the text comes from templates\n",
                 s.fatal.c_str());
  } else if (s.deadline_passed) {
    std::fprintf(stderr,
                 "asanasim: LLM tier stopped at its deadline (--llm-deadline %s); the rest of the "
                 "text comes from templates (the cache keeps what was written, so a re-run "
                 "continues)\n",
                 FormatSeconds(s.deadline_s).c_str());
  } else if (s.parked) {
    std::fprintf(stderr,
                 "asanasim: LLM tier parked: Groq's daily quota is used up; the rest of the text "
                 "comes from templates (the cache keeps what was written)\n");
  }
}

void PrintSummary(const GenerateSummary& summary, const std::string& out) {
  const bool discarded = summary.hash.overall.empty();
  if (discarded) {
    std::printf("generated and discarded (--discard)\n");
  } else {
    std::printf("wrote %s\n",
                summary.compressed_path.empty() ? out.c_str() : summary.compressed_path.c_str());
  }
  for (const TableRowCount& t : summary.tables) {
    std::printf("  %-30s %12s\n", t.table.c_str(), Thousands(t.rows).c_str());
  }
  std::printf("  %-30s %12s\n", "total rows", Thousands(summary.total_rows).c_str());
  std::printf("%.2f s (%.2f s building indexes), %s rows/s\n", summary.seconds,
              summary.index_seconds,
              Thousands(static_cast<int64_t>(summary.total_rows / std::max(summary.seconds, 1e-9)))
                  .c_str());
  if (discarded) return;
  std::printf("content hash %s, %s bytes", summary.hash.overall.c_str(),
              Thousands(summary.database_bytes).c_str());
  if (!summary.compressed_path.empty()) {
    std::printf(", compressed to %s bytes (ratio %.1f)",
                Thousands(summary.compressed_bytes).c_str(),
                static_cast<double>(summary.database_bytes) /
                    std::max<int64_t>(summary.compressed_bytes, 1));
  }
  std::printf("\n");
}

}  // namespace asanasim
