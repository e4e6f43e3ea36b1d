/* tz-window.c — the main window: the campaigns of one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds one open database. Everything it shows comes from the core
 * (tz_campaign_list, tz_campaign_import_file); it never runs SQL itself. Every
 * failure of the core reaches the user as a dialog with the core's message.
 */
#define G_LOG_DOMAIN "tz-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-campaign-file.h"
#include "tz-campaign-item.h"
#include "tz-campaign.h"
#include "tz-i18n.h"
#include "tz-settings.h"
#include "tz-window.h"

struct _TzWindow
{
  AdwApplicationWindow parent_instance;

  TzDb *db;
  GSettings *settings;
  GListStore *campaigns;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  AdwWindowTitle *sidebar_title;
  GtkListBox *campaign_list;
  GtkWidget *campaign_pane;
  GtkLabel *title_label;
  AdwActionRow *issuer_row;
  AdwActionRow *doc_number_row;
  AdwActionRow *issue_date_row;
  AdwActionRow *period_row;
  AdwActionRow *status_row;
  GtkWidget *empty_import_button;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TzWindow, tz_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The core always says why; this only guards the window against a core bug. */
static const char *
tz_error_text (const GError *error)
{
  if (error == NULL || is_empty (error->message))
    return _ ("An unexpected error occurred. Please report it to the developers.");
  return error->message;
}

static void
tz_window_show_error (TzWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  g_assert (TZ_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, tz_error_text (error));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window without a usable database: the error page, and the dialog on top. */
static void
tz_window_show_failure (TzWindow *self, const char *heading, const GError *error)
{
  g_autofree char *markup = g_markup_escape_text (tz_error_text (error), -1);

  g_assert (TZ_IS_WINDOW (self));

  g_list_store_remove_all (self->campaigns);
  adw_status_page_set_title (self->error_page, heading);
  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);

  tz_window_show_error (self, heading, error);
}

static char *
campaign_subtitle (const TzCampaign *campaign)
{
  const char *parts[3] = { NULL };
  guint n = 0;

  if (!is_empty (campaign->issuer))
    parts[n++] = campaign->issuer;
  if (!is_empty (campaign->doc_number))
    parts[n++] = campaign->doc_number;
  return g_strjoinv (" · ", (char **) parts);
}

static const char *
status_text (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_ ("campaign status", "Draft");
  if (g_strcmp0 (status, "active") == 0)
    return C_ ("campaign status", "Active");
  if (g_strcmp0 (status, "finished") == 0)
    return C_ ("campaign status", "Finished");
  if (g_strcmp0 (status, "archived") == 0)
    return C_ ("campaign status", "Archived");
  return status;
}

static GtkWidget *
create_campaign_row (gpointer item, gpointer user_data)
{
  const TzCampaign *campaign = tz_campaign_item_get_campaign (item);
  g_autofree char *subtitle = campaign_subtitle (campaign);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (campaign->title);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  /* A long title wraps in the sidebar instead of widening it. */
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_box_append (GTK_BOX (box), title);

  if (*subtitle != '\0')
    {
      GtkWidget *caption = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 24);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), caption);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  campaign->title, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

static char *
period_text (const char *start_date, const char *end_date)
{
  g_autofree char *start = tz_format_date (start_date);
  g_autofree char *end = tz_format_date (end_date);

  if (*start != '\0' && *end != '\0')
    /* TRANSLATORS: a period of time, from the first date to the second */
    return g_strdup_printf (_ ("%s – %s"), start, end);
  if (*start != '\0')
    /* TRANSLATORS: a period of time whose end is not known */
    return g_strdup_printf (_ ("from %s"), start);
  if (*end != '\0')
    /* TRANSLATORS: a period of time whose start is not known */
    return g_strdup_printf (_ ("until %s"), end);
  return NULL;
}

/* A field of the notice: the row's title names it, its subtitle (and, for screen
 * readers, its description) holds the value; a field the notice leaves out is hidden. */
static void
set_row_value (AdwActionRow *row, const char *value)
{
  const char *text = is_empty (value) ? "" : value;

  adw_action_row_set_subtitle (row, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (row), *text != '\0');
}

static void
tz_window_show_campaign (TzWindow *self, const TzCampaign *campaign)
{
  g_autofree char *issue_date = tz_format_date (campaign->issue_date);
  g_autofree char *period = period_text (campaign->start_date, campaign->end_date);

  g_assert (TZ_IS_WINDOW (self));

  gtk_label_set_text (self->title_label, campaign->title);
  set_row_value (self->issuer_row, campaign->issuer);
  set_row_value (self->doc_number_row, campaign->doc_number);
  set_row_value (self->issue_date_row, issue_date);
  set_row_value (self->period_row, period);
  set_row_value (self->status_row, status_text (campaign->status));
}

/* Reads the campaigns again and selects @select_id, else the last one shown, else the first. */
static gboolean
tz_window_reload (TzWindow *self, gint64 select_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64 last_id = 0;
  guint selected = 0;

  g_assert (TZ_IS_WINDOW (self));
  g_assert (TZ_IS_DB (self->db));

  list = tz_campaign_list (self->db, &error);
  if (list == NULL)
    {
      tz_window_show_failure (self, _ ("Could Not Read the Campaigns"), error);
      return FALSE;
    }

  if (self->settings != NULL)
    last_id = g_settings_get_int64 (self->settings, "last-campaign");

  /* The items take over the campaigns. */
  g_ptr_array_set_free_func (list, NULL);
  items = g_ptr_array_new_full (list->len, g_object_unref);
  for (guint i = 0; i < list->len; i++)
    {
      TzCampaign *campaign = g_ptr_array_index (list, i);

      if (campaign->id == select_id || (select_id == 0 && campaign->id == last_id))
        selected = i;
      g_ptr_array_add (items, tz_campaign_item_new (campaign));
    }

  g_list_store_splice (self->campaigns, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)), items->pdata,
                       items->len);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  if (items->len == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_widget_grab_focus (self->empty_import_button);
      return TRUE;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "campaigns");
  gtk_list_box_select_row (self->campaign_list,
                           gtk_list_box_get_row_at_index (self->campaign_list, selected));
  return TRUE;
}

