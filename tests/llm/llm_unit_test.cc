#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "src/llm/archetypes.h"
#include "src/llm/cache.h"
#include "src/llm/client.h"
#include "src/llm/pacer.h"
#include "src/llm/pack_author.h"
#include "src/llm/prompts.h"
#include "src/util/json.h"

namespace asanasim {
namespace {

TEST(GoDurationTest, ParsesGroqResetValues) {
  EXPECT_DOUBLE_EQ(ParseGoDuration("7.66s"), 7.66);
  EXPECT_DOUBLE_EQ(ParseGoDuration("2m59.56s"), 179.56);
  EXPECT_DOUBLE_EQ(ParseGoDuration("6m0s"), 360);
  EXPECT_DOUBLE_EQ(ParseGoDuration("400ms"), 0.4);
  EXPECT_DOUBLE_EQ(ParseGoDuration("1h2m3s"), 3723);
  EXPECT_DOUBLE_EQ(ParseGoDuration("16.239999999s"), 16.239999999);
  EXPECT_DOUBLE_EQ(ParseGoDuration("2"), 2);
  EXPECT_LT(ParseGoDuration(""), 0);
  EXPECT_LT(ParseGoDuration("soon"), 0);
  EXPECT_LT(ParseGoDuration("5 parsecs"), 0);
}

TEST(JsonTest, ParsesRejectsAndWritesRecords) {
  absl::StatusOr<Json> j = ParseJson(
      R"( {"items": ["a\nb", "\u00e9\ud83d\ude00", 1.5e2, true, null], "o": {"k": -0}} )");
  ASSERT_TRUE(j.ok()) << j.status();
  const Json* items = Member(*j, "items");
  ASSERT_TRUE(items != nullptr && items->is_array());
  EXPECT_EQ((*items)[0].get<std::string>(), "a\nb");
  EXPECT_EQ((*items)[1].get<std::string>(), "\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ((*items)[2].get<double>(), 150);
  EXPECT_TRUE((*items)[3].get<bool>());
  EXPECT_EQ(Member(*j, "missing"), nullptr);
  EXPECT_EQ(Member((*items)[0], "k"), nullptr);  // not an object
  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "\"unterminated", "01", "[1] x",
                          "{\"a\": \"\\ud800\"}", "\"tab\there\"", "nul"}) {
    absl::StatusOr<Json> parsed = ParseJson(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_NE(std::string(parsed.status().message()).find("at byte"), std::string::npos);
    }
  }
  // Records: members in insertion order, whole numbers without a fraction, invalid UTF-8
  // replaced rather than fatal.
  const Json record = {{"seed", 42}, {"share", JsonNumber(0.3)}, {"one", JsonNumber(1.0)}};
  EXPECT_EQ(DumpJson(record), R"({"seed":42,"share":0.3,"one":1})");
  EXPECT_EQ(DumpJson(Json("a\xff"
                          "b")),
            "\"a\xef\xbf\xbd"
            "b\"");
}

TEST(PromptsTest, EmbeddedPromptsLoad) {
  absl::StatusOr<PromptSet> p = PromptSet::Load("");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_NE(p->system().find("JSON"), std::string::npos) << "JSON mode needs JSON in the prompt";
  EXPECT_NE(p->system().find("\"comments\""), std::string::npos);
  EXPECT_FALSE(p->task().empty());
  EXPECT_EQ(p->digest().size(), 32u);
  EXPECT_FALSE(PromptSet::Load("/nonexistent/prompts").ok());
}

// A well-formed archetype as a model would answer it.
Json GoodArchetype() {
  return ParseJson(R"({
    "id": "cache-warmup", "weight": 1.0, "days": 4,
    "names": ["Warm the cache of {backend_service} before the {integration_partner} sync",
              "Cold-cache latency in {backend_service} after deploys"],
    "descriptions": ["After each deploy {backend_service} serves from a cold cache and p95 latency spikes for {n|minute|minutes}.\n\n- Warm-up job runs on deploy\n- No latency spike on the next deploy"],
    "subtasks": ["Measure cold-cache latency", "Write the warm-up job", "Run it on staging",
                 "Ship it with the next deploy"],
    "tags": ["performance"],
    "fields": {"priority": "Medium"},
    "slots": {"cache_layer": ["the session cache", "the query cache", "the feature-flag cache"]},
    "comments": {
      "kickoff": ["Taking the cache warm-up for {backend_service}; starting with a latency baseline from {person}."],
      "progress": ["The warm-up job fills {cache_layer} in {backend_service} before traffic arrives."],
      "question": ["{to}, can the warm-up for {backend_service} run before the health check passes?"],
      "answer": ["{asker}, yes: the cache warm-up can gate readiness for {backend_service}."]
    }})")
      .value();
}

