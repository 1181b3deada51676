// asanasim profile [FILE]: the documented profile, the defaults or FILE applied over them.
#include <cstdio>

#include "src/cli/command_line.h"
#include "src/cli/commands.h"
#include "src/plan/profile.h"
#include "src/util/status.h"

namespace asanasim {

namespace {

constexpr CommandExample kExamples[] = {
    {"asanasim profile > my.profile", "Every parameter with its default and doc line, to edit."},
    {"asanasim profile my.profile && asanasim generate --profile my.profile -o w.sqlite",
     "Check the edited file, then generate with it."},
};

constexpr CommandSpec kSpec{
    .name = "profile",
    .operands = "[FILE]",
    .min_operands = 0,
    .max_operands = 1,
    .summary = "Prints every distribution parameter of the generated world with its doc line.",
    .description =
        "The defaults, or FILE applied over them (checked as `generate --profile FILE` would).\n"
        "Save the output, edit it, and pass it to `asanasim generate --profile FILE`.\n",
    .examples = kExamples};

}  // namespace

absl::Status RunProfile(std::span<const std::string> args) {
  ASANASIM_ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> operands,
                            ParseOrPrintHelp(kSpec, {}, args));
  if (!operands.has_value()) return absl::OkStatus();
  ASANASIM_ASSIGN_OR_RETURN(const Profile profile,
                            LoadProfile(operands->empty() ? "" : (*operands)[0]));
  std::fputs(FormatProfile(profile).c_str(), stdout);
  return absl::OkStatus();
}

}  // namespace asanasim
