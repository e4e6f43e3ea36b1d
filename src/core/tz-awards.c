/* tz-awards.c — hand-assigned awards and the rounds of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-awards"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tz-awards.h"
#include "tz-error.h"
#include "tz-ranking.h"

void
tz_award_row_free (TzAwardRow *row)
{
  if (row == NULL)
    return;
  g_free (row->tier);
  g_free (row->title);
  g_free (row->recipient_kind);
  g_free (row->recipient);
  g_free (row);
}

/* The division each ranked entry of @track_id is placed in, as the ranking
 * places it (set on the entry or matched by the division's filters). */
static GHashTable *
entry_divisions (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (GHashTable) divisions =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GPtrArray) rows = tz_ranking_compute (db, track_id, FALSE, error);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      const TzRankRow *row = rows->pdata[i];

      g_hash_table_insert (divisions, g_memdup2 (&row->entry_id, sizeof (gint64)),
                           g_memdup2 (&row->division_id, sizeof (gint64)));
    }
  return g_steal_pointer (&divisions);
}

static gint64
division_of (GHashTable *divisions, gint64 entry_id)
{
  const gint64 *division = g_hash_table_lookup (divisions, &entry_id);

  return division != NULL ? *division : 0;
}

/* Inserts a hand-given award and updates the entries' status, in one
 * transaction. */
static gint64
insert_award (TzDb *db, gint64 track_id, gint64 tier_id, gint64 entry_id, gint64 unit_id,
              gint64 person_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!tz_db_begin (db, error))
    return 0;
  stmt = tz_db_prepare (db,
                        "INSERT INTO award (award_tier_id, entry_id, unit_id, person_id, manual) "
                        "VALUES (?1, ?2, ?3, ?4, 1)",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, tier_id);
  tz_db_bind_int_or_null (stmt, 2, entry_id, entry_id > 0);
  tz_db_bind_int_or_null (stmt, 3, unit_id, unit_id > 0);
  tz_db_bind_int_or_null (stmt, 4, person_id, person_id > 0);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  id = tz_db_last_insert_id (db);
  if (!tz_ranking_sync_status (db, track_id, error) || !tz_db_commit (db, error))
    goto fail;
  return id;

fail:
  tz_db_rollback (db);
  return 0;
}

/* Removes hand-given awards by @sql (parameters ?1 … ?4; ?1 an award id or
 * 0, ?2 the tier) and updates the entries' status, in one transaction. */
static gboolean
delete_awards (TzDb *db, const char *sql, gint64 a, gint64 b, gint64 c, gint64 d, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) tracks = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int changed, rc;

  if (!tz_db_begin (db, error))
    return FALSE;
  /* The tracks whose statuses may change: those of the awards that go. */
  tracks = tz_db_prepare (db,
                          "SELECT DISTINCT t.track_id FROM award a JOIN award_tier t ON t.id = "
                          "a.award_tier_id WHERE a.manual = 1 AND a.id IN (SELECT id FROM award "
                          "WHERE id = ?1 OR (?1 = 0 AND award_tier_id = ?2))",
                          error);
  if (tracks == NULL)
    goto fail;
  sqlite3_bind_int64 (tracks, 1, a);
  sqlite3_bind_int64 (tracks, 2, b);
  while ((rc = tz_db_step (db, tracks, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (tracks, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    goto fail;
  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  sqlite3_bind_int64 (stmt, 4, d);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  changed = tz_db_changes (db);
  if (changed == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("No such award given by hand"));
      goto fail;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!tz_ranking_sync_status (db, g_array_index (ids, gint64, i), error))
      goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gint64
tz_award_assign (TzDb *db, gint64 tier_id, gint64 entry_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) divisions = NULL;
  g_autofree char *name = NULL;
  gint64 count, held = 0, track_id, tier_division, division;
  gboolean locked = FALSE;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT t.name, t.count, t.track_id, e.track_id, ifnull(t.division_id, 0),"
                        "  (SELECT count(*) FROM award a WHERE a.award_tier_id = t.id"
                        "   AND a.entry_id = e.id), t.recipient, trim(ifnull(e.instructor, '')) "
                        "FROM award_tier t, entry e WHERE t.id = ?1 AND e.id = ?2",
                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, tier_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return 0;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("No such award tier or entry"));
      return 0;
    }
  name = tz_db_column_dup (stmt, 0);
  count = sqlite3_column_int64 (stmt, 1);
  track_id = sqlite3_column_int64 (stmt, 2);
  tier_division = sqlite3_column_int64 (stmt, 4);
  if (track_id != sqlite3_column_int64 (stmt, 3))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("The award “%s” belongs to another track"),
                   name);
      return 0;
    }
  if (sqlite3_column_int64 (stmt, 5) > 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE, _ ("The entry already has the award “%s”"),
                   name);
      return 0;
    }
  /* An organisation award goes to a unit, not to a work; an instructor award
   * to the instructor the entry names. */
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "organization") == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("The award “%s” goes to an organisation: give it to a unit"), name);
      return 0;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "instructor") == 0 &&
      sqlite3_column_bytes (stmt, 7) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("The award “%s” goes to an instructor, and the entry names none"), name);
      return 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The places taken in the entry's division (the whole tier when the tier
   * names a division): by the awards given by hand, and by the automatic ones
   * too when the allocation is locked — unlocked, they give way at the next
   * recomputation (docs/ranking.md). */
  if (!tz_ranking_is_locked (db, track_id, &locked, error))
    return 0;
  divisions = entry_divisions (db, track_id, error);
  if (divisions == NULL)
    return 0;
  division = division_of (divisions, entry_id);
  stmt = tz_db_prepare (
      db, "SELECT ifnull(entry_id, 0), manual FROM award WHERE award_tier_id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, tier_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    if ((locked || sqlite3_column_int (stmt, 1)) &&
        (tier_division != 0 || division_of (divisions, sqlite3_column_int64 (stmt, 0)) == division))
      held++;
  if (rc < 0)
    return 0;
  if (held >= count)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("The award “%s” is full: it has %" PRId64 " places"), name, count);
      return 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return insert_award (db, track_id, tier_id, entry_id, 0, 0, error);
}

