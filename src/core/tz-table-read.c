/* tz-table-read.c — reading a plain table from a CSV or xlsx file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
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
  g_autofree char *converted = NULL;
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
      /* Excel on a Chinese system saves "CSV" in GB18030 (GBK) */
      gsize n = 0;

      converted = g_convert (data, end - data, "UTF-8", "GB18030", NULL, &n, NULL);
      if (converted == NULL || !g_utf8_validate (converted, n, NULL))
        {
          g_ptr_array_free (cells, TRUE);
          g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not UTF-8 text"), "CSV");
          return NULL;
        }
      data = converted;
      end = converted + n;
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

/* A part larger than this is refused rather than read. */
#define MAX_PART_BYTES ((gsize) 512 * 1024 * 1024)

static void
set_not_xlsx (GError **error, const char *name, const char *where)
{
  g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: not an xlsx workbook (%s)"), name, where);
}

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

          if (v != NULL)
            g_string_append (out, (const char *) v);
          xmlFree (v);
        }
      else if (c->type == XML_ELEMENT_NODE)
        collect_text (c, out);
    }
}

typedef struct
{
  const char *name; /* the file's base name, for messages */
  GsfInfile *zip;
  GPtrArray *strings;  /* shared strings */
  GArray *date_styles; /* gboolean per cellXfs index */
  gboolean date1904;
} Workbook;

/* gsf_infile_child_by_name() logs a warning when a member of a damaged zip
 * cannot be opened; a damaged file is an error here, not a warning (which tests
 * and G_DEBUG=fatal-warnings turn into an abort). */
static GsfInput *
zip_child (GsfInfile *dir, const char *name)
{
  GsfInfileClass *klass = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir));
  GError *error = NULL;
  GsfInput *child;

  if (klass->child_by_name == NULL)
    return NULL;
  child = klass->child_by_name (dir, name, &error);
  if (error != NULL)
    {
      g_clear_object (&child);
      g_error_free (error);
    }
  return child;
}

/* The bytes of the part @path ("xl/workbook.xml") of the zip; NULL when absent. */
static GBytes *
read_part_bytes (Workbook *wb, const char *path, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GByteArray) data = NULL;
  GsfInfile *dir = g_object_ref (wb->zip);
  gsf_off_t size, left;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *next;

      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      next = zip_child (dir, parts[i]);
      g_object_unref (dir);
      dir = NULL;
      if (next == NULL)
        break;
      if (parts[i + 1] == NULL)
        {
          input = next;
          break;
        }
      if (!GSF_IS_INFILE (next) || gsf_infile_num_children (GSF_INFILE (next)) < 0)
        {
          g_object_unref (next);
          break;
        }
      dir = GSF_INFILE (next);
    }
  g_clear_object (&dir);
  /* a member of a zip is a GsfInfile too: a folder has children, a file -1 */
  if (input == NULL || (GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) >= 0))
    {
      set_not_xlsx (error, wb->name, path);
      return NULL;
    }
  size = gsf_input_size (input);
  if (size < 0 || (guint64) size > MAX_PART_BYTES)
    {
      set_not_xlsx (error, wb->name, path);
      return NULL;
    }
  /* Read in blocks: a damaged zip may claim a size it does not have. */
  data = g_byte_array_new ();
  for (left = size; left > 0;)
    {
      gsf_off_t n = MIN (left, 65536);
      const guint8 *block = gsf_input_read (input, n, NULL);

      if (block == NULL)
        {
          set_not_xlsx (error, wb->name, path);
          return NULL;
        }
      g_byte_array_append (data, block, n);
      left -= n;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static xmlDoc *
read_part (Workbook *wb, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = read_part_bytes (wb, path, error);
  gsize size;
  const char *data;
  xmlDoc *doc;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXINT)
    {
      set_not_xlsx (error, wb->name, path);
      return NULL;
    }
  doc = xmlReadMemory (data != NULL ? data : "", (int) size, path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      set_not_xlsx (error, wb->name, path);
      return NULL;
    }
  return doc;
}

static void
silent_errors (void *arg, const char *msg, xmlParserSeverities severity,
               xmlTextReaderLocatorPtr loc)
{
  (void) arg;
  (void) msg;
  (void) severity;
  (void) loc;
}

