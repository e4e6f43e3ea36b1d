/* tz-entries-page.c — the entries page: works and nominations, per track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One track at a time, as the notice sets them apart: its entries come from a
 * TzEntryModel, read a page at a time and checked against the track's work
 * requirements as they are read. A withdrawn entry can be taken back with the
 * toast's Undo.
 */
#define G_LOG_DOMAIN "tz-entries-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-entries-page.h"
#include "tz-entry-dialog.h"
#include "tz-entry-model.h"
#include "tz-entry.h"
#include "tz-import-dialog.h"

struct _TzEntriesPage
{
  TzPage parent_instance;

  GtkDropDown *track_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkColumnView *column_view;
  AdwStatusPage *no_results_page;

  GPtrArray *tracks; /* TzEntryTrack*, in the order of the drop-down */
  TzEntryModel *model;
  GtkSingleSelection *selection;
  gboolean reported;
  gboolean filling; /* the drop-down is being refilled: its changes are not the user's */
};

G_DEFINE_FINAL_TYPE (TzEntriesPage, tz_entries_page, TZ_TYPE_PAGE)

/* The track list follows these; the entries follow the model. */
static const char *const watched_tables[] = { "track", "campaign", NULL };

static TzEntryItem *
selected_item (TzEntriesPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static TzEntryTrack *
current_track (TzEntriesPage *self)
{
  guint i = gtk_drop_down_get_selected (self->track_dropdown);

  if (self->tracks == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->tracks->len)
    return NULL;
  return self->tracks->pdata[i];
}

/* GtkColumnView 4.8 has no scroll_to (4.12); its inner list view has the action. */
static void
scroll_to (GtkColumnView *view, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
update_actions (TzEntriesPage *self)
{
  TzEntryItem *item = selected_item (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entries.add", current_track (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entries.import-table",
                                 current_track (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entries.blank-template",
                                 current_track (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entries.edit", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entries.withdraw",
                                 item != NULL &&
                                     g_strcmp0 (tz_entry_item_get_status (item), "withdrawn") != 0);
}

static void
update_count (TzEntriesPage *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query_clean = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = NULL;

  if (current_track (self) == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "no-tracks");
      return;
    }
  if (*query_clean != '\0')
    /* TRANSLATORS: %s is a number such as 1,024 */
    text = g_strdup_printf (ngettext ("%s entry found", "%s entries found", n), number);
  else
    /* TRANSLATORS: %s is a number such as 1,024 */
    text = g_strdup_printf (ngettext ("%s entry", "%s entries", n), number);
  gtk_label_set_text (self->count_label, text);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (*query_clean != '\0')
    {
      g_autofree char *description =
          g_strdup_printf (_ ("No entry of this track has “%s” in its title, entrant, unit or "
                              "description. Check the spelling or type a shorter part."),
                           query_clean);
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
model_items_changed_cb (TzEntriesPage *self)
{
  update_count (self);
  update_actions (self);
}

static void
load_failed_cb (TzEntriesPage *self, GError *error)
{
  if (self->reported)
    return;
  self->reported = TRUE;
  tz_page_show_error (TZ_PAGE (self), _ ("Could Not Read the Entries"), error);
}

static void
selection_changed_cb (TzEntriesPage *self)
{
  update_actions (self);
}

static void
track_changed_cb (TzEntriesPage *self)
{
  TzEntryTrack *track = current_track (self);

  g_assert (TZ_IS_ENTRIES_PAGE (self));

  if (self->filling)
    return;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->model != NULL)
    tz_entry_model_set_track_id (self->model, track != NULL ? track->id : 0);
  if (track != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->track_dropdown), track->name);
  update_count (self);
  update_actions (self);
}

static void
ensure_model (TzEntriesPage *self, TzDb *db)
{
  if (self->model != NULL && tz_entry_model_get_db (self->model) == db)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  if (db != NULL)
    {
      self->model = tz_entry_model_new (db, 0, 0);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "load-failed", G_CALLBACK (load_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
}

static void
tz_entries_page_reload (TzPage *page)
{
  TzEntriesPage *self = TZ_ENTRIES_PAGE (page);
  TzDb *db = tz_page_get_db (page);
  gint64 campaign_id = tz_page_get_campaign_id (page);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  TzEntryTrack *before = current_track (self);
  gint64 before_id = before != NULL ? before->id : 0;
  guint selected = 0;

  self->reported = FALSE;
  ensure_model (self, db);
  g_clear_pointer (&self->tracks, g_ptr_array_unref);
  if (db != NULL && campaign_id > 0)
    {
      self->tracks = tz_entry_list_tracks (db, campaign_id, &error);
      if (self->tracks == NULL)
        tz_page_show_error (page, _ ("Could Not Read the Tracks"), error);
    }
  if (self->tracks == NULL)
    self->tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_track_free);

  for (guint i = 0; i < self->tracks->len; i++)
    {
      TzEntryTrack *track = self->tracks->pdata[i];

      gtk_string_list_append (names, track->short_name != NULL ? track->short_name : track->name);
      if (track->id == before_id)
        selected = i;
    }
  /* A campaign shown for the first time opens on its first track with entries. */
  if (before_id == 0 && db != NULL)
    for (guint i = 0; i < self->tracks->len; i++)
      if (tz_entry_count (db, campaign_id, ((TzEntryTrack *) self->tracks->pdata[i])->id, NULL,
                          NULL) > 0)
        {
          selected = i;
          break;
        }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->track_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->track_dropdown, selected);
  self->filling = FALSE;

  if (self->model != NULL)
    tz_entry_model_set_campaign_id (self->model, campaign_id);
  track_changed_cb (self);
}

static void
search_changed_cb (TzEntriesPage *self)
{
  /* Rows keep their place across a reload: a new search starts unselected, at the top. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->model != NULL)
    tz_entry_model_set_query (self->model,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    scroll_to (self->column_view, 0);
  update_count (self);
}

static void
stop_search_cb (TzEntriesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* A GtkInscription, not a GtkLabel: it does not measure its text to ask for a
 * size, which is most of what building a row of a long list costs. */
static void
label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, cell);
}

static void
set_cell (GtkListItem *list_item, const char *text)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, text);
  /* Screen readers (and the end-to-end tests) read a cell by its name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

/* What a column shows of an entry. */
typedef void (*CellFill) (GtkListItem *list_item, TzEntryItem *item);

/* The model keeps the items of the rows on screen across a reload and tells
 * them their new content: the cell fills itself again. */
static void
item_changed_cb (TzEntryItem *item, GParamSpec *pspec, GtkListItem *list_item)
{
  CellFill fill = (CellFill) g_object_get_data (G_OBJECT (list_item), "tz-fill");

  fill (list_item, item);
}

static void
bind_cell (GtkListItem *list_item, CellFill fill)
{
  TzEntryItem *item = TZ_ENTRY_ITEM (gtk_list_item_get_item (list_item));

  g_object_set_data (G_OBJECT (list_item), "tz-fill", (gpointer) fill);
  fill (list_item, item);
  g_signal_connect (item, "notify::entry", G_CALLBACK (item_changed_cb), list_item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_changed_cb, list_item);
}

static void
fill_title (GtkListItem *list_item, TzEntryItem *item)
{
  set_cell (list_item, tz_entry_item_get_title (item));
}

static void
fill_entrant (GtkListItem *list_item, TzEntryItem *item)
{
  set_cell (list_item, tz_entry_item_get_entrant (item));
}

static void
fill_unit (GtkListItem *list_item, TzEntryItem *item)
{
  set_cell (list_item, tz_entry_item_get_recommending_unit (item));
}

static void
fill_status (GtkListItem *list_item, TzEntryItem *item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  set_cell (list_item, tz_entry_item_get_status_label (item));
  if (g_strcmp0 (tz_entry_item_get_status (item), "withdrawn") == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
fill_failures (GtkListItem *list_item, TzEntryItem *item)
{
  GPtrArray *failures = tz_entry_item_get_failures (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autoptr (GString) all = g_string_new (NULL);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < failures->len; i++)
    g_string_append_printf (all, "%s%s", i ? "\n" : "", (const char *) failures->pdata[i]);
  gtk_widget_set_visible (icon, failures->len > 0);
  if (failures->len == 1)
    summary = g_strdup (failures->pdata[0]);
  else if (failures->len > 1)
    summary = g_strdup_printf (
        ngettext ("%u requirement not met", "%u requirements not met", failures->len),
        failures->len);
  gtk_label_set_text (GTK_LABEL (label), summary != NULL ? summary : "");
  gtk_widget_set_tooltip_text (box, failures->len > 0 ? all->str : NULL);
  /* A screen reader reads the messages, not just the icon. */
  if (failures->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Requirements not met"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    all->str, -1);
}

static void
title_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  bind_cell (list_item, fill_title);
}

static void
entrant_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  bind_cell (list_item, fill_entrant);
}

static void
unit_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  bind_cell (list_item, fill_unit);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  bind_cell (list_item, fill_status);
}

static void
failures_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
failures_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzEntriesPage *self)
{
  bind_cell (list_item, fill_failures);
}

