/* tz-import-dialog.c — the preview of a filled table before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the dialog shows comes from the TzTableImport of the core: the
 * rows as they will be saved, their statuses and problems. The dialog only
 * passes the user's fixes (a cell typed again, a row dropped) back to it and
 * shows the result; the import itself is one call, tz_table_import_commit().
 */
#define G_LOG_DOMAIN "tz-import-dialog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-entry.h"
#include "tz-error.h"
#include "tz-import-dialog.h"
#include "tz-mask.h"
#include "tz-settings.h"
#include "tz-template.h"

/* ---- the row items ------------------------------------------------------ */

/* One row of the table; "version" changes when the row must be shown again. */
#define TZ_TYPE_IMPORT_ROW (tz_import_row_get_type ())
G_DECLARE_FINAL_TYPE (TzImportRow, tz_import_row, TZ, IMPORT_ROW, GObject)

struct _TzImportRow
{
  GObject parent_instance;
  guint row;
};

G_DEFINE_FINAL_TYPE (TzImportRow, tz_import_row, G_TYPE_OBJECT)

static guint row_changed_signal;

static void
tz_import_row_class_init (TzImportRowClass *klass)
{
  row_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tz_import_row_init (TzImportRow *self)
{
}

static TzImportRow *
tz_import_row_new (guint row)
{
  TzImportRow *item = g_object_new (TZ_TYPE_IMPORT_ROW, NULL);

  item->row = row;
  return item;
}

/* ---- the dialog --------------------------------------------------------- */

struct _TzImportDialog
{
  AdwWindow parent_instance;

  GtkWidget *owner; /* weak */
  TzDb *db;
  gint64 campaign_id;
  char *path;
  gboolean is_template;
  TzTableImport *import;
  GPtrArray *tracks; /* TzEntryTrack*, the drop-down's, NULL for a template */
  GSettings *settings;
  gboolean filling;

  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  GtkWidget *show_full_button;
  GtkLabel *campaign_label;
  GtkLabel *track_label;
  GtkDropDown *track_dropdown;
  GtkLabel *counts_label;
  GtkLabel *file_problems_label;
  GtkLabel *notes_label;
  GtkColumnView *view;
  GListStore *rows;
  GtkSingleSelection *selection;
  GtkWidget *problems_box;
  GtkListBox *problem_list;
  GPtrArray *listed;   /* char*, the texts of the problem list */
  GArray *listed_rows; /* guint, the row of each */
};

G_DEFINE_FINAL_TYPE (TzImportDialog, tz_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Session-wide, as on the people page: until Taizhang quits. */
static gboolean show_full_numbers;

/* ---- shared helpers ----------------------------------------------------- */

gboolean
tz_gui_get_show_full_numbers (void)
{
  return show_full_numbers;
}

void
tz_gui_set_show_full_numbers (gboolean show)
{
  show_full_numbers = show;
}

gboolean
tz_gui_masking (void)
{
  /* Asked for every cell shown: one GSettings for the whole session. */
  static GSettings *settings;
  static gboolean looked;

  if (!looked)
    {
      settings = tz_settings_new ();
      looked = TRUE;
    }
  if (show_full_numbers)
    return FALSE;
  return settings == NULL || g_settings_get_boolean (settings, "mask-personal-data");
}

GtkWindow *
tz_gui_owner_window (GtkWidget *owner)
{
  GtkRoot *root;

  if (owner == NULL)
    return NULL;
  if (GTK_IS_WINDOW (owner))
    return GTK_WINDOW (owner);
  root = gtk_widget_get_root (owner);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
tz_gui_toast (GtkWidget *owner, const char *title)
{
  GtkWidget *overlay = NULL;
  g_autofree char *markup = g_markup_escape_text (title, -1);

  if (owner != NULL)
    overlay = gtk_widget_get_ancestor (owner, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && owner != NULL && ADW_IS_APPLICATION_WINDOW (owner))
    {
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (owner));

      if (ADW_IS_TOAST_OVERLAY (content))
        overlay = content;
    }
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
  else
    g_message ("%s", title);
}

GtkWindow *
tz_gui_show_error (GtkWidget *owner, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (tz_gui_owner_window (owner), heading,
                                   error != NULL && error->message != NULL && *error->message
                                       ? error->message
                                       : _ ("An unexpected error occurred."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* ---- cells -------------------------------------------------------------- */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static const TzTableColumn *
layout_column (TzImportDialog *self, guint column)
{
  const TzTableLayout *layout = tz_table_import_get_layout (self->import);

  return column < layout->columns->len ? layout->columns->pdata[column] : NULL;
}

/* The layout column a problem names (by the template's header or the file's), or -1. */
static int
problem_column (TzImportDialog *self, const TzImportProblem *problem)
{
  const TzTableLayout *layout = tz_table_import_get_layout (self->import);
  g_autofree char *wanted = NULL;

  if (is_empty (problem->column))
    return -1;
  wanted = tz_table_header_normalize (problem->column);
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const TzTableColumn *col = layout->columns->pdata[i];
      const char *source = NULL;
      g_autofree char *header = tz_table_header_normalize (col->header);

      if (g_strcmp0 (header, wanted) == 0 || g_strcmp0 (col->header, problem->column) == 0)
        return (int) i;
      if (tz_table_import_get_source_column (self->import, i, &source) >= 0 && source != NULL)
        {
          g_autofree char *written = tz_table_header_normalize (source);

          if (g_strcmp0 (written, wanted) == 0 || g_strcmp0 (source, problem->column) == 0)
            return (int) i;
        }
    }
  return -1;
}

/* The messages of the problems of @row in @column (-1: those naming no
 * column), one a line; NULL when there are none. */
static char *
cell_problems (TzImportDialog *self, guint row, int column)
{
  GPtrArray *problems = tz_table_import_get_row_problems (self->import, row);
  GString *text = NULL;

  if (tz_table_import_get_dropped (self->import, row))
    return NULL;
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const TzImportProblem *p = problems->pdata[i];

      if (problem_column (self, p) != column)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      g_string_append (text, p->message);
    }
  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

static char *
cell_text (TzImportDialog *self, guint row, guint column)
{
  const TzTableColumn *col = layout_column (self, column);
  const char *value = tz_table_import_get_cell (self->import, row, column);

  if (col == NULL || is_empty (value))
    return g_strdup ("");
  if (tz_gui_masking () && col->kind == TZ_TABLE_KIND_ID_NUMBER)
    return tz_mask_id_number (value);
  if (tz_gui_masking () && col->kind == TZ_TABLE_KIND_PHONE)
    return tz_mask_phone (value);
  return g_strdup (value);
}

/* GtkColumnView 4.8 has no scroll_to (4.12); its inner list view has the action. */
static void
scroll_to (GtkColumnView *view, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void refresh (TzImportDialog *self);

/* A data cell: a stack of the value shown and an entry to fix it. */
static void cell_fill (GtkWidget *cell, TzImportRow *item);

static void
cell_item_changed_cb (TzImportRow *item, GtkWidget *cell)
{
  cell_fill (cell, item);
}

static void
cell_fill (GtkWidget *cell, TzImportRow *item)
{
  TzImportDialog *self = g_object_get_data (G_OBJECT (cell), "tz-dialog");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "tz-column"));
  GtkWidget *shown = gtk_stack_get_child_by_name (GTK_STACK (cell), "show");
  g_autofree char *text = NULL;
  g_autofree char *problems = NULL;
  const TzTableColumn *col;

  if (self == NULL || self->import == NULL || item == NULL ||
      item->row >= tz_table_import_get_n_rows (self->import))
    return;
  col = layout_column (self, column);
  text = cell_text (self, item->row, column);
  problems = cell_problems (self, item->row, (int) column);
  g_object_set_data (G_OBJECT (cell), "tz-row", GUINT_TO_POINTER (item->row + 1));
  gtk_inscription_set_text (GTK_INSCRIPTION (shown), text);
  gtk_widget_set_tooltip_text (cell, problems != NULL ? problems : (*text != '\0' ? text : NULL));
  if (problems != NULL)
    gtk_widget_add_css_class (cell, "error");
  else
    gtk_widget_remove_css_class (cell, "error");
  if (problems != NULL)
    {
      /* TRANSLATORS: a cell of the import preview: its column, its value, what is wrong */
      g_autofree char *label =
          g_strdup_printf (_ ("%s: %s — %s"), col != NULL ? col->header : "", text, problems);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  else
    {
      g_autofree char *label = g_strdup_printf (_ ("%s: %s"), col != NULL ? col->header : "", text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
cell_start_editing (GtkWidget *cell)
{
  TzImportDialog *self = g_object_get_data (G_OBJECT (cell), "tz-dialog");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "tz-column"));
  guint row_plus_one = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "tz-row"));
  GtkWidget *entry = gtk_stack_get_child_by_name (GTK_STACK (cell), "edit");

  if (self == NULL || row_plus_one == 0 || self->import == NULL)
    return;
  /* The editor shows the value in full: it is what is fixed. */
  gtk_editable_set_text (GTK_EDITABLE (entry),
                         tz_table_import_get_cell (self->import, row_plus_one - 1, column));
  gtk_stack_set_visible_child_name (GTK_STACK (cell), "edit");
  gtk_widget_grab_focus (entry);
}

static void
cell_stop_editing (GtkWidget *cell, gboolean commit)
{
  TzImportDialog *self = g_object_get_data (G_OBJECT (cell), "tz-dialog");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "tz-column"));
  guint row_plus_one = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "tz-row"));
  GtkWidget *entry = gtk_stack_get_child_by_name (GTK_STACK (cell), "edit");
  g_autofree char *text = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (cell)), "edit") != 0)
    return;
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_stack_set_visible_child_name (GTK_STACK (cell), "show");
  if (commit && self != NULL && self->import != NULL && row_plus_one > 0 &&
      g_strcmp0 (text, tz_table_import_get_cell (self->import, row_plus_one - 1, column)) != 0)
    tz_import_dialog_edit_cell (self, row_plus_one - 1, column, text);
}

