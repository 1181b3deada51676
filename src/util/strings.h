// Small string helpers shared by the CLI, the profile and prompt readers, the LLM client and the
// report. Thread-safe (pure functions).
#ifndef ASANASIM_SRC_UTIL_STRINGS_H_
#define ASANASIM_SRC_UTIL_STRINGS_H_

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace asanasim {

// `s` without leading and trailing spaces, tabs, carriage returns and line feeds.
inline std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// 1234567 -> "1,234,567".
inline std::string Thousands(int64_t v) {
  const std::string digits = std::to_string(v < 0 ? -v : v);
  std::string out = v < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A duration for people: "0.42 s", "12 s", "3m05s", "1h02m".
inline std::string FormatSeconds(double s) {
  char buf[32];
  if (!(s >= 0)) s = 0;
  if (s < 10) {
    std::snprintf(buf, sizeof buf, "%.2f s", s);
  } else if (s < 120) {
    std::snprintf(buf, sizeof buf, "%.0f s", s);
  } else if (s < 3600) {
    const long t = std::lround(s);
    std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
  } else {
    const long m = std::lround(s / 60);
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", m / 60, m % 60);
  }
  return buf;
}

}  // namespace asanasim

#endif  // ASANASIM_SRC_UTIL_STRINGS_H_
