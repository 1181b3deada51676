-- asanasim schema: the one DDL. It is embedded into the binary at build time and is executed in
-- two parts: everything above the line "-- @indexes" before the load, everything below it after.
--
-- Conventions
--   * Ids are 64-bit integers computed from (organization, job, local index); see src/gen/ids.h.
--     Rows are inserted in ascending id order, so every primary key grows by appending.
--   * Timestamps are ISO-8601 UTC text with milliseconds ('2026-05-14T09:32:11.000Z'); dates are
--     'YYYY-MM-DD'. Both compare correctly as text.
--   * Foreign keys are declared everywhere. The generator loads with enforcement off and the
--     tests prove `PRAGMA foreign_key_check` is empty; consumers should run with
--     `PRAGMA foreign_keys = ON`.
--   * CHECK constraints hold on every row, and are enforced on every later write. The generator
--     loads with `PRAGMA ignore_check_constraints = ON` (evaluating them per row was 40% of its
--     run) and the tests prove `PRAGMA integrity_check`, which evaluates them all, is ok;
--     `asanasim validate` runs it.
--   * Tables are STRICT (SQLite >= 3.37): a value of the wrong type is an error, not a coercion.

-- Marks the file as an asanasim database ('ASIM') and records the schema version; keep
-- user_version equal to kSchemaVersion in src/model/schema.h.
PRAGMA application_id = 1095977293;
PRAGMA user_version = 5;

-- One row per generator run that wrote into this file (a merged file holds one per shard).
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  generator          TEXT    NOT NULL,
  generator_version  TEXT    NOT NULL,
  schema_version     INTEGER NOT NULL,
  seed               INTEGER NOT NULL CHECK (seed >= 0),
  as_of              TEXT    NOT NULL,
  history_start      TEXT    NOT NULL CHECK (history_start < as_of),
  org_count          INTEGER NOT NULL CHECK (org_count >= 1),
  org_begin          INTEGER NOT NULL CHECK (org_begin >= 0),
  org_end            INTEGER NOT NULL CHECK (org_end > org_begin AND org_end <= org_count),
  options_json       TEXT    NOT NULL
) STRICT;

CREATE TABLE organizations (
  id            INTEGER PRIMARY KEY,
  org_index     INTEGER NOT NULL UNIQUE CHECK (org_index >= 0),
  name          TEXT    NOT NULL,
  email_domain  TEXT    NOT NULL,
  industry      TEXT    NOT NULL,
  headquarters  TEXT    NOT NULL,
  created_at    TEXT    NOT NULL
) STRICT;

CREATE TABLE users (
  id               INTEGER PRIMARY KEY,
  organization_id  INTEGER NOT NULL REFERENCES organizations(id),
  name             TEXT    NOT NULL,
  email            TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  department       TEXT    NOT NULL,
  -- IANA zone (e.g. America/Los_Angeles). Local times are this zone's, daylight saving time
  -- included: in SQL, strftime(..., 'localtime') does not apply; use the zone's rules (asanasim
  -- validate does, through tzdata).
  time_zone        TEXT    NOT NULL,
  is_admin         INTEGER NOT NULL CHECK (is_admin IN (0, 1)),
  is_active        INTEGER NOT NULL CHECK (is_active IN (0, 1)),
  created_at       TEXT    NOT NULL
) STRICT;

CREATE TABLE teams (
  id               INTEGER PRIMARY KEY,
  organization_id  INTEGER NOT NULL REFERENCES organizations(id),
  name             TEXT    NOT NULL,
  description      TEXT    NOT NULL,
  department       TEXT    NOT NULL,
  visibility       TEXT    NOT NULL CHECK (visibility IN ('secret', 'request_to_join', 'public')),
  created_at       TEXT    NOT NULL
) STRICT;

