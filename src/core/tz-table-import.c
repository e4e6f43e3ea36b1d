/* tz-table-import.c — importing a filled table of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-table-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-error.h"
#include "tz-import-log.h"
#include "tz-person.h"
#include "tz-requirements.h"
#include "tz-backup.h"
#include "tz-table-import.h"
#include "tz-table-read.h"
#include "tz-unit.h"
#include "tz-validate.h"

/* How far down a header row is looked for. */
#define HEADER_SEARCH_ROWS 30

typedef struct
{
  guint number;        /* the sheet row */
  char **raw;          /* per layout column, as written (trimmed) */
  char **values;       /* per layout column, as saved */
  GPtrArray *own;      /* problems of the row itself */
  GPtrArray *problems; /* own + the duplicate rule */
  TzTableRowStatus status;
  gboolean dropped;
  char *key;       /* the duplicate key: the ID number, else name + phone; NULL when none */
  char *entry_key; /* entrant + title, for works */
  /* what the row matched, filled by check_row */
  gint64 person_id, team_id, entrant_unit_id, recommending_unit_id, entry_id, account_id;
} Row;

struct _TzTableImport
{
  TzDb *db;
  char *path;
  gint64 campaign_id;
  gint64 track_id;
  TzTableLayout *layout;
  TzWorkRequirements *req;
  int *source;          /* per layout column: the file's column, -1 */
  char **source_header; /* per layout column: the header as written, NULL */
  guint header_row;
  GPtrArray *file_problems;
  GPtrArray *notes;  /* NULL-terminated strings */
  GPtrArray *rows;   /* of Row */
  GHashTable *units; /* name → unit id (0: unknown) */
  guint rows_read;
};

static TzImportProblem *
problem_new (guint row, const char *column, const char *message)
{
  TzImportProblem *p = g_new0 (TzImportProblem, 1);

  p->row = row;
  p->column = g_strdup (column != NULL ? column : "");
  p->message = g_strdup (message);
  return p;
}

static TzImportProblem *
problem_copy (const TzImportProblem *p)
{
  return problem_new (p->row, p->column, p->message);
}

static void
row_free (Row *row)
{
  g_strfreev (row->raw);
  g_strfreev (row->values);
  g_clear_pointer (&row->own, g_ptr_array_unref);
  g_clear_pointer (&row->problems, g_ptr_array_unref);
  g_free (row->key);
  g_free (row->entry_key);
  g_free (row);
}

void
tz_table_import_free (TzTableImport *imp)
{
  if (imp == NULL)
    return;
  g_clear_object (&imp->db);
  g_free (imp->path);
  tz_work_requirements_free (imp->req);
  g_free (imp->source);
  if (imp->source_header != NULL)
    {
      /* not NULL-terminated where a column is missing: free each */
      for (guint i = 0; imp->layout != NULL && i < imp->layout->columns->len; i++)
        g_free (imp->source_header[i]);
      g_free (imp->source_header);
    }
  tz_table_layout_free (imp->layout);
  g_clear_pointer (&imp->file_problems, g_ptr_array_unref);
  g_clear_pointer (&imp->notes, g_ptr_array_unref);
  g_clear_pointer (&imp->rows, g_ptr_array_unref);
  g_clear_pointer (&imp->units, g_hash_table_unref);
  g_free (imp);
}

/* ---- small helpers ---- */

static char *
trimmed (const char *s)
{
  char *t = g_strdup (s != NULL ? s : "");

  /* also the ideographic space and no-break spaces a spreadsheet may keep */
  g_strstrip (t);
  while (g_str_has_prefix (t, "\u3000") || g_str_has_prefix (t, "\u00a0"))
    memmove (t, g_utf8_next_char (t), strlen (g_utf8_next_char (t)) + 1);
  while (g_str_has_suffix (t, "\u3000") || g_str_has_suffix (t, "\u00a0"))
    t[strlen (t) - (g_str_has_suffix (t, "\u3000") ? 3 : 2)] = '\0';
  g_strstrip (t);
  return t;
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static gboolean
str_same (const char *a, const char *b)
{
  return g_strcmp0 (nonempty (a), nonempty (b)) == 0;
}

/* 1990/5, 1990.05, 1990年5月, 199005, 1990-5-1 → 1990-05 or 1990-05-01; else a copy. */
static char *
normalize_date (const char *value)
{
  g_autofree char *folded = tz_fold_fullwidth (value);
  g_autoptr (GRegex) re = NULL;
  g_autoptr (GMatchInfo) m = NULL;

  if (folded == NULL || *folded == '\0')
    return g_strdup (value != NULL ? value : "");
  re = g_regex_new (
      "^\\s*(\\d{4})\\s*[-/.年]?\\s*(\\d{1,2})\\s*(?:[-/.月]\\s*(?:(\\d{1,2})\\s*日?)?)?"
      "\\s*$",
      0, 0, NULL);
  if (g_regex_match (re, folded, 0, &m))
    {
      g_autofree char *y = g_match_info_fetch (m, 1);
      g_autofree char *mo = g_match_info_fetch (m, 2);
      g_autofree char *d = g_match_info_fetch (m, 3);
      int month = atoi (mo);

      if (d != NULL && *d != '\0')
        return g_strdup_printf ("%s-%02d-%02d", y, month, atoi (d));
      return g_strdup_printf ("%s-%02d", y, month);
    }
  return g_strdup (value);
}

/* ---- opening ---- */

static void
add_file_problem (TzTableImport *imp, guint row, const char *column, const char *message)
{
  g_ptr_array_add (imp->file_problems, problem_new (row, column, message));
}

/* The key / value pairs of the hidden sheet, or NULL when the file has none. */
static GHashTable *
read_meta (const char *path)
{
  g_autoptr (TzTableSheet) sheet = NULL;
  GHashTable *meta;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (!g_str_has_suffix (lower, ".xlsx"))
    return NULL;
  sheet = tz_table_read_sheet (path, TZ_TABLE_META_SHEET, NULL);
  if (sheet == NULL)
    return NULL;
  meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      const TzTableRow *r = sheet->rows->pdata[i];

      g_hash_table_replace (meta, g_strdup (tz_table_row_cell (r, 0)),
                            g_strdup (tz_table_row_cell (r, 1)));
    }
  if (g_strcmp0 (g_hash_table_lookup (meta, TZ_TABLE_META_KEY_FORMAT), TZ_TABLE_META_FORMAT) != 0)
    g_clear_pointer (&meta, g_hash_table_unref);
  return meta;
}

