/* tz-report-summary.c — 活动总结: the campaign's figures with charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GB/T 9704 portrait document: the title “<theme>活动总结”, the notice's
 * data, the figures as of today in words, three charts drawn with cairo
 * straight into the PDF (so that they stay vectors and print sharp), and the
 * tables of units. The words of the document are Chinese whatever the
 * language of the interface: it goes into the campaign's paperwork.
 */
#define G_LOG_DOMAIN "tz-report"

#include "config.h"

#include <inttypes.h>

#include "tz-campaign.h"
#include "tz-report-bundle.h"

#define CHART_PT  TZ_PT_WUHAO
#define CHART_MIN 6.0

/* On track, behind, and the 100 % line. */
static const double ok_rgb[3] = { 0.20, 0.45, 0.75 };
static const double warn_rgb[3] = { 0.88, 0.33, 0.10 };
static const double line_rgb[3] = { 0.75, 0.05, 0.05 };

static char *
percent (gint64 held, gint64 target)
{
  if (target <= 0)
    return g_strdup ("");
  return g_strdup_printf ("%.0f%%", 100.0 * (double) held / (double) target);
}

static void
ink (cairo_t *cr, const double rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* Makes room for a block of @height points: a new page when it does not fit. */
static void
need (TzPdf *pdf, double height)
{
  if (tz_pdf_space_left (pdf) < height)
    tz_pdf_new_page (pdf);
}

/* The caption stays on the page of its chart: room for both, @height the chart's. */
static void
chart_caption (TzPdf *pdf, const char *text, double height)
{
  need (pdf, MIN (3 * TZ_PT_SIHAO + height, tz_pdf_block_height (pdf)));
  tz_pdf_paragraph (pdf, TZ_FONT_HEADING, TZ_PT_SIHAO, TZ_ALIGN_CENTER, text);
}

static void
no_data (TzPdf *pdf)
{
  tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_XIAOSI, TZ_ALIGN_CENTER, "（暂无数据）");
}

/* 图1: one horizontal bar per unit, held / target, with the 100 % line; the
 * units behind drawn in the warning colour. Bars beyond twice the target are
 * cut at the edge, their figure says the rest. */
static void
chart_units (TzPdf *pdf, GPtrArray *units)
{
  cairo_t *cr = tz_pdf_get_cairo (pdf);
  double left = tz_pdf_block_left (pdf);
  double width = tz_pdf_block_width (pdf);
  double row = 6.5 * TZ_MM;
  double label_w = 0.30 * width;
  double value_w = 0.14 * width;
  double bar_x = left + label_w + 2 * TZ_MM;
  double bar_w = width - label_w - value_w - 4 * TZ_MM;
  double max = 1.0;
  double y, x100;

  chart_caption (pdf, "图1　各单位线下活动完成情况",
                 units != NULL ? units->len * row + 8 * TZ_MM : 0);
  if (units == NULL || units->len == 0)
    {
      no_data (pdf);
      return;
    }
  for (guint i = 0; i < units->len; i++)
    max = MAX (max, tz_quota_row_progress (((TzUnitProgress *) units->pdata[i])->quota));
  max = MIN (max, 2.0);
  x100 = bar_x + bar_w / max;

  /* A chart split over two pages would lose its 100 % line: keep it whole
   * when it fits on a page at all. */
  need (pdf, MIN (units->len * row + 8 * TZ_MM, tz_pdf_block_height (pdf)));
  y = tz_pdf_get_y (pdf);
  for (guint i = 0; i < units->len; i++)
    {
      TzUnitProgress *p = units->pdata[i];
      double progress = MIN (tz_quota_row_progress (p->quota), max);
      g_autofree char *pct = percent (p->quota->held, p->quota->min_count);
      g_autofree char *value =
          g_strdup_printf ("%" PRId64 "/%" PRId64 " %s", p->quota->held, p->quota->min_count, pct);

      if (y + row > tz_pdf_block_top (pdf) + tz_pdf_block_height (pdf))
        {
          tz_pdf_new_page (pdf);
          y = tz_pdf_get_y (pdf);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, CHART_PT, CHART_MIN, TZ_ALIGN_END, left, y, label_w,
                          row, p->quota->unit_name);
      ink (cr, p->behind ? warn_rgb : ok_rgb);
      /* A unit behind with nothing held still shows a sliver of the warning colour. */
      cairo_rectangle (cr, bar_x, y + 1.25 * TZ_MM,
                       MAX (bar_w * progress / max, p->behind ? 1.5 : 0.0), row - 2.5 * TZ_MM);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, CHART_PT, CHART_MIN, TZ_ALIGN_START,
                          bar_x + bar_w + 2 * TZ_MM, y, value_w, row, value);
      y += row;
    }
  /* The target line over the bars, and the axis. */
  cairo_save (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, bar_x, tz_pdf_get_y (pdf));
  cairo_line_to (cr, bar_x, y);
  cairo_stroke (cr);
  ink (cr, line_rgb);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, (double[]){ 3.0, 2.0 }, 2, 0);
  cairo_move_to (cr, x100, tz_pdf_get_y (pdf));
  cairo_line_to (cr, x100, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  tz_pdf_text_in_box (pdf, TZ_FONT_BODY, CHART_PT, CHART_MIN, TZ_ALIGN_CENTER, x100 - 15 * TZ_MM, y,
                      30 * TZ_MM, 5 * TZ_MM, "100%");
  tz_pdf_set_y (pdf, y + 8 * TZ_MM);
}

