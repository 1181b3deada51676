#include "src/plan/profile.h"

#include <charconv>
#include <cmath>
#include <span>
#include <vector>

#include "src/util/file.h"
#include "src/util/status.h"
#include "src/util/strings.h"

namespace asanasim {
namespace {

// Where a parameter lives in a Profile: doubles (a scalar or an array) or one int.
struct ParamRef {
  std::span<double> doubles;
  int* integer = nullptr;
};
ParamRef Ref(double& v) { return {{&v, 1}}; }
ParamRef Ref(int& v) { return {{}, &v}; }
template <size_t N>
ParamRef Ref(std::array<double, N>& v) {
  return {v};
}

// One parameter: its name, doc line, allowed range, and where it lives. An entry with an empty
// name is a section heading.
struct Param {
  std::string_view name;
  std::string_view doc;
  double lo;
  double hi;
  ParamRef (*ref)(Profile&);
};

const Param kParams[] = {
#define ASANASIM_SECTION(title) {"", title, 0, 0, nullptr},
#define ASANASIM_PARAM(type, name, lo, hi, doc, ...) \
  {#name, doc, lo, hi, [](Profile& p) { return Ref(p.name); }},
#include "src/plan/profile_params.inc"
#undef ASANASIM_SECTION
#undef ASANASIM_PARAM
};

const Param* Find(std::string_view name) {
  for (const Param& p : kParams) {
    if (!p.name.empty() && p.name == name) return &p;
  }
  return nullptr;
}

void AppendNumber(std::string& out, double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// The values of `p` in `profile`, as doubles (ints converted).
std::vector<double> Values(const Param& p, Profile profile) {
  const ParamRef r = p.ref(profile);
  if (r.integer != nullptr) return {static_cast<double>(*r.integer)};
  return {r.doubles.begin(), r.doubles.end()};
}

// "0.5", or "[1, 2, 3]" for a list parameter.
void AppendValues(std::string& out, const std::vector<double>& v) {
  if (v.size() > 1) out += '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ", ";
    AppendNumber(out, v[i]);
  }
  if (v.size() > 1) out += ']';
}

double Sum(std::span<const double> v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

}  // namespace

const Profile& DefaultProfile() {
  static const Profile kProfile;
  return kProfile;
}

std::string FormatProfile(const Profile& profile) {
  std::string out =
      "# asanasim profile: every distribution parameter of the generated world, with the\n"
      "# defaults for a mid-sized B2B SaaS company. Edit any value and pass the file to\n"
      "# `asanasim generate --profile FILE`; parameters left out keep their defaults. Shares are\n"
      "# probabilities in [0, 1]; medians are in days; sigmas are log-normal spreads.\n";
  for (const Param& p : kParams) {
    if (p.name.empty()) {
      out.append("\n# --- ").append(p.doc).append(" ---\n");
      continue;
    }
    out.append("# ").append(p.doc).append("\n").append(p.name).append(" = ");
    AppendValues(out, Values(p, profile));
    out += '\n';
  }
  return out;
}

absl::StatusOr<Profile> ParseProfile(std::string_view text, std::string_view source) {
  Profile profile = DefaultProfile();
  std::vector<std::string_view> seen;
  int line_number = 0;
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line_number;
    const auto bad = [&](std::string_view why) {
      return absl::InvalidArgumentError(
          Cat("profile ", source, " line ", std::to_string(line_number), ": ", why));
    };
    if (const size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return bad(Cat("'", line, "' is not name = value"));
    const std::string_view name = Trim(line.substr(0, eq));
    std::string_view value = Trim(line.substr(eq + 1));
    const Param* p = Find(name);
    if (p == nullptr) return bad(Cat("unknown parameter '", name, "'"));
    for (std::string_view s : seen) {
      if (s == p->name) return bad(Cat("'", name, "' is set twice"));
    }
    seen.push_back(p->name);
    const ParamRef ref = p->ref(profile);
    const size_t want = ref.integer != nullptr ? 1 : ref.doubles.size();
    if (want > 1) {
      if (value.size() < 2 || value.front() != '[' || value.back() != ']')
        return bad(Cat("'", name, "' takes a list of ", std::to_string(want), " numbers in [...]"));
      value = value.substr(1, value.size() - 2);
    }
    std::vector<double> numbers;
    while (true) {
      const size_t comma = value.find(',');
      const std::string_view item = Trim(value.substr(0, comma));
      double v = 0;
      const auto r = std::from_chars(item.data(), item.data() + item.size(), v);
      if (item.empty() || r.ec != std::errc() || r.ptr != item.data() + item.size() ||
          !std::isfinite(v))
        return bad(Cat("'", item, "' is not a number (", name, ")"));
      if (v < p->lo || v > p->hi) {
        std::string range;
        AppendNumber(range, p->lo);
        range += ", ";
        AppendNumber(range, p->hi);
        return bad(Cat(name, " = ", item, " is out of range [", range, "]"));
      }
      if (ref.integer != nullptr && v != std::floor(v))
        return bad(Cat(name, " = ", item, " is not a whole number"));
      numbers.push_back(v);
      if (comma == std::string_view::npos) break;
      value = value.substr(comma + 1);
    }
    if (numbers.size() != want) {
      return bad(Cat("'", name, "' takes ", std::to_string(want), " number", want == 1 ? "" : "s",
                     ", got ", std::to_string(numbers.size())));
    }
    if (ref.integer != nullptr) {
      *ref.integer = static_cast<int>(numbers[0]);
    } else {
      for (size_t i = 0; i < want; ++i) ref.doubles[i] = numbers[i];
    }
  }

  // Consistency of parameters that only make sense together.
  const auto inconsistent = [&](std::string_view why) {
    return absl::InvalidArgumentError(Cat("profile ", source, ": ", why));
  };
  if (Sum(profile.weekday_weight) <= 0) return inconsistent("weekday_weight is all zero");
  if (Sum(profile.hour_weight) <= 0) return inconsistent("hour_weight is all zero");
  if (Sum(profile.project_tag_rate_weight) <= 0)
    return inconsistent("project_tag_rate_weight is all zero");
  for (size_t row = 0; row < 4; ++row) {
    if (Sum(std::span<const double>(profile.status_transition).subspan(row * 4, 4)) <= 0)
      return inconsistent(Cat("status_transition row ", std::to_string(row + 1), " is all zero"));
  }
  if (profile.milestone_share + profile.approval_share > 1)
    return inconsistent("milestone_share + approval_share is above 1");
  if (profile.comment_by_assignee + profile.comment_by_creator > 1)
    return inconsistent("comment_by_assignee + comment_by_creator is above 1");
  if (profile.comment_mobile_share + profile.comment_email_share > 1)
    return inconsistent("comment_mobile_share + comment_email_share is above 1");
  if (profile.other_org_size_min > profile.other_org_size_max)
    return inconsistent("other_org_size_min is above other_org_size_max");
  return profile;
}

absl::StatusOr<Profile> LoadProfile(const std::string& path) {
  if (path.empty()) return DefaultProfile();
  // ReadFile, not an ifstream: a directory reads as an error (EISDIR), not as an empty profile.
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) {
    const std::string message(text.status().message());
    const size_t reason = message.rfind(": ");
    return absl::InvalidArgumentError(
        Cat("profile ", path, ": cannot read",
            reason == std::string::npos ? std::string() : message.substr(reason)));
  }
  return ParseProfile(*text, path);
}

Json ProfileOverridesJson(const Profile& profile) {
  Json out = Json::object();
  for (const Param& p : kParams) {
    if (p.name.empty()) continue;
    const std::vector<double> v = Values(p, profile);
    if (v == Values(p, DefaultProfile())) continue;
    Json& value = out[std::string(p.name)];
    if (v.size() == 1) {
      value = JsonNumber(v[0]);
    } else {
      value = Json::array();
      for (double x : v) value.push_back(JsonNumber(x));
    }
  }
  return out;
}

}  // namespace asanasim
