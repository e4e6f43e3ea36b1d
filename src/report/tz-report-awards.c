/* tz-report-awards.c — the judging outputs: award list, certificates, score sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The award list (获奖名单) and the certificates (荣誉证书) print the saved
 * awards of a track (tz_ranking_compute with save), the score sheets
 * (评委评分表) the judges, criteria and scores entered so far. They are
 * official documents: their words print in Chinese whatever the language of
 * the interface.
 */
#define G_LOG_DOMAIN "tz-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "tz-campaign.h"
#include "tz-report-awards.h"
#include "tz-seal.h"
#include "tz-xlsx.h"

typedef struct
{
  char *title;
  char *entrant;
  char *unit;
  char *tier;
  char *prize; /* NULL: none */
  char *division;
  gint64 tier_id;
  char *recipient; /* the tier's recipient: entry, person, organization, instructor */
} Award;

static void
award_free (gpointer data)
{
  Award *a = data;

  g_free (a->title);
  g_free (a->entrant);
  g_free (a->unit);
  g_free (a->tier);
  g_free (a->prize);
  g_free (a->division);
  g_free (a->recipient);
  g_free (a);
}

typedef struct
{
  TzCampaign *campaign;
  char *track;
  char *issuer;          /* the issuing unit's name, NULL when unknown */
  cairo_surface_t *seal; /* NULL: none */
  double seal_mm;
  char *date;        /* 2023年1月5日 */
  GPtrArray *awards; /* Award */
} Doc;

static void
doc_clear (Doc *d)
{
  g_clear_pointer (&d->campaign, tz_campaign_free);
  g_free (d->track);
  g_free (d->issuer);
  g_clear_pointer (&d->seal, cairo_surface_destroy);
  g_free (d->date);
  g_clear_pointer (&d->awards, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Doc, doc_clear)

static char *
query_text (TzDb *db, const char *sql, gint64 a, gint64 b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = tz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return tz_db_column_dup (stmt, 0);
  return NULL;
}

/* The campaign, the track's name, the issuing unit with its seal, today. */
static gboolean
load_head (TzDb *db, gint64 campaign_id, gint64 track_id, Doc *d, GError **error)
{
  GError *local = NULL;
  gint64 issuer_id;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  d->campaign = tz_campaign_get (db, campaign_id, error);
  if (d->campaign == NULL)
    return FALSE;
  d->track = query_text (db, "SELECT name FROM track WHERE id = ?1 AND campaign_id = ?2", track_id,
                         campaign_id, &local);
  if (d->track == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                     _ ("Track %" PRId64 " is not a track of this campaign."), track_id);
      return FALSE;
    }
  issuer_id = d->campaign->issuer_unit_id;
  if (issuer_id <= 0)
    {
      g_autofree char *id_text =
          query_text (db,
                      "SELECT unit_id FROM campaign_unit WHERE campaign_id = ?1 AND role = "
                      "'issuer' AND ?2 = ?2 ORDER BY sort_order, unit_id LIMIT 1",
                      campaign_id, 0, NULL);
      issuer_id = id_text != NULL ? g_ascii_strtoll (id_text, NULL, 10) : 0;
    }
  if (issuer_id > 0)
    {
      gint64 seal_id = 0;
      g_autoptr (GBytes) png = NULL;

      d->issuer =
          query_text (db, "SELECT name FROM unit WHERE id = ?1 AND ?2 = ?2", issuer_id, 0, NULL);
      png = tz_seal_get_default_png (db, issuer_id, &seal_id, NULL);
      if (png != NULL)
        {
          g_autoptr (TzSeal) info = tz_seal_get (db, seal_id, NULL);

          d->seal = tz_seal_get_surface (db, seal_id, NULL);
          d->seal_mm = info != NULL && info->diameter_mm > 0 ? info->diameter_mm
                                                             : TZ_SEAL_DEFAULT_DIAMETER_MM;
        }
    }
  if (d->issuer == NULL && d->campaign->issuer != NULL)
    d->issuer = g_strdup (d->campaign->issuer);
  d->date = tz_report_date (today);
  return TRUE;
}

