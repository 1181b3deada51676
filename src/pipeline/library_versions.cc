#include "src/pipeline/library_versions.h"

#include <curl/curl.h>
#include <nlohmann/detail/abi_macros.hpp>
#include <oneapi/tbb/version.h>
#include <sqlite3.h>
#include <toml++/impl/version.h>
#include <xxhash.h>
#include <zstd.h>

#include "absl/base/config.h"
#include "src/util/status.h"

namespace asanasim {

std::vector<std::pair<std::string, std::string>> LibraryVersions() {
  const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
  std::string curl_text = curl->version;
  if (curl->ssl_version != nullptr) curl_text += Cat(" (", curl->ssl_version, ")");
  const unsigned xxh = XXH_versionNumber();
  return {
      {"SQLite", sqlite3_libversion()},
      {"oneTBB", TBB_runtime_version()},
      {"zstd", ZSTD_versionString()},
      {"libcurl", curl_text},
      {"xxHash", Cat(std::to_string(xxh / 10000), ".", std::to_string(xxh / 100 % 100), ".",
                     std::to_string(xxh % 100))},
      {"Abseil", Cat("LTS ", std::to_string(ABSL_LTS_RELEASE_VERSION))},
      {"toml++", Cat(std::to_string(TOML_LIB_MAJOR), ".", std::to_string(TOML_LIB_MINOR), ".",
                     std::to_string(TOML_LIB_PATCH))},
      {"nlohmann/json", Cat(std::to_string(NLOHMANN_JSON_VERSION_MAJOR), ".",
                            std::to_string(NLOHMANN_JSON_VERSION_MINOR), ".",
                            std::to_string(NLOHMANN_JSON_VERSION_PATCH))},
  };
}

}  // namespace asanasim
