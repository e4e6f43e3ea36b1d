/* tz-activity-dialog.c — adding or editing one offline activity and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of a field runs the core's rules (tz_activity_validate) on the
 * whole form: Save is enabled only when they pass, and their message names the
 * field to fix. Saving hands the activity, the files to attach and the stored
 * files to drop to tz_activity_save_with_evidence, which writes them in one
 * transaction; a file that cannot be attached leaves nothing half-saved and
 * the dialog open with the core's message naming it.
 */
#define G_LOG_DOMAIN "tz-activity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-activity-dialog.h"
#include "tz-activity.h"
#include "tz-attachment.h"
#include "tz-unit.h"
#include "tz-validate.h"

#define THUMBNAIL_SIZE 256

/* One file of the evidence: stored already (attachment_id > 0) or to be added. */
typedef struct
{
  gint64 attachment_id;
  char *path; /* where the content is now: the files folder, or the chosen file */
  char *name;
  char *mime_type;
  GtkWidget *tile;
} Evidence;

struct _TzActivityDialog
{
  AdwWindow parent_instance;

  TzDb *db;
  gint64 campaign_id;
  TzActivity *activity; /* as loaded; id 0 for a new one */
  GArray *unit_ids;     /* gint64, in the order of unit_row's model */
  GPtrArray *evidence;  /* Evidence */
  GArray *removed_ids;  /* stored attachments to delete on saving */
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  gboolean participants_known; /* FALSE keeps "not recorded" until the spin is used */
  gboolean touched;            /* messages show once the user has changed something */
  gboolean loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  AdwComboRow *unit_row;
  GtkEditable *date_row;
  GtkCalendar *calendar;
  GtkPopover *date_popover;
  GtkEditable *title_row;
  GtkEditable *place_row;
  GtkEditable *enterprise_row;
  AdwActionRow *participants_row;
  GtkSpinButton *participants_spin;
  GtkTextView *summary_view;
  GtkLabel *summary_count_label;
  GtkWidget *no_files_label;
  GtkFlowBox *evidence_box;
};

G_DEFINE_FINAL_TYPE (TzActivityDialog, tz_activity_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
evidence_free (Evidence *evidence)
{
  g_free (evidence->path);
  g_free (evidence->name);
  g_free (evidence->mime_type);
  g_free (evidence);
}

static char *
text_or_null (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
summary_text (TzActivityDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The activity as the form describes it. */
static TzActivity *
activity_from_form (TzActivityDialog *self)
{
  TzActivity *a = tz_activity_new ();
  guint unit = adw_combo_row_get_selected (self->unit_row);
  g_autofree char *summary = summary_text (self);

  a->id = self->activity->id;
  a->uuid = g_strdup (self->activity->uuid);
  a->campaign_id = self->campaign_id;
  a->stage_id = 0; /* found again from the date */
  if (unit != GTK_INVALID_LIST_POSITION && unit < self->unit_ids->len)
    a->unit_id = g_array_index (self->unit_ids, gint64, unit);
  a->held_on = g_strstrip (g_strdup (gtk_editable_get_text (self->date_row)));
  a->title = g_strstrip (g_strdup (gtk_editable_get_text (self->title_row)));
  a->place = text_or_null (self->place_row);
  a->enterprise = text_or_null (self->enterprise_row);
  a->participants = self->participants_known
                        ? (gint64) gtk_spin_button_get_value_as_int (self->participants_spin)
                        : -1;
  a->summary = *summary != '\0' ? g_steal_pointer (&summary) : NULL;
  return a;
}

static void
show_message (TzActivityDialog *self, const char *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_summary_count (TzActivityDialog *self)
{
  g_autofree char *summary = summary_text (self);
  glong n = g_utf8_strlen (summary, -1);
  g_autofree char *text = g_strdup_printf ("%ld / %d", n, TZ_ACTIVITY_MAX_SUMMARY);
  g_autofree char *accessible =
      g_strdup_printf (_ ("%ld of at most %d characters"), n, TZ_ACTIVITY_MAX_SUMMARY);

  gtk_label_set_text (self->summary_count_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (n > TZ_ACTIVITY_MAX_SUMMARY)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_count_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_count_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_count_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_count_label), "dim-label");
    }
}

/* Runs the core's rules on the form; Save follows the result. */
static gboolean
validate (TzActivityDialog *self, GError **error)
{
  g_autoptr (TzActivity) a = activity_from_form (self);

  return tz_activity_validate (self->db, a, error);
}

static void
update_validity (TzActivityDialog *self)
{
  g_autoptr (GError) error = NULL;
  gboolean valid;

  if (self->loading)
    return;
  valid = validate (self, &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.save", valid);
  show_message (self, !valid && self->touched ? error->message : NULL);
}

static void
update_participants_subtitle (TzActivityDialog *self)
{
  adw_action_row_set_subtitle (self->participants_row, self->participants_known
                                                           ? ""
                                                           : _ ("Not recorded; set the number if "
                                                                "you know it"));
}

/* Evidence tiles */

static gboolean
is_image (const char *mime_type)
{
  return mime_type != NULL && g_str_has_prefix (mime_type, "image/");
}

static void
thumbnail_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *path = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GdkPixbuf) upright = NULL;
  int width = 0;
  int height = 0;

  /* Decoded at thumbnail size: a 12-megapixel photo need not be read in full;
   * a small image is not blown up. */
  if (gdk_pixbuf_get_file_info (path, &width, &height) != NULL && width <= THUMBNAIL_SIZE &&
      height <= THUMBNAIL_SIZE)
    pixbuf = gdk_pixbuf_new_from_file (path, &error);
  else
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, THUMBNAIL_SIZE, THUMBNAIL_SIZE, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Phones store photos sideways with an orientation tag. */
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (upright != NULL ? upright : pixbuf),
                         g_object_unref);
}

