/* tz-entry-dialog.c — the form of an entry: a work or a nomination in a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form follows the entry's track: who may enter (a person, a unit, or
 * either), the limits of its texts (a deed summary of 200 characters is
 * counted live), its work requirements (shown as warnings, since a clerk may
 * save a work and wait for a better file) and the opinion boxes of its form,
 * one group per level. Every field is checked by the core's rule as it is
 * typed; Save stays disabled while one fails.
 */
#define G_LOG_DOMAIN "tz-entry-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-entry-dialog.h"
#include "tz-entry.h"
#include "tz-person-model.h"
#include "tz-person.h"
#include "tz-unit.h"
#include "tz-validate.h"

/* The rows of one level's opinion box. */
typedef struct
{
  int level;
  char *name;
  AdwEntryRow *text;
  AdwEntryRow *date;
  AdwEntryRow *signer;
  AdwComboRow *unit;
  GtkWidget *message_row;
  GtkLabel *message;
} OpinionRows;

struct _TzEntryDialog
{
  AdwWindow parent_instance;

  GtkButton *save_button;
  GtkSpinner *spinner;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  AdwPreferencesPage *preferences_page;
  AdwPreferencesGroup *entry_group;
  AdwEntryRow *title_row;
  GtkWidget *title_message_row;
  GtkLabel *title_message;
  AdwComboRow *entrant_kind_row;
  AdwActionRow *person_row;
  GtkMenuButton *person_button;
  GtkPopover *person_popover;
  GtkSearchEntry *person_search;
  GtkListView *person_list;
  AdwComboRow *entrant_unit_row;
  GtkWidget *entrant_message_row;
  GtkLabel *entrant_message;
  AdwComboRow *recommending_unit_row;
  AdwComboRow *status_row;
  AdwEntryRow *platform_row;
  GtkTextView *summary_view;
  GtkLabel *summary_count;
  GtkLabel *summary_message;
  GtkTextView *description_view;
  GtkLabel *description_count;
  GtkLabel *description_message;
  AdwPreferencesGroup *work_group;
  AdwActionRow *file_row;
  GtkWidget *file_message_row;
  GtkLabel *file_message;
  AdwEntryRow *duration_row;
  AdwEntryRow *width_row;
  AdwEntryRow *height_row;
  GtkWidget *numbers_message_row;
  GtkLabel *numbers_message;
  GtkLabel *failures_label;

