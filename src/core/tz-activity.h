/* tz-activity.h — offline activities (线下活动) held by units
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
  gint64 unit_id;
  char *unit_name;
  gint64 stage_id; /* 0: found from the date when the campaign's stages cover it */
  char *title;
  char *held_on; /* YYYY-MM-DD */
  char *place;
  char *enterprise;
  gint64 participants; /* -1: not recorded */
  char *summary;
  guint n_attachments; /* evidence files; filled by the listings and tz_activity_get() */
} TzActivity;

#define TZ_ACTIVITY_MAX_TITLE   100
#define TZ_ACTIVITY_MAX_SUMMARY 2000

TzActivity *tz_activity_new (void);
void tz_activity_free (TzActivity *activity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzActivity, tz_activity_free)

/* Checks every field; the unit must be one of the campaign's, or under one. */
gboolean tz_activity_validate (TzDb *db, const TzActivity *activity, GError **error);

/* Validates and saves (insert when id is 0, else update); sets activity->id. */
gboolean tz_activity_save (TzDb *db, TzActivity *activity, GError **error);
gboolean tz_activity_delete (TzDb *db, gint64 id, GError **error);

/* A campaign's activities, newest first; @unit_id 0 for every unit. */
GPtrArray *tz_activity_list (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error);

/* The activities of @unit_id and of the units under it, newest first: the ones
 * that count towards its quota (see tz_quota_list). */
GPtrArray *tz_activity_list_under (TzDb *db, gint64 campaign_id, gint64 unit_id, GError **error);

TzActivity *tz_activity_get (TzDb *db, gint64 id, GError **error);

/* Whether @text (ignoring case; NULL or blank matches all) occurs in the title,
 * unit, place, enterprise, summary or date of @activity. */
gboolean tz_activity_matches (const TzActivity *activity, const char *text);

/* The date a new activity starts with: today, moved into the campaign's period
 * when today lies outside it. YYYY-MM-DD, newly allocated. */
char *tz_activity_default_date (TzDb *db, gint64 campaign_id);

/* Saves @activity and its evidence in one transaction: the attachments
 * @remove_ids (@n_remove of them) are deleted and the files @add_paths
 * (NULL-terminated, may be NULL) attached as evidence. When a file cannot be
 * attached nothing is saved (activity->id is left as it was) and the message
 * names the file. */
gboolean tz_activity_save_with_evidence (TzDb *db, TzActivity *activity,
                                         const char *const *add_paths, const gint64 *remove_ids,
                                         guint n_remove, GError **error);

/* Deleting with a way back. The activity and its attachment records go in one
 * transaction and come back from tz_activity_restore() as they were: same id
 * (unless another activity took it meanwhile), same uuid, same files. The
 * stored files stay until tz_activity_deleted_purge() makes the deletion final. */
typedef struct _TzActivityDeleted TzActivityDeleted;

TzActivityDeleted *tz_activity_delete_for_undo (TzDb *db, gint64 id, GError **error);
const TzActivity *tz_activity_deleted_get_activity (const TzActivityDeleted *deleted);
gboolean tz_activity_restore (TzDb *db, const TzActivityDeleted *deleted, GError **error);
/* Removes the stored files that only the deleted activity used. */
void tz_activity_deleted_purge (TzDb *db, const TzActivityDeleted *deleted);
void tz_activity_deleted_free (TzActivityDeleted *deleted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzActivityDeleted, tz_activity_deleted_free)

G_END_DECLS
