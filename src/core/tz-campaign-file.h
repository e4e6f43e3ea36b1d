/* tz-campaign-file.h — the campaign file: a whole campaign as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented in docs/campaign-format.md. Import writes everything
 * in one transaction or nothing; export writes the same document back, so that
 * import → export → import → export is lossless.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

#define TZ_CAMPAIGN_FORMAT_NAME    "taizhang-campaign"
#define TZ_CAMPAIGN_FORMAT_VERSION 1

/* Returns the new campaign's id, or 0 with @error: TZ_ERROR_PARSE naming the JSON
 * path of the problem ($.tracks[2].award_tiers[0].count), TZ_ERROR_DUPLICATE when
 * a campaign with the same uuid is already in the database. */
gint64 tz_campaign_import_data (TzDb *db, const char *data, gssize length, GError **error);
gint64 tz_campaign_import_file (TzDb *db, const char *path, GError **error);

/* The campaign as a JSON document (pretty-printed, UTF-8, final newline). */
char *tz_campaign_export_data (TzDb *db, gint64 campaign_id, GError **error);
gboolean tz_campaign_export_file (TzDb *db, gint64 campaign_id, const char *path, GError **error);

/* The campaign as a lower unit receives it from @unit_id (0: the whole file, as
 * tz_campaign_export_data()): the units are @unit_id's own branch (itself and
 * every unit under it; those the campaign does not link yet as participants)
 * with its ancestors and the issuing and organising units, and the quotas are
 * those of the units in the file plus the rules for every unit. A city passes
 * the province's campaign down to its districts this way; the campaign keeps
 * its uuid, so what comes back up matches. */
char *tz_campaign_export_for_unit_data (TzDb *db, gint64 campaign_id, gint64 unit_id,
                                        GError **error);
gboolean tz_campaign_export_for_unit_file (TzDb *db, gint64 campaign_id, gint64 unit_id,
                                           const char *path, GError **error);

G_END_DECLS
