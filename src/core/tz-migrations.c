/* tz-migrations.c — the numbered schema migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Migration N takes a database from user_version N-1 to N. Each one runs in its
 * own transaction (see migrate() in tz-db.c), after a backup copy of any
 * non-empty file. A released migration is never edited: change the schema by
 * adding migration N+1 and raising TZ_DB_SCHEMA_VERSION.
 *
 *   1  the whole domain: units, campaigns and their notice data, tracks with
 *      rules, requirements, divisions, award tiers and rounds, quotas,
 *      activities, people, teams, entries, opinions, judging, seals, files
 *   2  the audit log and its triggers (who, when, table, row, old → new)
 *   3  FTS5 trigram indexes for people and entries
 */
#define G_LOG_DOMAIN "tz-migrations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-db-private.h"

#define DATE_CHECK(col)                                                                            \
  "(" col " IS NULL OR (" col " GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(" col    \
  ", '+0 days') = " col "))"
#define MONTH_CHECK(col)                                                                           \
  "(" col " IS NULL OR " col " GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' OR " DATE_CHECK (col) ")"
#define UUID_COL                                                                                   \
  "uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || "                        \
  "lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || "           \
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || "  \
  "lower(hex(randomblob(6))))"
#define STAMPS                                                                                     \
  "created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), updated_at TEXT NOT " \
  "NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/* clang-format off */
