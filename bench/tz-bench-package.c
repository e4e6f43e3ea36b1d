/* tz-bench-package.c — benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

int
main (void)
{
  printf ("not written yet\n");
  return 0;
}
