/* tz-cli.c — taizhang-cli: global options, command table, shared helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * taizhang-cli [--db PATH] COMMAND [SUBCOMMAND] [OPTIONS…]
 * Exit status: 0 done, 1 the command failed (message on stderr), 2 bad usage.
 * The output formats of the commands listed in README.md are stable: scripts
 * read them. Everything is done through the core library, as the GUI does.
 */
#define G_LOG_DOMAIN "tz-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tz-backup.h"
#include "tz-campaign.h"
#include "tz-cli.h"
#include "tz-i18n.h"

static const TzCliCommand commands[] = {
  { "campaign", "import", tz_cli_campaign_import,
    N_ ("Import a campaign file; prints the new campaign’s id") },
  { "campaign", "list", tz_cli_campaign_list, N_ ("List campaigns: id and title") },
  { "campaign", "export", tz_cli_campaign_export,
    N_ ("Write a campaign file (JSON) to stdout or a file") },
  { "campaign", "show", tz_cli_campaign_show, N_ ("Show a campaign’s notice data") },
  { "campaign", "delete", tz_cli_campaign_delete, N_ ("Delete a campaign and everything in it") },
  { "campaign", "purge-personal", tz_cli_campaign_purge,
    N_ ("Remove the personal data of a finished campaign’s people") },
  { "quota", "list", tz_cli_quota_list,
    N_ ("List a campaign’s quota per unit: unit, target, held") },
  { "quota", "set", tz_cli_quota_set, N_ ("Set a unit’s quota") },
  { "activity", "add", tz_cli_activity_add, N_ ("Log an offline activity held by a unit") },
  { "activity", "list", tz_cli_activity_list, N_ ("List a campaign’s offline activities") },
  { "activity", "delete", tz_cli_activity_delete, N_ ("Delete an offline activity") },
  { "person", "add", tz_cli_person_add, N_ ("Add a person; prints the new id") },
  { "person", "list", tz_cli_person_list, N_ ("List or search people (ID and phone masked)") },
  { "person", "show", tz_cli_person_show, N_ ("Show one person") },
  { "person", "delete", tz_cli_person_delete, N_ ("Delete a person") },
  { "entry", "add", tz_cli_entry_add, N_ ("Add an entry (a work or a nomination) to a track") },
  { "entry", "list", tz_cli_entry_list, N_ ("List or search a campaign’s entries") },
  { "unit", "add", tz_cli_unit_add, N_ ("Add a unit to the tree, optionally to a campaign") },
  { "unit", "list", tz_cli_unit_list, N_ ("List units as a tree") },
  { "report", "quota", tz_cli_report_quota,
    N_ ("Write the quota table (任务分配表) as PDF or xlsx") },
  { "report", "person-form", tz_cli_report_person_form,
    N_ ("Write the personal recommendation forms (推荐表) of a track as PDF") },
  { "report", "list-form", tz_cli_report_list_form,
    N_ ("Write the list recommendation form (名单式推荐表) as PDF or xlsx") },
  { "report", "catalogue", tz_cli_report_catalogue,
    N_ ("Write the entry catalogue (作品目录) as xlsx or PDF") },
  { "report", "summary", tz_cli_report_summary,
    N_ ("Write the campaign summary (活动总结) with charts as PDF") },
  { "report", "bundle", tz_cli_report_bundle,
    N_ ("Write the submission bundle: cover, catalogue, stamped forms and attachments in one "
        "PDF") },
  { "report", "awards", tz_cli_report_awards,
    N_ ("Write a track’s award list (获奖名单) as PDF or xlsx") },
  { "report", "certificates", tz_cli_report_certificates,
    N_ ("Write a track’s certificates (荣誉证书) as PDF") },
  { "report", "score-sheets", tz_cli_report_score_sheets,
    N_ ("Write a track’s score sheets for the judges (评委评分表) as PDF") },
  { "scores", "import", tz_cli_scores_import,
    N_ ("Import expert scores of a track (xlsx or csv)") },
  { "metrics", "import", tz_cli_metrics_import,
    N_ ("Import online metric snapshots of a track (xlsx or csv)") },
  { NULL, "rank", tz_cli_rank, N_ ("Rank a track’s entries and show their awards") },
  { "award", "assign", tz_cli_award_assign, N_ ("Give an entry an award by hand") },
  { "award", "remove", tz_cli_award_remove, N_ ("Remove an award given by hand") },
  { "award", "list", tz_cli_award_list, N_ ("List the awards of a track") },
  { NULL, "template", tz_cli_template,
    N_ ("Write a track’s blank xlsx template for lower units to fill") },
  { "import", "table", tz_cli_import_table, N_ ("Import a filled table of a track (xlsx or csv)") },
  { "import", "history", tz_cli_import_history, N_ ("List the imports made into a campaign") },
  { "package", "export", tz_cli_package_export,
    N_ ("Export a unit’s people, entries and files of a campaign as a package") },
  { "package", "import", tz_cli_package_import, N_ ("Import an entry package from a lower unit") },
  { NULL, "audit", tz_cli_audit, N_ ("Show the audit log of changes") },
  { NULL, "backup", tz_cli_backup, N_ ("Back up the database now, or list its backups") },
  { NULL, "restore", tz_cli_restore, N_ ("Restore the database from a backup") },
};

