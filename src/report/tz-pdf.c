/* tz-pdf.c — official documents as PDF, laid out by GB/T 9704-2012
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tz-error.h"
#include "tz-pdf.h"
#include "tz-report.h"

/* Page geometry of GB/T 9704-2012, in millimetres. */
#define PAGE_W_MM          210.0
#define PAGE_H_MM          297.0
#define TOP_MM             37.0
#define BINDING_MM         28.0
#define BLOCK_W_MM         156.0
#define BLOCK_H_MM         225.0
#define PAGE_NUMBER_GAP_MM 7.0

#define CELL_PAD_X (2.0 * TZ_MM)
#define CELL_PAD_Y (1.6 * TZ_MM)
#define RULE_WIDTH 0.6

struct _TzPdf
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoFontMap *font_map;
  PangoContext *context;
  TzReportFonts *fonts;
  char *path;
  gboolean landscape;
  double page_w, page_h;
  double left, top, width, height;
  double y;
  int page; /* pages begun, 1-based */
  gboolean numbers;
  int first_number;
  gboolean page_dirty; /* something drawn on the current page */
};

struct _TzPdfTable
{
  guint n_columns;
  double *widths;
  TzAlign *aligns;
  GPtrArray *rows; /* of char ** (n_columns strings) */
  guint n_header;
  double font_size;
};

/* Official fonts first; then what Debian ships. */
static const char *const preferred[TZ_N_FONTS][9] = {
  [TZ_FONT_TITLE] = { "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S",
                      "FZXiaoBiaoSong-B05", "华文中宋", "STZhongsong", "Noto Serif CJK SC Bold",
                      NULL },
  [TZ_FONT_BODY] = { "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong",
                     "Noto Serif CJK SC", NULL },
  [TZ_FONT_HEADING] = { "黑体", "SimHei", "方正黑体_GBK", "STHeiti", "Noto Sans CJK SC", NULL },
  [TZ_FONT_KAI] = { "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN",
                    "Noto Serif CJK SC", NULL },
  [TZ_FONT_SONG] = { "宋体", "SimSun", "NSimSun", "STSong", "Noto Serif CJK SC", NULL },
};

static GHashTable *
installed_families (void)
{
  static GHashTable *families;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      PangoFontFamily **list = NULL;
      int n = 0;

      pango_font_map_list_families (map, &list, &n);
      for (int i = 0; i < n; i++)
        g_hash_table_add (set, g_strdup (pango_font_family_get_name (list[i])));
      g_free (list);
      families = set;
      g_once_init_leave (&initialized, 1);
    }
  return families;
}

/* "Noto Serif CJK SC Bold" is installed when its family is. */
static gboolean
is_installed (const char *description)
{
  PangoFontDescription *desc;
  gboolean found;

  if (description == NULL || *description == '\0')
    return FALSE;
  desc = pango_font_description_from_string (description);
  found = pango_font_description_get_family (desc) != NULL &&
          g_hash_table_contains (installed_families (), pango_font_description_get_family (desc));
  pango_font_description_free (desc);
  return found;
}

static char *
resolve (TzFontRole role, const char *wanted)
{
  if (is_installed (wanted))
    return g_strdup (wanted);
  for (guint i = 0; preferred[role][i] != NULL; i++)
    if (is_installed (preferred[role][i]))
      return g_strdup (preferred[role][i]);
  /* Nothing known: let fontconfig choose a CJK font. */
  return g_strdup (role == TZ_FONT_HEADING ? "Sans" : "Serif");
}

TzReportFonts *
tz_report_fonts_new (const char *title, const char *body, const char *heading)
{
  TzReportFonts *fonts = g_new0 (TzReportFonts, 1);

  fonts->family[TZ_FONT_TITLE] = resolve (TZ_FONT_TITLE, title);
  fonts->family[TZ_FONT_BODY] = resolve (TZ_FONT_BODY, body);
  fonts->family[TZ_FONT_HEADING] = resolve (TZ_FONT_HEADING, heading);
  fonts->family[TZ_FONT_KAI] = resolve (TZ_FONT_KAI, NULL);
  fonts->family[TZ_FONT_SONG] = resolve (TZ_FONT_SONG, NULL);
  return fonts;
}

void
tz_report_fonts_free (TzReportFonts *fonts)
{
  if (fonts == NULL)
    return;
  for (guint i = 0; i < TZ_N_FONTS; i++)
    g_free (fonts->family[i]);
  g_free (fonts);
}

