/* tz-cli-imports.c — import history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "tz-cli.h"
#include "tz-import-log.h"

int
tz_cli_import_history (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *limit_text = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign,
      N_ ("Only imports into this campaign (id, uuid or title)"), N_ ("CAMPAIGN") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text, N_ ("At most N imports (default 100)"),
      N_ ("N") },
    { NULL },
  };
  gint64 campaign_id = 0, limit = 100;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Lists the imports, newest first: time<TAB>who<TAB>kind<TAB>file<TAB>"
                        "rows read<TAB>added<TAB>changed<TAB>unchanged<TAB>dropped."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (limit_text != NULL && !tz_cli_count ("--limit", limit_text, &limit))
    return TZ_CLI_USAGE;
  if (campaign != NULL && !tz_cli_campaign (cli, campaign, &campaign_id))
    return TZ_CLI_FAILED;
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  list = tz_import_log_list (db, campaign_id, (guint) limit, &error);
  if (list == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      TzImportLogEntry *e = list->pdata[i];
      g_print ("%s\t%s\t%s\t%s\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\n",
               e->at, e->actor, e->kind, e->file_name, e->rows_read, e->rows_added, e->rows_changed,
               e->rows_unchanged, e->rows_dropped);
    }
  return TZ_CLI_OK;
}
