/* fuzz-table-read.c — fuzz target: the xlsx and CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds the bytes, from memory, to the xlsx reader (first sheet, the hidden
 * sheet of a template by name, the list of sheets) and to the CSV reader. Any
 * input must give rows or an error: never a crash, a hang or a leak.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <gsf/gsf.h>

#include "tz-table-columns.h"
#include "tz-table-read.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
touch (TzTableSheet *sheet)
{
  gsize total = 0;

  for (guint i = 0; i < sheet->rows->len; i++)
    {
      const TzTableRow *r = sheet->rows->pdata[i];

      for (guint c = 0; c < r->n_cells; c++)
        total += strlen (tz_table_row_cell (r, c));
    }
  (void) total;
}

static void
add_member (GsfOutput *folder, const char *name, const void *data, size_t size)
{
  GsfOutput *member = gsf_outfile_new_child (GSF_OUTFILE (folder), name, FALSE);

  gsf_output_write (member, size, data);
  gsf_output_close (member);
  g_object_unref (member);
}

/* Random bytes seldom make a zip whose deflated parts are XML worth parsing:
 * also wrap the bytes, split at NUL NUL into a sheet, shared strings and
 * styles, in a well-formed workbook, so the XML readers see them directly. */
static void
wrapped (const uint8_t *data, size_t size)
{
  static const char workbook[] =
      "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<workbookPr date1904=\"0\"/><sheets><sheet name=\"S\" r:id=\"rId1\"/>"
      "<sheet name=\"_taizhang\" r:id=\"rId1\"/></sheets></workbook>";
  static const char rels[] =
      "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/../s.xml\"/></Relationships>";
  const uint8_t *parts[3] = { data, NULL, NULL };
  size_t sizes[3] = { size, 0, 0 };
  GsfOutput *mem = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (mem, NULL);
  guint n = 1;

  for (size_t i = 0; i + 1 < size && n < 3; i++)
    if (data[i] == 0 && data[i + 1] == 0)
      {
        sizes[n - 1] = data + i - parts[n - 1];
        parts[n] = data + i + 2;
        sizes[n] = size - (i + 2);
        n++;
        i++;
      }
  if (zip == NULL)
    {
      g_object_unref (mem);
      return;
    }
  {
    GsfOutput *xl = gsf_outfile_new_child (zip, "xl", TRUE);
    GsfOutput *rdir = gsf_outfile_new_child (GSF_OUTFILE (xl), "_rels", TRUE);

    add_member (rdir, "workbook.xml.rels", rels, sizeof rels - 1);
    gsf_output_close (rdir);
    g_object_unref (rdir);
    add_member (xl, "workbook.xml", workbook, sizeof workbook - 1);
    add_member (xl, "s.xml", parts[0], sizes[0]);
    if (parts[1] != NULL)
      add_member (xl, "sharedStrings.xml", parts[1], sizes[1]);
    if (parts[2] != NULL)
      add_member (xl, "styles.xml", parts[2], sizes[2]);
    gsf_output_close (xl);
    g_object_unref (xl);
  }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  {
    const guint8 *bytes = gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (mem));
    gsf_off_t length = gsf_output_size (mem);
    TzTableSheet *sheet = tz_table_read_sheet_data (bytes, length, TRUE, NULL, NULL);

    if (sheet != NULL)
      {
        touch (sheet);
        tz_table_sheet_free (sheet);
      }
  }
  gsf_output_close (mem);
  g_object_unref (mem);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  TzTableSheet *sheet;
  GStrv names;

  sheet = tz_table_read_sheet_data (data, size, TRUE, NULL, NULL);
  if (sheet != NULL)
    {
      touch (sheet);
      tz_table_sheet_free (sheet);
    }
  sheet = tz_table_read_sheet_data (data, size, TRUE, TZ_TABLE_META_SHEET, NULL);
  if (sheet != NULL)
    {
      touch (sheet);
      tz_table_sheet_free (sheet);
    }
  names = tz_table_list_sheets_data (data, size, NULL);
  g_strfreev (names);
  sheet = tz_table_read_sheet_data (data, size, FALSE, NULL, NULL);
  if (sheet != NULL)
    {
      touch (sheet);
      tz_table_sheet_free (sheet);
    }
  wrapped (data, size);
  return 0;
}
