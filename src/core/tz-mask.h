/* tz-mask.h — masking personal data in lists and printed tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 13800138000 → 138****8000: the first 3 and the last 4 digits stay. */
char *tz_mask_phone (const char *phone);

/* 11010519491231002X → 110105********002X: the first 6 and the last 4 stay. */
char *tz_mask_id_number (const char *id_number);

G_END_DECLS
