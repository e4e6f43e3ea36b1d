/* tz-package-dialog.c — an entry package from another unit, before it is applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package is opened and compared by the core (tz_package_open); the dialog
 * shows the manifest, the counts and every record, lets the user decide each
 * conflict, and applies the package in one call. The export of a package and
 * the kinds of files the window takes are here too, next to their import.
 */
#define G_LOG_DOMAIN "tz-package-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-error.h"
#include "tz-import-dialog.h"
#include "tz-imports-window.h"
#include "tz-package-dialog.h"
#include "tz-unit.h"

struct _TzPackageDialog
{
  AdwWindow parent_instance;

  GtkWidget *owner; /* weak */
  TzDb *db;
  TzPackage *package;
  int filter; /* a TzPackageStatus, or -1 for all */
  gboolean updating;

  AdwWindowTitle *window_title;
  GtkWidget *apply_button;
  AdwActionRow *sender_row;
  AdwActionRow *campaign_row;
  AdwActionRow *created_row;
  AdwActionRow *last_row;
  GtkLabel *summary_label;
  GtkDropDown *filter_dropdown;
  GtkWidget *conflict_box;
  GtkListBox *list;
  GtkLabel *empty_label;
  GPtrArray *ours_buttons;   /* GtkToggleButton* per record, NULL unless a conflict */
  GPtrArray *theirs_buttons; /* likewise */
};

G_DEFINE_FINAL_TYPE (TzPackageDialog, tz_package_dialog, ADW_TYPE_WINDOW)

/* The filter drop-down's entries: all, then the statuses. */
static const int filter_statuses[] = {
  -1,
  TZ_PACKAGE_STATUS_CONFLICT,
  TZ_PACKAGE_STATUS_NEW,
  TZ_PACKAGE_STATUS_CHANGED,
  TZ_PACKAGE_STATUS_UNCHANGED,
};

TzExchangeFileKind
tz_exchange_file_kind (const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return TZ_EXCHANGE_FILE_UNKNOWN;
  lower = g_utf8_strdown (name, -1);
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".csv"))
    return TZ_EXCHANGE_FILE_TABLE;
  if (g_str_has_suffix (lower, TZ_PACKAGE_SUFFIX))
    return TZ_EXCHANGE_FILE_PACKAGE;
  if (g_str_has_suffix (lower, ".json"))
    return TZ_EXCHANGE_FILE_CAMPAIGN;
  return TZ_EXCHANGE_FILE_UNKNOWN;
}

/* The field names of tz_package_get_record()'s differences as people read them. */
static const char *
field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "name", N_ ("Name") },
    { "gender", N_ ("Gender") },
    { "birth_date", N_ ("Date of birth") },
    { "ethnicity", N_ ("Ethnic group") },
    { "political", N_ ("Political status") },
    { "id_number", N_ ("ID number") },
    { "phone", N_ ("Mobile") },
    { "email", N_ ("E-mail") },
    { "unit", N_ ("Unit") },
    { "employer", N_ ("Employer") },
    { "position", N_ ("Position") },
    { "title", N_ ("Title") },
    { "note", N_ ("Note") },
    { "held_on", N_ ("Date held") },
    { "place", N_ ("Place") },
    { "enterprise", N_ ("Enterprise") },
    { "participants", N_ ("Participants") },
    { "summary", N_ ("Summary") },
    { "track", N_ ("Track") },
    { "description", N_ ("Description") },
    { "material", N_ ("Material") },
    { "person", N_ ("Person") },
    { "entrant_unit", N_ ("Entrant unit") },
    { "recommending_unit", N_ ("Recommending unit") },
    { "instructor", N_ ("Instructor") },
    { "platform", N_ ("Platform") },
    { "url", N_ ("Link") },
    { "status", N_ ("Status") },
    { "submitted_on", N_ ("Submitted on") },
    { "text", N_ ("Opinion") },
    { "signed_on", N_ ("Signed on") },
    { "signer", N_ ("Signed by") },
    { "sealed", N_ ("Sealed") },
    { "file_name", N_ ("File name") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _ (labels[i].label);
  return field;
}

