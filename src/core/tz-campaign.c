/* tz-campaign.c — campaigns: list, look up, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-campaign"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tz-campaign.h"

void
tz_campaign_free (TzCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->uuid);
  g_free (campaign->title);
  g_free (campaign->issuer);
  g_free (campaign->doc_number);
  g_free (campaign->issue_date);
  g_free (campaign->start_date);
  g_free (campaign->end_date);
  g_free (campaign->status);
  g_free (campaign);
}

#define CAMPAIGN_COLUMNS                                                                           \
  "id, uuid, title, issuer, doc_number, issue_date, start_date, end_date, status"

static TzCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  TzCampaign *c = g_new0 (TzCampaign, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->uuid = tz_db_column_dup (stmt, 1);
  c->title = tz_db_column_dup (stmt, 2);
  c->issuer = tz_db_column_dup (stmt, 3);
  c->doc_number = tz_db_column_dup (stmt, 4);
  c->issue_date = tz_db_column_dup (stmt, 5);
  c->start_date = tz_db_column_dup (stmt, 6);
  c->end_date = tz_db_column_dup (stmt, 7);
  c->status = tz_db_column_dup (stmt, 8);
  return c;
}

GPtrArray *
tz_campaign_list (TzDb *db, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_campaign_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT " CAMPAIGN_COLUMNS " FROM campaign "
                        "ORDER BY coalesce(issue_date, start_date, '') DESC, id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, campaign_from_row (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

TzCampaign *
tz_campaign_get (TzDb *db, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, "SELECT " CAMPAIGN_COLUMNS " FROM campaign WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = tz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return campaign_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                 _ ("There is no campaign %" PRId64 ". List the campaigns to see their "
                    "numbers."),
                 id);
  return NULL;
}

static gboolean
parse_id (const char *text, gint64 *out)
{
  guint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

gboolean
tz_campaign_resolve (TzDb *db, const char *text, gint64 *id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 numeric = 0;
  int rc;

  g_return_val_if_fail (id != NULL, FALSE);

  stmt = tz_db_prepare (db,
                        "SELECT id FROM campaign WHERE id = ?1 OR uuid = ?2 OR title = ?2 "
                        "ORDER BY id = ?1 DESC LIMIT 2",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (parse_id (text, &numeric))
    sqlite3_bind_int64 (stmt, 1, numeric);
  else
    sqlite3_bind_null (stmt, 1);
  tz_db_bind_text (stmt, 2, text);
  rc = tz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                 _ ("There is no campaign “%s”. Give its number, as “campaign list” shows it."),
                 text != NULL ? text : "");
  return FALSE;
}

gboolean
tz_campaign_delete (TzDb *db, gint64 id, GError **error)
{
  g_autofree char *not_found = g_strdup_printf (
      _ ("There is no campaign %" PRId64 ". List the campaigns to see their numbers."), id);

  return tz_db_delete_row (db, "campaign", id, not_found, error);
}

/* Notices write track names inside 《》 or not, with or without its full stop; a
 * clerk types them either way. */
static char *
strip_title_marks (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x300A || c == 0x300B || c == ' ' || c == 0x3000)
        continue;
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

gboolean
tz_track_resolve (TzDb *db, gint64 campaign_id, const char *name, gint64 *track_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *wanted = NULL;
  gint64 numeric = 0;
  gint64 found = 0;
  guint n_found = 0;
  int rc;

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("Track: give the name of a track."));
      return FALSE;
    }
  stmt = tz_db_prepare (db,
                        "SELECT id, name, short_name, seq FROM track WHERE campaign_id = ? "
                        "ORDER BY seq",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  wanted = strip_title_marks (name);
  parse_id (name, &numeric);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *tname = (const char *) sqlite3_column_text (stmt, 1);
      const char *tshort = (const char *) sqlite3_column_text (stmt, 2);
      g_autofree char *bare = strip_title_marks (tname);

      if (g_strcmp0 (tname, name) == 0 || g_strcmp0 (tshort, name) == 0)
        {
          *track_id = sqlite3_column_int64 (stmt, 0);
          return TRUE;
        }
      if (strstr (bare, wanted) != NULL || sqlite3_column_int64 (stmt, 3) == numeric)
        {
          found = sqlite3_column_int64 (stmt, 0);
          n_found++;
        }
    }
  if (rc < 0)
    return FALSE;
  if (n_found == 1)
    {
      *track_id = found;
      return TRUE;
    }
  if (n_found > 1)
    g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                 _ ("Track: “%s” matches more than one track of this campaign. Give the full "
                    "name."),
                 name);
  else
    g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("Track: this campaign has no track “%s”."),
                 name);
  return FALSE;
}
