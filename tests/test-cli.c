/* test-cli.c — taizhang-cli end to end, through subprocesses on a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "tz-test-common.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI with @db (NULL: no --db) and the NULL-terminated arguments. */
static void
run_cli (Run *r, const char *db, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("TZ_CLI"));
  if (db != NULL)
    {
      g_ptr_array_add (args, "--db");
      g_ptr_array_add (args, (gpointer) db);
    }
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

static char *
shipped (const char *name)
{
  return tz_test_source_path ("data", "campaigns", name, NULL);
}

static char *
import_hlj (const char *db)
{
  g_autofree char *file = shipped ("heilongjiang-2022-workers-netizens.json");
  g_auto (Run) r = { 0 };

  run_cli (&r, db, "campaign", "import", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  return g_strstrip (g_strdup (r.out));
}

static void
test_no_command (void)
{
  g_auto (Run) r = { 0 };
  g_auto (Run) v = { 0 };
  g_auto (Run) h = { 0 };

  run_cli (&r, NULL, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.out, "campaign import"));
  run_cli (&v, NULL, "--version", NULL);
  g_assert_cmpint (v.status, ==, 0);
  g_assert_true (g_str_has_prefix (v.out, "taizhang-cli "));
  run_cli (&h, NULL, "--help", NULL);
  g_assert_cmpint (h.status, ==, 0);
}

static void
test_help_on_every_command (void)
{
  const char *commands[][2] = {
    { "campaign", "import" }, { "campaign", "list" },   { "campaign", "export" },
    { "campaign", "show" },   { "campaign", "delete" }, { "quota", "list" },
    { "quota", "set" },       { "activity", "add" },    { "activity", "list" },
    { "activity", "delete" }, { "person", "add" },      { "person", "list" },
    { "person", "show" },     { "person", "delete" },   { "entry", "add" },
    { "entry", "list" },      { "unit", "add" },        { "unit", "list" },
    { "audit", NULL },        { "backup", NULL },       { "restore", NULL },
    { "import", "history" },
  };
  g_autofree char *db = tz_test_tmpfile ("help.db");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Run) r = { 0 };

      run_cli (&r, db, commands[i][0], commands[i][1] ? commands[i][1] : "--help",
               commands[i][1] ? "--help" : NULL, NULL);
      g_test_message ("%s %s", commands[i][0], commands[i][1]);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, commands[i][0]));
    }
  /* Asking for help opens no database. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_unknown_command (void)
{
  g_auto (Run) r = { 0 };
  g_auto (Run) s = { 0 };
  g_auto (Run) o = { 0 };

  run_cli (&r, NULL, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "frobnicate"));
  run_cli (&s, NULL, "campaign", "burn", NULL);
  g_assert_cmpint (s.status, ==, 2);
  g_assert_nonnull (strstr (s.err, "import"));
  run_cli (&o, NULL, "--colour", NULL);
  g_assert_cmpint (o.status, ==, 2);
}

static void
test_campaign_import_list_export (void)
{
  g_autofree char *db = tz_test_tmpfile ("c.db");
  g_autofree char *id = import_hlj (db);
  g_autofree char *line = NULL;
  g_auto (Run) list = { 0 };
  g_auto (Run) out = { 0 };
  g_auto (Run) again = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), >, 0);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  run_cli (&list, db, "campaign", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  line = g_strdup_printf ("%s\t", id);
  g_assert_true (g_str_has_prefix (list.out, line));
  g_assert_nonnull (strstr (list.out, "龙江好网民"));

  run_cli (&out, db, "campaign", "export", id, NULL);
  g_assert_cmpint (out.status, ==, 0);
  json_parser_load_from_data (parser, out.out, -1, &error);
  g_assert_no_error (error);

  /* The same campaign twice is refused, and says which one it is. */
  {
    g_autofree char *file = shipped ("heilongjiang-2022-workers-netizens.json");
    run_cli (&again, db, "campaign", "import", file, NULL);
    g_assert_cmpint (again.status, ==, 1);
    g_assert_nonnull (strstr (again.err, id));
  }
}

static void
test_import_bad_file (void)
{
  g_autofree char *db = tz_test_tmpfile ("bad.db");
  g_autofree char *file = tz_test_tmpfile ("bad.json");
  g_auto (Run) r = { 0 };
  g_auto (Run) list = { 0 };

  g_assert_true (g_file_set_contents (
      file, "{\"format\": \"taizhang-campaign\", \"version\": 1, \"campaign\": {\"title\": 5}}", -1,
      NULL));
  run_cli (&r, db, "campaign", "import", file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "$.campaign.title"));
  run_cli (&list, db, "campaign", "list", NULL);
  g_assert_cmpstr (list.out, ==, "");
}

