/* tz-cli-report-list.c — being written */
#include "config.h"

#include "tz-cli.h"

int
tz_cli_report_list_form (TzCli *cli, int argc, char **argv)
{
  return tz_cli_usage (argv[0], "%s", "not written yet");
}

int
tz_cli_report_catalogue (TzCli *cli, int argc, char **argv)
{
  return tz_cli_usage (argv[0], "%s", "not written yet");
}