static void
cell_entry_activate_cb (GtkEntry *entry, GtkWidget *cell)
{
  cell_stop_editing (cell, TRUE);
}

static gboolean
cell_entry_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                   GdkModifierType state, GtkWidget *cell)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  cell_stop_editing (cell, FALSE);
  return TRUE;
}

static void
cell_entry_leave_cb (GtkEventControllerFocus *controller, GtkWidget *cell)
{
  cell_stop_editing (cell, TRUE);
}

static void
cell_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, GtkWidget *cell)
{
  if (n_press != 2)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cell_start_editing (cell);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *cell = gtk_stack_new ();
  GtkWidget *shown = gtk_inscription_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "tz-column"));
  const TzTableColumn *col = layout_column (self, column);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (shown), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (shown),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (col != NULL && (col->kind == TZ_TABLE_KIND_ID_NUMBER || col->kind == TZ_TABLE_KIND_PHONE ||
                      col->kind == TZ_TABLE_KIND_COUNT || col->kind == TZ_TABLE_KIND_DATE))
    gtk_widget_add_css_class (shown, "numeric");
  gtk_stack_add_named (GTK_STACK (cell), shown, "show");

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  col != NULL ? col->header : "", -1);
  g_signal_connect (entry, "activate", G_CALLBACK (cell_entry_activate_cb), cell);
  g_signal_connect (key, "key-pressed", G_CALLBACK (cell_entry_key_cb), cell);
  gtk_widget_add_controller (entry, key);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_entry_leave_cb), cell);
  gtk_widget_add_controller (entry, focus);
  gtk_stack_add_named (GTK_STACK (cell), entry, "edit");
  gtk_stack_set_visible_child_name (GTK_STACK (cell), "show");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), cell);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));

  gtk_widget_add_css_class (cell, "tz-import-cell");
  g_object_set_data (G_OBJECT (cell), "tz-dialog", self);
  g_object_set_data (G_OBJECT (cell), "tz-column", GUINT_TO_POINTER (column));
  gtk_list_item_set_child (list_item, cell);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  TzImportRow *item = gtk_list_item_get_item (list_item);

  gtk_stack_set_visible_child_name (GTK_STACK (cell), "show");
  cell_fill (cell, item);
  g_signal_connect (item, "changed", G_CALLBACK (cell_item_changed_cb), cell);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (cell), "tz-row", NULL);
  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, cell_item_changed_cb, cell);
}