static xmlTextReader *
part_reader (GBytes *bytes, const char *path)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlTextReader *reader;

  if (size > G_MAXINT)
    return NULL;
  reader = xmlReaderForMemory (data != NULL ? data : "", (int) size, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                   XML_PARSE_HUGE);
  if (reader != NULL)
    xmlTextReaderSetErrorHandler (reader, silent_errors, NULL);
  return reader;
}

static gboolean
reader_at (xmlTextReader *reader, const char *name)
{
  const xmlChar *local = xmlTextReaderConstLocalName (reader);

  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT && local != NULL &&
         strcmp ((const char *) local, name) == 0;
}

static char *
reader_attr (xmlTextReader *reader, const char *name)
{
  xmlChar *v = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *s = g_strdup ((const char *) v);

  xmlFree (v);
  return s;
}

typedef struct
{
  char *name;
  char *path; /* in the zip */
} SheetRef;

static void
sheet_ref_free (SheetRef *ref)
{
  g_free (ref->name);
  g_free (ref->path);
  g_free (ref);
}

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/…" absolute; ".." resolved. */
static char *
resolve_target (const char *target)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_autofree char *full = NULL;

  if (target[0] == '/')
    full = g_strdup (target + 1);
  else
    full = g_strconcat ("xl/", target, NULL);
  parts = g_strsplit (full, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

/* The sheets of the workbook in order, their parts resolved through
 * workbook.xml.rels. Also reads date1904. */
static GPtrArray *
list_sheets (Workbook *wb, GError **error)
{
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_ref_free);
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlDoc *doc = read_part (wb, "xl/workbook.xml", error);
  xmlDoc *rels;
  xmlNode *pr;

  if (doc == NULL)
    return NULL;
  rels = read_part (wb, "xl/_rels/workbook.xml.rels", error);
  if (rels == NULL)
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  for (xmlNode *r = xmlDocGetRootElement (rels)->children; r != NULL; r = r->next)
    if (is_element (r, "Relationship"))
      {
        char *id = attr (r, "Id");
        char *target = attr (r, "Target");

        if (id != NULL && target != NULL)
          g_hash_table_replace (targets, id, target);
        else
          {
            g_free (id);
            g_free (target);
          }
      }
  xmlFreeDoc (rels);
  pr = child_element (xmlDocGetRootElement (doc), "workbookPr");
  if (pr != NULL)
    {
      g_autofree char *d = attr (pr, "date1904");

      wb->date1904 = d != NULL && (g_str_equal (d, "1") || g_ascii_strcasecmp (d, "true") == 0);
    }
  for (xmlNode *s = child_element (child_element (xmlDocGetRootElement (doc), "sheets"), "sheet");
       s != NULL; s = s->next)
    {
      g_autofree char *rid = NULL;
      const char *target;
      SheetRef *ref;

      if (!is_element (s, "sheet"))
        continue;
      rid = relationship_id (s);
      target = rid != NULL ? g_hash_table_lookup (targets, rid) : NULL;
      if (target == NULL)
        continue;
      ref = g_new0 (SheetRef, 1);
      ref->name = attr (s, "name");
      if (ref->name == NULL)
        ref->name = g_strdup ("");
      ref->path = resolve_target (target);
      g_ptr_array_add (sheets, ref);
    }
  xmlFreeDoc (doc);
  if (sheets->len == 0)
    {
      set_not_xlsx (error, wb->name, "xl/workbook.xml");
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

/* Shared strings, streamed: a big table has hundreds of thousands. */
static GPtrArray *
shared_strings (Workbook *wb)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) bytes = read_part_bytes (wb, "xl/sharedStrings.xml", NULL);
  xmlTextReader *reader;
  int rc;

  if (bytes == NULL || (reader = part_reader (bytes, "sharedStrings.xml")) == NULL)
    return strings;
  while ((rc = xmlTextReaderRead (reader)) == 1)
    if (reader_at (reader, "si"))
      {
        xmlNode *si = xmlTextReaderExpand (reader);
        GString *s = g_string_new (NULL);

        if (si != NULL)
          collect_text (si, s);
        g_ptr_array_add (strings, g_string_free (s, FALSE));
        if (xmlTextReaderNext (reader) != 1)
          break;
        /* Next moved to the sibling: look at it before reading on. */
        while (reader_at (reader, "si"))
          {
            xmlNode *n = xmlTextReaderExpand (reader);
            GString *t = g_string_new (NULL);

            if (n != NULL)
              collect_text (n, t);
            g_ptr_array_add (strings, g_string_free (t, FALSE));
            if (xmlTextReaderNext (reader) != 1)
              break;
          }
      }
  xmlFreeTextReader (reader);
  return strings;
}

