// The text checks' scanners on hand-written texts: what each finds, and the look-alikes it must
// leave alone.
#include "src/validate/text_scan.h"

#include <gtest/gtest.h>

#include "src/util/civil_time.h"

namespace asanasim {
namespace {

// 2026-06-08 is a Monday.
int64_t June(int day) { return DaysFromCivil(2026, 6, day); }

TEST(TextScanTest, ParsesWeekdays) {
  ASSERT_EQ(WeekdayOf(June(8)), 0);
  EXPECT_EQ(ParseWeekday("Monday"), 0);
  EXPECT_EQ(ParseWeekday("tuesday"), 1);
  EXPECT_EQ(ParseWeekday("SUNDAY"), 6);
  EXPECT_EQ(ParseWeekday("Mon"), -1);
  EXPECT_EQ(ParseWeekday("Mondays"), -1);
  EXPECT_EQ(ParseWeekday(""), -1);
}

TEST(TextScanTest, PastDayReferences) {
  const int64_t friday = June(12);
  EXPECT_EQ(FindPastDayReference("Let's sync on this Tuesday.", friday), "this Tuesday");
  EXPECT_EQ(FindPastDayReference("Demo THIS WEDNESDAY", friday), "THIS WEDNESDAY");
  // "by" and "on" name the next occurrence: next week's Monday, Wednesday.
  EXPECT_EQ(FindPastDayReference("Their team needs a draft by Monday.", friday), "");
  EXPECT_EQ(FindPastDayReference("Demo on Wednesday", friday), "");
  // Today, later this week, the coming week, and no lead word.
  EXPECT_EQ(FindPastDayReference("Ship it by Friday.", friday), "");
  EXPECT_EQ(FindPastDayReference("Ship it by Saturday.", friday), "");
  EXPECT_EQ(FindPastDayReference("Let's sync next Monday.", friday), "");
  EXPECT_EQ(FindPastDayReference("We talked last Tuesday.", friday), "");
  EXPECT_EQ(FindPastDayReference("Tuesday works.", friday), "");
  EXPECT_EQ(FindPastDayReference("by, Monday", friday), "");
  // Early in the week nothing has passed; at the weekend people mean the coming week.
  EXPECT_EQ(FindPastDayReference("Let's sync on this Tuesday.", June(9)), "");
  EXPECT_EQ(FindPastDayReference("Let's sync on this Tuesday.", June(8)), "");
  EXPECT_EQ(FindPastDayReference("this Monday", June(13)), "");
  EXPECT_EQ(FindPastDayReference("this Monday", June(14)), "");
  EXPECT_EQ(FindPastDayReference("this Monday", June(9)), "this Monday");
}

TEST(TextScanTest, PluralNouns) {
  for (const char* w : {"customers", "directions", "incidents", "Tasks", "hrs"})
    EXPECT_TRUE(IsPluralNoun(w)) << w;
  for (const char* w : {"customer", "status", "class", "analysis", "news", "series", "Kubernetes",
                        "Jenkins", "always", "Mbps", "as", "is", "us", "yes", "its"})
    EXPECT_FALSE(IsPluralNoun(w)) << w;
}

TEST(TextScanTest, SingularCountPlural) {
  EXPECT_EQ(FindSingularCountPlural("Interview 1 customers"), "1 customers");
  EXPECT_EQ(FindSingularCountPlural("1 directions"), "1 directions");
  EXPECT_EQ(FindSingularCountPlural("duplicates work (1 incidents last month)."), "1 incidents");
  EXPECT_EQ(FindSingularCountPlural("Explore 3 directions, then 1 prototypes"), "1 prototypes");
  for (const char* ok : {"Interview 1 customer",
                         "Interview 11 customers",
                         "2.1 items",
                         "v1 items",
                         "Q1 goals",
                         "Phase 1 deliverables",
                         "Tier 1 accounts",
                         "Sprint 1 goals",
                         "1:1s with the team",
                         "Category 1 emissions",
                         "Scope 1 emissions",
                         "1 status update",
                         "1 class",
                         "-1 items",
                         "#1 priorities",
                         "1 customers' data",
                         "1 customersX",
                         "1 of 3 items",
                         "10 items",
                         "1  items"}) {
    EXPECT_EQ(FindSingularCountPlural(ok), "") << ok;
  }
}

TEST(TextScanTest, DoubledWords) {
  EXPECT_EQ(FindDoubledWord("[Frontend] Cache cache invalidation"), "Cache cache");
  EXPECT_EQ(FindDoubledWord("Reliability Reliability Program"), "Reliability Reliability");
  EXPECT_EQ(FindDoubledWord("Prototype sign-up flow  flow"), "flow  flow");
  EXPECT_EQ(FindDoubledWord("the the"), "the the");
  EXPECT_EQ(FindDoubledWord("a follow-up up front"), "up up");
  for (const char* ok : {"Cache invalidation", "flow, flow", "Cache\ncache", "We had had enough",
                         "that that", "x1 x", "v2 v2", "Cache cached"}) {
    EXPECT_EQ(FindDoubledWord(ok), "") << ok;
  }
}

TEST(TextScanTest, RepeatedLines) {
  EXPECT_EQ(FindRepeatedLine("- a\n- b\n- a"), "- a");
  EXPECT_EQ(FindRepeatedLine("Context: x.\n\n  - Rollback plan \r\n- Rollback plan"),
            "- Rollback plan");
  EXPECT_EQ(FindRepeatedLine("one\n\n\ntwo\n\n---\n---"), "");
  EXPECT_EQ(FindRepeatedLine("- a\n- A"), "");
  EXPECT_EQ(FindRepeatedLine(""), "");
}

TEST(TextScanTest, DatesOtherThanTheDay) {
  const int64_t mar5 = DaysFromCivil(2026, 3, 5);
  for (const char* ok : {"Status update: Mar 5", "Weekly update (Mar 5)", "March status: Mar 5",
                         "Project check-in, March 5", "2026-03-05", "Mar 5, 2026", "No date",
                         "Mar 2026", "Q1 plan", "Jun said hi"}) {
    EXPECT_EQ(FindDateOtherThan(ok, mar5), "") << ok;
  }
  EXPECT_EQ(FindDateOtherThan("Weekly update (Mar 6)", mar5), "Mar 6");
  EXPECT_EQ(FindDateOtherThan("Status update: Apr 5", mar5), "Apr 5");
  EXPECT_EQ(FindDateOtherThan("Update 2026-03-04", mar5), "2026-03-04");
  EXPECT_EQ(FindDateOtherThan("Mar 5, 2025", mar5), "Mar 5, 2025");
  EXPECT_EQ(FindDateOtherThan("May status: May 29", DaysFromCivil(2026, 5, 29)), "");
  EXPECT_EQ(FindDateOtherThan("Sept. 5 review", DaysFromCivil(2026, 9, 5)), "");
  EXPECT_EQ(FindDateOtherThan("Sept. 6 review", DaysFromCivil(2026, 9, 5)), "Sept. 6");
}

TEST(TextScanTest, WholeWords) {
  EXPECT_TRUE(ContainsWholeWord("Thanks Mark, looks good.", "Mark"));
  EXPECT_TRUE(ContainsWholeWord("Mark", "Mark"));
  EXPECT_TRUE(ContainsWholeWord("Looping in David Perez.", "David Perez"));
  EXPECT_FALSE(ContainsWholeWord("Markus agreed", "Mark"));
  EXPECT_FALSE(ContainsWholeWord("a remark", "mark"));
  EXPECT_FALSE(ContainsWholeWord("mark it done", "Mark"));
  EXPECT_FALSE(ContainsWholeWord("Mark2", "Mark"));
  EXPECT_FALSE(ContainsWholeWord("anything", ""));
}

TEST(TextScanTest, ContentWords) {
  std::vector<std::string> words;
  AppendContentWords("Left a few comments in the Rollout plan; this looks good.", words);
  EXPECT_EQ(words, (std::vector<std::string>{"left", "comments", "rollout", "plan"}));
  EXPECT_TRUE(IsStopWord("this"));
  EXPECT_TRUE(IsStopWord("review"));
  EXPECT_FALSE(IsStopWord("rollout"));
  words.clear();
  AppendContentWords("Is it OK? Any update on this task?", words);
  EXPECT_TRUE(words.empty());
}

}  // namespace
}  // namespace asanasim
