/* tz-pdf.h — official documents as PDF, laid out by GB/T 9704-2012
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A4; top margin 37 mm, binding (left) margin 28 mm, a text block of
 * 156 × 225 mm; titles in 二号 (22 pt) 小标宋, body in 三号 (16 pt) 仿宋,
 * headings in 黑体 / 楷体; page numbers "— 3 —" in 四号 (14 pt) 宋体 7 mm
 * below the text block, on the outer side (odd pages right, even pages left,
 * one character in). Landscape pages (wide tables) turn the text block.
 * Cairo embeds the fonts as subsets.
 */
#pragma once

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>

G_BEGIN_DECLS

#define TZ_MM        (72.0 / 25.4) /* points per millimetre */
#define TZ_PT_ERHAO  22.0          /* 二号 */
#define TZ_PT_SANHAO 16.0          /* 三号 */
#define TZ_PT_SIHAO  14.0          /* 四号 */
#define TZ_PT_XIAOSI 12.0          /* 小四 */
#define TZ_PT_WUHAO  10.5          /* 五号 */

typedef enum
{
  TZ_FONT_TITLE,   /* 小标宋 */
  TZ_FONT_BODY,    /* 仿宋 */
  TZ_FONT_HEADING, /* 黑体 */
  TZ_FONT_KAI,     /* 楷体 */
  TZ_FONT_SONG,    /* 宋体: page numbers */
  TZ_N_FONTS
} TzFontRole;

/* The font families a report uses. A role left NULL or empty is chosen
 * automatically: the official font when installed, else a free one Debian
 * ships (Noto Serif / Sans CJK SC, AR PL UKai). */
typedef struct
{
  char *family[TZ_N_FONTS];
} TzReportFonts;

TzReportFonts *tz_report_fonts_new (const char *title, const char *body, const char *heading);
void tz_report_fonts_free (TzReportFonts *fonts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzReportFonts, tz_report_fonts_free)
/* The installed family used for @role (after the fall-backs). */
const char *tz_report_fonts_get (const TzReportFonts *fonts, TzFontRole role);

typedef struct _TzPdf TzPdf;

typedef enum
{
  TZ_ALIGN_START,
  TZ_ALIGN_CENTER,
  TZ_ALIGN_END,
} TzAlign;

/* Opens a PDF for writing; the first page is begun. */
TzPdf *tz_pdf_new (const char *path, gboolean landscape, const TzReportFonts *fonts,
                   GError **error);
/* Finishes the last page and writes the file. Frees @pdf whatever happens. */
gboolean tz_pdf_finish (TzPdf *pdf, GError **error);
void tz_pdf_free (TzPdf *pdf);

cairo_t *tz_pdf_get_cairo (TzPdf *pdf);
int tz_pdf_get_page_number (TzPdf *pdf);
void tz_pdf_set_page_numbers (TzPdf *pdf, gboolean show, int first_number);
void tz_pdf_set_title (TzPdf *pdf, const char *title);

/* The text block, in points from the page's top-left corner. */
double tz_pdf_block_left (TzPdf *pdf);
double tz_pdf_block_top (TzPdf *pdf);
double tz_pdf_block_width (TzPdf *pdf);
double tz_pdf_block_height (TzPdf *pdf);
/* Where the next line goes; moves down as text is added. */
double tz_pdf_get_y (TzPdf *pdf);
void tz_pdf_set_y (TzPdf *pdf, double y);
double tz_pdf_space_left (TzPdf *pdf);

void tz_pdf_new_page (TzPdf *pdf);

/* "附件1" at the top left, in 黑体 三号, with a blank line after it. */
void tz_pdf_attachment_label (TzPdf *pdf, const char *text);
/* A title in 小标宋 二号, centred, wrapping, with a blank line after it. */
void tz_pdf_title (TzPdf *pdf, const char *text);
/* A paragraph in @role at @size points; starts a new page when it does not fit. */
void tz_pdf_paragraph (TzPdf *pdf, TzFontRole role, double size, TzAlign align, const char *text);

/* Draws @text in the box (x, y, w, h) in points: wrapped to the width and,
 * when it would not fit, shrunk down to @min_size so that it never crosses the
 * box; vertically centred. Returns the size used. */
double tz_pdf_text_in_box (TzPdf *pdf, TzFontRole role, double size, double min_size, TzAlign align,
                           double x, double y, double w, double h, const char *text);
/* The height @text takes wrapped to @width at @size points. */
double tz_pdf_text_height (TzPdf *pdf, TzFontRole role, double size, double width,
                           const char *text);

/* Stamps @seal (an image with transparency, drawn about @diameter_mm wide,
 * upright) centred on (@cx, @cy) with a multiply blend, so that the text under
 * it stays legible. */
void tz_pdf_stamp_seal (TzPdf *pdf, cairo_surface_t *seal, double cx, double cy,
                        double diameter_mm);

/* The signature of GB/T 9704 in the box (x, y, w, h): the unit's name centred
 * over the date (2023年1月5日), the date right-aligned with @right_chars
 * characters of space, in @size points; with a seal, the seal pressed down on
 * both so that they lie slightly below its centre. Returns the y under the
 * date. */
double tz_pdf_signature (TzPdf *pdf, double x, double y, double w, double size, int right_chars,
                         const char *unit_name, const char *date_text, cairo_surface_t *seal,
                         double seal_diameter_mm);

/* An image (a photo) as a cairo surface to draw; NULL when it cannot be read. */
cairo_surface_t *tz_pdf_surface_from_pixbuf (GdkPixbuf *pixbuf);
/* Draws @image scaled to fit the box (x, y, w, h), centred, keeping its shape. */
void tz_pdf_image_in_box (TzPdf *pdf, cairo_surface_t *image, double x, double y, double w,
                          double h);

/* A table: column widths as fractions of the block width, header rows that
 * repeat on every page, rows that grow to fit their wrapped text. */
typedef struct _TzPdfTable TzPdfTable;

TzPdfTable *tz_pdf_table_new (guint n_columns, const double *widths, const TzAlign *aligns);
void tz_pdf_table_free (TzPdfTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzPdfTable, tz_pdf_table_free)
/* Adds a row of @n_columns strings (NULL cells print blank); header rows
 * come first and are drawn in 黑体. */
void tz_pdf_table_add_row (TzPdfTable *table, gboolean header, const char *const *cells);
void tz_pdf_table_set_font_size (TzPdfTable *table, double size);
/* Draws the table from the current y, breaking pages between rows. */
void tz_pdf_draw_table (TzPdf *pdf, TzPdfTable *table);

/* A bookmark (PDF outline item) named @name that opens page @page (1-based)
 * under @parent_id (0: the top level). Returns its id, for children. */
int tz_pdf_add_outline (TzPdf *pdf, int parent_id, const char *name, int page);

G_END_DECLS