static gint64
id_by_uuid (TzDb *db, const char *table_sql, const char *uuid, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, table_sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  tz_db_bind_text (stmt, 1, uuid);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return -1;
  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The text of cell (@row_number, @col) of @sheet, taking merged ranges into
 * account (a cell inside a range shows the range's top-left value). */
static const char *
sheet_cell (const TzTableSheet *sheet, GHashTable *by_number, guint row_number, guint col)
{
  const TzTableRow *r;

  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const TzTableMerge *m = &g_array_index (sheet->merges, TzTableMerge, i);

      if (row_number >= m->first_row && row_number <= m->last_row && col >= m->first_column &&
          col <= m->last_column)
        {
          row_number = m->first_row;
          col = m->first_column;
          break;
        }
    }
  r = g_hash_table_lookup (by_number, GUINT_TO_POINTER (row_number));
  return r != NULL ? tz_table_row_cell (r, col) : "";
}

/* Whether (@row_number, @col) is inside a merged range that spans rows. */
static gboolean
merged_down (const TzTableSheet *sheet, guint row_number, guint col)
{
  for (guint i = 0; i < sheet->merges->len; i++)
    {
      const TzTableMerge *m = &g_array_index (sheet->merges, TzTableMerge, i);

      if (row_number >= m->first_row && row_number <= m->last_row && col >= m->first_column &&
          col <= m->last_column)
        return m->last_row > m->first_row;
    }
  return FALSE;
}

static guint
count_matches (TzTableImport *imp, const TzTableRow *r, guint *nonblank)
{
  guint n = 0;

  *nonblank = 0;
  for (guint c = 0; c < r->n_cells; c++)
    {
      g_autofree char *t = trimmed (r->cells[c]);

      if (*t == '\0')
        continue;
      (*nonblank)++;
      if (tz_table_field_from_header (t) != TZ_TABLE_FIELD_NONE)
        n++;
    }
  return n;
}

/* Finds the header row, maps the columns; returns the index in @sheet->rows of
 * the first data row, or -1 when no header row was found. */
static int
map_columns (TzTableImport *imp, const TzTableSheet *sheet)
{
  g_autoptr (GHashTable) by_number = g_hash_table_new (g_direct_hash, g_direct_equal);
  const TzTableLayout *l = imp->layout;
  const TzTableRow *header = NULL, *below = NULL;
  guint index = 0, n_cols = 0;
  gboolean two_rows = FALSE;

  for (guint i = 0; i < sheet->rows->len; i++)
    {
      const TzTableRow *r = sheet->rows->pdata[i];

      g_hash_table_insert (by_number, GUINT_TO_POINTER (r->row), (gpointer) r);
    }
  for (guint i = 0; i < sheet->rows->len && i < HEADER_SEARCH_ROWS && header == NULL; i++)
    {
      const TzTableRow *r = sheet->rows->pdata[i];
      guint nonblank, n = count_matches (imp, r, &nonblank);

      if (n >= 2 && n * 2 >= nonblank)
        {
          header = r;
          index = i;
        }
    }
  if (header == NULL)
    return -1;
  imp->header_row = header->row;
  n_cols = header->n_cells;
  /* A two-row header: a range of the header row merged across columns with
   * sub-headers under it, or ranges merged down into the next row. */
  if (index + 1 < sheet->rows->len &&
      ((const TzTableRow *) sheet->rows->pdata[index + 1])->row == header->row + 1)
    for (guint i = 0; i < sheet->merges->len && !two_rows; i++)
      {
        const TzTableMerge *m = &g_array_index (sheet->merges, TzTableMerge, i);

        if (m->first_row == header->row &&
            (m->last_row == header->row + 1 || m->last_column > m->first_column))
          two_rows = TRUE;
      }
  if (two_rows)
    {
      below = sheet->rows->pdata[index + 1];
      n_cols = MAX (n_cols, below->n_cells);
    }
  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree char *top = trimmed (sheet_cell (sheet, by_number, header->row, c));
      g_autofree char *sub = below != NULL && !merged_down (sheet, header->row, c)
                                 ? trimmed (tz_table_row_cell (below, c))
                                 : g_strdup ("");
      const char *written = top;
      int col;

      if (*sub != '\0' &&
          (tz_table_layout_match_header (l, sub) >= 0 || tz_table_layout_match_header (l, top) < 0))
        written = sub;
      if (*written == '\0')
        continue;
      col = tz_table_layout_match_header (l, written);
      if (col < 0)
        {
          if (tz_table_field_from_header (written) != TZ_TABLE_FIELD_SEQ)
            g_ptr_array_insert (imp->notes, imp->notes->len - 1,
                                g_strdup_printf (_ ("Column “%s” is not imported: the track has no "
                                                    "such field."),
                                                 written));
          continue;
        }
      if (imp->source[col] >= 0)
        {
          g_autofree char *msg =
              g_strdup_printf (_ ("Column “%s” means the same as column “%s”; keep one of them."),
                               written, imp->source_header[col]);

          add_file_problem (imp, header->row, written, msg);
          continue;
        }
      imp->source[col] = (int) c;
      imp->source_header[col] = g_strdup (written);
    }
  for (guint i = 0; i < l->columns->len; i++)
    {
      const TzTableColumn *col = l->columns->pdata[i];

      if (col->required && imp->source[i] < 0)
        {
          g_autofree char *msg = g_strdup_printf (
              _ ("The table has no column “%s”, which this track needs."), col->header);

          add_file_problem (imp, imp->header_row, col->header, msg);
        }
    }
  return (int) index + (two_rows ? 2 : 1);
}

/* ---- checking a row ---- */

static const char *
header_of (TzTableImport *imp, guint col)
{
  const TzTableColumn *c;

  if (col >= imp->layout->columns->len)
    return "";
  c = imp->layout->columns->pdata[col];

  return imp->source_header[col] != NULL ? imp->source_header[col] : c->header;
}

static void
row_problem (TzTableImport *imp, Row *row, guint col, const char *message)
{
  g_ptr_array_add (row->own, problem_new (row->number, header_of (imp, col), message));
}

static void
row_error (TzTableImport *imp, Row *row, guint col, GError *error)
{
  row_problem (imp, row, col, error->message);
}

static guint
col_of (TzTableImport *imp, TzTableField field)
{
  guint index;

  return tz_table_layout_find (imp->layout, field, &index) != NULL ? index : G_MAXUINT;
}

/* The value of @field (NULL when empty or not a column). */
static const char *
val (TzTableImport *imp, Row *row, TzTableField field)
{
  guint c = col_of (imp, field);

  return c != G_MAXUINT ? nonempty (row->values[c]) : NULL;
}

static void
set_val (TzTableImport *imp, Row *row, TzTableField field, const char *value)
{
  guint c = col_of (imp, field);

  if (c == G_MAXUINT)
    return;
  g_free (row->values[c]);
  row->values[c] = g_strdup (value != NULL ? value : "");
}

/* A unit of the tree by name; 0 with a problem when unknown. */
static gint64
resolve_unit (TzTableImport *imp, Row *row, TzTableField field)
{
  const char *name = val (imp, row, field);
  gpointer cached;
  gint64 id = 0;

  if (name == NULL)
    return 0;
  if (g_hash_table_lookup_extended (imp->units, name, NULL, &cached))
    id = GPOINTER_TO_SIZE (cached) > 0 ? (gint64) GPOINTER_TO_SIZE (cached) : 0;
  else
    {
      g_autoptr (GError) error = NULL;

      if (!tz_unit_resolve (imp->db, imp->campaign_id, name, &id, &error))
        id = 0;
      g_hash_table_insert (imp->units, g_strdup (name), GSIZE_TO_POINTER ((gsize) id));
    }
  if (id == 0)
    {
      g_autofree char *msg = g_strdup_printf (
          _ ("%s: “%s” is not a unit of the unit list; add it there or correct the name."),
          tz_table_field_header (field), name);

      row_problem (imp, row, col_of (imp, field), msg);
    }
  return id;
}

