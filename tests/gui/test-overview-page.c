/* test-overview-page.c — the overview page on the Heilongjiang campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 * Each test builds the page in a window on a temporary database with the
 * shipped Heilongjiang campaign imported, acts through the core, and checks
 * what the page shows; the page and the database must be finalized at the end.
 */
#define G_LOG_DOMAIN "test-overview-page"

#include "config.h"

#include <adwaita.h>

#include "tz-activity.h"
#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-i18n.h"
#include "tz-overview-page.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-unit.h"

#define HLJ_TITLE                                                                                  \
  "黑龙江省总工会办公室关于开展迎庆党的二十大“网聚职工正能量争做龙江好网民”线上主题活动的通知"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  GtkWindow *window;
  TzOverviewPage *page;
} Fixture;

static gpointer
child (Fixture *f, const char *name)
{
  GObject *object =
      gtk_widget_get_template_child (GTK_WIDGET (f->page), TZ_TYPE_OVERVIEW_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (Fixture *f, const char *name)
{
  return gtk_label_get_text (child (f, name));
}

static const char *
row_value (Fixture *f, const char *name)
{
  return adw_action_row_get_subtitle (child (f, name));
}

static guint
count_rows (Fixture *f, const char *list_name)
{
  GtkListBox *list = child (f, list_name);
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The first label under @widget that has @css_class. */
static GtkLabel *
find_label_with_class (GtkWidget *widget, const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label_with_class (c, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkLabel *
deadline_days_label (Fixture *f, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (f, "deadline_list"), index);
  GtkLabel *label;

  g_assert_nonnull (row);
  label = find_label_with_class (GTK_WIDGET (row), "tz-days-left");
  g_assert_nonnull (label);
  return label;
}

static void
fixture_set_up (Fixture *f, const char *today)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);

  f->db = tz_test_open_db ();
  f->campaign_id = tz_campaign_import_file (f->db, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->campaign_id, >, 0);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  f->page = g_object_ref (TZ_OVERVIEW_PAGE (tz_overview_page_new ()));
  tz_overview_page_set_today (f->page, today);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  tz_page_set_db (TZ_PAGE (f->page), f->db);
  tz_page_set_campaign_id (TZ_PAGE (f->page), f->campaign_id);
  gtk_window_present (f->window);
  tz_gui_test_flush (100);
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (f->window);
  tz_gui_test_flush (100);
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->db);
}

static void
add_activity (Fixture *f, const char *unit, const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzActivity) a = tz_activity_new ();

  a->campaign_id = f->campaign_id;
  g_assert_true (tz_unit_resolve (f->db, f->campaign_id, unit, &a->unit_id, &error));
  a->title = g_strdup ("走进企业宣讲");
  a->held_on = g_strdup (date);
  g_assert_true (tz_activity_save (f->db, a, &error));
  g_assert_no_error (error);
}

static void
test_notice (void)
{
  Fixture f = { 0 };
  g_autofree char *issued = tz_format_date ("2022-07-19");

  fixture_set_up (&f, "2022-10-19");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (&f, "stack")), ==, "campaign");
  g_assert_cmpstr (label_text (&f, "title_label"), ==, HLJ_TITLE);
  g_assert_nonnull (strstr (label_text (&f, "subtitle_label"), "〔2022〕—83"));
  g_assert_cmpstr (row_value (&f, "issuer_row"), ==, "黑龙江省总工会办公室");
  g_assert_cmpstr (row_value (&f, "doc_number_row"), ==, "〔2022〕—83");
  g_assert_cmpstr (row_value (&f, "issue_date_row"), ==, issued);
  g_assert_nonnull (strstr (row_value (&f, "period_row"), "7月下旬至10月下旬"));
  g_assert_cmpstr (row_value (&f, "platform_row"), ==, "黑龙江工会微信公众号");
  g_assert_cmpstr (row_value (&f, "addressees_row"), ==, "各市（地）总工会，各产业工会");
  g_assert_cmpstr (row_value (&f, "status_row"), ==, "Active");
  g_assert_true (g_str_has_prefix (row_value (&f, "theme_row"), "迎庆党的二十大"));
  /* The notice gives no mailbox: its row is hidden, not empty. */
  g_assert_false (gtk_widget_get_visible (child (&f, "mailbox_row")));
  g_assert_true (gtk_widget_get_visible (child (&f, "summary_row")));
  g_assert_true (g_str_has_prefix (label_text (&f, "summary_label"), "按照全国总工会"));

  /* The stages on the timeline and in the list; the organizer and the contact. */
  g_assert_true (gtk_widget_get_visible (child (&f, "timeline")));
  g_assert_cmpint (gtk_drawing_area_get_content_height (child (&f, "timeline")), >=, 3 * 30);
  g_assert_cmpuint (count_rows (&f, "stage_list"), ==, 3);
  g_assert_cmpuint (count_rows (&f, "contact_list"), ==, 2);
  g_assert_cmpuint (count_rows (&f, "track_list"), ==, 5);

  fixture_tear_down (&f);
}

