/* tz-overview-page.c — the overview page of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a clerk wants to see first: the notice, where the campaign stands on
 * its timeline, the deadlines with the days left, and who is behind. Every
 * figure comes from the core (tz_campaign_figures and the notice lists); the
 * page only lays them out. "Today" is a property so that tests, and anyone
 * checking what the page will say next week, can fix it.
 */
#define G_LOG_DOMAIN "tz-overview-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "tz-campaign.h"
#include "tz-i18n.h"
#include "tz-overview-page.h"

struct _TzOverviewPage
{
  TzPage parent_instance;

  char *today;       /* the property; NULL: tz_today () */
  char *shown_today; /* the day the page was last computed for */
  GPtrArray *stages; /* TzStage*, drawn on the timeline */
  char *range_start; /* the span the timeline covers */
  char *range_end;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *activities_label;
  GtkLevelBar *activities_bar;
  GtkLabel *activities_units_label;
  GtkLabel *activities_behind_label;
  GtkLabel *entries_label;
  GtkLabel *entries_caption;
  GtkLabel *next_deadline_label;
  GtkLabel *next_deadline_caption;
  GtkWidget *stages_section;
  GtkDrawingArea *timeline;
  GtkListBox *stage_list;
  GtkWidget *deadlines_section;
  GtkListBox *deadline_list;
  GtkWidget *behind_section;
  GtkListBox *behind_list;
  GtkWidget *tracks_section;
  GtkListBox *track_list;
  GtkWidget *recommendations_section;
  GtkListBox *recommendation_list;
  AdwActionRow *issuer_row;
  AdwActionRow *doc_number_row;
  AdwActionRow *issue_date_row;
  AdwActionRow *addressees_row;
  AdwActionRow *period_row;
  AdwActionRow *status_row;
  AdwActionRow *theme_row;
  AdwActionRow *audience_row;
  AdwActionRow *platform_row;
  AdwActionRow *mailbox_row;
  AdwActionRow *forwarded_row;
  AdwExpanderRow *summary_row;
  GtkLabel *summary_label;
  AdwExpanderRow *participation_row;
  GtkLabel *participation_label;
  AdwExpanderRow *requirements_row;
  GtkLabel *requirements_label;
  GtkWidget *contacts_section;
  GtkListBox *contact_list;
};

G_DEFINE_FINAL_TYPE (TzOverviewPage, tz_overview_page, TZ_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every table whose rows the overview shows or counts. */
static const char *const watched_tables[] = {
  "campaign", "campaign_unit", "organizer", "stage", "deadline", "contact",
  "track",    "quota",         "activity",  "entry", "unit",     NULL,
};

/* The timeline's geometry, in pixels. */
#define TIMELINE_MARGIN 12
#define TIMELINE_TOP    28
#define TIMELINE_ROW    34
#define TIMELINE_AXIS   30

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Joins the parts that are not empty with " · ". */
static char *
join_parts (const char *const *parts, guint n_parts)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (is_empty (parts[i]))
        continue;
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, parts[i]);
    }
  return g_string_free (s, FALSE);
}
#define JOIN(...)                                                                                  \
  join_parts ((const char *const[]){ __VA_ARGS__ },                                                \
              G_N_ELEMENTS (((const char *const[]){ __VA_ARGS__ })))

static char *
period_text (const char *start_date, const char *end_date)
{
  g_autofree char *start = tz_format_date (start_date);
  g_autofree char *end = tz_format_date (end_date);

  if (*start != '\0' && *end != '\0')
    /* TRANSLATORS: a period of time, from the first date to the second */
    return g_strdup_printf (_ ("%s – %s"), start, end);
  if (*start != '\0')
    /* TRANSLATORS: a period of time whose end is not known */
    return g_strdup_printf (_ ("from %s"), start);
  if (*end != '\0')
    /* TRANSLATORS: a period of time whose start is not known */
    return g_strdup_printf (_ ("until %s"), end);
  return g_strdup ("");
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row of plain text (no markup: titles come from notices and users). */
static GtkWidget *
text_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (!is_empty (subtitle))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
suffix_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A small bar for a fraction done; Adwaita colours it low, high and full. */
static GtkWidget *
fraction_bar (double fraction, const char *name)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (fraction, 0, 1));
  gtk_widget_set_size_request (bar, 72, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return bar;
}

