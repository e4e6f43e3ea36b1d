/* tz-report-form.c — the personal recommendation form (推荐表), one page per person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid of the Heilongjiang notice's 附件2:
 *
 *   姓 名    | …        | 性 别    | …     | (照片)
 *   出生年月 | …        | 民 族    | …     |
 *   政治面貌 | …        | 联系方式 | …     |
 *   工作单位及职务 | …                          (across)
 *   事迹简介 (200 字) | … 签字：  年 月 日       (across)
 *   推荐单位意见 | …  unit / date / seal         (across)
 *   市(地)总工会主管部门意见 | … | 省总工会主管部门意见 | …
 *
 * The opinion levels come from the track (as many as the notice's form has);
 * the first goes across the page, the next two share the last row, further
 * levels take a row each. Every box is signed by its unit, its date written
 * 2023年1月5日, and the unit's seal pressed on both when the opinion is
 * sealed. The words of the form print in Chinese whatever the language of the
 * interface: the form is the notice's.
 */
#define G_LOG_DOMAIN "tz-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "tz-audit.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-mask.h"
#include "tz-person.h"
#include "tz-report.h"
#include "tz-seal.h"

#define LABEL_PT 14.0
#define VALUE_PT 14.0
#define MIN_PT   8.0
#define PAD      (1.5 * TZ_MM)

typedef struct
{
  double x, y, w, h;
} Box;

char *
tz_report_date (const char *iso_date)
{
  int y = 0, m = 0, d = 0;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("年    月    日");
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

static void
stroke (TzPdf *pdf, Box b)
{
  cairo_t *cr = tz_pdf_get_cairo (pdf);

  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, b.x, b.y, b.w, b.h);
  cairo_stroke (cr);
}

static void
label (TzPdf *pdf, Box b, const char *text)
{
  stroke (pdf, b);
  tz_pdf_text_in_box (pdf, TZ_FONT_BODY, LABEL_PT, MIN_PT, TZ_ALIGN_CENTER, b.x + PAD, b.y + PAD,
                      b.w - 2 * PAD, b.h - 2 * PAD, text);
}

static void
value (TzPdf *pdf, Box b, const char *text)
{
  stroke (pdf, b);
  tz_pdf_text_in_box (pdf, TZ_FONT_BODY, VALUE_PT, MIN_PT, TZ_ALIGN_CENTER, b.x + PAD, b.y + PAD,
                      b.w - 2 * PAD, b.h - 2 * PAD, text);
}

/* A text box with the text at the top and a signature at the bottom right. */
static void
signed_box (TzPdf *pdf, Box b, const char *text, const char *unit_name, const char *date_iso,
            const char *tail, cairo_surface_t *seal, double seal_mm)
{
  g_autofree char *date = tz_report_date (date_iso);
  g_autofree char *date_line =
      tail != NULL ? g_strdup_printf ("%s%s", date, tail) : g_strdup (date);
  double line = VALUE_PT * 1.8;
  double sig_h = line * 2 + PAD;
  double sig_y = b.y + b.h - sig_h;
  double text_h;

  /* With a seal, the name and date go up so that the seal, pressed on them,
   * stays inside the box; a box lower than the seal gets it centred. */
  if (seal != NULL)
    {
      double r = seal_mm * TZ_MM / 2;
      sig_y = MIN (sig_y, b.y + b.h - 1.0 * TZ_MM - 0.75 * line - r);
      if (sig_y + 0.75 * line - r < b.y)
        sig_y = b.y + b.h / 2 - 0.75 * line;
    }
  text_h = sig_y - b.y - 2 * PAD;

  stroke (pdf, b);
  if (text != NULL && *text != '\0' && text_h > VALUE_PT)
    {
      cairo_t *cr = tz_pdf_get_cairo (pdf);
      double used;

      /* The text starts at the top; tz_pdf_text_in_box centres vertically, so
       * give it only as much height as it needs. */
      used = tz_pdf_text_height (pdf, TZ_FONT_BODY, VALUE_PT, b.w - 2 * PAD, text);
      cairo_save (cr);
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, VALUE_PT, MIN_PT, TZ_ALIGN_START, b.x + PAD, b.y + PAD,
                          b.w - 2 * PAD, MIN (used, text_h), text);
      cairo_restore (cr);
    }
  tz_pdf_signature (pdf, b.x + PAD, sig_y, b.w - 2 * PAD, VALUE_PT, 1, unit_name, date_line, seal,
                    seal_mm);
}

