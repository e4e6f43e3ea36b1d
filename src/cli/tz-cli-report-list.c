/* tz-cli-report-list.c — the list recommendation form and the entry catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-report-list.h"
#include "tz-unit.h"

/* --format, else the output file's extension. */
static gboolean
pick_format (const char *command, const char *format_text, const char *output,
             TzReportFormat *format, int *code)
{
  g_autoptr (GError) error = NULL;

  if (format_text != NULL)
    {
      if (!tz_report_format_from_string (format_text, format, &error))
        {
          *code = tz_cli_fail (error);
          return FALSE;
        }
    }
  else if (!tz_report_format_from_path (output, format))
    {
      *code = tz_cli_usage (
          command, _ ("give --format pdf or xlsx, or an output file ending in .pdf or .xlsx"));
      return FALSE;
    }
  return TRUE;
}

int
tz_cli_report_list_form (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *filler_title = NULL;
  g_autofree char *filler_phone = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit,
      N_ ("Only this recommending unit (default: one form per unit)"), N_ ("NAME") },
    { "filler", 0, 0, G_OPTION_ARG_STRING, &filler,
      N_ ("The name of who fills in the form (填表人姓名)"), N_ ("NAME") },
    { "filler-title", 0, 0, G_OPTION_ARG_STRING, &filler_title, N_ ("Their position (职务)"),
      N_ ("TEXT") },
    { "filler-phone", 0, 0, G_OPTION_ARG_STRING, &filler_phone, N_ ("Their phone (联系方式)"),
      N_ ("N") },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_ ("Print full phone numbers (recorded in the audit log)"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_ ("pdf or xlsx (default: from the output file’s extension)"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The file to write"), N_ ("FILE") },
    { NULL },
  };
  TzReportOptions options = { 0 };
  TzListFormOptions list = { 0 };
  gint64 id, track_id = 0;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes the list recommendation form (名单式推荐表) of a track as PDF or "
                        "xlsx, one form per recommending unit, sealed with the unit’s seal."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (output == NULL || track == NULL)
    return tz_cli_usage (argv[0], _ ("give --campaign, --track and --output"));
  if (!pick_format (argv[0], format_text, output, &options.format, &code))
    return code;
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  if (unit != NULL && !tz_unit_resolve (cli->db, id, unit, &list.unit_id, &error))
    return tz_cli_fail (error);
  list.filler_name = filler;
  list.filler_title = filler_title;
  list.filler_phone = filler_phone;
  options.unmasked = unmasked;
  if (!tz_report_list_form (cli->db, id, track_id, &list, &options, output, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_report_catalogue (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track,
      N_ ("Only this track, by name (default: the whole campaign)"), N_ ("NAME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_ ("pdf or xlsx (default: from the output file’s extension)"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The file to write"), N_ ("FILE") },
    { NULL },
  };
  TzReportOptions options = { 0 };
  gint64 id, track_id = 0;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes the catalogue of entries (作品目录) of a track or a campaign as "
                        "PDF or xlsx: unit, author, title, description, requirements, status."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (output == NULL)
    return tz_cli_usage (argv[0], _ ("give the file to write with --output FILE"));
  if (!pick_format (argv[0], format_text, output, &options.format, &code))
    return code;
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (track != NULL && !tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  if (!tz_report_catalogue (cli->db, id, track_id, &options, output, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}