const char *
tz_report_fonts_get (const TzReportFonts *fonts, TzFontRole role)
{
  g_return_val_if_fail (role < TZ_N_FONTS, NULL);
  return fonts->family[role];
}

static PangoLayout *
make_layout (TzPdf *pdf, TzFontRole role, double size, double width, TzAlign align,
             const char *text)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoFontDescription *desc = pango_font_description_from_string (pdf->fonts->family[role]);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align == TZ_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                      : align == TZ_ALIGN_END  ? PANGO_ALIGN_RIGHT
                                                               : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_page_number (TzPdf *pdf)
{
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  int number = pdf->page - 1 + pdf->first_number;
  double one_char = TZ_PT_SIHAO;
  double y = pdf->top + pdf->height + PAGE_NUMBER_GAP_MM * TZ_MM;
  gboolean odd = number % 2 == 1;

  if (!pdf->numbers)
    return;
  text = g_strdup_printf ("— %d —", number);
  layout = make_layout (pdf, TZ_FONT_SONG, TZ_PT_SIHAO, pdf->width - 2 * one_char,
                        odd ? TZ_ALIGN_END : TZ_ALIGN_START, text);
  cairo_move_to (pdf->cr, pdf->left + one_char, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
begin_page (TzPdf *pdf)
{
  pdf->page++;
  pdf->y = pdf->top;
  pdf->page_dirty = FALSE;
}

static void
end_page (TzPdf *pdf)
{
  draw_page_number (pdf);
  cairo_show_page (pdf->cr);
}

TzPdf *
tz_pdf_new (const char *path, gboolean landscape, const TzReportFonts *fonts, GError **error)
{
  TzPdf *pdf = g_new0 (TzPdf, 1);
  cairo_status_t status;

  pdf->path = g_strdup (path);
  pdf->landscape = landscape;
  pdf->page_w = (landscape ? PAGE_H_MM : PAGE_W_MM) * TZ_MM;
  pdf->page_h = (landscape ? PAGE_W_MM : PAGE_H_MM) * TZ_MM;
  /* A landscape page turns the text block: the binding edge is then the top. */
  pdf->left = (landscape ? TOP_MM : BINDING_MM) * TZ_MM;
  pdf->top = (landscape ? BINDING_MM : TOP_MM) * TZ_MM;
  pdf->width = (landscape ? BLOCK_H_MM : BLOCK_W_MM) * TZ_MM;
  pdf->height = (landscape ? BLOCK_W_MM - 8.0 : BLOCK_H_MM) * TZ_MM;
  pdf->numbers = TRUE;
  pdf->first_number = 1;
  pdf->fonts = g_new0 (TzReportFonts, 1);
  for (guint i = 0; i < TZ_N_FONTS; i++)
    pdf->fonts->family[i] = g_strdup (fonts->family[i]);

  if (!tz_report_create_output (path, error))
    {
      tz_pdf_free (pdf);
      return NULL;
    }
  pdf->surface = cairo_pdf_surface_create (path, pdf->page_w, pdf->page_h);
  status = cairo_surface_status (pdf->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, _ ("The PDF “%s” cannot be written: %s."),
                   path, cairo_status_to_string (status));
      tz_pdf_free (pdf);
      return NULL;
    }
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_CREATOR, "Taizhang");
  pdf->cr = cairo_create (pdf->surface);
  pdf->font_map = pango_cairo_font_map_new ();
  pdf->context = pango_font_map_create_context (pdf->font_map);
  pango_cairo_context_set_resolution (pdf->context, 72.0);
  pango_cairo_update_context (pdf->cr, pdf->context);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  begin_page (pdf);
  return pdf;
}

void
tz_pdf_free (TzPdf *pdf)
{
  if (pdf == NULL)
    return;
  g_clear_object (&pdf->context);
  g_clear_object (&pdf->font_map);
  g_clear_pointer (&pdf->cr, cairo_destroy);
  g_clear_pointer (&pdf->surface, cairo_surface_destroy);
  tz_report_fonts_free (pdf->fonts);
  g_free (pdf->path);
  g_free (pdf);
}

gboolean
tz_pdf_finish (TzPdf *pdf, GError **error)
{
  cairo_status_t status;

  end_page (pdf);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED, _ ("The PDF “%s” cannot be written: %s."),
                   pdf->path, cairo_status_to_string (status));
      tz_pdf_free (pdf);
      return FALSE;
    }
  tz_pdf_free (pdf);
  return TRUE;
}

cairo_t *
tz_pdf_get_cairo (TzPdf *pdf)
{
  return pdf->cr;
}

