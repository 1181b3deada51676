// asanasim llm warm [options]: fills the LLM response cache ahead of time, so that machines
// without network (cluster nodes) can generate with --llm-offline from a shared cache.
#include <cstdio>
#include <filesystem>

#include "asanasim/generate.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/cli/output.h"
#include "src/cli/signals.h"
#include "src/config/generate_settings.h"
#include "src/llm/archetypes.h"
#include "src/llm/tier.h"
#include "src/plan/org_plan.h"
#include "src/text/vocabulary.h"
#include "src/util/file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

struct CliFlags {
  bool quiet = false;
  bool verbose = false;
  std::string export_dir;
};

const Setting<CliFlags> kCliSettings[] = {
    {{.name = "quiet", .short_name = 'q', .type = SettingType::kBool, .doc = "no progress"},
     ASANASIM_SETTING_FIELD(CliFlags, quiet)},
    {{.name = "verbose",
      .short_name = 'v',
      .type = SettingType::kBool,
      .doc = "one line per LLM request (status, tokens, latency, attempt) on stderr"},
     ASANASIM_SETTING_FIELD(CliFlags, verbose)},
    {{.name = "export",
      .type = SettingType::kText,
      .value_name = "DIR",
      .doc = "also write the accepted archetypes to DIR/<pack>/archetypes/<department>.llm.toml "
             "(beside `pack export DIR`'s files: read, edit, `pack check DIR`, --pack-dir DIR)"},
     ASANASIM_SETTING_FIELD(CliFlags, export_dir)},
};

constexpr CommandExample kExamples[] = {
    {"asanasim llm warm --orgs 5 --llm-archetypes 8 --llm-cache cache",
     "On a node with network: fill cache/ with what a five-org run needs."},
    {"asanasim generate --orgs 5 --llm groq --llm-cache cache --llm-offline -o w.sqlite",
     "Then, on a node without network, the same world with no request."},
    {"asanasim llm warm --orgs 5 --llm-archetypes 8 --export llm-packs",
     "Also write the archetypes as a pack directory (for --pack-dir, with no cache at all)."},
};

constexpr CommandSpec kSpec{
    .name = "llm warm",
    .summary =
        "Fills the LLM response cache (--llm-cache DIR) with the archetypes these settings "
        "need.",
    .description =
        "Over the network, paced and retried like generate, for the packs of the world that\n"
        "--seed and --orgs describe. Takes generate's options; the llm-* ones, --seed, --orgs,\n"
        "--pack-dir and GROQ_API_KEY / GROQ_MODEL / GROQ_BASE_URL matter. Then any machine with\n"
        "the same cache and settings generates with --llm-offline and makes no request.\n"
        "Exit 0 when every department got its archetypes, 1 when the tier stopped or a budget\n"
        "or quota left some short.\n",
    .reads_configuration = true,
    .examples = kExamples};

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
  const Vocabulary& vocabulary = packs != nullptr ? *packs : Vocabulary::BuiltIn();
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!flags.export_dir.empty() && fs::exists(flags.export_dir, ec) &&
      !fs::is_directory(flags.export_dir, ec)) {
    return absl::InvalidArgumentError(
        Cat("--export ", flags.export_dir, ": exists and is not a directory"));
  }
  LlmStats stats;
  const WorldConfig world{
      .seed = options.seed, .org_count = options.orgs, .vocabulary = &vocabulary};
  absl::StatusOr<LlmArchetypes> archetypes = WriteArchetypes(
      llm, vocabulary, PacksOfWorld(world), /*jitter_seed=*/options.seed + 1, &stats);
  if (!archetypes.ok()) {
    if (absl::IsCancelled(archetypes.status())) return archetypes.status();  // exit 130
    return absl::InternalError(archetypes.status().message());
  }
  CompleteLlmStats(llm, stats);
  ReportLlmProblems(stats);
  if (!flags.quiet) std::printf("%s\n", LlmSummaryLine(stats).c_str());
  if (!flags.export_dir.empty()) {
    for (const auto& [rel, text] : archetypes->files) {
      const fs::path path = fs::path(flags.export_dir) / rel;
      ASANASIM_RETURN_IF_ERROR(MakeDirectories(path.parent_path().string()));
      ASANASIM_RETURN_IF_ERROR(WriteFileAtomically(path.string(), text));
    }
    if (!flags.quiet) {
      std::printf("wrote %zu files to %s\n", archetypes->files.size(), flags.export_dir.c_str());
    }
  }
  if (!stats.fatal.empty()) return Unsatisfied("the LLM tier stopped; the cache is incomplete");
  if (stats.archetypes < stats.archetypes_wanted) {
    return Unsatisfied(
        Cat(std::to_string(stats.archetypes_wanted - stats.archetypes), " archetypes are missing"));
  }
  return absl::OkStatus();
}

}  // namespace asanasim
