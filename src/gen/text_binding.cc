#include "src/gen/text_binding.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "src/model/schema.h"
#include "src/rng/distributions.h"
#include "src/util/json.h"

namespace asanasim {
namespace {

constexpr std::string_view kViews[] = {"list", "board", "timeline", "calendar"};
constexpr double kViewWeights[] = {0.50, 0.35, 0.10, 0.05};
constexpr std::string_view kPrivacy[] = {"public_to_workspace", "private_to_team", "private"};
constexpr double kPrivacyWeights[] = {0.70, 0.20, 0.10};
// Attempts at a name that the team (projects) or the project (tasks) does not hold yet.
constexpr int kNameAttempts = 8;
// Of archetype descriptions: the share with a trailer line (Vocabulary::description_trailers).
constexpr double kTrailerShare = 0.5;
// Of comments that are not a done task's last word: the share that asks rather than reports.
constexpr double kQuestionShare = 0.35;

// A number as a story shows it: `precision` decimals.
void AppendNumber(std::string& out, double v, int precision) {
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, "%.*f", std::clamp(precision, 0, 6), v);
  out.append(buf, static_cast<size_t>(std::max(0, n)));
}

}  // namespace

TextBinder::TextBinder(const TeamContext& team)
    : team_(team), views_(kViewWeights), privacy_(kPrivacyWeights) {
  project_names_.reserve(static_cast<size_t>(team.team().project_count));
  std::vector<double> weights, llm_weights;
  for (const Archetype& a : team.vocab().archetypes) {
    (a.llm ? llm_archetypes_ : own_archetypes_).push_back(&a);
    (a.llm ? llm_weights : weights).push_back(a.weight);
  }
  if (!weights.empty()) archetype_pick_.emplace(weights);
  if (!llm_weights.empty()) llm_archetype_pick_.emplace(llm_weights);
}

const ProjectText& TextBinder::BindProject(uint32_t local, uint32_t owner, int64_t created) {
  Rng text = team_.Stream(Kind::kProject, Purpose::kProjectText, local);
  TemplateContext context = team_.Context(created, owner);
  context.actor = team_.user(owner).first_name();
  std::string& name = project_.name;
  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    name.clear();
    AppendOneOf(name, team_.vocab().project_templates, context, text);
    if (std::find(project_names_.begin(), project_names_.end(), name) == project_names_.end())
      break;
  }
  project_names_.push_back(name);
  project_task_names_.clear();
  project_.notes.clear();
  if (Bernoulli(text, 0.7))
    AppendOneOf(project_.notes, team_.org().vocabulary->project_notes(), context, text);
  project_.color = PickOne<std::string_view>(text, kAsanaColors);
  project_.view = kViews[views_.Pick(text)];
  project_.privacy = kPrivacy[privacy_.Pick(text)];
  return project_;
}

const std::vector<StatusText>& TextBinder::BindStatusUpdates(
    uint32_t local, std::span<const StatusDraft> statuses) {
  statuses_.resize(statuses.size());
  Rng rng = team_.Stream(Kind::kProject, Purpose::kProjectStatusText, local);
  for (size_t i = 0; i < statuses.size(); ++i) {
    const StatusDraft& u = statuses[i];
    TemplateContext c = team_.Context(u.at, u.author);
    c.actor = team_.user(u.author).first_name();
    StatusText& out = statuses_[i];
    out.title.clear();
    out.text.clear();
    AppendOneOf(out.title, team_.org().vocabulary->status_titles(), c, rng);
    AppendOneOf(out.text, team_.org().vocabulary->status_texts(u.type), c, rng);
  }
  return statuses_;
}

