#include "src/cli/command_line.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <utility>

#include "asanasim/generate.h"
#include "src/config/generate_settings.h"
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

// A variable of ours that some command reads (not necessarily this one: pack author reads the
// generate settings but --out), or that the shard scripts pass to their jobs.
bool KnownAnywhere(std::string_view key) {
  if (key == "ASANASIM_BIN" || key == "ASANASIM_SCRIPTS") return true;
  for (const Setting<GenerateOptions>& s : GenerateSettings()) {
    for (std::string_view k : s.info.env) {
      if (k == key) return true;
    }
  }
  return false;
}

HelpFormat help_format = HelpFormat::kText;

// An option's help line with its default, as --help and the man page show it.
std::string DocWithDefault(const SettingBinding& b, size_t i) {
  const SettingInfo& info = b.info(i);
  std::string doc(info.doc);
  const std::string def = b.DefaultText(i);
  if (info.type != SettingType::kBool && !def.empty() && def != "0")
    doc += Cat(" (default ", def, ")");
  return doc;
}

absl::Status Usage(std::string_view message) {
  return absl::InvalidArgumentError(std::string(message));
}

// A key that `entries` of `path` give twice (of those `counts` selects): one of the two is a
// mistake, not a silent override.
absl::Status CheckRepeatedKeys(const std::vector<KeyValue>& entries, const std::string& path,
                               const std::function<bool(std::string_view)>& counts) {
  std::map<std::string, int> first_line;
  for (const KeyValue& kv : entries) {
    if (!counts(kv.key)) continue;
    const auto [at, fresh] = first_line.emplace(kv.key, kv.line);
    if (!fresh) {
      return Usage(Cat(path, ":", std::to_string(kv.line), ": key '", kv.key, "' repeats line ",
                       std::to_string(at->second)));
    }
  }
  return absl::OkStatus();
}

// What the arguments say, before anything is applied.
struct Arguments {
  bool help = false;
  std::vector<std::string> operands;
  std::vector<std::pair<Ref, std::string>> flags;  // in order
  std::string config_path;                         // --config FILE
};

absl::StatusOr<Arguments> ReadArguments(const CommandSpec& spec,
                                        std::span<const SettingBinding> bindings,
                                        std::span<const std::string> args) {
  Arguments out;
  bool options_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || arg.size() < 2 || arg[0] != '-') {
      out.operands.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      return out;
    }
    const bool long_flag = arg[1] == '-';
    const size_t skip = long_flag ? 2 : 1;
    const size_t eq = arg.find('=');
    const std::string name =
        arg.substr(skip, eq == std::string::npos ? std::string::npos : eq - skip);
    const std::string shown = Cat(long_flag ? "--" : "-", name);
    const bool config = spec.reads_configuration && long_flag && name == "config";
    const Ref ref = config ? Ref{} : FindFlag(bindings, name, !long_flag);
    if (!config && ref.binding == nullptr)
      return Usage(Cat("unknown option '", shown, "' (see asanasim ", spec.name, " --help)"));
    std::string value;
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
    } else if (!config && ref.info().type == SettingType::kBool) {
      value = "true";
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Usage(Cat("option '", shown, "' needs a value"));
    }
    if (config) {
      if (value.empty()) return Usage("--config: '' is empty");
      out.config_path = std::move(value);
    } else {
      out.flags.emplace_back(ref, std::move(value));
    }
  }
  if (out.operands.size() > spec.max_operands) {
    return Usage(Cat("unexpected argument '", out.operands[spec.max_operands],
                     "' (usage: asanasim ", spec.name, " [options]",
                     spec.operands.empty() ? "" : " ", spec.operands, ")"));
  }
  if (out.operands.size() < spec.min_operands)
    return Usage(
        Cat(spec.name, " needs ", spec.operands, " (see asanasim ", spec.name, " --help)"));
  return out;
}

// ./.env: keys of our settings apply; a key of ours that no setting declares is a typo.
absl::Status ApplyDotenv(std::span<const SettingBinding> bindings, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return absl::OkStatus();
  ASANASIM_ASSIGN_OR_RETURN(const std::vector<KeyValue> entries, ReadKeyValueFile(path));
  // Other tools' keys may repeat (the file is shared); ours may not.
  ASANASIM_RETURN_IF_ERROR(CheckRepeatedKeys(entries, path, Ours));
  for (const KeyValue& kv : entries) {
    const std::string source = Cat(kv.key, " (", path, ":", std::to_string(kv.line), ")");
    const Ref ref = FindEnv(bindings, kv.key);
    if (ref.binding != nullptr) {
      ASANASIM_RETURN_IF_ERROR(ref.Assign(kv.value, source));
    } else if (Ours(kv.key)) {
      return Usage(Cat(source, ": unknown key"));
    }
  }
  return absl::OkStatus();
}

