/* test-reports-page.c — the reports page on the Heilongjiang campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 */
#define G_LOG_DOMAIN "test-reports-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-person.h"
#include "tz-ranking.h"
#include "tz-reports-page.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-unit.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define HARBIN   "哈尔滨市总工会"
#define PROVINCE "黑龙江省总工会"
#define TRACK    "传播网络正能量"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  GtkWindow *window;
  TzReportsPage *page;
} Fixture;

static gpointer
template_child (TzReportsPage *page, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), TZ_TYPE_REPORTS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The text of every page without the spaces layout puts between characters. */
static char *
pdf_text (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (s, g_utf8_get_char (p));
    }
  return g_string_free (s, FALSE);
}

/* With TZ_TEST_SCREENSHOTS set to a folder, saves the window there as @name.png,
 * to look at the page as a user would. */
static void
screenshot (Fixture *f, const char *name)
{
  const char *dir = g_getenv ("TZ_TEST_SCREENSHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (tz_gui_test_is_empty (dir))
    return;
  tz_gui_test_flush (100);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (f->window)),
                          gtk_widget_get_height (GTK_WIDGET (f->window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture =
      gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node, NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The Heilongjiang notice imported into a fresh database, its page in a window. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->db = tz_test_open_db ();
  f->campaign_id = tz_campaign_import_file (f->db, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->campaign_id, >, 0);

  f->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 1100, 800);
  f->page = TZ_REPORTS_PAGE (tz_reports_page_new ());
  g_object_ref (f->page);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  tz_page_set_db (TZ_PAGE (f->page), f->db);
  tz_page_set_campaign_id (TZ_PAGE (f->page), f->campaign_id);
  gtk_window_present (f->window);
  tz_gui_test_flush (100);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  tz_gui_test_flush (100);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->db);
}

static gboolean
model_has (GListModel *model, const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
choose_track (Fixture *f, const char *name)
{
  GtkDropDown *tracks = template_child (f->page, "track_dropdown");
  GListModel *model = gtk_drop_down_get_model (tracks);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), name) != NULL)
        {
          gtk_drop_down_set_selected (tracks, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_lists_reports (Fixture *f, gconstpointer data)
{
  GtkDropDown *reports = template_child (f->page, "report_dropdown");
  GtkDropDown *tracks = template_child (f->page, "track_dropdown");

  g_assert_true (model_has (gtk_drop_down_get_model (reports), "任务分配表"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "推荐表"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "名单式推荐表"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "作品目录"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "活动总结"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "报送材料"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "获奖名单"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "荣誉证书"));
  g_assert_true (model_has (gtk_drop_down_get_model (reports), "评委评分表"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (tracks)), ==, 5);
  /* The track with personal forms comes first to hand. */
  g_assert_nonnull (strstr (
      gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (tracks))),
      TRACK));
  g_assert_false (tz_reports_page_select (f->page, "no-such-report"));
}

static void
test_quota_preview (Fixture *f, gconstpointer data)
{
  GtkLabel *pages = template_child (f->page, "pages_label");
  GtkStack *stack = template_child (f->page, "stack");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_true (tz_reports_page_select (f->page, "quota"));
  g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (pages), ==, "1 page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "preview");
  g_assert_nonnull (tz_reports_page_get_preview_path (f->page));
  screenshot (f, "quota");

  /* Zooming in draws the page larger, on the same number of pictures. */
  {
    GtkWidget *box = template_child (f->page, "pages_box");
    GdkPaintable *before =
        gtk_picture_get_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)));
    int width = gdk_paintable_get_intrinsic_width (before);

    g_signal_emit_by_name (template_child (f->page, "zoom_in_button"), "clicked");
    g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), ==, 1);
    g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (
                         GTK_PICTURE (gtk_widget_get_first_child (box)))),
                     >, width);
  }

  doc = open_pdf (tz_reports_page_get_preview_path (f->page));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, HARBIN));
  g_assert_null (strstr (text, "(null)"));

  /* The preview follows a change of the options after its short delay. */
  gtk_check_button_set_active (template_child (f->page, "progress_check"), TRUE);
  tz_gui_test_flush (100);
  tz_gui_test_flush (100);
  tz_gui_test_flush (100);
  g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), ==, 1);
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);
  doc = open_pdf (tz_reports_page_get_preview_path (f->page));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "完成率"));
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = tz_test_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "任务分配表.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "任务分配表.xlsx", NULL);
  g_autofree char *forms = g_build_filename (dir, "推荐表.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  g_assert_true (tz_reports_page_select (f->page, "quota"));
  g_assert_true (tz_reports_page_export (f->page, pdf, TZ_REPORT_PDF, &error));
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, HARBIN));

  g_assert_true (tz_reports_page_export (f->page, xlsx, TZ_REPORT_XLSX, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* The personal forms have no xlsx form: the page says so, writes nothing. */
  g_assert_true (tz_reports_page_select (f->page, "person-forms"));
  g_assert_false (tz_reports_page_export (f->page, forms, TZ_REPORT_XLSX, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (forms, G_FILE_TEST_EXISTS));
}

/* Printing draws the preview's pages at their size: into a file, as a printer would get them. */
static void
test_print (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tz_test_tmpfile ("printed.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  double w, h;

  g_assert_true (tz_reports_page_select (f->page, "quota"));
  g_assert_true (tz_reports_page_print_to_file (f->page, path, &error));
  g_assert_no_error (error);
  doc = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  /* A4 portrait, give or take the rounding of the paper size. */
  g_assert_cmpfloat_with_epsilon (w, 595.3, 1.5);
  g_assert_cmpfloat_with_epsilon (h, 841.9, 1.5);
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, HARBIN));
}

/* Each report previews, or says why it cannot; the scope controls follow. */
static void
test_every_kind (Fixture *f, gconstpointer data)
{
  const char *kinds[] = { "quota",  "person-forms", "list-form",    "catalogue",   "summary",
                          "bundle", "awards",       "certificates", "score-sheets" };
  GtkWidget *tracks = template_child (f->page, "track_dropdown");
  GtkWidget *xlsx = template_child (f->page, "export_xlsx_button");
  GtkStack *stack = template_child (f->page, "stack");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_test_message ("report %s", kinds[i]);
      g_assert_true (tz_reports_page_select (f->page, kinds[i]));
      if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preview") == 0)
        g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), >=, 1);
      else
        g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), ==, 0);
    }

  g_assert_true (tz_reports_page_select (f->page, "summary"));
  g_assert_false (gtk_widget_get_visible (tracks));
  g_assert_false (gtk_widget_get_visible (xlsx));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "preview");
  screenshot (f, "summary");
  doc = open_pdf (tz_reports_page_get_preview_path (f->page));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, HARBIN));

  g_assert_true (tz_reports_page_select (f->page, "catalogue"));
  g_assert_true (gtk_widget_get_visible (tracks));
  g_assert_true (gtk_widget_get_visible (xlsx));
}