const TaskText& TextBinder::BindTask(std::span<const ProjectState> projects,
                                     const ProjectState& project, const TaskState& task,
                                     const TaskHistory& history) {
  TemplateContext context = team_.Context(task.created, task.creator);
  context.due_day = task.due_day;
  Participants(project, task, history, 0, task.creator);
  context.people = people_;
  BindName(task, context);
  BindNotes(task, context);
  BindStories(projects, project, task, history);
  task_.archetype = story_.archetype != nullptr ? story_.archetype->id : std::string_view();
  task_.story_slots.clear();
  if (story_.archetype != nullptr && task.depth == 0) {
    task_.story_slots.push_back('{');
    for (const auto& [key, value] : story_.binding.values()) {
      if (task_.story_slots.size() > 1) task_.story_slots.append(", ");
      AppendJsonString(task_.story_slots, key);
      task_.story_slots.append(": ");
      AppendJsonString(task_.story_slots, value);
    }
    task_.story_slots.push_back('}');
  }
  return task_;
}

const Archetype* TextBinder::ChooseStory(int depth, uint64_t local) {
  if (depth == 0) {
    Rng rng = team_.Stream(Kind::kTask, Purpose::kTaskArchetype, local);
    story_.archetype =
        archetype_pick_.has_value() ? own_archetypes_[archetype_pick_->Pick(rng)] : nullptr;
    // Tier 3: the LLM's archetypes take their share (a draw of its own stream, made only where
    // there are some: without them the output is exactly that of tiers 1-2).
    if (llm_archetype_pick_.has_value()) {
      Rng tier = team_.Stream(Kind::kTask, Purpose::kTextTier, local);
      if (story_.archetype == nullptr || Bernoulli(tier, team_.org().llm_share))
        story_.archetype = llm_archetypes_[llm_archetype_pick_->Pick(tier)];
    }
    story_.binding.Clear();
    story_.next_subtask = 0;
  }
  return story_.archetype;
}

void TextBinder::BindName(const TaskState& task, TemplateContext& context) {
  Rng rng = team_.Stream(task.kind, Purpose::kTaskName, task.local);
  std::string& name = task_.name;
  name.clear();
  const Archetype* a = story_.archetype;
  if (a != nullptr) {
    context.slots.archetype = a->slots;
    context.binding = &story_.binding;
  }
  if (task.depth > 0) {
    if (a != nullptr && story_.next_subtask < a->subtasks.size()) {
      AppendTemplate(name, a->subtasks[story_.next_subtask++], context, rng);
    } else {
      AppendOneOf(name, team_.vocab().subtask_templates, context, rng);
    }
    return;
  }
  // A project rarely holds two tasks of the same name: redraw (a few times) on a clash.
  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    name.clear();
    story_.binding.Clear();
    AppendOneOf(name, a != nullptr ? a->names : team_.vocab().task_templates, context, rng);
    if (!project_task_names_.contains(name)) break;
  }
  project_task_names_.insert(name);
}

void TextBinder::BindNotes(const TaskState& task, const TemplateContext& context) {
  const Profile& p = team_.profile();
  Rng rng = team_.Stream(task.kind, Purpose::kTaskNotes, task.local);
  task_.notes.clear();
  task_.notes_source = {};
  if (!Bernoulli(rng, task.depth == 0 ? p.description_share : p.description_share * 0.25)) return;
  task_.notes_source = "template";
  const Archetype* a = story_.archetype;
  if (a == nullptr) {
    AppendOneOf(task_.notes, team_.vocab().description_templates, context, rng);
    return;
  }
  if (a->llm) task_.notes_source = "llm";
  if (task.depth > 0) {
    // A subtask's note is a line of its story's progress, about the same things as its parent.
    AppendOneOf(task_.notes, a->comments[static_cast<size_t>(Moment::kProgress)], context, rng);
    return;
  }
  AppendOneOf(task_.notes, a->descriptions, context, rng);
  // Often a last line on who else is in the loop or when it is for.
  const Words trailers = team_.org().vocabulary->description_trailers();
  if (!trailers.empty() && Bernoulli(rng, kTrailerShare)) {
    task_.notes.append("\n\n");
    AppendOneOf(task_.notes, trailers, context, rng);
  }
}

