/* tz-report-catalogue.c — the catalogue of entries (作品目录 / 汇总表) as PDF and xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entry of a track, or of the whole campaign: what was entered, by whom,
 * through which unit, and whether it meets the track's requirements. A campaign
 * may hold a hundred thousand entries, so entries are read in batches by id and
 * the xlsx is written in libxlsxwriter's constant-memory mode, row after row.
 */
#define G_LOG_DOMAIN "tz-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>

#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-report-list.h"
#include "tz-xlsx.h"

#define N_COLS 8
#define BATCH  500

static const char *const header[N_COLS] = { "序号",     "子活动",   "推荐单位",     "作者/参评对象",
                                            "作品名称", "作品说明", "要求符合情况", "状态" };

const char *
tz_report_status_text (const char *status)
{
  static const char *const codes[] = { "draft",   "submitted",    "reviewed", "shortlisted",
                                       "awarded", "not_selected", "withdrawn" };
  static const char *const texts[] = { "草稿",   "已报送", "已审核", "已入围",
                                       "已获奖", "未入选", "已撤回" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (status, codes[i]) == 0)
      return texts[i];
  return status != NULL ? status : "";
}

/* Reads the entries in batches and hands each row's cells to a writer. */
typedef struct
{
  TzDb *db;
  GArray *ids;
  GHashTable *requirements; /* track id → TzWorkRequirements* (may be NULL) */
  char *title;
} Catalogue;

static void
catalogue_clear (Catalogue *c)
{
  g_clear_pointer (&c->ids, g_array_unref);
  g_clear_pointer (&c->requirements, g_hash_table_unref);
  g_free (c->title);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Catalogue, catalogue_clear)

typedef gboolean (*RowFunc) (gpointer data, guint index, const char *const *cells, GError **error);

/* The requirements of each track are loaded once, not once per entry. */
static gboolean
requirement_text (Catalogue *c, const TzEntry *e, char **text, GError **error)
{
  gpointer key = GINT_TO_POINTER ((int) e->track_id);
  TzWorkRequirements *req = NULL;
  g_autoptr (GPtrArray) failures = NULL;

  if (!g_hash_table_lookup_extended (c->requirements, key, NULL, (gpointer *) &req))
    {
      req = tz_entry_load_requirements (c->db, e->track_id, error);
      if (req == NULL)
        return FALSE;
      g_hash_table_insert (c->requirements, key, req);
    }
  failures = tz_entry_check_requirements (req, e);
  if (failures == NULL || failures->len == 0)
    *text = g_strdup ("符合");
  else
    {
      g_ptr_array_add (failures, NULL);
      *text = g_strjoinv ("；", (char **) failures->pdata);
    }
  return TRUE;
}

