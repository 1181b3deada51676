// The commands of the asanasim binary: each one file (src/cli/*_command.cc) that parses its
// arguments with the one command-line parser and calls the library. main.cc dispatches. A command
// returns a Status; src/cli/exit_code.h turns it into the exit status. Thread-hostile (commands
// own the process: signals, stdout, stderr).
#ifndef ASANASIM_SRC_CLI_COMMANDS_H_
#define ASANASIM_SRC_CLI_COMMANDS_H_

#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace asanasim {

struct Command {
  std::string_view name;
  std::string_view summary;
  // `args` are the words after the command's name.
  absl::Status (*run)(std::span<const std::string> args);
};

absl::Status RunGenerate(std::span<const std::string> args);
absl::Status RunMerge(std::span<const std::string> args);
absl::Status RunHash(std::span<const std::string> args);
absl::Status RunValidate(std::span<const std::string> args);
absl::Status RunProfile(std::span<const std::string> args);
absl::Status RunLlm(std::span<const std::string> args);
absl::Status RunPack(std::span<const std::string> args);
absl::Status RunPackAuthor(std::span<const std::string> args);  // pack author

// Every command, in the order `asanasim --help` lists them.
std::span<const Command> Commands();

// Every command that parses options, with its subcommand where it has some ("pack check"): each
// has a man page, asanasim-generate(1), asanasim-pack-check(1), and a branch in the completion.
std::span<const std::string_view> LeafCommands();

}  // namespace asanasim

#endif  // ASANASIM_SRC_CLI_COMMANDS_H_