/* Adds @a to @awards; an instructor award of a work with several instructors
 * ("王老师、李老师") becomes one award each, so that each gets a line and a
 * certificate. */
static void
add_award (GPtrArray *awards, Award *a)
{
  g_auto (GStrv) names = NULL;
  guint n = 0;

  if (g_strcmp0 (a->recipient, "instructor") != 0 || a->entrant == NULL)
    {
      g_ptr_array_add (awards, a);
      return;
    }
  names = g_regex_split_simple ("\\s*[、，,；;/]\\s*", a->entrant, 0, 0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      Award *one;

      g_strstrip (names[i]);
      if (*names[i] == '\0')
        continue;
      one = g_new0 (Award, 1);
      one->title = g_strdup (a->title);
      one->entrant = g_strdup (names[i]);
      one->unit = g_strdup (a->unit);
      one->tier = g_strdup (a->tier);
      one->prize = g_strdup (a->prize);
      one->division = g_strdup (a->division);
      one->tier_id = a->tier_id;
      one->recipient = g_strdup (a->recipient);
      g_ptr_array_add (awards, one);
      n++;
    }
  if (n == 0)
    g_ptr_array_add (awards, a);
  else
    award_free (a);
}

static gboolean
load_awards (TzDb *db, gint64 campaign_id, gint64 track_id, Doc *d, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (!load_head (db, campaign_id, track_id, d, error))
    return FALSE;
  stmt = tz_db_prepare (
      db,
      /* An award to an organisation (a unit and no entry) or to a person
       * (no entry) has no work; an instructor award names the instructor of
       * the work, who is printed in place of its author. */
      "SELECT e.title, CASE WHEN t.recipient = 'instructor' THEN e.instructor"
      "  ELSE COALESCE(p.name, tm.name, eu.name, ap.name) END,"
      "  COALESCE(pu.name, p.employer, tu.name, eu.name, au.name, apu.name, ap.employer),"
      "  t.name, t.prize, t.amount_yuan, dv.name, t.id, t.recipient "
      "FROM award a JOIN award_tier t ON t.id = a.award_tier_id "
      "LEFT JOIN entry e ON e.id = a.entry_id LEFT JOIN unit au ON au.id = a.unit_id "
      "LEFT JOIN person ap ON ap.id = a.person_id LEFT JOIN unit apu ON apu.id = ap.unit_id "
      "LEFT JOIN person p ON p.id = e.person_id LEFT JOIN team tm ON tm.id = e.team_id "
      "LEFT JOIN unit eu ON eu.id = e.entrant_unit_id LEFT JOIN unit pu ON pu.id = p.unit_id "
      "LEFT JOIN unit tu ON tu.id = tm.unit_id "
      "LEFT JOIN division dv ON dv.id = CASE WHEN a.entry_id IS NULL THEN t.division_id"
      "  ELSE e.division_id END "
      "WHERE t.track_id = ?1 AND (a.entry_id IS NULL AND (au.id IS NOT NULL OR ap.id IS NOT NULL)"
      "  OR e.campaign_id = ?2 AND e.status <> 'withdrawn') "
      "ORDER BY dv.seq IS NULL, dv.seq, t.seq, t.id, a.rank IS NULL, a.rank, e.id",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, track_id);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  d->awards = g_ptr_array_new_with_free_func (award_free);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Award *a = g_new0 (Award, 1);

      a->title = tz_db_column_dup (stmt, 0);
      a->entrant = tz_db_column_dup (stmt, 1);
      a->unit = tz_db_column_dup (stmt, 2);
      a->tier = tz_db_column_dup (stmt, 3);
      a->prize = tz_db_column_dup (stmt, 4);
      if (a->prize == NULL && sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        a->prize = g_strdup_printf ("奖金%" PRId64 "元", (gint64) sqlite3_column_int64 (stmt, 5));
      a->division = tz_db_column_dup (stmt, 6);
      a->tier_id = sqlite3_column_int64 (stmt, 7);
      a->recipient = tz_db_column_dup (stmt, 8);
      add_award (d->awards, a);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  if (d->awards->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("This track has no awards. Rank the track and save its awards first."));
      return FALSE;
    }
  return TRUE;
}