static const struct
{
  TzTableField table;
  TzPersonField person;
  gsize offset;
} person_fields[] = {
  { TZ_TABLE_FIELD_NAME, TZ_PERSON_FIELD_NAME, G_STRUCT_OFFSET (TzPerson, name) },
  { TZ_TABLE_FIELD_GENDER, TZ_PERSON_FIELD_GENDER, G_STRUCT_OFFSET (TzPerson, gender) },
  { TZ_TABLE_FIELD_BIRTH_DATE, TZ_PERSON_FIELD_BIRTH_DATE, G_STRUCT_OFFSET (TzPerson, birth_date) },
  { TZ_TABLE_FIELD_ETHNICITY, TZ_PERSON_FIELD_ETHNICITY, G_STRUCT_OFFSET (TzPerson, ethnicity) },
  { TZ_TABLE_FIELD_POLITICAL, TZ_PERSON_FIELD_POLITICAL, G_STRUCT_OFFSET (TzPerson, political) },
  { TZ_TABLE_FIELD_ID_NUMBER, TZ_PERSON_FIELD_ID_NUMBER, G_STRUCT_OFFSET (TzPerson, id_number) },
  { TZ_TABLE_FIELD_PHONE, TZ_PERSON_FIELD_PHONE, G_STRUCT_OFFSET (TzPerson, phone) },
  { TZ_TABLE_FIELD_EMAIL, TZ_PERSON_FIELD_EMAIL, G_STRUCT_OFFSET (TzPerson, email) },
  { TZ_TABLE_FIELD_EMPLOYER, TZ_PERSON_FIELD_EMPLOYER, G_STRUCT_OFFSET (TzPerson, employer) },
  { TZ_TABLE_FIELD_POSITION, TZ_PERSON_FIELD_POSITION, G_STRUCT_OFFSET (TzPerson, position) },
  { TZ_TABLE_FIELD_TITLE, TZ_PERSON_FIELD_TITLE, G_STRUCT_OFFSET (TzPerson, title) },
};

#define PERSON_STR(p, off) (*(char **) G_STRUCT_MEMBER_P ((p), (off)))

/* The person of the row from its cells, or NULL when the row names none. */
static TzPerson *
row_person (TzTableImport *imp, Row *row)
{
  TzPerson *p;

  if (val (imp, row, TZ_TABLE_FIELD_NAME) == NULL &&
      val (imp, row, TZ_TABLE_FIELD_ID_NUMBER) == NULL)
    return NULL;
  p = tz_person_new ();
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    PERSON_STR (p, person_fields[i].offset) = g_strdup (val (imp, row, person_fields[i].table));
  return p;
}

