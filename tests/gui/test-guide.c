/* test-guide.c — the pictures of the user guide, taken from the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a campaign as a clerk would have it half-way (the Heilongjiang
 * notice, activities logged, nominees and works entered, scores given),
 * shows each page of the window in Chinese and saves it as a PNG under
 * $TZ_GUIDE_IMAGES (default: <build>/guide-images). The guide in docs/guide/
 * shows these pictures; build-aux/update-guide-images.sh runs this test with
 * TZ_GUIDE_IMAGES=docs/guide/images, so the pictures never go stale. Every
 * picture the guide names must be taken here: the test checks that too.
 */
#define G_LOG_DOMAIN "test-guide"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "tz-activity.h"
#include "tz-backups-window.h"
#include "tz-campaign-file.h"
#include "tz-entry.h"
#include "tz-i18n.h"
#include "tz-person.h"
#include "tz-scores.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-unit.h"
#include "tz-window.h"

static char *
images_dir (void)
{
  const char *dir = g_getenv ("TZ_GUIDE_IMAGES");

  if (tz_gui_test_is_empty (dir))
    return g_build_filename (g_getenv ("TZ_BUILD_DIR"), "guide-images", NULL);
  return g_strdup (dir);
}

static void
save_png (GtkWidget *widget, const char *name)
{
  g_autofree char *dir = images_dir ();
  g_autofree char *path = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  /* Past the pages' cross-fades. */
  tz_gui_test_flush (800);
  tz_gui_test_save_png (widget, path);
  g_test_message ("saved %s", path);
}

/* Half a campaign: activities in three cities, two nominees and three works
 * with scores from two judges. */
static char *
campaign_database (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzDb) db = tz_test_open_db ();
  g_autofree char *path =
      tz_test_source_path ("data", "campaigns", "heilongjiang-2022-workers-netizens.json", NULL);
  g_autoptr (GPtrArray) tracks = NULL;
  const char *cities[] = { "哈尔滨市总工会", "齐齐哈尔市总工会", "牡丹江市总工会" };
  const char *people[][3] = {
    { "王建国", "11010519491231002X", "13800138000" },
    { "李秀梅", "110101199003071233", "13900139000" },
    { "赵志强", "110101198001010010", "13700137000" },
  };
  gint64 campaign;

  campaign = tz_campaign_import_file (db, path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    for (guint k = 0; k <= i * 3; k++)
      {
        g_autoptr (TzActivity) a = tz_activity_new ();
        gint64 unit = 0;

        g_assert_true (tz_unit_resolve (db, campaign, cities[i], &unit, &error));
        a->campaign_id = campaign;
        a->unit_id = unit;
        a->title = g_strdup_printf ("“网聚职工正能量”主题宣讲第%u场", k + 1);
        a->held_on = g_strdup_printf ("2022-08-%02u", 10 + k);
        a->participants = 40 + 5 * (gint64) k;
        a->place = g_strdup ("职工之家");
        g_assert_true (tz_activity_save (db, a, &error));
        g_assert_no_error (error);
      }
  tracks = tz_entry_list_tracks (db, campaign, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (TzPerson) p = tz_person_new ();
      g_autoptr (TzEntry) e = tz_entry_new ();
      TzEntryTrack *track = tracks->pdata[0];
      gint64 unit = 0;

      g_assert_true (tz_unit_resolve (db, campaign, cities[i], &unit, &error));
      p->name = g_strdup (people[i][0]);
      p->id_number = g_strdup (people[i][1]);
      p->phone = g_strdup (people[i][2]);
      p->ethnicity = g_strdup ("汉族");
      p->political = g_strdup ("中共党员");
      p->employer = g_strdup_printf ("%s所属企业", cities[i]);
      p->position = g_strdup ("车间主任");
      g_assert_true (tz_person_save (db, p, &error));
      g_assert_no_error (error);
      e->campaign_id = campaign;
      e->track_id = track->id;
      e->person_id = p->id;
      e->recommending_unit_id = unit;
      e->title = g_strdup_printf ("%s的奋进故事", p->name);
      e->summary = g_strdup ("扎根一线二十年，带领班组攻坚克难，在网络上讲述产业工人的奋斗故事。");
      e->status = g_strdup ("submitted");
      g_assert_true (tz_entry_save (db, e, &error));
      g_assert_no_error (error);
      /* The first track ranks by views (浏览量), the latest figure counting. */
      g_assert_true (tz_metric_save (db, e->id, "浏览量", 800 + 450.0 * ((i * 7) % 3), "2022-09-30",
                                     "guide", NULL, &error));
      g_assert_true (tz_metric_save (db, e->id, "浏览量", 1200 + 450.0 * ((i * 7) % 3),
                                     "2022-10-31", "guide", NULL, &error));
      g_assert_no_error (error);
    }
  return g_strdup (tz_db_get_path (db));
}

