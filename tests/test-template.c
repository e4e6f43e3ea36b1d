/* test-template.c — the blank template of a track, written and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-table-columns.h"
#include "tz-table-read.h"
#include "tz-template.h"
#include "tz-test-common.h"
#include "tz-test-report.h"

static gint64
import_hlj (TzDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  gint64 id = tz_campaign_import_file (db, file, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
track_by_kind (TzDb *db, const char *entry_kind, const char *entrant_kind)
{
  g_autofree char *sql =
      g_strdup_printf ("SELECT id FROM track WHERE entry_kind = '%s' AND entrant_kind = '%s' "
                       "ORDER BY seq LIMIT 1",
                       entry_kind, entrant_kind);
  gint64 id = tz_test_query_int (db, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* The text of part @name of the zip @path. */
static char *
zip_part (const char *path, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GsfInput) file = gsf_input_stdio_new (path, &error);
  g_autoptr (GsfInfile) zip = NULL;
  g_autoptr (GsfInput) part = NULL;
  gsf_off_t size;
  char *text;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (file, &error);
  g_assert_no_error (error);
  {
    g_autofree char *full = g_strconcat ("xl/", name, NULL);
    g_auto (GStrv) parts = g_strsplit (full, "/", -1);

    part = gsf_infile_child_by_aname (zip, (const char **) parts);
  }
  g_assert_nonnull (part);
  size = gsf_input_size (part);
  text = g_malloc0 (size + 1);
  g_assert_nonnull (gsf_input_read (part, size, (guint8 *) text));
  return text;
}

