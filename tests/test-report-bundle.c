/* test-report-bundle.c — the campaign summary and the submission bundle, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "tz-activity.h"
#include "tz-attachment.h"
#include "tz-audit.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-person.h"
#include "tz-report-bundle.h"
#include "tz-seal.h"
#include "tz-test-common.h"
#include "tz-test-report.h"
#include "tz-unit.h"

/* poppler-glib 22.12 defines no autoptr cleanups. */

#define TRACK "传播网络正能量"

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

/* Counts the pixels of a page rendered at 1 px / pt that are close to @rgb. */
static guint
count_colour (PopplerDocument *doc, int index, const guint8 rgb[3])
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  double pw, ph;
  cairo_surface_t *image;
  cairo_t *cr;
  guint n = 0;
  int stride;
  guint8 *data;

  poppler_page_get_size (page, &pw, &ph);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) pw, (int) ph);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < (int) ph; y++)
    for (int x = 0; x < (int) pw; x++)
      {
        guint32 v = *(guint32 *) (data + y * stride + x * 4);
        int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
        if (ABS (r - rgb[0]) < 20 && ABS (g - rgb[1]) < 20 && ABS (b - rgb[2]) < 20)
          n++;
      }
  cairo_surface_destroy (image);
  return n;
}

static void
test_summary (void)
{
  gint64 id;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autofree char *path = tz_test_tmpfile ("summary.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  /* The bar colours: on track (blue) and behind (orange). */
  const guint8 blue[3] = { 51, 115, 191 };
  const guint8 orange[3] = { 224, 84, 26 };
  guint n_blue = 0, n_orange = 0;

  for (int i = 0; i < 10; i++)
    add_activity (db, id, "哈尔滨市总工会", "2022-08-10");
  add_activity (db, id, "鸡西市总工会", "2022-08-10");
  g_assert_true (tz_report_summary (db, id, &options, path, &error));
  g_assert_no_error (error);

  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 2);
  text = tz_test_pdf_text (doc);
  g_assert_nonnull (strstr (text, "迎庆党的二十大“网聚职工正能量争做龙江好网民”活动总结"));
  g_assert_nonnull (strstr (text, "黑龙江省总工会办公室"));
  g_assert_nonnull (strstr (text, "〔2022〕—83"));
  g_assert_nonnull (strstr (text, "共开展线下活动11场"));
  g_assert_nonnull (strstr (text, "任务数120场"));
  g_assert_nonnull (strstr (text, "大兴安岭市总工会"));
  /* The table: 哈尔滨 10 of 10, 鸡西 1 of 9, and the total. */
  g_assert_nonnull (strstr (text, "1哈尔滨市总工会1010100%"));
  g_assert_nonnull (strstr (text, "6鸡西市总工会9111%"));
  g_assert_nonnull (strstr (text, "合计120119%"));
  g_assert_nonnull (strstr (text, "图1"));
  g_assert_nonnull (strstr (text, "—1—"));
  g_assert_null (strstr (text, "(null)"));

  /* The charts are drawn: bars in both colours. */
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      n_blue += count_colour (doc, i, blue);
      n_orange += count_colour (doc, i, orange);
    }
  g_test_message ("blue %u, orange %u", n_blue, n_orange);
  g_assert_cmpuint (n_blue, >, 200);
  g_assert_cmpuint (n_orange, >, 50);
}

static void
test_summary_empty (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("empty-summary.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_true (tz_db_exec (
      db, "INSERT INTO campaign (id, title, theme) VALUES (1, '空活动通知', '空活动')", &error));
  g_assert_true (tz_report_summary (db, 1, NULL, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  text = tz_test_pdf_text (doc);
  g_assert_nonnull (strstr (text, "空活动活动总结"));
  g_assert_nonnull (strstr (text, "暂无数据"));
  g_assert_null (strstr (text, "(null)"));
}

/* A two-page PDF with text, as a scanned-and-OCRed attachment would be. */
static char *
make_pdf (void)
{
  char *path = tz_test_tmpfile ("scan.pdf");
  cairo_surface_t *s = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (s);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Certificate page one");
  cairo_show_page (cr);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Certificate page two");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  return path;
}

static char *
make_jpeg (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 800, 1100);
  char *path = tz_test_tmpfile ("scan.jpg");

  gdk_pixbuf_fill (pixbuf, 0x208040ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL));
  return path;
}

