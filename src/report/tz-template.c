/* tz-template.c — the blank xlsx template of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-template"

#include "config.h"

#include "tz-template.h"
