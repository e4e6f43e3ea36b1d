/* tz-cli-judging.c — importing expert scores and online metric snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-scores.h"

typedef gboolean (*ImportFunc) (TzDb *db, gint64 track_id, const char *path, gboolean dry_run,
                                TzImportResult *result, GError **error);

static int
run_import (TzCli *cli, int argc, char **argv, const char *summary, ImportFunc import)
{
  g_autoptr (GError) error = NULL;
  g_auto (TzImportResult) result = { 0 };
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_ ("Only check the file; store nothing"),
      NULL },
    { NULL },
  };
  gint64 id, track_id;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], "FILE", summary, entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give one file"));
  if (track == NULL)
    return tz_cli_usage (argv[0], _ ("give the track with --track NAME"));
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  if (!import (cli->db, track_id, argv[1], dry_run, &result, &error))
    {
      g_autofree char *problems = tz_import_result_format_problems (&result);

      g_printerr ("%s", problems);
      return tz_cli_fail (error);
    }
  g_print (_ ("%u rows read, %u stored rows added or changed\n"), result.rows, result.changed);
  return TZ_CLI_OK;
}

int
tz_cli_scores_import (TzCli *cli, int argc, char **argv)
{
  return run_import (cli, argc, argv,
                     _ ("Imports expert scores: columns 评委, 作品, 评分项, 分数, 备注 (回避 or "
                        "弃权). With any bad row nothing is stored and each problem is printed as "
                        "row<TAB>column<TAB>message."),
                     tz_scores_import);
}

int
tz_cli_metrics_import (TzCli *cli, int argc, char **argv)
{
  return run_import (cli, argc, argv,
                     _ ("Imports online metric snapshots: columns 作品, 指标, 数值, 日期. With any "
                        "bad row nothing is stored and each problem is printed as "
                        "row<TAB>column<TAB>message."),
                     tz_metrics_import);
}
