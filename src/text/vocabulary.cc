#include "src/text/vocabulary.h"

#include <array>

namespace asanasim {
namespace {

using W = std::string_view;

// ---------------------------------------------------------------------------------------------
// Shared slots.
constexpr W kFamousAccounts[] = {"Acme Corp",
                                 "Globex",
                                 "Initech",
                                 "Umbrella Health",
                                 "Stark Logistics",
                                 "Wayne Retail",
                                 "Hooli",
                                 "Vandelay Imports",
                                 "Soylent Foods",
                                 "Cyberdyne Systems",
                                 "Tyrell Biotech",
                                 "Wonka Industries",
                                 "Oscorp",
                                 "Gringotts Bank",
                                 "Pied Piper",
                                 "Massive Dynamic",
                                 "Blue Sun Freight",
                                 "Monarch Insurance",
                                 "Nakatomi Trading",
                                 "Prestige Worldwide",
                                 "Dunder Mifflin",
                                 "Sterling Cooper",
                                 "Bluth Company",
                                 "Kramerica",
                                 "Cogswell Cogs",
                                 "Spacely Sprockets",
                                 "Gekko & Co",
                                 "Aperture Labs",
                                 "Black Mesa Research",
                                 "Virtucon",
                                 "Ollivanders",
                                 "Los Pollos Hermanos",
                                 "Paper Street Soap",
                                 "Rekall",
                                 "Zorg Industries",
                                 "Primatech Paper",
                                 "Duff Brewing",
                                 "Krusty Foods",
                                 "Omni Consumer Products",
                                 "Weyland Mining"};
constexpr W kRegions[] = {"EMEA", "NA West", "NA East", "APAC", "LATAM",
                          "DACH", "Nordics", "UK&I",    "ANZ",  "Benelux"};
constexpr W kTools[] = {"Salesforce", "HubSpot",   "Zendesk",  "Jira",     "Figma",
                        "Looker",     "Snowflake", "Datadog",  "Okta",     "Slack",
                        "Notion",     "Gong",      "Workday",  "NetSuite", "Greenhouse",
                        "Segment",    "Amplitude", "PagerDuty"};
constexpr W kMetrics[] = {"activation rate",
                          "net revenue retention",
                          "p95 latency",
                          "churn",
                          "trial conversion",
                          "NPS",
                          "CSAT",
                          "pipeline coverage",
                          "MQL volume",
                          "time to first value",
                          "ticket backlog",
                          "weekly active users",
                          "gross margin",
                          "error budget burn",
                          "cycle time"};
constexpr W kDocs[] = {"the spec", "the runbook",  "the RFC",          "the brief", "the one-pager",
                       "the PRD",  "the playbook", "the rollout plan", "the FAQ",   "the deck"};

// Comments shared by every department are mixed into each department's own list.
#define ASANASIM_COMMON_COMMENTS                                                                   \
  "Thanks {person}, this looks good to me.", "Can we push this to next week? {focus} is swamped.", \
      "Updated {doc} with the latest numbers.", "Any blockers here?",                              \
      "I'll pick this up after standup.", "Looping in {person} for visibility.",                   \
      "Discussed in the sync; we're going with option B.",                                         \
      "Done on my side, over to you {person}.", "Let's sync on this {weekday}.",                   \
      "Moving the due date, waiting on {person}.", "+1, agree with the approach.",                 \
      "Is this still relevant for {quarter}?", "Left a few comments in {doc}.",                    \
      "Following up on this: any update?", "Reviewed, a couple of nits but nothing blocking.",     \
      "Pairing with {person} on this tomorrow."

// ---------------------------------------------------------------------------------------------
// Engineering.
constexpr W kEngFocus[] = {
    "Platform",       "Backend",      "Frontend",           "Mobile",
    "Infrastructure", "Data",         "Payments",           "Identity",
    "Search",         "Integrations", "Reliability",        "Developer Experience",
    "Security",       "API",          "Growth Engineering", "Billing",
    "Notifications",  "Core Services"};
constexpr W kEngTitles[] = {
    "Software Engineer", "Senior Software Engineer",  "Software Engineer II",
    "Staff Engineer",    "Site Reliability Engineer", "QA Engineer",
    "Data Engineer",     "Security Engineer",         "Principal Engineer",
    "Mobile Engineer",   "Frontend Engineer"};
constexpr W kEngLeads[] = {"Engineering Manager", "Senior Engineering Manager", "Tech Lead"};
constexpr W kEngProjects[] = {"{service} v{n} Migration",
                              "{quarter} {focus} Roadmap",
                              "{focus} Reliability Program",
                              "{feature} Launch",
                              "Sunset legacy {service}",
                              "{focus} Tech Debt Burn-down",
                              "{year} Observability Overhaul",
                              "{feature} GA",
                              "{service} Performance Sprint",
                              "SOC 2 Remediation: {focus}",
                              "{focus} On-call Improvements",
                              "Kubernetes Upgrade {year}",
                              "{feature} Beta",
                              "{focus} Bugs & Papercuts",
                              "Database Sharding Phase {n}",
                              "{service} Rewrite"};
constexpr SectionSpec kEngSections[] = {{"Backlog", Stage::kBacklog},
                                        {"Ready", Stage::kTodo},
                                        {"In Progress", Stage::kDoing},
                                        {"Code Review", Stage::kReview},
                                        {"Done", Stage::kDone}};
constexpr W kEngTasks[] = {"[{focus}] {verb} {object}",
                           "[{focus}] {verb} {object}",
                           "[{focus}] {verb} {object}",
                           "Fix {bug} in {service}",
                           "[{focus}] Investigate {bug}",
                           "[Bug] {bug} when {trigger}",
                           "Add {metric} dashboard for {service}",
                           "Upgrade {dependency} in {service}",
                           "Write tests for {object}",
                           "[{focus}] Spike: {object}",
                           "Remove feature flag for {feature}",
                           "Document {object}",
                           "[{service}] {verb} {object}",
                           "Postmortem: {bug} in {service}",
                           "Migrate {service} to {dependency}",
                           "[{focus}] {verb} {object} for {account}",
                           "Hotfix: {bug} in {service} (ticket {id4})",
                           "[{service}] {verb} {object} in {version}",
                           "Escalation: {account} hits {bug} when {trigger}",
                           "Bump {dependency} in {service} to unblock {feature}",
                           "[{focus}] {verb} {object} behind the {feature} flag",
                           "Incident {id4}: {service} {problem}",
                           "[{feature}] {verb} {object}",
                           "Load test {object} in {service} before {month}",
                           "[{focus}] {bug} in {object}",
                           "Review PR #{pr}: {verb} {object}",
                           "[{service}] {bug} when {trigger}"};
constexpr W kEngSubtasks[] = {
    "Write design notes", "Add unit tests",        "Update {doc}",
    "Code review",        "Deploy to staging",     "Verify in production",
    "Add alerting",       "Backfill data",         "Update API docs",
    "Load test",          "Clean up feature flag", "Pair review with {person}",
    "Add migration",      "Update CHANGELOG"};
constexpr W kEngDescriptions[] = {
    "{service} currently {problem}. We should {verb_lower} {object} so that {outcome}.\n\n"
    "Acceptance criteria:\n- {criterion}\n- {criterion}\n- No regression in {metric}",
    "Context: {problem} ({n} incidents last month).\n\nProposal: {verb_lower} {object} behind a "
    "feature flag and roll out to {percent}% of traffic first.",
    "Reported by {account}: {bug} when {trigger}. Repro steps are in {doc}.\n\n"
    "Expected: {outcome}.",
    "Part of the {quarter} {focus} roadmap. Scope: {object}. Out of scope: changes to {service}.",
    "We keep paging on this: {service} {problem}. The fix is to {verb_lower} {object}.\n\n"
    "Done when: {criterion}."};
constexpr W kEngComments[] = {ASANASIM_COMMON_COMMENTS,
                              "PR #{pr} is up, ready for review.",
                              "Merged, deploying to staging now.",
                              "Reproduced locally, the root cause is in {service}.",
                              "CI is red on main, looking into it.",
                              "Rolled out to {percent}% of traffic, metrics look healthy.",
                              "This needs a migration, adding a subtask.",
                              "Can't reproduce on staging, can you share the request id?",
                              "Added a regression test.",
                              "Blocked on the {dependency} upgrade.",
                              "Benchmarks: p95 went from {n}00ms to {n}0ms."};
constexpr W kEngVerbs[] = {"Refactor", "Implement", "Add",       "Migrate",    "Optimize",
                           "Harden",   "Rework",    "Deprecate", "Instrument", "Parallelize",
                           "Cache",    "Simplify",  "Backfill",  "Rate-limit", "Paginate"};
constexpr W kEngVerbsLower[] = {"refactor",   "rework",  "harden",  "simplify",
                                "instrument", "replace", "rebuild", "split"};
constexpr W kEngObjects[] = {"auth token refresh",
                             "webhook retries",
                             "billing event pipeline",
                             "session storage",
                             "search indexing job",
                             "rate limiter for the public API",
                             "CSV export",
                             "audit log writer",
                             "notification fan-out",
                             "SSO login flow",
                             "invoice PDF rendering",
                             "feature flag service",
                             "background job queue",
                             "user permissions model",
                             "GraphQL resolvers",
                             "data retention job",
                             "file upload service",
                             "password reset flow",
                             "tenant isolation checks",
                             "metrics exporter",
                             "email delivery worker",
                             "mobile push tokens",
                             "onboarding checklist API",
                             "usage metering",
                             "connection pooling",
                             "schema migrations",
                             "cache invalidation",
                             "dependency graph builder",
                             "report scheduler",
                             "access token scopes",
                             "timezone handling",
                             "pagination cursors",
                             "webhook signature checks",
                             "bulk import",
                             "admin console",
                             "retry policy",
                             "health checks",
                             "build pipeline",
                             "error reporting",
                             "config loader"};
constexpr W kEngServices[] = {"auth-service",     "billing-api", "gateway",   "notifications",
                              "search",           "web-app",     "ios app",   "android app",
                              "data-pipeline",    "reporting",   "scheduler", "ledger",
                              "integrations-hub", "admin"};
constexpr W kEngFeatures[] = {
    "SSO",          "Audit Logs", "Usage-based Billing", "Workflow Builder", "Public API v3",
    "Custom Roles", "Dark Mode",  "Offline Mode",        "Data Export",      "Smart Notifications",
    "Multi-region", "AI Assist",  "Slack Integration",   "Approvals"};
constexpr W kEngBugs[] = {"race condition",   "memory leak", "timeout",    "null pointer exception",
                          "duplicate events", "stale cache", "deadlock",   "off-by-one error",
                          "flaky test",       "500 error",   "slow query", "broken redirect",
                          "encoding issue",   "clock skew"};
constexpr W kEngTriggers[] = {"retrying a failed payment", "switching workspaces",
                              "uploading a large file",    "logging in with SSO",
                              "the token expires",         "exporting more than 10k rows",
                              "two users edit at once",    "the job restarts",
                              "the locale is not en-US",   "opening from a deep link"};
constexpr W kEngDependencies[] = {"Postgres 16", "Kafka",           "Redis 7",     "gRPC",
                                  "React 19",    "Node 22",         "Go 1.23",     "OpenTelemetry",
                                  "Terraform",   "Kubernetes 1.31", "the new ORM", "Envoy"};
constexpr W kEngProblems[] = {"retries failed requests without backoff",
                              "holds a lock for the whole request",
                              "loads every row into memory",
                              "has no metrics, so we find out from customers",
                              "logs tokens in plain text",
                              "times out under peak load",
                              "duplicates work across regions",
                              "is hard to test"};
constexpr W kEngOutcomes[] = {
    "p95 latency stays under 200ms",          "on-call gets fewer pages",
    "customers stop seeing duplicate emails", "we can scale each tenant independently",
    "the nightly job finishes before 6am",    "the error rate drops below 0.1%"};
constexpr W kEngCriteria[] = {"Metrics and alerts in Datadog",
                              "Runbook updated",
                              "Feature flag removed after rollout",
                              "Load test at 2x peak",
                              "Backwards compatible with the v2 API",
                              "Covered by integration tests",
                              "Rollback plan documented"};
constexpr W kPercent[] = {"5", "10", "25", "50"};
constexpr Slot kEngSlots[] = {
    {"verb", kEngVerbs},       {"verb_lower", kEngVerbsLower},   {"object", kEngObjects},
    {"service", kEngServices}, {"feature", kEngFeatures},        {"bug", kEngBugs},
    {"trigger", kEngTriggers}, {"dependency", kEngDependencies}, {"problem", kEngProblems},
    {"outcome", kEngOutcomes}, {"criterion", kEngCriteria},      {"percent", kPercent}};
constexpr W kEngFields[] = {"priority", "story_points", "sprint", "severity", "reviewer"};
constexpr W kEngTags[] = {"bug",     "tech-debt", "security",     "performance", "customer-request",
                          "blocked", "quick-win", "needs-design", "infra",       "documentation"};

// ---------------------------------------------------------------------------------------------
// Product.
constexpr W kPmFocus[] = {"Core Product",  "Growth",           "Platform Product",
                          "Enterprise",    "Monetization",     "Mobile Product",
                          "Collaboration", "Analytics Product"};
constexpr W kPmTitles[] = {"Product Manager",           "Senior Product Manager",
                           "Associate Product Manager", "Product Analyst",
                           "Group Product Manager",     "Technical Product Manager"};
constexpr W kPmLeads[] = {"Director of Product", "Head of Product", "Group Product Manager"};
constexpr W kPmProjects[] = {"{quarter} {focus} Roadmap",     "{feature} Discovery",
                             "{feature} Launch Plan",         "Customer Feedback Triage {quarter}",
                             "{focus} Pricing Review",        "{year} Product Strategy",
                             "{feature} Beta Program",        "Onboarding Funnel Improvements",
                             "{focus} Experiments {quarter}", "Competitive Analysis {year}"};
constexpr SectionSpec kPmSections[] = {{"Ideas", Stage::kBacklog},
                                       {"Discovery", Stage::kTodo},
                                       {"Defining", Stage::kDoing},
                                       {"Ready for Eng", Stage::kReview},
                                       {"Shipped", Stage::kDone}};
constexpr W kPmTasks[] = {"Write PRD for {feature}",
                          "Interview {n} customers about {pm_topic}",
                          "Define success metrics for {feature}",
                          "Prioritize {pm_topic} requests",
                          "Review {feature} designs with {person}",
                          "Size {feature} with engineering",
                          "Analyze {metric} drop in {month}",
                          "Draft launch checklist for {feature}",
                          "Run A/B test on {pm_topic}",
                          "Synthesize feedback from {account}",
                          "Update roadmap for {quarter}",
                          "Competitive teardown: {pm_competitor}",
                          "Decide on {pm_topic}",
                          "Write release notes for {feature}",
                          "Interview {account} about {feature}",
                          "Feedback from {account}: {pm_topic}",
                          "{feature}: {pm_problem}",
                          "Spec {pm_topic} for {feature}",
                          "Review {metric} for {feature} with {person}",
                          "Beta feedback on {feature} from {account}",
                          "Decide {feature} scope for {quarter}",
                          "Win/loss review vs {pm_competitor}: {account}",
                          "Request {id4}: {pm_topic} for {account}",
                          "Plan {feature} rollout in {region}"};
constexpr W kPmSubtasks[] = {"Draft outline",         "Collect data", "Review with {person}",
                             "Share with leadership", "Update {doc}", "Schedule interviews",
                             "Summarize findings"};
constexpr W kPmDescriptions[] = {
    "Problem: customers like {account} tell us {pm_problem}.\n\nGoal: move {metric} by {percent}% "
    "in {quarter}.\n\nOpen questions are tracked in {doc}.",
    "We need a decision on {pm_topic} before {weekday}'s planning. Options and trade-offs are in "
    "{doc}.",
    "Hypothesis: improving {pm_topic} will lift {metric}. Plan: interview {n} customers, then run "
    "an experiment.",
    "Follow-up from the {month} business review. Owner: {person}."};
constexpr W kPmComments[] = {ASANASIM_COMMON_COMMENTS,
                             "Added the interview notes to {doc}.",
                             "Leadership signed off on the scope.",
                             "Engineering estimates {n} sprints for this.",
                             "Data says the drop is mostly {region}.",
                             "Let's cut scope: ship the MVP first.",
                             "{account} is excited to beta this."};
constexpr W kPmTopics[] = {"onboarding",    "seat-based pricing",   "the free tier",
                           "notifications", "search relevance",     "permissions",
                           "reporting",     "integrations",         "mobile navigation",
                           "templates",     "the trial experience", "usage limits"};
constexpr W kPmProblems[] = {"setup takes too long",
                             "reports are hard to find",
                             "they can't control who sees what",
                             "notifications are noisy",
                             "the mobile app is missing key flows",
                             "pricing is confusing"};
constexpr W kPmCompetitors[] = {"Monday.com", "ClickUp", "Linear",  "Notion",
                                "Smartsheet", "Wrike",   "Airtable"};
constexpr Slot kPmSlots[] = {{"feature", kEngFeatures},
                             {"pm_topic", kPmTopics},
                             {"pm_problem", kPmProblems},
                             {"pm_competitor", kPmCompetitors},
                             {"percent", kPercent}};
constexpr W kPmFields[] = {"priority", "story_points", "target_date", "impact"};
constexpr W kPmTags[] = {"customer-request", "experiment",   "okr", "launch",
                         "blocked",          "needs-design", "data"};

// ---------------------------------------------------------------------------------------------
// Design.
constexpr W kDesignFocus[] = {"Product Design", "Brand Design", "UX Research", "Design Systems",
                              "Content Design"};
constexpr W kDesignTitles[] = {"Product Designer", "Senior Product Designer",
                               "UX Researcher",    "Visual Designer",
                               "Content Designer", "Design Technologist"};
constexpr W kDesignLeads[] = {"Design Manager", "Head of Design", "Lead Designer"};
constexpr W kDesignProjects[] = {"{feature} Design",
                                 "Design System {year}",
                                 "{quarter} UX Research",
                                 "Brand Refresh",
                                 "Accessibility Audit {year}",
                                 "Mobile App Redesign",
                                 "Marketing Site Visuals {quarter}",
                                 "Onboarding Redesign"};
constexpr SectionSpec kDesignSections[] = {{"Requests", Stage::kBacklog},
                                           {"Up Next", Stage::kTodo},
                                           {"In Design", Stage::kDoing},
                                           {"In Review", Stage::kReview},
                                           {"Handed Off", Stage::kDone}};
constexpr W kDesignTasks[] = {"Wireframes for {screen}",
                              "High-fidelity mocks: {screen}",
                              "Usability test on {screen}",
                              "Update {component} component",
                              "Icon set for {feature}",
                              "Design QA for {feature}",
                              "Research plan: {pm_topic}",
                              "Audit {screen} for contrast issues",
                              "Prototype {screen} flow",
                              "Illustrations for {campaign}",
                              "Redline specs for {component}",
                              "Empty states for {screen}",
                              "{screen}: {component} states",
                              "Explore {pm_topic} on {screen}",
                              "Research session with {account} on {screen}",
                              "Design review: {feature} {screen}",
                              "{component} variants for {feature}",
                              "Accessibility fixes on {screen} ({id4})",
                              "Motion spec for {component} on {screen}",
                              "Handoff {screen} for {feature} to engineering",
                              "Journey map: {pm_topic} for {account}",
                              "Localize {screen} for {region}"};
constexpr W kDesignSubtasks[] = {"Sketch options",          "Review with {person}",
                                 "Prepare Figma file",      "Accessibility check",
                                 "Hand off to engineering", "Update tokens"};
constexpr W kDesignDescriptions[] = {
    "Design the {screen} for {feature}. Constraints: reuse the {component} component, support "
    "dark mode, meet WCAG AA.",
    "Research findings ({n} sessions) show users struggle with {pm_topic}. Explore {n} directions "
    "and test the strongest.",
    "Requested by {person} for the {quarter} launch. Figma link is in {doc}."};
constexpr W kDesignComments[] = {ASANASIM_COMMON_COMMENTS,
                                 "Mocks are in Figma, feedback welcome.",
                                 "I prefer option 2, it's cleaner on mobile.",
                                 "Contrast fails AA on the secondary button.",
                                 "Updated based on the crit feedback.",
                                 "Engineering confirmed this is feasible."};
constexpr W kScreens[] = {"settings page",  "dashboard",         "onboarding flow",
                          "billing page",   "project overview",  "search results",
                          "inbox",          "admin console",     "sign-up flow",
                          "reporting view", "mobile home screen"};
constexpr W kComponents[] = {"button", "date picker", "modal",  "table", "navigation bar",
                             "toast",  "dropdown",    "avatar", "card",  "form field"};
constexpr W kCampaigns[] = {"Spring Launch",  "Customer Week",        "Product Hunt launch",
                            "Annual Summit",  "Holiday Promo",        "Partner Program",
                            "Webinar Series", "Brand Awareness push", "Free Trial drive"};
constexpr Slot kDesignSlots[] = {{"screen", kScreens},
                                 {"component", kComponents},
                                 {"feature", kEngFeatures},
                                 {"pm_topic", kPmTopics},
                                 {"campaign", kCampaigns}};
constexpr W kDesignFields[] = {"priority", "effort_hours", "reviewer"};
constexpr W kDesignTags[] = {"needs-review", "accessibility", "mobile",
                             "ux-research",  "launch",        "quick-win"};

// ---------------------------------------------------------------------------------------------
// Marketing.
constexpr W kMktFocus[] = {
    "Growth Marketing", "Product Marketing",   "Content",          "Brand", "Demand Generation",
    "Events",           "Lifecycle Marketing", "Partner Marketing"};
constexpr W kMktTitles[] = {"Marketing Manager",
                            "Content Marketing Manager",
                            "Product Marketing Manager",
                            "Demand Generation Manager",
                            "Marketing Coordinator",
                            "SEO Specialist",
                            "Events Manager",
                            "Copywriter"};
constexpr W kMktLeads[] = {"Director of Marketing", "Head of Growth", "VP Marketing"};
constexpr W kMktProjects[] = {
    "{quarter} {campaign}",       "{feature} Launch Campaign",       "Content Calendar {quarter}",
    "Website Redesign {year}",    "{region} Field Events {quarter}", "SEO Program {year}",
    "Customer Stories {quarter}", "{quarter} Webinar Series",        "Brand Refresh Rollout",
    "Paid Social {quarter}"};
constexpr SectionSpec kMktSections[] = {{"Ideas", Stage::kBacklog},
                                        {"Planned", Stage::kTodo},
                                        {"In Production", Stage::kDoing},
                                        {"Review", Stage::kReview},
                                        {"Published", Stage::kDone}};
constexpr W kMktTasks[] = {"Write blog post: {blog_topic}",
                           "Draft email for {campaign}",
                           "Landing page for {feature}",
                           "Case study with {account}",
                           "Set up {channel} campaign for {campaign}",
                           "Webinar: {blog_topic}",
                           "Social posts for {campaign}",
                           "Update pricing page copy",
                           "Press release for {feature}",
                           "Plan booth for {event}",
                           "Report on {metric} for {month}",
                           "Refresh {channel} creative",
                           "Newsletter for {month}",
                           "Brief agency on {campaign}",
                           "Customer story: {account} on {feature}",
                           "{campaign}: {channel} ads for {persona}",
                           "{event} follow-up for {region}",
                           "Blog: how {account} uses {feature}",
                           "{channel} copy test for {campaign} ({persona})",
                           "{campaign} landing page for {region}",
                           "Invite {persona} in {region} to {event}",
                           "Quote approval from {account} for {campaign}",
                           "{blog_topic}: {channel} cut-downs",
                           "Sponsor slot at {event}: {feature} demo",
                           "Nurture email {n} for {persona}",
                           "UTM audit for {campaign} in {month}"};
constexpr W kMktSubtasks[] = {"Draft copy",          "Design assets",         "Legal review",
                              "Schedule posts",      "Set up tracking links", "Final proofread",
                              "Review with {person}"};
constexpr W kMktDescriptions[] = {
    "Goal: {n}00 MQLs from {campaign} in {region}. Channels: {channel}. Budget and timeline in "
    "{doc}.",
    "Audience: {persona}. Key message: {feature} saves teams hours every week. CTA: start a free "
    "trial.",
    "Co-marketing with {account}. Their team needs a draft by {weekday}.",
    "Part of the {quarter} plan; success = {metric} up {percent}%."};
constexpr W kMktComments[] = {ASANASIM_COMMON_COMMENTS,
                              "Draft is ready for review.",
                              "Legal approved the copy.",
                              "Scheduled for {weekday} 9am.",
                              "CTR is {n}.{n}% so far, above benchmark.",
                              "Can design turn the assets around by {weekday}?",
                              "Swapped the hero image per feedback."};
constexpr W kBlogTopics[] = {"5 ways to run better standups", "how we cut onboarding time in half",
                             "the state of remote work",      "building a culture of ownership",
                             "{feature} deep dive",           "planning your {quarter} roadmap",
                             "lessons from {account}",        "automation for ops teams"};
constexpr W kChannels[] = {"LinkedIn", "Google Ads", "email",   "webinar",
                           "SEO",      "partner",    "YouTube", "podcast"};
constexpr W kEvents[] = {"SaaStr",    "Web Summit",          "Dreamforce",
                         "re:Invent", "our user conference", "a regional meetup"};
constexpr W kPersonas[] = {"operations leaders at mid-market companies", "engineering managers",
                           "marketing ops teams", "IT admins", "agency owners"};
constexpr Slot kMktSlots[] = {{"campaign", kCampaigns},    {"feature", kEngFeatures},
                              {"blog_topic", kBlogTopics}, {"channel", kChannels},
                              {"event", kEvents},          {"persona", kPersonas},
                              {"percent", kPercent}};
constexpr W kMktFields[] = {"priority", "channel", "budget", "target_date"};
constexpr W kMktTags[] = {"launch", "needs-review", "okr", "quick-win", "legal-review", "budget"};

// ---------------------------------------------------------------------------------------------
// Sales.
constexpr W kSalesFocus[] = {"Enterprise Sales",  "Mid-Market Sales",      "SMB Sales",
                             "Sales Development", "Solutions Engineering", "Sales Operations",
                             "Partnerships"};
constexpr W kSalesTitles[] = {
    "Account Executive",  "Senior Account Executive", "Sales Development Representative",
    "Solutions Engineer", "Sales Operations Analyst", "Partner Manager"};
constexpr W kSalesLeads[] = {"Sales Manager", "Regional Sales Director", "VP Sales"};
constexpr W kSalesProjects[] = {"{region} Enterprise Pipeline {quarter}",
                                "{quarter} Renewals",
                                "Strategic Accounts {year}",
                                "{region} Outbound {quarter}",
                                "Partner Program Launch",
                                "Sales Playbook {year}",
                                "{quarter} Forecast",
                                "Deal Desk {quarter}"};
constexpr SectionSpec kSalesSections[] = {{"Prospecting", Stage::kBacklog},
                                          {"Qualified", Stage::kTodo},
                                          {"Proposal", Stage::kDoing},
                                          {"Negotiation", Stage::kReview},
                                          {"Closed", Stage::kDone}};
constexpr W kSalesTasks[] = {"Discovery call with {account}",
                             "Send proposal to {account}",
                             "Security questionnaire for {account}",
                             "Demo for {account}",
                             "Follow up with {account} on pricing",
                             "Prepare QBR deck for {account}",
                             "Negotiate renewal with {account}",
                             "Build POC plan for {account}",
                             "Update forecast for {region}",
                             "Intro {account} to the CEO",
                             "Redline MSA for {account}",
                             "Outbound sequence: {region} {vertical}",
                             "Map stakeholders at {account}",
                             "Handoff {account} to CS",
                             "Pricing approval for {account} ({region})",
                             "{account}: {next_step}",
                             "Reference call for {account} with {account}",
                             "Competitive displacement: {account} on {pm_competitor}",
                             "Order form {id4} for {account}",
                             "Expansion opportunity at {account}",
                             "Renewal forecast: {account} ({quarter})",
                             "Champion change at {account}",
                             "{vertical} prospect list for {region}"};
constexpr W kSalesSubtasks[] = {"Send calendar invite", "Prepare agenda", "Update CRM",
                                "Get pricing approval", "Loop in legal",  "Send recap email"};
constexpr W kSalesDescriptions[] = {
    "{account} ({vertical}, ~{n},000 employees) is evaluating us against {pm_competitor}. "
    "Champion: {person}'s contact in ops. Next step: {next_step}.",
    "Renewal due {month}. Current ARR ${n}0k; expansion opportunity in {region}.",
    "Inbound lead via {channel}. Qualification notes in {tool}."};
constexpr W kSalesComments[] = {ASANASIM_COMMON_COMMENTS,
                                "Call went well, they want a proposal.",
                                "Procurement is asking for a 15% discount.",
                                "Sent the security docs.",
                                "Verbal yes! Paperwork next.",
                                "They went dark, trying another contact.",
                                "Logged notes in {tool}."};
constexpr W kVerticals[] = {"fintech", "healthcare", "retail",    "manufacturing",
                            "media",   "higher-ed",  "logistics", "public sector"};
constexpr W kNextSteps[] = {"technical deep dive",  "pricing call", "security review",
                            "exec sponsor meeting", "POC kickoff",  "contract redlines"};
constexpr Slot kSalesSlots[] = {{"vertical", kVerticals},
                                {"next_step", kNextSteps},
                                {"pm_competitor", kPmCompetitors},
                                {"channel", kChannels}};
constexpr W kSalesFields[] = {"priority", "deal_stage", "deal_size", "customer"};
constexpr W kSalesTags[] = {"enterprise",   "renewal", "follow-up",
                            "legal-review", "urgent",  "churn-risk"};

// ---------------------------------------------------------------------------------------------
// Customer success.
constexpr W kCsFocus[] = {"Customer Success",
                          "Support",
                          "Onboarding",
                          "Customer Education",
                          "Technical Account Management",
                          "Support Operations"};
constexpr W kCsTitles[] = {"Customer Success Manager", "Support Engineer",
                           "Onboarding Specialist",    "Technical Account Manager",
                           "Support Specialist",       "Customer Education Manager"};
constexpr W kCsLeads[] = {"Customer Success Lead", "Head of Support",
                          "Director of Customer Success"};
constexpr W kCsProjects[] = {"{quarter} Onboarding Cohort",      "Escalations {quarter}",
                             "Churn Prevention {quarter}",       "Help Center Refresh {year}",
                             "{region} Customer Health Reviews", "Support SLA Improvements",
                             "Customer Advisory Board {year}",   "Renewal Readiness {quarter}"};
constexpr SectionSpec kCsSections[] = {{"New", Stage::kBacklog},
                                       {"Triaged", Stage::kTodo},
                                       {"Working", Stage::kDoing},
                                       {"Waiting on Customer", Stage::kReview},
                                       {"Resolved", Stage::kDone}};
constexpr W kCsTasks[] = {"Onboarding kickoff with {account}",
                          "Escalation: {account} {cs_issue}",
                          "QBR with {account}",
                          "Health check: {account}",
                          "Write help article on {pm_topic}",
                          "Training session for {account}",
                          "Investigate {cs_issue} for {account}",
                          "Renewal risk review: {account}",
                          "Collect NPS follow-ups for {month}",
                          "Migrate {account} from {tool}",
                          "Set up SSO for {account}",
                          "Success plan for {account}",
                          "{account}: {cs_issue}",
                          "Ticket {id4}: {cs_issue} at {account}",
                          "Adoption review with {account} on {pm_topic}",
                          "Executive sponsor sync with {account}",
                          "Upgrade {account} to {plan}",
                          "Churn save plan: {account}",
                          "Admin training for {account} ({region})",
                          "Renewal prep for {account}: {plan}"};
constexpr W kCsSubtasks[] = {"Send welcome email",        "Schedule kickoff",
                             "Reproduce issue",           "Escalate to engineering",
                             "Confirm fix with customer", "Update health score"};
constexpr W kCsDescriptions[] = {
    "{account} reports {cs_issue}. Impact: {n}0 users blocked. Ticket history in {tool}.",
    "New customer on the {plan} plan, {n}0 seats. Goal: first project live within {n} weeks.",
    "Health score dropped to red: {metric} is down. Plan: exec call plus a usage review."};
constexpr W kCsComments[] = {ASANASIM_COMMON_COMMENTS,
                             "Customer confirmed the fix works.",
                             "Escalated to engineering, ticket linked.",
                             "Kickoff scheduled for {weekday}.",
                             "They're happy, asked about the {plan} plan.",
                             "Waiting on their admin to respond."};
constexpr W kCsIssues[] = {
    "login failures",      "missing data in reports", "slow dashboards", "sync errors with {tool}",
    "billing discrepancy", "SSO misconfiguration",    "export timeouts", "notification overload"};
constexpr W kPlans[] = {"Business", "Enterprise", "Starter", "Premium"};
constexpr Slot kCsSlots[] = {{"cs_issue", kCsIssues}, {"pm_topic", kPmTopics}, {"plan", kPlans}};
constexpr W kCsFields[] = {"priority", "customer", "health"};
constexpr W kCsTags[] = {"churn-risk", "onboarding", "renewal",
                         "follow-up",  "urgent",     "customer-request"};

// ---------------------------------------------------------------------------------------------
// Operations.
constexpr W kOpsFocus[] = {
    "Business Operations",  "IT", "Facilities", "Legal", "Procurement", "Revenue Operations",
    "Security & Compliance"};
constexpr W kOpsTitles[] = {"Operations Manager", "IT Administrator",       "Business Analyst",
                            "Legal Counsel",      "Procurement Specialist", "Compliance Analyst",
                            "Office Manager"};
constexpr W kOpsLeads[] = {"Head of Operations", "COO", "IT Manager"};
constexpr W kOpsProjects[] = {
    "SOC 2 Audit {year}",       "{quarter} Vendor Reviews", "Office Move",
    "IT Onboarding Automation", "{tool} Rollout",           "Contract Management",
    "{year} Planning Process",  "Laptop Refresh {year}"};
constexpr SectionSpec kOpsSections[] = {{"Intake", Stage::kBacklog},
                                        {"To Do", Stage::kTodo},
                                        {"Doing", Stage::kDoing},
                                        {"Pending Approval", Stage::kReview},
                                        {"Complete", Stage::kDone}};
constexpr W kOpsTasks[] = {"Renew {tool} contract",
                           "Security review of {tool}",
                           "Provision laptops for {month} hires",
                           "Update {policy} policy",
                           "Collect SOC 2 evidence: {control}",
                           "Negotiate {vendor} pricing",
                           "Offboard departing employees",
                           "Set up {tool} SSO",
                           "Quarterly access review",
                           "Draft DPA for {account}",
                           "Plan {city} office visit",
                           "Audit {tool} licenses",
                           "{vendor} invoice dispute ({id4})",
                           "Procurement: {tool} seats for {account} project",
                           "Access request {id4}: {tool}",
                           "Vendor security review: {vendor}",
                           "{policy} policy attestation for {month}",
                           "{control} evidence for {quarter} audit",
                           "Move {city} office to {tool} badge access",
                           "Renew {vendor} contract for {region}",
                           "Asset recovery for offboarding ({id4})",
                           "DPA for {account} in {region}"};
constexpr W kOpsSubtasks[] = {"Get quotes",      "Legal review",       "Sign-off from finance",
                              "Notify the team", "Update the tracker", "File the evidence"};
constexpr W kOpsDescriptions[] = {
    "Current {tool} contract renews in {month}. We pay for {n}00 seats and use about {n}0%.",
    "Auditors need evidence for {control} by {weekday}. Owner: {person}.",
    "Policy refresh required for {year}. Draft in {doc}."};
constexpr W kOpsComments[] = {ASANASIM_COMMON_COMMENTS, "Vendor sent the updated quote.",
                              "Finance approved.", "Evidence uploaded to the audit folder.",
                              "Waiting on the signed copy."};
constexpr W kPolicies[] = {"travel",      "expense",        "acceptable use",   "password",
                           "remote work", "data retention", "incident response"};
constexpr W kControls[] = {"access reviews",     "change management", "vendor risk",
                           "encryption at rest", "backup restores",   "security training"};
constexpr W kVendors[] = {"AWS", "Google Workspace", "Zoom", "Okta", "Gusto", "Brex", "DocuSign"};
constexpr W kCities[] = {"London", "New York", "Berlin", "Singapore", "Austin", "Toronto"};
constexpr Slot kOpsSlots[] = {
    {"policy", kPolicies}, {"control", kControls}, {"vendor", kVendors}, {"city", kCities}};
constexpr W kOpsFields[] = {"priority", "percent_complete", "target_date"};
constexpr W kOpsTags[] = {"compliance", "vendor", "budget", "legal-review", "blocked", "security"};

// ---------------------------------------------------------------------------------------------
// People.
constexpr W kPeopleFocus[] = {"Recruiting", "People Operations", "Learning & Development",
                              "Talent Brand"};
constexpr W kPeopleTitles[] = {"Recruiter",
                               "Technical Recruiter",
                               "People Partner",
                               "People Operations Specialist",
                               "Recruiting Coordinator",
                               "L&D Manager"};
constexpr W kPeopleLeads[] = {"Head of People", "Recruiting Manager", "VP People"};
constexpr W kPeopleProjects[] = {"{quarter} Hiring Plan",
                                 "Performance Review Cycle {year}",
                                 "Employee Engagement Survey {year}",
                                 "Onboarding Program Revamp",
                                 "Compensation Review {year}",
                                 "Manager Training {quarter}",
                                 "Benefits Renewal {year}"};
constexpr SectionSpec kPeopleSections[] = {{"Open Requests", Stage::kBacklog},
                                           {"Scheduled", Stage::kTodo},
                                           {"In Progress", Stage::kDoing},
                                           {"Awaiting Approval", Stage::kReview},
                                           {"Closed", Stage::kDone}};
constexpr W kPeopleTasks[] = {"Open req: {role}",
                              "Screen candidates for {role}",
                              "Schedule onsite for {role} candidate",
                              "Write job description: {role}",
                              "Prepare offer for {role}",
                              "Onboarding plan for new {role}",
                              "Run {month} all-hands survey",
                              "Update career ladder for {dept_word}",
                              "Benefits enrollment reminder",
                              "Manager training: {training}",
                              "Calibrate ratings for {dept_word}",
                              "Exit interview follow-ups",
                              "Debrief {role} onsite with {person}",
                              "Reference checks for {role} (req {id4})",
                              "Offer approval: {role} in {region}",
                              "{training} session for {dept_word}",
                              "Relocation support for {role} hire to {region}",
                              "Sourcing sprint: {role} in {region}",
                              "Promotion packet review: {dept_word}",
                              "Onboarding buddy for new {role}: {person}",
                              "Interview loop for {role} (req {id4})",
                              "Compensation review for {dept_word} in {quarter}"};
constexpr W kPeopleSubtasks[] = {"Post the role",    "Book interview loop", "Collect scorecards",
                                 "Reference checks", "Send offer letter",   "Order equipment"};
constexpr W kPeopleDescriptions[] = {
    "Headcount approved for {quarter}. Hiring manager: {person}. Target start: {month}.",
    "Survey closes {weekday}. Participation so far: {n}0%.", "Materials and agenda in {doc}."};
constexpr W kPeopleComments[] = {ASANASIM_COMMON_COMMENTS, "Great candidate, moving to onsite.",
                                 "Offer accepted!", "Loop scheduled for {weekday}.",
                                 "Budget approved for the role."};
constexpr W kRoles[] = {"Senior Backend Engineer",
                        "Product Designer",
                        "Account Executive",
                        "Customer Success Manager",
                        "Data Analyst",
                        "Engineering Manager",
                        "SRE",
                        "Marketing Manager",
                        "Recruiter"};
constexpr W kDeptWords[] = {"engineering", "sales", "marketing", "support", "design", "product"};
constexpr W kTrainings[] = {"giving feedback", "running 1:1s", "hiring well", "managing change"};
constexpr Slot kPeopleSlots[] = {
    {"role", kRoles}, {"dept_word", kDeptWords}, {"training", kTrainings}};
constexpr W kPeopleFields[] = {"priority", "hiring_stage", "target_date"};
constexpr W kPeopleTags[] = {"hiring", "urgent", "follow-up", "budget"};

// ---------------------------------------------------------------------------------------------
// Finance.
constexpr W kFinFocus[] = {"FP&A", "Accounting", "Revenue Accounting", "Payroll & Tax"};
constexpr W kFinTitles[] = {"Financial Analyst",  "Senior Accountant",  "Controller",
                            "Billing Specialist", "Payroll Specialist", "FP&A Manager"};
constexpr W kFinLeads[] = {"Finance Manager", "Head of Finance", "CFO"};
constexpr W kFinProjects[] = {"{month} Close",
                              "{year} Budget",
                              "{quarter} Board Deck",
                              "Audit Prep {year}",
                              "Billing System Migration",
                              "{quarter} Forecast",
                              "Spend Management Rollout"};
constexpr SectionSpec kFinSections[] = {{"Backlog", Stage::kBacklog},
                                        {"This Week", Stage::kTodo},
                                        {"In Progress", Stage::kDoing},
                                        {"Review", Stage::kReview},
                                        {"Done", Stage::kDone}};
constexpr W kFinTasks[] = {"Reconcile {account_type} for {month}",
                           "Accrue {expense} for {month}",
                           "Prepare {quarter} variance analysis",
                           "Review {dept_word} budget",
                           "Pay {vendor} invoice",
                           "Update revenue model",
                           "Sales tax filing for {region}",
                           "Board deck: {metric} slide",
                           "Approve expense reports",
                           "Close {month} books",
                           "Collect W-9 from {vendor}",
                           "Model headcount plan for {quarter}",
                           "Invoice {id4} from {vendor}",
                           "Collections: {account} ({region})",
                           "Revenue recognition for {account} contract",
                           "Reconcile {vendor} statement for {month}",
                           "Accrue {expense} for {dept_word}",
                           "Credit memo {id4} for {account}",
                           "Variance: {dept_word} {expense} in {month}",
                           "Billing dispute with {account}",
                           "Sales tax exposure in {region}",
                           "PO {id4} for {vendor}"};
constexpr W kFinSubtasks[] = {"Pull the data", "Reconcile differences", "Review with {person}",
                              "Post journal entry", "Get CFO sign-off"};
constexpr W kFinDescriptions[] = {
    "{month} close checklist item. Variance over ${n}k needs a comment.",
    "Budget owner: {person}. Current run-rate is {n}% over plan.",
    "Auditors requested support for {account_type}. Deadline {weekday}."};
constexpr W kFinComments[] = {ASANASIM_COMMON_COMMENTS, "Reconciled, no differences.",
                              "Entry posted.", "Flagged a ${n}k variance, investigating.",
                              "Approved."};
constexpr W kAccountTypes[] = {"bank accounts",    "accounts receivable", "prepaid expenses",
                               "deferred revenue", "credit cards",        "payroll liabilities"};
constexpr W kExpenses[] = {"AWS spend", "contractor fees", "commissions", "bonuses", "legal fees"};
constexpr Slot kFinSlots[] = {{"account_type", kAccountTypes},
                              {"expense", kExpenses},
                              {"vendor", kVendors},
                              {"dept_word", kDeptWords}};
constexpr W kFinFields[] = {"priority", "budget", "cost_center"};
constexpr W kFinTags[] = {"budget", "compliance", "urgent", "vendor"};

#undef ASANASIM_COMMON_COMMENTS

constexpr std::array<DepartmentVocab, kDepartmentCount> kDepartments = {{
    {"Engineering", 0.34, kEngFocus, kEngTitles, kEngLeads, kEngProjects, kEngSections, kEngTasks,
     kEngSubtasks, kEngDescriptions, kEngComments, kEngSlots, kEngFields, kEngTags},
    {"Product", 0.07, kPmFocus, kPmTitles, kPmLeads, kPmProjects, kPmSections, kPmTasks,
     kPmSubtasks, kPmDescriptions, kPmComments, kPmSlots, kPmFields, kPmTags},
    {"Design", 0.05, kDesignFocus, kDesignTitles, kDesignLeads, kDesignProjects, kDesignSections,
     kDesignTasks, kDesignSubtasks, kDesignDescriptions, kDesignComments, kDesignSlots,
     kDesignFields, kDesignTags},
    {"Marketing", 0.10, kMktFocus, kMktTitles, kMktLeads, kMktProjects, kMktSections, kMktTasks,
     kMktSubtasks, kMktDescriptions, kMktComments, kMktSlots, kMktFields, kMktTags},
    {"Sales", 0.15, kSalesFocus, kSalesTitles, kSalesLeads, kSalesProjects, kSalesSections,
     kSalesTasks, kSalesSubtasks, kSalesDescriptions, kSalesComments, kSalesSlots, kSalesFields,
     kSalesTags},
    {"Customer Success", 0.12, kCsFocus, kCsTitles, kCsLeads, kCsProjects, kCsSections, kCsTasks,
     kCsSubtasks, kCsDescriptions, kCsComments, kCsSlots, kCsFields, kCsTags},
    {"Operations", 0.07, kOpsFocus, kOpsTitles, kOpsLeads, kOpsProjects, kOpsSections, kOpsTasks,
     kOpsSubtasks, kOpsDescriptions, kOpsComments, kOpsSlots, kOpsFields, kOpsTags},
    {"People", 0.05, kPeopleFocus, kPeopleTitles, kPeopleLeads, kPeopleProjects, kPeopleSections,
     kPeopleTasks, kPeopleSubtasks, kPeopleDescriptions, kPeopleComments, kPeopleSlots,
     kPeopleFields, kPeopleTags},
    {"Finance", 0.05, kFinFocus, kFinTitles, kFinLeads, kFinProjects, kFinSections, kFinTasks,
     kFinSubtasks, kFinDescriptions, kFinComments, kFinSlots, kFinFields, kFinTags},
}};

// ---------------------------------------------------------------------------------------------
// Custom fields.
constexpr EnumOptionSpec kPriority[] = {
    {"Low", "blue", 25}, {"Medium", "yellow", 45}, {"High", "orange", 22}, {"Urgent", "red", 8}};
constexpr EnumOptionSpec kSeverity[] = {{"S1 - Critical", "red", 5},
                                        {"S2 - Major", "orange", 20},
                                        {"S3 - Minor", "yellow", 50},
                                        {"S4 - Trivial", "green", 25}};
constexpr EnumOptionSpec kDealStage[] = {{"Prospecting", "blue", 25}, {"Discovery", "aqua", 22},
                                         {"Proposal", "yellow", 18},  {"Negotiation", "orange", 12},
                                         {"Closed Won", "green", 13}, {"Closed Lost", "red", 10}};
constexpr EnumOptionSpec kChannel[] = {{"Email", "blue", 20},     {"Paid Social", "purple", 18},
                                       {"SEO", "green", 15},      {"Events", "orange", 12},
                                       {"Webinar", "aqua", 12},   {"Partner", "yellow", 8},
                                       {"Content", "magenta", 15}};
constexpr EnumOptionSpec kHealth[] = {
    {"Green", "green", 60}, {"Yellow", "yellow", 28}, {"Red", "red", 12}};
constexpr EnumOptionSpec kImpact[] = {
    {"Small", "green", 40}, {"Medium", "yellow", 40}, {"Large", "orange", 20}};
constexpr EnumOptionSpec kCostCenter[] = {{"R&D", "blue", 35},
                                          {"Sales & Marketing", "orange", 30},
                                          {"G&A", "purple", 25},
                                          {"COGS", "green", 10}};
constexpr EnumOptionSpec kHiringStage[] = {{"Sourcing", "blue", 30}, {"Screening", "aqua", 25},
                                           {"Onsite", "yellow", 20}, {"Offer", "orange", 10},
                                           {"Hired", "green", 10},   {"Closed", "none", 5}};

constexpr CustomFieldSpec kFields[] = {
    {"priority", "Priority", "How urgent the work is", FieldType::kEnum, "none", 0, "", "",
     kPriority, 0.80, 0, 0, false, false},
    {"story_points",
     "Story Points",
     "Relative size estimate",
     FieldType::kNumber,
     "none",
     0,
     "",
     "",
     {},
     0.60,
     0,
     0,
     true,
     false},
    {"sprint",
     "Sprint",
     "Two-week iteration the work is planned in",
     FieldType::kEnum,
     "none",
     0,
     "",
     "",
     {},
     0.70,
     0,
     0,
     false,
     true},
    {"severity", "Severity", "Impact of a defect", FieldType::kEnum, "none", 0, "", "", kSeverity,
     0.25, 0, 0, false, false},
    {"reviewer",
     "Reviewer",
     "Who reviews the work",
     FieldType::kPeople,
     "none",
     0,
     "",
     "",
     {},
     0.35,
     0,
     0,
     false,
     false},
    {"target_date",
     "Target Date",
     "When this should land",
     FieldType::kDate,
     "none",
     0,
     "",
     "",
     {},
     0.45,
     0,
     0,
     false,
     false},
    {"impact", "Impact", "Expected customer impact", FieldType::kEnum, "none", 0, "", "", kImpact,
     0.55, 0, 0, false, false},
    {"effort_hours",
     "Effort (hours)",
     "Estimated hours of work",
     FieldType::kNumber,
     "duration",
     1,
     "",
     "",
     {},
     0.50,
     6.0,
     0.8,
     false,
     false},
    {"channel", "Channel", "Marketing channel", FieldType::kEnum, "none", 0, "", "", kChannel, 0.75,
     0, 0, false, false},
    {"budget",
     "Budget",
     "Approved spend",
     FieldType::kNumber,
     "currency",
     0,
     "USD",
     "",
     {},
     0.40,
     5000.0,
     1.0,
     false,
     false},
    {"deal_stage", "Deal Stage", "Pipeline stage", FieldType::kEnum, "none", 0, "", "", kDealStage,
     0.85, 0, 0, false, false},
    {"deal_size",
     "Deal Size",
     "Annual contract value",
     FieldType::kNumber,
     "currency",
     0,
     "USD",
     "",
     {},
     0.70,
     48000.0,
     0.9,
     false,
     false},
    {"customer",
     "Customer",
     "Account this work is for",
     FieldType::kText,
     "none",
     0,
     "",
     "",
     {},
     0.80,
     0,
     0,
     false,
     false},
    {"health", "Health", "Customer health score", FieldType::kEnum, "none", 0, "", "", kHealth,
     0.65, 0, 0, false, false},
    {"percent_complete",
     "% Complete",
     "Progress estimate",
     FieldType::kNumber,
     "percentage",
     0,
     "",
     "",
     {},
     0.50,
     0,
     0,
     false,
     false},
    {"cost_center", "Cost Center", "Budget line", FieldType::kEnum, "none", 0, "", "", kCostCenter,
     0.70, 0, 0, false, false},
    {"hiring_stage", "Hiring Stage", "Where the candidate pipeline is", FieldType::kEnum, "none", 0,
     "", "", kHiringStage, 0.70, 0, 0, false, false},
};

constexpr TagSpec kTags[] = {
    {"bug", "dark-red", "Something is broken"},
    {"tech-debt", "dark-brown", "Work that pays down engineering debt"},
    {"security", "dark-purple", "Security-relevant work"},
    {"performance", "dark-orange", "Speed and efficiency"},
    {"customer-request", "light-blue", "Asked for by a customer"},
    {"blocked", "dark-pink", "Waiting on something outside the team"},
    {"quick-win", "light-green", "Small effort, visible payoff"},
    {"needs-design", "light-purple", "Needs design input before work starts"},
    {"needs-review", "light-orange", "Waiting for review"},
    {"documentation", "light-warm-gray", "Docs and help content"},
    {"infra", "dark-teal", "Infrastructure"},
    {"experiment", "light-teal", "A/B tests and trials"},
    {"okr", "dark-blue", "Tied to a company objective"},
    {"launch", "dark-green", "Part of a launch"},
    {"data", "light-brown", "Analytics and data work"},
    {"accessibility", "light-pink", "Accessibility improvements"},
    {"mobile", "light-red", "Mobile apps"},
    {"ux-research", "light-purple", "Research with users"},
    {"legal-review", "dark-warm-gray", "Needs legal sign-off"},
    {"budget", "dark-green", "Has budget impact"},
    {"enterprise", "dark-blue", "Enterprise customers"},
    {"renewal", "light-green", "Renewal motion"},
    {"follow-up", "light-orange", "Needs a follow-up"},
    {"urgent", "dark-red", "Drop everything"},
    {"churn-risk", "dark-orange", "Account at risk of churning"},
    {"onboarding", "light-teal", "Customer onboarding"},
    {"compliance", "dark-purple", "Regulatory and audit work"},
    {"vendor", "light-warm-gray", "Vendor management"},
    {"hiring", "light-blue", "Recruiting"},
};

// ---------------------------------------------------------------------------------------------
// Companies and people.
constexpr W kPrefixes[] = {
    "North",    "Blue",   "Iron",   "Bright",   "Silver",   "Summit",  "Harbor", "Cedar",
    "Quantum",  "Nimbus", "Atlas",  "Vector",   "Maple",    "Granite", "Lumen",  "Orbit",
    "Pioneer",  "Crest",  "Ever",   "Falcon",   "Horizon",  "Juniper", "Key",    "Lattice",
    "Meridian", "Nova",   "Oak",    "Pinnacle", "Red",      "Sierra",  "Tidal",  "Unity",
    "Vertex",   "Willow", "Zenith", "Apex",     "Beacon",   "Cobalt",  "Delta",  "Ember",
    "Fjord",    "Golden", "Helix",  "Indigo",   "Jade",     "Kinetic", "Light",  "Mosaic",
    "Onyx",     "Prism",  "Quarry", "River",    "Solstice", "Terra",   "Up",     "Velvet",
    "Wren",     "Arbor",  "Clear",  "Stone"};
constexpr W kSuffixes[] = {"wind",  "point", "path", "field", "stack",  "bridge", "gate", "works",
                           "line",  "forge", "beam", "peak",  "scale",  "grid",   "wave", "mark",
                           "craft", "loop",  "leaf", "shore", "spring", "view",   "base", "core",
                           "ridge", "wise",  "sync", "dale",  "vale",   "stream"};
constexpr CompanyKind kKinds[] = {{"Analytics", "B2B SaaS"},
                                  {"Health", "Healthcare IT"},
                                  {"Pay", "Fintech"},
                                  {"Logistics", "Logistics software"},
                                  {"Labs", "AI software"},
                                  {"Commerce", "E-commerce platform"},
                                  {"Learning", "EdTech"},
                                  {"Security", "Cybersecurity"},
                                  {"Systems", "Manufacturing software"},
                                  {"Media", "Digital media"},
                                  {"Energy", "Climate tech"},
                                  {"Robotics", "Industrial automation"},
                                  {"Cloud", "Cloud infrastructure"},
                                  {"Software", "B2B SaaS"},
                                  {"Insurance", "Insurtech"},
                                  {"Bio", "Biotech software"}};

constexpr Location kHeadquarters[] = {{"San Francisco", "America/Los_Angeles"},
                                      {"New York", "America/New_York"},
                                      {"Austin", "America/Chicago"},
                                      {"Denver", "America/Denver"},
                                      {"Toronto", "America/Toronto"},
                                      {"London", "Europe/London"},
                                      {"Berlin", "Europe/Berlin"},
                                      {"Amsterdam", "Europe/Amsterdam"},
                                      {"Dublin", "Europe/Dublin"},
                                      {"Paris", "Europe/Paris"},
                                      {"Bangalore", "Asia/Kolkata"},
                                      {"Singapore", "Asia/Singapore"},
                                      {"Sydney", "Australia/Sydney"},
                                      {"Sao Paulo", "America/Sao_Paulo"},
                                      {"Tel Aviv", "Asia/Jerusalem"},
                                      {"Tokyo", "Asia/Tokyo"}};
constexpr Location kRemote[] = {{"Seattle", "America/Los_Angeles"},
                                {"Chicago", "America/Chicago"},
                                {"Boston", "America/New_York"},
                                {"Vancouver", "America/Vancouver"},
                                {"Mexico City", "America/Mexico_City"},
                                {"London", "Europe/London"},
                                {"Lisbon", "Europe/Lisbon"},
                                {"Madrid", "Europe/Madrid"},
                                {"Warsaw", "Europe/Warsaw"},
                                {"Stockholm", "Europe/Stockholm"},
                                {"Kyiv", "Europe/Kyiv"},
                                {"Cape Town", "Africa/Johannesburg"},
                                {"Lagos", "Africa/Lagos"},
                                {"Bangalore", "Asia/Kolkata"},
                                {"Manila", "Asia/Manila"},
                                {"Auckland", "Pacific/Auckland"},
                                {"Buenos Aires", "America/Argentina/Buenos_Aires"},
                                {"Denver", "America/Denver"}};

constexpr W kFirstNames[] = {
    "James",   "Mary",      "Robert",  "Patricia", "John",     "Jennifer",   "Michael", "Linda",
    "David",   "Elizabeth", "William", "Barbara",  "Richard",  "Susan",      "Joseph",  "Jessica",
    "Thomas",  "Sarah",     "Charles", "Karen",    "Daniel",   "Nancy",      "Matthew", "Lisa",
    "Anthony", "Betty",     "Mark",    "Sandra",   "Steven",   "Ashley",     "Andrew",  "Emily",
    "Joshua",  "Michelle",  "Kevin",   "Amanda",   "Brian",    "Melissa",    "George",  "Stephanie",
    "Priya",   "Arjun",     "Ananya",  "Rohan",    "Wei",      "Mei",        "Jun",     "Yuki",
    "Hiroshi", "Sakura",    "Min-jun", "Ji-woo",   "Mohammed", "Fatima",     "Omar",    "Aisha",
    "Yusuf",   "Layla",     "Carlos",  "Sofia",    "Mateo",    "Valentina",  "Diego",   "Camila",
    "Lucas",   "Isabella",  "Gabriel", "Mariana",  "Olu",      "Chioma",     "Kwame",   "Amara",
    "Tendai",  "Zanele",    "Lars",    "Ingrid",   "Sven",     "Freya",      "Pierre",  "Camille",
    "Luca",    "Giulia",    "Hans",    "Lena",     "Piotr",    "Zofia",      "Dmitri",  "Anastasia",
    "Noah",    "Olivia",    "Liam",    "Emma",     "Ethan",    "Ava",        "Mason",   "Mia",
    "Logan",   "Harper",    "Aiden",   "Zoe",      "Nikhil",   "Kavya",      "Tariq",   "Nadia",
    "Ravi",    "Deepa",     "Chen",    "Lin",      "Tomasz",   "Aleksandra", "Sean",    "Niamh",
    "Ahmed",   "Leila",     "Ben",     "Chloe",    "Sam",      "Grace",      "Alex",    "Jordan",
    "Taylor",  "Morgan",    "Riley",   "Casey"};
constexpr W kLastNames[] = {
    "Smith",    "Johnson",   "Williams", "Brown",     "Jones",     "Garcia",     "Miller",
    "Davis",    "Rodriguez", "Martinez", "Hernandez", "Lopez",     "Gonzalez",   "Wilson",
    "Anderson", "Thomas",    "Taylor",   "Moore",     "Jackson",   "Martin",     "Lee",
    "Perez",    "Thompson",  "White",    "Harris",    "Sanchez",   "Clark",      "Ramirez",
    "Lewis",    "Robinson",  "Walker",   "Young",     "Allen",     "King",       "Wright",
    "Scott",    "Torres",    "Nguyen",   "Hill",      "Flores",    "Green",      "Adams",
    "Nelson",   "Baker",     "Hall",     "Rivera",    "Campbell",  "Mitchell",   "Carter",
    "Roberts",  "Patel",     "Sharma",   "Gupta",     "Singh",     "Kumar",      "Reddy",
    "Iyer",     "Chen",      "Wang",     "Li",        "Zhang",     "Liu",        "Yang",
    "Huang",    "Tanaka",    "Suzuki",   "Sato",      "Watanabe",  "Kim",        "Park",
    "Choi",     "Khan",      "Ali",      "Hassan",    "Ahmed",     "Haddad",     "Mansour",
    "Silva",    "Santos",    "Oliveira", "Costa",     "Pereira",   "Okafor",     "Adeyemi",
    "Mensah",   "Osei",      "Dlamini",  "Nkosi",     "Johansson", "Andersson",  "Nilsson",
    "Larsen",   "Dubois",    "Moreau",   "Rossi",     "Russo",     "Ferrari",    "Muller",
    "Schmidt",  "Schneider", "Fischer",  "Kowalski",  "Nowak",     "Wisniewski", "Ivanov",
    "Petrov",   "Murphy",    "Kelly",    "OBrien",    "Walsh",     "Cohen",      "Levi",
    "Friedman", "Novak",     "Horvat",   "Kaya",      "Yilmaz",    "Demir",      "Bauer",
    "Weber"};

constexpr W kProjectNotes[] = {
    "Owner: {actor}. Goal for {quarter}: land the scope on time and keep {metric} healthy.",
    "Weekly check-in on {weekday}s. Background and decisions live in {doc}.",
    "Cross-team effort with {person}. Status updates every {weekday}; questions to {actor}.",
    "Tracks all work for this initiative. Success metric: {metric}. Details in {doc}.",
    "Kicked off in {month}. Scope, owners and milestones are in {doc}."};

constexpr W kStatusTitles[] = {"Status update: {date}", "Weekly update ({date})",
                               "Project check-in, {date}", "Update for the week of {date}",
                               "{month} status: {date}"};
constexpr W kStatusOnTrack[] = {
    "On track. {n} items closed since the last update; next up is the review with {person} on "
    "{weekday}.",
    "Everything is moving as planned. {person} is wrapping up the open items before {weekday}.",
    "Good progress: the next milestone is on schedule, and {metric} is trending the right way.",
    "On schedule with no blockers. {person} and {actor} sync on {weekday} to plan the next phase.",
    "Green across the board. Scope is stable and we are tracking to the {quarter} goal.",
    "Still on track. Notes from this week's working session are in {doc}."};
constexpr W kStatusAtRisk[] = {
    "At risk: two dependencies slipped and {person} is working to recover by {date}.",
    "Some risk to the timeline. We are waiting on input from {person}; reassessing on {weekday}.",
    "Scope grew this week. We may need to cut items to hold the date; options are in {doc}.",
    "At risk on capacity: {n} open items have no owner yet. Looking for help from the team.",
    "The timeline is tight. {person} flagged an open question that blocks the next step.",
    "At risk until we hear back from {account}; {actor} follows up on {weekday}."};
constexpr W kStatusOffTrack[] = {
    "Off track: the current date will not hold. Proposing a new plan with {person} on {weekday}.",
    "We are behind by about {n} weeks. Re-planning with {person}; draft in {doc}.",
    "Blocked on an external dependency with {account}; escalated to {person}.",
    "Off track. Key work is stalled while the team handles other {quarter} priorities.",
    "Off track after the last review; {actor} is resetting scope and owners this week."};
constexpr W kStatusOnHold[] = {
    "On hold while the team focuses on higher priorities this {quarter}.",
    "Paused pending a decision from {person}.",
    "On hold until the budget is confirmed; we revisit on {date}.",
    "Paused: the people on this project are helping with an urgent request from {account}."};
constexpr W kStatusComplete[] = {
    "Complete. Thanks to everyone who contributed; wrap-up notes are in {doc}.",
    "Done: all deliverables shipped. {person} will share the retro on {weekday}.",
    "Project complete. Remaining follow-ups moved to the next project's backlog.",
    "Closed out. Final results against {metric} are summarized in {doc}."};

// Customer accounts: mostly generated ("Northwind Health", "Cobaltgate", "Summit Foods"), a
// quarter from a fixed list of well-known fictional companies.
constexpr W kCustomerKinds[] = {"Health",   "Logistics", "Retail",  "Bank",      "Labs",
                                "Foods",    "Energy",    "Media",   "Insurance", "Group",
                                "Systems",  "Partners",  "Capital", "Motors",    "Pharma",
                                "Studios",  "Freight",   "Telecom", "Hotels",    "Robotics",
                                "Airlines", "Clinics",   "Brewing", "Apparel",   "Realty"};
constexpr W kAccounts[] = {"{co_prefix}{co_suffix} {co_kind}", "{co_prefix}{co_suffix}",
                           "{co_prefix} {co_kind}", "{famous_account}"};
constexpr Slot kSharedSlots[] = {
    {"account", kAccounts},
    {"famous_account", kFamousAccounts},
    {"co_prefix", kPrefixes},
    {"co_suffix", kSuffixes},
    {"co_kind", kCustomerKinds},
    {"region", kRegions},
    {"tool", kTools},
    {"metric", kMetrics},
    {"doc", kDocs},
};

}  // namespace

std::string_view StatusTypeName(StatusType t) {
  constexpr std::string_view kNames[] = {"on_track", "at_risk", "off_track", "on_hold", "complete"};
  return kNames[static_cast<size_t>(t)];
}
Words StatusUpdateTitles() { return kStatusTitles; }
Words StatusUpdateTemplates(StatusType t) {
  switch (t) {
    case StatusType::kOnTrack:
      return kStatusOnTrack;
    case StatusType::kAtRisk:
      return kStatusAtRisk;
    case StatusType::kOffTrack:
      return kStatusOffTrack;
    case StatusType::kOnHold:
      return kStatusOnHold;
    case StatusType::kComplete:
      break;
  }
  return kStatusComplete;
}
Words ProjectNoteTemplates() { return kProjectNotes; }
const DepartmentVocab& VocabFor(Department d) { return kDepartments[static_cast<size_t>(d)]; }
std::span<const Slot> SharedSlots() { return kSharedSlots; }
std::span<const CustomFieldSpec> CustomFieldCatalogue() { return kFields; }
std::span<const TagSpec> TagCatalogue() { return kTags; }
Words CompanyPrefixes() { return kPrefixes; }
Words CompanySuffixes() { return kSuffixes; }
std::span<const CompanyKind> CompanyKinds() { return kKinds; }
std::span<const Location> Headquarters() { return kHeadquarters; }
std::span<const Location> RemoteLocations() { return kRemote; }
Words FirstNames() { return kFirstNames; }
Words LastNames() { return kLastNames; }

}  // namespace asanasim