/* Whether a number format code shows a date: y, d, or m without h and s,
 * outside quotes, brackets and escapes. */
static gboolean
format_is_date (const char *code)
{
  gboolean y = FALSE, m = FALSE, d = FALSE, h = FALSE, s = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          p = strchr (p + 1, '"');
          if (p == NULL)
            break;
          continue;
        }
      if (*p == '[')
        {
          p = strchr (p + 1, ']');
          if (p == NULL)
            break;
          continue;
        }
      if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
          continue;
        }
      if (*p == ';')
        break; /* the first section decides */
      y |= c == 'y' || c == 'e';
      m |= c == 'm';
      d |= c == 'd';
      h |= c == 'h';
      s |= c == 's';
    }
  return y || d || (m && !h && !s);
}

static gboolean
builtin_is_date (guint64 id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static GArray *
date_styles (Workbook *wb)
{
  GArray *styles = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr (GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  xmlDoc *doc = read_part (wb, "xl/styles.xml", NULL);
  xmlNode *root, *fmts, *xfs;

  if (doc == NULL)
    return styles;
  root = xmlDocGetRootElement (doc);
  fmts = child_element (root, "numFmts");
  for (xmlNode *f = fmts != NULL ? fmts->children : NULL; f != NULL; f = f->next)
    if (is_element (f, "numFmt"))
      {
        g_autofree char *id = attr (f, "numFmtId");
        g_autofree char *code = attr (f, "formatCode");

        if (id != NULL && code != NULL && format_is_date (code))
          g_hash_table_add (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)));
      }
  xfs = child_element (root, "cellXfs");
  for (xmlNode *x = xfs != NULL ? xfs->children : NULL; x != NULL; x = x->next)
    if (is_element (x, "xf"))
      {
        g_autofree char *id = attr (x, "numFmtId");
        guint64 n = id != NULL ? g_ascii_strtoull (id, NULL, 10) : 0;
        gboolean is_date =
            builtin_is_date (n) ||
            (n <= G_MAXUINT && g_hash_table_contains (custom, GUINT_TO_POINTER ((guint) n)));

        g_array_append_val (styles, is_date);
      }
  xmlFreeDoc (doc);
  return styles;
}

/* The 0-based column of a cell reference such as "AB12", -1 without one; the
 * row in *@row (0 without one). */
static int
parse_ref (const char *ref, guint *row)
{
  int col = 0;
  guint64 r = 0;

  if (row != NULL)
    *row = 0;
  if (ref == NULL || !g_ascii_isalpha (*ref))
    return -1;
  if (*ref == '$')
    ref++;
  for (; g_ascii_isalpha (*ref); ref++)
    {
      col = col * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
      if (col > 16384)
        return -1;
    }
  if (*ref == '$')
    ref++;
  for (; g_ascii_isdigit (*ref) && r <= 1048576; ref++)
    r = r * 10 + (*ref - '0');
  if (row != NULL && r <= 1048576)
    *row = (guint) r;
  return col - 1;
}

