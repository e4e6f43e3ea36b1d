/* test-report-list.c — the list recommendation form and the entry catalogue,
 * read back: PDFs with poppler, xlsx from their sheet XML
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

#include "tz-audit.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-person.h"
#include "tz-report-list.h"
#include "tz-seal.h"
#include "tz-test-common.h"
#include "tz-test-report.h"
#include "tz-unit.h"

#define DAREN "正能量职工网络达人征集"
#define UNIT  "湖南省教育工会"

static const char *const surnames = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨";
static const char *const platforms[] = { "抖音", "快手", "微博", "B站" };

static TzDb *
open_hunan (gint64 *campaign_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file =
      tz_test_source_path ("data", "campaigns", "hunan-2023-workers-netizens.json", NULL);
  TzDb *db = tz_test_open_db ();

  *campaign_id = tz_campaign_import_file (db, file, &error);
  g_assert_no_error (error);
  return db;
}

/* A person (name 赵网达1 …) with a phone, entered in @track by @unit_id. */
static gint64
add_person_entry (TzDb *db, gint64 track_id, gint64 unit_id, guint n, const char *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (TzEntry) e = tz_entry_new ();
  const char *s = g_utf8_offset_to_pointer (surnames, n % 16);
  g_autofree char *surname = g_strndup (s, g_utf8_next_char (s) - s);

  p->name = g_strdup_printf ("%s网达%u", surname, n);
  p->phone = g_strdup_printf ("139%08u", 10000000 + n);
  p->employer = g_strdup_printf ("长沙市第%u中学", n % 7 + 1);
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  e->track_id = track_id;
  e->person_id = p->id;
  e->recommending_unit_id = unit_id;
  e->title = g_strdup_printf ("%s的账号", p->name);
  e->description = g_strdup ("记录校园里的劳动者，讲述教师的好故事，传播正能量。");
  e->platform = g_strdup (platforms[n % G_N_ELEMENTS (platforms)]);
  e->status = g_strdup (status);
  g_assert_true (tz_entry_save (db, e, &error));
  g_assert_no_error (error);
  return e->id;
}

/* A member of the xlsx zip as text. */
static char *
zip_member (const char *path, const char *dir, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsfInput) input = gsf_input_stdio_new (path, &error);
  g_autoptr (GsfInfile) zip = NULL;
  g_autoptr (GsfInput) member = NULL;
  gsf_off_t size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  member = dir != NULL ? gsf_infile_child_by_vname (zip, "xl", dir, name, NULL)
                       : gsf_infile_child_by_vname (zip, "xl", name, NULL);
  if (member == NULL)
    return NULL;
  size = gsf_input_size (member);
  return g_strndup ((const char *) gsf_input_read (member, size, NULL), size);
}

typedef struct
{
  GPtrArray *rows;  /* of GPtrArray of char* */
  GPtrArray *types; /* of GPtrArray of char* (the t attribute, "" when none) */
} Sheet;

