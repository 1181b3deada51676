// Settings declared once. A Setting is one option of a command: its flag (and short flag), its key
// in a --config file (the flag's name), its environment and .env keys, its type and range, its
// help line, whether it shapes the generated world (then it is part of the run record), and where
// its value lives in the command's options struct. One table of them drives parsing (flags,
// --config, environment, .env), --help, range checks and the run record, so adding an option is a
// struct member plus one table row. Thread-safe (constants and pure functions).
#ifndef ASANASIM_SRC_CONFIG_SETTING_H_
#define ASANASIM_SRC_CONFIG_SETTING_H_

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace asanasim {

enum class SettingType : uint8_t {
  kBool,     // true|false|yes|no|on|off|1|0; a bare flag means true
  kInt,      // a whole number in [min, max]
  kReal,     // a number in [min, max]
  kText,     // a non-empty string; one of `choices` when there are any; a URL when kUrl
  kUrl,      // an http:// or https:// URL
  kPath,     // a non-empty path
  kInstant,  // YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.mmm]Z, stored as ms since the epoch
  kRange,    // A:B with A < B, whole numbers in [min, max]
};

// Everything about a setting but where it lives (that part depends on the options type).
struct SettingInfo {
  std::string_view name = {};  // --name; the key in a --config file
  char short_name = 0;         // -x, or 0
  SettingType type = SettingType::kBool;
  std::string_view value_name = {};          // in help: "N", "FILE", "A:B" (empty for kBool)
  std::string_view doc = {};                 // one line of help
  std::array<std::string_view, 2> env = {};  // environment and .env keys ("" = none)
  double min = 0;                            // kInt, kReal, kRange
  double max = 0;
  std::span<const std::string_view> choices = {};  // kText: the allowed values (empty = any)
  bool world = false;   // shapes the world: recorded in runs.options_json and the manifest
  bool secret = false;  // read from the environment and .env only: no flag, never echoed
};

// A parsed value, before it is stored.
struct OrgRangeValue {
  uint32_t begin;
  uint32_t end;
};
using SettingValue = std::variant<bool, int64_t, double, std::string, OrgRangeValue>;

// Parses `text` for `info`. Errors: InvalidArgument "SOURCE: 'TEXT' why", one line.
absl::StatusOr<SettingValue> ParseSetting(const SettingInfo& info, std::string_view text,
                                          std::string_view source);

// A value as a person or the run record reads it (kInstant as an ISO timestamp).
std::string SettingText(const SettingInfo& info, const SettingValue& value);

// Where a setting's value lives in an options struct O: an accessor returning a reference to
// the member (a captureless lambda, see ASANASIM_SETTING_FIELD), or the pair of an org range.
template <typename O>
using SettingField = std::variant<bool& (*)(O&), int32_t& (*)(O&), uint32_t& (*)(O&),
                                  int64_t& (*)(O&), uint64_t& (*)(O&), double& (*)(O&),
                                  std::string& (*)(O&), std::pair<uint32_t&, uint32_t&> (*)(O&)>;

// `ASANASIM_SETTING_FIELD(O, a.b)` is the accessor of member a.b of O.
#define ASANASIM_SETTING_FIELD(O, member) (+[](O& o) -> decltype((o.member)) { return o.member; })

template <typename O>
struct Setting {
  SettingInfo info;
  SettingField<O> field;
};

namespace setting_internal {
template <typename... F>
struct Overload : F... {
  using F::operator()...;
};
template <typename... F>
Overload(F...) -> Overload<F...>;
}  // namespace setting_internal

// The value of `s` in `o`.
template <typename O>
SettingValue Get(const Setting<O>& s, const O& o) {
  O& m = const_cast<O&>(o);  // accessors are shared by reads and writes; this one only reads
  return std::visit(setting_internal::Overload{
                        [&](bool& (*f)(O&)) -> SettingValue { return f(m); },
                        [&](std::string& (*f)(O&)) -> SettingValue { return f(m); },
                        [&](double& (*f)(O&)) -> SettingValue { return f(m); },
                        [&](std::pair<uint32_t&, uint32_t&> (*f)(O&)) -> SettingValue {
                          const auto [b, e] = f(m);
                          return OrgRangeValue{b, e};
                        },
                        [&](auto f) -> SettingValue { return static_cast<int64_t>(f(m)); }},
                    s.field);
}

// Stores `v` (parsed for `s`) in `o`.
template <typename O>
void Set(const Setting<O>& s, const SettingValue& v, O& o) {
  std::visit(
      setting_internal::Overload{[&](bool& (*f)(O&)) { f(o) = std::get<bool>(v); },
                                 [&](std::string& (*f)(O&)) { f(o) = std::get<std::string>(v); },
                                 [&](double& (*f)(O&)) { f(o) = std::get<double>(v); },
                                 [&](std::pair<uint32_t&, uint32_t&> (*f)(O&)) {
                                   const auto [b, e] = f(o);
                                   b = std::get<OrgRangeValue>(v).begin;
                                   e = std::get<OrgRangeValue>(v).end;
                                 },
                                 [&](auto f) {
                                   using T = std::remove_reference_t<decltype(f(o))>;
                                   f(o) = static_cast<T>(std::get<int64_t>(v));
                                 }},
      s.field);
}

// Parses `text` for `s` and stores it in `o`.
template <typename O>
absl::Status Assign(const Setting<O>& s, std::string_view text, std::string_view source, O& o) {
  absl::StatusOr<SettingValue> v = ParseSetting(s.info, text, source);
  if (!v.ok()) return v.status();
  Set(s, *v, o);
  return absl::OkStatus();
}

// Checks that a value is within its setting's range and choices (for options filled by hand, as
// library callers do). Errors name the flag: "--users 0 is out of range [1, 25000]".
absl::Status CheckSetting(const SettingInfo& info, const SettingValue& value);
template <typename O>
absl::Status CheckSettings(std::span<const Setting<O>> table, const O& o) {
  for (const Setting<O>& s : table) {
    absl::Status status = CheckSetting(s.info, Get(s, o));
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

// A table bound to an options struct, with its type erased: what a command-line parser needs.
class SettingBinding {
 public:
  template <typename O>
  SettingBinding(std::span<const Setting<O>> table, O& target) {
    for (const Setting<O>& s : table) infos_.push_back(&s.info);
    assign_ = [table, &target](size_t i, std::string_view text, std::string_view source) {
      return ::asanasim::Assign(table[i], text, source, target);
    };
    default_text_ = [table](size_t i) {
      const O defaults{};
      return SettingText(table[i].info, Get(table[i], defaults));
    };
  }

  template <typename O, size_t N>
  SettingBinding(const Setting<O> (&table)[N], O& target)
      : SettingBinding(std::span<const Setting<O>>(table), target) {}

  size_t size() const { return infos_.size(); }
  const SettingInfo& info(size_t i) const { return *infos_[i]; }
  absl::Status Assign(size_t i, std::string_view text, std::string_view source) const {
    return assign_(i, text, source);
  }
  // The built-in default of setting i, as text.
  std::string DefaultText(size_t i) const { return default_text_(i); }

 private:
  std::vector<const SettingInfo*> infos_;
  std::function<absl::Status(size_t, std::string_view, std::string_view)> assign_;
  std::function<std::string(size_t)> default_text_;
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_CONFIG_SETTING_H_
