/* tz-validate.h — the input rules, one function per rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every function returns FALSE and sets a TZ_ERROR_INVALID error whose message
 * is translated, names the field, says what is wrong and what to type instead.
 * Functions taking @field use it, already translated, as the field's name.
 */
#pragma once

#include <glib.h>

#include "tz-error.h"
#include "tz-resident-id.h"

G_BEGIN_DECLS

/* Full-width ASCII (１２３, Ｘ, ＠, the ideographic space) folded to ASCII, as
 * Chinese input methods type it. Newly allocated; NULL for invalid UTF-8. */
char *tz_fold_fullwidth (const char *value);

/* Mainland mobile number: strips +86 / 0086 / 86, spaces and dashes (full-width
 * digits are folded), then needs 1[3-9] followed by 9 digits. Returns the 11
 * digits, newly allocated, or NULL with @error. */
char *tz_normalize_mobile (const char *value, GError **error);
gboolean tz_validate_mobile (const char *value, GError **error);

/* A pragmatic check: local@domain.tld in ASCII, one @, no spaces, sane labels.
 * Surrounding white space is accepted; tz_normalize_email() returns the address
 * without it (newly allocated), or NULL with @error. */
char *tz_normalize_email (const char *value, GError **error);
gboolean tz_validate_email (const char *value, GError **error);

/* Limits count Unicode characters, not bytes; @value must be valid UTF-8. */
gboolean tz_validate_text_length (const char *field, const char *value, guint max_chars,
                                  GError **error);
/* A required field: not NULL, not only white space. */
gboolean tz_validate_required (const char *field, const char *value, GError **error);

/* ISO dates YYYY-MM-DD that exist on the calendar (2023-02-29 does not). */
gboolean tz_validate_date (const char *field, const char *value, GDate *out, GError **error);
/* Birth month: YYYY-MM or YYYY-MM-DD, not in the future, not before 1900. */
gboolean tz_validate_birth_date (const char *field, const char *value, GError **error);
/* Both dates valid and start <= end. */
gboolean tz_validate_date_range (const char *start_field, const char *start, const char *end_field,
                                 const char *end, GError **error);

/* A count (quota, participants): digits only (surrounding white space and
 * full-width digits accepted), 0 … G_MAXINT32. @out may be NULL. */
gboolean tz_validate_count (const char *field, const char *text, gint64 *out, GError **error);
/* The same with another upper bound (0 … @max, @max >= 0). */
gboolean tz_validate_count_max (const char *field, const char *text, gint64 max, gint64 *out,
                                GError **error);

/* 男 or 女 (surrounding white space accepted). */
gboolean tz_validate_gender (const char *value, GError **error);

G_END_DECLS
