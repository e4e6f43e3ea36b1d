/* tz-audit.c — reading the audit log that the schema's triggers write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows get into the log through triggers (migration 2), so no write path can
 * forget it; this file only reads it and records actions that change no row.
 */
#define G_LOG_DOMAIN "tz-audit"

#include "config.h"

#include "tz-audit.h"

void
tz_audit_entry_free (TzAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->actor);
  g_free (e->table);
  g_free (e->action);
  g_free (e->old_values);
  g_free (e->new_values);
  g_free (e);
}

GPtrArray *
tz_audit_list (TzDb *db, const char *table, gint64 row_id, const char *since, guint limit,
               GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_audit_entry_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT id, at, actor, tbl, ifnull(row_id, 0), action, old_values, "
                        "  new_values FROM audit_log "
                        "WHERE (?1 IS NULL OR tbl = ?1) AND (?2 = 0 OR row_id = ?2) "
                        "  AND (?3 IS NULL OR at >= ?3) "
                        "ORDER BY id DESC LIMIT ?4",
                        error);
  if (stmt == NULL)
    return NULL;
  tz_db_bind_text (stmt, 1, table);
  sqlite3_bind_int64 (stmt, 2, row_id);
  tz_db_bind_text (stmt, 3, since);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64) limit : -1);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzAuditEntry *e = g_new0 (TzAuditEntry, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = tz_db_column_dup (stmt, 1);
      e->actor = tz_db_column_dup (stmt, 2);
      e->table = tz_db_column_dup (stmt, 3);
      e->row_id = sqlite3_column_int64 (stmt, 4);
      e->action = tz_db_column_dup (stmt, 5);
      e->old_values = tz_db_column_dup (stmt, 6);
      e->new_values = tz_db_column_dup (stmt, 7);
      g_ptr_array_add (list, e);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
tz_audit_record (TzDb *db, const char *table, gint64 row_id, const char *action,
                 const char *details_json, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (db,
                        "INSERT INTO audit_log (actor, tbl, row_id, action, new_values) "
                        "VALUES (tz_actor(), ?, ?, ?, json(?))",
                        error);
  if (stmt == NULL)
    return FALSE;
  tz_db_bind_text (stmt, 1, table);
  tz_db_bind_int_or_null (stmt, 2, row_id, row_id > 0);
  tz_db_bind_text (stmt, 3, action);
  tz_db_bind_text (stmt, 4, details_json);
  return tz_db_step_done (db, stmt, error);
}
