/* test-injection.c — hostile text everywhere: every value is bound, never spliced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names such as '); DROP TABLE person;-- and the LIKE wildcards % and _ go
 * into every search, lookup and import. They must be stored and found as
 * the text they are, match nothing else, and leave every table in place.
 */
#include "config.h"

#include <string.h>

#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-error.h"
#include "tz-person.h"
#include "tz-resident-id.h"
#include "tz-scores.h"
#include "tz-table-import.h"
#include "tz-test-common.h"
#include "tz-unit.h"

static const char *const hostile[] = {
  "'); DROP TABLE person;--",
  "\"; DELETE FROM entry; --",
  "%_",
  "100%",
  "a_b",
  "x' OR '1'='1",
  "\\\\",
  "[]*?",
  "名\" OR 1=1 --",
};

static void
assert_tables (TzDb *db)
{
  const char *tables[] = { "person", "entry", "unit", "campaign", "track", "score", "audit_log" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql =
          g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'", tables[i]);
      g_assert_cmpint (tz_test_query_int (db, sql), ==, 1);
    }
}

static void
test_people_and_search (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  /* A plain person that no hostile query may find. */
  {
    g_autoptr (TzPerson) p = tz_person_new ();
    p->name = g_strdup ("张三丰");
    p->employer = g_strdup ("武当山工会");
    g_assert_true (tz_person_save (db, p, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (TzPerson) p = tz_person_new ();
      g_autoptr (TzPerson) back = NULL;

      p->name = g_strdup_printf ("人%u%s", i, hostile[i]);
      p->employer = g_strdup (hostile[i]);
      p->position = g_strdup (hostile[i]);
      g_assert_true (tz_person_save (db, p, &error));
      g_assert_no_error (error);
      back = tz_person_get (db, p->id, &error);
      g_assert_cmpstr (back->name, ==, p->name);
      g_assert_cmpstr (back->employer, ==, hostile[i]);
    }
  assert_tables (db);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==,
                   G_N_ELEMENTS (hostile) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (GPtrArray) found = tz_person_search (db, hostile[i], 0, 100, &error);
      gint64 n = tz_person_count (db, hostile[i], &error);

      g_assert_no_error (error);
      g_test_message ("%s: %u found", hostile[i], found->len);
      g_assert_cmpint (n, ==, found->len);
      g_assert_cmpuint (found->len, >=, 1);
      for (guint k = 0; k < found->len; k++)
        {
          TzPerson *p = found->pdata[k];
          gboolean has = strstr (p->name, hostile[i]) != NULL ||
                         (p->employer != NULL && strstr (p->employer, hostile[i]) != NULL) ||
                         (p->position != NULL && strstr (p->position, hostile[i]) != NULL);

          g_assert_true (has);
          g_assert_cmpstr (p->name, !=, "张三丰");
        }
    }
  /* The wildcards alone find only the rows that hold them. */
  {
    g_autoptr (GPtrArray) pct = tz_person_search (db, "%", 0, 100, &error);
    g_autoptr (GPtrArray) us = tz_person_search (db, "_", 0, 100, &error);

    g_assert_cmpuint (pct->len, ==, 2);
    g_assert_cmpuint (us->len, ==, 2);
  }
  assert_tables (db);
}

/* A CSV field, quoted, with its double quotes doubled. */
static char *
csv_field (const char *text)
{
  g_autoptr (GString) s = g_string_new (text);

  g_string_replace (s, "\"", "\"\"", 0);
  g_string_prepend_c (s, '"');
  g_string_append_c (s, '"');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_lookups_and_import (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = tz_test_tmpfile ("scores.csv");
  g_autoptr (GString) table = g_string_new ("评委,作品,评分项,分数\n");
  g_autoptr (GString) json = g_string_new (NULL);
  g_auto (TzImportResult) result = { 0 };
  gint64 id = 0, campaign;

  g_string_append_printf (json,
                          "{\"format\": \"taizhang-campaign\", \"version\": 1,"
                          " \"campaign\": {\"title\": \"%s\"},"
                          " \"units\": [{\"name\": \"%s\", \"role\": \"participant\"}],"
                          " \"tracks\": [{\"name\": \"%s\", \"criteria\": [{\"name\": \"%s\","
                          " \"max\": 10}]}]}",
                          "活动'); DROP TABLE campaign;--", "单位%_", "赛道' OR '1'='1",
                          "评分项\\\"; DELETE FROM score; --");
  campaign = tz_campaign_import_data (db, json->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (campaign, >, 0);
  g_assert_true (tz_campaign_resolve (db, "活动'); DROP TABLE campaign;--", &id, &error));
  g_assert_cmpint (id, ==, campaign);
  g_assert_false (tz_campaign_resolve (db, "%", &id, &error));
  g_clear_error (&error);
  g_assert_true (tz_unit_resolve (db, campaign, "单位%_", &id, &error));
  g_assert_false (tz_unit_resolve (db, campaign, "单位__", &id, &error));
  g_clear_error (&error);
  g_assert_true (tz_track_resolve (db, campaign, "赛道' OR '1'='1", &id, &error));
  /* A part of a name finds the track it is part of (by design), and only that. */
  g_assert_false (tz_track_resolve (db, campaign, "x' OR 1=1 --", &id, &error));
  g_clear_error (&error);
  g_assert_true (tz_track_resolve (db, campaign, "赛道' OR '1'='1", &id, &error));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = NULL;
      g_autofree char *judge = csv_field (hostile[i]);
      g_autofree char *criterion = csv_field ("评分项\"; DELETE FROM score; --");

      stmt = tz_db_prepare (db,
                            "INSERT INTO entry (campaign_id, track_id, title, entrant_unit_id) "
                            "SELECT ?1, ?2, ?3, (SELECT id FROM unit WHERE name = '单位%_')",
                            &error);
      sqlite3_bind_int64 (stmt, 1, campaign);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, hostile[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      g_string_append_printf (table, "%s,%s,%s,%u\n", judge, judge, criterion, i);
    }
  g_assert_true (g_file_set_contents (csv, table->str, -1, &error));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (GPtrArray) found = tz_entry_search (db, campaign, 0, hostile[i], 0, 50, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >=, 1);
    }
  g_assert_true (tz_scores_import (db, id, csv, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM score"), ==,
                   G_N_ELEMENTS (hostile));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM judge"), ==,
                   G_N_ELEMENTS (hostile));
  assert_tables (db);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM entry"), ==,
                   G_N_ELEMENTS (hostile));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM campaign"), ==, 1);
}

/* A filled table whose names and summaries are hostile: imported as text. */
static void
test_table_import (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  g_autofree char *csv = tz_test_tmpfile ("filled.csv");
  g_autoptr (GString) table =
      g_string_new ("姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n");
  g_auto (TzImportResult) result = { 0 };
  TzTableImportCounts counts = { 0 };
  gint64 track = 0;

  g_assert_cmpint (tz_campaign_import_file (db, campaign, &error), ==, 1);
  g_assert_true (tz_track_resolve (db, 1, "传播网络正能量", &track, &error));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      char first17[18];
      g_autofree char *name = csv_field (hostile[i]);

      g_snprintf (first17, sizeof first17, "23010219800101%03u", i);
      g_string_append_printf (table, "%s,汉族,群众,%s%c,1380013%04u,%s,哈尔滨市总工会,%s\n", name,
                              first17, tz_resident_id_check_char (first17), i, name, name);
    }
  g_assert_true (g_file_set_contents (csv, table->str, -1, &error));
  g_assert_true (tz_table_import_run (db, 1, track, csv, FALSE, &result, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, G_N_ELEMENTS (hostile));
  assert_tables (db);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (GPtrArray) found = tz_person_search (db, hostile[i], 0, 50, &error);
      gboolean exact = FALSE;

      for (guint k = 0; k < found->len; k++)
        exact = exact || g_str_equal (((TzPerson *) found->pdata[k])->name, hostile[i]);
      g_test_message ("%s: %u found", hostile[i], found->len);
      g_assert_true (exact);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/injection/people-and-search", test_people_and_search);
  g_test_add_func ("/injection/lookups-and-import", test_lookups_and_import);
  g_test_add_func ("/injection/table-import", test_table_import);
  return g_test_run ();
}
