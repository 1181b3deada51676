// The response cache of the LLM tier: one zstd-compressed file per completed response, named by
// a 128-bit hash of the request (model, messages, parameters; never the key), under
// DIR/ab/abcdef....zst. Writes are atomic, so several processes (cluster nodes on a shared file
// system) can fill and read one cache. Thread-compatible.
#ifndef ASANASIM_SRC_LLM_CACHE_H_
#define ASANASIM_SRC_LLM_CACHE_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace asanasim {

class ResponseCache {
 public:
  explicit ResponseCache(std::string dir) : dir_(std::move(dir)) {}

  // The cache key of a request body.
  static std::string Key(std::string_view request_body);

  // The stored response content, if any (a damaged entry reads as absent).
  std::optional<std::string> Get(const std::string& key) const;
  absl::Status Put(const std::string& key, std::string_view content) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string Path(const std::string& key) const;
  std::string dir_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_LLM_CACHE_H_
