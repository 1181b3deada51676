// asanasim validate [options] DB: integrity, business rules, the realism scorecard and the text
// checks.
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "asanasim/validate.h"
#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/cli/signals.h"
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
  bool force = false;
};

#define FIELD(member) ASANASIM_SETTING_FIELD(ValidateCommand, member)
const Setting<ValidateCommand> kSettings[] = {
    {{.name = "json", .type = SettingType::kBool, .doc = "print the results as JSON"}, FIELD(json)},
    {{.name = "quick",
      .type = SettingType::kBool,
      .doc = "PRAGMA quick_check instead of the slower integrity_check"},
     FIELD(options.quick)},
    {{.name = "examples",
      .type = SettingType::kInt,
      .value_name = "N",
      .doc = "offending ids listed per rule and text check",
      .min = 0,
      .max = 1000000},
     FIELD(options.examples)},
    {{.name = "report",
      .type = SettingType::kPath,
      .value_name = "FILE.html",
      .doc = "also write one self-contained page with charts (scripts/render-report.sh turns it "
             "into a PNG); '-': the page alone on stdout"},
     FIELD(report)},
    {{.name = "force",
      .short_name = 'f',
      .type = SettingType::kBool,
      .doc = "replace an existing --report file"},
     FIELD(force)},
};
#undef FIELD

constexpr CommandExample kExamples[] = {
    {"asanasim validate world.sqlite", "Every check, one line each; exit 0 when everything holds."},
    {"asanasim validate --json world.sqlite | jq .scorecard",
     "The realism statistics as JSON, for a script or a dashboard."},
    {"asanasim validate --report report.html world.sqlite",
     "Also a self-contained page with charts (scripts/render-report.sh makes a PNG of it)."},
};

constexpr CommandSpec kSpec{
    .name = "validate",
    .operands = "DB",
    .min_operands = 1,
    .max_operands = 1,
    .summary =
        "Checks an asanasim database: integrity, business rules, realism statistics, "
        "text realism.",
    .description =
        "PRAGMA integrity_check (--quick: quick_check) and foreign_key_check, every business rule\n"
        "of the model (violations and example ids), and the realism scorecard (each statistic\n"
        "against its target range; too-small samples are not judged), and the text checks "
        "(variety\n"
        "and slips of names, descriptions, comments and status updates, each against its target;\n"
        "only gating ones count for the verdict, and none is gating yet). DB may be a .zst file.\n"
        "The report page shows activity by weekday and hour, completion lag, open vs completed,\n"
        "tasks per assignee, rules, scorecard and text checks. Exit 0 when everything holds, 1\n"
        "when something does not, 2 when DB is not a readable asanasim database.\n",
    .examples = kExamples};

// "0.160" for a ratio, "12" for a count; "n/a" for NaN.
std::string TextValue(const TextCheckResult& t, double v) {
  if (std::isnan(v)) return "n/a";
  char buf[48];
  std::snprintf(buf, sizeof buf, t.count ? "%.0f" : "%.3f", v);
  return t.count ? Thousands(static_cast<int64_t>(v)) : buf;
}

// "<= 0.005", ">= 0.6", "0" (a count's target).
std::string TextTarget(const TextCheckResult& t) {
  if (t.count) return "0";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %g", t.at_most ? "<=" : ">=", t.target);
  return buf;
}

// "met", "MISS" (gating) or "miss" (reported only), "n/a" when not judged.
const char* TextVerdict(const TextCheckResult& t) {
  if (!t.judged) return "n/a";
  if (t.met) return "met";
  return t.gating ? "MISS" : "miss";
}

// Missed text checks that do not gate (the gating ones show in the verdict).
int64_t ReportedTextMisses(const ValidationReport& r) {
  int64_t n = 0;
  for (const TextCheckResult& t : r.text) n += !t.gating && t.judged && !t.met;
  return n;
}

