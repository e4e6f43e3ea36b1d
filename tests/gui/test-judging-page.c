/* test-judging-page.c — the judging page on a Hunan 60/40 track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 * The data is the worked example of docs/ranking.md, as tests/test-ranking.c
 * inserts it.
 */
#define G_LOG_DOMAIN "test-judging-page"

#include "config.h"

#include <adwaita.h>

#include "tz-judging-page.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-window.h"

/* Track 1: 专家评审 60% + 网络评选 40%; track 2 has no entries; track 3 counts
 * only an entrant's best work. */
static const char fixture_sql[] =
    "INSERT INTO unit (id, name, kind) VALUES (1, '湖南省总工会', 'provincial_union'),"
    "  (10, '湘潭电机厂', 'enterprise'), (11, '长沙市第一中学', 'school');"
    "INSERT INTO campaign (id, title) VALUES (1, '湖南省职工网络正能量作品征集');"
    "INSERT INTO person (id, name, unit_id) VALUES (1, '甲', 10), (2, '乙', 10), (3, '丙', 11);"
    "INSERT INTO judge (id, campaign_id, name) VALUES (1, 1, '评委一'), (2, 1, '评委二');"
    "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric, expert_weight,"
    "  metric_weight) VALUES (1, 1, 1, '网络正能量微视频征集', 'composite', '网络评选', 60, 40);"
    "INSERT INTO criterion (id, track_id, seq, name, max_score) VALUES (1, 1, 1, '视频内容', 50),"
    "  (2, 1, 2, '创作技巧', 50);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id, submitted_on) VALUES"
    "  (1, 1, 1, 'A', 1, '2023-05-01'), (2, 1, 1, 'B', 2, '2023-05-02'),"
    "  (3, 1, 1, 'C', 3, '2023-05-03');"
    "INSERT INTO score (entry_id, judge_id, criterion_id, value) VALUES"
    "  (1, 1, 1, 45), (1, 1, 2, 40), (1, 2, 1, 43), (1, 2, 2, 42),"
    "  (2, 1, 1, 40), (2, 1, 2, 38), (2, 2, 1, 42), (2, 2, 2, 40),"
    "  (3, 1, 1, 35), (3, 1, 2, 30), (3, 2, 1, 37), (3, 2, 2, 32);"
    "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
    "  (1, '网络评选', 900, '2023-09-01'), (1, '网络评选', 1200, '2023-10-31'),"
    "  (2, '网络评选', 2000, '2023-10-31'), (3, '网络评选', 1500, '2023-10-31');"
    "INSERT INTO award_tier (id, track_id, seq, name, count, special) VALUES"
    "  (1, 1, 1, '一等奖', 1, 0), (2, 1, 2, '二等奖', 1, 0), (3, 1, 3, '三等奖', 5, 0);"
    "INSERT INTO track (id, campaign_id, seq, name) VALUES (2, 1, 2, '职工征文');"
    "INSERT INTO track (id, campaign_id, seq, name, ranking_method, metric, best_work_only,"
    "  max_per_voter_per_day) VALUES (3, 1, 3, '短视频', 'metric', '浏览量', 1, 3);"
    "INSERT INTO entry (id, campaign_id, track_id, title, person_id) VALUES"
    "  (21, 1, 3, '甲一', 1), (22, 1, 3, '甲二', 1), (24, 1, 3, '乙一', 2);"
    "INSERT INTO metric_snapshot (entry_id, metric, value, taken_on) VALUES"
    "  (21, '浏览量', 500, '2022-10-01'), (22, '浏览量', 800, '2022-10-01'),"
    "  (24, '浏览量', 400, '2022-10-01');"
    "INSERT INTO award_tier (id, track_id, seq, name, count) VALUES (21, 3, 1, '一等奖', 1);";

typedef struct
{
  TzDb *db;
  GtkWindow *window;
  TzJudgingPage *page;
} Fixture;

static gpointer
template_child (TzJudgingPage *page, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), TZ_TYPE_JUDGING_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static void
exec (TzDb *db, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (tz_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->db = tz_test_open_db ();
  exec (f->db, fixture_sql);

  f->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 1100, 700);
  f->page = TZ_JUDGING_PAGE (tz_judging_page_new ());
  g_object_ref (f->page);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  tz_page_set_db (TZ_PAGE (f->page), f->db);
  tz_page_set_campaign_id (TZ_PAGE (f->page), 1);
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

static GListModel *
table_model (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (template_child (f->page, "column_view")));
}