/* The status, row number and drop columns. */
static void
status_fill (GtkWidget *box, TzImportRow *item)
{
  TzImportDialog *self = g_object_get_data (G_OBJECT (box), "tz-dialog");
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  const char *icon;
  const char *text;
  gboolean problem = FALSE;
  gboolean dim = FALSE;

  if (self == NULL || self->import == NULL ||
      item->row >= tz_table_import_get_n_rows (self->import))
    return;
  if (tz_table_import_get_dropped (self->import, item->row))
    {
      icon = "edit-delete-symbolic";
      text = _ ("Dropped");
      dim = TRUE;
    }
  else
    switch (tz_table_import_get_status (self->import, item->row))
      {
        case TZ_TABLE_ROW_NEW:
          icon = "list-add-symbolic";
          text = _ ("New");
          break;
        case TZ_TABLE_ROW_CHANGED:
          icon = "document-edit-symbolic";
          text = _ ("Changed");
          break;
        case TZ_TABLE_ROW_UNCHANGED:
          icon = "object-select-symbolic";
          text = _ ("Unchanged");
          dim = TRUE;
          break;
        case TZ_TABLE_ROW_PROBLEM:
        default:
          icon = "dialog-warning-symbolic";
          text = _ ("Problem");
          problem = TRUE;
          break;
      }
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (problem)
    gtk_widget_add_css_class (box, "error");
  else
    gtk_widget_remove_css_class (box, "error");
  if (dim)
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
status_item_changed_cb (TzImportRow *item, GtkWidget *box)
{
  status_fill (box, item);
}

static void
status_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "tz-dialog", self);
  gtk_list_item_set_child (list_item, box);
}

static void
status_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  TzImportRow *item = gtk_list_item_get_item (list_item);

  status_fill (box, item);
  g_signal_connect (item, "changed", G_CALLBACK (status_item_changed_cb), box);
}

static void
status_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, status_item_changed_cb,
                                          gtk_list_item_get_child (list_item));
}

static void
number_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1);
  gtk_widget_add_css_class (cell, "numeric");
  gtk_widget_add_css_class (cell, "dim-label");
  gtk_list_item_set_child (list_item, cell);
}

static void
number_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  TzImportRow *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  g_autofree char *text =
      g_strdup_printf ("%u", tz_table_import_get_row_number (self->import, item->row));
  g_autofree char *problems = cell_problems (self, item->row, -1);
  /* TRANSLATORS: %s is the number of a row in a spreadsheet */
  g_autofree char *label = g_strdup_printf (_ ("Row %s"), text);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, problems);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
drop_toggled_cb (GtkCheckButton *check, TzImportDialog *self)
{
  guint row_plus_one = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "tz-row"));
  gboolean active = gtk_check_button_get_active (check);

  if (self->filling || row_plus_one == 0 || self->import == NULL)
    return;
  if (active != tz_table_import_get_dropped (self->import, row_plus_one - 1))
    tz_import_dialog_set_dropped (self, row_plus_one - 1, active);
}

static void
drop_fill (GtkWidget *check, TzImportRow *item)
{
  TzImportDialog *self = g_object_get_data (G_OBJECT (check), "tz-dialog");
  gboolean filling;
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;

  if (self == NULL || self->import == NULL ||
      item->row >= tz_table_import_get_n_rows (self->import))
    return;
  number = g_strdup_printf ("%u", tz_table_import_get_row_number (self->import, item->row));
  /* TRANSLATORS: %s is the number of a row in a spreadsheet */
  label = g_strdup_printf (_ ("Drop row %s"), number);
  g_object_set_data (G_OBJECT (check), "tz-row", GUINT_TO_POINTER (item->row + 1));
  filling = self->filling;
  self->filling = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               tz_table_import_get_dropped (self->import, item->row));
  self->filling = filling;
  gtk_widget_set_tooltip_text (check, _ ("Leave this row out of the import"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
drop_item_changed_cb (TzImportRow *item, GtkWidget *check)
{
  drop_fill (check, item);
}

static void
drop_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "tz-dialog", self);
  g_signal_connect (check, "toggled", G_CALLBACK (drop_toggled_cb), self);
  gtk_list_item_set_child (list_item, check);
}

static void
drop_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  TzImportRow *item = gtk_list_item_get_item (list_item);

  drop_fill (check, item);
  g_signal_connect (item, "changed", G_CALLBACK (drop_item_changed_cb), check);
}

