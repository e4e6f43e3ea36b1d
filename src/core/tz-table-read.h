/* tz-table-read.h — reading a plain table from a CSV or xlsx file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV is RFC 4180, UTF-8 with or without a byte order mark. Of an xlsx
 * workbook the first sheet is read (found through xl/workbook.xml and its
 * relationships), with shared strings (rich text runs joined), inline strings,
 * numbers and booleans (1, 0). Blank rows are skipped.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint row;     /* 1-based, as a spreadsheet program shows it */
  GStrv cells;   /* NULL-terminated; an empty cell is "" */
  guint n_cells; /* the length of @cells */
} TzTableRow;

void tz_table_row_free (TzTableRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzTableRow, tz_table_row_free)

/* The rows of @path, by its extension (.csv, .xlsx); a GPtrArray of TzTableRow,
 * NULL with TZ_ERROR_PARSE. */
GPtrArray *tz_table_read (const char *path, GError **error);

/* The rows of CSV text @data of @length bytes (-1: NUL-terminated). */
GPtrArray *tz_table_read_csv_data (const char *data, gssize length, GError **error);

/* The cell @column of @row, "" past its end. */
const char *tz_table_row_cell (const TzTableRow *row, guint column);

G_END_DECLS
