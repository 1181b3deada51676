#include "src/gen/team_context.h"

#include <algorithm>

#include "src/util/civil_time.h"

namespace asanasim {

TeamContext::TeamContext(const OrgPlan& org, uint32_t team_index)
    : org_(org),
      team_(org.teams[team_index]),
      job_(team_index + 1),
      p_(*org.profile),
      vocab_(org.pack->department(team_.department)),
      time_(p_),
      workload_(static_cast<uint32_t>(team_.members.size()), p_.assignee_zipf_s) {
  for (uint32_t u : team_.members) people_.push_back(org.users[u].first_name());
  for (std::string_view name : vocab_.tag_names) {
    const int t = org.TagIndex(name);
    if (t >= 0) tag_indexes_.push_back(t);
  }
  for (std::string_view key : vocab_.field_keys) {
    const int f = org.FieldIndex(key);
    if (f >= 0) field_indexes_.push_back(f);
  }
  std::sort(field_indexes_.begin(), field_indexes_.end());
  if (!tag_indexes_.empty()) {
    tag_pick_ = std::make_unique<ZipfTable>(static_cast<uint32_t>(tag_indexes_.size()), 1.0);
  }
}

TemplateContext TeamContext::Context(int64_t at, uint32_t writer) const {
  TemplateContext c;
  c.slots = {{}, vocab_.slots, org_.vocabulary->shared_slots()};
  c.focus = team_.focus;
  c.people = people_;
  c.day = ZoneOf(writer).LocalDay(at);
  c.date_day = c.day;
  return c;
}

}  // namespace asanasim