  TzDb *db;
  gint64 track_id;
  gint64 entry_id;
  TzEntryTrack *track;
  TzEntry *entry;      /* what is kept of the stored entry, and the work file read */
  GPtrArray *units;    /* TzUnit*, the campaign's, in the order of the unit combo rows */
  GPtrArray *opinions; /* OpinionRows* */
  TzPersonModel *people;
  gboolean title_touched;
  gboolean reading_file;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (TzEntryDialog, tz_entry_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_DB,
  PROP_TRACK_ID,
  PROP_ENTRY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
opinion_rows_free (OpinionRows *rows)
{
  g_free (rows->name);
  g_free (rows);
}

static char *
row_text (gpointer editable)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

/* The unit of a combo row listing the campaign's units, after @offset leading
 * items ("none"); 0 when none is chosen. */
static gint64
chosen_unit (TzEntryDialog *self, AdwComboRow *row, guint offset)
{
  guint i = adw_combo_row_get_selected (row);

  if (i == GTK_INVALID_LIST_POSITION || i < offset || i - offset >= self->units->len)
    return 0;
  return ((TzUnit *) self->units->pdata[i - offset])->id;
}

static void
choose_unit (TzEntryDialog *self, AdwComboRow *row, guint offset, gint64 unit_id)
{
  for (guint i = 0; i < self->units->len; i++)
    if (((TzUnit *) self->units->pdata[i])->id == unit_id)
      {
        adw_combo_row_set_selected (row, i + offset);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static GListModel *
units_model (TzEntryDialog *self, const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (none != NULL)
    gtk_string_list_append (list, none);
  for (guint i = 0; i < self->units->len; i++)
    gtk_string_list_append (list, ((TzUnit *) self->units->pdata[i])->name);
  return G_LIST_MODEL (list);
}

static gboolean
person_entrant (TzEntryDialog *self)
{
  if (self->track == NULL)
    return FALSE;
  if (tz_entry_track_takes_person (self->track) && tz_entry_track_takes_unit (self->track))
    return adw_combo_row_get_selected (self->entrant_kind_row) == 0;
  return tz_entry_track_takes_person (self->track);
}

static gboolean
unit_entrant (TzEntryDialog *self)
{
  if (self->track == NULL)
    return FALSE;
  if (tz_entry_track_takes_person (self->track) && tz_entry_track_takes_unit (self->track))
    return adw_combo_row_get_selected (self->entrant_kind_row) == 1;
  return tz_entry_track_takes_unit (self->track);
}

/* A number typed in one of the work's rows: -1 when empty. */
static gboolean
read_count (AdwEntryRow *row, const char *field, gint64 *out, GError **error)
{
  g_autofree char *text = row_text (row);

  *out = -1;
  if (text == NULL)
    return TRUE;
  return tz_validate_count (field, text, out, error);
}

static TzEntry *
build_entry (TzEntryDialog *self, GError **numbers_error)
{
  TzEntry *e = tz_entry_new ();
  const char *const *statuses = tz_entry_statuses ();
  guint status = adw_combo_row_get_selected (self->status_row);
  gint64 duration = -1;

  e->id = self->entry_id;
  e->uuid = g_strdup (self->entry->uuid);
  e->track_id = self->track_id;
  e->campaign_id = self->track != NULL ? self->track->campaign_id : 0;
  e->team_id = self->entry->team_id;
  e->submitted_on = g_strdup (self->entry->submitted_on);
  e->title = row_text (self->title_row);
  if (person_entrant (self))
    e->person_id = self->entry->person_id;
  else if (unit_entrant (self))
    e->entrant_unit_id = chosen_unit (self, self->entrant_unit_row, 0);
  if (e->person_id > 0 || e->entrant_unit_id > 0)
    e->team_id = 0;
  e->recommending_unit_id = chosen_unit (self, self->recommending_unit_row, 1);
  e->platform = row_text (self->platform_row);
  e->status = g_strdup (status < g_strv_length ((char **) statuses) ? statuses[status] : "draft");
  e->summary = view_text (self->summary_view);
  e->description = view_text (self->description_view);
  e->file_sha256 = g_strdup (self->entry->file_sha256);
  e->file_format = g_strdup (self->entry->file_format);
  e->file_size = self->entry->file_size;

  /* The first number that does not read is reported; the others stay unknown. */
  if (read_count (self->duration_row, _ ("Duration in seconds"), &duration, numbers_error))
    e->duration_seconds = duration >= 0 ? (double) duration : -1;
  if (numbers_error == NULL || *numbers_error == NULL)
    read_count (self->width_row, _ ("Width in pixels"), &e->width, numbers_error);
  if (numbers_error == NULL || *numbers_error == NULL)
    read_count (self->height_row, _ ("Height in pixels"), &e->height, numbers_error);
  if (e->width == 0)
    e->width = -1;
  if (e->height == 0)
    e->height = -1;
  return e;
}

static TzOpinion *
build_opinion (TzEntryDialog *self, OpinionRows *rows)
{
  TzOpinion *o = tz_opinion_new ();

  o->level = rows->level;
  o->level_name = g_strdup (rows->name);
  o->text = row_text (rows->text);
  o->signed_on = row_text (rows->date);
  o->signer = row_text (rows->signer);
  o->unit_id = chosen_unit (self, rows->unit, 1);
  return o;
}

static void
show_row_message (GtkWidget *message_row, GtkLabel *label, GtkWidget *field, const char *message)
{
  gboolean shown = message != NULL;

  gtk_label_set_text (label, shown ? message : "");
  gtk_widget_set_visible (message_row, shown);
  if (field != NULL)
    {
      if (shown)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
      gtk_accessible_update_state (
          GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
          shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
}

/* "57 / 200 characters", red when over the limit. */
static void
show_count (GtkLabel *label, const char *text, gint64 max)
{
  glong n = text != NULL ? g_utf8_strlen (text, -1) : 0;
  g_autofree char *s = NULL;

  if (max > 0)
    /* TRANSLATORS: characters typed / the limit of the form's box */
    s = g_strdup_printf (_ ("%ld / %" PRId64 " characters"), n, max);
  else
    s = g_strdup_printf (ngettext ("%ld character", "%ld characters", n), n);
  gtk_label_set_text (label, s);
  if (max > 0 && n > max)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static gboolean
check_text (TzEntryDialog *self, const TzEntry *e, TzEntryField field, GtkLabel *message,
            GtkWidget *view)
{
  g_autoptr (GError) error = NULL;
  gboolean ok =
      tz_entry_check_field (e, self->track ? self->track->requirements : NULL, field, &error);

  gtk_label_set_text (message, ok ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (message), !ok);
  gtk_accessible_update_state (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_STATE_INVALID,
                               ok ? GTK_ACCESSIBLE_INVALID_FALSE : GTK_ACCESSIBLE_INVALID_TRUE, -1);
  return ok;
}

static void
show_failures (TzEntryDialog *self, const TzEntry *e)
{
  g_autoptr (GPtrArray) failures = NULL;
  g_autoptr (GString) text = NULL;

  if (self->track == NULL)
    return;
  /* The text limits are refused under their own fields, not warned about here. */
  {
    g_autoptr (TzEntry) work = tz_entry_new ();

    work->duration_seconds = e->duration_seconds;
    work->width = e->width;
    work->height = e->height;
    work->file_size = e->file_size;
    work->file_format = g_strdup (e->file_format);
    failures = tz_entry_check_requirements (self->track->requirements, work);
  }
  if (failures->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->failures_label), FALSE);
      return;
    }
  text = g_string_new (_ ("The work does not meet these requirements of the track yet. You can "
                          "save it and add a better file later."));
  for (guint i = 0; i < failures->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *) failures->pdata[i]);
  gtk_label_set_text (self->failures_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->failures_label), TRUE);
}

/* Checks every field, shows the messages, enables Save. */
static gboolean
validate (TzEntryDialog *self)
{
  g_autoptr (GError) numbers_error = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TzEntry) e = build_entry (self, &numbers_error);
  const TzWorkRequirements *req = self->track != NULL ? self->track->requirements : NULL;
  gboolean ok = self->track != NULL;
  gboolean title_ok, entrant_ok;

  title_ok = tz_entry_check_field (e, req, TZ_ENTRY_FIELD_TITLE, &error);
  show_row_message (self->title_message_row, self->title_message, GTK_WIDGET (self->title_row),
                    !title_ok && self->title_touched ? error->message : NULL);
  g_clear_error (&error);
  ok = ok && title_ok;

  /* No entrant yet is said by the row itself ("no one chosen"); Save waits. */
  entrant_ok = tz_entry_check_field (e, req, TZ_ENTRY_FIELD_ENTRANT, NULL);
  ok = ok && entrant_ok;
  if (entrant_ok && gtk_widget_get_visible (self->entrant_message_row) &&
      g_object_get_data (G_OBJECT (self->entrant_message), "from-save") == NULL)
    show_row_message (self->entrant_message_row, self->entrant_message, NULL, NULL);

  show_count (self->summary_count, e->summary, req != NULL ? req->max_summary_chars : 0);
  ok = check_text (self, e, TZ_ENTRY_FIELD_SUMMARY, self->summary_message,
                   GTK_WIDGET (self->summary_view)) &&
       ok;
  show_count (self->description_count, e->description,
              req != NULL ? req->max_description_chars : 0);
  ok = check_text (self, e, TZ_ENTRY_FIELD_DESCRIPTION, self->description_message,
                   GTK_WIDGET (self->description_view)) &&
       ok;

  show_row_message (self->numbers_message_row, self->numbers_message, NULL,
                    numbers_error != NULL ? numbers_error->message : NULL);
  ok = ok && numbers_error == NULL;

  for (guint i = 0; i < self->opinions->len; i++)
    {
      OpinionRows *rows = self->opinions->pdata[i];
      g_autoptr (TzOpinion) o = build_opinion (self, rows);
      g_autoptr (GError) opinion_error = NULL;
      gboolean opinion_ok = tz_opinion_check (o, &opinion_error);

      show_row_message (rows->message_row, rows->message, NULL,
                        opinion_ok ? NULL : opinion_error->message);
      ok = ok && opinion_ok;
    }

  show_failures (self, e);
  ok = ok && !self->reading_file;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", ok);
  return ok;
}

static void
changed_cb (TzEntryDialog *self)
{
  g_assert (TZ_IS_ENTRY_DIALOG (self));

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  validate (self);
}

static void
title_changed_cb (TzEntryDialog *self)
{
  self->title_touched = TRUE;
  changed_cb (self);
}

static void
entrant_kind_changed_cb (TzEntryDialog *self)
{
  gboolean person = person_entrant (self);

  gtk_widget_set_visible (GTK_WIDGET (self->person_row), person);
  gtk_widget_set_visible (GTK_WIDGET (self->entrant_unit_row), unit_entrant (self));
  changed_cb (self);
}

static void
show_banner (TzEntryDialog *self, const char *message)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
show_file (TzEntryDialog *self, const char *name)
{
  g_autofree char *size =
      self->entry->file_size >= 0 ? g_format_size (self->entry->file_size) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->entry->file_sha256 == NULL)
    {
      adw_action_row_set_subtitle (self->file_row, _ ("No file chosen"));
      return;
    }
  /* TRANSLATORS: a work file: its name (or "stored file"), format and size */
  subtitle = g_strdup_printf (_ ("%s — %s, %s"), name != NULL ? name : _ ("File recorded"),
                              self->entry->file_format != NULL ? self->entry->file_format : "?",
                              size != NULL ? size : "?");
  adw_action_row_set_subtitle (self->file_row, subtitle);
}

static void
set_number (AdwEntryRow *row, gint64 value)
{
  g_autofree char *text = value > 0 ? g_strdup_printf ("%" PRId64, value) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_view_text (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
opinion_group (TzEntryDialog *self, int level, const char *name)
{
  OpinionRows *rows = g_new0 (OpinionRows, 1);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *text_name = g_strdup_printf (_ ("%s: opinion"), name);
  g_autofree char *date_name = g_strdup_printf (_ ("%s: date"), name);
  g_autofree char *signer_name = g_strdup_printf (_ ("%s: signed by"), name);
  g_autofree char *unit_name = g_strdup_printf (_ ("%s: sealing unit"), name);
  g_autoptr (GListModel) units = units_model (self, C_ ("unit", "None"));
  GtkWidget *label;

  rows->level = level;
  rows->name = g_strdup (name);
  adw_preferences_group_set_title (group, name);
  adw_preferences_group_set_description (group, _ ("The opinion box of this level on the form"));

  rows->text = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->text), _ ("Opinion"));
  rows->date = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->date),
                                 _ ("Date (year-month-day, e.g. 2022-10-15)"));
  rows->signer = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->signer), _ ("Signed by"));
  rows->unit = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->unit), _ ("Sealing unit"));
  adw_combo_row_set_model (rows->unit, units);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->date), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  date_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->signer), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  signer_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->unit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unit_name, -1);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  rows->message = GTK_LABEL (label);
  rows->message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rows->message_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (rows->message_row), label);
  gtk_widget_set_visible (rows->message_row, FALSE);

  adw_preferences_group_add (group, GTK_WIDGET (rows->text));
  adw_preferences_group_add (group, GTK_WIDGET (rows->date));
  adw_preferences_group_add (group, GTK_WIDGET (rows->signer));
  adw_preferences_group_add (group, GTK_WIDGET (rows->unit));
  adw_preferences_group_add (group, rows->message_row);
  adw_preferences_page_add (self->preferences_page, group);

  g_signal_connect_object (rows->text, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rows->date, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rows->signer, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rows->unit, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->opinions, rows);
}

