/* tz-attachment.c — written with the page that uses it */
