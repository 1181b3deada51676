#include "src/cli/command_line.h"

#include <cstdio>
#include <filesystem>
#include <utility>

#include "src/config/key_value_file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

struct Ref {
  const SettingBinding* binding = nullptr;
  size_t index = 0;
  const SettingInfo& info() const { return binding->info(index); }
  absl::Status Assign(std::string_view value, std::string_view source) const {
    return binding->Assign(index, value, source);
  }
};

// A setting by flag name (long, or the one-letter short name); secrets have no flag.
Ref FindFlag(std::span<const SettingBinding> bindings, std::string_view name, bool short_name) {
  for (const SettingBinding& b : bindings) {
    for (size_t i = 0; i < b.size(); ++i) {
      const SettingInfo& info = b.info(i);
      if (info.secret) continue;
      if (short_name ? (info.short_name != 0 && name.size() == 1 && name[0] == info.short_name)
                     : info.name == name)
        return {&b, i};
    }
  }
  return {};
}

Ref FindEnv(std::span<const SettingBinding> bindings, std::string_view key) {
  for (const SettingBinding& b : bindings) {
    for (size_t i = 0; i < b.size(); ++i) {
      for (std::string_view k : b.info(i).env) {
        if (!k.empty() && k == key) return {&b, i};
      }
    }
  }
  return {};
}

bool Ours(std::string_view key) {
  return key.rfind("ASANASIM_", 0) == 0 || key.rfind("SEED_", 0) == 0;
}

absl::Status Usage(std::string_view message) {
  return absl::InvalidArgumentError(std::string(message));
}

}  // namespace

absl::StatusOr<ParsedCommandLine> ParseCommandLine(const CommandSpec& spec,
                                                   std::span<const SettingBinding> bindings,
                                                   std::span<const std::string> args,
                                                   const ConfigSources& sources) {
  ParsedCommandLine parsed;
  // Flags are parsed first (so --config and --help are known) but applied last.
  std::vector<std::pair<Ref, std::string>> flags;
  std::string config_path;
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {
      parsed.operands.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      return parsed;
    }
    const bool long_flag = arg[1] == '-';
    const size_t eq = arg.find('=');
    const std::string name = arg.substr(
        long_flag ? 2 : 1, eq == std::string::npos ? std::string::npos : eq - (long_flag ? 2 : 1));
    const std::string shown = long_flag ? Cat("--", name) : Cat("-", name);
    if (spec.reads_configuration && long_flag && name == "config") {
      if (eq != std::string::npos) {
        config_path = arg.substr(eq + 1);
      } else if (i + 1 < args.size()) {
        config_path = args[++i];
      } else {
        return Usage("option '--config' needs a value");
      }
      if (config_path.empty()) return Usage("--config: '' is empty");
      continue;
    }
    const Ref ref = FindFlag(bindings, name, !long_flag);
    if (ref.binding == nullptr)
      return Usage(Cat("unknown option '", shown, "' (see asanasim ", spec.name, " --help)"));
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (ref.info().type == SettingType::kBool) {
      value = "true";
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Usage(Cat("option '", shown, "' needs a value"));
    }
    flags.emplace_back(ref, std::move(value));
  }
  if (parsed.operands.size() < spec.min_operands || parsed.operands.size() > spec.max_operands) {
    if (parsed.operands.size() > spec.max_operands) {
      const std::string& extra = parsed.operands[spec.max_operands];
      return Usage(Cat("unexpected argument '", extra, "' (usage: asanasim ", spec.name,
                       spec.operands.empty() ? " [options]" : Cat(" [options] ", spec.operands),
                       ")"));
    }
    return Usage(
        Cat(spec.name, " needs ", spec.operands, " (see asanasim ", spec.name, " --help)"));
  }

  if (spec.reads_configuration) {
    // ./.env
    std::error_code ec;
    if (std::filesystem::exists(sources.dotenv_path, ec)) {
      ASANASIM_ASSIGN_OR_RETURN(std::vector<KeyValue> entries,
                                ReadKeyValueFile(sources.dotenv_path));
      for (const KeyValue& kv : entries) {
        const std::string source =
            Cat(kv.key, " (", sources.dotenv_path, ":", std::to_string(kv.line), ")");
        const Ref ref = FindEnv(bindings, kv.key);
        if (ref.binding != nullptr) {
          ASANASIM_RETURN_IF_ERROR(ref.Assign(kv.value, source));
        } else if (Ours(kv.key)) {
          return Usage(Cat(source, ": unknown key"));
        }
      }
    }
    // The environment.
    for (const SettingBinding& b : bindings) {
      for (size_t i = 0; i < b.size(); ++i) {
        for (std::string_view key : b.info(i).env) {
          if (key.empty()) continue;
          const char* value = sources.env(std::string(key).c_str());
          if (value != nullptr)
            ASANASIM_RETURN_IF_ERROR(b.Assign(i, value, Cat("environment variable ", key)));
        }
      }
    }
    // --config FILE
    if (!config_path.empty()) {
      absl::StatusOr<std::vector<KeyValue>> entries = ReadKeyValueFile(config_path);
      if (!entries.ok()) return Usage(Cat("--config: ", entries.status().message()));
      for (const KeyValue& kv : *entries) {
        const std::string where = Cat(config_path, ":", std::to_string(kv.line));
        const Ref ref = FindFlag(bindings, kv.key, /*short_name=*/false);
        if (ref.binding == nullptr) return Usage(Cat(where, ": unknown key '", kv.key, "'"));
        ASANASIM_RETURN_IF_ERROR(ref.Assign(kv.value, Cat(where, ": ", kv.key)));
      }
    }
  }
  for (const auto& [ref, value] : flags)
    ASANASIM_RETURN_IF_ERROR(ref.Assign(value, Cat("--", ref.info().name)));
  return parsed;
}

