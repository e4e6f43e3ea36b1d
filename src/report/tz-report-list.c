/* tz-report-list.c — the list recommendation form (名单式推荐表) as PDF and xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hunan's 附件 of its 达人 track: “正能量职工网络达人征集”推荐表, one form per
 * recommending unit, its seal pressed on the unit's name. The form's words are
 * the notice's, so they are not translated.
 */
#define G_LOG_DOMAIN "tz-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "tz-audit.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-mask.h"
#include "tz-person.h"
#include "tz-report-list.h"
#include "tz-seal.h"
#include "tz-xlsx.h"

#define N_COLS 7
/* The notice's blank form holds ten rows on its first page: rows keep that
 * height so that the form looks like the one people know, and grow only when
 * their text wraps. */
#define ROW_MIN_HEIGHT (14.0 * TZ_MM)
#define CELL_PAD       (1.0 * TZ_MM)

typedef struct
{
  char *cells[N_COLS];
} ListRow;

static void
list_row_free (ListRow *row)
{
  for (guint i = 0; i < N_COLS; i++)
    g_free (row->cells[i]);
  g_free (row);
}

/* One unit's form. */
typedef struct
{
  gint64 unit_id;
  char *unit_name;
  GPtrArray *rows; /* ListRow */
} ListGroup;

static void
list_group_free (ListGroup *g)
{
  g_free (g->unit_name);
  g_ptr_array_unref (g->rows);
  g_free (g);
}

typedef struct
{
  char *title;
  const char *name_header;
  char *mailbox;
  char *deadline;
  GPtrArray *groups; /* ListGroup */
} ListForm;

static void
list_form_clear (ListForm *f)
{
  g_free (f->title);
  g_free (f->mailbox);
  g_free (f->deadline);
  g_clear_pointer (&f->groups, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListForm, list_form_clear)

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

/* The mailbox and the deadline of the notes: the track's deadline that names
 * a mailbox (the last one: the notice's own date, not an earlier relay's),
 * else the campaign's mailbox or a contact's. */
static gboolean
load_delivery (TzDb *db, const TzCampaign *c, gint64 track_id, ListForm *f, GError **error)
{
  g_autoptr (GPtrArray) deadlines = tz_campaign_list_deadlines (db, c->id, error);
  const TzDeadline *best = NULL;
  const TzDeadline *any = NULL;

  if (deadlines == NULL)
    return FALSE;
  for (guint i = 0; i < deadlines->len; i++)
    {
      const TzDeadline *d = deadlines->pdata[i];
      if (d->track_id != track_id)
        continue;
      any = d;
      if (d->mailbox != NULL && *d->mailbox != '\0')
        best = d;
    }
  if (best == NULL)
    best = any;
  if (best != NULL)
    {
      f->deadline = tz_report_date (best->due_date);
      if (best->mailbox != NULL && *best->mailbox != '\0')
        f->mailbox = g_strdup (best->mailbox);
    }
  if (f->mailbox == NULL && c->mailbox != NULL && *c->mailbox != '\0')
    f->mailbox = g_strdup (c->mailbox);
  if (f->mailbox == NULL)
    {
      g_autoptr (GPtrArray) contacts = tz_campaign_list_contacts (db, c->id, error);
      if (contacts == NULL)
        return FALSE;
      for (guint i = 0; i < contacts->len && f->mailbox == NULL; i++)
        {
          const TzContact *ct = contacts->pdata[i];
          if (ct->email != NULL && *ct->email != '\0')
            f->mailbox = g_strdup (ct->email);
        }
    }
  return TRUE;
}

static ListGroup *
find_group (GPtrArray *groups, const TzEntry *e)
{
  ListGroup *g;

  for (guint i = 0; i < groups->len; i++)
    {
      g = groups->pdata[i];
      if (g->unit_id == e->recommending_unit_id)
        return g;
    }
  g = g_new0 (ListGroup, 1);
  g->unit_id = e->recommending_unit_id;
  g->unit_name = g_strdup (e->recommending_unit_name);
  g->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) list_row_free);
  g_ptr_array_add (groups, g);
  return g;
}

