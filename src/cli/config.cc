#include "src/cli/config.h"

#include <array>
#include <charconv>
#include <filesystem>

#include "src/cli/env_file.h"
#include "src/util/civil_time.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

enum class Type { kPath, kUint, kRange, kInstant, kBool, kConfig, kText, kReal };

struct Setting {
  std::string_view name;                // flag and --config key
  std::array<std::string_view, 2> env;  // environment and .env keys
  Type type;
  int64_t min = 0;
  int64_t max = 0;
  std::string_view help;
};

constexpr Setting kSettings[] = {
    {"out",
     {"DB_PATH", "ASANASIM_OUT"},
     Type::kPath,
     0,
     0,
     "output database (default output/asana_simulation.sqlite)"},
    {"seed",
     {"ASANASIM_SEED", ""},
     Type::kUint,
     0,
     INT64_MAX,
     "root of all randomness (default 42)"},
    {"orgs",
     {"ASANASIM_ORGS", ""},
     Type::kUint,
     1,
     kMaxOrgCount,
     "organizations in the universe; org 0 is TechFlow Solutions (default 1)"},
    {"org-range",
     {"ASANASIM_ORG_RANGE", ""},
     Type::kRange,
     0,
     0,
     "A:B generates orgs A..B-1 of the universe, exactly as a full run does (default all)"},
    {"users",
     {"SEED_COUNT_USERS", "ASANASIM_USERS"},
     Type::kUint,
     1,
     kMaxUsersPerOrg,
     "people in org 0; other orgs vary around it (default 300)"},
    {"projects",
     {"SEED_COUNT_PROJECTS", "ASANASIM_PROJECTS"},
     Type::kUint,
     1,
     kMaxProjectsPerOrg,
     "projects in org 0 (default 60)"},
    {"tasks-per-project",
     {"SEED_COUNT_TASKS_PER_PROJECT", "ASANASIM_TASKS_PER_PROJECT"},
     Type::kUint,
     1,
     kMaxTasksPerProject,
     "mean top-level tasks per project in org 0 (default 40)"},
    {"months",
     {"ASANASIM_MONTHS", ""},
     Type::kUint,
     1,
     kMaxMonths,
     "length of the history (default 6)"},
    {"as-of",
     {"ASANASIM_AS_OF", ""},
     Type::kInstant,
     0,
     0,
     "\"now\" of the world, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default 2026-07-01)"},
    {"profile",
     {"ASANASIM_PROFILE", ""},
     Type::kPath,
     0,
     0,
     "override distribution parameters from FILE (see `asanasim profile`)"},
    {"threads",
     {"ASANASIM_THREADS", ""},
     Type::kUint,
     0,
     kMaxThreads,
     "generation threads besides the writer; 0 = all cores (cores-1 + writer)"},
    {"force", {"", ""}, Type::kBool, 0, 0, "replace an existing output file"},
    {"compress",
     {"ASANASIM_COMPRESS", ""},
     Type::kBool,
     0,
     0,
     "also write OUT.zst (multi-threaded zstd, long window) and remove OUT"},
    {"quiet", {"", ""}, Type::kBool, 0, 0, "no progress and no summary"},
    {"discard",
     {"", ""},
     Type::kBool,
     0,
     0,
     "generate every row but write nothing (measures generation alone)"},
    {"config", {"", ""}, Type::kConfig, 0, 0, "read settings from FILE (key = value lines)"},
    // Tier 3 (LLM text over Groq). The key is GROQ_API_KEY in the environment or .env only.
    {"llm",
     {"ASANASIM_LLM", ""},
     Type::kText,
     0,
     0,
     "off | groq: LLM-written descriptions and comments (default: groq when GROQ_API_KEY is "
     "set)"},
    {"llm-model", {"GROQ_MODEL", ""}, Type::kText, 0, 0, "Groq model (default openai/gpt-oss-20b)"},
    {"llm-base-url",
     {"GROQ_BASE_URL", ""},
     Type::kText,
     0,
     0,
     "API base URL (default https://api.groq.com)"},
    {"llm-share",
     {"ASANASIM_LLM_SHARE", ""},
     Type::kReal,
     0,
     1,
     "share of descriptions and comments from the LLM pools (default 0.3)"},
    {"llm-pool-size",
     {"ASANASIM_LLM_POOL_SIZE", ""},
     Type::kUint,
     1,
     1000,
     "variants per (department, slot) pool (default 16)"},
    {"llm-batch",
     {"ASANASIM_LLM_BATCH", ""},
     Type::kUint,
     1,
     50,
     "variants per request (default 8)"},
    {"llm-concurrency",
     {"ASANASIM_LLM_CONCURRENCY", ""},
     Type::kUint,
     1,
     64,
     "requests in flight (default 4)"},
    {"llm-rpm",
     {"ASANASIM_LLM_RPM", ""},
     Type::kReal,
     0,
     1000000,
     "requests per minute (default: the model's free-tier limit)"},
    {"llm-tpm",
     {"ASANASIM_LLM_TPM", ""},
     Type::kReal,
     0,
     1000000000,
     "tokens per minute (default: the model's free-tier limit)"},
    {"llm-burst",
     {"ASANASIM_LLM_BURST", ""},
     Type::kReal,
     0,
     60,
     "seconds of the per-minute budget that may be spent at once (default 5)"},
    {"llm-max-requests",
     {"ASANASIM_LLM_MAX_REQUESTS", ""},
     Type::kUint,
     0,
     INT64_MAX,
     "request budget; 0 = none (default)"},
    {"llm-max-tokens",
     {"ASANASIM_LLM_MAX_TOKENS", ""},
     Type::kUint,
     0,
     INT64_MAX,
     "token budget (prompt + completion); 0 = none (default)"},
    {"llm-timeout-ms",
     {"ASANASIM_LLM_TIMEOUT_MS", ""},
     Type::kUint,
     100,
     3600000,
     "total time allowed per request (default 60000)"},
    {"llm-cache",
     {"ASANASIM_LLM_CACHE", ""},
     Type::kPath,
     0,
     0,
     "response cache directory (default output/llm-cache)"},
    {"llm-prompts",
     {"ASANASIM_LLM_PROMPTS", ""},
     Type::kPath,
     0,
     0,
     "prompts directory (default: the prompts/ built in)"},
    {"llm-offline",
     {"ASANASIM_LLM_OFFLINE", ""},
     Type::kBool,
     0,
     0,
     "use the cache alone, never the network (cluster nodes)"},
};