/* 图2: one vertical bar per track, the entries it holds (withdrawn ones left out). */
static void
chart_tracks (TzPdf *pdf, GPtrArray *tracks)
{
  cairo_t *cr = tz_pdf_get_cairo (pdf);
  double left = tz_pdf_block_left (pdf);
  double width = tz_pdf_block_width (pdf);
  double plot_h = 45 * TZ_MM;
  double label_h = 14 * TZ_MM;
  double value_h = 5 * TZ_MM;
  gint64 max = 1;
  double slot, y0, base;

  chart_caption (pdf, "图2　各赛道报名（推荐）数量", value_h + plot_h + label_h + 6 * TZ_MM);
  if (tracks == NULL || tracks->len == 0)
    {
      no_data (pdf);
      return;
    }
  need (pdf, value_h + plot_h + label_h + 6 * TZ_MM);
  for (guint i = 0; i < tracks->len; i++)
    max = MAX (max, ((TzTrackFigures *) tracks->pdata[i])->total);
  slot = width / tracks->len;
  y0 = tz_pdf_get_y (pdf);
  base = y0 + value_h + plot_h;
  for (guint i = 0; i < tracks->len; i++)
    {
      TzTrackFigures *t = tracks->pdata[i];
      double h = plot_h * (double) t->total / (double) max;
      double bw = MIN (slot * 0.5, 20 * TZ_MM);
      double x = left + slot * i + (slot - bw) / 2;
      g_autofree char *value = g_strdup_printf ("%" PRId64, t->total);
      const char *name = t->short_name != NULL && *t->short_name ? t->short_name : t->name;

      ink (cr, ok_rgb);
      cairo_rectangle (cr, x, base - h, bw, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, CHART_PT, CHART_MIN, TZ_ALIGN_CENTER, left + slot * i,
                          base - h - value_h, slot, value_h, value);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, CHART_PT, CHART_MIN, TZ_ALIGN_CENTER,
                          left + slot * i + 1 * TZ_MM, base + 1 * TZ_MM, slot - 2 * TZ_MM,
                          label_h - 1 * TZ_MM, name);
    }
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, left, base);
  cairo_line_to (cr, left + width, base);
  cairo_stroke (cr);
  tz_pdf_set_y (pdf, base + label_h + 6 * TZ_MM);
}

