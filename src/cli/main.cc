// asanasim: the command-line entry point. Parses the command, reports errors as one line on
// stderr and maps them to exit codes (0 success, 1 runtime failure, 2 bad usage or
// configuration, 130 interrupted).
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "asanasim/generate.h"
#include "asanasim/hash.h"
#include "asanasim/merge.h"
#include "asanasim/validate.h"
#include "src/cli/config.h"
#include "src/llm/pools.h"
#include "src/llm/settings.h"
#include "src/pipeline/manifest.h"
#include "src/plan/profile.h"
#include "src/util/file.h"
#include "src/util/json_writer.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

constexpr int kExitRuntime = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};

extern "C" void OnSignal(int) { g_interrupted.store(true); }

const char kUsage[] =
    "usage: asanasim <command> [options]\n\n"
    "commands:\n"
    "  generate     write the history of one or many organizations into a SQLite database\n"
    "  merge        combine shard databases of one universe into one database\n"
    "  hash         per-table and overall content hashes of a database\n"
    "  validate     check a database's integrity, business rules and realism statistics\n"
    "  profile      print the distribution parameters (defaults, or FILE applied to them)\n"
    "  llm warm     fill the LLM response cache ahead of time (for offline cluster nodes)\n\n"
    "  asanasim <command> --help  options of a command\n"
    "  asanasim --version         print the version\n";

std::string Duration(double seconds) {
  const int64_t s = static_cast<int64_t>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof(buf), "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof(buf), "%lld:%02lld", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  }
  return buf;
}

// On a terminal: a bar redrawn in place with rows done of (estimated) planned, rows/s and ETA.
// Otherwise (logs, Slurm): one line every 5 seconds.
class ProgressPrinter {
 public:
  ProgressPrinter() : tty_(::isatty(STDERR_FILENO) == 1) {}

  void operator()(const GenerateProgress& p) {
    if (!tty_ && !p.finishing && p.seconds - last_line_ < 5.0) return;
    last_line_ = p.seconds;
    const double rate = p.seconds > 0 ? p.rows_written / p.seconds : 0.0;
    // Projects are the unit of work known up front; rows follow them closely.
    const double fraction =
        p.projects_total > 0
            ? std::min(1.0, static_cast<double>(p.projects_written) / p.projects_total)
            : 0.0;
    std::string line;
    if (tty_) {
      constexpr int kWidth = 24;
      const int filled = static_cast<int>(fraction * kWidth);
      line = "\r[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] ";
    } else {
      line = "[asanasim] ";
    }
    char pct[16];
    std::snprintf(pct, sizeof(pct), "%3.0f%% ", 100 * fraction);
    line += pct;
    line += Thousands(p.rows_written) + " rows";
    if (fraction > 0.02 && fraction < 1.0) {
      line += " of ~" + Thousands(static_cast<int64_t>(p.rows_written / fraction));
    }
    line += ", " + Thousands(static_cast<int64_t>(rate)) + " rows/s, " + Duration(p.seconds);
    if (p.finishing) {
      line += ", building indexes";
    } else if (fraction > 0.02) {
      line += ", ETA " + Duration(p.seconds * (1 - fraction) / fraction);
    }
    line += tty_ ? "\033[K" : "\n";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    dirty_ = tty_;
  }
  void Done() {
    if (dirty_) std::fputc('\n', stderr);
  }

 private:
  bool tty_;
  bool dirty_ = false;
  double last_line_ = -1e9;
};

// Progress of the pool phase on stderr: redrawn on a terminal, every 10 requests otherwise.
std::function<void(size_t, size_t)> LlmProgressPrinter() {
  const bool tty = ::isatty(STDERR_FILENO) == 1;
  return [tty](size_t done, size_t total) {
    if (tty) {
      std::fprintf(stderr, "\rllm pools: %zu/%zu requests%s", done, total,
                   done == total ? "\n" : "");
    } else if (done % 10 == 0 || done == total) {
      std::fprintf(stderr, "llm pools: %zu/%zu requests\n", done, total);
    }
  };
}

// One clear line when the LLM tier could not do its job (even with --quiet): the run went on.
void ReportLlmProblems(const LlmStats& s) {
  if (!s.fatal.empty()) {
    std::fprintf(stderr,
                 "asanasim: LLM tier stopped: %s; the rest of the text comes from templates\n",
                 s.fatal.c_str());
  } else if (s.parked) {
    std::fprintf(stderr,
                 "asanasim: LLM tier parked: Groq's daily quota is used up; the rest of the text "
                 "comes from templates (the cache keeps what was written)\n");
  }
}

