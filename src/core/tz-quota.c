/* tz-quota.c — quotas (任务分配) and progress against them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a unit has "held" counts its own records and those of the units under
 * it: a city federation meets its quota through its districts' activities too.
 */
#define G_LOG_DOMAIN "tz-quota"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tz-quota.h"
#include "tz-text.h"
#include "tz-validate.h"

static const char *const kind_names[] = { "activity", "nominee", "work" };

const char *
tz_quota_kind_to_string (TzQuotaKind kind)
{
  g_return_val_if_fail (kind <= TZ_QUOTA_WORK, NULL);
  return kind_names[kind];
}

gboolean
tz_quota_kind_from_string (const char *text, TzQuotaKind *kind, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
               _ ("Quota kind: “%s” is not a kind of quota. Use activity, nominee or work."),
               text != NULL ? text : "");
  return FALSE;
}

void
tz_quota_row_free (TzQuotaRow *row)
{
  if (row == NULL)
    return;
  g_free (row->unit_name);
  g_free (row->track_name);
  g_free (row);
}

double
tz_quota_row_progress (const TzQuotaRow *row)
{
  if (row->min_count <= 0)
    return 1.0;
  return (double) row->held / (double) row->min_count;
}

gboolean
tz_quota_row_is_behind (const TzQuotaRow *row)
{
  return row->held < row->min_count;
}

char *
tz_quota_format_target (gint64 min_count, gint64 max_count)
{
  if (max_count >= 0 && max_count != min_count)
    return g_strdup_printf ("%" PRId64 "–%" PRId64, min_count, max_count);
  return g_strdup_printf ("%" PRId64, min_count);
}

gboolean
tz_quota_parse_target (const char *min_text, const char *max_text, gint64 *min_count,
                       gint64 *max_count, GError **error)
{
  gint64 min = 0;
  gint64 max = -1;

  if (!tz_validate_count (_ ("Target"), min_text, &min, error))
    return FALSE;
  if (!tz_text_is_blank (max_text))
    {
      if (!tz_validate_count (_ ("At most"), max_text, &max, error))
        return FALSE;
      if (max < min)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("At most: %" PRId64 " is below the target of %" PRId64 ". Enter a "
                          "number of %" PRId64 " or more, or leave it empty for no limit."),
                       max, min, min);
          return FALSE;
        }
    }
  if (min_count != NULL)
    *min_count = min;
  if (max_count != NULL)
    *max_count = max;
  return TRUE;
}

void
tz_quota_totals (GPtrArray *rows, TzQuotaTotals *totals)
{
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const TzQuotaRow *row = rows->pdata[i];

      totals->target += row->min_count;
      totals->held += row->held;
      totals->n_rows++;
      if (tz_quota_row_is_behind (row))
        totals->n_behind++;
    }
}

double
tz_quota_totals_progress (const TzQuotaTotals *totals)
{
  if (totals->target <= 0)
    return 1.0;
  return (double) totals->held / (double) totals->target;
}