static const char migration_1[] =
  "PRAGMA application_id = 1415201858;" /* TZ_DB_APPLICATION_ID, "TZDB" */

  /* Units form a tree shared by every campaign: a province federation, its city
   * federations, their schools and enterprises. A name is unique under its parent. */
  "CREATE TABLE unit ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  parent_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  short_name TEXT,"
  "  kind TEXT NOT NULL DEFAULT 'other',"
  "  region TEXT,"
  "  school_level TEXT,"
  "  address TEXT,"
  "  phone TEXT,"
  "  note TEXT,"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  " STAMPS ","
  "  CHECK (parent_id IS NULL OR parent_id <> id)"
  ") STRICT;"
  "CREATE UNIQUE INDEX unit_name_under_parent ON unit (ifnull(parent_id, 0), name);"

  /* Seal images of a unit; specimen seals (样章) are marked so reports can say so. */
  "CREATE TABLE seal ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  mime_type TEXT NOT NULL,"
  "  image BLOB NOT NULL,"
  "  width INTEGER,"
  "  height INTEGER,"
  "  diameter_mm REAL NOT NULL DEFAULT 42 CHECK (diameter_mm > 0),"
  "  is_specimen INTEGER NOT NULL DEFAULT 0 CHECK (is_specimen IN (0, 1)),"
  "  is_default INTEGER NOT NULL DEFAULT 1 CHECK (is_default IN (0, 1)),"
  "  " STAMPS
  ") STRICT;"
  "CREATE INDEX seal_unit ON seal (unit_id);"

  /* A campaign as its notice announces it. */
  "CREATE TABLE campaign ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  short_title TEXT,"
  "  theme TEXT,"
  "  issuer TEXT,"
  "  issuer_unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,"
  "  doc_number TEXT,"
  "  issue_date TEXT CHECK " DATE_CHECK ("issue_date") ","
  "  print_date TEXT CHECK " DATE_CHECK ("print_date") ","
  "  addressees TEXT,"
  "  forwarded_by TEXT,"
  "  forward_doc_number TEXT,"
  "  forward_note TEXT,"
  "  start_date TEXT CHECK " DATE_CHECK ("start_date") ","
  "  end_date TEXT CHECK " DATE_CHECK ("end_date") ","
  "  period_text TEXT,"
  "  audience TEXT,"
  "  platform TEXT,"
  "  participation TEXT,"
  "  mailbox TEXT,"
  "  summary TEXT,"
  "  requirements_text TEXT,"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'finished', 'archived')),"
  "  " STAMPS ","
  "  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date)"
  ") STRICT;"

  /* The units a campaign involves, with their role: issuer, organiser, participant. */
  "CREATE TABLE campaign_unit ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,"
  "  role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN ('issuer', 'organizer', 'forwarder', 'participant', 'context')),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (campaign_id, unit_id)"
  ") STRICT;"

  /* 主办/承办/协办单位, 媒体平台: named bodies that need not be units of the tree. */
  "CREATE TABLE organizer ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  sort_order INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE stage ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  start_date TEXT CHECK " DATE_CHECK ("start_date") ","
  "  end_date TEXT CHECK " DATE_CHECK ("end_date") ","
  "  period_text TEXT,"
  "  description TEXT,"
  "  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),"
  "  UNIQUE (campaign_id, seq)"
  ") STRICT;"

  "CREATE TABLE contact ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL DEFAULT 0,"
  "  organization TEXT,"
  "  department TEXT,"
  "  name TEXT,"
  "  phone TEXT,"
  "  email TEXT,"
  "  note TEXT"
  ") STRICT;"

  /* Tracks (子活动 / 子项目): who enters, what counts, what is asked. */
  "CREATE TABLE track ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  short_name TEXT,"
  "  theme TEXT,"
  "  description TEXT,"
  "  entrant_kind TEXT NOT NULL DEFAULT 'person' CHECK (entrant_kind IN ('person', 'team', 'unit', 'person_or_team', 'unit_or_team', 'any')),"
  "  entry_kind TEXT NOT NULL DEFAULT 'work' CHECK (entry_kind IN ('work', 'nomination', 'account')),"
  "  form TEXT NOT NULL DEFAULT 'none' CHECK (form IN ('none', 'personal', 'list')),"
  "  ranking_method TEXT NOT NULL DEFAULT 'expert' CHECK (ranking_method IN ('expert', 'metric', 'composite', 'manual')),"
  "  metric TEXT,"
  "  expert_weight REAL NOT NULL DEFAULT 0 CHECK (expert_weight >= 0),"
  "  metric_weight REAL NOT NULL DEFAULT 0 CHECK (metric_weight >= 0),"
  "  best_work_only INTEGER NOT NULL DEFAULT 0 CHECK (best_work_only IN (0, 1)),"
  "  one_entry_per_entrant INTEGER NOT NULL DEFAULT 0 CHECK (one_entry_per_entrant IN (0, 1)),"
  "  max_per_voter_per_day INTEGER CHECK (max_per_voter_per_day IS NULL OR max_per_voter_per_day > 0),"
  "  score_aggregate TEXT NOT NULL DEFAULT 'mean' CHECK (score_aggregate IN ('mean', 'trimmed_mean')),"
  "  normalize_judges INTEGER NOT NULL DEFAULT 0 CHECK (normalize_judges IN (0, 1)),"
  "  ranking_note TEXT,"
  "  platform TEXT,"
  "  submission TEXT,"
  "  start_date TEXT CHECK " DATE_CHECK ("start_date") ","
  "  end_date TEXT CHECK " DATE_CHECK ("end_date") ","
  "  period_text TEXT,"
  "  audience TEXT,"
  "  " STAMPS ","
  "  UNIQUE (campaign_id, name)"
  ") STRICT;"

  "CREATE TABLE track_platform ("
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  PRIMARY KEY (track_id, name)"
  ") STRICT;"

  /* A requirement is a known key with a value (see tz-requirements) or free text. */
  "CREATE TABLE requirement ("
  "  id INTEGER PRIMARY KEY,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  value TEXT,"
  "  note TEXT"
  ") STRICT;"

  "CREATE TABLE opinion_level ("
  "  id INTEGER PRIMARY KEY,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  unit_kind TEXT,"
  "  UNIQUE (track_id, seq)"
  ") STRICT;"

  "CREATE TABLE criterion ("
  "  id INTEGER PRIMARY KEY,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  description TEXT,"
  "  max_score REAL CHECK (max_score IS NULL OR max_score > 0),"
  "  weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),"
  "  UNIQUE (track_id, name)"
  ") STRICT;"

  /* Divisions (榜) split a track; each filter is one dimension = value, all must hold. */
  "CREATE TABLE division ("
  "  id INTEGER PRIMARY KEY,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  UNIQUE (track_id, name)"
  ") STRICT;"
  "CREATE TABLE division_filter ("
  "  division_id INTEGER NOT NULL REFERENCES division(id) ON DELETE CASCADE,"
  "  dimension TEXT NOT NULL CHECK (dimension IN ('platform', 'unit_kind', 'school_level', 'region', 'entrant_kind', 'unit')),"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (division_id, dimension, value)"
  ") STRICT;"

  "CREATE TABLE award_tier ("
  "  id INTEGER PRIMARY KEY,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  division_id INTEGER REFERENCES division(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  count INTEGER NOT NULL CHECK (count >= 0),"
  "  prize TEXT,"
  "  amount_yuan INTEGER CHECK (amount_yuan IS NULL OR amount_yuan >= 0),"
  "  certificate INTEGER NOT NULL DEFAULT 0 CHECK (certificate IN (0, 1)),"
  "  special INTEGER NOT NULL DEFAULT 0 CHECK (special IN (0, 1)),"
  "  recipient TEXT NOT NULL DEFAULT 'entry' CHECK (recipient IN ('entry', 'person', 'organization', 'instructor')),"
  "  unit_kind TEXT,"
  "  note TEXT"
  ") STRICT;"

  /* Rounds: a preliminary held by lower units sends its top N to the next round. */
  "CREATE TABLE round ("
  "  id INTEGER PRIMARY KEY,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  held_by TEXT,"
  "  advance_count INTEGER CHECK (advance_count IS NULL OR advance_count >= 0),"
  "  start_date TEXT CHECK " DATE_CHECK ("start_date") ","
  "  end_date TEXT CHECK " DATE_CHECK ("end_date") ","
  "  period_text TEXT,"
  "  UNIQUE (track_id, seq)"
  ") STRICT;"

  "CREATE TABLE deadline ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  track_id INTEGER REFERENCES track(id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  due_date TEXT NOT NULL CHECK " DATE_CHECK ("due_date") ","
  "  period_text TEXT,"
  "  deliverable TEXT,"
  "  recipient TEXT,"
  "  mailbox TEXT,"
  "  set_by TEXT,"
  "  note TEXT"
  ") STRICT;"

  /* Quotas: how many offline activities a unit must hold, or how many nominees
   * or works it may recommend. unit_id NULL is the rule for every participant. */
  "CREATE TABLE quota ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  track_id INTEGER REFERENCES track(id) ON DELETE CASCADE,"
  "  unit_id INTEGER REFERENCES unit(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('activity', 'nominee', 'work')),"
  "  min_count INTEGER NOT NULL DEFAULT 0 CHECK (min_count >= 0),"
  "  max_count INTEGER CHECK (max_count IS NULL OR max_count >= min_count),"
  "  seq INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT,"
  "  " STAMPS
  ") STRICT;"
  "CREATE UNIQUE INDEX quota_once ON quota (campaign_id, kind, ifnull(track_id, 0), ifnull(unit_id, 0));"

  "CREATE TABLE activity ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,"
  "  stage_id INTEGER REFERENCES stage(id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  held_on TEXT NOT NULL CHECK " DATE_CHECK ("held_on") ","
  "  place TEXT,"
  "  enterprise TEXT,"
  "  participants INTEGER CHECK (participants IS NULL OR participants >= 0),"
  "  summary TEXT,"
  "  " STAMPS
  ") STRICT;"
  "CREATE INDEX activity_campaign_unit ON activity (campaign_id, unit_id);"

  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  gender TEXT CHECK (gender IS NULL OR gender IN ('男', '女')),"
  "  birth_date TEXT CHECK " MONTH_CHECK ("birth_date") ","
  "  ethnicity TEXT,"
  "  political TEXT,"
  "  id_number TEXT CHECK (id_number IS NULL OR length(id_number) = 18),"
  "  phone TEXT,"
  "  email TEXT,"
  "  unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,"
  "  employer TEXT,"
  "  position TEXT,"
  "  title TEXT,"
  "  note TEXT,"
  "  " STAMPS
  ") STRICT;"
  "CREATE UNIQUE INDEX person_id_number ON person (id_number) WHERE id_number IS NOT NULL;"
  "CREATE INDEX person_unit ON person (unit_id);"
  "CREATE INDEX person_name ON person (name);"

  "CREATE TABLE account ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,"
  "  unit_id INTEGER REFERENCES unit(id) ON DELETE CASCADE,"
  "  platform TEXT NOT NULL,"
  "  nickname TEXT,"
  "  handle TEXT,"
  "  url TEXT,"
  "  followers INTEGER CHECK (followers IS NULL OR followers >= 0),"
  "  followers_on TEXT CHECK " DATE_CHECK ("followers_on") ","
  "  " STAMPS ","
  "  CHECK ((person_id IS NULL) <> (unit_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX account_person ON account (person_id);"

  "CREATE TABLE team ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,"
  "  leader_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
  "  note TEXT,"
  "  " STAMPS
  ") STRICT;"
  "CREATE TABLE team_member ("
  "  team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
  "  role TEXT,"
  "  seq INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (team_id, person_id)"
  ") STRICT;"

  /* An entry is a work or a nomination in a track, by exactly one entrant. */
  "CREATE TABLE entry ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  division_id INTEGER REFERENCES division(id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT,"
  "  summary TEXT,"
  "  material TEXT,"
  "  person_id INTEGER REFERENCES person(id) ON DELETE RESTRICT,"
  "  team_id INTEGER REFERENCES team(id) ON DELETE RESTRICT,"
  "  entrant_unit_id INTEGER REFERENCES unit(id) ON DELETE RESTRICT,"
  "  recommending_unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,"
  "  instructor TEXT,"
  "  platform TEXT,"
  "  account_id INTEGER REFERENCES account(id) ON DELETE SET NULL,"
  "  url TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'reviewed', 'shortlisted', 'awarded', 'not_selected', 'withdrawn')),"
  "  submitted_on TEXT CHECK " DATE_CHECK ("submitted_on") ","
  "  duration_seconds REAL CHECK (duration_seconds IS NULL OR duration_seconds >= 0),"
  "  width INTEGER CHECK (width IS NULL OR width > 0),"
  "  height INTEGER CHECK (height IS NULL OR height > 0),"
  "  file_format TEXT,"
  "  file_size INTEGER CHECK (file_size IS NULL OR file_size >= 0),"
  "  file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),"
  "  note TEXT,"
  "  " STAMPS ","
  "  CHECK ((person_id IS NOT NULL) + (team_id IS NOT NULL) + (entrant_unit_id IS NOT NULL) = 1)"
  ") STRICT;"
  "CREATE INDEX entry_track ON entry (track_id);"
  "CREATE INDEX entry_campaign ON entry (campaign_id);"
  "CREATE INDEX entry_person ON entry (person_id);"
  "CREATE INDEX entry_recommending ON entry (recommending_unit_id);"
  "CREATE INDEX entry_sha256 ON entry (file_sha256) WHERE file_sha256 IS NOT NULL;"

  /* The opinion of each level on a form: text, date, who sealed it. */
  "CREATE TABLE opinion ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
  "  level INTEGER NOT NULL CHECK (level > 0),"
  "  level_name TEXT NOT NULL,"
  "  unit_id INTEGER REFERENCES unit(id) ON DELETE SET NULL,"
  "  text TEXT,"
  "  signed_on TEXT CHECK " DATE_CHECK ("signed_on") ","
  "  signer TEXT,"
  "  sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),"
  "  seal_id INTEGER REFERENCES seal(id) ON DELETE SET NULL,"
  "  " STAMPS ","
  "  UNIQUE (entry_id, level)"
  ") STRICT;"

  "CREATE TABLE judge ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  organization TEXT,"
  "  note TEXT,"
  "  UNIQUE (campaign_id, name)"
  ") STRICT;"
  "CREATE TABLE judge_track ("
  "  judge_id INTEGER NOT NULL REFERENCES judge(id) ON DELETE CASCADE,"
  "  track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (judge_id, track_id)"
  ") STRICT;"
  "CREATE TABLE score ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
  "  judge_id INTEGER NOT NULL REFERENCES judge(id) ON DELETE CASCADE,"
  "  criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,"
  "  value REAL CHECK (value IS NULL OR value >= 0),"
  "  abstain INTEGER NOT NULL DEFAULT 0 CHECK (abstain IN (0, 1)),"
  "  conflict INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1)),"
  "  " STAMPS ","
  "  UNIQUE (entry_id, judge_id, criterion_id)"
  ") STRICT;"

  /* Online metrics as dated snapshots; the latest counts. */
  "CREATE TABLE metric_snapshot ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER REFERENCES entry(id) ON DELETE CASCADE,"
  "  account_id INTEGER REFERENCES account(id) ON DELETE CASCADE,"
  "  metric TEXT NOT NULL,"
  "  value REAL NOT NULL CHECK (value >= 0),"
  "  taken_on TEXT NOT NULL CHECK " DATE_CHECK ("taken_on") ","
  "  source TEXT,"
  "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  CHECK ((entry_id IS NULL) <> (account_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX metric_entry ON metric_snapshot (entry_id, metric, taken_on);"

  "CREATE TABLE round_result ("
  "  round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,"
  "  entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,"
  "  score REAL,"
  "  rank INTEGER,"
  "  advances INTEGER NOT NULL DEFAULT 0 CHECK (advances IN (0, 1)),"
  "  PRIMARY KEY (round_id, entry_id)"
  ") STRICT;"

  "CREATE TABLE award ("
  "  id INTEGER PRIMARY KEY,"
  "  award_tier_id INTEGER NOT NULL REFERENCES award_tier(id) ON DELETE CASCADE,"
  "  entry_id INTEGER REFERENCES entry(id) ON DELETE CASCADE,"
  "  unit_id INTEGER REFERENCES unit(id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,"
  "  rank INTEGER,"
  "  manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),"
  "  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),"
  "  note TEXT,"
  "  " STAMPS
  ") STRICT;"
  "CREATE INDEX award_entry ON award (entry_id);"

  /* Files: the notice, evidence of an activity, a person's photo and material,
   * a work. Content lives in the files folder beside the database, by SHA-256. */
  "CREATE TABLE attachment ("
  "  id INTEGER PRIMARY KEY,"
  "  " UUID_COL ","
  "  campaign_id INTEGER REFERENCES campaign(id) ON DELETE CASCADE,"
  "  activity_id INTEGER REFERENCES activity(id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,"
  "  entry_id INTEGER REFERENCES entry(id) ON DELETE CASCADE,"
  "  opinion_id INTEGER REFERENCES opinion(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'file' CHECK (kind IN ('notice', 'evidence', 'photo', 'material', 'work', 'form', 'file')),"
  "  title TEXT,"
  "  file_name TEXT NOT NULL,"
  "  mime_type TEXT,"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  seq INTEGER NOT NULL DEFAULT 0,"
  "  " STAMPS ","
  "  CHECK ((campaign_id IS NOT NULL) + (activity_id IS NOT NULL) + (person_id IS NOT NULL) + (entry_id IS NOT NULL) + (opinion_id IS NOT NULL) = 1)"
  ") STRICT;"
  "CREATE INDEX attachment_sha256 ON attachment (sha256);"
  "CREATE INDEX attachment_activity ON attachment (activity_id);"
  "CREATE INDEX attachment_person ON attachment (person_id);"
  "CREATE INDEX attachment_entry ON attachment (entry_id);"
  ;

