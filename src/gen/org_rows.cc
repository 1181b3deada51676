#include <algorithm>

#include "src/gen/team_generator.h"
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
  batch.rows(Table::kOrganizations)
      .Int(org.id)
      .Int(org.index)
      .Text(org.name)
      .Text(org.domain)
      .Text(org.industry)
      .Text(org.headquarters->city)
      .Timestamp(org.created_at);

  TableRows& users = batch.rows(Table::kUsers);
  for (const UserPlan& u : org.users) {
    users.Int(u.id)
        .Int(org.id)
        .Text(u.name)
        .Text(u.email)
        .Text(u.title)
        .Text(VocabFor(u.department).name)
        .Text(u.location->time_zone)
        .Int(u.location->utc_offset_min)
        .Bool(u.is_admin)
        .Bool(true)
        .Timestamp(u.created_at);
  }

  TableRows& teams = batch.rows(Table::kTeams);
  TableRows& memberships = batch.rows(Table::kTeamMemberships);
  const WeightedTable visibility(kVisibilityWeight);
  for (const TeamPlan& t : org.teams) {
    Rng rng = OrgStream(org, Kind::kTeam, Purpose::kTeamVisibility, t.index);
    teams.Int(t.id).Int(org.id).Text(t.name);
    std::string& description = teams.BeginText();
    description.append(VocabFor(t.department).name);
    description.append(" team focused on ");
    description.append(t.focus);
    description.append(".");
    teams.EndText()
        .Text(VocabFor(t.department).name)
        .Text(kVisibility[visibility.Pick(rng)])
        .Timestamp(t.created_at);
  }
  for (const TeamPlan& t : org.teams) {
    for (uint32_t u : t.members) {
      const UserPlan& user = org.users[u];
      Rng rng = OrgStream(org, Kind::kMembership, Purpose::kMembershipJoined, u, t.index);
      const int64_t earliest = std::max(t.created_at, user.created_at);
      const int64_t joined =
          std::min(org.history_start - kMsPerHour, earliest + UniformRange(rng, 0, 90) * kMsPerDay);
      memberships.Int(t.id)
          .Int(user.id)
          .Text(u == t.lead ? "admin" : "member")
          .Timestamp(std::max(earliest, joined));
    }
  }

  TableRows& fields = batch.rows(Table::kCustomFieldDefinitions);
  TableRows& options = batch.rows(Table::kCustomFieldEnumOptions);
  const UserPlan& creator = org.users.front();
  for (size_t k = 0; k < org.fields.size(); ++k) {
    const FieldPlan& f = org.fields[k];
    const CustomFieldSpec& s = *f.spec;
    Rng rng = OrgStream(org, Kind::kCustomField, Purpose::kFieldCreated, k);
    const int64_t created = std::max(creator.created_at + kMsPerHour,
                                     org.history_start - UniformRange(rng, 14, 400) * kMsPerDay);
    fields.Int(f.id)
        .Int(org.id)
        .Text(s.name)
        .Text(s.description)
        .Text(FieldTypeName(s.type))
        .Text(s.format);
    if (s.type == FieldType::kNumber) {
      fields.Int(s.precision);
    } else {
      fields.Null();
    }
    if (s.format == "currency") {
      fields.Text(s.currency_code);
    } else {
      fields.Null();
    }
    if (s.custom_label.empty()) {
      fields.Null();
    } else {
      fields.Text(s.custom_label);
    }
    fields.Bool(true).Int(creator.id).Timestamp(created);
    for (size_t o = 0; o < f.option_ids.size(); ++o) {
      const std::string_view color = s.sprint ? "none" : s.options[o].color;
      options.Int(f.option_ids[o])
          .Int(f.id)
          .Text(f.option_names[o])
          .Text(color)
          .Bool(true)
          .Int(static_cast<int64_t>(o));
    }
  }

  TableRows& tags = batch.rows(Table::kTags);
  for (size_t k = 0; k < org.tags.size(); ++k) {
    const TagPlan& t = org.tags[k];
    Rng rng = OrgStream(org, Kind::kTag, Purpose::kTagCreated, k);
    const int64_t created = std::max(creator.created_at + kMsPerHour,
                                     org.history_start - UniformRange(rng, 7, 500) * kMsPerDay);
    tags.Int(t.id)
        .Int(org.id)
        .Text(t.spec->name)
        .Text(t.spec->color)
        .Text(t.spec->notes)
        .Timestamp(created);
  }
}

}  // namespace asanasim
