/* tz-backup.h — backups of the database: daily, before imports, by hand; restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups are whole copies made with SQLite's online backup API into the
 * folder <db>.backups/ beside the database (0700, files 0600), named
 * <db name>-<kind>-<YYYYMMDD-HHMMSS>.db. Kinds and how many are kept:
 *   daily           the first opening of each day     the last 7
 *   before-import   before every import that writes   the last 10
 *   before-restore  before a restore                  all
 *   manual          "Back up now"                     all
 *   before-vN-to-vM before a migration (tz-db.c)      all
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_BACKUP_KEEP_DAILY  7
#define TZ_BACKUP_KEEP_IMPORT 10

typedef struct
{
  char *path;
  char *kind;       /* daily, before-import, before-restore, manual, before-v3-to-v4 … */
  char *created_at; /* local time from the name, "YYYY-MM-DD HH:MM:SS" */
  gint64 size;      /* bytes */
  int counter;      /* 1, or N for the Nth backup of a kind within one second */
} TzBackupInfo;

void tz_backup_info_free (TzBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzBackupInfo, tz_backup_info_free)

/* Makes a backup of @kind in the backups folder and rotates that kind; the new
 * file's path in *@path (may be NULL). An empty database (no campaign, unit
 * or person) is not backed up: TRUE with *@path NULL. */
gboolean tz_backup_create (TzDb *db, const char *kind, char **path, GError **error);

/* The daily backup: made when none of @today (YYYY-MM-DD; NULL for the
 * clock's today) exists yet. *@made (may be NULL) tells whether one was made. */
gboolean tz_backup_daily (TzDb *db, const char *today, gboolean *made, GError **error);

/* A copy of the database at @dest_path (created 0600 through a temporary file),
 * for "Back up now" to a place the user chooses. */
gboolean tz_backup_to_file (TzDb *db, const char *dest_path, GError **error);

/* The backups of @db, newest first: of TzBackupInfo. */
GPtrArray *tz_backup_list (TzDb *db, GError **error);

typedef struct
{
  int schema_version;
  gint64 campaigns;
  gint64 units;
  gint64 people;
  gint64 entries;
  gint64 activities;
  char *modified; /* the file's modification time, local, "YYYY-MM-DD HH:MM" */
} TzBackupSummary;

void tz_backup_summary_clear (TzBackupSummary *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TzBackupSummary, tz_backup_summary_clear)

/* What a backup file holds, for the question before restoring it. Refuses a
 * file that is not a Taizhang database or of a newer schema (TZ_DB_ERROR_*),
 * without writing to it. */
gboolean tz_backup_describe (const char *path, TzBackupSummary *summary, GError **error);

/* Replaces the content of @db with the backup at @path: the backup is checked
 * (a Taizhang database, not newer, PRAGMA integrity_check) and brought to the
 * current schema on a temporary copy, the current content is kept as a
 * before-restore backup (its path in *@kept_path, may be NULL), then the pages
 * are copied in one step. "changed" is emitted for every table. On failure
 * the database is as it was. */
gboolean tz_backup_restore (TzDb *db, const char *path, char **kept_path, GError **error);

/* A backup made a few pages at a time, for a window that must stay
 * responsive while a large database is copied: on the same connection, so
 * that writes made meanwhile reach the copy too (SQLite's backup API). Never
 * open a second connection to the database in the same process for this:
 * closing it would release the process's locks (POSIX), and another program
 * could then take the WAL file away from under the first connection. */
typedef struct _TzBackupJob TzBackupJob;

/* The daily backup as a job: NULL without error when today's exists or the
 * database is empty. @today as for tz_backup_daily(). */
TzBackupJob *tz_backup_job_new_daily (TzDb *db, const char *today, GError **error);

/* Copies up to @pages pages; *@done once the copy is complete (then call
 * tz_backup_job_finish()). */
gboolean tz_backup_job_step (TzBackupJob *job, int pages, gboolean *done, GError **error);

/* Puts the finished copy in place (its path in *@path, may be NULL) and
 * rotates the backups of its kind. */
gboolean tz_backup_job_finish (TzBackupJob *job, char **path, GError **error);

/* Frees the job; an unfinished copy is removed. */
void tz_backup_job_free (TzBackupJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzBackupJob, tz_backup_job_free)

G_END_DECLS
