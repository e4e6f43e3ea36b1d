/* tz-import-dialog.h — the preview of a filled table before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog shows a TzTableImport (tz-table-import.h): the campaign and track,
 * the counts, every row as it will be saved with its problems marked, and the
 * problems as a list. Cells are fixed in place, rows dropped; nothing is
 * written until the user presses Import. The few helpers below are shared by
 * the pages and the window for the exchange between units.
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"
#include "tz-table-import.h"

G_BEGIN_DECLS

#define TZ_TYPE_IMPORT_DIALOG (tz_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TzImportDialog, tz_import_dialog, TZ, IMPORT_DIALOG, AdwWindow)

/* Reads @path for the preview. A Taizhang template names its campaign and
 * track; any other table is read for @track_id of @campaign_id (0: the
 * campaign's first track) and the dialog offers the campaign's tracks. NULL
 * with @error when the file cannot be read at all. @owner is the widget the
 * dialog belongs to: its window is the dialog's parent and the toast overlay
 * around it shows the result. */
TzImportDialog *tz_import_dialog_new (GtkWidget *owner, TzDb *db, gint64 campaign_id,
                                      gint64 track_id, const char *path, GError **error);

/* The preview shown (owned by the dialog; replaced when the track changes). */
TzTableImport *tz_import_dialog_get_import (TzImportDialog *self);
/* Whether the file is a Taizhang template (then the track is not offered). */
gboolean tz_import_dialog_is_template (TzImportDialog *self);
/* Reads the file again for another track of the campaign, as the drop-down does. */
gboolean tz_import_dialog_set_track (TzImportDialog *self, gint64 track_id, GError **error);

/* What the cells, check buttons and problem list do. */
void tz_import_dialog_edit_cell (TzImportDialog *self, guint row, guint column, const char *value);
void tz_import_dialog_set_dropped (TzImportDialog *self, guint row, gboolean dropped);
/* The problems listed under the table ("row N, column: message"), and
 * activating one: its row is selected. */
guint tz_import_dialog_get_n_listed_problems (TzImportDialog *self);
const char *tz_import_dialog_get_listed_problem (TzImportDialog *self, guint index);
void tz_import_dialog_activate_problem (TzImportDialog *self, guint index);
/* The row selected in the table, or -1. */
int tz_import_dialog_get_selected_row (TzImportDialog *self);
/* Whether the cell shows a problem (the "error" style and the message as tooltip). */
gboolean tz_import_dialog_cell_has_problem (TzImportDialog *self, guint row, guint column);
/* The text the cell shows (ID and mobile numbers masked unless asked for). */
char *tz_import_dialog_get_cell_text (TzImportDialog *self, guint row, guint column);

/* Whether the Import button can be pressed, and pressing it: the rows are
 * committed, a toast says how many, and the dialog closes. A failure is shown
 * in a message dialog and the dialog stays. */
gboolean tz_import_dialog_can_import (TzImportDialog *self);
gboolean tz_import_dialog_import (TzImportDialog *self);

/* Choose a table (.xlsx, .csv) and preview it; @track_id as above. */
void tz_import_dialog_choose_file (GtkWidget *owner, TzDb *db, gint64 campaign_id, gint64 track_id);
/* Opens the preview of @file, or shows why it cannot be read. Returns the
 * dialog or the message dialog shown (transfer none). */
GtkWindow *tz_import_dialog_open_file (GtkWidget *owner, TzDb *db, gint64 campaign_id,
                                       gint64 track_id, GFile *file);

/* The blank template of a track: asks for the track when the campaign has
 * several and @track_id is 0, then for the file, and writes it. */
void tz_template_save_interactive (GtkWidget *owner, TzDb *db, gint64 campaign_id, gint64 track_id);

/* Shared by the exchange dialogs and pages. */
/* The session's "show full numbers" of ID and mobile numbers (not saved). */
gboolean tz_gui_get_show_full_numbers (void);
void tz_gui_set_show_full_numbers (gboolean show);
/* Whether lists mask ID and mobile numbers now (the setting and the session's choice). */
gboolean tz_gui_masking (void);
/* A toast in the overlay around @owner; @title is plain text. */
void tz_gui_toast (GtkWidget *owner, const char *title);
/* A message dialog over @owner's window with the error's message. */
GtkWindow *tz_gui_show_error (GtkWidget *owner, const char *heading, const GError *error);

/* The local path of @file; a file that is not on this computer (an URI
 * without a path) is refused with a message that says to copy it first. */
char *tz_gui_local_path (GFile *file, GError **error);

/* What a file chooser of the exchange was opened for: the widget that asked
 * (weak), the database, the campaign and a track or unit (0: none). Freed
 * with the chooser's response handler (a GClosureNotify). */
typedef struct
{
  GtkWidget *owner;
  TzDb *db;
  gint64 campaign_id;
  gint64 id;
} TzGuiFileRequest;

TzGuiFileRequest *tz_gui_file_request_new (GtkWidget *owner, TzDb *db, gint64 campaign_id,
                                           gint64 id);
void tz_gui_file_request_free (gpointer request, GClosure *closure);
/* @owner's window, or NULL. */
GtkWindow *tz_gui_owner_window (GtkWidget *owner);

G_END_DECLS