static gint64
add_nominee (TzDb *db, gint64 campaign_id, gint64 track_id, const char *name, const char *unit,
             gint64 *entry_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (TzEntry) e = tz_entry_new ();

  p->name = g_strdup (name);
  p->phone = g_strdup ("13800138000");
  p->employer = g_strdup ("大庆油田有限责任公司");
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  e->track_id = track_id;
  e->person_id = p->id;
  g_assert_true (tz_unit_resolve (db, campaign_id, unit, &e->recommending_unit_id, &error));
  e->title = g_strdup_printf ("%s的奋进故事", name);
  e->summary = g_strdup ("扎根一线，带领班组完成技术革新。");
  e->status = g_strdup ("submitted");
  g_assert_true (tz_entry_save (db, e, &error));
  g_assert_no_error (error);
  *entry_id = e->id;
  return p->id;
}

/* The HLJ track with three nominees: the first with a 2-page PDF, the second
 * with a JPEG scan, the third with nothing. */
static PopplerDocument *
write_bundle (char **out_path)
{
  gint64 id, track_id = 0, e1, e2, e3, p1;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = make_pdf ();
  g_autofree char *jpeg = make_jpeg ();
  g_autofree char *path = tz_test_tmpfile ("bundle.pdf");
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  PopplerDocument *doc;

  g_assert_true (tz_track_resolve (db, id, TRACK, &track_id, &error));
  p1 = add_nominee (db, id, track_id, "王奋进", "大庆市总工会", &e1);
  add_nominee (db, id, track_id, "李传播", "哈尔滨市总工会", &e2);
  add_nominee (db, id, track_id, "赵正能", "鸡西市总工会", &e3);
  g_assert_true (tz_attachment_add (db, TZ_ATTACHMENT_OWNER_PERSON, p1, "material", pdf, "获奖证书",
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tz_attachment_add (db, TZ_ATTACHMENT_OWNER_ENTRY, e2, "form", jpeg, "推荐表扫描件",
                                    NULL, &error));
  g_assert_no_error (error);

  g_assert_true (tz_report_bundle (db, id, track_id, "黑龙江省总工会", &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return doc;
}

static void
test_bundle_pages (void)
{
  g_autoptr (PopplerDocument) doc = write_bundle (NULL);
  g_autofree char *cover = tz_test_page_text (doc, 0);
  g_autofree char *text = tz_test_pdf_text (doc);

  /* Cover, contents, 3 forms, the 2-page PDF, the JPEG. */
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 8);
  for (int i = 0; i < 8; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      double w, h;
      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 595.28, 0.5);
      g_assert_cmpfloat_with_epsilon (h, 841.89, 0.5);
    }
  g_assert_nonnull (strstr (cover, "网聚职工正能量"));
  g_assert_nonnull (strstr (cover, "报送单位：黑龙江省总工会"));
  g_assert_nonnull (strstr (cover, "2023年1月5日"));
  g_assert_nonnull (strstr (cover, "推荐表（3份）"));
  g_assert_nonnull (strstr (cover, "附件材料（2份，共3页）"));
  /* The forms, masked, and the attached PDF's own text. */
  g_assert_nonnull (strstr (text, "推荐表"));
  g_assert_nonnull (strstr (text, "138****8000"));
  g_assert_null (strstr (text, "13800138000"));
  g_assert_nonnull (strstr (text, "Certificatepageone"));
  g_assert_nonnull (strstr (text, "Certificatepagetwo"));
  g_assert_null (strstr (text, "(null)"));
}

static void
test_bundle_numbers (void)
{
  g_autoptr (PopplerDocument) doc = write_bundle (NULL);
  g_autofree char *cover = tz_test_page_text (doc, 0);
  g_autofree char *contents = tz_test_page_text (doc, 1);

  /* The cover counts but carries no number; then 2 … 8, one a page. */
  g_assert_null (strstr (cover, "—1—"));
  for (int i = 1; i < 8; i++)
    {
      g_autofree char *text = tz_test_page_text (doc, i);
      g_autofree char *number = g_strdup_printf ("—%d—", i + 1);
      g_test_message ("page %d", i + 1);
      g_assert_nonnull (strstr (text, number));
    }
  /* The contents: forms on 3, 4, 5; the PDF on 6, the scan on 8. */
  g_assert_nonnull (strstr (contents, "目录"));
  g_assert_nonnull (strstr (contents, "一、推荐表3"));
  g_assert_nonnull (strstr (contents, "王奋进3"));
  g_assert_nonnull (strstr (contents, "李传播4"));
  g_assert_nonnull (strstr (contents, "赵正能5"));
  g_assert_nonnull (strstr (contents, "二、附件材料6"));
  g_assert_nonnull (strstr (contents, "王奋进：获奖证书6"));
  g_assert_nonnull (strstr (contents, "李传播：推荐表扫描件8"));
  /* And the pages are where the contents says. */
  {
    g_autofree char *p4 = tz_test_page_text (doc, 3);
    g_autofree char *p7 = tz_test_page_text (doc, 6);
    g_assert_nonnull (strstr (p4, "李传播"));
    g_assert_nonnull (strstr (p7, "Certificatepagetwo"));
  }
}

static void
test_bundle_outline (void)
{
  g_autoptr (PopplerDocument) doc = write_bundle (NULL);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);
  g_autoptr (GString) seen = g_string_new (NULL);

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_string_append_printf (seen, "[%s]", action->any.title);
      poppler_action_free (action);
      if (child != NULL)
        {
          do
            {
              PopplerAction *a = poppler_index_iter_get_action (child);
              g_string_append_printf (seen, "(%s)", a->any.title);
              poppler_action_free (a);
            }
          while (poppler_index_iter_next (child));
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_test_message ("outline %s", seen->str);
  g_assert_cmpstr (seen->str, ==,
                   "[封面][目录][推荐表](王奋进)(李传播)(赵正能)[附件材料](王奋进：获奖证书)"
                   "(李传播：推荐表扫描件)");
}

static void
test_bundle_empty_refused (void)
{
  gint64 id, track_id = 0;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("empty-bundle.pdf");

  g_assert_true (tz_track_resolve (db, id, TRACK, &track_id, &error));
  g_assert_false (tz_report_bundle (db, id, track_id, NULL, NULL, path, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, TRACK));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  /* Nor a bundle of every track, when no track has an entry. */
  g_assert_false (tz_report_bundle (db, id, 0, NULL, NULL, path, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The forms keep their seals through the bundle; the unit without one is reported. */
static void
test_bundle_seals (void)
{
  gint64 id, track_id = 0, daqing = 0, province = 0, entry = 0;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) seal = tz_test_red_disc (400);
  g_autoptr (TzEntry) e = NULL;
  g_autoptr (GPtrArray) opinions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
  g_autoptr (GPtrArray) missing = NULL;
  g_autofree char *path = tz_test_tmpfile ("sealed-bundle.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  const guint8 red[3] = { 0xd7, 0x00, 0x0f };
  TzOpinion *o;

  g_assert_true (tz_track_resolve (db, id, TRACK, &track_id, &error));
  g_assert_true (tz_unit_resolve (db, id, "大庆市总工会", &daqing, &error));
  g_assert_true (tz_unit_resolve (db, id, "黑龙江省总工会", &province, &error));
  g_assert_cmpint (tz_seal_add (db, daqing, "大庆市总工会", seal, FALSE, &error), >, 0);
  add_nominee (db, id, track_id, "王奋进", "大庆市总工会", &entry);
  e = tz_entry_get (db, entry, &error);
  g_assert_no_error (error);
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

  g_assert_true (
      tz_report_bundle_with_seals (db, id, track_id, NULL, NULL, path, &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (missing->pdata[0], ==, "黑龙江省总工会");
  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 3);
  /* Seal red on the form's page only. */
  g_assert_cmpuint (count_colour (doc, 2, red), >, 500);
  g_assert_cmpuint (count_colour (doc, 0, red), ==, 0);
}

/* Enough nominees for two pages of contents: the forms move one page on. */
static void
test_bundle_long_contents (void)
{
  gint64 id, track_id = 0, entry = 0;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("long-bundle.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *contents2 = NULL;
  g_autofree char *last = NULL;

  g_assert_true (tz_track_resolve (db, id, TRACK, &track_id, &error));
  for (int i = 0; i < 25; i++)
    {
      g_autofree char *name = g_strdup_printf ("职工%02d", i + 1);
      add_nominee (db, id, track_id, name, "大庆市总工会", &entry);
    }
  g_assert_true (tz_report_bundle (db, id, track_id, NULL, NULL, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  /* Cover, 2 pages of contents (26 lines), 25 forms. */
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 28);
  contents2 = tz_test_page_text (doc, 2);
  g_assert_nonnull (strstr (contents2, "职工2528"));
  g_assert_nonnull (strstr (contents2, "—3—"));
  last = tz_test_page_text (doc, 27);
  g_assert_nonnull (strstr (last, "职工25"));
  g_assert_nonnull (strstr (last, "—28—"));
}

/* --unmasked prints the full numbers and leaves a trace in the audit log. */
static void
test_bundle_unmasked (void)
{
  gint64 id, track_id = 0, entry = 0;
  g_autoptr (TzDb) db = open_hlj (&id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("unmasked-bundle.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *text = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF, .unmasked = TRUE };
  gboolean exported = FALSE;

  g_assert_true (tz_track_resolve (db, id, TRACK, &track_id, &error));
  add_nominee (db, id, track_id, "王奋进", "大庆市总工会", &entry);
  g_assert_true (tz_report_bundle (db, id, track_id, NULL, &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  text = tz_test_pdf_text (doc);
  g_assert_nonnull (strstr (text, "13800138000"));
  audit = tz_audit_list (db, NULL, 0, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (((TzAuditEntry *) audit->pdata[i])->action, "export") == 0)
      exported = TRUE;
  g_assert_true (exported);
}

static gboolean
run_cli (const char *db, char **out, char **err, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("TZ_CLI"));
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, (char *) db);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  /* Whatever the CLI prints stays out of the TAP stream. */
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err,
                               &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("TZ_CLI");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *file =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("taizhang-cli is not built");
      return;
    }
  dir = tz_test_tmpdir ();
  db = g_build_filename (dir, "t.db", NULL);
  summary = g_build_filename (dir, "summary.pdf", NULL);
  bundle = g_build_filename (dir, "bundle.pdf", NULL);
  g_assert_true (run_cli (db, NULL, NULL, "campaign", "import", file, NULL));
  g_assert_true (
      run_cli (db, NULL, NULL, "report", "summary", "--campaign", "1", "--output", summary, NULL));
  g_assert_true (g_file_test (summary, G_FILE_TEST_EXISTS));
  g_assert_false (run_cli (db, &out, &err, "report", "bundle", "--campaign", "1", "--track", TRACK,
                           "--output", bundle, NULL));
  g_assert_nonnull (strstr (err, TRACK));
  g_assert_false (g_file_test (bundle, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  /* Before any thread starts: the date of the figures and of the cover. */
  g_setenv ("TAIZHANG_TODAY", "2023-01-05", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/summary/pdf", test_summary);
  g_test_add_func ("/report/summary/empty", test_summary_empty);
  g_test_add_func ("/report/bundle/pages", test_bundle_pages);
  g_test_add_func ("/report/bundle/numbers", test_bundle_numbers);
  g_test_add_func ("/report/bundle/outline", test_bundle_outline);
  g_test_add_func ("/report/bundle/empty", test_bundle_empty_refused);
  g_test_add_func ("/report/bundle/long-contents", test_bundle_long_contents);
  g_test_add_func ("/report/bundle/unmasked", test_bundle_unmasked);
  g_test_add_func ("/report/bundle/seals", test_bundle_seals);
  g_test_add_func ("/report/cli", test_cli);

  return g_test_run ();
}