gboolean
tz_award_remove (TzDb *db, gint64 award_id, gint64 tier_id, gint64 entry_id, GError **error)
{
  return delete_awards (db,
                        "DELETE FROM award WHERE manual = 1 AND (id = ?1 OR (?1 = 0"
                        " AND award_tier_id = ?2 AND entry_id = ?3)) AND ?4 = 0",
                        award_id, tier_id, entry_id, 0, error);
}

gint64
tz_award_assign_recipient (TzDb *db, gint64 tier_id, gint64 unit_id, gint64 person_id,
                           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *recipient = NULL;
  gint64 count, held, track_id;
  int rc;

  g_return_val_if_fail ((unit_id > 0) != (person_id > 0), 0);

  stmt = tz_db_prepare (db,
                        "SELECT t.name, t.count, t.recipient,"
                        "  (SELECT count(*) FROM award a WHERE a.award_tier_id = t.id"
                        "   AND (a.manual = 1 OR a.locked = 1)),"
                        "  (SELECT count(*) FROM award a WHERE a.award_tier_id = t.id"
                        "   AND (a.unit_id = ?2 OR a.person_id = ?3)),"
                        "  (SELECT count(*) FROM unit WHERE id = ?2) +"
                        "  (SELECT count(*) FROM person WHERE id = ?3), t.track_id "
                        "FROM award_tier t WHERE t.id = ?1",
                        error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, tier_id);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  sqlite3_bind_int64 (stmt, 3, person_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return 0;
  if (rc != SQLITE_ROW || sqlite3_column_int64 (stmt, 5) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("No such award tier or recipient"));
      return 0;
    }
  name = tz_db_column_dup (stmt, 0);
  count = sqlite3_column_int64 (stmt, 1);
  recipient = tz_db_column_dup (stmt, 2);
  held = sqlite3_column_int64 (stmt, 3);
  if (unit_id > 0 && g_strcmp0 (recipient, "organization") != 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("The award “%s” is not an award for organisations"), name);
      return 0;
    }
  if (person_id > 0 && g_strcmp0 (recipient, "person") != 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("The award “%s” is not an award for people"), name);
      return 0;
    }
  if (sqlite3_column_int64 (stmt, 4) > 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE,
                   _ ("The recipient already has the award “%s”"), name);
      return 0;
    }
  if (held >= count)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("The award “%s” is full: it has %" PRId64 " places"), name, count);
      return 0;
    }
  track_id = sqlite3_column_int64 (stmt, 6);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return insert_award (db, track_id, tier_id, 0, unit_id, person_id, error);
}

gboolean
tz_award_remove_recipient (TzDb *db, gint64 tier_id, gint64 unit_id, gint64 person_id,
                           GError **error)
{
  /* ?1 is 0 so that the tracks are found by the tier (?2). */
  return delete_awards (db,
                        "DELETE FROM award WHERE manual = 1 AND ?1 = 0 AND award_tier_id = ?2 "
                        "AND entry_id IS NULL AND (unit_id = ?3 OR person_id = ?4)",
                        0, tier_id, unit_id, person_id, error);
}

