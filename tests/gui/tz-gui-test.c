/* tz-gui-test.c — what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tz-gui-test.h"

gboolean
tz_gui_test_is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

gboolean
tz_gui_test_have_display (char **argv)
{
  if (!tz_gui_test_is_empty (g_getenv ("DISPLAY")) ||
      !tz_gui_test_is_empty (g_getenv ("WAYLAND_DISPLAY")))
    return TRUE;
  g_print ("%sno display: run the GUI tests under xvfb-run\n",
           g_strv_contains ((const char *const *) argv, "--tap") ? "1..0 # SKIP " : "");
  return FALSE;
}

int
tz_gui_test_skip_code (char **argv)
{
  return g_strv_contains ((const char *const *) argv, "--tap") ? 0 : 77;
}

static gboolean
set_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
tz_gui_test_flush (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
tz_gui_test_save_png (GtkWidget *widget, const char *path)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = 0, height = 0;

  for (int attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      tz_gui_test_flush (attempt == 0 ? 300 : 200);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      g_assert_cmpint (width, >, 0);
      g_clear_object (&paintable);
      paintable = gtk_widget_paintable_new (widget);
      g_clear_pointer (&snapshot, g_object_unref);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