static void
load_opinions (TzEntryDialog *self)
{
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; self->track->opinion_levels[i] != NULL; i++)
    opinion_group (self, (int) i + 1, self->track->opinion_levels[i]);
  if (self->entry_id == 0)
    return;
  stored = tz_entry_get_opinions (self->db, self->entry_id, &error);
  if (stored == NULL)
    {
      show_banner (self, error->message);
      return;
    }
  for (guint i = 0; i < stored->len; i++)
    {
      TzOpinion *o = stored->pdata[i];

      for (guint k = 0; k < self->opinions->len; k++)
        {
          OpinionRows *rows = self->opinions->pdata[k];

          if (rows->level != o->level)
            continue;
          gtk_editable_set_text (GTK_EDITABLE (rows->text), o->text ? o->text : "");
          gtk_editable_set_text (GTK_EDITABLE (rows->date), o->signed_on ? o->signed_on : "");
          gtk_editable_set_text (GTK_EDITABLE (rows->signer), o->signer ? o->signer : "");
          choose_unit (self, rows->unit, 1, o->unit_id);
        }
    }
}

static void
load (TzEntryDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr (GListModel) recommending = NULL;
  g_autoptr (GListModel) entrant_units = NULL;
  const char *const *codes = tz_entry_statuses ();
  gboolean both;

  self->track = tz_entry_get_track (self->db, self->track_id, &error);
  if (self->track == NULL)
    {
      show_banner (self, error->message);
      return;
    }
  self->units = tz_unit_list (self->db, self->track->campaign_id, &error);
  if (self->units == NULL)
    {
      show_banner (self, error->message);
      self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_unit_free);
      g_clear_error (&error);
    }
  adw_preferences_group_set_description (self->entry_group, self->track->name);

  recommending = units_model (self, C_ ("unit", "None"));
  adw_combo_row_set_model (self->recommending_unit_row, recommending);
  entrant_units = units_model (self, NULL);
  adw_combo_row_set_model (self->entrant_unit_row, entrant_units);
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (statuses, tz_entry_status_label (codes[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  /* A nomination is a person and a summary: there is no work file to describe. */
  gtk_widget_set_visible (GTK_WIDGET (self->work_group),
                          g_strcmp0 (self->track->entry_kind, "nomination") != 0);
  both = tz_entry_track_takes_person (self->track) && tz_entry_track_takes_unit (self->track);
  gtk_widget_set_visible (GTK_WIDGET (self->entrant_kind_row), both);
  if (!tz_entry_track_takes_person (self->track) && !tz_entry_track_takes_unit (self->track))
    show_banner (self, _ ("Entries of teams are not entered in this form yet. Use the "
                          "spreadsheet import for this track."));

  if (self->entry_id > 0)
    {
      TzEntry *stored = tz_entry_get (self->db, self->entry_id, &error);

      if (stored == NULL)
        {
          show_banner (self, error->message);
          return;
        }
      tz_entry_free (self->entry);
      self->entry = stored;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), stored->title ? stored->title : "");
      if (both)
        adw_combo_row_set_selected (self->entrant_kind_row, stored->entrant_unit_id > 0 ? 1 : 0);
      if (stored->person_id > 0)
        adw_action_row_set_subtitle (self->person_row, stored->entrant_name);
      choose_unit (self, self->entrant_unit_row, 0, stored->entrant_unit_id);
      choose_unit (self, self->recommending_unit_row, 1, stored->recommending_unit_id);
      for (guint i = 0; codes[i] != NULL; i++)
        if (g_strcmp0 (codes[i], stored->status) == 0)
          adw_combo_row_set_selected (self->status_row, i);
      gtk_editable_set_text (GTK_EDITABLE (self->platform_row),
                             stored->platform ? stored->platform : "");
      set_view_text (self->summary_view, stored->summary);
      set_view_text (self->description_view, stored->description);
      set_number (self->duration_row, (gint64) stored->duration_seconds);
      set_number (self->width_row, stored->width);
      set_number (self->height_row, stored->height);
      show_file (self, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Entry"));
    }
  load_opinions (self);
  entrant_kind_changed_cb (self);
}

static void
person_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), where);
  gtk_list_item_set_child (list_item, box);
}

