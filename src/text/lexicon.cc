#include "src/text/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "src/text/vocabulary.h"

namespace asanasim {
namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsLetter(c) || IsDigit(c); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ---------------------------------------------------------------------------------------------
// Product names.

// Names whose casing is not plain capitalisation, so that a slip of case is visible: mixed case
// and acronyms. Acronyms that are also English words (IT, US, OR, RAM, CAN) are left out.
constexpr std::string_view kCasedNames[] = {
    // Platforms and languages.
    "iOS",
    "iPadOS",
    "macOS",
    "tvOS",
    "watchOS",
    "iPhone",
    "iPad",
    "JavaScript",
    "TypeScript",
    "GraphQL",
    "gRPC",
    "OAuth",
    "OpenAPI",
    "OpenTelemetry",
    "WebAssembly",
    "PyTorch",
    "TensorFlow",
    "OpenAI",
    "ChatGPT",
    "SaaS",
    "PaaS",
    "IaaS",
    "DevOps",
    "FinOps",
    "DevSecOps",
    "eBay",
    "PayPal",
    "YouTube",
    "LinkedIn",
    "TikTok",
    "WordPress",
    "WooCommerce",
    "BigCommerce",
    // Databases and infrastructure.
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "DynamoDB",
    "BigQuery",
    "ClickHouse",
    "CockroachDB",
    "CloudFront",
    "CloudWatch",
    "CloudFormation",
    "FedRAMP",
    "GitHub",
    "GitLab",
    "CircleCI",
    "PagerDuty",
    "LaunchDarkly",
    "FullStory",
    // Business tools.
    "HubSpot",
    "NetSuite",
    "QuickBooks",
    "SharePoint",
    "PowerPoint",
    "OneDrive",
    "OneRoster",
    "ClassLink",
    "DocuSign",
    "ZoomInfo",
    "SendGrid",
    "ChurnZero",
    "PandaDoc",
    "BambooHR",
    // Acronyms.
    "API",
    "APIs",
    "SQL",
    "AWS",
    "GCP",
    "GDPR",
    "HIPAA",
    "SAML",
    "SSO",
    "JSON",
    "YAML",
    "CSV",
    "PDF",
    "KPI",
    "OKR",
    "OKRs",
    "MRR",
    "ARR",
    "NPS",
    "CSAT",
    "SLA",
    "SLAs",
    "SLO",
    "SLOs",
    "SDK",
    "CLI",
    "CDN",
    "DNS",
    "TLS",
    "SSL",
    "VPN",
    "EDR",
    "SIEM",
    "SOC",
    "PCI",
    "CRM",
    "ERP",
    "ETL",
    "LLM",
    "LLMs",
    "GPU",
    "GPUs",
    "CPU",
    "HTTP",
    "HTTPS",
    "URL",
    "SEO",
    "RFP",
    "RFPs",
    "QBR",
    "SKU",
    "SKUs",
    "B2B",
    "FERPA",
    "COPPA",
    "SCIM",
    "MFA",
    "PII",
    "DPA",
    "SOX",
};

// The known name that `word` spells in any case, else "".
std::string_view CasedNameOf(std::string_view word) {
  static const auto* const kByLower = [] {
    auto* map = new absl::flat_hash_map<std::string, std::string_view>();
    for (std::string_view name : kCasedNames) {
      std::string lower(name);
      for (char& c : lower) c = Lower(c);
      map->emplace(std::move(lower), name);
    }
    return map;
  }();
  std::array<char, 16> buf;
  if (word.size() > buf.size()) return {};
  for (size_t i = 0; i < word.size(); ++i) buf[i] = Lower(word[i]);
  const auto it = kByLower->find(absl::string_view(buf.data(), word.size()));
  return it == kByLower->end() ? std::string_view() : it->second;
}

// Characters that make a word part of an identifier, a path or an address when they touch it:
// "ios-app", "api_v2", "github.com/acme", "@api", "#sql".
bool JoinsIdentifier(std::string_view text, size_t begin, size_t end) {
  if (begin > 0) {
    const char c = text[begin - 1];
    if (c == '-' || c == '_' || c == '/' || c == '@' || c == '#' || c == '.' || c == '\\' ||
        c == '=' || c == '`' || c == '{')
      return true;
  }
  if (end < text.size()) {
    const char c = text[end];
    if (c == '_' || c == '/' || c == '@' || c == '=' || c == '`' || c == '\\' || c == '}' ||
        c == '|' || c == '#')
      return true;
    // "-" joins a word ("ios-app"); "." and ":" only when a letter or digit follows
    // ("api.example.com", "sql:select"), not at the end of a sentence.
    if ((c == '-' || c == '.' || c == ':') && end + 1 < text.size() && IsAlnum(text[end + 1]))
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Tools and departments.

// One bit per department, in kDepartmentFiles order (vocabulary.h).
enum : uint16_t {
  kEng = 1 << 0,
  kProd = 1 << 1,
  kDes = 1 << 2,
  kMkt = 1 << 3,
  kSales = 1 << 4,
  kCs = 1 << 5,
  kOps = 1 << 6,
  kPeople = 1 << 7,
  kFin = 1 << 8,
};

struct Tool {
  std::string_view name;
  uint16_t departments;  // where its records are kept
};

// Tools whose records belong to some departments only. Tools everyone keeps records in (Slack,
// Notion, Confluence, Google Docs and Sheets, Zoom, Miro, Asana), or that anyone touches in the
// course of their work (Greenhouse and Lever for interviewers, Expensify and Ramp for expenses,
// Snowflake, Looker and Tableau for analysis, Stripe), are not listed.
constexpr Tool kTools[] = {
    {"GitHub", kEng | kProd | kOps},
    {"GitLab", kEng | kProd | kOps},
    {"Jira", kEng | kProd | kDes | kCs | kOps},
    {"Linear", kEng | kProd | kDes},
    {"PagerDuty", kEng | kOps},
    {"Opsgenie", kEng | kOps},
    {"Datadog", kEng | kOps},
    {"Grafana", kEng | kOps},
    {"Sentry", kEng | kProd},
    {"Splunk", kEng | kOps},
    {"Kibana", kEng | kOps},
    {"Terraform", kEng | kOps},
    {"Buildkite", kEng},
    {"CircleCI", kEng},
    {"Jenkins", kEng},
    {"LaunchDarkly", kEng | kProd},
    {"Amplitude", kProd | kDes | kMkt | kEng | kCs},
    {"Mixpanel", kProd | kDes | kMkt | kEng | kCs},
    {"Pendo", kProd | kDes | kCs},
    {"FullStory", kProd | kDes | kEng | kCs},
    {"Productboard", kProd | kDes | kCs},
    {"Figma", kDes | kProd | kMkt | kEng},
    {"FigJam", kDes | kProd | kMkt | kEng},
    {"Dovetail", kDes | kProd},
    {"Maze", kDes | kProd},
    {"Salesforce", kSales | kCs | kMkt | kOps | kFin},
    {"HubSpot", kMkt | kSales | kCs},
    {"Marketo", kMkt | kOps},
    {"Pardot", kMkt | kOps},
    {"Gong", kSales | kCs | kProd | kMkt},
    {"Chorus", kSales | kCs | kProd | kMkt},
    {"Outreach", kSales | kMkt},
    {"Salesloft", kSales | kMkt},
    {"Apollo", kSales | kMkt},
    {"ZoomInfo", kSales | kMkt},
    {"Clari", kSales | kFin | kOps},
    {"DocuSign", kSales | kCs | kPeople | kFin | kOps},
    {"PandaDoc", kSales | kCs | kFin},
    {"Zendesk", kCs | kProd | kEng},
    {"Intercom", kCs | kProd | kEng | kMkt},
    {"Freshdesk", kCs | kProd | kEng},
    {"Gainsight", kCs | kSales},
    {"ChurnZero", kCs | kSales},
    {"Totango", kCs | kSales},
    {"Vitally", kCs | kSales},
    {"Okta", kOps | kEng | kPeople},
    {"Jamf", kOps},
    {"Kandji", kOps},
    {"Vanta", kOps | kEng},
    {"Drata", kOps | kEng},
    {"Workday", kPeople | kFin | kOps},
    {"BambooHR", kPeople | kFin | kOps},
    {"Rippling", kPeople | kFin | kOps},
    {"Gusto", kPeople | kFin},
    {"Deel", kPeople | kFin},
    {"Lattice", kPeople},
    {"Culture Amp", kPeople},
    {"NetSuite", kFin | kOps},
    {"QuickBooks", kFin},
    {"Xero", kFin},
    {"Coupa", kFin | kOps},
    {"Carta", kFin | kPeople},
    {"Anaplan", kFin},
    {"Zuora", kFin | kCs},
    {"Chargebee", kFin | kCs},
    {"Bill.com", kFin},
    {"Google Analytics", kMkt | kProd | kDes},
    {"Semrush", kMkt},
    {"Ahrefs", kMkt},
    {"Webflow", kMkt | kDes},
    {"Hootsuite", kMkt},
    {"Sprout Social", kMkt},
    {"Canva", kMkt | kDes},
};

// Words that make a clause speak of a record kept somewhere.
bool IsRecordWord(std::string_view lower) {
  // Not "details" or "updated": "finance has to finish the bank details in Coupa" is a Sales
  // comment about Finance's tool, and fine; nor "minutes" ("took 6 minutes in Splunk").
  static constexpr std::string_view kWords[] = {
      "notes",    "note",       "logged",   "log",      "logs",         "tracked",
      "tracking", "track",      "filed",    "history",  "recorded",     "record",
      "records",  "documented", "write-up", "captured", "qualification"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

int DepartmentBit(std::string_view department) {
  for (size_t i = 0; i < std::size(kDepartmentFiles); ++i) {
    if (kDepartmentFiles[i] == department) return static_cast<int>(i);
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Metrics.

struct Metric {
  std::string_view phrase;  // lowercase words separated by single spaces
  int good;                 // +1: good when it rises; -1: good when it falls
};

constexpr Metric kMetrics[] = {
    {"conversion", 1},
    {"conversion rate", 1},
    {"trial conversion", 1},
    {"checkout conversion", 1},
    {"retention", 1},
    {"net revenue retention", 1},
    {"gross revenue retention", 1},
    {"nrr", 1},
    {"grr", 1},
    {"nps", 1},
    {"csat", 1},
    {"uptime", 1},
    {"availability", 1},
    {"activation", 1},
    {"activation rate", 1},
    {"adoption", 1},
    {"win rate", 1},
    {"sales pipeline", 1},
    {"pipeline coverage", 1},
    {"revenue", 1},
    {"arr", 1},
    {"mrr", 1},
    {"bookings", 1},
    {"open rate", 1},
    {"click-through rate", 1},
    {"ctr", 1},
    {"health score", 1},
    {"engagement", 1},
    {"weekly active users", 1},
    {"monthly active users", 1},
    {"daily active users", 1},
    {"signups", 1},
    {"sign-ups", 1},
    {"gross margin", 1},
    {"cache hit rate", 1},
    {"test coverage", 1},
    {"fill rate", 1},
    {"viewability", 1},
    {"authorization rate", 1},
    {"approval rate", 1},
    {"renewal rate", 1},
    {"reply rate", 1},
    {"response rate", 1},
    {"completion rate", 1},
    {"deflection rate", 1},
    {"churn", -1},
    {"churn rate", -1},
    {"latency", -1},
    {"p50 latency", -1},
    {"p95 latency", -1},
    {"p99 latency", -1},
    {"error rate", -1},
    {"errors", -1},
    {"error budget burn", -1},
    {"cost", -1},
    {"costs", -1},
    {"cac", -1},
    {"bounce rate", -1},
    {"cycle time", -1},
    {"lead time", -1},
    {"mttr", -1},
    {"time to resolve", -1},
    {"time to first value", -1},
    {"time to first response", -1},
    {"first response time", -1},
    {"resolution time", -1},
    {"ticket backlog", -1},
    {"backlog", -1},
    {"open tickets", -1},
    {"ticket volume", -1},
    {"downtime", -1},
    {"incidents", -1},
    {"false positives", -1},
    {"false positive rate", -1},
    {"cart abandonment", -1},
    {"chargebacks", -1},
    {"chargeback rate", -1},
    {"refund rate", -1},
    {"hallucination rate", -1},
    {"rebuffering", -1},
    {"page load time", -1},
    {"dso", -1},
    {"burn rate", -1},
    {"attrition", -1},
    {"time to hire", -1},
    {"escalations", -1},
    {"outages", -1},
    {"failure rate", -1},
    {"crash rate", -1},
    {"dispute rate", -1},
    {"fraud rate", -1},
    {"fraud losses", -1},
    {"emissions", -1},
};

bool In(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// A movement word after a metric: +1 up, -1 down, 0 neither.
int MovementAfter(std::string_view w) {
  if (In(w, {"rose",       "risen",   "rising",  "rises",   "up",     "increased", "increases",
             "increasing", "grew",    "grown",   "growing", "grows",  "climbed",   "climbing",
             "climbs",     "doubled", "tripled", "jumped",  "spiked", "surged",    "higher"}))
    return 1;
  if (In(w, {"dropped",   "drops",     "dropping",  "fell",      "fallen",     "falling",
             "falls",     "down",      "decreased", "decreases", "decreasing", "declined",
             "declining", "declines",  "halved",    "shrank",    "shrunk",     "dipped",
             "plunged",   "plummeted", "slipped",   "lower"}))
    return -1;
  return 0;
}

// A movement word before a metric ("cut churn", "raise conversion", "a jump in latency").
int MovementBefore(std::string_view w) {
  if (In(w, {"raise", "raised", "raising", "increase", "increased", "increasing", "grow", "grew",
             "growing", "boost", "boosted", "boosting", "lift", "lifted", "doubled", "rise", "jump",
             "spike", "surge"}))
    return 1;
  if (In(w, {"cut", "cuts", "cutting", "reduce", "reduced", "reducing", "lower", "lowered",
             "lowering", "halve", "halved", "decrease", "decreased", "shrink", "drop", "dip",
             "decline", "fall", "reduction"}))
    return -1;
  return 0;
}

// Words skipped between a metric and its movement ("churn is back up", "latency has fallen").
bool IsFiller(std::string_view w) {
  return In(w, {"is",      "was",     "has",     "have",     "had",      "are",     "were",
                "went",    "got",     "been",    "keeps",    "kept",     "back",    "still",
                "now",     "already", "finally", "also",     "slightly", "sharply", "significantly",
                "further", "again",   "just",    "steadily", "way"});
}

// Words skipped between a movement verb and its metric ("cut our churn", "a jump in the p95
// latency").
bool IsLeadIn(std::string_view w) {
  return In(w, {"the", "our", "their", "its", "in", "of", "customer", "customers'", "account"});
}

// +1 for a word of good news, -1 of bad news, 0 otherwise; colours only after a linking word
// ("dropped to red", "is green", "back to green").
int Judgement(std::string_view w, std::string_view before) {
  // Not "good", "great" or "nice" ("Good catch: conversion fell with the bug"), nor "risk",
  // "problem" or "regression" ("churn risk dropped", "a regression test").
  if (In(w, {"improved", "improvement", "improving", "improves", "better", "win", "wins", "healthy",
             "recovered", "success", "successful", "celebrate"}))
    return 1;
  if (In(w, {"worse", "worsened", "worsening", "hurt", "hurts", "hurting", "concern", "concerning",
             "worried", "worrying", "regressed", "alarming", "bad", "trouble"}))
    return -1;
  const bool linked = In(before, {"to", "is", "turned", "stays", "stayed", "went", "now", "are"});
  if (linked && w == "green") return 1;
  if (linked && (w == "red" || w == "yellow")) return -1;
  return 0;
}

bool IsNegation(std::string_view w) {
  return In(w, {"not",    "no",      "never", "didn't", "doesn't", "isn't",   "wasn't",
                "hasn't", "haven't", "won't", "can't",  "cannot",  "without", "nor",
                "avoid",  "prevent", "keep",  "before", "if",      "unless",  "whether"});
}

bool IsContrast(std::string_view w) {
  return In(w, {"but", "while", "although", "though", "however", "yet", "whereas", "despite",
                "instead", "even"});
}

struct Token {
  size_t begin;
  size_t end;
  std::string_view lower;  // into the Tokens' lowercased copy of the text
};

// Words of a text: runs of letters, digits, apostrophes and inner hyphens, with their lowercase
// forms in one buffer (reused: the scanners run on millions of texts).
class Tokens {
 public:
  void Read(std::string_view s) {
    tokens_.clear();
    lower_.assign(s.size(), ' ');
    for (size_t i = 0; i < s.size(); ++i) lower_[i] = Lower(s[i]);
    size_t i = 0;
    while (i < s.size()) {
      if (!IsAlnum(s[i])) {
        ++i;
        continue;
      }
      const size_t begin = i;
      while (i < s.size() && (IsAlnum(s[i]) || ((s[i] == '\'' || s[i] == '-') && i + 1 < s.size() &&
                                                IsAlnum(s[i + 1]))))
        ++i;
      tokens_.push_back({begin, i, std::string_view(lower_).substr(begin, i - begin)});
    }
  }
  const std::vector<Token>& get() const { return tokens_; }

 private:
  std::string lower_;
  std::vector<Token> tokens_;
};

// The metrics by their first word.
const absl::flat_hash_map<std::string_view, std::vector<const Metric*>>& MetricsByFirstWord() {
  static const auto* const kByWord = [] {
    auto* map = new absl::flat_hash_map<std::string_view, std::vector<const Metric*>>();
    for (const Metric& m : kMetrics) (*map)[m.phrase.substr(0, m.phrase.find(' '))].push_back(&m);
    return map;
  }();
  return *kByWord;
}

// The metric starting at token i (longest phrase), its length in tokens in `len`.
const Metric* MetricAt(const std::vector<Token>& tokens, size_t i, size_t& len) {
  const Metric* best = nullptr;
  len = 0;
  const auto& by_word = MetricsByFirstWord();
  const auto candidates = by_word.find(tokens[i].lower);
  if (candidates == by_word.end()) return nullptr;
  for (const Metric* mp : candidates->second) {
    const Metric& m = *mp;
    size_t n = 0;
    size_t k = i;
    std::string_view rest = m.phrase;
    while (!rest.empty() && k < tokens.size()) {
      const size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (tokens[k].lower != word) break;
      ++n;
      ++k;
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    if (rest.empty() && n > len) {
      best = &m;
      len = n;
    }
  }
  return best;
}

// Whether one clause's signals disagree.
bool Disagrees(const std::vector<Token>& t, size_t from, size_t to) {
  const auto& by_word = MetricsByFirstWord();
  if (std::none_of(t.begin() + static_cast<std::ptrdiff_t>(from),
                   t.begin() + static_cast<std::ptrdiff_t>(to),
                   [&](const Token& w) { return by_word.contains(w.lower); }))
    return false;
  bool good = false, bad = false, moved = false;
  std::vector<bool> used(to - from, false);
  for (size_t i = from; i < to; ++i) {
    size_t len = 0;
    const Metric* m = MetricAt(t, i, len);
    if (m == nullptr || i + len > to) continue;
    // Another sense of the word: "data retention", "currency conversion", "log retention".
    if (i > from && In(t[i - 1].lower, {"data", "log", "logs", "currency", "file", "format", "unit",
                                        "record", "backup"})) {
      i += len - 1;
      continue;
    }
    for (size_t k = i; k < i + len; ++k) used[k - from] = true;
    int move = 0;
    bool negated = false;
    // After: "churn is back up".
    for (size_t k = i + len; k < to && k < i + len + 4; ++k) {
      if (IsNegation(t[k].lower)) negated = true;
      if (IsFiller(t[k].lower) || IsNegation(t[k].lower)) continue;
      move = MovementAfter(t[k].lower);
      if (move != 0) used[k - from] = true;
      break;
    }
    // Before: "cut churn", "a jump in latency".
    if (move == 0) {
      for (size_t k = i; k > from && k + 3 > i;) {
        --k;
        if (IsLeadIn(t[k].lower)) continue;
        move = MovementBefore(t[k].lower);
        if (move != 0) {
          used[k - from] = true;
          negated = k > from && IsNegation(t[k - 1].lower);
        }
        break;
      }
    }
    if (move != 0 && !negated) {
      (move * m->good > 0 ? good : bad) = true;
      moved = true;
    }
    i += len - 1;
  }
  // Judgements alone ("better than last week, worse than plan") say nothing of a metric.
  if (!moved) return false;
  for (size_t i = from; i < to; ++i) {
    if (used[i - from]) continue;
    const int j = Judgement(t[i].lower, i > from ? std::string_view(t[i - 1].lower) : "");
    if (j == 0) continue;
    const bool negated =
        (i > from && IsNegation(t[i - 1].lower)) || (i > from + 1 && IsNegation(t[i - 2].lower));
    if (!negated) (j > 0 ? good : bad) = true;
  }
  return good && bad;
}

}  // namespace

std::string_view FindMiscasedName(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsAlnum(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    if (word.size() >= 2 && !JoinsIdentifier(text, i, end)) {
      const bool all_caps =
          std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      const std::string_view name = CasedNameOf(word);
      if (!name.empty() && word != name) {
        // "SLAS" (a society) is not "SLAs" miswritten: an acronym in capitals is its own name.
        const bool acronym =
            std::none_of(name.begin(), name.end() - 1, [](char c) { return c >= 'a' && c <= 'z'; });
        if (!(all_caps && acronym)) return word;
      }
    }
    i = end;
  }
  return {};
}

std::string_view CanonicalName(std::string_view word) {
  const std::string_view name = CasedNameOf(word);
  return name == word ? std::string_view() : name;
}

int MovementOpening(std::string_view text) {
  Tokens read;
  read.Read(text.substr(0, std::min<size_t>(text.size(), 80)));
  const std::vector<Token>& tokens = read.get();
  for (size_t k = 0; k < tokens.size() && k < 4; ++k) {
    if (IsFiller(tokens[k].lower)) continue;
    return MovementAfter(tokens[k].lower);
  }
  return 0;
}

std::string_view FindForeignTool(std::string_view text, std::string_view department) {
  const int bit = DepartmentBit(department);
  if (bit < 0) return {};
  thread_local Tokens words;
  // Every " in <Tool>" and " into <Tool>".
  for (size_t p = text.find(" in"); p != std::string_view::npos; p = text.find(" in", p + 3)) {
    size_t at = p + 3;
    if (text.substr(at).starts_with("to")) at += 2;
    if (at >= text.size() || text[at] != ' ') continue;
    ++at;
    for (const Tool& tool : kTools) {
      if ((tool.departments & (1u << bit)) != 0 || !text.substr(at).starts_with(tool.name))
        continue;
      const size_t end = at + tool.name.size();
      if (end < text.size() && IsAlnum(text[end])) continue;
      // The clause: back to the previous sentence or clause boundary.
      const std::string_view before = text.substr(0, p);
      size_t from = before.find_last_of(".!?;:\n");
      from = from == std::string_view::npos ? 0 : from + 1;
      words.Read(before.substr(from));
      for (const Token& w : words.get()) {
        if (IsRecordWord(w.lower)) return text.substr(at, tool.name.size());
      }
    }
  }
  return {};
}

std::string_view FindWrongDirectionMetric(std::string_view text) {
  thread_local Tokens read;
  size_t start = 0;
  while (start < text.size()) {
    // A sentence ends at . ! ? ; or a line break ('.' only before a blank or the end: "2.5").
    size_t end = start;
    while (end < text.size()) {
      const char c = text[end];
      if (c == '!' || c == '?' || c == ';' || c == '\n') break;
      if (c == '.' && (end + 1 == text.size() || text[end + 1] == ' ' || text[end + 1] == '\n'))
        break;
      ++end;
    }
    const std::string_view sentence = text.substr(start, end - start);
    read.Read(sentence);
    const std::vector<Token>& tokens = read.get();
    size_t from = 0;
    for (size_t i = 0; i <= tokens.size(); ++i) {
      if (i < tokens.size() && !IsContrast(tokens[i].lower)) continue;
      if (i > from && Disagrees(tokens, from, i)) {
        return sentence.substr(tokens[from].begin, tokens[i - 1].end - tokens[from].begin);
      }
      from = i + 1;
    }
    start = end + 1;
  }
  return {};
}

}  // namespace asanasim
