/* tz-ranking.h — ranking a track's entries and allocating its award tiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formula, the tie order and the allocation rule are written down in
 * docs/ranking.md; the tests reproduce its worked example.
 */
#pragma once

#include "tz-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 entry_id;
  char *title;
  char *entrant;      /* the person, team or unit that entered */
  gint64 division_id; /* 0: no division */
  char *division;     /* NULL: no division */
  double expert;      /* the expert total scaled to 0–100; -1 without any score */
  double metric;      /* the latest snapshot of the track's metric; -1 without one */
  double composite;   /* 0–100, what the rank is decided by */
  gint64 rank;        /* competition ranking (1, 2, 2, 4) within the division; 0 when not counted */
  gboolean tied;      /* another entry of the division has the same rank */
  gboolean counted;   /* FALSE: not the entrant's best work on a best-work-only track */
  char *award;        /* the award names joined by "、", NULL for none */
} TzRankRow;

void tz_rank_row_free (TzRankRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TzRankRow, tz_rank_row_free)

/* Ranks every entry of @track_id (withdrawn entries left out): by division
 * (in the track's order, entries without a division last), then by rank, the
 * entries that are not counted after the counted ones of their division.
 * The awards shown are the automatic allocation with the hand-assigned awards
 * kept, or the saved ones when the allocation is locked. With @save the
 * allocation replaces the saved automatic awards in one transaction, unless
 * the allocation is locked. A GPtrArray of TzRankRow, NULL with @error. */
GPtrArray *tz_ranking_compute (TzDb *db, gint64 track_id, gboolean save, GError **error);

/* Whether the saved allocation of @track_id is locked. */
gboolean tz_ranking_is_locked (TzDb *db, gint64 track_id, gboolean *locked, GError **error);

/* Locks or unlocks the saved allocation of @track_id; locking a track with no
 * saved award fails with TZ_ERROR_INVALID. */
gboolean tz_ranking_set_locked (TzDb *db, gint64 track_id, gboolean locked, GError **error);

G_END_DECLS
