/* test-data-safety.c — the audit log and backups windows on a real database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under a display (xvfb-run); without one the whole program is skipped.
 */
#define G_LOG_DOMAIN "test-data-safety"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "tz-audit-window.h"
#include "tz-backup.h"
#include "tz-backups-window.h"
#include "tz-person.h"
#include "tz-gui-test.h"
#include "tz-test-common.h"
#include "tz-window.h"

static TzDb *
open_with_people (void)
{
  TzDb *db = tz_test_open_db ();
  g_autoptr (GError) error = NULL;
  const char *names[] = { "张三", "李四" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (TzPerson) p = tz_person_new ();

      p->name = g_strdup (names[i]);
      p->phone = g_strdup_printf ("1380013800%u", i);
      g_assert_true (tz_person_save (db, p, &error));
      g_assert_no_error (error);
    }
  return db;
}

/* The audit window lists the changes, masked, and filters them by person,
 * table and day; a bad day is marked, not used. */
static void
test_audit_window (void)
{
  g_autoptr (TzDb) db = open_with_people ();
  g_autoptr (GError) error = NULL;
  TzAuditWindow *window = tz_audit_window_new (NULL, db);
  g_auto (GStrv) texts = NULL;
  guint all;

  gtk_window_present (GTK_WINDOW (window));
  tz_gui_test_flush (50);
  all = tz_audit_window_get_n_rows (window);
  g_assert_cmpuint (all, ==, 2);
  texts = tz_audit_window_get_row_texts (window, 0);
  g_assert_nonnull (strstr (texts[5], "李四"));
  g_assert_nonnull (strstr (texts[5], "138****8001"));
  g_assert_null (strstr (texts[5], "13800138001"));

  tz_audit_window_set_filter (window, "person", "张三", NULL, NULL);
  g_assert_cmpuint (tz_audit_window_get_n_rows (window), ==, 1);
  tz_audit_window_set_filter (window, "entry", NULL, NULL, NULL);
  g_assert_cmpuint (tz_audit_window_get_n_rows (window), ==, 0);
  tz_audit_window_set_filter (window, NULL, NULL, "2000-01-01", "2999-12-31");
  g_assert_cmpuint (tz_audit_window_get_n_rows (window), ==, 2);
  tz_audit_window_set_filter (window, NULL, "无此人", NULL, NULL);
  g_assert_cmpuint (tz_audit_window_get_n_rows (window), ==, 0);

  /* A new change appears without reopening. */
  tz_audit_window_set_filter (window, NULL, NULL, NULL, NULL);
  g_assert_true (tz_db_exec (db, "UPDATE person SET name = '王五' WHERE id = 2", &error));
  tz_gui_test_flush (20);
  g_assert_cmpuint (tz_audit_window_get_n_rows (window), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Back up now lists a new backup; restoring asks with the backup's counts and
 * brings its content back. */
static void
test_backups_window (void)
{
  g_autoptr (TzDb) db = open_with_people ();
  g_autoptr (GError) error = NULL;
  TzBackupsWindow *window = tz_backups_window_new (NULL, db);
  g_autoptr (GPtrArray) list = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  gtk_window_present (GTK_WINDOW (window));
  tz_gui_test_flush (50);
  g_assert_cmpuint (tz_backups_window_get_n_backups (window), ==, 0);
  g_assert_true (tz_backups_window_back_up_now (window));
  g_assert_cmpuint (tz_backups_window_get_n_backups (window), ==, 1);

  g_assert_true (tz_db_exec (db, "DELETE FROM person WHERE id = 2", &error));
  list = tz_backup_list (db, &error);
  g_assert_cmpuint (list->len, ==, 1);
  dialog = tz_backups_window_ask_restore (window, ((TzBackupInfo *) list->pdata[0])->path);
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "2"));
  adw_message_dialog_response (dialog, "restore");
  tz_gui_test_flush (50);
  g_assert_cmpint (tz_test_query_int (db, "SELECT count(*) FROM person"), ==, 2);
  /* The content before the restore is kept as a backup. */
  g_assert_cmpuint (tz_backups_window_get_n_backups (window), ==, 2);
  g_assert_cmpstr (tz_backup_kind_label ("before-restore"), !=, "before-restore");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* F1 finds the guide: here the source tree's, as when run from the build. */
static void
test_guide_uri (void)
{
  g_autofree char *uri = tz_window_guide_uri ();
  g_autofree char *path = NULL;

  g_assert_nonnull (uri);
  g_assert_true (g_str_has_suffix (uri, "/guide/index.html"));
  path = g_filename_from_uri (uri, NULL, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The window's data-safety actions: backups and the audit log open their
 * windows; removing personal data refuses a running campaign with the reason. */
static void
test_window_actions (void)
{
  g_autoptr (TzDb) db = open_with_people ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (tz_db_get_path (db));
  TzWindow *window;
  GList *toplevels;
  guint before;

  g_assert_true (tz_db_exec (db,
                             "INSERT INTO campaign (id, title, status) VALUES (1, '活动', "
                             "'active')",
                             &error));
  g_clear_object (&db);
  window = tz_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tz_window_open_database (window, path));
  /* The daily backup is made in the background once the window settles. */
  tz_gui_test_flush (2500);
  {
    g_autoptr (GPtrArray) backups = tz_backup_list (tz_window_get_database (window), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (backups->len, ==, 1);
    g_assert_cmpstr (((TzBackupInfo *) backups->pdata[0])->kind, ==, "daily");
  }
  toplevels = gtk_window_list_toplevels ();
  before = g_list_length (toplevels);
  g_list_free (toplevels);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.backups", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.audit-log", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.purge-personal", NULL));
  tz_gui_test_flush (100);
  toplevels = gtk_window_list_toplevels ();
  /* Backups, audit log, and the message that the campaign is not finished. */
  g_assert_cmpuint (g_list_length (toplevels), ==, before + 3);
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  gtk_window_destroy (GTK_WINDOW (window));
  tz_gui_test_flush (50);
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

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/data-safety/audit-window", test_audit_window);
  g_test_add_func ("/data-safety/backups-window", test_backups_window);
  g_test_add_func ("/data-safety/guide-uri", test_guide_uri);
  g_test_add_func ("/data-safety/window-actions", test_window_actions);
  return g_test_run ();
}
