/* tz-text-column.h — read-only text columns for a GtkColumnView of indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history windows list rows they hold themselves; their model is a
 * GtkStringList of row indexes ("0", "1", …) and each cell asks the owner
 * for its text. A cell is a GtkInscription (cheap, ellipsized), named for
 * screen readers with its text.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of @column of row @index, newly allocated. */
typedef char *(*TzCellTextFunc) (gpointer owner, guint index, guint column);

/* Appends a column titled @title; @numeric right-aligns it (tabular digits),
 * @tooltip shows the whole text on hover (for long cells). */
void tz_text_column_add (GtkColumnView *view, const char *title, int width, gboolean expand,
                         gboolean numeric, gboolean tooltip, guint column, TzCellTextFunc text,
                         gpointer owner);

/* Replaces the rows of @rows (a list of indexes) by 0 … @n - 1. */
void tz_text_column_set_rows (GtkStringList *rows, guint n);

/* Appends the rows @first … @first + @n - 1. */
void tz_text_column_append_rows (GtkStringList *rows, guint first, guint n);

G_END_DECLS
