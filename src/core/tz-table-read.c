/* tz-table-read.c — reading a plain table from a CSV or xlsx file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "tz-error.h"
#include "tz-table-read.h"

/* libgsf 1.14 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

void
tz_table_row_free (TzTableRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->cells);
  g_free (row);
}

const char *
tz_table_row_cell (const TzTableRow *row, guint column)
{
  return column < row->n_cells ? row->cells[column] : "";
}

/* Adds the row of @cells (taken) unless every cell is blank. */
static void
add_row (GPtrArray *rows, guint number, GPtrArray *cells)
{
  gboolean blank = TRUE;
  TzTableRow *row;

  for (guint i = 0; i < cells->len && blank; i++)
    {
      const char *c = cells->pdata[i];

      while (*c != '\0' && g_ascii_isspace (*c))
        c++;
      blank = *c == '\0';
    }
  if (blank)
    {
      g_ptr_array_free (cells, TRUE);
      return;
    }
  g_ptr_array_add (cells, NULL);
  row = g_new0 (TzTableRow, 1);
  row->row = number;
  row->n_cells = cells->len - 1;
  row->cells = (GStrv) g_ptr_array_free (cells, FALSE);
  g_ptr_array_add (rows, row);
}

static GPtrArray *
new_cells (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

GPtrArray *
tz_table_read_csv_data (const char *data, gssize length, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_table_row_free);
  g_autoptr (GString) field = g_string_new (NULL);
  GPtrArray *cells = new_cells ();
  const char *p, *end;
  guint number = 1;
  gboolean quoted = FALSE, any = FALSE;

  if (length < 0)
    length = strlen (data);
  end = data + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;
  if (!g_utf8_validate (data, end - data, NULL))
    {
      g_ptr_array_free (cells, TRUE);
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not UTF-8 text"), "CSV");
      return NULL;
    }
  for (p = data; p < end; p++)
    {
      char c = *p;

      any = TRUE;
      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (cells, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          g_ptr_array_add (cells, g_strdup (field->str));
          g_string_truncate (field, 0);
          add_row (rows, number++, cells);
          cells = new_cells ();
          any = FALSE;
        }
      else
        g_string_append_c (field, c);
    }
  if (any)
    {
      g_ptr_array_add (cells, g_strdup (field->str));
      add_row (rows, number, cells);
    }
  else
    g_ptr_array_free (cells, TRUE);
  return g_steal_pointer (&rows);
}

/* ---- xlsx ---- */

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child_element (xmlNode *node, const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

static char *
attr (xmlNode *node, const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *s = g_strdup ((const char *) v);

  xmlFree (v);
  return s;
}

/* The r:id of a <sheet>, whatever the prefix or namespace of relationships. */
static char *
relationship_id (xmlNode *node)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->ns != NULL && strcmp ((const char *) a->name, "id") == 0)
      {
        xmlChar *v = xmlNodeGetContent ((xmlNode *) a);
        char *s = g_strdup ((const char *) v);

        xmlFree (v);
        return s;
      }
  return NULL;
}

/* The text of <t> elements under @node, phonetic runs (<rPh>) left out. */
static void
collect_text (xmlNode *node, GString *out)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "rPh") || is_element (c, "phoneticPr"))
        continue;
      if (is_element (c, "t"))
        {
          xmlChar *v = xmlNodeGetContent (c);

          g_string_append (out, (const char *) v);
          xmlFree (v);
        }
      else if (c->type == XML_ELEMENT_NODE)
        collect_text (c, out);
    }
}

/* Opens the part @path (e.g. "xl/workbook.xml") of the zip as XML; NULL when absent. */
static xmlDoc *
read_part (GsfInfile *zip, const char *path, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr (GsfInput) input = NULL;
  g_autofree guint8 *data = NULL;
  GsfInfile *dir = zip;
  gsf_off_t size;
  xmlDoc *doc;

  g_object_ref (dir);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *next;

      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      next = GSF_IS_INFILE (dir) ? gsf_infile_child_by_name (dir, parts[i]) : NULL;
      g_object_unref (dir);
      if (next == NULL)
        {
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), "xlsx",
                       path);
          return NULL;
        }
      if (parts[i + 1] == NULL)
        input = next;
      else if (!GSF_IS_INFILE (next))
        {
          g_object_unref (next);
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), "xlsx",
                       path);
          return NULL;
        }
      else
        dir = GSF_INFILE (next);
      if (input != NULL)
        break;
    }
  if (input == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), "xlsx",
                   path);
      return NULL;
    }
  size = gsf_input_size (input);
  data = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, data) == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), "xlsx",
                   path);
      return NULL;
    }
  doc = xmlReadMemory ((const char *) data, (int) size, path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), "xlsx",
                   path);
      return NULL;
    }
  return doc;
}

