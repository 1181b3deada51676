// asanasim pack author --industry TEXT --out DIR [--departments LIST] [--force] [llm options]:
// the LLM writes a pack for an industry the packs do not ship (src/llm/pack_author.h), into a
// whole pack directory that `pack check` accepts and `generate --pack-dir` reads.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "asanasim/generate.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/cli/output.h"
#include "src/cli/signals.h"
#include "src/config/generate_settings.h"
#include "src/llm/pack_author.h"
#include "src/llm/tier.h"
#include "src/text/vocabulary.h"
#include "src/util/file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

struct AuthorFlags {
  std::string industry;
  std::string out;
  std::string departments = "engineering,product,marketing,sales,customer_success,operations";
  bool force = false;
  bool quiet = false;
  bool verbose = false;
};

const Setting<AuthorFlags> kAuthorSettings[] = {
    {{.name = "industry",
      .type = SettingType::kText,
      .value_name = "TEXT",
      .doc = "the industry, as an organization's industry reads (\"Municipal water utility\")"},
     ASANASIM_SETTING_FIELD(AuthorFlags, industry)},
    {{.name = "out",
      .short_name = 'o',
      .type = SettingType::kPath,
      .value_name = "DIR",
      .doc = "the pack directory to write: the built-in packs (or --pack-dir's) and the new one"},
     ASANASIM_SETTING_FIELD(AuthorFlags, out)},
    {{.name = "departments",
      .type = SettingType::kText,
      .value_name = "LIST",
      .doc = "department files the LLM writes (comma-separated); the others are the default "
             "pack's"},
     ASANASIM_SETTING_FIELD(AuthorFlags, departments)},
    {{.name = "force",
      .short_name = 'f',
      .type = SettingType::kBool,
      .doc = "overwrite files that exist in DIR"},
     ASANASIM_SETTING_FIELD(AuthorFlags, force)},
    {{.name = "quiet", .short_name = 'q', .type = SettingType::kBool, .doc = "no progress"},
     ASANASIM_SETTING_FIELD(AuthorFlags, quiet)},
    {{.name = "verbose",
      .short_name = 'v',
      .type = SettingType::kBool,
      .doc = "one line per LLM request (status, tokens, latency, attempt) on stderr"},
     ASANASIM_SETTING_FIELD(AuthorFlags, verbose)},
};

constexpr CommandExample kExamples[] = {
    {"asanasim pack author --industry \"Municipal water utility\" --out packs",
     "The LLM writes a pack for a new industry into packs/, beside the built-in ones."},
    {"asanasim pack check packs && asanasim generate --pack-dir packs --orgs 20",
     "Check it, then generate a universe that uses it."},
};

constexpr CommandSpec kSpec{
    .name = "pack author",
    .summary = "The LLM writes a pack for an industry the packs do not ship (tier 3).",
    .description =
        "Asks the model (GROQ_API_KEY, --llm-* options, paced and cached like generate) for the\n"
        "departments of --departments (teams, titles, projects, slots, templates; workflow,\n"
        "fields and tags are the default pack's), each checked like `pack check` and asked for\n"
        "again with the reasons, then for archetypes for every department of the new pack.\n"
        "Writes a whole pack directory: the built-in packs (or --pack-dir's), common.toml with\n"
        "company kinds of the industry, and the new pack in DIR/<industry-in-kebab-case>/.\n"
        "Deterministic from the response cache. Exit 0 when every department was written by the\n"
        "LLM, 1 when some were reused from the default pack (the directory is usable either "
        "way).\n",
    .reads_configuration = true,
    .examples = kExamples};

}  // namespace

