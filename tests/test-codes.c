/* test-codes.c — the national code lists: 民族 (GB/T 3304) and 政治面貌 (GB/T 4762)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tz-codes.h"
#include "tz-error.h"
#include "tz-test-common.h"

/* GB/T 3304-1991 in code order, written out here so that an edit of the data
 * file that reorders or renames a nationality is caught. */
static const char *const ethnicities[] = {
  "汉族",     "蒙古族",   "回族",       "藏族",     "维吾尔族",   "苗族",   "彝族",     "壮族",
  "布依族",   "朝鲜族",   "满族",       "侗族",     "瑶族",       "白族",   "土家族",   "哈尼族",
  "哈萨克族", "傣族",     "黎族",       "傈僳族",   "佤族",       "畲族",   "高山族",   "拉祜族",
  "水族",     "东乡族",   "纳西族",     "景颇族",   "柯尔克孜族", "土族",   "达斡尔族", "仫佬族",
  "羌族",     "布朗族",   "撒拉族",     "毛南族",   "仡佬族",     "锡伯族", "阿昌族",   "普米族",
  "塔吉克族", "怒族",     "乌孜别克族", "俄罗斯族", "鄂温克族",   "德昂族", "保安族",   "裕固族",
  "京族",     "塔塔尔族", "独龙族",     "鄂伦春族", "赫哲族",     "门巴族", "珞巴族",   "基诺族",
};

static const struct
{
  const char *name;
  const char *full;
} political[] = {
  { "中共党员", "中国共产党党员" },
  { "中共预备党员", "中国共产党预备党员" },
  { "共青团员", "中国共产主义青年团团员" },
  { "民革党员", "中国国民党革命委员会会员" },
  { "民盟盟员", "中国民主同盟盟员" },
  { "民建会员", "中国民主建国会会员" },
  { "民进会员", "中国民主促进会会员" },
  { "农工党党员", "中国农工民主党党员" },
  { "致公党党员", "中国致公党党员" },
  { "九三学社社员", "九三学社社员" },
  { "台盟盟员", "台湾民主自治同盟盟员" },
  { "无党派人士", "无党派民主人士" },
  { "群众", "群众" },
};

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

static void
assert_codes_unique (const TzCode *codes, guint n)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected_code = g_strdup_printf ("%02u", i + 1);

      g_assert_cmpstr (codes[i].code, ==, expected_code);
      g_assert_true (g_hash_table_add (seen, (gpointer) codes[i].code));
      g_assert_true (g_hash_table_add (seen, (gpointer) codes[i].name));
      if (strcmp (codes[i].full, codes[i].name) != 0)
        g_assert_true (g_hash_table_add (seen, (gpointer) codes[i].full));
    }
}

static void
test_ethnicity_list (void)
{
  guint n = 0;
  const TzCode *codes = tz_codes_ethnicities (&n);

  g_assert_cmpuint (n, ==, 56);
  g_assert_cmpuint (G_N_ELEMENTS (ethnicities), ==, 56);
  assert_codes_unique (codes, n);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (codes[i].name, ==, ethnicities[i]);
      g_assert_cmpstr (codes[i].full, ==, codes[i].name);
      g_assert_true (g_str_has_suffix (codes[i].name, "族"));
    }
  g_assert_cmpstr (codes[0].name, ==, "汉族");
  g_assert_cmpstr (codes[55].code, ==, "56");
  g_assert_cmpstr (codes[55].name, ==, "基诺族");

  /* Loaded once: the same array every time. */
  g_assert_true (tz_codes_ethnicities (NULL) == codes);
}

static void
test_political_list (void)
{
  guint n = 0;
  const TzCode *codes = tz_codes_political_statuses (&n);

  g_assert_cmpuint (n, ==, 13);
  assert_codes_unique (codes, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (codes[i].name, ==, political[i].name);
      g_assert_cmpstr (codes[i].full, ==, political[i].full);
    }
  g_assert_true (tz_codes_political_statuses (NULL) == codes);
}

/* The data files themselves: a comment header, then three tab-separated columns. */
static void
test_tsv_files (void)
{
  static const struct
  {
    const char *file;
    guint rows;
  } files[] = { { "ethnicity.tsv", 56 }, { "political.tsv", 13 } };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = tz_test_source_path ("data", "codes", files[f].file, NULL);
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) lines = NULL;
      guint rows = 0;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (text[0] == '#');

      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto (GStrv) fields = NULL;

          if (lines[i][0] == '\0' || lines[i][0] == '#')
            continue;
          fields = g_strsplit (lines[i], "\t", -1);
          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          for (guint j = 0; j < 3; j++)
            {
              g_assert_cmpstr (fields[j], !=, "");
              g_assert_cmpstr (g_strstrip (fields[j]), ==, fields[j]);
            }
          rows++;
        }
      g_assert_cmpuint (rows, ==, files[f].rows);
    }
}