static void
sheet_clear (Sheet *s)
{
  g_clear_pointer (&s->rows, g_ptr_array_unref);
  g_clear_pointer (&s->types, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

/* The first sheet of an xlsx as rows of cell strings (shared strings resolved). */
static void
read_sheet (const char *path, Sheet *sheet)
{
  g_autofree char *strings = zip_member (path, NULL, "sharedStrings.xml");
  g_autofree char *xml_text = zip_member (path, "worksheets", "sheet1.xml");
  g_autoptr (GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr xml;

  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sheet->types = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (strings != NULL)
    {
      xml = xmlReadMemory (strings, strlen (strings), "s.xml", NULL, XML_PARSE_HUGE);
      g_assert_nonnull (xml);
      for (xmlNodePtr node = xmlDocGetRootElement (xml)->children; node; node = node->next)
        if (xmlStrEqual (node->name, BAD_CAST "si"))
          {
            xmlChar *content = xmlNodeGetContent (node);
            g_ptr_array_add (shared, g_strdup ((const char *) content));
            xmlFree (content);
          }
      xmlFreeDoc (xml);
    }
  g_assert_nonnull (xml_text);
  xml = xmlReadMemory (xml_text, strlen (xml_text), "sheet1.xml", NULL, XML_PARSE_HUGE);
  g_assert_nonnull (xml);
  for (xmlNodePtr node = xmlDocGetRootElement (xml)->children; node; node = node->next)
    if (xmlStrEqual (node->name, BAD_CAST "sheetData"))
      for (xmlNodePtr r = node->children; r; r = r->next)
        {
          GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
          GPtrArray *types = g_ptr_array_new_with_free_func (g_free);

          for (xmlNodePtr c = r->children; c; c = c->next)
            {
              xmlChar *type = xmlGetProp (c, BAD_CAST "t");
              xmlChar *v = NULL;

              for (xmlNodePtr k = c->children; k; k = k->next)
                if (xmlStrEqual (k->name, BAD_CAST "v") || xmlStrEqual (k->name, BAD_CAST "is"))
                  v = xmlNodeGetContent (k);
              if (v == NULL)
                g_ptr_array_add (cells, g_strdup (""));
              else if (type != NULL && xmlStrEqual (type, BAD_CAST "s"))
                g_ptr_array_add (cells, g_strdup (shared->pdata[atoi ((const char *) v)]));
              else
                g_ptr_array_add (cells, g_strdup ((const char *) v));
              g_ptr_array_add (types, g_strdup (type != NULL ? (const char *) type : ""));
              xmlFree (type);
              xmlFree (v);
            }
          g_ptr_array_add (sheet->rows, cells);
          g_ptr_array_add (sheet->types, types);
        }
  xmlFreeDoc (xml);
}

static const char *
cell (const Sheet *s, guint row, guint col)
{
  GPtrArray *cells;

  g_assert_cmpuint (row, <, s->rows->len);
  cells = s->rows->pdata[row];
  g_assert_cmpuint (col, <, cells->len);
  return cells->pdata[col];
}

static const char *
cell_type (const Sheet *s, guint row, guint col)
{
  return ((GPtrArray *) s->types->pdata[row])->pdata[col];
}

/* Whether the rendered page is red a little above the centre of @needle. */
static gboolean
red_at_text (PopplerDocument *doc, int page_index, const char *needle)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, page_index);
  GList *found = poppler_page_find_text (page, needle);
  PopplerRectangle *rect;
  double pw, ph, cx, cy, scale = 2.0;
  cairo_surface_t *image;
  cairo_t *cr;
  guint32 v;
  guint8 r, g, b;

  g_assert_nonnull (found);
  rect = found->data;
  poppler_page_get_size (page, &pw, &ph);
  cx = (rect->x1 + rect->x2) / 2;
  cy = ph - (rect->y1 + rect->y2) / 2 - 25; /* poppler's y grows upwards */
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (pw * scale), (int) (ph * scale));
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  v = *(guint32 *) (cairo_image_surface_get_data (image) +
                    (int) (cy * scale) * cairo_image_surface_get_stride (image) +
                    (int) (cx * scale) * 4);
  r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
  g_test_message ("over %s: %u %u %u", needle, r, g, b);
  cairo_surface_destroy (image);
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return r > 150 && g < 80 && b < 80;
}

