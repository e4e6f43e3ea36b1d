/* test-report.c — reports read back: PDFs with poppler, xlsx from their sheet XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "tz-activity.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-report.h"
#include "tz-test-common.h"
#include "tz-test-report.h"
#include "tz-unit.h"
#include "tz-entry.h"
#include "tz-person.h"
#include "tz-seal.h"

static const char *const hlj_units[] = { "哈尔滨市总工会",  "齐齐哈尔市总工会", "牡丹江市总工会",
                                         "佳木斯市总工会",  "大庆市总工会",     "鸡西市总工会",
                                         "双鸭山市总工会",  "伊春市总工会",     "七台河市总工会",
                                         "鹤岗市总工会",    "黑河市总工会",     "绥化市总工会",
                                         "大兴安岭市总工会" };
static const int hlj_targets[] = { 10, 10, 10, 10, 10, 9, 9, 9, 9, 9, 9, 9, 7 };

static TzDb *
open_hlj (gint64 *campaign_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  TzDb *db = tz_test_open_db ();

  *campaign_id = tz_campaign_import_file (db, file, &error);
  g_assert_no_error (error);
  return db;
}

static void
add_activity (TzDb *db, gint64 campaign_id, const char *unit, const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzActivity) a = tz_activity_new ();

  a->campaign_id = campaign_id;
  g_assert_true (tz_unit_resolve (db, campaign_id, unit, &a->unit_id, &error));
  a->title = g_strdup ("走进企业宣讲");
  a->held_on = g_strdup (date);
  g_assert_true (tz_activity_save (db, a, &error));
  g_assert_no_error (error);
}

static void
test_quota_pdf (void)
{
  gint64 id;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autofree char *path = tz_test_tmpfile ("quota.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF, .progress = TRUE };
  double w, h;
  gboolean cjk_embedded = FALSE;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;

  add_activity (db, id, "鸡西市总工会", "2022-08-10");
  g_assert_true (tz_report_quota (db, id, TZ_QUOTA_ACTIVITY, &options, path, &error));
  g_assert_no_error (error);

  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.5);

  text = tz_test_pdf_text (doc);
  g_assert_nonnull (
      strstr (text, "迎庆党的二十大“网聚职工正能量争做龙江好网民”主题线下活动任务分配表"));
  g_assert_nonnull (strstr (text, "序号单位线下活动数量已开展完成率"));
  for (guint i = 0; i < G_N_ELEMENTS (hlj_units); i++)
    {
      g_autofree char *row = g_strdup_printf ("%u%s%d", i + 1, hlj_units[i], hlj_targets[i]);
      g_test_message ("row %s", row);
      g_assert_nonnull (strstr (text, row));
    }
  /* 鸡西: 9 to hold, 1 held, 11 %. */
  g_assert_nonnull (strstr (text, "6鸡西市总工会9111%"));
  g_assert_nonnull (strstr (text, "合计12011%"));
  g_assert_null (strstr (text, "(null)"));
  /* The page number of GB/T 9704. */
  g_assert_nonnull (strstr (text, "—1—"));

  /* The CJK fonts are embedded as subsets. */
  info = poppler_font_info_new (doc);
  while (poppler_font_info_scan (info, 1, &iter))
    {
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);
          if (name != NULL && strstr (name, "CJK") != NULL &&
              poppler_fonts_iter_is_embedded (iter) && poppler_fonts_iter_is_subset (iter))
            cjk_embedded = TRUE;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_object_unref (info);
  g_assert_true (cjk_embedded);
}

