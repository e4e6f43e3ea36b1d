/* tz-campaign.c — campaigns: the notice record, its lists, progress figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notice data of a campaign (title, issuer, period, …) is written here by
 * tz_campaign_save(), or as a whole by the campaign file import. What the
 * overview shows — stages, deadlines, contacts, tracks and the progress
 * figures — is read here; the unit-by-unit counts come from tz_quota_list(),
 * which holds the one definition of what a unit has "held".
 */
#define G_LOG_DOMAIN "tz-campaign"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tz-campaign.h"
#include "tz-text.h"
#include "tz-validate.h"

static const char *const campaign_statuses[] = { "draft", "active", "finished", "archived", NULL };
static const char *const entry_statuses[] = { "draft",   "submitted",    "reviewed",  "shortlisted",
                                              "awarded", "not_selected", "withdrawn", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (entry_statuses) == TZ_CAMPAIGN_N_ENTRY_STATUSES + 1);

TzCampaign *
tz_campaign_new (void)
{
  return g_new0 (TzCampaign, 1);
}

TzCampaign *
tz_campaign_copy (const TzCampaign *c)
{
  TzCampaign *copy;

  g_return_val_if_fail (c != NULL, NULL);

  copy = g_new0 (TzCampaign, 1);
  copy->id = c->id;
  copy->uuid = g_strdup (c->uuid);
  copy->title = g_strdup (c->title);
  copy->issuer = g_strdup (c->issuer);
  copy->doc_number = g_strdup (c->doc_number);
  copy->issue_date = g_strdup (c->issue_date);
  copy->start_date = g_strdup (c->start_date);
  copy->end_date = g_strdup (c->end_date);
  copy->status = g_strdup (c->status);
  copy->short_title = g_strdup (c->short_title);
  copy->theme = g_strdup (c->theme);
  copy->issuer_unit_id = c->issuer_unit_id;
  copy->print_date = g_strdup (c->print_date);
  copy->addressees = g_strdup (c->addressees);
  copy->forwarded_by = g_strdup (c->forwarded_by);
  copy->forward_doc_number = g_strdup (c->forward_doc_number);
  copy->forward_note = g_strdup (c->forward_note);
  copy->period_text = g_strdup (c->period_text);
  copy->audience = g_strdup (c->audience);
  copy->platform = g_strdup (c->platform);
  copy->participation = g_strdup (c->participation);
  copy->mailbox = g_strdup (c->mailbox);
  copy->summary = g_strdup (c->summary);
  copy->requirements_text = g_strdup (c->requirements_text);
  return copy;
}

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
  g_free (campaign->short_title);
  g_free (campaign->theme);
  g_free (campaign->print_date);
  g_free (campaign->addressees);
  g_free (campaign->forwarded_by);
  g_free (campaign->forward_doc_number);
  g_free (campaign->forward_note);
  g_free (campaign->period_text);
  g_free (campaign->audience);
  g_free (campaign->platform);
  g_free (campaign->participation);
  g_free (campaign->mailbox);
  g_free (campaign->summary);
  g_free (campaign->requirements_text);
  g_free (campaign);
}

#define CAMPAIGN_COLUMNS                                                                           \
  "id, uuid, title, issuer, doc_number, issue_date, start_date, end_date, status, short_title, "   \
  "theme, ifnull(issuer_unit_id, 0), print_date, addressees, forwarded_by, forward_doc_number, "   \
  "forward_note, period_text, audience, platform, participation, mailbox, summary, "               \
  "requirements_text"

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
  c->short_title = tz_db_column_dup (stmt, 9);
  c->theme = tz_db_column_dup (stmt, 10);
  c->issuer_unit_id = sqlite3_column_int64 (stmt, 11);
  c->print_date = tz_db_column_dup (stmt, 12);
  c->addressees = tz_db_column_dup (stmt, 13);
  c->forwarded_by = tz_db_column_dup (stmt, 14);
  c->forward_doc_number = tz_db_column_dup (stmt, 15);
  c->forward_note = tz_db_column_dup (stmt, 16);
  c->period_text = tz_db_column_dup (stmt, 17);
  c->audience = tz_db_column_dup (stmt, 18);
  c->platform = tz_db_column_dup (stmt, 19);
  c->participation = tz_db_column_dup (stmt, 20);
  c->mailbox = tz_db_column_dup (stmt, 21);
  c->summary = tz_db_column_dup (stmt, 22);
  c->requirements_text = tz_db_column_dup (stmt, 23);
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

static void
set_not_found (GError **error, gint64 id)
{
  g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
               _ ("There is no campaign %" PRId64 ". List the campaigns to see their "
                  "numbers."),
               id);
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
    set_not_found (error, id);
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