absl::Status ApplyEnvironment(std::span<const SettingBinding> bindings,
                              const ConfigSources& sources) {
  // As in .env: a variable of ours that nothing reads is a typo, not something to ignore.
  for (const std::string& name : sources.env_names()) {
    if (Ours(name) && FindEnv(bindings, name).binding == nullptr && !KnownAnywhere(name))
      return Usage(Cat("environment variable ", name,
                       ": no option reads it (--help gives each option's variable in brackets)"));
  }
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
  return absl::OkStatus();
}

// --config FILE: `name = value` lines, a setting's flag name as the key.
absl::Status ApplyConfigFile(std::span<const SettingBinding> bindings, const std::string& path) {
  absl::StatusOr<std::vector<KeyValue>> entries = ReadKeyValueFile(path);
  if (!entries.ok()) return Usage(Cat("--config: ", entries.status().message()));
  ASANASIM_RETURN_IF_ERROR(
      CheckRepeatedKeys(*entries, path, [](std::string_view) { return true; }));
  for (const KeyValue& kv : *entries) {
    const std::string where = Cat(path, ":", std::to_string(kv.line));
    const Ref ref = FindFlag(bindings, kv.key, /*short_name=*/false);
    if (ref.binding == nullptr) return Usage(Cat(where, ": unknown key '", kv.key, "'"));
    ASANASIM_RETURN_IF_ERROR(ref.Assign(kv.value, Cat(where, ": ", kv.key)));
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<std::string> EnvironmentNames() {
  std::vector<std::string> names;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry = *e;
    names.emplace_back(entry.substr(0, entry.find('=')));
  }
  return names;
}

absl::StatusOr<ParsedCommandLine> ParseCommandLine(const CommandSpec& spec,
                                                   std::span<const SettingBinding> bindings,
                                                   std::span<const std::string> args,
                                                   const ConfigSources& sources) {
  ASANASIM_ASSIGN_OR_RETURN(Arguments a, ReadArguments(spec, bindings, args));
  ParsedCommandLine parsed{.help = a.help, .operands = std::move(a.operands)};
  if (a.help) return parsed;
  // Lowest precedence first, so that each source overrides the ones before it.
  if (spec.reads_configuration) {
    ASANASIM_RETURN_IF_ERROR(ApplyDotenv(bindings, sources.dotenv_path));
    ASANASIM_RETURN_IF_ERROR(ApplyEnvironment(bindings, sources));
    if (!a.config_path.empty()) ASANASIM_RETURN_IF_ERROR(ApplyConfigFile(bindings, a.config_path));
  }
  // A flag given twice with different values: which one was meant? (The same value twice is
  // harmless: scripts that add their own flags to a user's may repeat one.)
  for (size_t i = 0; i < a.flags.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (a.flags[j].first.binding == a.flags[i].first.binding &&
          a.flags[j].first.index == a.flags[i].first.index &&
          a.flags[j].second != a.flags[i].second) {
        return Usage(Cat("--", a.flags[i].first.info().name, " is given twice ('",
                         a.flags[j].second, "' and '", a.flags[i].second, "')"));
      }
    }
  }
  for (const auto& [ref, value] : a.flags)
    ASANASIM_RETURN_IF_ERROR(ref.Assign(value, Cat("--", ref.info().name)));
  return parsed;
}

