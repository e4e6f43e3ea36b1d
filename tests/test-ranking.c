/* test-ranking.c — ranking a track and allocating its award tiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tz-ranking.h"
#include "tz-test-common.h"

/* Track 1 is the worked example of docs/ranking.md: a Hunan 60/40 track. */
static const char fixture[] =
    "INSERT INTO unit (id, name, kind) VALUES (1, '省总工会', 'provincial_union'),"
    "  (10, '某机械厂', 'enterprise'), (11, '某中学', 'school');"
    "INSERT INTO campaign (id, title) VALUES (1, '测试活动');"
    "INSERT INTO person (id, name, unit_id) VALUES (1, '甲', 10), (2, '乙', 10), (3, '丙', 11),"
    "  (4, '丁', 11), (5, '戊', 10);"
    "INSERT INTO judge (id, campaign_id, name) VALUES (1, 1, '评委一'), (2, 1, '评委二'),"
    "  (3, 1, '评委三'), (4, 1, '评委四'), (5, 1, '评委五'), (6, 1, '评委六');"
    /* The worked example. */
    "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric, expert_weight,"
    "  metric_weight) VALUES (1, 1, 1, '网络正能量微视频征集', 'composite', '网络评选', 60, 40);"
    "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES (1, 1, 1, '视频内容', 50),"
    "  (2, 1, 2, '创作技巧', 50);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id, submitted_on) VALUES"
    "  (1, 1, 1, 'A', 1, '2023-05-01'), (2, 1, 1, 'B', 2, '2023-05-02'),"
    "  (3, 1, 1, 'C', 3, '2023-05-03');"
    "INSERT INTO score (entry_id, judge_id, criterion_id, value) VALUES"
    "  (1, 1, 1, 45), (1, 1, 2, 40), (1, 2, 1, 43), (1, 2, 2, 42),"
    "  (2, 1, 1, 40), (2, 1, 2, 38), (2, 2, 1, 42), (2, 2, 2, 40),"
    "  (3, 1, 1, 35), (3, 1, 2, 30), (3, 2, 1, 37), (3, 2, 2, 32);"
    "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
    "  (1, '网络评选', 900, '2023-09-01'), (1, '网络评选', 1200, '2023-10-31'),"
    "  (2, '网络评选', 2000, '2023-10-31'), (3, '网络评选', 1500, '2023-10-31'),"
    "  (3, '浏览量', 99999, '2023-10-31');"
    "INSERT INTO award_tier (id, track_id, seq, name, count, special) VALUES"
    "  (1, 1, 1, '一等奖', 1, 0), (2, 1, 2, '二等奖', 1, 0), (3, 1, 3, '三等奖', 5, 0),"
    "  (4, 1, 4, '最佳创意奖', 1, 1);"
    /* Heilongjiang: views, only an entrant's best work counts. */
    "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric, best_work_only)"
    "  VALUES (2, 1, 2, '短视频', 'metric', '浏览量', 1);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES"
    "  (21, 1, 2, '甲一', 1), (22, 1, 2, '甲二', 1), (23, 1, 2, '甲三', 1), (24, 1, 2, '乙一', 2);"
    "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
    "  (21, '浏览量', 500, '2022-10-01'), (22, '浏览量', 800, '2022-10-01'),"
    "  (23, '浏览量', 300, '2022-10-01'), (24, '浏览量', 400, '2022-10-01');"
    "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES (21, 2, 1, '一等奖', 1),"
    "  (22, 2, 2, '二等奖', 2);"
    /* Ties: votes 100, 80, 80, 50 (later), 50 (earlier). */
    "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric)"
    "  VALUES (3, 1, 3, '投票', 'metric', '得票数');"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id, submitted_on) VALUES"
    "  (31, 1, 3, 'T1', 1, '2022-09-01'), (32, 1, 3, 'T2', 2, '2022-09-01'),"
    "  (33, 1, 3, 'T3', 3, '2022-09-01'), (34, 1, 3, 'T4', 4, '2022-09-09'),"
    "  (35, 1, 3, 'T5', 5, '2022-09-02');"
    "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
    "  (31, '得票数', 100, '2022-10-01'), (32, '得票数', 80, '2022-10-01'),"
    "  (33, '得票数', 80, '2022-10-01'), (34, '得票数', 50, '2022-10-01'),"
    "  (35, '得票数', 50, '2022-10-01');"
    "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES (31, 3, 1, '一等奖', 1),"
    "  (32, 3, 2, '二等奖', 1), (33, 3, 3, '三等奖', 3);"
    /* Divisions by the entrant's unit kind, one entry placed by hand. */
    "INSERT INTO track (id, campaign_id, seq, name) VALUES (4, 1, 4, '征文');"
    "INSERT INTO division (id, track_id, seq, name) VALUES (41, 4, 1, '职工组'), (42, 4, 2, "
    "'教师组');"
    "INSERT INTO division_filter (division_id, dimension, value) VALUES"
    "  (41, 'unit_kind', 'enterprise'), (42, 'unit_kind', 'school');"
    "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES (41, 4, 1, '总分', 100);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id, division_id) VALUES"
    "  (41, 1, 4, 'D1', 1, NULL), (42, 1, 4, 'D2', 2, NULL), (43, 1, 4, 'D3', 3, NULL),"
    "  (44, 1, 4, 'D4', 4, 41);"
    "INSERT INTO score (entry_id, judge_id, criterion_id, value) VALUES"
    "  (41, 1, 41, 90), (42, 1, 41, 80), (43, 1, 41, 70), (44, 1, 41, 60);"
    "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES (41, 4, 1, '一等奖', 1);"
    /* Trimmed mean with an abstention and a conflict of interest. */
    "INSERT INTO track (id, campaign_id, seq, name, score_aggregate) VALUES (5, 1, 5, '演讲', "
    "'trimmed_mean');"
    "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES (51, 5, 1, '总分', 10);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES (51, 1, 5, 'S1', 1);"
    "INSERT INTO score (entry_id, judge_id, criterion_id, value, abstain, conflict) VALUES"
    "  (51, 1, 51, 9, 0, 0), (51, 2, 51, 2, 0, 0), (51, 3, 51, 6, 0, 0), (51, 4, 51, 7, 0, 0),"
    "  (51, 5, 51, 0, 0, 1), (51, 6, 51, 10, 1, 0);"
    /* A strict judge and a lenient one who disagree on the order. */
    "INSERT INTO track (id, campaign_id, seq, name, normalize_judges) VALUES (6, 1, 6, '书法', 1);"
    "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES (61, 6, 1, '总分', 100);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES (61, 1, 6, 'Z1', 1),"
    "  (62, 1, 6, 'Z2', 2);"
    "INSERT INTO score (entry_id, judge_id, criterion_id, value) VALUES"
    "  (61, 1, 61, 60), (62, 1, 61, 40), (61, 2, 61, 90), (62, 2, 61, 100);";