/* Row @position: its title, rank, composite and award (caller frees). */
static void
get_row (Fixture *f, guint position, char **title, gint64 *rank, double *composite, char **award)
{
  g_autoptr (GObject) item = g_list_model_get_item (table_model (f), position);

  g_assert_nonnull (item);
  g_object_get (item, "title", title, "rank", rank, "composite", composite, "award", award, NULL);
}

static void
assert_row (Fixture *f, guint position, const char *title, gint64 rank, double composite,
            const char *award)
{
  g_autofree char *t = NULL;
  g_autofree char *a = NULL;
  gint64 r = 0;
  double c = 0;

  get_row (f, position, &t, &r, &c, &a);
  g_assert_cmpstr (t, ==, title);
  g_assert_cmpint (r, ==, rank);
  if (composite >= 0)
    g_assert_cmpfloat_with_epsilon (c, composite, 1e-6);
  g_assert_cmpstr (a, ==, award);
}

/* With TZ_TEST_SCREENSHOTS set to a folder, saves @window there as @name.png. */
static void
screenshot (GtkWidget *window, const char *name)
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
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_ranking (Fixture *f, gconstpointer data)
{
  const char *method = gtk_label_get_text (template_child (f->page, "method_label"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (f->page, "stack")), ==,
                   "table");
  g_assert_cmpint (tz_judging_page_get_track_id (f->page), ==, 1);
  g_assert_nonnull (strstr (method, "60%"));
  g_assert_nonnull (strstr (method, "40%"));
  g_assert_cmpuint (g_list_model_get_n_items (table_model (f)), ==, 3);
  assert_row (f, 0, "B", 1, 88.0, "一等奖");
  assert_row (f, 1, "A", 2, 75.0, "二等奖");
  assert_row (f, 2, "C", 3, 70.2, "三等奖");
  g_assert_true (gtk_widget_get_sensitive (template_child (f->page, "recompute_button")));
  g_assert_false (gtk_toggle_button_get_active (template_child (f->page, "lock_toggle")));
  /* Nothing is saved by looking. */
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM award"), ==, 0);
}

static void
test_recompute (Fixture *f, gconstpointer data)
{
  GtkWidget *recompute = template_child (f->page, "recompute_button");

  g_signal_emit_by_name (recompute, "clicked");
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM award"), ==, 3);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT award_tier_id FROM award WHERE entry_id = 2"),
                   ==, 1);
  assert_row (f, 0, "B", 1, 88.0, "一等奖");
  assert_row (f, 2, "C", 3, 70.2, "三等奖");
}

static void
test_lock (Fixture *f, gconstpointer data)
{
  GtkToggleButton *lock = template_child (f->page, "lock_toggle");
  GtkWidget *recompute = template_child (f->page, "recompute_button");
  const char *tooltip = NULL;

  g_assert_true (tz_judging_page_recompute (f->page));
  gtk_toggle_button_set_active (lock, TRUE);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM award WHERE locked = 1"), >, 0);
  g_assert_false (gtk_widget_get_sensitive (recompute));
  tooltip = gtk_widget_get_tooltip_text (recompute);
  g_assert_nonnull (strstr (tooltip, "locked"));

  /* Late full marks for C would put it first (90 > 88); the awards stay. */
  exec (f->db, "UPDATE score SET value = 50 WHERE entry_id = 3");
  tz_page_queue_reload (TZ_PAGE (f->page));
  tz_gui_test_flush (100);
  assert_row (f, 0, "C", 1, 90.0, "三等奖");
  assert_row (f, 1, "B", 2, 88.0, "一等奖");
  screenshot (GTK_WIDGET (f->window), "judging-page-locked");

  /* Unlocked and recomputed, they move. */
  gtk_toggle_button_set_active (lock, FALSE);
  tz_gui_test_flush (100);
  g_assert_true (gtk_widget_get_sensitive (recompute));
  g_assert_true (tz_judging_page_recompute (f->page));
  tz_gui_test_flush (100);
  assert_row (f, 0, "C", 1, 90.0, "一等奖");
  assert_row (f, 1, "B", 2, 88.0, "二等奖");
  assert_row (f, 2, "A", 3, -1, "三等奖");
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT award_tier_id FROM award WHERE entry_id = 3"),
                   ==, 1);
}