static char *
list_title (const Doc *d)
{
  const TzCampaign *c = d->campaign;
  const char *name = c->short_title != NULL ? c->short_title : c->title;

  if (c->theme != NULL && c->theme[0] != '\0')
    return g_strdup_printf ("“%s”%s获奖名单", c->theme, d->track);
  return g_strdup_printf ("%s%s获奖名单", name, d->track);
}

/* The number of awards from @start on in the same division and tier. */
static guint
group_size (const Doc *d, guint start)
{
  const Award *first = d->awards->pdata[start];
  guint n = 0;

  for (guint i = start; i < d->awards->len; i++, n++)
    {
      const Award *a = d->awards->pdata[i];
      if (a->tier_id != first->tier_id || g_strcmp0 (a->division, first->division) != 0)
        break;
    }
  return n;
}

static gboolean
write_list_pdf (const Doc *d, const TzReportOptions *o, const char *path, GError **error)
{
  g_autoptr (TzReportFonts) auto_fonts =
      o->fonts == NULL ? tz_report_fonts_new (NULL, NULL, NULL) : NULL;
  g_autofree char *title = list_title (d);
  const double widths[] = { 1.0, 2.8, 1.8, 2.4, 2.4, 2.0 };
  const TzAlign aligns[] = { TZ_ALIGN_CENTER, TZ_ALIGN_START,  TZ_ALIGN_CENTER,
                             TZ_ALIGN_START,  TZ_ALIGN_CENTER, TZ_ALIGN_CENTER };
  const char *header[] = { "序号", "作品名称", "作者（参评对象）", "单位", "奖项", "奖励" };
  const char *division = NULL;
  TzPdf *pdf;
  guint i = 0;

  pdf = tz_pdf_new (path, FALSE, o->fonts != NULL ? o->fonts : auto_fonts, error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, title);
  tz_pdf_set_page_numbers (pdf, TRUE, 1);
  tz_pdf_title (pdf, title);
  while (i < d->awards->len)
    {
      const Award *first = d->awards->pdata[i];
      guint n = group_size (d, i);
      g_autoptr (TzPdfTable) table = tz_pdf_table_new (6, widths, aligns);
      g_autofree char *heading = g_strdup_printf ("%s（%u名）", first->tier, n);

      if (first->division != NULL && (i == 0 || g_strcmp0 (division, first->division) != 0))
        tz_pdf_paragraph (pdf, TZ_FONT_HEADING, TZ_PT_SANHAO, TZ_ALIGN_START, first->division);
      division = first->division;
      tz_pdf_paragraph (pdf, TZ_FONT_KAI, TZ_PT_SANHAO, TZ_ALIGN_START, heading);
      /* An instructor award names the instructor where the author stands. */
      if (g_strcmp0 (first->recipient, "instructor") == 0)
        header[2] = "指导教师";
      else if (g_strcmp0 (first->recipient, "person") == 0)
        header[2] = "获奖个人";
      else
        header[2] = "作者（参评对象）";
      tz_pdf_table_set_font_size (table, TZ_PT_XIAOSI);
      tz_pdf_table_add_row (table, TRUE, header);
      for (guint k = 0; k < n; k++)
        {
          const Award *a = d->awards->pdata[i + k];
          g_autofree char *number = g_strdup_printf ("%u", k + 1);
          const char *cells[] = { number, a->title, a->entrant, a->unit, a->tier, a->prize };

          tz_pdf_table_add_row (table, FALSE, cells);
        }
      tz_pdf_draw_table (pdf, table);
      tz_pdf_set_y (pdf, tz_pdf_get_y (pdf) + 4 * TZ_MM);
      i += n;
    }
  if (d->issuer != NULL)
    {
      if (tz_pdf_space_left (pdf) < 55 * TZ_MM)
        tz_pdf_new_page (pdf);
      tz_pdf_set_y (pdf, tz_pdf_get_y (pdf) + 12 * TZ_MM);
      tz_pdf_signature (pdf, tz_pdf_block_left (pdf), tz_pdf_get_y (pdf), tz_pdf_block_width (pdf),
                        TZ_PT_SANHAO, 4, d->issuer, d->date, d->seal, d->seal_mm);
    }
  return tz_pdf_finish (pdf, error);
}

