/* tz-bench-import.c — benchmark: previewing and committing a large filled table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a filled table of N rows (50 000 by default) for the nomination track
 * of the Heilongjiang 2022 campaign with libxlsxwriter (distinct, valid ID
 * numbers), then times tz_table_import_open() (read, map, check every row
 * against the database) and tz_table_import_commit(), and a second preview of
 * the same file (every row unchanged), with the peak memory after each.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "tz-campaign-file.h"
#include "tz-db.h"
#include "tz-resident-id.h"
#include "tz-table-columns.h"
#include "tz-table-import.h"

static void
check (gboolean ok, const GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static long
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static const char *const units[] = {
  "哈尔滨市总工会", "齐齐哈尔市总工会", "牡丹江市总工会", "佳木斯市总工会", "大庆市总工会",
  "鸡西市总工会",   "双鸭山市总工会",   "伊春市总工会",   "七台河市总工会", "鹤岗市总工会",
};

static void
write_table (TzDb *db, gint64 track_id, const char *path, int n_rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzTableLayout) l = tz_table_layout_for_track (db, track_id, &error);
  lxw_workbook_options wo = { .constant_memory = LXW_TRUE };
  lxw_workbook *wb = workbook_new_opt (path, &wo);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "填报表");
  g_autoptr (GDate) birth = g_date_new_dmy (1, G_DATE_JANUARY, 1960);

  check (l != NULL, error);
  worksheet_write_string (ws, 0, 0, "基准填报表", NULL);
  for (guint c = 0; c < l->columns->len; c++)
    worksheet_write_string (ws, 1, c, ((TzTableColumn *) l->columns->pdata[c])->header, NULL);
  for (int i = 0; i < n_rows; i++)
    {
      lxw_row_t row = i + 2;
      char first17[18];
      g_autofree char *id = NULL;
      g_autofree char *phone = g_strdup_printf ("138%08d", i);
      g_autofree char *name = g_strdup_printf ("职工%d", i);
      g_autofree char *employer = g_strdup_printf ("第%d厂", i % 500);
      g_autofree char *summary = g_strdup_printf ("爱岗敬业，第%d号事迹。", i);

      /* a new birthday every 500 people, 500 sequence numbers a day */
      if (i > 0 && i % 500 == 0)
        g_date_add_days (birth, 1);
      g_snprintf (first17, sizeof first17, "230102%04d%02d%02d%03d", g_date_get_year (birth),
                  g_date_get_month (birth), g_date_get_day (birth), i % 500);
      id = g_strdup_printf ("%s%c", first17, tz_resident_id_check_char (first17));
      for (guint c = 0; c < l->columns->len; c++)
        {
          const TzTableColumn *col = l->columns->pdata[c];
          const char *v = NULL;

          switch (col->field)
            {
              case TZ_TABLE_FIELD_SEQ:
                worksheet_write_number (ws, row, c, i + 1, NULL);
                continue;
              case TZ_TABLE_FIELD_NAME:
                v = name;
                break;
              case TZ_TABLE_FIELD_ETHNICITY:
                v = "汉族";
                break;
              case TZ_TABLE_FIELD_POLITICAL:
                v = i % 3 == 0 ? "中共党员" : "群众";
                break;
              case TZ_TABLE_FIELD_ID_NUMBER:
                v = id;
                break;
              case TZ_TABLE_FIELD_PHONE:
                v = phone;
                break;
              case TZ_TABLE_FIELD_EMPLOYER:
                v = employer;
                break;
              case TZ_TABLE_FIELD_RECOMMENDING_UNIT:
                v = units[i % G_N_ELEMENTS (units)];
                break;
              case TZ_TABLE_FIELD_SUMMARY:
                v = summary;
                break;
              default:
                continue;
            }
          worksheet_write_string (ws, row, c, v, NULL);
        }
    }
  check (workbook_close (wb) == LXW_NO_ERROR, NULL);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (TzDb) db = NULL;
  g_autoptr (TzTableImport) imp = NULL;
  g_autoptr (TzTableImport) again = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *table = NULL;
  g_autofree char *campaign_file = g_build_filename (
      SOURCE_DATADIR, "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  int n_rows = 50000;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Rows of the table", "N" },
    { "keep-table", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      "Write the filled table here and keep it (for comparisons)", "FILE" },
    { NULL },
  };
  TzTableImportCounts counts = { 0 };
  gint64 campaign, track, start;
  sqlite3_stmt *stmt;
  GStatBuf st;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("tz-bench-import-XXXXXX", &error);
  check (dir != NULL, error);
  path = g_build_filename (dir, "import.db", NULL);
  table = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "filled.xlsx", NULL);
  db = tz_db_open (path, &error);
  check (db != NULL, error);
  campaign = tz_campaign_import_file (db, campaign_file, &error);
  check (campaign > 0, error);
  stmt = tz_db_prepare (db, "SELECT id FROM track WHERE entry_kind = 'nomination' LIMIT 1", &error);
  check (stmt != NULL && tz_db_step (db, stmt, &error) == SQLITE_ROW, error);
  track = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  start = g_get_monotonic_time ();
  write_table (db, track, table, n_rows);
  g_stat (table, &st);
  g_print ("table-import: wrote %d rows (%.1f MB xlsx) in %.2f s\n", n_rows, st.st_size / 1e6,
           (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  imp = tz_table_import_open (db, campaign, track, table, &error);
  check (imp != NULL, error);
  g_print ("table-import: preview (read + check) %.2f s, %u new, %u with problems, peak RSS %ld "
           "MiB\n",
           (g_get_monotonic_time () - start) / 1e6, tz_table_import_count (imp, TZ_TABLE_ROW_NEW),
           tz_table_import_count (imp, TZ_TABLE_ROW_PROBLEM), peak_mib ());
  if (tz_table_import_has_problems (imp))
    {
      g_auto (TzImportResult) result = { 0 };
      g_autofree char *lines = NULL;

      tz_table_import_get_result (imp, &result);
      lines = tz_import_result_format_problems (&result);
      g_error ("problems:\n%.2000s", lines);
    }

  start = g_get_monotonic_time ();
  check (tz_table_import_commit (imp, &counts, &error), error);
  g_print ("table-import: commit %.2f s (%u added), peak RSS %ld MiB\n",
           (g_get_monotonic_time () - start) / 1e6, counts.added, peak_mib ());
  g_clear_pointer (&imp, tz_table_import_free);

  start = g_get_monotonic_time ();
  again = tz_table_import_open (db, campaign, track, table, &error);
  check (again != NULL, error);
  g_print ("table-import: second preview %.2f s, %u unchanged, peak RSS %ld MiB\n",
           (g_get_monotonic_time () - start) / 1e6,
           tz_table_import_count (again, TZ_TABLE_ROW_UNCHANGED), peak_mib ());

  g_clear_object (&db);
  {
    const char *names[] = { "import.db", "import.db-wal", "import.db-shm", "filled.xlsx", NULL };

    for (guint i = 0; names[i] != NULL; i++)
      {
        g_autofree char *p = g_build_filename (dir, names[i], NULL);

        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
