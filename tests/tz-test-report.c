/* tz-test-report.c — what the report tests share: reading PDFs back, seals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tz-test-report.h"

void
tz_test_keep_copy (const char *path)
{
  const char *dir = g_getenv ("TZ_TEST_OUTPUT_DIR");
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dest = dir != NULL ? g_build_filename (dir, base, NULL) : NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (dest != NULL && g_file_get_contents (path, &data, &len, NULL))
    g_file_set_contents (dest, data, len, NULL);
}

PopplerDocument *
tz_test_open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  tz_test_keep_copy (path);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

char *
tz_test_squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

char *
tz_test_page_text (PopplerDocument *doc, int index)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);

  return tz_test_squeeze (text);
}

char *
tz_test_pdf_text (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = tz_test_page_text (doc, i);
      g_string_append (s, text);
    }
  return g_string_free (s, FALSE);
}

GdkPixbuf *
tz_test_red_disc (int size)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, size, size);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  double r = size / 2.0;

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        guchar *p = pixels + y * stride + x * 4;
        gboolean inside = (x - r) * (x - r) + (y - r) * (y - r) < r * r;
        p[0] = 0xd7, p[1] = 0x00, p[2] = 0x0f, p[3] = inside ? 255 : 0;
      }
  return pixbuf;
}
