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
#include <string.h>

#include "tz-entry.h"
#include "tz-requirements.h"
#include "tz-search.h"
#include "tz-validate.h"

static const char *const statuses[] = { "draft",   "submitted",    "reviewed",  "shortlisted",
                                        "awarded", "not_selected", "withdrawn", NULL };
/* In the order of statuses[]. */
static const char *const status_labels[] = { N_ ("Draft"),    N_ ("Submitted"),
                                             N_ ("Reviewed"), N_ ("Shortlisted"),
                                             N_ ("Awarded"),  N_ ("Not selected"),
                                             N_ ("Withdrawn") };

TzEntry *
tz_entry_new (void)
{
  TzEntry *e = g_new0 (TzEntry, 1);

  e->duration_seconds = -1;
  e->width = e->height = e->file_size = -1;
  return e;
}

TzEntry *
tz_entry_copy (const TzEntry *e)
{
  TzEntry *copy;

  g_return_val_if_fail (e != NULL, NULL);

  copy = g_memdup2 (e, sizeof *e);
  copy->uuid = g_strdup (e->uuid);
  copy->track_name = g_strdup (e->track_name);
  copy->title = g_strdup (e->title);
  copy->description = g_strdup (e->description);
  copy->summary = g_strdup (e->summary);
  copy->entrant_name = g_strdup (e->entrant_name);
  copy->recommending_unit_name = g_strdup (e->recommending_unit_name);
  copy->platform = g_strdup (e->platform);
  copy->status = g_strdup (e->status);
  copy->submitted_on = g_strdup (e->submitted_on);
  copy->file_format = g_strdup (e->file_format);
  copy->file_sha256 = g_strdup (e->file_sha256);
  return copy;
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
  g_autoptr (TzCachedStmt) stmt = NULL;
  int rc;

  if (person_id <= 0)
    return TRUE;
  stmt = tz_db_prepare_cached (
      db,
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
  g_autoptr (TzCachedStmt) stmt = NULL;
  int rc;

  if (sha256 == NULL || *sha256 == '\0')
    return TRUE;
  stmt = tz_db_prepare_cached (
      db,
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

TzWorkRequirements *
tz_entry_load_requirements (TzDb *db, gint64 track_id, GError **error)
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
tz_entry_check_requirements (const TzWorkRequirements *req, const TzEntry *e)
{
  GPtrArray *failures = NULL;
  TzWorkInfo info;

  g_return_val_if_fail (req != NULL && e != NULL, NULL);

  work_info_from_entry (e, &info);
  if (tz_work_requirements_check (req, &info, &failures))
    return g_ptr_array_new_with_free_func (g_free);
  if (failures == NULL)
    failures = g_ptr_array_new_with_free_func (g_free);
  return failures;
}

GPtrArray *
tz_entry_requirement_failures (TzDb *db, const TzEntry *e, GError **error)
{
  g_autoptr (TzWorkRequirements) req = tz_entry_load_requirements (db, e->track_id, error);

  if (req == NULL)
    return NULL;
  return tz_entry_check_requirements (req, e);
}

gboolean
tz_entry_check_field (const TzEntry *e, const TzWorkRequirements *req, TzEntryField field,
                      GError **error)
{
  g_return_val_if_fail (e != NULL, FALSE);

  switch (field)
    {
      case TZ_ENTRY_FIELD_TITLE:
        return tz_validate_required (_ ("Title"), e->title, error) &&
               tz_validate_text_length (_ ("Title"), e->title, TZ_ENTRY_MAX_TITLE, error);
      case TZ_ENTRY_FIELD_ENTRANT:
        if ((e->person_id > 0) + (e->team_id > 0) + (e->entrant_unit_id > 0) != 1)
          {
            g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                         _ ("Entrant: choose one person, team or unit as the entrant."));
            return FALSE;
          }
        return TRUE;
      case TZ_ENTRY_FIELD_STATUS:
        if (e->status != NULL && !g_strv_contains (statuses, e->status))
          {
            g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                         _ ("Status: “%s” is not a status of an entry."), e->status);
            return FALSE;
          }
        return TRUE;
      case TZ_ENTRY_FIELD_SUBMITTED_ON:
        return e->submitted_on == NULL ||
               tz_validate_date (_ ("Submitted on"), e->submitted_on, NULL, error);
      case TZ_ENTRY_FIELD_SUMMARY:
        /* The text limits of the track's form are hard: the text must fit its box. */
        if (e->summary == NULL)
          return TRUE;
        if (req != NULL && req->max_summary_chars > 0 &&
            !tz_validate_text_length (_ ("Deed summary"), e->summary, req->max_summary_chars,
                                      error))
          return FALSE;
        return tz_validate_text_length (_ ("Deed summary"), e->summary, TZ_ENTRY_MAX_SUMMARY,
                                        error);
      case TZ_ENTRY_FIELD_DESCRIPTION:
        if (e->description == NULL)
          return TRUE;
        if (req != NULL && req->max_description_chars > 0 &&
            !tz_validate_text_length (_ ("Description"), e->description, req->max_description_chars,
                                      error))
          return FALSE;
        return tz_validate_text_length (_ ("Description"), e->description, TZ_ENTRY_MAX_DESCRIPTION,
                                        error);
      default:
        g_return_val_if_reached (FALSE);
    }
}

static gboolean
check_fields (TzDb *db, TzEntry *e, GError **error)
{
  g_autoptr (TzWorkRequirements) req = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (e->status == NULL)
    e->status = g_strdup ("draft");
  if (!tz_entry_check_field (e, NULL, TZ_ENTRY_FIELD_TITLE, error) ||
      !tz_entry_check_field (e, NULL, TZ_ENTRY_FIELD_ENTRANT, error) ||
      !tz_entry_check_field (e, NULL, TZ_ENTRY_FIELD_STATUS, error) ||
      !tz_entry_check_field (e, NULL, TZ_ENTRY_FIELD_SUBMITTED_ON, error))
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

  req = tz_entry_load_requirements (db, e->track_id, error);
  if (req == NULL)
    return FALSE;
  if (!tz_entry_check_field (e, req, TZ_ENTRY_FIELD_SUMMARY, error) ||
      !tz_entry_check_field (e, req, TZ_ENTRY_FIELD_DESCRIPTION, error))
    return FALSE;

  return tz_entry_check_person_once (db, e->track_id, e->person_id, e->id, error) &&
         tz_entry_check_file_once (db, e->campaign_id, e->file_sha256, e->id, error);
}

gboolean
tz_entry_save (TzDb *db, TzEntry *e, GError **error)
{
  g_autoptr (TzCachedStmt) stmt = NULL;

  if (!tz_db_begin (db, error))
    return FALSE;
  if (!check_fields (db, e, error))
    goto fail;

  if (e->id == 0)
    {
      if (e->uuid == NULL)
        e->uuid = g_uuid_string_random ();
      stmt = tz_db_prepare_cached (
          db,
          "INSERT INTO entry (campaign_id, track_id, title, description, summary, "
          "  person_id, team_id, entrant_unit_id, recommending_unit_id, platform, "
          "  status, submitted_on, duration_seconds, width, height, file_size, "
          "  file_format, file_sha256, uuid) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
          "  ?15, ?16, ?17, ?18, ?19)",
          error);
    }
  else
    stmt = tz_db_prepare_cached (
        db,
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

#define ENTRY_COLUMNS                                                                              \
  "e.id, e.uuid, e.campaign_id, e.track_id, t.name, e.title, e.description, e.summary, "           \
  "ifnull(e.person_id, 0), ifnull(e.team_id, 0), ifnull(e.entrant_unit_id, 0), "                   \
  "coalesce(p.name, tm.name, eu.name), ifnull(e.recommending_unit_id, 0), ru.name, e.platform, "   \
  "e.status, e.submitted_on, ifnull(e.duration_seconds, -1), ifnull(e.width, -1), "                \
  "ifnull(e.height, -1), ifnull(e.file_size, -1), e.file_format, e.file_sha256"

#define ENTRY_JOINS                                                                                \
  "FROM entry e JOIN track t ON t.id = e.track_id "                                                \
  "LEFT JOIN person p ON p.id = e.person_id LEFT JOIN team tm ON tm.id = e.team_id "               \
  "LEFT JOIN unit eu ON eu.id = e.entrant_unit_id "                                                \
  "LEFT JOIN unit ru ON ru.id = e.recommending_unit_id "

static TzEntry *
entry_from_row (sqlite3_stmt *stmt)
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
  return e;
}

/* The condition for the filters, with the query as ?1, the campaign as ?4 and the
 * track as ?5. Each filter is written so that SQLite can use an index for it: a
 * track's entries come from entry_track alone, the campaign being checked once
 * on the track, so that counting 100 000 entries reads no table row. */
static char *
entry_where (gint64 campaign_id, gint64 track_id, const char *query)
{
  g_autofree char *match = tz_search_ids_sql ("entry_fts", query);
  GString *s = g_string_new ("1");

  if (track_id != 0)
    {
      g_string_append (s, " AND e.track_id = ?5");
      if (campaign_id != 0)
        g_string_append (s, " AND ?4 = (SELECT campaign_id FROM track WHERE id = ?5)");
    }
  else if (campaign_id != 0)
    g_string_append (s, " AND e.campaign_id = ?4");
  if (match != NULL)
    g_string_append_printf (s, " AND e.id IN (%s)", match);
  return g_string_free (s, FALSE);
}

static void
entry_bind (sqlite3_stmt *stmt, gint64 campaign_id, gint64 track_id, const char *query)
{
  tz_search_bind (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 4, campaign_id);
  sqlite3_bind_int64 (stmt, 5, track_id);
}

GPtrArray *
tz_entry_search (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query, guint offset,
                 guint limit, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *where = entry_where (campaign_id, track_id, query);
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf (
      "SELECT " ENTRY_COLUMNS " " ENTRY_JOINS "WHERE %s ORDER BY e.id LIMIT ?2 OFFSET ?3", where);
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  entry_bind (stmt, campaign_id, track_id, query);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, entry_from_row (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

gint64
tz_entry_count (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *where = entry_where (campaign_id, track_id, query);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM entry e WHERE %s", where);

  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;
  entry_bind (stmt, campaign_id, track_id, query);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

GArray *
tz_entry_search_ids (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query,
                     GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *where = entry_where (campaign_id, track_id, query);
  g_autofree char *sql = g_strdup_printf ("SELECT e.id FROM entry e WHERE %s ORDER BY e.id", where);
  int rc;

  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  entry_bind (stmt, campaign_id, track_id, query);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&ids);
}

GPtrArray *
tz_entry_get_many (TzDb *db, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_free);
  g_autoptr (GHashTable) found = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GString *json;
  int rc;

  if (n_ids == 0)
    return g_steal_pointer (&list);
  found = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) tz_entry_free);
  stmt = tz_db_prepare (db,
                        "SELECT " ENTRY_COLUMNS " " ENTRY_JOINS
                        "WHERE e.id IN (SELECT value FROM json_each (?1))",
                        error);
  if (stmt == NULL)
    return NULL;
  json = g_string_new ("[");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_TRANSIENT);
  g_string_free (json, TRUE);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzEntry *e = entry_from_row (stmt);
      g_hash_table_insert (found, &e->id, e);
    }
  if (rc < 0)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      /* The key is the row's own id field, the first of the struct: GHashTable
       * then keeps keys and values in one array, where steal_extended() of
       * both would lose the value. Look up, then steal. */
      gpointer value = g_hash_table_lookup (found, &ids[i]);

      if (value != NULL)
        {
          g_hash_table_steal (found, &ids[i]);
          g_ptr_array_add (list, value);
        }
    }
  return g_steal_pointer (&list);
}