/* Names used by docs/guide/index.html: each must be taken below. */
static const char *const pictures[] = {
  "empty",   "overview", "quotas",  "activities", "people",
  "entries", "units",    "judging", "reports",    "backups",
};

static void
test_pictures (void)
{
  g_autofree char *path = campaign_database ();
  g_autofree char *dir = images_dir ();
  g_autofree char *guide = tz_test_source_path ("docs", "guide", "index.html", NULL);
  g_autofree char *html = NULL;
  TzWindow *window;
  TzBackupsWindow *backups;

  /* The empty window first, on a database with nothing in it. */
  {
    g_autofree char *empty = tz_test_tmpfile ("empty.db");

    window = tz_window_new (NULL);
    gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
    gtk_window_present (GTK_WINDOW (window));
    g_assert_true (tz_window_open_database (window, empty));
    save_png (GTK_WIDGET (window), "empty");
    gtk_window_destroy (GTK_WINDOW (window));
  }

  window = tz_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tz_window_open_database (window, path));
  for (guint i = 1; i < G_N_ELEMENTS (pictures) - 1; i++)
    {
      tz_window_show_page (window, pictures[i]);
      save_png (GTK_WIDGET (window), pictures[i]);
    }
  backups = tz_backups_window_new (GTK_WINDOW (window), tz_window_get_database (window));
  gtk_window_present (GTK_WINDOW (backups));
  tz_backups_window_back_up_now (backups);
  save_png (GTK_WIDGET (backups), "backups");
  gtk_window_destroy (GTK_WINDOW (backups));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Every picture the guide shows was taken. */
  g_assert_true (g_file_get_contents (guide, &html, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
    {
      g_autofree char *ref = g_strdup_printf ("images/%s.png", pictures[i]);
      g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, pictures[i]);

      g_assert_nonnull (strstr (html, ref));
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }
  {
    const char *p = html;

    while ((p = strstr (p, "images/")) != NULL)
      {
        g_autofree char *name = g_strndup (p + 7, strcspn (p + 7, ".\""));
        gboolean known = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (pictures); i++)
          known = known || g_str_equal (name, pictures[i]);
        g_test_message ("the guide shows %s", name);
        g_assert_true (known);
        p += 7;
      }
  }
}

int
main (int argc, char *argv[])
{
  if (tz_gui_test_is_empty (g_getenv ("DISPLAY")) &&
      tz_gui_test_is_empty (g_getenv ("WAYLAND_DISPLAY")))
    {
      gboolean tap = g_strv_contains ((const char *const *) argv, "--tap");

      g_print ("%sno display: run the GUI tests under xvfb-run\n", tap ? "1..0 # SKIP " : "");
      return tap ? 0 : 77;
    }
  /* The campaign's timeline as a clerk sees it during the campaign. */
  g_setenv ("TAIZHANG_TODAY", "2022-08-20", TRUE);
  /* The guide is in Chinese, so are its pictures. */
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_print ("1..0 # SKIP no zh_CN.UTF-8 locale (build-aux/setup.sh generates it)\n");
      return 0;
    }
  tz_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/guide/pictures", test_pictures);
  return g_test_run ();
}
