/* tz-text.c — small text helpers shared by the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-text"

#include "config.h"

#include "tz-text.h"

char *
tz_text_echo (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);

  g_strstrip (valid);
  if (g_utf8_strlen (valid, -1) > TZ_TEXT_ECHO_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, TZ_TEXT_ECHO_MAX_CHARS);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

gboolean
tz_text_is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    return FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
