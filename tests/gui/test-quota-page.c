/* test-quota-page.c — the quotas page on the Heilongjiang campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 */
#define G_LOG_DOMAIN "test-quota-page"

#include "config.h"

#include <adwaita.h>

#include "tz-activity.h"
#include "tz-bar-chart.h"
#include "tz-campaign-file.h"
#include "tz-quota-page.h"
#include "tz-quota.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-unit.h"

#define HARBIN "哈尔滨市总工会"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  GtkWindow *window;
  TzQuotaPage *page;
} Fixture;

static gpointer
template_child (TzQuotaPage *page, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), TZ_TYPE_QUOTA_PAGE, name);

  g_assert_nonnull (child);
  return child;
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
  f->page = TZ_QUOTA_PAGE (tz_quota_page_new ());
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
  /* The window goes first: it holds the page until it is finalized. */
  gtk_window_destroy (f->window);
  tz_gui_test_flush (100);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->db);
}

static GListModel *
table_model (Fixture *f)
{
  GtkColumnView *view = template_child (f->page, "column_view");

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

/* The row of @unit (NULL: the totals row): its position, target and held. */
static gboolean
find_row (Fixture *f, const char *unit, guint *position, gint64 *target, gint64 *held)
{
  GListModel *model = table_model (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;
      gboolean is_total = FALSE;
      gint64 t = 0;
      gint64 h = 0;

      g_object_get (item, "unit-name", &name, "is-total", &is_total, "target", &t, "held", &h,
                    NULL);
      if (unit == NULL ? is_total : (!is_total && g_strcmp0 (name, unit) == 0))
        {
          if (position != NULL)
            *position = i;
          if (target != NULL)
            *target = t;
          if (held != NULL)
            *held = h;
          return TRUE;
        }
    }
  return FALSE;
}

static gint64
core_target (Fixture *f, const char *unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = tz_quota_list (f->db, f->campaign_id, TZ_QUOTA_ACTIVITY, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TzQuotaRow *row = rows->pdata[i];

      if (g_str_equal (row->unit_name, unit))
        return row->min_count;
    }
  g_assert_not_reached ();
  return -1;
}

static gint64
unit_id (Fixture *f, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tz_unit_resolve (f->db, f->campaign_id, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
add_activity (Fixture *f, const char *unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzActivity) a = tz_activity_new ();

  a->campaign_id = f->campaign_id;
  a->unit_id = unit_id (f, unit);
  a->title = g_strdup ("走进哈电集团宣讲网络文明");
  a->held_on = g_strdup ("2022-08-16");
  a->place = g_strdup ("哈尔滨电机厂");
  a->participants = 60;
  g_assert_true (tz_activity_save (f->db, a, &error));
  g_assert_no_error (error);
}

static void
test_rows_and_totals (Fixture *f, gconstpointer data)
{
  GListModel *model = table_model (f);
  TzBarChart *chart = template_child (f->page, "chart");
  const char *summary = gtk_label_get_text (template_child (f->page, "summary_label"));
  gint64 target = -1;
  gint64 held = -1;
  guint position = 0;
  int chart_height = 0;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (f->page, "stack")), ==,
                   "table");
  g_assert_true (gtk_toggle_button_get_active (template_child (f->page, "activity_toggle")));
  /* 13 cities and the totals row, in the notice's order. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 14);
  g_assert_true (find_row (f, HARBIN, &position, &target, &held));
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpint (target, ==, 10);
  g_assert_cmpint (held, ==, 0);
  g_assert_true (find_row (f, NULL, &position, &target, &held));
  g_assert_cmpuint (position, ==, 13);
  g_assert_cmpint (target, ==, 120);
  g_assert_cmpint (held, ==, 0);
  g_assert_nonnull (strstr (summary, "120"));

  /* One bar a unit, every one behind; the chart describes itself. */
  g_assert_cmpuint (tz_bar_chart_get_n_bars (chart), ==, 13);
  g_assert_true (tz_bar_chart_bar_is_behind (chart, 0));
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &chart_height, NULL, NULL,
                      NULL);
  g_assert_cmpint (chart_height, >, 13 * 20);
}

static void
test_held_follows_changes (Fixture *f, gconstpointer data)
{
  TzBarChart *chart = template_child (f->page, "chart");
  GtkListBox *activities = template_child (f->page, "unit_activities");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (table_model (f));
  gint64 held = -1;
  guint position = 0;

  g_assert_true (find_row (f, HARBIN, &position, NULL, NULL));
  gtk_single_selection_set_selected (selection, position);
  tz_gui_test_flush (100);
  g_assert_null (gtk_list_box_get_row_at_index (activities, 0));

  /* Written through the core: the page follows the "changed" signal. */
  add_activity (f, HARBIN);
  tz_gui_test_flush (100);
  g_assert_true (find_row (f, HARBIN, NULL, NULL, &held));
  g_assert_cmpint (held, ==, 1);
  g_assert_true (find_row (f, NULL, NULL, NULL, &held));
  g_assert_cmpint (held, ==, 1);
  g_assert_cmpuint (tz_bar_chart_get_n_bars (chart), ==, 13);

  /* The selected unit stays selected and lists the new activity. */
  g_assert_true (find_row (f, HARBIN, &position, NULL, NULL));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  g_assert_nonnull (gtk_list_box_get_row_at_index (activities, 0));
  g_assert_null (gtk_list_box_get_row_at_index (activities, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (
                       ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (activities, 0))),
                   ==, "走进哈电集团宣讲网络文明");
}

