/* tz-package.h — entry packages between units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

G_END_DECLS