/* What a batch of forms reuses: seals and photos are decoded once, and cairo
 * writes one image into the PDF for all the pages that show the same surface.
 * Units that should seal but have no seal are collected in @missing. */
typedef struct
{
  GPtrArray *missing;
  GHashTable *seals;  /* unit id → Seal (NULL surface when the unit has none) */
  GHashTable *photos; /* stored path → cairo_surface_t */
} FormCache;

typedef struct
{
  cairo_surface_t *surface;
  double diameter_mm;
} Seal;

static void
seal_free (gpointer data)
{
  Seal *seal = data;

  g_clear_pointer (&seal->surface, cairo_surface_destroy);
  g_free (seal);
}

static void
form_cache_init (FormCache *cache)
{
  cache->missing = g_ptr_array_new_with_free_func (g_free);
  cache->seals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, seal_free);
  cache->photos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
}

static void
form_cache_clear (FormCache *cache)
{
  g_clear_pointer (&cache->missing, g_ptr_array_unref);
  g_clear_pointer (&cache->seals, g_hash_table_unref);
  g_clear_pointer (&cache->photos, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FormCache, form_cache_clear)

/* A borrowed surface, or NULL. */
static cairo_surface_t *
load_photo (TzDb *db, FormCache *cache, gint64 person_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_person_get_photo (db, person_id, &error);
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *surface;

  if (path == NULL)
    return NULL;
  if (g_hash_table_contains (cache->photos, path))
    return g_hash_table_lookup (cache->photos, path);
  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, 600, 800, TRUE, &error);
  if (pixbuf == NULL)
    g_warning ("photo of person %" G_GINT64_FORMAT ": %s", person_id, error->message);
  surface = pixbuf != NULL ? tz_pdf_surface_from_pixbuf (pixbuf) : NULL;
  g_hash_table_insert (cache->photos, g_steal_pointer (&path), surface);
  return surface;
}

/* The seal to press on an opinion (borrowed): the unit's default, when the
 * opinion is marked sealed. */
static cairo_surface_t *
opinion_seal (TzDb *db, FormCache *cache, const TzOpinion *o, double *diameter)
{
  Seal *seal;

  *diameter = 42.0;
  if (o == NULL || !o->sealed || o->unit_id <= 0)
    return NULL;
  seal = g_hash_table_lookup (cache->seals, &o->unit_id);
  if (seal == NULL)
    {
      g_autoptr (GBytes) png = NULL;
      g_autoptr (TzSeal) info = NULL;
      gint64 seal_id = 0;

      seal = g_new0 (Seal, 1);
      seal->diameter_mm = 42.0;
      png = tz_seal_get_default_png (db, o->unit_id, &seal_id, NULL);
      if (png != NULL)
        {
          info = tz_seal_get (db, seal_id, NULL);
          if (info != NULL)
            seal->diameter_mm = info->diameter_mm;
          seal->surface = tz_seal_get_surface (db, seal_id, NULL);
        }
      g_hash_table_insert (cache->seals, g_memdup2 (&o->unit_id, sizeof (gint64)), seal);
    }
  if (seal->surface == NULL && o->unit_name != NULL &&
      !g_ptr_array_find_with_equal_func (cache->missing, o->unit_name, g_str_equal, NULL))
    g_ptr_array_add (cache->missing, g_strdup (o->unit_name));
  *diameter = seal->diameter_mm;
  return seal->surface;
}