/* ---- checking and saving the notice data ---- */

static gboolean
check_text (const char *field, const char *value, guint max_chars, GError **error)
{
  if (tz_text_is_blank (value))
    return TRUE;
  return tz_validate_text_length (field, value, max_chars, error);
}

/* Dates may be typed with full-width digits (２０２４-０３-０５), as Chinese input
 * methods do; they are read as the ASCII digits they stand for. */
static gboolean
check_date (const char *field, const char *value, GDate *date, GError **error)
{
  g_autofree char *folded = tz_fold_fullwidth (value);

  return tz_validate_date (field, folded != NULL ? folded : value, date, error);
}

static gboolean
check_optional_date (const char *field, const char *value, GError **error)
{
  if (tz_text_is_blank (value))
    return TRUE;
  return check_date (field, value, NULL, error);
}

gboolean
tz_campaign_validate_field (const TzCampaign *c, TzCampaignField field, GError **error)
{
  g_return_val_if_fail (c != NULL, FALSE);

  switch (field)
    {
      case TZ_CAMPAIGN_FIELD_TITLE:
        return tz_validate_required (_ ("Title"), c->title, error) &&
               tz_validate_text_length (_ ("Title"), c->title, TZ_CAMPAIGN_MAX_TITLE, error);
      case TZ_CAMPAIGN_FIELD_SHORT_TITLE:
        return check_text (_ ("Short title"), c->short_title, TZ_CAMPAIGN_MAX_SHORT_TITLE, error);
      case TZ_CAMPAIGN_FIELD_THEME:
        return check_text (_ ("Theme"), c->theme, TZ_CAMPAIGN_MAX_LINE, error);
      case TZ_CAMPAIGN_FIELD_ISSUER:
        return check_text (_ ("Issuing body"), c->issuer, TZ_CAMPAIGN_MAX_ISSUER, error);
      case TZ_CAMPAIGN_FIELD_DOC_NUMBER:
        return check_text (_ ("Document number"), c->doc_number, TZ_CAMPAIGN_MAX_DOC_NUMBER, error);
      case TZ_CAMPAIGN_FIELD_ISSUE_DATE:
        return check_optional_date (_ ("Issue date"), c->issue_date, error);
      case TZ_CAMPAIGN_FIELD_PRINT_DATE:
        return check_optional_date (_ ("Print date"), c->print_date, error);
      case TZ_CAMPAIGN_FIELD_ADDRESSEES:
        return check_text (_ ("Addressees"), c->addressees, TZ_CAMPAIGN_MAX_LINE, error);
      case TZ_CAMPAIGN_FIELD_FORWARDED_BY:
        return check_text (_ ("Forwarded by"), c->forwarded_by, TZ_CAMPAIGN_MAX_ISSUER, error);
      case TZ_CAMPAIGN_FIELD_FORWARD_DOC_NUMBER:
        return check_text (_ ("Forwarding document number"), c->forward_doc_number,
                           TZ_CAMPAIGN_MAX_DOC_NUMBER, error);
      case TZ_CAMPAIGN_FIELD_FORWARD_NOTE:
        return check_text (_ ("Forwarding note"), c->forward_note, TZ_CAMPAIGN_MAX_SUMMARY, error);
      case TZ_CAMPAIGN_FIELD_START_DATE:
        return check_optional_date (_ ("Start date"), c->start_date, error);
      case TZ_CAMPAIGN_FIELD_END_DATE:
        if (!check_optional_date (_ ("End date"), c->end_date, error))
          return FALSE;
        /* The order of the two is reported once, at the end date, and only when
         * the start date is itself valid: its own problem is shown at its field. */
        if (!tz_text_is_blank (c->start_date) && !tz_text_is_blank (c->end_date) &&
            check_date (_ ("Start date"), c->start_date, NULL, NULL))
          {
            g_autofree char *start = tz_fold_fullwidth (c->start_date);
            g_autofree char *end = tz_fold_fullwidth (c->end_date);

            return tz_validate_date_range (_ ("Start date"), start, _ ("End date"), end, error);
          }
        return TRUE;
      case TZ_CAMPAIGN_FIELD_PERIOD_TEXT:
        return check_text (_ ("Period as worded"), c->period_text, TZ_CAMPAIGN_MAX_PERIOD_TEXT,
                           error);
      case TZ_CAMPAIGN_FIELD_AUDIENCE:
        return check_text (_ ("Audience"), c->audience, TZ_CAMPAIGN_MAX_LINE, error);
      case TZ_CAMPAIGN_FIELD_PLATFORM:
        return check_text (_ ("Platform"), c->platform, TZ_CAMPAIGN_MAX_LINE, error);
      case TZ_CAMPAIGN_FIELD_PARTICIPATION:
        return check_text (_ ("How to take part"), c->participation, TZ_CAMPAIGN_MAX_SUMMARY,
                           error);
      case TZ_CAMPAIGN_FIELD_MAILBOX:
        if (tz_text_is_blank (c->mailbox))
          return TRUE;
        /* The e-mail rule names its field "E-mail"; the mailbox is one. */
        return tz_validate_email (c->mailbox, error);
      case TZ_CAMPAIGN_FIELD_SUMMARY:
        return check_text (_ ("Summary"), c->summary, TZ_CAMPAIGN_MAX_SUMMARY, error);
      case TZ_CAMPAIGN_FIELD_REQUIREMENTS:
        return check_text (_ ("Requirements"), c->requirements_text, TZ_CAMPAIGN_MAX_REQUIREMENTS,
                           error);
      case TZ_CAMPAIGN_FIELD_STATUS:
        if (c->status == NULL || g_strv_contains (campaign_statuses, c->status))
          return TRUE;
        {
          g_autofree char *shown = tz_text_echo (c->status);

          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("Status: “%s” is not a status of a campaign. Choose draft, active, "
                          "finished or archived."),
                       shown);
        }
        return FALSE;
      case TZ_CAMPAIGN_N_FIELDS:
      default:
        break;
    }
  g_return_val_if_reached (FALSE);
}

