/* tz-imports-window.c — the history of imports of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per line of the import log, newest first, as the core lists them;
 * the window follows the database and lists a new import as soon as it is
 * committed.
 */
#define G_LOG_DOMAIN "tz-imports-window"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-i18n.h"
#include "tz-import-log.h"
#include "tz-imports-window.h"
#include "tz-text-column.h"

/* The columns, in order. */
enum
{
  COL_WHEN,
  COL_WHO,
  COL_KIND,
  COL_FILE,
  COL_READ,
  COL_ADDED,
  COL_CHANGED,
  COL_UNCHANGED,
  COL_DROPPED,
  N_COLS
};

struct _TzImportsWindow
{
  AdwWindow parent_instance;

  TzDb *db;
  gint64 campaign_id;
  gulong changed_id;
  GPtrArray *entries;  /* TzImportLogEntry*, newest first */
  GtkStringList *rows; /* one item per entry: its index */

  GtkStack *stack;
  GtkColumnView *view;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TzImportsWindow, tz_imports_window, ADW_TYPE_WINDOW)

char *
tz_gui_format_time (const char *iso_utc)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_utc ();

  if (iso_utc == NULL || *iso_utc == '\0')
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso_utc, zone);
  if (utc == NULL)
    return g_strdup (iso_utc);
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  date = tz_format_date (day);
  /* TRANSLATORS: a date then a time of day (hours:minutes) */
  return g_strdup_printf (_ ("%s %02d:%02d"), date, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

static char *
cell_text (TzImportsWindow *self, guint index, guint column)
{
  const TzImportLogEntry *e;

  if (self->entries == NULL || index >= self->entries->len)
    return g_strdup ("");
  e = self->entries->pdata[index];
  switch (column)
    {
      case COL_WHEN:
        return tz_gui_format_time (e->at);
      case COL_WHO:
        return g_strdup (e->actor != NULL ? e->actor : "");
      case COL_KIND:
        return g_strdup (tz_import_log_kind_label (e->kind));
      case COL_FILE:
        return g_strdup (e->file_name != NULL ? e->file_name : "");
      case COL_READ:
        return g_strdup_printf ("%" G_GINT64_FORMAT, e->rows_read);
      case COL_ADDED:
        return g_strdup_printf ("%" G_GINT64_FORMAT, e->rows_added);
      case COL_CHANGED:
        return g_strdup_printf ("%" G_GINT64_FORMAT, e->rows_changed);
      case COL_UNCHANGED:
        return g_strdup_printf ("%" G_GINT64_FORMAT, e->rows_unchanged);
      case COL_DROPPED:
        return g_strdup_printf ("%" G_GINT64_FORMAT, e->rows_dropped);
      default:
        return g_strdup ("");
    }
}

static char *
cell_text_cb (gpointer owner, guint index, guint column)
{
  return cell_text (owner, index, column);
}

static void
add_column (TzImportsWindow *self, const char *title, int width, gboolean expand, guint column)
{
  tz_text_column_add (self->view, title, width, expand, column >= COL_READ, column == COL_FILE,
                      column, cell_text_cb, self);
}

static void
db_changed_cb (TzImportsWindow *self, char **tables, TzDb *db)
{
  if (tables == NULL || g_strv_contains ((const char *const *) tables, "import_log"))
    tz_imports_window_reload (self);
}

static void
tz_imports_window_dispose (GObject *object)
{
  TzImportsWindow *self = TZ_IMPORTS_WINDOW (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_id, self->db);
  G_OBJECT_CLASS (tz_imports_window_parent_class)->dispose (object);
}

static void
tz_imports_window_finalize (GObject *object)
{
  TzImportsWindow *self = TZ_IMPORTS_WINDOW (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (tz_imports_window_parent_class)->finalize (object);
}

static void
tz_imports_window_class_init (TzImportsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tz_imports_window_dispose;
  object_class->finalize = tz_imports_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
tz_imports_window_init (TzImportsWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkNoSelection *selection;

  gtk_window_set_title (GTK_WINDOW (self), _ ("Import History"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 480);
  gtk_box_append (GTK_BOX (content), header);

  self->rows = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Imports"), -1);
  add_column (self, _ ("When"), 150, FALSE, COL_WHEN);
  add_column (self, _ ("Who"), 100, FALSE, COL_WHO);
  add_column (self, _ ("Kind"), 110, FALSE, COL_KIND);
  add_column (self, _ ("File"), 180, TRUE, COL_FILE);
  /* TRANSLATORS: column headers of the import history: numbers of rows; keep them short */
  add_column (self, _ ("Read"), 60, FALSE, COL_READ);
  add_column (self, _ ("Added"), 60, FALSE, COL_ADDED);
  add_column (self, _ ("Changed"), 70, FALSE, COL_CHANGED);
  add_column (self, _ ("Unchanged"), 96, FALSE, COL_UNCHANGED);
  add_column (self, _ ("Dropped"), 70, FALSE, COL_DROPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _ ("No Imports Yet"));
  adw_status_page_set_description (
      ADW_STATUS_PAGE (empty),
      _ ("Filled tables, entry packages, scores and campaign files you import are listed here."));
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _ ("Could Not Read the Import History"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), content);
}

TzImportsWindow *
tz_imports_window_new (GtkWindow *parent, TzDb *db, gint64 campaign_id)
{
  TzImportsWindow *self;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  self = g_object_new (TZ_TYPE_IMPORTS_WINDOW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->campaign_id = campaign_id;
  self->changed_id =
      g_signal_connect_object (db, "changed", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  tz_imports_window_reload (self);
  return self;
}

void
tz_imports_window_reload (TzImportsWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  g_return_if_fail (TZ_IS_IMPORTS_WINDOW (self));

  entries = tz_import_log_list (self->db, self->campaign_id, 0, &error);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          NULL);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->entries = g_steal_pointer (&entries);
  tz_text_column_set_rows (self->rows, self->entries->len);
  gtk_stack_set_visible_child_name (self->stack, self->entries->len > 0 ? "list" : "empty");
}

guint
tz_imports_window_get_n_imports (TzImportsWindow *self)
{
  g_return_val_if_fail (TZ_IS_IMPORTS_WINDOW (self), 0);
  return self->entries != NULL ? self->entries->len : 0;
}

char **
tz_imports_window_get_row_texts (TzImportsWindow *self, guint index)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **texts;

  g_return_val_if_fail (TZ_IS_IMPORTS_WINDOW (self), NULL);
  for (guint c = 0; c < N_COLS; c++)
    {
      g_autofree char *text = cell_text (self, index, c);

      g_strv_builder_add (builder, text);
    }
  texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return texts;
}
