/* tz-judging-page.h — the judging page (评审) of a campaign
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ranking of one track of the selected campaign as the core computes it:
 * rank, the expert and online parts, the composite and the award of every
 * entry, with a way to recompute the awards and to lock them. Selecting an
 * entry shows beside the table how its composite is made up
 * (tz_ranking_breakdown()).
 */
#pragma once

#include "tz-page.h"
#include "tz-ranking.h"

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

/* The score grid: the judge whose scores are shown (0: none), the text of one
 * cell ("" when none), and what editing a cell does: checks @text against the
 * criterion's maximum and saves it; FALSE with the message when refused. */
gint64 tz_judging_page_get_judge_id (TzJudgingPage *self);
void tz_judging_page_select_judge (TzJudgingPage *self, gint64 judge_id);
char *tz_judging_page_get_score_text (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id);
gboolean tz_judging_page_edit_score (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id,
                                     const char *text, GError **error);

/* The marks of a cell: 弃权 (@abstain) and 回避 (@conflict, conflict of
 * interest). Setting them keeps the cell's value, so that clearing them
 * brings it back; typing 回避 or 弃权 as the cell's text sets the mark in its
 * place (tz_judging_page_edit_score). A marked value is left out of the
 * ranking. What the menu beside each cell does. */
gboolean tz_judging_page_set_score_marks (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id,
                                          gboolean abstain, gboolean conflict, GError **error);
void tz_judging_page_get_score_marks (TzJudgingPage *self, gint64 entry_id, gint64 criterion_id,
                                      gboolean *abstain, gboolean *conflict);

/* Selects the row of @entry_id in the ranking (0 or an entry not shown:
 * none), which shows its breakdown in the side pane. */
void tz_judging_page_select_entry (TzJudgingPage *self, gint64 entry_id);
gint64 tz_judging_page_get_selected_entry (TzJudgingPage *self);

/* The breakdown shown, NULL when no row is selected; owned by the page. */
const TzRankBreakdown *tz_judging_page_get_breakdown (TzJudgingPage *self);

/* What the two Import buttons do once a file is chosen: imports scores (or,
 * with @metrics, online figures) of the track shown from @path. When the file
 * is refused, nothing is stored and the problems are shown in a message
 * dialog, which is returned (owned by GTK); NULL otherwise. */
GtkWidget *tz_judging_page_import_file (TzJudgingPage *self, gboolean metrics, const char *path);

G_END_DECLS