const Setting* FindByName(std::string_view name) {
  for (const Setting& s : kSettings) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const Setting* FindByEnv(std::string_view key) {
  for (const Setting& s : kSettings) {
    for (std::string_view k : s.env) {
      if (!k.empty() && k == key) return &s;
    }
  }
  return nullptr;
}

absl::Status Bad(std::string_view source, std::string_view value, std::string_view why) {
  return absl::InvalidArgumentError(Cat(source, ": '", value, "' ", why));
}

absl::StatusOr<int64_t> ParseWhole(std::string_view source, std::string_view text, int64_t min,
                                   int64_t max) {
  uint64_t v = 0;
  const char* end = text.data() + text.size();
  if (text.empty() || text.front() == '+' || text.front() == '-') {
    if (!text.empty() && text.front() == '-' && text.size() > 1) {
      return Bad(
          source, text,
          Cat("is negative; must be between ", std::to_string(min), " and ", std::to_string(max)));
    }
    return Bad(source, text, "is not a whole number");
  }
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec == std::errc::result_out_of_range) return Bad(source, text, "is too large");
  if (ec != std::errc() || ptr != end) return Bad(source, text, "is not a whole number");
  if (v > static_cast<uint64_t>(max) || static_cast<int64_t>(v) < min) {
    return Bad(source, text,
               Cat("is out of range; must be between ", std::to_string(min), " and ",
                   std::to_string(max)));
  }
  return static_cast<int64_t>(v);
}

absl::StatusOr<bool> ParseBool(std::string_view source, std::string_view text) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  return Bad(source, text, "is not true or false");
}

// Tracks which settings were given, for the checks that combine them.
struct Applied {
  bool org_range = false;
  std::string org_range_source;
  std::string config_path;
};

