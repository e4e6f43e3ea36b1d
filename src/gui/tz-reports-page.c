/* tz-reports-page.c — the reports page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clerk chooses a report and what it covers, sees it as it will print,
 * then exports or prints it. The preview is the report itself: the page writes
 * the PDF into a temporary file a moment after the choice changes and shows
 * its pages as poppler renders them, so what is seen is what is sent. The
 * preview always masks ID and phone numbers (a screen is not an export);
 * exports and printing follow the "full numbers" switch, and the report
 * functions record those in the audit log. Each report is one row of
 * report_kinds: the scope controls it needs, whether it has an xlsx form, and
 * the function that writes it.
 */
#define G_LOG_DOMAIN "tz-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "tz-entry.h"
#include "tz-error.h"
#include "tz-report-awards.h"
#include "tz-report-bundle.h"
#include "tz-report-list.h"
#include "tz-report.h"
#include "tz-reports-page.h"
#include "tz-settings.h"

/* poppler-glib 22 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* How long the choice must stay still before the preview is written again. */
#define PREVIEW_DELAY_MS 250

#define ZOOM_MIN  0.25
#define ZOOM_MAX  3.0
#define ZOOM_STEP 1.25

typedef enum
{
  SCOPE_TRACK = 1 << 0,      /* one track of the campaign */
  SCOPE_QUOTA_KIND = 1 << 1, /* activities, nominees or works */
  SCOPE_PROGRESS = 1 << 2,   /* the held and completion columns */
  SCOPE_SEALS = 1 << 3,      /* stamps opinions: warn of units without a seal */
  SCOPE_PERSONAL = 1 << 4,   /* prints ID and phone numbers */
} Scope;

/* What the controls choose, as the report functions take it. */
typedef struct
{
  TzQuotaKind quota_kind;
  gint64 track_id;
  TzReportOptions options;
} Choice;

typedef gboolean (*ReportWriteFunc) (TzDb *db, gint64 campaign_id, const Choice *choice,
                                     const char *path, GError **error);

typedef struct
{
  const char *id;
  const char *title; /* the form's own name, as the notice prints it: not translated */
  Scope scope;
  gboolean has_xlsx;
  ReportWriteFunc write;
} ReportKind;

static gboolean
write_quota (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path, GError **error)
{
  return tz_report_quota (db, campaign_id, choice->quota_kind, &choice->options, path, error);
}

static gboolean
write_person_forms (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path,
                    GError **error)
{
  return tz_report_person_forms (db, campaign_id, choice->track_id, 0, &choice->options, path, NULL,
                                 error);
}

static gboolean
write_list_form (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path,
                 GError **error)
{
  /* Every unit, one form each: the clerk fills in the filler's lines by hand. */
  TzListFormOptions list = { 0 };

  return tz_report_list_form (db, campaign_id, choice->track_id, &list, &choice->options, path,
                              error);
}

static gboolean
write_catalogue (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path,
                 GError **error)
{
  return tz_report_catalogue (db, campaign_id, choice->track_id, &choice->options, path, error);
}

static gboolean
write_summary (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path, GError **error)
{
  return tz_report_summary (db, campaign_id, &choice->options, path, error);
}

static gboolean
write_bundle (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path, GError **error)
{
  return tz_report_bundle (db, campaign_id, choice->track_id, NULL, &choice->options, path, error);
}

static gboolean
write_awards (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path, GError **error)
{
  return tz_report_awards (db, campaign_id, choice->track_id, &choice->options, path, error);
}

static gboolean
write_certificates (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path,
                    GError **error)
{
  return tz_report_certificates (db, campaign_id, choice->track_id, &choice->options, path, error);
}

static gboolean
write_score_sheets (TzDb *db, gint64 campaign_id, const Choice *choice, const char *path,
                    GError **error)
{
  return tz_report_score_sheets (db, campaign_id, choice->track_id, &choice->options, path, error);
}

