/* test-people-page.c — the people page and the person form on a real database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 */
#define G_LOG_DOMAIN "test-people-page"

#include "config.h"

#include <adwaita.h>

#include "tz-campaign-file.h"
#include "tz-people-page.h"
#include "tz-person-dialog.h"
#include "tz-person-model.h"
#include "tz-person.h"
#include "tz-settings.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  GtkWindow *window;
  TzPeoplePage *page;
} Fixture;

static gpointer
page_child (TzPeoplePage *page, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), TZ_TYPE_PEOPLE_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
dialog_child (TzPersonDialog *dialog, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), TZ_TYPE_PERSON_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static gint64
add_person (TzDb *db, const char *name, const char *id_number, const char *phone,
            const char *employer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();

  p->name = g_strdup (name);
  p->id_number = g_strdup (id_number);
  p->phone = g_strdup (phone);
  p->employer = g_strdup (employer);
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  g_autoptr (GSettings) settings = tz_settings_new ();
  GtkWidget *overlay;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "mask-personal-data");

  f->db = tz_test_open_db ();
  f->campaign_id = tz_campaign_import_file (f->db, path, &error);
  g_assert_no_error (error);
  add_person (f->db, "张三", "11010519491231002X", "13800138000", "哈尔滨电机厂");
  add_person (f->db, "李四", NULL, "13912345678", "齐齐哈尔市第一中学");
  add_person (f->db, "王五", NULL, NULL, "大庆油田");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  overlay = adw_toast_overlay_new ();
  f->page = g_object_ref (TZ_PEOPLE_PAGE (tz_people_page_new ()));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  tz_page_set_db (TZ_PAGE (f->page), f->db);
  tz_page_set_campaign_id (TZ_PAGE (f->page), f->campaign_id);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_present (f->window);
  tz_gui_test_flush (200);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GtkWindow *stray;

  /* Every dialog a test opened was closed by it. */
  g_assert_null (find_toplevel (TZ_TYPE_PERSON_DIALOG));
  while ((stray = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (stray);

  gtk_window_destroy (f->window);
  tz_gui_test_flush (50);
  g_assert_null (f->window);
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->db);
}

static GListModel *
shown_model (Fixture *f)
{
  GtkColumnView *view = page_child (f->page, "column_view");

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

/* The texts of every label under @widget, one per line. */
static void
collect_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
table_text (Fixture *f)
{
  GString *out = g_string_new (NULL);

  collect_labels (GTK_WIDGET (page_child (f->page, "column_view")), out);
  return g_string_free (out, FALSE);
}

static gboolean
table_has (Fixture *f, const char *text)
{
  g_autofree char *all = table_text (f);

  return strstr (all, text) != NULL;
}

/* Every button and text field can be found by a name: its label, tooltip or
 * accessible label. */
static void
assert_named (GtkWidget *widget)
{
  if ((GTK_IS_BUTTON (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget)) &&
      gtk_widget_get_visible (widget))
    {
      gboolean named = !tz_gui_test_is_empty (gtk_widget_get_tooltip_text (widget)) ||
                       gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL) ||
                       (GTK_IS_BUTTON (widget) &&
                        !tz_gui_test_is_empty (gtk_button_get_label (GTK_BUTTON (widget))));

      if (!named && GTK_IS_BUTTON (widget))
        {
          /* The toggle inside a menu button is named by the menu button's label. */
          GtkWidget *menu = gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON);

          named = menu != NULL &&
                  (!tz_gui_test_is_empty (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu))) ||
                   !tz_gui_test_is_empty (gtk_widget_get_tooltip_text (menu)));
        }
      if (!named && GTK_IS_EDITABLE (widget))
        {
          /* The text inside an entry row or a search entry takes its name from there. */
          GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
          GtkWidget *search = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY);

          named = (row != NULL && gtk_test_accessible_has_property (
                                      GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL)) ||
                  (search != NULL && search != widget &&
                   gtk_test_accessible_has_property (GTK_ACCESSIBLE (search),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL));
        }
      if (!named && gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL)
        named = TRUE; /* column headers are buttons named by their title */
      if (!named)
        g_error ("%s %p has no accessible name", G_OBJECT_TYPE_NAME (widget), widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_named (child);
}

static void
test_list_masked (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;
  GtkLabel *count = page_child (f->page, "count_label");
  GtkToggleButton *show_full = page_child (f->page, "show_full_button");

  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 3);
  g_assert_true (
      TZ_IS_PERSON_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown_model (f)))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==, "list");
  g_assert_nonnull (strstr (gtk_label_get_text (count), "3"));

  text = table_text (f);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "张三"));
  g_assert_nonnull (strstr (text, "齐齐哈尔市第一中学"));
  g_assert_nonnull (strstr (text, "110105********002X"));
  g_assert_nonnull (strstr (text, "138****8000"));
  g_assert_nonnull (strstr (text, "139****5678"));
  g_assert_null (strstr (text, "13800138000"));
  g_assert_null (strstr (text, "11010519491231002X"));
  g_assert_nonnull (strstr (text, "Female")); /* the ID number says so */

  /* For this session, the full numbers. */
  gtk_toggle_button_set_active (show_full, TRUE);
  tz_gui_test_flush (100);
  full = table_text (f);
  g_assert_nonnull (strstr (full, "13800138000"));
  g_assert_nonnull (strstr (full, "11010519491231002X"));
  gtk_toggle_button_set_active (show_full, FALSE);
  tz_gui_test_flush (100);
  g_clear_pointer (&full, g_free);
  full = table_text (f);
  g_assert_null (strstr (full, "13800138000"));

  assert_named (GTK_WIDGET (f->page));
}