/* A field of the notice: hidden when the notice leaves it out. */
static void
set_row_value (AdwActionRow *row, const char *value)
{
  const char *text = is_empty (value) ? "" : value;

  adw_action_row_set_subtitle (row, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (row), *text != '\0');
}

/* A long text of the notice behind an expander, its first words as the subtitle. */
static void
set_expander_text (AdwExpanderRow *row, GtkLabel *label, const char *value)
{
  g_autofree char *preview = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (value));
  gtk_label_set_text (label, is_empty (value) ? "" : value);
  if (is_empty (value))
    return;
  if (g_utf8_strlen (value, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (value, 0, 40);

      preview = g_strconcat (head, "…", NULL);
    }
  else
    preview = g_strdup (value);
  /* Previews are one line: the notice's own line breaks would make it several. */
  g_strdelimit (preview, "\n\r", ' ');
  adw_expander_row_set_subtitle (row, preview);
}

static void
tz_overview_page_show_notice (TzOverviewPage *self, const TzCampaign *c)
{
  g_autofree char *issue_date = tz_format_date (c->issue_date);
  g_autofree char *period = period_text (c->start_date, c->end_date);
  g_autofree char *period_full = NULL;
  g_autofree char *subtitle = JOIN (c->issuer, c->doc_number, issue_date);
  g_autofree char *forwarded = JOIN (c->forwarded_by, c->forward_doc_number, c->forward_note);

  gtk_label_set_text (self->title_label, c->title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');

  if (!is_empty (c->period_text) && *period != '\0')
    /* TRANSLATORS: a period by its dates, then as the notice words it */
    period_full = g_strdup_printf (_ ("%s (%s)"), period, c->period_text);
  else
    period_full = g_strdup (*period != '\0' ? period : c->period_text);

  set_row_value (self->issuer_row, c->issuer);
  set_row_value (self->doc_number_row, c->doc_number);
  set_row_value (self->issue_date_row, issue_date);
  set_row_value (self->addressees_row, c->addressees);
  set_row_value (self->period_row, period_full);
  set_row_value (self->status_row, tz_campaign_status_label (c->status));
  set_row_value (self->theme_row, c->theme);
  set_row_value (self->audience_row, c->audience);
  set_row_value (self->platform_row, c->platform);
  set_row_value (self->mailbox_row, c->mailbox);
  set_row_value (self->forwarded_row, forwarded);
  set_expander_text (self->summary_row, self->summary_label, c->summary);
  set_expander_text (self->participation_row, self->participation_label, c->participation);
  set_expander_text (self->requirements_row, self->requirements_label, c->requirements_text);
}

/* ---- the timeline ---- */

static int
days_from (const char *from, const char *to)
{
  int days = 0;

  tz_days_between (from, to, &days);
  return days;
}

static double
timeline_x (TzOverviewPage *self, const char *date, double left, double right)
{
  int total = days_from (self->range_start, self->range_end) + 1;

  return left + (right - left) * (double) days_from (self->range_start, date) / (double) total;
}

static void
lookup_color (GtkWidget *widget, const char *name, const char *fallback, GdkRGBA *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static PangoLayout *
timeline_layout (GtkWidget *widget, const char *text, gboolean bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static int
text_width_of (GtkWidget *widget, const char *text, gboolean bold)
{
  g_autoptr (PangoLayout) layout = timeline_layout (widget, text, bold);
  int w = 0;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* Text starting at @x, centred on @y, at most @width wide (ellipsized; -1: no
 * limit), in @color. */
static void
draw_text (GtkWidget *widget, cairo_t *cr, const char *text, double x, double y, double width,
           const GdkRGBA *color, gboolean bold)
{
  g_autoptr (PangoLayout) layout = timeline_layout (widget, text, bold);
  int h = 0;

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, NULL, &h);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
next_month (int *year, int *month)
{
  if (++*month > 12)
    {
      *month = 1;
      ++*year;
    }
}

static void
draw_month_ticks (TzOverviewPage *self, GtkWidget *widget, cairo_t *cr, double left, double right,
                  double top, double bottom, const GdkRGBA *fg)
{
  GdkRGBA grid = *fg;
  GdkRGBA dim = *fg;
  int y, m, d;
  double px_per_month;
  int step;
  int index = 0;

  if (sscanf (self->range_start, "%d-%d-%d", &y, &m, &d) != 3)
    return;
  px_per_month =
      (right - left) * 30.4 / (double) (days_from (self->range_start, self->range_end) + 1);
  /* Labels need about 48 pixels; fewer months are labelled on a narrow window. */
  step = MAX (1, (int) ceil (48.0 / MAX (px_per_month, 1.0)));
  grid.alpha = 0.12;
  dim.alpha = 0.6;

  if (d != 1)
    next_month (&y, &m);
  for (;; index++)
    {
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-01", y, m);
      g_autoptr (GDateTime) when = NULL;
      g_autofree char *label = NULL;
      double x;

      if (strcmp (iso, self->range_end) > 0)
        break;
      x = timeline_x (self, iso, left, right);
      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, floor (x) + 0.5, top);
      cairo_line_to (cr, floor (x) + 0.5, bottom);
      cairo_stroke (cr);
      if (index % step == 0)
        {
          int w;

          when = g_date_time_new_local (y, m, 1, 0, 0, 0);
          /* The locale names the month: Jul, 7月. */
          label = g_date_time_format (when, "%b");
          w = text_width_of (widget, label, FALSE);
          if (x + w / 2.0 <= right + TIMELINE_MARGIN && x - w / 2.0 >= 0)
            draw_text (widget, cr, label, x - w / 2.0, bottom + TIMELINE_AXIS / 2.0, -1, &dim,
                       FALSE);
        }
      next_month (&y, &m);
    }
}

static void
timeline_draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  TzOverviewPage *self = TZ_OVERVIEW_PAGE (data);
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA fg, accent, accent_fg, error, past;
  double left = TIMELINE_MARGIN;
  double right = width - TIMELINE_MARGIN;
  double rows_bottom;
  const char *today = self->shown_today;

  if (self->stages == NULL || self->range_start == NULL || self->range_end == NULL || right <= left)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  lookup_color (widget, "accent_bg_color", "#3584e4", &accent);
  lookup_color (widget, "accent_fg_color", "#ffffff", &accent_fg);
  lookup_color (widget, "error_color", "#c01c28", &error);
  past = fg;
  past.alpha = 0.15;

  rows_bottom = TIMELINE_TOP + TIMELINE_ROW * (double) self->stages->len;
  draw_month_ticks (self, widget, cr, left, right, TIMELINE_TOP - 4, rows_bottom, &fg);

  for (guint i = 0; i < self->stages->len; i++)
    {
      const TzStage *stage = self->stages->pdata[i];
      double y = TIMELINE_TOP + TIMELINE_ROW * (double) i + 4;
      double h = TIMELINE_ROW - 8;
      double x0, x1, inside, after, before;
      gboolean current, finished;
      GdkRGBA fill, text_color = fg;
      int tw;

      if (stage->start_date == NULL || stage->end_date == NULL)
        {
          g_autofree char *text =
              g_strdup_printf ("%s  %s", stage->name, stage->period_text ? stage->period_text : "");
          GdkRGBA dim = fg;

          dim.alpha = 0.7;
          draw_text (widget, cr, text, left, y + h / 2, right - left, &dim, FALSE);
          continue;
        }

      x0 = timeline_x (self, stage->start_date, left, right);
      x1 = timeline_x (self, stage->end_date, left, right) +
           (right - left) / (double) (days_from (self->range_start, self->range_end) + 1);
      current = today != NULL && strcmp (today, stage->start_date) >= 0 &&
                strcmp (today, stage->end_date) <= 0;
      finished = today != NULL && strcmp (today, stage->end_date) > 0;

      fill = accent;
      fill.alpha = current ? 1.0 : 0.35;
      if (finished)
        fill = past;
      gdk_cairo_set_source_rgba (cr, &fill);
      rounded_rect (cr, x0, y, MAX (x1 - x0, 4), h, 6);
      cairo_fill (cr);

      /* The name goes where it has most room: in the bar, after it or before it. */
      tw = text_width_of (widget, stage->name, current);
      inside = x1 - x0 - 12;
      after = right - x1 - 6;
      before = x0 - left - 6;
      if (inside >= tw || (inside >= after && inside >= before))
        {
          if (current)
            text_color = accent_fg;
          draw_text (widget, cr, stage->name, x0 + 6, y + h / 2, inside, &text_color, current);
        }
      else if (after >= before)
        draw_text (widget, cr, stage->name, x1 + 6, y + h / 2, after, &text_color, current);
      else
        {
          double w = MIN (before, tw);

          draw_text (widget, cr, stage->name, x0 - 6 - w, y + h / 2, w, &text_color, current);
        }
    }

  /* Today: a line across the stages, or a note at the edge when outside them. */
  if (today != NULL)
    {
      g_autofree char *date = tz_format_date (today);
      g_autofree char *label = NULL;
      double day = (right - left) / (double) (days_from (self->range_start, self->range_end) + 1);
      double x;
      int tw;

      if (strcmp (today, self->range_start) < 0)
        {
          /* TRANSLATORS: on the timeline, before the campaign starts; %s is a date */
          label = g_strdup_printf (_ ("← Today, %s"), date);
          x = left;
        }
      else if (strcmp (today, self->range_end) > 0)
        {
          /* TRANSLATORS: on the timeline, after the campaign has ended; %s is a date */
          label = g_strdup_printf (_ ("Today, %s →"), date);
          x = right;
        }
      else
        {
          /* TRANSLATORS: the marker of today's date on the timeline */
          label = g_strdup (_ ("Today"));
          x = timeline_x (self, today, left, right) + day / 2;
        }

      gdk_cairo_set_source_rgba (cr, &error);
      cairo_set_line_width (cr, 2);
      if (x == left || x == right)
        {
          static const double dash[] = { 4, 3 };

          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        }
      cairo_move_to (cr, x, TIMELINE_TOP - 6);
      cairo_line_to (cr, x, rows_bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      tw = text_width_of (widget, label, TRUE);
      draw_text (widget, cr, label, CLAMP (x - tw / 2.0, 4, MAX (4, width - tw - 4)),
                 TIMELINE_TOP / 2.0, -1, &error, TRUE);
    }
}

/* The span the timeline covers: the campaign's period and every dated stage. */
static void
tz_overview_page_set_range (TzOverviewPage *self, const TzCampaign *c, GPtrArray *stages)
{
  const char *start = c->start_date;
  const char *end = c->end_date;

  for (guint i = 0; i < stages->len; i++)
    {
      const TzStage *s = stages->pdata[i];

      if (s->start_date != NULL && (start == NULL || strcmp (s->start_date, start) < 0))
        start = s->start_date;
      if (s->end_date != NULL && (end == NULL || strcmp (s->end_date, end) > 0))
        end = s->end_date;
    }
  g_free (self->range_start);
  g_free (self->range_end);
  self->range_start = g_strdup (start);
  self->range_end = g_strdup (end);
  if (start != NULL && end != NULL && strcmp (start, end) > 0)
    g_clear_pointer (&self->range_start, g_free);
}

static void
tz_overview_page_show_stages (TzOverviewPage *self, const TzCampaign *c, GPtrArray *stages)
{
  g_autoptr (GString) description = g_string_new (NULL);
  g_autofree char *today = tz_format_date (self->shown_today);
  gboolean drawable;

  tz_overview_page_set_range (self, c, stages);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  self->stages = g_ptr_array_ref (stages);

  clear_list (self->stage_list);
  for (guint i = 0; i < stages->len; i++)
    {
      const TzStage *s = stages->pdata[i];
      g_autofree char *dates = period_text (s->start_date, s->end_date);
      g_autofree char *subtitle = JOIN (dates, s->period_text);
      GtkWidget *row;

      if (!is_empty (s->description))
        {
          GtkWidget *label = gtk_label_new (s->description);

          row = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->name);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_set_margin_top (label, 12);
          gtk_widget_set_margin_bottom (label, 12);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
        }
      else
        row = text_row (s->name, subtitle);
      gtk_list_box_append (self->stage_list, row);

      if (description->len > 0)
        g_string_append (description, "; ");
      g_string_append_printf (description, "%s: %s", s->name, subtitle);
    }
  gtk_widget_set_visible (self->stages_section, stages->len > 0);

  drawable = self->range_start != NULL && self->range_end != NULL && stages->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->timeline), drawable);
  if (drawable)
    {
      gtk_drawing_area_set_content_height (self->timeline, TIMELINE_TOP + TIMELINE_AXIS +
                                                               TIMELINE_ROW * (int) stages->len);
      if (*today != '\0')
        {
          g_string_append (description, ". ");
          /* TRANSLATORS: the end of the timeline's description for screen readers */
          g_string_append_printf (description, _ ("Today is %s."), today);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
      gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
    }
}

/* ---- deadlines ---- */

static void
tz_overview_page_show_deadlines (TzOverviewPage *self, GPtrArray *deadlines)
{
  const TzDeadline *next = NULL;
  int next_days = 0;

  clear_list (self->deadline_list);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const TzDeadline *d = deadlines->pdata[i];
      g_autofree char *due = tz_format_date (d->due_date);
      g_autofree char *when = !is_empty (d->period_text)
                                  ? g_strdup_printf (_ ("%s (%s)"), due, d->period_text)
                                  : g_strdup (due);
      g_autofree char *subtitle = JOIN (when, d->track_name, d->deliverable, d->mailbox);
      int days = 0;
      g_autofree char *left = tz_deadline_describe (d->due_date, self->shown_today, &days);
      GtkWidget *row = text_row (d->title, subtitle);
      GtkWidget *label;

      label = suffix_label (left != NULL ? left : "", NULL);
      gtk_widget_add_css_class (label, "tz-days-left");
      if (days < 0)
        gtk_widget_add_css_class (label, "error");
      else if (days <= TZ_CAMPAIGN_WARN_DAYS)
        gtk_widget_add_css_class (label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if (left != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        left, -1);
      gtk_list_box_append (self->deadline_list, row);

      /* The next one still ahead; failing that, the last one passed (they come by date). */
      if (left != NULL && (next == NULL || next_days < 0))
        {
          next = d;
          next_days = days;
        }
    }
  gtk_widget_set_visible (self->deadlines_section, deadlines->len > 0);

  gtk_widget_remove_css_class (GTK_WIDGET (self->next_deadline_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->next_deadline_label), "warning");
  if (next != NULL)
    {
      g_autofree char *left = tz_deadline_describe (next->due_date, self->shown_today, NULL);
      g_autofree char *due = tz_format_date (next->due_date);
      g_autofree char *caption = JOIN (next->title, due);

      gtk_label_set_text (self->next_deadline_label, left);
      gtk_label_set_text (self->next_deadline_caption, caption);
      if (next_days < 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->next_deadline_label), "error");
      else if (next_days <= TZ_CAMPAIGN_WARN_DAYS)
        gtk_widget_add_css_class (GTK_WIDGET (self->next_deadline_label), "warning");
    }
  else
    {
      /* TRANSLATORS: the "Next deadline" figure when the notice sets none */
      gtk_label_set_text (self->next_deadline_label, C_ ("deadline", "None"));
      gtk_label_set_text (self->next_deadline_caption, _ ("The notice sets no deadlines."));
    }
}

