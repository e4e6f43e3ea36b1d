/* tz-people-page.c — the people page: nominees, authors and contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The column view shows a TzPersonModel, which reads the database a page of
 * rows at a time, so 100 000 people cost what one screen of them costs. The
 * model follows the database itself; the page only builds a new one when the
 * database changes. ID and mobile numbers are masked unless the setting
 * mask-personal-data is off or the user asks for the full numbers, which lasts
 * until the application quits (it is not saved).
 */
#define G_LOG_DOMAIN "tz-people-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-import-dialog.h"
#include "tz-mask.h"
#include "tz-people-page.h"
#include "tz-timing.h"
#include "tz-person-dialog.h"
#include "tz-person-model.h"
#include "tz-settings.h"

struct _TzPeoplePage
{
  TzPage parent_instance;

  GtkSearchEntry *search_entry;
  GtkToggleButton *show_full_button;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkColumnView *column_view;
  AdwStatusPage *no_results_page;

  TzPersonModel *model;
  GtkSingleSelection *selection;
  GSettings *settings;
  gboolean mask_setting;
  gboolean reported; /* a load failure was shown since the last reload */
};

G_DEFINE_FINAL_TYPE (TzPeoplePage, tz_people_page, TZ_TYPE_PAGE)

/* The page reads no table itself: its model follows the database. */
static const char *const watched_tables[] = { NULL };

/* Whether a session-wide "show full numbers" was asked for: shared with the
 * import previews (tz-import-dialog.h). */
static gboolean
masking (TzPeoplePage *self)
{
  return self->mask_setting && !tz_gui_get_show_full_numbers ();
}

