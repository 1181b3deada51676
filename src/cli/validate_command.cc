// asanasim validate [options] DB: integrity, business rules and the realism scorecard.
#include <cstdio>
#include <filesystem>

#include "asanasim/validate.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/util/file.h"
#include "src/util/json.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

struct ValidateCommand {
  ValidationOptions options;
  bool json = false;
  std::string report;
};

#define FIELD(member) ASANASIM_SETTING_FIELD(ValidateCommand, member)
const Setting<ValidateCommand> kSettings[] = {
    {{.name = "json", .type = SettingType::kBool, .doc = "print the results as JSON"}, FIELD(json)},
    {{.name = "quick",
      .type = SettingType::kBool,
      .doc = "PRAGMA quick_check instead of the slower integrity_check"},
     FIELD(options.quick)},
    {{.name = "report",
      .type = SettingType::kPath,
      .value_name = "FILE.html",
      .doc = "also write one self-contained page with charts (scripts/render-report.sh turns it "
             "into a PNG)"},
     FIELD(report)},
};
#undef FIELD

constexpr CommandSpec kSpec{
    .name = "validate",
    .operands = "DB",
    .min_operands = 1,
    .max_operands = 1,
    .summary = "Checks an asanasim database: integrity, business rules, realism statistics.",
    .description =
        "PRAGMA integrity_check (--quick: quick_check) and foreign_key_check, every business rule\n"
        "of the model (violations and example ids), and the realism scorecard (each statistic\n"
        "against its target range; too-small samples are not judged). DB may be a .zst file.\n"
        "The report page shows activity by weekday and hour, completion lag, open vs completed,\n"
        "tasks per assignee, rules and scorecard. Exit 0 when everything holds, 1 when something\n"
        "does not, 2 when DB is not a readable asanasim database.\n"};

void PrintReport(const ValidationReport& r) {
  std::printf("%s\n\nintegrity        %s\nforeign keys     %s\n\nrules\n", r.path.c_str(),
              r.integrity.c_str(),
              r.foreign_key_violations == 0
                  ? "ok"
                  : (Thousands(r.foreign_key_violations) + " violations").c_str());
  for (const RuleResult& rule : r.rules) {
    std::string examples;
    for (int64_t id : rule.examples)
      examples += (examples.empty() ? " e.g. " : ", ") + std::to_string(id);
    std::printf("  %-4s %-28s %10s  %s%s\n", rule.violations == 0 ? "ok" : "FAIL",
                rule.name.c_str(), Thousands(rule.violations).c_str(), rule.description.c_str(),
                examples.c_str());
  }
  std::printf("\nrealism scorecard%*s%10s  %-15s %s\n", 18, "", "value", "target", "sample");
  for (const StatResult& s : r.stats) {
    char target[48];
    std::snprintf(target, sizeof(target), "[%g, %g]", s.lo, s.hi);
    std::printf("  %-4s %-30s %10.3f  %-15s %s  %s\n",
                !s.judged ? "n/a" : (s.in_range ? "ok" : "OUT"), s.name.c_str(), s.value, target,
                Thousands(s.sample).c_str(), s.description.c_str());
  }
  std::printf("\n%s (%.1f s)\n",
              r.ok() ? "valid: every check holds" : "INVALID: see FAIL/OUT above", r.seconds);
}

std::string ReportJson(const ValidationReport& r) {
  Json rules = Json::array();
  for (const RuleResult& rule : r.rules) {
    rules.push_back({{"name", rule.name},
                     {"description", rule.description},
                     {"violations", rule.violations},
                     {"examples", rule.examples},
                     {"seconds", rule.seconds}});
  }
  Json stats = Json::array();
  for (const StatResult& s : r.stats) {
    stats.push_back({{"name", s.name},
                     {"description", s.description},
                     {"value", s.value},
                     {"lo", s.lo},
                     {"hi", s.hi},
                     {"sample", s.sample},
                     {"judged", s.judged},
                     {"in_range", s.in_range},
                     {"seconds", s.seconds}});
  }
  const Json j = {{"path", r.path},
                  {"ok", r.ok()},
                  {"integrity", r.integrity},
                  {"foreign_key_violations", r.foreign_key_violations},
                  {"seconds", r.seconds},
                  {"integrity_seconds", r.integrity_seconds},
                  {"foreign_key_seconds", r.foreign_key_seconds},
                  {"rules", std::move(rules)},
                  {"stats", std::move(stats)}};
  return DumpJson(j, /*pretty=*/true);
}

// Refuses an unusable report path before the (possibly long) validation.
absl::Status CheckReportPath(const std::string& report_path) {
  const std::filesystem::path p(report_path);
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec))
    return absl::InvalidArgumentError(Cat("--report ", report_path, " is a directory"));
  const std::filesystem::path dir = p.parent_path().empty() ? "." : p.parent_path();
  if (!std::filesystem::is_directory(dir, ec)) {
    return absl::InvalidArgumentError(
        Cat("--report ", report_path, ": no directory ", dir.string()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status RunValidate(std::span<const std::string> args) {
  ValidateCommand command;
  const SettingBinding bindings[] = {SettingBinding(kSettings, command)};
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kSpec, bindings, args));
  if (!operands.has_value()) return absl::OkStatus();
  const std::string& path = (*operands)[0];
  if (!command.report.empty()) {
    ASANASIM_RETURN_IF_ERROR(CheckReportPath(command.report));
    command.options.charts = true;
  }
  const std::string scratch = std::filesystem::path(path).parent_path().string();
  ASANASIM_ASSIGN_OR_RETURN(const ValidationReport report,
                            Validate(path, command.options, scratch.empty() ? "." : scratch));
  if (!command.report.empty()) {
    const absl::Status written = WriteFileAtomically(command.report, ReportHtml(report));
    if (!written.ok()) return absl::InternalError(written.message());
  }
  if (command.json) {
    std::printf("%s\n", ReportJson(report).c_str());
  } else {
    PrintReport(report);
  }
  if (!report.ok()) return Unsatisfied(Cat(path, " is not valid"));
  return absl::OkStatus();
}

}  // namespace asanasim