static gboolean
write_list_xlsx (const Doc *d, const char *path, GError **error)
{
  lxw_workbook *wb = !tz_report_create_output (path, error) ? NULL : workbook_new (path);
  lxw_worksheet *ws;
  lxw_format *title_fmt, *head_fmt, *text_fmt;
  g_autofree char *title = list_title (d);
  const char *header[] = { "序号", "组别", "作品名称", "作者（参评对象）", "单位", "奖项", "奖励" };
  double widths[G_N_ELEMENTS (header)];

  if (wb == NULL)
    return tz_xlsx_check (LXW_ERROR_CREATING_XLSX_FILE, path, error);
  ws = workbook_add_worksheet (wb, "获奖名单");
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
  format_set_bg_color (head_fmt, 0xEEEEEE);
  text_fmt = workbook_add_format (wb);
  format_set_border (text_fmt, LXW_BORDER_THIN);
  format_set_num_format (text_fmt, "@");

  worksheet_merge_range (ws, 0, 0, 0, G_N_ELEMENTS (header) - 1, title, title_fmt);
  worksheet_set_row (ws, 0, 36, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    {
      worksheet_write_string (ws, 1, c, header[c], head_fmt);
      widths[c] = tz_xlsx_text_width (header[c]);
    }
  for (guint i = 0; i < d->awards->len; i++)
    {
      const Award *a = d->awards->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *who = g_strcmp0 (a->recipient, "instructor") == 0 && a->entrant != NULL
                                 ? g_strdup_printf ("%s（指导教师）", a->entrant)
                                 : g_strdup (a->entrant);
      const char *cells[] = { number, a->division, a->title, who, a->unit, a->tier, a->prize };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          worksheet_write_string (ws, i + 2, c, cells[c] != NULL ? cells[c] : "", text_fmt);
          if (cells[c] != NULL)
            widths[c] = MAX (widths[c], tz_xlsx_text_width (cells[c]));
        }
    }
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_set_column (ws, c, c, MIN (widths[c], 60), NULL);
  worksheet_freeze_panes (ws, 2, 0);
  worksheet_set_paper (ws, 9);
  worksheet_repeat_rows (ws, 1, 1);
  return tz_xlsx_check (workbook_close (wb), path, error);
}

gboolean
tz_report_awards (TzDb *db, gint64 campaign_id, gint64 track_id, const TzReportOptions *options,
                  const char *path, GError **error)
{
  g_auto (Doc) d = { 0 };

  if (!load_awards (db, campaign_id, track_id, &d, error))
    return FALSE;
  if (options->format == TZ_REPORT_XLSX)
    return write_list_xlsx (&d, path, error);
  return write_list_pdf (&d, options, path, error);
}

