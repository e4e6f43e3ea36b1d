/* test-backup.c — daily, before-import and manual backups, rotation, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tz-backup.h"
#include "tz-error.h"
#include "tz-test-common.h"

static TzDb *
open_with_data (void)
{
  TzDb *db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO unit (id, name) VALUES (1, '某市总工会');"
                             "INSERT INTO campaign (id, title) VALUES (1, '测试活动');"
                             "INSERT INTO person (id, name) VALUES (1, '张三'), (2, '李四');",
                             &error));
  g_assert_no_error (error);
  return db;
}

static guint
count_kind (TzDb *db, const char *kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = tz_backup_list (db, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((TzBackupInfo *) list->pdata[i])->kind, kind))
      n++;
  return n;
}

/* An empty database is not backed up; the first opening of a day is, once. */
static void
test_daily (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  gboolean made = TRUE;

  g_assert_true (tz_backup_daily (db, NULL, &made, &error));
  g_assert_no_error (error);
  g_assert_false (made);
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('某单位')", &error));
  g_assert_true (tz_backup_daily (db, NULL, &made, &error));
  g_assert_true (made);
  g_assert_true (tz_backup_daily (db, NULL, &made, &error));
  g_assert_false (made);
  g_assert_cmpuint (count_kind (db, "daily"), ==, 1);
  /* Another day (as the name says): none of that day yet. */
  g_assert_true (tz_backup_daily (db, "2031-01-01", &made, &error));
  g_assert_true (made);
  g_assert_no_error (error);
}

/* The last 10 before-import backups and the last 7 daily ones are kept; the
 * files are the user's only. */
