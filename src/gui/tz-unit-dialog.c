/* tz-unit-dialog.c — the form that adds or edits one unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule is the core's: the form asks tz_unit_check() after each change,
 * shows its message under the header and keeps Save disabled until it passes.
 * The unit and its role in the campaign are written in one transaction.
 */
#define G_LOG_DOMAIN "tz-unit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-unit-dialog.h"
#include "tz-unit.h"

struct _TzUnitDialog
{
  AdwWindow parent_instance;

  TzDb *db;
  gint64 campaign_id;
  gint64 unit_id; /* 0 until a new unit is saved */
  gint64 parent_id;
  char *role;            /* the role in the campaign when the form opened */
  GPtrArray *kind_codes; /* the codes behind the rows of kind_row */
  gboolean loading;
  gboolean touched; /* the user changed something: messages may show */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkLabel *message_label;
  AdwEntryRow *name_row;
  AdwEntryRow *short_name_row;
  AdwComboRow *kind_row;
  AdwActionRow *parent_row;
  AdwComboRow *role_row;
  AdwEntryRow *region_row;
  AdwEntryRow *school_level_row;
  AdwEntryRow *address_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *note_row;
};

G_DEFINE_FINAL_TYPE (TzUnitDialog, tz_unit_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The role chosen: a code, or NULL for "Not in this campaign". */
static const char *
chosen_role (TzUnitDialog *self)
{
  const char *const *roles = tz_unit_roles ();
  guint selected = adw_combo_row_get_selected (self->role_row);

  if (self->campaign_id == 0 || selected >= g_strv_length ((char **) roles))
    return NULL;
  return roles[selected];
}

static TzUnitDetails *
collect (TzUnitDialog *self)
{
  TzUnitDetails *unit = tz_unit_details_new ();
  guint kind = adw_combo_row_get_selected (self->kind_row);

  unit->id = self->unit_id;
  unit->parent_id = self->parent_id;
  unit->name = g_strdup (entry_text (self->name_row));
  unit->short_name = g_strdup (entry_text (self->short_name_row));
  unit->kind = g_strdup (kind < self->kind_codes->len ? self->kind_codes->pdata[kind] : "other");
  unit->region = g_strdup (entry_text (self->region_row));
  unit->school_level = g_strdup (entry_text (self->school_level_row));
  unit->address = g_strdup (entry_text (self->address_row));
  unit->phone = g_strdup (entry_text (self->phone_row));
  unit->note = g_strdup (entry_text (self->note_row));
  return unit;
}

static GtkWidget *
row_for_field (TzUnitDialog *self, const char *field)
{
  if (g_strcmp0 (field, "short_name") == 0)
    return GTK_WIDGET (self->short_name_row);
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (field, "parent") == 0)
    return GTK_WIDGET (self->parent_row);
  if (g_strcmp0 (field, "region") == 0)
    return GTK_WIDGET (self->region_row);
  if (g_strcmp0 (field, "school_level") == 0)
    return GTK_WIDGET (self->school_level_row);
  if (g_strcmp0 (field, "address") == 0)
    return GTK_WIDGET (self->address_row);
  if (g_strcmp0 (field, "phone") == 0)
    return GTK_WIDGET (self->phone_row);
  if (g_strcmp0 (field, "note") == 0)
    return GTK_WIDGET (self->note_row);
  return GTK_WIDGET (self->name_row);
}

