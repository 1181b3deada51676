// Files of the repository compiled into the binary (prompts/: the LLM tier's prompts and the
// vocabulary packs), so the binary needs nothing beside it; see cmake/embed_prompts.cmake. A
// directory with the same layout can replace them at run time. Thread-safe (constants).
#ifndef ASANASIM_SRC_UTIL_EMBEDDED_FILES_H_
#define ASANASIM_SRC_UTIL_EMBEDDED_FILES_H_

#include <span>
#include <string_view>

namespace asanasim {

struct EmbeddedFile {
  std::string_view path;  // relative to prompts/, e.g. "packs/saas/sales.toml"
  std::string_view text;
};

// Every embedded file, sorted by path.
std::span<const EmbeddedFile> EmbeddedFiles();

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_EMBEDDED_FILES_H_
