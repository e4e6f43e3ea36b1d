/* tz-cli-awards.c — awards given by hand and the list of a track's awards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tz-awards.h"
#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-unit.h"

/* Parses the common options; @tier and @entry NULL for award list. */
/* Who receives an award: an entry (its work, or its instructor), a unit or a
 * person; exactly one is not 0. */
typedef struct
{
  gint64 entry_id;
  gint64 unit_id;
  gint64 person_id;
} Recipient;

static int
award_args (TzCli *cli, int *argc, char ***argv, const char *summary, gboolean with_tier,
            gint64 *track_id, gint64 *tier_id, Recipient *to)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *track = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *person = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign (id)"), N_ ("ID") },
    { "track", 't', 0, G_OPTION_ARG_STRING, &track, N_ ("The track, by name"), N_ ("NAME") },
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier, N_ ("The award, by name"), N_ ("NAME") },
    { "entry", 0, 0, G_OPTION_ARG_STRING, &entry,
      N_ ("The entry (id); for an instructor award, the entry whose instructor it honours"),
      N_ ("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_ ("Instead of --entry: the unit, by name (an award for organisations)"), N_ ("NAME") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person,
      N_ ("Instead of --entry: the person (id) (an award for people)"), N_ ("ID") },
    { NULL },
  };
  gint64 id;
  int code = TZ_CLI_OK;
  const char *command = (*argv)[0];

  if (!with_tier)
    entries[2] = entries[6];
  if (!tz_cli_parse (command, NULL, summary, entries, argc, argv, &code))
    return code;
  if (*argc != 1)
    return tz_cli_usage (command, _ ("takes no arguments besides its options"));
  if (track == NULL)
    return tz_cli_usage (command, _ ("give the track with --track NAME"));
  if (with_tier && (tier == NULL || (entry != NULL) + (unit != NULL) + (person != NULL) != 1))
    return tz_cli_usage (command, _ ("give the award with --tier NAME and one recipient: "
                                     "--entry ID, --unit NAME or --person ID"));
  if (entry != NULL && !tz_cli_count ("--entry", entry, &to->entry_id))
    return TZ_CLI_USAGE;
  if (person != NULL && !tz_cli_count ("--person", person, &to->person_id))
    return TZ_CLI_USAGE;
  if (!tz_cli_campaign (cli, campaign, &id))
    return TZ_CLI_FAILED;
  if (!tz_track_resolve (cli->db, id, track, track_id, &error))
    return tz_cli_fail (error);
  if (with_tier && !tz_award_tier_resolve (cli->db, *track_id, tier, tier_id, &error))
    return tz_cli_fail (error);
  if (unit != NULL && !tz_unit_resolve (cli->db, id, unit, &to->unit_id, &error))
    return tz_cli_fail (error);
  return -1;
}

int
tz_cli_award_assign (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  gint64 track_id = 0, tier_id = 0, award_id;
  Recipient to = { 0 };
  int code = award_args (cli, &argc, &argv,
                         _ ("Gives an entry, a unit or a person an award by hand; prints its id."),
                         TRUE, &track_id, &tier_id, &to);

  if (code >= 0)
    return code;
  if (to.entry_id > 0)
    award_id = tz_award_assign (cli->db, tier_id, to.entry_id, &error);
  else
    award_id = tz_award_assign_recipient (cli->db, tier_id, to.unit_id, to.person_id, &error);
  if (award_id == 0)
    return tz_cli_fail (error);
  g_print ("%" PRId64 "\n", award_id);
  return TZ_CLI_OK;
}

int
tz_cli_award_remove (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  gint64 track_id = 0, tier_id = 0;
  Recipient to = { 0 };
  int code = award_args (cli, &argc, &argv, _ ("Removes an award given by hand."), TRUE, &track_id,
                         &tier_id, &to);

  if (code >= 0)
    return code;
  if (to.entry_id > 0
          ? !tz_award_remove (cli->db, 0, tier_id, to.entry_id, &error)
          : !tz_award_remove_recipient (cli->db, tier_id, to.unit_id, to.person_id, &error))
    return tz_cli_fail (error);
  return TZ_CLI_OK;
}

int
tz_cli_award_list (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 track_id = 0, tier_id = 0;
  Recipient to = { 0 };
  int code = award_args (cli, &argc, &argv,
                         _ ("Lists a track’s saved awards: award<TAB>entry id<TAB>entry "
                            "title<TAB>manual (1 or 0)<TAB>locked (1 or 0)<TAB>the unit, person "
                            "or instructor awarded (empty for a work)."),
                         FALSE, &track_id, &tier_id, &to);

  if (code >= 0)
    return code;
  rows = tz_award_list (cli->db, track_id, &error);
  if (rows == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TzAwardRow *r = rows->pdata[i];

      g_print ("%s\t%" PRId64 "\t%s\t%d\t%d\t%s\n", r->tier, r->entry_id, r->title,
               r->manual ? 1 : 0, r->locked ? 1 : 0, r->recipient != NULL ? r->recipient : "");
    }
  return TZ_CLI_OK;
}
