/* tz-timing.c — figures for the benchmarks, printed when TAIZHANG_TIMING is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench/gui-timing.py starts taizhang with TAIZHANG_TIMING=1 and reads these
 * lines: what a user waits for ends when the frame that shows it is painted,
 * so each figure is taken after the frame clock's paint.
 */
#define G_LOG_DOMAIN "tz-timing"

#include "config.h"

#include <stdio.h>

#include "tz-timing.h"

static gint64 process_start;
static gboolean enabled;

typedef struct
{
  char *what;
  gint64 since;
  gulong handler;
} Pending;

void
tz_timing_init (void)
{
  process_start = g_get_monotonic_time ();
  enabled = g_getenv ("TAIZHANG_TIMING") != NULL;
}

gboolean
tz_timing_enabled (void)
{
  return enabled;
}

static void
after_paint_cb (GdkFrameClock *clock, Pending *pending)
{
  double ms = (g_get_monotonic_time () - pending->since) / 1000.0;

  fprintf (stderr, "timing: %s %.1f ms\n", pending->what, ms);
  fflush (stderr);
  g_signal_handler_disconnect (clock, pending->handler);
}

static void
pending_free (gpointer data, GClosure *closure)
{
  Pending *pending = data;

  g_free (pending->what);
  g_free (pending);
}

void
tz_timing_after_paint (GtkWidget *widget, const char *what, gint64 since)
{
  GdkFrameClock *clock;
  Pending *pending;

  if (!enabled)
    return;
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return;
  pending = g_new0 (Pending, 1);
  pending->what = g_strdup (what);
  pending->since = since != 0 ? since : process_start;
  pending->handler = g_signal_connect_data (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                            pending, pending_free, 0);
  gtk_widget_queue_draw (widget);
}
