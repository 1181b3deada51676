#include "src/config/setting.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "src/util/civil_time.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

absl::Status Bad(std::string_view source, std::string_view value, std::string_view why) {
  return absl::InvalidArgumentError(Cat(source, ": '", value, "' ", why));
}

// A whole-number bound: doubles hold every int64 bound we use except INT64_MAX itself.
int64_t IntBound(double v) {
  if (v >= 0x1p63) return INT64_MAX;
  if (v <= -0x1p63) return INT64_MIN;
  return static_cast<int64_t>(v);
}

std::string Number(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string Bounds(const SettingInfo& info) {
  if (info.type == SettingType::kReal)
    return Cat("[", Number(info.min), ", ", Number(info.max), "]");
  return Cat("[", std::to_string(IntBound(info.min)), ", ", std::to_string(IntBound(info.max)),
             "]");
}

absl::StatusOr<int64_t> ParseWhole(std::string_view source, std::string_view text, int64_t min,
                                   int64_t max) {
  const std::string between =
      Cat("must be between ", std::to_string(min), " and ", std::to_string(max));
  if (text.size() > 1 && text.front() == '-')
    return Bad(source, text, Cat("is negative; ", between));
  uint64_t v = 0;
  const char* end = text.data() + text.size();
  if (text.empty() || text.front() == '+') return Bad(source, text, "is not a whole number");
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec == std::errc::result_out_of_range) return Bad(source, text, "is too large");
  if (ec != std::errc() || ptr != end) return Bad(source, text, "is not a whole number");
  if (v > static_cast<uint64_t>(max) || static_cast<int64_t>(v) < min)
    return Bad(source, text, Cat("is out of range; ", between));
  return static_cast<int64_t>(v);
}

bool IsUrl(std::string_view v) { return v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0; }

std::string Choices(const SettingInfo& info) {
  std::string out;
  for (size_t i = 0; i < info.choices.size(); ++i) {
    if (i > 0) out += i + 1 == info.choices.size() ? " or " : ", ";
    out += info.choices[i];
  }
  return out;
}

}  // namespace

absl::StatusOr<SettingValue> ParseSetting(const SettingInfo& info, std::string_view text,
                                          std::string_view source) {
  switch (info.type) {
    case SettingType::kBool:
      if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
      if (text == "0" || text == "false" || text == "no" || text == "off") return false;
      return Bad(source, text, "is not true or false");
    case SettingType::kInt: {
      absl::StatusOr<int64_t> v = ParseWhole(source, text, IntBound(info.min), IntBound(info.max));
      if (!v.ok()) return v.status();
      return *v;
    }
    case SettingType::kReal: {
      double v = 0;
      const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
      if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() ||
          !std::isfinite(v) || v < info.min || v > info.max)
        return Bad(source, text, Cat("is not a number in ", Bounds(info)));
      return v;
    }
    case SettingType::kText:
      if (text.empty()) return Bad(source, text, "is empty");
      if (!info.choices.empty() &&
          std::find(info.choices.begin(), info.choices.end(), text) == info.choices.end())
        return Bad(source, text, Cat("is not ", Choices(info)));
      return std::string(text);
    case SettingType::kUrl:
      if (!IsUrl(text)) return Bad(source, text, "is not an http:// or https:// URL");
      return std::string(text);
    case SettingType::kPath:
      if (text.empty()) return Bad(source, text, "is empty");
      return std::string(text);
    case SettingType::kInstant: {
      absl::StatusOr<int64_t> t = ParseInstant(text);
      if (!t.ok())
        return Bad(source, text,
                   "is not a date (YYYY-MM-DD) or UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)");
      return *t;
    }
    case SettingType::kRange: {
      const size_t colon = text.find(':');
      if (colon == std::string_view::npos) return Bad(source, text, "is not a range A:B");
      const int64_t hi = IntBound(info.max);
      absl::StatusOr<int64_t> begin = ParseWhole(source, text.substr(0, colon), 0, hi);
      if (!begin.ok()) return begin.status();
      absl::StatusOr<int64_t> end = ParseWhole(source, text.substr(colon + 1), 1, hi);
      if (!end.ok()) return end.status();
      if (*begin >= *end) return Bad(source, text, "is empty: A must be below B");
      return OrgRangeValue{static_cast<uint32_t>(*begin), static_cast<uint32_t>(*end)};
    }
  }
  return absl::InternalError("unknown setting type");
}

std::string SettingText(const SettingInfo& info, const SettingValue& value) {
  switch (info.type) {
    case SettingType::kBool:
      return std::get<bool>(value) ? "true" : "false";
    case SettingType::kInt:
      return std::to_string(std::get<int64_t>(value));
    case SettingType::kReal:
      return Number(std::get<double>(value));
    case SettingType::kText:
    case SettingType::kUrl:
    case SettingType::kPath:
      return std::get<std::string>(value);
    case SettingType::kInstant:
      return TimestampString(std::get<int64_t>(value));
    case SettingType::kRange: {
      const OrgRangeValue r = std::get<OrgRangeValue>(value);
      if (r.end == 0) return "all";
      return Cat(std::to_string(r.begin), ":", std::to_string(r.end));
    }
  }
  return "";
}

absl::Status CheckSetting(const SettingInfo& info, const SettingValue& value) {
  const std::string flag = Cat("--", info.name);
  switch (info.type) {
    case SettingType::kInt: {
      const int64_t v = std::get<int64_t>(value);
      if (v < IntBound(info.min) || v > IntBound(info.max))
        return absl::InvalidArgumentError(
            Cat(flag, " ", std::to_string(v), " is out of range ", Bounds(info)));
      return absl::OkStatus();
    }
    case SettingType::kReal: {
      const double v = std::get<double>(value);
      if (!(v >= info.min && v <= info.max))
        return absl::InvalidArgumentError(
            Cat(flag, " ", Number(v), " is out of range ", Bounds(info)));
      return absl::OkStatus();
    }
    case SettingType::kText: {
      const std::string& v = std::get<std::string>(value);
      if (!v.empty() && !info.choices.empty() &&
          std::find(info.choices.begin(), info.choices.end(), v) == info.choices.end())
        return absl::InvalidArgumentError(Cat(flag, " ", v, " is not ", Choices(info)));
      return absl::OkStatus();
    }
    case SettingType::kUrl: {
      const std::string& v = std::get<std::string>(value);
      if (!IsUrl(v))
        return absl::InvalidArgumentError(Cat(flag, " ", v, " is not an http:// or https:// URL"));
      return absl::OkStatus();
    }
    case SettingType::kRange: {
      const OrgRangeValue r = std::get<OrgRangeValue>(value);
      if (r.end != 0 && r.begin >= r.end)
        return absl::InvalidArgumentError(
            Cat(flag, " ", std::to_string(r.begin), ":", std::to_string(r.end), " is empty"));
      return absl::OkStatus();
    }
    case SettingType::kBool:
    case SettingType::kPath:
    case SettingType::kInstant:
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

}  // namespace asanasim