gboolean
tz_campaign_validate (const TzCampaign *campaign, GError **error)
{
  g_return_val_if_fail (campaign != NULL, FALSE);

  for (int field = 0; field < TZ_CAMPAIGN_N_FIELDS; field++)
    if (!tz_campaign_validate_field (campaign, field, error))
      return FALSE;
  return TRUE;
}

/* Text as stored: without the white space around it (ideographic spaces too,
 * as Chinese input methods type them), NULL when nothing is left. */
static char *
stored_text (const char *value)
{
  const char *start;
  const char *end;

  if (value == NULL)
    return NULL;
  start = value;
  while (*start != '\0' && (g_unichar_isspace (g_utf8_get_char (start))))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (end == start)
    return NULL;
  return g_strndup (start, end - start);
}

/* A valid date as YYYY-MM-DD, whatever digits or spaces it was typed with. */
static char *
stored_date (const char *value)
{
  GDate date;

  if (tz_text_is_blank (value))
    return NULL;
  g_date_clear (&date, 1);
  if (!check_date ("", value, &date, NULL))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

gboolean
tz_campaign_save (TzDb *db, TzCampaign *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *mailbox = NULL;
  const char *texts[14];
  char *dates[4] = { NULL };
  char *trimmed[G_N_ELEMENTS (texts)] = { NULL };
  gboolean ok = FALSE;
  int i;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);
  g_return_val_if_fail (c != NULL, FALSE);

  if (!tz_campaign_validate (c, error))
    return FALSE;

  texts[0] = c->title;
  texts[1] = c->short_title;
  texts[2] = c->theme;
  texts[3] = c->issuer;
  texts[4] = c->doc_number;
  texts[5] = c->addressees;
  texts[6] = c->forwarded_by;
  texts[7] = c->forward_doc_number;
  texts[8] = c->forward_note;
  texts[9] = c->period_text;
  texts[10] = c->audience;
  texts[11] = c->platform;
  texts[12] = c->participation;
  texts[13] = c->summary;
  for (i = 0; i < (int) G_N_ELEMENTS (texts); i++)
    trimmed[i] = stored_text (texts[i]);
  dates[0] = stored_date (c->issue_date);
  dates[1] = stored_date (c->print_date);
  dates[2] = stored_date (c->start_date);
  dates[3] = stored_date (c->end_date);
  if (!tz_text_is_blank (c->mailbox))
    mailbox = tz_normalize_email (c->mailbox, NULL);

  if (!tz_db_begin (db, error))
    goto out;
  if (c->id == 0)
    stmt = tz_db_prepare (
        db,
        "INSERT INTO campaign (title, short_title, theme, issuer, doc_number, addressees, "
        "  forwarded_by, forward_doc_number, forward_note, period_text, audience, platform, "
        "  participation, summary, issue_date, print_date, start_date, end_date, mailbox, "
        "  requirements_text, status, issuer_unit_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
        "  ?19, ?20, ?21, ?22)",
        error);
  else
    stmt = tz_db_prepare (
        db,
        "UPDATE campaign SET title = ?1, short_title = ?2, theme = ?3, issuer = ?4, "
        "  doc_number = ?5, addressees = ?6, forwarded_by = ?7, forward_doc_number = ?8, "
        "  forward_note = ?9, period_text = ?10, audience = ?11, platform = ?12, "
        "  participation = ?13, summary = ?14, issue_date = ?15, print_date = ?16, "
        "  start_date = ?17, end_date = ?18, mailbox = ?19, requirements_text = ?20, "
        "  status = ?21, issuer_unit_id = ?22, "
        "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
        "WHERE id = ?23",
        error);
  if (stmt == NULL)
    goto fail;
  for (i = 0; i < (int) G_N_ELEMENTS (texts); i++)
    tz_db_bind_text (stmt, i + 1, trimmed[i]);
  for (i = 0; i < (int) G_N_ELEMENTS (dates); i++)
    tz_db_bind_text (stmt, 15 + i, dates[i]);
  tz_db_bind_text (stmt, 19, mailbox);
  /* Requirements are kept as written, line breaks and indents included. */
  if (tz_text_is_blank (c->requirements_text))
    sqlite3_bind_null (stmt, 20);
  else
    sqlite3_bind_text (stmt, 20, c->requirements_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 21, c->status != NULL ? c->status : "active", -1, SQLITE_TRANSIENT);
  tz_db_bind_int_or_null (stmt, 22, c->issuer_unit_id, c->issuer_unit_id > 0);
  if (c->id != 0)
    sqlite3_bind_int64 (stmt, 23, c->id);
  if (!tz_db_step_done (db, stmt, error))
    goto fail;
  if (c->id != 0 && tz_db_changes (db) == 0)
    {
      set_not_found (error, c->id);
      goto fail;
    }
  if (c->id == 0)
    {
      g_autoptr (sqlite3_stmt) uuid_stmt = NULL;
      gint64 id = tz_db_last_insert_id (db);

      uuid_stmt = tz_db_prepare (db, "SELECT uuid FROM campaign WHERE id = ?", error);
      if (uuid_stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (uuid_stmt, 1, id);
      if (tz_db_step (db, uuid_stmt, error) != SQLITE_ROW)
        goto fail;
      if (!tz_db_commit (db, error))
        goto out;
      c->id = id;
      g_free (c->uuid);
      c->uuid = tz_db_column_dup (uuid_stmt, 0);
      ok = TRUE;
      goto out;
    }
  ok = tz_db_commit (db, error);
  goto out;

fail:
  tz_db_rollback (db);
out:
  for (i = 0; i < (int) G_N_ELEMENTS (trimmed); i++)
    g_free (trimmed[i]);
  for (i = 0; i < (int) G_N_ELEMENTS (dates); i++)
    g_free (dates[i]);
  return ok;
}

gboolean
tz_campaign_count_contents (TzDb *db, gint64 id, TzCampaignContents *contents, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (contents != NULL, FALSE);

  stmt = tz_db_prepare (db,
                        "SELECT (SELECT count(*) FROM track WHERE campaign_id = ?1), "
                        "  (SELECT count(*) FROM stage WHERE campaign_id = ?1), "
                        "  (SELECT count(*) FROM quota WHERE campaign_id = ?1), "
                        "  (SELECT count(*) FROM activity WHERE campaign_id = ?1), "
                        "  (SELECT count(*) FROM entry WHERE campaign_id = ?1) "
                        "FROM campaign WHERE id = ?1",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, id);
      return FALSE;
    }
  contents->tracks = sqlite3_column_int64 (stmt, 0);
  contents->stages = sqlite3_column_int64 (stmt, 1);
  contents->quotas = sqlite3_column_int64 (stmt, 2);
  contents->activities = sqlite3_column_int64 (stmt, 3);
  contents->entries = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

/* ---- the lists of a notice ---- */

void
tz_stage_free (TzStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->name);
  g_free (stage->start_date);
  g_free (stage->end_date);
  g_free (stage->period_text);
  g_free (stage->description);
  g_free (stage);
}

