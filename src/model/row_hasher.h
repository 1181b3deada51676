// The content-hash encoding, in one place: every value is fed as a type byte (SQLite's
// fundamental type codes) and its bytes, and a table's hash is XXH3-128 over its rows in primary-
// key order. HashDatabase reads rows back from a file; SqliteWriter hashes them as it writes
// them; both must agree, so both use this. Thread-compatible.
#ifndef ASANASIM_SRC_MODEL_ROW_HASHER_H_
#define ASANASIM_SRC_MODEL_ROW_HASHER_H_

#include <xxhash.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "asanasim/hash.h"

namespace asanasim {

class RowHasher {
 public:
  // SQLite's type codes (SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL).
  enum Type : unsigned char { kInteger = 1, kFloat = 2, kText = 3, kBlob = 4, kNull = 5 };

  RowHasher() : state_(XXH3_createState(), XXH3_freeState) { XXH3_128bits_reset(state_.get()); }

  void Null() { Byte(kNull); }
  void Integer(int64_t v) {
    Byte(kInteger);
    U64(static_cast<uint64_t>(v));
  }
  void Float(double v) {
    Byte(kFloat);
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof(bits));
    U64(bits);
  }
  void Text(std::string_view v, Type type = kText) {
    Byte(type);
    U64(v.size());
    Put(v.data(), v.size());
  }
  // 32 hex digits.
  std::string Hex() const;

 private:
  // The values' bytes are gathered here and fed to XXH3 a buffer at a time: a stream is hashed
  // the same whatever its cut into updates, and one update per type byte or integer cost more
  // than the hashing itself (XXH3 update 5% of a whole generate run, the writer's thread).
  static constexpr size_t kBufferBytes = 4096;

  void Byte(unsigned char b) {
    if (used_ == kBufferBytes) Flush();
    buffer_[used_++] = b;
  }
  void U64(uint64_t v) {
    if (kBufferBytes - used_ < 8) Flush();
    for (int i = 0; i < 8; ++i) buffer_[used_++] = static_cast<unsigned char>(v >> (8 * i));
  }
  void Put(const char* data, size_t n) {
    if (n == 0) return;  // (data may be null)
    if (n > kBufferBytes - used_) {
      Flush();
      if (n >= kBufferBytes) {
        XXH3_128bits_update(state_.get(), data, n);
        return;
      }
    }
    std::memcpy(buffer_.data() + used_, data, n);
    used_ += n;
  }
  void Flush() {
    XXH3_128bits_update(state_.get(), buffer_.data(), used_);
    used_ = 0;
  }

  std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state_;
  std::array<unsigned char, kBufferBytes> buffer_;
  size_t used_ = 0;
};

// Fills `hash.overall` and `hash.total_rows` from `hash.tables`.
void CombineTableHashes(DatabaseHash& hash);

}  // namespace asanasim

#endif  // ASANASIM_SRC_MODEL_ROW_HASHER_H_