// A text shown on one line, cut to `max` bytes (at a character boundary).
std::string OneLine(std::string_view s, size_t max = 60) {
  std::string out;
  for (char c : s) {
    if (out.size() >= max && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    out += c == '\n' || c == '\t' ? ' ' : c;
  }
  return out;
}

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
  std::printf("\ntext realism%*s%10s  %-15s %s\n", 31, "", "value", "target", "sample");
  for (const TextCheckResult& t : r.text) {
    std::string examples;
    for (size_t i = 0; i < t.examples.size(); ++i) {
      examples += (i == 0 ? " e.g. " : ", ") + std::to_string(t.examples[i]);
      if (i == 0 && !t.example_texts.empty() && !t.example_texts[0].empty())
        examples += " \"" + OneLine(t.example_texts[0]) + "\"";
    }
    std::printf("  %-4s %-35s %10s  %-15s %s  %s%s\n", TextVerdict(t), t.name.c_str(),
                TextValue(t, t.value).c_str(), TextTarget(t).c_str(), Thousands(t.sample).c_str(),
                t.description.c_str(), examples.c_str());
  }
  std::printf("\n%s (%.1f s)\n",
              r.ok() ? "valid: every check holds" : "INVALID: see FAIL/OUT/MISS above", r.seconds);
  if (const int64_t misses = ReportedTextMisses(r); misses > 0) {
    std::printf("text realism: %s of %zu text checks missed (reported, not gating)\n",
                Thousands(misses).c_str(), r.text.size());
  }
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
  Json text = Json::array();
  for (const TextCheckResult& t : r.text) {
    text.push_back({{"name", t.name},
                    {"description", t.description},
                    {"count", t.count},
                    {"value", t.value},
                    {"target", t.target},
                    {"bound", t.at_most ? "at_most" : "at_least"},
                    {"sample", t.sample},
                    {"judged", t.judged},
                    {"met", t.met},
                    {"gating", t.gating},
                    {"examples", t.examples},
                    {"example_texts", t.example_texts},
                    {"seconds", t.seconds}});
  }
  const Json j = {{"path", r.path},
                  {"ok", r.ok()},
                  {"integrity", r.integrity},
                  {"foreign_key_violations", r.foreign_key_violations},
                  {"seconds", r.seconds},
                  {"integrity_seconds", r.integrity_seconds},
                  {"foreign_key_seconds", r.foreign_key_seconds},
                  {"rules", std::move(rules)},
                  {"stats", std::move(stats)},
                  {"text_ok", r.text_ok()},
                  {"text", std::move(text)}};
  return DumpJson(j, /*pretty=*/true);
}

// Refuses an unusable report path before the (possibly long) validation: only an absent path
// or (with --force) a regular file is ever replaced.
absl::Status CheckReportPath(const std::string& report_path, bool force) {
  namespace fs = std::filesystem;
  const fs::path p(report_path);
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(p, ec);
  if (fs::is_directory(st))
    return absl::InvalidArgumentError(Cat("--report ", report_path, " is a directory"));
  if (fs::exists(st) && !fs::is_regular_file(st)) {
    return absl::InvalidArgumentError(Cat("--report ", report_path,
                                          " is not a regular file; asanasim replaces only "
                                          "regular files"));
  }
  if (fs::exists(st) && !force) {
    return absl::AlreadyExistsError(
        Cat("--report ", report_path, " already exists (use --force to replace it)"));
  }
  const fs::path dir = p.parent_path().empty() ? "." : p.parent_path();
  if (!fs::is_directory(dir, ec)) {
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
  CatchInterrupts();  // SIGINT/SIGTERM: stop, remove temporary copies, exit 130/143
  const std::string& path = (*operands)[0];
  const bool report_to_stdout = command.report == "-";
  if (report_to_stdout && command.json) {
    return absl::InvalidArgumentError("--report - and --json both want standard output");
  }
  if (!command.report.empty()) {
    if (!report_to_stdout) ASANASIM_RETURN_IF_ERROR(CheckReportPath(command.report, command.force));
    command.options.charts = true;
  }
  const std::string scratch = std::filesystem::path(path).parent_path().string();
  ASANASIM_ASSIGN_OR_RETURN(const ValidationReport report,
                            Validate(path, command.options, scratch.empty() ? "." : scratch));
  if (report_to_stdout) {
    std::fputs(ReportHtml(report).c_str(), stdout);  // the page alone: `> page.html`, a pipe
  } else if (!command.report.empty()) {
    const absl::Status written = WriteFileAtomically(command.report, ReportHtml(report));
    if (!written.ok()) return absl::InternalError(written.message());
  }
  if (report_to_stdout) {
    // Nothing else on stdout.
  } else if (command.json) {
    std::printf("%s\n", ReportJson(report).c_str());
  } else {
    PrintReport(report);
  }
  if (!report.ok()) return Unsatisfied(Cat(path, " is not valid"));
  return absl::OkStatus();
}

}  // namespace asanasim
