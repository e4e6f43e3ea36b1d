/* tz-bench-ranking.c — ranks a large track and times it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   tz-bench-ranking [--entries N] [--divisions N] [--judges N]
 *
 * One composite track (专家 60% + 网络 40%) with two criteria, N entries
 * (default 200 000) spread over the divisions (default 50), every entry scored
 * by every judge on every criterion (default 5 judges) and given a metric
 * snapshot; three award tiers per division. Prints the time to generate, to
 * rank without saving, to rank and save the allocation, and the peak memory.
 */
#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include "tz-db.h"
#include "tz-ranking.h"

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static void
step (TzDb *db, sqlite3_stmt *stmt)
{
  g_autoptr (GError) error = NULL;

  check (tz_db_step_done (db, stmt, &error), error);
  sqlite3_reset (stmt);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (TzDb) db = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int n_entries = 200000, n_divisions = 50, n_judges = 5;
  GOptionEntry entries[] = {
    { "entries", 0, 0, G_OPTION_ARG_INT, &n_entries, "Entries", "N" },
    { "divisions", 0, 0, G_OPTION_ARG_INT, &n_divisions, "Divisions", "N" },
    { "judges", 0, 0, G_OPTION_ARG_INT, &n_judges, "Judges", "N" },
    { NULL },
  };
  sqlite3_stmt *entry_stmt, *score_stmt, *metric_stmt;
  struct rusage usage;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("tz-bench-ranking-XXXXXX", &error);
  check (dir != NULL, error);
  path = g_build_filename (dir, "ranking.db", NULL);
  db = tz_db_open (path, &error);
  check (db != NULL, error);

  g_print ("generating %d entries in %d divisions, %d judges × 2 criteria…\n", n_entries,
           n_divisions, n_judges);
  start = g_get_monotonic_time ();
  check (tz_db_begin (db, &error), error);
  check (tz_db_exec (db,
                     "INSERT INTO unit (id, name) VALUES (1, '省总工会');"
                     "INSERT INTO campaign (id, title) VALUES (1, '基准评审');"
                     "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric, "
                     "  expert_weight, metric_weight) "
                     "VALUES (1, 1, 1, '微视频征集', 'composite', '得票数', 60, 40);"
                     "INSERT INTO criterion (id, track_id, seq, name, max_score, weight) VALUES "
                     "  (1, 1, 1, '内容', 60, 1), (2, 1, 2, '技巧', 40, 1);"
                     "INSERT INTO person (id, name) VALUES (1, '作者');",
                     &error),
         error);
  for (int d = 0; d < n_divisions; d++)
    {
      g_autofree char *sql = g_strdup_printf (
          "INSERT INTO division (id, track_id, seq, name) VALUES (%d, 1, %d, '第%d榜');"
          "INSERT INTO award_tier (track_id, division_id, seq, name, count) VALUES "
          "  (1, %d, 1, '一等奖', 10), (1, %d, 2, '二等奖', 15), (1, %d, 3, '三等奖', 25);",
          d + 1, d + 1, d + 1, d + 1, d + 1, d + 1);
      check (tz_db_exec (db, sql, &error), error);
    }
  for (int j = 0; j < n_judges; j++)
    {
      g_autofree char *sql = g_strdup_printf (
          "INSERT INTO judge (id, campaign_id, name) VALUES (%d, 1, '评委%d')", j + 1, j + 1);
      check (tz_db_exec (db, sql, &error), error);
    }
  entry_stmt =
      tz_db_prepare (db,
                     "INSERT INTO entry (id, uuid, campaign_id, track_id, division_id, title, "
                     "  person_id, status) VALUES (?, ?, 1, 1, ?, ?, 1, 'submitted')",
                     &error);
  score_stmt = tz_db_prepare (db,
                              "INSERT INTO score (entry_id, judge_id, criterion_id, value) "
                              "VALUES (?, ?, ?, ?)",
                              &error);
  metric_stmt = tz_db_prepare (db,
                               "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) "
                               "VALUES (?, '得票数', ?, '2023-10-01')",
                               &error);
  check (metric_stmt != NULL, error);
  for (int e = 1; e <= n_entries; e++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("作品%d", e);

      sqlite3_bind_int (entry_stmt, 1, e);
      sqlite3_bind_text (entry_stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (entry_stmt, 3, 1 + e % n_divisions);
      sqlite3_bind_text (entry_stmt, 4, title, -1, SQLITE_TRANSIENT);
      step (db, entry_stmt);
      for (int j = 1; j <= n_judges; j++)
        for (int c = 1; c <= 2; c++)
          {
            sqlite3_bind_int (score_stmt, 1, e);
            sqlite3_bind_int (score_stmt, 2, j);
            sqlite3_bind_int (score_stmt, 3, c);
            sqlite3_bind_double (score_stmt, 4, g_rand_int_range (rand, 0, c == 1 ? 61 : 41));
            step (db, score_stmt);
          }
      sqlite3_bind_int (metric_stmt, 1, e);
      sqlite3_bind_double (metric_stmt, 2, g_rand_int_range (rand, 0, 100000));
      step (db, metric_stmt);
    }
  sqlite3_finalize (entry_stmt);
  sqlite3_finalize (score_stmt);
  sqlite3_finalize (metric_stmt);
  check (tz_db_commit (db, &error), error);
  g_print ("generate: %.1f s\n", seconds_since (start));

  start = g_get_monotonic_time ();
  rows = tz_ranking_compute (db, 1, FALSE, &error);
  check (rows != NULL, error);
  g_print ("rank %u entries (no save): %.2f s\n", rows->len, seconds_since (start));
  g_clear_pointer (&rows, g_ptr_array_unref);

  start = g_get_monotonic_time ();
  rows = tz_ranking_compute (db, 1, TRUE, &error);
  check (rows != NULL, error);
  g_print ("rank and save the allocation (%d divisions × 50 awards): %.2f s\n", n_divisions,
           seconds_since (start));
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %.0f MiB\n", usage.ru_maxrss / 1024.0);
  g_print ("database: %s\n", path);
  return 0;
}
