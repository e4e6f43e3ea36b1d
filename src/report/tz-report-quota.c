/* tz-report-quota.c — the quota table (任务分配表) as PDF and xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of the Heilongjiang notice's 附件1: 序号 / 单位 / 线下活动数量 and a
 * 合计 row, in the notice's order of units; with progress, 已开展 and 完成率
 * columns follow. The title is the campaign's theme and the table's name, as
 * the notice writes it: “…主题线下活动任务分配表”. An official form prints in
 * Chinese whatever the language of the interface, so its words are not
 * translated.
 */
#define G_LOG_DOMAIN "tz-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "tz-campaign.h"
#include "tz-report.h"
#include "tz-xlsx.h"

typedef struct
{
  char *title;
  const char *count_header;
  GPtrArray *rows; /* TzQuotaRow */
  gint64 total_target;
  gint64 total_held;
} QuotaTable;

static void
quota_table_clear (QuotaTable *t)
{
  g_free (t->title);
  g_clear_pointer (&t->rows, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QuotaTable, quota_table_clear)

gboolean
tz_report_format_from_string (const char *text, TzReportFormat *format, GError **error)
{
  if (g_strcmp0 (text, "pdf") == 0)
    *format = TZ_REPORT_PDF;
  else if (g_strcmp0 (text, "xlsx") == 0)
    *format = TZ_REPORT_XLSX;
  else
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("Format: “%s” is not a report format. Use pdf or xlsx."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_report_format_from_path (const char *path, TzReportFormat *format)
{
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  if (lower != NULL && g_str_has_suffix (lower, ".pdf"))
    *format = TZ_REPORT_PDF;
  else if (lower != NULL && g_str_has_suffix (lower, ".xlsx"))
    *format = TZ_REPORT_XLSX;
  else
    return FALSE;
  return TRUE;
}

/* The name the notice gives the table, after the campaign's theme. */
static char *
table_title (const TzCampaign *c, TzQuotaKind kind)
{
  const char *theme = c->theme != NULL         ? c->theme
                      : c->short_title != NULL ? c->short_title
                                               : c->title;

  switch (kind)
    {
      case TZ_QUOTA_ACTIVITY:
        return g_strdup_printf ("%s主题线下活动任务分配表", theme);
      case TZ_QUOTA_NOMINEE:
        return g_strdup_printf ("%s推荐人选名额分配表", theme);
      case TZ_QUOTA_WORK:
      default:
        return g_strdup_printf ("%s推荐作品名额分配表", theme);
    }
}

static gboolean
load (TzDb *db, gint64 campaign_id, TzQuotaKind kind, QuotaTable *t, GError **error)
{
  g_autoptr (TzCampaign) c = tz_campaign_get (db, campaign_id, error);

  if (c == NULL)
    return FALSE;
  t->rows = tz_quota_list (db, campaign_id, kind, error);
  if (t->rows == NULL)
    return FALSE;
  if (t->rows->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("This campaign has no quota of this kind. Set the units’ quotas first."));
      return FALSE;
    }
  t->title = table_title (c, kind);
  t->count_header = kind == TZ_QUOTA_ACTIVITY  ? "线下活动数量"
                    : kind == TZ_QUOTA_NOMINEE ? "推荐人数"
                                               : "推荐作品数";
  for (guint i = 0; i < t->rows->len; i++)
    {
      TzQuotaRow *r = t->rows->pdata[i];
      t->total_target += r->min_count;
      t->total_held += r->held;
    }
  return TRUE;
}

static char *
target_text (const TzQuotaRow *r)
{
  if (r->max_count > r->min_count)
    return g_strdup_printf ("%" PRId64 "—%" PRId64, r->min_count, r->max_count);
  return g_strdup_printf ("%" PRId64, r->min_count);
}

static char *
percent_text (gint64 held, gint64 target)
{
  if (target <= 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f%%", 100.0 * held / target);
}

static gboolean
write_pdf (const QuotaTable *t, const TzReportOptions *o, const char *path, GError **error)
{
  g_autoptr (TzReportFonts) auto_fonts =
      o->fonts == NULL ? tz_report_fonts_new (NULL, NULL, NULL) : NULL;
  const double plain[] = { 1, 4, 2.2 };
  const double progress[] = { 1, 3.6, 2.8, 1.8, 1.8 };
  const TzAlign aligns[] = { TZ_ALIGN_CENTER, TZ_ALIGN_START, TZ_ALIGN_CENTER, TZ_ALIGN_CENTER,
                             TZ_ALIGN_CENTER };
  guint n_cols = o->progress ? 5 : 3;
  g_autoptr (TzPdfTable) table = tz_pdf_table_new (n_cols, o->progress ? progress : plain, aligns);
  g_autofree char *total_target = g_strdup_printf ("%" PRId64, t->total_target);
  g_autofree char *total_held = g_strdup_printf ("%" PRId64, t->total_held);
  g_autofree char *total_percent = percent_text (t->total_held, t->total_target);
  const char *header[] = { "序号", "单位", t->count_header, "已开展", "完成率" };
  const char *total_row[] = { "", "合计", total_target, total_held, total_percent };
  TzPdf *pdf;

  pdf = tz_pdf_new (path, FALSE, o->fonts != NULL ? o->fonts : auto_fonts, error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, t->title);
  tz_pdf_attachment_label (pdf, "附件");
  tz_pdf_title (pdf, t->title);

  tz_pdf_table_add_row (table, TRUE, header);
  for (guint i = 0; i < t->rows->len; i++)
    {
      TzQuotaRow *r = t->rows->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *target = target_text (r);
      g_autofree char *held = g_strdup_printf ("%" PRId64, r->held);
      g_autofree char *percent = percent_text (r->held, r->min_count);
      const char *cells[] = { number, r->unit_name, target, held, percent };

      tz_pdf_table_add_row (table, FALSE, cells);
    }
  tz_pdf_table_add_row (table, FALSE, total_row);
  tz_pdf_draw_table (pdf, table);
  return tz_pdf_finish (pdf, error);
}

static gboolean
write_xlsx (const QuotaTable *t, const TzReportOptions *o, const char *path, GError **error)
{
  lxw_workbook *wb = !tz_report_create_output (path, error) ? NULL : workbook_new (path);
  lxw_worksheet *ws;
  lxw_format *title_fmt, *head_fmt, *cell_fmt, *text_fmt, *pct_fmt, *total_fmt;
  guint n_cols = o->progress ? 5 : 3;
  const char *header[] = { "序号", "单位", t->count_header, "已开展", "完成率" };
  double unit_width = tz_xlsx_text_width ("单位");
  lxw_row_t row = 2;

  if (wb == NULL)
    return tz_xlsx_check (LXW_ERROR_CREATING_XLSX_FILE, path, error);
  ws = workbook_add_worksheet (wb, "任务分配表");

  title_fmt = workbook_add_format (wb);
  format_set_bold (title_fmt);
  format_set_font_size (title_fmt, 16);
  format_set_align (title_fmt, LXW_ALIGN_CENTER);
  format_set_align (title_fmt, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (title_fmt);
  head_fmt = workbook_add_format (wb);
  format_set_bold (head_fmt);
  format_set_border (head_fmt, LXW_BORDER_THIN);
  format_set_align (head_fmt, LXW_ALIGN_CENTER);
  format_set_align (head_fmt, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (head_fmt, 0xEEEEEE);
  cell_fmt = workbook_add_format (wb);
  format_set_border (cell_fmt, LXW_BORDER_THIN);
  format_set_align (cell_fmt, LXW_ALIGN_CENTER);
  text_fmt = workbook_add_format (wb);
  format_set_border (text_fmt, LXW_BORDER_THIN);
  format_set_num_format (text_fmt, "@");
  pct_fmt = workbook_add_format (wb);
  format_set_border (pct_fmt, LXW_BORDER_THIN);
  format_set_align (pct_fmt, LXW_ALIGN_CENTER);
  format_set_num_format (pct_fmt, "0%");
  total_fmt = workbook_add_format (wb);
  format_set_border (total_fmt, LXW_BORDER_THIN);
  format_set_bold (total_fmt);
  format_set_align (total_fmt, LXW_ALIGN_CENTER);

  worksheet_merge_range (ws, 0, 0, 0, n_cols - 1, t->title, title_fmt);
  worksheet_set_row (ws, 0, 48, NULL);
  for (guint c = 0; c < n_cols; c++)
    worksheet_write_string (ws, 1, c, header[c], head_fmt);
  for (guint i = 0; i < t->rows->len; i++, row++)
    {
      TzQuotaRow *r = t->rows->pdata[i];

      worksheet_write_number (ws, row, 0, i + 1, cell_fmt);
      worksheet_write_string (ws, row, 1, r->unit_name, text_fmt);
      unit_width = MAX (unit_width, tz_xlsx_text_width (r->unit_name));
      if (r->max_count > r->min_count)
        {
          g_autofree char *range = target_text (r);
          worksheet_write_string (ws, row, 2, range, cell_fmt);
        }
      else
        worksheet_write_number (ws, row, 2, (double) r->min_count, cell_fmt);
      if (o->progress)
        {
          worksheet_write_number (ws, row, 3, (double) r->held, cell_fmt);
          if (r->min_count > 0)
            worksheet_write_number (ws, row, 4, (double) r->held / r->min_count, pct_fmt);
          else
            worksheet_write_string (ws, row, 4, "—", cell_fmt);
        }
    }
  worksheet_write_string (ws, row, 0, "", total_fmt);
  worksheet_write_string (ws, row, 1, "合计", total_fmt);
  worksheet_write_number (ws, row, 2, (double) t->total_target, total_fmt);
  if (o->progress)
    {
      worksheet_write_number (ws, row, 3, (double) t->total_held, total_fmt);
      if (t->total_target > 0)
        worksheet_write_number (ws, row, 4, (double) t->total_held / t->total_target, pct_fmt);
    }

  worksheet_set_column (ws, 0, 0, 7, NULL);
  worksheet_set_column (ws, 1, 1, unit_width, NULL);
  worksheet_set_column (ws, 2, 2, MAX (12, tz_xlsx_text_width (t->count_header)), NULL);
  if (o->progress)
    worksheet_set_column (ws, 3, 4, 10, NULL);
  worksheet_freeze_panes (ws, 2, 0);
  worksheet_set_paper (ws, 9); /* A4 */
  worksheet_center_horizontally (ws);
  worksheet_repeat_rows (ws, 1, 1);

  return tz_xlsx_check (workbook_close (wb), path, error);
}

gboolean
tz_report_quota (TzDb *db, gint64 campaign_id, TzQuotaKind kind, const TzReportOptions *options,
                 const char *path, GError **error)
{
  g_auto (QuotaTable) table = { 0 };

  if (!load (db, campaign_id, kind, &table, error))
    return FALSE;
  if (options->format == TZ_REPORT_XLSX)
    return write_xlsx (&table, options, path, error);
  return write_pdf (&table, options, path, error);
}