void
tz_deadline_free (TzDeadline *d)
{
  if (d == NULL)
    return;
  g_free (d->title);
  g_free (d->due_date);
  g_free (d->period_text);
  g_free (d->track_name);
  g_free (d->deliverable);
  g_free (d->recipient);
  g_free (d->mailbox);
  g_free (d->set_by);
  g_free (d->note);
  g_free (d);
}

void
tz_contact_free (TzContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->organization);
  g_free (contact->department);
  g_free (contact->name);
  g_free (contact->phone);
  g_free (contact->email);
  g_free (contact->note);
  g_free (contact);
}

void
tz_organizer_free (TzOrganizer *organizer)
{
  if (organizer == NULL)
    return;
  g_free (organizer->role);
  g_free (organizer->name);
  g_free (organizer);
}

void
tz_track_free (TzTrack *t)
{
  if (t == NULL)
    return;
  g_free (t->uuid);
  g_free (t->name);
  g_free (t->short_name);
  g_free (t->theme);
  g_free (t->description);
  g_free (t->entrant_kind);
  g_free (t->entry_kind);
  g_free (t->form);
  g_free (t->ranking_method);
  g_free (t->metric);
  g_free (t->platform);
  g_free (t->start_date);
  g_free (t->end_date);
  g_free (t->period_text);
  g_free (t);
}

