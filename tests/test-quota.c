/* test-quota.c — quotas, held counts and offline activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tz-activity.h"
#include "tz-entry.h"
#include "tz-quota.h"
#include "tz-test-common.h"
#include "tz-unit.h"

/* A province with three cities, one district under the first city; the first
 * two cities have activity quotas of their own, and every participant may
 * recommend 1–2 nominees. */
static const char fixture[] =
    "INSERT INTO unit (id, name, kind) VALUES (1, '省总工会', 'provincial_union');"
    "INSERT INTO unit (id, parent_id, name, kind) VALUES (2, 1, '甲市总工会', 'city_union'),"
    "  (3, 1, '乙市总工会', 'city_union'), (4, 1, '丙市总工会', 'city_union'),"
    "  (5, 2, '甲市某区总工会', 'district_union');"
    "INSERT INTO campaign (id, title, start_date, end_date) VALUES (1, '测试活动', '2022-07-21', "
    "'2022-10-31');"
    "INSERT INTO campaign_unit (campaign_id, unit_id, role, sort_order) VALUES (1, 1, 'issuer', 0),"
    "  (1, 2, 'participant', 1), (1, 3, 'participant', 2), (1, 4, 'participant', 3);"
    "INSERT INTO quota (campaign_id, unit_id, kind, min_count, seq) VALUES (1, 3, 'activity', 9, "
    "2),"
    "  (1, 2, 'activity', 10, 1);"
    "INSERT INTO track (id, campaign_id, seq, name, entry_kind) VALUES (1, 1, 1, '奋进故事', "
    "'nomination');"
    "INSERT INTO quota (campaign_id, track_id, kind, min_count, max_count) VALUES (1, 1, "
    "'nominee', 1, 2);";

static TzDb *
open_fixture (void)
{
  TzDb *db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (db, fixture, &error));
  g_assert_no_error (error);
  return db;
}

static TzQuotaRow *
find_row (GPtrArray *rows, const char *unit)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((TzQuotaRow *) rows->pdata[i])->unit_name, unit))
      return rows->pdata[i];
  return NULL;
}

static gint64
add_activity (TzDb *db, gint64 unit_id, const char *date, GError **error)
{
  g_autoptr (TzActivity) a = tz_activity_new ();

  a->campaign_id = 1;
  a->unit_id = unit_id;
  a->title = g_strdup ("走进企业宣讲");
  a->held_on = g_strdup (date);
  a->participants = 40;
  if (!tz_activity_save (db, a, error))
    return 0;
  return a->id;
}

static void
test_activity_rows_in_notice_order (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = tz_quota_list (db, 1, TZ_QUOTA_ACTIVITY, &error);
  TzQuotaRow *r;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  r = rows->pdata[0];
  g_assert_cmpstr (r->unit_name, ==, "甲市总工会");
  g_assert_cmpint (r->min_count, ==, 10);
  g_assert_cmpint (r->max_count, ==, -1);
  g_assert_cmpint (r->held, ==, 0);
  r = rows->pdata[1];
  g_assert_cmpstr (r->unit_name, ==, "乙市总工会");
  g_assert_cmpint (r->min_count, ==, 9);
}

