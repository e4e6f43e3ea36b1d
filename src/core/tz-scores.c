/* tz-scores.c — judges, expert scores and online metric snapshots; their import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tz-backup.h"
#include "tz-import-log.h"
#include "tz-scores.h"
#include "tz-table-read.h"

void
tz_import_problem_free (TzImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

void
tz_import_result_clear (TzImportResult *result)
{
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  result->rows = 0;
  result->changed = 0;
}

char *
tz_import_result_format_problems (const TzImportResult *result)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; result->problems != NULL && i < result->problems->len; i++)
    {
      TzImportProblem *p = result->problems->pdata[i];

      g_string_append_printf (s, "%u\t%s\t%s\n", p->row, p->column, p->message);
    }
  return g_string_free (s, FALSE);
}

static void
problem (TzImportResult *result, guint row, const char *column, char *message)
{
  TzImportProblem *p = g_new0 (TzImportProblem, 1);

  p->row = row;
  p->column = g_strdup (column != NULL ? column : "");
  p->message = message;
  g_ptr_array_add (result->problems, p);
}

static gboolean
campaign_of_track (TzDb *db, gint64 track_id, gint64 *campaign_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db, "SELECT campaign_id FROM track WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  rc = tz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *campaign_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, "track %" G_GINT64_FORMAT, track_id);
  return FALSE;
}

gboolean
tz_judge_ensure (TzDb *db, gint64 track_id, const char *name, gint64 *judge_id, GError **error)
{
  g_autoptr (sqlite3_stmt) ins = NULL;
  g_autoptr (sqlite3_stmt) sel = NULL;
  g_autoptr (sqlite3_stmt) link = NULL;
  gint64 campaign_id = 0;
  int rc;

  if (!campaign_of_track (db, track_id, &campaign_id, error))
    return FALSE;
  ins = tz_db_prepare (db,
                       "INSERT INTO judge (campaign_id, name) VALUES (?1, ?2) "
                       "ON CONFLICT (campaign_id, name) DO NOTHING",
                       error);
  if (ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (ins, 1, campaign_id);
  sqlite3_bind_text (ins, 2, name, -1, SQLITE_TRANSIENT);
  if (!tz_db_step_done (db, ins, error))
    return FALSE;
  sel = tz_db_prepare (db, "SELECT id FROM judge WHERE campaign_id = ?1 AND name = ?2", error);
  if (sel == NULL)
    return FALSE;
  sqlite3_bind_int64 (sel, 1, campaign_id);
  sqlite3_bind_text (sel, 2, name, -1, SQLITE_TRANSIENT);
  rc = tz_db_step (db, sel, error);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, "judge %s", name);
      return FALSE;
    }
  *judge_id = sqlite3_column_int64 (sel, 0);
  link = tz_db_prepare (db,
                        "INSERT INTO judge_track (judge_id, track_id) VALUES (?1, ?2) "
                        "ON CONFLICT DO NOTHING",
                        error);
  if (link == NULL)
    return FALSE;
  sqlite3_bind_int64 (link, 1, *judge_id);
  sqlite3_bind_int64 (link, 2, track_id);
  return tz_db_step_done (db, link, error);
}

gboolean
tz_criterion_lookup (TzDb *db, gint64 track_id, const char *name, gint64 *criterion_id,
                     double *max_score, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (
      db, "SELECT id, max_score FROM criterion WHERE track_id = ?1 AND name = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = tz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *criterion_id = sqlite3_column_int64 (stmt, 0);
      if (max_score != NULL)
        *max_score =
            sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("no such criterion in the track"));
  return FALSE;
}

gboolean
tz_score_save (TzDb *db, gint64 entry_id, gint64 judge_id, gint64 criterion_id, double value,
               gboolean abstain, gboolean conflict, gboolean *changed, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = tz_db_prepare (
      db,
      "INSERT INTO score (entry_id, judge_id, criterion_id, value, abstain, conflict) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (entry_id, judge_id, criterion_id) DO UPDATE SET value = excluded.value, "
      "abstain = excluded.abstain, conflict = excluded.conflict, "
      "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
      "WHERE value IS NOT excluded.value OR abstain <> excluded.abstain "
      "OR conflict <> excluded.conflict",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int64 (stmt, 2, judge_id);
  sqlite3_bind_int64 (stmt, 3, criterion_id);
  if (value >= 0)
    sqlite3_bind_double (stmt, 4, value);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int (stmt, 5, abstain ? 1 : 0);
  sqlite3_bind_int (stmt, 6, conflict ? 1 : 0);
  if (!tz_db_step_done (db, stmt, error))
    return FALSE;
  if (changed != NULL)
    *changed = tz_db_changes (db) > 0;
  return TRUE;
}

/* One snapshot of an entry (@account 0) or of an account (@account 1). */
static gboolean
metric_save (TzDb *db, gboolean account, gint64 owner_id, const char *metric, double value,
             const char *taken_on, const char *source, gboolean *changed, GError **error)
{
  g_autoptr (sqlite3_stmt) sel =
      tz_db_prepare (db,
                     account ? "SELECT id, value FROM metric_snapshot WHERE account_id = ?1 AND "
                               "metric = ?2 AND taken_on = ?3 ORDER BY id DESC LIMIT 1"
                             : "SELECT id, value FROM metric_snapshot WHERE entry_id = ?1 AND "
                               "metric = ?2 AND taken_on = ?3 ORDER BY id DESC LIMIT 1",
                     error);
  g_autoptr (sqlite3_stmt) put = NULL;
  int rc;

  if (changed != NULL)
    *changed = FALSE;
  if (sel == NULL)
    return FALSE;
  sqlite3_bind_int64 (sel, 1, owner_id);
  sqlite3_bind_text (sel, 2, metric, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (sel, 3, taken_on, -1, SQLITE_TRANSIENT);
  rc = tz_db_step (db, sel, error);
  if (rc == SQLITE_ROW)
    {
      if (sqlite3_column_double (sel, 1) == value)
        return TRUE;
      put = tz_db_prepare (db,
                           "UPDATE metric_snapshot SET value = ?2, source = ?3, "
                           "imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                           error);
      if (put == NULL)
        return FALSE;
      sqlite3_bind_int64 (put, 1, sqlite3_column_int64 (sel, 0));
      sqlite3_bind_double (put, 2, value);
      tz_db_bind_text (put, 3, source);
    }
  else if (rc == SQLITE_DONE)
    {
      put = tz_db_prepare (db,
                           account ? "INSERT INTO metric_snapshot (account_id, metric, value, "
                                     "taken_on, source) VALUES (?1, ?2, ?3, ?4, ?5)"
                                   : "INSERT INTO metric_snapshot (entry_id, metric, value, "
                                     "taken_on, source) VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
      if (put == NULL)
        return FALSE;
      sqlite3_bind_int64 (put, 1, owner_id);
      sqlite3_bind_text (put, 2, metric, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (put, 3, value);
      sqlite3_bind_text (put, 4, taken_on, -1, SQLITE_TRANSIENT);
      tz_db_bind_text (put, 5, source);
    }
  else
    return FALSE;
  if (!tz_db_step_done (db, put, error))
    return FALSE;
  if (changed != NULL)
    *changed = TRUE;
  return TRUE;
}

gboolean
tz_metric_save (TzDb *db, gint64 entry_id, const char *metric, double value, const char *taken_on,
                const char *source, gboolean *changed, GError **error)
{
  return metric_save (db, FALSE, entry_id, metric, value, taken_on, source, changed, error);
}

gboolean
tz_account_metric_save (TzDb *db, gint64 account_id, const char *metric, double value,
                        const char *taken_on, const char *source, gboolean *changed, GError **error)
{
  return metric_save (db, TRUE, account_id, metric, value, taken_on, source, changed, error);
}

/* ---- import ---- */

typedef struct
{
  const char *names[6]; /* the accepted headers, NULL-terminated */
  gboolean required;
} Column;

enum
{
  SC_JUDGE,
  SC_ENTRY,
  SC_CRITERION,
  SC_SCORE,
  SC_NOTE,
  SC_N
};

static const Column score_columns[SC_N] = {
  { { "评委", "评委姓名", "judge", NULL }, TRUE },
  { { "作品", "作品名称", "entry", "title", NULL }, TRUE },
  { { "评分项", "评分项目", "criterion", NULL }, TRUE },
  { { "分数", "得分", "score", NULL }, TRUE },
  { { "备注", "note", NULL }, FALSE },
};

enum
{
  MC_ENTRY,
  MC_ACCOUNT,
  MC_METRIC,
  MC_VALUE,
  MC_DATE,
  MC_N
};

/* Either 作品 or 账号 names what the figure belongs to (checked by hand). */
static const Column metric_columns[MC_N] = {
  { { "作品", "作品名称", "entry", "title", NULL }, FALSE },
  { { "账号", "账号昵称", "账号名称", "account", NULL }, FALSE },
  { { "指标", "metric", NULL }, FALSE },
  { { "数值", "value", NULL }, TRUE },
  { { "日期", "date", NULL }, TRUE },
};

/* Finds the columns in the header row @header: @index[i] is the cell or -1.
 * Problems for the required ones that are missing. */
static gboolean
map_header (const TzTableRow *header, const Column *columns, int n, int *index,
            TzImportResult *result)
{
  gboolean ok = TRUE;

  for (int i = 0; i < n; i++)
    {
      index[i] = -1;
      for (guint c = 0; c < header->n_cells && index[i] < 0; c++)
        {
          g_autofree char *h = g_strstrip (g_ascii_strdown (header->cells[c], -1));

          for (int k = 0; columns[i].names[k] != NULL; k++)
            if (g_str_equal (h, columns[i].names[k]))
              index[i] = (int) c;
        }
      if (index[i] < 0 && columns[i].required)
        {
          problem (result, header->row, columns[i].names[0],
                   g_strdup_printf (_ ("missing column “%s”"), columns[i].names[0]));
          ok = FALSE;
        }
    }
  return ok;
}

static char *
cell (const TzTableRow *row, int index)
{
  if (index < 0)
    return g_strdup ("");
  return g_strstrip (g_strdup (tz_table_row_cell (row, (guint) index)));
}

static const char *
header_name (const TzTableRow *header, int index, const Column *column)
{
  return index >= 0 ? tz_table_row_cell (header, (guint) index) : column->names[0];
}

static gboolean
parse_number (const char *text, double *value)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* An entry of @track_id by id or exact title: 1 found, 0 none, 2 ambiguous, -1 error. */
static int
find_entry (TzDb *db, gint64 track_id, const char *text, gint64 *entry_id, GError **error)
{
  g_autoptr (sqlite3_stmt) by_id = NULL;
  g_autoptr (sqlite3_stmt) by_title = NULL;
  int rc, found = 0;

  if (*text != '\0' && strspn (text, "0123456789") == strlen (text))
    {
      by_id = tz_db_prepare (db, "SELECT id FROM entry WHERE id = ?1 AND track_id = ?2", error);
      if (by_id == NULL)
        return -1;
      sqlite3_bind_int64 (by_id, 1, g_ascii_strtoll (text, NULL, 10));
      sqlite3_bind_int64 (by_id, 2, track_id);
      rc = tz_db_step (db, by_id, error);
      if (rc == SQLITE_ROW)
        {
          *entry_id = sqlite3_column_int64 (by_id, 0);
          return 1;
        }
      if (rc != SQLITE_DONE)
        return -1;
    }
  by_title = tz_db_prepare (db, "SELECT id FROM entry WHERE track_id = ?1 AND title = ?2", error);
  if (by_title == NULL)
    return -1;
  sqlite3_bind_int64 (by_title, 1, track_id);
  sqlite3_bind_text (by_title, 2, text, -1, SQLITE_TRANSIENT);
  while ((rc = tz_db_step (db, by_title, error)) == SQLITE_ROW)
    {
      *entry_id = sqlite3_column_int64 (by_title, 0);
      found++;
    }
  if (rc != SQLITE_DONE)
    return -1;
  return found > 1 ? 2 : found;
}

static gboolean
check_entry (TzDb *db, gint64 track_id, const TzTableRow *row, const char *column, const char *text,
             gint64 *entry_id, TzImportResult *result, GError **error)
{
  int found;

  if (*text == '\0')
    {
      problem (result, row->row, column, g_strdup (_ ("empty")));
      return TRUE;
    }
  found = find_entry (db, track_id, text, entry_id, error);
  if (found < 0)
    return FALSE;
  if (found == 0)
    problem (result, row->row, column, g_strdup (_ ("no such entry in the track")));
  else if (found == 2)
    problem (result, row->row, column,
             g_strdup (_ ("more than one entry has this title; give its id")));
  return TRUE;
}

/* An account of an entry or entrant of @track_id by nickname, handle or
 * address: 1 found, 0 none, 2 ambiguous, -1 error. */
static int
find_account (TzDb *db, gint64 track_id, const char *text, gint64 *account_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc, found = 0;

  stmt = tz_db_prepare (db,
                        "SELECT a.id FROM account a "
                        "WHERE (a.nickname = ?2 OR a.handle = ?2 OR a.url = ?2) AND "
                        "  (a.id IN (SELECT account_id FROM entry WHERE track_id = ?1) OR "
                        "   a.person_id IN (SELECT person_id FROM entry WHERE track_id = ?1) OR "
                        "   a.unit_id IN (SELECT entrant_unit_id FROM entry WHERE track_id = ?1)) "
                        "ORDER BY a.id",
                        error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, track_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      *account_id = sqlite3_column_int64 (stmt, 0);
      found++;
    }
  if (rc != SQLITE_DONE)
    return -1;
  return found > 1 ? 2 : found;
}

/* "YYYY-MM-DD" (or with / or .) or an Excel date serial, as YYYY-MM-DD; NULL if neither. */
static char *
parse_date (const char *text)
{
  int y = 0, m = 0, d = 0;
  char tail = 0;
  double serial;

  if ((sscanf (text, "%d-%d-%d%c", &y, &m, &d, &tail) == 3 ||
       sscanf (text, "%d/%d/%d%c", &y, &m, &d, &tail) == 3 ||
       sscanf (text, "%d.%d.%d%c", &y, &m, &d, &tail) == 3) &&
      y >= 1900 && y <= 9999 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (parse_number (text, &serial) && serial >= 1 && serial < 2958466)
    {
      g_autoptr (GDateTime) base = g_date_time_new_utc (1899, 12, serial >= 61 ? 30 : 31, 0, 0, 0);
      g_autoptr (GDateTime) day = g_date_time_add_days (base, (int) floor (serial));

      return g_date_time_format (day, "%Y-%m-%d");
    }
  return NULL;
}

typedef struct
{
  gint64 entry_id;
  gint64 account_id; /* a metric of an account instead of an entry */
  gint64 criterion_id;
  char *judge;
  char *metric;
  char *date;
  double value;
  gboolean abstain;
  gboolean conflict;
} Item;

static void
item_free (Item *item)
{
  g_free (item->judge);
  g_free (item->metric);
  g_free (item->date);
  g_free (item);
}

static GPtrArray *
read_rows (const char *path, TzImportResult *result, GError **error)
{
  GPtrArray *rows;

  tz_import_result_clear (result);
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_import_problem_free);
  rows = tz_table_read (path, error);
  return rows;
}

/* One line of the import history, in the import's transaction. */
static gboolean
log_import (TzDb *db, const char *kind, gint64 track_id, const char *path,
            const TzImportResult *result, GError **error)
{
  g_autoptr (TzImportLogEntry) log = tz_import_log_entry_new ();
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db, "SELECT campaign_id FROM track WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  log->kind = g_strdup (kind);
  log->campaign_id = sqlite3_column_int64 (stmt, 0);
  log->track_id = track_id;
  log->rows_read = result->rows;
  log->rows_changed = result->changed;
  log->rows_unchanged = result->rows - result->changed;
  return tz_import_log_add (db, log, path, error);
}

static gboolean
finish (TzDb *db, GPtrArray *items, gboolean is_score, gint64 track_id, const char *path,
        gboolean dry_run, TzImportResult *result, GError **error)
{
  g_autofree char *source = g_path_get_basename (path);

  if (result->problems->len > 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("the file has problems; nothing was imported"));
      return FALSE;
    }
  if (dry_run)
    return TRUE;
  if (!tz_backup_create (db, "before-import", NULL, error) || !tz_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      Item *it = items->pdata[i];
      gboolean changed = FALSE, ok;

      if (is_score)
        {
          gint64 judge_id = 0;

          ok = tz_judge_ensure (db, track_id, it->judge, &judge_id, error) &&
               tz_score_save (db, it->entry_id, judge_id, it->criterion_id, it->value, it->abstain,
                              it->conflict, &changed, error);
        }
      else if (it->account_id > 0)
        ok = tz_account_metric_save (db, it->account_id, it->metric, it->value, it->date, source,
                                     &changed, error);
      else
        ok = tz_metric_save (db, it->entry_id, it->metric, it->value, it->date, source, &changed,
                             error);
      if (!ok)
        {
          tz_db_rollback (db);
          return FALSE;
        }
      if (changed)
        result->changed++;
    }
  if (!log_import (db, is_score ? "scores" : "metrics", track_id, path, result, error))
    {
      tz_db_rollback (db);
      return FALSE;
    }
  return tz_db_commit (db, error);
}

gboolean
tz_scores_import (TzDb *db, gint64 track_id, const char *path, gboolean dry_run,
                  TzImportResult *result, GError **error)
{
  g_autoptr (GPtrArray) rows = read_rows (path, result, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  const TzTableRow *header;
  int col[SC_N];

  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      problem (result, 0, score_columns[SC_JUDGE].names[0],
               g_strdup_printf (_ ("missing column “%s”"), score_columns[SC_JUDGE].names[0]));
      return finish (db, items, TRUE, track_id, path, dry_run, result, error);
    }
  header = rows->pdata[0];
  if (!map_header (header, score_columns, SC_N, col, result))
    return finish (db, items, TRUE, track_id, path, dry_run, result, error);
  for (guint i = 1; i < rows->len; i++)
    {
      const TzTableRow *row = rows->pdata[i];
      g_autofree char *judge = cell (row, col[SC_JUDGE]);
      g_autofree char *entry = cell (row, col[SC_ENTRY]);
      g_autofree char *criterion = cell (row, col[SC_CRITERION]);
      g_autofree char *score = cell (row, col[SC_SCORE]);
      g_autofree char *note = cell (row, col[SC_NOTE]);
      const char *score_name = header_name (header, col[SC_SCORE], &score_columns[SC_SCORE]);
      guint before = result->problems->len;
      Item *it = g_new0 (Item, 1);
      double max = 0;

      result->rows++;
      g_ptr_array_add (items, it);
      it->value = -1;
      if (*judge == '\0')
        problem (result, row->row, header_name (header, col[SC_JUDGE], &score_columns[SC_JUDGE]),
                 g_strdup (_ ("empty")));
      if (!check_entry (db, track_id, row,
                        header_name (header, col[SC_ENTRY], &score_columns[SC_ENTRY]), entry,
                        &it->entry_id, result, error))
        return FALSE;
      if (*criterion == '\0')
        problem (result, row->row,
                 header_name (header, col[SC_CRITERION], &score_columns[SC_CRITERION]),
                 g_strdup (_ ("empty")));
      else
        {
          g_autoptr (GError) local = NULL;

          if (!tz_criterion_lookup (db, track_id, criterion, &it->criterion_id, &max, &local))
            {
              if (!g_error_matches (local, TZ_ERROR, TZ_ERROR_NOT_FOUND))
                {
                  g_propagate_error (error, g_steal_pointer (&local));
                  return FALSE;
                }
              problem (result, row->row,
                       header_name (header, col[SC_CRITERION], &score_columns[SC_CRITERION]),
                       g_strdup (local->message));
            }
        }
      /* 回避 and 弃权 are marks; any other note is a free remark. */
      it->conflict = strstr (note, "回避") != NULL;
      it->abstain = strstr (note, "弃权") != NULL;
      if (*score == '\0')
        {
          if (!it->abstain && !it->conflict)
            problem (result, row->row, score_name, g_strdup (_ ("empty")));
        }
      else if (!parse_number (score, &it->value))
        problem (result, row->row, score_name, g_strdup (_ ("not a number")));
      else if (it->value < 0)
        problem (result, row->row, score_name, g_strdup (_ ("below zero")));
      else if (max > 0 && it->value > max + 1e-9)
        problem (result, row->row, score_name, g_strdup_printf (_ ("above the maximum %g"), max));
      if (result->problems->len == before)
        it->judge = g_steal_pointer (&judge);
    }
  return finish (db, items, TRUE, track_id, path, dry_run, result, error);
}

gboolean
tz_metrics_import (TzDb *db, gint64 track_id, const char *path, gboolean dry_run,
                   TzImportResult *result, GError **error)
{
  g_autoptr (GPtrArray) rows = read_rows (path, result, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *track_metric = NULL;
  const TzTableRow *header;
  int col[MC_N];

  if (rows == NULL)
    return FALSE;
  stmt = tz_db_prepare (db, "SELECT metric FROM track WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  if (tz_db_step (db, stmt, error) == SQLITE_ROW)
    track_metric = tz_db_column_dup (stmt, 0);
  else if (error != NULL && *error != NULL)
    return FALSE;
  if (rows->len == 0)
    {
      problem (result, 0, metric_columns[MC_ENTRY].names[0],
               g_strdup_printf (_ ("missing column “%s”"), metric_columns[MC_ENTRY].names[0]));
      return finish (db, items, FALSE, track_id, path, dry_run, result, error);
    }
  header = rows->pdata[0];
  if (!map_header (header, metric_columns, MC_N, col, result))
    return finish (db, items, FALSE, track_id, path, dry_run, result, error);
  if (col[MC_ENTRY] < 0 && col[MC_ACCOUNT] < 0)
    {
      problem (result, header->row, metric_columns[MC_ENTRY].names[0],
               g_strdup_printf (_ ("missing column “%s” or “%s”"),
                                metric_columns[MC_ENTRY].names[0],
                                metric_columns[MC_ACCOUNT].names[0]));
      return finish (db, items, FALSE, track_id, path, dry_run, result, error);
    }
  for (guint i = 1; i < rows->len; i++)
    {
      const TzTableRow *row = rows->pdata[i];
      g_autofree char *entry = cell (row, col[MC_ENTRY]);
      g_autofree char *account = cell (row, col[MC_ACCOUNT]);
      g_autofree char *metric = cell (row, col[MC_METRIC]);
      g_autofree char *value = cell (row, col[MC_VALUE]);
      g_autofree char *date = cell (row, col[MC_DATE]);
      const char *value_name = header_name (header, col[MC_VALUE], &metric_columns[MC_VALUE]);
      Item *it = g_new0 (Item, 1);

      result->rows++;
      g_ptr_array_add (items, it);
      if (*entry == '\0' && *account != '\0')
        {
          const char *name = header_name (header, col[MC_ACCOUNT], &metric_columns[MC_ACCOUNT]);
          int found = find_account (db, track_id, account, &it->account_id, error);

          if (found < 0)
            return FALSE;
          if (found == 0)
            problem (result, row->row, name,
                     g_strdup (_ ("no account of the track’s entrants has this name")));
          else if (found == 2)
            problem (result, row->row, name,
                     g_strdup (_ ("more than one account has this name; give its address")));
        }
      else if (!check_entry (db, track_id, row,
                             header_name (header, col[MC_ENTRY], &metric_columns[MC_ENTRY]), entry,
                             &it->entry_id, result, error))
        return FALSE;
      if (*metric != '\0')
        it->metric = g_steal_pointer (&metric);
      else if (track_metric != NULL && *track_metric != '\0')
        it->metric = g_strdup (track_metric);
      else
        problem (result, row->row, header_name (header, col[MC_METRIC], &metric_columns[MC_METRIC]),
                 g_strdup (_ ("empty")));
      if (*value == '\0')
        problem (result, row->row, value_name, g_strdup (_ ("empty")));
      else if (!parse_number (value, &it->value))
        problem (result, row->row, value_name, g_strdup (_ ("not a number")));
      else if (it->value < 0)
        problem (result, row->row, value_name, g_strdup (_ ("below zero")));
      it->date = parse_date (date);
      if (it->date == NULL)
        problem (result, row->row, header_name (header, col[MC_DATE], &metric_columns[MC_DATE]),
                 g_strdup (*date == '\0' ? _ ("empty") : _ ("not a date (YYYY-MM-DD)")));
    }
  return finish (db, items, FALSE, track_id, path, dry_run, result, error);
}

void
tz_judge_info_free (TzJudgeInfo *judge)
{
  if (judge == NULL)
    return;
  g_free (judge->name);
  g_free (judge);
}

void
tz_criterion_info_free (TzCriterionInfo *criterion)
{
  if (criterion == NULL)
    return;
  g_free (criterion->name);
  g_free (criterion);
}

GPtrArray *
tz_scores_list_judges (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (
      db,
      "SELECT id, name FROM judge WHERE id IN (SELECT judge_id FROM judge_track WHERE "
      "track_id = ?1 UNION SELECT s.judge_id FROM score s JOIN entry e ON e.id = s.entry_id "
      "WHERE e.track_id = ?1) ORDER BY name, id",
      error);
  g_autoptr (GPtrArray) judges = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  judges = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_judge_info_free);
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzJudgeInfo *j = g_new0 (TzJudgeInfo, 1);

      j->id = sqlite3_column_int64 (stmt, 0);
      j->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (judges, j);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&judges);
}

GPtrArray *
tz_scores_list_criteria (TzDb *db, gint64 track_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db,
                     "SELECT id, name, max_score, weight FROM criterion WHERE track_id = ?1 "
                     "ORDER BY seq, id",
                     error);
  g_autoptr (GPtrArray) criteria = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_criterion_info_free);
  sqlite3_bind_int64 (stmt, 1, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzCriterionInfo *c = g_new0 (TzCriterionInfo, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->max_score =
          sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0 : sqlite3_column_double (stmt, 2);
      c->weight = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (criteria, c);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&criteria);
}

GArray *
tz_scores_get (TzDb *db, gint64 track_id, gint64 judge_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (
      db,
      "SELECT s.entry_id, s.criterion_id, s.value, s.abstain, s.conflict FROM score s "
      "JOIN entry e ON e.id = s.entry_id JOIN criterion c ON c.id = s.criterion_id "
      "WHERE e.track_id = ?1 AND s.judge_id = ?2 ORDER BY s.entry_id, c.seq, c.id",
      error);
  g_autoptr (GArray) cells = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  cells = g_array_new (FALSE, TRUE, sizeof (TzScoreCell));
  sqlite3_bind_int64 (stmt, 1, track_id);
  sqlite3_bind_int64 (stmt, 2, judge_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      TzScoreCell cell = { 0 };

      cell.entry_id = sqlite3_column_int64 (stmt, 0);
      cell.criterion_id = sqlite3_column_int64 (stmt, 1);
      cell.value =
          sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 2);
      cell.abstain = sqlite3_column_int (stmt, 3) != 0;
      cell.conflict = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (cells, cell);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&cells);
}

gboolean
tz_score_check (const char *text, double max, double *value, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double v;

  if (*t == '\0')
    {
      *value = -1;
      return TRUE;
    }
  v = g_ascii_strtod (t, &end);
  if (end == t || *end != '\0' || !isfinite (v))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("not a number"));
      return FALSE;
    }
  if (v < 0)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("below zero"));
      return FALSE;
    }
  if (max > 0 && v > max)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("above the maximum %g"), max);
      return FALSE;
    }
  *value = v;
  return TRUE;
}
