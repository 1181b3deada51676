// Readers for the two key=value file formats the settings are read from: a dotenv file (KEY=VALUE,
// optional `export `, quotes) and a --config file (`key = value`, # comments). Thread-safe (pure).
#ifndef ASANASIM_SRC_CONFIG_KEY_VALUE_FILE_H_
#define ASANASIM_SRC_CONFIG_KEY_VALUE_FILE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace asanasim {

struct KeyValue {
  std::string key;
  std::string value;
  int line = 0;
};

// Parses `text` (the contents of `path`, which is used in messages only). Blank lines and lines
// starting with '#' are skipped; values may be wrapped in single or double quotes; a line without
// '=' is an error naming path:line.
absl::StatusOr<std::vector<KeyValue>> ParseKeyValues(const std::string& text,
                                                     const std::string& path);

// Reads and parses the file at `path`. NotFound if it does not exist.
absl::StatusOr<std::vector<KeyValue>> ReadKeyValueFile(const std::string& path);

}  // namespace asanasim

#endif  // ASANASIM_SRC_CONFIG_KEY_VALUE_FILE_H_
