// OrgPlan: everything about one organization that crosses team borders, decided from the seed
// alone before any team is generated: the company, its people, teams and memberships, custom
// field definitions and tags, and how many projects each team runs. Immutable once built, so
// thread-safe to read from every team job at once.
#ifndef ASANASIM_SRC_PLAN_ORG_PLAN_H_
#define ASANASIM_SRC_PLAN_ORG_PLAN_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "src/plan/profile.h"
#include "src/rng/distributions.h"
#include "src/text/vocabulary.h"
#include "src/util/time_zone.h"

namespace asanasim {

// The part of the run's configuration that shapes the world (and so the output bytes).
struct WorldConfig {
  uint64_t seed = 42;
  uint32_t org_count = 1;
  int32_t users = 300;  // org 0; other orgs vary around it
  int32_t projects = 60;
  int32_t tasks_per_project = 40;
  int32_t months = 6;
  int64_t as_of_ms = 0;                    // "now"; the history ends here
  const Profile* profile = nullptr;        // DefaultProfile() when null
  const Vocabulary* vocabulary = nullptr;  // Vocabulary::BuiltIn() when null
  // Tier 3: the share of top-level tasks told by an LLM-written archetype, in departments that
  // have some (the vocabulary's <department>.llm.toml files).
  double llm_share = 0;
};

struct UserPlan {
  int64_t id;
  std::string name;
  std::string email;
  uint32_t first_name_length;  // name.substr(0, first_name_length) is the first name
  std::string_view title;
  Department department;
  const Location* location;
  uint32_t zone;  // index into OrgPlan::zones: the location's time zone
  bool is_admin;
  int64_t created_at;

  std::string_view first_name() const {
    return std::string_view(name).substr(0, first_name_length);
  }
};

struct TeamPlan {
  int64_t id;
  uint32_t index;
  std::string name;
  std::string_view focus;
  Department department;
  std::vector<uint32_t> members;  // user indexes, ascending
  uint32_t lead;                  // user index of the team's admin
  int32_t project_count;
  int64_t created_at;
};

struct FieldPlan {
  int64_t id;
  const CustomFieldSpec* spec;
  std::vector<int64_t> option_ids;
  std::vector<std::string> option_names;
  WeightedTable option_weights;  // enum fields other than sprints
  int64_t first_sprint_day = 0;  // sprint fields: sprint k starts on this day + 14k
};

struct TagPlan {
  int64_t id;
  const TagSpec* spec;
};

struct OrgPlan {
  uint32_t index;
  int64_t id;
  uint64_t seed;
  const Profile* profile;
  const Vocabulary* vocabulary;  // never null
  const Pack* pack;              // the pack of the org's industry (Vocabulary::PackFor)
  double llm_share;              // WorldConfig::llm_share
  std::string name;
  std::string domain;
  std::string_view industry;
  const Location* headquarters;
  int64_t created_at;
  int64_t history_start;
  int64_t as_of;
  int32_t tasks_per_project;
  std::vector<UserPlan> users;
  std::vector<ZoneClock> zones;  // the time zones of the org's people (UserPlan::zone)
  std::vector<TeamPlan> teams;
  std::vector<FieldPlan> fields;
  std::vector<TagPlan> tags;

  // The time zone of user `u` (with its daylight saving time).
  const ZoneClock& ZoneOf(uint32_t u) const { return zones[users[u].zone]; }
  // Index into `fields` of the field with `key`, or -1.
  int FieldIndex(std::string_view key) const;
  // Index into `tags` of the tag named `name`, or -1.
  int TagIndex(std::string_view name) const;
};

// Plans organization `org_index` of the universe described by `config`. The result depends only
// on (config, org_index): never on which other orgs are planned. REQUIRES: config validated
// (counts positive, org_index < org_count).
absl::StatusOr<std::shared_ptr<const OrgPlan>> PlanOrganization(const WorldConfig& config,
                                                                uint32_t org_index);

// The size of organization `org_index` (people, projects, mean tasks per project), as its plan
// will have it, computed without planning it. Cheap: for progress estimates over many orgs.
struct OrgSize {
  int32_t users = 0;
  int32_t projects = 0;
  int32_t tasks_per_project = 0;
};
OrgSize PlanOrgSize(const WorldConfig& config, uint32_t org_index);

// The packs of the world's organizations (all of them, whatever shard of orgs a run makes),
// in the vocabulary's order. Cheap: no org is planned.
std::vector<const Pack*> PacksOfWorld(const WorldConfig& config);

// First instant of the history: as_of minus `months` calendar months.
int64_t HistoryStart(const WorldConfig& config);

}  // namespace asanasim

#endif  // ASANASIM_SRC_PLAN_ORG_PLAN_H_
