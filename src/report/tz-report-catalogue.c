/* tz-report-catalogue.c — being written */