typedef gpointer (*RowReader) (sqlite3_stmt *stmt);

/* Runs @sql with the campaign id as ?1 and turns each row into an element. */
static GPtrArray *
list_rows (TzDb *db, const char *sql, gint64 campaign_id, RowReader read, GDestroyNotify free_func,
           GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, read (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

static gpointer
stage_from_row (sqlite3_stmt *stmt)
{
  TzStage *s = g_new0 (TzStage, 1);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->seq = sqlite3_column_int64 (stmt, 1);
  s->name = tz_db_column_dup (stmt, 2);
  s->start_date = tz_db_column_dup (stmt, 3);
  s->end_date = tz_db_column_dup (stmt, 4);
  s->period_text = tz_db_column_dup (stmt, 5);
  s->description = tz_db_column_dup (stmt, 6);
  return s;
}

GPtrArray *
tz_campaign_list_stages (TzDb *db, gint64 campaign_id, GError **error)
{
  return list_rows (db,
                    "SELECT id, seq, name, start_date, end_date, period_text, description "
                    "FROM stage WHERE campaign_id = ?1 ORDER BY seq, id",
                    campaign_id, stage_from_row, (GDestroyNotify) tz_stage_free, error);
}

static gpointer
deadline_from_row (sqlite3_stmt *stmt)
{
  TzDeadline *d = g_new0 (TzDeadline, 1);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->seq = sqlite3_column_int64 (stmt, 1);
  d->title = tz_db_column_dup (stmt, 2);
  d->due_date = tz_db_column_dup (stmt, 3);
  d->period_text = tz_db_column_dup (stmt, 4);
  d->track_id = sqlite3_column_int64 (stmt, 5);
  d->track_name = tz_db_column_dup (stmt, 6);
  d->deliverable = tz_db_column_dup (stmt, 7);
  d->recipient = tz_db_column_dup (stmt, 8);
  d->mailbox = tz_db_column_dup (stmt, 9);
  d->set_by = tz_db_column_dup (stmt, 10);
  d->note = tz_db_column_dup (stmt, 11);
  return d;
}

GPtrArray *
tz_campaign_list_deadlines (TzDb *db, gint64 campaign_id, GError **error)
{
  return list_rows (db,
                    "SELECT d.id, d.seq, d.title, d.due_date, d.period_text, "
                    "  ifnull(d.track_id, 0), t.name, d.deliverable, d.recipient, d.mailbox, "
                    "  d.set_by, d.note "
                    "FROM deadline d LEFT JOIN track t ON t.id = d.track_id "
                    "WHERE d.campaign_id = ?1 ORDER BY d.due_date, d.seq, d.id",
                    campaign_id, deadline_from_row, (GDestroyNotify) tz_deadline_free, error);
}

static gpointer
contact_from_row (sqlite3_stmt *stmt)
{
  TzContact *c = g_new0 (TzContact, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->seq = sqlite3_column_int64 (stmt, 1);
  c->organization = tz_db_column_dup (stmt, 2);
  c->department = tz_db_column_dup (stmt, 3);
  c->name = tz_db_column_dup (stmt, 4);
  c->phone = tz_db_column_dup (stmt, 5);
  c->email = tz_db_column_dup (stmt, 6);
  c->note = tz_db_column_dup (stmt, 7);
  return c;
}

GPtrArray *
tz_campaign_list_contacts (TzDb *db, gint64 campaign_id, GError **error)
{
  return list_rows (db,
                    "SELECT id, seq, organization, department, name, phone, email, note "
                    "FROM contact WHERE campaign_id = ?1 ORDER BY seq, id",
                    campaign_id, contact_from_row, (GDestroyNotify) tz_contact_free, error);
}

static gpointer
organizer_from_row (sqlite3_stmt *stmt)
{
  TzOrganizer *o = g_new0 (TzOrganizer, 1);

  o->id = sqlite3_column_int64 (stmt, 0);
  o->role = tz_db_column_dup (stmt, 1);
  o->name = tz_db_column_dup (stmt, 2);
  return o;
}

GPtrArray *
tz_campaign_list_organizers (TzDb *db, gint64 campaign_id, GError **error)
{
  return list_rows (db,
                    "SELECT id, role, name FROM organizer WHERE campaign_id = ?1 "
                    "ORDER BY sort_order, id",
                    campaign_id, organizer_from_row, (GDestroyNotify) tz_organizer_free, error);
}

static gpointer
track_from_row (sqlite3_stmt *stmt)
{
  TzTrack *t = g_new0 (TzTrack, 1);

  t->id = sqlite3_column_int64 (stmt, 0);
  t->uuid = tz_db_column_dup (stmt, 1);
  t->seq = sqlite3_column_int64 (stmt, 2);
  t->name = tz_db_column_dup (stmt, 3);
  t->short_name = tz_db_column_dup (stmt, 4);
  t->theme = tz_db_column_dup (stmt, 5);
  t->description = tz_db_column_dup (stmt, 6);
  t->entrant_kind = tz_db_column_dup (stmt, 7);
  t->entry_kind = tz_db_column_dup (stmt, 8);
  t->form = tz_db_column_dup (stmt, 9);
  t->ranking_method = tz_db_column_dup (stmt, 10);
  t->metric = tz_db_column_dup (stmt, 11);
  t->expert_weight = sqlite3_column_double (stmt, 12);
  t->metric_weight = sqlite3_column_double (stmt, 13);
  t->platform = tz_db_column_dup (stmt, 14);
  t->start_date = tz_db_column_dup (stmt, 15);
  t->end_date = tz_db_column_dup (stmt, 16);
  t->period_text = tz_db_column_dup (stmt, 17);
  return t;
}

GPtrArray *
tz_campaign_list_tracks (TzDb *db, gint64 campaign_id, GError **error)
{
  return list_rows (db,
                    "SELECT id, uuid, seq, name, short_name, theme, description, entrant_kind, "
                    "  entry_kind, form, ranking_method, metric, expert_weight, metric_weight, "
                    "  platform, start_date, end_date, period_text "
                    "FROM track WHERE campaign_id = ?1 ORDER BY seq, id",
                    campaign_id, track_from_row, (GDestroyNotify) tz_track_free, error);
}

const char *
tz_track_entrant_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "person") == 0)
    return C_ ("entrants", "People");
  if (g_strcmp0 (kind, "team") == 0)
    return C_ ("entrants", "Teams");
  if (g_strcmp0 (kind, "unit") == 0)
    return C_ ("entrants", "Units");
  if (g_strcmp0 (kind, "person_or_team") == 0)
    return C_ ("entrants", "People or teams");
  if (g_strcmp0 (kind, "unit_or_team") == 0)
    return C_ ("entrants", "Units or teams");
  if (g_strcmp0 (kind, "any") == 0)
    return C_ ("entrants", "Anyone");
  return kind;
}

