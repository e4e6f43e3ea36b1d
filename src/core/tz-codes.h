/* tz-codes.h — national code lists kept as data (the TSV files in data/codes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 民族 after GB/T 3304-1991 (the 56 nationalities, codes 01–56);
 * 政治面貌 after GB/T 4762-1984 (codes 01–13), with the short forms that
 * forms print (中共党员, 共青团员, 群众 …).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code; /* "01" */
  const char *name; /* the name a form prints: 汉族, 中共党员 */
  const char *full; /* the full standard name: 中国共产党党员 (same as name for 民族) */
} TzCode;

/* The lists in code order, loaded once from the resource; never freed. */
const TzCode *tz_codes_ethnicities (guint *n_codes);
const TzCode *tz_codes_political_statuses (guint *n_codes);

/* Finds a value by its printed name, its full name or its code ("01", or "1"
 * as a spreadsheet may have stored it); for 民族 also without the trailing 族
 * (汉 → 汉族). Surrounding white space and full-width digits are accepted.
 * NULL when unknown. */
const TzCode *tz_codes_find_ethnicity (const char *value);
const TzCode *tz_codes_find_political_status (const char *value);

/* Validation rules on top of the lists (TZ_ERROR_INVALID naming the field). */
gboolean tz_validate_ethnicity (const char *value, GError **error);
gboolean tz_validate_political_status (const char *value, GError **error);

G_END_DECLS
