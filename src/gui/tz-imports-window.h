/* tz-imports-window.h — the history of imports of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists tz_import_log_list(): when, who, what kind, which file and how many
 * rows were read, added, changed, left unchanged and dropped.
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_IMPORTS_WINDOW (tz_imports_window_get_type ())
G_DECLARE_FINAL_TYPE (TzImportsWindow, tz_imports_window, TZ, IMPORTS_WINDOW, AdwWindow)

/* The imports of @campaign_id (0: every import of the database). */
TzImportsWindow *tz_imports_window_new (GtkWindow *parent, TzDb *db, gint64 campaign_id);

/* Reads the history again (it also follows the database's changes). */
void tz_imports_window_reload (TzImportsWindow *self);
/* The imports listed. */
guint tz_imports_window_get_n_imports (TzImportsWindow *self);
/* The texts of the cells of import @index (newest first), one per column,
 * NULL-terminated; for tests and screen readers. */
char **tz_imports_window_get_row_texts (TzImportsWindow *self, guint index);

/* A UTC time (ISO 8601) in local time as people read it: the date as
 * tz_format_date() writes it, then hours and minutes. */
char *tz_gui_format_time (const char *iso_utc);

G_END_DECLS
