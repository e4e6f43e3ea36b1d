/* tz-campaign-dialog.c — creating a campaign or editing its notice data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every keystroke checks the fields with the core's own rules
 * (tz_campaign_validate_field), so the messages under the form are the ones
 * tz_campaign_save() would give, and Save stays disabled while any field is
 * invalid: nothing invalid reaches the database. A field's message appears
 * once the user has changed that field, so an empty form does not open in red.
 */
#define G_LOG_DOMAIN "tz-campaign-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tz-campaign-dialog.h"
#include "tz-campaign.h"

/* The statuses in the order of the combo row's list. */
static const char *const status_ids[] = { "draft", "active", "finished", "archived" };

typedef enum
{
  GROUP_NOTICE,
  GROUP_PERIOD,
  GROUP_CONTENT,
  GROUP_SUMMARY,
  N_GROUPS
} Group;

struct _TzCampaignDialog
{
  AdwWindow parent_instance;

  TzDb *db;
  gint64 campaign_id;
  TzCampaign *original;                   /* the campaign as read, for what the form lacks */
  gboolean touched[TZ_CAMPAIGN_N_FIELDS]; /* changed by the user: its message may show */
  gboolean show_all;                      /* editing, or Save was tried: show every message */
  gboolean syncing_calendar;
  gboolean valid;

  /* Template widgets */
  GtkWidget *save_button;
  AdwEntryRow *title_row;
  AdwEntryRow *short_title_row;
  AdwEntryRow *issuer_row;
  AdwEntryRow *doc_number_row;
  AdwEntryRow *issue_date_row;
  AdwEntryRow *addressees_row;
  AdwComboRow *status_row;
  AdwEntryRow *start_date_row;
  AdwEntryRow *end_date_row;
  AdwEntryRow *period_text_row;
  AdwEntryRow *theme_row;
  AdwEntryRow *audience_row;
  AdwEntryRow *platform_row;
  AdwEntryRow *mailbox_row;
  GtkTextView *summary_view;
  GtkCalendar *issue_date_calendar;
  GtkCalendar *start_date_calendar;
  GtkCalendar *end_date_calendar;
  GtkLabel *notice_errors;
  GtkLabel *period_errors;
  GtkLabel *content_errors;
  GtkLabel *summary_errors;
};

G_DEFINE_FINAL_TYPE (TzCampaignDialog, tz_campaign_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_DB,
  PROP_CAMPAIGN_ID,
  N_PROPS
};

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The widget that edits @field, or NULL for the fields the form leaves alone. */
static GtkWidget *
field_widget (TzCampaignDialog *self, TzCampaignField field)
{
  switch (field)
    {
      case TZ_CAMPAIGN_FIELD_TITLE:
        return GTK_WIDGET (self->title_row);
      case TZ_CAMPAIGN_FIELD_SHORT_TITLE:
        return GTK_WIDGET (self->short_title_row);
      case TZ_CAMPAIGN_FIELD_ISSUER:
        return GTK_WIDGET (self->issuer_row);
      case TZ_CAMPAIGN_FIELD_DOC_NUMBER:
        return GTK_WIDGET (self->doc_number_row);
      case TZ_CAMPAIGN_FIELD_ISSUE_DATE:
        return GTK_WIDGET (self->issue_date_row);
      case TZ_CAMPAIGN_FIELD_ADDRESSEES:
        return GTK_WIDGET (self->addressees_row);
      case TZ_CAMPAIGN_FIELD_STATUS:
        return GTK_WIDGET (self->status_row);
      case TZ_CAMPAIGN_FIELD_START_DATE:
        return GTK_WIDGET (self->start_date_row);
      case TZ_CAMPAIGN_FIELD_END_DATE:
        return GTK_WIDGET (self->end_date_row);
      case TZ_CAMPAIGN_FIELD_PERIOD_TEXT:
        return GTK_WIDGET (self->period_text_row);
      case TZ_CAMPAIGN_FIELD_THEME:
        return GTK_WIDGET (self->theme_row);
      case TZ_CAMPAIGN_FIELD_AUDIENCE:
        return GTK_WIDGET (self->audience_row);
      case TZ_CAMPAIGN_FIELD_PLATFORM:
        return GTK_WIDGET (self->platform_row);
      case TZ_CAMPAIGN_FIELD_MAILBOX:
        return GTK_WIDGET (self->mailbox_row);
      case TZ_CAMPAIGN_FIELD_SUMMARY:
        return GTK_WIDGET (self->summary_view);
      case TZ_CAMPAIGN_FIELD_PRINT_DATE:
      case TZ_CAMPAIGN_FIELD_FORWARDED_BY:
      case TZ_CAMPAIGN_FIELD_FORWARD_DOC_NUMBER:
      case TZ_CAMPAIGN_FIELD_FORWARD_NOTE:
      case TZ_CAMPAIGN_FIELD_PARTICIPATION:
      case TZ_CAMPAIGN_FIELD_REQUIREMENTS:
      case TZ_CAMPAIGN_N_FIELDS:
      default:
        return NULL;
    }
}

