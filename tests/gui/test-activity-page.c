/* test-activity-page.c — offline activities on the Heilongjiang campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 */
#define G_LOG_DOMAIN "test-activity-page"

#include "config.h"

#include <adwaita.h>

#include "tz-activity-dialog.h"
#include "tz-activity-page.h"
#include "tz-activity.h"
#include "tz-attachment.h"
#include "tz-campaign-file.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"

#define HARBIN "哈尔滨市总工会"
#define DAQING "大庆市总工会"
#define TITLE  "走进哈电集团宣讲网络文明公约"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  GtkWindow *window;
  TzActivityPage *page;
  char *photo; /* a small PNG to attach */
} Fixture;

static gpointer
page_child (TzActivityPage *page, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), TZ_TYPE_ACTIVITY_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
dialog_child (TzActivityDialog *dialog, const char *name)
{
  GObject *child =
      gtk_widget_get_template_child (GTK_WIDGET (dialog), TZ_TYPE_ACTIVITY_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static char *
write_png (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  char *path = tz_test_tmpfile ("宣讲现场.png");

  gdk_pixbuf_fill (pixbuf, 0xc0392bff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

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
  f->photo = write_png ();

  f->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (f->window, 1000, 700);
  f->page = g_object_ref (TZ_ACTIVITY_PAGE (tz_activity_page_new ()));
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
  /* The window holds the page until it is finalized. */
  if (f->window != NULL)
    {
      gtk_window_destroy (f->window);
      tz_gui_test_flush (100);
      g_assert_finalize_object (f->window);
    }
  if (f->page != NULL)
    g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->db);
  g_free (f->photo);
}

static TzActivityDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TZ_IS_ACTIVITY_DIALOG (window))
        return TZ_ACTIVITY_DIALOG (window);
    }
  return NULL;
}

static guint
position_of (GListModel *names, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static GListModel *
shown_model (Fixture *f)
{
  return G_LIST_MODEL (gtk_list_view_get_model (page_child (f->page, "list_view")));
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (shown_model (f));
}

/* The search entry waits a moment after typing; slow runs (valgrind) wait longer. */
static void
wait_for_n_shown (Fixture *f, guint n)
{
  for (guint i = 0; i < 100 && n_shown (f) != n; i++)
    tz_gui_test_flush (50);
  g_assert_cmpuint (n_shown (f), ==, n);
}

static void
shown_item (Fixture *f, guint position, gint64 *id, char **uuid, char **title, guint *n_files)
{
  g_autoptr (GObject) item = g_list_model_get_item (shown_model (f), position);
  g_autofree char *item_uuid = NULL;
  g_autofree char *item_title = NULL;
  gint64 item_id = 0;
  guint item_files = 0;

  g_assert_nonnull (item);
  g_object_get (item, "id", &item_id, "uuid", &item_uuid, "title", &item_title, "n-attachments",
                &item_files, NULL);
  if (id != NULL)
    *id = item_id;
  if (uuid != NULL)
    *uuid = g_steal_pointer (&item_uuid);
  if (title != NULL)
    *title = g_steal_pointer (&item_title);
  if (n_files != NULL)
    *n_files = item_files;
}

/* A thumbnail is a GtkPicture named evidence-thumbnail, shown once its image is decoded. */
static GtkPicture *
find_thumbnail (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkPicture *found;

      if (GTK_IS_PICTURE (child) &&
          g_strcmp0 (gtk_widget_get_name (child), "evidence-thumbnail") == 0)
        return GTK_PICTURE (child);
      found = find_thumbnail (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GdkPaintable *
wait_for_thumbnail (TzActivityDialog *dialog)
{
  GtkPicture *picture = find_thumbnail (dialog_child (dialog, "evidence_box"));

  g_assert_nonnull (picture);
  for (guint i = 0; i < 50 && gtk_picture_get_paintable (picture) == NULL; i++)
    tz_gui_test_flush (40);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picture)));
  return gtk_picture_get_paintable (picture);
}

static void
fill_dialog (TzActivityDialog *dialog, const char *unit, const char *date, const char *title)
{
  AdwComboRow *unit_row = dialog_child (dialog, "unit_row");

  adw_combo_row_set_selected (unit_row, position_of (adw_combo_row_get_model (unit_row), unit));
  gtk_editable_set_text (dialog_child (dialog, "date_row"), date);
  gtk_editable_set_text (dialog_child (dialog, "title_row"), title);
  gtk_editable_set_text (dialog_child (dialog, "place_row"), "哈尔滨电机厂");
  gtk_spin_button_set_value (dialog_child (dialog, "participants_spin"), 60);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (dialog_child (dialog, "summary_view")),
                            "组织职工学习网络文明公约，发放宣传手册。", -1);
}

