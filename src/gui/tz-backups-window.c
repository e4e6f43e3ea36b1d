/* tz-backups-window.c — the backups of the database: back up now, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is tz_backup_list(), newest first. Restoring asks first, saying
 * what the backup holds (its date and counts) and that the current content is
 * kept as a backup; the pages then follow the database's "changed" signal.
 */
#define G_LOG_DOMAIN "tz-backups-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-backup.h"
#include "tz-backups-window.h"

struct _TzBackupsWindow
{
  AdwWindow parent_instance;

  TzDb *db;
  GPtrArray *backups; /* TzBackupInfo* */
  GtkListBox *list;
  GtkStack *stack;
  AdwToastOverlay *toasts;
  char *pending; /* the backup the open question is about */
};

G_DEFINE_FINAL_TYPE (TzBackupsWindow, tz_backups_window, ADW_TYPE_WINDOW)

const char *
tz_backup_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "daily") == 0)
    return _ ("Daily");
  if (g_strcmp0 (kind, "before-import") == 0)
    return _ ("Before an import");
  if (g_strcmp0 (kind, "manual") == 0)
    return _ ("Made by hand");
  if (g_strcmp0 (kind, "before-restore") == 0)
    return _ ("Before a restore");
  if (g_strcmp0 (kind, "before-purge") == 0)
    return _ ("Before removing personal data");
  if (kind != NULL && g_str_has_prefix (kind, "before-v"))
    return _ ("Before an upgrade");
  return kind;
}

static void
show_error (TzBackupsWindow *self, const char *heading, const char *message)
{
  AdwMessageDialog *dialog =
      ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));

  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, TzBackupsWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;

  if (g_strcmp0 (response, "restore") != 0 || self->pending == NULL)
    return;
  if (!tz_backup_restore (self->db, self->pending, &kept, &error))
    {
      show_error (self, _ ("The Backup Was Not Restored"), error->message);
      return;
    }
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (_ ("Restored. The previous content is kept as a "
                                                 "backup.")));
  tz_backups_window_reload (self);
}

AdwMessageDialog *
tz_backups_window_ask_restore (TzBackupsWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_auto (TzBackupSummary) summary = { 0 };
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (TZ_IS_BACKUPS_WINDOW (self), NULL);

  if (!tz_backup_describe (path, &summary, &error))
    {
      show_error (self, _ ("This File Cannot Be Restored"), error->message);
      return NULL;
    }
  g_free (self->pending);
  self->pending = g_strdup (path);
  body = g_strdup_printf (_ ("The backup saved on %s holds %" PRId64 " campaigns, %" PRId64
                             " units, %" PRId64 " people, %" PRId64 " entries and %" PRId64
                             " activities. It replaces everything in the database now; the "
                             "current content is kept as a backup first."),
                          summary.modified, summary.campaigns, summary.units, summary.people,
                          summary.entries, summary.activities);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "restore", _ ("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
restore_clicked_cb (GtkButton *button, TzBackupsWindow *self)
{
  tz_backups_window_ask_restore (self, g_object_get_data (G_OBJECT (button), "tz-path"));
}

static void
file_chosen_cb (GtkNativeDialog *chooser, int response, TzBackupsWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (path != NULL)
    tz_backups_window_ask_restore (self, path);
}

static void
restore_file_clicked_cb (TzBackupsWindow *self)
{
  GtkFileChooserNative *chooser =
      gtk_file_chooser_native_new (_ ("Restore from a Backup File"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Taizhang databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
tz_backups_window_back_up_now (TzBackupsWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (!tz_backup_create (self->db, "manual", &path, &error))
    {
      show_error (self, _ ("No Backup Was Made"), error->message);
      return FALSE;
    }
  adw_toast_overlay_add_toast (self->toasts,
                               adw_toast_new (path != NULL ? _ ("Backed up.")
                                                           : _ ("The database is empty; there is "
                                                                "nothing to back up.")));
  tz_backups_window_reload (self);
  return TRUE;
}

static GtkWidget *
backup_row (TzBackupsWindow *self, const TzBackupInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_ ("Restore…"));
  g_autofree char *size = g_format_size ((guint64) info->size);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", tz_backup_kind_label (info->kind), size);
  g_autofree char *accessible = g_strdup_printf (_ ("Restore the backup of %s"), info->created_at);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->created_at);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "tz-path", g_strdup (info->path), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_set_tooltip_text (row, info->path);
  return row;
}

void
tz_backups_window_reload (TzBackupsWindow *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (TZ_IS_BACKUPS_WINDOW (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  self->backups = tz_backup_list (self->db, &error);
  if (self->backups == NULL)
    {
      self->backups = g_ptr_array_new ();
      g_warning ("Cannot list the backups: %s", error->message);
    }
  for (guint i = 0; i < self->backups->len; i++)
    gtk_list_box_append (self->list, backup_row (self, self->backups->pdata[i]));
  gtk_stack_set_visible_child_name (self->stack, self->backups->len > 0 ? "list" : "empty");
}

guint
tz_backups_window_get_n_backups (TzBackupsWindow *self)
{
  g_return_val_if_fail (TZ_IS_BACKUPS_WINDOW (self), 0);
  return self->backups != NULL ? self->backups->len : 0;
}

static void
tz_backups_window_finalize (GObject *object)
{
  TzBackupsWindow *self = TZ_BACKUPS_WINDOW (object);

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_free (self->pending);
  G_OBJECT_CLASS (tz_backups_window_parent_class)->finalize (object);
}

static void
tz_backups_window_class_init (TzBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tz_backups_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
tz_backups_window_init (TzBackupsWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *now = gtk_button_new_with_mnemonic (_ ("_Back Up Now"));
  GtkWidget *from_file = gtk_button_new_with_mnemonic (_ ("Restore from _File…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (
      _ ("Taizhang copies the database on the first opening of each day, before every import "
         "and before an upgrade. Restoring a copy replaces the database; its content now is "
         "kept as a copy first."));
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _ ("Backups"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_widget_add_css_class (now, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), now);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), from_file);
  gtk_box_append (GTK_BOX (content), header);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Backups"), -1);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-save-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _ ("No Backups Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _ ("The first copy is made when the database holds data."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  g_signal_connect_swapped (now, "clicked", G_CALLBACK (tz_backups_window_back_up_now), self);
  g_signal_connect_swapped (from_file, "clicked", G_CALLBACK (restore_file_clicked_cb), self);
}

TzBackupsWindow *
tz_backups_window_new (GtkWindow *parent, TzDb *db)
{
  TzBackupsWindow *self;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  self = g_object_new (TZ_TYPE_BACKUPS_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  tz_backups_window_reload (self);
  return self;
}