void TextBinder::Participants(const ProjectState& project, const TaskState& task,
                              const TaskHistory& history, size_t story_index, uint32_t author) {
  people_.clear();
  const std::string_view author_name = team_.user(author).first_name();
  const auto add = [&](int64_t u) {
    if (u < 0) return;
    const std::string_view name = team_.user(static_cast<uint32_t>(u)).first_name();
    if (name == author_name) return;
    if (std::find(people_.begin(), people_.end(), name) == people_.end()) people_.push_back(name);
  };
  add(task.assignee);
  add(task.creator);
  for (size_t i = 0; i < story_index && i < history.stories.size(); ++i) {
    const StoryDraft& s = history.stories[i];
    if (s.kind == StoryKind::kComment) add(s.actor);
  }
  for (uint32_t f : history.followers) add(f);
  add(project.owner);
}

void TextBinder::PlanScript(const TaskState& task, const TaskHistory& history) {
  const std::vector<StoryDraft>& stories = history.stories;
  moments_.assign(stories.size(), Moment::kProgress);
  std::vector<size_t>& comments = comment_indexes_;
  comments.clear();
  for (size_t i = 0; i < stories.size(); ++i) {
    if (stories[i].kind == StoryKind::kComment) comments.push_back(i);
  }
  Rng rng = team_.Stream(task.kind, Purpose::kStoryScript, task.local);
  bool blocked_told = false;
  bool answer_due = false;
  for (size_t c = 0; c < comments.size(); ++c) {
    const size_t i = comments[c];
    const size_t previous = c == 0 ? 0 : comments[c - 1] + 1;
    bool reopened = false, handed_over = false, blocked = false;
    for (size_t k = previous; k < i; ++k) {
      reopened |= stories[k].kind == StoryKind::kIncomplete;
      handed_over |= (stories[k].kind == StoryKind::kAssigned && stories[k].old_user >= 0) ||
                     stories[k].kind == StoryKind::kUnassigned;
      blocked |= stories[k].kind == StoryKind::kDependency;
    }
    const bool last = c + 1 == comments.size();
    Moment m = Moment::kProgress;
    if (answer_due) {
      m = Moment::kAnswer;
    } else if (reopened) {
      m = Moment::kReopen;
    } else if (last && task.completed) {
      m = Moment::kWrapup;
    } else if (c == 0) {
      m = Moment::kKickoff;
    } else if (blocked && !blocked_told) {
      m = Moment::kBlocker;
      blocked_told = true;
    } else if (handed_over) {
      m = Moment::kHandoff;
    } else if (!last && task.completed && c + 2 == comments.size() && Bernoulli(rng, 0.5)) {
      m = Moment::kReview;
    }
    answer_due = false;
    // A question to the next commenter, who answers it.
    if ((m == Moment::kProgress || m == Moment::kKickoff) && !last &&
        team_.user(stories[comments[c + 1]].actor).first_name() !=
            team_.user(stories[i].actor).first_name() &&
        Bernoulli(rng, kQuestionShare)) {
      m = Moment::kQuestion;
      answer_due = true;
    }
    moments_[i] = m;
  }
}

