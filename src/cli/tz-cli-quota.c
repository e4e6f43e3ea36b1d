/* tz-cli-quota.c — quotas and offline activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tz-activity.h"
#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-quota.h"
#include "tz-unit.h"

int
tz_cli_quota_list (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *kind_text = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text,
      N_ ("activity (offline activities, the default), nominee or work"), N_ ("KIND") },
    { NULL },
  };
  TzQuotaKind kind = TZ_QUOTA_ACTIVITY;
  int code = TZ_CLI_OK;
  gint64 id;

  if (!tz_cli_parse (
          argv[0], NULL,
          _ ("Lists the quota of each unit: unit<TAB>target<TAB>held, where held counts "
             "the unit’s offline activities (or its recommended nominees or works), its "
             "sub-units’ included. For nominees and works a range min-max is shown and a "
             "fourth column names the track."),
          entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (kind_text != NULL && !tz_quota_kind_from_string (kind_text, &kind, &error))
    return tz_cli_fail (error);
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  rows = tz_quota_list (cli->db, id, kind, &error);
  if (rows == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TzQuotaRow *r = rows->pdata[i];
      g_autofree char *target = NULL;

      if (r->max_count >= 0 && r->max_count != r->min_count)
        target = g_strdup_printf ("%" PRId64 "-%" PRId64, r->min_count, r->max_count);
      else
        target = g_strdup_printf ("%" PRId64, r->min_count);
      if (r->track_name != NULL)
        g_print ("%s\t%s\t%" PRId64 "\t%s\n", r->unit_name, target, r->held, r->track_name);
      else
        g_print ("%s\t%s\t%" PRId64 "\n", r->unit_name, target, r->held);
    }
  return TZ_CLI_OK;
}

int
tz_cli_quota_set (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *track = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *max_text = NULL;
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit, by name"), N_ ("NAME") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text, N_ ("activity (default), nominee or work"),
      N_ ("KIND") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, for nominee and work quotas"),
      N_ ("NAME") },
    { "target", 'n', 0, G_OPTION_ARG_STRING, &target_text, N_ ("The target (the least number)"),
      N_ ("N") },
    { "max", 0, 0, G_OPTION_ARG_STRING, &max_text, N_ ("The largest number allowed"), N_ ("N") },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_ ("Remove the unit’s quota"), NULL },
    { NULL },
  };
  TzQuotaKind kind = TZ_QUOTA_ACTIVITY;
  gint64 id, unit_id = 0, track_id = 0, target = -1, max = -1;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL, _ ("Sets or removes a unit’s quota."), entries, &argc, &argv,
                     &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (unit == NULL)
    return tz_cli_usage (argv[0], _ ("give the unit with --unit NAME"));
  if (!remove && target_text == NULL)
    return tz_cli_usage (argv[0], _ ("give the target with --target N, or --remove"));
  if (kind_text != NULL && !tz_quota_kind_from_string (kind_text, &kind, &error))
    return tz_cli_fail (error);
  if (target_text != NULL && !tz_cli_count ("--target", target_text, &target))
    return TZ_CLI_USAGE;
  if (max_text != NULL && !tz_cli_count ("--max", max_text, &max))
    return TZ_CLI_USAGE;
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_unit_resolve (cli->db, id, unit, &unit_id, &error))
    return tz_cli_fail (error);
  if (track != NULL && !tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  if (!tz_quota_set (cli->db, id, kind, track_id, unit_id, remove ? -1 : target, max, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_activity_add (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzActivity) a = tz_activity_new ();
  g_autofree char *campaign = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *participants = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("The unit that held it, by name"),
      N_ ("NAME") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &a->held_on, N_ ("The date, YYYY-MM-DD"), N_ ("DATE") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &a->title, N_ ("What was held"), N_ ("TEXT") },
    { "place", 'p', 0, G_OPTION_ARG_STRING, &a->place, N_ ("Where"), N_ ("TEXT") },
    { "enterprise", 'e', 0, G_OPTION_ARG_STRING, &a->enterprise, N_ ("The enterprise visited"),
      N_ ("TEXT") },
    { "participants", 'n', 0, G_OPTION_ARG_STRING, &participants, N_ ("How many took part"),
      N_ ("N") },
    { "summary", 's', 0, G_OPTION_ARG_STRING, &a->summary, N_ ("A short account"), N_ ("TEXT") },
    { NULL },
  };
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL, _ ("Logs an offline activity and prints its id."), entries,
                     &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (unit == NULL || a->held_on == NULL || a->title == NULL)
    return tz_cli_usage (argv[0], _ ("give --campaign, --unit, --date and --title"));
  if (participants != NULL && !tz_cli_count ("--participants", participants, &a->participants))
    return TZ_CLI_USAGE;
  if (!tz_cli_campaign (cli, campaign, &a->campaign_id))
    return TZ_CLI_FAILED;
  if (!tz_unit_resolve (cli->db, a->campaign_id, unit, &a->unit_id, &error) ||
      !tz_activity_save (cli->db, a, &error))
    return tz_cli_fail (error);
  g_print ("%" PRId64 "\n", a->id);
  return TZ_CLI_OK;
}

int
tz_cli_activity_list (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *unit = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_ ("Only this unit’s activities"), N_ ("NAME") },
    { NULL },
  };
  gint64 id, unit_id = 0;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Lists activities: id<TAB>date<TAB>unit<TAB>title<TAB>participants."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (unit != NULL && !tz_unit_resolve (cli->db, id, unit, &unit_id, &error))
    return tz_cli_fail (error);
  list = tz_activity_list (cli->db, id, unit_id, &error);
  if (list == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      TzActivity *a = list->pdata[i];
      g_autofree char *n =
          a->participants >= 0 ? g_strdup_printf ("%" PRId64, a->participants) : g_strdup ("");
      g_print ("%" PRId64 "\t%s\t%s\t%s\t%s\n", a->id, a->held_on, a->unit_name, a->title, n);
    }
  return TZ_CLI_OK;
}

int
tz_cli_activity_delete (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int code = TZ_CLI_OK;
  gint64 id;
  TzDb *db;

  if (!tz_cli_parse (argv[0], "ID", _ ("Deletes an offline activity."), NULL, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give exactly one activity id"));
  if (!tz_cli_count ("ID", argv[1], &id))
    return TZ_CLI_USAGE;
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (!tz_activity_delete (db, id, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}