static TzDb *
open_fixture (void)
{
  TzDb *db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (db, fixture, &error));
  g_assert_no_error (error);
  return db;
}

static TzRankRow *
find_row (GPtrArray *rows, const char *title)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((TzRankRow *) rows->pdata[i])->title, title))
      return rows->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

static GPtrArray *
rank (TzDb *db, gint64 track_id, gboolean save)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = tz_ranking_compute (db, track_id, save, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_worked_example (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = rank (db, 1, TRUE);
  TzRankRow *a = find_row (rows, "A"), *b = find_row (rows, "B"), *c = find_row (rows, "C");

  g_assert_cmpfloat_with_epsilon (a->expert, 85.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (b->expert, 80.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (c->expert, 67.0, 1e-6);
  g_assert_cmpfloat (a->metric, ==, 1200); /* the latest snapshot, not the first */
  g_assert_cmpfloat_with_epsilon (a->composite, 75.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (b->composite, 88.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (c->composite, 70.2, 1e-6);
  g_assert_true (rows->pdata[0] == b);
  g_assert_cmpint (b->rank, ==, 1);
  g_assert_cmpint (a->rank, ==, 2);
  g_assert_cmpint (c->rank, ==, 3);
  g_assert_false (a->tied);
  g_assert_cmpstr (b->award, ==, "一等奖");
  g_assert_cmpstr (a->award, ==, "二等奖");
  g_assert_cmpstr (c->award, ==, "三等奖");
  g_assert_null (b->division);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 3);
  g_assert_cmpint (tz_test_query_int (db, "SELECT award_tier_id FROM award WHERE entry_id = 2"), ==,
                   1);
}

static void
test_tier_larger_than_entrants (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (tz_db_exec (db, "DELETE FROM entry WHERE id = 3", NULL));
  rows = rank (db, 1, TRUE);
  g_assert_cmpuint (rows->len, ==, 2);
  /* 三等奖 has five places and nobody left to take them. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id = 3"), ==,
                   0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 2);
}

static void
test_best_work_only (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = rank (db, 2, FALSE);
  TzRankRow *best = find_row (rows, "甲二"), *other = find_row (rows, "乙一");

  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_true (rows->pdata[0] == best);
  g_assert_true (rows->pdata[1] == other);
  g_assert_cmpint (best->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (best->composite, 100.0, 1e-6);
  g_assert_cmpint (other->rank, ==, 2);
  g_assert_cmpfloat_with_epsilon (other->composite, 50.0, 1e-6);
  g_assert_cmpstr (best->award, ==, "一等奖");
  g_assert_cmpstr (other->award, ==, "二等奖");
  for (guint i = 2; i < 4; i++)
    {
      TzRankRow *r = rows->pdata[i];

      g_assert_false (r->counted);
      g_assert_cmpint (r->rank, ==, 0);
      g_assert_null (r->award);
    }
  g_assert_cmpstr (((TzRankRow *) rows->pdata[2])->title, ==, "甲一");
}

static void
test_ties_shown (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = rank (db, 3, FALSE);

  g_assert_cmpint (find_row (rows, "T1")->rank, ==, 1);
  g_assert_cmpint (find_row (rows, "T2")->rank, ==, 2);
  g_assert_cmpint (find_row (rows, "T3")->rank, ==, 2);
  g_assert_true (find_row (rows, "T2")->tied);
  g_assert_true (find_row (rows, "T3")->tied);
  /* Equal votes, the earlier submission first: no tie. */
  g_assert_cmpint (find_row (rows, "T5")->rank, ==, 4);
  g_assert_cmpint (find_row (rows, "T4")->rank, ==, 5);
  g_assert_false (find_row (rows, "T4")->tied);
  /* 二等奖 has one place for two tied entries: both drop to 三等奖. */
  g_assert_cmpstr (find_row (rows, "T1")->award, ==, "一等奖");
  g_assert_cmpstr (find_row (rows, "T2")->award, ==, "三等奖");
  g_assert_cmpstr (find_row (rows, "T3")->award, ==, "三等奖");
  g_assert_cmpstr (find_row (rows, "T5")->award, ==, "三等奖");
  g_assert_null (find_row (rows, "T4")->award);
}

static void
test_manual_award_takes_a_place (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (tz_db_exec (
      db, "INSERT INTO award (award_tier_id, entry_id, manual) VALUES (31, 34, 1)", NULL));
  rows = rank (db, 3, TRUE);
  /* T4's 一等奖 by hand fills the tier: everyone else moves down one tier. */
  g_assert_cmpstr (find_row (rows, "T4")->award, ==, "一等奖");
  g_assert_cmpstr (find_row (rows, "T1")->award, ==, "二等奖");
  g_assert_cmpstr (find_row (rows, "T2")->award, ==, "三等奖");
  g_assert_cmpstr (find_row (rows, "T5")->award, ==, "三等奖");
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE entry_id = 34"), ==, 1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 5);
}

static void
test_divisions_ranked_separately (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = rank (db, 4, FALSE);

  g_assert_cmpstr (find_row (rows, "D1")->division, ==, "职工组");
  g_assert_cmpstr (find_row (rows, "D3")->division, ==, "教师组");
  g_assert_cmpstr (find_row (rows, "D4")->division, ==, "职工组"); /* placed by hand */
  g_assert_cmpint (find_row (rows, "D1")->rank, ==, 1);
  g_assert_cmpint (find_row (rows, "D2")->rank, ==, 2);
  g_assert_cmpint (find_row (rows, "D4")->rank, ==, 3);
  g_assert_cmpint (find_row (rows, "D3")->rank, ==, 1);
  g_assert_cmpstr (find_row (rows, "D1")->award, ==, "一等奖");
  g_assert_cmpstr (find_row (rows, "D3")->award, ==, "一等奖");
  g_assert_null (find_row (rows, "D2")->award);
  g_assert_cmpstr (((TzRankRow *) rows->pdata[3])->title, ==, "D3");
}

static void
test_trimmed_mean_without_abstentions (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = rank (db, 5, FALSE);

  /* 9, 2, 6, 7 count (0 and 10 are a conflict and an abstention); without
   * the highest and the lowest: (6 + 7) / 2 = 6.5 of 10. */
  g_assert_cmpfloat_with_epsilon (find_row (rows, "S1")->expert, 65.0, 1e-6);
  g_assert_true (tz_db_exec (db, "UPDATE track SET score_aggregate = 'mean' WHERE id = 5", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 5, FALSE);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "S1")->expert, 60.0, 1e-6);
}

static void
test_normalized_judges (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = rank (db, 6, FALSE);

  /* Each judge's values become ±1 deviation around the criterion's mean of
   * 72.5: the strict judge's 20-point gap weighs as much as the lenient
   * judge's 10-point one, so the entries tie. */
  g_assert_cmpfloat_with_epsilon (find_row (rows, "Z1")->expert, 72.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "Z2")->expert, 72.5, 1e-6);
  g_assert_cmpint (find_row (rows, "Z1")->rank, ==, 1);
  g_assert_cmpint (find_row (rows, "Z2")->rank, ==, 1);
  g_assert_true (find_row (rows, "Z1")->tied);

  /* Without normalisation the means are 75 and 70. */
  g_assert_true (tz_db_exec (db, "UPDATE track SET normalize_judges = 0 WHERE id = 6", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 6, FALSE);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "Z1")->expert, 75.0, 1e-6);
  g_assert_cmpint (find_row (rows, "Z2")->rank, ==, 2);
  g_assert_false (find_row (rows, "Z1")->tied);
}

static void
test_special_award_kept (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (tz_db_exec (
      db, "INSERT INTO award (award_tier_id, entry_id, manual) VALUES (4, 1, 1)", NULL));
  g_ptr_array_unref (rank (db, 1, TRUE));
  g_assert_true (tz_db_exec (
      db,
      "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES (3, '网络评选', "
      "5000, '2023-11-01')",
      NULL));
  rows = rank (db, 1, TRUE);
  g_assert_cmpstr (find_row (rows, "A")->award, ==, "三等奖、最佳创意奖");
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id = 4 AND entry_id = 1"),
      ==, 1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 4);
}

