/* tz-text-column.c — read-only text columns for a GtkColumnView of indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-text-column"

#include "config.h"

#include "tz-text-column.h"

typedef struct
{
  guint column;
  gboolean numeric;
  gboolean tooltip;
  TzCellTextFunc text;
  gpointer owner;
} Column;

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *c)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), c->numeric ? 1 : 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (c->numeric)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, Column *c)
{
  GtkStringObject *obj = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (obj), NULL, 10);
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autofree char *text = c->text (c->owner, index, c->column);

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, c->tooltip && *text != '\0' ? text : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

void
tz_text_column_add (GtkColumnView *view, const char *title, int width, gboolean expand,
                    gboolean numeric, gboolean tooltip, guint column, TzCellTextFunc text,
                    gpointer owner)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  Column *c = g_new0 (Column, 1);

  c->column = column;
  c->numeric = numeric;
  c->tooltip = tooltip;
  c->text = text;
  c->owner = owner;
  g_object_set_data_full (G_OBJECT (factory), "tz-column", c, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), c);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), c);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
}

void
tz_text_column_append_rows (GtkStringList *rows, guint first, guint n)
{
  g_autoptr (GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (indexes, g_strdup_printf ("%u", first + i));
  g_ptr_array_add (indexes, NULL);
  gtk_string_list_splice (rows, g_list_model_get_n_items (G_LIST_MODEL (rows)), 0,
                          (const char *const *) indexes->pdata);
}

void
tz_text_column_set_rows (GtkStringList *rows, guint n)
{
  gtk_string_list_splice (rows, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)), NULL);
  tz_text_column_append_rows (rows, 0, n);
}
