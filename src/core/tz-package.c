/* tz-package.c — entry packages between units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-package"

#include "config.h"

#include "tz-package.h"
