/* tz-person-dialog.c — the form of a person: every field of the 推荐表
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each field is checked as it is typed, by the rule tz_person_save() applies
 * (tz_person_check_field), and its message shown right under it once the user
 * has touched it. Save stays disabled while any rule fails, so nothing invalid
 * reaches the database; what only the database can tell (the same ID number
 * on another person) is reported under its field when Save is pressed.
 */
#define G_LOG_DOMAIN "tz-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-codes.h"
#include "tz-person-dialog.h"
#include "tz-person.h"
#include "tz-resident-id.h"

/* The typed fields of the form, in the order of the template. */
typedef enum
{
  FIELD_NAME,
  FIELD_BIRTH,
  FIELD_ID_NUMBER,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_EMPLOYER,
  FIELD_POSITION,
  FIELD_TITLE,
  FIELD_NOTE,
  N_FIELDS
} Field;

typedef struct
{
  TzPersonField rule;
  AdwEntryRow *row;
  GtkWidget *message_row;
  GtkLabel *message;
  gboolean touched;
  char *save_error; /* a message only saving could give; cleared by the next edit */
} FieldState;

struct _TzPersonDialog
{
  AdwWindow parent_instance;

  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkStack *photo_stack;
  GtkPicture *photo_picture;
  GtkLabel *photo_label;
  GtkLabel *photo_message;
  GtkButton *save_button;
  AdwComboRow *gender_row;
  AdwComboRow *ethnicity_row;
  AdwComboRow *political_row;
  FieldState fields[N_FIELDS];

