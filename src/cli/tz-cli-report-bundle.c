/* tz-cli-report-bundle.c — report summary and report bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-report-bundle.h"

int
tz_cli_report_summary (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF file to write"), N_ ("FILE") },
    { NULL },
  };
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  int code = TZ_CLI_OK;
  gint64 id;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes the campaign summary (活动总结) as PDF: the notice, the figures as "
                        "of today, charts of completion per unit, entries per track and the "
                        "stages, and the table of units."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (output == NULL)
    return tz_cli_usage (argv[0], _ ("give the file to write with --output FILE"));
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_report_summary (cli->db, id, &options, output, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_report_bundle (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *output = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track,
      N_ ("The track, by name (default: every track with a personal form)"), N_ ("NAME") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("The submitting unit, for the cover"),
      N_ ("NAME") },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_ ("Print full phone numbers (recorded in the audit log)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF file to write"), N_ ("FILE") },
    { NULL },
  };
  TzReportOptions options = { .format = TZ_REPORT_PDF };
  gint64 id, track_id = 0;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes the submission bundle as one PDF: a cover, the contents, the "
                        "stamped personal forms and the PDFs and scans attached to the people "
                        "and entries, with bookmarks and page numbers."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (output == NULL)
    return tz_cli_usage (argv[0], _ ("give the file to write with --output FILE"));
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (track != NULL && !tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  options.unmasked = unmasked;
  if (!tz_report_bundle_with_seals (cli->db, id, track_id, unit, &options, output, &missing,
                                    &error))
    return tz_cli_fail (error);
  for (guint i = 0; i < missing->len; i++)
    g_printerr (_ ("taizhang-cli: %s has no seal; its opinion box was printed unsealed. Import "
                   "its seal on the Units page.\n"),
                (const char *) missing->pdata[i]);
  return TZ_CLI_OK;
}