CREATE TABLE team_memberships (
  team_id    INTEGER NOT NULL REFERENCES teams(id),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  role       TEXT    NOT NULL CHECK (role IN ('admin', 'member')),
  joined_at  TEXT    NOT NULL,
  PRIMARY KEY (team_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE custom_field_definitions (
  id                      INTEGER PRIMARY KEY,
  organization_id         INTEGER NOT NULL REFERENCES organizations(id),
  name                    TEXT    NOT NULL,
  description             TEXT    NOT NULL,
  resource_subtype        TEXT    NOT NULL
                          CHECK (resource_subtype IN ('text', 'number', 'enum', 'date', 'people')),
  format                  TEXT    NOT NULL
                          CHECK (format IN ('none', 'currency', 'percentage', 'custom', 'duration')),
  precision               INTEGER CHECK (precision BETWEEN 0 AND 6),
  currency_code           TEXT,
  custom_label            TEXT,
  is_global_to_workspace  INTEGER NOT NULL CHECK (is_global_to_workspace IN (0, 1)),
  created_by_id           INTEGER NOT NULL REFERENCES users(id),
  created_at              TEXT    NOT NULL,
  CHECK ((resource_subtype = 'number') = (precision IS NOT NULL)),
  CHECK ((format = 'currency') = (currency_code IS NOT NULL)),
  UNIQUE (id, resource_subtype)
) STRICT;

CREATE TABLE custom_field_enum_options (
  id               INTEGER PRIMARY KEY,
  custom_field_id  INTEGER NOT NULL REFERENCES custom_field_definitions(id),
  name             TEXT    NOT NULL,
  color            TEXT    NOT NULL,
  enabled          INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  position         INTEGER NOT NULL CHECK (position >= 0),
  UNIQUE (id, custom_field_id)
) STRICT;

CREATE TABLE tags (
  id               INTEGER PRIMARY KEY,
  organization_id  INTEGER NOT NULL REFERENCES organizations(id),
  name             TEXT    NOT NULL,
  color            TEXT    CHECK (color IS NULL OR color IN (
                     'dark-pink', 'dark-green', 'dark-blue', 'dark-red', 'dark-teal', 'dark-brown',
                     'dark-orange', 'dark-purple', 'dark-warm-gray', 'light-pink', 'light-green',
                     'light-blue', 'light-red', 'light-teal', 'light-brown', 'light-orange',
                     'light-purple', 'light-warm-gray')),
  notes            TEXT    NOT NULL,
  created_at       TEXT    NOT NULL
) STRICT;

CREATE TABLE projects (
  id                INTEGER PRIMARY KEY,
  organization_id   INTEGER NOT NULL REFERENCES organizations(id),
  team_id           INTEGER NOT NULL REFERENCES teams(id),
  name              TEXT    NOT NULL,
  notes             TEXT    NOT NULL,
  owner_id          INTEGER REFERENCES users(id),
  color             TEXT    CHECK (color IS NULL OR color IN ('none',
                      'dark-pink', 'dark-green', 'dark-blue', 'dark-red', 'dark-teal', 'dark-brown',
                      'dark-orange', 'dark-purple', 'dark-warm-gray', 'light-pink', 'light-green',
                      'light-blue', 'light-red', 'light-teal', 'light-brown', 'light-orange',
                      'light-purple', 'light-warm-gray')),
  default_view      TEXT    NOT NULL CHECK (default_view IN ('list', 'board', 'calendar', 'timeline')),
  privacy_setting   TEXT    NOT NULL
                    CHECK (privacy_setting IN ('public_to_workspace', 'private_to_team', 'private')),
  archived          INTEGER NOT NULL CHECK (archived IN (0, 1)),
  start_on          TEXT,
  due_on            TEXT,
  completed         INTEGER NOT NULL CHECK (completed IN (0, 1)),
  completed_at      TEXT,
  completed_by_id   INTEGER REFERENCES users(id),
  created_at        TEXT    NOT NULL,
  modified_at       TEXT    NOT NULL,
  CHECK ((completed = 1) = (completed_at IS NOT NULL)),
  CHECK ((completed = 1) = (completed_by_id IS NOT NULL)),
  CHECK (completed_at IS NULL OR completed_at >= created_at),
  CHECK (archived = 0 OR completed = 1),
  CHECK (start_on IS NULL OR due_on IS NULL OR start_on <= due_on),
  CHECK (modified_at >= created_at)
) STRICT;

CREATE TABLE project_memberships (
  project_id    INTEGER NOT NULL REFERENCES projects(id),
  user_id       INTEGER NOT NULL REFERENCES users(id),
  access_level  TEXT    NOT NULL CHECK (access_level IN ('admin', 'editor', 'commenter', 'viewer')),
  PRIMARY KEY (project_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE project_custom_field_settings (
  project_id       INTEGER NOT NULL REFERENCES projects(id),
  custom_field_id  INTEGER NOT NULL REFERENCES custom_field_definitions(id),
  is_important     INTEGER NOT NULL CHECK (is_important IN (0, 1)),
  PRIMARY KEY (project_id, custom_field_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sections (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  name        TEXT    NOT NULL,
  position    INTEGER NOT NULL CHECK (position >= 0),
  created_at  TEXT    NOT NULL,
  UNIQUE (id, project_id)
) STRICT;

-- Tasks and subtasks of any depth. A top-level task has its project's section; a subtask keeps
-- its parent's project_id (for queries) and no section, as in Asana where subtasks sit outside
-- the list until added to a project.
CREATE TABLE tasks (
  id                INTEGER PRIMARY KEY,
  organization_id   INTEGER NOT NULL REFERENCES organizations(id),
  project_id        INTEGER NOT NULL REFERENCES projects(id),
  section_id        INTEGER,
  parent_id         INTEGER REFERENCES tasks(id),
  name              TEXT    NOT NULL CHECK (length(name) > 0),
  notes             TEXT    NOT NULL,
  resource_subtype  TEXT    NOT NULL CHECK (resource_subtype IN ('default_task', 'milestone', 'approval')),
  approval_status   TEXT    CHECK (approval_status IS NULL OR approval_status IN
                              ('pending', 'approved', 'rejected', 'changes_requested')),
  assignee_id       INTEGER REFERENCES users(id),
  created_by_id     INTEGER NOT NULL REFERENCES users(id),
  created_at        TEXT    NOT NULL,
  modified_at       TEXT    NOT NULL,
  start_on          TEXT,
  due_on            TEXT,
  completed         INTEGER NOT NULL CHECK (completed IN (0, 1)),
  completed_at      TEXT,
  completed_by_id   INTEGER REFERENCES users(id),
  -- Where the description came from: 'template' (tiers 1-2) or 'llm' (tier 3); NULL without one.
  notes_source      TEXT    CHECK (notes_source IN ('template', 'llm')),
  -- The story its text tells: the archetype ("saas/engineering/memory-leak": pack, department,
  -- id; a subtask has its parent's) and, on a top-level task, the slot values bound for it as a
  -- JSON object ({"service": "gateway", "pr": "4821"}). NULL for text from plain templates.
  archetype         TEXT,
  story_slots       TEXT    CHECK (story_slots IS NULL OR (json_valid(story_slots) AND parent_id IS NULL)),
  FOREIGN KEY (section_id, project_id) REFERENCES sections(id, project_id),
  CHECK ((notes = '') = (notes_source IS NULL)),
  CHECK ((parent_id IS NULL) = (section_id IS NOT NULL)),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK ((completed = 1) = (completed_at IS NOT NULL)),
  CHECK ((completed = 1) = (completed_by_id IS NOT NULL)),
  CHECK (completed_at IS NULL OR completed_at >= created_at),
  CHECK (modified_at >= created_at),
  CHECK (modified_at >= completed_at OR completed_at IS NULL),
  CHECK (start_on IS NULL OR (due_on IS NOT NULL AND start_on <= due_on)),
  CHECK (resource_subtype <> 'milestone' OR start_on IS NULL),
  CHECK ((resource_subtype = 'approval') = (approval_status IS NOT NULL)),
  CHECK (approval_status IS NULL OR (approval_status = 'pending') = (completed = 0))
) STRICT;

-- Comments and system activity on tasks, in time order per task (ties broken by id). System
-- stories carry their change as typed columns (Asana's old_*/new_* story fields), so a task's
-- final state is the result of replaying its stories from an empty task:
--   created                      project_id, new_section_id: the home project's first section
--                                (both NULL for subtasks, which sit in no section)
--   assigned / unassigned        old_user_id -> new_user_id (the assignee; NULL when unassigned)
--   due_date_changed             old/new_due_on, old/new_start_on (NULL = no date)
--   section_changed              project_id, old_section_id -> new_section_id
--   added_to_project             project_id, new_section_id (a second home, see task_projects)
--   added_to_tag                 tag_id
--   follower_added               new_user_id (a watcher; creator, assignees and commenters
--                                follow automatically)
--   dependency_added             dependency_id (the task this one waits on)
--   enum_custom_field_changed    custom_field_id, old/new_enum_option_id
--   number_custom_field_changed  custom_field_id, old/new_number_value
--   approval_status_changed      new_approval_status
--   marked_complete / marked_incomplete, comment_added: no payload.
-- Custom fields set at creation have no story; a field that changed later ends at its last
-- change's new value.
CREATE TABLE stories (
  id                   INTEGER PRIMARY KEY,
  task_id              INTEGER NOT NULL REFERENCES tasks(id),
  created_by_id        INTEGER NOT NULL REFERENCES users(id),
  type                 TEXT    NOT NULL CHECK (type IN ('comment', 'system')),
  resource_subtype     TEXT    NOT NULL CHECK (resource_subtype IN (
                         'comment_added', 'created', 'assigned', 'unassigned', 'due_date_changed',
                         'section_changed', 'added_to_project', 'added_to_tag', 'follower_added',
                         'dependency_added', 'enum_custom_field_changed',
                         'number_custom_field_changed', 'approval_status_changed',
                         'marked_complete', 'marked_incomplete')),
  text                 TEXT    NOT NULL CHECK (length(text) > 0),
  created_at           TEXT    NOT NULL,
  is_pinned            INTEGER NOT NULL CHECK (is_pinned IN (0, 1)),
  source               TEXT    NOT NULL CHECK (source IN ('web', 'email', 'mobile', 'api', 'unknown')),
  old_user_id          INTEGER REFERENCES users(id),
  new_user_id          INTEGER REFERENCES users(id),
  old_due_on           TEXT,
  new_due_on           TEXT,
  old_start_on         TEXT,
  new_start_on         TEXT,
  project_id           INTEGER REFERENCES projects(id),
  old_section_id       INTEGER REFERENCES sections(id),
  new_section_id       INTEGER,
  tag_id               INTEGER REFERENCES tags(id),
  dependency_id        INTEGER REFERENCES tasks(id),
  custom_field_id      INTEGER REFERENCES custom_field_definitions(id),
  old_enum_option_id   INTEGER REFERENCES custom_field_enum_options(id),
  new_enum_option_id   INTEGER REFERENCES custom_field_enum_options(id),
  old_number_value     REAL,
  new_number_value     REAL,
  new_approval_status  TEXT    CHECK (new_approval_status IS NULL OR new_approval_status IN
                                 ('pending', 'approved', 'rejected', 'changes_requested')),
  -- Where the text came from: 'template' (tiers 1-2; all system stories) or 'llm' (tier 3).
  text_source          TEXT    NOT NULL CHECK (text_source IN ('template', 'llm')),
  FOREIGN KEY (new_section_id, project_id) REFERENCES sections(id, project_id),
  CHECK ((type = 'comment') = (resource_subtype = 'comment_added')),
  CHECK (CASE resource_subtype
           WHEN 'assigned'                    THEN new_user_id IS NOT NULL
           WHEN 'unassigned'                  THEN old_user_id IS NOT NULL AND new_user_id IS NULL
           WHEN 'follower_added'              THEN new_user_id IS NOT NULL
           WHEN 'section_changed'             THEN project_id IS NOT NULL AND new_section_id IS NOT NULL
           WHEN 'added_to_project'            THEN project_id IS NOT NULL AND new_section_id IS NOT NULL
           WHEN 'added_to_tag'                THEN tag_id IS NOT NULL
           WHEN 'dependency_added'            THEN dependency_id IS NOT NULL
           WHEN 'enum_custom_field_changed'   THEN custom_field_id IS NOT NULL AND
                                                   new_enum_option_id IS NOT NULL
           WHEN 'number_custom_field_changed' THEN custom_field_id IS NOT NULL AND
                                                   new_number_value IS NOT NULL
           WHEN 'approval_status_changed'     THEN new_approval_status IS NOT NULL
           ELSE 1 END),
  CHECK (new_start_on IS NULL OR (new_due_on IS NOT NULL AND new_start_on <= new_due_on))
) STRICT;

-- A task's stories in time order. The one secondary index built during the load, not after it:
-- stories are written task by task in time order with growing ids, so each entry lands at the
-- index's right edge, as the rows do (0 of the 302,531 stories of `--orgs 8` out of order).
-- Sorting it afterwards held a 64 KiB buffer per sorted run: a 60-million-row run peaked at
-- 91 MiB, against 66 MiB this way, in the same time (163 s and 167 s; about 10% slower at 0.5-4
-- million rows, where the sort was cheap).
CREATE INDEX stories_by_task ON stories(task_id, created_at);

-- Entity-attribute-value: one row per (task, field) with exactly one typed value column set,
-- and that column agrees with the field's type (enforced by the composite foreign key).
CREATE TABLE custom_field_values (
  task_id          INTEGER NOT NULL REFERENCES tasks(id),
  custom_field_id  INTEGER NOT NULL,
  value_type       TEXT    NOT NULL,
  text_value       TEXT,
  number_value     REAL,
  enum_option_id   INTEGER,
  date_value       TEXT,
  people_value_id  INTEGER REFERENCES users(id),
  PRIMARY KEY (task_id, custom_field_id),
  FOREIGN KEY (custom_field_id, value_type)
    REFERENCES custom_field_definitions(id, resource_subtype),
  FOREIGN KEY (enum_option_id, custom_field_id)
    REFERENCES custom_field_enum_options(id, custom_field_id),
  CHECK ((text_value IS NOT NULL) + (number_value IS NOT NULL) + (enum_option_id IS NOT NULL) +
         (date_value IS NOT NULL) + (people_value_id IS NOT NULL) = 1),
  CHECK (CASE value_type
           WHEN 'text'   THEN text_value IS NOT NULL
           WHEN 'number' THEN number_value IS NOT NULL
           WHEN 'enum'   THEN enum_option_id IS NOT NULL
           WHEN 'date'   THEN date_value IS NOT NULL
           WHEN 'people' THEN people_value_id IS NOT NULL
           ELSE 0 END)
) STRICT, WITHOUT ROWID;

CREATE TABLE task_tags (
  task_id  INTEGER NOT NULL REFERENCES tasks(id),
  tag_id   INTEGER NOT NULL REFERENCES tags(id),
  PRIMARY KEY (task_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE task_followers (
  task_id  INTEGER NOT NULL REFERENCES tasks(id),
  user_id  INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (task_id, user_id)
) STRICT, WITHOUT ROWID;

-- Further homes of a multi-homed top-level task (its home is tasks.project_id), with the
-- section it sits in there. Projects of the task's own team only.
CREATE TABLE task_projects (
  task_id     INTEGER NOT NULL REFERENCES tasks(id),
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  section_id  INTEGER NOT NULL,
  added_at    TEXT    NOT NULL,
  PRIMARY KEY (task_id, project_id),
  FOREIGN KEY (section_id, project_id) REFERENCES sections(id, project_id)
) STRICT, WITHOUT ROWID;

-- "task_id waits on depends_on_id": both top-level tasks of one project; the prerequisite was
-- created first and, when the dependent is done, was done no later.
CREATE TABLE task_dependencies (
  task_id        INTEGER NOT NULL REFERENCES tasks(id),
  depends_on_id  INTEGER NOT NULL REFERENCES tasks(id),
  created_at     TEXT    NOT NULL,
  PRIMARY KEY (task_id, depends_on_id),
  CHECK (task_id <> depends_on_id)
) STRICT, WITHOUT ROWID;

-- Project status updates, in time order per project; a completed project's last one is
-- 'complete' (and only then is a status 'complete').
CREATE TABLE status_updates (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects(id),
  author_id    INTEGER NOT NULL REFERENCES users(id),
  status_type  TEXT    NOT NULL
               CHECK (status_type IN ('on_track', 'at_risk', 'off_track', 'on_hold', 'complete')),
  title        TEXT    NOT NULL CHECK (length(title) > 0),
  text         TEXT    NOT NULL CHECK (length(text) > 0),
  created_at   TEXT    NOT NULL
) STRICT;

-- @indexes
-- Secondary indexes, built after the load (building them during it is several times slower for
-- indexes whose entries arrive out of key order, as these do; stories_by_task is above).
CREATE UNIQUE INDEX users_by_email ON users(email);
CREATE INDEX users_by_organization ON users(organization_id);
CREATE INDEX teams_by_organization ON teams(organization_id);
CREATE INDEX team_memberships_by_user ON team_memberships(user_id);
CREATE INDEX projects_by_team ON projects(team_id);
CREATE INDEX project_memberships_by_user ON project_memberships(user_id);
CREATE INDEX sections_by_project ON sections(project_id, position);
CREATE INDEX tasks_by_assignee ON tasks(assignee_id, completed, due_on);
CREATE INDEX tasks_by_project_section ON tasks(project_id, section_id);
CREATE INDEX tasks_by_parent ON tasks(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX custom_field_values_by_field ON custom_field_values(custom_field_id);
CREATE INDEX task_tags_by_tag ON task_tags(tag_id);
CREATE INDEX task_followers_by_user ON task_followers(user_id);
CREATE INDEX task_projects_by_project ON task_projects(project_id, section_id);
CREATE INDEX task_dependencies_by_prerequisite ON task_dependencies(depends_on_id);
CREATE INDEX status_updates_by_project ON status_updates(project_id, created_at);
