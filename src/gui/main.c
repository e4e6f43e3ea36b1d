/* main.c — taizhang, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "taizhang"

#include "config.h"

#include "tz-application.h"
#include "tz-i18n.h"
#include "tz-timing.h"

int
main (int argc, char *argv[])
{
  g_autoptr (TzApplication) app = NULL;

  tz_timing_init ();
  /* setlocale, bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR or the build tree's), textdomain */
  tz_i18n_init ();

  app = tz_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