void PrintSummary(const GenerateSummary& summary, const std::string& out) {
  const bool discarded = summary.hash.overall.empty();
  if (discarded) {
    std::printf("generated and discarded (--discard)\n");
  } else {
    std::printf("wrote %s\n",
                summary.compressed_path.empty() ? out.c_str() : summary.compressed_path.c_str());
  }
  for (const TableRowCount& t : summary.tables) {
    std::printf("  %-30s %12s\n", t.table.c_str(), Thousands(t.rows).c_str());
  }
  std::printf("  %-30s %12s\n", "total rows", Thousands(summary.total_rows).c_str());
  std::printf("%.2f s (%.2f s building indexes), %s rows/s\n", summary.seconds,
              summary.index_seconds,
              Thousands(static_cast<int64_t>(summary.total_rows / std::max(summary.seconds, 1e-9)))
                  .c_str());
  if (discarded) return;
  std::printf("content hash %s, %s bytes", summary.hash.overall.c_str(),
              Thousands(summary.database_bytes).c_str());
  if (!summary.compressed_path.empty()) {
    std::printf(", compressed to %s bytes (ratio %.1f)",
                Thousands(summary.compressed_bytes).c_str(),
                static_cast<double>(summary.database_bytes) /
                    std::max<int64_t>(summary.compressed_bytes, 1));
  }
  std::printf("\n");
}

// Bad input (missing, unreadable, foreign or corrupt files; bad options) is exit 2.
int ExitCodeFor(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kOk:
      return 0;
    case absl::StatusCode::kCancelled:
      return kExitInterrupted;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kPermissionDenied:
      return kExitUsage;
    default:
      return kExitRuntime;
  }
}

int Fail(const absl::Status& s) {
  std::fprintf(stderr, "asanasim: %s\n", std::string(s.message()).c_str());
  return ExitCodeFor(s);
}

// Splits `args` into flags (with their values, for those in `valued`) and positionals.
struct ParsedArgs {
  std::map<std::string, std::string> flags;
  std::vector<std::string> positional;
};
absl::StatusOr<ParsedArgs> SplitArgs(const std::vector<std::string>& args,
                                     const std::set<std::string>& boolean,
                                     const std::set<std::string>& valued) {
  ParsedArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      out.positional.push_back(a);
      continue;
    }
    const size_t eq = a.find('=');
    const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    if (boolean.count(name) && eq == std::string::npos) {
      out.flags[name] = "true";
    } else if (valued.count(name)) {
      if (eq != std::string::npos) {
        out.flags[name] = a.substr(eq + 1);
      } else if (i + 1 < args.size()) {
        out.flags[name] = args[++i];
      } else {
        return absl::InvalidArgumentError("option '--" + name + "' needs a value");
      }
    } else {
      return absl::InvalidArgumentError("unknown option '--" + name + "' (see --help)");
    }
  }
  return out;
}

const char kMergeUsage[] =
    "usage: asanasim merge [--force] [--compress] [--threads N] [--quiet] OUT SHARD...\n\n"
    "Combines shard databases of one universe (same version, seed and options; disjoint org\n"
    "ranges) into OUT, with indexes built once. Shards may be .zst files. Writes "
    "OUT.manifest.json\n"
    "listing the inputs. Refuses shards of different versions, schemas or universes.\n";

int RunMerge(const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed =
      SplitArgs(args, {"force", "compress", "quiet", "help"}, {"threads"});
  if (!parsed.ok()) return Fail(parsed.status());
  if (parsed->flags.count("help")) {
    std::fputs(kMergeUsage, stdout);
    return 0;
  }
  if (parsed->positional.size() < 2) {
    return Fail(
        absl::InvalidArgumentError("merge needs an output and at least one shard (see --help)"));
  }
  MergeOptions options;
  options.out = parsed->positional[0];
  options.shards.assign(parsed->positional.begin() + 1, parsed->positional.end());
  options.force = parsed->flags.count("force") > 0;
  options.compress = parsed->flags.count("compress") > 0;
  if (parsed->flags.count("threads")) {
    const std::string& t = parsed->flags["threads"];
    char* end = nullptr;
    const long v = std::strtol(t.c_str(), &end, 10);
    if (t.empty() || *end != '\0' || v < 0 || v > kMaxThreads) {
      return Fail(
          absl::InvalidArgumentError("--threads: '" + t + "' is not a whole number in [0, 1024]"));
    }
    options.threads = static_cast<int32_t>(v);
  }
  absl::StatusOr<GenerateSummary> summary = Merge(options);
  if (!summary.ok()) return Fail(summary.status());
  if (!parsed->flags.count("quiet")) PrintSummary(*summary, options.out);
  return 0;
}

