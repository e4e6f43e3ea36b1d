/* tz-entry.c — entries: works and nominations in a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving refuses what cannot be right (no entrant, a duplicate, a summary longer
 * than the form's box); a work that misses a media requirement (too long, too
 * small) is saved and its failures are shown, since the clerk may still be
 * waiting for a better file.
 */
#define G_LOG_DOMAIN "tz-entry"

#include "config.h"

#include <inttypes.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "tz-entry.h"
#include "tz-requirements.h"
#include "tz-search.h"
#include "tz-validate.h"

static const char *const statuses[] = { "draft",   "submitted",    "reviewed",  "shortlisted",
                                        "awarded", "not_selected", "withdrawn", NULL };

TzEntry *
tz_entry_new (void)
{
  TzEntry *e = g_new0 (TzEntry, 1);

  e->duration_seconds = -1;
  e->width = e->height = e->file_size = -1;
  return e;
}

void
tz_entry_free (TzEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->uuid);
  g_free (e->track_name);
  g_free (e->title);
  g_free (e->description);
  g_free (e->summary);
  g_free (e->entrant_name);
  g_free (e->recommending_unit_name);
  g_free (e->platform);
  g_free (e->status);
  g_free (e->submitted_on);
  g_free (e->file_format);
  g_free (e->file_sha256);
  g_free (e);
}

