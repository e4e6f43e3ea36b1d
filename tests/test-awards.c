/* test-awards.c — awards given by hand and the rounds of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "tz-awards.h"
#include "tz-error.h"
#include "tz-ranking.h"
#include "tz-test-common.h"

/* Track 1: votes 100, 90, 80, 80, 50; two first prizes, a special award.
 * Track 2: another track with its own tier. */
static const char fixture[] =
    "INSERT INTO unit (id, name, kind) VALUES (10, '某机械厂', 'enterprise');"
    "INSERT INTO campaign (id, title) VALUES (1, '测试活动');"
    "INSERT INTO person (id, name, unit_id) VALUES (1, '甲', 10), (2, '乙', 10), (3, '丙', 10),"
    "  (4, '丁', 10), (5, '戊', 10);"
    "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric)"
    "  VALUES (1, 1, 1, '投票', 'metric', '得票数'), (2, 1, 2, '征文', 'metric', '得票数');"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES"
    "  (1, 1, 1, 'A', 1), (2, 1, 1, 'B', 2), (3, 1, 1, 'C', 3), (4, 1, 1, 'D', 4),"
    "  (5, 1, 1, 'E', 5), (21, 1, 2, 'X', 1);"
    "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
    "  (1, '得票数', 100, '2023-10-01'), (2, '得票数', 90, '2023-10-01'),"
    "  (3, '得票数', 80, '2023-10-01'), (4, '得票数', 80, '2023-10-01'),"
    "  (5, '得票数', 50, '2023-10-01');"
    "INSERT INTO award_tier (id, track_id, seq, name, count, special) VALUES"
    "  (1, 1, 1, '一等奖', 2, 0), (2, 1, 2, '最佳创意奖', 1, 1), (21, 2, 1, '一等奖', 1, 0);"
    /* Track 3: two divisions by unit kind, one first prize in each. */
    "INSERT INTO unit (id, name, kind) VALUES (11, '某中学', 'school');"
    "INSERT INTO person (id, name, unit_id) VALUES (6, '己', 11);"
    "INSERT INTO track (id, campaign_id, seq, name) VALUES (3, 1, 3, '书法');"
    "INSERT INTO division (id, track_id, seq, name) VALUES (31, 3, 1, '职工组'), (32, 3, 2, "
    "'教师组');"
    "INSERT INTO division_filter (division_id, dimension, value) VALUES"
    "  (31, 'unit_kind', 'enterprise'), (32, 'unit_kind', 'school');"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES"
    "  (31, 1, 3, 'S1', 1), (32, 1, 3, 'S2', 2), (33, 1, 3, 'S3', 6);"
    "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES (31, 3, 1, '一等奖', 1);";

static TzDb *
open_fixture (void)
{
  TzDb *db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (db, fixture, &error));
  g_assert_no_error (error);
  return db;
}

