/* tz-bench-generate.c — fills a database with many people and entries and times it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   tz-bench-generate [--db PATH] [--people N] [--entries N] [--units N] [--seed N]
 *
 * Prints the time to generate, the time of searches by name fragments of one,
 * two and three characters (the two-character one runs as a LIKE scan of the
 * trigram index's text, the three-character one as an FTS MATCH), and the size
 * of the database file. Names are drawn from common surnames and given-name
 * characters with a fixed seed, so runs are comparable.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "tz-db.h"
#include "tz-person.h"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"
};
static const char *const given[] = { "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊",
                                     "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞",
                                     "平", "刚", "桂", "华", "建", "国", "文", "志", "海", "红",
                                     "玉", "兰", "春", "晓", "云", "鹏", "飞", "宇", "浩", "欣" };
static const char *const cities[] = { "哈尔滨", "齐齐哈尔", "牡丹江", "佳木斯", "大庆", "鸡西",
                                      "双鸭山", "伊春",     "七台河", "鹤岗",   "黑河", "绥化" };
static const char *const kinds[] = { "电机厂", "中学", "小学",   "医院", "供电公司",
                                     "煤矿",   "银行", "铁路局", "农场", "街道" };
static const char *const works[] = {
  "诵读《红岩》", "我的读书故事", "光盘行动",       "红色足迹",
  "匠心绝活",     "劳动创造幸福", "网络安全小课堂", "奋进新征程"
};

static double
elapsed_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

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

static void
time_search (TzDb *db, const char *query, int repeat)
{
  g_autoptr (GError) error = NULL;
  gint64 count = 0;
  gint64 start = g_get_monotonic_time ();
  double total;

  for (int i = 0; i < repeat; i++)
    {
      g_autoptr (GPtrArray) page = tz_person_search (db, query, 0, 50, &error);
      check (page != NULL, error);
      count = tz_person_count (db, query, &error);
    }
  total = elapsed_since (start);
  g_print ("search “%s” (%d characters): %" G_GINT64_FORMAT
           " matches, first page + count in %.1f ms\n",
           query, (int) g_utf8_strlen (query, -1), count, total * 1000 / repeat);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (TzDb) db = NULL;
  g_autoptr (GRand) rand = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmpdir = NULL;
  int n_people = 100000, n_entries = 200000, n_units = 300, seed = 20221119;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database to create (default: a temporary one)",
      "PATH" },
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People to generate", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &n_entries, "Entries to generate", "N" },
    { "units", 0, 0, G_OPTION_ARG_INT, &n_units, "Units to generate", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "N" },
    { NULL },
  };
  sqlite3_stmt *unit_stmt, *cu_stmt, *person_stmt, *entry_stmt;
  gint64 start;
  struct stat st;
  gint64 size = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (path == NULL)
    {
      tmpdir = g_dir_make_tmp ("tz-bench-XXXXXX", &error);
      check (tmpdir != NULL, error);
      path = g_build_filename (tmpdir, "bench.db", NULL);
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("%s exists; give a new path", path);

  rand = g_rand_new_with_seed (seed);
  db = tz_db_open (path, &error);
  check (db != NULL, error);
  g_print ("database: %s\n", path);
  g_print ("generating %d units, %d people, %d entries…\n", n_units, n_people, n_entries);

  start = g_get_monotonic_time ();
  check (tz_db_begin (db, &error), error);
  check (tz_db_exec (db,
                     "INSERT INTO unit (id, name, kind) VALUES (1, '省总工会', 'provincial_union');"
                     "INSERT INTO campaign (id, title, start_date, end_date) VALUES (1, "
                     "'基准活动', '2022-07-21', '2022-10-31');"
                     "INSERT INTO track (id, campaign_id, seq, name, entry_kind) VALUES "
                     "  (1, 1, 1, '短视频征集', 'work'), (2, 1, 2, '阅读经典好书', 'work'), (3, 1, "
                     "3, '奋进故事', 'nomination');",
                     &error),
         error);
  unit_stmt = tz_db_prepare (
      db, "INSERT INTO unit (id, parent_id, name, kind) VALUES (?, 1, ?, 'enterprise')", &error);
  cu_stmt = tz_db_prepare (
      db, "INSERT INTO campaign_unit (campaign_id, unit_id, sort_order) VALUES (1, ?, ?)", &error);
  person_stmt = tz_db_prepare (
      db,
      "INSERT INTO person (id, uuid, name, gender, unit_id, employer, position, phone) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      &error);
  entry_stmt =
      tz_db_prepare (db,
                     "INSERT INTO entry (uuid, campaign_id, track_id, title, person_id, "
                     "recommending_unit_id, status) VALUES (?, 1, ?, ?, ?, ?, 'submitted')",
                     &error);
  check (entry_stmt != NULL, error);

  for (int u = 0; u < n_units; u++)
    {
      g_autofree char *name = g_strdup_printf ("%s市第%d%s工会", cities[u % G_N_ELEMENTS (cities)],
                                               u + 1, kinds[u % G_N_ELEMENTS (kinds)]);
      sqlite3_bind_int (unit_stmt, 1, u + 2);
      sqlite3_bind_text (unit_stmt, 2, name, -1, SQLITE_TRANSIENT);
      step (db, unit_stmt);
      sqlite3_bind_int (cu_stmt, 1, u + 2);
      sqlite3_bind_int (cu_stmt, 2, u);
      step (db, cu_stmt);
    }
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = NULL;
      g_autofree char *phone = g_strdup_printf ("13%09d", g_rand_int_range (rand, 0, 999999999));
      int unit = g_rand_int_range (rand, 0, n_units);
      int n_given = g_rand_int_range (rand, 1, 3);

      name = g_strconcat (
          surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
          given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
          n_given > 1 ? given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))] : "", NULL);
      sqlite3_bind_int (person_stmt, 1, p + 1);
      sqlite3_bind_text (person_stmt, 2, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person_stmt, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person_stmt, 4, g_rand_boolean (rand) ? "男" : "女", -1, SQLITE_STATIC);
      sqlite3_bind_int (person_stmt, 5, unit + 2);
      sqlite3_bind_text (person_stmt, 6, kinds[unit % G_N_ELEMENTS (kinds)], -1, SQLITE_STATIC);
      sqlite3_bind_text (person_stmt, 7, "职工", -1, SQLITE_STATIC);
      sqlite3_bind_text (person_stmt, 8, phone, -1, SQLITE_TRANSIENT);
      step (db, person_stmt);
    }
  for (int e = 0; e < n_entries; e++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *title = g_strdup_printf ("%s（%d）", works[e % G_N_ELEMENTS (works)], e + 1);
      int person = g_rand_int_range (rand, 1, n_people + 1);

      sqlite3_bind_text (entry_stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (entry_stmt, 2, 1 + e % 2);
      sqlite3_bind_text (entry_stmt, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (entry_stmt, 4, person);
      sqlite3_bind_int (entry_stmt, 5, 2 + g_rand_int_range (rand, 0, n_units));
      step (db, entry_stmt);
    }
  sqlite3_finalize (unit_stmt);
  sqlite3_finalize (cu_stmt);
  sqlite3_finalize (person_stmt);
  sqlite3_finalize (entry_stmt);
  check (tz_db_commit (db, &error), error);
  g_print ("generate: %.2f s (with audit log and search index maintained by triggers)\n",
           elapsed_since (start));

  check (tz_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error), error);
  if (g_stat (path, &st) == 0)
    size = st.st_size;
  g_print ("database size: %.1f MiB (%" G_GINT64_FORMAT " bytes)\n", size / 1048576.0, size);

  time_search (db, "伟", 5);
  time_search (db, "王伟", 20);
  time_search (db, "王伟伟", 20);
  time_search (db, "哈尔滨", 20);
  time_search (db, "第77", 20);

  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_clear_object (&db);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmpdir);
    }
  return 0;
}
