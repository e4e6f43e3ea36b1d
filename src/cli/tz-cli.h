/* tz-cli.h — what the commands of taizhang-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  const char *db_path; /* --db, NULL for the default database */
  const char *actor;   /* --actor, NULL for the login name */
  TzDb *db;            /* opened on first use */
} TzCli;

typedef int (*TzCliCommandFunc) (TzCli *cli, int argc, char **argv);

typedef struct
{
  const char *group; /* "campaign", or NULL for a command of one word */
  const char *name;
  TzCliCommandFunc func;
  const char *summary; /* translatable */
} TzCliCommand;

enum
{
  TZ_CLI_OK = 0,
  TZ_CLI_FAILED = 1, /* the command could not do what was asked */
  TZ_CLI_USAGE = 2,  /* the command line itself is wrong */
};

int tz_cli_main (int argc, char **argv);

/* Opens the database on first use; NULL after printing the error. */
TzDb *tz_cli_db (TzCli *cli);

/* Prints "taizhang-cli: <message>" on stderr and returns TZ_CLI_FAILED. */
int tz_cli_fail (const GError *error);
int tz_cli_usage (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Parses a command's options; returns FALSE after printing the problem (or the
 * help, with *exit_code 0). @parameter is e.g. "FILE" or NULL. */
gboolean tz_cli_parse (const char *command, const char *parameter, const char *summary,
                       GOptionEntry *entries, int *argc, char ***argv, int *exit_code);

/* --campaign as an id, uuid or exact title; prints the error and returns FALSE. */
gboolean tz_cli_campaign (TzCli *cli, const char *text, gint64 *campaign_id);

/* Parses a non-negative whole number given for @option. */
gboolean tz_cli_count (const char *option, const char *text, gint64 *value);

int tz_cli_campaign_import (TzCli *cli, int argc, char **argv);
int tz_cli_campaign_list (TzCli *cli, int argc, char **argv);
int tz_cli_campaign_export (TzCli *cli, int argc, char **argv);
int tz_cli_campaign_show (TzCli *cli, int argc, char **argv);
int tz_cli_campaign_delete (TzCli *cli, int argc, char **argv);
int tz_cli_campaign_purge (TzCli *cli, int argc, char **argv);
int tz_cli_quota_list (TzCli *cli, int argc, char **argv);
int tz_cli_quota_set (TzCli *cli, int argc, char **argv);
int tz_cli_activity_add (TzCli *cli, int argc, char **argv);
int tz_cli_activity_list (TzCli *cli, int argc, char **argv);
int tz_cli_activity_delete (TzCli *cli, int argc, char **argv);
int tz_cli_person_add (TzCli *cli, int argc, char **argv);
int tz_cli_person_list (TzCli *cli, int argc, char **argv);
int tz_cli_person_show (TzCli *cli, int argc, char **argv);
int tz_cli_person_delete (TzCli *cli, int argc, char **argv);
int tz_cli_entry_add (TzCli *cli, int argc, char **argv);
int tz_cli_entry_list (TzCli *cli, int argc, char **argv);
int tz_cli_unit_add (TzCli *cli, int argc, char **argv);
int tz_cli_unit_list (TzCli *cli, int argc, char **argv);
int tz_cli_audit (TzCli *cli, int argc, char **argv);
int tz_cli_scores_import (TzCli *cli, int argc, char **argv);
int tz_cli_metrics_import (TzCli *cli, int argc, char **argv);
int tz_cli_rank (TzCli *cli, int argc, char **argv);
int tz_cli_template (TzCli *cli, int argc, char **argv);
int tz_cli_import_table (TzCli *cli, int argc, char **argv);
int tz_cli_package_export (TzCli *cli, int argc, char **argv);
int tz_cli_package_import (TzCli *cli, int argc, char **argv);
int tz_cli_import_history (TzCli *cli, int argc, char **argv);
int tz_cli_backup (TzCli *cli, int argc, char **argv);
int tz_cli_restore (TzCli *cli, int argc, char **argv);
int tz_cli_award_assign (TzCli *cli, int argc, char **argv);
int tz_cli_award_remove (TzCli *cli, int argc, char **argv);
int tz_cli_award_list (TzCli *cli, int argc, char **argv);
int tz_cli_report_quota (TzCli *cli, int argc, char **argv);
int tz_cli_report_person_form (TzCli *cli, int argc, char **argv);
int tz_cli_report_list_form (TzCli *cli, int argc, char **argv);
int tz_cli_report_catalogue (TzCli *cli, int argc, char **argv);
int tz_cli_report_summary (TzCli *cli, int argc, char **argv);
int tz_cli_report_bundle (TzCli *cli, int argc, char **argv);
int tz_cli_report_awards (TzCli *cli, int argc, char **argv);
int tz_cli_report_certificates (TzCli *cli, int argc, char **argv);
int tz_cli_report_score_sheets (TzCli *cli, int argc, char **argv);

G_END_DECLS