/* The path in the zip of the first sheet. */
static char *
first_sheet_path (GsfInfile *zip, GError **error)
{
  xmlDoc *wb = read_part (zip, "xl/workbook.xml", error);
  xmlDoc *rels;
  xmlNode *sheet;
  g_autofree char *rid = NULL;
  char *target = NULL;

  if (wb == NULL)
    return NULL;
  sheet = child_element (child_element (xmlDocGetRootElement (wb), "sheets"), "sheet");
  rid = sheet != NULL ? relationship_id (sheet) : NULL;
  xmlFreeDoc (wb);
  if (rid == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), "xlsx",
                   "xl/workbook.xml");
      return NULL;
    }
  rels = read_part (zip, "xl/_rels/workbook.xml.rels", error);
  if (rels == NULL)
    return NULL;
  for (xmlNode *r = xmlDocGetRootElement (rels)->children; r != NULL && target == NULL; r = r->next)
    if (is_element (r, "Relationship"))
      {
        g_autofree char *id = attr (r, "Id");

        if (g_strcmp0 (id, rid) == 0)
          target = attr (r, "Target");
      }
  xmlFreeDoc (rels);
  if (target == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), "xlsx",
                   "xl/_rels/workbook.xml.rels");
      return NULL;
    }
  if (target[0] == '/')
    {
      char *abs = g_strdup (target + 1);

      g_free (target);
      return abs;
    }
  {
    char *rel = g_strconcat ("xl/", target, NULL);

    g_free (target);
    return rel;
  }
}

static GPtrArray *
shared_strings (GsfInfile *zip)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  xmlDoc *doc = read_part (zip, "xl/sharedStrings.xml", NULL);

  if (doc == NULL)
    return strings;
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    if (is_element (si, "si"))
      {
        GString *s = g_string_new (NULL);

        collect_text (si, s);
        g_ptr_array_add (strings, g_string_free (s, FALSE));
      }
  xmlFreeDoc (doc);
  return strings;
}

/* The 0-based column of a cell reference such as "AB12", -1 without one. */
static int
column_of (const char *ref)
{
  int col = 0;

  if (ref == NULL || !g_ascii_isalpha (*ref))
    return -1;
  for (; g_ascii_isalpha (*ref); ref++)
    col = col * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
  return col - 1;
}

static char *
cell_text (xmlNode *c, GPtrArray *strings)
{
  g_autofree char *type = attr (c, "t");
  xmlNode *v = child_element (c, "v");
  g_autofree char *value = NULL;

  if (g_strcmp0 (type, "inlineStr") == 0)
    {
      GString *s = g_string_new (NULL);
      xmlNode *is = child_element (c, "is");

      if (is != NULL)
        collect_text (is, s);
      return g_string_free (s, FALSE);
    }
  if (v != NULL)
    {
      xmlChar *x = xmlNodeGetContent (v);

      value = g_strdup ((const char *) x);
      xmlFree (x);
    }
  if (value == NULL)
    return g_strdup ("");
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 i = g_ascii_strtoull (value, NULL, 10);

      return g_strdup (i < strings->len ? (const char *) strings->pdata[i] : "");
    }
  if (type == NULL || g_str_equal (type, "n"))
    {
      char *end = NULL;
      double d = g_ascii_strtod (value, &end);

      if (end != value && *end == '\0')
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", d));
        }
    }
  return g_steal_pointer (&value);
}

static GPtrArray *
read_xlsx (const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GsfInput) file = NULL;
  g_autoptr (GsfInfile) zip = NULL;
  g_autoptr (GPtrArray) strings = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *sheet_path = NULL;
  g_autofree char *base = g_path_get_basename (path);
  xmlDoc *doc;
  xmlNode *data;
  guint next_row = 1;

  file = gsf_input_stdio_new (path, &local);
  if (file == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  zip = gsf_infile_zip_new (file, NULL);
  if (zip == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), base,
                   "zip");
      return NULL;
    }
  sheet_path = first_sheet_path (zip, error);
  if (sheet_path == NULL)
    return NULL;
  doc = read_part (zip, sheet_path, error);
  if (doc == NULL)
    return NULL;
  strings = shared_strings (zip);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_table_row_free);
  data = child_element (xmlDocGetRootElement (doc), "sheetData");
  for (xmlNode *r = data != NULL ? data->children : NULL; r != NULL; r = r->next)
    {
      g_autofree char *rn = NULL;
      GPtrArray *cells;
      guint number;

      if (!is_element (r, "row"))
        continue;
      rn = attr (r, "r");
      number = rn != NULL ? (guint) g_ascii_strtoull (rn, NULL, 10) : next_row;
      if (number == 0)
        number = next_row;
      next_row = number + 1;
      cells = new_cells ();
      for (xmlNode *c = r->children; c != NULL; c = c->next)
        {
          g_autofree char *ref = NULL;
          int col;

          if (!is_element (c, "c"))
            continue;
          ref = attr (c, "r");
          col = column_of (ref);
          if (col < 0)
            col = cells->len;
          if (col > 16383)
            continue;
          while (cells->len < (guint) col)
            g_ptr_array_add (cells, g_strdup (""));
          if ((guint) col < cells->len)
            {
              g_free (cells->pdata[col]);
              cells->pdata[col] = cell_text (c, strings);
            }
          else
            g_ptr_array_add (cells, cell_text (c, strings));
        }
      add_row (rows, number, cells);
    }
  xmlFreeDoc (doc);
  return g_steal_pointer (&rows);
}

GPtrArray *
tz_table_read (const char *path, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return read_xlsx (path, error);
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &data, &length, error))
        return NULL;
      return tz_table_read_csv_data (data, length, error);
    }
  g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: give a .csv or .xlsx file"), path);
  return NULL;
}
