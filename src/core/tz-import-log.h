/* tz-import-log.h — the history of imports: who, when, which file, how many rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every import that writes (a filled table, an entry package, scores, online
 * figures, a campaign file) adds one line, in the same transaction as the rows
 * it wrote, so the history never names an import that did not happen.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *at;           /* UTC, ISO 8601 with milliseconds; filled in by the database */
  char *actor;        /* filled in from tz_db_get_actor() */
  char *kind;         /* table, package, scores, metrics, campaign */
  gint64 campaign_id; /* 0: none */
  gint64 track_id;    /* 0: none */
  char *file_name;    /* the base name of the file */
  char *file_sha256;  /* NULL: not known */
  gint64 rows_read;
  gint64 rows_added;
  gint64 rows_changed;
  gint64 rows_unchanged;
  gint64 rows_dropped; /* rows the user dropped in the preview */
  char *note;
} TzImportLogEntry;

TzImportLogEntry *tz_import_log_entry_new (void);
void tz_import_log_entry_free (TzImportLogEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzImportLogEntry, tz_import_log_entry_free)

/* Adds @entry (its id, at and actor are filled in). Call it inside the import's
 * own transaction. @path may be a full path: only its base name is kept; when
 * @entry->file_sha256 is NULL and @path names a readable file, its SHA-256 is
 * computed. */
gboolean tz_import_log_add (TzDb *db, TzImportLogEntry *entry, const char *path, GError **error);

/* The imports of @campaign_id (0: all), newest first, at most @limit (0: all):
 * of TzImportLogEntry. */
GPtrArray *tz_import_log_list (TzDb *db, gint64 campaign_id, guint limit, GError **error);

/* The kind of an import as people read it (translated). */
const char *tz_import_log_kind_label (const char *kind);

G_END_DECLS