/* An Excel serial day as YYYY-MM-DD; NULL out of range. */
static char *
serial_date (double serial, gboolean date1904)
{
  g_autoptr (GDate) date = NULL;
  gint64 days = (gint64) serial;

  if (!(serial >= 1 && serial < 2958466))
    return NULL;
  if (date1904)
    {
      date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
      g_date_add_days (date, days);
    }
  else
    {
      /* 1900 counts a 29 February that never was: serial 60. */
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      g_date_add_days (date, days >= 60 ? days - 1 : days);
    }
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
cell_text (Workbook *wb, xmlNode *c)
{
  g_autofree char *type = attr (c, "t");
  g_autofree char *style = attr (c, "s");
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

      return g_strdup (i < wb->strings->len ? (const char *) wb->strings->pdata[i] : "");
    }
  if (g_strcmp0 (type, "d") == 0)
    {
      /* ISO 8601 date cell */
      if (strlen (value) >= 10 && value[4] == '-' && value[7] == '-')
        return g_strndup (value, 10);
      return g_steal_pointer (&value);
    }
  if (type == NULL || g_str_equal (type, "n"))
    {
      char *end = NULL;
      double d = g_ascii_strtod (value, &end);

      if (end != value && *end == '\0')
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          guint64 s = style != NULL ? g_ascii_strtoull (style, NULL, 10) : 0;

          if (style != NULL && s < wb->date_styles->len &&
              g_array_index (wb->date_styles, gboolean, s))
            {
              char *date = serial_date (d, wb->date1904);

              if (date != NULL)
                return date;
            }
          return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", d));
        }
    }
  return g_steal_pointer (&value);
}

static void
add_merge (GArray *merges, const char *ref)
{
  g_auto (GStrv) ends = ref != NULL ? g_strsplit (ref, ":", 2) : NULL;
  TzTableMerge m;
  guint r1, r2;
  int c1, c2;

  if (ends == NULL || ends[0] == NULL || ends[1] == NULL)
    return;
  c1 = parse_ref (ends[0], &r1);
  c2 = parse_ref (ends[1], &r2);
  if (c1 < 0 || c2 < 0 || r1 == 0 || r2 == 0)
    return;
  m.first_row = MIN (r1, r2);
  m.last_row = MAX (r1, r2);
  m.first_column = MIN (c1, c2);
  m.last_column = MAX (c1, c2);
  g_array_append_val (merges, m);
}

static void
read_row_cells (Workbook *wb, xmlNode *row, GPtrArray *cells)
{
  for (xmlNode *c = row->children; c != NULL; c = c->next)
    {
      g_autofree char *ref = NULL;
      int col;

      if (!is_element (c, "c"))
        continue;
      ref = attr (c, "r");
      col = parse_ref (ref, NULL);
      if (col < 0)
        col = cells->len;
      if (col > 16383)
        continue;
      while (cells->len < (guint) col)
        g_ptr_array_add (cells, g_strdup (""));
      if ((guint) col < cells->len)
        {
          g_free (cells->pdata[col]);
          cells->pdata[col] = cell_text (wb, c);
        }
      else
        g_ptr_array_add (cells, cell_text (wb, c));
    }
}

/* The rows and merged ranges of the sheet part @path, streamed. */
static gboolean
read_sheet_part (Workbook *wb, const char *path, TzTableSheet *sheet, GError **error)
{
  g_autoptr (GBytes) bytes = read_part_bytes (wb, path, error);
  xmlTextReader *reader;
  guint next_row = 1;
  int rc;

  if (bytes == NULL)
    return FALSE;
  reader = part_reader (bytes, path);
  if (reader == NULL)
    {
      set_not_xlsx (error, wb->name, path);
      return FALSE;
    }
  rc = xmlTextReaderRead (reader);
  while (rc == 1)
    {
      if (reader_at (reader, "row"))
        {
          g_autofree char *rn = reader_attr (reader, "r");
          xmlNode *row = xmlTextReaderExpand (reader);
          guint64 number = rn != NULL ? g_ascii_strtoull (rn, NULL, 10) : 0;
          GPtrArray *cells = new_cells ();

          if (number == 0 || number > 1048576)
            number = next_row;
          next_row = number + 1;
          if (row != NULL)
            read_row_cells (wb, row, cells);
          add_row (sheet->rows, number, cells);
          rc = xmlTextReaderNext (reader);
          continue;
        }
      if (reader_at (reader, "mergeCell"))
        {
          g_autofree char *ref = reader_attr (reader, "ref");

          add_merge (sheet->merges, ref);
        }
      rc = xmlTextReaderRead (reader);
    }
  xmlFreeTextReader (reader);
  if (rc < 0)
    {
      set_not_xlsx (error, wb->name, path);
      return FALSE;
    }
  return TRUE;
}

