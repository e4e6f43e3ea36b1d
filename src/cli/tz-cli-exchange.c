/* tz-cli-exchange.c — template and import table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-cli.h"

int
tz_cli_template (TzCli *cli, int argc, char **argv)
{
  (void) cli;
  (void) argc;
  (void) argv;
  return tz_cli_usage ("tz_cli_template", "%s", "not yet");
}

int
tz_cli_import_table (TzCli *cli, int argc, char **argv)
{
  (void) cli;
  (void) argc;
  (void) argv;
  return tz_cli_usage ("tz_cli_import_table", "%s", "not yet");
}
