/* tz-bench-reports.c — times the reports on a large campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   tz-bench-reports [--people N] [--dir DIR]
 *
 * Imports the Heilongjiang campaign, gives its 13 city unions specimen seals,
 * adds N nominees (default 1 000) with photos to the 传播网络正能量 track, each
 * with the three opinions of the form, sealed, and times the personal forms of
 * the whole track into one PDF. Prints seconds, pages per second and the peak
 * memory of the process (getrusage).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-entry.h"
#include "tz-person.h"
#include "tz-report.h"
#include "tz-seal.h"
#include "tz-unit.h"

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static long
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (TzDb) db = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *campaign_file = NULL;
  g_autofree char *pdf_path = NULL;
  int n_people = 1000;
  GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "Nominees to generate", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where to write (default: a temporary folder)",
      "DIR" },
    { NULL },
  };
  gint64 campaign_id, track_id = 0, province = 0;
  GArray *cities = g_array_new (FALSE, FALSE, sizeof (gint64));
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  g_autoptr (GPtrArray) missing = NULL;
  gint64 start;
  double seconds;
  struct stat st;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (dir == NULL)
    dir = g_dir_make_tmp ("tz-bench-reports-XXXXXX", &error);
  check (dir != NULL, error);
  db_path = g_build_filename (dir, "reports.db", NULL);
  pdf_path = g_build_filename (dir, "forms.pdf", NULL);
  campaign_file = g_build_filename (SOURCE_DATADIR, "campaigns",
                                    "heilongjiang-2022-workers-netizens.json", NULL);

  db = tz_db_open (db_path, &error);
  check (db != NULL, error);
  campaign_id = tz_campaign_import_file (db, campaign_file, &error);
  check (campaign_id > 0, error);
  check (tz_track_resolve (db, campaign_id, "传播网络正能量", &track_id, &error), error);
  check (tz_unit_resolve (db, campaign_id, "黑龙江省总工会", &province, &error), error);
  units = tz_unit_list (db, campaign_id, &error);
  check (units != NULL, error);
  for (guint i = 0; i < units->len; i++)
    {
      TzUnit *u = units->pdata[i];
      if (g_strcmp0 (u->role, "participant") == 0)
        {
          check (tz_seal_create_specimen (db, u->id, &error) > 0, error);
          g_array_append_val (cities, u->id);
        }
    }
  check (tz_seal_create_specimen (db, province, &error) > 0, error);

  /* Ten photos, as a unit's clerks would scan them. */
  g_print ("generating %d nominees with photos and sealed opinions…\n", n_people);
  check (tz_db_begin (db, &error), error);
  for (int i = 0; i < n_people; i++)
    {
      g_autoptr (TzPerson) p = tz_person_new ();
      g_autoptr (TzEntry) e = tz_entry_new ();
      g_autoptr (GPtrArray) opinions =
          g_ptr_array_new_with_free_func ((GDestroyNotify) tz_opinion_free);
      g_autofree char *photo = g_strdup_printf ("%s/photo-%d.png", dir, i % 10);
      gint64 unit = g_array_index (cities, gint64, i % cities->len);
      const char *levels[] = { "推荐单位意见", "市(地)总工会主管部门意见", "省总工会主管部门意见" };

      if (!g_file_test (photo, G_FILE_TEST_EXISTS))
        {
          g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 360, 480);
          gdk_pixbuf_fill (pixbuf, 0x406080ff + (i % 10) * 0x10100000);
          check (gdk_pixbuf_save (pixbuf, photo, "png", &error, NULL), error);
        }
      p->name = g_strdup_printf ("职工%04d", i + 1);
      p->employer = g_strdup ("大庆油田有限责任公司");
      p->position = g_strdup ("高级技师");
      p->phone = g_strdup_printf ("138%08d", i);
      check (tz_person_save (db, p, &error), error);
      check (tz_person_set_photo (db, p->id, photo, &error), error);
      e->track_id = track_id;
      e->person_id = p->id;
      e->recommending_unit_id = unit;
      e->title = g_strdup_printf ("%s的奋进故事", p->name);
      e->summary = g_strdup (
          "扎根一线，带领班组完成技术革新，创办网络课堂传播安全生产知识，在职工网民中有广泛影响。");
      e->status = g_strdup ("submitted");
      for (int level = 1; level <= 3; level++)
        {
          TzOpinion *o = tz_opinion_new ();
          o->level = level;
          o->level_name = g_strdup (levels[level - 1]);
          o->unit_id = level == 3 ? province : unit;
          o->text = g_strdup ("同意推荐。");
          o->signed_on = g_strdup ("2022-09-05");
          o->sealed = TRUE;
          g_ptr_array_add (opinions, o);
        }
      check (tz_entry_save_with_opinions (db, e, opinions, &error), error);
    }
  check (tz_db_commit (db, &error), error);

  start = g_get_monotonic_time ();
  check (
      tz_report_person_forms (db, campaign_id, track_id, 0, &options, pdf_path, &missing, &error),
      error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_stat (pdf_path, &st);
  g_print (
      "personal forms: %d pages in %.2f s (%.0f pages/s), %.1f MiB PDF, peak memory %.0f MiB\n",
      n_people, seconds, n_people / seconds, st.st_size / 1048576.0, peak_kib () / 1024.0);
  g_print ("output: %s\n", pdf_path);
  g_array_unref (cities);
  return 0;
}
