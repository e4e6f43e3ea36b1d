/* tz-resident-id.h — the 18-character resident identity number (GB 11643-1999)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Upper-cases a trailing x, folds full-width characters (１２３Ｘ) to ASCII and
 * strips surrounding white space. Newly allocated; NULL for NULL. Store this
 * form: tz_validate_resident_id() accepts the raw value too. */
char *tz_resident_id_normalize (const char *value);

/* The ISO 7064 MOD 11-2 check character ('0'…'9' or 'X') of the first 17 digits;
 * '\0' when they are not 17 digits. */
char tz_resident_id_check_char (const char *first17);

/* Checks length, digits, the check character, a real birth date (not in the future,
 * not before 1900) and, when given, that @gender ("男"/"女") matches the sequence
 * code's parity and that @birth ("YYYY-MM" or "YYYY-MM-DD") matches the birth date. */
gboolean tz_validate_resident_id (const char *value, const char *gender, const char *birth,
                                  GError **error);

/* Birth date "YYYY-MM-DD" (newly allocated) and gender ("男"/"女", static) of a
 * valid number; NULL on an invalid one. */
char *tz_resident_id_birth_date (const char *value);
const char *tz_resident_id_gender (const char *value);

G_END_DECLS
