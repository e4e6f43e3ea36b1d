/* test-scores.c — importing expert scores and online metrics from CSV and xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <gsf/gsf.h>
#include <string.h>

#include "tz-ranking.h"
#include "tz-scores.h"
#include "tz-table-read.h"
#include "tz-test-common.h"

static const char fixture[] =
    "INSERT INTO unit (id, name, kind) VALUES (10, '某机械厂', 'enterprise');"
    "INSERT INTO campaign (id, title) VALUES (1, '测试活动');"
    "INSERT INTO person (id, name, unit_id) VALUES (1, '甲', 10), (2, '乙', 10), (3, '丙', 10);"
    "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric, expert_weight,"
    "  metric_weight) VALUES (1, 1, 1, '微视频', 'composite', '点赞量', 60, 40);"
    "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES (1, 1, 1, '内容', 50),"
    "  (2, 1, 2, '技巧', 50);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES"
    "  (1, 1, 1, '春天', 1), (2, 1, 1, '夏天', 2), (3, 1, 1, '秋天', 3);";

/* The scores as a table: header and rows, the same in CSV and in xlsx. */
static const char *const score_table[][5] = {
  { "评委", "作品", "评分项", "分数", "备注" }, { "评委一", "春天", "内容", "45", "" },
  { "评委一", "春天", "技巧", "40.5", "" },     { "评委一", "2", "内容", "42", "" },
  { "评委二", "春天", "内容", "43", "" },       { "评委二", "夏天", "内容", "", "回避" },
  { "评委二", "秋天", "内容", "30", "弃权" },
};

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
csv_of (const char *const (*table)[5], guint n_rows)
{
  GString *s = g_string_new ("\xEF\xBB\xBF");

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < 5; c++)
        g_string_append_printf (s, "%s\"%s\"", c > 0 ? "," : "", table[r][c]);
      g_string_append (s, "\r\n");
      if (r == 2)
        g_string_append (s, ",,,,\r\n"); /* a blank row, skipped */
    }
  return g_string_free (s, FALSE);
}

