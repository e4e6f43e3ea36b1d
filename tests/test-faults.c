/* test-faults.c — nothing lost under faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI is killed with SIGKILL at random moments of a large import, run
 * with a file-size limit so that its writes fail, and run against a database
 * that another connection holds locked. After each, the database passes
 * PRAGMA integrity_check and holds either all of the batch or none of it. A
 * database copied with its -wal file opens with all its data.
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tz-campaign-file.h"
#include "tz-resident-id.h"
#include "tz-scores.h"
#include "tz-test-common.h"

#define N_UNITS   3000
#define N_ENTRIES 4000
#define N_KILLS   10

/* A campaign file with one track and @n units, each with a quota. */
static char *
big_campaign (const char *uuid, guint n)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
                          "{\"format\": \"taizhang-campaign\", \"version\": 1,"
                          " \"campaign\": {\"uuid\": \"%s\", \"title\": \"压力测试活动\"},"
                          " \"units\": [{\"name\": \"省总工会\", \"kind\": \"federation\","
                          " \"role\": \"organizer\", \"children\": [",
                          uuid);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s,
                            "%s{\"name\": \"第%u基层工会\", \"kind\": \"federation\","
                            " \"role\": \"participant\"}",
                            i > 0 ? "," : "", i);
  g_string_append (s, "]}], \"tracks\": [{\"name\": \"微视频\"}], \"quotas\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s,
                            "%s{\"kind\": \"activity\", \"unit\": \"第%u基层工会\", \"min\": %u}",
                            i > 0 ? "," : "", i, 1 + i % 9);
  g_string_append (s, "]}\n");
  return g_string_free (s, FALSE);
}

static void
child_setup_limit (gpointer data)
{
  struct rlimit limit = { .rlim_cur = GPOINTER_TO_SIZE (data),
                          .rlim_max = GPOINTER_TO_SIZE (data) };

  /* Without the signal a write past the limit fails with EFBIG. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Starts the CLI on @db with the arguments; @limit > 0 sets RLIMIT_FSIZE. */
static GSubprocess *
spawn_cli (const char *db, gsize limit, const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GSubprocess *proc;

  if (limit > 0)
    g_subprocess_launcher_set_child_setup (launcher, child_setup_limit, GSIZE_TO_POINTER (limit),
                                           NULL);
  g_ptr_array_add (argv, (gpointer) g_getenv ("TZ_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

static int
run_cli (const char *db, gsize limit, const char *const *args, char **err)
{
  g_autoptr (GSubprocess) proc = spawn_cli (db, limit, args);
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

static void
assert_intact (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = tz_db_open (path, &error);
  g_autofree char *check = NULL;

  g_assert_no_error (error);
  check = tz_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  {
    g_autoptr (sqlite3_stmt) fk = tz_db_prepare (db, "PRAGMA foreign_key_check", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (fk), ==, SQLITE_DONE);
  }
}

static gint64
count (const char *path, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = tz_db_open (path, &error);

  g_assert_no_error (error);
  return tz_test_query_int (db, sql);
}

/* How long an undisturbed run takes, in microseconds. */
static gint64
time_run (const char *db, const char *const *args)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (db, 0, args, &err), ==, 0);
  return g_get_monotonic_time () - start;
}

/* Kills the CLI at random moments of @args on a copy of @seed each time and
 * checks the database after each: intact, and @all_sql is 0 or @all. */
static void
kill_many_times (const char *seed, const char *const *args, const char *all_sql, gint64 all)
{
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *timed = g_build_filename (dir, "timed.db", NULL);
  g_autoptr (GFile) from = g_file_new_for_path (seed);
  gint64 duration;
  guint none = 0, whole = 0;

  {
    g_autoptr (GFile) to = g_file_new_for_path (timed);
    g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  }
  duration = time_run (timed, args);
  g_assert_cmpint (count (timed, all_sql), ==, all);
  g_test_message ("an undisturbed run takes %" G_GINT64_FORMAT " µs", duration);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *name = g_strdup_printf ("kill-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GFile) to = g_file_new_for_path (path);
      g_autoptr (GSubprocess) proc = NULL;
      /* Up to a little past the end, so that some kills come after the commit. */
      gint64 at = g_test_rand_int_range (0, (gint32) MIN (duration * 11 / 10, G_MAXINT32));
      gint64 n;

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
      proc = spawn_cli (path, 0, args);
      g_usleep ((gulong) at);
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, NULL);
      assert_intact (path);
      n = count (path, all_sql);
      g_test_message ("killed after %" G_GINT64_FORMAT " µs: %" G_GINT64_FORMAT
                      " of %" G_GINT64_FORMAT,
                      at, n, all);
      g_assert_true (n == 0 || n == all);
      if (n == 0)
        none++;
      else
        whole++;
    }
  g_test_message ("%u runs left nothing, %u the whole batch", none, whole);
}

static void
test_kill_campaign_import (void)
{
  g_autofree char *seed = tz_test_tmpfile ("seed.db");
  g_autofree char *file = tz_test_tmpfile ("big.json");
  g_autofree char *json = big_campaign ("6a1f6c1e-0c6b-4f39-9d34-5b7a2f0e9d11", N_UNITS);
  const char *args[] = { "campaign", "import", file, NULL };

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TzDb) db = tz_db_open (seed, &error);

    g_assert_no_error (error);
    /* Not empty, so that the import also makes its backup first. */
    g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('本单位')", &error));
  }
  kill_many_times (seed, args, "SELECT count(*) FROM quota", N_UNITS);
}