const char *
tz_track_ranking_label (const char *method)
{
  if (g_strcmp0 (method, "expert") == 0)
    return C_ ("ranking", "Expert review");
  if (g_strcmp0 (method, "metric") == 0)
    return C_ ("ranking", "Online figures");
  if (g_strcmp0 (method, "composite") == 0)
    return C_ ("ranking", "Experts and online figures");
  if (g_strcmp0 (method, "manual") == 0)
    return C_ ("ranking", "Chosen by the organizers");
  return method;
}

const char *
tz_campaign_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_ ("campaign status", "Draft");
  if (g_strcmp0 (status, "active") == 0)
    return C_ ("campaign status", "Active");
  if (g_strcmp0 (status, "finished") == 0)
    return C_ ("campaign status", "Finished");
  if (g_strcmp0 (status, "archived") == 0)
    return C_ ("campaign status", "Archived");
  return status;
}

const char *const *
tz_campaign_entry_statuses (void)
{
  return entry_statuses;
}

const char *
tz_campaign_entry_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_ ("entry status", "Draft");
  if (g_strcmp0 (status, "submitted") == 0)
    return C_ ("entry status", "Submitted");
  if (g_strcmp0 (status, "reviewed") == 0)
    return C_ ("entry status", "Reviewed");
  if (g_strcmp0 (status, "shortlisted") == 0)
    return C_ ("entry status", "Shortlisted");
  if (g_strcmp0 (status, "awarded") == 0)
    return C_ ("entry status", "Awarded");
  if (g_strcmp0 (status, "not_selected") == 0)
    return C_ ("entry status", "Not selected");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return C_ ("entry status", "Withdrawn");
  return status;
}

/* ---- dates ---- */

