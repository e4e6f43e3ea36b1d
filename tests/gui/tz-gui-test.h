/* tz-gui-test.h — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* NULL or "". */
gboolean tz_gui_test_is_empty (const char *text);

/* Whether there is a display. Without one, prints the TAP plan that skips the
 * program (with --tap) and returns FALSE; main() then returns
 * tz_gui_test_skip_code (argv). */
gboolean tz_gui_test_have_display (char **argv);
int tz_gui_test_skip_code (char **argv);

/* Runs the main loop for @ms milliseconds: long enough for GTK to map, lay
 * out and paint, and for the pages' search delays. */
void tz_gui_test_flush (guint ms);

/* Renders what @widget shows (after letting it paint) into the PNG @path. A
 * widget that is being laid out again gives no picture for a frame or two:
 * this waits for one. */
void tz_gui_test_save_png (GtkWidget *widget, const char *path);

G_END_DECLS
