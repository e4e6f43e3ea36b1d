/* test-db.c — opening, refusing and writing the database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tz-db-private.h"
#include "tz-test-common.h"

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
test_create_private (void)
{
  g_autofree char *path = tz_test_tmpfile ("new.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = tz_db_open (path, &error);
  struct stat st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (tz_db_get_schema_version (db), ==, TZ_DB_SCHEMA_VERSION);
  g_assert_cmpint (tz_test_query_int (db, "PRAGMA application_id"), ==, TZ_DB_APPLICATION_ID);
  g_assert_cmpint (tz_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
      ==, 1);
  /* A new database needs no backup: there is nothing to lose. */
  g_assert_null (tz_db_get_last_backup (db));
}

static void
test_create_private_despite_umask (void)
{
  g_autofree char *path = tz_test_tmpfile ("umask.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = NULL;
  mode_t old = umask (0);
  struct stat st;

  db = tz_db_open (path, &error);
  umask (old);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_default_path (void)
{
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *expected = g_build_filename (dir, "taizhang", "taizhang.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = NULL;

  /* GLib reads XDG_DATA_HOME once; the test runs in its own process. */
  if (g_test_subprocess ())
    {
      path = tz_db_default_path ();
      g_assert_cmpstr (path, ==, g_getenv ("EXPECTED_PATH"));
      db = tz_db_open (NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tz_db_get_path (db), ==, g_getenv ("EXPECTED_PATH"));
      return;
    }
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("EXPECTED_PATH", expected, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = tz_test_tmpfile ("notes.txt");
  g_autofree char *wal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  TzDb *db;

  g_assert_true (g_file_set_contents (
      path, "推荐表 not a database, but long enough to have a header\n", -1, NULL));
  before = file_sha256 (path);
  db = tz_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_short_file (void)
{
  g_autofree char *path = tz_test_tmpfile ("short.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "SQLite", -1, NULL));
  g_assert_null (tz_db_open (path, &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_directory (void)
{
  g_autofree char *dir = tz_test_tmpdir ();
  g_autoptr (GError) error = NULL;

  g_assert_null (tz_db_open (dir, &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_newer_schema (void)
{
  g_autofree char *path = tz_test_tmpfile ("newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *raw = NULL;
  TzDb *db;

  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (raw);
  before = file_sha256 (path);

  db = tz_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "9999"));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_foreign_database (void)
{
  g_autofree char *path = tz_test_tmpfile ("other.sqlite");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (raw, "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x')",
                    NULL, NULL, NULL),
      ==, SQLITE_OK);
  sqlite3_close (raw);
  before = file_sha256 (path);
  g_assert_null (tz_db_open (path, &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_FOREIGN);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  /* Another program's application_id is refused even with no tables. */
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (raw, "DROP TABLE bookmarks; PRAGMA application_id = 42", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (raw);
  g_assert_null (tz_db_open (path, &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_FOREIGN);
}

/* Root ignores file modes, so the check runs as "nobody" in a child. */
static void
test_refuse_read_only (void)
{
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ro.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  TzDb *db;
  pid_t pid;
  int status = 0;

  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  before = file_sha256 (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0)
        {
          struct passwd *nobody = getpwnam ("nobody");
          if (nobody == NULL || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0)
            _exit (3);
        }
      db = tz_db_open (path, &error);
      if (db != NULL)
        _exit (1);
      _exit (g_error_matches (error, TZ_DB_ERROR, TZ_DB_ERROR_READ_ONLY) ? 0 : 2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (path, 0600);
}

static void
test_refuse_locked (void)
{
  g_autofree char *path = tz_test_tmpfile ("locked.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = NULL;
  g_autoptr (TzDb) other = NULL;
  sqlite3 *raw = NULL;

  db = tz_db_open (path, &error);
  g_assert_no_error (error);

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  tz_db_set_busy_timeout (db, 100);
  g_assert_false (tz_db_begin (db, &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  sqlite3_exec (raw, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (raw);
  g_assert_true (tz_db_begin (db, &error));
  g_assert_no_error (error);
  tz_db_rollback (db);
}

static void
test_refuse_locked_during_migration (void)
{
  g_autofree char *path = tz_test_tmpfile ("mig-locked.db");
  g_autoptr (GError) error = NULL;
  TzDb *db;
  sqlite3 *raw = NULL;

  db = tz_db_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_object_unref (db);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_setenv ("TAIZHANG_BUSY_TIMEOUT", "200", TRUE);
  db = tz_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_LOCKED);
  sqlite3_exec (raw, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (raw);

  /* Once the other program is done, the migration runs. */
  g_clear_error (&error);
  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tz_db_get_schema_version (db), ==, TZ_DB_SCHEMA_VERSION);
  g_object_unref (db);
  g_unsetenv ("TAIZHANG_BUSY_TIMEOUT");
}

static void
test_empty_file_is_new_database (void)
{
  g_autofree char *path = tz_test_tmpfile ("empty.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tz_db_get_schema_version (db), ==, TZ_DB_SCHEMA_VERSION);
}

static void
test_nested_transactions (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_begin (db, &error));
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('外层')", &error));
  g_assert_true (tz_db_begin (db, &error));
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('内层')", &error));
  tz_db_rollback (db);
  g_assert_true (tz_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM unit WHERE name = '外层'"), ==, 1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM unit WHERE name = '内层'"), ==, 0);

  g_assert_true (tz_db_begin (db, &error));
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('回滚')", &error));
  tz_db_rollback (db);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM unit WHERE name = '回滚'"), ==, 0);
}

static void
test_constraints_enforced (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  /* Foreign keys are on: a quota for a campaign that does not exist fails. */
  g_assert_false (tz_db_exec (
      db, "INSERT INTO quota (campaign_id, kind, min_count) VALUES (99, 'activity', 1)", &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* STRICT tables and CHECKs refuse nonsense. */
  g_assert_false (tz_db_exec (
      db, "INSERT INTO campaign (title, issue_date) VALUES ('x', '2023-02-30')", &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (tz_db_exec (db, "INSERT INTO campaign (title) VALUES ('  ')", &error));
  g_assert_error (error, TZ_DB_ERROR, TZ_DB_ERROR_CONSTRAINT);
}

static void
test_backup_copy (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *dest = tz_test_tmpfile ("copy.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) copy = NULL;
  struct stat st;

  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('哈尔滨市总工会')", &error));
  g_assert_true (tz_db_backup_to (db, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  copy = tz_db_open (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (
      tz_test_query_int (copy, "SELECT count(*) FROM unit WHERE name = '哈尔滨市总工会'"), ==, 1);
}

static void
changed_cb (TzDb *db, char **tables, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strjoinv (",", tables));
}

static void
test_changed_signal (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), seen);

  /* One signal per transaction, after the commit, naming the tables. */
  g_assert_true (tz_db_begin (db, &error));
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (id, name) VALUES (1, '甲')", &error));
  g_assert_true (tz_db_exec (db, "INSERT INTO campaign (id, title) VALUES (1, '活动')", &error));
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (tz_db_commit (db, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "campaign,unit");

  /* A rolled-back transaction changed nothing. */
  g_assert_true (tz_db_begin (db, &error));
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (name) VALUES ('乙')", &error));
  tz_db_rollback (db);
  g_assert_cmpuint (seen->len, ==, 1);

  /* A statement outside a transaction is its own. Audit and search tables are not reported. */
  g_assert_true (tz_db_exec (db, "INSERT INTO person (name) VALUES ('张三')", &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (seen->pdata[1], ==, "person");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db/create-private", test_create_private);
  g_test_add_func ("/db/create-private-despite-umask", test_create_private_despite_umask);
  g_test_add_func ("/db/default-path", test_default_path);
  g_test_add_func ("/db/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/db/refuse/short-file", test_refuse_short_file);
  g_test_add_func ("/db/refuse/directory", test_refuse_directory);
  g_test_add_func ("/db/refuse/newer-schema", test_refuse_newer_schema);
  g_test_add_func ("/db/refuse/foreign-database", test_refuse_foreign_database);
  g_test_add_func ("/db/refuse/read-only", test_refuse_read_only);
  g_test_add_func ("/db/refuse/locked", test_refuse_locked);
  g_test_add_func ("/db/refuse/locked-during-migration", test_refuse_locked_during_migration);
  g_test_add_func ("/db/empty-file", test_empty_file_is_new_database);
  g_test_add_func ("/db/nested-transactions", test_nested_transactions);
  g_test_add_func ("/db/constraints", test_constraints_enforced);
  g_test_add_func ("/db/backup-copy", test_backup_copy);
  g_test_add_func ("/db/changed-signal", test_changed_signal);

  return g_test_run ();
}