/* clang-format off */
static const char list_sql[] =
  "WITH rows(unit_id, track_id, min_count, max_count, from_rule, ord) AS ("
  /* the rows the notice gives unit by unit */
  "  SELECT q.unit_id, q.track_id, q.min_count, q.max_count, 0, q.seq * 100000 + q.id"
  "  FROM quota q WHERE q.campaign_id = ?1 AND q.kind = ?2 AND q.unit_id IS NOT NULL"
  "  UNION ALL"
  /* the rule for every participant, where a unit has no row of its own */
  "  SELECT cu.unit_id, q.track_id, q.min_count, q.max_count, 1,"
  "         1000000000 + q.seq * 100000 + cu.sort_order"
  "  FROM quota q JOIN campaign_unit cu ON cu.campaign_id = q.campaign_id AND cu.role = 'participant'"
  "  WHERE q.campaign_id = ?1 AND q.kind = ?2 AND q.unit_id IS NULL"
  "    AND NOT EXISTS (SELECT 1 FROM quota o WHERE o.campaign_id = q.campaign_id AND o.kind = q.kind"
  "      AND o.unit_id = cu.unit_id AND o.track_id IS q.track_id)"
  ")"
  "SELECT r.unit_id, u.name, ifnull(r.track_id, 0), t.name, r.min_count, ifnull(r.max_count, -1),"
  "  CASE ?2"
  "    WHEN 'activity' THEN (WITH RECURSIVE sub(id) AS (SELECT r.unit_id UNION"
  "        SELECT c.id FROM unit c JOIN sub ON c.parent_id = sub.id)"
  "      SELECT count(*) FROM activity a WHERE a.campaign_id = ?1 AND a.unit_id IN sub)"
  "    ELSE (WITH RECURSIVE sub(id) AS (SELECT r.unit_id UNION"
  "        SELECT c.id FROM unit c JOIN sub ON c.parent_id = sub.id)"
  "      SELECT count(*) FROM entry e JOIN track et ON et.id = e.track_id"
  "      WHERE e.campaign_id = ?1 AND e.status NOT IN ('draft', 'withdrawn')"
  "        AND e.recommending_unit_id IN sub"
  "        AND (r.track_id IS NULL AND et.entry_kind = (CASE ?2 WHEN 'nominee' THEN 'nomination' ELSE 'work' END)"
  "             OR e.track_id = r.track_id))"
  "  END,"
  "  r.from_rule"
  " FROM rows r JOIN unit u ON u.id = r.unit_id LEFT JOIN track t ON t.id = r.track_id"
  " ORDER BY r.ord";
/* clang-format on */

GPtrArray *
tz_quota_list (TzDb *db, gint64 campaign_id, TzQuotaKind kind, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_quota_row_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, list_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, tz_quota_kind_to_string (kind), -1, SQLITE_STATIC);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzQuotaRow *row = g_new0 (TzQuotaRow, 1);
      row->unit_id = sqlite3_column_int64 (stmt, 0);
      row->unit_name = tz_db_column_dup (stmt, 1);
      row->track_id = sqlite3_column_int64 (stmt, 2);
      row->track_name = tz_db_column_dup (stmt, 3);
      row->min_count = sqlite3_column_int64 (stmt, 4);
      row->max_count = sqlite3_column_int64 (stmt, 5);
      row->held = sqlite3_column_int64 (stmt, 6);
      row->from_rule = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, row);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
tz_quota_set (TzDb *db, gint64 campaign_id, TzQuotaKind kind, gint64 track_id, gint64 unit_id,
              gint64 min_count, gint64 max_count, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (min_count > G_MAXINT32 || max_count > G_MAXINT32)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Quota: %" PRId64 " is too large for a quota."), MAX (min_count, max_count));
      return FALSE;
    }
  if (max_count >= 0 && min_count >= 0 && max_count < min_count)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Quota: the largest number (%" PRId64 ") is below the smallest "
                      "(%" PRId64 "). Swap them or correct one."),
                   max_count, min_count);
      return FALSE;
    }

  if (!tz_db_begin (db, error))
    return FALSE;
  if (min_count < 0)
    stmt = tz_db_prepare (db,
                          "DELETE FROM quota WHERE campaign_id = ?1 AND kind = ?2 "
                          "AND track_id IS ?3 AND unit_id IS ?4",
                          error);
  else
    stmt =
        tz_db_prepare (db,
                       "INSERT INTO quota (campaign_id, kind, track_id, unit_id, min_count, "
                       "  max_count, seq) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT ifnull(max(seq), 0) + 1 FROM quota "
                       "  WHERE campaign_id = ?1)) "
                       "ON CONFLICT (campaign_id, kind, ifnull(track_id, 0), ifnull(unit_id, 0)) "
                       "DO UPDATE SET min_count = excluded.min_count, "
                       "  max_count = excluded.max_count, "
                       "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                       error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, tz_quota_kind_to_string (kind), -1, SQLITE_STATIC);
  tz_db_bind_int_or_null (stmt, 3, track_id, track_id > 0);
  tz_db_bind_int_or_null (stmt, 4, unit_id, unit_id > 0);
  if (min_count >= 0)
    {
      sqlite3_bind_int64 (stmt, 5, min_count);
      tz_db_bind_int_or_null (stmt, 6, max_count, max_count >= 0);
    }
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}
