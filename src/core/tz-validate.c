/* tz-validate.c — the input rules, one function per rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule refuses with TZ_ERROR_INVALID and a message that names the field,
 * says what is wrong and what to type instead. Values are echoed only when that
 * helps (a date, a count), never an ID or phone number, and always shortened
 * and made valid UTF-8 first, so a pasted paragraph or a binary cell cannot
 * flood or break a dialog.
 */
#define G_LOG_DOMAIN "tz-validate"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tz-text.h"
#include "tz-validate.h"

#define EMAIL_MAX_LENGTH        254
#define EMAIL_LOCAL_MAX_LENGTH  64
#define DOMAIN_LABEL_MAX_LENGTH 63
#define MIN_BIRTH_YEAR          1900

/* Strips Unicode white space (including the ideographic space U+3000, which
 * g_strstrip does not know) from both ends of valid UTF-8. */
static char *
strip_unicode (const char *value)
{
  const char *start = value;
  const char *end = value + strlen (value);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static gboolean
is_dash (gunichar c)
{
  /* ASCII hyphen-minus, the Unicode hyphens and dashes, and the minus sign. */
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static void
today_dmy (int *year, int *month, int *day)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_time_get_ymd (now, year, month, day);
}

static gboolean
all_ascii_digits (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }
  return TRUE;
}

static int
digits_value (const char *s, gsize n)
{
  int v = 0;

  for (gsize i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* "YYYY-MM-DD", or "YYYY-MM" when @allow_month is set (then *day is 0).
 * Only the shape is checked here, not the calendar. */
static gboolean
parse_iso (const char *s, gboolean allow_month, int *year, int *month, int *day)
{
  gsize len = strlen (s);

  if (len != 10 && !(allow_month && len == 7))
    return FALSE;
  if (!all_ascii_digits (s, 4) || s[4] != '-' || !all_ascii_digits (s + 5, 2))
    return FALSE;
  if (len == 10 && (s[7] != '-' || !all_ascii_digits (s + 8, 2)))
    return FALSE;

  *year = digits_value (s, 4);
  *month = digits_value (s + 5, 2);
  *day = len == 10 ? digits_value (s + 8, 2) : 0;
  return TRUE;
}

static gboolean
dmy_exists (int year, int month, int day)
{
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         g_date_valid_dmy (day, month, year);
}

char *
tz_fold_fullwidth (const char *value)
{
  GString *out;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (value));
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+FF01…U+FF5E mirror ASCII 0x21…0x7E at a fixed offset. */
      if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (out, (char) (c - 0xFF01 + 0x21));
      else if (c == 0x3000)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
tz_normalize_mobile (const char *value, GError **error)
{
  g_autofree char *folded = NULL;
  g_autoptr (GString) number = NULL;

  if (tz_text_is_blank (value))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Mobile number: the number is empty. Enter the 11 digits of the "
                              "mobile number, such as 13800138000."));
      return NULL;
    }

  folded = tz_fold_fullwidth (value);
  if (folded == NULL)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Mobile number: the number contains characters that cannot be read. "
                              "Type the number again."));
      return NULL;
    }

  /* Separators may sit anywhere: "+86 138-0013-8000", "138 0013 8000". */
  number = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !is_dash (c))
        g_string_append_unichar (number, c);
    }

  if (g_str_has_prefix (number->str, "+86"))
    g_string_erase (number, 0, 3);
  else if (g_str_has_prefix (number->str, "0086"))
    g_string_erase (number, 0, 4);
  else if (number->str[0] == '+' || g_str_has_prefix (number->str, "00"))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Mobile number: only mainland China numbers (+86) are accepted. "
                              "Enter an 11-digit number starting with 13 to 19."));
      return NULL;
    }
  /* A bare 86 is a country code only in front of a full 11-digit number. */
  else if (g_str_has_prefix (number->str, "86") && number->len == 13)
    g_string_erase (number, 0, 2);

  if (!all_ascii_digits (number->str, number->len))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Mobile number: the number contains characters other than digits. "
                              "Enter the 11 digits, such as 13800138000."));
      return NULL;
    }

  if (number->len != 11)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Mobile number: the number has %u digit, but a mobile number has "
                                "11. Check the number.",
                                "Mobile number: the number has %u digits, but a mobile number "
                                "has 11. Check the number.",
                                (guint) number->len),
                   (guint) number->len);
      return NULL;
    }

  if (number->str[0] != '1' || number->str[1] < '3')
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Mobile number: a mobile number starts with 13 to 19, but this one starts "
                      "with %.2s. Check the number."),
                   number->str);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&number), FALSE);
}

