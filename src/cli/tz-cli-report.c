/* tz-cli-report.c — reports: PDF and xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-report.h"

int
tz_cli_report_quota (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  gboolean progress = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text,
      N_ ("activity (offline activities, the default), nominee or work"), N_ ("KIND") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_ ("pdf or xlsx (default: from the output file’s extension)"), N_ ("FORMAT") },
    { "progress", 'p', 0, G_OPTION_ARG_NONE, &progress,
      N_ ("Add the held count and the completion rate"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The file to write"), N_ ("FILE") },
    { NULL },
  };
  TzReportOptions options = { 0 };
  TzQuotaKind kind = TZ_QUOTA_ACTIVITY;
  int code = TZ_CLI_OK;
  gint64 id;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes the quota table (任务分配表) of a campaign as PDF or xlsx: 序号, "
                        "单位, the number, and a 合计 row."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (output == NULL)
    return tz_cli_usage (argv[0], _ ("give the file to write with --output FILE"));
  if (format_text != NULL)
    {
      if (!tz_report_format_from_string (format_text, &options.format, &error))
        return tz_cli_fail (error);
    }
  else if (!tz_report_format_from_path (output, &options.format))
    return tz_cli_usage (
        argv[0], _ ("give --format pdf or xlsx, or an output file ending in .pdf or .xlsx"));
  if (kind_text != NULL && !tz_quota_kind_from_string (kind_text, &kind, &error))
    return tz_cli_fail (error);
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  options.progress = progress;
  if (!tz_report_quota (cli->db, id, kind, &options, output, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_report_person_form (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *output = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "entry", 'e', 0, G_OPTION_ARG_STRING, &entry, N_ ("Only this entry’s form"), N_ ("ID") },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_ ("Print full phone numbers (recorded in the audit log)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF file to write"), N_ ("FILE") },
    { NULL },
  };
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  gint64 id, track_id = 0, entry_id = 0;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes the personal recommendation forms (推荐表) of a track as one PDF, "
                        "one page per person, each opinion box signed and sealed by its unit. "
                        "Units that should seal but have no seal are listed on stderr."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (output == NULL || track == NULL)
    return tz_cli_usage (argv[0], _ ("give --campaign, --track and --output"));
  if (entry != NULL && !tz_cli_count ("--entry", entry, &entry_id))
    return TZ_CLI_USAGE;
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  options.unmasked = unmasked;
  if (!tz_report_person_forms (cli->db, id, track_id, entry_id, &options, output, &missing, &error))
    return tz_cli_fail (error);
  for (guint i = 0; i < missing->len; i++)
    g_printerr (_ ("taizhang-cli: %s has no seal; its opinion box was printed unsealed. Import "
                   "its seal on the Units page.\n"),
                (const char *) missing->pdata[i]);
  return TZ_CLI_OK;
}
