/* tz-report-bundle.c — the submission bundle: everything a unit sends up, in one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cover, contents, the stamped personal forms, then the scans and PDFs kept
 * with the people and entries, with bookmarks and one run of "— N —" page
 * numbers. The forms are written by tz_report_person_forms() into a temporary
 * PDF and its pages drawn back through poppler, so that the bundle shows
 * exactly what the form report prints. Every part is read before the output
 * is opened, so that the number of pages — and so the page numbers of the
 * contents — is known before the first page is drawn, and a part that cannot
 * be read leaves no half-written file behind.
 */
#define G_LOG_DOMAIN "tz-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <unistd.h>

#include "tz-attachment.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-report-bundle.h"

/* poppler-glib 22.12 defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define A4_W         (210.0 * TZ_MM)
#define A4_H         (297.0 * TZ_MM)
#define CONTENTS_PT  TZ_PT_SANHAO
#define CONTENTS_ROW (CONTENTS_PT * 1.8)

typedef enum
{
  PART_FORM,
  PART_PDF,
  PART_IMAGE,
} PartKind;

typedef struct
{
  PartKind kind;
  char *label;
  PopplerDocument *doc; /* forms: the form report, shared; PDFs: the attachment */
  int doc_page;         /* forms: its page in @doc */
  cairo_surface_t *image;
  int n_pages;
  int first_page; /* in the bundle, 1-based */
} Part;

static void
part_free (Part *part)
{
  g_free (part->label);
  g_clear_object (&part->doc);
  g_clear_pointer (&part->image, cairo_surface_destroy);
  g_free (part);
}

/* One line of the contents: a section or one of its items. */
typedef struct
{
  gboolean section;
  const char *text;
  int page;
} ContentsLine;

static PopplerDocument *
open_pdf_bytes (const char *path, const char *what, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  PopplerDocument *doc;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, _ ("“%s” cannot be read: %s"), what,
                   local->message);
      return NULL;
    }
  /* Read into memory: the form report's file is removed right after. */
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (doc == NULL)
    g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, _ ("“%s” cannot be read: %s"), what,
                 local->message);
  return doc;
}

/* The entries whose forms print, in the order tz_report_person_forms() prints
 * them: the track's entries but the withdrawn ones. */
static GPtrArray *
form_entries (TzDb *db, gint64 campaign_id, gint64 track_id, GError **error)
{
  g_autoptr (GPtrArray) all = tz_entry_search (db, campaign_id, track_id, NULL, 0, 0, error);
  GPtrArray *out;

  if (all == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_free);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((TzEntry *) all->pdata[i])->status, "withdrawn") != 0)
      g_ptr_array_add (out, g_steal_pointer (&all->pdata[i]));
  return out;
}