static const ReportKind report_kinds[] = {
  { "quota", "任务分配表", SCOPE_QUOTA_KIND | SCOPE_PROGRESS, TRUE, write_quota },
  { "person-forms", "推荐表", SCOPE_TRACK | SCOPE_SEALS | SCOPE_PERSONAL, FALSE,
    write_person_forms },
  { "list-form", "名单式推荐表", SCOPE_TRACK | SCOPE_PERSONAL, TRUE, write_list_form },
  { "catalogue", "作品目录", SCOPE_TRACK, TRUE, write_catalogue },
  { "summary", "活动总结", 0, FALSE, write_summary },
  { "bundle", "报送材料", SCOPE_TRACK | SCOPE_SEALS | SCOPE_PERSONAL, FALSE, write_bundle },
  { "awards", "获奖名单", SCOPE_TRACK, TRUE, write_awards },
  { "certificates", "荣誉证书", SCOPE_TRACK, FALSE, write_certificates },
  { "score-sheets", "评委评分表", SCOPE_TRACK, FALSE, write_score_sheets },
};

struct _TzReportsPage
{
  TzPage parent_instance;

  GArray *track_ids;    /* gint64, in the order of track_dropdown */
  GSettings *settings;  /* NULL when the schema is not installed */
  TzReportFonts *fonts; /* the report fonts of the preferences, with their fall-backs */
  guint preview_source;
  char *preview_path; /* the temporary PDF the preview shows */
  PopplerDocument *document;
  double zoom;

  /* Template widgets */
  GtkWidget *toolbar;
  GtkDropDown *report_dropdown;
  GtkDropDown *track_dropdown;
  GtkDropDown *quota_kind_dropdown;
  GtkCheckButton *progress_check;
  GtkWidget *unmasked_box;
  GtkSwitch *unmasked_switch;
  GtkWidget *zoom_out_button;
  GtkWidget *zoom_in_button;
  GtkWidget *export_pdf_button;
  GtkWidget *export_xlsx_button;
  GtkWidget *print_button;
  GtkWidget *seals_banner;
  GtkLabel *seals_label;
  GtkStack *stack;
  AdwStatusPage *message_page;
  GtkBox *pages_box;
  GtkLabel *pages_label;
};

G_DEFINE_FINAL_TYPE (TzReportsPage, tz_reports_page, TZ_TYPE_PAGE)

/* Helpers */

static const ReportKind *
chosen_kind (TzReportsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->report_dropdown);

  return &report_kinds[i < G_N_ELEMENTS (report_kinds) ? i : 0];
}

static Choice
current_choice (TzReportsPage *self)
{
  guint track = gtk_drop_down_get_selected (self->track_dropdown);
  Choice choice = { 0 };

  choice.quota_kind = (TzQuotaKind) gtk_drop_down_get_selected (self->quota_kind_dropdown);
  if (choice.quota_kind > TZ_QUOTA_WORK)
    choice.quota_kind = TZ_QUOTA_ACTIVITY;
  if (track < self->track_ids->len)
    choice.track_id = g_array_index (self->track_ids, gint64, track);
  choice.options.format = TZ_REPORT_PDF;
  choice.options.progress = gtk_check_button_get_active (self->progress_check);
  choice.options.unmasked = gtk_switch_get_active (self->unmasked_switch);
  /* The fonts chosen in the preferences, read anew: they may have changed. */
  g_clear_pointer (&self->fonts, tz_report_fonts_free);
  if (self->settings != NULL)
    {
      g_autofree char *title = g_settings_get_string (self->settings, "font-title");
      g_autofree char *body = g_settings_get_string (self->settings, "font-body");
      g_autofree char *heading = g_settings_get_string (self->settings, "font-heading");
      self->fonts = tz_report_fonts_new (title, body, heading);
    }
  else
    self->fonts = tz_report_fonts_new (NULL, NULL, NULL);
  choice.options.fonts = self->fonts;
  return choice;
}

static gboolean
has_campaign (TzReportsPage *self)
{
  return tz_page_get_db (TZ_PAGE (self)) != NULL && tz_page_get_campaign_id (TZ_PAGE (self)) > 0;
}

static void
sync_controls (TzReportsPage *self)
{
  const ReportKind *kind = chosen_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->track_dropdown), (kind->scope & SCOPE_TRACK) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->quota_kind_dropdown),
                          (kind->scope & SCOPE_QUOTA_KIND) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_check), (kind->scope & SCOPE_PROGRESS) != 0);
  gtk_widget_set_visible (self->unmasked_box, (kind->scope & SCOPE_PERSONAL) != 0);
  gtk_widget_set_visible (self->export_xlsx_button, kind->has_xlsx);
}

