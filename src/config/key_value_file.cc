#include "src/config/key_value_file.h"

#include <cerrno>

#include "src/util/file.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {

absl::StatusOr<std::vector<KeyValue>> ParseKeyValues(const std::string& text,
                                                     const std::string& path) {
  std::vector<KeyValue> out;
  std::istringstream in(text);
  std::string raw;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    std::string_view s = Trim(raw);
    if (s.empty() || s.front() == '#') continue;
    if (s.substr(0, 7) == "export ") s = Trim(s.substr(7));
    const size_t eq = s.find('=');
    if (eq == std::string_view::npos || Trim(s.substr(0, eq)).empty()) {
      return absl::InvalidArgumentError(
          Cat(path, ":", std::to_string(line), ": expected key=value, got '", s, "'"));
    }
    std::string_view value = Trim(s.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    } else if (const size_t hash = value.find(" #"); hash != std::string_view::npos) {
      value = Trim(value.substr(0, hash));  // Trailing comment on an unquoted value.
    }
    out.push_back({std::string(Trim(s.substr(0, eq))), std::string(value), line});
  }
  return out;
}

absl::StatusOr<std::vector<KeyValue>> ReadKeyValueFile(const std::string& path) {
  // ReadFile, not an ifstream: a directory reads as an error (EISDIR), not as an empty file.
  ASANASIM_ASSIGN_OR_RETURN(const std::string text, ReadFile(path));
  return ParseKeyValues(text, path);
}

}  // namespace asanasim