static char *
write_csv (const char *const (*table)[5], guint n_rows)
{
  char *path = tz_test_tmpfile ("scores.csv");
  g_autofree char *csv = csv_of (table, n_rows);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
put (GsfOutfile *dir, const char *name, const char *text)
{
  GsfOutput *out = gsf_outfile_new_child (dir, name, FALSE);

  g_assert_true (gsf_output_write (out, strlen (text), (const guint8 *) text));
  g_assert_true (gsf_output_close (out));
  g_object_unref (out);
}

static char *
xml_escape (const char *s)
{
  return g_markup_escape_text (s, -1);
}

/* An xlsx written by hand: the sheet is not at the usual path, text is in
 * shared strings (one split into rich text runs) and inline strings. */
static char *
write_xlsx (const char *const (*table)[5], guint n_rows)
{
  char *path = tz_test_tmpfile ("scores.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) sheet = g_string_new (NULL);
  g_autoptr (GString) sst = g_string_new (NULL);
  GsfOutput *file;
  GsfOutfile *zip, *rels, *xl, *xl_rels, *ws;
  guint n_strings = 0;

  g_string_append (sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                          "2006/main\"><sheetData>");
  for (guint r = 0; r < n_rows; r++)
    {
      /* Row numbers as in the CSV, which has a blank row after the third. */
      guint number = r + 1 + (r > 2 ? 1 : 0);

      g_string_append_printf (sheet, "<row r=\"%u\">", number);
      for (guint c = 0; c < 5; c++)
        {
          const char *v = table[r][c];
          g_autofree char *text = xml_escape (v);
          char *end = NULL;

          if (*v == '\0')
            continue;
          g_ascii_strtod (v, &end);
          if (r > 0 && c == 3 && end != v && *end == '\0')
            g_string_append_printf (sheet, "<c r=\"%c%u\"><v>%s</v></c>", 'A' + c, number, v);
          else if (c % 2 == 0)
            {
              if (g_str_equal (v, "评委一"))
                g_string_append (sst, "<si><r><rPr><b/></rPr><t>评委</t></r><r><t>一</t></r>"
                                      "<rPh sb=\"0\" eb=\"1\"><t>ping</t></rPh></si>");
              else
                g_string_append_printf (sst, "<si><t>%s</t></si>", text);
              g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"s\"><v>%u</v></c>", 'A' + c, number,
                                      n_strings++);
            }
          else
            g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>%s</t></is></c>",
                                    'A' + c, number, text);
        }
      g_string_append (sheet, "</row>");
    }
  g_string_append (sheet, "</sheetData></worksheet>");
  g_string_prepend (sst, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://"
                         "schemas.openxmlformats.org/spreadsheetml/2006/main\">");
  g_string_append (sst, "</sst>");

  file = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (file, &error);
  g_assert_no_error (error);
  put (zip, "[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
       "content-types\"/>");
  rels = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels", TRUE));
  put (rels, ".rels", "<?xml version=\"1.0\"?><Relationships/>");
  gsf_output_close (GSF_OUTPUT (rels));
  xl = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  put (xl, "workbook.xml",
       "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
       "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/"
       "2006/relationships\"><sheets><sheet name=\"评分\" sheetId=\"7\" r:id=\"rId9\"/>"
       "<sheet name=\"其他\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  put (xl, "sharedStrings.xml", sst->str);
  xl_rels = GSF_OUTFILE (gsf_outfile_new_child (xl, "_rels", TRUE));
  put (xl_rels, "workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
       "2006/relationships\"><Relationship Id=\"rId1\" Type=\"x\" Target=\"worksheets/"
       "sheet1.xml\"/><Relationship Id=\"rId9\" Type=\"x\" Target=\"worksheets/data.xml\"/>"
       "</Relationships>");
  gsf_output_close (GSF_OUTPUT (xl_rels));
  ws = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets", TRUE));
  put (ws, "sheet1.xml",
       "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
       "<is><t>wrong sheet</t></is></c></row></sheetData></worksheet>");
  put (ws, "data.xml", sheet->str);
  gsf_output_close (GSF_OUTPUT (ws));
  gsf_output_close (GSF_OUTPUT (xl));
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (ws);
  g_object_unref (xl_rels);
  g_object_unref (xl);
  g_object_unref (rels);
  g_object_unref (zip);
  g_object_unref (file);
  return path;
}

/* The stored scores as one string, for comparison. */
static char *
stored_scores (TzDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (
      db,
      "SELECT group_concat(j.name || '/' || s.entry_id || '/' || c.name || '/' || "
      "ifnull(s.value, '-') || '/' || s.abstain || s.conflict, ';') FROM (SELECT * FROM score "
      "ORDER BY judge_id, entry_id, criterion_id) s JOIN judge j ON j.id = s.judge_id "
      "JOIN criterion c ON c.id = s.criterion_id",
      &error);

  g_assert_no_error (error);
  g_assert_cmpint (tz_db_step (db, stmt, &error), ==, SQLITE_ROW);
  return tz_db_column_dup (stmt, 0);
}

static void
import_ok (TzDb *db, const char *path, guint rows, guint changed)
{
  g_autoptr (GError) error = NULL;
  g_auto (TzImportResult) result = { 0 };

  g_assert_true (tz_scores_import (db, 1, path, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.problems->len, ==, 0);
  g_assert_cmpuint (result.rows, ==, rows);
  g_assert_cmpuint (result.changed, ==, changed);
}

static void
test_csv_reader (void)
{
  static const char csv[] = "\xEF\xBB\xBF"
                            "a,\"b,\"\"c\"\"\",\r\n"
                            "\r\n"
                            "\"line\none\",x\n"
                            "  ,\n"
                            "last,\"\"";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = tz_table_read_csv_data (csv, -1, &error);
  TzTableRow *r;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  r = rows->pdata[0];
  g_assert_cmpuint (r->row, ==, 1);
  g_assert_cmpuint (r->n_cells, ==, 3);
  g_assert_cmpstr (r->cells[0], ==, "a");
  g_assert_cmpstr (r->cells[1], ==, "b,\"c\"");
  g_assert_cmpstr (r->cells[2], ==, "");
  r = rows->pdata[1];
  g_assert_cmpuint (r->row, ==, 3);
  g_assert_cmpstr (r->cells[0], ==, "line\none");
  g_assert_cmpstr (tz_table_row_cell (r, 7), ==, "");
  r = rows->pdata[2];
  g_assert_cmpuint (r->row, ==, 5);
  g_assert_cmpstr (r->cells[1], ==, "");

  /* Excel on Chinese Windows saves CSV as GB18030: 国 is B9 FA there. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tz_table_read_csv_data ("\xB9\xFA,1\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TzTableRow *) rows->pdata[0])->cells[0], ==, "国");
  /* Neither UTF-8 nor GB18030. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tz_table_read_csv_data ("\xFF\xFF\xFF,1\n", -1, &error);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_PARSE);
  g_assert_null (rows);
}

static void
test_csv_and_xlsx_same (void)
{
  g_autoptr (TzDb) a = open_fixture ();
  g_autoptr (TzDb) b = open_fixture ();
  g_autofree char *csv = write_csv (score_table, G_N_ELEMENTS (score_table));
  g_autofree char *xlsx = write_xlsx (score_table, G_N_ELEMENTS (score_table));
  g_autofree char *from_csv = NULL;
  g_autofree char *from_xlsx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = tz_table_read (xlsx, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpstr (((TzTableRow *) rows->pdata[1])->cells[0], ==, "评委一");
  g_assert_cmpuint (((TzTableRow *) rows->pdata[3])->row, ==, 5);

  import_ok (a, csv, 6, 6);
  import_ok (b, xlsx, 6, 6);
  from_csv = stored_scores (a);
  from_xlsx = stored_scores (b);
  g_assert_cmpstr (from_csv, ==,
                   "评委一/1/内容/45.0/00;评委一/1/技巧/40.5/00;评委一/2/内容/42.0/00;"
                   "评委二/1/内容/43.0/00;评委二/2/内容/-/01;评委二/3/内容/30.0/10");
  g_assert_cmpstr (from_xlsx, ==, from_csv);
  /* Judges are created for the campaign and assigned to the track. */
  g_assert_cmpint (tz_test_query_int (a, "SELECT count(*) FROM judge WHERE campaign_id = 1"), ==,
                   2);
  g_assert_cmpint (tz_test_query_int (a, "SELECT count(*) FROM judge_track WHERE track_id = 1"), ==,
                   2);
}

static void
test_bad_row (void)
{
  static const char *const table[][5] = {
    { "评委", "作品", "评分项", "分数", "备注" }, { "评委一", "春天", "内容", "45", "" },
    { "评委一", "夏天", "内容", "51", "" },       { "评委一", "冬天", "内容", "abc", "" },
    { "评委一", "秋天", "创意", "10", "" },
  };
  g_autoptr (TzDb) db = open_fixture ();
  g_autofree char *csv = write_csv (table, G_N_ELEMENTS (table));
  g_autoptr (GError) error = NULL;
  g_auto (TzImportResult) result = { 0 };
  g_autofree char *text = NULL;

  g_assert_false (tz_scores_import (db, 1, csv, FALSE, &result, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  text = tz_import_result_format_problems (&result);
  g_assert_cmpuint (result.problems->len, ==, 4);
  g_assert_true (g_str_has_prefix (text, "3\t分数\t"));
  g_assert_nonnull (strstr (text, "50"));
  g_assert_nonnull (strstr (text, "\n5\t作品\t"));
  g_assert_nonnull (strstr (text, "\n5\t分数\t"));
  g_assert_nonnull (strstr (text, "\n6\t评分项\t"));
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM score"), ==, 0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM judge"), ==, 0);
}

static void
test_marks_and_idempotent (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autofree char *csv = write_csv (score_table, G_N_ELEMENTS (score_table));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (db, csv, 6, 6);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM score WHERE conflict = 1 AND "
                                          "entry_id = 2 AND value IS NULL"),
                   ==, 1);
  g_assert_cmpint (
      tz_test_query_int (db, "SELECT count(*) FROM score WHERE abstain = 1 AND entry_id = 3"), ==,
      1);
  before = stored_scores (db);
  import_ok (db, csv, 6, 0);
  after = stored_scores (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM score"), ==, 6);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM judge"), ==, 2);
}