static char *
shown_value (TzPackageDialog *self, const TzPackageDiff *d, gboolean theirs)
{
  char *text = tz_package_diff_text (self->package, d, theirs, tz_gui_masking ());

  if (text == NULL || *text == '\0')
    {
      g_free (text);
      /* TRANSLATORS: an empty value in the list of differences */
      return g_strdup (_ ("(empty)"));
    }
  return text;
}

static gboolean
has_undecided (TzPackageDialog *self)
{
  for (guint i = 0; i < tz_package_get_n_records (self->package); i++)
    {
      const TzPackageRecord *r = tz_package_get_record (self->package, i);

      if (r->status == TZ_PACKAGE_STATUS_CONFLICT && r->choice == TZ_PACKAGE_CHOICE_NONE)
        return TRUE;
    }
  return FALSE;
}

static void
update_summary (TzPackageDialog *self)
{
  TzPackageSummary s;
  guint undecided = 0;
  g_autofree char *text = NULL;

  tz_package_get_summary (self->package, &s);
  for (guint i = 0; i < tz_package_get_n_records (self->package); i++)
    {
      const TzPackageRecord *r = tz_package_get_record (self->package, i);

      if (r->status == TZ_PACKAGE_STATUS_CONFLICT && r->choice == TZ_PACKAGE_CHOICE_NONE)
        undecided++;
    }
  if (s.n_conflict > 0)
    /* TRANSLATORS: the counts of an entry package */
    text = g_strdup_printf (_ ("New: %u · Changed: %u · Conflicts: %u (%u to decide) · "
                               "Unchanged: %u"),
                            s.n_new, s.n_changed, s.n_conflict, undecided, s.n_unchanged);
  else
    /* TRANSLATORS: the counts of an entry package */
    text = g_strdup_printf (_ ("New: %u · Changed: %u · Unchanged: %u"), s.n_new, s.n_changed,
                            s.n_unchanged);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (self->conflict_box, s.n_conflict > 0);
  gtk_widget_set_sensitive (self->apply_button, tz_package_dialog_can_apply (self));
  gtk_widget_set_tooltip_text (self->apply_button,
                               undecided > 0
                                   ? _ ("Decide every conflict first: keep ours or take theirs")
                                   : _ ("Write the package’s records to the database"));
}

/* The toggle buttons follow the records' choices. */
static void
sync_choices (TzPackageDialog *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->ours_buttons->len; i++)
    {
      const TzPackageRecord *r = tz_package_get_record (self->package, i);
      GtkToggleButton *ours = self->ours_buttons->pdata[i];
      GtkToggleButton *theirs = self->theirs_buttons->pdata[i];

      if (ours == NULL)
        continue;
      gtk_toggle_button_set_active (ours, r->choice == TZ_PACKAGE_CHOICE_OURS);
      gtk_toggle_button_set_active (theirs, r->choice == TZ_PACKAGE_CHOICE_THEIRS);
    }
  self->updating = FALSE;
  update_summary (self);
}

static void
choice_toggled_cb (GtkToggleButton *button, TzPackageDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tz-index"));
  TzPackageChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tz-choice"));

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  tz_package_dialog_set_choice (self, index, choice);
}

static GtkWidget *
choice_buttons (TzPackageDialog *self, guint index, const TzPackageRecord *r)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *ours = gtk_toggle_button_new_with_mnemonic (_ ("Keep _Ours"));
  GtkWidget *theirs = gtk_toggle_button_new_with_mnemonic (_ ("Take _Theirs"));
  /* TRANSLATORS: %s is the name of a record of a package */
  g_autofree char *ours_tip = g_strdup_printf (_ ("Keep “%s” as it is here"), r->name);
  /* TRANSLATORS: %s is the name of a record of a package */
  g_autofree char *theirs_tip = g_strdup_printf (_ ("Take “%s” as the package has it"), r->name);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (ours));
  gtk_widget_set_tooltip_text (ours, ours_tip);
  gtk_widget_set_tooltip_text (theirs, theirs_tip);
  g_object_set_data (G_OBJECT (ours), "tz-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (theirs), "tz-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (ours), "tz-choice", GINT_TO_POINTER (TZ_PACKAGE_CHOICE_OURS));
  g_object_set_data (G_OBJECT (theirs), "tz-choice", GINT_TO_POINTER (TZ_PACKAGE_CHOICE_THEIRS));
  g_signal_connect (ours, "toggled", G_CALLBACK (choice_toggled_cb), self);
  g_signal_connect (theirs, "toggled", G_CALLBACK (choice_toggled_cb), self);
  gtk_box_append (GTK_BOX (box), ours);
  gtk_box_append (GTK_BOX (box), theirs);
  self->ours_buttons->pdata[index] = ours;
  self->theirs_buttons->pdata[index] = theirs;
  return box;
}

