// Fills text templates ("Fix {bug} in {service}") from vocabulary slots and a per-row context.
// Thread-compatible: TemplateContext is a view; filling appends to the caller's string and, when
// the context has a binding, records the values drawn in it.
//
// Template syntax:
//   {slot}        a value of the slot (archetype, department, then shared slots), or a context
//                 value (below). With a binding, the first use draws and every later use in the
//                 same story repeats the value.
//   {slot#2}      a second value of the same slot, different from {slot} (and {slot#3}...).
//   {n|one|many}  a count from 2 to 9 and the noun's plural ("3 calls"); {n} alone is 1-9.
#ifndef ASANASIM_SRC_TEXT_TEMPLATE_H_
#define ASANASIM_SRC_TEXT_TEMPLATE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/rng/rng.h"
#include "src/text/vocabulary.h"

namespace asanasim {

// Where slot names resolve, in order.
struct SlotScope {
  std::span<const Slot> archetype;
  std::span<const Slot> department;
  std::span<const Slot> shared;

  const Words* Find(std::string_view name) const;
};

// The values a story has drawn: slot key ("service", "criterion#2", "pr") -> text. Small (a
// story binds a handful of slots), so a vector searched linearly; Clear() keeps the strings'
// buffers for the next story.
class Binding {
 public:
  const std::string* Find(std::string_view key) const;
  void Set(std::string_view key, std::string_view value);
  void Clear() { size_ = 0; }
  std::span<const std::pair<std::string, std::string>> values() const {
    return std::span<const std::pair<std::string, std::string>>(entries_).first(size_);
  }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
  size_t size_ = 0;
};

// Values of the context slots. Views must outlive the call.
//   {focus} team focus          {person} a random name of `people` ("the team" when none)
//   {actor} {assignee}          {to} whom a question asks   {asker} who asked
//   {n} 1-9    {pr} a pull-request number    {id4} 1000-9999    {version} "v3.14"
//   {weekday} the due day's weekday when it falls 1-6 days after `day`, else a working day 1-4
//   working days after `day` (never one already past)       {quarter} "Q1".."Q4", {year},
//   {month} of `day`            {date} `date_day` as "Mar 5"
struct TemplateContext {
  SlotScope slots;
  std::string_view focus;
  std::span<const std::string_view> people;
  std::string_view actor;
  std::string_view assignee;
  std::string_view to;
  std::string_view asker;
  int64_t day = 0;
  int64_t date_day = 0;
  int64_t due_day = -1;  // the task's due day; {weekday} names it when it is in the coming week
  Binding* binding = nullptr;  // null: every use draws anew
};

// Appends `tmpl` with every slot filled (slot values may contain slots, up to a small depth).
void AppendTemplate(std::string& out, std::string_view tmpl, const TemplateContext& context,
                    Rng& rng);

// Picks one template of `templates` and appends it filled.
void AppendOneOf(std::string& out, Words templates, const TemplateContext& context, Rng& rng);

// True when every slot of `tmpl` (and, recursively, of the slot values it can produce) resolves
// in `scope` or is a context slot; otherwise false with the slot's name in *missing.
bool TemplateResolves(std::string_view tmpl, const SlotScope& scope, std::string* missing);

// The slot name of a slot reference: "service" for "service", "service#2"; "n" for "n|a|b".
std::string_view SlotNameOf(std::string_view reference);

}  // namespace asanasim

#endif  // ASANASIM_SRC_TEXT_TEMPLATE_H_