static void
test_locked_allocation (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gboolean locked = TRUE;

  g_assert_false (tz_ranking_set_locked (db, 1, TRUE, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);

  g_ptr_array_unref (rank (db, 1, TRUE));
  g_assert_true (tz_ranking_set_locked (db, 1, TRUE, &error));
  g_assert_true (tz_ranking_is_locked (db, 1, &locked, &error));
  g_assert_true (locked);
  /* New expert scores would put C first. */
  g_assert_true (tz_db_exec (db, "UPDATE score SET value = 50 WHERE entry_id = 3", NULL));
  rows = rank (db, 1, TRUE);
  g_assert_cmpint (find_row (rows, "C")->rank, ==, 1);
  g_assert_cmpstr (find_row (rows, "C")->award, ==, "三等奖");
  g_assert_cmpstr (find_row (rows, "B")->award, ==, "一等奖");
  g_assert_cmpint (tz_test_query_int (db, "SELECT award_tier_id FROM award WHERE entry_id = 2"), ==,
                   1);

  g_assert_true (tz_ranking_set_locked (db, 1, FALSE, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 1, TRUE);
  g_assert_cmpstr (find_row (rows, "C")->award, ==, "一等奖");
  g_assert_cmpint (tz_test_query_int (db, "SELECT award_tier_id FROM award WHERE entry_id = 3"), ==,
                   1);
}

static void
test_unit_kind_quota (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = NULL;

  /* 三等奖 only for entries recommended by a school. */
  g_assert_true (tz_db_exec (db,
                             "UPDATE award_tier SET unit_kind = 'school' WHERE id = 33;"
                             "UPDATE entry SET recommending_unit_id = 10 WHERE id IN (31, 32);"
                             "UPDATE entry SET recommending_unit_id = 11 WHERE id IN (33, 34, 35);",
                             NULL));
  rows = rank (db, 3, TRUE);
  g_assert_cmpstr (find_row (rows, "T1")->award, ==, "一等奖");
  /* T2 (an enterprise's) and T3 tie: 二等奖 is too small, 三等奖 is not theirs. */
  g_assert_null (find_row (rows, "T2")->award);
  g_assert_null (find_row (rows, "T3")->award);
  g_assert_cmpstr (find_row (rows, "T5")->award, ==, "三等奖");
  g_assert_cmpstr (find_row (rows, "T4")->award, ==, "三等奖");
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id = 33"),
                   ==, 2);
}

static void
test_unknown_track (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = tz_ranking_compute (db, 999, FALSE, &error);

  g_assert_null (rows);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ranking/worked-example", test_worked_example);
  g_test_add_func ("/ranking/tier-larger-than-entrants", test_tier_larger_than_entrants);
  g_test_add_func ("/ranking/best-work-only", test_best_work_only);
  g_test_add_func ("/ranking/ties-shown", test_ties_shown);
  g_test_add_func ("/ranking/manual-award-takes-a-place", test_manual_award_takes_a_place);
  g_test_add_func ("/ranking/divisions", test_divisions_ranked_separately);
  g_test_add_func ("/ranking/trimmed-mean", test_trimmed_mean_without_abstentions);
  g_test_add_func ("/ranking/normalized-judges", test_normalized_judges);
  g_test_add_func ("/ranking/special-award-kept", test_special_award_kept);
  g_test_add_func ("/ranking/locked", test_locked_allocation);
  g_test_add_func ("/ranking/unit-kind-quota", test_unit_kind_quota);
  g_test_add_func ("/ranking/unknown-track", test_unknown_track);

  return g_test_run ();
}
