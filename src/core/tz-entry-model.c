/* tz-entry-model.c — written with the page that uses it */