TEST(ArchetypeCheckTest, SchemaRejectsWhatThePackFormatCannotHold) {
  EXPECT_EQ(SchemaReason(GoodArchetype()), "");
  EXPECT_EQ(SchemaReason(Json("text")), "schema: an item is not a JSON object");
  Json a = GoodArchetype();
  a["owner"] = "me";
  EXPECT_EQ(SchemaReason(a), "schema: unknown key 'owner'");
  a = GoodArchetype();
  a["id"] = "Bad_ID";
  EXPECT_EQ(SchemaReason(a), "schema: id 'Bad_ID' is not kebab-case (a-z, 0-9, -)");
  a = GoodArchetype();
  a.erase("names");
  EXPECT_EQ(SchemaReason(a), "schema: missing 'names'");
  a = GoodArchetype();
  a["subtasks"] = Json::array({1, 2});
  EXPECT_EQ(SchemaReason(a), "schema: 'subtasks' must be a list of strings");
  a = GoodArchetype();
  a["comments"] = Json::array();
  EXPECT_EQ(SchemaReason(a), "schema: 'comments' must be an object");
  a = GoodArchetype();
  a["days"] = "four";
  EXPECT_EQ(SchemaReason(a), "schema: 'days' must be a number");
}

TEST(ArchetypeCheckTest, LiteralsWherePlaceholdersBelongAreFound) {
  const Vocabulary& v = Vocabulary::BuiltIn();
  EXPECT_EQ(LiteralReason(GoodArchetype(), v), "");
  const auto with_progress = [](std::string line) {
    Json a = GoodArchetype();
    a["comments"]["progress"] = Json::array({line});
    return a;
  };
  EXPECT_EQ(LiteralReason(with_progress("Ships on Friday for {backend_service}."), v),
            "literal: the weekday 'Friday' where {weekday} belongs");
  EXPECT_EQ(LiteralReason(with_progress("Planned for March in {backend_service}."), v),
            "literal: the month 'March' where {month} belongs");
  EXPECT_EQ(LiteralReason(with_progress("Part of the Q3 plan for {backend_service}."), v),
            "literal: the quarter 'Q3' where {quarter} belongs");
  EXPECT_EQ(LiteralReason(with_progress("See PR 4821 on {backend_service}."), v),
            "literal: the number '4821' where {id4}, {pr} or {n} belongs");
  EXPECT_EQ(LiteralReason(with_progress("Frozen until 2026-03-14 in {backend_service}."), v),
            "literal: the date '2026-03-14' (dates go stale: use {weekday} or {month})");
  // A first name from the packs' name lists (not one that is also a common word).
  const std::string name(v.name_cultures()[0].first_names[0]);
  EXPECT_EQ(LiteralReason(with_progress(name + " checked {backend_service}."), v),
            "literal: the name '" + name + "' where {person} belongs");
  EXPECT_EQ(LiteralReason(with_progress("Will {person} check {backend_service}?"), v), "");
  // Placeholders are not literals, and slot values may hold numbers.
  Json a = with_progress("Due by {weekday} in {month}, see {pr}.");
  a["slots"]["quota"] = Json::array({"5000 requests a minute"});
  EXPECT_EQ(LiteralReason(a, v), "");
}