static gboolean
load (TzDb *db, gint64 campaign_id, gint64 track_id, const TzListFormOptions *list,
      const TzReportOptions *o, ListForm *f, GError **error)
{
  g_autoptr (TzCampaign) c = tz_campaign_get (db, campaign_id, error);
  g_autoptr (TzEntryTrack) track = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  if (c == NULL)
    return FALSE;
  track = tz_entry_get_track (db, track_id, error);
  if (track == NULL)
    return FALSE;
  entries = tz_entry_search (db, campaign_id, track_id, NULL, 0, 0, error);
  if (entries == NULL)
    return FALSE;
  f->title = g_strdup_printf ("“%s”推荐表", track->name);
  /* The 达人 form says 达人姓名; other list forms just 姓名. */
  f->name_header = strstr (track->name, "达人") != NULL ? "达人姓名" : "姓名";
  f->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) list_group_free);
  if (!load_delivery (db, c, track_id, f, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      const TzEntry *e = entries->pdata[i];
      g_autoptr (TzPerson) p = NULL;
      ListGroup *g;
      ListRow *row;
      char *nickname = NULL;

      if (g_strcmp0 (e->status, "withdrawn") == 0)
        continue;
      if (list->unit_id != 0 && e->recommending_unit_id != list->unit_id)
        continue;
      if (e->person_id != 0)
        {
          p = tz_person_get (db, e->person_id, error);
          if (p == NULL)
            return FALSE;
        }
      if (!tz_entry_get_account_nickname (db, e->id, &nickname, error))
        return FALSE;
      g = find_group (f->groups, e);
      row = g_new0 (ListRow, 1);
      row->cells[0] = g_strdup_printf ("%u", g->rows->len + 1);
      row->cells[1] = g_strdup (p != NULL ? p->name : e->entrant_name);
      row->cells[2] = g_strdup (p == NULL                                     ? NULL
                                : p->employer != NULL && *p->employer != '\0' ? p->employer
                                                                              : p->unit_name);
      row->cells[3] = g_strdup (e->platform);
      row->cells[4] = nickname;
      if (p != NULL && p->phone != NULL)
        row->cells[5] = o->unmasked ? g_strdup (p->phone) : tz_mask_phone (p->phone);
      row->cells[6] = NULL;
      g_ptr_array_add (g->rows, row);
    }
  if (f->groups->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("“%s” has no entries to print. Add the nominees first."), track->name);
      return FALSE;
    }
  return TRUE;
}

static char *
note_delivery (const ListForm *f)
{
  return g_strdup_printf ("2. 投递邮箱：%s，截止日期%s。",
                          f->mailbox != NULL ? f->mailbox : "              ",
                          f->deadline != NULL ? f->deadline : "    年  月  日");
}

static const char *const list_header_tail[] = { "单位", "参赛平台", "账号昵称", "手机号", "备注" };

static void
header_cells (const ListForm *f, const char *cells[N_COLS])
{
  cells[0] = "序号";
  cells[1] = f->name_header;
  for (guint i = 0; i < G_N_ELEMENTS (list_header_tail); i++)
    cells[i + 2] = list_header_tail[i];
}

/* ---- PDF ---- */

static const double widths[N_COLS] = { 0.08, 0.15, 0.20, 0.13, 0.14, 0.19, 0.11 };

static double
pdf_row_height (TzPdf *pdf, const char *const *cells, TzFontRole role, double size)
{
  double h = ROW_MIN_HEIGHT;

  for (guint c = 0; c < N_COLS; c++)
    {
      double w = widths[c] * tz_pdf_block_width (pdf) - 2 * CELL_PAD;
      h = MAX (h, tz_pdf_text_height (pdf, role, size, w, cells[c]) + 2 * CELL_PAD);
    }
  return MIN (h, tz_pdf_block_height (pdf) / 2);
}

static void
pdf_draw_row (TzPdf *pdf, const char *const *cells, TzFontRole role, double size, double h)
{
  cairo_t *cr = tz_pdf_get_cairo (pdf);
  double x = tz_pdf_block_left (pdf);
  double y = tz_pdf_get_y (pdf);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.75);
  for (guint c = 0; c < N_COLS; c++)
    {
      double w = widths[c] * tz_pdf_block_width (pdf);
      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
      /* Long names and units shrink inside their cell rather than cross it. */
      tz_pdf_text_in_box (pdf, role, size, 7.0, c == 2 ? TZ_ALIGN_START : TZ_ALIGN_CENTER,
                          x + CELL_PAD, y + CELL_PAD, w - 2 * CELL_PAD, h - 2 * CELL_PAD, cells[c]);
      x += w;
    }
  cairo_restore (cr);
  tz_pdf_set_y (pdf, y + h);
}

static void
pdf_table (TzPdf *pdf, const ListForm *f, const ListGroup *g)
{
  const char *header[N_COLS];
  double size = TZ_PT_XIAOSI;
  double header_h;

  header_cells (f, header);
  header_h = pdf_row_height (pdf, header, TZ_FONT_HEADING, size);
  for (guint r = 0; r < g->rows->len; r++)
    {
      const ListRow *row = g->rows->pdata[r];
      const char *const *cells = (const char *const *) row->cells;
      double h = pdf_row_height (pdf, cells, TZ_FONT_BODY, size);

      if (r == 0 && tz_pdf_space_left (pdf) < header_h + h)
        tz_pdf_new_page (pdf);
      else if (r > 0 && tz_pdf_space_left (pdf) < h)
        tz_pdf_new_page (pdf);
      if (r == 0 || tz_pdf_get_y (pdf) <= tz_pdf_block_top (pdf) + 0.5)
        pdf_draw_row (pdf, header, TZ_FONT_HEADING, size, header_h);
      pdf_draw_row (pdf, cells, TZ_FONT_BODY, size, h);
    }
}