static gboolean
for_each_row (Catalogue *c, RowFunc func, gpointer data, GError **error)
{
  guint index = 0;

  for (guint start = 0; start < c->ids->len; start += BATCH)
    {
      guint n = MIN (BATCH, c->ids->len - start);
      g_autoptr (GPtrArray) entries =
          tz_entry_get_many (c->db, &g_array_index (c->ids, gint64, start), n, error);

      if (entries == NULL)
        return FALSE;
      for (guint i = 0; i < entries->len; i++)
        {
          const TzEntry *e = entries->pdata[i];
          g_autofree char *number = g_strdup_printf ("%u", ++index);
          g_autofree char *meets = NULL;
          const char *cells[N_COLS];

          if (!requirement_text (c, e, &meets, error))
            return FALSE;
          cells[0] = number;
          cells[1] = e->track_name;
          cells[2] = e->recommending_unit_name;
          cells[3] = e->entrant_name;
          cells[4] = e->title;
          cells[5] = e->description;
          cells[6] = meets;
          cells[7] = tz_report_status_text (e->status);
          if (!func (data, index, cells, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load (TzDb *db, gint64 campaign_id, gint64 track_id, Catalogue *c, GError **error)
{
  g_autoptr (TzCampaign) campaign = tz_campaign_get (db, campaign_id, error);
  const char *theme;

  if (campaign == NULL)
    return FALSE;
  c->db = db;
  c->requirements =
      g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tz_work_requirements_free);
  c->ids = tz_entry_search_ids (db, campaign_id, track_id, NULL, error);
  if (c->ids == NULL)
    return FALSE;
  if (track_id != 0)
    {
      g_autoptr (TzEntryTrack) track = tz_entry_get_track (db, track_id, error);
      if (track == NULL)
        return FALSE;
      if (c->ids->len == 0)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                       _ ("“%s” has no entries to print. Add the nominees first."), track->name);
          return FALSE;
        }
      c->title = g_strdup_printf ("%s作品目录", track->name);
      return TRUE;
    }
  theme = campaign->short_title != NULL ? campaign->short_title : campaign->title;
  if (c->ids->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("“%s” has no entries to print. Add the nominees first."), theme);
      return FALSE;
    }
  c->title = g_strdup_printf ("%s作品汇总表", theme);
  return TRUE;
}

/* ---- PDF ---- */

static gboolean
pdf_add_row (gpointer data, guint index, const char *const *cells, GError **error)
{
  tz_pdf_table_add_row (data, FALSE, cells);
  return TRUE;
}

static gboolean
write_pdf (Catalogue *c, const TzReportOptions *o, const char *path, GError **error)
{
  g_autoptr (TzReportFonts) auto_fonts =
      o->fonts == NULL ? tz_report_fonts_new (NULL, NULL, NULL) : NULL;
  const double widths[N_COLS] = { 0.05, 0.11, 0.12, 0.1, 0.14, 0.3, 0.11, 0.07 };
  const TzAlign aligns[N_COLS] = {
    TZ_ALIGN_CENTER, TZ_ALIGN_START, TZ_ALIGN_START, TZ_ALIGN_CENTER,
    TZ_ALIGN_START,  TZ_ALIGN_START, TZ_ALIGN_START, TZ_ALIGN_CENTER
  };
  g_autoptr (TzPdfTable) table = tz_pdf_table_new (N_COLS, widths, aligns);
  TzPdf *pdf;

  tz_pdf_table_set_font_size (table, TZ_PT_WUHAO);
  tz_pdf_table_add_row (table, TRUE, header);
  if (!for_each_row (c, pdf_add_row, table, error))
    return FALSE;
  pdf = tz_pdf_new (path, TRUE, o->fonts != NULL ? o->fonts : auto_fonts, error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, c->title);
  tz_pdf_set_page_numbers (pdf, TRUE, 1);
  tz_pdf_title (pdf, c->title);
  tz_pdf_draw_table (pdf, table);
  return tz_pdf_finish (pdf, error);
}

/* ---- xlsx ---- */

typedef struct
{
  lxw_worksheet *ws;
  lxw_format *text_fmt;
  lxw_format *number_fmt;
  double width[N_COLS];
} XlsxWriter;

static gboolean
xlsx_add_row (gpointer data, guint index, const char *const *cells, GError **error)
{
  XlsxWriter *w = data;
  lxw_row_t row = index + 1; /* after the title and the header */

  worksheet_write_number (w->ws, row, 0, index, w->number_fmt);
  for (guint c = 1; c < N_COLS; c++)
    {
      worksheet_write_string (w->ws, row, c, cells[c] != NULL ? cells[c] : "", w->text_fmt);
      w->width[c] = MAX (w->width[c], tz_xlsx_text_width (cells[c]));
    }
  return TRUE;
}

static gboolean
write_xlsx (Catalogue *c, const char *path, GError **error)
{
  lxw_workbook_options wo = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb = !tz_report_create_output (path, error) ? NULL : workbook_new_opt (path, &wo);
  lxw_format *title_fmt, *head_fmt;
  XlsxWriter w = { 0 };
  /* Long descriptions wrap in their cell rather than make a column a screen wide. */
  const double max_width[N_COLS] = { 8, 24, 24, 16, 30, 50, 40, 10 };

  if (wb == NULL)
    return tz_xlsx_check (LXW_ERROR_CREATING_XLSX_FILE, path, error);
  w.ws = workbook_add_worksheet (wb, "作品目录");
  title_fmt = workbook_add_format (wb);
  format_set_bold (title_fmt);
  format_set_font_size (title_fmt, 16);
  format_set_align (title_fmt, LXW_ALIGN_CENTER);
  format_set_align (title_fmt, LXW_ALIGN_VERTICAL_CENTER);
  head_fmt = workbook_add_format (wb);
  format_set_bold (head_fmt);
  format_set_border (head_fmt, LXW_BORDER_THIN);
  format_set_align (head_fmt, LXW_ALIGN_CENTER);
  format_set_bg_color (head_fmt, 0xEEEEEE);
  w.text_fmt = workbook_add_format (wb);
  format_set_border (w.text_fmt, LXW_BORDER_THIN);
  format_set_num_format (w.text_fmt, "@");
  format_set_text_wrap (w.text_fmt);
  format_set_align (w.text_fmt, LXW_ALIGN_VERTICAL_TOP);
  w.number_fmt = workbook_add_format (wb);
  format_set_border (w.number_fmt, LXW_BORDER_THIN);
  format_set_align (w.number_fmt, LXW_ALIGN_CENTER);
  format_set_align (w.number_fmt, LXW_ALIGN_VERTICAL_TOP);

  /* Constant-memory mode writes each row as it comes: strictly in order. */
  worksheet_set_row (w.ws, 0, 36, NULL);
  worksheet_merge_range (w.ws, 0, 0, 0, N_COLS - 1, c->title, title_fmt);
  for (guint col = 0; col < N_COLS; col++)
    {
      worksheet_write_string (w.ws, 1, col, header[col], head_fmt);
      w.width[col] = MAX (6, tz_xlsx_text_width (header[col]));
    }
  if (!for_each_row (c, xlsx_add_row, &w, error))
    {
      workbook_close (wb);
      g_unlink (path);
      return FALSE;
    }
  /* Widths, panes and the filter are kept aside and written when the sheet closes. */
  for (guint col = 0; col < N_COLS; col++)
    worksheet_set_column (w.ws, col, col, MIN (w.width[col] + 1, max_width[col]), NULL);
  worksheet_freeze_panes (w.ws, 2, 0);
  worksheet_autofilter (w.ws, 1, 0, 1 + c->ids->len, N_COLS - 1);
  worksheet_set_landscape (w.ws);
  worksheet_set_paper (w.ws, 9); /* A4 */
  worksheet_repeat_rows (w.ws, 1, 1);
  return tz_xlsx_check (workbook_close (wb), path, error);
}

gboolean
tz_report_catalogue (TzDb *db, gint64 campaign_id, gint64 track_id, const TzReportOptions *options,
                     const char *path, GError **error)
{
  g_auto (Catalogue) c = { 0 };

  if (!load (db, campaign_id, track_id, &c, error))
    return FALSE;
  if (options->format == TZ_REPORT_XLSX)
    return write_xlsx (&c, path, error);
  return write_pdf (&c, options, path, error);
}
