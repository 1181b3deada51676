#include "src/cli/commands.h"

namespace asanasim {
namespace {

constexpr Command kCommands[] = {
    {"generate", "write the history of one or many organizations into a SQLite database",
     &RunGenerate},
    {"merge", "combine shard databases of one universe into one database", &RunMerge},
    {"hash", "per-table and overall content hashes of a database", &RunHash},
    {"validate", "check a database's integrity, business rules and realism statistics",
     &RunValidate},
    {"profile", "print the distribution parameters (defaults, or FILE applied to them)",
     &RunProfile},
    {"pack",
     "pack check [DIR] / export DIR / author: check, start, or have the LLM write vocabulary packs",
     &RunPack},
    {"llm", "llm warm: fill the LLM response cache ahead of time (for offline cluster nodes)",
     &RunLlm},
};

constexpr std::string_view kLeafCommands[] = {
    "generate",   "merge",       "hash",        "validate", "profile",
    "pack check", "pack export", "pack author", "llm warm",
};

}  // namespace

std::span<const Command> Commands() { return kCommands; }

std::span<const std::string_view> LeafCommands() { return kLeafCommands; }

}  // namespace asanasim
