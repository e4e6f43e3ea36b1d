/* tz-window.c — the main window: the campaigns of one database and their pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds one open database: a sidebar lists its campaigns, and the
 * selected one is shown in seven pages (overview, quotas, offline activities,
 * people, entries, units, reports) that each read what they need from the core. The
 * window hands every page the database and the campaign's id; it never runs
 * SQL itself. Every failure of the core reaches the user as a dialog with the
 * core's message.
 */
#define G_LOG_DOMAIN "tz-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-audit-window.h"
#include "tz-backup.h"
#include "tz-backups-window.h"
#include "tz-purge.h"
#include "tz-activity-page.h"
#include "tz-campaign-dialog.h"
#include "tz-campaign-file.h"
#include "tz-campaign-item.h"
#include "tz-campaign.h"
#include "tz-entries-page.h"
#include "tz-import-dialog.h"
#include "tz-imports-window.h"
#include "tz-judging-page.h"
#include "tz-overview-page.h"
#include "tz-package-dialog.h"
#include "tz-people-page.h"
#include "tz-preferences-window.h"
#include "tz-quota-page.h"
#include "tz-reports-page.h"
#include "tz-settings.h"
#include "tz-units-page.h"
#include "tz-timing.h"
#include "tz-window.h"

#define N_PAGES 8

struct _TzWindow
{
  AdwApplicationWindow parent_instance;

