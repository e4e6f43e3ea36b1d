/* tz-cli-package.c — package export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "tz-cli.h"
#include "tz-package.h"
#include "tz-unit.h"

int
tz_cli_package_export (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "campaign", 'c', 0, G_OPTION_ARG_STRING, &campaign, N_ ("The campaign"), N_ ("ID") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
      N_ ("The sending unit: its entries, people and activities, and those of the units under it"),
      N_ ("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The package file to write"),
      N_ ("FILE") },
    { NULL },
  };
  gint64 campaign_id = 0, unit_id = 0;
  guint n = 0;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], NULL,
                     _ ("Writes a unit’s people, entries, opinions, activities and files of a "
                        "campaign as one package file for the upper unit. The package holds full "
                        "ID and phone numbers; the export is recorded in the audit log."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return tz_cli_usage (argv[0], _ ("takes no arguments besides its options"));
  if (unit == NULL)
    return tz_cli_usage (argv[0], _ ("give the sending unit with --unit NAME"));
  if (output == NULL)
    return tz_cli_usage (argv[0], _ ("give the file to write with --output FILE"));
  if (!tz_cli_campaign (cli, campaign, &campaign_id))
    return TZ_CLI_FAILED;
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  if (!tz_unit_resolve (db, campaign_id, unit, &unit_id, &error))
    return tz_cli_fail (error);
  if (!tz_package_export (db, campaign_id, unit_id, output, &n, &error))
    return tz_cli_fail (error);
  g_printerr (
      g_dngettext (GETTEXT_PACKAGE, "%u record written to %s\n", "%u records written to %s\n", n),
      n, output);
  return TZ_CLI_OK;
}

static char *
shown (TzPackage *package, const TzPackageDiff *diff, gboolean theirs)
{
  char *text = tz_package_diff_text (package, diff, theirs, TRUE);

  return text != NULL ? text : g_strdup ("∅");
}

int
tz_cli_package_import (TzCli *cli, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TzPackage) package = NULL;
  gboolean dry_run = FALSE, theirs = FALSE, ours = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Only check the package and print what it would change"), NULL },
    { "accept-theirs", 0, 0, G_OPTION_ARG_NONE, &theirs,
      N_ ("Resolve every conflict by taking the package’s record"), NULL },
    { "keep-ours", 0, 0, G_OPTION_ARG_NONE, &ours,
      N_ ("Resolve every conflict by keeping the database’s record"), NULL },
    { NULL },
  };
  TzPackageSummary s;
  int code = TZ_CLI_OK;
  TzDb *db;

  if (!tz_cli_parse (argv[0], N_ ("FILE"),
                     _ ("Checks an entry package from a lower unit and imports it in one "
                        "transaction. Prints status<TAB>kind<TAB>name for each record (new, "
                        "changed, conflict, unchanged), then a summary. While there are conflicts "
                        "nothing is imported unless --accept-theirs or --keep-ours is given."),
                     entries, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return tz_cli_usage (argv[0], _ ("give one package file"));
  if (theirs && ours)
    return tz_cli_usage (argv[0], _ ("give --accept-theirs or --keep-ours, not both"));
  db = tz_cli_db (cli);
  if (db == NULL)
    return TZ_CLI_FAILED;
  package = tz_package_open (db, argv[1], &error);
  if (package == NULL)
    return tz_cli_fail (error);

  for (guint i = 0; i < tz_package_get_n_records (package); i++)
    {
      const TzPackageRecord *r = tz_package_get_record (package, i);
      g_print ("%s\t%s\t%s\n", tz_package_status_name (r->status), tz_package_kind_name (r->kind),
               r->name);
    }
  tz_package_get_summary (package, &s);
  g_print ("%u new, %u changed, %u conflict, %u unchanged\n", s.n_new, s.n_changed, s.n_conflict,
           s.n_unchanged);
  if (dry_run)
    return TZ_CLI_OK;

  if (s.n_conflict > 0 && !theirs && !ours)
    {
      for (guint i = 0; i < tz_package_get_n_records (package); i++)
        {
          const TzPackageRecord *r = tz_package_get_record (package, i);
          if (r->status != TZ_PACKAGE_STATUS_CONFLICT)
            continue;
          for (guint d = 0; d < r->diffs->len; d++)
            {
              const TzPackageDiff *diff = r->diffs->pdata[d];
              g_autofree char *a = shown (package, diff, FALSE);
              g_autofree char *b = shown (package, diff, TRUE);
              g_printerr ("conflict\t%s\t%s\t%s\t%s → %s\n", tz_package_kind_name (r->kind),
                          r->name, diff->field, a, b);
            }
        }
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "taizhang-cli: %u record is in conflict with this database; "
                               "nothing was imported. Give --accept-theirs or --keep-ours.\n",
                               "taizhang-cli: %u records are in conflict with this database; "
                               "nothing was imported. Give --accept-theirs or --keep-ours.\n",
                               s.n_conflict),
                  s.n_conflict);
      return TZ_CLI_FAILED;
    }
  if (theirs || ours)
    tz_package_set_all_conflicts (package,
                                  theirs ? TZ_PACKAGE_CHOICE_THEIRS : TZ_PACKAGE_CHOICE_OURS);
  if (!tz_package_apply (package, &s, &error))
    return tz_cli_fail (error);
  g_printerr (_ ("Imported: %u new, %u changed, %u conflicts kept as ours.\n"), s.n_new,
              s.n_changed, s.n_kept);
  return TZ_CLI_OK;
}
