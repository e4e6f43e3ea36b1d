/* tz-resident-id.c — the 18-character resident identity number (GB 11643-1999)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout: 6 digits of address code, 8 digits of birth date (YYYYMMDD),
 * 3 digits of sequence code (odd for men, even for women) and one check
 * character computed with ISO 7064 MOD 11-2, where 10 is written X.
 *
 * Messages never repeat the whole number: it is personal data, and the user
 * has it in front of them anyway.
 */
#define G_LOG_DOMAIN "tz-resident-id"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tz-error.h"
#include "tz-resident-id.h"
#include "tz-validate.h"

#define ID_LENGTH 18

static const int check_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_map[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

static int
digits_value (const char *s, guint n)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* The birth date inside a normalised number whose first 17 characters are
 * digits; FALSE when it is not a date on the calendar. */
static gboolean
id_birth_dmy (const char *id, int *year, int *month, int *day)
{
  *year = digits_value (id + 6, 4);
  *month = digits_value (id + 10, 2);
  *day = digits_value (id + 12, 2);

  return *year >= 1 && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31 &&
         g_date_valid_dmy (*day, *month, *year);
}

static void
today_dmy (int *year, int *month, int *day)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_time_get_ymd (now, year, month, day);
}

/* Length, digits, birth date and check character, in the order a clerk would
 * look for the mistake: an impossible date is reported before the check digit,
 * since a typing error in the date also breaks the check digit. */
static gboolean
validate_normalized (const char *id, GError **error)
{
  glong n_chars;
  int year, month, day;
  int ty, tm, td;
  char expected;

  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("ID number: the number is empty. Enter the 18 characters printed "
                              "on the ID card."));
      return FALSE;
    }

  if (!g_utf8_validate (id, -1, NULL))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("ID number: the number contains characters that cannot be read. "
                              "Type the number again."));
      return FALSE;
    }

  n_chars = g_utf8_strlen (id, -1);
  if (n_chars == 15 && strspn (id, "0123456789") == 15)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("ID number: this is an old 15-digit number. Enter the 18-character "
                              "number of the current ID card."));
      return FALSE;
    }
  if (n_chars != ID_LENGTH)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "ID number: the number has %ld character, but it must have 18. "
                                "Check the number against the ID card.",
                                "ID number: the number has %ld characters, but it must have 18. "
                                "Check the number against the ID card.",
                                n_chars),
                   n_chars);
      return FALSE;
    }

  /* 18 characters; any non-ASCII one shows up here as a non-digit. */
  for (guint i = 0; i < ID_LENGTH - 1; i++)
    {
      if (!g_ascii_isdigit (id[i]))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("ID number: character %u is not a digit. Only the last character may "
                          "be X; check the number against the ID card."),
                       i + 1);
          return FALSE;
        }
    }
  if (!g_ascii_isdigit (id[ID_LENGTH - 1]) && id[ID_LENGTH - 1] != 'X')
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("ID number: the last character must be a digit or X. Check the "
                              "number against the ID card."));
      return FALSE;
    }

  if (!id_birth_dmy (id, &year, &month, &day))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("ID number: the birth date in the number (%.4s-%.2s-%.2s) does not exist. "
                      "Check digits 7 to 14 against the ID card."),
                   id + 6, id + 10, id + 12);
      return FALSE;
    }
  if (year < 1900)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("ID number: the birth date in the number (%04d-%02d-%02d) is before 1900. "
                      "Check digits 7 to 14 against the ID card."),
                   year, month, day);
      return FALSE;
    }
  today_dmy (&ty, &tm, &td);
  if (year * 10000 + month * 100 + day > ty * 10000 + tm * 100 + td)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("ID number: the birth date in the number (%04d-%02d-%02d) is in the "
                      "future. Check digits 7 to 14 against the ID card."),
                   year, month, day);
      return FALSE;
    }

  expected = tz_resident_id_check_char (id);
  if (expected != id[ID_LENGTH - 1])
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("ID number: the check digit should be %c, not %c. Check the number "
                      "against the ID card."),
                   expected, id[ID_LENGTH - 1]);
      return FALSE;
    }

  return TRUE;
}

char *
tz_resident_id_normalize (const char *value)
{
  g_autofree char *folded = NULL;
  char *result;
  gsize len;

  if (value == NULL)
    return NULL;

  /* Chinese input methods easily produce full-width digits (１２３) and Ｘ. */
  folded = tz_fold_fullwidth (value);
  result = g_strstrip (g_strdup (folded != NULL ? folded : value));
  len = strlen (result);
  if (len > 0 && result[len - 1] == 'x')
    result[len - 1] = 'X';
  return result;
}

char
tz_resident_id_check_char (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < ID_LENGTH - 1; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (first17[i] - '0') * check_weights[i];
    }
  return check_map[sum % 11];
}

gboolean
tz_validate_resident_id (const char *value, const char *gender, const char *birth, GError **error)
{
  g_autofree char *id = tz_resident_id_normalize (value);
  int year, month, day;
  const char *id_gender;

  if (!validate_normalized (id, error))
    return FALSE;

  id_birth_dmy (id, &year, &month, &day);
  id_gender = ((id[16] - '0') % 2 == 1) ? "男" : "女";

  if (gender != NULL && *gender != '\0')
    {
      const char *g;

      if (!tz_validate_gender (gender, error))
        return FALSE;
      /* Valid: 男 or 女, give or take white space around it. */
      g = strstr (gender, "男") != NULL ? "男" : "女";
      if (strcmp (g, id_gender) != 0)
        {
          if (strcmp (id_gender, "男") == 0)
            g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                         _ ("ID number: digit 17 is odd, which means 男, but the gender given is "
                            "%s. Correct the ID number or the gender."),
                         g);
          else
            g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                         _ ("ID number: digit 17 is even, which means 女, but the gender given is "
                            "%s. Correct the ID number or the gender."),
                         g);
          return FALSE;
        }
    }

  if (birth != NULL && *birth != '\0')
    {
      g_autofree char *id_birth = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      g_autofree char *b = NULL;
      const char *start;

      if (!tz_validate_birth_date (_ ("Date of birth"), birth, error))
        return FALSE;
      /* Valid: YYYY-MM or YYYY-MM-DD, give or take white space around it. */
      start = birth + strcspn (birth, "0123456789");
      b = g_strndup (start, strspn (start, "0123456789-"));
      /* "YYYY-MM" compares with the first 7 characters, "YYYY-MM-DD" with all. */
      if (strncmp (b, id_birth, strlen (b)) != 0)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("ID number: the number gives the birth date %s, but the birth date "
                          "given is %s. Correct the ID number or the birth date."),
                       id_birth, b);
          return FALSE;
        }
    }

  return TRUE;
}

char *
tz_resident_id_birth_date (const char *value)
{
  g_autofree char *id = tz_resident_id_normalize (value);
  int year, month, day;

  if (!validate_normalized (id, NULL))
    return NULL;
  id_birth_dmy (id, &year, &month, &day);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

const char *
tz_resident_id_gender (const char *value)
{
  g_autofree char *id = tz_resident_id_normalize (value);

  if (!validate_normalized (id, NULL))
    return NULL;
  return ((id[16] - '0') % 2 == 1) ? "男" : "女";
}