absl::StatusOr<std::optional<std::vector<std::string>>> ParseOrPrintHelp(
    const CommandSpec& spec, std::span<const SettingBinding> bindings,
    std::span<const std::string> args, const ConfigSources& sources) {
  ASANASIM_ASSIGN_OR_RETURN(ParsedCommandLine parsed,
                            ParseCommandLine(spec, bindings, args, sources));
  if (parsed.help) {
    std::fputs(CommandHelp(spec, bindings).c_str(), stdout);
    return std::nullopt;
  }
  return std::move(parsed.operands);
}

std::string CommandHelp(const CommandSpec& spec, std::span<const SettingBinding> bindings) {
  std::string out =
      Cat("usage: asanasim ", spec.name, " [options]", spec.operands.empty() ? "" : " ",
          spec.operands, "\n\n", spec.summary, "\n\noptions:\n");
  std::vector<std::string> secrets;
  const auto line = [&](std::string left, std::string_view doc) {
    left.resize(std::max<size_t>(left.size() + 2, 30), ' ');
    out += Cat("  ", left, doc, "\n");
  };
  for (const SettingBinding& b : bindings) {
    for (size_t i = 0; i < b.size(); ++i) {
      const SettingInfo& info = b.info(i);
      if (info.secret) {
        secrets.push_back(Cat(info.name, ": ", info.doc));
        continue;
      }
      std::string left = info.short_name != 0 ? Cat("-", std::string(1, info.short_name), ", ")
                                              : std::string("    ");
      left += Cat("--", info.name);
      if (info.type != SettingType::kBool) left += Cat(" ", info.value_name);
      std::string doc(info.doc);
      const std::string def = b.DefaultText(i);
      if (info.type != SettingType::kBool && !def.empty() && def != "0")
        doc += Cat(" (default ", def, ")");
      if (!info.env[0].empty()) {
        doc += Cat(" [", info.env[0], info.env[1].empty() ? "" : ", ", info.env[1], "]");
      }
      line(left, doc);
    }
  }
  if (spec.reads_configuration)
    line("    --config FILE", "read settings from FILE (key = value lines)");
  line("-h, --help", "this text");
  for (const std::string& s : secrets) out += Cat("\n", s, "\n");
  if (spec.reads_configuration) {
    out +=
        "\nPrecedence: flags, then --config FILE, then environment variables [in brackets], then "
        "./.env,\nthen the defaults.";
    out += "\n";
  }
  if (!spec.description.empty()) out += Cat("\n", spec.description);
  if (out.back() != '\n') out += '\n';
  return out;
}

}  // namespace asanasim
