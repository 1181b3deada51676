// Every random stream of the program, in one list. Thread-safe (constants and pure functions).
//
// A draw is keyed by what it decides and positioned by whom it is for (src/rng/rng.h has the
// seeding essay):
//
//     key      = K(seed, kind number, purpose number)
//     counter  = (block, index, team, org)
//
// `Kind` names the entity a draw is for (a user, a task, a story...) and `Purpose` the decision
// (its due date, its assignee...). This file owns both lists and the rules that keep every stream
// of a run distinct:
//   1. No two purposes share a key: a purpose's number is unique among the purposes of each kind
//      it is drawn for (checked at compile time below), and each purpose lists those kinds
//      (checked on every stream in debug builds).
//   2. No two entities share a counter: org, team (the job) and index (the entity's local index)
//      each have a 32-bit word; index < 2^32 (rng.h's contract, and ids.h's static_assert that
//      local indexes fit it).
//   3. A second stream for the same entity and decision is a new purpose, never an index trick.
// The numbers are part of the output's definition: never renumber, never reuse; a new purpose
// takes kNextPurposeNumber and increments it.
#ifndef ASANASIM_SRC_MODEL_STREAMS_H_
#define ASANASIM_SRC_MODEL_STREAMS_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "src/rng/rng.h"

namespace asanasim {

// What an entity stream is for. Values are part of the output's definition: never renumber.
enum class Kind : uint32_t {
  kOrganization = 1,
  kUser = 2,
  kTeam = 3,
  kMembership = 4,
  kCustomField = 5,
  kTag = 6,
  kProject = 7,
  kSection = 8,
  kTask = 9,
  kSubtask = 10,
  kStory = 11,
  kFieldValue = 12,
};

inline constexpr uint32_t KindBit(Kind k) { return 1u << static_cast<uint32_t>(k); }

// The decisions. Enumerator values only index kPurposes; the number in the key is the row's.
enum class Purpose : uint8_t {
  // Planning an org (src/plan).
  kCompany,
  kDepartmentWeights,
  kDepartmentShuffle,
  kTeamShuffle,
  kUserName,
  kUserPlace,
  kUserTitle,
  kUserAdmin,
  kUserJoined,
  kExtraTeams,
  kTeamCreated,
  kSprintBase,
  // The org-level job's rows (src/gen/org_rows.cc).
  kTeamVisibility,
  kMembershipJoined,
  kFieldCreated,
  kTagCreated,
  // A team job: projects (src/gen/project_setup.cc).
  kProjectShape,
  kProjectText,
  kProjectMembers,
  kProjectOrder,
  kTaskCount,
  kProjectStatus,
  kProjectStatusText,
  // A team job: tasks and subtasks (src/gen/task_lifecycle.cc, history.cc, text_binding.cc).
  kTaskTime,
  kTaskPeople,
  kTaskCompletion,
  kTaskDue,
  kTaskName,
  kTaskNotes,
  kTaskSection,
  kTaskSubtasks,
  kTaskStories,
  kTaskComments,
  kTaskFields,
  kTaskTags,
  kTaskFollowers,
  kTaskHistory,
  kTaskLinks,
  kTaskFieldChanges,
  kTextTier,       // whether a task's story is an LLM archetype: only drawn where there are some
  kStoryText,      // the text, source and pin of a task's stories
  kStoryTextTier,  // unused since tier 3 writes archetypes (kept: it numbers the ones after it)
  kProjectQuiet,   // whether and when an open project goes quiet
  kTaskAbandon,    // whether and when a task goes stale
  kTaskTriage,     // whether an assigned task waited in the backlog, and for how long
  kTaskDuePushes,  // due dates pushed out after they passed
  kStoryScript,    // which moment of its archetype's script each comment of a task speaks to
  kFieldText,      // the words of a task's text custom field values
  kTaskArchetype,  // which archetype of its department a top-level task's story is
};

struct PurposeSpec {
  Purpose purpose;
  std::string_view name;
  uint32_t number;  // in the key, with the kind's number
  uint32_t kinds;   // KindBit()s of the kinds it is drawn for
};

inline constexpr uint32_t kTaskKinds = KindBit(Kind::kTask) | KindBit(Kind::kSubtask);

// One row per purpose, in enumerator order.
inline constexpr PurposeSpec kPurposes[] = {
    {Purpose::kCompany, "company", 1, KindBit(Kind::kOrganization)},
    {Purpose::kDepartmentWeights, "department_weights", 2, KindBit(Kind::kOrganization)},
    {Purpose::kDepartmentShuffle, "department_shuffle", 3, KindBit(Kind::kUser)},
    {Purpose::kTeamShuffle, "team_shuffle", 4, KindBit(Kind::kTeam)},
    {Purpose::kUserName, "user_name", 5, KindBit(Kind::kUser)},
    {Purpose::kUserPlace, "user_place", 6, KindBit(Kind::kUser)},
    {Purpose::kUserTitle, "user_title", 7, KindBit(Kind::kUser)},
    {Purpose::kUserAdmin, "user_admin", 8, KindBit(Kind::kUser)},
    {Purpose::kUserJoined, "user_joined", 9, KindBit(Kind::kUser)},
    {Purpose::kExtraTeams, "extra_teams", 10, KindBit(Kind::kMembership)},
    {Purpose::kTeamCreated, "team_created", 11, KindBit(Kind::kTeam)},
    {Purpose::kSprintBase, "sprint_base", 13, KindBit(Kind::kCustomField)},
    {Purpose::kTeamVisibility, "team_visibility", 1, KindBit(Kind::kTeam)},
    {Purpose::kMembershipJoined, "membership_joined", 2, KindBit(Kind::kMembership)},
    {Purpose::kFieldCreated, "field_created", 3, KindBit(Kind::kCustomField)},
    {Purpose::kTagCreated, "tag_created", 4, KindBit(Kind::kTag)},
    {Purpose::kProjectShape, "project_shape", 1, KindBit(Kind::kProject)},
    {Purpose::kProjectText, "project_text", 2, KindBit(Kind::kProject)},
    {Purpose::kProjectMembers, "project_members", 3, KindBit(Kind::kProject)},
    {Purpose::kProjectOrder, "project_order", 4, KindBit(Kind::kProject)},
    {Purpose::kTaskCount, "task_count", 5, KindBit(Kind::kProject)},
    {Purpose::kProjectStatus, "project_status", 22, KindBit(Kind::kProject)},
    {Purpose::kProjectStatusText, "project_status_text", 24, KindBit(Kind::kProject)},
    {Purpose::kTaskTime, "task_time", 6, kTaskKinds},
    {Purpose::kTaskPeople, "task_people", 7, kTaskKinds},
    {Purpose::kTaskCompletion, "task_completion", 8, kTaskKinds},
    {Purpose::kTaskDue, "task_due", 9, kTaskKinds},
    {Purpose::kTaskName, "task_name", 10, kTaskKinds},
    {Purpose::kTaskNotes, "task_notes", 11, kTaskKinds},
    {Purpose::kTaskSection, "task_section", 12, KindBit(Kind::kTask)},
    {Purpose::kTaskSubtasks, "task_subtasks", 13, kTaskKinds},
    {Purpose::kTaskStories, "task_stories", 14, kTaskKinds},
    {Purpose::kTaskComments, "task_comments", 15, kTaskKinds},
    {Purpose::kTaskFields, "task_fields", 16, KindBit(Kind::kFieldValue)},
    {Purpose::kTaskTags, "task_tags", 17, KindBit(Kind::kTask)},
    {Purpose::kTaskFollowers, "task_followers", 18, kTaskKinds},
    {Purpose::kTaskHistory, "task_history", 19, kTaskKinds},
    {Purpose::kTaskLinks, "task_links", 20, KindBit(Kind::kTask)},
    {Purpose::kTaskFieldChanges, "task_field_changes", 21, KindBit(Kind::kFieldValue)},
    {Purpose::kTextTier, "text_tier", 23, kTaskKinds},
    {Purpose::kStoryText, "story_text", 25, kTaskKinds},
    {Purpose::kStoryTextTier, "story_text_tier", 26, kTaskKinds},
    {Purpose::kProjectQuiet, "project_quiet", 27, KindBit(Kind::kProject)},
    {Purpose::kTaskAbandon, "task_abandon", 28, KindBit(Kind::kTask)},
    {Purpose::kTaskTriage, "task_triage", 29, kTaskKinds},
    {Purpose::kTaskDuePushes, "task_due_pushes", 30, kTaskKinds},
    {Purpose::kStoryScript, "story_script", 31, kTaskKinds},
    {Purpose::kFieldText, "field_text", 32, KindBit(Kind::kFieldValue)},
    {Purpose::kTaskArchetype, "task_archetype", 33, KindBit(Kind::kTask)},
};
inline constexpr size_t kPurposeCount = sizeof(kPurposes) / sizeof(kPurposes[0]);
inline constexpr uint32_t kNextPurposeNumber = 34;

namespace streams_internal {
consteval bool RowsInEnumeratorOrder() {
  for (size_t i = 0; i < kPurposeCount; ++i) {
    if (static_cast<size_t>(kPurposes[i].purpose) != i) return false;
  }
  return true;
}
consteval bool KeysAreDistinct() {
  for (size_t i = 0; i < kPurposeCount; ++i) {
    if (kPurposes[i].number == 0 || kPurposes[i].number >= kNextPurposeNumber) return false;
    for (size_t j = i + 1; j < kPurposeCount; ++j) {
      if (kPurposes[i].number == kPurposes[j].number &&
          (kPurposes[i].kinds & kPurposes[j].kinds) != 0)
        return false;
    }
  }
  return true;
}
}  // namespace streams_internal
static_assert(streams_internal::RowsInEnumeratorOrder(), "kPurposes rows follow Purpose's order");
static_assert(streams_internal::KeysAreDistinct(),
              "two purposes share a (kind, number) key, or a number is past kNextPurposeNumber");

inline constexpr const PurposeSpec& Spec(Purpose p) { return kPurposes[static_cast<size_t>(p)]; }

// Where streams are drawn: the run's seed, the org, and the job (0 = the org-level job and the
// planner; team t's job is t + 1).
struct StreamScope {
  uint64_t seed = 0;
  uint32_t org = 0;
  uint32_t team = 0;
};

// The stream of entity `index` for `purpose` of `kind` in `scope`.
// REQUIRES: kind is one of the purpose's kinds; index < kStreamIndexLimit (both checked in debug
// builds).
inline Rng Stream(const StreamScope& scope, Kind kind, Purpose purpose, uint64_t index) {
  assert((Spec(purpose).kinds & KindBit(kind)) != 0 && "a purpose drawn for a kind not listed");
  return Rng(StreamKey{.seed = scope.seed,
                       .org = scope.org,
                       .team = scope.team,
                       .kind = static_cast<uint32_t>(kind),
                       .purpose = Spec(purpose).number},
             index);
}

}  // namespace asanasim

#endif  // ASANASIM_SRC_MODEL_STREAMS_H_