gboolean
tz_validate_mobile (const char *value, GError **error)
{
  g_autofree char *number = tz_normalize_mobile (value, error);

  return number != NULL;
}

static gboolean
email_local_char_ok (char c)
{
  /* The atext of RFC 5322 plus the dot; quoted local parts are not worth it. */
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+/=?^_`{|}~.-", c) != NULL;
}

static gboolean
email_domain_ok (const char *domain)
{
  g_auto (GStrv) labels = g_strsplit (domain, ".", -1);
  guint n = g_strv_length (labels);
  const char *tld;

  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (labels[i]);

      if (len == 0 || len > DOMAIN_LABEL_MAX_LENGTH)
        return FALSE;
      if (labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < len; j++)
        {
          if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
            return FALSE;
        }
    }

  /* Top-level domains are letters (com, cn) or an IDN in punycode (xn--fiqs8s). */
  tld = labels[n - 1];
  if (g_str_has_prefix (tld, "xn--"))
    return strlen (tld) > 4;
  if (strlen (tld) < 2)
    return FALSE;
  for (const char *p = tld; *p != '\0'; p++)
    {
      if (!g_ascii_isalpha (*p))
        return FALSE;
    }
  return TRUE;
}

char *
tz_normalize_email (const char *value, GError **error)
{
  g_autofree char *addr = NULL;
  const char *at;
  const char *domain;
  gsize local_len;

  if (tz_text_is_blank (value))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("E-mail: the address is empty. Enter an address such as "
                              "name@example.com."));
      return NULL;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("E-mail: the address contains characters that cannot be read. Type "
                              "the address again."));
      return NULL;
    }

  addr = strip_unicode (value);

  for (const char *p = addr; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                               _ ("E-mail: the address contains a space. Remove it, and enter only "
                                  "one address."));
          return NULL;
        }
      if (c > 0x7F)
        {
          char ch[8] = { 0 };

          /* Mostly ＠ or 。 typed with a Chinese input method switched on. */
          g_unichar_to_utf8 (c, ch);
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("E-mail: “%s” cannot be used in an address. Switch the input method to "
                          "English and type the address again."),
                       ch);
          return NULL;
        }
    }

  if (strlen (addr) > EMAIL_MAX_LENGTH)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("E-mail: the address is longer than %d characters. Check the address."),
                   EMAIL_MAX_LENGTH);
      return NULL;
    }

  at = strchr (addr, '@');
  if (at == NULL)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("E-mail: the address has no @. Enter it as name@example.com."));
      return NULL;
    }
  if (strchr (at + 1, '@') != NULL)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("E-mail: the address has more than one @. Enter a single address "
                              "such as name@example.com."));
      return NULL;
    }

  local_len = at - addr;
  domain = at + 1;

  if (local_len == 0)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("E-mail: the part before @ is missing. Enter the whole address, such "
                              "as name@example.com."));
      return NULL;
    }
  if (local_len > EMAIL_LOCAL_MAX_LENGTH)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("E-mail: the part before @ is longer than %d characters. Check the "
                      "address."),
                   EMAIL_LOCAL_MAX_LENGTH);
      return NULL;
    }
  for (gsize i = 0; i < local_len; i++)
    {
      if (!email_local_char_ok (addr[i]))
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("E-mail: “%c” cannot be used before the @. Check the address."), addr[i]);
          return NULL;
        }
    }
  if (addr[0] == '.' || addr[local_len - 1] == '.' || g_strstr_len (addr, local_len, "..") != NULL)
    {
      g_set_error_literal (
          error, TZ_ERROR, TZ_ERROR_INVALID,
          _ ("E-mail: the part before @ cannot start or end with a dot or have two "
             "dots in a row. Check the address."));
      return NULL;
    }

  if (*domain == '\0')
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("E-mail: the part after @ is missing. Enter the whole address, such "
                              "as name@example.com."));
      return NULL;
    }
  if (strchr (domain, '.') == NULL)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("E-mail: the part after @ needs a dot, as in example.com. Check the "
                              "address."));
      return NULL;
    }
  if (!email_domain_ok (domain))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("E-mail: “%s” after the @ is not a valid domain. Check the address."),
                   domain);
      return NULL;
    }

  return g_steal_pointer (&addr);
}

gboolean
tz_validate_email (const char *value, GError **error)
{
  g_autofree char *addr = tz_normalize_email (value, error);

  return addr != NULL;
}

gboolean
tz_validate_text_length (const char *field, const char *value, guint max_chars, GError **error)
{
  glong n_chars;

  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: the text contains bytes that are not valid UTF-8. Type the text again, "
                      "or save the file as UTF-8 and import it again."),
                   field);
      return FALSE;
    }

  n_chars = g_utf8_strlen (value, -1);
  if (n_chars > (glong) max_chars)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: at most %u character is allowed, and the text has %ld. "
                                "Shorten the text.",
                                "%s: at most %u characters are allowed, and the text has %ld. "
                                "Shorten the text.",
                                max_chars),
                   field, max_chars, n_chars);
      return FALSE;
    }

  return TRUE;
}

gboolean
tz_validate_required (const char *field, const char *value, GError **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: the text contains bytes that are not valid UTF-8. Type the text again, "
                      "or save the file as UTF-8 and import it again."),
                   field);
      return FALSE;
    }
  if (tz_text_is_blank (value))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("%s: this field is required. Fill it in."),
                   field);
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_validate_date (const char *field, const char *value, GDate *out, GError **error)
{
  g_autofree char *text = NULL;
  int year, month, day;

  g_return_val_if_fail (field != NULL, FALSE);

  if (tz_text_is_blank (value) || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: enter a date as YYYY-MM-DD, for example 2024-03-15."), field);
      return FALSE;
    }

  text = strip_unicode (value);
  if (!parse_iso (text, FALSE, &year, &month, &day))
    {
      g_autofree char *shown = tz_text_echo (text);

      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: “%s” is not a date of the form YYYY-MM-DD. Enter it as, for example, "
                      "2024-03-15."),
                   field, shown);
      return FALSE;
    }
  if (!dmy_exists (year, month, day))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: %s is not a day on the calendar. Check the month and the day."), field,
                   text);
      return FALSE;
    }

  if (out != NULL)
    g_date_set_dmy (out, day, month, year);
  return TRUE;
}

gboolean
tz_validate_birth_date (const char *field, const char *value, GError **error)
{
  g_autofree char *text = NULL;
  int year, month, day;
  int ty, tm, td;
  gboolean future;

  g_return_val_if_fail (field != NULL, FALSE);

  if (tz_text_is_blank (value) || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: enter the birth month as YYYY-MM or the birth date as YYYY-MM-DD, for "
                      "example 1985-06."),
                   field);
      return FALSE;
    }

  text = strip_unicode (value);
  if (!parse_iso (text, TRUE, &year, &month, &day))
    {
      g_autofree char *shown = tz_text_echo (text);

      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: “%s” is not of the form YYYY-MM or YYYY-MM-DD. Enter it as, for "
                      "example, 1985-06."),
                   field, shown);
      return FALSE;
    }
  if (day == 0 && !dmy_exists (year, month, 1))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: %s is not a month on the calendar. Check the month."), field, text);
      return FALSE;
    }
  if (day != 0 && !dmy_exists (year, month, day))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: %s is not a day on the calendar. Check the month and the day."), field,
                   text);
      return FALSE;
    }
  if (year < MIN_BIRTH_YEAR)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("%s: %s is before 1900. Check the year."),
                   field, text);
      return FALSE;
    }

  today_dmy (&ty, &tm, &td);
  if (day == 0)
    future = year * 100 + month > ty * 100 + tm;
  else
    future = year * 10000 + month * 100 + day > ty * 10000 + tm * 100 + td;
  if (future)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: %s is in the future. Check the year."), field, text);
      return FALSE;
    }

  return TRUE;
}

gboolean
tz_validate_date_range (const char *start_field, const char *start, const char *end_field,
                        const char *end, GError **error)
{
  GDate start_date, end_date;

  g_return_val_if_fail (start_field != NULL && end_field != NULL, FALSE);

  g_date_clear (&start_date, 1);
  g_date_clear (&end_date, 1);

  if (!tz_validate_date (start_field, start, &start_date, error) ||
      !tz_validate_date (end_field, end, &end_date, error))
    return FALSE;

  if (g_date_compare (&start_date, &end_date) > 0)
    {
      g_autofree char *s = strip_unicode (start);
      g_autofree char *e = strip_unicode (end);

      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: %s is later than %s (%s). Make the start no later than the end."),
                   start_field, s, end_field, e);
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_validate_count_max (const char *field, const char *text, gint64 max, gint64 *out, GError **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *s = NULL;
  g_autofree char *shown = NULL;
  gint64 v = 0;
  gsize len;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (max >= 0, FALSE);

  if (tz_text_is_blank (text))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: enter a whole number of 0 or more, such as 10."), field);
      return FALSE;
    }

  folded = tz_fold_fullwidth (text);
  if (folded == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("%s: the value contains characters that cannot be read. Enter digits only, "
                      "such as 10."),
                   field);
      return FALSE;
    }
  s = strip_unicode (folded);
  shown = tz_text_echo (s);
  len = strlen (s);

  if (!all_ascii_digits (s, len))
    {
      if (s[0] == '-' && len > 1 && all_ascii_digits (s + 1, len - 1))
        g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                     _ ("%s: the number cannot be negative. Enter 0 or more."), field);
      else if (strspn (s, "0123456789.") == len && strchr (s, '.') != NULL &&
               strspn (s, "0123456789") > 0)
        g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                     _ ("%s: %s is not a whole number. Enter a whole number, such as 10."), field,
                     shown);
      else
        g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                     _ ("%s: “%s” is not a number. Enter digits only, such as 10."), field, shown);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      int d = s[i] - '0';

      if (max - d < 0 || v > (max - d) / 10)
        {
          g_autofree char *max_text = g_strdup_printf ("%" PRId64, max);

          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("%s: %s is too large. Enter a number no greater than %s."), field, shown,
                       max_text);
          return FALSE;
        }
      v = v * 10 + d;
    }

  if (out != NULL)
    *out = v;
  return TRUE;
}

gboolean
tz_validate_count (const char *field, const char *text, gint64 *out, GError **error)
{
  return tz_validate_count_max (field, text, G_MAXINT32, out, error);
}

gboolean
tz_validate_gender (const char *value, GError **error)
{
  g_autofree char *text = NULL;

  if (tz_text_is_blank (value))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Gender: the gender is empty. Enter 男 or 女."));
      return FALSE;
    }

  text = g_utf8_validate (value, -1, NULL) ? strip_unicode (value) : g_strdup (value);
  if (strcmp (text, "男") != 0 && strcmp (text, "女") != 0)
    {
      g_autofree char *shown = tz_text_echo (text);

      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Gender: “%s” is not a gender. Enter 男 or 女."), shown);
      return FALSE;
    }
  return TRUE;
}
