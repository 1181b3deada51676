#include "src/text/vocabulary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "src/text/template.h"
#include "src/util/embedded_files.h"
#include "src/util/file.h"
#include "src/util/status.h"

namespace asanasim {
namespace {

// The built-in packs as files, for Parse.
std::vector<std::pair<std::string, std::string>> BuiltInFiles() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path.starts_with("packs/")) {
      files.emplace_back(std::string(f.path.substr(6)), std::string(f.text));
    }
  }
  return files;
}

// The built-in packs that `path` needs: common.toml, the saas pack (the default, whose
// departments others reuse) and `path`'s own pack (parsing all of them with every check, for
// each of many edits, would cost minutes under the sanitizers).
std::vector<std::pair<std::string, std::string>> FilesFor(const std::string& path) {
  const std::string pack = path.substr(0, path.find('/') + 1);
  std::vector<std::pair<std::string, std::string>> files = BuiltInFiles();
  std::erase_if(files, [&](const auto& f) {
    return !(f.first == "common.toml" || f.first.starts_with("saas/") ||
             (!pack.empty() && f.first.starts_with(pack)));
  });
  return files;
}

// The problems Parse reports for the built-in packs with `path`'s text edited by `edit`.
std::vector<std::string> ProblemsAfter(const std::string& path,
                                       const std::function<void(std::string&)>& edit) {
  std::vector<std::pair<std::string, std::string>> files = FilesFor(path);
  bool found = false;
  for (auto& [p, text] : files) {
    if (p == path) {
      edit(text);
      found = true;
    }
  }
  EXPECT_TRUE(found) << path;
  std::vector<std::string> problems;
  absl::StatusOr<std::unique_ptr<const Vocabulary>> v = Vocabulary::Parse(files, "dir", &problems);
  const bool warnings_only =
      std::all_of(problems.begin(), problems.end(),
                  [](const std::string& p) { return p.find(": warning: ") != std::string::npos; });
  EXPECT_EQ(v.ok(), warnings_only);
  return problems;
}