static const TzOpinion *
opinion_at (GPtrArray *opinions, int level)
{
  for (guint i = 0; opinions != NULL && i < opinions->len; i++)
    if (((TzOpinion *) opinions->pdata[i])->level == level)
      return opinions->pdata[i];
  return NULL;
}

static void
draw_opinion (TzDb *db, TzPdf *pdf, Box lbl, Box box, const char *level_name, const TzOpinion *o,
              FormCache *cache)
{
  double seal_mm;
  cairo_surface_t *seal = opinion_seal (db, cache, o, &seal_mm);

  label (pdf, lbl, level_name);
  signed_box (pdf, box, o != NULL ? o->text : NULL, o != NULL ? o->unit_name : NULL,
              o != NULL ? o->signed_on : NULL, seal == NULL ? "（盖章）" : NULL, seal, seal_mm);
}

static void
draw_form (TzDb *db, TzPdf *pdf, const TzEntryTrack *track, const TzEntry *entry, const TzPerson *p,
           GPtrArray *opinions, const TzReportOptions *o, FormCache *cache)
{
  g_autofree char *phone =
      o->unmasked || p == NULL ? g_strdup (p != NULL ? p->phone : NULL) : tz_mask_phone (p->phone);
  g_autofree char *birth = NULL;
  g_autofree char *work = NULL;
  g_autofree char *title = NULL;
  double left = tz_pdf_block_left (pdf);
  double width = tz_pdf_block_width (pdf);
  double top, bottom, row, rest;
  /* Five columns: label, value, label, value, photo. */
  double cw[5] = { 0.22, 0.24, 0.16, 0.17, 0.21 };
  double cx[6];
  guint n_levels = track->opinion_levels != NULL ? g_strv_length (track->opinion_levels) : 0;
  guint extra_rows = n_levels > 3 ? n_levels - 3 : 0;
  cairo_surface_t *photo = p != NULL ? load_photo (db, cache, p->id) : NULL;

  cx[0] = left;
  for (int i = 0; i < 5; i++)
    cx[i + 1] = cx[i] + cw[i] * width;

  if (p != NULL && p->birth_date != NULL)
    {
      int y = 0, m = 0;
      if (sscanf (p->birth_date, "%d-%d", &y, &m) == 2)
        birth = g_strdup_printf ("%d年%d月", y, m);
    }
  if (p != NULL)
    work = g_strjoin (" ", p->employer != NULL ? p->employer : "",
                      p->position != NULL ? p->position : "", NULL);

  /* 《传播网络正能量 讲述奋进故事》推荐表: the track's name as the notice writes
   * it, without the kind of activity that follows the book-title marks. */
  {
    const char *name = track->name;
    const char *close = g_strstr_len (name, -1, "》");
    title = close != NULL
                ? g_strdup_printf ("%.*s推荐表", (int) (close - name + strlen ("》")), name)
                : g_strdup_printf ("%s推荐表", name);
  }
  tz_pdf_title (pdf, title);

  top = tz_pdf_get_y (pdf);
  bottom = tz_pdf_block_top (pdf) + tz_pdf_block_height (pdf);
  row = 12.5 * TZ_MM;
  rest = bottom - top - 4 * row - extra_rows * 40 * TZ_MM;

  /* Rows 1–3 with the photo beside them. */
  {
    const char *l1[] = { "姓  名", "出生年月", "政治面貌" };
    const char *v1[] = { p ? p->name : entry->entrant_name, birth, p ? p->political : NULL };
    const char *l2[] = { "性  别", "民  族", "联系方式" };
    const char *v2[] = { p ? p->gender : NULL, p ? p->ethnicity : NULL, phone };
    Box photo_box = { cx[4], top, cx[5] - cx[4], 3 * row };

    for (int r = 0; r < 3; r++)
      {
        double y = top + r * row;
        label (pdf, (Box){ cx[0], y, cx[1] - cx[0], row }, l1[r]);
        value (pdf, (Box){ cx[1], y, cx[2] - cx[1], row }, v1[r]);
        label (pdf, (Box){ cx[2], y, cx[3] - cx[2], row }, l2[r]);
        value (pdf, (Box){ cx[3], y, cx[4] - cx[3], row }, v2[r]);
      }
    stroke (pdf, photo_box);
    if (photo != NULL)
      tz_pdf_image_in_box (pdf, photo, photo_box.x + 1.5 * TZ_MM, photo_box.y + 1.5 * TZ_MM,
                           photo_box.w - 3 * TZ_MM, photo_box.h - 3 * TZ_MM);
    else
      tz_pdf_text_in_box (pdf, TZ_FONT_BODY, LABEL_PT, MIN_PT, TZ_ALIGN_CENTER, photo_box.x,
                          photo_box.y, photo_box.w, photo_box.h, "（照片）");
  }

  /* 工作单位及职务 */
  {
    double y = top + 3 * row;
    label (pdf, (Box){ cx[0], y, cx[1] - cx[0], row }, "工作单位及职务");
    value (pdf, (Box){ cx[1], y, cx[5] - cx[1], row }, work);
  }

  /* 事迹简介, signed by the person. */
  {
    double y = top + 4 * row;
    double h = rest * 0.36;
    g_autofree char *limit =
        track->requirements != NULL && track->requirements->max_summary_chars > 0
            ? g_strdup_printf ("事迹简介\n（%" G_GINT64_FORMAT "字）",
                               track->requirements->max_summary_chars)
            : g_strdup ("事迹简介");
    label (pdf, (Box){ cx[0], y, cx[1] - cx[0], h }, limit);
    signed_box (pdf, (Box){ cx[1], y, cx[5] - cx[1], h }, entry->summary, "签字：", NULL, NULL,
                NULL, 0);
    top = y + h;
  }

  /* The opinions. */
  if (n_levels >= 1)
    {
      double h = n_levels == 1 ? bottom - top - extra_rows * 40 * TZ_MM : rest * 0.31;
      draw_opinion (db, pdf, (Box){ cx[0], top, cx[1] - cx[0], h },
                    (Box){ cx[1], top, cx[5] - cx[1], h }, track->opinion_levels[0],
                    opinion_at (opinions, 1), cache);
      top += h;
    }
  if (n_levels >= 2)
    {
      double h = bottom - top - extra_rows * 40 * TZ_MM;
      double half = (cx[5] - cx[1]) / 2;
      double mid = cx[1] + half;

      if (n_levels == 2)
        draw_opinion (db, pdf, (Box){ cx[0], top, cx[1] - cx[0], h },
                      (Box){ cx[1], top, cx[5] - cx[1], h }, track->opinion_levels[1],
                      opinion_at (opinions, 2), cache);
      else
        {
          double lw = cx[1] - cx[0];
          draw_opinion (db, pdf, (Box){ cx[0], top, lw, h }, (Box){ cx[1], top, half - lw / 2, h },
                        track->opinion_levels[1], opinion_at (opinions, 2), cache);
          draw_opinion (db, pdf, (Box){ mid - lw / 2, top, lw, h },
                        (Box){ mid + lw / 2, top, cx[5] - mid - lw / 2, h },
                        track->opinion_levels[2], opinion_at (opinions, 3), cache);
        }
      top += h;
    }
  for (guint i = 3; i < n_levels; i++)
    {
      double h = 40 * TZ_MM;
      draw_opinion (db, pdf, (Box){ cx[0], top, cx[1] - cx[0], h },
                    (Box){ cx[1], top, cx[5] - cx[1], h }, track->opinion_levels[i],
                    opinion_at (opinions, (int) i + 1), cache);
      top += h;
    }
  tz_pdf_set_y (pdf, top);
}