static void
thumbnail_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GtkPicture *picture = GTK_PICTURE (source);
  GtkWidget *fallback = data;
  g_autoptr (GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  if (texture != NULL)
    {
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
      gtk_widget_set_visible (GTK_WIDGET (picture), TRUE);
      gtk_widget_set_visible (fallback, FALSE);
    }
  g_object_unref (fallback);
}

static void
open_clicked_cb (GtkButton *button, TzActivityDialog *self)
{
  Evidence *evidence = g_object_get_data (G_OBJECT (button), "evidence");
  g_autoptr (GFile) file = g_file_new_for_path (evidence->path);
  g_autofree char *uri = g_file_get_uri (file);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
update_files_placeholder (TzActivityDialog *self)
{
  gtk_widget_set_visible (self->no_files_label, self->evidence->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_box), self->evidence->len > 0);
}

static void
remove_clicked_cb (GtkButton *button, TzActivityDialog *self)
{
  Evidence *evidence = g_object_get_data (G_OBJECT (button), "evidence");

  if (evidence->attachment_id > 0)
    g_array_append_val (self->removed_ids, evidence->attachment_id);
  gtk_flow_box_remove (self->evidence_box, gtk_widget_get_parent (evidence->tile));
  g_ptr_array_remove (self->evidence, evidence);
  update_files_placeholder (self);
}

/* A tile: the photo's thumbnail, or an icon, with the file's name and a remove button. */
static GtkWidget *
evidence_tile_new (TzActivityDialog *self, Evidence *evidence)
{
  g_autofree char *open_label = g_strdup_printf (_ ("Open “%s”"), evidence->name);
  g_autofree char *remove_label =
      g_strdup_printf (_ ("Remove “%s” from the evidence"), evidence->name);
  g_autoptr (GIcon) icon = NULL;
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *open = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *image = NULL;
  GtkWidget *name = gtk_label_new (evidence->name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  /* Until (and unless) the thumbnail is ready, the file type's icon stands in. */
  if (evidence->mime_type != NULL)
    {
      g_autofree char *content_type = g_content_type_from_mime_type (evidence->mime_type);
      icon = content_type != NULL ? g_content_type_get_icon (content_type) : NULL;
    }
  image = icon != NULL ? gtk_image_new_from_gicon (icon)
                       : gtk_image_new_from_icon_name ("text-x-generic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 64);
  gtk_widget_set_vexpand (image, TRUE);

  gtk_widget_set_name (picture, "evidence-thumbnail");
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_widget_set_visible (picture, FALSE);
  gtk_widget_set_size_request (frame, 112, 96);
  gtk_box_append (GTK_BOX (frame), picture);
  gtk_box_append (GTK_BOX (frame), image);

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
  gtk_widget_add_css_class (name, "caption");
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), name);

  gtk_button_set_child (GTK_BUTTON (open), box);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, open_label);
  g_object_set_data (G_OBJECT (open), "evidence", evidence);
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);

  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_add_css_class (remove, "osd");
  g_object_set_data (G_OBJECT (remove), "evidence", evidence);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), open);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), remove);

  if (is_image (evidence->mime_type))
    {
      g_autoptr (GTask) task =
          g_task_new (picture, self->cancellable, thumbnail_done_cb, g_object_ref (image));

      g_task_set_task_data (task, g_strdup (evidence->path), g_free);
      g_task_run_in_thread (task, thumbnail_thread);
    }
  return overlay;
}