void Replace(std::string& text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

// The line of `text` (1-based) where `needle` first occurs.
int LineOf(const std::string& path, std::string_view needle) {
  for (const auto& [p, text] : BuiltInFiles()) {
    if (p != path) continue;
    const size_t at = text.find(needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  }
  return 0;
}

TEST(VocabularyTest, BuiltInPacksLoadWithoutProblems) {
  std::vector<std::string> problems;
  ASSERT_TRUE(Vocabulary::Parse(BuiltInFiles(), "prompts/packs", &problems).ok());
  EXPECT_TRUE(problems.empty());
  const Vocabulary& v = Vocabulary::BuiltIn();
  EXPECT_EQ(v.digest().size(), 32u);
  double weight = 0;
  for (int d = 0; d < kDepartmentCount; ++d) {
    const DepartmentVocab& dv = v.default_pack().department(static_cast<Department>(d));
    weight += dv.headcount_weight;
    EXPECT_FALSE(dv.task_templates.empty()) << dv.name;
    EXPECT_EQ(dv.sections.size() >= 5, true) << dv.name;
  }
  EXPECT_NEAR(weight, 1.0, 1e-9);
  EXPECT_EQ(v.default_pack().department(Department::kCustomerSuccess).name, "Customer Success");
  EXPECT_EQ(v.default_pack().name, "saas");
  EXPECT_EQ(&v.PackFor("B2B SaaS"), &v.default_pack());
  EXPECT_EQ(&v.PackFor("an industry no pack lists"), &v.default_pack());
  // Every pack's departments add up to one org, and its industries are its own.
  for (const Pack& pack : v.packs()) {
    double total = 0;
    for (int d = 0; d < kDepartmentCount; ++d)
      total += pack.department(static_cast<Department>(d)).headcount_weight;
    EXPECT_NEAR(total, 1.0, 1e-9) << pack.name;
    for (std::string_view industry : pack.industries) EXPECT_EQ(&v.PackFor(industry), &pack);
  }
  EXPECT_EQ(v.headquarters()[0].city, "San Francisco");
  EXPECT_EQ(v.status_texts(StatusType::kComplete).size(), 4u);
}

// The system story texts use context slots only.
TEST(VocabularyTest, StoryTextsResolve) {
  for (std::string_view t : {kStoryCreated, kStoryAssigned, kStoryDueDate, kStoryCompleted,
                             kStoryIncomplete, kStoryUnassigned}) {
    std::string missing;
    EXPECT_TRUE(TemplateResolves(t, {}, &missing)) << t;
  }
}

TEST(VocabularyTest, ProblemsNameTheFileAndLine) {
  const std::string eng = "saas/engineering.toml";
  // A template whose slot resolves nowhere.
  std::vector<std::string> p = ProblemsAfter(eng, [](std::string& t) {
    Replace(t, "\"Fix {bug} in {service}\",", "\"Fix {bugg} in {service}\",");
  });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], Cat("dir/", eng, ":", std::to_string(LineOf(eng, "Fix {bug} in {service}")),
                      ": template \"Fix {bugg} in {service}\": slot {bugg} does not resolve"));
  // An unknown key.
  p = ProblemsAfter(eng,
                    [](std::string& t) { Replace(t, "headcount_weight", "headcount_wieght"); });
  // ... and so the pack's departments no longer add up to one organization.
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NE(p[2].find("dir/saas/pack.toml:1: the departments' headcount_weight add up to 0.66"),
            std::string::npos)
      << p[2];
  EXPECT_EQ(p[0], Cat("dir/", eng, ":", std::to_string(LineOf(eng, "headcount_weight")),
                      ": unknown key 'headcount_wieght'"));
  EXPECT_EQ(p[1], Cat("dir/", eng, ":1: missing key 'headcount_weight'"));
  // TOML syntax.
  p = ProblemsAfter(eng, [](std::string& t) { Replace(t, "name = \"Engineering\"", "name = "); });
  ASSERT_FALSE(p.empty());
  EXPECT_TRUE(p[0].starts_with(
      Cat("dir/", eng, ":", std::to_string(LineOf(eng, "name = \"Engineering\"")), ": ")))
      << p[0];
  // A slot no template uses.
  p = ProblemsAfter(eng,
                    [](std::string& t) { Replace(t, "[slots]\n", "[slots]\nunused = [\"x\"]\n"); });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], Cat("dir/", eng, ":", std::to_string(LineOf(eng, "\n[slots]") + 2),
                      ": warning: slot 'unused' is used by no template"));
  // A department's field that common.toml does not define.
  p = ProblemsAfter(eng, [](std::string& t) { Replace(t, "\"story_points\",", "\"story_pts\","); });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], Cat("dir/", eng, ":", std::to_string(LineOf(eng, "\"story_points\",")),
                      ": field 'story_pts' is not a [[field]] of common.toml"));
  // A workflow without a review stage.
  p = ProblemsAfter(eng,
                    [](std::string& t) { Replace(t, "stage = \"review\"", "stage = \"doing\""); });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("workflow needs a section of every stage"), std::string::npos) << p[0];
  // A missing department file, and a stray one.
  std::vector<std::pair<std::string, std::string>> files = BuiltInFiles();
  for (auto& [path, text] : files) {
    if (path == "saas/finance.toml") path = "saas/finanse.toml";
  }
  std::vector<std::string> problems;
  EXPECT_FALSE(Vocabulary::Parse(files, "dir", &problems).ok());
  // The packs that reuse it miss it too (and their weights no longer add up); its archetypes
  // have no department now: that file is stray, as is the misnamed one.
  const auto has = [&](const std::string& text) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
  };
  EXPECT_EQ(problems[0], "dir/saas/finance.toml: missing");
  EXPECT_TRUE(has("dir/saas/archetypes/finance.toml: not part of the pack"));
  EXPECT_TRUE(has("dir/saas/finanse.toml: not part of the pack"));
  EXPECT_TRUE(has("dir/saas/pack.toml:1: the departments' headcount_weight add up to"));
}

// The lexicon's facts (src/text/lexicon.h), checked on every template and slot value.
TEST(VocabularyTest, LexiconProblems) {
  const std::string sales = "saas/sales.toml";
  std::vector<std::string> p = ProblemsAfter(sales, [](std::string& t) {
    Replace(t, "\"Logged notes in {tool}.\",", "\"Logged notes in Okta.\",");
  });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_EQ(p[0], Cat("dir/", sales, ":", std::to_string(LineOf(sales, "Logged notes in {tool}")),
                      ": \"Logged notes in Okta.\": a record kept in Okta, a tool this "
                      "department does not use"));
  p = ProblemsAfter(sales, [](std::string& t) {
    Replace(t, "\"Logged notes in {tool}.\",", "\"Moved the notes to Github.\",");
  });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find(": 'Github' is written 'GitHub'"), std::string::npos) << p[0];
  const std::string cs = "saas/customer_success.toml";
  p = ProblemsAfter(cs, [](std::string& t) {
    Replace(t, "Health score dropped to red: {metric_up} is down.",
            "Health score dropped to red: {metric} is down.");
  });
  // (and metric_up is now used by no template: a warning)
  ASSERT_EQ(p.size(), 2u) << testing::PrintToString(p);
  EXPECT_NE(p[0].find(": {metric} has no good direction"), std::string::npos) << p[0];
  EXPECT_NE(p[1].find("warning: slot 'metric_up' is used by no template"), std::string::npos)
      << p[1];
  p = ProblemsAfter(cs, [](std::string& t) {
    Replace(t, "Health score dropped to red: {metric_up} is down.",
            "Health score dropped to red: {metric_up} is up.");
  });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("tells a metric's move the wrong way round"), std::string::npos) << p[0];
}