static GtkWidget *
record_row (TzPackageDialog *self, guint index)
{
  const TzPackageRecord *r = tz_package_get_record (self->package, index);
  /* TRANSLATORS: a record of a package: its kind (Person, Entry …) and status (New, Conflict …) */
  g_autofree char *subtitle = g_strdup_printf (_ ("%s · %s"), tz_package_kind_label (r->kind),
                                               tz_package_status_label (r->status));
  const char *name = r->name != NULL && *r->name ? r->name : r->uuid;
  GtkWidget *row;

  if (r->diffs != NULL && r->diffs->len > 0)
    {
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint i = 0; i < r->diffs->len; i++)
        {
          const TzPackageDiff *d = r->diffs->pdata[i];
          g_autofree char *ours = shown_value (self, d, FALSE);
          g_autofree char *theirs = shown_value (self, d, TRUE);
          /* TRANSLATORS: a difference: the value here, then the package's */
          g_autofree char *change = g_strdup_printf (_ ("%s → %s"), ours, theirs);
          GtkWidget *diff = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (diff), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (diff), field_label (d->field));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (diff), change);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (diff), 4);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), diff);
        }
      if (r->status == TZ_PACKAGE_STATUS_CONFLICT)
        {
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), choice_buttons (self, index, r));
          gtk_widget_add_css_class (row, "tz-conflict");
        }
    }
  else
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (r->status == TZ_PACKAGE_STATUS_CONFLICT)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice_buttons (self, index, r));
    }
  g_object_set_data (G_OBJECT (row), "tz-index", GUINT_TO_POINTER (index));
  return row;
}

static gboolean
filter_func (GtkListBoxRow *row, gpointer user_data)
{
  TzPackageDialog *self = user_data;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "tz-index"));

  if (self->filter < 0)
    return TRUE;
  return (int) tz_package_get_record (self->package, index)->status == self->filter;
}

static void
filter_changed_cb (TzPackageDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->filter_dropdown);

  if (self->updating)
    return;
  if (i < G_N_ELEMENTS (filter_statuses))
    tz_package_dialog_set_filter (self, filter_statuses[i]);
}

static void
keep_all_clicked_cb (TzPackageDialog *self)
{
  tz_package_dialog_set_all_conflicts (self, TZ_PACKAGE_CHOICE_OURS);
}

static void
take_all_clicked_cb (TzPackageDialog *self)
{
  tz_package_dialog_set_all_conflicts (self, TZ_PACKAGE_CHOICE_THEIRS);
}

static void
apply_clicked_cb (TzPackageDialog *self)
{
  tz_package_dialog_apply (self);
}