static void
fill_person (TzPersonItem *item, GParamSpec *pspec, GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *where = gtk_widget_get_next_sibling (name);
  const char *workplace = tz_person_item_get_workplace (item);

  gtk_label_set_text (GTK_LABEL (name), tz_person_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (where), workplace != NULL ? workplace : "");
}

/* The model tells the items on screen their new content after a search. */
static void
person_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  TzPersonItem *item = gtk_list_item_get_item (list_item);

  fill_person (item, NULL, list_item);
  g_signal_connect (item, "notify::person", G_CALLBACK (fill_person), list_item);
}

static void
person_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, fill_person, list_item);
}

static void
person_activated_cb (TzEntryDialog *self, guint position)
{
  g_autoptr (TzPersonItem) item = g_list_model_get_item (G_LIST_MODEL (self->people), position);

  if (item == NULL)
    return;
  tz_entry_dialog_set_person (self, tz_person_item_get_id (item));
  gtk_popover_popdown (self->person_popover);
}

static void
person_search_changed_cb (TzEntryDialog *self)
{
  tz_person_model_set_query (self->people,
                             gtk_editable_get_text (GTK_EDITABLE (self->person_search)));
}

/* The people are listed only when the list is first opened: a form for a
 * unit's entry should not count 100 000 people. */
