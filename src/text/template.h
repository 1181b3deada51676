// Fills text templates ("Fix {bug} in {service}") from vocabulary slots and a per-row context.
// Thread-compatible: TemplateContext is a view; filling only appends to the caller's string.
#ifndef ASANASIM_SRC_TEXT_TEMPLATE_H_
#define ASANASIM_SRC_TEXT_TEMPLATE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "src/rng/rng.h"
#include "src/text/vocabulary.h"

namespace asanasim {

// Values of the context slots. Views must outlive the call.
//   {focus} team focus          {person} a random name of `people`
//   {actor} {assignee}          {n} 1-9            {pr} a pull-request number
//   {weekday} Monday-Friday     {quarter} "Q1".."Q4", {year}, {month} of `day`
//   {date} `date_day` as "Mar 5"     {id4} 1000-9999    {version} "v3.14"
struct TemplateContext {
  std::span<const Slot> department_slots;
  std::span<const Slot> shared_slots;  // Vocabulary::shared_slots()
  std::string_view focus;
  std::span<const std::string_view> people;
  std::string_view actor;
  std::string_view assignee;
  int64_t day = 0;
  int64_t date_day = 0;
};

// Appends `tmpl` with every slot filled (slot values may contain slots, up to a small depth).
void AppendTemplate(std::string& out, std::string_view tmpl, const TemplateContext& context,
                    Rng& rng);

// Picks one template of `templates` and appends it filled.
void AppendOneOf(std::string& out, Words templates, const TemplateContext& context, Rng& rng);

// True when every slot of `tmpl` (and, recursively, of the slot values it can produce) resolves
// with these slots; otherwise false with the slot's name in *missing.
bool TemplateResolves(std::string_view tmpl, std::span<const Slot> department_slots,
                      std::span<const Slot> shared_slots, std::string* missing);

}  // namespace asanasim

#endif  // ASANASIM_SRC_TEXT_TEMPLATE_H_
