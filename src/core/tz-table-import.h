/* tz-table-import.h — importing a filled table of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

G_END_DECLS
