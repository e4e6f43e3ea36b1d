/* tz-application.h — the application: command line, app actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TZ_TYPE_APPLICATION (tz_application_get_type ())
G_DECLARE_FINAL_TYPE (TzApplication, tz_application, TZ, APPLICATION, AdwApplication)

TzApplication *tz_application_new (void);

void tz_application_open_database (TzApplication *self, const char *path);

G_END_DECLS
