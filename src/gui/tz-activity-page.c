/* tz-activity-page.c — the offline activities page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activities a campaign's units have logged, newest first, narrowed to one
 * unit (with the units under it, as the quota counts them) and by words
 * (tz_activity_matches). Adding and editing go through TzActivityDialog.
 *
 * Deleting can be undone. The activity is deleted at once and the core hands
 * back everything needed to restore it (tz_activity_delete_for_undo): the
 * quota counts and other pages follow the deletion immediately, and quitting
 * while the toast shows leaves no half-deleted record behind. The evidence
 * files stay on disk while Undo is offered and are purged when the toast goes.
 */
#define G_LOG_DOMAIN "tz-activity-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-activity-dialog.h"
#include "tz-activity-page.h"
#include "tz-activity.h"
#include "tz-i18n.h"
#include "tz-unit.h"

/* One activity as an object of the list model. Private to the page. */
#define TZ_TYPE_ACTIVITY_ITEM (tz_activity_item_get_type ())
G_DECLARE_FINAL_TYPE (TzActivityItem, tz_activity_item, TZ, ACTIVITY_ITEM, GObject)

struct _TzActivityItem
{
  GObject parent_instance;

  TzActivity *activity;
};

struct _TzActivityPage
{
  TzPage parent_instance;

  GListStore *store; /* TzActivityItem */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GArray *unit_ids; /* gint64: the units of unit_filter after "All Units" */
  gint64 shown_campaign_id;
  gboolean syncing;
  guint filter_idle_id;

  GPtrArray *pending; /* TzActivityDeleted, deleted while the Undo toast shows */
  TzDb *pending_db;
  AdwToast *undo_toast;

  /* Template widgets */
  GtkWidget *toolbar;
  GtkDropDown *unit_filter;
  GtkEditable *search_entry;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkWidget *empty_add_button;
  GtkListView *list_view;
  GtkLabel *count_label;
};

G_DEFINE_FINAL_TYPE (TzActivityItem, tz_activity_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (TzActivityPage, tz_activity_page, TZ_TYPE_PAGE)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_UUID,
  ITEM_PROP_TITLE,
  ITEM_PROP_N_ATTACHMENTS,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static const char *const watched[] = { "activity", "attachment", "unit", "campaign_unit", NULL };

/* TzActivityItem */

static void
tz_activity_item_finalize (GObject *object)
{
  TzActivityItem *self = TZ_ACTIVITY_ITEM (object);

  tz_activity_free (self->activity);
  G_OBJECT_CLASS (tz_activity_item_parent_class)->finalize (object);
}

static void
tz_activity_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzActivityItem *self = TZ_ACTIVITY_ITEM (object);

  switch (prop_id)
    {
      case ITEM_PROP_ID:
        g_value_set_int64 (value, self->activity->id);
        break;
      case ITEM_PROP_UUID:
        g_value_set_string (value, self->activity->uuid);
        break;
      case ITEM_PROP_TITLE:
        g_value_set_string (value, self->activity->title);
        break;
      case ITEM_PROP_N_ATTACHMENTS:
        g_value_set_uint (value, self->activity->n_attachments);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_activity_item_class_init (TzActivityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tz_activity_item_finalize;
  object_class->get_property = tz_activity_item_get_property;

  item_properties[ITEM_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_UUID] =
      g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_N_ATTACHMENTS] = g_param_spec_uint (
      "n-attachments", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
tz_activity_item_init (TzActivityItem *self)
{
}

/* Helpers */

static gint64
filter_unit_id (TzActivityPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_filter);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->unit_ids->len)
    return 0;
  return g_array_index (self->unit_ids, gint64, selected - 1);
}

static gboolean
filter_func (gpointer item, gpointer data)
{
  TzActivityPage *self = data;

  return tz_activity_matches (TZ_ACTIVITY_ITEM (item)->activity,
                              gtk_editable_get_text (self->search_entry));
}

static void
update_view_state (TzActivityPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  const char *search = gtk_editable_get_text (self->search_entry);
  gboolean narrowed = filter_unit_id (self) != 0 || (search != NULL && *search != '\0');
  g_autofree char *count = NULL;

  if (total == 0 && !narrowed)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "none-found");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (shown == total)
    count = g_strdup_printf (g_dngettext (NULL, "%u activity", "%u activities", total), total);
  else
    count = g_strdup_printf (
        g_dngettext (NULL, "%u of %u activity shown", "%u of %u activities shown", total), shown,
        total);
  gtk_label_set_text (self->count_label, total > 0 || narrowed ? count : "");
}