/* The stored person with the row's ID number, else with its name and phone. */
static TzPerson *
match_person (TzTableImport *imp, const TzPerson *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (p->id_number != NULL)
    {
      stmt = tz_db_prepare (imp->db, "SELECT id FROM person WHERE id_number = ?1", error);
      if (stmt == NULL)
        return NULL;
      tz_db_bind_text (stmt, 1, p->id_number);
    }
  else
    {
      stmt = tz_db_prepare (imp->db,
                            "SELECT id FROM person WHERE id_number IS NULL AND name = ?1 "
                            "  AND phone IS ?2 ORDER BY id LIMIT 1",
                            error);
      if (stmt == NULL)
        return NULL;
      tz_db_bind_text (stmt, 1, p->name);
      tz_db_bind_text (stmt, 2, p->phone);
    }
  rc = tz_db_step (imp->db, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;
  return tz_person_get (imp->db, sqlite3_column_int64 (stmt, 0), error);
}

/* Whether saving @p (empty fields keep what is stored) would change @stored. */
static gboolean
person_differs (const TzPerson *p, const TzPerson *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    {
      const char *v = PERSON_STR (p, person_fields[i].offset);

      if (nonempty (v) != NULL && !str_same (v, PERSON_STR (stored, person_fields[i].offset)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
entrant_is_team (TzTableImport *imp, Row *row)
{
  return val (imp, row, TZ_TABLE_FIELD_TEAM_NAME) != NULL;
}

static gboolean
entrant_is_unit (TzTableImport *imp, Row *row)
{
  return !entrant_is_team (imp, row) && val (imp, row, TZ_TABLE_FIELD_ENTRANT_UNIT) != NULL;
}

/* The title an entry of the row gets. */
static const char *
row_title (TzTableImport *imp, Row *row)
{
  const char *kind = imp->layout->entry_kind;

  if (g_str_equal (kind, "work"))
    return val (imp, row, TZ_TABLE_FIELD_ENTRY_TITLE);
  if (g_str_equal (kind, "account") && val (imp, row, TZ_TABLE_FIELD_ACCOUNT_NICKNAME) != NULL)
    return val (imp, row, TZ_TABLE_FIELD_ACCOUNT_NICKNAME);
  if (entrant_is_team (imp, row))
    return val (imp, row, TZ_TABLE_FIELD_TEAM_NAME);
  if (entrant_is_unit (imp, row))
    return val (imp, row, TZ_TABLE_FIELD_ENTRANT_UNIT);
  return val (imp, row, TZ_TABLE_FIELD_NAME);
}

static gint64
find_team (TzTableImport *imp, const char *name, gint64 unit_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (
      imp->db, "SELECT id FROM team WHERE name = ?1 AND unit_id IS ?2 ORDER BY id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  tz_db_bind_text (stmt, 1, name);
  tz_db_bind_int_or_null (stmt, 2, unit_id, unit_id > 0);
  rc = tz_db_step (imp->db, stmt, error);
  if (rc < 0)
    return -1;
  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

typedef struct
{
  gint64 id;
  char *title, *description, *summary, *platform, *url, *instructor, *note;
  gint64 recommending_unit_id, account_id;
  char *nickname, *account_url;
  gint64 followers; /* -1: none */
  char *account_platform;
} StoredEntry;

static void
stored_entry_clear (StoredEntry *e)
{
  g_free (e->title);
  g_free (e->description);
  g_free (e->summary);
  g_free (e->platform);
  g_free (e->url);
  g_free (e->instructor);
  g_free (e->note);
  g_free (e->nickname);
  g_free (e->account_url);
  g_free (e->account_platform);
}

/* The stored entry of the row's entrant (and title, on a track that takes more
 * than one entry per entrant); e->id 0 when none. */
static gboolean
match_entry (TzTableImport *imp, Row *row, const char *title, StoredEntry *e, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  memset (e, 0, sizeof *e);
  e->followers = -1;
  if (row->person_id == 0 && row->team_id == 0 && row->entrant_unit_id == 0)
    return TRUE;
  /* equality on the entrant's column, so that its index is used */
  sql = g_strdup_printf (
      "SELECT e.id, e.title, e.description, e.summary, e.platform, e.url, e.instructor, e.note, "
      "  e.recommending_unit_id, e.account_id, a.nickname, a.url, a.followers, a.platform "
      "FROM entry e LEFT JOIN account a ON a.id = e.account_id "
      "WHERE e.%s = ?7 AND e.track_id = ?1 AND e.person_id IS ?2 AND e.team_id IS ?3 "
      "  AND e.entrant_unit_id IS ?4 AND (?5 OR e.title = ?6) "
      "ORDER BY e.status = 'withdrawn', e.id LIMIT 1",
      row->team_id > 0           ? "team_id"
      : row->entrant_unit_id > 0 ? "entrant_unit_id"
                                 : "person_id");

  stmt = tz_db_prepare (imp->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, imp->track_id);
  tz_db_bind_int_or_null (stmt, 2, row->person_id,
                          row->person_id > 0 && row->team_id == 0 && row->entrant_unit_id == 0);
  tz_db_bind_int_or_null (stmt, 3, row->team_id, row->team_id > 0);
  tz_db_bind_int_or_null (stmt, 4, row->entrant_unit_id, row->entrant_unit_id > 0);
  sqlite3_bind_int (stmt, 5, imp->layout->one_per_entrant);
  tz_db_bind_text (stmt, 6, title);
  sqlite3_bind_int64 (stmt, 7,
                      row->team_id > 0           ? row->team_id
                      : row->entrant_unit_id > 0 ? row->entrant_unit_id
                                                 : row->person_id);
  rc = tz_db_step (imp->db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    return TRUE;
  e->id = sqlite3_column_int64 (stmt, 0);
  e->title = tz_db_column_dup (stmt, 1);
  e->description = tz_db_column_dup (stmt, 2);
  e->summary = tz_db_column_dup (stmt, 3);
  e->platform = tz_db_column_dup (stmt, 4);
  e->url = tz_db_column_dup (stmt, 5);
  e->instructor = tz_db_column_dup (stmt, 6);
  e->note = tz_db_column_dup (stmt, 7);
  e->recommending_unit_id = sqlite3_column_int64 (stmt, 8);
  e->account_id = sqlite3_column_int64 (stmt, 9);
  e->nickname = tz_db_column_dup (stmt, 10);
  e->account_url = tz_db_column_dup (stmt, 11);
  e->followers =
      sqlite3_column_type (stmt, 12) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 12);
  e->account_platform = tz_db_column_dup (stmt, 13);
  return TRUE;
}

/* Whether a column that is in the file and not empty differs from @stored. */
static gboolean
differs (TzTableImport *imp, Row *row, TzTableField field, const char *stored)
{
  const char *v = val (imp, row, field);

  return v != NULL && !str_same (v, stored);
}

static gboolean
entry_differs (TzTableImport *imp, Row *row, const char *title, const StoredEntry *e)
{
  gint64 followers = -1;
  const char *f = val (imp, row, TZ_TABLE_FIELD_FOLLOWERS);

  if (f != NULL)
    followers = g_ascii_strtoll (f, NULL, 10);
  return !str_same (title, e->title) ||
         differs (imp, row, TZ_TABLE_FIELD_DESCRIPTION, e->description) ||
         differs (imp, row, TZ_TABLE_FIELD_SUMMARY, e->summary) ||
         differs (imp, row, TZ_TABLE_FIELD_INSTRUCTOR, e->instructor) ||
         differs (imp, row, TZ_TABLE_FIELD_NOTE, e->note) ||
         (!g_str_equal (imp->layout->entry_kind, "account") &&
          differs (imp, row, TZ_TABLE_FIELD_URL, e->url)) ||
         differs (imp, row, TZ_TABLE_FIELD_PLATFORM, e->platform) ||
         (row->recommending_unit_id > 0 && row->recommending_unit_id != e->recommending_unit_id) ||
         (g_str_equal (imp->layout->entry_kind, "account") &&
          (e->account_id == 0 || differs (imp, row, TZ_TABLE_FIELD_ACCOUNT_NICKNAME, e->nickname) ||
           differs (imp, row, TZ_TABLE_FIELD_URL, e->account_url) ||
           (followers >= 0 && followers != e->followers)));
}

/* Normalises and checks @row against the rules and the database, and finds
 * what it matches. Writes nothing. */
static void
check_row (TzTableImport *imp, Row *row)
{
  const TzTableLayout *l = imp->layout;
  g_autoptr (TzPerson) person = NULL;
  g_autoptr (TzPerson) stored = NULL;
  g_autoptr (TzEntry) entry = tz_entry_new ();
  g_autoptr (GError) error = NULL;
  StoredEntry se = { 0 };
  gboolean person_changed = FALSE, person_ok = TRUE;
  const char *title;

  g_ptr_array_set_size (row->own, 0);
  g_clear_pointer (&row->key, g_free);
  g_clear_pointer (&row->entry_key, g_free);
  row->person_id = row->team_id = row->entrant_unit_id = 0;
  row->recommending_unit_id = row->entry_id = row->account_id = 0;

  /* values as written, with the kind's own normalisation */
  for (guint c = 0; c < l->columns->len; c++)
    {
      const TzTableColumn *col = l->columns->pdata[c];
      const char *raw = row->raw[c];
      char *v = NULL;

      if (col->kind == TZ_TABLE_KIND_DATE && *raw != '\0')
        v = normalize_date (raw);
      else if (col->kind == TZ_TABLE_KIND_CHOICE && *raw != '\0' &&
               col->field != TZ_TABLE_FIELD_ETHNICITY && col->field != TZ_TABLE_FIELD_POLITICAL)
        {
          g_autofree char *folded = tz_fold_fullwidth (raw);

          v = g_strdup (folded != NULL ? folded : raw);
        }
      else if (col->kind == TZ_TABLE_KIND_COUNT && *raw != '\0')
        {
          g_autofree char *folded = tz_fold_fullwidth (raw);
          char *end = NULL;
          double d = folded != NULL ? g_ascii_strtod (folded, &end) : 0;

          /* a spreadsheet stores 1200 as 1200 or 1.2E3 */
          if (folded != NULL && end != folded && *end == '\0' && d >= 0 && d < 1e15 &&
              d == (gint64) d)
            v = g_strdup_printf ("%" PRId64, (gint64) d);
          else
            v = g_strdup (raw);
        }
      else
        v = g_strdup (raw);
      g_free (row->values[c]);
      row->values[c] = v;
    }
  for (guint c = 0; c < l->columns->len; c++)
    {
      const TzTableColumn *col = l->columns->pdata[c];

      if (col->field == TZ_TABLE_FIELD_SEQ)
        continue;
      if (col->required && imp->source[c] >= 0 && *row->values[c] == '\0')
        {
          g_autofree char *msg = NULL;

          /* the person's fields are for a person entrant (or a team's leader) */
          if (col->field >= TZ_TABLE_FIELD_NAME && col->field <= TZ_TABLE_FIELD_TITLE &&
              (entrant_is_team (imp, row) || entrant_is_unit (imp, row)))
            continue;
          msg = g_strdup_printf (_ ("%s: this column must be filled in."), col->header);
          row_problem (imp, row, c, msg);
          continue;
        }
      if (*row->values[c] == '\0')
        continue;
      if (col->kind == TZ_TABLE_KIND_CHOICE && col->choices != NULL &&
          col->field != TZ_TABLE_FIELD_ETHNICITY && col->field != TZ_TABLE_FIELD_POLITICAL &&
          col->field != TZ_TABLE_FIELD_GENDER &&
          !g_strv_contains ((const char *const *) col->choices, row->values[c]))
        {
          g_autofree char *list = g_strjoinv ("、", col->choices);
          g_autofree char *msg =
              g_strdup_printf (_ ("%s: “%s” is not one of %s."), col->header, row->values[c], list);

          row_problem (imp, row, c, msg);
        }
      if (col->kind == TZ_TABLE_KIND_COUNT)
        {
          g_clear_error (&error);
          if (!tz_validate_count (col->header, row->values[c], NULL, &error))
            row_error (imp, row, c, error);
        }
      if (col->kind == TZ_TABLE_KIND_TEXT && col->max_chars > 0 &&
          col->field != TZ_TABLE_FIELD_SUMMARY && col->field != TZ_TABLE_FIELD_DESCRIPTION &&
          col->field != TZ_TABLE_FIELD_ENTRY_TITLE && col->field != TZ_TABLE_FIELD_NAME &&
          col->field != TZ_TABLE_FIELD_EMPLOYER && col->field != TZ_TABLE_FIELD_POSITION &&
          col->field != TZ_TABLE_FIELD_TITLE)
        {
          g_clear_error (&error);
          if (!tz_validate_text_length (col->header, row->values[c], col->max_chars, &error))
            row_error (imp, row, c, error);
        }
    }

  /* the person: each field with the form's rule, then the form's normalisation */
  person = row_person (imp, row);
  if (person != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
        {
          guint c = col_of (imp, person_fields[i].table);

          if (c == G_MAXUINT || *row->values[c] == '\0')
            continue;
          g_clear_error (&error);
          if (!tz_person_check_field (person, person_fields[i].person, &error))
            {
              row_error (imp, row, c, error);
              person_ok = FALSE;
            }
        }
      if (person_ok)
        {
          g_clear_error (&error);
          if (!tz_person_normalize (imp->db, person, &error))
            {
              row_error (imp, row, G_MAXUINT, error);
              person_ok = FALSE;
            }
        }
      if (person_ok)
        {
          for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
            if (col_of (imp, person_fields[i].table) != G_MAXUINT)
              set_val (imp, row, person_fields[i].table,
                       PERSON_STR (person, person_fields[i].offset));
          g_clear_error (&error);
          stored = match_person (imp, person, &error);
          if (error != NULL)
            row_error (imp, row, G_MAXUINT, error);
          if (stored != NULL)
            {
              row->person_id = stored->id;
              person_changed = person_differs (person, stored);
            }
          if (person->id_number != NULL)
            row->key = g_strdup (person->id_number);
        }
    }

  /* units */
  row->recommending_unit_id = resolve_unit (imp, row, TZ_TABLE_FIELD_RECOMMENDING_UNIT);
  if (entrant_is_unit (imp, row))
    row->entrant_unit_id = resolve_unit (imp, row, TZ_TABLE_FIELD_ENTRANT_UNIT);
  if (entrant_is_team (imp, row))
    {
      g_clear_error (&error);
      row->team_id = find_team (imp, val (imp, row, TZ_TABLE_FIELD_TEAM_NAME),
                                row->recommending_unit_id, &error);
      if (row->team_id < 0)
        {
          row_error (imp, row, G_MAXUINT, error);
          row->team_id = 0;
        }
    }
  else if (!entrant_is_unit (imp, row) && person == NULL &&
           !g_strv_contains ((const char *const[]){ "person", "person_or_team", "any", NULL },
                             l->entrant_kind))
    {
      guint c = col_of (imp, TZ_TABLE_FIELD_ENTRANT_UNIT);
      g_autofree char *msg = g_strdup_printf (_ ("%s: name the entering unit or team."),
                                              tz_table_field_header (TZ_TABLE_FIELD_ENTRANT_UNIT));

      row_problem (imp, row, c, msg);
    }

  /* the entry, with the entry form's rules */
  title = row_title (imp, row);
  entry->campaign_id = imp->campaign_id;
  entry->track_id = imp->track_id;
  entry->title = g_strdup (title);
  entry->description = g_strdup (val (imp, row, TZ_TABLE_FIELD_DESCRIPTION));
  entry->summary = g_strdup (val (imp, row, TZ_TABLE_FIELD_SUMMARY));
  entry->platform = g_strdup (val (imp, row, TZ_TABLE_FIELD_PLATFORM));
  if (g_str_equal (l->entry_kind, "work"))
    {
      g_clear_error (&error);
      if (!tz_entry_check_field (entry, imp->req, TZ_ENTRY_FIELD_TITLE, &error) &&
          val (imp, row, TZ_TABLE_FIELD_ENTRY_TITLE) != NULL)
        row_error (imp, row, col_of (imp, TZ_TABLE_FIELD_ENTRY_TITLE), error);
    }
  g_clear_error (&error);
  if (!tz_entry_check_field (entry, imp->req, TZ_ENTRY_FIELD_SUMMARY, &error))
    row_error (imp, row, col_of (imp, TZ_TABLE_FIELD_SUMMARY), error);
  g_clear_error (&error);
  if (!tz_entry_check_field (entry, imp->req, TZ_ENTRY_FIELD_DESCRIPTION, &error))
    row_error (imp, row, col_of (imp, TZ_TABLE_FIELD_DESCRIPTION), error);
  if (val (imp, row, TZ_TABLE_FIELD_FOLLOWERS) != NULL && imp->req->min_followers > 0)
    {
      g_autoptr (GPtrArray) failures = NULL;
      TzWorkInfo info;

      tz_work_info_init (&info);
      info.followers = g_ascii_strtoll (val (imp, row, TZ_TABLE_FIELD_FOLLOWERS), NULL, 10);
      if (!tz_work_requirements_check (imp->req, &info, &failures))
        for (guint i = 0; i < failures->len; i++)
          row_problem (imp, row, col_of (imp, TZ_TABLE_FIELD_FOLLOWERS), failures->pdata[i]);
    }

  /* the stored entry, for the status */
  if (row->own->len == 0)
    {
      g_clear_error (&error);
      if (!match_entry (imp, row, title, &se, &error))
        row_error (imp, row, G_MAXUINT, error);
      row->entry_id = se.id;
      row->account_id = se.account_id;
      if (se.id == 0)
        row->status = TZ_TABLE_ROW_NEW;
      else if (person_changed || entry_differs (imp, row, title, &se))
        row->status = TZ_TABLE_ROW_CHANGED;
      else
        row->status = TZ_TABLE_ROW_UNCHANGED;
      stored_entry_clear (&se);
    }
  /* the duplicate key within the file */
  if (row->key == NULL && person != NULL && person->name != NULL)
    row->key = g_strconcat (person->name, "\x1f", person->phone != NULL ? person->phone : "", NULL);
  {
    g_autofree char *entrant = NULL;

    if (entrant_is_team (imp, row))
      entrant = g_strconcat ("T\x1f", val (imp, row, TZ_TABLE_FIELD_TEAM_NAME), NULL);
    else if (entrant_is_unit (imp, row))
      entrant = g_strconcat ("U\x1f", val (imp, row, TZ_TABLE_FIELD_ENTRANT_UNIT), NULL);
    else if (row->key != NULL)
      entrant = g_strconcat ("P\x1f", row->key, NULL);
    if (entrant != NULL)
      row->entry_key = l->one_per_entrant
                           ? g_steal_pointer (&entrant)
                           : g_strconcat (entrant, "\x1f", title != NULL ? title : "", NULL);
  }
}

/* Rebuilds every row's problems: its own, then the duplicate rules of the file
 * (the same person, or the same entry, on an earlier row that is not dropped). */
static void
apply_duplicates (TzTableImport *imp)
{
  g_autoptr (GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) entries = g_hash_table_new (g_str_hash, g_str_equal);
  guint id_col = col_of (imp, TZ_TABLE_FIELD_ID_NUMBER);
  guint name_col = col_of (imp, TZ_TABLE_FIELD_NAME);

  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = imp->rows->pdata[i];
      Row *first;

      g_ptr_array_set_size (row->problems, 0);
      for (guint j = 0; j < row->own->len; j++)
        g_ptr_array_add (row->problems, problem_copy (row->own->pdata[j]));
      if (row->dropped)
        continue;
      if (row->key != NULL && g_str_equal (imp->layout->entry_kind, "work") == FALSE &&
          (first = g_hash_table_lookup (people, row->key)) != NULL)
        {
          g_autofree char *msg = g_strdup_printf (
              _ ("The same person is already on row %u of this table; a person enters this track "
                 "once."),
              first->number);

          g_ptr_array_add (
              row->problems,
              problem_new (row->number,
                           header_of (imp, id_col != G_MAXUINT &&
                                                   val (imp, row, TZ_TABLE_FIELD_ID_NUMBER) != NULL
                                               ? id_col
                                               : name_col),
                           msg));
        }
      else if (row->key != NULL && strchr (row->key, '\x1f') == NULL &&
               (first = g_hash_table_lookup (people, row->key)) != NULL)
        {
          g_autofree char *msg = g_strdup_printf (
              _ ("ID number: the same number is already on row %u of this table."), first->number);

          g_ptr_array_add (row->problems, problem_new (row->number, header_of (imp, id_col), msg));
        }
      else if (row->entry_key != NULL &&
               (first = g_hash_table_lookup (entries, row->entry_key)) != NULL)
        {
          g_autofree char *msg = g_strdup_printf (
              _ ("The same entry is already on row %u of this table."), first->number);

          g_ptr_array_add (row->problems, problem_new (row->number, "", msg));
        }
      if (row->key != NULL && !g_hash_table_contains (people, row->key))
        g_hash_table_insert (people, row->key, row);
      if (row->entry_key != NULL && !g_hash_table_contains (entries, row->entry_key))
        g_hash_table_insert (entries, row->entry_key, row);
    }
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = imp->rows->pdata[i];

      if (row->problems->len > 0)
        row->status = TZ_TABLE_ROW_PROBLEM;
    }
}

static void
check_all (TzTableImport *imp)
{
  for (guint i = 0; i < imp->rows->len; i++)
    check_row (imp, imp->rows->pdata[i]);
  apply_duplicates (imp);
}

/* Whether @r holds nothing but a 序号 (or nothing at all) in the mapped columns,
 * or only numbers the columns (1, 2, 3 … under the header, as some offices do). */
static gboolean
row_is_empty (TzTableImport *imp, Row *row)
{
  gboolean numbering = TRUE, any = FALSE;

  for (guint c = 0; c < imp->layout->columns->len; c++)
    {
      const TzTableColumn *col = imp->layout->columns->pdata[c];
      g_autofree char *expected = NULL;

      if (*row->raw[c] == '\0')
        continue;
      expected = g_strdup_printf ("%d", imp->source[c] + 1);
      numbering = numbering && g_str_equal (row->raw[c], expected);
      if (col->field != TZ_TABLE_FIELD_SEQ)
        any = TRUE;
    }
  return !any || numbering;
}

TzTableImport *
tz_table_import_open (TzDb *db, gint64 campaign_id, gint64 track_id, const char *path,
                      GError **error)
{
  g_autoptr (TzTableImport) imp = g_new0 (TzTableImport, 1);
  g_autoptr (GHashTable) meta = read_meta (path);
  g_autoptr (TzTableSheet) sheet = NULL;
  guint n_cols;
  int first;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  imp->db = g_object_ref (db);
  imp->path = g_strdup (path);
  imp->file_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_import_problem_free);
  imp->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (imp->notes, NULL);
  imp->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  imp->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (meta != NULL && (campaign_id == 0 || track_id == 0))
    {
      const char *cu = g_hash_table_lookup (meta, TZ_TABLE_META_KEY_CAMPAIGN_UUID);
      const char *tu = g_hash_table_lookup (meta, TZ_TABLE_META_KEY_TRACK_UUID);
      gint64 c = id_by_uuid (db, "SELECT id FROM campaign WHERE uuid = ?1", cu, error);
      gint64 t = id_by_uuid (db, "SELECT id FROM track WHERE uuid = ?1", tu, error);

      if (c < 0 || t < 0)
        return NULL;
      if (campaign_id == 0 && c == 0)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       _ ("%s: the table is for the campaign “%s”, which is not in this "
                          "database."),
                       path,
                       (const char *) g_hash_table_lookup (meta, TZ_TABLE_META_KEY_CAMPAIGN_TITLE));
          return NULL;
        }
      if (campaign_id == 0)
        campaign_id = c;
      if (track_id == 0 && (t == 0 || c != campaign_id))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       _ ("%s: the table is for the track “%s”, which is not in this campaign."),
                       path,
                       (const char *) g_hash_table_lookup (meta, TZ_TABLE_META_KEY_TRACK_NAME));
          return NULL;
        }
      if (track_id == 0)
        track_id = t;
    }
  if (campaign_id == 0 || track_id == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: not a Taizhang template; name the campaign and the track."), path);
      return NULL;
    }
  imp->layout = tz_table_layout_for_track (db, track_id, error);
  if (imp->layout == NULL)
    return NULL;
  if (imp->layout->campaign_id != campaign_id)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("Track: “%s” is not a track of campaign %" PRId64 "."),
                   imp->layout->track_name, campaign_id);
      return NULL;
    }
  imp->campaign_id = campaign_id;
  imp->track_id = track_id;
  imp->req = tz_entry_load_requirements (db, track_id, error);
  if (imp->req == NULL)
    return NULL;
  n_cols = imp->layout->columns->len;
  imp->source = g_new (int, n_cols);
  imp->source_header = g_new0 (char *, n_cols + 1);
  for (guint i = 0; i < n_cols; i++)
    imp->source[i] = -1;

  if (meta != NULL)
    {
      const char *tu = g_hash_table_lookup (meta, TZ_TABLE_META_KEY_TRACK_UUID);

      if (g_strcmp0 (tu, imp->layout->track_uuid) != 0)
        {
          g_autofree char *msg = g_strdup_printf (
              _ ("This is the template of the track “%s”, not of “%s”."),
              (const char *) g_hash_table_lookup (meta, TZ_TABLE_META_KEY_TRACK_NAME),
              imp->layout->track_name);

          add_file_problem (imp, 0, "", msg);
        }
    }

  sheet = tz_table_read_sheet (path, NULL, error);
  if (sheet == NULL)
    return NULL;
  first = map_columns (imp, sheet);
  if (first < 0)
    {
      add_file_problem (imp, 0, "",
                        _ ("No header row was found: the table needs a row of column names such as "
                           "姓名, 身份证号, 推荐单位."));
      return g_steal_pointer (&imp);
    }
  for (guint i = first; i < sheet->rows->len; i++)
    {
      const TzTableRow *r = sheet->rows->pdata[i];
      Row *row = g_new0 (Row, 1);

      row->number = r->row;
      row->raw = g_new0 (char *, n_cols + 1);
      row->values = g_new0 (char *, n_cols + 1);
      for (guint c = 0; c < n_cols; c++)
        {
          row->raw[c] = trimmed (imp->source[c] >= 0 ? tz_table_row_cell (r, imp->source[c]) : "");
          row->values[c] = g_strdup (row->raw[c]);
        }
      /* the sheet's copy is no longer needed: a big table is not held twice */
      tz_table_row_free (sheet->rows->pdata[i]);
      sheet->rows->pdata[i] = NULL;
      if (row_is_empty (imp, row))
        {
          row_free (row);
          continue;
        }
      row->own = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_import_problem_free);
      row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_import_problem_free);
      g_ptr_array_add (imp->rows, row);
    }
  imp->rows_read = imp->rows->len;
  check_all (imp);
  return g_steal_pointer (&imp);
}