/* 推荐单位（盖章）：<unit>, the seal pressed on the name. */
static void
pdf_unit_line (TzPdf *pdf, TzDb *db, const ListGroup *g)
{
  const char *label = "推荐单位（盖章）：";
  double size = TZ_PT_SANHAO;
  double left = tz_pdf_block_left (pdf);
  double label_w = g_utf8_strlen (label, -1) * size;
  double name_w = tz_pdf_block_width (pdf) - label_w;
  double y = tz_pdf_get_y (pdf);
  double h = size * 2;
  g_autoptr (GBytes) png = NULL;
  gint64 seal_id = 0;

  tz_pdf_text_in_box (pdf, TZ_FONT_BODY, size, size, TZ_ALIGN_START, left, y, label_w, h, label);
  size = tz_pdf_text_in_box (pdf, TZ_FONT_BODY, size, 10.0, TZ_ALIGN_START, left + label_w, y,
                             name_w, h, nonnull (g->unit_name));
  if (g->unit_id != 0)
    png = tz_seal_get_default_png (db, g->unit_id, &seal_id, NULL);
  if (png != NULL)
    {
      cairo_surface_t *seal = tz_seal_get_surface (db, seal_id, NULL);
      /* Centred on the printed name (CJK characters are one em wide). */
      double text_w = MIN (name_w, g_utf8_strlen (nonnull (g->unit_name), -1) * size);

      if (seal != NULL)
        {
          tz_pdf_stamp_seal (pdf, seal, left + label_w + text_w / 2, y + h / 2,
                             TZ_SEAL_DEFAULT_DIAMETER_MM);
          cairo_surface_destroy (seal);
        }
    }
  tz_pdf_set_y (pdf, y + h + size * 0.5);
}

static gboolean
write_pdf (TzDb *db, const ListForm *f, const TzListFormOptions *list, const TzReportOptions *o,
           const char *path, GError **error)
{
  g_autoptr (TzReportFonts) auto_fonts =
      o->fonts == NULL ? tz_report_fonts_new (NULL, NULL, NULL) : NULL;
  g_autofree char *note2 = note_delivery (f);
  TzPdf *pdf = tz_pdf_new (path, FALSE, o->fonts != NULL ? o->fonts : auto_fonts, error);

  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, f->title);
  for (guint i = 0; i < f->groups->len; i++)
    {
      const ListGroup *g = f->groups->pdata[i];
      g_autofree char *filler = g_strdup_printf ("填表人姓名：%s", nonnull (list->filler_name));
      g_autofree char *title = g_strdup_printf ("职务：%s", nonnull (list->filler_title));
      g_autofree char *phone = g_strdup_printf ("联系方式：%s", nonnull (list->filler_phone));

      /* Each unit seals its own form: a new form starts on a new page. */
      if (i > 0)
        tz_pdf_new_page (pdf);
      tz_pdf_attachment_label (pdf, "附件");
      tz_pdf_title (pdf, f->title);
      pdf_unit_line (pdf, db, g);
      pdf_table (pdf, f, g);
      tz_pdf_set_y (pdf, tz_pdf_get_y (pdf) + TZ_PT_SANHAO * 0.5);
      tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_START, filler);
      tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_START, title);
      tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_START, phone);
      tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_XIAOSI, TZ_ALIGN_START,
                        "注：1. 经组织推荐的创作者仍需按规定程序报送征集内容；");
      tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_XIAOSI, TZ_ALIGN_START, note2);
    }
  return tz_pdf_finish (pdf, error);
}

/* ---- xlsx ---- */

/* A worksheet name: at most 31 characters, none of []:*?/\, unique. */
static char *
sheet_name (const char *unit, guint index, GHashTable *used)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (const char *p = nonnull (unit); *p != '\0' && n < 28; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);
      if (strchr ("[]:*?/\\'", (int) (ch < 128 ? ch : 'x')) == NULL || ch >= 128)
        g_string_append_unichar (s, ch);
    }
  if (s->len == 0 || g_hash_table_contains (used, s->str))
    g_string_append_printf (s, "%u", index + 1);
  g_hash_table_add (used, g_strdup (s->str));
  return g_string_free (s, FALSE);
}

