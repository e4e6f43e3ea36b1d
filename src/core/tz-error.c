/* tz-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tz-error.h"

/* clang-format off */
G_DEFINE_QUARK (taizhang-error-quark, tz_error)
G_DEFINE_QUARK (taizhang-db-error-quark, tz_db_error)
/* clang-format on */