static void
test_empty_track (Fixture *f, gconstpointer data)
{
  AdwStatusPage *empty = template_child (f->page, "empty_page");

  tz_judging_page_select_track (f->page, 2);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_judging_page_get_track_id (f->page), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (template_child (f->page, "track_dropdown")), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (f->page, "stack")), ==,
                   "empty");
  g_assert_false (tz_gui_test_is_empty (adw_status_page_get_title (empty)));
  g_assert_cmpuint (g_list_model_get_n_items (table_model (f)), ==, 0);

  /* The selector goes back to a ranked track. */
  gtk_drop_down_set_selected (template_child (f->page, "track_dropdown"), 0);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_judging_page_get_track_id (f->page), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (table_model (f)), ==, 3);
}

static void
test_best_work (Fixture *f, gconstpointer data)
{
  GListModel *model = table_model (f);
  guint n_counted = 0;

  tz_judging_page_select_track (f->page, 3);
  tz_gui_test_flush (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      g_autofree char *title = NULL;
      gboolean counted = FALSE;
      gint64 rank = -1;

      g_object_get (item, "title", &title, "counted", &counted, "rank", &rank, NULL);
      if (counted)
        n_counted++;
      else
        g_assert_cmpint (rank, ==, 0);
      if (g_str_equal (title, "甲一"))
        g_assert_false (counted);
    }
  g_assert_cmpuint (n_counted, ==, 2);
  assert_row (f, 0, "甲二", 1, -1, "一等奖");
  screenshot (GTK_WIDGET (f->window), "judging-page-best-work");
}

/* The page in the window: Alt+8 shows it on the selected campaign. */
static GtkColumnView *
score_view (Fixture *f)
{
  GtkWidget *box = template_child (f->page, "scores_box");
  GtkWidget *scrolled = gtk_widget_get_last_child (box);

  return GTK_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)));
}

static double
composite_of (Fixture *f, const char *title)
{
  GListModel *model = table_model (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *t = NULL;
      g_autofree char *a = NULL;
      gint64 r = 0;
      double c = 0;

      get_row (f, i, &t, &r, &c, &a);
      if (g_strcmp0 (t, title) == 0)
        return c;
    }
  g_assert_not_reached ();
  return -1;
}

static void
test_score_grid (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = score_view (f);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr (GtkColumnViewColumn) first = g_list_model_get_item (columns, 1);
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==,
                    3);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 4);
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "视频内容 (50)");
  g_assert_cmpint (tz_judging_page_get_judge_id (f->page), ==, 1);
  text = tz_judging_page_get_score_text (f->page, 1, 1);
  g_assert_cmpstr (text, ==, "45");
  g_clear_pointer (&text, g_free);
  text = tz_judging_page_get_score_text (f->page, 3, 2);
  g_assert_cmpstr (text, ==, "30");
  g_clear_pointer (&text, g_free);
  tz_judging_page_select_judge (f->page, 2);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_judging_page_get_judge_id (f->page), ==, 2);
  text = tz_judging_page_get_score_text (f->page, 1, 1);
  g_assert_cmpstr (text, ==, "43");
}

static void
test_score_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  double before = composite_of (f, "A");

  g_assert_true (tz_judging_page_edit_score (f->page, 1, 1, "50", &error));
  g_assert_no_error (error);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db,
                                      "SELECT value FROM score WHERE entry_id = 1 AND judge_id = 1 "
                                      "AND criterion_id = 1"),
                   ==, 50);
  text = tz_judging_page_get_score_text (f->page, 1, 1);
  g_assert_cmpstr (text, ==, "50");
  g_assert_cmpfloat (composite_of (f, "A"), >, before);
}

