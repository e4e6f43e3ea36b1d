/* test-exchange.c — the exchange between units in the GUI, on real databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import preview of a filled table (a CSV written here), the package
 * dialog on a package exported from a second database, the import history
 * and the window's dispatch of dropped files. Runs under a display (xvfb-run);
 * without one the whole program is skipped. Each dialog is also saved as a
 * PNG in TZ_SCREENSHOT_DIR (default <build>/screenshots).
 */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "tz-campaign-file.h"
#include "tz-entry.h"
#include "tz-i18n.h"
#include "tz-import-dialog.h"
#include "tz-imports-window.h"
#include "tz-package-dialog.h"
#include "tz-person.h"
#include "tz-resident-id.h"
#include "tz-settings.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-unit.h"
#include "tz-window.h"

#define HARBIN "哈尔滨市总工会"
#define STORY  "《传播网络正能量，讲述奋进故事》评选活动"

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  gint64 track_id; /* the first nomination track: person, 事迹简介 */
  GtkWindow *window;
  GtkWidget *owner; /* in the window's toast overlay */
} Fixture;

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
destroy_toplevels (GType type)
{
  GtkWindow *stray;

  while ((stray = find_toplevel (type)) != NULL)
    gtk_window_destroy (stray);
}

/* Saves what @window shows as @name.png in TZ_SCREENSHOT_DIR, or in
 * <build>/screenshots when that is not set, so that every run leaves pictures
 * to look at. */
static void
screenshot (GtkWindow *window, const char *name)
{
  const char *dir = g_getenv ("TZ_SCREENSHOT_DIR");
  g_autofree char *fallback = NULL;
  g_autofree char *path = NULL;

  if (tz_gui_test_is_empty (dir))
    dir = fallback = g_build_filename (g_getenv ("TZ_BUILD_DIR"), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  tz_gui_test_save_png (GTK_WIDGET (window), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Every button and text field can be found by a name. */
static void
assert_named (GtkWidget *widget)
{
  /* Hidden parts (a closed popover) are named when they are shown. */
  if (!gtk_widget_get_visible (widget))
    return;
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
          GtkWidget *menu = gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON);
          GtkWidget *dropdown = gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN);

          named =
              (menu != NULL &&
               (!tz_gui_test_is_empty (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu))) ||
                !tz_gui_test_is_empty (gtk_widget_get_tooltip_text (menu)))) ||
              (dropdown != NULL && !tz_gui_test_is_empty (gtk_widget_get_tooltip_text (dropdown)));
        }
      if (!named && gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL)
        named = TRUE; /* column headers are named by their title, cells by their column */
      if (!named && gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) != NULL &&
          !GTK_IS_TOGGLE_BUTTON (widget))
        named = TRUE; /* the expander's own arrow, named by its row */
      if (!named)
        g_error ("%s %p has no accessible name", G_OBJECT_TYPE_NAME (widget), widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_named (child);
}

/* The suggested-action button of a dialog's header (Import, Apply). */
static GtkWidget *
find_suggested (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_suggested (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The entry of the cell being edited (a stack of the cell showing "edit"), or NULL. */
static GtkWidget *
editing_entry (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (widget)), "edit") == 0)
    return gtk_stack_get_visible_child (GTK_STACK (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = editing_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_widget_with_class (GtkWidget *widget, const char *css_class)
{
  if (gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, css_class))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_widget_with_class (child, css_class))
      return TRUE;
  return FALSE;
}

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
shown_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

static char *
valid_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, tz_resident_id_check_char (first17));
}

static char *
write_file (const char *name, const char *text)
{
  char *path = tz_test_tmpfile (name);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
import_campaign (TzDb *db, const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_source_path ("data", "campaigns", file, NULL);
  gint64 id = tz_campaign_import_file (db, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = tz_settings_new ();
  GtkWidget *overlay;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "mask-personal-data");
  tz_gui_set_show_full_numbers (FALSE);

  f->db = tz_test_open_db ();
  f->campaign_id = import_campaign (f->db, "heilongjiang-2022-workers-netizens.json");
  f->track_id = tz_test_query_int (
      f->db, "SELECT id FROM track WHERE entry_kind = 'nomination' ORDER BY seq LIMIT 1");
  g_assert_cmpint (f->track_id, >, 0);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 600);
  overlay = adw_toast_overlay_new ();
  f->owner = gtk_label_new ("owner");
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), f->owner);
  gtk_window_set_child (f->window, overlay);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_present (f->window);
  tz_gui_test_flush (100);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_null (find_toplevel (TZ_TYPE_IMPORT_DIALOG));
  g_assert_null (find_toplevel (TZ_TYPE_PACKAGE_DIALOG));
  destroy_toplevels (TZ_TYPE_IMPORTS_WINDOW);
  gtk_window_destroy (f->window);
  tz_gui_test_flush (50);
  g_assert_null (f->window);
  g_assert_finalize_object (f->db);
}

