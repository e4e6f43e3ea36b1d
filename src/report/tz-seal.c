/* tz-seal.c — seal images of a unit: import, process, store, draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports are checked before they are decoded (size, then the file's own
 * signature, so a text file named .png never reaches a decoder), decoded with
 * gdk-pixbuf at most TZ_SEAL_MAX_STORED_PX a side, and stored as PNG. The
 * processing works on straight (not premultiplied) RGBA.
 */
#define G_LOG_DOMAIN "tz-seal"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tz-seal.h"
#include "tz-unit.h"

/* The soft edge of "remove white background": a pixel whose ink (how far it is
 * from white) is below INK_CLEAR becomes transparent, above INK_SOLID opaque. */
#define INK_CLEAR 0.12
#define INK_SOLID 0.50

/* Specimens are drawn this large: 42 mm at about 360 dpi. */
#define SPECIMEN_PX 600

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const guint8 jpeg_signature[3] = { 0xff, 0xd8, 0xff };

void
tz_seal_free (TzSeal *seal)
{
  if (seal == NULL)
    return;
  g_free (seal->name);
  g_free (seal->created_at);
  g_free (seal);
}

/* Whether the file ends as its format says it must: PNG with its IEND chunk,
 * JPEG with its end-of-image marker. The decoders accept a cut-off file and
 * fill the missing part, which would store half a seal. */
static gboolean
looks_complete (const char *type, const guint8 *data, gsize size)
{
  gsize tail = MIN (size, 1024);
  const guint8 *end = data + size;

  if (g_str_equal (type, "png"))
    {
      for (const guint8 *p = end - tail; p + 4 <= end; p++)
        if (memcmp (p, "IEND", 4) == 0)
          return TRUE;
      return FALSE;
    }
  /* JPEG: 0xFF 0xD9 cannot occur inside the compressed data, which stuffs every 0xFF. */
  for (const guint8 *p = end - tail; p + 2 <= end; p++)
    if (p[0] == 0xff && p[1] == 0xd9)
      return TRUE;
  return FALSE;
}

typedef struct
{
  const char *display_name;
  int width;
  int height;
  gboolean too_large;
} LoadInfo;

static void
size_prepared_cb (GdkPixbufLoader *loader, int width, int height, LoadInfo *info)
{
  info->width = width;
  info->height = height;
  if (width > TZ_SEAL_MAX_SOURCE_PX || height > TZ_SEAL_MAX_SOURCE_PX || width <= 0 || height <= 0)
    {
      /* A size of 0 makes the decoder stop before it allocates the image. */
      info->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  if (width > TZ_SEAL_MAX_STORED_PX || height > TZ_SEAL_MAX_STORED_PX)
    {
      double scale = (double) TZ_SEAL_MAX_STORED_PX / MAX (width, height);

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) round (width * scale)),
                                  MAX (1, (int) round (height * scale)));
    }
}