static void
draw_border (cairo_t *cr, double w, double h)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.70, 0.50, 0.12);
  cairo_set_line_width (cr, 4);
  cairo_rectangle (cr, 12 * TZ_MM, 12 * TZ_MM, w - 24 * TZ_MM, h - 24 * TZ_MM);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1.2);
  cairo_rectangle (cr, 16 * TZ_MM, 16 * TZ_MM, w - 32 * TZ_MM, h - 32 * TZ_MM);
  cairo_stroke (cr);
  /* A small square at each corner, between the two lines. */
  for (int k = 0; k < 4; k++)
    {
      double x = k % 2 == 0 ? 12 * TZ_MM : w - 16 * TZ_MM;
      double y = k < 2 ? 12 * TZ_MM : h - 16 * TZ_MM;

      cairo_rectangle (cr, x, y, 4 * TZ_MM, 4 * TZ_MM);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

/* Whom a certificate addresses: the person, team, unit or instructor, with
 * their unit when it differs. */
static char *
certificate_who (const Award *a)
{
  const gboolean instructor = g_strcmp0 (a->recipient, "instructor") == 0;

  if (a->entrant == NULL)
    return g_strdup_printf ("%s：", a->unit != NULL ? a->unit : "");
  if (a->unit != NULL && g_strcmp0 (a->unit, a->entrant) != 0)
    return g_strdup_printf (instructor ? "%s老师（%s）：" : "%s（%s）：", a->entrant, a->unit);
  return g_strdup_printf (instructor ? "%s老师：" : "%s：", a->entrant);
}

/* The sentence of a certificate, by what was awarded: a work, the guidance of
 * a work, a person, or an organisation. */
static char *
certificate_body (const Award *a, const char *event)
{
  /* A person honoured (榜样典型), whether through an entry or not. */
  if (g_strcmp0 (a->recipient, "person") == 0)
    return g_strdup_printf ("　　你在%s中荣获%s。特发此证，以资鼓励。", event, a->tier);
  if (g_strcmp0 (a->recipient, "instructor") == 0 && a->title != NULL)
    return g_strdup_printf ("　　你指导的作品《%s》在%s中荣获%s。特发此证，以资鼓励。", a->title,
                            event, a->tier);
  if (a->title != NULL)
    return g_strdup_printf ("　　你（你单位）的作品《%s》在%s中荣获%s。特发此证，以资鼓励。",
                            a->title, event, a->tier);
  return g_strdup_printf ("　　你单位在%s中荣获%s。特发此证，以资鼓励。", event, a->tier);
}

gboolean
tz_report_certificates (TzDb *db, gint64 campaign_id, gint64 track_id,
                        const TzReportOptions *options, const char *path, GError **error)
{
  g_auto (Doc) d = { 0 };
  g_autoptr (TzReportFonts) auto_fonts = NULL;
  const char *event;
  TzPdf *pdf;

  if (!load_awards (db, campaign_id, track_id, &d, error))
    return FALSE;
  event = d.campaign->short_title != NULL ? d.campaign->short_title : d.campaign->title;
  if (options->fonts == NULL)
    auto_fonts = tz_report_fonts_new (NULL, NULL, NULL);
  pdf = tz_pdf_new (path, TRUE, options->fonts != NULL ? options->fonts : auto_fonts, error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, "荣誉证书");
  tz_pdf_set_page_numbers (pdf, FALSE, 1);
  for (guint i = 0; i < d.awards->len; i++)
    {
      const Award *a = d.awards->pdata[i];
      cairo_t *cr;
      double w = 297 * TZ_MM, h = 210 * TZ_MM, x = 40 * TZ_MM, tw = w - 80 * TZ_MM;
      g_autofree char *who = certificate_who (a);
      g_autofree char *body = certificate_body (a, event);

      if (i > 0)
        tz_pdf_new_page (pdf);
      cr = tz_pdf_get_cairo (pdf);
      draw_border (cr, w, h);
      cairo_set_source_rgb (cr, 0.72, 0, 0.06);
      tz_pdf_text_in_box (pdf, TZ_FONT_TITLE, 54, 36, TZ_ALIGN_CENTER, x, 30 * TZ_MM, tw,
                          30 * TZ_MM, "荣誉证书");
      cairo_set_source_rgb (cr, 0, 0, 0);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, 22, 14, TZ_ALIGN_START, x, 72 * TZ_MM, tw, 14 * TZ_MM,
                          who);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, 22, 14, TZ_ALIGN_START, x, 90 * TZ_MM, tw, 36 * TZ_MM,
                          body);
      if (a->prize != NULL)
        tz_pdf_text_in_box (pdf, TZ_FONT_BODY, 18, 12, TZ_ALIGN_START, x, 130 * TZ_MM, tw,
                            12 * TZ_MM, a->prize);
      tz_pdf_signature (pdf, w / 2, 150 * TZ_MM, w / 2 - 40 * TZ_MM, 18, 1,
                        d.issuer != NULL ? d.issuer : "", d.date, d.seal, d.seal_mm);
    }
  return tz_pdf_finish (pdf, error);
}

