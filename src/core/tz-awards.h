/* tz-awards.h — hand-assigned awards and the rounds of a track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-assigned award is an award row with manual = 1; tz_ranking_compute
 * keeps it. A round closes by ranking its results; the final ranking of a
 * track with a closed round counts only the entries that advanced from the
 * last one (docs/ranking.md, "Rounds").
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 award_id;
  gint64 tier_id;
  char *tier; /* the tier's name */
  gint64 entry_id;
  char *title; /* the entry's title */
  gboolean manual;
  gboolean locked;
  char *recipient_kind; /* the tier's recipient: entry, person, organization, instructor */
  char *recipient;      /* the unit, person or instructor awarded; NULL for an entry */
} TzAwardRow;

void tz_award_row_free (TzAwardRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzAwardRow, tz_award_row_free)

/* Gives @entry_id the award tier @tier_id by hand. Refuses a tier of another
 * track (TZ_ERROR_INVALID), a tier whose count is full in the entry's division
 * (TZ_ERROR_INVALID), an organisation tier, an instructor tier for an entry
 * that names no instructor (TZ_ERROR_INVALID) and the same award twice
 * (TZ_ERROR_DUPLICATE). The new
 * award's id, 0 with @error. */
gint64 tz_award_assign (TzDb *db, gint64 tier_id, gint64 entry_id, GError **error);

/* Gives a unit (@unit_id, a tier whose recipient is organization: 优秀组织奖)
 * or a person (@person_id, recipient person: 优秀组织者) the award tier
 * @tier_id by hand: exactly one of them is not 0. Refuses a tier for another
 * kind of recipient and a full tier (TZ_ERROR_INVALID), the same award twice
 * (TZ_ERROR_DUPLICATE). An instructor award (recipient instructor) goes
 * through tz_award_assign() with the entry whose 指导教师 it honours. */
gint64 tz_award_assign_recipient (TzDb *db, gint64 tier_id, gint64 unit_id, gint64 person_id,
                                  GError **error);

/* Removes a hand-assigned award of a unit or a person; TZ_ERROR_NOT_FOUND
 * when there is none. */
gboolean tz_award_remove_recipient (TzDb *db, gint64 tier_id, gint64 unit_id, gint64 person_id,
                                    GError **error);

/* Removes a hand-assigned award: by @award_id when it is not 0, otherwise the
 * award of @tier_id held by @entry_id. TZ_ERROR_NOT_FOUND when there is none. */
gboolean tz_award_remove (TzDb *db, gint64 award_id, gint64 tier_id, gint64 entry_id,
                          GError **error);

/* The saved awards of @track_id in tier order, then by rank and entry: a
 * GPtrArray of TzAwardRow, NULL with @error. */
GPtrArray *tz_award_list (TzDb *db, gint64 track_id, GError **error);

/* The tier of @track_id named @name; TZ_ERROR_NOT_FOUND when there is none. */
gboolean tz_award_tier_resolve (TzDb *db, gint64 track_id, const char *name, gint64 *tier_id,
                                GError **error);

/* Records (or replaces) the score of @entry_id in @round_id; this reopens a
 * closed round (its ranks are cleared until it is closed again). */
gboolean tz_round_record (TzDb *db, gint64 round_id, gint64 entry_id, double score, GError **error);

/* Ranks the round's results by score, highest first, tied scores sharing a
 * rank (1, 2, 2, 4), and marks those ranked within the round's advance_count
 * as advancing: a tie at the boundary advances every tied entry. Without an
 * advance_count every entry advances. */
gboolean tz_round_close (TzDb *db, gint64 round_id, GError **error);

/* The entries of @track_id allowed in its final round, in id order: those that
 * advanced from the last closed round, or every entry (withdrawn ones left out)
 * when the track has no closed round. A GArray of gint64, NULL with @error. */
GArray *tz_round_advancing_ids (TzDb *db, gint64 track_id, GError **error);

G_END_DECLS
