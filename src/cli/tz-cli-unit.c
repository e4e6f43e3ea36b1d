/* tz-cli-unit.c — the unit tree and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tz-audit.h"
#include "tz-cli.h"
#include "tz-unit.h"

int
tz_cli_unit_add (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *role = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("The unit’s full name"), N_ ("NAME") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent, N_ ("The unit it belongs to, by name"),
      N_ ("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_ ("federation, industry_union, government, office, department, institution, school, "
          "enterprise, media or other (default)"),
      N_ ("KIND") },
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("Also add it to this campaign"),
      N_ ("ID") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_ ("Its role there: participant (default), issuer, organizer, forwarder or context"),
      N_ ("ROLE") },
    { NULL },
  };
  gint64 campaign_id = 0, parent_id = 0, id = 0;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Adds a unit (or finds the one of that name under the same "
                        "parent) and prints its id."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (name == NULL)
    return tz_cli_usage (argv[0], _ ("give the name with --name"));
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (campaign != NULL && !tz_cli_campaign (cli, campaign, &campaign_id))
    return TZ_CLI_FAILED;
  if (parent != NULL && !tz_unit_resolve (db, campaign_id, parent, &parent_id, &error))
    return tz_cli_fail (error);
  if (!tz_unit_add (db, parent_id, name, kind, campaign_id, role, &id, &error))
    return tz_cli_fail (error);
  g_print ("%" PRId64 "\n", id);
  return TZ_CLI_OK;
}

int
tz_cli_unit_list (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *campaign = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("Only the units of this campaign"),
      N_ ("ID") },
    { NULL },
  };
  gint64 campaign_id = 0;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (
          argv[0], NULL,
          _ ("Lists units in tree order: id<TAB>name (indented by depth)<TAB>kind<TAB>role."),
          entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (campaign != NULL && !tz_cli_campaign (cli, campaign, &campaign_id))
    return TZ_CLI_FAILED;
  list = tz_unit_list (db, campaign_id, &error);
  if (list == NULL)
    return tz_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      TzUnit *u = list->pdata[i];
      g_autofree char *indent = g_strnfill (u->depth * 2, ' ');
      g_print ("%" PRId64 "\t%s%s\t%s\t%s\n", u->id, indent, u->name, u->kind,
               u->role != NULL ? u->role : "");
    }
  return TZ_CLI_OK;
}

int
tz_cli_audit (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *table = NULL;
  g_autofree char *row = NULL;
  g_autofree char *person = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *limit_text = NULL;
  gboolean unmasked = FALSE;
  GOptionEntry entries[] = {
    { "table", 't', 0, G_OPTION_ARG_STRING, &table,
      N_ ("Only changes to this table (person, activity, …)"), N_ ("TABLE") },
    { "row", 'r', 0, G_OPTION_ARG_STRING, &row, N_ ("Only changes to this row id"), N_ ("ID") },
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person,
      N_ ("Only changes to this person (id) and to the entries and files that name them"),
      N_ ("ID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_ ("Only changes on or after this date"),
      N_ ("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_ ("Only changes on or before this date"),
      N_ ("DATE") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text, N_ ("At most N changes (default 100)"),
      N_ ("N") },
    { "unmasked", 0, 0, G_OPTION_ARG_NONE, &unmasked,
      N_ ("Show ID and phone numbers in full (recorded in the audit log)"), NULL },
    { NULL },
  };
  TzAuditFilter filter = { 0 };
  gint64 row_id = 0, person_id = 0, limit = 100;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Shows the audit log, newest first: "
                        "time<TAB>who<TAB>action<TAB>table<TAB>row<TAB>what changed "
                        "(field: old → new; …), ID and phone numbers masked."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (row != NULL && !tz_cli_count ("--row", row, &row_id))
    return TZ_CLI_USAGE;
  if (person != NULL && !tz_cli_count ("--person", person, &person_id))
    return TZ_CLI_USAGE;
  if (limit_text != NULL && !tz_cli_count ("--limit", limit_text, &limit))
    return TZ_CLI_USAGE;
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  filter.table = table;
  filter.row_id = row_id;
  filter.person_id = person_id;
  filter.since = since;
  filter.until = until;
  filter.limit = (guint) limit;
  list = tz_audit_query (db, &filter, &error);
  if (list == NULL)
    return tz_cli_fail (error);
  if (unmasked && list->len > 0 &&
      !tz_audit_record (db, "audit_log", 0, "export", "{\"unmasked\": true, \"what\": \"audit\"}",
                        &error))
    return tz_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      TzAuditEntry *e = list->pdata[i];
      g_autofree char *what = tz_audit_describe (e, unmasked);

      g_print ("%s\t%s\t%s\t%s\t%" PRId64 "\t%s\n", e->at, e->actor, e->action, e->table, e->row_id,
               what);
    }
  return TZ_CLI_OK;
}