static gboolean
write_xlsx (const ListForm *f, const TzListFormOptions *list, const char *path, GError **error)
{
  lxw_workbook *wb = !tz_report_create_output (path, error) ? NULL : workbook_new (path);
  lxw_format *title_fmt, *head_fmt, *text_fmt, *plain_fmt;
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *note2 = note_delivery (f);

  if (wb == NULL)
    return tz_xlsx_check (LXW_ERROR_CREATING_XLSX_FILE, path, error);
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
  /* Everything is text ("@"): phone numbers must never become numbers. */
  text_fmt = workbook_add_format (wb);
  format_set_border (text_fmt, LXW_BORDER_THIN);
  format_set_num_format (text_fmt, "@");
  format_set_text_wrap (text_fmt);
  format_set_align (text_fmt, LXW_ALIGN_VERTICAL_CENTER);
  plain_fmt = workbook_add_format (wb);
  format_set_num_format (plain_fmt, "@");

  for (guint i = 0; i < f->groups->len; i++)
    {
      const ListGroup *g = f->groups->pdata[i];
      g_autofree char *name = sheet_name (g->unit_name, i, used);
      lxw_worksheet *ws = workbook_add_worksheet (wb, name);
      g_autofree char *unit_line = g_strdup_printf ("推荐单位（盖章）：%s", nonnull (g->unit_name));
      g_autofree char *filler = g_strdup_printf ("填表人姓名：%s", nonnull (list->filler_name));
      g_autofree char *title = g_strdup_printf ("职务：%s", nonnull (list->filler_title));
      g_autofree char *phone = g_strdup_printf ("联系方式：%s", nonnull (list->filler_phone));
      const char *header[N_COLS];
      double col_w[N_COLS];
      lxw_row_t row = 3;

      if (ws == NULL)
        {
          workbook_close (wb);
          return tz_xlsx_check (LXW_ERROR_SHEETNAME_ALREADY_USED, path, error);
        }
      header_cells (f, header);
      worksheet_merge_range (ws, 0, 0, 0, N_COLS - 1, f->title, title_fmt);
      worksheet_set_row (ws, 0, 36, NULL);
      worksheet_merge_range (ws, 1, 0, 1, N_COLS - 1, unit_line, plain_fmt);
      for (guint c = 0; c < N_COLS; c++)
        {
          worksheet_write_string (ws, 2, c, header[c], head_fmt);
          col_w[c] = MAX (6, tz_xlsx_text_width (header[c]));
        }
      for (guint r = 0; r < g->rows->len; r++, row++)
        {
          const ListRow *lr = g->rows->pdata[r];
          for (guint c = 0; c < N_COLS; c++)
            {
              worksheet_write_string (ws, row, c, nonnull (lr->cells[c]), text_fmt);
              col_w[c] = MAX (col_w[c], tz_xlsx_text_width (lr->cells[c]));
            }
        }
      row++;
      worksheet_write_string (ws, row++, 0, filler, plain_fmt);
      worksheet_write_string (ws, row++, 0, title, plain_fmt);
      worksheet_write_string (ws, row++, 0, phone, plain_fmt);
      worksheet_write_string (ws, row++, 0, "注：1. 经组织推荐的创作者仍需按规定程序报送征集内容；",
                              plain_fmt);
      worksheet_write_string (ws, row, 0, note2, plain_fmt);
      for (guint c = 0; c < N_COLS; c++)
        worksheet_set_column (ws, c, c, MIN (col_w[c] + 1, 60), NULL);
      worksheet_freeze_panes (ws, 3, 0);
      worksheet_autofilter (ws, 2, 0, 2 + g->rows->len, N_COLS - 1);
      worksheet_set_paper (ws, 9); /* A4 */
      worksheet_repeat_rows (ws, 2, 2);
    }
  return tz_xlsx_check (workbook_close (wb), path, error);
}

gboolean
tz_report_list_form (TzDb *db, gint64 campaign_id, gint64 track_id, const TzListFormOptions *list,
                     const TzReportOptions *options, const char *path, GError **error)
{
  g_auto (ListForm) form = { 0 };
  TzListFormOptions none = { 0 };

  if (list == NULL)
    list = &none;
  if (!load (db, campaign_id, track_id, list, options, &form, error))
    return FALSE;
  if (options->unmasked)
    {
      g_autofree char *details =
          g_strdup_printf ("{\"report\": \"list-form\", \"track\": %" G_GINT64_FORMAT
                           ", \"unit\": %" G_GINT64_FORMAT ", \"unmasked\": true}",
                           track_id, list->unit_id);
      if (!tz_audit_record (db, "track", track_id, "export", details, error))
        return FALSE;
    }
  if (options->format == TZ_REPORT_XLSX)
    return write_xlsx (&form, list, path, error);
  return write_pdf (db, &form, list, options, path, error);
}
