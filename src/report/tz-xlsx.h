/* tz-xlsx.h — helpers for the xlsx reports (libxlsxwriter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* The column width (in Excel's units of one digit) that shows @text whole:
 * a CJK character takes about two digits. */
double tz_xlsx_text_width (const char *text);

/* Turns a libxlsxwriter error into a GError naming the file (an error
 * already set, such as tz_report_create_output()'s, is kept). */
gboolean tz_xlsx_check (lxw_error status, const char *path, GError **error);

G_END_DECLS