/* The first sheet of an xlsx as rows of cell strings (shared strings resolved). */
static GPtrArray *
read_sheet (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsfInput) input = gsf_input_stdio_new (path, &error);
  g_autoptr (GsfInfile) zip = NULL;
  g_autoptr (GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *names[] = { "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml" };

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr (GsfInput) member =
          n == 0 ? gsf_infile_child_by_vname (zip, "xl", "sharedStrings.xml", NULL)
                 : gsf_infile_child_by_vname (zip, "xl", "worksheets", "sheet1.xml", NULL);
      gsf_off_t size;
      const guint8 *data;
      xmlDocPtr xml;

      if (member == NULL)
        {
          g_assert_cmpuint (n, ==, 0);
          continue;
        }
      size = gsf_input_size (member);
      data = gsf_input_read (member, size, NULL);
      xml = xmlReadMemory ((const char *) data, (int) size, names[n], NULL, 0);
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
            for (xmlNodePtr r = node->children; r; r = r->next)
              {
                GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
                for (xmlNodePtr c = r->children; c; c = c->next)
                  {
                    xmlChar *type = xmlGetProp (c, BAD_CAST "t");
                    xmlChar *v = NULL;
                    for (xmlNodePtr k = c->children; k; k = k->next)
                      if (xmlStrEqual (k->name, BAD_CAST "v") ||
                          xmlStrEqual (k->name, BAD_CAST "is"))
                        v = xmlNodeGetContent (k);
                    if (v == NULL)
                      g_ptr_array_add (cells, g_strdup (""));
                    else if (type != NULL && xmlStrEqual (type, BAD_CAST "s"))
                      g_ptr_array_add (cells, g_strdup (shared->pdata[atoi ((const char *) v)]));
                    else
                      g_ptr_array_add (cells, g_strdup ((const char *) v));
                    xmlFree (type);
                    xmlFree (v);
                  }
                g_ptr_array_add (rows, cells);
              }
        }
      xmlFreeDoc (xml);
    }
  return rows;
}