static gboolean
parse_iso_date (const char *text, GDate *date)
{
  int y = 0, m = 0, d = 0;
  char tail = 0;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
tz_today (void)
{
  const char *env = g_getenv ("TAIZHANG_TODAY");
  g_autoptr (GDateTime) now = NULL;
  GDate date;

  if (env != NULL && parse_iso_date (env, &date))
    return g_strdup (env);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
tz_days_between (const char *from, const char *to, int *days)
{
  GDate a, b;

  if (!parse_iso_date (from, &a) || !parse_iso_date (to, &b))
    return FALSE;
  if (days != NULL)
    *days = g_date_days_between (&a, &b);
  return TRUE;
}

char *
tz_deadline_describe (const char *due_date, const char *today, int *days_out)
{
  int days = 0;

  if (!tz_days_between (today, due_date, &days))
    return NULL;
  if (days_out != NULL)
    *days_out = days;
  if (days == 0)
    return g_strdup (_ ("due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                            days);
  return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "overdue by %d day", "overdue by %d days", -days), -days);
}

/* ---- progress ---- */

static void
track_figures_free (TzTrackFigures *t)
{
  if (t == NULL)
    return;
  g_free (t->name);
  g_free (t->short_name);
  g_free (t->entry_kind);
  g_free (t);
}

static void
unit_progress_free (TzUnitProgress *p)
{
  if (p == NULL)
    return;
  tz_quota_row_free (p->quota);
  g_free (p->due_date);
  g_free (p);
}

void
tz_campaign_figures_free (TzCampaignFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->today);
  g_clear_pointer (&figures->activity_units, g_ptr_array_unref);
  g_clear_pointer (&figures->tracks, g_ptr_array_unref);
  g_clear_pointer (&figures->recommendations, g_ptr_array_unref);
  g_free (figures);
}

/* The part of the period from @start to @end (inclusive) passed by the end of
 * @today: 0 before it starts, 1 on its last day and after. */
static double
elapsed_fraction (const char *start, const char *end, const char *today)
{
  int length = 0;
  int passed = 0;

  if (!tz_days_between (start, end, &length) || !tz_days_between (start, today, &passed) ||
      length < 0)
    return -1;
  return CLAMP ((double) (passed + 1) / (double) (length + 1), 0.0, 1.0);
}

/* The campaign's period, or the span of its dated stages when the notice gives none. */
static void
campaign_period (const TzCampaign *c, GPtrArray *stages, const char **start, const char **end)
{
  *start = c->start_date;
  *end = c->end_date;
  for (guint i = 0; stages != NULL && i < stages->len; i++)
    {
      const TzStage *s = stages->pdata[i];

      if (c->start_date == NULL && s->start_date != NULL &&
          (*start == NULL || strcmp (s->start_date, *start) < 0))
        *start = s->start_date;
      if (c->end_date == NULL && s->end_date != NULL &&
          (*end == NULL || strcmp (s->end_date, *end) > 0))
        *end = s->end_date;
    }
}

static gboolean
count_activities (TzDb *db, gint64 campaign_id, gint64 *held, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (db, "SELECT count(*) FROM activity WHERE campaign_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *held = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static GPtrArray *
track_figures (TzDb *db, gint64 campaign_id, GError **error)
{
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GPtrArray) figures = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  tracks = tz_campaign_list_tracks (db, campaign_id, error);
  if (tracks == NULL)
    return NULL;
  figures = g_ptr_array_new_with_free_func ((GDestroyNotify) track_figures_free);
  for (guint i = 0; i < tracks->len; i++)
    {
      TzTrack *t = tracks->pdata[i];
      TzTrackFigures *f = g_new0 (TzTrackFigures, 1);

      f->track_id = t->id;
      f->name = g_strdup (t->name);
      f->short_name = g_strdup (t->short_name);
      f->entry_kind = g_strdup (t->entry_kind);
      g_ptr_array_add (figures, f);
      g_hash_table_insert (by_id, &f->track_id, f);
    }

  stmt = tz_db_prepare (db,
                        "SELECT track_id, status, count(*) FROM entry WHERE campaign_id = ? "
                        "GROUP BY track_id, status",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 track_id = sqlite3_column_int64 (stmt, 0);
      const char *status = (const char *) sqlite3_column_text (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);
      TzTrackFigures *f = g_hash_table_lookup (by_id, &track_id);

      if (f == NULL)
        continue;
      for (guint k = 0; k < TZ_CAMPAIGN_N_ENTRY_STATUSES; k++)
        if (g_strcmp0 (status, entry_statuses[k]) == 0)
          f->by_status[k] += n;
      if (g_strcmp0 (status, "withdrawn") != 0)
        f->total += n;
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&figures);
}

/* The deadline for a track's recommendations: its own first deadline, else
 * the end of the campaign's period. */
static const char *
recommendation_due (GPtrArray *deadlines, gint64 track_id, const char *end_date)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      const TzDeadline *d = deadlines->pdata[i];

      if (track_id != 0 && d->track_id == track_id)
        return d->due_date; /* sorted by due date: the first is the earliest */
    }
  return end_date;
}

