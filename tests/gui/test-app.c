/* test-app.c — the settings schema and the taizhang command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs no display: GSettings reads the schema compiled in the build tree
 * (GSETTINGS_SCHEMA_DIR), and the executable is only asked for --version and --help.
 */
#define G_LOG_DOMAIN "test-app"

#include "config.h"

#include <gio/gio.h>

#include "tz-settings.h"

static void
assert_default (GSettings *settings, const char *key, const char *expected)
{
  g_autoptr (GVariant) value = g_settings_get_default_value (settings, key);
  g_autofree char *text = NULL;

  g_assert_nonnull (value);
  text = g_variant_print (value, TRUE);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_settings_defaults (void)
{
  g_autoptr (GSettings) settings = tz_settings_new ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), ==, 10);

  assert_default (settings, "window-width", "1000");
  assert_default (settings, "window-height", "700");
  assert_default (settings, "window-maximized", "false");
  assert_default (settings, "last-campaign", "int64 0");
  assert_default (settings, "last-page", "'overview'");
  assert_default (settings, "default-database", "''");
  assert_default (settings, "mask-personal-data", "true");
  assert_default (settings, "font-title", "''");
  assert_default (settings, "font-body", "''");
  assert_default (settings, "font-heading", "''");

  /* Personal data is masked unless the user turns it off. */
  g_assert_true (g_settings_get_boolean (settings, "mask-personal-data"));
}

static void
test_settings_schema_path (void)
{
  g_autoptr (GSettings) settings = tz_settings_new ();
  g_autofree char *path = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "path", &path, NULL);
  g_assert_cmpstr (path, ==, "/org/taizhang/Taizhang/");
  g_assert_true (g_settings_is_writable (settings, "default-database"));
}

/* The page names the window knows; anything else is refused by the schema. */
static void
test_settings_last_page (void)
{
  g_autoptr (GSettings) settings = tz_settings_new ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaKey) key = NULL;
  g_autoptr (GVariant) bad = g_variant_ref_sink (g_variant_new_string ("settings"));
  const char *pages[] = { "overview", "quotas", "activities", "people",
                          "entries",  "units",  "reports",    "judging" };

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "last-page");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GVariant) value = g_variant_ref_sink (g_variant_new_string (pages[i]));

      g_assert_true (g_settings_schema_key_range_check (key, value));
    }
  g_assert_false (g_settings_schema_key_range_check (key, bad));
}

/* The desktop file starts taizhang with the application's icon; the icon and
 * the metainfo are where the installation puts them from. */
static void
test_desktop_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GKeyFile) desktop = g_key_file_new ();
  g_autofree char *desktop_path = NULL;
  g_autofree char *metainfo_path = NULL;
  g_autofree char *metainfo = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *symbolic = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *icon_name = NULL;
  g_auto (GStrv) categories = NULL;
  const char *build = g_getenv ("TZ_BUILD_DIR");
  const char *source = g_getenv ("TZ_SOURCE_DIR");

  g_assert_nonnull (build);
  g_assert_nonnull (source);
  desktop_path = g_build_filename (build, "data", APP_ID ".desktop", NULL);
  g_assert_true (g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (desktop, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exec, "taizhang"));
  icon_name = g_key_file_get_string (desktop, "Desktop Entry", "Icon", &error);
  g_assert_cmpstr (icon_name, ==, APP_ID);
  categories = g_key_file_get_string_list (desktop, "Desktop Entry", "Categories", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) categories, "Office"));

  icon = g_build_filename (source, "data", "icons", "hicolor", "scalable", "apps", APP_ID ".svg",
                           NULL);
  symbolic = g_build_filename (source, "data", "icons", "hicolor", "symbolic", "apps",
                               APP_ID "-symbolic.svg", NULL);
  g_assert_true (g_file_test (icon, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (symbolic, G_FILE_TEST_IS_REGULAR));

  metainfo_path = g_build_filename (build, "data", APP_ID ".metainfo.xml", NULL);
  g_assert_true (g_file_get_contents (metainfo_path, &metainfo, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (metainfo, "<id>" APP_ID "</id>"));
  g_assert_nonnull (strstr (metainfo, "<launchable type=\"desktop-id\">" APP_ID ".desktop"));
}

static char *
run_gui (const char *argument, int *status)
{
  g_autoptr (GError) error = NULL;
  const char *gui = g_getenv ("TZ_GUI");
  const char *argv[] = { gui, argument, NULL };
  char *out = NULL;

  g_assert_nonnull (gui);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                status, &error);
  g_assert_no_error (error);
  return out;
}

static void
test_command_line_version (void)
{
  g_autofree char *expected = g_strdup_printf ("taizhang %s\n", PACKAGE_VERSION);
  g_autofree char *out = NULL;
  int status = -1;

  out = run_gui ("--version", &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_command_line_help (void)
{
  g_autofree char *out = NULL;
  int status = -1;

  out = run_gui ("--help", &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "--db=FILE"));
  g_assert_nonnull (strstr (out, "--version"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/settings/defaults", test_settings_defaults);
  g_test_add_func ("/app/settings/path", test_settings_schema_path);
  g_test_add_func ("/app/settings/last-page", test_settings_last_page);
  g_test_add_func ("/app/desktop-file", test_desktop_file);
  g_test_add_func ("/app/command-line/version", test_command_line_version);
  g_test_add_func ("/app/command-line/help", test_command_line_help);

  return g_test_run ();
}
