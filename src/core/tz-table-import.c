/* tz-table-import.c — importing a filled table of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-table-import"

#include "config.h"

#include "tz-table-import.h"