static TzPersonItem *
selected_item (TzPeoplePage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
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
update_actions (TzPeoplePage *self)
{
  gboolean has_db = tz_page_get_db (TZ_PAGE (self)) != NULL;
  gboolean selected = selected_item (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import-table",
                                 has_db && tz_page_get_campaign_id (TZ_PAGE (self)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.blank-template",
                                 has_db && tz_page_get_campaign_id (TZ_PAGE (self)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.delete", selected);
}

static char *
format_count (guint n)
{
  /* Grouped as the locale groups thousands (3,786 in Chinese and English). */
  return g_strdup_printf ("%'u", n);
}

static void
update_count (TzPeoplePage *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query_clean = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autofree char *number = format_count (n);
  g_autofree char *text = NULL;

  if (*query_clean != '\0')
    /* TRANSLATORS: %s is a number such as 3,786 */
    text = g_strdup_printf (ngettext ("%s person found", "%s people found", n), number);
  else
    /* TRANSLATORS: %s is a number such as 3,786 */
    text = g_strdup_printf (ngettext ("%s person", "%s people", n), number);
  gtk_label_set_text (self->count_label, text);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (*query_clean != '\0')
    {
      g_autofree char *description = g_strdup_printf (
          _ ("No one’s name, unit or position contains “%s”. Check the spelling or type a "
             "shorter part."),
          query_clean);
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
model_items_changed_cb (TzPeoplePage *self)
{
  g_assert (TZ_IS_PEOPLE_PAGE (self));

  update_count (self);
  update_actions (self);
}

static void
load_failed_cb (TzPeoplePage *self, GError *error)
{
  g_assert (TZ_IS_PEOPLE_PAGE (self));

  /* One dialog, not one per row a view asks for. */
  if (self->reported)
    return;
  self->reported = TRUE;
  tz_page_show_error (TZ_PAGE (self), _ ("Could Not Read the People"), error);
}

static void
selection_changed_cb (TzPeoplePage *self)
{
  update_actions (self);
}

static void
set_model (TzPeoplePage *self, TzPersonModel *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "load-failed", G_CALLBACK (load_failed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
  update_count (self);
  update_actions (self);
}

static void
tz_people_page_reload (TzPage *page)
{
  TzPeoplePage *self = TZ_PEOPLE_PAGE (page);
  TzDb *db = tz_page_get_db (page);
  g_autoptr (TzPersonModel) model = NULL;

  self->reported = FALSE;
  update_actions (self);
  if (db == NULL)
    {
      set_model (self, NULL);
      return;
    }
  /* People are shared by every campaign: a campaign change keeps the model. */
  if (self->model != NULL && tz_person_model_get_db (self->model) == db)
    return;
  model = tz_person_model_new (db);
  tz_person_model_set_query (model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  set_model (self, model);
}

static void
search_changed_cb (TzPeoplePage *self)
{
  gint64 start = g_get_monotonic_time ();

  g_assert (TZ_IS_PEOPLE_PAGE (self));

  /* Rows keep their place across a reload: a new search starts unselected, at the top. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->model != NULL)
    tz_person_model_set_query (self->model,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    scroll_to (self->column_view, 0);
  update_count (self);
  tz_timing_after_paint (GTK_WIDGET (self), "search-shown", start);
}

static void
stop_search_cb (TzPeoplePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The rows on screen (and only those) show the numbers anew. */
static void
rebind_rows (TzPeoplePage *self)
{
  if (self->model != NULL)
    tz_person_model_refresh (self->model);
}

static void
show_full_toggled_cb (TzPeoplePage *self)
{
  g_assert (TZ_IS_PEOPLE_PAGE (self));

  tz_gui_set_show_full_numbers (gtk_toggle_button_get_active (self->show_full_button));
  rebind_rows (self);
}

static void
mask_setting_changed_cb (TzPeoplePage *self)
{
  self->mask_setting = g_settings_get_boolean (self->settings, "mask-personal-data");
  gtk_widget_set_visible (GTK_WIDGET (self->show_full_button), self->mask_setting);
  rebind_rows (self);
}

/* A GtkInscription, not a GtkLabel: it does not measure its text to ask for a
 * size, which is most of what building a row of a long list costs. */
static void
label_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, cell);
}

static void
number_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  label_setup_cb (factory, list_item, self);
  gtk_widget_add_css_class (gtk_list_item_get_child (list_item), "numeric");
}

static void
set_cell (GtkListItem *list_item, const char *text)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* Screen readers (and the end-to-end tests) read a cell by its name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
}

/* What a column shows of a person. */
typedef void (*CellFill) (TzPeoplePage *self, GtkListItem *list_item, TzPersonItem *item);

/* The model keeps the items of the rows on screen across a reload and tells
 * them their new content: the cell fills itself again. */
static void
item_changed_cb (TzPersonItem *item, GParamSpec *pspec, GtkListItem *list_item)
{
  CellFill fill = (CellFill) g_object_get_data (G_OBJECT (list_item), "tz-fill");

  fill (g_object_get_data (G_OBJECT (list_item), "tz-page"), list_item, item);
}

static void
bind_cell (TzPeoplePage *self, GtkListItem *list_item, CellFill fill)
{
  TzPersonItem *item = TZ_PERSON_ITEM (gtk_list_item_get_item (list_item));

  g_object_set_data (G_OBJECT (list_item), "tz-fill", (gpointer) fill);
  g_object_set_data (G_OBJECT (list_item), "tz-page", self);
  fill (self, list_item, item);
  g_signal_connect (item, "notify::person", G_CALLBACK (item_changed_cb), list_item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_changed_cb, list_item);
}

static void
fill_name (TzPeoplePage *self, GtkListItem *list_item, TzPersonItem *item)
{
  set_cell (list_item, tz_person_item_get_name (item));
}

static void
fill_gender (TzPeoplePage *self, GtkListItem *list_item, TzPersonItem *item)
{
  const char *gender = tz_person_item_get_gender (item);

  /* Stored as the form prints it (男/女); shown in the user's language. */
  set_cell (list_item, g_strcmp0 (gender, "男") == 0   ? _ ("Male")
                       : g_strcmp0 (gender, "女") == 0 ? _ ("Female")
                                                       : gender);
}

static void
fill_id_number (TzPeoplePage *self, GtkListItem *list_item, TzPersonItem *item)
{
  const char *value = tz_person_item_get_id_number (item);
  g_autofree char *masked = masking (self) ? tz_mask_id_number (value) : NULL;

  set_cell (list_item, masked != NULL ? masked : value);
}

static void
fill_phone (TzPeoplePage *self, GtkListItem *list_item, TzPersonItem *item)
{
  const char *value = tz_person_item_get_phone (item);
  g_autofree char *masked = masking (self) ? tz_mask_phone (value) : NULL;

  set_cell (list_item, masked != NULL ? masked : value);
}

static void
fill_workplace (TzPeoplePage *self, GtkListItem *list_item, TzPersonItem *item)
{
  const char *text = tz_person_item_get_workplace (item);

  set_cell (list_item, text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), text);
}

static void
fill_position (TzPeoplePage *self, GtkListItem *list_item, TzPersonItem *item)
{
  set_cell (list_item, tz_person_item_get_position (item));
}

static void
name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  bind_cell (self, list_item, fill_name);
}

static void
gender_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  bind_cell (self, list_item, fill_gender);
}

static void
id_number_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  bind_cell (self, list_item, fill_id_number);
}

static void
phone_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  bind_cell (self, list_item, fill_phone);
}

