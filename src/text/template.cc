#include "src/text/template.h"

#include <string>

#include "src/rng/distributions.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

constexpr int kMaxDepth = 4;

constexpr std::string_view kContextSlots[] = {"focus", "person",  "actor",   "assignee", "n",
                                              "pr",    "weekday", "quarter", "year",     "month",
                                              "date",  "id4",     "version"};
constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};

const Words* FindSlot(std::string_view name, std::span<const Slot> department_slots,
                      std::span<const Slot> shared_slots) {
  for (const Slot& s : department_slots) {
    if (s.name == name) return &s.values;
  }
  for (const Slot& s : shared_slots) {
    if (s.name == name) return &s.values;
  }
  return nullptr;
}

bool IsContextSlot(std::string_view name) {
  for (std::string_view s : kContextSlots) {
    if (s == name) return true;
  }
  return false;
}

void AppendInt(std::string& out, int64_t v) { out += std::to_string(v); }

void AppendContext(std::string& out, std::string_view name, const TemplateContext& c, Rng& rng) {
  const CivilDay civil = CivilFromDays(c.day);
  if (name == "focus") {
    out.append(c.focus);
  } else if (name == "person") {
    if (c.people.empty()) {
      out += "the team";
    } else {
      out.append(PickOne(rng, c.people));
    }
  } else if (name == "actor") {
    out.append(c.actor);
  } else if (name == "assignee") {
    out.append(c.assignee);
  } else if (name == "n") {
    AppendInt(out, 1 + UniformInt(rng, 9));
  } else if (name == "pr") {
    AppendInt(out, 1000 + UniformInt(rng, 9000));
  } else if (name == "id4") {
    AppendInt(out, 1000 + UniformInt(rng, 9000));
  } else if (name == "version") {
    out += 'v';
    AppendInt(out, 1 + UniformInt(rng, 9));
    out += '.';
    AppendInt(out, UniformInt(rng, 30));
  } else if (name == "weekday") {
    out.append(PickOne<std::string_view>(rng, kWeekdays));
  } else if (name == "quarter") {
    out += 'Q';
    AppendInt(out, (civil.month - 1) / 3 + 1);
  } else if (name == "year") {
    AppendInt(out, civil.year);
  } else if (name == "month") {
    out.append(kMonths[civil.month - 1]);
  } else if (name == "date") {
    const CivilDay d = CivilFromDays(c.date_day);
    out.append(kMonths[d.month - 1].substr(0, 3));
    out += ' ';
    AppendInt(out, d.day);
  }
}

void Append(std::string& out, std::string_view tmpl, const TemplateContext& context, Rng& rng,
            int depth) {
  size_t pos = 0;
  while (pos < tmpl.size()) {
    const size_t open = tmpl.find('{', pos);
    if (open == std::string_view::npos) {
      out.append(tmpl.substr(pos));
      return;
    }
    out.append(tmpl.substr(pos, open - pos));
    const size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) {  // Not a slot: keep the text as it is.
      out.append(tmpl.substr(open));
      return;
    }
    const std::string_view name = tmpl.substr(open + 1, close - open - 1);
    if (const Words* values = FindSlot(name, context.department_slots, context.shared_slots)) {
      const std::string_view value = PickOne(rng, *values);
      if (depth < kMaxDepth) {
        Append(out, value, context, rng, depth + 1);
      } else {
        out.append(value);
      }
    } else {
      AppendContext(out, name, context, rng);
    }
    pos = close + 1;
  }
}

bool Resolves(std::string_view tmpl, std::span<const Slot> department_slots,
              std::span<const Slot> shared_slots, std::string* missing, int depth) {
  size_t pos = 0;
  while ((pos = tmpl.find('{', pos)) != std::string_view::npos) {
    const size_t close = tmpl.find('}', pos);
    if (close == std::string_view::npos) {
      *missing = std::string(tmpl.substr(pos));
      return false;
    }
    const std::string_view name = tmpl.substr(pos + 1, close - pos - 1);
    if (const Words* values = FindSlot(name, department_slots, shared_slots)) {
      if (depth >= kMaxDepth) {
        *missing = std::string(name);
        return false;
      }
      for (std::string_view v : *values) {
        if (!Resolves(v, department_slots, shared_slots, missing, depth + 1)) return false;
      }
    } else if (!IsContextSlot(name)) {
      *missing = std::string(name);
      return false;
    }
    pos = close + 1;
  }
  return true;
}

// Upper-cases the first letter of each sentence, line and list item in out[from..]: slot
// values such as "gateway" or "times out under load" may open a sentence.
void CapitalizeSentences(std::string& out, size_t from) {
  bool start = true;
  for (size_t i = from; i < out.size(); ++i) {
    const char ch = out[i];
    if (start && ch >= 'a' && ch <= 'z') out[i] = static_cast<char>(ch - 'a' + 'A');
    if (ch == '.' || ch == '!' || ch == '?' || ch == '\n' ||
        (ch == '-' && (i == from || out[i - 1] == '\n'))) {
      start = true;
    } else if (ch != ' ') {
      start = false;
    }
  }
}

}  // namespace

void AppendTemplate(std::string& out, std::string_view tmpl, const TemplateContext& context,
                    Rng& rng) {
  const size_t from = out.size();
  Append(out, tmpl, context, rng, 0);
  CapitalizeSentences(out, from);
}

void AppendOneOf(std::string& out, Words templates, const TemplateContext& context, Rng& rng) {
  AppendTemplate(out, PickOne(rng, templates), context, rng);
}

bool TemplateResolves(std::string_view tmpl, std::span<const Slot> department_slots,
                      std::span<const Slot> shared_slots, std::string* missing) {
  return Resolves(tmpl, department_slots, shared_slots, missing, 0);
}

}  // namespace asanasim