/* The unit filter lists the campaign's units; the chosen one stays chosen. */
static gboolean
load_units (TzActivityPage *self, TzDb *db, gint64 campaign_id, GError **error)
{
  g_autoptr (GPtrArray) units = tz_unit_list (db, campaign_id, error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *shown = gtk_drop_down_get_model (self->unit_filter);
  gint64 chosen = filter_unit_id (self);
  guint selected = 0;
  gboolean same;

  if (units == NULL)
    return FALSE;

  /* The model is replaced only when the units changed: replacing it resets the
   * drop-down, which must not happen while the user works with it. */
  same = shown != NULL && g_list_model_get_n_items (shown) == units->len + 1 &&
         self->unit_ids->len == units->len;
  for (guint i = 0; same && i < units->len; i++)
    {
      const TzUnit *unit = units->pdata[i];

      same =
          g_array_index (self->unit_ids, gint64, i) == unit->id &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (shown), i + 1), unit->name) == 0;
    }
  if (same)
    return TRUE;

  g_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (names, _ ("All Units"));
  for (guint i = 0; i < units->len; i++)
    {
      const TzUnit *unit = units->pdata[i];

      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
      if (unit->id == chosen)
        selected = i + 1;
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->unit_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit_filter, selected);
  self->syncing = FALSE;
  return TRUE;
}