static void
test_edit_target (Fixture *f, gconstpointer data)
{
  GtkPopover *popover = template_child (f->page, "target_popover");
  GtkEditable *entry = template_child (f->page, "target_entry");
  GtkLabel *error_label = template_child (f->page, "target_error_label");
  GtkWidget *save = template_child (f->page, "target_save_button");
  gint64 audit_before;
  gint64 target = 0;
  guint position = 0;

  g_assert_true (find_row (f, HARBIN, &position, NULL, NULL));
  tz_quota_page_edit_target (f->page, position);
  tz_gui_test_flush (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "10");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* Refused values: the message shows, Save is off, nothing is written. */
  audit_before = tz_test_query_int (f->db, "SELECT count(*) FROM audit_log WHERE tbl = 'quota'");
  gtk_editable_set_text (entry, "-1");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "negative"));
  g_assert_false (tz_quota_page_save_target (f->page));
  gtk_editable_set_text (entry, "abc");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (tz_gui_test_is_empty (gtk_label_get_text (error_label)));
  g_assert_false (tz_quota_page_save_target (f->page));
  g_assert_cmpint (core_target (f, HARBIN), ==, 10);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM audit_log WHERE tbl = 'quota'"),
                   ==, audit_before);

  /* A good value is saved through the core and shown. */
  gtk_editable_set_text (entry, "12");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_signal_emit_by_name (save, "clicked");
  tz_gui_test_flush (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpint (core_target (f, HARBIN), ==, 12);
  g_assert_true (find_row (f, HARBIN, NULL, &target, NULL));
  g_assert_cmpint (target, ==, 12);
  g_assert_true (find_row (f, NULL, NULL, &target, NULL));
  g_assert_cmpint (target, ==, 122);
}

static void
test_sort_by_held (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = template_child (f->page, "column_view");
  GListModel *model = table_model (f);
  const char *other = "大庆市总工会";
  guint position = 0;

  add_activity (f, other);
  tz_gui_test_flush (100);
  g_assert_true (find_row (f, other, &position, NULL, NULL));
  g_assert_cmpuint (position, ==, 4);

  gtk_column_view_sort_by_column (view, template_child (f->page, "held_column"),
                                  GTK_SORT_DESCENDING);
  tz_gui_test_flush (100);
  g_assert_true (find_row (f, other, &position, NULL, NULL));
  g_assert_cmpuint (position, ==, 0);
  /* The totals row stays last whatever the order. */
  g_assert_true (find_row (f, NULL, &position, NULL, NULL));
  g_assert_cmpuint (position, ==, g_list_model_get_n_items (model) - 1);

  /* By unit name, then by completion: every column sorts. */
  gtk_column_view_sort_by_column (view, template_child (f->page, "percent_column"),
                                  GTK_SORT_ASCENDING);
  tz_gui_test_flush (100);
  g_assert_true (find_row (f, other, &position, NULL, NULL));
  g_assert_cmpuint (position, ==, 12);
  gtk_column_view_sort_by_column (view, template_child (f->page, "target_column"),
                                  GTK_SORT_ASCENDING);
  tz_gui_test_flush (100);
  g_assert_true (find_row (f, "大兴安岭市总工会", &position, NULL, NULL));
  g_assert_cmpuint (position, ==, 0);
}

static void
test_other_kinds (Fixture *f, gconstpointer data)
{
  GtkStack *stack = template_child (f->page, "stack");
  GListModel *model = table_model (f);
  gint64 target = 0;

  /* The notice asks every city for 2 nominees: a rule expanded per participant. */
  gtk_toggle_button_set_active (template_child (f->page, "nominee_toggle"), TRUE);
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 14);
  g_assert_true (find_row (f, HARBIN, NULL, &target, NULL));
  g_assert_cmpint (target, ==, 2);
  g_assert_false (gtk_widget_get_visible (template_child (f->page, "unit_pane")));

  /* No work quotas: the empty state offers to set one. */
  gtk_toggle_button_set_active (template_child (f->page, "work_toggle"), TRUE);
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_get_visible (template_child (f->page, "empty_add_button")));

  gtk_toggle_button_set_active (template_child (f->page, "activity_toggle"), TRUE);
  tz_gui_test_flush (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 14);
}

static void
test_no_campaign (void)
{
  TzQuotaPage *page = g_object_ref_sink (TZ_QUOTA_PAGE (tz_quota_page_new ()));
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "stack")), ==, "empty");
  g_assert_false (gtk_widget_get_visible (template_child (page, "empty_add_button")));
  gtk_window_destroy (GTK_WINDOW (window));
  tz_gui_test_flush (100);
  g_assert_finalize_object (page);
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

  g_test_add ("/quota-page/rows-and-totals", Fixture, NULL, fixture_set_up, test_rows_and_totals,
              fixture_tear_down);
  g_test_add ("/quota-page/held-follows-changes", Fixture, NULL, fixture_set_up,
              test_held_follows_changes, fixture_tear_down);
  g_test_add ("/quota-page/edit-target", Fixture, NULL, fixture_set_up, test_edit_target,
              fixture_tear_down);
  g_test_add ("/quota-page/sort-by-held", Fixture, NULL, fixture_set_up, test_sort_by_held,
              fixture_tear_down);
  g_test_add ("/quota-page/other-kinds", Fixture, NULL, fixture_set_up, test_other_kinds,
              fixture_tear_down);
  g_test_add_func ("/quota-page/no-campaign", test_no_campaign);

  return g_test_run ();
}