/* One good row, one with a wrong check digit (row 3 of the sheet). */
static char *
bad_csv (char **good_id, char **bad_id)
{
  g_autofree char *good = valid_id ("23010219850312002");
  g_autofree char *other = valid_id ("23060219900101003");
  char *bad = g_strdup (other);

  bad[17] = bad[17] == '1' ? '2' : '1';
  *good_id = g_strdup (good);
  *bad_id = g_strdup (other);
  return g_strdup_printf ("姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n"
                          "王红,汉族,中共党员,%s,13800138000,电机厂,哈尔滨市总工会,好\n"
                          "李明,汉族,群众,%s,13900139000,油田,大庆市总工会,好\n",
                          good, bad);
}

static guint
id_column (TzImportDialog *dialog)
{
  guint column = 0;

  g_assert_nonnull (
      tz_table_layout_find (tz_table_import_get_layout (tz_import_dialog_get_import (dialog)),
                            TZ_TABLE_FIELD_ID_NUMBER, &column));
  return column;
}

static void
test_import_fix (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *good_id = NULL;
  g_autofree char *fixed_id = NULL;
  g_autofree char *text = bad_csv (&good_id, &fixed_id);
  g_autofree char *path = write_file ("filled.csv", text);
  g_autofree char *shown = NULL;
  g_autofree char *cell = NULL;
  TzImportDialog *dialog;
  GtkWidget *import_button;
  guint col;

  dialog = tz_import_dialog_new (f->owner, f->db, f->campaign_id, f->track_id, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  tz_gui_test_flush (200);
  g_assert_false (tz_import_dialog_is_template (dialog));
  col = id_column (dialog);

  /* Counts, the bad row marked in the table and listed below it. */
  shown = shown_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (shown, "New: 1"));
  g_assert_nonnull (strstr (shown, "With problems: 1"));
  g_assert_nonnull (strstr (shown, "王红"));
  g_assert_true (has_widget_with_class (GTK_WIDGET (dialog), "error"));
  g_assert_true (tz_import_dialog_cell_has_problem (dialog, 1, col));
  g_assert_false (tz_import_dialog_cell_has_problem (dialog, 0, col));
  g_assert_cmpuint (tz_import_dialog_get_n_listed_problems (dialog), ==, 1);
  g_assert_nonnull (strstr (tz_import_dialog_get_listed_problem (dialog, 0), "Row 3"));
  g_assert_nonnull (strstr (tz_import_dialog_get_listed_problem (dialog, 0), "身份证号"));
  /* ID numbers are masked in the preview. */
  cell = tz_import_dialog_get_cell_text (dialog, 0, col);
  g_assert_cmpstr (cell, !=, good_id);
  g_assert_nonnull (strstr (cell, "*"));
  g_assert_null (strstr (shown, good_id));

  /* Import is refused while a row has a problem. */
  import_button = find_suggested (GTK_WIDGET (dialog));
  g_assert_nonnull (import_button);
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_false (tz_import_dialog_can_import (dialog));
  g_assert_false (tz_import_dialog_import (dialog));
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 0);

  /* The problem selects its row. */
  tz_import_dialog_activate_problem (dialog, 0);
  g_assert_cmpint (tz_import_dialog_get_selected_row (dialog), ==, 1);

  assert_named (GTK_WIDGET (dialog));
  screenshot (GTK_WINDOW (dialog), "import-dialog");

  /* Fixed in place: Enter on the row opens the editor of its bad cell, with
   * the full number in it; Enter in the editor saves it. */
  {
    GtkWidget *view = find_type (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW);
    GtkWidget *focus;

    g_assert_nonnull (view);
    /* Under load the rows may be laid out late: ask again until the editor shows. */
    for (guint tries = 0; tries < 40 && (focus = editing_entry (view)) == NULL; tries++)
      {
        g_signal_emit_by_name (view, "activate", 1);
        tz_gui_test_flush (50);
      }
    g_assert_nonnull (focus);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), !=, "");
    g_assert_null (strstr (gtk_editable_get_text (GTK_EDITABLE (focus)), "*"));
    gtk_editable_set_text (GTK_EDITABLE (focus), fixed_id);
    g_signal_emit_by_name (focus, "activate");
    tz_gui_test_flush (50);
  }
  g_assert_false (tz_import_dialog_cell_has_problem (dialog, 1, col));
  g_assert_cmpuint (tz_import_dialog_get_n_listed_problems (dialog), ==, 0);
  g_assert_true (tz_import_dialog_can_import (dialog));
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (import_button)), ==, "_Import 2 Rows");

  /* Import: the rows are in the database, one line in the history, the dialog gone. */
  g_assert_true (tz_import_dialog_import (dialog));
  tz_gui_test_flush (50);
  g_assert_null (dialog);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person WHERE name = '李明'"), ==,
                   1);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM import_log WHERE kind = 'table' "
                                             "AND rows_added = 2"),
                   ==, 1);
}