static void
clear_preview (TzReportsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  g_clear_object (&self->document);
  if (self->preview_path != NULL)
    {
      g_unlink (self->preview_path);
      g_clear_pointer (&self->preview_path, g_free);
    }
  gtk_label_set_text (self->pages_label, "");
}

static void
show_message (TzReportsPage *self, const char *title, const char *description)
{
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
  gtk_widget_set_sensitive (self->export_pdf_button, FALSE);
  gtk_widget_set_sensitive (self->export_xlsx_button, FALSE);
  gtk_widget_set_sensitive (self->print_button, FALSE);
  gtk_widget_set_sensitive (self->zoom_in_button, FALSE);
  gtk_widget_set_sensitive (self->zoom_out_button, FALSE);
}

/* One page as an image at the zoom, on white: a PDF page has no background. */
static GdkTexture *
render_page (PopplerPage *page, double zoom)
{
  double pw, ph;
  int w, h, stride;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GBytes) bytes = NULL;

  poppler_page_get_size (page, &pw, &ph);
  w = MAX (1, (int) (pw * zoom + 0.5));
  h = MAX (1, (int) (ph * zoom + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32: premultiplied, native byte order. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * h);
  cairo_surface_destroy (surface);
  return gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
render_pages (TzReportsPage *self)
{
  GtkWidget *child;
  int n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  if (self->document == NULL)
    return;

  n = poppler_document_get_n_pages (self->document);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (self->document, i);
      g_autoptr (GdkTexture) texture = render_page (page, self->zoom);
      g_autofree char *alt = g_strdup_printf (_ ("Page %d of %d"), i + 1, n);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt);
      gtk_widget_add_css_class (picture, "card");
      gtk_box_append (self->pages_box, picture);
    }
  gtk_widget_set_sensitive (self->zoom_in_button, self->zoom * ZOOM_STEP <= ZOOM_MAX);
  gtk_widget_set_sensitive (self->zoom_out_button, self->zoom / ZOOM_STEP >= ZOOM_MIN);
}

static void
update_seals_banner (TzReportsPage *self, const ReportKind *kind, const Choice *choice)
{
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) names = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->seals_banner, FALSE);
  if ((kind->scope & SCOPE_SEALS) == 0 || choice->track_id <= 0)
    return;
  missing =
      tz_report_missing_seals (tz_page_get_db (TZ_PAGE (self)),
                               tz_page_get_campaign_id (TZ_PAGE (self)), choice->track_id, &error);
  if (missing == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The seals could not be read"), error);
      return;
    }
  if (missing->len == 0)
    return;
  names = g_string_new (NULL);
  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        g_string_append (names, "、");
      g_string_append (names, missing->pdata[i]);
    }
  text = g_strdup_printf (_ ("No seal for %s: their opinions are marked sealed but will print "
                             "unsealed. Add the seals on the Units page."),
                          names->str);
  gtk_label_set_text (self->seals_label, text);
  gtk_widget_set_visible (self->seals_banner, TRUE);
}