static void
test_metrics_latest (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autofree char *path = tz_test_tmpfile ("metrics.csv");
  g_autoptr (GError) error = NULL;
  g_auto (TzImportResult) result = { 0 };
  g_autoptr (GPtrArray) rows = NULL;

  /* 45095 is 2023-06-18 as an Excel date serial. */
  g_assert_true (g_file_set_contents (path,
                                      "作品,指标,数值,日期\n"
                                      "春天,,100,2023-06-01\n"
                                      "春天,点赞量,400,45095\n"
                                      "夏天,,200,2023/6/18\n"
                                      "3,浏览量,9999,2023-06-18\n",
                                      -1, &error));
  g_assert_true (tz_metrics_import (db, 1, path, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.changed, ==, 4);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM metric_snapshot WHERE "
                                          "taken_on = '2023-06-18' AND metric = '点赞量'"),
                   ==, 2);
  tz_import_result_clear (&result);
  g_assert_true (tz_metrics_import (db, 1, path, FALSE, &result, &error));
  g_assert_cmpuint (result.changed, ==, 0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM metric_snapshot"), ==, 4);

  rows = tz_ranking_compute (db, 1, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TzRankRow *r = rows->pdata[i];

      if (r->entry_id == 1)
        g_assert_cmpfloat (r->metric, ==, 400);
      else if (r->entry_id == 2)
        g_assert_cmpfloat (r->metric, ==, 200);
      else
        g_assert_cmpfloat (r->metric, <, 0);
    }

  /* A bad date and a negative value: nothing imported. */
  g_assert_true (g_file_set_contents (path,
                                      "entry,value,date\n"
                                      "春天,500,2023-06-30\n"
                                      "夏天,-1,2023-02-30\n",
                                      -1, &error));
  tz_import_result_clear (&result);
  g_assert_false (tz_metrics_import (db, 1, path, FALSE, &result, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_cmpuint (result.problems->len, ==, 2);
  g_assert_cmpstr (((TzImportProblem *) result.problems->pdata[0])->column, ==, "value");
  g_assert_cmpstr (((TzImportProblem *) result.problems->pdata[1])->column, ==, "date");
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM metric_snapshot"), ==, 4);
}

/* A figure of an account: matched by nickname, handle or address among the
 * accounts of the track's entrants; an unknown or ambiguous name is a problem
 * naming the row and column. Each import that writes leaves one line in the
 * import history. */
static void
test_metrics_by_account (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autofree char *path = tz_test_tmpfile ("accounts.csv");
  g_autoptr (GError) error = NULL;
  g_auto (TzImportResult) result = { 0 };

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO account (id, person_id, platform, nickname, handle) "
                             "VALUES (1, 1, '抖音', '春天号', 'spring01'),"
                             "  (2, 2, '快手', '夏天号', 'summer'), (3, 3, '抖音', '夏天号', 'x3');"
                             "INSERT INTO person (id, name) VALUES (9, '旁人');"
                             "INSERT INTO account (id, person_id, platform, nickname) "
                             "VALUES (4, 9, '抖音', '旁人号');",
                             &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path,
                                      "账号,指标,数值,日期\n"
                                      "春天号,,300,2023-06-18\n"
                                      "summer,,120,2023-06-18\n"
                                      "spring01,,310,2023-06-19\n",
                                      -1, &error));
  g_assert_true (tz_metrics_import (db, 1, path, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.changed, ==, 3);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM metric_snapshot WHERE "
                                          "account_id = 1 AND metric = '点赞量'"),
                   ==, 2);
  g_assert_cmpint (tz_test_query_int (db, "SELECT value FROM metric_snapshot WHERE "
                                          "account_id = 2 AND taken_on = '2023-06-18'"),
                   ==, 120);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM metric_snapshot WHERE "
                                          "entry_id IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM import_log WHERE kind = "
                                          "'metrics' AND rows_read = 3 AND rows_changed = 3 "
                                          "AND file_name = 'accounts.csv' AND track_id = 1"),
                   ==, 1);

  /* Two accounts called 夏天号, and one of somebody outside the track. */
  g_assert_true (g_file_set_contents (path,
                                      "账号,数值,日期\n"
                                      "夏天号,5,2023-06-20\n"
                                      "旁人号,6,2023-06-20\n",
                                      -1, &error));
  tz_import_result_clear (&result);
  g_assert_false (tz_metrics_import (db, 1, path, FALSE, &result, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (result.problems->len, ==, 2);
  g_assert_cmpuint (((TzImportProblem *) result.problems->pdata[0])->row, ==, 2);
  g_assert_cmpstr (((TzImportProblem *) result.problems->pdata[0])->column, ==, "账号");
  g_assert_cmpuint (((TzImportProblem *) result.problems->pdata[1])->row, ==, 3);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM metric_snapshot"), ==, 3);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM import_log"), ==, 1);

  /* Neither an entry nor an account column. */
  g_assert_true (g_file_set_contents (path, "数值,日期\n5,2023-06-20\n", -1, &error));
  tz_import_result_clear (&result);
  g_assert_false (tz_metrics_import (db, 1, path, FALSE, &result, &error));
  g_assert_cmpuint (result.problems->len, ==, 1);
  g_assert_cmpstr (((TzImportProblem *) result.problems->pdata[0])->column, ==, "作品");
}

