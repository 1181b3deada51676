// What the commands print while and after they work: the progress line (a bar redrawn on a
// terminal, a line every 5 seconds in logs), the pool phase's progress, the summary of a written
// database, and the LLM tier's problems. Thread-compatible (each printer is used from one thread
// at a time; the pipeline calls them on its writer and pool threads in turn).
#ifndef ASANASIM_SRC_CLI_OUTPUT_H_
#define ASANASIM_SRC_CLI_OUTPUT_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "asanasim/generate.h"

namespace asanasim {

// On a terminal: a bar redrawn in place with rows done of (estimated) planned, rows/s and ETA.
// Otherwise (logs, Slurm): one line every 5 seconds.
class ProgressPrinter {
 public:
  ProgressPrinter();
  void operator()(const GenerateProgress& p);
  // Ends a bar left on the terminal.
  void Done();

 private:
  bool tty_;
  bool dirty_ = false;
  double last_line_ = -1e9;
};

// Progress of the pool phase on stderr (requests, tokens, the current wait and why, an ETA):
// redrawn on a terminal; otherwise a line every 10 requests and at least every 30 s.
std::function<void(const LlmProgress&)> LlmProgressPrinter();
// `-v`: one line per HTTP attempt of the pool phase, on stderr.
std::function<void(std::string_view)> LlmLogPrinter();

// One clear line on stderr when the LLM tier could not do its job (even with --quiet).
void ReportLlmProblems(const LlmStats& s);

// Tables and rows, time and speed, content hash and size of a written (or discarded) database.
void PrintSummary(const GenerateSummary& summary, const std::string& out);

}  // namespace asanasim

#endif  // ASANASIM_SRC_CLI_OUTPUT_H_