absl::StatusOr<std::optional<std::vector<std::string>>> ParseOrPrintHelp(
    const CommandSpec& spec, std::span<const SettingBinding> bindings,
    std::span<const std::string> args, const ConfigSources& sources) {
  ASANASIM_ASSIGN_OR_RETURN(ParsedCommandLine parsed,
                            ParseCommandLine(spec, bindings, args, sources));
  if (parsed.help) {
    switch (help_format) {
      case HelpFormat::kText:
        std::fputs(CommandHelp(spec, bindings).c_str(), stdout);
        break;
      case HelpFormat::kManPage:
        std::fputs(CommandManPage(spec, bindings, Version()).c_str(), stdout);
        break;
      case HelpFormat::kCompletion:
        std::fputs(CommandCompletion(spec, bindings).c_str(), stdout);
        break;
    }
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
      std::string doc = DocWithDefault(b, i);
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
  if (!spec.examples.empty()) {
    out += "\nexamples:\n";
    for (const CommandExample& e : spec.examples)
      out += Cat("  ", e.command, "\n      ", e.what, "\n");
  }
  return out;
}

void SetHelpFormat(HelpFormat format) { help_format = format; }

std::string ManPageName(std::string_view command) {
  std::string out = Cat("asanasim-", command);
  for (char& c : out) {
    if (c == ' ') c = '-';
  }
  return out;
}

std::string RoffEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool line_start = i == 0 || text[i - 1] == '\n';
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && (i == 0 || std::string_view(" \n([`'\"=|-").find(text[i - 1]) !=
                                          std::string_view::npos)) {
      // A hyphen that starts a word is an option's minus: \- keeps it ASCII in the rendered page
      // (so it can be copied into a shell); one inside a word ("six-month") stays a hyphen.
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// "Writes the history." -> "writes the history", for a man page's NAME line.
std::string NameLine(std::string_view summary) {
  std::string out(summary);
  if (!out.empty() && out.back() == '.') out.pop_back();
  if (out.size() > 1 && out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

// Free text as roff paragraphs: a blank line starts one, lines indented by two spaces are shown
// as they are (commands, tables), the rest is filled.
std::string RoffParagraphs(std::string_view text) {
  std::string out;
  bool verbatim = false;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    const bool indented = line.size() > 2 && line.substr(0, 2) == "  ";
    if (verbatim && !indented) {
      out += ".fi\n.RE\n";
      verbatim = false;
    }
    if (line.empty()) {
      out += ".PP\n";
    } else if (indented) {
      if (!verbatim) out += ".RS 4\n.nf\n";
      verbatim = true;
      out += Cat(RoffEscape(line.substr(2)), "\n");
    } else {
      out += Cat(RoffEscape(line), "\n");
    }
  }
  if (verbatim) out += ".fi\n.RE\n";
  return out;
}

// How a value of `info` is completed: a file, a directory, one of its choices, or not at all.
enum class ValueKind : uint8_t { kFile, kDirectory, kWords, kOther };
ValueKind KindOf(const SettingInfo& info) {
  if (!info.choices.empty()) return ValueKind::kWords;
  if (info.type != SettingType::kPath) return ValueKind::kOther;
  return info.value_name.find("DIR") != std::string_view::npos ? ValueKind::kDirectory
                                                               : ValueKind::kFile;
}

}  // namespace

std::string CommandManPage(const CommandSpec& spec, std::span<const SettingBinding> bindings,
                           std::string_view version) {
  const std::string page = ManPageName(spec.name);
  std::string title = page;
  for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // No date: the page is a function of the sources, so a rebuild makes the same bytes.
  std::string out =
      Cat(".\\\" Generated by `asanasim help --man ", page,
          "` from the tables --help prints; do not edit.\n", ".TH ", RoffEscape(title),
          " 1 \"\" \"asanasim ", version, "\" \"asanasim manual\"\n", ".SH NAME\n",
          RoffEscape(page), " \\- ", RoffEscape(NameLine(spec.summary)), "\n", ".SH SYNOPSIS\n",
          ".B asanasim ", RoffEscape(spec.name), "\n[\\fIoptions\\fR]");
  if (!spec.operands.empty()) out += Cat(" \\fI", RoffEscape(spec.operands), "\\fR");
  out += Cat("\n.SH DESCRIPTION\n", RoffEscape(spec.summary), "\n");
  if (!spec.description.empty()) out += Cat(".PP\n", RoffParagraphs(spec.description));

  out += ".SH OPTIONS\n";
  std::vector<std::pair<std::string, std::string>> environment;  // keys (roff), what they set
  const auto option = [&](std::string_view head, std::string_view doc) {
    out += Cat(".TP\n", head, "\n", RoffEscape(doc), "\n");
  };
  for (const SettingBinding& b : bindings) {
    for (size_t i = 0; i < b.size(); ++i) {
      const SettingInfo& info = b.info(i);
      if (info.secret) {
        environment.emplace_back(Cat("\\fB", RoffEscape(info.name), "\\fR"), Cat(info.doc, "."));
        continue;
      }
      std::string head =
          info.short_name != 0 ? Cat("\\fB\\-", std::string(1, info.short_name), "\\fR, ") : "";
      head += Cat("\\fB\\-\\-", RoffEscape(info.name), "\\fR");
      if (info.type != SettingType::kBool)
        head += Cat(" \\fI", RoffEscape(info.value_name), "\\fR");
      std::string doc = DocWithDefault(b, i);
      if (!doc.empty() && doc.back() != '.') doc += '.';
      option(head, doc);
      if (!info.env[0].empty()) {
        std::string keys = Cat("\\fB", RoffEscape(info.env[0]), "\\fR");
        if (!info.env[1].empty()) keys += Cat(", \\fB", RoffEscape(info.env[1]), "\\fR");
        environment.emplace_back(std::move(keys), Cat("sets --", info.name, "."));
      }
    }
  }
  if (spec.reads_configuration)
    option("\\fB\\-\\-config\\fR \\fIFILE\\fR",
           "read settings from FILE: key = value lines, a key being an option's long name.");
  option("\\fB\\-h\\fR, \\fB\\-\\-help\\fR", "print the options and exit.");
  if (spec.reads_configuration) {
    out += Cat(".PP\n",
               RoffEscape("Precedence: flags, then --config FILE, then the environment "
                          "variables below, then ./.env (the same keys), then the "
                          "defaults."),
               "\n");
  }
  if (!environment.empty()) {
    out += ".SH ENVIRONMENT\n";
    out +=
        Cat(RoffEscape(spec.reads_configuration ? "Each is also read from ./.env (KEY=value lines)."
                                                : "Read from the environment."),
            "\n");
    for (const auto& [keys, what] : environment) option(keys, what);
  }
  if (!spec.examples.empty()) {
    out += ".SH EXAMPLES\n";
    for (const CommandExample& e : spec.examples) {
      out += Cat(".PP\n", RoffEscape(e.what), "\n.PP\n.RS 4\n.nf\n", RoffEscape(e.command),
                 "\n.fi\n.RE\n");
    }
  }
  out +=
      ".SH EXIT STATUS\n"
      "0 success; 1 a runtime failure, or a command that ran and answered no (see above); 2 bad\n"
      "usage or input, with one line on standard error naming the culprit and nothing on disk\n"
      "created or changed; 130 interrupted (SIGINT); 143 terminated (SIGTERM).\n"
      ".SH SEE ALSO\n.BR asanasim (1)\n";
  return out;
}

std::string CommandCompletion(const CommandSpec& spec, std::span<const SettingBinding> bindings) {
  std::vector<std::string> words;  // every flag
  std::string files, directories, others, choices;
  const auto add = [](std::string& list, std::string_view name) {
    list += Cat(list.empty() ? "" : "|", name);
  };
  for (const SettingBinding& b : bindings) {
    for (size_t i = 0; i < b.size(); ++i) {
      const SettingInfo& info = b.info(i);
      if (info.secret) continue;
      std::string pattern = Cat("--", info.name);
      if (info.short_name != 0) {
        words.push_back(Cat("-", std::string(1, info.short_name)));
        pattern = Cat("-", std::string(1, info.short_name), "|", pattern);
      }
      words.push_back(Cat("--", info.name));
      if (info.type == SettingType::kBool) continue;
      switch (KindOf(info)) {
        case ValueKind::kFile:
          add(files, pattern);
          break;
        case ValueKind::kDirectory:
          add(directories, pattern);
          break;
        case ValueKind::kWords: {
          std::string list;
          for (std::string_view c : info.choices) list += Cat(list.empty() ? "" : " ", c);
          choices += Cat("        ", pattern, ") COMPREPLY=($(compgen -W '", list,
                         "' -- \"$cur\")); return ;;\n");
          break;
        }
        case ValueKind::kOther:
          add(others, pattern);
          break;
      }
    }
  }
  if (spec.reads_configuration) {
    words.push_back("--config");
    add(files, "--config");
  }
  words.push_back("-h");
  words.push_back("--help");
  std::string out = Cat("    '", spec.name, "')\n      opts='");
  for (size_t i = 0; i < words.size(); ++i) out += Cat(i == 0 ? "" : " ", words[i]);
  out += "'\n      case $prev in\n";
  if (!files.empty()) out += Cat("        ", files, ") _asanasim_files; return ;;\n");
  if (!directories.empty()) out += Cat("        ", directories, ") _asanasim_dirs; return ;;\n");
  out += choices;
  if (!others.empty()) out += Cat("        ", others, ") return ;;  # a value to type\n");
  const std::string_view operands = spec.max_operands == 0                                ? "none"
                                    : spec.operands.find("DIR") != std::string_view::npos ? "dirs"
                                                                                          : "files";
  out += Cat("      esac\n      operands=", operands, " ;;\n");
  return out;
}

}  // namespace asanasim