static void
test_held_follows_activities_of_sub_units (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id;

  g_assert_cmpint (add_activity (db, 2, "2022-08-05", &error), >, 0);
  g_assert_cmpint (add_activity (db, 5, "2022-08-06", &error), >, 0); /* the district */
  id = add_activity (db, 3, "2022-08-07", &error);
  g_assert_no_error (error);
  rows = tz_quota_list (db, 1, TZ_QUOTA_ACTIVITY, &error);
  g_assert_cmpint (find_row (rows, "甲市总工会")->held, ==, 2);
  g_assert_cmpint (find_row (rows, "乙市总工会")->held, ==, 1);
  g_assert_cmpfloat_with_epsilon (tz_quota_row_progress (find_row (rows, "甲市总工会")), 0.2, 1e-9);

  g_assert_true (tz_activity_delete (db, id, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tz_quota_list (db, 1, TZ_QUOTA_ACTIVITY, &error);
  g_assert_cmpint (find_row (rows, "乙市总工会")->held, ==, 0);
}

static void
test_activity_validation (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  gint64 before = tz_test_query_int (db, "SELECT count(*) FROM activity");

  g_assert_cmpint (add_activity (db, 2, "2022-02-30", &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  /* Outside the campaign's period. */
  g_assert_cmpint (add_activity (db, 2, "2021-08-05", &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2021-08-05"));
  g_clear_error (&error);
  /* A unit outside the campaign. */
  g_assert_true (tz_db_exec (db, "INSERT INTO unit (id, name) VALUES (9, '外省总工会')", &error));
  g_assert_cmpint (add_activity (db, 9, "2022-08-05", &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (TzActivity) a = tz_activity_new ();
    a->campaign_id = 1;
    a->unit_id = 2;
    a->title = g_strdup ("   ");
    a->held_on = g_strdup ("2022-08-05");
    g_assert_false (tz_activity_save (db, a, &error));
    g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  }
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM activity"), ==, before);
}

static void
test_activity_stage_from_date (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO stage (id, campaign_id, seq, name, start_date, end_date) "
                             "VALUES (7, 1, 2, '活动开展阶段', '2022-08-01', '2022-09-30')",
                             &error));
  g_assert_cmpint (add_activity (db, 2, "2022-08-15", &error), >, 0);
  list = tz_activity_list (db, 1, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((TzActivity *) list->pdata[0])->stage_id, ==, 7);
  g_assert_cmpstr (((TzActivity *) list->pdata[0])->unit_name, ==, "甲市总工会");
}

static void
test_rule_for_every_participant (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = tz_quota_list (db, 1, TZ_QUOTA_NOMINEE, &error);
  TzQuotaRow *r;

  g_assert_no_error (error);
  /* Three participants; the issuer is not one. */
  g_assert_cmpuint (rows->len, ==, 3);
  r = find_row (rows, "丙市总工会");
  g_assert_nonnull (r);
  g_assert_true (r->from_rule);
  g_assert_cmpint (r->min_count, ==, 1);
  g_assert_cmpint (r->max_count, ==, 2);
  g_assert_cmpstr (r->track_name, ==, "奋进故事");
  g_assert_null (find_row (rows, "省总工会"));

  /* A unit's own row replaces the rule for it. */
  g_assert_true (tz_quota_set (db, 1, TZ_QUOTA_NOMINEE, 1, 4, 3, 3, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tz_quota_list (db, 1, TZ_QUOTA_NOMINEE, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  r = find_row (rows, "丙市总工会");
  g_assert_false (r->from_rule);
  g_assert_cmpint (r->min_count, ==, 3);
}

static void
test_nominees_held (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO person (id, name) VALUES (1, '甲'), (2, '乙'), (3, '丙');"
                             "INSERT INTO entry (campaign_id, track_id, title, person_id, "
                             "recommending_unit_id, status) VALUES"
                             " (1, 1, '一', 1, 2, 'submitted'), (1, 1, '二', 2, 5, 'submitted'),"
                             " (1, 1, '三', 3, 2, 'draft');",
                             &error));
  rows = tz_quota_list (db, 1, TZ_QUOTA_NOMINEE, &error);
  g_assert_no_error (error);
  /* Drafts are not recommended yet; the district's nominee counts for its city. */
  g_assert_cmpint (find_row (rows, "甲市总工会")->held, ==, 2);
  g_assert_cmpint (find_row (rows, "乙市总工会")->held, ==, 0);
}

static void
test_set_and_remove (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (tz_quota_set (db, 1, TZ_QUOTA_ACTIVITY, 0, 4, 7, -1, &error));
  g_assert_true (tz_quota_set (db, 1, TZ_QUOTA_ACTIVITY, 0, 2, 12, -1, &error));
  g_assert_no_error (error);
  rows = tz_quota_list (db, 1, TZ_QUOTA_ACTIVITY, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (find_row (rows, "甲市总工会")->min_count, ==, 12);
  g_assert_cmpint (find_row (rows, "丙市总工会")->min_count, ==, 7);
  g_assert_cmpint (
      tz_test_query_int (
          db, "SELECT count(*) FROM audit_log WHERE tbl = 'quota' AND action = 'update'"),
      ==, 1);

  g_assert_true (tz_quota_set (db, 1, TZ_QUOTA_ACTIVITY, 0, 4, -1, -1, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tz_quota_list (db, 1, TZ_QUOTA_ACTIVITY, &error);
  g_assert_cmpuint (rows->len, ==, 2);

  g_assert_false (tz_quota_set (db, 1, TZ_QUOTA_NOMINEE, 1, 4, 3, 2, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
}

static void
test_kind_names (void)
{
  g_autoptr (GError) error = NULL;
  TzQuotaKind kind;

  g_assert_true (tz_quota_kind_from_string ("work", &kind, &error));
  g_assert_cmpint (kind, ==, TZ_QUOTA_WORK);
  g_assert_cmpstr (tz_quota_kind_to_string (TZ_QUOTA_NOMINEE), ==, "nominee");
  g_assert_false (tz_quota_kind_from_string ("people", &kind, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "people"));
}

static void
test_units_tree (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = tz_unit_list (db, 1, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 4);
  g_assert_cmpstr (((TzUnit *) units->pdata[0])->name, ==, "省总工会");
  g_assert_cmpuint (((TzUnit *) units->pdata[1])->depth, ==, 1);
  g_assert_cmpstr (((TzUnit *) units->pdata[1])->name, ==, "甲市总工会");
  g_assert_cmpstr (((TzUnit *) units->pdata[3])->name, ==, "丙市总工会");

  g_assert_true (tz_unit_add (db, 4, "丙市某校工会", "school", 1, NULL, &id, &error));
  g_assert_cmpint (id, >, 0);
  g_assert_true (tz_unit_resolve (db, 1, "丙市某校工会", &id, &error));
  g_assert_false (tz_unit_resolve (db, 1, "不存在的单位", &id, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_parse_target (void)
{
  g_autoptr (GError) error = NULL;
  gint64 min = -7;
  gint64 max = -7;

  g_assert_true (tz_quota_parse_target ("12", NULL, &min, &max, &error));
  g_assert_no_error (error);
  g_assert_cmpint (min, ==, 12);
  g_assert_cmpint (max, ==, -1);
  /* As an input method types it: full-width digits, spaces around. */
  g_assert_true (tz_quota_parse_target (" １ ", "２", &min, &max, &error));
  g_assert_cmpint (min, ==, 1);
  g_assert_cmpint (max, ==, 2);
  g_assert_true (tz_quota_parse_target ("0", "", &min, &max, &error));
  g_assert_cmpint (max, ==, -1);

  min = max = 99;
  g_assert_false (tz_quota_parse_target ("-1", NULL, &min, &max, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);
  g_assert_false (tz_quota_parse_target ("abc", NULL, &min, &max, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_quota_parse_target ("", NULL, &min, &max, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_quota_parse_target ("2.5", NULL, &min, &max, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_quota_parse_target ("3", "2", &min, &max, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  /* Nothing is written on failure. */
  g_assert_cmpint (min, ==, 99);
  g_assert_cmpint (max, ==, 99);
}

static void
test_format_target (void)
{
  g_autofree char *plain = tz_quota_format_target (10, -1);
  g_autofree char *range = tz_quota_format_target (1, 2);
  g_autofree char *exact = tz_quota_format_target (2, 2);

  g_assert_cmpstr (plain, ==, "10");
  g_assert_cmpstr (range, ==, "1–2");
  g_assert_cmpstr (exact, ==, "2");
}

static void
test_totals (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  TzQuotaTotals totals;

  g_assert_cmpint (add_activity (db, 2, "2022-08-05", &error), >, 0);
  g_assert_cmpint (add_activity (db, 3, "2022-08-05", &error), >, 0);
  rows = tz_quota_list (db, 1, TZ_QUOTA_ACTIVITY, &error);
  g_assert_no_error (error);
  tz_quota_totals (rows, &totals);
  g_assert_cmpint (totals.target, ==, 19);
  g_assert_cmpint (totals.held, ==, 2);
  g_assert_cmpuint (totals.n_rows, ==, 2);
  g_assert_cmpuint (totals.n_behind, ==, 2);
  g_assert_cmpfloat_with_epsilon (tz_quota_totals_progress (&totals), 2.0 / 19.0, 1e-9);
  g_assert_true (tz_quota_row_is_behind (rows->pdata[0]));

  tz_quota_totals (NULL, &totals);
  g_assert_cmpint (totals.target, ==, 0);
  g_assert_cmpfloat (tz_quota_totals_progress (&totals), ==, 1.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quota/activity-rows", test_activity_rows_in_notice_order);
  g_test_add_func ("/quota/held-with-sub-units", test_held_follows_activities_of_sub_units);
  g_test_add_func ("/quota/activity-validation", test_activity_validation);
  g_test_add_func ("/quota/activity-stage", test_activity_stage_from_date);
  g_test_add_func ("/quota/rule-for-every-participant", test_rule_for_every_participant);
  g_test_add_func ("/quota/nominees-held", test_nominees_held);
  g_test_add_func ("/quota/set-and-remove", test_set_and_remove);
  g_test_add_func ("/quota/kind-names", test_kind_names);
  g_test_add_func ("/quota/units-tree", test_units_tree);
  g_test_add_func ("/quota/parse-target", test_parse_target);
  g_test_add_func ("/quota/format-target", test_format_target);
  g_test_add_func ("/quota/totals", test_totals);

  return g_test_run ();
}