  TzDb *db;
  gulong changed_id;
  TzBackupJob *backup_job; /* the daily backup being copied, or NULL */
  guint backup_source;
  GSettings *settings;
  GListStore *campaigns;
  GtkFileChooserNative *chooser;
  gint64 shown_id; /* the campaign the pages show, 0 for none */
  gboolean reloading;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  AdwWindowTitle *sidebar_title;
  GtkListBox *campaign_list;
  GtkWidget *campaign_pane;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack *view_stack;
  TzPage *overview_page;
  TzPage *quota_page;
  TzPage *activity_page;
  TzPage *people_page;
  TzPage *entries_page;
  TzPage *units_page;
  TzPage *reports_page;
  TzPage *judging_page;
  GtkWidget *empty_new_button;
  GtkWidget *empty_import_button;
  GtkWidget *shipped_section;
  GtkListBox *shipped_list;
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

/* The pages in the order of Alt+1 … Alt+8 (the view switcher shows judging before reports). */
static const char *const page_names[N_PAGES] = {
  "overview", "quotas", "activities", "people", "entries", "units", "judging", "reports",
};

/* The exchange with other units: enabled while a campaign is shown. */
static const char *const campaign_actions[] = {
  "win.import-table",   "win.blank-template", "win.import-package",
  "win.export-package", "win.import-history", "win.purge-personal",
};

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

/* Shows a toast; @title is markup (build it with g_markup_printf_escaped). */
static void
tz_window_toast (TzWindow *self, char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  g_free (title);
}

static void
tz_window_pages (TzWindow *self, TzPage *pages[N_PAGES])
{
  pages[0] = self->overview_page;
  pages[1] = self->quota_page;
  pages[2] = self->activity_page;
  pages[3] = self->people_page;
  pages[4] = self->entries_page;
  pages[5] = self->units_page;
  pages[6] = self->reports_page;
  pages[7] = self->judging_page;
}

/* Every page shows @campaign_id of the window's database (0: nothing). */
static void
tz_window_show_campaign (TzWindow *self, const TzCampaign *campaign)
{
  TzPage *pages[N_PAGES];
  gint64 id = campaign != NULL ? campaign->id : 0;

  tz_window_pages (self, pages);
  self->shown_id = id;
  for (guint i = 0; i < N_PAGES; i++)
    {
      tz_page_set_db (pages[i], self->db);
      tz_page_set_campaign_id (pages[i], id);
    }

  if (campaign != NULL)
    {
      const char *title =
          !is_empty (campaign->short_title) ? campaign->short_title : campaign->title;

      adw_view_switcher_title_set_title (self->switcher_title, title);
      adw_view_switcher_title_set_subtitle (
          self->switcher_title, campaign->doc_number != NULL ? campaign->doc_number : "");
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_view_switcher_title_set_title (self->switcher_title, _ ("Taizhang"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _ ("Taizhang"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-campaign", id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-campaign", id != 0);
  for (guint i = 0; i < G_N_ELEMENTS (campaign_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), campaign_actions[i], id != 0);
}

/* The window without a usable database: the error page, and the dialog on top. */
static void
tz_window_show_failure (TzWindow *self, const char *heading, const GError *error)
{
  g_autofree char *markup = g_markup_escape_text (tz_error_text (error), -1);

  g_assert (TZ_IS_WINDOW (self));

  g_list_store_remove_all (self->campaigns);
  tz_window_show_campaign (self, NULL);
  adw_status_page_set_title (self->error_page, heading);
  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", FALSE);

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

static TzCampaignItem *
selected_item (TzWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->campaign_list);

  if (row == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->campaigns), gtk_list_box_row_get_index (row));
}

/* Reads the campaigns again and selects @select_id, else the one shown, else
 * the last one shown in an earlier session, else the first. */
static gboolean
tz_window_reload (TzWindow *self, gint64 select_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64 last_id = 0;
  guint selected = 0;
  gboolean found = FALSE;

  g_assert (TZ_IS_WINDOW (self));
  g_assert (TZ_IS_DB (self->db));

  list = tz_campaign_list (self->db, &error);
  if (list == NULL)
    {
      tz_window_show_failure (self, _ ("Could Not Read the Campaigns"), error);
      return FALSE;
    }

  if (select_id == 0)
    select_id = self->shown_id;
  if (self->settings != NULL)
    last_id = g_settings_get_int64 (self->settings, "last-campaign");

  /* The items take over the campaigns. */
  g_ptr_array_set_free_func (list, NULL);
  items = g_ptr_array_new_full (list->len, g_object_unref);
  for (guint i = 0; i < list->len; i++)
    {
      TzCampaign *campaign = g_ptr_array_index (list, i);

      if (campaign->id == select_id)
        {
          selected = i;
          found = TRUE;
        }
      else if (!found && campaign->id == last_id)
        selected = i;
      g_ptr_array_add (items, tz_campaign_item_new (campaign));
    }

  /* Rebuilding the rows unselects them; the pages keep their campaign meanwhile. */
  self->reloading = TRUE;
  g_list_store_splice (self->campaigns, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)), items->pdata,
                       items->len);
  self->reloading = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", TRUE);
  if (items->len == 0)
    {
      tz_window_show_campaign (self, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_widget_grab_focus (self->empty_new_button);
      return TRUE;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "campaigns");
  gtk_list_box_select_row (self->campaign_list,
                           gtk_list_box_get_row_at_index (self->campaign_list, selected));
  return TRUE;
}

/* Campaigns change in dialogs, imports and other pages; the list follows. */
static void
db_changed_cb (TzWindow *self, char **tables, TzDb *db)
{
  g_assert (TZ_IS_WINDOW (self));

  if (tables != NULL && g_strv_contains ((const char *const *) tables, "campaign"))
    tz_window_reload (self, 0);
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

  if (row == NULL || self->reloading)
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
view_stack_page_changed_cb (TzWindow *self, GParamSpec *pspec, AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  g_assert (TZ_IS_WINDOW (self));

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-page", name);
  if (name != NULL && tz_timing_enabled ())
    {
      g_autofree char *what = g_strdup_printf ("page-%s-shown", name);
      tz_timing_after_paint (GTK_WIDGET (stack), what, g_get_monotonic_time ());
    }
}

/* The first frame of the window, for the benchmarks (bench/gui-timing.py). */
static void
tz_window_map (GtkWidget *widget)
{
  static gboolean first = TRUE;

  GTK_WIDGET_CLASS (tz_window_parent_class)->map (widget);
  if (first)
    tz_timing_after_paint (widget, "first-frame", 0);
  first = FALSE;
}

static void
shipped_list_row_activated_cb (TzWindow *self, GtkListBoxRow *row, GtkListBox *list)
{
  const char *path = g_object_get_data (G_OBJECT (row), "tz-path");
  g_autoptr (GFile) file = NULL;

  g_assert (TZ_IS_WINDOW (self));

  if (path == NULL || self->db == NULL)
    return;
  file = g_file_new_for_path (path);
  tz_window_import_file (self, file);
}

/* The button on a shipped campaign's row: the same as activating the row,
 * and a control that says what it does (also to assistive technologies). */
static void
shipped_import_clicked_cb (GtkButton *button, TzWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  g_assert (TZ_IS_WINDOW (self));
  if (row != NULL)
    shipped_list_row_activated_cb (self, GTK_LIST_BOX_ROW (row), self->shipped_list);
}

/* The campaign files that come with Taizhang: installed with it, or in the
 * source tree when it runs uninstalled. */
static char *
shipped_campaigns_dir (void)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "campaigns", NULL);

  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DATADIR, "campaigns", NULL);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
tz_window_fill_shipped (TzWindow *self)
{
  g_autofree char *dir_path = shipped_campaigns_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint shown = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *title = tz_campaign_file_peek_title (path, &error);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *import_label = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (title == NULL)
        {
          g_debug ("Not offering %s: %s", path, error->message);
          continue;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), basename);
      button = gtk_button_new_with_label (_ ("Import"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* TRANSLATORS: the accessible name of the button that imports a shipped campaign file */
      import_label = g_strdup_printf (_ ("Import “%s”"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      import_label, -1);
      g_signal_connect_object (button, "clicked", G_CALLBACK (shipped_import_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _ ("Import this campaign into the database"));
      g_object_set_data_full (G_OBJECT (row), "tz-path", g_strdup (path), g_free);
      gtk_list_box_append (self->shipped_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->shipped_section, shown > 0);
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

/* ---- exchange with other units ------------------------------------------ */

/* Dialogs opened here belong to the toast overlay: their toasts show in it. */
static GtkWidget *
exchange_owner (TzWindow *self)
{
  return GTK_WIDGET (self->toast_overlay);
}

static void
import_table_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->db != NULL)
    tz_import_dialog_choose_file (exchange_owner (self), self->db, self->shown_id, 0);
}

static void
blank_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->db != NULL && self->shown_id != 0)
    tz_template_save_interactive (exchange_owner (self), self->db, self->shown_id, 0);
}

static void
import_package_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->db != NULL)
    tz_package_dialog_choose_file (exchange_owner (self), self->db);
}