absl::Status RunPackAuthor(std::span<const std::string> args) {
  GenerateOptions options;
  AuthorFlags flags;
  // generate's settings but its --out (a database) and --force: here they are the directory's.
  std::vector<Setting<GenerateOptions>> settings;
  for (const Setting<GenerateOptions>& s : GenerateSettings()) {
    if (s.info.name != "out" && s.info.name != "force") settings.push_back(s);
  }
  const SettingBinding bindings[] = {
      SettingBinding(std::span<const Setting<GenerateOptions>>(settings), options),
      SettingBinding(kAuthorSettings, flags)};
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kSpec, bindings, args));
  if (!operands.has_value()) return absl::OkStatus();
  if (flags.industry.empty())
    return absl::InvalidArgumentError("pack author needs --industry TEXT");
  if (flags.out.empty()) return absl::InvalidArgumentError("pack author needs --out DIR");
  LlmOptions& llm = options.llm;
  if (llm.mode.empty()) llm.mode = "groq";
  if (llm.mode == "off") return absl::InvalidArgumentError("pack author needs --llm groq");
  ASANASIM_RETURN_IF_ERROR(CheckSettings(GenerateSettings(), options));
  ASANASIM_RETURN_IF_ERROR(CheckLlmOptions(llm));
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(flags.out, ec) && !fs::is_directory(flags.out, ec))
    return absl::InvalidArgumentError(Cat("--out ", flags.out, ": exists and is not a directory"));
  std::vector<std::string> departments;
  for (std::string_view rest = flags.departments; !rest.empty();) {
    const size_t comma = rest.find(',');
    std::string_view d = rest.substr(0, comma);
    while (!d.empty() && d.front() == ' ') d.remove_prefix(1);
    while (!d.empty() && d.back() == ' ') d.remove_suffix(1);
    if (!d.empty()) departments.emplace_back(d);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  std::unique_ptr<const Vocabulary> packs;
  if (!options.pack_dir.empty()) {
    ASANASIM_ASSIGN_OR_RETURN(packs, Vocabulary::Load(options.pack_dir));
  }
  const Vocabulary& base = packs != nullptr ? *packs : Vocabulary::BuiltIn();
  if (!flags.quiet) llm.progress = LlmProgressPrinter();
  if (flags.verbose) llm.log = LlmLogPrinter();
  llm.cancel = CatchInterrupts();
  llm.start = std::chrono::steady_clock::now();  // --llm-deadline covers both phases
  LlmStats stats;
  absl::StatusOr<AuthoredPack> pack =
      AuthorPack(llm, base, flags.industry, departments, /*jitter_seed=*/options.seed + 1, &stats);
  if (!pack.ok()) {
    if (absl::IsCancelled(pack.status())) return pack.status();  // exit 130
    return pack.status();
  }
  CompleteLlmStats(llm, stats);
  ReportLlmProblems(stats);
  // Every refusal before the first write: nothing half-written.
  if (!flags.force) {
    for (const auto& [rel, text] : pack->files) {
      const fs::path path = fs::path(flags.out) / rel;
      if (fs::exists(path, ec))
        return absl::InvalidArgumentError(
            Cat(path.string(), " already exists (--force overwrites)"));
    }
  }
  for (const auto& [rel, text] : pack->files) {
    const fs::path path = fs::path(flags.out) / rel;
    ASANASIM_RETURN_IF_ERROR(MakeDirectories(path.parent_path().string()));
    ASANASIM_RETURN_IF_ERROR(WriteFileAtomically(path.string(), text));
  }
  if (!flags.quiet) {
    std::printf("%s\n", LlmSummaryLine(stats).c_str());
    std::string words;
    for (const std::string& w : pack->company_words) words += Cat(words.empty() ? "" : ", ", w);
    std::printf(
        "wrote the pack %s to %s/%s: %zu departments by the LLM, %zu reused, %lld archetypes; "
        "company names end in %s (check with: asanasim pack check %s)\n",
        pack->name.c_str(), flags.out.c_str(), pack->name.c_str(), pack->authored.size(),
        pack->reused.size(), static_cast<long long>(pack->archetypes), words.c_str(),
        flags.out.c_str());
  }
  if (!stats.fatal.empty()) return Unsatisfied("the LLM tier stopped; the pack is incomplete");
  if (pack->authored.size() < departments.size()) {
    return Unsatisfied(Cat(std::to_string(departments.size() - pack->authored.size()),
                           " departments were reused from the default pack"));
  }
  return absl::OkStatus();
}

}  // namespace asanasim
