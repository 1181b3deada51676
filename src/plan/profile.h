// Profile: every distribution parameter of the generated world, declared once in
// profile_params.inc (type, name, range, doc line, default for a mid-sized B2B SaaS company), and
// the profile file that overrides them. Thread-compatible value type.
#ifndef ASANASIM_SRC_PLAN_PROFILE_H_
#define ASANASIM_SRC_PLAN_PROFILE_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "src/util/json.h"

namespace asanasim {

template <size_t N>
using Doubles = std::array<double, N>;

// One member per parameter of profile_params.inc, with its default.
struct Profile {
#define ASANASIM_SECTION(title)
#define ASANASIM_PARAM(type, name, lo, hi, doc, ...) type name = __VA_ARGS__;
#include "src/plan/profile_params.inc"
#undef ASANASIM_SECTION
#undef ASANASIM_PARAM
};

// The default profile.
const Profile& DefaultProfile();

// The profile as a documented text file ("name = value" lines, lists in brackets, "#" comments),
// every parameter with its doc line; ParseProfile reads it back. `asanasim profile` prints it.
std::string FormatProfile(const Profile& profile);

// A profile file over the defaults: only the parameters it names change. Errors are
// InvalidArgument with one line naming `source` and the line (unknown name, bad number, wrong
// list length, value out of range, inconsistent shares).
absl::StatusOr<Profile> ParseProfile(std::string_view text, std::string_view source);

// ParseProfile of the file at `path`; the defaults when `path` is empty.
absl::StatusOr<Profile> LoadProfile(const std::string& path);

// The parameters that differ from the defaults as a JSON object ({} for the defaults), for the
// run record: two runs with equal options and equal overrides produce the same bytes.
Json ProfileOverridesJson(const Profile& profile);

}  // namespace asanasim

#endif  // ASANASIM_SRC_PLAN_PROFILE_H_