static void
entry_saved_cb (TzEntriesPage *self, gint64 id)
{
  int position;

  if (self->model == NULL)
    return;
  position = tz_entry_model_find (self->model, id);
  if (position >= 0)
    {
      gtk_single_selection_set_selected (self->selection, position);
      scroll_to (self->column_view, position);
    }
}

static void
open_dialog (TzEntriesPage *self, gint64 entry_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  TzEntryTrack *track = current_track (self);
  TzEntryDialog *dialog;

  if (db == NULL || (track == NULL && entry_id == 0))
    return;
  dialog = tz_entry_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, db,
                                track != NULL ? track->id : 0, entry_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (entry_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (TZ_ENTRIES_PAGE (widget), 0);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzEntriesPage *self = TZ_ENTRIES_PAGE (widget);
  TzEntryItem *item = selected_item (self);

  if (item != NULL)
    open_dialog (self, tz_entry_item_get_id (item));
}

static void
row_activated_cb (TzEntriesPage *self, guint position)
{
  g_autoptr (TzEntryItem) item = NULL;

  item = self->model != NULL ? g_list_model_get_item (G_LIST_MODEL (self->model), position) : NULL;
  if (item != NULL)
    open_dialog (self, tz_entry_item_get_id (item));
}

typedef struct
{
  TzEntriesPage *page; /* weak */
  gint64 id;
  char *status;
} Undo;

static void
undo_free (Undo *undo)
{
  g_clear_weak_pointer (&undo->page);
  g_free (undo->status);
  g_free (undo);
}

static void
undo_withdraw_cb (AdwToast *toast, Undo *undo)
{
  g_autoptr (GError) error = NULL;
  TzDb *db = undo->page != NULL ? tz_page_get_db (TZ_PAGE (undo->page)) : NULL;

  if (db == NULL)
    return;
  /* Taken back whole: if someone else entered the person meanwhile, the rule says so. */
  if (!tz_entry_set_status (db, undo->id, undo->status, &error))
    tz_page_show_error (TZ_PAGE (undo->page), _ ("Could Not Undo the Withdrawal"), error);
}

static void
withdraw_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzEntriesPage *self = TZ_ENTRIES_PAGE (widget);
  TzEntryItem *item = selected_item (self);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  Undo *undo;

  if (item == NULL || db == NULL)
    return;
  undo = g_new0 (Undo, 1);
  g_set_weak_pointer (&undo->page, self);
  undo->id = tz_entry_item_get_id (item);
  undo->status = g_strdup (tz_entry_item_get_status (item));
  /* TRANSLATORS: %s is the title of an entry */
  title = g_strdup_printf (_ ("“%s” withdrawn"), tz_entry_item_get_title (item));
  if (!tz_entry_set_status (db, undo->id, "withdrawn", &error))
    {
      undo_free (undo);
      tz_page_show_error (TZ_PAGE (self), _ ("Could Not Withdraw the Entry"), error);
      return;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_withdraw_cb), undo,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  tz_page_add_toast (TZ_PAGE (self), toast);
}