TEST(ArchetypeCheckTest, MaskedTextsTellTheSameStory) {
  const Pack& saas = Vocabulary::BuiltIn().default_pack();
  const DepartmentVocab& eng = saas.department(Department::kEngineering);
  const SlotScope scope{{}, eng.slots, Vocabulary::BuiltIn().shared_slots()};
  // A value that names something ("auth-service"), and its slot.
  std::string_view service, slot;
  for (const Slot& s : eng.slots) {
    for (std::string_view v : s.values) {
      if (service.empty() && v.find('-') != std::string_view::npos && v.find('{') == v.npos) {
        service = v;
        slot = s.name;
      }
    }
  }
  ASSERT_FALSE(service.empty());
  EXPECT_EQ(MaskedText("Fix memory leak in {backend_service}", scope),
            MaskedText("fix Memory-leak in {service}!", scope));
  // A literal value masks like its placeholder.
  EXPECT_EQ(MaskedText(std::string("Restart ") + std::string(service), scope),
            MaskedText("Restart {" + std::string(slot) + "}", scope));
  EXPECT_NE(MaskedText("Fix memory leak in {backend_service}", scope),
            MaskedText("Fix cache warm-up in {backend_service}", scope));
}

TEST(ArchetypeCheckTest, AGoodItemBecomesTomlThatPackCheckAccepts) {
  const Vocabulary& v = Vocabulary::BuiltIn();
  const std::string toml = ArchetypeToml(GoodArchetype(), "llm-cache-warmup");
  EXPECT_NE(toml.find("[[archetype]]\nid = \"llm-cache-warmup\""), std::string::npos) << toml;
  std::vector<std::pair<std::string, std::string>> files = v.FilesOf(v.default_pack());
  files.emplace_back("saas/archetypes/engineering.llm.toml", toml);
  std::vector<std::string> problems;
  absl::StatusOr<std::unique_ptr<const Vocabulary>> parsed =
      Vocabulary::Parse(files, "", &problems);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  for (const std::string& p : problems) {
    EXPECT_NE(p.find("warning"), std::string::npos) << p;
  }
  const DepartmentVocab& eng = (*parsed)->default_pack().department(Department::kEngineering);
  ASSERT_FALSE(eng.archetypes.empty());
  const Archetype& last = eng.archetypes.back();
  EXPECT_EQ(last.id, "saas/engineering/llm-cache-warmup");
  EXPECT_TRUE(last.llm);
  EXPECT_FALSE(eng.archetypes.front().llm);
  EXPECT_EQ(last.days, 4);
  EXPECT_EQ(last.names.size(), 2u);
  EXPECT_EQ(last.descriptions[0].find("\n\n- Warm-up job"), last.descriptions[0].find("\n\n"));
  // What pack check refuses in a person's file it refuses in the LLM's.
  files.back().second = ArchetypeToml(ParseJson(R"({"id": "x", "names": ["Ask {nobody}"],
      "descriptions": ["d"], "subtasks": ["s"], "comments": {"progress": ["p {to}"]}})")
                                          .value(),
                                      "llm-x");
  EXPECT_FALSE(Vocabulary::Parse(files, "", &problems).ok());
  EXPECT_GE(problems.size(), 2u);
}

TEST(PackAuthorTest, NamesAndDepartmentSchema) {
  EXPECT_EQ(PackNameOf("Municipal water utility"), "municipal-water-utility");
  EXPECT_EQ(PackNameOf("  Indie game studio (PC & console) "), "indie-game-studio-pc-console");
  EXPECT_EQ(PackNameOf("!!"), "");
  Json d = ParseJson(R"({"name": "Engineering", "headcount_weight": 0.2,
      "team_focuses": ["Treatment Plants"], "titles": ["Process Engineer"],
      "lead_titles": ["Head of Engineering"], "projects": ["{plant} upgrade"],
      "slots": {"plant": ["North Works", "River Road"]},
      "templates": {"tasks": ["Inspect {plant}"], "subtasks": ["Book the crew"],
                    "descriptions": ["Inspect {plant} before {weekday}."],
                    "comments": ["Crew booked for {plant}."]}})")
               .value();
  EXPECT_EQ(DepartmentSchemaReason(d), "");
  Json bad = d;
  bad["templates"].erase("comments");
  EXPECT_EQ(DepartmentSchemaReason(bad),
            "schema: 'templates.comments' must be a non-empty list of strings");
  bad = d;
  bad["slots"]["Plant-Name"] = Json::array({"x"});
  EXPECT_EQ(DepartmentSchemaReason(bad),
            "schema: slot 'Plant-Name' must be a snake_case name with a list of values");
  bad = d;
  bad["budget"] = 3;
  EXPECT_EQ(DepartmentSchemaReason(bad), "schema: unknown key 'budget'");
}