gint64
tz_table_import_get_campaign_id (TzTableImport *imp)
{
  return imp->campaign_id;
}

gint64
tz_table_import_get_track_id (TzTableImport *imp)
{
  return imp->track_id;
}

const TzTableLayout *
tz_table_import_get_layout (TzTableImport *imp)
{
  return imp->layout;
}

int
tz_table_import_get_source_column (TzTableImport *imp, guint column, const char **header)
{
  g_return_val_if_fail (column < imp->layout->columns->len, -1);
  if (header != NULL)
    *header = imp->source_header[column];
  return imp->source[column];
}

guint
tz_table_import_get_header_row (TzTableImport *imp)
{
  return imp->header_row;
}

GPtrArray *
tz_table_import_get_file_problems (TzTableImport *imp)
{
  return imp->file_problems;
}

const char *const *
tz_table_import_get_notes (TzTableImport *imp)
{
  return (const char *const *) imp->notes->pdata;
}

guint
tz_table_import_get_n_rows (TzTableImport *imp)
{
  return imp->rows->len;
}

static Row *
get_row (TzTableImport *imp, guint row)
{
  g_return_val_if_fail (row < imp->rows->len, NULL);
  return imp->rows->pdata[row];
}

guint
tz_table_import_get_row_number (TzTableImport *imp, guint row)
{
  Row *r = get_row (imp, row);

  return r != NULL ? r->number : 0;
}

