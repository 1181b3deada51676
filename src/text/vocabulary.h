// Vocabularies and templates for tiers 1-2 of the text: companies, people, departments, and the
// per-department templates for projects, sections, tasks, descriptions and comments. Data, not
// code: they live in TOML files under prompts/packs/ (embedded in the binary; a directory with the
// same layout replaces them at run time, and `asanasim pack check DIR` checks one), parsed by
// toml++; generators pick rows from these tables; no department is special-cased in code.
// Thread-safe once loaded (immutable).
//
// Layout of a pack directory:
//   common.toml             what every org shares: company name parts, places, people's names,
//                           project notes, status updates, shared slots, custom fields, tags
//   <pack>/pack.toml        the industries the pack serves (one pack is the default, for the
//                           rest) and its departments, in Department order: "engineering" is
//                           <pack>/engineering.toml, "saas/people" another pack's file
//   saas/<department>.toml  a department: teams, titles, projects, workflow, fields, tags,
//                           [templates] and [slots]
//   saas/archetypes/<department>.toml   its archetypes ([[archetype]]) and the [slots] they add
//                           to the department's
//   saas/archetypes/<department>.llm.toml   optional: archetypes the LLM wrote (tier 3), in the
//                           same form without [slots]; tier 3 adds them for a run
//
// Templates contain slots "{name}". A slot resolves, in order, to the department's own slot
// table, then to the shared slot table, then to a context value the generator supplies (see
// src/text/template.h). Every template's slots must resolve: loading checks them all (naming the
// file and line of a template that does not), so no placeholder can reach the database.
#ifndef ASANASIM_SRC_TEXT_VOCABULARY_H_
#define ASANASIM_SRC_TEXT_VOCABULARY_H_

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

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
// The file stem of each department in a pack ("customer_success").
inline constexpr std::string_view kDepartmentFiles[kDepartmentCount] = {
    "engineering",      "product",    "design", "marketing", "sales",
    "customer_success", "operations", "people", "finance"};

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

// The moments of a task's life a comment can speak to (an archetype's comment script).
enum class Moment : uint8_t {
  kKickoff,   // the first comment: picking the work up
  kProgress,  // an update on the way
  kQuestion,  // a question to the next commenter ({to})
  kAnswer,    // that person's answer ({asker})
  kBlocker,   // what the work waits on
  kHandoff,   // the work changes hands
  kReview,    // asking for or giving a review
  kWrapup,    // the last word on finished work
  kReopen,    // why finished work is open again
};
inline constexpr int kMomentCount = 9;
inline constexpr std::string_view kMomentNames[kMomentCount] = {"kickoff", "progress", "question",
                                                                "answer",  "blocker",  "handoff",
                                                                "review",  "wrapup",   "reopen"};

// One kind of task, told as one story: a name, a description, the subtask checklist in the order
// the work happens, and comments by moment, all filled from one binding of their slots.
// An archetype's hint for one of its department's choice fields: the options its tasks usually
// carry ("priority = [\"High\", \"Urgent\"]" on an outage).
struct FieldHint {
  std::string_view field;  // CustomFieldSpec::key, an enum field of the department
  Words options;           // option names
};

struct Archetype {
  std::string_view id;  // "saas/engineering/memory-leak": the pack, the department file, its id
  double weight;        // relative frequency within the department
  Words names;
  Words descriptions;
  Words subtasks;
  Words tags;  // hints: tags of the department that suit it (a tagged task's)
  std::span<const FieldHint> fields;  // hints: usual options of choice fields
  double days = 0;                    // hint: median days from creation to done (0: the profile's)
  std::array<Words, kMomentCount> comments;  // empty where the archetype has none
  std::span<const Slot> slots;               // its own slots (searched before the department's)
  // Written by the LLM (tier 3: <pack>/archetypes/<department>.llm.toml), not by a person. A task
  // draws an LLM archetype with the run's --llm-share, and its text rows say 'llm'.
  bool llm = false;
};