static void
update_preview (TzReportsPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  gint64 campaign_id = tz_page_get_campaign_id (TZ_PAGE (self));
  const ReportKind *kind = chosen_kind (self);
  Choice choice = current_choice (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *count = NULL;
  int fd, n;

  g_clear_handle_id (&self->preview_source, g_source_remove);
  clear_preview (self);
  sync_controls (self);
  gtk_widget_set_visible (self->seals_banner, FALSE);
  if (!has_campaign (self))
    {
      show_message (self, _ ("Nothing to Print"), NULL);
      return;
    }

  update_seals_banner (self, kind, &choice);
  /* A screen is not an export: the preview never shows full numbers. */
  choice.options.unmasked = FALSE;
  fd = g_file_open_tmp ("taizhang-preview-XXXXXX.pdf", &self->preview_path, &error);
  if (fd >= 0)
    close (fd);
  if (fd < 0 || !kind->write (db, campaign_id, &choice, self->preview_path, &error))
    {
      /* "Nothing to print yet" is a state of the campaign, not a failure. */
      if (!g_error_matches (error, TZ_ERROR, TZ_ERROR_NOT_FOUND))
        tz_page_show_error (TZ_PAGE (self), _ ("The report could not be written"), error);
      show_message (self, _ ("Nothing to Print"), error->message);
      return;
    }

  uri = g_filename_to_uri (self->preview_path, NULL, &error);
  if (uri != NULL)
    self->document = poppler_document_new_from_file (uri, NULL, &error);
  if (self->document == NULL)
    {
      tz_page_show_error (TZ_PAGE (self), _ ("The report could not be shown"), error);
      show_message (self, _ ("Nothing to Print"), error->message);
      return;
    }

  render_pages (self);
  n = poppler_document_get_n_pages (self->document);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", (gulong) n), n);
  gtk_label_set_text (self->pages_label, count);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_set_sensitive (self->export_pdf_button, TRUE);
  gtk_widget_set_sensitive (self->export_xlsx_button, kind->has_xlsx);
  gtk_widget_set_sensitive (self->print_button, TRUE);
}

static gboolean
preview_timeout_cb (gpointer data)
{
  TzReportsPage *self = data;

  self->preview_source = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (TzReportsPage *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

static void
choice_changed_cb (TzReportsPage *self)
{
  sync_controls (self);
  schedule_preview (self);
}

/* The tracks of the campaign; the one shown stays chosen, else the first that
 * has a personal form. */
static void
reload_tracks (TzReportsPage *self)
{
  TzDb *db = tz_page_get_db (TZ_PAGE (self));
  guint old = gtk_drop_down_get_selected (self->track_dropdown);
  gint64 old_id = old < self->track_ids->len ? g_array_index (self->track_ids, gint64, old) : 0;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->track_ids, 0);
  if (has_campaign (self))
    {
      tracks = tz_entry_list_tracks (db, tz_page_get_campaign_id (TZ_PAGE (self)), &error);
      if (tracks == NULL)
        tz_page_show_error (TZ_PAGE (self), _ ("The tracks could not be read"), error);
    }
  for (guint i = 0; tracks != NULL && i < tracks->len; i++)
    {
      const TzEntryTrack *track = tracks->pdata[i];

      g_array_append_val (self->track_ids, track->id);
      /* The short name: a notice's full titles would make the bar too wide. */
      gtk_string_list_append (names, track->short_name != NULL && *track->short_name != '\0'
                                         ? track->short_name
                                         : track->name);
      if (track->id == old_id)
        selected = i;
    }
  for (guint i = 0; selected == GTK_INVALID_LIST_POSITION && tracks != NULL && i < tracks->len; i++)
    if (g_strcmp0 (((TzEntryTrack *) tracks->pdata[i])->form, "personal") == 0)
      selected = i;

  g_signal_handlers_block_by_func (self->track_dropdown, choice_changed_cb, self);
  gtk_drop_down_set_model (self->track_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->track_dropdown,
                              selected != GTK_INVALID_LIST_POSITION ? selected : 0);
  g_signal_handlers_unblock_by_func (self->track_dropdown, choice_changed_cb, self);
}

/* Export, print */

static void
free_data (gpointer data, GClosure *closure)
{
  g_free (data);
}

static void
unref_data (gpointer data, GClosure *closure)
{
  g_object_unref (data);
}

static void
open_folder_cb (AdwToast *toast, const char *folder_uri)
{
  g_autoptr (GError) error = NULL;

  /* The toast may outlive the page, so it opens the folder without it. */
  if (!g_app_info_launch_default_for_uri (folder_uri, NULL, &error))
    g_warning ("Could not open %s: %s", folder_uri, error->message);
}

static void
toast_exported (TzReportsPage *self, GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_markup_printf_escaped (_ ("Exported “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  if (folder != NULL)
    {
      adw_toast_set_button_label (toast, _ ("Open Containing Folder"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                             g_file_get_uri (folder), free_data, 0);
    }
  tz_page_add_toast (TZ_PAGE (self), toast);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, TzReportsPage *self)
{
  TzReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      if (tz_reports_page_export (self, path, format, &error))
        toast_exported (self, file);
      else
        tz_page_show_error (TZ_PAGE (self), _ ("The report could not be exported"), error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_with_dialog (TzReportsPage *self, TzReportFormat format)
{
  const ReportKind *kind = chosen_kind (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name =
      g_strconcat (kind->title, format == TZ_REPORT_XLSX ? ".xlsx" : ".pdf", NULL);
  GtkFileChooserNative *dialog =
      gtk_file_chooser_native_new (format == TZ_REPORT_XLSX ? _ ("Export xlsx") : _ ("Export PDF"),
                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_pdf_clicked_cb (TzReportsPage *self)
{
  export_with_dialog (self, TZ_REPORT_PDF);
}

static void
export_xlsx_clicked_cb (TzReportsPage *self)
{
  export_with_dialog (self, TZ_REPORT_XLSX);
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, PopplerDocument *document)
{
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
}

/* Each sheet takes the size of its page, so an A3 table prints on A3. */
static void
request_page_setup_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
                       GtkPageSetup *setup, PopplerDocument *document)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, page_nr);
  g_autoptr (GtkPaperSize) paper = NULL;
  double pw, ph;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &pw, &ph);
  gtk_page_setup_set_orientation (setup, pw > ph ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                 : GTK_PAGE_ORIENTATION_PORTRAIT);
  paper = gtk_paper_size_new_custom ("taizhang", "taizhang", MIN (pw, ph), MAX (pw, ph),
                                     GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
              PopplerDocument *document)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double pw, ph, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &pw, &ph);
  /* The printer's sheet may differ a little from the page: fit, never crop. */
  scale =
      MIN (gtk_print_context_get_width (context) / pw, gtk_print_context_get_height (context) / ph);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
}

static void
unlink_and_free (gpointer path)
{
  g_unlink (path);
  g_free (path);
}

/* A print operation of the chosen report, or NULL with @error set (or not,
 * when there is simply nothing to print). */
static GtkPrintOperation *
print_operation_new (TzReportsPage *self, GError **error)
{
  const ReportKind *kind = chosen_kind (self);
  Choice choice = current_choice (self);
  g_autoptr (PopplerDocument) document = NULL;
  g_autofree char *tmp = NULL;
  GtkPrintOperation *operation;

  if ((kind->scope & SCOPE_PERSONAL) != 0 && choice.options.unmasked)
    {
      /* The preview is masked: full numbers need their own copy, which the
       * report function records in the audit log. */
      g_autofree char *uri = NULL;
      int fd = g_file_open_tmp ("taizhang-print-XXXXXX.pdf", &tmp, error);

      if (fd < 0)
        return NULL;
      close (fd);
      if (tz_reports_page_export (self, tmp, TZ_REPORT_PDF, error))
        uri = g_filename_to_uri (tmp, NULL, error);
      if (uri != NULL)
        document = poppler_document_new_from_file (uri, NULL, error);
      if (document == NULL)
        {
          g_unlink (tmp);
          return NULL;
        }
    }
  else if (self->document != NULL)
    document = g_object_ref (self->document);
  else
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, kind->title);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (tmp != NULL)
    g_object_set_data_full (G_OBJECT (operation), "tmp-path", g_steal_pointer (&tmp),
                            unlink_and_free);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (document), unref_data, 0);
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb),
                         g_object_ref (document), unref_data, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), g_object_ref (document),
                         unref_data, 0);
  return operation;
}