static void
test_import_drop_row (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *good_id = NULL;
  g_autofree char *fixed_id = NULL;
  g_autofree char *text = bad_csv (&good_id, &fixed_id);
  g_autofree char *path = write_file ("dropped.csv", text);
  g_autofree char *shown = NULL;
  TzImportDialog *dialog;

  dialog = tz_import_dialog_new (f->owner, f->db, f->campaign_id, f->track_id, path, &error);
  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  tz_gui_test_flush (100);
  g_assert_false (tz_import_dialog_can_import (dialog));

  tz_import_dialog_set_dropped (dialog, 1, TRUE);
  tz_gui_test_flush (50);
  g_assert_true (tz_import_dialog_can_import (dialog));
  g_assert_cmpuint (tz_import_dialog_get_n_listed_problems (dialog), ==, 0);
  shown = shown_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (shown, "Dropped: 1"));
  g_assert_nonnull (strstr (shown, "Dropped\n"));

  g_assert_true (tz_import_dialog_import (dialog));
  tz_gui_test_flush (50);
  g_assert_null (dialog);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (
      tz_test_query_int (f->db, "SELECT rows_dropped FROM import_log WHERE kind = 'table'"), ==, 1);
}

/* Another track: the preview is read again for it. */
static void
test_import_track (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_file ("plain.csv", "姓名,手机号\n王红,13800138000\n");
  gint64 other = tz_test_query_int (f->db, "SELECT id FROM track WHERE entry_kind = 'work' AND "
                                           "entrant_kind = 'person' ORDER BY seq LIMIT 1");
  TzImportDialog *dialog;

  dialog = tz_import_dialog_new (f->owner, f->db, f->campaign_id, 0, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_table_import_get_track_id (tz_import_dialog_get_import (dialog)), >, 0);
  g_assert_true (tz_import_dialog_set_track (dialog, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_table_import_get_track_id (tz_import_dialog_get_import (dialog)), ==, other);
  gtk_window_destroy (GTK_WINDOW (dialog));
  tz_gui_test_flush (50);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 0);
}

