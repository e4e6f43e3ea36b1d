/* test-ranking.c — ranking a track and allocating its award tiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tz-campaign-file.h"
#include "tz-ranking.h"
#include "tz-scores.h"
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
    "  (61, 1, 61, 60), (62, 1, 61, 40), (61, 2, 61, 90), (62, 2, 61, 100);"
    /* An account track: likes per account, only an entrant's best account. */
    "INSERT INTO account (id, person_id, platform, nickname) VALUES (1, 1, '抖音', '甲的号'),"
    "  (2, 2, '抖音', '乙的号'), (3, 1, '快手', '甲的小号');"
    "INSERT INTO track (id, campaign_id, seq, name, entry_kind, ranking_method, metric,"
    "  best_work_only) VALUES (7, 1, 7, '网络达人', 'account', 'metric', '点赞量', 1);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id, account_id) VALUES"
    "  (71, 1, 7, 'K1', 1, 1), (72, 1, 7, 'K2', 2, 2), (73, 1, 7, 'K3', 1, 3),"
    "  (74, 1, 7, 'K4', 3, NULL);"
    /* The latest by date counts, whatever the order of import. */
    "INSERT INTO metric_snapshot (account_id, metric, value, taken_on) VALUES"
    "  (1, '点赞量', 300, '2023-01-01'), (1, '点赞量', 700, '2023-02-01'),"
    "  (1, '点赞量', 500, '2023-01-15'), (1, '浏览量', 99999, '2023-03-01'),"
    "  (2, '点赞量', 900, '2023-02-01'), (3, '点赞量', 650, '2023-02-01');"
    /* K2's own snapshot comes before its account's. */
    "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
    "  (72, '点赞量', 400, '2023-01-01');"
    "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES (71, 7, 1, '一等奖', 1),"
    "  (72, 7, 2, '二等奖', 5);";

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

