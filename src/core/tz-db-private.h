/* tz-db-private.h — used by tz-db.c and tz-migrations.c only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

/* Applies migration number @version (1-based) inside the caller's transaction. */
gboolean tz_migration_apply (TzDb *self, int version, GError **error);

/* Opens a database without migrating it, for the migration tests: a file left at
 * @stop_at_version (0 leaves it empty) lets a test write data of that version. */
TzDb *tz_db_open_at_version (const char *path, int stop_at_version, GError **error);

G_END_DECLS