static void
drop_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, TzImportDialog *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (check), "tz-row", NULL);
  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, drop_item_changed_cb, check);
}

static GtkColumnViewColumn *
add_column (TzImportDialog *self, const char *title, int width, GCallback setup, GCallback bind,
            GCallback unbind, guint column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "tz-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_append_column (self->view, col);
  g_object_unref (col);
  return col;
}

static int
column_width (const TzTableColumn *col)
{
  switch (col->kind)
    {
      case TZ_TABLE_KIND_ID_NUMBER:
        return 180;
      case TZ_TABLE_KIND_PHONE:
      case TZ_TABLE_KIND_DATE:
        return 120;
      case TZ_TABLE_KIND_COUNT:
        return 90;
      case TZ_TABLE_KIND_EMAIL:
        return 170;
      default:
        break;
    }
  if (col->field == TZ_TABLE_FIELD_NAME || col->field == TZ_TABLE_FIELD_GENDER ||
      col->field == TZ_TABLE_FIELD_ETHNICITY)
    return col->field == TZ_TABLE_FIELD_NAME ? 100 : 70;
  if (col->max_chars > 60 || col->field == TZ_TABLE_FIELD_SUMMARY ||
      col->field == TZ_TABLE_FIELD_DESCRIPTION)
    return 240;
  return 150;
}

/* The columns of the layout shown; built again when the track changes. */
static void
build_columns (TzImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  const TzTableLayout *layout = tz_table_import_get_layout (self->import);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) col = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, col);
    }

  add_column (self, _ ("Status"), 120, G_CALLBACK (status_setup_cb), G_CALLBACK (status_bind_cb),
              G_CALLBACK (status_unbind_cb), 0);
  /* TRANSLATORS: the column of the sheet's row numbers; keep it short */
  add_column (self, _ ("Row"), 56, G_CALLBACK (number_setup_cb), G_CALLBACK (number_bind_cb), NULL,
              0);
  /* TRANSLATORS: the column of check buttons that leave a row out; keep it short */
  add_column (self, _ ("Drop"), 56, G_CALLBACK (drop_setup_cb), G_CALLBACK (drop_bind_cb),
              G_CALLBACK (drop_unbind_cb), 0);
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const TzTableColumn *col = layout->columns->pdata[i];
      g_autofree char *title = NULL;

      /* 序号 is the template's own numbering: never imported, not shown. */
      if (col->field == TZ_TABLE_FIELD_SEQ)
        continue;
      title = col->required ? g_strconcat (col->header, " *", NULL) : g_strdup (col->header);
      add_column (self, title, column_width (col), G_CALLBACK (cell_setup_cb),
                  G_CALLBACK (cell_bind_cb), G_CALLBACK (cell_unbind_cb), i);
    }
}

/* ---- the parts above and below the table -------------------------------- */

static void
problem_row_activated_cb (TzImportDialog *self, GtkListBoxRow *row, GtkListBox *list)
{
  tz_import_dialog_activate_problem (self, (guint) gtk_list_box_row_get_index (row));
}

static void
fill_problem_list (TzImportDialog *self)
{
  GtkWidget *child;
  guint n_rows = tz_table_import_get_n_rows (self->import);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problem_list))) != NULL)
    gtk_list_box_remove (self->problem_list, child);
  g_ptr_array_set_size (self->listed, 0);
  g_array_set_size (self->listed_rows, 0);

  for (guint r = 0; r < n_rows; r++)
    {
      GPtrArray *problems;

      if (tz_table_import_get_dropped (self->import, r))
        continue;
      problems = tz_table_import_get_row_problems (self->import, r);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          const TzImportProblem *p = problems->pdata[i];
          guint number = tz_table_import_get_row_number (self->import, r);
          char *text;
          GtkWidget *label;

          if (!is_empty (p->column))
            /* TRANSLATORS: a problem of an imported table: row number, column header, what is wrong */
            text = g_strdup_printf (_ ("Row %u, %s: %s"), number, p->column, p->message);
          else
            /* TRANSLATORS: a problem of an imported table: row number, what is wrong */
            text = g_strdup_printf (_ ("Row %u: %s"), number, p->message);
          g_ptr_array_add (self->listed, text);
          g_array_append_val (self->listed_rows, r);

          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_widget_set_margin_top (label, 6);
          gtk_widget_set_margin_bottom (label, 6);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_list_box_append (self->problem_list, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _ ("Activate to select the row in the table"), -1);
        }
    }
  gtk_widget_set_visible (self->problems_box, self->listed->len > 0);
}

