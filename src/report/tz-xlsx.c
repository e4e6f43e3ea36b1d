/* tz-xlsx.c — helpers for the xlsx reports (libxlsxwriter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-xlsx"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-error.h"
#include "tz-xlsx.h"

double
tz_xlsx_text_width (const char *text)
{
  double width = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.1 : 1.1;
    }
  return width + 2;
}

gboolean
tz_xlsx_check (lxw_error status, const char *path, GError **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, _ ("The spreadsheet “%s” cannot be written: %s."),
               path, lxw_strerror (status));
  return FALSE;
}