struct DepartmentVocab {
  std::string_view name;
  std::string_view file;    // the pack and file stem it is read from: "saas/people"
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
  // The stories of its tasks (archetypes/<department>.toml, then the LLM's in
  // archetypes/<department>.llm.toml); empty: tasks use the templates.
  std::span<const Archetype> archetypes;
};

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

struct TagSpec {
  std::string_view name;
  std::string_view color;
  std::string_view notes;
};

// Companies.
struct CompanyKind {
  std::string_view word;      // "Analytics"
  std::string_view industry;  // "B2B SaaS"
};

struct Location {
  std::string_view city;
  std::string_view time_zone;  // IANA name; its offsets and DST come from tzdata (time_zone.h)
};

// The names of one culture ([[people.culture]] in common.toml): a person's first and last name
// come from the same one.
struct NameCulture {
  std::string_view id;
  double weight = 0;  // its share of people not drawn from their place's own culture
  Words homes;        // time zones (Location::time_zone) of the places where it is the local one
  Words first_names;
  Words last_names;
};

// Project status updates: titles ({date} is the update's day) and texts per status type (shared
// and context slots only).
enum class StatusType : uint8_t { kOnTrack, kAtRisk, kOffTrack, kOnHold, kComplete };
inline constexpr int kStatusTypeCount = 5;
std::string_view StatusTypeName(StatusType t);

// A pack: the departments of the organizations of some industries (B2B SaaS, fintech, ...). A
// pack may reuse another pack's department ("saas/people": what every company shares).
struct Pack {
  std::string_view name;  // its directory: "saas"
  Words industries;       // the organizations' industries it serves
  bool is_default;        // it also serves every industry no pack lists
  std::array<DepartmentVocab, kDepartmentCount> departments;

  const DepartmentVocab& department(Department d) const {
    return departments[static_cast<size_t>(d)];
  }
};

// A loaded vocabulary: one pack directory's tables, owning their text.
class Vocabulary {
 public:
  // The packs built into the binary (prompts/packs/), parsed once. They are checked by the
  // tests, so a failure here is a build defect: it aborts with the error.
  static const Vocabulary& BuiltIn();
  // The packs of directory `dir` (the layout above). Errors are InvalidArgument naming the file
  // and line of the first problem: TOML syntax, an unknown or missing key, a wrong type, a
  // template whose slot does not resolve, a department's unknown field or tag, a workflow
  // without every stage, a file that belongs to no pack. When `problems` is set it receives
  // every problem, one "file:line: message" each (`asanasim pack check`), and the warnings,
  // "file:line: warning: message", which leave the pack usable (a slot no template uses); the
  // checks that only warn run only then.
  static absl::StatusOr<std::unique_ptr<const Vocabulary>> Load(
      const std::string& dir, std::vector<std::string>* problems = nullptr);
  // The same from files given as (path relative to the pack directory, text); `origin` (the
  // directory) prefixes the paths in messages.
  static absl::StatusOr<std::unique_ptr<const Vocabulary>> Parse(
      std::span<const std::pair<std::string, std::string>> files, std::string_view origin = {},
      std::vector<std::string>* problems = nullptr);

  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  // Every pack, by directory name.
  std::span<const Pack> packs() const { return packs_; }
  // The pack of organizations of `industry`: the one listing it, else the default pack.
  const Pack& PackFor(std::string_view industry) const;
  const Pack& default_pack() const { return packs_[default_pack_]; }
  std::span<const Slot> shared_slots() const { return shared_slots_; }
  std::span<const CustomFieldSpec> fields() const { return fields_; }
  std::span<const TagSpec> tags() const { return tags_; }
  Words company_prefixes() const { return company_prefixes_; }
  Words company_suffixes() const { return company_suffixes_; }
  std::span<const CompanyKind> company_kinds() const { return company_kinds_; }
  std::span<const Location> headquarters() const { return headquarters_; }
  std::span<const Location> remote_locations() const { return remote_; }
  // Name cultures, and the share of a place's people whose names are of its local culture.
  std::span<const NameCulture> name_cultures() const { return cultures_; }
  double local_name_share() const { return local_name_share_; }
  // Project descriptions (shared and context slots only; {actor} is the owner).
  Words project_notes() const { return project_notes_; }
  // Status update titles ({date} is the update's day) and texts per status type.
  Words status_titles() const { return status_titles_; }
  Words status_texts(StatusType t) const { return status_texts_[static_cast<size_t>(t)]; }
  // Last lines an archetype's description may end with (shared and context slots; {person} is
  // someone on the task other than its creator).
  Words description_trailers() const { return description_trailers_; }
  // Hash of every source file's text, in path order: equal digests, equal vocabulary.
  const std::string& digest() const { return digest_; }
  // The source files (path relative to the pack directory, text), in path order, and the
  // directory they came from ("prompts/packs" for the built-in packs).
  std::span<const std::pair<std::string, std::string>> files() const { return files_; }
  const std::string& origin() const { return origin_; }
  // This vocabulary with `extra` files added (replacing files of the same path), parsed without
  // lint (the caller checked them): how tier 3 adds the LLM's archetypes for a run.
  absl::StatusOr<std::unique_ptr<const Vocabulary>> With(
      std::span<const std::pair<std::string, std::string>> extra) const;
  // The files a parse of pack `pack` alone needs: common.toml, the default pack's files, and
  // those of every pack whose departments it reuses (for checking one pack's file quickly).
  std::vector<std::pair<std::string, std::string>> FilesOf(const Pack& pack) const;