static void
update_summary (TzImportDialog *self)
{
  TzTableImport *import = self->import;
  guint n_rows = tz_table_import_get_n_rows (import);
  guint dropped = 0;
  GPtrArray *file_problems = tz_table_import_get_file_problems (import);
  const char *const *notes = tz_table_import_get_notes (import);
  g_autofree char *counts = NULL;
  g_autofree char *button = NULL;
  guint n_import;

  for (guint r = 0; r < n_rows; r++)
    if (tz_table_import_get_dropped (import, r))
      dropped++;
  n_import = n_rows - dropped;

  /* TRANSLATORS: the counts of an import preview */
  counts = g_strdup_printf (_ ("New: %u · Changed: %u · Unchanged: %u · With problems: %u · "
                               "Dropped: %u"),
                            tz_table_import_count (import, TZ_TABLE_ROW_NEW),
                            tz_table_import_count (import, TZ_TABLE_ROW_CHANGED),
                            tz_table_import_count (import, TZ_TABLE_ROW_UNCHANGED),
                            tz_table_import_count (import, TZ_TABLE_ROW_PROBLEM), dropped);
  gtk_label_set_text (self->counts_label, counts);

  if (file_problems != NULL && file_problems->len > 0)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < file_problems->len; i++)
        {
          const TzImportProblem *p = file_problems->pdata[i];

          if (i > 0)
            g_string_append_c (text, '\n');
          if (p->row > 0 && !is_empty (p->column))
            g_string_append_printf (text, _ ("Row %u, %s: %s"), p->row, p->column, p->message);
          else if (p->row > 0)
            g_string_append_printf (text, _ ("Row %u: %s"), p->row, p->message);
          else
            g_string_append (text, p->message);
        }
      gtk_label_set_text (self->file_problems_label, text->str);
      g_string_free (text, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->file_problems_label),
                          file_problems != NULL && file_problems->len > 0);

  if (notes != NULL && notes[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) notes);

      gtk_label_set_text (self->notes_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes != NULL && notes[0] != NULL);

  if (n_import > 0)
    button = g_strdup_printf (ngettext ("_Import %u Row", "_Import %u Rows", n_import), n_import);
  else
    button = g_strdup (_ ("_Import"));
  gtk_button_set_label (GTK_BUTTON (self->import_button), button);
  gtk_widget_set_sensitive (self->import_button, tz_import_dialog_can_import (self));
  gtk_widget_set_tooltip_text (self->import_button,
                               tz_table_import_has_problems (import)
                                   ? _ ("Fix or drop the rows with problems first")
                                   : _ ("Write these rows to the database"));
}

/* Every row shows itself again (statuses change with the duplicate rule). */
static void
refresh (TzImportDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TzImportRow) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      g_signal_emit (item, row_changed_signal, 0);
    }
  fill_problem_list (self);
  update_summary (self);
}

/* Shows self->import from scratch: header, columns, rows. */
static void
show_import (TzImportDialog *self)
{
  const TzTableLayout *layout = tz_table_import_get_layout (self->import);
  guint n = tz_table_import_get_n_rows (self->import);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_label_set_text (self->campaign_label, layout->campaign_title);
  gtk_label_set_text (self->track_label, layout->track_name);
  gtk_widget_set_visible (GTK_WIDGET (self->track_label), self->is_template);
  gtk_widget_set_visible (GTK_WIDGET (self->track_dropdown), !self->is_template);

  g_list_store_remove_all (self->rows);
  build_columns (self);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, tz_import_row_new (i));
  g_list_store_splice (self->rows, 0, 0, items->pdata, items->len);
  fill_problem_list (self);
  update_summary (self);
}

static void
fill_tracks (TzImportDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 track_id = tz_table_import_get_track_id (self->import);
  guint selected = 0;

  self->filling = TRUE;
  for (guint i = 0; self->tracks != NULL && i < self->tracks->len; i++)
    {
      const TzEntryTrack *t = self->tracks->pdata[i];

      gtk_string_list_append (names, t->name);
      if (t->id == track_id)
        selected = i;
    }
  gtk_drop_down_set_model (self->track_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->track_dropdown, selected);
  self->filling = FALSE;
}

static void
track_selected_cb (TzImportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->track_dropdown);
  g_autoptr (GError) error = NULL;
  const TzEntryTrack *t;

  if (self->filling || self->tracks == NULL || i >= self->tracks->len)
    return;
  t = self->tracks->pdata[i];
  if (t->id == tz_table_import_get_track_id (self->import))
    return;
  if (!tz_import_dialog_set_track (self, t->id, &error))
    {
      tz_gui_show_error (GTK_WIDGET (self), _ ("Could Not Read the Table"), error);
      fill_tracks (self);
    }
}

static void
import_clicked_cb (TzImportDialog *self)
{
  tz_import_dialog_import (self);
}

static void
cancel_clicked_cb (TzImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_full_toggled_cb (TzImportDialog *self, GtkToggleButton *button)
{
  tz_gui_set_show_full_numbers (gtk_toggle_button_get_active (button));
  if (self->import != NULL)
    refresh (self);
}

/* Enter (or a double click) on a row: fix its first cell with a problem, else its first cell. */
static void
view_activate_cb (TzImportDialog *self, guint position)
{
  int column = 0;
  GPtrArray *problems;
  GtkWidget *widget;

  if (self->import == NULL || position >= tz_table_import_get_n_rows (self->import))
    return;
  problems = tz_table_import_get_row_problems (self->import, position);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      int c = problem_column (self, problems->pdata[i]);

      if (c >= 0)
        {
          column = c;
          break;
        }
    }
  /* The cell on screen showing (position, column). */
  widget = GTK_WIDGET (self->view);
  {
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, widget);
    while (stack->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (gtk_widget_has_css_class (w, "tz-import-cell") &&
            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "tz-row")) == position + 1 &&
            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "tz-column")) == (guint) column)
          {
            if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (w)), "edit") != 0)
              cell_start_editing (w);
            break;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
  }
}

static void
owner_weak_notify (gpointer data, GObject *where_the_object_was)
{
  TzImportDialog *self = data;

  self->owner = NULL;
}

static void
tz_import_dialog_dispose (GObject *object)
{
  TzImportDialog *self = TZ_IMPORT_DIALOG (object);

  if (self->owner != NULL)
    g_object_weak_unref (G_OBJECT (self->owner), owner_weak_notify, self);
  self->owner = NULL;
  if (self->rows != NULL)
    g_list_store_remove_all (self->rows);
  G_OBJECT_CLASS (tz_import_dialog_parent_class)->dispose (object);
}