const char *
tz_table_import_get_cell (TzTableImport *imp, guint row, guint column)
{
  Row *r = get_row (imp, row);

  g_return_val_if_fail (column < imp->layout->columns->len, "");
  return r != NULL ? r->values[column] : "";
}

TzTableRowStatus
tz_table_import_get_status (TzTableImport *imp, guint row)
{
  Row *r = get_row (imp, row);

  return r != NULL ? r->status : TZ_TABLE_ROW_PROBLEM;
}

GPtrArray *
tz_table_import_get_row_problems (TzTableImport *imp, guint row)
{
  Row *r = get_row (imp, row);

  return r != NULL ? r->problems : NULL;
}

void
tz_table_import_set_cell (TzTableImport *imp, guint row, guint column, const char *value)
{
  Row *r = get_row (imp, row);

  g_return_if_fail (r != NULL && column < imp->layout->columns->len);
  g_free (r->raw[column]);
  r->raw[column] = trimmed (value);
  check_row (imp, r);
  apply_duplicates (imp);
}

void
tz_table_import_set_dropped (TzTableImport *imp, guint row, gboolean dropped)
{
  Row *r = get_row (imp, row);

  g_return_if_fail (r != NULL);
  if (r->dropped == !!dropped)
    return;
  r->dropped = !!dropped;
  /* the duplicate rule depends on which rows are left */
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *o = imp->rows->pdata[i];

      if (o->own->len == 0 && o->status == TZ_TABLE_ROW_PROBLEM)
        check_row (imp, o);
    }
  apply_duplicates (imp);
}

