/* tz-cli-exchange.c — template and import table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-table-import.h"
#include "tz-template.h"

/* --campaign and --track; both may be 0 when @optional (the file says). */
static gboolean
resolve (TzCli *cli, const char *command, const char *campaign, const char *track,
         gboolean optional, gint64 *campaign_id, gint64 *track_id, int *code)
{
  g_autoptr (GError) error = NULL;

  *campaign_id = *track_id = 0;
  if (tz_cli_db (cli) == NULL)
    {
      *code = TZ_CLI_FAILED;
      return FALSE;
    }
  if (campaign == NULL && optional && track == NULL)
    return TRUE;
  if (track == NULL && !optional)
    {
      *code = tz_cli_usage (command, _ ("give the track with --track NAME"));
      return FALSE;
    }
  if (!tz_cli_campaign (cli, campaign, campaign_id))
    {
      *code = TZ_CLI_FAILED;
      return FALSE;
    }
  if (track != NULL && !tz_track_resolve (cli->db, *campaign_id, track, track_id, &error))
    {
      *code = tz_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

int
tz_cli_template (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The xlsx file to write"),
      N_ ("FILE") },
    { NULL },
  };
  gint64 campaign_id, track_id;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes the blank table (xlsx) a lower unit fills in for a track: the "
                        "columns, drop-down lists, the instructions and a hidden sheet naming "
                        "the campaign and track."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return tz_cli_usage (argv[0], _ ("give the file with --output FILE.xlsx"));
  if (!resolve (cli, argv[0], campaign, track, FALSE, &campaign_id, &track_id, &code))
    return code;
  if (!tz_template_write (cli->db, track_id, output, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_import_table (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (TzImportResult) result = { 0 };
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign,
      N_ ("The campaign (id); read from the template when left out"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track,
      N_ ("The track, by name; read from the template when left out"), N_ ("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_ ("Only check the file; store nothing"),
      NULL },
    { NULL },
  };
  TzTableImportCounts counts = { 0 };
  gint64 campaign_id, track_id;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], "FILE",
                     _ ("Imports a filled table of a track (xlsx or csv): people and entries, "
                        "matched by ID number and entry. With any bad row nothing is stored and "
                        "each problem is printed as row<TAB>column<TAB>message."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give one file"));
  if (!resolve (cli, argv[0], campaign, track, TRUE, &campaign_id, &track_id, &code))
    return code;
  if (!tz_table_import_run (cli->db, campaign_id, track_id, argv[1], dry_run, &result, &counts,
                            &error))
    {
      if (result.problems != NULL)
        {
          g_autofree char *problems = tz_import_result_format_problems (&result);

          g_printerr ("%s", problems);
        }
      return tz_cli_fail (error);
    }
  if (dry_run)
    g_print (_ ("%u rows checked: %u to add, %u to change, %u unchanged; nothing stored\n"),
             result.rows, counts.added, counts.changed, counts.unchanged);
  else
    g_print (_ ("%u rows read: %u added, %u changed, %u unchanged\n"), result.rows, counts.added,
             counts.changed, counts.unchanged);
  return TZ_CLI_OK;
}