int
tz_pdf_get_page_number (TzPdf *pdf)
{
  return pdf->page;
}

void
tz_pdf_set_page_numbers (TzPdf *pdf, gboolean show, int first_number)
{
  pdf->numbers = show;
  pdf->first_number = first_number;
}

void
tz_pdf_set_title (TzPdf *pdf, const char *title)
{
  cairo_pdf_surface_set_metadata (pdf->surface, CAIRO_PDF_METADATA_TITLE, title);
}

double
tz_pdf_block_left (TzPdf *pdf)
{
  return pdf->left;
}

double
tz_pdf_block_top (TzPdf *pdf)
{
  return pdf->top;
}

double
tz_pdf_block_width (TzPdf *pdf)
{
  return pdf->width;
}

double
tz_pdf_block_height (TzPdf *pdf)
{
  return pdf->height;
}

double
tz_pdf_get_y (TzPdf *pdf)
{
  return pdf->y;
}

void
tz_pdf_set_y (TzPdf *pdf, double y)
{
  pdf->y = y;
  pdf->page_dirty = TRUE;
}

double
tz_pdf_space_left (TzPdf *pdf)
{
  return pdf->top + pdf->height - pdf->y;
}

void
tz_pdf_new_page (TzPdf *pdf)
{
  end_page (pdf);
  begin_page (pdf);
}

static void
ensure_space (TzPdf *pdf, double needed)
{
  if (pdf->page_dirty && tz_pdf_space_left (pdf) < needed)
    tz_pdf_new_page (pdf);
}

static void
show_block (TzPdf *pdf, TzFontRole role, double size, TzAlign align, const char *text,
            double space_after)
{
  g_autoptr (PangoLayout) layout = make_layout (pdf, role, size, pdf->width, align, text);
  double h = layout_height (layout);

  ensure_space (pdf, h);
  cairo_move_to (pdf->cr, pdf->left, pdf->y);
  pango_cairo_show_layout (pdf->cr, layout);
  pdf->y += h + space_after;
  pdf->page_dirty = TRUE;
}

void
tz_pdf_attachment_label (TzPdf *pdf, const char *text)
{
  show_block (pdf, TZ_FONT_HEADING, TZ_PT_SANHAO, TZ_ALIGN_START, text, TZ_PT_SANHAO);
}

void
tz_pdf_title (TzPdf *pdf, const char *text)
{
  show_block (pdf, TZ_FONT_TITLE, TZ_PT_ERHAO, TZ_ALIGN_CENTER, text, TZ_PT_SANHAO);
}

void
tz_pdf_paragraph (TzPdf *pdf, TzFontRole role, double size, TzAlign align, const char *text)
{
  show_block (pdf, role, size, align, text, size * 0.3);
}

double
tz_pdf_text_height (TzPdf *pdf, TzFontRole role, double size, double width, const char *text)
{
  g_autoptr (PangoLayout) layout = make_layout (pdf, role, size, width, TZ_ALIGN_START, text);

  return layout_height (layout);
}

double
tz_pdf_text_in_box (TzPdf *pdf, TzFontRole role, double size, double min_size, TzAlign align,
                    double x, double y, double w, double h, const char *text)
{
  g_autoptr (PangoLayout) layout = NULL;
  double used = size;
  double th;

  if (text == NULL || *text == '\0')
    return size;
  /* Shrink by half points until the wrapped text fits the box. */
  for (;;)
    {
      g_clear_object (&layout);
      layout = make_layout (pdf, role, used, w, align, text);
      th = layout_height (layout);
      if (th <= h || used - 0.5 < min_size)
        break;
      used -= 0.5;
    }
  cairo_save (pdf->cr);
  cairo_rectangle (pdf->cr, x, y, w, h);
  cairo_clip (pdf->cr);
  cairo_move_to (pdf->cr, x, y + MAX (0, (h - th) / 2));
  pango_cairo_show_layout (pdf->cr, layout);
  cairo_restore (pdf->cr);
  pdf->page_dirty = TRUE;
  return used;
}

void
tz_pdf_stamp_seal (TzPdf *pdf, cairo_surface_t *seal, double cx, double cy, double diameter_mm)
{
  double d = diameter_mm * TZ_MM;
  int iw = cairo_image_surface_get_width (seal);
  int ih = cairo_image_surface_get_height (seal);
  double scale;

  if (iw <= 0 || ih <= 0)
    return;
  scale = d / MAX (iw, ih);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, cx - iw * scale / 2, cy - ih * scale / 2);
  cairo_scale (pdf->cr, scale, scale);
  cairo_set_operator (pdf->cr, CAIRO_OPERATOR_MULTIPLY);
  cairo_set_source_surface (pdf->cr, seal, 0, 0);
  cairo_paint (pdf->cr);
  cairo_restore (pdf->cr);
  pdf->page_dirty = TRUE;
}