absl::Status Apply(const Setting& s, std::string_view value, std::string_view source, CliConfig& c,
                   Applied& a) {
  GenerateOptions& o = c.options;
  switch (s.type) {
    case Type::kPath:
      if (value.empty()) return Bad(source, value, "is empty");
      if (s.name == "profile") {
        o.profile_path = std::string(value);
      } else if (s.name == "llm-cache") {
        o.llm_cache = std::string(value);
      } else if (s.name == "llm-prompts") {
        o.llm_prompts = std::string(value);
      } else {
        o.out = std::string(value);
      }
      return absl::OkStatus();
    case Type::kBool: {
      ASANASIM_ASSIGN_OR_RETURN(const bool v, ParseBool(source, value));
      if (s.name == "force") o.force = v;
      if (s.name == "compress") o.compress = v;
      if (s.name == "quiet") c.quiet = v;
      if (s.name == "discard") o.discard = v;
      if (s.name == "llm-offline") o.llm_offline = v;
      return absl::OkStatus();
    }
    case Type::kConfig:
      a.config_path = std::string(value);
      return absl::OkStatus();
    case Type::kText:
      if (value.empty()) return Bad(source, value, "is empty");
      if (s.name == "llm") {
        if (value != "off" && value != "groq") return Bad(source, value, "is not off or groq");
        o.llm = std::string(value);
      }
      if (s.name == "llm-model") o.llm_model = std::string(value);
      if (s.name == "llm-base-url") {
        if (value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0)
          return Bad(source, value, "is not an http:// or https:// URL");
        o.llm_base_url = std::string(value);
      }
      return absl::OkStatus();
    case Type::kReal: {
      double v = 0;
      const auto r = std::from_chars(value.data(), value.data() + value.size(), v);
      if (value.empty() || r.ec != std::errc() || r.ptr != value.data() + value.size() ||
          !(v >= static_cast<double>(s.min) || (s.name == "llm-burst" && v >= 0.1)) ||
          v > static_cast<double>(s.max)) {
        return Bad(
            source, value,
            Cat("is not a number in [", s.name == "llm-burst" ? "0.1" : std::to_string(s.min), ", ",
                std::to_string(s.max), "]"));
      }
      if (s.name == "llm-share") o.llm_share = v;
      if (s.name == "llm-rpm") o.llm_rpm = v;
      if (s.name == "llm-tpm") o.llm_tpm = v;
      if (s.name == "llm-burst") o.llm_burst_seconds = v;
      return absl::OkStatus();
    }
    case Type::kInstant: {
      absl::StatusOr<int64_t> t = ParseInstant(value);
      if (!t.ok())
        return Bad(source, value,
                   "is not a date (YYYY-MM-DD) or UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)");
      o.as_of_ms = *t;
      return absl::OkStatus();
    }
    case Type::kRange: {
      const size_t colon = value.find(':');
      if (colon == std::string_view::npos) return Bad(source, value, "is not a range A:B");
      ASANASIM_ASSIGN_OR_RETURN(const int64_t begin,
                                ParseWhole(source, value.substr(0, colon), 0, kMaxOrgCount));
      ASANASIM_ASSIGN_OR_RETURN(const int64_t end,
                                ParseWhole(source, value.substr(colon + 1), 1, kMaxOrgCount));
      if (begin >= end) return Bad(source, value, "is empty: A must be below B");
      o.org_begin = static_cast<uint32_t>(begin);
      o.org_end = static_cast<uint32_t>(end);
      a.org_range = true;
      a.org_range_source = std::string(source);
      return absl::OkStatus();
    }
    case Type::kUint: {
      ASANASIM_ASSIGN_OR_RETURN(const int64_t v, ParseWhole(source, value, s.min, s.max));
      if (s.name == "seed") o.seed = static_cast<uint64_t>(v);
      if (s.name == "orgs") o.orgs = static_cast<uint32_t>(v);
      if (s.name == "users") o.users = static_cast<int32_t>(v);
      if (s.name == "projects") o.projects = static_cast<int32_t>(v);
      if (s.name == "tasks-per-project") o.tasks_per_project = static_cast<int32_t>(v);
      if (s.name == "months") o.months = static_cast<int32_t>(v);
      if (s.name == "threads") o.threads = static_cast<int32_t>(v);
      if (s.name == "llm-pool-size") o.llm_pool_size = static_cast<int32_t>(v);
      if (s.name == "llm-batch") o.llm_batch = static_cast<int32_t>(v);
      if (s.name == "llm-concurrency") o.llm_concurrency = static_cast<int32_t>(v);
      if (s.name == "llm-max-requests") o.llm_max_requests = v;
      if (s.name == "llm-max-tokens") o.llm_max_tokens = v;
      if (s.name == "llm-timeout-ms") o.llm_timeout_ms = static_cast<int32_t>(v);
      return absl::OkStatus();
    }
  }
  return absl::InternalError("unhandled setting type");
}

// .env and environment keys: ours are applied; a key in our namespaces that we do not know is a
// typo and an error; anything else (other tools share .env files) is left alone. GROQ_* keys
// belong to the LLM tier.
bool OursButUnknown(std::string_view key) {
  return (key.rfind("ASANASIM_", 0) == 0 || key.rfind("SEED_", 0) == 0) &&
         FindByEnv(key) == nullptr;
}

}  // namespace