static gboolean
add_recommendations (TzDb *db, TzCampaignFigures *figures, gint64 campaign_id, TzQuotaKind kind,
                     GPtrArray *deadlines, const char *end_date, GError **error)
{
  g_autoptr (GPtrArray) rows = tz_quota_list (db, campaign_id, kind, error);

  if (rows == NULL)
    return FALSE;
  /* The rows move into the figures. */
  g_ptr_array_set_free_func (rows, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      TzUnitProgress *p = g_new0 (TzUnitProgress, 1);
      const char *due;
      int days = 0;

      p->quota = rows->pdata[i];
      p->expected = p->quota->min_count;
      due = recommendation_due (deadlines, p->quota->track_id, end_date);
      p->due_date = g_strdup (due);
      p->behind = p->quota->held < p->quota->min_count && due != NULL &&
                  tz_days_between (figures->today, due, &days) && days <= TZ_CAMPAIGN_WARN_DAYS;
      if (p->behind)
        figures->recommendations_behind++;
      g_ptr_array_add (figures->recommendations, p);
    }
  return TRUE;
}

TzCampaignFigures *
tz_campaign_figures (TzDb *db, gint64 campaign_id, const char *today, GError **error)
{
  g_autoptr (TzCampaignFigures) figures = g_new0 (TzCampaignFigures, 1);
  g_autoptr (TzCampaign) campaign = NULL;
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GPtrArray) activity_rows = NULL;
  const char *start = NULL;
  const char *end = NULL;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  campaign = tz_campaign_get (db, campaign_id, error);
  if (campaign == NULL)
    return NULL;
  stages = tz_campaign_list_stages (db, campaign_id, error);
  if (stages == NULL)
    return NULL;
  deadlines = tz_campaign_list_deadlines (db, campaign_id, error);
  if (deadlines == NULL)
    return NULL;

  figures->today = today != NULL ? g_strdup (today) : tz_today ();
  campaign_period (campaign, stages, &start, &end);
  figures->elapsed = elapsed_fraction (start, end, figures->today);

  if (!count_activities (db, campaign_id, &figures->activities_held, error))
    return NULL;
  activity_rows = tz_quota_list (db, campaign_id, TZ_QUOTA_ACTIVITY, error);
  if (activity_rows == NULL)
    return NULL;
  g_ptr_array_set_free_func (activity_rows, NULL);
  figures->activity_units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_progress_free);
  for (guint i = 0; i < activity_rows->len; i++)
    {
      TzUnitProgress *p = g_new0 (TzUnitProgress, 1);

      p->quota = activity_rows->pdata[i];
      figures->activities_target += p->quota->min_count;
      if (figures->elapsed >= 0)
        p->expected = (gint64) floor ((double) p->quota->min_count * figures->elapsed + 1e-9);
      p->behind = p->quota->held < p->expected;
      if (p->behind)
        figures->units_behind++;
      g_ptr_array_add (figures->activity_units, p);
    }

  figures->tracks = track_figures (db, campaign_id, error);
  if (figures->tracks == NULL)
    return NULL;

  figures->recommendations = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_progress_free);
  if (!add_recommendations (db, figures, campaign_id, TZ_QUOTA_NOMINEE, deadlines, end, error) ||
      !add_recommendations (db, figures, campaign_id, TZ_QUOTA_WORK, deadlines, end, error))
    return NULL;

  return g_steal_pointer (&figures);
}

/* ---- campaign files ---- */

char *
tz_campaign_file_peek_title (const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  JsonNode *root;
  JsonNode *node;
  JsonObject *campaign;
  const char *title;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("“%s” could not be read as a campaign file: %s"), name, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  /* Whatever the file holds, it is only looked at: no member is assumed to exist. */
  node = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
             ? json_object_get_member (json_node_get_object (root), "campaign")
             : NULL;
  campaign = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  node = campaign != NULL ? json_object_get_member (campaign, "title") : NULL;
  title = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                  json_node_get_value_type (node) == G_TYPE_STRING
              ? json_node_get_string (node)
              : NULL;
  if (tz_text_is_blank (title))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("“%s” is not a campaign file: it names no campaign title."), name);
      return NULL;
    }
  return g_strdup (title);
}
