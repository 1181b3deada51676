// A small, strict JSON reader (RFC 8259): parses a document into a tree of Json values. For the
// LLM client's responses and cache entries; not a streaming parser. Thread-compatible values.
#ifndef ASANASIM_SRC_UTIL_JSON_READER_H_
#define ASANASIM_SRC_UTIL_JSON_READER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace asanasim {

class Json {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type() const { return type_; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  bool boolean() const { return bool_; }
  double number() const { return number_; }
  const std::string& string() const { return string_; }
  const std::vector<Json>& array() const { return array_; }
  // Member `key` of an object, or nullptr (also when this is not an object).
  const Json* Find(std::string_view key) const;

  // Parses a whole document (surrounding whitespace allowed, nothing else). Errors are
  // InvalidArgument naming the byte offset.
  static absl::StatusOr<Json> Parse(std::string_view text);

 private:
  friend class JsonParser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Json> array_;
  std::vector<std::pair<std::string, Json>> object_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_JSON_READER_H_