GPtrArray *
tz_award_list (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_award_row_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT a.id, t.id, t.name, ifnull(e.id, 0), ifnull(e.title, ''),"
                        "  a.manual, a.locked, t.recipient,"
                        "  CASE WHEN t.recipient = 'instructor' THEN e.instructor"
                        "    ELSE coalesce(u.name, p.name) END FROM award a"
                        " JOIN award_tier t ON t.id = a.award_tier_id"
                        " LEFT JOIN entry e ON e.id = a.entry_id"
                        " LEFT JOIN unit u ON u.id = a.unit_id"
                        " LEFT JOIN person p ON p.id = a.person_id "
                        "WHERE t.track_id = ?1 ORDER BY t.seq, t.id, a.rank, e.id, a.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzAwardRow *row = g_new0 (TzAwardRow, 1);

      row->award_id = sqlite3_column_int64 (stmt, 0);
      row->tier_id = sqlite3_column_int64 (stmt, 1);
      row->tier = tz_db_column_dup (stmt, 2);
      row->entry_id = sqlite3_column_int64 (stmt, 3);
      row->title = tz_db_column_dup (stmt, 4);
      row->manual = sqlite3_column_int (stmt, 5);
      row->locked = sqlite3_column_int (stmt, 6);
      row->recipient_kind = tz_db_column_dup (stmt, 7);
      row->recipient = tz_db_column_dup (stmt, 8);
      g_ptr_array_add (list, row);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
tz_award_tier_resolve (TzDb *db, gint64 track_id, const char *name, gint64 *tier_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (
      db, "SELECT id FROM award_tier WHERE track_id = ?1 AND name = ?2 ORDER BY seq, id LIMIT 1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  tz_db_bind_text (stmt, 2, name);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("No such award tier or entry"));
      return FALSE;
    }
  *tier_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
tz_round_record (TzDb *db, gint64 round_id, gint64 entry_id, double score, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) reopen = NULL;

  if (!tz_db_begin (db, error))
    return FALSE;
  /* Only an entry of the round's track can be recorded. */
  stmt =
      tz_db_prepare (db,
                     "INSERT INTO round_result (round_id, entry_id, score)"
                     " SELECT r.id, e.id, ?3 FROM round r JOIN entry e ON e.track_id = r.track_id"
                     " WHERE r.id = ?1 AND e.id = ?2"
                     " ON CONFLICT (round_id, entry_id) DO UPDATE SET score = excluded.score",
                     error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  sqlite3_bind_double (stmt, 3, score);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  if (tz_db_changes (db) == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("No such round or entry"));
      goto fail;
    }
  reopen = tz_db_prepare (
      db, "UPDATE round_result SET rank = NULL, advances = 0 WHERE round_id = ?1", error);
  if (reopen == NULL)
    goto fail;
  sqlite3_bind_int64 (reopen, 1, round_id);
  if (!tz_db_step_done (db, reopen, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_round_close (TzDb *db, gint64 round_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  gint64 advance = -1, position = 0, rank = 0;
  double previous = 0;
  int rc;

  stmt = tz_db_prepare (db, "SELECT advance_count FROM round WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("No such round or entry"));
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    advance = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!tz_db_begin (db, error))
    return FALSE;
  stmt = tz_db_prepare (db,
                        "SELECT entry_id, ifnull(score, 0) FROM round_result WHERE round_id = ?1"
                        " ORDER BY ifnull(score, 0) DESC, entry_id",
                        error);
  update = tz_db_prepare (
      db, "UPDATE round_result SET rank = ?3, advances = ?4 WHERE round_id = ?1 AND entry_id = ?2",
      error);
  if (stmt == NULL || update == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      double score = sqlite3_column_double (stmt, 1);

      position++;
      /* Competition ranking: a tied score shares the rank of the first. */
      if (position == 1 || score != previous)
        rank = position;
      previous = score;
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, round_id);
      sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (stmt, 0));
      sqlite3_bind_int64 (update, 3, rank);
      sqlite3_bind_int (update, 4, advance < 0 || rank <= advance);
      if (!tz_db_step_done (db, update, error))
        goto fail;
    }
  if (rc < 0)
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

GArray *
tz_round_advancing_ids (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  /* The same condition as in tz_ranking_compute. */
  stmt = tz_db_prepare (
      db,
      "SELECT e.id FROM entry e WHERE e.track_id = ?1 AND e.status <> 'withdrawn'"
      " AND (NOT EXISTS (SELECT 1 FROM round r JOIN round_result x ON x.round_id = r.id"
      "   WHERE r.track_id = ?1 AND x.rank IS NOT NULL)"
      "  OR e.id IN (SELECT x.entry_id FROM round_result x WHERE x.advances = 1 AND x.round_id ="
      "   (SELECT r.id FROM round r WHERE r.track_id = ?1 AND EXISTS (SELECT 1 FROM round_result y"
      "    WHERE y.round_id = r.id AND y.rank IS NOT NULL) ORDER BY r.seq DESC LIMIT 1)))"
      " ORDER BY e.id",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&ids);
}