static void
test_account_metrics (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = rank (db, 7, FALSE);
  TzRankRow *k1 = find_row (rows, "K1"), *k2 = find_row (rows, "K2");
  TzRankRow *k3 = find_row (rows, "K3"), *k4 = find_row (rows, "K4");

  /* K1 has no snapshot of its own: its account's latest (by date) counts. */
  g_assert_cmpfloat (k1->metric, ==, 700);
  g_assert_true (k1->metric_from_account);
  g_assert_cmpstr (k1->metric_taken_on, ==, "2023-02-01");
  /* K2's own snapshot wins over its account's 900. */
  g_assert_cmpfloat (k2->metric, ==, 400);
  g_assert_false (k2->metric_from_account);
  g_assert_cmpstr (k2->metric_taken_on, ==, "2023-01-01");
  /* 甲's two accounts: only the better one (700 > 650) counts. */
  g_assert_cmpfloat (k3->metric, ==, 650);
  g_assert_false (k3->counted);
  g_assert_cmpint (k3->rank, ==, 0);
  g_assert_cmpfloat (k4->metric, ==, -1);
  g_assert_null (k4->metric_taken_on);

  g_assert_cmpint (k1->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (k1->composite, 100.0, 1e-6);
  g_assert_cmpint (k2->rank, ==, 2);
  g_assert_cmpfloat_with_epsilon (k2->composite, 100.0 * 400 / 700, 1e-6);
  g_assert_cmpint (k4->rank, ==, 3);
  g_assert_cmpfloat (k4->composite, ==, 0);
  g_assert_cmpstr (k1->award, ==, "一等奖");
  g_assert_cmpstr (k2->award, ==, "二等奖");
  g_assert_null (k3->award);

  /* A later snapshot of 甲's second account makes it the best one. */
  g_assert_true (tz_db_exec (db,
                             "INSERT INTO metric_snapshot (account_id, metric, value, taken_on)"
                             " VALUES (3, '点赞量', 800, '2023-02-02')",
                             NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 7, FALSE);
  g_assert_true (find_row (rows, "K3")->counted);
  g_assert_false (find_row (rows, "K1")->counted);
  g_assert_cmpint (find_row (rows, "K3")->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "K2")->composite, 50.0, 1e-6);
}

static const char *
status_of (TzDb *db, gint64 entry_id)
{
  static char status[32];
  g_autofree char *sql =
      g_strdup_printf ("SELECT status FROM entry WHERE id = %" G_GINT64_FORMAT, entry_id);
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_strlcpy (status, (const char *) sqlite3_column_text (stmt, 0), sizeof status);
  return status;
}

static void
test_entry_status (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  /* Votes 100, 80, 80, 50, 50 and tiers 1, 1, 3: T4 gets nothing. */
  g_assert_true (tz_db_exec (db,
                             "UPDATE entry SET status = 'submitted' WHERE id = 31;"
                             "UPDATE entry SET status = 'reviewed' WHERE id = 32;"
                             "UPDATE entry SET status = 'shortlisted' WHERE id = 33;"
                             "UPDATE entry SET status = 'awarded' WHERE id = 34;"
                             "UPDATE entry SET status = 'draft' WHERE id = 35;",
                             NULL));
  /* Looking changes nothing. */
  g_ptr_array_unref (rank (db, 3, FALSE));
  g_assert_cmpstr (status_of (db, 34), ==, "awarded");
  g_assert_cmpstr (status_of (db, 31), ==, "submitted");

  rows = rank (db, 3, TRUE);
  g_assert_cmpstr (status_of (db, 31), ==, "awarded");
  g_assert_cmpstr (status_of (db, 32), ==, "awarded");
  g_assert_cmpstr (status_of (db, 33), ==, "awarded");
  /* Awarded before, nothing now: back to reviewed. */
  g_assert_cmpstr (status_of (db, 34), ==, "reviewed");
  /* A draft keeps its status, though ranked and awarded 三等奖. */
  g_assert_cmpstr (find_row (rows, "T5")->award, ==, "三等奖");
  g_assert_cmpstr (status_of (db, 35), ==, "draft");

  /* T3 withdrawn: left out of the ranking, its status untouched; T2 moves
   * up to 二等奖 and T4 into 三等奖. */
  g_assert_true (tz_db_exec (db, "UPDATE entry SET status = 'withdrawn' WHERE id = 33", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 3, TRUE);
  g_assert_cmpstr (status_of (db, 33), ==, "withdrawn");
  g_assert_cmpstr (find_row (rows, "T2")->award, ==, "二等奖");
  g_assert_cmpstr (find_row (rows, "T4")->award, ==, "三等奖");
  g_assert_cmpstr (status_of (db, 34), ==, "awarded");

  /* Locked: nothing is written, statuses included. */
  g_assert_true (tz_ranking_set_locked (db, 3, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (tz_db_exec (db, "UPDATE metric_snapshot SET value = 0 WHERE entry_id = 34", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 3, TRUE);
  g_assert_cmpstr (status_of (db, 34), ==, "awarded");
  g_assert_cmpstr (find_row (rows, "T4")->award, ==, "三等奖");
}

static void
test_non_entry_recipients (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GPtrArray) rows = NULL;

  /* An instructor award and an organisation award beside the tiers of track 3. */
  g_assert_true (tz_db_exec (
      db,
      "INSERT INTO award_tier (id, track_id, seq, name, count, recipient) VALUES"
      "  (34, 3, 4, '优秀指导教师', 5, 'instructor'), (35, 3, 5, '优秀组织奖', 2, 'organization');"
      "UPDATE entry SET instructor = '王老师', status = 'reviewed' WHERE id = 34;"
      "INSERT INTO award (award_tier_id, entry_id, manual) VALUES (34, 34, 1);"
      "INSERT INTO award (award_tier_id, unit_id, manual) VALUES (35, 10, 1);",
      NULL));
  rows = rank (db, 3, TRUE);
  /* They are not allocated by rank and take no place of the others. */
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id IN (34, 35)"), ==, 2);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE manual = 0"), ==, 4);
  g_assert_cmpstr (find_row (rows, "T1")->award, ==, "一等奖");
  g_assert_cmpstr (find_row (rows, "T5")->award, ==, "三等奖");
  /* T4's instructor is honoured; the work itself has no award. */
  g_assert_cmpstr (find_row (rows, "T4")->award, ==, "优秀指导教师");
  g_assert_cmpstr (status_of (db, 34), ==, "reviewed");

  /* A person tier is allocated by rank like an entry tier (榜样典型 on a
   * nomination track); a person given its award by hand takes a place. */
  g_assert_true (tz_db_exec (
      db, "UPDATE award_tier SET recipient = 'person' WHERE id IN (31, 32, 33);", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 3, TRUE);
  g_assert_cmpstr (find_row (rows, "T1")->award, ==, "一等奖");
  g_assert_cmpstr (find_row (rows, "T5")->award, ==, "三等奖");
  g_assert_true (tz_db_exec (
      db, "INSERT INTO award (award_tier_id, person_id, manual) VALUES (31, 5, 1)", NULL));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, 3, TRUE);
  g_assert_cmpstr (find_row (rows, "T1")->award, ==, "二等奖");
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id = 31"),
                   ==, 1);
}

static TzRankBreakdown *
breakdown (TzDb *db, gint64 track_id, gint64 entry_id)
{
  g_autoptr (GError) error = NULL;
  TzRankBreakdown *b = tz_ranking_breakdown (db, track_id, entry_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (b);
  return b;
}

static const TzScoreDetail *
find_score (const TzRankBreakdown *b, gint64 judge_id, gint64 criterion_id)
{
  for (guint i = 0; i < b->scores->len; i++)
    {
      const TzScoreDetail *s = &g_array_index (b->scores, TzScoreDetail, i);

      if (s->judge_id == judge_id && s->criterion_id == criterion_id)
        return s;
    }
  return NULL;
}

static void
test_breakdown_worked_example (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (TzRankBreakdown) b = breakdown (db, 1, 1);
  const TzCriterionDetail *content, *craft;
  const TzJudgeDetail *j1;

  g_assert_cmpstr (b->row->title, ==, "A");
  g_assert_cmpstr (b->rules->method, ==, "composite");
  g_assert_cmpuint (b->criteria->len, ==, 2);
  content = b->criteria->pdata[0];
  craft = b->criteria->pdata[1];
  g_assert_cmpstr (content->name, ==, "视频内容");
  g_assert_cmpfloat (content->max, ==, 50);
  g_assert_cmpfloat_with_epsilon (content->aggregate, 44, 1e-9);
  g_assert_cmpfloat_with_epsilon (craft->aggregate, 41, 1e-9);
  g_assert_cmpuint (content->n_counted, ==, 2);
  g_assert_cmpfloat (b->expert_max_total, ==, 100);
  g_assert_cmpuint (b->judges->len, ==, 2);
  j1 = b->judges->pdata[0];
  g_assert_cmpstr (j1->name, ==, "评委一");
  g_assert_cmpfloat (j1->total, ==, 85);
  g_assert_cmpfloat (((TzJudgeDetail *) b->judges->pdata[1])->total, ==, 85);
  g_assert_cmpuint (b->scores->len, ==, 4);
  g_assert_cmpfloat (find_score (b, 1, 1)->value, ==, 45);
  g_assert_cmpfloat (find_score (b, 2, 2)->value, ==, 42);
  g_assert_cmpint (find_score (b, 2, 2)->use, ==, TZ_SCORE_COUNTED);
  /* By judge, then criterion. */
  g_assert_cmpint (g_array_index (b->scores, TzScoreDetail, 0).judge_id, ==, 1);
  g_assert_cmpint (g_array_index (b->scores, TzScoreDetail, 1).criterion_id, ==, 2);

  g_assert_cmpfloat_with_epsilon (b->row->expert, 85, 1e-6);
  g_assert_cmpfloat (b->row->metric, ==, 1200);
  g_assert_cmpstr (b->row->metric_taken_on, ==, "2023-10-31");
  g_assert_false (b->row->metric_from_account);
  g_assert_cmpfloat (b->metric_max, ==, 2000);
  g_assert_cmpfloat_with_epsilon (b->metric_scaled, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->expert_share, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (b->metric_share, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (b->expert_part, 51, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->metric_part, 24, 1e-9);
  g_assert_cmpfloat_with_epsilon (b->row->composite, 75, 1e-6);
  g_assert_cmpint (b->row->rank, ==, 2);
  g_assert_cmpstr (b->row->award, ==, "二等奖");
  /* Nothing saved. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 0);
}

static void
test_breakdown_left_out (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (TzRankBreakdown) b = breakdown (db, 5, 51);
  const TzScoreDetail *s;

  /* 9, 2, 6, 7 count; the trimmed mean leaves out 2 and 9. */
  g_assert_cmpuint (b->scores->len, ==, 6);
  g_assert_cmpint (find_score (b, 1, 51)->use, ==, TZ_SCORE_TRIMMED);
  g_assert_cmpint (find_score (b, 2, 51)->use, ==, TZ_SCORE_TRIMMED);
  g_assert_cmpint (find_score (b, 3, 51)->use, ==, TZ_SCORE_COUNTED);
  g_assert_cmpint (find_score (b, 4, 51)->use, ==, TZ_SCORE_COUNTED);
  s = find_score (b, 5, 51);
  g_assert_cmpint (s->use, ==, TZ_SCORE_CONFLICT);
  g_assert_true (s->conflict);
  g_assert_cmpfloat (s->adjusted, ==, -1);
  s = find_score (b, 6, 51);
  g_assert_cmpint (s->use, ==, TZ_SCORE_ABSTAIN);
  g_assert_true (s->abstain);
  g_assert_cmpfloat (s->value, ==, 10);
  g_assert_cmpfloat_with_epsilon (((TzCriterionDetail *) b->criteria->pdata[0])->aggregate, 6.5,
                                  1e-9);
  g_assert_cmpuint (((TzCriterionDetail *) b->criteria->pdata[0])->n_counted, ==, 4);
  g_assert_cmpfloat_with_epsilon (b->row->expert, 65, 1e-6);
  /* The judges who declared a conflict or abstained have no total. */
  for (guint i = 0; i < b->judges->len; i++)
    {
      const TzJudgeDetail *j = b->judges->pdata[i];

      if (j->id == 5 || j->id == 6)
        g_assert_cmpfloat (j->total, ==, -1);
      else
        g_assert_cmpfloat (j->total, >=, 0);
    }
  /* An expert track: the composite is the expert total. */
  g_assert_cmpfloat (b->expert_share, ==, 1);
  g_assert_cmpfloat (b->metric_share, ==, 0);
  g_assert_cmpfloat_with_epsilon (b->expert_part, 65, 1e-6);
}

static void
test_breakdown_normalized (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (TzRankBreakdown) b = breakdown (db, 6, 61);
  const TzScoreDetail *strict = NULL, *lenient = NULL;

  g_assert_true (b->rules->normalize);
  strict = find_score (b, 1, 61);
  lenient = find_score (b, 2, 61);
  /* Z1: the strict judge's 60 of (60, 40) is +1 deviation, the lenient
   * judge's 90 of (90, 100) is −1. */
  g_assert_cmpfloat_with_epsilon (strict->z, 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (lenient->z, -1, 1e-9);
  g_assert_cmpfloat (strict->value, ==, 60);
  g_assert_cmpfloat_with_epsilon (strict->adjusted + lenient->adjusted, 145, 1e-9);
  g_assert_cmpfloat (strict->adjusted, >, lenient->adjusted);
  g_assert_cmpfloat_with_epsilon (b->row->expert, 72.5, 1e-6);
}

static void
test_breakdown_account (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (TzRankBreakdown) b = breakdown (db, 7, 71);
  g_autoptr (TzRankBreakdown) other = breakdown (db, 7, 73);

  g_assert_true (b->row->metric_from_account);
  g_assert_cmpint (b->metric_account_id, ==, 1);
  g_assert_cmpstr (b->row->metric_taken_on, ==, "2023-02-01");
  g_assert_cmpuint (b->scores->len, ==, 0);
  g_assert_cmpfloat (b->metric_share, ==, 1);
  g_assert_cmpfloat_with_epsilon (b->metric_part, 100, 1e-9);
  g_assert_false (other->row->counted);
  g_assert_cmpint (other->metric_account_id, ==, 3);
}

/* The breakdown and the ranking are one computation: every entry of every
 * track of the fixture gives the same composite and rank both ways. */
static void
test_breakdown_agrees (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;

  for (gint64 track = 1; track <= 7; track++)
    {
      g_autoptr (GPtrArray) rows = rank (db, track, FALSE);

      for (guint i = 0; i < rows->len; i++)
        {
          const TzRankRow *row = rows->pdata[i];
          g_autoptr (TzRankBreakdown) b = breakdown (db, track, row->entry_id);

          g_assert_cmpfloat (b->row->composite, ==, row->composite);
          g_assert_cmpfloat (b->row->expert, ==, row->expert);
          g_assert_cmpint (b->row->rank, ==, row->rank);
          g_assert_cmpstr (b->row->award, ==, row->award);
          g_assert_cmpfloat_with_epsilon (b->expert_part + b->metric_part, row->composite, 1e-5);
        }
    }
  g_assert_null (tz_ranking_breakdown (db, 1, 21, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

/* The Heilongjiang notice: views counted by the platform with each person's
 * daily limit applied, imported day by day; the latest snapshot counts and
 * only a unit's best work. */
static void
test_heilongjiang_views (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  g_autoptr (TzRankingRules) rules = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 campaign_id, track_id;
  static const struct
  {
    gint64 entry;
    const char *day;
    double views;
  } views[] = {
    { 1, "2022-08-01", 120 },
    { 1, "2022-08-02", 260 },
    { 1, "2022-08-03", 410 },
    /* W2: the platform took back views over the daily limit on 8-3. */
    { 2, "2022-08-01", 300 },
    { 2, "2022-08-02", 450 },
    { 2, "2022-08-03", 380 },
    { 3, "2022-08-01", 200 },
    { 3, "2022-08-03", 390 },
  };

  campaign_id = tz_campaign_import_file (db, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (campaign_id, >, 0);
  stmt = tz_db_prepare (db,
                        "SELECT id FROM track WHERE campaign_id = ?1 AND metric = '浏览量'"
                        " AND best_work_only = 1 ORDER BY seq LIMIT 1",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  track_id = sqlite3_column_int64 (stmt, 0);

  rules = tz_ranking_get_rules (db, track_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rules->method, ==, "metric");
  g_assert_cmpstr (rules->metric, ==, "浏览量");
  g_assert_true (rules->best_work_only);
  g_assert_cmpint (rules->max_per_voter_per_day, ==, 3);
  g_assert_nonnull (strstr (rules->note, "3 次"));

  /* Two works of one unit, one of another (entered by units, 单位、团体). */
  {
    g_autofree char *sql = g_strdup_printf (
        "INSERT INTO unit (id, name, kind) VALUES (901, '哈尔滨电机厂工会', 'enterprise'),"
        "  (902, '大庆油田工会', 'enterprise');"
        "INSERT INTO entry (id, campaign_id, track_id, title, entrant_unit_id, status) VALUES"
        "  (1, %1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ", '重走抗联路', 901, 'submitted'),"
        "  (2, %1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT
        ", '车间里的红色记忆', 901, 'submitted'),"
        "  (3, %1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT
        ", '铁人纪念馆打卡', 902, 'submitted');",
        campaign_id, track_id);

    g_assert_true (tz_db_exec (db, sql, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (tz_metric_save (db, views[i].entry, "浏览量", views[i].views, views[i].day,
                                     "平台导出", NULL, &error));
      g_assert_no_error (error);
    }

  rows = rank (db, track_id, TRUE);
  g_assert_cmpuint (rows->len, ==, 3);
  /* The latest snapshots: W1 410, W2 380 (not its 450 of 8-2), W3 390. */
  g_assert_cmpfloat (find_row (rows, "重走抗联路")->metric, ==, 410);
  g_assert_cmpfloat (find_row (rows, "车间里的红色记忆")->metric, ==, 380);
  g_assert_cmpstr (find_row (rows, "车间里的红色记忆")->metric_taken_on, ==, "2022-08-03");
  /* The unit's best work is W1; W2 does not count. */
  g_assert_false (find_row (rows, "车间里的红色记忆")->counted);
  g_assert_cmpint (find_row (rows, "重走抗联路")->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "重走抗联路")->composite, 100, 1e-6);
  g_assert_cmpint (find_row (rows, "铁人纪念馆打卡")->rank, ==, 2);
  g_assert_cmpfloat_with_epsilon (find_row (rows, "铁人纪念馆打卡")->composite, 100.0 * 390 / 410,
                                  1e-6);
  /* 一等奖 has ten places: both counted works have it. */
  g_assert_cmpstr (find_row (rows, "重走抗联路")->award, ==, "一等奖");
  g_assert_cmpstr (find_row (rows, "铁人纪念馆打卡")->award, ==, "一等奖");
  g_assert_null (find_row (rows, "车间里的红色记忆")->award);
  g_assert_cmpstr (status_of (db, 1), ==, "awarded");
  g_assert_cmpstr (status_of (db, 2), ==, "submitted");

  /* A new day: W2 overtakes W1 and becomes the unit's work that counts. */
  g_assert_true (tz_metric_save (db, 2, "浏览量", 520, "2022-08-04", NULL, NULL, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = rank (db, track_id, TRUE);
  g_assert_true (find_row (rows, "车间里的红色记忆")->counted);
  g_assert_false (find_row (rows, "重走抗联路")->counted);
  g_assert_cmpstr (status_of (db, 1), ==, "reviewed");
  g_assert_cmpstr (status_of (db, 2), ==, "awarded");
}

/* Entries with neither a score nor a figure get no award by rank. */
static void
test_no_data_no_award (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (
      tz_db_exec (db,
                  "INSERT INTO campaign (id, title) VALUES (1, '活动');"
                  "INSERT INTO person (id, name) VALUES (1, '甲'), (2, '乙'), (3, '丙');"
                  "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric)"
                  "  VALUES (1, 1, 1, '投票', 'metric', '得票数');"
                  "INSERT INTO entry (id, campaign_id, track_id, title, person_id, status)"
                  "  VALUES (1, 1, 1, 'A', 1, 'submitted'), (2, 1, 1, 'B', 2, 'submitted'),"
                  "  (3, 1, 1, 'C', 3, 'submitted');"
                  "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES"
                  "  (1, 1, 1, '一等奖', 1), (2, 1, 2, '二等奖', 5);",
                  &error));
  g_assert_no_error (error);
  rows = tz_ranking_compute (db, 1, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_assert_null (((TzRankRow *) rows->pdata[i])->award);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One figure comes in: only that entry is placed. */
  g_assert_true (tz_db_exec (db,
                             "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on)"
                             "  VALUES (2, '得票数', 10, '2023-01-01');",
                             &error));
  rows = tz_ranking_compute (db, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 1);
  g_assert_cmpint (tz_test_query_int (db, "SELECT entry_id FROM award"), ==, 2);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM entry WHERE status = 'awarded'"),
                   ==, 1);
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
  g_test_add_func ("/ranking/account-metrics", test_account_metrics);
  g_test_add_func ("/ranking/entry-status", test_entry_status);
  g_test_add_func ("/ranking/non-entry-recipients", test_non_entry_recipients);
  g_test_add_func ("/ranking/breakdown/worked-example", test_breakdown_worked_example);
  g_test_add_func ("/ranking/breakdown/left-out", test_breakdown_left_out);
  g_test_add_func ("/ranking/breakdown/normalized", test_breakdown_normalized);
  g_test_add_func ("/ranking/breakdown/account", test_breakdown_account);
  g_test_add_func ("/ranking/breakdown/agrees", test_breakdown_agrees);
  g_test_add_func ("/ranking/heilongjiang-views", test_heilongjiang_views);
  g_test_add_func ("/ranking/no-data-no-award", test_no_data_no_award);

  return g_test_run ();
}