static TzTableSheet *
sheet_new (const char *name)
{
  TzTableSheet *sheet = g_new0 (TzTableSheet, 1);

  sheet->name = g_strdup (name);
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tz_table_row_free);
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (TzTableMerge));
  return sheet;
}

void
tz_table_sheet_free (TzTableSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_clear_pointer (&sheet->merges, g_array_unref);
  g_free (sheet);
}

static GsfInfile *
open_zip (GBytes *bytes, const char *name, GsfInput **input, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  GsfInfile *zip;

  *input = gsf_input_memory_new (data != NULL ? data : (const guint8 *) "", size, FALSE);
  zip = *input != NULL ? gsf_infile_zip_new (*input, NULL) : NULL;
  if (zip == NULL)
    set_not_xlsx (error, name, "zip");
  return zip;
}

static TzTableSheet *
read_xlsx_bytes (GBytes *bytes, const char *name, const char *sheet_name, GError **error)
{
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GsfInfile) zip = open_zip (bytes, name, &input, error);
  g_autoptr (GPtrArray) sheets = NULL;
  g_autoptr (TzTableSheet) sheet = NULL;
  Workbook wb = { name, zip, NULL, NULL, FALSE };
  SheetRef *ref = NULL;
  gboolean ok;

  if (zip == NULL)
    return NULL;
  sheets = list_sheets (&wb, error);
  if (sheets == NULL)
    return NULL;
  for (guint i = 0; i < sheets->len && ref == NULL; i++)
    if (sheet_name == NULL || g_str_equal (((SheetRef *) sheets->pdata[i])->name, sheet_name))
      ref = sheets->pdata[i];
  if (ref == NULL)
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, _ ("%s: the workbook has no sheet “%s”."),
                   name, sheet_name);
      return NULL;
    }
  wb.strings = shared_strings (&wb);
  wb.date_styles = date_styles (&wb);
  sheet = sheet_new (ref->name);
  ok = read_sheet_part (&wb, ref->path, sheet, error);
  g_ptr_array_unref (wb.strings);
  g_array_unref (wb.date_styles);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

static TzTableSheet *
read_csv_bytes (GBytes *bytes, GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  GPtrArray *rows = tz_table_read_csv_data (data != NULL ? data : "", size, error);
  TzTableSheet *sheet;

  if (rows == NULL)
    return NULL;
  sheet = sheet_new ("");
  g_ptr_array_unref (sheet->rows);
  sheet->rows = rows;
  return sheet;
}

TzTableSheet *
tz_table_read_sheet_data (const guint8 *data, gsize size, gboolean is_xlsx, const char *sheet_name,
                          GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);

  if (is_xlsx)
    return read_xlsx_bytes (bytes, "xlsx", sheet_name, error);
  return read_csv_bytes (bytes, error);
}

GStrv
tz_table_list_sheets_data (const guint8 *data, gsize size, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GsfInfile) zip = open_zip (bytes, "xlsx", &input, error);
  g_autoptr (GPtrArray) sheets = NULL;
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  Workbook wb = { "xlsx", zip, NULL, NULL, FALSE };

  if (zip == NULL)
    return NULL;
  sheets = list_sheets (&wb, error);
  if (sheets == NULL)
    return NULL;
  for (guint i = 0; i < sheets->len; i++)
    g_strv_builder_add (b, ((SheetRef *) sheets->pdata[i])->name);
  return g_strv_builder_end (b);
}

TzTableSheet *
tz_table_read_sheet (const char *path, const char *sheet_name, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gboolean xlsx = g_str_has_suffix (lower, ".xlsx");

  if (!xlsx && !g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".txt"))
    {
      g_set_error (error, TZ_ERROR, TZ_ERROR_PARSE, _ ("%s: give a .csv or .xlsx file"), path);
      return NULL;
    }
  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  if (xlsx)
    return read_xlsx_bytes (bytes, base, sheet_name, error);
  return read_csv_bytes (bytes, error);
}

GPtrArray *
tz_table_read (const char *path, GError **error)
{
  g_autoptr (TzTableSheet) sheet = tz_table_read_sheet (path, NULL, error);

  if (sheet == NULL)
    return NULL;
  return g_steal_pointer (&sheet->rows);
}