static void
test_dry_run_and_missing_column (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autofree char *csv = write_csv (score_table, G_N_ELEMENTS (score_table));
  g_autofree char *bad = tz_test_tmpfile ("bad.csv");
  g_autoptr (GError) error = NULL;
  g_auto (TzImportResult) result = { 0 };

  g_assert_true (tz_scores_import (db, 1, csv, TRUE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows, ==, 6);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM score"), ==, 0);

  g_assert_true (g_file_set_contents (bad, "judge,entry,score\n评委一,春天,4\n", -1, &error));
  tz_import_result_clear (&result);
  g_assert_false (tz_scores_import (db, 1, bad, FALSE, &result, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_assert_cmpuint (result.problems->len, ==, 1);
  g_assert_cmpuint (((TzImportProblem *) result.problems->pdata[0])->row, ==, 1);
  g_assert_cmpstr (((TzImportProblem *) result.problems->pdata[0])->column, ==, "评分项");
}

/* ---- the CLI ---- */

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
run_cli (Run *r, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TZ_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  proc =
      g_subprocess_newv ((const char *const *) argv->pdata,
                         G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

static void
test_cli (void)
{
  static const char *const bad_table[][5] = {
    { "评委", "作品", "评分项", "分数", "备注" },
    { "评委一", "春天", "内容", "45", "" },
    { "评委一", "夏天", "内容", "60", "" },
  };
  g_autoptr (TzDb) db = open_fixture ();
  g_autofree char *path = g_strdup (tz_db_get_path (db));
  g_autofree char *xlsx = write_xlsx (score_table, G_N_ELEMENTS (score_table));
  g_autofree char *bad = write_csv (bad_table, G_N_ELEMENTS (bad_table));
  g_autofree char *metrics = tz_test_tmpfile ("metrics.csv");
  g_autoptr (GError) error = NULL;

  g_clear_object (&db);
  g_assert_true (g_file_set_contents (metrics, "作品,数值,日期\n春天,10,2023-06-01\n", -1, &error));
  {
    const char *args[] = { "--db", path,      "scores", "import", "--campaign",
                           "1",    "--track", "微视频", bad,      NULL };
    g_auto (Run) r = { 0 };

    run_cli (&r, args);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "3\t分数\t"));
  }
  {
    const char *args[] = { "--db",    path,     "scores",    "import", "--campaign", "1",
                           "--track", "微视频", "--dry-run", xlsx,     NULL };
    g_auto (Run) r = { 0 };

    run_cli (&r, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    const char *args[] = { "--db", path,      "scores", "import", "--campaign",
                           "1",    "--track", "微视频", xlsx,     NULL };
    g_auto (Run) r = { 0 };

    run_cli (&r, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  {
    const char *args[] = { "--db", path,      "metrics", "import", "--campaign",
                           "1",    "--track", "微视频",  metrics,  NULL };
    g_auto (Run) r = { 0 };

    run_cli (&r, args);
    g_assert_cmpint (r.status, ==, 0);
  }
  db = tz_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM score"), ==, 6);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM metric_snapshot"), ==, 1);
}

static void
test_listing (void)
{
  g_autoptr (TzDb) db = open_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) judges = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GArray) cells = NULL;
  gint64 j1 = 0, j2 = 0;
  TzCriterionInfo *c;
  TzScoreCell *cell;

  g_assert_true (tz_judge_ensure (db, 1, "评委乙", &j2, &error));
  g_assert_true (tz_judge_ensure (db, 1, "评委甲", &j1, &error));
  g_assert_no_error (error);
  g_assert_true (tz_score_save (db, 2, j1, 2, 30, FALSE, FALSE, NULL, &error));
  g_assert_true (tz_score_save (db, 1, j1, 1, 45.5, FALSE, FALSE, NULL, &error));
  g_assert_true (tz_score_save (db, 3, j1, 1, -1, FALSE, TRUE, NULL, &error));
  g_assert_no_error (error);

  judges = tz_scores_list_judges (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (judges->len, ==, 2);

  criteria = tz_scores_list_criteria (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (criteria->len, ==, 2);
  c = criteria->pdata[0];
  g_assert_cmpint (c->id, ==, 1);
  g_assert_cmpstr (c->name, ==, "内容");
  g_assert_cmpfloat (c->max_score, ==, 50);
  g_assert_cmpfloat (c->weight, ==, 1);

  cells = tz_scores_get (db, 1, j1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, 3);
  cell = &g_array_index (cells, TzScoreCell, 0);
  g_assert_cmpint (cell->entry_id, ==, 1);
  g_assert_cmpint (cell->criterion_id, ==, 1);
  g_assert_cmpfloat (cell->value, ==, 45.5);
  cell = &g_array_index (cells, TzScoreCell, 2);
  g_assert_cmpint (cell->entry_id, ==, 3);
  g_assert_cmpfloat (cell->value, ==, -1);
  g_assert_true (cell->conflict);
  g_clear_pointer (&cells, g_array_unref);
  cells = tz_scores_get (db, 1, j2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cells->len, ==, 0);
}

static void
test_score_check (void)
{
  g_autoptr (GError) error = NULL;
  double v = 0;

  g_assert_true (tz_score_check (" 42.5 ", 50, &v, &error));
  g_assert_cmpfloat (v, ==, 42.5);
  g_assert_true (tz_score_check ("", 50, &v, &error));
  g_assert_cmpfloat (v, ==, -1);
  g_assert_true (tz_score_check ("500", 0, &v, &error));
  g_assert_no_error (error);
  g_assert_false (tz_score_check ("51", 50, &v, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_score_check ("abc", 50, &v, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_score_check ("-1", 50, &v, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scores/csv-reader", test_csv_reader);
  g_test_add_func ("/scores/csv-and-xlsx-same", test_csv_and_xlsx_same);
  g_test_add_func ("/scores/bad-row", test_bad_row);
  g_test_add_func ("/scores/marks-and-idempotent", test_marks_and_idempotent);
  g_test_add_func ("/scores/metrics-latest", test_metrics_latest);
  g_test_add_func ("/scores/metrics-by-account", test_metrics_by_account);
  g_test_add_func ("/scores/dry-run-and-missing-column", test_dry_run_and_missing_column);
  g_test_add_func ("/scores/cli", test_cli);
  g_test_add_func ("/scores/listing", test_listing);
  g_test_add_func ("/scores/check", test_score_check);
  return g_test_run ();
}
