// asanasim generate [options]: one or many organizations into one SQLite file.
#include <cstdio>
#include <memory>

#include "asanasim/generate.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/output.h"
#include "src/cli/signals.h"
#include "src/config/generate_settings.h"
#include "src/llm/tier.h"
#include "src/store/output_target.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

struct CliFlags {
  bool quiet = false;
  bool verbose = false;
  bool json = false;
};

const Setting<CliFlags> kCliSettings[] = {
    {{.name = "quiet",
      .short_name = 'q',
      .type = SettingType::kBool,
      .doc = "no progress and no summary"},
     ASANASIM_SETTING_FIELD(CliFlags, quiet)},
    {{.name = "verbose",
      .short_name = 'v',
      .type = SettingType::kBool,
      .doc = "one line per LLM request (status, tokens, latency, attempt) on stderr"},
     ASANASIM_SETTING_FIELD(CliFlags, verbose)},
    {{.name = "json",
      .type = SettingType::kBool,
      .doc = "print the run's record (the manifest's fields) as JSON on stdout instead of the "
             "summary"},
     ASANASIM_SETTING_FIELD(CliFlags, json)},
};

constexpr CommandExample kExamples[] = {
    {"asanasim generate -o world.sqlite",
     "The default world: TechFlow Solutions, 300 people, 60 projects, six months of work."},
    {"asanasim generate -o universe.sqlite --orgs 20 --users 400 -s 7",
     "Twenty organizations of different industries and sizes from seed 7; the same command gives "
     "the same bytes."},
    {"asanasim generate -o part0.sqlite --orgs 20 --org-range 0:10",
     "Half of that universe, exactly as the full run makes it (the other half on another node; "
     "then asanasim merge)."},
    {"asanasim generate -o big.sqlite --orgs 100 --compress -q",
     "A large universe written as big.sqlite.zst, quietly."},
    {"GROQ_API_KEY=... asanasim generate -o llm.sqlite --llm groq --llm-cache cache",
     "Task stories partly written by an LLM on Groq; responses are cached, so a rerun makes no "
     "request."},
};

constexpr CommandSpec kSpec{
    .name = "generate",
    .summary =
        "Writes the six-month history of one or many Asana-like organizations into one "
        "SQLite file.",
    .description =
        "The database is built as OUT.partial.PID and renamed onto OUT only when complete,\n"
        "with OUT.manifest.json (the run's record) beside it. OUT.lock keeps a second run off\n"
        "the same OUT while this one works. Only regular files are ever replaced. Exit status:\n"
        "0 success, 1 runtime failure, 2 bad usage or configuration (or OUT busy), 130\n"
        "interrupted (SIGINT), 143 terminated (SIGTERM).\n",
    .reads_configuration = true,
    .examples = kExamples};

}  // namespace

absl::Status RunGenerate(std::span<const std::string> args) {
  GenerateOptions options;
  CliFlags flags;
  const SettingBinding bindings[] = {SettingBinding(GenerateSettings(), options),
                                     SettingBinding(kCliSettings, flags)};
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kSpec, bindings, args));
  if (!operands.has_value()) return absl::OkStatus();
  ASANASIM_RETURN_IF_ERROR(ValidateOptions(options));
  // The output before anything else: its problems (a device, another run writing it) are usage
  // errors (exit 2), reported at once.
  options.cancel = CatchInterrupts();
  std::unique_ptr<OutputTarget> target;
  if (!options.discard) {
    ASANASIM_ASSIGN_OR_RETURN(
        target,
        OutputTarget::Acquire(options.out, {.force = options.force, .compress = options.compress}));
    options.target = target.get();
  }
  ProgressPrinter printer;
  if (!flags.quiet) {
    options.progress = [&printer](const GenerateProgress& p) { printer(p); };
    options.llm.progress = LlmProgressPrinter();
  }
  if (flags.verbose) options.llm.log = LlmLogPrinter();
  absl::StatusOr<GenerateSummary> summary = Generate(options);
  printer.Done();
  if (!summary.ok()) {
    // Whatever it says, a run that got this far failed at run time (or was interrupted).
    if (absl::IsCancelled(summary.status())) return summary.status();
    return absl::InternalError(summary.status().message());
  }
  if (summary->llm.has_value()) ReportLlmProblems(*summary->llm);
  if (flags.json) {
    std::fputs(summary->manifest.c_str(), stdout);
  } else if (!flags.quiet) {
    PrintSummary(*summary, options.out);
    if (summary->llm.has_value()) std::printf("%s\n", LlmSummaryLine(*summary->llm).c_str());
  }
  return absl::OkStatus();
}

}  // namespace asanasim