/* 图3: the stages on a line, placed by their dates when every stage has
 * them, else side by side in the notice's order (the notice gave words). */
static void
chart_stages (TzPdf *pdf, GPtrArray *stages)
{
  cairo_t *cr = tz_pdf_get_cairo (pdf);
  double left = tz_pdf_block_left (pdf);
  double width = tz_pdf_block_width (pdf);
  double bar_h = 7 * TZ_MM;
  double label_h = 20 * TZ_MM;
  gboolean dated = stages != NULL && stages->len > 0;
  const char *first = NULL, *last = NULL;
  int span = 0;
  double y;

  chart_caption (pdf, "图3　活动阶段安排", bar_h + label_h + 6 * TZ_MM);
  if (stages == NULL || stages->len == 0)
    {
      no_data (pdf);
      return;
    }
  for (guint i = 0; i < stages->len; i++)
    {
      TzStage *s = stages->pdata[i];
      if (s->start_date == NULL || s->end_date == NULL)
        dated = FALSE;
      else
        {
          if (first == NULL || g_strcmp0 (s->start_date, first) < 0)
            first = s->start_date;
          if (last == NULL || g_strcmp0 (s->end_date, last) > 0)
            last = s->end_date;
        }
    }
  if (dated && (!tz_days_between (first, last, &span) || span <= 0))
    dated = FALSE;

  need (pdf, bar_h + label_h + 6 * TZ_MM);
  y = tz_pdf_get_y (pdf);
  for (guint i = 0; i < stages->len; i++)
    {
      TzStage *s = stages->pdata[i];
      double x0 = left + width * i / stages->len;
      double x1 = left + width * (i + 1) / stages->len;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *when = NULL;
      g_autofree char *text = NULL;
      int a = 0, b = 0;

      if (dated && tz_days_between (first, s->start_date, &a) &&
          tz_days_between (first, s->end_date, &b))
        {
          x0 = left + width * a / (span + 1);
          x1 = left + width * (b + 1) / (span + 1);
        }
      if (s->period_text != NULL && *s->period_text)
        when = g_strdup (s->period_text);
      else if (s->start_date != NULL)
        {
          start = tz_report_date (s->start_date);
          end = tz_report_date (s->end_date);
          when = g_strdup_printf ("%s至%s", start, s->end_date != NULL ? end : "");
        }
      text = g_strdup_printf ("%s\n%s", s->name != NULL ? s->name : "", when != NULL ? when : "");
      cairo_set_source_rgb (cr, i % 2 ? 0.45 : 0.20, i % 2 ? 0.62 : 0.45, i % 2 ? 0.85 : 0.75);
      cairo_rectangle (cr, x0, y, MAX (x1 - x0 - 0.5 * TZ_MM, 1.0), bar_h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      {
        g_autofree char *number = g_strdup_printf ("%u", i + 1);
        tz_pdf_text_in_box (pdf, TZ_FONT_HEADING, CHART_PT, CHART_MIN, TZ_ALIGN_CENTER, x0, y,
                            MAX (x1 - x0, 1.0), bar_h, number);
      }
      cairo_set_source_rgb (cr, 0, 0, 0);
      /* The labels go side by side whatever the dates, so that short stages
       * do not write over each other. */
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, CHART_PT, CHART_MIN, TZ_ALIGN_CENTER,
                          left + width * i / stages->len + 1 * TZ_MM, y + bar_h + 1 * TZ_MM,
                          width / stages->len - 2 * TZ_MM, label_h, text);
    }
  tz_pdf_set_y (pdf, y + bar_h + label_h + 6 * TZ_MM);
}

