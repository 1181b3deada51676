#include <algorithm>

#include "src/gen/jobs.h"
#include "src/model/ids.h"
#include "src/model/streams.h"
#include "src/rng/distributions.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

// Stream purposes of the org-level job. Part of the output's definition: never renumber.

constexpr std::string_view kVisibility[] = {"public", "request_to_join", "secret"};
constexpr double kVisibilityWeight[] = {0.70, 0.25, 0.05};

Rng OrgStream(const OrgPlan& org, Kind kind, Purpose purpose, uint64_t index, uint32_t team = 0) {
  return Stream(StreamScope{.seed = org.seed, .org = org.index, .team = team}, kind, purpose,
                index);
}

std::string_view FieldTypeName(FieldType t) {
  switch (t) {
    case FieldType::kText:
      return "text";
    case FieldType::kNumber:
      return "number";
    case FieldType::kEnum:
      return "enum";
    case FieldType::kDate:
      return "date";
    case FieldType::kPeople:
      return "people";
  }
  return "text";
}

}  // namespace

void GenerateOrgRows(const OrgPlan& org, Batch& batch) {
  batch.Add(OrganizationRow{.id = org.id,
                            .org_index = org.index,
                            .name = org.name,
                            .email_domain = org.domain,
                            .industry = org.industry,
                            .headquarters = org.headquarters->city,
                            .created_at = org.created_at});

  for (const UserPlan& u : org.users) {
    batch.Add(UserRow{.id = u.id,
                      .organization_id = org.id,
                      .name = u.name,
                      .email = u.email,
                      .title = u.title,
                      .department = org.pack->department(u.department).name,
                      .time_zone = u.location->time_zone,
                      .is_admin = u.is_admin,
                      .is_active = true,
                      .created_at = u.created_at});
  }

  const WeightedTable visibility(kVisibilityWeight);
  std::string description;
  for (const TeamPlan& t : org.teams) {
    Rng rng = OrgStream(org, Kind::kTeam, Purpose::kTeamVisibility, t.index);
    description.clear();
    description.append(org.pack->department(t.department).name).append(" team focused on ");
    description.append(t.focus).append(".");
    batch.Add(TeamRow{.id = t.id,
                      .organization_id = org.id,
                      .name = t.name,
                      .description = description,
                      .department = org.pack->department(t.department).name,
                      .visibility = kVisibility[visibility.Pick(rng)],
                      .created_at = t.created_at});
  }
  for (const TeamPlan& t : org.teams) {
    for (uint32_t u : t.members) {
      const UserPlan& user = org.users[u];
      Rng rng = OrgStream(org, Kind::kMembership, Purpose::kMembershipJoined, u, t.index);
      const int64_t earliest = std::max(t.created_at, user.created_at);
      const int64_t joined =
          std::min(org.history_start - kMsPerHour, earliest + UniformRange(rng, 0, 90) * kMsPerDay);
      batch.Add(TeamMembershipRow{.team_id = t.id,
                                  .user_id = user.id,
                                  .role = u == t.lead ? "admin" : "member",
                                  .joined_at = std::max(earliest, joined)});
    }
  }

  const UserPlan& creator = org.users.front();
  for (size_t k = 0; k < org.fields.size(); ++k) {
    const FieldPlan& f = org.fields[k];
    const CustomFieldSpec& s = *f.spec;
    Rng rng = OrgStream(org, Kind::kCustomField, Purpose::kFieldCreated, k);
    const int64_t created = std::max(creator.created_at + kMsPerHour,
                                     org.history_start - UniformRange(rng, 14, 400) * kMsPerDay);
    CustomFieldDefinitionRow row{.id = f.id,
                                 .organization_id = org.id,
                                 .name = s.name,
                                 .description = s.description,
                                 .resource_subtype = FieldTypeName(s.type),
                                 .format = s.format,
                                 .is_global_to_workspace = true,
                                 .created_by_id = creator.id,
                                 .created_at = created};
    if (s.type == FieldType::kNumber) row.precision = s.precision;
    if (s.format == "currency") row.currency_code = s.currency_code;
    if (!s.custom_label.empty()) row.custom_label = s.custom_label;
    batch.Add(row);
    for (size_t o = 0; o < f.option_ids.size(); ++o) {
      batch.Add(CustomFieldEnumOptionRow{.id = f.option_ids[o],
                                         .custom_field_id = f.id,
                                         .name = f.option_names[o],
                                         .color = s.sprint ? "none" : s.options[o].color,
                                         .enabled = true,
                                         .position = static_cast<int64_t>(o)});
    }
  }

  for (size_t k = 0; k < org.tags.size(); ++k) {
    const TagPlan& t = org.tags[k];
    Rng rng = OrgStream(org, Kind::kTag, Purpose::kTagCreated, k);
    const int64_t created = std::max(creator.created_at + kMsPerHour,
                                     org.history_start - UniformRange(rng, 7, 500) * kMsPerDay);
    batch.Add(TagRow{.id = t.id,
                     .organization_id = org.id,
                     .name = t.spec->name,
                     .color = t.spec->color,
                     .notes = t.spec->notes,
                     .created_at = created});
  }
}

}  // namespace asanasim