static GtkWidget *
first_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_score_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *entry;
  g_autofree char *text = NULL;

  g_assert_false (tz_judging_page_edit_score (f->page, 1, 1, "51", &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tz_judging_page_edit_score (f->page, 1, 1, "abc", &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_INVALID);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db,
                                      "SELECT value FROM score WHERE entry_id = 1 AND judge_id = 1 "
                                      "AND criterion_id = 1"),
                   ==, 45);
  text = tz_judging_page_get_score_text (f->page, 1, 1);
  g_assert_cmpstr (text, ==, "45");

  /* The same through a cell of the grid: B's first score, 40. */
  entry = first_entry (GTK_WIDGET (score_view (f)));
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "40");
  gtk_editable_set_text (GTK_EDITABLE (entry), "99");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (entry));
  g_assert_cmpint (tz_test_query_int (f->db,
                                      "SELECT value FROM score WHERE entry_id = 2 AND judge_id = 1 "
                                      "AND criterion_id = 1"),
                   ==, 40);
}

static void
test_score_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tz_test_tmpfile ("scores.csv");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path,
                                      "评委,作品,评分项,分数\n"
                                      "评委一,A,视频内容,48\n"
                                      "评委一,B,视频内容,99\n",
                                      -1, &error));
  g_assert_no_error (error);
  dialog = tz_judging_page_import_file (f->page, FALSE, path);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "3"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db,
                                      "SELECT value FROM score WHERE entry_id = 1 AND judge_id = 1 "
                                      "AND criterion_id = 1"),
                   ==, 45);

  g_assert_true (
      g_file_set_contents (path, "评委,作品,评分项,分数\n评委一,A,视频内容,48\n", -1, &error));
  g_assert_null (tz_judging_page_import_file (f->page, FALSE, path));
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db,
                                      "SELECT value FROM score WHERE entry_id = 1 AND judge_id = 1 "
                                      "AND criterion_id = 1"),
                   ==, 48);
  text = tz_judging_page_get_score_text (f->page, 1, 1);
  g_assert_cmpstr (text, ==, "48");
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The texts of every label under @widget, one a line. */
static void
collect_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
breakdown_text (Fixture *f)
{
  GString *out = g_string_new (NULL);

  collect_labels (template_child (f->page, "breakdown_box"), out);
  return g_string_free (out, FALSE);
}

static void
test_breakdown (Fixture *f, gconstpointer data)
{
  GtkWidget *pane = template_child (f->page, "breakdown_pane");
  GtkSelectionModel *selection =
      gtk_column_view_get_model (template_child (f->page, "column_view"));
  const TzRankBreakdown *b;
  g_autofree char *text = NULL;

  g_assert_false (gtk_widget_get_visible (pane));
  g_assert_null (tz_judging_page_get_breakdown (f->page));

  /* A click on A's row (the second: B, A, C). */
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));
  tz_gui_test_flush (100);
  g_assert_true (gtk_widget_get_visible (pane));
  g_assert_cmpint (tz_judging_page_get_selected_entry (f->page), ==, 1);
  b = tz_judging_page_get_breakdown (f->page);
  g_assert_nonnull (b);
  g_assert_cmpfloat_with_epsilon (b->row->composite, 75, 1e-6);
  g_assert_cmpfloat_with_epsilon (b->expert_part + b->metric_part, 75, 1e-6);
  text = breakdown_text (f);
  /* Each judge's values, the totals, the means, the snapshot, the parts. */
  g_assert_nonnull (strstr (text, "评委一"));
  g_assert_nonnull (strstr (text, "评委二"));
  g_assert_nonnull (strstr (text, "视频内容 (50)"));
  g_assert_nonnull (strstr (text, "\n45\n"));
  g_assert_nonnull (strstr (text, "\n85\n"));
  g_assert_nonnull (strstr (text, "44.00"));
  g_assert_nonnull (strstr (text, "2023-10-31"));
  g_assert_nonnull (strstr (text, "1200"));
  g_assert_nonnull (strstr (text, "= 60.00"));
  g_assert_nonnull (strstr (text, "= 75.00"));
  g_assert_nonnull (strstr (text, "60%"));
  screenshot (GTK_WIDGET (f->window), "judging-page-breakdown");

  /* A late score moves it; the row stays selected and the pane follows. */
  exec (f->db, "UPDATE score SET value = 50 WHERE entry_id = 1 AND judge_id = 2");
  tz_page_queue_reload (TZ_PAGE (f->page));
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_judging_page_get_selected_entry (f->page), ==, 1);
  b = tz_judging_page_get_breakdown (f->page);
  g_assert_nonnull (b);
  g_assert_cmpfloat (b->row->expert, >, 85);

  /* Ctrl+click on the selected row unselects it: the pane goes. */
  g_assert_true (gtk_selection_model_unselect_item (selection, 1));
  tz_gui_test_flush (100);
  g_assert_false (gtk_widget_get_visible (pane));
  g_assert_null (tz_judging_page_get_breakdown (f->page));

  /* The pane's close button does the same. */
  tz_judging_page_select_entry (f->page, 3);
  tz_gui_test_flush (100);
  g_assert_true (gtk_widget_get_visible (pane));
  g_signal_emit_by_name (find_widget (template_child (f->page, "breakdown_box"), GTK_TYPE_BUTTON),
                         "clicked");
  tz_gui_test_flush (100);
  g_assert_false (gtk_widget_get_visible (pane));
  g_assert_cmpint (tz_judging_page_get_selected_entry (f->page), ==, 0);
}

