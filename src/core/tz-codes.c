/* tz-codes.c — national code lists kept as data (the TSV files in data/codes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists live in TSV files compiled into the core GResource, so that a
 * correction to a name is a data change and the lists can be read by people.
 * Each list is parsed once, on first use, and kept for the life of the process.
 */
#define G_LOG_DOMAIN "tz-codes"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tz-codes.h"
#include "tz-core-resources.h"
#include "tz-error.h"
#include "tz-text.h"
#include "tz-validate.h"

#define CODES_PREFIX "/org/taizhang/Taizhang/core/codes/"

typedef struct
{
  TzCode *codes;
  guint n_codes;
} CodeList;

/* Lines are "code<TAB>printed name<TAB>full name"; '#' starts a comment line.
 * A broken file is a build mistake, caught by the tests, so it only warns. */
static CodeList *
load_list (const char *name)
{
  g_autofree char *path = g_strconcat (CODES_PREFIX, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GArray) codes = g_array_new (FALSE, TRUE, sizeof (TzCode));
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  CodeList *list = g_new0 (CodeList, 1);
  gsize size;
  const char *data;

  bytes =
      g_resource_lookup_data (tz_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Cannot read the code list %s: %s", path, error->message);
      return list;
    }

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      TzCode code;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) < 2)
        {
          g_critical ("%s line %u: expected code, name and full name", path, i + 1);
          continue;
        }
      /* Interned: the list is never freed, and the strings are shared by all. */
      code.code = g_intern_string (fields[0]);
      code.name = g_intern_string (fields[1]);
      code.full =
          g_intern_string (fields[2] != NULL && fields[2][0] != '\0' ? fields[2] : fields[1]);
      g_array_append_val (codes, code);
    }

  list->n_codes = codes->len;
  list->codes = (TzCode *) g_array_free (g_steal_pointer (&codes), FALSE);
  return list;
}

static const CodeList *
ethnicity_list (void)
{
  static CodeList *list = NULL;

  if (g_once_init_enter (&list))
    g_once_init_leave (&list, load_list ("ethnicity.tsv"));
  return list;
}

static const CodeList *
political_list (void)
{
  static CodeList *list = NULL;

  if (g_once_init_enter (&list))
    g_once_init_leave (&list, load_list ("political.tsv"));
  return list;
}

/* Matches a code (a spreadsheet may have dropped its leading zero: 1 → 01),
 * a printed name or a full name; @suffix, when given, may be left off the
 * name (汉 for 汉族). */
static const TzCode *
find_code (const CodeList *list, const char *value, const char *suffix)
{
  g_autofree char *folded = NULL;
  g_autofree char *code = NULL;
  g_autofree char *with_suffix = NULL;
  const char *text;

  if (value == NULL)
    return NULL;
  folded = tz_fold_fullwidth (value);
  if (folded == NULL)
    return NULL;
  text = g_strstrip (folded);
  if (*text == '\0')
    return NULL;

  if (strlen (text) == 1 && g_ascii_isdigit (text[0]))
    code = g_strconcat ("0", text, NULL);
  if (suffix != NULL && !g_str_has_suffix (text, suffix))
    with_suffix = g_strconcat (text, suffix, NULL);

  for (guint i = 0; i < list->n_codes; i++)
    {
      const TzCode *c = &list->codes[i];

      if (strcmp (text, c->code) == 0 || strcmp (text, c->name) == 0 || strcmp (text, c->full) == 0)
        return c;
      if (code != NULL && strcmp (code, c->code) == 0)
        return c;
      if (with_suffix != NULL && strcmp (with_suffix, c->name) == 0)
        return c;
    }
  return NULL;
}

const TzCode *
tz_codes_ethnicities (guint *n_codes)
{
  const CodeList *list = ethnicity_list ();

  if (n_codes != NULL)
    *n_codes = list->n_codes;
  return list->codes;
}

const TzCode *
tz_codes_political_statuses (guint *n_codes)
{
  const CodeList *list = political_list ();

  if (n_codes != NULL)
    *n_codes = list->n_codes;
  return list->codes;
}

const TzCode *
tz_codes_find_ethnicity (const char *value)
{
  return find_code (ethnicity_list (), value, "族");
}

const TzCode *
tz_codes_find_political_status (const char *value)
{
  return find_code (political_list (), value, NULL);
}

gboolean
tz_validate_ethnicity (const char *value, GError **error)
{
  g_autofree char *shown = NULL;

  if (tz_codes_find_ethnicity (value) != NULL)
    return TRUE;

  if (tz_text_is_blank (value))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Ethnicity: the ethnicity is empty. Enter one of the 56 ethnic "
                              "groups, such as 汉族."));
      return FALSE;
    }

  shown = tz_text_echo (value);
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
               _ ("Ethnicity: “%s” is not one of the 56 ethnic groups of GB/T 3304. Enter a name "
                  "such as 汉族, or its two-digit code such as 01."),
               shown);
  return FALSE;
}

gboolean
tz_validate_political_status (const char *value, GError **error)
{
  g_autofree char *shown = NULL;

  if (tz_codes_find_political_status (value) != NULL)
    return TRUE;

  if (tz_text_is_blank (value))
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_INVALID,
                           _ ("Political status: the political status is empty. Enter a status "
                              "such as 中共党员, 共青团员 or 群众."));
      return FALSE;
    }

  shown = tz_text_echo (value);
  g_set_error (error, TZ_ERROR, TZ_ERROR_INVALID,
               _ ("Political status: “%s” is not in the list of GB/T 4762. Enter a status such "
                  "as 中共党员, 共青团员 or 群众, or its two-digit code from 01 to 13."),
               shown);
  return FALSE;
}
