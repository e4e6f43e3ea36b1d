/* tz-error.h — the error domains of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TZ_ERROR    (tz_error_quark ())
#define TZ_DB_ERROR (tz_db_error_quark ())

/* Errors of the domain rules: what the user typed or imported is wrong. */
typedef enum
{
  TZ_ERROR_FAILED,
  TZ_ERROR_INVALID,   /* a validation rule refused a value; the message names the field */
  TZ_ERROR_NOT_FOUND, /* a campaign, unit, track or person named by the user does not exist */
  TZ_ERROR_DUPLICATE, /* the same person twice in a track, the same file twice, … */
  TZ_ERROR_PARSE,     /* a file (JSON, xlsx, csv) could not be read; the message names where */
} TzError;

/* Errors of the database file itself. */
typedef enum
{
  TZ_DB_ERROR_FAILED,
  TZ_DB_ERROR_NOT_A_DATABASE, /* the file is not an SQLite file */
  TZ_DB_ERROR_FOREIGN,        /* an SQLite file of another program */
  TZ_DB_ERROR_NEWER_SCHEMA,   /* written by a newer Taizhang */
  TZ_DB_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  TZ_DB_ERROR_LOCKED,         /* another program holds the lock beyond the busy timeout */
  TZ_DB_ERROR_CORRUPT,        /* SQLite reports the file as damaged */
  TZ_DB_ERROR_IO,             /* the disk refused a read or write (full, quota, …) */
  TZ_DB_ERROR_CONSTRAINT,     /* a constraint of the schema refused a change */
  TZ_DB_ERROR_SQL,            /* any other SQLite failure */
} TzDbError;

GQuark tz_error_quark (void);
GQuark tz_db_error_quark (void);

G_END_DECLS