static void
cancel_clicked_cb (TzPackageDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
owner_weak_notify (gpointer data, GObject *where_the_object_was)
{
  TzPackageDialog *self = data;

  self->owner = NULL;
}

static void
tz_package_dialog_dispose (GObject *object)
{
  TzPackageDialog *self = TZ_PACKAGE_DIALOG (object);

  if (self->owner != NULL)
    g_object_weak_unref (G_OBJECT (self->owner), owner_weak_notify, self);
  self->owner = NULL;
  G_OBJECT_CLASS (tz_package_dialog_parent_class)->dispose (object);
}

static void
tz_package_dialog_finalize (GObject *object)
{
  TzPackageDialog *self = TZ_PACKAGE_DIALOG (object);

  g_clear_pointer (&self->package, tz_package_free);
  g_clear_pointer (&self->ours_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->theirs_buttons, g_ptr_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (tz_package_dialog_parent_class)->finalize (object);
}

static void
tz_package_dialog_class_init (TzPackageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_package_dialog_dispose;
  object_class->finalize = tz_package_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwActionRow *
info_row (GtkWidget *group, const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ACTION_ROW (row);
}

static void
tz_package_dialog_init (TzPackageDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *keep_all = gtk_button_new_with_mnemonic (_ ("_Keep All Ours"));
  GtkWidget *take_all = gtk_button_new_with_mnemonic (_ ("Take _All Theirs"));
  GtkWidget *show_label = gtk_label_new (_ ("Show"));
  const char *filter_names[] = {
    _ ("All records"), _ ("Conflicts"), _ ("New"), _ ("Changed"), _ ("Unchanged"), NULL,
  };

  gtk_window_set_title (GTK_WINDOW (self), _ ("Import Package"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_ ("Import Package"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_set_tooltip_text (cancel, _ ("Close without changing anything"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply_button = gtk_button_new_with_mnemonic (_ ("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Package"));
  self->sender_row = info_row (group, _ ("Sent by"));
  self->campaign_row = info_row (group, _ ("Campaign"));
  self->created_row = info_row (group, _ ("Created"));
  self->last_row = info_row (group, _ ("Last import from this sender"));
  gtk_box_append (GTK_BOX (box), group);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_wrap_mode (self->summary_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));

  /* Which records, and every conflict at once. */
  gtk_widget_add_css_class (show_label, "dim-label");
  gtk_box_append (GTK_BOX (controls), show_label);
  self->filter_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (filter_names));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_dropdown),
                               _ ("Show the records of one status only"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Show records"), -1);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  gtk_box_append (GTK_BOX (controls), GTK_WIDGET (self->filter_dropdown));
  gtk_box_append (GTK_BOX (box), controls);

  self->conflict_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_tooltip_text (keep_all, _ ("Keep every record in conflict as it is here"));
  gtk_widget_set_tooltip_text (take_all, _ ("Take every record in conflict as the package has it"));
  g_signal_connect_swapped (keep_all, "clicked", G_CALLBACK (keep_all_clicked_cb), self);
  g_signal_connect_swapped (take_all, "clicked", G_CALLBACK (take_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->conflict_box), keep_all);
  gtk_box_append (GTK_BOX (self->conflict_box), take_all);
  gtk_box_append (GTK_BOX (box), self->conflict_box);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Records of the package"), -1);
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  self->empty_label = GTK_LABEL (gtk_label_new (_ ("No record of this status.")));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty_label));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);
  adw_window_set_content (ADW_WINDOW (self), content);

  self->filter = -1;
}

static void
set_info (AdwActionRow *row, const char *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value ? value : _ ("Unknown"));
}

static void
fill (TzPackageDialog *self)
{
  guint n = tz_package_get_n_records (self->package);
  const char *last = tz_package_get_last_import (self->package);
  g_autofree char *created = tz_gui_format_time (tz_package_get_created_at (self->package));
  g_autofree char *last_text = last != NULL ? tz_gui_format_time (last) : NULL;

  set_info (self->sender_row, tz_package_get_sender_name (self->package));
  set_info (self->campaign_row, tz_package_get_campaign_title (self->package));
  set_info (self->created_row, created);
  adw_action_row_set_subtitle (self->last_row,
                               last_text != NULL ? last_text
                                                 : _ ("Never: this is the first package from it"));

  g_ptr_array_set_size (self->ours_buttons, n);
  g_ptr_array_set_size (self->theirs_buttons, n);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, record_row (self, i));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  sync_choices (self);
}

/* ---- public ------------------------------------------------------------- */

TzPackageDialog *
tz_package_dialog_new (GtkWidget *owner, TzDb *db, const char *path, GError **error)
{
  g_autoptr (TzPackage) package = NULL;
  g_autofree char *basename = NULL;
  TzPackageDialog *self;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  package = tz_package_open (db, path, error);
  if (package == NULL)
    return NULL;

  self = g_object_new (TZ_TYPE_PACKAGE_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->package = g_steal_pointer (&package);
  self->ours_buttons = g_ptr_array_new ();
  self->theirs_buttons = g_ptr_array_new ();
  if (owner != NULL)
    {
      self->owner = owner;
      g_object_weak_ref (G_OBJECT (owner), owner_weak_notify, self);
      gtk_window_set_transient_for (GTK_WINDOW (self), tz_gui_owner_window (owner));
    }
  basename = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->window_title, basename);
  fill (self);
  return self;
}

TzPackage *
tz_package_dialog_get_package (TzPackageDialog *self)
{
  g_return_val_if_fail (TZ_IS_PACKAGE_DIALOG (self), NULL);
  return self->package;
}

void
tz_package_dialog_set_choice (TzPackageDialog *self, guint index, TzPackageChoice choice)
{
  g_return_if_fail (TZ_IS_PACKAGE_DIALOG (self));
  g_return_if_fail (index < tz_package_get_n_records (self->package));

  tz_package_set_choice (self->package, index, choice);
  sync_choices (self);
}

void
tz_package_dialog_set_all_conflicts (TzPackageDialog *self, TzPackageChoice choice)
{
  g_return_if_fail (TZ_IS_PACKAGE_DIALOG (self));

  tz_package_set_all_conflicts (self->package, choice);
  sync_choices (self);
}

void
tz_package_dialog_set_filter (TzPackageDialog *self, int status)
{
  g_return_if_fail (TZ_IS_PACKAGE_DIALOG (self));

  self->filter = status;
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (filter_statuses); i++)
    if (filter_statuses[i] == status)
      gtk_drop_down_set_selected (self->filter_dropdown, i);
  self->updating = FALSE;
  gtk_list_box_invalidate_filter (self->list);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          tz_package_dialog_get_n_shown (self) == 0);
}