static void
append_evidence (TzActivityDialog *self, Evidence *evidence)
{
  evidence->tile = evidence_tile_new (self, evidence);
  g_ptr_array_add (self->evidence, evidence);
  gtk_flow_box_append (self->evidence_box, evidence->tile);
  update_files_placeholder (self);
}

/* Loading */

static gboolean
load_units (TzActivityDialog *self, GError **error)
{
  g_autoptr (GPtrArray) units = tz_unit_list (self->db, self->campaign_id, error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gboolean found = FALSE;

  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      const TzUnit *unit = units->pdata[i];

      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
      found = found || unit->id == self->activity->unit_id;
    }
  /* An activity of a unit under a participant (a district of a city) keeps its unit. */
  if (!found && self->activity->unit_id > 0 && self->activity->unit_name != NULL)
    {
      gtk_string_list_append (names, self->activity->unit_name);
      g_array_append_val (self->unit_ids, self->activity->unit_id);
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->unit_row, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
load_evidence (TzActivityDialog *self, GError **error)
{
  g_autoptr (GPtrArray) files = NULL;

  if (self->activity->id == 0)
    return TRUE;
  files =
      tz_attachment_list (self->db, TZ_ATTACHMENT_OWNER_ACTIVITY, self->activity->id, NULL, error);
  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      const TzAttachment *attachment = files->pdata[i];
      Evidence *evidence = g_new0 (Evidence, 1);

      evidence->attachment_id = attachment->id;
      evidence->path = tz_attachment_path (self->db, attachment);
      evidence->name =
          g_strdup (attachment->title != NULL ? attachment->title : attachment->file_name);
      evidence->mime_type = g_strdup (attachment->mime_type);
      append_evidence (self, evidence);
    }
  return TRUE;
}

static void
fill_form (TzActivityDialog *self)
{
  const TzActivity *a = self->activity;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);

  self->loading = TRUE;
  tz_activity_dialog_set_unit (self, a->unit_id);
  gtk_editable_set_text (self->date_row, a->held_on != NULL ? a->held_on : "");
  gtk_editable_set_text (self->title_row, a->title != NULL ? a->title : "");
  gtk_editable_set_text (self->place_row, a->place != NULL ? a->place : "");
  gtk_editable_set_text (self->enterprise_row, a->enterprise != NULL ? a->enterprise : "");
  gtk_spin_button_set_value (self->participants_spin, MAX (a->participants, 0));
  self->participants_known = a->participants >= 0;
  gtk_text_buffer_set_text (buffer, a->summary != NULL ? a->summary : "", -1);
  self->loading = FALSE;

  update_participants_subtitle (self);
  update_summary_count (self);
  update_validity (self);
}

/* Signal callbacks */

static void
field_changed_cb (TzActivityDialog *self)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  update_validity (self);
}

static void
participants_changed_cb (TzActivityDialog *self)
{
  if (self->loading)
    return;
  self->participants_known = TRUE;
  update_participants_subtitle (self);
  field_changed_cb (self);
}

static void
summary_changed_cb (TzActivityDialog *self)
{
  update_summary_count (self);
  field_changed_cb (self);
}

/* The calendar opens on the typed date when it is a real one. */
static void
date_popover_show_cb (TzActivityDialog *self)
{
  GDate date;
  g_autoptr (GDateTime) when = NULL;

  g_date_clear (&date, 1);
  if (!tz_validate_date ("", gtk_editable_get_text (self->date_row), &date, NULL) ||
      !g_date_valid (&date))
    return;
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  if (when != NULL)
    gtk_calendar_select_day (self->calendar, when);
}

static void
day_selected_cb (TzActivityDialog *self)
{
  g_autoptr (GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");

  gtk_editable_set_text (self->date_row, text);
  gtk_popover_popdown (self->date_popover);
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, TzActivityDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          tz_activity_dialog_add_file (self, file);
        }
    }
  g_clear_object (&self->chooser);
}

/* Actions */

static void
add_files_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzActivityDialog *self = TZ_ACTIVITY_DIALOG (widget);
  g_autoptr (GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser =
      gtk_file_chooser_native_new (_ ("Add Evidence Files"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Add"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (images, _ ("Photos and scans"));
  gtk_file_filter_add_mime_type (images, "image/*");
  gtk_file_filter_add_mime_type (images, "application/pdf");
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  tz_activity_dialog_save (TZ_ACTIVITY_DIALOG (widget), NULL);
}

/* Overrides */

static void
tz_activity_dialog_dispose (GObject *object)
{
  TzActivityDialog *self = TZ_ACTIVITY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->summary_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->summary_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_ACTIVITY_DIALOG);

  G_OBJECT_CLASS (tz_activity_dialog_parent_class)->dispose (object);
}

static void
tz_activity_dialog_finalize (GObject *object)
{
  TzActivityDialog *self = TZ_ACTIVITY_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->activity, tz_activity_free);
  g_array_unref (self->unit_ids);
  g_array_unref (self->removed_ids);
  g_ptr_array_unref (self->evidence);

  G_OBJECT_CLASS (tz_activity_dialog_parent_class)->finalize (object);
}

