/* tz-mask.c — masking personal data in lists and printed tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Masks keep a head and a tail and star the characters between them, counted
 * in characters so that a value typed with full-width digits still masks well.
 * A value too short to keep both ends is starred entirely.
 */
#define G_LOG_DOMAIN "tz-mask"

#include "config.h"

#include "tz-mask.h"

static char *
mask_middle (const char *value, glong keep_head, glong keep_tail)
{
  GString *s;
  glong len;
  glong i = 0;

  if (value == NULL || *value == '\0')
    return NULL;
  if (!g_utf8_validate (value, -1, NULL))
    return g_strdup ("****");

  len = g_utf8_strlen (value, -1);
  s = g_string_new (NULL);
  for (const char *p = value; *p; p = g_utf8_next_char (p), i++)
    {
      gboolean keep = len > keep_head + keep_tail && (i < keep_head || i >= len - keep_tail);

      if (keep)
        g_string_append_unichar (s, g_utf8_get_char (p));
      else
        g_string_append_c (s, '*');
    }
  return g_string_free (s, FALSE);
}

char *
tz_mask_phone (const char *phone)
{
  return mask_middle (phone, 3, 4);
}

char *
tz_mask_id_number (const char *id_number)
{
  return mask_middle (id_number, 6, 4);
}