static void
test_kill_scores_import (void)
{
  g_autofree char *seed = tz_test_tmpfile ("seed.db");
  g_autofree char *csv = tz_test_tmpfile ("scores.csv");
  g_autoptr (GString) s = g_string_new ("评委,作品,评分项,分数\n");
  g_autoptr (GString) sql = g_string_new (NULL);
  const char *args[] = { "scores", "import", "--campaign", "1", "--track", "微视频", csv, NULL };

  g_string_append (sql,
                   "INSERT INTO campaign (id, title) VALUES (1, '测试活动');"
                   "INSERT INTO track (id, campaign_id, seq, name) VALUES (1, 1, 1, '微视频');"
                   "INSERT INTO criterion (id, track_id, seq, name, max_score) "
                   "VALUES (1, 1, 1, '内容', 100);"
                   "INSERT INTO person (id, name) VALUES (1, '作者');"
                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ");
  g_string_append_printf (sql,
                          "%u) INSERT INTO entry (id, campaign_id, track_id, title, person_id) "
                          "SELECT i, 1, 1, '作品' || i, 1 FROM n;",
                          N_ENTRIES);
  for (guint i = 1; i <= N_ENTRIES; i++)
    g_string_append_printf (s, "评委%u,%u,内容,%u\n", i % 5, i, i % 101);
  g_assert_true (g_file_set_contents (csv, s->str, -1, NULL));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TzDb) db = tz_db_open (seed, &error);

    g_assert_no_error (error);
    g_assert_true (tz_db_exec (db, sql->str, &error));
    g_assert_no_error (error);
  }
  kill_many_times (seed, args, "SELECT count(*) FROM score", N_ENTRIES);
}

/* A filled table of N_ROWS nominees: each killed import leaves all or none. */
#define N_ROWS 2000

static void
test_kill_table_import (void)
{
  g_autofree char *seed = tz_test_tmpfile ("seed.db");
  g_autofree char *csv = tz_test_tmpfile ("filled.csv");
  g_autofree char *campaign =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  g_autoptr (GString) s =
      g_string_new ("姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n");
  const char *cities[] = { "哈尔滨市总工会", "齐齐哈尔市总工会", "大庆市总工会" };
  const char *args[] = { "import",  "table",          "--campaign", "1",
                         "--track", "传播网络正能量", csv,          NULL };

  for (guint i = 0; i < N_ROWS; i++)
    {
      char first17[18];

      g_snprintf (first17, sizeof first17, "2301021980%02u%02u%03u", 1 + i % 12, 1 + i % 28,
                  i % 1000);
      g_string_append_printf (s, "职工%u,汉族,群众,%s%c,138%08u,第%u厂,%s,爱岗敬业\n", i, first17,
                              tz_resident_id_check_char (first17), i, i % 50, cities[i % 3]);
    }
  g_assert_true (g_file_set_contents (csv, s->str, -1, NULL));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TzDb) db = tz_db_open (seed, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tz_campaign_import_file (db, campaign, &error), ==, 1);
    g_assert_no_error (error);
  }
  kill_many_times (seed, args, "SELECT count(*) FROM person", N_ROWS);
}

