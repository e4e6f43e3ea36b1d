/* test-report-awards.c — the award list, certificates and score sheets read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "tz-awards.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-ranking.h"
#include "tz-report-awards.h"
#include "tz-seal.h"
#include "tz-test-common.h"
#include "tz-test-report.h"
#include "tz-unit.h"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  gint64 track_id;
} Fixture;

/* The Hunan video track (60/40) with the worked example of docs/ranking.md:
 * B 88, A 75, C 70.2 — 一等奖 B, 二等奖 A, 三等奖 C. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file =
      tz_test_source_path ("data", "campaigns", "hunan-2023-workers-netizens.json", NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GdkPixbuf) disc = tz_test_red_disc (400);
  gint64 issuer = 0;

  f->db = tz_test_open_db ();
  f->campaign_id = tz_campaign_import_file (f->db, file, &error);
  g_assert_no_error (error);
  g_assert_true (
      tz_track_resolve (f->db, f->campaign_id, "网络正能量微视频征集", &f->track_id, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
      "DELETE FROM award_tier WHERE track_id = %1$" G_GINT64_FORMAT ";"
      "DELETE FROM criterion WHERE track_id = %1$" G_GINT64_FORMAT ";"
      "DELETE FROM division WHERE track_id = %1$" G_GINT64_FORMAT ";"
      "INSERT INTO unit (id, name, kind) VALUES (9010, '某机械厂', 'enterprise'),"
      "  (9011, '某中学', 'school');"
      "INSERT INTO person (id, name, unit_id) VALUES (9001, '张三', 9010), (9002, '李四', 9011),"
      "  (9003, '王五', 9010);"
      "INSERT INTO judge (id, campaign_id, name) VALUES (9001, %2$" G_GINT64_FORMAT ", '评委一'),"
      "  (9002, %2$" G_GINT64_FORMAT ", '评委二');"
      "INSERT INTO judge_track (judge_id, track_id) VALUES (9001, %1$" G_GINT64_FORMAT "),"
      "  (9002, %1$" G_GINT64_FORMAT ");"
      "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES"
      "  (9001, %1$" G_GINT64_FORMAT ", 1, '视频内容', 50),"
      "  (9002, %1$" G_GINT64_FORMAT ", 2, '创作技巧', 50);"
      "INSERT INTO entry (id, campaign_id, track_id, title, person_id, submitted_on) VALUES"
      "  (9001, %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", 'A作品', 9001, '2023-05-01'),"
      "  (9002, %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", 'B作品', 9002, '2023-05-02'),"
      "  (9003, %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", 'C作品', 9003, '2023-05-03');"
      "INSERT INTO score (entry_id, judge_id, criterion_id, value) VALUES"
      "  (9001, 9001, 9001, 45), (9001, 9001, 9002, 40), (9001, 9002, 9001, 43),"
      "  (9001, 9002, 9002, 42), (9002, 9001, 9001, 40), (9002, 9001, 9002, 38),"
      "  (9002, 9002, 9001, 42), (9002, 9002, 9002, 40), (9003, 9001, 9001, 35),"
      "  (9003, 9001, 9002, 30), (9003, 9002, 9001, 37), (9003, 9002, 9002, 32);"
      "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
      "  (9001, '网络评选', 900, '2023-09-01'), (9001, '网络评选', 1200, '2023-10-31'),"
      "  (9002, '网络评选', 2000, '2023-10-31'), (9003, '网络评选', 1500, '2023-10-31');"
      "INSERT INTO award_tier (id, track_id, seq, name, count, prize, amount_yuan) VALUES"
      "  (9001, %1$" G_GINT64_FORMAT ", 1, '一等奖', 1, '荣誉证书+5000元', NULL),"
      "  (9002, %1$" G_GINT64_FORMAT ", 2, '二等奖', 1, '荣誉证书+3000元', NULL),"
      "  (9003, %1$" G_GINT64_FORMAT ", 3, '三等奖', 5, NULL, 1000);",
      f->track_id, f->campaign_id);
  g_assert_true (tz_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  g_assert_true (tz_unit_resolve (f->db, f->campaign_id, "湖南省总工会", &issuer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_seal_add (f->db, issuer, "公章", disc, FALSE, &error), >, 0);
  g_assert_no_error (error);
  (void) data;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  (void) data;
}

static void
rank (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = tz_ranking_compute (f->db, f->track_id, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM award"), ==, 3);
}

static void
assert_all (const char *text, const char *const *words, guint n)
{
  for (guint i = 0; i < n; i++)
    if (strstr (text, words[i]) == NULL)
      g_error ("“%s” missing in: %s", words[i], text);
}

/* The top of the first place @word is drawn on @page, in points from the top. */
static double
text_top (PopplerPage *page, const char *word)
{
  GList *found = poppler_page_find_text (page, word);
  double w, h, top;

  g_assert_nonnull (found);
  poppler_page_get_size (page, &w, &h);
  top = h - ((PopplerRectangle *) found->data)->y2;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return top;
}

