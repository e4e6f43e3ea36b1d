/* tz-report-list.c — being written */