static void
test_layout (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TzTableLayout) nomination = NULL;
  g_autoptr (TzTableLayout) work = NULL;
  g_autoptr (TzTableLayout) unit = NULL;
  const TzTableColumn *c;

  import_hlj (db);
  nomination = tz_table_layout_for_track (db, track_by_kind (db, "nomination", "person"), &error);
  g_assert_no_error (error);
  /* a nomination with the personal form: the person's details are required */
  c = tz_table_layout_find (nomination, TZ_TABLE_FIELD_ID_NUMBER, NULL);
  g_assert_nonnull (c);
  g_assert_true (c->required);
  g_assert_cmpint (c->kind, ==, TZ_TABLE_KIND_ID_NUMBER);
  c = tz_table_layout_find (nomination, TZ_TABLE_FIELD_SUMMARY, NULL);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->header, ==, "事迹简介");
  g_assert_cmpuint (c->max_chars, ==, 200); /* 事迹简介 200 字 of the notice */
  c = tz_table_layout_find (nomination, TZ_TABLE_FIELD_ETHNICITY, NULL);
  g_assert_cmpuint (g_strv_length (c->choices), ==, 56);
  g_assert_null (tz_table_layout_find (nomination, TZ_TABLE_FIELD_ENTRY_TITLE, NULL));

  work = tz_table_layout_for_track (db, track_by_kind (db, "work", "person"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tz_table_layout_find (work, TZ_TABLE_FIELD_ENTRY_TITLE, NULL));
  g_assert_true (tz_table_layout_find (work, TZ_TABLE_FIELD_ENTRY_TITLE, NULL)->required);
  g_assert_false (tz_table_layout_find (work, TZ_TABLE_FIELD_ID_NUMBER, NULL)->required);
  g_assert_null (tz_table_layout_find (work, TZ_TABLE_FIELD_SUMMARY, NULL));

  unit = tz_table_layout_for_track (db, track_by_kind (db, "work", "unit_or_team"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tz_table_layout_find (unit, TZ_TABLE_FIELD_ENTRANT_UNIT, NULL));
  g_assert_nonnull (tz_table_layout_find (unit, TZ_TABLE_FIELD_TEAM_NAME, NULL));

  /* headers and synonyms */
  g_assert_cmpint (tz_table_field_from_header ("公民身份号码"), ==, TZ_TABLE_FIELD_ID_NUMBER);
  g_assert_cmpint (tz_table_field_from_header (" *身份证号码（必填）"), ==,
                   TZ_TABLE_FIELD_ID_NUMBER);
  g_assert_cmpint (tz_table_field_from_header ("联系电话"), ==, TZ_TABLE_FIELD_PHONE);
  g_assert_cmpint (tz_table_field_from_header ("作品标题"), ==, TZ_TABLE_FIELD_ENTRY_TITLE);
  g_assert_cmpint (tz_table_field_from_header ("籍贯"), ==, TZ_TABLE_FIELD_NONE);
  g_assert_cmpint (tz_table_layout_match_header (work, "事迹简介"), ==, -1);

  tz_table_layout_for_track (db, 9999, &error);
  g_assert_error (error, TZ_ERROR, TZ_ERROR_NOT_FOUND);
}

static void
test_write_read_back (void)
{
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tz_test_tmpfile ("模板.xlsx");
  g_autoptr (TzTableLayout) layout = NULL;
  g_autoptr (TzTableSheet) sheet = NULL;
  g_autoptr (TzTableSheet) meta = NULL;
  g_autoptr (TzTableSheet) notes = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet1 = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *data = NULL;
  g_auto (GStrv) names = NULL;
  gsize length;
  const TzTableRow *header;
  gint64 campaign = import_hlj (db);
  gint64 track = track_by_kind (db, "nomination", "person");
  guint id_col;
  struct stat st;
  g_autofree char *id_xf = NULL;

  g_assert_true (tz_template_write (db, track, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  tz_test_keep_copy (path);
  layout = tz_table_layout_for_track (db, track, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  names = tz_table_list_sheets_data ((const guint8 *) data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 4);
  g_assert_true (g_strv_contains ((const char *const *) names, "填报说明"));
  g_assert_true (g_strv_contains ((const char *const *) names, TZ_TABLE_META_SHEET));

  /* the fill-in sheet: a title row, then the headers, required ones marked */
  sheet = tz_table_read_sheet (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, 2);
  g_assert_true (strstr (tz_table_row_cell (sheet->rows->pdata[0], 0), "评选活动") != NULL);
  header = sheet->rows->pdata[1];
  g_assert_cmpuint (header->row, ==, TZ_TEMPLATE_HEADER_ROW);
  g_assert_cmpuint (header->n_cells, ==, layout->columns->len);
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const TzTableColumn *c = layout->columns->pdata[i];
      g_autofree char *want = g_strconcat (c->required ? "*" : "", c->header, NULL);

      g_assert_cmpstr (tz_table_row_cell (header, i), ==, want);
    }
  g_assert_cmpuint (sheet->merges->len, ==, 1); /* the title */

  /* the hidden sheet names campaign and track */
  meta = tz_table_read_sheet (path, TZ_TABLE_META_SHEET, &error);
  g_assert_no_error (error);
  {
    g_autofree char *uuid = NULL, *track_uuid = NULL, *sql = NULL;
    gboolean seen_campaign = FALSE, seen_track = FALSE, seen_format = FALSE;

    sql = g_strdup_printf ("SELECT uuid FROM campaign WHERE id = %" G_GINT64_FORMAT, campaign);
    uuid = tz_test_query_text (db, sql);
    g_free (sql);
    sql = g_strdup_printf ("SELECT uuid FROM track WHERE id = %" G_GINT64_FORMAT, track);
    track_uuid = tz_test_query_text (db, sql);
    for (guint i = 0; i < meta->rows->len; i++)
      {
        const TzTableRow *r = meta->rows->pdata[i];
        const char *k = tz_table_row_cell (r, 0), *v = tz_table_row_cell (r, 1);

        if (g_str_equal (k, TZ_TABLE_META_KEY_CAMPAIGN_UUID))
          seen_campaign = g_str_equal (v, uuid);
        if (g_str_equal (k, TZ_TABLE_META_KEY_TRACK_UUID))
          seen_track = g_str_equal (v, track_uuid);
        if (g_str_equal (k, TZ_TABLE_META_KEY_FORMAT))
          seen_format = g_str_equal (v, TZ_TABLE_META_FORMAT);
      }
    g_assert_true (seen_campaign && seen_track && seen_format);
  }
  workbook = zip_part (path, "workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"_taizhang\" sheetId=\"4\" state=\"hidden\""));

  /* the instructions name the summary's limit and the contact */
  notes = tz_table_read_sheet (path, "填报说明", &error);
  g_assert_no_error (error);
  {
    GString *all = g_string_new (NULL);
    g_autofree char *text = NULL;

    for (guint i = 0; i < notes->rows->len; i++)
      {
        const TzTableRow *r = notes->rows->pdata[i];

        for (guint c = 0; c < r->n_cells; c++)
          g_string_append_printf (all, "%s|", r->cells[c]);
      }
    text = g_string_free (all, FALSE);
    g_assert_nonnull (strstr (text, "事迹简介 (200 字)"));
    g_assert_nonnull (strstr (text, "联系人"));
    g_assert_nonnull (strstr (text, "截止时间"));
  }

  /* drop-down lists through the list sheet; the ID column formatted as text */
  sheet1 = zip_part (path, "worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet1, "<dataValidation type=\"list\""));
  g_assert_nonnull (strstr (sheet1, "'_lists'!$B$2:$B$57")); /* 民族, 56 of them */
  g_assert_nonnull (strstr (sheet1, "<pane ySplit=\"2\""));
  g_assert_nonnull (tz_table_layout_find (layout, TZ_TABLE_FIELD_ID_NUMBER, &id_col));
  {
    /* <col min="N" max="N" … style="S"> with cellXfs[S] numFmtId 49 (@) */
    g_autofree char *needle =
        g_strdup_printf ("<col min=\"%u\" max=\"%u\"", id_col + 1, id_col + 1);
    const char *col = strstr (sheet1, needle);
    const char *style;
    guint s, n = 0;
    const char *xf;

    g_assert_nonnull (col);
    style = strstr (col, "style=\"");
    g_assert_nonnull (style);
    g_assert_true (style < strchr (col, '>'));
    s = (guint) g_ascii_strtoull (style + 7, NULL, 10);
    styles = zip_part (path, "styles.xml");
    xf = strstr (styles, "<cellXfs");
    g_assert_nonnull (xf);
    for (xf = strstr (xf, "<xf "); xf != NULL && n < s; xf = strstr (xf + 1, "<xf "))
      n++;
    g_assert_nonnull (xf);
    g_assert_true (g_str_has_prefix (xf, "<xf numFmtId=\"49\""));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template/layout", test_layout);
  g_test_add_func ("/template/write-read-back", test_write_read_back);
  return g_test_run ();
}