static void
test_list_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tz_test_tmpfile ("awards.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  const char *const words[] = { "网络正能量微视频征集获奖名单",
                                "一等奖（1名）",
                                "B作品",
                                "李四",
                                "某中学",
                                "+5000元",
                                "二等奖（1名）",
                                "A作品",
                                "张三",
                                "三等奖（1名）",
                                "C作品",
                                "奖金1000元",
                                "湖南省总工会" };
  const char *const order[] = { "一等奖（1名）", "B作品", "二等奖（1名）", "A作品",
                                "三等奖（1名）", "C作品", "湖南省总工会" };
  GList *found;
  PopplerRectangle *r;
  double pw, ph, cx, cy, scale = 2;
  cairo_surface_t *image;
  cairo_t *cr;
  guint32 v;
  int n;

  rank (f);
  g_assert_true (tz_report_awards (f->db, f->campaign_id, f->track_id, &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  text = tz_test_pdf_text (doc);
  assert_all (text, words, G_N_ELEMENTS (words));
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  for (guint i = 1; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpfloat (text_top (page, order[i - 1]), <, text_top (page, order[i]));
  g_clear_object (&page);

  /* The issuer's seal: red just above the unit's name at the end. */
  n = poppler_document_get_n_pages (doc);
  page = poppler_document_get_page (doc, n - 1);
  poppler_page_get_size (page, &pw, &ph);
  g_assert_cmpfloat_with_epsilon (pw, 595.28, 1);
  found = poppler_page_find_text (page, "湖南省总工会");
  g_assert_nonnull (found);
  r = g_list_last (found)->data;
  cx = (r->x1 + r->x2) / 2;
  cy = ph - (r->y1 + r->y2) / 2;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (pw * scale), (int) (ph * scale));
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  v = *(guint32 *) (cairo_image_surface_get_data (image) +
                    (int) ((cy - 25) * scale) * cairo_image_surface_get_stride (image) +
                    (int) (cx * scale) * 4);
  g_test_message ("above the issuer: %06x", v & 0xffffff);
  g_assert_cmpuint ((v >> 16) & 0xff, >, 150);
  g_assert_cmpuint ((v >> 8) & 0xff, <, 80);
  g_assert_cmpuint (v & 0xff, <, 80);
  cairo_surface_destroy (image);
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  (void) data;
}

/* The sheet's rows as "|"-joined cells, from sheet1.xml and the shared strings. */
static GPtrArray *
read_rows (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsfInput) input = gsf_input_stdio_new (path, &error);
  g_autoptr (GsfInfile) zip = NULL;
  g_autoptr (GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  for (guint n = 0; n < 2; n++)
    {
      g_autoptr (GsfInput) member =
          n == 0 ? gsf_infile_child_by_vname (zip, "xl", "sharedStrings.xml", NULL)
                 : gsf_infile_child_by_vname (zip, "xl", "worksheets", "sheet1.xml", NULL);
      gsf_off_t size;
      const guint8 *bytes;
      xmlDocPtr xml;

      g_assert_nonnull (member);
      size = gsf_input_size (member);
      bytes = gsf_input_read (member, size, NULL);
      xml = xmlReadMemory ((const char *) bytes, (int) size, "sheet.xml", NULL, 0);
      g_assert_nonnull (xml);
      for (xmlNodePtr node = xmlDocGetRootElement (xml)->children; node; node = node->next)
        {
          if (n == 0 && xmlStrEqual (node->name, BAD_CAST "si"))
            {
              xmlChar *content = xmlNodeGetContent (node);
              g_ptr_array_add (shared, g_strdup ((const char *) content));
              xmlFree (content);
            }
          if (n == 1 && xmlStrEqual (node->name, BAD_CAST "sheetData"))
            for (xmlNodePtr row = node->children; row; row = row->next)
              {
                GString *line = g_string_new (NULL);

                for (xmlNodePtr c = row->children; c; c = c->next)
                  {
                    xmlChar *type = xmlGetProp (c, BAD_CAST "t");
                    xmlChar *v = NULL;

                    for (xmlNodePtr k = c->children; k; k = k->next)
                      if (xmlStrEqual (k->name, BAD_CAST "v"))
                        v = xmlNodeGetContent (k);
                    if (c != row->children)
                      g_string_append_c (line, '|');
                    if (v != NULL && type != NULL && xmlStrEqual (type, BAD_CAST "s"))
                      g_string_append (line, shared->pdata[atoi ((const char *) v)]);
                    else if (v != NULL)
                      g_string_append (line, (const char *) v);
                    xmlFree (type);
                    xmlFree (v);
                  }
                g_ptr_array_add (rows, g_string_free (line, FALSE));
              }
        }
      xmlFreeDoc (xml);
    }
  return rows;
}

static void
test_list_xlsx (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tz_test_tmpfile ("awards.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  TzReportOptions options = { .format = TZ_REPORT_XLSX };

  rank (f);
  g_assert_true (tz_report_awards (f->db, f->campaign_id, f->track_id, &options, path, &error));
  g_assert_no_error (error);
  tz_test_keep_copy (path);
  rows = read_rows (path);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_nonnull (strstr (rows->pdata[0], "网络正能量微视频征集获奖名单"));
  g_assert_cmpstr (rows->pdata[1], ==, "序号|组别|作品名称|作者（参评对象）|单位|奖项|奖励");
  g_assert_cmpstr (rows->pdata[2], ==, "1||B作品|李四|某中学|一等奖|荣誉证书+5000元");
  g_assert_cmpstr (rows->pdata[3], ==, "2||A作品|张三|某机械厂|二等奖|荣誉证书+3000元");
  g_assert_cmpstr (rows->pdata[4], ==, "3||C作品|王五|某机械厂|三等奖|奖金1000元");
  (void) data;
}

static void
test_certificates (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tz_test_tmpfile ("certificates.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  const char *names[] = { "李四", "张三", "王五" };
  const char *tiers[] = { "一等奖", "二等奖", "三等奖" };
  const char *prizes[] = { "荣誉证书+5000元", "荣誉证书+3000元", "奖金1000元" };

  rank (f);
  g_assert_true (
      tz_report_certificates (f->db, f->campaign_id, f->track_id, &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 3);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = tz_test_page_text (doc, i);
      g_autofree char *won = g_strdup_printf ("荣获%s", tiers[i]);
      const char *order[] = { "荣誉证书", names[i], won, prizes[i], "湖南省总工会" };
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 842, 1);
      g_assert_cmpfloat_with_epsilon (h, 595, 1);
      assert_all (text, order, G_N_ELEMENTS (order));
    }
  (void) data;
}

static void
test_score_sheets (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tz_test_tmpfile ("score-sheets.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  const char *judges[] = { "评委一", "评委二" };

  g_assert_true (
      tz_report_score_sheets (f->db, f->campaign_id, f->track_id, &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *text = tz_test_page_text (doc, i);
      const char *order[] = {
        "评委评分表", judges[i], "视频内容（50分）", "创作技巧（50分）", "合计（100分）", "A作品",
        "B作品",      "C作品",   "评委签字"
      };

      assert_all (text, order, G_N_ELEMENTS (order));
    }
  /* 评委一 gave A 45 + 40. */
  {
    g_autofree char *text = tz_test_page_text (doc, 0);
    g_assert_nonnull (strstr (text, "A作品454085"));
  }
  (void) data;
}

static void
test_organisation_award (Fixture *f, gconstpointer data)
{
  g_autofree char *xlsx = tz_test_tmpfile ("awards-org.xlsx");
  g_autofree char *pdf = tz_test_tmpfile ("awards-org.pdf");
  g_autofree char *certs = tz_test_tmpfile ("certificates-org.pdf");
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  TzReportOptions options = { .format = TZ_REPORT_XLSX };
  const char *words[] = { "优秀组织奖", "某中学", "B作品" };

  rank (f);
  /* An award to an organisation: a unit and no entry. */
  sql = g_strdup_printf (
      "INSERT INTO award_tier (id, track_id, seq, name, count, special,"
      "  recipient) VALUES (9004, %" G_GINT64_FORMAT ", 4, '优秀组织奖', 1, 1, 'organization');"
      "INSERT INTO award (award_tier_id, unit_id, manual) VALUES (9004, 9011, 1);",
      f->track_id);
  g_assert_true (tz_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  g_assert_true (tz_report_awards (f->db, f->campaign_id, f->track_id, &options, xlsx, &error));
  g_assert_no_error (error);
  rows = read_rows (xlsx);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpstr (rows->pdata[4], ==, "3||C作品|王五|某机械厂|三等奖|奖金1000元");
  g_assert_cmpstr (rows->pdata[5], ==, "4||||某中学|优秀组织奖|");

  options.format = TZ_REPORT_PDF;
  g_assert_true (tz_report_awards (f->db, f->campaign_id, f->track_id, &options, pdf, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (pdf);
  text = tz_test_page_text (doc, 0);
  assert_all (text, words, G_N_ELEMENTS (words));
  g_clear_object (&doc);

  g_assert_true (
      tz_report_certificates (f->db, f->campaign_id, f->track_id, &options, certs, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (certs);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 4);
  last = tz_test_page_text (doc, 3);
  g_assert_nonnull (strstr (last, "某中学"));
  g_assert_nonnull (strstr (last, "荣获优秀组织奖"));
  g_assert_null (strstr (last, "(null)"));
  (void) data;
}

/* An instructor award prints the instructor in place of the author, a person
 * award the person with their unit; each has its own certificate sentence. */
static void
test_instructor_and_person_awards (Fixture *f, gconstpointer data)
{
  g_autofree char *xlsx = tz_test_tmpfile ("awards-instructor.xlsx");
  g_autofree char *pdf = tz_test_tmpfile ("awards-instructor.pdf");
  g_autofree char *certs = tz_test_tmpfile ("certificates-instructor.pdf");
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  TzReportOptions options = { .format = TZ_REPORT_XLSX };
  const char *words[] = { "优秀指导教师奖", "指导教师", "赵老师", "钱老师",
                          "优秀组织者",     "获奖个人", "李四",   "榜样典型" };

  rank (f);
  sql = g_strdup_printf (
      "UPDATE entry SET instructor = '赵老师、钱老师' WHERE id = 9001;"
      "INSERT INTO award_tier (id, track_id, seq, name, count, special, recipient) VALUES"
      "  (9005, %1$" G_GINT64_FORMAT ", 5, '优秀指导教师奖', 1, 1, 'instructor'),"
      "  (9006, %1$" G_GINT64_FORMAT ", 6, '优秀组织者', 1, 1, 'person'),"
      "  (9007, %1$" G_GINT64_FORMAT ", 7, '榜样典型', 1, 1, 'person');",
      f->track_id);
  g_assert_true (tz_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  /* Two instructors of one work; a person by hand; a person through their entry. */
  g_assert_cmpint (tz_award_assign (f->db, 9005, 9001, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tz_award_assign_recipient (f->db, 9006, 0, 9002, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (tz_award_assign (f->db, 9007, 9003, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (tz_report_awards (f->db, f->campaign_id, f->track_id, &options, xlsx, &error));
  g_assert_no_error (error);
  rows = read_rows (xlsx);
  g_assert_cmpuint (rows->len, ==, 9);
  g_assert_cmpstr (rows->pdata[5], ==, "4||A作品|赵老师（指导教师）|某机械厂|优秀指导教师奖|");
  g_assert_cmpstr (rows->pdata[6], ==, "5||A作品|钱老师（指导教师）|某机械厂|优秀指导教师奖|");
  g_assert_cmpstr (rows->pdata[7], ==, "6|||李四|某中学|优秀组织者|");
  g_assert_cmpstr (rows->pdata[8], ==, "7||C作品|王五|某机械厂|榜样典型|");

  options.format = TZ_REPORT_PDF;
  g_assert_true (tz_report_awards (f->db, f->campaign_id, f->track_id, &options, pdf, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (pdf);
  text = tz_test_pdf_text (doc);
  assert_all (text, words, G_N_ELEMENTS (words));
  g_clear_object (&doc);

  g_assert_true (
      tz_report_certificates (f->db, f->campaign_id, f->track_id, &options, certs, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (certs);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 7);
  for (int page = 3; page < 7; page++)
    {
      g_autofree char *t = tz_test_page_text (doc, page);
      const char *who[] = { "赵老师", "钱老师", "李四", "王五" };

      g_test_message ("certificate %d: %s", page, t);
      g_assert_nonnull (strstr (t, who[page - 3]));
      if (page < 5)
        g_assert_nonnull (strstr (t, "你指导的作品《A作品》"));
      else
        {
          g_assert_nonnull (strstr (t, "你在"));
          g_assert_null (strstr (t, "作品"));
        }
    }
  (void) data;
}

static void
test_empty_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tz_test_tmpfile ("empty.pdf");
  g_autoptr (GError) error = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };

  /* Not ranked yet: no awards. */
  g_assert_false (tz_report_awards (f->db, f->campaign_id, f->track_id, &options, path, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (
      tz_report_certificates (f->db, f->campaign_id, f->track_id, &options, path, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (tz_db_exec (f->db, "DELETE FROM judge", NULL));
  g_assert_false (
      tz_report_score_sheets (f->db, f->campaign_id, f->track_id, &options, path, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  (void) data;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func)                                                                            \
  g_test_add ("/report/awards/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list-pdf", test_list_pdf);
  ADD ("list-xlsx", test_list_xlsx);
  ADD ("certificates", test_certificates);
  ADD ("score-sheets", test_score_sheets);
  ADD ("organisation-award", test_organisation_award);
  ADD ("instructor-and-person-awards", test_instructor_and_person_awards);
  ADD ("empty-refused", test_empty_refused);
#undef ADD

  return g_test_run ();
}