static gint64
unit_id (TzDb *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tz_unit_resolve (db, 0, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (TzDb *db, const char *name, const char *id_number, const char *phone)
{
  g_autoptr (TzPerson) p = tz_person_new ();
  g_autoptr (GError) error = NULL;

  p->name = g_strdup (name);
  p->id_number = g_strdup (id_number);
  p->phone = g_strdup (phone);
  p->ethnicity = g_strdup ("汉族");
  p->unit_id = unit_id (db, HARBIN);
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

/* An entry of the person in the story track, recommended by Harbin. */
static void
add_entry (TzDb *db, gint64 campaign_id, gint64 person_id, const char *title)
{
  g_autoptr (TzEntry) e = tz_entry_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
      "SELECT id FROM track WHERE campaign_id = %" G_GINT64_FORMAT " AND name = '%s'", campaign_id,
      STORY);

  e->campaign_id = campaign_id;
  e->track_id = tz_test_query_int (db, sql);
  e->title = g_strdup (title);
  e->person_id = person_id;
  e->recommending_unit_id = unit_id (db, HARBIN);
  e->summary = g_strdup ("三十年扎根一线。");
  g_assert_true (tz_entry_save (db, e, &error));
  g_assert_no_error (error);
}

/* A package of a lower unit's database (the same campaign): two people with
 * entries; the upper one (f->db) already has 王师傅 with another mobile
 * number, a conflict. */
static char *
make_package (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) lower = tz_test_open_db ();
  char *package = tz_test_tmpfile ("harbin.tzpkg");
  gint64 lower_campaign = import_campaign (lower, "heilongjiang-2022-workers-netizens.json");
  guint n = 0;

  add_entry (lower, lower_campaign,
             add_person (lower, "王师傅", "110105198001010016", "13800138000"), "王师傅的创新故事");
  add_entry (lower, lower_campaign, add_person (lower, "李娟", "110105198512310029", "13900139000"),
             "李娟的奋进之路");
  add_person (f->db, "王师傅", "110105198001010016", "13600136000");
  g_assert_cmpint (tz_package_default_unit (lower, lower_campaign), >, 0);
  g_assert_true (
      tz_package_export (lower, lower_campaign, unit_id (lower, HARBIN), package, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 2);
  return package;
}

static void
test_package (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *package = make_package (f);
  g_autofree char *garbage = write_file ("broken.tzpkg", "this is not a package");
  g_autofree char *shown = NULL;
  g_autoptr (GFile) broken = g_file_new_for_path (garbage);
  TzPackageDialog *dialog;
  GtkWindow *refused;
  GtkWidget *apply;
  TzPackage *pkg;
  guint conflict = G_MAXUINT;

  dialog = tz_package_dialog_new (f->owner, f->db, package, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  tz_gui_test_flush (200);
  pkg = tz_package_dialog_get_package (dialog);
  for (guint i = 0; i < tz_package_get_n_records (pkg); i++)
    if (tz_package_get_record (pkg, i)->status == TZ_PACKAGE_STATUS_CONFLICT)
      conflict = i;
  g_assert_cmpuint (conflict, !=, G_MAXUINT);

  shown = shown_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (shown, HARBIN));
  g_assert_nonnull (strstr (shown, "王师傅"));
  g_assert_nonnull (strstr (shown, "李娟"));
  g_assert_nonnull (strstr (shown, "Conflicts: 1 (1 to decide)"));
  /* Mobile numbers are masked in the differences. */
  g_assert_null (strstr (shown, "13600136000"));

  apply = find_suggested (GTK_WIDGET (dialog));
  g_assert_nonnull (apply);
  g_assert_false (gtk_widget_get_sensitive (apply));
  g_assert_false (tz_package_dialog_can_apply (dialog));
  g_assert_false (tz_package_dialog_apply (dialog));

  tz_package_dialog_set_filter (dialog, TZ_PACKAGE_STATUS_CONFLICT);
  g_assert_cmpuint (tz_package_dialog_get_n_shown (dialog), ==, 1);
  tz_package_dialog_set_filter (dialog, -1);
  g_assert_cmpuint (tz_package_dialog_get_n_shown (dialog), ==, tz_package_get_n_records (pkg));

  assert_named (GTK_WIDGET (dialog));
  screenshot (GTK_WINDOW (dialog), "package-dialog");

  /* Keep all ours, then change the mind for the one: take theirs. */
  tz_package_dialog_set_all_conflicts (dialog, TZ_PACKAGE_CHOICE_OURS);
  g_assert_true (gtk_widget_get_sensitive (apply));
  tz_package_dialog_set_choice (dialog, conflict, TZ_PACKAGE_CHOICE_THEIRS);
  g_assert_cmpint (tz_package_get_record (pkg, conflict)->choice, ==, TZ_PACKAGE_CHOICE_THEIRS);
  g_assert_true (tz_package_dialog_apply (dialog));
  tz_gui_test_flush (50);
  g_assert_null (dialog);
  g_assert_cmpint (
      tz_test_query_int (f->db, "SELECT count(*) FROM person WHERE phone = '13800138000'"), ==, 1);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM entry"), ==, 2);
  g_assert_cmpint (
      tz_test_query_int (f->db, "SELECT count(*) FROM import_log WHERE kind = 'package'"), ==, 1);

  /* A damaged package is refused with the core's message. */
  refused = tz_package_dialog_open_file (f->owner, f->db, broken);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (refused));
  g_assert_null (find_toplevel (TZ_TYPE_PACKAGE_DIALOG));
  gtk_window_destroy (refused);
}

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *good_id = NULL;
  g_autofree char *fixed_id = NULL;
  g_autofree char *text = bad_csv (&good_id, &fixed_id);
  g_autofree char *path = write_file ("history.csv", text);
  g_auto (TzImportResult) result = { 0 };
  TzTableImportCounts counts = { 0 };
  g_auto (GStrv) row = NULL;
  g_autofree char *shown = NULL;
  TzImportsWindow *window;
  /* The campaign file's own import is the first line. */
  guint before = (guint) tz_test_query_int (f->db, "SELECT count(*) FROM import_log");

  window = tz_imports_window_new (f->window, f->db, f->campaign_id);
  gtk_window_present (GTK_WINDOW (window));
  tz_gui_test_flush (100);
  g_assert_cmpuint (tz_imports_window_get_n_imports (window), ==, before);

  /* An import elsewhere shows up at once. */
  g_assert_false (tz_table_import_run (f->db, f->campaign_id, f->track_id, path, FALSE, &result,
                                       &counts, &error));
  g_clear_error (&error);
  tz_import_result_clear (&result);
  {
    g_autofree char *good =
        g_strdup_printf ("姓名,民族,政治面貌,身份证号,手机号,工作单位,推荐单位,事迹简介\n"
                         "王红,汉族,中共党员,%s,13800138000,电机厂,哈尔滨市总工会,好\n",
                         good_id);
    g_autofree char *good_path = write_file ("history-good.csv", good);

    g_assert_true (tz_table_import_run (f->db, f->campaign_id, f->track_id, good_path, FALSE,
                                        &result, &counts, &error));
    g_assert_no_error (error);
  }
  tz_gui_test_flush (100);
  g_assert_cmpuint (tz_imports_window_get_n_imports (window), ==, before + 1);
  row = tz_imports_window_get_row_texts (window, 0);
  g_assert_cmpstr (row[3], ==, "history-good.csv");
  g_assert_cmpstr (row[2], ==, "Filled table");
  g_assert_cmpstr (row[4], ==, "1"); /* read */
  g_assert_cmpstr (row[5], ==, "1"); /* added */
  g_assert_false (tz_gui_test_is_empty (row[0]));
  shown = shown_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (shown, "history-good.csv"));
  assert_named (GTK_WIDGET (window));
  screenshot (GTK_WINDOW (window), "imports-window");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_file_kinds (void)
{
  g_assert_cmpint (tz_exchange_file_kind ("报名表.xlsx"), ==, TZ_EXCHANGE_FILE_TABLE);
  g_assert_cmpint (tz_exchange_file_kind ("a.CSV"), ==, TZ_EXCHANGE_FILE_TABLE);
  g_assert_cmpint (tz_exchange_file_kind ("harbin.tzpkg"), ==, TZ_EXCHANGE_FILE_PACKAGE);
  g_assert_cmpint (tz_exchange_file_kind ("campaign.json"), ==, TZ_EXCHANGE_FILE_CAMPAIGN);
  g_assert_cmpint (tz_exchange_file_kind ("photo.png"), ==, TZ_EXCHANGE_FILE_UNKNOWN);
  g_assert_cmpint (tz_exchange_file_kind ("xlsx"), ==, TZ_EXCHANGE_FILE_UNKNOWN);
}

