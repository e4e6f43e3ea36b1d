/* tz-campaign.h — campaigns: list, look up, delete
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
  char *title;
  char *issuer;
  char *doc_number;
  char *issue_date; /* YYYY-MM-DD or NULL */
  char *start_date;
  char *end_date;
  char *status;
} TzCampaign;

void tz_campaign_free (TzCampaign *campaign);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzCampaign, tz_campaign_free)

/* Every campaign, newest issue date first, as TzCampaign*; NULL with @error on failure. */
GPtrArray *tz_campaign_list (TzDb *db, GError **error);
TzCampaign *tz_campaign_get (TzDb *db, gint64 id, GError **error);

/* Resolves what a user typed for --campaign: an id, a uuid, or an exact title. */
gboolean tz_campaign_resolve (TzDb *db, const char *text, gint64 *id, GError **error);

gboolean tz_campaign_delete (TzDb *db, gint64 id, GError **error);

/* The id of a track of @campaign_id by its exact name (or its name without 《》). */
gboolean tz_track_resolve (TzDb *db, gint64 campaign_id, const char *name, gint64 *track_id,
                           GError **error);

G_END_DECLS