  TzDb *db;
  gint64 person_id;
  gint64 unit_id;   /* kept from the stored person: the form edits the employer as written */
  char *photo_path; /* a photo chosen in this form, stored on save */
  GtkFileChooserNative *chooser;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (TzPersonDialog, tz_person_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_DB,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The template's names of the fields: <name>_row, <name>_message_row, <name>_message. */
static const char *const field_names[N_FIELDS] = {
  [FIELD_NAME] = "name",         [FIELD_BIRTH] = "birth", [FIELD_ID_NUMBER] = "id_number",
  [FIELD_PHONE] = "phone",       [FIELD_EMAIL] = "email", [FIELD_EMPLOYER] = "employer",
  [FIELD_POSITION] = "position", [FIELD_TITLE] = "title", [FIELD_NOTE] = "note",
};

/* The stored values of the gender choices, after "not given". */
static const char *const genders[] = { NULL, "男", "女" };

static char *
row_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* The code list entry chosen in a combo row whose first item is "not given". */
static const char *
chosen_code (AdwComboRow *row, const TzCode *codes, guint n_codes)
{
  guint i = adw_combo_row_get_selected (row);

  return i > 0 && i <= n_codes ? codes[i - 1].name : NULL;
}

static TzPerson *
build_person (TzPersonDialog *self)
{
  TzPerson *p = tz_person_new ();
  const TzCode *ethnicities, *statuses;
  guint n_ethnicities = 0, n_statuses = 0;
  guint gender = adw_combo_row_get_selected (self->gender_row);

  ethnicities = tz_codes_ethnicities (&n_ethnicities);
  statuses = tz_codes_political_statuses (&n_statuses);
  p->id = self->person_id;
  p->unit_id = self->unit_id;
  p->name = row_text (self->fields[FIELD_NAME].row);
  p->gender = gender < G_N_ELEMENTS (genders) ? g_strdup (genders[gender]) : NULL;
  p->birth_date = row_text (self->fields[FIELD_BIRTH].row);
  p->ethnicity = g_strdup (chosen_code (self->ethnicity_row, ethnicities, n_ethnicities));
  p->political = g_strdup (chosen_code (self->political_row, statuses, n_statuses));
  p->id_number = row_text (self->fields[FIELD_ID_NUMBER].row);
  p->phone = row_text (self->fields[FIELD_PHONE].row);
  p->email = row_text (self->fields[FIELD_EMAIL].row);
  p->employer = row_text (self->fields[FIELD_EMPLOYER].row);
  p->position = row_text (self->fields[FIELD_POSITION].row);
  p->title = row_text (self->fields[FIELD_TITLE].row);
  p->note = row_text (self->fields[FIELD_NOTE].row);
  return p;
}

static void
show_message (FieldState *state, const char *message)
{
  gboolean shown = message != NULL;

  gtk_label_set_text (state->message, shown ? message : "");
  gtk_widget_set_visible (state->message_row, shown);
  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (state->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (state->row), "error");
  /* Screen readers hear the message with the field. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (state->row), GTK_ACCESSIBLE_STATE_INVALID,
                               shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (shown)
    gtk_accessible_update_property (GTK_ACCESSIBLE (state->row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (state->row),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Checks every field; shows the messages of the touched ones; enables Save. */
static gboolean
validate (TzPersonDialog *self)
{
  g_autoptr (TzPerson) p = build_person (self);
  gboolean all_ok = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldState *state = &self->fields[i];
      g_autoptr (GError) error = NULL;
      gboolean ok = tz_person_check_field (p, state->rule, &error);

      if (!ok)
        all_ok = FALSE;
      if (state->save_error != NULL)
        show_message (state, state->save_error);
      else
        show_message (state, !ok && state->touched ? error->message : NULL);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", all_ok);
  return all_ok;
}

/* A valid ID number says the gender and the birth month: fill them in when empty. */
static void
fill_from_id_number (TzPersonDialog *self)
{
  g_autofree char *id_number = row_text (self->fields[FIELD_ID_NUMBER].row);
  g_autofree char *normal = tz_resident_id_normalize (id_number);
  g_autofree char *birth = NULL;
  g_autofree char *typed_birth = row_text (self->fields[FIELD_BIRTH].row);
  const char *gender;

  if (normal == NULL || !tz_validate_resident_id (normal, NULL, NULL, NULL))
    return;
  gender = tz_resident_id_gender (normal);
  if (adw_combo_row_get_selected (self->gender_row) == 0 && gender != NULL)
    adw_combo_row_set_selected (self->gender_row, g_str_equal (gender, "男") ? 1 : 2);
  birth = tz_resident_id_birth_date (normal);
  if (typed_birth == NULL && birth != NULL)
    {
      birth[7] = '\0';
      gtk_editable_set_text (GTK_EDITABLE (self->fields[FIELD_BIRTH].row), birth);
    }
}

static void
field_changed_cb (TzPersonDialog *self, GtkEditable *editable)
{
  g_assert (TZ_IS_PERSON_DIALOG (self));

  if (self->loading)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (self->fields[i].row) == editable)
      {
        self->fields[i].touched = TRUE;
        g_clear_pointer (&self->fields[i].save_error, g_free);
        if (i == FIELD_ID_NUMBER)
          fill_from_id_number (self);
      }
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  validate (self);
}

static void
choice_changed_cb (TzPersonDialog *self)
{
  g_assert (TZ_IS_PERSON_DIALOG (self));

  if (!self->loading)
    validate (self);
}

static void
show_banner (TzPersonDialog *self, const char *message)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
show_photo (TzPersonDialog *self, GFile *file, const char *caption, GError **error)
{
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_file (file, error);

  if (texture == NULL)
    return;
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->photo_stack, "photo");
  gtk_label_set_text (self->photo_label, caption);
}

static void
load_person (TzPersonDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPerson) p = NULL;
  g_autofree char *photo = NULL;
  const TzCode *codes;
  guint n_codes = 0;
  const char *values[N_FIELDS];

  p = tz_person_get (self->db, self->person_id, &error);
  if (p == NULL)
    {
      show_banner (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", FALSE);
      return;
    }

  self->loading = TRUE;
  self->unit_id = p->unit_id;
  values[FIELD_NAME] = p->name;
  values[FIELD_BIRTH] = p->birth_date;
  values[FIELD_ID_NUMBER] = p->id_number;
  values[FIELD_PHONE] = p->phone;
  values[FIELD_EMAIL] = p->email;
  /* A person linked to a unit but with no employer written shows the unit. */
  values[FIELD_EMPLOYER] = p->employer != NULL ? p->employer : p->unit_name;
  values[FIELD_POSITION] = p->position;
  values[FIELD_TITLE] = p->title;
  values[FIELD_NOTE] = p->note;
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->fields[i].row), values[i] != NULL ? values[i] : "");

  adw_combo_row_set_selected (self->gender_row, g_strcmp0 (p->gender, "男") == 0   ? 1
                                                : g_strcmp0 (p->gender, "女") == 0 ? 2
                                                                                   : 0);
  codes = tz_codes_ethnicities (&n_codes);
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i].name, p->ethnicity) == 0)
      adw_combo_row_set_selected (self->ethnicity_row, i + 1);
  codes = tz_codes_political_statuses (&n_codes);
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i].name, p->political) == 0)
      adw_combo_row_set_selected (self->political_row, i + 1);
  self->loading = FALSE;

  photo = tz_person_get_photo (self->db, self->person_id, &error);
  if (photo != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (photo);
      g_autoptr (GError) photo_error = NULL;

      show_photo (self, file, _ ("The stored photo"), &photo_error);
      if (photo_error != NULL)
        gtk_label_set_text (self->photo_label, photo_error->message);
    }
  else if (error != NULL)
    gtk_label_set_text (self->photo_label, error->message);

  gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Person"));
  validate (self);
}