static void
tz_import_dialog_finalize (GObject *object)
{
  TzImportDialog *self = TZ_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, tz_table_import_free);
  g_clear_pointer (&self->tracks, g_ptr_array_unref);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->listed_rows, g_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);
  g_free (self->path);
  G_OBJECT_CLASS (tz_import_dialog_parent_class)->finalize (object);
}

static void
tz_import_dialog_class_init (TzImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_import_dialog_dispose;
  object_class->finalize = tz_import_dialog_finalize;

  /**
   * TzImportDialog::imported:
   *
   * The rows were written: counts of added, changed and unchanged rows.
   */
  signals[SIGNAL_IMPORTED] =
      g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
caption_row (const char *caption, GtkWidget *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_box_append (GTK_BOX (box), value);
  return box;
}

static GtkLabel *
value_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return GTK_LABEL (label);
}

static void
tz_import_dialog_init (TzImportDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *heading;
  GtkWidget *problem_scroller;
  GtkWidget *track_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->listed = g_ptr_array_new_with_free_func (g_free);
  self->listed_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rows = g_list_store_new (TZ_TYPE_IMPORT_ROW);
  self->settings = tz_settings_new ();

  gtk_window_set_title (GTK_WINDOW (self), _ ("Import Table"));
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  /* The header: Cancel, the title, Import and the full numbers. */
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_ ("Import Table"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_widget_set_tooltip_text (cancel, _ ("Close without importing anything"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->import_button = gtk_button_new_with_mnemonic (_ ("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  self->show_full_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->show_full_button), "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (self->show_full_button,
                               _ ("Show full ID and mobile numbers until you close Taizhang"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_full_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Show full numbers"), -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->show_full_button), show_full_numbers);
  gtk_widget_set_visible (self->show_full_button,
                          self->settings == NULL ||
                              g_settings_get_boolean (self->settings, "mask-personal-data"));
  g_signal_connect_swapped (self->show_full_button, "toggled", G_CALLBACK (show_full_toggled_cb),
                            self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->show_full_button);
  gtk_box_append (GTK_BOX (content), header);

  /* What is imported: campaign, track, counts, the file's own problems and notes. */
  gtk_widget_set_margin_start (info, 12);
  gtk_widget_set_margin_end (info, 12);
  gtk_widget_set_margin_top (info, 12);
  gtk_widget_set_margin_bottom (info, 12);
  self->campaign_label = value_label ();
  gtk_box_append (GTK_BOX (info), caption_row (_ ("Campaign"), GTK_WIDGET (self->campaign_label)));
  self->track_label = value_label ();
  gtk_box_append (GTK_BOX (track_box), GTK_WIDGET (self->track_label));
  self->track_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->track_dropdown), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->track_dropdown),
                               _ ("The track this table is for; the preview is read again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->track_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Track"), -1);
  g_signal_connect_swapped (self->track_dropdown, "notify::selected",
                            G_CALLBACK (track_selected_cb), self);
  gtk_box_append (GTK_BOX (track_box), GTK_WIDGET (self->track_dropdown));
  gtk_box_append (GTK_BOX (info), caption_row (_ ("Track"), track_box));
  self->counts_label = value_label ();
  gtk_box_append (GTK_BOX (info), GTK_WIDGET (self->counts_label));
  self->file_problems_label = value_label ();
  gtk_widget_add_css_class (GTK_WIDGET (self->file_problems_label), "error");
  gtk_box_append (GTK_BOX (info), GTK_WIDGET (self->file_problems_label));
  self->notes_label = value_label ();
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "dim-label");
  gtk_box_append (GTK_BOX (info), GTK_WIDGET (self->notes_label));
  gtk_box_append (GTK_BOX (content), info);
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The rows. */
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->view =
      GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Rows of the table"), -1);
  g_signal_connect_swapped (self->view, "activate", G_CALLBACK (view_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);

  /* The problems, one a line. */
  self->problems_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->problems_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  heading = gtk_label_new (_ ("Problems — fix the cell (double-click it, or press Enter on the "
                              "row) or drop the row"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_end (heading, 12);
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (self->problems_box), heading);
  self->problem_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->problem_list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->problem_list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Problems"), -1);
  g_signal_connect_swapped (self->problem_list, "row-activated",
                            G_CALLBACK (problem_row_activated_cb), self);
  problem_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (problem_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (problem_scroller), 160);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (problem_scroller), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->problem_list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->problem_list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->problem_list), 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (problem_scroller),
                                 GTK_WIDGET (self->problem_list));
  gtk_box_append (GTK_BOX (self->problems_box), problem_scroller);
  gtk_box_append (GTK_BOX (content), self->problems_box);

  adw_window_set_content (ADW_WINDOW (self), content);
}

/* ---- public ------------------------------------------------------------- */

TzImportDialog *
tz_import_dialog_new (GtkWidget *owner, TzDb *db, gint64 campaign_id, gint64 track_id,
                      const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (TzTableImport) import = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  g_autofree char *basename = NULL;
  gboolean is_template = FALSE;
  TzImportDialog *self;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* A template says what it is for; any other table is for a track of the campaign shown. */
  import = tz_table_import_open (db, 0, 0, path, &local_error);
  if (import != NULL)
    is_template = TRUE;
  else if (g_error_matches (local_error, TZ_ERROR, TZ_ERROR_INVALID))
    {
      g_clear_error (&local_error);
      if (campaign_id <= 0)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                       _ ("“%s” is not a Taizhang template, so it does not say which campaign "
                          "it is for. Select the campaign first, then import the table."),
                       path);
          return NULL;
        }
      tracks = tz_entry_list_tracks (db, campaign_id, error);
      if (tracks == NULL)
        return NULL;
      if (tracks->len == 0)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       _ ("The campaign has no tracks yet. Add a track to the campaign, then "
                          "import the table."));
          return NULL;
        }
      if (track_id <= 0)
        track_id = ((TzEntryTrack *) tracks->pdata[0])->id;
      import = tz_table_import_open (db, campaign_id, track_id, path, error);
      if (import == NULL)
        return NULL;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_object_new (TZ_TYPE_IMPORT_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->campaign_id = tz_table_import_get_campaign_id (import);
  self->path = g_strdup (path);
  self->is_template = is_template;
  self->import = g_steal_pointer (&import);
  self->tracks = g_steal_pointer (&tracks);
  if (owner != NULL)
    {
      self->owner = owner;
      g_object_weak_ref (G_OBJECT (owner), owner_weak_notify, self);
      gtk_window_set_transient_for (GTK_WINDOW (self), tz_gui_owner_window (owner));
    }
  basename = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->window_title, basename);
  if (!is_template)
    fill_tracks (self);
  show_import (self);
  return self;
}

