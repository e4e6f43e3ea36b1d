/* tz-db.c — opening, refusing, migrating and writing the database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is opened in a fixed order so that nothing is written until we know
 * it is ours and of a version we understand: the header is read by hand, then
 * application_id and user_version are read, and only then is WAL switched on
 * and a migration allowed to run (after a backup copy of a non-empty file).
 */
#define G_LOG_DOMAIN "tz-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tz-db-private.h"

struct _TzDb
{
  GObject parent_instance;

  sqlite3 *handle;
  char *path;
  char *actor;
  char *last_backup;
  int schema_version;
  guint tx_depth;
  GHashTable *changed_tables; /* tables written since the last "changed" */
  GHashTable *cached;         /* SQL text → sqlite3_stmt, see tz_db_prepare_cached () */
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TzDb, tz_db, G_TYPE_OBJECT)

#define DEFAULT_BUSY_TIMEOUT_MS 5000

static const char sqlite_magic[16] = "SQLite format 3";

/* How long to wait for another program's lock before saying so; the
 * TAIZHANG_BUSY_TIMEOUT environment variable (milliseconds) overrides it. */
static int
busy_timeout_ms (void)
{
  const char *env = g_getenv ("TAIZHANG_BUSY_TIMEOUT");
  guint64 value;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 600000, &value, NULL))
    return (int) value;
  return DEFAULT_BUSY_TIMEOUT_MS;
}

static void
actor_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  TzDb *self = sqlite3_user_data (ctx);

  sqlite3_result_text (ctx, self->actor, -1, SQLITE_TRANSIENT);
}

static const char *
display_name (const char *path)
{
  return path;
}

void
tz_db_set_error (TzDb *self, GError **error, int rc, const char *what)
{
  const char *msg = self && self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);
  const char *path = self ? self->path : "";

  switch (rc & 0xff)
    {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_LOCKED,
                     _ ("The database “%s” is in use by another program. Close the other "
                        "Taizhang window or command and try again."),
                     display_name (path));
        break;
      case SQLITE_NOTADB:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NOT_A_DATABASE,
                     _ ("“%s” is not a Taizhang database. It was left untouched; choose "
                        "another file."),
                     display_name (path));
        break;
      case SQLITE_CORRUPT:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_CORRUPT,
                     _ ("The database “%s” is damaged (%s). Restore it from a backup."),
                     display_name (path), msg);
        break;
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_CANTOPEN:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_READ_ONLY,
                     _ ("The database “%s” cannot be written (%s). Check that the file and "
                        "its folder are writable."),
                     display_name (path), msg);
        break;
      case SQLITE_FULL:
      case SQLITE_IOERR:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                     _ ("Writing the database “%s” failed (%s). Free some disk space and "
                        "try again; nothing was saved."),
                     display_name (path), msg);
        break;
      case SQLITE_CONSTRAINT:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_CONSTRAINT, "%s: %s", what, msg);
        break;
      default:
        g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_SQL, "%s: %s (%d)", what, msg, rc);
        break;
    }
}

/* Collects the tables a write touches, for the "changed" signal. The search
 * indexes and the audit log follow other tables and are not reported. */
static void
update_hook_cb (void *data, int op, const char *database, const char *table, sqlite3_int64 rowid)
{
  TzDb *self = data;

  if (g_str_equal (table, "audit_log") || strstr (table, "_fts") != NULL)
    return;
  if (!g_hash_table_contains (self->changed_tables, table))
    g_hash_table_add (self->changed_tables, g_strdup (table));
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Emits "changed" once the writes are committed: at the outermost commit, or
 * after a statement that ran outside any transaction. */
static void
flush_changes (TzDb *self)
{
  g_autoptr (GPtrArray) tables = NULL;
  GHashTableIter iter;
  gpointer key;

  if (self->tx_depth > 0 || g_hash_table_size (self->changed_tables) == 0)
    return;
  tables = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->changed_tables);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (tables, g_strdup (key));
  g_hash_table_remove_all (self->changed_tables);
  g_ptr_array_sort (tables, compare_names);
  g_ptr_array_add (tables, NULL);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (char **) tables->pdata);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tz_db_finalize (GObject *object)
{
  TzDb *self = (TzDb *) object;

  g_clear_pointer (&self->cached, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->last_backup);
  g_hash_table_unref (self->changed_tables);

  G_OBJECT_CLASS (tz_db_parent_class)->finalize (object);
}

