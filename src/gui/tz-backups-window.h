/* tz-backups-window.h — the backups of the database: back up now, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_BACKUPS_WINDOW (tz_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (TzBackupsWindow, tz_backups_window, TZ, BACKUPS_WINDOW, AdwWindow)

TzBackupsWindow *tz_backups_window_new (GtkWindow *parent, TzDb *db);

/* Reads the backups folder again. */
void tz_backups_window_reload (TzBackupsWindow *self);
guint tz_backups_window_get_n_backups (TzBackupsWindow *self);

/* "Back Up Now", as the button does it; FALSE after showing the error. */
gboolean tz_backups_window_back_up_now (TzBackupsWindow *self);

/* Asks, then restores @path (the Restore buttons and "Restore from File…"
 * call this); the question is an AdwMessageDialog whose "restore" response
 * restores. Returns the dialog (owned by the window), NULL when the file
 * cannot be read as a backup (an error dialog is shown instead). */
AdwMessageDialog *tz_backups_window_ask_restore (TzBackupsWindow *self, const char *path);

/* How people read a backup's kind (daily, before-import, …). */
const char *tz_backup_kind_label (const char *kind);

G_END_DECLS
