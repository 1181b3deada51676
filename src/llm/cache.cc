#include "src/llm/cache.h"

#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "src/model/row_hasher.h"
#include "src/util/file.h"
#include "src/util/status.h"

namespace asanasim {

std::string ResponseCache::Key(std::string_view request_body) {
  RowHasher h;
  h.Text("asanasim-llm-cache-v1");
  h.Text(request_body);
  return h.Hex();
}

std::string ResponseCache::Path(const std::string& key) const {
  return Cat(dir_, "/", key.substr(0, 2), "/", key, ".zst");
}

std::optional<std::string> ResponseCache::Get(const std::string& key) const {
  std::ifstream in(Path(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream raw;
  raw << in.rdbuf();
  const std::string packed = raw.str();
  const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (64u << 20))
    return std::nullopt;
  std::string content(size, '\0');
  const size_t n = ZSTD_decompress(content.data(), content.size(), packed.data(), packed.size());
  if (ZSTD_isError(n) || n != size) return std::nullopt;
  return content;
}

absl::Status ResponseCache::Put(const std::string& key, std::string_view content) const {
  std::error_code ec;
  const std::filesystem::path path = Path(key);
  // 0755 less the umask, never the umask's 0777 (a shared cache stays the owner's).
  ASANASIM_RETURN_IF_ERROR(MakeDirectories(path.parent_path().string()));
  std::string packed(ZSTD_compressBound(content.size()), '\0');
  const size_t n = ZSTD_compress(packed.data(), packed.size(), content.data(), content.size(), 9);
  if (ZSTD_isError(n)) return absl::InternalError(Cat("zstd: ", ZSTD_getErrorName(n)));
  packed.resize(n);
  return WriteFileAtomically(path.string(), packed);
}

}  // namespace asanasim
