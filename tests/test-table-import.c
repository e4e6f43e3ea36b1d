/* test-table-import.c — importing filled tables: mapping, checks, commit, CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tz-campaign-file.h"
#include "tz-import-log.h"
#include "tz-resident-id.h"
#include "tz-table-import.h"
#include "tz-table-read.h"
#include "tz-template.h"
#include "tz-test-common.h"
#include "tz-test-report.h"

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

static void
run_argv (Run *r, const char *const *argv)
{
  g_autoptr (GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
}

/* Runs the CLI on @db with the NULL-terminated arguments. */
static void
run_cli (Run *r, const char *db, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("TZ_CLI"));
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, (gpointer) db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (r, (const char *const *) args->pdata);
}

/* A valid resident ID number from its first 17 characters. */
static char *
valid_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, tz_resident_id_check_char (first17));
}

typedef struct
{
  TzDb *db;
  char *db_path;
  gint64 campaign;
  gint64 nomination; /* 传播网络正能量: nomination, personal form, 事迹简介 ≤ 200 字 */
  gint64 work;       /* 网络达人大舞台: works by people */
  char *nomination_name;
  char *work_name;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  g_autofree char *sql = NULL;

  f->db = tz_test_open_db ();
  f->db_path = g_strdup (tz_db_get_path (f->db));
  f->campaign = tz_campaign_import_file (f->db, file, &error);
  g_assert_no_error (error);
  f->nomination = tz_test_query_int (
      f->db, "SELECT id FROM track WHERE entry_kind = 'nomination' ORDER BY seq LIMIT 1");
  f->work = tz_test_query_int (f->db, "SELECT id FROM track WHERE entry_kind = 'work' AND "
                                      "entrant_kind = 'person' ORDER BY seq LIMIT 1");
  g_assert_cmpint (f->nomination, >, 0);
  g_assert_cmpint (f->work, >, 0);
  sql = g_strdup_printf ("SELECT name FROM track WHERE id = %" G_GINT64_FORMAT, f->nomination);
  f->nomination_name = tz_test_query_text (f->db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT name FROM track WHERE id = %" G_GINT64_FORMAT, f->work);
  f->work_name = tz_test_query_text (f->db, sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  g_free (f->db_path);
  g_free (f->nomination_name);
  g_free (f->work_name);
}

static char *
write_file (const char *name, const char *text)
{
  char *path = tz_test_tmpfile (name);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
count (TzDb *db, const char *sql)
{
  return tz_test_query_int (db, sql);
}

/* The problem of @imp on sheet row @row, column @column; asserts there is one
 * and that its message contains @part. */
static void
assert_problem (GPtrArray *problems, guint row, const char *column, const char *part)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TzImportProblem *p = problems->pdata[i];

      if (p->row == row && g_str_equal (p->column, column))
        {
          if (strstr (p->message, part) == NULL)
            g_error ("row %u column %s: “%s” lacks “%s”", row, column, p->message, part);
          return;
        }
    }
  g_error ("no problem on row %u in column %s", row, column);
}

/* ---- the template filled in by another program ---- */

static gboolean
have_openpyxl (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", "import openpyxl", NULL };
  Run r = { 0 };
  gboolean ok;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  run_argv (&r, argv);
  ok = r.status == 0;
  run_clear (&r);
  return ok;
}

/* Fills @template with openpyxl: each row a JSON object header → value. */
static void
fill_with_openpyxl (const char *template, const char *out, const char *rows_json)
{
  const char *script = "import json, sys, openpyxl\n"
                       "wb = openpyxl.load_workbook(sys.argv[1])\n"
                       "ws = wb.worksheets[0]\n"
                       "hdr = [(c.value or '').lstrip('*') for c in ws[2]]\n"
                       "for i, row in enumerate(json.loads(sys.argv[3])):\n"
                       "    for k, v in row.items():\n"
                       "        ws.cell(row=3 + i, column=hdr.index(k) + 1, value=v)\n"
                       "wb.save(sys.argv[2])\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, template, out, rows_json, NULL };
  g_auto (Run) r = { 0 };

  run_argv (&r, argv);
  if (r.status != 0)
    g_error ("openpyxl: %s", r.err);
}

static void
test_openpyxl_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = tz_test_tmpfile ("template.xlsx");
  g_autofree char *filled = tz_test_tmpfile ("filled.xlsx");
  g_autofree char *id1 = valid_id ("23010219850312002");
  g_autofree char *id2 = valid_id ("23060219900101123");
  g_autofree char *id3 = valid_id ("23010319781130451");
  g_autofree char *json = NULL;
  g_autoptr (TzTableImport) imp = NULL;
  g_autoptr (TzTableImport) again = NULL;
  TzTableImportCounts counts = { 0 };
  guint id_col, phone_col;

  if (!have_openpyxl ())
    {
      g_test_skip ("python3-openpyxl is not installed");
      return;
    }
  g_assert_true (tz_template_write (f->db, f->nomination, template, &error));
  g_assert_no_error (error);
  /* the ID with a lower-case x typed, the phone with +86 and dashes, 民族 without 族 */
  json = g_strdup_printf (
      "[{\"序号\": 1, \"姓名\": \"王红\", \"民族\": \"汉族\", \"政治面貌\": \"中共党员\", "
      "\"身份证号\": \"%s\", \"手机号\": \"13800138000\", \"工作单位\": \"哈尔滨电机厂\", "
      "\"职务\": \"班组长\", \"推荐单位\": \"哈尔滨市总工会\", \"事迹简介\": \"扎根一线二十年。\"},"
      " {\"序号\": 2, \"姓名\": \"李明\", \"民族\": \"满\", \"政治面貌\": \"群众\", "
      "\"身份证号\": \"%s\", \"手机号\": \"+86 139-0013-9000\", \"工作单位\": \"大庆油田\", "
      "\"推荐单位\": \"大庆市总工会\", \"事迹简介\": \"技术革新能手。\"},"
      " {\"序号\": 3, \"姓名\": \"赵强\", \"民族\": \"朝鲜族\", \"政治面貌\": \"共青团员\", "
      "\"身份证号\": \"%s\", \"手机号\": \"15945678901\", \"工作单位\": \"哈尔滨工业大学\", "
      "\"推荐单位\": \"哈尔滨市总工会\", \"事迹简介\": \"网络文明志愿者。\", \"备注\": \"无\"}]",
      id1, id2, id3);
  fill_with_openpyxl (template, filled, json);

  /* campaign and track come from the hidden sheet */
  imp = tz_table_import_open (f->db, 0, 0, filled, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tz_table_import_get_track_id (imp), ==, f->nomination);
  g_assert_cmpint (tz_table_import_get_campaign_id (imp), ==, f->campaign);
  g_assert_cmpuint (tz_table_import_get_header_row (imp), ==, 2);
  g_assert_cmpuint (tz_table_import_get_file_problems (imp)->len, ==, 0);
  g_assert_cmpuint (tz_table_import_get_n_rows (imp), ==, 3);
  g_assert_cmpuint (tz_table_import_count (imp, TZ_TABLE_ROW_NEW), ==, 3);
  g_assert_false (tz_table_import_has_problems (imp));
  g_assert_cmpuint (tz_table_import_get_row_number (imp, 1), ==, 4);
  /* values as they will be saved */
  g_assert_nonnull (
      tz_table_layout_find (tz_table_import_get_layout (imp), TZ_TABLE_FIELD_PHONE, &phone_col));
  g_assert_nonnull (
      tz_table_layout_find (tz_table_import_get_layout (imp), TZ_TABLE_FIELD_ID_NUMBER, &id_col));
  g_assert_cmpstr (tz_table_import_get_cell (imp, 1, phone_col), ==, "13900139000");
  g_assert_cmpstr (tz_table_import_get_cell (imp, 1, id_col), ==, id2);
  {
    guint eth;

    tz_table_layout_find (tz_table_import_get_layout (imp), TZ_TABLE_FIELD_ETHNICITY, &eth);
    g_assert_cmpstr (tz_table_import_get_cell (imp, 1, eth), ==, "满族");
  }
  /* nothing is written by the preview */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 0);

  g_assert_true (tz_table_import_commit (imp, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpuint (counts.changed, ==, 0);
  /* exactly those rows */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM person p JOIN entry e ON e.person_id = p.id "
        "JOIN unit u ON u.id = e.recommending_unit_id WHERE p.name = '李明' AND p.id_number = '%s' "
        "AND p.phone = '13900139000' AND p.ethnicity = '满族' AND p.political = '群众' "
        "AND p.gender = '男' AND p.birth_date = '1990-01' AND p.employer = '大庆油田' "
        "AND u.name = '大庆市总工会' AND e.summary = '技术革新能手。' AND e.title = '李明' "
        "AND e.track_id = %" G_GINT64_FORMAT,
        id2, f->nomination);

    g_assert_cmpint (count (f->db, sql), ==, 1);
  }
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry WHERE note = '无'"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM import_log WHERE kind = 'table' AND "
                                 "rows_read = 3 AND rows_added = 3 AND rows_changed = 0 AND "
                                 "rows_unchanged = 0 AND rows_dropped = 0 AND "
                                 "file_name = 'filled.xlsx' AND file_sha256 IS NOT NULL"),
                   ==, 1);

  /* the same file again changes nothing */
  again = tz_table_import_open (f->db, f->campaign, f->nomination, filled, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tz_table_import_count (again, TZ_TABLE_ROW_UNCHANGED), ==, 3);
  g_assert_true (tz_table_import_commit (again, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added + counts.changed, ==, 0);
  g_assert_cmpuint (counts.unchanged, ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry"), ==, 3);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM import_log WHERE kind = 'table'"), ==, 2);
}