static void
show_no_campaign (TzActivityPage *self)
{
  g_list_store_remove_all (self->store);
  adw_status_page_set_title (self->empty_page, _ ("No Campaign Selected"));
  adw_status_page_set_description (self->empty_page,
                                   _ ("Choose a campaign in the list to see its activities."));
  gtk_widget_set_visible (self->empty_add_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_label_set_text (self->count_label, "");
}

static void
tz_activity_page_reload (TzPage *page)
{
  TzActivityPage *self = TZ_ACTIVITY_PAGE (page);
  TzDb *db = tz_page_get_db (page);
  gint64 campaign_id = tz_page_get_campaign_id (page);
  g_autoptr (GPtrArray) activities = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  gboolean has_campaign = db != NULL && campaign_id > 0;
  gint64 unit_id;

  gtk_widget_set_sensitive (self->toolbar, has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.add", has_campaign);
  if (!has_campaign)
    {
      self->shown_campaign_id = 0;
      show_no_campaign (self);
      return;
    }

  if (campaign_id != self->shown_campaign_id)
    {
      /* Another campaign: its own units, all of them. */
      self->shown_campaign_id = campaign_id;
      g_array_set_size (self->unit_ids, 0);
      self->syncing = TRUE;
      gtk_drop_down_set_selected (self->unit_filter, 0);
      self->syncing = FALSE;
    }
  adw_status_page_set_title (self->empty_page, _ ("No Activities Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _ ("Log each offline activity a unit holds: when, where, who "
                                      "took part, and photos as evidence."));
  gtk_widget_set_visible (self->empty_add_button, TRUE);

  if (!load_units (self, db, campaign_id, &error))
    {
      tz_page_show_error (page, _ ("The units could not be read"), error);
      return;
    }
  unit_id = filter_unit_id (self);
  activities = unit_id > 0 ? tz_activity_list_under (db, campaign_id, unit_id, &error)
                           : tz_activity_list (db, campaign_id, 0, &error);
  if (activities == NULL)
    {
      tz_page_show_error (page, _ ("The activities could not be read"), error);
      return;
    }
  for (guint i = 0; i < activities->len; i++)
    {
      TzActivityItem *item = g_object_new (TZ_TYPE_ACTIVITY_ITEM, NULL);

      item->activity = g_steal_pointer (&activities->pdata[i]);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_view_state (self);
}

static void
open_dialog (TzActivityPage *self, gint64 activity_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GError) error = NULL;
  TzActivityDialog *dialog;

  dialog = tz_activity_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   tz_page_get_db (TZ_PAGE (self)),
                                   tz_page_get_campaign_id (TZ_PAGE (self)), activity_id, &error);
  if (dialog == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The activity could not be opened"), error);
      return;
    }
  if (activity_id == 0 && filter_unit_id (self) != 0)
    tz_activity_dialog_set_unit (dialog, filter_unit_id (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo */

static void
purge_pending (TzActivityPage *self)
{
  for (guint i = 0; self->pending_db != NULL && i < self->pending->len; i++)
    tz_activity_deleted_purge (self->pending_db, self->pending->pdata[i]);
  g_ptr_array_set_size (self->pending, 0);
  g_clear_object (&self->pending_db);
}

static void
toast_dismissed_cb (AdwToast *toast, TzActivityPage *self)
{
  /* Not undone: the deletions are final and their files can go. */
  purge_pending (self);
  g_clear_object (&self->undo_toast);
}

static void
toast_undo_cb (AdwToast *toast, TzActivityPage *self)
{
  /* The toast dismisses itself after its button; it only has to be let go. */
  g_signal_handlers_disconnect_by_data (toast, self);
  g_clear_object (&self->undo_toast);
  tz_activity_page_undo_delete (self);
}

static void
update_undo_toast (TzActivityPage *self)
{
  g_autofree char *title = NULL;

  if (self->pending->len == 1)
    {
      const TzActivity *a = tz_activity_deleted_get_activity (self->pending->pdata[0]);
      g_autofree char *name = g_markup_escape_text (a->title, -1);

      title = g_strdup_printf (_ ("Activity “%s” deleted"), name);
    }
  else
    title = g_strdup_printf (
        g_dngettext (NULL, "%u activity deleted", "%u activities deleted", self->pending->len),
        self->pending->len);

  if (self->undo_toast == NULL)
    {
      self->undo_toast = adw_toast_new (title);
      adw_toast_set_button_label (self->undo_toast, _ ("_Undo"));
      adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (self->undo_toast, "button-clicked", G_CALLBACK (toast_undo_cb), self,
                               0);
      g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self,
                               0);
      tz_page_add_toast (TZ_PAGE (self), g_object_ref (self->undo_toast));
    }
  else
    adw_toast_set_title (self->undo_toast, title);
}

gboolean
tz_activity_page_delete_activity (TzActivityPage *self, gint64 activity_id)
{
  TzDb *db;
  g_autoptr (GError) error = NULL;
  TzActivityDeleted *deleted;

  g_return_val_if_fail (TZ_IS_ACTIVITY_PAGE (self), FALSE);

  db = tz_page_get_db (TZ_PAGE (self));
  if (db == NULL)
    return FALSE;
  /* Deletions of another database than the pending ones end those first. */
  if (self->pending_db != NULL && self->pending_db != db)
    purge_pending (self);

  deleted = tz_activity_delete_for_undo (db, activity_id, &error);
  if (deleted == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The activity could not be deleted"), error);
      return FALSE;
    }
  g_set_object (&self->pending_db, db);
  g_ptr_array_add (self->pending, deleted);
  update_undo_toast (self);
  return TRUE;
}

gboolean
tz_activity_page_undo_delete (TzActivityPage *self)
{
  g_autoptr (GError) first_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (TZ_IS_ACTIVITY_PAGE (self), FALSE);

  if (self->pending_db == NULL)
    return FALSE;
  /* Newest first, the reverse of the deletions. */
  for (guint i = self->pending->len; i > 0; i--)
    {
      g_autoptr (GError) error = NULL;

      if (!tz_activity_restore (self->pending_db, self->pending->pdata[i - 1], &error))
        {
          ok = FALSE;
          if (first_error == NULL)
            first_error = g_steal_pointer (&error);
        }
    }
  /* What could not come back is deleted for good. */
  purge_pending (self);
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      adw_toast_dismiss (self->undo_toast);
      g_clear_object (&self->undo_toast);
    }
  if (!ok)
    tz_page_show_error (TZ_PAGE (self), _ ("The activity could not be restored"), first_error);
  return ok;
}

/* Rows */

static void
row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzActivityPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *evidence = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);

  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_widget_set_valign (date, GTK_ALIGN_START);
  gtk_widget_add_css_class (date, "numeric");

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), details);

  gtk_widget_set_valign (evidence, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (evidence, "dim-label");
  gtk_box_append (GTK_BOX (evidence), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  gtk_box_append (GTK_BOX (evidence), gtk_label_new (NULL));

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _ ("Edit the activity"));
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _ ("Delete the activity (it can be undone)"));

  gtk_box_append (GTK_BOX (row), date);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), evidence);
  gtk_box_append (GTK_BOX (row), edit);
  gtk_box_append (GTK_BOX (row), delete);
  gtk_list_item_set_child (list_item, row);
}