static void
unit_table (TzPdf *pdf, GPtrArray *units)
{
  static const double widths[] = { 0.10, 0.45, 0.15, 0.15, 0.15 };
  static const TzAlign aligns[] = { TZ_ALIGN_CENTER, TZ_ALIGN_CENTER, TZ_ALIGN_CENTER,
                                    TZ_ALIGN_CENTER, TZ_ALIGN_CENTER };
  const char *header[] = { "序号", "单位", "目标", "已开展", "完成率" };
  g_autoptr (TzPdfTable) table = tz_pdf_table_new (5, widths, aligns);
  gint64 target = 0, held = 0;

  tz_pdf_table_set_font_size (table, TZ_PT_XIAOSI);
  tz_pdf_table_add_row (table, TRUE, header);
  for (guint i = 0; i < units->len; i++)
    {
      TzQuotaRow *q = ((TzUnitProgress *) units->pdata[i])->quota;
      g_autofree char *seq = g_strdup_printf ("%u", i + 1);
      g_autofree char *t = tz_quota_format_target (q->min_count, q->max_count);
      g_autofree char *h = g_strdup_printf ("%" PRId64, q->held);
      g_autofree char *pct = percent (q->held, q->min_count);
      const char *cells[] = { seq, q->unit_name, t, h, pct };

      tz_pdf_table_add_row (table, FALSE, cells);
      target += q->min_count;
      held += q->held;
    }
  {
    g_autofree char *t = g_strdup_printf ("%" PRId64, target);
    g_autofree char *h = g_strdup_printf ("%" PRId64, held);
    g_autofree char *pct = percent (held, target);
    const char *cells[] = { "", "合计", t, h, pct };
    tz_pdf_table_add_row (table, FALSE, cells);
  }
  tz_pdf_draw_table (pdf, table);
}

static void
recommendation_table (TzPdf *pdf, GPtrArray *rows)
{
  static const double widths[] = { 0.10, 0.32, 0.32, 0.13, 0.13 };
  static const TzAlign aligns[] = { TZ_ALIGN_CENTER, TZ_ALIGN_CENTER, TZ_ALIGN_CENTER,
                                    TZ_ALIGN_CENTER, TZ_ALIGN_CENTER };
  const char *header[] = { "序号", "单位", "赛道", "名额", "已推荐" };
  g_autoptr (TzPdfTable) table = tz_pdf_table_new (5, widths, aligns);

  tz_pdf_table_set_font_size (table, TZ_PT_XIAOSI);
  tz_pdf_table_add_row (table, TRUE, header);
  for (guint i = 0; i < rows->len; i++)
    {
      TzQuotaRow *q = ((TzUnitProgress *) rows->pdata[i])->quota;
      g_autofree char *seq = g_strdup_printf ("%u", i + 1);
      g_autofree char *t = tz_quota_format_target (q->min_count, q->max_count);
      g_autofree char *h = g_strdup_printf ("%" PRId64, q->held);
      const char *cells[] = { seq, q->unit_name, q->track_name != NULL ? q->track_name : "全部赛道",
                              t, h };
      tz_pdf_table_add_row (table, FALSE, cells);
    }
  tz_pdf_draw_table (pdf, table);
}

static void
heading (TzPdf *pdf, const char *text)
{
  need (pdf, 3 * TZ_PT_SANHAO);
  tz_pdf_paragraph (pdf, TZ_FONT_HEADING, TZ_PT_SANHAO, TZ_ALIGN_START, text);
}

static void
notice_data (TzPdf *pdf, const TzCampaign *c)
{
  g_autofree char *start = tz_report_date (c->start_date);
  g_autofree char *end = tz_report_date (c->end_date);
  g_autofree char *period = NULL;
  g_autofree char *issued = c->issue_date != NULL ? tz_report_date (c->issue_date) : g_strdup ("");
  const char *labels[] = { "通知名称：", "发文单位：", "文　　号：", "印发日期：", "活动时间：" };
  const char *values[5];

  if (c->period_text != NULL && *c->period_text)
    period = g_strdup (c->period_text);
  else if (c->start_date != NULL || c->end_date != NULL)
    period = g_strdup_printf ("%s至%s", c->start_date != NULL ? start : "",
                              c->end_date != NULL ? end : "");
  values[0] = c->title;
  values[1] = c->issuer;
  values[2] = c->doc_number;
  values[3] = issued;
  values[4] = period;
  heading (pdf, "一、通知情况");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *line = g_strconcat (labels[i], values[i] != NULL ? values[i] : "", NULL);
      tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_START, line);
    }
}