TEST(CacheTest, RoundTripsAndKeysOnTheWholeRequest) {
  char tmpl[] = "/tmp/asanasim_cache_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const ResponseCache cache(tmpl);
  const std::string key = ResponseCache::Key("{\"model\":\"m\",\"messages\":[]}");
  EXPECT_EQ(key.size(), 32u);
  EXPECT_NE(key, ResponseCache::Key("{\"model\":\"n\",\"messages\":[]}"));
  EXPECT_FALSE(cache.Get(key).has_value());
  ASSERT_TRUE(cache.Put(key, "{\"items\": [\"x\"]}").ok());
  EXPECT_EQ(cache.Get(key).value_or(""), "{\"items\": [\"x\"]}");
  std::filesystem::remove_all(tmpl);
}

// A minute's limits, with requests at random moments, reservations from the estimator and usage
// that never exceeds them: no 60-second window of the server ever holds more than either limit.
TEST(RatePacerTest, NoWindowEverExceedsEitherLimit) {
  constexpr double kRpm = 30;
  constexpr double kTpm = 8000;
  RatePacer pacer(kRpm, kTpm, 60, 0);
  TokenEstimator estimator(2048);
  std::mt19937_64 rng(11);
  struct Sent {
    double at;
    int64_t tokens;
  };
  std::vector<Sent> sent;  // the server counts a request when it arrives: halfway, here
  std::vector<std::pair<double, std::pair<uint64_t, int64_t>>> answers;  // time, (id, usage)
  double now = 0;
  size_t body = 2400;
  while (now < 1200) {
    // Settle what has been answered by now.
    for (auto it = answers.begin(); it != answers.end();) {
      if (it->first > now) {
        ++it;
        continue;
      }
      pacer.Settle(it->second.first, it->first, it->second.second);
      it = answers.erase(it);
    }
    const int64_t reserve = estimator.Estimate(body);
    const double wait = pacer.Wait(now, reserve);
    if (wait > 0) {
      now += std::min(wait, 0.5);
      continue;
    }
    const uint64_t id = pacer.Reserve(now, reserve);
    // The completion uses at most what was reserved for it.
    const int64_t prompt = static_cast<int64_t>(body / 4);
    const int64_t completion =
        std::uniform_int_distribution<int64_t>(100, std::max<int64_t>(100, reserve - prompt))(rng);
    estimator.Observe(body, prompt, completion);
    const double trip = std::uniform_real_distribution<double>(0.2, 3)(rng);
    sent.push_back({now + trip / 2, prompt + completion});
    answers.push_back({now + trip, {id, prompt + completion}});
    now += std::uniform_real_distribution<double>(0, 0.3)(rng);
  }
  ASSERT_GT(sent.size(), 100u);
  std::sort(sent.begin(), sent.end(), [](const Sent& a, const Sent& b) { return a.at < b.at; });
  double best_tokens = 0;
  for (size_t i = 0; i < sent.size(); ++i) {
    double requests = 0;
    double tokens = 0;
    for (size_t j = i; j < sent.size() && sent[j].at < sent[i].at + 60; ++j) {
      requests += 1;
      tokens += static_cast<double>(sent[j].tokens);
    }
    EXPECT_LE(requests, kRpm) << "window from " << sent[i].at;
    EXPECT_LE(tokens, kTpm) << "window from " << sent[i].at;
    best_tokens = std::max(best_tokens, tokens);
  }
  // And it uses the budget: some window comes within 15% of the token limit.
  EXPECT_GT(best_tokens, 0.85 * kTpm);
}

