// asanasim pack check [DIR] | pack export DIR: checks a vocabulary pack directory (the built-in
// packs without DIR), or writes the built-in packs to DIR as a starting point for your own.
#include <cstdio>
#include <filesystem>

#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/text/vocabulary.h"
#include "src/util/embedded_files.h"
#include "src/util/file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

constexpr std::string_view kPacksRoot = "packs/";

struct ExportFlags {
  bool force = false;
};

const Setting<ExportFlags> kExportSettings[] = {
    {{.name = "force", .type = SettingType::kBool, .doc = "overwrite files that exist in DIR"},
     ASANASIM_SETTING_FIELD(ExportFlags, force)},
};

constexpr CommandExample kCheckExamples[] = {
    {"asanasim pack check", "Check the built-in packs."},
    {"asanasim pack check mypacks",
     "Check an edited copy (from pack export) before generate --pack-dir mypacks."},
};

constexpr CommandSpec kCheckSpec{
    .name = "pack check",
    .operands = "[DIR]",
    .min_operands = 0,
    .max_operands = 1,
    .summary =
        "Checks a pack directory (the built-in packs without DIR) as generate would read it.",
    .description =
        "Lists every problem as FILE:LINE: message: TOML syntax, unknown or missing keys, wrong\n"
        "types, a template slot that does not resolve, a department's unknown custom field or\n"
        "tag, a workflow without every stage, a file that belongs to no\n"
        "pack; and warnings, which leave the pack usable: a slot no template uses. Exit 0 when\n"
        "the directory has no problem, 1 otherwise (`generate --pack-dir DIR` accepts "
        "warnings).\n",
    .examples = kCheckExamples};

constexpr CommandExample kExportExamples[] = {
    {"asanasim pack export mypacks",
     "Copy the built-in packs to mypacks/ to edit their teams, titles, projects and templates."},
};

constexpr CommandSpec kExportSpec{
    .name = "pack export",
    .operands = "DIR",
    .min_operands = 1,
    .max_operands = 1,
    .summary = "Writes the built-in packs to DIR, to edit and use with `generate --pack-dir DIR`.",
    .description = "Refuses to overwrite a file that exists unless --force.\n",
    .examples = kExportExamples};

absl::Status Check(std::span<const std::string> args) {
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kCheckSpec, {}, args));
  if (!operands.has_value()) return absl::OkStatus();
  std::vector<std::string> problems;
  absl::StatusOr<std::unique_ptr<const Vocabulary>> loaded;
  std::string name = "built-in packs";
  if (operands->empty()) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const EmbeddedFile& f : EmbeddedFiles()) {
      if (f.path.starts_with(kPacksRoot)) {
        files.emplace_back(std::string(f.path.substr(kPacksRoot.size())), std::string(f.text));
      }
    }
    loaded = Vocabulary::Parse(files, "prompts/packs", &problems);
  } else {
    name = (*operands)[0];
    loaded = Vocabulary::Load(name, &problems);
  }
  for (const std::string& p : problems) std::printf("%s\n", p.c_str());
  if (!loaded.ok()) {
    return Unsatisfied(Cat(name, ": ", std::to_string(problems.size()),
                           problems.size() == 1 ? " problem" : " problems"));
  }
  const Vocabulary& v = **loaded;
  if (!problems.empty()) {
    return Unsatisfied(Cat(name, ": usable, with ", std::to_string(problems.size()),
                           problems.size() == 1 ? " warning" : " warnings"));
  }
  for (const Pack& pack : v.packs()) {
    size_t templates = 0, slots = 0, archetypes = 0;
    for (int d = 0; d < kDepartmentCount; ++d) {
      const DepartmentVocab& dv = pack.department(static_cast<Department>(d));
      templates += dv.project_templates.size() + dv.task_templates.size() +
                   dv.subtask_templates.size() + dv.description_templates.size() +
                   dv.comment_templates.size();
      slots += dv.slots.size();
      archetypes += dv.archetypes.size();
    }
    std::string industries;
    for (std::string_view i : pack.industries)
      industries = Cat(industries, industries.empty() ? "" : ", ", i);
    std::printf("  pack %s%s: %zu archetypes, %zu templates, %zu slots; %s\n",
                std::string(pack.name).c_str(), pack.is_default ? " (default)" : "", archetypes,
                templates, slots, industries.c_str());
  }
  std::printf("%s: ok (%zu packs, %zu shared slots, %zu custom fields, %zu tags; digest %s)\n",
              name.c_str(), v.packs().size(), v.shared_slots().size(), v.fields().size(),
              v.tags().size(), v.digest().c_str());
  return absl::OkStatus();
}

absl::Status Export(std::span<const std::string> args) {
  ExportFlags flags;
  const SettingBinding bindings[] = {SettingBinding(kExportSettings, flags)};
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kExportSpec, bindings, args));
  if (!operands.has_value()) return absl::OkStatus();
  namespace fs = std::filesystem;
  const fs::path dir = (*operands)[0];
  std::vector<std::pair<fs::path, std::string_view>> files;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (!f.path.starts_with(kPacksRoot)) continue;
    files.emplace_back(dir / std::string(f.path.substr(kPacksRoot.size())), f.text);
  }
  // Every refusal before the first write: nothing half-exported.
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return absl::InvalidArgumentError(Cat(dir.string(), " exists and is not a directory"));
  }
  if (!flags.force) {
    for (const auto& [path, text] : files) {
      if (fs::exists(path, ec)) {
        return absl::InvalidArgumentError(
            Cat(path.string(), " already exists (--force overwrites)"));
      }
    }
  }
  for (const auto& [path, text] : files) {
    ASANASIM_RETURN_IF_ERROR(MakeDirectories(path.parent_path().string()));
    ASANASIM_RETURN_IF_ERROR(WriteFileAtomically(path.string(), text));
  }
  std::printf("wrote %zu files to %s (check edits with: asanasim pack check %s)\n", files.size(),
              dir.string().c_str(), dir.string().c_str());
  return absl::OkStatus();
}

}  // namespace

absl::Status RunPack(std::span<const std::string> args) {
  if (!args.empty() && args[0] == "check") return Check(args.subspan(1));
  if (!args.empty() && args[0] == "export") return Export(args.subspan(1));
  if (!args.empty() && args[0] == "author") return RunPackAuthor(args.subspan(1));
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::fputs(
        "usage: asanasim pack check [DIR]   check a pack directory (the built-in packs without "
        "DIR)\n"
        "       asanasim pack export DIR    write the built-in packs to DIR\n"
        "       asanasim pack author --industry TEXT --out DIR   the LLM writes a pack\n"
        "(asanasim pack check --help, asanasim pack export --help for more)\n",
        stdout);
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(Cat("pack needs a subcommand: check, export or author",
                                        args.empty() ? "" : Cat(" (not '", args[0], "')")));
}

}  // namespace asanasim
