#include "src/gen/project_setup.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "src/rng/distributions.h"
#include "src/util/civil_time.h"

namespace asanasim {
namespace {

// A quiet project was active for at least this long, and has been quiet for at least this long
// at as_of.
constexpr int64_t kQuietAfterDays = 30;
constexpr int64_t kQuietForDays = 21;

std::array<WeightedTable, 4> StatusTransitions(const Profile& p) {
  const auto row = [&](size_t from) {
    return WeightedTable(std::span<const double>(p.status_transition).subspan(from * 4, 4));
  };
  return {row(0), row(1), row(2), row(3)};
}

}  // namespace

ProjectSetup::ProjectSetup(const TeamContext& team)
    : team_(team),
      tag_rates_(team.profile().project_tag_rate_weight),
      status_next_(StatusTransitions(team.profile())) {}

ProjectState ProjectSetup::Run(uint32_t local, TextBinder& text, JobIds& ids, Batch& batch) {
  ProjectState project;
  project.local = local;
  project.id = ids.Next(Table::kProjects);
  Rng members = team_.Stream(Kind::kProject, Purpose::kProjectMembers, local);
  const TeamPlan& t = team_.team();
  project.owner =
      Bernoulli(members, 0.6) ? t.lead : PickOne(members, std::span<const uint32_t>(t.members));
  const Shape shape = DrawShape(project);
  const ProjectText& words = text.BindProject(local, project.owner, project.created);
  project.name = words.name;
  EmitProject(project, shape, words, batch);
  const std::vector<StatusText>& status_text = text.BindStatusUpdates(local, statuses_);
  for (size_t i = 0; i < statuses_.size(); ++i) {
    const StatusDraft& u = statuses_[i];
    batch.Add(StatusUpdateRow{.id = ids.Next(Table::kStatusUpdates),
                              .project_id = project.id,
                              .author_id = team_.user(u.author).id,
                              .status_type = StatusTypeName(u.type),
                              .title = status_text[i].title,
                              .text = status_text[i].text,
                              .created_at = u.at});
  }
  Members(project, members, batch);
  FieldsAndSections(project, ids, batch);
  Rng count = team_.Stream(Kind::kProject, Purpose::kTaskCount, local);
  project.task_count = std::max<int64_t>(
      1, std::llround(team_.org().tasks_per_project *
                      LogNormal(count, 0.0, team_.profile().tasks_per_project_sigma)));
  return project;
}

// Life span and completion: created at a working moment of the owner, older projects commoner;
// a log-normal planned span; completed (and maybe archived) when that has passed; an open project
// may go quiet weeks before as_of. Draws the status updates (into statuses_), which move
// modified_at.
ProjectSetup::Shape ProjectSetup::DrawShape(ProjectState& project) {
  const Profile& p = team_.profile();
  const OrgPlan& org = team_.org();
  Rng shape = team_.Stream(Kind::kProject, Purpose::kProjectShape, project.local);
  const int64_t start = org.history_start;
  const int64_t span = org.as_of - start - 7 * kMsPerDay;
  project.created = team_.time().Moment(shape, team_.ZoneOf(project.owner), [&] {
    return start + static_cast<int64_t>(span * std::pow(shape.NextDouble(), p.project_age_skew));
  });
  Shape out;
  out.planned_end = project.created +
                    static_cast<int64_t>(LogNormal(shape, std::log(p.project_duration_median_days),
                                                   p.project_duration_sigma) *
                                         kMsPerDay);
  project.completed =
      out.planned_end < org.as_of - 3 * kMsPerDay && Bernoulli(shape, p.project_completion_share);
  project.close = project.completed
                      ? team_.time().Between(shape, out.planned_end,
                                             std::min(out.planned_end + 4 * kMsPerDay, org.as_of),
                                             team_.ZoneOf(project.owner))
                      : org.as_of;
  project.close = std::max(project.close, project.created + kMsPerDay);
  // An open project may go quiet: its last activity weeks before as_of.
  Rng quiet = team_.Stream(Kind::kProject, Purpose::kProjectQuiet, project.local);
  const int64_t quiet_lo = project.created + kQuietAfterDays * kMsPerDay;
  const int64_t quiet_hi = org.as_of - kQuietForDays * kMsPerDay;
  if (!project.completed && quiet_lo < quiet_hi && Bernoulli(quiet, p.quiet_project_share))
    project.close = team_.time().Between(quiet, quiet_lo, quiet_hi, team_.ZoneOf(project.owner));
  out.archived = project.completed && Bernoulli(shape, p.archived_share);
  out.has_start = Bernoulli(shape, 0.6);
  out.has_due = Bernoulli(shape, 0.8);
  out.modified =
      project.completed
          ? project.close
          : std::min(project.close, project.created + UniformRange(shape, 0, 20) * kMsPerDay);
  out.modified = StatusUpdates(project, out.modified);
  project.tag_rate = p.project_tag_rate[tag_rates_.Pick(shape)];
  return out;
}

void ProjectSetup::EmitProject(const ProjectState& project, const Shape& shape,
                               const ProjectText& words, Batch& batch) const {
  const int64_t owner_id = team_.user(project.owner).id;
  ProjectRow row{.id = project.id,
                 .organization_id = team_.org().id,
                 .team_id = team_.team().id,
                 .name = words.name,
                 .notes = words.notes,
                 .owner_id = owner_id,
                 .color = words.color,
                 .default_view = words.view,
                 .privacy_setting = words.privacy,
                 .archived = shape.archived,
                 .completed = project.completed,
                 .created_at = project.created,
                 .modified_at = std::max(shape.modified, project.created)};
  const ZoneClock& zone = team_.ZoneOf(project.owner);
  if (shape.has_start) row.start_on = zone.LocalDay(project.created);
  if (shape.has_due)
    row.due_on = std::max(zone.LocalDay(shape.planned_end), zone.LocalDay(project.created));
  if (project.completed) {
    row.completed_at = project.close;
    row.completed_by_id = owner_id;
  }
  batch.Add(row);
}

// The whole team; the owner and the lead administer, a few only comment. Then the order in which
// members take the project's work.
void ProjectSetup::Members(ProjectState& project, Rng& members, Batch& batch) const {
  const TeamPlan& t = team_.team();
  for (uint32_t u : t.members) {
    std::string_view level = "editor";
    if (u == project.owner || u == t.lead) {
      level = "admin";
    } else if (Bernoulli(members, team_.profile().project_member_commenter_share)) {
      level = "commenter";
    }
    batch.Add(ProjectMembershipRow{
        .project_id = project.id, .user_id = team_.user(u).id, .access_level = level});
  }
  project.workload_order = t.members;
  Rng order = team_.Stream(Kind::kProject, Purpose::kProjectOrder, project.local);
  Shuffle(order, std::span<uint32_t>(project.workload_order));
}

// The department's custom fields (the first two shown prominently) and its workflow's sections.
void ProjectSetup::FieldsAndSections(ProjectState& project, JobIds& ids, Batch& batch) const {
  project.field_indexes.assign(team_.field_indexes().begin(), team_.field_indexes().end());
  for (size_t i = 0; i < project.field_indexes.size(); ++i) {
    batch.Add(ProjectCustomFieldSettingRow{
        .project_id = project.id,
        .custom_field_id = team_.org().fields[static_cast<size_t>(project.field_indexes[i])].id,
        .is_important = i < 2});
  }
  const std::span<const SectionSpec> sections = team_.vocab().sections;
  for (size_t s = 0; s < sections.size(); ++s) {
    const int64_t id = ids.Next(Table::kSections);
    project.section_ids.push_back(id);
    int& slot = project.section_of_stage[static_cast<size_t>(sections[s].stage)];
    if (slot < 0) slot = static_cast<int>(s);
    batch.Add(
        SectionRow{.id = id,
                   .project_id = project.id,
                   .name = sections[s].name,
                   .position = static_cast<int64_t>(s),
                   .created_at = project.created + static_cast<int64_t>(s + 1) * kMsPerSecond * 7});
  }
}

// The first update a week or so after creation, then every week or two, each status a Markov
// step from the last; a completed project ends with 'complete' at its completion.
int64_t ProjectSetup::StatusUpdates(const ProjectState& project, int64_t modified) {
  const Profile& p = team_.profile();
  statuses_.clear();
  Rng rng = team_.Stream(Kind::kProject, Purpose::kProjectStatus, project.local);
  const int64_t end = project.completed ? project.close - kMsPerHour : project.close;
  int64_t t =
      project.created +
      static_cast<int64_t>(LogNormal(rng, std::log(p.status_first_median_days), 0.4) * kMsPerDay);
  int state = 0;  // on_track
  while (t < end) {
    const uint32_t author =
        Bernoulli(rng, p.status_by_owner_share) ? project.owner : team_.team().lead;
    const int64_t at =
        team_.time().Between(rng, t, std::min(end, t + 2 * kMsPerDay), team_.ZoneOf(author));
    if (at >= end) break;
    statuses_.push_back({at, author, static_cast<StatusType>(state)});
    t = at + static_cast<int64_t>(
                 LogNormal(rng, std::log(p.status_interval_median_days), p.status_interval_sigma) *
                 kMsPerDay);
    state = static_cast<int>(status_next_[static_cast<size_t>(state)].Pick(rng));
  }
  if (project.completed) {
    statuses_.push_back({project.close, project.owner, StatusType::kComplete});
  }
  for (const StatusDraft& u : statuses_) modified = std::max(modified, u.at);
  return modified;
}

}  // namespace asanasim
