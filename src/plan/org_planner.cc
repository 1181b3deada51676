#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

#include "absl/container/flat_hash_set.h"
#include "src/model/ids.h"
#include "src/model/streams.h"
#include "src/plan/org_plan.h"
#include "src/util/civil_time.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

// Stream purposes of the planner. Part of the output's definition: never renumber.

constexpr uint32_t kCompanyStride = 7919;  // prime, coprime with the name space's size

Rng StreamFor(const WorldConfig& c, uint32_t org, Kind kind, Purpose purpose, uint64_t index) {
  return Stream(StreamScope{.seed = c.seed, .org = org}, kind, purpose, index);
}

std::string EmailLocalPart(std::string_view first, std::string_view last) {
  std::string out;
  for (std::string_view part : {first, std::string_view("."), last}) {
    for (char ch : part) {
      if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.') {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
    }
  }
  return out;
}

// Largest-remainder apportionment of `total` over `weights`.
std::vector<int32_t> Apportion(int64_t total, const std::vector<double>& weights) {
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<int32_t> out(weights.size(), 0);
  std::vector<std::pair<double, size_t>> remainders;
  int64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = sum > 0 ? total * weights[i] / sum : 0.0;
    out[i] = static_cast<int32_t>(std::floor(exact));
    given += out[i];
    remainders.push_back({exact - out[i], i});
  }
  // Larger remainder first; ties by index, so the result is fully determined.
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t k = 0; given < total; ++k, ++given) ++out[remainders[k % remainders.size()].second];
  return out;
}