gboolean
tz_table_import_get_dropped (TzTableImport *imp, guint row)
{
  Row *r = get_row (imp, row);

  return r != NULL && r->dropped;
}

guint
tz_table_import_count (TzTableImport *imp, TzTableRowStatus status)
{
  guint n = 0;

  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *r = imp->rows->pdata[i];

      n += !r->dropped && r->status == status;
    }
  return n;
}

gboolean
tz_table_import_has_problems (TzTableImport *imp)
{
  return imp->file_problems->len > 0 || tz_table_import_count (imp, TZ_TABLE_ROW_PROBLEM) > 0;
}

void
tz_table_import_get_result (TzTableImport *imp, TzImportResult *result)
{
  result->rows = imp->rows_read;
  result->changed = tz_table_import_count (imp, TZ_TABLE_ROW_NEW) +
                    tz_table_import_count (imp, TZ_TABLE_ROW_CHANGED);
  if (result->problems == NULL)
    result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_import_problem_free);
  for (guint i = 0; i < imp->file_problems->len; i++)
    g_ptr_array_add (result->problems, problem_copy (imp->file_problems->pdata[i]));
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *r = imp->rows->pdata[i];

      if (r->dropped)
        continue;
      for (guint j = 0; j < r->problems->len; j++)
        g_ptr_array_add (result->problems, problem_copy (r->problems->pdata[j]));
    }
}

/* ---- writing ---- */

static gboolean
save_person (TzTableImport *imp, Row *row, GError **error)
{
  g_autoptr (TzPerson) p = row_person (imp, row);
  g_autoptr (TzPerson) stored = NULL;

  if (p == NULL)
    return TRUE;
  if (row->person_id > 0)
    {
      stored = tz_person_get (imp->db, row->person_id, error);
      if (stored == NULL)
        return FALSE;
      /* empty cells keep what is stored */
      for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
        {
          char **dst = &PERSON_STR (stored, person_fields[i].offset);
          const char *v = PERSON_STR (p, person_fields[i].offset);

          if (nonempty (v) != NULL && g_strcmp0 (*dst, v) != 0)
            {
              g_free (*dst);
              *dst = g_strdup (v);
            }
        }
      return tz_person_save (imp->db, stored, error);
    }
  if (!tz_person_save (imp->db, p, error))
    return FALSE;
  row->person_id = p->id;
  return TRUE;
}

