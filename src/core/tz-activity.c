/* tz-activity.c — offline activities (线下活动) held by units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-activity"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tz-activity.h"
#include "tz-validate.h"

TzActivity *
tz_activity_new (void)
{
  TzActivity *a = g_new0 (TzActivity, 1);

  a->participants = -1;
  return a;
}

void
tz_activity_free (TzActivity *a)
{
  if (a == NULL)
    return;
  g_free (a->uuid);
  g_free (a->unit_name);
  g_free (a->title);
  g_free (a->held_on);
  g_free (a->place);
  g_free (a->enterprise);
  g_free (a->summary);
  g_free (a);
}

/* The campaign's period, when it has one, bounds the dates that count. */
static gboolean
check_in_period (TzDb *db, gint64 campaign_id, const char *date, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, "SELECT start_date, end_date, title FROM campaign WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("There is no campaign %" PRId64 ". List the campaigns to see their "
                      "numbers."),
                   campaign_id);
      return FALSE;
    }
  {
    const char *start = (const char *) sqlite3_column_text (stmt, 0);
    const char *end = (const char *) sqlite3_column_text (stmt, 1);

    if ((start != NULL && g_strcmp0 (date, start) < 0) ||
        (end != NULL && g_strcmp0 (date, end) > 0))
      {
        g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                     _ ("Date: %s is outside the campaign’s period (%s to %s). Check the date."),
                     date, start != NULL ? start : "…", end != NULL ? end : "…");
        return FALSE;
      }
  }
  return TRUE;
}

/* The unit must take part in the campaign itself or sit under a unit that does. */
static gboolean
check_unit (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "WITH RECURSIVE up(id) AS (SELECT ?2 UNION "
                        "  SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id "
                        "  WHERE u.parent_id IS NOT NULL) "
                        "SELECT EXISTS (SELECT 1 FROM campaign_unit WHERE campaign_id = ?1 "
                        "  AND unit_id IN up)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Unit: this unit takes no part in the campaign. Add it to the campaign "
                      "first."));
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_activity_validate (TzDb *db, const TzActivity *a, GError **error)
{
  if (!tz_validate_required (_ ("Title"), a->title, error) ||
      !tz_validate_text_length (_ ("Title"), a->title, TZ_ACTIVITY_MAX_TITLE, error) ||
      !tz_validate_required (_ ("Date"), a->held_on, error) ||
      !tz_validate_date (_ ("Date"), a->held_on, NULL, error))
    return FALSE;
  if (a->place != NULL && !tz_validate_text_length (_ ("Place"), a->place, 200, error))
    return FALSE;
  if (a->enterprise != NULL &&
      !tz_validate_text_length (_ ("Enterprise"), a->enterprise, 200, error))
    return FALSE;
  if (a->summary != NULL &&
      !tz_validate_text_length (_ ("Activity summary"), a->summary, TZ_ACTIVITY_MAX_SUMMARY, error))
    return FALSE;
  if (a->participants < -1 || a->participants > G_MAXINT32)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Participants: give a whole number of people, 0 or more."));
      return FALSE;
    }
  if (a->unit_id <= 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("Unit: choose the unit that held it."));
      return FALSE;
    }
  return check_in_period (db, a->campaign_id, a->held_on, error) &&
         check_unit (db, a->campaign_id, a->unit_id, error);
}

gboolean
tz_activity_save (TzDb *db, TzActivity *a, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tz_activity_validate (db, a, error))
    return FALSE;
  if (!tz_db_begin (db, error))
    return FALSE;

  if (a->id == 0)
    {
      if (a->uuid == NULL)
        a->uuid = g_uuid_string_random ();
      stmt = tz_db_prepare (db,
                            "INSERT INTO activity (campaign_id, unit_id, stage_id, title, held_on, "
                            "  place, enterprise, participants, summary, uuid) "
                            "VALUES (?1, ?2, coalesce(?3, (SELECT id FROM stage WHERE "
                            "  campaign_id = ?1 AND ?5 BETWEEN start_date AND end_date "
                            "  ORDER BY seq LIMIT 1)), ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
    }
  else
    stmt = tz_db_prepare (db,
                          "UPDATE activity SET campaign_id = ?1, unit_id = ?2, "
                          "  stage_id = coalesce(?3, (SELECT id FROM stage WHERE "
                          "  campaign_id = ?1 AND ?5 BETWEEN start_date AND end_date "
                          "  ORDER BY seq LIMIT 1)), title = ?4, held_on = ?5, place = ?6, "
                          "  enterprise = ?7, participants = ?8, summary = ?9, "
                          "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                          "WHERE id = ?11",
                          error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, a->campaign_id);
  sqlite3_bind_int64 (stmt, 2, a->unit_id);
  tz_db_bind_int_or_null (stmt, 3, a->stage_id, a->stage_id > 0);
  tz_db_bind_text (stmt, 4, a->title);
  tz_db_bind_text (stmt, 5, a->held_on);
  tz_db_bind_text (stmt, 6, a->place);
  tz_db_bind_text (stmt, 7, a->enterprise);
  tz_db_bind_int_or_null (stmt, 8, a->participants, a->participants >= 0);
  tz_db_bind_text (stmt, 9, a->summary);
  if (a->id == 0)
    tz_db_bind_text (stmt, 10, a->uuid);
  else
    sqlite3_bind_int64 (stmt, 11, a->id);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  if (a->id == 0)
    a->id = tz_db_last_insert_id (db);
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_activity_delete (TzDb *db, gint64 id, GError **error)
{
  g_autofree char *not_found = g_strdup_printf (_ ("There is no activity %" PRId64 "."), id);

  return tz_db_delete_row (db, "activity", id, not_found, error);
}

GPtrArray *
tz_activity_list (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_activity_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT a.id, a.uuid, a.campaign_id, a.unit_id, u.name, "
                        "  ifnull(a.stage_id, 0), a.title, a.held_on, a.place, a.enterprise, "
                        "  ifnull(a.participants, -1), a.summary "
                        "FROM activity a JOIN unit u ON u.id = a.unit_id "
                        "WHERE a.campaign_id = ?1 AND (?2 = 0 OR a.unit_id = ?2) "
                        "ORDER BY a.held_on DESC, a.id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzActivity *a = tz_activity_new ();
      a->id = sqlite3_column_int64 (stmt, 0);
      a->uuid = tz_db_column_dup (stmt, 1);
      a->campaign_id = sqlite3_column_int64 (stmt, 2);
      a->unit_id = sqlite3_column_int64 (stmt, 3);
      a->unit_name = tz_db_column_dup (stmt, 4);
      a->stage_id = sqlite3_column_int64 (stmt, 5);
      a->title = tz_db_column_dup (stmt, 6);
      a->held_on = tz_db_column_dup (stmt, 7);
      a->place = tz_db_column_dup (stmt, 8);
      a->enterprise = tz_db_column_dup (stmt, 9);
      a->participants = sqlite3_column_int64 (stmt, 10);
      a->summary = tz_db_column_dup (stmt, 11);
      g_ptr_array_add (list, a);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}