int
tz_cli_fail (const GError *error)
{
  g_printerr ("taizhang-cli: %s\n", error != NULL ? error->message : _ ("failed"));
  return TZ_CLI_FAILED;
}

int
tz_cli_usage (const char *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("taizhang-cli %s: %s\n", command, message);
  g_printerr (_ ("Run “taizhang-cli %s --help” for help.\n"), command);
  return TZ_CLI_USAGE;
}

TzDb *
tz_cli_db (TzCli *cli)
{
  g_autoptr (GError) error = NULL;

  if (cli->db != NULL)
    return cli->db;
  cli->db = tz_db_open (cli->db_path, &error);
  if (cli->db == NULL)
    {
      tz_cli_fail (error);
      return NULL;
    }
  if (cli->actor != NULL)
    tz_db_set_actor (cli->db, cli->actor);
  /* The first opening of the day leaves a copy; a failure to make it is
   * reported but does not stop the command. */
  if (!tz_backup_daily (cli->db, NULL, NULL, &error))
    g_printerr (_ ("taizhang-cli: warning: the daily backup was not made: %s\n"), error->message);
  return cli->db;
}

gboolean
tz_cli_parse (const char *command, const char *parameter, const char *summary,
              GOptionEntry *entries, int *argc, char ***argv, int *exit_code)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("taizhang-cli %s", command);

  /* GOption prints "Usage: PRGNAME [OPTION…] PARAMETER". */
  g_set_prgname (prgname);
  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = tz_cli_usage (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_cli_campaign (TzCli *cli, const char *text, gint64 *campaign_id)
{
  g_autoptr (GError) error = NULL;
  TzDb *db;

  if (text == NULL)
    {
      g_printerr (
          _ ("taizhang-cli: give the campaign with --campaign ID (see “campaign list”).\n"));
      return FALSE;
    }
  db = tz_cli_db (cli);
  if (db == NULL)
    return FALSE;
  if (!tz_campaign_resolve (db, text, campaign_id, &error))
    {
      tz_cli_fail (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_cli_count (const char *option, const char *text, gint64 *value)
{
  guint64 v;

  if (text == NULL || *text == '\0' || !g_ascii_isdigit (*text) ||
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &v, NULL))
    {
      g_printerr (_ ("taizhang-cli: %s: “%s” is not a whole number of 0 or more.\n"), option,
                  text != NULL ? text : "");
      return FALSE;
    }
  *value = (gint64) v;
  return TRUE;
}

static void
print_help (void)
{
  const char *group = NULL;

  g_print (_ ("Usage:\n  taizhang-cli [--db PATH] COMMAND [OPTIONS…]\n\n"));
  g_print (
      _ ("Keeps a unit’s campaigns, quotas, activities, people and entries in one database.\n\n"));
  g_print (_ ("Global options:\n"
              "  --db PATH       the database file (default: %s)\n"
              "  --actor NAME    the name written to the audit log (default: your login)\n"
              "  --version       print the version\n"
              "  -h, --help      this help; COMMAND --help for a command’s options\n\n"),
           "$XDG_DATA_HOME/taizhang/taizhang.db");
  g_print (_ ("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = commands[i].group != NULL
                                  ? g_strdup_printf ("%s %s", commands[i].group, commands[i].name)
                                  : g_strdup (commands[i].name);
      if (g_strcmp0 (group, commands[i].group) != 0 && i > 0)
        g_print ("\n");
      group = commands[i].group;
      g_print ("  %-18s %s\n", name, _ (commands[i].summary));
    }
}

static int
run_command (TzCli *cli, int argc, char **argv)
{
  const char *word = argv[0];
  gboolean group_known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const TzCliCommand *c = &commands[i];

      if (c->group == NULL && g_str_equal (c->name, word))
        return c->func (cli, argc, argv);
      if (c->group != NULL && g_str_equal (c->group, word))
        {
          group_known = TRUE;
          if (argc >= 2 && g_str_equal (c->name, argv[1]))
            {
              /* The command sees "group name" as its argv[0]. */
              g_autofree char *name = g_strdup_printf ("%s %s", c->group, c->name);
              char **sub = g_new0 (char *, argc);
              int ret;

              sub[0] = name;
              for (int k = 2; k < argc; k++)
                sub[k - 1] = argv[k];
              ret = c->func (cli, argc - 1, sub);
              g_free (sub);
              return ret;
            }
        }
    }

  if (group_known)
    {
      g_printerr (argc >= 2 ? _ ("taizhang-cli: “%s” has no subcommand “%s”. It has:\n")
                            : _ ("taizhang-cli: “%s” needs a subcommand:\n"),
                  word, argc >= 2 ? argv[1] : "");
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_strcmp0 (commands[i].group, word) == 0)
          g_printerr ("  %s %-10s %s\n", word, commands[i].name, _ (commands[i].summary));
      return TZ_CLI_USAGE;
    }
  g_printerr (_ ("taizhang-cli: unknown command “%s”. Run “taizhang-cli --help” for the list.\n"),
              word);
  return TZ_CLI_USAGE;
}

static void
set_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

int
tz_cli_main (int argc, char **argv)
{
  TzCli cli = { 0 };
  g_autofree char *db_path = NULL;
  g_autofree char *actor = NULL;
  gboolean version = FALSE;
  gboolean help = FALSE;
  int ret;
  int i;

  tz_i18n_init ();

  /* Global options stand before the command; everything after it is the command's. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--db") || g_str_equal (arg, "--actor"))
        {
          if (i + 1 >= argc)
            {
              g_printerr (_ ("taizhang-cli: %s needs a value.\n"), arg);
              return TZ_CLI_USAGE;
            }
          if (g_str_equal (arg, "--db"))
            set_str (&db_path, argv[++i]);
          else
            set_str (&actor, argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--db="))
        set_str (&db_path, arg + 5);
      else if (g_str_has_prefix (arg, "--actor="))
        set_str (&actor, arg + 8);
      else if (g_str_equal (arg, "--version"))
        version = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        help = TRUE;
      else if (arg[0] == '-')
        {
          g_printerr (_ ("taizhang-cli: unknown option “%s”. Run “taizhang-cli --help”.\n"), arg);
          return TZ_CLI_USAGE;
        }
      else
        break;
    }

  if (version)
    {
      g_print ("taizhang-cli %s\n", PACKAGE_VERSION);
      return TZ_CLI_OK;
    }
  if (help || i >= argc)
    {
      print_help ();
      return help ? TZ_CLI_OK : TZ_CLI_USAGE;
    }

  cli.db_path = db_path;
  cli.actor = actor;
  ret = run_command (&cli, argc - i, argv + i);
  g_clear_object (&cli.db);
  return ret;
}