char *
tz_file_sha256 (const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buffer[65536];
  gssize n;

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, NULL, error)) > 0)
    g_checksum_update (sum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
tz_entry_check_person_once (TzDb *db, gint64 track_id, gint64 person_id, gint64 except_entry_id,
                            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (person_id <= 0)
    return TRUE;
  stmt =
      tz_db_prepare (db,
                     "SELECT e.id, p.name, t.name FROM entry e "
                     "JOIN track t ON t.id = e.track_id JOIN person p ON p.id = e.person_id "
                     "WHERE e.track_id = ?1 AND e.person_id = ?2 AND e.id <> ?3 "
                     "  AND e.status <> 'withdrawn' "
                     "  AND (t.one_entry_per_entrant OR t.entry_kind IN ('nomination', 'account')) "
                     "LIMIT 1",
                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, except_entry_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                   _ ("Entrant: %s is already in “%s” (entry %" PRId64 "). A person "
                      "enters this track once; edit that entry instead."),
                   sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                   (gint64) sqlite3_column_int64 (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_entry_check_file_once (TzDb *db, gint64 campaign_id, const char *sha256, gint64 except_entry_id,
                          GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (sha256 == NULL || *sha256 == '\0')
    return TRUE;
  stmt = tz_db_prepare (db,
                        "SELECT e.id, e.title FROM entry e "
                        "WHERE e.campaign_id = ?1 AND e.id <> ?3 AND e.status <> 'withdrawn' "
                        "  AND (e.file_sha256 = ?2 OR EXISTS (SELECT 1 FROM attachment a "
                        "       WHERE a.entry_id = e.id AND a.kind = 'work' AND a.sha256 = ?2)) "
                        "LIMIT 1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, except_entry_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                   _ ("Work file: the same file was already entered as “%s” (entry %" PRId64
                      "). A work may be entered once."),
                   sqlite3_column_text (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

static TzWorkRequirements *
load_requirements (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (TzWorkRequirements) req = tz_work_requirements_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, "SELECT key, value FROM requirement WHERE track_id = ? ORDER BY seq",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    if (!tz_work_requirements_set (req, (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1), error))
      return NULL;
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&req);
}

static void
work_info_from_entry (const TzEntry *e, TzWorkInfo *info)
{
  tz_work_info_init (info);
  info->duration_seconds = e->duration_seconds;
  info->file_size = e->file_size;
  info->format = e->file_format;
  info->width = e->width;
  info->height = e->height;
  info->description = e->description;
  info->summary = e->summary;
}

GPtrArray *
tz_entry_requirement_failures (TzDb *db, const TzEntry *e, GError **error)
{
  g_autoptr (TzWorkRequirements) req = load_requirements (db, e->track_id, error);
  GPtrArray *failures = NULL;
  TzWorkInfo info;

  if (req == NULL)
    return NULL;
  work_info_from_entry (e, &info);
  if (tz_work_requirements_check (req, &info, &failures))
    return g_ptr_array_new_with_free_func (g_free);
  if (failures == NULL)
    failures = g_ptr_array_new_with_free_func (g_free);
  return failures;
}

static gboolean
check_fields (TzDb *db, TzEntry *e, GError **error)
{
  g_autoptr (TzWorkRequirements) req = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int n_entrants = (e->person_id > 0) + (e->team_id > 0) + (e->entrant_unit_id > 0);
  int rc;

  if (!tz_validate_required (_ ("Title"), e->title, error) ||
      !tz_validate_text_length (_ ("Title"), e->title, 100, error))
    return FALSE;
  if (n_entrants != 1)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Entrant: choose one person, team or unit as the entrant."));
      return FALSE;
    }
  if (e->status == NULL)
    e->status = g_strdup ("draft");
  if (!g_strv_contains (statuses, e->status))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Status: “%s” is not a status of an entry."), e->status);
      return FALSE;
    }
  if (e->submitted_on != NULL &&
      !tz_validate_date (_ ("Submitted on"), e->submitted_on, NULL, error))
    return FALSE;

  stmt = tz_db_prepare (db, "SELECT campaign_id FROM track WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->track_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("Track: there is no such track."));
      return FALSE;
    }
  e->campaign_id = sqlite3_column_int64 (stmt, 0);

  /* The text limits of the track's form are hard: the text must fit its box. */
  req = load_requirements (db, e->track_id, error);
  if (req == NULL)
    return FALSE;
  if (req->max_summary_chars > 0 && e->summary != NULL &&
      !tz_validate_text_length (_ ("Deed summary"), e->summary, req->max_summary_chars, error))
    return FALSE;
  if (req->max_description_chars > 0 && e->description != NULL &&
      !tz_validate_text_length (_ ("Description"), e->description, req->max_description_chars,
                                error))
    return FALSE;
  if (e->description != NULL &&
      !tz_validate_text_length (_ ("Description"), e->description, 2000, error))
    return FALSE;
  if (e->summary != NULL && !tz_validate_text_length (_ ("Deed summary"), e->summary, 5000, error))
    return FALSE;

  return tz_entry_check_person_once (db, e->track_id, e->person_id, e->id, error) &&
         tz_entry_check_file_once (db, e->campaign_id, e->file_sha256, e->id, error);
}

gboolean
tz_entry_save (TzDb *db, TzEntry *e, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tz_db_begin (db, error))
    return FALSE;
  if (!check_fields (db, e, error))
    goto fail;

  if (e->id == 0)
    {
      if (e->uuid == NULL)
        e->uuid = g_uuid_string_random ();
      stmt =
          tz_db_prepare (db,
                         "INSERT INTO entry (campaign_id, track_id, title, description, summary, "
                         "  person_id, team_id, entrant_unit_id, recommending_unit_id, platform, "
                         "  status, submitted_on, duration_seconds, width, height, file_size, "
                         "  file_format, file_sha256, uuid) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                         "  ?15, ?16, ?17, ?18, ?19)",
                         error);
    }
  else
    stmt =
        tz_db_prepare (db,
                       "UPDATE entry SET campaign_id = ?1, track_id = ?2, title = ?3, "
                       "  description = ?4, summary = ?5, person_id = ?6, team_id = ?7, "
                       "  entrant_unit_id = ?8, recommending_unit_id = ?9, platform = ?10, "
                       "  status = ?11, submitted_on = ?12, duration_seconds = ?13, width = ?14, "
                       "  height = ?15, file_size = ?16, file_format = ?17, file_sha256 = ?18, "
                       "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                       "WHERE id = ?20",
                       error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, e->campaign_id);
  sqlite3_bind_int64 (stmt, 2, e->track_id);
  tz_db_bind_text (stmt, 3, e->title);
  tz_db_bind_text (stmt, 4, e->description);
  tz_db_bind_text (stmt, 5, e->summary);
  tz_db_bind_int_or_null (stmt, 6, e->person_id, e->person_id > 0);
  tz_db_bind_int_or_null (stmt, 7, e->team_id, e->team_id > 0);
  tz_db_bind_int_or_null (stmt, 8, e->entrant_unit_id, e->entrant_unit_id > 0);
  tz_db_bind_int_or_null (stmt, 9, e->recommending_unit_id, e->recommending_unit_id > 0);
  tz_db_bind_text (stmt, 10, e->platform);
  tz_db_bind_text (stmt, 11, e->status);
  tz_db_bind_text (stmt, 12, e->submitted_on);
  if (e->duration_seconds >= 0)
    sqlite3_bind_double (stmt, 13, e->duration_seconds);
  else
    sqlite3_bind_null (stmt, 13);
  tz_db_bind_int_or_null (stmt, 14, e->width, e->width > 0);
  tz_db_bind_int_or_null (stmt, 15, e->height, e->height > 0);
  tz_db_bind_int_or_null (stmt, 16, e->file_size, e->file_size >= 0);
  tz_db_bind_text (stmt, 17, e->file_format);
  tz_db_bind_text (stmt, 18, e->file_sha256);
  if (e->id == 0)
    tz_db_bind_text (stmt, 19, e->uuid);
  else
    sqlite3_bind_int64 (stmt, 20, e->id);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  if (e->id == 0)
    e->id = tz_db_last_insert_id (db);
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

GPtrArray *
tz_entry_search (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query, guint offset,
                 guint limit, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *match = tz_search_condition ("entry_fts", query);
  g_autofree char *filter = NULL;
  g_autofree char *sql = NULL;
  int rc;

  filter = match != NULL ? g_strdup_printf ("e.id IN (SELECT rowid FROM entry_fts WHERE %s)", match)
                         : g_strdup ("?1 IS NULL");
  sql = g_strdup_printf (
      "SELECT e.id, e.uuid, e.campaign_id, e.track_id, t.name, e.title, e.description, e.summary, "
      "  ifnull(e.person_id, 0), ifnull(e.team_id, 0), ifnull(e.entrant_unit_id, 0), "
      "  coalesce(p.name, tm.name, eu.name), ifnull(e.recommending_unit_id, 0), ru.name, "
      "  e.platform, e.status, e.submitted_on, ifnull(e.duration_seconds, -1), ifnull(e.width, "
      "-1), "
      "  ifnull(e.height, -1), ifnull(e.file_size, -1), e.file_format, e.file_sha256 "
      "FROM entry e JOIN track t ON t.id = e.track_id "
      "LEFT JOIN person p ON p.id = e.person_id LEFT JOIN team tm ON tm.id = e.team_id "
      "LEFT JOIN unit eu ON eu.id = e.entrant_unit_id "
      "LEFT JOIN unit ru ON ru.id = e.recommending_unit_id "
      "WHERE (?4 = 0 OR e.campaign_id = ?4) AND (?5 = 0 OR e.track_id = ?5) AND %s "
      "ORDER BY e.id LIMIT ?2 OFFSET ?3",
      filter);
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  tz_search_bind (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  sqlite3_bind_int64 (stmt, 4, campaign_id);
  sqlite3_bind_int64 (stmt, 5, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzEntry *e = tz_entry_new ();
      e->id = sqlite3_column_int64 (stmt, 0);
      e->uuid = tz_db_column_dup (stmt, 1);
      e->campaign_id = sqlite3_column_int64 (stmt, 2);
      e->track_id = sqlite3_column_int64 (stmt, 3);
      e->track_name = tz_db_column_dup (stmt, 4);
      e->title = tz_db_column_dup (stmt, 5);
      e->description = tz_db_column_dup (stmt, 6);
      e->summary = tz_db_column_dup (stmt, 7);
      e->person_id = sqlite3_column_int64 (stmt, 8);
      e->team_id = sqlite3_column_int64 (stmt, 9);
      e->entrant_unit_id = sqlite3_column_int64 (stmt, 10);
      e->entrant_name = tz_db_column_dup (stmt, 11);
      e->recommending_unit_id = sqlite3_column_int64 (stmt, 12);
      e->recommending_unit_name = tz_db_column_dup (stmt, 13);
      e->platform = tz_db_column_dup (stmt, 14);
      e->status = tz_db_column_dup (stmt, 15);
      e->submitted_on = tz_db_column_dup (stmt, 16);
      e->duration_seconds = sqlite3_column_double (stmt, 17);
      e->width = sqlite3_column_int64 (stmt, 18);
      e->height = sqlite3_column_int64 (stmt, 19);
      e->file_size = sqlite3_column_int64 (stmt, 20);
      e->file_format = tz_db_column_dup (stmt, 21);
      e->file_sha256 = tz_db_column_dup (stmt, 22);
      g_ptr_array_add (list, e);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}