std::string GenerateUsage() {
  std::string out =
      "usage: asanasim generate [options]\n\n"
      "Writes the six-month history of one or many Asana-like organizations into one SQLite "
      "file.\n\n"
      "options:\n";
  for (const Setting& s : kSettings) {
    std::string left = Cat("  --", s.name);
    if (s.type != Type::kBool) left += s.type == Type::kConfig ? " FILE" : " VALUE";
    left.resize(std::max<size_t>(left.size() + 1, 28), ' ');
    out += Cat(left, s.help);
    if (!s.env[0].empty()) out += Cat(" [", s.env[0], s.env[1].empty() ? "" : ", ", s.env[1], "]");
    out += "\n";
  }
  out +=
      "  --help                    this text\n\n"
      "The LLM tier's key is GROQ_API_KEY, read from the environment or ./.env only (never a "
      "flag);\nit is sent to Groq and nowhere else.\n\n"
      "Precedence: flags, then --config FILE, then environment variables [in brackets], then "
      "./.env,\n"
      "then the defaults. Exit status: 0 success, 1 runtime failure, 2 bad usage or "
      "configuration.\n";
  return out;
}

absl::StatusOr<CliConfig> ParseGenerateConfig(const std::vector<std::string>& args,
                                              const EnvLookup& env,
                                              const std::string& dotenv_path) {
  CliConfig config;
  Applied applied;

  // Flags are parsed first (so --config is known) but applied last.
  std::vector<std::pair<const Setting*, std::string>> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      config.help = true;
      return config;
    }
    if (arg.rfind("--", 0) != 0) {
      return absl::InvalidArgumentError(
          Cat("unexpected argument '", arg, "' (options start with --)"));
    }
    const size_t eq = arg.find('=');
    const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const Setting* s = FindByName(name);
    if (s == nullptr)
      return absl::InvalidArgumentError(Cat("unknown option '--", name, "' (see --help)"));
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (s->type == Type::kBool) {
      value = "true";
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return absl::InvalidArgumentError(Cat("option '--", name, "' needs a value"));
    }
    flags.emplace_back(s, std::move(value));
  }

  // ./.env
  std::error_code ec;
  if (std::filesystem::exists(dotenv_path, ec)) {
    ASANASIM_ASSIGN_OR_RETURN(std::vector<KeyValue> entries, ReadKeyValueFile(dotenv_path));
    for (const KeyValue& kv : entries) {
      const std::string source = Cat(kv.key, " (", dotenv_path, ":", std::to_string(kv.line), ")");
      if (OursButUnknown(kv.key)) return absl::InvalidArgumentError(Cat(source, ": unknown key"));
      if (kv.key == "GROQ_API_KEY") config.options.llm_api_key = kv.value;
      if (const Setting* s = FindByEnv(kv.key))
        ASANASIM_RETURN_IF_ERROR(Apply(*s, kv.value, source, config, applied));
    }
  }
  // Environment.
  for (const Setting& s : kSettings) {
    for (std::string_view key : s.env) {
      if (key.empty()) continue;
      const char* value = env(std::string(key).c_str());
      if (value != nullptr) {
        ASANASIM_RETURN_IF_ERROR(
            Apply(s, value, Cat("environment variable ", key), config, applied));
      }
    }
  }
  if (const char* key = env("GROQ_API_KEY"); key != nullptr) config.options.llm_api_key = key;
  // --config FILE
  for (const auto& [s, value] : flags) {
    if (s->type == Type::kConfig) applied.config_path = value;
  }
  if (!applied.config_path.empty()) {
    absl::StatusOr<std::vector<KeyValue>> entries = ReadKeyValueFile(applied.config_path);
    if (!entries.ok()) {
      return absl::InvalidArgumentError(Cat("--config: ", entries.status().message()));
    }
    for (const KeyValue& kv : *entries) {
      const std::string source =
          Cat(applied.config_path, ":", std::to_string(kv.line), ": ", kv.key);
      const Setting* s = FindByName(kv.key);
      if (s == nullptr || s->type == Type::kConfig) {
        return absl::InvalidArgumentError(
            Cat(applied.config_path, ":", std::to_string(kv.line), ": unknown key '", kv.key, "'"));
      }
      ASANASIM_RETURN_IF_ERROR(Apply(*s, kv.value, source, config, applied));
    }
  }
  // Flags.
  for (const auto& [s, value] : flags) {
    ASANASIM_RETURN_IF_ERROR(Apply(*s, value, Cat("--", s->name), config, applied));
  }

  GenerateOptions& o = config.options;
  if (applied.org_range && o.org_end > o.orgs) {
    return absl::InvalidArgumentError(Cat(
        applied.org_range_source, ": '", std::to_string(o.org_begin), ":",
        std::to_string(o.org_end), "' is outside the ", std::to_string(o.orgs), " orgs of --orgs"));
  }
  return config;
}

}  // namespace asanasim