// The values schema.sql's CHECKs bound are checked when a pack is read, with its file and line:
// the writer does not evaluate CHECKs during the load, so nothing else would stop them.
TEST(VocabularyTest, ValuesTheSchemaBoundsAreChecked) {
  const std::string common = "common.toml";
  std::vector<std::string> p = ProblemsAfter(
      common, [](std::string& t) { Replace(t, "color = \"dark-red\"", "color = \"purple\""); });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_EQ(p[0], Cat("dir/common.toml:", std::to_string(LineOf(common, "color = \"dark-red\"")),
                      ": tag color 'purple' is not one of Asana's (dark-|light-)pink, green, blue, "
                      "red, teal, brown, orange, purple, warm-gray"));
  // Every one of the schema's colors is taken (one tag each, in one parse).
  EXPECT_TRUE(ProblemsAfter(common, [](std::string& t) {
                for (const char* color :
                     {"dark-pink", "dark-green", "dark-blue", "dark-red", "dark-teal", "dark-brown",
                      "dark-orange", "dark-purple", "dark-warm-gray", "light-pink", "light-green",
                      "light-blue", "light-red", "light-teal", "light-brown", "light-orange",
                      "light-purple", "light-warm-gray"}) {
                  t += Cat("\n[[tag]]\nname = \"x-", color, "\"\ncolor = \"", color,
                           "\"\nnotes = \"n\"\n");
                }
              }).empty());
  for (const char* precision : {"7", "-1", "1.5"}) {
    p = ProblemsAfter(common, [&](std::string& t) {
      Replace(t, "precision = 1\n", Cat("precision = ", precision, "\n"));
    });
    ASSERT_EQ(p.size(), 1u) << precision << testing::PrintToString(p);
    EXPECT_EQ(p[0], Cat("dir/common.toml:", std::to_string(LineOf(common, "precision = 1\n")),
                        ": precision must be a whole number from 0 to 6"));
  }
  // An empty item in a list (here an archetype's name templates; a task's name is CHECKed
  // non-empty).
  const std::string eng = "saas/archetypes/engineering.toml";
  p = ProblemsAfter(eng,
                    [](std::string& t) { Replace(t, "names = [\n", "names = [\n  \" \",\n"); });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_EQ(p[0], Cat("dir/", eng, ":", std::to_string(LineOf(eng, "names = [\n") + 1),
                      ": names: an item is empty"));
}

TEST(VocabularyTest, FieldHintProblems) {
  const std::string eng = "saas/archetypes/engineering.toml";
  const std::string hint = "fields = { priority = \"Urgent\", severity = \"S1 - Critical\" }";
  std::vector<std::string> p = ProblemsAfter(
      eng, [&](std::string& t) { Replace(t, hint, "fields = { priority = \"Critical\" }"); });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_NE(p[0].find(": 'Critical' is not an option of field 'priority' (Low, Medium, High, "
                      "Urgent)"),
            std::string::npos)
      << p[0];
  p = ProblemsAfter(eng,
                    [&](std::string& t) { Replace(t, hint, "fields = { health = \"Red\" }"); });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_NE(p[0].find(": field 'health' is not one of the department's fields"), std::string::npos)
      << p[0];
  p = ProblemsAfter(eng, [&](std::string& t) { Replace(t, hint, "fields = { sprint = \"S1\" }"); });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_NE(p[0].find(": field 'sprint' takes no hint: only choice fields do"), std::string::npos)
      << p[0];
  // A typical duration out of range.
  p = ProblemsAfter(eng, [](std::string& t) { Replace(t, "days = 15\n", "days = 400\n"); });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_NE(p[0].find(": days must be more than 0 and at most 90"), std::string::npos) << p[0];
}

