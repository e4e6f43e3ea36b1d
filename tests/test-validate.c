/* test-validate.c — the input rules: resident ID, mobile, e-mail, texts, dates, counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule has a table of values it must accept and a table it must refuse;
 * a refusal must be TZ_ERROR_INVALID and its message must name the field.
 */
#include <string.h>

#include "tz-resident-id.h"
#include "tz-test-common.h"
#include "tz-validate.h"

/* Input as it can go into the TAP log, which must stay valid UTF-8. */
static char *
shown (const char *input)
{
  if (input == NULL)
    return g_strdup ("(null)");
  if (!g_utf8_validate (input, -1, NULL))
    return g_strescape (input, NULL);
  return g_strdup (input);
}

/* Asserts a refusal: the right error, a message naming @field and, when
 * given, containing @hint (what the message says is wrong). */
static void
assert_refused (gboolean ok, GError **error, const char *input, const char *field, const char *hint)
{
  g_autofree char *text = shown (input);

  g_test_message ("input: “%s”", text);
  g_assert_false (ok);
  g_assert_error (*error, TZ_ERROR, TZ_ERROR_INVALID);
  g_test_message ("message: %s", (*error)->message);
  g_assert_true (g_utf8_validate ((*error)->message, -1, NULL));
  g_assert_true (strstr ((*error)->message, field) != NULL);
  if (hint != NULL)
    g_assert_true (strstr ((*error)->message, hint) != NULL);
  g_clear_error (error);
}

static void
assert_accepted (gboolean ok, GError **error, const char *input)
{
  g_autofree char *text = shown (input);

  g_test_message ("input: “%s”", text);
  g_assert_no_error (*error);
  g_assert_true (ok);
}

/* The check character computed here independently of the code under test. */
static char
reference_check_char (const char *first17)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return "10X98765432"[sum % 11];
}

/* A number with a correct check character: 6 address digits, a birth date,
 * a 3-digit sequence code. */
static char *
make_id (const char *area, int year, int month, int day, const char *seq)
{
  g_autofree char *first17 = g_strdup_printf ("%s%04d%02d%02d%s", area, year, month, day, seq);

  g_assert_cmpuint (strlen (first17), ==, 17);
  return g_strdup_printf ("%s%c", first17, reference_check_char (first17));
}

static void
today_dmy (int *year, int *month, int *day)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_time_get_ymd (now, year, month, day);
}

/* ---- resident ID ---------------------------------------------------------------- */