static void
person_popover_shown_cb (TzEntryDialog *self)
{
  g_autoptr (GtkSingleSelection) selection = NULL;
  g_autoptr (GtkListItemFactory) factory = NULL;

  if (self->people != NULL || self->db == NULL)
    return;
  self->people = tz_person_model_new (self->db);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (person_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (person_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (person_unbind_cb), NULL);
  gtk_list_view_set_factory (self->person_list, factory);
  gtk_list_view_set_model (self->person_list, GTK_SELECTION_MODEL (selection));
  person_search_changed_cb (self);
}

typedef struct
{
  char *path;
  char *name;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

static void
read_file_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  FileJob *job = data;
  g_autoptr (TzEntry) scratch = tz_entry_new ();
  GError *error = NULL;

  /* No database here: only the file is read. */
  if (tz_entry_set_work_file (scratch, job->path, &error))
    g_task_return_pointer (task, g_steal_pointer (&scratch), (GDestroyNotify) tz_entry_free);
  else
    g_task_return_error (task, error);
}

static void
read_file_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  TzEntryDialog *self = TZ_ENTRY_DIALOG (source);
  FileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (TzEntry) scratch = g_task_propagate_pointer (G_TASK (result), &error);

  /* A form closed meanwhile has no widgets left to show the result in. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->reading_file = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (scratch == NULL)
    show_row_message (self->file_message_row, self->file_message, NULL, error->message);
  else
    {
      g_free (self->entry->file_sha256);
      self->entry->file_sha256 = g_steal_pointer (&scratch->file_sha256);
      g_free (self->entry->file_format);
      self->entry->file_format = g_steal_pointer (&scratch->file_format);
      self->entry->file_size = scratch->file_size;
      show_file (self, job->name);
    }
  validate (self);
}

static void
chooser_response_cb (TzEntryDialog *self, int response, GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tz_entry_dialog_set_work_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzEntryDialog *self = TZ_ENTRY_DIALOG (widget);

  if (self->chooser != NULL)
    return;
  self->chooser =
      gtk_file_chooser_native_new (_ ("Choose the Work File"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  tz_entry_dialog_save (TZ_ENTRY_DIALOG (widget));
}

static void
tz_entry_dialog_constructed (GObject *object)
{
  TzEntryDialog *self = TZ_ENTRY_DIALOG (object);

  G_OBJECT_CLASS (tz_entry_dialog_parent_class)->constructed (object);
  if (self->db != NULL)
    load (self);
  validate (self);
}

static void
tz_entry_dialog_dispose (GObject *object)
{
  TzEntryDialog *self = TZ_ENTRY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_ENTRY_DIALOG);
  g_clear_object (&self->people);
  G_OBJECT_CLASS (tz_entry_dialog_parent_class)->dispose (object);
}

static void
tz_entry_dialog_finalize (GObject *object)
{
  TzEntryDialog *self = TZ_ENTRY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_pointer (&self->track, tz_entry_track_free);
  g_clear_pointer (&self->entry, tz_entry_free);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->opinions, g_ptr_array_unref);
  G_OBJECT_CLASS (tz_entry_dialog_parent_class)->finalize (object);
}

static void
tz_entry_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzEntryDialog *self = TZ_ENTRY_DIALOG (object);

  switch (prop_id)
    {
      case PROP_DB:
        g_value_set_object (value, self->db);
        break;
      case PROP_TRACK_ID:
        g_value_set_int64 (value, self->track_id);
        break;
      case PROP_ENTRY_ID:
        g_value_set_int64 (value, self->entry_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_entry_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  TzEntryDialog *self = TZ_ENTRY_DIALOG (object);

  switch (prop_id)
    {
      case PROP_DB:
        self->db = g_value_dup_object (value);
        break;
      case PROP_TRACK_ID:
        self->track_id = g_value_get_int64 (value);
        break;
      case PROP_ENTRY_ID:
        self->entry_id = g_value_get_int64 (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_entry_dialog_class_init (TzEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tz_entry_dialog_constructed;
  object_class->dispose = tz_entry_dialog_dispose;
  object_class->finalize = tz_entry_dialog_finalize;
  object_class->get_property = tz_entry_dialog_get_property;
  object_class->set_property = tz_entry_dialog_set_property;

  properties[PROP_DB] =
      g_param_spec_object ("db", NULL, NULL, TZ_TYPE_DB,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK_ID] =
      g_param_spec_int64 ("track-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY_ID] =
      g_param_spec_int64 ("entry-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TzEntryDialog::saved:
   * @id: the entry's id
   *
   * Emitted when the entry has been written, before the form closes.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, entry_group);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, title_message_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, title_message);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, entrant_kind_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, person_button);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, person_popover);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, person_search);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, person_list);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, entrant_unit_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, entrant_message_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, entrant_message);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, recommending_unit_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, platform_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, summary_count);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, summary_message);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, description_count);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, description_message);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, work_group);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, file_message_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, file_message);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, numbers_message_row);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, numbers_message);
  gtk_widget_class_bind_template_child (widget_class, TzEntryDialog, failures_label);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "entry.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "entry.save",
                                       NULL);
}

static void
tz_entry_dialog_init (TzEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entry = tz_entry_new ();
  self->opinions = g_ptr_array_new_with_free_func ((GDestroyNotify) opinion_rows_free);
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->platform_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->duration_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entrant_kind_row, "notify::selected",
                           G_CALLBACK (entrant_kind_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entrant_unit_row, "notify::selected", G_CALLBACK (changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recommending_unit_row, "notify::selected", G_CALLBACK (changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person_popover, "show", G_CALLBACK (person_popover_shown_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person_search, "search-changed",
                           G_CALLBACK (person_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->person_list, "activate", G_CALLBACK (person_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->title_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->title_message, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->summary_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->summary_count,
                                  self->summary_message, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->description_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->description_count,
                                  self->description_message, NULL, -1);
}

TzEntryDialog *
tz_entry_dialog_new (GtkWindow *parent, TzDb *db, gint64 track_id, gint64 entry_id)
{
  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  /* An entry knows its track. */
  if (entry_id > 0)
    {
      g_autoptr (TzEntry) stored = tz_entry_get (db, entry_id, NULL);

      if (stored != NULL)
        track_id = stored->track_id;
    }
  return g_object_new (TZ_TYPE_ENTRY_DIALOG, "transient-for", parent, "db", db, "track-id",
                       track_id, "entry-id", entry_id, NULL);
}

