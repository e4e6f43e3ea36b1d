/* tz-report-summary.c — being written */