/* The window opens a dropped file by its kind (win.open-file is what the drop target calls). */
static void
test_window_drop (Fixture *f, gconstpointer data)
{
  g_autofree char *good_id = NULL;
  g_autofree char *fixed_id = NULL;
  g_autofree char *text = bad_csv (&good_id, &fixed_id);
  g_autofree char *csv = write_file ("dropped-table.csv", text);
  g_autofree char *pkg = write_file ("dropped.tzpkg", "not a zip");
  g_autofree char *other = write_file ("notes.txt", "hello");
  g_autofree char *campaign =
      tz_test_source_path ("data", "campaigns", "hunan-2023-workers-netizens.json", NULL);
  TzWindow *window = g_object_ref (tz_window_new (NULL));
  GtkWindow *dialog;

  g_assert_true (tz_window_open_database (window, tz_db_get_path (f->db)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  tz_gui_test_flush (200);
  g_assert_cmpint (tz_window_get_campaign_id (window), ==, f->campaign_id);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", csv);
  tz_gui_test_flush (100);
  dialog = find_toplevel (TZ_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  screenshot (GTK_WINDOW (window), "window-with-import");
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", pkg);
  tz_gui_test_flush (100);
  g_assert_null (find_toplevel (TZ_TYPE_PACKAGE_DIALOG));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", other);
  tz_gui_test_flush (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_toplevel (TZ_TYPE_IMPORT_DIALOG));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-file", "s", campaign);
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM campaign"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  tz_gui_test_flush (50);
  g_assert_finalize_object (window);
}

/* Screenshots of the pages and dialogs, wide and narrow (every run, into
 * TZ_SCREENSHOT_DIR or <build>/screenshots; run by hand with LANG=zh_CN.UTF-8
 * for the Chinese ones). */
static void
window_shots (Fixture *f, int width, const char *suffix)
{
  const char *pages[] = { "people", "entries", "units" };
  TzWindow *window = g_object_ref (tz_window_new (NULL));

  g_assert_true (tz_window_open_database (window, tz_db_get_path (f->db)));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 700);
  gtk_window_present (GTK_WINDOW (window));
  tz_gui_test_flush (200);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s-%s", pages[i], suffix);

      tz_window_show_page (window, pages[i]);
      tz_gui_test_flush (200);
      screenshot (GTK_WINDOW (window), name);
    }
  {
    GtkWidget *overlay = find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
    g_autofree char *name = g_strdup_printf ("drop-hint-%s", suffix);

    gtk_widget_add_css_class (overlay, "tz-drop-hint");
    screenshot (GTK_WINDOW (window), name);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  tz_gui_test_flush (50);
  g_assert_finalize_object (window);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *good_id = NULL;
  g_autofree char *fixed_id = NULL;
  g_autofree char *text = bad_csv (&good_id, &fixed_id);
  g_autofree char *path = write_file ("narrow.csv", text);
  TzImportDialog *dialog;

  window_shots (f, 1100, "wide");
  window_shots (f, 400, "narrow");

  dialog = tz_import_dialog_new (f->owner, f->db, f->campaign_id, f->track_id, path, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 400, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  tz_gui_test_flush (200);
  screenshot (GTK_WINDOW (dialog), "import-dialog-narrow");
  gtk_window_destroy (GTK_WINDOW (dialog));
  tz_gui_test_flush (50);

  {
    g_autofree char *package = make_package (f);
    TzPackageDialog *pd = tz_package_dialog_new (f->owner, f->db, package, &error);

    g_assert_no_error (error);
    gtk_window_set_default_size (GTK_WINDOW (pd), 400, 700);
    gtk_window_present (GTK_WINDOW (pd));
    tz_gui_test_flush (200);
    screenshot (GTK_WINDOW (pd), "package-dialog-narrow");
    gtk_window_destroy (GTK_WINDOW (pd));
    tz_gui_test_flush (50);
  }
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
  tz_i18n_init ();

  g_test_add ("/exchange/import-fix", Fixture, NULL, fixture_set_up, test_import_fix,
              fixture_tear_down);
  g_test_add ("/exchange/import-drop-row", Fixture, NULL, fixture_set_up, test_import_drop_row,
              fixture_tear_down);
  g_test_add ("/exchange/import-track", Fixture, NULL, fixture_set_up, test_import_track,
              fixture_tear_down);
  g_test_add ("/exchange/package", Fixture, NULL, fixture_set_up, test_package, fixture_tear_down);
  g_test_add ("/exchange/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add_func ("/exchange/file-kinds", test_file_kinds);
  g_test_add ("/exchange/window-drop", Fixture, NULL, fixture_set_up, test_window_drop,
              fixture_tear_down);
  g_test_add ("/exchange/screenshots", Fixture, NULL, fixture_set_up, test_screenshots,
              fixture_tear_down);
  return g_test_run ();
}