static void
test_mask_setting_off (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = tz_settings_new ();
  g_autofree char *text = NULL;

  g_settings_set_boolean (settings, "mask-personal-data", FALSE);
  tz_gui_test_flush (100);
  text = table_text (f);
  g_assert_nonnull (strstr (text, "13800138000"));
  g_assert_false (gtk_widget_get_visible (page_child (f->page, "show_full_button")));
  g_settings_reset (settings, "mask-personal-data");
}

static void
test_search_as_you_type (Fixture *f, gconstpointer data)
{
  GtkEditable *search = page_child (f->page, "search_entry");
  GtkLabel *count = page_child (f->page, "count_label");
  g_autofree char *text = NULL;

  /* One character, then a unit, then nothing found, then everyone again. */
  gtk_editable_set_text (search, "张");
  tz_gui_test_flush (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 1);
  text = table_text (f);
  g_assert_nonnull (strstr (text, "张三"));
  g_assert_null (strstr (text, "李四"));
  g_assert_nonnull (strstr (gtk_label_get_text (count), "1 person found"));

  gtk_editable_set_text (search, "齐齐哈尔");
  tz_gui_test_flush (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 1);

  gtk_editable_set_text (search, "不存在");
  tz_gui_test_flush (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==,
                   "no-results");
  g_assert_nonnull (
      strstr (adw_status_page_get_description (page_child (f->page, "no_results_page")), "不存在"));

  gtk_editable_set_text (search, "");
  tz_gui_test_flush (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 3);
}

static TzPersonDialog *
open_add_dialog (Fixture *f)
{
  TzPersonDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.add", NULL));
  tz_gui_test_flush (100);
  dialog = TZ_PERSON_DIALOG (find_toplevel (TZ_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);
  return dialog;
}

static void
type_into (TzPersonDialog *dialog, const char *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, row)), text);
}

static char *
write_png (int width, int height)
{
  char *path = tz_test_tmpfile ("photo.png");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
test_dialog_invalid_then_valid (Fixture *f, gconstpointer data)
{
  TzPersonDialog *dialog = open_add_dialog (f);
  GtkWidget *save = dialog_child (dialog, "save_button");
  GtkWidget *phone_message_row = dialog_child (dialog, "phone_message_row");
  GtkLabel *phone_message = dialog_child (dialog, "phone_message");
  g_autofree char *photo = write_png (50, 70);
  g_autofree char *not_photo = tz_test_tmpfile ("notes.png");
  g_autoptr (GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr (GFile) not_photo_file = g_file_new_for_path (not_photo);
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;
  int position;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  assert_named (GTK_WIDGET (dialog));

  /* Empty: Save is disabled, and nothing is shouted at the user yet. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "name_message_row")));

  /* A name and a bad mobile number: the message under the field, Save disabled. */
  type_into (dialog, "name_row", "赵六");
  type_into (dialog, "phone_row", "12345");
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_visible (phone_message_row));
  g_assert_nonnull (strstr (gtk_label_get_text (phone_message), "Mobile number"));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "phone_row"), "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (tz_person_dialog_is_valid (dialog));
  /* Even forced, nothing is written. */
  g_assert_false (tz_person_dialog_save (dialog));
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 3);
  g_assert_nonnull (find_toplevel (TZ_TYPE_PERSON_DIALOG));

  /* Corrected: the message goes, Save is enabled. */
  type_into (dialog, "phone_row", "+86 139-0000-1111");
  tz_gui_test_flush (50);
  g_assert_false (gtk_widget_get_visible (phone_message_row));
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "phone_row"), "error"));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* An ID number fills in gender and birth month. */
  type_into (dialog, "id_number_row", "11010519491231002x");
  tz_gui_test_flush (50);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "gender_row")), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "birth_row")), ==, "1949-12");
  /* … and a birth month that contradicts it is caught. */
  type_into (dialog, "birth_row", "1950-01");
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "id_number_message_row")));
  g_assert_false (gtk_widget_get_sensitive (save));
  type_into (dialog, "id_number_row", "");
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* A file that is not a picture is refused; a PNG is previewed. */
  g_assert_true (g_file_set_contents (not_photo, "text", -1, NULL));
  g_assert_false (tz_person_dialog_set_photo (dialog, not_photo_file));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "photo_message")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog_child (dialog, "photo_stack")), ==,
                   "none");
  g_assert_true (tz_person_dialog_set_photo (dialog, photo_file));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "photo_message")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog_child (dialog, "photo_stack")), ==,
                   "photo");
  g_assert_nonnull (gtk_picture_get_paintable (dialog_child (dialog, "photo_picture")));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (
                       gtk_picture_get_paintable (dialog_child (dialog, "photo_picture"))),
                   ==, 50);

  /* Saved: the form closes, the person is in the list, selected, with the photo stored. */
  type_into (dialog, "employer_row", "鹤岗市总工会");
  adw_combo_row_set_selected (dialog_child (dialog, "ethnicity_row"), 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL));
  tz_gui_test_flush (100);
  g_assert_null (dialog);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 4);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person WHERE name = '赵六' "
                                             "AND phone = '13900001111' AND ethnicity = '回族'"),
                   ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 4);
  position = (int) gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown_model (f)));
  g_assert_cmpint (position, ==, 3);
  stored = tz_person_get_photo (f->db, 4, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
}

