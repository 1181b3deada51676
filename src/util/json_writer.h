// A minimal streaming JSON writer (objects, arrays, strings with escaping, numbers, booleans) for
// manifests and --json output. Thread-compatible.
#ifndef ASANASIM_SRC_UTIL_JSON_WRITER_H_
#define ASANASIM_SRC_UTIL_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace asanasim {

class JsonWriter {
 public:
  // Pretty (indented, for people) unless `compact` (one line: request bodies, run records).
  explicit JsonWriter(bool compact = false) : compact_(compact) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  // Inside an object: the next value's key.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view v);
  JsonWriter& Int(int64_t v);
  JsonWriter& Double(double v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // A value that is already JSON text.
  JsonWriter& Raw(std::string_view json);

  const std::string& str() const { return out_; }

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();
  void Indent();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
  bool compact_ = false;
};

// `s` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view s);

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_JSON_WRITER_H_
