/* tz-cli-backup.c — backup and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "tz-backup.h"
#include "tz-cli.h"

int
tz_cli_backup (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *made = NULL;
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write the copy to FILE instead of the backups folder"), N_ ("FILE") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      N_ ("List the backups instead: time<TAB>kind<TAB>bytes<TAB>path, newest first"), NULL },
    { NULL },
  };
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Copies the database with SQLite’s online backup API, while it may be in "
                        "use, and prints where the copy is."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (list && output != NULL)
    return tz_cli_usage (argv[0], _ ("give either --list or --output"));
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (list)
    {
      g_autoptr (GPtrArray) backups = tz_backup_list (db, &error);

      if (backups == NULL)
        return tz_cli_fail (error);
      for (guint i = 0; i < backups->len; i++)
        {
          TzBackupInfo *b = backups->pdata[i];
          g_print ("%s\t%s\t%" PRId64 "\t%s\n", b->created_at, b->kind, b->size, b->path);
        }
      return TZ_CLI_OK;
    }
  if (output != NULL)
    {
      if (g_file_test (output, G_FILE_TEST_EXISTS))
        {
          g_printerr (_ ("taizhang-cli: “%s” exists already; choose a new file name.\n"), output);
          return TZ_CLI_FAILED;
        }
      if (!tz_backup_to_file (db, output, &error))
        return tz_cli_fail (error);
      g_print ("%s\n", output);
      return TZ_CLI_OK;
    }
  if (!tz_backup_create (db, "manual", &made, &error))
    return tz_cli_fail (error);
  if (made == NULL)
    g_print (_ ("The database is empty; there is nothing to back up.\n"));
  else
    g_print ("%s\n", made);
  return TZ_CLI_OK;
}

int
tz_cli_restore (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  g_auto (TzBackupSummary) summary = { 0 };
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], "FILE",
                     _ ("Replaces the database’s content with the backup FILE. The current content "
                        "is kept as a backup first, and its path is printed."),
                     NULL, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one backup file"));
  if (!tz_backup_describe (argv[1], &summary, &error))
    return tz_cli_fail (error);
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (!tz_backup_restore (db, argv[1], &kept, &error))
    return tz_cli_fail (error);
  g_print (_ ("Restored %s (saved %s): %" PRId64 " campaigns, %" PRId64 " people, %" PRId64
              " entries.\n"),
           argv[1], summary.modified, summary.campaigns, summary.people, summary.entries);
  if (kept != NULL)
    g_print (_ ("The previous content is kept in %s.\n"), kept);
  return TZ_CLI_OK;
}
