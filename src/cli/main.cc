// asanasim: the command-line entry point. Dispatches to a command (src/cli/*_command.cc) and
// turns its outcome into the exit status (src/cli/exit_code.h).
#include <cstdio>
#include <string>
#include <vector>

#include "asanasim/generate.h"
#include "src/cli/commands.h"
#include "src/cli/exit_code.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

std::string Usage() {
  std::string out = "usage: asanasim <command> [options]\n\ncommands:\n";
  for (const Command& c : Commands()) {
    std::string name(c.name);
    name.resize(12, ' ');
    out += Cat("  ", name, " ", c.summary, "\n");
  }
  out +=
      "\n  asanasim <command> --help   (or asanasim help <command>) options of a command\n"
      "  asanasim --version          print the version\n";
  return out;
}

const Command* Find(std::string_view name) {
  for (const Command& c : Commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(Usage().c_str(), stderr);
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || (args[0] == "help" && args.size() == 1)) {
    std::fputs(Usage().c_str(), stdout);
    return kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("asanasim %s\n", Version());
    return kExitOk;
  }
  if (args[0] == "help") {  // asanasim help CMD [SUB]: CMD [SUB] --help
    args.erase(args.begin());
    args.push_back("--help");
  }
  const Command* command = Find(args[0]);
  if (command == nullptr) {
    return Finish(
        absl::InvalidArgumentError(Cat("unknown command '", args[0], "' (see asanasim --help)")));
  }
  return Finish(command->run(std::span<const std::string>(args).subspan(1)));
}

}  // namespace
}  // namespace asanasim

int main(int argc, char** argv) { return asanasim::Main(argc, argv); }
