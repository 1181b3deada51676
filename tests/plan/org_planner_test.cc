#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "src/plan/org_plan.h"
#include "src/text/vocabulary.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

WorldConfig World(uint32_t orgs = 1, int32_t users = 300) {
  return WorldConfig{.seed = 42,
                     .org_count = orgs,
                     .users = users,
                     .projects = 60,
                     .tasks_per_project = 40,
                     .months = 6,
                     .as_of_ms = 1782864000000};
}

TEST(OrgPlannerTest, TechFlowIsOrgZero) {
  auto plan = PlanOrganization(World(), 0);
  ASSERT_TRUE(plan.ok()) << plan.status();
  const OrgPlan& org = **plan;
  EXPECT_EQ(org.name, "TechFlow Solutions");
  EXPECT_EQ(org.domain, "techflow.io");
  EXPECT_EQ(org.users.size(), 300u);
  int projects = 0;
  for (const TeamPlan& t : org.teams) projects += t.project_count;
  EXPECT_EQ(projects, 60);
  EXPECT_EQ(TimestampString(org.history_start), "2026-01-01T00:00:00.000Z");
}

TEST(OrgPlannerTest, EveryoneHasATeamAndSomeHaveSeveral) {
  auto plan = PlanOrganization(World(), 0);
  ASSERT_TRUE(plan.ok());
  const OrgPlan& org = **plan;
  std::vector<int> teams_of(org.users.size(), 0);
  for (const TeamPlan& t : org.teams) {
    EXPECT_FALSE(t.members.empty());
    EXPECT_TRUE(std::is_sorted(t.members.begin(), t.members.end()));
    EXPECT_TRUE(std::binary_search(t.members.begin(), t.members.end(), t.lead));
    for (uint32_t u : t.members) ++teams_of[u];
  }
  int multi = 0;
  for (int n : teams_of) {
    EXPECT_GE(n, 1);
    EXPECT_LE(n, 3);
    multi += n > 1 ? 1 : 0;
  }
  EXPECT_GT(multi, 30);  // about 20% of 300
  EXPECT_LT(multi, 100);
}

TEST(OrgPlannerTest, EmailsAreUniqueAndOnTheDomain) {
  auto plan = PlanOrganization(World(1, 5000), 0);
  ASSERT_TRUE(plan.ok());
  std::set<std::string> emails;
  for (const UserPlan& u : (*plan)->users) {
    EXPECT_TRUE(emails.insert(u.email).second) << u.email;
    EXPECT_TRUE(u.email.ends_with("@techflow.io")) << u.email;
  }
}

// A person's first and last name come from one culture, and most people at a place whose
// culture is local (Bangalore, Tokyo, Berlin, ...) carry that culture's names.
TEST(OrgPlannerTest, NamesComeFromOneCultureAndFitThePlace) {
  const Vocabulary& v = Vocabulary::BuiltIn();
  const auto has = [](Words words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  int64_t at_home_place = 0, local = 0, people = 0;
  for (uint32_t org = 0; org < 12; ++org) {
    auto plan = PlanOrganization(World(12, 400), org);
    ASSERT_TRUE(plan.ok()) << plan.status();
    for (const UserPlan& u : (*plan)->users) {
      ++people;
      const size_t space = u.name.find(' ');
      ASSERT_NE(space, std::string::npos) << u.name;
      const std::string_view first = std::string_view(u.name).substr(0, space);
      const std::string_view last = std::string_view(u.name).substr(space + 1);
      EXPECT_EQ(u.first_name_length, first.size());
      bool one = false, home_place = false, home_name = false;
      for (const NameCulture& c : v.name_cultures()) {
        const bool mine = has(c.first_names, first) && has(c.last_names, last);
        one |= mine;
        const bool home = has(c.homes, u.location->time_zone);
        home_place |= home;
        home_name |= home && mine;
      }
      EXPECT_TRUE(one) << u.name << " mixes cultures";
      at_home_place += home_place;
      local += home_name;
    }
  }
  ASSERT_GT(at_home_place, 1000);
  // local_share (0.6) plus the international mix's share of the local culture.
  const double share = static_cast<double>(local) / static_cast<double>(at_home_place);
  EXPECT_GT(share, v.local_name_share()) << local << " of " << at_home_place;
  EXPECT_LT(share, 0.95);
}

TEST(OrgPlannerTest, DeterministicAndIndependentOfUniverseOrder) {
  auto a = PlanOrganization(World(5), 3);
  auto b = PlanOrganization(World(5), 3);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->name, (*b)->name);
  ASSERT_EQ((*a)->users.size(), (*b)->users.size());
  for (size_t i = 0; i < (*a)->users.size(); ++i)
    EXPECT_EQ((*a)->users[i].email, (*b)->users[i].email);
}

TEST(OrgPlannerTest, OtherOrgsAreDistinctCompanies) {
  std::set<std::string> names, domains;
  const WorldConfig w = World(2000, 20);
  for (uint32_t i = 0; i < 2000; ++i) {
    auto plan = PlanOrganization(w, i);
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(names.insert((*plan)->name).second) << (*plan)->name;
    EXPECT_TRUE(domains.insert((*plan)->domain).second) << (*plan)->domain;
  }
}

TEST(OrgPlannerTest, RejectsOrgOutsideUniverse) {
  EXPECT_FALSE(PlanOrganization(World(2), 2).ok());
}

}  // namespace
}  // namespace asanasim
