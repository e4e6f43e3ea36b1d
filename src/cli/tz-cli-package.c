/* tz-cli-package.c — package export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-cli.h"

int
tz_cli_package_export (TzCli *cli, int argc, char **argv)
{
  (void) cli;
  (void) argc;
  (void) argv;
  return tz_cli_usage ("tz_cli_package_export", "%s", "not yet");
}

int
tz_cli_package_import (TzCli *cli, int argc, char **argv)
{
  (void) cli;
  (void) argc;
  (void) argv;
  return tz_cli_usage ("tz_cli_package_import", "%s", "not yet");
}