/* Hunan's 达人 track with @n people recommended by 湖南省教育工会. */
static TzDb *
hunan_with_people (guint n, gint64 *campaign_id, gint64 *track_id, gint64 *unit_id)
{
  g_autoptr (GError) error = NULL;
  TzDb *db = open_hunan (campaign_id);

  g_assert_true (tz_track_resolve (db, *campaign_id, DAREN, track_id, &error));
  g_assert_true (tz_unit_resolve (db, *campaign_id, UNIT, unit_id, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= n; i++)
    add_person_entry (db, *track_id, *unit_id, i, "submitted");
  return db;
}

static void
test_list_form_pdf (void)
{
  gint64 id, track_id, unit_id;
  g_autoptr (TzDb) db = hunan_with_people (12, &id, &track_id, &unit_id);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) seal = tz_test_red_disc (400);
  g_autofree char *path = tz_test_tmpfile ("list-form.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  TzListFormOptions list = { .unit_id = unit_id, .filler_name = "刘晓梅", .filler_title = "干事" };
  double pw, ph;

  g_assert_cmpint (tz_seal_add (db, unit_id, UNIT, seal, FALSE, &error), >, 0);
  g_assert_true (tz_report_list_form (db, id, track_id, &list, &options, path, &error));
  g_assert_no_error (error);

  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &pw, &ph);
  g_assert_cmpfloat_with_epsilon (pw, 595.3, 1);
  first = tz_test_page_text (doc, 0);
  second = tz_test_page_text (doc, 1);
  text = tz_test_pdf_text (doc);
  /* The title, the unit line and the header on both pages. */
  g_assert_nonnull (strstr (first, "“正能量职工网络达人征集”推荐表"));
  g_assert_nonnull (strstr (first, "推荐单位（盖章）：湖南省教育工会"));
  for (int i = 0; i < 2; i++)
    {
      const char *t = i == 0 ? first : second;
      const char *words[] = {
        "序号", "达人姓名", "单位", "参赛平台", "账号昵称", "手机号", "备注"
      };
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        g_assert_nonnull (strstr (t, words[w]));
    }
  for (guint n = 1; n <= 12; n++)
    {
      g_autofree char *phone = g_strdup_printf ("139****%04u", (10000000 + n) % 10000);
      g_autofree char *full = g_strdup_printf ("139%08u", 10000000 + n);
      g_autofree char *name = g_strdup_printf ("网达%u", n);
      g_assert_nonnull (strstr (text, name));
      g_assert_nonnull (strstr (text, phone));
      g_assert_null (strstr (text, full));
    }
  g_assert_nonnull (strstr (text, "填表人姓名：刘晓梅"));
  g_assert_nonnull (strstr (text, "职务：干事"));
  g_assert_nonnull (strstr (text, "联系方式："));
  g_assert_nonnull (strstr (text, "经组织推荐的创作者仍需按规定程序报送征集内容"));
  g_assert_nonnull (strstr (text, "投递邮箱：hngxw@126.com，截止日期2023年10月31日"));
  g_assert_null (strstr (text, "(null)"));
  /* The seal is pressed on the unit's name. */
  g_assert_true (red_at_text (doc, 0, UNIT));
}