const char kHashUsage[] =
    "usage: asanasim hash [--json] [--check MANIFEST] DB\n\n"
    "Prints per-table content hashes (rows in primary-key order, independent of page layout) and\n"
    "one overall hash. DB may be a .zst file. With --check, exits 0 if the overall hash equals "
    "the\n"
    "one recorded in MANIFEST (a .manifest.json) and 1 if not.\n";

int RunHash(const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = SplitArgs(args, {"json", "help"}, {"check"});
  if (!parsed.ok()) return Fail(parsed.status());
  if (parsed->flags.count("help")) {
    std::fputs(kHashUsage, stdout);
    return 0;
  }
  if (parsed->positional.size() != 1)
    return Fail(absl::InvalidArgumentError("hash needs one database (see --help)"));
  const std::string& path = parsed->positional[0];
  std::string expected;
  if (parsed->flags.count("check")) {
    absl::StatusOr<std::string> recorded = ReadManifestHash(parsed->flags["check"]);
    if (!recorded.ok())
      return Fail(absl::Status(recorded.status().code(),
                               "--check: " + std::string(recorded.status().message())));
    expected = *recorded;
  }
  std::string scratch = std::filesystem::path(path).parent_path().string();
  absl::StatusOr<DatabaseHash> hash = HashDatabase(path, {}, scratch.empty() ? "." : scratch);
  if (!hash.ok()) return Fail(hash.status());
  if (parsed->flags.count("json")) {
    JsonWriter j;
    j.BeginObject().Key("path").String(path).Key("overall").String(hash->overall);
    j.Key("total_rows").Int(hash->total_rows).Key("tables").BeginObject();
    for (const TableHash& t : hash->tables) {
      j.Key(t.table).BeginObject().Key("rows").Int(t.rows).Key("hash").String(t.hash).EndObject();
    }
    j.EndObject().EndObject();
    std::printf("%s\n", j.str().c_str());
  } else if (expected.empty()) {
    for (const TableHash& t : hash->tables) {
      std::printf("%-30s %12s  %s\n", t.table.c_str(), Thousands(t.rows).c_str(), t.hash.c_str());
    }
    std::printf("%-30s %12s  %s\n", "overall", Thousands(hash->total_rows).c_str(),
                hash->overall.c_str());
  }
  if (!expected.empty()) {
    if (expected != hash->overall) {
      std::fprintf(stderr, "asanasim: %s: content hash %s differs from %s in %s\n", path.c_str(),
                   hash->overall.c_str(), expected.c_str(), parsed->flags["check"].c_str());
      return kExitRuntime;
    }
    if (!parsed->flags.count("json"))
      std::printf("%s: ok (%s)\n", path.c_str(), hash->overall.c_str());
  }
  return 0;
}

const char kValidateUsage[] =
    "usage: asanasim validate [--json] [--quick] [--report FILE.html] DB\n\n"
    "Checks an asanasim database (.zst accepted): PRAGMA integrity_check (--quick: quick_check) "
    "and\n"
    "foreign_key_check, every business rule of the model (violations and example ids), and the\n"
    "realism scorecard (each statistic against its target range; too-small samples are not\n"
    "judged). Exit 0 when everything holds, 1 when something does not, 2 when DB is not a "
    "readable\n"
    "asanasim database.\n"
    "  --report FILE.html  also write one self-contained page with charts (activity by weekday\n"
    "                      and hour, completion lag, open vs completed, tasks per assignee,\n"
    "                      rules, scorecard); scripts/render-report.sh turns it into a PNG\n";

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
  JsonWriter j;
  j.BeginObject().Key("path").String(r.path).Key("ok").Bool(r.ok());
  j.Key("integrity")
      .String(r.integrity)
      .Key("foreign_key_violations")
      .Int(r.foreign_key_violations)
      .Key("seconds")
      .Double(r.seconds)
      .Key("integrity_seconds")
      .Double(r.integrity_seconds)
      .Key("foreign_key_seconds")
      .Double(r.foreign_key_seconds);
  j.Key("rules").BeginArray();
  for (const RuleResult& rule : r.rules) {
    j.BeginObject().Key("name").String(rule.name).Key("description").String(rule.description);
    j.Key("violations").Int(rule.violations).Key("examples").BeginArray();
    for (int64_t id : rule.examples) j.Int(id);
    j.EndArray().Key("seconds").Double(rule.seconds).EndObject();
  }
  j.EndArray().Key("stats").BeginArray();
  for (const StatResult& s : r.stats) {
    j.BeginObject().Key("name").String(s.name).Key("description").String(s.description);
    j.Key("value").Double(s.value).Key("lo").Double(s.lo).Key("hi").Double(s.hi).Key("sample").Int(
        s.sample);
    j.Key("judged").Bool(s.judged).Key("in_range").Bool(s.in_range);
    j.Key("seconds").Double(s.seconds).EndObject();
  }
  j.EndArray().EndObject();
  return j.str();
}