GdkPixbuf *
tz_seal_load_bytes (GBytes *bytes, const char *display_name, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GdkPixbuf) oriented = NULL;
  LoadInfo info = { display_name, 0, 0, FALSE };
  const guint8 *data;
  const char *type;
  gsize size;
  GdkPixbuf *pixbuf;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > TZ_SEAL_MAX_FILE_BYTES)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” is larger than 20 MB, too large for a seal image. Scan the seal "
                      "again at 300–600 dpi, or save it smaller, and import that file."),
                   display_name);
      return NULL;
    }
  if (size >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    type = "png";
  else if (size >= sizeof jpeg_signature &&
           memcmp (data, jpeg_signature, sizeof jpeg_signature) == 0)
    type = "jpeg";
  else
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("“%s” is not a PNG or JPEG image. Save the seal scan as PNG or JPEG and "
                      "import that file."),
                   display_name);
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (type, &local_error);
  if (loader == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED,
                   _ ("“%s” cannot be read: this system has no %s decoder (%s)."), display_name,
                   type, local_error->message);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &info);
  ok = gdk_pixbuf_loader_write (loader, data, size, &local_error);
  /* Closing is required even after a failed write; its error then adds nothing. */
  if (!gdk_pixbuf_loader_close (loader, ok ? &local_error : NULL))
    ok = FALSE;
  if (info.too_large)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” is %d × %d pixels; a seal image may be at most %d pixels wide and "
                      "high. Scan the seal again at 300–600 dpi and import that file."),
                   display_name, info.width, info.height, TZ_SEAL_MAX_SOURCE_PX);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (ok && !looks_complete (type, data, size))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("“%s” is incomplete: the image ends before its last part. Copy or scan "
                      "the seal again and import the new file."),
                   display_name);
      return NULL;
    }
  if (!ok || pixbuf == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("“%s” is damaged or incomplete and cannot be read as an image (%s). Save "
                      "or scan the seal again and import the new file."),
                   display_name, local_error != NULL ? local_error->message : _ ("no image data"));
      return NULL;
    }

  /* Phones and some scanners store JPEGs sideways with an orientation tag. */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (gdk_pixbuf_get_has_alpha (oriented))
    return g_steal_pointer (&oriented);
  return gdk_pixbuf_add_alpha (oriented, FALSE, 0, 0, 0);
}

GdkPixbuf *
tz_seal_load_file (const char *path, GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) file_info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  display_name = g_filename_display_basename (path);
  /* The size is checked before anything is read. */
  file_info =
      g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                         G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (file_info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                     _ ("“%s” does not exist. Choose the seal image again."), display_name);
      else
        g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                     _ ("“%s” cannot be opened (%s). Check that you may read the file."),
                     display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” is not a file. Choose a PNG or JPEG image of the seal."), display_name);
      return NULL;
    }
  if (g_file_info_get_size (file_info) > TZ_SEAL_MAX_FILE_BYTES)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
                   _ ("“%s” is larger than 20 MB, too large for a seal image. Scan the seal "
                      "again at 300–600 dpi, or save it smaller, and import that file."),
                   display_name);
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("“%s” cannot be opened (%s). Check that you may read the file."),
                   display_name, local_error->message);
      return NULL;
    }
  return tz_seal_load_bytes (bytes, display_name, error);
}

static double
smoothstep (double edge0, double edge1, double x)
{
  double t = CLAMP ((x - edge0) / (edge1 - edge0), 0.0, 1.0);

  return t * t * (3.0 - 2.0 * t);
}

GdkPixbuf *
tz_seal_process (GdkPixbuf *image, TzSealProcess flags)
{
  GdkPixbuf *out;
  guint8 *pixels;
  int width, height, stride;

  g_return_val_if_fail (GDK_IS_PIXBUF (image), NULL);

  out = gdk_pixbuf_get_has_alpha (image) ? gdk_pixbuf_copy (image)
                                         : gdk_pixbuf_add_alpha (image, FALSE, 0, 0, 0);
  if (flags == TZ_SEAL_PROCESS_NONE)
    return out;

  g_assert (gdk_pixbuf_get_n_channels (out) == 4 && gdk_pixbuf_get_bits_per_sample (out) == 8);
  pixels = gdk_pixbuf_get_pixels (out);
  width = gdk_pixbuf_get_width (out);
  height = gdk_pixbuf_get_height (out);
  stride = gdk_pixbuf_get_rowstride (out);

  for (int y = 0; y < height; y++)
    {
      guint8 *p = pixels + (gsize) y * stride;

      for (int x = 0; x < width; x++, p += 4)
        {
          double r = p[0], g = p[1], b = p[2], a = p[3];

          if (flags & TZ_SEAL_PROCESS_REMOVE_WHITE)
            {
              /* Colour to alpha against white: the ink is how far the pixel is
               * from white; the colour is what it was before paper showed through. */
              double ink = MAX (255.0 - r, MAX (255.0 - g, 255.0 - b)) / 255.0;

              if (ink > 0.0)
                {
                  r = CLAMP (255.0 - (255.0 - r) / ink, 0.0, 255.0);
                  g = CLAMP (255.0 - (255.0 - g) / ink, 0.0, 255.0);
                  b = CLAMP (255.0 - (255.0 - b) / ink, 0.0, 255.0);
                }
              a *= smoothstep (INK_CLEAR, INK_SOLID, ink);
            }
          if (flags & TZ_SEAL_PROCESS_TINT_RED)
            {
              /* The ink keeps its strength, as a mix of white and seal red. */
              double ink = MAX (255.0 - r, MAX (255.0 - g, 255.0 - b)) / 255.0;

              r = 255.0 - ink * (255.0 - TZ_SEAL_RED_R);
              g = 255.0 - ink * (255.0 - TZ_SEAL_RED_G);
              b = 255.0 - ink * (255.0 - TZ_SEAL_RED_B);
            }
          p[0] = (guint8) round (r);
          p[1] = (guint8) round (g);
          p[2] = (guint8) round (b);
          p[3] = (guint8) round (a);
        }
    }
  return out;
}

