/* tz-settings.c — the application's GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-settings"

#include "config.h"

#include "tz-settings.h"

/**
 * tz_settings_new:
 *
 * The settings of org.taizhang.Taizhang, or %NULL when the schema is not
 * installed (an uninstalled build run without `meson devenv`): the
 * application then works without remembering anything, rather than abort
 * as g_settings_new() would.
 */
GSettings *
tz_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      static gsize warned = 0;

      if (g_once_init_enter (&warned))
        {
          g_message ("The settings schema %s is not installed; settings will not be kept. "
                     "Run an uninstalled build with “meson devenv”.",
                     APP_ID);
          g_once_init_leave (&warned, 1);
        }
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}