static void
tz_activity_dialog_class_init (TzActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_activity_dialog_dispose;
  object_class->finalize = tz_activity_dialog_finalize;

  /**
   * TzActivityDialog::saved:
   * @activity_id: the activity written
   *
   * Emitted once the activity and its evidence are saved, before the dialog closes.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, enterprise_row);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, participants_row);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, participants_spin);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, summary_count_label);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, no_files_label);
  gtk_widget_class_bind_template_child (widget_class, TzActivityDialog, evidence_box);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, participants_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);

  gtk_widget_class_install_action (widget_class, "activity.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "activity.add-files", NULL, add_files_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "activity.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tz_activity_dialog_init (TzActivityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->removed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) evidence_free);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (summary_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.save", FALSE);
  update_files_placeholder (self);
}

TzActivityDialog *
tz_activity_dialog_new (GtkWindow *parent, TzDb *db, gint64 campaign_id, gint64 activity_id,
                        GError **error)
{
  TzActivityDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  /* Owned by GTK's list of windows, like any window, until it is destroyed. */
  self = g_object_new (TZ_TYPE_ACTIVITY_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->campaign_id = campaign_id;

  if (activity_id > 0)
    {
      self->activity = tz_activity_get (db, activity_id, error);
      if (self->activity == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      self->campaign_id = self->activity->campaign_id;
      adw_window_title_set_title (self->window_title, _ ("Edit Activity"));
      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Activity"));
    }
  else
    {
      self->activity = tz_activity_new ();
      self->activity->campaign_id = campaign_id;
      self->activity->held_on = tz_activity_default_date (db, campaign_id);
      gtk_window_set_title (GTK_WINDOW (self), _ ("New Activity"));
    }

  if (!load_units (self, error) || !load_evidence (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

void
tz_activity_dialog_set_unit (TzActivityDialog *self, gint64 unit_id)
{
  g_return_if_fail (TZ_IS_ACTIVITY_DIALOG (self));

  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id)
      {
        adw_combo_row_set_selected (self->unit_row, i);
        return;
      }
  adw_combo_row_set_selected (self->unit_row, GTK_INVALID_LIST_POSITION);
}

void
tz_activity_dialog_add_file (TzActivityDialog *self, GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;
  Evidence *evidence;
  char *path;

  g_return_if_fail (TZ_IS_ACTIVITY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_message (self, _ ("Only files on this computer can be attached. Copy the file to a "
                             "folder here first."));
      return;
    }
  evidence = g_new0 (Evidence, 1);
  evidence->path = path;
  evidence->name = g_filename_display_basename (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info != NULL && g_file_info_get_content_type (info) != NULL)
    evidence->mime_type = g_content_type_get_mime_type (g_file_info_get_content_type (info));
  append_evidence (self, evidence);
}

guint
tz_activity_dialog_get_n_files (TzActivityDialog *self)
{
  g_return_val_if_fail (TZ_IS_ACTIVITY_DIALOG (self), 0);
  return self->evidence->len;
}

gboolean
tz_activity_dialog_is_valid (TzActivityDialog *self)
{
  g_return_val_if_fail (TZ_IS_ACTIVITY_DIALOG (self), FALSE);
  return validate (self, NULL);
}

gboolean
tz_activity_dialog_save (TzActivityDialog *self, GError **error)
{
  g_autoptr (TzActivity) a = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (TZ_IS_ACTIVITY_DIALOG (self), FALSE);

  a = activity_from_form (self);
  for (guint i = 0; i < self->evidence->len; i++)
    {
      Evidence *evidence = self->evidence->pdata[i];

      if (evidence->attachment_id == 0)
        g_ptr_array_add (paths, evidence->path);
    }
  g_ptr_array_add (paths, NULL);

  if (!tz_activity_save_with_evidence (self->db, a, (const char *const *) paths->pdata,
                                       (const gint64 *) (gpointer) self->removed_ids->data,
                                       self->removed_ids->len, &local))
    {
      self->touched = TRUE;
      show_message (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, a->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
