/* test-search.c — finding people and entries by any part of a name, unit or title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tz-entry.h"
#include "tz-person.h"
#include "tz-test-common.h"

static const char fixture[] =
    "INSERT INTO unit (id, name) VALUES (1, '哈尔滨市总工会'), (2, '齐齐哈尔市总工会');"
    "INSERT INTO person (id, name, unit_id, employer, position) VALUES"
    "  (1, '张三', 1, '哈尔滨电机厂', '车间主任'),"
    "  (2, '李四', 2, NULL, '宣传委员'),"
    "  (3, '张三丰', NULL, '武当山景区', NULL),"
    "  (4, 'O''Brien 100%_', NULL, NULL, NULL);"
    "INSERT INTO campaign (id, title) VALUES (1, '网聚职工正能量');"
    "INSERT INTO track (id, campaign_id, seq, name) VALUES (1, 1, 1, '阅读经典好书');"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id, recommending_unit_id, "
    "description) VALUES"
    "  (1, 1, 1, '诵读《红岩》', 1, 1, '车间读书会集体诵读'),"
    "  (2, 1, 1, '我的读书故事', 2, 2, NULL);";

static TzDb *
open_fixture (void)
{
  TzDb *db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (db, fixture, &error));
  g_assert_no_error (error);
  return db;
}

static char *
names (GPtrArray *people)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", ((TzPerson *) people->pdata[i])->name);
  return g_string_free (s, FALSE);
}

static void
check_people (TzDb *db, const char *query, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = tz_person_search (db, query, 0, 0, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = names (found);
  g_test_message ("query “%s” → %s", query ? query : "(null)", got);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (tz_person_count (db, query, &error), ==, found->len);
}

static void
test_people_by_any_part (void)
{
  g_autoptr (TzDb) db = open_fixture ();

  check_people (db, "三", "张三,张三丰");   /* one character */
  check_people (db, "张三", "张三,张三丰"); /* two characters */
  check_people (db, "张三丰", "张三丰");    /* three: the trigram index */
  check_people (db, "哈尔滨", "张三"); /* unit names: 齐齐哈尔 holds 哈尔, not 哈尔滨 */
  check_people (db, "哈尔", "张三,李四");
  check_people (db, "电机厂", "张三"); /* employer */
  check_people (db, "宣传", "李四");   /* position */
  check_people (db, "武当", "张三丰");
  check_people (db, "王五", "");
  check_people (db, NULL, "张三,李四,张三丰,O'Brien 100%_");
  check_people (db, "   ", "张三,李四,张三丰,O'Brien 100%_");
  check_people (db, "brien", "O'Brien 100%_"); /* case-insensitive */
}

static void
test_people_follow_changes (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (db, "UPDATE person SET name = '张珊' WHERE id = 1", &error));
  check_people (db, "张三", "张三丰");
  check_people (db, "张珊", "张珊");
  g_assert_true (tz_db_exec (db, "UPDATE unit SET name = '冰城市总工会' WHERE id = 1", &error));
  check_people (db, "冰城", "张珊");
  g_assert_true (tz_db_exec (db, "DELETE FROM entry; DELETE FROM person WHERE id = 3", &error));
  check_people (db, "张三", "");
}

static void
test_hostile_queries (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  const char *queries[] = { "'); DROP TABLE person;--",
                            "%",
                            "_",
                            "%_",
                            "\"",
                            "\"\"\"",
                            "\\",
                            "NEAR(a b)",
                            "a OR b",
                            "*",
                            "name:张",
                            "' OR 1=1 --" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) found = tz_person_search (db, queries[i], 0, 0, &error);

      g_test_message ("query %s", queries[i]);
      g_assert_no_error (error);
      g_assert_nonnull (found);
      /* Only the person whose name holds these characters literally. */
      for (guint k = 0; k < found->len; k++)
        g_assert_nonnull (strstr (((TzPerson *) found->pdata[k])->name, queries[i]));
    }
  check_people (db, "%_", "O'Brien 100%_");
  check_people (db, "100%", "O'Brien 100%_");
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 4);
}

static void
test_paging (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = tz_person_search (db, NULL, 1, 2, &error);
  g_autofree char *got = names (page);

  g_assert_cmpstr (got, ==, "李四,张三丰");
}

static void
test_entries (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  struct
  {
    const char *query;
    guint n;
  } cases[] = {
    { "红岩", 1 }, { "读书", 2 },     { "哈尔滨", 1 }, { "张三", 1 },
    { "诵读", 1 }, { "集体诵读", 1 }, { "不存在", 0 }, { NULL, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) found = tz_entry_search (db, 1, 0, cases[i].query, 0, 0, &error);

      g_test_message ("entry query %s", cases[i].query);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, cases[i].n);
    }
}

/* The filters by campaign and track, alone and together, with and without a query. */
static void
test_entries_by_track (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  struct
  {
    gint64 campaign, track;
    const char *query;
    guint n;
  } cases[] = {
    { 1, 1, NULL, 2 },   { 1, 2, NULL, 1 },       { 1, 0, NULL, 3 },
    { 0, 2, NULL, 1 },   { 2, 1, NULL, 0 }, /* a track of another campaign */
    { 2, 3, NULL, 1 },   { 0, 0, NULL, 4 },       { 1, 1, "读书", 2 },
    { 1, 2, "读书", 0 }, { 1, 0, "读书故事", 1 }, /* the track's name is not searched */
    { 2, 0, "红岩", 1 },
  };

  g_assert_true (
      tz_db_exec (db,
                  "INSERT INTO campaign (id, title) VALUES (2, '另一个活动');"
                  "INSERT INTO track (id, campaign_id, seq, name) VALUES "
                  "  (2, 1, 2, '读书故事'), (3, 2, 1, '红岩');"
                  "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES"
                  "  (3, 1, 2, '张三丰的武当', 3), (4, 2, 3, '红岩诵读会', 1);",
                  &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) found =
          tz_entry_search (db, cases[i].campaign, cases[i].track, cases[i].query, 0, 0, &error);
      g_autoptr (GArray) found_ids =
          tz_entry_search_ids (db, cases[i].campaign, cases[i].track, cases[i].query, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, cases[i].n);
      g_assert_cmpuint (found_ids->len, ==, cases[i].n);
      g_assert_cmpint (
          tz_entry_count (db, cases[i].campaign, cases[i].track, cases[i].query, &error), ==,
          cases[i].n);
      for (guint k = 0; k < found->len; k++)
        g_assert_cmpint (((TzEntry *) found->pdata[k])->id, ==,
                         g_array_index (found_ids, gint64, k));
    }

  /* Paging the ids: what a list reads a page at a time. */
  ids = tz_person_search_ids (db, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 4);
  {
    g_autoptr (GPtrArray) page =
        tz_person_get_many (db, &g_array_index (ids, gint64, 1), 2, &error);
    g_autofree char *got = names (page);
    g_assert_cmpstr (got, ==, "李四,张三丰");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/people-by-any-part", test_people_by_any_part);
  g_test_add_func ("/search/people-follow-changes", test_people_follow_changes);
  g_test_add_func ("/search/hostile-queries", test_hostile_queries);
  g_test_add_func ("/search/paging", test_paging);
  g_test_add_func ("/search/entries", test_entries);
  g_test_add_func ("/search/entries-by-track", test_entries_by_track);

  return g_test_run ();
}