static void
test_quota_and_activity (void)
{
  g_autofree char *db = tz_test_tmpfile ("q.db");
  g_autofree char *id = import_hlj (db);
  g_auto (Run) q = { 0 };
  g_auto (Run) add = { 0 };
  g_auto (Run) q2 = { 0 };
  g_auto (Run) bad = { 0 };
  g_auto (Run) nominee = { 0 };
  g_auto (Run) acts = { 0 };
  g_auto (Run) set = { 0 };
  g_auto (Run) neg = { 0 };
  g_auto (Run) q3 = { 0 };
  g_auto (GStrv) lines = NULL;
  gint64 total = 0;

  run_cli (&q, db, "quota", "list", "--campaign", id, NULL);
  g_assert_cmpint (q.status, ==, 0);
  lines = g_strsplit (g_strstrip (q.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), ==, 3);
      total += g_ascii_strtoll (cols[1], NULL, 10);
      g_assert_cmpstr (cols[2], ==, "0");
    }
  g_assert_cmpint (total, ==, 120);
  g_assert_true (g_str_has_prefix (lines[0], "哈尔滨市总工会\t10\t0"));
  g_assert_true (g_str_has_prefix (lines[12], "大兴安岭市总工会\t7\t0"));

  run_cli (&add, db, "activity", "add", "--campaign", id, "--unit", "哈尔滨市总工会", "--date",
           "2022-08-05", "--title", "走进企业宣讲", "--participants", "40", NULL);
  g_assert_cmpint (add.status, ==, 0);
  run_cli (&q2, db, "quota", "list", "--campaign", id, NULL);
  g_assert_nonnull (strstr (q2.out, "哈尔滨市总工会\t10\t1\n"));

  run_cli (&acts, db, "activity", "list", "--campaign", id, NULL);
  g_assert_nonnull (strstr (acts.out, "2022-08-05\t哈尔滨市总工会\t走进企业宣讲\t40"));

  run_cli (&bad, db, "activity", "add", "--campaign", id, "--unit", "哈尔滨市总工会", "--date",
           "2022-13-05", "--title", "x", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "Date"));

  run_cli (&nominee, db, "quota", "list", "--campaign", id, "--kind", "nominee", NULL);
  g_assert_cmpint (nominee.status, ==, 0);
  g_assert_nonnull (strstr (nominee.out, "鸡西市总工会\t2\t0\t"));

  run_cli (&set, db, "quota", "set", "--campaign", id, "--unit", "鸡西市总工会", "--target", "11",
           NULL);
  g_assert_cmpint (set.status, ==, 0);
  run_cli (&neg, db, "quota", "set", "--campaign", id, "--unit", "鸡西市总工会", "--target", "-3",
           NULL);
  g_assert_cmpint (neg.status, !=, 0);
  run_cli (&q3, db, "quota", "list", "--campaign", id, NULL);
  g_assert_nonnull (strstr (q3.out, "鸡西市总工会\t11\t0\n"));
}