/* The forms of one track as parts, one per entry. */
static gboolean
add_forms (TzDb *db, gint64 campaign_id, gint64 track_id, GPtrArray *entries,
           const TzReportOptions *options, GPtrArray *parts, GPtrArray *missing, GError **error)
{
  g_autoptr (GPtrArray) unsealed = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr (PopplerDocument) doc = NULL;
  int fd, n_pages;
  gboolean ok;

  fd = g_file_open_tmp ("taizhang-forms-XXXXXX.pdf", &tmp, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  ok = tz_report_person_forms (db, campaign_id, track_id, 0, options, tmp, &unsealed, error);
  for (guint i = 0; ok && i < unsealed->len; i++)
    if (!g_ptr_array_find_with_equal_func (missing, unsealed->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (missing, g_strdup (unsealed->pdata[i]));
  if (ok)
    doc = open_pdf_bytes (tmp, "推荐表", error);
  g_unlink (tmp);
  if (doc == NULL)
    return FALSE;
  n_pages = poppler_document_get_n_pages (doc);
  for (guint i = 0; i < entries->len; i++)
    {
      TzEntry *e = entries->pdata[i];
      Part *part = g_new0 (Part, 1);

      part->kind = PART_FORM;
      part->label = g_strdup (e->entrant_name != NULL ? e->entrant_name : "");
      part->doc = g_object_ref (doc);
      /* One page per entry; should a form ever take two, the last one takes
       * what is left. */
      part->doc_page = MIN ((int) i, n_pages - 1);
      part->n_pages = i + 1 < entries->len ? 1 : MAX (1, n_pages - (int) i);
      g_ptr_array_add (parts, part);
    }
  return TRUE;
}

static gboolean
wanted_kind (const char *kind)
{
  return g_strcmp0 (kind, "material") == 0 || g_strcmp0 (kind, "form") == 0 ||
         g_strcmp0 (kind, "file") == 0;
}

static gboolean
add_attachments (TzDb *db, TzAttachmentOwner owner, gint64 owner_id, const char *name,
                 GPtrArray *parts, GError **error)
{
  g_autoptr (GPtrArray) list = tz_attachment_list (db, owner, owner_id, NULL, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      TzAttachment *a = list->pdata[i];
      g_autofree char *path = NULL;
      const char *title = a->title != NULL && *a->title ? a->title : a->file_name;
      Part *part;

      if (!wanted_kind (a->kind) || a->mime_type == NULL)
        continue;
      path = tz_attachment_path (db, a);
      part = g_new0 (Part, 1);
      part->label = g_strdup_printf ("%s：%s", name, title != NULL ? title : "");
      if (g_strcmp0 (a->mime_type, "application/pdf") == 0)
        {
          part->kind = PART_PDF;
          part->doc = open_pdf_bytes (path, title, error);
          if (part->doc == NULL)
            {
              part_free (part);
              return FALSE;
            }
          part->n_pages = poppler_document_get_n_pages (part->doc);
        }
      else if (g_str_has_prefix (a->mime_type, "image/"))
        {
          g_autoptr (GError) local = NULL;
          /* Scans are large; 2400 pixels on the long side print sharp on A4. */
          g_autoptr (GdkPixbuf) pixbuf =
              gdk_pixbuf_new_from_file_at_scale (path, 2400, 2400, TRUE, &local);

          part->kind = PART_IMAGE;
          if (pixbuf != NULL)
            part->image = tz_pdf_surface_from_pixbuf (pixbuf);
          if (part->image == NULL)
            {
              g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, _ ("“%s” cannot be read: %s"), title,
                           local != NULL ? local->message : "");
              part_free (part);
              return FALSE;
            }
          part->n_pages = 1;
        }
      else
        {
          /* Word files and the like cannot be drawn: they are sent as they are. */
          g_debug ("bundle: %s (%s) left out", title, a->mime_type);
          part_free (part);
          continue;
        }
      if (part->n_pages > 0)
        g_ptr_array_add (parts, part);
      else
        part_free (part);
    }
  return TRUE;
}

/* Draws @page scaled into the box (x, y, w, h), centred; 1:1 when @exact. */
static void
draw_poppler_page (TzPdf *pdf, PopplerPage *page, gboolean exact)
{
  cairo_t *cr = tz_pdf_get_cairo (pdf);
  double w, h, scale = 1.0, x = 0, y = 0;

  poppler_page_get_size (page, &w, &h);
  if (!exact && w > 0 && h > 0)
    {
      /* Attached pages shrink a little to leave the band of the page number free. */
      double bx = 10 * TZ_MM, by = 10 * TZ_MM, bw = A4_W - 20 * TZ_MM, bh = A4_H - 35 * TZ_MM;
      scale = MIN (bw / w, bh / h);
      x = bx + (bw - w * scale) / 2;
      y = by + (bh - h * scale) / 2;
    }
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  tz_pdf_set_y (pdf, tz_pdf_block_top (pdf) + tz_pdf_block_height (pdf));
}

static void
draw_part (TzPdf *pdf, Part *part)
{
  for (int i = 0; i < part->n_pages; i++)
    {
      tz_pdf_new_page (pdf);
      if (part->kind == PART_IMAGE)
        {
          double top = tz_pdf_block_top (pdf);
          double cap = 2 * TZ_PT_SIHAO;

          tz_pdf_text_in_box (pdf, TZ_FONT_HEADING, TZ_PT_SIHAO, TZ_PT_WUHAO, TZ_ALIGN_START,
                              tz_pdf_block_left (pdf), top, tz_pdf_block_width (pdf), cap,
                              part->label);
          tz_pdf_image_in_box (pdf, part->image, tz_pdf_block_left (pdf), top + cap,
                               tz_pdf_block_width (pdf), tz_pdf_block_height (pdf) - cap);
          tz_pdf_set_y (pdf, top + tz_pdf_block_height (pdf));
        }
      else
        {
          g_autoptr (PopplerPage) page = poppler_document_get_page (part->doc, part->doc_page + i);
          if (page != NULL)
            draw_poppler_page (pdf, page, part->kind == PART_FORM);
        }
    }
}

static int
contents_rows_per_page (void)
{
  return (int) (225.0 * TZ_MM / CONTENTS_ROW);
}

/* The title takes three rows of the first contents page. */
static int
contents_pages (guint n_lines)
{
  int per_page = contents_rows_per_page ();
  int first = per_page - 3;

  if ((int) n_lines <= first)
    return 1;
  return 1 + ((int) n_lines - first + per_page - 1) / per_page;
}

/* The width of @text on one line, for the leader dots that follow it. */
static double
text_width (cairo_t *cr, const TzReportFonts *fonts, TzFontRole role, double size, const char *text)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc =
      pango_font_description_from_string (tz_report_fonts_get (fonts, role));
  int w, h;

  /* Points, as the PDF's own layouts measure them. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
draw_contents (TzPdf *pdf, const TzReportFonts *fonts, GArray *lines)
{
  cairo_t *cr = tz_pdf_get_cairo (pdf);
  double left = tz_pdf_block_left (pdf);
  double width = tz_pdf_block_width (pdf);
  double bottom = tz_pdf_block_top (pdf) + tz_pdf_block_height (pdf);
  double y = tz_pdf_block_top (pdf);

  tz_pdf_text_in_box (pdf, TZ_FONT_TITLE, TZ_PT_ERHAO, TZ_PT_SANHAO, TZ_ALIGN_CENTER, left, y,
                      width, 2 * CONTENTS_ROW, "目　　录");
  y += 3 * CONTENTS_ROW;
  for (guint i = 0; i < lines->len; i++)
    {
      ContentsLine *l = &g_array_index (lines, ContentsLine, i);
      TzFontRole role = l->section ? TZ_FONT_HEADING : TZ_FONT_BODY;
      double indent = l->section ? 0 : 2 * CONTENTS_PT;
      double text_w = width * 0.85 - indent;
      g_autofree char *page = g_strdup_printf ("%d", l->page);
      g_autofree char *link = g_strdup_printf ("page=%d", l->page);
      double used, from, to;

      if (y + CONTENTS_ROW > bottom + 1)
        {
          tz_pdf_new_page (pdf);
          y = tz_pdf_block_top (pdf);
        }
      /* Each line opens its page when clicked. */
      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
      tz_pdf_text_in_box (pdf, role, CONTENTS_PT, TZ_PT_WUHAO, TZ_ALIGN_START, left + indent, y,
                          text_w, CONTENTS_ROW, l->text);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, CONTENTS_PT, TZ_PT_WUHAO, TZ_ALIGN_END,
                          left + width * 0.85, y, width * 0.15, CONTENTS_ROW, page);
      cairo_tag_end (cr, CAIRO_TAG_LINK);

      /* Leader dots from the end of the text to the page number; a text that
       * had to shrink or wrap gets none. */
      used = text_width (cr, fonts, role, CONTENTS_PT, l->text);
      from = left + indent + used + CONTENTS_PT / 2;
      to = left + width - text_width (cr, fonts, TZ_FONT_BODY, CONTENTS_PT, page) - CONTENTS_PT / 2;
      if (used <= text_w && to - from > CONTENTS_PT)
        {
          cairo_save (cr);
          cairo_set_line_width (cr, 1.0);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (cr, (double[]){ 0.0, 4.0 }, 2, 0);
          cairo_move_to (cr, from, y + CONTENTS_ROW * 0.68);
          cairo_line_to (cr, to, y + CONTENTS_ROW * 0.68);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      y += CONTENTS_ROW;
    }
  tz_pdf_set_y (pdf, y);
}