/* ---- progress ---- */

static void
tz_overview_page_show_activities (TzOverviewPage *self, const TzCampaignFigures *f)
{
  guint n_units = f->activity_units->len;
  GtkWidget *behind = GTK_WIDGET (self->activities_behind_label);

  gtk_widget_remove_css_class (behind, "warning");
  gtk_widget_remove_css_class (behind, "success");

  if (f->activities_target > 0)
    {
      g_autofree char *text =
          /* TRANSLATORS: activities held against the target, e.g. "37 of 120" */
          g_strdup_printf (_ ("%" PRId64 " of %" PRId64), f->activities_held, f->activities_target);
      g_autofree char *units = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u unit has a target", "%u units have a target", n_units),
          n_units);

      gtk_label_set_text (self->activities_label, text);
      gtk_level_bar_set_value (
          self->activities_bar,
          CLAMP ((double) f->activities_held / (double) f->activities_target, 0, 1));
      gtk_widget_set_visible (GTK_WIDGET (self->activities_bar), TRUE);
      gtk_label_set_text (self->activities_units_label, units);
      gtk_widget_set_visible (behind, TRUE);
      if (f->elapsed < 0)
        gtk_label_set_text (self->activities_behind_label,
                            _ ("The campaign has no dates to measure progress against."));
      else if (f->units_behind > 0)
        {
          g_autofree char *t =
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit is behind schedule",
                                            "%u units are behind schedule", f->units_behind),
                               f->units_behind);

          gtk_label_set_text (self->activities_behind_label, t);
          gtk_widget_add_css_class (behind, "warning");
        }
      else
        {
          gtk_label_set_text (self->activities_behind_label, _ ("Every unit is on schedule"));
          gtk_widget_add_css_class (behind, "success");
        }
    }
  else
    {
      g_autofree char *text =
          /* TRANSLATORS: the number of offline activities held when no unit has a target */
          g_strdup_printf (_ ("%" PRId64 " held"), f->activities_held);

      gtk_label_set_text (self->activities_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->activities_bar), FALSE);
      gtk_label_set_text (self->activities_units_label,
                          _ ("No unit has a target for offline activities. Set targets on the "
                             "Quotas page."));
      gtk_widget_set_visible (behind, FALSE);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->activities_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->activities_label), -1);

  clear_list (self->behind_list);
  for (guint i = 0; i < f->activity_units->len; i++)
    {
      const TzUnitProgress *p = f->activity_units->pdata[i];
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!p->behind)
        continue;
      subtitle = g_strdup_printf (
          /* TRANSLATORS: a unit behind schedule: held, target, and what was due by today */
          _ ("%" PRId64 " of %" PRId64 " held · %" PRId64 " expected by today"), p->quota->held,
          p->quota->min_count, p->expected);
      row = text_row (p->quota->unit_name, subtitle);
      gtk_widget_add_css_class (row, "tz-behind");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 fraction_bar (tz_quota_row_progress (p->quota), subtitle));
      gtk_list_box_append (self->behind_list, row);
    }
  gtk_widget_set_visible (self->behind_section, f->units_behind > 0);
}