void TextBinder::BindStories(std::span<const ProjectState> projects, const ProjectState& project,
                             const TaskState& task, const TaskHistory& history) {
  const Profile& p = team_.profile();
  Rng text = team_.Stream(task.kind, Purpose::kStoryText, task.local);
  const Archetype* a = story_.archetype;
  if (a != nullptr) PlanScript(task, history);
  task_.story_text.clear();
  task_.stories.clear();
  used_templates_.clear();
  std::string_view asker;
  int64_t question_pick = -1;  // the index of the last question in its archetype's questions
  size_t previous_begin = 0, previous_end = 0;
  for (size_t i = 0; i < history.stories.size(); ++i) {
    const StoryDraft& s = history.stories[i];
    std::string& out = task_.story_text;
    StoryText story{
        .begin = out.size(), .end = 0, .text_source = "template", .source = "web", .pinned = false};
    if (s.kind == StoryKind::kComment) {
      TemplateContext context = team_.Context(s.at, s.actor);
      context.actor = team_.user(s.actor).first_name();
      context.due_day = task.due_day;
      Participants(project, task, history, i, s.actor);
      context.people = people_;
      if (a != nullptr) {
        context.slots.archetype = a->slots;
        context.binding = &story_.binding;
      }
      const Moment moment = a != nullptr ? moments_[i] : Moment::kProgress;
      if (moment == Moment::kQuestion) {
        // PlanScript made sure a next comment exists.
        for (size_t k = i + 1; k < history.stories.size(); ++k) {
          if (history.stories[k].kind != StoryKind::kComment) continue;
          context.to = team_.user(history.stories[k].actor).first_name();
          break;
        }
        asker = context.actor;
      } else if (moment == Moment::kAnswer) {
        context.asker = asker;
      }
      {
        const Words own = a != nullptr ? a->comments[static_cast<size_t>(moment)] : Words();
        Words script = own;
        if (script.empty() && a != nullptr) {
          script = a->comments[static_cast<size_t>(Moment::kProgress)];
        }
        // Once a task has said every line of its script, the department's comments go on.
        const auto used = [&](std::string_view tmpl) {
          return std::find(used_templates_.begin(), used_templates_.end(), tmpl) !=
                 used_templates_.end();
        };
        // An answer answers its question: the script's answers pair with its questions. A
        // question that did not come from the script gets no scripted answer (it would answer
        // another question).
        const bool paired = moment == Moment::kAnswer && question_pick >= 0 &&
                            static_cast<size_t>(question_pick) < own.size();
        if ((moment == Moment::kAnswer && !paired) ||
            (!paired && std::all_of(script.begin(), script.end(), used))) {
          script = team_.vocab().comment_templates;
        }
        // A task does not say the same thing twice: redraw a template it has used (a few
        // times), and never repeat the comment just before.
        // Progress is told in the script's order (its authors write a sequence: "reproduced",
        // then "fixed", then "verified"): the first line the task has not said yet.
        size_t next_progress = script.size();
        if (moment == Moment::kProgress && script.data() == own.data()) {
          next_progress = static_cast<size_t>(std::find_if_not(script.begin(), script.end(), used) -
                                              script.begin());
        }
        const size_t begin = out.size();
        for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
          out.resize(begin);
          const size_t pick = paired && attempt == 0 && script.data() == own.data()
                                  ? static_cast<size_t>(question_pick)
                              : attempt == 0 && next_progress < script.size()
                                  ? next_progress
                                  : UniformInt(text, static_cast<uint32_t>(script.size()));
          const std::string_view tmpl = script[pick];
          AppendTemplate(out, tmpl, context, text);
          const bool repeat =
              previous_end > previous_begin &&
              std::string_view(out).substr(begin) ==
                  std::string_view(out).substr(previous_begin, previous_end - previous_begin);
          // The answer to a question asked again is the same answer.
          const bool answers = paired && attempt == 0;
          if (!repeat && (answers || !used(tmpl) || attempt + 1 >= kNameAttempts / 2)) {
            used_templates_.push_back(tmpl);
            if (moment == Moment::kQuestion) {
              question_pick = script.data() == own.data() ? static_cast<int64_t>(pick) : -1;
            }
            break;
          }
          // Every draw repeated the comment before: the department's comments go on.
          if (attempt + 1 == kNameAttempts &&
              script.data() != team_.vocab().comment_templates.data()) {
            script = team_.vocab().comment_templates;
            attempt = -1;
          }
        }
        // A line of an LLM archetype's script is the LLM's text (tier 3).
        if (a != nullptr && a->llm && script.data() != team_.vocab().comment_templates.data())
          story.text_source = "llm";
      }
      previous_begin = story.begin;
      previous_end = out.size();
      const double u = text.NextDouble();
      if (u < p.comment_mobile_share) {
        story.source = "mobile";
      } else if (u < p.comment_mobile_share + p.comment_email_share) {
        story.source = "email";
      }
      story.pinned = Bernoulli(text, p.pinned_comment_share);
    } else {
      AppendSystemText(out, projects, project, s, text);
    }
    story.end = out.size();
    task_.stories.push_back(story);
  }
}