static void
test_dialog_duplicate_id (Fixture *f, gconstpointer data)
{
  TzPersonDialog *dialog = open_add_dialog (f);
  GtkLabel *message = dialog_child (dialog, "id_number_message");

  type_into (dialog, "name_row", "张叁");
  type_into (dialog, "id_number_row", "11010519491231002X");
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));
  g_assert_false (tz_person_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "id_number_message_row")));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "张三"));
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 3);

  /* Editing the number again takes the message away. */
  type_into (dialog, "id_number_row", "");
  tz_gui_test_flush (50);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "id_number_message_row")));

  gtk_window_close (GTK_WINDOW (dialog));
  tz_gui_test_flush (50);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 3);
}

static void
test_edit_and_delete (Fixture *f, gconstpointer data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (shown_model (f));
  TzPersonDialog *dialog;
  AdwMessageDialog *confirm;

  /* Nothing selected: nothing to edit. */
  g_assert_false (gtk_widget_get_sensitive (page_child (f->page, "edit_button")));
  gtk_single_selection_set_selected (selection, 0);
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_sensitive (page_child (f->page, "edit_button")));

  /* The form shows what is stored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.edit", NULL));
  tz_gui_test_flush (100);
  dialog = TZ_PERSON_DIALOG (find_toplevel (TZ_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (tz_person_dialog_get_person_id (dialog), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "name_row")), ==, "张三");
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "id_number_row")), ==,
                   "11010519491231002X");
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "gender_row")), ==, 2);
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));
  type_into (dialog, "position_row", "车间主任");
  g_assert_true (tz_person_dialog_save (dialog));
  tz_gui_test_flush (100);
  g_assert_cmpint (
      tz_test_query_int (f->db, "SELECT count(*) FROM person WHERE position = '车间主任'"), ==, 1);
  g_assert_true (table_has (f, "车间主任"));

  /* Delete asks first; cancelling keeps the person. */
  gtk_single_selection_set_selected (selection, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.delete", NULL));
  tz_gui_test_flush (50);
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (confirm), "王五"));
  adw_message_dialog_response (confirm, "cancel");
  tz_gui_test_flush (50);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "people.delete", NULL));
  tz_gui_test_flush (50);
  confirm = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (confirm, "delete");
  tz_gui_test_flush (50);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 2);
  g_assert_false (table_has (f, "王五"));
}

static void
test_many_people (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GtkLabel *count = page_child (f->page, "count_label");
  TzPersonModel *model;

  /* 5 000 more: the view reads the rows it shows, not all of them. */
  g_assert_true (tz_db_begin (f->db, &error));
  stmt = tz_db_prepare (f->db, "INSERT INTO person (name) VALUES ('职工' || ?)", &error);
  for (int i = 0; i < 5000; i++)
    {
      sqlite3_bind_int (stmt, 1, i);
      g_assert_true (tz_db_step_done (f->db, stmt, &error));
      sqlite3_reset (stmt);
    }
  g_assert_true (tz_db_commit (f->db, &error));
  tz_gui_test_flush (100);

  model = TZ_PERSON_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown_model (f))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5003);
  g_assert_cmpuint (tz_person_model_get_pages_read (model), <=, 3);
  g_assert_nonnull (strstr (gtk_label_get_text (count), "5"));
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

  g_test_add ("/people-page/list-masked", Fixture, NULL, fixture_set_up, test_list_masked,
              fixture_tear_down);
  g_test_add ("/people-page/mask-setting-off", Fixture, NULL, fixture_set_up, test_mask_setting_off,
              fixture_tear_down);
  g_test_add ("/people-page/search-as-you-type", Fixture, NULL, fixture_set_up,
              test_search_as_you_type, fixture_tear_down);
  g_test_add ("/people-page/dialog-invalid-then-valid", Fixture, NULL, fixture_set_up,
              test_dialog_invalid_then_valid, fixture_tear_down);
  g_test_add ("/people-page/dialog-duplicate-id", Fixture, NULL, fixture_set_up,
              test_dialog_duplicate_id, fixture_tear_down);
  g_test_add ("/people-page/edit-and-delete", Fixture, NULL, fixture_set_up, test_edit_and_delete,
              fixture_tear_down);
  g_test_add ("/people-page/many-people", Fixture, NULL, fixture_set_up, test_many_people,
              fixture_tear_down);

  return g_test_run ();
}
