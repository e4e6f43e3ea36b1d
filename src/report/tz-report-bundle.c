/* tz-report-bundle.c — being written */
