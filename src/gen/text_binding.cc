#include "src/gen/text_binding.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "src/llm/prompts.h"
#include "src/rng/distributions.h"

namespace asanasim {
namespace {

constexpr std::string_view kColors[] = {
    "dark-pink",      "dark-green",      "dark-blue",   "dark-red",
    "dark-teal",      "dark-brown",      "dark-orange", "dark-purple",
    "dark-warm-gray", "light-pink",      "light-green", "light-blue",
    "light-red",      "light-teal",      "light-brown", "light-orange",
    "light-purple",   "light-warm-gray", "none"};
constexpr std::string_view kViews[] = {"list", "board", "timeline", "calendar"};
constexpr double kViewWeights[] = {0.50, 0.35, 0.10, 0.05};
constexpr std::string_view kPrivacy[] = {"public_to_workspace", "private_to_team", "private"};
constexpr double kPrivacyWeights[] = {0.70, 0.20, 0.10};
// Attempts at a name that the team (projects) or the project (tasks) does not hold yet.
constexpr int kNameAttempts = 8;
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
  project_.color = PickOne<std::string_view>(text, kColors);
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
  const TemplateContext context = team_.Context(task.created, task.creator);
  BindName(task, context);
  BindNotes(task, context);
  BindStories(projects, project, task, history);
  return task_;
}

void TextBinder::BindName(const TaskState& task, const TemplateContext& context) {
  Rng rng = team_.Stream(task.kind, Purpose::kTaskName, task.local);
  std::string& name = task_.name;
  name.clear();
  if (task.depth > 0) {
    AppendOneOf(name, team_.vocab().subtask_templates, context, rng);
    return;
  }
  // A project rarely holds two tasks of the same name: redraw (a few times) on a clash.
  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    name.clear();
    AppendOneOf(name, team_.vocab().task_templates, context, rng);
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
  if (const std::vector<std::string>* pool = team_.LlmPool(kDescriptionSlot)) {
    Rng tier = team_.Stream(task.kind, Purpose::kTextTier, task.local);
    if (Bernoulli(tier, team_.org().llm_share)) {
      AppendTemplate(task_.notes, (*pool)[UniformInt(tier, static_cast<uint32_t>(pool->size()))],
                     context, tier);
      task_.notes_source = "llm";
    }
  }
  if (task_.notes_source == "template")
    AppendOneOf(task_.notes, team_.vocab().description_templates, context, rng);
}

void TextBinder::BindStories(std::span<const ProjectState> projects, const ProjectState& project,
                             const TaskState& task, const TaskHistory& history) {
  const Profile& p = team_.profile();
  Rng text = team_.Stream(task.kind, Purpose::kStoryText, task.local);
  // Tier 3 draws come from their own stream, and only when there are pools: without them the
  // output is exactly that of tiers 1-2.
  std::optional<Rng> tier_rng;
  if (team_.org().pools != nullptr)
    tier_rng.emplace(team_.Stream(task.kind, Purpose::kStoryTextTier, task.local));
  Rng* tier = tier_rng.has_value() ? &*tier_rng : nullptr;
  const StoryDraft* last_comment = nullptr;
  for (const StoryDraft& s : history.stories) {
    if (s.kind == StoryKind::kComment) last_comment = &s;
  }
  task_.story_text.clear();
  task_.stories.clear();
  for (const StoryDraft& s : history.stories) {
    std::string& out = task_.story_text;
    StoryText story{
        .begin = out.size(), .end = 0, .text_source = "template", .source = "web", .pinned = false};
    if (s.kind == StoryKind::kComment) {
      TemplateContext context = team_.Context(s.at, s.actor);
      context.actor = team_.user(s.actor).first_name();
      // Tier 3: a done task's last comment wraps up; others report progress or ask.
      const size_t slot = task.completed && &s == last_comment
                              ? 3
                              : (tier != nullptr && Bernoulli(*tier, kQuestionShare) ? 2 : 1);
      const std::vector<std::string>* pool = team_.LlmPool(slot);
      if (pool != nullptr && Bernoulli(*tier, team_.org().llm_share)) {
        AppendTemplate(out, (*pool)[UniformInt(*tier, static_cast<uint32_t>(pool->size()))],
                       context, *tier);
        story.text_source = "llm";
      } else {
        AppendOneOf(out, team_.vocab().comment_templates, context, text);
      }
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