static gboolean
save_row (TzTableImport *imp, Row *row, GError **error)
{
  const TzTableLayout *l = imp->layout;
  g_autoptr (TzEntry) e = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *title;
  gboolean account = g_str_equal (l->entry_kind, "account");

  if (row->status == TZ_TABLE_ROW_UNCHANGED)
    return TRUE;
  if (!save_person (imp, row, error))
    return FALSE;
  if (entrant_is_team (imp, row))
    {
      row->team_id = find_team (imp, val (imp, row, TZ_TABLE_FIELD_TEAM_NAME),
                                row->recommending_unit_id, error);
      if (row->team_id < 0)
        return FALSE;
      if (row->team_id == 0)
        {
          g_autofree char *uuid = g_uuid_string_random ();

          stmt = tz_db_prepare (
              imp->db, "INSERT INTO team (uuid, name, unit_id, leader_id) VALUES (?1, ?2, ?3, ?4)",
              error);
          if (stmt == NULL)
            return FALSE;
          tz_db_bind_text (stmt, 1, uuid);
          tz_db_bind_text (stmt, 2, val (imp, row, TZ_TABLE_FIELD_TEAM_NAME));
          tz_db_bind_int_or_null (stmt, 3, row->recommending_unit_id,
                                  row->recommending_unit_id > 0);
          tz_db_bind_int_or_null (stmt, 4, row->person_id, row->person_id > 0);
          if (!tz_db_step_done (imp->db, stmt, error))
            return FALSE;
          row->team_id = tz_db_last_insert_id (imp->db);
          g_clear_pointer (&stmt, sqlite3_finalize);
          if (row->person_id > 0)
            {
              stmt = tz_db_prepare (imp->db,
                                    "INSERT OR IGNORE INTO team_member (team_id, person_id, role) "
                                    "VALUES (?1, ?2, '负责人')",
                                    error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, row->team_id);
              sqlite3_bind_int64 (stmt, 2, row->person_id);
              if (!tz_db_step_done (imp->db, stmt, error))
                return FALSE;
              g_clear_pointer (&stmt, sqlite3_finalize);
            }
        }
    }
  title = row_title (imp, row);
  if (row->entry_id > 0)
    {
      e = tz_entry_get (imp->db, row->entry_id, error);
      if (e == NULL)
        return FALSE;
    }
  else
    {
      e = tz_entry_new ();
      e->campaign_id = imp->campaign_id;
      e->track_id = imp->track_id;
      e->status = g_strdup ("submitted");
      if (entrant_is_team (imp, row))
        e->team_id = row->team_id;
      else if (entrant_is_unit (imp, row))
        e->entrant_unit_id = row->entrant_unit_id;
      else
        e->person_id = row->person_id;
    }
#define SET_IF(field, value)                                                                       \
  G_STMT_START                                                                                     \
  {                                                                                                \
    const char *v_ = (value);                                                                      \
    if (v_ != NULL)                                                                                \
      {                                                                                            \
        g_free (e->field);                                                                         \
        e->field = g_strdup (v_);                                                                  \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END
  SET_IF (title, title);
  SET_IF (description, val (imp, row, TZ_TABLE_FIELD_DESCRIPTION));
  SET_IF (summary, val (imp, row, TZ_TABLE_FIELD_SUMMARY));
  SET_IF (platform, val (imp, row, TZ_TABLE_FIELD_PLATFORM));
#undef SET_IF
  if (row->recommending_unit_id > 0)
    e->recommending_unit_id = row->recommending_unit_id;
  if (!tz_entry_save (imp->db, e, error))
    return FALSE;
  row->entry_id = e->id;
  /* what the entry form does not hold */
  if ((account || val (imp, row, TZ_TABLE_FIELD_URL) == NULL) &&
      val (imp, row, TZ_TABLE_FIELD_INSTRUCTOR) == NULL &&
      val (imp, row, TZ_TABLE_FIELD_NOTE) == NULL)
    goto account;
  stmt = tz_db_prepare (
      imp->db,
      "UPDATE entry SET url = coalesce(?2, url), instructor = coalesce(?3, instructor), "
      "  note = coalesce(?4, note) WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->id);
  tz_db_bind_text (stmt, 2, account ? NULL : val (imp, row, TZ_TABLE_FIELD_URL));
  tz_db_bind_text (stmt, 3, val (imp, row, TZ_TABLE_FIELD_INSTRUCTOR));
  tz_db_bind_text (stmt, 4, val (imp, row, TZ_TABLE_FIELD_NOTE));
  if (!tz_db_step_done (imp->db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
account:
  if (account)
    {
      const char *f = val (imp, row, TZ_TABLE_FIELD_FOLLOWERS);
      gint64 followers = f != NULL ? g_ascii_strtoll (f, NULL, 10) : -1;
      g_autofree char *today = tz_today ();

      if (row->account_id == 0)
        {
          g_autofree char *uuid = g_uuid_string_random ();

          stmt = tz_db_prepare (
              imp->db,
              "INSERT INTO account (uuid, person_id, unit_id, platform, nickname, url, "
              "  followers, followers_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
              error);
          if (stmt == NULL)
            return FALSE;
          tz_db_bind_text (stmt, 1, uuid);
          tz_db_bind_int_or_null (stmt, 2, row->person_id, e->person_id > 0);
          tz_db_bind_int_or_null (
              stmt, 3, e->entrant_unit_id > 0 ? e->entrant_unit_id : row->recommending_unit_id,
              e->person_id <= 0);
        }
      else
        {
          stmt =
              tz_db_prepare (imp->db,
                             "UPDATE account SET platform = coalesce(?4, platform), "
                             "  nickname = coalesce(?5, nickname), url = coalesce(?6, url), "
                             "  followers = coalesce(?7, followers), "
                             "  followers_on = CASE WHEN ?7 IS NULL THEN followers_on ELSE ?8 END "
                             "WHERE id = ?1",
                             error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, row->account_id);
        }
      tz_db_bind_text (stmt, 4,
                       val (imp, row, TZ_TABLE_FIELD_PLATFORM) != NULL
                           ? val (imp, row, TZ_TABLE_FIELD_PLATFORM)
                           : (row->account_id == 0 ? "" : NULL));
      tz_db_bind_text (stmt, 5, val (imp, row, TZ_TABLE_FIELD_ACCOUNT_NICKNAME));
      tz_db_bind_text (stmt, 6, val (imp, row, TZ_TABLE_FIELD_URL));
      tz_db_bind_int_or_null (stmt, 7, followers, followers >= 0);
      tz_db_bind_text (stmt, 8, today);
      if (!tz_db_step_done (imp->db, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (row->account_id == 0)
        {
          row->account_id = tz_db_last_insert_id (imp->db);
          stmt = tz_db_prepare (imp->db, "UPDATE entry SET account_id = ?2 WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, e->id);
          sqlite3_bind_int64 (stmt, 2, row->account_id);
          if (!tz_db_step_done (imp->db, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
tz_table_import_commit (TzTableImport *imp, TzTableImportCounts *counts, GError **error)
{
  g_autoptr (TzImportLogEntry) log = NULL;
  TzTableImportCounts n = { 0 };

  if (tz_table_import_has_problems (imp))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: %u rows have problems; correct or drop them first."), imp->path,
                   tz_table_import_count (imp, TZ_TABLE_ROW_PROBLEM) + imp->file_problems->len);
      return FALSE;
    }
  if (!tz_backup_create (imp->db, "before-import", NULL, error) || !tz_db_begin (imp->db, error))
    return FALSE;
  /* checked again inside the transaction: the database may have changed */
  g_hash_table_remove_all (imp->units);
  check_all (imp);
  if (tz_table_import_has_problems (imp))
    {
      tz_db_rollback (imp->db);
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: the database changed since the preview and some rows now have "
                      "problems; look at them again."),
                   imp->path);
      return FALSE;
    }
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *r = imp->rows->pdata[i];
      g_autoptr (GError) local = NULL;

      if (r->dropped)
        {
          n.dropped++;
          continue;
        }
      if (!save_row (imp, r, &local))
        {
          tz_db_rollback (imp->db);
          g_set_error (error, TZ_ERROR, local->domain == TZ_ERROR ? local->code : TZ_ERROR_FAILED,
                       _ ("Row %u: %s"), r->number, local->message);
          return FALSE;
        }
      switch (r->status)
        {
          case TZ_TABLE_ROW_NEW:
            n.added++;
            break;
          case TZ_TABLE_ROW_CHANGED:
            n.changed++;
            break;
          default:
            n.unchanged++;
            break;
        }
    }
  log = tz_import_log_entry_new ();
  log->kind = g_strdup ("table");
  log->campaign_id = imp->campaign_id;
  log->track_id = imp->track_id;
  log->rows_read = imp->rows_read;
  log->rows_added = n.added;
  log->rows_changed = n.changed;
  log->rows_unchanged = n.unchanged;
  log->rows_dropped = n.dropped;
  if (!tz_import_log_add (imp->db, log, imp->path, error) || !tz_db_commit (imp->db, error))
    {
      tz_db_rollback (imp->db);
      return FALSE;
    }
  /* what was written is now stored: the preview shows it as unchanged */
  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *r = imp->rows->pdata[i];

      if (!r->dropped)
        r->status = TZ_TABLE_ROW_UNCHANGED;
    }
  if (counts != NULL)
    *counts = n;
  return TRUE;
}

gboolean
tz_table_import_run (TzDb *db, gint64 campaign_id, gint64 track_id, const char *path,
                     gboolean dry_run, TzImportResult *result, TzTableImportCounts *counts,
                     GError **error)
{
  g_autoptr (TzTableImport) imp = tz_table_import_open (db, campaign_id, track_id, path, error);
  TzTableImportCounts n = { 0 };

  if (imp == NULL)
    return FALSE;
  tz_table_import_get_result (imp, result);
  n.added = tz_table_import_count (imp, TZ_TABLE_ROW_NEW);
  n.changed = tz_table_import_count (imp, TZ_TABLE_ROW_CHANGED);
  n.unchanged = tz_table_import_count (imp, TZ_TABLE_ROW_UNCHANGED);
  if (result->problems->len > 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: the table has problems (listed by row and column); nothing was "
                      "imported."),
                   path);
      return FALSE;
    }
  if (!dry_run && !tz_table_import_commit (imp, &n, error))
    return FALSE;
  if (counts != NULL)
    *counts = n;
  return TRUE;
}