/* "done" comes whether the dialog printed, was cancelled or failed. */
static void
print_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, TzReportsPage *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      tz_page_show_error (TZ_PAGE (self), _ ("The report could not be printed"), error);
    }
  g_object_unref (operation);
}

static void
print_clicked_cb (TzReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GError) error = NULL;
  GtkPrintOperation *operation = print_operation_new (self, &error);

  if (operation == NULL)
    {
      if (error != NULL)
        tz_page_show_error (TZ_PAGE (self), _ ("The report could not be printed"), error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* The done handler releases the operation and reports a failure. */
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
}

static void
zoom_by (TzReportsPage *self, double factor)
{
  self->zoom = CLAMP (self->zoom * factor, ZOOM_MIN, ZOOM_MAX);
  render_pages (self);
}

static void
zoom_in_clicked_cb (TzReportsPage *self)
{
  zoom_by (self, ZOOM_STEP);
}

static void
zoom_out_clicked_cb (TzReportsPage *self)
{
  zoom_by (self, 1.0 / ZOOM_STEP);
}

/* Overrides */

static void
tz_reports_page_reload (TzPage *page)
{
  TzReportsPage *self = TZ_REPORTS_PAGE (page);

  gtk_widget_set_sensitive (self->toolbar, has_campaign (self));
  reload_tracks (self);
  schedule_preview (self);
}

static void
tz_reports_page_dispose (GObject *object)
{
  TzReportsPage *self = TZ_REPORTS_PAGE (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->pages_box != NULL)
    clear_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (tz_reports_page_parent_class)->dispose (object);
}

static void
tz_reports_page_finalize (GObject *object)
{
  TzReportsPage *self = TZ_REPORTS_PAGE (object);

  g_array_unref (self->track_ids);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->fonts, tz_report_fonts_free);
  G_OBJECT_CLASS (tz_reports_page_parent_class)->finalize (object);
}

