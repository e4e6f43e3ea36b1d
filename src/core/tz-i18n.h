/* tz-i18n.h — one place that sets up translations for the GUI and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the "taizhang" domain: to the
 * installed catalogues, or to the build tree's when run uninstalled. */
void tz_i18n_init (void);

/* A date "YYYY-MM-DD" (or "YYYY-MM") as people read it: 2023年1月5日 in Chinese,
 * 5 January 2023 otherwise; an empty string for NULL. */
char *tz_format_date (const char *iso_date);

G_END_DECLS
