/* tz-bar-chart.c — written with the page that uses it */