static const char migration_2[] =
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  actor TEXT NOT NULL,"
  "  tbl TEXT NOT NULL,"
  "  row_id INTEGER,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'export')),"
  "  old_values TEXT,"
  "  new_values TEXT"
  ") STRICT;"
  "CREATE INDEX audit_table_row ON audit_log (tbl, row_id);"
  "CREATE INDEX audit_at ON audit_log (at);"
  ;

static const char migration_3[] =
  "CREATE VIRTUAL TABLE person_fts USING fts5 (name, unit, position, tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE entry_fts USING fts5 (title, entrant, unit, description, tokenize = 'trigram');"

  "CREATE VIEW person_fts_source AS"
  "  SELECT p.id AS id, p.name AS name,"
  "         trim(ifnull(p.employer, '') || ' ' || ifnull(u.name, '')) AS unit,"
  "         trim(ifnull(p.position, '') || ' ' || ifnull(p.title, '')) AS position"
  "  FROM person p LEFT JOIN unit u ON u.id = p.unit_id;"
  "CREATE VIEW entry_fts_source AS"
  "  SELECT e.id AS id, e.title AS title,"
  "         coalesce(p.name, t.name, eu.name, '') AS entrant,"
  "         trim(ifnull(ru.name, '') || ' ' || ifnull(p.employer, '') || ' ' || ifnull(eu.name, '')) AS unit,"
  "         trim(ifnull(e.description, '') || ' ' || ifnull(e.summary, '')) AS description"
  "  FROM entry e"
  "  LEFT JOIN person p ON p.id = e.person_id"
  "  LEFT JOIN team t ON t.id = e.team_id"
  "  LEFT JOIN unit eu ON eu.id = e.entrant_unit_id"
  "  LEFT JOIN unit ru ON ru.id = e.recommending_unit_id;"

  "INSERT INTO person_fts (rowid, name, unit, position) SELECT id, name, unit, position FROM person_fts_source;"
  "INSERT INTO entry_fts (rowid, title, entrant, unit, description) SELECT id, title, entrant, unit, description FROM entry_fts_source;"

  "CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN"
  "  INSERT INTO person_fts (rowid, name, unit, position) SELECT id, name, unit, position FROM person_fts_source WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER person_fts_au AFTER UPDATE OF name, employer, unit_id, position, title ON person BEGIN"
  "  DELETE FROM person_fts WHERE rowid = old.id;"
  "  INSERT INTO person_fts (rowid, name, unit, position) SELECT id, name, unit, position FROM person_fts_source WHERE id = new.id;"
  "  DELETE FROM entry_fts WHERE rowid IN (SELECT id FROM entry WHERE person_id = new.id);"
  "  INSERT INTO entry_fts (rowid, title, entrant, unit, description) SELECT id, title, entrant, unit, description FROM entry_fts_source WHERE id IN (SELECT id FROM entry WHERE person_id = new.id);"
  "END;"
  "CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN"
  "  DELETE FROM person_fts WHERE rowid = old.id;"
  "END;"
  "CREATE TRIGGER entry_fts_ai AFTER INSERT ON entry BEGIN"
  "  INSERT INTO entry_fts (rowid, title, entrant, unit, description) SELECT id, title, entrant, unit, description FROM entry_fts_source WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER entry_fts_au AFTER UPDATE OF title, description, summary, person_id, team_id, entrant_unit_id, recommending_unit_id ON entry BEGIN"
  "  DELETE FROM entry_fts WHERE rowid = old.id;"
  "  INSERT INTO entry_fts (rowid, title, entrant, unit, description) SELECT id, title, entrant, unit, description FROM entry_fts_source WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER entry_fts_ad AFTER DELETE ON entry BEGIN"
  "  DELETE FROM entry_fts WHERE rowid = old.id;"
  "END;"
  "CREATE TRIGGER unit_fts_au AFTER UPDATE OF name ON unit BEGIN"
  "  DELETE FROM person_fts WHERE rowid IN (SELECT id FROM person WHERE unit_id = new.id);"
  "  INSERT INTO person_fts (rowid, name, unit, position) SELECT id, name, unit, position FROM person_fts_source WHERE id IN (SELECT id FROM person WHERE unit_id = new.id);"
  "  DELETE FROM entry_fts WHERE rowid IN (SELECT id FROM entry WHERE recommending_unit_id = new.id OR entrant_unit_id = new.id);"
  "  INSERT INTO entry_fts (rowid, title, entrant, unit, description) SELECT id, title, entrant, unit, description FROM entry_fts_source WHERE id IN (SELECT id FROM entry WHERE recommending_unit_id = new.id OR entrant_unit_id = new.id);"
  "END;"
  "CREATE TRIGGER team_fts_au AFTER UPDATE OF name ON team BEGIN"
  "  DELETE FROM entry_fts WHERE rowid IN (SELECT id FROM entry WHERE team_id = new.id);"
  "  INSERT INTO entry_fts (rowid, title, entrant, unit, description) SELECT id, title, entrant, unit, description FROM entry_fts_source WHERE id IN (SELECT id FROM entry WHERE team_id = new.id);"
  "END;"
  ;