std::string Roman(uint32_t n) {
  static constexpr std::pair<uint32_t, std::string_view> kNumerals[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (const auto& [value, text] : kNumerals) {
    while (n >= value) {
      out.append(text);
      n -= value;
    }
  }
  return out;
}

// The place of org `index` (> 0) in the space of company names: prefix x suffix x kind.
uint64_t CompanySlot(const WorldConfig& c, const Vocabulary& v, uint64_t index, uint64_t* space) {
  *space = v.company_prefixes().size() * v.company_suffixes().size() * v.company_kinds().size();
  const uint64_t offset = Mix64(c.seed) % *space;
  return (offset + index * kCompanyStride) % *space;
}

// The company's identity and size. Everything here derives from the (org, kCompany) streams.
void PlanCompany(const WorldConfig& c, OrgPlan& org, OrgSize* size) {
  const Profile& p = *org.profile;
  if (org.index == 0) {
    org.name = "TechFlow Solutions";
    org.domain = "techflow.io";
    org.industry = "B2B SaaS";
    org.headquarters = &org.vocabulary->headquarters()[0];
    *size = OrgSize{c.users, c.projects, c.tasks_per_project};
  } else {
    Rng rng = StreamFor(c, org.index, Kind::kOrganization, Purpose::kCompany, 0);
    const Words prefixes = org.vocabulary->company_prefixes();
    const Words suffixes = org.vocabulary->company_suffixes();
    const auto kinds = org.vocabulary->company_kinds();
    uint64_t space = 0;
    const uint64_t slot = CompanySlot(c, *org.vocabulary, org.index, &space);
    const std::string_view prefix = prefixes[slot % prefixes.size()];
    const std::string_view suffix = suffixes[(slot / prefixes.size()) % suffixes.size()];
    const CompanyKind& kind = kinds[slot / (prefixes.size() * suffixes.size())];
    org.name = Cat(prefix, suffix, " ", kind.word);
    if (org.index >= space) {
      org.name += Cat(" ", Roman(static_cast<uint32_t>(org.index / space) + 1));
    }
    std::string domain = Cat(prefix, suffix, kind.word);
    std::transform(domain.begin(), domain.end(), domain.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (org.index >= space) domain += std::to_string(org.index / space + 1);
    org.domain = domain + ".com";
    org.industry = kind.industry;
    org.headquarters = &PickOne(rng, org.vocabulary->headquarters());
    const double factor = std::exp(
        std::log(p.other_org_size_min) +
        rng.NextDouble() * (std::log(p.other_org_size_max) - std::log(p.other_org_size_min)));
    size->users = std::max<int32_t>(3, static_cast<int32_t>(std::lround(c.users * factor)));
    size->projects = std::max<int32_t>(1, static_cast<int32_t>(std::lround(c.projects * factor)));
    size->tasks_per_project = std::max<int32_t>(
        1, static_cast<int32_t>(
               std::lround(c.tasks_per_project * LogNormal(rng, 0.0, p.other_org_tasks_sigma))));
  }
  org.pack = &org.vocabulary->PackFor(org.industry);
  org.tasks_per_project = size->tasks_per_project;
  Rng rng = StreamFor(c, org.index, Kind::kOrganization, Purpose::kCompany, 1);
  org.created_at = org.history_start - UniformRange(rng, 365, 8 * 365) * kMsPerDay;
}

// Picks a person's name culture: with the vocabulary's local share, one of the cultures at home
// in the person's time zone (by weight), else any culture by weight (the international mix).
class NameCultures {
 public:
  explicit NameCultures(const Vocabulary& v) : v_(v) {
    for (const NameCulture& c : v.name_cultures()) total_ += c.weight;
  }

  const NameCulture& Pick(Rng& rng, std::string_view time_zone) const {
    const std::span<const NameCulture> all = v_.name_cultures();
    const auto home = [&](const NameCulture& c) {
      return std::find(c.homes.begin(), c.homes.end(), time_zone) != c.homes.end();
    };
    double local = 0;
    for (const NameCulture& c : all) local += home(c) ? c.weight : 0;
    const bool stay = Bernoulli(rng, v_.local_name_share());
    const double r = rng.NextDouble();
    if (local > 0 && stay) return Nth(all, r * local, home);
    return Nth(all, r * total_, [](const NameCulture&) { return true; });
  }

 private:
  // The culture where the running weight of those `in` passes `at`.
  template <typename In>
  static const NameCulture& Nth(std::span<const NameCulture> all, double at, In in) {
    const NameCulture* last = nullptr;
    for (const NameCulture& c : all) {
      if (!in(c)) continue;
      last = &c;
      if ((at -= c.weight) < 0) break;
    }
    return *last;
  }

  const Vocabulary& v_;
  double total_ = 0;
};

// People: department, name, email, place, joined date. Titles and admin flags come later, once
// teams (and so leads) are known.
void PlanUsers(const WorldConfig& c, OrgPlan& org, int32_t user_count) {
  const Profile& p = *org.profile;
  std::vector<double> weights(kDepartmentCount);
  Rng wrng = StreamFor(c, org.index, Kind::kOrganization, Purpose::kDepartmentWeights, 0);
  for (int d = 0; d < kDepartmentCount; ++d) {
    weights[d] = org.pack->department(static_cast<Department>(d)).headcount_weight;
    if (org.index > 0) weights[d] *= LogNormal(wrng, 0.0, p.department_jitter_sigma);
  }
  const std::vector<int32_t> headcount = Apportion(user_count, weights);
  std::vector<Department> labels;
  labels.reserve(user_count);
  for (int d = 0; d < kDepartmentCount; ++d) {
    labels.insert(labels.end(), headcount[d], static_cast<Department>(d));
  }
  Rng srng = StreamFor(c, org.index, Kind::kUser, Purpose::kDepartmentShuffle, 0);
  Shuffle(srng, std::span<Department>(labels));

  absl::flat_hash_set<std::string> emails;
  emails.reserve(user_count);
  org.users.reserve(user_count);
  const NameCultures cultures(*org.vocabulary);
  for (int32_t u = 0; u < user_count; ++u) {
    Rng prng = StreamFor(c, org.index, Kind::kUser, Purpose::kUserPlace, u);
    const Location* location = Bernoulli(prng, p.hq_share)
                                   ? org.headquarters
                                   : &PickOne(prng, org.vocabulary->remote_locations());
    Rng nrng = StreamFor(c, org.index, Kind::kUser, Purpose::kUserName, u);
    const NameCulture& culture = cultures.Pick(nrng, location->time_zone);
    const std::string_view first = PickOne(nrng, culture.first_names);
    const std::string_view last = PickOne(nrng, culture.last_names);
    UserPlan user;
    user.id = MakeId(org.index, Table::kUsers, 0, u);
    user.name = Cat(first, " ", last);
    user.first_name_length = static_cast<uint32_t>(first.size());
    // Duplicate names get a number, as mail admins do: jane.smith, jane.smith2, ...
    const std::string local = EmailLocalPart(first, last);
    std::string email = Cat(local, "@", org.domain);
    for (int k = 2; !emails.insert(email).second; ++k) {
      email = Cat(local, std::to_string(k), "@", org.domain);
    }
    user.email = std::move(email);
    user.department = labels[u];
    user.location = location;
    user.zone = 0;  // set by PlanZones
    user.title = {};
    user.is_admin = false;
    Rng jrng = StreamFor(c, org.index, Kind::kUser, Purpose::kUserJoined, u);
    user.created_at = std::max(org.created_at + kMsPerDay,
                               org.history_start - UniformRange(jrng, 7, 4 * 365) * kMsPerDay) +
                      UniformRange(jrng, 8 * kMsPerHour, 18 * kMsPerHour);
    org.users.push_back(std::move(user));
  }
}

// The time zones of the org's people, over the instants whose local time generation asks for
// (the history, a margin before it, and due dates up to a year past as_of). A short window keeps
// each zone's span list to a few entries: the offset lookup runs for every candidate moment.
absl::Status PlanZones(OrgPlan& org) {
  const int64_t from = org.history_start - 60 * kMsPerDay;
  const int64_t to = org.as_of + 365 * kMsPerDay;
  for (UserPlan& u : org.users) {
    const std::string_view name = u.location->time_zone;
    auto it = std::find_if(org.zones.begin(), org.zones.end(),
                           [&](const ZoneClock& z) { return z.name() == name; });
    if (it == org.zones.end()) {
      ASANASIM_ASSIGN_OR_RETURN(ZoneClock zone, ZoneClock::Load(name, from, to));
      org.zones.push_back(std::move(zone));
      it = org.zones.end() - 1;
    }
    u.zone = static_cast<uint32_t>(it - org.zones.begin());
  }
  return absl::OkStatus();
}

void PlanTeams(const WorldConfig& c, OrgPlan& org, int32_t project_count) {
  const Profile& p = *org.profile;
  // No more teams than projects: a team without a project leaves its people with nothing to do.
  const double team_size = std::max(p.team_size_target, static_cast<double>(org.users.size()) /
                                                            std::max<int32_t>(1, project_count));
  std::array<std::vector<uint32_t>, kDepartmentCount> by_department;
  for (uint32_t u = 0; u < org.users.size(); ++u) {
    by_department[static_cast<int>(org.users[u].department)].push_back(u);
  }
  for (int d = 0; d < kDepartmentCount; ++d) {
    std::vector<uint32_t>& people = by_department[d];
    if (people.empty()) continue;
    const DepartmentVocab& vocab = org.pack->department(static_cast<Department>(d));
    Rng rng = StreamFor(c, org.index, Kind::kTeam, Purpose::kTeamShuffle, d);
    Shuffle(rng, std::span<uint32_t>(people));
    const uint32_t teams = static_cast<uint32_t>(
        std::max(1.0, std::round(static_cast<double>(people.size()) / team_size)));
    for (uint32_t k = 0; k < teams; ++k) {
      TeamPlan team;
      team.index = static_cast<uint32_t>(org.teams.size());
      team.id = MakeId(org.index, Table::kTeams, 0, team.index);
      team.department = static_cast<Department>(d);
      team.focus = vocab.team_focuses[k % vocab.team_focuses.size()];
      team.name = std::string(team.focus);
      if (k >= vocab.team_focuses.size()) {
        team.name += Cat(" ", Roman(k / static_cast<uint32_t>(vocab.team_focuses.size()) + 1));
      }
      // Even split: team k takes people [k*n/teams, (k+1)*n/teams).
      const size_t begin = k * people.size() / teams;
      const size_t end = (k + 1) * people.size() / teams;
      team.members.assign(people.begin() + begin, people.begin() + end);
      team.lead = team.members.front();
      team.project_count = 0;
      org.teams.push_back(std::move(team));
    }
  }
  // Second and third teams: same department or any other, by rejection over random teams.
  std::array<std::vector<uint32_t>, kDepartmentCount> teams_of_department;
  std::vector<std::array<int32_t, 3>> user_teams(org.users.size(), {-1, -1, -1});
  for (const TeamPlan& t : org.teams) {
    teams_of_department[static_cast<int>(t.department)].push_back(t.index);
    for (uint32_t u : t.members) user_teams[u][0] = static_cast<int32_t>(t.index);
  }
  for (uint32_t u = 0; u < org.users.size(); ++u) {
    Rng rng = StreamFor(c, org.index, Kind::kMembership, Purpose::kExtraTeams, u);
    int extra = Bernoulli(rng, p.second_team_share) ? 1 : 0;
    if (extra == 1 && Bernoulli(rng, p.third_team_share / p.second_team_share)) extra = 2;
    const Department home = org.users[u].department;
    for (int e = 1; e <= extra; ++e) {
      const bool same = Bernoulli(rng, p.same_department_second_team);
      const std::vector<uint32_t>& own = teams_of_department[static_cast<int>(home)];
      for (int attempt = 0; attempt < 16; ++attempt) {
        const uint32_t t = same ? PickOne(rng, std::span<const uint32_t>(own))
                                : UniformInt(rng, static_cast<uint32_t>(org.teams.size()));
        if (!same && org.teams[t].department == home) continue;
        const auto& mine = user_teams[u];
        if (std::find(mine.begin(), mine.end(), static_cast<int32_t>(t)) != mine.end()) continue;
        user_teams[u][e] = static_cast<int32_t>(t);
        org.teams[t].members.push_back(u);
        break;
      }
    }
  }
  std::vector<double> sizes;
  for (TeamPlan& t : org.teams) {
    std::sort(t.members.begin(), t.members.end());
    sizes.push_back(static_cast<double>(t.members.size()));
    Rng rng = StreamFor(c, org.index, Kind::kTeam, Purpose::kTeamCreated, t.index);
    t.created_at = std::min(org.history_start - kMsPerDay,
                            std::max(org.created_at, org.users[t.lead].created_at) +
                                UniformRange(rng, 1, 60) * kMsPerDay);
  }
  // One project per team first (when there are enough), the rest by team size.
  const int32_t base = project_count >= static_cast<int32_t>(org.teams.size()) ? 1 : 0;
  const std::vector<int32_t> projects =
      Apportion(project_count - base * static_cast<int32_t>(org.teams.size()), sizes);
  for (size_t t = 0; t < org.teams.size(); ++t) org.teams[t].project_count = base + projects[t];
}

void PlanTitles(const WorldConfig& c, OrgPlan& org) {
  const Profile& p = *org.profile;
  std::vector<bool> lead(org.users.size(), false);
  for (const TeamPlan& t : org.teams) lead[t.lead] = true;
  for (uint32_t u = 0; u < org.users.size(); ++u) {
    UserPlan& user = org.users[u];
    const DepartmentVocab& vocab = org.pack->department(user.department);
    Rng rng = StreamFor(c, org.index, Kind::kUser, Purpose::kUserTitle, u);
    if (lead[u]) {
      user.title = PickOne(rng, vocab.lead_titles);
    } else {
      const ZipfTable titles(static_cast<uint32_t>(vocab.titles.size()), 1.0);
      user.title = vocab.titles[titles.Pick(rng)];
    }
    Rng arng = StreamFor(c, org.index, Kind::kUser, Purpose::kUserAdmin, u);
    user.is_admin = u == 0 || Bernoulli(arng, p.admin_share);
  }
}

void PlanFieldsAndTags(const WorldConfig& c, OrgPlan& org) {
  bool used[kDepartmentCount] = {};
  for (const TeamPlan& t : org.teams) used[static_cast<int>(t.department)] = true;
  auto department_uses = [&](auto member) {
    return [&, member](std::string_view key) {
      for (int d = 0; d < kDepartmentCount; ++d) {
        if (!used[d]) continue;
        for (std::string_view k : org.pack->department(static_cast<Department>(d)).*member) {
          if (k == key) return true;
        }
      }
      return false;
    };
  };
  const auto uses_field = department_uses(&DepartmentVocab::field_keys);
  const auto uses_tag = department_uses(&DepartmentVocab::tag_names);
  const int64_t sprint_zero = DayOf(org.history_start) - WeekdayOf(DayOf(org.history_start));
  uint64_t option_local = 0;
  for (const CustomFieldSpec& spec : org.vocabulary->fields()) {
    if (!uses_field(spec.key)) continue;
    FieldPlan f;
    const uint64_t k = org.fields.size();
    f.id = MakeId(org.index, Table::kCustomFieldDefinitions, 0, k);
    f.spec = &spec;
    std::vector<double> weights;
    if (spec.sprint) {
      Rng rng = StreamFor(c, org.index, Kind::kCustomField, Purpose::kSprintBase, k);
      const int64_t base = 20 + UniformInt(rng, 40);
      f.first_sprint_day = sprint_zero;
      const int64_t sprints = (DayOf(org.as_of) - sprint_zero) / 14 + 1;
      for (int64_t s = 0; s < sprints; ++s) {
        f.option_names.push_back(Cat("Sprint ", std::to_string(base + s)));
      }
    } else {
      for (const EnumOptionSpec& o : spec.options) {
        f.option_names.emplace_back(o.name);
        weights.push_back(o.weight);
      }
      if (!weights.empty()) f.option_weights = WeightedTable(weights);
    }
    for (size_t o = 0; o < f.option_names.size(); ++o) {
      f.option_ids.push_back(MakeId(org.index, Table::kCustomFieldEnumOptions, 0, option_local++));
    }
    org.fields.push_back(std::move(f));
  }
  for (const TagSpec& spec : org.vocabulary->tags()) {
    if (!uses_tag(spec.name)) continue;
    org.tags.push_back(TagPlan{MakeId(org.index, Table::kTags, 0, org.tags.size()), &spec});
  }
}

}  // namespace

int OrgPlan::FieldIndex(std::string_view key) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].spec->key == key) return static_cast<int>(i);
  }
  return -1;
}