guint
tz_package_dialog_get_n_shown (TzPackageDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (TZ_IS_PACKAGE_DIALOG (self), 0);
  for (guint i = 0; i < tz_package_get_n_records (self->package); i++)
    if (self->filter < 0 || (int) tz_package_get_record (self->package, i)->status == self->filter)
      n++;
  return n;
}

gboolean
tz_package_dialog_can_apply (TzPackageDialog *self)
{
  g_return_val_if_fail (TZ_IS_PACKAGE_DIALOG (self), FALSE);
  return !has_undecided (self);
}

gboolean
tz_package_dialog_apply (TzPackageDialog *self)
{
  g_autoptr (GError) error = NULL;
  TzPackageSummary s = { 0 };
  g_autofree char *title = NULL;

  g_return_val_if_fail (TZ_IS_PACKAGE_DIALOG (self), FALSE);

  if (!tz_package_dialog_can_apply (self))
    return FALSE;
  if (!tz_package_apply (self->package, &s, &error))
    {
      tz_gui_show_error (GTK_WIDGET (self), _ ("Could Not Apply the Package"), error);
      return FALSE;
    }
  /* TRANSLATORS: the result of applying an entry package */
  title = g_strdup_printf (_ ("Package applied: %u added, %u changed, %u kept as ours"), s.n_new,
                           s.n_changed + (s.n_conflict - s.n_kept), s.n_kept);
  tz_gui_toast (self->owner, title);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkWindow *
tz_package_dialog_open_file (GtkWidget *owner, TzDb *db, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_gui_local_path (file, &error);
  TzPackageDialog *dialog;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  if (path == NULL)
    return tz_gui_show_error (owner, _ ("The Package Was Refused"), error);
  dialog = tz_package_dialog_new (owner, db, path, &error);
  if (dialog == NULL)
    return tz_gui_show_error (owner, _ ("The Package Was Refused"), error);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
open_response_cb (GtkNativeDialog *chooser, int response, TzGuiFileRequest *data)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && data->owner != NULL)
    tz_package_dialog_open_file (data->owner, data->db, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
package_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Taizhang entry packages"));
  gtk_file_filter_add_suffix (filter, TZ_PACKAGE_SUFFIX + 1);
  return filter;
}

void
tz_package_dialog_choose_file (GtkWidget *owner, TzDb *db)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = package_filter ();

  g_return_if_fail (TZ_IS_DB (db));

  chooser = gtk_file_chooser_native_new (_ ("Import an Entry Package"), tz_gui_owner_window (owner),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (open_response_cb),
                         tz_gui_file_request_new (owner, db, 0, 0), tz_gui_file_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- export ------------------------------------------------------------- */

gint64
tz_package_default_unit (TzDb *db, gint64 campaign_id)
{
  g_autoptr (GPtrArray) units = tz_unit_list (db, campaign_id, NULL);

  if (units == NULL || units->len == 0)
    return 0;
  for (guint i = 0; i < units->len; i++)
    {
      const TzUnit *u = units->pdata[i];

      if (g_strcmp0 (u->role, "participant") == 0)
        return u->id;
    }
  return ((TzUnit *) units->pdata[0])->id;
}

static void
show_folder_cb (AdwToast *toast, const char *uri)
{
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

static void
free_closure_data (gpointer data, GClosure *closure)
{
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, TzGuiFileRequest *data)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("The package can only be saved to a folder on this computer."));
      tz_gui_show_error (data->owner, _ ("Could Not Export the Package"), error);
      return;
    }
  if (!g_str_has_suffix (path, TZ_PACKAGE_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, TZ_PACKAGE_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }
  if (!tz_package_export (data->db, data->campaign_id, data->id, path, &n, &error))
    {
      tz_gui_show_error (data->owner, _ ("Could Not Export the Package"), error);
      return;
    }
  if (data->owner != NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (data->owner, ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *dir = g_path_get_dirname (path);
      /* TRANSLATORS: %u is a number of records, %s a file name */
      g_autofree char *title = g_strdup_printf (
          ngettext ("%u record saved in “%s”", "%u records saved in “%s”", n), n, name);
      g_autofree char *markup = g_markup_escape_text (title, -1);
      AdwToast *toast = adw_toast_new (markup);

      if (overlay == NULL && ADW_IS_APPLICATION_WINDOW (data->owner))
        overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (data->owner));
      adw_toast_set_button_label (toast, _ ("Show in _Folder"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (show_folder_cb),
                             g_filename_to_uri (dir, NULL, NULL), free_closure_data, 0);
      if (ADW_IS_TOAST_OVERLAY (overlay))
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (toast);
    }
}

static void
export_unit_response_cb (AdwMessageDialog *dialog, const char *response, TzGuiFileRequest *data)
{
  GPtrArray *units = g_object_get_data (G_OBJECT (dialog), "tz-units");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "tz-dropdown");
  guint i = gtk_drop_down_get_selected (dropdown);
  const TzUnit *unit;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = NULL;
  g_autofree char *suggested = NULL;

  if (g_strcmp0 (response, "export") != 0 || data->owner == NULL || i >= units->len)
    return;
  unit = units->pdata[i];
  suggested = g_strconcat (unit->name, TZ_PACKAGE_SUFFIX, NULL);
  g_strdelimit (suggested, "/\\", '-');
  filter = package_filter ();
  chooser =
      gtk_file_chooser_native_new (_ ("Save the Entry Package"), tz_gui_owner_window (data->owner),
                                   GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (
      chooser, "response", G_CALLBACK (export_response_cb),
      tz_gui_file_request_new (data->owner, data->db, data->campaign_id, unit->id),
      tz_gui_file_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
tz_package_export_interactive (GtkWidget *owner, TzDb *db, gint64 campaign_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 default_id;
  guint selected = 0;
  GtkWidget *dialog;
  GtkWidget *dropdown;

  g_return_if_fail (TZ_IS_DB (db));

  units = tz_unit_list (db, campaign_id, &error);
  if (units == NULL)
    {
      tz_gui_show_error (owner, _ ("Could Not Read the Units"), error);
      return;
    }
  if (units->len == 0)
    {
      g_set_error (&error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The campaign has no units yet. Add your unit on the Units page first."));
      tz_gui_show_error (owner, _ ("No Unit to Export"), error);
      return;
    }
  default_id = tz_package_default_unit (db, campaign_id);
  for (guint i = 0; i < units->len; i++)
    {
      const TzUnit *u = units->pdata[i];
      g_autofree char *indent = g_strnfill (MIN (u->depth, 6) * 2, ' ');
      g_autofree char *label = g_strconcat (indent, u->name, NULL);

      gtk_string_list_append (names, label);
      if (u->id == default_id)
        selected = i;
    }

  dialog = adw_message_dialog_new (tz_gui_owner_window (owner), _ ("Export Package"),
                                   _ ("The package holds the unit’s people, entries, opinions, "
                                      "offline activities and files of this campaign, for the "
                                      "upper unit to import."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_widget_set_tooltip_text (dropdown, _ ("The unit whose records are exported"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Unit"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "export",
                                    _ ("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tz-units", g_steal_pointer (&units),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "tz-dropdown", dropdown);
  g_signal_connect_data (dialog, "response", G_CALLBACK (export_unit_response_cb),
                         tz_gui_file_request_new (owner, db, campaign_id, 0),
                         tz_gui_file_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
