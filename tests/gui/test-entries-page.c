/* test-entries-page.c — the entries page and the entry form on a real database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 */
#define G_LOG_DOMAIN "test-entries-page"

#include "config.h"

#include <adwaita.h>

#include "tz-campaign-file.h"
#include "tz-entries-page.h"
#include "tz-entry-dialog.h"
#include "tz-entry-model.h"
#include "tz-entry.h"
#include "tz-person.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-unit.h"

/* The HLJ tracks in the notice's order. */
enum
{
  FOOTPRINTS,
  TALENT,
  STORY,
  READING,
  SAVING
};

typedef struct
{
  TzDb *db;
  gint64 campaign_id;
  GPtrArray *tracks;
  gint64 harbin;
  gint64 qiqihar;
  GtkWindow *window;
  TzEntriesPage *page;
} Fixture;

static gpointer
page_child (TzEntriesPage *page, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), TZ_TYPE_ENTRIES_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
dialog_child (TzEntryDialog *dialog, const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), TZ_TYPE_ENTRY_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static gint64
track_id (Fixture *f, guint index)
{
  return ((TzEntryTrack *) f->tracks->pdata[index])->id;
}

static gint64
unit_named (TzDb *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tz_unit_resolve (db, 0, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (TzDb *db, const char *name, const char *employer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = tz_person_new ();

  p->name = g_strdup (name);
  p->employer = g_strdup (employer);
  g_assert_true (tz_person_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static gint64
add_work (Fixture *f, const char *title, gint64 person_id, double seconds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzEntry) e = tz_entry_new ();

  e->track_id = track_id (f, TALENT);
  e->title = g_strdup (title);
  e->person_id = person_id;
  e->recommending_unit_id = f->qiqihar;
  e->duration_seconds = seconds;
  g_assert_true (tz_entry_save (f->db, e, &error));
  g_assert_no_error (error);
  return e->id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  GtkWidget *overlay;

  f->db = tz_test_open_db ();
  f->campaign_id = tz_campaign_import_file (f->db, path, &error);
  g_assert_no_error (error);
  f->tracks = tz_entry_list_tracks (f->db, f->campaign_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->tracks->len, ==, 5);
  f->harbin = unit_named (f->db, "哈尔滨市总工会");
  f->qiqihar = unit_named (f->db, "齐齐哈尔市总工会");
  add_work (f, "红歌《我和我的祖国》", add_person (f->db, "张伟", "哈尔滨电机厂"), 95);
  add_work (f, "舞蹈《映山红》", add_person (f->db, "李娜", "大庆油田"), 185);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  overlay = adw_toast_overlay_new ();
  f->page = g_object_ref (TZ_ENTRIES_PAGE (tz_entries_page_new ()));
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

  g_assert_null (find_toplevel (TZ_TYPE_ENTRY_DIALOG));
  while ((stray = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (stray);
  gtk_window_destroy (f->window);
  tz_gui_test_flush (50);
  g_assert_null (f->window);
  g_assert_finalize_object (f->page);
  g_ptr_array_unref (f->tracks);
  g_assert_finalize_object (f->db);
}

static GListModel *
shown_model (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (page_child (f->page, "column_view")));
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

static gboolean
table_has (Fixture *f, const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);

  collect_labels (GTK_WIDGET (page_child (f->page, "column_view")), out);
  return strstr (out->str, text) != NULL;
}

/* Whether some mapped widget under @widget has a tooltip holding @text. */
static gboolean
tooltip_has (GtkWidget *widget, const char *text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (gtk_widget_get_mapped (widget) && tooltip != NULL && strstr (tooltip, text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tooltip_has (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_named (GtkWidget *widget)
{
  if ((GTK_IS_BUTTON (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget) ||
       GTK_IS_TEXT_VIEW (widget)) &&
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
          GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
          GtkWidget *search = gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY);

          named = (row != NULL && gtk_test_accessible_has_property (
                                      GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL)) ||
                  (search != NULL && search != widget &&
                   gtk_test_accessible_has_property (GTK_ACCESSIBLE (search),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL));
        }
      if (!named && (gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL ||
                     gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL ||
                     gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL))
        named = TRUE; /* column headers and the insides of drop-downs */
      if (!named)
        g_error ("%s in %s in %s has no accessible name", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_named (child);
}

static void
select_track (Fixture *f, guint index)
{
  gtk_drop_down_set_selected (page_child (f->page, "track_dropdown"), index);
  tz_gui_test_flush (50);
}

static void
test_tracks (Fixture *f, gconstpointer data)
{
  GtkDropDown *dropdown = page_child (f->page, "track_dropdown");
  GListModel *names = gtk_drop_down_get_model (dropdown);

  /* The five tracks of the Heilongjiang notice, by their short names. */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 5);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "龙江红色足迹打卡");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==,
                   "传播网络正能量，讲述奋进故事");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 4), ==,
                   "“光盘”我做主，引领新“食”尚！");

  /* The page opens on the first track with entries. */
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, TALENT);
  select_track (f, FOOTPRINTS);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==, "empty");

  select_track (f, TALENT);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==, "list");
  g_assert_true (table_has (f, "红歌《我和我的祖国》"));
  g_assert_true (table_has (f, "齐齐哈尔市总工会"));
  g_assert_true (table_has (f, "Draft"));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (f->page, "count_label")), "2"));
  assert_named (GTK_WIDGET (f->page));
}

