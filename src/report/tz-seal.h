/* tz-seal.h — seal images of a unit: import, process, store, draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A seal is an image the user imports for a unit (a scan or a PNG), kept as a
 * PNG with an alpha channel in the seal table. The app never draws an official
 * seal of its own: tz_seal_create_specimen() draws a specimen for demo data,
 * marked 样章 in the image and is_specimen = 1 in the table.
 */
#pragma once

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tz-db.h"

G_BEGIN_DECLS

/* Files larger than this, or wider or taller than TZ_SEAL_MAX_SOURCE_PX, are refused. */
#define TZ_SEAL_MAX_FILE_BYTES (20 * 1024 * 1024)
#define TZ_SEAL_MAX_SOURCE_PX  6000
/* Stored images are scaled down to at most this many pixels a side. */
#define TZ_SEAL_MAX_STORED_PX 1200
/* The size a seal is printed at unless told otherwise (GB/T 9704: about 42 mm). */
#define TZ_SEAL_DEFAULT_DIAMETER_MM 42.0
/* Seal red, #D7000F. */
#define TZ_SEAL_RED_R 0xd7
#define TZ_SEAL_RED_G 0x00
#define TZ_SEAL_RED_B 0x0f

typedef enum
{
  TZ_SEAL_PROCESS_NONE = 0,
  TZ_SEAL_PROCESS_REMOVE_WHITE = 1 << 0, /* near-white pixels become transparent, soft edge */
  TZ_SEAL_PROCESS_TINT_RED = 1 << 1,     /* the ink keeps its strength and becomes seal red */
} TzSealProcess;

typedef struct
{
  gint64 id;
  gint64 unit_id;
  char *name;
  int width;
  int height;
  double diameter_mm;
  gboolean is_specimen;
  gboolean is_default;
  char *created_at; /* ISO 8601, UTC */
} TzSeal;

void tz_seal_free (TzSeal *seal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzSeal, tz_seal_free)

/* Reads a PNG or JPEG file for a seal: refuses other formats, broken files, files
 * over TZ_SEAL_MAX_FILE_BYTES and images over TZ_SEAL_MAX_SOURCE_PX, each with a
 * message naming the file. Returns the image with an alpha channel, scaled down
 * to at most TZ_SEAL_MAX_STORED_PX a side. */
GdkPixbuf *tz_seal_load_file (const char *path, GError **error);
/* The same from bytes; @display_name names them in messages. */
GdkPixbuf *tz_seal_load_bytes (GBytes *bytes, const char *display_name, GError **error);

/* A processed copy of @image (with an alpha channel); @image is left as it is. */
GdkPixbuf *tz_seal_process (GdkPixbuf *image, TzSealProcess flags);

/* Stores @image as a PNG seal of @unit_id in one transaction and returns its id
 * (0 with @error). The new seal becomes the unit's default when it has none, or
 * when its default is a specimen and the new seal is not. */
gint64 tz_seal_add (TzDb *db, gint64 unit_id, const char *name, GdkPixbuf *image,
                    gboolean is_specimen, GError **error);

/* tz_seal_load_file() + tz_seal_process() + tz_seal_add(), named after the file. */
gint64 tz_seal_import_file (TzDb *db, gint64 unit_id, const char *path, TzSealProcess flags,
                            GError **error);

/* The seals of a unit, the default first, then the newest, as TzSeal*. */
GPtrArray *tz_seal_list (TzDb *db, gint64 unit_id, GError **error);
TzSeal *tz_seal_get (TzDb *db, gint64 seal_id, GError **error);

/* The PNG bytes of a seal, or of a unit's default seal (TZ_ERROR_NOT_FOUND when
 * the unit has none; @seal_id, may be NULL, receives its id). */
GBytes *tz_seal_get_png (TzDb *db, gint64 seal_id, GError **error);
GBytes *tz_seal_get_default_png (TzDb *db, gint64 unit_id, gint64 *seal_id, GError **error);

/* A seal decoded for drawing: a pixbuf, or a cairo image surface (ARGB32). */
GdkPixbuf *tz_seal_get_pixbuf (TzDb *db, gint64 seal_id, GError **error);
cairo_surface_t *tz_seal_get_surface (TzDb *db, gint64 seal_id, GError **error);

/* Deletes a seal; when it was the default, the unit's newest other seal (a real
 * one before a specimen) becomes the default. */
gboolean tz_seal_delete (TzDb *db, gint64 seal_id, GError **error);
/* Makes a seal its unit's only default seal. */
gboolean tz_seal_set_default (TzDb *db, gint64 seal_id, GError **error);
/* Marks a seal as a specimen (样章); a specimen stays one. */
gboolean tz_seal_mark_specimen (TzDb *db, gint64 seal_id, GError **error);

/* Draws a specimen seal of @size_px × @size_px for @unit_name: a red ring, a
 * star, the name along the upper arc and 样章 across the lower half. */
cairo_surface_t *tz_seal_draw_specimen (const char *unit_name, int size_px);
/* Draws a specimen for a unit (with its name) and stores it, is_specimen = 1. */
gint64 tz_seal_create_specimen (TzDb *db, gint64 unit_id, GError **error);

G_END_DECLS