/* The history of imports (tables, packages, scores, metrics): who, when, which
 * file and how many rows; a package's sender unit and the campaign it names. */
static const char migration_4[] =
  "CREATE TABLE import_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
  "  actor TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('table', 'package', 'scores', 'metrics', 'campaign')),"
  "  campaign_id INTEGER REFERENCES campaign(id) ON DELETE CASCADE,"
  "  track_id INTEGER REFERENCES track(id) ON DELETE SET NULL,"
  "  file_name TEXT NOT NULL,"
  "  file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),"
  "  rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),"
  "  rows_added INTEGER NOT NULL DEFAULT 0 CHECK (rows_added >= 0),"
  "  rows_changed INTEGER NOT NULL DEFAULT 0 CHECK (rows_changed >= 0),"
  "  rows_unchanged INTEGER NOT NULL DEFAULT 0 CHECK (rows_unchanged >= 0),"
  "  rows_dropped INTEGER NOT NULL DEFAULT 0 CHECK (rows_dropped >= 0),"
  "  note TEXT"
  ") STRICT;"
  "CREATE INDEX import_log_campaign ON import_log (campaign_id, at);"
  ;

/* The ranking reads an account's latest figure when an entry has none. */
static const char migration_5[] =
  "CREATE INDEX metric_account ON metric_snapshot (account_id, metric, taken_on) "
  "WHERE account_id IS NOT NULL;"
  ;
