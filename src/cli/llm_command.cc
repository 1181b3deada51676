// asanasim llm warm [options]: fills the LLM response cache ahead of time, so that machines
// without network (cluster nodes) can generate with --llm-offline from a shared cache.
#include <cstdio>

#include "asanasim/generate.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/cli/output.h"
#include "src/cli/signals.h"
#include "src/config/generate_settings.h"
#include "src/llm/pools.h"
#include "src/llm/tier.h"
#include "src/text/vocabulary.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

struct CliFlags {
  bool quiet = false;
  bool verbose = false;
};

const Setting<CliFlags> kCliSettings[] = {
    {{.name = "quiet", .short_name = 'q', .type = SettingType::kBool, .doc = "no progress"},
     ASANASIM_SETTING_FIELD(CliFlags, quiet)},
    {{.name = "verbose",
      .short_name = 'v',
      .type = SettingType::kBool,
      .doc = "one line per LLM request (status, tokens, latency, attempt) on stderr"},
     ASANASIM_SETTING_FIELD(CliFlags, verbose)},
};

constexpr CommandSpec kSpec{
    .name = "llm warm",
    .summary = "Fills the LLM response cache (--llm-cache DIR) for the pools these settings need.",
    .description =
        "Over the network, paced and retried like generate. Takes generate's options; only the\n"
        "llm-* ones and GROQ_API_KEY / GROQ_MODEL / GROQ_BASE_URL matter. Then any machine with\n"
        "the same cache and settings generates with --llm-offline and makes no request.\n"
        "Exit 0 when every pool is full, 1 when the tier stopped or a quota left pools short.\n",
    .reads_configuration = true};

}  // namespace

absl::Status RunLlm(std::span<const std::string> args) {
  if (args.empty() || args[0] != "warm") {
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
      std::fputs("usage: asanasim llm warm [options]   (asanasim llm warm --help for more)\n",
                 stdout);
      return absl::OkStatus();
    }
    return absl::InvalidArgumentError(
        Cat("llm needs a subcommand: warm", args.empty() ? "" : Cat(" (not '", args[0], "')")));
  }
  GenerateOptions options;
  CliFlags flags;
  const SettingBinding bindings[] = {SettingBinding(GenerateSettings(), options),
                                     SettingBinding(kCliSettings, flags)};
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kSpec, bindings, args.subspan(1)));
  if (!operands.has_value()) return absl::OkStatus();
  LlmOptions& llm = options.llm;
  if (llm.mode.empty()) llm.mode = "groq";
  if (llm.mode == "off") return absl::InvalidArgumentError("llm warm needs --llm groq");
  ASANASIM_RETURN_IF_ERROR(CheckSettings(GenerateSettings(), options));
  ASANASIM_RETURN_IF_ERROR(CheckLlmOptions(llm));
  if (!flags.quiet) llm.progress = LlmProgressPrinter();
  if (flags.verbose) llm.log = LlmLogPrinter();
  llm.cancel = CatchInterrupts();
  std::unique_ptr<const Vocabulary> packs;
  if (!options.pack_dir.empty()) {
    ASANASIM_ASSIGN_OR_RETURN(packs, Vocabulary::Load(options.pack_dir));
  }
  LlmStats stats;
  absl::StatusOr<TextPools> pools =
      FillPools(llm, packs != nullptr ? *packs : Vocabulary::BuiltIn(),
                /*jitter_seed=*/options.seed + 1, &stats);
  if (!pools.ok()) {
    if (absl::IsCancelled(pools.status())) return pools.status();  // exit 130
    return absl::InternalError(pools.status().message());
  }
  CompleteLlmStats(llm, *pools, stats);
  ReportLlmProblems(stats);
  if (!flags.quiet) std::printf("%s\n", LlmSummaryLine(stats).c_str());
  if (!stats.fatal.empty()) return Unsatisfied("the LLM tier stopped; the cache is incomplete");
  if (stats.fallbacks > 0)
    return Unsatisfied(Cat(std::to_string(stats.fallbacks), " pool variants are missing"));
  return absl::OkStatus();
}

}  // namespace asanasim