static void
test_resident_id_valid (void)
{
  static const struct
  {
    const char *id;
    const char *gender;
    const char *birth;
    const char *birth_date;
    const char *id_gender;
  } cases[] = {
    { "11010519491231002X", NULL, NULL, "1949-12-31", "女" },
    { "11010519491231002x", NULL, NULL, "1949-12-31", "女" },
    { "  11010519491231002X\t", NULL, NULL, "1949-12-31", "女" },
    { "11010519491231002X", "女", NULL, "1949-12-31", "女" },
    { "11010519491231002X", "女", "1949-12", "1949-12-31", "女" },
    { "11010519491231002X", " 女 ", "1949-12-31", "1949-12-31", "女" },
    { "11010519491231002X", "", "", "1949-12-31", "女" },
    { "11010519491231002X", "女\u00a0", "\u30001949-12\u3000", "1949-12-31", "女" },
    /* Full-width digits and Ｘ, as a Chinese input method types them. */
    { "１１０１０５１９４９１２３１００２Ｘ", NULL, NULL, "1949-12-31", "女" },
    /* Known numbers with a correct check digit (leap day, 1900, a man). */
    { "110105200002290013", "男", "2000-02-29", "2000-02-29", "男" },
    { "11010519000101001X", "男", "1900-01", "1900-01-01", "男" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *birth = NULL;
      gboolean ok = tz_validate_resident_id (cases[i].id, cases[i].gender, cases[i].birth, &error);

      assert_accepted (ok, &error, cases[i].id);
      birth = tz_resident_id_birth_date (cases[i].id);
      g_assert_cmpstr (birth, ==, cases[i].birth_date);
      g_assert_cmpstr (tz_resident_id_gender (cases[i].id), ==, cases[i].id_gender);
    }
}

/* Numbers built around today's date: born today is fine, tomorrow is not. */
static void
test_resident_id_dates (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr (GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *today_id =
      make_id ("110105", g_date_time_get_year (now), g_date_time_get_month (now),
               g_date_time_get_day_of_month (now), "003");
  g_autofree char *tomorrow_id =
      make_id ("110105", g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
               g_date_time_get_day_of_month (tomorrow), "003");
  g_autofree char *next_year_id = make_id ("110105", g_date_time_get_year (next_year), 1, 1, "003");
  g_autofree char *id_1899 = make_id ("110105", 1899, 12, 31, "001");
  g_autofree char *id_1900 = make_id ("110105", 1900, 1, 1, "001");
  g_autofree char *feb29_2023 = make_id ("110105", 2023, 2, 29, "001");
  g_autofree char *feb29_1900 = make_id ("110105", 1900, 2, 29, "001");
  g_autofree char *feb29_2024 = make_id ("110105", 2024, 2, 29, "001");
  g_autofree char *apr31 = make_id ("110105", 1990, 4, 31, "001");
  g_autofree char *day00 = make_id ("110105", 1990, 4, 0, "001");

  assert_accepted (tz_validate_resident_id (today_id, NULL, NULL, &error), &error, today_id);
  assert_accepted (tz_validate_resident_id (id_1900, NULL, NULL, &error), &error, id_1900);
  assert_accepted (tz_validate_resident_id (feb29_2024, NULL, NULL, &error), &error, feb29_2024);

  assert_refused (tz_validate_resident_id (tomorrow_id, NULL, NULL, &error), &error, tomorrow_id,
                  "ID number", "future");
  assert_refused (tz_validate_resident_id (next_year_id, NULL, NULL, &error), &error, next_year_id,
                  "ID number", "future");
  assert_refused (tz_validate_resident_id (id_1899, NULL, NULL, &error), &error, id_1899,
                  "ID number", "before 1900");
  assert_refused (tz_validate_resident_id (feb29_2023, NULL, NULL, &error), &error, feb29_2023,
                  "ID number", "2023-02-29");
  assert_refused (tz_validate_resident_id (feb29_1900, NULL, NULL, &error), &error, feb29_1900,
                  "ID number", "does not exist");
  assert_refused (tz_validate_resident_id (apr31, NULL, NULL, &error), &error, apr31, "ID number",
                  "does not exist");
  assert_refused (tz_validate_resident_id (day00, NULL, NULL, &error), &error, day00, "ID number",
                  "does not exist");

  g_assert_null (tz_resident_id_birth_date (tomorrow_id));
  g_assert_null (tz_resident_id_gender (id_1899));
}

static void
test_resident_id_invalid (void)
{
  static const struct
  {
    const char *id;
    const char *gender;
    const char *birth;
    const char *field;
    const char *hint;
  } cases[] = {
    /* The known cases. */
    { "110105194912310021", NULL, NULL, "ID number", "check digit should be X, not 1" },
    { "11010519491331002X", NULL, NULL, "ID number", "1949-13-31" },
    /* Length: 17, 19, an old 15-digit number, empty. */
    { "11010519491231002", NULL, NULL, "ID number", "17 characters" },
    { "11010519491231002X1", NULL, NULL, "ID number", "19 characters" },
    { "110105491231002", NULL, NULL, "ID number", "15-digit" },
    { "", NULL, NULL, "ID number", "empty" },
    { "   ", NULL, NULL, "ID number", "empty" },
    { NULL, NULL, NULL, "ID number", "empty" },
    /* Letters and other characters. */
    { "1101051949123100AX", NULL, NULL, "ID number", "character 17" },
    { "X10105194912310021", NULL, NULL, "ID number", "character 1 " },
    { "11010519491231002Y", NULL, NULL, "ID number", "last character" },
    { "110105-19491231002", NULL, NULL, "ID number", "character 7" },
    { "11010519491231002×", NULL, NULL, "ID number", "last character" },
    { "1101051949123100\xff\xfe", NULL, NULL, "ID number", "cannot be read" },
    /* Consistency with the record. */
    { "11010519491231002X", "男", NULL, "ID number", "digit 17 is even" },
    { "110105200002290013", "女", NULL, "ID number", "digit 17 is odd" },
    { "11010519491231002X", NULL, "1950-01", "ID number", "1949-12-31" },
    { "11010519491231002X", NULL, "1949-11", "ID number", "birth date" },
    { "11010519491231002X", NULL, "1949-12-30", "ID number", "birth date" },
    /* A bad record value is reported on its own field. */
    { "11010519491231002X", "F", NULL, "Gender", NULL },
    { "11010519491231002X", NULL, "1949/12", "Date of birth", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok = tz_validate_resident_id (cases[i].id, cases[i].gender, cases[i].birth, &error);

      assert_refused (ok, &error, cases[i].id, cases[i].field, cases[i].hint);
    }
}

static void
test_resident_id_check_char (void)
{
  g_assert_cmpint (tz_resident_id_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (tz_resident_id_check_char ("11010519491331002"), ==, '1');
  g_assert_cmpint (tz_resident_id_check_char ("11010520000229001"), ==, '3');
  g_assert_cmpint (tz_resident_id_check_char ("1101051949123100A"), ==, '\0');
  g_assert_cmpint (tz_resident_id_check_char ("1101"), ==, '\0');

  /* Random numbers against the reference implementation above. */
  for (int n = 0; n < 1000; n++)
    {
      char first17[18];

      for (int i = 0; i < 17; i++)
        first17[i] = (char) ('0' + g_test_rand_int_range (0, 10));
      first17[17] = '\0';
      g_assert_cmpint (tz_resident_id_check_char (first17), ==, reference_check_char (first17));
    }
}

static void
test_resident_id_normalize (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "11010519491231002x", "11010519491231002X" },
    { " 11010519491231002X\n", "11010519491231002X" },
    { "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X" },
    { "110105194912310021", "110105194912310021" },
    { "x1234", "x1234" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = tz_resident_id_normalize (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (tz_resident_id_normalize (NULL));
}

/* ---- mobile ---------------------------------------------------------------------- */

static void
test_mobile_valid (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "13800138000", "13800138000" },
    { "+86 138-0013-8000", "13800138000" },
    { "+8613800138000", "13800138000" },
    { "0086 13800138000", "13800138000" },
    { "0086-138-0013-8000", "13800138000" },
    { "86 138 0013 8000", "13800138000" },
    { "8613800138000", "13800138000" },
    { "138 0013 8000", "13800138000" },
    { "  13800138000\t", "13800138000" },
    { "138–0013–8000", "13800138000" },
    { "１３８００１３８０００", "13800138000" },
    { "＋８６　１３８００１３８０００", "13800138000" },
    { "19912345678", "19912345678" },
    { "14700000000", "14700000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = tz_normalize_mobile (cases[i].in, &error);

      g_test_message ("input: “%s”", cases[i].in);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
      assert_accepted (tz_validate_mobile (cases[i].in, &error), &error, cases[i].in);
    }
}

static void
test_mobile_invalid (void)
{
  static const struct
  {
    const char *in;
    const char *hint;
  } cases[] = {
    { "12800138000", "starts with 12" },
    { "10800138000", "starts with 10" },
    { "11800138000", "starts with 11" },
    { "23800138000", "starts with 23" },
    { "01012345678", "starts with 01" },
    { "+86 12800138000", "starts with 12" },
    { "1380013800", "10 digits" },
    { "138001380001", "12 digits" },
    { "+86 1380013800", "10 digits" },
    { "1", "1 digit," },
    { "1380013800a", "other than digits" },
    { "138.0013.8000", "other than digits" },
    { "(+86)13800138000", "other than digits" },
    { "+1 415 555 0100", "mainland" },
    { "00852 9123 4567", "mainland" },
    { "", "empty" },
    { "  ", "empty" },
    { NULL, "empty" },
    { "1380013800\xff", "cannot be read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = tz_normalize_mobile (cases[i].in, &error);

      g_assert_null (out);
      assert_refused (FALSE, &error, cases[i].in, "Mobile number", cases[i].hint);
      assert_refused (tz_validate_mobile (cases[i].in, &error), &error, cases[i].in,
                      "Mobile number", cases[i].hint);
    }
}

/* ---- e-mail ---------------------------------------------------------------------- */

static void
test_email_valid (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "name@example.com", "name@example.com" },
    { "zhang.san@union.gov.cn", "zhang.san@union.gov.cn" },
    { "12345678@qq.com", "12345678@qq.com" },
    { "li_si+campaign@mail.example.org", "li_si+campaign@mail.example.org" },
    { "Wang-Wu@Example-Bureau.EDU.CN", "Wang-Wu@Example-Bureau.EDU.CN" },
    { "  name@example.com\n", "name@example.com" },
    { "name@example.xn--fiqs8s", "name@example.xn--fiqs8s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = tz_normalize_email (cases[i].in, &error);

      g_test_message ("input: “%s”", cases[i].in);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, cases[i].out);
      assert_accepted (tz_validate_email (cases[i].in, &error), &error, cases[i].in);
    }
}

static void
test_email_invalid (void)
{
  static const struct
  {
    const char *in;
    const char *hint;
  } cases[] = {
    { "", "empty" },
    { NULL, "empty" },
    { "name.example.com", "no @" },
    { "a@b@example.com", "more than one @" },
    { "name@example", "needs a dot" },
    { "name @example.com", "space" },
    { "name@exa mple.com", "space" },
    { "a@example.com b@example.com", "space" },
    { "@example.com", "before @ is missing" },
    { "name@", "after @ is missing" },
    { ".name@example.com", "dot" },
    { "name.@example.com", "dot" },
    { "na..me@example.com", "dot" },
    { "na(me@example.com", "“(”" },
    { "name＠example.com", "input method" },
    { "name@example。com", "input method" },
    { "张三@example.com", "input method" },
    { "name@-example.com", "not a valid domain" },
    { "name@example-.com", "not a valid domain" },
    { "name@example..com", "not a valid domain" },
    { "name@example.com.", "not a valid domain" },
    { "name@example.c", "not a valid domain" },
    { "name@example.123", "not a valid domain" },
    { "name@exa_mple.com", "not a valid domain" },
    { "name@example.com\xff", "cannot be read" },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com",
      "64 characters" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = tz_normalize_email (cases[i].in, &error);

      g_assert_null (out);
      assert_refused (FALSE, &error, cases[i].in, "E-mail", cases[i].hint);
      assert_refused (tz_validate_email (cases[i].in, &error), &error, cases[i].in, "E-mail",
                      cases[i].hint);
    }
}

/* ---- text limits, required fields ------------------------------------------------ */

static char *
repeat (const char *unit, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static void
test_text_length (void)
{
  g_autofree char *zh200 = repeat ("字", 200);
  g_autofree char *zh201 = repeat ("字", 201);
  g_autofree char *ascii200 = repeat ("a", 200);
  g_autofree char *ascii201 = repeat ("a", 201);
  g_autofree char *emoji50 = repeat ("👍", 50);
  g_autofree char *emoji51 = repeat ("👍", 51);
  const struct
  {
    const char *value;
    guint max;
    gboolean ok;
    const char *hint;
  } cases[] = {
    { zh200, 200, TRUE, NULL }, /* 600 bytes, 200 characters */
    { zh201, 200, FALSE, "the text has 201" },
    { ascii200, 200, TRUE, NULL },
    { ascii201, 200, FALSE, "at most 200" },
    { emoji50, 50, TRUE, NULL }, /* 4 bytes each, outside the BMP */
    { emoji51, 50, FALSE, "the text has 51" },
    { "", 0, TRUE, NULL },
    { "a", 0, FALSE, "at most 0" },
    { "a", 1, TRUE, NULL },
    { "ab", 1, FALSE, "at most 1 character is allowed, and the text has 2" },
    { NULL, 10, TRUE, NULL },
    { "abc\xe5\xad", 200, FALSE, "UTF-8" }, /* a character cut in half */
    { "\xc0\xaf", 200, FALSE, "UTF-8" },    /* an overlong '/' */
  };

  g_assert_cmpuint (strlen (zh201), ==, 603);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok = tz_validate_text_length ("Work title", cases[i].value, cases[i].max, &error);

      if (cases[i].ok)
        assert_accepted (ok, &error, cases[i].value);
      else
        assert_refused (ok, &error, cases[i].value, "Work title", cases[i].hint);
    }
}

static void
test_required (void)
{
  static const char *valid[] = { "a", "张三", " 张三 ", "0" };
  static const char *invalid[] = { NULL, "", " ", "\t\n", "　", "\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_accepted (tz_validate_required ("Name", valid[i], &error), &error, valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_refused (tz_validate_required ("Name", invalid[i], &error), &error, invalid[i], "Name",
                      NULL);
    }
}

/* ---- dates ----------------------------------------------------------------------- */

static void
test_date_valid (void)
{
  static const struct
  {
    const char *in;
    int year, month, day;
  } cases[] = {
    { "2024-02-29", 2024, 2, 29 },  { "2000-02-29", 2000, 2, 29 }, { "2023-02-28", 2023, 2, 28 },
    { "2023-12-31", 2023, 12, 31 }, { "2023-01-01", 2023, 1, 1 },  { " 2024-03-15 ", 2024, 3, 15 },
    { "1900-01-01", 1900, 1, 1 },   { "2099-04-30", 2099, 4, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      GDate date;

      g_date_clear (&date, 1);
      assert_accepted (tz_validate_date ("Start date", cases[i].in, &date, &error), &error,
                       cases[i].in);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpint (g_date_get_year (&date), ==, cases[i].year);
      g_assert_cmpint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpint (g_date_get_day (&date), ==, cases[i].day);
      assert_accepted (tz_validate_date ("Start date", cases[i].in, NULL, &error), &error,
                       cases[i].in);
    }
}

static void
test_date_invalid (void)
{
  static const struct
  {
    const char *in;
    const char *hint;
  } cases[] = {
    { "2023-02-29", "not a day on the calendar" },
    { "1900-02-29", "not a day on the calendar" },
    { "2024-02-30", "not a day on the calendar" },
    { "2024-04-31", "not a day on the calendar" },
    { "2024-13-01", "not a day on the calendar" },
    { "2024-00-10", "not a day on the calendar" },
    { "2024-01-00", "not a day on the calendar" },
    { "0000-01-01", "not a day on the calendar" },
    { "2024-1-5", "YYYY-MM-DD" },
    { "2024/01/05", "YYYY-MM-DD" },
    { "20240105", "YYYY-MM-DD" },
    { "2024-01-05x", "YYYY-MM-DD" },
    { "2024-01-05 12:00", "YYYY-MM-DD" },
    { "2024年1月5日", "YYYY-MM-DD" },
    { "abcd-ef-gh", "YYYY-MM-DD" },
    { "-024-01-05", "YYYY-MM-DD" },
    { "", "YYYY-MM-DD" },
    { NULL, "YYYY-MM-DD" },
    { "2024-01-0\xff", "YYYY-MM-DD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_refused (tz_validate_date ("Start date", cases[i].in, NULL, &error), &error,
                      cases[i].in, "Start date", cases[i].hint);
    }
}

static void
test_birth_date (void)
{
  int y, m, d;
  g_autofree char *this_month = NULL;
  g_autofree char *today = NULL;
  g_autofree char *next_month = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *next_year = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_months (now, 1);
  g_autoptr (GDateTime) day_after = g_date_time_add_days (now, 1);

  today_dmy (&y, &m, &d);
  this_month = g_strdup_printf ("%04d-%02d", y, m);
  today = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  next_month = g_date_time_format (later, "%Y-%m");
  tomorrow = g_date_time_format (day_after, "%Y-%m-%d");
  next_year = g_strdup_printf ("%04d-01", y + 1);

  {
    const char *valid[] = { "1985-06",    "1985-06-15", "1900-01",  "1900-01-01",
                            "2000-02-29", " 1985-06 ",  this_month, today };
    const struct
    {
      const char *in;
      const char *hint;
    } invalid[] = {
      { "1899-12", "before 1900" },
      { "1899-12-31", "before 1900" },
      { next_month, "in the future" },
      { tomorrow, "in the future" },
      { next_year, "in the future" },
      { "1985-13", "not a month on the calendar" },
      { "1985-00", "not a month on the calendar" },
      { "2023-02-29", "not a day on the calendar" },
      { "1985-6", "YYYY-MM" },
      { "1985", "YYYY-MM" },
      { "85-06", "YYYY-MM" },
      { "1985.06", "YYYY-MM" },
      { "", "YYYY-MM" },
      { NULL, "YYYY-MM" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
      {
        g_autoptr (GError) error = NULL;
        assert_accepted (tz_validate_birth_date ("Birth month", valid[i], &error), &error,
                         valid[i]);
      }
    for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
      {
        g_autoptr (GError) error = NULL;
        assert_refused (tz_validate_birth_date ("Birth month", invalid[i].in, &error), &error,
                        invalid[i].in, "Birth month", invalid[i].hint);
      }
  }
}

static void
test_date_range (void)
{
  static const struct
  {
    const char *start;
    const char *end;
    const char *field; /* NULL: valid */
    const char *hint;
  } cases[] = {
    { "2024-03-01", "2024-03-31", NULL, NULL },
    { "2024-03-01", "2024-03-01", NULL, NULL },
    { "2023-12-31", "2024-01-01", NULL, NULL },
    { "2024-02-29", "2025-02-28", NULL, NULL },
    { "2024-04-01", "2024-03-31", "Start date", "End date (2024-03-31)" },
    { "2025-01-01", "2024-12-31", "Start date", "later than" },
    { "2024-02-30", "2024-03-31", "Start date", "not a day on the calendar" },
    { "2024-03-01", "2023-02-29", "End date", "not a day on the calendar" },
    { "2024-03-01", "", "End date", "YYYY-MM-DD" },
    { NULL, "2024-03-01", "Start date", "YYYY-MM-DD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok =
          tz_validate_date_range ("Start date", cases[i].start, "End date", cases[i].end, &error);

      if (cases[i].field == NULL)
        assert_accepted (ok, &error, cases[i].start);
      else
        assert_refused (ok, &error, cases[i].start, cases[i].field, cases[i].hint);
    }
}

/* ---- counts ---------------------------------------------------------------------- */

static void
test_count_valid (void)
{
  static const struct
  {
    const char *in;
    gint64 out;
  } cases[] = {
    { "0", 0 },
    { "10", 10 },
    { " 42 ", 42 },
    { "\t7\n", 7 },
    { "007", 7 },
    { "１０", 10 },
    { "2147483647", G_MAXINT32 },
    { "0002147483647", G_MAXINT32 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 out = -1;

      assert_accepted (tz_validate_count ("Quota", cases[i].in, &out, &error), &error, cases[i].in);
      g_assert_cmpint (out, ==, cases[i].out);
      assert_accepted (tz_validate_count ("Quota", cases[i].in, NULL, &error), &error, cases[i].in);
    }
}

static void
test_count_invalid (void)
{
  static const struct
  {
    const char *in;
    const char *hint;
  } cases[] = {
    { "-1", "negative" },
    { " -20 ", "negative" },
    { "3.5", "not a whole number" },
    { "10.", "not a whole number" },
    { "十", "not a number" },
    { "三十", "not a number" },
    { "+5", "not a number" },
    { "1e3", "not a number" },
    { "1,000", "not a number" },
    { "1 000", "not a number" },
    { "0x10", "not a number" },
    { "-", "not a number" },
    { "2147483648", "too large" },
    { "99999999999999999999999", "too large" },
    { "", "whole number" },
    { "   ", "whole number" },
    { NULL, "whole number" },
    { "1\xff", "cannot be read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 out = 12345;

      assert_refused (tz_validate_count ("Quota", cases[i].in, &out, &error), &error, cases[i].in,
                      "Quota", cases[i].hint);
      g_assert_cmpint (out, ==, 12345);
    }
}

static void
test_count_max (void)
{
  g_autoptr (GError) error = NULL;
  gint64 out = 0;

  assert_accepted (tz_validate_count_max ("Places", "100", 100, &out, &error), &error, "100");
  g_assert_cmpint (out, ==, 100);
  assert_refused (tz_validate_count_max ("Places", "101", 100, &out, &error), &error, "101",
                  "Places", "no greater than 100");
  assert_accepted (tz_validate_count_max ("Places", "0", 0, &out, &error), &error, "0");
  assert_refused (tz_validate_count_max ("Places", "5", 0, &out, &error), &error, "5", "Places",
                  "no greater than 0");
  assert_accepted (tz_validate_count_max ("Bytes", "9223372036854775807", G_MAXINT64, &out, &error),
                   &error, "G_MAXINT64");
  g_assert_cmpint (out, ==, G_MAXINT64);
  assert_refused (tz_validate_count_max ("Bytes", "9223372036854775808", G_MAXINT64, &out, &error),
                  &error, "G_MAXINT64 + 1", "Bytes", "too large");
}

/* ---- gender, full-width folding -------------------------------------------------- */

static void
test_gender (void)
{
  static const char *valid[] = { "男", "女", " 女 ", "男\n" };
  static const struct
  {
    const char *in;
    const char *hint;
  } invalid[] = {
    { "M", "“M”" },  { "F", "Enter 男 or 女" }, { "男性", "男性" },           { "男女", NULL },
    { "", "empty" }, { NULL, "empty" },         { "\xff", "Enter 男 or 女" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_accepted (tz_validate_gender (valid[i], &error), &error, valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_refused (tz_validate_gender (invalid[i].in, &error), &error, invalid[i].in, "Gender",
                      invalid[i].hint);
    }
}

static void
test_fold_fullwidth (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "ＡＢＣ１２３＠．", "ABC123@." },
    { "中文，不变", "中文,不变" },
    { "a　b", "a b" },
    { "plain", "plain" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = tz_fold_fullwidth (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (tz_fold_fullwidth (NULL));
  g_assert_null (tz_fold_fullwidth ("\xff"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/resident-id/valid", test_resident_id_valid);
  g_test_add_func ("/validate/resident-id/invalid", test_resident_id_invalid);
  g_test_add_func ("/validate/resident-id/dates", test_resident_id_dates);
  g_test_add_func ("/validate/resident-id/check-char", test_resident_id_check_char);
  g_test_add_func ("/validate/resident-id/normalize", test_resident_id_normalize);
  g_test_add_func ("/validate/mobile/valid", test_mobile_valid);
  g_test_add_func ("/validate/mobile/invalid", test_mobile_invalid);
  g_test_add_func ("/validate/email/valid", test_email_valid);
  g_test_add_func ("/validate/email/invalid", test_email_invalid);
  g_test_add_func ("/validate/text-length", test_text_length);
  g_test_add_func ("/validate/required", test_required);
  g_test_add_func ("/validate/date/valid", test_date_valid);
  g_test_add_func ("/validate/date/invalid", test_date_invalid);
  g_test_add_func ("/validate/date/birth", test_birth_date);
  g_test_add_func ("/validate/date/range", test_date_range);
  g_test_add_func ("/validate/count/valid", test_count_valid);
  g_test_add_func ("/validate/count/invalid", test_count_invalid);
  g_test_add_func ("/validate/count/max", test_count_max);
  g_test_add_func ("/validate/gender", test_gender);
  g_test_add_func ("/validate/fold-fullwidth", test_fold_fullwidth);

  return g_test_run ();
}