static char *
details_text (const TzActivity *a)
{
  g_autoptr (GString) text = g_string_new (a->unit_name);

  if (a->place != NULL)
    g_string_append_printf (text, " · %s", a->place);
  if (a->enterprise != NULL)
    g_string_append_printf (text, " · %s", a->enterprise);
  if (a->participants >= 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text,
                              g_dngettext (NULL, "%" PRId64 " participant",
                                           "%" PRId64 " participants", (gulong) a->participants),
                              a->participants);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzActivityPage *self)
{
  const TzActivity *a = TZ_ACTIVITY_ITEM (gtk_list_item_get_item (list_item))->activity;
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *date = gtk_widget_get_first_child (row);
  GtkWidget *text = gtk_widget_get_next_sibling (date);
  GtkWidget *evidence = gtk_widget_get_next_sibling (text);
  GtkWidget *edit = gtk_widget_get_next_sibling (evidence);
  GtkWidget *delete = gtk_widget_get_next_sibling (edit);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  g_autofree char *date_text = tz_format_date (a->held_on);
  g_autofree char *details_str = details_text (a);
  g_autofree char *count = g_strdup_printf ("%u", a->n_attachments);
  g_autofree char *evidence_text = g_strdup_printf (
      g_dngettext (NULL, "%u evidence file", "%u evidence files", a->n_attachments),
      a->n_attachments);
  g_autofree char *edit_label = g_strdup_printf (_ ("Edit “%s”"), a->title);
  g_autofree char *delete_label = g_strdup_printf (_ ("Delete “%s”"), a->title);

  gtk_label_set_text (GTK_LABEL (date), date_text);
  gtk_label_set_text (GTK_LABEL (title), a->title);
  gtk_widget_set_tooltip_text (title, a->title);
  gtk_label_set_text (GTK_LABEL (details), details_str);
  gtk_widget_set_tooltip_text (details, a->summary != NULL ? a->summary : details_str);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (evidence)), count);
  gtk_widget_set_tooltip_text (evidence, evidence_text);
  gtk_widget_set_visible (evidence, a->n_attachments > 0);
  /* The target first: an action name without its target would not match the action. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new_int64 (a->id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "activities.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete), g_variant_new_int64 (a->id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "activities.delete");
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
}

/* Signal callbacks */

static gboolean
filter_reload_cb (gpointer data)
{
  TzActivityPage *self = data;

  self->filter_idle_id = 0;
  tz_page_queue_reload (TZ_PAGE (self));
  return G_SOURCE_REMOVE;
}

/* Reloads once the drop-down has finished changing its selection. */
static void
unit_filter_changed_cb (TzActivityPage *self)
{
  if (self->syncing || self->filter_idle_id != 0)
    return;
  self->filter_idle_id = g_idle_add (filter_reload_cb, self);
}

static void
search_changed_cb (TzActivityPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view_state (self);
}

static void
list_activate_cb (GtkListView *view, guint position, TzActivityPage *self)
{
  g_autoptr (TzActivityItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    open_dialog (self, item->activity->id);
}

/* Actions */

static void
add_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (TZ_ACTIVITY_PAGE (widget), 0);
}

static void
edit_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (TZ_ACTIVITY_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
delete_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  tz_activity_page_delete_activity (TZ_ACTIVITY_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
search_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TZ_ACTIVITY_PAGE (widget)->search_entry));
}

/* Overrides */

static void
tz_activity_page_dispose (GObject *object)
{
  TzActivityPage *self = TZ_ACTIVITY_PAGE (object);

  g_clear_handle_id (&self->filter_idle_id, g_source_remove);
  /* The page goes while Undo is offered: the deletions become final. */
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_clear_object (&self->undo_toast);
    }
  if (self->pending != NULL)
    purge_pending (self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_ACTIVITY_PAGE);

  G_OBJECT_CLASS (tz_activity_page_parent_class)->dispose (object);
}

static void
tz_activity_page_finalize (GObject *object)
{
  TzActivityPage *self = TZ_ACTIVITY_PAGE (object);

  g_array_unref (self->unit_ids);
  g_ptr_array_unref (self->pending);
  G_OBJECT_CLASS (tz_activity_page_parent_class)->finalize (object);
}

static void
tz_activity_page_class_init (TzActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->dispose = tz_activity_page_dispose;
  object_class->finalize = tz_activity_page_finalize;
  page_class->reload = tz_activity_page_reload;
  page_class->watched_tables = watched;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, unit_filter);
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TzActivityPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, unit_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);

  gtk_widget_class_install_action (widget_class, "activities.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "activities.edit", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "activities.delete", "x", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "activities.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "activities.search", NULL);
}

static void
tz_activity_page_init (TzActivityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_activity_deleted_free);
  self->store = g_list_store_new (TZ_TYPE_ACTIVITY_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  show_no_campaign (self);
}

GtkWidget *
tz_activity_page_new (void)
{
  return g_object_new (TZ_TYPE_ACTIVITY_PAGE, NULL);
}