/* The entries whose forms print: all of the track but drafts and withdrawn
 * ones, by recommending unit, then in the order entered. */
static GPtrArray *
form_entries (TzDb *db, gint64 campaign_id, gint64 track_id, gint64 entry_id, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_entry_free);

  if (entry_id > 0)
    {
      TzEntry *e = tz_entry_get (db, entry_id, error);
      if (e == NULL)
        {
          g_ptr_array_unref (out);
          return NULL;
        }
      g_ptr_array_add (out, e);
      return out;
    }
  all = tz_entry_search (db, campaign_id, track_id, NULL, 0, 0, error);
  if (all == NULL)
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  for (guint i = 0; i < all->len; i++)
    {
      TzEntry *e = all->pdata[i];
      if (g_strcmp0 (e->status, "withdrawn") != 0)
        g_ptr_array_add (out, g_steal_pointer (&all->pdata[i]));
    }
  return out;
}

GPtrArray *
tz_report_missing_seals (TzDb *db, gint64 campaign_id, gint64 track_id, GError **error)
{
  g_autoptr (GPtrArray) entries = form_entries (db, campaign_id, track_id, 0, error);
  g_auto (FormCache) cache = { 0 };

  if (entries == NULL)
    return NULL;
  form_cache_init (&cache);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr (GPtrArray) opinions =
          tz_entry_get_opinions (db, ((TzEntry *) entries->pdata[i])->id, NULL);
      for (guint k = 0; opinions != NULL && k < opinions->len; k++)
        {
          double mm;
          opinion_seal (db, &cache, opinions->pdata[k], &mm);
        }
    }
  return g_steal_pointer (&cache.missing);
}

