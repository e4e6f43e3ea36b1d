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

G_END_DECLS
