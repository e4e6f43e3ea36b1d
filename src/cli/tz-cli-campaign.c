/* tz-cli-campaign.c — campaign import, list, export, show, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "tz-campaign-file.h"
#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-i18n.h"
#include "tz-purge.h"
#include "tz-unit.h"

int
tz_cli_campaign_import (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int code = TZ_CLI_OK;
  gint64 id;
  TzDb *db;

  if (!tz_cli_parse (argv[0], "FILE.json",
                     _ ("Imports a campaign file and prints the new campaign’s id."), NULL, &argc,
                     &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one campaign file"));
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  id = tz_campaign_import_file (db, argv[1], &error);
  if (id <= 0)
    return tz_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return TZ_CLI_OK;
}

int
tz_cli_campaign_list (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL, _ ("Lists campaigns, one per line: id<TAB>title."), NULL, &argc,
                     &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments"));
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  list = tz_campaign_list (db, &error);
  if (list == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      TzCampaign *c = list->pdata[i];
      g_print ("%" PRId64 "\t%s\n", c->id, c->title);
    }
  return TZ_CLI_OK;
}

int
tz_cli_campaign_export (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  g_autofree char *unit = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to FILE instead of stdout"),
      N_ ("FILE") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit,
      N_ ("Pass the campaign down from this unit: its own branch of units and their quotas only"),
      N_ ("NAME") },
    { NULL },
  };
  int code = TZ_CLI_OK;
  gint64 id, unit_id = 0;

  if (!tz_cli_parse (argv[0], "ID", _ ("Writes the campaign as a campaign file (JSON)."), entries,
                     &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one campaign id"));
  if (!tz_cli_campaign (cli, argv[1], &id))
    return TZ_CLI_FAILED;
  if (unit != NULL && !tz_unit_resolve (cli->db, id, unit, &unit_id, &error))
    return tz_cli_fail (error);
  if (output != NULL)
    {
      if (!tz_campaign_export_for_unit_file (cli->db, id, unit_id, output, &error))
        return tz_cli_fail (error);
      return TZ_CLI_OK;
    }
  json = tz_campaign_export_for_unit_data (cli->db, id, unit_id, &error);
  if (json == NULL)
    return tz_cli_fail (error);
  fputs (json, stdout);
  return fflush (stdout) == 0 ? TZ_CLI_OK : TZ_CLI_FAILED;
}

static void
print_field (const char *label, const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%s\t%s\n", label, value);
}

int
tz_cli_campaign_show (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzCampaign) c = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int code = TZ_CLI_OK;
  gint64 id;

  if (!tz_cli_parse (argv[0], "ID", _ ("Shows a campaign’s notice data."), NULL, &argc, &argv,
                     &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one campaign id"));
  if (!tz_cli_campaign (cli, argv[1], &id))
    return TZ_CLI_FAILED;
  c = tz_campaign_get (cli->db, id, &error);
  if (c == NULL)
    return tz_cli_fail (error);
  issued = tz_format_date (c->issue_date);
  start = tz_format_date (c->start_date);
  end = tz_format_date (c->end_date);
  print_field (_ ("Title"), c->title);
  print_field (_ ("Issued by"), c->issuer);
  print_field (_ ("Document number"), c->doc_number);
  print_field (_ ("Issue date"), issued);
  print_field (_ ("Starts"), start);
  print_field (_ ("Ends"), end);
  print_field (_ ("Identifier"), c->uuid);
  return TZ_CLI_OK;
}

int
tz_cli_campaign_delete (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_ ("Delete without asking (required)"), NULL },
    { NULL },
  };
  int code = TZ_CLI_OK;
  gint64 id;

  if (!tz_cli_parse (argv[0], "ID",
                     _ ("Deletes a campaign with its tracks, quotas, activities and entries."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one campaign id"));
  if (!yes)
    return tz_cli_usage (argv[0],
                         _ ("deleting a campaign cannot be undone here; add --yes to confirm"));
  if (!tz_cli_campaign (cli, argv[1], &id))
    return TZ_CLI_FAILED;
  if (!tz_campaign_delete (cli->db, id, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_campaign_purge (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  TzPurgeSummary summary;
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes,
      N_ ("Remove the data; without it, only say what would go"), NULL },
    { NULL },
  };
  int code = TZ_CLI_OK;
  gint64 id;

  if (!tz_cli_parse (argv[0], "ID",
                     _ ("Removes the ID numbers, phone numbers, e-mail addresses and photos of a "
                        "finished campaign’s people, keeping the results."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one campaign id"));
  if (!tz_cli_campaign (cli, argv[1], &id))
    return TZ_CLI_FAILED;
  if (!(yes ? tz_purge_personal_data (cli->db, id, &summary, &error)
            : tz_purge_preview (cli->db, id, &summary, &error)))
    return tz_cli_fail (error);
  text = tz_purge_describe (&summary);
  g_print ("%s\n", text);
  if (!yes)
    g_print (_ ("Nothing was removed yet: run again with --yes to remove it.\n"));
  return TZ_CLI_OK;
}
