/* tz-entry.h — entries: works and nominations in a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tz-db.h"
#include "tz-requirements.h"

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
TzEntry *tz_entry_copy (const TzEntry *entry);
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

/* The limits of an entry's texts, in characters, beyond a track's own limits. */
#define TZ_ENTRY_MAX_TITLE       100
#define TZ_ENTRY_MAX_SUMMARY     5000
#define TZ_ENTRY_MAX_DESCRIPTION 2000

/* The fields of an entry a form checks one at a time as the user types. */
typedef enum
{
  TZ_ENTRY_FIELD_TITLE,
  TZ_ENTRY_FIELD_ENTRANT, /* exactly one of person, team and unit */
  TZ_ENTRY_FIELD_STATUS,
  TZ_ENTRY_FIELD_SUBMITTED_ON,
  TZ_ENTRY_FIELD_SUMMARY,     /* within the track's max_summary_chars */
  TZ_ENTRY_FIELD_DESCRIPTION, /* within the track's max_description_chars */
} TzEntryField;

/* Checks one field of @entry with the rule tz_entry_save() applies; the text
 * limits of the track come from @requirements (may be NULL: the general limits
 * only). */
gboolean tz_entry_check_field (const TzEntry *entry, const TzWorkRequirements *requirements,
                               TzEntryField field, GError **error);

/* Checks the entry (fields, entrant, duplicates, the track's text limits) and
 * saves it: insert when id is 0, else update. */
gboolean tz_entry_save (TzDb *db, TzEntry *entry, GError **error);

/* Entries of a campaign (and track, when not 0) matching @query by any part of
 * their title, entrant, unit or description. */
GPtrArray *tz_entry_search (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query,
                            guint offset, guint limit, GError **error);

/* Entries of a campaign (and track, when not 0) that tz_entry_search() finds,
 * counted without reading them. */
gint64 tz_entry_count (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query,
                       GError **error);

/* The ids of the entries tz_entry_search() finds, in the same order, from one
 * pass over the index. An array of gint64. */
GArray *tz_entry_search_ids (TzDb *db, gint64 campaign_id, gint64 track_id, const char *query,
                             GError **error);

/* The entries with the @n_ids ids of @ids, in that order; an id that is no longer
 * in the database is left out. */
GPtrArray *tz_entry_get_many (TzDb *db, const gint64 *ids, guint n_ids, GError **error);

TzEntry *tz_entry_get (TzDb *db, gint64 id, GError **error);

/* The statuses an entry goes through, in order (NULL-terminated), and the name
 * of one as people read it (translated; the code itself when unknown). */
const char *const *tz_entry_statuses (void);
const char *tz_entry_status_label (const char *status);

/* Changes only the status (withdrawn, submitted …) of entry @id. */
gboolean tz_entry_set_status (TzDb *db, gint64 id, const char *status, GError **error);

/* Fills in what the core knows of a work file: its SHA-256 (the duplicate rule),
 * size and format (the upper-case extension, MP4). Duration and picture size are
 * left as they are: reading them needs a media library. */
gboolean tz_entry_set_work_file (TzEntry *entry, const char *path, GError **error);

/* A track of a campaign as the entry forms need it. */
typedef struct
{
  gint64 id;
  gint64 campaign_id;
  int seq;
  char *name;
  char *short_name;
  char *entrant_kind; /* person, team, unit, person_or_team, unit_or_team, any */
  char *entry_kind;   /* work, nomination, account */
  char *form;         /* none, personal, list */
  TzWorkRequirements *requirements;
  char **opinion_levels; /* the names of the form's opinion boxes, in order (may be empty) */
} TzEntryTrack;

void tz_entry_track_free (TzEntryTrack *track);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzEntryTrack, tz_entry_track_free)

/* Whether the track takes people (TRUE for person, person_or_team and any) and
 * units (unit, unit_or_team and any) as entrants. */
gboolean tz_entry_track_takes_person (const TzEntryTrack *track);
gboolean tz_entry_track_takes_unit (const TzEntryTrack *track);

/* The tracks of a campaign in their order, as TzEntryTrack*. */
GPtrArray *tz_entry_list_tracks (TzDb *db, gint64 campaign_id, GError **error);
TzEntryTrack *tz_entry_get_track (TzDb *db, gint64 track_id, GError **error);

/* The work requirements stored for a track. */
TzWorkRequirements *tz_entry_load_requirements (TzDb *db, gint64 track_id, GError **error);

/* What @entry fails of @requirements (already loaded), as translated messages;
 * an empty array when it meets them all. */
GPtrArray *tz_entry_check_requirements (const TzWorkRequirements *requirements,
                                        const TzEntry *entry);

/* The opinion of one level on an entry's form (推荐单位意见 …). */
typedef struct
{
  gint64 id;
  gint64 entry_id;
  int level; /* 1 for the first box of the form */
  char *level_name;
  gint64 unit_id; /* 0: none */
  char *unit_name;
  char *text;
  char *signed_on; /* YYYY-MM-DD or NULL */
  char *signer;
  gboolean sealed;
} TzOpinion;

#define TZ_OPINION_MAX_TEXT   500
#define TZ_OPINION_MAX_SIGNER 50

TzOpinion *tz_opinion_new (void);
void tz_opinion_free (TzOpinion *opinion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzOpinion, tz_opinion_free)

/* Checks one opinion's fields (text length, the date, the signer); the message
 * names the level. */
gboolean tz_opinion_check (const TzOpinion *opinion, GError **error);

/* The opinions recorded for an entry, by level. */
GPtrArray *tz_entry_get_opinions (TzDb *db, gint64 entry_id, GError **error);

/* Saves the entry (as tz_entry_save()) and its opinions in one transaction: an
 * opinion with no text, date, signer or unit removes that level's opinion.
 * Nothing is written on failure, and @entry keeps its id. */
gboolean tz_entry_save_with_opinions (TzDb *db, TzEntry *entry, GPtrArray *opinions,
                                      GError **error);

/* The nickname (else the handle) of the account linked to entry @entry_id, or
 * NULL when it has none; FALSE only on a database error. */
gboolean tz_entry_get_account_nickname (TzDb *db, gint64 entry_id, char **nickname, GError **error);

G_END_DECLS