static void
tz_reports_page_class_init (TzReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->dispose = tz_reports_page_dispose;
  object_class->finalize = tz_reports_page_finalize;
  page_class->reload = tz_reports_page_reload;
  /* Every report reads most of the campaign: any change may change the preview. */
  page_class->watched_tables = NULL;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, report_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, quota_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, progress_check);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, unmasked_box);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, unmasked_switch);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, export_pdf_button);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, export_xlsx_button);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, seals_banner);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, seals_label);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, message_page);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, pages_box);
  gtk_widget_class_bind_template_child (widget_class, TzReportsPage, pages_label);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_pdf_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_xlsx_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
}

static void
tz_reports_page_init (TzReportsPage *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->track_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->settings = tz_settings_new ();
  self->zoom = 1.0;

  for (guint i = 0; i < G_N_ELEMENTS (report_kinds); i++)
    gtk_string_list_append (kinds, report_kinds[i].title);
  gtk_drop_down_set_model (self->report_dropdown, G_LIST_MODEL (kinds));
  sync_controls (self);
  show_message (self, _ ("Nothing to Print"), NULL);

  g_signal_connect_swapped (self->report_dropdown, "notify::selected",
                            G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->track_dropdown, "notify::selected",
                            G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->quota_kind_dropdown, "notify::selected",
                            G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->progress_check, "toggled", G_CALLBACK (choice_changed_cb), self);
}

GtkWidget *
tz_reports_page_new (void)
{
  return g_object_new (TZ_TYPE_REPORTS_PAGE, NULL);
}

gboolean
tz_reports_page_select (TzReportsPage *self, const char *kind)
{
  g_return_val_if_fail (TZ_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (report_kinds); i++)
    if (g_strcmp0 (report_kinds[i].id, kind) == 0)
      {
        gtk_drop_down_set_selected (self->report_dropdown, i);
        update_preview (self);
        return TRUE;
      }
  return FALSE;
}

gboolean
tz_reports_page_export (TzReportsPage *self, const char *path, TzReportFormat format,
                        GError **error)
{
  const ReportKind *kind;
  Choice choice;

  g_return_val_if_fail (TZ_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  kind = chosen_kind (self);
  choice = current_choice (self);
  if (!has_campaign (self))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("No campaign is open."));
      return FALSE;
    }
  if (format == TZ_REPORT_XLSX && !kind->has_xlsx)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID, _ ("%s has no xlsx form. Export a PDF."),
                   kind->title);
      return FALSE;
    }
  choice.options.format = format;
  if ((kind->scope & SCOPE_PERSONAL) == 0)
    choice.options.unmasked = FALSE;
  return kind->write (tz_page_get_db (TZ_PAGE (self)), tz_page_get_campaign_id (TZ_PAGE (self)),
                      &choice, path, error);
}

gboolean
tz_reports_page_print_to_file (TzReportsPage *self, const char *path, GError **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (TZ_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = print_operation_new (self, error);
  if (operation == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("There is nothing to print."));
      return FALSE;
    }
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

const char *
tz_reports_page_get_preview_path (TzReportsPage *self)
{
  g_return_val_if_fail (TZ_IS_REPORTS_PAGE (self), NULL);

  return self->document != NULL ? self->preview_path : NULL;
}

guint
tz_reports_page_get_n_preview_pages (TzReportsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (TZ_IS_REPORTS_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