static void
workplace_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  bind_cell (self, list_item, fill_workplace);
}

static void
position_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzPeoplePage *self)
{
  bind_cell (self, list_item, fill_position);
}

static void
person_saved_cb (TzPeoplePage *self, gint64 id)
{
  int position;

  g_assert (TZ_IS_PEOPLE_PAGE (self));

  if (self->model == NULL)
    return;
  /* The model has reloaded by now; show the person saved. */
  position = tz_person_model_find (self->model, id);
  if (position >= 0)
    {
      gtk_single_selection_set_selected (self->selection, position);
      scroll_to (self->column_view, position);
    }
}

static void
open_dialog (TzPeoplePage *self, gint64 person_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  TzPersonDialog *dialog;

  if (db == NULL)
    return;
  dialog = tz_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, db, person_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The filled tables of lower units come back here: a preview, then the import. */
static void
import_table_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (widget));

  if (db != NULL)
    tz_import_dialog_choose_file (widget, db, tz_page_get_campaign_id (TZ_PAGE (widget)), 0);
}

static void
blank_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (widget));

  if (db != NULL)
    tz_template_save_interactive (widget, db, tz_page_get_campaign_id (TZ_PAGE (widget)), 0);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (TZ_PEOPLE_PAGE (widget), 0);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzPeoplePage *self = TZ_PEOPLE_PAGE (widget);
  TzPersonItem *item = selected_item (self);

  if (item != NULL)
    open_dialog (self, tz_person_item_get_id (item));
}

static void
row_activated_cb (TzPeoplePage *self, guint position)
{
  g_autoptr (TzPersonItem) item = NULL;

  g_assert (TZ_IS_PEOPLE_PAGE (self));

  item = self->model != NULL ? g_list_model_get_item (G_LIST_MODEL (self->model), position) : NULL;
  if (item != NULL)
    open_dialog (self, tz_person_item_get_id (item));
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, TzPeoplePage *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id"));
  TzDb *db = tz_page_get_db (TZ_PAGE (self));

  if (!g_str_equal (response, "delete") || db == NULL)
    return;
  if (!tz_person_delete (db, id, &error))
    tz_page_show_error (TZ_PAGE (self), _ ("Could Not Delete the Person"), error);
  else
    tz_page_add_toast (TZ_PAGE (self), adw_toast_new (_ ("Person deleted")));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzPeoplePage *self = TZ_PEOPLE_PAGE (widget);
  TzPersonItem *item = selected_item (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (item == NULL)
    return;
  /* TRANSLATORS: %s is a person's name */
  heading = g_strdup_printf (_ ("Delete %s?"), tz_person_item_get_name (item));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _ ("The person’s record and photo are removed for every "
                                      "campaign. A person who has entries cannot be deleted: "
                                      "remove the entries first."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete",
                                    _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "person-id",
                     GSIZE_TO_POINTER ((gsize) tz_person_item_get_id (item)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TZ_PEOPLE_PAGE (widget)->search_entry));
}

static void
tz_people_page_dispose (GObject *object)
{
  TzPeoplePage *self = TZ_PEOPLE_PAGE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (tz_people_page_parent_class)->dispose (object);
}

static void
tz_people_page_class_init (TzPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->dispose = tz_people_page_dispose;
  page_class->reload = tz_people_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TzPeoplePage, show_full_button);
  gtk_widget_class_bind_template_child (widget_class, TzPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TzPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TzPeoplePage, no_results_page);
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "edit_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "delete_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_full_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, gender_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_number_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, workplace_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, position_bind_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.import-table", NULL, import_table_action);
  gtk_widget_class_install_action (widget_class, "people.blank-template", NULL,
                                   blank_template_action);
  gtk_widget_class_install_action (widget_class, "people.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "people.find", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "people.find",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "people.delete", NULL);
}

static void
tz_people_page_init (TzPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  self->mask_setting = TRUE;
  self->settings = tz_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::mask-personal-data",
                               G_CALLBACK (mask_setting_changed_cb), self, G_CONNECT_SWAPPED);
      self->mask_setting = g_settings_get_boolean (self->settings, "mask-personal-data");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->show_full_button), self->mask_setting);
  gtk_toggle_button_set_active (self->show_full_button, tz_gui_get_show_full_numbers ());
  update_count (self);
  update_actions (self);
}

GtkWidget *
tz_people_page_new (void)
{
  return g_object_new (TZ_TYPE_PEOPLE_PAGE, NULL);
}