static void
test_rotation_and_mode (void)
{
  g_autoptr (TzDb) db = open_with_data ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  GStatBuf st;

  for (int i = 0; i < 13; i++)
    {
      g_autofree char *path = NULL;

      g_assert_true (tz_backup_create (db, "before-import", &path, &error));
      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  for (int i = 0; i < 9; i++)
    g_assert_true (tz_backup_create (db, "daily", NULL, &error));
  g_assert_true (tz_backup_create (db, "manual", NULL, &error));
  g_assert_cmpuint (count_kind (db, "before-import"), ==, TZ_BACKUP_KEEP_IMPORT);
  g_assert_cmpuint (count_kind (db, "daily"), ==, TZ_BACKUP_KEEP_DAILY);
  g_assert_cmpuint (count_kind (db, "manual"), ==, 1);
  {
    g_autofree char *dir = g_strconcat (tz_db_get_path (db), ".backups", NULL);
    g_assert_cmpint (g_stat (dir, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
}

/* Restore brings the backup's content back, keeps the current content as a
 * backup, and tells the views that every table changed. */
static void
on_changed (TzDb *db, char **tables, gpointer data)
{
  *(gboolean *) data = g_strv_contains ((const char *const *) tables, "person");
}

static void
test_restore (void)
{
  g_autoptr (TzDb) db = open_with_data ();
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = tz_test_tmpfile ("saved.db");
  g_autofree char *kept = NULL;
  g_auto (TzBackupSummary) summary = { 0 };
  gboolean person_changed = FALSE;

  g_assert_true (tz_backup_to_file (db, saved, &error));
  g_assert_no_error (error);
  g_assert_true (tz_db_exec (db,
                             "DELETE FROM person WHERE id = 2; INSERT INTO person (name) "
                             "VALUES ('王五'), ('赵六'), ('钱七')",
                             &error));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 4);

  g_assert_true (tz_backup_describe (saved, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.people, ==, 2);
  g_assert_cmpint (summary.campaigns, ==, 1);
  g_assert_cmpint (summary.schema_version, ==, TZ_DB_SCHEMA_VERSION);
  g_assert_nonnull (summary.modified);

  g_signal_connect (db, "changed", G_CALLBACK (on_changed), &person_changed);
  g_assert_true (tz_backup_restore (db, saved, &kept, &error));
  g_assert_no_error (error);
  g_assert_true (person_changed);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person WHERE name = '李四'"), ==,
                   1);
  {
    g_autofree char *check = tz_test_query_text (db, "PRAGMA integrity_check");
    g_assert_cmpstr (check, ==, "ok");
  }
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (kept, "before-restore"));

  /* The kept copy holds what was replaced. */
  {
    g_autoptr (TzDb) previous = tz_db_open (kept, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tz_test_query_int (previous, "SELECT count(*) FROM person"), ==, 4);
  }
  /* The database still works after the restore. */
  g_assert_true (tz_db_exec (db, "INSERT INTO person (name) VALUES ('孙八')", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 3);
}

/* A file that is not a backup of Taizhang is refused and nothing changes. */
static void
test_restore_refuses (void)
{
  g_autoptr (TzDb) db = open_with_data ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = tz_test_tmpfile ("not-a-db.db");
  g_autofree char *damaged = tz_test_tmpfile ("damaged.db");
  g_autofree char *data = NULL;
  gsize length = 0;
  g_auto (TzBackupSummary) summary = { 0 };

  g_assert_true (g_file_set_contents (text, "hello, this is not a database", -1, &error));
  g_assert_false (tz_backup_restore (db, text, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tz_backup_describe (text, &summary, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A copy with its pages past the header overwritten. */
  g_assert_true (tz_backup_to_file (db, damaged, &error));
  g_assert_true (g_file_get_contents (damaged, &data, &length, &error));
  g_assert_cmpuint (length, >, 8192);
  memset (data + 4096, 0xA5, length - 4096);
  g_assert_true (g_file_set_contents (damaged, data, (gssize) length, &error));
  g_assert_false (tz_backup_restore (db, damaged, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpuint (count_kind (db, "before-restore"), ==, 0);
}

/* The daily backup made a few pages at a time, while the same connection
 * writes: the copy has what was there and what was written meanwhile; the
 * day's second job is none; a job dropped half-way leaves no file. */
static void
test_daily_job (void)
{
  g_autoptr (TzDb) db = open_with_data ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzBackupJob) job = NULL;
  g_autofree char *path = NULL;
  gboolean done = FALSE;
  guint steps = 0;

  g_assert_true (tz_db_exec (db,
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                             "WHERE i < 3000) INSERT INTO person (name, note) SELECT '职工' || i, "
                             "printf('%.200c', 'x') FROM n",
                             &error));
  g_assert_no_error (error);
  job = tz_backup_job_new_daily (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (job);
  while (!done)
    {
      g_assert_true (tz_backup_job_step (job, 8, &done, &error));
      g_assert_no_error (error);
      if (steps++ == 2)
        g_assert_true (tz_db_exec (db, "INSERT INTO person (name) VALUES ('中途写入')", &error));
    }
  g_assert_cmpuint (steps, >, 3);
  g_assert_true (tz_backup_job_finish (job, &path, &error));
  g_assert_no_error (error);
  {
    g_autoptr (TzDb) copy = tz_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tz_test_query_int (copy, "SELECT count(*) FROM person"), ==, 3003);
  }
  g_clear_pointer (&job, tz_backup_job_free);
  g_assert_null (tz_backup_job_new_daily (db, NULL, &error));
  g_assert_no_error (error);

  /* Another day's job, dropped half-way. */
  job = tz_backup_job_new_daily (db, "2031-01-01", &error);
  g_assert_nonnull (job);
  g_assert_true (tz_backup_job_step (job, 4, &done, &error));
  g_clear_pointer (&job, tz_backup_job_free);
  g_assert_cmpuint (count_kind (db, "daily"), ==, 1);
  {
    g_autofree char *dir = g_strconcat (tz_db_get_path (db), ".backups", NULL);
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    guint files = 0;

    while (g_dir_read_name (d) != NULL)
      files++;
    g_assert_cmpuint (files, ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/daily", test_daily);
  g_test_add_func ("/backup/rotation-and-mode", test_rotation_and_mode);
  g_test_add_func ("/backup/daily-job", test_daily_job);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/restore-refuses", test_restore_refuses);
  return g_test_run ();
}