static void
draw_cover (TzPdf *pdf, const TzCampaign *campaign, const char *track_name, const char *unit_name,
            guint n_forms, guint n_attachments, int attachment_pages)
{
  g_autofree char *today = tz_today ();
  g_autofree char *date = tz_report_date (today);
  g_autofree char *forms = g_strdup_printf ("一、推荐表（%u份）", n_forms);
  g_autofree char *attached = n_attachments > 0 ? g_strdup_printf ("二、附件材料（%u份，共%d页）",
                                                                   n_attachments, attachment_pages)
                                                : NULL;
  double bottom = tz_pdf_block_top (pdf) + tz_pdf_block_height (pdf);

  tz_pdf_set_y (pdf, tz_pdf_block_top (pdf) + 25 * TZ_MM);
  tz_pdf_title (pdf, campaign->title != NULL ? campaign->title : "");
  if (track_name != NULL)
    tz_pdf_paragraph (pdf, TZ_FONT_HEADING, TZ_PT_SANHAO, TZ_ALIGN_CENTER, track_name);
  tz_pdf_set_y (pdf, tz_pdf_get_y (pdf) + 8 * TZ_MM);
  tz_pdf_paragraph (pdf, TZ_FONT_TITLE, TZ_PT_ERHAO, TZ_ALIGN_CENTER, "报送材料");
  tz_pdf_set_y (pdf, tz_pdf_get_y (pdf) + 15 * TZ_MM);
  tz_pdf_paragraph (pdf, TZ_FONT_KAI, TZ_PT_SANHAO, TZ_ALIGN_CENTER, forms);
  if (attached != NULL)
    tz_pdf_paragraph (pdf, TZ_FONT_KAI, TZ_PT_SANHAO, TZ_ALIGN_CENTER, attached);

  tz_pdf_set_y (pdf, bottom - 4 * TZ_PT_SANHAO * 1.6);
  if (unit_name != NULL && *unit_name)
    {
      g_autofree char *unit = g_strdup_printf ("报送单位：%s", unit_name);
      tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_CENTER, unit);
    }
  tz_pdf_paragraph (pdf, TZ_FONT_BODY, TZ_PT_SANHAO, TZ_ALIGN_CENTER, date);
}

