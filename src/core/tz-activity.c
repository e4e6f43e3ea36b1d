/* tz-activity.c — offline activities (线下活动) held by units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-activity"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tz-activity.h"
#include "tz-attachment.h"
#include "tz-text.h"
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

/* clang-format off */
#define SELECT_ACTIVITY                                                                            \
  "SELECT a.id, a.uuid, a.campaign_id, a.unit_id, u.name, ifnull(a.stage_id, 0), a.title, "        \
  "  a.held_on, a.place, a.enterprise, ifnull(a.participants, -1), a.summary, "                    \
  "  (SELECT count(*) FROM attachment t WHERE t.activity_id = a.id) "                              \
  "FROM activity a JOIN unit u ON u.id = a.unit_id "
/* clang-format on */

static TzActivity *
activity_from_row (sqlite3_stmt *stmt)
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
  a->n_attachments = (guint) sqlite3_column_int64 (stmt, 12);
  return a;
}

static GPtrArray *
list_where (TzDb *db, const char *where, gint64 campaign_id, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_activity_free);
  g_autofree char *sql = g_strconcat (SELECT_ACTIVITY, where, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, activity_from_row (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
tz_activity_list (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error)
{
  return list_where (db,
                     "WHERE a.campaign_id = ?1 AND (?2 = 0 OR a.unit_id = ?2) "
                     "ORDER BY a.held_on DESC, a.id DESC",
                     campaign_id, unit_id, error);
}

GPtrArray *
tz_activity_list_under (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error)
{
  /* The same walk down the tree as the held count of tz-quota.c. */
  return list_where (db,
                     "WHERE a.campaign_id = ?1 AND a.unit_id IN (WITH RECURSIVE sub(id) AS "
                     "  (SELECT ?2 UNION SELECT c.id FROM unit c JOIN sub ON c.parent_id = sub.id) "
                     "  SELECT id FROM sub) "
                     "ORDER BY a.held_on DESC, a.id DESC",
                     campaign_id, unit_id, error);
}

TzActivity *
tz_activity_get (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, SELECT_ACTIVITY "WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("There is no activity %" PRId64 ". It may have been deleted; reload the "
                      "list."),
                   id);
      return NULL;
    }
  return activity_from_row (stmt);
}

static gboolean
contains_folded (const char *haystack, const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

gboolean
tz_activity_matches (const TzActivity *activity, const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (activity != NULL, FALSE);

  if (tz_text_is_blank (text) || !g_utf8_validate (text, -1, NULL))
    return TRUE;
  stripped = g_strstrip (g_strdup (text));
  needle = g_utf8_casefold (stripped, -1);
  return contains_folded (activity->title, needle) ||
         contains_folded (activity->unit_name, needle) ||
         contains_folded (activity->place, needle) ||
         contains_folded (activity->enterprise, needle) ||
         contains_folded (activity->summary, needle) || contains_folded (activity->held_on, needle);
}

char *
tz_activity_default_date (TzDb *db, gint64 campaign_id)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (db, "SELECT start_date, end_date FROM campaign WHERE id = ?", NULL);
  if (stmt == NULL)
    return g_steal_pointer (&today);
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (tz_db_step (db, stmt, NULL) == SQLITE_ROW)
    {
      const char *start = (const char *) sqlite3_column_text (stmt, 0);
      const char *end = (const char *) sqlite3_column_text (stmt, 1);

      if (start != NULL && strcmp (today, start) < 0)
        return g_strdup (start);
      if (end != NULL && strcmp (today, end) > 0)
        return g_strdup (end);
    }
  return g_steal_pointer (&today);
}

gboolean
tz_activity_save_with_evidence (TzDb *db, TzActivity *activity, const char *const *add_paths,
                                const gint64 *remove_ids, guint n_remove, GError **error)
{
  g_autoptr (GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  gint64 old_id = activity->id;
  gboolean had_uuid = activity->uuid != NULL;

  if (!tz_activity_validate (db, activity, error))
    return FALSE;
  if (!tz_db_begin (db, error))
    return FALSE;
  if (!tz_activity_save (db, activity, error))
    goto fail;

  for (guint i = 0; i < n_remove; i++)
    {
      g_autoptr (TzAttachment) attachment = tz_attachment_get (db, remove_ids[i], error);

      if (attachment == NULL)
        goto fail;
      if (attachment->owner != TZ_ATTACHMENT_OWNER_ACTIVITY || attachment->owner_id != activity->id)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("The file “%s” is not evidence of this activity; it was left alone."),
                       attachment->file_name);
          goto fail;
        }
      if (!tz_attachment_delete (db, attachment->id, error))
        goto fail;
      g_ptr_array_add (removed, g_strdup (attachment->sha256));
    }

  for (guint i = 0; add_paths != NULL && add_paths[i] != NULL; i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (TzAttachment) attachment = NULL;
      gint64 attachment_id = 0;

      if (!tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ACTIVITY, activity->id, "evidence",
                              add_paths[i], NULL, &attachment_id, &local))
        {
          g_autofree char *name = g_filename_display_basename (add_paths[i]);

          g_set_error (error, local->domain, local->code,
                       _ ("The evidence file “%s” could not be attached, so nothing was saved. "
                          "%s"),
                       name, local->message);
          goto fail;
        }
      attachment = tz_attachment_get (db, attachment_id, error);
      if (attachment == NULL)
        goto fail;
      g_ptr_array_add (added, g_strdup (attachment->sha256));
    }

  if (!tz_db_commit (db, error))
    goto undone;
  g_ptr_array_add (removed, NULL);
  tz_attachment_remove_unused_files (db, (const char *const *) removed->pdata);
  return TRUE;