static void
export_package_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->db != NULL && self->shown_id != 0)
    tz_package_export_interactive (exchange_owner (self), self->db, self->shown_id);
}

static void
import_history_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->db != NULL)
    gtk_window_present (
        GTK_WINDOW (tz_imports_window_new (GTK_WINDOW (self), self->db, self->shown_id)));
}

static void
backups_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->db != NULL)
    gtk_window_present (GTK_WINDOW (tz_backups_window_new (GTK_WINDOW (self), self->db)));
}

static void
audit_log_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->db != NULL)
    gtk_window_present (GTK_WINDOW (tz_audit_window_new (GTK_WINDOW (self), self->db)));
}

static void
purge_response_cb (AdwMessageDialog *dialog, const char *response, TzWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "tz-campaign"));

  if (g_strcmp0 (response, "purge") != 0 || self->db == NULL)
    return;
  if (!tz_purge_personal_data (self->db, id, NULL, &error))
    {
      tz_window_show_error (self, _ ("Personal Data Was Not Removed"), error);
      return;
    }
  tz_gui_toast (GTK_WIDGET (self), _ ("Personal data removed."));
}

/* Asks, saying exactly what goes, then removes the personal data of the
 * shown campaign (refused with the reason while it is not finished). */
static void
purge_personal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  TzPurgeSummary summary;
  AdwMessageDialog *dialog;

  if (self->db == NULL || self->shown_id == 0)
    return;
  if (!tz_purge_preview (self->db, self->shown_id, &summary, &error))
    {
      tz_window_show_error (self, _ ("Personal Data Cannot Be Removed Yet"), error);
      return;
    }
  body = tz_purge_describe (&summary);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Remove Personal Data?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "purge", _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "purge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "purge",
                                           summary.id_numbers + summary.phones + summary.emails +
                                                   summary.photos + summary.audit_rows >
                                               0);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "tz-campaign", GSIZE_TO_POINTER (self->shown_id));
  g_signal_connect (dialog, "response", G_CALLBACK (purge_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
tz_window_guide_uri (void)
{
  const char *dirs[] = { g_getenv ("TAIZHANG_GUIDE_DIR"), TZ_GUIDE_DIR, TZ_SOURCE_GUIDE_DIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *index = NULL;

      if (is_empty (dirs[i]))
        continue;
      index = g_build_filename (dirs[i], "index.html", NULL);
      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (index, NULL, NULL);
    }
  return NULL;
}

/* F1: the guide for clerks, in the browser. */
static void
help_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);
  g_autofree char *uri = tz_window_guide_uri ();

  if (uri == NULL)
    {
      tz_gui_toast (GTK_WIDGET (self), _ ("The guide is not installed."));
      return;
    }
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* What a file dropped on the window (or named to win.open-file) is imported as:
 * a filled table, an entry package or a campaign file, by its extension. */
static void
tz_window_open_exchange_file (TzWindow *self, GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  if (self->db == NULL)
    return;
  switch (tz_exchange_file_kind (name))
    {
      case TZ_EXCHANGE_FILE_TABLE:
        tz_import_dialog_open_file (exchange_owner (self), self->db, self->shown_id, 0, file);
        break;
      case TZ_EXCHANGE_FILE_PACKAGE:
        tz_package_dialog_open_file (exchange_owner (self), self->db, file);
        break;
      case TZ_EXCHANGE_FILE_CAMPAIGN:
        tz_window_import_file (self, file);
        break;
      case TZ_EXCHANGE_FILE_UNKNOWN:
      default:
        tz_gui_toast (exchange_owner (self), _ ("Taizhang cannot import this kind of file"));
        break;
    }
}

static void
open_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  tz_window_open_exchange_file (TZ_WINDOW (widget), file);
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target, double x, double y, TzWindow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "tz-drop-hint");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target, TzWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "tz-drop-hint");
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, TzWindow *self)
{
  GSList *files = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "tz-drop-hint");
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));
  if (files == NULL)
    return FALSE;
  /* One file at a time: each import has its own preview. */
  tz_window_open_exchange_file (self, files->data);
  if (files->next != NULL)
    tz_gui_toast (exchange_owner (self), _ ("Only the first file was opened: drop one file at a "
                                            "time"));
  g_slist_free (files);
  return TRUE;
}

