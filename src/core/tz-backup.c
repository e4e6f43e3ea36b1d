/* tz-backup.c — backups of the database: daily, before imports, by hand; restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tz-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "tz-backup.h"
#include "tz-error.h"

void
tz_backup_info_free (TzBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->kind);
  g_free (info->created_at);
  g_free (info);
}

void
tz_backup_summary_clear (TzBackupSummary *summary)
{
  g_clear_pointer (&summary->modified, g_free);
}

static char *
backup_dir (TzDb *db)
{
  return g_strconcat (tz_db_get_path (db), ".backups", NULL);
}

/* Splits "<base>-<kind>-YYYYMMDD-HHMMSS[-N].db" into kind, stamp and N (1
 * without a counter: the second backup of a kind within one second is -2). */
static GRegex *
name_regex (const char *base)
{
  g_autofree char *escaped = g_regex_escape_string (base, -1);
  g_autofree char *pattern =
      g_strdup_printf ("^%s-(.+)-([0-9]{8}-[0-9]{6})(?:-([0-9]{1,4}))?\\.db$", escaped);

  return g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
}

static gboolean
parse_name (GRegex *regex, const char *name, char **kind, char **stamp, int *counter)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *n = NULL;

  if (regex == NULL || !g_regex_match (regex, name, 0, &match))
    return FALSE;
  *kind = g_match_info_fetch (match, 1);
  *stamp = g_match_info_fetch (match, 2);
  n = g_match_info_fetch (match, 3);
  *counter = n != NULL && *n != '\0' ? atoi (n) : 1;
  return TRUE;
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  const TzBackupInfo *x = *(TzBackupInfo *const *) a;
  const TzBackupInfo *y = *(TzBackupInfo *const *) b;
  int c = g_strcmp0 (y->created_at, x->created_at);

  return c != 0 ? c : y->counter - x->counter;
}

GPtrArray *
tz_backup_list (TzDb *db, GError **error)
{
  g_autoptr (GPtrArray) list =
      g_ptr_array_new_with_free_func ((GDestroyNotify) tz_backup_info_free);
  g_autofree char *dir = backup_dir (db);
  g_autofree char *base = g_path_get_basename (tz_db_get_path (db));
  g_autoptr (GDir) d = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GRegex) regex = name_regex (base);
  const char *name;

  d = g_dir_open (dir, 0, &local);
  if (d == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *kind = NULL;
      g_autofree char *stamp = NULL;
      GStatBuf st;
      TzBackupInfo *info;
      int counter = 1;

      if (!parse_name (regex, name, &kind, &stamp, &counter))
        continue;
      info = g_new0 (TzBackupInfo, 1);
      info->counter = counter;
      info->path = g_build_filename (dir, name, NULL);
      info->kind = g_steal_pointer (&kind);
      info->created_at = g_strdup_printf ("%.4s-%.2s-%.2s %.2s:%.2s:%.2s", stamp, stamp + 4,
                                          stamp + 6, stamp + 9, stamp + 11, stamp + 13);
      info->size = g_stat (info->path, &st) == 0 ? (gint64) st.st_size : 0;
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

/* Keeps the newest @keep backups of @kind. */
static void
rotate (TzDb *db, const char *kind, guint keep)
{
  g_autoptr (GPtrArray) list = tz_backup_list (db, NULL);
  guint seen = 0;

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      TzBackupInfo *info = list->pdata[i];

      if (!g_str_equal (info->kind, kind))
        continue;
      if (++seen > keep && g_unlink (info->path) != 0)
        g_warning ("Cannot remove the old backup %s: %s", info->path, g_strerror (errno));
    }
}

