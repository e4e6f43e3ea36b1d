/* tz-search.c — substring search over the FTS5 trigram indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trigram tokenizer answers MATCH only for three characters or more, and a
 * Chinese name is often two (张三). Shorter queries therefore scan the index's
 * own copy of the text with LIKE: the FTS5 content table <table>_content, whose
 * columns c0, c1, … hold the indexed columns in order. Scanning it directly is
 * about three times faster than LIKE through the virtual table (see
 * docs/performance.md). The query is always a bound parameter, quoted as one
 * FTS phrase or LIKE-escaped, so no character of it is syntax.
 */
#define G_LOG_DOMAIN "tz-search"

#include "config.h"

#include <string.h>

#include "tz-search.h"

static const char *const person_columns[] = { "name", "unit", "position", NULL };
static const char *const entry_columns[] = { "title", "entrant", "unit", "description", NULL };

static char *
clean_query (const char *query)
{
  char *q;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return NULL;
  q = g_strstrip (g_strdup (query));
  if (*q == '\0')
    g_clear_pointer (&q, g_free);
  return q;
}

static gboolean
use_match (const char *q)
{
  return g_utf8_strlen (q, -1) >= 3;
}

char *
tz_search_ids_sql (const char *fts_table, const char *query)
{
  g_autofree char *q = clean_query (query);
  const char *const *columns;
  GString *s;

  if (q == NULL)
    return NULL;
  if (use_match (q))
    return g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1", fts_table, fts_table);

  columns = g_str_equal (fts_table, "entry_fts") ? entry_columns : person_columns;
  s = g_string_new (NULL);
  g_string_append_printf (s, "SELECT id FROM %s_content WHERE ", fts_table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (s, "%sc%u LIKE ?1 ESCAPE '\\'", i ? " OR " : "", i);
  return g_string_free (s, FALSE);
}

void
tz_search_bind (sqlite3_stmt *stmt, int index, const char *query)
{
  g_autofree char *q = clean_query (query);
  GString *s;

  if (q == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  if (use_match (q))
    {
      /* One phrase: double quotes inside are doubled, nothing else is special. */
      s = g_string_new ("\"");
      for (const char *p = q; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else
    {
      s = g_string_new ("%");
      for (const char *p = q; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (s, '\\');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '%');
    }
  sqlite3_bind_text (stmt, index, s->str, (int) s->len, SQLITE_TRANSIENT);
  g_string_free (s, TRUE);
}