fail:
  tz_db_rollback (db);
undone:
  /* The records are gone with the rollback; the files this call stored go too. */
  activity->id = old_id;
  if (!had_uuid)
    g_clear_pointer (&activity->uuid, g_free);
  g_ptr_array_add (added, NULL);
  tz_attachment_remove_unused_files (db, (const char *const *) added->pdata);
  return FALSE;
}

typedef struct
{
  gint64 id;
  char *uuid;
  char *kind;
  char *title;
  char *file_name;
  char *mime_type;
  gint64 size;
  char *sha256;
  gint64 seq;
  char *created_at;
  char *updated_at;
} SavedAttachment;

static void
saved_attachment_free (SavedAttachment *saved)
{
  g_free (saved->uuid);
  g_free (saved->kind);
  g_free (saved->title);
  g_free (saved->file_name);
  g_free (saved->mime_type);
  g_free (saved->sha256);
  g_free (saved->created_at);
  g_free (saved->updated_at);
  g_free (saved);
}

struct _TzActivityDeleted
{
  TzActivity *activity;
  char *created_at;
  char *updated_at;
  GPtrArray *attachments; /* SavedAttachment */
};

void
tz_activity_deleted_free (TzActivityDeleted *deleted)
{
  if (deleted == NULL)
    return;
  tz_activity_free (deleted->activity);
  g_free (deleted->created_at);
  g_free (deleted->updated_at);
  g_ptr_array_unref (deleted->attachments);
  g_free (deleted);
}

const TzActivity *
tz_activity_deleted_get_activity (const TzActivityDeleted *deleted)
{
  g_return_val_if_fail (deleted != NULL, NULL);
  return deleted->activity;
}

static gboolean
save_stamps (TzDb *db, TzActivityDeleted *deleted, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (db, "SELECT created_at, updated_at FROM activity WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deleted->activity->id);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  deleted->created_at = tz_db_column_dup (stmt, 0);
  deleted->updated_at = tz_db_column_dup (stmt, 1);
  return TRUE;
}

static gboolean
save_attachments (TzDb *db, TzActivityDeleted *deleted, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT id, uuid, kind, title, file_name, mime_type, size, sha256, seq, "
                        "  created_at, updated_at FROM attachment WHERE activity_id = ? "
                        "ORDER BY seq, id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deleted->activity->id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SavedAttachment *saved = g_new0 (SavedAttachment, 1);

      saved->id = sqlite3_column_int64 (stmt, 0);
      saved->uuid = tz_db_column_dup (stmt, 1);
      saved->kind = tz_db_column_dup (stmt, 2);
      saved->title = tz_db_column_dup (stmt, 3);
      saved->file_name = tz_db_column_dup (stmt, 4);
      saved->mime_type = tz_db_column_dup (stmt, 5);
      saved->size = sqlite3_column_int64 (stmt, 6);
      saved->sha256 = tz_db_column_dup (stmt, 7);
      saved->seq = sqlite3_column_int64 (stmt, 8);
      saved->created_at = tz_db_column_dup (stmt, 9);
      saved->updated_at = tz_db_column_dup (stmt, 10);
      g_ptr_array_add (deleted->attachments, saved);
    }
  return rc >= 0;
}