/* The award list previews once a track is ranked and its awards saved. */
static void
test_award_list (Fixture *f, gconstpointer data)
{
  GtkStack *stack = template_child (f->page, "stack");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  gint64 track_id = 0;

  g_assert_true (tz_track_resolve (f->db, f->campaign_id, TRACK, &track_id, &error));
  g_assert_no_error (error);
  choose_track (f, TRACK);
  /* Not ranked yet: the page says why there is nothing to show. */
  g_assert_true (tz_reports_page_select (f->page, "awards"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "message");

  sql = g_strdup_printf (
      "DELETE FROM award_tier WHERE track_id = %1$" G_GINT64_FORMAT ";"
      "DELETE FROM criterion WHERE track_id = %1$" G_GINT64_FORMAT ";"
      "DELETE FROM division WHERE track_id = %1$" G_GINT64_FORMAT ";"
      "UPDATE track SET ranking_method = 'expert' WHERE id = %1$" G_GINT64_FORMAT ";"
      "INSERT INTO unit (id, name, kind) VALUES (9010, '某机械厂', 'enterprise');"
      "INSERT INTO person (id, name, unit_id) VALUES (9001, '张三', 9010), (9002, '李四', 9010);"
      "INSERT INTO judge (id, campaign_id, name) VALUES (9001, %2$" G_GINT64_FORMAT ", '评委一');"
      "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES"
      "  (9001, %1$" G_GINT64_FORMAT ", 1, '总分', 100);"
      "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES"
      "  (9001, %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", '甲作品', 9001),"
      "  (9002, %2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", '乙作品', 9002);"
      "INSERT INTO score (entry_id, judge_id, criterion_id, value) VALUES"
      "  (9001, 9001, 9001, 90), (9002, 9001, 9001, 80);"
      "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES"
      "  (9001, %1$" G_GINT64_FORMAT ", 1, '一等奖', 1),"
      "  (9002, %1$" G_GINT64_FORMAT ", 2, '二等奖', 1);",
      track_id, f->campaign_id);
  g_assert_true (tz_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  rows = tz_ranking_compute (f->db, track_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  g_assert_true (tz_reports_page_select (f->page, "certificates"));
  g_assert_true (tz_reports_page_select (f->page, "awards"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "preview");
  g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), >=, 1);
  g_assert_true (gtk_widget_get_visible (template_child (f->page, "export_xlsx_button")));
  screenshot (f, "award-list");
  doc = open_pdf (tz_reports_page_get_preview_path (f->page));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "获奖名单"));
  g_assert_nonnull (strstr (text, "甲作品"));
  g_assert_nonnull (strstr (text, "一等奖"));
  g_assert_nonnull (strstr (text, "乙作品"));
  g_assert_null (strstr (text, "(null)"));
  (void) data;
}