/* Adds the activity through the dialog, as the user does; returns its id. */
static gint64
add_through_dialog (Fixture *f, gboolean with_photo)
{
  g_autoptr (GError) error = NULL;
  TzActivityDialog *dialog;
  gint64 id = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.add", NULL));
  tz_gui_test_flush (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  fill_dialog (dialog, HARBIN, "2022-08-16", TITLE);
  if (with_photo)
    {
      g_autoptr (GFile) file = g_file_new_for_path (f->photo);

      tz_activity_dialog_add_file (dialog, file);
      g_assert_cmpuint (tz_activity_dialog_get_n_files (dialog), ==, 1);
      g_assert_nonnull (wait_for_thumbnail (dialog));
    }
  g_assert_true (tz_activity_dialog_is_valid (dialog));
  g_assert_true (tz_activity_dialog_save (dialog, &error));
  g_assert_no_error (error);
  tz_gui_test_flush (100);
  g_assert_null (find_dialog ());

  g_assert_cmpuint (n_shown (f), >=, 1);
  shown_item (f, 0, &id, NULL, NULL, NULL);
  return id;
}

static void
test_empty_then_add (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = NULL;
  guint n_files = 0;
  gint64 id;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==, "empty");
  g_assert_cmpuint (n_shown (f), ==, 0);

  id = add_through_dialog (f, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==, "list");
  g_assert_cmpuint (n_shown (f), ==, 1);
  shown_item (f, 0, NULL, &uuid, &title, &n_files);
  g_assert_cmpstr (title, ==, TITLE);
  g_assert_cmpuint (n_files, ==, 1);
  g_assert_false (tz_gui_test_is_empty (uuid));

  /* The photo was copied into the files folder, under the activity. */
  files = tz_attachment_list (f->db, TZ_ATTACHMENT_OWNER_ACTIVITY, id, "evidence", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (((TzAttachment *) files->pdata[0])->file_name, ==, "宣讲现场.png");
  g_assert_cmpstr (((TzAttachment *) files->pdata[0])->mime_type, ==, "image/png");
}

static void
test_dialog_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing =
      g_build_filename (g_get_tmp_dir (), "taizhang-no-such-photo.jpg", NULL);
  g_autoptr (GFile) missing_file = g_file_new_for_path (missing);
  TzActivityDialog *dialog;
  g_autoptr (GDateTime) day = g_date_time_new_local (2022, 9, 3, 12, 0, 0);
  GtkRevealer *revealer;
  GtkLabel *message;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.add", NULL));
  tz_gui_test_flush (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  revealer = dialog_child (dialog, "error_revealer");
  message = dialog_child (dialog, "error_label");

  /* A new activity starts on a date inside the campaign, without a unit or a title. */
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "date_row")), ==, "2022-10-31");
  g_assert_false (tz_activity_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));

  fill_dialog (dialog, HARBIN, "2022-02-30", TITLE);
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "2022-02-30"));

  /* Outside the campaign's period: the core's message. */
  gtk_editable_set_text (dialog_child (dialog, "date_row"), "2021-08-16");
  g_assert_false (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "2021-08-16"));

  gtk_editable_set_text (dialog_child (dialog, "date_row"), "2022-08-16");
  g_assert_true (gtk_widget_is_sensitive (dialog_child (dialog, "save_button")));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* The calendar writes the date it is set to. */
  gtk_calendar_select_day (dialog_child (dialog, "calendar"), day);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "date_row")), ==, "2022-09-03");

  /* The summary counts characters against the limit. */
  g_assert_cmpstr (gtk_label_get_text (dialog_child (dialog, "summary_count_label")), ==,
                   "20 / 2000");

  /* A file that vanished before saving: said clearly, nothing saved, the dialog stays. */
  tz_activity_dialog_add_file (dialog, missing_file);
  g_assert_false (tz_activity_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "taizhang-no-such-photo.jpg"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "taizhang-no-such-photo.jpg"));
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM attachment"), ==, 0);
  g_assert_true (find_dialog () == dialog);

  gtk_window_close (GTK_WINDOW (dialog));
  tz_gui_test_flush (100);
  g_assert_null (find_dialog ());
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *back_uuid = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  guint n_files = 0;
  gint64 back_id = 0;
  gint64 id;

  id = add_through_dialog (f, TRUE);
  shown_item (f, 0, NULL, &uuid, NULL, NULL);
  files = tz_attachment_list (f->db, TZ_ATTACHMENT_OWNER_ACTIVITY, id, NULL, &error);
  stored = tz_attachment_path (f->db, files->pdata[0]);

  /* Through the row's Delete button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.delete", "x", id));
  tz_gui_test_flush (100);
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));

  g_assert_true (tz_activity_page_undo_delete (f->page));
  tz_gui_test_flush (100);
  g_assert_cmpuint (n_shown (f), ==, 1);
  shown_item (f, 0, &back_id, &back_uuid, NULL, &n_files);
  g_assert_cmpint (back_id, ==, id);
  g_assert_cmpstr (back_uuid, ==, uuid);
  g_assert_cmpuint (n_files, ==, 1);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
  g_assert_false (tz_activity_page_undo_delete (f->page));

  /* Deleted again and the page goes without Undo: the deletion is final, the file goes. */
  g_assert_true (tz_activity_page_delete_activity (f->page, id));
  tz_gui_test_flush (100);
  g_assert_cmpuint (n_shown (f), ==, 0);
  gtk_window_destroy (f->window);
  tz_gui_test_flush (100);
  g_assert_finalize_object (f->window);
  f->window = NULL;
  g_assert_finalize_object (f->page);
  f->page = NULL;
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM activity"), ==, 0);
}