TzActivityDeleted *
tz_activity_delete_for_undo (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (TzActivityDeleted) deleted = g_new0 (TzActivityDeleted, 1);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;

  deleted->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) saved_attachment_free);

  if (!tz_db_begin (db, error))
    return NULL;
  deleted->activity = tz_activity_get (db, id, &local);
  if (deleted->activity == NULL)
    {
      if (g_error_matches (local, TZ_ERROR, TZ_ERROR_NOT_FOUND))
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no activity %" PRId64 "."),
                     id);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  /* The stage as stored, not as found from the date, so that a restore is exact. */
  if (!save_stamps (db, deleted, error) || !save_attachments (db, deleted, error))
    goto fail;
  stmt = tz_db_prepare (db, "SELECT stage_id FROM activity WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    goto fail;
  deleted->activity->stage_id = sqlite3_column_int64 (stmt, 0); /* NULL reads as 0 */
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The attachment records go with the row (ON DELETE CASCADE); their files stay. */
  stmt = tz_db_prepare (db, "DELETE FROM activity WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!tz_db_commit (db, error))
    return NULL;
  return g_steal_pointer (&deleted);

fail:
  tz_db_rollback (db);
  return NULL;
}

gboolean
tz_activity_restore (TzDb *db, const TzActivityDeleted *deleted, GError **error)
{
  const TzActivity *a;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (deleted != NULL, FALSE);
  a = deleted->activity;

  if (!tz_db_begin (db, error))
    return FALSE;

  /* What it refers to must still be there; a vanished stage is found again from the date. */
  stmt = tz_db_prepare (db,
                        "SELECT EXISTS (SELECT 1 FROM campaign WHERE id = ?1), "
                        "  EXISTS (SELECT 1 FROM unit WHERE id = ?2), "
                        "  EXISTS (SELECT 1 FROM activity WHERE uuid = ?3)",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, a->campaign_id);
  sqlite3_bind_int64 (stmt, 2, a->unit_id);
  sqlite3_bind_text (stmt, 3, a->uuid, -1, SQLITE_STATIC);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    goto fail;
  if (sqlite3_column_int (stmt, 2) != 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                   _ ("The activity “%s” is already back; nothing was changed."), a->title);
      goto fail;
    }
  if (sqlite3_column_int (stmt, 0) == 0 || sqlite3_column_int (stmt, 1) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The activity “%s” cannot be restored: its campaign or its unit has been "
                      "deleted since."),
                   a->title);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Its id comes back unless a new activity took it meanwhile; the uuid always does. */
  stmt = tz_db_prepare (
      db,
      "INSERT INTO activity (id, uuid, campaign_id, unit_id, stage_id, title, held_on, place, "
      "  enterprise, participants, summary, created_at, updated_at) "
      "VALUES (CASE WHEN EXISTS (SELECT 1 FROM activity WHERE id = ?1) THEN NULL ELSE ?1 END, "
      "  ?2, ?3, ?4, coalesce((SELECT id FROM stage WHERE id = ?5 AND campaign_id = ?3), "
      "  (SELECT id FROM stage WHERE ?5 IS NOT NULL AND campaign_id = ?3 "
      "   AND ?7 BETWEEN start_date AND end_date ORDER BY seq LIMIT 1)), "
      "  ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
      error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, a->id);
  sqlite3_bind_text (stmt, 2, a->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, a->campaign_id);
  sqlite3_bind_int64 (stmt, 4, a->unit_id);
  tz_db_bind_int_or_null (stmt, 5, a->stage_id, a->stage_id > 0);
  tz_db_bind_text (stmt, 6, a->title);
  tz_db_bind_text (stmt, 7, a->held_on);
  tz_db_bind_text (stmt, 8, a->place);
  tz_db_bind_text (stmt, 9, a->enterprise);
  tz_db_bind_int_or_null (stmt, 10, a->participants, a->participants >= 0);
  tz_db_bind_text (stmt, 11, a->summary);
  tz_db_bind_text (stmt, 12, deleted->created_at);
  tz_db_bind_text (stmt, 13, deleted->updated_at);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  id = tz_db_last_insert_id (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = tz_db_prepare (
      db,
      "INSERT INTO attachment (id, uuid, activity_id, kind, title, file_name, mime_type, size, "
      "  sha256, seq, created_at, updated_at) "
      "VALUES (CASE WHEN EXISTS (SELECT 1 FROM attachment WHERE id = ?1) THEN NULL ELSE ?1 END, "
      "  CASE WHEN EXISTS (SELECT 1 FROM attachment WHERE uuid = ?2) THEN NULL ELSE ?2 END, "
      "  ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
      error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < deleted->attachments->len; i++)
    {
      const SavedAttachment *saved = deleted->attachments->pdata[i];

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, saved->id);
      sqlite3_bind_text (stmt, 2, saved->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, id);
      sqlite3_bind_text (stmt, 4, saved->kind, -1, SQLITE_STATIC);
      tz_db_bind_text (stmt, 5, saved->title);
      sqlite3_bind_text (stmt, 6, saved->file_name, -1, SQLITE_STATIC);
      tz_db_bind_text (stmt, 7, saved->mime_type);
      sqlite3_bind_int64 (stmt, 8, saved->size);
      sqlite3_bind_text (stmt, 9, saved->sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, saved->seq);
      tz_db_bind_text (stmt, 11, saved->created_at);
      tz_db_bind_text (stmt, 12, saved->updated_at);
      rc = tz_db_step (db, stmt, error);
      if (rc < 0)
        goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

void
tz_activity_deleted_purge (TzDb *db, const TzActivityDeleted *deleted)
{
  g_autoptr (GPtrArray) shas = g_ptr_array_new ();

  g_return_if_fail (deleted != NULL);
  for (guint i = 0; i < deleted->attachments->len; i++)
    g_ptr_array_add (shas, ((SavedAttachment *) deleted->attachments->pdata[i])->sha256);
  g_ptr_array_add (shas, NULL);
  tz_attachment_remove_unused_files (db, (const char *const *) shas->pdata);
}

gboolean
tz_activity_delete (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (TzActivityDeleted) deleted = tz_activity_delete_for_undo (db, id, error);

  if (deleted == NULL)
    return FALSE;
  tz_activity_deleted_purge (db, deleted);
  return TRUE;
}