double
tz_pdf_signature (TzPdf *pdf, double x, double y, double w, double size, int right_chars,
                  const char *unit_name, const char *date_text, cairo_surface_t *seal,
                  double seal_diameter_mm)
{
  g_autoptr (PangoLayout) date = NULL;
  g_autoptr (PangoLayout) name = NULL;
  int dw = 0, dh = 0, nw = 0, nh = 0;
  double line, date_right, centre_x;

  /* In a narrow box the signature shrinks rather than crossing the border. */
  for (;; size -= 0.5)
    {
      g_clear_object (&date);
      g_clear_object (&name);
      date = make_layout (pdf, TZ_FONT_BODY, size, -1, TZ_ALIGN_START, date_text ? date_text : "");
      name = make_layout (pdf, TZ_FONT_BODY, size, -1, TZ_ALIGN_START, unit_name ? unit_name : "");
      pango_layout_get_pixel_size (date, &dw, &dh);
      pango_layout_get_pixel_size (name, &nw, &nh);
      if ((dw + right_chars * size <= w && nw <= w) || size <= 8.0)
        break;
    }
  if (dw + right_chars * size > w)
    right_chars = 0;
  line = size * 1.8;
  date_right = x + w - right_chars * size;
  /* The name is centred over the date; a long name is kept inside the box. */
  centre_x = date_right - dw / 2.0;
  if (centre_x + nw / 2.0 > x + w)
    centre_x = x + w - nw / 2.0;
  if (centre_x - nw / 2.0 < x)
    centre_x = x + nw / 2.0;
  /* A seal stays inside the box: the whole signature moves left for it. */
  if (seal != NULL)
    {
      double r = seal_diameter_mm * TZ_MM / 2;
      double over = centre_x + r - (x + w);
      if (over > 0)
        {
          over = MIN (over, MAX (0, centre_x - r - x));
          centre_x -= over;
          date_right -= over;
        }
    }

  cairo_move_to (pdf->cr, centre_x - nw / 2.0, y);
  pango_cairo_show_layout (pdf->cr, name);
  cairo_move_to (pdf->cr, MAX (x, date_right - dw), y + line);
  pango_cairo_show_layout (pdf->cr, date);

  /* Both lines a little below the seal's centre. */
  if (seal != NULL)
    tz_pdf_stamp_seal (pdf, seal, centre_x, y + line * 0.75, seal_diameter_mm);
  pdf->page_dirty = TRUE;
  return y + line + dh;
}

cairo_surface_t *
tz_pdf_surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  g_autoptr (GdkPixbuf) rgba = NULL;
  cairo_surface_t *surface;
  int w, h, src_stride, dst_stride;
  const guchar *src;
  guchar *dst;

  if (pixbuf == NULL)
    return NULL;
  rgba = gdk_pixbuf_get_has_alpha (pixbuf) ? g_object_ref (pixbuf)
                                           : gdk_pixbuf_add_alpha (pixbuf, FALSE, 0, 0, 0);
  w = gdk_pixbuf_get_width (rgba);
  h = gdk_pixbuf_get_height (rgba);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  src = gdk_pixbuf_read_pixels (rgba);
  src_stride = gdk_pixbuf_get_rowstride (rgba);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  /* RGBA, not premultiplied → native-endian premultiplied ARGB32. */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *p = src + y * src_stride + x * 4;
        guint32 a = p[3];
        guint32 r = (p[0] * a + 127) / 255, g = (p[1] * a + 127) / 255, b = (p[2] * a + 127) / 255;
        *(guint32 *) (dst + y * dst_stride + x * 4) = (a << 24) | (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

void
tz_pdf_image_in_box (TzPdf *pdf, cairo_surface_t *image, double x, double y, double w, double h)
{
  int iw = cairo_image_surface_get_width (image);
  int ih = cairo_image_surface_get_height (image);
  double scale;

  if (iw <= 0 || ih <= 0)
    return;
  scale = MIN (w / iw, h / ih);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, x + (w - iw * scale) / 2, y + (h - ih * scale) / 2);
  cairo_scale (pdf->cr, scale, scale);
  cairo_set_source_surface (pdf->cr, image, 0, 0);
  cairo_paint (pdf->cr);
  cairo_restore (pdf->cr);
  pdf->page_dirty = TRUE;
}