static void
chooser_response_cb (TzWindow *self, int response, GtkNativeDialog *chooser)
{
  g_assert (TZ_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tz_window_import_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
campaign_list_row_selected_cb (TzWindow *self, GtkListBoxRow *row, GtkListBox *list)
{
  g_autoptr (TzCampaignItem) item = NULL;

  g_assert (TZ_IS_WINDOW (self));

  if (row == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->campaigns), gtk_list_box_row_get_index (row));
  if (item == NULL)
    return;

  tz_window_show_campaign (self, tz_campaign_item_get_campaign (item));
  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-campaign", tz_campaign_item_get_id (item));
}

static void
campaign_list_row_activated_cb (TzWindow *self, GtkListBoxRow *row, GtkListBox *list)
{
  g_assert (TZ_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->campaign_pane);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);
  g_autoptr (GtkFileFilter) campaign_filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all_filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  gtk_file_filter_set_name (campaign_filter, _ ("Campaign Files"));
  gtk_file_filter_add_mime_type (campaign_filter, "application/json");
  gtk_file_filter_add_pattern (campaign_filter, "*.json");
  gtk_file_filter_set_name (all_filter, _ ("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  self->chooser =
      gtk_file_chooser_native_new (_ ("Import Campaign File"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), campaign_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
tz_window_close_request (GtkWindow *window)
{
  TzWindow *self = TZ_WINDOW (window);

  if (self->settings != NULL)
    {
      int width = 0;
      int height = 0;

      /* The default size follows the size the user gave the window. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (tz_window_parent_class)->close_request (window);
}

static void
tz_window_dispose (GObject *object)
{
  TzWindow *self = TZ_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_WINDOW);

  g_clear_object (&self->campaigns);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (tz_window_parent_class)->dispose (object);
}

static void
tz_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzWindow *self = TZ_WINDOW (object);

  switch (prop_id)
    {
      case PROP_DATABASE:
        g_value_set_object (value, self->db);
        break;

      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_window_class_init (TzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tz_window_dispose;
  object_class->get_property = tz_window_get_property;

  window_class->close_request = tz_window_close_request;

  /**
   * TzWindow:database: (nullable)
   *
   * The open database, %NULL when none could be opened.
   */
  properties[PROP_DATABASE] = g_param_spec_object ("database", NULL, NULL, TZ_TYPE_DB,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, campaign_pane);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, doc_number_row);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, issue_date_row);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, period_row);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, campaign_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, campaign_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import",
                                       NULL);
}

static void
tz_window_init (TzWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->campaigns = g_list_store_new (TZ_TYPE_CAMPAIGN_ITEM);
  gtk_list_box_bind_model (self->campaign_list, G_LIST_MODEL (self->campaigns), create_campaign_row,
                           NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);

  self->settings = tz_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

TzWindow *
tz_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (TZ_TYPE_WINDOW, "application", application, NULL);
}

/**
 * tz_window_open_database:
 * @path: (nullable): the database file; %NULL for the default one
 *
 * Opens the database and shows its campaigns. When the core refuses the file
 * (not a database, a newer schema, locked, read-only, …) the window shows the
 * core's message in a dialog and on its error page, and keeps no database.
 *
 * Returns: whether the database was opened and read
 */
gboolean
tz_window_open_database (TzWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (TZ_IS_WINDOW (self), FALSE);

  db = tz_db_open (path, &error);
  if (g_set_object (&self->db, db))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  if (db == NULL)
    {
      tz_window_show_failure (self, _ ("Could Not Open the Database"), error);
      return FALSE;
    }

  basename = g_path_get_basename (tz_db_get_path (db));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), tz_db_get_path (db));

  return tz_window_reload (self, 0);
}

/**
 * tz_window_get_database:
 *
 * Returns: (transfer none) (nullable): the open database
 */
TzDb *
tz_window_get_database (TzWindow *self)
{
  g_return_val_if_fail (TZ_IS_WINDOW (self), NULL);
  return self->db;
}

/**
 * tz_window_import_file:
 * @file: a campaign file (JSON)
 *
 * Imports @file into the open database and selects the new campaign; a
 * refusal of the core is shown in a dialog, and nothing is imported.
 *
 * Returns: whether the campaign was imported
 */
gboolean
tz_window_import_file (TzWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 id;

  g_return_val_if_fail (TZ_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("“%s” is not a local file. Copy it to this computer and import the copy."),
                   uri);
      tz_window_show_error (self, _ ("Could Not Import the Campaign File"), error);
      return FALSE;
    }

  id = tz_campaign_import_file (self->db, path, &error);
  if (id <= 0)
    {
      tz_window_show_error (self, _ ("Could Not Import the Campaign File"), error);
      return FALSE;
    }

  if (tz_window_reload (self, id))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->campaign_list);
      g_autoptr (TzCampaignItem) item = NULL;

      if (row != NULL)
        item = g_list_model_get_item (G_LIST_MODEL (self->campaigns),
                                      gtk_list_box_row_get_index (row));
      if (item != NULL && tz_campaign_item_get_id (item) == id)
        {
          /* The toast's title is markup. */
          g_autofree char *title = g_markup_printf_escaped (
              _ ("Imported “%s”"), tz_campaign_item_get_campaign (item)->title);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
    }
  return TRUE;
}