static void
test_daily_limit_shown (Fixture *f, gconstpointer data)
{
  GtkLabel *method = template_child (f->page, "method_label");
  g_autofree char *text = NULL;

  g_assert_null (strstr (gtk_label_get_text (method), "a day"));
  tz_judging_page_select_track (f->page, 3);
  tz_gui_test_flush (100);
  g_assert_nonnull (strstr (gtk_label_get_text (method), "at most 3 a day per person"));
  g_assert_nonnull (strstr (gtk_label_get_text (method), "best work"));

  tz_judging_page_select_entry (f->page, 22);
  tz_gui_test_flush (100);
  text = breakdown_text (f);
  g_assert_nonnull (strstr (text, "at most 3 a day per person"));
  g_assert_nonnull (strstr (text, "浏览量: 800"));
  g_assert_nonnull (strstr (text, "= 100.00"));
}

static void
test_score_marks (Fixture *f, gconstpointer data)
{
  GtkWidget *menu = find_widget (GTK_WIDGET (score_view (f)), GTK_TYPE_MENU_BUTTON);
  GtkWidget *entry = first_entry (GTK_WIDGET (score_view (f)));
  GtkWidget *choices, *counts, *conflict, *abstain;
  double before = composite_of (f, "B");
  gboolean is_abstain = TRUE, is_conflict = TRUE;
  g_autoptr (GError) error = NULL;

  /* The first cell: B, 视频内容, 评委一 (40). Its menu says what it does. */
  g_assert_nonnull (menu);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (menu), "回避"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (menu), "弃权"));
  choices =
      gtk_popover_get_child (GTK_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))));
  counts = gtk_widget_get_first_child (choices);
  conflict = gtk_widget_get_next_sibling (counts);
  abstain = gtk_widget_get_next_sibling (conflict);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (counts)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (abstain)));

  /* 回避 from the menu: saved, shown, left out of the ranking. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (conflict), TRUE);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT conflict FROM score WHERE entry_id = 2 AND "
                                             "judge_id = 1 AND criterion_id = 1"),
                   ==, 1);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT value FROM score WHERE entry_id = 2 AND "
                                             "judge_id = 1 AND criterion_id = 1"),
                   ==, 40);
  tz_judging_page_get_score_marks (f->page, 2, 1, &is_abstain, &is_conflict);
  g_assert_true (is_conflict);
  g_assert_false (is_abstain);
  /* The grid was rebuilt by the reload: look at the cell again. */
  menu = find_widget (GTK_WIDGET (score_view (f)), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu)), ==, "回避");
  /* B's 视频内容 is now judge 2's 42 alone: expert 81, not 80. */
  g_assert_cmpfloat (composite_of (f, "B"), >, before);
  tz_judging_page_select_entry (f->page, 2);
  tz_gui_test_flush (100);
  g_assert_cmpint (
      g_array_index (tz_judging_page_get_breakdown (f->page)->scores, TzScoreDetail, 0).use, ==,
      TZ_SCORE_CONFLICT);

  /* Cleared from the menu: the 40 counts again. */
  choices =
      gtk_popover_get_child (GTK_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))));
  counts = gtk_widget_get_first_child (choices);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (counts), TRUE);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db,
                                      "SELECT conflict + abstain FROM score WHERE entry_id = "
                                      "2 AND judge_id = 1 AND criterion_id = 1"),
                   ==, 0);
  g_assert_cmpfloat_with_epsilon (composite_of (f, "B"), before, 1e-6);

  /* 弃权 typed in the cell: the mark replaces the value. */
  entry = first_entry (GTK_WIDGET (score_view (f)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "弃权");
  g_signal_emit_by_name (entry, "activate");
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT abstain FROM score WHERE entry_id = 2 AND "
                                             "judge_id = 1 AND criterion_id = 1"),
                   ==, 1);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT value IS NULL FROM score WHERE entry_id = 2 "
                                             "AND judge_id = 1 AND criterion_id = 1"),
                   ==, 1);
  entry = first_entry (GTK_WIDGET (score_view (f)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==, "弃权");
  g_assert_cmpfloat (composite_of (f, "B"), >, before);

  /* And through the page's own call. */
  g_assert_true (tz_judging_page_set_score_marks (f->page, 3, 2, FALSE, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT conflict FROM score WHERE entry_id = 3 AND "
                                             "judge_id = 1 AND criterion_id = 2"),
                   ==, 1);
  screenshot (GTK_WIDGET (f->window), "judging-page-marks");
}