int RunValidate(const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = SplitArgs(args, {"json", "quick", "help"}, {"report"});
  if (!parsed.ok()) return Fail(parsed.status());
  if (parsed->flags.count("help")) {
    std::fputs(kValidateUsage, stdout);
    return 0;
  }
  if (parsed->positional.size() != 1) {
    return Fail(absl::InvalidArgumentError("validate needs one database (see --help)"));
  }
  const std::string& path = parsed->positional[0];
  const std::string scratch = std::filesystem::path(path).parent_path().string();
  ValidationOptions options;
  options.quick = parsed->flags.count("quick") > 0;
  const auto report_flag = parsed->flags.find("report");
  const std::string report_path = report_flag == parsed->flags.end() ? "" : report_flag->second;
  if (!report_path.empty()) {
    // Refuse an unusable report path before the (possibly long) validation.
    const std::filesystem::path p(report_path);
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      return Fail(absl::InvalidArgumentError("--report " + report_path + " is a directory"));
    }
    const std::filesystem::path dir = p.parent_path().empty() ? "." : p.parent_path();
    if (!std::filesystem::is_directory(dir, ec)) {
      return Fail(
          absl::InvalidArgumentError("--report " + report_path + ": no directory " + dir.string()));
    }
    options.charts = true;
  } else if (report_flag != parsed->flags.end()) {
    return Fail(absl::InvalidArgumentError("--report needs a file name"));
  }
  absl::StatusOr<ValidationReport> report =
      Validate(path, options, scratch.empty() ? "." : scratch);
  if (!report.ok()) return Fail(report.status());
  if (!report_path.empty()) {
    const absl::Status written = WriteFileAtomically(report_path, ReportHtml(*report));
    if (!written.ok()) {
      std::fprintf(stderr, "asanasim: %s\n", std::string(written.message()).c_str());
      return kExitRuntime;
    }
  }
  if (parsed->flags.count("json")) {
    std::printf("%s\n", ReportJson(*report).c_str());
  } else {
    PrintReport(*report);
  }
  return report->ok() ? 0 : kExitRuntime;
}

