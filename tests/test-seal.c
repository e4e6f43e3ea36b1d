/* test-seal.c — seal images: import, processing, storage, default, specimen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display: images are generated with cairo and gdk-pixbuf, imported from a
 * temporary folder and read back from the database.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tz-seal.h"
#include "tz-test-common.h"
#include "tz-unit.h"

typedef struct
{
  guint8 r, g, b, a;
} Pixel;

static gint64
add_unit (TzDb *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (tz_unit_add (db, 0, name, "federation", 0, NULL, &id, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
seal_count (TzDb *db)
{
  return tz_test_query_int (db, "SELECT count(*) FROM seal");
}

/* A scan as a user has it: a dark disc on white paper, @width × @height. */
static char *
write_scan_png (const char *basename, int width, int height)
{
  char *path = tz_test_tmpfile (basename);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.2);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) * 0.35, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static GdkPixbuf *
decode_png (GBytes *png)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", &error);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (png, &size);

  g_assert_no_error (error);
  g_assert_cmpmem (data, 4, "\x89PNG", 4);
  g_assert_true (gdk_pixbuf_loader_write (loader, data, size, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static Pixel
pixel_at (GdkPixbuf *pixbuf, int x, int y)
{
  const guint8 *p;
  Pixel px = { 0, 0, 0, 255 };

  g_assert_cmpint (gdk_pixbuf_get_bits_per_sample (pixbuf), ==, 8);
  p = gdk_pixbuf_read_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf) +
      (gsize) x * gdk_pixbuf_get_n_channels (pixbuf);
  px.r = p[0];
  px.g = p[1];
  px.b = p[2];
  if (gdk_pixbuf_get_has_alpha (pixbuf))
    px.a = p[3];
  return px;
}

static void
assert_seal_red (Pixel px)
{
  g_assert_cmpint (px.a, ==, 255);
  g_assert_cmpint (ABS (px.r - TZ_SEAL_RED_R), <=, 6);
  g_assert_cmpint (px.g, <=, 10);
  g_assert_cmpint (ABS (px.b - TZ_SEAL_RED_B), <=, 10);
}

static void
test_import_processed (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_scan_png ("公章扫描.png", 400, 300);
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GdkPixbuf) stored = NULL;
  g_autoptr (TzSeal) seal = NULL;
  gint64 unit = add_unit (db, "哈尔滨市总工会");
  gint64 id;
  gint64 default_id = 0;

  id = tz_seal_import_file (db, unit, path, TZ_SEAL_PROCESS_REMOVE_WHITE | TZ_SEAL_PROCESS_TINT_RED,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  seal = tz_seal_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seal->unit_id, ==, unit);
  g_assert_cmpstr (seal->name, ==, "公章扫描.png");
  g_assert_cmpint (seal->width, ==, 400);
  g_assert_cmpint (seal->height, ==, 300);
  g_assert_cmpfloat (seal->diameter_mm, ==, 42.0);
  g_assert_true (seal->is_default);
  g_assert_false (seal->is_specimen);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM seal WHERE mime_type = "
                                          "'image/png' AND is_default = 1"),
                   ==, 1);

  png = tz_seal_get_default_png (db, unit, &default_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (default_id, ==, id);
  stored = decode_png (png);
  g_assert_true (gdk_pixbuf_get_has_alpha (stored));
  g_assert_cmpint (gdk_pixbuf_get_width (stored), ==, 400);

  /* Transparent corners, an opaque seal-red centre. */
  g_assert_cmpint (pixel_at (stored, 0, 0).a, ==, 0);
  g_assert_cmpint (pixel_at (stored, 399, 0).a, ==, 0);
  g_assert_cmpint (pixel_at (stored, 0, 299).a, ==, 0);
  g_assert_cmpint (pixel_at (stored, 399, 299).a, ==, 0);
  assert_seal_red (pixel_at (stored, 200, 150));

  /* The edge of the disc is soft: some pixels between clear and solid. */
  {
    guint soft = 0;

    for (int y = 0; y < 300; y++)
      for (int x = 0; x < 400; x++)
        {
          Pixel px = pixel_at (stored, x, y);
          soft += px.a > 0 && px.a < 255;
        }
    g_assert_cmpuint (soft, >, 50);
  }
}

