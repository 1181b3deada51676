#include <gtest/gtest.h>

#include <filesystem>

#include "src/llm/cache.h"
#include "src/llm/client.h"
#include "src/llm/pools.h"
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

TEST(PromptsTest, EmbeddedPromptsLoadAndEveryExampleIsAValidVariant) {
  absl::StatusOr<PromptSet> p = PromptSet::Load("");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_NE(p->system().find("JSON"), std::string::npos) << "JSON mode needs JSON in the prompt";
  EXPECT_EQ(p->digest().size(), 32u);
  for (int d = 0; d < kDepartmentCount; ++d) {
    const auto dept = static_cast<Department>(d);
    EXPECT_FALSE(p->context(dept).empty());
    for (size_t s = 0; s < kLlmSlots.size(); ++s) {
      ASSERT_FALSE(p->examples(dept, s).empty());
      for (const std::string& e : p->examples(dept, s)) {
        EXPECT_EQ(RejectReason(e, Vocabulary::BuiltIn(), dept, s), "")
            << PromptSet::FileName(dept) << " " << e;
      }
    }
  }
  EXPECT_FALSE(PromptSet::Load("/nonexistent/prompts").ok());
}

TEST(PoolsTest, RejectsWhatMustNotReachTheDatabase) {
  const Department eng = Department::kEngineering;
  const Vocabulary& v = Vocabulary::BuiltIn();
  EXPECT_EQ(RejectReason("Checked the rollout with {person}; next step on {weekday}.", v, eng, 1),
            "");
  EXPECT_EQ(RejectReason("ok", v, eng, 1), "too short");
  EXPECT_EQ(RejectReason(std::string(400, 'x'), v, eng, 1), "too long");
  EXPECT_EQ(RejectReason("```json {\"a\": 1}``` and more text here", v, eng, 1), "markdown");
  EXPECT_EQ(RejectReason("**Bold** statement about the rollout plan", v, eng, 1), "markdown");
  EXPECT_EQ(RejectReason("Ask {nonexistent} about the rollout today", v, eng, 1),
            "unknown placeholder {nonexistent}");
  EXPECT_EQ(RejectReason("A stray } brace in an otherwise fine comment", v, eng, 1), "stray '}'");
  EXPECT_EQ(RejectReason("A stray { brace in an otherwise fine comment", v, eng, 1), "stray '{'");
  EXPECT_EQ(RejectReason("Line one of a comment\nline two of it", v, eng, 1),
            "a line break in a comment");
  // {service} is engineering's, not finance's.
  EXPECT_EQ(RejectReason("Deploy {service} before the end of the day, please", v, eng, 1), "");
  EXPECT_NE(RejectReason("Deploy {service} before the end of the day, please", v,
                         Department::kFinance, 1),
            "");
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

}  // namespace
}  // namespace asanasim