static char *
status_breakdown (const TzTrackFigures *t)
{
  const char *const *statuses = tz_campaign_entry_statuses ();
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < TZ_CAMPAIGN_N_ENTRY_STATUSES; k++)
    {
      if (t->by_status[k] == 0)
        continue;
      if (s->len > 0)
        g_string_append (s, " · ");
      /* TRANSLATORS: an entry status and how many entries have it, e.g. "Submitted 5" */
      g_string_append_printf (s, _ ("%s %" PRId64), tz_campaign_entry_status_label (statuses[k]),
                              t->by_status[k]);
    }
  if (s->len == 0)
    g_string_append (s, _ ("No entries yet"));
  return g_string_free (s, FALSE);
}

static char *
track_subtitle (const TzTrack *track)
{
  g_autofree char *ranking = NULL;

  if (track == NULL)
    return g_strdup ("");
  if (!is_empty (track->metric) && g_strcmp0 (track->ranking_method, "expert") != 0)
    /* TRANSLATORS: how a track ranks its entries; %s is a metric such as 浏览量 */
    ranking = g_strdup_printf (_ ("ranked by %s"), track->metric);
  else
    ranking = g_strdup (tz_track_ranking_label (track->ranking_method));
  return JOIN (tz_track_entrant_kind_label (track->entrant_kind), ranking);
}