static void
test_find_ethnicity (void)
{
  static const struct
  {
    const char *in;
    const char *code; /* NULL: not found */
  } cases[] = {
    { "汉族", "01" },       { "汉", "01" },     { "01", "01" },     { "1", "01" },
    { " 汉族 ", "01" },     { "０１", "01" },   { "蒙古", "02" },   { "蒙古族", "02" },
    { "土族", "30" },       { "土", "30" },     { "土家族", "15" }, { "土家", "15" },
    { "柯尔克孜族", "29" }, { "俄罗斯", "44" }, { "56", "56" },     { "基诺", "56" },
    { "57", NULL },         { "00", NULL },     { "0", NULL },      { "汉族人", NULL },
    { "汉族族", NULL },     { "族", NULL },     { "穿青人", NULL }, { "", NULL },
    { "  ", NULL },         { NULL, NULL },     { "\xff", NULL },   { "Han", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TzCode *code = tz_codes_find_ethnicity (cases[i].in);

      g_autofree char *text = shown (cases[i].in);

      g_test_message ("input: %s", text);
      if (cases[i].code == NULL)
        g_assert_null (code);
      else
        {
          g_assert_nonnull (code);
          g_assert_cmpstr (code->code, ==, cases[i].code);
        }
    }
}

static void
test_find_political_status (void)
{
  static const struct
  {
    const char *in;
    const char *code;
  } cases[] = {
    { "中共党员", "01" },
    { "中国共产党党员", "01" },
    { "01", "01" },
    { "1", "01" },
    { "中共预备党员", "02" },
    { "共青团员", "03" },
    { "中国共产主义青年团团员", "03" },
    { "民革党员", "04" },
    { "九三学社社员", "10" },
    { "10", "10" },
    { "无党派人士", "12" },
    { "无党派民主人士", "12" },
    { "群众", "13" },
    { " 群众\t", "13" },
    { "１３", "13" },
    { "14", NULL },
    { "00", NULL },
    { "共产党", NULL },
    { "", NULL },
    { NULL, NULL },
    { "Masses", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TzCode *code = tz_codes_find_political_status (cases[i].in);

      g_autofree char *text = shown (cases[i].in);

      g_test_message ("input: %s", text);
      if (cases[i].code == NULL)
        g_assert_null (code);
      else
        {
          g_assert_nonnull (code);
          g_assert_cmpstr (code->code, ==, cases[i].code);
        }
    }
}

/* Every entry is found by its code, its name and its full name. */
static void
test_round_trip (void)
{
  guint n;
  const TzCode *codes = tz_codes_ethnicities (&n);

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (tz_codes_find_ethnicity (codes[i].code) == &codes[i]);
      g_assert_true (tz_codes_find_ethnicity (codes[i].name) == &codes[i]);
      g_assert_true (tz_codes_find_ethnicity (codes[i].full) == &codes[i]);
    }

  codes = tz_codes_political_statuses (&n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (tz_codes_find_political_status (codes[i].code) == &codes[i]);
      g_assert_true (tz_codes_find_political_status (codes[i].name) == &codes[i]);
      g_assert_true (tz_codes_find_political_status (codes[i].full) == &codes[i]);
    }
}

static void
test_validate_ethnicity (void)
{
  static const char *valid[] = { "汉族", "汉", "01", "维吾尔族", " 壮族 " };
  static const struct
  {
    const char *in;
    const char *hint;
  } invalid[] = {
    { "", "empty" },          { NULL, "empty" },     { "　", "empty" },
    { "火星族", "“火星族”" }, { "57", "GB/T 3304" }, { "\xff", "GB/T 3304" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (tz_validate_ethnicity (valid[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (tz_validate_ethnicity (invalid[i].in, &error));
      g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
      g_test_message ("message: %s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (strstr (error->message, "Ethnicity") != NULL);
      g_assert_true (strstr (error->message, invalid[i].hint) != NULL);
    }
}

static void
test_validate_political_status (void)
{
  static const char *valid[] = { "中共党员", "中国共产党党员", "群众", "13", "共青团员" };
  static const struct
  {
    const char *in;
    const char *hint;
  } invalid[] = {
    { "", "empty" },       { NULL, "empty" },         { "共产党", "“共产党”" },
    { "14", "GB/T 4762" }, { "Masses", "GB/T 4762" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (tz_validate_political_status (valid[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (tz_validate_political_status (invalid[i].in, &error));
      g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
      g_test_message ("message: %s", error->message);
      g_assert_true (strstr (error->message, "Political status") != NULL);
      g_assert_true (strstr (error->message, invalid[i].hint) != NULL);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codes/ethnicity/list", test_ethnicity_list);
  g_test_add_func ("/codes/political/list", test_political_list);
  g_test_add_func ("/codes/tsv-files", test_tsv_files);
  g_test_add_func ("/codes/ethnicity/find", test_find_ethnicity);
  g_test_add_func ("/codes/political/find", test_find_political_status);
  g_test_add_func ("/codes/round-trip", test_round_trip);
  g_test_add_func ("/codes/ethnicity/validate", test_validate_ethnicity);
  g_test_add_func ("/codes/political/validate", test_validate_political_status);

  return g_test_run ();
}