gint64
tz_entry_dialog_get_entry_id (TzEntryDialog *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_DIALOG (self), 0);
  return self->entry_id;
}

gboolean
tz_entry_dialog_is_valid (TzEntryDialog *self)
{
  g_return_val_if_fail (TZ_IS_ENTRY_DIALOG (self), FALSE);
  return validate (self);
}

void
tz_entry_dialog_set_person (TzEntryDialog *self, gint64 person_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = NULL;

  g_return_if_fail (TZ_IS_ENTRY_DIALOG (self));

  p = tz_person_get (self->db, person_id, &error);
  if (p == NULL)
    {
      show_row_message (self->entrant_message_row, self->entrant_message, NULL, error->message);
      return;
    }
  self->entry->person_id = p->id;
  adw_action_row_set_subtitle (self->person_row, p->name);
  g_object_set_data (G_OBJECT (self->entrant_message), "from-save", NULL);
  show_row_message (self->entrant_message_row, self->entrant_message, NULL, NULL);
  validate (self);
}

void
tz_entry_dialog_set_work_file (TzEntryDialog *self, GFile *file)
{
  g_autoptr (GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (TZ_IS_ENTRY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (FileJob, 1);
  job->path = g_file_get_path (file);
  job->name = g_file_get_basename (file);
  if (job->path == NULL)
    {
      show_row_message (self->file_message_row, self->file_message, NULL,
                        _ ("Work file: the file is not on this computer. Copy it to a folder "
                           "here first."));
      file_job_free (job);
      return;
    }
  show_row_message (self->file_message_row, self->file_message, NULL, NULL);
  adw_action_row_set_subtitle (self->file_row, _ ("Reading the file…"));
  self->reading_file = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  validate (self);

  /* Hashing a 500 MB video takes seconds: in a thread, the form stays alive. */
  task = g_task_new (self, self->cancellable, read_file_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, read_file_thread);
}

gboolean
tz_entry_dialog_save (TzEntryDialog *self)
{
  g_autoptr (TzEntry) e = NULL;
  g_autoptr (GPtrArray) opinions = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TZ_IS_ENTRY_DIALOG (self), FALSE);

  self->title_touched = TRUE;
  if (!validate (self) || self->db == NULL)
    return FALSE;

  e = build_entry (self, NULL);
  opinions = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
  for (guint i = 0; i < self->opinions->len; i++)
    g_ptr_array_add (opinions, build_opinion (self, self->opinions->pdata[i]));

  /* The duplicate rules are asked first, to put their message under its field. */
  if (!tz_entry_check_person_once (self->db, e->track_id, e->person_id, e->id, &error))
    {
      g_object_set_data (G_OBJECT (self->entrant_message), "from-save", GINT_TO_POINTER (1));
      show_row_message (self->entrant_message_row, self->entrant_message, NULL, error->message);
      return FALSE;
    }
  if (!tz_entry_check_file_once (self->db, e->campaign_id, e->file_sha256, e->id, &error))
    {
      show_row_message (self->file_message_row, self->file_message, NULL, error->message);
      return FALSE;
    }
  if (!tz_entry_save_with_opinions (self->db, e, opinions, &error))
    {
      if (error->domain == TZ_ERROR)
        show_banner (self, error->message);
      else
        {
          GtkWidget *dialog =
              adw_message_dialog_new (GTK_WINDOW (self), _ ("Could Not Save"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return FALSE;
    }

  self->entry_id = e->id;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, e->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