static void
test_quota_xlsx (void)
{
  gint64 id;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autofree char *path = tz_test_tmpfile ("quota.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  TzReportOptions options = { .format = TZ_REPORT_XLSX, .progress = TRUE };
  GPtrArray *row;

  add_activity (db, id, "哈尔滨市总工会", "2022-08-05");
  add_activity (db, id, "哈尔滨市总工会", "2022-08-06");
  g_assert_true (tz_report_quota (db, id, TZ_QUOTA_ACTIVITY, &options, path, &error));
  g_assert_no_error (error);
  rows = read_sheet (path);
  /* Title, header, 13 units, 合计. */
  g_assert_cmpuint (rows->len, ==, 16);
  row = rows->pdata[0];
  g_assert_cmpstr (row->pdata[0], ==,
                   "迎庆党的二十大“网聚职工正能量 争做龙江好网民”主题线下活动任务分配表");
  row = rows->pdata[1];
  g_assert_cmpstr (row->pdata[0], ==, "序号");
  g_assert_cmpstr (row->pdata[2], ==, "线下活动数量");
  for (guint i = 0; i < G_N_ELEMENTS (hlj_units); i++)
    {
      g_autofree char *target = g_strdup_printf ("%d", hlj_targets[i]);
      row = rows->pdata[i + 2];
      g_assert_cmpstr (row->pdata[1], ==, hlj_units[i]);
      g_assert_cmpstr (row->pdata[2], ==, target);
    }
  row = rows->pdata[2];
  g_assert_cmpstr (row->pdata[3], ==, "2");
  g_assert_cmpstr (row->pdata[4], ==, "0.2");
  row = rows->pdata[15];
  g_assert_cmpstr (row->pdata[1], ==, "合计");
  g_assert_cmpstr (row->pdata[2], ==, "120");
  g_assert_cmpstr (row->pdata[3], ==, "2");
}

static void
test_no_quota_refused (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("none.pdf");
  TzReportOptions options = { .format = TZ_REPORT_PDF };

  g_assert_true (tz_db_exec (db, "INSERT INTO campaign (id, title) VALUES (1, '空活动')", &error));
  g_assert_false (tz_report_quota (db, 1, TZ_QUOTA_ACTIVITY, &options, path, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_long_unit_names_wrap (void)
{
  gint64 id;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autofree char *path = tz_test_tmpfile ("long.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GString) name = g_string_new (NULL);
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  gint64 unit = 0;

  /* 60 units, one with a very long name: the table breaks pages and wraps. */
  for (int i = 0; i < 40; i++)
    g_string_append (name, "很长");
  g_assert_true (tz_unit_add (db, 0, name->str, NULL, id, "participant", &unit, &error));
  g_assert_true (tz_quota_set (db, id, TZ_QUOTA_ACTIVITY, 0, unit, 3, -1, &error));
  for (int i = 0; i < 60; i++)
    {
      g_autofree char *n = g_strdup_printf ("第%d区总工会", i + 1);
      g_assert_true (tz_unit_add (db, 0, n, NULL, id, "participant", &unit, &error));
      g_assert_true (tz_quota_set (db, id, TZ_QUOTA_ACTIVITY, 0, unit, 1, -1, &error));
    }
  g_assert_true (tz_report_quota (db, id, TZ_QUOTA_ACTIVITY, &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 3);
  text = tz_test_pdf_text (doc);
  g_assert_nonnull (strstr (text, name->str));
  g_assert_nonnull (strstr (text, "第60区总工会"));
  g_assert_nonnull (strstr (text, "合计183"));
  g_assert_nonnull (strstr (text, "—3—"));
}

static void
pixel_at (cairo_surface_t *image, double x_pt, double y_pt, double scale, guint8 rgb[3])
{
  int x = (int) (x_pt * scale), y = (int) (y_pt * scale);
  guint32 v = *(guint32 *) (cairo_image_surface_get_data (image) +
                            y * cairo_image_surface_get_stride (image) + x * 4);

  rgb[0] = (v >> 16) & 0xff;
  rgb[1] = (v >> 8) & 0xff;
  rgb[2] = v & 0xff;
}

static void
test_person_form_sealed (void)
{
  gint64 id, track_id = 0, daqing = 0, province = 0, seal_id;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autoptr (GPtrArray) opinions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GdkPixbuf) seal = tz_test_red_disc (400);
  g_autoptr (GdkPixbuf) photo = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 400);
  g_autofree char *photo_path = tz_test_tmpfile ("photo.png");
  g_autofree char *path = tz_test_tmpfile ("form.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  GList *found;
  PopplerRectangle *name_rect;
  double pw, ph, cx, cy, scale = 2.0;
  cairo_surface_t *image;
  cairo_t *cr;
  guint8 rgb[3];
  TzOpinion *o;
  TzReportOptions options = { .format = TZ_REPORT_PDF };

  g_assert_true (tz_track_resolve (db, id, "传播网络正能量", &track_id, &error));
  g_assert_true (tz_unit_resolve (db, id, "大庆市总工会", &daqing, &error));
  g_assert_true (tz_unit_resolve (db, id, "黑龙江省总工会", &province, &error));
  seal_id = tz_seal_add (db, daqing, "大庆市总工会", seal, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seal_id, >, 0);

  p->name = g_strdup ("王奋进");
  p->id_number = g_strdup ("11010519491231002X");
  p->phone = g_strdup ("13800138000");
  p->employer = g_strdup ("大庆油田有限责任公司");
  p->position = g_strdup ("高级技师");
  g_assert_true (tz_person_save (db, p, &error));
  gdk_pixbuf_fill (photo, 0x3060a0ff);
  g_assert_true (gdk_pixbuf_save (photo, photo_path, "png", &error, NULL));
  g_assert_true (tz_person_set_photo (db, p->id, photo_path, &error));
  g_assert_no_error (error);

  e->track_id = track_id;
  e->person_id = p->id;
  e->recommending_unit_id = daqing;
  e->title = g_strdup ("王奋进的奋进故事");
  e->summary = g_strdup ("扎根油田一线三十年，带领班组完成技术革新四十余项。");
  e->status = g_strdup ("submitted");
  o = tz_opinion_new ();
  o->level = 1;
  o->level_name = g_strdup ("推荐单位意见");
  o->unit_id = daqing;
  o->text = g_strdup ("同意推荐。");
  o->signed_on = g_strdup ("2022-09-05");
  o->sealed = TRUE;
  g_ptr_array_add (opinions, o);
  o = tz_opinion_new ();
  o->level = 3;
  o->level_name = g_strdup ("省总工会主管部门意见");
  o->unit_id = province;
  o->text = g_strdup ("同意。");
  o->signed_on = g_strdup ("2022-10-12");
  o->sealed = TRUE;
  g_ptr_array_add (opinions, o);
  g_assert_true (tz_entry_save_with_opinions (db, e, opinions, &error));
  g_assert_no_error (error);

  g_assert_true (tz_report_person_forms (db, id, track_id, 0, &options, path, &missing, &error));
  g_assert_no_error (error);
  /* The province has no seal: its box prints unsealed and the report says so. */
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (missing->pdata[0], ==, "黑龙江省总工会");

  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  text = tz_test_pdf_text (doc);
  for (guint i = 0; i < 9; i++)
    {
      const char *want[] = { "推荐表",         "王奋进",
                             "1949年12月",     "大庆油田有限责任公司高级技师",
                             "同意推荐。",     "2022年9月5日",
                             "2022年10月12日", "138****8000",
                             "推荐单位意见" };
      g_test_message ("text %s", want[i]);
      g_assert_nonnull (strstr (text, want[i]));
    }
  g_assert_null (strstr (text, "13800138000"));
  g_assert_null (strstr (text, "(null)"));
  /* The labels of the notice's 附件2, in the notice's order (the values sit
   * beside them; poppler reads a row's columns in their own order). */
  {
    const char *order[] = { "姓名",     "性别",           "出生年月", "民族",        "政治面貌",
                            "联系方式", "工作单位及职务", "事迹简介", "推荐单位意见" };
    const char *at = text;

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        const char *next = strstr (at, order[i]);
        g_test_message ("in order: %s", order[i]);
        g_assert_nonnull (next);
        at = next + strlen (order[i]);
      }
  }

  /* The seal: red over the unit's name, which stays text under it. */
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &pw, &ph);
  found = poppler_page_find_text (page, "大庆市总工会");
  g_assert_nonnull (found);
  name_rect = found->data;
  cx = (name_rect->x1 + name_rect->x2) / 2;
  cy = ph - (name_rect->y1 + name_rect->y2) / 2; /* poppler's y grows upwards */
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (pw * scale), (int) (ph * scale));
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  /* Above the name, inside the 42 mm seal: red. */
  pixel_at (image, cx, cy - 30, scale, rgb);
  g_test_message ("above the name: %u %u %u", rgb[0], rgb[1], rgb[2]);
  g_assert_cmpuint (rgb[0], >, 150);
  g_assert_cmpuint (rgb[1], <, 80);
  g_assert_cmpuint (rgb[2], <, 80);
  /* Far outside the seal, in the same box: white paper. */
  pixel_at (image, cx - 150, cy - 30, scale, rgb);
  g_assert_cmpuint (rgb[0], >, 200);
  g_assert_cmpuint (rgb[1], >, 200);
  cairo_surface_destroy (image);
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
}

/* Reports are the user's only (0600), even over a file that was readable by
 * others; a folder that cannot be written is a clear error. */
static void
test_output_private (void)
{
  gint64 id;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autofree char *pdf = tz_test_tmpfile ("private.pdf");
  g_autofree char *xlsx = tz_test_tmpfile ("private.xlsx");
  g_autoptr (GError) error = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  GStatBuf st;

  g_assert_true (g_file_set_contents (pdf, "old", -1, &error));
  g_assert_cmpint (g_chmod (pdf, 0644), ==, 0);
  g_assert_true (tz_report_quota (db, id, TZ_QUOTA_ACTIVITY, &options, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  options.format = TZ_REPORT_XLSX;
  g_assert_true (tz_report_quota (db, id, TZ_QUOTA_ACTIVITY, &options, xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (tz_report_quota (db, id, TZ_QUOTA_ACTIVITY, &options,
                                   "/nonexistent-folder/quota.xlsx", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/quota.xlsx"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/quota/pdf", test_quota_pdf);
  g_test_add_func ("/report/quota/xlsx", test_quota_xlsx);
  g_test_add_func ("/report/quota/none", test_no_quota_refused);
  g_test_add_func ("/report/output-private", test_output_private);
  g_test_add_func ("/report/quota/long-names", test_long_unit_names_wrap);
  g_test_add_func ("/report/person-form/sealed", test_person_form_sealed);

  return g_test_run ();
}