void TextBinder::AppendSystemText(std::string& out, std::span<const ProjectState> projects,
                                  const ProjectState& project, const StoryDraft& s,
                                  Rng& rng) const {
  const OrgPlan& org = team_.org();
  const UserPlan& actor = team_.user(s.actor);
  TemplateContext context = team_.Context(s.at, s.actor);
  context.actor = actor.name;
  const auto user_name = [&](int32_t u) -> std::string_view {
    return team_.user(static_cast<uint32_t>(u)).name;
  };
  const auto quoted_section = [&](int32_t index) {
    out.append("\"").append(team_.vocab().sections[static_cast<size_t>(index)].name).append("\"");
  };
  switch (s.kind) {
    case StoryKind::kCreated:
      AppendTemplate(out, kStoryCreated, context, rng);
      return;
    case StoryKind::kAssigned:
      context.assignee = user_name(s.new_user);
      AppendTemplate(out, kStoryAssigned, context, rng);
      return;
    case StoryKind::kUnassigned:
      context.assignee = user_name(s.old_user);
      AppendTemplate(out, kStoryUnassigned, context, rng);
      return;
    case StoryKind::kDueDate:
      if (s.new_due < 0) {
        out.append(actor.name).append(" removed the due date");
      } else {
        context.date_day = s.new_due;
        AppendTemplate(out, kStoryDueDate, context, rng);
      }
      return;
    case StoryKind::kSection:
      out.append(actor.name).append(" moved this task from ");
      quoted_section(s.old_section);
      out.append(" to ");
      quoted_section(s.new_section);
      out.append(" in ").append(projects[static_cast<size_t>(s.project)].name);
      return;
    case StoryKind::kAddedToProject:
      out.append(actor.name)
          .append(" added this task to ")
          .append(projects[static_cast<size_t>(s.project)].name);
      return;
    case StoryKind::kTag:
      out.append(actor.name)
          .append(" added this task to the tag ")
          .append(org.tags[static_cast<size_t>(s.ref)].spec->name);
      return;
    case StoryKind::kFollower:
      out.append(actor.name)
          .append(" added ")
          .append(user_name(s.new_user))
          .append(" as a collaborator");
      return;
    case StoryKind::kDependency:
      out.append(actor.name)
          .append(" marked this task as waiting on \"")
          .append(project.tasks[static_cast<size_t>(s.ref)].name)
          .append("\"");
      return;
    case StoryKind::kFieldEnum: {
      const FieldPlan& f = org.fields[static_cast<size_t>(s.ref)];
      out.append(actor.name)
          .append(" changed ")
          .append(f.spec->name)
          .append(" from \"")
          .append(f.option_names[static_cast<size_t>(s.old_option)])
          .append("\" to \"")
          .append(f.option_names[static_cast<size_t>(s.new_option)])
          .append("\"");
      return;
    }
    case StoryKind::kFieldNumber: {
      const FieldPlan& f = org.fields[static_cast<size_t>(s.ref)];
      out.append(actor.name).append(" changed ").append(f.spec->name).append(" from ");
      AppendNumber(out, s.old_number, f.spec->precision);
      out.append(" to ");
      AppendNumber(out, s.new_number, f.spec->precision);
      return;
    }
    case StoryKind::kApproval:
      out.append(actor.name)
          .append(s.approval == "approved"   ? " approved this task"
                  : s.approval == "rejected" ? " rejected this task"
                                             : " requested changes");
      return;
    case StoryKind::kIncomplete:
      AppendTemplate(out, kStoryIncomplete, context, rng);
      return;
    case StoryKind::kCompleted:
      AppendTemplate(out, kStoryCompleted, context, rng);
      return;
    case StoryKind::kComment:
      break;
  }
}

}  // namespace asanasim
