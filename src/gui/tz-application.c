/* tz-application.c — the application: command line, app actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `taizhang [--db FILE]` opens a window on a database: FILE, else the one named
 * by the default-database setting, else the core's default. A second
 * `taizhang` hands its command line to the running instance, which presents
 * the window already showing that database or opens a new one.
 */
#define G_LOG_DOMAIN "tz-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tz-application.h"
#include "tz-db.h"
#include "tz-settings.h"
#include "tz-window.h"

struct _TzApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (TzApplication, tz_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Open the database FILE instead of the default one"), N_ ("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and exit"), NULL },
  { NULL }
};

/* The database a window shows, as an absolute path, so that two spellings of one file match. */
static char *
resolve_database_path (const char *path)
{
  g_autoptr (GFile) file = NULL;

  if (path == NULL || *path == '\0')
    return tz_db_default_path ();
  file = g_file_new_for_path (path);
  return g_file_get_path (file);
}

/* The database to open when the command line names none. */
static char *
tz_application_dup_default_database (TzApplication *self)
{
  g_autofree char *setting = NULL;

  g_assert (TZ_IS_APPLICATION (self));

  if (self->settings != NULL)
    setting = g_settings_get_string (self->settings, "default-database");
  if (setting == NULL || *setting == '\0')
    return NULL;
  /* The setting may start with ~ like a path typed in a shell. */
  if (g_str_has_prefix (setting, "~/"))
    return g_build_filename (g_get_home_dir (), setting + 2, NULL);
  return g_steal_pointer (&setting);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  TzApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autoptr (GList) copy = g_list_copy (windows);

  /* Closing, not destroying: each window saves its size on close-request. */
  for (GList *l = copy; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  TzApplication *self = user_data;
  const char *developers[] = { _ ("The Taizhang authors"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (
      ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", TRUE, "application-icon", APP_ID,
      "application-name", _ ("Taizhang"), "version", PACKAGE_VERSION, "developer-name",
      _ ("The Taizhang authors"), "developers", developers, "comments",
      _ ("Keep the records of themed campaigns: tracks, quotas, "
         "nominees, entries and awards."),
      "license-type", GTK_LICENSE_GPL_3_0, "copyright", _ ("© The Taizhang authors"),
      /* TRANSLATORS: your name, to be shown in the About window */
      "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static int
tz_application_handle_local_options (GApplication *application, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("taizhang %s\n", PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (tz_application_parent_class)
      ->handle_local_options (application, options);
}

static int
tz_application_command_line (GApplication *application, GApplicationCommandLine *command_line)
{
  TzApplication *self = TZ_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *db_arg = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_arg) && *db_arg != '\0')
    {
      /* Relative to the directory of the `taizhang` that was run, which may be another process. */
      g_autoptr (GFile) file =
          g_application_command_line_create_file_for_arg (command_line, db_arg);

      path = g_file_get_path (file);
    }
  else
    path = tz_application_dup_default_database (self);

  tz_application_open_database (self, path);
  return 0;
}

static void
tz_application_activate (GApplication *application)
{
  TzApplication *self = TZ_APPLICATION (application);
  g_autofree char *path = tz_application_dup_default_database (self);

  tz_application_open_database (self, path);
}

static void
tz_application_startup (GApplication *application)
{
  TzApplication *self = TZ_APPLICATION (application);
  /* The menus show these; the window's own key bindings answer them too. The
   * shortcuts window (Ctrl+?) is GtkApplication's, from gtk/help-overlay.ui. */
  static const struct
  {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Ctrl>q", NULL } },   { "win.new-campaign", { "<Ctrl>n", NULL } },
    { "win.import", { "<Ctrl>o", NULL } }, { "win.preferences", { "<Ctrl>comma", NULL } },
    { "win.help", { "F1", NULL } },
  };

  G_APPLICATION_CLASS (tz_application_parent_class)->startup (application);

  self->settings = tz_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
tz_application_dispose (GObject *object)
{
  TzApplication *self = TZ_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tz_application_parent_class)->dispose (object);
}

static void
tz_application_class_init (TzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tz_application_dispose;

  app_class->handle_local_options = tz_application_handle_local_options;
  app_class->command_line = tz_application_command_line;
  app_class->activate = tz_application_activate;
  app_class->startup = tz_application_startup;
}

static void
tz_application_init (TzApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _ ("Keep the records of themed campaigns."));
}

TzApplication *
tz_application_new (void)
{
  return g_object_new (TZ_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_COMMAND_LINE, "resource-base-path",
                       "/org/taizhang/Taizhang", NULL);
}

/**
 * tz_application_open_database:
 * @path: (nullable): the database file; %NULL for the default one
 *
 * Presents the window showing @path, or opens a new one on it. A database
 * that cannot be opened gets a window with the core's message in a dialog.
 */
void
tz_application_open_database (TzApplication *self, const char *path)
{
  g_autofree char *wanted = resolve_database_path (path);
  TzWindow *window;

  g_return_if_fail (TZ_IS_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      TzDb *db;
      g_autofree char *shown = NULL;

      if (!TZ_IS_WINDOW (l->data))
        continue;
      db = tz_window_get_database (l->data);
      if (db == NULL)
        continue;
      shown = resolve_database_path (tz_db_get_path (db));
      if (g_strcmp0 (shown, wanted) == 0)
        {
          gtk_window_present (GTK_WINDOW (l->data));
          return;
        }
    }

  window = tz_window_new (GTK_APPLICATION (self));
  /* Shown first, so that a refusal's dialog has a window to stand on. */
  gtk_window_present (GTK_WINDOW (window));
  tz_window_open_database (window, path);
}