static void
test_forms_without_entries (Fixture *f, gconstpointer data)
{
  GtkStack *stack = template_child (f->page, "stack");
  AdwStatusPage *message = template_child (f->page, "message_page");

  choose_track (f, TRACK);
  g_assert_true (tz_reports_page_select (f->page, "person-forms"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "message");
  g_assert_false (tz_gui_test_is_empty (adw_status_page_get_description (message)));
  g_assert_nonnull (strstr (adw_status_page_get_description (message), TRACK));
  g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), ==, 0);
  screenshot (f, "forms-without-entries");
  g_assert_null (tz_reports_page_get_preview_path (f->page));
  g_assert_false (gtk_widget_get_sensitive (template_child (f->page, "export_pdf_button")));
  g_assert_false (gtk_widget_get_visible (template_child (f->page, "export_xlsx_button")));
}

static void
test_missing_seal_banner (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autoptr (GPtrArray) opinions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
  GtkWidget *banner = template_child (f->page, "seals_banner");
  GtkLabel *label = template_child (f->page, "seals_label");
  g_autoptr (PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  gint64 track_id = 0, province = 0, harbin = 0;
  TzOpinion *o;

  g_assert_true (tz_track_resolve (f->db, f->campaign_id, TRACK, &track_id, &error));
  g_assert_true (tz_unit_resolve (f->db, f->campaign_id, HARBIN, &harbin, &error));
  g_assert_true (tz_unit_resolve (f->db, f->campaign_id, PROVINCE, &province, &error));
  g_assert_no_error (error);

  p->name = g_strdup ("王奋进");
  p->id_number = g_strdup ("11010519491231002X");
  p->phone = g_strdup ("13800138000");
  g_assert_true (tz_person_save (f->db, p, &error));
  g_assert_no_error (error);
  e->track_id = track_id;
  e->person_id = p->id;
  e->recommending_unit_id = harbin;
  e->title = g_strdup ("王奋进的奋进故事");
  e->status = g_strdup ("submitted");
  o = tz_opinion_new ();
  o->level = 1;
  o->level_name = g_strdup ("推荐单位意见");
  o->unit_id = province;
  o->text = g_strdup ("同意推荐。");
  o->signed_on = g_strdup ("2022-09-05");
  o->sealed = TRUE;
  g_ptr_array_add (opinions, o);
  g_assert_true (tz_entry_save_with_opinions (f->db, e, opinions, &error));
  g_assert_no_error (error);
  tz_gui_test_flush (100);

  choose_track (f, TRACK);
  g_assert_true (tz_reports_page_select (f->page, "person-forms"));
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (label), PROVINCE));
  g_assert_cmpuint (tz_reports_page_get_n_preview_pages (f->page), ==, 1);
  screenshot (f, "forms-missing-seal");

  /* The preview masks the numbers whatever the switch says. */
  gtk_switch_set_active (template_child (f->page, "unmasked_switch"), TRUE);
  g_assert_true (tz_reports_page_select (f->page, "person-forms"));
  doc = open_pdf (tz_reports_page_get_preview_path (f->page));
  text = pdf_text (doc);
  g_assert_nonnull (strstr (text, "王奋进"));
  g_assert_null (strstr (text, "13800138000"));

  /* The quota table stamps nothing: no banner. */
  g_assert_true (tz_reports_page_select (f->page, "quota"));
  g_assert_false (gtk_widget_get_visible (banner));
}

static void
test_no_campaign (void)
{
  g_autoptr (GtkWidget) page = g_object_ref_sink (tz_reports_page_new ());
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (page, TZ_TYPE_REPORTS_PAGE, "stack"));
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("none.pdf");

  g_assert_true (tz_reports_page_select (TZ_REPORTS_PAGE (page), "quota"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "message");
  g_assert_false (tz_reports_page_export (TZ_REPORTS_PAGE (page), path, TZ_REPORT_PDF, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  if (tz_gui_test_is_empty (g_getenv ("DISPLAY")) &&
      tz_gui_test_is_empty (g_getenv ("WAYLAND_DISPLAY")))
    {
      gboolean tap = g_strv_contains ((const char *const *) argv, "--tap");

      g_print ("%sno display: run the GUI tests under xvfb-run\n", tap ? "1..0 # SKIP " : "");
      return tap ? 0 : 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reports-page/lists-reports", Fixture, NULL, fixture_set_up, test_lists_reports,
              fixture_tear_down);
  g_test_add ("/reports-page/quota-preview", Fixture, NULL, fixture_set_up, test_quota_preview,
              fixture_tear_down);
  g_test_add ("/reports-page/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/reports-page/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/reports-page/award-list", Fixture, NULL, fixture_set_up, test_award_list,
              fixture_tear_down);
  g_test_add ("/reports-page/every-kind", Fixture, NULL, fixture_set_up, test_every_kind,
              fixture_tear_down);
  g_test_add ("/reports-page/forms-without-entries", Fixture, NULL, fixture_set_up,
              test_forms_without_entries, fixture_tear_down);
  g_test_add ("/reports-page/missing-seal-banner", Fixture, NULL, fixture_set_up,
              test_missing_seal_banner, fixture_tear_down);
  g_test_add_func ("/reports-page/no-campaign", test_no_campaign);

  return g_test_run ();
}