static void
test_import_unprocessed (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = write_scan_png ("seal.png", 200, 200);
  g_autoptr (GdkPixbuf) stored = NULL;
  gint64 unit = add_unit (db, "某单位");
  gint64 id;

  id = tz_seal_import_file (db, unit, path, TZ_SEAL_PROCESS_NONE, &error);
  g_assert_no_error (error);
  stored = tz_seal_get_pixbuf (db, id, &error);
  g_assert_no_error (error);

  /* Left as it was: white paper, a dark disc. */
  g_assert_cmpint (pixel_at (stored, 0, 0).a, ==, 255);
  g_assert_cmpint (pixel_at (stored, 0, 0).r, ==, 255);
  g_assert_cmpint (pixel_at (stored, 100, 100).r, <, 40);

  /* Tinting alone keeps the paper white and makes the ink red. */
  {
    g_autoptr (GdkPixbuf) tinted = tz_seal_process (stored, TZ_SEAL_PROCESS_TINT_RED);
    Pixel paper = pixel_at (tinted, 0, 0);
    Pixel ink = pixel_at (tinted, 100, 100);

    g_assert_cmpint (paper.r, ==, 255);
    g_assert_cmpint (paper.g, ==, 255);
    g_assert_cmpint (paper.a, ==, 255);
    g_assert_cmpint (ink.r, >, 200);
    g_assert_cmpint (ink.g, <, 50);
    /* The source is left alone. */
    g_assert_cmpint (pixel_at (stored, 100, 100).g, <, 40);
  }
}

static void
test_import_jpeg_scaled (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *png_path = write_scan_png ("big.png", 2400, 1600);
  g_autofree char *jpeg_path = tz_test_tmpfile ("scan.jpg");
  g_autoptr (GdkPixbuf) source = gdk_pixbuf_new_from_file (png_path, &error);
  g_autoptr (GdkPixbuf) stored = NULL;
  g_autoptr (TzSeal) seal = NULL;
  gint64 unit = add_unit (db, "某单位");
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_save (source, jpeg_path, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);

  /* A JPEG is accepted, scaled down to 1200 px, and stored as PNG with alpha. */
  id = tz_seal_import_file (db, unit, jpeg_path, TZ_SEAL_PROCESS_REMOVE_WHITE, &error);
  g_assert_no_error (error);
  seal = tz_seal_get (db, id, &error);
  g_assert_cmpint (seal->width, ==, 1200);
  g_assert_cmpint (seal->height, ==, 800);
  stored = tz_seal_get_pixbuf (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_get_has_alpha (stored));
  g_assert_cmpint (pixel_at (stored, 2, 2).a, ==, 0);
  g_assert_cmpint (pixel_at (stored, 600, 400).a, ==, 255);

  /* The PNG too is scaled. */
  id = tz_seal_import_file (db, unit, png_path, TZ_SEAL_PROCESS_NONE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&seal, tz_seal_free);
  seal = tz_seal_get (db, id, &error);
  g_assert_cmpint (seal->width, ==, 1200);
}