TEST(RatePacerTest, WaitsUntilTheOldestAnswersLeave) {
  RatePacer pacer(3, 1000, 60, 0);
  PaceLimit why = PaceLimit::kNone;
  EXPECT_EQ(pacer.Wait(0, 400, &why), 0);
  const uint64_t first = pacer.Reserve(0, 400);
  const uint64_t second = pacer.Reserve(10, 400);
  // In flight, they count whatever their age.
  EXPECT_EQ(pacer.TokensInWindow(500), 800);
  pacer.Settle(first, 0.5, -1);  // answered: the reservation stands
  pacer.Settle(second, 11, -1);
  // 800 + 400 > 1000: wait until the first leaves, a minute after its answer.
  EXPECT_DOUBLE_EQ(pacer.Wait(20, 400, &why), 40.5);
  EXPECT_EQ(why, PaceLimit::kTokens);
  EXPECT_EQ(PaceLimitName(why), "TPM");
  EXPECT_EQ(pacer.Wait(20, 200), 0);
  const uint64_t third = pacer.Reserve(20, 200);
  // Three requests, one in flight: the request limit binds until the first leaves.
  EXPECT_DOUBLE_EQ(pacer.Wait(30, 1, &why), 30.5);
  EXPECT_EQ(why, PaceLimit::kRequests);
  // A refused request frees its place; a settled one keeps its place with what it used.
  pacer.Release(third);
  EXPECT_EQ(pacer.Wait(30, 200), 0);
  const uint64_t fourth = pacer.Reserve(30, 200);
  pacer.Settle(fourth, 31, 50);
  EXPECT_EQ(pacer.TokensInWindow(31), 850);
  EXPECT_EQ(pacer.RequestsInWindow(31), 3);
  EXPECT_EQ(pacer.RequestsInWindow(61), 2);  // the first has left
  // Larger than the limit: only into an empty window.
  EXPECT_GT(pacer.Wait(31, 5000), 0);
  EXPECT_EQ(pacer.Wait(200, 5000), 0);
}

TEST(RatePacerTest, TheServersViewTightensOursAndSmoothingSpreadsTheMinute) {
  RatePacer pacer(100, 1000, 60, 0);
  pacer.Settle(pacer.Reserve(0, 100), 0.5, -1);
  // The server counts 600 where we count 100: the 500 more are held for a minute.
  pacer.ServerRemaining(1, 400);
  EXPECT_EQ(pacer.TokensInWindow(1), 600);
  EXPECT_GT(pacer.Wait(1, 500), 0);
  EXPECT_EQ(pacer.Wait(1, 400), 0);
  // A server that counts less changes nothing.
  pacer.ServerRemaining(2, 900);
  EXPECT_EQ(pacer.TokensInWindow(2), 600);

  // 60 requests a minute, at most one in any second.
  RatePacer smooth(60, 1e9, 60, /*smooth_s=*/1);
  smooth.Settle(smooth.Reserve(0, 1), 0.1, -1);
  EXPECT_DOUBLE_EQ(smooth.Wait(0.25, 1), 0.85);
  EXPECT_EQ(smooth.Wait(1.1, 1), 0);
}

TEST(TokenEstimatorTest, LearnsTheCompletionFromUsage) {
  TokenEstimator e(2048);
  EXPECT_EQ(e.CompletionEstimate(), 2048);  // nothing known: the cap
  EXPECT_EQ(e.Estimate(4000), 1000 + 2048);
  e.Observe(4000, 1100, 200);
  e.Observe(4000, 1100, 250);
  EXPECT_EQ(e.CompletionEstimate(), 300);   // the largest recent, and a fifth more
  EXPECT_EQ(e.Estimate(4000), 1100 + 300);  // the prompt at the rate seen
  for (int i = 0; i < 20; ++i) e.Observe(4000, 1100, 100);
  EXPECT_EQ(e.CompletionEstimate(), 120);  // old observations age out
  e.Observe(4000, 1100, 5000);
  EXPECT_EQ(e.CompletionEstimate(), 2048);  // never above the cap
}

}  // namespace
}  // namespace asanasim
