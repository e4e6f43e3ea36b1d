/* tz-cli-report-bundle.c — being written */
#include "config.h"

#include "tz-cli.h"

int
tz_cli_report_summary (TzCli *cli, int argc, char **argv)
{
  return tz_cli_usage (argv[0], "%s", "not written yet");
}

int
tz_cli_report_bundle (TzCli *cli, int argc, char **argv)
{
  return tz_cli_usage (argv[0], "%s", "not written yet");
}

