/* tz-cli-report-awards.c — report awards, report certificates, report score-sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-report-awards.h"

typedef gboolean (*AwardsFunc) (TzDb *db, gint64 campaign_id, gint64 track_id,
                                const TzReportOptions *options, const char *path, GError **error);

/* The three commands: --campaign, --track, --output and, with @with_format, --format. */
static int
run (TzCli *cli, int argc, char **argv, gboolean with_format, const char *summary, AwardsFunc func)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The file to write"), N_ ("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_ ("pdf or xlsx (default: from the output file’s extension)"), N_ ("FORMAT") },
    { NULL },
  };
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  gint64 id, track_id;
  int code = TZ_CLI_OK;

  if (!with_format)
    entries[3] = entries[4];
  if (!tz_cli_parse (argv[0], NULL, summary, entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (campaign == NULL || track == NULL || output == NULL)
    return tz_cli_usage (argv[0], _ ("give --campaign, --track and --output"));
  if (format_text != NULL)
    {
      if (!tz_report_format_from_string (format_text, &options.format, &error))
        return tz_cli_fail (error);
    }
  else if (with_format && !tz_report_format_from_path (output, &options.format))
    return tz_cli_usage (
        argv[0], _ ("give --format pdf or xlsx, or an output file ending in .pdf or .xlsx"));
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  if (!func (cli->db, id, track_id, &options, output, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_report_awards (TzCli *cli, int argc, char **argv)
{
  return run (cli, argc, argv, TRUE, _ ("Write a track’s award list (获奖名单) as PDF or xlsx"),
              tz_report_awards);
}

int
tz_cli_report_certificates (TzCli *cli, int argc, char **argv)
{
  return run (cli, argc, argv, FALSE, _ ("Write a track’s certificates (荣誉证书) as PDF"),
              tz_report_certificates);
}

int
tz_cli_report_score_sheets (TzCli *cli, int argc, char **argv)
{
  return run (cli, argc, argv, FALSE,
              _ ("Write a track’s score sheets for the judges (评委评分表) as PDF"),
              tz_report_score_sheets);
}