static void
focus_search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TZ_ENTRIES_PAGE (widget)->search_entry));
}

static void
track_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
track_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkStringObject *name = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (name));
}

/* The button shows the track's name cut to its width, so that a long name does
 * not make the window wider than a narrow screen; the list shows it whole. */
static void
set_track_factories (GtkDropDown *dropdown)
{
  g_autoptr (GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (track_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (track_bind_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (track_setup_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (track_bind_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* The exchange with lower units, for the track shown: its blank table goes
 * down, the filled ones come back through a preview. */
static void
import_table_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzEntriesPage *self = TZ_ENTRIES_PAGE (widget);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  TzEntryTrack *track = current_track (self);

  if (db != NULL && track != NULL)
    tz_import_dialog_choose_file (widget, db, tz_page_get_campaign_id (TZ_PAGE (self)), track->id);
}

static void
blank_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzEntriesPage *self = TZ_ENTRIES_PAGE (widget);
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  TzEntryTrack *track = current_track (self);

  if (db != NULL && track != NULL)
    tz_template_save_interactive (widget, db, tz_page_get_campaign_id (TZ_PAGE (self)), track->id);
}

static void
tz_entries_page_dispose (GObject *object)
{
  TzEntriesPage *self = TZ_ENTRIES_PAGE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_ENTRIES_PAGE);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->tracks, g_ptr_array_unref);
  G_OBJECT_CLASS (tz_entries_page_parent_class)->dispose (object);
}

static void
tz_entries_page_class_init (TzEntriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->dispose = tz_entries_page_dispose;
  page_class->reload = tz_entries_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-entries-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzEntriesPage, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TzEntriesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TzEntriesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TzEntriesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzEntriesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TzEntriesPage, no_results_page);
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "edit_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "withdraw_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, entrant_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, failures_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, failures_bind_cb);

  gtk_widget_class_install_action (widget_class, "entries.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "entries.import-table", NULL, import_table_action);
  gtk_widget_class_install_action (widget_class, "entries.blank-template", NULL,
                                   blank_template_action);
  gtk_widget_class_install_action (widget_class, "entries.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "entries.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "entries.find", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "entries.find",
                                       NULL);
}

static void
tz_entries_page_init (TzEntriesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  set_track_factories (self->track_dropdown);
  g_signal_connect_object (self->track_dropdown, "notify::selected", G_CALLBACK (track_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  update_count (self);
  update_actions (self);
}

GtkWidget *
tz_entries_page_new (void)
{
  return g_object_new (TZ_TYPE_ENTRIES_PAGE, NULL);
}