/* The name of unit @unit_id, or NULL with TZ_ERROR_NOT_FOUND. */
static char *
unit_name (TzDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (TzUnitDetails) unit = tz_unit_get (db, unit_id, error);

  return unit != NULL ? g_strdup (unit->name) : NULL;
}

static void
set_seal_not_found (GError **error)
{
  g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
               _ ("The seal was not found; another window may have deleted it."));
}

/* Writes one PNG seal in one transaction, choosing whether it becomes the default. */
static gint64
store_png (TzDb *db, gint64 unit_id, const char *name, const void *png, gsize png_size, int width,
           int height, gboolean is_specimen, GError **error)
{
  g_autoptr (sqlite3_stmt) current = NULL;
  g_autoptr (sqlite3_stmt) clear = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *valid_name = NULL;
  gboolean make_default = TRUE;
  gint64 id;
  int rc;

  valid_name = g_utf8_make_valid (name != NULL ? name : "", -1);
  g_strstrip (valid_name);
  if (g_utf8_strlen (valid_name, -1) > 100)
    {
      char *shorter = g_utf8_substring (valid_name, 0, 100);
      g_free (valid_name);
      valid_name = shorter;
    }

  if (!tz_db_begin (db, error))
    return 0;
  owner = unit_name (db, unit_id, error);
  if (owner == NULL)
    goto fail;

  /* One default per unit; a real seal takes over from a specimen, never the reverse. */
  current = tz_db_prepare (db,
                           "SELECT is_specimen FROM seal WHERE unit_id = ? AND is_default "
                           "ORDER BY is_specimen LIMIT 1",
                           error);
  if (current == NULL)
    goto fail;
  sqlite3_bind_int64 (current, 1, unit_id);
  rc = tz_db_step (db, current, error);
  if (rc < 0)
    goto fail;
  if (rc == SQLITE_ROW)
    make_default = sqlite3_column_int (current, 0) && !is_specimen;

  if (make_default)
    {
      clear = tz_db_prepare (db, "UPDATE seal SET is_default = 0 WHERE unit_id = ? AND is_default",
                             error);
      if (clear == NULL)
        goto fail;
      sqlite3_bind_int64 (clear, 1, unit_id);
      if (!tz_db_step_done (db, clear, error))
        goto fail;
    }

  insert = tz_db_prepare (db,
                          "INSERT INTO seal (unit_id, name, mime_type, image, width, height, "
                          "  diameter_mm, is_specimen, is_default) "
                          "VALUES (?, ?, 'image/png', ?, ?, ?, ?, ?, ?)",
                          error);
  if (insert == NULL)
    goto fail;
  sqlite3_bind_int64 (insert, 1, unit_id);
  sqlite3_bind_text (insert, 2, valid_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (insert, 3, png, png_size, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, width);
  sqlite3_bind_int (insert, 5, height);
  sqlite3_bind_double (insert, 6, TZ_SEAL_DEFAULT_DIAMETER_MM);
  sqlite3_bind_int (insert, 7, is_specimen ? 1 : 0);
  sqlite3_bind_int (insert, 8, make_default ? 1 : 0);
  if (!tz_db_step_done (db, insert, error))
    goto fail;
  id = tz_db_last_insert_id (db);
  if (!tz_db_commit (db, error))
    return 0;
  return id;

fail:
  tz_db_rollback (db);
  return 0;
}

gint64
tz_seal_add (TzDb *db, gint64 unit_id, const char *name, GdkPixbuf *image, gboolean is_specimen,
             GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *png = NULL;
  gsize png_size = 0;

  g_return_val_if_fail (TZ_IS_DB (db), 0);
  g_return_val_if_fail (GDK_IS_PIXBUF (image), 0);

  if (!gdk_pixbuf_save_to_buffer (image, &png, &png_size, "png", &local_error, NULL))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED,
                   _ ("The seal image could not be converted to PNG (%s)."), local_error->message);
      return 0;
    }
  return store_png (db, unit_id, name, png, png_size, gdk_pixbuf_get_width (image),
                    gdk_pixbuf_get_height (image), is_specimen, error);
}