static void
tz_db_class_init (TzDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tz_db_finalize;

  /**
   * TzDb::changed:
   * @tables: (array zero-terminated=1): the tables written, sorted
   *
   * Emitted after writes are committed, once per transaction, so that views
   * can reload what they show.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
tz_db_init (TzDb *self)
{
  const char *user = g_get_user_name ();

  self->changed_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
  self->actor = g_strdup (user != NULL ? user : "unknown");
}

char *
tz_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "taizhang", "taizhang.db", NULL);
}

/* Reads the first bytes of an existing file: a non-empty file that does not start
 * with the SQLite magic is refused before SQLite ever sees it. */
static gboolean
check_existing_file (const char *path, GError **error)
{
  struct stat st;
  char header[16] = { 0 };
  int fd;
  ssize_t n;

  if (g_stat (path, &st) != 0)
    return TRUE; /* absent: it will be created */

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Taizhang database (it is not a regular file)."), path);
      return FALSE;
    }
  if (st.st_size == 0)
    return TRUE; /* an empty file is an empty database */

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_READ_ONLY,
                   _ ("The database “%s” cannot be read: %s."), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  if (n != (ssize_t) sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Taizhang database. It was left untouched; choose "
                      "another file."),
                   path);
      return FALSE;
    }
  if (access (path, W_OK) != 0)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_READ_ONLY,
                   _ ("The database “%s” is read-only. Copy it to a folder you can write "
                      "to, or change its permissions, then open it again."),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* Creates a new, empty file readable by its owner only, whatever the umask. */
static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_READ_ONLY,
                   _ ("The folder “%s” for the database cannot be created: %s."), dir,
                   g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_READ_ONLY,
                   _ ("The database “%s” cannot be created: %s."), path, g_strerror (saved));
      return FALSE;
    }
  if (fchmod (fd, 0600) != 0)
    g_warning ("could not set mode 0600 on %s: %s", path, g_strerror (errno));
  close (fd);
  return TRUE;
}

static gboolean
read_pragma_int (TzDb *self, const char *pragma, int *out, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  sqlite3_finalize (stmt);
  tz_db_set_error (self, error, rc, pragma);
  return FALSE;
}

static gboolean
count_tables (TzDb *self, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  sqlite3_finalize (stmt);
  tz_db_set_error (self, error, rc, "sqlite_schema");
  return FALSE;
}

/* Where the copies made before a migration go: a folder beside the database. */
static char *
backup_path_for (TzDb *self, const char *reason)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *dir = g_strconcat (self->path, ".backups", NULL);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.db", base, reason, stamp);

  return g_build_filename (dir, name, NULL);
}