TEST(VocabularyTest, NameCultureProblems) {
  const std::string common = "common.toml";
  // A home that is no place's time zone.
  std::vector<std::string> p = ProblemsAfter(common, [](std::string& t) {
    Replace(t, "homes = [\"Asia/Tokyo\"]", "homes = [\"Asia/Tokio\"]");
  });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], Cat("dir/common.toml:", std::to_string(LineOf(common, "\"Asia/Tokyo\"]")),
                      ": home 'Asia/Tokio' is the time zone of no place in [places]"));
  // A name that is a first and a last name of one culture ("Kenji Kenji").
  p = ProblemsAfter(common, [](std::string& t) {
    Replace(t, "last_names = [\"Sato\",", "last_names = [\"Kenji\",");
  });
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find(": 'Kenji' is both a first and a last name of culture 'japanese'"),
            std::string::npos)
      << p[0];
  // A culture defined twice, and a local share that is not a share.
  p = ProblemsAfter(common, [](std::string& t) {
    Replace(t, "id = \"korean\"", "id = \"japanese\"");
    Replace(t, "local_share = 0.6", "local_share = 1.5");
  });
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NE(p[0].find("local_share must be between 0 and 1"), std::string::npos) << p[0];
  EXPECT_NE(p[1].find("culture 'japanese' is defined twice"), std::string::npos) << p[1];
}

TEST(VocabularyTest, PackGivesAReusedDepartmentItsOwnSlotValues) {
  // climate reuses saas/operations; its [slots.operations] also gives a shared slot (the
  // customers' kinds) its own values there.
  std::vector<std::pair<std::string, std::string>> files = FilesFor("climate/pack.toml");
  for (auto& [p, text] : files) {
    if (p == "climate/pack.toml") {
      const size_t at = text.find("[slots.operations]\n");
      ASSERT_NE(at, std::string::npos);
      const size_t line = text.find("co_kind = [", at);
      ASSERT_NE(line, std::string::npos);
      text.replace(line, 11, "co_kind = [\"Solar Cooperative\", ");
    }
  }
  std::vector<std::string> problems;
  absl::StatusOr<std::unique_ptr<const Vocabulary>> v = Vocabulary::Parse(files, "dir", &problems);
  ASSERT_TRUE(v.ok()) << v.status();
  const auto co_kind = [&](std::string_view pack, Department d) -> Words {
    for (const Pack& p : (*v)->packs()) {
      if (p.name != pack) continue;
      for (const Slot& s : p.department(d).slots) {
        if (s.name == "co_kind") return s.values;
      }
    }
    return {};
  };
  ASSERT_FALSE(co_kind("climate", Department::kOperations).empty());
  EXPECT_EQ(co_kind("climate", Department::kOperations)[0], "Solar Cooperative");
  EXPECT_TRUE(co_kind("saas", Department::kOperations).empty()) << "the saas pack's is shared";
  // A slot that is neither the department's nor shared is a problem.
  const std::vector<std::string> p = ProblemsAfter("climate/pack.toml", [](std::string& t) {
    Replace(t, "[slots.operations]\n", "[slots.operations]\nno_such_slot = [\"x\"]\n");
  });
  ASSERT_EQ(p.size(), 1u) << testing::PrintToString(p);
  EXPECT_NE(p[0].find("slot 'no_such_slot' is not a slot of the department operations"),
            std::string::npos)
      << p[0];
}