gint64
tz_seal_import_file (TzDb *db, gint64 unit_id, const char *path, TzSealProcess flags,
                     GError **error)
{
  g_autoptr (GdkPixbuf) loaded = NULL;
  g_autoptr (GdkPixbuf) processed = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TZ_IS_DB (db), 0);
  g_return_val_if_fail (path != NULL, 0);

  loaded = tz_seal_load_file (path, error);
  if (loaded == NULL)
    return 0;
  processed = tz_seal_process (loaded, flags);
  name = g_filename_display_basename (path);
  return tz_seal_add (db, unit_id, name, processed, FALSE, error);
}

static TzSeal *
seal_from_row (sqlite3_stmt *stmt)
{
  TzSeal *seal = g_new0 (TzSeal, 1);

  seal->id = sqlite3_column_int64 (stmt, 0);
  seal->unit_id = sqlite3_column_int64 (stmt, 1);
  seal->name = tz_db_column_dup (stmt, 2);
  seal->width = sqlite3_column_int (stmt, 3);
  seal->height = sqlite3_column_int (stmt, 4);
  seal->diameter_mm = sqlite3_column_double (stmt, 5);
  seal->is_specimen = sqlite3_column_int (stmt, 6) != 0;
  seal->is_default = sqlite3_column_int (stmt, 7) != 0;
  seal->created_at = tz_db_column_dup (stmt, 8);
  return seal;
}

#define SEAL_COLUMNS                                                                               \
  "id, unit_id, name, width, height, diameter_mm, is_specimen, is_default, created_at"

GPtrArray *
tz_seal_list (TzDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_seal_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  stmt = tz_db_prepare (db,
                        "SELECT " SEAL_COLUMNS " FROM seal WHERE unit_id = ? "
                        "ORDER BY is_default DESC, id DESC",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = tz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, seal_from_row (stmt));
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&list);
}

TzSeal *
tz_seal_get (TzDb *db, gint64 seal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  stmt = tz_db_prepare (db, "SELECT " SEAL_COLUMNS " FROM seal WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seal_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_seal_not_found (error);
      return NULL;
    }
  return seal_from_row (stmt);
}

GBytes *
tz_seal_get_png (TzDb *db, gint64 seal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  stmt = tz_db_prepare (db, "SELECT image FROM seal WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, seal_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_seal_not_found (error);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

GBytes *
tz_seal_get_default_png (TzDb *db, gint64 unit_id, gint64 *seal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (db), NULL);

  stmt = tz_db_prepare (db,
                        "SELECT id, image FROM seal WHERE unit_id = ? "
                        "ORDER BY is_default DESC, is_specimen, id DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND,
                   _ ("The unit has no seal yet. Import its seal image on the Units page."));
      return NULL;
    }
  if (seal_id != NULL)
    *seal_id = sqlite3_column_int64 (stmt, 0);
  return g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
}

GdkPixbuf *
tz_seal_get_pixbuf (TzDb *db, gint64 seal_id, GError **error)
{
  g_autoptr (GBytes) png = tz_seal_get_png (db, seal_id, error);
  g_autofree char *label = NULL;

  if (png == NULL)
    return NULL;
  label = g_strdup_printf (_ ("Seal %" PRId64), seal_id);
  return tz_seal_load_bytes (png, label, error);
}

