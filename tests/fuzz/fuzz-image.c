/* fuzz-image.c — fuzz target: bytes as a seal image or a person's photo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes go through what a clerk's scan goes through: the photo check
 * (PNG or JPEG by content), and the seal loader with both of its processing
 * steps (white background removed, tinted red). A bad image is refused with
 * an error; it must never crash or leak. The image loaders are gdk-pixbuf's;
 * large pictures are refused before decoding (the seal loader's limit).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "tz-person.h"
#include "tz-seal.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *tmpdir;

static void
cleanup (void)
{
  if (tmpdir == NULL)
    return;
  {
    g_autofree char *p = g_build_filename (tmpdir, "photo", NULL);
    g_unlink (p);
  }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) image = NULL;
  g_autofree char *photo = NULL;

  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("tz-fuzz-image-XXXXXX", NULL);
      atexit (cleanup);
    }
  photo = g_build_filename (tmpdir, "photo", NULL);
  if (!g_file_set_contents (photo, (const char *) data, (gssize) size, NULL))
    abort ();
  tz_person_check_photo (photo, NULL);

  image = tz_seal_load_bytes (bytes, "fuzz", &error);
  if (image != NULL)
    {
      g_autoptr (GdkPixbuf) processed =
          tz_seal_process (image, TZ_SEAL_PROCESS_REMOVE_WHITE | TZ_SEAL_PROCESS_TINT_RED);

      if (processed == NULL)
        abort ();
    }
  else if (error == NULL)
    abort ();
  return 0;
}
