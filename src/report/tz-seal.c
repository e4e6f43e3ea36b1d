/* tz-seal.c — written with the page that uses it */
