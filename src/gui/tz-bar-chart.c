/* tz-bar-chart.c — horizontal bars of completion against a target, per unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per unit: its name, a bar of what it has held, a dashed marker where
 * its target (100 %) lies, and "held/target". Units below their target are
 * drawn in the theme's warning colour, the others in its success colour, so
 * that who is behind stands out at a glance. Names are ellipsized in a column
 * of at most two fifths of the width; the full name is in the tooltip and the
 * accessible description lists every bar for screen readers.
 */
#define G_LOG_DOMAIN "tz-bar-chart"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "tz-bar-chart.h"

#define PAD       12.0
#define GAP       8.0
#define MAX_SCALE 1.5 /* bars beyond 150 % are drawn to the end of the scale */

typedef struct
{
  char *label;
  gint64 value;
  gint64 target;
} Bar;

struct _TzBarChart
{
  GtkWidget parent_instance;

  GArray *bars; /* Bar */
};

G_DEFINE_FINAL_TYPE (TzBarChart, tz_bar_chart, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
}

static gboolean
bar_is_behind (const Bar *bar)
{
  return bar->value < bar->target;
}

static double
bar_ratio (const Bar *bar)
{
  if (bar->target <= 0)
    return 1.0;
  return (double) bar->value / (double) bar->target;
}

static char *
bar_value_text (const Bar *bar)
{
  return g_strdup_printf ("%" PRId64 "/%" PRId64, bar->value, bar->target);
}

static char *
bar_description (const Bar *bar)
{
  /* TRANSLATORS: a bar of the quota chart: unit, held, target, percentage */
  return g_strdup_printf (_ ("%s: %" PRId64 " of %" PRId64 " (%.0f %%)"), bar->label, bar->value,
                          bar->target, bar_ratio (bar) * 100.0);
}

static int
line_height (TzBarChart *self)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "汉Hg");
  int height = 0;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static double
row_height (TzBarChart *self)
{
  return MAX (24.0, line_height (self) * 1.7);
}

static double
header_height (TzBarChart *self)
{
  return line_height (self) + 6.0;
}

static void
update_accessible (TzBarChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *line = bar_description (&g_array_index (self->bars, Bar, i));

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, line);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->len > 0 ? text->str : _ ("No units have a target."), -1);
}

static void
get_colors (TzBarChart *self, GdkRGBA *fg, GdkRGBA *behind, GdkRGBA *done)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  /* libadwaita's named colours follow the light or dark style. */
  if (!gtk_style_context_lookup_color (context, "warning_color", behind))
    gdk_rgba_parse (behind, "#c64600");
  if (!gtk_style_context_lookup_color (context, "success_color", done))
    gdk_rgba_parse (done, "#26a269");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI_2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI_2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI_2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

typedef struct
{
  double label_width;
  double bar_x0;
  double bar_width;
  double value_x;
  double scale;
  double marker_x;
} Geometry;

static void
compute_geometry (TzBarChart *self, double width, Geometry *g)
{
  int widest_label = 0;
  int widest_value = 0;
  double max_ratio = 1.0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = bar_value_text (bar);
      g_autoptr (PangoLayout) label_layout =
          gtk_widget_create_pango_layout (GTK_WIDGET (self), bar->label);
      g_autoptr (PangoLayout) value_layout =
          gtk_widget_create_pango_layout (GTK_WIDGET (self), value);
      int w = 0;

      pango_layout_get_pixel_size (label_layout, &w, NULL);
      widest_label = MAX (widest_label, w);
      pango_layout_get_pixel_size (value_layout, &w, NULL);
      widest_value = MAX (widest_value, w);
      max_ratio = MAX (max_ratio, bar_ratio (bar));
    }

  g->label_width = MIN ((double) widest_label, width * 0.4);
  g->bar_x0 = PAD + g->label_width + GAP;
  g->value_x = width - PAD - widest_value;
  g->bar_width = MAX (20.0, g->value_x - GAP - g->bar_x0);
  g->scale = MIN (max_ratio, MAX_SCALE);
  g->marker_x = g->bar_x0 + g->bar_width / g->scale;
}