static void
test_person_add_and_list (void)
{
  g_autofree char *db = tz_test_tmpfile ("p.db");
  g_auto (Run) bad_id = { 0 };
  g_auto (Run) bad_phone = { 0 };
  g_auto (Run) ok = { 0 };
  g_auto (Run) list = { 0 };
  g_auto (Run) search = { 0 };
  g_auto (Run) unmasked = { 0 };
  g_auto (Run) audit = { 0 };
  g_auto (Run) show = { 0 };

  run_cli (&bad_id, db, "person", "add", "--name", "李四", "--id-number", "110105194912310021",
           NULL);
  g_assert_cmpint (bad_id.status, ==, 1);
  g_assert_nonnull (strstr (bad_id.err, "ID number"));
  g_assert_cmpstr (bad_id.out, ==, "");
  run_cli (&bad_phone, db, "person", "add", "--name", "张三", "--phone", "12800138000", NULL);
  g_assert_cmpint (bad_phone.status, ==, 1);
  g_assert_nonnull (strstr (bad_phone.err, "Mobile number"));

  run_cli (&ok, db, "person", "add", "--name", "张三", "--gender", "女", "--id-number",
           "11010519491231002X", "--phone", "+86 138-0013-8000", "--ethnicity", "汉族",
           "--political", "中共党员", "--unit", "哈尔滨电机厂", "--position", "车间主任", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpint (g_ascii_strtoll (ok.out, NULL, 10), >, 0);

  run_cli (&list, db, "person", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (
      strstr (list.out, "张三\t女\t110105********002X\t138****8000\t哈尔滨电机厂\t车间主任"));
  g_assert_null (strstr (list.out, "李四"));
  g_assert_null (strstr (list.out, "13800138000"));

  run_cli (&search, db, "person", "list", "--search", "三", NULL);
  g_assert_nonnull (strstr (search.out, "张三"));

  run_cli (&unmasked, db, "person", "list", "--unmasked", NULL);
  g_assert_nonnull (strstr (unmasked.out, "11010519491231002X\t13800138000"));
  run_cli (&audit, db, "audit", "--table", "person", NULL);
  g_assert_cmpint (audit.status, ==, 0);
  g_assert_nonnull (strstr (audit.out, "\texport\tperson\t"));
  g_assert_nonnull (strstr (audit.out, "\tinsert\tperson\t"));

  run_cli (&show, db, "person", "show", "1", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "138****8000"));
}

static void
test_refuse_bad_database (void)
{
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (Run) r = { 0 };
  g_auto (Run) create = { 0 };
  g_auto (Run) n = { 0 };
  sqlite3 *raw = NULL;

  g_assert_true (g_file_set_contents (text, "推荐表 not a database\n", -1, NULL));
  run_cli (&r, text, "campaign", "list", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "notes.txt"));
  g_assert_true (g_file_get_contents (text, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "推荐表 not a database\n");

  run_cli (&create, newer, "campaign", "list", NULL);
  g_assert_cmpint (create.status, ==, 0);
  g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "PRAGMA user_version = 9999", NULL, NULL, NULL);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (newer, &before, NULL, NULL));
  run_cli (&n, newer, "campaign", "list", NULL);
  g_assert_cmpint (n.status, ==, 1);
  g_assert_nonnull (strstr (n.err, "newer"));
}

static void
test_entries_and_units (void)
{
  g_autofree char *db = tz_test_tmpfile ("e.db");
  g_autofree char *id = import_hlj (db);
  g_auto (Run) person = { 0 };
  g_auto (Run) entry = { 0 };
  g_auto (Run) twice = { 0 };
  g_auto (Run) list = { 0 };
  g_auto (Run) unit = { 0 };
  g_auto (Run) units = { 0 };
  g_auto (Run) nominee = { 0 };
  g_autofree char *pid = NULL;

  run_cli (&person, db, "person", "add", "--name", "王奋进", NULL);
  pid = g_strstrip (g_strdup (person.out));
  run_cli (&entry, db, "entry", "add", "--campaign", id, "--track", "传播网络正能量", "--title",
           "王奋进的奋进故事", "--person", pid, "--recommended-by", "大庆市总工会", "--status",
           "submitted", NULL);
  g_assert_cmpint (entry.status, ==, 0);
  run_cli (&twice, db, "entry", "add", "--campaign", id, "--track", "传播网络正能量", "--title",
           "又一份", "--person", pid, NULL);
  g_assert_cmpint (twice.status, ==, 1);
  run_cli (&list, db, "entry", "list", "--campaign", id, "--search", "奋进", NULL);
  g_assert_nonnull (strstr (list.out, "王奋进的奋进故事\t王奋进\t大庆市总工会\tsubmitted"));
  run_cli (&nominee, db, "quota", "list", "--campaign", id, "--kind", "nominee", NULL);
  g_assert_nonnull (strstr (nominee.out, "大庆市总工会\t2\t1\t"));

  run_cli (&unit, db, "unit", "add", "--name", "道里区总工会", "--parent", "哈尔滨市总工会",
           "--campaign", id, NULL);
  g_assert_cmpint (unit.status, ==, 0);
  run_cli (&units, db, "unit", "list", "--campaign", id, NULL);
  g_assert_nonnull (strstr (units.out, "  哈尔滨市总工会"));
  g_assert_nonnull (strstr (units.out, "    道里区总工会"));
}