 private:
  friend class VocabularyParser;
  Vocabulary() = default;
  // Parse, with the lexicon's and the story rules' checks only when `lint` is set.
  static absl::StatusOr<std::unique_ptr<const Vocabulary>> ParseChecked(
      std::span<const std::pair<std::string, std::string>> files, std::string_view origin,
      std::vector<std::string>* problems, bool lint);

  std::deque<std::string> strings_;                  // owned text; a deque never moves it
  std::deque<std::vector<std::string_view>> lists_;  // owned word lists
  std::deque<std::vector<Slot>> slot_lists_;
  std::deque<std::vector<SectionSpec>> workflows_;
  std::deque<std::vector<EnumOptionSpec>> options_;
  std::deque<std::vector<Archetype>> archetypes_;
  std::deque<std::vector<FieldHint>> field_hints_;
  std::vector<Pack> packs_;
  size_t default_pack_ = 0;
  std::vector<Slot> shared_slots_;
  std::vector<CustomFieldSpec> fields_;
  std::vector<TagSpec> tags_;
  Words company_prefixes_;
  Words company_suffixes_;
  std::vector<CompanyKind> company_kinds_;
  std::vector<Location> headquarters_;
  std::vector<Location> remote_;
  std::vector<NameCulture> cultures_;
  double local_name_share_ = 0;
  Words project_notes_;
  Words status_titles_;
  std::array<Words, kStatusTypeCount> status_texts_{};
  Words description_trailers_;
  std::string digest_;
  std::vector<std::pair<std::string, std::string>> files_;
  std::string origin_;
};

// Story texts for system events ({actor}, {assignee}, {date} are context slots).
inline constexpr std::string_view kStoryCreated = "{actor} created this task";
inline constexpr std::string_view kStoryAssigned = "{actor} assigned to {assignee}";
inline constexpr std::string_view kStoryDueDate = "{actor} changed the due date to {date}";
inline constexpr std::string_view kStoryCompleted = "{actor} marked this task complete";
inline constexpr std::string_view kStoryIncomplete = "{actor} marked this task incomplete";
inline constexpr std::string_view kStoryUnassigned = "{actor} removed {assignee} as assignee";

}  // namespace asanasim

#endif  // ASANASIM_SRC_TEXT_VOCABULARY_H_
