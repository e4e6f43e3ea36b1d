/* tz-timing.h — figures for the benchmarks, printed when TAIZHANG_TIMING is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Notes the start of the process; call first thing in main(). */
void tz_timing_init (void);
gboolean tz_timing_enabled (void);

/* After the next frame that @widget's window paints, prints on stderr
 * "timing: @what N ms", counting from @since (a g_get_monotonic_time() value,
 * or 0 for the start of the process). Does nothing unless enabled. */
void tz_timing_after_paint (GtkWidget *widget, const char *what, gint64 since);

G_END_DECLS
