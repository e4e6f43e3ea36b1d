/* tz-bench-package.c — benchmark: exporting, previewing and applying a large package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Database A (the Heilongjiang 2022 campaign) gets N people (20 000 by default)
 * with one entry each in the story track, recommended by 哈尔滨市总工会, and
 * F small distinct files (2 000) attached to the first F entries. The package
 * of Harbin is exported from A, opened (checks + preview) against B (the same
 * campaign file, empty otherwise), applied, and opened again (every record
 * unchanged). Each step prints its time and the peak memory (ru_maxrss) so far.
 *
 *   tz-bench-package [--people N] [--files F]
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "tz-attachment.h"
#include "tz-campaign-file.h"
#include "tz-db.h"
#include "tz-entry.h"
#include "tz-package.h"
#include "tz-person.h"
#include "tz-resident-id.h"
#include "tz-unit.h"

#define STORY "《传播网络正能量，讲述奋进故事》评选活动"

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

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static TzDb *
open_with_campaign (const char *path, gint64 *campaign_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = g_build_filename (SOURCE_DATADIR, "campaigns",
                                            "heilongjiang-2022-workers-netizens.json", NULL);
  TzDb *db = tz_db_open (path, &error);

  check (db != NULL, error);
  *campaign_id = tz_campaign_import_file (db, file, &error);
  check (*campaign_id > 0, error);
  return db;
}

static void
fill (TzDb *a, gint64 campaign_id, const char *tmp, int n_people, int n_files)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDate) birth = g_date_new_dmy (1, G_DATE_JANUARY, 1960);
  g_autoptr (GPtrArray) tracks = tz_entry_list_tracks (a, campaign_id, &error);
  g_autofree char *file = g_build_filename (tmp, "evidence.txt", NULL);
  gint64 harbin = 0, track = 0;

  check (tracks != NULL, error);
  for (guint i = 0; i < tracks->len; i++)
    if (g_str_equal (((TzEntryTrack *) tracks->pdata[i])->name, STORY))
      track = ((TzEntryTrack *) tracks->pdata[i])->id;
  check (tz_unit_resolve (a, campaign_id, "哈尔滨市总工会", &harbin, &error), error);

  check (tz_db_begin (a, &error), error);
  for (int i = 0; i < n_people; i++)
    {
      g_autoptr (TzPerson) p = tz_person_new ();
      g_autoptr (TzEntry) e = tz_entry_new ();
      char first17[18];

      if (i > 0 && i % 500 == 0)
        g_date_add_days (birth, 1);
      g_snprintf (first17, sizeof first17, "230102%04d%02d%02d%03d", g_date_get_year (birth),
                  g_date_get_month (birth), g_date_get_day (birth), i % 500);
      p->name = g_strdup_printf ("职工%d", i);
      p->id_number = g_strdup_printf ("%s%c", first17, tz_resident_id_check_char (first17));
      p->phone = g_strdup_printf ("138%08d", i);
      p->ethnicity = g_strdup ("汉族");
      p->political = g_strdup ("中共党员");
      p->unit_id = harbin;
      p->employer = g_strdup_printf ("第%d厂", i % 500);
      p->position = g_strdup ("技师");
      check (tz_person_save (a, p, &error), error);

      e->campaign_id = campaign_id;
      e->track_id = track;
      e->title = g_strdup_printf ("职工%d的奋进故事", i);
      e->person_id = p->id;
      e->recommending_unit_id = harbin;
      e->summary = g_strdup_printf ("爱岗敬业，第%d号事迹。", i);
      e->status = g_strdup ("submitted");
      check (tz_entry_save (a, e, &error), error);

      if (i < n_files)
        {
          g_autofree char *content = g_strdup_printf ("第%d号作品的说明材料。", i);
          check (g_file_set_contents (file, content, -1, &error), error);
          check (tz_attachment_add (a, TZ_ATTACHMENT_OWNER_ENTRY, e->id, "material", file, NULL,
                                    NULL, &error),
                 error);
        }
    }
  check (tz_db_commit (a, &error), error);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) a = NULL;
  g_autoptr (TzDb) b = NULL;
  g_autoptr (TzPackage) package = NULL;
  g_autoptr (TzPackage) again = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path_a = NULL, *path_b = NULL, *pkg = NULL;
  gint64 ca = 0, cb = 0, harbin = 0;
  int n_people = 20000, n_files = 2000;
  GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People (one entry each)", "N" },
    { "files", 0, 0, G_OPTION_ARG_INT, &n_files, "Attached files", "N" },
    { NULL },
  };
  TzPackageSummary s;
  GTimer *timer = g_timer_new ();
  GStatBuf st;
  guint n = 0;

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  check (g_option_context_parse (context, &argc, &argv, &error), error);

  tmp = g_dir_make_tmp ("tz-bench-package-XXXXXX", &error);
  check (tmp != NULL, error);
  path_a = g_build_filename (tmp, "city.db", NULL);
  path_b = g_build_filename (tmp, "province.db", NULL);
  pkg = g_build_filename (tmp, "harbin.tzpkg", NULL);
  a = open_with_campaign (path_a, &ca);
  b = open_with_campaign (path_b, &cb);

  g_timer_start (timer);
  fill (a, ca, tmp, n_people, n_files);
  printf ("fill A: %d people and entries, %d files: %.2f s\n", n_people, n_files,
          g_timer_elapsed (timer, NULL));

  check (tz_unit_resolve (a, ca, "哈尔滨市总工会", &harbin, &error), error);
  g_timer_start (timer);
  check (tz_package_export (a, ca, harbin, pkg, &n, &error), error);
  g_stat (pkg, &st);
  printf ("export: %u records, %.1f MiB: %.2f s, peak %ld MiB\n", n,
          (double) st.st_size / (1024.0 * 1024.0), g_timer_elapsed (timer, NULL), peak_mib ());

  g_timer_start (timer);
  package = tz_package_open (b, pkg, &error);
  check (package != NULL, error);
  tz_package_get_summary (package, &s);
  printf ("open + preview: %u new: %.2f s, peak %ld MiB\n", s.n_new, g_timer_elapsed (timer, NULL),
          peak_mib ());

  g_timer_start (timer);
  check (tz_package_apply (package, &s, &error), error);
  printf ("apply: %u written: %.2f s, peak %ld MiB\n", s.n_new + s.n_changed,
          g_timer_elapsed (timer, NULL), peak_mib ());
  g_clear_pointer (&package, tz_package_free);

  g_timer_start (timer);
  again = tz_package_open (b, pkg, &error);
  check (again != NULL, error);
  tz_package_get_summary (again, &s);
  printf ("open again: %u unchanged, %u other: %.2f s, peak %ld MiB\n", s.n_unchanged,
          s.n_new + s.n_changed + s.n_conflict, g_timer_elapsed (timer, NULL), peak_mib ());
  if (s.n_new + s.n_changed + s.n_conflict != 0)
    g_error ("the second opening should find every record unchanged");

  g_clear_pointer (&again, tz_package_free);
  g_clear_object (&a);
  g_clear_object (&b);
  remove_tree (tmp);
  g_timer_destroy (timer);
  return 0;
}