static void
fill_code_row (AdwComboRow *row, const TzCode *codes, guint n_codes)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, C_ ("code list", "Not given"));
  for (guint i = 0; i < n_codes; i++)
    gtk_string_list_append (list, codes[i].name);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
chooser_response_cb (TzPersonDialog *self, int response, GtkNativeDialog *chooser)
{
  g_assert (TZ_IS_PERSON_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tz_person_dialog_set_photo (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_photo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TzPersonDialog *self = TZ_PERSON_DIALOG (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser =
      gtk_file_chooser_native_new (_ ("Choose a Photo"), GTK_WINDOW (self),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("PNG and JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  tz_person_dialog_save (TZ_PERSON_DIALOG (widget));
}

static void
tz_person_dialog_constructed (GObject *object)
{
  TzPersonDialog *self = TZ_PERSON_DIALOG (object);

  G_OBJECT_CLASS (tz_person_dialog_parent_class)->constructed (object);
  if (self->person_id > 0 && self->db != NULL)
    load_person (self);
  else
    validate (self);
}

static void
tz_person_dialog_dispose (GObject *object)
{
  TzPersonDialog *self = TZ_PERSON_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TZ_TYPE_PERSON_DIALOG);
  G_OBJECT_CLASS (tz_person_dialog_parent_class)->dispose (object);
}

static void
tz_person_dialog_finalize (GObject *object)
{
  TzPersonDialog *self = TZ_PERSON_DIALOG (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i].save_error);
  g_clear_object (&self->db);
  g_free (self->photo_path);
  G_OBJECT_CLASS (tz_person_dialog_parent_class)->finalize (object);
}

static void
tz_person_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzPersonDialog *self = TZ_PERSON_DIALOG (object);

  switch (prop_id)
    {
      case PROP_DB:
        g_value_set_object (value, self->db);
        break;
      case PROP_PERSON_ID:
        g_value_set_int64 (value, self->person_id);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_person_dialog_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  TzPersonDialog *self = TZ_PERSON_DIALOG (object);

  switch (prop_id)
    {
      case PROP_DB:
        self->db = g_value_dup_object (value);
        break;
      case PROP_PERSON_ID:
        self->person_id = g_value_get_int64 (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_person_dialog_class_init (TzPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tz_person_dialog_constructed;
  object_class->dispose = tz_person_dialog_dispose;
  object_class->finalize = tz_person_dialog_finalize;
  object_class->get_property = tz_person_dialog_get_property;
  object_class->set_property = tz_person_dialog_set_property;

  properties[PROP_DB] =
      g_param_spec_object ("db", NULL, NULL, TZ_TYPE_DB,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
      g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TzPersonDialog::saved:
   * @id: the person's id
   *
   * Emitted when the person has been written, before the form closes.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, photo_label);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, photo_message);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, gender_row);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, TzPersonDialog, political_row);
  gtk_widget_class_bind_template_child_full (widget_class, "photo_button", FALSE, 0);

  /* The rows of the fields are found by name in init (and by tests). */
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    {
      const char *suffixes[] = { "_row", "_message_row", "_message" };

      for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
        {
          g_autofree char *name = g_strconcat (field_names[i], suffixes[k], NULL);
          gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (name), FALSE,
                                                     0);
        }
    }

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.choose-photo", NULL, choose_photo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save",
                                       NULL);
}

static void
tz_person_dialog_init (TzPersonDialog *self)
{
  static const TzPersonField rules[N_FIELDS] = {
    [FIELD_NAME] = TZ_PERSON_FIELD_NAME,           [FIELD_BIRTH] = TZ_PERSON_FIELD_BIRTH_DATE,
    [FIELD_ID_NUMBER] = TZ_PERSON_FIELD_ID_NUMBER, [FIELD_PHONE] = TZ_PERSON_FIELD_PHONE,
    [FIELD_EMAIL] = TZ_PERSON_FIELD_EMAIL,         [FIELD_EMPLOYER] = TZ_PERSON_FIELD_EMPLOYER,
    [FIELD_POSITION] = TZ_PERSON_FIELD_POSITION,   [FIELD_TITLE] = TZ_PERSON_FIELD_TITLE,
    [FIELD_NOTE] = TZ_PERSON_FIELD_NOTE,
  };
  const TzCode *codes;
  guint n_codes = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      FieldState *state = &self->fields[i];
      g_autofree char *row = g_strconcat (field_names[i], "_row", NULL);
      g_autofree char *message_row = g_strconcat (field_names[i], "_message_row", NULL);
      g_autofree char *message = g_strconcat (field_names[i], "_message", NULL);

      state->rule = rules[i];
      state->row = ADW_ENTRY_ROW (
          gtk_widget_get_template_child (GTK_WIDGET (self), TZ_TYPE_PERSON_DIALOG, row));
      state->message_row = GTK_WIDGET (
          gtk_widget_get_template_child (GTK_WIDGET (self), TZ_TYPE_PERSON_DIALOG, message_row));
      state->message = GTK_LABEL (
          gtk_widget_get_template_child (GTK_WIDGET (self), TZ_TYPE_PERSON_DIALOG, message));
      g_assert (state->row != NULL && state->message_row != NULL && state->message != NULL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (state->row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, state->message, NULL,
                                      -1);
      g_signal_connect_object (state->row, "changed", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  codes = tz_codes_ethnicities (&n_codes);
  fill_code_row (self->ethnicity_row, codes, n_codes);
  codes = tz_codes_political_statuses (&n_codes);
  fill_code_row (self->political_row, codes, n_codes);
  g_signal_connect_object (self->gender_row, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ethnicity_row, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->political_row, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

TzPersonDialog *
tz_person_dialog_new (GtkWindow *parent, TzDb *db, gint64 person_id)
{
  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  return g_object_new (TZ_TYPE_PERSON_DIALOG, "transient-for", parent, "db", db, "person-id",
                       person_id, NULL);
}

gint64
tz_person_dialog_get_person_id (TzPersonDialog *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_DIALOG (self), 0);
  return self->person_id;
}

gboolean
tz_person_dialog_is_valid (TzPersonDialog *self)
{
  g_return_val_if_fail (TZ_IS_PERSON_DIALOG (self), FALSE);
  return validate (self);
}

gboolean
tz_person_dialog_save (TzPersonDialog *self)
{
  g_autoptr (TzPerson) p = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TZ_IS_PERSON_DIALOG (self), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i].touched = TRUE;
  if (!validate (self) || self->db == NULL)
    return FALSE;

  p = build_person (self);
  if (!tz_person_save_with_photo (self->db, p, self->photo_path, &error))
    {
      if (g_error_matches (error, TZ_ERROR, TZ_ERROR_DUPLICATE))
        {
          /* The one rule that needs the other people: the ID number is taken. */
          FieldState *state = &self->fields[FIELD_ID_NUMBER];

          g_free (state->save_error);
          state->save_error = g_strdup (error->message);
          validate (self);
          gtk_widget_grab_focus (GTK_WIDGET (state->row));
        }
      else if (error->domain == TZ_ERROR)
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

  self->person_id = p->id;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, p->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

gboolean
tz_person_dialog_set_photo (TzPersonDialog *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *caption = NULL;

  g_return_val_if_fail (TZ_IS_PERSON_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Photo: the file is not on this computer. Copy it to a folder here first."));
    }
  else if (tz_person_check_photo (path, &error))
    {
      name = g_file_get_basename (file);
      /* TRANSLATORS: %s is a file name */
      caption = g_strdup_printf (_ ("%s (stored when you save)"), name);
      show_photo (self, file, caption, &error);
    }
  if (error != NULL)
    {
      gtk_label_set_text (self->photo_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->photo_message), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->photo_message), FALSE);
  g_free (self->photo_path);
  self->photo_path = g_steal_pointer (&path);
  return TRUE;
}