TEST(VocabularyTest, LlmArchetypesJoinTheirOwnPacksDepartmentOnly) {
  // saas/archetypes/operations.llm.toml joins saas's Operations; climate, which reuses
  // saas/operations, gets its own from climate/archetypes/operations.llm.toml instead.
  const auto llm_file = [](std::string_view id) {
    return std::string("[[archetype]]\nid = \"") + std::string(id) +
           "\"\nnames = [\"Review the {n|vendor|vendors} with {person}\"]\n"
           "descriptions = [\"Go through the open vendor questions with {person}.\"]\n"
           "subtasks = [\"List the vendors\", \"Agree owners\"]\n"
           "[archetype.comments]\nprogress = [\"Went through the vendors with {person}.\"]\n";
  };
  std::vector<std::pair<std::string, std::string>> files = FilesFor("climate/pack.toml");
  files.emplace_back("saas/archetypes/operations.llm.toml", llm_file("llm-saas-vendors"));
  files.emplace_back("climate/archetypes/operations.llm.toml", llm_file("llm-climate-vendors"));
  std::vector<std::string> problems;
  absl::StatusOr<std::unique_ptr<const Vocabulary>> v = Vocabulary::Parse(files, "dir", &problems);
  ASSERT_TRUE(v.ok()) << v.status();
  const auto llm_ids = [&](std::string_view pack) {
    std::vector<std::string> ids;
    for (const Pack& p : (*v)->packs()) {
      if (p.name != pack) continue;
      for (const Archetype& a : p.department(Department::kOperations).archetypes) {
        if (a.llm) ids.emplace_back(a.id);
      }
      EXPECT_FALSE(p.department(Department::kOperations).archetypes.front().llm);
    }
    return ids;
  };
  EXPECT_EQ(llm_ids("saas"), std::vector<std::string>{"saas/operations/llm-saas-vendors"});
  EXPECT_EQ(llm_ids("climate"), std::vector<std::string>{"climate/operations/llm-climate-vendors"});
  // An LLM file holds archetypes only, and their ids must not clash with the department's.
  files.pop_back();
  files.emplace_back("saas/archetypes/engineering.llm.toml",
                     "[slots]\nx = [\"y\"]\n" + llm_file("memory-leak"));
  EXPECT_FALSE(Vocabulary::Parse(files, "dir", &problems).ok());
  const std::string all = testing::PrintToString(problems);
  EXPECT_NE(all.find("unknown key 'slots'"), std::string::npos) << all;
  EXPECT_NE(all.find("archetype id 'memory-leak' is used twice"), std::string::npos) << all;
}

TEST(VocabularyTest, LoadReadsADirectoryAndReportsTheFirstProblem) {
  const std::string dir = ::testing::TempDir() + "/packs_load_test";
  std::filesystem::remove_all(dir);
  for (const auto& [path, text] : BuiltInFiles()) {
    std::filesystem::create_directories(std::filesystem::path(dir + "/" + path).parent_path());
    ASSERT_TRUE(WriteFileAtomically(dir + "/" + path, text).ok());
  }
  absl::StatusOr<std::unique_ptr<const Vocabulary>> v = Vocabulary::Load(dir);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ((*v)->digest(), Vocabulary::BuiltIn().digest());
  std::filesystem::remove(dir + "/saas/sales.toml");
  v = Vocabulary::Load(dir);
  ASSERT_FALSE(v.ok());
  EXPECT_TRUE(
      std::string(v.status().message()).starts_with(Cat(dir, "/saas/sales.toml: missing (and ")))
      << v.status();
  EXPECT_FALSE(Vocabulary::Load(dir + "/nonexistent").ok());
  std::filesystem::remove_all(dir);
}

TEST(TemplateTest, FillsSlotsAndCapitalizes) {
  static constexpr std::string_view kThings[] = {"gateway"};
  const Slot real[] = {{"thing", kThings}};
  TemplateContext c;
  c.slots.department = real;
  c.focus = "Platform";
  c.day = 20600;  // 2026-05-27
  c.date_day = 20600;
  Rng rng(StreamKey{}, 0);
  std::string out;
  AppendTemplate(out, "{thing} is slow. {thing} again in {quarter} {year} ({date}) for {focus}", c,
                 rng);
  EXPECT_EQ(out, "Gateway is slow. Gateway again in Q2 2026 (May 27) for Platform");
  // A dot inside a name opens no sentence; a word with a capital inside keeps its case.
  static constexpr std::string_view kNames[] = {"com"};
  static constexpr std::string_view kApps[] = {"iOS app"};
  const Slot names[] = {{"tld", kNames}, {"app", kApps}};
  c.slots.department = names;
  out.clear();
  AppendTemplate(out, "Pay with Checkout.{tld}. {app} first.", c, rng);
  EXPECT_EQ(out, "Pay with Checkout.com. iOS app first.");
  // A possessive after a name ending in s.
  static constexpr std::string_view kAccounts[] = {"Cobalt Hotels"};
  const Slot accounts[] = {{"account", kAccounts}};
  c.slots.department = accounts;
  out.clear();
  AppendTemplate(out, "{account}'s renewal, {account}'s team, {account}'sx", c, rng);
  EXPECT_EQ(out, "Cobalt Hotels' renewal, Cobalt Hotels' team, Cobalt Hotels'sx");
}

TEST(TemplateTest, UnknownSlotIsReported) {
  std::string missing;
  EXPECT_FALSE(TemplateResolves("Fix {nonexistent}", {}, &missing));
  EXPECT_EQ(missing, "nonexistent");
}

}  // namespace
}  // namespace asanasim
