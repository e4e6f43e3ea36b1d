/* tz-table-columns.c — the columns of a track's fillable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-table-columns"

#include "config.h"

#include "tz-table-columns.h"