static void
tz_bar_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  TzBarChart *self = TZ_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double row_h = row_height (self);
  double top = header_height (self);
  double bar_h = MAX (8.0, row_h * 0.5);
  g_autoptr (PangoLayout) marker = NULL;
  GdkRGBA fg;
  GdkRGBA behind;
  GdkRGBA done;
  Geometry g;
  cairo_t *cr;
  int text_w = 0;
  int text_h = 0;

  if (self->bars->len == 0 || width <= 0 || height <= 0)
    return;

  get_colors (self, &fg, &behind, &done);
  compute_geometry (self, width, &g);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = bar_value_text (bar);
      g_autoptr (PangoLayout) label = gtk_widget_create_pango_layout (widget, bar->label);
      g_autoptr (PangoLayout) value_layout = gtk_widget_create_pango_layout (widget, value);
      double y = top + i * row_h;
      double ratio = MIN (bar_ratio (bar), g.scale);
      const GdkRGBA *color = bar_is_behind (bar) ? &behind : &done;

      /* The name, ellipsized to its column. */
      pango_layout_set_width (label, (int) (g.label_width * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, &text_w, &text_h);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, PAD + g.label_width - text_w, y + (row_h - text_h) / 2.0);
      pango_cairo_show_layout (cr, label);

      /* The stretch up to the target, faint, so a short bar shows how far it has to go. */
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
      rounded_rect (cr, g.bar_x0, y + (row_h - bar_h) / 2.0, g.marker_x - g.bar_x0, bar_h, 3);
      cairo_fill (cr);

      if (ratio > 0)
        {
          gdk_cairo_set_source_rgba (cr, color);
          rounded_rect (cr, g.bar_x0, y + (row_h - bar_h) / 2.0,
                        MAX (2.0, g.bar_width * ratio / g.scale), bar_h, 3);
          cairo_fill (cr);
        }

      pango_layout_get_pixel_size (value_layout, &text_w, &text_h);
      gdk_cairo_set_source_rgba (cr, bar_is_behind (bar) ? color : &fg);
      cairo_move_to (cr, g.value_x, y + (row_h - text_h) / 2.0);
      pango_cairo_show_layout (cr, value_layout);
    }

  /* The target marker across every row, labelled at the top. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, (double[]){ 4.0, 3.0 }, 2, 0);
  cairo_move_to (cr, round (g.marker_x) + 0.5, top - 2);
  cairo_line_to (cr, round (g.marker_x) + 0.5, top + self->bars->len * row_h);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  marker = gtk_widget_create_pango_layout (widget, _ ("Target"));
  pango_layout_get_pixel_size (marker, &text_w, &text_h);
  cairo_move_to (cr, CLAMP (g.marker_x - text_w / 2.0, 0, width - text_w), 0);
  pango_cairo_show_layout (cr, marker);

  cairo_destroy (cr);
}

static void
tz_bar_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  TzBarChart *self = TZ_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      int h = (int) ceil (header_height (self) + self->bars->len * row_height (self) + PAD);

      *minimum = *natural = self->bars->len > 0 ? h : 0;
    }
}

static int
bar_at (TzBarChart *self, double y)
{
  double row_h = row_height (self);
  double top = header_height (self);
  int index;

  if (y < top)
    return -1;
  index = (int) ((y - top) / row_h);
  return index < (int) self->bars->len ? index : -1;
}

static gboolean
tz_bar_chart_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  TzBarChart *self = TZ_BAR_CHART (widget);
  int index = bar_at (self, y);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  text = bar_description (&g_array_index (self->bars, Bar, index));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, TzBarChart *self)
{
  int index = bar_at (self, y);

  if (index >= 0)
    g_signal_emit (self, signals[SIGNAL_BAR_ACTIVATED], 0, (guint) index);
}

static void
tz_bar_chart_finalize (GObject *object)
{
  TzBarChart *self = TZ_BAR_CHART (object);

  g_array_unref (self->bars);
  G_OBJECT_CLASS (tz_bar_chart_parent_class)->finalize (object);
}

static void
tz_bar_chart_class_init (TzBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tz_bar_chart_finalize;
  widget_class->snapshot = tz_bar_chart_snapshot;
  widget_class->measure = tz_bar_chart_measure;
  widget_class->query_tooltip = tz_bar_chart_query_tooltip;

  /**
   * TzBarChart::bar-activated:
   * @index: the bar clicked, in the order added
   */
  signals[SIGNAL_BAR_ACTIVATED] =
      g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tz_bar_chart_init (TzBarChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Completion per unit"), -1);
  update_accessible (self);
}

GtkWidget *
tz_bar_chart_new (void)
{
  return g_object_new (TZ_TYPE_BAR_CHART, NULL);
}

void
tz_bar_chart_clear (TzBarChart *self)
{
  g_return_if_fail (TZ_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
tz_bar_chart_add_bar (TzBarChart *self, const char *label, gint64 value, gint64 target)
{
  Bar bar = { g_strdup (label != NULL ? label : ""), value, target };

  g_return_if_fail (TZ_IS_BAR_CHART (self));

  g_array_append_val (self->bars, bar);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
tz_bar_chart_get_n_bars (TzBarChart *self)
{
  g_return_val_if_fail (TZ_IS_BAR_CHART (self), 0);
  return self->bars->len;
}

gboolean
tz_bar_chart_bar_is_behind (TzBarChart *self, guint index)
{
  g_return_val_if_fail (TZ_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (index < self->bars->len, FALSE);
  return bar_is_behind (&g_array_index (self->bars, Bar, index));
}
