// The `generate` command's configuration: flags, a --config file, the environment and a .env
// file, merged with this precedence (highest first):
//     flags  >  --config FILE  >  environment  >  ./.env  >  built-in defaults
// Every setting has a flag name (`--users`), the same key in a --config file (`users = 500`), and
// environment/.env keys (ASANASIM_USERS, and the original generator's SEED_COUNT_USERS etc.).
// Thread-safe (pure functions over their arguments).
#ifndef ASANASIM_SRC_CLI_CONFIG_H_
#define ASANASIM_SRC_CLI_CONFIG_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "asanasim/options.h"

namespace asanasim {

struct CliConfig {
  GenerateOptions options;
  bool quiet = false;
  bool help = false;
};

using EnvLookup = std::function<const char*(const char*)>;

// `args` are the words after "generate". `dotenv_path` is read if it exists. Errors are
// InvalidArgument with one line naming the culprit (flag, key, file:line, or variable).
absl::StatusOr<CliConfig> ParseGenerateConfig(const std::vector<std::string>& args,
                                              const EnvLookup& env, const std::string& dotenv_path);

// The `generate --help` text.
std::string GenerateUsage();

}  // namespace asanasim

#endif  // ASANASIM_SRC_CLI_CONFIG_H_
