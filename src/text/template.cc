#include "src/text/template.h"

#include <cctype>
#include <string>

#include "src/rng/distributions.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

constexpr int kMaxDepth = 4;
// Draws for a value different from the story's other values of the same slot.
constexpr int kDistinctAttempts = 8;

constexpr std::string_view kContextSlots[] = {"focus", "person", "actor", "assignee", "to",
                                              "asker", "n",      "pr",    "weekday",  "quarter",
                                              "year",  "month",  "date",  "id4",      "version"};
// Context values a story keeps once drawn (the same pull request all along),
// and the same quarter, month and year as the story's first mention of them.
constexpr std::string_view kBoundContextSlots[] = {"pr",      "id4",   "version",
                                                   "quarter", "month", "year"};
constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};

bool IsContextSlot(std::string_view name) {
  for (std::string_view s : kContextSlots) {
    if (s == name) return true;
  }
  return false;
}

bool IsBoundContextSlot(std::string_view name) {
  for (std::string_view s : kBoundContextSlots) {
    if (s == name) return true;
  }
  return false;
}

// {n|one|many}: the noun forms, or false when `reference` is not a count.
bool CountForms(std::string_view reference, std::string_view* one, std::string_view* many) {
  const size_t bar = reference.find('|');
  if (bar == std::string_view::npos || reference.substr(0, bar) != "n") return false;
  const size_t bar2 = reference.find('|', bar + 1);
  if (bar2 == std::string_view::npos) return false;
  *one = reference.substr(bar + 1, bar2 - bar - 1);
  *many = reference.substr(bar2 + 1);
  return !one->empty() && !many->empty() && many->find('|') == std::string_view::npos;
}

void AppendInt(std::string& out, int64_t v) { out += std::to_string(v); }

void AppendContext(std::string& out, std::string_view name, const TemplateContext& c, Rng& rng) {
  const auto civil = [&c] { return CivilFromDays(c.day); };  // only the date slots need it
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
  } else if (name == "to") {
    out.append(c.to.empty() ? std::string_view("the team") : c.to);
  } else if (name == "asker") {
    out.append(c.asker.empty() ? std::string_view("the team") : c.asker);
  } else if (name == "weekday") {
    // 1970-01-01 was a Thursday: (day + 3) % 7 is the weekday, Monday = 0.
    const auto weekday = [](int64_t day) { return static_cast<size_t>((day + 3) % 7); };
    int64_t day = c.day;
    const uint32_t ahead_draw = 1 + UniformInt(rng, 4);
    if (c.due_day > c.day && c.due_day - c.day <= 6 && weekday(c.due_day) < 5) {
      day = c.due_day;  // "by Friday" is the due date
    } else {
      // 1-4 working days ahead of the writer's day: never a day that has already passed.
      for (uint32_t ahead = ahead_draw; ahead > 0;) {
        ++day;
        if (weekday(day) < 5) --ahead;
      }
    }
    out.append(kWeekdays[weekday(day)]);
  } else if (name == "quarter") {
    out += 'Q';
    AppendInt(out, (civil().month - 1) / 3 + 1);
  } else if (name == "year") {
    AppendInt(out, civil().year);
  } else if (name == "month") {
    out.append(kMonths[civil().month - 1]);
  } else if (name == "date") {
    const CivilDay d = CivilFromDays(c.date_day);
    out.append(kMonths[d.month - 1].substr(0, 3));
    out += ' ';
    AppendInt(out, d.day);
  }
}

void Append(std::string& out, std::string_view tmpl, const TemplateContext& context, Rng& rng,
            int depth);
void CapitalizeInserted(std::string& out, size_t from, size_t at);

// True when `text` is a value the binding holds for another key of slot `name`.
bool TakenByAnother(const Binding& binding, std::string_view name, std::string_view key,
                    std::string_view text) {
  for (const auto& [k, v] : binding.values()) {
    if (k != key && SlotNameOf(k) == name && v == text) return true;
  }
  return false;
}

void AppendSlot(std::string& out, std::string_view reference, const TemplateContext& context,
                Rng& rng, int depth) {
  std::string_view one, many;
  if (CountForms(reference, &one, &many)) {
    AppendInt(out, 2 + UniformInt(rng, 8));
    out.append(" ").append(many);
    return;
  }
  const std::string_view name = SlotNameOf(reference);
  const Words* values = context.slots.Find(name);
  Binding* binding =
      depth == 0 && (values != nullptr || IsBoundContextSlot(name)) ? context.binding : nullptr;
  if (binding != nullptr) {
    if (const std::string* v = binding->Find(reference)) {
      out.append(*v);
      return;
    }
  }
  const size_t from = out.size();
  if (values == nullptr) {
    AppendContext(out, name, context, rng);
  } else {
    for (int attempt = 0; attempt < kDistinctAttempts; ++attempt) {
      out.resize(from);
      const std::string_view value = PickOne(rng, *values);
      if (depth < kMaxDepth) {
        Append(out, value, context, rng, depth + 1);
      } else {
        out.append(value);
      }
      if (binding == nullptr ||
          !TakenByAnother(*binding, name, reference, std::string_view(out).substr(from)))
        break;
    }
  }
  if (binding != nullptr) binding->Set(reference, std::string_view(out).substr(from));
}