/* Writes that fail (a file-size limit just above the database): a clear
 * message, exit 1, and the database as it was. */
static void
test_write_fails (void)
{
  g_autofree char *db = tz_test_tmpfile ("limited.db");
  g_autofree char *file = tz_test_tmpfile ("big.json");
  g_autofree char *json = big_campaign ("0b2d9d5e-7a55-4b83-a1a4-6f0c2d9e8b21", N_UNITS);
  g_autofree char *err = NULL;
  const char *args[] = { "campaign", "import", file, NULL };
  GStatBuf st;
  int status;

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (TzDb) d = tz_db_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (tz_db_exec (d, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  }
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  status = run_cli (db, (gsize) st.st_size + 64 * 1024, args, &err);
  g_test_message ("exit %d: %s", status, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "taizhang-cli:"));
  g_assert_null (strstr (err, "(null)"));
  assert_intact (db);
  g_assert_cmpint (count (db, "SELECT count(*) FROM campaign"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM unit"), ==, 0);
}

/* Another program holds the write lock: the CLI waits the busy timeout, then
 * says so, and nothing is damaged. */
static void
test_locked (void)
{
  g_autofree char *db = tz_test_tmpfile ("locked.db");
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) holder = tz_db_open (db, &error);
  const char *args[] = { "unit", "add", "--name", "某单位", NULL };
  int status;

  g_assert_no_error (error);
  g_assert_true (tz_db_exec (holder, "INSERT INTO unit (name) VALUES ('已有单位')", &error));
  g_assert_true (tz_db_begin (holder, &error));
  g_assert_true (tz_db_exec (holder, "INSERT INTO unit (name) VALUES ('未提交')", &error));
  status = run_cli (db, 0, args, &err);
  g_test_message ("exit %d: %s", status, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "taizhang-cli:"));
  tz_db_rollback (holder);
  g_clear_object (&holder);
  assert_intact (db);
  g_assert_cmpint (count (db, "SELECT count(*) FROM unit"), ==, 1);
}

/* A database copied from another machine in the middle of its work, with its
 * -wal file beside it, opens with everything that was committed. */
static void
test_copied_mid_wal (void)
{
  g_autofree char *db = tz_test_tmpfile ("source.db");
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) source = tz_db_open (db, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (tz_db_exec (source,
                             "PRAGMA wal_autocheckpoint = 0;"
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                             "WHERE i < 500) INSERT INTO unit (name) SELECT '单位' || i FROM n;",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  {
    g_autoptr (GFile) a = g_file_new_for_path (db);
    g_autoptr (GFile) b = g_file_new_for_path (copy);
    g_autoptr (GFile) aw = g_file_new_for_path (wal);
    g_autoptr (GFile) bw = g_file_new_for_path (copy_wal);

    g_assert_true (g_file_copy (a, b, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_true (g_file_copy (aw, bw, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  }
  g_clear_object (&source);
  g_assert_cmpint (count (copy, "SELECT count(*) FROM unit"), ==, 500);
  assert_intact (copy);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/kill-campaign-import", test_kill_campaign_import);
  g_test_add_func ("/faults/kill-scores-import", test_kill_scores_import);
  g_test_add_func ("/faults/kill-table-import", test_kill_table_import);
  g_test_add_func ("/faults/write-fails", test_write_fails);
  g_test_add_func ("/faults/locked", test_locked);
  g_test_add_func ("/faults/copied-mid-wal", test_copied_mid_wal);
  return g_test_run ();
}