static void
test_failed_requirements (Fixture *f, gconstpointer data)
{
  select_track (f, TALENT);

  /* The dance lasts 3:05 where 2:00 is allowed: a warning with the message. */
  g_assert_true (table_has (f, "Duration"));
  g_assert_true (tooltip_has (GTK_WIDGET (page_child (f->page, "column_view")), "2:00"));

  /* Searching as you type, in this track. */
  gtk_editable_set_text (page_child (f->page, "search_entry"), "映山红");
  tz_gui_test_flush (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 1);
  gtk_editable_set_text (page_child (f->page, "search_entry"), "不存在");
  tz_gui_test_flush (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==,
                   "no-results");
  gtk_editable_set_text (page_child (f->page, "search_entry"), "");
  tz_gui_test_flush (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 2);
}

static TzEntryDialog *
open_add_dialog (Fixture *f)
{
  TzEntryDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "entries.add", NULL));
  tz_gui_test_flush (100);
  dialog = TZ_ENTRY_DIALOG (find_toplevel (TZ_TYPE_ENTRY_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
set_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
repeat (const char *unit, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* The row of @unit_id in a combo row that lists "None" then the campaign's units. */
static guint
unit_position (Fixture *f, gint64 unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = tz_unit_list (f->db, f->campaign_id, &error);

  for (guint i = 0; i < units->len; i++)
    if (((TzUnit *) units->pdata[i])->id == unit_id)
      return i + 1;
  g_assert_not_reached ();
}

static void
test_add_nomination (Fixture *f, gconstpointer data)
{
  TzEntryDialog *dialog;
  GtkWidget *save;
  GtkListView *people;
  g_autofree char *long_summary = repeat ("事", 201);
  g_autofree char *full_summary = repeat ("事", 200);
  gint64 worker = add_person (f->db, "王师傅", "哈尔滨电机厂");
  gint64 entry_id;

  select_track (f, STORY);
  dialog = open_add_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  save = dialog_child (dialog, "save_button");
  assert_named (GTK_WIDGET (dialog));

  /* A nomination has no work file, and the form's three opinion boxes. */
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "work_group")));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "person_row")));
  g_assert_false (gtk_widget_get_sensitive (save));

  gtk_editable_set_text (dialog_child (dialog, "title_row"), "王师傅的创新故事");
  tz_gui_test_flush (50);
  /* No entrant yet: Save waits. */
  g_assert_false (gtk_widget_get_sensitive (save));

  /* The entrant is chosen from the people list, searched as typed. */
  gtk_menu_button_popup (dialog_child (dialog, "person_button"));
  tz_gui_test_flush (100);
  gtk_editable_set_text (dialog_child (dialog, "person_search"), "王师");
  tz_gui_test_flush (400);
  people = dialog_child (dialog, "person_list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (people))), ==,
                    1);
  g_signal_emit_by_name (people, "activate", 0);
  tz_gui_test_flush (100);
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "person_row")), ==, "王师傅");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* A deed summary of 201 characters does not fit the form's box of 200. */
  set_text (dialog_child (dialog, "summary_view"), long_summary);
  tz_gui_test_flush (50);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "summary_message")));
  g_assert_nonnull (
      strstr (gtk_label_get_text (dialog_child (dialog, "summary_count")), "201 / 200"));
  g_assert_false (tz_entry_dialog_save (dialog));
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM entry"), ==, 2);
  set_text (dialog_child (dialog, "summary_view"), full_summary);
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "summary_message")));

  /* The recommending unit, and the first level's opinion. */
  adw_combo_row_set_selected (dialog_child (dialog, "recommending_unit_row"),
                              unit_position (f, f->harbin));
  {
    GtkWidget *opinion = NULL;
    GtkWidget *date = NULL;
    GPtrArray *rows = g_ptr_array_new ();
    GtkWidget *page = dialog_child (dialog, "preferences_page");

    /* The opinion rows are found as a screen reader finds them: by name. */
    for (GtkWidget *w = page; w != NULL;)
      {
        if (ADW_IS_ENTRY_ROW (w))
          g_ptr_array_add (rows, w);
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != page && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = (w == NULL || w == page) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    for (guint i = 0; i < rows->len; i++)
      {
        const char *title = adw_preferences_row_get_title (rows->pdata[i]);

        if (opinion == NULL && g_strcmp0 (title, "Opinion") == 0)
          opinion = rows->pdata[i];
        if (date == NULL && g_str_has_prefix (title, "Date"))
          date = rows->pdata[i];
      }
    g_ptr_array_unref (rows);
    g_assert_nonnull (opinion);
    g_assert_nonnull (date);
    gtk_editable_set_text (GTK_EDITABLE (opinion), "同意推荐。");
    gtk_editable_set_text (GTK_EDITABLE (date), "2022-10-35");
    tz_gui_test_flush (50);
    g_assert_false (gtk_widget_get_sensitive (save));
    gtk_editable_set_text (GTK_EDITABLE (date), "2022-10-15");
    tz_gui_test_flush (50);
  }
  g_assert_true (gtk_widget_get_sensitive (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  tz_gui_test_flush (100);
  g_assert_null (dialog);

  /* In the list with its recommending unit, selected; the opinion is stored. */
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (f)), ==, 1);
  g_assert_true (table_has (f, "王师傅的创新故事"));
  g_assert_true (table_has (f, "王师傅"));
  g_assert_true (table_has (f, "哈尔滨市总工会"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown_model (f))), ==,
                    0);
  entry_id = tz_test_query_int (f->db, "SELECT max(id) FROM entry");
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM opinion WHERE level = 1 AND "
                                             "text = '同意推荐。' AND signed_on = '2022-10-15'"),
                   ==, 1);

  /* The same person again in this track: refused under the entrant. */
  dialog = open_add_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (dialog_child (dialog, "title_row"), "又一个故事");
  tz_entry_dialog_set_person (dialog, worker);
  tz_gui_test_flush (50);
  g_assert_false (tz_entry_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "entrant_message_row")));
  g_assert_nonnull (
      strstr (gtk_label_get_text (dialog_child (dialog, "entrant_message")), "王师傅"));
  gtk_window_close (GTK_WINDOW (dialog));
  tz_gui_test_flush (50);
  g_assert_null (dialog);

  /* Edited: the form shows what is stored. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown_model (f)), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "entries.edit", NULL));
  tz_gui_test_flush (100);
  dialog = TZ_ENTRY_DIALOG (find_toplevel (TZ_TYPE_ENTRY_DIALOG));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (tz_entry_dialog_get_entry_id (dialog), ==, entry_id);
  g_assert_cmpstr (gtk_editable_get_text (dialog_child (dialog, "title_row")), ==,
                   "王师傅的创新故事");
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "recommending_unit_row")), ==,
                    unit_position (f, f->harbin));
  g_assert_true (tz_entry_dialog_is_valid (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  tz_gui_test_flush (50);
  g_assert_null (dialog);
}

static void
test_unit_entry_with_file (Fixture *f, gconstpointer data)
{
  g_autofree char *video = tz_test_tmpfile ("红色足迹.mp4");
  g_autoptr (GFile) file = NULL;
  TzEntryDialog *dialog;
  AdwActionRow *file_row;
  int waited = 0;

  g_assert_true (g_file_set_contents (video, "not really a video, but bytes", -1, NULL));
  file = g_file_new_for_path (video);

  /* Units enter the footprints track: the form asks for a unit, not a person. */
  select_track (f, FOOTPRINTS);
  dialog = open_add_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "person_row")));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "entrant_unit_row")));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "work_group")));
  gtk_editable_set_text (dialog_child (dialog, "title_row"), "重走抗联路");
  adw_combo_row_set_selected (dialog_child (dialog, "entrant_unit_row"),
                              unit_position (f, f->harbin) - 1);
  adw_combo_row_set_selected (dialog_child (dialog, "recommending_unit_row"),
                              unit_position (f, f->harbin));

  /* The file is read in a thread; Save waits for it. */
  tz_entry_dialog_set_work_file (dialog, file);
  file_row = dialog_child (dialog, "file_row");
  while (strstr (adw_action_row_get_subtitle (file_row), "MP4") == NULL && waited++ < 100)
    tz_gui_test_flush (20);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (file_row), "MP4"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (file_row), "红色足迹.mp4"));

  /* 75 seconds where the track allows 60: a warning, not a refusal. */
  gtk_editable_set_text (dialog_child (dialog, "duration_row"), "75");
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "failures_label")));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));
  /* A number that is not one is refused. */
  gtk_editable_set_text (dialog_child (dialog, "width_row"), "宽");
  tz_gui_test_flush (50);
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "save_button")));
  gtk_editable_set_text (dialog_child (dialog, "width_row"), "1920");
  tz_gui_test_flush (50);

  g_assert_true (tz_entry_dialog_save (dialog));
  tz_gui_test_flush (100);
  g_assert_null (dialog);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM entry WHERE entrant_unit_id "
                                             "IS NOT NULL AND file_format = 'MP4' AND width = "
                                             "1920 AND duration_seconds = 75"),
                   ==, 1);
  g_assert_true (table_has (f, "重走抗联路"));
  g_assert_true (table_has (f, "Duration"));

  /* The same file again: refused under the file. */
  dialog = open_add_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (dialog_child (dialog, "title_row"), "重走抗联路（二）");
  tz_entry_dialog_set_work_file (dialog, file);
  waited = 0;
  while (!tz_entry_dialog_is_valid (dialog) && waited++ < 100)
    tz_gui_test_flush (20);
  g_assert_false (tz_entry_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "file_message_row")));
  g_assert_nonnull (
      strstr (gtk_label_get_text (dialog_child (dialog, "file_message")), "重走抗联路"));
  gtk_window_close (GTK_WINDOW (dialog));
  tz_gui_test_flush (50);
  g_assert_null (dialog);

  /* Closed while the file is being read: the reading ends quietly, nothing is saved. */
  dialog = open_add_dialog (f);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  tz_entry_dialog_set_work_file (dialog, file);
  gtk_window_close (GTK_WINDOW (dialog));
  waited = 0;
  while (dialog != NULL && waited++ < 100)
    tz_gui_test_flush (20);
  g_assert_null (dialog);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM entry"), ==, 3);
}