static gboolean
is_empty (TzDb *db, gboolean *empty, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
      tz_db_prepare (db,
                     "SELECT (SELECT count(*) FROM campaign) + (SELECT count(*) FROM unit) + "
                     "(SELECT count(*) FROM person)",
                     error);

  if (stmt == NULL)
    return FALSE;
  if (tz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *empty = sqlite3_column_int64 (stmt, 0) == 0;
  return TRUE;
}

gboolean
tz_backup_to_file (TzDb *db, const char *dest_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *tmp_name = g_strdup_printf (".%s.part", base);
  g_autofree char *tmp = g_build_filename (dir, tmp_name, NULL);

  if (!tz_db_backup_to (db, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   dest_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The path of a new backup of @kind (a counter when one of the same second
 * is there); the backups folder is created. */
static char *
new_backup_path (TzDb *db, const char *kind, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *dir = backup_dir (db);
  g_autofree char *base = g_path_get_basename (tz_db_get_path (db));
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *name = NULL;
  int last = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO,
                   _ ("The backup folder “%s” cannot be created: %s."), dir, g_strerror (saved));
      return NULL;
    }
  /* Later backups of a kind within the same second get a counter above every
   * one there (rotation may have removed the lower ones). */
  list = tz_backup_list (db, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      TzBackupInfo *info = list->pdata[i];

      if (g_str_equal (info->kind, kind) && g_str_equal (info->created_at, created))
        last = MAX (last, info->counter);
    }
  name = last == 0 ? g_strdup_printf ("%s-%s-%s.db", base, kind, stamp)
                   : g_strdup_printf ("%s-%s-%s-%d.db", base, kind, stamp, last + 1);
  return g_build_filename (dir, name, NULL);
}

static void
rotate_kind (TzDb *db, const char *kind)
{
  if (g_str_equal (kind, "daily"))
    rotate (db, kind, TZ_BACKUP_KEEP_DAILY);
  else if (g_str_equal (kind, "before-import"))
    rotate (db, kind, TZ_BACKUP_KEEP_IMPORT);
}

gboolean
tz_backup_create (TzDb *db, const char *kind, char **path, GError **error)
{
  g_autofree char *dest = NULL;
  gboolean empty = FALSE;

  g_return_val_if_fail (kind != NULL && strchr (kind, G_DIR_SEPARATOR) == NULL, FALSE);

  if (path != NULL)
    *path = NULL;
  if (!is_empty (db, &empty, error))
    return FALSE;
  if (empty)
    return TRUE;
  dest = new_backup_path (db, kind, error);
  if (dest == NULL || !tz_backup_to_file (db, dest, error))
    return FALSE;
  rotate_kind (db, kind);
  if (path != NULL)
    *path = g_steal_pointer (&dest);
  return TRUE;
}

/* Whether a daily backup of @today (NULL: the clock's today, as the backups'
 * names are stamped — not TAIZHANG_TODAY, which moves campaigns' timelines) is
 * there. */
static gboolean
have_daily (TzDb *db, const char *today, gboolean *have, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *own_today = today == NULL ? g_date_time_format (now, "%Y-%m-%d") : NULL;
  g_autoptr (GPtrArray) list = tz_backup_list (db, error);

  *have = FALSE;
  if (list == NULL)
    return FALSE;
  if (today == NULL)
    today = own_today;
  for (guint i = 0; i < list->len && !*have; i++)
    {
      TzBackupInfo *info = list->pdata[i];

      *have = g_str_equal (info->kind, "daily") && g_str_has_prefix (info->created_at, today);
    }
  return TRUE;
}

gboolean
tz_backup_daily (TzDb *db, const char *today, gboolean *made, GError **error)
{
  g_autofree char *path = NULL;
  gboolean have = FALSE;

  if (made != NULL)
    *made = FALSE;
  if (!have_daily (db, today, &have, error))
    return FALSE;
  if (have)
    return TRUE;
  if (!tz_backup_create (db, "daily", &path, error))
    return FALSE;
  if (made != NULL)
    *made = path != NULL;
  return TRUE;
}

static gint64
count_rows (TzDb *db, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* A migrated copy of the backup at @path, in a temporary folder @tmp_dir. */
static TzDb *
open_copy (const char *path, char **tmp_dir, GError **error)
{
  g_autoptr (GFile) src = g_file_new_for_path (path);
  g_autoptr (GFile) dst = NULL;
  g_autofree char *copy = NULL;

  *tmp_dir = g_dir_make_tmp ("taizhang-restore-XXXXXX", error);
  if (*tmp_dir == NULL)
    return NULL;
  copy = g_build_filename (*tmp_dir, "backup.db", NULL);
  dst = g_file_new_for_path (copy);
  if (!g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return NULL;
  g_chmod (copy, 0600);
  return tz_db_open (copy, error);
}

static void
remove_tmp (char *tmp_dir)
{
  g_autoptr (GDir) d = NULL;
  const char *name;

  if (tmp_dir == NULL)
    return;
  d = g_dir_open (tmp_dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
}

static gboolean
check_integrity (TzDb *db, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = tz_db_prepare (db, "PRAGMA integrity_check", error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_CORRUPT,
                   _ ("The backup “%s” is damaged; choose another one."), path);
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_CORRUPT,
                   _ ("The backup “%s” is damaged (%s); choose another one."), path, result);
      return FALSE;
    }
  return TRUE;
}

gboolean
tz_backup_describe (const char *path, TzBackupSummary *summary, GError **error)
{
  g_autofree char *tmp_dir = NULL;
  g_autoptr (TzDb) copy = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  gboolean ok = FALSE;

  memset (summary, 0, sizeof *summary);
  info =
      g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  copy = open_copy (path, &tmp_dir, error);
  if (copy != NULL && check_integrity (copy, path, error))
    {
      g_autoptr (GDateTime) mtime = g_file_info_get_modification_date_time (info);
      g_autoptr (GDateTime) local = g_date_time_to_local (mtime);

      summary->schema_version = tz_db_get_schema_version (copy);
      summary->campaigns = count_rows (copy, "campaign");
      summary->units = count_rows (copy, "unit");
      summary->people = count_rows (copy, "person");
      summary->entries = count_rows (copy, "entry");
      summary->activities = count_rows (copy, "activity");
      summary->modified = g_date_time_format (local, "%Y-%m-%d %H:%M");
      ok = TRUE;
    }
  g_clear_object (&copy);
  remove_tmp (g_steal_pointer (&tmp_dir));
  return ok;
}

gboolean
tz_backup_restore (TzDb *db, const char *path, char **kept_path, GError **error)
{
  g_autofree char *tmp_dir = NULL;
  g_autoptr (TzDb) copy = NULL;
  g_autofree char *kept = NULL;
  gboolean ok = FALSE;

  if (kept_path != NULL)
    *kept_path = NULL;
  copy = open_copy (path, &tmp_dir, error);
  if (copy != NULL && check_integrity (copy, path, error) &&
      tz_backup_create (db, "before-restore", &kept, error) &&
      tz_db_replace_content (db, copy, error))
    ok = TRUE;
  g_clear_object (&copy);
  remove_tmp (g_steal_pointer (&tmp_dir));
  if (ok && kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return ok;
}

struct _TzBackupJob
{
  TzDb *db;
  char *kind;
  char *dest;   /* where the finished copy goes */
  char *tmp;    /* the copy being made */
  sqlite3 *out; /* the copy's connection */
  sqlite3_backup *backup;
  gboolean done;
};

void
tz_backup_job_free (TzBackupJob *job)
{
  if (job == NULL)
    return;
  if (job->backup != NULL)
    sqlite3_backup_finish (job->backup);
  if (job->out != NULL)
    sqlite3_close (job->out);
  if (job->tmp != NULL)
    g_unlink (job->tmp);
  g_clear_object (&job->db);
  g_free (job->kind);
  g_free (job->dest);
  g_free (job->tmp);
  g_free (job);
}

TzBackupJob *
tz_backup_job_new_daily (TzDb *db, const char *today, GError **error)
{
  g_autoptr (TzBackupJob) job = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  gboolean have = FALSE, empty = FALSE;
  int fd;

  if (!have_daily (db, today, &have, error) || have)
    return NULL;
  if (!is_empty (db, &empty, error) || empty)
    return NULL;
  job = g_new0 (TzBackupJob, 1);
  job->db = g_object_ref (db);
  job->kind = g_strdup ("daily");
  job->dest = new_backup_path (db, job->kind, error);
  if (job->dest == NULL)
    return NULL;
  dir = g_path_get_dirname (job->dest);
  base = g_path_get_basename (job->dest);
  job->tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (job->tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&job->tmp, g_free);
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   job->dest, g_strerror (saved));
      return NULL;
    }
  close (fd);
  if (sqlite3_open_v2 (job->tmp, &job->out, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      (job->backup = sqlite3_backup_init (job->out, "main", tz_db_get_handle (db), "main")) == NULL)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   job->dest, job->out != NULL ? sqlite3_errmsg (job->out) : "");
      return NULL;
    }
  return g_steal_pointer (&job);
}

gboolean
tz_backup_job_step (TzBackupJob *job, int pages, gboolean *done, GError **error)
{
  int rc;

  *done = job->done;
  if (job->done)
    return TRUE;
  rc = sqlite3_backup_step (job->backup, pages);
  if (rc == SQLITE_DONE)
    {
      job->done = *done = TRUE;
      return TRUE;
    }
  /* Busy: another program writes; try again at the next step. */
  if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return TRUE;
  g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
               job->dest, sqlite3_errstr (rc));
  return FALSE;
}

gboolean
tz_backup_job_finish (TzBackupJob *job, char **path, GError **error)
{
  int rc;

  g_return_val_if_fail (job->done, FALSE);
  rc = sqlite3_backup_finish (job->backup);
  job->backup = NULL;
  if (rc != SQLITE_OK || sqlite3_close (job->out) != SQLITE_OK)
    {
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   job->dest, sqlite3_errstr (rc));
      return FALSE;
    }
  job->out = NULL;
  if (g_rename (job->tmp, job->dest) != 0)
    {
      int saved = errno;
      g_set_error (error, TZ_DB_ERROR, TZ_DB_ERROR_IO, _ ("The backup “%s” cannot be written: %s."),
                   job->dest, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&job->tmp, g_free);
  rotate_kind (job->db, job->kind);
  if (path != NULL)
    *path = g_strdup (job->dest);
  return TRUE;
}