static void
tz_window_setup_drop (TzWindow *self)
{
  static gboolean styled;
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));

  /* The hint while a file is dragged over the window. */
  if (!styled)
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider,
                                       ".tz-drop-hint { outline: 3px dashed @accent_color; "
                                       "outline-offset: -8px; "
                                       "background-color: alpha(@accent_bg_color, 0.08); }",
                                       -1);
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      styled = TRUE;
    }
}

static void
campaign_saved_cb (TzWindow *self, gint64 id, TzCampaignDialog *dialog)
{
  g_autoptr (TzCampaignItem) item = NULL;
  gboolean created = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tz-new"));

  g_assert (TZ_IS_WINDOW (self));

  if (!tz_window_reload (self, id))
    return;
  item = selected_item (self);
  if (item == NULL || tz_campaign_item_get_id (item) != id)
    return;
  if (created)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "overview");
      adw_leaflet_set_visible_child (self->leaflet, self->campaign_pane);
    }
  if (created)
    tz_window_toast (self, g_markup_printf_escaped (_ ("Created “%s”"),
                                                    tz_campaign_item_get_campaign (item)->title));
  else
    tz_window_toast (self, g_markup_printf_escaped (_ ("Saved “%s”"),
                                                    tz_campaign_item_get_campaign (item)->title));
}

static void
tz_window_open_campaign_dialog (TzWindow *self, gint64 campaign_id)
{
  g_autoptr (GError) error = NULL;
  TzCampaignDialog *dialog;

  if (self->db == NULL)
    return;
  dialog = tz_campaign_dialog_new (GTK_WINDOW (self), self->db, campaign_id, &error);
  if (dialog == NULL)
    {
      tz_window_show_error (self, _ ("Could Not Open the Campaign"), error);
      return;
    }
  g_object_set_data (G_OBJECT (dialog), "tz-new", GINT_TO_POINTER (campaign_id == 0));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (campaign_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_campaign_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  tz_window_open_campaign_dialog (TZ_WINDOW (widget), 0);
}

static void
edit_campaign_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);

  if (self->shown_id != 0)
    tz_window_open_campaign_dialog (self, self->shown_id);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, TzWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "tz-id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "tz-title");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->db == NULL)
    return;
  if (!tz_campaign_delete (self->db, id, &error))
    {
      tz_window_show_error (self, _ ("Could Not Delete the Campaign"), error);
      return;
    }
  /* The list follows through the database's "changed"; this says what happened. */
  tz_window_toast (self, g_markup_printf_escaped (_ ("Deleted “%s”"), title));
}