static void
test_rank (void)
{
  g_autofree char *db = tz_test_tmpfile ("rank.db");
  g_autofree char *id = import_hlj (db);
  g_auto (Run) a = { 0 };
  g_auto (Run) b = { 0 };
  g_auto (Run) rank = { 0 };
  Run e[3] = { { 0 } };
  const char *titles[] = { "甲的第一个作品", "乙的作品", "甲的第二个作品" };
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) handle = NULL;

  run_cli (&a, db, "person", "add", "--name", "甲", NULL);
  run_cli (&b, db, "person", "add", "--name", "乙", NULL);
  g_strstrip (a.out);
  g_strstrip (b.out);
  for (guint i = 0; i < 3; i++)
    {
      run_cli (&e[i], db, "entry", "add", "--campaign", id, "--track", "网络达人", "--title",
               titles[i], "--person", i == 1 ? b.out : a.out, "--status", "submitted", NULL);
      g_assert_cmpint (e[i].status, ==, 0);
      run_clear (&e[i]);
    }
  /* Likes counted online; 甲's best work counts, the other one does not. */
  handle = tz_db_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (
      tz_db_exec (handle,
                  "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES "
                  "(1, '点赞量', 300, '2022-09-01'), (2, '点赞量', 500, '2022-09-01'), "
                  "(3, '点赞量', 800, '2022-09-02')",
                  &error));
  g_clear_object (&handle);

  run_cli (&rank, db, "rank", "--campaign", id, "--track", "网络达人", "--recompute", NULL);
  g_assert_cmpint (rank.status, ==, 0);
  g_assert_true (g_str_has_prefix (rank.out, "1\t甲的第二个作品\t甲\t\t100.00\t一等奖\n"));
  g_assert_nonnull (strstr (rank.out, "2\t乙的作品\t乙\t\t62.50\t一等奖\n"));
  g_assert_nonnull (strstr (rank.out, "-\t甲的第一个作品\t甲\t\t37.50\t\n"));
}

/* The first command of the day leaves a daily backup; backup writes a copy
 * where asked (never over a file), lists the backups; restore brings a copy
 * back and keeps what it replaced. The import history has the campaign. */
static void
test_backup_restore (void)
{
  g_autofree char *db = tz_test_tmpfile ("b.db");
  g_autofree char *id = import_hlj (db);
  g_autofree char *copy = tz_test_tmpfile ("copy.db");
  g_auto (Run) list = { 0 };
  g_auto (Run) made = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) add = { 0 };
  g_auto (Run) restored = { 0 };
  g_auto (Run) people = { 0 };
  g_auto (Run) bad = { 0 };
  g_auto (Run) history = { 0 };
  g_autofree char *bad_file = tz_test_tmpfile ("bad.db");

  run_cli (&made, db, "backup", "--output", copy, NULL);
  g_assert_cmpint (made.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  run_cli (&again, db, "backup", "--output", copy, NULL);
  g_assert_cmpint (again.status, ==, 1);

  run_cli (&add, db, "person", "add", "--name", "张三", NULL);
  g_assert_cmpint (add.status, ==, 0);
  run_cli (&list, db, "backup", "--list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "\tdaily\t"));

  run_cli (&restored, db, "restore", copy, NULL);
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (strstr (restored.out, "before-restore"));
  run_cli (&people, db, "person", "list", NULL);
  g_assert_cmpint (people.status, ==, 0);
  g_assert_null (strstr (people.out, "张三"));

  g_assert_true (g_file_set_contents (bad_file, "not a database at all", -1, NULL));
  run_cli (&bad, db, "restore", bad_file, NULL);
  g_assert_cmpint (bad.status, ==, 1);

  run_cli (&history, db, "import", "history", NULL);
  g_assert_cmpint (history.status, ==, 0);
  g_assert_nonnull (strstr (history.out, "\tcampaign\theilongjiang-2022-workers-netizens.json\t"));
  (void) id;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/no-command", test_no_command);
  g_test_add_func ("/cli/help-on-every-command", test_help_on_every_command);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/campaign-import-list-export", test_campaign_import_list_export);
  g_test_add_func ("/cli/import-bad-file", test_import_bad_file);
  g_test_add_func ("/cli/quota-and-activity", test_quota_and_activity);
  g_test_add_func ("/cli/person-add-and-list", test_person_add_and_list);
  g_test_add_func ("/cli/refuse-bad-database", test_refuse_bad_database);
  g_test_add_func ("/cli/entries-and-units", test_entries_and_units);
  g_test_add_func ("/cli/rank", test_rank);
  g_test_add_func ("/cli/backup-restore", test_backup_restore);

  return g_test_run ();
}