static void
test_in_window (void)
{
  g_autofree char *path = tz_test_tmpfile ("judging.db");
  g_autoptr (GError) error = NULL;
  TzWindow *window;
  TzDb *db = tz_db_open (path, &error);
  GObject *stack;
  GObject *page;

  g_assert_no_error (error);
  exec (db, fixture_sql);
  g_object_unref (db);

  window = g_object_ref (tz_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tz_window_open_database (window, path));
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_window_get_campaign_id (window), ==, 1);
  tz_window_show_page (window, "judging");
  tz_gui_test_flush (100);
  stack = gtk_widget_get_template_child (GTK_WIDGET (window), TZ_TYPE_WINDOW, "view_stack");
  page = gtk_widget_get_template_child (GTK_WIDGET (window), TZ_TYPE_WINDOW, "judging_page");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "judging");
  g_assert_cmpint (tz_judging_page_get_track_id (TZ_JUDGING_PAGE (page)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                        template_child (TZ_JUDGING_PAGE (page), "column_view")))),
                    ==, 3);
  screenshot (GTK_WIDGET (window), "judging-page");

  gtk_window_destroy (GTK_WINDOW (window));
  tz_gui_test_flush (100);
  g_assert_finalize_object (window);
}

static void
test_no_campaign (void)
{
  TzJudgingPage *page = g_object_ref_sink (TZ_JUDGING_PAGE (tz_judging_page_new ()));
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  tz_gui_test_flush (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (page, "stack")), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (template_child (page, "recompute_button")));
  g_assert_false (tz_judging_page_recompute (page));
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

  g_test_add ("/judging-page/ranking", Fixture, NULL, fixture_set_up, test_ranking,
              fixture_tear_down);
  g_test_add ("/judging-page/recompute", Fixture, NULL, fixture_set_up, test_recompute,
              fixture_tear_down);
  g_test_add ("/judging-page/lock", Fixture, NULL, fixture_set_up, test_lock, fixture_tear_down);
  g_test_add ("/judging-page/empty-track", Fixture, NULL, fixture_set_up, test_empty_track,
              fixture_tear_down);
  g_test_add ("/judging-page/best-work", Fixture, NULL, fixture_set_up, test_best_work,
              fixture_tear_down);
  g_test_add ("/judging-page/score-grid", Fixture, NULL, fixture_set_up, test_score_grid,
              fixture_tear_down);
  g_test_add ("/judging-page/score-edit", Fixture, NULL, fixture_set_up, test_score_edit,
              fixture_tear_down);
  g_test_add ("/judging-page/score-refused", Fixture, NULL, fixture_set_up, test_score_refused,
              fixture_tear_down);
  g_test_add ("/judging-page/score-import", Fixture, NULL, fixture_set_up, test_score_import,
              fixture_tear_down);
  g_test_add ("/judging-page/breakdown", Fixture, NULL, fixture_set_up, test_breakdown,
              fixture_tear_down);
  g_test_add ("/judging-page/daily-limit", Fixture, NULL, fixture_set_up, test_daily_limit_shown,
              fixture_tear_down);
  g_test_add ("/judging-page/score-marks", Fixture, NULL, fixture_set_up, test_score_marks,
              fixture_tear_down);
  g_test_add_func ("/judging-page/no-campaign", test_no_campaign);
  g_test_add_func ("/judging-page/in-window", test_in_window);

  return g_test_run ();
}
