/* tz-i18n.c — one place that sets up translations for the GUI and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "tz-i18n.h"

void
tz_i18n_init (void)
{
  g_autofree char *installed =
      g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  const char *dir = g_getenv ("TAIZHANG_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Run from the build tree (tests, the README's start command), the compiled
   * catalogues sit in build/po with the same layout as an installed tree. */
  if (dir == NULL || *dir == '\0')
    dir = g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static char *
fill_template (const char *template, int y, int m, int d)
{
  g_autofree char *ys = g_strdup_printf ("%d", y);
  g_autofree char *ms = g_strdup_printf ("%d", m);
  g_autofree char *ds = g_strdup_printf ("%d", d);
  GString *s = g_string_new (template);

  g_string_replace (s, "{year}", ys, 0);
  g_string_replace (s, "{month}", ms, 0);
  g_string_replace (s, "{day}", ds, 0);
  return g_string_free (s, FALSE);
}

char *
tz_format_date (const char *iso_date)
{
  int y = 0, m = 0, d = 0;
  int n;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  n = sscanf (iso_date, "%d-%d-%d", &y, &m, &d);
  if (n < 2 || m < 1 || m > 12)
    return g_strdup (iso_date);
  if (n == 2)
    /* TRANSLATORS: a year and month; keep {year} and {month}. Chinese: {year}年{month}月 */
    return fill_template (_ ("{month}/{year}"), y, m, 0);
  /* TRANSLATORS: a date; keep the braces. GB/T 9704 writes 2023年1月5日: {year}年{month}月{day}日 */
  return fill_template (_ ("{day}/{month}/{year}"), y, m, d);
}
