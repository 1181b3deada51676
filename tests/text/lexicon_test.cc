#include "src/text/lexicon.h"

#include <gtest/gtest.h>

namespace asanasim {
namespace {

TEST(LexiconTest, MiscasedNames) {
  EXPECT_EQ(FindMiscasedName("Move the repo to Github"), "Github");
  EXPECT_EQ(FindMiscasedName("Ios app crashes on launch"), "Ios");
  EXPECT_EQ(FindMiscasedName("IOS app crashes on launch"), "IOS");
  EXPECT_EQ(FindMiscasedName("Upgrade Postgresql to 16"), "Postgresql");
  EXPECT_EQ(FindMiscasedName("Sync contacts to Hubspot."), "Hubspot");
  EXPECT_EQ(FindMiscasedName("The public api returns 500s"), "api");
  EXPECT_EQ(FindMiscasedName("Api keys rotate monthly"), "Api");
  EXPECT_EQ(CanonicalName("Github"), "GitHub");
  EXPECT_EQ(CanonicalName("GitHub"), "");
  // Written right, or inside an identifier, a path, an address or a slot.
  for (const char* ok :
       {"iOS app crashes on GitHub", "Upgrade PostgreSQL and MySQL", "Deploy ios-app to staging",
        "See github.com/acme/api", "Moved to GitHub.", "Add {kpi} to the WBR",
        "Poster at SLAS Europe", "Three new APIs and the SLAs", "terraform apply failed",
        "Call GET /api/v2/tasks", "Set api_key in the config"}) {
    EXPECT_EQ(FindMiscasedName(ok), "") << ok;
  }
}

TEST(LexiconTest, ForeignTools) {
  EXPECT_EQ(FindForeignTool("Inbound lead via webinar. Qualification notes in Okta.", "sales"),
            "Okta");
  EXPECT_EQ(FindForeignTool("Logged the call in Zendesk.", "finance"), "Zendesk");
  EXPECT_EQ(FindForeignTool("Ticket history in Workday", "engineering"), "Workday");
  // The department's own tools, tools everyone uses, other phrasings and unknown departments.
  EXPECT_EQ(FindForeignTool("Qualification notes in Salesforce.", "sales"), "");
  EXPECT_EQ(FindForeignTool("Logged the call in Zendesk.", "customer_success"), "");
  EXPECT_EQ(FindForeignTool("Notes in Notion and Slack.", "finance"), "");
  EXPECT_EQ(FindForeignTool("Alert to containment took 6 minutes in Splunk.", "product"), "");
  EXPECT_EQ(FindForeignTool("Finance has to finish the bank details in Coupa.", "sales"), "");
  EXPECT_EQ(FindForeignTool("Build the Salesforce connector; notes in the RFC.", "engineering"),
            "");
  EXPECT_EQ(FindForeignTool("Logged notes in Okta.", ""), "");
  EXPECT_EQ(FindForeignTool("Logged notes in Okta.", "editorial"), "");
}

TEST(LexiconTest, WrongDirectionMetrics) {
  // The example: a headline and its reason that disagree.
  EXPECT_EQ(FindWrongDirectionMetric("Health score dropped to red: churn is down."),
            "Health score dropped to red: churn is down");
  EXPECT_EQ(FindWrongDirectionMetric("Churn rose 2 points, which is a big win for the team."),
            "Churn rose 2 points, which is a big win for the team");
  EXPECT_EQ(FindWrongDirectionMetric("Good week. Conversion dropped 3% and the funnel improved!"),
            "Conversion dropped 3% and the funnel improved");
  EXPECT_EQ(FindWrongDirectionMetric("We cut NPS by half, better than planned."),
            "We cut NPS by half, better than planned");
  EXPECT_NE(FindWrongDirectionMetric("p95 latency is up 40%, a healthy sign"), "");
  // Told the right way round, with contrast, negated, or in another sense of the word.
  for (const char* ok :
       {"Health score dropped to red: weekly active users are down.",
        "Churn is down and NPS improved.", "Latency dropped 40% but cost went up.",
        "Conversion rose while refunds rose too.", "The fix worked: errors dropped to zero.",
        "Churn did not rise, which is a relief; better onboarding helped.",
        "Cut churn before the renewal; no concern yet.", "Reduce data retention to 30 days, a win.",
        "Uptime dropped to 99.2% and the customer is worried.", "Conversion 2.5% up from 2.1%."}) {
    EXPECT_EQ(FindWrongDirectionMetric(ok), "") << ok;
  }
}

}  // namespace
}  // namespace asanasim
