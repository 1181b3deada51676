// asanasim hash [options] DB: per-table and overall content hashes; --check compares with a
// manifest.
#include <cstdio>
#include <filesystem>

#include "asanasim/hash.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/cli/signals.h"
#include "src/pipeline/manifest.h"
#include "src/util/json.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

struct HashCommand {
  bool json = false;
  std::string check;
};

const Setting<HashCommand> kSettings[] = {
    {{.name = "json", .type = SettingType::kBool, .doc = "print the hashes as JSON"},
     ASANASIM_SETTING_FIELD(HashCommand, json)},
    {{.name = "check",
      .type = SettingType::kPath,
      .value_name = "MANIFEST",
      .doc = "exit 0 if the overall hash equals the one in MANIFEST (a .manifest.json), else 1"},
     ASANASIM_SETTING_FIELD(HashCommand, check)},
};

constexpr CommandExample kExamples[] = {
    {"asanasim hash world.sqlite", "Rows and hash of every table, and the overall hash."},
    {"asanasim hash --check world.sqlite.manifest.json world.sqlite.zst",
     "Exit 0 when the file holds exactly what its run recorded (after a copy, a compression, a "
     "merge)."},
};

constexpr CommandSpec kSpec{
    .name = "hash",
    .operands = "DB",
    .min_operands = 1,
    .max_operands = 1,
    .summary = "Prints per-table content hashes and one overall hash of a database.",
    .description =
        "Rows are hashed in primary-key order (XXH3-128, value types included), so the hash does\n"
        "not depend on page layout, compression or how the file was produced. DB may be a .zst\n"
        "file.\n",
    .examples = kExamples};

void PrintJson(const std::string& path, const DatabaseHash& hash) {
  Json tables = Json::object();
  for (const TableHash& t : hash.tables) tables[t.table] = {{"rows", t.rows}, {"hash", t.hash}};
  const Json j = {{"path", path},
                  {"overall", hash.overall},
                  {"total_rows", hash.total_rows},
                  {"tables", std::move(tables)}};
  std::printf("%s\n", DumpJson(j, /*pretty=*/true).c_str());
}

}  // namespace

absl::Status RunHash(std::span<const std::string> args) {
  HashCommand command;
  const SettingBinding bindings[] = {SettingBinding(kSettings, command)};
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kSpec, bindings, args));
  if (!operands.has_value()) return absl::OkStatus();
  CatchInterrupts();  // SIGINT/SIGTERM: stop, remove temporary copies, exit 130/143
  const std::string& path = (*operands)[0];
  std::string expected;
  if (!command.check.empty()) {
    absl::StatusOr<std::string> recorded = ReadManifestHash(command.check);
    if (!recorded.ok())
      return absl::Status(recorded.status().code(), Cat("--check: ", recorded.status().message()));
    expected = *recorded;
  }
  const std::string scratch = std::filesystem::path(path).parent_path().string();
  ASANASIM_ASSIGN_OR_RETURN(const DatabaseHash hash,
                            HashDatabase(path, {}, scratch.empty() ? "." : scratch));
  if (command.json) {
    PrintJson(path, hash);
  } else if (expected.empty()) {
    for (const TableHash& t : hash.tables) {
      std::printf("%-30s %12s  %s\n", t.table.c_str(), Thousands(t.rows).c_str(), t.hash.c_str());
    }
    std::printf("%-30s %12s  %s\n", "overall", Thousands(hash.total_rows).c_str(),
                hash.overall.c_str());
  }
  if (expected.empty()) return absl::OkStatus();
  if (expected != hash.overall) {
    return Unsatisfied(Cat(path, ": content hash ", hash.overall, " differs from ", expected,
                           " in ", command.check));
  }
  if (!command.json) std::printf("%s: ok (%s)\n", path.c_str(), hash.overall.c_str());
  return absl::OkStatus();
}

}  // namespace asanasim