int RunGenerate(const std::vector<std::string>& args) {
  absl::StatusOr<CliConfig> config = ParseGenerateConfig(
      args, [](const char* k) { return std::getenv(k); }, ".env");
  if (!config.ok()) {
    std::fprintf(stderr, "asanasim: %s\n", std::string(config.status().message()).c_str());
    return kExitUsage;
  }
  if (config->help) {
    std::fputs(GenerateUsage().c_str(), stdout);
    return 0;
  }
  GenerateOptions& options = config->options;
  for (absl::Status s :
       {ValidateOptions(options),
        options.discard ? absl::OkStatus()
                        : CheckOutputPath(options.out, options.force, options.compress)}) {
    if (!s.ok()) {
      std::fprintf(stderr, "asanasim: %s\n", std::string(s.message()).c_str());
      return kExitUsage;
    }
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  options.cancel = &g_interrupted;
  ProgressPrinter printer;
  if (!config->quiet) {
    options.progress = [&printer](const GenerateProgress& p) { printer(p); };
    options.llm_progress = LlmProgressPrinter();
  }

  absl::StatusOr<GenerateSummary> summary = Generate(options);
  printer.Done();
  if (!summary.ok()) {
    std::fprintf(stderr, "asanasim: %s\n", std::string(summary.status().message()).c_str());
    if (absl::IsCancelled(summary.status())) return kExitInterrupted;
    return kExitRuntime;
  }
  if (summary->llm.has_value()) ReportLlmProblems(*summary->llm);
  if (!config->quiet) {
    PrintSummary(*summary, options.out);
    if (summary->llm.has_value()) std::printf("%s\n", LlmSummaryLine(*summary->llm).c_str());
  }
  return 0;
}

// `asanasim llm warm [generate options]`: fills the response cache for these LLM settings, so
// machines without network (cluster nodes) can run with --llm-offline from a shared cache.
int RunLlm(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] != "warm") {
    std::fputs(
        "usage: asanasim llm warm [options]\n\n"
        "Fills the LLM response cache (--llm-cache DIR) for the pools these settings need, over\n"
        "the network, paced and retried like generate. Takes generate's options; only the llm-*\n"
        "ones and GROQ_API_KEY / GROQ_MODEL / GROQ_BASE_URL matter. Then any machine with the\n"
        "same cache and settings generates with --llm-offline and makes no request.\n"
        "Exit 0 when every pool is full, 1 when the tier stopped or a quota left pools short.\n",
        args.empty() ? stderr : stdout);
    return args.empty() || (args[0] != "--help" && args[0] != "-h") ? kExitUsage : 0;
  }
  absl::StatusOr<CliConfig> config = ParseGenerateConfig(
      {args.begin() + 1, args.end()}, [](const char* k) { return std::getenv(k); }, ".env");
  if (!config.ok()) {
    std::fprintf(stderr, "asanasim: %s\n", std::string(config.status().message()).c_str());
    return kExitUsage;
  }
  GenerateOptions& o = config->options;
  if (o.llm.empty()) o.llm = "groq";
  if (absl::Status s = ValidateLlmOptions(o); !s.ok() || o.llm == "off") {
    std::fprintf(stderr, "asanasim: %s\n",
                 o.llm == "off" ? "llm warm needs --llm groq" : std::string(s.message()).c_str());
    return kExitUsage;
  }
  LlmStats stats;
  absl::StatusOr<TextPools> pools =
      FillPools(LlmSettingsOf(o), &stats, config->quiet ? nullptr : LlmProgressPrinter());
  if (!pools.ok()) {
    std::fprintf(stderr, "asanasim: %s\n", std::string(pools.status().message()).c_str());
    return kExitRuntime;
  }
  CompleteLlmStats(o, *pools, stats);
  ReportLlmProblems(stats);
  if (!config->quiet) std::printf("%s\n", LlmSummaryLine(stats).c_str());
  return stats.fatal.empty() && stats.fallbacks == 0 ? 0 : kExitRuntime;
}

// `asanasim profile [FILE]`: the documented profile, the defaults or FILE over them.
int RunProfile(const std::vector<std::string>& args) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::fputs(
        "usage: asanasim profile [FILE]\n\n"
        "Prints every distribution parameter of the generated world with its doc line: the\n"
        "defaults, or FILE applied over them (checked as `generate --profile FILE` would).\n"
        "Save the output, edit it, and pass it to `asanasim generate --profile FILE`.\n",
        stdout);
    return 0;
  }
  if (args.size() > 1) {
    std::fprintf(stderr, "asanasim profile: expected at most one FILE\n");
    return kExitUsage;
  }
  absl::StatusOr<Profile> profile = LoadProfile(args.empty() ? "" : args[0]);
  if (!profile.ok()) {
    std::fprintf(stderr, "asanasim: %s\n", std::string(profile.status().message()).c_str());
    return kExitUsage;
  }
  std::fputs(FormatProfile(*profile).c_str(), stdout);
  return 0;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? kExitUsage : 0;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("asanasim %s\n", Version());
    return 0;
  }
  if (args[0] == "generate") return RunGenerate({args.begin() + 1, args.end()});
  if (args[0] == "merge") return RunMerge({args.begin() + 1, args.end()});
  if (args[0] == "hash") return RunHash({args.begin() + 1, args.end()});
  if (args[0] == "validate") return RunValidate({args.begin() + 1, args.end()});
  if (args[0] == "profile") return RunProfile({args.begin() + 1, args.end()});
  if (args[0] == "llm") return RunLlm({args.begin() + 1, args.end()});
  std::fprintf(stderr, "asanasim: unknown command '%s' (see asanasim --help)\n", args[0].c_str());
  return kExitUsage;
}

}  // namespace
}  // namespace asanasim

int main(int argc, char** argv) { return asanasim::Main(argc, argv); }
