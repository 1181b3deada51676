#include "src/text/vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "src/text/template.h"

namespace asanasim {
namespace {

// Every template of every department resolves, so no "{slot}" can reach the database.
TEST(VocabularyTest, EveryTemplateResolves) {
  for (int d = 0; d < kDepartmentCount; ++d) {
    const DepartmentVocab& v = VocabFor(static_cast<Department>(d));
    for (Words list : {v.project_templates, v.task_templates, v.subtask_templates,
                       v.description_templates, v.comment_templates, ProjectNoteTemplates()}) {
      ASSERT_FALSE(list.empty()) << v.name;
      for (std::string_view t : list) {
        std::string missing;
        EXPECT_TRUE(TemplateResolves(t, v.slots, &missing))
            << v.name << ": '" << t << "' lacks {" << missing << "}";
      }
    }
    for (int st = 0; st < kStatusTypeCount; ++st) {
      for (std::string_view t : StatusUpdateTemplates(static_cast<StatusType>(st))) {
        std::string missing;
        EXPECT_TRUE(TemplateResolves(t, v.slots, &missing)) << t << " lacks {" << missing << "}";
      }
    }
    for (std::string_view t : StatusUpdateTitles()) {
      std::string missing;
      EXPECT_TRUE(TemplateResolves(t, v.slots, &missing)) << t;
    }
    for (std::string_view t : {kStoryCreated, kStoryAssigned, kStoryDueDate, kStoryCompleted,
                               kStoryIncomplete, kStoryUnassigned}) {
      std::string missing;
      EXPECT_TRUE(TemplateResolves(t, v.slots, &missing)) << t;
    }
  }
}

TEST(VocabularyTest, DepartmentsReferenceKnownFieldsAndTags) {
  std::set<std::string_view> fields, tags;
  for (const CustomFieldSpec& f : CustomFieldCatalogue()) fields.insert(f.key);
  for (const TagSpec& t : TagCatalogue()) tags.insert(t.name);
  double weight = 0;
  for (int d = 0; d < kDepartmentCount; ++d) {
    const DepartmentVocab& v = VocabFor(static_cast<Department>(d));
    weight += v.headcount_weight;
    for (std::string_view k : v.field_keys) EXPECT_TRUE(fields.count(k)) << v.name << " " << k;
    for (std::string_view k : v.tag_names) EXPECT_TRUE(tags.count(k)) << v.name << " " << k;
    // Each workflow has a section for every stage.
    std::set<Stage> stages;
    for (const SectionSpec& s : v.sections) stages.insert(s.stage);
    EXPECT_EQ(stages.size(), 5u) << v.name;
  }
  EXPECT_NEAR(weight, 1.0, 1e-9);
}

TEST(TemplateTest, FillsSlotsAndCapitalizes) {
  static constexpr std::string_view kThings[] = {"gateway"};
  const Slot real[] = {{"thing", kThings}};
  TemplateContext c;
  c.department_slots = real;
  c.focus = "Platform";
  c.day = 20600;  // 2026-05-27
  c.date_day = 20600;
  Rng rng(StreamKey{}, 0);
  std::string out;
  AppendTemplate(out, "{thing} is slow. {thing} again in {quarter} {year} ({date}) for {focus}", c,
                 rng);
  EXPECT_EQ(out, "Gateway is slow. Gateway again in Q2 2026 (May 27) for Platform");
}

TEST(TemplateTest, UnknownSlotIsReported) {
  std::string missing;
  EXPECT_FALSE(TemplateResolves("Fix {nonexistent}", {}, &missing));
  EXPECT_EQ(missing, "nonexistent");
}

}  // namespace
}  // namespace asanasim
