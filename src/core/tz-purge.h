/* tz-purge.h — removing the personal data of a finished campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a campaign is over, its people's ID numbers, phone numbers and photos
 * are no longer needed; the results (names, units, entries, scores, awards)
 * are kept. The people of a campaign are the entrants of its entries and the
 * members of its entering teams. A person who also takes part in a campaign
 * that is not finished keeps their data. The audit log's copies of the
 * removed values are blanked too.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 people;     /* people of the campaign */
  gint64 kept;       /* of them, kept because of another campaign still running */
  gint64 id_numbers; /* ID numbers that go */
  gint64 phones;     /* phone numbers that go */
  gint64 emails;     /* e-mail addresses that go */
  gint64 photos;     /* photos that go */
  gint64 audit_rows; /* audit log rows whose copies are blanked */
} TzPurgeSummary;

/* What a purge of @campaign_id would remove, without removing it. Refuses a
 * campaign that is not finished or archived (TZ_ERROR_INVALID). */
gboolean tz_purge_preview (TzDb *db, gint64 campaign_id, TzPurgeSummary *summary, GError **error);

/* Removes it, in one transaction (a backup of kind before-purge first);
 * @summary (may be NULL) gets what went. */
gboolean tz_purge_personal_data (TzDb *db, gint64 campaign_id, TzPurgeSummary *summary,
                                 GError **error);

/* "12 ID numbers, 12 phone numbers and 3 photos of 12 people will be
 * removed; …" — the sentence a confirmation shows, translated. */
char *tz_purge_describe (const TzPurgeSummary *summary);

G_END_DECLS
