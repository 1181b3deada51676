// Profile: every distribution parameter of the generated world in one place, with defaults for a
// mid-sized B2B SaaS company. Where ../shared/reference/asana-model.md marks a figure
// UNCONFIRMED, the value here is our choice and says so. Thread-compatible value type.
#ifndef ASANASIM_SRC_PLAN_PROFILE_H_
#define ASANASIM_SRC_PLAN_PROFILE_H_

#include <array>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace asanasim {

struct Profile {
  // --- Work rhythm (asana-model.md 2.4): relative activity by local weekday and hour. ---
  // Monday..Sunday. Tue-Wed peak, Friday ~30% below, weekends a few percent of events.
  std::array<double, 7> weekday_weight = {0.95, 1.0, 1.0, 0.93, 0.68, 0.05, 0.03};
  // 00..23 local time: 09-18 with a lunch dip; a thin evening tail.
  std::array<double, 24> hour_weight = {0.01, 0.005, 0.005, 0.005, 0.005, 0.01, 0.03, 0.10,
                                        0.45, 0.85,  1.0,   1.0,   0.60,  0.80, 0.95, 0.95,
                                        0.85, 0.60,  0.30,  0.16,  0.10,  0.08, 0.05, 0.02};

  // --- Organization shape. ---
  double team_size_target = 9.0;    // people per team before rounding
  double second_team_share = 0.20;  // people who also belong to a second team
  double third_team_share = 0.05;   // ... and a third
  double same_department_second_team = 0.5;
  double hq_share = 0.65;                 // people in the headquarters' time zone
  double admin_share = 0.03;              // workspace admins besides the first user
  double department_jitter_sigma = 0.25;  // per-org spread of department weights (orgs >= 1)
  double other_org_size_min = 0.3;        // orgs >= 1: size relative to org 0, log-uniform
  double other_org_size_max = 2.5;
  double other_org_tasks_sigma = 0.25;  // orgs >= 1: tasks-per-project spread

  // --- Projects. ---
  double project_age_skew = 1.4;  // creation = start + span * u^skew (older projects commoner)
  double project_duration_median_days = 80.0;
  double project_duration_sigma = 0.5;
  double project_completion_share = 0.85;  // of projects whose planned end has passed
  double archived_share = 0.5;             // of completed projects
  double project_member_commenter_share = 0.10;
  double tasks_per_project_sigma = 0.35;  // log-normal spread around --tasks-per-project
  // Share of projects whose tasks carry tags, and how often (UNCONFIRMED; asana-model.md 2.3
  // says metadata is sparse and concentrated in a few active projects).
  std::array<double, 3> project_tag_rate = {0.02, 0.12, 0.40};
  std::array<double, 3> project_tag_rate_weight = {0.55, 0.30, 0.15};

  // --- Tasks (asana-model.md 2.6; all UNCONFIRMED heuristics). ---
  double milestone_share = 0.03;
  double approval_share = 0.02;
  double description_share = 0.6;
  double completion_lag_median_days = 6.0;  // creation -> completion, log-normal (calendar days)
  double completion_lag_sigma = 1.1;
  double milestone_lag_median_days = 18.0;
  double milestone_lag_sigma = 0.8;
  double subtask_lag_median_days = 2.0;
  double subtask_lag_sigma = 1.0;
  double completion_share = 0.95;       // of tasks whose lag has elapsed
  double unassigned_open_share = 0.35;  // backlog: open tasks without an assignee
  double unassigned_done_share = 0.10;
  double due_date_share = 0.6;  // tasks with a due date (milestones: all)
  double due_lag_median_days = 7.0;
  double due_lag_sigma = 0.9;
  // A due date drawn on a weekend moves to the nearest weekday with this probability:
  // 5/7 + 2/7 * 0.475 = 85% of due dates on weekdays.
  double due_weekend_to_weekday = 0.475;
  double overdue_rescheduled_share = 0.5;  // open tasks past due whose date was pushed out
  double start_date_share = 0.25;          // of tasks with a due date
  double assignee_zipf_s = 0.9;            // workload skew among a team's members
  double subtask_share = 0.22;             // top-level tasks with subtasks
  double subtask_extra_mean = 2.0;         // subtasks = 1 + Geometric(mean)
  int subtask_max = 12;
  double nested_subtask_share = 0.06;  // subtasks that have subtasks of their own
  double comments_mean = 1.3;          // per top-level task, geometric
  double subtask_comments_mean = 0.4;
  double comment_by_assignee = 0.45;
  double comment_by_creator = 0.20;
  double extra_follower_share = 0.25;
  double pinned_comment_share = 0.02;
  double comment_mobile_share = 0.12;
  double comment_email_share = 0.05;

  // --- Activity feed (asana-model.md 1.7; shares UNCONFIRMED, our choice). ---
  double reassigned_share = 0.12;        // assigned tasks first given to someone else
  double unassigned_later_share = 0.10;  // unassigned open tasks that had an assignee once
  double reopened_share = 0.03;          // completed tasks marked incomplete once, then done again
  double done_via_doing_share = 0.75;    // completed tasks that passed through the "doing" section
  double done_via_review_share = 0.35;   // ... and through "review"
  double start_in_backlog_share = 0.4;   // triaged tasks that were first filed in the backlog
  double field_changed_share = 0.15;     // enum and number values changed after creation
  double late_tag_share = 0.2;           // tags added days after creation rather than at once

  // --- Project lifecycle (UNCONFIRMED, our choice). ---
  double dependency_share = 0.10;  // top-level tasks waiting on an earlier task of the project
  int dependency_max = 2;          // prerequisites per dependent task
  int dependency_window = 30;      // prerequisites come from the last N tasks of the project
  double multi_home_share = 0.04;  // top-level tasks also in another team project covering them
  double status_first_median_days = 7.0;      // project creation -> first status update
  double status_interval_median_days = 10.0;  // between status updates, log-normal
  double status_interval_sigma = 0.35;
  double status_by_owner_share = 0.8;  // else the team lead writes it
  // Status of the next update given the last, rows and columns in the order on_track, at_risk,
  // off_track, on_hold (the first update is on_track; a completed project ends 'complete').
  std::array<double, 16> status_transition = {0.78, 0.17, 0.03, 0.02,   // from on_track
                                              0.45, 0.35, 0.15, 0.05,   // from at_risk
                                              0.15, 0.40, 0.40, 0.05,   // from off_track
                                              0.40, 0.10, 0.00, 0.50};  // from on_hold
};

// The default profile.
const Profile& DefaultProfile();

// The profile as a documented text file ("name = value" lines, lists in brackets, "#" comments),
// every parameter with its doc line; ParseProfile reads it back. `asanasim profile` prints it.
std::string FormatProfile(const Profile& profile);

// A profile file over the defaults: only the parameters it names change. Errors are
// InvalidArgument with one line naming `source` and the line (unknown name, bad number, wrong
// list length, value out of range, inconsistent shares).
absl::StatusOr<Profile> ParseProfile(std::string_view text, std::string_view source);

// ParseProfile of the file at `path`; the defaults when `path` is empty.
absl::StatusOr<Profile> LoadProfile(const std::string& path);

// The parameters that differ from the defaults as a JSON object ({} for the defaults), for the
// run record: two runs with equal options and equal overrides produce the same bytes.
std::string ProfileOverridesJson(const Profile& profile);

}  // namespace asanasim

#endif  // ASANASIM_SRC_PLAN_PROFILE_H_
