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
  g_assert_cmpuint (g_strv_length (keys), ==, 9);

  assert_default (settings, "window-width", "1000");
  assert_default (settings, "window-height", "700");
  assert_default (settings, "window-maximized", "false");
  assert_default (settings, "last-campaign", "int64 0");
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
  g_test_add_func ("/app/command-line/version", test_command_line_version);
  g_test_add_func ("/app/command-line/help", test_command_line_help);

  return g_test_run ();
}
