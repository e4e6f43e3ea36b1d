/* tz-judging-page.h — the judging page (评审) of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ranking of one track of the selected campaign as the core computes it:
 * rank, the expert and online parts, the composite and the award of every
 * entry, with a way to recompute the awards and to lock them.
 */
#pragma once

#include "tz-page.h"

G_BEGIN_DECLS

#define TZ_TYPE_JUDGING_PAGE (tz_judging_page_get_type ())
G_DECLARE_FINAL_TYPE (TzJudgingPage, tz_judging_page, TZ, JUDGING_PAGE, TzPage)

GtkWidget *tz_judging_page_new (void);

/* The track shown (0: none); selecting one that is not of the campaign does nothing. */
gint64 tz_judging_page_get_track_id (TzJudgingPage *self);
void tz_judging_page_select_track (TzJudgingPage *self, gint64 track_id);

/* What the Recompute button does: computes the ranking and saves the awards;
 * FALSE (with the error shown) when the core refuses. */
gboolean tz_judging_page_recompute (TzJudgingPage *self);

G_END_DECLS