static void
test_assign_remove (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 id;
  TzAwardRow *row;

  id = tz_award_assign (db, 2, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  list = tz_award_list (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  row = list->pdata[0];
  g_assert_cmpstr (row->tier, ==, "最佳创意奖");
  g_assert_cmpstr (row->title, ==, "E");
  g_assert_true (row->manual);
  g_assert_false (row->locked);

  /* The special award is full with one place; a tier of another track. */
  g_assert_cmpint (tz_award_assign (db, 2, 4, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tz_award_assign (db, 21, 1, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tz_award_remove (db, id, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award"), ==, 0);
  g_assert_false (tz_award_remove (db, id, 0, 0, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* By tier and entry. */
  g_assert_cmpint (tz_award_assign (db, 2, 3, &error), >, 0);
  g_assert_true (tz_award_remove (db, 0, 2, 3, &error));
  g_assert_no_error (error);
}

static void
test_duplicate (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (tz_award_assign (db, 1, 5, &error), >, 0);
  g_assert_cmpint (tz_award_assign (db, 1, 5, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
}

static void
test_full_tier (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (tz_award_assign (db, 1, 4, &error), >, 0);
  g_assert_cmpint (tz_award_assign (db, 1, 5, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tz_award_assign (db, 1, 3, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "一等奖"));
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
test_full_by_division (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (tz_award_assign (db, 31, 31, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tz_award_assign (db, 31, 32, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  /* The other division has its own place. */
  g_assert_cmpint (tz_award_assign (db, 31, 33, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_manual_survives_ranking (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_cmpint (tz_award_assign (db, 2, 5, &error), >, 0);
  rows = tz_ranking_compute (db, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id = 2"
                                          " AND entry_id = 5 AND manual = 1"),
                   ==, 1);
  /* The allocation gave the two first prizes. */
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id = 1"), ==,
                   2);
}

static void
add_round (TzDb *db)
{
  g_autoptr (GError) error = NULL;
  const double scores[] = { 95, 90, 85, 85, 60 };

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO round (id, track_id, seq, name, held_by, advance_count)"
                             " VALUES (1, 1, 1, '初赛', '各市总工会', 2);",
                             &error));
  g_assert_no_error (error);
  /* Ranked 1, 2, 3, 3, 5 in the round: the round sends 2 up. */
  for (gint64 i = 0; i < 5; i++)
    {
      g_assert_true (tz_round_record (db, 1, i + 1, scores[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_round_close_tie (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;

  add_round (db);
  /* One more entry ties with the second at the boundary. */
  g_assert_true (tz_round_record (db, 1, 3, 90, &error));
  g_assert_no_error (error);
  /* Not closed yet: every entry may still take part. */
  ids = tz_round_advancing_ids (db, 1, &error);
  g_assert_cmpuint (ids->len, ==, 5);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (tz_round_close (db, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT rank FROM round_result WHERE round_id = 1 AND entry_id = 3"),
      ==, 2);
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT rank FROM round_result WHERE round_id = 1 AND entry_id = 4"),
      ==, 4);
  ids = tz_round_advancing_ids (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 3);

  /* An entry of another track is refused. */
  g_assert_false (tz_round_record (db, 1, 21, 10, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_final_ranks_advancing (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  add_round (db);
  g_assert_true (tz_round_close (db, 1, &error));
  g_assert_no_error (error);
  rows = tz_ranking_compute (db, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((TzRankRow *) rows->pdata[0])->title, ==, "A");
  g_assert_cmpstr (((TzRankRow *) rows->pdata[1])->title, ==, "B");
}

static void
test_no_rounds (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) ids = NULL;

  rows = tz_ranking_compute (db, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  ids = tz_round_advancing_ids (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 5);
}

static int
run_cli (char **out, const char *db, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("TZ_CLI"));
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, (gpointer) db);
  va_start (ap, db);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_newv ((const char *const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, NULL, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

/* Awards for instructors (through the entry whose 指导教师 they honour), for
 * organisations (a unit) and for people (a person), by hand. */
static void
test_recipients (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 id;

  g_assert_true (tz_db_exec (db,
                             "UPDATE entry SET instructor = '王老师' WHERE id = 1;"
                             "INSERT INTO award_tier (id, track_id, seq, name, count, recipient)"
                             "  VALUES (4, 1, 4, '优秀指导教师奖', 1, 'instructor'),"
                             "  (5, 1, 5, '优秀组织奖', 1, 'organization'),"
                             "  (6, 1, 6, '优秀组织者', 2, 'person');",
                             &error));
  g_assert_no_error (error);

  /* An instructor award needs an entry that names its instructor. */
  g_assert_cmpint (tz_award_assign (db, 4, 2, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tz_award_assign (db, 4, 1, &error), >, 0);
  g_assert_no_error (error);

  /* An organisation award goes to a unit, never to an entry or a person. */
  g_assert_cmpint (tz_award_assign (db, 5, 3, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tz_award_assign_recipient (db, 5, 0, 3, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  id = tz_award_assign_recipient (db, 5, 10, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (tz_award_assign_recipient (db, 5, 10, 0, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A person award: two places. */
  g_assert_cmpint (tz_award_assign_recipient (db, 6, 0, 3, &error), >, 0);
  g_assert_cmpint (tz_award_assign_recipient (db, 6, 0, 4, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tz_award_assign_recipient (db, 6, 0, 5, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tz_award_assign_recipient (db, 6, 0, 999, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = tz_award_list (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((TzAwardRow *) list->pdata[0])->recipient, ==, "王老师");
  g_assert_cmpstr (((TzAwardRow *) list->pdata[0])->recipient_kind, ==, "instructor");
  g_assert_cmpstr (((TzAwardRow *) list->pdata[1])->recipient, ==, "某机械厂");
  g_assert_cmpstr (((TzAwardRow *) list->pdata[2])->recipient, ==, "丙");
  g_assert_cmpstr (((TzAwardRow *) list->pdata[3])->recipient, ==, "丁");

  g_assert_true (tz_award_remove_recipient (db, 6, 0, 4, &error));
  g_assert_no_error (error);
  g_assert_false (tz_award_remove_recipient (db, 6, 0, 4, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM award WHERE award_tier_id = 6"), ==,
                   1);
}

static void
test_cli (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  {
    g_autoptr (TzDb) db = open_fixture ();

    path = g_strdup (tz_db_get_path (db));
  }
  g_assert_cmpint (run_cli (&out, path, "award", "assign", "--campaign", "1", "--track", "投票",
                            "--tier", "最佳创意奖", "--entry", "5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  /* Full: one place only. */
  g_assert_cmpint (run_cli (&out, path, "award", "assign", "--campaign", "1", "--track", "投票",
                            "--tier", "最佳创意奖", "--entry", "4", NULL),
                   ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (
      run_cli (&out, path, "award", "list", "--campaign", "1", "--track", "投票", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "最佳创意奖\t5\tE\t1\t0\t\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, path, "award", "remove", "--campaign", "1", "--track", "投票",
                            "--tier", "最佳创意奖", "--entry", "5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (
      run_cli (&out, path, "award", "list", "--campaign", "1", "--track", "投票", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  /* An organisation award, to a unit by name; two recipients at once is a usage error. */
  {
    g_autoptr (TzDb) db = tz_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (tz_db_exec (db,
                               "INSERT INTO award_tier (id, track_id, seq, name, count, recipient)"
                               "  VALUES (5, 1, 5, '优秀组织奖', 1, 'organization');",
                               &error));
  }
  g_assert_cmpint (run_cli (&out, path, "award", "assign", "--campaign", "1", "--track", "投票",
                            "--tier", "优秀组织奖", "--unit", "某机械厂", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, path, "award", "assign", "--campaign", "1", "--track", "投票",
                            "--tier", "优秀组织奖", "--unit", "某机械厂", "--entry", "1", NULL),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (
      run_cli (&out, path, "award", "list", "--campaign", "1", "--track", "投票", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "优秀组织奖\t0\t\t1\t0\t某机械厂\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, path, "award", "remove", "--campaign", "1", "--track", "投票",
                            "--tier", "优秀组织奖", "--unit", "某机械厂", NULL),
                   ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/awards/assign-remove", test_assign_remove);
  g_test_add_func ("/awards/duplicate", test_duplicate);
  g_test_add_func ("/awards/full-tier", test_full_tier);
  g_test_add_func ("/awards/full-by-division", test_full_by_division);
  g_test_add_func ("/awards/manual-survives-ranking", test_manual_survives_ranking);
  g_test_add_func ("/awards/round-close-tie", test_round_close_tie);
  g_test_add_func ("/awards/final-ranks-advancing", test_final_ranks_advancing);
  g_test_add_func ("/awards/no-rounds", test_no_rounds);
  g_test_add_func ("/awards/recipients", test_recipients);
  g_test_add_func ("/awards/cli", test_cli);
  return g_test_run ();
}