static void
show_message (TzUnitDialog *self, const char *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Checks the form with the core's rules; marks the field at fault once the user
 * has typed something, and enables Save only for a valid form. */
static gboolean
validate (TzUnitDialog *self, GError **error)
{
  g_autoptr (TzUnitDetails) unit = collect (self);
  g_autoptr (GError) local_error = NULL;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row),    GTK_WIDGET (self->short_name_row),
    GTK_WIDGET (self->kind_row),    GTK_WIDGET (self->parent_row),
    GTK_WIDGET (self->region_row),  GTK_WIDGET (self->school_level_row),
    GTK_WIDGET (self->address_row), GTK_WIDGET (self->phone_row),
    GTK_WIDGET (self->note_row),
  };
  const char *field = NULL;
  gboolean ok;

  ok = tz_unit_check (self->db, unit, &field, &local_error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  if (!ok && self->touched)
    {
      gtk_widget_add_css_class (row_for_field (self, field), "error");
      show_message (self, local_error->message);
    }
  else
    show_message (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.save", ok);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
field_changed_cb (TzUnitDialog *self)
{
  g_assert (TZ_IS_UNIT_DIALOG (self));

  if (self->loading || self->db == NULL)
    return;
  self->touched = TRUE;
  validate (self, NULL);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzUnitDialog *self = TZ_UNIT_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!tz_unit_dialog_save (self, &error))
    {
      self->touched = TRUE;
      show_message (self, error->message);
    }
}

static void
fill_kinds (TzUnitDialog *self, const char *current)
{
  const char *const *kinds = tz_unit_kinds ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->kind_codes, 0);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_ptr_array_add (self->kind_codes, g_strdup (kinds[i]));
      gtk_string_list_append (labels, tz_unit_kind_label (kinds[i]));
      if (g_strcmp0 (current, kinds[i]) == 0)
        selected = i;
    }
  if (current == NULL)
    selected = g_strv_length ((char **) kinds) - 1; /* other */
  /* A code a campaign file brought is kept, shown as it is. */
  if (current != NULL && !g_strv_contains (kinds, current))
    {
      selected = self->kind_codes->len;
      g_ptr_array_add (self->kind_codes, g_strdup (current));
      gtk_string_list_append (labels, current);
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, selected);
}

static void
fill_roles (TzUnitDialog *self, const char *current)
{
  const char *const *roles = tz_unit_roles ();
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;
  guint n = 0;

  for (; roles[n] != NULL; n++)
    {
      gtk_string_list_append (labels, tz_unit_role_label (roles[n]));
      if (g_strcmp0 (current, roles[n]) == 0)
        selected = n;
    }
  gtk_string_list_append (labels, _ ("Not in this campaign"));
  if (current == NULL)
    selected = n;
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->role_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), self->campaign_id > 0);
}

static void
set_parent_name (TzUnitDialog *self, const char *parent_name)
{
  adw_action_row_set_subtitle (
      self->parent_row, parent_name != NULL ? parent_name : _ ("No unit: it is at the top level"));
}

static void
tz_unit_dialog_dispose (GObject *object)
{
  TzUnitDialog *self = TZ_UNIT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_UNIT_DIALOG);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (tz_unit_dialog_parent_class)->dispose (object);
}

static void
tz_unit_dialog_finalize (GObject *object)
{
  TzUnitDialog *self = TZ_UNIT_DIALOG (object);

  g_free (self->role);
  g_ptr_array_unref (self->kind_codes);
  G_OBJECT_CLASS (tz_unit_dialog_parent_class)->finalize (object);
}

