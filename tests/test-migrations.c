/* test-migrations.c — every schema version migrates to the current one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each earlier version a database is made at that version, filled with
 * data that version can hold, and opened: it must reach the current version
 * with its data intact, after a backup copy at the old version.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tz-db-private.h"
#include "tz-test-common.h"

/* Data every version since 1 can hold. */
static const char fill_v1[] =
    "INSERT INTO unit (id, name, kind) VALUES (1, '黑龙江省总工会', 'provincial_union');"
    "INSERT INTO unit (id, parent_id, name, kind) VALUES (2, 1, '哈尔滨市总工会', 'city_union');"
    "INSERT INTO campaign (id, title, issue_date) VALUES (1, '网聚职工正能量', '2022-07-19');"
    "INSERT INTO campaign_unit (campaign_id, unit_id, role) VALUES (1, 2, 'participant');"
    "INSERT INTO quota (campaign_id, unit_id, kind, min_count) VALUES (1, 2, 'activity', 10);"
    "INSERT INTO track (id, campaign_id, seq, name, entry_kind) VALUES (1, 1, 1, '讲述奋进故事', "
    "'nomination');"
    "INSERT INTO person (id, name, employer, unit_id) VALUES (1, '王子祺', '宣教文体部', 2);"
    "INSERT INTO entry (campaign_id, track_id, title, person_id) VALUES (1, 1, '奋进故事', 1);"
    "INSERT INTO activity (campaign_id, unit_id, title, held_on) VALUES (1, 2, '走进企业', "
    "'2022-08-05');";

static void
check_data (TzDb *db)
{
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM unit"), ==, 2);
  g_assert_cmpint (tz_test_query_int (db, "SELECT min_count FROM quota WHERE unit_id = 2"), ==, 10);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM activity"), ==, 1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM entry"), ==, 1);
  /* Version 3 indexes what was there before it. */
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT count(*) FROM person_fts WHERE person_fts MATCH '\"宣教文\"'"),
      ==, 1);
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH '\"奋进故\"'"),
      ==, 1);
}

static void
test_from_empty (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  const char *tables[] = {
    "unit",          "seal",        "campaign",    "campaign_unit",   "organizer",
    "stage",         "contact",     "track",       "track_platform",  "requirement",
    "opinion_level", "criterion",   "division",    "division_filter", "award_tier",
    "round",         "deadline",    "quota",       "activity",        "person",
    "account",       "team",        "team_member", "entry",           "opinion",
    "judge",         "judge_track", "score",       "metric_snapshot", "round_result",
    "award",         "attachment",  "audit_log",   "person_fts",      "entry_fts"
  };

  g_assert_cmpint (tz_db_get_schema_version (db), ==, TZ_DB_SCHEMA_VERSION);
  g_assert_cmpint (tz_test_query_int (db, "PRAGMA user_version"), ==, TZ_DB_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql =
          g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'", tables[i]);
      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (tz_test_query_int (db, sql), ==, 1);
    }
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (
      tz_test_query_int (
          db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
      ==, 1);
}

static void
migrate_from (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *path = tz_test_tmpfile ("old.db");
  g_autofree char *backups = g_strconcat (path, ".backups", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) old_backup = NULL;
  TzDb *db;
  const char *backup;

  db = tz_db_open_at_version (path, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tz_db_get_schema_version (db), ==, version);
  g_assert_true (tz_db_exec (db, fill_v1, &error));
  g_assert_no_error (error);
  g_object_unref (db);

  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tz_db_get_schema_version (db), ==, TZ_DB_SCHEMA_VERSION);
  check_data (db);

  /* The copy made before migrating holds the old version and its data. */
  backup = tz_db_get_last_backup (db);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, backups));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  {
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (raw,
                                         "SELECT (SELECT user_version FROM pragma_user_version), "
                                         "(SELECT count(*) FROM unit)",
                                         -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, version);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
    sqlite3_finalize (stmt);
    sqlite3_close (raw);
  }
  g_object_unref (db);

  /* Opening a current database again migrates nothing and copies nothing. */
  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (tz_db_get_last_backup (db));
  check_data (db);
  g_object_unref (db);
}

static void
test_audit_triggers_follow_columns (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  /* Every audited table has its three triggers. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = "
                                          "'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'"),
                   ==, 3 * 32);
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('测试单位')", &error));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM audit_log WHERE tbl = 'unit' AND "
                                          "json_extract(new_values, '$.name') = '测试单位'"),
                   ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/from-empty", test_from_empty);
  for (int v = 1; v < TZ_DB_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("/migrations/from-version-%d", v);
      g_test_add_data_func (name, GINT_TO_POINTER (v), migrate_from);
    }
  g_test_add_func ("/migrations/audit-triggers", test_audit_triggers_follow_columns);

  return g_test_run ();
}