static void
delete_campaign_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);
  g_autoptr (TzCampaignItem) item = selected_item (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  TzCampaignContents contents = { 0 };
  const TzCampaign *campaign;
  GtkWidget *dialog;

  if (item == NULL || self->db == NULL)
    return;
  campaign = tz_campaign_item_get_campaign (item);
  if (!tz_campaign_count_contents (self->db, campaign->id, &contents, &error))
    {
      tz_window_show_error (self, _ ("Could Not Delete the Campaign"), error);
      return;
    }

  /* TRANSLATORS: the heading of the confirmation; %s is the campaign's title */
  heading = g_strdup_printf (_ ("Delete “%s”?"), campaign->title);
  if (contents.tracks + contents.stages + contents.quotas + contents.activities + contents.entries >
      0)
    {
      g_string_append (body, _ ("These go with it:"));
      if (contents.tracks > 0)
        {
          g_string_append (body, "\n• ");
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " track",
                                               "%" PRId64 " tracks", (gulong) contents.tracks),
                                  contents.tracks);
        }
      if (contents.stages > 0)
        {
          g_string_append (body, "\n• ");
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " stage",
                                               "%" PRId64 " stages", (gulong) contents.stages),
                                  contents.stages);
        }
      if (contents.quotas > 0)
        {
          g_string_append (body, "\n• ");
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " quota",
                                               "%" PRId64 " quotas", (gulong) contents.quotas),
                                  contents.quotas);
        }
      if (contents.activities > 0)
        {
          g_string_append (body, "\n• ");
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " offline activity",
                                               "%" PRId64 " offline activities",
                                               (gulong) contents.activities),
                                  contents.activities);
        }
      if (contents.entries > 0)
        {
          g_string_append (body, "\n• ");
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " entry",
                                               "%" PRId64 " entries", (gulong) contents.entries),
                                  contents.entries);
        }
      g_string_append (body, "\n\n");
    }
  g_string_append (body, _ ("People and units stay in the database. The deletion cannot be "
                            "undone; export the campaign first to keep a copy."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete",
                                    _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tz-id", g_memdup2 (&campaign->id, sizeof (gint64)),
                          g_free);
  g_object_set_data_full (G_OBJECT (dialog), "tz-title", g_strdup (campaign->title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_present (GTK_WINDOW (tz_preferences_window_new (GTK_WINDOW (widget))));
}

static void
show_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzWindow *self = TZ_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!g_strv_contains (page_names, name))
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* On a narrow window the pages are behind the list: bring them forward. */
  if (self->shown_id != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->campaign_pane);
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

static void stop_daily_backup (TzWindow *self);

static void
tz_window_set_db (TzWindow *self, TzDb *db)
{
  stop_daily_backup (self);
  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_id, self->db);
  if (g_set_object (&self->db, db))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  if (db != NULL)
    self->changed_id = g_signal_connect_object (db, "changed", G_CALLBACK (db_changed_cb), self,
                                                G_CONNECT_SWAPPED);
}

static void
tz_window_dispose (GObject *object)
{
  TzWindow *self = TZ_WINDOW (object);

  stop_daily_backup (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_id, self->db);

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
  widget_class->map = tz_window_map;

  /**
   * TzWindow:database: (nullable)
   *
   * The open database, %NULL when none could be opened.
   */
  properties[PROP_DATABASE] = g_param_spec_object ("database", NULL, NULL, TZ_TYPE_DB,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template creates the pages by their type names. */
  g_type_ensure (TZ_TYPE_OVERVIEW_PAGE);
  g_type_ensure (TZ_TYPE_QUOTA_PAGE);
  g_type_ensure (TZ_TYPE_ACTIVITY_PAGE);
  g_type_ensure (TZ_TYPE_PEOPLE_PAGE);
  g_type_ensure (TZ_TYPE_ENTRIES_PAGE);
  g_type_ensure (TZ_TYPE_UNITS_PAGE);
  g_type_ensure (TZ_TYPE_REPORTS_PAGE);
  g_type_ensure (TZ_TYPE_JUDGING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/taizhang/Taizhang/tz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, campaign_list);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, campaign_pane);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, quota_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, activity_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, people_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, entries_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, units_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, judging_page);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, shipped_section);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, shipped_list);
  gtk_widget_class_bind_template_child (widget_class, TzWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, campaign_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, campaign_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, shipped_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-campaign", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.edit-campaign", NULL, edit_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.delete-campaign", NULL,
                                   delete_campaign_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.import-table", NULL, import_table_action);
  gtk_widget_class_install_action (widget_class, "win.blank-template", NULL, blank_template_action);
  gtk_widget_class_install_action (widget_class, "win.import-package", NULL, import_package_action);
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, export_package_action);
  gtk_widget_class_install_action (widget_class, "win.import-history", NULL, import_history_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_action);
  gtk_widget_class_install_action (widget_class, "win.purge-personal", NULL, purge_personal_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);

  /* The application also registers these accelerators, so that menus show them;
   * the bindings make a window without an application answer to them too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-campaign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  for (guint i = 0; i < N_PAGES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-page",
                                         "s", page_names[i]);
}

static void
tz_window_init (TzWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->campaigns = g_list_store_new (TZ_TYPE_CAMPAIGN_ITEM);
  gtk_list_box_bind_model (self->campaign_list, G_LIST_MODEL (self->campaigns), create_campaign_row,
                           NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-campaign", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-campaign", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-campaign", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (campaign_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), campaign_actions[i], FALSE);
  tz_window_fill_shipped (self);
  tz_window_setup_drop (self);

  self->settings = tz_settings_new ();
  if (self->settings != NULL)
    {
      g_autofree char *page = g_settings_get_string (self->settings, "last-page");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (g_strv_contains (page_names, page))
        adw_view_stack_set_visible_child_name (self->view_stack, page);
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
static void tz_window_start_daily_backup (TzWindow *self, const char *path);

gboolean
tz_window_open_database (TzWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (TZ_IS_WINDOW (self), FALSE);

  db = tz_db_open (path, &error);
  self->shown_id = 0;
  tz_window_set_db (self, db);

  if (db == NULL)
    {
      tz_window_show_failure (self, _ ("Could Not Open the Database"), error);
      return FALSE;
    }

  tz_window_start_daily_backup (self, tz_db_get_path (db));
  basename = g_path_get_basename (tz_db_get_path (db));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title), tz_db_get_path (db));

  return tz_window_reload (self, 0);
}

/* The daily backup is copied a few pages at a time from the main loop, on the
 * window's own connection (see tz-backup.h for why never a second one), so
 * that copying a large database holds up neither the first frame nor the
 * clerk; a failure is said in a toast. */
