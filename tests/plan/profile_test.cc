#include "src/plan/profile.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace asanasim {
namespace {

TEST(ProfileTest, PrintedDefaultsParseBackToTheDefaults) {
  const std::string text = FormatProfile(DefaultProfile());
  absl::StatusOr<Profile> parsed = ParseProfile(text, "defaults");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(FormatProfile(*parsed), text);
  EXPECT_EQ(DumpJson(ProfileOverridesJson(*parsed)), "{}");
  // Every parameter is documented: a comment line precedes each "name = value" line.
  size_t params = 0;
  size_t numbers = 0;
  size_t pos = 0;
  std::string previous;
  while (pos < text.size()) {
    const size_t eol = text.find('\n', pos);
    const std::string line = text.substr(pos, eol - pos);
    if (!line.empty() && line[0] != '#') {
      ++params;
      EXPECT_EQ(previous.substr(0, 2), "# ") << line;
      EXPECT_GT(previous.size(), 4u) << line;
      numbers += 1 + static_cast<size_t>(std::count(line.begin(), line.end(), ','));
    }
    previous = line;
    pos = eol + 1;
  }
  EXPECT_GE(params, 60u);
  // Every member of Profile is listed: 3 of the printed numbers are ints, the rest doubles, and
  // together they fill the struct (up to the padding after the ints).
  const size_t kInts = 3;
  const size_t listed = 8 * (numbers - kInts) + 4 * kInts;
  EXPECT_GE(sizeof(Profile), listed);
  EXPECT_LE(sizeof(Profile), listed + 4 * kInts);
}

TEST(ProfileTest, OverridesOnlyWhatTheFileNames) {
  absl::StatusOr<Profile> p = ParseProfile(
      "# tweak\n  reopened_share = 0.25   # comment\nweekday_weight = [1, 1, 1, 1, 1, 0, 0]\n"
      "dependency_max = 4\n",
      "f");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->reopened_share, 0.25);
  EXPECT_EQ(p->weekday_weight[5], 0.0);
  EXPECT_EQ(p->dependency_max, 4);
  EXPECT_EQ(p->comments_mean, DefaultProfile().comments_mean);
  EXPECT_EQ(DumpJson(ProfileOverridesJson(*p)),
            "{\"weekday_weight\":[1,1,1,1,1,0,0],\"reopened_share\":0.25,\"dependency_max\":4}");
}

TEST(ProfileTest, ErrorsNameTheSourceAndLine) {
  const struct {
    const char* text;
    const char* message;
  } kCases[] = {
      {"nonsense\n", "profile f line 1: 'nonsense' is not name = value"},
      {"\n\nfoo = 1\n", "profile f line 3: unknown parameter 'foo'"},
      {"comments_mean = abc\n", "profile f line 1: 'abc' is not a number (comments_mean)"},
      {"comments_mean = 1\ncomments_mean = 2\n", "line 2: 'comments_mean' is set twice"},
      {"comments_mean = -1\n", "comments_mean = -1 is out of range [0, 100]"},
      {"hour_weight = 0.5\n", "'hour_weight' takes a list of 24 numbers in [...]"},
      {"weekday_weight = [1, 1, 1]\n", "'weekday_weight' takes 7 numbers, got 3"},
      {"dependency_max = 1.5\n", "dependency_max = 1.5 is not a whole number"},
      {"comments_mean = nan\n", "'nan' is not a number"},
      {"weekday_weight = [0, 0, 0, 0, 0, 0, 0]\n", "profile f: weekday_weight is all zero"},
      {"other_org_size_min = 3\n", "other_org_size_min is above other_org_size_max"},
  };
  for (const auto& c : kCases) {
    absl::StatusOr<Profile> p = ParseProfile(c.text, "f");
    ASSERT_FALSE(p.ok()) << c.text;
    EXPECT_NE(p.status().message().find(c.message), std::string::npos)
        << c.text << " -> " << p.status().message();
  }
}

}  // namespace
}  // namespace asanasim
