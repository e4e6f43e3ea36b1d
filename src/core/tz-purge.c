/* tz-purge.c — removing the personal data of a finished campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-purge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "tz-attachment.h"
#include "tz-backup.h"
#include "tz-error.h"
#include "tz-purge.h"

/* The campaign's people (?1), those also in a campaign still running, and
 * those whose data goes. */
#define PEOPLE_CTE                                                                                 \
  "WITH people(id) AS ("                                                                           \
  "  SELECT person_id FROM entry WHERE campaign_id = ?1 AND person_id IS NOT NULL"                 \
  "  UNION SELECT tm.person_id FROM team_member tm JOIN entry e ON e.team_id = tm.team_id"         \
  "  WHERE e.campaign_id = ?1),"                                                                   \
  " busy(id) AS ("                                                                                 \
  "  SELECT e.person_id FROM entry e JOIN campaign c ON c.id = e.campaign_id"                      \
  "  WHERE c.status NOT IN ('finished', 'archived') AND e.person_id IS NOT NULL"                   \
  "  UNION SELECT tm.person_id FROM team_member tm JOIN entry e ON e.team_id = tm.team_id"         \
  "  JOIN campaign c ON c.id = e.campaign_id WHERE c.status NOT IN ('finished', 'archived')),"     \
  " purge(id) AS (SELECT id FROM people EXCEPT SELECT id FROM busy) "

static gboolean
check_campaign (TzDb *db, gint64 campaign_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db, "SELECT status, title FROM campaign WHERE id = ?1", error);
  const char *status;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is no campaign %" PRId64 "."),
                   campaign_id);
      return FALSE;
    }
  status = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (status, "finished") != 0 && g_strcmp0 (status, "archived") != 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” is not finished. Personal data is removed only from a finished or "
                      "archived campaign: set its status first."),
                   (const char *) sqlite3_column_text (stmt, 1));
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_purge_preview (TzDb *db, gint64 campaign_id, TzPurgeSummary *summary, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  *summary = (TzPurgeSummary){ 0 };
  if (!check_campaign (db, campaign_id, error))
    return FALSE;
  stmt = tz_db_prepare (
      db,
      PEOPLE_CTE
      "SELECT (SELECT count(*) FROM people),"
      " (SELECT count(*) FROM people) - (SELECT count(*) FROM purge),"
      " (SELECT count(*) FROM person WHERE id IN purge AND id_number IS NOT NULL),"
      " (SELECT count(*) FROM person WHERE id IN purge AND phone IS NOT NULL),"
      " (SELECT count(*) FROM person WHERE id IN purge AND email IS NOT NULL),"
      " (SELECT count(*) FROM attachment WHERE person_id IN purge AND kind = 'photo'),"
      " (SELECT count(*) FROM audit_log WHERE tbl = 'person' AND row_id IN purge AND"
      "   (old_values -> '$.id_number' IS NOT NULL OR new_values -> '$.id_number' IS NOT NULL OR"
      "    old_values -> '$.phone' IS NOT NULL OR new_values -> '$.phone' IS NOT NULL OR"
      "    old_values -> '$.email' IS NOT NULL OR new_values -> '$.email' IS NOT NULL))",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  summary->people = sqlite3_column_int64 (stmt, 0);
  summary->kept = sqlite3_column_int64 (stmt, 1);
  summary->id_numbers = sqlite3_column_int64 (stmt, 2);
  summary->phones = sqlite3_column_int64 (stmt, 3);
  summary->emails = sqlite3_column_int64 (stmt, 4);
  summary->photos = sqlite3_column_int64 (stmt, 5);
  summary->audit_rows = sqlite3_column_int64 (stmt, 6);
  return TRUE;
}

static gboolean
run (TzDb *db, gint64 campaign_id, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  return tz_db_step_done (db, stmt, error);
}

gboolean
tz_purge_personal_data (TzDb *db, gint64 campaign_id, TzPurgeSummary *summary, GError **error)
{
  TzPurgeSummary local;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (summary == NULL)
    summary = &local;
  if (!tz_purge_preview (db, campaign_id, summary, error))
    return FALSE;
  if (!tz_backup_create (db, "before-purge", NULL, error) || !tz_db_begin (db, error))
    return FALSE;

  stmt = tz_db_prepare (db,
                        PEOPLE_CTE "SELECT DISTINCT sha256 FROM attachment WHERE person_id IN "
                                   "purge AND kind = 'photo'",
                        error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (files, tz_db_column_dup (stmt, 0));
  if (rc < 0)
    goto fail;
  g_ptr_array_add (files, NULL);

  /* The person rows first: their audit triggers copy the old values, which
   * the last statement then blanks with every earlier copy. */
  if (!run (db, campaign_id,
            PEOPLE_CTE "UPDATE person SET id_number = NULL, phone = NULL, email = NULL, "
                       "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id IN purge AND "
                       "(id_number IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL)",
            error) ||
      !run (db, campaign_id,
            PEOPLE_CTE "DELETE FROM attachment WHERE person_id IN purge AND kind = 'photo'",
            error) ||
      !run (db, campaign_id,
            PEOPLE_CTE "UPDATE audit_log SET"
                       " old_values = json_remove(old_values, '$.id_number', '$.phone', '$.email'),"
                       " new_values = json_remove(new_values, '$.id_number', '$.phone', '$.email') "
                       "WHERE tbl = 'person' AND row_id IN purge",
            error))
    goto fail;
  if (!tz_db_commit (db, error))
    return FALSE;
  tz_attachment_remove_unused_files (db, (const char *const *) files->pdata);
  return TRUE;

fail:
  tz_db_rollback (db);
  return FALSE;
}

char *
tz_purge_describe (const TzPurgeSummary *s)
{
  GString *out = g_string_new (NULL);

  if (s->people == 0)
    return g_strdup (_ ("The campaign has no people; there is nothing to remove."));
  g_string_append_printf (out,
                          _ ("Of %" PRId64 " people, %" PRId64 " ID numbers, %" PRId64
                             " phone numbers, %" PRId64 " e-mail addresses and %" PRId64
                             " photos will be removed, and blanked in %" PRId64
                             " lines of the audit log."),
                          s->people, s->id_numbers, s->phones, s->emails, s->photos, s->audit_rows);
  if (s->kept > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              _ ("%" PRId64 " people also take part in a campaign that is not "
                                 "finished; their data stays."),
                              s->kept);
    }
  g_string_append_c (out, ' ');
  g_string_append (out, _ ("Names, units, entries, scores and awards stay. Backups made before "
                           "now still hold the data: delete them to remove it everywhere."));
  return g_string_free (out, FALSE);
}