static void
figures_text (TzPdf *pdf, const TzCampaignFigures *f)
{
  g_autofree char *today = tz_report_date (f->today);
  g_autofree char *pct = percent (f->activities_held, f->activities_target);
  g_autoptr (GString) s = g_string_new (NULL);

  heading (pdf, "二、总体完成情况");
  g_string_append_printf (s, "　　截至%s，各单位共开展线下活动%" PRId64 "场", today,
                          f->activities_held);
  if (f->activities_target > 0)
    g_string_append_printf (s, "，任务数%" PRId64 "场，完成率%s", f->activities_target, pct);
  if (f->units_behind > 0)
    g_string_append_printf (s, "；%u个单位进度滞后", f->units_behind);
  g_string_append (s, "。");
  if (f->tracks != NULL && f->tracks->len > 0)
    {
      g_string_append (s, "各赛道报名（推荐）情况：");
      for (guint i = 0; i < f->tracks->len; i++)
        {
          TzTrackFigures *t = f->tracks->pdata[i];
          g_string_append_printf (s, "%s%s%" PRId64 "件", i > 0 ? "，" : "", t->name, t->total);
        }
      g_string_append (s, "。");
    }
  if (f->recommendations_behind > 0)
    g_string_append_printf (s, "%u个单位推荐数量未达名额要求。", f->recommendations_behind);
  tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_START, s->str);
}

gboolean
tz_report_summary (TzDb *db, gint64 campaign_id, const TzReportOptions *options, const char *path,
                   GError **error)
{
  g_autoptr (TzCampaign) campaign = tz_campaign_get (db, campaign_id, error);
  g_autoptr (TzCampaignFigures) figures = NULL;
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (TzReportFonts) auto_fonts = NULL;
  g_autofree char *title = NULL;
  const char *theme;
  TzPdf *pdf;

  if (campaign == NULL)
    return FALSE;
  figures = tz_campaign_figures (db, campaign_id, NULL, error);
  if (figures == NULL)
    return FALSE;
  stages = tz_campaign_list_stages (db, campaign_id, error);
  if (stages == NULL)
    return FALSE;

  theme = campaign->theme != NULL && *campaign->theme               ? campaign->theme
          : campaign->short_title != NULL && *campaign->short_title ? campaign->short_title
                                                                    : campaign->title;
  title = g_strdup_printf ("%s活动总结", theme != NULL ? theme : "");
  if (options == NULL || options->fonts == NULL)
    auto_fonts = tz_report_fonts_new (NULL, NULL, NULL);
  pdf = tz_pdf_new (path, FALSE, auto_fonts != NULL ? auto_fonts : options->fonts, error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, title);
  tz_pdf_title (pdf, title);
  notice_data (pdf, campaign);
  figures_text (pdf, figures);

  heading (pdf, "三、图表");
  chart_units (pdf, figures->activity_units);
  chart_tracks (pdf, figures->tracks);
  chart_stages (pdf, stages);

  heading (pdf, "四、各单位线下活动完成情况");
  if (figures->activity_units != NULL && figures->activity_units->len > 0)
    unit_table (pdf, figures->activity_units);
  else
    no_data (pdf);
  if (figures->recommendations != NULL && figures->recommendations->len > 0)
    {
      heading (pdf, "五、各单位推荐情况");
      recommendation_table (pdf, figures->recommendations);
    }
  return tz_pdf_finish (pdf, error);
}
