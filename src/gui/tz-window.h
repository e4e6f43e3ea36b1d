/* tz-window.h — the main window: the campaigns of one database and their pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_TYPE_WINDOW (tz_window_get_type ())
G_DECLARE_FINAL_TYPE (TzWindow, tz_window, TZ, WINDOW, AdwApplicationWindow)

TzWindow *tz_window_new (GtkApplication *application);

gboolean tz_window_open_database (TzWindow *self, const char *path);
TzDb *tz_window_get_database (TzWindow *self);

gboolean tz_window_import_file (TzWindow *self, GFile *file);

/* The campaign the pages show, 0 for none. */
gint64 tz_window_get_campaign_id (TzWindow *self);

/* Shows a page of the campaign by name: overview, quotas, activities, people,
 * entries, units, judging or reports (Alt+1 … Alt+8). */
void tz_window_show_page (TzWindow *self, const char *name);

/* The file: URI of the guide for clerks (index.html): TAIZHANG_GUIDE_DIR, the
 * installed guide, or the source tree's when run from the build; NULL when
 * none is found. */
char *tz_window_guide_uri (void);

G_END_DECLS