gboolean
tz_report_person_forms (TzDb *db, gint64 campaign_id, gint64 track_id, gint64 entry_id,
                        const TzReportOptions *options, const char *path, GPtrArray **missing_seals,
                        GError **error)
{
  g_autoptr (TzEntryTrack) track = tz_entry_get_track (db, track_id, error);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (TzReportFonts) auto_fonts = NULL;
  g_auto (FormCache) cache = { 0 };
  TzPdf *pdf;

  if (track == NULL)
    return FALSE;
  entries = form_entries (db, campaign_id, track_id, entry_id, error);
  if (entries == NULL)
    return FALSE;
  form_cache_init (&cache);
  if (entries->len == 0)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("“%s” has no entries to print. Add the nominees first."), track->name);
      return FALSE;
    }
  if (options->unmasked)
    {
      g_autofree char *details = g_strdup_printf (
          "{\"report\": \"person-form\", \"track\": %" G_GINT64_FORMAT ", \"unmasked\": true}",
          track_id);
      if (!tz_audit_record (db, "entry", entry_id, "export", details, error))
        return FALSE;
    }
  if (options->fonts == NULL)
    auto_fonts = tz_report_fonts_new (NULL, NULL, NULL);
  pdf = tz_pdf_new (path, FALSE, options->fonts != NULL ? options->fonts : auto_fonts, error);
  if (pdf == NULL)
    return FALSE;
  tz_pdf_set_title (pdf, track->name);
  /* A form stands alone on its page: no page number of a document. */
  tz_pdf_set_page_numbers (pdf, FALSE, 1);
  for (guint i = 0; i < entries->len; i++)
    {
      TzEntry *e = entries->pdata[i];
      g_autoptr (TzPerson) person =
          e->person_id > 0 ? tz_person_get (db, e->person_id, NULL) : NULL;
      g_autoptr (GPtrArray) opinions = tz_entry_get_opinions (db, e->id, NULL);

      if (i > 0)
        tz_pdf_new_page (pdf);
      draw_form (db, pdf, track, e, person, opinions, options, &cache);
    }
  if (!tz_pdf_finish (pdf, error))
    return FALSE;
  if (missing_seals != NULL)
    *missing_seals = g_steal_pointer (&cache.missing);
  return TRUE;
}