/* clang-format on */

/* Every table whose rows a user changes is audited; link tables by their parent. */
static const char *const audited_tables[] = {
  "unit",          "seal",        "campaign",    "campaign_unit",   "organizer",
  "stage",         "contact",     "track",       "track_platform",  "requirement",
  "opinion_level", "criterion",   "division",    "division_filter", "award_tier",
  "round",         "deadline",    "quota",       "activity",        "person",
  "account",       "team",        "team_member", "entry",           "opinion",
  "judge",         "judge_track", "score",       "metric_snapshot", "round_result",
  "award",         "attachment",
};

/* json_object('col', <prefix>.col, …), with BLOBs recorded by their size only. */
static char *
row_json (GPtrArray *cols, GPtrArray *types, const char *prefix)
{
  GString *s = g_string_new ("json_object(");

  for (guint i = 0; i < cols->len; i++)
    {
      const char *col = cols->pdata[i];
      const char *type = types->pdata[i];

      if (i > 0)
        g_string_append (s, ", ");
      if (g_ascii_strcasecmp (type, "BLOB") == 0)
        g_string_append_printf (s,
                                "'%s', CASE WHEN %s.\"%s\" IS NULL THEN NULL ELSE "
                                "printf('<%%d bytes>', length(%s.\"%s\")) END",
                                col, prefix, col, prefix, col);
      else
        g_string_append_printf (s, "'%s', %s.\"%s\"", col, prefix, col);
    }
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

/* The audit triggers are written from the table's own columns, so that a later
 * migration that adds a column only has to call this again. */
static gboolean
create_audit_triggers (TzDb *self, const char *table, GError **error)
{
  g_autoptr (GPtrArray) cols = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) changed = g_string_new (NULL);
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info(\"%s\")", table);
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (self, info_sql, error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *col = (const char *) sqlite3_column_text (stmt, 1);
      g_ptr_array_add (cols, g_strdup (col));
      g_ptr_array_add (types, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      g_string_append_printf (changed, "%sold.\"%s\" IS NOT new.\"%s\"", changed->len ? " OR " : "",
                              col, col);
    }
  /* Link tables without an id column still have a rowid; the log keeps it. */

  old_json = row_json (cols, types, "old");
  new_json = row_json (cols, types, "new");

  sql = g_strdup_printf (
      "DROP TRIGGER IF EXISTS audit_%1$s_ai;"
      "DROP TRIGGER IF EXISTS audit_%1$s_au;"
      "DROP TRIGGER IF EXISTS audit_%1$s_ad;"
      "CREATE TRIGGER audit_%1$s_ai AFTER INSERT ON \"%1$s\" BEGIN"
      "  INSERT INTO audit_log (actor, tbl, row_id, action, new_values)"
      "  VALUES (tz_actor(), '%1$s', %2$s, 'insert', %4$s);"
      "END;"
      "CREATE TRIGGER audit_%1$s_au AFTER UPDATE ON \"%1$s\" WHEN %6$s BEGIN"
      "  INSERT INTO audit_log (actor, tbl, row_id, action, old_values, new_values)"
      "  VALUES (tz_actor(), '%1$s', %2$s, 'update', %5$s, %4$s);"
      "END;"
      "CREATE TRIGGER audit_%1$s_ad AFTER DELETE ON \"%1$s\" BEGIN"
      "  INSERT INTO audit_log (actor, tbl, row_id, action, old_values)"
      "  VALUES (tz_actor(), '%1$s', %3$s, 'delete', %5$s);"
      "END;",
      table, "new.rowid", "old.rowid", new_json, old_json, changed->str);
  return tz_db_exec (self, sql, error);
}

gboolean
tz_migration_apply (TzDb *self, int version, GError **error)
{
  switch (version)
    {
      case 1:
        return tz_db_exec (self, migration_1, error);
      case 2:
        if (!tz_db_exec (self, migration_2, error))
          return FALSE;
        for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
          if (!create_audit_triggers (self, audited_tables[i], error))
            return FALSE;
        return TRUE;
      case 3:
        return tz_db_exec (self, migration_3, error);
      case 4:
        return tz_db_exec (self, migration_4, error);
      case 5:
        return tz_db_exec (self, migration_5, error);
      default:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_FAILED, _ ("Unknown schema version %d."),
                     version);
        return FALSE;
    }
}
