// Text binding, the phase of a team job that puts words on facts already drawn: a project's name,
// description and look; its status updates' titles and text; a task's name and description; and
// the text of every story of its history (comments, system stories saying what changed).
// A top-level task is told as one story: an archetype of its department (vocabulary.h) whose
// slots are bound once, so its name, description, subtasks (the archetype's checklist, in order)
// and comments (the archetype's script: kickoff, question and answer, blocker, hand-off, review,
// wrap-up, reopen, progress, chosen from what the history shows) speak of one thing. People named
// in a comment are the task's participants other than its author. Text never decides a fact: it
// reads the project, the task and its history, and draws only from text streams (project_text,
// project_status_text, task_name, task_notes, text_tier, story_text, story_text_tier).
// Thread-compatible (one per team job; reuses its buffers).
#ifndef ASANASIM_SRC_GEN_TEXT_BINDING_H_
#define ASANASIM_SRC_GEN_TEXT_BINDING_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "src/gen/team_context.h"
#include "src/gen/work_state.h"

namespace asanasim {

struct ProjectText {
  std::string name;
  std::string notes;  // empty: no description
  // Its look, drawn from the same stream after the words.
  std::string_view color;
  std::string_view view;
  std::string_view privacy;
};

struct StatusText {
  std::string title;
  std::string text;
};

class TextBinder {
 public:
  explicit TextBinder(const TeamContext& team);
  TextBinder(const TextBinder&) = delete;
  TextBinder& operator=(const TextBinder&) = delete;

  // The words of project `local`, created by `owner` at `created`. A team does not run two
  // projects of the same name (a clash is redrawn a few times). Starts a new project: task
  // names are unique within it from here on.
  const ProjectText& BindProject(uint32_t local, uint32_t owner, int64_t created);

  // Title and text of each of project `local`'s status updates, in order.
  const std::vector<StatusText>& BindStatusUpdates(uint32_t local,
                                                   std::span<const StatusDraft> statuses);

  // Starts a top-level task's story (at `depth` 0; `local` is the task's job-local index):
  // picks its archetype (null when the department has none), whose hints the task's facts and
  // history follow. A subtask continues its parent's story: the result
  // is that story's archetype. Call before BindTask, for every task.
  const Archetype* ChooseStory(int depth, uint64_t local);

  // A task's name, description and stories' text. `projects` are the team's projects so far
  // (stories may name another one); `project` is the task's home, whose `tasks` are the earlier
  // top-level tasks (a dependency story names one).
  const TaskText& BindTask(std::span<const ProjectState> projects, const ProjectState& project,
                           const TaskState& task, const TaskHistory& history);

 private:
  // The story a top-level task and its subtasks tell.
  struct Story {
    const Archetype* archetype = nullptr;  // null: the department has none (templates)
    Binding binding;
    uint32_t next_subtask = 0;  // the checklist item the next subtask takes
  };

  void BindName(const TaskState& task, TemplateContext& context);
  void BindNotes(const TaskState& task, const TemplateContext& context);
  void BindStories(std::span<const ProjectState> projects, const ProjectState& project,
                   const TaskState& task, const TaskHistory& history);
  // The moment each comment of `history` speaks to, and whom a question asks.
  void PlanScript(const TaskState& task, const TaskHistory& history);
  // The first names of the task's participants so far, other than `author`'s.
  void Participants(const ProjectState& project, const TaskState& task, const TaskHistory& history,
                    size_t story_index, uint32_t author);
  void AppendSystemText(std::string& out, std::span<const ProjectState> projects,
                        const ProjectState& project, const StoryDraft& s, Rng& rng) const;

  const TeamContext& team_;
  const WeightedTable views_;
  const WeightedTable privacy_;
  std::vector<std::string> project_names_;               // of the team so far
  absl::flat_hash_set<std::string> project_task_names_;  // top-level task names of the project
  ProjectText project_;
  std::vector<StatusText> statuses_;
  TaskText task_;
  // By weight, among the department's own archetypes and among the LLM's (tier 3); empty
  // without any. An LLM archetype tells a task with the org's llm_share.
  std::optional<WeightedTable> archetype_pick_;
  std::optional<WeightedTable> llm_archetype_pick_;
  std::vector<const Archetype*> own_archetypes_;
  std::vector<const Archetype*> llm_archetypes_;
  Story story_;
  std::vector<Moment> moments_;                   // per story of the task (comments only)
  std::vector<size_t> comment_indexes_;           // PlanScript's: the comments among them
  std::vector<std::string_view> people_;          // Participants()
  std::vector<std::string_view> used_templates_;  // comment templates the task has used
};

}  // namespace asanasim

#endif  // ASANASIM_SRC_GEN_TEXT_BINDING_H_
