/* tz-bar-chart.h — horizontal bars of completion against a target, per unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TZ_TYPE_BAR_CHART (tz_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (TzBarChart, tz_bar_chart, TZ, BAR_CHART, GtkWidget)

GtkWidget *tz_bar_chart_new (void);

/* Removes every bar. */
void tz_bar_chart_clear (TzBarChart *self);

/* Adds a bar: @value held of @target (0: no target, the bar counts as complete). */
void tz_bar_chart_add_bar (TzBarChart *self, const char *label, gint64 value, gint64 target);

guint tz_bar_chart_get_n_bars (TzBarChart *self);

/* Whether bar @index is drawn in the warning colour: below its target. */
gboolean tz_bar_chart_bar_is_behind (TzBarChart *self, guint index);

G_END_DECLS
