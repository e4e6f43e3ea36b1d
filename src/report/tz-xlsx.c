/* tz-xlsx.c — helpers for the xlsx reports (libxlsxwriter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "tz-error.h"
#include "tz-report.h"
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
  /* The output file could not even be created: that error stands. */
  if (error != NULL && *error != NULL)
    return FALSE;
  g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, _ ("The spreadsheet “%s” cannot be written: %s."),
               path, lxw_strerror (status));
  return FALSE;
}

gboolean
tz_report_create_output (const char *path, GError **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _ ("“%s” cannot be written: %s."), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}