static void
test_edit_shows_thumbnail (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  TzActivityDialog *dialog;
  GdkPaintable *thumbnail;
  guint n_files = 9;
  gint64 id;

  id = add_through_dialog (f, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.edit", "x", id));
  tz_gui_test_flush (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "title_row")), ==, TITLE);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "date_row")), ==, "2022-08-16");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dialog_child (dialog, "participants_spin")),
                   ==, 60);

  /* The stored photo is shown as a thumbnail of its own pixels. */
  g_assert_cmpuint (tz_activity_dialog_get_n_files (dialog), ==, 1);
  thumbnail = wait_for_thumbnail (dialog);
  g_assert_nonnull (thumbnail);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (thumbnail), ==, 64);

  gtk_editable_set_text (dialog_child (dialog, "title_row"), "走进哈电集团（第二场）");
  g_assert_true (tz_activity_dialog_save (dialog, &error));
  g_assert_no_error (error);
  tz_gui_test_flush (100);
  shown_item (f, 0, NULL, NULL, &title, &n_files);
  g_assert_cmpstr (title, ==, "走进哈电集团（第二场）");
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_filter (Fixture *f, gconstpointer data)
{
  GtkDropDown *units = page_child (f->page, "unit_filter");
  GtkStack *stack = page_child (f->page, "stack");

  add_through_dialog (f, FALSE);
  g_assert_cmpuint (n_shown (f), ==, 1);

  gtk_editable_set_text (page_child (f->page, "search_entry"), "哈电");
  tz_gui_test_flush (300);
  wait_for_n_shown (f, 1);
  gtk_editable_set_text (page_child (f->page, "search_entry"), "鸡西");
  wait_for_n_shown (f, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "none-found");
  gtk_editable_set_text (page_child (f->page, "search_entry"), "");
  wait_for_n_shown (f, 1);

  /* One unit at a time: Daqing held none, Harbin one. */
  gtk_drop_down_set_selected (units, position_of (gtk_drop_down_get_model (units), DAQING));
  wait_for_n_shown (f, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "none-found");
  gtk_drop_down_set_selected (units, position_of (gtk_drop_down_get_model (units), HARBIN));
  wait_for_n_shown (f, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (f->page, "count_label")), "1"));
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

  g_test_add ("/activity-page/empty-then-add", Fixture, NULL, fixture_set_up, test_empty_then_add,
              fixture_tear_down);
  g_test_add ("/activity-page/dialog-validation", Fixture, NULL, fixture_set_up,
              test_dialog_validation, fixture_tear_down);
  g_test_add ("/activity-page/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo,
              fixture_tear_down);
  g_test_add ("/activity-page/edit-shows-thumbnail", Fixture, NULL, fixture_set_up,
              test_edit_shows_thumbnail, fixture_tear_down);
  g_test_add ("/activity-page/filter", Fixture, NULL, fixture_set_up, test_filter,
              fixture_tear_down);

  return g_test_run ();
}