static void
test_list_form_unmasked_audited (void)
{
  gint64 id, track_id, unit_id, other = 0;
  g_autoptr (TzDb) db = hunan_with_people (3, &id, &track_id, &unit_id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("list-unmasked.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autofree char *text = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF, .unmasked = TRUE };
  gboolean recorded = FALSE;

  /* A second unit: with no --unit, each unit gets its own form, on its own page. */
  g_assert_true (
      tz_unit_add (db, 0, "长沙市总工会", "federation", id, "participant", &other, &error));
  g_assert_no_error (error);
  add_person_entry (db, track_id, other, 20, "submitted");
  /* A withdrawn entry is not recommended any more. */
  add_person_entry (db, track_id, other, 21, "withdrawn");

  g_assert_true (tz_report_list_form (db, id, track_id, NULL, &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  text = tz_test_pdf_text (doc);
  g_assert_nonnull (strstr (text, "13910000001"));
  g_assert_nonnull (strstr (text, "13910000020"));
  g_assert_null (strstr (text, "网达21"));
  g_assert_nonnull (strstr (text, "推荐单位（盖章）：长沙市总工会"));
  /* No seal for either unit: nothing red. */
  g_assert_false (red_at_text (doc, 0, UNIT));

  audit = tz_audit_list (db, NULL, 0, NULL, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      const TzAuditEntry *a = audit->pdata[i];
      if (g_strcmp0 (a->action, "export") == 0 && a->new_values != NULL &&
          strstr (a->new_values, "list-form") != NULL)
        recorded = TRUE;
      if (g_strcmp0 (a->action, "export") == 0 && a->old_values != NULL &&
          strstr (a->old_values, "list-form") != NULL)
        recorded = TRUE;
    }
  g_assert_true (recorded);
}

static void
test_list_form_xlsx (void)
{
  gint64 id, track_id, unit_id;
  g_autoptr (TzDb) db = hunan_with_people (12, &id, &track_id, &unit_id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("list-form.xlsx");
  g_autofree char *sheet_xml = NULL;
  g_autofree char *sql = NULL;
  g_auto (Sheet) sheet = { 0 };
  TzReportOptions options = { .format = TZ_REPORT_XLSX };
  TzListFormOptions list = { .unit_id = unit_id, .filler_phone = "0731-82255576" };

  /* The first entry's account: its nickname fills 账号昵称. */
  sql = g_strdup_printf (
      "INSERT INTO account (person_id, platform, nickname) "
      "SELECT person_id, '抖音', '园丁小赵' FROM entry WHERE track_id = %" G_GINT64_FORMAT
      " ORDER BY id LIMIT 1;"
      "UPDATE entry SET account_id = last_insert_rowid() WHERE id = "
      "(SELECT min(id) FROM entry WHERE track_id = %" G_GINT64_FORMAT ");",
      track_id, track_id);
  g_assert_true (tz_db_exec (db, sql, &error));
  g_assert_no_error (error);

  g_assert_true (tz_report_list_form (db, id, track_id, &list, &options, path, &error));
  g_assert_no_error (error);
  tz_test_keep_copy (path);
  read_sheet (path, &sheet);
  /* Title, unit line, header, 12 rows, a blank row, filler lines and notes. */
  g_assert_cmpstr (cell (&sheet, 0, 0), ==, "“正能量职工网络达人征集”推荐表");
  g_assert_cmpstr (cell (&sheet, 1, 0), ==, "推荐单位（盖章）：湖南省教育工会");
  g_assert_cmpstr (cell (&sheet, 2, 1), ==, "达人姓名");
  g_assert_cmpstr (cell (&sheet, 2, 5), ==, "手机号");
  g_assert_cmpstr (cell (&sheet, 3, 0), ==, "1");
  g_assert_cmpstr (cell (&sheet, 3, 1), ==, "钱网达1");
  g_assert_cmpstr (cell (&sheet, 3, 4), ==, "园丁小赵");
  g_assert_cmpstr (cell (&sheet, 14, 0), ==, "12");
  g_assert_cmpstr (cell (&sheet, 14, 5), ==, "139****0012");
  for (guint r = 3; r <= 14; r++)
    {
      const char *t = cell_type (&sheet, r, 5);
      g_assert_true (g_str_equal (t, "s") || g_str_equal (t, "inlineStr") ||
                     g_str_equal (t, "str"));
      t = cell_type (&sheet, r, 0);
      g_assert_true (g_str_equal (t, "s") || g_str_equal (t, "inlineStr"));
    }
  /* The blank row after the table has no cells and is not in the sheet XML. */
  g_assert_cmpstr (cell (&sheet, 17, 0), ==, "联系方式：0731-82255576");
  sheet_xml = zip_member (path, "worksheets", "sheet1.xml");
  g_assert_nonnull (strstr (sheet_xml, "<pane "));
  g_assert_nonnull (strstr (sheet_xml, "<autoFilter "));
}

static void
test_empty_track_refused (void)
{
  gint64 id, track_id, unit_id;
  g_autoptr (TzDb) db = hunan_with_people (0, &id, &track_id, &unit_id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("empty.pdf");
  g_autofree char *xlsx = tz_test_tmpfile ("empty.xlsx");
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  TzReportOptions xoptions = { .format = TZ_REPORT_XLSX };

  g_assert_false (tz_report_list_form (db, id, track_id, NULL, &options, path, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, DAREN));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (tz_report_catalogue (db, id, track_id, &xoptions, xlsx, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  /* Another unit's entries do not fill this unit's form. */
  add_person_entry (db, track_id, unit_id, 1, "submitted");
  {
    gint64 other = 0;
    TzListFormOptions list = { 0 };
    g_assert_true (
        tz_unit_add (db, 0, "长沙市总工会", "federation", id, "participant", &other, &error));
    list.unit_id = other;
    g_assert_false (tz_report_list_form (db, id, track_id, &list, &options, path, &error));
    g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* 1 000 entries over the campaign's three tracks. */
static TzDb *
hunan_with_entries (guint n, gint64 *campaign_id, gint64 *track_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  gint64 unit_id;
  TzDb *db = open_hunan (campaign_id);

  g_assert_true (tz_unit_resolve (db, *campaign_id, UNIT, &unit_id, &error));
  tracks = tz_entry_list_tracks (db, *campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 3);
  *track_id = ((TzEntryTrack *) tracks->pdata[0])->id;
  g_assert_true (tz_db_begin (db, &error));
  for (guint i = 1; i <= n; i++)
    {
      const TzEntryTrack *t = tracks->pdata[i % 3];
      add_person_entry (db, t->id, unit_id, i, i % 10 == 0 ? "awarded" : "submitted");
    }
  g_assert_true (tz_db_commit (db, &error));
  g_assert_no_error (error);
  return db;
}

static void
test_catalogue_xlsx (void)
{
  gint64 id, track_id;
  g_autoptr (TzDb) db = hunan_with_entries (1000, &id, &track_id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("catalogue.xlsx");
  g_autofree char *sheet_xml = NULL;
  g_auto (Sheet) sheet = { 0 };
  TzReportOptions options = { .format = TZ_REPORT_XLSX };
  const char *header[] = { "序号",     "子活动",   "推荐单位",     "作者/参评对象",
                           "作品名称", "作品说明", "要求符合情况", "状态" };

  g_assert_true (tz_report_catalogue (db, id, 0, &options, path, &error));
  g_assert_no_error (error);
  tz_test_keep_copy (path);
  read_sheet (path, &sheet);
  g_assert_cmpuint (sheet.rows->len, ==, 1002);
  g_assert_nonnull (strstr (cell (&sheet, 0, 0), "汇总表"));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (cell (&sheet, 1, c), ==, header[c]);
  g_assert_cmpstr (cell (&sheet, 2, 0), ==, "1");
  g_assert_cmpstr (cell (&sheet, 2, 2), ==, UNIT);
  g_assert_cmpstr (cell (&sheet, 2, 3), ==, "钱网达1");
  g_assert_cmpstr (cell (&sheet, 2, 4), ==, "钱网达1的账号");
  g_assert_cmpstr (cell (&sheet, 2, 7), ==, "已报送");
  g_assert_cmpstr (cell (&sheet, 11, 7), ==, "已获奖");
  g_assert_cmpstr (cell (&sheet, 1001, 0), ==, "1000");
  g_assert_cmpstr (cell (&sheet, 1001, 3), ==, "冯网达1000");
  g_assert_nonnull (cell (&sheet, 2, 6));
  g_assert_cmpstr (cell_type (&sheet, 2, 3), !=, "");
  sheet_xml = zip_member (path, "worksheets", "sheet1.xml");
  /* The header stays in view: frozen under row 2. */
  g_assert_nonnull (strstr (sheet_xml, "<pane "));
  g_assert_nonnull (strstr (sheet_xml, "ySplit=\"2\""));
  g_assert_nonnull (strstr (sheet_xml, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet_xml, "<autoFilter ref=\"A2:H1002\""));
  g_assert_nonnull (strstr (sheet_xml, "<cols>"));
}

static void
test_catalogue_pdf (void)
{
  gint64 id, track_id;
  g_autoptr (TzDb) db = hunan_with_entries (90, &id, &track_id);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("catalogue.pdf");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  int n_pages;

  g_assert_true (tz_report_catalogue (db, id, track_id, &options, path, &error));
  g_assert_no_error (error);
  doc = tz_test_open_pdf (path);
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >=, 2);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *t = tz_test_page_text (doc, i);
      g_autofree char *number = g_strdup_printf ("—%d—", i + 1);
      const char *words[] = { "序号",     "子活动",   "推荐单位",     "作者/参评对象",
                              "作品名称", "作品说明", "要求符合情况", "状态" };
      double pw, ph;

      poppler_page_get_size (page, &pw, &ph);
      g_assert_cmpfloat_with_epsilon (pw, 841.9, 1);
      g_assert_cmpfloat_with_epsilon (ph, 595.3, 1);
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        g_assert_nonnull (strstr (t, words[w]));
      g_assert_nonnull (strstr (t, number));
    }
  text = tz_test_pdf_text (doc);
  /* Only the track asked for: 30 of the 90 entries. */
  g_assert_nonnull (strstr (text, "网络正能量微视频征集作品目录"));
  g_assert_nonnull (strstr (text, "钱网达3"));
  g_assert_null (strstr (text, "钱网达1的"));
  g_assert_nonnull (strstr (text, "符合"));
  g_assert_null (strstr (text, "(null)"));
}

static void
test_status_text (void)
{
  g_assert_cmpstr (tz_report_status_text ("draft"), ==, "草稿");
  g_assert_cmpstr (tz_report_status_text ("not_selected"), ==, "未入选");
  g_assert_cmpstr (tz_report_status_text ("withdrawn"), ==, "已撤回");
  g_assert_cmpstr (tz_report_status_text (NULL), ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/list-form/pdf", test_list_form_pdf);
  g_test_add_func ("/report/list-form/unmasked", test_list_form_unmasked_audited);
  g_test_add_func ("/report/list-form/xlsx", test_list_form_xlsx);
  g_test_add_func ("/report/list-form/empty", test_empty_track_refused);
  g_test_add_func ("/report/catalogue/xlsx", test_catalogue_xlsx);
  g_test_add_func ("/report/catalogue/pdf", test_catalogue_pdf);
  g_test_add_func ("/report/status-text", test_status_text);

  return g_test_run ();
}