TzEntry *
tz_entry_get (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (GPtrArray) found = tz_entry_get_many (db, &id, 1, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no entry %" PRId64 "."), id);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

const char *const *
tz_entry_statuses (void)
{
  return statuses;
}

const char *
tz_entry_status_label (const char *status)
{
  for (guint i = 0; status != NULL && statuses[i] != NULL; i++)
    if (g_str_equal (statuses[i], status))
      return _ (status_labels[i]);
  return status;
}

gboolean
tz_entry_set_status (TzDb *db, gint64 id, const char *status, GError **error)
{
  g_autoptr (TzEntry) e = tz_entry_get (db, id, error);

  if (e == NULL)
    return FALSE;
  /* Saved whole, so that taking an entry back from withdrawn meets the
   * duplicate rules again. */
  g_free (e->status);
  e->status = g_strdup (status);
  return tz_entry_save (db, e, error);
}

gboolean
tz_entry_set_work_file (TzEntry *e, const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  const char *dot = strrchr (basename, '.');

  info =
      g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  sha256 = tz_file_sha256 (path, error);
  if (sha256 == NULL)
    return FALSE;
  g_free (e->file_sha256);
  e->file_sha256 = g_steal_pointer (&sha256);
  e->file_size = g_file_info_get_size (info);
  g_free (e->file_format);
  e->file_format = dot != NULL && dot[1] != '\0' ? g_ascii_strup (dot + 1, -1) : NULL;
  return TRUE;
}

void
tz_entry_track_free (TzEntryTrack *track)
{
  if (track == NULL)
    return;
  g_free (track->name);
  g_free (track->short_name);
  g_free (track->entrant_kind);
  g_free (track->entry_kind);
  g_free (track->form);
  tz_work_requirements_free (track->requirements);
  g_strfreev (track->opinion_levels);
  g_free (track);
}

gboolean
tz_entry_track_takes_person (const TzEntryTrack *track)
{
  return g_strcmp0 (track->entrant_kind, "person") == 0 ||
         g_strcmp0 (track->entrant_kind, "person_or_team") == 0 ||
         g_strcmp0 (track->entrant_kind, "any") == 0;
}

gboolean
tz_entry_track_takes_unit (const TzEntryTrack *track)
{
  return g_strcmp0 (track->entrant_kind, "unit") == 0 ||
         g_strcmp0 (track->entrant_kind, "unit_or_team") == 0 ||
         g_strcmp0 (track->entrant_kind, "any") == 0;
}

static gboolean
fill_track (TzDb *db, TzEntryTrack *track, GError **error)
{
  g_autoptr (GStrvBuilder) levels = g_strv_builder_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  track->requirements = tz_entry_load_requirements (db, track->id, error);
  if (track->requirements == NULL)
    return FALSE;
  stmt =
      tz_db_prepare (db, "SELECT name FROM opinion_level WHERE track_id = ? ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track->id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (levels, (const char *) sqlite3_column_text (stmt, 0));
  if (rc < 0)
    return FALSE;
  track->opinion_levels = g_strv_builder_end (levels);
  return TRUE;
}

static GPtrArray *
query_tracks (TzDb *db, const char *column, gint64 value, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_track_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT id, campaign_id, seq, name, short_name, entrant_kind, entry_kind, "
                         "  form FROM track WHERE %s = ? ORDER BY seq, id",
                         column);
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzEntryTrack *t = g_new0 (TzEntryTrack, 1);

      t->id = sqlite3_column_int64 (stmt, 0);
      t->campaign_id = sqlite3_column_int64 (stmt, 1);
      t->seq = sqlite3_column_int (stmt, 2);
      t->name = tz_db_column_dup (stmt, 3);
      t->short_name = tz_db_column_dup (stmt, 4);
      t->entrant_kind = tz_db_column_dup (stmt, 5);
      t->entry_kind = tz_db_column_dup (stmt, 6);
      t->form = tz_db_column_dup (stmt, 7);
      g_ptr_array_add (list, t);
    }
  if (rc < 0)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (!fill_track (db, list->pdata[i], error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
tz_entry_list_tracks (TzDb *db, gint64 campaign_id, GError **error)
{
  return query_tracks (db, "campaign_id", campaign_id, error);
}

TzEntryTrack *
tz_entry_get_track (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (GPtrArray) list = query_tracks (db, "id", track_id, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("Track: there is no such track."));
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

TzOpinion *
tz_opinion_new (void)
{
  return g_new0 (TzOpinion, 1);
}

void
tz_opinion_free (TzOpinion *o)
{
  if (o == NULL)
    return;
  g_free (o->level_name);
  g_free (o->unit_name);
  g_free (o->text);
  g_free (o->signed_on);
  g_free (o->signer);
  g_free (o);
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static gboolean
opinion_is_empty (const TzOpinion *o)
{
  return is_blank (o->text) && is_blank (o->signed_on) && is_blank (o->signer) && o->unit_id <= 0 &&
         !o->sealed;
}

gboolean
tz_opinion_check (const TzOpinion *o, GError **error)
{
  g_autofree char *text_field = NULL;
  g_autofree char *date_field = NULL;
  g_autofree char *signer_field = NULL;
  g_autofree char *date = NULL;

  if (o->level <= 0 || is_blank (o->level_name))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Opinion: the level of the opinion is missing. Choose one of the form’s "
                      "opinion boxes."));
      return FALSE;
    }
  /* TRANSLATORS: the opinion box of one level, e.g. 推荐单位意见: text */
  text_field = g_strdup_printf (_ ("%s: text"), o->level_name);
  /* TRANSLATORS: the opinion box of one level, e.g. 推荐单位意见: date */
  date_field = g_strdup_printf (_ ("%s: date"), o->level_name);
  /* TRANSLATORS: the opinion box of one level, e.g. 推荐单位意见: signed by */
  signer_field = g_strdup_printf (_ ("%s: signed by"), o->level_name);
  if (o->text != NULL && !tz_validate_text_length (text_field, o->text, TZ_OPINION_MAX_TEXT, error))
    return FALSE;
  if (!is_blank (o->signed_on))
    {
      date = g_strstrip (g_strdup (o->signed_on));
      if (!tz_validate_date (date_field, date, NULL, error))
        return FALSE;
    }
  if (o->signer != NULL &&
      !tz_validate_text_length (signer_field, o->signer, TZ_OPINION_MAX_SIGNER, error))
    return FALSE;
  return TRUE;
}

GPtrArray *
tz_entry_get_opinions (TzDb *db, gint64 entry_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT o.id, o.entry_id, o.level, o.level_name, ifnull(o.unit_id, 0), "
                        "  u.name, o.text, o.signed_on, o.signer, o.sealed "
                        "FROM opinion o LEFT JOIN unit u ON u.id = o.unit_id "
                        "WHERE o.entry_id = ? ORDER BY o.level",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzOpinion *o = tz_opinion_new ();

      o->id = sqlite3_column_int64 (stmt, 0);
      o->entry_id = sqlite3_column_int64 (stmt, 1);
      o->level = sqlite3_column_int (stmt, 2);
      o->level_name = tz_db_column_dup (stmt, 3);
      o->unit_id = sqlite3_column_int64 (stmt, 4);
      o->unit_name = tz_db_column_dup (stmt, 5);
      o->text = tz_db_column_dup (stmt, 6);
      o->signed_on = tz_db_column_dup (stmt, 7);
      o->signer = tz_db_column_dup (stmt, 8);
      o->sealed = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (list, o);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

static char *
stripped (const char *s)
{
  return is_blank (s) ? NULL : g_strstrip (g_strdup (s));
}

static gboolean
save_opinion (TzDb *db, gint64 entry_id, TzOpinion *o, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *text = stripped (o->text);
  g_autofree char *signed_on = stripped (o->signed_on);
  g_autofree char *signer = stripped (o->signer);

  if (opinion_is_empty (o))
    {
      stmt = tz_db_prepare (db, "DELETE FROM opinion WHERE entry_id = ? AND level = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry_id);
      sqlite3_bind_int (stmt, 2, o->level);
      if (!tz_db_step_done (db, stmt, error))
        return FALSE;
      o->id = 0;
      o->entry_id = entry_id;
      return TRUE;
    }
  if (!tz_opinion_check (o, error))
    return FALSE;
  stmt = tz_db_prepare (db,
                        "INSERT INTO opinion (entry_id, level, level_name, unit_id, text, "
                        "  signed_on, signer, sealed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                        "ON CONFLICT (entry_id, level) DO UPDATE SET "
                        "  level_name = excluded.level_name, unit_id = excluded.unit_id, "
                        "  text = excluded.text, signed_on = excluded.signed_on, "
                        "  signer = excluded.signer, sealed = excluded.sealed, "
                        "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                        "RETURNING id",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int (stmt, 2, o->level);
  tz_db_bind_text (stmt, 3, o->level_name);
  tz_db_bind_int_or_null (stmt, 4, o->unit_id, o->unit_id > 0);
  tz_db_bind_text (stmt, 5, text);
  tz_db_bind_text (stmt, 6, signed_on);
  tz_db_bind_text (stmt, 7, signer);
  sqlite3_bind_int (stmt, 8, o->sealed ? 1 : 0);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  o->id = sqlite3_column_int64 (stmt, 0);
  o->entry_id = entry_id;
  return tz_db_step_done (db, stmt, error);
}

gboolean
tz_entry_save_with_opinions (TzDb *db, TzEntry *e, GPtrArray *opinions, GError **error)
{
  gint64 id = e->id;

  if (!tz_db_begin (db, error))
    return FALSE;
  if (!tz_entry_save (db, e, error))
    goto fail;
  for (guint i = 0; opinions != NULL && i < opinions->len; i++)
    if (!save_opinion (db, e->id, opinions->pdata[i], error))
      goto fail;
  if (!tz_db_commit (db, error))
    {
      e->id = id;
      return FALSE;
    }
  return TRUE;

fail:
  tz_db_rollback (db);
  e->id = id;
  return FALSE;
}

gboolean
tz_entry_get_account_nickname (TzDb *db, gint64 entry_id, char **nickname, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *nickname = NULL;
  stmt = tz_db_prepare (db,
                        "SELECT coalesce(nullif(trim(a.nickname), ''), a.handle) FROM entry e "
                        "JOIN account a ON a.id = e.account_id WHERE e.id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    *nickname = tz_db_column_dup (stmt, 0);
  return TRUE;
}
