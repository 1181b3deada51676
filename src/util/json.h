// JSON through nlohmann::json (Debian's nlohmann-json3-dev): the one alias, a parser that returns a
// Status instead of throwing, a writer that never throws (invalid UTF-8 is replaced, not fatal),
// and a null-safe member lookup for reading what servers send. Objects keep their members in
// insertion order, so records read as they were written. Thread-compatible values.
#ifndef ASANASIM_SRC_UTIL_JSON_H_
#define ASANASIM_SRC_UTIL_JSON_H_

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace asanasim {

using Json = nlohmann::ordered_json;

// Parses one whole document (surrounding whitespace allowed, nothing else). Errors are
// InvalidArgument naming the byte offset.
absl::StatusOr<Json> ParseJson(std::string_view text);

// A number for a record: whole values as integers ("2", not "2.0"), others as the shortest text
// that reads back the same double.
Json JsonNumber(double v);

// `j` as text: compact (one line: request bodies, run records), or indented by two spaces.
std::string DumpJson(const Json& j, bool pretty = false);

// Appends `s` as a JSON string literal (quoted, escaped). For hot paths that write small JSON
// by hand instead of building a Json value per row.
void AppendJsonString(std::string& out, std::string_view s);

// Member `key` of `j`, or null when `j` is not an object or has no such member.
const Json* Member(const Json& j, std::string_view key);

// The string value of member `key`, or "" when it is missing or not a string.
std::string StringMember(const Json& j, std::string_view key);

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_JSON_H_