gboolean
tz_report_bundle_with_seals (TzDb *db, gint64 campaign_id, gint64 track_id, const char *unit_name,
                             const TzReportOptions *options, const char *path,
                             GPtrArray **missing_seals, GError **error)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (TzCampaign) campaign = tz_campaign_get (db, campaign_id, error);
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  g_autoptr (GPtrArray) attached = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (ContentsLine));
  g_autoptr (TzReportFonts) auto_fonts = NULL;
  TzReportOptions defaults = { .format = TZ_REPORT_PDF };
  const char *single_track = NULL;
  int page, n_contents, attachment_pages = 0;
  TzPdf *pdf;

  if (campaign == NULL)
    return FALSE;
  if (options == NULL)
    options = &defaults;
  if (track_id > 0)
    {
      TzEntryTrack *t = tz_entry_get_track (db, track_id, error);
      if (t == NULL)
        return FALSE;
      tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_track_free);
      g_ptr_array_add (tracks, t);
      single_track = t->name;
    }
  else
    {
      tracks = tz_entry_list_tracks (db, campaign_id, error);
      if (tracks == NULL)
        return FALSE;
    }

  for (guint i = 0; i < tracks->len; i++)
    {
      TzEntryTrack *t = tracks->pdata[i];
      g_autoptr (GPtrArray) entries = NULL;

      if (track_id == 0 && g_strcmp0 (t->form, "personal") != 0)
        continue;
      entries = form_entries (db, campaign_id, t->id, error);
      if (entries == NULL)
        return FALSE;
      if (entries->len == 0)
        continue;
      if (!add_forms (db, campaign_id, t->id, entries, options, forms, missing, error))
        return FALSE;
      for (guint k = 0; k < entries->len; k++)
        {
          TzEntry *e = entries->pdata[k];
          const char *name = e->entrant_name != NULL ? e->entrant_name : "";
          if (e->person_id > 0 && !add_attachments (db, TZ_ATTACHMENT_OWNER_PERSON, e->person_id,
                                                    name, attached, error))
            return FALSE;
          if (!add_attachments (db, TZ_ATTACHMENT_OWNER_ENTRY, e->id, name, attached, error))
            return FALSE;
        }
    }
  if (forms->len == 0)
    {
      if (single_track != NULL)
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                     _ ("“%s” has no entries to print. Add the nominees first."), single_track);
      else
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                     _ ("The campaign has no entries with a personal form to put in a bundle."));
      return FALSE;
    }

  /* The contents first, as lines; then every part's first page. */
  g_array_append_val (lines, ((ContentsLine){ TRUE, "一、推荐表", 0 }));
  for (guint i = 0; i < forms->len; i++)
    g_array_append_val (lines, ((ContentsLine){ FALSE, ((Part *) forms->pdata[i])->label, 0 }));
  if (attached->len > 0)
    {
      g_array_append_val (lines, ((ContentsLine){ TRUE, "二、附件材料", 0 }));
      for (guint i = 0; i < attached->len; i++)
        g_array_append_val (lines,
                            ((ContentsLine){ FALSE, ((Part *) attached->pdata[i])->label, 0 }));
    }
  n_contents = contents_pages (lines->len);
  page = 2 + n_contents;
  for (guint i = 0; i < forms->len; i++)
    {
      Part *p = forms->pdata[i];
      p->first_page = page;
      page += p->n_pages;
    }
  for (guint i = 0; i < attached->len; i++)
    {
      Part *p = attached->pdata[i];
      p->first_page = page;
      page += p->n_pages;
      attachment_pages += p->n_pages;
    }
  {
    guint k = 0;
    g_array_index (lines, ContentsLine, k++).page = ((Part *) forms->pdata[0])->first_page;
    for (guint i = 0; i < forms->len; i++)
      g_array_index (lines, ContentsLine, k++).page = ((Part *) forms->pdata[i])->first_page;
    if (attached->len > 0)
      {
        g_array_index (lines, ContentsLine, k++).page = ((Part *) attached->pdata[0])->first_page;
        for (guint i = 0; i < attached->len; i++)
          g_array_index (lines, ContentsLine, k++).page = ((Part *) attached->pdata[i])->first_page;
      }
  }

  if (options->fonts == NULL)
    auto_fonts = tz_report_fonts_new (NULL, NULL, NULL);
  pdf = tz_pdf_new (path, FALSE, options->fonts != NULL ? options->fonts : auto_fonts, error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, campaign->title != NULL ? campaign->title : "");

  /* The cover is counted but, as usual, not numbered. */
  tz_pdf_set_page_numbers (pdf, FALSE, 1);
  draw_cover (pdf, campaign, single_track, unit_name, forms->len, attached->len, attachment_pages);
  tz_pdf_new_page (pdf);
  tz_pdf_set_page_numbers (pdf, TRUE, 1);
  draw_contents (pdf, options->fonts != NULL ? options->fonts : auto_fonts, lines);
  for (guint i = 0; i < forms->len; i++)
    draw_part (pdf, forms->pdata[i]);
  for (guint i = 0; i < attached->len; i++)
    draw_part (pdf, attached->pdata[i]);

  {
    int root;
    tz_pdf_add_outline (pdf, 0, "封面", 1);
    tz_pdf_add_outline (pdf, 0, "目录", 2);
    root = tz_pdf_add_outline (pdf, 0, "推荐表", ((Part *) forms->pdata[0])->first_page);
    for (guint i = 0; i < forms->len; i++)
      tz_pdf_add_outline (pdf, root, ((Part *) forms->pdata[i])->label,
                          ((Part *) forms->pdata[i])->first_page);
    if (attached->len > 0)
      {
        root = tz_pdf_add_outline (pdf, 0, "附件材料", ((Part *) attached->pdata[0])->first_page);
        for (guint i = 0; i < attached->len; i++)
          tz_pdf_add_outline (pdf, root, ((Part *) attached->pdata[i])->label,
                              ((Part *) attached->pdata[i])->first_page);
      }
  }
  if (tz_pdf_get_page_number (pdf) != page - 1)
    g_debug ("bundle: %d pages drawn, %d counted", tz_pdf_get_page_number (pdf), page - 1);
  if (!tz_pdf_finish (pdf, error))
    {
      g_unlink (path);
      return FALSE;
    }
  if (missing_seals != NULL)
    *missing_seals = g_steal_pointer (&missing);
  return TRUE;
}

gboolean
tz_report_bundle (TzDb *db, gint64 campaign_id, gint64 track_id, const char *unit_name,
                  const TzReportOptions *options, const char *path, GError **error)
{
  return tz_report_bundle_with_seals (db, campaign_id, track_id, unit_name, options, path, NULL,
                                      error);
}
