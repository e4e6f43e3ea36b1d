/* tz-person-model.c — written with the page that uses it */
