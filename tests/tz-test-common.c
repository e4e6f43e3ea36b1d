/* tz-test-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tz-test-common.h"

#include <glib/gstdio.h>

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
remove_tree_cb (gpointer data)
{
  remove_tree (data);
  g_free (data);
}

char *
tz_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("taizhang-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree_cb, g_strdup (dir));
  return dir;
}

char *
tz_test_tmpfile (const char *basename)
{
  g_autofree char *dir = tz_test_tmpdir ();

  return g_build_filename (dir, basename, NULL);
}

TzDb *
tz_test_open_db (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("test.db");
  TzDb *db = tz_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

char *
tz_test_source_path (const char *first, ...)
{
  const char *root = g_getenv ("TZ_SOURCE_DIR");
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

gint64
tz_test_query_int (TzDb *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

char *
tz_test_query_text (TzDb *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return tz_db_column_dup (stmt, 0);
}
