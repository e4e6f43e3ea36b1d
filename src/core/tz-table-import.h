/* tz-table-import.h — importing a filled table of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preview first: tz_table_import_open() reads a filled table (xlsx or CSV),
 * finds the header row, maps the columns onto the track's layout
 * (tz-table-columns.h), normalises and checks every row with the rules of the
 * person and entry forms, and classifies each row as new, changed or unchanged
 * against the database, or as having problems; nothing is written. Rows can be
 * edited and dropped. tz_table_import_commit() then writes every row that is not
 * dropped in one transaction with one line of the import log.
 *
 * Matching: a person by 身份证号 (else by name and phone number when the row
 * has no ID number); an entry by track + entrant + title, or by track + entrant
 * on a track that takes one entry per entrant. An empty cell keeps what is
 * stored. The same ID number twice in one table is a problem on the later row.
 */
#pragma once

#include "tz-db.h"
#include "tz-scores.h"
#include "tz-table-columns.h"

G_BEGIN_DECLS

typedef enum
{
  TZ_TABLE_ROW_NEW,
  TZ_TABLE_ROW_CHANGED,
  TZ_TABLE_ROW_UNCHANGED,
  TZ_TABLE_ROW_PROBLEM,
} TzTableRowStatus;

typedef struct _TzTableImport TzTableImport;

typedef struct
{
  guint added;
  guint changed;
  guint unchanged;
  guint dropped;
} TzTableImportCounts;

/* Reads @path (.xlsx or .csv) for @track_id of @campaign_id. With @campaign_id
 * or @track_id 0 they are read from the hidden sheet of a Taizhang template
 * (TZ_ERROR_INVALID when the file is not one and they are needed; TZ_ERROR_NOT_FOUND
 * when the template's campaign or track is not in the database). A file that
 * cannot be read is TZ_ERROR_PARSE. Problems of the content are not errors: see
 * tz_table_import_get_file_problems() and the rows. */
TzTableImport *tz_table_import_open (TzDb *db, gint64 campaign_id, gint64 track_id,
                                     const char *path, GError **error);
void tz_table_import_free (TzTableImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzTableImport, tz_table_import_free)

gint64 tz_table_import_get_campaign_id (TzTableImport *import);
gint64 tz_table_import_get_track_id (TzTableImport *import);

/* The track's columns; the row values below are indexed by these columns. */
const TzTableLayout *tz_table_import_get_layout (TzTableImport *import);

/* The 0-based column of the file that column @column of the layout was mapped to
 * (-1: not in the file), and its header as written there (*@header may be NULL;
 * NULL when not in the file). */
int tz_table_import_get_source_column (TzTableImport *import, guint column, const char **header);

/* The sheet row of the header (0 when none was found). */
guint tz_table_import_get_header_row (TzTableImport *import);

/* Problems of the file as a whole (row 0, or the header row): no header row, a
 * required column missing, a column given twice. Of TzImportProblem (borrowed). */
GPtrArray *tz_table_import_get_file_problems (TzTableImport *import);

/* Notes that are not problems ("column 籍贯 is not imported"), translated. */
const char *const *tz_table_import_get_notes (TzTableImport *import);

guint tz_table_import_get_n_rows (TzTableImport *import);
/* The row's number in the sheet, as a spreadsheet program shows it. */
guint tz_table_import_get_row_number (TzTableImport *import, guint row);
/* The value of layout column @column of @row as it will be saved (normalised),
 * "" when empty; the value as written when it could not be normalised. */
const char *tz_table_import_get_cell (TzTableImport *import, guint row, guint column);
TzTableRowStatus tz_table_import_get_status (TzTableImport *import, guint row);
/* Of TzImportProblem (borrowed; empty when the row has none). */
GPtrArray *tz_table_import_get_row_problems (TzTableImport *import, guint row);

/* Replaces a cell of @row as the user typed it and checks the row again (and the
 * rows sharing its ID number, for the duplicate rule). */
void tz_table_import_set_cell (TzTableImport *import, guint row, guint column, const char *value);

/* A dropped row is left out of the commit, its problems no longer count. */
void tz_table_import_set_dropped (TzTableImport *import, guint row, gboolean dropped);
gboolean tz_table_import_get_dropped (TzTableImport *import, guint row);

/* The rows of @status, dropped ones left out. */
guint tz_table_import_count (TzTableImport *import, TzTableRowStatus status);

/* Whether anything stops the commit: a file problem or a problem of a row that
 * is not dropped. */
gboolean tz_table_import_has_problems (TzTableImport *import);

/* The file's problems then those of the rows not dropped, as a TzImportResult
 * (problems copied; rows = data rows read, changed = rows new or changed). */
void tz_table_import_get_result (TzTableImport *import, TzImportResult *result);

/* Writes every row not dropped in one transaction with a line of the import log
 * (kind "table"). Refused with TZ_ERROR_INVALID when tz_table_import_has_problems().
 * When the database changed since the preview, rows are checked again first.
 * @counts may be NULL. */
gboolean tz_table_import_commit (TzTableImport *import, TzTableImportCounts *counts,
                                 GError **error);

/* Opens @path and commits it unless @dry_run, for scripts: FALSE with
 * TZ_ERROR_INVALID when @result->problems is not empty (nothing written). */
gboolean tz_table_import_run (TzDb *db, gint64 campaign_id, gint64 track_id, const char *path,
                              gboolean dry_run, TzImportResult *result, TzTableImportCounts *counts,
                              GError **error);

G_END_DECLS