TzPdfTable *
tz_pdf_table_new (guint n_columns, const double *widths, const TzAlign *aligns)
{
  TzPdfTable *t = g_new0 (TzPdfTable, 1);
  double total = 0;

  t->n_columns = n_columns;
  t->widths = g_new0 (double, n_columns);
  t->aligns = g_new0 (TzAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    total += widths[i];
  for (guint i = 0; i < n_columns; i++)
    {
      t->widths[i] = widths[i] / total;
      t->aligns[i] = aligns != NULL ? aligns[i] : TZ_ALIGN_CENTER;
    }
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->font_size = TZ_PT_SIHAO;
  return t;
}

void
tz_pdf_table_free (TzPdfTable *t)
{
  if (t == NULL)
    return;
  g_free (t->widths);
  g_free (t->aligns);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

void
tz_pdf_table_set_font_size (TzPdfTable *t, double size)
{
  t->font_size = size;
}

void
tz_pdf_table_add_row (TzPdfTable *t, gboolean header, const char *const *cells)
{
  char **row = g_new0 (char *, t->n_columns + 1);

  g_return_if_fail (!header || t->rows->len == t->n_header);
  for (guint i = 0; i < t->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (t->rows, row);
  if (header)
    t->n_header++;
}

static double
row_height (TzPdf *pdf, TzPdfTable *t, guint r)
{
  char **row = t->rows->pdata[r];
  TzFontRole role = r < t->n_header ? TZ_FONT_HEADING : TZ_FONT_BODY;
  double h = t->font_size * 1.4;

  for (guint c = 0; c < t->n_columns; c++)
    {
      double w = t->widths[c] * pdf->width - 2 * CELL_PAD_X;
      h = MAX (h, tz_pdf_text_height (pdf, role, t->font_size, w, row[c]));
    }
  return MIN (h + 2 * CELL_PAD_Y, pdf->height / 2);
}

static void
draw_row (TzPdf *pdf, TzPdfTable *t, guint r, double h)
{
  char **row = t->rows->pdata[r];
  TzFontRole role = r < t->n_header ? TZ_FONT_HEADING : TZ_FONT_BODY;
  double x = pdf->left;

  cairo_set_line_width (pdf->cr, RULE_WIDTH);
  for (guint c = 0; c < t->n_columns; c++)
    {
      double w = t->widths[c] * pdf->width;

      cairo_rectangle (pdf->cr, x, pdf->y, w, h);
      cairo_stroke (pdf->cr);
      tz_pdf_text_in_box (pdf, role, t->font_size, 8.0, t->aligns[c], x + CELL_PAD_X,
                          pdf->y + CELL_PAD_Y, w - 2 * CELL_PAD_X, h - 2 * CELL_PAD_Y, row[c]);
      x += w;
    }
  pdf->y += h;
  pdf->page_dirty = TRUE;
}

void
tz_pdf_draw_table (TzPdf *pdf, TzPdfTable *t)
{
  double header_h = 0;
  g_autofree double *heights = g_new0 (double, t->rows->len);

  for (guint r = 0; r < t->rows->len; r++)
    heights[r] = row_height (pdf, t, r);
  for (guint r = 0; r < t->n_header; r++)
    header_h += heights[r];

  for (guint r = 0; r < t->rows->len; r++)
    {
      /* A body row that does not fit goes to a new page, under the header again. */
      if (r >= t->n_header && tz_pdf_space_left (pdf) < heights[r])
        {
          tz_pdf_new_page (pdf);
          for (guint hr = 0; hr < t->n_header; hr++)
            draw_row (pdf, t, hr, heights[hr]);
        }
      else if (r == 0 && tz_pdf_space_left (pdf) <
                             header_h + (t->rows->len > t->n_header ? heights[t->n_header] : 0))
        tz_pdf_new_page (pdf);
      draw_row (pdf, t, r, heights[r]);
    }
}

int
tz_pdf_add_outline (TzPdf *pdf, int parent_id, const char *name, int page)
{
  g_autofree char *link = g_strdup_printf ("page=%d", page);

  /* Open items, so that a reader shows the names under each section at once. */
  return cairo_pdf_surface_add_outline (pdf->surface, parent_id, name, link,
                                        CAIRO_PDF_OUTLINE_FLAG_OPEN);
}