static void
tz_unit_dialog_class_init (TzUnitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_unit_dialog_dispose;
  object_class->finalize = tz_unit_dialog_finalize;

  /**
   * TzUnitDialog::saved:
   * @unit_id: the unit written
   *
   * Emitted after the unit was written, before the form closes.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-unit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, school_level_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TzUnitDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "unit.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "unit.save",
                                       NULL);
}

static void
tz_unit_dialog_init (TzUnitDialog *self)
{
  self->kind_codes = g_ptr_array_new_with_free_func (g_free);
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.save", FALSE);
}

static TzUnitDialog *
dialog_new (TzDb *db, gint64 campaign_id)
{
  TzUnitDialog *self = g_object_new (TZ_TYPE_UNIT_DIALOG, NULL);

  self->db = g_object_ref (db);
  self->campaign_id = campaign_id;
  return self;
}

TzUnitDialog *
tz_unit_dialog_new_for_parent (TzDb *db, gint64 campaign_id, gint64 parent_id, GError **error)
{
  g_autoptr (TzUnitDetails) parent = NULL;
  TzUnitDialog *self;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  if (parent_id > 0)
    {
      parent = tz_unit_get (db, parent_id, error);
      if (parent == NULL)
        return NULL;
    }
  self = dialog_new (db, campaign_id);
  self->parent_id = parent_id;
  gtk_window_set_title (GTK_WINDOW (self), _ ("New Unit"));
  adw_window_title_set_title (self->window_title, _ ("New Unit"));
  adw_window_title_set_subtitle (self->window_title, parent != NULL ? parent->name : "");
  set_parent_name (self, parent != NULL ? parent->name : NULL);
  fill_kinds (self, NULL);
  fill_roles (self, campaign_id > 0 ? "participant" : NULL);
  self->loading = FALSE;
  validate (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

TzUnitDialog *
tz_unit_dialog_new_for_unit (TzDb *db, gint64 campaign_id, gint64 unit_id, const char *role,
                             GError **error)
{
  g_autoptr (TzUnitDetails) unit = NULL;
  TzUnitDialog *self;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  unit = tz_unit_get (db, unit_id, error);
  if (unit == NULL)
    return NULL;
  self = dialog_new (db, campaign_id);
  self->unit_id = unit->id;
  self->parent_id = unit->parent_id;
  self->role = g_strdup (role);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Unit"));
  adw_window_title_set_title (self->window_title, _ ("Edit Unit"));
  adw_window_title_set_subtitle (self->window_title, unit->name);
  set_entry_text (self->name_row, unit->name);
  set_entry_text (self->short_name_row, unit->short_name);
  set_entry_text (self->region_row, unit->region);
  set_entry_text (self->school_level_row, unit->school_level);
  set_entry_text (self->address_row, unit->address);
  set_entry_text (self->phone_row, unit->phone);
  set_entry_text (self->note_row, unit->note);
  set_parent_name (self, unit->parent_name);
  fill_kinds (self, unit->kind);
  fill_roles (self, role);
  self->loading = FALSE;
  validate (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

gboolean
tz_unit_dialog_is_valid (TzUnitDialog *self)
{
  g_return_val_if_fail (TZ_IS_UNIT_DIALOG (self), FALSE);
  return validate (self, NULL);
}

gboolean
tz_unit_dialog_save (TzUnitDialog *self, GError **error)
{
  g_autoptr (TzUnitDetails) unit = NULL;
  const char *role;
  gint64 id = self->unit_id;

  g_return_val_if_fail (TZ_IS_UNIT_DIALOG (self), FALSE);

  if (!validate (self, error))
    return FALSE;
  unit = collect (self);
  role = chosen_role (self);

  if (!tz_db_begin (self->db, error))
    return FALSE;
  if (self->unit_id == 0)
    {
      if (!tz_unit_create (self->db, unit, role != NULL ? self->campaign_id : 0, role, &id, error))
        goto fail;
    }
  else
    {
      if (!tz_unit_update (self->db, unit, error))
        goto fail;
      if (self->campaign_id > 0 && g_strcmp0 (role, self->role) != 0)
        {
          if (role == NULL
                  ? !tz_unit_remove_from_campaign (self->db, self->campaign_id, id, error)
                  : !tz_unit_add_to_campaign (self->db, self->campaign_id, id, role, error))
            goto fail;
        }
    }
  if (!tz_db_commit (self->db, error))
    return FALSE;

  self->unit_id = id;
  g_free (self->role);
  self->role = g_strdup (role);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;

fail:
  tz_db_rollback (self->db);
  return FALSE;
}

gint64
tz_unit_dialog_get_unit_id (TzUnitDialog *self)
{
  g_return_val_if_fail (TZ_IS_UNIT_DIALOG (self), 0);
  return self->unit_id;
}
