/* tz-preferences-window.c — written with the page that uses it */
