/* main.c — taizhang-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tz-cli.h"

int
main (int argc, char **argv)
{
  return tz_cli_main (argc, argv);
}