static void
test_activity_figures (void)
{
  Fixture f = { 0 };
  GtkLevelBar *bar;

  /* Before the campaign starts: nothing held, nobody behind. */
  fixture_set_up (&f, "2022-07-01");
  bar = child (&f, "activities_bar");

  g_assert_cmpstr (label_text (&f, "activities_label"), ==, "0 of 120");
  g_assert_cmpstr (label_text (&f, "activities_units_label"), ==, "13 units have a target");
  g_assert_cmpfloat (gtk_level_bar_get_value (bar), ==, 0.0);
  g_assert_false (gtk_widget_get_visible (child (&f, "behind_section")));
  g_assert_cmpstr (label_text (&f, "activities_behind_label"), ==, "Every unit is on schedule");

  /* An activity saved through the core: the page follows the database's "changed". */
  add_activity (&f, "哈尔滨市总工会", "2022-08-02");
  tz_gui_test_flush (100);
  g_assert_cmpstr (label_text (&f, "activities_label"), ==, "1 of 120");
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (bar), 1.0 / 120.0, 1e-9);

  /* In mid-September every city should have held about half of its target. */
  tz_overview_page_set_today (f.page, "2022-09-15");
  tz_gui_test_flush (100);
  g_assert_true (gtk_widget_get_visible (child (&f, "behind_section")));
  g_assert_cmpuint (count_rows (&f, "behind_list"), ==, 13);
  g_assert_cmpstr (label_text (&f, "activities_behind_label"), ==, "13 units are behind schedule");
  for (int i = 0; i < 4; i++)
    add_activity (&f, "哈尔滨市总工会", "2022-09-01");
  tz_gui_test_flush (100);
  g_assert_cmpstr (label_text (&f, "activities_label"), ==, "5 of 120");
  g_assert_cmpuint (count_rows (&f, "behind_list"), ==, 12);

  /* Entries per track and the recommendations of every city against its two. */
  g_assert_cmpstr (label_text (&f, "entries_label"), ==, "0");
  g_assert_cmpstr (label_text (&f, "entries_caption"), ==, "in 5 tracks");
  g_assert_true (gtk_widget_get_visible (child (&f, "recommendations_section")));
  g_assert_cmpuint (count_rows (&f, "recommendation_list"), ==, 13);

  fixture_tear_down (&f);
}

static void
test_deadlines (void)
{
  Fixture f = { 0 };
  GtkLabel *days;

  fixture_set_up (&f, "2022-10-19");
  g_assert_cmpuint (count_rows (&f, "deadline_list"), ==, 1);
  days = deadline_days_label (&f, 0);
  g_assert_cmpstr (gtk_label_get_text (days), ==, "12 days left");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (days), "error"));
  g_assert_cmpstr (label_text (&f, "next_deadline_label"), ==, "12 days left");
  g_assert_nonnull (strstr (label_text (&f, "next_deadline_caption"), "上交活动总结"));

  tz_overview_page_set_today (f.page, "2022-10-31");
  tz_gui_test_flush (100);
  days = deadline_days_label (&f, 0);
  g_assert_cmpstr (gtk_label_get_text (days), ==, "due today");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (days), "warning"));

  /* Overdue: in red, on the row and on the figure at the top. */
  tz_overview_page_set_today (f.page, "2022-11-03");
  tz_gui_test_flush (100);
  days = deadline_days_label (&f, 0);
  g_assert_cmpstr (gtk_label_get_text (days), ==, "overdue by 3 days");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (days), "error"));
  g_assert_true (gtk_widget_has_css_class (child (&f, "next_deadline_label"), "error"));

  fixture_tear_down (&f);
}

/* Without the property, "today" is the core's: TAIZHANG_TODAY when it is set. */
static void
test_today_from_environment (void)
{
  Fixture f = { 0 };

  g_setenv ("TAIZHANG_TODAY", "2022-10-30", TRUE);
  fixture_set_up (&f, NULL);
  g_assert_null (tz_overview_page_get_today (f.page));
  g_assert_cmpstr (gtk_label_get_text (deadline_days_label (&f, 0)), ==, "1 day left");
  g_unsetenv ("TAIZHANG_TODAY");

  fixture_tear_down (&f);
}

static void
test_no_campaign (void)
{
  Fixture f = { 0 };

  fixture_set_up (&f, "2022-10-19");

  /* A campaign that is gone shows the empty state, and no error dialog. */
  tz_page_set_campaign_id (TZ_PAGE (f.page), 9999);
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (&f, "stack")), ==, "empty");

  tz_page_set_campaign_id (TZ_PAGE (f.page), f.campaign_id);
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (&f, "stack")), ==, "campaign");

  /* Deleted through the core while shown. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (tz_campaign_delete (f.db, f.campaign_id, &error));
    g_assert_no_error (error);
  }
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (&f, "stack")), ==, "empty");

  tz_page_set_db (TZ_PAGE (f.page), NULL);
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (&f, "stack")), ==, "empty");

  fixture_tear_down (&f);
}

/* The page stays readable in a phone-sized window. */
static void
test_narrow (void)
{
  Fixture f = { 0 };
  int minimum = 0;

  fixture_set_up (&f, "2022-09-15");
  gtk_widget_measure (GTK_WIDGET (f.page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_set_default_size (f.window, 360, 640);
  tz_gui_test_flush (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.page)), <=, 360);
  g_assert_true (gtk_widget_get_mapped (child (&f, "title_label")));

  fixture_tear_down (&f);
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

  g_unsetenv ("TAIZHANG_TODAY");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/overview/notice", test_notice);
  g_test_add_func ("/overview/activity-figures", test_activity_figures);
  g_test_add_func ("/overview/deadlines", test_deadlines);
  g_test_add_func ("/overview/today-from-environment", test_today_from_environment);
  g_test_add_func ("/overview/no-campaign", test_no_campaign);
  g_test_add_func ("/overview/narrow", test_narrow);

  return g_test_run ();
}
