/* tz-cli-rank.c — the ranking of a track and its awards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-ranking.h"

int
tz_cli_rank (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  gboolean recompute = FALSE;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "recompute", 0, 0, G_OPTION_ARG_NONE, &recompute,
      N_ ("Save the allocation of awards (unless it is locked)"), NULL },
    { NULL },
  };
  gint64 id, track_id;
  int code = TZ_CLI_OK;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Ranks a track’s entries within each division: rank<TAB>entry "
                        "title<TAB>entrant<TAB>division<TAB>composite<TAB>award. Tied entries "
                        "share a rank; entries that do not count have rank “-”."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (track == NULL)
    return tz_cli_usage (argv[0], _ ("give the track with --track NAME"));
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_track_resolve (cli->db, id, track, &track_id, &error))
    return tz_cli_fail (error);
  rows = tz_ranking_compute (cli->db, track_id, recompute, &error);
  if (rows == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TzRankRow *r = rows->pdata[i];
      g_autofree char *rank = r->counted ? g_strdup_printf ("%" PRId64, r->rank) : g_strdup ("-");

      g_print ("%s\t%s\t%s\t%s\t%.2f\t%s\n", rank, r->title, r->entrant,
               r->division != NULL ? r->division : "", r->composite,
               r->award != NULL ? r->award : "");
    }
  return TZ_CLI_OK;
}
