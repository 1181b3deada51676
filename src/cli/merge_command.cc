// asanasim merge [options] OUT SHARD...: shard databases of one universe into one database.
#include <cstdint>
#include <cstdio>

#include "asanasim/merge.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/output.h"
#include "src/cli/signals.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

struct MergeCommand {
  MergeOptions options;
  bool quiet = false;
  bool json = false;
};

#define FIELD(member) ASANASIM_SETTING_FIELD(MergeCommand, member)
const Setting<MergeCommand> kSettings[] = {
    {{.name = "force",
      .short_name = 'f',
      .type = SettingType::kBool,
      .doc = "replace an existing output file"},
     FIELD(options.force)},
    {{.name = "compress",
      .type = SettingType::kBool,
      .doc = "also write OUT.zst (multi-threaded zstd, long window) and remove OUT"},
     FIELD(options.compress)},
    {{.name = "threads",
      .short_name = 'j',
      .type = SettingType::kInt,
      .value_name = "N",
      .doc = "compression threads; 0 = all cores",
      .min = 0,
      .max = kMaxThreads},
     FIELD(options.threads)},
    {{.name = "quiet", .short_name = 'q', .type = SettingType::kBool, .doc = "no summary"},
     FIELD(quiet)},
    {{.name = "json",
      .type = SettingType::kBool,
      .doc = "print the merge's record (the manifest's fields, with its inputs) as JSON on "
             "stdout instead of the summary"},
     FIELD(json)},
};
#undef FIELD

constexpr CommandExample kExamples[] = {
    {"asanasim merge universe.sqlite part0.sqlite part1.sqlite",
     "One database from two shards made with --org-range 0:10 and 10:20: the same content hash as "
     "one full run."},
    {"asanasim merge --compress all.sqlite shards/*.sqlite.zst",
     "Compressed shards in, one compressed database (all.sqlite.zst) out."},
};

constexpr CommandSpec kSpec{
    .name = "merge",
    .operands = "OUT SHARD...",
    .min_operands = 2,
    .max_operands = SIZE_MAX,
    .summary = "Combines shard databases of one universe into OUT, with indexes built once.",
    .description =
        "Shards must share the generator version, seed and options, with disjoint org ranges;\n"
        "they may be .zst files. Every shard is checked before anything is written. Writes\n"
        "OUT.manifest.json listing the inputs. Exit status: 0 success, 1 runtime failure, 2 a\n"
        "shard that cannot be merged (named on stderr) or bad usage.\n",
    .examples = kExamples};

}  // namespace

absl::Status RunMerge(std::span<const std::string> args) {
  MergeCommand command;
  const SettingBinding bindings[] = {SettingBinding(kSettings, command)};
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kSpec, bindings, args));
  if (!operands.has_value()) return absl::OkStatus();
  MergeOptions& options = command.options;
  CatchInterrupts();  // SIGINT/SIGTERM: stop, remove temporary files, exit 130/143
  options.out = (*operands)[0];
  options.shards.assign(operands->begin() + 1, operands->end());
  ASANASIM_ASSIGN_OR_RETURN(const GenerateSummary summary, Merge(options));
  if (command.json) {
    std::fputs(summary.manifest.c_str(), stdout);
  } else if (!command.quiet) {
    PrintSummary(summary, options.out);
  }
  return absl::OkStatus();
}

}  // namespace asanasim
