// The one command-line parser of asanasim. Every command declares its options as settings
// (src/config/setting.h) bound to its options structs, and its operands; this parses
//     --name VALUE   --name=VALUE   -x VALUE   --flag   --flag=false   --   -h/--help
// and, for commands that read configuration (generate, llm warm), a --config FILE, the
// environment and ./.env, with the precedence
//     flags > --config FILE > environment > ./.env > built-in defaults.
// A key of ours (ASANASIM_*, SEED_*) that no setting declares is an error in .env; other keys are
// left alone (other tools share the file). Errors are InvalidArgument with one line naming the
// culprit (flag, key, FILE:LINE, or variable). Thread-compatible (pure over its arguments).
#ifndef ASANASIM_SRC_CLI_COMMAND_LINE_H_
#define ASANASIM_SRC_CLI_COMMAND_LINE_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "src/config/setting.h"

namespace asanasim {

// One example of a command's use, shown by --help and its man page.
struct CommandExample {
  std::string_view command;  // "asanasim generate -o world.sqlite"
  std::string_view what;     // one sentence: what it does and why one would run it
};

struct CommandSpec {
  std::string_view name = {};      // "generate", "llm warm"
  std::string_view operands = {};  // usage words after the options, e.g. "OUT SHARD..." ("" = none)
  size_t min_operands = 0;
  size_t max_operands = 0;
  std::string_view summary = {};      // one line: what the command does
  std::string_view description = {};  // what follows the options in --help (may be empty)
  bool reads_configuration = false;   // --config FILE, the environment and ./.env
  std::span<const CommandExample> examples = {};
};

// What -h/--help prints, for the whole process. The man pages and the bash completion are made
// from the very tables --help prints, by `asanasim help --man PAGE` and `asanasim help
// --bash-completion`, which set this before running a command's --help; so they never drift
// from the options a command parses.
enum class HelpFormat : uint8_t {
  kText,        // the --help text
  kManPage,     // the command's man page (roff, man(7) macros)
  kCompletion,  // the command's branch of the bash completion function
};
void SetHelpFormat(HelpFormat format);

// Where configuration comes from besides the arguments.
// The names of the process's environment variables.
std::vector<std::string> EnvironmentNames();

struct ConfigSources {
  std::function<const char*(const char*)> env = [](const char* key) { return std::getenv(key); };
  // The names of the environment's variables (to catch a misspelled ASANASIM_* or SEED_* one).
  std::function<std::vector<std::string>()> env_names = EnvironmentNames;
  std::string dotenv_path = ".env";
};

struct ParsedCommandLine {
  bool help = false;  // -h or --help was given: nothing else was applied
  std::vector<std::string> operands;
};

// Parses `args` (the words after the command's name) into the bound settings.
absl::StatusOr<ParsedCommandLine> ParseCommandLine(const CommandSpec& spec,
                                                   std::span<const SettingBinding> bindings,
                                                   std::span<const std::string> args,
                                                   const ConfigSources& sources);

// ParseCommandLine, and on -h/--help the command's help on stdout: then the result is empty (the
// command is done); otherwise it holds the operands.
absl::StatusOr<std::optional<std::vector<std::string>>> ParseOrPrintHelp(
    const CommandSpec& spec, std::span<const SettingBinding> bindings,
    std::span<const std::string> args, const ConfigSources& sources = {});

// The command's --help text: usage, summary, every option with its value, help line, default and
// environment keys, then the description.
std::string CommandHelp(const CommandSpec& spec, std::span<const SettingBinding> bindings);

// The command's man page: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, ENVIRONMENT, EXAMPLES, SEE
// ALSO, from the same spec and settings as CommandHelp. `version` goes in the page's footer.
std::string CommandManPage(const CommandSpec& spec, std::span<const SettingBinding> bindings,
                           std::string_view version);

// The command's branch of `_asanasim`, the bash completion function (see HelpFormat): its
// options, which of them take a file, a directory or one of a few words, and its operands.
std::string CommandCompletion(const CommandSpec& spec, std::span<const SettingBinding> bindings);

// A command's man page name: "pack check" -> "asanasim-pack-check".
std::string ManPageName(std::string_view command);

// Text for roff: backslashes and hyphens escaped, a leading '.' or '\'' guarded.
std::string RoffEscape(std::string_view text);

}  // namespace asanasim

#endif  // ASANASIM_SRC_CLI_COMMAND_LINE_H_