typedef struct
{
  gint64 id;
  char *name;
  double max; /* 0: none */
} Criterion;

static void
criterion_free (gpointer data)
{
  Criterion *c = data;

  g_free (c->name);
  g_free (c);
}

static char *
score_text (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

/* One judge's page. */
static gboolean
score_sheet (TzDb *db, TzPdf *pdf, const Doc *d, gint64 track_id, gint64 judge_id,
             const char *judge, GPtrArray *criteria, GPtrArray *entries, GError **error)
{
  guint n_cols = criteria->len + 3;
  g_autofree double *widths = g_new (double, n_cols);
  g_autofree TzAlign *aligns = g_new (TzAlign, n_cols);
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (TzPdfTable) table = NULL;
  g_autoptr (GHashTable) scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *title = g_strdup_printf ("%s评委评分表", d->track);
  g_autofree char *who = g_strdup_printf ("评委：%s", judge);
  double total_max = 0;
  int rc;

  stmt = tz_db_prepare (db,
                        "SELECT s.entry_id, s.criterion_id, s.value, s.abstain, s.conflict "
                        "FROM score s JOIN criterion c ON c.id = s.criterion_id "
                        "WHERE s.judge_id = ?1 AND c.track_id = ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, judge_id);
  sqlite3_bind_int64 (stmt, 2, track_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      char *key = g_strdup_printf ("%" PRId64 ":%" PRId64, (gint64) sqlite3_column_int64 (stmt, 0),
                                   (gint64) sqlite3_column_int64 (stmt, 1));
      char *text = sqlite3_column_int (stmt, 4)   ? g_strdup ("回避")
                   : sqlite3_column_int (stmt, 3) ? g_strdup ("弃权")
                   : sqlite3_column_type (stmt, 2) == SQLITE_NULL
                       ? NULL
                       : score_text (sqlite3_column_double (stmt, 2));

      if (text != NULL)
        g_hash_table_insert (scores, key, text);
      else
        g_free (key);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  widths[0] = 0.8;
  widths[1] = 3.2;
  aligns[0] = TZ_ALIGN_CENTER;
  aligns[1] = TZ_ALIGN_START;
  g_ptr_array_add (header, g_strdup ("序号"));
  g_ptr_array_add (header, g_strdup ("作品名称"));
  for (guint c = 0; c < criteria->len; c++)
    {
      const Criterion *cr = criteria->pdata[c];
      g_autofree char *max = cr->max > 0 ? score_text (cr->max) : NULL;

      widths[c + 2] = 1.3;
      aligns[c + 2] = TZ_ALIGN_CENTER;
      total_max += cr->max;
      g_ptr_array_add (header, max != NULL ? g_strdup_printf ("%s（%s分）", cr->name, max)
                                           : g_strdup (cr->name));
    }
  widths[n_cols - 1] = 1.6;
  aligns[n_cols - 1] = TZ_ALIGN_CENTER;
  if (total_max > 0)
    {
      g_autofree char *max = score_text (total_max);
      g_ptr_array_add (header, g_strdup_printf ("合计（%s分）", max));
    }
  else
    g_ptr_array_add (header, g_strdup ("合计"));
  table = tz_pdf_table_new (n_cols, widths, aligns);
  tz_pdf_table_set_font_size (table, TZ_PT_XIAOSI);
  tz_pdf_table_add_row (table, TRUE, (const char *const *) header->pdata);
  for (guint e = 0; e < entries->len; e++)
    {
      const Criterion *entry = entries->pdata[e];
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      double sum = 0;
      gboolean any = FALSE;

      g_ptr_array_add (cells, g_strdup_printf ("%u", e + 1));
      g_ptr_array_add (cells, g_strdup (entry->name));
      for (guint c = 0; c < criteria->len; c++)
        {
          const Criterion *cr = criteria->pdata[c];
          g_autofree char *key = g_strdup_printf ("%" PRId64 ":%" PRId64, entry->id, cr->id);
          const char *text = g_hash_table_lookup (scores, key);

          if (text != NULL && g_ascii_isdigit (text[0]))
            {
              sum += g_ascii_strtod (text, NULL);
              any = TRUE;
            }
          g_ptr_array_add (cells, g_strdup (text));
        }
      g_ptr_array_add (cells, any ? score_text (sum) : NULL);
      tz_pdf_table_add_row (table, FALSE, (const char *const *) cells->pdata);
    }

  tz_pdf_title (pdf, title);
  tz_pdf_paragraph (pdf, TZ_FONT_HEADING, TZ_PT_SANHAO, TZ_ALIGN_START, who);
  tz_pdf_draw_table (pdf, table);
  tz_pdf_set_y (pdf, tz_pdf_get_y (pdf) + 10 * TZ_MM);
  tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_START,
                    "评委签字：____________　日期：____年___月___日");
  return TRUE;
}

static GPtrArray *
load_pairs (TzDb *db, const char *sql, gint64 track_id, gint64 campaign_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, error);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (criterion_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, track_id);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Criterion *c = g_new0 (Criterion, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = tz_db_column_dup (stmt, 1);
      c->max = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&out);
}

gboolean
tz_report_score_sheets (TzDb *db, gint64 campaign_id, gint64 track_id,
                        const TzReportOptions *options, const char *path, GError **error)
{
  g_auto (Doc) d = { 0 };
  g_autoptr (GPtrArray) judges = NULL;
  g_autoptr (GPtrArray) criteria = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (TzReportFonts) auto_fonts = NULL;
  TzPdf *pdf;

  if (!load_head (db, campaign_id, track_id, &d, error))
    return FALSE;
  judges = load_pairs (
      db,
      "SELECT j.id, CASE WHEN j.organization IS NULL OR j.organization = '' THEN j.name "
      "  ELSE j.name || '（' || j.organization || '）' END, 0 FROM judge j "
      "WHERE j.campaign_id = ?2 AND (j.id IN (SELECT judge_id FROM judge_track WHERE track_id = "
      "?1) OR j.id IN (SELECT s.judge_id FROM score s JOIN criterion c ON c.id = s.criterion_id "
      "WHERE c.track_id = ?1)) ORDER BY j.id",
      track_id, campaign_id, error);
  if (judges == NULL)
    return FALSE;
  if (judges->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("This track has no judges. Add its judges first."));
      return FALSE;
    }
  criteria = load_pairs (db,
                         "SELECT id, name, COALESCE(max_score, 0) FROM criterion "
                         "WHERE track_id = ?1 AND ?2 = ?2 ORDER BY seq, id",
                         track_id, campaign_id, error);
  if (criteria == NULL)
    return FALSE;
  entries = load_pairs (db,
                        "SELECT id, title, 0 FROM entry WHERE track_id = ?1 AND campaign_id = ?2 "
                        "AND status <> 'withdrawn' ORDER BY id",
                        track_id, campaign_id, error);
  if (entries == NULL)
    return FALSE;
  if (options->fonts == NULL)
    auto_fonts = tz_report_fonts_new (NULL, NULL, NULL);
  pdf = tz_pdf_new (path, criteria->len > 4, options->fonts != NULL ? options->fonts : auto_fonts,
                    error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, "评委评分表");
  for (guint i = 0; i < judges->len; i++)
    {
      const Criterion *j = judges->pdata[i];

      if (i > 0)
        tz_pdf_new_page (pdf);
      if (!score_sheet (db, pdf, &d, track_id, j->id, j->name, criteria, entries, error))
        {
          tz_pdf_free (pdf);
          return FALSE;
        }
    }
  return tz_pdf_finish (pdf, error);
}