int OrgPlan::TagIndex(std::string_view tag_name) const {
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i].spec->name == tag_name) return static_cast<int>(i);
  }
  return -1;
}

OrgSize PlanOrgSize(const WorldConfig& config, uint32_t org_index) {
  OrgPlan org;
  org.index = org_index;
  org.profile = config.profile != nullptr ? config.profile : &DefaultProfile();
  org.vocabulary = config.vocabulary != nullptr ? config.vocabulary : &Vocabulary::BuiltIn();
  org.llm_share = config.llm_share;
  org.history_start = HistoryStart(config);
  OrgSize size;
  PlanCompany(config, org, &size);
  return size;
}

int64_t HistoryStart(const WorldConfig& config) {
  return AddMonths(config.as_of_ms, -config.months);
}

absl::StatusOr<std::shared_ptr<const OrgPlan>> PlanOrganization(const WorldConfig& config,
                                                                uint32_t org_index) {
  if (org_index >= config.org_count || org_index >= kMaxOrgs) {
    return absl::InvalidArgumentError(
        Cat("organization ", std::to_string(org_index), " is outside the universe"));
  }
  auto org = std::make_shared<OrgPlan>();
  org->index = org_index;
  org->id = MakeId(org_index, Table::kOrganizations, 0, 0);
  org->seed = config.seed;
  org->profile = config.profile != nullptr ? config.profile : &DefaultProfile();
  org->vocabulary = config.vocabulary != nullptr ? config.vocabulary : &Vocabulary::BuiltIn();
  org->llm_share = config.llm_share;
  org->as_of = config.as_of_ms;
  org->history_start = HistoryStart(config);
  OrgSize size;
  PlanCompany(config, *org, &size);
  PlanUsers(config, *org, size.users);
  ASANASIM_RETURN_IF_ERROR(PlanZones(*org));
  PlanTeams(config, *org, size.projects);
  if (org->teams.size() + 1 >= kMaxJobs) {
    return absl::InvalidArgumentError(Cat("organization ", std::to_string(org_index),
                                          " would have ", std::to_string(org->teams.size()),
                                          " teams; at most ", std::to_string(kMaxJobs - 2),
                                          " fit the id space (lower --users)"));
  }
  PlanTitles(config, *org);
  PlanFieldsAndTags(config, *org);
  return std::shared_ptr<const OrgPlan>(std::move(org));
}

std::vector<const Pack*> PacksOfWorld(const WorldConfig& config) {
  const Vocabulary& v = config.vocabulary != nullptr ? *config.vocabulary : Vocabulary::BuiltIn();
  std::vector<const Pack*> packs = {&v.PackFor("B2B SaaS")};  // org 0, TechFlow Solutions
  const auto kinds = v.company_kinds();
  const uint64_t per_kind = v.company_prefixes().size() * v.company_suffixes().size();
  for (uint64_t i = 1; i < config.org_count && packs.size() < v.packs().size(); ++i) {
    uint64_t space = 0;
    const Pack* p = &v.PackFor(kinds[CompanySlot(config, v, i, &space) / per_kind].industry);
    if (std::find(packs.begin(), packs.end(), p) == packs.end()) packs.push_back(p);
  }
  // In the vocabulary's order, not the orgs': the same set is the same request list.
  std::sort(packs.begin(), packs.end());
  return packs;
}

}  // namespace asanasim
