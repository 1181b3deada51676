// The settings of `asanasim generate` (and `asanasim llm warm`), declared once: every member of
// GenerateOptions that a user can set, with its flag, keys, range and help line. Thread-safe
// (constants).
#ifndef ASANASIM_SRC_CONFIG_GENERATE_SETTINGS_H_
#define ASANASIM_SRC_CONFIG_GENERATE_SETTINGS_H_

#include <span>

#include "asanasim/options.h"
#include "src/config/setting.h"

namespace asanasim {

std::span<const Setting<GenerateOptions>> GenerateSettings();

}  // namespace asanasim

#endif  // ASANASIM_SRC_CONFIG_GENERATE_SETTINGS_H_