#define BACKUP_PAGES_PER_STEP 256
#define BACKUP_FIRST_DELAY_MS 1500

static void
stop_daily_backup (TzWindow *self)
{
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_pointer (&self->backup_job, tz_backup_job_free);
}

static gboolean
daily_backup_step_cb (gpointer data)
{
  TzWindow *self = data;
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;

  if (tz_backup_job_step (self->backup_job, BACKUP_PAGES_PER_STEP, &done, &error) &&
      (!done || tz_backup_job_finish (self->backup_job, NULL, &error)))
    {
      if (!done)
        return G_SOURCE_CONTINUE;
    }
  else
    {
      g_autofree char *text =
          g_strdup_printf (_ ("The daily backup was not made: %s"), error->message);
      tz_gui_toast (GTK_WIDGET (self), text);
    }
  self->backup_source = 0;
  g_clear_pointer (&self->backup_job, tz_backup_job_free);
  return G_SOURCE_REMOVE;
}

/* The copy starts once the window has settled, then goes on in small steps. */
static gboolean
daily_backup_begin_cb (gpointer data)
{
  TzWindow *self = data;

  self->backup_source = g_timeout_add (5, daily_backup_step_cb, self);
  return G_SOURCE_REMOVE;
}

static void
tz_window_start_daily_backup (TzWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;

  stop_daily_backup (self);
  self->backup_job = tz_backup_job_new_daily (self->db, NULL, &error);
  if (self->backup_job != NULL)
    self->backup_source = g_timeout_add (BACKUP_FIRST_DELAY_MS, daily_backup_begin_cb, self);
  else if (error != NULL)
    {
      g_autofree char *text =
          g_strdup_printf (_ ("The daily backup was not made: %s"), error->message);
      tz_gui_toast (GTK_WIDGET (self), text);
    }
  (void) path;
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
 * tz_window_get_campaign_id:
 *
 * Returns: the campaign the pages show, 0 for none
 */
gint64
tz_window_get_campaign_id (TzWindow *self)
{
  g_return_val_if_fail (TZ_IS_WINDOW (self), 0);
  return self->shown_id;
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

  path = tz_gui_local_path (file, &error);
  if (path == NULL)
    {
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
      g_autoptr (TzCampaignItem) item = selected_item (self);

      if (item != NULL && tz_campaign_item_get_id (item) == id)
        tz_window_toast (self,
                         g_markup_printf_escaped (_ ("Imported “%s”"),
                                                  tz_campaign_item_get_campaign (item)->title));
    }
  return TRUE;
}

/**
 * tz_window_show_page:
 * @name: overview, quotas, activities, people, entries, units, reports or judging
 *
 * Shows that page of the selected campaign, as Alt+1 … Alt+8 do.
 */
void
tz_window_show_page (TzWindow *self, const char *name)
{
  g_return_if_fail (TZ_IS_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", name);
}
