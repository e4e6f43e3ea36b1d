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

/* Mainland mobile number: strips +86 / 0086, spaces and dashes, then needs
 * 1[3-9] followed by 9 digits. Returns the 11 digits, or NULL with @error. */
char *tz_normalize_mobile (const char *value, GError **error);
gboolean tz_validate_mobile (const char *value, GError **error);

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
gboolean tz_validate_date_range (const char *start_field, const char *start,
                                 const char *end_field, const char *end, GError **error);

/* A count (quota, participants): digits only, 0 … G_MAXINT32. */
gboolean tz_validate_count (const char *field, const char *text, gint64 *out, GError **error);

gboolean tz_validate_gender (const char *value, GError **error);

G_END_DECLS