void Append(std::string& out, std::string_view tmpl, const TemplateContext& context, Rng& rng,
            int depth) {
  const size_t from = out.size();
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
    const size_t at = out.size();
    AppendSlot(out, tmpl.substr(open + 1, close - open - 1), context, rng, depth);
    if (depth == 0) CapitalizeInserted(out, from, at);
    pos = close + 1;
    // The possessive of a name ending in s takes the apostrophe alone: "Cobalt Hotels'", not
    // "Cobalt Hotels's".
    if (out.size() > at && out.back() == 's' && tmpl.substr(pos).starts_with("'s") &&
        (pos + 2 == tmpl.size() || !std::isalpha(static_cast<unsigned char>(tmpl[pos + 2])))) {
      out.push_back('\'');
      pos += 2;
    }
  }
}

bool Resolves(std::string_view tmpl, const SlotScope& scope, std::string* missing, int depth) {
  size_t pos = 0;
  while ((pos = tmpl.find('{', pos)) != std::string_view::npos) {
    const size_t close = tmpl.find('}', pos);
    if (close == std::string_view::npos) {
      *missing = std::string(tmpl.substr(pos));
      return false;
    }
    const std::string_view reference = tmpl.substr(pos + 1, close - pos - 1);
    std::string_view one, many;
    const std::string_view name = SlotNameOf(reference);
    if (CountForms(reference, &one, &many)) {
      // A count: nothing to resolve.
    } else if (reference.find('|') != std::string_view::npos) {
      *missing = std::string(reference);
      return false;
    } else if (const Words* values = scope.Find(name)) {
      if (depth >= kMaxDepth) {
        *missing = std::string(name);
        return false;
      }
      for (std::string_view v : *values) {
        if (!Resolves(v, scope, missing, depth + 1)) return false;
      }
    } else if (!IsContextSlot(name) || name != reference) {
      *missing = std::string(reference);
      return false;
    }
    pos = close + 1;
  }
  return true;
}

// Upper-cases the first letter of each sentence, line and list item in out[at..], a slot's value
// just appended to a template's text that starts at `from`: values such as "gateway" or "times
// out under load" may open a sentence (the templates' own words are written with their
// capitals). A word with a capital inside keeps its casing: "iOS", "eBay", "macOS".
void CapitalizeInserted(std::string& out, size_t from, size_t at) {
  // The character at p ends a sentence (a stop before a blank: not the dot of "Checkout.com"
  // or "Next.js") or opens a line or list item.
  const auto opens = [&](size_t p) {
    const char ch = out[p];
    if (ch == '.' || ch == '!' || ch == '?')
      return p + 1 < out.size() && (out[p + 1] == ' ' || out[p + 1] == '\n');
    return ch == '\n' || (ch == '-' && (p == from || out[p - 1] == '\n'));
  };
  size_t p = at;
  while (p > from && out[p - 1] == ' ') --p;
  bool start = p == from || opens(p - 1);
  for (size_t i = at; i < out.size(); ++i) {
    const char ch = out[i];
    if (start && ch >= 'a' && ch <= 'z') {
      bool cased = false;
      for (size_t j = i + 1; j < out.size() && out[j] != ' ' && out[j] != '\n'; ++j) {
        if (out[j] >= 'A' && out[j] <= 'Z') cased = true;
      }
      if (!cased) out[i] = static_cast<char>(ch - 'a' + 'A');
    }
    if (opens(i)) {
      start = true;
    } else if (ch != ' ') {
      start = false;
    }
  }
}

}  // namespace

void AppendTemplate(std::string& out, std::string_view tmpl, const TemplateContext& context,
                    Rng& rng) {
  Append(out, tmpl, context, rng, 0);
}

void AppendOneOf(std::string& out, Words templates, const TemplateContext& context, Rng& rng) {
  AppendTemplate(out, PickOne(rng, templates), context, rng);
}

bool TemplateResolves(std::string_view tmpl, const SlotScope& scope, std::string* missing) {
  return Resolves(tmpl, scope, missing, 0);
}

std::string_view SlotNameOf(std::string_view reference) {
  return reference.substr(0, reference.find_first_of("#|"));
}

const Words* SlotScope::Find(std::string_view name) const {
  for (std::span<const Slot> slots : {archetype, department, shared}) {
    for (const Slot& s : slots) {
      if (s.name == name) return &s.values;
    }
  }
  return nullptr;
}

const std::string* Binding::Find(std::string_view key) const {
  for (size_t i = 0; i < size_; ++i) {
    if (entries_[i].first == key) return &entries_[i].second;
  }
  return nullptr;
}

void Binding::Set(std::string_view key, std::string_view value) {
  if (size_ == entries_.size()) entries_.emplace_back();
  entries_[size_].first.assign(key);
  entries_[size_].second.assign(value);
  ++size_;
}

}  // namespace asanasim
