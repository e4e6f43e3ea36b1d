/* tz-db.h — the one connection to a Taizhang database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "tz-error.h"

G_BEGIN_DECLS

/* The schema this build writes. Every migration in tz-migrations.c raises it by one. */
#define TZ_DB_SCHEMA_VERSION 5

/* PRAGMA application_id of a Taizhang database: "TZDB". */
#define TZ_DB_APPLICATION_ID 0x545a4442

#define TZ_TYPE_DB (tz_db_get_type ())
G_DECLARE_FINAL_TYPE (TzDb, tz_db, TZ, DB, GObject)

char *tz_db_default_path (void);

TzDb *tz_db_open (const char *path, GError **error);
const char *tz_db_get_path (TzDb *self);
int tz_db_get_schema_version (TzDb *self);
const char *tz_db_get_last_backup (TzDb *self);

void tz_db_set_actor (TzDb *self, const char *actor);
const char *tz_db_get_actor (TzDb *self);
void tz_db_set_busy_timeout (TzDb *self, int milliseconds);

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones are savepoints. */
gboolean tz_db_begin (TzDb *self, GError **error);
gboolean tz_db_commit (TzDb *self, GError **error);
void tz_db_rollback (TzDb *self);

gboolean tz_db_exec (TzDb *self, const char *sql, GError **error);
sqlite3_stmt *tz_db_prepare (TzDb *self, const char *sql, GError **error);
gboolean tz_db_step_done (TzDb *self, sqlite3_stmt *stmt, GError **error);
int tz_db_step (TzDb *self, sqlite3_stmt *stmt, GError **error);
gint64 tz_db_last_insert_id (TzDb *self);
int tz_db_changes (TzDb *self);
gboolean tz_db_backup_to (TzDb *self, const char *dest_path, GError **error);

/* Replaces every page of @self with those of @source (SQLite's backup API, in
 * one step), then emits "changed" for every table. Outside any transaction. */
gboolean tz_db_replace_content (TzDb *self, TzDb *source, GError **error);

/* Deletes the row @id of @table (a name from the schema, never user input) in
 * its own transaction; when there is no such row, TZ_ERROR_NOT_FOUND with the
 * message @not_found. */
gboolean tz_db_delete_row (TzDb *self, const char *table, gint64 id, const char *not_found,
                           GError **error);

void tz_db_set_error (TzDb *self, GError **error, int rc, const char *what);

sqlite3 *tz_db_get_handle (TzDb *self);

/* Bind helpers that treat NULL and "" alike: an empty field is stored as NULL. */
void tz_db_bind_text (sqlite3_stmt *stmt, int index, const char *value);
void tz_db_bind_int_or_null (sqlite3_stmt *stmt, int index, gint64 value, gboolean is_set);
char *tz_db_column_dup (sqlite3_stmt *stmt, int column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement kept by the database for statements run once per row of a
 * large import (an INSERT compiles the audit and search triggers with it,
 * which costs more than the insert): the same SQL text returns the same
 * statement, reset and with no bindings. The caller never finalizes it; it
 * holds it in a g_autoptr (TzCachedStmt), which resets it again. Not for
 * statements that may be in use twice at once (recursion). */
typedef sqlite3_stmt TzCachedStmt;
sqlite3_stmt *tz_db_prepare_cached (TzDb *self, const char *sql, GError **error);
void tz_db_release_cached (sqlite3_stmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzCachedStmt, tz_db_release_cached)

G_END_DECLS
