/* tz-unit-dialog.c — written with the page that uses it */
