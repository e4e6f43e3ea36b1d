/* tz-test-common.h — what every test shares: a temporary folder per test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tz-db.h"

G_BEGIN_DECLS

/* A new temporary folder, removed with its contents at the end of the test. */
char *tz_test_tmpdir (void);

/* A path inside a new temporary folder; the file does not exist yet. */
char *tz_test_tmpfile (const char *basename);

/* A fresh database in a temporary folder. */
TzDb *tz_test_open_db (void);

/* Reads a file under the source tree (TZ_SOURCE_DIR). */
char *tz_test_source_path (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* One integer from a query, for assertions. */
gint64 tz_test_query_int (TzDb *db, const char *sql);

/* The first column of the first row of @sql as text (NULL for NULL). */
char *tz_test_query_text (TzDb *db, const char *sql);

G_END_DECLS