TzTableImport *
tz_import_dialog_get_import (TzImportDialog *self)
{
  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

gboolean
tz_import_dialog_is_template (TzImportDialog *self)
{
  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), FALSE);
  return self->is_template;
}

gboolean
tz_import_dialog_set_track (TzImportDialog *self, gint64 track_id, GError **error)
{
  TzTableImport *import;

  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (!self->is_template, FALSE);

  import = tz_table_import_open (self->db, self->campaign_id, track_id, self->path, error);
  if (import == NULL)
    return FALSE;
  g_list_store_remove_all (self->rows);
  g_clear_pointer (&self->import, tz_table_import_free);
  self->import = import;
  fill_tracks (self);
  show_import (self);
  return TRUE;
}

void
tz_import_dialog_edit_cell (TzImportDialog *self, guint row, guint column, const char *value)
{
  g_return_if_fail (TZ_IS_IMPORT_DIALOG (self));
  g_return_if_fail (row < tz_table_import_get_n_rows (self->import));

  tz_table_import_set_cell (self->import, row, column, value != NULL ? value : "");
  refresh (self);
}

void
tz_import_dialog_set_dropped (TzImportDialog *self, guint row, gboolean dropped)
{
  g_return_if_fail (TZ_IS_IMPORT_DIALOG (self));
  g_return_if_fail (row < tz_table_import_get_n_rows (self->import));

  tz_table_import_set_dropped (self->import, row, dropped);
  refresh (self);
}

guint
tz_import_dialog_get_n_listed_problems (TzImportDialog *self)
{
  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), 0);
  return self->listed->len;
}

const char *
tz_import_dialog_get_listed_problem (TzImportDialog *self, guint index)
{
  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->listed->len, NULL);
  return self->listed->pdata[index];
}

void
tz_import_dialog_activate_problem (TzImportDialog *self, guint index)
{
  guint row;

  g_return_if_fail (TZ_IS_IMPORT_DIALOG (self));
  if (index >= self->listed_rows->len)
    return;
  row = g_array_index (self->listed_rows, guint, index);
  gtk_single_selection_set_selected (self->selection, row);
  scroll_to (self->view, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

int
tz_import_dialog_get_selected_row (TzImportDialog *self)
{
  guint selected;

  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), -1);
  selected = gtk_single_selection_get_selected (self->selection);
  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected;
}

gboolean
tz_import_dialog_cell_has_problem (TzImportDialog *self, guint row, guint column)
{
  g_autofree char *problems = NULL;

  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), FALSE);
  problems = cell_problems (self, row, (int) column);
  return problems != NULL;
}

char *
tz_import_dialog_get_cell_text (TzImportDialog *self, guint row, guint column)
{
  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), NULL);
  return cell_text (self, row, column);
}

gboolean
tz_import_dialog_can_import (TzImportDialog *self)
{
  guint n_rows;
  guint kept = 0;

  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), FALSE);
  if (self->import == NULL || tz_table_import_has_problems (self->import))
    return FALSE;
  n_rows = tz_table_import_get_n_rows (self->import);
  for (guint r = 0; r < n_rows; r++)
    if (!tz_table_import_get_dropped (self->import, r))
      kept++;
  return kept > 0;
}

gboolean
tz_import_dialog_import (TzImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  TzTableImportCounts counts = { 0 };
  g_autofree char *title = NULL;
  GtkWidget *owner;

  g_return_val_if_fail (TZ_IS_IMPORT_DIALOG (self), FALSE);

  if (!tz_import_dialog_can_import (self))
    return FALSE;
  if (!tz_table_import_commit (self->import, &counts, &error))
    {
      tz_gui_show_error (GTK_WIDGET (self), _ ("Could Not Import the Table"), error);
      /* The rows were checked again: show what the core sees now. */
      refresh (self);
      return FALSE;
    }
  /* TRANSLATORS: the result of importing a table */
  title = g_strdup_printf (_ ("Imported: %u added, %u changed, %u unchanged"), counts.added,
                           counts.changed, counts.unchanged);
  owner = self->owner;
  tz_gui_toast (owner, title);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, counts.added, counts.changed, counts.unchanged);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkWindow *
tz_import_dialog_open_file (GtkWidget *owner, TzDb *db, gint64 campaign_id, gint64 track_id,
                            GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_gui_local_path (file, &error);
  TzImportDialog *dialog;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  if (path == NULL)
    return tz_gui_show_error (owner, _ ("Could Not Read the Table"), error);
  dialog = tz_import_dialog_new (owner, db, campaign_id, track_id, path, &error);
  if (dialog == NULL)
    return tz_gui_show_error (owner, _ ("Could Not Read the Table"), error);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

char *
tz_gui_local_path (GFile *file, GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("“%s” is not a local file. Copy it to this computer and import the copy."),
                   uri);
    }
  return path;
}

