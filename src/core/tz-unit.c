/* tz-unit.c — the unit tree shared by every campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-unit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-unit.h"
#include "tz-validate.h"

void
tz_unit_free (TzUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->kind);
  g_free (unit->role);
  g_free (unit);
}

gboolean
tz_unit_resolve (TzDb *db, gint64 campaign_id, const char *name, gint64 *unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 first = 0;
  gboolean first_in_campaign = FALSE;
  guint n = 0;
  int rc;

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("Unit: give the name of a unit."));
      return FALSE;
    }
  stmt = tz_db_prepare (db,
                        "SELECT u.id, EXISTS (SELECT 1 FROM campaign_unit cu "
                        "  WHERE cu.unit_id = u.id AND cu.campaign_id = ?2) AS in_campaign "
                        "FROM unit u WHERE u.name = ?1 OR u.short_name = ?1 "
                        "ORDER BY in_campaign DESC, u.name = ?1 DESC, u.id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gboolean in_campaign = sqlite3_column_int (stmt, 1);
      if (n == 0)
        {
          first = sqlite3_column_int64 (stmt, 0);
          first_in_campaign = in_campaign;
        }
      else if (in_campaign == first_in_campaign)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       _ ("Unit: more than one unit is named “%s”. Rename one of them."), name);
          return FALSE;
        }
      n++;
    }
  if (rc < 0)
    return FALSE;
  if (n == 0)
    {
      if (campaign_id > 0)
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                     _ ("Unit: there is no unit named “%s” in this campaign. List its units "
                        "with “unit list --campaign”."),
                     name);
      else
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("Unit: there is no unit named “%s”."),
                     name);
      return FALSE;
    }
  *unit_id = first;
  return TRUE;
}

gboolean
tz_unit_add (TzDb *db, gint64 parent_id, const char *name, const char *kind, gint64 campaign_id,
             const char *role, gint64 *unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) link = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id = 0;
  int rc;

  if (!tz_validate_required (_ ("Unit name"), name, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (name));
  if (!tz_validate_text_length (_ ("Unit name"), trimmed, 100, error))
    return FALSE;

  if (!tz_db_begin (db, error))
    return FALSE;

  find =
      tz_db_prepare (db, "SELECT id FROM unit WHERE ifnull(parent_id, 0) = ? AND name = ?", error);
  if (find == NULL)
    goto fail;
  sqlite3_bind_int64 (find, 1, parent_id);
  sqlite3_bind_text (find, 2, trimmed, -1, SQLITE_TRANSIENT);
  rc = tz_db_step (db, find, error);
  if (rc < 0)
    goto fail;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (find, 0);
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      insert = tz_db_prepare (db,
                              "INSERT INTO unit (uuid, parent_id, name, kind) "
                              "VALUES (?, ?, ?, ifnull(?, 'other'))",
                              error);
      if (insert == NULL)
        goto fail;
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
      tz_db_bind_int_or_null (insert, 2, parent_id, parent_id > 0);
      sqlite3_bind_text (insert, 3, trimmed, -1, SQLITE_TRANSIENT);
      tz_db_bind_text (insert, 4, kind);
      if (!tz_db_step_done (db, insert, error))
        goto fail;
      id = tz_db_last_insert_id (db);
    }

  if (campaign_id > 0)
    {
      link = tz_db_prepare (db,
                            "INSERT INTO campaign_unit (campaign_id, unit_id, role, sort_order) "
                            "VALUES (?1, ?2, ifnull(?3, 'participant'), "
                            "  (SELECT ifnull(max(sort_order), 0) + 1 FROM campaign_unit "
                            "   WHERE campaign_id = ?1)) "
                            "ON CONFLICT (campaign_id, unit_id) DO NOTHING",
                            error);
      if (link == NULL)
        goto fail;
      sqlite3_bind_int64 (link, 1, campaign_id);
      sqlite3_bind_int64 (link, 2, id);
      tz_db_bind_text (link, 3, role);
      if (!tz_db_step_done (db, link, error))
        goto fail;
    }

  if (!tz_db_commit (db, error))
    return FALSE;
  if (unit_id != NULL)
    *unit_id = id;
  return TRUE;

fail:
  tz_db_rollback (db);
  return FALSE;
}

GPtrArray *
tz_unit_list (TzDb *db, gint64 campaign_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_unit_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* Walk the tree from the roots of the selection, children in their order. */
  stmt = tz_db_prepare (
      db,
      "WITH RECURSIVE sel(id) AS ("
      "  SELECT id FROM unit WHERE ?1 = 0"
      "  UNION SELECT unit_id FROM campaign_unit WHERE campaign_id = ?1),"
      " tree(id, depth, path) AS ("
      "  SELECT u.id, 0, printf('%08d%08d', ifnull((SELECT c.sort_order FROM campaign_unit c"
      "   WHERE c.unit_id = u.id AND c.campaign_id = ?1), u.sort_order), u.id) || u.name FROM unit "
      "u"
      "   WHERE u.id IN sel AND (u.parent_id IS NULL OR u.parent_id NOT IN sel)"
      "  UNION ALL"
      "  SELECT u.id, t.depth + 1,"
      "         t.path || '/' || printf('%08d%08d', ifnull((SELECT c.sort_order FROM campaign_unit "
      "c"
      "   WHERE c.unit_id = u.id AND c.campaign_id = ?1), u.sort_order), u.id) || u.name"
      "   FROM unit u JOIN tree t ON u.parent_id = t.id WHERE u.id IN sel)"
      "SELECT u.id, ifnull(u.parent_id, 0), u.name, u.kind, cu.role, t.depth"
      " FROM tree t JOIN unit u ON u.id = t.id"
      " LEFT JOIN campaign_unit cu ON cu.unit_id = u.id AND cu.campaign_id = ?1"
      " ORDER BY t.path",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzUnit *u = g_new0 (TzUnit, 1);
      u->id = sqlite3_column_int64 (stmt, 0);
      u->parent_id = sqlite3_column_int64 (stmt, 1);
      u->name = tz_db_column_dup (stmt, 2);
      u->kind = tz_db_column_dup (stmt, 3);
      u->role = tz_db_column_dup (stmt, 4);
      u->depth = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (list, u);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}
