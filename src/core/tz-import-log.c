/* tz-import-log.c — the history of imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-import-log"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-entry.h"
#include "tz-import-log.h"

TzImportLogEntry *
tz_import_log_entry_new (void)
{
  return g_new0 (TzImportLogEntry, 1);
}

void
tz_import_log_entry_free (TzImportLogEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->actor);
  g_free (e->kind);
  g_free (e->file_name);
  g_free (e->file_sha256);
  g_free (e->note);
  g_free (e);
}

gboolean
tz_import_log_add (TzDb *db, TzImportLogEntry *e, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (e != NULL && e->kind != NULL, FALSE);

  if (path != NULL)
    {
      g_free (e->file_name);
      e->file_name = g_path_get_basename (path);
      if (e->file_sha256 == NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        e->file_sha256 = tz_file_sha256 (path, NULL);
    }
  if (e->file_name == NULL)
    e->file_name = g_strdup ("");

  stmt = tz_db_prepare (db,
                        "INSERT INTO import_log (actor, kind, campaign_id, track_id, file_name, "
                        "  file_sha256, rows_read, rows_added, rows_changed, rows_unchanged, "
                        "  rows_dropped, note) "
                        "VALUES (tz_actor(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                        "RETURNING id, at, actor",
                        error);
  if (stmt == NULL)
    return FALSE;
  tz_db_bind_text (stmt, 1, e->kind);
  tz_db_bind_int_or_null (stmt, 2, e->campaign_id, e->campaign_id > 0);
  tz_db_bind_int_or_null (stmt, 3, e->track_id, e->track_id > 0);
  /* Never NULL: a campaign imported from memory has the name "". */
  sqlite3_bind_text (stmt, 4, e->file_name, -1, SQLITE_TRANSIENT);
  tz_db_bind_text (stmt, 5, e->file_sha256);
  sqlite3_bind_int64 (stmt, 6, e->rows_read);
  sqlite3_bind_int64 (stmt, 7, e->rows_added);
  sqlite3_bind_int64 (stmt, 8, e->rows_changed);
  sqlite3_bind_int64 (stmt, 9, e->rows_unchanged);
  sqlite3_bind_int64 (stmt, 10, e->rows_dropped);
  tz_db_bind_text (stmt, 11, e->note);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  e->id = sqlite3_column_int64 (stmt, 0);
  g_free (e->at);
  e->at = tz_db_column_dup (stmt, 1);
  g_free (e->actor);
  e->actor = tz_db_column_dup (stmt, 2);
  return tz_db_step (db, stmt, error) == SQLITE_DONE;
}

GPtrArray *
tz_import_log_list (TzDb *db, gint64 campaign_id, guint limit, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_import_log_entry_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT id, at, actor, kind, ifnull(campaign_id, 0), ifnull(track_id, 0), "
                        "  file_name, file_sha256, rows_read, rows_added, rows_changed, "
                        "  rows_unchanged, rows_dropped, note FROM import_log "
                        "WHERE ?1 = 0 OR campaign_id = ?1 ORDER BY id DESC LIMIT ?2",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzImportLogEntry *e = tz_import_log_entry_new ();
      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = tz_db_column_dup (stmt, 1);
      e->actor = tz_db_column_dup (stmt, 2);
      e->kind = tz_db_column_dup (stmt, 3);
      e->campaign_id = sqlite3_column_int64 (stmt, 4);
      e->track_id = sqlite3_column_int64 (stmt, 5);
      e->file_name = tz_db_column_dup (stmt, 6);
      e->file_sha256 = tz_db_column_dup (stmt, 7);
      e->rows_read = sqlite3_column_int64 (stmt, 8);
      e->rows_added = sqlite3_column_int64 (stmt, 9);
      e->rows_changed = sqlite3_column_int64 (stmt, 10);
      e->rows_unchanged = sqlite3_column_int64 (stmt, 11);
      e->rows_dropped = sqlite3_column_int64 (stmt, 12);
      e->note = tz_db_column_dup (stmt, 13);
      g_ptr_array_add (list, e);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

const char *
tz_import_log_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "table") == 0)
    return _ ("Filled table");
  if (g_strcmp0 (kind, "package") == 0)
    return _ ("Entry package");
  if (g_strcmp0 (kind, "scores") == 0)
    return _ ("Expert scores");
  if (g_strcmp0 (kind, "metrics") == 0)
    return _ ("Online figures");
  if (g_strcmp0 (kind, "campaign") == 0)
    return _ ("Campaign file");
  return kind;
}
