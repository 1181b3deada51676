// A team job: the team's projects, one after the other, and each project's tasks, each task
// through the same phases (the files of src/gen/):
//
//   project_setup   a project's facts and rows: owner, life span, status updates, members,
//                   custom fields, sections; how many tasks it gets
//   task_lifecycle  a task's facts: kind, creator and creation, completion, assignee, dates,
//                   approval, how many subtasks
//   history         its activity feed as story drafts (changes from an empty task, so replaying
//                   them gives the row), and what hangs off it: section, followers, tags, custom
//                   field values, dependencies, a second home; may reschedule its due date
//   text_binding    its words: name, description, and each story's text
//   row_emission    its rows: ids for indexes, cells in tables.inc's order
//
// then its subtasks, depth first. Facts come before text and text never decides a fact; each
// phase draws only from its own streams (src/model/streams.h), so the phases' order within a
// task does not change any draw. Ids are handed out in generation order (src/model/ids.h).
#include <vector>

#include "src/gen/history.h"
#include "src/gen/jobs.h"
#include "src/gen/project_setup.h"
#include "src/gen/row_emission.h"
#include "src/gen/task_lifecycle.h"
#include "src/gen/team_context.h"
#include "src/gen/text_binding.h"

namespace asanasim {
namespace {

class TeamJob {
 public:
  TeamJob(const OrgPlan& org, uint32_t team_index, Batch& batch)
      : team_(org, team_index),
        batch_(batch),
        ids_(org.index, team_.job()),
        setup_(team_),
        lifecycle_(team_),
        history_(team_),
        text_(team_) {
    projects_.reserve(static_cast<size_t>(team_.team().project_count));
  }

  void Run() {
    for (int32_t k = 0; k < team_.team().project_count; ++k) {
      projects_.push_back(setup_.Run(static_cast<uint32_t>(k), text_, ids_, batch_));
      ProjectState& project = projects_.back();
      for (int64_t t = 0; t < project.task_count; ++t) Task(project, nullptr, 0);
      project.tasks.clear();
      project.tasks.shrink_to_fit();
    }
  }

 private:
  void Task(ProjectState& project, const TaskState* parent, int depth) {
    const uint64_t local = ids_.count(Table::kTasks);
    const Archetype* archetype = text_.ChooseStory(depth, local);
    TaskState task =
        lifecycle_.Draw(project, parent, depth, local, ids_.Next(Table::kTasks), archetype);
    const TaskHistory& history = history_.Draw(projects_, project, task, archetype);
    const TaskText& text = text_.BindTask(projects_, project, task, history);
    EmitTask(team_, projects_, project, task, parent, history, text, ids_, batch_);
    if (depth == 0) {
      project.tasks.push_back(
          {task.id, task.created, task.completed ? task.completed_at : 0, text.name});
    }
    for (uint32_t c = 0; c < task.children; ++c) Task(project, &task, depth + 1);
  }

  const TeamContext team_;
  Batch& batch_;
  JobIds ids_;
  ProjectSetup setup_;
  TaskLifecycle lifecycle_;
  HistoryDrafter history_;
  TextBinder text_;
  std::vector<ProjectState> projects_;  // this team's projects so far
};

}  // namespace

void GenerateTeamRows(const OrgPlan& org, uint32_t team_index, Batch& batch) {
  TeamJob job(org, team_index, batch);
  job.Run();
}

}  // namespace asanasim