static void
assert_refused (TzDb *db, gint64 unit, const char *path, GQuark domain, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  gint64 before = seal_count (db);
  gint64 id;

  id = tz_seal_import_file (db, unit, path, TZ_SEAL_PROCESS_REMOVE_WHITE, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", basename, error->message);
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_cmpint (seal_count (db), ==, before);
}

static void
test_refusals (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text_path = tz_test_tmpfile ("公章.png");
  g_autofree char *gif_path = tz_test_tmpfile ("seal.png");
  g_autofree char *cut_path = tz_test_tmpfile ("cut.png");
  g_autofree char *huge_path = tz_test_tmpfile ("huge.jpg");
  g_autofree char *wide_path = write_scan_png ("wide.png", 6001, 20);
  g_autofree char *good_path = write_scan_png ("good.png", 300, 300);
  g_autofree char *good = NULL;
  gsize good_size = 0;
  gint64 unit = add_unit (db, "某单位");
  int fd;

  /* A text file renamed .png. */
  g_file_set_contents (text_path, "这不是图片，是一份通知。\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (db, unit, text_path, TZ_ERROR, TZ_ERROR_PARSE);

  /* Another format under a .png name. */
  g_file_set_contents (gif_path, "GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14, &error);
  g_assert_no_error (error);
  assert_refused (db, unit, gif_path, TZ_ERROR, TZ_ERROR_PARSE);

  /* A PNG cut short. */
  g_file_get_contents (good_path, &good, &good_size, &error);
  g_assert_no_error (error);
  g_file_set_contents (cut_path, good, good_size / 2, &error);
  g_assert_no_error (error);
  assert_refused (db, unit, cut_path, TZ_ERROR, TZ_ERROR_PARSE);

  /* Too many pixels, too many bytes. */
  assert_refused (db, unit, wide_path, TZ_ERROR, TZ_ERROR_INVALID);
  fd = g_open (huge_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "\xff\xd8\xff", 3), ==, 3);
  g_assert_cmpint (ftruncate (fd, TZ_SEAL_MAX_FILE_BYTES + 1), ==, 0);
  close (fd);
  assert_refused (db, unit, huge_path, TZ_ERROR, TZ_ERROR_INVALID);

  /* A file that is not there, a unit that is not there. */
  {
    g_autofree char *missing = tz_test_tmpfile ("missing.png");
    assert_refused (db, unit, missing, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  }
  g_assert_cmpint (tz_seal_import_file (db, 999999, good_path, 0, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_assert_cmpint (seal_count (db), ==, 0);
}

static void
test_specimen (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzSeal) seal = NULL;
  gint64 unit = add_unit (db, "哈尔滨市总工会");
  cairo_surface_t *surface;
  const guint8 *data;
  int stride, red_below = 0;
  gint64 id;

  id = tz_seal_create_specimen (db, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  seal = tz_seal_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_true (seal->is_specimen);
  g_assert_true (seal->is_default);
  g_assert_cmpint (seal->width, ==, seal->height);

  surface = tz_seal_get_surface (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, seal->width);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  {
    int size = seal->width;
    guint32 corner = *(const guint32 *) (data);
    guint32 centre = *(const guint32 *) (data + (size / 2) * stride + (size / 2) * 4);
    guint32 ring = *(const guint32 *) (data + (int) (size * 0.025) * stride + (size / 2) * 4);

    /* Transparent outside the ring; the star and the ring opaque red. */
    g_assert_cmpuint (corner >> 24, ==, 0);
    g_assert_cmpuint (centre >> 24, ==, 255);
    g_assert_cmpuint ((centre >> 16) & 0xff, ==, TZ_SEAL_RED_R);
    g_assert_cmpuint ((centre >> 8) & 0xff, ==, TZ_SEAL_RED_G);
    g_assert_cmpuint (ring >> 24, ==, 255);

    /* 样章 across the lower half: red ink between 65 % and 85 % of the height. */
    for (int y = size * 65 / 100; y < size * 85 / 100; y++)
      for (int x = size / 4; x < size * 3 / 4; x++)
        if (*(const guint32 *) (data + y * stride + x * 4) >> 24 == 255)
          red_below++;
    g_assert_cmpint (red_below, >, 500);
  }
  cairo_surface_destroy (surface);

  /* Drawn without a database, for any name, even a long one. */
  surface = tz_seal_draw_specimen ("黑龙江省哈尔滨市道里区第一中学教育工会委员会", 200);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 200);
  cairo_surface_destroy (surface);

  g_assert_cmpint (tz_seal_create_specimen (db, 999999, &error), ==, 0);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static gint64
default_of (TzDb *db, gint64 unit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = NULL;
  gint64 id = 0;

  png = tz_seal_get_default_png (db, unit, &id, &error);
  if (png == NULL)
    {
      g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
      return 0;
    }
  g_assert_cmpuint (g_bytes_get_size (png), >, 8);
  return id;
}

static void
test_default_per_unit (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *path = write_scan_png ("seal.png", 120, 120);
  gint64 unit = add_unit (db, "甲单位");
  gint64 other = add_unit (db, "乙单位");
  gint64 specimen, first, second, other_seal;

  g_assert_cmpint (default_of (db, unit), ==, 0);

  /* A specimen is the default while there is nothing else … */
  specimen = tz_seal_create_specimen (db, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (default_of (db, unit), ==, specimen);

  /* … a real seal takes over, and a later one does not. */
  first = tz_seal_import_file (db, unit, path, TZ_SEAL_PROCESS_REMOVE_WHITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (default_of (db, unit), ==, first);
  second = tz_seal_import_file (db, unit, path, TZ_SEAL_PROCESS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (default_of (db, unit), ==, first);
  other_seal = tz_seal_import_file (db, other, path, TZ_SEAL_PROCESS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (default_of (db, other), ==, other_seal);

  /* Exactly one default per unit, whatever is chosen. */
  g_assert_true (tz_seal_set_default (db, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (default_of (db, unit), ==, second);
  g_assert_cmpint (tz_test_query_int (db, "SELECT max(n) FROM (SELECT count(*) AS n FROM seal "
                                          "WHERE is_default GROUP BY unit_id)"),
                   ==, 1);
  g_assert_cmpint (default_of (db, other), ==, other_seal);

  list = tz_seal_list (db, unit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((TzSeal *) list->pdata[0])->id, ==, second);
  g_assert_true (((TzSeal *) list->pdata[0])->is_default);
  g_assert_false (((TzSeal *) list->pdata[1])->is_default);

  /* Deleting the default hands it to a real seal before a specimen. */
  g_assert_true (tz_seal_delete (db, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (default_of (db, unit), ==, first);
  g_assert_true (tz_seal_delete (db, first, &error));
  g_assert_cmpint (default_of (db, unit), ==, specimen);
  g_assert_true (tz_seal_delete (db, specimen, &error));
  g_assert_cmpint (default_of (db, unit), ==, 0);
  g_assert_false (tz_seal_delete (db, specimen, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Marking a specimen. */
  g_assert_true (tz_seal_mark_specimen (db, other_seal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tz_test_query_int (db, "SELECT is_specimen FROM seal"), ==, 1);
  g_assert_false (tz_seal_set_default (db, 999999, &error));
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_process_keeps_transparency (void)
{
  g_autoptr (GdkPixbuf) image = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 4, 1);
  g_autoptr (GdkPixbuf) out = NULL;
  guint8 *p = gdk_pixbuf_get_pixels (image);
  /* clear, opaque black, half-transparent black, opaque near-white paper */
  const guint8 pixels[16] = { 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128, 245, 245, 240, 255 };

  memcpy (p, pixels, sizeof pixels);
  out = tz_seal_process (image, TZ_SEAL_PROCESS_REMOVE_WHITE | TZ_SEAL_PROCESS_TINT_RED);
  g_assert_cmpint (pixel_at (out, 0, 0).a, ==, 0);
  assert_seal_red (pixel_at (out, 1, 0));
  g_assert_cmpint (pixel_at (out, 2, 0).a, ==, 128);
  g_assert_cmpint (pixel_at (out, 2, 0).r, ==, TZ_SEAL_RED_R);
  g_assert_cmpint (pixel_at (out, 3, 0).a, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seal/import-processed", test_import_processed);
  g_test_add_func ("/seal/import-unprocessed", test_import_unprocessed);
  g_test_add_func ("/seal/import-jpeg-scaled", test_import_jpeg_scaled);
  g_test_add_func ("/seal/refusals", test_refusals);
  g_test_add_func ("/seal/specimen", test_specimen);
  g_test_add_func ("/seal/default-per-unit", test_default_per_unit);
  g_test_add_func ("/seal/process-keeps-transparency", test_process_keeps_transparency);

  return g_test_run ();
}
