/* tz-entry.h — entries: works and nominations in a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 campaign_id;
  gint64 track_id;
  char *track_name;
  char *title;
  char *description;
  char *summary;    /* 事迹简介 */
  gint64 person_id; /* exactly one of person, team, unit is the entrant */
  gint64 team_id;
  gint64 entrant_unit_id;
  char *entrant_name;
  gint64 recommending_unit_id;
  char *recommending_unit_name;
  char *platform;
  char *status; /* draft, submitted, reviewed, shortlisted, awarded, not_selected, withdrawn */
  char *submitted_on;
  double duration_seconds; /* -1: unknown, and -1 for the numbers below */
  gint64 width, height, file_size;
  char *file_format;
  char *file_sha256;
} TzEntry;

TzEntry *tz_entry_new (void);
void tz_entry_free (TzEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzEntry, tz_entry_free)

/* The SHA-256 of a file's content, read in blocks, as 64 hex digits. */
char *tz_file_sha256 (const char *path, GError **error);

/* Duplicate rules. In a track that takes one entry per entrant (nominations,
 * accounts, or one_entry_per_entrant), the same person may not appear twice. */
gboolean tz_entry_check_person_once (TzDb *db, gint64 track_id, gint64 person_id,
                                     gint64 except_entry_id, GError **error);
/* The same work file (by content hash) may not be entered twice in a campaign. */
gboolean tz_entry_check_file_once (TzDb *db, gint64 campaign_id, const char *sha256,
                                   gint64 except_entry_id, GError **error);

/* What the entry fails of its track's requirements, as translated messages
 * (an empty array when it meets them all). */
GPtrArray *tz_entry_requirement_failures (TzDb *db, const TzEntry *entry, GError **error);

/* Checks the entry (fields, entrant, duplicates, the track's text limits) and
 * saves it: insert when id is 0, else update. */
gboolean tz_entry_save (TzDb *db, TzEntry *entry, GError **error);

/* Entries of a campaign (and track, when not 0) matching @query by any part of
 * their title, entrant, unit or description. */
GPtrArray *tz_entry_search (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query,
                            guint offset, guint limit, GError **error);

G_END_DECLS