/* ---- a table edited by hand ---- */

static void
test_hand_edited (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("手工表.xlsx");
  g_autofree char *id1 = valid_id ("23010219850312002");
  g_autofree char *id2 = valid_id ("23060219900101123");
  g_autoptr (TzTableImport) imp = NULL;
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Sheet1");
  lxw_format *date_fmt = workbook_add_format (wb);
  lxw_datetime birth = { 1985, 3, 12, 0, 0, 0 };
  const char *const *notes;
  TzTableImportCounts counts = { 0 };
  const char *header = NULL;
  guint title_col;

  format_set_num_format (date_fmt, "yyyy\"年\"m\"月\"");
  /* a title, a blank row, then a header of two rows: 基本信息 over three columns */
  worksheet_merge_range (ws, 0, 0, 0, 7, "2022年网络达人推荐汇总表", NULL);
  worksheet_merge_range (ws, 2, 0, 3, 0, "序号", NULL);
  worksheet_merge_range (ws, 2, 1, 2, 4, "基本信息", NULL);
  worksheet_write_string (ws, 3, 1, "姓名", NULL);
  worksheet_write_string (ws, 3, 2, "联系电话", NULL);   /* a synonym, moved */
  worksheet_write_string (ws, 3, 3, "身份证号码", NULL); /* a synonym */
  worksheet_write_string (ws, 3, 4, "出生日期", NULL);   /* a synonym */
  worksheet_merge_range (ws, 2, 5, 3, 5, "推荐单位", NULL);
  worksheet_merge_range (ws, 2, 6, 3, 6, "作品标题", NULL); /* a synonym */
  worksheet_merge_range (ws, 2, 7, 3, 7, "籍贯", NULL);     /* not a field */
  /* a row numbering the columns, as some offices do, then the data with a gap */
  for (int c = 0; c < 8; c++)
    worksheet_write_number (ws, 4, c, c + 1, NULL);
  worksheet_write_number (ws, 5, 0, 1, NULL);
  worksheet_write_string (ws, 5, 1, "王红", NULL);
  worksheet_write_number (ws, 6, 0, 2, NULL);             /* a 序号 with nothing else */
  worksheet_write_number (ws, 5, 2, 13800138000.0, NULL); /* a phone typed as a number */
  worksheet_write_string (ws, 5, 3, id1, NULL);
  worksheet_write_datetime (ws, 5, 4, &birth, date_fmt);
  worksheet_write_string (ws, 5, 5, "哈尔滨市总工会", NULL);
  worksheet_write_string (ws, 5, 6, "我的工厂我的家", NULL);
  worksheet_write_string (ws, 5, 7, "黑龙江哈尔滨", NULL);
  worksheet_write_number (ws, 7, 0, 3, NULL);
  worksheet_write_string (ws, 7, 1, "李明", NULL);
  worksheet_write_string (ws, 7, 2, "139 0013 9000", NULL);
  worksheet_write_string (ws, 7, 3, id2, NULL);
  worksheet_write_string (ws, 7, 5, "大庆市总工会", NULL);
  worksheet_write_string (ws, 7, 6, "油田新歌", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  imp = tz_table_import_open (f->db, f->campaign, f->work, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tz_table_import_get_header_row (imp), ==, 3);
  g_assert_cmpuint (tz_table_import_get_file_problems (imp)->len, ==, 0);
  tz_table_layout_find (tz_table_import_get_layout (imp), TZ_TABLE_FIELD_ENTRY_TITLE, &title_col);
  g_assert_cmpint (tz_table_import_get_source_column (imp, title_col, &header), ==, 6);
  g_assert_cmpstr (header, ==, "作品标题");
  notes = tz_table_import_get_notes (imp);
  g_assert_nonnull (notes[0]);
  g_assert_nonnull (strstr (notes[0], "籍贯"));
  g_assert_null (notes[1]);
  /* the numbering and 序号-only rows are skipped; the data rows keep their sheet
   * numbers */
  g_assert_cmpuint (tz_table_import_get_n_rows (imp), ==, 2);
  g_assert_cmpuint (tz_table_import_get_row_number (imp, 0), ==, 6);
  g_assert_cmpuint (tz_table_import_get_row_number (imp, 1), ==, 8);
  for (guint i = 0; i < 2; i++)
    if (tz_table_import_get_row_problems (imp, i)->len > 0)
      g_error ("row %u: %s", i,
               ((TzImportProblem *) tz_table_import_get_row_problems (imp, i)->pdata[0])->message);
  g_assert_true (tz_table_import_commit (imp, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person WHERE name = '王红' AND "
                                 "phone = '13800138000' AND birth_date LIKE '1985-03%'"),
                   ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry WHERE title = '油田新歌'"), ==, 1);
}

/* ---- every kind of bad row ---- */

static char *
bad_csv (void)
{
  g_autofree char *good = valid_id ("23010219850312002");
  g_autofree char *dup = valid_id ("23060219900101123");
  g_autofree char *other = valid_id ("23010319781130451");
  g_autofree char *another = valid_id ("23010319800101001");
  g_autofree char *seventh = valid_id ("23010319800101002");
  g_autofree char *bad = g_strdup (good);
  GString *long_summary = g_string_new (NULL);
  g_autofree char *text = NULL;

  bad[17] = bad[17] == '1' ? '2' : '1'; /* a wrong check digit */
  for (guint i = 0; i < 300; i++)
    g_string_append (long_summary, "字");
  text = g_strdup_printf (
      "姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n"
      "王红,汉族,中共党员,%s,13800138000,电机厂,哈尔滨市总工会,好\n" /* row 2: fine */
      "李明,汉族,群众,%s,13900139000,油田,大庆市总工会,好\n"         /* 3: checksum */
      ",汉族,群众,%s,13900139001,油田,大庆市总工会,好\n"             /* 4: no name */
      "赵强,汉族,群众,%s,13900139002,油田,大庆市总工会,%s\n"         /* 5: 300 字 */
      "钱多,汉族,群众,%s,1390013,油田,大庆市总工会,好\n"             /* 6: phone */
      "孙立,汉族,群众,%s,13900139003,油田,火星市总工会,好\n"         /* 7: unit */
      "周正,汉族,群众,%s,13900139004,油田,大庆市总工会,好\n",        /* 8: duplicate */
      good, bad, dup, other, long_summary->str, another, seventh, good);
  g_string_free (long_summary, TRUE);
  return g_steal_pointer (&text);
}

static void
test_bad_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = bad_csv ();
  g_autofree char *path = write_file ("bad.csv", text);
  g_autoptr (TzTableImport) imp = NULL;
  g_auto (TzImportResult) result = { 0 };
  g_autofree char *lines = NULL;
  TzTableImportCounts counts = { 0 };
  GPtrArray *all;

  imp = tz_table_import_open (f->db, f->campaign, f->nomination, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tz_table_import_get_n_rows (imp), ==, 7);
  g_assert_cmpint (tz_table_import_get_status (imp, 0), ==, TZ_TABLE_ROW_NEW);
  for (guint i = 1; i < 7; i++)
    g_assert_cmpint (tz_table_import_get_status (imp, i), ==, TZ_TABLE_ROW_PROBLEM);
  tz_table_import_get_result (imp, &result);
  all = result.problems;
  assert_problem (all, 3, "身份证号", "check digit");
  assert_problem (all, 4, "姓名", "姓名");
  assert_problem (all, 5, "事迹简介", "200");
  assert_problem (all, 6, "手机号", "");
  assert_problem (all, 7, "推荐单位", "火星市总工会");
  assert_problem (all, 8, "身份证号", "row 2");
  lines = tz_import_result_format_problems (&result);
  g_assert_nonnull (strstr (lines, "7\t推荐单位\t"));

  /* refused, nothing written */
  g_assert_false (tz_table_import_commit (imp, &counts, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM import_log WHERE kind = 'table'"), ==, 0);

  /* corrected in the preview: one cell typed again, the others dropped */
  {
    guint name_col;

    tz_table_layout_find (tz_table_import_get_layout (imp), TZ_TABLE_FIELD_NAME, &name_col);
    tz_table_import_set_cell (imp, 2, name_col, "吴用");
    g_assert_cmpint (tz_table_import_get_status (imp, 2), ==, TZ_TABLE_ROW_NEW);
    g_assert_cmpstr (tz_table_import_get_cell (imp, 2, name_col), ==, "吴用");
  }
  for (guint i = 0; i < 7; i++)
    if (tz_table_import_get_status (imp, i) == TZ_TABLE_ROW_PROBLEM)
      tz_table_import_set_dropped (imp, i, TRUE);
  g_assert_true (tz_table_import_get_dropped (imp, 1));
  g_assert_false (tz_table_import_has_problems (imp));
  g_assert_true (tz_table_import_commit (imp, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (counts.dropped, ==, 5);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person WHERE name = '吴用'"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM import_log WHERE kind = 'table' AND "
                                 "rows_added = 2 AND rows_dropped = 5"),
                   ==, 1);
}

/* A person already stored with other data: the row is "changed". */
static void
test_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = valid_id ("23010219850312002");
  g_autofree char *t1 =
      g_strdup_printf ("姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n"
                       "王红,汉族,中共党员,%s,13800138000,电机厂,哈尔滨市总工会,好\n",
                       id);
  g_autofree char *t2 =
      g_strdup_printf ("姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n"
                       "王红,汉族,中共党员,%s,13800138999,电机厂,哈尔滨市总工会,好\n",
                       id);
  g_autofree char *p1 = write_file ("v1.csv", t1);
  g_autofree char *p2 = write_file ("v2.csv", t2);
  g_auto (TzImportResult) r1 = { 0 };
  g_auto (TzImportResult) r2 = { 0 };
  TzTableImportCounts counts = { 0 };

  g_assert_true (
      tz_table_import_run (f->db, f->campaign, f->nomination, p1, FALSE, &r1, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_true (
      tz_table_import_run (f->db, f->campaign, f->nomination, p2, FALSE, &r2, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person WHERE phone = '13800138999'"), ==, 1);
}

/* A file that is not a template needs the campaign and the track. */
static void
test_not_a_template (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_file ("plain.csv", "姓名,手机号\n王红,13800138000\n");
  g_autofree char *junk = write_file ("junk.xlsx", "PK\003\004 not really a zip");
  g_autoptr (TzTableImport) imp = tz_table_import_open (f->db, 0, 0, path, &error);
  g_autoptr (TzTableImport) work = NULL;

  g_assert_null (imp);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tz_table_import_open (f->db, f->campaign, f->work, junk, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_PARSE);
  g_clear_error (&error);
  /* the work track needs 推荐单位 and 作品名称: file problems */
  work = tz_table_import_open (f->db, f->campaign, f->work, path, &error);
  g_assert_no_error (error);
  assert_problem (tz_table_import_get_file_problems (work), 1, "推荐单位", "推荐单位");
  assert_problem (tz_table_import_get_file_problems (work), 1, "作品名称", "作品名称");
  g_assert_true (tz_table_import_has_problems (work));
}

/* Units and teams as entrants (龙江红色足迹打卡 takes units or teams). */
static void
test_unit_and_team (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 track = tz_test_query_int (
      f->db, "SELECT id FROM track WHERE entrant_kind = 'unit_or_team' ORDER BY seq LIMIT 1");
  g_autofree char *path =
      write_file ("units.csv", "参赛单位,团队名称,姓名,手机号,推荐单位,作品名称\n"
                               "大庆市总工会,,,,黑龙江省总工会,铁人足迹\n"
                               ",红旗班组,王红,13800138000,哈尔滨市总工会,红色印记\n"
                               ",,,,哈尔滨市总工会,无名作品\n");
  g_autoptr (TzTableImport) imp = tz_table_import_open (f->db, f->campaign, track, path, &error);
  TzTableImportCounts counts = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (tz_table_import_get_n_rows (imp), ==, 3);
  g_assert_cmpint (tz_table_import_get_status (imp, 0), ==, TZ_TABLE_ROW_NEW);
  g_assert_cmpint (tz_table_import_get_status (imp, 1), ==, TZ_TABLE_ROW_NEW);
  /* neither a unit nor a team */
  g_assert_cmpint (tz_table_import_get_status (imp, 2), ==, TZ_TABLE_ROW_PROBLEM);
  assert_problem (tz_table_import_get_row_problems (imp, 2), 4, "参赛单位", "参赛单位");
  tz_table_import_set_dropped (imp, 2, TRUE);
  g_assert_true (tz_table_import_commit (imp, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry e JOIN unit u ON u.id = "
                                 "e.entrant_unit_id WHERE u.name = '大庆市总工会' AND e.title = "
                                 "'铁人足迹'"),
                   ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM entry e JOIN team t ON t.id = e.team_id "
                                 "JOIN person p ON p.id = t.leader_id WHERE t.name = '红旗班组' "
                                 "AND p.name = '王红' AND e.title = '红色印记'"),
                   ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM team_member"), ==, 1);
}

/* An account track: platforms from the list, followers against min_followers. */
static void
test_accounts (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *file =
      tz_test_source_path ("data", "campaigns", "hunan-2023-workers-netizens.json", NULL);
  gint64 campaign = tz_campaign_import_file (db, file, &error);
  gint64 track;
  g_autofree char *id1 = valid_id ("43010219850312002");
  g_autofree char *id2 = valid_id ("43010219900101123");
  g_autofree char *id3 = valid_id ("43010219781130451");
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr (TzTableImport) imp = NULL;
  g_autoptr (TzTableImport) again = NULL;
  TzTableImportCounts counts = { 0 };

  g_assert_no_error (error);
  track = tz_test_query_int (db, "SELECT id FROM track WHERE entry_kind = 'account'");
  g_assert_cmpint (track, >, 0);
  text = g_strdup_printf (
      "姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,参赛平台,账号昵称,账号链接,粉丝数\n"
      "王红,汉族,群众,%s,13800138000,长沙电厂,湖南省总工会,抖音,电厂小王,https://v.example/"
      "1,1.2万\n"
      "李明,汉族,群众,%s,13900139000,株洲车辆厂,湖南省总工会,抖音,车辆厂老李,,500\n"
      "赵强,汉族,群众,%s,13700137000,湘潭钢铁,湖南省总工会,脸书,钢铁赵,,20000\n",
      id1, id2, id3);
  path = write_file ("accounts.csv", text);
  imp = tz_table_import_open (db, campaign, track, path, &error);
  g_assert_no_error (error);
  /* 1.2万 is not a whole number: a problem too */
  assert_problem (tz_table_import_get_row_problems (imp, 0), 2, "粉丝数", "粉丝数");
  assert_problem (tz_table_import_get_row_problems (imp, 1), 3, "粉丝数", "10000");
  assert_problem (tz_table_import_get_row_problems (imp, 2), 4, "参赛平台", "脸书");
  {
    guint col;

    tz_table_layout_find (tz_table_import_get_layout (imp), TZ_TABLE_FIELD_FOLLOWERS, &col);
    tz_table_import_set_cell (imp, 0, col, "12000");
    tz_table_import_set_cell (imp, 1, col, "10000");
    tz_table_layout_find (tz_table_import_get_layout (imp), TZ_TABLE_FIELD_PLATFORM, &col);
    tz_table_import_set_cell (imp, 2, col, "快手");
  }
  g_assert_false (tz_table_import_has_problems (imp));
  g_assert_true (tz_table_import_commit (imp, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM entry e JOIN account a ON a.id = e.account_id "
                              "JOIN person p ON p.id = a.person_id WHERE a.platform = '抖音' AND "
                              "a.nickname = '电厂小王' AND a.followers = 12000 AND "
                              "a.url = 'https://v.example/1' AND e.title = '电厂小王' AND "
                              "p.name = '王红'"),
                   ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM account WHERE platform = '快手'"), ==, 1);
}

/* ---- the reader ---- */

static void
test_read_xlsx_cells (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("cells.xlsx");
  g_autoptr (TzTableSheet) sheet = NULL;
  g_autoptr (TzTableSheet) second = NULL;
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "甲");
  lxw_worksheet *ws2 = workbook_add_worksheet (wb, "乙");
  lxw_format *d1 = workbook_add_format (wb);
  lxw_format *d2 = workbook_add_format (wb);
  lxw_format *bold = workbook_add_format (wb);
  lxw_datetime day = { 2022, 10, 31, 0, 0, 0 };
  lxw_datetime leap = { 1900, 3, 1, 0, 0, 0 };
  lxw_rich_string_tuple f1 = { .format = bold, .string = "红色" };
  lxw_rich_string_tuple f2 = { .format = NULL, .string = "足迹" };
  lxw_rich_string_tuple *rich[] = { &f1, &f2, NULL };
  const TzTableRow *r;

  format_set_num_format_index (d1, 14);
  format_set_num_format (d2, "yyyy\"年\"m\"月\"d\"日\"");
  format_set_bold (bold);
  worksheet_write_datetime (ws, 0, 0, &day, d1);
  worksheet_write_datetime (ws, 0, 1, &leap, d2);
  worksheet_write_number (ws, 0, 2, 42.5, NULL);
  worksheet_write_boolean (ws, 0, 3, 1, NULL);
  worksheet_write_rich_string (ws, 0, 4, rich, NULL);
  worksheet_merge_range (ws, 2, 1, 3, 2, "合并", NULL);
  worksheet_write_string (ws2, 0, 0, "第二张", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  sheet = tz_table_read_sheet (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->name, ==, "甲");
  r = sheet->rows->pdata[0];
  g_assert_cmpstr (tz_table_row_cell (r, 0), ==, "2022-10-31");
  g_assert_cmpstr (tz_table_row_cell (r, 1), ==, "1900-03-01");
  g_assert_cmpstr (tz_table_row_cell (r, 2), ==, "42.5");
  g_assert_cmpstr (tz_table_row_cell (r, 3), ==, "1");
  g_assert_cmpstr (tz_table_row_cell (r, 4), ==, "红色足迹");
  g_assert_cmpuint (sheet->merges->len, ==, 1);
  g_assert_cmpuint (g_array_index (sheet->merges, TzTableMerge, 0).first_row, ==, 3);
  g_assert_cmpuint (g_array_index (sheet->merges, TzTableMerge, 0).last_row, ==, 4);
  g_assert_cmpuint (g_array_index (sheet->merges, TzTableMerge, 0).first_column, ==, 1);
  g_assert_cmpuint (g_array_index (sheet->merges, TzTableMerge, 0).last_column, ==, 2);
  second = tz_table_read_sheet (path, "乙", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tz_table_row_cell (second->rows->pdata[0], 0), ==, "第二张");
  g_assert_null (tz_table_read_sheet (path, "丙", &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_read_csv_gbk (void)
{
  g_autoptr (GError) error = NULL;
  const char *utf8 = "姓名,推荐单位\r\n王红,\"哈尔滨市总工会\"\r\n\r\n李明,\"大庆,油田\"\n";
  gsize n = 0;
  g_autofree char *gbk = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &n, &error);
  g_autoptr (TzTableSheet) sheet = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gbk, n, NULL));
  sheet = tz_table_read_sheet_data ((const guint8 *) gbk, n, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, 3); /* the blank row is left out */
  g_assert_cmpstr (tz_table_row_cell (sheet->rows->pdata[1], 1), ==, "哈尔滨市总工会");
  g_assert_cmpuint (((TzTableRow *) sheet->rows->pdata[2])->row, ==, 4);
  g_assert_cmpstr (tz_table_row_cell (sheet->rows->pdata[2], 1), ==, "大庆,油田");
  /* bytes that are neither */
  g_assert_null (
      tz_table_read_sheet_data ((const guint8 *) "\xff\xff\xff", 3, FALSE, NULL, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_PARSE);
}

/* ---- the command line ---- */

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *template = tz_test_tmpfile ("cli-template.xlsx");
  g_autofree char *text = bad_csv ();
  g_autofree char *bad = write_file ("cli-bad.csv", text);
  g_autofree char *id = valid_id ("23010219850312002");
  g_autofree char *good_text =
      g_strdup_printf ("推荐单位,姓名,民族,政治面貌,身份证号,手机号,工作单位,事迹简介\n"
                       "哈尔滨市总工会,王红,汉族,中共党员,%s,13800138000,电机厂,好\n",
                       id);
  g_autofree char *good = write_file ("cli-good.csv", good_text);
  g_autofree char *campaign = g_strdup_printf ("%" G_GINT64_FORMAT, f->campaign);
  g_autoptr (GError) error = NULL;

  /* the database is shared with the CLI processes */
  g_clear_object (&f->db);

  {
    g_auto (Run) r = { 0 };

    run_cli (&r, f->db_path, "template", "--campaign", campaign, "--track", f->nomination_name,
             "--output", template, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (template, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto (Run) r = { 0 };

    run_cli (&r, f->db_path, "template", "--campaign", campaign, "--output", template, NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto (Run) r = { 0 };
    g_auto (GStrv) lines = NULL;

    run_cli (&r, f->db_path, "import", "table", "--campaign", campaign, "--track",
             f->nomination_name, bad, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "3\t身份证号\t"));
    g_assert_nonnull (strstr (r.err, "7\t推荐单位\t"));
    lines = g_strsplit (r.err, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >=, 7);
  }
  {
    g_auto (Run) r = { 0 };

    run_cli (&r, f->db_path, "import", "table", "--campaign", campaign, "--track",
             f->nomination_name, good, "--dry-run", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "1 to add"));
  }
  f->db = tz_db_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM import_log WHERE kind = 'table'"), ==, 0);
  g_clear_object (&f->db);
  {
    g_auto (Run) r = { 0 };

    run_cli (&r, f->db_path, "import", "table", "--campaign", campaign, "--track",
             f->nomination_name, good, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "1 added, 0 changed, 0 unchanged"));
  }
  {
    g_auto (Run) r = { 0 };

    /* a filled template needs neither --campaign nor --track */
    g_assert_true (g_file_test (template, G_FILE_TEST_IS_REGULAR));
    run_cli (&r, f->db_path, "import", "table", template, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "0 rows read"));
  }
  {
    g_auto (Run) r = { 0 };

    /* a plain csv without --campaign / --track: refused */
    run_cli (&r, f->db_path, "import", "table", good, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  {
    g_auto (Run) r = { 0 };

    run_cli (&r, f->db_path, "import", "table", NULL);
    g_assert_cmpint (r.status, ==, 2);
  }
  f->db = tz_db_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM import_log WHERE kind = 'table'"), ==, 2);
}

/* A table converted to xlsx by LibreOffice, when it is installed. */
static void
test_libreoffice (Fixture *f, gconstpointer data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *id = valid_id ("23010219850312002");
  g_autofree char *text =
      g_strdup_printf ("姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n"
                       "王红,汉族,中共党员,%s,13800138000,电机厂,哈尔滨市总工会,好\n",
                       id);
  g_autofree char *csv = g_build_filename (dir, "lo.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "lo.xlsx", NULL);
  g_autofree char *profile = NULL;
  g_auto (TzImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  TzTableImportCounts counts = { 0 };

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  g_file_set_contents (csv, text, -1, &error);
  g_assert_no_error (error);
  profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  {
    const char *argv[] = { soffice,
                           profile,
                           "--headless",
                           "--infilter=CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2",
                           "--convert-to",
                           "xlsx",
                           "--outdir",
                           dir,
                           csv,
                           NULL };
    g_auto (Run) r = { 0 };

    run_argv (&r, argv);
    if (r.status != 0 || !g_file_test (xlsx, G_FILE_TEST_EXISTS))
      {
        g_test_skip ("LibreOffice could not convert the file here");
        return;
      }
  }
  g_assert_true (tz_table_import_run (f->db, f->campaign, f->nomination, xlsx, FALSE, &result,
                                      &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM person WHERE phone = '13800138000'"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/table-import/openpyxl-round-trip", test_openpyxl_round_trip);
  ADD ("/table-import/hand-edited", test_hand_edited);
  ADD ("/table-import/bad-rows", test_bad_rows);
  ADD ("/table-import/changed", test_changed);
  ADD ("/table-import/unit-and-team", test_unit_and_team);
  ADD ("/table-import/not-a-template", test_not_a_template);
  ADD ("/table-import/cli", test_cli);
  ADD ("/table-import/libreoffice", test_libreoffice);
#undef ADD
  g_test_add_func ("/table-import/accounts", test_accounts);
  g_test_add_func ("/table-read/xlsx-cells", test_read_xlsx_cells);
  g_test_add_func ("/table-read/csv-gbk", test_read_csv_gbk);
  return g_test_run ();
}