static Group
field_group (TzCampaignField field)
{
  switch (field)
    {
      case TZ_CAMPAIGN_FIELD_START_DATE:
      case TZ_CAMPAIGN_FIELD_END_DATE:
      case TZ_CAMPAIGN_FIELD_PERIOD_TEXT:
        return GROUP_PERIOD;
      case TZ_CAMPAIGN_FIELD_THEME:
      case TZ_CAMPAIGN_FIELD_AUDIENCE:
      case TZ_CAMPAIGN_FIELD_PLATFORM:
      case TZ_CAMPAIGN_FIELD_MAILBOX:
        return GROUP_CONTENT;
      case TZ_CAMPAIGN_FIELD_SUMMARY:
        return GROUP_SUMMARY;
      default:
        /* The fields the form does not show are reported with the notice. */
        return GROUP_NOTICE;
    }
}

static char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
summary_text (TzCampaignDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* The campaign as the form holds it; fields the form lacks keep their value. */
static TzCampaign *
collect (TzCampaignDialog *self)
{
  TzCampaign *c = self->original != NULL ? tz_campaign_copy (self->original) : tz_campaign_new ();
  guint status = adw_combo_row_get_selected (self->status_row);

  replace (&c->title, entry_text (self->title_row));
  replace (&c->short_title, entry_text (self->short_title_row));
  replace (&c->issuer, entry_text (self->issuer_row));
  replace (&c->doc_number, entry_text (self->doc_number_row));
  replace (&c->issue_date, entry_text (self->issue_date_row));
  replace (&c->addressees, entry_text (self->addressees_row));
  replace (&c->start_date, entry_text (self->start_date_row));
  replace (&c->end_date, entry_text (self->end_date_row));
  replace (&c->period_text, entry_text (self->period_text_row));
  replace (&c->theme, entry_text (self->theme_row));
  replace (&c->audience, entry_text (self->audience_row));
  replace (&c->platform, entry_text (self->platform_row));
  replace (&c->mailbox, entry_text (self->mailbox_row));
  replace (&c->summary, summary_text (self));
  replace (&c->status,
           g_strdup (status < G_N_ELEMENTS (status_ids) ? status_ids[status] : "active"));
  return c;
}

static void
mark_widget (GtkWidget *widget, const char *message)
{
  if (widget == NULL)
    return;
  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static gboolean
may_show (TzCampaignDialog *self, TzCampaignField field)
{
  if (self->show_all || field_widget (self, field) == NULL || self->touched[field])
    return TRUE;
  /* "The start is after the end" shows at the end date when either was changed. */
  return field == TZ_CAMPAIGN_FIELD_END_DATE && self->touched[TZ_CAMPAIGN_FIELD_START_DATE];
}

/* Checks every field with the core's rules; shows the messages it may; enables Save. */
static gboolean
tz_campaign_dialog_validate (TzCampaignDialog *self)
{
  g_autoptr (TzCampaign) c = collect (self);
  GString *messages[N_GROUPS];
  GtkLabel *labels[N_GROUPS] = { self->notice_errors, self->period_errors, self->content_errors,
                                 self->summary_errors };
  gboolean valid = TRUE;

  for (int g = 0; g < N_GROUPS; g++)
    messages[g] = g_string_new (NULL);

  for (int field = 0; field < TZ_CAMPAIGN_N_FIELDS; field++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok = tz_campaign_validate_field (c, field, &error);
      gboolean shown = !ok && may_show (self, field);
      GString *s = messages[field_group (field)];

      if (!ok)
        valid = FALSE;
      mark_widget (field_widget (self, field), shown ? error->message : NULL);
      if (shown)
        {
          if (s->len > 0)
            g_string_append_c (s, '\n');
          g_string_append (s, error->message);
        }
    }

  for (int g = 0; g < N_GROUPS; g++)
    {
      gtk_label_set_text (labels[g], messages[g]->str);
      gtk_widget_set_visible (GTK_WIDGET (labels[g]), messages[g]->len > 0);
      g_string_free (messages[g], TRUE);
    }

  self->valid = valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.save", valid);
  return valid;
}

static void
field_changed_cb (TzCampaignDialog *self, GObject *source)
{
  g_assert (TZ_IS_CAMPAIGN_DIALOG (self));

  for (int field = 0; field < TZ_CAMPAIGN_N_FIELDS; field++)
    if (field_widget (self, field) == (GtkWidget *) source)
      self->touched[field] = TRUE;
  tz_campaign_dialog_validate (self);
}

static void
summary_changed_cb (TzCampaignDialog *self, GtkTextBuffer *buffer)
{
  g_assert (TZ_IS_CAMPAIGN_DIALOG (self));

  self->touched[TZ_CAMPAIGN_FIELD_SUMMARY] = TRUE;
  tz_campaign_dialog_validate (self);
}

static AdwEntryRow *
calendar_row (TzCampaignDialog *self, GtkCalendar *calendar)
{
  if (calendar == self->issue_date_calendar)
    return self->issue_date_row;
  if (calendar == self->start_date_calendar)
    return self->start_date_row;
  return self->end_date_row;
}

/* The calendar opens on the date typed, when there is a valid one. */
static void
calendar_popover_show_cb (TzCampaignDialog *self, GtkPopover *popover)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (calendar_row (self, calendar)));
  int y = 0, m = 0, d = 0;

  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return;
  {
    g_autoptr (GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

    if (date == NULL)
      return;
    self->syncing_calendar = TRUE;
    gtk_calendar_select_day (calendar, date);
    self->syncing_calendar = FALSE;
  }
}

/* A day picked on the calendar is written into the row as YYYY-MM-DD, and the
 * calendar closes. (Turning the month does not pick a day.) */
static void
calendar_day_selected_cb (TzCampaignDialog *self, GtkCalendar *calendar)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *text = NULL;
  GtkWidget *popover;

  if (self->syncing_calendar)
    return;
  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (calendar_row (self, calendar)), text);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzCampaignDialog *self = TZ_CAMPAIGN_DIALOG (widget);
  g_autoptr (TzCampaign) c = NULL;
  g_autoptr (GError) error = NULL;

  self->show_all = TRUE;
  if (!tz_campaign_dialog_validate (self))
    return;

  c = collect (self);
  if (!tz_campaign_save (self->db, c, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (
          GTK_WINDOW (self), _ ("Could Not Save the Campaign"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  self->campaign_id = c->id;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, c->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
set_entry (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
tz_campaign_dialog_fill (TzCampaignDialog *self, const TzCampaign *c)
{
  guint status = 1; /* active */

  set_entry (self->title_row, c->title);
  set_entry (self->short_title_row, c->short_title);
  set_entry (self->issuer_row, c->issuer);
  set_entry (self->doc_number_row, c->doc_number);
  set_entry (self->issue_date_row, c->issue_date);
  set_entry (self->addressees_row, c->addressees);
  set_entry (self->start_date_row, c->start_date);
  set_entry (self->end_date_row, c->end_date);
  set_entry (self->period_text_row, c->period_text);
  set_entry (self->theme_row, c->theme);
  set_entry (self->audience_row, c->audience);
  set_entry (self->platform_row, c->platform);
  set_entry (self->mailbox_row, c->mailbox);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            c->summary != NULL ? c->summary : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (c->status, status_ids[i]) == 0)
      status = i;
  adw_combo_row_set_selected (self->status_row, status);
}

static void
tz_campaign_dialog_constructed (GObject *object)
{
  TzCampaignDialog *self = TZ_CAMPAIGN_DIALOG (object);

  G_OBJECT_CLASS (tz_campaign_dialog_parent_class)->constructed (object);

  if (self->campaign_id != 0)
    gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Campaign"));
}

static void
tz_campaign_dialog_dispose (GObject *object)
{
  TzCampaignDialog *self = TZ_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_CAMPAIGN_DIALOG);
  g_clear_object (&self->db);
  g_clear_pointer (&self->original, tz_campaign_free);

  G_OBJECT_CLASS (tz_campaign_dialog_parent_class)->dispose (object);
}

static void
tz_campaign_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzCampaignDialog *self = TZ_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
      case PROP_DB:
        g_value_set_object (value, self->db);
        break;
      case PROP_CAMPAIGN_ID:
        g_value_set_int64 (value, self->campaign_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_campaign_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  TzCampaignDialog *self = TZ_CAMPAIGN_DIALOG (object);

  switch (prop_id)
    {
      case PROP_DB:
        g_set_object (&self->db, g_value_get_object (value));
        break;
      case PROP_CAMPAIGN_ID:
        self->campaign_id = g_value_get_int64 (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_campaign_dialog_class_init (TzCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tz_campaign_dialog_constructed;
  object_class->dispose = tz_campaign_dialog_dispose;
  object_class->get_property = tz_campaign_dialog_get_property;
  object_class->set_property = tz_campaign_dialog_set_property;

  properties[PROP_DB] =
      g_param_spec_object ("db", NULL, NULL, TZ_TYPE_DB,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * TzCampaignDialog:campaign-id:
   *
   * The campaign edited; 0 while a new one has not been saved yet.
   */
  properties[PROP_CAMPAIGN_ID] =
      g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TzCampaignDialog::saved:
   * @id: the campaign's id
   *
   * The core saved the campaign; the dialog closes next.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, short_title_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, doc_number_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, issue_date_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, addressees_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, period_text_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, audience_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, platform_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, mailbox_row);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, issue_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, start_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, end_date_calendar);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, notice_errors);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, period_errors);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, content_errors);
  gtk_widget_class_bind_template_child (widget_class, TzCampaignDialog, summary_errors);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "campaign.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "campaign.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tz_campaign_dialog_init (TzCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);
  adw_combo_row_set_selected (self->status_row, 1);
}

TzCampaignDialog *
tz_campaign_dialog_new (GtkWindow *parent, TzDb *db, gint64 campaign_id, GError **error)
{
  g_autoptr (TzCampaign) campaign = NULL;
  TzCampaignDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  if (campaign_id != 0)
    {
      campaign = tz_campaign_get (db, campaign_id, error);
      if (campaign == NULL)
        return NULL;
    }

  self = g_object_new (TZ_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, "db", db, "campaign-id",
                       campaign_id, NULL);
  if (campaign != NULL)
    {
      tz_campaign_dialog_fill (self, campaign);
      self->original = g_steal_pointer (&campaign);
      /* What was saved before is shown as it is, problems included. */
      self->show_all = TRUE;
    }
  /* Filling the form counts as no change by the user. */
  memset (self->touched, 0, sizeof self->touched);
  tz_campaign_dialog_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

gint64
tz_campaign_dialog_get_campaign_id (TzCampaignDialog *self)
{
  g_return_val_if_fail (TZ_IS_CAMPAIGN_DIALOG (self), 0);
  return self->campaign_id;
}

gboolean
tz_campaign_dialog_is_valid (TzCampaignDialog *self)
{
  g_return_val_if_fail (TZ_IS_CAMPAIGN_DIALOG (self), FALSE);
  return self->valid;
}
