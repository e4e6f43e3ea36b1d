/* tz-preferences-window.h — the preferences: database, report fonts, masking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TZ_TYPE_PREFERENCES_WINDOW (tz_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TzPreferencesWindow, tz_preferences_window, TZ, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *tz_preferences_window_new (GtkWindow *parent);

G_END_DECLS