static void
tz_overview_page_show_tracks (TzOverviewPage *self, const TzCampaignFigures *f, GPtrArray *tracks)
{
  gint64 total = 0;
  gint64 awarded = 0;

  clear_list (self->track_list);
  for (guint i = 0; i < f->tracks->len; i++)
    {
      const TzTrackFigures *t = f->tracks->pdata[i];
      const TzTrack *track = NULL;
      g_autofree char *breakdown = status_breakdown (t);
      g_autofree char *about = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *count = g_strdup_printf ("%" PRId64, t->total);
      GtkWidget *row;

      for (guint k = 0; k < tracks->len; k++)
        if (((TzTrack *) tracks->pdata[k])->id == t->track_id)
          track = tracks->pdata[k];
      about = track_subtitle (track);
      subtitle = g_strdup_printf ("%s\n%s", about, breakdown);
      row = text_row (!is_empty (t->short_name) ? t->short_name : t->name, subtitle);
      gtk_widget_set_tooltip_text (row, t->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix_label (count, "title-4"));
      gtk_list_box_append (self->track_list, row);
      total += t->total;
      awarded += t->by_status[4];
    }
  gtk_widget_set_visible (self->tracks_section, f->tracks->len > 0);

  {
    g_autofree char *text = g_strdup_printf ("%" PRId64, total);
    g_autofree char *in_tracks = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "in %u track", "in %u tracks", f->tracks->len),
        f->tracks->len);
    g_autofree char *awarded_text =
        awarded > 0 ? g_strdup_printf (_ ("%" PRId64 " awarded"), awarded) : NULL;
    g_autofree char *caption = f->tracks->len > 0
                                   ? JOIN (in_tracks, awarded_text)
                                   : g_strdup (_ ("The campaign has no tracks yet."));

    gtk_label_set_text (self->entries_label, text);
    gtk_label_set_text (self->entries_caption, caption);
  }
}

