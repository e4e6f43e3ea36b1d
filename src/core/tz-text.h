/* tz-text.h — small text helpers shared by the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many characters of a user's value a message repeats. */
#define TZ_TEXT_ECHO_MAX_CHARS 30

/* A value as it may appear inside a message: valid UTF-8, trimmed, at most
 * TZ_TEXT_ECHO_MAX_CHARS characters (then "…"). */
char *tz_text_echo (const char *value);

/* NULL or only white space (the ideographic space included); text that is not
 * UTF-8 is not blank. */
gboolean tz_text_is_blank (const char *value);

G_END_DECLS
