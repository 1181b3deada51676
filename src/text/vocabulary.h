// Vocabularies and templates for tiers 1-2 of the text: companies, people, departments, and the
// per-department templates for projects, sections, tasks, descriptions and comments. Data, not
// code: generators pick rows from these tables; no department is special-cased in code.
// Thread-safe (immutable constants).
//
// Templates contain slots "{name}". A slot resolves, in order, to the department's own slot
// table, then to the shared slot table, then to a context value the generator supplies (see
// src/text/template.h). Every template's slots must resolve: tests/text/vocabulary_test.cc
// checks them all, so no placeholder can reach the database.
#ifndef ASANASIM_SRC_TEXT_VOCABULARY_H_
#define ASANASIM_SRC_TEXT_VOCABULARY_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace asanasim {

using Words = std::span<const std::string_view>;

enum class Department : uint8_t {
  kEngineering = 0,
  kProduct,
  kDesign,
  kMarketing,
  kSales,
  kCustomerSuccess,
  kOperations,
  kPeople,
  kFinance,
};
inline constexpr int kDepartmentCount = 9;

// Where a section sits in a workflow; decides which tasks it holds.
enum class Stage : uint8_t { kBacklog, kTodo, kDoing, kReview, kDone };

struct SectionSpec {
  std::string_view name;
  Stage stage;
};

struct Slot {
  std::string_view name;
  Words values;
};

struct DepartmentVocab {
  std::string_view name;
  double headcount_weight;  // share of an org's people, before jitter
  Words team_focuses;       // what distinguishes its teams ("Platform", "Payments")
  Words titles;             // individual contributor titles, commonest first
  Words lead_titles;        // team lead titles
  Words project_templates;
  std::span<const SectionSpec> sections;  // the workflow of its projects, in board order
  Words task_templates;
  Words subtask_templates;
  Words description_templates;
  Words comment_templates;
  std::span<const Slot> slots;
  Words field_keys;  // custom fields its projects carry (see CustomFieldSpec)
  Words tag_names;   // tags its tasks draw from (see TagSpec)
};

const DepartmentVocab& VocabFor(Department d);

// Cross-department slots ({account}, {region}, {tool}, ...).
std::span<const Slot> SharedSlots();

// Custom field catalogue.
enum class FieldType : uint8_t { kText, kNumber, kEnum, kDate, kPeople };
struct EnumOptionSpec {
  std::string_view name;
  std::string_view color;
  double weight;
};
// Number values: a log-normal with this median and sigma, rounded to `precision` digits; or,
// when `fibonacci`, a story-point value.
struct CustomFieldSpec {
  std::string_view key;
  std::string_view name;
  std::string_view description;
  FieldType type;
  std::string_view format;         // none|currency|percentage|custom|duration
  int precision;                   // numbers only
  std::string_view currency_code;  // currency only
  std::string_view custom_label;   // custom only
  std::span<const EnumOptionSpec> options;
  double fill_rate;  // share of tasks with a value
  double number_median;
  double number_sigma;
  bool fibonacci;
  bool sprint;  // enum options are generated sprints, picked by date
};
std::span<const CustomFieldSpec> CustomFieldCatalogue();

struct TagSpec {
  std::string_view name;
  std::string_view color;
  std::string_view notes;
};
std::span<const TagSpec> TagCatalogue();

// Companies.
struct CompanyKind {
  std::string_view word;      // "Analytics"
  std::string_view industry;  // "B2B SaaS"
};
Words CompanyPrefixes();
Words CompanySuffixes();
std::span<const CompanyKind> CompanyKinds();

struct Location {
  std::string_view city;
  std::string_view time_zone;  // IANA name; its offsets and DST come from tzdata (time_zone.h)
};
std::span<const Location> Headquarters();
std::span<const Location> RemoteLocations();

Words FirstNames();
Words LastNames();

// Project descriptions (shared and context slots only; {actor} is the owner).
Words ProjectNoteTemplates();

// Project status updates: titles ({date} is the update's day) and texts per status type (shared
// and context slots only).
enum class StatusType : uint8_t { kOnTrack, kAtRisk, kOffTrack, kOnHold, kComplete };
inline constexpr int kStatusTypeCount = 5;
std::string_view StatusTypeName(StatusType t);
Words StatusUpdateTitles();
Words StatusUpdateTemplates(StatusType t);

// Story texts for system events ({actor}, {assignee}, {date} are context slots).
inline constexpr std::string_view kStoryCreated = "{actor} created this task";
inline constexpr std::string_view kStoryAssigned = "{actor} assigned to {assignee}";
inline constexpr std::string_view kStoryDueDate = "{actor} changed the due date to {date}";
inline constexpr std::string_view kStoryCompleted = "{actor} marked this task complete";
inline constexpr std::string_view kStoryIncomplete = "{actor} marked this task incomplete";
inline constexpr std::string_view kStoryUnassigned = "{actor} removed {assignee} as assignee";

}  // namespace asanasim

#endif  // ASANASIM_SRC_TEXT_VOCABULARY_H_
