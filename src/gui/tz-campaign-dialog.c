/* tz-campaign-dialog.c — written with the page that uses it */