static void
test_withdraw_and_undo (Fixture *f, gconstpointer data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (shown_model (f));
  GtkWidget *undo;

  select_track (f, TALENT);
  g_assert_false (gtk_widget_get_sensitive (page_child (f->page, "withdraw_button")));
  gtk_single_selection_set_selected (selection, 0);
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_sensitive (page_child (f->page, "withdraw_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "entries.withdraw", NULL));
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM entry WHERE status = "
                                             "'withdrawn'"),
                   ==, 1);
  g_assert_true (table_has (f, "Withdrawn"));

  /* The toast's Undo brings it back as it was. */
  undo = find_button (gtk_window_get_child (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  tz_gui_test_flush (100);
  g_assert_cmpint (tz_test_query_int (f->db, "SELECT count(*) FROM entry WHERE status = "
                                             "'withdrawn'"),
                   ==, 0);
  g_assert_false (table_has (f, "Withdrawn"));
}

static void
test_no_tracks (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 bare;

  g_assert_true (
      tz_db_exec (f->db, "INSERT INTO campaign (title) VALUES ('无子活动的活动')", &error));
  bare = tz_db_last_insert_id (f->db);
  tz_page_set_campaign_id (TZ_PAGE (f->page), bare);
  tz_gui_test_flush (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f->page, "stack")), ==,
                   "no-tracks");
  g_assert_false (gtk_widget_get_sensitive (page_child (f->page, "add_button")));

  /* Back to the campaign with tracks. */
  tz_page_set_campaign_id (TZ_PAGE (f->page), f->campaign_id);
  tz_gui_test_flush (50);
  g_assert_true (gtk_widget_get_sensitive (page_child (f->page, "add_button")));
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

  g_test_add ("/entries-page/tracks", Fixture, NULL, fixture_set_up, test_tracks,
              fixture_tear_down);
  g_test_add ("/entries-page/failed-requirements", Fixture, NULL, fixture_set_up,
              test_failed_requirements, fixture_tear_down);
  g_test_add ("/entries-page/add-nomination", Fixture, NULL, fixture_set_up, test_add_nomination,
              fixture_tear_down);
  g_test_add ("/entries-page/unit-entry-with-file", Fixture, NULL, fixture_set_up,
              test_unit_entry_with_file, fixture_tear_down);
  g_test_add ("/entries-page/withdraw-and-undo", Fixture, NULL, fixture_set_up,
              test_withdraw_and_undo, fixture_tear_down);
  g_test_add ("/entries-page/no-tracks", Fixture, NULL, fixture_set_up, test_no_tracks,
              fixture_tear_down);

  return g_test_run ();
}