static void
tz_overview_page_show_recommendations (TzOverviewPage *self, const TzCampaignFigures *f)
{
  clear_list (self->recommendation_list);
  for (guint i = 0; i < f->recommendations->len; i++)
    {
      const TzUnitProgress *p = f->recommendations->pdata[i];
      const TzQuotaRow *q = p->quota;
      g_autofree char *due_date = tz_format_date (p->due_date);
      /* TRANSLATORS: the deadline of a unit's recommendations; %s is a date */
      g_autofree char *due = p->due_date != NULL ? g_strdup_printf (_ ("due %s"), due_date) : NULL;
      g_autofree char *subtitle = JOIN (q->track_name, due);
      g_autofree char *count = NULL;
      GtkWidget *row = text_row (q->unit_name, subtitle);
      GtkWidget *label;

      if (q->max_count > q->min_count)
        /* TRANSLATORS: recommended so far against a quota range, e.g. "1 of 1–2" */
        count = g_strdup_printf (_ ("%" PRId64 " of %" PRId64 "–%" PRId64), q->held, q->min_count,
                                 q->max_count);
      else
        /* TRANSLATORS: recommended so far against the quota, e.g. "1 of 2" */
        count = g_strdup_printf (_ ("%" PRId64 " of %" PRId64), q->held, q->min_count);
      label = suffix_label (count, p->behind ? "error" : NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 fraction_bar (tz_quota_row_progress (q), count));
      if (p->behind)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_tooltip_text (icon, _ ("Behind: the deadline is near or past"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          gtk_widget_add_css_class (row, "tz-behind");
        }
      gtk_list_box_append (self->recommendation_list, row);
    }
  gtk_widget_set_visible (self->recommendations_section, f->recommendations->len > 0);
}

static void
tz_overview_page_show_contacts (TzOverviewPage *self, GPtrArray *organizers, GPtrArray *contacts)
{
  clear_list (self->contact_list);
  for (guint i = 0; i < organizers->len; i++)
    {
      const TzOrganizer *o = organizers->pdata[i];

      gtk_list_box_append (self->contact_list, text_row (o->name, o->role));
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      const TzContact *c = contacts->pdata[i];
      g_autofree char *where = JOIN (c->organization, c->department);
      g_autofree char *reach = JOIN (c->phone, c->email, c->note);
      g_autofree char *subtitle = JOIN (is_empty (c->name) ? NULL : where, reach);

      gtk_list_box_append (self->contact_list,
                           text_row (!is_empty (c->name) ? c->name : where, subtitle));
    }
  gtk_widget_set_visible (self->contacts_section, organizers->len + contacts->len > 0);
}

static void
tz_overview_page_reload (TzPage *page)
{
  TzOverviewPage *self = TZ_OVERVIEW_PAGE (page);
  TzDb *db = tz_page_get_db (page);
  gint64 id = tz_page_get_campaign_id (page);
  g_autoptr (GError) error = NULL;
  g_autoptr (TzCampaign) campaign = NULL;
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GPtrArray) contacts = NULL;
  g_autoptr (GPtrArray) organizers = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (TzCampaignFigures) figures = NULL;

  g_free (self->shown_today);
  self->shown_today = self->today != NULL ? g_strdup (self->today) : tz_today ();

  if (db == NULL || id <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  campaign = tz_campaign_get (db, id, &error);
  if (campaign == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      /* A campaign deleted a moment ago is no failure: the window moves on. */
      if (!g_error_matches (error, TZ_ERROR, TZ_ERROR_NOT_FOUND))
        tz_page_show_error (page, _ ("Could Not Show the Campaign"), error);
      return;
    }
  if ((stages = tz_campaign_list_stages (db, id, &error)) == NULL ||
      (deadlines = tz_campaign_list_deadlines (db, id, &error)) == NULL ||
      (contacts = tz_campaign_list_contacts (db, id, &error)) == NULL ||
      (organizers = tz_campaign_list_organizers (db, id, &error)) == NULL ||
      (tracks = tz_campaign_list_tracks (db, id, &error)) == NULL ||
      (figures = tz_campaign_figures (db, id, self->shown_today, &error)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tz_page_show_error (page, _ ("Could Not Show the Campaign"), error);
      return;
    }

  tz_overview_page_show_notice (self, campaign);
  tz_overview_page_show_stages (self, campaign, stages);
  tz_overview_page_show_deadlines (self, deadlines);
  tz_overview_page_show_activities (self, figures);
  tz_overview_page_show_tracks (self, figures, tracks);
  tz_overview_page_show_recommendations (self, figures);
  tz_overview_page_show_contacts (self, organizers, contacts);
  gtk_stack_set_visible_child_name (self->stack, "campaign");
}

static void
tz_overview_page_finalize (GObject *object)
{
  TzOverviewPage *self = TZ_OVERVIEW_PAGE (object);

  g_free (self->today);
  g_free (self->shown_today);
  g_free (self->range_start);
  g_free (self->range_end);
  g_clear_pointer (&self->stages, g_ptr_array_unref);

  G_OBJECT_CLASS (tz_overview_page_parent_class)->finalize (object);
}

static void
tz_overview_page_dispose (GObject *object)
{
  /* The bin lets go of its child first: disposing the template would unparent
   * the stack behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TZ_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (tz_overview_page_parent_class)->dispose (object);
}

static void
tz_overview_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TzOverviewPage *self = TZ_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
      case PROP_TODAY:
        g_value_set_string (value, self->today);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_overview_page_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  TzOverviewPage *self = TZ_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
      case PROP_TODAY:
        tz_overview_page_set_today (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tz_overview_page_class_init (TzOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TzPageClass *page_class = TZ_PAGE_CLASS (klass);

  object_class->finalize = tz_overview_page_finalize;
  object_class->dispose = tz_overview_page_dispose;
  object_class->get_property = tz_overview_page_get_property;
  object_class->set_property = tz_overview_page_set_property;

  page_class->reload = tz_overview_page_reload;
  page_class->watched_tables = watched_tables;

  /**
   * TzOverviewPage:today: (nullable)
   *
   * The day the deadlines and the schedule are counted from, YYYY-MM-DD;
   * %NULL for the real today (or TAIZHANG_TODAY, see tz_today()).
   */
  properties[PROP_TODAY] =
      g_param_spec_string ("today", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/taizhang/Taizhang/tz-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, activities_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, activities_bar);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, activities_units_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, activities_behind_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, entries_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, entries_caption);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, next_deadline_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, next_deadline_caption);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, stages_section);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, stage_list);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, deadlines_section);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, deadline_list);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, behind_section);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, behind_list);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, tracks_section);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, track_list);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, recommendations_section);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, recommendation_list);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, doc_number_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, issue_date_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, addressees_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, theme_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, audience_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, platform_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, mailbox_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, forwarded_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, summary_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, participation_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, participation_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, requirements_row);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, requirements_label);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, contacts_section);
  gtk_widget_class_bind_template_child (widget_class, TzOverviewPage, contact_list);
}

static void
tz_overview_page_init (TzOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->timeline, timeline_draw_cb, self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
tz_overview_page_new (void)
{
  return g_object_new (TZ_TYPE_OVERVIEW_PAGE, NULL);
}

const char *
tz_overview_page_get_today (TzOverviewPage *self)
{
  g_return_val_if_fail (TZ_IS_OVERVIEW_PAGE (self), NULL);
  return self->today;
}

void
tz_overview_page_set_today (TzOverviewPage *self, const char *today)
{
  g_return_if_fail (TZ_IS_OVERVIEW_PAGE (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  tz_page_queue_reload (TZ_PAGE (self));
}