void
tz_gui_file_request_free (gpointer user_data, GClosure *closure)
{
  TzGuiFileRequest *data = user_data;

  g_clear_weak_pointer (&data->owner);
  g_clear_object (&data->db);
  g_free (data);
}

TzGuiFileRequest *
tz_gui_file_request_new (GtkWidget *owner, TzDb *db, gint64 campaign_id, gint64 id)
{
  TzGuiFileRequest *data = g_new0 (TzGuiFileRequest, 1);

  g_set_weak_pointer (&data->owner, owner);
  data->db = g_object_ref (db);
  data->campaign_id = campaign_id;
  data->id = id;
  return data;
}

static void
open_response_cb (GtkNativeDialog *chooser, int response, TzGuiFileRequest *data)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && data->owner != NULL)
    tz_import_dialog_open_file (data->owner, data->db, data->campaign_id, data->id, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
tz_import_dialog_choose_file (GtkWidget *owner, TzDb *db, gint64 campaign_id, gint64 track_id)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (TZ_IS_DB (db));

  chooser = gtk_file_chooser_native_new (_ ("Import a Filled Table"), tz_gui_owner_window (owner),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("Spreadsheets (xlsx, csv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (open_response_cb),
                         tz_gui_file_request_new (owner, db, campaign_id, track_id),
                         tz_gui_file_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the blank template ------------------------------------------------- */

static void
free_closure_data (gpointer data, GClosure *closure)
{
  g_free (data);
}

static void
template_toast_open_cb (AdwToast *toast, const char *uri)
{
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

static void
template_response_cb (GtkNativeDialog *chooser, int response, TzGuiFileRequest *data)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

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
                   _ ("The template can only be saved to a folder on this computer."));
      tz_gui_show_error (data->owner, _ ("Could Not Save the Template"), error);
      return;
    }
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }
  if (!tz_template_write (data->db, data->id, path, &error))
    {
      tz_gui_show_error (data->owner, _ ("Could Not Save the Template"), error);
      return;
    }
  if (data->owner != NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (data->owner, ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *name = g_filename_display_basename (path);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *title = g_strdup_printf (_ ("Template saved as “%s”"), name);
      g_autofree char *markup = g_markup_escape_text (title, -1);
      AdwToast *toast = adw_toast_new (markup);

      if (overlay == NULL && ADW_IS_APPLICATION_WINDOW (data->owner))
        overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (data->owner));
      adw_toast_set_button_label (toast, _ ("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (template_toast_open_cb),
                             g_filename_to_uri (path, NULL, NULL), free_closure_data, 0);
      if (ADW_IS_TOAST_OVERLAY (overlay))
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (toast);
    }
}

static void
template_choose_file (GtkWidget *owner, TzDb *db, gint64 campaign_id, const TzEntryTrack *track)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *name =
      track->short_name != NULL && *track->short_name ? track->short_name : track->name;
  /* TRANSLATORS: the suggested file name of a blank template; %s is the track's name */
  g_autofree char *suggested = g_strdup_printf (_ ("%s template.xlsx"), name);

  g_strdelimit (suggested, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_ ("Save the Blank Template"), tz_gui_owner_window (owner),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (filter, _ ("Excel workbooks (xlsx)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (template_response_cb),
                         tz_gui_file_request_new (owner, db, campaign_id, track->id),
                         tz_gui_file_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
template_track_response_cb (AdwMessageDialog *dialog, const char *response, TzGuiFileRequest *data)
{
  GPtrArray *tracks = g_object_get_data (G_OBJECT (dialog), "tz-tracks");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "tz-dropdown");
  guint i = gtk_drop_down_get_selected (dropdown);

  if (g_strcmp0 (response, "save") != 0 || data->owner == NULL || i >= tracks->len)
    return;
  template_choose_file (data->owner, data->db, data->campaign_id, tracks->pdata[i]);
}

void
tz_template_save_interactive (GtkWidget *owner, TzDb *db, gint64 campaign_id, gint64 track_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *dropdown;
  guint selected = 0;

  g_return_if_fail (TZ_IS_DB (db));

  tracks = tz_entry_list_tracks (db, campaign_id, &error);
  if (tracks == NULL)
    {
      tz_gui_show_error (owner, _ ("Could Not Read the Tracks"), error);
      return;
    }
  if (tracks->len == 0)
    {
      g_set_error (&error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The campaign has no tracks yet. Add a track to the campaign first."));
      tz_gui_show_error (owner, _ ("No Template to Save"), error);
      return;
    }
  for (guint i = 0; i < tracks->len; i++)
    {
      const TzEntryTrack *t = tracks->pdata[i];

      if (t->id == track_id)
        {
          template_choose_file (owner, db, campaign_id, t);
          return;
        }
      gtk_string_list_append (names, t->name);
    }
  if (tracks->len == 1)
    {
      template_choose_file (owner, db, campaign_id, tracks->pdata[0]);
      return;
    }

  /* Several tracks: which one's table is sent out. */
  dialog = adw_message_dialog_new (tz_gui_owner_window (owner), _ ("Blank Template"),
                                   _ ("Choose the track whose table the lower units fill in."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_tooltip_text (dropdown, _ ("The track of the template"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Track"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "save",
                                    _ ("_Save Template…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tz-tracks", g_steal_pointer (&tracks),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "tz-dropdown", dropdown);
  g_signal_connect_data (dialog, "response", G_CALLBACK (template_track_response_cb),
                         tz_gui_file_request_new (owner, db, campaign_id, 0),
                         tz_gui_file_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