typedef struct
{
  const guint8 *data;
  gsize size;
  gsize offset;
} ReadCursor;

static cairo_status_t
read_png_cb (void *closure, unsigned char *data, unsigned int length)
{
  ReadCursor *cursor = closure;

  if (cursor->size - cursor->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, cursor->data + cursor->offset, length);
  cursor->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
tz_seal_get_surface (TzDb *db, gint64 seal_id, GError **error)
{
  g_autoptr (GBytes) png = tz_seal_get_png (db, seal_id, error);
  ReadCursor cursor = { 0 };
  cairo_surface_t *surface;

  if (png == NULL)
    return NULL;
  cursor.data = g_bytes_get_data (png, &cursor.size);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &cursor);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE,
                   _ ("The stored seal image is damaged (%s). Delete it and import the seal "
                      "again."),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

/* The unit of a seal and whether it is the default, or FALSE with NOT_FOUND. */
static gboolean
seal_owner (TzDb *db, gint64 seal_id, gint64 *unit_id, gboolean *is_default, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = tz_db_prepare (db, "SELECT unit_id, is_default FROM seal WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seal_id);
  rc = tz_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      set_seal_not_found (error);
      return FALSE;
    }
  *unit_id = sqlite3_column_int64 (stmt, 0);
  if (is_default != NULL)
    *is_default = sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

gboolean
tz_seal_delete (TzDb *db, gint64 seal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) del = NULL;
  g_autoptr (sqlite3_stmt) promote = NULL;
  gint64 unit_id = 0;
  gboolean was_default = FALSE;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  if (!seal_owner (db, seal_id, &unit_id, &was_default, error))
    goto fail;
  del = tz_db_prepare (db, "DELETE FROM seal WHERE id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, seal_id);
  if (!tz_db_step_done (db, del, error))
    goto fail;
  if (was_default)
    {
      promote = tz_db_prepare (db,
                               "UPDATE seal SET is_default = 1 WHERE id = (SELECT id FROM seal "
                               "  WHERE unit_id = ?1 ORDER BY is_specimen, id DESC LIMIT 1)",
                               error);
      if (promote == NULL)
        goto fail;
      sqlite3_bind_int64 (promote, 1, unit_id);
      if (!tz_db_step_done (db, promote, error))
        goto fail;
    }
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_seal_set_default (TzDb *db, gint64 seal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) update = NULL;
  gint64 unit_id = 0;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  if (!seal_owner (db, seal_id, &unit_id, NULL, error))
    goto fail;
  update = tz_db_prepare (db,
                          "UPDATE seal SET is_default = (id = ?1), "
                          "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                          "WHERE unit_id = ?2 AND is_default <> (id = ?1)",
                          error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, seal_id);
  sqlite3_bind_int64 (update, 2, unit_id);
  if (!tz_db_step_done (db, update, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

gboolean
tz_seal_mark_specimen (TzDb *db, gint64 seal_id, GError **error)
{
  g_autoptr (sqlite3_stmt) update = NULL;
  gint64 unit_id = 0;

  g_return_val_if_fail (TZ_IS_DB (db), FALSE);

  if (!tz_db_begin (db, error))
    return FALSE;
  if (!seal_owner (db, seal_id, &unit_id, NULL, error))
    goto fail;
  update = tz_db_prepare (db,
                          "UPDATE seal SET is_specimen = 1, "
                          "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                          "WHERE id = ? AND NOT is_specimen",
                          error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, seal_id);
  if (!tz_db_step_done (db, update, error))
    goto fail;
  return tz_db_commit (db, error);

fail:
  tz_db_rollback (db);
  return FALSE;
}

/* One line of text in the seal's typeface, @size_px high. */
static PangoLayout *
seal_layout (cairo_t *cr, const char *text, double size_px)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font =
      pango_font_description_from_string ("Noto Serif CJK SC, Noto Sans CJK SC, Serif Bold");

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_star (cairo_t *cr, double cx, double cy, double radius)
{
  double inner = radius * 0.382; /* the regular five-pointed star */

  cairo_new_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double r = i % 2 == 0 ? radius : inner;

      cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

cairo_surface_t *
tz_seal_draw_specimen (const char *unit_name, int size_px)
{
  g_autofree gunichar *chars = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  glong n_chars = 0;
  double c, outer, ring, text_px, text_radius, step, span;

  g_return_val_if_fail (size_px >= 16, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size_px, size_px);
  cr = cairo_create (surface);
  c = size_px / 2.0;
  outer = size_px / 2.0 * 0.96;
  ring = size_px * 0.03;

  cairo_set_source_rgb (cr, TZ_SEAL_RED_R / 255.0, TZ_SEAL_RED_G / 255.0, TZ_SEAL_RED_B / 255.0);

  /* The ring. */
  cairo_set_line_width (cr, ring);
  cairo_arc (cr, c, c, outer - ring / 2, 0, 2 * G_PI);
  cairo_stroke (cr);

  /* The star in the middle. */
  draw_star (cr, c, c, outer * 0.3);

  /* The name along the upper arc, upright towards the rim: at most 250°,
   * smaller characters for longer names. */
  if (unit_name != NULL && g_utf8_validate (unit_name, -1, NULL))
    chars = g_utf8_to_ucs4_fast (unit_name, -1, &n_chars);
  text_px = outer * 0.2;
  text_radius = outer - ring - outer * 0.05;
  step = text_px * 1.1 / (text_radius - text_px / 2);
  /* Short names are spread towards 200°, as seals are cut, but not thinly. */
  if (n_chars > 1 && step * (n_chars - 1) < G_PI * 200 / 180)
    step = MIN (step * 1.8, G_PI * 200 / 180 / (n_chars - 1));
  if (n_chars > 1 && step * (n_chars - 1) > G_PI * 250 / 180)
    {
      step = G_PI * 250 / 180 / (n_chars - 1);
      text_px = MAX (outer * 0.1, step * (text_radius - text_px / 2) / 1.1);
    }
  span = step * MAX (n_chars - 1, 0);
  for (glong i = 0; i < n_chars; i++)
    {
      char utf8[8] = { 0 };
      g_autoptr (PangoLayout) layout = NULL;
      double angle = -G_PI / 2 - span / 2 + i * step;
      PangoRectangle ink, logical;

      g_unichar_to_utf8 (chars[i], utf8);
      layout = seal_layout (cr, utf8, text_px);
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      cairo_save (cr);
      cairo_translate (cr, c, c);
      cairo_rotate (cr, angle + G_PI / 2);
      cairo_translate (cr, -logical.width / 2.0, -text_radius - ink.y + (text_px - ink.height) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  /* 样章 across the lower half, where an official seal names its purpose. */
  {
    g_autoptr (PangoLayout) layout = seal_layout (cr, "样章", outer * 0.3);
    PangoRectangle ink, logical;

    pango_layout_get_pixel_extents (layout, &ink, &logical);
    cairo_move_to (cr, c - logical.width / 2.0, c + outer * 0.58 - ink.y - ink.height / 2.0);
    pango_cairo_show_layout (cr, layout);
  }

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_status_t
write_png_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gint64
tz_seal_create_specimen (TzDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (GByteArray) png = g_byte_array_new ();
  g_autofree char *name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (TZ_IS_DB (db), 0);

  name = unit_name (db, unit_id, error);
  if (name == NULL)
    return 0;
  surface = tz_seal_draw_specimen (name, SPECIMEN_PX);
  status = cairo_surface_write_to_png_stream (surface, write_png_cb, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_FAILED,
                   _ ("The specimen seal could not be drawn (%s)."),
                   cairo_status_to_string (status));
      return 0;
    }
  return store_png (db, unit_id, _ ("Specimen seal"), png->data, png->len, SPECIMEN_PX, SPECIMEN_PX,
                    TRUE, error);
}
