/* tz-table-read.h — reading a plain table from a CSV or xlsx file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV is RFC 4180, UTF-8 with or without a byte order mark (text that is not
 * UTF-8 is read as GB18030, as Excel on a Chinese system saves it). Of an xlsx
 * workbook the first sheet is read, or a sheet by name (found through
 * xl/workbook.xml and its relationships), with shared strings (rich text runs
 * joined), inline strings, numbers, booleans (1, 0) and dates (a number in a
 * cell whose style is a date format, built-in 14–22 or a custom format with
 * y/m/d) as YYYY-MM-DD. Blank rows are skipped. Merged ranges are reported; the
 * value of a merged range is in its top-left cell only.
 *
 * Any input, however malformed, gives rows or TZ_ERROR_PARSE: never a crash.
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

/* A merged range: rows 1-based as shown, columns 0-based, inclusive. */
typedef struct
{
  guint first_row, last_row;
  guint first_column, last_column;
} TzTableMerge;

typedef struct
{
  char *name;      /* the sheet's name; "" for CSV */
  GPtrArray *rows; /* of TzTableRow, blank rows left out */
  GArray *merges;  /* of TzTableMerge */
} TzTableSheet;

void tz_table_sheet_free (TzTableSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzTableSheet, tz_table_sheet_free)

/* Reads the sheet @sheet_name (NULL: the first sheet) of the xlsx or CSV file
 * @path (by extension; a CSV file has one sheet, read whatever @sheet_name).
 * TZ_ERROR_NOT_FOUND when the workbook has no sheet of that name. */
TzTableSheet *tz_table_read_sheet (const char *path, const char *sheet_name, GError **error);

/* The same from @size bytes in memory; @is_xlsx tells the format. */
TzTableSheet *tz_table_read_sheet_data (const guint8 *data, gsize size, gboolean is_xlsx,
                                        const char *sheet_name, GError **error);

/* The names of the sheets of an xlsx file in memory (hidden ones included). */
GStrv tz_table_list_sheets_data (const guint8 *data, gsize size, GError **error);

/* The cell @column of @row, "" past its end. */
const char *tz_table_row_cell (const TzTableRow *row, guint column);

G_END_DECLS