gboolean
tz_db_backup_to (TzDb *self, const char *dest_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;
  int fd;

  g_return_val_if_fail (TZ_IS_DB (self), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The backup folder “%s” cannot be created: %s."), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (dest_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   dest_path, g_strerror (saved));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (dest_path);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

sqlite3_stmt *
tz_db_prepare_cached (TzDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->cached, sql);
  if (stmt != NULL)
    {
      /* A statement left half-stepped (an error path) starts again. */
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tz_db_set_error (self, error, rc, "prepare");
      return NULL;
    }
  g_hash_table_insert (self->cached, g_strdup (sql), stmt);
  return stmt;
}

void
tz_db_release_cached (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
tz_db_replace_content (TzDb *self, TzDb *source, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (self) && TZ_IS_DB (source), FALSE);
  g_return_val_if_fail (self->tx_depth == 0, FALSE);

  backup = sqlite3_backup_init (self->handle, "main", source->handle, "main");
  if (backup == NULL)
    {
      tz_db_set_error (self, error, sqlite3_errcode (self->handle), "backup");
      return FALSE;
    }
  /* In one step: the destination is locked once and written whole. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      tz_db_set_error (self, error, rc, "backup");
      return FALSE;
    }
  self->schema_version = source->schema_version;

  /* Every table may have changed. */
  stmt = tz_db_prepare (self,
                        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                        "'sqlite_%' AND name <> 'audit_log' AND name NOT LIKE '%_fts%'",
                        error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (self->changed_tables,
                      g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  flush_changes (self);
  return TRUE;
}

static gboolean
migrate (TzDb *self, int from, int to, GError **error)
{
  if (from >= to)
    return TRUE;

  /* A copy of every non-empty database before its schema changes. */
  if (from > 0)
    {
      g_autofree char *reason = g_strdup_printf ("before-v%d-to-v%d", from, to);
      g_autofree char *dest = backup_path_for (self, reason);

      if (!tz_db_backup_to (self, dest, error))
        return FALSE;
      g_free (self->last_backup);
      self->last_backup = g_steal_pointer (&dest);
    }

  for (int v = from + 1; v <= to; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v);

      if (!tz_db_begin (self, error))
        return FALSE;
      if (!tz_migration_apply (self, v, error) || !tz_db_exec (self, set_version, error))
        {
          g_prefix_error (error, _ ("Upgrading the database to version %d failed: "), v);
          tz_db_rollback (self);
          return FALSE;
        }
      if (!tz_db_commit (self, error))
        return FALSE;
      self->schema_version = v;
    }
  return TRUE;
}

static TzDb *
open_internal (const char *path, int target_version, GError **error)
{
  g_autoptr (TzDb) self = NULL;
  g_autofree char *default_path = NULL;
  int rc;
  int app_id = 0;
  int version = 0;
  int n_tables = 0;

  if (path == NULL || *path == '\0')
    path = default_path = tz_db_default_path ();

  if (!check_existing_file (path, error))
    return NULL;
  if (!create_private_file (path, error))
    return NULL;

  self = g_object_new (TZ_TYPE_DB, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      tz_db_set_error (self, error, rc, "open");
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, busy_timeout_ms ());

  if (sqlite3_db_readonly (self->handle, "main") == 1)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_READ_ONLY,
                   _ ("The database “%s” is read-only. Copy it to a folder you can write "
                      "to, or change its permissions, then open it again."),
                   path);
      return NULL;
    }

  /* Reads only: nothing below may write before these checks pass. */
  if (!read_pragma_int (self, "application_id", &app_id, error) ||
      !read_pragma_int (self, "user_version", &version, error) ||
      !count_tables (self, &n_tables, error))
    return NULL;

  if (app_id != 0 && app_id != TZ_DB_APPLICATION_ID)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_FOREIGN,
                   _ ("“%s” is a database of another program, not of Taizhang. It was left "
                      "untouched; choose another file."),
                   path);
      return NULL;
    }
  if (app_id == 0 && n_tables > 0)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_FOREIGN,
                   _ ("“%s” is an SQLite database of another program, not of Taizhang. It was "
                      "left untouched; choose another file."),
                   path);
      return NULL;
    }
  if (version > TZ_DB_SCHEMA_VERSION)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_NEWER_SCHEMA,
                   _ ("The database “%s” was written by a newer version of Taizhang (schema "
                      "%d; this version reads up to %d). Update Taizhang to open it; the file "
                      "was left untouched."),
                   path, version, TZ_DB_SCHEMA_VERSION);
      return NULL;
    }
  self->schema_version = version;

  rc = sqlite3_create_function_v2 (self->handle, "tz_actor", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   self, actor_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      tz_db_set_error (self, error, rc, "tz_actor");
      return NULL;
    }

  sqlite3_update_hook (self->handle, update_hook_cb, self);

  if (!tz_db_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !tz_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !tz_db_exec (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!migrate (self, version, target_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tz_db_open:
 * @path: (nullable): the database file; %NULL for the default one
 *
 * Opens (creating it, mode 0600, if absent) and migrates a database. Refuses,
 * without writing a byte, a file that is not a Taizhang database, one of a
 * newer schema, a read-only one and one locked beyond the busy timeout.
 */
TzDb *
tz_db_open (const char *path, GError **error)
{
  return open_internal (path, TZ_DB_SCHEMA_VERSION, error);
}

TzDb *
tz_db_open_at_version (const char *path, int stop_at_version, GError **error)
{
  g_return_val_if_fail (stop_at_version >= 0 && stop_at_version <= TZ_DB_SCHEMA_VERSION, NULL);
  return open_internal (path, stop_at_version, error);
}

const char *
tz_db_get_path (TzDb *self)
{
  g_return_val_if_fail (TZ_IS_DB (self), NULL);
  return self->path;
}

int
tz_db_get_schema_version (TzDb *self)
{
  g_return_val_if_fail (TZ_IS_DB (self), 0);
  return self->schema_version;
}

const char *
tz_db_get_last_backup (TzDb *self)
{
  g_return_val_if_fail (TZ_IS_DB (self), NULL);
  return self->last_backup;
}

void
tz_db_set_actor (TzDb *self, const char *actor)
{
  g_return_if_fail (TZ_IS_DB (self));
  g_free (self->actor);
  self->actor = g_strdup (actor != NULL && *actor != '\0' ? actor : g_get_user_name ());
}

const char *
tz_db_get_actor (TzDb *self)
{
  g_return_val_if_fail (TZ_IS_DB (self), NULL);
  return self->actor;
}

void
tz_db_set_busy_timeout (TzDb *self, int milliseconds)
{
  g_return_if_fail (TZ_IS_DB (self));
  sqlite3_busy_timeout (self->handle, milliseconds);
}

sqlite3 *
tz_db_get_handle (TzDb *self)
{
  g_return_val_if_fail (TZ_IS_DB (self), NULL);
  return self->handle;
}

gboolean
tz_db_exec (TzDb *self, const char *sql, GError **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &errmsg);
  sqlite3_free (errmsg);
  if (rc != SQLITE_OK)
    {
      tz_db_set_error (self, error, rc, "exec");
      return FALSE;
    }
  flush_changes (self);
  return TRUE;
}

gboolean
tz_db_begin (TzDb *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TZ_IS_DB (self), FALSE);

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT tz_sp_%u", self->tx_depth);
  if (!tz_db_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

gboolean
tz_db_commit (TzDb *self, GError **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TZ_IS_DB (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE tz_sp_%u", self->tx_depth - 1);
  if (!tz_db_exec (self, sql, error))
    {
      tz_db_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  flush_changes (self);
  return TRUE;
}

void
tz_db_rollback (TzDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TZ_IS_DB (self));
  if (self->tx_depth == 0)
    return;

  if (self->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO tz_sp_%u; RELEASE tz_sp_%u", self->tx_depth - 1,
                           self->tx_depth - 1);
  sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  self->tx_depth--;
  if (self->tx_depth == 0)
    g_hash_table_remove_all (self->changed_tables);
}

sqlite3_stmt *
tz_db_prepare (TzDb *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TZ_IS_DB (self), NULL);

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tz_db_set_error (self, error, rc, "prepare");
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Steps once: SQLITE_ROW or SQLITE_DONE, or -1 with @error set. */
int
tz_db_step (TzDb *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    flush_changes (self);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  tz_db_set_error (self, error, rc, "step");
  return -1;
}

gboolean
tz_db_step_done (TzDb *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = tz_db_step (self, stmt, error);

  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

gboolean
tz_db_delete_row (TzDb *self, const char *table, gint64 id, const char *not_found, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!tz_db_begin (self, error))
    return FALSE;
  stmt = tz_db_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tz_db_step_done (self, stmt, error))
    goto fail;
  if (tz_db_changes (self) == 0)
    {
      g_set_error_literal (error, TZ_ERROR, TZ_ERROR_NOT_FOUND, not_found);
      goto fail;
    }
  return tz_db_commit (self, error);

fail:
  tz_db_rollback (self);
  return FALSE;
}

gint64
tz_db_last_insert_id (TzDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

int
tz_db_changes (TzDb *self)
{
  return sqlite3_changes (self->handle);
}

void
tz_db_bind_text (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
tz_db_bind_int_or_null (sqlite3_stmt *stmt, int index, gint64 value, gboolean is_set)
{
  if (is_set)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

char *
tz_db_column_dup (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}
